//! Storage migrations. The pallet's `StorageVersion` says which layout a chain's state has; each
//! migration moves it one version up, runs once (`VersionedMigration` checks the on-chain version
//! and writes the next) and is listed in the runtime's `Migrations`. A chain built from genesis
//! starts at the current version and runs none.
//!
//! Version history:
//! - 0: stakes in `StakeShares` only.
//! - 1: `StakeIndex` (the stakes by coldkey) and `StakerCount` (stake entries per subnet), kept by
//!   the code that writes `StakeShares`.
//! - 2: `SubnetPool` ends with `tempo`, a copy of the subnet's `Tempo`, so that a block without
//!   epochs reads each subnet once.
//! - 3: the stake entries of a subnet are counted in its pool (`SubnetPool::stakers`) and, once it
//!   dissolves, in its settlement (`Settlement::holders`); `StakerCount` is gone, so that a stake
//!   reads and writes one item fewer.
//! - 4: `SubnetPool` ends with `flow` and `flow_ema`, the block's net user TAO flow and its EMA,
//!   for the emission-share policies.
//! - 5: `StakePool` ends with `vesting`, `vesting_start` and `vesting_blocks`, the dividends being
//!   released to the holders (`DividendAccrual::OverTempo`).
//! - 6: the block record in each pool (`SubnetPool::last`) ends with `root_alpha_recycled`, for
//!   the sell gate of `RootDividendMode::SellPerBlock`.
//! - 7: the block record ends with `root_alpha_kept` and `SubnetPool` with `pending_root_alpha`,
//!   for `RootDividendMode::KeepAlpha`.
//! - 8: `RootClaimPool` ends with `releasing`, `release_start` and `release_blocks`, so that a
//!   claim pool's figure rises over the tempo under `DividendAccrual::OverTempo`.
//! - 9: a hotkey's claim pools are one value (`ClaimPools`, each pool numbered by `id` and
//!   settled in TAO when its subnet dissolves), and a root staker's accounts with them another
//!   (`RootClaims` by (coldkey, hotkey)), so that a change of root stake costs one read and one
//!   write of each.
//! - 10: `SubnetPool` ends with `last_epoch`, a copy of `LastEpochBlock`, so that the block hook
//!   counts each subnet's blocks since its last epoch from the one value it reads.

use crate::pallet::*;
use polkadot_sdk::{
	frame_support::{
		migrations::VersionedMigration,
		storage::StoragePrefixedMap,
		traits::{Get, StorageVersion, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	},
	frame_system,
};

/// The layout this code reads and writes.
pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(10);

/// Whether a stored value decodes in the layout `Old` (as `translate` reads it).
fn decodes<Old: codec::Decode>(_key: &[u8], mut value: &[u8]) -> Result<bool, codec::Error> {
	Ok(Old::decode(&mut value).is_ok())
}

/// Before a `translate` of the map under `prefix` (its `final_prefix`) from the layout `Old`: the
/// number of values and of those that do not decode as `Old`. `translate` cannot rewrite the
/// latter and leaves them as they are, unreadable by the new code; each migration logs their
/// number as an error (target `runtime::dtao`), and its try-runtime `post_upgrade`, which counts
/// the values the new layout reads, fails.
pub fn old_layout_check<Old: codec::Decode>(what: &str, prefix: [u8; 32]) -> (u64, u64) {
	let values = polkadot_sdk::frame_support::storage::PrefixIterator::<bool>::new(prefix.to_vec(), prefix.to_vec(), decodes::<Old>);
	let (mut count, mut undecodable) = (0u64, 0u64);
	for ok in values {
		count = count.saturating_add(1);
		if !ok {
			undecodable = undecodable.saturating_add(1);
		}
	}
	if undecodable > 0 {
		log::error!(
			target: "runtime::dtao",
			"migration: {undecodable} of {count} values of {what} do not decode in the old layout; they are left as they are"
		);
	}
	(count, undecodable)
}

/// Version 0 to 1: build `StakeIndex` and `StakerCount` from `StakeShares`.
pub type MigrateToV1<T> = VersionedMigration<
	0,
	1,
	v1::BuildStakeIndex<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned step of `MigrateToV1`, private to this module's users through the alias.
pub mod v1 {
	use super::*;
	use alloc::collections::BTreeMap;
	use polkadot_sdk::frame_support::{pallet_prelude::ValueQuery, storage_alias, Twox64Concat};

	/// Number of `StakeShares` entries on each subnet (root included), from version 1 to 2.
	#[storage_alias]
	pub(crate) type StakerCount<T: Config> = StorageMap<Pallet<T>, Twox64Concat, u16, u32, ValueQuery>;

	/// Writes one `StakeIndex` entry per `StakeShares` entry and each subnet's count. Entries the
	/// index already holds are written again (the same value), so a partly built index ends whole.
	/// One pass over every stake, in one block: fit for a dev chain's state.
	pub struct BuildStakeIndex<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for BuildStakeIndex<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut counts: BTreeMap<u16, u32> = BTreeMap::new();
			let mut entries: u64 = 0;
			for (netuid, hotkey, coldkey) in StakeShares::<T>::iter_keys() {
				StakeIndex::<T>::insert((&coldkey, &hotkey, netuid), ());
				let c = counts.entry(netuid).or_insert(0);
				*c = c.saturating_add(1);
				entries = entries.saturating_add(1);
			}
			let _ = StakerCount::<T>::clear(u32::MAX, None);
			let subnets = u64::try_from(counts.len()).unwrap_or(u64::MAX);
			for (netuid, count) in counts {
				StakerCount::<T>::insert(netuid, count);
			}
			T::DbWeight::get().reads_writes(entries, entries.saturating_add(subnets).saturating_add(1))
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			// The later layouts are checked after the later migrations (`do_try_state` after v3).
			let entries = StakeShares::<T>::iter_keys().count() as u64;
			let counted: u64 = StakerCount::<T>::iter_values().map(u64::from).sum();
			polkadot_sdk::frame_support::ensure!(
				StakeIndex::<T>::iter_keys().count() as u64 == entries && counted == entries,
				"the index or the counts do not match the stake entries"
			);
			Ok(())
		}
	}
}

