//! Epochs and weights (`docs/mechanism.md` §6.4–§6.5, §7; `docs/yuma.md`).
use crate::{mock::*, pallet::*, params::defaults::TAO, Event as DtaoEvent};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{
			fungible::Mutate,
			tokens::{Fortitude, Precision, Preservation},
			Get, Hooks,
		},
		weights::{RuntimeDbWeight, Weight},
	},
	frame_system,
	sp_runtime::{DispatchError, Perbill},
};

fn builder() -> ExtBuilder {
	ExtBuilder::default().rate_limit(0).start_delay(0).swap_fee(Perbill::zero()).accrual(crate::DividendAccrual::AtEpoch)
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

/// Give `coldkey` exactly `amount` of stake on `hotkey` and `netuid`, replacing whatever the
/// hotkey held there, and keep the accounting (`O_n`, `T_0` and the pallet's TAO) exact.
fn set_stake(hotkey: AccountId, coldkey: AccountId, netuid: u16, amount: u64) {
	let old = HotkeyStake::<Test>::get(netuid, hotkey).map(|p| p.alpha).unwrap_or(0);
	let holders: Vec<AccountId> = StakeShares::<Test>::iter_key_prefix((netuid, hotkey)).collect();
	for holder in holders {
		Dtao::set_shares(netuid, &hotkey, &holder, 0);
	}
	HotkeyStake::<Test>::remove(netuid, hotkey);
	if netuid == 0 {
		TotalRootStake::<Test>::mutate(|t| *t = *t - old + amount);
		assert_ok!(Balances::burn_from(
			&Dtao::account_id(),
			old,
			Preservation::Preserve,
			Precision::Exact,
			Fortitude::Force
		));
		assert_ok!(Balances::mint_into(&Dtao::account_id(), amount));
	} else {
		Pools::<Test>::mutate(netuid, |p| {
			let p = p.as_mut().expect("pool");
			p.alpha_outstanding = p.alpha_outstanding - old + amount;
		});
	}
	if amount > 0 {
		assert_ok!(Dtao::deposit_stake(&hotkey, &coldkey, netuid, amount));
	}
}

/// Set the pending balances of `netuid` to the worked examples' pots, keeping the accounting exact.
fn set_pots(netuid: u16, miner: u64, validator: u64, root: u64) {
	let before = Pools::<Test>::get(netuid).expect("pool");
	Pools::<Test>::mutate(netuid, |p| {
		let p = p.as_mut().expect("pool");
		p.alpha_outstanding = p.alpha_outstanding - p.pending_miner_alpha - p.pending_validator_alpha + miner + validator;
		p.pending_miner_alpha = miner;
		p.pending_validator_alpha = validator;
		p.pending_root_tao = root;
	});
	if root > before.pending_root_tao {
		assert_ok!(Balances::mint_into(&Dtao::account_id(), root - before.pending_root_tao));
	} else {
		assert_ok!(Balances::burn_from(
			&Dtao::account_id(),
			before.pending_root_tao - root,
			Preservation::Preserve,
			Precision::Exact,
			Fortitude::Force
		));
	}
}

const MINER_POT: u64 = 147_600_000_000;
const VALIDATOR_POT: u64 = 90_000_000_000;
const ROOT_POT: u64 = 30_000_000_000;
/// Hotkey of the fifth neuron (uid 4) of the worked examples, owned by Charlie.
const MINER_4: AccountId = 105;

/// The worked examples' subnet: netuid 1, tempo 360, five neurons registered at block 10 (uid 0
/// Alice's hotkey, the owner; uid 1 Bob's; uids 2, 3 and 4 miners owned by Charlie, Dave and
/// Charlie). Validators' stakes are held by nominators (Dave on uid 0, Charlie on uid 1), so that
/// each take is seen apart: it goes to the hotkey owner's own stake.
fn example_subnet(v0: (u64, u64), v1: (u64, u64), take1: Perbill) {
	System::set_block_number(10);
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
	assert_eq!(Tempo::<Test>::get(1), 360);
	assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
	assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(CHARLIE), 1, CHARLIE_HOT));
	assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(DAVE), 1, DAVE_HOT));
	assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(CHARLIE), 1, MINER_4));
	assert_eq!(LastUpdate::<Test>::get(1), vec![10; 5]);
	assert_eq!(ValidatorPermit::<Test>::get(1), vec![false; 5]);
	assert_eq!(BlockAtRegistration::<Test>::get(1, 4), 10);
	assert_ok!(Dtao::set_take(RuntimeOrigin::signed(BOB), BOB_HOT, take1));
	set_stake(ALICE_HOT, DAVE, 1, v0.0 * TAO);
	set_stake(ALICE_HOT, DAVE, 0, v0.1 * TAO);
	set_stake(BOB_HOT, CHARLIE, 1, v1.0 * TAO);
	set_stake(BOB_HOT, CHARLIE, 0, v1.1 * TAO);
	// Permits granted by an earlier epoch.
	ValidatorPermit::<Test>::insert(1, vec![true, true, false, false, false]);
}

