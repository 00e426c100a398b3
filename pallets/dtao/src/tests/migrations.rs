//! Storage migrations (`migrations.rs`): the version-0-to-1 index of stakes.
use crate::{migrations, mock::*, pallet::*, params::defaults::TAO};
use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

/// Stakes on two subnets and root by three coldkeys, as a chain at version 0 would hold them: no
/// index, no counts.
fn version_0_state() -> Vec<(u64, u64, u16)> {
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(BOB), BOB_HOT));
	assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
	assert_ok!(Dtao::start_call(RuntimeOrigin::signed(BOB), 2));
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 1, 10 * TAO));
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), BOB_HOT, 2, 5 * TAO));
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 0, 7 * TAO));
	let mut stakes: Vec<(u64, u64, u16)> =
		StakeShares::<Test>::iter_keys().map(|(netuid, hotkey, coldkey)| (coldkey, hotkey, netuid)).collect();
	stakes.sort();
	let _ = StakeIndex::<Test>::clear(u32::MAX, None);
	let _ = StakerCount::<Test>::clear(u32::MAX, None);
	StorageVersion::new(0).put::<Dtao>();
	assert!(Dtao::do_try_state().is_err(), "without the index the bookkeeping check fails");
	stakes
}

/// A chain from genesis is at the current version.
#[test]
fn genesis_is_at_the_current_version() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Dtao::on_chain_storage_version(), migrations::STORAGE_VERSION);
		assert_eq!(Dtao::in_code_storage_version(), StorageVersion::new(1));
	});
}

/// From version 0 the migration builds the index and the counts exactly, and moves the version to 1.
#[test]
fn migration_to_v1_builds_the_stake_index() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		let stakes = version_0_state();
		let _ = migrations::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(1));
		let mut index: Vec<(u64, u64, u16)> = StakeIndex::<Test>::iter_keys().collect();
		index.sort();
		assert_eq!(index, stakes);
		assert_eq!(StakerCount::<Test>::get(0), 1);
		assert_eq!(StakerCount::<Test>::get(1), stakes.iter().filter(|s| s.2 == 1).count() as u32);
		assert_eq!(StakerCount::<Test>::get(2), stakes.iter().filter(|s| s.2 == 2).count() as u32);
		assert_eq!(Dtao::api_stake_info(CHARLIE).len(), 2);
		// The invariants (index and counts included) are checked by the builder at the end.
	});
}

/// At version 1 the migration does nothing: a second upgrade with it listed changes nothing.
#[test]
fn migration_to_v1_runs_once() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		let _ = version_0_state();
		let _ = migrations::MigrateToV1::<Test>::on_runtime_upgrade();
		let _ = StakerCount::<Test>::clear(u32::MAX, None);
		let _ = migrations::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(StakerCount::<Test>::iter().count(), 0, "skipped at version 1");
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(1));
		// Put the counts back for the final invariant check.
		StorageVersion::new(0).put::<Dtao>();
		let _ = migrations::MigrateToV1::<Test>::on_runtime_upgrade();
	});
}
