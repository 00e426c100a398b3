//! Benchmarks (frame-benchmarking v2) of every call, of the block hook's parts (the coinbase by
//! the number of started subnets, an epoch by the number of neurons, a settlement step by the
//! number of holders) and of closing a subnet by its neurons. `scripts/bench.sh` runs them in the
//! wasm runtime and writes `weights.rs`; `cargo test -p pallet-dtao --features runtime-benchmarks`
//! runs each once in the mock.
// The one-parameter setters are deprecated for `set_params`/`set_subnet_params`, whose weight is
// the sum of theirs: each is still measured here.
#![allow(deprecated)]

use crate::{params::defaults::TAO, pallet::*, Pallet as Dtao, Settlement, ROOT_NETUID};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{fungible::Mutate, Get},
		weights::Weight,
		BoundedVec,
	},
	frame_system::RawOrigin,
	sp_runtime::Perbill,
};

/// What each funded account receives: enough for any lock and stake here.
const FUNDS: u64 = 10_000_000 * TAO;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let _ = T::Currency::mint_into(&who, FUNDS);
	who
}

/// Registrations as fast and cheap as the rules allow: no rate limit, no start delay, the lock at
/// its minimum, room for every subnet.
fn relax<T: Config>() {
	NetworkRateLimit::<T>::put(0);
	StartCallDelay::<T>::put(0);
	SubnetLimit::<T>::put(T::MaxSubnets::get());
	LastLockCost::<T>::put(0);
	LastRegisteredBlock::<T>::kill();
}

/// A registered subnet (started if `start`), owned by a fresh funded coldkey; returns its netuid,
/// owner and owner hotkey.
fn subnet<T: Config>(index: u32, start: bool) -> (u16, T::AccountId, T::AccountId) {
	relax::<T>();
	let owner = funded::<T>("owner", index);
	let hotkey: T::AccountId = account("owner_hot", index, 0);
	let (netuid, _) = Dtao::<T>::netuid_for_registration().expect("room for a subnet");
	Dtao::<T>::do_register_network(owner.clone(), hotkey.clone()).expect("registers");
	if start {
		Dtao::<T>::do_start_call(owner.clone(), netuid).expect("starts");
	}
	(netuid, owner, hotkey)
}

/// `count` more neurons on `netuid`, each with its own coldkey staking into it and on root, so
/// the epoch has stake, permits and root parts to work with. Returns their hotkeys.
fn neurons<T: Config>(netuid: u16, count: u32) -> Vec<T::AccountId> {
	(0..count)
		.map(|i| {
			let coldkey = funded::<T>("neuron", i);
			let hotkey: T::AccountId = account("neuron_hot", i, 0);
			Dtao::<T>::do_burned_register(coldkey.clone(), netuid, hotkey.clone()).expect("registers");
			let amount = TAO.saturating_add(u64::from(i).saturating_mul(TAO / 10));
			Dtao::<T>::do_add_stake(coldkey.clone(), hotkey.clone(), netuid, amount, None).expect("stakes");
			Dtao::<T>::do_add_stake(coldkey, hotkey.clone(), ROOT_NETUID, amount, None).expect("stakes on root");
			hotkey
		})
		.collect()
}

/// `count` neurons on `netuid` from index `first`, each with its own coldkey staking into it, and
/// on root if `root` (with more stake, so that they hold the validator permits). Returns their
/// hotkeys.
fn staked_neurons<T: Config>(netuid: u16, first: u32, count: u32, root: bool) -> Vec<T::AccountId> {
	(first..first.saturating_add(count))
		.map(|i| {
			let coldkey = funded::<T>("neuron", i);
			let hotkey: T::AccountId = account("neuron_hot", i, 0);
			Dtao::<T>::do_burned_register(coldkey.clone(), netuid, hotkey.clone()).expect("registers");
			let amount = if root { 100 * TAO } else { TAO }.saturating_add(u64::from(i).saturating_mul(TAO / 10));
			Dtao::<T>::do_add_stake(coldkey.clone(), hotkey.clone(), netuid, amount, None).expect("stakes");
			if root {
				Dtao::<T>::do_add_stake(coldkey, hotkey.clone(), ROOT_NETUID, amount, None).expect("stakes on root");
			}
			hotkey
		})
		.collect()
}

