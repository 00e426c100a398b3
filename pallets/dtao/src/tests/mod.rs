//! Pallet tests, by topic. Every test runs through `ExtBuilder::build_and_execute`, which checks the
//! invariants of docs/mechanism.md §8 at its end.
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
