//! Property tests of the dTAO arithmetic against docs/mechanism.md §3, §3.1, §4, §5.1 and §6.1.
//!
//! Every expected value here is recomputed independently of `src/`: swaps with plain `u128`
//! arithmetic, three-factor comparisons with a schoolbook 256-bit product over `u64` limbs, the
//! emission curve by counting the `j` of §6.1 one by one.
// Test code: plain arithmetic on values whose ranges the tests control, and `unwrap` on them.
#![allow(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing)]

use dtao_math::{
	block_emission, buy,
	limits::{price_at_least, price_at_most, swap_raw},
	lock_cost, max_buy_within_limit, max_sell_within_limit, max_swap_within_limit, mul_ppb_ceil, mul_ppb_floor, sell,
	spot_price, swap_ratio_ok, wide, Market, MathError, SharePool, SwapOutcome, SHARE_SCALE, SUPPLY_CAP, UNIT,
};
use proptest::prelude::*;

const BILLION: u128 = 1_000_000_000;

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

/// A pool reserve: mostly realistic (1..=2^60), sometimes tiny, sometimes anything.
fn reserve() -> impl Strategy<Value = u64> {
	prop_oneof![
		2 => any::<u64>(),
		5 => 1u64..=(1u64 << 60),
		2 => 1_000_000u64..=1_000_000_000_000_000,
		1 => 0u64..=1_000,
		1 => 0u64..=3,
	]
}

/// A swap amount.
fn amount() -> impl Strategy<Value = u64> {
	prop_oneof![
		2 => any::<u64>(),
		4 => 0u64..=(1u64 << 60),
		3 => 0u64..=1_000_000_000_000_000,
		1 => 0u64..=1_000,
	]
}

/// A fee in parts per billion (a `Perbill`, so at most 10^9).
fn fee_ppb() -> impl Strategy<Value = u32> {
	prop_oneof![
		3 => 0u32..=1_000_000_000,
		3 => 0u32..=10_000_000,
		1 => Just(0u32),
		1 => Just(500_000u32),
		1 => Just(1_000_000_000u32),
	]
}

/// The liquidity floor.
fn min_reserve() -> impl Strategy<Value = u64> {
	prop_oneof![
		2 => Just(0u64),
		2 => Just(1_000_000u64),
		3 => 0u64..=(1u64 << 40),
		1 => any::<u64>(),
	]
}

fn pool() -> impl Strategy<Value = Market> {
	(reserve(), reserve()).prop_map(|(tao, alpha)| Market::Pool { tao, alpha })
}

/// A pool, or (one time in five) the root subnet's stable market.
fn market() -> impl Strategy<Value = Market> {
	prop_oneof![4 => pool(), 1 => Just(Market::Stable)]
}

/// A price limit: arbitrary, or a random multiple (0..4x) of the market's current price, so that
/// the limit solvers have something to solve.
fn limit_for(m: Market, mode: u8, raw: u64, permille: u64) -> u64 {
	match mode % 3 {
		0 => raw,
		_ => {
			let p = u128::from(m.price());
			u64::try_from(p * u128::from(permille) / 1_000).unwrap_or(u64::MAX)
		},
	}
}

/// Issuance values: arbitrary, in range, and right at the halving boundaries of §6.1
/// (`I = S − floor(S / 2^j) + δ`).
fn issuance() -> impl Strategy<Value = u64> {
	prop_oneof![
		1 => any::<u64>(),
		3 => 0u64..=SUPPLY_CAP + 1_000,
		2 => (SUPPLY_CAP - (1u64 << 24))..=SUPPLY_CAP + 2,
		3 => (1u32..=60, -3i64..=3).prop_map(|(j, d)| {
			let b = SUPPLY_CAP - (SUPPLY_CAP >> j);
			b.saturating_add_signed(d)
		}),
	]
}

// ---------------------------------------------------------------------------------------------
// Independent models
// ---------------------------------------------------------------------------------------------

/// `ceil(x · ppb / 10^9)` in u128, with `ppb` a Perbill (clamped to 10^9).
fn fee_of(x: u64, ppb: u32) -> u64 {
	let ppb = u128::from(ppb).min(BILLION);
	u64::try_from((u128::from(x) * ppb).div_ceil(BILLION)).unwrap()
}

/// §3 buy on a pool, without the floor and zero-output checks: `(alpha_out, fee, T', A')`, or
/// `None` if `T + t` exceeds `u64::MAX`.
fn model_buy_state(t: u64, a: u64, tin: u64, ppb: u32) -> Option<(u64, u64, u64, u64)> {
	let fee = fee_of(tin, ppb);
	let net = u128::from(tin - fee);
	let new_t = u64::try_from(u128::from(t) + u128::from(tin)).ok()?;
	let denom = u128::from(t) + net;
	let out = (u128::from(a) * net).checked_div(denom).unwrap_or(0);
	let out = u64::try_from(out).unwrap();
	assert!(out <= a);
	Some((out, fee, new_t, a - out))
}

/// §3 sell on a pool, without the floor and zero-output checks: `(tao_out, fee, T', A')`, or `None`
/// if `A + a` exceeds `u64::MAX`.
fn model_sell_state(t: u64, a: u64, ain: u64, ppb: u32) -> Option<(u64, u64, u64, u64)> {
	let new_a = u64::try_from(u128::from(a) + u128::from(ain)).ok()?;
	let gross = if new_a == 0 { 0 } else { u128::from(t) * u128::from(ain) / u128::from(new_a) };
	let gross = u64::try_from(gross).unwrap();
	assert!(gross <= t);
	let fee = fee_of(gross, ppb);
	let out = gross - fee;
	Some((out, fee, t - out, new_a))
}

