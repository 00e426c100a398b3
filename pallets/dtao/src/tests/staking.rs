//! Tests.
//!
//! Staking (docs/mechanism.md §3, §3.1, §4): stake as a buy, unstake as a sell, price limits, moves,
//! swaps and transfers of stake, `unstake_all`, and the share pools of nominators.
//!
//! Every expected amount is worked out here, independently of the pallet and of `dtao-math`: either
//! a literal computed by hand, or the constant-product formula of §3 written out below in `u128`.
#![allow(unused_imports)]
use crate::{mock::*, pallet::*, Event as DtaoEvent};
use crate::{params::defaults::TAO, SubnetPool};
use dtao_math::Market;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::Perbill,
};

// -------------------------------------------------------------------------------------------------
// The formula of docs/mechanism.md §3, written out independently of the code under test.
// -------------------------------------------------------------------------------------------------

/// Default `SwapFee`, 0.05 %, in parts per billion.
const FEE: u64 = 500_000;
/// `SwapFee` of the `no_fee()` builder.
const NO_FEE: u64 = 0;
/// Default `MinStake`.
const MIN_STAKE: u64 = 500_000;
/// Default `MinPoolReserve`.
const FLOOR: u64 = 1_000_000;
/// Default `NetworkMinLockCost`: the lock, hence `T = A`, of a first registration.
const LOCK: u64 = 1_000 * TAO;
/// Price scale: rao per alpha for a price of 1.0.
const ONE: u128 = 1_000_000_000;
/// A coldkey that holds no TAO at all.
const EVE: AccountId = 5;
/// A hotkey nobody registered.
const NOBODY_HOT: AccountId = 999;

/// One swap as §3 predicts it: `out` paid to the user, `fee` left in the pool, and the pool's
/// reserves afterwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Swap {
	out: u64,
	fee: u64,
	tao: u64,
	alpha: u64,
}

/// `ceil(x · ppb / 10^9)`.
fn fee_of(x: u64, ppb: u64) -> u64 {
	let num = u128::from(x) * u128::from(ppb);
	u64::try_from(num.div_ceil(ONE)).unwrap()
}

/// Buy with `tao_in`: `fee = ceil(t·f)`, `t' = t − fee`, `alpha = floor(A·t'/(T+t'))`, `T += t`,
/// `A −= alpha`.
fn buy(tao: u64, alpha: u64, tao_in: u64, ppb: u64) -> Swap {
	let fee = fee_of(tao_in, ppb);
	let net = u128::from(tao_in - fee);
	let out = u64::try_from(u128::from(alpha) * net / (u128::from(tao) + net)).unwrap();
	Swap { out, fee, tao: tao + tao_in, alpha: alpha - out }
}

/// Sell `alpha_in`: `gross = floor(T·a/(A+a))`, `fee = ceil(gross·f)`, `tao = gross − fee`,
/// `T −= tao`, `A += a`.
fn sell(tao: u64, alpha: u64, alpha_in: u64, ppb: u64) -> Swap {
	let gross = u128::from(tao) * u128::from(alpha_in) / (u128::from(alpha) + u128::from(alpha_in));
	let gross = u64::try_from(gross).unwrap();
	let fee = fee_of(gross, ppb);
	let out = gross - fee;
	Swap { out, fee, tao: tao - out, alpha: alpha + alpha_in }
}

/// Post-trade price at most `limit`: `T'·10^9 ≤ limit·A'`.
fn price_at_most(tao: u64, alpha: u64, limit: u64) -> bool {
	u128::from(tao) * ONE <= u128::from(limit) * u128::from(alpha)
}

/// Post-trade price at least `limit`: `T'·10^9 ≥ limit·A'`.
fn price_at_least(tao: u64, alpha: u64, limit: u64) -> bool {
	u128::from(tao) * ONE >= u128::from(limit) * u128::from(alpha)
}

/// `p_origin / p_destination · 10^9 ≥ limit` for reserves `(T, A)` (root is `(1, 1)`):
/// `T_o · A_d · 10^9 ≥ limit · A_o · T_d` (the test's amounts keep this inside `u128`).
fn ratio_at_least(origin: (u64, u64), destination: (u64, u64), limit: u64) -> bool {
	let lhs = u128::from(origin.0).checked_mul(u128::from(destination.1)).and_then(|x| x.checked_mul(ONE));
	let rhs = u128::from(limit)
		.checked_mul(u128::from(origin.1))
		.and_then(|x| x.checked_mul(u128::from(destination.0)));
	lhs.unwrap() >= rhs.unwrap()
}

/// The largest `x ≤ max` with `pred(x)`, for a predicate true up to some point and false after it
/// (the test's own search, to compare with the pallet's partial fills).
fn largest(max: u64, pred: impl Fn(u64) -> bool) -> u64 {
	if pred(max) {
		return max;
	}
	let (mut lo, mut hi) = (0u64, max);
	while hi - lo > 1 {
		let mid = lo + (hi - lo) / 2;
		if pred(mid) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	lo
}

// -------------------------------------------------------------------------------------------------
// Set-up helpers.
// -------------------------------------------------------------------------------------------------

/// Default fee, no start delay, no registration rate limit.
fn with_fee() -> ExtBuilder {
	ExtBuilder::default().start_delay(0).rate_limit(0)
}

/// As `with_fee`, with a swap fee of 0.
fn no_fee() -> ExtBuilder {
	with_fee().swap_fee(Perbill::zero())
}

/// Register a subnet (not started) and return its netuid.
fn register(owner: AccountId, hotkey: AccountId) -> u16 {
	assert_ok!(Dtao::register_network(RuntimeOrigin::signed(owner), hotkey));
	dtao_events()
		.into_iter()
		.rev()
		.find_map(|e| if let DtaoEvent::NetworkRegistered { netuid, .. } = e { Some(netuid) } else { None })
		.expect("a NetworkRegistered event")
}

/// Register and start a subnet.
fn started(owner: AccountId, hotkey: AccountId) -> u16 {
	let netuid = register(owner, hotkey);
	assert_ok!(Dtao::start_call(RuntimeOrigin::signed(owner), netuid));
	netuid
}

/// ALICE's started subnet 1, pool `T = A = LOCK`, owner hotkey ALICE_HOT.
fn alice_subnet() -> u16 {
	let netuid = started(ALICE, ALICE_HOT);
	assert_eq!(netuid, 1);
	assert_eq!(reserves(netuid), (LOCK, LOCK, 0));
	netuid
}

/// ALICE's subnet 1 (`T = A = 1_000 TAO`) and BOB's subnet 2 (`T = A = 2_000 TAO`: the second
/// registration in the same block pays twice the last lock), both started.
fn two_subnets() -> (u16, u16) {
	let one = alice_subnet();
	let two = started(BOB, BOB_HOT);
	assert_eq!(two, 2);
	assert_eq!(reserves(two), (2 * LOCK, 2 * LOCK, 0));
	(one, two)
}

/// Bring `hotkey` into existence as a neuron of `netuid`, owned by `coldkey` (burns 1 TAO).
fn neuron(coldkey: AccountId, netuid: u16, hotkey: AccountId) {
	assert_ok!(Dtao::burned_register(RuntimeOrigin::signed(coldkey), netuid, hotkey));
}

fn pool(netuid: u16) -> SubnetPool {
	Pools::<Test>::get(netuid).expect("pool exists")
}

/// `(T, A, O)` of a subnet.
fn reserves(netuid: u16) -> (u64, u64, u64) {
	let p = pool(netuid);
	(p.tao_reserve, p.alpha_reserve, p.alpha_outstanding)
}

/// The pallet account's balance.
fn pot() -> u64 {
	free(Dtao::account_id())
}

fn value(hotkey: AccountId, coldkey: AccountId, netuid: u16) -> u64 {
	Dtao::stake_value(&hotkey, &coldkey, netuid)
}

/// Stake `tao` and return the alpha received (as the event reports it; used for set-up only).
fn stake(coldkey: AccountId, hotkey: AccountId, netuid: u16, tao: u64) -> u64 {
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(coldkey), hotkey, netuid, tao));
	match dtao_events().last() {
		Some(DtaoEvent::StakeAdded { alpha, .. }) => *alpha,
		e => panic!("expected StakeAdded, got {e:?}"),
	}
}

/// Simulated emission: the coinbase is not in the pallet yet, so this mints `alpha` of stake for
/// (hotkey, coldkey) on `netuid` outside the pool, as an epoch's payout of alpha out does when the
/// moving price is still 0 (no TAO injected, `α_in = 0`). It keeps `O_n = Σ H + pending`.
fn grant_alpha(hotkey: AccountId, coldkey: AccountId, netuid: u16, alpha: u64) {
	assert_ok!(Dtao::deposit_stake(&hotkey, &coldkey, netuid, alpha));
	Pools::<Test>::mutate(netuid, |p| {
		let p = p.as_mut().expect("pool exists");
		p.alpha_outstanding += alpha;
	});
}

// =================================================================================================
// add_stake
// =================================================================================================

/// A stake with no fee buys exactly `floor(A·t/(T+t))` alpha; the TAO moves from the caller to the
/// pallet account and into `T`; `O` grows by the alpha bought; the event carries the exact amounts.
#[test]
fn add_stake_without_fee_buys_exact_alpha() {
	no_fee().build_and_execute(|| {
		assert_eq!(SwapFee::<Test>::get(), Perbill::zero());
		let netuid = alice_subnet();
		neuron(BOB, netuid, BOB_HOT);
		let (bob, account) = (free(BOB), pot());
		let amount = 10 * TAO;
		// floor(1_000e9 · 10e9 / 1_010e9) = 9_900_990_099.
		let alpha = 9_900_990_099;
		assert_eq!(buy(LOCK, LOCK, amount, NO_FEE), Swap { out: alpha, fee: 0, tao: 1_010 * TAO, alpha: LOCK - alpha });

		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, amount));
		assert_eq!(free(BOB), bob - amount);
		assert_eq!(pot(), account + amount);
		assert_eq!(reserves(netuid), (1_010 * TAO, 990_099_009_901, alpha));
		assert_eq!(value(BOB_HOT, BOB, netuid), alpha);
		assert_eq!(HotkeyStake::<Test>::get(netuid, BOB_HOT).map(|p| p.alpha), Some(alpha));
		assert_eq!(TotalRootStake::<Test>::get(), 0);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeAdded {
			coldkey: BOB,
			hotkey: BOB_HOT,
			netuid,
			tao: amount,
			alpha,
			fee: 0,
		}));
	});
}

/// With the default fee, `fee = ceil(t · 0.05%)` is taken off the input before the curve and stays in
/// the pool: `T` grows by the whole amount paid.
#[test]
fn add_stake_with_fee_leaves_fee_in_pool() {
	with_fee().build_and_execute(|| {
		assert_eq!(SwapFee::<Test>::get(), Perbill::from_parts(500_000));
		let netuid = alice_subnet();
		neuron(BOB, netuid, BOB_HOT);
		let (bob, account) = (free(BOB), pot());
		let amount = 10 * TAO;
		// fee = ceil(10e9 · 0.0005) = 5_000_000; t' = 9_995_000_000;
		// alpha = floor(1_000e9 · 9_995_000_000 / 1_009_995_000_000) = 9_896_088_594.
		let (alpha, fee) = (9_896_088_594, 5_000_000);
		assert_eq!(buy(LOCK, LOCK, amount, FEE), Swap { out: alpha, fee, tao: 1_010 * TAO, alpha: LOCK - alpha });

		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, amount));
		assert_eq!(free(BOB), bob - amount);
		assert_eq!(pot(), account + amount);
		assert_eq!(reserves(netuid), (1_010 * TAO, 990_103_911_406, alpha));
		assert_eq!(value(BOB_HOT, BOB, netuid), alpha);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeAdded {
			coldkey: BOB,
			hotkey: BOB_HOT,
			netuid,
			tao: amount,
			alpha,
			fee,
		}));
	});
}

