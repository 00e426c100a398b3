//! Subnet life cycle (docs/mechanism.md §5): registration with the lock cost, start, dissolution.

use crate::{pallet::*, Settlement, SubnetPool, ROOT_NETUID};
use alloc::vec::Vec;
use dtao_math::Market;
use polkadot_sdk::{
	frame_support::{
		ensure,
		pallet_prelude::DispatchResult,
		traits::Get,
	},
	frame_system,
	sp_runtime::{
		traits::{AccountIdConversion, SaturatedConversion},
		DispatchError,
	},
};

/// A stake entry of one subnet: (hotkey, coldkey) and its shares.
type StakeEntry<AccountId> = ((AccountId, AccountId), u128);

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

	/// `Ok` if `netuid` is root or a live subnet (one with a pool): where stake may go. A dissolving
	/// subnet fails with `SubnetDissolving`, any other netuid with `SubnetNotFound`. Compare
	/// [`Self::ensure_live_subnet`], which refuses root.
	pub fn ensure_root_or_live_subnet(netuid: u16) -> DispatchResult {
		// A dissolving subnet has no pool (`try_state` checks it), so a subnet with a pool needs
		// no second read.
		if netuid == ROOT_NETUID || Pools::<T>::contains_key(netuid) {
			return Ok(());
		}
		ensure!(!Dissolving::<T>::contains_key(netuid), Error::<T>::SubnetDissolving);
		Err(Error::<T>::SubnetNotFound.into())
	}

	/// The market of a subnet: stable 1:1 for root, the pool otherwise.
	pub fn market(netuid: u16) -> Result<Market, DispatchError> {
		if netuid == ROOT_NETUID {
			return Ok(Market::Stable);
		}
		if let Some(pool) = Pools::<T>::get(netuid) {
			return Ok(pool.market());
		}
		ensure!(!Dissolving::<T>::contains_key(netuid), Error::<T>::SubnetDissolving);
		Err(Error::<T>::SubnetNotFound.into())
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

	/// The netuid a registration made now would take, and whether it prunes that subnet first.
	pub(crate) fn netuid_for_registration() -> Result<(u16, bool), DispatchError> {
		if TotalNetworks::<T>::get() < SubnetLimit::<T>::get() {
			return Ok((Self::lowest_free_netuid()?, false));
		}
		let now = Self::now();
		let immunity = NetworkImmunityPeriod::<T>::get();
		Pools::<T>::iter()
			.filter(|(_, p)| now.saturating_sub(p.registered_at) >= immunity)
			.min_by_key(|(netuid, p)| (p.moving_price, p.registered_at, *netuid))
			.map(|(netuid, _)| (netuid, true))
			.ok_or_else(|| Error::<T>::SubnetLimitReached.into())
	}

	/// The lowest netuid with neither a subnet nor a settlement.
	fn lowest_free_netuid() -> Result<u16, DispatchError> {
		(1..=u16::MAX)
			.find(|n| !Pools::<T>::contains_key(n) && !Dissolving::<T>::contains_key(n))
			.ok_or_else(|| Error::<T>::SubnetLimitReached.into())
	}

	/// The weight of a `register_network` that pruned a subnet with `pruned = (neurons, holders
	/// paid at once)`, or none; `Some((MaxNeuronsLimit, MaxSettlementsPerBlock))` is the most.
	pub fn register_network_weight(pruned: Option<(u32, u32)>) -> polkadot_sdk::frame_support::weights::Weight {
		use crate::WeightInfo as _;
		let pruning = pruned.map(|(neurons, holders)| Self::dissolution_weight(neurons, holders)).unwrap_or_default();
		T::WeightInfo::register_network().saturating_add(pruning)
	}

	/// Returns the new subnet's netuid and, when a subnet was pruned, its neuron count and the
	/// holders paid at once.
	pub fn do_register_network(coldkey: T::AccountId, hotkey: T::AccountId) -> Result<(u16, Option<(u32, u32)>), DispatchError> {
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

		let pruned = if prune { Some(Self::do_dissolve_network(netuid)?) } else { None };
		// A pruned subnet whose holders are paid over the next blocks keeps its netuid until then;
		// the registration takes the lowest free one instead (even when `SubnetLimit` was lowered
		// below the subnets there are, so that the count is still at the limit after the pruning).
		let netuid = if Dissolving::<T>::contains_key(netuid) { Self::lowest_free_netuid()? } else { netuid };
		Self::take_tao(&coldkey, cost)?;
		let tempo = InitialTempo::<T>::get();
		Pools::<T>::insert(
			netuid,
			SubnetPool { tao_reserve: cost, alpha_reserve: cost, registered_at: now, tempo, ..Default::default() },
		);
		TotalNetworks::<T>::mutate(|n| *n = n.saturating_add(1));
		SubnetOwner::<T>::insert(netuid, &coldkey);
		SubnetOwnerHotkey::<T>::insert(netuid, &hotkey);
		SubnetLocked::<T>::insert(netuid, cost);
		Tempo::<T>::insert(netuid, tempo);
		Kappa::<T>::insert(netuid, InitialKappa::<T>::get());
		BondsMovingAverage::<T>::insert(netuid, InitialBondsMovingAverage::<T>::get());
		BondsPenalty::<T>::insert(netuid, InitialBondsPenalty::<T>::get());
		ActivityCutoffFactorMilli::<T>::insert(netuid, InitialActivityCutoffFactorMilli::<T>::get());
		LastLockCost::<T>::put(cost);
		LastRegisteredBlock::<T>::put(now);
		HotkeyOwner::<T>::insert(&hotkey, &coldkey);
		<T::Observer as crate::DtaoObserver<T::AccountId>>::hotkey_owned(&hotkey, &coldkey);
		<T::Observer as crate::DtaoObserver<T::AccountId>>::network_added(netuid, Burn::<T>::get(netuid));
		Self::deposit_event(Event::NetworkRegistered { netuid, owner: coldkey, hotkey: hotkey.clone(), lock: cost });
		Self::append_neuron(netuid, hotkey);
		Ok((netuid, pruned))
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

	/// Settle and remove a subnet (docs/mechanism.md §5.3). Returns the number of neurons cleared
	/// and of holders paid in this call (for the call's actual weight).
	///
	/// The pool closes at once: pending balances are settled, the netuid's neuron and Yuma state is
	/// cleared and the subnet stops counting towards `TotalNetworks`. Its holders are then paid from
	/// that frozen state: in this call when there are at most `MaxSettlementsPerBlock` of them (by
	/// largest remainder), otherwise over the next blocks (by cumulative rounding, see
	/// [`Settlement`]); the netuid is not reused until the last is paid.
	pub(crate) fn do_dissolve_network(netuid: u16) -> Result<(u32, u32), DispatchError> {
		let (settlement, neurons) = Self::close_subnet(netuid)?;
		let holders = settlement.holders;
		if holders <= T::MaxSettlementsPerBlock::get() {
			Self::settle_at_once(netuid, settlement);
			Ok((neurons, holders))
		} else {
			let (tao, root_dividends) = (settlement.tao, settlement.root_dividends);
			Self::deposit_event(Event::DissolutionStarted { netuid, holders, tao, root_dividends });
			Dissolving::<T>::insert(netuid, settlement);
			Ok((neurons, 0))
		}
	}

	/// Close a subnet (steps 1 and 4 of docs/mechanism.md §5.3, its stakes excepted): pay its
	/// pending root TAO, return its pending alpha to the pool, clear everything but its stakes, and
	/// return the frozen settlement and the number of neurons cleared (for the weight, at least the
	/// live claim pools settled and one).
	pub(crate) fn close_subnet(netuid: u16) -> Result<(Settlement<T::AccountId>, u32), DispatchError> {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RootSubnetNotAllowed);
		ensure!(!Dissolving::<T>::contains_key(netuid), Error::<T>::SubnetDissolving);
		let mut pool = Pools::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;

		// 1. Pending root TAO is paid as root dividends (§6.5), shared as the epoch would share it
		//    now; what has no recipient joins the pool's TAO. Root's kept alpha is paid into the
		//    claim pools the same way. Pending alpha returns to the pool reserve.
		let root_dividends = Self::pay_root_dividends(netuid, &mut pool);
		// Those payments may have added stake entries (a take), which `set_shares` counted in the
		// stored pool.
		pool.stakers = Pools::<T>::get(netuid).map_or(pool.stakers, |p| p.stakers);
		let pending_alpha = pool.pending_alpha();
		pool.alpha_reserve = pool.alpha_reserve.saturating_add(pending_alpha);
		pool.alpha_outstanding = pool.alpha_outstanding.saturating_sub(pending_alpha);
		pool.tao_reserve = pool.tao_reserve.saturating_add(pool.pending_root_tao);

		let mut settlement = Settlement {
			tao: pool.tao_reserve,
			issuance: pool.alpha_issuance(),
			value_paid: 0,
			paid: 0,
			holders: pool.stakers,
			holders_paid: 0,
			owner: SubnetOwner::<T>::get(netuid),
			lock: SubnetLocked::<T>::get(netuid),
			root_dividends,
		};
		// 2. The alpha the claim pools hold for root stakers is settled first, at the same price
		//    as the stakes (§6.7): its TAO stays with the pallet account for their claims.
		let claim_pools = RootClaimPoolCount::<T>::get(netuid);
		let (claims_alpha, claims_tao) = Self::settle_root_claims_of(netuid, settlement.tao, settlement.issuance);
		settlement.value_paid = u128::from(claims_alpha);
		settlement.paid = claims_tao;
		if claims_alpha > 0 {
			Self::deposit_event(Event::RootClaimsSettled { netuid, alpha: claims_alpha, tao: claims_tao });
		}
		// For the weight: a hotkey with a live claim pool of the subnet costs as much as a
		// validator, whether it is still a neuron or not.
		let neurons = u32::from(NeuronCount::<T>::get(netuid)).max(claim_pools.saturating_add(1));
		Self::clear_subnet_storage(netuid);
		DeferredEpochs::<T>::mutate(|queue| queue.retain(|n| *n != netuid));
		TotalNetworks::<T>::mutate(|n| *n = n.saturating_sub(1));
		Ok((settlement, neurons))
	}

	/// Weight of a dissolution closing `neurons` neurons (or as many as its live claim pools and
	/// one, if more) and paying `holders` holders at once: all but one of them, up to
	/// `MaxValidatorsLimit`, charged as validators with root stake and a claim pool to settle
	/// (`dissolve_network`'s `v`), the rest as neurons without (`n`).
	pub fn dissolution_weight(neurons: u32, holders: u32) -> polkadot_sdk::frame_support::weights::Weight {
		use crate::WeightInfo;
		let validators = neurons.saturating_sub(1).min(T::MaxValidatorsLimit::get());
		let others = neurons.saturating_sub(validators).max(1);
		T::WeightInfo::dissolve_network(others, validators).saturating_add(T::WeightInfo::settle(holders))
	}

	/// The claim accounting of stake calls on the netuids `netuids` (a stake's origin and
	/// destination): one change of root shares, with every claim pool a hotkey may have, for
	/// each that is root.
	pub fn root_claims_weight(netuids: &[u16]) -> polkadot_sdk::frame_support::weights::Weight {
		use crate::WeightInfo;
		let changes = netuids.iter().filter(|n| **n == ROOT_NETUID).count() as u64;
		T::WeightInfo::root_claims(T::MaxRootClaimPools::get()).saturating_mul(changes)
	}

	/// The alpha value of a holder's shares on a dissolving subnet (its share pool is frozen, and
	/// dividends not released yet are its holders' now).
	fn holder_value(netuid: u16, hotkey: &T::AccountId, shares: u128) -> u64 {
		let mut pool = HotkeyStake::<T>::get(netuid, hotkey).unwrap_or_default();
		pool.release_all();
		pool.share_pool(0).value(shares)
	}

	/// Pay every holder of `netuid` in one go: each gets `floor(P · v / I)`, and the holders' total
	/// `floor(P · Σv / I)` is completed one rao at a time in largest-remainder order; then end.
	fn settle_at_once(netuid: u16, mut s: Settlement<T::AccountId>) {
		let total_tao = s.tao;
		let issuance = u128::from(s.issuance);
		let mut stakers: Vec<(T::AccountId, u64, u128)> = Vec::new();
		let mut staked_value: u128 = 0;
		let entries: Vec<StakeEntry<T::AccountId>> = StakeShares::<T>::iter_prefix((netuid,)).collect();
		for ((hotkey, coldkey), shares) in entries {
			let value = Self::holder_value(netuid, &hotkey, shares);
			Self::set_shares(netuid, &hotkey, &coldkey, 0);
			s.holders_paid = s.holders_paid.saturating_add(1);
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
		for (coldkey, payout, _) in &stakers {
			s.paid = s.paid.saturating_add(Self::pay_holder(coldkey, *payout));
		}
		s.value_paid = s.value_paid.saturating_add(staked_value);
		let _ = HotkeyStake::<T>::clear_prefix(netuid, u32::MAX, None);
		Self::finish_settlement(netuid, s);
	}

	/// Pay up to `budget` holders of the dissolving subnets, lowest netuid first; returns how many
	/// were paid (plus the share pools removed once a subnet's holders are all paid).
	pub(crate) fn run_settlements(budget: u32) -> u32 {
		let mut used: u32 = 0;
		let mut netuids: Vec<u16> = Dissolving::<T>::iter_keys().collect();
		netuids.sort_unstable();
		for netuid in netuids {
			if used >= budget {
				break;
			}
			used = used.saturating_add(Self::settle_step(netuid, budget.saturating_sub(used)));
		}
		used
	}

	/// One block's part of a staged settlement: pay up to `budget` holders by cumulative rounding;
	/// once none is left, remove up to the rest of the budget of share pools, and end the
	/// dissolution when they are gone. Returns the entries it handled.
	fn settle_step(netuid: u16, budget: u32) -> u32 {
		let Some(mut s) = Dissolving::<T>::get(netuid) else { return 0 };
		let take = usize::try_from(budget).unwrap_or(usize::MAX);
		let batch: Vec<StakeEntry<T::AccountId>> = StakeShares::<T>::iter_prefix((netuid,)).take(take).collect();
		let mut used: u32 = 0;
		let issuance = u128::from(s.issuance);
		let due = |value: u128| -> u128 { u128::from(s.tao).saturating_mul(value).checked_div(issuance).unwrap_or(0) };
		let mut paid_now: u64 = 0;
		for ((hotkey, coldkey), shares) in batch {
			let value = u128::from(Self::holder_value(netuid, &hotkey, shares));
			let before = due(s.value_paid);
			s.value_paid = s.value_paid.saturating_add(value);
			// Cumulative rounding: at most the pool's TAO in all, since Σv ≤ I.
			let payout = u64::try_from(due(s.value_paid).saturating_sub(before)).unwrap_or(0);
			paid_now = paid_now.saturating_add(Self::pay_holder(&coldkey, payout));
			Self::set_shares(netuid, &hotkey, &coldkey, 0);
			s.holders_paid = s.holders_paid.saturating_add(1);
			used = used.saturating_add(1);
		}
		s.paid = s.paid.saturating_add(paid_now);
		let holders_left = s.holders_left();
		if holders_left > 0 {
			Self::deposit_event(Event::DissolutionProgress {
				netuid,
				holders_paid: s.holders_paid,
				holders_left,
				paid_to_stakers: s.paid,
			});
			Dissolving::<T>::insert(netuid, s);
			return used;
		}
		// Every holder is paid: remove the share pools, as many as the budget allows.
		let room = usize::try_from(budget.saturating_sub(used)).unwrap_or(usize::MAX);
		let pools: Vec<T::AccountId> = HotkeyStake::<T>::iter_key_prefix(netuid).take(room.saturating_add(1)).collect();
		let done = pools.len() <= room;
		for hotkey in pools.into_iter().take(room) {
			HotkeyStake::<T>::remove(netuid, &hotkey);
			used = used.saturating_add(1);
		}
		if done {
			Dissolving::<T>::remove(netuid);
			Self::finish_settlement(netuid, s);
		} else {
			Dissolving::<T>::insert(netuid, s);
		}
		used
	}

	/// End a dissolution whose holders are all paid: the pool's part (`P` minus what the holders
	/// received) refunds the owner up to the lock, the rest is burned.
	fn finish_settlement(netuid: u16, s: Settlement<T::AccountId>) {
		let pool_part = s.tao_left();
		let mut refund = 0;
		if let Some(owner) = &s.owner {
			refund = Self::pay_holder(owner, pool_part.min(s.lock));
		}
		let burned = pool_part.saturating_sub(refund);
		if burned > 0 {
			if let Err(e) = Self::burn_pallet_tao(burned) {
				// Cannot happen: the pallet account holds the settlement's TAO above its own deposit.
				polkadot_sdk::frame_support::defensive!("dissolution: burning the pool's rest failed", (netuid, burned, e));
			}
		}
		Self::deposit_event(Event::NetworkDissolved {
			netuid,
			paid_to_stakers: s.paid,
			refunded_to_owner: refund,
			burned,
			root_dividends: s.root_dividends,
		});
	}

	/// Remove every entry of the netuid except its stakes, which the settlement pays and removes.
	/// Bounded: the neuron maps hold at most `MaxNeuronsLimit` entries each.
	fn clear_subnet_storage(netuid: u16) {
		<T::Observer as crate::DtaoObserver<T::AccountId>>::network_removed(netuid);
		Pools::<T>::remove(netuid);
		SubnetOwner::<T>::remove(netuid);
		SubnetOwnerHotkey::<T>::remove(netuid);
		SubnetLocked::<T>::remove(netuid);
		Tempo::<T>::remove(netuid);
		Burn::<T>::remove(netuid);
		MaxNeurons::<T>::remove(netuid);
		MaxValidators::<T>::remove(netuid);
		NeuronCount::<T>::remove(netuid);
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
