//! What happens to root's share of the validators' alpha (`RootDividends`, docs/mechanism.md
//! §6.2 step 7, §6.7): sold every block, or, with the sell gate, recycled while the started
//! subnets' moving prices add up to at most 1, or kept as alpha for root stakers to claim.
use crate::{mock::*, pallet::*, params::defaults::TAO, Event as DtaoEvent, RootDividendMode, SubnetPool};
use dtao_math::substrate_fixed::types::U64F64;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

const GATED: RootDividendMode = RootDividendMode::SellPerBlock { sell_gate: true };
const UNGATED: RootDividendMode = RootDividendMode::SellPerBlock { sell_gate: false };

fn pool(netuid: u16) -> SubnetPool {
	Pools::<Test>::get(netuid).expect("pool exists")
}

/// Two started subnets, root stake on Alice's hotkey (so root has a proportion), and the moving
/// prices set to `m1` and `m2`.
fn two_subnets_with_root_stake(m1: f64, m2: f64) {
	for (who, hot) in [(ALICE, ALICE_HOT), (BOB, BOB_HOT)] {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(who), hot));
		let netuid = Pools::<Test>::iter_keys().max().expect("a subnet");
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(who), netuid));
	}
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 1_000 * TAO));
	set_moving(m1, m2);
}

fn set_moving(m1: f64, m2: f64) {
	for (netuid, m) in [(1, m1), (2, m2)] {
		Pools::<Test>::mutate(netuid, |p| p.as_mut().expect("pool").moving_price = U64F64::from_num(m));
	}
}

#[test]
fn setter_needs_root_and_defaults_to_selling_without_gate() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(RootDividends::<Test>::get(), UNGATED);
		assert_noop!(Dtao::set_root_dividend_mode(RuntimeOrigin::signed(ALICE), GATED), DispatchError::BadOrigin);
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), GATED));
		assert_eq!(RootDividends::<Test>::get(), GATED);
		System::assert_last_event(DtaoEvent::RootDividendModeSet { mode: GATED }.into());
	});
}

/// With the gate and moving prices adding up to 0.5, root's alpha leaves the alpha outstanding
/// instead of being sold: the pool and the pending root TAO do not move, and the validators keep
/// exactly what they keep when it is sold. At 0.6 + 0.6 it is sold again; at exactly 1 recycled.
#[test]
fn the_sell_gate_recycles_root_alpha_while_the_moving_prices_add_up_to_at_most_one() {
	let block = |mode: RootDividendMode, m: (f64, f64)| -> (SubnetPool, SubnetPool) {
		let mut out = (SubnetPool::default(), SubnetPool::default());
		ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
			two_subnets_with_root_stake(m.0, m.1);
			assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), mode));
			let before = pool(1);
			run_to_block(System::block_number() + 1);
			out = (before, pool(1));
		});
		out
	};
	let (before, sold) = block(UNGATED, (0.25, 0.25));
	let (before_gated, recycled) = block(GATED, (0.25, 0.25));
	assert_eq!(before, before_gated);
	let r = recycled.last;
	assert!(sold.last.root_alpha_sold > 0);
	assert_eq!((r.root_alpha_recycled, r.root_alpha_sold, r.root_tao_bought), (sold.last.root_alpha_sold, 0, 0));
	assert_eq!(r.root_proportion_ppb, sold.last.root_proportion_ppb);
	// Injection only: no sale into the pool.
	assert_eq!(recycled.tao_reserve, before.tao_reserve + r.tao_in);
	assert_eq!(recycled.alpha_reserve, before.alpha_reserve + r.alpha_in);
	// The recycled alpha is out of `O_n`; nothing reaches the pending root TAO.
	assert_eq!(recycled.alpha_outstanding, before.alpha_outstanding + r.alpha_out - r.root_alpha_recycled);
	assert_eq!(recycled.pending_root_tao, before.pending_root_tao);
	assert_eq!(recycled.pending_validator_alpha, sold.pending_validator_alpha);

	let (_, above) = block(GATED, (0.6, 0.6));
	assert!(above.last.root_alpha_sold > 0 && above.last.root_alpha_recycled == 0, "sum 1.2: sold");
	let (_, at_one) = block(GATED, (0.5, 0.5));
	assert!(at_one.last.root_alpha_recycled > 0 && at_one.last.root_alpha_sold == 0, "sum exactly 1: recycled");
}