/// A second stake is priced off the pool the first one moved, and the product `T·A` never decreases
/// on a user buy.
#[test]
fn add_stake_consecutive_buys_price_off_the_moved_pool() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let mut expected_o = 0;
		for (coldkey, amount) in [(BOB, 10 * TAO), (CHARLIE, 123_456_789_012), (DAVE, 500 * TAO), (BOB, MIN_STAKE)] {
			let (t, a, o) = reserves(netuid);
			assert_eq!(o, expected_o);
			let e = buy(t, a, amount, FEE);
			let (before, staked) = (free(coldkey), value(ALICE_HOT, coldkey, netuid));
			assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(coldkey), ALICE_HOT, netuid, amount));
			expected_o += e.out;
			assert_eq!(reserves(netuid), (e.tao, e.alpha, expected_o));
			assert!(u128::from(e.tao) * u128::from(e.alpha) >= u128::from(t) * u128::from(a));
			assert_eq!(free(coldkey), before - amount);
			assert_eq!(value(ALICE_HOT, coldkey, netuid), staked + e.out);
			System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeAdded {
				coldkey,
				hotkey: ALICE_HOT,
				netuid,
				tao: amount,
				alpha: e.out,
				fee: e.fee,
			}));
		}
	});
}

/// Root (netuid 0) is stable: TAO buys root-alpha 1:1 with no fee, `TotalRootStake` grows by the
/// amount, and no subnet pool moves.
#[test]
fn add_stake_on_root_is_one_to_one_without_fee() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let (bob, account) = (free(BOB), pot());
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 7 * TAO));
		assert_eq!(free(BOB), bob - 7 * TAO);
		assert_eq!(pot(), account + 7 * TAO);
		assert_eq!(TotalRootStake::<Test>::get(), 7 * TAO);
		assert_eq!(value(ALICE_HOT, BOB, 0), 7 * TAO);
		assert_eq!(reserves(netuid), (LOCK, LOCK, 0));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeAdded {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid: 0,
			tao: 7 * TAO,
			alpha: 7 * TAO,
			fee: 0,
		}));

		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 3 * TAO + 1));
		assert_eq!(TotalRootStake::<Test>::get(), 10 * TAO + 1);
		assert_eq!(value(ALICE_HOT, CHARLIE, 0), 3 * TAO + 1);
		assert_eq!(value(ALICE_HOT, BOB, 0), 7 * TAO);
		assert_eq!(HotkeyStake::<Test>::get(0, ALICE_HOT).map(|p| p.alpha), Some(10 * TAO + 1));
	});
}

/// Staking into a netuid that does not exist fails with `SubnetNotFound`, on a hotkey that never
/// registered with `HotkeyNotRegistered`; nothing changes.
#[test]
fn add_stake_unknown_subnet_or_hotkey_fails() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		assert_noop!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 99, TAO), Error::<Test>::SubnetNotFound);
		assert_noop!(Dtao::add_stake(RuntimeOrigin::signed(BOB), NOBODY_HOT, 99, TAO), Error::<Test>::SubnetNotFound);
		// BOB_HOT exists only once it registers.
		assert_noop!(
			Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, TAO),
			Error::<Test>::HotkeyNotRegistered
		);
		assert_noop!(Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, 0, TAO), Error::<Test>::HotkeyNotRegistered);
		neuron(BOB, netuid, BOB_HOT);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, TAO));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, 0, TAO));
	});
}

/// An add below `MinStake` (and an add of 0) fails with `AmountTooLow`; exactly `MinStake` is
/// accepted.
#[test]
fn add_stake_below_min_stake_fails() {
	with_fee().build_and_execute(|| {
		assert_eq!(MinStake::<Test>::get(), MIN_STAKE);
		let netuid = alice_subnet();
		for n in [netuid, 0] {
			assert_noop!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, n, 0), Error::<Test>::AmountTooLow);
			assert_noop!(
				Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, n, MIN_STAKE - 1),
				Error::<Test>::AmountTooLow
			);
		}
		// fee = ceil(500_000 · 0.0005) = 250; alpha = floor(1e12 · 499_750 / (1e12 + 499_750)) = 499_749.
		assert_eq!(buy(LOCK, LOCK, MIN_STAKE, FEE).out, 499_749);
		let bob = free(BOB);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, MIN_STAKE));
		assert_eq!(free(BOB), bob - MIN_STAKE);
		assert_eq!(value(ALICE_HOT, BOB, netuid), 499_749);
		assert_eq!(reserves(netuid), (LOCK + MIN_STAKE, LOCK - 499_749, 499_749));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeAdded {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: MIN_STAKE,
			alpha: 499_749,
			fee: 250,
		}));
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, MIN_STAKE));
		assert_eq!(TotalRootStake::<Test>::get(), MIN_STAKE);
	});
}

/// Before `start_call` only the subnet's owner may stake into it (`SubnetNotStarted` for anyone
/// else, whatever the hotkey); after it, anyone.
#[test]
fn add_stake_into_unstarted_subnet_only_by_owner() {
	with_fee().build_and_execute(|| {
		let netuid = register(ALICE, ALICE_HOT);
		assert_eq!(pool(netuid).started_at, None);
		neuron(BOB, netuid, BOB_HOT);
		assert_noop!(
			Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, TAO),
			Error::<Test>::SubnetNotStarted
		);
		assert_noop!(
			Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, TAO),
			Error::<Test>::SubnetNotStarted
		);
		// The owner may, on her own hotkey or another one.
		let alice = free(ALICE);
		let e = buy(LOCK, LOCK, 10 * TAO, FEE);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(ALICE), ALICE_HOT, netuid, 10 * TAO));
		assert_eq!(free(ALICE), alice - 10 * TAO);
		assert_eq!(value(ALICE_HOT, ALICE, netuid), e.out);
		assert_eq!(reserves(netuid), (e.tao, e.alpha, e.out));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeAdded {
			coldkey: ALICE,
			hotkey: ALICE_HOT,
			netuid,
			tao: 10 * TAO,
			alpha: e.out,
			fee: e.fee,
		}));
		let e2 = buy(e.tao, e.alpha, TAO, FEE);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(ALICE), BOB_HOT, netuid, TAO));
		assert_eq!(value(BOB_HOT, ALICE, netuid), e2.out);
		// Once started, anyone may.
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(ALICE), netuid));
		let e3 = buy(e2.tao, e2.alpha, TAO, FEE);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, TAO));
		assert_eq!(value(BOB_HOT, BOB, netuid), e3.out);
	});
}

/// The caller can stake its free balance minus the existential deposit, not one rao more
/// (`InsufficientBalance`).
#[test]
fn add_stake_more_than_free_balance_fails() {
	with_fee().balance(CHARLIE, 10 * TAO).build_and_execute(|| {
		let netuid = alice_subnet();
		for amount in [20 * TAO, 10 * TAO, 10 * TAO - ED + 1] {
			assert_noop!(
				Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, netuid, amount),
				Error::<Test>::InsufficientBalance
			);
			assert_noop!(
				Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, amount),
				Error::<Test>::InsufficientBalance
			);
		}
		let amount = 10 * TAO - ED;
		let e = buy(LOCK, LOCK, amount, FEE);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, netuid, amount));
		assert_eq!(free(CHARLIE), ED);
		assert_eq!(value(ALICE_HOT, CHARLIE, netuid), e.out);
		assert_eq!(reserves(netuid), (e.tao, e.alpha, e.out));
		assert_noop!(
			Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, MIN_STAKE),
			Error::<Test>::InsufficientBalance
		);
	});
}

/// A buy that would leave the alpha reserve below `MinPoolReserve` fails with
/// `InsufficientLiquidity`; the largest buy that leaves exactly the floor goes through.
#[test]
fn add_stake_breaking_liquidity_floor_fails() {
	no_fee().min_lock(2_000_000).build_and_execute(|| {
		assert_eq!(MinPoolReserve::<Test>::get(), FLOOR);
		let netuid = started(ALICE, ALICE_HOT);
		assert_eq!(reserves(netuid), (2_000_000, 2_000_000, 0));
		neuron(BOB, netuid, BOB_HOT);
		assert_noop!(
			Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, 1_000 * TAO),
			Error::<Test>::InsufficientLiquidity
		);
		// floor(2e6 · 2_000_005 / 4_000_005) = 1_000_001: A' = 999_999 < floor.
		assert_eq!(buy(2_000_000, 2_000_000, 2_000_005, NO_FEE).alpha, 999_999);
		assert_noop!(
			Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, 2_000_005),
			Error::<Test>::InsufficientLiquidity
		);
		// floor(2e6 · 2_000_004 / 4_000_004) = 1_000_000: A' = 1_000_000, exactly the floor.
		let bob = free(BOB);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, 2_000_004));
		assert_eq!(free(BOB), bob - 2_000_004);
		assert_eq!(reserves(netuid), (4_000_004, 1_000_000, 1_000_000));
		assert_eq!(value(BOB_HOT, BOB, netuid), 1_000_000);
		// Now any further buy breaks the floor.
		assert_noop!(
			Dtao::add_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, MIN_STAKE),
			Error::<Test>::InsufficientLiquidity
		);
	});
}

/// An add too small to buy one alpha-rao fails with `ZeroSwapOutput` (reachable once `MinStake` is
/// lowered): with no fee 1 rao buys `floor(1e12/(1e12+1)) = 0`, with the fee the whole rao is fee.
#[test]
fn add_stake_too_small_for_one_alpha_fails_with_zero_output() {
	no_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(Dtao::set_min_stake(RuntimeOrigin::root(), 1));
		assert_noop!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 1), Error::<Test>::ZeroSwapOutput);
		// floor(1e12 · 2 / (1e12 + 2)) = 1.
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 2));
		assert_eq!(reserves(netuid), (LOCK + 2, LOCK - 1, 1));
		assert_eq!(value(ALICE_HOT, BOB, netuid), 1);
	});
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(Dtao::set_min_stake(RuntimeOrigin::root(), 1));
		assert_noop!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 1), Error::<Test>::ZeroSwapOutput);
		assert_noop!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 2), Error::<Test>::ZeroSwapOutput);
	});
}

// =================================================================================================
// remove_stake
// =================================================================================================

/// Removing part of a stake sells it: `gross = floor(T·a/(A+a))`, the fee `ceil(gross · 0.05%)`
/// stays in the pool, the rest is paid to the caller; the stake keeps the remainder.
#[test]
fn remove_stake_partial_pays_exact_tao_with_fee() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		neuron(BOB, netuid, BOB_HOT);
		let alpha = stake(BOB, BOB_HOT, netuid, 10 * TAO);
		assert_eq!(alpha, 9_896_088_594);
		assert_eq!(reserves(netuid), (1_010 * TAO, 990_103_911_406, alpha));
		let half = alpha / 2; // 4_948_044_297
		// gross = floor(1_010e9 · 4_948_044_297 / 995_051_955_703) = 5_022_375_677;
		// fee = ceil(2_511_187.8385) = 2_511_188; paid 5_019_864_489.
		let e = sell(1_010 * TAO, 990_103_911_406, half, FEE);
		assert_eq!(e, Swap { out: 5_019_864_489, fee: 2_511_188, tao: 1_004_980_135_511, alpha: 995_051_955_703 });
		let (bob, account) = (free(BOB), pot());

		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, half));
		assert_eq!(free(BOB), bob + e.out);
		assert_eq!(pot(), account - e.out);
		assert_eq!(reserves(netuid), (e.tao, e.alpha, alpha - half));
		assert_eq!(value(BOB_HOT, BOB, netuid), alpha - half);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeRemoved {
			coldkey: BOB,
			hotkey: BOB_HOT,
			netuid,
			tao: e.out,
			alpha: half,
			fee: e.fee,
		}));
	});
}

/// Removing the whole stake sells all of it and deletes the stake entries; with no fee a buy of
/// 10 TAO sold back returns 9_999_999_999 rao (rounding stays in the pool).
#[test]
fn remove_stake_whole_closes_the_stake() {
	no_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		neuron(BOB, netuid, BOB_HOT);
		let alpha = stake(BOB, BOB_HOT, netuid, 10 * TAO);
		assert_eq!(alpha, 9_900_990_099);
		let bob = free(BOB);
		// gross = floor(1_010e9 · 9_900_990_099 / 1_000e9) = 9_999_999_999.
		assert_eq!(sell(1_010 * TAO, 990_099_009_901, alpha, NO_FEE).out, 9_999_999_999);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), BOB_HOT, netuid, alpha));
		assert_eq!(free(BOB), bob + 9_999_999_999);
		assert_eq!(reserves(netuid), (LOCK + 1, LOCK, 0));
		assert_eq!(value(BOB_HOT, BOB, netuid), 0);
		assert_eq!(StakeShares::<Test>::get((netuid, BOB_HOT, BOB)), None);
		assert_eq!(HotkeyStake::<Test>::get(netuid, BOB_HOT), None);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeRemoved {
			coldkey: BOB,
			hotkey: BOB_HOT,
			netuid,
			tao: 9_999_999_999,
			alpha,
			fee: 0,
		}));
	});
}