/// Version 1 to 2: every `Pools` value gains `tempo`, copied from `Tempo`.
pub type MigrateToV2<T> = VersionedMigration<
	1,
	2,
	v2::AddTempoToPools<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned step of `MigrateToV2`.
pub mod v2 {
	use super::*;
	use codec::{Decode, Encode};
	use dtao_math::substrate_fixed::types::U64F64;

	/// `BlockEmissionRecord` up to version 5 (the layout the pools of versions 1 to 5 hold).
	#[derive(Encode, Decode, Clone, Copy, Debug, Default, PartialEq)]
	pub struct BlockEmissionRecordV5 {
		/// `τ` of the block.
		pub tao_in: u64,
		/// `α_in` of the block.
		pub alpha_in: u64,
		/// `α_out` of the block.
		pub alpha_out: u64,
		/// `ra` of the block.
		pub root_alpha_sold: u64,
		/// `rt` of the block.
		pub root_tao_bought: u64,
		/// `ρ_n` of the block, in parts per billion.
		pub root_proportion_ppb: u32,
	}
	use polkadot_sdk::frame_support::{pallet_prelude::OptionQuery, storage_alias, Twox64Concat};

	/// `Pools` as version 2 reads it (the values of versions 1 and 2).
	#[storage_alias]
	pub(crate) type Pools<T: Config, V> = StorageMap<Pallet<T>, Twox64Concat, u16, V, OptionQuery>;

	/// `SubnetPool` at version 1: the same fields without `tempo`.
	#[derive(Encode, Decode, Clone, Debug, PartialEq)]
	pub struct SubnetPoolV1 {
		/// `T_n`.
		pub tao_reserve: u64,
		/// `A_n`.
		pub alpha_reserve: u64,
		/// `O_n`.
		pub alpha_outstanding: u64,
		/// Owner's alpha pending for the epoch.
		pub pending_owner_alpha: u64,
		/// Miners' alpha pending for the epoch.
		pub pending_miner_alpha: u64,
		/// Validators' alpha pending for the epoch.
		pub pending_validator_alpha: u64,
		/// Root TAO pending for the epoch.
		pub pending_root_tao: u64,
		/// `m_n`.
		pub moving_price: U64F64,
		/// Block of registration.
		pub registered_at: u64,
		/// Block of `start_call`.
		pub started_at: Option<u64>,
		/// The last block's record.
		pub last: BlockEmissionRecordV5,
		/// TAO traded through the pool.
		pub volume: u128,
	}

	/// `SubnetPool` at version 2: version 1's fields, then `tempo` (SCALE encodes a nested struct
	/// as its fields in order, so this is the flat layout).
	#[derive(Encode, Decode, Clone, Debug, PartialEq)]
	pub struct SubnetPoolV2 {
		/// Version 1's fields.
		pub v1: SubnetPoolV1,
		/// The subnet's tempo.
		pub tempo: u16,
	}

	impl SubnetPoolV1 {
		/// The version-2 value: these fields and `tempo`.
		pub fn with_tempo(self, tempo: u16) -> SubnetPoolV2 {
			SubnetPoolV2 { v1: self, tempo }
		}
	}

	/// Rewrites every pool with its subnet's `Tempo`. A value that does not decode in the old layout
	/// is dropped by `translate`; `pre_upgrade`/`post_upgrade` (try-runtime) count the pools to show
	/// that none was. One pass over the pools (at most `MaxSubnets`).
	pub struct AddTempoToPools<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddTempoToPools<T> {
		fn on_runtime_upgrade() -> Weight {
			let (scanned, _) = old_layout_check::<SubnetPoolV1>("Pools", Pools::<T, SubnetPoolV2>::final_prefix());
			let mut pools: u64 = 0;
			Pools::<T, SubnetPoolV2>::translate::<SubnetPoolV1, _>(|netuid, old| {
				pools = pools.saturating_add(1);
				Some(old.with_tempo(Tempo::<T>::get(netuid)))
			});
			T::DbWeight::get().reads_writes(pools.saturating_mul(2).saturating_add(scanned), pools)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			Ok((Pools::<T, SubnetPoolV1>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut state.as_slice()).map_err(|_| "pre_upgrade state")?;
			polkadot_sdk::frame_support::ensure!(
				Pools::<T, SubnetPoolV2>::iter_values().count() as u64 == before,
				"a pool did not decode in the version-1 layout"
			);
			Ok(())
		}
	}
}

/// Version 2 to 3: each pool counts its stake entries, each settlement its holders; `StakerCount`
/// is removed.
pub type MigrateToV3<T> = VersionedMigration<
	2,
	3,
	v3::CountStakersInPools<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned step of `MigrateToV3`.
pub mod v3 {
	use super::*;
	use crate::types::Settlement;
	use codec::{Decode, Encode};
	use polkadot_sdk::frame_support::{pallet_prelude::OptionQuery, storage_alias, Twox64Concat};
	use v2::SubnetPoolV2;

