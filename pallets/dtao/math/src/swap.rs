//! Constant-product swaps with the fee left in the pool (docs/mechanism.md §3).

use crate::{mul_ppb_ceil, MathError, UNIT};

/// Where a swap is made: a subnet's constant-product pool, or the root subnet's stable 1:1 market.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Market {
	/// Root: TAO ↔ root-alpha 1:1, no fee, no reserves.
	Stable,
	/// A subnet's pool with its TAO and alpha reserves.
	Pool {
		/// `T`: the pool's TAO reserve.
		tao: u64,
		/// `A`: the pool's alpha reserve.
		alpha: u64,
	},
}

impl Market {
	/// Spot price in rao per alpha (10^9 = 1.0).
	pub fn price(&self) -> u64 {
		match *self {
			Market::Stable => UNIT,
			Market::Pool { tao, alpha } => spot_price(tao, alpha),
		}
	}
}

/// The result of a swap: what went in, what came out, the fee (always in TAO), and the market
/// after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapOutcome {
	/// What the swap took in (TAO for a buy, alpha for a sale).
	pub amount_in: u64,
	/// What it paid out (alpha for a buy, TAO for a sale).
	pub amount_out: u64,
	/// The fee, in TAO, left in the pool.
	pub fee: u64,
	/// The market after the swap.
	pub after: Market,
}

/// `floor(T · 10^9 / A)`, saturating at `u64::MAX`; 0 for an empty alpha reserve.
#[inline]
pub fn spot_price(tao: u64, alpha: u64) -> u64 {
	if alpha == 0 {
		return 0;
	}
	let p = u128::from(tao).saturating_mul(u128::from(UNIT)).checked_div(u128::from(alpha)).unwrap_or(0);
	u64::try_from(p).unwrap_or(u64::MAX)
}

/// The pool after buying with `tao_in` TAO, whether or not it respects the floor or pays anything:
/// `(alpha_out, fee, T', A')`. `None` only if `T + tao_in` overflows.
#[inline]
pub fn buy_raw(tao: u64, alpha: u64, tao_in: u64, fee_ppb: u32) -> Option<(u64, u64, u64, u64)> {
	let fee = mul_ppb_ceil(tao_in, fee_ppb);
	let net = tao_in.saturating_sub(fee);
	let new_tao = tao.checked_add(tao_in)?;
	let denom = u128::from(tao).saturating_add(u128::from(net));
	let out = u128::from(alpha).saturating_mul(u128::from(net)).checked_div(denom).unwrap_or(0);
	// out ≤ alpha because net ≤ T + net.
	let out = u64::try_from(out).unwrap_or(alpha).min(alpha);
	Some((out, fee, new_tao, alpha.saturating_sub(out)))
}

/// The pool after selling `alpha_in` alpha: `(tao_out, fee, T', A')`. `None` only if `A + alpha_in`
/// overflows.
#[inline]
pub fn sell_raw(tao: u64, alpha: u64, alpha_in: u64, fee_ppb: u32) -> Option<(u64, u64, u64, u64)> {
	let new_alpha = alpha.checked_add(alpha_in)?;
	let gross = u128::from(tao).saturating_mul(u128::from(alpha_in)).checked_div(u128::from(new_alpha)).unwrap_or(0);
	// gross ≤ tao because alpha_in ≤ A + alpha_in.
	let gross = u64::try_from(gross).unwrap_or(tao).min(tao);
	let fee = mul_ppb_ceil(gross, fee_ppb);
	let out = gross.saturating_sub(fee);
	Some((out, fee, tao.saturating_sub(out), new_alpha))
}

/// Buy alpha with `tao_in` TAO (stake). The fee, `ceil(tao_in · fee)`, stays in the pool.
///
/// Fails with `ZeroOutput` when nothing would be paid out, `InsufficientLiquidity` when the alpha
/// reserve would end below `min_reserve`, `Overflow` when the TAO reserve would exceed `u64::MAX`.
#[inline]
pub fn buy(market: Market, tao_in: u64, fee_ppb: u32, min_reserve: u64) -> Result<SwapOutcome, MathError> {
	match market {
		Market::Stable => {
			if tao_in == 0 {
				return Err(MathError::ZeroOutput);
			}
			Ok(SwapOutcome { amount_in: tao_in, amount_out: tao_in, fee: 0, after: Market::Stable })
		},
		Market::Pool { tao, alpha } => {
			let (out, fee, new_tao, new_alpha) = buy_raw(tao, alpha, tao_in, fee_ppb).ok_or(MathError::Overflow)?;
			if out == 0 {
				return Err(if alpha == 0 { MathError::InsufficientLiquidity } else { MathError::ZeroOutput });
			}
			if new_alpha < min_reserve {
				return Err(MathError::InsufficientLiquidity);
			}
			Ok(SwapOutcome {
				amount_in: tao_in,
				amount_out: out,
				fee,
				after: Market::Pool { tao: new_tao, alpha: new_alpha },
			})
		},
	}
}

