//! Yuma Consensus: the epoch that decides who earns what share of a subnet's pots
//! (`docs/yuma.md`).
//!
//! [`epoch`] is a pure function of a subnet's neurons, weights, bonds and hyperparameters. It
//! computes, in `substrate_fixed` types and with the rounding of `docs/yuma.md` §1, the stake
//! weights, the consensus (a stake-weighted median of the validators' weights), the clipped
//! weights, validator trust, incentive, the Yuma 3 bonds (an exponential moving average of the
//! clipped weights, stored un-normalised) and dividends, and the next validator permits.
//! [`split_pots`] turns the shares into rao: the miners' pot by incentive, the validators' alpha
//! pot and root TAO pot by the alpha and root parts of each dividend.
//!
//! Vectors are indexed by uid `0..n`. Sparse rows are `(uid, value)` pairs in the order they were
//! stored.

use alloc::{vec, vec::Vec};
use substrate_fixed::{
	traits::FromFixed,
	types::{I32F32, I64F64},
};

/// Every epoch vector and matrix entry: 32 integer bits, 32 fraction bits.
pub type Fx = I32F32;
/// A sparse row of a matrix: `(column uid, value)`.
pub type Row = Vec<(u16, Fx)>;

const ZERO: Fx = Fx::from_bits(0);
const ONE: Fx = Fx::from_bits(1 << 32);

/// `a ⊗ b`: the product, rounded down (the values here are never negative except in the
/// bonds-penalty interpolation, where the library's arithmetic shift floors too).
pub fn mul(a: Fx, b: Fx) -> Fx {
	a.saturating_mul(b)
}

/// `a ⊘ b`: the quotient, truncated; 0 when `b = 0` or the quotient overflows.
pub fn div(a: Fx, b: Fx) -> Fx {
	a.checked_div(b).unwrap_or(ZERO)
}

/// Exact sum of fixed-point values (saturating; sums here stay far below 2^31).
pub fn sum(values: impl IntoIterator<Item = Fx>) -> Fx {
	values.into_iter().fold(ZERO, |acc, x| acc.saturating_add(x))
}

/// `x ⊘ Σx` for every entry, unless the sum is 0.
pub fn normalize(values: &mut [Fx]) {
	let total = sum(values.iter().copied());
	if total == ZERO {
		return;
	}
	for x in values.iter_mut() {
		*x = div(*x, total);
	}
}

/// A stored `u16` proportion as a fixed-point value: `floor(u · 2^32 / 65535)`.
pub fn from_u16_proportion(u: u16) -> Fx {
	div(Fx::from_num(u), Fx::from_num(u16::MAX))
}

/// A proportion as a stored `u16`: `floor(x · 65535)`, clamped to `0..=65535`.
pub fn to_u16_proportion(x: Fx) -> u16 {
	mul(x, Fx::from_num(u16::MAX)).saturating_to_num::<u16>()
}

/// The values `set_weights` stores: scaled so that the largest is 65535, each rounded to the
/// nearest (ties away from zero), as the reference's `vec_u16_max_upscale_to_u16`.
pub fn max_upscale(values: &[u16]) -> Vec<u16> {
	let max = values.iter().copied().max().unwrap_or(0);
	if max == 0 {
		return values.to_vec();
	}
	let m = Fx::from_num(max);
	let full = Fx::from_num(u16::MAX);
	values
		.iter()
		.map(|v| {
			let v = Fx::from_num(*v);
			let scaled = if max > 32_768 { mul(v, div(full, m)) } else { div(mul(v, full), m) };
			scaled.round().saturating_to_num::<u16>()
		})
		.collect()
}

/// `κ`: `floor(kappa · 2^32 / 65535)`.
pub fn kappa_fixed(kappa: u16) -> Fx {
	from_u16_proportion(kappa)
}

/// The bond EMA's `α_b = 1 − floor(BondsMovingAverage · 2^32 / 10^6) / 2^32` (0 above 10^6).
pub fn bonds_ema_alpha(bonds_moving_average: u64) -> Fx {
	let keep = I64F64::from_num(bonds_moving_average.min(1_000_000))
		.checked_div(I64F64::from_num(1_000_000u32))
		.unwrap_or(I64F64::from_num(0));
	ONE.saturating_sub(Fx::from_fixed(keep))
}

