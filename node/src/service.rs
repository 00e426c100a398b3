//! The node service: client, database, transaction pool, networking, RPC and block production.
//!
//! Block production is chosen by [`Consensus`]. The sealing modes drive one manual-seal task from a
//! stream of commands (a timer, the transaction pool, and the `engine_*` RPCs); another variant can
//! bring validator consensus (Aura authoring, GRANDPA finality) with its own import queue and
//! tasks, without touching the rest of the service.

use crate::cli::Sealing;
use dtao_runtime::{apis::RuntimeApi, opaque::Block, SLOT_DURATION};
use futures::{channel::mpsc, FutureExt, StreamExt};
use polkadot_sdk::{
	sc_basic_authorship, sc_client_api::{Backend as _, StorageProvider}, sc_consensus,
	sc_consensus_manual_seal::{self, consensus::aura::AuraConsensusDataProvider, EngineCommand},
	sc_executor::WasmExecutor,
	sc_network, sc_offchain,
	sc_service::{self, error::Error as ServiceError, Configuration, TaskManager},
	sc_telemetry::{Telemetry, TelemetryWorker},
	sc_transaction_pool, sc_transaction_pool_api::{OffchainTransactionPoolFactory, TransactionPool as _},
	sp_core::storage::StorageKey,
	sp_io, sp_runtime::traits::Block as BlockT, sp_timestamp,
};
use std::sync::Arc;

type HostFunctions = sp_io::SubstrateHostFunctions;
/// The full client.
pub type FullClient = sc_service::TFullClient<Block, RuntimeApi, WasmExecutor<HostFunctions>>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
/// The transaction pool.
pub type TransactionPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;
type Hash = <Block as BlockT>::Hash;

/// How the node makes and finalizes blocks.
#[derive(Debug, Clone, Copy)]
pub enum Consensus {
	/// One node seals blocks itself (`--dev`, `--sealing`); every block is final at once.
	Sealing(Sealing),
}

/// The parts of the service that the subcommands need.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	TransactionPool,
	Option<Telemetry>,
>;

/// Client, backend, pool and import queue.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, polkadot_sdk::sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor(&config.executor);
	let (client, backend, keystore_container, task_manager) = sc_service::new_full_parts::<Block, RuntimeApi, _>(
		config,
		telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
		executor,
		Vec::new(),
	)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(task_manager.spawn_essential_handle(), client.clone(), config.role.is_authority().into())
			.with_options(config.transaction_pool.clone())
			.with_prometheus(config.prometheus_registry())
			.build(),
	);

	let import_queue = sc_consensus_manual_seal::import_queue(
		Box::new(client.clone()),
		&task_manager.spawn_essential_handle(),
		config.prometheus_registry(),
	);

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: telemetry,
	})
}

/// `pallet_timestamp::Now` at `block`, 0 if unset (genesis).
fn timestamp_at(client: &FullClient, block: Hash) -> u64 {
	let key = StorageKey([sp_io::hashing::twox_128(b"Timestamp"), sp_io::hashing::twox_128(b"Now")].concat());
	client
		.storage(block, &key)
		.ok()
		.flatten()
		.and_then(|data| data.0.get(..8).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes))
		.unwrap_or(0)
}

/// The timestamp of a block built on `parent`: the wall clock, but at least one Aura slot after
/// the parent, so that every block has a later slot however fast blocks are sealed.
fn next_timestamp(client: &FullClient, parent: Hash) -> sp_timestamp::InherentDataProvider {
	let now = sp_timestamp::Timestamp::current().as_millis();
	let after_parent = timestamp_at(client, parent).saturating_add(SLOT_DURATION);
	sp_timestamp::InherentDataProvider::new(now.max(after_parent).into())
}

