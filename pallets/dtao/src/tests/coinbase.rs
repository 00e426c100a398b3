//! The coinbase (docs/mechanism.md §6.1–§6.3): expected numbers are worked out here from the state set up.
use crate::{mock::*, pallet::*, params::defaults::TAO, BlockEmissionRecord, Event as DtaoEvent, SubnetPool};
use dtao_math::substrate_fixed::types::U64F64;
use polkadot_sdk::{
	frame_support::{assert_ok, traits::fungible::Mutate},
	sp_runtime::Perbill,
};

const ONE: u128 = 1 << 64;

fn pool(netuid: u16) -> SubnetPool {
	Pools::<Test>::get(netuid).expect("pool exists")
}

fn set_moving(netuid: u16, bits: u128) {
	Pools::<Test>::mutate(netuid, |p| p.as_mut().expect("pool").moving_price = U64F64::from_bits(bits));
}

/// Register and start a subnet of `coldkey` in the current block.
fn started_subnet(coldkey: AccountId, hotkey: AccountId) -> u16 {
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(coldkey), hotkey));
	let netuid = Pools::<Test>::iter_keys().max().expect("a subnet");
	assert_ok!(Dtao::start_call(RuntimeOrigin::signed(coldkey), netuid));
	netuid
}

fn builder() -> ExtBuilder {
	ExtBuilder::default().rate_limit(0).start_delay(0).swap_fee(Perbill::zero()).accrual(crate::DividendAccrual::AtEpoch)
}

/// Moving prices 1 and 2 with `E = 1e8` give `τ` of 33_333_333 and 66_666_666; issuance grows by
/// exactly their sum.
#[test]
fn tao_split_by_moving_price() {
	let mut b = builder();
	b.genesis.block_emission = 100_000_000;
	b.build_and_execute(|| {
		started_subnet(ALICE, ALICE_HOT);
		started_subnet(BOB, BOB_HOT);
		set_moving(1, ONE);
		set_moving(2, 2 * ONE);
		let issuance = Balances::total_issuance();
		run_to_block(2);
		assert_eq!(pool(1).last.tao_in, 33_333_333);
		assert_eq!(pool(2).last.tao_in, 66_666_666);
		assert_eq!(Balances::total_issuance(), issuance + 99_999_999);
	});
}

