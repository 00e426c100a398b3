//! Subnet life cycle (docs/mechanism.md §5): registration with the lock cost, start, dissolution.

use crate::{pallet::*, SubnetPool, ROOT_NETUID};
use alloc::vec::Vec;
use dtao_math::{Market, SharePool};
use polkadot_sdk::{
	frame_support::{
		ensure,
		pallet_prelude::DispatchResult,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::{DepositConsequence, Fortitude, Precision, Preservation, Provenance},
			Get,
		},
	},
	frame_system,
	sp_runtime::{
		traits::{AccountIdConversion, SaturatedConversion},
		DispatchError,
	},
};

impl<T: Config> Pallet<T> {
	/// The account that holds every TAO in pools, root stake and pending root TAO, plus one
	/// existential deposit of its own.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The current block number as `u64`.
	pub fn now() -> u64 {
		frame_system::Pallet::<T>::block_number().saturated_into::<u64>()
	}

	/// `Ok` if `netuid` is the root subnet or a registered subnet.
	pub fn ensure_subnet(netuid: u16) -> DispatchResult {
		ensure!(netuid == ROOT_NETUID || Pools::<T>::contains_key(netuid), Error::<T>::SubnetNotFound);
		Ok(())
	}

	/// The market of a subnet: stable 1:1 for root, the pool otherwise.
	pub fn market(netuid: u16) -> Result<Market, DispatchError> {
		if netuid == ROOT_NETUID {
			return Ok(Market::Stable);
		}
		Pools::<T>::get(netuid).map(|p| p.market()).ok_or_else(|| Error::<T>::SubnetNotFound.into())
	}

	/// The lock cost of a registration made now (docs/mechanism.md §5.1).
	pub fn network_registration_cost() -> u64 {
		let last_block = LastRegisteredBlock::<T>::get();
		dtao_math::lock_cost(
			LastLockCost::<T>::get(),
			last_block.is_some(),
			NetworkMinLockCost::<T>::get(),
			NetworkLockReductionInterval::<T>::get(),
			Self::now().saturating_sub(last_block.unwrap_or(0)),
		)
	}

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
	fn can_receive(who: &T::AccountId, amount: u64) -> bool {
		amount == 0 || T::Currency::can_deposit(who, amount, Provenance::Extant) == DepositConsequence::Success
	}

	/// The netuid a registration made now would take, and whether it prunes that subnet first.
	pub(crate) fn netuid_for_registration() -> Result<(u16, bool), DispatchError> {
		if TotalNetworks::<T>::get() < SubnetLimit::<T>::get() {
			let free = (1..=u16::MAX).find(|n| !Pools::<T>::contains_key(n)).ok_or(Error::<T>::SubnetLimitReached)?;
			return Ok((free, false));
		}
		let now = Self::now();
		let immunity = NetworkImmunityPeriod::<T>::get();
		Pools::<T>::iter()
			.filter(|(_, p)| now.saturating_sub(p.registered_at) >= immunity)
			.min_by_key(|(netuid, p)| (p.moving_price, p.registered_at, *netuid))
			.map(|(netuid, _)| (netuid, true))
			.ok_or_else(|| Error::<T>::SubnetLimitReached.into())
	}