/// `count` holders on (hotkey, netuid), written as an epoch writes stake.
fn holders<T: Config>(netuid: u16, hotkey: &T::AccountId, count: u32) {
	let mut minted: u64 = 0;
	for i in 0..count {
		let coldkey: T::AccountId = account("holder", i, 0);
		let amount = TAO / 100;
		Dtao::<T>::deposit_stake(hotkey, &coldkey, netuid, amount).expect("deposits");
		minted = minted.saturating_add(amount);
	}
	Pools::<T>::mutate(netuid, |p| {
		if let Some(p) = p {
			p.alpha_outstanding = p.alpha_outstanding.saturating_add(minted);
		}
	});
}

/// Every neuron of `netuid` sets a full weight row, then two epochs run, so the measured epoch
/// has permits, weights and bonds for every uid.
fn full_weights<T: Config>(netuid: u16, hotkeys: &[T::AccountId]) {
	let n = NeuronCount::<T>::get(netuid);
	let uids: Vec<u16> = (0..n).collect();
	let weights: Vec<u16> = (0..n).map(|u| u.saturating_add(1)).collect();
	Dtao::<T>::run_epoch(netuid);
	for hotkey in hotkeys {
		let _ = Dtao::<T>::do_set_weights(hotkey.clone(), netuid, uids.clone(), weights.clone());
	}
	Dtao::<T>::run_epoch(netuid);
}

/// Fill each hotkey's claim pools up to one below `MaxRootClaimPools` with settled pools (of
/// netuids that no longer exist), each with alpha released and not folded: the largest values that
/// a payment of root's kept alpha, or a change of root shares, on those hotkeys reads and writes.
fn fill_claim_pools<T: Config>(hotkeys: &[T::AccountId]) {
	let now = Dtao::<T>::now();
	let count = T::MaxRootClaimPools::get().saturating_sub(1);
	for hotkey in hotkeys {
		let mut pools = crate::ClaimPools::<T::MaxRootClaimPools>::default();
		for id in 0..count {
			let pool = crate::RootClaimPool {
				netuid: u16::MAX.saturating_sub(u16::try_from(id).unwrap_or(u16::MAX)),
				id: u64::from(id),
				held: TAO,
				per_share: 1 << 90,
				releasing: TAO,
				release_start: now.saturating_sub(1),
				release_blocks: 10,
				settled: Some(TAO),
				..Default::default()
			};
			let _ = pools.pools.try_push(pool);
		}
		pools.next_id = u64::from(count);
		RootClaimPools::<T>::insert(hotkey, pools);
	}
}