/// The whole of §3 buy, with the crate's documented errors.
fn model_buy(m: Market, tin: u64, ppb: u32, min: u64) -> Result<SwapOutcome, MathError> {
	match m {
		Market::Stable => {
			if tin == 0 {
				Err(MathError::ZeroOutput)
			} else {
				Ok(SwapOutcome { amount_in: tin, amount_out: tin, fee: 0, after: Market::Stable })
			}
		},
		Market::Pool { tao, alpha } => {
			let (out, fee, t2, a2) = model_buy_state(tao, alpha, tin, ppb).ok_or(MathError::Overflow)?;
			if out == 0 {
				return Err(if alpha == 0 { MathError::InsufficientLiquidity } else { MathError::ZeroOutput });
			}
			if a2 < min {
				return Err(MathError::InsufficientLiquidity);
			}
			Ok(SwapOutcome { amount_in: tin, amount_out: out, fee, after: Market::Pool { tao: t2, alpha: a2 } })
		},
	}
}

/// The whole of §3 sell, with the crate's documented errors.
fn model_sell(m: Market, ain: u64, ppb: u32, min: u64) -> Result<SwapOutcome, MathError> {
	match m {
		Market::Stable => {
			if ain == 0 {
				Err(MathError::ZeroOutput)
			} else {
				Ok(SwapOutcome { amount_in: ain, amount_out: ain, fee: 0, after: Market::Stable })
			}
		},
		Market::Pool { tao, alpha } => {
			let (out, fee, t2, a2) = model_sell_state(tao, alpha, ain, ppb).ok_or(MathError::Overflow)?;
			if out == 0 {
				return Err(if tao == 0 { MathError::InsufficientLiquidity } else { MathError::ZeroOutput });
			}
			if t2 < min {
				return Err(MathError::InsufficientLiquidity);
			}
			Ok(SwapOutcome { amount_in: ain, amount_out: out, fee, after: Market::Pool { tao: t2, alpha: a2 } })
		},
	}
}

/// A 256-bit number as four little-endian `u64` limbs.
type Limbs = [u64; 4];

/// Schoolbook `a · b` over 64-bit limbs (independent of `wide::mul`).
fn mul256(a: u128, b: u128) -> Limbs {
	let x = [a as u64, (a >> 64) as u64];
	let y = [b as u64, (b >> 64) as u64];
	let mut r = [0u64; 4];
	for i in 0..2 {
		let mut carry: u128 = 0;
		for j in 0..2 {
			let cur = u128::from(x[i]) * u128::from(y[j]) + u128::from(r[i + j]) + carry;
			r[i + j] = cur as u64;
			carry = cur >> 64;
		}
		r[i + 2] = carry as u64;
	}
	r
}

fn add256(a: Limbs, b: Limbs) -> Option<Limbs> {
	let mut r = [0u64; 4];
	let mut carry = 0u128;
	for i in 0..4 {
		let cur = u128::from(a[i]) + u128::from(b[i]) + carry;
		r[i] = cur as u64;
		carry = cur >> 64;
	}
	(carry == 0).then_some(r)
}

fn cmp256(a: Limbs, b: Limbs) -> core::cmp::Ordering {
	a.iter().rev().cmp(b.iter().rev())
}

fn from_u128(x: u128) -> Limbs {
	[x as u64, (x >> 64) as u64, 0, 0]
}

fn reserves_or_unit(m: Market) -> (u64, u64) {
	match m {
		Market::Stable => (UNIT, UNIT),
		Market::Pool { tao, alpha } => (tao, alpha),
	}
}

/// `p_o / p_d · 10^9 ≥ limit`, i.e. `T_o · A_d · 10^9 ≥ limit · A_o · T_d`, exactly.
fn model_ratio_ok(o: Market, d: Market, limit: u64) -> bool {
	let (to, ao) = reserves_or_unit(o);
	let (td, ad) = reserves_or_unit(d);
	let lhs = mul256(u128::from(to) * u128::from(ad), BILLION);
	let rhs = mul256(u128::from(limit) * u128::from(ao), u128::from(td));
	cmp256(lhs, rhs) != core::cmp::Ordering::Less
}

/// A cross-subnet swap (§4: sell on origin, buy on destination with the TAO received, each leg with
/// its fee), ignoring zero outputs; `None` if a leg breaks the floor or overflows.
fn model_swap_state(o: Market, d: Market, x: u64, ppb: u32, min: u64) -> Option<(Market, Market)> {
	let (tao, o2) = match o {
		Market::Stable => (x, Market::Stable),
		Market::Pool { tao, alpha } => {
			let (out, _, t, a) = model_sell_state(tao, alpha, x, ppb)?;
			if t < min {
				return None;
			}
			(out, Market::Pool { tao: t, alpha: a })
		},
	};
	let d2 = match d {
		Market::Stable => Market::Stable,
		Market::Pool { tao: td, alpha: ad } => {
			let (_, _, t, a) = model_buy_state(td, ad, tao, ppb)?;
			if a < min {
				return None;
			}
			Market::Pool { tao: t, alpha: a }
		},
	};
	Some((o2, d2))
}

/// `T'·10^9 ≤ limit·A'` and `A' ≥ min` after buying `x` (false on overflow).
fn model_buy_ok(t: u64, a: u64, x: u64, ppb: u32, min: u64, limit: u64) -> bool {
	match model_buy_state(t, a, x, ppb) {
		Some((_, _, t2, a2)) => a2 >= min && u128::from(t2) * BILLION <= u128::from(limit) * u128::from(a2),
		None => false,
	}
}