/// Unstaking from root is 1:1 with no fee: the caller gets the amount back and `TotalRootStake`
/// shrinks by it.
#[test]
fn remove_stake_on_root_is_one_to_one() {
	with_fee().build_and_execute(|| {
		alice_subnet();
		stake(BOB, ALICE_HOT, 0, 7 * TAO);
		let (bob, account) = (free(BOB), pot());
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 3 * TAO));
		assert_eq!(free(BOB), bob + 3 * TAO);
		assert_eq!(pot(), account - 3 * TAO);
		assert_eq!(TotalRootStake::<Test>::get(), 4 * TAO);
		assert_eq!(value(ALICE_HOT, BOB, 0), 4 * TAO);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeRemoved {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid: 0,
			tao: 3 * TAO,
			alpha: 3 * TAO,
			fee: 0,
		}));
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 4 * TAO));
		assert_eq!(free(BOB), bob + 7 * TAO);
		assert_eq!(TotalRootStake::<Test>::get(), 0);
		assert_eq!(HotkeyStake::<Test>::get(0, ALICE_HOT), None);
		assert_eq!(reserves(1), (LOCK, LOCK, 0));
	});
}

/// Removing more than the stake's value, or anything from no stake, fails with `NotEnoughStake`.
#[test]
fn remove_stake_more_than_stake_fails() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let alpha = stake(BOB, ALICE_HOT, netuid, 10 * TAO);
		stake(BOB, ALICE_HOT, 0, 10 * TAO);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha + 1),
			Error::<Test>::NotEnoughStake
		);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 10 * TAO + 1),
			Error::<Test>::NotEnoughStake
		);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, netuid, TAO),
			Error::<Test>::NotEnoughStake
		);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, TAO),
			Error::<Test>::NotEnoughStake
		);
	});
}

/// A removal of 0 fails with `AmountTooLow`, and so does a partial removal whose TAO value at the
/// spot price, `floor(a·T/A)`, is below `MinStake`; the smallest alpha worth `MinStake` is accepted.
#[test]
fn remove_stake_zero_or_below_min_stake_fails() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let alpha = stake(BOB, ALICE_HOT, netuid, 10 * TAO);
		stake(BOB, ALICE_HOT, 0, 10 * TAO);
		assert_noop!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 0), Error::<Test>::AmountTooLow);
		assert_noop!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 0), Error::<Test>::AmountTooLow);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, MIN_STAKE - 1),
			Error::<Test>::AmountTooLow
		);

		// Subnet: price above 1, so the smallest alpha worth MinStake is ceil(MinStake · A / T).
		let (t, a, _) = reserves(netuid);
		let min_alpha = u64::try_from((u128::from(MIN_STAKE) * u128::from(a)).div_ceil(u128::from(t))).unwrap();
		assert!(u128::from(min_alpha - 1) * u128::from(t) / u128::from(a) < u128::from(MIN_STAKE));
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, min_alpha - 1),
			Error::<Test>::AmountTooLow
		);
		let e = sell(t, a, min_alpha, FEE);
		let bob = free(BOB);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, min_alpha));
		assert_eq!(free(BOB), bob + e.out);
		assert_eq!(value(ALICE_HOT, BOB, netuid), alpha - min_alpha);
		assert_eq!(reserves(netuid), (e.tao, e.alpha, alpha - min_alpha));

		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, MIN_STAKE));
		assert_eq!(TotalRootStake::<Test>::get(), 10 * TAO - MIN_STAKE);
	});
}

/// A whole stake may be removed even when it is worth less than `MinStake`, while part of it may
/// not.
#[test]
fn remove_stake_whole_tiny_stake_is_allowed() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let alpha = stake(BOB, ALICE_HOT, netuid, 10 * TAO);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha - 100));
		assert_eq!(value(ALICE_HOT, BOB, netuid), 100);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 50),
			Error::<Test>::AmountTooLow
		);
		let (t, a, o) = reserves(netuid);
		assert_eq!(o, 100);
		// gross = floor(T · 100 / (A + 100)) = 100 (T is just above A + 100); fee 1; 99 paid.
		let e = sell(t, a, 100, FEE);
		assert_eq!((e.out, e.fee), (99, 1));
		let bob = free(BOB);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 100));
		assert_eq!(free(BOB), bob + 99);
		assert_eq!(reserves(netuid), (e.tao, e.alpha, 0));
		assert_eq!(StakeShares::<Test>::get((netuid, ALICE_HOT, BOB)), None);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeRemoved {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: 99,
			alpha: 100,
			fee: 1,
		}));
	});
}

/// A whole stake of one alpha-rao, whose sale pays nothing after the fee, can still be closed: the
/// alpha goes to the pool for nothing and the stake entry disappears.
#[test]
fn remove_stake_dust_stake_is_closed_for_nothing() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let alpha = stake(BOB, ALICE_HOT, netuid, 10 * TAO);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha - 1));
		let (t, a, o) = reserves(netuid);
		assert_eq!((value(ALICE_HOT, BOB, netuid), o), (1, 1));
		// gross = floor(T / (A + 1)) = 1, fee = ceil(0.0005) = 1: nothing paid.
		assert_eq!(sell(t, a, 1, FEE), Swap { out: 0, fee: 1, tao: t, alpha: a + 1 });
		let bob = free(BOB);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 1));
		assert_eq!(free(BOB), bob);
		assert_eq!(reserves(netuid), (t, a + 1, 0));
		assert_eq!(StakeShares::<Test>::get((netuid, ALICE_HOT, BOB)), None);
		assert_eq!(HotkeyStake::<Test>::get(netuid, ALICE_HOT), None);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeRemoved {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: 0,
			alpha: 1,
			fee: 1,
		}));
	});
}

/// `quote_remove_stake_for` knows the position: for a whole dust stake (below `MinStake`, which
/// `quote_remove_stake` refuses) and for a partial sale it gives exactly what the call then pays,
/// `None` where the call fails, and it leaves the state as it was.
#[test]
fn position_quote_equals_the_call_on_every_path() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let alpha = stake(BOB, ALICE_HOT, netuid, 10 * TAO);
		let root = polkadot_sdk::sp_io::storage::root(polkadot_sdk::sp_runtime::StateVersion::V1);
		let quote = |amount| Dtao::api_quote_remove_stake_for(BOB, ALICE_HOT, netuid, amount);
		// A partial sale: the quote is the call.
		let q = quote(alpha / 2).expect("a partial sale");
		assert_eq!(polkadot_sdk::sp_io::storage::root(polkadot_sdk::sp_runtime::StateVersion::V1), root, "the quote changed nothing");
		let bob = free(BOB);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha / 2));
		assert_eq!(free(BOB), bob + q.amount_out);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeRemoved {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: q.amount_out,
			alpha: q.amount_in,
			fee: q.fee,
		}));
		// Leave a dust stake of one alpha-rao.
		let rest = value(ALICE_HOT, BOB, netuid);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, rest - 1));
		assert_eq!(value(ALICE_HOT, BOB, netuid), 1);
		assert!(Dtao::api_quote_remove_stake(netuid, 1).is_none(), "below MinStake for any position");
		assert_eq!(quote(2), None, "more than the stake: NotEnoughStake");
		assert_eq!(quote(0), None, "nothing: AmountTooLow");
		assert_eq!(Dtao::api_quote_remove_stake_for(CHARLIE, ALICE_HOT, netuid, 1), None, "no stake");
		let q = quote(1).expect("the whole dust stake closes");
		assert_eq!((q.amount_in, q.amount_out, q.fee), (1, 0, 1));
		let market = Dtao::market(netuid).expect("pool");
		assert_eq!(q.price_before, market.price());
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 1));
		assert_eq!(q.price_after, Dtao::market(netuid).expect("pool").price());
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeRemoved {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: 0,
			alpha: 1,
			fee: 1,
		}));
	});
}

/// `remove_stake` on an unknown hotkey fails with `HotkeyNotRegistered`, on an unknown netuid with
/// `SubnetNotFound`.
#[test]
fn remove_stake_unknown_hotkey_or_subnet_fails() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		stake(BOB, ALICE_HOT, netuid, 10 * TAO);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(BOB), NOBODY_HOT, netuid, TAO),
			Error::<Test>::HotkeyNotRegistered
		);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(BOB), NOBODY_HOT, 0, TAO),
			Error::<Test>::HotkeyNotRegistered
		);
		assert_noop!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, 99, TAO), Error::<Test>::SubnetNotFound);
	});
}

/// A sale that would leave the TAO reserve below `MinPoolReserve` fails with
/// `InsufficientLiquidity` (reachable once stake exists that was not bought from the pool, i.e. after
/// emission); the largest sale leaving exactly the floor goes through.
#[test]
fn remove_stake_breaking_liquidity_floor_fails() {
	no_fee().min_lock(2_000_000).build_and_execute(|| {
		let netuid = started(ALICE, ALICE_HOT);
		grant_alpha(ALICE_HOT, CHARLIE, netuid, 2_000_005);
		assert_eq!(reserves(netuid), (2_000_000, 2_000_000, 2_000_005));
		// floor(2e6 · 2_000_005 / 4_000_005) = 1_000_001: T' = 999_999 < floor.
		assert_eq!(sell(2_000_000, 2_000_000, 2_000_005, NO_FEE).tao, 999_999);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, netuid, 2_000_005),
			Error::<Test>::InsufficientLiquidity
		);
		// floor(2e6 · 2_000_004 / 4_000_004) = 1_000_000: T' = 1_000_000.
		let charlie = free(CHARLIE);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, netuid, 2_000_004));
		assert_eq!(free(CHARLIE), charlie + 1_000_000);
		assert_eq!(reserves(netuid), (1_000_000, 4_000_004, 1));
		assert_eq!(value(ALICE_HOT, CHARLIE, netuid), 1);
		// The last alpha-rao would pay floor(1e6 / 4_000_005) = 0 and is closed for nothing.
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, netuid, 1));
		assert_eq!(reserves(netuid), (1_000_000, 4_000_005, 0));
	});
}

// =================================================================================================
// Round trips and quotes
// =================================================================================================

/// A buy followed by the sale of the alpha received returns at most what was paid, with and
/// without the fee (exact numbers), and `T·A` never decreases.
#[test]
fn buy_then_sell_returns_at_most_what_was_paid() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let bob = free(BOB);
		let alpha = stake(BOB, ALICE_HOT, netuid, 10 * TAO);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha));
		// buy: 9_896_088_594 alpha; sell: gross = floor(1_010e9 · 9_896_088_594 / 1e12) = 9_995_049_479,
		// fee = ceil(4_997_524.7395) = 4_997_525, paid 9_990_051_954.
		assert_eq!(free(BOB), bob - 10 * TAO + 9_990_051_954);
		assert_eq!(reserves(netuid), (LOCK + 10 * TAO - 9_990_051_954, LOCK, 0));

		// Several sizes on the moved pool: never more back than paid.
		for amount in [MIN_STAKE, 3 * TAO + 7, 250 * TAO, 4_321 * TAO] {
			let (t, a, _) = reserves(netuid);
			let b = buy(t, a, amount, FEE);
			let s = sell(b.tao, b.alpha, b.out, FEE);
			assert!(s.out <= amount);
			assert!(u128::from(s.tao) * u128::from(s.alpha) >= u128::from(t) * u128::from(a));
			let before = free(CHARLIE);
			let got = stake(CHARLIE, ALICE_HOT, netuid, amount);
			assert_eq!(got, b.out);
			assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, netuid, got));
			assert_eq!(free(CHARLIE), before - amount + s.out);
			assert_eq!(reserves(netuid), (s.tao, s.alpha, 0));
		}
	});
	no_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let bob = free(BOB);
		let alpha = stake(BOB, ALICE_HOT, netuid, 10 * TAO);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha));
		assert_eq!(free(BOB), bob - 1);
	});
}

