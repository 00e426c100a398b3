//! Epochs and weights (MECHANISM.md §6.4–§6.5, §7).
use crate::{mock::*, pallet::*, params::defaults::TAO, Event as DtaoEvent};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::Mutate},
	sp_runtime::{DispatchError, Perbill},
};

fn builder() -> ExtBuilder {
	ExtBuilder::default().rate_limit(0).start_delay(0).swap_fee(Perbill::zero())
}

/// Subnets 1 and 2 with the same tempo settle in different blocks: `(b + n + 1) mod 11 = 10`.
#[test]
fn tempo_staggers_subnets() {
	assert!(Dtao::is_epoch_block(1, 10, 8));
	assert!(Dtao::is_epoch_block(1, 10, 19));
	assert!(Dtao::is_epoch_block(2, 10, 7));
	assert!(!Dtao::is_epoch_block(2, 10, 8));
	assert!(!Dtao::is_epoch_block(1, 0, 8));
	builder().build_and_execute(|| {
		for (c, h) in [(ALICE, ALICE_HOT), (BOB, BOB_HOT)] {
			assert_ok!(Dtao::register_network(RuntimeOrigin::signed(c), h));
		}
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 10));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 2, 10));
		run_to_block(20);
		let epochs: Vec<(u16, u64)> = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Dtao(DtaoEvent::EpochDrained { netuid, .. }) => Some((netuid, 0)),
				_ => None,
			})
			.collect();
		assert_eq!(epochs.iter().filter(|e| e.0 == 1).count(), 2);
		assert_eq!(epochs.iter().filter(|e| e.0 == 2).count(), 2);
	});
}

fn buy(t_res: u64, a_res: u64, t: u64) -> (u64, u64, u64) {
	let alpha = (a_res as u128 * t as u128 / (t_res as u128 + t as u128)) as u64;
	(alpha, t_res + t, a_res - alpha)
}

/// Two validators with different alpha and root stakes and a miner with weights: the owner, the
/// miner, the validators (with take) and their nominators receive exactly their parts; the TAO pot
/// becomes root stake.
#[test]
fn epoch_pays_owner_miner_validators_and_root() {
	builder().build_and_execute(|| {
		let lock = 1_000 * TAO;
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(CHARLIE), 1, CHARLIE_HOT));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 0));
		// Alice's own stake on her hotkey; Dave nominates Bob's hotkey; Bob stakes on root.
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(ALICE), ALICE_HOT, 1, 100 * TAO));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), BOB_HOT, 1, 50 * TAO));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, 0, 400 * TAO));
		let (a1, t, a) = buy(lock, lock, 100 * TAO);
		let (a2, _, _) = buy(t, a, 50 * TAO);
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &ALICE, 1), a1);
		assert_eq!(Dtao::stake_value(&BOB_HOT, &DAVE, 1), a2);
		// Bob validates with weight on the miner (uid 2); Alice sets none.
		assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(BOB_HOT), 1, vec![2], vec![1]));

		// Pending balances as the coinbase leaves them.
		let (owner, miners, validators, root_tao) = (1_000_000u64, 600_000u64, 900_000u64, 300_000u64);
		Pools::<Test>::mutate(1, |p| {
			let p = p.as_mut().expect("pool");
			p.pending_owner_alpha = owner;
			p.pending_miner_alpha = miners;
			p.pending_validator_alpha = validators;
			p.pending_root_tao = root_tao;
			p.alpha_outstanding += owner + miners + validators;
		});
		assert_ok!(Balances::mint_into(&Dtao::account_id(), root_tao));
		let root_before = TotalRootStake::<Test>::get();
		let bob_root = Dtao::stake_value(&BOB_HOT, &BOB, 0);
		assert_eq!(bob_root, 400 * TAO);

		Dtao::run_epoch(1);

		// Validator alpha pot by alpha stake (before the owner's payment).
		let alice_part = (validators as u128 * a1 as u128 / (a1 + a2) as u128) as u64;
		let bob_part = (validators as u128 * a2 as u128 / (a1 + a2) as u128) as u64;
		let paid_validators = alice_part + bob_part;
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::EpochDrained {
			netuid: 1,
			owner_alpha: owner,
			miner_alpha: miners,
			validator_alpha: paid_validators,
			root_tao,
		}));
		// Alice is the only holder of her hotkey: owner cut, take and rest all come to her.
		let alice_value = Dtao::stake_value(&ALICE_HOT, &ALICE, 1);
		assert!(alice_value + 2 >= a1 + owner + alice_part && alice_value <= a1 + owner + alice_part);
		// Bob's take of his hotkey's part goes to his own stake; the rest raises Dave's.
		let take = bob_part * 18 / 100;
		let bob_value = Dtao::stake_value(&BOB_HOT, &BOB, 1);
		assert!(bob_value + 1 >= take && bob_value <= take);
		let dave_value = Dtao::stake_value(&BOB_HOT, &DAVE, 1);
		assert!(dave_value + 1 >= a2 + bob_part - take && dave_value <= a2 + bob_part - take);
		// The miner is staked to its owner coldkey, no take.
		assert_eq!(Dtao::stake_value(&CHARLIE_HOT, &CHARLIE, 1), miners);
		// The TAO pot became root stake on Bob's hotkey.
		assert_eq!(TotalRootStake::<Test>::get(), root_before + root_tao);
		let bob_root_after = Dtao::stake_value(&BOB_HOT, &BOB, 0);
		assert!(bob_root_after + 1 >= bob_root + root_tao && bob_root_after <= bob_root + root_tao);
		let p = Pools::<Test>::get(1).expect("pool");
		assert_eq!(p.pending_owner_alpha, 0);
		assert_eq!(p.pending_miner_alpha, 0);
		assert_eq!(p.pending_validator_alpha, validators - paid_validators);
		assert_eq!(p.pending_root_tao, 0);
	});
}