/// `T'·10^9 ≥ limit·A'` and `T' ≥ min` after selling `x` (false on overflow).
fn model_sell_ok(t: u64, a: u64, x: u64, ppb: u32, min: u64, limit: u64) -> bool {
	match model_sell_state(t, a, x, ppb) {
		Some((_, _, t2, a2)) => t2 >= min && u128::from(t2) * BILLION >= u128::from(limit) * u128::from(a2),
		None => false,
	}
}

/// §6.1 by the definition: `k` = number of `j` in `1..=64` with `I·2^j ≥ S·(2^j − 1)`.
fn model_emission(i: u64, base: u64) -> u64 {
	if i >= SUPPLY_CAP {
		return 0;
	}
	let s = u128::from(SUPPLY_CAP);
	let mut k = 0u32;
	for j in 1..=64u32 {
		let p = 1u128.checked_shl(j).unwrap();
		let lhs = u128::from(i).checked_mul(p);
		let rhs = s.checked_mul(p - 1);
		let holds = match (lhs, rhs) {
			(Some(l), Some(r)) => l >= r,
			(None, Some(_)) => true,
			(Some(_), None) => false,
			(None, None) => unreachable!("both sides overflow u128"),
		};
		if holds {
			k += 1;
		}
	}
	if k >= 64 {
		0
	} else {
		base >> k
	}
}

/// §5.1 by the definition, with saturating u64 operations.
fn model_lock_cost(last: u64, ever: bool, min: u64, interval: u64, blocks: u64) -> u64 {
	let doubled = if ever { last.saturating_add(last) } else { last };
	let decay = last.checked_div(interval).map_or(0, |q| q.saturating_mul(blocks));
	core::cmp::max(min, doubled.saturating_sub(decay))
}

fn product(m: Market) -> u128 {
	match m {
		Market::Pool { tao, alpha } => u128::from(tao) * u128::from(alpha),
		Market::Stable => panic!("not a pool"),
	}
}

fn pool_of(m: Market) -> (u64, u64) {
	match m {
		Market::Pool { tao, alpha } => (tao, alpha),
		Market::Stable => panic!("not a pool"),
	}
}

// ---------------------------------------------------------------------------------------------
// 1. No panic on arbitrary inputs (and basic sanity of what comes back)
// ---------------------------------------------------------------------------------------------

