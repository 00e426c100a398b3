//! Governance parameters: defaults, genesis, root-only setters with one event each, and the checks
//! some setters make.
use crate::{mock::*, pallet::*, params::defaults, Event as DtaoEvent};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::{DispatchError, Perbill},
};

/// Without genesis overrides, every parameter has the default of docs/mechanism.md.
#[test]
fn defaults_match_the_mechanism() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(TaoWeight::<Test>::get(), Perbill::from_percent(18));
		assert_eq!(OwnerCut::<Test>::get(), Perbill::from_percent(18));
		assert_eq!(MinerShare::<Test>::get(), Perbill::from_percent(50));
		assert_eq!(SwapFee::<Test>::get(), Perbill::from_parts(500_000));
		assert_eq!(MinPoolReserve::<Test>::get(), 1_000_000);
		assert_eq!(MinStake::<Test>::get(), 500_000);
		assert_eq!(BlockEmission::<Test>::get(), 1_000_000_000);
		assert_eq!(MovingAlpha::<Test>::get(), Perbill::from_parts(3_000));
		assert_eq!(MovingHalvingBlocks::<Test>::get(), 201_600);
		assert_eq!(MovingPriceCap::<Test>::get(), 1_000_000_000);
		assert_eq!(MaxTake::<Test>::get(), Perbill::from_percent(18));
		assert_eq!(Tempo::<Test>::get(1), 360);
		assert_eq!(Burn::<Test>::get(1), 1_000_000_000);
		assert_eq!(MaxNeurons::<Test>::get(1), 256);
		assert_eq!(MaxValidators::<Test>::get(1), 64);
		assert_eq!(InitialTempo::<Test>::get(), 360);
		// The pallet account holds its own existential deposit.
		assert_eq!(free(Dtao::account_id()), ED);
	});
}

#[test]
fn genesis_sets_parameters() {
	let mut b = ExtBuilder::default();
	b.genesis.tao_weight = Perbill::from_percent(50);
	b.genesis.initial_tempo = 10;
	b.genesis.min_stake = 7;
	b.build_and_execute(|| {
		assert_eq!(TaoWeight::<Test>::get(), Perbill::from_percent(50));
		assert_eq!(MinStake::<Test>::get(), 7);
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_eq!(Tempo::<Test>::get(1), 10);
	});
}

macro_rules! setter_case {
	($call:ident, $store:ident, $event:ident, $value:expr) => {{
		let value = $value;
		assert_noop!(Dtao::$call(RuntimeOrigin::signed(ALICE), value), DispatchError::BadOrigin);
		assert_ok!(Dtao::$call(RuntimeOrigin::root(), value));
		assert_eq!($store::<Test>::get(), value);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::$event { value }));
	}};
}

macro_rules! subnet_setter_case {
	($call:ident, $store:ident, $event:ident, $value:expr) => {{
		let value = $value;
		assert_noop!(Dtao::$call(RuntimeOrigin::signed(ALICE), 1, value), DispatchError::BadOrigin);
		assert_noop!(Dtao::$call(RuntimeOrigin::root(), 9, value), Error::<Test>::SubnetNotFound);
		assert_ok!(Dtao::$call(RuntimeOrigin::root(), 1, value));
		assert_eq!($store::<Test>::get(1), value);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::$event { netuid: 1, value }));
	}};
}

