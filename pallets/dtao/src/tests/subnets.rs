//! Subnet life cycle: registration and lock cost, rate and subnet limits with pruning, start,
//! dissolution (docs/mechanism.md §5).
#![allow(unused_imports)]
use crate::{mock::*, pallet::*, params::defaults::TAO, Event as DtaoEvent, SubnetPool};
use dtao_math::substrate_fixed::types::U64F64;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::Mutate},
	sp_runtime::{DispatchError, Perbill},
};

fn register(coldkey: AccountId, hotkey: AccountId) -> u16 {
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(coldkey), hotkey));
	dtao_events()
		.into_iter()
		.rev()
		.find_map(|e| if let DtaoEvent::NetworkRegistered { netuid, .. } = e { Some(netuid) } else { None })
		.expect("registered")
}

fn pool(netuid: u16) -> SubnetPool {
	Pools::<Test>::get(netuid).expect("pool exists")
}

/// The first registration pays the minimum lock, which seeds the pool at price 1 and is held by the
/// pallet account; the owner's hotkey becomes uid 0.
#[test]
fn first_registration_pays_min_lock_and_seeds_pool() {
	ExtBuilder::default().build_and_execute(|| {
		let cost = 1_000 * TAO;
		assert_eq!(Dtao::network_registration_cost(), cost);
		let before = free(ALICE);
		let issuance = Balances::total_issuance();
		assert_eq!(register(ALICE, ALICE_HOT), 1);
		assert_eq!(free(ALICE), before - cost);
		assert_eq!(Balances::total_issuance(), issuance, "the lock is not burned");
		assert_eq!(free(Dtao::account_id()), ED + cost);
		let p = pool(1);
		assert_eq!((p.tao_reserve, p.alpha_reserve, p.alpha_outstanding), (cost, cost, 0));
		assert_eq!((p.registered_at, p.started_at), (1, None));
		assert_eq!(SubnetOwner::<Test>::get(1), Some(ALICE));
		assert_eq!(SubnetOwnerHotkey::<Test>::get(1), Some(ALICE_HOT));
		assert_eq!(HotkeyOwner::<Test>::get(ALICE_HOT), Some(ALICE));
		assert_eq!(SubnetLocked::<Test>::get(1), cost);
		assert_eq!(LastLockCost::<Test>::get(), cost);
		assert_eq!(LastRegisteredBlock::<Test>::get(), Some(1));
		assert_eq!(TotalNetworks::<Test>::get(), 1);
		assert_eq!(Neurons::<Test>::get(1, 0), Some(ALICE_HOT));
		assert_eq!(NeuronCount::<Test>::get(1), 1);
		assert_eq!(Tempo::<Test>::get(1), 360);
		assert_eq!(
			dtao_events(),
			vec![
				DtaoEvent::NetworkRegistered { netuid: 1, owner: ALICE, hotkey: ALICE_HOT, lock: cost },
				DtaoEvent::NeuronRegistered { netuid: 1, uid: 0, hotkey: ALICE_HOT },
			]
		);
	});
}

/// docs/mechanism.md §9: min 1e9, last lock 1e12 registered at block 1_000_000, interval 100_800.
#[test]
fn lock_cost_doubles_then_decays_worked_example() {
	ExtBuilder::default().min_lock(TAO).rate_limit(0).build_and_execute(|| {
		LastLockCost::<Test>::put(1_000_000_000_000);
		LastRegisteredBlock::<Test>::put(1_000_000);
		System::set_block_number(1_000_000);
		assert_eq!(Dtao::network_registration_cost(), 2_000_000_000_000);
		System::set_block_number(1_000_000 + 50_400);
		assert_eq!(Dtao::network_registration_cost(), 1_500_000_046_400);
		System::set_block_number(1_000_000 + 201_600);
		assert_eq!(Dtao::network_registration_cost(), 1_000_000_000);

		System::set_block_number(1_000_000 + 50_400);
		let before = free(BOB);
		register(BOB, BOB_HOT);
		assert_eq!(before - free(BOB), 1_500_000_046_400);
		assert_eq!(LastLockCost::<Test>::get(), 1_500_000_046_400);
		assert_eq!(LastRegisteredBlock::<Test>::get(), Some(1_050_400));
		// The next registration in the same block pays double.
		assert_eq!(Dtao::network_registration_cost(), 3_000_000_092_800);
		let before = free(CHARLIE);
		register(CHARLIE, CHARLIE_HOT);
		assert_eq!(before - free(CHARLIE), 3_000_000_092_800);
	});
}

