//! Price limits (docs/mechanism.md §3.1): the largest amount whose post-trade price respects a limit.
//!
//! Each predicate below is monotone in the amount (a larger buy never lowers the post-trade price, a
//! larger sell never raises it), so the largest amount that satisfies it is found exactly by binary
//! search over `0..=max_in`. The predicates ignore whether the swap pays anything (a swap too small to
//! pay out is checked by the caller), but do include the liquidity floor, which is monotone too.

use crate::{
	swap::{buy_raw, sell_raw, Market},
	wide, UNIT,
};

/// Post-trade price `T'/A'` is at most `limit` (rao per alpha): `T' · 10^9 ≤ limit · A'`.
pub fn price_at_most(tao: u64, alpha: u64, limit: u64) -> bool {
	u128::from(tao).saturating_mul(u128::from(UNIT)) <= u128::from(limit).saturating_mul(u128::from(alpha))
}

/// Post-trade price `T'/A'` is at least `limit`: `T' · 10^9 ≥ limit · A'`.
pub fn price_at_least(tao: u64, alpha: u64, limit: u64) -> bool {
	u128::from(tao).saturating_mul(u128::from(UNIT)) >= u128::from(limit).saturating_mul(u128::from(alpha))
}

/// The ratio of two prices `p_o / p_d`, scaled by 10^9, is at least `limit`:
/// `T_o · A_d · 10^9 ≥ limit · A_o · T_d`, computed exactly in 256 bits.
pub fn swap_ratio_ok(origin: Market, destination: Market, limit: u64) -> bool {
	let (to, ao) = reserves_or_unit(origin);
	let (td, ad) = reserves_or_unit(destination);
	let lhs = wide::mul(u128::from(to).saturating_mul(u128::from(ad)), u128::from(UNIT));
	let rhs = wide::mul(u128::from(limit).saturating_mul(u128::from(ao)), u128::from(td));
	lhs >= rhs
}

fn reserves_or_unit(m: Market) -> (u64, u64) {
	match m {
		Market::Stable => (UNIT, UNIT),
		Market::Pool { tao, alpha } => (tao, alpha),
	}
}