/// `quote_buy` / `quote_sell` taken before a stake or unstake equal what it executes, to the rao
/// (amount out, fee, pool after); on root the quote is 1:1 with no fee.
#[test]
fn quotes_equal_execution() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		stake(DAVE, ALICE_HOT, netuid, 77 * TAO);
		let amount = 25 * TAO + 123_456;
		let q = Dtao::quote_buy(netuid, amount).expect("quote");
		let bob = free(BOB);
		assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, amount));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeAdded {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: q.amount_in,
			alpha: q.amount_out,
			fee: q.fee,
		}));
		assert_eq!(free(BOB), bob - q.amount_in);
		let (t, a, _) = reserves(netuid);
		assert_eq!(q.after, Market::Pool { tao: t, alpha: a });

		let part = q.amount_out / 3;
		let q = Dtao::quote_sell(netuid, part).expect("quote");
		let bob = free(BOB);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, part));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeRemoved {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: q.amount_out,
			alpha: q.amount_in,
			fee: q.fee,
		}));
		assert_eq!(free(BOB), bob + q.amount_out);
		let (t, a, _) = reserves(netuid);
		assert_eq!(q.after, Market::Pool { tao: t, alpha: a });

		let q = Dtao::quote_buy(0, 5 * TAO).expect("quote");
		assert_eq!((q.amount_in, q.amount_out, q.fee), (5 * TAO, 5 * TAO, 0));
		assert_eq!(stake(BOB, ALICE_HOT, 0, 5 * TAO), q.amount_out);
		let q = Dtao::quote_sell(0, 2 * TAO).expect("quote");
		assert_eq!((q.amount_in, q.amount_out, q.fee), (2 * TAO, 2 * TAO, 0));
	});
}

// =================================================================================================
// add_stake_limit / remove_stake_limit
// =================================================================================================

/// When the whole amount keeps the post-trade price at or below the limit, all of it is staked.
#[test]
fn add_stake_limit_whole_amount_fits() {
	no_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let limit = 1_210_000_000;
		let e = buy(LOCK, LOCK, 50 * TAO, NO_FEE);
		assert!(price_at_most(e.tao, e.alpha, limit));
		let bob = free(BOB);
		assert_ok!(Dtao::add_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 50 * TAO, limit, false));
		assert_eq!(free(BOB), bob - 50 * TAO);
		assert_eq!(reserves(netuid), (e.tao, e.alpha, e.out));
		assert_eq!(value(ALICE_HOT, BOB, netuid), e.out);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeAdded {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: 50 * TAO,
			alpha: e.out,
			fee: 0,
		}));
		// Exactly at the limit also fits (100 TAO from T = A = 1_000 TAO is the worked case below).
		assert_ok!(Dtao::add_stake_limit(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 5 * TAO, 1_000_000_000, false));
		assert_eq!(value(ALICE_HOT, CHARLIE, 0), 5 * TAO);
	});
}

/// Worked case of §3.1: pool `T = A = 1_000 TAO`, no fee, limit 1.21: the partial buy is exactly
/// 100 TAO (`T' = 1_100 TAO`, `A' = 909_090_909_091`), one rao more would cross the limit, and the
/// event reports 100 TAO; without `allow_partial` it fails with `SlippageTooHigh`.
#[test]
fn add_stake_limit_partial_worked_example() {
	no_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let limit = 1_210_000_000;
		assert_noop!(
			Dtao::add_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 500 * TAO, limit, false),
			Error::<Test>::SlippageTooHigh
		);
		let x = 100 * TAO;
		let e = buy(LOCK, LOCK, x, NO_FEE);
		assert_eq!(e, Swap { out: 90_909_090_909, fee: 0, tao: 1_100 * TAO, alpha: 909_090_909_091 });
		assert!(price_at_most(e.tao, e.alpha, limit));
		let more = buy(LOCK, LOCK, x + 1, NO_FEE);
		assert!(!price_at_most(more.tao, more.alpha, limit));
		let ok = |y: u64| {
			let b = buy(LOCK, LOCK, y, NO_FEE);
			price_at_most(b.tao, b.alpha, limit)
		};
		assert_eq!(largest(500 * TAO, ok), x);

		let bob = free(BOB);
		assert_ok!(Dtao::add_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 500 * TAO, limit, true));
		assert_eq!(free(BOB), bob - x);
		assert_eq!(reserves(netuid), (1_100 * TAO, 909_090_909_091, 90_909_090_909));
		assert_eq!(value(ALICE_HOT, BOB, netuid), 90_909_090_909);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeAdded {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: x,
			alpha: 90_909_090_909,
			fee: 0,
		}));
	});
}

/// With the fee, the partial buy is the largest amount whose post-trade price (fee in `T`) stays at
/// or below the limit: 100_025_006_536 rao from `T = A = 1_000 TAO` at limit 1.21.
#[test]
fn add_stake_limit_partial_with_fee() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let limit = 1_210_000_000;
		let ok = |y: u64| {
			let b = buy(LOCK, LOCK, y, FEE);
			price_at_most(b.tao, b.alpha, limit)
		};
		let x = 100_025_006_536;
		assert!(ok(x) && !ok(x + 1));
		assert_eq!(largest(500 * TAO, ok), x);
		let e = buy(LOCK, LOCK, x, FEE);
		let bob = free(BOB);
		assert_ok!(Dtao::add_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 500 * TAO, limit, true));
		assert_eq!(free(BOB), bob - x);
		assert_eq!(reserves(netuid), (e.tao, e.alpha, e.out));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeAdded {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: x,
			alpha: e.out,
			fee: e.fee,
		}));
	});
}

/// A partial fill below `MinStake` (a limit just above the price allows about 500 rao), or no fill
/// at all (a limit below the price; root's price 1 above the limit), fails with `SlippageTooHigh`.
#[test]
fn add_stake_limit_partial_below_min_stake_fails() {
	no_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let ok = |y: u64, limit: u64| {
			let b = buy(LOCK, LOCK, y, NO_FEE);
			price_at_most(b.tao, b.alpha, limit)
		};
		assert_eq!(largest(500 * TAO, |y| ok(y, 1_000_000_001)), 500);
		assert_noop!(
			Dtao::add_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 500 * TAO, 1_000_000_001, true),
			Error::<Test>::SlippageTooHigh
		);
		assert_noop!(
			Dtao::add_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 500 * TAO, 999_999_999, true),
			Error::<Test>::SlippageTooHigh
		);
		assert_noop!(
			Dtao::add_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 5 * TAO, 999_999_999, true),
			Error::<Test>::SlippageTooHigh
		);
		assert_noop!(
			Dtao::add_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, 5 * TAO, 999_999_999, false),
			Error::<Test>::SlippageTooHigh
		);
	});
}

/// A partial buy also respects the liquidity floor: with an unlimited price it executes the largest
/// buy that leaves exactly `MinPoolReserve` alpha in the pool.
#[test]
fn add_stake_limit_partial_respects_liquidity_floor() {
	no_fee().min_lock(2_000_000).build_and_execute(|| {
		let netuid = started(ALICE, ALICE_HOT);
		assert_noop!(
			Dtao::add_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 1_000 * TAO, u64::MAX, false),
			Error::<Test>::InsufficientLiquidity
		);
		let bob = free(BOB);
		assert_ok!(Dtao::add_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 1_000 * TAO, u64::MAX, true));
		assert_eq!(free(BOB), bob - 2_000_004);
		assert_eq!(reserves(netuid), (4_000_004, FLOOR, 1_000_000));
	});
}

/// Sell side, pool `T = 1_100 TAO`, `A = 909_090_909_091` (price 1.21) after a 100 TAO stake, no
/// fee: a sale that keeps the price at or above the limit executes whole; one that does not fails
/// with `SlippageTooHigh` unless `allow_partial`, which sells the largest amount that keeps it.
#[test]
fn remove_stake_limit_whole_partial_and_refused() {
	no_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let alpha = stake(BOB, ALICE_HOT, netuid, 100 * TAO);
		assert_eq!(alpha, 90_909_090_909);
		let (t, a) = (1_100 * TAO, 909_090_909_091);
		assert_eq!(reserves(netuid), (t, a, alpha));

		// The whole stake fits a limit of 1.0: T' = 1_000_000_000_001, A' = 1e12.
		let e = sell(t, a, alpha, NO_FEE);
		assert_eq!(e, Swap { out: 99_999_999_999, fee: 0, tao: 1_000_000_000_001, alpha: LOCK });
		assert!(price_at_least(e.tao, e.alpha, 1_000_000_000));

		// Limit 1.1: the whole stake does not fit.
		let limit = 1_100_000_000;
		assert!(!price_at_least(e.tao, e.alpha, limit));
		assert_noop!(
			Dtao::remove_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha, limit, false),
			Error::<Test>::SlippageTooHigh
		);
		let ok = |y: u64| {
			let s = sell(t, a, y, NO_FEE);
			price_at_least(s.tao, s.alpha, limit)
		};
		let x = largest(alpha, ok);
		assert_eq!(x, 44_371_680_154);
		assert!(ok(x) && !ok(x + 1));
		let s = sell(t, a, x, NO_FEE);
		let bob = free(BOB);
		assert_ok!(Dtao::remove_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha, limit, true));
		assert_eq!(free(BOB), bob + s.out);
		assert_eq!(reserves(netuid), (s.tao, s.alpha, alpha - x));
		assert_eq!(value(ALICE_HOT, BOB, netuid), alpha - x);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeRemoved {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: s.out,
			alpha: x,
			fee: 0,
		}));

		// The rest fits a limit of 1.0 and is sold whole.
		let rest = alpha - x;
		let r = sell(s.tao, s.alpha, rest, NO_FEE);
		assert!(price_at_least(r.tao, r.alpha, 1_000_000_000));
		let bob = free(BOB);
		assert_ok!(Dtao::remove_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, rest, 1_000_000_000, false));
		assert_eq!(free(BOB), bob + r.out);
		assert_eq!(reserves(netuid), (r.tao, r.alpha, 0));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeRemoved {
			coldkey: BOB,
			hotkey: ALICE_HOT,
			netuid,
			tao: r.out,
			alpha: rest,
			fee: 0,
		}));
	});
}

/// A sell limit that allows only a partial sale worth less than `MinStake` (376 alpha at a limit
/// just under the price), or nothing (a limit above the price), fails with `SlippageTooHigh`; on root
/// a limit above 1 refuses any sale.
#[test]
fn remove_stake_limit_partial_below_min_stake_fails() {
	no_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let alpha = stake(BOB, ALICE_HOT, netuid, 100 * TAO);
		stake(BOB, ALICE_HOT, 0, 10 * TAO);
		let (t, a, _) = reserves(netuid);
		// Spot price floor(1_100e9 · 1e9 / 909_090_909_091) = 1_209_999_999.
		assert_eq!(u128::from(t) * ONE / u128::from(a), 1_209_999_999);
		let ok = |y: u64, limit: u64| {
			let s = sell(t, a, y, NO_FEE);
			price_at_least(s.tao, s.alpha, limit)
		};
		assert_eq!(largest(alpha, |y| ok(y, 1_209_999_999)), 376);
		assert_noop!(
			Dtao::remove_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha, 1_209_999_999, true),
			Error::<Test>::SlippageTooHigh
		);
		assert_noop!(
			Dtao::remove_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha, 1_210_000_000, true),
			Error::<Test>::SlippageTooHigh
		);
		assert_noop!(
			Dtao::remove_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, TAO, 1_000_000_001, true),
			Error::<Test>::SlippageTooHigh
		);
		assert_ok!(Dtao::remove_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, 0, TAO, 1_000_000_000, false));
		assert_eq!(TotalRootStake::<Test>::get(), 9 * TAO);
	});
}

