//! Epochs (MECHANISM.md §6.4–§6.5): drain a subnet's pending balances to its owner, its validators
//! (alpha by alpha stake, TAO by root stake, with takes) and its miners (by the validators' weights).
//! Pots without a recipient and rounding remainders stay pending.

use crate::{pallet::*, StakePool, ROOT_NETUID};
use alloc::vec::Vec;
use dtao_math::{wide, SharePool};
use polkadot_sdk::frame_support::{ensure, pallet_prelude::DispatchResult};

/// A validator with a permit: uid, hotkey, `H(h,n)`, `H(h,0)`.
type Validator<A> = (u16, A, u64, u64);

impl<T: Config> Pallet<T> {
	/// Whether the epoch of `netuid` runs at `block`: `(b + n + 1) mod (tempo + 1) = tempo`, never for
	/// a tempo of 0.
	pub fn is_epoch_block(netuid: u16, tempo: u16, block: u64) -> bool {
		if tempo == 0 {
			return false;
		}
		let period = u64::from(tempo).saturating_add(1);
		block.saturating_add(u64::from(netuid)).saturating_add(1) % period == u64::from(tempo)
	}

	/// Run the epoch of every subnet whose turn it is; returns how many ran.
	pub(crate) fn run_epochs(block: u64) -> u32 {
		let mut ran = 0u32;
		let netuids: Vec<u16> = Pools::<T>::iter_keys().collect();
		for netuid in netuids {
			if Self::is_epoch_block(netuid, Tempo::<T>::get(netuid), block) {
				Self::run_epoch(netuid);
				ran = ran.saturating_add(1);
			}
		}
		ran
	}

