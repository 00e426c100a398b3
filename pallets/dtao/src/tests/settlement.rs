//! Dissolutions settled over several blocks (docs/mechanism.md §5.3), the stake index by coldkey,
//! and the weights charged for work that grows with the data.
use crate::{mock::*, pallet::*, params::defaults::TAO, Event as DtaoEvent, WeightInfo};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		traits::{fungible::Mutate, Get, Hooks},
		weights::Weight,
	},
	frame_system,
	sp_runtime::traits::Dispatchable,
};

/// First coldkey of the many holders these tests create (hotkeys and dev accounts are below it).
const HOLDER0: AccountId = 10_000;

fn holders_stake(count: u64, amount: impl Fn(u64) -> u64) {
	for i in 0..count {
		let who = HOLDER0 + i;
		assert_ok!(Balances::mint_into(&who, amount(i) + 10 * ED));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(who), ALICE_HOT, 1, amount(i)));
	}
}

/// The netuid-1 stake entries in storage order, with their alpha value now.
fn entries_of_1() -> Vec<(AccountId, u64)> {
	StakeShares::<Test>::iter_prefix((1,)).map(|((hotkey, coldkey), _)| (coldkey, Dtao::stake_value(&hotkey, &coldkey, 1))).collect()
}

/// The most weight a block of the mock may hold.
fn max_block() -> Weight {
	let weights: frame_system::limits::BlockWeights = <Test as frame_system::Config>::BlockWeights::get();
	weights.max_block
}

/// Advance one block; returns the weight the pallet's hook reported.
fn one_block() -> Weight {
	let next = System::block_number() + 1;
	System::set_block_number(next);
	Dtao::on_initialize(next)
}

