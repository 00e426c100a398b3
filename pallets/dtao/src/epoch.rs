//! Epochs (`docs/mechanism.md` §6.4–§6.5, `docs/yuma.md`): drain a subnet's pending balances to
//! its owner, its miners (by Yuma incentive) and its validators (the alpha and root parts of their
//! Yuma dividends), with takes. Pots without a recipient and rounding remainders stay pending.
//!
//! The pallet loads the subnet's state, calls the pure [`dtao_math::yuma::epoch`], pays the pots
//! by [`dtao_math::yuma::split_pots`], and writes back the bonds, the permits and the outputs.

use crate::{neurons::set_at, pallet::*, ROOT_NETUID};
use alloc::{vec, vec::Vec};
use dtao_math::{
	yuma::{self, EpochInput, EpochOutput, Neuron, Pots},
};
use polkadot_sdk::frame_support::{
	ensure,
	pallet_prelude::{BoundedVec, DispatchResult, Get, Weight},
};

/// A subnet's state as the epoch reads it.
pub struct EpochState<AccountId> {
	/// Hotkey of each uid.
	pub hotkeys: Vec<AccountId>,
	/// Each uid's stake, activity and permit, as Yuma reads them.
	pub neurons: Vec<Neuron>,
	/// Weight rows of the permit holders (and the owner), by uid: `(uid, weight)`; empty for others.
	pub weights: Vec<Vec<(u16, u16)>>,
	/// Bond rows of the permit holders, by uid: `(uid, bond)` over 65535; empty for others.
	pub bonds: Vec<Vec<(u16, u16)>>,
	/// The subnet's tempo.
	pub tempo: u16,
	/// Block of the last epoch (0: never).
	pub last_epoch_block: u64,
	/// The uid of the owner's hotkey, if it is a neuron: it always holds a permit.
	pub owner_uid: Option<u16>,
	/// The subnet's Yuma hyperparameters.
	pub params: yuma::Params,
}

impl<T: Config> Pallet<T> {
	/// Whether the epoch of `netuid` runs at `block`: `(b + n + 1) mod (tempo + 1) = tempo`, never for
	/// a tempo of 0.
	pub fn is_epoch_block(netuid: u16, tempo: u16, block: u64) -> bool {
		yuma::is_epoch_block(netuid, tempo, block)
	}

	/// Set a subnet's `Tempo` and its copy in the pool (the block hook reads the latter).
	pub(crate) fn put_tempo(netuid: u16, tempo: u16) {
		Tempo::<T>::insert(netuid, tempo);
		Pools::<T>::mutate(netuid, |pool| {
			if let Some(pool) = pool {
				pool.tempo = tempo;
			}
		});
		<T::Observer as crate::DtaoObserver<T::AccountId>>::tempo_set(netuid, tempo);
	}

	/// Run the epochs due in `block` among `subnets` (every subnet with its tempo, ascending): first
	/// those deferred from earlier blocks (oldest first), then those whose turn it is, while their
	/// weights fit in `budget` (the first always runs). What
	/// does not fit is deferred (`EpochsDeferred`). Returns the weight of the epochs that ran and of
	/// writing the queue (the schedule and reading the queue are part of the coinbase's weight).
	pub(crate) fn run_epochs(subnets: &[(u16, u16)], block: u64, budget: Weight) -> Weight {
		use crate::WeightInfo;
		let mut queue: Vec<u16> = DeferredEpochs::<T>::get().into_inner();
		let deferred_before = queue.len();
		for (netuid, tempo) in subnets {
			if Self::is_epoch_block(*netuid, *tempo, block) && !queue.contains(netuid) {
				queue.push(*netuid);
			}
		}
		let mut used = Weight::zero();
		let mut ran = 0usize;
		for netuid in &queue {
			// Sizing a candidate reads its neuron count and its permits.
			let (neurons, validators) = Self::epoch_size(*netuid);
			used = used.saturating_add(T::DbWeight::get().reads(2));
			let cost = T::WeightInfo::epoch(neurons, validators);
			if ran > 0 && !used.saturating_add(cost).all_lte(budget) {
				break;
			}
			Self::run_epoch(*netuid);
			used = used.saturating_add(cost);
			ran = ran.saturating_add(1);
		}
		let waiting: Vec<u16> = queue.get(ran..).map(<[u16]>::to_vec).unwrap_or_default();
		if !waiting.is_empty() {
			Self::deposit_event(Event::EpochsDeferred { netuids: waiting.clone() });
		}
		if !waiting.is_empty() || deferred_before > 0 {
			// At most every subnet once, so within the bound.
			DeferredEpochs::<T>::put(BoundedVec::truncate_from(waiting));
			used = used.saturating_add(T::DbWeight::get().writes(1));
		}
		used
	}

