//! One libFuzzer target over the whole math crate. The first byte picks an area; the rest is read
//! as little-endian integers. Each area checks the properties docs/mechanism.md asks of it, so a panic
//! is either an arithmetic panic in the crate (overflow, division by zero, slice index) or a broken
//! property.
#![no_main]

use dtao_math::{
	block_emission,
	coinbase as cb,
	limits::{max_buy_within_limit, max_sell_within_limit, max_swap_within_limit, price_at_least, price_at_most, swap_ratio_ok, swap_raw},
	lock::lock_cost,
	wide, Market, MathError, SharePool, UNIT,
};
use dtao_math::substrate_fixed::types::U64F64;
use libfuzzer_sys::fuzz_target;

struct Input<'a>(&'a [u8]);

impl Input<'_> {
	fn u64(&mut self) -> u64 {
		let mut b = [0u8; 8];
		let n = self.0.len().min(8);
		b[..n].copy_from_slice(&self.0[..n]);
		self.0 = &self.0[n..];
		u64::from_le_bytes(b)
	}
	fn u128(&mut self) -> u128 {
		u128::from(self.u64()) | (u128::from(self.u64()) << 64)
	}
	fn ppb(&mut self) -> u32 {
		(self.u64() % 1_000_000_001) as u32
	}
	/// A value spread over every magnitude, so that small pools and huge amounts both come up.
	fn amount(&mut self) -> u64 {
		let v = self.u64();
		let shift = (self.u64() % 64) as u32;
		v >> shift
	}
	fn market(&mut self) -> Market {
		if self.u64() % 8 == 0 {
			Market::Stable
		} else {
			Market::Pool { tao: self.amount(), alpha: self.amount() }
		}
	}
}

fn product(m: Market) -> u128 {
	match m {
		Market::Pool { tao, alpha } => u128::from(tao) * u128::from(alpha),
		Market::Stable => 0,
	}
}

fn swaps(inp: &mut Input) {
	let market = inp.market();
	let (amount, fee, floor) = (inp.amount(), inp.ppb() % 100_000_001, inp.amount() % 10_000_000);
	if let Ok(b) = dtao_math::buy(market, amount, fee, floor) {
		assert_eq!(b.amount_in, amount);
		assert!(b.fee <= amount);
		if let (Market::Pool { tao, alpha }, Market::Pool { tao: t2, alpha: a2 }) = (market, b.after) {
			assert_eq!(t2, tao + amount, "the whole payment, fee included, stays in the pool");
			assert_eq!(a2, alpha - b.amount_out);
			assert!(a2 >= floor, "a buy left the alpha reserve below the floor");
			assert!(product(b.after) >= product(market), "a buy decreased T·A");
			// Buying then selling what was bought returns at most what was paid.
			if let Ok(s) = dtao_math::sell(b.after, b.amount_out, fee, floor) {
				assert!(s.amount_out <= amount, "round trip made TAO: paid {amount}, got {}", s.amount_out);
			}
		}
	}
	if let Ok(s) = dtao_math::sell(market, amount, fee, floor) {
		if let (Market::Pool { tao, alpha }, Market::Pool { tao: t2, alpha: a2 }) = (market, s.after) {
			assert_eq!(a2, alpha + amount);
			assert_eq!(t2, tao - s.amount_out);
			assert!(t2 >= floor, "a sell left the TAO reserve below the floor");
			assert!(product(s.after) >= product(market), "a sell decreased T·A");
		}
	}
}

fn limits(inp: &mut Input) {
	let market = inp.market();
	let (max_in, fee, floor, limit) = (inp.amount(), inp.ppb() % 100_000_001, inp.amount() % 10_000_000, inp.amount());
	let x = max_buy_within_limit(market, max_in, fee, floor, limit);
	assert!(x <= max_in);
	// The solvers answer "the largest amount within the limit"; that amount may still be too
	// small to trade (ZeroOutput), which the pallet reports as `ZeroSwapOutput`. An empty reserve
	// on the paying side pays nothing either; the pallet never has one (its floor is at least 1).
	if x > 0 {
		match dtao_math::buy(market, x, fee, floor) {
			Ok(o) => {
				if let Market::Pool { tao, alpha } = o.after {
					assert!(price_at_most(tao, alpha, limit), "buy of {x} breaks the limit {limit}");
				}
			},
			Err(MathError::ZeroOutput) => {},
			Err(MathError::InsufficientLiquidity) if matches!(market, Market::Pool { alpha: 0, .. }) => {},
			Err(e) => panic!("the solver's buy of {x} fails: {e:?}"),
		}
	}
	let y = max_sell_within_limit(market, max_in, fee, floor, limit);
	assert!(y <= max_in);
	if y > 0 {
		match dtao_math::sell(market, y, fee, floor) {
			Ok(o) => {
				if let Market::Pool { tao, alpha } = o.after {
					assert!(price_at_least(tao, alpha, limit), "sell of {y} breaks the limit {limit}");
				}
			},
			Err(MathError::ZeroOutput) => {},
			// An empty TAO reserve pays nothing; the pallet never has one (the floor is at least 1).
			Err(MathError::InsufficientLiquidity) if matches!(market, Market::Pool { tao: 0, .. }) => {},
			Err(e) => panic!("the solver's sell of {y} fails: {e:?}"),
		}
	}
	let destination = inp.market();
	let z = max_swap_within_limit(market, destination, max_in, fee, floor, limit);
	assert!(z <= max_in);
	if z > 0 {
		let (o, d) = swap_raw(market, destination, z, fee, floor).expect("the solver's swap executes");
		assert!(swap_ratio_ok(o, d, limit), "swap of {z} breaks the ratio limit {limit}");
	}
}

