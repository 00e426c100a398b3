//! A genesis economy (`GenesisConfig::economy`): calls applied at genesis through their own code.

use crate::{pallet::*, GenesisAction};
use polkadot_sdk::sp_runtime::{DispatchError, Perbill};

impl<T: Config> Pallet<T> {
	/// Apply one genesis step as the call would (same checks, same errors).
	pub(crate) fn apply_genesis_action(action: GenesisAction<T::AccountId>) -> Result<(), DispatchError> {
		match action {
			GenesisAction::RegisterNetwork { coldkey, hotkey } => Self::do_register_network(coldkey, hotkey).map(|_| ()),
			GenesisAction::StartCall { coldkey, netuid } => Self::do_start_call(coldkey, netuid),
			GenesisAction::BurnedRegister { coldkey, netuid, hotkey } => Self::do_burned_register(coldkey, netuid, hotkey),
			GenesisAction::AddStake { coldkey, hotkey, netuid, tao } => Self::do_add_stake(coldkey, hotkey, netuid, tao, None),
			GenesisAction::SetTake { coldkey, hotkey, take_ppb } => {
				Self::do_set_take(coldkey, hotkey, Perbill::from_parts(take_ppb))
			},
			GenesisAction::RunEpoch { netuid } => {
				Self::ensure_root_or_live_subnet(netuid)?;
				Self::run_epoch(netuid);
				Ok(())
			},
			GenesisAction::SetWeights { hotkey, netuid, uids, weights } => Self::do_set_weights(hotkey, netuid, uids, weights),
		}
	}
}
