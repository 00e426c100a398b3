//! # Subtensor compatibility layer
//!
//! `btcli` (bittensor-cli) and the bittensor Python SDK find calls, storage and runtime APIs by name
//! in the chain's metadata: a pallet named `SubtensorModule` with the reference chain's call and
//! argument names, some of its storage items, and five runtime APIs (`SubnetInfoRuntimeApi`,
//! `NeuronInfoRuntimeApi`, `StakeInfoRuntimeApi`, `SubnetRegistrationRuntimeApi`,
//! `SwapRuntimeApi`). This pallet provides that surface over `pallet-dtao` without a second
//! implementation of any rule:
//!
//! - every call forwards to the `Dtao` call of the same meaning (same checks, errors, events and
//!   weights), or, where it needs a result or a step the calls do not give (a registration with an
//!   identity, `unstake_all_alpha`'s moves), to [`pallet_dtao::DtaoInterface`] (`Config::Dtao`);
//! - the storage items it keeps (`NetworksAdded`, `SubnetOwner`, `NetworkRegisteredAt`, `Owner`,
//!   `OwnedHotkeys`, `Burn`, `MechanismCountCurrent`, `TokenSymbol`, `SubnetIdentitiesV3`, and the
//!   neuron mirrors `Uids`, `SubnetworkN`, `IsNetworkMember`, `LastUpdate`, `Tempo`,
//!   `LastEpochBlock`, `SubnetLocked`, and `BlocksSinceLastStep`, written by `Dtao`'s block hook)
//!   are written by `Dtao`'s own code through
//!   [`pallet_dtao::DtaoObserver`], in the call that changes `Dtao`'s state, and
//!   [`Pallet::do_try_state`] checks they agree;
//! - its own calls: `serve_axon` (each neuron's endpoint, `Axons`) and the weights calls
//!   `set_weights` and `set_mechanism_weights` (forwarded to `Dtao.set_weights`), and
//!   `register_limit` (`Dtao.burned_register` within a price limit);
//! - items that state this chain's fixed rules (`CommitRevealWeightsEnabled`,
//!   `WeightsSetRateLimit`, `MinAllowedWeights`, `MaxWeightsLimit`, `CollateralLockShare`,
//!   `SubnetEpochConsensus`, and the registration rules `NetworkRegistrationAllowed`,
//!   `TargetRegistrationsPerInterval`, `RegistrationsThisInterval`, `AdjustmentInterval`,
//!   `LastAdjustmentBlock`) are never written: the client reads their defaults;
//! - items of features this chain does not have (identities of coldkeys, root claims, stake locks,
//!   a copy of the TAO-flow EMA) are declared so the client can read them, and stay empty;
//! - the runtime APIs ([`runtime_api`]) are adapters over `Dtao`'s views ([`info`]).
//!
//! docs/btcli.md and docs/subnet.md list what works and what does not.
#![cfg_attr(not(feature = "std"), no_std)]
// No panics in runtime code: arithmetic side effects, `unwrap` and indexing are errors outside
// tests (every build runs clippy on the workspace's crates: .cargo/config.toml); tests may panic.
#![cfg_attr(
	not(any(test, feature = "try-runtime")),
	deny(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing)
)]
#![cfg_attr(test, allow(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing))]

extern crate alloc;

pub mod admin_utils;
pub mod info;
pub mod migrations;
pub mod runtime_api;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;

use polkadot_sdk::{frame_support, frame_system, sp_runtime};

/// `Dtao.set_subnet_params(netuid, [param])` with the caller's origin: the one-parameter setters of
/// `SubtensorModule` and `AdminUtils`.
pub(crate) fn set_subnet_param<T: pallet_dtao::Config>(
	origin: frame_system::pallet_prelude::OriginFor<T>,
	netuid: u16,
	param: pallet_dtao::SubnetParam,
) -> frame_support::dispatch::DispatchResult {
	pallet_dtao::Pallet::<T>::set_subnet_params(origin, netuid, frame_support::BoundedVec::truncate_from(alloc::vec![param]))
}