/// `x` up to one rao less (a share pool's value rounds down).
fn assert_about(actual: u64, expected: u64) {
	assert!(actual <= expected && actual + 1 >= expected, "{actual} is not {expected} (or one less)");
}

/// What one validator's payments must do: the hotkey's pool grows by the whole payment, the
/// owner's own stake by the take, the nominator's by the rest.
struct Paid {
	hotkey: AccountId,
	owner: AccountId,
	nominator: AccountId,
	alpha_before: u64,
	root_before: u64,
	alpha: (u64, u64),
	root: (u64, u64),
}

fn check_paid(p: &Paid) {
	let (alpha_take, alpha_rest) = p.alpha;
	let (root_take, root_rest) = p.root;
	assert_eq!(HotkeyStake::<Test>::get(1, p.hotkey).expect("pool").alpha, p.alpha_before + alpha_take + alpha_rest);
	assert_eq!(HotkeyStake::<Test>::get(0, p.hotkey).expect("pool").alpha, p.root_before + root_take + root_rest);
	assert_about(Dtao::stake_value(&p.hotkey, &p.owner, 1), alpha_take);
	assert_about(Dtao::stake_value(&p.hotkey, &p.nominator, 1), p.alpha_before + alpha_rest);
	assert_about(Dtao::stake_value(&p.hotkey, &p.owner, 0), root_take);
	assert_about(Dtao::stake_value(&p.hotkey, &p.nominator, 0), p.root_before + root_rest);
}

