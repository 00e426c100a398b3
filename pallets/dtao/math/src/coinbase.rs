//! The per-block coinbase (docs/mechanism.md §6.2–§6.3) as pure functions: the split of the
//! block's TAO across subnets by moving price, one subnet's block step (injection, owner cut,
//! miners' and validators' alpha, root proportion, root sell, pending balances) and the moving
//! price's step. The pallet's hook and any offline tool call the same functions.
//!
//! Moving prices are `U64F64` (TAO per alpha, 64 fractional bits). Shares, the root proportion and
//! the moving price's step are exact rationals of integers (the `U64F64` bits are integers too),
//! computed with `sp-arithmetic`'s 256-bit-exact rational helper and rounded down once.

use crate::{mul_ppb_floor, swap::sell_raw, wide, UNIT};
use substrate_fixed::types::U64F64;

/// One, as `U64F64` bits.
pub const ONE_BITS: u128 = 1 << 64;

/// `τ_n = floor(E · m_n / M)`; 0 when `M = 0`. `total_moving_bits` is `M` as `U64F64` bits (a sum
/// of moving prices, which may exceed what one `U64F64` holds).
#[inline]
pub fn tao_share(emission: u64, moving: U64F64, total_moving_bits: u128) -> u64 {
	if total_moving_bits == 0 {
		return 0;
	}
	let share = wide::mul_div_floor(u128::from(emission), moving.to_bits(), total_moving_bits).unwrap_or(0);
	u64::try_from(share).unwrap_or(emission).min(emission)
}

/// `M`: the sum of the moving prices, as `U64F64` bits (saturating).
pub fn total_moving(moving: impl IntoIterator<Item = U64F64>) -> u128 {
	moving.into_iter().fold(0u128, |acc, m| acc.saturating_add(m.to_bits()))
}

/// `α_in = min(floor(τ / p), cap)` with `p = T / A`, i.e. `min(floor(τ · A / T), cap)`.
#[inline]
pub fn alpha_in(tau: u64, tao_reserve: u64, alpha_reserve: u64, cap: u64) -> u64 {
	let a = u128::from(tau).saturating_mul(u128::from(alpha_reserve)).checked_div(u128::from(tao_reserve));
	match a {
		None => cap,
		Some(a) => u64::try_from(a).unwrap_or(u64::MAX).min(cap),
	}
}

/// `ρ = tw·T_0 / (tw·T_0 + I_n)` as the exact fraction `(num, den)`, with `tw` in parts per billion:
/// `num = T_0 · tw_ppb`, `den = T_0 · tw_ppb + I_n · 10^9`.
#[inline]
pub fn root_proportion(root_stake: u64, tao_weight_ppb: u32, alpha_issuance: u64) -> (u128, u128) {
	let num = u128::from(root_stake).saturating_mul(u128::from(tao_weight_ppb));
	let den = num.saturating_add(u128::from(alpha_issuance).saturating_mul(u128::from(UNIT)));
	(num, den)
}

/// `ρ` in parts per billion, rounded down (for display).
#[inline]
pub fn root_proportion_ppb(root_stake: u64, tao_weight_ppb: u32, alpha_issuance: u64) -> u32 {
	ppb_of(root_proportion(root_stake, tao_weight_ppb, alpha_issuance))
}

/// `num / den` in parts per billion, rounded down (at most 10^9 for a proportion).
fn ppb_of((num, den): (u128, u128)) -> u32 {
	let p = wide::mul_div_floor(num, u128::from(UNIT), den).unwrap_or(0);
	u32::try_from(p).unwrap_or(1_000_000_000)
}

/// Root's alpha `ra = floor(v · ρ)`.
#[inline]
pub fn root_alpha(validator_alpha: u64, root_stake: u64, tao_weight_ppb: u32, alpha_issuance: u64) -> u64 {
	root_alpha_of(validator_alpha, root_proportion(root_stake, tao_weight_ppb, alpha_issuance))
}