fn any_market() -> impl Strategy<Value = Market> {
	prop_oneof![
		4 => (any::<u64>(), any::<u64>()).prop_map(|(tao, alpha)| Market::Pool { tao, alpha }),
		1 => Just(Market::Stable),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	#[test]
	fn no_panic_swaps_and_limits(
		m in any_market(),
		d in any_market(),
		x in any::<u64>(),
		ppb in any::<u32>(),
		min in any::<u64>(),
		limit in any::<u64>(),
		t in any::<u64>(),
		a in any::<u64>(),
	) {
		let b = buy(m, x, ppb, min);
		let s = sell(m, x, ppb, min);
		if let Ok(o) = b {
			prop_assert_eq!(o.amount_in, x);
			prop_assert!(o.fee <= x);
		}
		if let Ok(o) = s {
			prop_assert_eq!(o.amount_in, x);
		}
		let _ = spot_price(t, a);
		let _ = m.price();
		prop_assert!(max_buy_within_limit(m, x, ppb, min, limit) <= x);
		prop_assert!(max_sell_within_limit(m, x, ppb, min, limit) <= x);
		prop_assert!(max_swap_within_limit(m, d, x, ppb, min, limit) <= x);
		let _ = swap_ratio_ok(m, d, limit);
		let _ = swap_raw(m, d, x, ppb, min);
		let _ = price_at_most(t, a, limit);
		let _ = price_at_least(t, a, limit);
		prop_assert!(mul_ppb_ceil(x, ppb) <= x);
		prop_assert!(mul_ppb_floor(x, ppb) <= x);
	}

	#[test]
	fn no_panic_emission_lock_wide(
		i in any::<u64>(),
		base in any::<u64>(),
		last in any::<u64>(),
		ever in any::<bool>(),
		min in any::<u64>(),
		interval in any::<u64>(),
		blocks in any::<u64>(),
		a in any::<u128>(),
		b in any::<u128>(),
		c in any::<u128>(),
	) {
		prop_assert!(block_emission(i, base) <= base);
		prop_assert!(lock_cost(last, ever, min, interval, blocks) >= min);
		let f = wide::mul_div_floor(a, b, c);
		let g = wide::mul_div_ceil(a, b, c);
		if c == 0 {
			prop_assert_eq!(f, None);
			prop_assert_eq!(g, None);
		}
		let _ = wide::mul(a, b);
	}

	#[test]
	fn no_panic_share_pool_arbitrary_state(
		alpha in any::<u64>(),
		shares in prop_oneof![any::<u128>(), (0u128..=1u128 << 100)],
		holder in any::<u128>(),
		x in any::<u64>(),
	) {
		let p0 = SharePool { alpha, shares };
		prop_assert!(p0.value(holder) <= alpha);

		let mut p = p0;
		if p.deposit(x).is_err() {
			prop_assert_eq!(p, p0, "a failed deposit changed the pool");
		}
		let mut p = p0;
		if p.credit(x).is_err() {
			prop_assert_eq!(p, p0, "a failed credit changed the pool");
		}
		let mut p = p0;
		let value = p0.value(holder);
		match p.withdraw(holder, x) {
			Ok((burned, removed)) => {
				prop_assert!(x <= value);
				prop_assert!(burned <= holder.min(shares));
				prop_assert!(removed <= alpha);
				prop_assert_eq!(p.alpha, alpha - removed);
				prop_assert_eq!(p.shares, shares - burned);
			},
			Err(e) => {
				prop_assert_eq!(p, p0, "a failed withdrawal changed the pool");
				if x > value {
					prop_assert_eq!(e, MathError::NotEnoughStake);
				}
			},
		}
	}
}

// ---------------------------------------------------------------------------------------------
// 2–5. Swaps: product, fee in the pool, round trip, quote = execution = §3, liquidity floor
// ---------------------------------------------------------------------------------------------

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	/// Property 2: `T·A` never decreases on a user swap; the fee stays in the pool.
	#[test]
	fn swap_keeps_product_and_fee_in_pool(
		m in pool(),
		x in amount(),
		ppb in prop_oneof![fee_ppb(), any::<u32>()],
		min in min_reserve(),
	) {
		let (t, a) = pool_of(m);
		if let Ok(o) = buy(m, x, ppb, min) {
			let (t2, a2) = pool_of(o.after);
			prop_assert!(product(o.after) >= product(m), "buy lowered T·A: {:?} -> {:?}", m, o.after);
			prop_assert_eq!(u128::from(t2), u128::from(t) + u128::from(x), "buy: T' != T + tao_in");
			prop_assert_eq!(a2, a - o.amount_out);
			prop_assert!(o.amount_out > 0);
		}
		if let Ok(o) = sell(m, x, ppb, min) {
			let (t2, a2) = pool_of(o.after);
			prop_assert!(product(o.after) >= product(m), "sell lowered T·A: {:?} -> {:?}", m, o.after);
			prop_assert_eq!(t2, t - o.amount_out, "sell: T' != T - amount_out");
			prop_assert_eq!(u128::from(a2), u128::from(a) + u128::from(x), "sell: A' != A + alpha_in");
			prop_assert!(o.amount_out > 0);
		}
	}

	/// Property 3: buy, then sell the alpha received: at most the TAO paid comes back.
	#[test]
	fn buy_then_sell_never_profits(
		m in market(),
		x in amount(),
		ppb in prop_oneof![fee_ppb(), Just(0u32)],
		min in prop_oneof![Just(0u64), min_reserve()],
	) {
		if let Ok(b) = buy(m, x, ppb, min) {
			if let Ok(s) = sell(b.after, b.amount_out, ppb, min) {
				prop_assert!(s.amount_out <= x, "round trip paid {} for {} in ({:?}, fee {})", s.amount_out, x, m, ppb);
				if let Market::Pool { .. } = m {
					// The pool ends with at least its starting TAO and exactly its starting alpha.
					let (t0, a0) = pool_of(m);
					let (t2, a2) = pool_of(s.after);
					prop_assert_eq!(a2, a0);
					prop_assert!(t2 >= t0);
				}
			}
		}
	}

	/// Property 4: a quote equals execution, and both equal §3 recomputed in u128.
	#[test]
	fn swaps_match_mechanism_formulas(
		m in market(),
		x in amount(),
		ppb in fee_ppb(),
		min in min_reserve(),
	) {
		let b1 = buy(m, x, ppb, min);
		let b2 = buy(m, x, ppb, min);
		prop_assert_eq!(b1, b2);
		prop_assert_eq!(b1, model_buy(m, x, ppb, min), "buy {:?} x={} fee={} min={}", m, x, ppb, min);
		let s1 = sell(m, x, ppb, min);
		let s2 = sell(m, x, ppb, min);
		prop_assert_eq!(s1, s2);
		prop_assert_eq!(s1, model_sell(m, x, ppb, min), "sell {:?} x={} fee={} min={}", m, x, ppb, min);
		if let Ok(o) = b1 {
			if matches!(m, Market::Stable) {
				prop_assert_eq!((o.amount_out, o.fee), (x, 0));
			} else {
				prop_assert_eq!(o.fee, fee_of(x, ppb));
			}
		}
		if let Ok(o) = s1 {
			if matches!(m, Market::Stable) {
				prop_assert_eq!((o.amount_out, o.fee), (x, 0));
			}
		}
	}

	/// Property 5: Ok never leaves the paid-out reserve below the floor; a swap that pays out and
	/// would go below it fails with `InsufficientLiquidity`.
	#[test]
	fn liquidity_floor(
		m in pool(),
		x in amount(),
		ppb in fee_ppb(),
		min in min_reserve(),
	) {
		let (t, a) = pool_of(m);
		match buy(m, x, ppb, min) {
			Ok(o) => prop_assert!(pool_of(o.after).1 >= min),
			Err(e) => {
				if let Some((out, _, _, a2)) = model_buy_state(t, a, x, ppb) {
					if out > 0 && a2 < min {
						prop_assert_eq!(e, MathError::InsufficientLiquidity);
					}
				}
			},
		}
		if let Some((out, _, _, a2)) = model_buy_state(t, a, x, ppb) {
			if out > 0 && a2 < min {
				prop_assert_eq!(buy(m, x, ppb, min), Err(MathError::InsufficientLiquidity));
			}
		}
		match sell(m, x, ppb, min) {
			Ok(o) => prop_assert!(pool_of(o.after).0 >= min),
			Err(e) => {
				if let Some((out, _, t2, _)) = model_sell_state(t, a, x, ppb) {
					if out > 0 && t2 < min {
						prop_assert_eq!(e, MathError::InsufficientLiquidity);
					}
				}
			},
		}
	}

	/// Property 5 with the floor placed right around the post-trade reserve.
	#[test]
	fn liquidity_floor_at_the_edge(
		m in pool(),
		x in amount(),
		ppb in fee_ppb(),
		delta in -2i64..=2,
	) {
		let (t, a) = pool_of(m);
		if let Some((out, _, _, a2)) = model_buy_state(t, a, x, ppb) {
			if out > 0 {
				let min = a2.saturating_add_signed(delta);
				let r = buy(m, x, ppb, min);
				if a2 >= min {
					prop_assert!(r.is_ok(), "buy refused at floor {} with A' = {}: {:?}", min, a2, r);
				} else {
					prop_assert_eq!(r, Err(MathError::InsufficientLiquidity));
				}
			}
		}
		if let Some((out, _, t2, _)) = model_sell_state(t, a, x, ppb) {
			if out > 0 {
				let min = t2.saturating_add_signed(delta);
				let r = sell(m, x, ppb, min);
				if t2 >= min {
					prop_assert!(r.is_ok(), "sell refused at floor {} with T' = {}: {:?}", min, t2, r);
				} else {
					prop_assert_eq!(r, Err(MathError::InsufficientLiquidity));
				}
			}
		}
	}
}

