//! The simulator against the chain: one scenario run for 10_000 blocks through this mock (the real
//! hook, real calls for the trades and weights) and through `dtao-sim` ends every block in the same
//! state, subnet by subnet and neuron by neuron, to the rao; and again for 3_000 blocks under
//! switching emission-share policies.
use crate::{mock::*, pallet::*, params::defaults::TAO};
use dtao_sim::{ActorSpec, ChainParams, Fraction, GateSpec, RuleName, Scenario, SharePolicySpec, Sim, SubnetSpec, SwitchSpec};
use polkadot_sdk::{frame_support::assert_ok, sp_runtime::Perbill};

const BLOCKS: u64 = 10_000;
/// Subnet 2's own tempo (subnet 1 keeps the chain's, 10): epochs, activity cutoff and release
/// over the tempo per subnet.
const SUBNET_2_TEMPO: u16 = 7;

/// The trades of the scenario, in the order both sides make them within a block: (who, hotkey,
/// the simulator's actor).
fn actors() -> Vec<(AccountId, AccountId, ActorSpec)> {
	vec![
		(DAVE, ALICE_HOT, ActorSpec::Buy { netuid: 1, tao: 50 * TAO, every: 37, from: 5, to: u64::MAX }),
		(CHARLIE, BOB_HOT, ActorSpec::Buy { netuid: 2, tao: 20 * TAO, every: 53, from: 7, to: u64::MAX }),
		(DAVE, ALICE_HOT, ActorSpec::Sell { netuid: 1, alpha: 10 * TAO, every: 101, from: 150, to: u64::MAX }),
		(CHARLIE, ALICE_HOT, ActorSpec::Root { netuid: 1, tao: 30 * TAO, every: 500, from: 20, to: u64::MAX }),
		(CHARLIE, ALICE_HOT, ActorSpec::Unroot { netuid: 1, tao: 10 * TAO, every: 700, from: 600, to: u64::MAX }),
	]
}

fn acts_at(a: &ActorSpec, b: u64) -> bool {
	let (every, from) = match *a {
		ActorSpec::Buy { every, from, .. }
		| ActorSpec::Sell { every, from, .. }
		| ActorSpec::Root { every, from, .. }
		| ActorSpec::Unroot { every, from, .. } => (every, from),
		_ => return false,
	};
	b >= from && (b - from).is_multiple_of(every)
}

/// Compare the mock's state with the simulator's after block `b`.
fn check(sim: &Sim, b: u64) {
	assert_eq!(sim.block, b);
	assert_eq!(Balances::total_issuance(), sim.total_issuance, "block {b}: total issuance");
	assert_eq!(TotalRootStake::<Test>::get(), sim.root_stake, "block {b}: root stake");
	assert_eq!(GateBar::<Test>::get(), sim.gate_bar, "block {b}: the gate's bar");
	for s in &sim.subnets {
		let p = Pools::<Test>::get(s.netuid).expect("pool");
		let n = s.netuid;
		let st = &s.state;
		assert_eq!(
			(p.tao_reserve, p.alpha_reserve, p.alpha_outstanding),
			(st.tao_reserve, st.alpha_reserve, st.alpha_outstanding),
			"block {b}, subnet {n}: pool"
		);
		assert_eq!(
			(p.pending_owner_alpha, p.pending_miner_alpha, p.pending_validator_alpha, p.pending_root_tao),
			(st.pending_owner_alpha, st.pending_miner_alpha, st.pending_validator_alpha, st.pending_root_tao),
			"block {b}, subnet {n}: pending"
		);
		assert_eq!(p.moving_price, s.moving_price, "block {b}, subnet {n}: moving price");
		assert_eq!((p.flow, p.flow_ema), (s.flow, s.flow_ema), "block {b}, subnet {n}: flow and its EMA");
		assert_eq!(crate::BlockEmissionRecord::from(s.last), p.last, "block {b}, subnet {n}: block record");
		assert_eq!(LastEpochBlock::<Test>::get(n), s.last_epoch_block, "block {b}, subnet {n}: last epoch");
		let permits = ValidatorPermit::<Test>::get(n);
		for (uid, neuron) in (0u16..).zip(s.neurons.iter()) {
			let hotkey = Neurons::<Test>::get(n, uid).expect("neuron");
			let alpha = HotkeyStake::<Test>::get(n, hotkey).map(|x| x.alpha).unwrap_or(0);
			let root = HotkeyStake::<Test>::get(0, hotkey).map(|x| x.alpha).unwrap_or(0);
			assert_eq!((alpha, root), (neuron.alpha, neuron.root), "block {b}, subnet {n}, uid {uid}: stakes");
			assert_eq!(permits.get(usize::from(uid)).copied().unwrap_or(false), neuron.permit, "block {b}, uid {uid}: permit");
			assert_eq!(Bonds::<Test>::get(n, uid), neuron.bonds, "block {b}, subnet {n}, uid {uid}: bonds");
			assert_eq!(LastUpdate::<Test>::get(n)[usize::from(uid)], neuron.last_update, "block {b}, uid {uid}: last update");
		}
	}
}

/// A change of `EmissionShare` made in block `b - 1`, which the coinbase of block `b` follows: on
/// the chain, a call; in the simulator, a `[[switch]]`.
struct Switch {
	block: u64,
	chain: crate::EmissionSharePolicy,
	sim: SharePolicySpec,
}

#[test]
fn simulator_matches_the_pallet_for_10_000_blocks() {
	differential(BLOCKS, &[], true);
}