/// Without weights the miners' alpha goes to the validators; without root stake the TAO pot waits.
#[test]
fn epoch_without_weights_or_root_stake() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 0));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(ALICE), ALICE_HOT, 1, 10 * TAO));
		Pools::<Test>::mutate(1, |p| {
			let p = p.as_mut().expect("pool");
			p.pending_miner_alpha = 600;
			p.pending_validator_alpha = 400;
			p.pending_root_tao = 70;
			p.alpha_outstanding += 1_000;
		});
		assert_ok!(Balances::mint_into(&Dtao::account_id(), 70));
		let before = Dtao::stake_value(&ALICE_HOT, &ALICE, 1);
		Dtao::run_epoch(1);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::EpochDrained {
			netuid: 1,
			owner_alpha: 0,
			miner_alpha: 0,
			validator_alpha: 1_000,
			root_tao: 0,
		}));
		let after = Dtao::stake_value(&ALICE_HOT, &ALICE, 1);
		assert!(after + 1 >= before + 1_000 && after <= before + 1_000);
		assert_eq!(Pools::<Test>::get(1).expect("pool").pending_root_tao, 70);
	});
}

#[test]
fn set_weights_errors() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(ALICE), ALICE_HOT, 1, 10 * TAO));
		let set = |who, uids: Vec<u16>, w: Vec<u16>| Dtao::set_weights(RuntimeOrigin::signed(who), 1, uids, w);
		assert_noop!(Dtao::set_weights(RuntimeOrigin::signed(ALICE_HOT), 0, vec![0], vec![1]), Error::<Test>::RootSubnetNotAllowed);
		assert_noop!(Dtao::set_weights(RuntimeOrigin::signed(ALICE_HOT), 5, vec![0], vec![1]), Error::<Test>::SubnetNotFound);
		// Bob's hotkey has no stake: no permit. Charlie's is not a neuron.
		assert_noop!(set(BOB_HOT, vec![0], vec![1]), Error::<Test>::NoValidatorPermit);
		assert_noop!(set(CHARLIE_HOT, vec![0], vec![1]), Error::<Test>::NoValidatorPermit);
		assert_noop!(set(ALICE_HOT, vec![0, 1], vec![1]), Error::<Test>::InvalidWeights);
		assert_noop!(set(ALICE_HOT, vec![1, 1], vec![1, 2]), Error::<Test>::InvalidWeights);
		assert_noop!(set(ALICE_HOT, vec![2], vec![1]), Error::<Test>::InvalidWeights);
		assert_noop!(set(ALICE_HOT, vec![0, 1], vec![0, 0]), Error::<Test>::InvalidWeights);
		assert_noop!(set(ALICE_HOT, vec![], vec![]), Error::<Test>::InvalidWeights);
		assert_noop!(Dtao::set_weights(RuntimeOrigin::none(), 1, vec![1], vec![1]), DispatchError::BadOrigin);
		assert_ok!(set(ALICE_HOT, vec![1, 0], vec![3, 0]));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::WeightsSet { netuid: 1, uid: 0 }));
		assert_eq!(Weights::<Test>::get(1, 0), vec![(1, 3), (0, 0)]);
	});
}

/// Emission and epochs together over many blocks: the owner's pending alpha is drained at each epoch
/// and every invariant holds after every block.
#[test]
fn emission_and_epochs_over_blocks() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 10));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(ALICE), ALICE_HOT, 1, 10 * TAO));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 100 * TAO));
		assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(ALICE_HOT), 1, vec![1], vec![1]));
		run_to_block(19);
		// Block 19 is an epoch of subnet 1: (19 + 2) mod 11 = 10.
		let p = Pools::<Test>::get(1).expect("pool");
		assert_eq!(p.pending_owner_alpha, 0);
		assert_eq!(p.pending_miner_alpha, 0);
		assert!(Dtao::stake_value(&BOB_HOT, &BOB, 1) > 0, "the miner earned alpha");
		run_to_block(25);
		assert!(Pools::<Test>::get(1).expect("pool").pending_owner_alpha > 0);
	});
}
