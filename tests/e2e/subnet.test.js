// The example subnet (examples/subnet) on a dev node sealing a block every 500 ms, driven only
// through the bittensor Python SDK (scripts/bt-python.sh): Alice registers and starts a subnet,
// three miners of skills 1.0, 0.6 and 0.3 register, publish their endpoints with serve_axon and
// answer signed HTTP requests, and the owner's validator scores them and sets weights every epoch.
// Checked here through @polkadot/api: the stored weights are the scores (max-upscaled), the epoch
// that followed is the one lib/yuma.js predicts from the state before it, the miners' incentives
// follow the skills and the validator earns dividends; and what the SDK reads (metagraph, neurons,
// uids, the next epoch) equals DtaoApi's figures at the same block.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startNode, big } from './lib/chain.js';
import { yumaEpoch, toU16, epochState } from './lib/yuma.js';

const repo = resolve('../..');
const target = process.env.CARGO_TARGET_DIR || join(process.env.HOME || '', '.cache', 'dtao-target');
const EPOCHS = 3;
const SKILLS = [1.0, 0.6, 0.3];
const U16 = 65535;

/** `scripts/bt-python.sh …args`; stdout, or an error with both streams. */
function btPython(args, timeout = 600_000) {
  const r = spawnSync(join(repo, 'scripts', 'bt-python.sh'), args, {
    env: { ...process.env, CARGO_TARGET_DIR: target }, encoding: 'utf8', timeout, maxBuffer: 16 << 20,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`bt-python.sh ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const jsonLines = (out) => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));

describe('the example subnet through the bittensor SDK', () => {
  let node;
  let api;
  let netuid;
  let reports;
  before(async () => {
    node = await startNode({ sealing: 'interval=500' });
    api = node.api;
    const lines = jsonLines(btPython([join(repo, 'examples', 'subnet', 'run.py'), '--url', node.url, '--epochs', String(EPOCHS)]));
    netuid = lines[0].netuid;
    reports = lines.slice(1);
  });
  after(async () => { await node?.stop(); });

  it('runs an epoch per round and scores the miners by their skill', () => {
    assert.equal(netuid, 1);
    assert.equal(reports.length, EPOCHS);
    for (const r of reports) {
      assert.deepEqual(Object.values(r.scores), SKILLS, JSON.stringify(r));
      assert.deepEqual(Object.keys(r.scores), ['1', '2', '3']);
    }
    assert.ok(reports[1].epoch > reports[0].epoch && reports[2].epoch > reports[1].epoch);
  });

  it('stores the scores as weights, and the epoch after them is the predicted one', async () => {
    const epoch = reports[EPOCHS - 1].epoch;
    const hash = await api.rpc.chain.getBlockHash(epoch);
    const parent = await api.rpc.chain.getBlockHash(epoch - 1);
    const at = await api.at(hash);
    // The SDK sends max-upscaled u16 values, rounded as Python's round() (half to even: 0.3 · 65535
    // is 19660.5 → 19660); the chain stores them max-upscaled again (unchanged).
    const roundHalfEven = (x) => (Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x));
    const sent = SKILLS.map((s) => roundHalfEven((s / Math.max(...SKILLS)) * U16));
    const stored = (await at.query.dtao.weights(netuid, 0)).map(([j, w]) => [j.toNumber(), w.toNumber()]);
    assert.deepEqual(stored, sent.map((w, i) => [i + 1, w]));

    const s = await epochState(api, netuid, parent);
    assert.equal(s.block, BigInt(epoch), 'the epoch ran in the block after the parent');
    const expected = yumaEpoch(s);
    const mg = (await at.call.dtaoApi.metagraph(netuid)).unwrap();
    assert.equal(big(mg.lastEpochBlock.unwrap()), BigInt(epoch));
    mg.neurons.forEach((x, i) => {
      assert.equal(big(x.incentive), toU16(expected.incentive[i]), `uid ${i} incentive`);
      assert.equal(big(x.dividends), toU16(expected.dividends[i]), `uid ${i} dividends`);
      assert.equal(big(x.consensus), toU16(expected.consensus[i]), `uid ${i} consensus`);
      assert.equal(big(x.validatorTrust), toU16(expected.trust[i]), `uid ${i} validator trust`);
      assert.equal(x.validatorPermit.isTrue, expected.permits[i], `uid ${i} permit`);
    });
    const incentive = mg.neurons.map((x) => x.incentive.toNumber());
    assert.ok(incentive[1] > incentive[2] && incentive[2] > incentive[3] && incentive[3] > 0, `${incentive}`);
    assert.equal(incentive[0], 0, 'the validator is not a miner');
    assert.ok(mg.neurons[0].dividends.toNumber() > 0, 'the validator earns dividends');
    // The validator's report is the SDK's reading of the same epoch.
    const report = reports[EPOCHS - 1];
    mg.neurons.forEach((x, i) => {
      assert.equal(report.incentive[i], x.incentive.toNumber() / U16, `reported incentive of uid ${i}`);
      assert.equal(report.dividends[i], x.dividends.toNumber() / U16, `reported dividends of uid ${i}`);
    });
  });

  it('reads through the SDK what DtaoApi reports, field for field', async () => {
    const epoch = reports[EPOCHS - 1].epoch;
    const sdk = JSON.parse(btPython([join(repo, 'tests', 'e2e', 'lib', 'sdk_metagraph.py'), node.url, String(netuid), String(epoch)]));
    const hash = await api.rpc.chain.getBlockHash(epoch);
    const at = await api.at(hash);
    const mg = (await at.call.dtaoApi.metagraph(netuid)).unwrap();
    const tw = big(await at.query.dtao.taoWeight());
    assert.equal(sdk.block, epoch);
    assert.equal(sdk.last_step, epoch);
    assert.equal(sdk.tempo, mg.tempo.toNumber());
    assert.equal(sdk.neurons.length, mg.neurons.length);
    const info = (await at.call.dtaoApi.subnetInfo(netuid)).unwrap();
    assert.equal(sdk.next_epoch, epoch + Number(big(info.blocksUntilEpoch.unwrap())), 'the next epoch');
    assert.equal(sdk.next_epoch, epoch + mg.tempo.toNumber() + 1);
    const ports = { 1: 8091, 2: 8092, 3: 8093 };
    mg.neurons.forEach((x, i) => {
      const n = sdk.neurons[i];
      const who = `uid ${i}`;
      assert.equal(n.uid, i);
      assert.equal(n.hotkey, x.hotkey.toString(), who);
      assert.equal(n.coldkey, x.coldkey.toString(), who);
      assert.equal(n.active, x.active.isTrue, who);
      assert.equal(n.validator_permit, x.validatorPermit.isTrue, who);
      assert.equal(BigInt(n.last_update), big(x.lastUpdate), who);
      assert.equal(BigInt(n.block_at_registration), big(x.registeredAt), who);
      assert.equal(n.incentive, x.incentive.toNumber() / U16, who);
      assert.equal(n.dividends, x.dividends.toNumber() / U16, who);
      assert.equal(n.consensus, x.consensus.toNumber() / U16, who);
      assert.equal(n.trust, x.validatorTrust.toNumber() / U16, who);
      assert.equal(BigInt(n.emission), big(x.alphaPaid), who);
      assert.equal(BigInt(n.alpha_stake), big(x.alphaStake), who);
      assert.equal(BigInt(n.tao_stake), big(x.rootStake), who);
      assert.equal(BigInt(n.total_stake), big(x.alphaStake) + (big(x.rootStake) * tw) / 1_000_000_000n, who);
      assert.equal(n.axon, i === 0 ? null : `127.0.0.1:${ports[i]}`, who);
      assert.equal(sdk.uids[n.hotkey], i, who);
      assert.equal(sdk.blocks_since_last_update[i], epoch - Number(big(x.lastUpdate)), who);
      const lite = sdk.lite[i];
      assert.deepEqual(
        [lite.uid, lite.hotkey, lite.active, lite.validator_permit, lite.last_update],
        [i, n.hotkey, n.active, n.validator_permit, n.last_update],
        who,
      );
    });
  });
});