/// Properties 2, 4 and 5 exhaustively on tiny pools, where empty reserves and rounding to zero
/// decide the outcome.
#[test]
fn tiny_pools_exhaustively() {
	for tao in 0u64..=5 {
		for alpha in 0u64..=5 {
			let m = Market::Pool { tao, alpha };
			for x in 0u64..=20 {
				for ppb in [0u32, 1, 300_000_000, 500_000_000, 1_000_000_000] {
					for min in 0u64..=6 {
						let b = buy(m, x, ppb, min);
						assert_eq!(b, model_buy(m, x, ppb, min), "buy {m:?} x={x} fee={ppb} min={min}");
						if let Ok(o) = b {
							assert!(o.amount_out > 0 && pool_of(o.after).1 >= min);
							assert!(product(o.after) >= product(m));
						}
						let s = sell(m, x, ppb, min);
						assert_eq!(s, model_sell(m, x, ppb, min), "sell {m:?} x={x} fee={ppb} min={min}");
						if let Ok(o) = s {
							assert!(o.amount_out > 0 && pool_of(o.after).0 >= min);
							assert!(product(o.after) >= product(m));
						}
					}
				}
			}
		}
	}
}

// ---------------------------------------------------------------------------------------------
// 6. Price-limit solvers (§3.1)
// ---------------------------------------------------------------------------------------------

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	#[test]
	fn max_buy_is_the_largest_within_limit(
		m in pool(),
		max_in in amount(),
		ppb in fee_ppb(),
		min in min_reserve(),
		mode in any::<u8>(),
		raw in any::<u64>(),
		permille in 0u64..=4_000,
	) {
		let (t, a) = pool_of(m);
		let limit = limit_for(m, mode, raw, permille);
		let x = max_buy_within_limit(m, max_in, ppb, min, limit);
		prop_assert!(x <= max_in);
		if x > 0 {
			prop_assert!(model_buy_ok(t, a, x, ppb, min, limit), "x = {} breaks the limit or floor", x);
			if let Ok(o) = buy(m, x, ppb, min) {
				let (t2, a2) = pool_of(o.after);
				prop_assert!(u128::from(t2) * BILLION <= u128::from(limit) * u128::from(a2));
				prop_assert!(a2 >= min);
			}
		}
		if x < max_in {
			prop_assert!(!model_buy_ok(t, a, x + 1, ppb, min, limit), "x + 1 = {} also fits (limit {})", x + 1, limit);
		}
	}

	#[test]
	fn max_sell_is_the_largest_within_limit(
		m in pool(),
		max_in in amount(),
		ppb in fee_ppb(),
		min in min_reserve(),
		mode in any::<u8>(),
		raw in any::<u64>(),
		permille in 0u64..=2_000,
	) {
		let (t, a) = pool_of(m);
		let limit = limit_for(m, mode, raw, permille);
		let x = max_sell_within_limit(m, max_in, ppb, min, limit);
		prop_assert!(x <= max_in);
		if x > 0 {
			prop_assert!(model_sell_ok(t, a, x, ppb, min, limit), "x = {} breaks the limit or floor", x);
			if let Ok(o) = sell(m, x, ppb, min) {
				let (t2, a2) = pool_of(o.after);
				prop_assert!(u128::from(t2) * BILLION >= u128::from(limit) * u128::from(a2));
				prop_assert!(t2 >= min);
			}
		}
		if x < max_in {
			prop_assert!(!model_sell_ok(t, a, x + 1, ppb, min, limit), "x + 1 = {} also fits (limit {})", x + 1, limit);
		}
	}

	#[test]
	fn limits_on_the_stable_market(
		max_in in amount(),
		ppb in fee_ppb(),
		min in min_reserve(),
		limit in prop_oneof![any::<u64>(), (UNIT - 2)..=(UNIT + 2)],
	) {
		let expect_buy = if UNIT <= limit { max_in } else { 0 };
		let expect_sell = if UNIT >= limit { max_in } else { 0 };
		prop_assert_eq!(max_buy_within_limit(Market::Stable, max_in, ppb, min, limit), expect_buy);
		prop_assert_eq!(max_sell_within_limit(Market::Stable, max_in, ppb, min, limit), expect_sell);
	}

	#[test]
	fn max_swap_is_the_largest_within_limit(
		o in market(),
		d in market(),
		max_in in amount(),
		ppb in fee_ppb(),
		min in min_reserve(),
		mode in any::<u8>(),
		raw in any::<u64>(),
		permille in 0u64..=2_000,
	) {
		// Limits relative to the current ratio p_o / p_d · 10^9.
		let (to, ao) = reserves_or_unit(o);
		let (td, ad) = reserves_or_unit(d);
		let ratio = wide::mul_div_floor(u128::from(to) * u128::from(ad), BILLION, u128::from(ao) * u128::from(td))
			.map(|r| u64::try_from(r).unwrap_or(u64::MAX))
			.unwrap_or(u64::MAX);
		let limit = match mode % 3 {
			0 => raw,
			_ => u64::try_from(u128::from(ratio) * u128::from(permille) / 1_000).unwrap_or(u64::MAX),
		};
		let ok = |x: u64| match model_swap_state(o, d, x, ppb, min) {
			Some((o2, d2)) => model_ratio_ok(o2, d2, limit),
			None => false,
		};
		let x = max_swap_within_limit(o, d, max_in, ppb, min, limit);
		prop_assert!(x <= max_in);
		// The crate's swap_raw is the same two legs as §4.
		prop_assert_eq!(swap_raw(o, d, x, ppb, min), model_swap_state(o, d, x, ppb, min));
		if x > 0 {
			prop_assert!(ok(x), "x = {} breaks the ratio or a floor", x);
			let (o2, d2) = swap_raw(o, d, x, ppb, min).unwrap();
			prop_assert!(swap_ratio_ok(o2, d2, limit));
		}
		if x < max_in {
			prop_assert_eq!(swap_raw(o, d, x + 1, ppb, min), model_swap_state(o, d, x + 1, ppb, min));
			prop_assert!(!ok(x + 1), "x + 1 = {} also fits (limit {})", x + 1, limit);
			if let Some((o2, d2)) = swap_raw(o, d, x + 1, ppb, min) {
				prop_assert!(!swap_ratio_ok(o2, d2, limit));
			}
		}
	}

	/// The crate's ratio check against the independent 256-bit one.
	#[test]
	fn swap_ratio_ok_is_exact(o in any_market(), d in any_market(), limit in any::<u64>(), near in -3i64..=3) {
		prop_assert_eq!(swap_ratio_ok(o, d, limit), model_ratio_ok(o, d, limit));
		// And right at the current ratio, where rounding matters.
		let (to, ao) = reserves_or_unit(o);
		let (td, ad) = reserves_or_unit(d);
		if let Some(r) = wide::mul_div_floor(u128::from(to) * u128::from(ad), BILLION, u128::from(ao) * u128::from(td)) {
			if let Ok(r) = u64::try_from(r) {
				let l = r.saturating_add_signed(near);
				prop_assert_eq!(swap_ratio_ok(o, d, l), model_ratio_ok(o, d, l));
			}
		}
	}
}

