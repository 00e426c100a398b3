//! Neurons and takes (docs/mechanism.md §7).

use crate::{pallet::*, ROOT_NETUID};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::DispatchResult},
	sp_runtime::Perbill,
};

/// Write `value` at index `uid` of a per-uid vector, extending it with defaults if it is shorter.
pub(crate) fn set_at<V: Clone + Default>(v: &mut alloc::vec::Vec<V>, uid: u16, value: V) {
	let i = usize::from(uid);
	if v.len() <= i {
		v.resize(i.saturating_add(1), V::default());
	}
	if let Some(slot) = v.get_mut(i) {
		*slot = value;
	}
}

impl<T: Config> Pallet<T> {
	/// Give `hotkey` the next uid of `netuid` (checks done by the caller).
	pub(crate) fn append_neuron(netuid: u16, hotkey: T::AccountId) {
		let uid = NeuronCount::<T>::get(netuid);
		let now = Self::now();
		Neurons::<T>::insert(netuid, uid, &hotkey);
		Uids::<T>::insert(netuid, &hotkey, uid);
		NeuronCount::<T>::insert(netuid, uid.saturating_add(1));
		// Yuma state (docs/yuma.md §8): registered now, counted as updated now, no permit yet.
		BlockAtRegistration::<T>::insert(netuid, uid, now);
		LastUpdate::<T>::mutate(netuid, |v| set_at(v, uid, now));
		ValidatorPermit::<T>::mutate(netuid, |v| set_at(v, uid, false));
		Bonds::<T>::remove(netuid, uid);
		Weights::<T>::remove(netuid, uid);
		<T::Observer as crate::DtaoObserver<T::AccountId>>::neuron_registered(netuid, uid, &hotkey);
		Self::deposit_event(Event::NeuronRegistered { netuid, uid, hotkey });
	}

	pub(crate) fn do_burned_register(coldkey: T::AccountId, netuid: u16, hotkey: T::AccountId) -> DispatchResult {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RootSubnetNotAllowed);
		ensure!(Pools::<T>::contains_key(netuid), Error::<T>::SubnetNotFound);
		if let Some(owner) = HotkeyOwner::<T>::get(&hotkey) {
			ensure!(owner == coldkey, Error::<T>::NotHotkeyOwner);
		}
		ensure!(!Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::HotkeyAlreadyRegistered);
		let count = NeuronCount::<T>::get(netuid);
		ensure!(count < MaxNeurons::<T>::get(netuid), Error::<T>::SubnetFull);
		let burn = Burn::<T>::get(netuid);
		ensure!(Self::free_balance(&coldkey) >= burn, Error::<T>::InsufficientBalance);
		if burn > 0 {
			Self::burn_tao(&coldkey, burn)?;
		}
		HotkeyOwner::<T>::insert(&hotkey, &coldkey);
		<T::Observer as crate::DtaoObserver<T::AccountId>>::hotkey_owned(&hotkey, &coldkey);
		Self::append_neuron(netuid, hotkey);
		Ok(())
	}

	pub(crate) fn do_set_take(coldkey: T::AccountId, hotkey: T::AccountId, take: Perbill) -> DispatchResult {
		let owner = HotkeyOwner::<T>::get(&hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		ensure!(owner == coldkey, Error::<T>::NotHotkeyOwner);
		ensure!(take <= MaxTake::<T>::get(), Error::<T>::TakeTooHigh);
		let now = Self::now();
		if take > HotkeyTake::<T>::get(&hotkey) {
			if let Some(last) = LastTakeChange::<T>::get(&hotkey) {
				ensure!(now >= last.saturating_add(TakeRateLimit::<T>::get()), Error::<T>::TakeRateLimitExceeded);
			}
		}
		HotkeyTake::<T>::insert(&hotkey, take);
		LastTakeChange::<T>::insert(&hotkey, now);
		Self::deposit_event(Event::TakeSet { hotkey, take });
		Ok(())
	}
}