fn emission(inp: &mut Input) {
	let (i, base, d) = (inp.u64(), inp.amount(), inp.amount());
	let e = block_emission(i, base);
	assert!(e <= base);
	assert!(block_emission(i.saturating_add(d), base) <= e, "emission grew with issuance");
	if i >= dtao_math::emission::SUPPLY_CAP {
		assert_eq!(e, 0);
	}
	let (last, min, interval, since) = (inp.amount(), inp.amount(), inp.amount(), inp.amount());
	let c = lock_cost(last, inp.u64() % 2 == 0, min, interval, since);
	assert!(c >= min, "lock below the minimum");
}

fn share_pool(inp: &mut Input) {
	let mut pool = SharePool::default();
	let mut holders: [u128; 4] = [0; 4];
	for _ in 0..16 {
		let who = (inp.u64() % 4) as usize;
		match inp.u64() % 3 {
			0 => {
				if let Ok(s) = pool.deposit(inp.amount()) {
					holders[who] += s;
				}
			},
			1 => {
				let value = pool.value(holders[who]);
				let want = if value == u64::MAX { inp.amount() } else { inp.amount() % (value + 1) };
				if let Ok((burned, removed)) = pool.withdraw(holders[who], want) {
					assert!(burned <= holders[who]);
					holders[who] -= burned;
					if holders.iter().any(|h| *h > 0) {
						assert_eq!(removed, want, "a withdrawal removed other than asked");
					}
				}
			},
			_ => {
				let _ = pool.credit(inp.amount());
			},
		}
		let total: u128 = holders.iter().sum();
		assert_eq!(total, pool.shares, "holders' shares do not add up to S");
		let values: u128 = holders.iter().map(|h| u128::from(pool.value(*h))).sum();
		assert!(values <= u128::from(pool.alpha), "holders are worth more than H");
		assert!(u128::from(pool.alpha) - values <= 4, "more than one rao per holder unowned");
	}
}

fn coinbase(inp: &mut Input) {
	let (e, m, total) = (inp.amount(), inp.u128() >> 40, inp.u128() >> 39);
	let tau = cb::tao_share(e, U64F64::from_bits(m), total.max(m));
	assert!(tau <= e);
	let (t, a, cap) = (inp.amount(), inp.amount(), inp.amount());
	assert!(cb::alpha_in(inp.amount(), t, a, cap) <= cap);
	let (v, root, tw, issuance) = (inp.amount(), inp.amount(), inp.ppb(), inp.amount());
	assert!(cb::root_alpha(v, root, tw, issuance) <= v);
	assert!(cb::root_proportion_ppb(root, tw, issuance) <= 1_000_000_000);
	let (mb, pb, capb) = (U64F64::from_bits(inp.u128() >> 32), cb::price(t, a), cb::from_rao_price(inp.amount()));
	let next = cb::moving_price_step(mb, pb, capb, inp.ppb(), inp.u64(), inp.u64());
	let target = pb.min(capb);
	assert!(next >= mb.min(target) && next <= mb.max(target), "the moving price left [m, target]");
	let _ = cb::to_rao_price(next);
	// One subnet's block step keeps its alpha and TAO books: what it injects and mints is where
	// the record says.
	let mut st = cb::SubnetState {
		tao_reserve: t.max(1),
		alpha_reserve: a.max(1),
		alpha_outstanding: inp.amount(),
		..Default::default()
	};
	let before = st;
	let params = cb::BlockParams {
		block_emission: inp.amount(),
		owner_cut_ppb: inp.ppb(),
		miner_share_ppb: inp.ppb(),
		tao_weight_ppb: inp.ppb(),
		root_stake: inp.amount(),
		min_pool_reserve: inp.amount() % 10_000_000,
		uncapped_alpha_in: false,
	};
	let tau = inp.amount() >> 8;
	if before.tao_reserve.checked_add(tau).is_some() && before.alpha_issuance().checked_add(params.block_emission.saturating_mul(2)).is_some() {
		let r = cb::subnet_block(&mut st, tau, &params);
		assert_eq!(r.tao_in, tau);
		assert_eq!(st.tao_reserve + r.root_tao_bought, before.tao_reserve + tau);
		assert_eq!(st.alpha_reserve, before.alpha_reserve + r.alpha_in + r.root_alpha_sold);
		let pending = st.pending_owner_alpha + st.pending_miner_alpha + st.pending_validator_alpha;
		assert_eq!(pending + r.root_alpha_sold, r.alpha_out);
		assert_eq!(st.alpha_outstanding, before.alpha_outstanding + r.alpha_out - r.root_alpha_sold);
		assert_eq!(st.pending_root_tao, r.root_tao_bought);
	}
	let (x, y, z) = (inp.u128(), inp.u128(), inp.u128());
	if let (Some(f), Some(c)) = (wide::mul_div_floor(x, y, z), wide::mul_div_ceil(x, y, z)) {
		assert!(c == f || c == f + 1);
		if let Some(p) = x.checked_mul(y) {
			assert_eq!(f, p / z);
		}
	}
	let _ = UNIT;
}