/// A subnet with more holders than one block settles: the call closes it, the hook pays
/// `MaxSettlementsPerBlock` holders per block by cumulative rounding, and the totals are exact.
#[test]
fn large_dissolution_settles_over_blocks_by_cumulative_rounding() {
	SettlementsPerBlock::set(3);
	// At the epoch: the holders' values read before the dissolution are what it pays on.
	let builder = ExtBuilder::default().min_lock(100 * TAO).rate_limit(0).start_delay(0).tempo(4);
	builder.accrual(crate::DividendAccrual::AtEpoch).build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		// Ten holders of uneven stakes, and a few blocks of emission and epochs.
		holders_stake(10, |i| (i + 1) * 7 * TAO + i * 1_234_567);
		run_to_block(12);

		let pool = Pools::<Test>::get(1).expect("pool");
		let p = pool.tao_reserve + pool.pending_root_tao;
		let issuance = pool.alpha_reserve + pool.alpha_outstanding;
		let entries = entries_of_1();
		assert_eq!(entries.len(), 11, "ten holders and the owner's epoch alpha");
		// Cumulative rounding, recomputed here.
		let mut c: u128 = 0;
		let due = |c: u128| (u128::from(p) * c / u128::from(issuance)) as u64;
		let mut expected: Vec<(AccountId, u64)> = Vec::new();
		for (who, v) in &entries {
			let before = due(c);
			c += u128::from(*v);
			expected.push((*who, due(c) - before));
		}
		let stakers_total: u64 = expected.iter().map(|(_, x)| x).sum();
		assert_eq!(u128::from(stakers_total), u128::from(p) * c / u128::from(issuance));
		for ((_, v), (_, paid)) in entries.iter().zip(&expected) {
			let floor = (u128::from(p) * u128::from(*v) / u128::from(issuance)) as u64;
			assert!(*paid == floor || *paid == floor + 1, "each holder gets its floor or one rao more");
		}
		let balances_before: Vec<u64> = expected.iter().map(|(w, _)| Balances::free_balance(w)).collect();
		let issuance_before = Balances::total_issuance();

		let neurons = u32::from(NeuronCount::<Test>::get(1));
		System::reset_events();
		let call = RuntimeCall::Dtao(Call::dissolve_network { netuid: 1 });
		let charged = call.get_dispatch_info().call_weight;
		let post = call.dispatch(RuntimeOrigin::root()).expect("dissolves");
		// Closed, not settled: the call paid nobody and is refunded to that.
		assert_eq!(dtao_events(), vec![DtaoEvent::DissolutionStarted { netuid: 1, holders: 11, tao: p, root_dividends: 0 }]);
		assert_eq!(post.actual_weight, Some(Dtao::dissolution_weight(neurons, 0)));
		assert!(Dtao::dissolution_weight(neurons, 0).all_lte(charged));
		assert!(Pools::<Test>::get(1).is_none());
		assert_eq!(TotalNetworks::<Test>::get(), 0);
		assert_eq!(NeuronCount::<Test>::get(1), 0);
		assert_eq!(Dissolving::<Test>::get(1).map(|s| (s.holders, s.holders_left())), Some((11, 11)));
		// Nothing moves into or out of it, nor can it be dissolved again; its netuid is not reused.
		assert_noop!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 1, TAO), Error::<Test>::SubnetDissolving);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(HOLDER0), ALICE_HOT, 1, TAO),
			Error::<Test>::SubnetDissolving
		);
		assert_noop!(Dtao::dissolve_network(RuntimeOrigin::root(), 1), Error::<Test>::SubnetDissolving);
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(CHARLIE), CHARLIE_HOT));
		assert!(Pools::<Test>::contains_key(2) && !Pools::<Test>::contains_key(1));
		let issuance_mid = Balances::total_issuance();
		assert_eq!(issuance_mid, issuance_before, "registration moves TAO, it does not mint or burn");

		// Three holders per block: four blocks pay 3 + 3 + 3 + 2, the fourth also removes the share
		// pool and ends the dissolution.
		let mut progress = Vec::new();
		let mut blocks = 0;
		while Dissolving::<Test>::contains_key(1) {
			System::reset_events();
			let weight = one_block();
			check_invariants();
			blocks += 1;
			assert!(weight.all_lte(max_block()));
			for e in dtao_events() {
				if let DtaoEvent::DissolutionProgress { holders_paid, holders_left, .. } = e {
					progress.push((holders_paid, holders_left));
				}
			}
		}
		assert_eq!(blocks, 4);
		assert_eq!(progress, vec![(3, 8), (6, 5), (9, 2)]);
		let lock = 100 * TAO;
		let pool_part = p - stakers_total;
		let refund = pool_part.min(lock);
		let burned = pool_part - refund;
		System::assert_has_event(RuntimeEvent::Dtao(DtaoEvent::NetworkDissolved {
			netuid: 1,
			paid_to_stakers: stakers_total,
			refunded_to_owner: refund,
			burned,
			root_dividends: 0,
		}));
		for ((who, amount), before) in expected.iter().zip(&balances_before) {
			let owner_refund = if *who == ALICE { refund } else { 0 };
			assert_eq!(Balances::free_balance(who), before + amount + owner_refund, "payout of {who}");
		}
		assert_eq!(Balances::total_issuance(), issuance_before - burned);
		assert_eq!(StakeShares::<Test>::iter_prefix((1,)).count(), 0);
		assert_eq!(HotkeyStake::<Test>::iter_prefix(1).count(), 0);
		assert!(StakeIndex::<Test>::iter_keys().all(|(_, _, netuid)| netuid != 1));
		// Settled: netuid 1 is free again.
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(DAVE), DAVE_HOT));
		assert!(Pools::<Test>::contains_key(1));
	});
}

/// The same subnet settled at once (largest remainder) and over blocks (cumulative rounding): the
/// holders' total, the refund and the burn are the same, and no holder differs by more than a rao.
#[test]
fn staged_and_immediate_settlements_agree_on_the_totals() {
	let run = |per_block: u32| -> (Vec<u64>, DtaoEvent<Test>) {
		SettlementsPerBlock::set(per_block);
		let mut out = (Vec::new(), None);
		ExtBuilder::default().min_lock(100 * TAO).rate_limit(0).start_delay(0).tempo(4).build_and_execute(|| {
			assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
			assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
			holders_stake(9, |i| 3 * TAO + i * 333_333_333);
			run_to_block(9);
			let before: Vec<u64> = (0..9).map(|i| Balances::free_balance(HOLDER0 + i)).collect();
			assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
			while Dissolving::<Test>::contains_key(1) {
				run_to_block(System::block_number() + 1);
			}
			out.0 = (0..9).map(|i| Balances::free_balance(HOLDER0 + i) - before[i as usize]).collect();
			out.1 = dtao_events().into_iter().find(|e| matches!(e, DtaoEvent::NetworkDissolved { .. }));
		});
		(out.0, out.1.expect("dissolved"))
	};
	let (at_once, event_at_once) = run(64);
	let (staged, event_staged) = run(2);
	assert_eq!(event_at_once, event_staged);
	for (a, b) in at_once.iter().zip(&staged) {
		assert!(a.abs_diff(*b) <= 1, "{a} vs {b}");
	}
}

