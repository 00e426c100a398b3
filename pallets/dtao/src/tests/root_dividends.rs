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
		let claims = live_claim_pool(ALICE_HOT, 1).expect("a claim pool");
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
		assert_eq!(live_claim_pool(ALICE_HOT, 1).expect("pool").held, claims.held - dave);
		assert_noop!(Dtao::claim_root(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1), Error::<Test>::NothingToClaim);
		assert_ok!(Dtao::claim_root(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 1));
		assert_eq!(Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), 0);
		assert!(RootClaims::<Test>::get(CHARLIE, ALICE_HOT).is_none(), "no shares and nothing owed: no account");

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
		assert!(live_claim_pool(ALICE_HOT, 1).expect("claim pool").held + 10 > kept);
		assert!(pool(1).pending_root_alpha < 10);
	});
}

/// The live claim pool of `hotkey` on `netuid`.
fn live_claim_pool(hotkey: AccountId, netuid: u16) -> Option<crate::RootClaimPool> {
	RootClaimPools::<Test>::get(hotkey).and_then(|c| c.live(netuid).copied())
}

/// The settled claim pools of `hotkey` for `netuid`.
fn settled_claim_pools(hotkey: AccountId, netuid: u16) -> Vec<crate::RootClaimPool> {
	RootClaimPools::<Test>::get(hotkey)
		.map(|c| c.pools.into_iter().filter(|p| p.netuid == netuid && p.settled.is_some()).collect())
		.unwrap_or_default()
}

