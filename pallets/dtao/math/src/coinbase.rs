//! The per-block coinbase arithmetic (docs/mechanism.md §6.2–§6.3).
//!
//! Moving prices are `U64F64` values (TAO per alpha with 64 fractional bits) carried as their raw
//! `u128` bits. Shares and the root proportion are computed as exact rationals of integers with a
//! 256-bit intermediate and rounded down once, at the conversion to an amount.

use crate::{wide, UNIT};

/// One, as `U64F64` bits.
pub const ONE_BITS: u128 = 1 << 64;

/// `τ_n = floor(E · m_n / M)`; 0 when `M = 0`.
pub fn tao_share(emission: u64, moving_bits: u128, total_moving_bits: u128) -> u64 {
	if total_moving_bits == 0 {
		return 0;
	}
	let share = wide::mul_div_floor(u128::from(emission), moving_bits, total_moving_bits).unwrap_or(0);
	u64::try_from(share).unwrap_or(emission).min(emission)
}

/// `α_in = min(floor(τ / p), cap)` with `p = T / A`, i.e. `min(floor(τ · A / T), cap)`.
pub fn alpha_in(tau: u64, tao_reserve: u64, alpha_reserve: u64, cap: u64) -> u64 {
	if tao_reserve == 0 {
		return cap;
	}
	let a = u128::from(tau).saturating_mul(u128::from(alpha_reserve)) / u128::from(tao_reserve);
	u64::try_from(a).unwrap_or(u64::MAX).min(cap)
}

/// `ρ = tw·T_0 / (tw·T_0 + I_n)` as the exact fraction `(num, den)`, with `tw` in parts per billion:
/// `num = T_0 · tw_ppb`, `den = T_0 · tw_ppb + I_n · 10^9`.
pub fn root_proportion(root_stake: u64, tao_weight_ppb: u32, alpha_issuance: u64) -> (u128, u128) {
	let num = u128::from(root_stake).saturating_mul(u128::from(tao_weight_ppb));
	let den = num.saturating_add(u128::from(alpha_issuance).saturating_mul(u128::from(UNIT)));
	(num, den)
}

/// `ρ` in parts per billion, rounded down (for display).
pub fn root_proportion_ppb(root_stake: u64, tao_weight_ppb: u32, alpha_issuance: u64) -> u32 {
	let (num, den) = root_proportion(root_stake, tao_weight_ppb, alpha_issuance);
	if den == 0 {
		return 0;
	}
	let p = wide::mul_div_floor(num, u128::from(UNIT), den).unwrap_or(0);
	u32::try_from(p).unwrap_or(1_000_000_000)
}

/// Root's alpha `ra = floor(v · ρ)`.
pub fn root_alpha(validator_alpha: u64, root_stake: u64, tao_weight_ppb: u32, alpha_issuance: u64) -> u64 {
	let (num, den) = root_proportion(root_stake, tao_weight_ppb, alpha_issuance);
	if den == 0 || num == 0 {
		return 0;
	}
	let ra = wide::mul_div_floor(u128::from(validator_alpha), num, den).unwrap_or(0);
	u64::try_from(ra).unwrap_or(validator_alpha).min(validator_alpha)
}

/// The spot price `T / A` as `U64F64` bits, rounded down; 0 for an empty alpha reserve.
pub fn price_bits(tao_reserve: u64, alpha_reserve: u64) -> u128 {
	if alpha_reserve == 0 {
		return 0;
	}
	(u128::from(tao_reserve) << 64) / u128::from(alpha_reserve)
}

/// A price in rao per alpha as `U64F64` bits, rounded down.
pub fn rao_price_to_bits(price: u64) -> u128 {
	(u128::from(price) << 64) / u128::from(UNIT)
}

/// `U64F64` bits as a price in rao per alpha, rounded down.
pub fn bits_to_rao_price(bits: u128) -> u64 {
	let p = wide::mul_div_floor(bits, u128::from(UNIT), ONE_BITS).unwrap_or(0);
	u64::try_from(p).unwrap_or(u64::MAX)
}

/// One step of the moving price (docs/mechanism.md §6.3):
/// `α_eff = MovingAlpha · b / (b + MovingHalvingBlocks)`, `m ← m + α_eff · (min(p, cap) − m)`.
///
/// `moving_alpha_ppb` is `MovingAlpha` in parts per billion, `blocks` is `b` (blocks since
/// `start_call`). The step `α_eff · |target − m|` is rounded down in `U64F64` bits, so `m` never
/// overshoots the target.
pub fn moving_price_step(moving_bits: u128, price_bits: u128, cap_bits: u128, moving_alpha_ppb: u32, blocks: u64, halving_blocks: u64) -> u128 {
	let target = price_bits.min(cap_bits);
	let num = u128::from(moving_alpha_ppb.min(1_000_000_000)).saturating_mul(u128::from(blocks));
	let den = u128::from(UNIT).saturating_mul(u128::from(blocks).saturating_add(u128::from(halving_blocks)));
	if den == 0 || num == 0 {
		return moving_bits;
	}
	if target >= moving_bits {
		let step = wide::mul_div_floor(target.saturating_sub(moving_bits), num, den).unwrap_or(0);
		moving_bits.saturating_add(step)
	} else {
		let step = wide::mul_div_floor(moving_bits.saturating_sub(target), num, den).unwrap_or(0);
		moving_bits.saturating_sub(step)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn shares_of_moving_prices_one_and_two() {
		let total = ONE_BITS * 3;
		assert_eq!(tao_share(100_000_000, ONE_BITS, total), 33_333_333);
		assert_eq!(tao_share(100_000_000, 2 * ONE_BITS, total), 66_666_666);
		assert_eq!(tao_share(100_000_000, 0, 0), 0);
	}

	#[test]
	fn root_proportion_worked_example() {
		// T_0 = 1e12, tw = 0.18, I_n = 1e11: ρ = 180 / 280 = 0.642857142…
		assert_eq!(root_proportion_ppb(1_000_000_000_000, 180_000_000, 100_000_000_000), 642_857_142);
		assert_eq!(root_alpha(1_000_000_000, 1_000_000_000_000, 180_000_000, 100_000_000_000), 642_857_142);
		assert_eq!(root_alpha(1_000_000_000, 0, 180_000_000, 100_000_000_000), 0);
	}

	#[test]
	fn alpha_in_is_capped() {
		assert_eq!(alpha_in(1_000, 2_000, 1_000, u64::MAX), 500);
		assert_eq!(alpha_in(1_000, 1_000, 2_000, 1_500), 1_500);
	}

	#[test]
	fn moving_price_moves_every_block_and_is_capped() {
		let cap = rao_price_to_bits(UNIT);
		let p = price_bits(2, 1);
		// First block after start: α_eff = 3e-6 · 1 / 201_601, still a visible step.
		let m1 = moving_price_step(0, p, cap, 3_000, 1, 201_600);
		assert!(m1 > 0);
		assert_eq!(m1, (ONE_BITS * 3_000) / (1_000_000_000u128 * 201_601));
		let m2 = moving_price_step(m1, p, cap, 3_000, 2, 201_600);
		assert!(m2 > m1);
		// Never beyond the cap.
		let mut m = 0;
		for b in 1..1_000 {
			m = moving_price_step(m, p, cap, 1_000_000_000, b, 0);
		}
		assert_eq!(m, cap);
		assert_eq!(cap, ONE_BITS);
		assert_eq!(bits_to_rao_price(cap), UNIT);
		// A price above the target pulls the average down.
		assert!(moving_price_step(cap, 0, cap, 3_000, 10, 0) < cap);
	}
}