/// Whether the epoch of `netuid` runs at `block` (docs/mechanism.md §6.4):
/// `(b + n + 1) mod (tempo + 1) = tempo`, never for a tempo of 0.
#[inline]
pub fn is_epoch_block(netuid: u16, tempo: u16, block: u64) -> bool {
	if tempo == 0 {
		return false;
	}
	let period = u64::from(tempo).saturating_add(1);
	block.saturating_add(u64::from(netuid)).saturating_add(1).checked_rem(period) == Some(u64::from(tempo))
}

/// The first block after `after` at which the epoch of `netuid` runs ([`is_epoch_block`]); `None`
/// for a tempo of 0 or past `u64::MAX`. A caller that walks blocks one by one can compare with
/// this block instead of testing every block.
pub fn next_epoch_block(netuid: u16, tempo: u16, after: u64) -> Option<u64> {
	if tempo == 0 {
		return None;
	}
	let period = u64::from(tempo).saturating_add(1);
	let first = after.checked_add(1)?;
	// Where `first` stands in the schedule: `(first + netuid + 1) mod period`, and the blocks until
	// that residue reaches `tempo`.
	let at = first.checked_add(u64::from(netuid))?.checked_add(1)?.checked_rem(period)?;
	let wait = u64::from(tempo).checked_add(period)?.checked_sub(at)?.checked_rem(period)?;
	first.checked_add(wait)
}

/// The activity cutoff in blocks: `max(1, floor(factor_milli · tempo / 1000))`.
pub fn activity_cutoff(factor_milli: u32, tempo: u16) -> u64 {
	(u64::from(factor_milli).saturating_mul(u64::from(tempo)) / 1_000).max(1)
}

/// One neuron as the epoch reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Neuron {
	/// `α_i = H(h_i, n)`: the hotkey's alpha stake on the subnet.
	pub alpha_stake: u64,
	/// `r_i = H(h_i, 0)`: the hotkey's root stake.
	pub root_stake: u64,
	/// The validator permit stored by the previous epoch.
	pub permit: bool,
	/// Block of its last `set_weights` (or of its registration).
	pub last_update: u64,
	/// Block of its registration.
	pub registered_at: u64,
}

/// The epoch's hyperparameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Params {
	/// `TaoWeight` in parts per billion.
	pub tao_weight_ppb: u32,
	/// `Kappa`: the stake majority that defines consensus, over 65535.
	pub kappa: u16,
	/// `BondsMovingAverage`, per million: the weight of the old bonds in the EMA.
	pub bonds_moving_average: u64,
	/// `BondsPenalty` over 65535: 65535 builds bonds from clipped weights, 0 from raw weights.
	pub bonds_penalty: u16,
	/// Blocks after its last update during which a validator counts as active.
	pub activity_cutoff: u64,
	/// `MaxValidators`: how many validator permits the epoch grants.
	pub max_validators: u16,
}

/// What the epoch reads.
#[derive(Clone, Debug)]
pub struct EpochInput<'a> {
	/// The current block `b`.
	pub block: u64,
	/// The subnet's tempo.
	pub tempo: u16,
	/// Block of the previous epoch, 0 if none.
	pub last_epoch_block: u64,
	/// Uid of the subnet owner's hotkey (forced permit, own weight kept).
	pub owner_uid: Option<u16>,
	/// Neurons by uid.
	pub neurons: &'a [Neuron],
	/// Stored weights by uid: `(target uid, u16 weight)`.
	pub weights: &'a [Vec<(u16, u16)>],
	/// Stored bonds by uid: `(target uid, u16 bond)`.
	pub bonds: &'a [Vec<(u16, u16)>],
	/// The subnet's hyperparameters.
	pub params: Params,
}