/// The second registration costs twice the first, decaying by `last / interval` per block.
#[test]
fn second_registration_doubles_and_decays() {
	ExtBuilder::default().min_lock(100 * TAO).rate_limit(0).build_and_execute(|| {
		register(ALICE, ALICE_HOT);
		assert_eq!(Dtao::network_registration_cost(), 200 * TAO);
		System::set_block_number(1 + 1_000);
		// decay = (100 TAO / 100_800) · 1_000 = 992_063 · 1_000
		assert_eq!(Dtao::network_registration_cost(), 200 * TAO - 992_063 * 1_000);
		// Integer division first: after a full interval 49_600 rao of the doubling remain ...
		System::set_block_number(1 + 100_800);
		assert_eq!(Dtao::network_registration_cost(), 200 * TAO - 992_063 * 100_800);
		assert_eq!(Dtao::network_registration_cost(), 100_000_049_600);
		// ... and one block later the floor holds.
		System::set_block_number(1 + 100_801);
		assert_eq!(Dtao::network_registration_cost(), 100 * TAO);
	});
}

#[test]
fn registration_rate_limit() {
	ExtBuilder::default().rate_limit(10).build_and_execute(|| {
		register(ALICE, ALICE_HOT);
		System::set_block_number(10);
		assert_noop!(
			Dtao::register_network(RuntimeOrigin::signed(BOB), BOB_HOT),
			Error::<Test>::NetworkRateLimitExceeded
		);
		System::set_block_number(11);
		assert_eq!(register(BOB, BOB_HOT), 2);
	});
}

#[test]
fn registration_errors() {
	ExtBuilder::default().rate_limit(0).balance(DAVE, 999 * TAO).build_and_execute(|| {
		assert_noop!(
			Dtao::register_network(RuntimeOrigin::signed(DAVE), DAVE_HOT),
			Error::<Test>::InsufficientBalance
		);
		register(ALICE, ALICE_HOT);
		assert_noop!(
			Dtao::register_network(RuntimeOrigin::signed(BOB), ALICE_HOT),
			Error::<Test>::NotHotkeyOwner
		);
		assert_noop!(Dtao::register_network(RuntimeOrigin::none(), BOB_HOT), DispatchError::BadOrigin);
		// The owner may register a second subnet with the same hotkey.
		assert_eq!(register(ALICE, ALICE_HOT), 2);
	});
}

/// The balance check keeps the existential deposit: exactly `cost + ED` is enough, one less is not.
#[test]
fn registration_keeps_existential_deposit() {
	ExtBuilder::default().min_lock(10 * TAO).balance(DAVE, 10 * TAO + ED - 1).build_and_execute(|| {
		assert_noop!(
			Dtao::register_network(RuntimeOrigin::signed(DAVE), DAVE_HOT),
			Error::<Test>::InsufficientBalance
		);
		Balances::set_balance(&DAVE, 10 * TAO + ED);
		register(DAVE, DAVE_HOT);
		assert_eq!(free(DAVE), ED);
	});
}

