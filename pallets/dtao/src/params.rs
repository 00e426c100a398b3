//! Governance parameters: defaults (MECHANISM.md where it names one) and their checks.

/// Defaults of every parameter. Those MECHANISM.md names are taken from it; the rest follow the
/// reference implementation's mainnet values.
pub mod defaults {
	use polkadot_sdk::sp_runtime::Perbill;

	/// 1 TAO in rao.
	pub const TAO: u64 = 1_000_000_000;

	pub const TAO_WEIGHT: Perbill = Perbill::from_percent(18);
	pub const OWNER_CUT: Perbill = Perbill::from_percent(18);
	pub const MINER_SHARE: Perbill = Perbill::from_percent(50);
	/// 0.05 %.
	pub const SWAP_FEE: Perbill = Perbill::from_parts(500_000);
	/// 0.001 TAO.
	pub const MIN_POOL_RESERVE: u64 = 1_000_000;
	/// 0.0005 TAO.
	pub const MIN_STAKE: u64 = 500_000;
	/// 1 TAO per block.
	pub const BLOCK_EMISSION: u64 = TAO;
	/// 0.000003.
	pub const MOVING_ALPHA: Perbill = Perbill::from_parts(3_000);
	pub const MOVING_HALVING_BLOCKS: u64 = 201_600;
	/// Price 1.0.
	pub const MOVING_PRICE_CAP: u64 = TAO;
	/// 1_000 TAO.
	pub const NETWORK_MIN_LOCK_COST: u64 = 1_000 * TAO;
	/// 14 days of 12-second blocks.
	pub const NETWORK_LOCK_REDUCTION_INTERVAL: u64 = 100_800;
	/// One day of 12-second blocks.
	pub const NETWORK_RATE_LIMIT: u64 = 7_200;
	/// Seven days of 12-second blocks.
	pub const NETWORK_IMMUNITY_PERIOD: u64 = 50_400;
	pub const SUBNET_LIMIT: u16 = 128;
	/// Seven days of 12-second blocks.
	pub const START_CALL_DELAY: u64 = 50_400;
	pub const MAX_TAKE: Perbill = Perbill::from_percent(18);
	/// Default take of a new hotkey.
	pub const TAKE: Perbill = Perbill::from_percent(18);
	pub const TEMPO: u16 = 360;
	/// 1 TAO.
	pub const BURN: u64 = TAO;
	pub const MAX_NEURONS: u16 = 256;
	pub const MAX_VALIDATORS: u16 = 64;
}