/// Worked example 1 of `docs/yuma.md` (§11.1) through the pallet: two validators agree; every
/// payment, take and remainder to the rao, the stored bonds, permits and outputs, and the metagraph.
#[test]
fn worked_example_1_pays_to_the_rao() {
	builder().build_and_execute(|| {
		example_subnet((500, 1000), (300, 100), Perbill::from_percent(9));
		System::set_block_number(300);
		for hotkey in [ALICE_HOT, BOB_HOT] {
			assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(hotkey), 1, bounded(vec![2, 3, 4]), bounded(vec![50, 30, 20])));
		}
		assert_eq!(Weights::<Test>::get(1, 1), vec![(2, 65535), (3, 39321), (4, 26214)]);
		assert_eq!(LastUpdate::<Test>::get(1), vec![300, 300, 10, 10, 10]);
		System::set_block_number(358);
		assert!(Dtao::is_epoch_block(1, 360, 358));
		set_pots(1, MINER_POT, VALIDATOR_POT, ROOT_POT);
		let root_before = TotalRootStake::<Test>::get();

		Dtao::run_epoch(1);

		let miners = [73_800_000_051, 44_279_999_982, 29_519_999_965];
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::EpochDrained {
			netuid: 1,
			owner_alpha: 0,
			miner_alpha: miners.iter().sum(),
			validator_alpha: 56_249_999_996 + 33_750_000_003,
			root_tao: 27_272_727_301 + 2_727_272_698,
		}));
		// Miners, staked to their owners, no take.
		assert_eq!(Dtao::stake_value(&CHARLIE_HOT, &CHARLIE, 1), miners[0]);
		assert_eq!(Dtao::stake_value(&DAVE_HOT, &DAVE, 1), miners[1]);
		assert_eq!(Dtao::stake_value(&MINER_4, &CHARLIE, 1), miners[2]);
		// Validators: (take, to the pool) of the alpha and root TAO payments.
		check_paid(&Paid {
			hotkey: ALICE_HOT,
			owner: ALICE,
			nominator: DAVE,
			alpha_before: 500 * TAO,
			root_before: 1000 * TAO,
			alpha: (10_124_999_999, 46_124_999_997),
			root: (4_909_090_914, 22_363_636_387),
		});
		check_paid(&Paid {
			hotkey: BOB_HOT,
			owner: BOB,
			nominator: CHARLIE,
			alpha_before: 300 * TAO,
			root_before: 100 * TAO,
			alpha: (3_037_500_000, 30_712_500_003),
			root: (245_454_542, 2_481_818_156),
		});
		assert_eq!(TotalRootStake::<Test>::get(), root_before + 29_999_999_999);
		// Left pending: 2, 1 and 1.
		let p = Pools::<Test>::get(1).expect("pool");
		assert_eq!((p.pending_miner_alpha, p.pending_validator_alpha, p.pending_root_tao), (2, 1, 1));

		// What the epoch wrote.
		assert_eq!(Bonds::<Test>::get(1, 0), vec![(2, 3276), (3, 1966), (4, 1310)]);
		assert_eq!(Bonds::<Test>::get(1, 1), vec![(2, 3276), (3, 1966), (4, 1310)]);
		assert!(Bonds::<Test>::get(1, 2).is_empty());
		assert_eq!(ValidatorPermit::<Test>::get(1), vec![true, true, false, false, false]);
		assert_eq!(StakeWeight::<Test>::get(1), vec![44653, 20881, 0, 0, 0]);
		assert_eq!(Consensus::<Test>::get(1), vec![0, 0, 32767, 19660, 13106]);
		assert_eq!(ValidatorTrust::<Test>::get(1), vec![65534, 65534, 0, 0, 0]);
		assert_eq!(Incentive::<Test>::get(1), vec![0, 0, 32767, 19660, 13106]);
		assert_eq!(Dividends::<Test>::get(1), vec![44653, 20881, 0, 0, 0]);
		assert_eq!(Active::<Test>::get(1), vec![true; 5]);
		assert_eq!(LastEpochBlock::<Test>::get(1), 358);
		assert_eq!(LastEpochAlpha::<Test>::get(1), vec![56_249_999_996, 33_750_000_003, miners[0], miners[1], miners[2]]);
		assert_eq!(LastEpochRootTao::<Test>::get(1), vec![27_272_727_301, 2_727_272_698, 0, 0, 0]);

		// The metagraph shows the same.
		let mg = Dtao::api_metagraph(1).expect("metagraph");
		assert_eq!((mg.tempo, mg.last_epoch_block, mg.kappa, mg.activity_cutoff), (360, Some(358), 32_767, 5_000));
		assert_eq!(mg.neurons.len(), 5);
		let v1 = &mg.neurons[1];
		assert_eq!((v1.uid, v1.hotkey, v1.coldkey), (1, BOB_HOT, BOB));
		assert_eq!((v1.stake_weight, v1.dividends, v1.validator_trust, v1.validator_permit, v1.active), (20881, 20881, 65534, true, true));
		assert_eq!(v1.alpha_stake, 300 * TAO + 33_750_000_003);
		assert_eq!((v1.alpha_paid, v1.root_tao_paid, v1.last_update), (33_750_000_003, 2_727_272_698, 300));
		assert_eq!(v1.bonds, vec![(2, 3276), (3, 1966), (4, 1310)]);
		let m2 = &mg.neurons[2];
		assert_eq!((m2.incentive, m2.consensus, m2.alpha_paid, m2.validator_permit), (32767, 32767, miners[0], false));
		assert_eq!(Dtao::api_metagraph(0), None);
		assert_eq!(Dtao::api_metagraph(9), None);
	});
}

