//! Property tests of Yuma Consensus (`docs/yuma.md`) over random subnets of up to 256 neurons:
//! random stakes, weights, bonds, permits, activity and hyperparameters.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::unwrap_used)]
use dtao_math::yuma::{epoch, split_pots, EpochInput, EpochOutput, Fx, Neuron, Params, Pots};
use proptest::prelude::*;

const ONE: i64 = 1 << 32;

#[derive(Clone, Debug)]
struct Subnet {
	block: u64,
	tempo: u16,
	last_epoch_block: u64,
	owner_uid: Option<u16>,
	neurons: Vec<Neuron>,
	weights: Vec<Vec<(u16, u16)>>,
	bonds: Vec<Vec<(u16, u16)>>,
	params: Params,
}

impl Subnet {
	fn run(&self) -> EpochOutput {
		epoch(&EpochInput {
			block: self.block,
			tempo: self.tempo,
			last_epoch_block: self.last_epoch_block,
			owner_uid: self.owner_uid,
			neurons: &self.neurons,
			weights: &self.weights,
			bonds: &self.bonds,
			params: self.params,
		})
	}
}

/// A sparse row over `n` uids: distinct uids, random values.
fn row(n: usize) -> impl Strategy<Value = Vec<(u16, u16)>> {
	prop::collection::btree_map(0..n as u16, any::<u16>(), 0..=n.min(24)).prop_map(|m| m.into_iter().collect())
}

fn subnet() -> impl Strategy<Value = Subnet> {
	(1usize..=256).prop_flat_map(|n| {
		let neuron = (
			prop_oneof![Just(0u64), 1u64..1_000_000_000_000_000],
			prop_oneof![Just(0u64), 1u64..1_000_000_000_000_000],
			any::<bool>(),
			0u64..2_000,
			0u64..2_000,
		)
			.prop_map(|(alpha_stake, root_stake, permit, last_update, registered_at)| Neuron {
				alpha_stake,
				root_stake,
				permit,
				last_update,
				registered_at,
			});
		let params = (0u32..=1_000_000_000, any::<u16>(), 0u64..=1_000_000, any::<u16>(), 1u64..3_000, 1u16..=300)
			.prop_map(|(tao_weight_ppb, kappa, bonds_moving_average, bonds_penalty, activity_cutoff, max_validators)| Params {
				tao_weight_ppb,
				kappa,
				bonds_moving_average,
				bonds_penalty,
				activity_cutoff,
				max_validators,
			});
		(
			2_000u64..4_000,
			0u16..=360,
			prop_oneof![Just(0u64), 1u64..2_000],
			prop::option::of(0..n as u16),
			prop::collection::vec(neuron, n),
			prop::collection::vec(row(n), n),
			prop::collection::vec(row(n), n),
			params,
		)
			.prop_map(|(block, tempo, last_epoch_block, owner_uid, neurons, weights, bonds, params)| Subnet {
				block,
				tempo,
				last_epoch_block,
				owner_uid,
				neurons,
				weights,
				bonds,
				params,
			})
	})
}

fn total(v: &[Fx]) -> i64 {
	v.iter().map(|x| x.to_bits()).sum()
}

