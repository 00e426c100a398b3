//! Governance parameters: defaults (`docs/mechanism.md` where it names one) and their checks.

use crate::{pallet::*, Param, SubnetParam, WeightInfo, ROOT_NETUID};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get, weights::Weight},
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

	/// 18 %: root stake counts at 0.18 of its TAO against alpha stake.
	pub const TAO_WEIGHT: Perbill = Perbill::from_percent(18);
	/// 18 % of each block's alpha out goes to the subnet owner.
	pub const OWNER_CUT: Perbill = Perbill::from_percent(18);
	/// 50 % of the rest goes to the miners (the other half to the validators).
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
	/// The moving price's α is half of `MovingAlpha` 201,600 blocks (28 days) after the start
	/// (`α · b / (b + 201_600)`).
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
	/// At most 128 subnets; a registration beyond prunes one.
	pub const SUBNET_LIMIT: u16 = 128;
	/// Seven days of 12-second blocks.
	pub const START_CALL_DELAY: u64 = 50_400;
	/// 18 %: the highest take a hotkey may set.
	pub const MAX_TAKE: Perbill = Perbill::from_percent(18);
	/// Default take of a new hotkey.
	pub const TAKE: Perbill = Perbill::from_percent(18);
	/// An epoch every 361 blocks (`tempo + 1`).
	pub const TEMPO: u16 = 360;
	/// 1 TAO.
	pub const BURN: u64 = TAO;
	/// 256 neurons per subnet.
	pub const MAX_NEURONS: u16 = 256;
	/// 64 validator permits per subnet.
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

impl<T: Config> Pallet<T> {
	/// Check `param` as its setter does, store it and emit its `<Name>Set` event. Origin checks are
	/// the caller's.
	pub(crate) fn apply_param(param: Param) -> DispatchResult {
		use crate::params::bounds;
		match param {
			Param::TaoWeight(value) => {
				TaoWeight::<T>::put(value);
				Self::deposit_event(Event::TaoWeightSet { value });
			}
			Param::OwnerCut(value) => {
				OwnerCut::<T>::put(value);
				Self::deposit_event(Event::OwnerCutSet { value });
			}
			Param::MinerShare(value) => {
				MinerShare::<T>::put(value);
				Self::deposit_event(Event::MinerShareSet { value });
			}
			Param::SwapFee(value) => {
				SwapFee::<T>::put(value);
				Self::deposit_event(Event::SwapFeeSet { value });
			}
			Param::MinPoolReserve(value) => {
				ensure!(value > 0 && value <= NetworkMinLockCost::<T>::get(), Error::<T>::InvalidParameter);
				ensure!(
					Pools::<T>::iter_values().all(|p| p.tao_reserve >= value && p.alpha_reserve >= value),
					Error::<T>::InvalidParameter
				);
				MinPoolReserve::<T>::put(value);
				Self::deposit_event(Event::MinPoolReserveSet { value });
			}
			Param::MinStake(value) => {
				MinStake::<T>::put(value);
				Self::deposit_event(Event::MinStakeSet { value });
			}
			Param::BlockEmission(value) => {
				ensure!(value <= bounds::BLOCK_EMISSION_MAX, Error::<T>::InvalidParameter);
				BlockEmission::<T>::put(value);
				Self::deposit_event(Event::BlockEmissionSet { value });
			}
			Param::MovingAlpha(value) => {
				MovingAlpha::<T>::put(value);
				Self::deposit_event(Event::MovingAlphaSet { value });
			}
			Param::MovingHalvingBlocks(value) => {
				MovingHalvingBlocks::<T>::put(value);
				Self::deposit_event(Event::MovingHalvingBlocksSet { value });
			}
			Param::MovingPriceCap(value) => {
				ensure!(value > 0, Error::<T>::InvalidParameter);
				MovingPriceCap::<T>::put(value);
				Self::deposit_event(Event::MovingPriceCapSet { value });
			}
			Param::NetworkMinLockCost(value) => {
				ensure!(value >= MinPoolReserve::<T>::get(), Error::<T>::InvalidParameter);
				NetworkMinLockCost::<T>::put(value);
				Self::deposit_event(Event::NetworkMinLockCostSet { value });
			}
			Param::NetworkLockReductionInterval(value) => {
				NetworkLockReductionInterval::<T>::put(value);
				Self::deposit_event(Event::NetworkLockReductionIntervalSet { value });
			}
			Param::NetworkRateLimit(value) => {
				NetworkRateLimit::<T>::put(value);
				Self::deposit_event(Event::NetworkRateLimitSet { value });
			}
			Param::NetworkImmunityPeriod(value) => {
				NetworkImmunityPeriod::<T>::put(value);
				Self::deposit_event(Event::NetworkImmunityPeriodSet { value });
			}
			Param::SubnetLimit(value) => {
				ensure!(value <= T::MaxSubnets::get(), Error::<T>::InvalidParameter);
				SubnetLimit::<T>::put(value);
				Self::deposit_event(Event::SubnetLimitSet { value });
			}
			Param::StartCallDelay(value) => {
				StartCallDelay::<T>::put(value);
				Self::deposit_event(Event::StartCallDelaySet { value });
			}
			Param::MaxTake(value) => {
				MaxTake::<T>::put(value);
				Self::deposit_event(Event::MaxTakeSet { value });
			}
			Param::EmissionSharePolicy(policy) => {
				Self::ensure_share_policy(&policy)?;
				EmissionShare::<T>::put(policy);
				// The bar is set again from the new rule's shares in the next block.
				GateBar::<T>::kill();
				Self::deposit_event(Event::EmissionSharePolicySet { policy });
			}
			Param::FlowHalfLife(value) => {
				ensure!(value > 0 && value <= bounds::FLOW_HALF_LIFE_MAX, Error::<T>::InvalidParameter);
				FlowHalfLife::<T>::put(value);
				Self::deposit_event(Event::FlowHalfLifeSet { value });
			}
			Param::DividendAccrual(accrual) => {
				DividendAccrualMode::<T>::put(accrual);
				Self::deposit_event(Event::DividendAccrualSet { accrual });
			}
			Param::RootDividendMode(mode) => {
				RootDividends::<T>::put(mode);
				Self::deposit_event(Event::RootDividendModeSet { mode });
			}
			Param::TakeRateLimit(value) => {
				TakeRateLimit::<T>::put(value);
				Self::deposit_event(Event::TakeRateLimitSet { value });
			}
		}
		Ok(())
	}