/// Yuma Consensus over a small subnet read from the input: never panics; incentive and dividends
/// are normalised or all zero; clipped weights stay within consensus; the pots pay at most what
/// they hold, and a dividend weight splits exactly into its alpha and root parts.
fn yuma(inp: &mut Input) {
	use dtao_math::yuma::{epoch, split_pots, EpochInput, Neuron, Params, Pots};
	let n = (inp.u64() % 12) as usize;
	let block = inp.u64() % 100_000;
	let neurons: Vec<Neuron> = (0..n)
		.map(|_| Neuron {
			alpha_stake: inp.amount() % 21_000_000_000_000_000,
			root_stake: inp.amount() % 21_000_000_000_000_000,
			permit: inp.u64() % 2 == 0,
			last_update: inp.u64() % 100_000,
			registered_at: inp.u64() % 100_000,
		})
		.collect();
	let row = |inp: &mut Input| -> Vec<(u16, u16)> {
		let len = (inp.u64() % 6) as usize;
		let mut r: Vec<(u16, u16)> = Vec::new();
		for _ in 0..len {
			let j = (inp.u64() % (n as u64 + 1)) as u16;
			if !r.iter().any(|(k, _)| *k == j) {
				r.push((j, inp.u64() as u16));
			}
		}
		r
	};
	let weights: Vec<Vec<(u16, u16)>> = (0..n).map(|_| row(inp)).collect();
	let bonds: Vec<Vec<(u16, u16)>> = (0..n).map(|_| row(inp)).collect();
	let params = Params {
		tao_weight_ppb: inp.ppb(),
		kappa: inp.u64() as u16,
		bonds_moving_average: inp.u64() % 1_000_001,
		bonds_penalty: inp.u64() as u16,
		activity_cutoff: inp.u64() % 10_000,
		max_validators: (inp.u64() % 16) as u16,
	};
	let owner = inp.u64();
	let input = EpochInput {
		block,
		tempo: inp.u64() as u16,
		last_epoch_block: inp.u64() % 100_000,
		owner_uid: (owner % 2 == 0).then_some((owner / 2 % 16) as u16),
		neurons: &neurons,
		weights: &weights,
		bonds: &bonds,
		params,
	};
	let out = epoch(&input);
	let one: i64 = 1 << 32;
	for v in [&out.incentive, &out.dividends] {
		let t: i64 = v.iter().map(|x| x.to_bits()).sum();
		assert!(t == 0 || (t <= one && t >= one - n as i64), "shares sum to {t}");
	}
	for row in &out.clipped_weights {
		for (j, w) in row {
			assert!(*w <= out.consensus[usize::from(*j)]);
		}
	}
	let pots = Pots { miner: inp.amount(), validator: inp.amount(), root: inp.amount() };
	let split = split_pots(&neurons, &out, params.tao_weight_ppb, pots);
	let total = |v: &[u64]| v.iter().map(|x| u128::from(*x)).sum::<u128>();
	let validator_pot = if split.miners_to_validators { u128::from(pots.validator) + u128::from(pots.miner) } else { u128::from(pots.validator) };
	assert!(total(&split.miner) <= u128::from(pots.miner));
	assert!(total(&split.validator_alpha) <= validator_pot);
	assert!(total(&split.root_tao) <= u128::from(pots.root));
	for i in 0..n {
		assert_eq!(split.alpha_part[i] + split.root_part[i], out.dividend_weights[i].to_bits() as u64);
	}
}

fuzz_target!(|data: &[u8]| {
	let Some((&area, rest)) = data.split_first() else { return };
	let mut inp = Input(rest);
	match area % 6 {
		0 => swaps(&mut inp),
		1 => limits(&mut inp),
		2 => emission(&mut inp),
		3 => share_pool(&mut inp),
		4 => coinbase(&mut inp),
		_ => yuma(&mut inp),
	}
});