/// 100,000 stake entries: the dissolution takes many blocks, each block's hook within the block's
/// weight, and the issuance and every holder's payment exact.
#[test]
fn dissolution_of_100_000_stake_entries_fits_every_block() {
	const HOLDERS: u64 = 100_000;
	SettlementsPerBlock::set(1_000);
	ExtBuilder::default().min_lock(100 * TAO).rate_limit(0).start_delay(0).build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		// The entries are written as an epoch writes stake (`deposit_stake`, with the alpha added
		// to `O_n`), not bought through the pool one by one: the settlement is what is measured.
		// The holders' accounts are empty; each payout exceeds the existential deposit.
		let mut minted = 0;
		for i in 0..HOLDERS {
			let amount = TAO / 100 + i;
			assert_ok!(Dtao::deposit_stake(&ALICE_HOT, &(HOLDER0 + i), 1, amount));
			minted += amount;
		}
		Pools::<Test>::mutate(1, |p| p.as_mut().expect("pool").alpha_outstanding += minted);
		check_invariants();
		let max_block = max_block();
		assert!(!<Test as Config>::WeightInfo::settle(HOLDERS as u32).all_lte(max_block), "one block could not pay them all");

		let pool = Pools::<Test>::get(1).expect("pool");
		let (p, issuance) = (pool.tao_reserve + pool.pending_root_tao, pool.alpha_reserve + pool.alpha_outstanding);
		let values: Vec<(AccountId, u64)> = entries_of_1();
		let total_value: u128 = values.iter().map(|(_, v)| u128::from(*v)).sum();
		let balances_before: Vec<u64> = values.iter().map(|(w, _)| Balances::free_balance(w)).collect();
		let issuance_before = Balances::total_issuance();

		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		let mut blocks = 0u32;
		while Dissolving::<Test>::contains_key(1) {
			let weight = one_block();
			blocks += 1;
			assert!(weight.all_lte(max_block), "block {blocks}: {weight:?} above {max_block:?}");
			if blocks.is_multiple_of(25) {
				check_invariants();
			}
		}
		check_invariants();
		assert_eq!(blocks, 101, "100,000 holders at 1,000 per block, then the share pool");
		let dissolved = dtao_events()
			.into_iter()
			.find_map(|e| match e {
				DtaoEvent::NetworkDissolved { paid_to_stakers, refunded_to_owner, burned, .. } =>
					Some((paid_to_stakers, refunded_to_owner, burned)),
				_ => None,
			})
			.expect("dissolved");
		assert_eq!(u128::from(dissolved.0), u128::from(p) * total_value / u128::from(issuance));
		assert_eq!(dissolved.0 + dissolved.1 + dissolved.2, p);
		assert_eq!(Balances::total_issuance(), issuance_before - dissolved.2);
		let mut paid = 0u64;
		for ((who, v), before) in values.iter().zip(&balances_before) {
			let got = Balances::free_balance(who) - before;
			let floor = (u128::from(p) * u128::from(*v) / u128::from(issuance)) as u64;
			assert!(got == floor || got == floor + 1, "holder {who}: {got} for a floor of {floor}");
			paid += got;
		}
		assert_eq!(paid, dissolved.0);
		assert_eq!(StakeIndex::<Test>::iter_keys().count(), 0);
	});
}

/// A pruning inside `register_network` closes a large subnet the same way and charges the call
/// only for what it did.
#[test]
fn pruning_a_large_subnet_stages_its_settlement() {
	SettlementsPerBlock::set(2);
	ExtBuilder::default().min_lock(100 * TAO).rate_limit(0).start_delay(0).subnet_limit(1).immunity(0).build_and_execute(
		|| {
			assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
			assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
			holders_stake(5, |_| 2 * TAO);
			run_to_block(3);
			System::reset_events();
			let post: PostDispatchInfo =
				Dtao::register_network(RuntimeOrigin::signed(BOB), BOB_HOT).expect("prunes subnet 1 and registers");
			assert_eq!(
				post.actual_weight,
				Some(<Test as Config>::WeightInfo::register_network().saturating_add(Dtao::dissolution_weight(1, 0)))
			);
			assert!(dtao_events().iter().any(|e| matches!(e, DtaoEvent::DissolutionStarted { netuid: 1, holders: 5, .. })));
			// Netuid 1 is still being settled, so the new subnet takes 2.
			assert!(Pools::<Test>::contains_key(2));
			while Dissolving::<Test>::contains_key(1) {
				run_to_block(System::block_number() + 1);
			}
			assert_eq!(StakeShares::<Test>::iter_prefix((1,)).count(), 0);
		},
	);
}

