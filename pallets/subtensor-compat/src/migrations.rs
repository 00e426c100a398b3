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
	traits::{Get, OnRuntimeUpgrade},
	weights::Weight,
};

/// Fills the mirrors from `Dtao` when root is missing from `NetworksAdded` (the pallet joined a
/// running chain, or its storage was removed).
pub struct FillMirrorsIfMissing<T>(core::marker::PhantomData<T>);

impl<T: Config> FillMirrorsIfMissing<T> {
	/// Fill the mirrors: root and every subnet with a pool in `NetworksAdded` and
	/// `MechanismCountCurrent`, each subnet's `SubnetOwner`, `NetworkRegisteredAt` and `Burn`, and
	/// every hotkey of `Dtao`'s `HotkeyOwner` in `Owner` and once in its owner's `OwnedHotkeys`. It
	/// writes what is missing and corrects what differs, so it is right on mirrors already (partly)
	/// filled too. One pass over the subnets (at most `MaxSubnets`) and one over the hotkeys.
	/// Returns the entries read and written.
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
		(reads, writes)
	}
}

impl<T: Config> OnRuntimeUpgrade for FillMirrorsIfMissing<T> {
	fn on_runtime_upgrade() -> Weight {
		if NetworksAdded::<T>::contains_key(pallet_dtao::ROOT_NETUID) {
			return T::DbWeight::get().reads(1);
		}
		let (reads, writes) = Self::fill();
		T::DbWeight::get().reads_writes(reads.saturating_add(1), writes)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_state: alloc::vec::Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		Pallet::<T>::do_try_state()
	}
}