/// The same under `TaoFlow` (exponent 0.5, cutoff −1 TAO) with a gate from block 2, a flow
/// half-life of 50 blocks, then back to `MovingPrice` at block 1_500 and to `TaoFlow` without a gate
/// at block 2_200: the flows, their EMAs, the gate's bar and every split agree to the rao.
#[test]
fn simulator_matches_the_pallet_under_switching_share_policies() {
	let flow = |gate: bool| Switch {
		block: 0,
		chain: crate::EmissionSharePolicy {
			rule: crate::ShareRule::TaoFlow { cutoff: -(TAO as i64), exponent_milli: 500 },
			gate: gate.then_some(crate::ShareGate { quantile: Perbill::from_percent(50), exponent: 2 }),
		},
		sim: SharePolicySpec {
			rule: RuleName::TaoFlow,
			cutoff: -(TAO as i64),
			exponent: Some(0.5),
			gate: gate.then_some(GateSpec { quantile: Fraction(500_000_000), exponent: 2 }),
		},
	};
	let switches = [
		Switch { block: 2, ..flow(true) },
		Switch { block: 1_500, chain: Default::default(), sim: Default::default() },
		Switch { block: 2_200, ..flow(false) },
	];
	differential(3_000, &switches, false);
}

fn differential(blocks: u64, switches: &[Switch], full: bool) {
	let mut builder = ExtBuilder::default().rate_limit(0).start_delay(0).tempo(10);
	builder.genesis.moving_alpha = Perbill::from_percent(10);
	builder.genesis.moving_halving_blocks = 100;
	builder.build_and_execute(|| {
		// Block 1: two subnets with a miner each, started at once.
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(BOB), BOB_HOT));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(CHARLIE), 1, CHARLIE_HOT));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(DAVE), 2, DAVE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(BOB), 2));
		let half_life = if switches.is_empty() { crate::params::defaults::FLOW_HALF_LIFE } else { 50 };
		assert_ok!(Dtao::set_flow_half_life(RuntimeOrigin::root(), half_life));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 2, SUBNET_2_TEMPO));

		let subnet = |netuid: u16| {
			let p = Pools::<Test>::get(netuid).expect("pool");
			SubnetSpec {
				netuid,
				start_block: 1,
				registered_at: Some(1),
				tao_reserve: p.tao_reserve,
				alpha_reserve: p.alpha_reserve,
				validators: Vec::new(),
				miners: 1,
				weights_every: Some(10),
				// Subnet 2 has a tempo of its own (`set_tempo`), subnet 1 the chain's.
				tempo: (netuid == 2).then_some(SUBNET_2_TEMPO),
				copies: 1,
			}
		};
		let scenario = Scenario {
			chain: ChainParams {
				total_issuance: Balances::total_issuance(),
				root_stake: 0,
				tempo: 10,
				moving_alpha: Fraction(100_000_000),
				moving_halving_blocks: 100,
				flow_half_life: half_life,
				..ChainParams::default()
			},
			subnet: vec![subnet(1), subnet(2)],
			actor: actors().into_iter().map(|(_, _, a)| a).collect(),
			switch: switches.iter().map(|s| SwitchSpec { block: s.block, emission_share: s.sim }).collect(),
			..Default::default()
		};
		let mut sim = Sim::new(&scenario);
		sim.step();
		check(&sim, 1);

		let mut epochs = 0;
		if let Some(s) = switches.iter().find(|s| s.block == 2) {
			assert_ok!(Dtao::set_emission_share_policy(RuntimeOrigin::root(), s.chain));
		}
		for b in 2..=blocks {
			System::reset_events();
			run_to_block(b);
			if let Some(s) = switches.iter().find(|s| s.block == b + 1) {
				assert_ok!(Dtao::set_emission_share_policy(RuntimeOrigin::root(), s.chain));
			}
			epochs += dtao_events().iter().filter(|e| matches!(e, Event::EpochDrained { .. })).count();
			// In the block: the owners' weights on their miner, then the trades.
			if b % 10 == 0 {
				assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(ALICE_HOT), 1, bounded(vec![1]), bounded(vec![u16::MAX])));
				assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(BOB_HOT), 2, bounded(vec![1]), bounded(vec![u16::MAX])));
			}
			for (who, hotkey, a) in actors() {
				if !acts_at(&a, b) {
					continue;
				}
				let origin = RuntimeOrigin::signed(who);
				let result = match a {
					ActorSpec::Buy { netuid, tao, .. } => Dtao::add_stake(origin, hotkey, netuid, tao),
					ActorSpec::Sell { netuid, alpha, .. } => Dtao::remove_stake(origin, hotkey, netuid, alpha),
					ActorSpec::Root { tao, .. } => Dtao::add_stake(origin, hotkey, 0, tao),
					ActorSpec::Unroot { tao, .. } => Dtao::remove_stake(origin, hotkey, 0, tao),
					_ => continue,
				};
				assert_ok!(result);
			}
			sim.step();
			check(&sim, b);
		}
		if !full {
			assert!(epochs > 0);
			return;
		}
		// The run exercised the mechanism: epochs paid miners and validators, root was paid.
		// Subnet 1 at tempo 10 (an epoch every 11 blocks), subnet 2 at tempo 7 (every 8).
		assert_eq!(epochs, 909 + 1_250);
		let s1 = &sim.subnets[0];
		assert!(s1.neurons[1].alpha > 0 && s1.neurons[0].root > 0 && s1.last.root_alpha_sold > 0);
		// 20 root stakes of 30 TAO, 14 unstakes of 10 TAO, and root dividends on top.
		assert!(sim.root_stake > 20 * 30 * TAO - 14 * 10 * TAO, "root dividends were paid as root stake");
		assert_eq!(sim.ledgers[4].trades, 14);
	});
}
