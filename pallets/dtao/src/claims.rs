//! Root's kept alpha (`RootDividendMode::KeepAlpha`, docs/mechanism.md §6.7): an epoch pays each
//! validator's root part of the kept alpha into the hotkey's claim pool of that subnet; each root
//! staker of the hotkey claims its share, in proportion to its root shares while the alpha was paid.
//!
//! A pool keeps the alpha paid per root share of the hotkey (its figure, scaled by 2^96; under
//! `DividendAccrual::OverTempo` each payment's rise is released over the tempo, so stake earns only
//! the blocks it held); a root staker's account keeps the figure when its root shares last changed
//! (`snapshot`) and what it had earned by then (`owed`). Its claim is
//! `owed + floor(shares · (figure − snapshot) / 2^96)`.
//!
//! A hotkey's pools are one storage value (`RootClaimPools`, at most `MaxRootClaimPools` pools), and
//! a staker's accounts with them another (`RootClaims`): a change of a coldkey's root shares on a
//! hotkey folds the pools' releases (`fold_root_claims`) and brings the staker's accounts up to date
//! (`settle_root_claims`) with one read and one write of each, whatever the number of pools; a
//! payment at an epoch touches one value per validator. Pools with nothing left are pruned when
//! touched, and an account is removed when its shares are gone and it is owed nothing.
//!
//! When a subnet is dissolved its pools are settled with its stakers (`settle_root_claims_of`): the
//! alpha they hold is valued at the settlement's price, and that TAO stays claimable, in TAO, by the
//! accounts that earned it.

use crate::{pallet::*, ClaimPools, RootClaim, RootClaimPool, ROOT_NETUID};
use alloc::vec::Vec;
use dtao_math::claim_accrued;
use polkadot_sdk::frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get, BoundedVec};

/// A hotkey's claim pools, as stored.
pub type PoolsOf<T> = ClaimPools<<T as Config>::MaxRootClaimPools>;
/// A root staker's accounts with a hotkey's claim pools, as stored.
pub type AccountsOf<T> = BoundedVec<RootClaim, <T as Config>::MaxRootClaimPools>;

impl<T: Config> Pallet<T> {
	fn root_shares_of(hotkey: &T::AccountId) -> u128 {
		HotkeyStake::<T>::get(ROOT_NETUID, hotkey).map_or(0, |p| p.shares)
	}

	/// What an account (`None`: a fresh one) with `pool` is owed: its `owed` and what `shares` root
	/// shares earned since its snapshot, at the hotkey's `root_shares`.
	fn due(pool: &RootClaimPool, account: Option<&RootClaim>, shares: u128, root_shares: u128, now: u64) -> u64 {
		let (snapshot, owed) = account.map_or((0, 0), |a| (a.snapshot, a.owed));
		owed.saturating_add(claim_accrued(shares, pool.figure(now, root_shares), snapshot))
	}

	/// What `coldkey` can claim of root's kept alpha of the live subnet `netuid` through its root
	/// stake on `hotkey`, in alpha.
	pub fn root_claimable(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: u16) -> u64 {
		let pools = RootClaimPools::<T>::get(hotkey).unwrap_or_default();
		let Some(pool) = pools.live(netuid) else { return 0 };
		Self::root_claim_due(coldkey, hotkey, pool).min(pool.held)
	}

	/// What `coldkey` can claim, in TAO, of the settled claim pools of `hotkey` for dissolved
	/// subnets that had netuid `netuid`.
	pub fn root_claimable_tao(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: u16) -> u64 {
		let pools = RootClaimPools::<T>::get(hotkey).unwrap_or_default();
		pools
			.pools
			.iter()
			.filter(|p| p.netuid == netuid && p.settled.is_some())
			.map(|p| {
				let due = Self::root_claim_due(coldkey, hotkey, p);
				p.clone().take(due).1
			})
			.fold(0u64, |a, b| a.saturating_add(b))
	}

	/// What `coldkey` is owed, in alpha, by `pool` of `hotkey`: its account's `owed` and what its
	/// current root shares earned since (`try_state` checks that the pool holds it).
	pub(crate) fn root_claim_due(coldkey: &T::AccountId, hotkey: &T::AccountId, pool: &RootClaimPool) -> u64 {
		let accounts = RootClaims::<T>::get(coldkey, hotkey).unwrap_or_default();
		let shares = StakeShares::<T>::get((ROOT_NETUID, hotkey, coldkey)).unwrap_or(0);
		let account = accounts.iter().find(|a| a.id == pool.id);
		Self::due(pool, account, shares, Self::root_shares_of(hotkey), Self::now())
	}