/// `floor(v · ρ)` for `ρ = (num, den)` from [`root_proportion`].
#[inline]
fn root_alpha_of(validator_alpha: u64, (num, den): (u128, u128)) -> u64 {
	if num == 0 {
		return 0;
	}
	let ra = wide::mul_div_floor(u128::from(validator_alpha), num, den).unwrap_or(0);
	u64::try_from(ra).unwrap_or(validator_alpha).min(validator_alpha)
}

/// The spot price `T / A` as a `U64F64`, rounded down; 0 for an empty alpha reserve.
#[inline]
pub fn price(tao_reserve: u64, alpha_reserve: u64) -> U64F64 {
	let bits = (u128::from(tao_reserve) << 64).checked_div(u128::from(alpha_reserve)).unwrap_or(0);
	U64F64::from_bits(bits)
}

/// A price in rao per alpha as a `U64F64` (TAO per alpha), rounded down.
#[inline]
pub fn from_rao_price(price: u64) -> U64F64 {
	U64F64::from_bits((u128::from(price) << 64).checked_div(u128::from(UNIT)).unwrap_or(0))
}

/// A `U64F64` price as rao per alpha, rounded down.
#[inline]
pub fn to_rao_price(m: U64F64) -> u64 {
	let p = wide::mul_shr64(m.to_bits(), u128::from(UNIT)).unwrap_or(0);
	u64::try_from(p).unwrap_or(u64::MAX)
}

/// One step of the moving price (docs/mechanism.md §6.3):
/// `α_eff = MovingAlpha · b / (b + MovingHalvingBlocks)`, `m ← m + α_eff · (min(p, cap) − m)`.
///
/// `moving_alpha_ppb` is `MovingAlpha` in parts per billion, `blocks` is `b` (blocks since
/// `start_call`). `α_eff` is kept as an exact fraction and the step `α_eff · |target − m|` is
/// rounded down to the last `U64F64` bit, so `m` never overshoots the target and moves whenever
/// the step is at least one bit (2^-64 TAO per alpha).
#[inline]
pub fn moving_price_step(moving: U64F64, price: U64F64, cap: U64F64, moving_alpha_ppb: u32, blocks: u64, halving_blocks: u64) -> U64F64 {
	let (m, target) = (moving.to_bits(), price.min(cap).to_bits());
	let num = u128::from(moving_alpha_ppb.min(1_000_000_000)).saturating_mul(u128::from(blocks));
	let den = u128::from(UNIT).saturating_mul(u128::from(blocks).saturating_add(u128::from(halving_blocks)));
	if den == 0 || num == 0 {
		return moving;
	}
	let bits = if target >= m {
		m.saturating_add(wide::mul_div_floor(target.saturating_sub(m), num, den).unwrap_or(0))
	} else {
		m.saturating_sub(wide::mul_div_floor(m.saturating_sub(target), num, den).unwrap_or(0))
	};
	U64F64::from_bits(bits)
}

/// A subnet's pool and pending balances: what one block step reads and writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SubnetState {
	/// `T_n`.
	pub tao_reserve: u64,
	/// `A_n`.
	pub alpha_reserve: u64,
	/// `O_n`.
	pub alpha_outstanding: u64,
	/// The owner's cut of the alpha out, pending until the next epoch.
	pub pending_owner_alpha: u64,
	/// The miners' part (`MinerShare` of what the owner's cut leaves), pending until the next epoch.
	pub pending_miner_alpha: u64,
	/// The validators' part (what the owner's cut and the miners' part leave), less root's share,
	/// pending until the next epoch.
	pub pending_validator_alpha: u64,
	/// The TAO bought with root's share, pending until the next epoch pays root stakers.
	pub pending_root_tao: u64,
	/// Root's alpha kept for root stakers (`RootAlphaUse::Keep`), until the next epoch.
	pub pending_root_alpha: u64,
}

impl SubnetState {
	/// `I_n = A_n + O_n` (saturating).
	#[inline]
	pub fn alpha_issuance(&self) -> u64 {
		self.alpha_reserve.saturating_add(self.alpha_outstanding)
	}
}

