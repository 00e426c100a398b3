//! `dtao-sim <scenario.toml> [--out DIR]`: runs a scenario and writes `series.csv` (one row per
//! sample and subnet) and `summary.json` (the final state of every subnet and the run's speed) to
//! `DIR` (default `sim-out`). See `docs/simulator.md`.

use dtao_sim::{Scenario, Sim, CSV_HEADER};
use std::{fmt::Write as _, io::Write as _, time::Instant};

fn main() {
	if let Err(e) = run() {
		eprintln!("dtao-sim: {e}");
		std::process::exit(1);
	}
}

fn run() -> Result<(), String> {
	let mut args = std::env::args().skip(1);
	let mut scenario_path = None;
	let mut out = std::path::PathBuf::from("sim-out");
	while let Some(a) = args.next() {
		match a.as_str() {
			"--out" => out = args.next().ok_or("--out needs a folder")?.into(),
			"-h" | "--help" => {
				println!("usage: dtao-sim <scenario.toml> [--out DIR]");
				return Ok(());
			},
			_ if scenario_path.is_none() => scenario_path = Some(a),
			_ => return Err(format!("unexpected argument {a}")),
		}
	}
	let path = scenario_path.ok_or("usage: dtao-sim <scenario.toml> [--out DIR]")?;
	let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
	let scenario = Scenario::from_toml(&text).map_err(|e| format!("{path}: {e}"))?;
	std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;

	let mut sim = Sim::new(&scenario);
	let mut csv = String::new();
	let _ = writeln!(csv, "{CSV_HEADER}");
	let every = scenario.run.sample_every.max(1);
	let started = Instant::now();
	for _ in 0..scenario.run.blocks {
		sim.step();
		if sim.block.checked_rem(every) == Some(0) || sim.block == scenario.run.blocks {
			for row in sim.csv_rows() {
				let _ = writeln!(csv, "{row}");
			}
		}
	}
	let seconds = started.elapsed().as_secs_f64();
	let csv_path = out.join("series.csv");
	std::fs::write(&csv_path, csv).map_err(|e| format!("{}: {e}", csv_path.display()))?;

	let subnets: Vec<serde_json::Value> = sim
		.subnets
		.iter()
		.map(|s| {
			serde_json::json!({
				"netuid": s.netuid,
				"tao_reserve": s.state.tao_reserve,
				"alpha_reserve": s.state.alpha_reserve,
				"alpha_outstanding": s.state.alpha_outstanding,
				"spot_price": dtao_math::spot_price(s.state.tao_reserve, s.state.alpha_reserve),
				"moving_price": dtao_math::coinbase::to_rao_price(s.moving_price),
				"root_proportion_ppb": s.last.root_proportion_ppb,
				"tao_emitted": s.tao_emitted.to_string(),
				"pending_root_tao": s.state.pending_root_tao,
			})
		})
		.collect();
	let blocks_per_second = if seconds > 0.0 { scenario.run.blocks as f64 / seconds } else { 0.0 };
	let summary = serde_json::json!({
		"scenario": path,
		"blocks": sim.block,
		"total_issuance": sim.total_issuance,
		"root_stake": sim.root_stake,
		"subnets": subnets,
		"seconds": seconds,
		"blocks_per_second": blocks_per_second,
	});
	let summary_path = out.join("summary.json");
	let pretty = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
	std::fs::write(&summary_path, pretty).map_err(|e| format!("{}: {e}", summary_path.display()))?;
	let _ = writeln!(
		std::io::stderr(),
		"dtao-sim: {} blocks in {seconds:.2} s ({blocks_per_second:.0} blocks/s); wrote {} and {}",
		sim.block,
		csv_path.display(),
		summary_path.display()
	);
	Ok(())
}