	/// `Dissolving` as version 3 reads it (the values of versions 2 and 3).
	#[storage_alias]
	pub(crate) type Dissolving<T: Config, V> = StorageMap<Pallet<T>, Twox64Concat, u16, V, OptionQuery>;

	/// `Settlement` up to version 2: the same fields without `holders`.
	#[derive(Encode, Decode, Clone, Debug, PartialEq)]
	pub struct SettlementV2<AccountId> {
		/// `P`: the pool's TAO.
		pub tao: u64,
		/// `I`: the subnet's alpha issuance.
		pub issuance: u64,
		/// `C`: alpha value of the holders paid so far.
		pub value_paid: u128,
		/// TAO paid to holders so far.
		pub paid: u64,
		/// Holders paid so far.
		pub holders_paid: u32,
		/// The owner refunded at the end.
		pub owner: Option<AccountId>,
		/// The lock it is refunded up to.
		pub lock: u64,
		/// Pending root TAO paid when the dissolution started.
		pub root_dividends: u64,
	}

	/// `SubnetPool` at version 3: version 2's fields, then the count of stake entries.
	#[derive(Encode, Decode, Clone, Debug, PartialEq)]
	pub struct SubnetPoolV3 {
		/// Version 2's fields.
		pub v2: SubnetPoolV2,
		/// Stake entries of the subnet.
		pub stakers: u32,
	}

	impl SubnetPoolV2 {
		/// The version-3 value: these fields and the count of stake entries.
		pub fn with_stakers(self, stakers: u32) -> SubnetPoolV3 {
			SubnetPoolV3 { v2: self, stakers }
		}
	}

	impl<AccountId> SettlementV2<AccountId> {
		/// The version-3 value: the holders to pay are those paid and those left.
		pub fn with_holders_left(self, left: u32) -> Settlement<AccountId> {
			Settlement {
				tao: self.tao,
				issuance: self.issuance,
				value_paid: self.value_paid,
				paid: self.paid,
				holders: self.holders_paid.saturating_add(left),
				holders_paid: self.holders_paid,
				owner: self.owner,
				lock: self.lock,
				root_dividends: self.root_dividends,
			}
		}
	}

	/// Moves each subnet's `StakerCount` into its pool, or into its settlement while it dissolves
	/// (the holders left), and clears `StakerCount` (root's count included: root never dissolves).
	/// One pass over the pools and settlements (at most `MaxSubnets` each).
	pub struct CountStakersInPools<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for CountStakersInPools<T> {
		fn on_runtime_upgrade() -> Weight {
			let (pools, _) = old_layout_check::<SubnetPoolV2>("Pools", v2::Pools::<T, SubnetPoolV3>::final_prefix());
			let (settlements, _) =
				old_layout_check::<SettlementV2<T::AccountId>>("Dissolving", crate::pallet::Dissolving::<T>::final_prefix());
			let mut items: u64 = 0;
			v2::Pools::<T, SubnetPoolV3>::translate::<SubnetPoolV2, _>(|netuid, old| {
				items = items.saturating_add(1);
				Some(old.with_stakers(v1::StakerCount::<T>::get(netuid)))
			});
			crate::pallet::Dissolving::<T>::translate::<SettlementV2<T::AccountId>, _>(|netuid, old| {
				items = items.saturating_add(1);
				Some(old.with_holders_left(v1::StakerCount::<T>::get(netuid)))
			});
			let counts = u64::from(v1::StakerCount::<T>::clear(u32::MAX, None).unique);
			let scanned = pools.saturating_add(settlements);
			T::DbWeight::get().reads_writes(items.saturating_mul(2).saturating_add(counts).saturating_add(scanned), items.saturating_add(counts))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			let pools = v2::Pools::<T, SubnetPoolV2>::iter_keys().count() as u64;
			let settlements = Dissolving::<T, SettlementV2<T::AccountId>>::iter_keys().count() as u64;
			Ok((pools, settlements).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let (pools, settlements) = <(u64, u64)>::decode(&mut state.as_slice()).map_err(|_| "pre_upgrade state")?;
			polkadot_sdk::frame_support::ensure!(
				v2::Pools::<T, SubnetPoolV3>::iter_values().count() as u64 == pools
					&& crate::pallet::Dissolving::<T>::iter_values().count() as u64 == settlements,
				"a value did not decode in the version-2 layout"
			);
			Ok(())
		}
	}
}

/// Version 3 to 4: each pool gains its block flow and flow EMA (`flow`, `flow_ema`), both 0: the
/// EMA starts from no flow, as a new subnet's does.
pub type MigrateToV4<T> = VersionedMigration<
	3,
	4,
	v4::AddFlowToPools<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned step of `MigrateToV4`.
pub mod v4 {
	use super::*;
	use codec::{Decode, Encode};
	use dtao_math::substrate_fixed::types::I64F64;
	use v3::SubnetPoolV3;