// ---------------------------------------------------------------------------------------------
// 7. Emission curve (§6.1)
// ---------------------------------------------------------------------------------------------

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	#[test]
	fn emission_matches_definition(
		i in issuance(),
		j in issuance(),
		base in prop_oneof![any::<u64>(), 0u64..=10_000_000_000, Just(UNIT)],
	) {
		let (lo, hi) = if i <= j { (i, j) } else { (j, i) };
		let (e_lo, e_hi) = (block_emission(lo, base), block_emission(hi, base));
		prop_assert!(e_hi <= e_lo, "E({}) = {} > E({}) = {}", hi, e_hi, lo, e_lo);
		prop_assert!(e_lo <= base);
		prop_assert_eq!(e_lo, model_emission(lo, base), "E({}) with base {}", lo, base);
		prop_assert_eq!(e_hi, model_emission(hi, base), "E({}) with base {}", hi, base);
		if hi >= SUPPLY_CAP {
			prop_assert_eq!(e_hi, 0);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// 8. Lock cost (§5.1)
// ---------------------------------------------------------------------------------------------

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	#[test]
	fn lock_cost_matches_definition(
		last in prop_oneof![any::<u64>(), 0u64..=10_000_000_000_000],
		ever in any::<bool>(),
		min in prop_oneof![any::<u64>(), 0u64..=10_000_000_000],
		interval in prop_oneof![any::<u64>(), 0u64..=1_000_000, Just(0u64)],
		b1 in prop_oneof![any::<u64>(), 0u64..=1_000_000],
		b2 in prop_oneof![any::<u64>(), 0u64..=1_000_000],
	) {
		let (lo, hi) = if b1 <= b2 { (b1, b2) } else { (b2, b1) };
		let c_lo = lock_cost(last, ever, min, interval, lo);
		let c_hi = lock_cost(last, ever, min, interval, hi);
		prop_assert_eq!(c_lo, model_lock_cost(last, ever, min, interval, lo));
		prop_assert_eq!(c_hi, model_lock_cost(last, ever, min, interval, hi));
		prop_assert!(c_hi <= c_lo, "cost rose from {} to {} as blocks went {} -> {}", c_lo, c_hi, lo, hi);
		prop_assert!(c_lo >= min && c_hi >= min);
	}
}

// ---------------------------------------------------------------------------------------------
// 9. Share pool (§4)
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Op {
	Deposit(usize, u64),
	Credit(u64),
	/// Withdraw `permille / 1000` of the holder's value.
	WithdrawPart(usize, u64),
	WithdrawAll(usize),
	/// Withdraw all but `k` of the holder's value (with a large `H / S`, this can burn every share).
	WithdrawAllBut(usize, u64),
	/// Withdraw more than the holder's value.
	WithdrawTooMuch(usize, u64),
	/// Withdraw an arbitrary amount.
	WithdrawRaw(usize, u64),
}

fn pool_amount() -> impl Strategy<Value = u64> {
	prop_oneof![
		3 => 0u64..=1_000,
		4 => 0u64..=1_000_000_000_000,
		2 => 0u64..=(1u64 << 60),
		1 => any::<u64>(),
	]
}

fn op() -> impl Strategy<Value = Op> {
	let h = 0usize..5;
	prop_oneof![
		4 => (h.clone(), pool_amount()).prop_map(|(h, a)| Op::Deposit(h, a)),
		2 => pool_amount().prop_map(Op::Credit),
		3 => (h.clone(), 0u64..=1_000).prop_map(|(h, p)| Op::WithdrawPart(h, p)),
		1 => h.clone().prop_map(Op::WithdrawAll),
		1 => (h.clone(), 1u64..=3).prop_map(|(h, k)| Op::WithdrawAllBut(h, k)),
		1 => (h.clone(), 1u64..=1_000_000).prop_map(|(h, e)| Op::WithdrawTooMuch(h, e)),
		1 => (h, pool_amount()).prop_map(|(h, a)| Op::WithdrawRaw(h, a)),
	]
}

fn values(p: &SharePool, holders: &[u128; 5]) -> [u64; 5] {
	let mut v = [0u64; 5];
	for (i, s) in holders.iter().enumerate() {
		v[i] = p.value(*s);
	}
	v
}

fn check_totals(p: &SharePool, holders: &[u128; 5]) -> Result<(), TestCaseError> {
	prop_assert_eq!(holders.iter().sum::<u128>(), p.shares, "holders' shares do not add up to S");
	let v = values(p, holders);
	let sum: u128 = v.iter().map(|x| u128::from(*x)).sum();
	let with_shares = holders.iter().filter(|s| **s > 0).count() as u128;
	prop_assert!(sum <= u128::from(p.alpha), "values {} exceed H = {}", sum, p.alpha);
	prop_assert!(
		sum + with_shares >= u128::from(p.alpha),
		"values {} below H = {} minus {} holders",
		sum,
		p.alpha,
		with_shares
	);
	if p.shares == 0 {
		prop_assert_eq!(p.alpha, 0, "alpha left in a pool with no shares");
	}
	if p.shares > 0 {
		prop_assert!(p.alpha > 0, "shares left in a pool with no alpha");
	}
	Ok(())
}

fn others_not_lower(before: &[u64; 5], after: &[u64; 5], me: Option<usize>, what: &str) -> Result<(), TestCaseError> {
	for i in 0..5 {
		if Some(i) != me {
			prop_assert!(after[i] >= before[i], "{} lowered holder {}'s value: {} -> {}", what, i, before[i], after[i]);
		}
	}
	Ok(())
}

fn withdraw_step(p: &mut SharePool, holders: &mut [u128; 5], h: usize, amount: u64) -> Result<(), TestCaseError> {
	let before_pool = *p;
	let before = values(p, holders);
	let value = before[h];
	match p.withdraw(holders[h], amount) {
		Ok((burned, removed)) => {
			prop_assert!(amount <= value);
			prop_assert!(burned <= holders[h]);
			holders[h] -= burned;
			prop_assert_eq!(p.shares, before_pool.shares - burned);
			prop_assert_eq!(p.alpha, before_pool.alpha - removed);
			if p.shares == 0 {
				prop_assert_eq!(removed, before_pool.alpha, "last holder must take the whole H");
			} else {
				prop_assert_eq!(removed, amount);
			}
			if amount == value {
				prop_assert_eq!(holders[h], 0, "withdrawing the whole value must burn every share");
			}
			let after = values(p, holders);
			// Rounding favours the pool: the holder loses at least what they took out.
			prop_assert!(after[h] <= value - amount, "holder kept {} after taking {} of {}", after[h], amount, value);
			others_not_lower(&before, &after, Some(h), "a withdrawal")?;
		},
		Err(e) => {
			prop_assert_eq!(*p, before_pool, "a failed withdrawal changed the pool");
			if amount > value {
				prop_assert_eq!(e, MathError::NotEnoughStake);
			} else {
				return Err(TestCaseError::fail(format!("withdraw of {amount} <= value {value} failed: {e:?}")));
			}
		},
	}
	Ok(())
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]

	#[test]
	fn share_pool_sequences(ops in proptest::collection::vec(op(), 1..40)) {
		let mut p = SharePool::default();
		let mut holders = [0u128; 5];
		for op in ops {
			match op {
				Op::Deposit(h, a) => {
					let before_pool = p;
					let before = values(&p, &holders);
					match p.deposit(a) {
						Ok(minted) => {
							prop_assert!(minted > 0);
							if before_pool.shares == 0 {
								prop_assert_eq!(minted, u128::from(a) * SHARE_SCALE);
							} else {
								// floor(a · S / H)
								let exact = mul256(u128::from(a), before_pool.shares);
								let lo = mul256(minted, u128::from(before_pool.alpha));
								let hi = add256(lo, from_u128(u128::from(before_pool.alpha))).unwrap();
								prop_assert!(cmp256(lo, exact) != core::cmp::Ordering::Greater);
								prop_assert!(cmp256(hi, exact) == core::cmp::Ordering::Greater);
							}
							holders[h] += minted;
							prop_assert_eq!(u128::from(p.alpha), u128::from(before_pool.alpha) + u128::from(a));
							prop_assert_eq!(p.shares, before_pool.shares + minted);
							// The new shares are worth no more than what was paid in.
							prop_assert!(p.value(minted) <= a);
							let after = values(&p, &holders);
							others_not_lower(&before, &after, Some(h), "a deposit")?;
						},
						Err(_) => prop_assert_eq!(p, before_pool, "a failed deposit changed the pool"),
					}
				},
				Op::Credit(a) => {
					let before_pool = p;
					let before = values(&p, &holders);
					match p.credit(a) {
						Ok(()) => {
							prop_assert_eq!(p.shares, before_pool.shares);
							prop_assert_eq!(u128::from(p.alpha), u128::from(before_pool.alpha) + u128::from(a));
							let after = values(&p, &holders);
							others_not_lower(&before, &after, None, "a credit")?;
						},
						Err(_) => prop_assert_eq!(p, before_pool, "a failed credit changed the pool"),
					}
				},
				Op::WithdrawPart(h, permille) => {
					let v = p.value(holders[h]);
					let amount = u64::try_from(u128::from(v) * u128::from(permille) / 1_000).unwrap();
					withdraw_step(&mut p, &mut holders, h, amount)?;
				},
				Op::WithdrawAll(h) => {
					let v = p.value(holders[h]);
					withdraw_step(&mut p, &mut holders, h, v)?;
				},
				Op::WithdrawAllBut(h, k) => {
					let v = p.value(holders[h]);
					withdraw_step(&mut p, &mut holders, h, v.saturating_sub(k))?;
				},
				Op::WithdrawTooMuch(h, extra) => {
					let v = p.value(holders[h]);
					let amount = v.saturating_add(extra);
					if amount > v {
						let before_pool = p;
						prop_assert_eq!(p.withdraw(holders[h], amount), Err(MathError::NotEnoughStake));
						prop_assert_eq!(p, before_pool);
					}
				},
				Op::WithdrawRaw(h, a) => withdraw_step(&mut p, &mut holders, h, a)?,
			}
			check_totals(&p, &holders)?;
		}
	}
}