	pub(crate) fn do_register_network(coldkey: T::AccountId, hotkey: T::AccountId) -> DispatchResult {
		if let Some(owner) = HotkeyOwner::<T>::get(&hotkey) {
			ensure!(owner == coldkey, Error::<T>::NotHotkeyOwner);
		}
		let now = Self::now();
		if let Some(last) = LastRegisteredBlock::<T>::get() {
			ensure!(now.saturating_sub(last) >= NetworkRateLimit::<T>::get(), Error::<T>::NetworkRateLimitExceeded);
		}
		let cost = Self::network_registration_cost();
		ensure!(Self::free_balance(&coldkey) >= cost, Error::<T>::InsufficientBalance);
		let (netuid, prune) = Self::netuid_for_registration()?;

		if prune {
			Self::do_dissolve_network(netuid)?;
		}
		Self::take_tao(&coldkey, cost)?;
		Pools::<T>::insert(
			netuid,
			SubnetPool { tao_reserve: cost, alpha_reserve: cost, registered_at: now, ..Default::default() },
		);
		TotalNetworks::<T>::mutate(|n| *n = n.saturating_add(1));
		SubnetOwner::<T>::insert(netuid, &coldkey);
		SubnetOwnerHotkey::<T>::insert(netuid, &hotkey);
		SubnetLocked::<T>::insert(netuid, cost);
		Tempo::<T>::insert(netuid, InitialTempo::<T>::get());
		Kappa::<T>::insert(netuid, InitialKappa::<T>::get());
		BondsMovingAverage::<T>::insert(netuid, InitialBondsMovingAverage::<T>::get());
		BondsPenalty::<T>::insert(netuid, InitialBondsPenalty::<T>::get());
		ActivityCutoffFactorMilli::<T>::insert(netuid, InitialActivityCutoffFactorMilli::<T>::get());
		LastLockCost::<T>::put(cost);
		LastRegisteredBlock::<T>::put(now);
		HotkeyOwner::<T>::insert(&hotkey, &coldkey);
		Self::deposit_event(Event::NetworkRegistered { netuid, owner: coldkey, hotkey: hotkey.clone(), lock: cost });
		Self::append_neuron(netuid, hotkey);
		Ok(())
	}

