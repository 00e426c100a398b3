//! Emission-share policies (docs/mechanism.md §6.2): the weights by which the block's TAO is split
//! across started subnets, `τ_n = floor(E · w_n / Σ w)` ([`crate::coinbase::tao_share`]).
//!
//! - `MovingPrice`: `w_n = m_n`, the moving price.
//! - `TaoFlow`: `w_n = max(S_n − L, 0)^p` with `S_n` the EMA of the subnet's net user TAO flow per
//!   block, `L = max(cutoff, min(min_n S_n, 0))` and `p` the exponent.
//!
//! The flow EMA advances every block whatever the policy ([`flow_ema_step`]), with the per-block
//! decay `k = 2^(−1/h)` of its half-life `h` ([`flow_decay`]). Weights are `U64F64` bits (`u128`,
//! 64 fractional bits); flows and EMAs `I64F64` bits (`i128`), in rao per block.

use crate::{coinbase::ONE_BITS, wide};
use alloc::vec::Vec;
use substrate_fixed::{transcendental, types::I64F64};

/// `floor(a · b / 2^64)` for `U64F64` bits; saturating.
fn mul_bits(a: u128, b: u128) -> u128 {
	wide::mul_div_floor(a, b, ONE_BITS).unwrap_or(u128::MAX)
}

/// `k^h` for `U64F64` bits `k ≤ 1`, by squaring, each product rounded down.
fn pow_bits(k: u128, mut h: u64) -> u128 {
	let (mut base, mut acc) = (k, ONE_BITS);
	while h > 0 {
		if h & 1 == 1 {
			acc = mul_bits(acc, base);
		}
		base = mul_bits(base, base);
		h >>= 1;
	}
	acc
}

/// `ln 2` as `I64F64` bits.
const LN2_BITS: i128 = 0xB172_17F7_D1CF_79AB;

/// The flow EMA's decay per block, `k = 2^(−1/h) = e^(−ln 2 / h)`, as `U64F64` bits (the series of
/// `substrate_fixed`'s `exp` over `I64F64`; within 2^−60 of the exact value). `h = 0`: 0, the EMA
/// is the last block's flow.
pub fn flow_decay(half_life_blocks: u64) -> u128 {
	if half_life_blocks == 0 {
		return 0;
	}
	let Some(x) = I64F64::from_bits(LN2_BITS)
		.checked_div(I64F64::from_num(half_life_blocks))
		.and_then(|v| v.checked_neg())
	else {
		return 0;
	};
	match transcendental::exp::<I64F64, I64F64>(x) {
		Ok(k) => u128::try_from(k.to_bits()).unwrap_or(0).min(ONE_BITS),
		Err(()) => 0,
	}
}

/// `|x| · b / 2^64` with the sign of `x`, rounded toward zero.
#[inline]
fn signed_mul_bits(x: i128, b: u128) -> i128 {
	let m = wide::mul_shr64(x.unsigned_abs(), b).unwrap_or(u128::MAX);
	let m = i128::try_from(m).unwrap_or(i128::MAX);
	if x < 0 {
		m.saturating_neg()
	} else {
		m
	}
}

/// One block of the flow EMA: `S ← k · S + (1 − k) · f`, with `f` the block's net flow in rao
/// (TAO staked in minus TAO unstaked out through the pool) and `k` from [`flow_decay`]. Each of the
/// two terms is rounded toward zero to the last bit; saturating.
#[inline]
pub fn flow_ema_step(ema: I64F64, flow: i64, decay_bits: u128) -> I64F64 {
	let k = decay_bits.min(ONE_BITS);
	let kept = signed_mul_bits(ema.to_bits(), k);
	// |f| < 2^63 and 1 − k ≤ 2^64: the product is exact in 128 bits.
	let fresh = i128::from(flow).saturating_mul(i128::try_from(ONE_BITS.saturating_sub(k)).unwrap_or(i128::MAX));
	I64F64::from_bits(kept.saturating_add(fresh))
}

