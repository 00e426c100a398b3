//! Exact 256-bit products of two `u128`, for the few comparisons and ratios with three factors.
//! The ratios `a · b / c` are `sp-arithmetic`'s exact 128-bit rational helper.

use polkadot_sdk::sp_arithmetic::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// A 256-bit unsigned integer as (high, low) halves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct U256 {
	/// The high 128 bits.
	pub hi: u128,
	/// The low 128 bits.
	pub lo: u128,
}

const LOW64: u128 = u64::MAX as u128;

/// The exact product `a · b`.
#[inline]
pub fn mul(a: u128, b: u128) -> U256 {
	let (a1, a0) = (a >> 64, a & LOW64);
	let (b1, b0) = (b >> 64, b & LOW64);
	// Each partial product of two 64-bit halves fits in u128.
	let p00 = a0.wrapping_mul(b0);
	let p01 = a0.wrapping_mul(b1);
	let p10 = a1.wrapping_mul(b0);
	let p11 = a1.wrapping_mul(b1);
	// middle = (p00 >> 64) + low64(p01) + low64(p10) < 3 · 2^64: fits.
	let middle = (p00 >> 64).wrapping_add(p01 & LOW64).wrapping_add(p10 & LOW64);
	let lo = (p00 & LOW64) | (middle << 64);
	let hi = p11.wrapping_add(p01 >> 64).wrapping_add(p10 >> 64).wrapping_add(middle >> 64);
	U256 { hi, lo }
}

/// `floor(a · b / 2^64)`, exact (the product of two 64.64 fixed-point numbers), or `None` if it
/// does not fit in `u128`: `mul_div_floor(a, b, 1 << 64)` without a division.
#[inline]
pub fn mul_shr64(a: u128, b: u128) -> Option<u128> {
	let p = mul(a, b);
	if p.hi >> 64 != 0 {
		return None;
	}
	Some((p.hi << 64) | (p.lo >> 64))
}

/// `floor(a · b / c)`, exact, or `None` if `c = 0` or the quotient does not fit in `u128`.
#[inline]
pub fn mul_div_floor(a: u128, b: u128, c: u128) -> Option<u128> {
	match a.checked_mul(b) {
		// The common case: the product fits, one 128-bit division.
		Some(p) => p.checked_div(c),
		None => multiply_by_rational_with_rounding(a, b, c, Rounding::Down),
	}
}

/// `ceil(a · b / c)`, exact, or `None` if `c = 0` or the quotient does not fit in `u128`.
#[inline]
pub fn mul_div_ceil(a: u128, b: u128, c: u128) -> Option<u128> {
	match (a.checked_mul(b), c) {
		(_, 0) => None,
		(Some(p), c) => Some(p.div_ceil(c)),
		(None, c) => multiply_by_rational_with_rounding(a, b, c, Rounding::Up),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn products_and_quotients() {
		assert_eq!(mul(u128::MAX, u128::MAX), U256 { hi: u128::MAX - 1, lo: 1 });
		assert_eq!(mul(1 << 64, 1 << 64), U256 { hi: 1, lo: 0 });
		assert_eq!(mul_div_floor(u128::MAX, u128::MAX, u128::MAX), Some(u128::MAX));
		assert_eq!(mul_div_floor(u128::MAX, 3, 4), Some(u128::MAX / 4 * 3 + 2));
		assert_eq!(mul_div_floor(7, 3, 2), Some(10));
		assert_eq!(mul_div_ceil(7, 3, 2), Some(11));
		assert_eq!(mul_div_ceil(8, 3, 2), Some(12));
		assert_eq!(mul_div_floor(1, 1, 0), None);
		assert_eq!(mul_div_floor(u128::MAX, 2, 1), None);
		assert_eq!(mul_shr64(u128::MAX, 1 << 64), Some(u128::MAX));
		assert_eq!(mul_shr64(u128::MAX, (1 << 64) + 1), None);
		assert_eq!(mul_shr64(3 << 63, 3), Some(4));
	}

	proptest::proptest! {
		/// The shift is the division by 2^64, to the last bit and in overflow.
		#[test]
		fn mul_shr64_is_mul_div_floor_by_two_to_the_64(a: u128, b in 0u128..=(1u128 << 65)) {
			proptest::prop_assert_eq!(mul_shr64(a, b), mul_div_floor(a, b, 1 << 64));
		}
	}
}