/// A whole stake too small to pay anything can be closed by `remove_stake` (see
/// `remove_stake_dust_stake_is_closed_for_nothing`); `remove_stake_limit` with a limit that does not
/// bind (0) is the same removal and must close it the same way.
#[test]
fn remove_stake_limit_non_binding_limit_closes_dust_stake() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let alpha = stake(BOB, ALICE_HOT, netuid, 10 * TAO);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, alpha - 1));
		let (t, a, _) = reserves(netuid);
		assert_eq!(sell(t, a, 1, FEE).out, 0);
		let bob = free(BOB);
		assert_ok!(Dtao::remove_stake_limit(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, 1, 0, false));
		assert_eq!(free(BOB), bob);
		assert_eq!(reserves(netuid), (t, a + 1, 0));
		assert_eq!(StakeShares::<Test>::get((netuid, ALICE_HOT, BOB)), None);
	});
}

// =================================================================================================
// move_stake
// =================================================================================================

/// Moving stake to another hotkey on the same subnet moves alpha between share pools: no swap, no
/// fee, `alpha_in == alpha_out`, the pool and balances unchanged.
#[test]
fn move_stake_same_subnet_other_hotkey_moves_alpha_without_swap() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		neuron(BOB, netuid, BOB_HOT);
		let alpha = stake(CHARLIE, ALICE_HOT, netuid, 10 * TAO);
		let (before_pool, charlie, account) = (reserves(netuid), free(CHARLIE), pot());
		let part = alpha / 4;
		assert_ok!(Dtao::move_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, BOB_HOT, netuid, netuid, part));
		assert_eq!(reserves(netuid), before_pool);
		assert_eq!((free(CHARLIE), pot()), (charlie, account));
		assert_eq!(value(ALICE_HOT, CHARLIE, netuid), alpha - part);
		assert_eq!(value(BOB_HOT, CHARLIE, netuid), part);
		assert_eq!(HotkeyStake::<Test>::get(netuid, BOB_HOT).map(|p| p.alpha), Some(part));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeMoved {
			coldkey: CHARLIE,
			origin_hotkey: ALICE_HOT,
			destination_hotkey: BOB_HOT,
			origin_netuid: netuid,
			destination_netuid: netuid,
			alpha_in: part,
			alpha_out: part,
			tao: 0,
			fee: 0,
		}));
		// The rest, whole: the origin entry disappears.
		assert_ok!(Dtao::move_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, BOB_HOT, netuid, netuid, alpha - part));
		assert_eq!(value(BOB_HOT, CHARLIE, netuid), alpha);
		assert_eq!(HotkeyStake::<Test>::get(netuid, ALICE_HOT), None);
		assert_eq!(reserves(netuid), before_pool);

		// On root too: TotalRootStake is unchanged.
		stake(CHARLIE, ALICE_HOT, 0, 6 * TAO);
		assert_ok!(Dtao::move_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, BOB_HOT, 0, 0, 2 * TAO));
		assert_eq!(TotalRootStake::<Test>::get(), 6 * TAO);
		assert_eq!((value(ALICE_HOT, CHARLIE, 0), value(BOB_HOT, CHARLIE, 0)), (4 * TAO, 2 * TAO));
	});
}

/// Moving stake across subnets sells on the origin pool and buys on the destination pool with the
/// TAO received, each leg with its fee; the event reports both alpha amounts, the TAO that crossed
/// and the sum of the fees. No TAO leaves or enters the pallet account.
#[test]
fn move_stake_across_subnets_sells_then_buys() {
	with_fee().build_and_execute(|| {
		let (one, two) = two_subnets();
		let alpha = stake(CHARLIE, ALICE_HOT, one, 10 * TAO);
		let part = alpha / 2;
		let (t1, a1, o1) = reserves(one);
		let s = sell(t1, a1, part, FEE);
		let b = buy(2 * LOCK, 2 * LOCK, s.out, FEE);
		assert!(s.fee > 0 && b.fee > 0);
		let (charlie, account) = (free(CHARLIE), pot());

		assert_ok!(Dtao::move_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, BOB_HOT, one, two, part));
		assert_eq!(reserves(one), (s.tao, s.alpha, o1 - part));
		assert_eq!(reserves(two), (b.tao, b.alpha, b.out));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), alpha - part);
		assert_eq!(value(BOB_HOT, CHARLIE, two), b.out);
		assert_eq!((free(CHARLIE), pot()), (charlie, account));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeMoved {
			coldkey: CHARLIE,
			origin_hotkey: ALICE_HOT,
			destination_hotkey: BOB_HOT,
			origin_netuid: one,
			destination_netuid: two,
			alpha_in: part,
			alpha_out: b.out,
			tao: s.out,
			fee: s.fee + b.fee,
		}));

		// Into root: the TAO received becomes root stake 1:1 (no fee on the root leg).
		let rest = alpha - part;
		let s2 = sell(s.tao, s.alpha, rest, FEE);
		assert_ok!(Dtao::move_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, ALICE_HOT, one, 0, rest));
		assert_eq!(TotalRootStake::<Test>::get(), s2.out);
		assert_eq!(value(ALICE_HOT, CHARLIE, 0), s2.out);
		assert_eq!(reserves(one), (s2.tao, s2.alpha, o1 - alpha));
		assert_eq!(pot(), account);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeMoved {
			coldkey: CHARLIE,
			origin_hotkey: ALICE_HOT,
			destination_hotkey: ALICE_HOT,
			origin_netuid: one,
			destination_netuid: 0,
			alpha_in: rest,
			alpha_out: s2.out,
			tao: s2.out,
			fee: s2.fee,
		}));
	});
}

/// `move_stake` errors, each leaving everything unchanged: same hotkey and subnet
/// (`SameSubnetAndHotkey`), more than the stake or no stake (`NotEnoughStake`), a destination subnet
/// not started for a non-owner (`SubnetNotStarted`, while its owner may move into it), an unknown
/// hotkey (`HotkeyNotRegistered`), an unknown subnet (`SubnetNotFound`), 0 or a partial move worth
/// less than `MinStake` (`AmountTooLow`).
#[test]
fn move_stake_errors() {
	with_fee().build_and_execute(|| {
		let one = alice_subnet();
		let two = register(BOB, BOB_HOT);
		assert_eq!(pool(two).started_at, None);
		let alpha = stake(CHARLIE, ALICE_HOT, one, 10 * TAO);
		let signed = RuntimeOrigin::signed;

		assert_noop!(
			Dtao::move_stake(signed(CHARLIE), ALICE_HOT, ALICE_HOT, one, one, alpha),
			Error::<Test>::SameSubnetAndHotkey
		);
		assert_noop!(
			Dtao::move_stake(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, one, alpha + 1),
			Error::<Test>::NotEnoughStake
		);
		assert_noop!(Dtao::move_stake(signed(DAVE), ALICE_HOT, BOB_HOT, one, one, TAO), Error::<Test>::NotEnoughStake);
		assert_noop!(Dtao::move_stake(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, one, 0), Error::<Test>::AmountTooLow);
		assert_noop!(
			Dtao::move_stake(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, one, 1_000),
			Error::<Test>::AmountTooLow
		);
		assert_noop!(
			Dtao::move_stake(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, two, 1_000),
			Error::<Test>::SubnetNotStarted
		);
		assert_noop!(
			Dtao::move_stake(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, two, alpha),
			Error::<Test>::SubnetNotStarted
		);
		assert_noop!(
			Dtao::move_stake(signed(CHARLIE), ALICE_HOT, NOBODY_HOT, one, one, alpha),
			Error::<Test>::HotkeyNotRegistered
		);
		assert_noop!(
			Dtao::move_stake(signed(CHARLIE), NOBODY_HOT, ALICE_HOT, one, one, alpha),
			Error::<Test>::HotkeyNotRegistered
		);
		assert_noop!(
			Dtao::move_stake(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, 99, alpha),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(
			Dtao::move_stake(signed(CHARLIE), ALICE_HOT, BOB_HOT, 99, one, alpha),
			Error::<Test>::SubnetNotFound
		);

		// BOB owns subnet 2 and may move stake into it before it starts.
		let bob_alpha = stake(BOB, ALICE_HOT, one, 10 * TAO);
		let (t1, a1, _) = reserves(one);
		let s = sell(t1, a1, bob_alpha, FEE);
		let b = buy(2 * LOCK, 2 * LOCK, s.out, FEE);
		assert_ok!(Dtao::move_stake(signed(BOB), ALICE_HOT, BOB_HOT, one, two, bob_alpha));
		assert_eq!(value(BOB_HOT, BOB, two), b.out);
		assert_eq!(reserves(two), (b.tao, b.alpha, b.out));
	});
}

/// Either leg of a cross-subnet move failing fails the whole call and changes nothing: a buy leg
/// that would break the destination's floor, and a sell leg that would break the origin's.
#[test]
fn move_stake_failing_leg_changes_nothing() {
	no_fee().min_lock(2_000_000).build_and_execute(|| {
		let small = started(ALICE, ALICE_HOT);
		stake(CHARLIE, ALICE_HOT, 0, 10 * TAO);
		// Buy leg: 10 TAO into a pool of 2e6 rao.
		assert_noop!(
			Dtao::move_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, ALICE_HOT, 0, small, 10 * TAO),
			Error::<Test>::InsufficientLiquidity
		);
		// Sell leg: alpha not bought from the pool (emission) sold below the floor.
		grant_alpha(ALICE_HOT, CHARLIE, small, 2_000_005);
		assert_noop!(
			Dtao::move_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, ALICE_HOT, small, 0, 2_000_005),
			Error::<Test>::InsufficientLiquidity
		);
		assert_noop!(
			Dtao::swap_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, small, 0, 2_000_005),
			Error::<Test>::InsufficientLiquidity
		);
	});
}

// =================================================================================================
// swap_stake / swap_stake_limit
// =================================================================================================

/// `swap_stake` moves one hotkey's stake between subnets through TAO (two legs, two fees), and with
/// root on either side the root leg is 1:1 and free; `StakeSwapped` carries the exact amounts.
#[test]
fn swap_stake_between_subnets_and_root() {
	with_fee().build_and_execute(|| {
		let (one, two) = two_subnets();
		let alpha = stake(CHARLIE, ALICE_HOT, one, 20 * TAO);
		let (charlie, account) = (free(CHARLIE), pot());

		// Subnet 1 → subnet 2.
		let part = alpha / 3;
		let (t1, a1, o1) = reserves(one);
		let s = sell(t1, a1, part, FEE);
		let b = buy(2 * LOCK, 2 * LOCK, s.out, FEE);
		assert_ok!(Dtao::swap_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, one, two, part));
		assert_eq!(reserves(one), (s.tao, s.alpha, o1 - part));
		assert_eq!(reserves(two), (b.tao, b.alpha, b.out));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), alpha - part);
		assert_eq!(value(ALICE_HOT, CHARLIE, two), b.out);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeSwapped {
			coldkey: CHARLIE,
			hotkey: ALICE_HOT,
			origin_netuid: one,
			destination_netuid: two,
			alpha_in: part,
			alpha_out: b.out,
			tao: s.out,
			fee: s.fee + b.fee,
		}));

		// Subnet 2 → root: the sale's TAO becomes root stake.
		let s2 = sell(b.tao, b.alpha, b.out, FEE);
		assert_ok!(Dtao::swap_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, two, 0, b.out));
		assert_eq!(reserves(two), (s2.tao, s2.alpha, 0));
		assert_eq!(TotalRootStake::<Test>::get(), s2.out);
		assert_eq!(value(ALICE_HOT, CHARLIE, 0), s2.out);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeSwapped {
			coldkey: CHARLIE,
			hotkey: ALICE_HOT,
			origin_netuid: two,
			destination_netuid: 0,
			alpha_in: b.out,
			alpha_out: s2.out,
			tao: s2.out,
			fee: s2.fee,
		}));

		// Root → subnet 1: root-alpha sells 1:1, the buy pays the fee.
		let (t1, a1, o1) = reserves(one);
		let root = s2.out;
		let b2 = buy(t1, a1, root, FEE);
		assert_ok!(Dtao::swap_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, one, root));
		assert_eq!(TotalRootStake::<Test>::get(), 0);
		assert_eq!(reserves(one), (b2.tao, b2.alpha, o1 + b2.out));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), alpha - part + b2.out);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeSwapped {
			coldkey: CHARLIE,
			hotkey: ALICE_HOT,
			origin_netuid: 0,
			destination_netuid: one,
			alpha_in: root,
			alpha_out: b2.out,
			tao: root,
			fee: b2.fee,
		}));
		// Swaps move no TAO in or out of the pallet account, nor to the caller.
		assert_eq!((free(CHARLIE), pot()), (charlie, account));
	});
}