	/// The neurons of `netuid` holding a validator permit: the `MaxValidators` largest stake weights
	/// `w_h = H(h,n) + tw · H(h,0)` with `w_h > 0` (ties: lower uid).
	pub fn validators(netuid: u16) -> Vec<Validator<T::AccountId>> {
		let tw = u128::from(TaoWeight::<T>::get().deconstruct());
		let mut all: Vec<(u128, Validator<T::AccountId>)> = Neurons::<T>::iter_prefix(netuid)
			.map(|(uid, hotkey)| {
				let alpha = HotkeyStake::<T>::get(netuid, &hotkey).map(|p| p.alpha).unwrap_or(0);
				let root = HotkeyStake::<T>::get(ROOT_NETUID, &hotkey).map(|p| p.alpha).unwrap_or(0);
				let weight = u128::from(alpha).saturating_mul(1_000_000_000).saturating_add(tw.saturating_mul(u128::from(root)));
				(weight, (uid, hotkey, alpha, root))
			})
			.filter(|(w, _)| *w > 0)
			.collect();
		all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1 .0.cmp(&b.1 .0)));
		all.truncate(usize::from(MaxValidators::<T>::get(netuid)));
		all.into_iter().map(|(_, v)| v).collect()
	}

	/// Pay `amount` of subnet `netuid`'s stake to `hotkey`: its owner's take to the owner's own
	/// stake, the rest to the hotkey's share pool (all its nominators). Returns what was paid.
	fn pay_to_hotkey(hotkey: &T::AccountId, netuid: u16, amount: u64) -> u64 {
		let Some(owner) = HotkeyOwner::<T>::get(hotkey) else { return 0 };
		if amount == 0 {
			return 0;
		}
		let take = HotkeyTake::<T>::get(hotkey).mul_floor(amount);
		let rest = amount.saturating_sub(take);
		let mut pool: SharePool = HotkeyStake::<T>::get(netuid, hotkey).unwrap_or_default().into();
		if pool.shares > 0 && pool.credit(rest).is_ok() {
			HotkeyStake::<T>::insert(netuid, hotkey, StakePool::from(pool));
			if take == 0 || Self::deposit_stake(hotkey, &owner, netuid, take).is_ok() {
				return amount;
			}
			// The take could not mint a share: it joins the pool like the rest.
			let mut pool: SharePool = HotkeyStake::<T>::get(netuid, hotkey).unwrap_or_default().into();
			return if pool.credit(take).is_ok() {
				HotkeyStake::<T>::insert(netuid, hotkey, StakePool::from(pool));
				amount
			} else {
				rest
			};
		}
		// No nominator yet: everything goes to the owner's own stake.
		if Self::deposit_stake(hotkey, &owner, netuid, amount).is_ok() {
			amount
		} else {
			0
		}
	}

	/// Split `pot` among `validators` in proportion to `weight(v)` (rounded down), paying each part
	/// with `pay`; returns the total paid. Nothing is paid if every weight is 0.
	fn split_pot(
		pot: u64,
		validators: &[Validator<T::AccountId>],
		weight: impl Fn(&Validator<T::AccountId>) -> u64,
		mut pay: impl FnMut(&T::AccountId, u64) -> u64,
	) -> u64 {
		let total: u128 = validators.iter().map(|v| u128::from(weight(v))).sum();
		if total == 0 || pot == 0 {
			return 0;
		}
		let mut paid = 0u64;
		for v in validators {
			let amount = wide::mul_div_floor(u128::from(pot), u128::from(weight(v)), total).unwrap_or(0) as u64;
			paid = paid.saturating_add(pay(&v.1, amount));
		}
		paid
	}

	/// Pay a subnet's pending root TAO to its validators by root stake, as root stake (take first);
	/// `T_0` grows by what is paid and nothing is minted. Returns what was paid; the rest (no
	/// recipient, rounding) stays pending.
	pub(crate) fn pay_root_dividends(pool: &mut crate::SubnetPool, validators: &[Validator<T::AccountId>]) -> u64 {
		let pot = pool.pending_root_tao;
		let paid = Self::split_pot(pot, validators, |v| v.3, |hotkey, amount| {
			let paid = Self::pay_to_hotkey(hotkey, ROOT_NETUID, amount);
			TotalRootStake::<T>::mutate(|t| *t = t.saturating_add(paid));
			paid
		});
		pool.pending_root_tao = pot.saturating_sub(paid);
		paid
	}

	/// Drain the pending balances of `netuid`.
	pub(crate) fn run_epoch(netuid: u16) {
		let Some(mut pool) = Pools::<T>::get(netuid) else { return };
		// Permits and stake weights as they stand before this epoch pays anything.
		let validators = Self::validators(netuid);

		// Owner.
		let mut owner_paid = 0;
		if let (Some(owner), Some(hotkey)) = (SubnetOwner::<T>::get(netuid), SubnetOwnerHotkey::<T>::get(netuid)) {
			if pool.pending_owner_alpha > 0 && Self::deposit_stake(&hotkey, &owner, netuid, pool.pending_owner_alpha).is_ok() {
				owner_paid = pool.pending_owner_alpha;
				pool.pending_owner_alpha = 0;
			}
		}

		// Miners, by the validators' normalised weights scaled by stake weight.
		let tw = u128::from(TaoWeight::<T>::get().deconstruct());
		let mut incentive: Vec<(u16, u128)> = Vec::new();
		for (uid, _, alpha, root) in &validators {
			let w = u128::from(*alpha).saturating_mul(1_000_000_000).saturating_add(tw.saturating_mul(u128::from(*root)));
			let row = Weights::<T>::get(netuid, uid);
			let sum: u128 = row.iter().map(|(_, x)| u128::from(*x)).sum();
			if sum == 0 {
				continue;
			}
			for (miner, x) in row {
				let part = wide::mul_div_floor(w, u128::from(x), sum).unwrap_or(0);
				match incentive.iter_mut().find(|(m, _)| *m == miner) {
					Some(e) => e.1 = e.1.saturating_add(part),
					None => incentive.push((miner, part)),
				}
			}
		}
		let total_incentive: u128 = incentive.iter().map(|(_, x)| *x).fold(0u128, |a, x| a.saturating_add(x));
		let mut miner_paid = 0u64;
		if total_incentive == 0 {
			pool.pending_validator_alpha = pool.pending_validator_alpha.saturating_add(pool.pending_miner_alpha);
			pool.pending_miner_alpha = 0;
		} else {
			let pot = pool.pending_miner_alpha;
			for (uid, inc) in incentive {
				let amount = wide::mul_div_floor(u128::from(pot), inc, total_incentive).unwrap_or(0) as u64;
				let Some(hotkey) = Neurons::<T>::get(netuid, uid) else { continue };
				let Some(owner) = HotkeyOwner::<T>::get(&hotkey) else { continue };
				if amount > 0 && Self::deposit_stake(&hotkey, &owner, netuid, amount).is_ok() {
					miner_paid = miner_paid.saturating_add(amount);
				}
			}
			pool.pending_miner_alpha = pool.pending_miner_alpha.saturating_sub(miner_paid);
		}

		// Validators' alpha pot by alpha stake.
		let pot = pool.pending_validator_alpha;
		let validator_paid = Self::split_pot(pot, &validators, |v| v.2, |hotkey, amount| Self::pay_to_hotkey(hotkey, netuid, amount));
		pool.pending_validator_alpha = pot.saturating_sub(validator_paid);

		// Root TAO pot by root stake: the TAO becomes root stake (MECHANISM.md §6.5).
		let root_paid = Self::pay_root_dividends(&mut pool, &validators);

		Pools::<T>::insert(netuid, pool);
		Self::deposit_event(Event::EpochDrained {
			netuid,
			owner_alpha: owner_paid,
			miner_alpha: miner_paid,
			validator_alpha: validator_paid,
			root_tao: root_paid,
		});
	}

	pub(crate) fn do_set_weights(hotkey: T::AccountId, netuid: u16, uids: Vec<u16>, weights: Vec<u16>) -> DispatchResult {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RootSubnetNotAllowed);
		ensure!(Pools::<T>::contains_key(netuid), Error::<T>::SubnetNotFound);
		let uid = Uids::<T>::get(netuid, &hotkey).ok_or(Error::<T>::NoValidatorPermit)?;
		ensure!(Self::validators(netuid).iter().any(|v| v.0 == uid), Error::<T>::NoValidatorPermit);
		ensure!(uids.len() == weights.len() && !uids.is_empty(), Error::<T>::InvalidWeights);
		let count = NeuronCount::<T>::get(netuid);
		let mut seen = uids.clone();
		seen.sort_unstable();
		seen.dedup();
		ensure!(seen.len() == uids.len(), Error::<T>::InvalidWeights);
		ensure!(uids.iter().all(|u| *u < count), Error::<T>::InvalidWeights);
		ensure!(weights.iter().any(|w| *w > 0), Error::<T>::InvalidWeights);
		Weights::<T>::insert(netuid, uid, uids.into_iter().zip(weights).collect::<Vec<_>>());
		Self::deposit_event(Event::WeightsSet { netuid, uid });
		Ok(())
	}
}