	/// Store a hotkey's pools, pruning those with nothing left (and their index entries).
	fn put_pools(hotkey: &T::AccountId, mut pools: PoolsOf<T>) {
		for p in pools.pools.iter().filter(|p| p.is_spent() && p.settled.is_none()) {
			RootClaimHotkeys::<T>::remove(p.netuid, hotkey);
			RootClaimPoolCount::<T>::mutate(p.netuid, |n| *n = n.saturating_sub(1));
		}
		pools.prune();
		if pools.pools.is_empty() {
			RootClaimPools::<T>::remove(hotkey);
		} else {
			RootClaimPools::<T>::insert(hotkey, pools);
		}
	}

	/// Fold what the claim pools of `hotkey` released so far into their figures, at the hotkey's
	/// root shares now: called before those shares change (a deposit or withdrawal on root), so that
	/// each block's release goes to the shares of that block. One read and at most one write.
	///
	/// What was released while the hotkey had no root shares at all is owed to the hotkey's owner
	/// (its account with each pool, claimed with `claim_root` as any root staker's: alpha stake on the
	/// subnet, or TAO once the subnet is dissolved), rather than to whoever stakes on root next; that
	/// is one more read and write, whatever the number of pools.
	pub(crate) fn fold_root_claims(hotkey: &T::AccountId) {
		let Some(mut pools) = RootClaimPools::<T>::get(hotkey) else { return };
		let now = Self::now();
		let shares = Self::root_shares_of(hotkey);
		if shares > 0 {
			let mut changed = false;
			for pool in pools.pools.iter_mut().filter(|p| p.unfolded(now) > 0) {
				pool.fold(now, shares);
				changed = true;
			}
			if changed {
				Self::put_pools(hotkey, pools);
			}
			return;
		}
		let Some(owner) = HotkeyOwner::<T>::get(hotkey) else { return };
		let mut accounts: Vec<RootClaim> = RootClaims::<T>::get(&owner, hotkey).unwrap_or_default().into_inner();
		let mut changed = false;
		for pool in pools.pools.iter_mut() {
			let unfolded = pool.unfolded(now);
			if unfolded == 0 {
				continue;
			}
			pool.folded = pool.folded.saturating_add(unfolded);
			match accounts.iter_mut().find(|a| a.id == pool.id) {
				Some(account) => account.owed = account.owed.saturating_add(unfolded),
				None => accounts.push(RootClaim { id: pool.id, snapshot: pool.per_share, owed: unfolded }),
			}
			changed = true;
		}
		if changed {
			Self::put_accounts(&owner, hotkey, accounts);
			Self::put_pools(hotkey, pools);
		}
	}

	/// Bring the accounts of `coldkey` with the claim pools of `hotkey` up to date before its root
	/// shares change from `shares` to `new_shares`: what `shares` earned joins `owed`, and the figure
	/// is recorded. Accounts of pools that no longer exist are dropped, and so are accounts owed
	/// nothing once the shares are gone. One read of each value and one write of the accounts.
	pub(crate) fn settle_root_claims(hotkey: &T::AccountId, coldkey: &T::AccountId, shares: u128, new_shares: u128) {
		let pools = RootClaimPools::<T>::get(hotkey).unwrap_or_default();
		let stored = RootClaims::<T>::get(coldkey, hotkey);
		if pools.pools.is_empty() && stored.is_none() {
			return;
		}
		let stored = stored.unwrap_or_default();
		let now = Self::now();
		let root_shares = Self::root_shares_of(hotkey);
		let mut accounts: Vec<RootClaim> = Vec::with_capacity(pools.pools.len());
		for pool in pools.pools.iter() {
			let account = stored.iter().find(|a| a.id == pool.id);
			// Folded just before the shares changed (`fold_root_claims`): nothing is unfolded.
			let owed = Self::due(pool, account, shares, root_shares, now);
			if new_shares > 0 || owed > 0 {
				accounts.push(RootClaim { id: pool.id, snapshot: pool.figure(now, root_shares), owed });
			}
		}
		Self::put_accounts(coldkey, hotkey, accounts);
	}

	fn put_accounts(coldkey: &T::AccountId, hotkey: &T::AccountId, accounts: Vec<RootClaim>) {
		if accounts.is_empty() {
			RootClaims::<T>::remove(coldkey, hotkey);
			return;
		}
		// At most one account per pool, and a hotkey has at most `MaxRootClaimPools` pools.
		match AccountsOf::<T>::try_from(accounts) {
			Ok(accounts) => RootClaims::<T>::insert(coldkey, hotkey, accounts),
			Err(_) => {
				polkadot_sdk::frame_support::defensive!("more claim accounts than claim pools");
			},
		}
	}