/// The spot price of a subnet in rao per alpha.
fn spot<T: Config>(netuid: u16) -> u64 {
	let p = Pools::<T>::get(netuid).expect("pool");
	u128::from(p.tao_reserve)
		.saturating_mul(u128::from(TAO))
		.checked_div(u128::from(p.alpha_reserve))
		.and_then(|x| u64::try_from(x).ok())
		.unwrap_or(u64::MAX)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_network() {
		relax::<T>();
		let caller = funded::<T>("caller", 0);
		let hotkey: T::AccountId = account("hotkey", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), hotkey);
		assert_eq!(TotalNetworks::<T>::get(), 1);
	}

	#[benchmark]
	fn start_call() {
		let (netuid, owner, _) = subnet::<T>(0, false);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid);
		assert!(Pools::<T>::get(netuid).and_then(|p| p.started_at).is_some());
	}

	/// Closing a subnet (its holders are `settle`) of `n` neurons without root stake and `v`
	/// validators with root stake, pending root TAO and root's kept alpha to pay (`KeepAlpha`): each
	/// validator's hotkey has `MaxRootClaimPools - 1` other claim pools, receives root TAO (a fold
	/// of them all) and opens a claim pool of this subnet, which the dissolution then settles. A
	/// subnet has at most `MaxValidatorsLimit` hotkeys with that work (validators, and hotkeys with
	/// a live claim pool of it): `dissolution_weight` charges the rest of its neurons at `n`.
	#[benchmark]
	fn dissolve_network(
		n: Linear<1, { T::MaxNeuronsLimit::get().saturating_sub(T::MaxValidatorsLimit::get()) }>,
		v: Linear<0, { T::MaxValidatorsLimit::get() }>,
	) {
		let (netuid, _, _) = subnet::<T>(0, true);
		MaxNeurons::<T>::insert(netuid, u16::try_from(n.saturating_add(v)).unwrap_or(u16::MAX));
		MaxValidators::<T>::insert(netuid, u16::try_from(v.max(1)).unwrap_or(u16::MAX));
		let validators = staked_neurons::<T>(netuid, 0, v, true);
		let _ = staked_neurons::<T>(netuid, v, n.saturating_sub(1), false);
		fill_claim_pools::<T>(&validators);
		RootDividends::<T>::put(crate::RootDividendMode::KeepAlpha);
		DividendAccrualMode::<T>::put(crate::DividendAccrual::OverTempo);
		let pending = 1_000 * TAO;
		let _ = T::Currency::mint_into(&Dtao::<T>::account_id(), pending);
		Pools::<T>::mutate(netuid, |p| {
			if let Some(p) = p {
				p.pending_root_tao = pending;
				p.pending_root_alpha = p.pending_root_alpha.saturating_add(TAO);
				p.alpha_outstanding = p.alpha_outstanding.saturating_add(TAO);
			}
		});
		#[block]
		{
			let _ = Dtao::<T>::close_subnet(netuid).expect("closes");
		}
		assert!(Pools::<T>::get(netuid).is_none());
		assert_eq!(RootClaimHotkeys::<T>::iter_prefix(netuid).count(), 0, "the claim pools were settled");
		if v > 0 {
			let settled = |h: &T::AccountId| {
				RootClaimPools::<T>::get(h).is_some_and(|p| p.pools.iter().any(|c| c.netuid == netuid && c.settled.is_some()))
			};
			assert!(validators.iter().all(settled), "each validator's claim pool of the subnet was settled");
		}
	}

	/// One settlement step paying `h` holders (and removing the share pool).
	#[benchmark]
	fn settle(h: Linear<1, 1_000>) {
		let (netuid, _, hotkey) = subnet::<T>(0, true);
		holders::<T>(netuid, &hotkey, h);
		let (settlement, _): (Settlement<T::AccountId>, u32) = Dtao::<T>::close_subnet(netuid).expect("closes");
		Dissolving::<T>::insert(netuid, settlement);
		#[block]
		{
			let _ = Dtao::<T>::run_settlements(h.saturating_add(1));
		}
		assert!(!Dissolving::<T>::contains_key(netuid));
	}

	/// The block hook without epochs over `s` started subnets: the coinbase, with root stake (so
	/// root's alpha is sold), and the epoch schedule with its deferred queue (no epoch due).
	#[benchmark]
	fn coinbase(s: Linear<1, 512>) {
		for i in 0..s {
			let (netuid, _, _) = subnet::<T>(i, true);
			Dtao::<T>::put_tempo(netuid, 0);
		}
		let staker = funded::<T>("root_staker", 0);
		let hotkey: T::AccountId = account("owner_hot", 0, 0);
		Dtao::<T>::do_add_stake(staker, hotkey, ROOT_NETUID, 1_000 * TAO, None).expect("stakes on root");
		// The costliest share policy: flow weights with a fractional exponent, and the gate's bar
		// set again in the measured block.
		EmissionShare::<T>::put(crate::EmissionSharePolicy {
			rule: crate::ShareRule::TaoFlow { cutoff: -1_000_000_000_000, exponent_milli: 500 },
			gate: Some(crate::ShareGate { quantile: Perbill::from_percent(50), exponent: 16 }),
		});
		// One block first, so that every moving price is above 0 and every subnet receives TAO.
		let _ = Dtao::<T>::run_coinbase();
		GateBar::<T>::kill();
		#[block]
		{
			let subnets = Dtao::<T>::run_coinbase();
			let _ = Dtao::<T>::run_epochs(&subnets, Dtao::<T>::now(), Weight::zero());
		}
	}

	/// One epoch of a subnet of `n` neurons of which `v` hold a validator permit (the owner's
	/// forced permit aside), each with a full weight row and bonds. Each component is measured
	/// with the other at its largest, so the fitted weight covers the rows' entries (`n·v`) for
	/// every `n` up to `MaxNeuronsLimit`.
	#[benchmark]
	fn epoch(n: Linear<2, 512>, v: Linear<1, 64>) {
		let (netuid, _, _) = subnet::<T>(0, true);
		MaxNeurons::<T>::insert(netuid, u16::try_from(n).unwrap_or(u16::MAX));
		MaxValidators::<T>::insert(netuid, u16::try_from(v.min(n)).unwrap_or(u16::MAX));
		let hotkeys = neurons::<T>(netuid, n.saturating_sub(1));
		full_weights::<T>(netuid, &hotkeys);
		Pools::<T>::mutate(netuid, |p| {
			if let Some(p) = p {
				// Pending alpha of every kind to pay (root's kept alpha too, into a claim pool per
				// validator); the alpha is outstanding already.
				p.pending_validator_alpha = p.pending_validator_alpha.saturating_add(TAO);
				p.pending_miner_alpha = p.pending_miner_alpha.saturating_add(TAO);
				p.pending_root_alpha = p.pending_root_alpha.saturating_add(TAO);
				p.alpha_outstanding = p.alpha_outstanding.saturating_add(3 * TAO);
				// And root TAO, held by the pallet account.
				p.pending_root_tao = p.pending_root_tao.saturating_add(TAO);
			}
		});
		T::Currency::mint_into(&Dtao::<T>::account_id(), TAO).expect("mints the pending root TAO");
		// Each hotkey with the most claim pools it may have (one short, for this subnet's).
		fill_claim_pools::<T>(&hotkeys);
		// Payments released over the tempo: the schedule's arithmetic and writes with each.
		DividendAccrualMode::<T>::put(crate::DividendAccrual::OverTempo);
		#[block]
		{
			Dtao::<T>::run_epoch(netuid);
		}
		assert!(RootClaimHotkeys::<T>::iter_prefix(netuid).count() > 0, "root's kept alpha reached the claim pools");
		let (neurons, rows) = Dtao::<T>::epoch_size(netuid);
		assert_eq!(neurons, n);
		// The permits (the owner's forced one among them or beside them), plus one for the owner.
		assert!(rows >= v.min(n) && rows <= v.saturating_add(2).min(n));
	}

	/// `set_weights` with `n` entries, by the owner's hotkey.
	#[benchmark]
	fn set_weights(n: Linear<1, 256>) {
		let (netuid, _, hotkey) = subnet::<T>(0, true);
		let _ = neurons::<T>(netuid, n.saturating_sub(1));
		let uids: Vec<u16> = (0..u16::try_from(n).unwrap_or(u16::MAX)).collect();
		let weights: Vec<u16> = uids.iter().map(|u| u.saturating_add(1)).collect();
		let uids: BoundedVec<u16, T::MaxNeuronsLimit> = uids.try_into().expect("within the limit");
		let weights: BoundedVec<u16, T::MaxNeuronsLimit> = weights.try_into().expect("within the limit");
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey.clone()), netuid, uids, weights);
		assert_eq!(Weights::<T>::get(netuid, 0).len(), n as usize);
	}

	#[benchmark]
	fn burned_register() {
		let (netuid, _, _) = subnet::<T>(0, true);
		let caller = funded::<T>("caller", 0);
		let hotkey: T::AccountId = account("hotkey", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), netuid, hotkey);
		assert_eq!(NeuronCount::<T>::get(netuid), 2);
	}

	#[benchmark]
	fn set_take() {
		let (_, owner, hotkey) = subnet::<T>(0, false);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), hotkey.clone(), Perbill::from_percent(5));
		assert_eq!(HotkeyTake::<T>::get(&hotkey), Perbill::from_percent(5));
	}

	/// A first stake: a new entry in the share pool and the index.
	#[benchmark]
	fn add_stake() {
		let (netuid, _, hotkey) = subnet::<T>(0, true);
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hotkey.clone(), netuid, 10 * TAO);
		assert!(Dtao::<T>::stake_value(&hotkey, &caller, netuid) > 0);
	}

	/// Part of a stake, leaving the rest.
	#[benchmark]
	fn remove_stake() {
		let (netuid, _, hotkey) = subnet::<T>(0, true);
		let caller = funded::<T>("caller", 0);
		Dtao::<T>::do_add_stake(caller.clone(), hotkey.clone(), netuid, 10 * TAO, None).expect("stakes");
		let half = Dtao::<T>::stake_value(&hotkey, &caller, netuid) / 2;
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), hotkey, netuid, half);
	}

	/// A limit that binds, with a partial fill: the search for the largest amount within it.
	#[benchmark]
	fn add_stake_limit() {
		let (netuid, _, hotkey) = subnet::<T>(0, true);
		let caller = funded::<T>("caller", 0);
		let limit = spot::<T>(netuid).saturating_add(spot::<T>(netuid) / 100);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hotkey.clone(), netuid, 500 * TAO, limit, true);
		assert!(Dtao::<T>::stake_value(&hotkey, &caller, netuid) > 0);
	}

	#[benchmark]
	fn remove_stake_limit() {
		let (netuid, _, hotkey) = subnet::<T>(0, true);
		let caller = funded::<T>("caller", 0);
		Dtao::<T>::do_add_stake(caller.clone(), hotkey.clone(), netuid, 500 * TAO, None).expect("stakes");
		let all = Dtao::<T>::stake_value(&hotkey, &caller, netuid);
		let limit = spot::<T>(netuid).saturating_sub(spot::<T>(netuid) / 100);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), hotkey, netuid, all, limit, true);
	}

	/// Between two subnets and two hotkeys: a sale and a purchase.
	#[benchmark]
	fn move_stake() {
		let (a, _, hot_a) = subnet::<T>(0, true);
		let (b, _, hot_b) = subnet::<T>(1, true);
		let caller = funded::<T>("caller", 0);
		Dtao::<T>::do_add_stake(caller.clone(), hot_a.clone(), a, 10 * TAO, None).expect("stakes");
		let amount = Dtao::<T>::stake_value(&hot_a, &caller, a) / 2;
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hot_a, hot_b.clone(), a, b, amount);
		assert!(Dtao::<T>::stake_value(&hot_b, &caller, b) > 0);
	}

	#[benchmark]
	fn swap_stake() {
		let (a, _, hotkey) = subnet::<T>(0, true);
		let (b, _, _) = subnet::<T>(1, true);
		let caller = funded::<T>("caller", 0);
		Dtao::<T>::do_add_stake(caller.clone(), hotkey.clone(), a, 10 * TAO, None).expect("stakes");
		let amount = Dtao::<T>::stake_value(&hotkey, &caller, a) / 2;
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), hotkey, a, b, amount);
	}

	/// A ratio limit that binds, with a partial fill.
	#[benchmark]
	fn swap_stake_limit() {
		let (a, _, hotkey) = subnet::<T>(0, true);
		let (b, _, _) = subnet::<T>(1, true);
		let caller = funded::<T>("caller", 0);
		Dtao::<T>::do_add_stake(caller.clone(), hotkey.clone(), a, 500 * TAO, None).expect("stakes");
		let amount = Dtao::<T>::stake_value(&hotkey, &caller, a);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), hotkey, a, b, amount, TAO, true);
	}

	/// To another coldkey on another subnet.
	#[benchmark]
	fn transfer_stake() {
		let (a, _, hotkey) = subnet::<T>(0, true);
		let (b, _, _) = subnet::<T>(1, true);
		let caller = funded::<T>("caller", 0);
		let dest: T::AccountId = account("dest", 0, 0);
		Dtao::<T>::do_add_stake(caller.clone(), hotkey.clone(), a, 10 * TAO, None).expect("stakes");
		let amount = Dtao::<T>::stake_value(&hotkey, &caller, a) / 2;
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), dest, hotkey, a, b, amount);
	}

	/// Between two subnets and two hotkeys, a ratio limit that binds: a partial fill.
	#[benchmark]
	fn move_stake_limit() {
		let (a, _, hot_a) = subnet::<T>(0, true);
		let (b, _, hot_b) = subnet::<T>(1, true);
		let caller = funded::<T>("caller", 0);
		Dtao::<T>::do_add_stake(caller.clone(), hot_a.clone(), a, 500 * TAO, None).expect("stakes");
		let amount = Dtao::<T>::stake_value(&hot_a, &caller, a);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hot_a.clone(), hot_b.clone(), a, b, amount, TAO, true);
		assert!(Dtao::<T>::stake_value(&hot_b, &caller, b) > 0);
		assert!(Dtao::<T>::stake_value(&hot_a, &caller, a) > 0);
	}

	/// To another coldkey on another subnet, a ratio limit that binds: a partial fill.
	#[benchmark]
	fn transfer_stake_limit() {
		let (a, _, hotkey) = subnet::<T>(0, true);
		let (b, _, _) = subnet::<T>(1, true);
		let caller = funded::<T>("caller", 0);
		let dest: T::AccountId = account("dest", 0, 0);
		Dtao::<T>::do_add_stake(caller.clone(), hotkey.clone(), a, 500 * TAO, None).expect("stakes");
		let amount = Dtao::<T>::stake_value(&hotkey, &caller, a);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), dest.clone(), hotkey.clone(), a, b, amount, TAO, true);
		assert!(Dtao::<T>::stake_value(&hotkey, &dest, b) > 0);
		assert!(Dtao::<T>::stake_value(&hotkey, &caller, a) > 0);
	}

	/// The caller's stake on one hotkey across `s` subnets (root counted).
	#[benchmark]
	fn unstake_all(s: Linear<1, 64>) {
		let caller = funded::<T>("caller", 0);
		let (_, _, hotkey) = subnet::<T>(0, true);
		Dtao::<T>::do_add_stake(caller.clone(), hotkey.clone(), ROOT_NETUID, 10 * TAO, None).expect("stakes on root");
		for i in 1..s {
			let (netuid, _, _) = subnet::<T>(i, true);
			Dtao::<T>::do_add_stake(caller.clone(), hotkey.clone(), netuid, 10 * TAO, None).expect("stakes");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hotkey);
		assert_eq!(StakeIndex::<T>::iter_key_prefix((caller,)).count(), 0);
	}

	#[benchmark]
	fn set_tao_weight() {
		#[extrinsic_call]
		_(RawOrigin::Root, Perbill::from_percent(20));
	}

	#[benchmark]
	fn set_emission_share_policy() {
		let policy = crate::EmissionSharePolicy {
			rule: crate::ShareRule::TaoFlow { cutoff: -1_000_000_000, exponent_milli: 500 },
			gate: Some(crate::ShareGate { quantile: Perbill::from_percent(50), exponent: 2 }),
		};
		#[extrinsic_call]
		_(RawOrigin::Root, policy);
		assert_eq!(EmissionShare::<T>::get(), policy);
	}

	/// A claim of root's kept alpha: the caller's account with a hotkey's claim pool brought up to
	/// date and the alpha staked on the subnet (a new stake entry).
	#[benchmark]
	fn claim_root() {
		let (netuid, _, hotkey) = subnet::<T>(0, true);
		let caller = funded::<T>("caller", 0);
		Dtao::<T>::do_add_stake(caller.clone(), hotkey.clone(), ROOT_NETUID, 10 * TAO, None).expect("stakes on root");
		RootDividends::<T>::put(crate::RootDividendMode::KeepAlpha);
		Pools::<T>::mutate(netuid, |p| {
			if let Some(p) = p {
				p.alpha_outstanding = p.alpha_outstanding.saturating_add(TAO);
			}
		});
		assert_eq!(Dtao::<T>::pay_root_alpha(&hotkey, netuid, TAO, 0), TAO);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hotkey.clone(), netuid);
		assert!(Dtao::<T>::stake_value(&hotkey, &caller, netuid) > 0);
	}

	/// A change of root shares on a hotkey with `k` claim pools, each with alpha released and not
	/// folded yet, in the costlier of its two paths: the hotkey has no root shares, so what each pool
	/// released is owed to its owner (whose account with each pool is updated), and the first root
	/// staker gets an account with each pool (one read and one write of each value), as `add_stake`
	/// and the other stake calls do on root. With root shares the pools are folded into their
	/// figures instead, and the staker's accounts updated: the same values, read and written once.
	#[benchmark]
	fn root_claims(k: Linear<1, { T::MaxRootClaimPools::get() }>) {
		let (_, owner, hotkey) = subnet::<T>(0, true);
		let caller = funded::<T>("caller", 0);
		assert!(HotkeyStake::<T>::get(ROOT_NETUID, &hotkey).is_none(), "no root shares");
		let now = Dtao::<T>::now();
		let mut pools = crate::ClaimPools::<T::MaxRootClaimPools>::default();
		let mut accounts: alloc::vec::Vec<crate::RootClaim> = alloc::vec::Vec::new();
		for id in 0..u64::from(k) {
			let pool = crate::RootClaimPool {
				netuid: u16::try_from(id).unwrap_or(u16::MAX).saturating_add(1),
				id,
				held: TAO,
				per_share: 1 << 90,
				releasing: TAO,
				release_start: now.saturating_sub(1),
				release_blocks: 10,
				..Default::default()
			};
			pools.pools.try_push(pool).expect("within MaxRootClaimPools");
			accounts.push(crate::RootClaim { id, snapshot: 1 << 90, owed: 1 });
		}
		pools.next_id = u64::from(k);
		RootClaimPools::<T>::insert(&hotkey, pools);
		RootClaims::<T>::insert(&owner, &hotkey, crate::claims::AccountsOf::<T>::try_from(accounts).expect("bounded"));
		#[block]
		{
			Dtao::<T>::fold_root_claims(&hotkey);
			Dtao::<T>::settle_root_claims(&hotkey, &caller, 0, 1);
		}
		let owed = RootClaims::<T>::get(&owner, &hotkey).unwrap_or_default();
		assert_eq!(owed.iter().filter(|a| a.owed > 1).count() as u32, k, "each pool's release owed to the owner");
		assert_eq!(RootClaims::<T>::get(&caller, &hotkey).map_or(0, |a| a.len() as u32), k);
	}

	#[benchmark]
	fn set_flow_half_life() {
		#[extrinsic_call]
		_(RawOrigin::Root, 7_200);
	}

	#[benchmark]
	fn set_take_rate_limit() {
		#[extrinsic_call]
		_(RawOrigin::Root, 7_200);
	}

	#[benchmark]
	fn set_dividend_accrual() {
		#[extrinsic_call]
		_(RawOrigin::Root, crate::DividendAccrual::OverTempo);
	}

	#[benchmark]
	fn set_root_dividend_mode() {
		#[extrinsic_call]
		_(RawOrigin::Root, crate::RootDividendMode::KeepAlpha);
	}

	#[benchmark]
	fn set_owner_cut() {
		#[extrinsic_call]
		_(RawOrigin::Root, Perbill::from_percent(20));
	}

	#[benchmark]
	fn set_miner_share() {
		#[extrinsic_call]
		_(RawOrigin::Root, Perbill::from_percent(40));
	}

	#[benchmark]
	fn set_swap_fee() {
		#[extrinsic_call]
		_(RawOrigin::Root, Perbill::from_parts(1_000_000));
	}

	/// Checks every pool's reserves: measured with `SubnetLimit` subnets is left to the per-call
	/// constant (the setter reads each pool once).
	#[benchmark]
	fn set_min_pool_reserve() {
		for i in 0..8 {
			let _ = subnet::<T>(i, false);
		}
		#[extrinsic_call]
		_(RawOrigin::Root, 2_000_000);
	}

	#[benchmark]
	fn set_min_stake() {
		#[extrinsic_call]
		_(RawOrigin::Root, 1_000_000);
	}

	#[benchmark]
	fn set_block_emission() {
		#[extrinsic_call]
		_(RawOrigin::Root, TAO / 2);
	}

	#[benchmark]
	fn set_moving_alpha() {
		#[extrinsic_call]
		_(RawOrigin::Root, Perbill::from_parts(5_000));
	}

	#[benchmark]
	fn set_moving_halving_blocks() {
		#[extrinsic_call]
		_(RawOrigin::Root, 1_000);
	}

	#[benchmark]
	fn set_moving_price_cap() {
		#[extrinsic_call]
		_(RawOrigin::Root, 2 * TAO);
	}

	#[benchmark]
	fn set_network_min_lock_cost() {
		#[extrinsic_call]
		_(RawOrigin::Root, 500 * TAO);
	}

	#[benchmark]
	fn set_network_lock_reduction_interval() {
		#[extrinsic_call]
		_(RawOrigin::Root, 1_000);
	}

	#[benchmark]
	fn set_network_rate_limit() {
		#[extrinsic_call]
		_(RawOrigin::Root, 10);
	}

	#[benchmark]
	fn set_network_immunity_period() {
		#[extrinsic_call]
		_(RawOrigin::Root, 10);
	}

	#[benchmark]
	fn set_subnet_limit() {
		#[extrinsic_call]
		_(RawOrigin::Root, 64);
	}

	#[benchmark]
	fn set_start_call_delay() {
		#[extrinsic_call]
		_(RawOrigin::Root, 10);
	}

	#[benchmark]
	fn set_max_take() {
		#[extrinsic_call]
		_(RawOrigin::Root, Perbill::from_percent(10));
	}

	#[benchmark]
	fn set_tempo() {
		let (netuid, _, _) = subnet::<T>(0, false);
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 100);
	}

	#[benchmark]
	fn set_burn() {
		let (netuid, _, _) = subnet::<T>(0, false);
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, TAO);
	}

	#[benchmark]
	fn set_max_neurons() {
		let (netuid, _, _) = subnet::<T>(0, false);
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 128);
	}

	#[benchmark]
	fn set_max_validators() {
		let (netuid, _, _) = subnet::<T>(0, false);
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 32);
	}

	#[benchmark]
	fn set_kappa() {
		let (netuid, _, _) = subnet::<T>(0, false);
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 40_000);
	}

	#[benchmark]
	fn set_bonds_moving_average() {
		let (netuid, _, _) = subnet::<T>(0, false);
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 950_000);
	}

	#[benchmark]
	fn set_bonds_penalty() {
		let (netuid, _, _) = subnet::<T>(0, false);
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 0);
	}

	#[benchmark]
	fn set_activity_cutoff_factor_milli() {
		let (netuid, _, _) = subnet::<T>(0, false);
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 20_000);
	}

	impl_benchmark_test_suite!(Dtao, crate::mock::ExtBuilder::default().build(), crate::mock::Test);
}