// `serve_axon` takes the reference chain's eight arguments (the macro's generated code too).
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
	use alloc::collections::BTreeMap;
	use dtao_math::substrate_fixed::types::{I64F64, I96F32};
	use frame_support::pallet_prelude::*;
	use frame_support::traits::{ConstBool, ConstU16};
	use frame_system::pallet_prelude::*;
	use pallet_dtao::{staking::MoveKind, staking::MoveRequest, DtaoInterface, SubnetParam, WeightInfo as _};
	use scale_info::TypeInfo;
	use sp_runtime::traits::TrailingZeroInput;

	/// Version 3: `BlocksSinceLastStep` ([`crate::migrations::MigrateToV3`] fills it on a chain of
	/// version 2). Version 2: the neuron mirrors (`Uids`, `SubnetworkN`, `IsNetworkMember`,
	/// `LastUpdate`), `Tempo`, `SubnetLocked` and `LastEpochBlock` ([`crate::migrations::MigrateToV2`]
	/// fills them on a chain of version 1). [`crate::migrations::FillMirrorsIfMissing`] fills every
	/// mirror whenever they are missing.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config + pallet_dtao::Config {
		/// `Dtao`'s operations beyond its calls (the runtime's `Dtao` pallet): registrations and
		/// moves of stake with their results, and their weights.
		type Dtao: DtaoInterface<Self::AccountId>;

		/// Shown by the client with a subnet's start schedule (`btcli subnets start` when the
		/// start is refused): the runtime's genesis `StartCallDelay`. `Dtao.StartCallDelay` is the
		/// value the chain applies, settable by root.
		#[pallet::constant]
		type InitialStartCallDelay: Get<u64>;
	}

	/// A subnet's identity as `register_network_with_identity` takes it (each field at most 64
	/// bytes when sent by btcli; stored as given, bounded at 1 KiB).
	#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
	pub struct SubnetIdentityV3 {
		pub subnet_name: BoundedVec<u8, ConstU32<1024>>,
		pub github_repo: BoundedVec<u8, ConstU32<1024>>,
		pub subnet_contact: BoundedVec<u8, ConstU32<1024>>,
		pub subnet_url: BoundedVec<u8, ConstU32<1024>>,
		pub discord: BoundedVec<u8, ConstU32<1024>>,
		pub description: BoundedVec<u8, ConstU32<1024>>,
		pub logo_url: BoundedVec<u8, ConstU32<1024>>,
		pub additional: BoundedVec<u8, ConstU32<1024>>,
	}

	/// A coldkey's identity (declared for the client; this chain has no call that sets one).
	#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
	pub struct ChainIdentityV2 {
		pub name: BoundedVec<u8, ConstU32<256>>,
		pub url: BoundedVec<u8, ConstU32<256>>,
		pub github_repo: BoundedVec<u8, ConstU32<256>>,
		pub image: BoundedVec<u8, ConstU32<256>>,
		pub discord: BoundedVec<u8, ConstU32<256>>,
		pub description: BoundedVec<u8, ConstU32<256>>,
		pub additional: BoundedVec<u8, ConstU32<256>>,
	}

	/// How a coldkey's root dividends are claimed (declared for the client; this chain sells root's
	/// alpha every block, which the client calls `Swap`, and has no claims).
	#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
	pub enum RootClaimTypeEnum {
		Swap,
		Keep,
		KeepSubnets { subnets: BoundedVec<u16, ConstU32<128>> },
	}

	/// A stake lock (declared for the client; this chain has no locks).
	#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
	pub struct LockState {
		pub locked_mass: u64,
		pub conviction: dtao_math::substrate_fixed::types::U64F64,
		pub last_update: u64,
	}

	/// How a subnet's epoch computes its scores: this chain runs Yuma Consensus on every subnet.
	#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
	pub enum EpochConsensus {
		#[default]
		Yuma,
	}

	/// A neuron's serving endpoint as `serve_axon` sets it: the block it was set at and the
	/// call's arguments.
	#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
	pub struct AxonInfo {
		pub block: u64,
		pub version: u32,
		pub ip: u128,
		pub port: u16,
		pub ip_type: u8,
		pub protocol: u8,
		pub placeholder1: u8,
		pub placeholder2: u8,
	}

	#[pallet::type_value]
	pub fn DefaultMinAllowedWeights() -> u16 {
		1
	}

	#[pallet::type_value]
	pub fn DefaultMaxWeightsLimit() -> u16 {
		u16::MAX
	}

	#[pallet::type_value]
	pub fn DefaultAccount<T: Config>() -> T::AccountId {
		zero_account::<T>()
	}

	/// The all-zero account: what `Owner` holds for a hotkey that does not exist.
	pub fn zero_account<T: Config>() -> T::AccountId {
		T::AccountId::decode(&mut TrailingZeroInput::zeroes()).expect("an account id decodes from zeroes")
	}

	// ----- Kept exact, written by Dtao's code through the observer. -----

	/// Whether a netuid exists (root included): `true` exactly for root and the subnets with a pool.
	#[pallet::storage]
	pub type NetworksAdded<T> = StorageMap<_, Identity, u16, bool, ValueQuery>;
	/// Owner (coldkey) of each hotkey; the zero account for a hotkey that does not exist.
	#[pallet::storage]
	pub type Owner<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, ValueQuery, DefaultAccount<T>>;
	/// Coldkey owning each subnet (`Dtao`'s `SubnetOwner`).
	#[pallet::storage]
	pub type SubnetOwner<T: Config> = StorageMap<_, Identity, u16, T::AccountId, ValueQuery, DefaultAccount<T>>;
	/// Block at which each subnet was registered.
	#[pallet::storage]
	pub type NetworkRegisteredAt<T> = StorageMap<_, Identity, u16, u64, ValueQuery>;
	/// Hotkeys of each coldkey, in the order they were first owned.
	#[pallet::storage]
	#[pallet::unbounded]
	pub type OwnedHotkeys<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Vec<T::AccountId>, ValueQuery>;
	/// A subnet's neuron registration burn (`Dtao`'s `Burn`), for every existing subnet.
	#[pallet::storage]
	pub type Burn<T> = StorageMap<_, Identity, u16, u64, ValueQuery>;
	/// Mechanisms of a subnet: 1 for every existing subnet (this chain has one per subnet).
	#[pallet::storage]
	pub type MechanismCountCurrent<T> = StorageMap<_, Identity, u16, u8, ValueQuery>;
	/// The token symbol of root and of every subnet, UTF-8 (`Τ` for root, then α, β, … by netuid):
	/// the SDK reads this map when it connects.
	#[pallet::storage]
	#[pallet::unbounded]
	pub type TokenSymbol<T> = StorageMap<_, Identity, u16, Vec<u8>, ValueQuery>;
	/// Identity given to a subnet by `register_network_with_identity`; removed with the subnet.
	#[pallet::storage]
	pub type SubnetIdentitiesV3<T> = StorageMap<_, Identity, u16, SubnetIdentityV3, OptionQuery>;
	/// The uid of each neuron's hotkey on each subnet (`Dtao`'s `Uids`).
	#[pallet::storage]
	pub type Uids<T: Config> = StorageDoubleMap<_, Identity, u16, Blake2_128Concat, T::AccountId, u16, OptionQuery>;
	/// A subnet's number of neurons (`Dtao`'s `NeuronCount`); 0 for root and unknown netuids.
	#[pallet::storage]
	pub type SubnetworkN<T> = StorageMap<_, Identity, u16, u16, ValueQuery>;
	/// `true` for each (hotkey, netuid) where the hotkey is a neuron (`Dtao`'s `Uids` by hotkey).
	#[pallet::storage]
	pub type IsNetworkMember<T: Config> = StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, u16, bool, ValueQuery>;
	/// Block of each neuron's last weights (or of its registration), by uid (`Dtao`'s `LastUpdate`).
	#[pallet::storage]
	#[pallet::unbounded]
	pub type LastUpdate<T> = StorageMap<_, Identity, u16, Vec<u64>, ValueQuery>;
	/// A subnet's epoch interval (`Dtao`'s `Tempo`), for every subnet.
	#[pallet::storage]
	pub type Tempo<T> = StorageMap<_, Identity, u16, u16, ValueQuery>;
	/// The TAO locked by a subnet's registration (`Dtao`'s `SubnetLocked`), for every subnet.
	#[pallet::storage]
	pub type SubnetLocked<T> = StorageMap<_, Identity, u16, u64, ValueQuery>;
	/// The block of a subnet's last epoch (`Dtao`'s `LastEpochBlock`), from its first epoch on.
	#[pallet::storage]
	pub type LastEpochBlock<T> = StorageMap<_, Identity, u16, u64, ValueQuery>;
	/// Blocks since a subnet's last epoch, for every subnet: 0 when it registers and in the block
	/// of each epoch, one more in each other block (the block hook writes it for every subnet, from
	/// the subnet's pool). The client reads it to choose how long a registration stays valid.
	#[pallet::storage]
	pub type BlocksSinceLastStep<T> = StorageMap<_, Identity, u16, u64, ValueQuery>;

	// ----- Kept by this pallet's own call. -----

	/// Each neuron's serving endpoint, set by `serve_axon`; removed with the subnet.
	#[pallet::storage]
	pub type Axons<T: Config> = StorageDoubleMap<_, Identity, u16, Blake2_128Concat, T::AccountId, AxonInfo, OptionQuery>;

	// ----- Declared for the client, never written: this chain's fixed rules, read as defaults. -----

	/// Commit-reveal of weights: off on every subnet (weights are set in the clear).
	#[pallet::storage]
	pub type CommitRevealWeightsEnabled<T> = StorageMap<_, Identity, u16, bool, ValueQuery>;
	/// Blocks between two weight settings of a neuron: 0, no limit.
	#[pallet::storage]
	pub type WeightsSetRateLimit<T> = StorageMap<_, Identity, u16, u64, ValueQuery>;
	/// The fewest weights a validator may set: 1 (at least one non-zero weight).
	#[pallet::storage]
	pub type MinAllowedWeights<T> = StorageMap<_, Identity, u16, u16, ValueQuery, DefaultMinAllowedWeights>;
	/// The largest share of one weight, over 65,535: 65,535, no limit.
	#[pallet::storage]
	pub type MaxWeightsLimit<T> = StorageMap<_, Identity, u16, u16, ValueQuery, DefaultMaxWeightsLimit>;
	/// The share of a registration's burn locked as collateral, over 65,535: 0 (all is burned).
	#[pallet::storage]
	pub type CollateralLockShare<T> = StorageMap<_, Identity, u16, u16, ValueQuery>;
	/// The epoch's consensus: Yuma on every subnet.
	#[pallet::storage]
	pub type SubnetEpochConsensus<T> = StorageMap<_, Identity, u16, EpochConsensus, ValueQuery>;
	/// Whether neurons may register: `true` on every subnet (a full one refuses with `SubnetFull`).
	#[pallet::storage]
	pub type NetworkRegistrationAllowed<T> = StorageMap<_, Identity, u16, bool, ValueQuery, ConstBool<true>>;
	/// Registrations per adjustment interval: 65,535, no limit (the burn is root's, it does not
	/// adjust to registrations).
	#[pallet::storage]
	pub type TargetRegistrationsPerInterval<T> = StorageMap<_, Identity, u16, u16, ValueQuery, ConstU16<{ u16::MAX }>>;
	/// Registrations in the current adjustment interval: 0 (none is counted).
	#[pallet::storage]
	pub type RegistrationsThisInterval<T> = StorageMap<_, Identity, u16, u16, ValueQuery>;
	/// Blocks between burn adjustments: 0, the burn never adjusts.
	#[pallet::storage]
	pub type AdjustmentInterval<T> = StorageMap<_, Identity, u16, u16, ValueQuery>;
	/// Block of the last burn adjustment: 0 (none).
	#[pallet::storage]
	pub type LastAdjustmentBlock<T> = StorageMap<_, Identity, u16, u64, ValueQuery>;

	// ----- Declared for the client, always empty: features this chain does not have. -----

	/// `(block, EMA of the subnet's net TAO flow)`: always empty. `Dtao` keeps that EMA in each pool
	/// (`flow_ema`, docs/mechanism.md §6.2); a copy here would cost a write per subnet per block.
	/// The client shows a missing entry as 0.
	#[pallet::storage]
	pub type SubnetEmaTaoFlow<T> = StorageMap<_, Identity, u16, (u64, I64F64), OptionQuery>;
	/// Coldkey identities (no call sets one).
	#[pallet::storage]
	pub type IdentitiesV2<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ChainIdentityV2, OptionQuery>;
	/// Root claim types (no claims: root's alpha is sold every block).
	#[pallet::storage]
	pub type RootClaimType<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, RootClaimTypeEnum, OptionQuery>;
	/// Root dividends claimable per hotkey: for each subnet, alpha per unit of root stake (the
	/// reference chain's type, a map read by the client as a dict; empty here: `Dtao` keeps claims
	/// per account, read through `DtaoApi.root_claimable`).
	#[pallet::storage]
	#[pallet::unbounded]
	pub type RootClaimable<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BTreeMap<u16, I96F32>, ValueQuery>;
	/// Root dividends claimed (no claims).
	#[pallet::storage]
	pub type RootClaimed<T: Config> = StorageNMap<
		_,
		(NMapKey<Identity, u16>, NMapKey<Blake2_128Concat, T::AccountId>, NMapKey<Blake2_128Concat, T::AccountId>),
		u128,
		ValueQuery,
	>;
	/// Stake locks by coldkey, subnet and hotkey (no locks).
	#[pallet::storage]
	pub type Lock<T: Config> = StorageNMap<
		_,
		(NMapKey<Blake2_128Concat, T::AccountId>, NMapKey<Identity, u16>, NMapKey<Blake2_128Concat, T::AccountId>),
		LockState,
		OptionQuery,
	>;
	/// Lock modes by coldkey and subnet (no locks).
	#[pallet::storage]
	pub type DecayingLock<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, u16, bool, OptionQuery>;
	/// Aggregate perpetual locks per subnet and hotkey (no locks).
	#[pallet::storage]
	pub type HotkeyLock<T: Config> = StorageDoubleMap<_, Identity, u16, Blake2_128Concat, T::AccountId, LockState, OptionQuery>;
	/// Aggregate decaying locks per subnet and hotkey (no locks).
	#[pallet::storage]
	pub type DecayingHotkeyLock<T: Config> =
		StorageDoubleMap<_, Identity, u16, Blake2_128Concat, T::AccountId, LockState, OptionQuery>;
	/// The owner's perpetual lock per subnet (no locks).
	#[pallet::storage]
	pub type OwnerLock<T> = StorageMap<_, Identity, u16, LockState, OptionQuery>;
	/// The owner's decaying lock per subnet (no locks).
	#[pallet::storage]
	pub type DecayingOwnerLock<T> = StorageMap<_, Identity, u16, LockState, OptionQuery>;
	/// Blocks over which a lock's mass decays (no locks: 0).
	#[pallet::storage]
	pub type UnlockRate<T> = StorageValue<_, u64, ValueQuery>;
	/// Blocks over which a lock's conviction matures (no locks: 0).
	#[pallet::storage]
	pub type MaturityRate<T> = StorageValue<_, u64, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Root always exists; subnets and hotkeys of a genesis economy are written by `Dtao`'s
			// genesis through the observer.
			NetworksAdded::<T>::insert(pallet_dtao::ROOT_NETUID, true);
			MechanismCountCurrent::<T>::insert(pallet_dtao::ROOT_NETUID, 1);
			TokenSymbol::<T>::insert(pallet_dtao::ROOT_NETUID, crate::info::token_symbol_bytes(pallet_dtao::ROOT_NETUID));
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A subnet was registered: `(netuid, modality)`, modality always 0. Emitted beside
		/// `Dtao.NetworkRegistered`, whichever pallet's call registered it.
		NetworkAdded(u16, u16),
		/// A subnet was closed (dissolved or pruned). Emitted beside `Dtao`'s dissolution events.
		NetworkRemoved(u16),
		/// A neuron set its serving endpoint: `(netuid, hotkey)`.
		AxonServed(u16, T::AccountId),
	}

	#[pallet::error]
	pub enum Error<T> {
		/// `unstake_all_alpha`: the caller holds no stake on the hotkey outside root that could be
		/// moved to root (none at all, or every subnet's sale would break its liquidity floor).
		NothingToUnstake,
		/// `serve_axon`: the calling hotkey is not a neuron of the subnet.
		NotRegistered,
		/// `serve_axon`: `ip_type` is neither 4 nor 6.
		InvalidIpType,
		/// `serve_axon`: the address is 0, or above 2^32 − 1 for IPv4.
		InvalidIpAddress,
		/// `serve_axon`: port 0.
		InvalidPort,
		/// `set_mechanism_weights`: a mechanism other than 0 (each subnet has one).
		MechanismDoesNotExist,
		/// `register_limit`: the subnet's registration burn is above the caller's `limit_price`.
		RegistrationPriceLimitExceeded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	type DtaoWeights<T> = <T as pallet_dtao::Config>::WeightInfo;

	/// The same calls as `Dtao`'s, under the reference chain's names and argument names. Each one
	/// forwards to the `Dtao` call, so it checks, fails, emits and weighs exactly as that call.
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// `Dtao.set_weights` with `dests` as the uids. `version_key` is accepted and not checked:
		/// this chain has no weights version.
		#[pallet::call_index(0)]
		#[pallet::weight(DtaoWeights::<T>::set_weights(u32::try_from(dests.len()).unwrap_or(u32::MAX)))]
		pub fn set_weights(
			origin: OriginFor<T>,
			netuid: u16,
			dests: BoundedVec<u16, <T as pallet_dtao::Config>::MaxNeuronsLimit>,
			weights: BoundedVec<u16, <T as pallet_dtao::Config>::MaxNeuronsLimit>,
			version_key: u64,
		) -> DispatchResult {
			let _ = version_key;
			pallet_dtao::Pallet::<T>::set_weights(origin, netuid, dests, weights)
		}

		/// `set_weights` of mechanism `mecid`: each subnet has one mechanism, 0; any other fails
		/// with `MechanismDoesNotExist`.
		#[pallet::call_index(119)]
		#[pallet::weight(DtaoWeights::<T>::set_weights(u32::try_from(dests.len()).unwrap_or(u32::MAX)))]
		pub fn set_mechanism_weights(
			origin: OriginFor<T>,
			netuid: u16,
			mecid: u8,
			dests: BoundedVec<u16, <T as pallet_dtao::Config>::MaxNeuronsLimit>,
			weights: BoundedVec<u16, <T as pallet_dtao::Config>::MaxNeuronsLimit>,
			version_key: u64,
		) -> DispatchResult {
			ensure!(mecid == 0, Error::<T>::MechanismDoesNotExist);
			let _ = version_key;
			pallet_dtao::Pallet::<T>::set_weights(origin, netuid, dests, weights)
		}

		/// `Dtao.set_subnet_params(netuid, [ActivityCutoffFactorMilli(activity_cutoff_factor)])`: the
		/// activity cutoff in thousandths of the tempo (1_000 to 50_000). Root or the owner.
		#[pallet::call_index(140)]
		#[pallet::weight(pallet_dtao::Pallet::<T>::subnet_params_weight(&[SubnetParam::ActivityCutoffFactorMilli(*activity_cutoff_factor)]))]
		pub fn set_activity_cutoff_factor(origin: OriginFor<T>, netuid: u16, activity_cutoff_factor: u32) -> DispatchResult {
			crate::set_subnet_param::<T>(origin, netuid, SubnetParam::ActivityCutoffFactorMilli(activity_cutoff_factor))
		}

		/// `Dtao.set_subnet_params(netuid, [Tempo(tempo)])`. The tempo is root's here, so an owner
		/// gets `BadOrigin` (root sets it through `Sudo` and `AdminUtils.sudo_set_tempo`).
		#[pallet::call_index(141)]
		#[pallet::weight(pallet_dtao::Pallet::<T>::subnet_params_weight(&[SubnetParam::Tempo(*tempo)]))]
		pub fn set_tempo(origin: OriginFor<T>, netuid: u16, tempo: u16) -> DispatchResult {
			crate::set_subnet_param::<T>(origin, netuid, SubnetParam::Tempo(tempo))
		}

		/// Set the calling hotkey's serving endpoint on `netuid` (`Axons`; the metagraph's `axons`):
		/// the hotkey must be a neuron of the subnet (`NotRegistered`), `ip_type` 4 or 6
		/// (`InvalidIpType`), `ip` not 0 and, for IPv4, at most 2^32 − 1 (`InvalidIpAddress`), `port`
		/// not 0 (`InvalidPort`). `version`, `protocol` and the placeholders are stored as given.
		/// Emits `AxonServed`. Origin: the neuron's hotkey.
		#[pallet::call_index(4)]
		#[pallet::weight(serve_axon_weight::<T>())]
		pub fn serve_axon(
			origin: OriginFor<T>,
			netuid: u16,
			version: u32,
			ip: u128,
			port: u16,
			ip_type: u8,
			protocol: u8,
			placeholder1: u8,
			placeholder2: u8,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			ensure!(Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::NotRegistered);
			ensure!(ip_type == 4 || ip_type == 6, Error::<T>::InvalidIpType);
			ensure!(ip != 0 && (ip_type == 6 || ip <= u128::from(u32::MAX)), Error::<T>::InvalidIpAddress);
			ensure!(port != 0, Error::<T>::InvalidPort);
			let block = pallet_dtao::Pallet::<T>::now();
			Axons::<T>::insert(netuid, &hotkey, AxonInfo { block, version, ip, port, ip_type, protocol, placeholder1, placeholder2 });
			Self::deposit_event(Event::AxonServed(netuid, hotkey));
			Ok(())
		}

		/// `Dtao.burned_register`.
		#[pallet::call_index(7)]
		#[pallet::weight(DtaoWeights::<T>::burned_register())]
		pub fn burned_register(origin: OriginFor<T>, netuid: u16, hotkey: T::AccountId) -> DispatchResult {
			pallet_dtao::Pallet::<T>::burned_register(origin, netuid, hotkey)
		}

		/// `Dtao.burned_register` if the subnet's registration burn is at most `limit_price` rao;
		/// otherwise `RegistrationPriceLimitExceeded` and nothing changes. An unsigned origin fails
		/// with `BadOrigin` and an unknown subnet with `Dtao`'s `SubnetNotFound` first. Charged
		/// `burned_register`'s weight and the two reads of the checks (`NetworksAdded`, `Burn`).
		#[pallet::call_index(134)]
		#[pallet::weight(DtaoWeights::<T>::burned_register().saturating_add(T::DbWeight::get().reads(2)))]
		pub fn register_limit(origin: OriginFor<T>, netuid: u16, hotkey: T::AccountId, limit_price: u64) -> DispatchResult {
			ensure_signed(origin.clone())?;
			ensure!(NetworksAdded::<T>::get(netuid), pallet_dtao::Error::<T>::SubnetNotFound);
			ensure!(Burn::<T>::get(netuid) <= limit_price, Error::<T>::RegistrationPriceLimitExceeded);
			pallet_dtao::Pallet::<T>::burned_register(origin, netuid, hotkey)
		}

		/// `Dtao.add_stake` of `amount_staked` TAO.
		#[pallet::call_index(2)]
		#[pallet::weight(DtaoWeights::<T>::add_stake().saturating_add(T::Dtao::root_claims_weight(&[*netuid])))]
		pub fn add_stake(origin: OriginFor<T>, hotkey: T::AccountId, netuid: u16, amount_staked: u64) -> DispatchResult {
			pallet_dtao::Pallet::<T>::add_stake(origin, hotkey, netuid, amount_staked)
		}

		/// `Dtao.remove_stake` of `amount_unstaked` alpha.
		#[pallet::call_index(3)]
		#[pallet::weight(DtaoWeights::<T>::remove_stake().saturating_add(T::Dtao::root_claims_weight(&[*netuid])))]
		pub fn remove_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			netuid: u16,
			amount_unstaked: u64,
		) -> DispatchResult {
			pallet_dtao::Pallet::<T>::remove_stake(origin, hotkey, netuid, amount_unstaked)
		}

		/// `Dtao.register_network`.
		#[pallet::call_index(59)]
		#[pallet::weight(max_registration_weight::<T>())]
		pub fn register_network(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResultWithPostInfo {
			pallet_dtao::Pallet::<T>::register_network(origin, hotkey)
		}

		/// `Dtao.start_call`.
		#[pallet::call_index(92)]
		#[pallet::weight(DtaoWeights::<T>::start_call())]
		pub fn start_call(origin: OriginFor<T>, netuid: u16) -> DispatchResult {
			pallet_dtao::Pallet::<T>::start_call(origin, netuid)
		}

		/// `Dtao.register_network`, then the subnet's identity stored in `SubnetIdentitiesV3`
		/// (shown by the client as the subnet's name). `None` stores nothing.
		#[pallet::call_index(79)]
		#[pallet::weight(max_registration_weight::<T>().saturating_add(T::DbWeight::get().writes(1)))]
		pub fn register_network_with_identity(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			identity: Option<SubnetIdentityV3>,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let (netuid, pruned) = T::Dtao::register_network(coldkey, hotkey)?;
			if let Some(identity) = identity {
				SubnetIdentitiesV3::<T>::insert(netuid, identity);
			}
			let weight = T::Dtao::register_network_weight(pruned);
			Ok(Some(weight.saturating_add(T::DbWeight::get().writes(1))).into())
		}

		/// `Dtao.unstake_all`: every stake of the caller on `hotkey` (root included) sold for TAO.
		#[pallet::call_index(83)]
		#[pallet::weight(DtaoWeights::<T>::unstake_all(u32::from(pallet_dtao::TotalNetworks::<T>::get()).saturating_add(1)).saturating_add(T::Dtao::root_claims_weight(&[pallet_dtao::ROOT_NETUID])))]
		pub fn unstake_all(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResultWithPostInfo {
			pallet_dtao::Pallet::<T>::unstake_all(origin, hotkey)
		}

		/// Every stake of the caller on `hotkey` outside root moved to root stake on the same
		/// hotkey: one `Dtao.move_stake` per subnet (sold through its pool, the TAO staked on
		/// root). A subnet whose sale would break its liquidity floor, or whose stake is worth less
		/// than `MinStake`, keeps its stake. Fails with `NothingToUnstake` if none moved.
		#[pallet::call_index(84)]
		#[pallet::weight(DtaoWeights::<T>::move_stake().saturating_add(T::Dtao::root_claims_weight(&[pallet_dtao::ROOT_NETUID])).saturating_mul(u64::from(pallet_dtao::TotalNetworks::<T>::get()).max(1)))]
		pub fn unstake_all_alpha(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			let netuids = T::Dtao::staked_netuids(&coldkey, &hotkey);
			let mut moved = false;
			for netuid in netuids.into_iter().filter(|n| *n != pallet_dtao::ROOT_NETUID) {
				let amount = T::Dtao::stake_value(&hotkey, &coldkey, netuid);
				if amount == 0 {
					continue;
				}
				let request = MoveRequest {
					origin_coldkey: coldkey.clone(),
					destination_coldkey: coldkey.clone(),
					origin_hotkey: hotkey.clone(),
					destination_hotkey: hotkey.clone(),
					origin_netuid: netuid,
					destination_netuid: pallet_dtao::ROOT_NETUID,
					amount,
					limit: None,
				};
				// Each move is all or nothing; a refused one leaves that subnet's stake in place.
				let done = frame_support::storage::with_storage_layer(|| T::Dtao::move_stake(MoveKind::Move, request));
				moved = moved || done.is_ok();
			}
			ensure!(moved, Error::<T>::NothingToUnstake);
			Ok(())
		}

		/// `Dtao.add_stake_limit` of `amount_staked` TAO.
		#[pallet::call_index(88)]
		#[pallet::weight(DtaoWeights::<T>::add_stake_limit().saturating_add(T::Dtao::root_claims_weight(&[*netuid])))]
		pub fn add_stake_limit(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			netuid: u16,
			amount_staked: u64,
			limit_price: u64,
			allow_partial: bool,
		) -> DispatchResult {
			pallet_dtao::Pallet::<T>::add_stake_limit(origin, hotkey, netuid, amount_staked, limit_price, allow_partial)
		}

		/// `Dtao.remove_stake_limit` of `amount_unstaked` alpha.
		#[pallet::call_index(89)]
		#[pallet::weight(DtaoWeights::<T>::remove_stake_limit().saturating_add(T::Dtao::root_claims_weight(&[*netuid])))]
		pub fn remove_stake_limit(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			netuid: u16,
			amount_unstaked: u64,
			limit_price: u64,
			allow_partial: bool,
		) -> DispatchResult {
			pallet_dtao::Pallet::<T>::remove_stake_limit(origin, hotkey, netuid, amount_unstaked, limit_price, allow_partial)
		}

		/// `Dtao.move_stake` of `alpha_amount`.
		#[pallet::call_index(85)]
		#[pallet::weight(DtaoWeights::<T>::move_stake().saturating_add(T::Dtao::root_claims_weight(&[*origin_netuid, *destination_netuid])))]
		pub fn move_stake(
			origin: OriginFor<T>,
			origin_hotkey: T::AccountId,
			destination_hotkey: T::AccountId,
			origin_netuid: u16,
			destination_netuid: u16,
			alpha_amount: u64,
		) -> DispatchResult {
			pallet_dtao::Pallet::<T>::move_stake(
				origin,
				origin_hotkey,
				destination_hotkey,
				origin_netuid,
				destination_netuid,
				alpha_amount,
			)
		}

		/// `Dtao.transfer_stake` of `alpha_amount`.
		#[pallet::call_index(86)]
		#[pallet::weight(DtaoWeights::<T>::transfer_stake().saturating_add(T::Dtao::root_claims_weight(&[*origin_netuid, *destination_netuid])))]
		pub fn transfer_stake(
			origin: OriginFor<T>,
			destination_coldkey: T::AccountId,
			hotkey: T::AccountId,
			origin_netuid: u16,
			destination_netuid: u16,
			alpha_amount: u64,
		) -> DispatchResult {
			pallet_dtao::Pallet::<T>::transfer_stake(
				origin,
				destination_coldkey,
				hotkey,
				origin_netuid,
				destination_netuid,
				alpha_amount,
			)
		}

		/// `Dtao.swap_stake` of `alpha_amount`.
		#[pallet::call_index(87)]
		#[pallet::weight(DtaoWeights::<T>::swap_stake().saturating_add(T::Dtao::root_claims_weight(&[*origin_netuid, *destination_netuid])))]
		pub fn swap_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			origin_netuid: u16,
			destination_netuid: u16,
			alpha_amount: u64,
		) -> DispatchResult {
			pallet_dtao::Pallet::<T>::swap_stake(origin, hotkey, origin_netuid, destination_netuid, alpha_amount)
		}

		/// `Dtao.swap_stake_limit` of `alpha_amount`.
		#[pallet::call_index(90)]
		#[pallet::weight(DtaoWeights::<T>::swap_stake_limit().saturating_add(T::Dtao::root_claims_weight(&[*origin_netuid, *destination_netuid])))]
		pub fn swap_stake_limit(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			origin_netuid: u16,
			destination_netuid: u16,
			alpha_amount: u64,
			limit_price: u64,
			allow_partial: bool,
		) -> DispatchResult {
			pallet_dtao::Pallet::<T>::swap_stake_limit(
				origin,
				hotkey,
				origin_netuid,
				destination_netuid,
				alpha_amount,
				limit_price,
				allow_partial,
			)
		}
	}

	/// `serve_axon`: one read (`Uids`) and one write (`Axons`) with the base of the reference
	/// chain's measured `serve_axon` (33 µs); not benchmarked on this chain.
	fn serve_axon_weight<T: Config>() -> Weight {
		Weight::from_parts(33_010_000, 0).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}

	/// Write `value` at index `uid`, extending `v` with zeros if it is shorter (as `Dtao` keeps its
	/// per-uid vectors).
	pub(crate) fn set_at(v: &mut Vec<u64>, uid: u16, value: u64) {
		let i = usize::from(uid);
		if v.len() <= i {
			v.resize(i.saturating_add(1), 0);
		}
		if let Some(slot) = v.get_mut(i) {
			*slot = value;
		}
	}

	/// What `Dtao.register_network` is charged before it runs: a registration that prunes the
	/// largest subnet.
	fn max_registration_weight<T: Config>() -> Weight {
		use polkadot_sdk::frame_support::traits::Get as _;
		T::Dtao::register_network_weight(Some((
			<T as pallet_dtao::Config>::MaxNeuronsLimit::get(),
			<T as pallet_dtao::Config>::MaxSettlementsPerBlock::get(),
		)))
	}

	impl<T: Config> pallet_dtao::DtaoObserver<T::AccountId> for Pallet<T> {
		fn network_added(netuid: u16, burn: u64) {
			NetworksAdded::<T>::insert(netuid, true);
			if let Some(owner) = pallet_dtao::SubnetOwner::<T>::get(netuid) {
				SubnetOwner::<T>::insert(netuid, owner);
			}
			let registered = pallet_dtao::Pools::<T>::get(netuid).map(|p| p.registered_at).unwrap_or_default();
			NetworkRegisteredAt::<T>::insert(netuid, registered);
			Burn::<T>::insert(netuid, burn);
			MechanismCountCurrent::<T>::insert(netuid, 1);
			TokenSymbol::<T>::insert(netuid, crate::info::token_symbol_bytes(netuid));
			Tempo::<T>::insert(netuid, pallet_dtao::Tempo::<T>::get(netuid));
			SubnetLocked::<T>::insert(netuid, pallet_dtao::SubnetLocked::<T>::get(netuid));
			BlocksSinceLastStep::<T>::insert(netuid, 0);
			Self::deposit_event(Event::NetworkAdded(netuid, 0));
		}

		fn network_removed(netuid: u16) {
			NetworksAdded::<T>::remove(netuid);
			SubnetOwner::<T>::remove(netuid);
			NetworkRegisteredAt::<T>::remove(netuid);
			Burn::<T>::remove(netuid);
			MechanismCountCurrent::<T>::remove(netuid);
			SubnetIdentitiesV3::<T>::remove(netuid);
			TokenSymbol::<T>::remove(netuid);
			Tempo::<T>::remove(netuid);
			SubnetLocked::<T>::remove(netuid);
			// At most `MaxNeuronsLimit` neurons and endpoints.
			for (hotkey, _) in Uids::<T>::drain_prefix(netuid) {
				IsNetworkMember::<T>::remove(&hotkey, netuid);
			}
			SubnetworkN::<T>::remove(netuid);
			LastUpdate::<T>::remove(netuid);
			LastEpochBlock::<T>::remove(netuid);
			BlocksSinceLastStep::<T>::remove(netuid);
			let _ = Axons::<T>::clear_prefix(netuid, u32::MAX, None);
			Self::deposit_event(Event::NetworkRemoved(netuid));
		}

		fn neuron_registered(netuid: u16, uid: u16, hotkey: &T::AccountId) {
			Uids::<T>::insert(netuid, hotkey, uid);
			IsNetworkMember::<T>::insert(hotkey, netuid, true);
			SubnetworkN::<T>::insert(netuid, uid.saturating_add(1));
			let now = pallet_dtao::Pallet::<T>::now();
			LastUpdate::<T>::mutate(netuid, |v| set_at(v, uid, now));
		}

		fn weights_set(netuid: u16, uid: u16) {
			let now = pallet_dtao::Pallet::<T>::now();
			LastUpdate::<T>::mutate(netuid, |v| set_at(v, uid, now));
		}

		fn tempo_set(netuid: u16, tempo: u16) {
			Tempo::<T>::insert(netuid, tempo);
		}

		fn epoch_ran(netuid: u16, block: u64) {
			LastEpochBlock::<T>::insert(netuid, block);
			BlocksSinceLastStep::<T>::insert(netuid, 0);
		}

		fn subnet_block(netuid: u16, blocks_since_epoch: u64) {
			BlocksSinceLastStep::<T>::insert(netuid, blocks_since_epoch);
		}

		fn hotkey_owned(hotkey: &T::AccountId, coldkey: &T::AccountId) {
			if Owner::<T>::contains_key(hotkey) {
				return;
			}
			Owner::<T>::insert(hotkey, coldkey);
			OwnedHotkeys::<T>::append(coldkey, hotkey);
		}

		fn burn_set(netuid: u16, burn: u64) {
			if NetworksAdded::<T>::get(netuid) {
				Burn::<T>::insert(netuid, burn);
			}
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Checks that every mirrored item agrees with `Dtao`'s state: `NetworksAdded`, `Burn` and
	/// `MechanismCountCurrent` hold exactly root and the subnets with a pool, `Burn` equals `Dtao`'s,
	/// `Owner` equals `Dtao`'s `HotkeyOwner` for every hotkey, `OwnedHotkeys` lists each owned hotkey
	/// once under its owner, identities belong to existing subnets, `BlocksSinceLastStep` counts the
	/// blocks since each subnet's last epoch or registration, and the always-empty items are empty.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::{collections::BTreeSet, vec::Vec};
		macro_rules! check {
			($cond:expr, $msg:literal) => {
				if !$cond {
					return Err(sp_runtime::TryRuntimeError::Other($msg));
				}
			};
		}
		let mut subnets: BTreeSet<u16> = pallet_dtao::Pools::<T>::iter_keys().collect();
		subnets.insert(pallet_dtao::ROOT_NETUID);
		let added: BTreeSet<u16> = NetworksAdded::<T>::iter().filter(|(_, v)| *v).map(|(n, _)| n).collect();
		check!(added == subnets, "NetworksAdded differs from root and the subnets with a pool");
		check!(NetworksAdded::<T>::iter().all(|(_, v)| v), "NetworksAdded holds a false entry");
		let mechanisms: BTreeSet<u16> = MechanismCountCurrent::<T>::iter().map(|(n, _)| n).collect();
		check!(mechanisms == subnets, "MechanismCountCurrent differs from the existing netuids");
		check!(MechanismCountCurrent::<T>::iter().all(|(_, c)| c == 1), "a mechanism count other than 1");
		let symbols: BTreeSet<u16> = TokenSymbol::<T>::iter_keys().collect();
		check!(symbols == subnets, "TokenSymbol differs from the existing netuids");
		check!(
			TokenSymbol::<T>::iter().all(|(n, s)| s == crate::info::token_symbol_bytes(n)),
			"a TokenSymbol differs from the netuid's symbol"
		);
		let burns: BTreeSet<u16> = Burn::<T>::iter().map(|(n, _)| n).collect();
		let subnets_only: BTreeSet<u16> = subnets.iter().copied().filter(|n| *n != pallet_dtao::ROOT_NETUID).collect();
		check!(burns == subnets_only, "Burn's entries differ from the subnets");
		check!(
			Burn::<T>::iter().all(|(n, b)| b == pallet_dtao::Burn::<T>::get(n)),
			"Burn differs from Dtao's Burn"
		);
		let owned: BTreeSet<u16> = SubnetOwner::<T>::iter_keys().collect();
		check!(owned == subnets_only, "SubnetOwner's entries differ from the subnets");
		check!(
			SubnetOwner::<T>::iter().all(|(n, o)| pallet_dtao::SubnetOwner::<T>::get(n) == Some(o)),
			"SubnetOwner differs from Dtao's SubnetOwner"
		);
		let counted: BTreeSet<u16> = BlocksSinceLastStep::<T>::iter_keys().collect();
		check!(counted == subnets_only, "BlocksSinceLastStep's entries differ from the subnets");
		let now = pallet_dtao::Pallet::<T>::now();
		// Every block's hook writes every subnet's count: the blocks since its last epoch or its
		// registration (`Dtao` checks the pool's `last_epoch` against `LastEpochBlock`).
		check!(
			BlocksSinceLastStep::<T>::iter()
				.all(|(n, b)| pallet_dtao::Pools::<T>::get(n).is_some_and(|p| b == p.blocks_since_epoch(now))),
			"BlocksSinceLastStep differs from the blocks since the subnet's last epoch or registration"
		);
		let registered: BTreeSet<u16> = NetworkRegisteredAt::<T>::iter_keys().collect();
		check!(registered == subnets_only, "NetworkRegisteredAt's entries differ from the subnets");
		check!(
			NetworkRegisteredAt::<T>::iter()
				.all(|(n, b)| pallet_dtao::Pools::<T>::get(n).map(|p| p.registered_at) == Some(b)),
			"NetworkRegisteredAt differs from the pool's registration block"
		);
		check!(
			SubnetIdentitiesV3::<T>::iter_keys().all(|n| subnets_only.contains(&n)),
			"an identity of a subnet that does not exist"
		);

		let owners: Vec<(T::AccountId, T::AccountId)> = pallet_dtao::HotkeyOwner::<T>::iter().collect();
		check!(Owner::<T>::iter().count() == owners.len(), "Owner's entries differ from Dtao's HotkeyOwner");
		let mut listed: usize = 0;
		for (hotkey, coldkey) in &owners {
			check!(Owner::<T>::contains_key(hotkey), "a hotkey of Dtao has no Owner entry");
			check!(&Owner::<T>::get(hotkey) == coldkey, "Owner differs from Dtao's HotkeyOwner");
			let owned = OwnedHotkeys::<T>::get(coldkey);
			check!(owned.iter().filter(|h| *h == hotkey).count() == 1, "a hotkey is not listed once under its owner");
		}
		for (_, hotkeys) in OwnedHotkeys::<T>::iter() {
			listed = listed.saturating_add(hotkeys.len());
		}
		check!(listed == owners.len(), "OwnedHotkeys lists a hotkey its coldkey does not own");

		// The neuron mirrors, `Tempo` and `SubnetLocked`: the same entries as `Dtao`'s.
		let uids: Vec<(u16, T::AccountId, u16)> = pallet_dtao::Uids::<T>::iter().collect();
		check!(Uids::<T>::iter().count() == uids.len(), "Uids' entries differ from Dtao's Uids");
		check!(IsNetworkMember::<T>::iter().count() == uids.len(), "IsNetworkMember's entries differ from Dtao's Uids");
		for (netuid, hotkey, uid) in &uids {
			check!(Uids::<T>::get(netuid, hotkey) == Some(*uid), "Uids differs from Dtao's Uids");
			check!(IsNetworkMember::<T>::get(hotkey, netuid), "a neuron without its IsNetworkMember entry");
		}
		check!(Axons::<T>::iter_keys().all(|(n, h)| Uids::<T>::contains_key(n, &h)), "an endpoint of a hotkey that is not a neuron");
		check!(
			SubnetworkN::<T>::iter().count() == pallet_dtao::NeuronCount::<T>::iter().count() &&
				SubnetworkN::<T>::iter().all(|(n, c)| pallet_dtao::NeuronCount::<T>::get(n) == c),
			"SubnetworkN differs from Dtao's NeuronCount"
		);
		check!(
			LastUpdate::<T>::iter().count() == pallet_dtao::LastUpdate::<T>::iter().count() &&
				LastUpdate::<T>::iter().all(|(n, v)| pallet_dtao::LastUpdate::<T>::get(n) == v),
			"LastUpdate differs from Dtao's LastUpdate"
		);
		check!(
			Tempo::<T>::iter().count() == pallet_dtao::Tempo::<T>::iter().count() &&
				Tempo::<T>::iter().all(|(n, t)| pallet_dtao::Tempo::<T>::contains_key(n) && pallet_dtao::Tempo::<T>::get(n) == t),
			"Tempo differs from Dtao's Tempo"
		);
		check!(
			SubnetLocked::<T>::iter().count() == pallet_dtao::SubnetLocked::<T>::iter().count() &&
				SubnetLocked::<T>::iter()
					.all(|(n, l)| pallet_dtao::SubnetLocked::<T>::contains_key(n) && pallet_dtao::SubnetLocked::<T>::get(n) == l),
			"SubnetLocked differs from Dtao's SubnetLocked"
		);
		check!(
			LastEpochBlock::<T>::iter().count() == pallet_dtao::LastEpochBlock::<T>::iter().count() &&
				LastEpochBlock::<T>::iter().all(|(n, b)| {
					pallet_dtao::LastEpochBlock::<T>::contains_key(n) && pallet_dtao::LastEpochBlock::<T>::get(n) == b
				}),
			"LastEpochBlock differs from Dtao's LastEpochBlock"
		);
		check!(CommitRevealWeightsEnabled::<T>::iter().next().is_none(), "CommitRevealWeightsEnabled is not empty");
		check!(WeightsSetRateLimit::<T>::iter().next().is_none(), "WeightsSetRateLimit is not empty");
		check!(MinAllowedWeights::<T>::iter().next().is_none(), "MinAllowedWeights is not empty");
		check!(MaxWeightsLimit::<T>::iter().next().is_none(), "MaxWeightsLimit is not empty");
		check!(CollateralLockShare::<T>::iter().next().is_none(), "CollateralLockShare is not empty");
		check!(SubnetEpochConsensus::<T>::iter().next().is_none(), "SubnetEpochConsensus is not empty");

		check!(SubnetEmaTaoFlow::<T>::iter().next().is_none(), "SubnetEmaTaoFlow is not empty");
		check!(IdentitiesV2::<T>::iter().next().is_none(), "IdentitiesV2 is not empty");
		check!(RootClaimType::<T>::iter().next().is_none(), "RootClaimType is not empty");
		check!(RootClaimable::<T>::iter().next().is_none(), "RootClaimable is not empty");
		check!(RootClaimed::<T>::iter().next().is_none(), "RootClaimed is not empty");
		check!(Lock::<T>::iter().next().is_none(), "Lock is not empty");
		check!(HotkeyLock::<T>::iter().next().is_none(), "HotkeyLock is not empty");
		Ok(())
	}
}