	/// `SubnetPool` at versions 4 and 5: version 3's fields, then the block's flow and its EMA.
	#[derive(Encode, Decode, Clone, Debug, PartialEq)]
	pub struct SubnetPoolV4 {
		/// Version 3's fields.
		pub v3: SubnetPoolV3,
		/// The block's net user TAO flow.
		pub flow: i64,
		/// The EMA of that flow.
		pub flow_ema: I64F64,
	}

	impl SubnetPoolV3 {
		/// The version-4 value: these fields, no flow in this block and a flow EMA of 0.
		pub fn with_flow(self) -> SubnetPoolV4 {
			SubnetPoolV4 { v3: self, flow: 0, flow_ema: I64F64::from_bits(0) }
		}
	}

	/// Rewrites every pool in the version-4 layout. One pass over the pools (at most `MaxSubnets`).
	pub struct AddFlowToPools<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddFlowToPools<T> {
		fn on_runtime_upgrade() -> Weight {
			let (scanned, _) = old_layout_check::<SubnetPoolV3>("Pools", v2::Pools::<T, SubnetPoolV4>::final_prefix());
			let mut pools: u64 = 0;
			v2::Pools::<T, SubnetPoolV4>::translate::<SubnetPoolV3, _>(|_, old| {
				pools = pools.saturating_add(1);
				Some(old.with_flow())
			});
			T::DbWeight::get().reads_writes(pools.saturating_add(scanned), pools)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			Ok((v2::Pools::<T, SubnetPoolV3>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut state.as_slice()).map_err(|_| "pre_upgrade state")?;
			polkadot_sdk::frame_support::ensure!(
				v2::Pools::<T, SubnetPoolV4>::iter_values().count() as u64 == before,
				"a pool did not decode in the version-3 layout"
			);
			Ok(())
		}
	}
}

/// Version 4 to 5: each hotkey's share pool gains an empty release schedule: every dividend paid
/// so far was paid at its epoch.
pub type MigrateToV5<T> = VersionedMigration<
	4,
	5,
	v5::AddVestingToStakePools<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned step of `MigrateToV5`.
pub mod v5 {
	use super::*;
	use crate::types::StakePool;
	use codec::{Decode, Encode, MaxEncodedLen};
	use scale_info::TypeInfo;

	/// `StakePool` up to version 4.
	#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
	pub struct StakePoolV4 {
		/// `H`: alpha held by the share pool.
		pub alpha: u64,
		/// `S`: shares outstanding.
		pub shares: u128,
	}

	impl StakePoolV4 {
		/// The version-5 value: these totals, nothing being released.
		pub fn without_vesting(self) -> StakePool {
			StakePool { alpha: self.alpha, shares: self.shares, ..Default::default() }
		}
	}

	/// Rewrites every share pool in the version-5 layout. One pass over `HotkeyStake`.
	pub struct AddVestingToStakePools<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddVestingToStakePools<T> {
		fn on_runtime_upgrade() -> Weight {
			let (scanned, _) = old_layout_check::<StakePoolV4>("HotkeyStake", crate::pallet::HotkeyStake::<T>::final_prefix());
			let mut pools: u64 = 0;
			crate::pallet::HotkeyStake::<T>::translate::<StakePoolV4, _>(|_, _, old| {
				pools = pools.saturating_add(1);
				Some(old.without_vesting())
			});
			T::DbWeight::get().reads_writes(pools.saturating_add(scanned), pools)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			Ok((crate::pallet::HotkeyStake::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut state.as_slice()).map_err(|_| "pre_upgrade state")?;
			polkadot_sdk::frame_support::ensure!(
				crate::pallet::HotkeyStake::<T>::iter_values().count() as u64 == before,
				"a share pool did not decode in the version-4 layout"
			);
			Ok(())
		}
	}
}

/// Version 5 to 6: each pool's block record gains `root_alpha_recycled`, 0 (no block recycled
/// root's alpha before the sell gate existed).
pub type MigrateToV6<T> = VersionedMigration<
	5,
	6,
	v6::AddRecycledToPools<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned step of `MigrateToV6`.
pub mod v6 {
	use super::*;
	use codec::{Decode, Encode};
	use v2::BlockEmissionRecordV5;
	use v4::SubnetPoolV4;

	/// `BlockEmissionRecord` at version 6.
	#[derive(Encode, Decode, Clone, Copy, Debug, Default, PartialEq)]
	pub struct BlockEmissionRecordV6 {
		/// Version 5's record.
		pub v5: BlockEmissionRecordV5,
		/// Root's alpha recycled in the block.
		pub root_alpha_recycled: u64,
	}

