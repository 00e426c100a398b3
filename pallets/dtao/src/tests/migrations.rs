//! Storage migrations (`migrations.rs`): the version-0-to-1 index of stakes, the version-1-to-2
//! tempo in each pool, the version-2-to-3 stake counts in pools and settlements, the version-3-to-4
//! flow fields of each pool, the version-4-to-5 release schedule of each share pool, the
//! version-5-to-6 recycled root alpha in each pool's block record, the version-6-to-7 kept root
//! alpha, the version-7-to-8 release of each root claim pool, the version-9-to-10 last epoch block
//! in each pool.
use crate::{migrations, mock::*, pallet::*, params::defaults::TAO};
use crate::{
	migrations::{
		v1::StakerCount,
		v2::{BlockEmissionRecordV5, SubnetPoolV1, SubnetPoolV2},
		v3::{SettlementV2, SubnetPoolV3},
		v4::SubnetPoolV4,
		v6::SubnetPoolV6,
		v7::SubnetPoolV7,
	},
	types::{Settlement, SubnetPool},
};
use polkadot_sdk::frame_support::{
	assert_ok,
	storage::unhashed,
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
		assert_eq!(Dtao::in_code_storage_version(), StorageVersion::new(10));
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

fn v1_layout(p: &SubnetPool) -> SubnetPoolV1 {
	SubnetPoolV1 {
		tao_reserve: p.tao_reserve,
		alpha_reserve: p.alpha_reserve,
		alpha_outstanding: p.alpha_outstanding,
		pending_owner_alpha: p.pending_owner_alpha,
		pending_miner_alpha: p.pending_miner_alpha,
		pending_validator_alpha: p.pending_validator_alpha,
		pending_root_tao: p.pending_root_tao,
		moving_price: p.moving_price,
		registered_at: p.registered_at,
		started_at: p.started_at,
		last: BlockEmissionRecordV5 {
			tao_in: p.last.tao_in,
			alpha_in: p.last.alpha_in,
			alpha_out: p.last.alpha_out,
			root_alpha_sold: p.last.root_alpha_sold,
			root_tao_bought: p.last.root_tao_bought,
			root_proportion_ppb: p.last.root_proportion_ppb,
		},
		volume: p.volume,
	}
}

fn v2_layout(p: &SubnetPool) -> SubnetPoolV2 {
	v1_layout(p).with_tempo(p.tempo)
}

fn v3_layout(p: &SubnetPool) -> SubnetPoolV3 {
	v2_layout(p).with_stakers(p.stakers)
}

/// The pool in the layout of versions 4 and 5 (its flow fields kept).
fn v5_layout(p: &SubnetPool) -> SubnetPoolV4 {
	SubnetPoolV4 { v3: v3_layout(p), flow: p.flow, flow_ema: p.flow_ema }
}

/// The pool in the layout of versions 7 to 9 (without its last epoch block).
fn v7_layout(p: &SubnetPool) -> SubnetPoolV7 {
	SubnetPoolV7 {
		tao_reserve: p.tao_reserve,
		alpha_reserve: p.alpha_reserve,
		alpha_outstanding: p.alpha_outstanding,
		pending_owner_alpha: p.pending_owner_alpha,
		pending_miner_alpha: p.pending_miner_alpha,
		pending_validator_alpha: p.pending_validator_alpha,
		pending_root_tao: p.pending_root_tao,
		moving_price: p.moving_price,
		registered_at: p.registered_at,
		started_at: p.started_at,
		last: p.last,
		volume: p.volume,
		tempo: p.tempo,
		stakers: p.stakers,
		flow: p.flow,
		flow_ema: p.flow_ema,
		pending_root_alpha: p.pending_root_alpha,
	}
}

/// Run the migrations after version 7 (`MigrateToV8` to `MigrateToV10`).
fn migrate_from_v7() {
	let _ = migrations::MigrateToV8::<Test>::on_runtime_upgrade();
	let _ = migrations::MigrateToV9::<Test>::on_runtime_upgrade();
	let _ = migrations::MigrateToV10::<Test>::on_runtime_upgrade();
	assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(10));
}