/// A registration takes the lowest free netuid, including one freed by dissolution, and the reused
/// netuid starts clean.
#[test]
fn lowest_free_netuid_is_reused_clean() {
	ExtBuilder::default().rate_limit(0).start_delay(0).swap_fee(Perbill::zero()).build_and_execute(|| {
		register(ALICE, ALICE_HOT);
		register(BOB, BOB_HOT);
		register(CHARLIE, CHARLIE_HOT);
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(BOB), 2));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(DAVE), 2, DAVE_HOT));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), DAVE_HOT, 2, 10 * TAO));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 2, 7));
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 2));
		assert_eq!(TotalNetworks::<Test>::get(), 2);
		assert_eq!(register(DAVE, DAVE_HOT), 2);
		let p = pool(2);
		let lock = SubnetLocked::<Test>::get(2);
		assert_eq!((p.tao_reserve, p.alpha_reserve, p.alpha_outstanding, p.started_at), (lock, lock, 0, None));
		assert_eq!(SubnetOwner::<Test>::get(2), Some(DAVE));
		assert_eq!(NeuronCount::<Test>::get(2), 1);
		assert_eq!(Neurons::<Test>::get(2, 0), Some(DAVE_HOT));
		assert_eq!(Tempo::<Test>::get(2), 360);
		assert_eq!(Dtao::stake_value(&DAVE_HOT, &DAVE, 2), 0);
		assert_eq!(HotkeyStake::<Test>::iter_prefix(2).count(), 0);
		assert_eq!(register(ALICE, ALICE_HOT), 4);
	});
}

/// At the limit, registration prunes the non-immune subnet with the lowest moving price (ties: the
/// oldest); while all are immune it fails with `SubnetLimitReached`.
#[test]
fn subnet_limit_prunes_lowest_moving_price() {
	ExtBuilder::default().rate_limit(0).subnet_limit(2).immunity(10).build_and_execute(|| {
		register(ALICE, ALICE_HOT);
		System::set_block_number(2);
		register(BOB, BOB_HOT);
		System::set_block_number(11);
		// Subnet 2 (registered at 2) is still immune at block 11.
		assert_eq!(Dtao::netuid_for_registration(), Ok((1, true)));
		System::set_block_number(5);
		assert_noop!(
			Dtao::register_network(RuntimeOrigin::signed(CHARLIE), CHARLIE_HOT),
			Error::<Test>::SubnetLimitReached
		);
		System::set_block_number(20);
		// Both prunable, subnet 1 has the higher moving price: subnet 2 goes.
		Pools::<Test>::mutate(1, |p| p.as_mut().expect("pool").moving_price = U64F64::from_bits(1 << 60));
		let bob_before = free(BOB);
		let lock2 = SubnetLocked::<Test>::get(2);
		assert_eq!(register(CHARLIE, CHARLIE_HOT), 2);
		assert!(dtao_events().contains(&DtaoEvent::NetworkDissolved {
			netuid: 2,
			paid_to_stakers: 0,
			refunded_to_owner: lock2,
			burned: 0,
			root_dividends: 0,
		}));
		assert_eq!(free(BOB), bob_before + lock2, "the pruned owner gets the lock back");
		assert_eq!(SubnetOwner::<Test>::get(2), Some(CHARLIE));
		assert_eq!(TotalNetworks::<Test>::get(), 2);
	});
}

/// Equal moving prices: the oldest subnet is pruned.
#[test]
fn subnet_limit_prunes_oldest_on_tie() {
	ExtBuilder::default().rate_limit(0).subnet_limit(2).immunity(0).build_and_execute(|| {
		register(ALICE, ALICE_HOT);
		System::set_block_number(2);
		register(BOB, BOB_HOT);
		assert_eq!(register(CHARLIE, CHARLIE_HOT), 1);
		assert_eq!(SubnetOwner::<Test>::get(1), Some(CHARLIE));
		assert_eq!(SubnetOwner::<Test>::get(2), Some(BOB));
	});
}

#[test]
fn subnet_limit_zero_refuses_registration() {
	ExtBuilder::default().subnet_limit(0).build_and_execute(|| {
		assert_noop!(
			Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT),
			Error::<Test>::SubnetLimitReached
		);
	});
}

#[test]
fn start_call_rules() {
	ExtBuilder::default().start_delay(10).build_and_execute(|| {
		register(ALICE, ALICE_HOT);
		assert_noop!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 0), Error::<Test>::RootSubnetNotAllowed);
		assert_noop!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 7), Error::<Test>::SubnetNotFound);
		assert_noop!(Dtao::start_call(RuntimeOrigin::signed(BOB), 1), Error::<Test>::NotSubnetOwner);
		System::set_block_number(10);
		assert_noop!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1), Error::<Test>::StartCallTooEarly);
		System::set_block_number(11);
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::NetworkStarted { netuid: 1, block: 11 }));
		assert_eq!(pool(1).started_at, Some(11));
		assert_noop!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1), Error::<Test>::AlreadyStarted);
	});
}