	/// What an epoch of `netuid` costs by: its neurons, and the rows it reads (stored permits and
	/// the owner), each of at most `neurons` entries.
	pub fn epoch_size(netuid: u16) -> (u32, u32) {
		let neurons = u32::from(NeuronCount::<T>::get(netuid));
		let permits = ValidatorPermit::<T>::get(netuid).iter().filter(|p| **p).count();
		let rows = u32::try_from(permits).unwrap_or(u32::MAX).saturating_add(1).min(neurons);
		(neurons, rows)
	}

	/// The most rows `epoch_size` can count: the permits `MaxValidatorsLimit` allows, one more if
	/// the owner's uid is not among them, and the one `epoch_size` adds for the owner.
	pub fn max_epoch_rows() -> u32 {
		T::MaxValidatorsLimit::get().saturating_add(2)
	}

	/// The Yuma hyperparameters of `netuid`.
	pub fn yuma_params(netuid: u16) -> yuma::Params {
		yuma::Params {
			tao_weight_ppb: TaoWeight::<T>::get().deconstruct(),
			kappa: Kappa::<T>::get(netuid),
			bonds_moving_average: BondsMovingAverage::<T>::get(netuid),
			bonds_penalty: BondsPenalty::<T>::get(netuid),
			activity_cutoff: yuma::activity_cutoff(ActivityCutoffFactorMilli::<T>::get(netuid), Tempo::<T>::get(netuid)),
			max_validators: MaxValidators::<T>::get(netuid),
		}
	}

	/// Read what the epoch of `netuid` needs: each uid's hotkey, stakes, stored permit, last
	/// update, registration block, weights and bonds.
	pub fn epoch_state(netuid: u16) -> EpochState<T::AccountId> {
		let count = NeuronCount::<T>::get(netuid);
		let permits = ValidatorPermit::<T>::get(netuid);
		let updates = LastUpdate::<T>::get(netuid);
		let mut state = EpochState {
			hotkeys: Vec::new(),
			neurons: Vec::new(),
			weights: Vec::new(),
			bonds: Vec::new(),
			tempo: Tempo::<T>::get(netuid),
			last_epoch_block: LastEpochBlock::<T>::get(netuid),
			owner_uid: SubnetOwnerHotkey::<T>::get(netuid).and_then(|h| Uids::<T>::get(netuid, h)),
			params: Self::yuma_params(netuid),
		};
		for uid in 0..count {
			let Some(hotkey) = Neurons::<T>::get(netuid, uid) else { break };
			let i = usize::from(uid);
			// Yuma reads the rows of permit holders (stored permits and the owner) only, and only
			// they hold bonds (`try_state` checks it): the rows of the others are not read.
			let permitted = permits.get(i).copied().unwrap_or(false) || state.owner_uid == Some(uid);
			state.neurons.push(Neuron {
				alpha_stake: HotkeyStake::<T>::get(netuid, &hotkey).map(|p| p.alpha).unwrap_or(0),
				root_stake: HotkeyStake::<T>::get(ROOT_NETUID, &hotkey).map(|p| p.alpha).unwrap_or(0),
				permit: permits.get(i).copied().unwrap_or(false),
				last_update: updates.get(i).copied().unwrap_or(0),
				registered_at: BlockAtRegistration::<T>::get(netuid, uid),
			});
			state.weights.push(if permitted { Weights::<T>::get(netuid, uid) } else { Vec::new() });
			state.bonds.push(if permitted { Bonds::<T>::get(netuid, uid) } else { Vec::new() });
			state.hotkeys.push(hotkey);
		}
		state
	}

	/// Yuma Consensus over the current state of `netuid` at `block`, without writing anything.
	pub fn compute_epoch(netuid: u16, block: u64) -> (EpochState<T::AccountId>, EpochOutput) {
		let state = Self::epoch_state(netuid);
		let out = yuma::epoch(&EpochInput {
			block,
			tempo: state.tempo,
			last_epoch_block: state.last_epoch_block,
			owner_uid: state.owner_uid,
			neurons: &state.neurons,
			weights: &state.weights,
			bonds: &state.bonds,
			params: state.params,
		});
		(state, out)
	}