/// A switch takes effect in the next block, and the subnet info reports what was recycled.
#[test]
fn switching_the_gate_takes_effect_next_block() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		two_subnets_with_root_stake(0.1, 0.1);
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), GATED));
		run_to_block(System::block_number() + 1);
		let info = Dtao::api_subnet_info(1).expect("subnet 1");
		assert!(info.root_alpha_recycled > 0);
		assert_eq!((info.root_alpha_sold, info.root_alpha_recycled), (0, pool(1).last.root_alpha_recycled));
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), UNGATED));
		run_to_block(System::block_number() + 1);
		assert_eq!(pool(1).last.root_alpha_recycled, 0);
		assert!(pool(1).last.root_alpha_sold > 0);
	});
}

/// Subnet 1 (Alice's, tempo 9: epochs at blocks 7, 17, …; take 0) with Charlie's 300 TAO and
/// Dave's 100 TAO of root stake on Alice's hotkey, under `KeepAlpha`.
fn keep_alpha_subnet() {
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
	assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
	assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 9));
	assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, polkadot_sdk::sp_runtime::Perbill::zero()));
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 300 * TAO));
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(DAVE), ALICE_HOT, 0, 100 * TAO));
	assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), KEEP));
}

const KEEP: RootDividendMode = RootDividendMode::KeepAlpha;

fn root_shares(coldkey: AccountId) -> u128 {
	StakeShares::<Test>::get((0, ALICE_HOT, coldkey)).unwrap_or(0)
}