/// What version 4 makes of a pool: every field kept, no flow and a flow EMA of 0.
fn without_flow(pools: &[(u16, SubnetPool)]) -> Vec<(u16, SubnetPool)> {
	pools
		.iter()
		.map(|(n, p)| (*n, SubnetPool { flow: 0, flow_ema: dtao_math::substrate_fixed::types::I64F64::from_num(0), ..*p }))
		.collect()
}

fn settlement_v2(s: &Settlement<u64>) -> SettlementV2<u64> {
	SettlementV2 {
		tao: s.tao,
		issuance: s.issuance,
		value_paid: s.value_paid,
		paid: s.paid,
		holders_paid: s.holders_paid,
		owner: s.owner,
		lock: s.lock,
		root_dividends: s.root_dividends,
	}
}

fn pools() -> Vec<(u16, SubnetPool)> {
	let mut pools: Vec<(u16, SubnetPool)> = Pools::<Test>::iter().collect();
	pools.sort_by_key(|(netuid, _)| *netuid);
	pools
}

/// Each subnet's stake entries, as `StakerCount` held them up to version 2 (root included).
fn write_staker_counts() {
	for (netuid, _, _) in StakeShares::<Test>::iter_keys() {
		StakerCount::<Test>::mutate(netuid, |c| *c += 1);
	}
}

/// Two subnets with tempos 7 and 13, a block of emission and a stake, their pools rewritten in the
/// version-1 layout (no `tempo`, no `stakers`) with `StakerCount`, at version 1. Returns the pools
/// as they were.
fn version_1_state() -> Vec<(u16, SubnetPool)> {
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(BOB), BOB_HOT));
	assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
	assert_ok!(Dtao::start_call(RuntimeOrigin::signed(BOB), 2));
	assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 7));
	assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 2, 13));
	run_to_block(3);
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 1, 10 * TAO));
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1, 3 * TAO));
	let pools = pools();
	assert_eq!(pools.iter().map(|(_, p)| (p.tempo, p.stakers)).collect::<Vec<_>>(), vec![(7, 2), (13, 0)]);
	for (netuid, pool) in &pools {
		unhashed::put(&Pools::<Test>::hashed_key_for(netuid), &v1_layout(pool));
	}
	write_staker_counts();
	StorageVersion::new(1).put::<Dtao>();
	assert!(Pools::<Test>::get(1).is_none(), "the version-1 layout does not decode as the current one");
	pools
}

/// From version 1, `MigrateToV2` gives every pool its subnet's tempo, keeping every other field;
/// `MigrateToV3` then moves the counts into the pools and `MigrateToV4` adds the flow fields: the
/// pools are exactly what they were (with no flow recorded), the version is 4, `StakerCount` is
/// gone, and the invariants hold (checked by the builder at the end).
#[test]
fn migrations_to_v2_v3_and_v4_rebuild_the_pools() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		let before = version_1_state();
		let _ = migrations::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(2));
		for (netuid, pool) in &before {
			let v2: SubnetPoolV2 = unhashed::get(&Pools::<Test>::hashed_key_for(netuid)).expect("version 2 layout");
			assert_eq!(v2, v2_layout(pool));
		}
		let _ = migrations::MigrateToV3::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(3));
		for (netuid, pool) in &before {
			let v3: SubnetPoolV3 = unhashed::get(&Pools::<Test>::hashed_key_for(netuid)).expect("version 3 layout");
			assert_eq!(v3, v3_layout(pool));
		}
		assert_eq!(StakerCount::<Test>::iter().count(), 0, "StakerCount is gone");
		assert!(before[0].1.flow > 0, "the stakes of this block were a flow into subnet 1");
		let _ = migrations::MigrateToV4::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(4));
		for (netuid, pool) in &before {
			let v4: SubnetPoolV4 = unhashed::get(&Pools::<Test>::hashed_key_for(netuid)).expect("version 4 layout");
			assert_eq!(v4, v3_layout(pool).with_flow());
		}
		let _ = migrations::MigrateToV5::<Test>::on_runtime_upgrade();
		let _ = migrations::MigrateToV6::<Test>::on_runtime_upgrade();
		let _ = migrations::MigrateToV7::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(7));
		migrate_from_v7();
		assert_eq!(pools(), without_flow(&before));
		// The schedule follows the migrated tempos: subnet 1's next epoch at (b + 2) mod 8 = 7.
		run_to_block(13);
		assert_eq!(LastEpochBlock::<Test>::get(1), 13);
		// Flows are recorded again from the next stake on.
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 1, TAO));
		assert_eq!(Pools::<Test>::get(1).expect("pool").flow, i64::try_from(TAO).expect("fits"));
		run_to_block(14);
		assert!(Pools::<Test>::get(1).expect("pool").flow_ema > dtao_math::substrate_fixed::types::I64F64::from_num(0));
	});
}

