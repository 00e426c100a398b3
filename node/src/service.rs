//! The node service: client, database, transaction pool, networking, RPC and block production.
//!
//! Block production is chosen by [`Consensus`]. The sealing modes drive one manual-seal task from a
//! stream of commands (a timer, the transaction pool, and the `engine_*` RPCs). The validator mode
//! authors with Aura and finalizes with GRANDPA among the chain's authorities, with its own import
//! queue (Aura seals checked, GRANDPA justifications imported) and tasks; the rest of the service is
//! shared.

use crate::cli::Sealing;
use dtao_runtime::{apis::RuntimeApi, opaque::Block, SLOT_DURATION};
use futures::{channel::mpsc, future::BoxFuture, FutureExt, StreamExt};
use polkadot_sdk::{
	sc_basic_authorship,
	sc_client_api::{Backend as _, BlockBackend, StorageProvider},
	sc_consensus, sc_consensus_aura, sc_consensus_grandpa,
	sc_consensus_manual_seal::{self, consensus::aura::AuraConsensusDataProvider, EngineCommand},
	sc_executor::WasmExecutor,
	sc_network, sc_offchain,
	sc_service::{self, error::Error as ServiceError, Configuration, SpawnTaskHandle, TaskManager},
	sc_telemetry::{Telemetry, TelemetryWorker},
	sc_transaction_pool, sc_transaction_pool_api::{OffchainTransactionPoolFactory, TransactionPool as _},
	sp_consensus_aura::{self, sr25519::AuthorityPair as AuraPair},
	sp_core::{storage::StorageKey, traits::SpawnEssentialNamed},
	sp_io, sp_runtime::traits::Block as BlockT, sp_timestamp,
};
use std::{
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

type HostFunctions = sp_io::SubstrateHostFunctions;
/// The full client.
pub type FullClient = sc_service::TFullClient<Block, RuntimeApi, WasmExecutor<HostFunctions>>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
/// The transaction pool.
pub type TransactionPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;
type Hash = <Block as BlockT>::Hash;
type GrandpaBlockImport = sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
type GrandpaLink = sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>;

/// A GRANDPA justification at least every this many blocks, so that a syncing node can check
/// finality without replaying every vote.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// How long an `engine_createBlock` waits for a transaction whose nonce a client has just asked for
/// through `system_accountNextIndex` and that has not reached the pool yet.
const SUBMISSION_WINDOW: Duration = Duration::from_secs(1);

/// How long an `engine_createBlock` that finds no transaction ready waits for one to arrive.
const EMPTY_POOL_GRACE: Duration = Duration::from_millis(100);

/// When a client last asked for an account's next nonce and when the pool last imported a
/// transaction.
///
/// A client written the usual way (`signAndSend(signer, { nonce: -1 }, …)`, then
/// `engine_createBlock` without waiting for the submission) first asks for the account's nonce
/// (`@polkadot/api` through the runtime API `AccountNonceApi`, other clients through
/// `system_accountNextIndex`), signs, and only then submits: its `engine_createBlock` arrives
/// before its transaction. Sealing at once leaves the transaction for a block nobody asks for, and
/// the client waiting for it forever. So a block asked for over RPC waits for a transaction on its
/// way: while the pool has none ready, at most `EMPTY_POOL_GRACE` for one to arrive; and while a
/// nonce asked through `system_accountNextIndex` has not been followed by an import, at most
/// `SUBMISSION_WINDOW` after the question. It seals as soon as the transaction is in.
#[derive(Clone, Default)]
pub struct SubmissionWatch(Arc<Mutex<WatchState>>);

#[derive(Default)]
struct WatchState {
	asked: Option<Instant>,
	imported: Option<Instant>,
}

impl SubmissionWatch {
	/// A client asked for an account's next nonce.
	pub fn nonce_asked(&self) {
		if let Ok(mut s) = self.0.lock() {
			s.asked = Some(Instant::now());
		}
	}

	/// The pool imported a transaction.
	fn imported(&self) {
		if let Ok(mut s) = self.0.lock() {
			s.imported = Some(Instant::now());
		}
	}

	/// Until when to wait for a submission: a nonce asked for after the last import, less than
	/// `SUBMISSION_WINDOW` ago.
	fn awaited(&self) -> Option<Instant> {
		let s = self.0.lock().ok()?;
		let asked = s.asked?;
		if s.imported.is_some_and(|imported| imported >= asked) {
			return None;
		}
		let until = asked.checked_add(SUBMISSION_WINDOW)?;
		(until > Instant::now()).then_some(until)
	}

	/// Whether the pool imported a transaction at or after `since`.
	fn imported_since(&self, since: Instant) -> bool {
		self.0.lock().ok().and_then(|s| s.imported).is_some_and(|imported| imported >= since)
	}

	/// Wait while a submission is awaited (polling every few milliseconds); `pool_empty`: no
	/// transaction was ready when the block was asked for.
	async fn settle(&self, pool_empty: bool) {
		let asked = Instant::now();
		let step = Duration::from_millis(2);
		if pool_empty {
			let until = asked.checked_add(EMPTY_POOL_GRACE).unwrap_or(asked);
			while !self.imported_since(asked) && Instant::now() < until {
				futures_timer::Delay::new(step).await;
			}
		}
		while let Some(until) = self.awaited() {
			let left = until.saturating_duration_since(Instant::now());
			futures_timer::Delay::new(left.min(step)).await;
		}
	}
}

/// How the node makes and finalizes blocks.
#[derive(Debug, Clone, Copy)]
pub enum Consensus {
	/// One node seals blocks itself (`--dev`, `--sealing`); every block is finalized as soon as it
	/// is sealed, or `finality_delay` later if it carries transactions.
	Sealing {
		/// When blocks are made.
		sealing: Sealing,
		/// How long a block with transactions waits between its import and its finalization, so that
		/// clients see `InBlock` before `Finalized`.
		finality_delay: Duration,
	},
	/// Aura authoring (when the node has an authority key: `--alice`, `--validator`, …) and GRANDPA
	/// finality among the chain's authorities (`--chain local`).
	Validator,
}

impl Consensus {
	/// The import queue a subcommand (check-block, import-blocks) uses for `chain`: the dev chains'
	/// blocks are sealed by one trusted node, the others by Aura.
	pub fn for_chain(chain: &dyn sc_service::ChainSpec) -> Self {
		match chain.chain_type() {
			sc_service::ChainType::Development => {
				Consensus::Sealing { sealing: Sealing::Manual, finality_delay: Duration::ZERO }
			},
			_ => Consensus::Validator,
		}
	}
}

/// The parts of the service that the subcommands need, with the telemetry and, for validators,
/// GRANDPA's block import and link.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	TransactionPool,
	(Option<Telemetry>, Option<(GrandpaBlockImport, GrandpaLink)>),
>;

/// Spawns the transaction pool's tasks as ordinary tasks. They end when the pool is dropped at
/// shutdown, which the task manager would report as the failure of an essential task; a panic
/// in any task stops the node all the same.
#[derive(Clone)]
struct PoolSpawner(SpawnTaskHandle);

impl SpawnEssentialNamed for PoolSpawner {
	fn spawn_essential_blocking(&self, name: &'static str, group: Option<&'static str>, future: BoxFuture<'static, ()>) {
		self.0.spawn_blocking(name, group, future)
	}

	fn spawn_essential(&self, name: &'static str, group: Option<&'static str>, future: BoxFuture<'static, ()>) {
		self.0.spawn(name, group, future)
	}
}

/// The inherent data of an Aura block built on top of anything now: the timestamp and its slot.
fn aura_inherent_data(
	slot_duration: sp_consensus_aura::SlotDuration,
) -> (sp_consensus_aura::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider) {
	let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
	let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
		*timestamp,
		slot_duration,
	);
	(slot, timestamp)
}