/// `swap_stake` with the same origin and destination subnet fails with `SameSubnetAndHotkey`
/// (on root too); into an unstarted subnet with `SubnetNotStarted`; more than the stake with
/// `NotEnoughStake`.
#[test]
fn swap_stake_errors() {
	with_fee().build_and_execute(|| {
		let one = alice_subnet();
		let two = register(BOB, BOB_HOT);
		let alpha = stake(CHARLIE, ALICE_HOT, one, 10 * TAO);
		stake(CHARLIE, ALICE_HOT, 0, 10 * TAO);
		let signed = RuntimeOrigin::signed;
		assert_noop!(Dtao::swap_stake(signed(CHARLIE), ALICE_HOT, one, one, alpha), Error::<Test>::SameSubnetAndHotkey);
		assert_noop!(Dtao::swap_stake(signed(CHARLIE), ALICE_HOT, 0, 0, TAO), Error::<Test>::SameSubnetAndHotkey);
		assert_noop!(Dtao::swap_stake(signed(CHARLIE), ALICE_HOT, one, two, alpha), Error::<Test>::SubnetNotStarted);
		assert_noop!(Dtao::swap_stake(signed(CHARLIE), ALICE_HOT, 0, two, TAO), Error::<Test>::SubnetNotStarted);
		assert_noop!(Dtao::swap_stake(signed(CHARLIE), ALICE_HOT, one, 0, alpha + 1), Error::<Test>::NotEnoughStake);
		assert_noop!(Dtao::swap_stake(signed(CHARLIE), ALICE_HOT, one, 99, alpha), Error::<Test>::SubnetNotFound);
		assert_noop!(Dtao::swap_stake(signed(CHARLIE), NOBODY_HOT, one, 0, alpha), Error::<Test>::HotkeyNotRegistered);
	});
}

/// `swap_stake_limit`: the post-trade ratio `p_origin / p_destination · 10^9` must stay at or above
/// the limit. Subnet 1 at price 1.21 (after a 100 TAO stake) into subnet 2 at price 1, with the fee:
/// a small swap fits a limit of 1.0; the whole stake does not fit 1.1 (`SlippageTooHigh` without
/// `allow_partial`), and the partial swap is the largest amount that keeps the ratio.
#[test]
fn swap_stake_limit_fits_partial_and_refused() {
	with_fee().build_and_execute(|| {
		let (one, two) = two_subnets();
		let alpha = stake(CHARLIE, ALICE_HOT, one, 100 * TAO);
		let (t1, a1, o1) = reserves(one);
		let (t2, a2) = (2 * LOCK, 2 * LOCK);
		let legs = |x: u64| {
			let s = sell(t1, a1, x, FEE);
			let b = buy(t2, a2, s.out, FEE);
			(s, b)
		};
		let ok = |x: u64, limit: u64| {
			let (s, b) = legs(x);
			ratio_at_least((s.tao, s.alpha), (b.tao, b.alpha), limit)
		};

		// Fits: 1 alpha-TAO at a limit of 1.0.
		let small = TAO;
		assert!(ok(small, 1_000_000_000));
		let (s, b) = legs(small);
		assert_ok!(Dtao::swap_stake_limit(
			RuntimeOrigin::signed(CHARLIE), ALICE_HOT, one, two, small, 1_000_000_000, false
		));
		assert_eq!(reserves(one), (s.tao, s.alpha, o1 - small));
		assert_eq!(reserves(two), (b.tao, b.alpha, b.out));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), alpha - small);
		assert_eq!(value(ALICE_HOT, CHARLIE, two), b.out);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeSwapped {
			coldkey: CHARLIE,
			hotkey: ALICE_HOT,
			origin_netuid: one,
			destination_netuid: two,
			alpha_in: small,
			alpha_out: b.out,
			tao: s.out,
			fee: s.fee + b.fee,
		}));
	});
	with_fee().build_and_execute(|| {
		let (one, two) = two_subnets();
		let alpha = stake(CHARLIE, ALICE_HOT, one, 100 * TAO);
		let (t1, a1, o1) = reserves(one);
		let (t2, a2) = (2 * LOCK, 2 * LOCK);
		let legs = |x: u64| {
			let s = sell(t1, a1, x, FEE);
			let b = buy(t2, a2, s.out, FEE);
			(s, b)
		};
		let limit = 1_100_000_000;
		let ok = |x: u64| {
			let (s, b) = legs(x);
			ratio_at_least((s.tao, s.alpha), (b.tao, b.alpha), limit)
		};
		assert!(!ok(alpha));
		assert_noop!(
			Dtao::swap_stake_limit(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, one, two, alpha, limit, false),
			Error::<Test>::SlippageTooHigh
		);
		let x = largest(alpha, ok);
		assert!(x > 0 && x < alpha && ok(x) && !ok(x + 1));
		let (s, b) = legs(x);
		let (charlie, account) = (free(CHARLIE), pot());
		assert_ok!(Dtao::swap_stake_limit(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, one, two, alpha, limit, true));
		assert_eq!((free(CHARLIE), pot()), (charlie, account));
		assert_eq!(reserves(one), (s.tao, s.alpha, o1 - x));
		assert_eq!(reserves(two), (b.tao, b.alpha, b.out));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), alpha - x);
		assert_eq!(value(ALICE_HOT, CHARLIE, two), b.out);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeSwapped {
			coldkey: CHARLIE,
			hotkey: ALICE_HOT,
			origin_netuid: one,
			destination_netuid: two,
			alpha_in: x,
			alpha_out: b.out,
			tao: s.out,
			fee: s.fee + b.fee,
		}));
		// A limit above the current ratio allows nothing: SlippageTooHigh even with allow_partial.
		assert_noop!(
			Dtao::swap_stake_limit(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, one, two, alpha - x, 1_300_000_000, true),
			Error::<Test>::SlippageTooHigh
		);
	});
}

/// `swap_stake_limit` with root as origin (price 1): buying subnet 1 (price 1, no fee) with root
/// stake up to a ratio of 1/1.21 is the worked case of §3.1 again, exactly 100 TAO; with root as
/// destination, selling subnet 1's alpha may go as far as the ratio allows.
#[test]
fn swap_stake_limit_with_root() {
	no_fee().build_and_execute(|| {
		let one = alice_subnet();
		stake(CHARLIE, ALICE_HOT, 0, 500 * TAO);
		// Root's price is 1, so p_0 / p_1 · 1e9 ≥ limit reads A' · 1e9 ≥ limit · T' on subnet 1.
		// 1e9 / 1.21 = 826_446_280.99…; rounded up, the bound is a hair tighter than a price of 1.21,
		// so the fill is 5 rao short of the 100 TAO of the worked case:
		// x = 99_999_999_995 → T' = 1_099_999_999_995, A' = 909_090_909_096, A'·1e9 ≥ limit·T'.
		let limit = 826_446_281;
		let ok = |x: u64| {
			let b = buy(LOCK, LOCK, x, NO_FEE);
			ratio_at_least((1, 1), (b.tao, b.alpha), limit)
		};
		let x = largest(500 * TAO, ok);
		assert!(ok(x) && !ok(x + 1));
		assert_eq!(x, 99_999_999_995);
		assert_noop!(
			Dtao::swap_stake_limit(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, one, 500 * TAO, limit, false),
			Error::<Test>::SlippageTooHigh
		);
		let b = buy(LOCK, LOCK, x, NO_FEE);
		assert_ok!(Dtao::swap_stake_limit(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, one, 500 * TAO, limit, true));
		assert_eq!(TotalRootStake::<Test>::get(), 500 * TAO - x);
		assert_eq!(reserves(one), (b.tao, b.alpha, b.out));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), b.out);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeSwapped {
			coldkey: CHARLIE,
			hotkey: ALICE_HOT,
			origin_netuid: 0,
			destination_netuid: one,
			alpha_in: x,
			alpha_out: b.out,
			tao: x,
			fee: 0,
		}));

		// Back to root: p_1 / p_0 ≥ 1.1 allows a partial sale.
		let (t1, a1, _) = reserves(one);
		let limit = 1_100_000_000;
		let ok = |y: u64| {
			let s = sell(t1, a1, y, NO_FEE);
			ratio_at_least((s.tao, s.alpha), (1, 1), limit)
		};
		let y = largest(b.out, ok);
		assert!(y > 0 && y < b.out && ok(y) && !ok(y + 1));
		let s = sell(t1, a1, y, NO_FEE);
		assert_ok!(Dtao::swap_stake_limit(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, one, 0, b.out, limit, true));
		assert_eq!(TotalRootStake::<Test>::get(), 500 * TAO - x + s.out);
		assert_eq!(reserves(one), (s.tao, s.alpha, b.out - y));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), b.out - y);
	});
}

// =================================================================================================
// transfer_stake
// =================================================================================================

/// `transfer_stake` on the same subnet gives alpha to another coldkey on the same hotkey: no swap,
/// no fee; the receiver's `stake_value` is the amount. The receiver needs no TAO.
#[test]
fn transfer_stake_same_subnet_to_other_coldkey() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let alpha = stake(CHARLIE, ALICE_HOT, netuid, 10 * TAO);
		let (before, charlie, bob, account) = (reserves(netuid), free(CHARLIE), free(BOB), pot());
		let part = alpha / 5;
		assert_ok!(Dtao::transfer_stake(RuntimeOrigin::signed(CHARLIE), BOB, ALICE_HOT, netuid, netuid, part));
		assert_eq!(reserves(netuid), before);
		assert_eq!((free(CHARLIE), free(BOB), pot()), (charlie, bob, account));
		assert_eq!(value(ALICE_HOT, CHARLIE, netuid), alpha - part);
		assert_eq!(value(ALICE_HOT, BOB, netuid), part);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeTransferred {
			origin_coldkey: CHARLIE,
			destination_coldkey: BOB,
			hotkey: ALICE_HOT,
			origin_netuid: netuid,
			destination_netuid: netuid,
			alpha_in: part,
			alpha_out: part,
			tao: 0,
			fee: 0,
		}));
		// To a coldkey with no TAO at all.
		assert_eq!(free(EVE), 0);
		assert_ok!(Dtao::transfer_stake(RuntimeOrigin::signed(CHARLIE), EVE, ALICE_HOT, netuid, netuid, part));
		assert_eq!(value(ALICE_HOT, EVE, netuid), part);
		assert_eq!(value(ALICE_HOT, CHARLIE, netuid), alpha - 2 * part);
		// On root.
		stake(CHARLIE, ALICE_HOT, 0, 3 * TAO);
		assert_ok!(Dtao::transfer_stake(RuntimeOrigin::signed(CHARLIE), BOB, ALICE_HOT, 0, 0, TAO));
		assert_eq!((value(ALICE_HOT, CHARLIE, 0), value(ALICE_HOT, BOB, 0)), (2 * TAO, TAO));
		assert_eq!(TotalRootStake::<Test>::get(), 3 * TAO);
	});
}