/// A subnet dissolved with root alpha in a claim pool: the alpha is settled with the subnet's
/// stakers at the same price (`floor(P · held / I)`, as a staker's `floor(P · v / I)`), and stays
/// claimable, in TAO, by those who held the root shares while it was paid, whether or not they
/// are still on root; a root staker who arrives just before the dissolution has nothing to claim,
/// and the root stakers' stake is not touched by it.
#[test]
fn dissolution_keeps_claims_for_those_who_earned_them() {
	ExtBuilder::default().rate_limit(0).start_delay(0).accrual(crate::DividendAccrual::AtEpoch).build_and_execute(|| {
		keep_alpha_subnet();
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 1, 20 * TAO));
		run_to_block(8);
		let held = live_claim_pool(ALICE_HOT, 1).expect("claim pool").held;
		let (charlie, dave) = (Dtao::root_claimable(&CHARLIE, &ALICE_HOT, 1), Dtao::root_claimable(&DAVE, &ALICE_HOT, 1));
		assert!(held > 0 && charlie > 0 && dave > 0);
		// Charlie leaves root before the dissolution; Bob arrives on root just before it.
		assert_ok!(Dtao::unstake_all(RuntimeOrigin::signed(CHARLIE), ALICE_HOT));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 100_000 * TAO));
		let bob_root = Dtao::stake_value(&ALICE_HOT, &BOB, 0);
		let bob_alpha = Dtao::stake_value(&ALICE_HOT, &BOB, 1);
		let dave_root = Dtao::stake_value(&ALICE_HOT, &DAVE, 0);
		let p = pool(1);
		let issuance = p.alpha_reserve + p.alpha_outstanding;
		let bob_free = Balances::free_balance(BOB);
		let root_before = TotalRootStake::<Test>::get();
		let figure_before = live_claim_pool(ALICE_HOT, 1).expect("claim pool").per_share;

		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		// `P`: the pool's TAO at the settlement, as the event splits it.
		let (tao, root_dividends) = dtao_events()
			.iter()
			.find_map(|e| match e {
				DtaoEvent::NetworkDissolved { netuid: 1, paid_to_stakers, refunded_to_owner, burned, root_dividends } => {
					Some((paid_to_stakers + refunded_to_owner + burned, *root_dividends))
				},
				_ => None,
			})
			.expect("dissolved at once");
		// The alpha left pending since the epoch at block 7 was paid into the claim pool first.
		let settled = settled_claim_pools(ALICE_HOT, 1);
		assert_eq!(settled.len(), 1);
		let claims = settled[0];
		assert!(claims.held >= held);
		let value = |alpha: u64| (u128::from(tao) * u128::from(alpha) / u128::from(issuance)) as u64;
		assert_eq!(claims.settled, Some(value(claims.held)), "at the stakers' price");
		System::assert_has_event(DtaoEvent::RootClaimsSettled { netuid: 1, alpha: claims.held, tao: value(claims.held) }.into());
		assert_eq!(Balances::free_balance(BOB), bob_free + value(bob_alpha), "Bob's alpha stake at the same price");
		assert!(live_claim_pool(ALICE_HOT, 1).is_none() && RootClaimHotkeys::<Test>::iter().count() == 0);
		// Root stake is not credited with the claims: it grows by the pending root TAO paid as
		// root dividends (at once under `AtEpoch`), no more.
		assert_eq!(TotalRootStake::<Test>::get(), root_before + root_dividends);
		assert!(Dtao::stake_value(&ALICE_HOT, &BOB, 0) <= bob_root + root_dividends);
		assert!(Dtao::stake_value(&ALICE_HOT, &DAVE, 0) <= dave_root + root_dividends);

		// Charlie, gone from root, claims his alpha's value in TAO to his free balance.
		let in_tao = |alpha: u64, p: &crate::RootClaimPool| {
			(u128::from(alpha) * u128::from(p.settled.unwrap_or(0)) / u128::from(p.held)) as u64
		};
		// Bob arrived after the epoch's payment: he has a claim only on the pending alpha the
		// dissolution paid at once (`AtEpoch`; `a_pruning_batch_snipe_earns_nothing` is the
		// default, `OverTempo`).
		let bob_due = dtao_math::claim_accrued(root_shares(BOB), claims.per_share, figure_before);
		assert_eq!(Dtao::root_claimable_tao(&BOB, &ALICE_HOT, 1), in_tao(bob_due, &claims));
		let charlie_tao = in_tao(charlie, &claims);
		assert_eq!(Dtao::root_claimable_tao(&CHARLIE, &ALICE_HOT, 1), charlie_tao);
		let before = Balances::free_balance(CHARLIE);
		assert_ok!(Dtao::claim_root(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 1));
		assert_eq!(Balances::free_balance(CHARLIE), before + charlie_tao);
		System::assert_last_event(
			DtaoEvent::RootClaimedTao { coldkey: CHARLIE, hotkey: ALICE_HOT, netuid: 1, alpha: charlie, tao: charlie_tao }.into(),
		);
		assert!(RootClaims::<Test>::get(CHARLIE, ALICE_HOT).is_none());
		// Dave, still on root, claims what his shares earned (the epoch's and the pending alpha
		// paid at the dissolution, at his shares then).
		let after_charlie = settled_claim_pools(ALICE_HOT, 1)[0];
		let dave_due = Dtao::root_claim_due(&DAVE, &ALICE_HOT, &after_charlie);
		assert!(dave_due >= dave);
		let dave_tao = in_tao(dave_due, &after_charlie);
		assert_eq!(Dtao::root_claimable_tao(&DAVE, &ALICE_HOT, 1), dave_tao);
		let before = Balances::free_balance(DAVE);
		assert_ok!(Dtao::claim_root(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1));
		assert_eq!(Balances::free_balance(DAVE), before + dave_tao);
		assert_noop!(Dtao::claim_root(RuntimeOrigin::signed(DAVE), ALICE_HOT, 1), Error::<Test>::NothingToClaim);
		// A new subnet on the same netuid opens a new live pool beside the settled one.
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
		assert!(Pools::<Test>::contains_key(1));
		assert_eq!(Dtao::root_claimable(&DAVE, &ALICE_HOT, 1), 0);
	});
}