/// Each setter is root-only, stores its value and emits its own event.
#[test]
fn setters_are_root_only_and_emit_events() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		setter_case!(set_tao_weight, TaoWeight, TaoWeightSet, Perbill::from_percent(30));
		setter_case!(set_owner_cut, OwnerCut, OwnerCutSet, Perbill::from_percent(10));
		setter_case!(set_miner_share, MinerShare, MinerShareSet, Perbill::from_percent(40));
		setter_case!(set_swap_fee, SwapFee, SwapFeeSet, Perbill::from_percent(1));
		setter_case!(set_min_pool_reserve, MinPoolReserve, MinPoolReserveSet, 2_000_000u64);
		setter_case!(set_min_stake, MinStake, MinStakeSet, 1_000u64);
		setter_case!(set_block_emission, BlockEmission, BlockEmissionSet, 5u64);
		setter_case!(set_moving_alpha, MovingAlpha, MovingAlphaSet, Perbill::from_percent(1));
		setter_case!(set_moving_halving_blocks, MovingHalvingBlocks, MovingHalvingBlocksSet, 10u64);
		setter_case!(set_moving_price_cap, MovingPriceCap, MovingPriceCapSet, 2_000_000_000u64);
		setter_case!(set_network_min_lock_cost, NetworkMinLockCost, NetworkMinLockCostSet, 5_000_000u64);
		setter_case!(
			set_network_lock_reduction_interval,
			NetworkLockReductionInterval,
			NetworkLockReductionIntervalSet,
			0u64
		);
		setter_case!(set_network_rate_limit, NetworkRateLimit, NetworkRateLimitSet, 3u64);
		setter_case!(set_network_immunity_period, NetworkImmunityPeriod, NetworkImmunityPeriodSet, 4u64);
		setter_case!(set_subnet_limit, SubnetLimit, SubnetLimitSet, 5u16);
		setter_case!(set_start_call_delay, StartCallDelay, StartCallDelaySet, 6u64);
		setter_case!(set_max_take, MaxTake, MaxTakeSet, Perbill::from_percent(20));
		subnet_setter_case!(set_tempo, Tempo, TempoSet, 10u16);
		subnet_setter_case!(set_burn, Burn, BurnSet, 10u64);
		subnet_setter_case!(set_max_neurons, MaxNeurons, MaxNeuronsSet, 10u16);
		subnet_setter_case!(set_max_validators, MaxValidators, MaxValidatorsSet, 10u16);
	});
}

/// The liquidity floor must stay positive, below the minimum lock and below every existing pool;
/// the minimum lock must stay above the floor; `MaxNeurons` cannot drop below the neuron count.
#[test]
fn setters_reject_values_that_break_the_mechanism() {
	ExtBuilder::default().min_lock(10_000_000).build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_noop!(Dtao::set_min_pool_reserve(RuntimeOrigin::root(), 0), Error::<Test>::InvalidParameter);
		assert_noop!(
			Dtao::set_network_min_lock_cost(RuntimeOrigin::root(), defaults::MIN_POOL_RESERVE - 1),
			Error::<Test>::InvalidParameter
		);
		assert_ok!(Dtao::set_network_min_lock_cost(RuntimeOrigin::root(), 100_000_000));
		// The existing pool holds 10_000_000 of each: a floor above it is refused.
		assert_noop!(
			Dtao::set_min_pool_reserve(RuntimeOrigin::root(), 10_000_001),
			Error::<Test>::InvalidParameter
		);
		assert_ok!(Dtao::set_min_pool_reserve(RuntimeOrigin::root(), 10_000_000));
		assert_noop!(
			Dtao::set_min_pool_reserve(RuntimeOrigin::root(), 100_000_001),
			Error::<Test>::InvalidParameter
		);
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
		assert_noop!(Dtao::set_max_neurons(RuntimeOrigin::root(), 1, 1), Error::<Test>::InvalidParameter);
		assert_ok!(Dtao::set_max_neurons(RuntimeOrigin::root(), 1, 2));
	});
}