/// Each block keeps root's alpha instead of selling it; the epoch pays it into Alice's hotkey's
/// claim pool, where Charlie and Dave can claim it 3 : 1 (their root shares), exactly as the claim
/// arithmetic says; a claim stakes it on the subnet; a root staker who joins after the epoch has
/// no claim on it, and one who leaves keeps what it earned.
#[test]
fn keep_alpha_pays_root_stakers_by_their_shares_while_it_was_paid() {
	ExtBuilder::default().rate_limit(0).start_delay(0).accrual(crate::DividendAccrual::AtEpoch).build_and_execute(|| {
		keep_alpha_subnet();
		let before = pool(1);
		run_to_block(2);
		let p = pool(1);
		let kept = p.last.root_alpha_kept;
		assert!(kept > 0);
		assert_eq!((p.last.root_alpha_sold, p.last.root_tao_bought, p.last.root_alpha_recycled), (0, 0, 0));
		assert_eq!(p.pending_root_alpha, before.pending_root_alpha + kept);
		assert_eq!(p.tao_reserve, before.tao_reserve + p.last.tao_in, "nothing sold into the pool");
		assert_eq!(p.pending_root_tao, before.pending_root_tao);

		run_to_block(7);
		let pending = Pools::<Test>::get(1).expect("pool").pending_root_alpha;
		let claims = RootClaimPools::<Test>::get(ALICE_HOT, 1).expect("a claim pool");
		let paid = dtao_events()
			.iter()
			.rev()
			.find_map(|e| match e {
				DtaoEvent::RootAlphaDrained { netuid: 1, root_alpha } => Some(*root_alpha),
				_ => None,
			})
			.expect("the epoch ran");
		assert!(paid > 0 && pending < 10, "the epoch paid the kept alpha (less rounding)");
		assert_eq!(claims.held, paid);
		let (c, d) = (root_shares(CHARLIE), root_shares(DAVE));
		let expected = |shares: u128| dtao_math::claim_accrued(shares, claims.per_share, 0);
		assert_eq!(Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), expected(c));
		assert_eq!(Dtao::root_claimable(&DAVE, &ALICE_HOT, 1), expected(d));
		assert!(expected(c) + expected(d) <= paid && expected(c) + expected(d) + 2 >= paid);
		assert!(expected(c) / 3 >= expected(d) - 1 && expected(c) / 3 <= expected(d) + 1, "3 : 1");

		// Bob joins root after the epoch: no claim on what was paid before.
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 400 * TAO));
		assert_eq!(Dtao::root_claimable(&BOB, &ALICE_HOT, 1), 0);
		assert_noop!(Dtao::claim_root(RuntimeOrigin::signed(BOB), ALICE_HOT, 1), Error::<Test>::NothingToClaim);
		// Charlie leaves root: he keeps what he earned.
		let charlie = expected(c);
		assert_ok!(Dtao::unstake_all(RuntimeOrigin::signed(CHARLIE), ALICE_HOT));
		assert_eq!(Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), charlie);

		// Dave claims: his alpha stake on subnet 1 grows by it, the pool holds that much less.
		let dave = expected(d);
		assert_eq!(Dtao::stake_value(&ALICE_HOT, &DAVE, 1), 0);
		assert_ok!(Dtao::claim_root(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1));
		System::assert_last_event(DtaoEvent::RootClaimed { coldkey: DAVE, hotkey: ALICE_HOT, netuid: 1, alpha: dave }.into());
		assert!(Dtao::stake_value(&ALICE_HOT, &DAVE, 1) + 1 >= dave);
		assert_eq!(RootClaimPools::<Test>::get(ALICE_HOT, 1).expect("pool").held, claims.held - dave);
		assert_noop!(Dtao::claim_root(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1), Error::<Test>::NothingToClaim);
		assert_ok!(Dtao::claim_root(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 1));
		assert_eq!(Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), 0);
		assert!(RootClaims::<Test>::get((CHARLIE, ALICE_HOT, 1)).is_none(), "no shares and nothing owed: no account");

		// The next epoch pays Bob and Dave 1 : 1 (400 TAO each by then? Dave 100, Bob 400: 1 : 4).
		run_to_block(17);
		let (b, d) = (Dtao::root_claimable(&BOB, &ALICE_HOT, 1), Dtao::root_claimable(&DAVE, &ALICE_HOT, 1));
		assert!(b > 0 && d > 0);
		assert!(b / 4 >= d - 1 && b / 4 <= d + 1, "{b} : {d} is 4 : 1");
		assert_eq!(Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), 0);
	});
}

/// Errors of `claim_root`, each changing nothing.
#[test]
fn claim_root_errors() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		keep_alpha_subnet();
		assert_noop!(Dtao::claim_root(RuntimeOrigin::signed(DAVE), ALICE_HOT, 0), Error::<Test>::RootSubnetNotAllowed);
		assert_noop!(Dtao::claim_root(RuntimeOrigin::signed(DAVE), ALICE_HOT, 9), Error::<Test>::SubnetNotFound);
		assert_noop!(Dtao::claim_root(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1), Error::<Test>::NothingToClaim);
		assert_noop!(Dtao::claim_root(RuntimeOrigin::none(), ALICE_HOT, 1), DispatchError::BadOrigin);
	});
}

/// Switching from `KeepAlpha` back to selling: root's alpha is sold again from the next block,
/// and what was kept is still paid into the claim pools at the epoch.
#[test]
fn switching_from_keep_alpha_pays_what_was_kept() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		keep_alpha_subnet();
		run_to_block(4);
		let kept = pool(1).pending_root_alpha;
		assert!(kept > 0);
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), UNGATED));
		run_to_block(5);
		assert!(pool(1).last.root_alpha_sold > 0 && pool(1).last.root_alpha_kept == 0);
		assert_eq!(pool(1).pending_root_alpha, kept);
		run_to_block(7);
		assert!(RootClaimPools::<Test>::get(ALICE_HOT, 1).expect("claim pool").held + 10 > kept);
		assert!(pool(1).pending_root_alpha < 10);
	});
}