/// `r^p` for `U64F64` bits `0 < r ≤ 1` and `p = exponent_milli / 1000 > 0`, as `U64F64` bits:
/// `2^(p · log2 r)`, the power of two split into its integer part (a shift) and its fraction
/// (`e^(−f·ln 2)`, `f < 1`). Deterministic fixed-point arithmetic (`substrate_fixed`).
fn pow_frac(r_bits: u128, exponent_milli: u32) -> u128 {
	if r_bits == 0 {
		return 0;
	}
	if r_bits >= ONE_BITS || exponent_milli == 0 {
		return ONE_BITS;
	}
	let Ok(r) = i128::try_from(r_bits).map(I64F64::from_bits) else { return 0 };
	let Ok(log) = transcendental::log2::<I64F64, I64F64>(r) else { return 0 };
	let Some(p) = I64F64::from_num(exponent_milli).checked_div(I64F64::from_num(1000)) else { return 0 };
	// y = −p · log2 r ≥ 0; r^p = 2^(−y).
	let Some(y) = log.checked_mul(p).and_then(|v| v.checked_neg()) else { return 0 };
	let whole: u32 = match u32::try_from(y.to_bits() >> 64) {
		Ok(n) if n < 64 => n,
		_ => return 0,
	};
	let frac = I64F64::from_bits(y.to_bits() & ((1i128 << 64) - 1));
	let Some(x) = frac.checked_mul(I64F64::from_bits(LN2_BITS)).and_then(|v| v.checked_neg()) else { return 0 };
	let Ok(e) = transcendental::exp::<I64F64, I64F64>(x) else { return 0 };
	u128::try_from(e.to_bits()).map(|b| b >> whole).unwrap_or(0).min(ONE_BITS)
}

/// The `TaoFlow` weights of subnets with flow EMAs `emas`: `x_n = max(S_n − L, 0)` with
/// `L = max(cutoff, min(min_n S_n, 0))` (so `cutoff ≤ 0` bounds how far a negative flow lowers the
/// bar for everyone), then `w_n = x_n` for an exponent of 1 (`exponent_milli = 1000`), else
/// `(x_n / max x)^p`. `U64F64` bits; all 0 when no subnet is above the bar.
pub fn flow_weights(emas: &[I64F64], cutoff: I64F64, exponent_milli: u32) -> Vec<u128> {
	let min = emas.iter().map(|s| s.to_bits()).min().unwrap_or(0);
	let bar = cutoff.to_bits().min(0).max(min.min(0));
	let above: Vec<u128> = emas
		.iter()
		.map(|s| u128::try_from(s.to_bits().saturating_sub(bar)).unwrap_or(0))
		.collect();
	if exponent_milli == 1000 {
		return above;
	}
	let max = above.iter().copied().max().unwrap_or(0);
	above
		.into_iter()
		.map(|x| match wide::mul_div_floor(x, ONE_BITS, max) {
			Some(r) => pow_frac(r, exponent_milli),
			None => 0,
		})
		.collect()
}

/// The gate's bar `θ`: the `quantile_ppb` quantile (nearest rank) of the positive shares
/// `w_n / Σ w`, as `U64F64` bits; 0 when no share is positive.
pub fn gate_bar(weights: &[u128], quantile_ppb: u32) -> u128 {
	let total = total_weight(weights);
	let mut shares: Vec<u128> = weights
		.iter()
		.filter_map(|w| wide::mul_div_floor(*w, ONE_BITS, total))
		.filter(|s| *s > 0)
		.collect();
	if shares.is_empty() {
		return 0;
	}
	shares.sort_unstable();
	let n = u64::try_from(shares.len()).unwrap_or(u64::MAX);
	// Rank ceil(q · n), at least 1.
	let rank = wide::mul_div_ceil(u128::from(quantile_ppb.min(1_000_000_000)), u128::from(n), 1_000_000_000)
		.unwrap_or(1)
		.max(1);
	let index = usize::try_from(rank.saturating_sub(1)).unwrap_or(usize::MAX).min(shares.len().saturating_sub(1));
	shares.get(index).copied().unwrap_or(0)
}

/// The gate over the weights: each share `s = w / Σ w` becomes `s / (1 + (θ / s)^h)`, for `U64F64`
/// bits `bar = θ`: with `r = θ / s ≤ 1`, `s / (1 + r^h)`; with `q = s / θ < 1`, `s · q^h / (1 + q^h)`
/// (`U64F64`, powers and quotients rounded down). The result is new weights (the split
/// renormalises them). If every gated share is 0 (or `θ = 0`), the weights stand as they were: the
/// gate moves emission, it never withholds it.
pub fn gate(weights: &[u128], bar: u128, exponent: u8) -> Vec<u128> {
	let total = total_weight(weights);
	if bar == 0 || total == 0 {
		return weights.to_vec();
	}
	let h = u64::from(exponent);
	let bar = bar.min(ONE_BITS);
	let gated: Vec<u128> = weights
		.iter()
		.map(|w| {
			let s = wide::mul_div_floor(*w, ONE_BITS, total).unwrap_or(0);
			if s == 0 {
				return 0;
			}
			if bar <= s {
				let r_h = pow_bits(wide::mul_div_floor(bar, ONE_BITS, s).unwrap_or(0), h);
				wide::mul_div_floor(s, ONE_BITS, ONE_BITS.saturating_add(r_h)).unwrap_or(0)
			} else {
				let q_h = pow_bits(wide::mul_div_floor(s, ONE_BITS, bar).unwrap_or(0), h);
				wide::mul_div_floor(s, q_h, ONE_BITS.saturating_add(q_h)).unwrap_or(0)
			}
		})
		.collect();
	if total_weight(&gated) == 0 {
		return weights.to_vec();
	}
	gated
}