	/// `SubnetPool` at version 6 (the fields of versions 4 and 5 with the version-6 block record).
	#[derive(Encode, Decode, Clone, Debug, PartialEq)]
	pub struct SubnetPoolV6 {
		/// `T_n`.
		pub tao_reserve: u64,
		/// `A_n`.
		pub alpha_reserve: u64,
		/// `O_n`.
		pub alpha_outstanding: u64,
		/// Owner's alpha pending for the epoch.
		pub pending_owner_alpha: u64,
		/// Miners' alpha pending for the epoch.
		pub pending_miner_alpha: u64,
		/// Validators' alpha pending for the epoch.
		pub pending_validator_alpha: u64,
		/// Root TAO pending for the epoch.
		pub pending_root_tao: u64,
		/// `m_n`.
		pub moving_price: dtao_math::substrate_fixed::types::U64F64,
		/// Block of registration.
		pub registered_at: u64,
		/// Block of `start_call`.
		pub started_at: Option<u64>,
		/// The last block's record.
		pub last: BlockEmissionRecordV6,
		/// TAO traded through the pool.
		pub volume: u128,
		/// The subnet's tempo.
		pub tempo: u16,
		/// Stake entries of the subnet.
		pub stakers: u32,
		/// The block's net user TAO flow.
		pub flow: i64,
		/// The EMA of that flow.
		pub flow_ema: dtao_math::substrate_fixed::types::I64F64,
	}

	impl From<BlockEmissionRecordV5> for BlockEmissionRecordV6 {
		fn from(r: BlockEmissionRecordV5) -> Self {
			BlockEmissionRecordV6 { v5: r, root_alpha_recycled: 0 }
		}
	}

	impl SubnetPoolV4 {
		/// The version-6 value: these fields, the block record with nothing recycled.
		pub fn with_recycled(self) -> SubnetPoolV6 {
			let (v3, v2, v1) = (&self.v3, &self.v3.v2, &self.v3.v2.v1);
			SubnetPoolV6 {
				tao_reserve: v1.tao_reserve,
				alpha_reserve: v1.alpha_reserve,
				alpha_outstanding: v1.alpha_outstanding,
				pending_owner_alpha: v1.pending_owner_alpha,
				pending_miner_alpha: v1.pending_miner_alpha,
				pending_validator_alpha: v1.pending_validator_alpha,
				pending_root_tao: v1.pending_root_tao,
				moving_price: v1.moving_price,
				registered_at: v1.registered_at,
				started_at: v1.started_at,
				last: v1.last.into(),
				volume: v1.volume,
				tempo: v2.tempo,
				stakers: v3.stakers,
				flow: self.flow,
				flow_ema: self.flow_ema,
			}
		}
	}

	/// Rewrites every pool in the version-6 layout. One pass over the pools (at most `MaxSubnets`).
	pub struct AddRecycledToPools<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddRecycledToPools<T> {
		fn on_runtime_upgrade() -> Weight {
			let (scanned, _) = old_layout_check::<SubnetPoolV4>("Pools", v2::Pools::<T, SubnetPoolV6>::final_prefix());
			let mut pools: u64 = 0;
			v2::Pools::<T, SubnetPoolV6>::translate::<SubnetPoolV4, _>(|_, old| {
				pools = pools.saturating_add(1);
				Some(old.with_recycled())
			});
			T::DbWeight::get().reads_writes(pools.saturating_add(scanned), pools)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((v2::Pools::<T, SubnetPoolV4>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u64::decode(&mut state.as_slice()).map_err(|_| "pre_upgrade state")?;
			polkadot_sdk::frame_support::ensure!(
				v2::Pools::<T, SubnetPoolV6>::iter_values().count() as u64 == before,
				"a pool did not decode in the version-5 layout"
			);
			Ok(())
		}
	}
}

/// Version 6 to 7: each pool's block record gains `root_alpha_kept` and each pool
/// `pending_root_alpha`, both 0 (no root alpha was kept before `KeepAlpha` existed).
pub type MigrateToV7<T> = VersionedMigration<
	6,
	7,
	v7::AddKeptRootAlphaToPools<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned step of `MigrateToV7`.
pub mod v7 {
	use super::*;
	use crate::types::BlockEmissionRecord;
	use codec::{Decode, Encode};
	use dtao_math::substrate_fixed::types::{I64F64, U64F64};
	use v6::SubnetPoolV6;