	pub(crate) fn do_start_call(coldkey: T::AccountId, netuid: u16) -> DispatchResult {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RootSubnetNotAllowed);
		let mut pool = Pools::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(SubnetOwner::<T>::get(netuid).as_ref() == Some(&coldkey), Error::<T>::NotSubnetOwner);
		ensure!(pool.started_at.is_none(), Error::<T>::AlreadyStarted);
		let now = Self::now();
		ensure!(now.saturating_sub(pool.registered_at) >= StartCallDelay::<T>::get(), Error::<T>::StartCallTooEarly);
		pool.started_at = Some(now);
		Pools::<T>::insert(netuid, pool);
		Self::deposit_event(Event::NetworkStarted { netuid, block: now });
		Ok(())
	}

	/// Settle and remove a subnet (docs/mechanism.md §5.3).
	pub(crate) fn do_dissolve_network(netuid: u16) -> DispatchResult {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RootSubnetNotAllowed);
		let mut pool = Pools::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;

		// 1. Pending root TAO is paid as root dividends (§6.5), shared as the epoch would share it
		//    now; what has no recipient joins the pool's TAO. Pending alpha returns to the pool
		//    reserve.
		let root_dividends = Self::pay_root_dividends(netuid, &mut pool);
		let pending_alpha = pool.pending_alpha();
		pool.alpha_reserve = pool.alpha_reserve.saturating_add(pending_alpha);
		pool.alpha_outstanding = pool.alpha_outstanding.saturating_sub(pending_alpha);
		pool.tao_reserve = pool.tao_reserve.saturating_add(pool.pending_root_tao);
		pool.pending_owner_alpha = 0;
		pool.pending_miner_alpha = 0;
		pool.pending_validator_alpha = 0;
		pool.pending_root_tao = 0;

		// 2. Each staker gets floor(P · v / I); the stakers' total floor(P · Σv / I) is completed
		//    one rao at a time in largest-remainder order.
		let total_tao = pool.tao_reserve;
		let issuance = u128::from(pool.alpha_issuance());
		let mut stakers: Vec<(T::AccountId, u64, u128)> = Vec::new();
		let mut staked_value: u128 = 0;
		for ((hotkey, coldkey), shares) in StakeShares::<T>::iter_prefix((netuid,)) {
			let share_pool: SharePool = HotkeyStake::<T>::get(netuid, &hotkey).unwrap_or_default().into();
			let value = share_pool.value(shares);
			if value == 0 {
				continue;
			}
			staked_value = staked_value.saturating_add(u128::from(value));
			let exact = u128::from(total_tao).saturating_mul(u128::from(value));
			// A payout is at most the pool's TAO (value ≤ issuance), so it fits in u64.
			let payout = exact.checked_div(issuance).map(|q| u64::try_from(q).unwrap_or(total_tao)).unwrap_or(0);
			let remainder = exact.checked_rem(issuance).unwrap_or(0);
			stakers.push((coldkey, payout, remainder));
		}
		let stakers_due = u128::from(total_tao).saturating_mul(staked_value).checked_div(issuance).unwrap_or(0);
		let floors: u128 = stakers.iter().map(|(_, p, _)| u128::from(*p)).sum();
		let mut leftover = stakers_due.saturating_sub(floors);
		let mut order: Vec<usize> = (0..stakers.len()).collect();
		order.sort_by(|a, b| {
			let ra = stakers.get(*a).map(|s| s.2).unwrap_or(0);
			let rb = stakers.get(*b).map(|s| s.2).unwrap_or(0);
			rb.cmp(&ra)
		});
		for i in order {
			if leftover == 0 {
				break;
			}
			if let Some(s) = stakers.get_mut(i) {
				s.1 = s.1.saturating_add(1);
				leftover = leftover.saturating_sub(1);
			}
		}

		// Pay; a payout the balances pallet cannot deposit (an empty account and less than the
		// existential deposit) stays with the pool's part.
		let mut paid: u64 = 0;
		for (coldkey, payout, _) in &stakers {
			if *payout > 0 && Self::can_receive(coldkey, *payout) {
				Self::pay_tao(coldkey, *payout)?;
				paid = paid.saturating_add(*payout);
			}
		}

		// 3. The pool's part refunds the owner up to the lock; the rest is burned.
		let pool_part = total_tao.saturating_sub(paid);
		let lock = SubnetLocked::<T>::get(netuid);
		let mut refund = pool_part.min(lock);
		if let Some(owner) = SubnetOwner::<T>::get(netuid) {
			if Self::can_receive(&owner, refund) {
				Self::pay_tao(&owner, refund)?;
			} else {
				refund = 0;
			}
		} else {
			refund = 0;
		}
		let burned = pool_part.saturating_sub(refund);
		if burned > 0 {
			T::Currency::burn_from(&Self::account_id(), burned, Preservation::Preserve, Precision::Exact, Fortitude::Force)?;
		}

		// 4. Clear every entry of the netuid.
		Self::clear_subnet_storage(netuid);
		TotalNetworks::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::NetworkDissolved { netuid, paid_to_stakers: paid, refunded_to_owner: refund, burned, root_dividends });
		Ok(())
	}

	fn clear_subnet_storage(netuid: u16) {
		Pools::<T>::remove(netuid);
		SubnetOwner::<T>::remove(netuid);
		SubnetOwnerHotkey::<T>::remove(netuid);
		SubnetLocked::<T>::remove(netuid);
		Tempo::<T>::remove(netuid);
		Burn::<T>::remove(netuid);
		MaxNeurons::<T>::remove(netuid);
		MaxValidators::<T>::remove(netuid);
		NeuronCount::<T>::remove(netuid);
		let _ = StakeShares::<T>::clear_prefix((netuid,), u32::MAX, None);
		let _ = HotkeyStake::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = Neurons::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = Uids::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = Weights::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = Bonds::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = BlockAtRegistration::<T>::clear_prefix(netuid, u32::MAX, None);
		ValidatorPermit::<T>::remove(netuid);
		LastUpdate::<T>::remove(netuid);
		LastEpochBlock::<T>::remove(netuid);
		Incentive::<T>::remove(netuid);
		Dividends::<T>::remove(netuid);
		Consensus::<T>::remove(netuid);
		ValidatorTrust::<T>::remove(netuid);
		StakeWeight::<T>::remove(netuid);
		Active::<T>::remove(netuid);
		LastEpochAlpha::<T>::remove(netuid);
		LastEpochRootTao::<T>::remove(netuid);
		Kappa::<T>::remove(netuid);
		BondsMovingAverage::<T>::remove(netuid);
		BondsPenalty::<T>::remove(netuid);
		ActivityCutoffFactorMilli::<T>::remove(netuid);
	}
}