/// Everything the epoch computes, by uid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochOutput {
	/// `¬inactive_i`: updated within the activity cutoff.
	pub active: Vec<bool>,
	/// `S`: stake weight `α + tw·r`, normalised.
	pub stake: Vec<Fx>,
	/// `A`: stake of active permit holders, normalised.
	pub active_stake: Vec<Fx>,
	/// `W`: weights after the permit, diagonal and outdated masks, row-normalised.
	pub weights: Vec<Row>,
	/// `C`: the stake-weighted median of each column at `κ`.
	pub consensus: Vec<Fx>,
	/// `W̄ = min(W, C)`.
	pub clipped_weights: Vec<Row>,
	/// `VT_i = Σ_j W̄_ij`.
	pub validator_trust: Vec<Fx>,
	/// `R_j = Σ_i A_i ⊗ W̄_ij`.
	pub rank: Vec<Fx>,
	/// `I = R / ΣR`.
	pub incentive: Vec<Fx>,
	/// `B'`: the bonds EMA before storage scaling.
	pub ema_bonds: Vec<Row>,
	/// `D`: dividends, normalised.
	pub dividends: Vec<Fx>,
	/// `ŝ`: server shares of the total emission.
	pub server_share: Vec<Fx>,
	/// `v̂`: validator shares of the total emission.
	pub validator_share: Vec<Fx>,
	/// `D*`: what the validators' pots are split by (`D`, or `v̂` when `ΣI + ΣD = 0`).
	pub dividend_weights: Vec<Fx>,
	/// `P'`: the permits this epoch grants (used by the next).
	pub new_permits: Vec<bool>,
	/// The bonds to store: `floor(B'·65535)` for the rows of `P'`, empty rows otherwise.
	pub new_bonds: Vec<Vec<(u16, u16)>>,
}

/// `S`: `σ_i = α_i + tw·r_i` in I64F64, normalised, truncated to I32F32.
fn stake_weights(neurons: &[Neuron], tao_weight_ppb: u32) -> Vec<Fx> {
	// tw = floor(ppb · 2^64 / 10^9) as I64F64 bits; σ_i = α_i + tw ⊗ r_i is exact.
	let tw = I64F64::from_num(tao_weight_ppb.min(1_000_000_000))
		.checked_div(I64F64::from_num(1_000_000_000u32))
		.unwrap_or(I64F64::from_num(0));
	let sigma: Vec<I64F64> = neurons
		.iter()
		.map(|n| I64F64::from_num(n.alpha_stake).saturating_add(tw.saturating_mul(I64F64::from_num(n.root_stake))))
		.collect();
	let total = sigma.iter().fold(I64F64::from_num(0), |a, x| a.saturating_add(*x));
	sigma
		.into_iter()
		.map(|s| {
			let share = if total == I64F64::from_num(0) { s } else { s.checked_div(total).unwrap_or(I64F64::from_num(0)) };
			Fx::from_fixed(share)
		})
		.collect()
}

/// `P' = topk_nonzero(S, k)`: the `k` largest non-zero stake weights; at the cut, equal stakes keep
/// the higher uid (a stable ascending sort drops the lowest first).
fn top_k_permits(stake: &[Fx], k: u16) -> Vec<bool> {
	let n = stake.len();
	let mut permits: Vec<bool> = stake.iter().map(|s| *s != ZERO).collect();
	let k = usize::from(k);
	if n >= k {
		let mut order: Vec<usize> = (0..n).collect();
		order.sort_by_key(|i| stake.get(*i).copied().unwrap_or(ZERO));
		for i in order.into_iter().take(n.saturating_sub(k)) {
			if let Some(p) = permits.get_mut(i) {
				*p = false;
			}
		}
	}
	permits
}

/// `C_j`: the smallest value `x` among the validators' weights on `j` such that the stake of those
/// giving `j` at most `x` exceeds `T − κ`; the largest value if none does; 0 without validators.
///
/// `column` holds the `(weight, stake)` of the validators that weight `j`; `absent_stake` is the
/// stake of the `absent` others, whose weight on `j` is 0.
fn weighted_median(mut column: Vec<(Fx, Fx)>, absent: usize, absent_stake: Fx, minority: Fx) -> Fx {
	if absent > 0 {
		column.push((ZERO, absent_stake));
	}
	if column.is_empty() {
		return ZERO;
	}
	column.sort_by_key(|(x, _)| *x);
	let mut cumulative = ZERO;
	let mut i = 0;
	let mut last = ZERO;
	while let Some((x, _)) = column.get(i).copied() {
		// The whole group of equal values counts at once (ties are inclusive).
		while let Some((y, u)) = column.get(i).copied() {
			if y != x {
				break;
			}
			cumulative = cumulative.saturating_add(u);
			i = i.saturating_add(1);
		}
		if cumulative > minority {
			return x;
		}
		last = x;
	}
	last
}