/// `BlockEmission` above half the supply cap could mint past the cap, and a `MovingPriceCap` of 0
/// would stop all emission: both are refused, by the setters and by genesis.
#[test]
fn emission_parameters_that_break_the_cap_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let max = dtao_math::SUPPLY_CAP / 2;
		assert_noop!(Dtao::set_block_emission(RuntimeOrigin::root(), max + 1), Error::<Test>::InvalidParameter);
		assert_ok!(Dtao::set_block_emission(RuntimeOrigin::root(), max));
		// At the largest allowed value, no issuance below the cap mints past it: between halvings
		// j and j + 1 the gap to the cap exceeds floor(B / 2^j).
		for j in 0..62u32 {
			let start = dtao_math::SUPPLY_CAP - (dtao_math::SUPPLY_CAP >> j);
			let end = dtao_math::SUPPLY_CAP - (dtao_math::SUPPLY_CAP >> (j + 1));
			for issuance in [start, end.saturating_sub(1)] {
				let e = dtao_math::block_emission(issuance, max);
				assert!(issuance + e <= dtao_math::SUPPLY_CAP, "issuance {issuance}: emission {e}");
			}
		}
		assert_noop!(Dtao::set_moving_price_cap(RuntimeOrigin::root(), 0), Error::<Test>::InvalidParameter);
		assert_ok!(Dtao::set_moving_price_cap(RuntimeOrigin::root(), 1));
	});
}

#[test]
#[should_panic(expected = "genesis: block_emission above half the supply cap")]
fn genesis_refuses_a_block_emission_past_the_cap() {
	let mut b = ExtBuilder::default();
	b.genesis.block_emission = dtao_math::SUPPLY_CAP / 2 + 1;
	b.build();
}

#[test]
#[should_panic(expected = "genesis: moving_price_cap of 0")]
fn genesis_refuses_a_moving_price_cap_of_0() {
	let mut b = ExtBuilder::default();
	b.genesis.moving_price_cap = 0;
	b.build();
}

/// Lowering `MaxTake` below a take already set: the take stays stored, and epochs pay it at
/// `MaxTake`, exactly as if the hotkey had set `MaxTake` itself.
#[test]
fn a_take_above_a_lowered_max_take_is_paid_at_max_take() {
	let run = |take: Perbill, max_take: Perbill| -> (u64, u64) {
		let mut out = (0, 0);
		ExtBuilder::default().min_lock(100 * defaults::TAO).start_delay(0).tempo(4).build_and_execute(|| {
			assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
			assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
			assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 1, 50 * defaults::TAO));
			assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, take));
			assert_ok!(Dtao::set_max_take(RuntimeOrigin::root(), max_take));
			assert_eq!(HotkeyTake::<Test>::get(ALICE_HOT), take, "the stored take is left alone");
			assert_eq!(Dtao::effective_take(&ALICE_HOT), take.min(max_take));
			run_to_block(12);
			out = (Dtao::stake_value(&ALICE_HOT, &ALICE, 1), Dtao::stake_value(&ALICE_HOT, &BOB, 1));
		});
		out
	};
	let lowered = run(Perbill::from_percent(18), Perbill::from_percent(5));
	let set_low = run(Perbill::from_percent(5), Perbill::from_percent(18));
	let kept = run(Perbill::from_percent(18), Perbill::from_percent(18));
	assert_eq!(lowered, set_low);
	assert!(kept.0 > lowered.0 && kept.1 < lowered.1, "a higher take moves dividends from nominators to the owner");
}

/// Quotes answer `None` where the call would fail whoever makes it: below `MinStake`.
#[test]
fn quotes_refuse_amounts_below_min_stake() {
	ExtBuilder::default().min_lock(100 * defaults::TAO).start_delay(0).build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		let min = MinStake::<Test>::get();
		assert!(Dtao::api_quote_add_stake(1, min - 1).is_none());
		assert_noop!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 1, min - 1), Error::<Test>::AmountTooLow);
		let q = Dtao::api_quote_add_stake(1, min).expect("quote at MinStake");
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 1, min));
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &BOB, 1), q.amount_out);
		// Worth less than MinStake at the spot price (about 1 here): refused unless it is the whole
		// stake, which the quote cannot know.
		assert!(Dtao::tao_value(1, min / 2) < min);
		assert!(Dtao::api_quote_remove_stake(1, min / 2).is_none());
		assert_noop!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 1, min / 2), Error::<Test>::AmountTooLow);
		assert!(Dtao::api_quote_remove_stake(1, 0).is_none());
		assert!(Dtao::api_quote_remove_stake(1, min).is_some());
		assert!(Dtao::api_quote_add_stake(0, min).is_some());
	});
}