/// The full node.
pub fn new_full<N: sc_network::NetworkBackend<Block, Hash>>(
	config: Configuration,
	consensus: Consensus,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: mut telemetry,
	} = new_partial(&config)?;

	let net_config = sc_network::config::FullNetworkConfiguration::<Block, Hash, N>::new(
		&config.network,
		config.prometheus_config.as_ref().map(|cfg| cfg.registry.clone()),
	);
	let metrics = N::register_notification_metrics(config.prometheus_config.as_ref().map(|cfg| &cfg.registry));

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: None,
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	if config.offchain_worker.enabled {
		let offchain_workers = sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
			runtime_api_provider: client.clone(),
			is_validator: config.role.is_authority(),
			keystore: Some(keystore_container.keystore()),
			offchain_db: backend.offchain_storage(),
			transaction_pool: Some(OffchainTransactionPoolFactory::new(transaction_pool.clone())),
			network_provider: Arc::new(network.clone()),
			enable_http_requests: true,
			custom_extensions: |_| vec![],
		})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	// Every sealing mode listens to the `engine_*` RPCs.
	let (command_sink, rpc_commands) = mpsc::channel::<EngineCommand<Hash>>(1024);

	let rpc_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		let sink = command_sink.clone();
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps { client: client.clone(), pool: pool.clone(), command_sink: Some(sink.clone()) };
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let prometheus_registry = config.prometheus_registry().cloned();

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network,
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service,
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	let proposer = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client.clone(),
		transaction_pool.clone(),
		prometheus_registry.as_ref(),
		telemetry.as_ref().map(|x| x.handle()),
	);

	match consensus {
		Consensus::Sealing(sealing) => {
			let seal = |create_empty| EngineCommand::SealNewBlock { create_empty, finalize: true, parent_hash: None, sender: None };
			// What triggers a block besides the RPC: a timer, or each new transaction.
			let triggers: futures::stream::BoxStream<'static, EngineCommand<Hash>> = match sealing {
				Sealing::Manual => futures::stream::pending().boxed(),
				// A first block at start gives the fork-aware pool a view to validate against;
				// then a block for each imported transaction.
				Sealing::Instant => futures::stream::once(async move { seal(true) })
					.chain(transaction_pool.import_notification_stream().map(move |_| seal(false)))
					.boxed(),
				// The first block as soon as the node runs, then one per period.
				Sealing::Interval(ms) => {
					let period = std::time::Duration::from_millis(ms);
					futures::stream::once(async move { seal(true) })
						.chain(futures::stream::unfold((), move |()| async move {
							futures_timer::Delay::new(period).await;
							Some((seal(true), ()))
						}))
						.boxed()
				},
			};
			let (engine_sink, engine_commands) = mpsc::channel::<EngineCommand<Hash>>(16);
			task_manager.spawn_essential_handle().spawn(
				"seal-then-finalize",
				None,
				seal_then_finalize(futures::stream::select(rpc_commands, triggers), engine_sink),
			);
			let commands_stream = engine_commands;

			let cidp_client = client.clone();
			let params = sc_consensus_manual_seal::ManualSealParams {
				block_import: client.clone(),
				env: proposer,
				client: client.clone(),
				pool: transaction_pool,
				select_chain,
				commands_stream: Box::pin(commands_stream),
				consensus_data_provider: Some(Box::new(AuraConsensusDataProvider::new(client.clone()))),
				create_inherent_data_providers: move |parent: Hash, ()| {
					let client = cidp_client.clone();
					async move { Ok(next_timestamp(&client, parent)) }
				},
			};
			task_manager.spawn_essential_handle().spawn_blocking(
				"manual-seal",
				None,
				sc_consensus_manual_seal::run_manual_seal(params),
			);
		},
	}
	drop(command_sink);

	Ok(task_manager)
}

/// Forwards sealing commands to the manual-seal engine, turning each "seal and finalize" into a seal
/// followed by a finalization of the imported block, each with a reply channel, so that the engine
/// logs one line per imported block and no result structure. The answer to an `engine_createBlock`
/// caller comes after both. (The transaction pool still reports `Ready` then `Finalized`, without
/// `InBlock`: README.md, "The node".)
async fn seal_then_finalize(
	mut incoming: impl futures::Stream<Item = EngineCommand<Hash>> + Unpin,
	mut engine: mpsc::Sender<EngineCommand<Hash>>,
) {
	use futures::{channel::oneshot, SinkExt};
	while let Some(command) = incoming.next().await {
		let EngineCommand::SealNewBlock { create_empty, finalize: true, parent_hash, sender } = command else {
			if engine.send(command).await.is_err() {
				return;
			}
			continue;
		};
		let (sealed_tx, sealed_rx) = oneshot::channel();
		let seal = EngineCommand::SealNewBlock { create_empty, finalize: false, parent_hash, sender: Some(sealed_tx) };
		if engine.send(seal).await.is_err() {
			return;
		}
		let created = match sealed_rx.await {
			Ok(Ok(created)) => created,
			Ok(Err(e)) => {
				if let Some(s) = sender {
					let _ = s.send(Err(e));
				}
				continue;
			},
			Err(_) => return,
		};
		let (final_tx, final_rx) = oneshot::channel();
		let finalize = EngineCommand::FinalizeBlock { hash: created.hash, sender: Some(final_tx), justification: None };
		if engine.send(finalize).await.is_err() {
			return;
		}
		let finalized = final_rx.await;
		if let Some(s) = sender {
			let _ = s.send(match finalized {
				Ok(Ok(())) => Ok(created),
				Ok(Err(e)) => Err(e),
				Err(_) => return,
			});
		}
	}
}
