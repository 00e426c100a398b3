//! Emission-share policies (docs/mechanism.md §6.2): the flow each subnet's pool records, its EMA
//! advancing every block under every rule, the `TaoFlow` split, the gate, and switches that take
//! effect from the next block without a jump and without changing what a block emits.
use crate::{mock::*, pallet::*, params::defaults::TAO, EmissionSharePolicy, Event as DtaoEvent, ShareGate, ShareRule, SubnetPool};
use dtao_math::{
	coinbase::tao_share,
	policy,
	substrate_fixed::types::{I64F64, U64F64},
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::{DispatchError, Perbill},
};

fn pool(netuid: u16) -> SubnetPool {
	Pools::<Test>::get(netuid).expect("pool exists")
}

fn builder() -> ExtBuilder {
	ExtBuilder::default().rate_limit(0).start_delay(0)
}

/// Three started subnets (Alice's, Bob's, Charlie's).
fn three_subnets() {
	for (who, hot) in [(ALICE, ALICE_HOT), (BOB, BOB_HOT), (CHARLIE, CHARLIE_HOT)] {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(who), hot));
		let netuid = Pools::<Test>::iter_keys().max().expect("a subnet");
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(who), netuid));
	}
}

fn tao_flow(cutoff: i64, exponent_milli: u32) -> EmissionSharePolicy {
	EmissionSharePolicy { rule: ShareRule::TaoFlow { cutoff, exponent_milli }, gate: None }
}

/// The TAO each subnet received in the last block, by netuid.
fn last_tao() -> Vec<u64> {
	(1..=3).map(|n| pool(n).last.tao_in).collect()
}

/// What the next block emits: `E` at the current issuance.
fn next_emission() -> u64 {
	dtao_math::block_emission(Balances::total_issuance(), BlockEmission::<Test>::get())
}

#[test]
fn setters_check_bounds_and_origin() {
	builder().build_and_execute(|| {
		let good = EmissionSharePolicy {
			rule: ShareRule::TaoFlow { cutoff: -5 * TAO as i64, exponent_milli: 500 },
			gate: Some(ShareGate { quantile: Perbill::from_percent(50), exponent: 2 }),
		};
		assert_noop!(Dtao::set_emission_share_policy(RuntimeOrigin::signed(ALICE), good), DispatchError::BadOrigin);
		for bad in [
			tao_flow(1, 1000),
			tao_flow(0, 0),
			tao_flow(0, 10_001),
			EmissionSharePolicy { rule: ShareRule::MovingPrice, gate: Some(ShareGate { quantile: Perbill::zero(), exponent: 0 }) },
			EmissionSharePolicy { rule: ShareRule::MovingPrice, gate: Some(ShareGate { quantile: Perbill::zero(), exponent: 17 }) },
		] {
			assert_noop!(Dtao::set_emission_share_policy(RuntimeOrigin::root(), bad), Error::<Test>::InvalidParameter);
		}
		GateBar::<Test>::put(5);
		assert_ok!(Dtao::set_emission_share_policy(RuntimeOrigin::root(), good));
		assert_eq!(EmissionShare::<Test>::get(), good);
		assert_eq!(GateBar::<Test>::get(), 0, "the bar is set again from the new rule");
		System::assert_last_event(DtaoEvent::EmissionSharePolicySet { policy: good }.into());

		assert_noop!(Dtao::set_flow_half_life(RuntimeOrigin::signed(ALICE), 10), DispatchError::BadOrigin);
		assert_noop!(Dtao::set_flow_half_life(RuntimeOrigin::root(), 100_000_001), Error::<Test>::InvalidParameter);
		assert_ok!(Dtao::set_flow_half_life(RuntimeOrigin::root(), 10));
		assert_eq!(FlowHalfLife::<Test>::get(), 10);
		System::assert_last_event(DtaoEvent::FlowHalfLifeSet { value: 10 }.into());
	});
}