/// The pallet's events since the last reset, in order.
fn dtao_events() -> Vec<DtaoEvent<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Dtao(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// `set_params` sets every chain-wide parameter in one call, each entry with its setter's event, in
/// the order given; it is root-only and charges the sum of the setters' weights.
#[test]
fn set_params_sets_each_entry_with_its_setters_event_in_order() {
	use crate::{DividendAccrual, EmissionSharePolicy, Param as P, RootDividendMode, ShareRule};
	use polkadot_sdk::frame_support::dispatch::GetDispatchInfo;
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		let policy = EmissionSharePolicy { rule: ShareRule::TaoFlow { cutoff: 0, exponent_milli: 1_500 }, gate: None };
		let mode = RootDividendMode::SellPerBlock { sell_gate: true };
		let all = vec![
			P::TaoWeight(Perbill::from_percent(30)),
			P::OwnerCut(Perbill::from_percent(10)),
			P::MinerShare(Perbill::from_percent(40)),
			P::SwapFee(Perbill::from_percent(1)),
			P::MinPoolReserve(2_000_000),
			P::MinStake(1_000),
			P::BlockEmission(5),
			P::MovingAlpha(Perbill::from_percent(1)),
			P::MovingHalvingBlocks(10),
			P::MovingPriceCap(2_000_000_000),
			P::NetworkMinLockCost(5_000_000),
			P::NetworkLockReductionInterval(0),
			P::NetworkRateLimit(3),
			P::NetworkImmunityPeriod(4),
			P::SubnetLimit(5),
			P::StartCallDelay(6),
			P::MaxTake(Perbill::from_percent(20)),
			P::EmissionSharePolicy(policy),
			P::FlowHalfLife(7),
			P::DividendAccrual(DividendAccrual::AtEpoch),
			P::RootDividendMode(mode),
			P::TakeRateLimit(8),
		];
		assert_noop!(Dtao::set_params(RuntimeOrigin::signed(ALICE), params(all.clone())), DispatchError::BadOrigin);
		let expected_weight = all.iter().fold(polkadot_sdk::frame_support::weights::Weight::zero(), |w, p| {
			w.saturating_add(Dtao::param_weight(p))
		});
		let call = Call::<Test>::set_params { params: params(all.clone()) };
		assert_eq!(call.get_dispatch_info().call_weight, expected_weight);
		assert_eq!(
			Dtao::param_weight(&P::TaoWeight(Perbill::zero())),
			<() as crate::WeightInfo>::set_tao_weight()
		);
		System::reset_events();
		assert_ok!(Dtao::set_params(RuntimeOrigin::root(), params(all)));
		assert_eq!(TaoWeight::<Test>::get(), Perbill::from_percent(30));
		assert_eq!(OwnerCut::<Test>::get(), Perbill::from_percent(10));
		assert_eq!(MinerShare::<Test>::get(), Perbill::from_percent(40));
		assert_eq!(SwapFee::<Test>::get(), Perbill::from_percent(1));
		assert_eq!(MinPoolReserve::<Test>::get(), 2_000_000);
		assert_eq!(MinStake::<Test>::get(), 1_000);
		assert_eq!(BlockEmission::<Test>::get(), 5);
		assert_eq!(MovingAlpha::<Test>::get(), Perbill::from_percent(1));
		assert_eq!(MovingHalvingBlocks::<Test>::get(), 10);
		assert_eq!(MovingPriceCap::<Test>::get(), 2_000_000_000);
		assert_eq!(NetworkMinLockCost::<Test>::get(), 5_000_000);
		assert_eq!(NetworkLockReductionInterval::<Test>::get(), 0);
		assert_eq!(NetworkRateLimit::<Test>::get(), 3);
		assert_eq!(NetworkImmunityPeriod::<Test>::get(), 4);
		assert_eq!(SubnetLimit::<Test>::get(), 5);
		assert_eq!(StartCallDelay::<Test>::get(), 6);
		assert_eq!(MaxTake::<Test>::get(), Perbill::from_percent(20));
		assert_eq!(EmissionShare::<Test>::get(), policy);
		assert_eq!(FlowHalfLife::<Test>::get(), 7);
		assert_eq!(DividendAccrualMode::<Test>::get(), DividendAccrual::AtEpoch);
		assert_eq!(RootDividends::<Test>::get(), mode);
		assert_eq!(TakeRateLimit::<Test>::get(), 8);
		assert_eq!(
			dtao_events(),
			vec![
				DtaoEvent::TaoWeightSet { value: Perbill::from_percent(30) },
				DtaoEvent::OwnerCutSet { value: Perbill::from_percent(10) },
				DtaoEvent::MinerShareSet { value: Perbill::from_percent(40) },
				DtaoEvent::SwapFeeSet { value: Perbill::from_percent(1) },
				DtaoEvent::MinPoolReserveSet { value: 2_000_000 },
				DtaoEvent::MinStakeSet { value: 1_000 },
				DtaoEvent::BlockEmissionSet { value: 5 },
				DtaoEvent::MovingAlphaSet { value: Perbill::from_percent(1) },
				DtaoEvent::MovingHalvingBlocksSet { value: 10 },
				DtaoEvent::MovingPriceCapSet { value: 2_000_000_000 },
				DtaoEvent::NetworkMinLockCostSet { value: 5_000_000 },
				DtaoEvent::NetworkLockReductionIntervalSet { value: 0 },
				DtaoEvent::NetworkRateLimitSet { value: 3 },
				DtaoEvent::NetworkImmunityPeriodSet { value: 4 },
				DtaoEvent::SubnetLimitSet { value: 5 },
				DtaoEvent::StartCallDelaySet { value: 6 },
				DtaoEvent::MaxTakeSet { value: Perbill::from_percent(20) },
				DtaoEvent::EmissionSharePolicySet { policy },
				DtaoEvent::FlowHalfLifeSet { value: 7 },
				DtaoEvent::DividendAccrualSet { accrual: DividendAccrual::AtEpoch },
				DtaoEvent::RootDividendModeSet { mode },
				DtaoEvent::TakeRateLimitSet { value: 8 },
			]
		);
	});
}