	/// `SubnetPool` at versions 7 to 9: the current fields without `last_epoch`.
	#[derive(Encode, Decode, Clone, Debug, PartialEq)]
	pub struct SubnetPoolV7 {
		/// `T_n`.
		pub tao_reserve: u64,
		/// `A_n`.
		pub alpha_reserve: u64,
		/// `O_n`.
		pub alpha_outstanding: u64,
		/// Owner's alpha pending for the epoch.
		pub pending_owner_alpha: u64,
		/// Miners' alpha pending for the epoch.
		pub pending_miner_alpha: u64,
		/// Validators' alpha pending for the epoch.
		pub pending_validator_alpha: u64,
		/// Root TAO pending for the epoch.
		pub pending_root_tao: u64,
		/// `m_n`.
		pub moving_price: U64F64,
		/// Block of registration.
		pub registered_at: u64,
		/// Block of `start_call`.
		pub started_at: Option<u64>,
		/// The last block's record.
		pub last: BlockEmissionRecord,
		/// TAO traded through the pool.
		pub volume: u128,
		/// The subnet's tempo.
		pub tempo: u16,
		/// Stake entries of the subnet.
		pub stakers: u32,
		/// The block's net user TAO flow.
		pub flow: i64,
		/// The EMA of that flow.
		pub flow_ema: I64F64,
		/// Root's alpha kept for root stakers, until the next epoch.
		pub pending_root_alpha: u64,
	}

	impl SubnetPoolV6 {
		/// The version-7 value: these fields, nothing kept.
		pub fn with_kept(self) -> SubnetPoolV7 {
			let r = self.last;
			SubnetPoolV7 {
				tao_reserve: self.tao_reserve,
				alpha_reserve: self.alpha_reserve,
				alpha_outstanding: self.alpha_outstanding,
				pending_owner_alpha: self.pending_owner_alpha,
				pending_miner_alpha: self.pending_miner_alpha,
				pending_validator_alpha: self.pending_validator_alpha,
				pending_root_tao: self.pending_root_tao,
				moving_price: self.moving_price,
				registered_at: self.registered_at,
				started_at: self.started_at,
				last: BlockEmissionRecord {
					tao_in: r.v5.tao_in,
					alpha_in: r.v5.alpha_in,
					alpha_out: r.v5.alpha_out,
					root_alpha_sold: r.v5.root_alpha_sold,
					root_tao_bought: r.v5.root_tao_bought,
					root_proportion_ppb: r.v5.root_proportion_ppb,
					root_alpha_recycled: r.root_alpha_recycled,
					root_alpha_kept: 0,
				},
				volume: self.volume,
				tempo: self.tempo,
				stakers: self.stakers,
				flow: self.flow,
				flow_ema: self.flow_ema,
				pending_root_alpha: 0,
			}
		}
	}

	/// Rewrites every pool in the version-7 layout. One pass over the pools (at most `MaxSubnets`).
	pub struct AddKeptRootAlphaToPools<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddKeptRootAlphaToPools<T> {
		fn on_runtime_upgrade() -> Weight {
			let (scanned, _) = old_layout_check::<SubnetPoolV6>("Pools", crate::pallet::Pools::<T>::final_prefix());
			let mut pools: u64 = 0;
			v2::Pools::<T, SubnetPoolV7>::translate::<SubnetPoolV6, _>(|_, old| {
				pools = pools.saturating_add(1);
				Some(old.with_kept())
			});
			T::DbWeight::get().reads_writes(pools.saturating_add(scanned), pools)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((v2::Pools::<T, SubnetPoolV6>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u64::decode(&mut state.as_slice()).map_err(|_| "pre_upgrade state")?;
			polkadot_sdk::frame_support::ensure!(
				v2::Pools::<T, SubnetPoolV7>::iter_values().count() as u64 == before,
				"a pool did not decode in the version-6 layout"
			);
			Ok(())
		}
	}
}

/// Version 7 to 8: each root claim pool gains an empty release (`releasing` 0): what it was paid
/// was released at its epoch.
pub type MigrateToV8<T> = VersionedMigration<
	7,
	8,
	v8::AddReleaseToClaimPools<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned step of `MigrateToV8`.
pub mod v8 {
	use super::*;
	use codec::{Decode, Encode, MaxEncodedLen};
	use polkadot_sdk::frame_support::{pallet_prelude::OptionQuery, storage_alias, Blake2_128Concat, Twox64Concat};
	use scale_info::TypeInfo;

	/// `RootClaimPools` of versions 7 and 8: one value per (hotkey, netuid).
	#[storage_alias]
	pub(crate) type RootClaimPools<T: Config, V> =
		StorageDoubleMap<Pallet<T>, Blake2_128Concat, <T as frame_system::Config>::AccountId, Twox64Concat, u16, V, OptionQuery>;

	/// `RootClaimPool` at version 7.
	#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
	pub struct RootClaimPoolV7 {
		/// Alpha held for the root stakers.
		pub held: u64,
		/// Alpha paid per root share, scaled by 2^96.
		pub per_share: u128,
		/// Block of the last change.
		pub since: u64,
	}

	/// `RootClaimPool` at version 8: `since` is the block the pool was opened.
	#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
	pub struct RootClaimPoolV8 {
		/// Alpha held for the root stakers.
		pub held: u64,
		/// Alpha paid per root share, scaled by 2^96.
		pub per_share: u128,
		/// Block of the last change.
		pub since: u64,
		/// Alpha being released.
		pub releasing: u64,
		/// The block the release started.
		pub release_start: u64,
		/// Blocks the release lasts.
		pub release_blocks: u32,
		/// Alpha of the release folded into `per_share`.
		pub folded: u64,
	}

