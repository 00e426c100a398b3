//! When dividends reach the holders of a hotkey's share pool (`DividendAccrualMode`,
//! docs/mechanism.md §6.4): at the epoch, or released block by block over the next tempo, so that
//! stake added just before an epoch and removed after it earns only the blocks it was held.
use crate::{mock::*, pallet::*, params::defaults::TAO, DividendAccrual, Event as DtaoEvent};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::{DispatchError, Perbill},
};

fn builder() -> ExtBuilder {
	ExtBuilder::default().rate_limit(0).start_delay(0)
}

/// Subnet 1 (Alice's, her hotkey the only validator, take 0) with tempo 9: epochs at blocks 7, 17,
/// 27, … Charlie holds 100 TAO of root stake on Alice's hotkey from block 1.
fn subnet_with_root_staker(accrual: DividendAccrual) {
	assert_ok!(Dtao::set_dividend_accrual(RuntimeOrigin::root(), accrual));
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
	assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
	assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 9));
	assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, Perbill::zero()));
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 100 * TAO));
}

/// Root TAO the epoch of this block paid to Alice's hotkey (uid 0).
fn root_paid() -> u64 {
	LastEpochRootTao::<Test>::get(1).first().copied().unwrap_or(0)
}

fn root_pool() -> crate::StakePool {
	HotkeyStake::<Test>::get(0, ALICE_HOT).expect("Alice's hotkey holds root stake")
}

#[test]
fn setter_needs_root_and_defaults_to_over_tempo() {
	assert_eq!(crate::GenesisConfig::<Test>::default().dividend_accrual, DividendAccrual::OverTempo);
	builder().build_and_execute(|| {
		assert_eq!(DividendAccrualMode::<Test>::get(), DividendAccrual::OverTempo);
		assert_noop!(
			Dtao::set_dividend_accrual(RuntimeOrigin::signed(ALICE), DividendAccrual::AtEpoch),
			DispatchError::BadOrigin
		);
		assert_ok!(Dtao::set_dividend_accrual(RuntimeOrigin::root(), DividendAccrual::AtEpoch));
		assert_eq!(DividendAccrualMode::<Test>::get(), DividendAccrual::AtEpoch);
		System::assert_last_event(DtaoEvent::DividendAccrualSet { accrual: DividendAccrual::AtEpoch }.into());
	});
}

/// A holder through the whole tempo earns exactly what the epoch paid, released in equal steps:
/// by block `e + k` it owns `floor(R · k / 10)` of the payment `R` made at epoch block `e`.
#[test]
fn a_holder_through_the_tempo_earns_the_epochs_payment_block_by_block() {
	builder().build_and_execute(|| {
		subnet_with_root_staker(DividendAccrual::OverTempo);
		run_to_block(7);
		let r7 = root_paid();
		assert!(r7 > 0, "the first epoch paid root dividends");
		let pool = root_pool();
		assert_eq!((pool.vesting, pool.vesting_start, pool.vesting_blocks), (r7, 7, 10));
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0), 100 * TAO, "nothing released in the epoch's block");
		for k in 1..=10u64 {
			run_to_block(7 + k);
			if k < 10 {
				assert_eq!(Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0), 100 * TAO + r7 * k / 10, "block 7 + {k}");
			}
		}
		// Block 17: the first payment is all released, the second starts.
		let r17 = root_paid();
		assert!(r17 > 0);
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0), 100 * TAO + r7);
		run_to_block(27);
		let r27 = root_paid();
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0), 100 * TAO + r7 + r17);
		// `T_0` and the pool count every payment at once; the holders own what is released.
		assert_eq!(root_pool().alpha, 100 * TAO + r7 + r17 + r27);
		assert_eq!(TotalRootStake::<Test>::get(), 100 * TAO + r7 + r17 + r27);
		// Alpha dividends are released the same way on the subnet's pool.
		let alpha_pool = HotkeyStake::<Test>::get(1, ALICE_HOT).expect("Alice's alpha pool");
		assert_eq!((alpha_pool.vesting_start, alpha_pool.vesting_blocks), (27, 10));
		assert!(alpha_pool.vesting > 0);
	});
}

