// The node beyond the dev chain's mechanism: the local_testnet chain spec, and state kept in a
// base path across a restart.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startNode, nodeBinary, createBlock, tempDir, TAO } from './lib/chain.js';

it('build-spec --chain local builds the local_testnet genesis with three validators', () => {
  const out = execFileSync(nodeBinary(), ['build-spec', '--chain', 'local'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const spec = JSON.parse(out.toString());
  assert.equal(spec.id, 'dtao_local');
  assert.deepEqual(spec.properties, { ss58Format: 42, tokenDecimals: 9, tokenSymbol: 'TAO' });
  const raw = execFileSync(nodeBinary(), ['build-spec', '--chain', 'local', '--raw'], { stdio: ['ignore', 'pipe', 'ignore'] });
  assert.ok(JSON.parse(raw.toString()).genesis.raw.top, 'the preset builds a genesis state');
});

it('--base-path keeps the chain across a restart, and sealing continues on top of it', async () => {
  const basePath = tempDir();
  try {
    let node = await startNode({ basePath });
    await createBlock(node.api);
    await createBlock(node.api);
    const head = (await node.api.rpc.chain.getHeader()).number.toNumber();
    const issuance = (await node.api.query.balances.totalIssuance()).toBigInt();
    await node.stop();
    assert.equal(head, 2);

    node = await startNode({ basePath });
    try {
      assert.equal((await node.api.rpc.chain.getHeader()).number.toNumber(), 2, 'the chain is where it was');
      assert.equal((await node.api.query.balances.totalIssuance()).toBigInt(), issuance);
      await createBlock(node.api);
      assert.equal((await node.api.rpc.chain.getHeader()).number.toNumber(), 3, 'a block on top of the old head');
      assert.ok(issuance > 6_000_000n * TAO);
    } finally {
      await node.stop();
    }
  } finally {
    rmSync(basePath, { recursive: true, force: true });
  }
});