/// A subnet dissolved with root alpha in a claim pool: the alpha is sold into the pool and the TAO
/// becomes root stake of the hotkey, so its root stakers keep its value; the claim pool is gone.
#[test]
fn dissolution_turns_claim_pools_into_root_stake() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		keep_alpha_subnet();
		run_to_block(8);
		let held = RootClaimPools::<Test>::get(ALICE_HOT, 1).expect("claim pool").held;
		assert!(held > 0);
		let root_before = TotalRootStake::<Test>::get();
		let charlie = Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0);
		let pending_tao = pool(1).pending_root_tao;
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		assert!(RootClaimPools::<Test>::get(ALICE_HOT, 1).is_none());
		assert_eq!(RootClaimHotkeys::<Test>::iter().count(), 0);
		let gained = TotalRootStake::<Test>::get() - root_before;
		assert!(gained > pending_tao, "the claim pool's alpha became root stake");
		assert!(Dtao::stake_value(&ALICE_HOT, &CHARLIE, 0) > charlie);
		assert_noop!(Dtao::claim_root(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 1), Error::<Test>::SubnetNotFound);
	});
}

/// Dissolved before its first epoch under `KeepAlpha`, with the default take: the pending root
/// alpha is paid as an epoch would pay it (the take as a new stake entry of the validator's
/// owner, counted among the settlement's holders), and the claim pool becomes root stake.
#[test]
fn dissolution_pays_pending_root_alpha_with_the_take() {
	crate::mock::SettlementsPerBlock::set(1);
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), 1));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 1, 10 * TAO));
		assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), 1, 9));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 300 * TAO));
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), KEEP));
		run_to_block(4);
		assert!(pool(1).pending_root_alpha > 0);
		assert!(StakeShares::<Test>::get((1, ALICE_HOT, ALICE)).is_none(), "no epoch yet: the owner has no stake there");
		let root_before = TotalRootStake::<Test>::get();
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		assert!(TotalRootStake::<Test>::get() > root_before, "the claim pool became root stake");
		assert_eq!(RootClaimPools::<Test>::iter().count(), 0);
		// Bob and the owner's take: two holders, paid one per block (the invariants check the
		// count of holders left against the stake entries after every block).
		assert_eq!(Dissolving::<Test>::get(1).map(|s| s.holders), Some(2));
		while Dissolving::<Test>::contains_key(1) {
			run_to_block(System::block_number() + 1);
		}
	});
}