/// The snipe: Dave stakes 100 TAO on root on Alice's hotkey 3 blocks before the epoch at block 27
/// and unstakes it all in the epoch's block. At the epoch he takes half of the root dividend;
/// over the tempo he takes half of 3 blocks' release of the previous payment, and none of the new.
fn snipe(accrual: DividendAccrual) -> (u64, u64, u64) {
	let mut result = (0, 0, 0);
	builder().build_and_execute(|| {
		subnet_with_root_staker(accrual);
		run_to_block(24);
		let before = free(DAVE);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 0, 100 * TAO));
		let at_24 = root_pool();
		let dave = StakeShares::<Test>::get((0, ALICE_HOT, DAVE)).expect("Dave's shares");
		run_to_block(27);
		let r27 = root_paid();
		let value = Dtao::stake_value(&ALICE_HOT, &DAVE, 0);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 0, value));
		assert_eq!(free(DAVE), before + value - 100 * TAO, "root stake: no fee");
		let gain = value - 100 * TAO;
		// Dave's shares of block 24 are worth, at block 27: at the epoch, their part of the pool with
		// the new payment; over the tempo, their part of what the holders owned at block 24 plus
		// what three blocks released of the payment made at block 17.
		let worth = |alpha: u64| u64::try_from(u128::from(alpha) * dave / at_24.shares).expect("fits");
		let expected = match accrual {
			DividendAccrual::AtEpoch => worth(at_24.alpha + r27),
			DividendAccrual::OverTempo => worth(at_24.alpha - at_24.unreleased(27)),
		};
		assert_eq!(value, expected);
		result = (gain, r27, at_24.vesting);
	});
	result
}

#[test]
fn a_snipe_earns_only_the_blocks_it_held() {
	let (at_epoch, r27, _) = snipe(DividendAccrual::AtEpoch);
	// Dave held just under half the pool at the epoch (Charlie's stake had grown): just under half
	// of the payment.
	assert!(at_epoch > r27 * 49 / 100 && at_epoch < r27 / 2, "at the epoch: {at_epoch} of {r27}");
	let (over_tempo, r27_b, streaming) = snipe(DividendAccrual::OverTempo);
	assert_eq!(r27_b, r27, "the same epochs pay the same");
	// Half of 3 of the 10 blocks' release of the payment from block 17 (rounded down, at most
	// k / (tempo + 1) of what a whole tempo's holder of his shares earns).
	assert!(over_tempo <= streaming * 3 / 10 / 2 + 1, "over the tempo: {over_tempo}");
	assert!(over_tempo > 0 && over_tempo < at_epoch, "{over_tempo} vs {at_epoch}");
}

/// The last holder to leave takes what is not released yet, so no dividend stays without a holder;
/// a switch back to `AtEpoch` pays the next epoch at once while an earlier payment keeps its
/// schedule.
#[test]
fn the_last_holder_takes_the_rest_and_a_switch_keeps_schedules() {
	builder().build_and_execute(|| {
		subnet_with_root_staker(DividendAccrual::OverTempo);
		run_to_block(20);
		let pool = root_pool();
		assert!(pool.unreleased(20) > 0);
		let whole = pool.alpha;
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0), whole - pool.unreleased(20));
		let before = free(CHARLIE);
		assert_ok!(Dtao::unstake_all(RuntimeOrigin::signed(CHARLIE), ALICE_HOT));
		assert_eq!(free(CHARLIE), before + whole, "the last holder leaves with everything");
		assert!(HotkeyStake::<Test>::get(0, ALICE_HOT).is_none());

		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 100 * TAO));
		run_to_block(27);
		let r27 = root_paid();
		assert!(r27 > 0);
		assert_eq!(root_pool().unreleased(27), r27);
		assert_ok!(Dtao::set_dividend_accrual(RuntimeOrigin::root(), DividendAccrual::AtEpoch));
		run_to_block(32);
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0), 100 * TAO + r27 * 5 / 10, "the schedule goes on");
		run_to_block(37);
		let r37 = root_paid();
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0), 100 * TAO + r27 + r37, "paid at once");
		assert_eq!(root_pool().vesting, 0, "the finished schedule is cleared by the payment's write");
	});
}