/// With `SubnetLimit` lowered below the subnets there are, a pruning whose settlement is staged
/// still leaves the count at the limit: the registration takes a free netuid, never a live
/// subnet's (it once overwrote the next subnet to prune, losing its pool's TAO from the books).
#[test]
fn pruning_below_a_lowered_limit_takes_a_free_netuid() {
	SettlementsPerBlock::set(2);
	ExtBuilder::default().min_lock(100 * TAO).rate_limit(0).start_delay(0).immunity(0).build_and_execute(|| {
		for (c, h) in [(ALICE, ALICE_HOT), (CHARLIE, CHARLIE_HOT), (DAVE, DAVE_HOT)] {
			assert_ok!(Dtao::register_network(RuntimeOrigin::signed(c), h));
		}
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		holders_stake(5, |_| 2 * TAO);
		run_to_block(3);
		assert_ok!(Dtao::set_subnet_limit(RuntimeOrigin::root(), 2));
		// Subnet 1 has the lowest moving price: it is the one pruned.
		for netuid in [2, 3] {
			Pools::<Test>::mutate(netuid, |p| p.as_mut().expect("pool").moving_price = dtao_math::substrate_fixed::types::U64F64::from_num(1));
		}
		let (two, three) = (Pools::<Test>::get(2).expect("subnet 2"), Pools::<Test>::get(3).expect("subnet 3"));
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(BOB), BOB_HOT));
		assert!(dtao_events().iter().any(|e| matches!(e, DtaoEvent::DissolutionStarted { netuid: 1, holders: 5, .. })));
		assert_eq!(Pools::<Test>::get(2), Some(two));
		assert_eq!(Pools::<Test>::get(3), Some(three));
		assert_eq!(SubnetOwnerHotkey::<Test>::get(4), Some(BOB_HOT));
		assert_eq!(Uids::<Test>::get(4, BOB_HOT), Some(0));
		assert_eq!(TotalNetworks::<Test>::get(), 3);
	});
}

/// `unstake_all` finds the caller's stakes through the index and is refunded to the subnets it
/// visited; `stake_info` reads the same index.
#[test]
fn unstake_all_is_charged_for_the_subnets_it_visits() {
	ExtBuilder::default().min_lock(100 * TAO).rate_limit(0).start_delay(0).build_and_execute(|| {
		for (c, h) in [(ALICE, ALICE_HOT), (CHARLIE, CHARLIE_HOT), (DAVE, DAVE_HOT)] {
			assert_ok!(Dtao::register_network(RuntimeOrigin::signed(c), h));
		}
		for netuid in 1..=3 {
			let owner = SubnetOwner::<Test>::get(netuid).expect("owner");
			assert_ok!(Dtao::start_call(RuntimeOrigin::signed(owner), netuid));
		}
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 1, 5 * TAO));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 5 * TAO));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), CHARLIE_HOT, 2, 5 * TAO));
		let info = Dtao::api_stake_info(BOB);
		assert_eq!(info.iter().map(|s| (s.netuid, s.hotkey)).collect::<Vec<_>>(), vec![(0, ALICE_HOT), (1, ALICE_HOT), (2, CHARLIE_HOT)]);
		assert_eq!(StakeIndex::<Test>::iter_key_prefix((BOB,)).count(), 3);

		let call = RuntimeCall::Dtao(Call::unstake_all { hotkey: ALICE_HOT });
		let charged = call.get_dispatch_info().call_weight;
		// Plus one change of root shares with the most claim pools a hotkey may have.
		let root_claims = <Test as Config>::WeightInfo::root_claims(RootClaimPoolLimit::get());
		assert_eq!(root_claims, Dtao::root_claims_weight(&[0, 1]));
		assert_eq!(charged, <Test as Config>::WeightInfo::unstake_all(4) + root_claims, "three subnets and root");
		let post = call.dispatch(RuntimeOrigin::signed(BOB)).expect("unstakes");
		assert_eq!(post.actual_weight, Some(<Test as Config>::WeightInfo::unstake_all(2) + root_claims));
		assert_eq!(StakeIndex::<Test>::iter_key_prefix((BOB,)).collect::<Vec<_>>(), vec![(CHARLIE_HOT, 2)]);
		assert_eq!(Pools::<Test>::get(1).map(|p| p.stakers), Some(0));
		assert_eq!(Pools::<Test>::get(2).map(|p| p.stakers), Some(1));
	});
}