	impl RootClaimPoolV7 {
		/// The version-8 value: these fields, nothing being released.
		pub fn without_release(self) -> RootClaimPoolV8 {
			RootClaimPoolV8 { held: self.held, per_share: self.per_share, since: self.since, ..Default::default() }
		}
	}

	/// Rewrites every root claim pool in the version-8 layout. One pass over `RootClaimPools`.
	pub struct AddReleaseToClaimPools<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddReleaseToClaimPools<T> {
		fn on_runtime_upgrade() -> Weight {
			let (scanned, _) = old_layout_check::<RootClaimPoolV7>("RootClaimPools", RootClaimPools::<T, RootClaimPoolV7>::final_prefix());
			let mut pools: u64 = 0;
			RootClaimPools::<T, RootClaimPoolV8>::translate::<RootClaimPoolV7, _>(|_, _, old| {
				pools = pools.saturating_add(1);
				Some(old.without_release())
			});
			T::DbWeight::get().reads_writes(pools.saturating_add(scanned), pools)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			Ok((RootClaimPools::<T, RootClaimPoolV7>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut state.as_slice()).map_err(|_| "pre_upgrade state")?;
			polkadot_sdk::frame_support::ensure!(
				RootClaimPools::<T, RootClaimPoolV8>::iter_values().count() as u64 == before,
				"a claim pool did not decode in the version-7 layout"
			);
			Ok(())
		}
	}
}

/// Version 8 to 9: a hotkey's claim pools become one value (`ClaimPools`, numbered by `id`), and
/// a root staker's accounts with them another, so that a change of root stake reads and writes
/// one of each whatever the number of pools.
pub type MigrateToV9<T> = VersionedMigration<
	8,
	9,
	v9::OneValuePerHotkey<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned step of `MigrateToV9`.
pub mod v9 {
	use super::*;
	use crate::{ClaimPools, RootClaim, RootClaimPool};
	use alloc::{collections::BTreeMap, vec::Vec};
	use codec::{Decode, Encode, MaxEncodedLen};
	use polkadot_sdk::frame_support::{pallet_prelude::{NMapKey, OptionQuery}, storage_alias, Blake2_128Concat, Twox64Concat};
	use scale_info::TypeInfo;
	pub use super::v8::RootClaimPoolV8;
	pub(crate) use super::v8::RootClaimPools as OldRootClaimPools;

	/// `RootClaims` of versions 7 and 8: one account per (coldkey, hotkey, netuid).
	#[storage_alias]
	pub(crate) type OldRootClaims<T: Config> = StorageNMap<
		Pallet<T>,
		(
			NMapKey<Blake2_128Concat, <T as frame_system::Config>::AccountId>,
			NMapKey<Blake2_128Concat, <T as frame_system::Config>::AccountId>,
			NMapKey<Twox64Concat, u16>,
		),
		RootClaimV8,
		OptionQuery,
	>;

	/// `RootClaim` at versions 7 and 8: `since` names the pool by its opening block.
	#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen)]
	pub struct RootClaimV8 {
		/// The pool's `per_share` at the staker's last change.
		pub snapshot: u128,
		/// Alpha earned by then and not claimed.
		pub owed: u64,
		/// Block of the last change.
		pub since: u64,
	}

	/// One account of `OldRootClaims`: (coldkey, hotkey, netuid) and the account.
	type OldClaimEntry<T> = ((<T as frame_system::Config>::AccountId, <T as frame_system::Config>::AccountId, u16), RootClaimV8);

