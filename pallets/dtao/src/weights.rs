//! Weights of the calls. Hand-written and conservative (generous read/write counts and execution
//! time) until the benchmarks of `benchmarking.rs`, run in the wasm runtime, replace them. The
//! functions already take the sizes the benchmarks measure (subnets, neurons, holders, entries).

use polkadot_sdk::frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight of each call, named after it, and of the block hook.
pub trait WeightInfo {
	/// The coinbase of one block visiting `subnets` subnets (one read and one write each).
	fn coinbase(subnets: u32) -> Weight;
	/// One subnet's epoch over `neurons` neurons of which `validators` have weight and bond rows
	/// (reads their stakes and those rows; runs Yuma Consensus; writes the stakes it pays, the bonds
	/// and the outputs).
	fn epoch(neurons: u32, validators: u32) -> Weight;
	/// A dissolution paying `holders` stake holders: each holder's stake entry, share pool, index
	/// entry and account, and one share pool removed per holder at most.
	fn settle(holders: u32) -> Weight;
	/// `set_weights` with `entries` uids and weights.
	fn set_weights(entries: u32) -> Weight;
	fn register_network() -> Weight;
	fn start_call() -> Weight;
	/// Closing a subnet of `neurons` neurons: its root dividends and its neuron and Yuma state (the
	/// holders' payments are `settle`).
	fn dissolve_network(neurons: u32) -> Weight;
	fn burned_register() -> Weight;
	fn set_take() -> Weight;
	fn add_stake() -> Weight;
	fn remove_stake() -> Weight;
	fn add_stake_limit() -> Weight;
	fn remove_stake_limit() -> Weight;
	fn move_stake() -> Weight;
	fn swap_stake() -> Weight;
	fn swap_stake_limit() -> Weight;
	fn transfer_stake() -> Weight;
	/// `unstake_all` visiting the caller's stake on `subnets` subnets (root counted).
	fn unstake_all(subnets: u32) -> Weight;
	fn set_tao_weight() -> Weight;
	fn set_owner_cut() -> Weight;
	fn set_miner_share() -> Weight;
	fn set_swap_fee() -> Weight;
	fn set_min_pool_reserve() -> Weight;
	fn set_min_stake() -> Weight;
	fn set_block_emission() -> Weight;
	fn set_moving_alpha() -> Weight;
	fn set_moving_halving_blocks() -> Weight;
	fn set_moving_price_cap() -> Weight;
	fn set_network_min_lock_cost() -> Weight;
	fn set_network_lock_reduction_interval() -> Weight;
	fn set_network_rate_limit() -> Weight;
	fn set_network_immunity_period() -> Weight;
	fn set_subnet_limit() -> Weight;
	fn set_start_call_delay() -> Weight;
	fn set_max_take() -> Weight;
	fn set_tempo() -> Weight;
	fn set_burn() -> Weight;
	fn set_max_neurons() -> Weight;
	fn set_max_validators() -> Weight;
	fn set_kappa() -> Weight;
	fn set_bonds_moving_average() -> Weight;
	fn set_bonds_penalty() -> Weight;
	fn set_activity_cutoff_factor_milli() -> Weight;
}

/// Execution time assumed for a call, before storage access: 50 µs.
const BASE: u64 = 50_000_000;

/// Fixed part of an epoch: the subnet's pool, parameters, vectors and the owner's payment.
fn epoch_base() -> Weight {
	Weight::from_parts(BASE.saturating_mul(4), 16_384).saturating_add(RocksDbWeight::get().reads_writes(30, 20))
}

/// Per neuron of an epoch: its hotkey, stakes and registration block (4 reads) and up to three
/// payments (3 writes).
fn epoch_per_neuron() -> Weight {
	Weight::from_parts(20_000_000, 1_024).saturating_add(RocksDbWeight::get().reads_writes(4, 3))
}

/// Per row of weights and bonds an epoch reads: the two rows and the bonds written.
fn epoch_per_row() -> Weight {
	Weight::from_parts(BASE, 2_048).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
}

/// Execution time charged per entry of a row (a row holds up to one entry per neuron): 0.5 µs.
const EPOCH_ENTRY_REF_TIME: u64 = 500_000;

