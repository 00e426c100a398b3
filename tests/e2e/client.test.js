// End-to-end: a client written the usual @polkadot/api way — `signAndSend(signer, { nonce: -1 },
// callback)` resolving on `InBlock` or `Finalized`, with `engine_createBlock(true, true)` asked
// for right after the submission under manual sealing — gets ten transactions in a row through,
// under manual, instant and interval sealing: registrations, `sudo.sudo` calls and transfers.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { startNode, keys, TAO } from './lib/chain.js';

const k = keys();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });

/** The ordinary way: resolve on InBlock or Finalized, reject on an error or a dropped transaction. */
function send(tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, { nonce: -1 }, (result) => {
      const { status, dispatchError } = result;
      if (status.isInBlock || status.isFinalized) resolve({ status: status.type, dispatchError });
      else if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(`transaction ${status.type}`));
    }).catch(reject);
  });
}

/** Ten transactions: registrations, sudo calls (a parameter, then a dispatch of another call) and transfers. */
function transactions(api) {
  const txs = [];
  for (let i = 0; i < 10; i++) {
    if (i % 3 === 0) txs.push(api.tx.dtao.registerNetwork(keyring.addFromUri(`//Alice//client${i}`).address));
    else if (i % 3 === 1) txs.push(api.tx.sudo.sudo(api.tx.dtao.setTaoWeight(100_000_000 + i)));
    else txs.push(api.tx.balances.transferKeepAlive(k.dave.address, TAO + BigInt(i)));
  }
  return txs;
}

const within = (ms, promise, what) => Promise.race([
  promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no InBlock or Finalized within ${ms} ms`)), ms)),
]);

for (const sealing of ['manual', 'instant', 'interval=500']) {
  it(`--sealing ${sealing}: ten transactions sent the usual way, each reaches a block`, async () => {
    const node = await startNode({ sealing });
    try {
      const { api } = node;
      const txs = transactions(api);
      for (const [i, tx] of txs.entries()) {
        const included = send(tx, k.alice);
        if (sealing === 'manual') await api.rpc.engine.createBlock(true, true);
        const r = await within(20_000, included, `transaction ${i} (${tx.method.section}.${tx.method.method})`);
        assert.equal(r.dispatchError, undefined, `transaction ${i} failed`);
      }
      const nonce = (await api.query.system.account(k.alice.address)).nonce.toNumber();
      assert.equal(nonce, 10, 'all ten are on chain');
    } finally {
      await node.stop();
    }
  });
}
