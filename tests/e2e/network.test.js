// Four validators on the `local` chain (Aura authoring, GRANDPA finality), started, stopped and
// restarted by scripts/localnet.sh, on loopback ports chosen free for this run.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { nodeBinary, tempDir, keys, TAO } from './lib/chain.js';

const NAMES = ['alice', 'bob', 'charlie', 'dave'];
const script = resolve('../../scripts/localnet.sh');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function portFree(port) {
  return new Promise((res) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

/** A base port with `count` free ports from it. */
async function freeRange(count) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    let ok = true;
    for (let i = 0; i < count && ok; i++) ok = await portFree(base + i);
    if (ok) return base;
  }
  throw new Error('no free port range');
}

let env;
let dir;
const apis = {};

function localnet(...args) {
  return execFileSync(script, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 }).toString();
}

async function connect(name) {
  const port = Number(env.DTAO_LOCALNET_RPC_PORT) + NAMES.indexOf(name);
  const provider = new WsProvider(`ws://127.0.0.1:${port}`, false);
  await provider.connect();
  return ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
}

const finalizedNumber = async (api) => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
const bestNumber = async (api) => (await api.rpc.chain.getHeader()).number.toNumber();

/** Poll `check` every 250 ms until it returns a truthy value, or fail after `ms`. */
async function until(what, ms, check) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(250);
  }
}

describe('four validators on --chain local', () => {
  before(async () => {
    dir = tempDir();
    env = {
      ...process.env,
      DTAO_NODE_BIN: nodeBinary(),
      DTAO_LOCALNET_DIR: dir,
      DTAO_LOCALNET_RPC_PORT: String(await freeRange(4)),
      DTAO_LOCALNET_P2P_PORT: String(await freeRange(4)),
    };
    const started = Date.now();
    const out = localnet('start');
    console.log(`localnet start: ${out.match(/first finalized block.*/)?.[0]} (${Date.now() - started} ms in all)`);
    for (const name of NAMES) apis[name] = await connect(name);
  });

  after(async () => {
    for (const api of Object.values(apis)) await api.disconnect().catch(() => {});
    if (env) {
      try { localnet('purge'); } catch (e) { console.log(String(e.stderr ?? e)); }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('all four author blocks in turn and finalize them', async () => {
    const { alice } = apis;
    await until('block 8 finalized', 60_000, async () => (await finalizedNumber(alice)) >= 8);
    const authorities = (await alice.query.aura.authorities()).map((a) => a.toString());
    assert.equal(authorities.length, 4);
    const authors = new Set();
    for (let n = 1; n <= 8; n++) {
      const header = await alice.rpc.chain.getHeader(await alice.rpc.chain.getBlockHash(n));
      const digest = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
      const slot = alice.registry.createType('u64', digest.asPreRuntime[1]).toBigInt();
      authors.add(authorities[Number(slot % 4n)]);
    }
    assert.ok(authors.size >= 3, `blocks 1..8 come from ${authors.size} validators`);
  });

  it('a transfer sent to Bob is InBlock, then Finalized, in the same block with the same state root on all four', async () => {
    const k = keys();
    const { bob } = apis;
    const seen = [];
    const txHash = await new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`not finalized in 60 s: ${JSON.stringify(seen)}`)), 60_000);
      bob.tx.balances.transferKeepAlive(k.dave.address, 7n * TAO).signAndSend(k.alice, (r) => {
        seen.push(r.status.type);
        if (r.status.isFinalized) { clearTimeout(timer); res([r.txHash, r.status.asFinalized]); }
        if (r.isError) { clearTimeout(timer); rej(new Error(JSON.stringify(seen))); }
      }).catch(rej);
    });
    const [hash, block] = txHash;
    assert.ok(seen.indexOf('InBlock') >= 0 && seen.indexOf('InBlock') < seen.indexOf('Finalized'), `statuses ${seen}`);
    const number = (await bob.rpc.chain.getHeader(block)).number.toNumber();
    const roots = new Set();
    for (const name of NAMES) {
      const api = apis[name];
      await until(`${name} finalizes #${number}`, 30_000, async () => (await finalizedNumber(api)) >= number);
      assert.equal((await api.rpc.chain.getBlockHash(number)).toHex(), block.toHex(), `${name} has the same block`);
      const body = await api.rpc.chain.getBlock(block);
      assert.ok(body.block.extrinsics.some((x) => x.hash.eq(hash)), `the transfer is in ${name}'s block`);
      roots.add((await api.rpc.chain.getHeader(block)).stateRoot.toHex());
    }
    assert.equal(roots.size, 1, 'one state root');
  });

  it('with Dave stopped the other three keep finalizing; Dave restarts from his base path and catches up', async () => {
    const { alice } = apis;
    let baseLag = 0;
    for (let i = 0; i < 20; i++) {
      baseLag = Math.max(baseLag, (await bestNumber(alice)) - (await finalizedNumber(alice)));
      await sleep(250);
    }
    await apis.dave.disconnect();
    delete apis.dave;
    localnet('stop', 'dave');
    const from = await finalizedNumber(alice);
    let maxLag = 0;
    const start = Date.now();
    await until('three validators finalize 8 more blocks', 60_000, async () => {
      maxLag = Math.max(maxLag, (await bestNumber(alice)) - (await finalizedNumber(alice)));
      return (await finalizedNumber(alice)) >= from + 8;
    });
    console.log(`dave down: #${from} → #${await finalizedNumber(alice)} finalized in ${Date.now() - start} ms; best − finalized at most ${maxLag} (${baseLag} with all four up)`);
    assert.ok(maxLag <= 6, `finality kept up (best − finalized at most ${maxLag})`);

    const target = await finalizedNumber(alice);
    localnet('start', 'dave');
    apis.dave = await connect('dave');
    const restarted = Date.now();
    await until('dave catches up', 60_000, async () => (await finalizedNumber(apis.dave)) >= target);
    console.log(`dave caught up to #${target} ${Date.now() - restarted} ms after its RPC answered`);
    assert.equal((await apis.dave.rpc.chain.getBlockHash(target)).toHex(), (await alice.rpc.chain.getBlockHash(target)).toHex());
    assert.ok(localnet('status').match(/^dave +running/m), 'status shows dave running');
  });
});