	/// The take an epoch applies for `hotkey`: its own, but never above the current `MaxTake` (a
	/// take set before `MaxTake` was lowered is paid at `MaxTake`).
	pub fn effective_take(hotkey: &T::AccountId) -> polkadot_sdk::sp_runtime::Perbill {
		HotkeyTake::<T>::get(hotkey).min(MaxTake::<T>::get())
	}

	/// Pay `amount` of subnet `netuid`'s stake to `hotkey`: its owner's take to the owner's own
	/// stake, the rest to the hotkey's share pool (all its nominators), at once or released over
	/// `release_blocks` blocks (`DividendAccrualMode`). Returns what was paid.
	fn pay_to_hotkey(hotkey: &T::AccountId, netuid: u16, amount: u64, release_blocks: u32) -> u64 {
		let Some(owner) = HotkeyOwner::<T>::get(hotkey) else { return 0 };
		if amount == 0 {
			return 0;
		}
		let take = Self::effective_take(hotkey).mul_floor(amount);
		let rest = amount.saturating_sub(take);
		let now = Self::now();
		// Fails (nothing written) on a pool without shares.
		let credit = |alpha: u64| -> bool {
			let mut stored = HotkeyStake::<T>::get(netuid, hotkey).unwrap_or_default();
			let paid = if release_blocks > 0 {
				stored.vest(alpha, now, release_blocks).is_ok()
			} else {
				let mut pool = stored.share_pool(now);
				let ok = pool.credit(alpha).is_ok();
				stored = stored.with(pool, now);
				ok
			};
			if paid {
				HotkeyStake::<T>::insert(netuid, hotkey, stored);
			}
			paid
		};
		if credit(rest) {
			if take == 0 || Self::deposit_stake(hotkey, &owner, netuid, take).is_ok() {
				return amount;
			}
			// The take could not mint a share: it joins the pool like the rest.
			return if credit(take) { amount } else { rest };
		}
		// No nominator yet: everything goes to the owner's own stake.
		if Self::deposit_stake(hotkey, &owner, netuid, amount).is_ok() {
			amount
		} else {
			0
		}
	}

	/// Over how many blocks an epoch of a subnet with `tempo` releases its dividends: none (at once)
	/// under `AtEpoch`, `tempo + 1` (until the next epoch) under `OverTempo`.
	fn release_blocks(tempo: u16) -> u32 {
		match DividendAccrualMode::<T>::get() {
			crate::DividendAccrual::AtEpoch => 0,
			crate::DividendAccrual::OverTempo => u32::from(tempo).saturating_add(1),
		}
	}

	/// Pay root's kept alpha pending in `pool` (`KeepAlpha`, docs/mechanism.md §6.7) by the root parts
	/// of the epoch's dividends into the validators' claim pools, released over `release_blocks`;
	/// returns what was paid (nothing to do, and no split computed, when none is pending).
	fn pay_kept_root_alpha(
		netuid: u16,
		state: &EpochState<T::AccountId>,
		out: &EpochOutput,
		pool: &mut crate::SubnetPool,
		record: &mut [u64],
		release_blocks: u32,
	) -> u64 {
		if pool.pending_root_alpha == 0 {
			return 0;
		}
		let kept = Pots { miner: 0, validator: 0, root: pool.pending_root_alpha };
		let split = yuma::split_pots(&state.neurons, out, TaoWeight::<T>::get().deconstruct(), kept);
		let paid = Self::pay_parts(&state.hotkeys, &split.root_tao, record, |hotkey, amount| {
			Self::pay_root_alpha(hotkey, netuid, amount, release_blocks)
		});
		pool.pending_root_alpha = pool.pending_root_alpha.saturating_sub(paid);
		paid
	}

	/// Pay each uid's part of a pot with `pay`; returns the total paid and records each payment in
	/// `record`.
	fn pay_parts(
		hotkeys: &[T::AccountId],
		parts: &[u64],
		record: &mut [u64],
		mut pay: impl FnMut(&T::AccountId, u64) -> u64,
	) -> u64 {
		let mut total = 0u64;
		for ((hotkey, amount), slot) in hotkeys.iter().zip(parts.iter()).zip(record.iter_mut()) {
			if *amount == 0 {
				continue;
			}
			let paid = pay(hotkey, *amount);
			*slot = slot.saturating_add(paid);
			total = total.saturating_add(paid);
		}
		total
	}

