//! Governance parameters: defaults (`docs/mechanism.md` where it names one) and their checks.

use crate::{pallet::*, ROOT_NETUID};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::DispatchResult},
	frame_system::{self, pallet_prelude::OriginFor},
	sp_runtime::DispatchError,
};

impl<T: Config> Pallet<T> {
	/// `Ok` if `netuid` is a live subnet (one with a pool), never root (`RootSubnetNotAllowed`): what
	/// a per-subnet parameter or a subnet's own action needs (root has no epoch, neurons or pool).
	/// A dissolving or unknown netuid fails with `SubnetNotFound`.
	pub fn ensure_live_subnet(netuid: u16) -> DispatchResult {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RootSubnetNotAllowed);
		ensure!(Pools::<T>::contains_key(netuid), Error::<T>::SubnetNotFound);
		Ok(())
	}

	/// Root, or the owner coldkey of `netuid`; `Ok(true)` for root, `Ok(false)` for the owner.
	pub(crate) fn ensure_root_or_owner(origin: OriginFor<T>, netuid: u16) -> Result<bool, DispatchError> {
		let who = frame_system::ensure_signed_or_root(origin)?;
		Self::ensure_live_subnet(netuid)?;
		match who {
			None => Ok(true),
			Some(who) => {
				ensure!(SubnetOwner::<T>::get(netuid).as_ref() == Some(&who), Error::<T>::NotSubnetOwner);
				Ok(false)
			}
		}
	}
}

/// Defaults of every parameter. Those docs/mechanism.md names are taken from it; the rest follow the
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
	/// Yuma Consensus (`docs/yuma.md` §2): the stake majority that defines consensus, over 65535
	/// (≈ 0.5).
	pub const KAPPA: u16 = 32_767;
	/// Weight of the old bonds in the bond EMA, per million (the EMA's α is 0.1).
	pub const BONDS_MOVING_AVERAGE: u64 = 900_000;
	/// Bonds are built from clipped weights (65535 = 1.0).
	pub const BONDS_PENALTY: u16 = u16::MAX;
	/// Activity cutoff in thousandths of the tempo (5_000 blocks at tempo 360).
	pub const ACTIVITY_CUTOFF_FACTOR_MILLI: u32 = 13_889;
	/// Half-life of the flow EMA `S_n`, in blocks: 30 days of 12-second blocks.
	pub const FLOW_HALF_LIFE: u64 = 216_000;
	/// Blocks between a take change and a raise of the take: 30 days of 12-second blocks, as the
	/// reference chain's delegate take rate limit.
	pub const TAKE_RATE_LIMIT: u64 = 216_000;
}

/// Bounds of the parameters (the Yuma hyperparameters: `docs/yuma.md` §2), from
/// `dtao_math::bounds`: the simulator checks scenarios against the same constants.
pub mod bounds {
	pub use dtao_math::bounds::*;
}

impl<T: Config> Pallet<T> {
	/// `Ok` if every number of `policy` is within its bounds (`InvalidParameter` otherwise).
	pub(crate) fn ensure_share_policy(policy: &crate::EmissionSharePolicy) -> DispatchResult {
		use crate::ShareRule;
		if let ShareRule::TaoFlow { cutoff, exponent_milli } = policy.rule {
			ensure!(cutoff <= 0, Error::<T>::InvalidParameter);
			ensure!(
				(bounds::FLOW_EXPONENT_MILLI_MIN..=bounds::FLOW_EXPONENT_MILLI_MAX).contains(&exponent_milli),
				Error::<T>::InvalidParameter
			);
		}
		if let Some(gate) = policy.gate {
			ensure!(
				(bounds::GATE_EXPONENT_MIN..=bounds::GATE_EXPONENT_MAX).contains(&gate.exponent),
				Error::<T>::InvalidParameter
			);
		}
		Ok(())
	}
}