	/// Pay `amount` of subnet `netuid`'s kept root alpha to the root stakers of `hotkey`: the
	/// owner's take to the owner's alpha stake on the subnet, the rest into the hotkey's claim pool
	/// of the subnet, its figure raised over `release_blocks` blocks (0: at once). All of it goes to
	/// the owner's stake if the hotkey has no root shares, or if it would need a new pool and has
	/// `MaxRootClaimPools` live ones already, or the subnet has `MaxValidatorsLimit` live pools. Returns what was paid; a payment too small to raise
	/// the pool's figure is not made (it stays pending).
	pub(crate) fn pay_root_alpha(hotkey: &T::AccountId, netuid: u16, amount: u64, release_blocks: u32) -> u64 {
		let Some(owner) = HotkeyOwner::<T>::get(hotkey) else { return 0 };
		if amount == 0 {
			return 0;
		}
		let shares = Self::root_shares_of(hotkey);
		let mut pools = RootClaimPools::<T>::get(hotkey).unwrap_or_default();
		let has_room = pools.live(netuid).is_some()
			|| (RootClaimPoolCount::<T>::get(netuid) < T::MaxValidatorsLimit::get() && Self::make_room(hotkey, &mut pools));
		if shares == 0 || !has_room {
			return if Self::deposit_stake(hotkey, &owner, netuid, amount).is_ok() { amount } else { 0 };
		}
		let take = Self::effective_take(hotkey).mul_floor(amount);
		let (rest, take) = match take {
			0 => (amount, 0),
			t if Self::deposit_stake(hotkey, &owner, netuid, t).is_ok() => (amount.saturating_sub(t), t),
			// The take could not mint a share: it joins the root stakers' part.
			_ => (amount, 0),
		};
		let now = Self::now();
		let paid = match pools.live_mut(netuid) {
			Some(pool) => pool.pay(rest, now, release_blocks, shares),
			None => {
				let mut pool = RootClaimPool { netuid, id: pools.next_id, ..Default::default() };
				let paid = pool.pay(rest, now, release_blocks, shares);
				if paid && pools.pools.try_push(pool).is_ok() {
					pools.next_id = pools.next_id.saturating_add(1);
					RootClaimHotkeys::<T>::insert(netuid, hotkey, ());
					RootClaimPoolCount::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
				}
				paid
			},
		};
		if !paid {
			// Nothing reaches the pool: only the take (if any) was paid.
			return take;
		}
		Self::put_pools(hotkey, pools);
		amount
	}

	/// Make room in `pools` for a new pool: prune the spent ones, then, if the hotkey is at
	/// `MaxRootClaimPools`, close its oldest settled pool (its TAO left becomes root stake of the
	/// hotkey, as root dividends). Whether there is room (there is none when every pool is live).
	fn make_room(hotkey: &T::AccountId, pools: &mut PoolsOf<T>) -> bool {
		pools.prune();
		if (pools.pools.len() as u32) < T::MaxRootClaimPools::get() {
			return true;
		}
		let Some(oldest) = pools.pools.iter().filter(|p| p.settled.is_some()).map(|p| p.id).min() else { return false };
		let tao = pools.get(oldest).and_then(|p| p.settled).unwrap_or(0);
		if tao > 0 && !Self::credit_root_stake(hotkey, tao) {
			return false;
		}
		pools.pools.retain(|p| p.id != oldest);
		true
	}