/// The batch snipe of a pruning, under the default accrual: a large root stake, a registration
/// that prunes the subnet with the claim pool, and the stake's removal, all in one block, earn
/// nothing: the sniper's root stake comes back as it went in, and it has no claim on the pool's
/// alpha (settled for the root stakers who held it) nor on what the dissolution paid into it.
#[test]
fn a_pruning_batch_snipe_earns_nothing() {
	ExtBuilder::default().rate_limit(0).start_delay(0).subnet_limit(1).immunity(0).build_and_execute(|| {
		keep_alpha_subnet();
		run_to_block(12);
		let held = live_claim_pool(ALICE_HOT, 1).expect("claim pool").held;
		assert!(held > 0 && pool(1).pending_root_alpha > 0);
		let bob_free = Balances::free_balance(BOB);
		let lock = Dtao::network_registration_cost();
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 100_000 * TAO));
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(BOB), BOB_HOT));
		assert!(settled_claim_pools(ALICE_HOT, 1).len() == 1, "subnet 1 was pruned");
		assert_ok!(Dtao::unstake_all(RuntimeOrigin::signed(BOB), ALICE_HOT));
		assert_eq!(Balances::free_balance(BOB), bob_free - lock, "the stake came back as it went in");
		assert_eq!(Dtao::root_claimable_tao(&BOB, &ALICE_HOT, 1), 0);
		assert!(RootClaims::<Test>::get(BOB, ALICE_HOT).is_none());
		assert_noop!(Dtao::claim_root(RuntimeOrigin::signed(BOB), ALICE_HOT, 1), Error::<Test>::NothingToClaim);
		// Charlie and Dave, there all along, can claim.
		assert!(Dtao::root_claimable_tao(&CHARLIE, &ALICE_HOT, 1) > 0);
		assert!(Dtao::root_claimable_tao(&DAVE, &ALICE_HOT, 1) > 0);
	});
}

/// Dissolved before its first epoch under `KeepAlpha`, with the default take: the pending root
/// alpha is paid as an epoch would pay it (the take as a new stake entry of the validator's
/// owner, counted among the settlement's holders), and the claim pool is settled in TAO.
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
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), 1));
		let settled = settled_claim_pools(ALICE_HOT, 1);
		assert!(settled.len() == 1 && settled[0].settled > Some(0), "the claim pool was settled in TAO");
		assert!(live_claim_pool(ALICE_HOT, 1).is_none());
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
		let pool = live_claim_pool(ALICE_HOT, 1).expect("claim pool");
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
		let after = live_claim_pool(ALICE_HOT, 1).expect("claim pool");
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

/// Alpha a claim pool releases while its hotkey has no root shares at all is owed to the hotkey's
/// owner (claimed as any root staker's), not to the next root staker: Charlie and Dave leave root
/// at block 10 (with what blocks 8–10 released to them), blocks 11–13 release to nobody, and
/// Bob's stake at block 13 finds nothing to claim, while Alice (the owner) claims blocks 11–13.
#[test]
fn kept_alpha_released_without_root_shares_goes_to_the_owner() {
	use dtao_math::{claim_accrued, claim_per_share, Vesting};
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		keep_alpha_subnet();
		run_to_block(7);
		let pool = live_claim_pool(ALICE_HOT, 1).expect("claim pool");
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
		assert_eq!(Dtao::root_claimable(&ALICE, &ALICE_HOT, 1), 0, "nothing folded yet");
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 400 * TAO));
		let to_owner = released(13) - released(10);
		assert!(to_owner > 0);
		assert_eq!(Dtao::root_claimable(&ALICE, &ALICE_HOT, 1), to_owner, "owed to the owner, exactly");
		assert_eq!(Dtao::root_claimable(&BOB, &ALICE_HOT, 1), 0, "nothing for the newcomer");
		let after = live_claim_pool(ALICE_HOT, 1).expect("claim pool");
		assert_eq!(after.held, r, "still held by the pool until claimed");
		// The owner claims it as alpha stake on the subnet.
		let alice_before = Dtao::stake_value(&ALICE_HOT, &ALICE, 1);
		assert_ok!(Dtao::claim_root(RuntimeOrigin::signed(ALICE), ALICE_HOT, 1));
		System::assert_last_event(DtaoEvent::RootClaimed { coldkey: ALICE, hotkey: ALICE_HOT, netuid: 1, alpha: to_owner }.into());
		let alice_gain = Dtao::stake_value(&ALICE_HOT, &ALICE, 1) - alice_before;
		assert!(alice_gain <= to_owner && alice_gain + 1 >= to_owner, "the owner gets {to_owner}, got {alice_gain}");
		assert_eq!(Dtao::root_claimable(&ALICE, &ALICE_HOT, 1), 0);
		assert_eq!(live_claim_pool(ALICE_HOT, 1).expect("claim pool").held, r - to_owner);
		// From now on Bob earns the blocks he holds.
		run_to_block(15);
		let b = root_shares(BOB);
		assert_eq!(
			Dtao::root_claimable(&BOB, &ALICE_HOT, 1),
			claim_accrued(b, claim_per_share(released(15) - released(13), b).expect("shares"), 0)
		);
	});
}