	/// Pay root TAO to hotkeys as root stake (take first); `T_0` grows by what is paid and nothing
	/// is minted. Returns what was paid.
	fn pay_root_parts(hotkeys: &[T::AccountId], parts: &[u64], record: &mut [u64], release_blocks: u32) -> u64 {
		Self::pay_parts(hotkeys, parts, record, |hotkey, amount| {
			let paid = Self::pay_to_hotkey(hotkey, ROOT_NETUID, amount, release_blocks);
			TotalRootStake::<T>::mutate(|t| *t = t.saturating_add(paid));
			paid
		})
	}

	/// Pay a subnet's pending root TAO as the epoch would share it now (the root parts of the Yuma
	/// dividends), as root stake. Returns what was paid; the rest (no recipient, rounding) stays
	/// pending.
	pub(crate) fn pay_root_dividends(netuid: u16, pool: &mut crate::SubnetPool) -> u64 {
		let (state, out) = Self::compute_epoch(netuid, Self::now());
		let pots = Pots { miner: 0, validator: 0, root: pool.pending_root_tao };
		let split = yuma::split_pots(&state.neurons, &out, TaoWeight::<T>::get().deconstruct(), pots);
		let mut record = vec![0u64; state.hotkeys.len()];
		let release = Self::release_blocks(state.tempo);
		let paid = Self::pay_root_parts(&state.hotkeys, &split.root_tao, &mut record, release);
		pool.pending_root_tao = pool.pending_root_tao.saturating_sub(paid);
		Self::pay_kept_root_alpha(netuid, &state, &out, pool, &mut record, release);
		paid
	}

	/// Run the epoch of `netuid`: Yuma Consensus, then drain the pending balances.
	pub(crate) fn run_epoch(netuid: u16) {
		let Some(mut pool) = Pools::<T>::get(netuid) else { return };
		let now = Self::now();
		// Stakes, permits and weights as they stand before this epoch pays anything.
		let (state, out) = Self::compute_epoch(netuid, now);
		let n = state.hotkeys.len();

		// Owner.
		let mut owner_paid = 0;
		if let (Some(owner), Some(hotkey)) = (SubnetOwner::<T>::get(netuid), SubnetOwnerHotkey::<T>::get(netuid)) {
			if pool.pending_owner_alpha > 0 && Self::deposit_stake(&hotkey, &owner, netuid, pool.pending_owner_alpha).is_ok() {
				owner_paid = pool.pending_owner_alpha;
				pool.pending_owner_alpha = 0;
			}
		}

		let pots = Pots { miner: pool.pending_miner_alpha, validator: pool.pending_validator_alpha, root: pool.pending_root_tao };
		let split = yuma::split_pots(&state.neurons, &out, TaoWeight::<T>::get().deconstruct(), pots);
		if split.miners_to_validators {
			// No incentive: the miners' alpha joins the validators' pot.
			pool.pending_validator_alpha = pool.pending_validator_alpha.saturating_add(pool.pending_miner_alpha);
			pool.pending_miner_alpha = 0;
		}
		let mut alpha_paid = vec![0u64; n];
		let mut root_paid = vec![0u64; n];

		// Miners, by incentive, staked to (hotkey, its owner), no take.
		let miner_paid = Self::pay_parts(&state.hotkeys, &split.miner, &mut alpha_paid, |hotkey, amount| {
			match HotkeyOwner::<T>::get(hotkey) {
				Some(owner) if Self::deposit_stake(hotkey, &owner, netuid, amount).is_ok() => amount,
				_ => 0,
			}
		});
		pool.pending_miner_alpha = pool.pending_miner_alpha.saturating_sub(miner_paid);

		// Validators' alpha, by the alpha parts of their dividends, with takes.
		let release = Self::release_blocks(state.tempo);
		let validator_paid = Self::pay_parts(&state.hotkeys, &split.validator_alpha, &mut alpha_paid, |hotkey, amount| {
			Self::pay_to_hotkey(hotkey, netuid, amount, release)
		});
		pool.pending_validator_alpha = pool.pending_validator_alpha.saturating_sub(validator_paid);

		// Root TAO, by the root parts: the TAO becomes root stake (docs/mechanism.md §6.5).
		let root_tao = Self::pay_root_parts(&state.hotkeys, &split.root_tao, &mut root_paid, release);
		pool.pending_root_tao = pool.pending_root_tao.saturating_sub(root_tao);

		let root_alpha = Self::pay_kept_root_alpha(netuid, &state, &out, &mut pool, &mut alpha_paid, release);
		// The payments may have added stake entries, which `set_shares` counted in the stored pool.
		pool.stakers = Pools::<T>::get(netuid).map_or(pool.stakers, |p| p.stakers);
		pool.last_epoch = now;
		Pools::<T>::insert(netuid, pool);

		// Write back: bonds of the new permit holders, permits, outputs, payments.
		for (uid, row) in (0u16..).zip(out.new_bonds.iter()) {
			if row.is_empty() {
				Bonds::<T>::remove(netuid, uid);
			} else {
				Bonds::<T>::insert(netuid, uid, row);
			}
		}
		let to_u16 = |v: &[yuma::Fx]| -> Vec<u16> { v.iter().map(|x| yuma::to_u16_proportion(*x)).collect() };
		ValidatorPermit::<T>::insert(netuid, &out.new_permits);
		Incentive::<T>::insert(netuid, to_u16(&out.incentive));
		Dividends::<T>::insert(netuid, to_u16(&out.dividends));
		Consensus::<T>::insert(netuid, to_u16(&out.consensus));
		ValidatorTrust::<T>::insert(netuid, to_u16(&out.validator_trust));
		StakeWeight::<T>::insert(netuid, to_u16(&out.stake));
		Active::<T>::insert(netuid, &out.active);
		LastEpochAlpha::<T>::insert(netuid, alpha_paid);
		LastEpochRootTao::<T>::insert(netuid, root_paid);
		LastEpochBlock::<T>::insert(netuid, now);
		<T::Observer as crate::DtaoObserver<T::AccountId>>::epoch_ran(netuid, now);

		Self::deposit_event(Event::EpochDrained {
			netuid,
			owner_alpha: owner_paid,
			miner_alpha: miner_paid,
			validator_alpha: validator_paid,
			root_tao,
		});
		if root_alpha > 0 {
			Self::deposit_event(Event::RootAlphaDrained { netuid, root_alpha });
		}
	}

