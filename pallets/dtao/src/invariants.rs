//! The accounting invariants of docs/mechanism.md §8, checked by `try_state` and after every test.

use crate::{pallet::*, Settlement, SubnetPool, ROOT_NETUID};
use alloc::collections::BTreeMap;
use dtao_math::{SharePool, SUPPLY_CAP};
use polkadot_sdk::{
	frame_support::traits::fungible::Inspect,
	sp_runtime::{DispatchError, TryRuntimeError},
};

fn fail(msg: &'static str) -> TryRuntimeError {
	DispatchError::Other(msg)
}

macro_rules! check {
	($cond:expr, $msg:literal) => {
		if !$cond {
			return Err(fail($msg));
		}
	};
}

impl<T: Config> Pallet<T> {
	/// Every invariant of docs/mechanism.md §8 that holds between blocks:
	/// 1. the pallet account holds exactly its own existential deposit, plus `T_0`, plus every
	///    pool's TAO and pending root TAO, and the TAO of settled claim pools (§6.7);
	/// 2. per subnet, `O_n = Σ_h H(h,n) + pending alpha`; on root, `T_0 = Σ_h H(h,0)`;
	/// 3. per share pool, the coldkeys' shares add up to `S`, and their values to `H` minus less
	///    than one alpha-rao per coldkey (never more than `H`); `H > 0` iff `S > 0`;
	/// 4. no pool below the liquidity floor;
	/// 5. `I_n ≤ 21M` for every subnet;
	///
	/// A dissolving subnet (docs/mechanism.md §5.3) has no pool; the pallet account holds what its
	/// settlement has not paid yet, and its remaining holders are worth at most the frozen issuance
	/// minus what was paid.
	///
	/// It also checks the bookkeeping: each pool's `stakers` (a dissolving subnet's holders left) and
	/// `StakeIndex` match the stake entries, each pool's copies of `Tempo` and `LastEpochBlock` match
	/// them,
	/// `TotalNetworks` counts the pools, every subnet has an owner, every stake entry belongs to an
	/// existing subnet, neurons and uids agree, the Yuma state (per-uid vectors, weights, bonds)
	/// covers exactly the uids that exist, and each deferred epoch is of an existing subnet, once.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let pools: BTreeMap<u16, SubnetPool> = Pools::<T>::iter().collect();
		let dissolving: BTreeMap<u16, Settlement<T::AccountId>> = Dissolving::<T>::iter().collect();
		let root_stake = TotalRootStake::<T>::get();
		let now = Self::now();

		// 1. TAO held by the pallet account.
		let mut tao: u128 = u128::from(root_stake);
		for p in pools.values() {
			tao = tao.saturating_add(u128::from(p.tao_reserve)).saturating_add(u128::from(p.pending_root_tao));
		}
		for s in dissolving.values() {
			check!(s.paid <= s.tao, "a settlement paid more than the pool's TAO");
			tao = tao.saturating_add(u128::from(s.tao_left()));
		}
		let ed = u128::from(T::Currency::minimum_balance());
		let held = u128::from(T::Currency::balance(&Self::account_id()));
		// Checked with the TAO of settled claim pools, below.
		let mut tao_claims: u128 = 0;
		check!(dissolving.keys().all(|n| *n != ROOT_NETUID && !pools.contains_key(n)), "a dissolving subnet still has a pool");