/// A rule of the split (the pallet's `ShareRule`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rule {
	/// `w_n = m_n`.
	#[default]
	MovingPrice,
	/// [`flow_weights`] with this cutoff (rao per block, at most 0) and exponent (thousandths).
	TaoFlow {
		/// Flows at or below it (rao per block, at most 0) weigh nothing.
		cutoff: i64,
		/// The exponent of the flow above the cutoff, in thousandths.
		exponent_milli: u32,
	},
}

/// The gate over the shares (the pallet's `ShareGate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gate {
	/// The quantile of the shares that sets the gate's bar, in parts per billion.
	pub quantile_ppb: u32,
	/// The steepness of the gate below its bar.
	pub exponent: u8,
}

/// The block's weights of the started subnets (in the order of `moving` and `emas`, whose flow EMAs
/// already hold the last block's flow): the rule's, then the gate's if there is one. `bar` is the
/// gate's stored bar `θ`; it is set again from the rule's weights when `refresh` or when it is 0.
/// Returns the weights and whether `bar` was set.
#[inline]
pub fn block_weights(
	rule: Rule,
	gate: Option<Gate>,
	moving: &[substrate_fixed::types::U64F64],
	emas: &[I64F64],
	bar: &mut u128,
	refresh: bool,
) -> (Vec<u128>, bool) {
	let mut weights = Vec::new();
	let set = block_weights_into(rule, gate, moving, emas, bar, refresh, &mut weights);
	(weights, set)
}

/// [`block_weights`] written into `out` (emptied first), so that a caller running block after block
/// keeps one allocation. Returns whether `bar` was set.
#[inline]
pub fn block_weights_into(
	rule: Rule,
	gate: Option<Gate>,
	moving: &[substrate_fixed::types::U64F64],
	emas: &[I64F64],
	bar: &mut u128,
	refresh: bool,
	out: &mut Vec<u128>,
) -> bool {
	out.clear();
	match rule {
		Rule::MovingPrice => out.extend(moving.iter().map(|m| m.to_bits())),
		Rule::TaoFlow { cutoff, exponent_milli } => out.extend(flow_weights(emas, I64F64::from_num(cutoff), exponent_milli)),
	}
	let Some(g) = gate else { return false };
	let set = *bar == 0 || refresh;
	if set {
		*bar = gate_bar(out, g.quantile_ppb);
	}
	let gated = self::gate(out, *bar, g.exponent);
	out.clear();
	out.extend(gated);
	set
}