#[test]
fn dissolve_errors() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ALICE_HOT);
		assert_noop!(Dtao::dissolve_network(RuntimeOrigin::signed(ALICE), 1), DispatchError::BadOrigin);
		assert_noop!(Dtao::dissolve_network(RuntimeOrigin::root(), 0), Error::<Test>::RootSubnetNotAllowed);
		assert_noop!(Dtao::dissolve_network(RuntimeOrigin::root(), 2), Error::<Test>::SubnetNotFound);
	});
}

/// Buy of `t` TAO, fee 0, computed here independently: (alpha, T', A').
fn buy_no_fee(t_res: u64, a_res: u64, t: u64) -> (u64, u64, u64) {
	let alpha = (a_res as u128 * t as u128 / (t_res as u128 + t as u128)) as u64;
	(alpha, t_res + t, a_res - alpha)
}

/// Dissolution pays each staker floor(P·v/I), completes the stakers' total by largest remainder,
/// refunds the owner up to the lock, burns the rest, and clears every entry of the netuid.
#[test]
fn dissolve_pays_stakers_refunds_owner_and_clears_storage() {
	ExtBuilder::default().start_delay(0).swap_fee(Perbill::zero()).build_and_execute(|| {
		let lock = 1_000 * TAO;
		register(ALICE, ALICE_HOT);
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, 1, 100 * TAO));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), BOB_HOT, 1, 50 * TAO));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1, 7 * TAO + 3));
		let (b_alpha, t, a) = buy_no_fee(lock, lock, 100 * TAO);
		let (c_alpha, t, a) = buy_no_fee(t, a, 50 * TAO);
		let (d_alpha, t, a) = buy_no_fee(t, a, 7 * TAO + 3);
		assert_eq!((pool(1).tao_reserve, pool(1).alpha_reserve), (t, a));
		let b_value = Dtao::stake_value(&BOB_HOT, &BOB, 1);
		let c_value = Dtao::stake_value(&BOB_HOT, &CHARLIE, 1);
		let d_value = Dtao::stake_value(&ALICE_HOT, &DAVE, 1);
		assert!(b_value + c_value <= b_alpha + c_alpha && b_value + c_value + 2 >= b_alpha + c_alpha);
		assert_eq!(d_value, d_alpha);

		let issuance_i = (a + b_alpha + c_alpha + d_alpha) as u128;
		assert_eq!(issuance_i, lock as u128, "alpha issuance stays the lock without emission");
		let p = t as u128;
		let exact = |v: u64| (p * v as u128 / issuance_i, p * v as u128 % issuance_i);
		let mut due = vec![(BOB, exact(b_value)), (CHARLIE, exact(c_value)), (DAVE, exact(d_value))];
		let total_due = (p * (b_value + c_value + d_value) as u128 / issuance_i) as u64;
		let floors: u64 = due.iter().map(|(_, (q, _))| *q as u64).sum();
		let mut extra = total_due - floors;
		due.sort_by_key(|x| core::cmp::Reverse(x.1 .1));
		let mut payouts: Vec<(AccountId, u64)> = Vec::new();
		for (who, (q, _)) in due {
			let bonus = if extra > 0 {
				extra -= 1;
				1
			} else {
				0
			};
			payouts.push((who, q as u64 + bonus));
		}
		let pool_part = t - total_due;
		let refund = pool_part.min(lock);
		let burned = pool_part - refund;

		let before: Vec<u64> = [ALICE, BOB, CHARLIE, DAVE].iter().map(|w| free(*w)).collect();
		let issuance = Balances::total_issuance();
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::NetworkDissolved {
			netuid: 1,
			paid_to_stakers: total_due,
			refunded_to_owner: refund,
			burned,
			root_dividends: 0,
		}));
		assert_eq!(total_due + refund + burned, t);
		for (who, amount) in payouts {
			let i = (who - 1) as usize;
			assert_eq!(free(who), before[i] + amount, "payout of {who}");
		}
		assert_eq!(free(ALICE), before[0] + refund);
		assert_eq!(Balances::total_issuance(), issuance - burned);
		assert_eq!(free(Dtao::account_id()), ED);

		assert!(Pools::<Test>::get(1).is_none());
		assert!(SubnetOwner::<Test>::get(1).is_none());
		assert!(SubnetOwnerHotkey::<Test>::get(1).is_none());
		assert_eq!(SubnetLocked::<Test>::get(1), 0);
		assert_eq!(NeuronCount::<Test>::get(1), 0);
		assert_eq!(Neurons::<Test>::iter_prefix(1).count(), 0);
		assert_eq!(Uids::<Test>::iter_prefix(1).count(), 0);
		assert_eq!(HotkeyStake::<Test>::iter_prefix(1).count(), 0);
		assert_eq!(StakeShares::<Test>::iter_prefix((1,)).count(), 0);
		assert!(!Tempo::<Test>::contains_key(1));
		assert_eq!(TotalNetworks::<Test>::get(), 0);
		// Hotkeys keep existing: they may stake elsewhere.
		assert_eq!(HotkeyOwner::<Test>::get(BOB_HOT), Some(BOB));
	});
}

