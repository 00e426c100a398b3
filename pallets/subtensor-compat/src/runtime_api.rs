//! The runtime APIs btcli calls, under the reference chain's names and parameter names (the client
//! passes some parameters by name). Implemented in the runtime by the adapters of [`crate::info`].

use crate::{
	info::{DynamicInfo, Hyperparameter, Metagraph, NeuronInfoLite, SimSwapResult, StakeInfo, SubnetPrice, SubnetState},
	pallet::LockState,
};
use alloc::vec::Vec;
use codec::Codec;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Subnets: pools, emission and metagraphs.
	pub trait SubnetInfoRuntimeApi<AccountId> where AccountId: Codec {
		/// One subnet (0 is root); `None` if it does not exist.
		fn get_dynamic_info(netuid: u16) -> Option<DynamicInfo<AccountId>>;
		/// Root and every subnet, in netuid order.
		fn get_all_dynamic_info() -> Vec<Option<DynamicInfo<AccountId>>>;
		/// `get_mechagraph(netuid, 0)`.
		fn get_metagraph(netuid: u16) -> Option<Metagraph<AccountId>>;
		/// A subnet's metagraph; this chain has one mechanism per subnet (`mecid` 0).
		fn get_mechagraph(netuid: u16, mecid: u8) -> Option<Metagraph<AccountId>>;
		/// A subnet's neurons; for root, the hotkeys holding root stake.
		fn get_subnet_state(netuid: u16) -> Option<SubnetState<AccountId>>;
		/// The first block after the current one at which the subnet's epoch runs; `None` for root,
		/// unknown subnets and a tempo of 0.
		fn get_next_epoch_start_block(netuid: u16) -> Option<u64>;
		/// A subnet's parameters by name; `None` for root and unknown subnets.
		fn get_subnet_hyperparams_v3(netuid: u16) -> Option<Vec<Hyperparameter>>;
	}

	/// Neurons.
	pub trait NeuronInfoRuntimeApi<AccountId> where AccountId: Codec {
		/// A subnet's neurons in uid order, without weights and bonds (empty for root and unknown
		/// subnets).
		fn get_neurons_lite(netuid: u16) -> Vec<NeuronInfoLite<AccountId>>;
		/// One neuron; `None` if the uid does not exist.
		fn get_neuron_lite(netuid: u16, uid: u16) -> Option<NeuronInfoLite<AccountId>>;
	}

	/// Stake positions.
	pub trait StakeInfoRuntimeApi<AccountId> where AccountId: Codec {
		/// Every position of a coldkey.
		fn get_stake_info_for_coldkey(coldkey_account: AccountId) -> Vec<StakeInfo<AccountId>>;
		/// Every position of each coldkey.
		fn get_stake_info_for_coldkeys(coldkey_accounts: Vec<AccountId>) -> Vec<(AccountId, Vec<StakeInfo<AccountId>>)>;
		/// One position (a stake of 0 where there is none).
		fn get_stake_info_for_hotkey_coldkey_netuid(hotkey_account: AccountId, coldkey_account: AccountId, netuid: u16) -> Option<StakeInfo<AccountId>>;
		/// A coldkey's stake lock on a subnet: always `None` (no locks).
		fn get_coldkey_lock(coldkey: AccountId, netuid: u16) -> Option<LockState>;
	}

	/// Subnet registration.
	pub trait SubnetRegistrationRuntimeApi {
		/// The lock a `register_network` made now would cost (`DtaoApi.network_registration_cost`).
		fn get_network_registration_cost() -> u64;
	}

	/// Prices and swap quotes.
	pub trait SwapRuntimeApi {
		/// Spot price of a subnet, rao per alpha (root: 10^9).
		fn current_alpha_price(netuid: u16) -> u64;
		/// Spot prices of root and every subnet.
		fn current_alpha_price_all() -> Vec<SubnetPrice>;
		/// What staking `tao` into `netuid` would buy now.
		fn sim_swap_tao_for_alpha(netuid: u16, tao: u64) -> SimSwapResult;
		/// What selling `alpha` of `netuid` would pay now.
		fn sim_swap_alpha_for_tao(netuid: u16, alpha: u64) -> SimSwapResult;
	}
}