/// Sell `alpha_in` alpha for TAO (unstake). The fee, `ceil(gross · fee)`, stays in the pool.
///
/// Fails with `ZeroOutput` when nothing would be paid out, `InsufficientLiquidity` when the TAO
/// reserve would end below `min_reserve`, `Overflow` when the alpha reserve would exceed `u64::MAX`.
#[inline]
pub fn sell(market: Market, alpha_in: u64, fee_ppb: u32, min_reserve: u64) -> Result<SwapOutcome, MathError> {
	match market {
		Market::Stable => {
			if alpha_in == 0 {
				return Err(MathError::ZeroOutput);
			}
			Ok(SwapOutcome { amount_in: alpha_in, amount_out: alpha_in, fee: 0, after: Market::Stable })
		},
		Market::Pool { tao, alpha } => {
			let (out, fee, new_tao, new_alpha) = sell_raw(tao, alpha, alpha_in, fee_ppb).ok_or(MathError::Overflow)?;
			if out == 0 {
				return Err(if tao == 0 { MathError::InsufficientLiquidity } else { MathError::ZeroOutput });
			}
			if new_tao < min_reserve {
				return Err(MathError::InsufficientLiquidity);
			}
			Ok(SwapOutcome {
				amount_in: alpha_in,
				amount_out: out,
				fee,
				after: Market::Pool { tao: new_tao, alpha: new_alpha },
			})
		},
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const POOL: Market = Market::Pool { tao: 10_000_000_000, alpha: 5_000_000_000 };

	#[test]
	fn worked_example_buy_fee_zero() {
		let o = buy(POOL, 1_000_000_000, 0, 0).unwrap();
		assert_eq!(o.amount_out, 454_545_454);
		assert_eq!(o.fee, 0);
		assert_eq!(o.after, Market::Pool { tao: 11_000_000_000, alpha: 4_545_454_546 });
	}

	#[test]
	fn worked_example_sell_fee_zero() {
		let o = sell(POOL, 1_000_000_000, 0, 0).unwrap();
		assert_eq!(o.amount_out, 1_666_666_666);
		assert_eq!(o.after, Market::Pool { tao: 8_333_333_334, alpha: 6_000_000_000 });
	}

	#[test]
	fn buy_with_fee_keeps_fee_in_pool() {
		// fee = ceil(1e9 · 0.0005) = 500_000; net 999_500_000;
		// alpha = floor(5e9 · 999_500_000 / 10_999_500_000) = 454_338_833
		let o = buy(POOL, 1_000_000_000, 500_000, 0).unwrap();
		assert_eq!(o.fee, 500_000);
		assert_eq!(o.amount_out, 454_338_833);
		assert_eq!(o.after, Market::Pool { tao: 11_000_000_000, alpha: 5_000_000_000 - 454_338_833 });
	}

	#[test]
	fn sell_with_fee() {
		// gross 1_666_666_666, fee = ceil(833_333.333) = 833_334
		let o = sell(POOL, 1_000_000_000, 500_000, 0).unwrap();
		assert_eq!(o.fee, 833_334);
		assert_eq!(o.amount_out, 1_666_666_666 - 833_334);
		assert_eq!(o.after, Market::Pool { tao: 10_000_000_000 - 1_665_833_332, alpha: 6_000_000_000 });
	}

	#[test]
	fn floor_and_zero_output() {
		assert_eq!(buy(POOL, 0, 0, 0), Err(MathError::ZeroOutput));
		assert_eq!(buy(POOL, 1, 0, 0), Err(MathError::ZeroOutput));
		assert_eq!(sell(POOL, 0, 0, 0), Err(MathError::ZeroOutput));
		// Buying nearly all alpha breaks a floor of 1e9 alpha.
		assert_eq!(buy(POOL, 100_000_000_000, 0, 1_000_000_000), Err(MathError::InsufficientLiquidity));
		assert_eq!(sell(POOL, 100_000_000_000, 0, 1_000_000_000), Err(MathError::InsufficientLiquidity));
		assert_eq!(buy(Market::Pool { tao: u64::MAX, alpha: 5 }, 1, 0, 0), Err(MathError::Overflow));
		assert_eq!(sell(Market::Pool { tao: 5, alpha: u64::MAX }, 1, 0, 0), Err(MathError::Overflow));
		assert_eq!(buy(Market::Pool { tao: 5, alpha: 0 }, 10, 0, 0), Err(MathError::InsufficientLiquidity));
	}

	#[test]
	fn stable_is_one_to_one() {
		let o = buy(Market::Stable, 123, 500_000, 1_000_000).unwrap();
		assert_eq!((o.amount_out, o.fee), (123, 0));
		let o = sell(Market::Stable, 77, 500_000, 1_000_000).unwrap();
		assert_eq!((o.amount_out, o.fee), (77, 0));
		assert_eq!(Market::Stable.price(), UNIT);
	}

	#[test]
	fn prices() {
		assert_eq!(spot_price(10, 5), 2_000_000_000);
		assert_eq!(spot_price(1, 3), 333_333_333);
		assert_eq!(spot_price(1, 0), 0);
		assert_eq!(spot_price(u64::MAX, 1), u64::MAX);
	}
}
