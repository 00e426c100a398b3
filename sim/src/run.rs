//! A whole run of a scenario, without files: the series (the rows of `series.csv`), the samples the
//! plots are drawn from, each actor's profit at each sample, and the summary (`summary.json`). The
//! command and the Python module (`sim/python`) both run scenarios through [`run`].

use crate::{Scenario, Sim, CSV_HEADER, NEURONS_CSV_HEADER, TAO};
use std::{fmt::Write as _, time::Instant};

/// Blocks in a day (12 s blocks).
pub const BLOCKS_PER_DAY: f64 = 7_200.0;

/// One sampled block of one subnet, in TAO and days, for the plots.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
	pub day: f64,
	pub netuid: u16,
	pub spot: f64,
	pub moving: f64,
	pub root_proportion: f64,
	pub alpha_in: f64,
	pub alpha_out: f64,
	pub tao_emitted: f64,
	pub root_tao: f64,
	/// TAO injected in the last block.
	pub tao_in: f64,
	/// `S_n`, TAO per block.
	pub flow_ema: f64,
}

/// What a run produced.
pub struct Run {
	/// The chain at the end of the run.
	pub sim: Sim,
	/// `series.csv`: its header, then one row per sample and subnet.
	pub series_csv: String,
	/// `neurons.csv` if `run.neurons`: its header, then one row per neuron at each epoch.
	pub neurons_csv: Option<String>,
	pub samples: Vec<Sample>,
	/// At each sample: the day and each actor's profit in TAO.
	pub profits: Vec<(f64, Vec<f64>)>,
	/// Wall-clock time of the blocks.
	pub seconds: f64,
}

/// Run `scenario` to its last block, sampling every `run.sample_every` blocks and at the last;
/// `progress` is called at each sample with the block reached.
pub fn run(scenario: &Scenario, mut progress: impl FnMut(u64)) -> Run {
	let mut sim = Sim::new(scenario);
	let mut csv = String::new();
	let _ = writeln!(csv, "{CSV_HEADER}");
	let mut samples: Vec<Sample> = Vec::new();
	let mut profits: Vec<(f64, Vec<f64>)> = Vec::new();
	let mut neurons = scenario.run.neurons.then(|| format!("{NEURONS_CSV_HEADER}\n"));
	let every = scenario.run.sample_every.max(1);
	let blocks = scenario.run.blocks;
	let started = Instant::now();
	for _ in 0..blocks {
		sim.step();
		if let Some(text) = neurons.as_mut() {
			for sn in sim.subnets.iter().filter(|sn| sn.last_epoch_block == sim.block) {
				for (uid, n) in sn.neurons.iter().enumerate() {
					let _ = writeln!(
						text,
						"{},{},{uid},{},{},{},{},{},{},{}",
						sim.block,
						sn.netuid,
						n.alpha,
						n.root,
						u8::from(n.permit),
						n.incentive,
						n.dividends,
						n.alpha_paid,
						n.root_tao_paid
					);
				}
			}
		}
		if sim.block.checked_rem(every) == Some(0) || sim.block == blocks {
			for row in sim.csv_rows() {
				let _ = writeln!(csv, "{row}");
			}
			let day = sim.block as f64 / BLOCKS_PER_DAY;
			profits.push((day, sim.ledgers.iter().map(|l| l.profit() as f64 / TAO as f64).collect()));
			for s in &sim.subnets {
				samples.push(Sample {
					day,
					netuid: s.netuid,
					spot: dtao_math::spot_price(s.state.tao_reserve, s.state.alpha_reserve) as f64 / TAO as f64,
					moving: dtao_math::coinbase::to_rao_price(s.moving_price) as f64 / TAO as f64,
					root_proportion: f64::from(s.last.root_proportion_ppb()) / 1e9,
					alpha_in: s.last.alpha_in as f64 / TAO as f64,
					alpha_out: s.last.alpha_out as f64 / TAO as f64,
					tao_emitted: s.tao_emitted as f64 / TAO as f64,
					root_tao: s.root_tao_total as f64 / TAO as f64,
					tao_in: s.last.tao_in as f64 / TAO as f64,
					flow_ema: s.flow_ema.to_num::<f64>() / TAO as f64,
				});
			}
			progress(sim.block);
		}
	}
	let seconds = started.elapsed().as_secs_f64();
	Run { sim, series_csv: csv, neurons_csv: neurons, samples, profits, seconds }
}

/// The day the root proportion of `netuid` first fell to 50% or below, from the samples.
pub fn day_root_half(samples: &[Sample], netuid: u16) -> Option<f64> {
	samples.iter().find(|s| s.netuid == netuid && s.root_proportion > 0.0 && s.root_proportion <= 0.5).map(|s| s.day)
}

/// The run's `summary.json`: the final state of every subnet, each actor's ledger, total issuance,
/// root stake, and the run's time and speed.
pub fn summary(name: &str, scenario: &Scenario, run: &Run) -> serde_json::Value {
	let (sim, samples) = (&run.sim, &run.samples);
	let subnets: Vec<serde_json::Value> = sim
		.subnets
		.iter()
		.map(|s| {
			let first = samples.iter().find(|x| x.netuid == s.netuid);
			serde_json::json!({
				"netuid": s.netuid,
				"tao_reserve": s.state.tao_reserve,
				"alpha_reserve": s.state.alpha_reserve,
				"alpha_outstanding": s.state.alpha_outstanding,
				"spot_price": dtao_math::spot_price(s.state.tao_reserve, s.state.alpha_reserve),
				"moving_price": dtao_math::coinbase::to_rao_price(s.moving_price),
				"root_proportion_ppb": s.last.root_proportion_ppb(),
				"first_sample_root_proportion_ppb": first.map(|x| (x.root_proportion * 1e9).round() as u64),
				"day_root_proportion_at_most_half": day_root_half(samples, s.netuid),
				"tao_emitted": s.tao_emitted.to_string(),
				"root_tao_bought": s.root_tao_total.to_string(),
				"root_alpha_recycled": s.root_alpha_recycled_total.to_string(),
				"root_alpha_kept": s.root_alpha_kept_total.to_string(),
				"pending_root_tao": s.state.pending_root_tao,
			})
		})
		.collect();
	let actors: Vec<serde_json::Value> = sim
		.ledgers
		.iter()
		.enumerate()
		.map(|(i, l)| {
			serde_json::json!({
				"actor": i,
				"trades": l.trades,
				"tao_spent": l.tao_spent.to_string(),
				"tao_received": l.tao_received.to_string(),
				"profit_rao": l.profit().to_string(),
				"alpha_held": l.alpha,
			})
		})
		.collect();
	let blocks_per_second = if run.seconds > 0.0 { sim.block as f64 / run.seconds } else { 0.0 };
	serde_json::json!({
		"scenario": name,
		"blocks": sim.block,
		"subnet_count": scenario.subnet.len(),
		"total_issuance": sim.total_issuance,
		"root_stake": sim.root_stake,
		"subnets": subnets,
		"actors": actors,
		"seconds": run.seconds,
		"blocks_per_second": blocks_per_second,
	})
}