/// Each migration runs once: at the version it leads to, it does nothing.
#[test]
fn migrations_to_v2_v3_and_v4_run_once() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		let before = version_1_state();
		let _ = migrations::MigrateToV2::<Test>::on_runtime_upgrade();
		let raw = unhashed::get_raw(&Pools::<Test>::hashed_key_for(1));
		let _ = migrations::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(unhashed::get_raw(&Pools::<Test>::hashed_key_for(1)), raw, "V2 skipped at version 2");
		let _ = migrations::MigrateToV3::<Test>::on_runtime_upgrade();
		StakerCount::<Test>::insert(1, 99);
		let raw = unhashed::get_raw(&Pools::<Test>::hashed_key_for(1));
		let _ = migrations::MigrateToV3::<Test>::on_runtime_upgrade();
		assert_eq!(unhashed::get_raw(&Pools::<Test>::hashed_key_for(1)), raw, "V3 skipped at version 3");
		StakerCount::<Test>::remove(1);
		let _ = migrations::MigrateToV4::<Test>::on_runtime_upgrade();
		let raw = unhashed::get_raw(&Pools::<Test>::hashed_key_for(1));
		let _ = migrations::MigrateToV4::<Test>::on_runtime_upgrade();
		assert_eq!(unhashed::get_raw(&Pools::<Test>::hashed_key_for(1)), raw, "V4 skipped at version 4");
		let _ = migrations::MigrateToV5::<Test>::on_runtime_upgrade();
		let _ = migrations::MigrateToV6::<Test>::on_runtime_upgrade();
		let _ = migrations::MigrateToV6::<Test>::on_runtime_upgrade();
		let _ = migrations::MigrateToV7::<Test>::on_runtime_upgrade();
		let _ = migrations::MigrateToV7::<Test>::on_runtime_upgrade();
		migrate_from_v7();
		let _ = migrations::MigrateToV10::<Test>::on_runtime_upgrade();
		assert_eq!(pools(), without_flow(&before), "V7 and V10 skipped at versions 7 and 10");
	});
}

/// A subnet dissolving over several blocks when the chain is upgraded: `MigrateToV3` gives its
/// settlement the holders paid plus those left (from `StakerCount`), and the settlement then ends
/// exactly as it would have.
#[test]
fn migration_to_v3_counts_the_holders_of_a_settlement() {
	SettlementsPerBlock::set(2);
	ExtBuilder::default().min_lock(100 * TAO).rate_limit(0).start_delay(0).build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		for who in [BOB, CHARLIE, DAVE] {
			assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(who), ALICE_HOT, 1, 5 * TAO));
		}
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		run_to_block(System::block_number() + 1);
		let settlement = Dissolving::<Test>::get(1).expect("dissolving");
		assert_eq!((settlement.holders, settlement.holders_paid), (3, 2));
		// The version-2 state: the settlement without `holders`, the count of those left.
		unhashed::put(&Dissolving::<Test>::hashed_key_for(1), &settlement_v2(&settlement));
		for (netuid, pool) in pools() {
			unhashed::put(&Pools::<Test>::hashed_key_for(netuid), &v2_layout(&pool));
		}
		write_staker_counts();
		assert_eq!(StakerCount::<Test>::get(1), 1);
		StorageVersion::new(2).put::<Dtao>();
		assert!(Dissolving::<Test>::get(1).is_none(), "the version-2 layout does not decode as the current one");

		let _ = migrations::MigrateToV3::<Test>::on_runtime_upgrade();
		let _ = migrations::MigrateToV4::<Test>::on_runtime_upgrade();
		let _ = migrations::MigrateToV5::<Test>::on_runtime_upgrade();
		let _ = migrations::MigrateToV6::<Test>::on_runtime_upgrade();
		let _ = migrations::MigrateToV7::<Test>::on_runtime_upgrade();
		assert_eq!(Dissolving::<Test>::get(1), Some(settlement));
		assert_eq!(StakerCount::<Test>::iter().count(), 0);
		run_to_block(System::block_number() + 1);
		assert!(!Dissolving::<Test>::contains_key(1), "the last holder paid, the settlement ends");
		assert_eq!(StakeShares::<Test>::iter_prefix((1,)).count(), 0);
	});
}