	/// Whether `hotkey` (uid `uid` of `netuid`) may set weights: it holds the permit stored by the
	/// last epoch, or it is the subnet owner's hotkey.
	pub fn has_validator_permit(netuid: u16, uid: u16, hotkey: &T::AccountId) -> bool {
		SubnetOwnerHotkey::<T>::get(netuid).as_ref() == Some(hotkey)
			|| ValidatorPermit::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(false)
	}

	pub(crate) fn do_set_weights(hotkey: T::AccountId, netuid: u16, uids: Vec<u16>, weights: Vec<u16>) -> DispatchResult {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RootSubnetNotAllowed);
		ensure!(Pools::<T>::contains_key(netuid), Error::<T>::SubnetNotFound);
		let uid = Uids::<T>::get(netuid, &hotkey).ok_or(Error::<T>::NoValidatorPermit)?;
		ensure!(Self::has_validator_permit(netuid, uid, &hotkey), Error::<T>::NoValidatorPermit);
		ensure!(uids.len() == weights.len() && !uids.is_empty(), Error::<T>::InvalidWeights);
		let count = NeuronCount::<T>::get(netuid);
		ensure!(uids.iter().all(|u| *u < count), Error::<T>::InvalidWeights);
		ensure!(weights.iter().any(|w| *w > 0), Error::<T>::InvalidWeights);
		let mut seen = uids.clone();
		seen.sort_unstable();
		seen.dedup();
		ensure!(seen.len() == uids.len(), Error::<T>::InvalidWeights);
		// Stored max-upscaled: the largest weight becomes 65535 (docs/yuma.md §8).
		let values = yuma::max_upscale(&weights);
		Weights::<T>::insert(netuid, uid, uids.into_iter().zip(values).collect::<Vec<_>>());
		LastUpdate::<T>::mutate(netuid, |v| set_at(v, uid, Self::now()));
		<T::Observer as crate::DtaoObserver<T::AccountId>>::weights_set(netuid, uid);
		Self::deposit_event(Event::WeightsSet { netuid, uid });
		Ok(())
	}
}