/// The largest `x` in `0..=max` with `pred(x)`, for a predicate that holds on `0..=k` and fails
/// above `k`. Returns 0 when only `x = 0` (or nothing) satisfies it.
fn largest_satisfying(max: u64, pred: impl Fn(u64) -> bool) -> u64 {
	if pred(max) {
		return max;
	}
	// Invariant: pred(lo) holds (or lo = 0), pred(hi) fails.
	let (mut lo, mut hi) = (0u64, max);
	while hi.saturating_sub(lo) > 1 {
		let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
		if pred(mid) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	lo
}

fn buy_ok(market: Market, x: u64, fee_ppb: u32, min_reserve: u64, limit: u64) -> bool {
	match market {
		Market::Stable => UNIT <= limit,
		Market::Pool { tao, alpha } => match buy_raw(tao, alpha, x, fee_ppb) {
			Some((_, _, t, a)) => a >= min_reserve && price_at_most(t, a, limit),
			None => false,
		},
	}
}

fn sell_ok(market: Market, x: u64, fee_ppb: u32, min_reserve: u64, limit: u64) -> bool {
	match market {
		Market::Stable => UNIT >= limit,
		Market::Pool { tao, alpha } => match sell_raw(tao, alpha, x, fee_ppb) {
			Some((_, _, t, a)) => t >= min_reserve && price_at_least(t, a, limit),
			None => false,
		},
	}
}

/// The largest TAO amount `≤ max_in` whose buy keeps the post-trade price `≤ limit` and the alpha
/// reserve at or above the floor.
pub fn max_buy_within_limit(market: Market, max_in: u64, fee_ppb: u32, min_reserve: u64, limit: u64) -> u64 {
	if !buy_ok(market, 0, fee_ppb, min_reserve, limit) {
		return 0;
	}
	largest_satisfying(max_in, |x| buy_ok(market, x, fee_ppb, min_reserve, limit))
}

/// The largest alpha amount `≤ max_in` whose sale keeps the post-trade price `≥ limit` and the TAO
/// reserve at or above the floor.
pub fn max_sell_within_limit(market: Market, max_in: u64, fee_ppb: u32, min_reserve: u64, limit: u64) -> u64 {
	if !sell_ok(market, 0, fee_ppb, min_reserve, limit) {
		return 0;
	}
	largest_satisfying(max_in, |x| sell_ok(market, x, fee_ppb, min_reserve, limit))
}

/// The state of both markets after selling `x` alpha on `origin` and buying on `destination` with
/// the TAO received, ignoring zero outputs; `None` if a leg breaks the floor or overflows.
pub fn swap_raw(origin: Market, destination: Market, x: u64, fee_ppb: u32, min_reserve: u64) -> Option<(Market, Market)> {
	let (tao, origin_after) = match origin {
		Market::Stable => (x, Market::Stable),
		Market::Pool { tao, alpha } => {
			let (out, _, t, a) = sell_raw(tao, alpha, x, fee_ppb)?;
			if t < min_reserve {
				return None;
			}
			(out, Market::Pool { tao: t, alpha: a })
		},
	};
	let destination_after = match destination {
		Market::Stable => Market::Stable,
		Market::Pool { tao: td, alpha: ad } => {
			let (_, _, t, a) = buy_raw(td, ad, tao, fee_ppb)?;
			if a < min_reserve {
				return None;
			}
			Market::Pool { tao: t, alpha: a }
		},
	};
	Some((origin_after, destination_after))
}

/// The largest origin-alpha amount `≤ max_in` whose swap (sell on `origin`, buy on `destination`)
/// keeps `p_origin / p_destination · 10^9 ≥ limit` after the trade, and both pools above the floor.
pub fn max_swap_within_limit(
	origin: Market,
	destination: Market,
	max_in: u64,
	fee_ppb: u32,
	min_reserve: u64,
	limit: u64,
) -> u64 {
	let ok = |x: u64| match swap_raw(origin, destination, x, fee_ppb, min_reserve) {
		Some((o, d)) => swap_ratio_ok(o, d, limit),
		None => false,
	};
	if !ok(0) {
		return 0;
	}
	largest_satisfying(max_in, ok)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::swap::{buy, sell};

	const POOL: Market = Market::Pool { tao: 10_000_000_000, alpha: 10_000_000_000 };

	#[test]
	fn buy_limit_is_tight() {
		// From price 1.0, a limit of 1.21 allows T' ≤ 11e9 with no fee: exactly 1e9 TAO.
		let x = max_buy_within_limit(POOL, u64::MAX, 0, 0, 1_210_000_000);
		assert_eq!(x, 1_000_000_000);
		let o = buy(POOL, x, 0, 0).unwrap();
		let Market::Pool { tao, alpha } = o.after else { panic!("pool") };
		assert!(price_at_most(tao, alpha, 1_210_000_000));
		let o = buy(POOL, x + 1, 0, 0).unwrap();
		let Market::Pool { tao, alpha } = o.after else { panic!("pool") };
		assert!(!price_at_most(tao, alpha, 1_210_000_000));
		// The whole amount is taken when it fits.
		assert_eq!(max_buy_within_limit(POOL, 5, 0, 0, 1_210_000_000), 5);
		// A limit below the current price allows nothing.
		assert_eq!(max_buy_within_limit(POOL, u64::MAX, 0, 0, 999_999_999), 0);
	}

	#[test]
	fn sell_limit_is_tight() {
		let limit = 810_000_000; // price 0.81: A' ≤ 10e9 / 0.9
		let x = max_sell_within_limit(POOL, u64::MAX, 0, 0, limit);
		let o = sell(POOL, x, 0, 0).unwrap();
		let Market::Pool { tao, alpha } = o.after else { panic!("pool") };
		assert!(price_at_least(tao, alpha, limit));
		let o = sell(POOL, x + 1, 0, 0).unwrap();
		let Market::Pool { tao, alpha } = o.after else { panic!("pool") };
		assert!(!price_at_least(tao, alpha, limit));
		assert_eq!(max_sell_within_limit(POOL, u64::MAX, 0, 0, 1_000_000_001), 0);
	}

	#[test]
	fn swap_limit_is_tight() {
		let other = Market::Pool { tao: 20_000_000_000, alpha: 10_000_000_000 };
		// p_o / p_d starts at 0.5; ask that it stays ≥ 0.4.
		let limit = 400_000_000;
		let x = max_swap_within_limit(POOL, other, u64::MAX, 500_000, 0, limit);
		assert!(x > 0);
		let (o, d) = swap_raw(POOL, other, x, 500_000, 0).unwrap();
		assert!(swap_ratio_ok(o, d, limit));
		let (o, d) = swap_raw(POOL, other, x + 1, 500_000, 0).unwrap();
		assert!(!swap_ratio_ok(o, d, limit));
		assert_eq!(max_swap_within_limit(POOL, other, u64::MAX, 0, 0, 500_000_001), 0);
		// Root on either side has price 1.
		assert!(swap_ratio_ok(Market::Stable, Market::Stable, UNIT));
		assert!(!swap_ratio_ok(Market::Stable, Market::Stable, UNIT + 1));
	}
}