/// A stake is a flow in of the TAO paid, an unstake a flow out of the TAO received; the next
/// block folds the block's flow into the EMA and starts a new one. A subnet not started records
/// none (its flow would otherwise reach the EMA in one block at the start).
#[test]
fn pools_record_the_block_flow_and_the_next_block_folds_it() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::set_flow_half_life(RuntimeOrigin::root(), 10));
		three_subnets();
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(DAVE), DAVE_HOT));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), DAVE_HOT, 4, 10 * TAO));
		assert_eq!(pool(4).flow, 0, "not started");

		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1, 10 * TAO));
		let alpha = Dtao::stake_value(&ALICE_HOT, &DAVE, 1) / 2;
		let out = Dtao::api_quote_remove_stake_for(DAVE, ALICE_HOT, 1, alpha).expect("quote").amount_out;
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1, alpha));
		let flow = 10 * TAO as i64 - out as i64;
		assert_eq!(pool(1).flow, flow);

		run_to_block(System::block_number() + 1);
		let k = policy::flow_decay(10);
		assert_eq!(pool(1).flow, 0);
		assert_eq!(pool(1).flow_ema, policy::flow_ema_step(I64F64::from_num(0), flow, k));
		assert_eq!(pool(2).flow_ema, I64F64::from_num(0));
	});
}

/// Under `MovingPrice` the flow EMAs advance; switching to `TaoFlow` splits the next block by
/// those warmed-up EMAs (no EMA starts over), switching back splits by the moving prices again,
/// which advanced all along; every block emits the same `E` (less the rounding of at most one rao
/// per subnet).
#[test]
fn switching_rules_takes_effect_next_block_from_warm_accumulators() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::set_flow_half_life(RuntimeOrigin::root(), 20));
		three_subnets();
		let k = policy::flow_decay(20);
		// Flows into subnets 1 and 2 each block for 30 blocks; subnet 3 none.
		for i in 0..30 {
			assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1, 3 * TAO));
			assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), BOB_HOT, 2, TAO));
			let e = next_emission();
			run_to_block(System::block_number() + 1);
			let paid: u64 = last_tao().iter().sum();
			// The moving prices start at 0 and take their first step in the first block.
			if i > 0 {
				assert!(e - paid <= 3, "a block emits E: {paid} of {e}");
			}
		}
		let emas: Vec<I64F64> = (1..=3).map(|n| pool(n).flow_ema).collect();
		assert!(emas[0] > emas[1] && emas[1] > emas[2] && emas[2] == I64F64::from_num(0), "{emas:?}");

		// Switch: the next block splits by the EMAs after folding that block's flow (none here).
		assert_ok!(Dtao::set_emission_share_policy(RuntimeOrigin::root(), tao_flow(0, 1000)));
		let e = next_emission();
		run_to_block(System::block_number() + 1);
		let after: Vec<I64F64> = (1..=3).map(|n| pool(n).flow_ema).collect();
		for (a, b) in after.iter().zip(&emas) {
			assert_eq!(*a, policy::flow_ema_step(*b, 0, k), "the EMA went on, it did not start over");
		}
		let w = policy::flow_weights(&after, I64F64::from_num(0), 1000);
		let total = policy::total_weight(&w);
		let expect: Vec<u64> = w.iter().map(|x| tao_share(e, U64F64::from_bits(*x), total)).collect();
		assert_eq!(last_tao(), expect);
		assert_eq!(last_tao()[2], 0, "no flow, no TAO");
		assert!(e - expect.iter().sum::<u64>() <= 3);

		// Back to moving prices: split by the moving prices as they stood before the block.
		assert_ok!(Dtao::set_emission_share_policy(RuntimeOrigin::root(), EmissionSharePolicy::default()));
		let moving: Vec<U64F64> = (1..=3).map(|n| pool(n).moving_price).collect();
		let total = dtao_math::coinbase::total_moving(moving.iter().copied());
		let e = next_emission();
		run_to_block(System::block_number() + 1);
		let expect: Vec<u64> = moving.iter().map(|m| tao_share(e, *m, total)).collect();
		assert_eq!(last_tao(), expect);
		assert!(last_tao()[2] > 0);
		assert!(e - expect.iter().sum::<u64>() <= 3);
	});
}