/// Share pools in the version-4 layout (no release schedule) at version 4: `MigrateToV5` rewrites
/// each with the same totals and nothing being released, once; stakes are worth what they were.
#[test]
fn migration_to_v5_adds_an_empty_release_schedule() {
	use crate::{migrations::v5::StakePoolV4, types::StakePool};
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		let stakes = version_0_state();
		let _ = migrations::MigrateToV1::<Test>::on_runtime_upgrade();
		let values: Vec<u64> = stakes.iter().map(|(c, h, n)| Dtao::stake_value(h, c, *n)).collect();
		let mut before: Vec<(u16, u64, StakePool)> = HotkeyStake::<Test>::iter().collect();
		before.sort_by_key(|(n, h, _)| (*n, *h));
		assert!(before.len() >= 3);
		for (netuid, hotkey, pool) in &before {
			assert_eq!(pool.vesting, 0);
			let old = StakePoolV4 { alpha: pool.alpha, shares: pool.shares };
			unhashed::put(&HotkeyStake::<Test>::hashed_key_for(netuid, hotkey), &old);
		}
		StorageVersion::new(4).put::<Dtao>();
		let _ = migrations::MigrateToV5::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(5));
		let mut after: Vec<(u16, u64, StakePool)> = HotkeyStake::<Test>::iter().collect();
		after.sort_by_key(|(n, h, _)| (*n, *h));
		assert_eq!(after, before);
		let raw = unhashed::get_raw(&HotkeyStake::<Test>::hashed_key_for(1, ALICE_HOT));
		let _ = migrations::MigrateToV5::<Test>::on_runtime_upgrade();
		assert_eq!(unhashed::get_raw(&HotkeyStake::<Test>::hashed_key_for(1, ALICE_HOT)), raw, "V5 skipped at version 5");
		let now: Vec<u64> = stakes.iter().map(|(c, h, n)| Dtao::stake_value(h, c, *n)).collect();
		assert_eq!(now, values);
	});
}

/// Pools in the layout of version 5 (a block record without `root_alpha_recycled`) at version 5:
/// `MigrateToV6` rewrites each with every field kept and nothing recycled, once; `MigrateToV7`
/// then adds nothing kept for root, once.
#[test]
fn migration_to_v6_adds_the_recycled_root_alpha_to_the_block_record() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		let before = version_1_state();
		assert!(before[0].1.last.root_proportion_ppb > 0 || before[0].1.last.tao_in > 0, "a block of emission");
		for (netuid, pool) in &before {
			unhashed::put(&Pools::<Test>::hashed_key_for(netuid), &v5_layout(pool));
		}
		let _ = StakerCount::<Test>::clear(u32::MAX, None);
		StorageVersion::new(5).put::<Dtao>();
		assert!(Pools::<Test>::get(1).is_none(), "the version-5 layout does not decode as the current one");
		let _ = migrations::MigrateToV6::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(6));
		for (netuid, pool) in &before {
			let v6: SubnetPoolV6 = unhashed::get(&Pools::<Test>::hashed_key_for(netuid)).expect("version 6 layout");
			assert_eq!(v6, v5_layout(pool).with_recycled());
		}
		let raw = unhashed::get_raw(&Pools::<Test>::hashed_key_for(1));
		let _ = migrations::MigrateToV6::<Test>::on_runtime_upgrade();
		assert_eq!(unhashed::get_raw(&Pools::<Test>::hashed_key_for(1)), raw, "V6 skipped at version 6");
		// Version 7: the same pools, nothing kept for root.
		let _ = migrations::MigrateToV7::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(7));
		for (netuid, pool) in &before {
			let v7: SubnetPoolV7 = unhashed::get(&Pools::<Test>::hashed_key_for(netuid)).expect("version 7 layout");
			assert_eq!(v7, v7_layout(pool));
		}
		let raw = unhashed::get_raw(&Pools::<Test>::hashed_key_for(1));
		let _ = migrations::MigrateToV7::<Test>::on_runtime_upgrade();
		assert_eq!(unhashed::get_raw(&Pools::<Test>::hashed_key_for(1)), raw, "V7 skipped at version 7");
		migrate_from_v7();
		assert_eq!(pools(), before);
	});
}