impl WeightInfo for () {
	/// Each row charged at its largest: one entry per neuron.
	fn epoch(neurons: u32, validators: u32) -> Weight {
		let row = epoch_per_row()
			.saturating_add(Weight::from_parts(EPOCH_ENTRY_REF_TIME, 4).saturating_mul(u64::from(neurons)));
		epoch_base()
			.saturating_add(epoch_per_neuron().saturating_mul(u64::from(neurons)))
			.saturating_add(row.saturating_mul(u64::from(validators)))
	}
	fn settle(holders: u32) -> Weight {
		Weight::from_parts(BASE, 2_048).saturating_add(RocksDbWeight::get().reads_writes(3, 2)).saturating_add(
			Weight::from_parts(BASE.saturating_div(2), 1_024)
				.saturating_add(RocksDbWeight::get().reads_writes(5, 6))
				.saturating_mul(u64::from(holders)),
		)
	}
	/// Reads the caller's uid, permit and the subnet's neuron count; checks and writes one row.
	fn set_weights(entries: u32) -> Weight {
		Weight::from_parts(BASE, 4_096)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 2))
			.saturating_add(Weight::from_parts(100_000, 4).saturating_mul(u64::from(entries)))
	}
	fn coinbase(subnets: u32) -> Weight {
		// Fixed part: issuance, parameters, root stake, the pallet account (mint).
		Weight::from_parts(BASE, 2_048)
			.saturating_add(RocksDbWeight::get().reads_writes(12, 2))
			.saturating_add(
				Weight::from_parts(BASE, 512)
					.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
					.saturating_mul(u64::from(subnets)),
			)
	}
	/// A registration without pruning (a pruning adds `dissolve_network` and `settle`).
	fn register_network() -> Weight {
		Weight::from_parts(BASE.saturating_mul(2), 4_096).saturating_add(RocksDbWeight::get().reads_writes(20, 24))
	}
	fn start_call() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	/// A fixed part (the pool, owner, lock, parameters, the Yuma vectors) and, per neuron, its
	/// share of the root-dividend epoch (40 µs and five reads: hotkey, stakes, weights, bonds) and
	/// the removal of its five per-uid entries.
	fn dissolve_network(neurons: u32) -> Weight {
		Weight::from_parts(BASE.saturating_mul(4), 4_096).saturating_add(RocksDbWeight::get().reads_writes(40, 40)).saturating_add(
			Weight::from_parts(40_000_000, 1_024)
				.saturating_add(RocksDbWeight::get().reads_writes(5, 5))
				.saturating_mul(u64::from(neurons)),
		)
	}
	fn burned_register() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(7, 5))
	}
	fn set_take() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn add_stake() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(10, 6))
	}
	fn remove_stake() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(10, 6))
	}
	fn add_stake_limit() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(10, 6))
	}
	fn remove_stake_limit() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(10, 6))
	}
	fn move_stake() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(14, 9))
	}
	fn swap_stake() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(14, 9))
	}
	fn swap_stake_limit() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(14, 9))
	}
	fn transfer_stake() -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(14, 9))
	}
	/// A fixed part (the hotkey, the caller's account) and one sale per subnet visited.
	fn unstake_all(subnets: u32) -> Weight {
		Weight::from_parts(BASE, 4_096).saturating_add(RocksDbWeight::get().reads_writes(4, 2)).saturating_add(
			Weight::from_parts(BASE, 2_048)
				.saturating_add(RocksDbWeight::get().reads_writes(8, 6))
				.saturating_mul(u64::from(subnets)),
		)
	}
	fn set_tao_weight() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_owner_cut() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_miner_share() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_swap_fee() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_min_pool_reserve() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(130, 1))
	}
	fn set_min_stake() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_block_emission() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_moving_alpha() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_moving_halving_blocks() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_moving_price_cap() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_network_min_lock_cost() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_network_lock_reduction_interval() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_network_rate_limit() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_network_immunity_period() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_subnet_limit() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_start_call_delay() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_max_take() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_tempo() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_burn() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_max_neurons() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_max_validators() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_kappa() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_bonds_moving_average() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_bonds_penalty() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_activity_cutoff_factor_milli() -> Weight {
		Weight::from_parts(BASE, 512).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
}
