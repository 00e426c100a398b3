//! Root's kept alpha (`RootDividendMode::KeepAlpha`, docs/mechanism.md §6.7): an epoch pays each
//! validator's root part of the kept alpha into a claim pool per (hotkey, subnet); each root staker
//! of the hotkey claims its share, in proportion to its root shares while the alpha was paid.
//!
//! A pool keeps the alpha paid per root share of the hotkey (its figure, scaled by 2^96; under
//! `DividendAccrual::OverTempo` each payment's rise is released over the tempo, so stake earns only
//! the blocks it held); a root staker's account keeps the figure when its root shares last changed
//! (`snapshot`) and what it had earned by then (`owed`). Its claim is
//! `owed + floor(shares · (figure − snapshot) / 2^96)`. Every
//! change of a coldkey's root shares on a hotkey brings its accounts with that hotkey's pools up to
//! date first (`set_shares` calls `settle_root_claims`), so nothing is ever paid per nominator at
//! an epoch: a payment touches one pool per validator.

use crate::{pallet::*, RootClaim, RootClaimPool, ROOT_NETUID};
use dtao_math::claim_accrued;
use polkadot_sdk::frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
	/// The account of `coldkey` with `pool` (opened at `pool.since`): its stored one, or a fresh one
	/// (nothing owed, figure 0) if it has none or one from an earlier pool of the same netuid.
	fn root_claim(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: u16, pool: &RootClaimPool) -> RootClaim {
		RootClaims::<T>::get((coldkey, hotkey, netuid))
			.filter(|c| c.since == pool.since)
			.unwrap_or(RootClaim { snapshot: 0, owed: 0, since: pool.since })
	}

	/// What `coldkey` can claim of root's kept alpha of `netuid` through its root stake on `hotkey`.
	pub fn root_claimable(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: u16) -> u64 {
		let held = RootClaimPools::<T>::get(hotkey, netuid).map_or(0, |p| p.held);
		Self::root_claim_due(coldkey, hotkey, netuid).min(held)
	}

	/// What `coldkey` is owed by the claim pool of (`hotkey`, `netuid`): its account's `owed` and
	/// what its current root shares earned since (`try_state` checks that the pool holds it).
	pub(crate) fn root_claim_due(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: u16) -> u64 {
		let Some(pool) = RootClaimPools::<T>::get(hotkey, netuid) else { return 0 };
		let claim = Self::root_claim(coldkey, hotkey, netuid, &pool);
		let shares = StakeShares::<T>::get((ROOT_NETUID, hotkey, coldkey)).unwrap_or(0);
		let root_shares = HotkeyStake::<T>::get(ROOT_NETUID, hotkey).map_or(0, |p| p.shares);
		claim.owed.saturating_add(claim_accrued(shares, pool.figure(Self::now(), root_shares), claim.snapshot))
	}

	/// Fold what the claim pools of `hotkey` released so far into their figures, at the hotkey's
	/// root shares now: called before those shares change (a deposit or withdrawal on root), so that
	/// each block's release goes to the shares of that block.
	///
	/// What was released while the hotkey had no root shares at all goes to the hotkey's owner, as
	/// alpha stake on the subnet (as a payment to a hotkey without root stakers does), rather than
	/// to whoever stakes on root next.
	pub(crate) fn fold_root_claims(hotkey: &T::AccountId) {
		let now = Self::now();
		let shares = HotkeyStake::<T>::get(ROOT_NETUID, hotkey).map_or(0, |p| p.shares);
		let owner = HotkeyOwner::<T>::get(hotkey);
		for (netuid, mut pool) in RootClaimPools::<T>::iter_prefix(hotkey) {
			if pool.releasing > pool.folded {
				if shares == 0 {
					let Some(owner) = owner.as_ref() else { continue };
					let mut taken = pool;
					let alpha = taken.take_unfolded(now);
					if alpha == 0 || Self::deposit_stake(hotkey, owner, netuid, alpha).is_err() {
						continue;
					}
					pool = taken;
				} else {
					pool.fold(now, shares);
				}
				RootClaimPools::<T>::insert(hotkey, netuid, pool);
			}
		}
	}

	/// Bring the accounts of `coldkey` with the claim pools of `hotkey` up to date before its root
	/// shares change from `shares` to `new_shares`: what `shares` earned joins `owed`, and the figure
	/// is recorded. Accounts of pools that no longer exist are removed, and so are accounts owed
	/// nothing once the shares are gone.
	pub(crate) fn settle_root_claims(hotkey: &T::AccountId, coldkey: &T::AccountId, shares: u128, new_shares: u128) {
		for (netuid, stored) in RootClaims::<T>::iter_prefix((coldkey, hotkey)) {
			if RootClaimPools::<T>::get(hotkey, netuid).is_none_or(|p| p.since != stored.since) {
				RootClaims::<T>::remove((coldkey, hotkey, netuid));
			}
		}
		let now = Self::now();
		let root_shares = HotkeyStake::<T>::get(ROOT_NETUID, hotkey).map_or(0, |p| p.shares);
		for (netuid, pool) in RootClaimPools::<T>::iter_prefix(hotkey) {
			let mut claim = Self::root_claim(coldkey, hotkey, netuid, &pool);
			// Folded just before the shares changed (`fold_root_claims`): nothing is unfolded.
			let figure = pool.figure(now, root_shares);
			claim.owed = claim.owed.saturating_add(claim_accrued(shares, figure, claim.snapshot));
			claim.snapshot = figure;
			if new_shares == 0 && claim.owed == 0 {
				RootClaims::<T>::remove((coldkey, hotkey, netuid));
			} else {
				RootClaims::<T>::insert((coldkey, hotkey, netuid), claim);
			}
		}
	}

	/// Pay `amount` of subnet `netuid`'s kept root alpha to the root stakers of `hotkey`: the
	/// owner's take to the owner's alpha stake on the subnet, the rest into the hotkey's claim pool,
	/// its figure raised over `release_blocks` blocks (0: at once; all of it to the owner's stake if
	/// the hotkey has no root shares). Returns what was paid; a payment too small to raise the pool's
	/// figure is not made (it stays pending).
	pub(crate) fn pay_root_alpha(hotkey: &T::AccountId, netuid: u16, amount: u64, release_blocks: u32) -> u64 {
		let Some(owner) = HotkeyOwner::<T>::get(hotkey) else { return 0 };
		if amount == 0 {
			return 0;
		}
		let shares = HotkeyStake::<T>::get(ROOT_NETUID, hotkey).map_or(0, |p| p.shares);
		if shares == 0 {
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
		let mut pool = RootClaimPools::<T>::get(hotkey, netuid).unwrap_or(RootClaimPool { since: now, ..Default::default() });
		if !pool.pay(rest, now, release_blocks, shares) {
			// Nothing reaches the pool: only the take (if any) was paid.
			return take;
		}
		RootClaimPools::<T>::insert(hotkey, netuid, pool);
		RootClaimHotkeys::<T>::insert(netuid, hotkey, ());
		amount
	}

	pub(crate) fn do_claim_root(coldkey: T::AccountId, hotkey: T::AccountId, netuid: u16) -> DispatchResult {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RootSubnetNotAllowed);
		ensure!(!Dissolving::<T>::contains_key(netuid), Error::<T>::SubnetDissolving);
		ensure!(Pools::<T>::contains_key(netuid), Error::<T>::SubnetNotFound);
		let mut pool = RootClaimPools::<T>::get(&hotkey, netuid).ok_or(Error::<T>::NothingToClaim)?;
		let alpha = Self::root_claimable(&coldkey, &hotkey, netuid);
		ensure!(alpha > 0, Error::<T>::NothingToClaim);
		Self::deposit_stake(&hotkey, &coldkey, netuid, alpha)?;
		pool.held = pool.held.saturating_sub(alpha);
		RootClaimPools::<T>::insert(&hotkey, netuid, pool);
		let shares = StakeShares::<T>::get((ROOT_NETUID, &hotkey, &coldkey)).unwrap_or(0);
		if shares == 0 {
			RootClaims::<T>::remove((&coldkey, &hotkey, netuid));
		} else {
			let root_shares = HotkeyStake::<T>::get(ROOT_NETUID, &hotkey).map_or(0, |p| p.shares);
			let snapshot = pool.figure(Self::now(), root_shares);
			RootClaims::<T>::insert((&coldkey, &hotkey, netuid), RootClaim { snapshot, owed: 0, since: pool.since });
		}
		Self::deposit_event(Event::RootClaimed { coldkey, hotkey, netuid, alpha });
		Ok(())
	}

	/// Close the claim pools of a subnet being dissolved: the alpha each holds is sold into `pool`
	/// without fee and the TAO becomes root stake of its hotkey (as root dividends, §6.5), so its
	/// root stakers keep its value. A sale that would break the liquidity floor returns the alpha
	/// to the pool's reserve instead. Returns the TAO paid.
	pub(crate) fn close_root_claims(netuid: u16, pool: &mut crate::SubnetPool) -> u64 {
		let mut paid: u64 = 0;
		let hotkeys: alloc::vec::Vec<T::AccountId> = RootClaimHotkeys::<T>::iter_key_prefix(netuid).collect();
		for hotkey in hotkeys {
			RootClaimHotkeys::<T>::remove(netuid, &hotkey);
			let Some(claims) = RootClaimPools::<T>::take(&hotkey, netuid) else { continue };
			if claims.held == 0 {
				continue;
			}
			let sale = dtao_math::sell(pool.market(), claims.held, 0, MinPoolReserve::<T>::get());
			pool.alpha_outstanding = pool.alpha_outstanding.saturating_sub(claims.held);
			match sale {
				Ok(o) if Self::credit_root_stake(&hotkey, o.amount_out) => {
					if let dtao_math::Market::Pool { tao, alpha } = o.after {
						pool.tao_reserve = tao;
						pool.alpha_reserve = alpha;
					}
					paid = paid.saturating_add(o.amount_out);
				},
				_ => pool.alpha_reserve = pool.alpha_reserve.saturating_add(claims.held),
			}
		}
		paid
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
