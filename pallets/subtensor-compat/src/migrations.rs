//! Storage migrations of `SubtensorModule`.
//!
//! The pallet mirrors part of `Dtao`'s state (subnets, their owners, registration blocks and
//! burns, hotkey owners) as `Dtao`'s calls change it. A chain that ran `Dtao` before this pallet
//! was added has `Dtao` state and empty mirrors; [`FillMirrorsIfMissing`] fills them, so that the
//! client reads the chain's real subnets and hotkeys and `try_state` holds from the first block.
//!
//! It is not a versioned migration: FRAME gives a pallet that joins a running chain with no
//! storage of its own its current storage version before any migration runs, so a migration from
//! version 0 would never run there. It checks the mirror instead: root is always in
//! `NetworksAdded` once the mirrors are filled (genesis or this migration), so an upgrade of a
//! chain that has them costs one read.

use crate::pallet::*;
use polkadot_sdk::frame_support::{
	migrations::VersionedMigration,
	traits::{Get, OnRuntimeUpgrade, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Fills the mirrors from `Dtao` when root is missing from `NetworksAdded` (the pallet joined a
/// running chain, or its storage was removed), and puts the current storage version.
pub struct FillMirrorsIfMissing<T>(core::marker::PhantomData<T>);

impl<T: Config> FillMirrorsIfMissing<T> {
	/// Fill the mirrors: root and every subnet with a pool in `NetworksAdded` and
	/// `MechanismCountCurrent`, each subnet's `SubnetOwner`, `NetworkRegisteredAt` and `Burn`, and
	/// every hotkey of `Dtao`'s `HotkeyOwner` in `Owner` and once in its owner's `OwnedHotkeys`;
	/// then the items of versions 2 and 3 ([`fill_v2`], [`fill_v3`]). It writes what is missing and corrects what
	/// differs, so it is right on mirrors already (partly) filled too. One pass over the subnets (at
	/// most `MaxSubnets`) and one over the hotkeys. Returns the entries read and written.
	pub fn fill() -> (u64, u64) {
		let (mut reads, mut writes): (u64, u64) = (0, 0);
		NetworksAdded::<T>::insert(pallet_dtao::ROOT_NETUID, true);
		MechanismCountCurrent::<T>::insert(pallet_dtao::ROOT_NETUID, 1);
		TokenSymbol::<T>::insert(pallet_dtao::ROOT_NETUID, crate::info::token_symbol_bytes(pallet_dtao::ROOT_NETUID));
		writes = writes.saturating_add(3);
		for (netuid, pool) in pallet_dtao::Pools::<T>::iter() {
			reads = reads.saturating_add(3);
			NetworksAdded::<T>::insert(netuid, true);
			MechanismCountCurrent::<T>::insert(netuid, 1);
			TokenSymbol::<T>::insert(netuid, crate::info::token_symbol_bytes(netuid));
			NetworkRegisteredAt::<T>::insert(netuid, pool.registered_at);
			Burn::<T>::insert(netuid, pallet_dtao::Burn::<T>::get(netuid));
			if let Some(owner) = pallet_dtao::SubnetOwner::<T>::get(netuid) {
				SubnetOwner::<T>::insert(netuid, owner);
			}
			writes = writes.saturating_add(6);
		}
		for (hotkey, coldkey) in pallet_dtao::HotkeyOwner::<T>::iter() {
			reads = reads.saturating_add(3);
			if Owner::<T>::contains_key(&hotkey) && Owner::<T>::get(&hotkey) == coldkey {
				continue;
			}
			Owner::<T>::insert(&hotkey, &coldkey);
			if !OwnedHotkeys::<T>::get(&coldkey).contains(&hotkey) {
				OwnedHotkeys::<T>::append(&coldkey, &hotkey);
			}
			writes = writes.saturating_add(2);
		}
		let (r2, w2) = fill_v2::<T>();
		let (r3, w3) = fill_v3::<T>();
		(reads.saturating_add(r2).saturating_add(r3), writes.saturating_add(w2).saturating_add(w3))
	}
}

/// Fill the mirrors of version 2 from `Dtao`: each subnet's `Tempo`, `LastEpochBlock`, `SubnetLocked`,
/// `SubnetworkN` and `LastUpdate`, and each neuron's `Uids` and `IsNetworkMember` entries. One pass
/// over the subnets and one over the neurons (at most `MaxSubnets` × `MaxNeuronsLimit`). Returns
/// the entries read and written.
pub fn fill_v2<T: Config>() -> (u64, u64) {
	let (mut reads, mut writes): (u64, u64) = (0, 0);
	for (netuid, tempo) in pallet_dtao::Tempo::<T>::iter() {
		Tempo::<T>::insert(netuid, tempo);
		reads = reads.saturating_add(1);
		writes = writes.saturating_add(1);
	}
	for (netuid, block) in pallet_dtao::LastEpochBlock::<T>::iter() {
		LastEpochBlock::<T>::insert(netuid, block);
		reads = reads.saturating_add(1);
		writes = writes.saturating_add(1);
	}
	for (netuid, locked) in pallet_dtao::SubnetLocked::<T>::iter() {
		SubnetLocked::<T>::insert(netuid, locked);
		reads = reads.saturating_add(1);
		writes = writes.saturating_add(1);
	}
	for (netuid, count) in pallet_dtao::NeuronCount::<T>::iter() {
		SubnetworkN::<T>::insert(netuid, count);
		LastUpdate::<T>::insert(netuid, pallet_dtao::LastUpdate::<T>::get(netuid));
		reads = reads.saturating_add(2);
		writes = writes.saturating_add(2);
	}
	for (netuid, hotkey, uid) in pallet_dtao::Uids::<T>::iter() {
		Uids::<T>::insert(netuid, &hotkey, uid);
		IsNetworkMember::<T>::insert(&hotkey, netuid, true);
		reads = reads.saturating_add(1);
		writes = writes.saturating_add(2);
	}
	(reads, writes)
}

/// Version 1 to 2: fill the new mirrors (`Uids`, `SubnetworkN`, `IsNetworkMember`, `LastUpdate`,
/// `Tempo`, `LastEpochBlock`, `SubnetLocked`) from `Dtao`. The other new items are written only by `serve_axon`
/// (`Axons`) or never (the fixed rules read as defaults).
pub type MigrateToV2<T> =
	VersionedMigration<1, 2, v2::FillNeuronMirrors<T>, Pallet<T>, <T as polkadot_sdk::frame_system::Config>::DbWeight>;

/// Fill the mirror of version 3 from `Dtao`: each subnet's `BlocksSinceLastStep`, the blocks since
/// its last epoch or, before its first, since its registration (from its pool). A
/// runtime upgrade runs before the block is initialized: the block number is still the parent's,
/// whose hook counted it, and this block's hook counts the next. One pass over the subnets.
/// Returns the entries read and written.
pub fn fill_v3<T: Config>() -> (u64, u64) {
	let (mut reads, mut writes): (u64, u64) = (0, 0);
	let now = pallet_dtao::Pallet::<T>::now();
	for (netuid, pool) in pallet_dtao::Pools::<T>::iter() {
		BlocksSinceLastStep::<T>::insert(netuid, pool.blocks_since_epoch(now));
		reads = reads.saturating_add(1);
		writes = writes.saturating_add(1);
	}
	(reads, writes)
}

/// Version 2 to 3: fill `BlocksSinceLastStep` from `Dtao` ([`fill_v3`]).
pub type MigrateToV3<T> =
	VersionedMigration<2, 3, v3::FillBlocksSinceLastStep<T>, Pallet<T>, <T as polkadot_sdk::frame_system::Config>::DbWeight>;

/// The unversioned step of [`MigrateToV3`].
pub mod v3 {
	use super::*;

	/// Fills `BlocksSinceLastStep` ([`fill_v3`]).
	pub struct FillBlocksSinceLastStep<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for FillBlocksSinceLastStep<T> {
		fn on_runtime_upgrade() -> Weight {
			let (reads, writes) = fill_v3::<T>();
			T::DbWeight::get().reads_writes(reads, writes)
		}
	}
}

/// The unversioned step of [`MigrateToV2`].
pub mod v2 {
	use super::*;

	/// Fills the mirrors of version 2 ([`fill_v2`]).
	pub struct FillNeuronMirrors<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for FillNeuronMirrors<T> {
		fn on_runtime_upgrade() -> Weight {
			let (reads, writes) = fill_v2::<T>();
			T::DbWeight::get().reads_writes(reads, writes)
		}
	}
}

impl<T: Config> OnRuntimeUpgrade for FillMirrorsIfMissing<T> {
	fn on_runtime_upgrade() -> Weight {
		if NetworksAdded::<T>::contains_key(pallet_dtao::ROOT_NETUID) {
			return T::DbWeight::get().reads(1);
		}
		let (reads, writes) = Self::fill();
		// Every item is now in the current layout. FRAME gives a pallet without storage its
		// current version before the migrations, but not one that some item was written to
		// meanwhile (the block hook's `LastEpochBlock`, say, after the items were removed).
		STORAGE_VERSION.put::<Pallet<T>>();
		T::DbWeight::get().reads_writes(reads.saturating_add(1), writes.saturating_add(1))
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		Pallet::<T>::do_try_state()
	}
}
