//! # Dynamic TAO pallet
//!
//! Subnets with their own token, alpha, traded against TAO in a protocol-owned constant-product pool.
//! Staking TAO into a subnet buys its alpha; unstaking sells it. The arithmetic is in the pure
//! `dtao-math` crate; this pallet loads state, calls it, and writes the result. What is computed
//! is described in `docs/mechanism.md`, and the epoch's Yuma Consensus in `docs/yuma.md`.
//!
//! Topics: [`subnets`] (registration, start, dissolution), [`staking`] (stake as swap, moves,
//! limits), [`neurons`] (neuron registration, takes), [`epoch`] (Yuma Consensus, payouts,
//! `set_weights`), [`params`] (governance parameters), [`invariants`] (the accounting checks of
//! docs/mechanism.md §8).
//!
//! ## Key terms
//!
//! "Pool" means three different things here, always with its qualifier:
//!
//! - **swap pool**: a subnet's constant-product market, TAO reserve `T` against alpha reserve `A`,
//!   with its outstanding alpha, emission record and moving price: one [`SubnetPool`] per subnet in
//!   [`Pools`]. Root (netuid 0) has none; its market is 1:1.
//! - **share pool**: a hotkey's stake on one subnet, `H` alpha divided into `S` shares among the
//!   coldkeys that staked on it ([`HotkeyStake`], [`StakeShares`]): dividends raise `H`, so every
//!   share's value, without touching the coldkeys' entries.
//! - **claim pool**: root's kept alpha of one subnet waiting for the root stakers of one validator
//!   hotkey under `RootDividendMode::KeepAlpha` ([`RootClaimPool`], all of a hotkey's in one
//!   [`RootClaimPools`] value; each staker's accounts with them in [`RootClaims`]; module `claims`).
//!
//! The node's transaction pool is a fourth, outside this pallet. Other terms: a **live subnet** has
//! a swap pool (registered and not dissolving; [`Pallet::ensure_live_subnet`] refuses root,
//! [`Pallet::ensure_root_or_live_subnet`] admits it); a **started** subnet has had its `start_call`
//! and receives emission; a **settlement** pays a dissolving subnet's holders over several blocks.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
// No panics in runtime code: arithmetic side effects, `unwrap` and indexing are errors outside
// tests (every build runs clippy on the workspace's crates: .cargo/config.toml); tests may panic.
#![cfg_attr(
	not(any(test, feature = "runtime-benchmarks", feature = "try-runtime")),
	deny(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing)
)]
#![cfg_attr(test, allow(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing))]

extern crate alloc;

pub mod api;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod coinbase;
pub mod epoch;
mod genesis;
pub mod interface;
pub mod invariants;
pub mod migrations;
pub mod neurons;
pub mod observer;
pub mod params;
pub mod staking;
pub mod subnets;
mod tao;
pub mod types;
mod claims;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use interface::DtaoInterface;
pub use observer::DtaoObserver;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system, sp_runtime};

/// Netuid of the root subnet.
pub const ROOT_NETUID: u16 = 0;

// A new pool, seeded with at least the minimum lock, must start above the liquidity floor.
const _: () = assert!(
	params::defaults::MIN_POOL_RESERVE <= params::defaults::NETWORK_MIN_LOCK_COST,
	"a new pool must start above the liquidity floor"
);