		// 3. Share pools, accumulated from the coldkeys' entries; and the stake counts and index.
		let mut per_pool: BTreeMap<(u16, T::AccountId), (u128, u128, u128)> = BTreeMap::new();
		let mut count: BTreeMap<u16, u32> = BTreeMap::new();
		let mut entries: u64 = 0;
		for ((netuid, hotkey, coldkey), shares) in StakeShares::<T>::iter() {
			check!(
				netuid == ROOT_NETUID || pools.contains_key(&netuid) || dissolving.contains_key(&netuid),
				"stake on a subnet that does not exist"
			);
			check!(shares > 0, "empty stake entry");
			check!(StakeIndex::<T>::contains_key((&coldkey, &hotkey, netuid)), "stake entry missing from StakeIndex");
			let stored = HotkeyStake::<T>::get(netuid, &hotkey).unwrap_or_default();
			let pool: SharePool = if dissolving.contains_key(&netuid) {
				let mut all = stored;
				all.release_all();
				all.share_pool(now)
			} else {
				stored.share_pool(now)
			};
			let e = per_pool.entry((netuid, hotkey)).or_insert((0, 0, 0));
			e.0 = e.0.saturating_add(shares);
			e.1 = e.1.saturating_add(u128::from(pool.value(shares)));
			e.2 = e.2.saturating_add(1);
			let c = count.entry(netuid).or_insert(0);
			*c = c.saturating_add(1);
			entries = entries.saturating_add(1);
		}
		check!(StakeIndex::<T>::iter_keys().count() as u64 == entries, "StakeIndex has entries without a stake");
		for (netuid, p) in &pools {
			check!(count.get(netuid).copied().unwrap_or(0) == p.stakers, "a pool's stakers != its stake entries");
		}
		for (netuid, s) in &dissolving {
			check!(count.get(netuid).copied().unwrap_or(0) == s.holders_left(), "a settlement's holders left != its stake entries");
		}
		let mut alpha_by_subnet: BTreeMap<u16, u128> = BTreeMap::new();
		let mut unpaid_value: BTreeMap<u16, u128> = BTreeMap::new();
		for (netuid, hotkey, stored) in HotkeyStake::<T>::iter() {
			check!(stored.shares > 0 && stored.alpha > 0, "share pool with no shares or no alpha");
			check!(stored.unreleased(now) <= stored.alpha, "a share pool holds less than it has to release");
			check!(
				(stored.vesting == 0) == (stored.vesting_blocks == 0),
				"a release schedule with no amount or no length"
			);
			// `O_n` and `T_0` count `H` whole; the holders own what is released.
			let pool = stored.share_pool(now);
			let (shares, values, holders) = per_pool.remove(&(netuid, hotkey)).unwrap_or((0, 0, 0));
			if dissolving.contains_key(&netuid) {
				// Frozen while its holders are paid and removed.
				check!(shares <= pool.shares, "a dissolving subnet's holders hold more than its share pool");
				let v = unpaid_value.entry(netuid).or_insert(0);
				*v = v.saturating_add(values);
				continue;
			}
			check!(shares == pool.shares, "coldkeys' shares do not add up to the pool's shares");
			check!(values <= u128::from(pool.alpha), "coldkeys' values exceed the pool's alpha");
			check!(
				values.saturating_add(holders) >= u128::from(pool.alpha),
				"coldkeys' values fall short of the pool's alpha by a rao or more per coldkey"
			);
			let total = alpha_by_subnet.entry(netuid).or_insert(0);
			*total = total.saturating_add(u128::from(stored.alpha));
		}
		check!(per_pool.is_empty(), "stake entries without a share pool");
		for (netuid, s) in &dissolving {
			// What is left to pay stays within the pool's TAO: the holders' values never exceed the
			// frozen issuance, so cumulative rounding never pays past `P`.
			let unpaid = unpaid_value.get(netuid).copied().unwrap_or(0);
			check!(
				s.value_paid.saturating_add(unpaid) <= u128::from(s.issuance),
				"a settlement's holders are worth more than the frozen issuance"
			);
		}

		// 2. Alpha outstanding.
		check!(
			alpha_by_subnet.remove(&ROOT_NETUID).unwrap_or(0) == u128::from(root_stake),
			"T_0 != Σ_h H(h,0)"
		);
		// Root's kept alpha held in live claim pools (§6.7) is outstanding too.
		let mut claimed_by_subnet: BTreeMap<u16, u128> = BTreeMap::new();
		let accounts: BTreeMap<(T::AccountId, T::AccountId), crate::claims::AccountsOf<T>> =
			RootClaims::<T>::iter().map(|(c, h, a)| ((c, h), a)).collect();
		for (hotkey, claims) in RootClaimPools::<T>::iter() {
			let mut ids = alloc::collections::BTreeSet::new();
			for pool in claims.pools.iter() {
				check!(pool.id < claims.next_id && ids.insert(pool.id), "claim pool ids not unique and below next_id");
				match pool.settled {
					None => {
						let netuid = pool.netuid;
						check!(pools.contains_key(&netuid) && netuid != ROOT_NETUID, "a live root claim pool on a subnet that does not exist");
						check!(RootClaimHotkeys::<T>::contains_key(netuid, &hotkey), "a root claim pool missing from RootClaimHotkeys");
						check!(claims.live(netuid).map(|p| p.id) == Some(pool.id), "two live claim pools of one subnet");
						let held = claimed_by_subnet.entry(netuid).or_insert(0);
						*held = held.saturating_add(u128::from(pool.held));
					},
					// Settled: the pallet account keeps its TAO.
					Some(settled) => tao_claims = tao_claims.saturating_add(u128::from(settled)),
				}
				// What its root stakers can claim never exceeds what it holds.
				let mut claimable: u128 = 0;
				for coldkey in StakeShares::<T>::iter_key_prefix((ROOT_NETUID, &hotkey)) {
					claimable = claimable.saturating_add(u128::from(Self::root_claim_due(&coldkey, &hotkey, pool)));
				}
				for ((coldkey, h), list) in &accounts {
					if *h == hotkey && !StakeShares::<T>::contains_key((ROOT_NETUID, h, coldkey)) {
						let owed = list.iter().find(|a| a.id == pool.id).map_or(0, |a| a.owed);
						claimable = claimable.saturating_add(u128::from(owed));
					}
				}
				check!(claimable <= u128::from(pool.held), "root stakers can claim more than a claim pool holds");
			}
		}
		let mut live_pools: BTreeMap<u16, u32> = BTreeMap::new();
		for (netuid, _) in RootClaimHotkeys::<T>::iter_keys() {
			let count = live_pools.entry(netuid).or_insert(0);
			*count = count.saturating_add(1);
		}
		check!(
			RootClaimPoolCount::<T>::iter().all(|(n, count)| count > 0 && live_pools.get(&n) == Some(&count))
				&& live_pools.iter().all(|(n, count)| RootClaimPoolCount::<T>::get(n) == *count),
			"RootClaimPoolCount does not count each subnet's live claim pools"
		);
		check!(
			live_pools.values().all(|count| *count <= <T::MaxValidatorsLimit as polkadot_sdk::frame_support::traits::Get<u32>>::get()),
			"a subnet has more live claim pools than MaxValidatorsLimit"
		);
		check!(
			RootClaimHotkeys::<T>::iter_keys().all(|(netuid, hotkey)| {
				RootClaimPools::<T>::get(&hotkey).is_some_and(|c| c.live(netuid).is_some())
			}),
			"RootClaimHotkeys names a claim pool that does not exist"
		);
		check!(
			held == tao.saturating_add(ed).saturating_add(tao_claims),
			"pallet account balance != ED + T_0 + Σ (T_n + pending root TAO) + TAO of settlements and settled claims"
		);
		for (netuid, p) in &pools {
			let staked = alpha_by_subnet.remove(netuid).unwrap_or(0);
			let held = claimed_by_subnet.get(netuid).copied().unwrap_or(0);
			check!(
				u128::from(p.alpha_outstanding) == staked.saturating_add(u128::from(p.pending_alpha())).saturating_add(held),
				"O_n != Σ_h H(h,n) + pending alpha + root alpha held for claims"
			);
		}
		check!(alpha_by_subnet.is_empty(), "share pool on a subnet that does not exist");