fn netuids(pools: &crate::ClaimPools<RootClaimPoolLimit>) -> Vec<u16> {
	let mut n: Vec<u16> = pools.pools.iter().map(|p| p.netuid).collect();
	n.sort_unstable();
	n
}

/// A hotkey's claim pools are one value and a root staker's accounts with them another: a root
/// stake on a hotkey paid on three subnets writes one `RootClaims` value with three accounts.
/// At `MaxRootClaimPools` (2 here) a payment that needs a new pool first closes the oldest settled
/// pool (its TAO becomes root stake of the hotkey), and with only live pools left it goes to the
/// hotkey's owner as alpha stake, as when the hotkey has no root stakers.
#[test]
fn claim_pools_are_one_value_and_bounded() {
	ExtBuilder::default().rate_limit(0).start_delay(0).accrual(crate::DividendAccrual::AtEpoch).build_and_execute(|| {
		for netuid in 1..=3u16 {
			assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
			assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), netuid));
			assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), netuid, 9));
		}
		assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, polkadot_sdk::sp_runtime::Perbill::zero()));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 300 * TAO));
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), KEEP));
		run_to_block(25);
		let pools = RootClaimPools::<Test>::get(ALICE_HOT).expect("pools");
		assert_eq!(netuids(&pools), vec![1, 2, 3]);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 10 * TAO));
		assert_eq!(RootClaims::<Test>::iter_keys().filter(|(c, _)| *c == BOB).count(), 1);
		assert_eq!(RootClaims::<Test>::get(BOB, ALICE_HOT).expect("accounts").len(), 3);
		assert!((1..=3).all(|n| Dtao::root_claimable(&BOB, &ALICE_HOT, n) == 0), "Bob came after the payments");
	});
	RootClaimPoolLimit::set(2);
	ExtBuilder::default().rate_limit(0).start_delay(0).accrual(crate::DividendAccrual::AtEpoch).build_and_execute(|| {
		for netuid in 1..=3u16 {
			assert_ok!(Dtao::register_network(RuntimeOrigin::signed(ALICE), ALICE_HOT));
			assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), netuid));
			assert_ok!(Dtao::set_tempo(RuntimeOrigin::root(), netuid, 9));
		}
		assert_ok!(Dtao::set_take(RuntimeOrigin::signed(ALICE), ALICE_HOT, polkadot_sdk::sp_runtime::Perbill::zero()));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 300 * TAO));
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), KEEP));
		let alice_before: Vec<u64> = (1..=3).map(|n| Dtao::stake_value(&ALICE_HOT, &ALICE, n)).collect();
		run_to_block(25);
		let pools = RootClaimPools::<Test>::get(ALICE_HOT).expect("pools");
		let with_pool = netuids(&pools);
		assert_eq!(with_pool.len(), 2, "at the bound");
		let left_out = (1..=3u16).find(|n| !with_pool.contains(n)).expect("one subnet without a pool");
		assert!(
			Dtao::stake_value(&ALICE_HOT, &ALICE, left_out) > alice_before[usize::from(left_out - 1)],
			"subnet {left_out}'s kept alpha went to the owner"
		);
		// One subnet with a pool dissolves: its pool is settled; the next payment on the subnet
		// left out closes it.
		let gone = with_pool[0];
		assert_ok!(Dtao::dissolve_network(RuntimeOrigin::root(), gone));
		let settled = settled_claim_pools(ALICE_HOT, gone)[0].settled.expect("settled");
		assert!(settled > 0);
		let root_before = TotalRootStake::<Test>::get();
		run_to_block(LastEpochBlock::<Test>::get(left_out) + 10);
		let pools = RootClaimPools::<Test>::get(ALICE_HOT).expect("pools");
		let mut expected = vec![with_pool[1], left_out];
		expected.sort_unstable();
		assert_eq!(netuids(&pools), expected);
		assert!(TotalRootStake::<Test>::get() >= root_before + settled, "the settled pool's TAO became root stake");
		assert_noop!(Dtao::claim_root(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, gone), Error::<Test>::SubnetNotFound);
	});
	RootClaimPoolLimit::set(256);
}