/// What the block step needs besides the subnet: the chain's parameters and root stake.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BlockParams {
	/// `BlockEmission`: the emission before halvings (of TAO, and of each subnet's alpha).
	pub block_emission: u64,
	/// `OwnerCut`, parts per billion of the alpha out.
	pub owner_cut_ppb: u32,
	/// `MinerShare`, parts per billion of the alpha out after the owner's cut.
	pub miner_share_ppb: u32,
	/// `TaoWeight`, parts per billion: the weight of root stake in the root proportion.
	pub tao_weight_ppb: u32,
	/// `T_0`: TAO staked on root.
	pub root_stake: u64,
	/// `MinPoolReserve`: the root sell is skipped if it would leave less TAO in the pool.
	pub min_pool_reserve: u64,
	/// Not the chain's rule (the chain always caps): inject `floor(τ / p)` alpha even above the
	/// subnet's alpha emission, for offline comparisons of what the cap does.
	pub uncapped_alpha_in: bool,
	/// What happens to root's share of the validators' alpha.
	pub root_alpha: RootAlphaUse,
}

/// What a block does with root's share of the validators' alpha (`RootDividends`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RootAlphaUse {
	/// Sold into the pool for TAO, without fee (`SellPerBlock`).
	#[default]
	Sell,
	/// Taken out of `O_n` (`SellPerBlock` with the sell gate, while the moving prices add up to at
	/// most 1).
	Recycle,
	/// Kept as alpha in `pending_root_alpha`, for root stakers (`KeepAlpha`).
	Keep,
}

/// What one block did to one subnet (docs/mechanism.md §6.2 step 9).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BlockRecord {
	/// `τ`: TAO injected into the pool.
	pub tao_in: u64,
	/// `α_in`: alpha injected into the pool's reserve.
	pub alpha_in: u64,
	/// `α_out`: alpha minted outside the pool (owner, miners, validators).
	pub alpha_out: u64,
	/// Root's share of the validators' alpha sold into the pool.
	pub root_alpha_sold: u64,
	/// The TAO that sale bought, pending for root stakers.
	pub root_tao_bought: u64,
	/// `ρ_n` of the block as the exact fraction `(num, den)` of [`root_proportion`] (its parts per
	/// billion, which cost a division, are [`BlockRecord::root_proportion_ppb`], for whoever shows
	/// them).
	pub root_proportion: (u128, u128),
	/// Root's alpha taken out of `O_n` instead of sold (`RootAlphaUse::Recycle`).
	pub root_alpha_recycled: u64,
	/// Root's alpha kept for root stakers instead of sold (`RootAlphaUse::Keep`).
	pub root_alpha_kept: u64,
}

impl BlockRecord {
	/// `ρ_n` of the block in parts per billion, rounded down ([`root_proportion_ppb`]).
	pub fn root_proportion_ppb(&self) -> u32 {
		ppb_of(self.root_proportion)
	}
}

