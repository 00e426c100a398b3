//! Pure arithmetic of the dTAO mechanism (docs/mechanism.md §3–§6), with no storage and no FRAME.
//!
//! Every function here is total: it never panics and never wraps. Amounts are `u64` (rao or
//! alpha-rao), intermediate products are `u128`, and the few products of three factors use the exact
//! 256-bit helpers of [`wide`]. Moving prices are `substrate_fixed` `U64F64`, the epoch's vectors
//! `I32F32` ([`yuma`]). Fractions set by governance are passed as parts per billion (`ppb`),
//! the representation of `Perbill`.
#![cfg_attr(not(feature = "std"), no_std)]
// No panics in runtime code: arithmetic side effects, `unwrap` and indexing are errors outside
// tests (every build runs clippy on the workspace's crates: .cargo/config.toml); tests may panic.
#![cfg_attr(
	not(test),
	deny(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing)
)]
#![cfg_attr(test, allow(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing))]
// The reference is the rustdoc: every public item is documented (`cargo doc`).
#![deny(missing_docs)]

extern crate alloc;

pub mod bounds;
pub mod coinbase;
pub mod emission;
pub mod limits;
pub mod lock;
pub mod policy;
pub mod shares;
pub mod swap;
pub mod wide;
pub mod yuma;

pub use emission::{block_emission, SUPPLY_CAP};
/// The fixed-point types of the epoch and the moving price, for callers of this crate.
pub use substrate_fixed;
pub use limits::{max_buy_within_limit, max_sell_within_limit, max_swap_within_limit, swap_ratio_ok};
pub use lock::lock_cost;
pub use shares::{claim_accrued, claim_per_share, SharePool, Vesting, CLAIM_SCALE, SHARE_SCALE};
pub use swap::{buy, sell, spot_price, Market, SwapOutcome};

/// One TAO (or one alpha) in rao; also the scale of prices (rao per alpha) and of `Perbill`.
pub const UNIT: u64 = 1_000_000_000;

/// Why a computation could not be carried out. Each maps to one named pallet error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathError {
	/// The swap would leave the reserve it pays out of below the liquidity floor (or the pool is
	/// empty).
	InsufficientLiquidity,
	/// The swap would pay out nothing (zero input, or an input too small for one unit out).
	ZeroOutput,
	/// A reserve or a total would exceed `u64::MAX`.
	Overflow,
	/// A withdrawal asks for more than the holder's value.
	NotEnoughStake,
}

/// `ceil(x · ppb / 10^9)` for a fraction `ppb ≤ 10^9`; never more than `x`.
#[inline]
pub fn mul_ppb_ceil(x: u64, ppb: u32) -> u64 {
	// x = a·10^9 + b: ceil(x·p/10^9) = a·p + ceil(b·p/10^9), all in u64 (a·p ≤ x, b·p < 10^18).
	let p = u64::from(ppb.min(1_000_000_000));
	let (a, b) = (x / UNIT, x % UNIT);
	a.saturating_mul(p).saturating_add(b.saturating_mul(p).div_ceil(UNIT)).min(x)
}

/// `floor(x · ppb / 10^9)` for a fraction `ppb ≤ 10^9`; never more than `x`.
#[inline]
pub fn mul_ppb_floor(x: u64, ppb: u32) -> u64 {
	// As `mul_ppb_ceil`, without a 128-bit division: a·p + floor(b·p/10^9).
	let p = u64::from(ppb.min(1_000_000_000));
	let (a, b) = (x / UNIT, x % UNIT);
	a.saturating_mul(p).saturating_add(b.saturating_mul(p) / UNIT).min(x)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn ppb_rounding() {
		assert_eq!(mul_ppb_ceil(1_000_000_000, 500_000), 500_000);
		assert_eq!(mul_ppb_ceil(1, 500_000), 1);
		assert_eq!(mul_ppb_ceil(0, 500_000), 0);
		assert_eq!(mul_ppb_floor(1, 500_000), 0);
		assert_eq!(mul_ppb_floor(1_000, 180_000_000), 180);
		assert_eq!(mul_ppb_ceil(u64::MAX, 1_000_000_000), u64::MAX);
		assert_eq!(mul_ppb_floor(u64::MAX, 2_000_000_000), u64::MAX);
		assert_eq!(mul_ppb_floor(u64::MAX, 999_999_999), 18_446_744_055_262_807_541);
		assert_eq!(mul_ppb_ceil(u64::MAX, 999_999_999), 18_446_744_055_262_807_542);
	}

	proptest::proptest! {
		/// The split into multiples of 10^9 and a remainder is the 128-bit formula, to the rao.
		#[test]
		fn ppb_products_equal_the_wide_formula(x: u64, ppb in 0u32..=1_100_000_000) {
			let p = u128::from(ppb.min(1_000_000_000));
			let n = u128::from(x) * p;
			proptest::prop_assert_eq!(u128::from(mul_ppb_floor(x, ppb)), n / u128::from(UNIT));
			proptest::prop_assert_eq!(u128::from(mul_ppb_ceil(x, ppb)), n.div_ceil(u128::from(UNIT)));
		}
	}
}