/// A refused entry refuses the whole call, whatever came before it, with the entry's own error.
#[test]
fn set_params_changes_nothing_when_one_entry_is_refused() {
	use crate::Param as P;
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Dtao::set_params(RuntimeOrigin::root(), params(vec![])), Error::<Test>::EmptyParameterSet);
		assert_noop!(
			Dtao::set_params(RuntimeOrigin::root(), params(vec![P::TaoWeight(Perbill::zero()), P::FlowHalfLife(0)])),
			Error::<Test>::InvalidParameter
		);
		// Entries are applied in order: a reserve floor above the present minimum lock fails even if
		// a later entry raises the lock; the same entries the other way round pass.
		let lock = NetworkMinLockCost::<Test>::get();
		assert_noop!(
			Dtao::set_params(RuntimeOrigin::root(), params(vec![P::MinPoolReserve(lock + 1), P::NetworkMinLockCost(2 * lock)])),
			Error::<Test>::InvalidParameter
		);
		assert_ok!(Dtao::set_params(
			RuntimeOrigin::root(),
			params(vec![P::NetworkMinLockCost(2 * lock), P::MinPoolReserve(lock + 1)])
		));
		assert_eq!((NetworkMinLockCost::<Test>::get(), MinPoolReserve::<Test>::get()), (2 * lock, lock + 1));
	});
}