/// Steps 3–9 of docs/mechanism.md §6.2 for one subnet, given its TAO `tau` for this block (steps
/// 1–2: [`tao_share`], minted by the caller): inject, split the alpha out, sell root's share of the
/// validators' alpha into the pool without fee, accumulate the pending balances.
#[inline]
pub fn subnet_block(state: &mut SubnetState, tau: u64, p: &BlockParams) -> BlockRecord {
	// 3. Alpha in, capped by the subnet's alpha emission; alpha out.
	let alpha_emission = crate::block_emission(state.alpha_issuance(), p.block_emission);
	let cap = if p.uncapped_alpha_in { u64::MAX } else { alpha_emission };
	let alpha_in = alpha_in(tau, state.tao_reserve, state.alpha_reserve, cap);
	let alpha_out = alpha_emission;

	// 4. Inject.
	state.tao_reserve = state.tao_reserve.saturating_add(tau);
	state.alpha_reserve = state.alpha_reserve.saturating_add(alpha_in);
	state.alpha_outstanding = state.alpha_outstanding.saturating_add(alpha_out);

	// 5. Owner cut, miners, validators.
	let owner = mul_ppb_floor(alpha_out, p.owner_cut_ppb);
	let rest = alpha_out.saturating_sub(owner);
	let miners = mul_ppb_floor(rest, p.miner_share_ppb);
	let validators = rest.saturating_sub(miners);

	// 6–7. Root proportion from issuance after injection; root's alpha sold without fee, unless
	//      the sale would break the liquidity floor; or recycled: taken out of the alpha outstanding.
	let root_proportion = root_proportion(p.root_stake, p.tao_weight_ppb, state.alpha_issuance());
	let mut root_alpha = root_alpha_of(validators, root_proportion);
	let mut root_tao = 0;
	let (mut recycled, mut kept) = (0, 0);
	if root_alpha > 0 && p.root_alpha == RootAlphaUse::Recycle {
		state.alpha_outstanding = state.alpha_outstanding.saturating_sub(root_alpha);
		recycled = root_alpha;
		root_alpha = 0;
	} else if root_alpha > 0 && p.root_alpha == RootAlphaUse::Keep {
		kept = root_alpha;
		root_alpha = 0;
	} else if root_alpha > 0 {
		match sell_raw(state.tao_reserve, state.alpha_reserve, root_alpha, 0) {
			Some((out, _, tao_after, alpha_after)) if tao_after >= p.min_pool_reserve => {
				root_tao = out;
				state.tao_reserve = tao_after;
				state.alpha_reserve = alpha_after;
				state.alpha_outstanding = state.alpha_outstanding.saturating_sub(root_alpha);
			},
			_ => root_alpha = 0,
		}
	}

	// 8. Accumulate.
	state.pending_owner_alpha = state.pending_owner_alpha.saturating_add(owner);
	state.pending_miner_alpha = state.pending_miner_alpha.saturating_add(miners);
	state.pending_validator_alpha =
		state.pending_validator_alpha.saturating_add(validators.saturating_sub(root_alpha).saturating_sub(recycled).saturating_sub(kept));
	state.pending_root_tao = state.pending_root_tao.saturating_add(root_tao);
	state.pending_root_alpha = state.pending_root_alpha.saturating_add(kept);

	// 9. Record.
	BlockRecord {
		tao_in: tau,
		alpha_in,
		alpha_out,
		root_alpha_sold: root_alpha,
		root_tao_bought: root_tao,
		root_proportion,
		root_alpha_recycled: recycled,
		root_alpha_kept: kept,
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn shares_of_moving_prices_one_and_two() {
		let (one, two) = (U64F64::from_num(1), U64F64::from_num(2));
		let total = total_moving([one, two]);
		assert_eq!(total, ONE_BITS * 3);
		assert_eq!(tao_share(100_000_000, one, total), 33_333_333);
		assert_eq!(tao_share(100_000_000, two, total), 66_666_666);
		assert_eq!(tao_share(100_000_000, U64F64::from_num(0), 0), 0);
	}

	#[test]
	fn root_proportion_worked_example() {
		// T_0 = 1e12, tw = 0.18, I_n = 1e11: ρ = 180 / 280 = 0.642857142…
		assert_eq!(root_proportion_ppb(1_000_000_000_000, 180_000_000, 100_000_000_000), 642_857_142);
		assert_eq!(root_alpha(1_000_000_000, 1_000_000_000_000, 180_000_000, 100_000_000_000), 642_857_142);
		assert_eq!(root_alpha(1_000_000_000, 0, 180_000_000, 100_000_000_000), 0);
	}

	#[test]
	fn block_step_worked_numbers() {
		// T = A = 1_000 TAO, issuance 2_000 TAO of alpha after injection; 1 TAO in, price 1.
		let mut st = SubnetState { tao_reserve: 1_000 * UNIT, alpha_reserve: 1_000 * UNIT, ..Default::default() };
		let p = BlockParams {
			block_emission: UNIT,
			owner_cut_ppb: 180_000_000,
			miner_share_ppb: 500_000_000,
			tao_weight_ppb: 180_000_000,
			root_stake: 0,
			min_pool_reserve: 1_000_000,
			uncapped_alpha_in: false,
			root_alpha: RootAlphaUse::Sell,
		};
		let r = subnet_block(&mut st, UNIT, &p);
		assert_eq!((r.tao_in, r.alpha_in, r.alpha_out, r.root_alpha_sold), (UNIT, UNIT, UNIT, 0));
		assert_eq!((st.pending_owner_alpha, st.pending_miner_alpha, st.pending_validator_alpha), (180_000_000, 410_000_000, 410_000_000));
		assert_eq!((st.tao_reserve, st.alpha_reserve, st.alpha_outstanding), (1_001 * UNIT, 1_001 * UNIT, UNIT));
		// With root stake, root's share of the validators' alpha is sold for TAO.
		let p = BlockParams { root_stake: 1_000 * UNIT, ..p };
		let r = subnet_block(&mut st, 0, &p);
		assert!(r.root_alpha_sold > 0 && r.root_tao_bought > 0);
		assert_eq!(st.pending_root_tao, r.root_tao_bought);
		assert_eq!(st.alpha_outstanding, 2 * UNIT - r.root_alpha_sold);
		// Recycled instead: the same alpha leaves the outstanding, no TAO is bought, the pool is
		// untouched and the validators keep the same part.
		let (mut sold, mut recycled) = (st, st);
		let a = subnet_block(&mut sold, 0, &p);
		let b = subnet_block(&mut recycled, 0, &BlockParams { root_alpha: RootAlphaUse::Recycle, ..p });
		assert_eq!((b.root_alpha_recycled, b.root_alpha_sold, b.root_tao_bought), (a.root_alpha_sold, 0, 0));
		assert_eq!(recycled.alpha_outstanding, sold.alpha_outstanding);
		assert_eq!((recycled.tao_reserve, recycled.alpha_reserve), (st.tao_reserve, st.alpha_reserve + b.alpha_in));
		assert_eq!(recycled.pending_validator_alpha, sold.pending_validator_alpha);
		assert_eq!(recycled.pending_root_tao, st.pending_root_tao);
		// Kept instead: the same alpha stays outstanding, pending for root stakers.
		let mut kept = st;
		let c = subnet_block(&mut kept, 0, &BlockParams { root_alpha: RootAlphaUse::Keep, ..p });
		assert_eq!((c.root_alpha_kept, c.root_alpha_sold, c.root_alpha_recycled), (a.root_alpha_sold, 0, 0));
		assert_eq!(kept.pending_root_alpha, st.pending_root_alpha + c.root_alpha_kept);
		assert_eq!(kept.alpha_outstanding, sold.alpha_outstanding + c.root_alpha_kept);
		assert_eq!((kept.tao_reserve, kept.alpha_reserve), (recycled.tao_reserve, recycled.alpha_reserve));
		assert_eq!(kept.pending_validator_alpha, sold.pending_validator_alpha);
	}

	#[test]
	fn alpha_in_is_capped() {
		assert_eq!(alpha_in(1_000, 2_000, 1_000, u64::MAX), 500);
		assert_eq!(alpha_in(1_000, 1_000, 2_000, 1_500), 1_500);
	}

	#[test]
	fn moving_price_moves_every_block_and_is_capped() {
		let cap = from_rao_price(UNIT);
		let p = price(2, 1);
		let zero = U64F64::from_num(0);
		// First block after start: α_eff = 3e-6 · 1 / 201_601, still a visible step.
		let m1 = moving_price_step(zero, p, cap, 3_000, 1, 201_600);
		assert!(m1 > zero);
		assert_eq!(m1.to_bits(), (ONE_BITS * 3_000) / (1_000_000_000u128 * 201_601));
		let m2 = moving_price_step(m1, p, cap, 3_000, 2, 201_600);
		assert!(m2 > m1);
		// Never beyond the cap.
		let mut m = zero;
		for b in 1..1_000 {
			m = moving_price_step(m, p, cap, 1_000_000_000, b, 0);
		}
		assert_eq!(m, cap);
		assert_eq!(cap, U64F64::from_num(1));
		assert_eq!(to_rao_price(cap), UNIT);
		// A price below the average pulls it down.
		assert!(moving_price_step(cap, zero, cap, 3_000, 10, 0) < cap);
	}
}
