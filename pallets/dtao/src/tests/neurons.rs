//! Neurons and takes (docs/mechanism.md §7).
use crate::{mock::*, pallet::*, params::defaults::TAO, Event as DtaoEvent};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::{DispatchError, Perbill},
};

fn subnet() {
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
}

/// `burned_register` burns the subnet's `Burn` (issuance falls by it), gives the next uid, and makes
/// the caller the owner of a new hotkey.
#[test]
fn burned_register_burns_and_assigns_next_uid() {
	ExtBuilder::default().build_and_execute(|| {
		subnet();
		let issuance = Balances::total_issuance();
		let bob = free(BOB);
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
		assert_eq!(free(BOB), bob - TAO);
		assert_eq!(Balances::total_issuance(), issuance - TAO);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::NeuronRegistered { netuid: 1, uid: 1, hotkey: BOB_HOT }));
		assert_eq!(HotkeyOwner::<Test>::get(BOB_HOT), Some(BOB));
		assert_eq!(Neurons::<Test>::get(1, 1), Some(BOB_HOT));
		assert_eq!(Uids::<Test>::get(1, BOB_HOT), Some(1));
		assert_eq!(NeuronCount::<Test>::get(1), 2);
		// A subnet-specific burn applies.
		assert_ok!(Dtao::set_burn(RuntimeOrigin::root(), 1, 3 * TAO));
		let charlie = free(CHARLIE);
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(CHARLIE), 1, CHARLIE_HOT));
		assert_eq!(free(CHARLIE), charlie - 3 * TAO);
		assert_eq!(Uids::<Test>::get(1, CHARLIE_HOT), Some(2));
	});
}

#[test]
fn burned_register_errors() {
	ExtBuilder::default().balance(DAVE, TAO).build_and_execute(|| {
		subnet();
		assert_noop!(
			Dtao::burned_register(RuntimeOrigin::signed(BOB), 0, BOB_HOT),
			Error::<Test>::RootSubnetNotAllowed
		);
		assert_noop!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 9, BOB_HOT), Error::<Test>::SubnetNotFound);
		assert_noop!(
			Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, ALICE_HOT),
			Error::<Test>::NotHotkeyOwner
		);
		assert_noop!(
			Dtao::burned_register(RuntimeOrigin::signed(ALICE), 1, ALICE_HOT),
			Error::<Test>::HotkeyAlreadyRegistered
		);
		// Dave holds exactly 1 TAO: burning it would take his existential deposit.
		assert_noop!(
			Dtao::burned_register(RuntimeOrigin::signed(DAVE), 1, DAVE_HOT),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Dtao::set_max_neurons(RuntimeOrigin::root(), 1, 2));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
		assert_noop!(
			Dtao::burned_register(RuntimeOrigin::signed(CHARLIE), 1, CHARLIE_HOT),
			Error::<Test>::SubnetFull
		);
		assert_noop!(Dtao::burned_register(RuntimeOrigin::none(), 1, CHARLIE_HOT), DispatchError::BadOrigin);
	});
}

/// The same hotkey may be a neuron of several subnets, always under its one owner.
#[test]
fn hotkey_registers_on_several_subnets() {
	ExtBuilder::default().rate_limit(0).build_and_execute(|| {
		subnet();
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(CHARLIE), CHARLIE_HOT));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 2, BOB_HOT));
		assert_eq!(Uids::<Test>::get(1, BOB_HOT), Some(1));
		assert_eq!(Uids::<Test>::get(2, BOB_HOT), Some(1));
	});
}

#[test]
fn set_take_rules() {
	ExtBuilder::default().build_and_execute(|| {
		subnet();
		assert_eq!(HotkeyTake::<Test>::get(ALICE_HOT), Perbill::from_percent(18));
		assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, Perbill::from_percent(5)));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::TakeSet {
			hotkey: ALICE_HOT,
			take: Perbill::from_percent(5),
		}));
		assert_eq!(HotkeyTake::<Test>::get(ALICE_HOT), Perbill::from_percent(5));
		assert_noop!(
			Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, Perbill::from_parts(180_000_001)),
			Error::<Test>::TakeTooHigh
		);
		// Raising the take waits `TakeRateLimit` blocks after the last change; lowering never waits.
		let changed = System::block_number();
		assert_eq!(LastTakeChange::<Test>::get(ALICE_HOT), Some(changed));
		assert_noop!(
			Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, Perbill::from_percent(6)),
			Error::<Test>::TakeRateLimitExceeded
		);
		assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, Perbill::from_percent(4)));
		assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, Perbill::from_percent(4)));
		System::set_block_number(changed + crate::params::defaults::TAKE_RATE_LIMIT - 1);
		assert_noop!(
			Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, Perbill::from_percent(18)),
			Error::<Test>::TakeRateLimitExceeded
		);
		System::set_block_number(changed + crate::params::defaults::TAKE_RATE_LIMIT);
		assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, Perbill::from_percent(18)));
		assert_eq!(HotkeyTake::<Test>::get(ALICE_HOT), Perbill::from_percent(18));
		assert_eq!(LastTakeChange::<Test>::get(ALICE_HOT), Some(changed + crate::params::defaults::TAKE_RATE_LIMIT));
		// Root sets the limit; 0 lifts it.
		assert_noop!(Dtao::set_take_rate_limit(RuntimeOrigin::signed(ALICE), 0), polkadot_sdk::sp_runtime::DispatchError::BadOrigin);
		assert_ok!(Dtao::set_take_rate_limit(RuntimeOrigin::root(), 0));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::TakeRateLimitSet { value: 0 }));
		assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, Perbill::from_percent(1)));
		assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, Perbill::from_percent(18)));
		assert_noop!(
			Dtao::set_take(RuntimeOrigin::signed(BOB), ALICE_HOT, Perbill::from_percent(1)),
			Error::<Test>::NotHotkeyOwner
		);
		assert_noop!(
			Dtao::set_take(RuntimeOrigin::signed(BOB), BOB_HOT, Perbill::from_percent(1)),
			Error::<Test>::HotkeyNotRegistered
		);
	});
}