/// Client, backend, pool and the import queue of `consensus`.
pub fn new_partial(config: &Configuration, consensus: Consensus) -> Result<Service, ServiceError> {
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
		sc_transaction_pool::Builder::new(PoolSpawner(task_manager.spawn_handle()), client.clone(), config.role.is_authority().into())
			.with_options(config.transaction_pool.clone())
			.with_prometheus(config.prometheus_registry())
			.build(),
	);

	let (import_queue, grandpa) = match consensus {
		Consensus::Sealing { .. } => (
			sc_consensus_manual_seal::import_queue(
				Box::new(client.clone()),
				&task_manager.spawn_essential_handle(),
				config.prometheus_registry(),
			),
			None,
		),
		Consensus::Validator => {
			let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
				client.clone(),
				GRANDPA_JUSTIFICATION_PERIOD,
				&client,
				select_chain.clone(),
				telemetry.as_ref().map(|x| x.handle()),
			)?;
			let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
			let import_queue = sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(
				sc_consensus_aura::ImportQueueParams {
					block_import: grandpa_block_import.clone(),
					justification_import: Some(Box::new(grandpa_block_import.clone())),
					client: client.clone(),
					create_inherent_data_providers: move |_, ()| async move { Ok(aura_inherent_data(slot_duration)) },
					spawner: &task_manager.spawn_essential_handle(),
					registry: config.prometheus_registry(),
					check_for_equivocation: Default::default(),
					telemetry: telemetry.as_ref().map(|x| x.handle()),
					compatibility_mode: Default::default(),
				},
			)
			.map_err::<ServiceError, _>(Into::into)?;
			(import_queue, Some((grandpa_block_import, grandpa_link)))
		},
	};

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (telemetry, grandpa),
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
		other: (mut telemetry, grandpa),
	} = new_partial(&config, consensus)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<Block, Hash, N>::new(
		&config.network,
		config.prometheus_config.as_ref().map(|cfg| cfg.registry.clone()),
	);
	let metrics = N::register_notification_metrics(config.prometheus_config.as_ref().map(|cfg| &cfg.registry));

	// Validators gossip GRANDPA votes on their own protocol and serve warp-sync proofs.
	let mut grandpa_network = None;
	let mut warp_sync_config = None;
	if let Some((_, link)) = &grandpa {
		let genesis = client.block_hash(0)?.ok_or_else(|| ServiceError::Other("no genesis block".into()))?;
		let protocol_name = sc_consensus_grandpa::protocol_standard_name(&genesis, &config.chain_spec);
		let (protocol_config, notification_service) = sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			protocol_name.clone(),
			metrics.clone(),
			net_config.peer_store_handle(),
		);
		net_config.add_notification_protocol(protocol_config);
		warp_sync_config = Some(sc_service::WarpSyncConfig::WithProvider(Arc::new(
			sc_consensus_grandpa::warp_proof::NetworkProvider::new(
				backend.clone(),
				link.shared_authority_set().clone(),
				Vec::default(),
			),
		)));
		grandpa_network = Some((protocol_name, notification_service));
	}

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
			warp_sync_config,
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

	// Every sealing mode listens to the `engine_*` RPCs; validators do not serve them.
	let (command_sink, rpc_commands) = mpsc::channel::<EngineCommand<Hash>>(1024);
	let engine_sink = matches!(consensus, Consensus::Sealing { .. }).then(|| command_sink.clone());

	// The sealing modes' `engine_createBlock` waits for a transaction whose nonce was just asked for.
	let submissions = matches!(consensus, Consensus::Sealing { .. }).then(SubmissionWatch::default);
	if let Some(watch) = submissions.clone() {
		let mut imports = transaction_pool.import_notification_stream();
		task_manager.spawn_handle().spawn("submission-watch", None, async move {
			while imports.next().await.is_some() {
				watch.imported();
			}
		});
	}
	let rpc_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		let submissions = submissions.clone();
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				command_sink: engine_sink.clone(),
				submissions: submissions.clone(),
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let prometheus_registry = config.prometheus_registry().cloned();
	let role = config.role;
	let force_authoring = config.force_authoring;
	let node_name = config.network.node_name.clone();
	let keystore = keystore_container.keystore();

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: network.clone(),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
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

	match (consensus, grandpa) {
		(Consensus::Sealing { sealing, finality_delay }, _) => {
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
				seal_then_finalize(
					futures::stream::select(rpc_commands.map(|c| (c, true)), triggers.map(|c| (c, false))),
					engine_sink,
					client.clone(),
					finality_delay,
					submissions.unwrap_or_default(),
					transaction_pool.clone(),
				),
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
		(Consensus::Validator, Some((block_import, link))) => {
			if role.is_authority() {
				let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
				let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
					sc_consensus_aura::StartAuraParams {
						slot_duration,
						client: client.clone(),
						select_chain,
						block_import,
						proposer_factory: proposer,
						create_inherent_data_providers: move |_, ()| async move { Ok(aura_inherent_data(slot_duration)) },
						force_authoring,
						backoff_authoring_blocks: None::<()>,
						keystore: keystore.clone(),
						sync_oracle: sync_service.clone(),
						justification_sync_link: sync_service.clone(),
						block_proposal_slot_portion: sc_consensus_aura::SlotProportion::new(2f32 / 3f32),
						max_block_proposal_slot_portion: None,
						telemetry: telemetry.as_ref().map(|x| x.handle()),
						compatibility_mode: Default::default(),
					},
				)?;
				task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);
			}
			// Every node follows finality; authorities also vote.
			let Some((protocol_name, notification_service)) = grandpa_network else {
				return Err(ServiceError::Other("GRANDPA's network protocol was not set up".into()));
			};
			let config = sc_consensus_grandpa::Config {
				gossip_duration: Duration::from_millis(333),
				justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
				name: Some(node_name),
				observer_enabled: false,
				keystore: role.is_authority().then_some(keystore),
				local_role: role,
				telemetry: telemetry.as_ref().map(|x| x.handle()),
				protocol_name,
			};
			let voter = sc_consensus_grandpa::run_grandpa_voter(sc_consensus_grandpa::GrandpaParams {
				config,
				link,
				network,
				sync: Arc::new(sync_service),
				notification_service,
				voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
				prometheus_registry,
				shared_voter_state: sc_consensus_grandpa::SharedVoterState::empty(),
				telemetry: telemetry.as_ref().map(|x| x.handle()),
				offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
			})?;
			task_manager.spawn_essential_handle().spawn_blocking("grandpa-voter", None, voter);
		},
		(Consensus::Validator, None) => {
			return Err(ServiceError::Other("the validator import queue was not set up".into()));
		},
	}
	drop(command_sink);

	Ok(task_manager)
}