/// Worked example 2 of `docs/yuma.md` (§11.2) through the pallet: the bonds stored by the first
/// epoch are read by the second, where V1 has left consensus and still earns by its old bonds.
#[test]
fn worked_example_2_bonds_carry_over() {
	builder().build_and_execute(|| {
		example_subnet((600, 0), (220, 1000), Perbill::from_percent(18));
		System::set_block_number(300);
		for hotkey in [ALICE_HOT, BOB_HOT] {
			assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(hotkey), 1, bounded(vec![2, 3]), bounded(vec![2, 1])));
		}
		assert_eq!(Weights::<Test>::get(1, 0), vec![(2, 65535), (3, 32768)]);
		System::set_block_number(358);
		set_pots(1, MINER_POT, VALIDATOR_POT, ROOT_POT);
		Dtao::run_epoch(1);
		assert_eq!(LastEpochAlpha::<Test>::get(1), vec![65_853_658_534, 24_146_341_465, 98_399_499_496, 49_200_500_503, 0]);
		assert_eq!(LastEpochRootTao::<Test>::get(1), vec![0, 30_000_000_000, 0, 0, 0]);
		assert_eq!(Bonds::<Test>::get(1, 0), vec![(2, 4368), (3, 2184)]);
		assert_eq!(Bonds::<Test>::get(1, 1), vec![(2, 4368), (3, 2184)]);
		// Bob's take of 18 % on both pots.
		assert_about(Dtao::stake_value(&BOB_HOT, &BOB, 1), 4_346_341_463);
		assert_about(Dtao::stake_value(&BOB_HOT, &BOB, 0), 5_400_000_000);

		// The example's second epoch has the first epoch's stakes: put them back.
		for (hotkey, coldkey, netuid, amount) in [
			(ALICE_HOT, DAVE, 1, 600 * TAO),
			(BOB_HOT, CHARLIE, 1, 220 * TAO),
			(BOB_HOT, CHARLIE, 0, 1000 * TAO),
			(CHARLIE_HOT, CHARLIE, 1, 0),
			(DAVE_HOT, DAVE, 1, 0),
		] {
			set_stake(hotkey, coldkey, netuid, amount);
		}
		System::set_block_number(600);
		assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(BOB_HOT), 1, bounded(vec![4]), bounded(vec![7])));
		System::set_block_number(719);
		assert!(Dtao::is_epoch_block(1, 360, 719));
		set_pots(1, MINER_POT, VALIDATOR_POT, ROOT_POT);
		Dtao::run_epoch(1);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::EpochDrained {
			netuid: 1,
			owner_alpha: 0,
			miner_alpha: 98_399_499_496 + 49_200_500_503,
			validator_alpha: 76_682_981_502 + 13_317_018_497,
			root_tao: 30_000_000_000,
		}));
		assert_eq!(LastEpochAlpha::<Test>::get(1), vec![76_682_981_502, 13_317_018_497, 98_399_499_496, 49_200_500_503, 0]);
		assert_eq!(Bonds::<Test>::get(1, 0), vec![(2, 8300), (3, 4150)]);
		assert_eq!(Bonds::<Test>::get(1, 1), vec![(2, 3931), (3, 1965)]);
		assert_eq!(ValidatorTrust::<Test>::get(1), vec![65534, 0, 0, 0, 0]);
		assert_eq!(LastEpochBlock::<Test>::get(1), 719);
		let p = Pools::<Test>::get(1).expect("pool");
		// One rao of each alpha pot per epoch is left over; the root pot is paid whole.
		assert_eq!((p.pending_miner_alpha, p.pending_validator_alpha, p.pending_root_tao), (1, 1, 0));
	});
}