// ---------------------------------------------------------------------------------------------
// 10. Wide arithmetic
// ---------------------------------------------------------------------------------------------

fn wide_operand() -> impl Strategy<Value = u128> {
	prop_oneof![
		3 => any::<u128>(),
		2 => any::<u64>().prop_map(u128::from),
		1 => 0u128..=1_000_000,
		1 => Just(u128::MAX),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	#[test]
	fn wide_agrees_with_u128_and_schoolbook(a in wide_operand(), b in wide_operand(), c in wide_operand(), shift in 0u32..128) {
		// wide::mul against the schoolbook product.
		let w = wide::mul(a, b);
		let s = mul256(a, b);
		prop_assert_eq!((w.hi, w.lo), ((u128::from(s[3]) << 64) | u128::from(s[2]), (u128::from(s[1]) << 64) | u128::from(s[0])));

		// Try both the given divisor and one that keeps the quotient in range.
		for c in [c, (a >> shift).max(1), c | 1] {
			let f = wide::mul_div_floor(a, b, c);
			let g = wide::mul_div_ceil(a, b, c);
			if let Some(ab) = a.checked_mul(b) {
				// None exactly when c = 0.
				prop_assert_eq!(f, ab.checked_div(c));
				prop_assert_eq!(g, ab.checked_div(c).map(|_| ab.div_ceil(c)));
			}
			let prod = mul256(a, b);
			match f {
				Some(q) => {
					// q·c ≤ a·b < q·c + c
					let qc = mul256(q, c);
					prop_assert!(cmp256(qc, prod) != core::cmp::Ordering::Greater);
					let next = add256(qc, from_u128(c)).unwrap();
					prop_assert!(cmp256(next, prod) == core::cmp::Ordering::Greater);
					match g {
						Some(r) => {
							prop_assert!(r == q || Some(r) == q.checked_add(1));
							let exact = cmp256(qc, prod) == core::cmp::Ordering::Equal;
							prop_assert_eq!(Some(r), if exact { Some(q) } else { q.checked_add(1) });
						},
						None => prop_assert!(q == u128::MAX && cmp256(qc, prod) != core::cmp::Ordering::Equal),
					}
				},
				None => {
					// Only for c = 0 or a quotient ≥ 2^128, i.e. the high half of a·b ≥ c.
					let hi = (u128::from(prod[3]) << 64) | u128::from(prod[2]);
					prop_assert!(c == 0 || hi >= c, "mul_div_floor({}, {}, {}) gave None", a, b, c);
					prop_assert_eq!(g, None);
				},
			}
		}
	}

	#[test]
	fn ppb_helpers(x in any::<u64>(), ppb in prop_oneof![0u32..=1_000_000_000, any::<u32>()]) {
		let p = u128::from(ppb).min(BILLION);
		let c = mul_ppb_ceil(x, ppb);
		let f = mul_ppb_floor(x, ppb);
		prop_assert_eq!(u128::from(c), (u128::from(x) * p).div_ceil(BILLION));
		prop_assert_eq!(u128::from(f), u128::from(x) * p / BILLION);
		prop_assert!(f <= c && u128::from(c) <= u128::from(f) + 1 && c <= x);
	}
}
