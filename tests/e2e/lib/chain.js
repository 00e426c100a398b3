// Start a dev node with manual sealing, connect @polkadot/api, step blocks, submit extrinsics, and
// recompute the numbers of docs/mechanism.md from chain state.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';

export const TAO = 1_000_000_000n;
export const PPB = 1_000_000_000n;

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** The node binary: `DTAO_NODE_BIN`, else the release build in the cargo target directory. */
export function nodeBinary() {
  if (process.env.DTAO_NODE_BIN) return process.env.DTAO_NODE_BIN;
  const target = process.env.CARGO_TARGET_DIR || join(process.env.HOME || '', '.cache', 'dtao-target');
  const candidates = [join(target, 'node', 'dtao-node'), join(target, 'release', 'dtao-node'), resolve('../../target/release/dtao-node')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`dtao-node not found (looked in ${candidates.join(', ')}); set DTAO_NODE_BIN`);
  return found;
}

/** A fresh directory for `--base-path`. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'dtao-e2e-'));

/**
 * Start `dtao-node --dev [--chain <chain>] --sealing <sealing>` (default manual) on free ports,
 * with `--tmp` or the given base path; resolves when RPC answers.
 */
export async function startNode({ basePath, sealing = 'manual', chain } = {}) {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const args = [
    '--dev', ...(chain ? ['--chain', chain] : []),
    '--sealing', sealing, ...(basePath ? ['--base-path', basePath] : ['--tmp']),
    '--rpc-port', String(rpcPort), '--port', String(p2pPort),
    '--no-prometheus', '--no-telemetry', '--no-mdns',
  ];
  const started = Date.now();
  const child = spawn(nodeBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((res) => child.on('exit', (code) => res(code)));
  const url = `ws://127.0.0.1:${rpcPort}`;
  let api;
  for (let i = 0; i < 600 && !api; i++) {
    if (child.exitCode !== null) throw new Error(`dtao-node exited with ${child.exitCode}:\n${log}`);
    if (log.includes('Running JSON-RPC server')) {
      const provider = new WsProvider(url, false);
      await provider.connect();
      api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
    } else {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!api) throw new Error(`dtao-node did not open RPC in 60 s:\n${log}`);
  const stop = async () => {
    await api.disconnect().catch(() => {});
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { api, url, stop, log: () => log, startupMs: Date.now() - started };
}

export function keys() {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const k = (uri) => keyring.addFromUri(uri);
  return {
    alice: k('//Alice'), bob: k('//Bob'), charlie: k('//Charlie'), dave: k('//Dave'), eve: k('//Eve'), ferdie: k('//Ferdie'),
    aliceHot: k('//Alice//hot'), bobHot: k('//Bob//hot'), charlieHot: k('//Charlie//hot'),
  };
}

/** Seal one block (empty or with what is in the pool), finalized. Returns its hash. */
export async function createBlock(api) {
  const created = await api.rpc.engine.createBlock(true, true);
  return created.blockHash;
}

/** The module error of a failed extrinsic as `section.Name`, or the dispatch error's string. */
function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return `${meta.section}.${meta.name}`;
  }
  return dispatchError.toString();
}

/**
 * Sign `tx` with `signer`, put it in the pool, seal a block, and return the block hash, the
 * extrinsic's events, its error (`dtao.SlippageTooHigh`, …) or null, and the fee it paid.
 */
export async function submit(api, tx, signer) {
  await tx.signAsync(signer, { nonce: -1 });
  const txHash = await api.rpc.author.submitExtrinsic(tx);
  const blockHash = await createBlock(api);
  const block = await api.rpc.chain.getBlock(blockHash);
  const index = block.block.extrinsics.findIndex((x) => x.hash.eq(txHash));
  if (index < 0) throw new Error(`extrinsic ${txHash.toHex()} not in block ${blockHash.toHex()}`);
  const apiAt = await api.at(blockHash);
  const events = (await apiAt.query.system.events())
    .filter((r) => r.phase.isApplyExtrinsic && r.phase.asApplyExtrinsic.eqn(index))
    .map((r) => r.event);
  const failed = events.find((e) => api.events.system.ExtrinsicFailed.is(e));
  const feeEvent = events.find((e) => api.events.transactionPayment.TransactionFeePaid.is(e));
  return {
    blockHash,
    events,
    error: failed ? errorName(api, failed.data[0]) : null,
    fee: feeEvent ? feeEvent.data.actualFee.toBigInt() : 0n,
  };
}

/** The first event of `kind` (e.g. api.events.dtao.StakeAdded) among `events`: its fields by
 * camelCase name, integers as BigInt and everything else as strings. */
export function eventOf(events, kind) {
  const e = events.find((x) => kind.is(x));
  if (!e) return null;
  const out = {};
  e.data.forEach((value, i) => {
    const name = String(e.data.names?.[i] ?? i).replace(/_([a-z])/g, (_, c) => c.toUpperCase());
    out[name] = typeof value.toBigInt === 'function' ? value.toBigInt() : value.toString();
  });
  return out;
}

export const big = (codec) => BigInt(codec.toString());

// ---- docs/mechanism.md arithmetic, recomputed here ----------------------------------------------------

const SUPPLY = 21_000_000n * TAO;

/** §6.1: E(I) with halvings at 10.5M, 15.75M, … */
export function emission(issuance, base) {
  if (issuance >= SUPPLY) return 0n;
  let k = 0n;
  for (let j = 1n; j < 64n; j++) {
    if (issuance * (1n << j) >= SUPPLY * ((1n << j) - 1n)) k = j; else break;
  }
  return base >> k;
}

export const mulFloor = (x, ppb) => (x * ppb) / PPB;
export const ceilDiv = (a, b) => (a + b - 1n) / b;

/** §3 buy of `t` TAO: { alpha, fee, T, A } after. */
export function buy(T, A, t, feePpb) {
  const fee = ceilDiv(t * feePpb, PPB);
  const net = t - fee;
  const alpha = (A * net) / (T + net);
  return { alpha, fee, T: T + t, A: A - alpha };
}

/** §3 sell of `a` alpha: { tao, fee, T, A } after. */
export function sell(T, A, a, feePpb) {
  const gross = (T * a) / (A + a);
  const fee = ceilDiv(gross * feePpb, PPB);
  return { tao: gross - fee, fee, T: T - (gross - fee), A: A + a };
}

/** Spot price in rao per alpha. */
export const spot = (T, A) => (A === 0n ? 0n : (T * TAO) / A);

/**
 * §6.2 for every started subnet, from the chain state at `hash` (the parent of the block being
 * predicted). Returns a map netuid → { tauIn, alphaIn, alphaOut, rootAlphaSold, rootTaoBought,
 * rootProportionPpb, T, A, O, pendingOwner, pendingMiner, pendingValidator, pendingRoot }.
 */
export async function predictCoinbase(api, hash) {
  const at = await api.at(hash);
  const pools = (await at.query.dtao.pools.entries())
    .map(([k, v]) => [k.args[0].toNumber(), v.unwrap()])
    .filter(([, p]) => p.startedAt.isSome)
    .sort((a, b) => a[0] - b[0]);
  const issuance = big(await at.query.balances.totalIssuance());
  const base = big(await at.query.dtao.blockEmission());
  const ownerCut = big(await at.query.dtao.ownerCut());
  const minerShare = big(await at.query.dtao.minerShare());
  const tw = big(await at.query.dtao.taoWeight());
  const rootStake = big(await at.query.dtao.totalRootStake());
  const floor = big(await at.query.dtao.minPoolReserve());
  const E = emission(issuance, base);
  const M = pools.reduce((s, [, p]) => s + big(p.movingPrice.bits), 0n);
  const out = new Map();
  for (const [netuid, p] of pools) {
    let T = big(p.taoReserve); let A = big(p.alphaReserve); let O = big(p.alphaOutstanding);
    const tau = M === 0n ? 0n : (E * big(p.movingPrice.bits)) / M;
    const alphaEmission = emission(A + O, base);
    let alphaIn = T === 0n ? alphaEmission : (tau * A) / T;
    if (alphaIn > alphaEmission) alphaIn = alphaEmission;
    const alphaOut = alphaEmission;
    T += tau; A += alphaIn; O += alphaOut;
    const c = mulFloor(alphaOut, ownerCut);
    const r = alphaOut - c;
    const mu = mulFloor(r, minerShare);
    const v = r - mu;
    const num = rootStake * tw;
    const den = num + (A + O) * PPB;
    const rootProportionPpb = den === 0n ? 0n : (num * PPB) / den;
    let ra = den === 0n ? 0n : (v * num) / den;
    let rt = 0n;
    if (ra > 0n) {
      const s = sell(T, A, ra, 0n);
      if (s.T >= floor) { rt = s.tao; T = s.T; A = s.A; O -= ra; } else { ra = 0n; }
    }
    out.set(netuid, {
      tauIn: tau, alphaIn, alphaOut, rootAlphaSold: ra, rootTaoBought: rt, rootProportionPpb, T, A, O,
      pendingOwner: big(p.pendingOwnerAlpha) + c,
      pendingMiner: big(p.pendingMinerAlpha) + mu,
      pendingValidator: big(p.pendingValidatorAlpha) + v - ra,
      pendingRoot: big(p.pendingRootTao) + rt,
    });
  }
  return out;
}

// ---- docs/mechanism.md §8, from chain state --------------------------------------------------------

/** The pallet's account: "modl" + PalletId (dtao/pot), zero-padded to 32 bytes. */
export function palletAccount(api) {
  const id = api.consts.dtao.palletId.toU8a();
  const raw = new Uint8Array(32);
  raw.set(new TextEncoder().encode('modl'), 0);
  raw.set(id, 4);
  return api.registry.createType('AccountId', raw).toString();
}

/**
 * §8 (1, 2, 4) at `hash`: the pallet account holds ED + T_0 + Σ (T_n + pending root TAO) + the TAO
 * of settled claim pools; every
 * subnet's outstanding alpha is its hotkeys' stake plus its pending balances, and root's T_0 its
 * hotkeys' stake; no reserve below the floor. (No subnet may be dissolving here.)
 */
export async function assertInvariants(api, hash) {
  const at = await api.at(hash);
  const pools = (await at.query.dtao.pools.entries()).map(([key, v]) => [key.args[0].toNumber(), v.unwrap()]);
  const dissolving = await at.query.dtao.dissolving.entries();
  if (dissolving.length) throw new Error('assertInvariants: a subnet is dissolving');
  const rootStake = big(await at.query.dtao.totalRootStake());
  const ed = big(api.consts.balances.existentialDeposit);
  const held = big((await at.query.system.account(palletAccount(api))).data.free);
  // Root's kept alpha held in live claim pools (docs/mechanism.md §6.7) is outstanding too; the
  // pallet account keeps the TAO of settled ones (of dissolved subnets).
  const held_for_claims = new Map();
  let settledTao = 0n;
  for (const [, value] of await at.query.dtao.rootClaimPools.entries()) {
    for (const pool of value.unwrap().pools) {
      if (pool.settled.isSome) {
        settledTao += big(pool.settled.unwrap());
      } else {
        const n = pool.netuid.toNumber();
        held_for_claims.set(n, (held_for_claims.get(n) ?? 0n) + big(pool.held));
      }
    }
  }
  const tao = pools.reduce((s, [, p]) => s + big(p.taoReserve) + big(p.pendingRootTao), rootStake) + settledTao;
  if (held !== ed + tao) throw new Error(`§8.1 at ${hash}: pallet account ${held} != ED + ${tao}`);
  const staked = new Map();
  for (const [key, pool] of await at.query.dtao.hotkeyStake.entries()) {
    const n = key.args[0].toNumber();
    staked.set(n, (staked.get(n) ?? 0n) + big(pool.unwrap().alpha));
  }
  if ((staked.get(0) ?? 0n) !== rootStake) throw new Error(`§8.2 at ${hash}: root stake ${staked.get(0)} != T_0 ${rootStake}`);
  const floor = big(await at.query.dtao.minPoolReserve());
  for (const [n, p] of pools) {
    const expected = (staked.get(n) ?? 0n) + big(p.pendingOwnerAlpha) + big(p.pendingMinerAlpha) + big(p.pendingValidatorAlpha)
      + big(p.pendingRootAlpha) + (held_for_claims.get(n) ?? 0n);
    if (big(p.alphaOutstanding) !== expected) {
      throw new Error(`§8.2 at ${hash}: subnet ${n} outstanding ${p.alphaOutstanding} != ${expected}`);
    }
    if (big(p.taoReserve) < floor || big(p.alphaReserve) < floor || big(p.alphaReserve) === 0n) {
      throw new Error(`§8.4 at ${hash}: subnet ${n} reserves below the floor`);
    }
  }
}