/// A validator needs the permit stored by the last epoch to set weights (the owner's hotkey
/// always has one); an epoch grants permits to the largest stake weights.
#[test]
fn set_weights_needs_a_stored_permit() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 10));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(CHARLIE), 1, CHARLIE_HOT));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, 1, 10 * TAO));
		// Stake alone gives no permit before an epoch; the owner's hotkey needs none.
		assert_noop!(
			Dtao::set_weights(RuntimeOrigin::signed(BOB_HOT), 1, bounded(vec![2]), bounded(vec![1])),
			Error::<Test>::NoValidatorPermit
		);
		assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(ALICE_HOT), 1, bounded(vec![2]), bounded(vec![1])));
		// Block 8 is subnet 1's epoch: (8 + 2) mod 11 = 10.
		run_to_block(8);
		assert_eq!(LastEpochBlock::<Test>::get(1), 8);
		// Alice's hotkey holds no stake: its permit is the owner's; Charlie's has none.
		assert_eq!(ValidatorPermit::<Test>::get(1), vec![true, true, false]);
		assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(BOB_HOT), 1, bounded(vec![2]), bounded(vec![1])));
		assert_noop!(
			Dtao::set_weights(RuntimeOrigin::signed(CHARLIE_HOT), 1, bounded(vec![1]), bounded(vec![1])),
			Error::<Test>::NoValidatorPermit
		);
		assert_eq!(LastUpdate::<Test>::get(1)[1], 8);
		// At the next epoch (block 19) the one miner, uid 2, is paid the whole miners' pot. Alice's
		// weights were set in the block Charlie registered, so only Bob's count.
		System::reset_events();
		run_to_block(19);
		let paid = dtao_events()
			.into_iter()
			.find_map(|e| match e {
				DtaoEvent::EpochDrained { miner_alpha, .. } => Some(miner_alpha),
				_ => None,
			})
			.expect("epoch at block 19");
		assert!(paid > 0);
		assert_eq!(LastEpochAlpha::<Test>::get(1)[2], paid);
		assert_eq!(Dtao::stake_value(&CHARLIE_HOT, &CHARLIE, 1), paid);
		assert_eq!(Pools::<Test>::get(1).expect("pool").pending_miner_alpha, 0);
		assert_eq!(Incentive::<Test>::get(1), vec![0, 0, 65535]);
	});
}

/// The largest stake weights get the permits; at the cut, equal stakes keep the higher uid.
#[test]
fn permits_go_to_the_largest_stakes() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		for (c, h) in [(BOB, BOB_HOT), (CHARLIE, CHARLIE_HOT), (DAVE, DAVE_HOT)] {
			assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(c), 1, h));
		}
		assert_ok!(Dtao::set_max_validators(RuntimeOrigin::root(), 1, 2));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 0));
		// uid 1 and uid 3 equal, uid 2 larger; the owner's uid 0 has nothing but keeps its permit.
		set_stake(BOB_HOT, BOB, 1, 5 * TAO);
		set_stake(CHARLIE_HOT, CHARLIE, 1, 9 * TAO);
		set_stake(DAVE_HOT, DAVE, 1, 5 * TAO);
		Dtao::run_epoch(1);
		assert_eq!(ValidatorPermit::<Test>::get(1), vec![true, false, true, true]);
	});
}