/// With a high fee the pool's part exceeds the lock: the owner gets the lock back and the excess
/// is burned.
#[test]
fn dissolve_burns_what_exceeds_the_lock() {
	ExtBuilder::default().start_delay(0).swap_fee(Perbill::from_percent(10)).build_and_execute(|| {
		let lock = 1_000 * TAO;
		register(ALICE, ALICE_HOT);
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 1, 100 * TAO));
		// fee 10 TAO; alpha = floor(1000e9 · 90e9 / 1090e9)
		let alpha = (lock as u128 * 90_000_000_000u128 / 1_090_000_000_000u128) as u64;
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &BOB, 1), alpha);
		let t = 1_100 * TAO;
		let paid = (t as u128 * alpha as u128 / lock as u128) as u64;
		let burned = t - paid - lock;
		assert!(burned > 0);
		let bob = free(BOB);
		let issuance = Balances::total_issuance();
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::NetworkDissolved {
			netuid: 1,
			paid_to_stakers: paid,
			refunded_to_owner: lock,
			burned,
			root_dividends: 0,
		}));
		assert_eq!(free(BOB), bob + paid);
		assert_eq!(Balances::total_issuance(), issuance - burned);
	});
}

/// Pending alpha joins the pool reserve and pending root TAO the pool's TAO before the settlement.
#[test]
fn dissolve_folds_pending_balances_into_the_pool() {
	ExtBuilder::default().build_and_execute(|| {
		let lock = 1_000 * TAO;
		register(ALICE, ALICE_HOT);
		// Pending balances as the coinbase would leave them: alpha out minted, TAO held.
		Pools::<Test>::mutate(1, |p| {
			let p = p.as_mut().expect("pool");
			p.pending_owner_alpha = 30;
			p.pending_miner_alpha = 20;
			p.pending_validator_alpha = 10;
			p.alpha_outstanding = 60;
			p.pending_root_tao = 5 * TAO;
		});
		Balances::set_balance(&Dtao::account_id(), ED + lock + 5 * TAO);
		let issuance = Balances::total_issuance();
		let alice = free(ALICE);
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::NetworkDissolved {
			netuid: 1,
			paid_to_stakers: 0,
			refunded_to_owner: lock,
			burned: 5 * TAO,
			root_dividends: 0,
		}));
		assert_eq!(free(ALICE), alice + lock);
		assert_eq!(Balances::total_issuance(), issuance - 5 * TAO);
	});
}

