//! What another pallet may mirror of this one's state: a compatibility layer that keeps storage
//! items of its own under other names (the `SubtensorModule` pallet of the dev runtime) is told of
//! each change by the code that makes it, so the copies never lag or drift.

/// Called by the pallet in the same call (or block hook) that changes what it reports. Each
/// method's default does nothing; `()` implements none.
pub trait DtaoObserver<AccountId> {
	/// A subnet was registered as `netuid`, with `burn` its neuron registration burn.
	fn network_added(_netuid: u16, _burn: u64) {}
	/// A subnet was closed (dissolved or pruned); its netuid no longer exists.
	fn network_removed(_netuid: u16) {}
	/// `hotkey` is owned by `coldkey` (written at each registration naming it; an owner never
	/// changes).
	fn hotkey_owned(_hotkey: &AccountId, _coldkey: &AccountId) {}
	/// The subnet's `Burn` was set to `burn`.
	fn burn_set(_netuid: u16, _burn: u64) {}
	/// `hotkey` became neuron `uid` of `netuid` in the current block (uids are given in order:
	/// `uid` is the subnet's neuron count less one).
	fn neuron_registered(_netuid: u16, _uid: u16, _hotkey: &AccountId) {}
	/// Neuron `uid` of `netuid` set its weights in the current block.
	fn weights_set(_netuid: u16, _uid: u16) {}
	/// The subnet's `Tempo` was set to `tempo` by root (a new subnet's is reported with
	/// [`DtaoObserver::network_added`]).
	fn tempo_set(_netuid: u16, _tempo: u16) {}
	/// The subnet's epoch ran at `block` (its `LastEpochBlock`).
	fn epoch_ran(_netuid: u16, _block: u64) {}
	/// A block's hook reached the subnet `netuid`, `blocks_since_epoch` blocks after its last epoch
	/// (or its registration, before the first): called for every subnet, once per block, as the
	/// coinbase starts and before the block's epochs (so an epoch of this block is reported after
	/// it).
	fn subnet_block(_netuid: u16, _blocks_since_epoch: u64) {}
}

impl<AccountId> DtaoObserver<AccountId> for () {}