	/// Check `param` of the live subnet `netuid` as its setter does, store it and emit its
	/// `<Name>Set` event. `by_root`: root's origin (else the subnet owner's: root-only parameters
	/// fail with `BadOrigin`, and the owner's own limits apply). The subnet is the caller's check.
	pub(crate) fn apply_subnet_param(netuid: u16, param: SubnetParam, by_root: bool) -> DispatchResult {
		use crate::params::bounds;
		ensure!(by_root || !param.root_only(), DispatchError::BadOrigin);
		match param {
			SubnetParam::Tempo(value) => {
				Self::put_tempo(netuid, value);
				Self::deposit_event(Event::TempoSet { netuid, value });
			}
			SubnetParam::Burn(value) => {
				Burn::<T>::insert(netuid, value);
				<T::Observer as crate::DtaoObserver<T::AccountId>>::burn_set(netuid, value);
				Self::deposit_event(Event::BurnSet { netuid, value });
			}
			SubnetParam::MaxNeurons(value) => {
				ensure!(value >= NeuronCount::<T>::get(netuid), Error::<T>::InvalidParameter);
				ensure!(u32::from(value) <= T::MaxNeuronsLimit::get(), Error::<T>::InvalidParameter);
				MaxNeurons::<T>::insert(netuid, value);
				Self::deposit_event(Event::MaxNeuronsSet { netuid, value });
			}
			SubnetParam::MaxValidators(value) => {
				ensure!(u32::from(value) <= T::MaxValidatorsLimit::get(), Error::<T>::InvalidParameter);
				MaxValidators::<T>::insert(netuid, value);
				Self::deposit_event(Event::MaxValidatorsSet { netuid, value });
			}
			SubnetParam::Kappa(value) => {
				Kappa::<T>::insert(netuid, value);
				Self::deposit_event(Event::KappaSet { netuid, value });
			}
			SubnetParam::BondsMovingAverage(value) => {
				ensure!(value <= bounds::BONDS_MOVING_AVERAGE_MAX, Error::<T>::InvalidParameter);
				ensure!(by_root || value <= bounds::BONDS_MOVING_AVERAGE_OWNER_MAX, Error::<T>::OwnerLimitExceeded);
				BondsMovingAverage::<T>::insert(netuid, value);
				Self::deposit_event(Event::BondsMovingAverageSet { netuid, value });
			}
			SubnetParam::BondsPenalty(value) => {
				BondsPenalty::<T>::insert(netuid, value);
				Self::deposit_event(Event::BondsPenaltySet { netuid, value });
			}
			SubnetParam::ActivityCutoffFactorMilli(value) => {
				ensure!(
					(bounds::ACTIVITY_CUTOFF_FACTOR_MILLI_MIN..=bounds::ACTIVITY_CUTOFF_FACTOR_MILLI_MAX).contains(&value),
					Error::<T>::InvalidParameter
				);
				ActivityCutoffFactorMilli::<T>::insert(netuid, value);
				Self::deposit_event(Event::ActivityCutoffFactorMilliSet { netuid, value });
			}
		}
		Ok(())
	}