/// Root and the subnet owner set the Yuma hyperparameters within their bounds; others cannot.
#[test]
fn yuma_hyperparameters() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_eq!(
			(Kappa::<Test>::get(1), BondsMovingAverage::<Test>::get(1), BondsPenalty::<Test>::get(1)),
			(32_767, 900_000, 65_535)
		);
		assert_eq!(ActivityCutoffFactorMilli::<Test>::get(1), 13_889);
		let owner = || RuntimeOrigin::signed(ALICE);
		let other = || RuntimeOrigin::signed(BOB);
		// Kappa: root only.
		assert_noop!(Dtao::set_kappa(owner(), 1, 40_000), DispatchError::BadOrigin);
		assert_noop!(Dtao::set_kappa(RuntimeOrigin::root(), 0, 40_000), Error::<Test>::RootSubnetNotAllowed);
		assert_noop!(Dtao::set_kappa(RuntimeOrigin::root(), 7, 40_000), Error::<Test>::SubnetNotFound);
		assert_ok!(Dtao::set_kappa(RuntimeOrigin::root(), 1, 40_000));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::KappaSet { netuid: 1, value: 40_000 }));
		assert_eq!(Kappa::<Test>::get(1), 40_000);
		// Bonds moving average: the owner up to 975_000, root up to 1_000_000.
		assert_noop!(Dtao::set_bonds_moving_average(other(), 1, 500_000), Error::<Test>::NotSubnetOwner);
		assert_noop!(Dtao::set_bonds_moving_average(owner(), 1, 975_001), Error::<Test>::OwnerLimitExceeded);
		assert_noop!(Dtao::set_bonds_moving_average(RuntimeOrigin::root(), 1, 1_000_001), Error::<Test>::InvalidParameter);
		assert_noop!(Dtao::set_bonds_moving_average(RuntimeOrigin::none(), 1, 1), DispatchError::BadOrigin);
		assert_ok!(Dtao::set_bonds_moving_average(owner(), 1, 975_000));
		assert_ok!(Dtao::set_bonds_moving_average(RuntimeOrigin::root(), 1, 1_000_000));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::BondsMovingAverageSet { netuid: 1, value: 1_000_000 }));
		// Bonds penalty: owner or root, any value.
		assert_noop!(Dtao::set_bonds_penalty(other(), 1, 0), Error::<Test>::NotSubnetOwner);
		assert_ok!(Dtao::set_bonds_penalty(owner(), 1, 0));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::BondsPenaltySet { netuid: 1, value: 0 }));
		// Activity cutoff factor: 1_000 to 50_000 for both.
		assert_noop!(Dtao::set_activity_cutoff_factor_milli(owner(), 1, 999), Error::<Test>::InvalidParameter);
		assert_noop!(Dtao::set_activity_cutoff_factor_milli(RuntimeOrigin::root(), 1, 50_001), Error::<Test>::InvalidParameter);
		assert_noop!(Dtao::set_activity_cutoff_factor_milli(other(), 1, 2_000), Error::<Test>::NotSubnetOwner);
		assert_ok!(Dtao::set_activity_cutoff_factor_milli(owner(), 1, 2_000));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::ActivityCutoffFactorMilliSet { netuid: 1, value: 2_000 }));
		assert_eq!(Dtao::api_metagraph(1).expect("metagraph").activity_cutoff, 720);
		// Dissolution clears them; a new subnet on the netuid starts from the initial values.
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_eq!((Kappa::<Test>::get(1), BondsPenalty::<Test>::get(1)), (32_767, 65_535));
	});
}

