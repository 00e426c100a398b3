//! The worked examples of `docs/yuma.md`, bit for bit: every vector of the epoch in I32F32 bits,
//! the stored bonds, and the rao each pot pays.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]
use dtao_math::yuma::{epoch, split_pots, EpochInput, EpochOutput, Fx, Neuron, Params, Pots, Split};

const TAO: u64 = 1_000_000_000;

fn params() -> Params {
	Params {
		tao_weight_ppb: 180_000_000,
		kappa: 32_767,
		bonds_moving_average: 900_000,
		bonds_penalty: 65_535,
		activity_cutoff: 5_000,
		max_validators: 64,
	}
}

fn validator(alpha: u64, root: u64, last_update: u64) -> Neuron {
	Neuron { alpha_stake: alpha * TAO, root_stake: root * TAO, permit: true, last_update, registered_at: 10 }
}

fn miner() -> Neuron {
	Neuron { alpha_stake: 0, root_stake: 0, permit: false, last_update: 10, registered_at: 10 }
}

fn bits(v: &[Fx]) -> Vec<i64> {
	v.iter().map(|x| x.to_bits()).collect()
}

fn row_bits(r: &[(u16, Fx)]) -> Vec<(u16, i64)> {
	r.iter().map(|(j, x)| (*j, x.to_bits())).collect()
}

const POTS: Pots = Pots { miner: 147_600_000_000, validator: 90_000_000_000, root: 30_000_000_000 };

fn run(neurons: &[Neuron], weights: &[Vec<(u16, u16)>], bonds: &[Vec<(u16, u16)>], block: u64, last_epoch: u64) -> (EpochOutput, Split) {
	let out = epoch(&EpochInput {
		block,
		tempo: 360,
		last_epoch_block: last_epoch,
		owner_uid: Some(0),
		neurons,
		weights,
		bonds,
		params: params(),
	});
	let split = split_pots(neurons, &out, 180_000_000, POTS);
	(out, split)
}

fn take(x: u64, percent: u64) -> u64 {
	(x as u128 * percent as u128 / 100) as u64
}

#[test]
fn example_1_two_validators_agree() {
	let neurons = [validator(500, 1000, 300), validator(300, 100, 300), miner(), miner(), miner()];
	let w = vec![(2, 65535), (3, 39321), (4, 26214)];
	let weights = vec![w.clone(), w, vec![], vec![], vec![]];
	let (out, split) = run(&neurons, &weights, &[], 358, 0);

	assert_eq!(bits(&out.stake), vec![2926430622, 1368536673, 0, 0, 0]);
	assert_eq!(bits(&out.active_stake), vec![2926430622, 1368536673, 0, 0, 0]);
	assert_eq!(bits(&out.consensus), vec![0, 0, 2147483648, 1288490188, 858993459]);
	assert_eq!(bits(&out.validator_trust), vec![4294967295, 4294967295, 0, 0, 0]);
	assert_eq!(bits(&out.incentive), vec![0, 0, 2147483649, 1288490188, 858993458]);
	assert_eq!(bits(&out.dividends), vec![2926430622, 1368536673, 0, 0, 0]);
	let row = vec![(2, 2147483648), (3, 1288490188), (4, 858993459)];
	assert_eq!(row_bits(&out.weights[0]), row);
	assert_eq!(row_bits(&out.clipped_weights[1]), row);
	let ema = vec![(2, 214748365), (3, 128849018), (4, 85899345)];
	assert_eq!(row_bits(&out.ema_bonds[0]), ema);
	assert_eq!(row_bits(&out.ema_bonds[1]), ema);
	assert_eq!(out.new_bonds[0], vec![(2, 3276), (3, 1966), (4, 1310)]);
	assert_eq!(out.new_bonds[1], vec![(2, 3276), (3, 1966), (4, 1310)]);
	assert_eq!(out.new_permits, vec![true, true, false, false, false]);

	assert!(!split.miners_to_validators);
	assert_eq!(split.miner, vec![0, 0, 73_800_000_051, 44_279_999_982, 29_519_999_965]);
	assert_eq!(split.alpha_part[..2], [2151787223, 1291072334]);
	assert_eq!(split.root_part[..2], [774643399, 77464339]);
	assert_eq!(split.validator_alpha[..2], [56_249_999_996, 33_750_000_003]);
	assert_eq!(split.root_tao[..2], [27_272_727_301, 2_727_272_698]);
	// Takes of 18 % and 9 %, as the example's table.
	assert_eq!(take(56_249_999_996, 18), 10_124_999_999);
	assert_eq!(take(33_750_000_003, 9), 3_037_500_000);
	assert_eq!(take(27_272_727_301, 18), 4_909_090_914);
	assert_eq!(take(2_727_272_698, 9), 245_454_542);
	// Left pending: 2, 1 and 1 rao.
	assert_eq!(POTS.miner - split.miner.iter().sum::<u64>(), 2);
	assert_eq!(POTS.validator - split.validator_alpha.iter().sum::<u64>(), 1);
	assert_eq!(POTS.root - split.root_tao.iter().sum::<u64>(), 1);
}

