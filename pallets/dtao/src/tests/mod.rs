//! Pallet tests, by topic. Every test runs through `ExtBuilder::build_and_execute`, which checks the
//! invariants of docs/mechanism.md §8 at its end.
// The one-parameter setters (calls 50–78 and 80) are deprecated for `set_params`/`set_subnet_params` but
// still callable, and tested as such.
#![allow(deprecated)]
mod accrual;
mod coinbase;
mod differential;
mod bad_inputs;
mod epoch;
mod harness;
mod migrations;
mod neurons;
mod params;
mod policy;
mod root_dividends;
mod settlement;
mod staking;
mod subnets;