/// Pools in the layout of versions 7 to 9 (no last epoch block) at version 9, one subnet after
/// its first epochs and one before: `MigrateToV10` gives each its `LastEpochBlock`, once, and the
/// block hook goes on from it.
#[test]
fn migration_to_v10_copies_the_last_epoch_block_into_the_pools() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 3));
		run_to_block(9);
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(BOB), BOB_HOT));
		let before = pools();
		let epochs: Vec<u64> = before.iter().map(|(_, p)| p.last_epoch).collect();
		assert!(epochs[0] > 0 && epochs[0] == LastEpochBlock::<Test>::get(1), "subnet 1 had epochs");
		assert_eq!(epochs[1], 0, "subnet 2 had none");
		for (netuid, pool) in &before {
			unhashed::put(&Pools::<Test>::hashed_key_for(netuid), &v7_layout(pool));
		}
		StorageVersion::new(9).put::<Dtao>();
		assert!(Pools::<Test>::get(1).is_none(), "the version-7 layout does not decode as the current one");
		let _ = migrations::MigrateToV10::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(10));
		assert_eq!(pools(), before);
		let raw = unhashed::get_raw(&Pools::<Test>::hashed_key_for(1));
		let _ = migrations::MigrateToV10::<Test>::on_runtime_upgrade();
		assert_eq!(unhashed::get_raw(&Pools::<Test>::hashed_key_for(1)), raw, "V10 skipped at version 10");
		let tempo = u64::from(Tempo::<Test>::get(1));
		run_to_block(System::block_number() + tempo + 2);
		assert_eq!(Pools::<Test>::get(1).expect("pool").last_epoch, LastEpochBlock::<Test>::get(1));
	});
}