/// `Σ w` (saturating): the denominator of the split.
#[inline]
pub fn total_weight(weights: &[u128]) -> u128 {
	weights.iter().fold(0u128, |acc, w| acc.saturating_add(*w))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn f(bits: u128) -> f64 {
		bits as f64 / ONE_BITS as f64
	}

	#[test]
	fn decay_halves_over_the_half_life() {
		assert_eq!(flow_decay(0), 0);
		assert!(flow_decay(1).abs_diff(ONE_BITS >> 1) < 1 << 4);
		for h in [2u64, 10, 360, 7_200, 216_000, 100_000_000] {
			let k = flow_decay(h);
			assert!((f(k) - 0.5f64.powf(1.0 / h as f64)).abs() < 1e-15, "{h}");
			// k^h by squaring, rounded down: a half, to within the rounding of h products.
			assert!((f(pow_bits(k, h)) - 0.5).abs() < 1e-9, "{h}");
		}
	}

	#[test]
	fn ema_converges_to_a_constant_flow_and_keeps_its_sign() {
		let k = flow_decay(10);
		let mut s = I64F64::from_num(0);
		for _ in 0..10 {
			s = flow_ema_step(s, 1_000, k);
		}
		// After one half-life, half of the way.
		assert!((s.to_num::<f64>() - 500.0).abs() < 1e-6, "{s}");
		for _ in 0..1_000 {
			s = flow_ema_step(s, -1_000, k);
		}
		assert!((s.to_num::<f64>() + 1_000.0).abs() < 1e-3);
		// h = 0: the last flow.
		assert_eq!(flow_ema_step(s, 42, 0), I64F64::from_num(42));
		// k = 1: nothing changes.
		assert_eq!(flow_ema_step(s, 42, ONE_BITS), s);
	}

	#[test]
	fn flow_weights_offset_clip_and_power() {
		let s = |v: &[i64]| v.iter().map(|x| I64F64::from_num(*x)).collect::<Vec<_>>();
		let one = I64F64::from_num(1).to_bits() as u128;
		// All positive: the bar is 0.
		assert_eq!(flow_weights(&s(&[3, 1, 0]), I64F64::from_num(-100), 1000), vec![3 * one, one, 0]);
		// A negative flow lowers the bar to it, down to the cutoff.
		assert_eq!(flow_weights(&s(&[3, 1, -2]), I64F64::from_num(-100), 1000), vec![5 * one, 3 * one, 0]);
		assert_eq!(flow_weights(&s(&[3, 1, -200]), I64F64::from_num(-100), 1000), vec![103 * one, 101 * one, 0]);
		// A cutoff of 0 keeps the bar at 0: negative flows get nothing, the rest by their flow.
		assert_eq!(flow_weights(&s(&[3, 1, -2]), I64F64::from_num(0), 1000), vec![3 * one, one, 0]);
		// Nothing above the bar.
		assert_eq!(flow_weights(&s(&[-1, -1]), I64F64::from_num(0), 1000), vec![0, 0]);
		assert_eq!(flow_weights(&[], I64F64::from_num(0), 500), Vec::<u128>::new());
		// Exponents: normalised by the largest, then the power.
		let w = flow_weights(&s(&[4, 1, 0]), I64F64::from_num(0), 500);
		assert_eq!(w[0], ONE_BITS);
		assert!((f(w[1]) - 0.5).abs() < 1e-12, "{}", f(w[1]));
		assert_eq!(w[2], 0);
		let w = flow_weights(&s(&[4, 1]), I64F64::from_num(0), 2000);
		assert!((f(w[1]) - 0.0625).abs() < 1e-12, "{}", f(w[1]));
		let w = flow_weights(&s(&[1_000_000, 1]), I64F64::from_num(0), 3000);
		assert!(f(w[1]) < 1e-17);
	}

	#[test]
	fn gate_bar_is_a_quantile_of_the_positive_shares() {
		let one = ONE_BITS;
		// Shares 0.5, 0.25, 0.25, 0 (the zero is not counted).
		let w = [2 * one, one, one, 0];
		assert_eq!(gate_bar(&w, 0), one / 4);
		assert_eq!(gate_bar(&w, 500_000_000), one / 4);
		assert_eq!(gate_bar(&w, 700_000_000), one / 2);
		assert_eq!(gate_bar(&w, 1_000_000_000), one / 2);
		assert_eq!(gate_bar(&[0, 0], 500_000_000), 0);
		assert_eq!(gate_bar(&[], 500_000_000), 0);
	}

	#[test]
	fn gate_moves_emission_to_the_leaders_and_never_withholds_it() {
		let one = ONE_BITS;
		let w = [6 * one, 3 * one, one];
		let bar = gate_bar(&w, 500_000_000); // 0.3
		let g = gate(&w, bar, 2);
		let share = |v: &[u128], i: usize| f(v[i]) / v.iter().map(|x| f(*x)).sum::<f64>();
		// s / (1 + (θ/s)^2): 0.6 → 0.48, 0.3 → 0.15, 0.1 → 0.01; renormalised.
		let expect = [0.48 / 0.64, 0.15 / 0.64, 0.01 / 0.64];
		for (i, e) in expect.iter().enumerate() {
			assert!((share(&g, i) - e).abs() < 1e-9, "{i}: {}", share(&g, i));
		}
		assert!(share(&g, 0) > share(&w, 0) && share(&g, 2) < share(&w, 2));
		// No bar, or nothing left after the gate: the weights stand.
		assert_eq!(gate(&w, 0, 2), w.to_vec());
		assert_eq!(gate(&[1, 1], one, 255), vec![1, 1], "both shares gated to nothing");
		// Many small equal shares at the bar: each halved, the split unchanged.
		let many = vec![one; 1_000];
		let g = gate(&many, gate_bar(&many, 500_000_000), 8);
		assert!(g.iter().all(|x| *x == g[0] && *x > 0));
		assert_eq!(gate(&[], one, 2), Vec::<u128>::new());
	}
}