/// A payout too small to open an empty account (below the existential deposit) is not lost: it
/// stays with the pool's part, which refunds the owner.
#[test]
fn dissolve_keeps_undeliverable_payout_in_pool_part() {
	ExtBuilder::default().start_delay(0).swap_fee(Perbill::zero()).build_and_execute(|| {
		let lock = 1_000 * TAO;
		register(ALICE, ALICE_HOT);
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 1, TAO));
		// A 100 alpha-rao stake of an empty account (as left by dividends): alpha out grows by it
		// and the reserve shrinks by it, so issuance stays the lock.
		assert_ok!(Dtao::deposit_stake(&ALICE_HOT, &77, 1, 100));
		Pools::<Test>::mutate(1, |p| {
			let p = p.as_mut().expect("pool");
			p.alpha_outstanding += 100;
			p.alpha_reserve -= 100;
		});
		let t = pool(1).tao_reserve;
		let bob_value = Dtao::stake_value(&ALICE_HOT, &BOB, 1);
		let value_77 = Dtao::stake_value(&ALICE_HOT, &77, 1);
		assert!(value_77 >= 99);
		let due_77 = (t as u128 * value_77 as u128 / lock as u128) as u64;
		assert!(due_77 > 0 && due_77 < ED);
		let bob_due = (t as u128 * bob_value as u128 / lock as u128) as u64;
		let alice = free(ALICE);
		let bob = free(BOB);
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		let DtaoEvent::NetworkDissolved { paid_to_stakers, refunded_to_owner, burned, .. } =
			dtao_events().pop().expect("event")
		else {
			panic!("last event is the dissolution")
		};
		assert_eq!(free(77), 0);
		assert!(free(BOB) == bob + bob_due || free(BOB) == bob + bob_due + 1);
		assert_eq!(paid_to_stakers, free(BOB) - bob);
		assert_eq!(paid_to_stakers + refunded_to_owner + burned, t);
		assert_eq!(refunded_to_owner, (t - paid_to_stakers).min(lock));
		assert_eq!(free(ALICE), alice + refunded_to_owner);
	});
}

/// A genesis economy is applied through the calls' code: subnets registered and started, neurons,
/// stakes, takes, an epoch for permits and weights, in order; the invariants hold at block 0.
#[test]
fn genesis_economy_builds_through_the_calls() {
	use crate::GenesisAction as G;
	let mut builder = ExtBuilder::default().rate_limit(0).start_delay(0);
	builder.genesis.economy = vec![
		G::RegisterNetwork { coldkey: ALICE, hotkey: ALICE_HOT },
		G::RegisterNetwork { coldkey: BOB, hotkey: BOB_HOT },
		G::StartCall { coldkey: ALICE, netuid: 1 },
		G::StartCall { coldkey: BOB, netuid: 2 },
		G::BurnedRegister { coldkey: CHARLIE, netuid: 1, hotkey: CHARLIE_HOT },
		G::AddStake { coldkey: CHARLIE, hotkey: ALICE_HOT, netuid: 1, tao: 500 * TAO },
		G::AddStake { coldkey: DAVE, hotkey: BOB_HOT, netuid: 2, tao: 50 * TAO },
		G::AddStake { coldkey: DAVE, hotkey: ALICE_HOT, netuid: 0, tao: 100 * TAO },
		G::SetTake { coldkey: ALICE, hotkey: ALICE_HOT, take_ppb: 90_000_000 },
		G::RunEpoch { netuid: 1 },
		G::SetWeights { hotkey: ALICE_HOT, netuid: 1, uids: vec![1], weights: vec![1] },
	];
	builder.build().execute_with(|| {
		check_invariants();
		assert_eq!(TotalNetworks::<Test>::get(), 2);
		assert!(Pools::<Test>::get(1).and_then(|p| p.started_at).is_some());
		assert_eq!(NeuronCount::<Test>::get(1), 2);
		assert_eq!(TotalRootStake::<Test>::get(), 100 * TAO);
		assert_eq!(HotkeyTake::<Test>::get(ALICE_HOT), Perbill::from_parts(90_000_000));
		assert_eq!(Weights::<Test>::get(1, 0), vec![(1, 65535)]);
		// Different pool sizes give different prices.
		let price = |n: u16| Dtao::api_subnet_info(n).map(|i| i.spot_price).expect("subnet");
		assert!(price(1) > price(2));
		run_to_block(3);
	});
}

/// A failing genesis step stops genesis and names the step.
#[test]
#[should_panic(expected = "genesis: economy step 0")]
fn genesis_economy_step_that_fails_stops_genesis() {
	let mut builder = ExtBuilder::default();
	builder.genesis.economy = vec![crate::GenesisAction::StartCall { coldkey: ALICE, netuid: 1 }];
	let _ = builder.build();
}
