// Yuma Consensus recomputed independently in BigInt, from docs/yuma.md: every value is the bits
// of an I32F32 (32 fraction bits), products rounded down, quotients truncated. Used by the e2e
// suite to predict an epoch from the chain state read before it.

import { big } from './chain.js';

const ONE = 1n << 32n;
const U16 = 65535n;

const mul = (a, b) => (a * b) >> 32n;
const div = (a, b) => (b === 0n ? 0n : (a << 32n) / b);
const sum = (v) => v.reduce((s, x) => s + x, 0n);
const normalize = (v) => {
  const t = sum(v);
  return t === 0n ? v.slice() : v.map((x) => div(x, t));
};
export const fromU16 = (u) => div(BigInt(u) << 32n, U16 << 32n);
export const toU16 = (x) => {
  const v = (x * U16) >> 32n;
  return v > U16 ? U16 : v;
};

/**
 * One epoch. `s` holds: block, tempo, lastEpochBlock, ownerUid (or null), taoWeightPpb, kappa,
 * bondsMovingAverage, bondsPenalty, activityCutoff, maxValidators (BigInt or numbers), and
 * `neurons`: [{ alpha, root, permit, lastUpdate, registeredAt, weights: [[uid, u16]], bonds:
 * [[uid, u16]] }]. Returns { stake, active, activeStake, consensus, trust, incentive, dividends,
 * bonds (stored u16 rows), permits, dividendWeights }.
 */
export function yumaEpoch(s) {
  const n = s.neurons.length;
  const b = BigInt(s.block);
  const owner = s.ownerUid;
  const N = s.neurons;
  // 1. Activity.
  const active = N.map((x) => BigInt(x.lastUpdate) + BigInt(s.activityCutoff) >= b);
  // 2. Stake: floor(X_i · 2^32 / ΣX), X_i = α_i·2^64 + r_i·floor(tw·2^64/10^9).
  const tw64 = (BigInt(s.taoWeightPpb) << 64n) / 1_000_000_000n;
  const X = N.map((x) => (BigInt(x.alpha) << 64n) + BigInt(x.root) * tw64);
  const XT = sum(X);
  const stake = X.map((x) => (XT === 0n ? 0n : (x << 32n) / XT));
  // 3. Permits.
  const permits = N.map((x, i) => x.permit || i === owner);
  const k = Number(s.maxValidators);
  let next = stake.map((x) => x !== 0n);
  if (n >= k) {
    const order = [...Array(n).keys()].sort((i, j) => (stake[i] < stake[j] ? -1 : stake[i] > stake[j] ? 1 : i - j));
    for (const i of order.slice(0, n - k)) next[i] = false;
  }
  if (owner !== null && owner < n) next[owner] = true;
  // 4. Active stake.
  const activeStake = normalize(stake.map((x, i) => (permits[i] && active[i] ? x : 0n)));
  // 5. Weights.
  const W = N.map((x, i) => {
    if (!permits[i]) return [];
    const row = x.weights
      .filter(([j]) => j < n && (j !== i || i === owner) && BigInt(x.lastUpdate) > BigInt(N[j].registeredAt))
      .map(([j, w]) => [j, BigInt(w) << 32n]);
    const t = sum(row.map(([, w]) => w));
    return t > 0n ? row.map(([j, w]) => [j, div(w, t)]) : row;
  });
  // 6. Consensus: the smallest weight whose cumulative stake exceeds T − κ.
  const voters = [...Array(n).keys()].filter((i) => activeStake[i] > 0n);
  const u = normalize(voters.map((i) => activeStake[i]));
  const T = sum(u);
  const minority = T - fromU16(s.kappa);
  const consensus = [...Array(n).keys()].map((j) => {
    if (voters.length === 0) return 0n;
    const col = voters.map((i, vi) => {
      const e = W[i].find(([c]) => c === j);
      return [e ? e[1] : 0n, u[vi]];
    }).sort((a, c) => (a[0] < c[0] ? -1 : a[0] > c[0] ? 1 : 0));
    let cum = 0n;
    for (let q = 0; q < col.length;) {
      const x = col[q][0];
      while (q < col.length && col[q][0] === x) { cum += col[q][1]; q++; }
      if (cum > minority) return x;
    }
    return col[col.length - 1][0];
  });
  // 7–9. Clip, trust, rank, incentive.
  const clipped = W.map((row) => row.flatMap(([j, w]) => (w > consensus[j] ? (consensus[j] > 0n ? [[j, consensus[j]]] : []) : [[j, w]])));
  const trust = clipped.map((row) => sum(row.map(([, w]) => w)));
  const rank = Array(n).fill(0n);
  clipped.forEach((row, i) => row.forEach(([j, w]) => { rank[j] += mul(activeStake[i], w); }));
  const incentive = normalize(rank);
  // 10. Weights for bonds.
  const beta = fromU16(s.bondsPenalty);
  const Wb = beta === ONE ? clipped : beta === 0n ? W : W.map((row) => row
    .map(([j, w]) => [j, w + mul(beta, (w < consensus[j] ? w : consensus[j]) - w)])
    .filter(([, x]) => x > 0n));
  // 11. Yuma 3 bonds.
  const lastTempo = BigInt(s.lastEpochBlock) === 0n ? (b > BigInt(s.tempo) ? b - BigInt(s.tempo) : 0n) : BigInt(s.lastEpochBlock) + 1n;
  const alpha = ONE - ((BigInt(s.bondsMovingAverage) << 32n) / 1_000_000n);
  const keep = ONE - alpha;
  const ema = N.map((x, i) => {
    const m = new Map();
    for (const [j, bond] of x.bonds) {
      if (j >= n || lastTempo <= BigInt(N[j].registeredAt)) continue;
      m.set(j, (m.get(j) ?? 0n) + mul(keep, fromU16(bond)));
    }
    for (const [j, w] of Wb[i]) m.set(j, (m.get(j) ?? 0n) + mul(alpha, w));
    return [...m.entries()].filter(([, v]) => v > 0n).sort((p, q) => p[0] - q[0]);
  });
  const colSum = Array(n).fill(0n);
  ema.forEach((row) => row.forEach(([j, v]) => { colSum[j] += v; }));
  const dividends = normalize(ema.map((row, i) => mul(sum(row.map(([j, v]) => mul(div(v, colSum[j]), incentive[j]))), activeStake[i])));
  // 12. What the validators' pots are split by.
  const E = sum(incentive) + sum(dividends);
  let dividendWeights = dividends;
  if (E === 0n) dividendWeights = sum(activeStake) === 0n ? stake : activeStake;
  const bonds = ema.map((row, i) => (next[i] ? row.map(([j, v]) => [j, toU16(v)]) : []));
  return { stake, active, activeStake, consensus, trust, incentive, dividends, bonds, permits: next, dividendWeights };
}