/// `set_subnet_params`: root sets any parameter of a live subnet, each with its setter's event; the
/// owner only its own three, within its own bound; nobody sets root's netuid 0.
#[test]
fn set_subnet_params_root_sets_any_the_owner_only_its_own() {
	use crate::SubnetParam as SP;
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		let all = vec![
			SP::Tempo(10),
			SP::Burn(11),
			SP::MaxNeurons(12),
			SP::MaxValidators(13),
			SP::Kappa(14),
			SP::BondsMovingAverage(990_000),
			SP::BondsPenalty(16),
			SP::ActivityCutoffFactorMilli(17_000),
		];
		System::reset_events();
		assert_ok!(Dtao::set_subnet_params(RuntimeOrigin::root(), 1, subnet_params(all)));
		assert_eq!(
			(Tempo::<Test>::get(1), Burn::<Test>::get(1), MaxNeurons::<Test>::get(1), MaxValidators::<Test>::get(1)),
			(10, 11, 12, 13)
		);
		assert_eq!(
			(Kappa::<Test>::get(1), BondsMovingAverage::<Test>::get(1), BondsPenalty::<Test>::get(1)),
			(14, 990_000, 16)
		);
		assert_eq!(ActivityCutoffFactorMilli::<Test>::get(1), 17_000);
		assert_eq!(
			dtao_events(),
			vec![
				DtaoEvent::TempoSet { netuid: 1, value: 10 },
				DtaoEvent::BurnSet { netuid: 1, value: 11 },
				DtaoEvent::MaxNeuronsSet { netuid: 1, value: 12 },
				DtaoEvent::MaxValidatorsSet { netuid: 1, value: 13 },
				DtaoEvent::KappaSet { netuid: 1, value: 14 },
				DtaoEvent::BondsMovingAverageSet { netuid: 1, value: 990_000 },
				DtaoEvent::BondsPenaltySet { netuid: 1, value: 16 },
				DtaoEvent::ActivityCutoffFactorMilliSet { netuid: 1, value: 17_000 },
			]
		);
		// The owner: its own three, the moving average within 975_000.
		let own = vec![SP::BondsMovingAverage(975_000), SP::BondsPenalty(1), SP::ActivityCutoffFactorMilli(2_000)];
		assert_ok!(Dtao::set_subnet_params(RuntimeOrigin::signed(ALICE), 1, subnet_params(own)));
		assert_eq!(BondsMovingAverage::<Test>::get(1), 975_000);
		assert_eq!(BondsPenalty::<Test>::get(1), 1);
		assert_eq!(ActivityCutoffFactorMilli::<Test>::get(1), 2_000);
		for root_only in [SP::Tempo(1), SP::Burn(1), SP::MaxNeurons(20), SP::MaxValidators(1), SP::Kappa(1)] {
			assert_noop!(
				Dtao::set_subnet_params(RuntimeOrigin::signed(ALICE), 1, subnet_params(vec![SP::BondsPenalty(2), root_only])),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			Dtao::set_subnet_params(RuntimeOrigin::signed(ALICE), 1, subnet_params(vec![SP::BondsMovingAverage(975_001)])),
			Error::<Test>::OwnerLimitExceeded
		);
		assert_noop!(
			Dtao::set_subnet_params(RuntimeOrigin::signed(BOB), 1, subnet_params(vec![SP::BondsPenalty(2)])),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			Dtao::set_subnet_params(RuntimeOrigin::root(), 0, subnet_params(vec![SP::Tempo(2)])),
			Error::<Test>::RootSubnetNotAllowed
		);
		assert_noop!(
			Dtao::set_subnet_params(RuntimeOrigin::root(), 1, subnet_params(vec![])),
			Error::<Test>::EmptyParameterSet
		);
	});
}
