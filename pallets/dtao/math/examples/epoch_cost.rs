//! Measures Yuma Consensus at its largest: `MaxNeurons` = 256 neurons, 64 validators with permits
//! and a full weight row each (every other uid), bonds from earlier epochs. Prints the time of one
//! epoch (median of several runs) in native code; the pallet's epoch weight is charged from it.
//!
//!     cargo run --release -p dtao-math --example epoch_cost [neurons] [validators]
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::unwrap_used)]
use dtao_math::yuma::{epoch, split_pots, EpochInput, Neuron, Params, Pots};
use std::time::Instant;

fn main() {
	let mut args = std::env::args().skip(1);
	let n: u16 = args.next().map(|a| a.parse().expect("neurons")).unwrap_or(256);
	let v: u16 = args.next().map(|a| a.parse().expect("validators")).unwrap_or(64);
	// A small deterministic generator, so runs are comparable.
	let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
	let mut next = move || {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		seed
	};
	let neurons: Vec<Neuron> = (0..n)
		.map(|i| Neuron {
			alpha_stake: if i < v { next() % 1_000_000_000_000_000 } else { 0 },
			root_stake: if i < v { next() % 1_000_000_000_000_000 } else { 0 },
			permit: i < v,
			last_update: 1_000,
			registered_at: 10,
		})
		.collect();
	let weights: Vec<Vec<(u16, u16)>> =
		(0..n).map(|i| if i < v { (0..n).filter(|j| *j != i).map(|j| (j, (next() % 65_536) as u16)).collect() } else { Vec::new() }).collect();
	let bonds: Vec<Vec<(u16, u16)>> =
		(0..n).map(|i| if i < v { (0..n).map(|j| (j, (next() % 8_000) as u16)).collect() } else { Vec::new() }).collect();
	let params = Params {
		tao_weight_ppb: 180_000_000,
		kappa: 32_767,
		bonds_moving_average: 900_000,
		bonds_penalty: 65_535,
		activity_cutoff: 5_000,
		max_validators: 64,
	};
	let input = EpochInput {
		block: 2_000,
		tempo: 360,
		last_epoch_block: 1_639,
		owner_uid: Some(0),
		neurons: &neurons,
		weights: &weights,
		bonds: &bonds,
		params,
	};
	let mut times = Vec::new();
	let mut checksum = 0u64;
	for _ in 0..21 {
		let start = Instant::now();
		let out = epoch(&input);
		let split = split_pots(&neurons, &out, 180_000_000, Pots { miner: 1 << 40, validator: 1 << 40, root: 1 << 35 });
		times.push(start.elapsed());
		checksum = checksum.wrapping_add(split.miner.iter().sum::<u64>());
	}
	times.sort();
	println!(
		"yuma epoch: {n} neurons, {v} validators with full rows: median {:?}, min {:?}, max {:?} (checksum {checksum})",
		times[times.len() / 2],
		times[0],
		times[times.len() - 1]
	);
}