/// Weights set in the block where their target registered are older than the target and do not
/// count; set again later, they do.
#[test]
fn weights_older_than_their_target_do_not_count() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 0));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(ALICE), ALICE_HOT, 1, 10 * TAO));
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(BOB), 1, BOB_HOT));
		assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(ALICE_HOT), 1, bounded(vec![1]), bounded(vec![1])));
		set_pots(1, 1_000, 0, 0);
		Dtao::run_epoch(1);
		// No incentive: the miners' pot went to the validators.
		assert_eq!(Incentive::<Test>::get(1), vec![0, 0]);
		assert_eq!(LastEpochAlpha::<Test>::get(1), vec![1_000, 0]);
		System::set_block_number(2);
		assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(ALICE_HOT), 1, bounded(vec![1]), bounded(vec![1])));
		set_pots(1, 1_000, 0, 0);
		Dtao::run_epoch(1);
		assert_eq!(Incentive::<Test>::get(1), vec![0, 65535]);
		assert_eq!(Dtao::stake_value(&BOB_HOT, &BOB, 1), 1_000);
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
		let set = |who, uids: Vec<u16>, w: Vec<u16>| Dtao::set_weights(RuntimeOrigin::signed(who), 1, bounded(uids), bounded(w));
		assert_noop!(Dtao::set_weights(RuntimeOrigin::signed(ALICE_HOT), 0, bounded(vec![0]), bounded(vec![1])), Error::<Test>::RootSubnetNotAllowed);
		assert_noop!(Dtao::set_weights(RuntimeOrigin::signed(ALICE_HOT), 5, bounded(vec![0]), bounded(vec![1])), Error::<Test>::SubnetNotFound);
		// Bob's hotkey has no stored permit. Charlie's is not a neuron.
		assert_noop!(set(BOB_HOT, vec![0], vec![1]), Error::<Test>::NoValidatorPermit);
		assert_noop!(set(CHARLIE_HOT, vec![0], vec![1]), Error::<Test>::NoValidatorPermit);
		assert_noop!(set(ALICE_HOT, vec![0, 1], vec![1]), Error::<Test>::InvalidWeights);
		assert_noop!(set(ALICE_HOT, vec![1, 1], vec![1, 2]), Error::<Test>::InvalidWeights);
		assert_noop!(set(ALICE_HOT, vec![2], vec![1]), Error::<Test>::InvalidWeights);
		assert_noop!(set(ALICE_HOT, vec![0, 1], vec![0, 0]), Error::<Test>::InvalidWeights);
		assert_noop!(set(ALICE_HOT, vec![], vec![]), Error::<Test>::InvalidWeights);
		assert_noop!(Dtao::set_weights(RuntimeOrigin::none(), 1, bounded(vec![1]), bounded(vec![1])), DispatchError::BadOrigin);
		System::set_block_number(5);
		assert_ok!(set(ALICE_HOT, vec![1, 0], vec![3, 0]));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::WeightsSet { netuid: 1, uid: 0 }));
		// Stored max-upscaled, and the update recorded.
		assert_eq!(Weights::<Test>::get(1, 0), vec![(1, 65535), (0, 0)]);
		assert_eq!(LastUpdate::<Test>::get(1), vec![5, 1]);
		assert_ok!(set(ALICE_HOT, vec![0, 1], vec![10, 90]));
		// More than MaxNeuronsLimit (512) entries do not even decode as a call.
		use codec::{Decode, Encode};
		let valid = RuntimeCall::Dtao(Call::set_weights { netuid: 1, uids: bounded(vec![0]), weights: bounded(vec![1]) }).encode();
		let too_long: Vec<u16> = (0..513).collect();
		let mut bytes = valid[..2].to_vec();
		bytes.extend(1u16.encode());
		bytes.extend(too_long.encode());
		bytes.extend(too_long.encode());
		assert!(RuntimeCall::decode(&mut &bytes[..]).is_err());
		let at_limit: Vec<u16> = (0..512).collect();
		let mut bytes = valid[..2].to_vec();
		bytes.extend(1u16.encode());
		bytes.extend(at_limit.encode());
		bytes.extend(at_limit.encode());
		assert!(RuntimeCall::decode(&mut &bytes[..]).is_ok());
		assert_eq!(Weights::<Test>::get(1, 0), vec![(0, 7282), (1, 65535)]);
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
		// Weights set after the miner's registration block count.
		run_to_block(2);
		assert_ok!(Dtao::set_weights(RuntimeOrigin::signed(ALICE_HOT), 1, bounded(vec![1]), bounded(vec![1])));
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

/// The owner's pending alpha is staked to (owner hotkey, owner coldkey) whole, whatever Yuma
/// decides for the other pots.
#[test]
fn epoch_pays_the_owner_cut_whole() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 0));
		Pools::<Test>::mutate(1, |p| {
			let p = p.as_mut().expect("pool");
			p.pending_owner_alpha = 123_456_789;
			p.alpha_outstanding += 123_456_789;
		});
		Dtao::run_epoch(1);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::EpochDrained {
			netuid: 1,
			owner_alpha: 123_456_789,
			miner_alpha: 0,
			validator_alpha: 0,
			root_tao: 0,
		}));
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &ALICE, 1), 123_456_789);
		assert_eq!(Pools::<Test>::get(1).expect("pool").pending_owner_alpha, 0);
	});
}

/// Subnets 1 (tempo 10) and 2 (tempo 11) are both due at block 8: `(8 + 2) mod 11 = 10` and
/// `(8 + 3) mod 12 = 11`.
fn two_subnets_due_at_block_8() {
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(BOB), BOB_HOT));
	assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
	assert_ok!(Dtao::start_call(RuntimeOrigin::signed(BOB), 2));
	assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 10));
	assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 2, 11));
	assert!(Dtao::is_epoch_block(1, 10, 8) && Dtao::is_epoch_block(2, 11, 8));
}

