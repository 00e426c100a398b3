//! `DtaoApi`: what a client needs to read the mechanism without decoding storage (docs/runtime-api.md). The structs are defined in `pallet-dtao` and carry type information, so
//! `@polkadot/api` decodes `api.call.dtaoApi.*` from metadata V15+ without custom types.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_dtao::api::{Metagraph, MetagraphNeuron, MoveOutcome, MoveRequest, StakeInfo, SubnetInfo, SwapQuote};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Subnets, quotes and stake positions of the dynamic TAO pallet. Version 2 adds
	/// `quote_remove_stake_for`, version 3 `root_claimable`, version 4 `root_claimable_tao`, version 5
	/// `quote_move_stake` (the runtime implements version 5).
	#[api_version(2)]
	pub trait DtaoApi<AccountId> where AccountId: Codec {
		/// One subnet (`0` is root); `None` if it does not exist.
		fn subnet_info(netuid: u16) -> Option<SubnetInfo<AccountId>>;
		/// Root and every registered subnet, in netuid order.
		fn all_subnets() -> Vec<SubnetInfo<AccountId>>;
		/// Exactly what `add_stake(_, netuid, tao)` would do in the current state; `None` if the
		/// subnet does not exist or the pool cannot fill it.
		fn quote_add_stake(netuid: u16, tao: u64) -> Option<SwapQuote>;
		/// What selling `alpha` of `netuid` would pay in the current state, for any position;
		/// `None` below `MinStake` (`quote_remove_stake_for` knows whether that is a whole stake).
		fn quote_remove_stake(netuid: u16, alpha: u64) -> Option<SwapQuote>;
		/// Exactly what `remove_stake(hotkey, netuid, alpha)` signed by `coldkey` would do now (the
		/// call's own code, rolled back); `None` where the call would fail.
		#[api_version(2)]
		fn quote_remove_stake_for(coldkey: AccountId, hotkey: AccountId, netuid: u16, alpha: u64) -> Option<SwapQuote>;
		/// Every stake position of `coldkey`.
		fn stake_info(coldkey: AccountId) -> Vec<StakeInfo<AccountId>>;
		/// The lock a `register_network` made now would cost.
		fn network_registration_cost() -> u64;
		/// The neurons of `netuid` with their stakes, permits, activity, last epoch's Yuma
		/// outputs, weights, bonds and payments, and the subnet's Yuma hyperparameters; `None` for
		/// root and unknown subnets.
		fn metagraph(netuid: u16) -> Option<Metagraph<AccountId>>;
		/// What `coldkey` can claim now (`claim_root`) of root's kept alpha of `netuid`
		/// (`KeepAlpha`) through its root stake on `hotkey`, in alpha.
		#[api_version(3)]
		fn root_claimable(coldkey: AccountId, hotkey: AccountId, netuid: u16) -> u64;
		/// What `coldkey` can claim now (`claim_root`), in TAO, of root's kept alpha of dissolved
		/// subnets that had netuid `netuid`, through its root stake on `hotkey` (a dissolution
		/// values the claim pools' alpha with the subnet's stakers).
		#[api_version(4)]
		fn root_claimable_tao(coldkey: AccountId, hotkey: AccountId, netuid: u16) -> u64;
		/// Exactly what the move `request` would do now: `move_stake`, `swap_stake`,
		/// `transfer_stake` or, with a `limit`, their `_limit` forms signed by its
		/// `origin_coldkey` (the call's own code, rolled back). `None` where the call would fail.
		#[api_version(5)]
		fn quote_move_stake(request: MoveRequest<AccountId>) -> Option<MoveOutcome>;
	}
}
