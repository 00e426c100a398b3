//! The node's RPC methods beyond the standard ones: account nonces, fee queries and, for the
//! sealing modes, `engine_createBlock` / `engine_finalizeBlock`.

use crate::service::{FullClient, TransactionPool};
use dtao_runtime::opaque::Block;
use futures::channel::mpsc::Sender;
use jsonrpsee::RpcModule;
use polkadot_sdk::{
	pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer},
	sc_consensus_manual_seal::{
		rpc::{ManualSeal, ManualSealApiServer},
		EngineCommand,
	},
	sp_runtime::traits::Block as BlockT,
	substrate_frame_rpc_system::{System, SystemApiServer},
};
use std::sync::Arc;

/// The names under which `system_accountNextIndex` is served.
const NONCE_METHODS: [&str; 2] = ["system_accountNextIndex", "account_nextIndex"];

/// What the RPC methods need.
pub struct FullDeps {
	pub client: Arc<FullClient>,
	pub pool: Arc<TransactionPool>,
	/// Where `engine_createBlock` sends its commands (sealing modes).
	pub command_sink: Option<Sender<EngineCommand<<Block as BlockT>::Hash>>>,
	/// Told of every nonce question, so that `engine_createBlock` waits for its transaction
	/// (sealing modes).
	pub submissions: Option<crate::service::SubmissionWatch>,
}

/// All RPC extensions of a full node.
pub fn create_full(deps: FullDeps) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>> {
	let mut module = RpcModule::new(());
	let FullDeps { client, pool, command_sink, submissions } = deps;
	let mut system = System::new(client.clone(), pool.clone()).into_rpc();
	if let Some(watch) = submissions {
		// The same answer, after noting the question.
		let inner = Arc::new(System::new(client.clone(), pool));
		for name in NONCE_METHODS {
			let _ = system.remove_method(name);
			let (inner, watch) = (inner.clone(), watch.clone());
			system.register_async_method(name, move |params, _, _| {
				let (inner, watch) = (inner.clone(), watch.clone());
				async move {
					watch.nonce_asked();
					let account: dtao_runtime::AccountId = params.one()?;
					SystemApiServer::nonce(&*inner, account).await
				}
			})?;
		}
	}
	module.merge(system)?;
	module.merge(TransactionPayment::new(client).into_rpc())?;
	if let Some(sink) = command_sink {
		module.merge(ManualSeal::<<Block as BlockT>::Hash>::new(sink).into_rpc())?;
	}
	Ok(module)
}