/// A subnet that has not been started receives nothing and its pool does not move.
#[test]
fn unstarted_subnet_receives_nothing() {
	builder().build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		set_moving(1, ONE);
		let before = pool(1);
		let issuance = Balances::total_issuance();
		run_to_block(5);
		assert_eq!(pool(1), before);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

/// A new subnet's moving price starts at 0, so with no other subnet nothing is minted in its first
/// block; then it moves towards the spot price 1.0 with the warm-up `b / (b + 201_600)`.
#[test]
fn moving_price_warms_up_from_zero() {
	builder().build_and_execute(|| {
		started_subnet(ALICE, ALICE_HOT);
		let issuance = Balances::total_issuance();
		run_to_block(2);
		let p = pool(1);
		assert_eq!(p.last.tao_in, 0);
		assert_eq!(Balances::total_issuance(), issuance);
		// b = 1; the spot price is exactly 1 (T = A, only alpha out was minted).
		assert_eq!(p.tao_reserve, p.alpha_reserve);
		let m1 = ONE * 3_000 / (1_000_000_000u128 * 201_601);
		assert_eq!(p.moving_price.to_bits(), m1);
		run_to_block(3);
		let p = pool(1);
		// Now the only subnet gets the whole emission.
		assert_eq!(p.last.tao_in, 1_000_000_000);
		let target = ((p.tao_reserve as u128) << 64) / p.alpha_reserve as u128;
		let target = target.min(ONE);
		let m2 = m1 + (target - m1) * (3_000 * 2) / (1_000_000_000u128 * 201_602);
		assert_eq!(p.moving_price.to_bits(), m2);
		assert_eq!(Dtao::moving_price(1), ((m2 * 1_000_000_000) >> 64) as u64);
	});
}

/// A spot price above `MovingPriceCap` feeds only the cap into the moving price.
#[test]
fn moving_price_is_capped() {
	let mut b = builder();
	b.genesis.moving_alpha = Perbill::one();
	b.genesis.moving_halving_blocks = 0;
	b.build_and_execute(|| {
		started_subnet(ALICE, ALICE_HOT);
		// Spot price 2: half the alpha reserve (alpha is not a balance, so the TAO books still hold).
		Pools::<Test>::mutate(1, |p| {
			let p = p.as_mut().expect("pool");
			p.alpha_reserve /= 2;
		});
		run_to_block(2);
		// α_eff = 1: the moving price jumps to min(p, cap) = 1.0.
		assert_eq!(pool(1).moving_price.to_bits(), ONE);
		assert_eq!(Dtao::moving_price(1), TAO);
	});
}

/// When `τ / p` exceeds the subnet's alpha emission, `α_in` is the alpha emission, the whole `τ` is
/// injected, and the spot price rises.
#[test]
fn alpha_cap_binds_and_price_rises() {
	builder().build_and_execute(|| {
		started_subnet(ALICE, ALICE_HOT);
		set_moving(1, ONE);
		// Spot price 0.5.
		Pools::<Test>::mutate(1, |p| {
			let p = p.as_mut().expect("pool");
			p.alpha_reserve *= 2;
		});
		let before = pool(1);
		run_to_block(2);
		let after = pool(1);
		assert_eq!(after.last.tao_in, 1_000_000_000);
		// τ / p = 2e9 > Eα = 1e9.
		assert_eq!(after.last.alpha_in, 1_000_000_000);
		assert_eq!(after.last.alpha_out, 1_000_000_000);
		assert_eq!(after.tao_reserve, before.tao_reserve + 1_000_000_000);
		assert_eq!(after.alpha_reserve, before.alpha_reserve + 1_000_000_000);
		let price = |p: &SubnetPool| (p.tao_reserve as u128 * 1_000_000_000) / p.alpha_reserve as u128;
		assert!(price(&after) > price(&before));
	});
}

/// docs/mechanism.md §9: `T_0 = 1e12`, `tw = 0.18`, `I_n = 1e11` after injection → `ρ = 0.6428…`; root's
/// alpha is sold into the pool without fee and the TAO bought is pending for root.
#[test]
fn root_proportion_sells_validator_alpha_for_root() {
	builder().min_lock(98 * TAO).build_and_execute(|| {
		started_subnet(ALICE, ALICE_HOT);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 1_000 * TAO));
		assert_eq!(TotalRootStake::<Test>::get(), 1_000_000_000_000);
		set_moving(1, ONE);
		run_to_block(2);
		let p = pool(1);
		// τ = 1e9, α_in = 1e9, α_out = 1e9: I_n = 98e9 + 2e9 = 1e11.
		let (tau, alpha_in, alpha_out) = (1_000_000_000u64, 1_000_000_000u64, 1_000_000_000u64);
		let owner = 180_000_000u64;
		let miners = 410_000_000u64;
		let validators = 410_000_000u64;
		let num = 1_000_000_000_000u128 * 180_000_000;
		let den = num + 100_000_000_000u128 * 1_000_000_000;
		let ra = (validators as u128 * num / den) as u64;
		assert_eq!(ra, 263_571_428);
		let (t, a) = (98 * TAO + tau, 98 * TAO + alpha_in);
		let rt = (t as u128 * ra as u128 / (a as u128 + ra as u128)) as u64;
		assert_eq!(
			p.last,
			BlockEmissionRecord {
				tao_in: tau,
				alpha_in,
				alpha_out,
				root_alpha_sold: ra,
				root_tao_bought: rt,
				root_proportion_ppb: 642_857_142,
				root_alpha_recycled: 0,
				root_alpha_kept: 0,
			}
		);
		assert_eq!((p.tao_reserve, p.alpha_reserve), (t - rt, a + ra));
		assert_eq!(p.alpha_outstanding, alpha_out - ra);
		assert_eq!(p.pending_owner_alpha, owner);
		assert_eq!(p.pending_miner_alpha, miners);
		assert_eq!(p.pending_validator_alpha, validators - ra);
		assert_eq!(p.pending_root_tao, rt);
		// ρ = 0.18e12 / (0.18e12 + 1e11) = 0.642857142857…
		assert_eq!(Dtao::api_subnet_info(1).map(|i| i.root_proportion), Some(Perbill::from_parts(642_857_142)));
	});
}

/// With no root stake nothing is sold: the validators keep all their alpha.
#[test]
fn no_root_stake_sells_nothing() {
	builder().build_and_execute(|| {
		started_subnet(ALICE, ALICE_HOT);
		set_moving(1, ONE);
		run_to_block(2);
		let p = pool(1);
		assert_eq!((p.last.root_alpha_sold, p.last.root_tao_bought, p.pending_root_tao), (0, 0, 0));
		assert_eq!(p.pending_validator_alpha, 410_000_000);
	});
}

