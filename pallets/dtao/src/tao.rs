//! Every movement of TAO between accounts: what users pay in (stakes, locks), what the pallet
//! pays out (sales, settlements, refunds, claims), what the coinbase mints and what is burned
//! (neuron registrations, the rest of a dissolved pool). All of it goes through
//! `Config::Currency` here; the pallet account (`PalletId`) holds every TAO of the pools, root
//! stake and pending root TAO, plus its own existential deposit (docs/pallet.md, "Accounting
//! choices"). Alpha never leaves the pallet's storage: its movements are the swap pools' reserves
//! (`staking`) and the share pools (`deposit_stake`, `withdraw_stake`).

use crate::pallet::*;
use polkadot_sdk::{
	frame_support::{
		ensure,
		pallet_prelude::DispatchResult,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::{DepositConsequence, Fortitude, Precision, Preservation, Provenance},
		},
	},
	sp_runtime::DispatchError,
};

impl<T: Config> Pallet<T> {
	/// What `who` can spend while keeping its existential deposit.
	pub fn free_balance(who: &T::AccountId) -> u64 {
		T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite)
	}

	/// Take `amount` TAO from `who` into the pallet account, keeping `who` alive.
	pub(crate) fn take_tao(who: &T::AccountId, amount: u64) -> DispatchResult {
		ensure!(Self::free_balance(who) >= amount, Error::<T>::InsufficientBalance);
		T::Currency::transfer(who, &Self::account_id(), amount, Preservation::Preserve)?;
		Ok(())
	}

	/// Pay `amount` TAO from the pallet account to `who`. The pallet account keeps its own
	/// existential deposit, so this never reaps it.
	pub(crate) fn pay_tao(who: &T::AccountId, amount: u64) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		ensure!(Self::can_receive(who, amount), Error::<T>::PayoutBelowExistentialDeposit);
		T::Currency::transfer(&Self::account_id(), who, amount, Preservation::Preserve)?;
		Ok(())
	}

	/// Whether `amount` TAO can be paid to `who` (an empty account needs at least the existential
	/// deposit).
	pub(crate) fn can_receive(who: &T::AccountId, amount: u64) -> bool {
		amount == 0 || T::Currency::can_deposit(who, amount, Provenance::Extant) == DepositConsequence::Success
	}

	/// Pay `amount` of a settlement to `coldkey` if the balances pallet can deposit it (an empty
	/// account needs the existential deposit); returns what was paid. What is not paid stays with
	/// the pool's part.
	pub(crate) fn pay_holder(coldkey: &T::AccountId, amount: u64) -> u64 {
		if amount == 0 || !Self::can_receive(coldkey, amount) {
			return 0;
		}
		match T::Currency::transfer(&Self::account_id(), coldkey, amount, Preservation::Preserve) {
			Ok(_) => amount,
			Err(e) => {
				// Cannot happen: the pallet account holds the settlement's TAO and the deposit was
				// checked. Loud in tests; on chain, logged, and the amount stays with the pool's part.
				polkadot_sdk::frame_support::defensive!("settlement: paying a holder failed", e);
				0
			},
		}
	}

	/// Mint `amount` TAO into the pallet account (the coinbase's `τ`).
	pub(crate) fn mint_tao(amount: u64) -> DispatchResult {
		T::Currency::mint_into(&Self::account_id(), amount)?;
		Ok(())
	}

	/// Burn `amount` TAO of `who`'s, keeping `who` alive (a neuron registration's burn).
	pub(crate) fn burn_tao(who: &T::AccountId, amount: u64) -> DispatchResult {
		T::Currency::burn_from(who, amount, Preservation::Preserve, Precision::Exact, Fortitude::Polite)?;
		Ok(())
	}

	/// Burn `amount` TAO of the pallet account's, above its own existential deposit (what a
	/// dissolved pool neither pays its holders nor refunds its owner).
	pub(crate) fn burn_pallet_tao(amount: u64) -> Result<u64, DispatchError> {
		T::Currency::burn_from(&Self::account_id(), amount, Preservation::Preserve, Precision::Exact, Fortitude::Force)
	}
}
