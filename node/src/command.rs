//! Subcommands and the node entry point.

use crate::{
	chain_spec,
	cli::{Cli, Sealing, Subcommand},
	service::{self, Consensus},
};
use polkadot_sdk::{
	sc_cli::{self, SubstrateCli},
	sc_network,
	sc_service::{self, PartialComponents},
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"dTAO Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		"dTAO developers".into()
	}

	fn support_url() -> String {
		"https://github.com/dtao-dev/dtao/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" | "" => Box::new(chain_spec::development()?),
			"local" => Box::new(chain_spec::local_testnet()?),
			"populated" => Box::new(chain_spec::populated()?),
			path => Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?),
		})
	}
}

/// Parse the command line and run the node or the subcommand.
pub fn run() -> sc_cli::Result<()> {
	let mut cli = Cli::from_args();
	// A sealing node logs one line per block ("Imported #n"): the proposer's and the finalizer's
	// lines are left to `-l sc_basic_authorship=info,sc_consensus_manual_seal=info`, which overrides
	// this default.
	if cli.subcommand.is_none() && (cli.run.sealing.is_some() || cli.run.base.shared_params.dev) {
		cli.run.base.shared_params.log.insert(0, "sc_basic_authorship=warn,sc_consensus_manual_seal=warn".into());
	}

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } = service::new_partial(&config, Consensus::for_chain(&*config.chain_spec))?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config, Consensus::for_chain(&*config.chain_spec))?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config, Consensus::for_chain(&*config.chain_spec))?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } = service::new_partial(&config, Consensus::for_chain(&*config.chain_spec))?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let consensus = Consensus::for_chain(&*config.chain_spec);
				let PartialComponents { client, task_manager, backend, .. } = service::new_partial(&config, consensus)?;
				// On a validator chain, GRANDPA's authority set changes are reverted with the blocks.
				let aux_revert = Box::new(|client: std::sync::Arc<service::FullClient>, _, blocks| {
					polkadot_sdk::sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				let aux_revert = matches!(consensus, Consensus::Validator).then_some(aux_revert);
				Ok((cmd.run(client, backend, aux_revert.map(|f| f as _)), task_manager))
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => match cmd {
			// The wasm given by `--runtime` is all the command needs: no chain spec, no node.
			polkadot_sdk::frame_benchmarking_cli::BenchmarkCmd::Pallet(cmd) => {
				cmd.run_with_spec::<polkadot_sdk::sp_runtime::traits::HashingFor<dtao_runtime::Block>, ()>(None)
			},
			_ => Err(sc_cli::Error::Input("this node runs `benchmark pallet` only".into())),
		},
		None => {
			let runner = cli.create_runner(&cli.run.base)?;
			let is_dev = cli.run.base.shared_params.dev;
			let finality_delay = std::time::Duration::from_millis(cli.run.finality_delay);
			let consensus = match (cli.run.sealing, is_dev) {
				(Some(sealing), _) => Consensus::Sealing { sealing, finality_delay },
				(None, true) => Consensus::Sealing { sealing: Sealing::Interval(1_000), finality_delay },
				(None, false) => Consensus::Validator,
			};
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => {
						service::new_full::<sc_network::NetworkWorker<_, _>>(config, consensus)
					},
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config, consensus)
					},
				}
				.map_err(sc_cli::Error::Service)
			})
		},
	}
}