fn deferred_events() -> Vec<Vec<u16>> {
	dtao_events()
		.into_iter()
		.filter_map(|e| if let DtaoEvent::EpochsDeferred { netuids } = e { Some(netuids) } else { None })
		.collect()
}

/// With room for every due epoch, both run in their block and nothing waits.
#[test]
fn due_epochs_that_fit_run_in_their_block() {
	builder().build_and_execute(|| {
		two_subnets_due_at_block_8();
		run_to_block(8);
		assert_eq!(LastEpochBlock::<Test>::get(1), 8);
		assert_eq!(LastEpochBlock::<Test>::get(2), 8);
		assert!(DeferredEpochs::<Test>::get().is_empty());
		assert!(deferred_events().is_empty());
	});
}

/// With a hook limit that holds no epoch, only the first due epoch of a block (the lowest netuid)
/// runs; the other waits (`EpochsDeferred`), runs first in the next block, and the schedule goes on
/// from there. The hook returns the weight of what it ran.
#[test]
fn due_epochs_beyond_the_hook_limit_wait_for_the_next_block() {
	builder().build_and_execute(|| {
		two_subnets_due_at_block_8();
		HookWeightLimit::set(Weight::zero());
		run_to_block(7);
		// Newly due epochs run in ascending netuid.
		let (first, second) = (1, 2);

		System::set_block_number(8);
		let used = Dtao::on_initialize(8);
		check_invariants();
		assert_eq!(LastEpochBlock::<Test>::get(first), 8);
		assert_eq!(LastEpochBlock::<Test>::get(second), 0, "the second epoch waits");
		assert_eq!(DeferredEpochs::<Test>::get().into_inner(), vec![second]);
		assert_eq!(deferred_events(), vec![vec![second]]);
		let (neurons, validators) = Dtao::epoch_size(first);
		assert_eq!((neurons, validators), (1, 1), "the owner alone");
		assert_eq!(
			used,
			<() as crate::WeightInfo>::coinbase(2)
				.saturating_add(<() as crate::WeightInfo>::epoch(neurons, validators))
				.saturating_add(<() as crate::WeightInfo>::settle(0))
				// Both candidates sized (neuron count and permits each), the queue written.
				.saturating_add(<<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads_writes(4, 1))
		);

		// Block 9: the waiting epoch runs first; nothing else is due.
		run_to_block(9);
		assert_eq!(LastEpochBlock::<Test>::get(second), 9);
		assert!(DeferredEpochs::<Test>::get().is_empty());
		assert_eq!(deferred_events().len(), 1);

		// The regular turns follow: subnet 1 at 19, subnet 2 at 20.
		run_to_block(20);
		assert_eq!(LastEpochBlock::<Test>::get(1), 19);
		assert_eq!(LastEpochBlock::<Test>::get(2), 20);
	});
}

/// A dissolved subnet leaves the queue, so a netuid registered again later does not inherit a
/// waiting epoch.
#[test]
fn dissolving_a_subnet_removes_its_waiting_epoch() {
	builder().build_and_execute(|| {
		two_subnets_due_at_block_8();
		HookWeightLimit::set(Weight::zero());
		run_to_block(8);
		let waiting = DeferredEpochs::<Test>::get().into_inner();
		assert_eq!(waiting.len(), 1);
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), waiting[0]));
		assert!(DeferredEpochs::<Test>::get().is_empty());
		run_to_block(9);
	});
}

/// The mock's limits pass the pallet's own check, and a limit too small for the largest coinbase,
/// settlement step and epoch fails it.
#[test]
fn integrity_test_checks_the_hook_limit() {
	<Dtao as Hooks<u64>>::integrity_test();
	HookWeightLimit::set(Weight::from_parts(1, 1));
	let result = std::panic::catch_unwind(<Dtao as Hooks<u64>>::integrity_test);
	assert!(result.is_err());
}