/// `KeepAlpha` with `OverTempo`: a claim pool's payment is released over the tempo, each block's
/// release to the root shares of that block. A root staker who joins 3 blocks before the epoch at
/// block 17 can claim only its part of the 3 blocks' release of the payment made at block 7, and
/// none of the payment made at block 17; Charlie, there all along, owns his part of `k` blocks'
/// release after `k` blocks.
#[test]
fn kept_alpha_is_released_over_the_tempo_too() {
	use dtao_math::{claim_accrued, claim_per_share, Vesting};
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		keep_alpha_subnet();
		assert_ok!(Dtao::set_dividend_accrual(RuntimeOrigin::root(), crate::DividendAccrual::OverTempo));
		run_to_block(7);
		let pool = RootClaimPools::<Test>::get(ALICE_HOT, 1).expect("claim pool");
		assert_eq!((pool.per_share, pool.release_start, pool.release_blocks), (0, 7, 10));
		let r = pool.releasing;
		assert!(r > 0 && pool.held == r);
		let released = |b: u64| r - Vesting { amount: r, start: 7, blocks: 10 }.unreleased(b);
		assert_eq!(Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), 0, "nothing released in the epoch's block");
		let (c, d) = (root_shares(CHARLIE), root_shares(DAVE));
		run_to_block(12);
		let figure = |alpha: u64, shares: u128| claim_per_share(alpha, shares).expect("shares");
		assert_eq!(Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), claim_accrued(c, figure(released(12), c + d), 0));
		run_to_block(14);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 400 * TAO));
		let b = root_shares(BOB);
		run_to_block(17);
		let after = RootClaimPools::<Test>::get(ALICE_HOT, 1).expect("claim pool");
		assert_eq!(after.release_start, 17, "the epoch at 17 paid again");
		// Blocks 15–17 of the first payment went to the shares of Charlie, Dave and Bob.
		let bob = Dtao::root_claimable(&BOB, &ALICE_HOT, 1);
		assert_eq!(bob, claim_accrued(b, figure(released(17) - released(14), c + d + b), 0));
		// At most 3/10 of what Bob's shares would have earned over the whole tempo.
		let whole_tempo = claim_accrued(b, figure(r, c + d + b), 0);
		assert!(bob > 0 && bob <= whole_tempo * 3 / 10 + 1, "{bob} of {whole_tempo}");
		// Charlie: his part of blocks 8–14 at the old shares and 15–17 at the new.
		let charlie = claim_accrued(c, figure(released(14), c + d) + figure(released(17) - released(14), c + d + b), 0);
		assert_eq!(Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), charlie);
	});
}

/// Alpha a claim pool releases while its hotkey has no root shares at all goes to the hotkey's
/// owner as alpha stake on the subnet when the next root stake arrives, not to that newcomer:
/// Charlie and Dave leave root at block 10 (with what blocks 8–10 released to them), blocks
/// 11–13 release to nobody, and Bob's stake at block 13 finds nothing to claim.
#[test]
fn kept_alpha_released_without_root_shares_goes_to_the_owner() {
	use dtao_math::{claim_accrued, claim_per_share, Vesting};
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		keep_alpha_subnet();
		run_to_block(7);
		let pool = RootClaimPools::<Test>::get(ALICE_HOT, 1).expect("claim pool");
		let r = pool.releasing;
		assert!(r > 0 && pool.release_start == 7 && pool.release_blocks == 10);
		let released = |b: u64| r - Vesting { amount: r, start: 7, blocks: 10 }.unreleased(b);
		let (c, d) = (root_shares(CHARLIE), root_shares(DAVE));
		run_to_block(10);
		for who in [CHARLIE, DAVE] {
			assert_ok!(Dtao::unstake_all(RuntimeOrigin::signed(who), ALICE_HOT));
		}
		assert!(HotkeyStake::<Test>::get(0, ALICE_HOT).is_none(), "no root shares left");
		let owed = claim_accrued(c, claim_per_share(released(10), c + d).expect("shares"), 0);
		assert_eq!(Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), owed, "Charlie keeps what he earned");
		run_to_block(13);
		let alice_before = Dtao::stake_value(&ALICE_HOT, &ALICE, 1);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 400 * TAO));
		let to_owner = released(13) - released(10);
		assert!(to_owner > 0);
		let alice_gain = Dtao::stake_value(&ALICE_HOT, &ALICE, 1) - alice_before;
		assert!(alice_gain <= to_owner && alice_gain + 1 >= to_owner, "the owner gets {to_owner}, got {alice_gain}");
		assert_eq!(Dtao::root_claimable(&BOB, &ALICE_HOT, 1), 0, "nothing for the newcomer");
		let after = RootClaimPools::<Test>::get(ALICE_HOT, 1).expect("claim pool");
		assert_eq!(after.held, r - to_owner);
		// From now on Bob earns the blocks he holds.
		run_to_block(15);
		let b = root_shares(BOB);
		assert_eq!(
			Dtao::root_claimable(&BOB, &ALICE_HOT, 1),
			claim_accrued(b, claim_per_share(released(15) - released(13), b).expect("shares"), 0)
		);
	});
}