/// TAO emission halves when issuance crosses 10.5M TAO; a subnet's alpha emission halves when its
/// own issuance crosses 10.5M alpha.
#[test]
fn halvings() {
	builder().build_and_execute(|| {
		started_subnet(ALICE, ALICE_HOT);
		set_moving(1, ONE);
		run_to_block(2);
		assert_eq!(pool(1).last.tao_in, 1_000_000_000);
		let issuance = Balances::total_issuance();
		assert_ok!(Balances::mint_into(&DAVE, 10_500_000 * TAO - issuance));
		run_to_block(3);
		assert_eq!(pool(1).last.tao_in, 500_000_000);
		assert_eq!(pool(1).last.alpha_out, 1_000_000_000);
		// Alpha issuance to 10.5M: grow the reserve (no TAO moves).
		Pools::<Test>::mutate(1, |p| {
			let p = p.as_mut().expect("pool");
			p.alpha_reserve = 10_500_000 * TAO - p.alpha_outstanding;
		});
		run_to_block(4);
		assert_eq!(pool(1).last.alpha_out, 500_000_000);
	});
}

/// Blocks with stakes, unstakes and moves keep every invariant (checked after each block).
#[test]
fn invariants_hold_over_blocks_with_activity() {
	builder().swap_fee(Perbill::from_parts(500_000)).build_and_execute(|| {
		started_subnet(ALICE, ALICE_HOT);
		started_subnet(BOB, BOB_HOT);
		assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(CHARLIE), 1, CHARLIE_HOT));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), CHARLIE_HOT, 0, 500 * TAO));
		for block in 2..40u64 {
			assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), CHARLIE_HOT, 1 + (block % 2) as u16, TAO));
			if block % 5 == 0 {
				let v = Dtao::stake_value(&CHARLIE_HOT, &DAVE, 1);
				assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(DAVE), CHARLIE_HOT, 1, v / 2));
			}
			if block % 7 == 0 {
				let v = Dtao::stake_value(&CHARLIE_HOT, &DAVE, 2);
				assert_ok!(Dtao::swap_stake(RuntimeOrigin::signed(DAVE), CHARLIE_HOT, 2, 1, v / 3));
			}
			run_to_block(block);
		}
		assert!(pool(1).pending_root_tao > 0);
		assert!(pool(2).pending_owner_alpha > 0);
	});
}

/// docs/mechanism.md §5.3 step 1: dissolving a subnet first pays its pending root TAO to its validators
/// as root stake (take first), like an epoch; only the pool's own TAO is settled among stakers.
#[test]
fn dissolution_pays_pending_root_tao_as_root_dividends() {
	builder().min_lock(98 * TAO).build_and_execute(|| {
		started_subnet(ALICE, ALICE_HOT);
		// Charlie nominates Alice's hotkey on root: it is the subnet's only validator, by root stake.
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 1_000 * TAO));
		set_moving(1, ONE);
		run_to_block(4);
		let before = pool(1);
		let pending = before.pending_root_tao;
		assert!(pending > 0, "root sold alpha for TAO");
		let root_before = TotalRootStake::<Test>::get();
		let charlie_before = Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0);
		let alice_before = Dtao::stake_value(&ALICE_HOT, &ALICE, 0);

		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));

		let Some(DtaoEvent::NetworkDissolved { root_dividends, paid_to_stakers, refunded_to_owner, burned, .. }) =
			dtao_events().into_iter().rev().find(|e| matches!(e, DtaoEvent::NetworkDissolved { .. }))
		else {
			panic!("no NetworkDissolved event")
		};
		assert_eq!(root_dividends, pending);
		assert_eq!(TotalRootStake::<Test>::get(), root_before + pending);
		// The take (18%) goes to the hotkey owner's own root stake, the rest to the hotkey's pool.
		// Each coldkey's value may round down by one rao in the share pool.
		let take = Perbill::from_percent(18).mul_floor(pending);
		let alice_gain = Dtao::stake_value(&ALICE_HOT, &ALICE, 0) - alice_before;
		let charlie_gain = Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0) - charlie_before;
		assert!(take - alice_gain <= 1 && alice_gain <= take, "Alice's take {take}, gained {alice_gain}");
		assert!(pending - take - charlie_gain <= 1, "Charlie gains the rest, less share rounding");
		// The settlement covers the pool's TAO only.
		assert_eq!(paid_to_stakers + refunded_to_owner + burned, before.tao_reserve);
	});
}