/// A negative flow lowers the bar for every subnet, but no lower than the cutoff; the subnet with
/// the lowest flow gets nothing.
#[test]
fn tao_flow_offsets_by_the_lowest_flow_within_the_cutoff() {
	builder().build_and_execute(|| {
		// A decay of 0 (the EMA is the last block's flow), written directly so that the rule is seen
		// alone on exact flows: the setters refuse a half-life of 0.
		assert_noop!(Dtao::set_flow_half_life(RuntimeOrigin::root(), 0), Error::<Test>::InvalidParameter);
		FlowHalfLife::<Test>::put(0);
		three_subnets();
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 3, 10 * TAO));
		run_to_block(System::block_number() + 1);
		// Block flows (half-life 0: the EMA is the last block's flow): +2, +1, −out.
		let alpha = Dtao::stake_value(&ALICE_HOT, &DAVE, 3);
		let out = Dtao::api_quote_remove_stake_for(DAVE, ALICE_HOT, 3, alpha).expect("quote").amount_out;
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 3, alpha));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1, 2 * TAO));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), BOB_HOT, 2, TAO));
		let cutoff = -(TAO as i64);
		assert_ok!(Dtao::set_emission_share_policy(RuntimeOrigin::root(), tao_flow(cutoff, 1000)));
		let e = next_emission();
		run_to_block(System::block_number() + 1);
		assert_eq!(pool(3).flow_ema, I64F64::from_num(-(out as i64)));
		// L = max(−1 TAO, −out) = −1 TAO: weights 3, 2 and 0 TAO.
		let expect = [tao_share(e, U64F64::from_num(3), U64F64::from_num(5).to_bits()), tao_share(e, U64F64::from_num(2), U64F64::from_num(5).to_bits()), 0];
		assert_eq!(last_tao(), expect.to_vec());
	});
}

/// The gate: its bar is the quantile of the positive shares, set in the first block after the
/// policy (and every `InitialTempo + 1` blocks); the leader's share grows, the tail's shrinks, and
/// the block still emits `E`.
#[test]
fn the_gate_moves_emission_to_the_leaders() {
	builder().tempo(4).build_and_execute(|| {
		three_subnets();
		for (n, bits) in [(1u16, 6u128), (2, 3), (3, 1)] {
			Pools::<Test>::mutate(n, |p| p.as_mut().expect("pool").moving_price = U64F64::from_bits(bits << 60));
		}
		let gate = ShareGate { quantile: Perbill::from_percent(50), exponent: 2 };
		assert_ok!(Dtao::set_emission_share_policy(
			RuntimeOrigin::root(),
			EmissionSharePolicy { rule: ShareRule::MovingPrice, gate: Some(gate) }
		));
		let moving: Vec<u128> = (1..=3).map(|n| pool(n).moving_price.to_bits()).collect();
		let e = next_emission();
		run_to_block(System::block_number() + 1);
		let bar = policy::gate_bar(&moving, gate.quantile.deconstruct());
		assert_eq!(GateBar::<Test>::get(), bar);
		let gated = policy::gate(&moving, bar, 2);
		let total = policy::total_weight(&gated);
		let expect: Vec<u64> = gated.iter().map(|w| tao_share(e, U64F64::from_bits(*w), total)).collect();
		assert_eq!(last_tao(), expect);
		let plain_leader = tao_share(e, U64F64::from_bits(moving[0]), policy::total_weight(&moving));
		assert!(expect[0] > plain_leader, "the leader gains: {} > {plain_leader}", expect[0]);
		assert!(e - expect.iter().sum::<u64>() <= 3);
		// The bar holds until the block after the next multiple of InitialTempo + 1.
		let held = GateBar::<Test>::get();
		Pools::<Test>::mutate(3, |p| p.as_mut().expect("pool").moving_price = U64F64::from_num(0));
		while System::block_number() % 5 != 4 {
			run_to_block(System::block_number() + 1);
			assert_eq!(GateBar::<Test>::get(), held);
		}
		run_to_block(System::block_number() + 1);
		assert_ne!(GateBar::<Test>::get(), held, "refreshed at a multiple of InitialTempo + 1");
	});
}
