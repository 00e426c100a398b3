//! What another pallet may ask of `Dtao` besides its calls. The compatibility pallet
//! (`SubtensorModule`, the btcli surface) registers subnets and moves stake through
//! [`DtaoInterface`], so that it depends on these few operations and their weights, not on this
//! pallet's internal functions.

use crate::{
	pallet::*,
	staking::{MoveKind, MoveOutcome, MoveRequest},
};
use alloc::vec::Vec;
use polkadot_sdk::{frame_support::weights::Weight, sp_runtime::DispatchError};

/// Operations of `Dtao` for other pallets, each with the checks, events and rounding of the call it
/// belongs to.
pub trait DtaoInterface<AccountId> {
	/// `register_network` by `coldkey` with `hotkey`: the new netuid, and the neurons and holders of
	/// the subnet it pruned to make room, if it pruned one.
	fn register_network(coldkey: AccountId, hotkey: AccountId) -> Result<(u16, Option<(u32, u32)>), DispatchError>;
	/// The weight of a registration that pruned a subnet of these neurons and holders (or none).
	fn register_network_weight(pruned: Option<(u32, u32)>) -> Weight;
	/// A move of stake, as `move_stake`, `swap_stake` or `transfer_stake` (by `kind`), or their
	/// `_limit` forms (by the request's `limit`), execute it.
	fn move_stake(kind: MoveKind, request: MoveRequest<AccountId>) -> Result<MoveOutcome, DispatchError>;
	/// What `coldkey`'s stake on `hotkey` on `netuid` is worth now, in alpha.
	fn stake_value(hotkey: &AccountId, coldkey: &AccountId, netuid: u16) -> u64;
	/// The netuids on which `coldkey` holds stake on `hotkey` (root included), ascending.
	fn staked_netuids(coldkey: &AccountId, hotkey: &AccountId) -> Vec<u16>;
	/// The weight of the root-claim bookkeeping of a call that changes stake on these netuids.
	fn root_claims_weight(netuids: &[u16]) -> Weight;
}

impl<T: Config> DtaoInterface<T::AccountId> for Pallet<T> {
	fn register_network(coldkey: T::AccountId, hotkey: T::AccountId) -> Result<(u16, Option<(u32, u32)>), DispatchError> {
		Self::do_register_network(coldkey, hotkey)
	}

	fn register_network_weight(pruned: Option<(u32, u32)>) -> Weight {
		Self::register_network_weight(pruned)
	}

	fn move_stake(kind: MoveKind, request: MoveRequest<T::AccountId>) -> Result<MoveOutcome, DispatchError> {
		Self::do_move(kind, request)
	}

	fn stake_value(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: u16) -> u64 {
		Self::stake_value(hotkey, coldkey, netuid)
	}

	fn staked_netuids(coldkey: &T::AccountId, hotkey: &T::AccountId) -> Vec<u16> {
		let mut netuids: Vec<u16> = StakeIndex::<T>::iter_key_prefix((coldkey.clone(), hotkey.clone())).collect();
		netuids.sort_unstable();
		netuids
	}

	fn root_claims_weight(netuids: &[u16]) -> Weight {
		Self::root_claims_weight(netuids)
	}
}