	/// The weight of setting `param`: that of its setter (measured by its own benchmark).
	pub fn param_weight(param: &Param) -> Weight {
		match param {
			Param::TaoWeight(_) => T::WeightInfo::set_tao_weight(),
			Param::OwnerCut(_) => T::WeightInfo::set_owner_cut(),
			Param::MinerShare(_) => T::WeightInfo::set_miner_share(),
			Param::SwapFee(_) => T::WeightInfo::set_swap_fee(),
			Param::MinPoolReserve(_) => T::WeightInfo::set_min_pool_reserve(),
			Param::MinStake(_) => T::WeightInfo::set_min_stake(),
			Param::BlockEmission(_) => T::WeightInfo::set_block_emission(),
			Param::MovingAlpha(_) => T::WeightInfo::set_moving_alpha(),
			Param::MovingHalvingBlocks(_) => T::WeightInfo::set_moving_halving_blocks(),
			Param::MovingPriceCap(_) => T::WeightInfo::set_moving_price_cap(),
			Param::NetworkMinLockCost(_) => T::WeightInfo::set_network_min_lock_cost(),
			Param::NetworkLockReductionInterval(_) => T::WeightInfo::set_network_lock_reduction_interval(),
			Param::NetworkRateLimit(_) => T::WeightInfo::set_network_rate_limit(),
			Param::NetworkImmunityPeriod(_) => T::WeightInfo::set_network_immunity_period(),
			Param::SubnetLimit(_) => T::WeightInfo::set_subnet_limit(),
			Param::StartCallDelay(_) => T::WeightInfo::set_start_call_delay(),
			Param::MaxTake(_) => T::WeightInfo::set_max_take(),
			Param::EmissionSharePolicy(_) => T::WeightInfo::set_emission_share_policy(),
			Param::FlowHalfLife(_) => T::WeightInfo::set_flow_half_life(),
			Param::DividendAccrual(_) => T::WeightInfo::set_dividend_accrual(),
			Param::RootDividendMode(_) => T::WeightInfo::set_root_dividend_mode(),
			Param::TakeRateLimit(_) => T::WeightInfo::set_take_rate_limit(),
		}
	}

	/// The weight of `set_params(params)`: the sum of its entries' weights.
	pub fn params_weight(params: &[Param]) -> Weight {
		params.iter().fold(Weight::zero(), |w, p| w.saturating_add(Self::param_weight(p)))
	}

	/// The weight of `set_subnet_params(_, params)`: the sum of its entries' weights.
	pub fn subnet_params_weight(params: &[SubnetParam]) -> Weight {
		params.iter().fold(Weight::zero(), |w, p| w.saturating_add(Self::subnet_param_weight(p)))
	}

	/// The weight of setting `param` of a subnet: that of its setter.
	pub fn subnet_param_weight(param: &SubnetParam) -> Weight {
		match param {
			SubnetParam::Tempo(_) => T::WeightInfo::set_tempo(),
			SubnetParam::Burn(_) => T::WeightInfo::set_burn(),
			SubnetParam::MaxNeurons(_) => T::WeightInfo::set_max_neurons(),
			SubnetParam::MaxValidators(_) => T::WeightInfo::set_max_validators(),
			SubnetParam::Kappa(_) => T::WeightInfo::set_kappa(),
			SubnetParam::BondsMovingAverage(_) => T::WeightInfo::set_bonds_moving_average(),
			SubnetParam::BondsPenalty(_) => T::WeightInfo::set_bonds_penalty(),
			SubnetParam::ActivityCutoffFactorMilli(_) => T::WeightInfo::set_activity_cutoff_factor_milli(),
		}
	}
}