/// `transfer_stake` to another subnet sells on the origin and buys on the destination, for the
/// receiving coldkey; `SameSubnetAndHotkey` when the receiver is the caller on the same subnet.
#[test]
fn transfer_stake_across_subnets_and_same_stake_error() {
	with_fee().build_and_execute(|| {
		let (one, two) = two_subnets();
		let alpha = stake(CHARLIE, ALICE_HOT, one, 10 * TAO);
		assert_noop!(
			Dtao::transfer_stake(RuntimeOrigin::signed(CHARLIE), CHARLIE, ALICE_HOT, one, one, alpha),
			Error::<Test>::SameSubnetAndHotkey
		);
		assert_noop!(
			Dtao::transfer_stake(RuntimeOrigin::signed(CHARLIE), BOB, ALICE_HOT, one, one, alpha + 1),
			Error::<Test>::NotEnoughStake
		);
		let (t1, a1, o1) = reserves(one);
		let part = alpha / 2;
		let s = sell(t1, a1, part, FEE);
		let b = buy(2 * LOCK, 2 * LOCK, s.out, FEE);
		let (charlie, bob) = (free(CHARLIE), free(BOB));
		assert_ok!(Dtao::transfer_stake(RuntimeOrigin::signed(CHARLIE), BOB, ALICE_HOT, one, two, part));
		assert_eq!(reserves(one), (s.tao, s.alpha, o1 - part));
		assert_eq!(reserves(two), (b.tao, b.alpha, b.out));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), alpha - part);
		assert_eq!(value(ALICE_HOT, BOB, two), b.out);
		assert_eq!(value(ALICE_HOT, CHARLIE, two), 0);
		assert_eq!((free(CHARLIE), free(BOB)), (charlie, bob));
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeTransferred {
			origin_coldkey: CHARLIE,
			destination_coldkey: BOB,
			hotkey: ALICE_HOT,
			origin_netuid: one,
			destination_netuid: two,
			alpha_in: part,
			alpha_out: b.out,
			tao: s.out,
			fee: s.fee + b.fee,
		}));
		// To oneself on another subnet is allowed (a swap).
		let rest = alpha - part;
		let s2 = sell(s.tao, s.alpha, rest, FEE);
		let b2 = buy(b.tao, b.alpha, s2.out, FEE);
		assert_ok!(Dtao::transfer_stake(RuntimeOrigin::signed(CHARLIE), CHARLIE, ALICE_HOT, one, two, rest));
		assert_eq!(value(ALICE_HOT, CHARLIE, two), b2.out);
		assert_eq!(reserves(two), (b2.tao, b2.alpha, b.out + b2.out));
	});
}

// =================================================================================================
// unstake_all
// =================================================================================================

/// `StakeRemoved` of CHARLIE's stake on ALICE_HOT.
fn removed(netuid: u16, tao: u64, alpha: u64, fee: u64) -> DtaoEvent<Test> {
	DtaoEvent::StakeRemoved { coldkey: CHARLIE, hotkey: ALICE_HOT, netuid, tao, alpha, fee }
}

/// `unstake_all` sells the caller's stake on the hotkey on root and on every subnet, credits the
/// exact total, emits `StakeRemoved` per subnet (ascending netuid) and `AllStakeRemoved` with no
/// subnet skipped; another coldkey's stake on the same hotkey is untouched.
#[test]
fn unstake_all_sells_everything() {
	with_fee().build_and_execute(|| {
		let (one, two) = two_subnets();
		stake(CHARLIE, ALICE_HOT, 0, 5 * TAO);
		let a1 = stake(CHARLIE, ALICE_HOT, one, 10 * TAO);
		let a2 = stake(CHARLIE, ALICE_HOT, two, 20 * TAO);
		let dave = stake(DAVE, ALICE_HOT, one, 3 * TAO);
		let (t1, r1, o1) = reserves(one);
		let (t2, r2, o2) = reserves(two);
		let s1 = sell(t1, r1, a1, FEE);
		let s2 = sell(t2, r2, a2, FEE);
		let total = 5 * TAO + s1.out + s2.out;
		let (charlie, account) = (free(CHARLIE), pot());
		let events_before = dtao_events().len();

		assert_ok!(Dtao::unstake_all(RuntimeOrigin::signed(CHARLIE), ALICE_HOT));
		assert_eq!(free(CHARLIE), charlie + total);
		assert_eq!(pot(), account - total);
		assert_eq!(TotalRootStake::<Test>::get(), 0);
		assert_eq!(reserves(one), (s1.tao, s1.alpha, o1 - a1));
		assert_eq!(reserves(two), (s2.tao, s2.alpha, o2 - a2));
		for n in [0, one, two] {
			assert_eq!(value(ALICE_HOT, CHARLIE, n), 0);
			assert_eq!(StakeShares::<Test>::get((n, ALICE_HOT, CHARLIE)), None);
		}
		assert_eq!(value(ALICE_HOT, DAVE, one), dave);
		assert_eq!(
			dtao_events()[events_before..],
			[
				removed(0, 5 * TAO, 5 * TAO, 0),
				removed(one, s1.out, a1, s1.fee),
				removed(two, s2.out, a2, s2.fee),
				DtaoEvent::AllStakeRemoved { coldkey: CHARLIE, hotkey: ALICE_HOT, tao: total, skipped: vec![] },
			]
		);
		// Nothing left: a second call fails.
		assert_noop!(Dtao::unstake_all(RuntimeOrigin::signed(CHARLIE), ALICE_HOT), Error::<Test>::NotEnoughStake);
	});
}

/// A subnet whose sale would break the liquidity floor is skipped, named in `skipped`, and its stake
/// kept; the other subnets are sold.
#[test]
fn unstake_all_skips_subnet_below_liquidity_floor() {
	with_fee().min_lock(2_000_000).build_and_execute(|| {
		let small = started(ALICE, ALICE_HOT);
		let other = started(BOB, BOB_HOT);
		assert_eq!(reserves(other), (4_000_000, 4_000_000, 0));
		stake(CHARLIE, ALICE_HOT, 0, 5 * TAO);
		// Alpha from emission worth more than the small pool can pay.
		grant_alpha(ALICE_HOT, CHARLIE, small, 10_000_000);
		let a2 = stake(CHARLIE, ALICE_HOT, other, 5_000_000);
		let (t2, r2, _) = reserves(other);
		let s2 = sell(t2, r2, a2, FEE);
		assert!(sell(2_000_000, 2_000_000, 10_000_000, FEE).tao < FLOOR);
		let charlie = free(CHARLIE);
		let events_before = dtao_events().len();

		assert_ok!(Dtao::unstake_all(RuntimeOrigin::signed(CHARLIE), ALICE_HOT));
		let total = 5 * TAO + s2.out;
		assert_eq!(free(CHARLIE), charlie + total);
		assert_eq!(value(ALICE_HOT, CHARLIE, small), 10_000_000);
		assert_eq!(reserves(small), (2_000_000, 2_000_000, 10_000_000));
		assert_eq!(reserves(other), (s2.tao, s2.alpha, 0));
		assert_eq!(TotalRootStake::<Test>::get(), 0);
		assert_eq!(
			dtao_events()[events_before..],
			[
				removed(0, 5 * TAO, 5 * TAO, 0),
				removed(other, s2.out, a2, s2.fee),
				DtaoEvent::AllStakeRemoved { coldkey: CHARLIE, hotkey: ALICE_HOT, tao: total, skipped: vec![small] },
			]
		);
	});
}

/// `unstake_all` with no stake on the hotkey fails with `NotEnoughStake`; on an unknown hotkey with
/// `HotkeyNotRegistered`.
#[test]
fn unstake_all_errors() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		stake(BOB, ALICE_HOT, netuid, TAO);
		assert_noop!(Dtao::unstake_all(RuntimeOrigin::signed(CHARLIE), ALICE_HOT), Error::<Test>::NotEnoughStake);
		assert_noop!(Dtao::unstake_all(RuntimeOrigin::signed(BOB), NOBODY_HOT), Error::<Test>::HotkeyNotRegistered);
	});
}

// =================================================================================================
// Share pools with nominators
// =================================================================================================

/// Two coldkeys staking to the same hotkey on the same subnet get values equal to the alpha they
/// bought (so proportional to it, within one alpha-rao); removing one leaves the other's value
/// unchanged. After a dividend credited to the hotkey's pool (simulated) values grow pro rata,
/// within one alpha-rao, and a later nominator's value is what it deposited, within one alpha-rao.
#[test]
fn nominators_share_a_hotkey_pool() {
	no_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		let b = buy(LOCK, LOCK, 10 * TAO, NO_FEE);
		let c = buy(b.tao, b.alpha, 30 * TAO, NO_FEE);
		assert_eq!(stake(BOB, ALICE_HOT, netuid, 10 * TAO), b.out);
		assert_eq!(stake(CHARLIE, ALICE_HOT, netuid, 30 * TAO), c.out);
		let (vb, vc) = (value(ALICE_HOT, BOB, netuid), value(ALICE_HOT, CHARLIE, netuid));
		assert_eq!((vb, vc), (b.out, c.out));
		assert_eq!(HotkeyStake::<Test>::get(netuid, ALICE_HOT).map(|p| p.alpha), Some(b.out + c.out));

		// Dividend of d alpha to the hotkey's pool: H grows, shares do not (O grows with it).
		let d = 1_234_567_891;
		HotkeyStake::<Test>::mutate(netuid, ALICE_HOT, |p| p.as_mut().expect("pool").alpha += d);
		Pools::<Test>::mutate(netuid, |p| p.as_mut().expect("pool").alpha_outstanding += d);
		check_invariants();
		let h = u128::from(b.out + c.out);
		let h_after = h + u128::from(d);
		let exact = |v: u64| u128::from(v) * h_after / h; // floor of the pro-rata value
		let (vb, vc) = (value(ALICE_HOT, BOB, netuid), value(ALICE_HOT, CHARLIE, netuid));
		assert!(u128::from(vb) <= exact(b.out) && u128::from(vb) + 1 >= exact(b.out));
		assert!(u128::from(vc) <= exact(c.out) && u128::from(vc) + 1 >= exact(c.out));
		assert!(u128::from(vb + vc) <= h_after && u128::from(vb + vc) + 2 >= h_after);

		// A later nominator deposits at the new rate.
		let (t, a, _) = reserves(netuid);
		let dv = buy(t, a, 7 * TAO, NO_FEE);
		assert_eq!(stake(DAVE, ALICE_HOT, netuid, 7 * TAO), dv.out);
		let vd = value(ALICE_HOT, DAVE, netuid);
		assert!(vd <= dv.out && vd + 1 >= dv.out);
		assert_eq!(value(ALICE_HOT, CHARLIE, netuid), vc);

		// BOB leaves: the others' shares are untouched. BOB takes the floor of its value, and the
		// fraction of an alpha-rao it leaves behind goes to those who stay, so their values never
		// fall and rise by at most one alpha-rao.
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(BOB), ALICE_HOT, netuid, vb));
		assert_eq!(value(ALICE_HOT, BOB, netuid), 0);
		let (vc2, vd2) = (value(ALICE_HOT, CHARLIE, netuid), value(ALICE_HOT, DAVE, netuid));
		assert!(vc2 >= vc && vc2 <= vc + 1);
		assert!(vd2 >= vd && vd2 <= vd + 1);
		// CHARLIE leaves part: the shares it burns are rounded up, again in favour of DAVE.
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, netuid, vc2 / 2));
		assert_eq!(value(ALICE_HOT, CHARLIE, netuid), vc2 - vc2 / 2);
		let vd3 = value(ALICE_HOT, DAVE, netuid);
		assert!(vd3 >= vd2 && vd3 <= vd2 + 1);
	});
}

/// Without any dividend, nominators' values are exactly the alpha they bought, and the hotkey's pool
/// holds exactly their sum; removing one leaves the other's value unchanged (default fee).
#[test]
fn nominators_values_are_exact_without_dividends() {
	with_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		neuron(BOB, netuid, BOB_HOT);
		let ab = stake(ALICE, BOB_HOT, netuid, 40 * TAO);
		let ac = stake(CHARLIE, BOB_HOT, netuid, 10 * TAO);
		// CHARLIE paid a quarter of ALICE's TAO after her buy raised the price, so got less than a
		// quarter of her alpha; each value is exactly the alpha bought.
		assert!(ac * 4 < ab);
		assert_eq!(value(BOB_HOT, ALICE, netuid), ab);
		assert_eq!(value(BOB_HOT, CHARLIE, netuid), ac);
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(ALICE), BOB_HOT, netuid, ab));
		assert_eq!(value(BOB_HOT, CHARLIE, netuid), ac);
		assert_eq!(HotkeyStake::<Test>::get(netuid, BOB_HOT).map(|p| p.alpha), Some(ac));
	});
}