#[test]
fn example_2_bonds_over_two_epochs() {
	let mut neurons = [validator(600, 0, 300), validator(220, 1000, 300), miner(), miner(), miner()];
	let w = vec![(2, 65535), (3, 32768)];
	let weights = vec![w.clone(), w.clone(), vec![], vec![], vec![]];

	// Epoch 1 at block 358, no bonds.
	let (out, split) = run(&neurons, &weights, &[], 358, 0);
	assert_eq!(bits(&out.stake), vec![2576980377, 1717986918, 0, 0, 0]);
	assert_eq!(bits(&out.active_stake), vec![2576980377, 1717986918, 0, 0, 0]);
	assert_eq!(bits(&out.consensus), vec![0, 0, 2863296966, 1431670329, 0]);
	assert_eq!(bits(&out.validator_trust), vec![4294967295, 4294967295, 0, 0, 0]);
	assert_eq!(bits(&out.incentive), vec![0, 0, 2863296966, 1431670329, 0]);
	assert_eq!(bits(&out.dividends), vec![2576980377, 1717986918, 0, 0, 0]);
	let ema = vec![(2, 286329696), (3, 143167033)];
	assert_eq!(row_bits(&out.ema_bonds[0]), ema);
	assert_eq!(row_bits(&out.ema_bonds[1]), ema);
	assert_eq!(out.new_bonds[0], vec![(2, 4368), (3, 2184)]);
	assert_eq!(out.new_bonds[1], vec![(2, 4368), (3, 2184)]);
	assert_eq!(split.miner, vec![0, 0, 98_399_499_496, 49_200_500_503, 0]);
	assert_eq!(split.alpha_part[..2], [2576980377, 944892805]);
	assert_eq!(split.root_part[..2], [0, 773094113]);
	assert_eq!(split.validator_alpha[..2], [65_853_658_534, 24_146_341_465]);
	assert_eq!(split.root_tao[..2], [0, 30_000_000_000]);
	assert_eq!(take(65_853_658_534, 18), 11_853_658_536);
	assert_eq!(take(24_146_341_465, 18), 4_346_341_463);

	// Epoch 2 at block 719: V1 moved to miner 4 at block 600.
	let bonds = out.new_bonds.clone();
	neurons[1].last_update = 600;
	let weights = vec![w, vec![(4, 65535)], vec![], vec![], vec![]];
	let (out, split) = run(&neurons, &weights, &bonds, 719, 358);
	assert_eq!(bits(&out.stake), vec![2576980377, 1717986918, 0, 0, 0]);
	assert_eq!(bits(&out.consensus), vec![0, 0, 2863296966, 1431670329, 0]);
	assert_eq!(bits(&out.validator_trust), vec![4294967295, 0, 0, 0, 0]);
	assert_eq!(bits(&out.incentive), vec![0, 0, 2863296966, 1431670329, 0]);
	assert_eq!(bits(&out.dividends), vec![3264269531, 1030697764, 0, 0, 0]);
	assert_eq!(row_bits(&out.weights[1]), vec![(4, 4294967296)]);
	assert!(out.clipped_weights[1].is_empty());
	assert_eq!(row_bits(&out.ema_bonds[0]), vec![(2, 543968750), (3, 271986560)]);
	assert_eq!(row_bits(&out.ema_bonds[1]), vec![(2, 257639054), (3, 128819527)]);
	assert_eq!(out.new_bonds[0], vec![(2, 8300), (3, 4150)]);
	assert_eq!(out.new_bonds[1], vec![(2, 3931), (3, 1965)]);
	assert_eq!(split.miner, vec![0, 0, 98_399_499_496, 49_200_500_503, 0]);
	assert_eq!(split.alpha_part[..2], [3264269531, 566883771]);
	assert_eq!(split.root_part[..2], [0, 463813993]);
	assert_eq!(split.validator_alpha[..2], [76_682_981_502, 13_317_018_497]);
	assert_eq!(split.root_tao[..2], [0, 30_000_000_000]);
	assert_eq!(take(76_682_981_502, 18), 13_802_936_670);
	assert_eq!(take(13_317_018_497, 18), 2_397_063_329);
	assert_eq!(POTS.miner - split.miner.iter().sum::<u64>(), 1);
	assert_eq!(POTS.validator - split.validator_alpha.iter().sum::<u64>(), 1);
}