/// A normalised vector sums to 1 less at most one ulp per entry (each division truncates), or is
/// all zero.
fn normalised_or_zero(v: &[Fx]) -> bool {
	let t = total(v);
	t == 0 || (t <= ONE && t >= ONE - v.len() as i64)
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

	#[test]
	fn shares_and_clipping(s in subnet()) {
		let out = s.run();
		let n = s.neurons.len();
		prop_assert!(normalised_or_zero(&out.incentive), "incentive sums to {}", total(&out.incentive));
		prop_assert!(normalised_or_zero(&out.dividends), "dividends sum to {}", total(&out.dividends));
		prop_assert!(normalised_or_zero(&out.stake));
		prop_assert!(normalised_or_zero(&out.active_stake));
		for (i, (row, clipped)) in out.weights.iter().zip(out.clipped_weights.iter()).enumerate() {
			// Clipped weights never exceed consensus nor the weight they clip.
			for (j, w) in clipped {
				prop_assert!(*w <= out.consensus[*j as usize]);
				let raw = row.iter().find(|(k, _)| k == j).map(|(_, x)| *x).unwrap();
				prop_assert!(*w <= raw);
			}
			// A validator whose weights are all within consensus keeps them all: full trust.
			if row.iter().all(|(j, w)| *w <= out.consensus[*j as usize]) {
				prop_assert_eq!(out.validator_trust[i], row.iter().fold(Fx::from_num(0), |a, (_, w)| a + *w));
			}
			prop_assert!(out.validator_trust[i].to_bits() <= ONE);
		}
		// No dividend without active stake; bonds stored only for the new permits.
		for i in 0..n {
			if out.active_stake[i].to_bits() == 0 {
				prop_assert_eq!(out.dividends[i].to_bits(), 0);
			}
			if !out.new_permits[i] {
				prop_assert!(out.new_bonds[i].is_empty());
			}
		}
		let permits = out.new_permits.iter().filter(|p| **p).count();
		prop_assert!(permits <= usize::from(s.params.max_validators) + 1);
		// The consensus of a column is one of its validators' weights, or 0.
		for (j, c) in out.consensus.iter().enumerate() {
			let values: Vec<Fx> = out.weights.iter().enumerate()
				.filter(|(i, _)| out.active_stake[*i].to_bits() > 0)
				.filter_map(|(_, r)| r.iter().find(|(k, _)| *k as usize == j).map(|(_, w)| *w))
				.collect();
			prop_assert!(c.to_bits() == 0 || values.contains(c));
		}
	}

	#[test]
	fn payouts_plus_pending_equal_the_pots(
		s in subnet(),
		miner in 0u64..1_000_000_000_000_000,
		validator in 0u64..1_000_000_000_000_000,
		root in 0u64..1_000_000_000_000_000,
	) {
		let out = s.run();
		let n = s.neurons.len() as u64;
		let split = split_pots(&s.neurons, &out, s.params.tao_weight_ppb, Pots { miner, validator, root });
		let paid_miners: u64 = split.miner.iter().sum();
		let paid_validators: u64 = split.validator_alpha.iter().sum();
		let paid_root: u64 = split.root_tao.iter().sum();
		let incentive = total(&out.incentive);
		prop_assert_eq!(split.miners_to_validators, incentive == 0);
		let (miner_pot, validator_pot) = if incentive == 0 { (0, validator + miner) } else { (miner, validator) };
		// Every pot pays at most what it holds and keeps less than one rao per recipient.
		prop_assert!(paid_miners <= miner_pot && miner_pot - paid_miners < n.max(1) || miner_pot == 0 && paid_miners == 0);
		let alpha_parts: u64 = split.alpha_part.iter().sum();
		let root_parts: u64 = split.root_part.iter().sum();
		if alpha_parts > 0 {
			prop_assert!(paid_validators <= validator_pot && validator_pot - paid_validators < n);
		} else {
			prop_assert_eq!(paid_validators, 0);
		}
		if root_parts > 0 {
			prop_assert!(paid_root <= root && root - paid_root < n);
		} else {
			prop_assert_eq!(paid_root, 0);
		}
		// Each dividend weight splits exactly into its alpha and root parts; no root part without
		// root stake.
		for (i, nr) in s.neurons.iter().enumerate() {
			prop_assert_eq!(split.alpha_part[i] + split.root_part[i], out.dividend_weights[i].to_bits() as u64);
			if nr.root_stake == 0 {
				prop_assert_eq!(split.root_part[i], 0);
			}
		}
	}

	/// When every active validator sets the same weights, consensus is those weights and every
	/// such validator has full trust.
	#[test]
	fn agreement_is_consensus(s in subnet(), shared in row(256)) {
		let n = s.neurons.len();
		let mut s = s;
		// Weights on non-validators only, so every validator's row is the same after the masks.
		let shared: Vec<(u16, u16)> =
			shared.into_iter().filter(|(j, _)| (*j as usize) < n && !s.neurons[*j as usize].permit).collect();
		for nr in s.neurons.iter_mut() {
			nr.registered_at = 0;
			nr.last_update = s.block;
		}
		s.owner_uid = None;
		s.params.kappa = 32_767;
		for w in s.weights.iter_mut() {
			*w = shared.clone();
		}
		let out = s.run();
		for (i, row) in out.weights.iter().enumerate() {
			if out.active_stake[i].to_bits() == 0 {
				continue;
			}
			for (j, w) in row {
				prop_assert_eq!(out.consensus[*j as usize], *w);
			}
			prop_assert!(out.clipped_weights[i] == *row || row.iter().any(|(_, w)| w.to_bits() == 0));
			prop_assert_eq!(out.validator_trust[i], row.iter().fold(Fx::from_num(0), |a, (_, w)| a + *w));
		}
	}
}