/// Run the epoch (`docs/yuma.md` §4 and §5).
pub fn epoch(input: &EpochInput) -> EpochOutput {
	let n = input.neurons.len();
	let p = &input.params;
	let owner = input.owner_uid.map(usize::from).filter(|o| *o < n);
	let row_of = |rows: &[Vec<(u16, u16)>], i: usize| rows.get(i).cloned().unwrap_or_default();

	// 1. Activity.
	let active: Vec<bool> =
		input.neurons.iter().map(|nr| nr.last_update.saturating_add(p.activity_cutoff) >= input.block).collect();

	// 2. Stake.
	let stake = stake_weights(input.neurons, p.tao_weight_ppb);

	// 3. Permits: stored ones (owner forced) and the next ones.
	let permits: Vec<bool> = input.neurons.iter().enumerate().map(|(i, nr)| nr.permit || Some(i) == owner).collect();
	let mut new_permits = top_k_permits(&stake, p.max_validators);
	if let Some(o) = owner {
		if let Some(x) = new_permits.get_mut(o) {
			*x = true;
		}
	}

	// 4. Active stake.
	let mut active_stake: Vec<Fx> = (0..n)
		.map(|i| {
			let eligible = permits.get(i).copied().unwrap_or(false) && active.get(i).copied().unwrap_or(false);
			if eligible {
				stake.get(i).copied().unwrap_or(ZERO)
			} else {
				ZERO
			}
		})
		.collect();
	normalize(&mut active_stake);

	// 5. Weights: permit rows only, no self-weight (but the owner's), none older than its target's
	//    registration; row-normalised.
	let weights: Vec<Row> = (0..n)
		.map(|i| {
			if !permits.get(i).copied().unwrap_or(false) {
				return Vec::new();
			}
			let updated = input.neurons.get(i).map(|nr| nr.last_update).unwrap_or(0);
			let mut row: Row = row_of(input.weights, i)
				.into_iter()
				.filter(|(j, _)| {
					let j = usize::from(*j);
					let Some(target) = input.neurons.get(j) else { return false };
					(j != i || Some(i) == owner) && updated > target.registered_at
				})
				.map(|(j, w)| (j, Fx::from_num(w)))
				.collect();
			let total = sum(row.iter().map(|(_, w)| *w));
			if total > ZERO {
				for (_, w) in row.iter_mut() {
					*w = div(*w, total);
				}
			}
			row
		})
		.collect();

	// 6. Consensus: the stake-weighted median of each column over the validators with active stake.
	let mut voters: Vec<(usize, Fx)> =
		active_stake.iter().enumerate().filter(|(_, a)| **a > ZERO).map(|(i, a)| (i, *a)).collect();
	let mut voter_stake: Vec<Fx> = voters.iter().map(|(_, a)| *a).collect();
	normalize(&mut voter_stake);
	for (v, u) in voters.iter_mut().zip(voter_stake.iter()) {
		v.1 = *u;
	}
	let voters_total = sum(voter_stake.iter().copied());
	let minority = voters_total.saturating_sub(kappa_fixed(p.kappa));
	let mut columns: Vec<Vec<(Fx, Fx)>> = vec![Vec::new(); n];
	for (i, u) in &voters {
		for (j, w) in weights.get(*i).map(|r| r.as_slice()).unwrap_or(&[]) {
			if let Some(col) = columns.get_mut(usize::from(*j)) {
				col.push((*w, *u));
			}
		}
	}
	let consensus: Vec<Fx> = columns
		.into_iter()
		.map(|col| {
			let present = col.len();
			let present_stake = sum(col.iter().map(|(_, u)| *u));
			let absent = voters.len().saturating_sub(present);
			weighted_median(col, absent, voters_total.saturating_sub(present_stake), minority)
		})
		.collect();

	// 7. Clip to consensus; an entry clipped to 0 is removed.
	let clipped_weights: Vec<Row> = weights
		.iter()
		.map(|row| {
			row.iter()
				.filter_map(|(j, w)| {
					let c = consensus.get(usize::from(*j)).copied().unwrap_or(ZERO);
					if *w > c {
						(c > ZERO).then_some((*j, c))
					} else {
						Some((*j, *w))
					}
				})
				.collect()
		})
		.collect();

	// 8. Validator trust.
	let validator_trust: Vec<Fx> = clipped_weights.iter().map(|row| sum(row.iter().map(|(_, w)| *w))).collect();

	// 9. Rank and incentive.
	let mut rank: Vec<Fx> = vec![ZERO; n];
	for (i, row) in clipped_weights.iter().enumerate() {
		let a = active_stake.get(i).copied().unwrap_or(ZERO);
		for (j, w) in row {
			if let Some(r) = rank.get_mut(usize::from(*j)) {
				*r = r.saturating_add(mul(a, *w));
			}
		}
	}
	let mut incentive = rank.clone();
	normalize(&mut incentive);

	// 10. Weights for bonds: interpolate between W and W̄ by the bonds penalty.
	let beta = from_u16_proportion(p.bonds_penalty);
	let bond_weights: Vec<Row> = if beta == ONE {
		clipped_weights.clone()
	} else if beta == ZERO {
		weights.clone()
	} else {
		// An entry's clipped value is `min(W_ij, C_j)` (0 where clipping removed it).
		weights
			.iter()
			.map(|row| {
				row.iter()
					.filter_map(|(j, w)| {
						let c = consensus.get(usize::from(*j)).copied().unwrap_or(ZERO).min(*w);
						let x = w.saturating_add(mul(beta, c.saturating_sub(*w)));
						(x > ZERO).then_some((*j, x))
					})
					.collect()
			})
			.collect()
	};

	// 11. Yuma 3 bonds: the EMA of the bond weights over the stored bonds (columns of neurons
	//     registered since the last epoch dropped), then dividends from the column-normalised EMA.
	let last_tempo = if input.last_epoch_block == 0 {
		input.block.saturating_sub(u64::from(input.tempo))
	} else {
		input.last_epoch_block.saturating_add(1)
	};
	let alpha = bonds_ema_alpha(p.bonds_moving_average);
	let keep = ONE.saturating_sub(alpha);
	let mut dense: Vec<Option<Fx>> = vec![None; n];
	let ema_bonds: Vec<Row> = (0..n)
		.map(|i| {
			// `dense` is all `None` here: each row resets only the slots it touched, so the rows
			// cost their entries, not `n` each.
			let mut order: Vec<u16> = Vec::new();
			for (j, b) in row_of(input.bonds, i) {
				let Some(target) = input.neurons.get(usize::from(j)) else { continue };
				if last_tempo <= target.registered_at {
					continue;
				}
				if let Some(slot) = dense.get_mut(usize::from(j)) {
					if slot.is_none() {
						order.push(j);
					}
					*slot = Some(slot.unwrap_or(ZERO).saturating_add(mul(keep, from_u16_proportion(b))));
				}
			}
			for (j, w) in bond_weights.get(i).map(|r| r.as_slice()).unwrap_or(&[]) {
				if let Some(slot) = dense.get_mut(usize::from(*j)) {
					if slot.is_none() {
						order.push(*j);
					}
					*slot = Some(slot.unwrap_or(ZERO).saturating_add(mul(alpha, *w)));
				}
			}
			order.sort_unstable();
			order
				.into_iter()
				.filter_map(|j| {
					let slot = dense.get_mut(usize::from(j))?;
					slot.take().filter(|x| *x > ZERO).map(|x| (j, x))
				})
				.collect()
		})
		.collect();
	let mut column_sums: Vec<Fx> = vec![ZERO; n];
	for row in &ema_bonds {
		for (j, b) in row {
			if let Some(s) = column_sums.get_mut(usize::from(*j)) {
				*s = s.saturating_add(*b);
			}
		}
	}
	let mut dividends: Vec<Fx> = ema_bonds
		.iter()
		.enumerate()
		.map(|(i, row)| {
			let tau = sum(row.iter().map(|(j, b)| {
				let j = usize::from(*j);
				let normalised = div(*b, column_sums.get(j).copied().unwrap_or(ZERO));
				mul(normalised, incentive.get(j).copied().unwrap_or(ZERO))
			}));
			mul(tau, active_stake.get(i).copied().unwrap_or(ZERO))
		})
		.collect();
	normalize(&mut dividends);

	// 12. Emission shares.
	let total = sum(incentive.iter().chain(dividends.iter()).copied());
	let (server_share, validator_share, dividend_weights) = if total != ZERO {
		(
			incentive.iter().map(|x| div(*x, total)).collect(),
			dividends.iter().map(|x| div(*x, total)).collect(),
			dividends.clone(),
		)
	} else {
		let fallback = if sum(active_stake.iter().copied()) == ZERO { stake.clone() } else { active_stake.clone() };
		(vec![ZERO; n], fallback.clone(), fallback)
	};

	// 13. Bonds to store: the new rows of the permit holders, empty rows for the others.
	let new_bonds = ema_bonds
		.iter()
		.enumerate()
		.map(|(i, row)| {
			if new_permits.get(i).copied().unwrap_or(false) {
				row.iter().map(|(j, b)| (*j, to_u16_proportion(*b))).collect()
			} else {
				Vec::new()
			}
		})
		.collect();

	EpochOutput {
		active,
		stake,
		active_stake,
		weights,
		consensus,
		clipped_weights,
		validator_trust,
		rank,
		incentive,
		ema_bonds,
		dividends,
		server_share,
		validator_share,
		dividend_weights,
		new_permits,
		new_bonds,
	}
}

