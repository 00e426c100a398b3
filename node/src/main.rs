//! `dtao-node`: a development node for the dynamic TAO runtime.

// The node returns the SDK's own error types (`sc_cli::Error`, `sc_service::Error`), as its runner
// API requires; clippy finds them large, which is theirs to change, not this crate's.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> polkadot_sdk::sc_cli::Result<()> {
	command::run()
}