/// Root claim pools in the version-7 layout (no release) at version 7: `MigrateToV8` rewrites
/// each with the same figure and nothing being released, once; then `MigrateToV9` moves the
/// pools and accounts of versions 7 and 8 into one value per hotkey and per (coldkey, hotkey),
/// and the claims are what they were.
#[test]
fn migrations_to_v8_and_v9_keep_the_claims() {
	use crate::{
		migrations::{
			v8::{RootClaimPoolV7, RootClaimPoolV8, RootClaimPools as V8Pools},
			v9::{OldRootClaims, RootClaimV8},
		},
		RootDividendMode,
	};
	ExtBuilder::default().rate_limit(0).start_delay(0).accrual(crate::DividendAccrual::AtEpoch).build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 100 * TAO));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 0, 50 * TAO));
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), RootDividendMode::KeepAlpha));
		run_to_block(LastEpochBlock::<Test>::get(1) + u64::from(Tempo::<Test>::get(1)) + 2);
		// DAVE's shares change after the payment: he has an account with something owed.
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 0, 10 * TAO));
		let current = RootClaimPools::<Test>::get(ALICE_HOT).expect("an epoch paid the claim pool");
		let pool = *current.live(1).expect("live pool of subnet 1");
		assert_eq!(pool.releasing, 0, "paid at once under AtEpoch");
		let (charlie, dave) = (Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), Dtao::root_claimable(&DAVE, &ALICE_HOT, 1));
		assert!(charlie > 0 && dave > 0);
		let dave_account = RootClaims::<Test>::get(DAVE, ALICE_HOT).expect("DAVE's account")[0];
		assert!(dave_account.owed > 0);

		// The state as version 7 held it.
		let since = 3;
		RootClaimPools::<Test>::remove(ALICE_HOT);
		RootClaimPoolCount::<Test>::remove(1);
		RootClaims::<Test>::remove(DAVE, ALICE_HOT);
		RootClaims::<Test>::remove(CHARLIE, ALICE_HOT);
		V8Pools::<Test, RootClaimPoolV7>::insert(ALICE_HOT, 1, RootClaimPoolV7 { held: pool.held, per_share: pool.per_share, since });
		let old_account = RootClaimV8 { snapshot: dave_account.snapshot, owed: dave_account.owed, since };
		OldRootClaims::<Test>::insert((DAVE, ALICE_HOT, 1), old_account);
		// An account of an earlier pool of the same netuid: dropped.
		OldRootClaims::<Test>::insert((CHARLIE, ALICE_HOT, 1), RootClaimV8 { snapshot: 9, owed: 0, since: 1 });
		StorageVersion::new(7).put::<Dtao>();

		let _ = migrations::MigrateToV8::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(8));
		let v8 = RootClaimPoolV8 { held: pool.held, per_share: pool.per_share, since, ..Default::default() };
		assert_eq!(V8Pools::<Test, RootClaimPoolV8>::get(ALICE_HOT, 1), Some(v8));
		let raw = unhashed::get_raw(&V8Pools::<Test, RootClaimPoolV8>::hashed_key_for(ALICE_HOT, 1));
		let _ = migrations::MigrateToV8::<Test>::on_runtime_upgrade();
		assert_eq!(unhashed::get_raw(&V8Pools::<Test, RootClaimPoolV8>::hashed_key_for(ALICE_HOT, 1)), raw, "V8 skipped at version 8");

		let _ = migrations::MigrateToV9::<Test>::on_runtime_upgrade();
		assert_eq!(Dtao::on_chain_storage_version(), StorageVersion::new(9));
		assert_eq!(V8Pools::<Test, RootClaimPoolV8>::iter().count(), 0);
		assert_eq!(OldRootClaims::<Test>::iter().count(), 0);
		let migrated = RootClaimPools::<Test>::get(ALICE_HOT).expect("pools");
		assert_eq!(migrated.next_id, 1);
		assert_eq!(RootClaimPoolCount::<Test>::get(1), 1);
		assert_eq!(*migrated.live(1).expect("pool"), crate::RootClaimPool { id: 0, ..pool });
		assert_eq!(RootClaims::<Test>::get(DAVE, ALICE_HOT).map(|a| a.into_inner()), Some(vec![crate::RootClaim { id: 0, ..dave_account }]));
		assert!(RootClaims::<Test>::get(CHARLIE, ALICE_HOT).is_none());
		assert_eq!((Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), Dtao::root_claimable(&DAVE, &ALICE_HOT, 1)), (charlie, dave));
		let raw = unhashed::get_raw(&RootClaimPools::<Test>::hashed_key_for(ALICE_HOT));
		let _ = migrations::MigrateToV9::<Test>::on_runtime_upgrade();
		assert_eq!(unhashed::get_raw(&RootClaimPools::<Test>::hashed_key_for(ALICE_HOT)), raw, "V9 skipped at version 9");
	});
}

/// A value that does not decode in the old layout cannot be translated: the check before each
/// `translate` counts it among the values (and logs it), so the migration's try-runtime
/// `post_upgrade`, which counts what the new layout reads, fails on it.
#[test]
fn values_in_no_known_layout_are_counted_before_a_translation() {
	use crate::migrations::{
		old_layout_check,
		v8::{RootClaimPoolV7, RootClaimPools as V8Pools},
	};
	use polkadot_sdk::frame_support::storage::StoragePrefixedMap;
	ExtBuilder::default().build_and_execute(|| {
		let prefix = V8Pools::<Test, RootClaimPoolV7>::final_prefix();
		assert_eq!(old_layout_check::<RootClaimPoolV7>("RootClaimPools", prefix), (0, 0));
		let good = RootClaimPoolV7 { held: 5, per_share: 7, since: 1 };
		unhashed::put(&V8Pools::<Test, RootClaimPoolV7>::hashed_key_for(ALICE_HOT, 1), &good);
		unhashed::put_raw(&V8Pools::<Test, RootClaimPoolV7>::hashed_key_for(ALICE_HOT, 2), &[1, 2, 3]);
		assert_eq!(old_layout_check::<RootClaimPoolV7>("RootClaimPools", prefix), (2, 1));
		// Neither is readable in the current layout until migrated; clean up for the invariants.
		unhashed::kill(&V8Pools::<Test, RootClaimPoolV7>::hashed_key_for(ALICE_HOT, 1));
		unhashed::kill(&V8Pools::<Test, RootClaimPoolV7>::hashed_key_for(ALICE_HOT, 2));
	});
}