/// The pending balances an epoch drains (besides the owner's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pots {
	/// `PendingMinerAlpha`.
	pub miner: u64,
	/// `PendingValidatorAlpha`.
	pub validator: u64,
	/// `PendingRootTao`.
	pub root: u64,
}

/// How the pots are shared, by uid, before takes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
	/// `ΣI = 0`: the miners' pot joined the validators' alpha pot.
	pub miners_to_validators: bool,
	/// Alpha paid to each miner, `floor(M · I_j / ΣI)`.
	pub miner: Vec<u64>,
	/// `a_i`: the alpha part of each dividend weight (I32F32 bits).
	pub alpha_part: Vec<u64>,
	/// `ρ_i`: the root part of each dividend weight (I32F32 bits).
	pub root_part: Vec<u64>,
	/// Alpha paid to each validator, `floor(V · a_i / Σa)`.
	pub validator_alpha: Vec<u64>,
	/// Root TAO paid to each validator, `floor(T · ρ_i / Σρ)`.
	pub root_tao: Vec<u64>,
}

/// `floor(pot · x / total)`, 0 if `total = 0`.
fn share_of(pot: u64, x: u128, total: u128) -> u64 {
	let q = u128::from(pot).saturating_mul(x).checked_div(total).unwrap_or(0);
	u64::try_from(q).unwrap_or(pot).min(pot)
}

