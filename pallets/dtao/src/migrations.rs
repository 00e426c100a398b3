//! Storage migrations. The pallet's `StorageVersion` says which layout a chain's state has; each
//! migration moves it one version up, runs once (`VersionedMigration` checks the on-chain version
//! and writes the next) and is listed in the runtime's `Migrations`. A chain built from genesis
//! starts at the current version and runs none.
//!
//! Version history:
//! - 0: stakes in `StakeShares` only.
//! - 1: `StakeIndex` (the stakes by coldkey) and `StakerCount` (stake entries per subnet), kept by
//!   the code that writes `StakeShares`.

use crate::pallet::*;
use polkadot_sdk::{
	frame_support::{
		migrations::VersionedMigration,
		traits::{Get, StorageVersion, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	},
	frame_system,
};

/// The layout this code reads and writes.
pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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
			Pallet::<T>::do_try_state()
		}
	}
}