/// Regression: a payout below the existential deposit to an empty account fails with a named pallet
/// error and changes nothing (it used to surface as the balances pallet's `BelowMinimum`).
#[test]
fn payout_below_existential_deposit_to_empty_account_is_named() {
	no_fee().build_and_execute(|| {
		let netuid = alice_subnet();
		grant_alpha(ALICE_HOT, EVE, netuid, 100);
		assert_eq!(free(EVE), 0);
		assert_noop!(
			Dtao::remove_stake(RuntimeOrigin::signed(EVE), ALICE_HOT, netuid, 100),
			Error::<Test>::PayoutBelowExistentialDeposit
		);
		assert_noop!(
			Dtao::unstake_all(RuntimeOrigin::signed(EVE), ALICE_HOT),
			Error::<Test>::PayoutBelowExistentialDeposit
		);
		// With an existential deposit of its own the account can take it.
		assert_ok!(<Balances as polkadot_sdk::frame_support::traits::fungible::Mutate<AccountId>>::mint_into(&EVE, ED));
		assert_ok!(Dtao::remove_stake(RuntimeOrigin::signed(EVE), ALICE_HOT, netuid, 100));
		assert_eq!(free(EVE), ED + 99);
	});
}

// ---------------------------------------------------------------------------------------------
// move_stake_limit / transfer_stake_limit

/// A ratio of 1 as a limit (10^9).
const RATIO_ONE: u64 = 1_000_000_000;

/// The quote request of a move of `amount` from (`coldkey`, hotkeys.0, netuids.0) to
/// (`to`, hotkeys.1, netuids.1).
fn move_request(
	coldkey: AccountId,
	to: AccountId,
	hotkeys: (AccountId, AccountId),
	netuids: (u16, u16),
	amount: u64,
	limit_price: Option<u64>,
	allow_partial: bool,
) -> crate::staking::MoveRequest<AccountId> {
	crate::staking::MoveRequest {
		origin_coldkey: coldkey,
		destination_coldkey: to,
		origin_hotkey: hotkeys.0,
		destination_hotkey: hotkeys.1,
		origin_netuid: netuids.0,
		destination_netuid: netuids.1,
		amount,
		limit: limit_price.map(|l| (l, allow_partial)),
	}
}

/// `move_stake_limit` between subnets keeps the ratio of `swap_stake_limit`: subnet 1 at price 1.21
/// into subnet 2 at 1, with the fee. The whole stake does not fit a limit of 1.1
/// (`SlippageTooHigh` without `allow_partial`); with it, the largest amount that keeps the ratio
/// moves to BOB's hotkey on subnet 2, exactly as the test's own search and the two legs say.
#[test]
fn move_stake_limit_partial_and_refused() {
	with_fee().build_and_execute(|| {
		let (one, two) = two_subnets();
		let alpha = stake(CHARLIE, ALICE_HOT, one, 100 * TAO);
		let (t1, a1, o1) = reserves(one);
		let (t2, a2) = (2 * LOCK, 2 * LOCK);
		let legs = |x: u64| {
			let s = sell(t1, a1, x, FEE);
			let b = buy(t2, a2, s.out, FEE);
			(s, b)
		};
		let limit = 1_100_000_000;
		let ok = |x: u64| {
			let (s, b) = legs(x);
			ratio_at_least((s.tao, s.alpha), (b.tao, b.alpha), limit)
		};
		let signed = RuntimeOrigin::signed;
		assert_noop!(
			Dtao::move_stake_limit(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, two, alpha, limit, false),
			Error::<Test>::SlippageTooHigh
		);
		let x = largest(alpha, ok);
		assert!(x > 0 && x < alpha && ok(x) && !ok(x + 1));
		let (s, b) = legs(x);
		// The quote is the call's own result, and changes nothing.
		let quote = |partial| Dtao::api_quote_move_stake(move_request(CHARLIE, CHARLIE, (ALICE_HOT, BOB_HOT), (one, two), alpha, Some(limit), partial));
		assert_eq!(quote(false), None);
		let q = quote(true).expect("a partial fill");
		assert_eq!((q.alpha_in, q.alpha_out, q.tao, q.fee), (x, b.out, s.out, s.fee + b.fee));
		let (charlie, account) = (free(CHARLIE), pot());
		assert_ok!(Dtao::move_stake_limit(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, two, alpha, limit, true));
		assert_eq!((free(CHARLIE), pot()), (charlie, account));
		assert_eq!(reserves(one), (s.tao, s.alpha, o1 - x));
		assert_eq!(reserves(two), (b.tao, b.alpha, b.out));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), alpha - x);
		assert_eq!(value(BOB_HOT, CHARLIE, two), b.out);
		assert_eq!(value(ALICE_HOT, CHARLIE, two), 0);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeMoved {
			coldkey: CHARLIE,
			origin_hotkey: ALICE_HOT,
			destination_hotkey: BOB_HOT,
			origin_netuid: one,
			destination_netuid: two,
			alpha_in: x,
			alpha_out: b.out,
			tao: s.out,
			fee: s.fee + b.fee,
		}));
		// The ratio is now below 1.3: nothing fits, even partly.
		assert_noop!(
			Dtao::move_stake_limit(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, two, alpha - x, 1_300_000_000, true),
			Error::<Test>::SlippageTooHigh
		);
		// A limit the whole amount meets moves it all, as `move_stake` would.
		let rest = alpha - x;
		let (t1, a1, _) = reserves(one);
		let (t2, a2, _) = reserves(two);
		let s = sell(t1, a1, rest, FEE);
		let b = buy(t2, a2, s.out, FEE);
		let before = value(BOB_HOT, CHARLIE, two);
		assert_ok!(Dtao::move_stake_limit(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, two, rest, 0, false));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), 0);
		assert_eq!(value(BOB_HOT, CHARLIE, two), before + b.out);
	});
}

/// Within one subnet nothing is traded and the ratio is exactly 1: a limit up to 10^9 moves the
/// whole amount with no fee and no pool change; above it, `SlippageTooHigh` with or without
/// `allow_partial`, and nothing changes.
#[test]
fn move_stake_limit_within_a_subnet() {
	with_fee().build_and_execute(|| {
		let one = alice_subnet();
		let alpha = stake(CHARLIE, ALICE_HOT, one, 10 * TAO);
		neuron(BOB, one, BOB_HOT);
		let signed = RuntimeOrigin::signed;
		for partial in [false, true] {
			assert_noop!(
				Dtao::move_stake_limit(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, one, alpha, RATIO_ONE + 1, partial),
				Error::<Test>::SlippageTooHigh
			);
		}
		let before = reserves(one);
		let part = alpha / 4;
		let quote = |limit| Dtao::api_quote_move_stake(move_request(CHARLIE, CHARLIE, (ALICE_HOT, BOB_HOT), (one, one), part, limit, false));
		assert_eq!(quote(Some(RATIO_ONE + 1)), None);
		let q = quote(Some(RATIO_ONE)).expect("within the limit");
		assert_eq!((q.alpha_in, q.alpha_out, q.tao, q.fee), (part, part, 0, 0));
		assert_eq!(quote(None), Some(q));
		assert_ok!(Dtao::move_stake_limit(signed(CHARLIE), ALICE_HOT, BOB_HOT, one, one, part, RATIO_ONE, false));
		assert_eq!(reserves(one), before);
		assert_eq!(value(ALICE_HOT, CHARLIE, one), alpha - part);
		assert_eq!(value(BOB_HOT, CHARLIE, one), part);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeMoved {
			coldkey: CHARLIE,
			origin_hotkey: ALICE_HOT,
			destination_hotkey: BOB_HOT,
			origin_netuid: one,
			destination_netuid: one,
			alpha_in: part,
			alpha_out: part,
			tao: 0,
			fee: 0,
		}));
		// The same hotkey and subnet is still no move at all.
		assert_noop!(
			Dtao::move_stake_limit(signed(CHARLIE), ALICE_HOT, ALICE_HOT, one, one, part, 0, true),
			Error::<Test>::SameSubnetAndHotkey
		);
	});
}

/// `transfer_stake_limit`: a small transfer to BOB on subnet 2 fits a limit of 1.0 whole; the rest
/// does not fit 1.1 (`SlippageTooHigh`), and with `allow_partial` the largest amount that keeps the
/// ratio goes to BOB, CHARLIE keeping the remainder on subnet 1.
#[test]
fn transfer_stake_limit_fits_partial_and_refused() {
	with_fee().build_and_execute(|| {
		let (one, two) = two_subnets();
		let alpha = stake(CHARLIE, ALICE_HOT, one, 100 * TAO);
		let signed = RuntimeOrigin::signed;
		let (t1, a1, o1) = reserves(one);
		let small = TAO;
		let s = sell(t1, a1, small, FEE);
		let b = buy(2 * LOCK, 2 * LOCK, s.out, FEE);
		assert!(ratio_at_least((s.tao, s.alpha), (b.tao, b.alpha), RATIO_ONE));
		assert_ok!(Dtao::transfer_stake_limit(signed(CHARLIE), BOB, ALICE_HOT, one, two, small, RATIO_ONE, false));
		assert_eq!(reserves(one), (s.tao, s.alpha, o1 - small));
		assert_eq!(reserves(two), (b.tao, b.alpha, b.out));
		assert_eq!(value(ALICE_HOT, BOB, two), b.out);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeTransferred {
			origin_coldkey: CHARLIE,
			destination_coldkey: BOB,
			hotkey: ALICE_HOT,
			origin_netuid: one,
			destination_netuid: two,
			alpha_in: small,
			alpha_out: b.out,
			tao: s.out,
			fee: s.fee + b.fee,
		}));

		let rest = alpha - small;
		let (t1, a1, o1) = reserves(one);
		let (t2, a2, o2) = reserves(two);
		let legs = |x: u64| {
			let s = sell(t1, a1, x, FEE);
			let b = buy(t2, a2, s.out, FEE);
			(s, b)
		};
		let limit = 1_100_000_000;
		let ok = |x: u64| {
			let (s, b) = legs(x);
			ratio_at_least((s.tao, s.alpha), (b.tao, b.alpha), limit)
		};
		assert_noop!(
			Dtao::transfer_stake_limit(signed(CHARLIE), BOB, ALICE_HOT, one, two, rest, limit, false),
			Error::<Test>::SlippageTooHigh
		);
		let x = largest(rest, ok);
		assert!(x > 0 && x < rest && ok(x) && !ok(x + 1));
		let (s, b) = legs(x);
		let q = Dtao::api_quote_move_stake(move_request(CHARLIE, BOB, (ALICE_HOT, ALICE_HOT), (one, two), rest, Some(limit), true)).expect("a partial fill");
		assert_eq!((q.alpha_in, q.alpha_out, q.tao, q.fee), (x, b.out, s.out, s.fee + b.fee));
		// Without a limit the quote is the whole amount's move.
		let (sw, bw) = legs(rest);
		let q = Dtao::api_quote_move_stake(move_request(CHARLIE, BOB, (ALICE_HOT, ALICE_HOT), (one, two), rest, None, false)).expect("the whole amount");
		assert_eq!((q.alpha_in, q.alpha_out, q.tao, q.fee), (rest, bw.out, sw.out, sw.fee + bw.fee));
		let bob_before = value(ALICE_HOT, BOB, two);
		let (charlie, bob, account) = (free(CHARLIE), free(BOB), pot());
		assert_ok!(Dtao::transfer_stake_limit(signed(CHARLIE), BOB, ALICE_HOT, one, two, rest, limit, true));
		assert_eq!((free(CHARLIE), free(BOB), pot()), (charlie, bob, account));
		assert_eq!(reserves(one), (s.tao, s.alpha, o1 - x));
		assert_eq!(reserves(two), (b.tao, b.alpha, o2 + b.out));
		assert_eq!(value(ALICE_HOT, CHARLIE, one), rest - x);
		assert_eq!(value(ALICE_HOT, BOB, two), bob_before + b.out);
		assert_eq!(value(ALICE_HOT, CHARLIE, two), 0);
		System::assert_last_event(RuntimeEvent::Dtao(DtaoEvent::StakeTransferred {
			origin_coldkey: CHARLIE,
			destination_coldkey: BOB,
			hotkey: ALICE_HOT,
			origin_netuid: one,
			destination_netuid: two,
			alpha_in: x,
			alpha_out: b.out,
			tao: s.out,
			fee: s.fee + b.fee,
		}));
	});
}