/// Bits of a non-negative fixed-point value.
fn bits(x: Fx) -> u64 {
	u64::try_from(x.to_bits()).unwrap_or(0)
}

/// Split the pots by the epoch's shares (`docs/yuma.md` §6). Nothing is rounded up, so the
/// payments never exceed the pots; what rounding leaves stays pending.
pub fn split_pots(neurons: &[Neuron], out: &EpochOutput, tao_weight_ppb: u32, pots: Pots) -> Split {
	let n = neurons.len();
	let incentive: Vec<u128> = (0..n).map(|j| u128::from(out.incentive.get(j).copied().map(bits).unwrap_or(0))).collect();
	let incentive_total: u128 = incentive.iter().sum();
	let miners_to_validators = incentive_total == 0;
	let (miner_pot, validator_pot) =
		if miners_to_validators { (0, pots.validator.saturating_add(pots.miner)) } else { (pots.miner, pots.validator) };
	let miner = incentive.iter().map(|x| share_of(miner_pot, *x, incentive_total)).collect();

	let tw = u128::from(tao_weight_ppb.min(1_000_000_000));
	let mut alpha_part = vec![0u64; n];
	let mut root_part = vec![0u64; n];
	for (i, nr) in neurons.iter().enumerate() {
		let d = u128::from(out.dividend_weights.get(i).copied().map(bits).unwrap_or(0));
		if d == 0 {
			continue;
		}
		let root_weight = tw.saturating_mul(u128::from(nr.root_stake));
		let total_weight = u128::from(nr.alpha_stake).saturating_mul(1_000_000_000).saturating_add(root_weight);
		let rho = d.saturating_mul(root_weight).checked_div(total_weight).unwrap_or(0);
		if let (Some(a), Some(r)) = (alpha_part.get_mut(i), root_part.get_mut(i)) {
			*r = u64::try_from(rho).unwrap_or(0);
			*a = u64::try_from(d.saturating_sub(rho)).unwrap_or(0);
		}
	}
	let alpha_total: u128 = alpha_part.iter().map(|x| u128::from(*x)).sum();
	let root_total: u128 = root_part.iter().map(|x| u128::from(*x)).sum();
	let validator_alpha = alpha_part.iter().map(|a| share_of(validator_pot, u128::from(*a), alpha_total)).collect();
	let root_tao = root_part.iter().map(|r| share_of(pots.root, u128::from(*r), root_total)).collect();
	Split { miners_to_validators, miner, alpha_part, root_part, validator_alpha, root_tao }
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn max_upscale_examples() {
		assert_eq!(max_upscale(&[50, 30, 20]), vec![65535, 39321, 26214]);
		assert_eq!(max_upscale(&[60, 40]), vec![65535, 43690]);
		assert_eq!(max_upscale(&[10, 90]), vec![7282, 65535]);
		assert_eq!(max_upscale(&[2, 1]), vec![65535, 32768]);
		assert_eq!(max_upscale(&[3, 0]), vec![65535, 0]);
		assert_eq!(max_upscale(&[0, 0]), vec![0, 0]);
		assert_eq!(max_upscale(&[65535, 1]), vec![65535, 1]);
	}

	#[test]
	fn constants() {
		assert_eq!(kappa_fixed(32_767).to_bits(), 2_147_450_879);
		assert_eq!(bonds_ema_alpha(900_000).to_bits(), 429_496_730);
		assert_eq!(bonds_ema_alpha(1_000_000).to_bits(), 0);
		assert_eq!(bonds_ema_alpha(0), ONE);
		assert_eq!(activity_cutoff(13_889, 360), 5_000);
		assert_eq!(activity_cutoff(13_889, 0), 1);
		assert_eq!(activity_cutoff(1_000, 10), 10);
		assert_eq!(from_u16_proportion(65535), ONE);
		assert_eq!(to_u16_proportion(ONE), 65535);
		assert_eq!(to_u16_proportion(Fx::from_bits(214_748_365)), 3276);
	}

	#[test]
	fn next_epoch_block_examples() {
		assert_eq!(next_epoch_block(1, 10, 0), Some(8));
		assert_eq!(next_epoch_block(1, 10, 7), Some(8));
		assert_eq!(next_epoch_block(1, 10, 8), Some(19));
		assert_eq!(next_epoch_block(2, 10, 0), Some(7));
		assert_eq!(next_epoch_block(1, 360, 0), Some(358));
		assert_eq!(next_epoch_block(1, 0, 0), None);
		assert_eq!(next_epoch_block(1, 10, u64::MAX), None);
	}

	proptest::proptest! {
		/// The block `next_epoch_block` names is an epoch block, and none before it after `after`.
		#[test]
		fn next_epoch_block_is_the_first_epoch_after(netuid: u16, tempo in 1u16..=2_000, after in 0u64..(1 << 62)) {
			let next = next_epoch_block(netuid, tempo, after).unwrap();
			proptest::prop_assert!(next > after && next <= after + u64::from(tempo) + 1);
			proptest::prop_assert!(is_epoch_block(netuid, tempo, next));
			for b in after + 1..next {
				proptest::prop_assert!(!is_epoch_block(netuid, tempo, b));
			}
		}
	}

	#[test]
	fn median_rules() {
		let f = Fx::from_bits;
		// Two voters 0.6 / 0.4 weighting 0.5 and 0.2: the majority's value wins at κ = 0.5.
		let col = vec![(f(1 << 31), f(2_576_980_377)), (f(858_993_459), f(1_717_986_918))];
		assert_eq!(weighted_median(col.clone(), 0, ZERO, f(4_294_967_295 - 2_147_450_879)), f(1 << 31));
		// A voter absent with 0.6: the median is 0.
		let col = vec![(f(858_993_459), f(1_717_986_918))];
		assert_eq!(weighted_median(col, 1, f(2_576_980_377), f(4_294_967_295 - 2_147_450_879)), ZERO);
		assert_eq!(weighted_median(Vec::new(), 0, ZERO, ZERO), ZERO);
	}
}