	/// Moves the pools and the accounts into the version-9 values. Pools are numbered from 0 in
	/// netuid order; an account is kept if its pool still exists (as the old code read it).
	pub struct OneValuePerHotkey<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for OneValuePerHotkey<T> {
		fn on_runtime_upgrade() -> Weight {
			let (pools_scanned, _) = old_layout_check::<RootClaimPoolV8>("RootClaimPools", OldRootClaimPools::<T, RootClaimPoolV8>::final_prefix());
			let (claims_scanned, _) = old_layout_check::<RootClaimV8>("RootClaims", OldRootClaims::<T>::final_prefix());
			let old_pools: Vec<(T::AccountId, u16, RootClaimPoolV8)> = OldRootClaimPools::<T, RootClaimPoolV8>::drain().collect();
			let old_claims: Vec<OldClaimEntry<T>> = OldRootClaims::<T>::drain().collect();
			let mut by_hotkey: BTreeMap<T::AccountId, ClaimPools<T::MaxRootClaimPools>> = BTreeMap::new();
			// (hotkey, netuid) -> (since, id)
			let mut ids: BTreeMap<(T::AccountId, u16), (u64, u64)> = BTreeMap::new();
			let mut sorted = old_pools;
			sorted.sort_by_key(|(_, netuid, _)| *netuid);
			for (hotkey, netuid, old) in sorted {
				let entry = by_hotkey.entry(hotkey.clone()).or_default();
				let id = entry.next_id;
				let pool = RootClaimPool {
					netuid,
					id,
					held: old.held,
					per_share: old.per_share,
					releasing: old.releasing,
					release_start: old.release_start,
					release_blocks: old.release_blocks,
					folded: old.folded,
					settled: None,
				};
				if entry.pools.try_push(pool).is_err() {
					log::error!(target: "runtime::dtao", "migration: a hotkey has more claim pools than MaxRootClaimPools; one is dropped");
					continue;
				}
				entry.next_id = id.saturating_add(1);
				ids.insert((hotkey, netuid), (old.since, id));
			}
			let written = by_hotkey.len() as u64;
			let mut counts: BTreeMap<u16, u32> = BTreeMap::new();
			for pools in by_hotkey.values() {
				for pool in pools.pools.iter() {
					let count = counts.entry(pool.netuid).or_insert(0);
					*count = count.saturating_add(1);
				}
			}
			for (netuid, count) in &counts {
				RootClaimPoolCount::<T>::insert(netuid, count);
			}
			for (hotkey, pools) in by_hotkey {
				RootClaimPools::<T>::insert(hotkey, pools);
			}
			let mut accounts: BTreeMap<(T::AccountId, T::AccountId), Vec<RootClaim>> = BTreeMap::new();
			for ((coldkey, hotkey, netuid), old) in old_claims {
				match ids.get(&(hotkey.clone(), netuid)) {
					Some((since, id)) if *since == old.since => {
						accounts.entry((coldkey, hotkey)).or_default().push(RootClaim { id: *id, snapshot: old.snapshot, owed: old.owed });
					},
					_ => {},
				}
			}
			let accounts_written = accounts.len() as u64;
			for ((coldkey, hotkey), list) in accounts {
				// At most one account per pool of the hotkey.
				if let Ok(list) = crate::claims::AccountsOf::<T>::try_from(list) {
					RootClaims::<T>::insert(coldkey, hotkey, list);
				}
			}
			T::DbWeight::get().reads_writes(
				pools_scanned.saturating_add(claims_scanned),
				pools_scanned
					.saturating_add(claims_scanned)
					.saturating_add(written)
					.saturating_add(accounts_written)
					.saturating_add(counts.len() as u64),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			let held: u128 = OldRootClaimPools::<T, RootClaimPoolV8>::iter_values().map(|p| u128::from(p.held)).sum();
			Ok(held.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let before = u128::decode(&mut state.as_slice()).map_err(|_| "pre_upgrade state")?;
			let after: u128 = RootClaimPools::<T>::iter_values().flat_map(|c| c.pools.into_iter()).map(|p| u128::from(p.held)).sum();
			polkadot_sdk::frame_support::ensure!(before == after, "the claim pools hold other alpha after the migration");
			Pallet::<T>::do_try_state()
		}
	}
}

/// Version 9 to 10: each pool gains `last_epoch`, its subnet's `LastEpochBlock` (0 before its
/// first epoch).
pub type MigrateToV10<T> = VersionedMigration<
	9,
	10,
	v10::AddLastEpochToPools<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned step of `MigrateToV10`.
pub mod v10 {
	use super::*;
	use crate::types::SubnetPool;
	use v7::SubnetPoolV7;

	impl SubnetPoolV7 {
		/// The version-10 value: these fields and the subnet's last epoch block.
		pub fn with_last_epoch(self, last_epoch: u64) -> SubnetPool {
			SubnetPool {
				tao_reserve: self.tao_reserve,
				alpha_reserve: self.alpha_reserve,
				alpha_outstanding: self.alpha_outstanding,
				pending_owner_alpha: self.pending_owner_alpha,
				pending_miner_alpha: self.pending_miner_alpha,
				pending_validator_alpha: self.pending_validator_alpha,
				pending_root_tao: self.pending_root_tao,
				moving_price: self.moving_price,
				registered_at: self.registered_at,
				started_at: self.started_at,
				last: self.last,
				volume: self.volume,
				tempo: self.tempo,
				stakers: self.stakers,
				flow: self.flow,
				flow_ema: self.flow_ema,
				pending_root_alpha: self.pending_root_alpha,
				last_epoch,
			}
		}
	}

	/// Rewrites every pool in the version-10 layout. One pass over the pools (at most
	/// `MaxSubnets`), reading each subnet's `LastEpochBlock`.
	pub struct AddLastEpochToPools<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddLastEpochToPools<T> {
		fn on_runtime_upgrade() -> Weight {
			let (scanned, _) = old_layout_check::<SubnetPoolV7>("Pools", crate::pallet::Pools::<T>::final_prefix());
			let mut pools: u64 = 0;
			crate::pallet::Pools::<T>::translate::<SubnetPoolV7, _>(|netuid, old| {
				pools = pools.saturating_add(1);
				Some(old.with_last_epoch(LastEpochBlock::<T>::get(netuid)))
			});
			T::DbWeight::get().reads_writes(pools.saturating_mul(2).saturating_add(scanned), pools)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((v2::Pools::<T, SubnetPoolV7>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u64::decode(&mut state.as_slice()).map_err(|_| "pre_upgrade state")?;
			polkadot_sdk::frame_support::ensure!(
				crate::pallet::Pools::<T>::iter_values().count() as u64 == before,
				"a pool did not decode in the version-7 layout"
			);
			Ok(())
		}
	}
}