/// The pallet: its configuration, storage, events, errors, hooks and calls.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::params::defaults;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			ConstU16, ConstU64,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The dTAO pallet.
	#[pallet::pallet]
	#[pallet::storage_version(crate::migrations::STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// What the runtime gives the pallet: the currency, its account, limits and weights.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The TAO currency. Pools, root stake and pending root TAO are held by the pallet account.
		type Currency: Mutate<Self::AccountId> + Inspect<Self::AccountId, Balance = u64>;
		/// Derives the pallet account that holds all TAO in pools.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// Weights of the calls and of the block hook.
		type WeightInfo: WeightInfo;
		/// The most neurons a subnet may hold: `MaxNeurons` cannot be set above it, and one
		/// `set_weights` takes at most this many entries.
		#[pallet::constant]
		type MaxNeuronsLimit: Get<u32>;
		/// The most validator permits a subnet may grant: `MaxValidators` cannot be set above it. An
		/// epoch reads a weight and a bond row per permit, so this bounds its cost.
		#[pallet::constant]
		type MaxValidatorsLimit: Get<u32>;
		/// The most subnets (root excluded) that may exist: `SubnetLimit` cannot be set above it.
		#[pallet::constant]
		type MaxSubnets: Get<u16>;
		/// The most stake holders a dissolution pays in one block. A subnet with at most this many
		/// holders is settled by the dissolving call itself; a larger one over the next blocks.
		#[pallet::constant]
		type MaxSettlementsPerBlock: Get<u32>;
		/// The most the block hook may use: the coinbase of every subnet, up to
		/// `MaxSettlementsPerBlock` settlement payments, and as many due epochs as fit in the rest.
		/// A due epoch that does not fit waits (`EpochsDeferred`) and runs first in a later block;
		/// the first due epoch of a block always runs. `integrity_test` checks that the largest
		/// coinbase, settlement step and epoch fit together.
		#[pallet::constant]
		type MaxHookWeight: Get<Weight>;
		/// The most claim pools of root's kept alpha (`KeepAlpha`) a hotkey may have, live and
		/// settled together; a root staker has at most this many claim accounts per hotkey. A
		/// change of root stake reads and writes the hotkey's pools and the staker's accounts as one
		/// value each, so its cost grows with this bound (charged in full).
		#[pallet::constant]
		type MaxRootClaimPools: Get<u32>;
		/// Told of the changes another pallet mirrors in its own storage (a subnet added or
		/// removed, a hotkey's owner set, a burn set), in the same call that makes them. `()`
		/// for none.
		type Observer: DtaoObserver<Self::AccountId>;
	}

	/// `MaxSubnets` as a bound for vectors of netuids.
	pub struct MaxSubnetsBound<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<u32> for MaxSubnetsBound<T> {
		fn get() -> u32 {
			u32::from(T::MaxSubnets::get())
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Parameters (docs/mechanism.md defaults; genesis-configurable; root-settable). Each default is
	// declared once, in `params::defaults`: integer ones reach the storage as `ConstU16/32/64`, the
	// fractions (`Perbill`, not a const generic) through the `type_value`s below.
	// ---------------------------------------------------------------------------------------------

	/// The default of `TaoWeight` (`params::defaults`).
	#[pallet::type_value]
	pub fn DefaultTaoWeight() -> Perbill {
		defaults::TAO_WEIGHT
	}
	/// The default of `OwnerCut` (`params::defaults`).
	#[pallet::type_value]
	pub fn DefaultOwnerCut() -> Perbill {
		defaults::OWNER_CUT
	}
	/// The default of `MinerShare` (`params::defaults`).
	#[pallet::type_value]
	pub fn DefaultMinerShare() -> Perbill {
		defaults::MINER_SHARE
	}
	/// The default of `SwapFee` (`params::defaults`).
	#[pallet::type_value]
	pub fn DefaultSwapFee() -> Perbill {
		defaults::SWAP_FEE
	}
	/// The default of `MovingAlpha` (`params::defaults`).
	#[pallet::type_value]
	pub fn DefaultMovingAlpha() -> Perbill {
		defaults::MOVING_ALPHA
	}
	/// The default of `MaxTake` (`params::defaults`).
	#[pallet::type_value]
	pub fn DefaultMaxTake() -> Perbill {
		defaults::MAX_TAKE
	}
	/// A hotkey's take until it sets one (`params::defaults::TAKE`).
	#[pallet::type_value]
	pub fn DefaultTake() -> Perbill {
		defaults::TAKE
	}

	/// `tw`: weight of root stake against alpha stake (root proportion, validator weight).
	#[pallet::storage]
	pub type TaoWeight<T> = StorageValue<_, Perbill, ValueQuery, DefaultTaoWeight>;
	/// Share of each block's alpha out paid to the subnet owner.
	#[pallet::storage]
	pub type OwnerCut<T> = StorageValue<_, Perbill, ValueQuery, DefaultOwnerCut>;
	/// Share of the alpha out after the owner cut paid to miners (the rest to validators).
	#[pallet::storage]
	pub type MinerShare<T> = StorageValue<_, Perbill, ValueQuery, DefaultMinerShare>;
	/// Fee of a user swap, left in the pool.
	#[pallet::storage]
	pub type SwapFee<T> = StorageValue<_, Perbill, ValueQuery, DefaultSwapFee>;
	/// Liquidity floor: no swap may leave the reserve it pays out of below this.
	#[pallet::storage]
	pub type MinPoolReserve<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::MIN_POOL_RESERVE }>>;
	/// Smallest stake, unstake or move (in TAO value).
	#[pallet::storage]
	pub type MinStake<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::MIN_STAKE }>>;
	/// TAO emission per block before halvings.
	#[pallet::storage]
	pub type BlockEmission<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::BLOCK_EMISSION }>>;
	/// Smoothing factor of the moving price.
	#[pallet::storage]
	pub type MovingAlpha<T> = StorageValue<_, Perbill, ValueQuery, DefaultMovingAlpha>;
	/// Warm-up of the moving price: blocks after start at which the smoothing is half of full.
	#[pallet::storage]
	pub type MovingHalvingBlocks<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::MOVING_HALVING_BLOCKS }>>;
	/// Cap of the price fed into the moving price (rao per alpha).
	#[pallet::storage]
	pub type MovingPriceCap<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::MOVING_PRICE_CAP }>>;
	/// Floor of the network lock cost.
	#[pallet::storage]
	pub type NetworkMinLockCost<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::NETWORK_MIN_LOCK_COST }>>;
	/// Blocks over which a doubled lock cost decays back by the last lock cost (0: no decay).
	#[pallet::storage]
	pub type NetworkLockReductionInterval<T> =
		StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::NETWORK_LOCK_REDUCTION_INTERVAL }>>;
	/// Blocks that must pass between two network registrations.
	#[pallet::storage]
	pub type NetworkRateLimit<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::NETWORK_RATE_LIMIT }>>;
	/// Blocks after registration during which a subnet cannot be pruned.
	#[pallet::storage]
	pub type NetworkImmunityPeriod<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::NETWORK_IMMUNITY_PERIOD }>>;
	/// Most subnets (root not counted) that may exist at once.
	#[pallet::storage]
	pub type SubnetLimit<T> = StorageValue<_, u16, ValueQuery, ConstU16<{ defaults::SUBNET_LIMIT }>>;
	/// Blocks after registration before the owner may `start_call`.
	#[pallet::storage]
	pub type StartCallDelay<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::START_CALL_DELAY }>>;
	/// Highest take a hotkey's owner may set.
	#[pallet::storage]
	pub type MaxTake<T> = StorageValue<_, Perbill, ValueQuery, DefaultMaxTake>;
	/// Tempo written for each new subnet at registration.
	#[pallet::storage]
	pub type InitialTempo<T> = StorageValue<_, u16, ValueQuery, ConstU16<{ defaults::TEMPO }>>;
	/// How the block's TAO is split across started subnets (docs/mechanism.md §6.2).
	#[pallet::storage]
	pub type EmissionShare<T> = StorageValue<_, crate::EmissionSharePolicy, ValueQuery>;
	/// Half-life, in blocks, of every subnet's flow EMA `S_n` (0: the last block's flow).
	#[pallet::storage]
	pub type FlowHalfLife<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::FLOW_HALF_LIFE }>>;
	/// The gate's bar `θ` (`U64F64` bits of a share), set every `InitialTempo + 1` blocks from the
	/// rule's shares whether or not a gate is on; 0 until the first such block.
	#[pallet::storage]
	pub type GateBar<T> = StorageValue<_, u128, ValueQuery>;
	/// When an epoch's dividends (alpha and root) reach the holders of a hotkey's share pool.
	#[pallet::storage]
	pub type DividendAccrualMode<T> = StorageValue<_, crate::DividendAccrual, ValueQuery>;
	/// What happens to root's share of the validators' alpha: sold every block (optionally gated).
	#[pallet::storage]
	pub type RootDividends<T> = StorageValue<_, crate::RootDividendMode, ValueQuery>;
	/// Root's kept alpha owed to the root stakers of a hotkey (`KeepAlpha`): the hotkey's claim
	/// pools, one per subnet it was paid on (and one per dissolved subnet still owing TAO).
	#[pallet::storage]
	pub type RootClaimPools<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, crate::ClaimPools<T::MaxRootClaimPools>, OptionQuery>;
	/// The hotkeys with a live claim pool on each subnet, by (netuid, hotkey).
	#[pallet::storage]
	pub type RootClaimHotkeys<T: Config> = StorageDoubleMap<_, Twox64Concat, u16, Blake2_128Concat, T::AccountId, (), OptionQuery>;
	/// The number of live claim pools of each subnet (its `RootClaimHotkeys` entries): at most
	/// `MaxValidatorsLimit`, so that a dissolution settles a bounded number of them.
	#[pallet::storage]
	pub type RootClaimPoolCount<T> = StorageMap<_, Twox64Concat, u16, u32, ValueQuery>;
	/// Each root staker's accounts with the claim pools of a hotkey, by (coldkey, hotkey); brought
	/// up to date whenever its root shares on the hotkey change, removed when owed nothing.
	#[pallet::storage]
	pub type RootClaims<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<crate::RootClaim, T::MaxRootClaimPools>,
		OptionQuery,
	>;
	/// Blocks between two epochs of a subnet, minus one (0: never).
	#[pallet::storage]
	pub type Tempo<T> = StorageMap<_, Twox64Concat, u16, u16, ValueQuery, ConstU16<{ defaults::TEMPO }>>;
	/// TAO burned by `burned_register` on a subnet.
	#[pallet::storage]
	pub type Burn<T> = StorageMap<_, Twox64Concat, u16, u64, ValueQuery, ConstU64<{ defaults::BURN }>>;
	/// Most neurons a subnet may hold.
	#[pallet::storage]
	pub type MaxNeurons<T> = StorageMap<_, Twox64Concat, u16, u16, ValueQuery, ConstU16<{ defaults::MAX_NEURONS }>>;
	/// Most validators (with a permit) a subnet may have.
	#[pallet::storage]
	pub type MaxValidators<T> = StorageMap<_, Twox64Concat, u16, u16, ValueQuery, ConstU16<{ defaults::MAX_VALIDATORS }>>;

	// Yuma Consensus hyperparameters (docs/yuma.md §2): per subnet, written at registration from
	// the `Initial*` values, settable by root and (within bounds) by the subnet owner.

	/// `Kappa` written for each new subnet at registration.
	#[pallet::storage]
	pub type InitialKappa<T> = StorageValue<_, u16, ValueQuery, ConstU16<{ defaults::KAPPA }>>;
	/// `BondsMovingAverage` written for each new subnet at registration.
	#[pallet::storage]
	pub type InitialBondsMovingAverage<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::BONDS_MOVING_AVERAGE }>>;
	/// `BondsPenalty` written for each new subnet at registration.
	#[pallet::storage]
	pub type InitialBondsPenalty<T> = StorageValue<_, u16, ValueQuery, ConstU16<{ defaults::BONDS_PENALTY }>>;
	/// `ActivityCutoffFactorMilli` written for each new subnet at registration.
	#[pallet::storage]
	pub type InitialActivityCutoffFactorMilli<T> =
		StorageValue<_, u32, ValueQuery, ConstU32<{ defaults::ACTIVITY_CUTOFF_FACTOR_MILLI }>>;
	/// `κ` over 65535: the share of active stake whose weights define consensus.
	#[pallet::storage]
	pub type Kappa<T> = StorageMap<_, Twox64Concat, u16, u16, ValueQuery, ConstU16<{ defaults::KAPPA }>>;
	/// Weight of the old bonds in the bonds' moving average, per million.
	#[pallet::storage]
	pub type BondsMovingAverage<T> = StorageMap<_, Twox64Concat, u16, u64, ValueQuery, ConstU64<{ defaults::BONDS_MOVING_AVERAGE }>>;
	/// Over 65535: how far bonds follow the clipped weights (65535) rather than the raw ones (0).
	#[pallet::storage]
	pub type BondsPenalty<T> = StorageMap<_, Twox64Concat, u16, u16, ValueQuery, ConstU16<{ defaults::BONDS_PENALTY }>>;
	/// Activity cutoff in thousandths of the tempo: a validator whose last update is older than
	/// `max(1, factor · tempo / 1000)` blocks earns no dividend.
	#[pallet::storage]
	pub type ActivityCutoffFactorMilli<T> =
		StorageMap<_, Twox64Concat, u16, u32, ValueQuery, ConstU32<{ defaults::ACTIVITY_CUTOFF_FACTOR_MILLI }>>;

	// ---------------------------------------------------------------------------------------------
	// State.
	// ---------------------------------------------------------------------------------------------

	/// Every subnet's pool and per-block numbers. A netuid ≥ 1 exists iff it has an entry.
	#[pallet::storage]
	pub type Pools<T> = StorageMap<_, Twox64Concat, u16, SubnetPool, OptionQuery>;
	/// Number of subnets (root not counted).
	#[pallet::storage]
	pub type TotalNetworks<T> = StorageValue<_, u16, ValueQuery>;
	/// `T_0`: TAO staked on the root subnet.
	#[pallet::storage]
	pub type TotalRootStake<T> = StorageValue<_, u64, ValueQuery>;
	/// Coldkey that registered the subnet.
	#[pallet::storage]
	pub type SubnetOwner<T: Config> = StorageMap<_, Twox64Concat, u16, T::AccountId, OptionQuery>;
	/// Hotkey named at registration (uid 0, receives the owner's alpha).
	#[pallet::storage]
	pub type SubnetOwnerHotkey<T: Config> = StorageMap<_, Twox64Concat, u16, T::AccountId, OptionQuery>;
	/// TAO locked at registration: what dissolution refunds to the owner at most.
	#[pallet::storage]
	pub type SubnetLocked<T> = StorageMap<_, Twox64Concat, u16, u64, ValueQuery>;
	/// Lock cost paid by the last registration.
	#[pallet::storage]
	pub type LastLockCost<T> = StorageValue<_, u64, ValueQuery>;
	/// Block of the last registration (none before the first).
	#[pallet::storage]
	pub type LastRegisteredBlock<T> = StorageValue<_, u64, OptionQuery>;

	/// Owner (coldkey) of each hotkey that exists.
	#[pallet::storage]
	pub type HotkeyOwner<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;
	/// Take of a hotkey: what its owner keeps of each dividend paid to it.
	#[pallet::storage]
	pub type HotkeyTake<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Perbill, ValueQuery, DefaultTake>;
	/// Blocks that must pass after a hotkey's last take change before its take may be raised
	/// (lowering it is never limited).
	#[pallet::storage]
	pub type TakeRateLimit<T> = StorageValue<_, u64, ValueQuery, ConstU64<{ defaults::TAKE_RATE_LIMIT }>>;
	/// The block of a hotkey's last take change (`set_take`).
	#[pallet::storage]
	pub type LastTakeChange<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u64, OptionQuery>;
	/// `H(h,n)` and `S(h,n)`: a hotkey's stake on a subnet as a share pool.
	#[pallet::storage]
	pub type HotkeyStake<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u16, Blake2_128Concat, T::AccountId, StakePool, OptionQuery>;
	/// Shares of a coldkey in a hotkey's share pool on a subnet.
	#[pallet::storage]
	pub type StakeShares<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, u16>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		u128,
		OptionQuery,
	>;

	/// Index of `StakeShares` by coldkey: one entry `(coldkey, hotkey, netuid)` per stake entry, so a
	/// coldkey's stakes are found without scanning everyone's.
	#[pallet::storage]
	pub type StakeIndex<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, u16>,
		),
		(),
		OptionQuery,
	>;

	/// Subnets being dissolved whose holders are still being paid (docs/mechanism.md §5.3). Their
	/// netuid is not reused until the settlement ends.
	#[pallet::storage]
	pub type Dissolving<T: Config> = StorageMap<_, Twox64Concat, u16, Settlement<T::AccountId>, OptionQuery>;

	/// Subnets whose epoch was due but did not fit in its block's `MaxHookWeight`, oldest first.
	/// They run before the epochs newly due; a subnet appears once however many turns it missed.
	#[pallet::storage]
	pub type DeferredEpochs<T: Config> = StorageValue<_, BoundedVec<u16, MaxSubnetsBound<T>>, ValueQuery>;

	/// Hotkey of each uid on a subnet.
	#[pallet::storage]
	pub type Neurons<T: Config> = StorageDoubleMap<_, Twox64Concat, u16, Twox64Concat, u16, T::AccountId, OptionQuery>;
	/// Uid of each registered hotkey on a subnet.
	#[pallet::storage]
	pub type Uids<T: Config> = StorageDoubleMap<_, Twox64Concat, u16, Blake2_128Concat, T::AccountId, u16, OptionQuery>;
	/// Weights set by a validator (by uid): `(miner uid, weight)` pairs.
	#[pallet::storage]
	#[pallet::unbounded]
	pub type Weights<T> = StorageDoubleMap<_, Twox64Concat, u16, Twox64Concat, u16, Vec<(u16, u16)>, ValueQuery>;
	/// Number of neurons on a subnet.
	#[pallet::storage]
	pub type NeuronCount<T> = StorageMap<_, Twox64Concat, u16, u16, ValueQuery>;

	// Yuma Consensus state (docs/yuma.md §3). Vectors are indexed by uid.

	/// Bonds of a validator (by uid): `(miner uid, bond)` pairs, proportions over 65535. Written by
	/// the epoch only.
	#[pallet::storage]
	#[pallet::unbounded]
	pub type Bonds<T> = StorageDoubleMap<_, Twox64Concat, u16, Twox64Concat, u16, Vec<(u16, u16)>, ValueQuery>;
	/// Validator permits granted by the last epoch (used by the next one and by `set_weights`).
	#[pallet::storage]
	#[pallet::unbounded]
	pub type ValidatorPermit<T> = StorageMap<_, Twox64Concat, u16, Vec<bool>, ValueQuery>;
	/// Block of each neuron's last `set_weights` (or of its registration).
	#[pallet::storage]
	#[pallet::unbounded]
	pub type LastUpdate<T> = StorageMap<_, Twox64Concat, u16, Vec<u64>, ValueQuery>;
	/// Block at which each uid was registered.
	#[pallet::storage]
	pub type BlockAtRegistration<T> = StorageDoubleMap<_, Twox64Concat, u16, Twox64Concat, u16, u64, ValueQuery>;
	/// Block of the subnet's last epoch (0: never).
	#[pallet::storage]
	pub type LastEpochBlock<T> = StorageMap<_, Twox64Concat, u16, u64, ValueQuery>;
	/// Incentive of each uid at the last epoch, over 65535.
	#[pallet::storage]
	#[pallet::unbounded]
	pub type Incentive<T> = StorageMap<_, Twox64Concat, u16, Vec<u16>, ValueQuery>;
	/// Dividends of each uid at the last epoch, over 65535.
	#[pallet::storage]
	#[pallet::unbounded]
	pub type Dividends<T> = StorageMap<_, Twox64Concat, u16, Vec<u16>, ValueQuery>;
	/// Consensus weight on each uid at the last epoch, over 65535.
	#[pallet::storage]
	#[pallet::unbounded]
	pub type Consensus<T> = StorageMap<_, Twox64Concat, u16, Vec<u16>, ValueQuery>;
	/// Validator trust of each uid at the last epoch, over 65535.
	#[pallet::storage]
	#[pallet::unbounded]
	pub type ValidatorTrust<T> = StorageMap<_, Twox64Concat, u16, Vec<u16>, ValueQuery>;
	/// Normalised stake weight of each uid at the last epoch, over 65535.
	#[pallet::storage]
	#[pallet::unbounded]
	pub type StakeWeight<T> = StorageMap<_, Twox64Concat, u16, Vec<u16>, ValueQuery>;
	/// Whether each uid was active (updated within the activity cutoff) at the last epoch.
	#[pallet::storage]
	#[pallet::unbounded]
	pub type Active<T> = StorageMap<_, Twox64Concat, u16, Vec<bool>, ValueQuery>;
	/// Alpha paid to each uid's hotkey at the last epoch (incentive plus alpha dividends, takes
	/// included; the owner's cut not).
	#[pallet::storage]
	#[pallet::unbounded]
	pub type LastEpochAlpha<T> = StorageMap<_, Twox64Concat, u16, Vec<u64>, ValueQuery>;
	/// Root TAO paid to each uid's hotkey as root stake at the last epoch (take included).
	#[pallet::storage]
	#[pallet::unbounded]
	pub type LastEpochRootTao<T> = StorageMap<_, Twox64Concat, u16, Vec<u64>, ValueQuery>;

	// ---------------------------------------------------------------------------------------------
	// Genesis.
	// ---------------------------------------------------------------------------------------------

	/// The chain's parameters at genesis and an economy to start from.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// `TaoWeight`.
		pub tao_weight: Perbill,
		/// `OwnerCut`.
		pub owner_cut: Perbill,
		/// `MinerShare`.
		pub miner_share: Perbill,
		/// `SwapFee`.
		pub swap_fee: Perbill,
		/// `MinPoolReserve`.
		pub min_pool_reserve: u64,
		/// `MinStake`.
		pub min_stake: u64,
		/// `BlockEmission`.
		pub block_emission: u64,
		/// `MovingAlpha`.
		pub moving_alpha: Perbill,
		/// `MovingHalvingBlocks`.
		pub moving_halving_blocks: u64,
		/// `MovingPriceCap`.
		pub moving_price_cap: u64,
		/// `NetworkMinLockCost`.
		pub network_min_lock_cost: u64,
		/// `NetworkLockReductionInterval`.
		pub network_lock_reduction_interval: u64,
		/// `NetworkRateLimit`.
		pub network_rate_limit: u64,
		/// `NetworkImmunityPeriod`.
		pub network_immunity_period: u64,
		/// `SubnetLimit`.
		pub subnet_limit: u16,
		/// `StartCallDelay`.
		pub start_call_delay: u64,
		/// `MaxTake`.
		pub max_take: Perbill,
		/// Tempo given to each subnet at registration.
		pub initial_tempo: u16,
		/// `Kappa` given to each subnet at registration.
		pub kappa: u16,
		/// `BondsMovingAverage` given to each subnet at registration.
		pub bonds_moving_average: u64,
		/// `BondsPenalty` given to each subnet at registration.
		pub bonds_penalty: u16,
		/// `ActivityCutoffFactorMilli` given to each subnet at registration.
		pub activity_cutoff_factor_milli: u32,
		/// How the block's TAO is split across subnets.
		pub emission_share_policy: crate::EmissionSharePolicy,
		/// Half-life of the flow EMA, in blocks.
		pub flow_half_life: u64,
		/// When dividends reach the holders: over the next tempo (default) or at the epoch.
		pub dividend_accrual: crate::DividendAccrual,
		/// Blocks between a hotkey's take change and a raise of its take.
		pub take_rate_limit: u64,
		/// What happens to root's share of the validators' alpha.
		pub root_dividend_mode: crate::RootDividendMode,
		/// An economy to start from: calls applied in order after the parameters above, through the
		/// calls' own code (a failing one stops genesis with its error). Empty by default.
		pub economy: Vec<crate::GenesisAction<T::AccountId>>,
		/// The runtime the configuration is for.
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				tao_weight: defaults::TAO_WEIGHT,
				owner_cut: defaults::OWNER_CUT,
				miner_share: defaults::MINER_SHARE,
				swap_fee: defaults::SWAP_FEE,
				min_pool_reserve: defaults::MIN_POOL_RESERVE,
				min_stake: defaults::MIN_STAKE,
				block_emission: defaults::BLOCK_EMISSION,
				moving_alpha: defaults::MOVING_ALPHA,
				moving_halving_blocks: defaults::MOVING_HALVING_BLOCKS,
				moving_price_cap: defaults::MOVING_PRICE_CAP,
				network_min_lock_cost: defaults::NETWORK_MIN_LOCK_COST,
				network_lock_reduction_interval: defaults::NETWORK_LOCK_REDUCTION_INTERVAL,
				network_rate_limit: defaults::NETWORK_RATE_LIMIT,
				network_immunity_period: defaults::NETWORK_IMMUNITY_PERIOD,
				subnet_limit: defaults::SUBNET_LIMIT,
				start_call_delay: defaults::START_CALL_DELAY,
				max_take: defaults::MAX_TAKE,
				initial_tempo: defaults::TEMPO,
				kappa: defaults::KAPPA,
				bonds_moving_average: defaults::BONDS_MOVING_AVERAGE,
				bonds_penalty: defaults::BONDS_PENALTY,
				activity_cutoff_factor_milli: defaults::ACTIVITY_CUTOFF_FACTOR_MILLI,
				emission_share_policy: Default::default(),
				flow_half_life: defaults::FLOW_HALF_LIFE,
				dividend_accrual: Default::default(),
				take_rate_limit: defaults::TAKE_RATE_LIMIT,
				root_dividend_mode: Default::default(),
				economy: Vec::new(),
				_config: Default::default(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			TaoWeight::<T>::put(self.tao_weight);
			OwnerCut::<T>::put(self.owner_cut);
			MinerShare::<T>::put(self.miner_share);
			SwapFee::<T>::put(self.swap_fee);
			MinPoolReserve::<T>::put(self.min_pool_reserve);
			MinStake::<T>::put(self.min_stake);
			assert!(
				self.block_emission <= crate::params::bounds::BLOCK_EMISSION_MAX,
				"genesis: block_emission above half the supply cap"
			);
			assert!(self.moving_price_cap > 0, "genesis: moving_price_cap of 0");
			assert!(
				self.min_pool_reserve > 0 && self.min_pool_reserve <= self.network_min_lock_cost,
				"genesis: min_pool_reserve must be above 0 and at most network_min_lock_cost"
			);
			BlockEmission::<T>::put(self.block_emission);
			MovingAlpha::<T>::put(self.moving_alpha);
			MovingHalvingBlocks::<T>::put(self.moving_halving_blocks);
			MovingPriceCap::<T>::put(self.moving_price_cap);
			NetworkMinLockCost::<T>::put(self.network_min_lock_cost);
			NetworkLockReductionInterval::<T>::put(self.network_lock_reduction_interval);
			NetworkRateLimit::<T>::put(self.network_rate_limit);
			NetworkImmunityPeriod::<T>::put(self.network_immunity_period);
			assert!(self.subnet_limit <= T::MaxSubnets::get(), "genesis: subnet_limit above MaxSubnets");
			SubnetLimit::<T>::put(self.subnet_limit);
			StartCallDelay::<T>::put(self.start_call_delay);
			MaxTake::<T>::put(self.max_take);
			InitialTempo::<T>::put(self.initial_tempo);
			assert!(
				self.bonds_moving_average <= crate::params::bounds::BONDS_MOVING_AVERAGE_MAX,
				"genesis: bonds_moving_average above one million"
			);
			assert!(
				(crate::params::bounds::ACTIVITY_CUTOFF_FACTOR_MILLI_MIN..=crate::params::bounds::ACTIVITY_CUTOFF_FACTOR_MILLI_MAX)
					.contains(&self.activity_cutoff_factor_milli),
				"genesis: activity_cutoff_factor_milli outside 1_000..=50_000"
			);
			InitialKappa::<T>::put(self.kappa);
			InitialBondsMovingAverage::<T>::put(self.bonds_moving_average);
			InitialBondsPenalty::<T>::put(self.bonds_penalty);
			InitialActivityCutoffFactorMilli::<T>::put(self.activity_cutoff_factor_milli);
			assert!(
				Pallet::<T>::ensure_share_policy(&self.emission_share_policy).is_ok(),
				"genesis: emission_share_policy out of bounds"
			);
			EmissionShare::<T>::put(self.emission_share_policy);
			assert!(
				self.flow_half_life > 0 && self.flow_half_life <= crate::params::bounds::FLOW_HALF_LIFE_MAX,
				"genesis: flow_half_life must be above 0 and at most the maximum"
			);
			FlowHalfLife::<T>::put(self.flow_half_life);
			DividendAccrualMode::<T>::put(self.dividend_accrual);
			TakeRateLimit::<T>::put(self.take_rate_limit);
			RootDividends::<T>::put(self.root_dividend_mode);
			// The pallet account holds one existential deposit of its own, so that paying out the
			// last rao of a pool never reaps it (and never turns a remainder into dust).
			let ed = T::Currency::minimum_balance();
			let account = Pallet::<T>::account_id();
			if T::Currency::balance(&account) < ed {
				let _ = T::Currency::mint_into(&account, ed);
			}
			for (i, action) in self.economy.iter().enumerate() {
				if let Err(e) = Pallet::<T>::apply_genesis_action(action.clone()) {
					panic!("genesis: economy step {i} ({action:?}) failed: {e:?}");
				}
			}
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Events.
	// ---------------------------------------------------------------------------------------------

	/// What the pallet reports: one event per change, with the amounts it moved.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A subnet was registered; `lock` TAO seeded its pool at price 1.
		NetworkRegistered {
			/// The new subnet.
			netuid: u16,
			/// The owner's coldkey, which paid the lock.
			owner: T::AccountId,
			/// The owner's hotkey, the subnet's first neuron.
			hotkey: T::AccountId,
			/// The TAO locked, in rao: the pool's TAO reserve (and its alpha reserve, at price 1).
			lock: u64,
		},
		/// The owner started the subnet's emission at `block`.
		NetworkStarted {
			/// The subnet.
			netuid: u16,
			/// The block its emission started.
			block: u64,
		},
		/// A subnet was dissolved. Its pending root TAO was first paid to its validators as root stake
		/// (`root_dividends`); then `paid_to_stakers + refunded_to_owner + burned` is the pool's TAO.
		NetworkDissolved {
			/// The subnet.
			netuid: u16,
			/// TAO paid to the subnet's stakers (root's claim pools included), in rao.
			paid_to_stakers: u64,
			/// TAO refunded to the owner, at most the lock, in rao.
			refunded_to_owner: u64,
			/// The rest of the pool's TAO, burned, in rao.
			burned: u64,
			/// The pending root TAO paid to the validators' root stake first, in rao.
			root_dividends: u64,
		},
		/// A subnet with more holders than one block settles was dissolved: its pool is closed and
		/// `holders` stake holders share `tao` over the next blocks; `NetworkDissolved` ends it.
		DissolutionStarted {
			/// The subnet.
			netuid: u16,
			/// The stake holders to pay over the next blocks.
			holders: u32,
			/// The pool's TAO they share (with the owner's refund and the burn), in rao.
			tao: u64,
			/// The pending root TAO paid to the validators' root stake first, in rao.
			root_dividends: u64,
		},
		/// A block paid some holders of a dissolving subnet: `holders_paid` so far, `holders_left`.
		DissolutionProgress {
			/// The subnet.
			netuid: u16,
			/// Holders paid so far.
			holders_paid: u32,
			/// Holders still to pay.
			holders_left: u32,
			/// TAO paid to stakers so far, in rao.
			paid_to_stakers: u64,
		},
		/// Due epochs did not fit in this block's `MaxHookWeight`: `netuids` wait, oldest first, and
		/// run before newly due epochs in the next blocks.
		EpochsDeferred {
			/// The subnets whose epochs wait, oldest first.
			netuids: Vec<u16>,
		},
		/// TAO was staked: `tao` paid (fee included), `alpha` received, `fee` left in the pool.
		StakeAdded {
			/// The staker's coldkey.
			coldkey: T::AccountId,
			/// The hotkey the stake is on.
			hotkey: T::AccountId,
			/// The subnet.
			netuid: u16,
			/// TAO paid, fee included, in rao.
			tao: u64,
			/// Alpha received, in rao.
			alpha: u64,
			/// The swap fee in TAO, left in the pool.
			fee: u64,
		},
		/// Alpha was unstaked: `alpha` sold, `tao` received, `fee` left in the pool.
		StakeRemoved {
			/// The staker's coldkey.
			coldkey: T::AccountId,
			/// The hotkey the stake is on.
			hotkey: T::AccountId,
			/// The subnet.
			netuid: u16,
			/// TAO received, in rao.
			tao: u64,
			/// Alpha sold, in rao.
			alpha: u64,
			/// The swap fee in TAO (taken from the sale's proceeds), left in the pool.
			fee: u64,
		},
		/// Stake moved to another hotkey and/or subnet: `alpha_in` left the origin, `alpha_out` arrived;
		/// `tao` is what crossed between subnets (0 within one subnet), `fee` the fees of both legs.
		StakeMoved {
			/// The staker's coldkey.
			coldkey: T::AccountId,
			/// The hotkey the stake left.
			origin_hotkey: T::AccountId,
			/// The hotkey the stake arrived on.
			destination_hotkey: T::AccountId,
			/// The subnet the stake left.
			origin_netuid: u16,
			/// The subnet the stake arrived on.
			destination_netuid: u16,
			/// Alpha taken from the origin position.
			alpha_in: u64,
			/// Alpha credited to the destination position.
			alpha_out: u64,
			/// TAO that crossed between the subnets (0 within one subnet), in rao.
			tao: u64,
			/// Both legs' swap fees in TAO, added (0 within one subnet).
			fee: u64,
		},
		/// Stake passed to another coldkey (same hotkey), possibly to another subnet.
		StakeTransferred {
			/// The coldkey that gave the stake.
			origin_coldkey: T::AccountId,
			/// The coldkey that received it.
			destination_coldkey: T::AccountId,
			/// The hotkey the stake is on.
			hotkey: T::AccountId,
			/// The subnet the stake left.
			origin_netuid: u16,
			/// The subnet the stake arrived on.
			destination_netuid: u16,
			/// Alpha taken from the origin position.
			alpha_in: u64,
			/// Alpha credited to the destination position.
			alpha_out: u64,
			/// TAO that crossed between the subnets (0 within one subnet), in rao.
			tao: u64,
			/// Both legs' swap fees in TAO, added (0 within one subnet).
			fee: u64,
		},
		/// Stake of one hotkey swapped from one subnet to another.
		StakeSwapped {
			/// The staker's coldkey.
			coldkey: T::AccountId,
			/// The hotkey the stake is on.
			hotkey: T::AccountId,
			/// The subnet the stake left.
			origin_netuid: u16,
			/// The subnet the stake arrived on.
			destination_netuid: u16,
			/// Alpha taken from the origin position.
			alpha_in: u64,
			/// Alpha credited to the destination position.
			alpha_out: u64,
			/// TAO that crossed between the subnets, in rao.
			tao: u64,
			/// Both legs' swap fees in TAO, added (0 within one subnet).
			fee: u64,
		},
		/// `unstake_all` sold the caller's stake on `hotkey` for `tao` in all; the subnets in
		/// `skipped` were left alone because the sale would have broken their liquidity floor.
		AllStakeRemoved {
			/// The staker's coldkey.
			coldkey: T::AccountId,
			/// The hotkey the stake is on.
			hotkey: T::AccountId,
			/// TAO received from every sale, in rao.
			tao: u64,
			/// Subnets whose sale would have broken the liquidity floor.
			skipped: Vec<u16>,
		},
		/// A hotkey was registered as neuron `uid` of a subnet.
		NeuronRegistered {
			/// The subnet.
			netuid: u16,
			/// The neuron's uid.
			uid: u16,
			/// The neuron's hotkey.
			hotkey: T::AccountId,
		},
		/// A validator (`uid`) set its weights on a subnet.
		WeightsSet {
			/// The subnet.
			netuid: u16,
			/// The validator's uid.
			uid: u16,
		},
		/// An epoch paid out these amounts of the pending balances (what is left stays pending).
		EpochDrained {
			/// The subnet.
			netuid: u16,
			/// Alpha paid to the owner's hotkey, in rao.
			owner_alpha: u64,
			/// Alpha paid to the miners by incentive, in rao.
			miner_alpha: u64,
			/// Alpha paid to the validators by dividends, in rao.
			validator_alpha: u64,
			/// Root TAO paid to root stakers through the validators, in rao.
			root_tao: u64,
		},
		/// An epoch paid this much of root's kept alpha (`KeepAlpha`) into the validators' claim
		/// pools (after `EpochDrained`, only when it paid some).
		RootAlphaDrained {
			/// The subnet.
			netuid: u16,
			/// Root's kept alpha paid into the claim pools, in rao.
			root_alpha: u64,
		},
		/// A root staker claimed its part of root's kept alpha of a subnet, as alpha stake there.
		RootClaimed {
			/// The root staker's coldkey.
			coldkey: T::AccountId,
			/// The hotkey whose root stake earned the alpha.
			hotkey: T::AccountId,
			/// The subnet.
			netuid: u16,
			/// Alpha claimed, now stake on the hotkey, in rao.
			alpha: u64,
		},
		/// A root staker claimed its part of root's kept alpha of a dissolved subnet: `alpha` due,
		/// paid as `tao` to its free balance (the alpha's value in the subnet's settlement).
		RootClaimedTao {
			/// The root staker's coldkey.
			coldkey: T::AccountId,
			/// The hotkey whose root stake earned the alpha.
			hotkey: T::AccountId,
			/// The dissolved subnet.
			netuid: u16,
			/// Alpha that was due, in rao.
			alpha: u64,
			/// Its value in the subnet's settlement, paid to the free balance, in rao.
			tao: u64,
		},
		/// A dissolution settled the claim pools of root's kept alpha on `netuid` with the subnet's
		/// stakers: the `alpha` they held is valued at `tao`, which stays claimable (in TAO) by the
		/// root stakers who earned it. Included in the dissolution's `paid_to_stakers`.
		RootClaimsSettled {
			/// The subnet.
			netuid: u16,
			/// Alpha the claim pools held, in rao.
			alpha: u64,
			/// Its value in the settlement, kept for the root stakers' claims, in rao.
			tao: u64,
		},
		/// A hotkey's take was set.
		TakeSet {
			/// The hotkey.
			hotkey: T::AccountId,
			/// Its new take of the dividends paid through it.
			take: Perbill,
		},
		/// `TaoWeight` was set.
		TaoWeightSet {
			/// The new value.
			value: Perbill,
		},
		/// `EmissionShare` was set.
		EmissionSharePolicySet {
			/// The new policy.
			policy: crate::EmissionSharePolicy,
		},
		/// `FlowHalfLife` was set.
		FlowHalfLifeSet {
			/// The new value.
			value: u64,
		},
		/// `TakeRateLimit` was set.
		TakeRateLimitSet {
			/// The new value.
			value: u64,
		},
		/// `DividendAccrualMode` was set.
		DividendAccrualSet {
			/// The new accrual.
			accrual: crate::DividendAccrual,
		},
		/// `RootDividends` was set.
		RootDividendModeSet {
			/// The new mode.
			mode: crate::RootDividendMode,
		},
		/// `OwnerCut` was set.
		OwnerCutSet {
			/// The new value.
			value: Perbill,
		},
		/// `MinerShare` was set.
		MinerShareSet {
			/// The new value.
			value: Perbill,
		},
		/// `SwapFee` was set.
		SwapFeeSet {
			/// The new value.
			value: Perbill,
		},
		/// `MinPoolReserve` was set.
		MinPoolReserveSet {
			/// The new value.
			value: u64,
		},
		/// `MinStake` was set.
		MinStakeSet {
			/// The new value.
			value: u64,
		},
		/// `BlockEmission` was set.
		BlockEmissionSet {
			/// The new value.
			value: u64,
		},
		/// `MovingAlpha` was set.
		MovingAlphaSet {
			/// The new value.
			value: Perbill,
		},
		/// `MovingHalvingBlocks` was set.
		MovingHalvingBlocksSet {
			/// The new value.
			value: u64,
		},
		/// `MovingPriceCap` was set.
		MovingPriceCapSet {
			/// The new value.
			value: u64,
		},
		/// `NetworkMinLockCost` was set.
		NetworkMinLockCostSet {
			/// The new value.
			value: u64,
		},
		/// `NetworkLockReductionInterval` was set.
		NetworkLockReductionIntervalSet {
			/// The new value.
			value: u64,
		},
		/// `NetworkRateLimit` was set.
		NetworkRateLimitSet {
			/// The new value.
			value: u64,
		},
		/// `NetworkImmunityPeriod` was set.
		NetworkImmunityPeriodSet {
			/// The new value.
			value: u64,
		},
		/// `SubnetLimit` was set.
		SubnetLimitSet {
			/// The new value.
			value: u16,
		},
		/// `StartCallDelay` was set.
		StartCallDelaySet {
			/// The new value.
			value: u64,
		},
		/// `MaxTake` was set.
		MaxTakeSet {
			/// The new value.
			value: Perbill,
		},
		/// A subnet's `Tempo` was set.
		TempoSet {
			/// The subnet.
			netuid: u16,
			/// The new value.
			value: u16,
		},
		/// A subnet's `Burn` was set.
		BurnSet {
			/// The subnet.
			netuid: u16,
			/// The new value.
			value: u64,
		},
		/// A subnet's `MaxNeurons` was set.
		MaxNeuronsSet {
			/// The subnet.
			netuid: u16,
			/// The new value.
			value: u16,
		},
		/// A subnet's `MaxValidators` was set.
		MaxValidatorsSet {
			/// The subnet.
			netuid: u16,
			/// The new value.
			value: u16,
		},
		/// A subnet's `Kappa` was set.
		KappaSet {
			/// The subnet.
			netuid: u16,
			/// The new value.
			value: u16,
		},
		/// A subnet's `BondsMovingAverage` was set.
		BondsMovingAverageSet {
			/// The subnet.
			netuid: u16,
			/// The new value.
			value: u64,
		},
		/// A subnet's `BondsPenalty` was set.
		BondsPenaltySet {
			/// The subnet.
			netuid: u16,
			/// The new value.
			value: u16,
		},
		/// A subnet's `ActivityCutoffFactorMilli` was set.
		ActivityCutoffFactorMilliSet {
			/// The subnet.
			netuid: u16,
			/// The new value.
			value: u32,
		},
	}

	// ---------------------------------------------------------------------------------------------
	// Errors.
	// ---------------------------------------------------------------------------------------------

	/// Why a call was refused: one error per cause; a refused call changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// No subnet with this netuid.
		SubnetNotFound,
		/// The subnet's emission has not started (`start_call`); only its owner may stake into it.
		SubnetNotStarted,
		/// `start_call` was already made for this subnet.
		AlreadyStarted,
		/// `StartCallDelay` blocks have not passed since registration.
		StartCallTooEarly,
		/// The caller is not the subnet's owner.
		NotSubnetOwner,
		/// The hotkey does not exist (it registers a network or a neuron first).
		HotkeyNotRegistered,
		/// The hotkey is owned by another coldkey.
		NotHotkeyOwner,
		/// The caller's free balance (keeping the existential deposit) is below the amount.
		InsufficientBalance,
		/// The amount is zero or below `MinStake`.
		AmountTooLow,
		/// The caller's stake on this hotkey and subnet is below the amount.
		NotEnoughStake,
		/// The swap would leave the reserve it pays out of below `MinPoolReserve`.
		InsufficientLiquidity,
		/// The post-trade price would cross the limit (or the partial fill is below `MinStake`).
		SlippageTooHigh,
		/// `NetworkRateLimit` blocks have not passed since the last registration.
		NetworkRateLimitExceeded,
		/// `SubnetLimit` subnets exist and every one is still immune to pruning.
		SubnetLimitReached,
		/// The subnet holds `MaxNeurons` neurons.
		SubnetFull,
		/// The hotkey holds no validator permit on this subnet.
		NoValidatorPermit,
		/// Weights are malformed: lengths differ, a uid repeats or is unknown, or all are zero.
		InvalidWeights,
		/// The take is above `MaxTake`.
		TakeTooHigh,
		/// The take may be raised only `TakeRateLimit` blocks after the hotkey's last take change.
		TakeRateLimitExceeded,
		/// The operation is not defined on the root subnet.
		RootSubnetNotAllowed,
		/// Origin and destination are the same stake.
		SameSubnetAndHotkey,
		/// The hotkey is already a neuron of this subnet.
		HotkeyAlreadyRegistered,
		/// The swap would pay out nothing: the amount is too small for one unit at this price.
		ZeroSwapOutput,
		/// A reserve or total would overflow `u64`.
		ArithmeticOverflow,
		/// The TAO to pay is less than the existential deposit and the receiving account is empty.
		PayoutBelowExistentialDeposit,
		/// A governance value breaks a rule of the mechanism (see the setter's documentation).
		InvalidParameter,
		/// The subnet owner may not set this value (root only, or above the owner's bound).
		OwnerLimitExceeded,
		/// The subnet is being dissolved: its holders are being paid and nothing can be staked into
		/// or out of it.
		SubnetDissolving,
		/// The caller has no root alpha to claim from this hotkey on this subnet.
		NothingToClaim,
		/// `set_params` or `set_subnet_params` without any parameter.
		EmptyParameterSet,
	}

	// ---------------------------------------------------------------------------------------------
	// Hooks.
	// ---------------------------------------------------------------------------------------------

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// The coinbase (docs/mechanism.md §6.2–§6.3). Its weight grows with the number of subnets.
		/// Then the epochs (docs/mechanism.md §6.4) of the subnets whose turn it is.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let subnets = Self::run_coinbase();
			let coinbase = T::WeightInfo::coinbase(u32::try_from(subnets.len()).unwrap_or(u32::MAX));
			let reserved = coinbase.saturating_add(T::WeightInfo::settle(T::MaxSettlementsPerBlock::get()));
			let epochs = Self::run_epochs(&subnets, Self::now(), T::MaxHookWeight::get().saturating_sub(reserved));
			let settled = Self::run_settlements(T::MaxSettlementsPerBlock::get());
			coinbase.saturating_add(epochs).saturating_add(T::WeightInfo::settle(settled))
		}


		fn integrity_test() {
			assert!(
				u32::from(defaults::MAX_NEURONS) <= T::MaxNeuronsLimit::get(),
				"the default MaxNeurons must be within MaxNeuronsLimit"
			);
			assert!(
				u32::from(defaults::MAX_VALIDATORS) <= u32::from(defaults::MAX_NEURONS),
				"the default MaxValidators must be within the default MaxNeurons"
			);
			assert!(
				u32::from(defaults::MAX_VALIDATORS) <= T::MaxValidatorsLimit::get()
					&& T::MaxValidatorsLimit::get() <= T::MaxNeuronsLimit::get(),
				"MaxValidatorsLimit must hold the default MaxValidators and be within MaxNeuronsLimit"
			);
			assert!(defaults::SUBNET_LIMIT <= T::MaxSubnets::get(), "the default SubnetLimit must be within MaxSubnets");
			assert!(T::MaxSettlementsPerBlock::get() > 0, "a dissolution must settle at least one holder per block");
			let largest = T::WeightInfo::coinbase(u32::from(T::MaxSubnets::get()))
				.saturating_add(T::WeightInfo::settle(T::MaxSettlementsPerBlock::get()))
				.saturating_add(T::WeightInfo::epoch(T::MaxNeuronsLimit::get(), Self::max_epoch_rows()))
				// The epoch's sizing and the next candidate's (two reads each), and the queue's write.
				.saturating_add(T::DbWeight::get().reads_writes(4, 1));
			assert!(
				largest.all_lte(T::MaxHookWeight::get()),
				"MaxHookWeight must hold the largest coinbase, settlement step and epoch together"
			);
			// The costliest calls, as charged, must be includable in a block: a registration that
			// prunes a full subnet and pays its holders at once, and so a dissolution.
			let normal = <T as frame_system::Config>::BlockWeights::get();
			let max_extrinsic = normal.get(polkadot_sdk::frame_support::dispatch::DispatchClass::Normal).max_extrinsic;
			let registration = Self::register_network_weight(Some((T::MaxNeuronsLimit::get(), T::MaxSettlementsPerBlock::get())));
			assert!(
				max_extrinsic.is_some_and(|m| registration.all_lte(m)),
				"a registration that prunes a full subnet must fit in a block's normal share"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Calls.
	// ---------------------------------------------------------------------------------------------

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Register a new subnet owned by the caller, with `hotkey` as its uid 0. Pays the lock cost,
		/// which seeds the pool at price 1. At the subnet limit, prunes the non-immune subnet with
		/// the lowest moving price first. Origin: signed (coldkey).
		#[pallet::call_index(0)]
		///
		/// Charged for a pruning of a full subnet; refunded to what the registration did.
		#[pallet::weight(Pallet::<T>::register_network_weight(Some((T::MaxNeuronsLimit::get(), T::MaxSettlementsPerBlock::get()))))]
		pub fn register_network(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let (_, pruned) = Self::do_register_network(coldkey, hotkey)?;
			Ok(Some(Self::register_network_weight(pruned)).into())
		}

		/// Start the subnet's emission from the next block. Origin: the subnet owner's coldkey.
		#[pallet::call_index(1)]
		pub fn start_call(origin: OriginFor<T>, netuid: u16) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_start_call(coldkey, netuid)
		}

		/// Dissolve a subnet: pay every staker its share of the pool's TAO, refund the owner up to
		/// the lock, burn the rest, and clear every entry of the netuid. A subnet with more than
		/// `MaxSettlementsPerBlock` holders is closed at once and its holders are paid over the next
		/// blocks (`DissolutionStarted`, `DissolutionProgress`, then `NetworkDissolved`). Origin: root.
		#[pallet::call_index(2)]
		///
		/// Charged for a full subnet and a full first settlement; refunded to what it did.
		#[pallet::weight(Pallet::<T>::dissolution_weight(T::MaxNeuronsLimit::get(), T::MaxSettlementsPerBlock::get()))]
		pub fn dissolve_network(origin: OriginFor<T>, netuid: u16) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			let (neurons, holders) = Self::do_dissolve_network(netuid)?;
			Ok(Some(Self::dissolution_weight(neurons, holders)).into())
		}

		/// Register `hotkey` as a neuron of `netuid`, burning the subnet's `Burn`. Origin: signed
		/// (coldkey; becomes the hotkey's owner if the hotkey is new).
		#[pallet::call_index(3)]
		pub fn burned_register(origin: OriginFor<T>, netuid: u16, hotkey: T::AccountId) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_burned_register(coldkey, netuid, hotkey)
		}

		/// Set the weights of the calling validator on `netuid`: `uids` distinct and registered, as
		/// many `weights` as `uids`, at least one non-zero; at most `MaxNeuronsLimit` of each (a
		/// longer list does not decode). Origin: the validator's hotkey, which must hold a
		/// validator permit.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_weights(u32::try_from(uids.len()).unwrap_or(u32::MAX)))]
		pub fn set_weights(
			origin: OriginFor<T>,
			netuid: u16,
			uids: BoundedVec<u16, T::MaxNeuronsLimit>,
			weights: BoundedVec<u16, T::MaxNeuronsLimit>,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_set_weights(hotkey, netuid, uids.into_inner(), weights.into_inner())
		}

		/// Set the take of `hotkey` (at most `MaxTake`). Origin: the hotkey's owner.
		#[pallet::call_index(5)]
		pub fn set_take(origin: OriginFor<T>, hotkey: T::AccountId, take: Perbill) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_set_take(coldkey, hotkey, take)
		}

		/// Stake `amount` TAO to `hotkey` on `netuid`: buys alpha through the subnet's pool (1:1 on
		/// root). Origin: signed (coldkey).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::add_stake().saturating_add(Pallet::<T>::root_claims_weight(&[*netuid])))]
		pub fn add_stake(origin: OriginFor<T>, hotkey: T::AccountId, netuid: u16, amount: u64) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_add_stake(coldkey, hotkey, netuid, amount, None)
		}

		/// Unstake `amount` alpha from `hotkey` on `netuid`: sells it through the pool. Origin:
		/// signed (coldkey).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::remove_stake().saturating_add(Pallet::<T>::root_claims_weight(&[*netuid])))]
		pub fn remove_stake(origin: OriginFor<T>, hotkey: T::AccountId, netuid: u16, amount: u64) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_remove_stake(coldkey, hotkey, netuid, amount, None).map(|_| ())
		}

		/// `add_stake` whose post-trade price must stay at most `limit_price` (rao per alpha). With
		/// `allow_partial`, executes the largest amount that respects it. Origin: signed (coldkey).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::add_stake_limit().saturating_add(Pallet::<T>::root_claims_weight(&[*netuid])))]
		pub fn add_stake_limit(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			netuid: u16,
			amount: u64,
			limit_price: u64,
			allow_partial: bool,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_add_stake(coldkey, hotkey, netuid, amount, Some((limit_price, allow_partial)))
		}

		/// `remove_stake` whose post-trade price must stay at least `limit_price`. With
		/// `allow_partial`, executes the largest amount that respects it. Origin: signed (coldkey).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_stake_limit().saturating_add(Pallet::<T>::root_claims_weight(&[*netuid])))]
		pub fn remove_stake_limit(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			netuid: u16,
			amount: u64,
			limit_price: u64,
			allow_partial: bool,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_remove_stake(coldkey, hotkey, netuid, amount, Some((limit_price, allow_partial))).map(|_| ())
		}

		/// Move `amount` alpha of the caller from `origin_hotkey` on `origin_netuid` to
		/// `destination_hotkey` on `destination_netuid` (through TAO if the subnets differ).
		/// Origin: signed (coldkey).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::move_stake().saturating_add(Pallet::<T>::root_claims_weight(&[*origin_netuid, *destination_netuid])))]
		pub fn move_stake(
			origin: OriginFor<T>,
			origin_hotkey: T::AccountId,
			destination_hotkey: T::AccountId,
			origin_netuid: u16,
			destination_netuid: u16,
			amount: u64,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_move(
				staking::MoveKind::Move,
				staking::MoveRequest {
					origin_coldkey: coldkey.clone(),
					destination_coldkey: coldkey,
					origin_hotkey,
					destination_hotkey,
					origin_netuid,
					destination_netuid,
					amount,
					limit: None,
				},
			)
			.map(|_| ())
		}

		/// Swap `amount` alpha of `hotkey` from one subnet to another, through TAO. Origin: signed.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::swap_stake().saturating_add(Pallet::<T>::root_claims_weight(&[*origin_netuid, *destination_netuid])))]
		pub fn swap_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			origin_netuid: u16,
			destination_netuid: u16,
			amount: u64,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_move(
				staking::MoveKind::Swap,
				staking::MoveRequest {
					origin_coldkey: coldkey.clone(),
					destination_coldkey: coldkey,
					origin_hotkey: hotkey.clone(),
					destination_hotkey: hotkey,
					origin_netuid,
					destination_netuid,
					amount,
					limit: None,
				},
			)
			.map(|_| ())
		}

		/// `swap_stake` whose post-trade ratio `p_origin / p_destination` (scaled by 10^9) must stay
		/// at least `limit_price`. Origin: signed (coldkey).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::swap_stake_limit().saturating_add(Pallet::<T>::root_claims_weight(&[*origin_netuid, *destination_netuid])))]
		pub fn swap_stake_limit(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			origin_netuid: u16,
			destination_netuid: u16,
			amount: u64,
			limit_price: u64,
			allow_partial: bool,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_move(
				staking::MoveKind::Swap,
				staking::MoveRequest {
					origin_coldkey: coldkey.clone(),
					destination_coldkey: coldkey,
					origin_hotkey: hotkey.clone(),
					destination_hotkey: hotkey,
					origin_netuid,
					destination_netuid,
					amount,
					limit: Some((limit_price, allow_partial)),
				},
			)
			.map(|_| ())
		}

		/// Give `amount` alpha of the caller's stake on `hotkey` to `destination_coldkey`, on
		/// `destination_netuid` (through TAO if the subnets differ). Origin: signed (coldkey).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::transfer_stake().saturating_add(Pallet::<T>::root_claims_weight(&[*origin_netuid, *destination_netuid])))]
		pub fn transfer_stake(
			origin: OriginFor<T>,
			destination_coldkey: T::AccountId,
			hotkey: T::AccountId,
			origin_netuid: u16,
			destination_netuid: u16,
			amount: u64,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_move(
				staking::MoveKind::Transfer,
				staking::MoveRequest {
					origin_coldkey: coldkey,
					destination_coldkey,
					origin_hotkey: hotkey.clone(),
					destination_hotkey: hotkey,
					origin_netuid,
					destination_netuid,
					amount,
					limit: None,
				},
			)
			.map(|_| ())
		}

		/// `move_stake` with a price limit: between subnets, the post-trade ratio
		/// `p_origin / p_destination` (scaled by 10^9) must stay at least `limit_price`, as in
		/// `swap_stake_limit`; with `allow_partial` the largest amount that keeps it is moved.
		/// Within one subnet nothing is traded and the ratio is 1 (10^9). Origin: signed (coldkey).
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::move_stake_limit().saturating_add(Pallet::<T>::root_claims_weight(&[*origin_netuid, *destination_netuid])))]
		#[allow(clippy::too_many_arguments)]
		pub fn move_stake_limit(
			origin: OriginFor<T>,
			origin_hotkey: T::AccountId,
			destination_hotkey: T::AccountId,
			origin_netuid: u16,
			destination_netuid: u16,
			amount: u64,
			limit_price: u64,
			allow_partial: bool,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_move(
				staking::MoveKind::Move,
				staking::MoveRequest {
					origin_coldkey: coldkey.clone(),
					destination_coldkey: coldkey,
					origin_hotkey,
					destination_hotkey,
					origin_netuid,
					destination_netuid,
					amount,
					limit: Some((limit_price, allow_partial)),
				},
			)
			.map(|_| ())
		}

		/// `transfer_stake` with a price limit, as `move_stake_limit`. Origin: signed (coldkey).
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::transfer_stake_limit().saturating_add(Pallet::<T>::root_claims_weight(&[*origin_netuid, *destination_netuid])))]
		#[allow(clippy::too_many_arguments)]
		pub fn transfer_stake_limit(
			origin: OriginFor<T>,
			destination_coldkey: T::AccountId,
			hotkey: T::AccountId,
			origin_netuid: u16,
			destination_netuid: u16,
			amount: u64,
			limit_price: u64,
			allow_partial: bool,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_move(
				staking::MoveKind::Transfer,
				staking::MoveRequest {
					origin_coldkey: coldkey,
					destination_coldkey,
					origin_hotkey: hotkey.clone(),
					destination_hotkey: hotkey,
					origin_netuid,
					destination_netuid,
					amount,
					limit: Some((limit_price, allow_partial)),
				},
			)
			.map(|_| ())
		}

		/// Sell all of the caller's stake on `hotkey` on every subnet (root 1:1) and credit the TAO.
		/// Subnets whose sale would break the liquidity floor are skipped and named in the event.
		/// Origin: signed (coldkey).
		///
		/// Charged for one sale on every subnet and refunded to the subnets the caller holds stake
		/// on (found through `StakeIndex`).
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::unstake_all(u32::from(TotalNetworks::<T>::get()).saturating_add(1)).saturating_add(Pallet::<T>::root_claims_weight(&[ROOT_NETUID])))]
		pub fn unstake_all(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let visited = Self::do_unstake_all(coldkey, hotkey)?;
			Ok(Some(T::WeightInfo::unstake_all(visited).saturating_add(Self::root_claims_weight(&[ROOT_NETUID]))).into())
		}

		// ----- Governance setters: root origin, one per parameter, each emits `<Name>Set`. -----
		// Deprecated (kept one release, their names are public): `set_params` and
		// `set_subnet_params` (calls 81 and 82) set any of them, through the same checks.

		/// Set `TaoWeight`. Origin: root.
		#[pallet::call_index(50)]
		#[deprecated(note = "use set_params([Param::TaoWeight(…)])")]
		pub fn set_tao_weight(origin: OriginFor<T>, value: Perbill) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::TaoWeight(value))
		}

		/// Set `OwnerCut`. Origin: root.
		#[pallet::call_index(51)]
		#[deprecated(note = "use set_params([Param::OwnerCut(…)])")]
		pub fn set_owner_cut(origin: OriginFor<T>, value: Perbill) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::OwnerCut(value))
		}

		/// Set `MinerShare`. Origin: root.
		#[pallet::call_index(52)]
		#[deprecated(note = "use set_params([Param::MinerShare(…)])")]
		pub fn set_miner_share(origin: OriginFor<T>, value: Perbill) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::MinerShare(value))
		}

		/// Set `SwapFee`. Origin: root.
		#[pallet::call_index(53)]
		#[deprecated(note = "use set_params([Param::SwapFee(…)])")]
		pub fn set_swap_fee(origin: OriginFor<T>, value: Perbill) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::SwapFee(value))
		}

		/// Set `MinPoolReserve`. Fails with `InvalidParameter` if it is 0, above
		/// `NetworkMinLockCost`, or above a reserve of an existing pool. Origin: root.
		#[pallet::call_index(54)]
		#[deprecated(note = "use set_params([Param::MinPoolReserve(…)])")]
		pub fn set_min_pool_reserve(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::MinPoolReserve(value))
		}

		/// Set `MinStake`. Origin: root.
		#[pallet::call_index(55)]
		#[deprecated(note = "use set_params([Param::MinStake(…)])")]
		pub fn set_min_stake(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::MinStake(value))
		}

		/// Set `BlockEmission` (before halvings). Fails with `InvalidParameter` above half the
		/// supply cap: up to that, no block can mint past the cap (docs/mechanism.md §6.1).
		/// Origin: root.
		#[pallet::call_index(56)]
		#[deprecated(note = "use set_params([Param::BlockEmission(…)])")]
		pub fn set_block_emission(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::BlockEmission(value))
		}

		/// Set `MovingAlpha`. Origin: root.
		#[pallet::call_index(57)]
		#[deprecated(note = "use set_params([Param::MovingAlpha(…)])")]
		pub fn set_moving_alpha(origin: OriginFor<T>, value: Perbill) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::MovingAlpha(value))
		}

		/// Set `MovingHalvingBlocks`. Origin: root.
		#[pallet::call_index(58)]
		#[deprecated(note = "use set_params([Param::MovingHalvingBlocks(…)])")]
		pub fn set_moving_halving_blocks(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::MovingHalvingBlocks(value))
		}

		/// Set `MovingPriceCap` (rao per alpha). Fails with `InvalidParameter` at 0, which would
		/// hold every moving price at 0 and stop all emission. Origin: root.
		#[pallet::call_index(59)]
		#[deprecated(note = "use set_params([Param::MovingPriceCap(…)])")]
		pub fn set_moving_price_cap(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::MovingPriceCap(value))
		}

		/// Set `NetworkMinLockCost`. Fails with `InvalidParameter` below `MinPoolReserve`.
		/// Origin: root.
		#[pallet::call_index(60)]
		#[deprecated(note = "use set_params([Param::NetworkMinLockCost(…)])")]
		pub fn set_network_min_lock_cost(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::NetworkMinLockCost(value))
		}

		/// Set `NetworkLockReductionInterval` (0: the lock cost never decays). Origin: root.
		#[pallet::call_index(61)]
		#[deprecated(note = "use set_params([Param::NetworkLockReductionInterval(…)])")]
		pub fn set_network_lock_reduction_interval(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::NetworkLockReductionInterval(value))
		}

		/// Set `NetworkRateLimit`. Origin: root.
		#[pallet::call_index(62)]
		#[deprecated(note = "use set_params([Param::NetworkRateLimit(…)])")]
		pub fn set_network_rate_limit(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::NetworkRateLimit(value))
		}

		/// Set `NetworkImmunityPeriod`. Origin: root.
		#[pallet::call_index(63)]
		#[deprecated(note = "use set_params([Param::NetworkImmunityPeriod(…)])")]
		pub fn set_network_immunity_period(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::NetworkImmunityPeriod(value))
		}

		/// Set `SubnetLimit`; fails with `InvalidParameter` above `MaxSubnets` (the block hook visits
		/// every subnet, so their number is bounded). Origin: root.
		#[pallet::call_index(64)]
		#[deprecated(note = "use set_params([Param::SubnetLimit(…)])")]
		pub fn set_subnet_limit(origin: OriginFor<T>, value: u16) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::SubnetLimit(value))
		}

		/// Set `StartCallDelay`. Origin: root.
		#[pallet::call_index(65)]
		#[deprecated(note = "use set_params([Param::StartCallDelay(…)])")]
		pub fn set_start_call_delay(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::StartCallDelay(value))
		}

		/// Set `MaxTake`. Takes already set above it stay stored, but epochs pay them at `MaxTake`
		/// (`effective_take`), and `set_take` refuses anything above it. Origin: root.
		#[pallet::call_index(66)]
		#[deprecated(note = "use set_params([Param::MaxTake(…)])")]
		pub fn set_max_take(origin: OriginFor<T>, value: Perbill) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::MaxTake(value))
		}

		/// Set the `Tempo` of a subnet (not root, which has no epoch). Origin: root.
		#[pallet::call_index(67)]
		#[deprecated(note = "use set_subnet_params(netuid, [SubnetParam::Tempo(value)])")]
		pub fn set_tempo(origin: OriginFor<T>, netuid: u16, value: u16) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_live_subnet(netuid)?;
			Self::apply_subnet_param(netuid, crate::SubnetParam::Tempo(value), true)
		}

		/// Set the `Burn` of a subnet (not root, which has no neurons). Origin: root.
		#[pallet::call_index(68)]
		#[deprecated(note = "use set_subnet_params(netuid, [SubnetParam::Burn(value)])")]
		pub fn set_burn(origin: OriginFor<T>, netuid: u16, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_live_subnet(netuid)?;
			Self::apply_subnet_param(netuid, crate::SubnetParam::Burn(value), true)
		}

		/// Set the `MaxNeurons` of a subnet; fails with `InvalidParameter` below its neuron count or
		/// above `MaxNeuronsLimit`. Origin: root.
		#[pallet::call_index(69)]
		#[deprecated(note = "use set_subnet_params(netuid, [SubnetParam::MaxNeurons(value)])")]
		pub fn set_max_neurons(origin: OriginFor<T>, netuid: u16, value: u16) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_live_subnet(netuid)?;
			Self::apply_subnet_param(netuid, crate::SubnetParam::MaxNeurons(value), true)
		}

		/// Set the `MaxValidators` of a subnet; fails with `InvalidParameter` above
		/// `MaxValidatorsLimit` (which bounds the epoch's cost). Origin: root.
		#[pallet::call_index(70)]
		#[deprecated(note = "use set_subnet_params(netuid, [SubnetParam::MaxValidators(value)])")]
		pub fn set_max_validators(origin: OriginFor<T>, netuid: u16, value: u16) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_live_subnet(netuid)?;
			Self::apply_subnet_param(netuid, crate::SubnetParam::MaxValidators(value), true)
		}

		// ----- Yuma hyperparameters of a subnet (docs/yuma.md §2). -----

		/// Set the `Kappa` of a subnet (any `u16`; 32767 ≈ 0.5). Origin: root.
		#[pallet::call_index(71)]
		#[deprecated(note = "use set_subnet_params(netuid, [SubnetParam::Kappa(value)])")]
		pub fn set_kappa(origin: OriginFor<T>, netuid: u16, value: u16) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_live_subnet(netuid)?;
			Self::apply_subnet_param(netuid, crate::SubnetParam::Kappa(value), true)
		}

		/// Set the `BondsMovingAverage` of a subnet (per million, at most 1_000_000; the subnet
		/// owner at most 975_000, else `OwnerLimitExceeded`). Origin: root or the subnet owner.
		#[pallet::call_index(72)]
		#[deprecated(note = "use set_subnet_params(netuid, [SubnetParam::BondsMovingAverage(value)])")]
		pub fn set_bonds_moving_average(origin: OriginFor<T>, netuid: u16, value: u64) -> DispatchResult {
			let by_root = Self::ensure_root_or_owner(origin, netuid)?;
			Self::apply_subnet_param(netuid, crate::SubnetParam::BondsMovingAverage(value), by_root)
		}

		/// Set the `BondsPenalty` of a subnet (any `u16`; 65535 = bonds from clipped weights).
		/// Origin: root or the subnet owner.
		#[pallet::call_index(73)]
		#[deprecated(note = "use set_subnet_params(netuid, [SubnetParam::BondsPenalty(value)])")]
		pub fn set_bonds_penalty(origin: OriginFor<T>, netuid: u16, value: u16) -> DispatchResult {
			let by_root = Self::ensure_root_or_owner(origin, netuid)?;
			Self::apply_subnet_param(netuid, crate::SubnetParam::BondsPenalty(value), by_root)
		}

		/// Set the `ActivityCutoffFactorMilli` of a subnet (1_000 to 50_000, else
		/// `InvalidParameter`). Origin: root or the subnet owner.
		#[pallet::call_index(74)]
		#[deprecated(note = "use set_subnet_params(netuid, [SubnetParam::ActivityCutoffFactorMilli(value)])")]
		pub fn set_activity_cutoff_factor_milli(origin: OriginFor<T>, netuid: u16, value: u32) -> DispatchResult {
			let by_root = Self::ensure_root_or_owner(origin, netuid)?;
			Self::apply_subnet_param(netuid, crate::SubnetParam::ActivityCutoffFactorMilli(value), by_root)
		}

		/// Set `EmissionShare`: the rule (`MovingPrice`, or `TaoFlow` with a cutoff of at most 0 and
		/// an exponent of 1 to 10_000 thousandths) and the optional gate (exponent 1 to 16) that
		/// split the block's TAO across subnets, from the next block. Origin: root.
		#[pallet::call_index(75)]
		#[pallet::weight(T::WeightInfo::set_emission_share_policy())]
		#[deprecated(note = "use set_params([Param::EmissionSharePolicy(…)])")]
		pub fn set_emission_share_policy(origin: OriginFor<T>, policy: crate::EmissionSharePolicy) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::EmissionSharePolicy(policy))
		}

		/// Set `FlowHalfLife` (1 to 100_000_000 blocks): the flow EMAs continue from their
		/// current values at the new speed. Origin: root.
		#[pallet::call_index(76)]
		#[pallet::weight(T::WeightInfo::set_flow_half_life())]
		#[deprecated(note = "use set_params([Param::FlowHalfLife(…)])")]
		pub fn set_flow_half_life(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::FlowHalfLife(value))
		}

		/// Set `DividendAccrualMode`: `AtEpoch` pays an epoch's dividends to whoever holds a
		/// hotkey's shares at the epoch; `OverTempo` releases them block by block over the paying
		/// subnet's next `Tempo + 1` blocks. Payments already being released keep their schedule.
		/// Origin: root.
		#[pallet::call_index(77)]
		#[pallet::weight(T::WeightInfo::set_dividend_accrual())]
		#[deprecated(note = "use set_params([Param::DividendAccrual(…)])")]
		pub fn set_dividend_accrual(origin: OriginFor<T>, accrual: crate::DividendAccrual) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::DividendAccrual(accrual))
		}

		/// Set `RootDividends`: root's share of the validators' alpha is sold every block
		/// (`SellPerBlock`); with `sell_gate`, only while the started subnets' moving prices add up
		/// to more than 1, and recycled otherwise. From the next block. Origin: root.
		#[pallet::call_index(78)]
		#[pallet::weight(T::WeightInfo::set_root_dividend_mode())]
		#[deprecated(note = "use set_params([Param::RootDividendMode(…)])")]
		pub fn set_root_dividend_mode(origin: OriginFor<T>, mode: crate::RootDividendMode) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::RootDividendMode(mode))
		}

		/// Claim the caller's part of root's kept alpha of `netuid` (`KeepAlpha`) owed through its
		/// root stake on `hotkey`: it becomes the caller's alpha stake on (`hotkey`, `netuid`).
		/// Origin: signed (coldkey).
		#[pallet::call_index(79)]
		#[pallet::weight(T::WeightInfo::claim_root().saturating_add(Pallet::<T>::root_claims_weight(&[ROOT_NETUID])))]
		pub fn claim_root(origin: OriginFor<T>, hotkey: T::AccountId, netuid: u16) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_claim_root(coldkey, hotkey, netuid)
		}

		/// Set `TakeRateLimit`: the blocks that must pass after a hotkey's last take change before
		/// its take may be raised (any value; 0 lifts the limit). Origin: root.
		#[pallet::call_index(80)]
		#[pallet::weight(T::WeightInfo::set_take_rate_limit())]
		#[deprecated(note = "use set_params([Param::TakeRateLimit(…)])")]
		pub fn set_take_rate_limit(origin: OriginFor<T>, value: u64) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_param(crate::Param::TakeRateLimit(value))
		}

		/// Set any of the chain-wide parameters in one call: each entry (`Param`) is checked as its
		/// own setter checks it and emits that setter's `<Name>Set` event, in order; if one fails,
		/// nothing is set (`EmptyParameterSet` for no entry; at most 32). Origin: root.
		#[pallet::call_index(81)]
		#[pallet::weight(Pallet::<T>::params_weight(params))]
		pub fn set_params(origin: OriginFor<T>, params: BoundedVec<crate::Param, ConstU32<32>>) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(!params.is_empty(), Error::<T>::EmptyParameterSet);
			params.into_iter().try_for_each(Self::apply_param)
		}

		/// Set any of the parameters of the live subnet `netuid` in one call: each entry
		/// (`SubnetParam`) is checked as its own setter checks it and emits that setter's `<Name>Set`
		/// event, in order; if one fails, nothing is set (`EmptyParameterSet` for no entry; at most
		/// 32). Origin: root, or the subnet's owner for `BondsMovingAverage` (at most 975_000, else
		/// `OwnerLimitExceeded`), `BondsPenalty` and `ActivityCutoffFactorMilli` (`BadOrigin` for the
		/// others).
		#[pallet::call_index(82)]
		#[pallet::weight(Pallet::<T>::subnet_params_weight(params))]
		pub fn set_subnet_params(
			origin: OriginFor<T>,
			netuid: u16,
			params: BoundedVec<crate::SubnetParam, ConstU32<32>>,
		) -> DispatchResult {
			let by_root = Self::ensure_root_or_owner(origin, netuid)?;
			ensure!(!params.is_empty(), Error::<T>::EmptyParameterSet);
			params.into_iter().try_for_each(|p| Self::apply_subnet_param(netuid, p, by_root))
		}
	}
}