/** The pots shared by the epoch's shares (docs/yuma.md §6): rao per uid. */
export function splitPots(s, out, pots) {
  const n = s.neurons.length;
  const I = sum(out.incentive);
  const toValidators = I === 0n;
  const minerPot = toValidators ? 0n : pots.miner;
  const validatorPot = toValidators ? pots.validator + pots.miner : pots.validator;
  const miner = out.incentive.map((x) => (I === 0n ? 0n : (minerPot * x) / I));
  const tw = BigInt(s.taoWeightPpb);
  const rho = Array(n).fill(0n);
  const a = Array(n).fill(0n);
  s.neurons.forEach((x, i) => {
    const d = out.dividendWeights[i];
    if (d === 0n) return;
    const rootWeight = tw * BigInt(x.root);
    const total = BigInt(x.alpha) * 1_000_000_000n + rootWeight;
    rho[i] = total === 0n ? 0n : (d * rootWeight) / total;
    a[i] = d - rho[i];
  });
  const sa = sum(a);
  const sr = sum(rho);
  return {
    toValidators,
    miner,
    validatorAlpha: a.map((x) => (sa === 0n ? 0n : (validatorPot * x) / sa)),
    rootTao: rho.map((x) => (sr === 0n ? 0n : (pots.root * x) / sr)),
  };
}

/** Everything the epoch of subnet `n` reads, at block `hash`, for `yumaEpoch`; with `hotkeys`, the
 * neurons' hotkeys by uid. */
export async function epochState(api, n, hash) {
  const at = await api.at(hash);
  const q = at.query.dtao;
  const count = (await q.neuronCount(n)).toNumber();
  const permits = (await q.validatorPermit(n)).map((x) => x.isTrue);
  const updates = (await q.lastUpdate(n)).map(big);
  const ownerHotkey = (await q.subnetOwnerHotkey(n)).unwrap().toString();
  const pool = async (netuid, hk) => {
    const p = await q.hotkeyStake(netuid, hk);
    return p.isSome ? big(p.unwrap().alpha) : 0n;
  };
  const neurons = [];
  const hotkeys = [];
  let ownerUid = null;
  for (let uid = 0; uid < count; uid++) {
    const hk = (await q.neurons(n, uid)).unwrap().toString();
    if (hk === ownerHotkey) ownerUid = uid;
    const pairs = (v) => v.map(([j, x]) => [j.toNumber(), x.toNumber()]);
    hotkeys.push(hk);
    neurons.push({
      alpha: await pool(n, hk),
      root: await pool(0, hk),
      permit: permits[uid] ?? false,
      lastUpdate: updates[uid] ?? 0n,
      registeredAt: big(await q.blockAtRegistration(n, uid)),
      weights: pairs(await q.weights(n, uid)),
      bonds: pairs(await q.bonds(n, uid)),
    });
  }
  const tempo = (await q.tempo(n)).toNumber();
  const factor = big(await q.activityCutoffFactorMilli(n));
  const cutoff = (factor * BigInt(tempo)) / 1000n;
  const header = await api.rpc.chain.getHeader(hash);
  return {
    hotkeys,
    block: BigInt(header.number.toNumber() + 1),
    tempo,
    lastEpochBlock: big(await q.lastEpochBlock(n)),
    ownerUid,
    taoWeightPpb: big(await q.taoWeight()),
    kappa: (await q.kappa(n)).toNumber(),
    bondsMovingAverage: big(await q.bondsMovingAverage(n)),
    bondsPenalty: (await q.bondsPenalty(n)).toNumber(),
    activityCutoff: cutoff > 1n ? cutoff : 1n,
    maxValidators: (await q.maxValidators(n)).toNumber(),
    neurons,
  };
}
