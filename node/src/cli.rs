//! Command line.

use polkadot_sdk::sc_cli;
use std::str::FromStr;

/// How blocks are sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealing {
	/// A block as soon as a transaction arrives.
	Instant,
	/// Only on `engine_createBlock`; `engine_finalizeBlock` finalizes.
	Manual,
	/// A block every `n` milliseconds, finalized at once.
	Interval(u64),
}

impl FromStr for Sealing {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s {
			"instant" => Ok(Sealing::Instant),
			"manual" => Ok(Sealing::Manual),
			other => match other.strip_prefix("interval=") {
				Some(ms) => match ms.parse::<u64>() {
					Ok(ms) if ms > 0 => Ok(Sealing::Interval(ms)),
					_ => Err(format!("`{other}`: the interval must be a positive number of milliseconds")),
				},
				None => Err(format!("`{other}`: expected instant, manual or interval=<ms>")),
			},
		}
	}
}

#[derive(Debug, clap::Parser)]
pub struct RunCmd {
	#[allow(missing_docs)]
	#[clap(flatten)]
	pub base: sc_cli::RunCmd,

	/// How blocks are made: `instant` (one per transaction), `manual` (only on
	/// `engine_createBlock`) or `interval=<ms>`. With `--dev` the default is `interval=1000`.
	/// Without `--dev` or `--sealing`, the node runs validator consensus (Aura and GRANDPA) with
	/// the chain's authorities: `--chain local --alice`.
	#[arg(long, value_name = "MODE")]
	pub sealing: Option<Sealing>,

	/// With sealing: milliseconds between the import of a block that carries transactions and its
	/// finalization, so that clients see `InBlock` before `Finalized`. 0 finalizes at once.
	#[arg(long, value_name = "MS", default_value_t = 200)]
	pub finality_delay: u64,
}

#[derive(Debug, clap::Parser)]
#[command(propagate_version = true, args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: RunCmd,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management (generate, inspect, insert).
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification.
	#[allow(deprecated)]
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Run benchmarks: `benchmark pallet --runtime <wasm built with runtime-benchmarks>` (see
	/// scripts/bench.sh). Only in a node built with `--features runtime-benchmarks`.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(polkadot_sdk::frame_benchmarking_cli::BenchmarkCmd),
}