	/// Claim everything `coldkey` is owed by the claim pools of `hotkey` for `netuid`: from the
	/// live pool as alpha stake on the subnet, from settled pools (of dissolved subnets that had
	/// this netuid) as TAO to its free balance.
	pub(crate) fn do_claim_root(coldkey: T::AccountId, hotkey: T::AccountId, netuid: u16) -> DispatchResult {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RootSubnetNotAllowed);
		let mut pools = RootClaimPools::<T>::get(&hotkey).unwrap_or_default();
		let stored = RootClaims::<T>::get(&coldkey, &hotkey).unwrap_or_default();
		let shares = StakeShares::<T>::get((ROOT_NETUID, &hotkey, &coldkey)).unwrap_or(0);
		let root_shares = Self::root_shares_of(&hotkey);
		let now = Self::now();
		let (mut alpha, mut tao_alpha, mut tao) = (0u64, 0u64, 0u64);
		let mut claimed: Vec<u64> = Vec::new();
		for pool in pools.pools.iter_mut().filter(|p| p.netuid == netuid) {
			let account = stored.iter().find(|a| a.id == pool.id);
			let due = Self::due(pool, account, shares, root_shares, now).min(pool.held);
			if due == 0 {
				continue;
			}
			let (out, value) = pool.take(due);
			if pool.settled.is_some() {
				tao_alpha = tao_alpha.saturating_add(out);
				tao = tao.saturating_add(value);
			} else {
				alpha = alpha.saturating_add(out);
			}
			claimed.push(pool.id);
		}
		if claimed.is_empty() {
			let known = pools.pools.iter().any(|p| p.netuid == netuid) || Pools::<T>::contains_key(netuid);
			ensure!(known, Error::<T>::SubnetNotFound);
			return Err(Error::<T>::NothingToClaim.into());
		}
		if alpha > 0 {
			ensure!(!Dissolving::<T>::contains_key(netuid), Error::<T>::SubnetDissolving);
			ensure!(Pools::<T>::contains_key(netuid), Error::<T>::SubnetNotFound);
		}
		Self::pay_tao(&coldkey, tao)?;
		if alpha > 0 {
			Self::deposit_stake(&hotkey, &coldkey, netuid, alpha)?;
		}
		// The claimed accounts start again from the figures now, owed nothing.
		let mut accounts: Vec<RootClaim> = stored.into_iter().filter(|a| !claimed.contains(&a.id)).collect();
		if shares > 0 {
			for pool in pools.pools.iter().filter(|p| claimed.contains(&p.id)) {
				accounts.push(RootClaim { id: pool.id, snapshot: pool.figure(now, root_shares), owed: 0 });
			}
		}
		Self::put_pools(&hotkey, pools);
		Self::put_accounts(&coldkey, &hotkey, accounts);
		if alpha > 0 {
			Self::deposit_event(Event::RootClaimed { coldkey: coldkey.clone(), hotkey: hotkey.clone(), netuid, alpha });
		}
		if tao_alpha > 0 {
			Self::deposit_event(Event::RootClaimedTao { coldkey, hotkey, netuid, alpha: tao_alpha, tao });
		}
		Ok(())
	}

	/// Settle the live claim pools of a subnet being dissolved (at most `MaxValidatorsLimit`) with
	/// its stakers, at the settlement's price: each pool's alpha is valued at `floor(tao · held / issuance)` (as a stake holder's is),
	/// kept by the pallet account, and claimable from then on in TAO by the root stakers who earned
	/// the alpha (its release over the tempo goes on). Returns the alpha and TAO settled.
	pub(crate) fn settle_root_claims_of(netuid: u16, tao: u64, issuance: u64) -> (u64, u64) {
		let (mut alpha_total, mut tao_total) = (0u64, 0u64);
		let hotkeys: Vec<T::AccountId> = RootClaimHotkeys::<T>::iter_key_prefix(netuid).collect();
		for hotkey in hotkeys {
			RootClaimHotkeys::<T>::remove(netuid, &hotkey);
			let Some(mut pools) = RootClaimPools::<T>::get(&hotkey) else { continue };
			let Some(pool) = pools.live_mut(netuid) else { continue };
			let value = dtao_math::wide::mul_div_floor(u128::from(tao), u128::from(pool.held), u128::from(issuance))
				.and_then(|v| u64::try_from(v).ok())
				.unwrap_or(0);
			alpha_total = alpha_total.saturating_add(pool.held);
			tao_total = tao_total.saturating_add(value);
			pool.settled = Some(value);
			Self::put_pools(&hotkey, pools);
		}
		RootClaimPoolCount::<T>::remove(netuid);
		(alpha_total, tao_total)
	}

	/// Add `tao` (already held by the pallet account) to `hotkey`'s root share pool, or to its
	/// owner's root stake if it has no shares; `T_0` grows by it. Whether it was added.
	fn credit_root_stake(hotkey: &T::AccountId, tao: u64) -> bool {
		let now = Self::now();
		let mut stored = HotkeyStake::<T>::get(ROOT_NETUID, hotkey).unwrap_or_default();
		let added = if stored.shares > 0 {
			let mut shares = stored.share_pool(now);
			let ok = shares.credit(tao).is_ok();
			if ok {
				stored = stored.with(shares, now);
				HotkeyStake::<T>::insert(ROOT_NETUID, hotkey, stored);
			}
			ok
		} else {
			HotkeyOwner::<T>::get(hotkey).is_some_and(|owner| Self::deposit_stake(hotkey, &owner, ROOT_NETUID, tao).is_ok())
		};
		if added {
			TotalRootStake::<T>::mutate(|t| *t = t.saturating_add(tao));
		}
		added
	}
}