		// 4. and 5. Pools.
		let floor = MinPoolReserve::<T>::get();
		for (netuid, p) in &pools {
			check!(p.tao_reserve >= floor && p.alpha_reserve >= floor, "pool below the liquidity floor");
			check!(p.alpha_reserve > 0, "pool with no alpha");
			check!(p.tempo == Tempo::<T>::get(netuid), "a pool's copy of the tempo differs from Tempo");
			check!(p.last_epoch == LastEpochBlock::<T>::get(netuid), "a pool's copy of the last epoch block differs from LastEpochBlock");
			check!(p.alpha_issuance() <= SUPPLY_CAP, "alpha issuance above 21M");
			check!(SubnetOwner::<T>::contains_key(netuid), "subnet without an owner");
			check!(SubnetOwnerHotkey::<T>::contains_key(netuid), "subnet without an owner hotkey");
			let count = NeuronCount::<T>::get(netuid);
			for uid in 0..count {
				let hotkey = Neurons::<T>::get(netuid, uid).ok_or(fail("missing neuron below the count"))?;
				check!(Uids::<T>::get(netuid, &hotkey) == Some(uid), "neuron and uid disagree");
				check!(HotkeyOwner::<T>::contains_key(&hotkey), "neuron without an owner");
			}
		}
		check!(usize::from(TotalNetworks::<T>::get()) == pools.len(), "TotalNetworks != number of pools");
		check!(
			Neurons::<T>::iter_keys().all(|(netuid, uid)| uid < NeuronCount::<T>::get(netuid)),
			"neuron at or above the count"
		);

		// Yuma state: one entry per uid, nothing for uids or subnets that do not exist.
		for netuid in pools.keys() {
			let count = usize::from(NeuronCount::<T>::get(netuid));
			check!(LastUpdate::<T>::get(netuid).len() == count, "LastUpdate does not have one entry per uid");
			check!(ValidatorPermit::<T>::get(netuid).len() == count, "ValidatorPermit does not have one entry per uid");
		}
		let known = |netuid: u16, uid: u16| pools.contains_key(&netuid) && uid < NeuronCount::<T>::get(netuid);
		for (netuid, uid, row) in Bonds::<T>::iter() {
			check!(known(netuid, uid), "bonds of a uid that does not exist");
			check!(
				ValidatorPermit::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(false),
				"bonds of a uid without a stored permit"
			);
			check!(row.iter().all(|(j, _)| known(netuid, *j)), "bond on a uid that does not exist");
		}
		for (netuid, uid, row) in Weights::<T>::iter() {
			check!(known(netuid, uid), "weights of a uid that does not exist");
			check!(row.iter().all(|(j, _)| known(netuid, *j)), "weight on a uid that does not exist");
		}
		check!(
			BlockAtRegistration::<T>::iter_keys().all(|(netuid, uid)| known(netuid, uid)),
			"registration block of a uid that does not exist"
		);

		// Deferred epochs: subnets that exist, each once.
		let deferred = DeferredEpochs::<T>::get();
		check!(deferred.iter().all(|n| pools.contains_key(n)), "deferred epoch of a subnet that does not exist");
		check!(
			deferred.iter().collect::<alloc::collections::BTreeSet<_>>().len() == deferred.len(),
			"a subnet deferred twice"
		);
		Ok(())
	}
}