/// Forwards sealing commands to the manual-seal engine, turning each "seal and finalize" into a seal
/// followed by a finalization of the imported block, each with a reply channel, so that the engine
/// logs one line per imported block and no result structure. The answer to an `engine_createBlock`
/// caller comes after both.
///
/// A block that carries transactions is finalized `finality_delay` after its import. The pool
/// reports `InBlock` then `Finalized` to a transaction's watchers either way, but a client that
/// looks up the block's events on `InBlock` (`@polkadot/api`'s `signAndSend`) drops that status
/// when `Finalized` arrives before the lookup is answered.
///
/// A block asked for over RPC (`from_rpc`) first waits for a transaction on its way
/// ([`SubmissionWatch`]).
async fn seal_then_finalize(
	mut incoming: impl futures::Stream<Item = (EngineCommand<Hash>, bool)> + Unpin,
	mut engine: mpsc::Sender<EngineCommand<Hash>>,
	client: Arc<FullClient>,
	finality_delay: Duration,
	submissions: SubmissionWatch,
	pool: Arc<TransactionPool>,
) {
	use futures::{channel::oneshot, SinkExt};
	while let Some((command, from_rpc)) = incoming.next().await {
		if from_rpc && matches!(command, EngineCommand::SealNewBlock { .. }) {
			submissions.settle(pool.status().ready == 0).await;
		}
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
		// Every block has one inherent (the timestamp); more extrinsics are transactions.
		let has_transactions = client.block_body(created.hash).ok().flatten().is_some_and(|body| body.len() > 1);
		if has_transactions && !finality_delay.is_zero() {
			futures_timer::Delay::new(finality_delay).await;
		}
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
