//! The `dtao-sim` command (see `docs/simulator.md`):
//!
//!     dtao-sim <scenario.toml> [--out DIR]
//!     dtao-sim sweep <scenario.toml> --set chain.tao_weight=0.1,0.18,0.3 [--set …] [--out DIR]
//!
//! A run writes `series.csv` (one row per sample and subnet), `summary.json` (headline figures)
//! and PNG plots to `DIR` (default `sim-out`). A sweep runs every combination of the `--set`
//! values in parallel, one folder per run, and writes `sweep.csv` with each run's figures.

mod plot;

use dtao_sim::Scenario;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::{
	fmt::Write as _,
	path::{Path, PathBuf},
	time::Instant,
};

fn main() {
	if let Err(e) = run() {
		eprintln!("dtao-sim: {e}");
		std::process::exit(1);
	}
}

const USAGE: &str = "usage: dtao-sim <scenario.toml> [--out DIR]\n       dtao-sim sweep <scenario.toml> --set SECTION.KEY=V1,V2,… [--set …] [--out DIR]\n       dtao-sim --help | --version";

fn run() -> Result<(), String> {
	let mut args: Vec<String> = std::env::args().skip(1).collect();
	if args.iter().any(|a| a == "-h" || a == "--help") || args.is_empty() {
		println!("{USAGE}");
		return Ok(());
	}
	if args.iter().any(|a| a == "-V" || a == "--version") {
		println!("dtao-sim {}", env!("CARGO_PKG_VERSION"));
		return Ok(());
	}
	let sweep = args.first().map(|a| a == "sweep").unwrap_or(false);
	if sweep {
		args.remove(0);
	}
	let mut path = None;
	let mut out = PathBuf::from("sim-out");
	let mut sets: Vec<(String, Vec<String>)> = Vec::new();
	let mut it = args.into_iter();
	while let Some(a) = it.next() {
		match a.as_str() {
			"--out" => out = it.next().ok_or("--out needs a folder")?.into(),
			"--set" => {
				let spec = it.next().ok_or("--set needs SECTION.KEY=V1,V2,…")?;
				let (key, values) = spec.split_once('=').ok_or(format!("--set {spec}: expected KEY=VALUES"))?;
				sets.push((key.to_string(), values.split(',').map(str::to_string).collect()));
			},
			_ if a.starts_with('-') => return Err(format!("unknown option {a}\n{USAGE}")),
			_ if path.is_none() => path = Some(a),
			_ => return Err(format!("unexpected argument {a}\n{USAGE}")),
		}
	}
	let path = path.ok_or(USAGE)?;
	let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
	if sweep {
		run_sweep(&path, &text, &sets, &out)
	} else {
		if !sets.is_empty() {
			return Err("--set is for `dtao-sim sweep`".into());
		}
		let scenario = Scenario::from_toml(&text).map_err(|e| format!("{path}: {e}"))?;
		for w in scenario.warnings() {
			eprintln!("dtao-sim: {path}: {w}");
		}
		let summary = run_one(&path, &scenario, &out, true)?;
		eprintln!(
			"dtao-sim: {} blocks in {:.2} s ({:.0} blocks/s); wrote {}",
			field(&summary, "blocks"),
			field(&summary, "seconds"),
			field(&summary, "blocks_per_second"),
			out.display()
		);
		Ok(())
	}
}

/// A field of a JSON object (`null` if absent).
fn field<'a>(v: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
	v.get(key).unwrap_or(&serde_json::Value::Null)
}

/// A run of a sweep: its number, the values it sets, its scenario.
type SweepRun = (usize, Vec<(String, String)>, Scenario);

/// Run `scenario`, writing the series, the summary and the plots to `out`; returns the summary.
fn run_one(name: &str, scenario: &Scenario, out: &Path, progress: bool) -> Result<serde_json::Value, String> {
	std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
	let blocks = scenario.run.blocks;
	let bar = if progress && blocks >= 100_000 {
		let bar = ProgressBar::new(blocks);
		if let Ok(style) = ProgressStyle::with_template("{elapsed_precise} [{bar:40}] {pos}/{len} blocks ({per_sec}, {eta} left)") {
			bar.set_style(style.progress_chars("=> "));
		}
		Some(bar)
	} else {
		None
	};
	let run = dtao_sim::run::run(scenario, |block| {
		if let Some(bar) = &bar {
			bar.set_position(block);
		}
	});
	if let Some(bar) = bar {
		bar.finish_and_clear();
	}
	let write = |file: &str, text: &str| -> Result<(), String> {
		let p = out.join(file);
		std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))
	};
	write("series.csv", &run.series_csv)?;
	if let Some(text) = &run.neurons_csv {
		write("neurons.csv", text)?;
	}
	let summary = dtao_sim::run::summary(name, scenario, &run);
	write("summary.json", &serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?)?;
	plot::all(out, &run.samples, &scenario.run.plot_netuids)?;
	if !run.sim.ledgers.is_empty() {
		plot::actors(out, &run.profits)?;
	}
	Ok(summary)
}

/// Set `key` (`chain.tao_weight`, `run.blocks`, `subnet.0.tao_reserve`, `actor.1.tao`) to `value`
/// in the scenario's TOML, keeping the value's TOML type (a number, or a string if it is none).
fn set_key(doc: &mut toml::Value, key: &str, value: &str) -> Result<(), String> {
	let parts: Vec<&str> = key.split('.').collect();
	let mut node = doc;
	for (i, part) in parts.iter().enumerate() {
		let last = i.saturating_add(1) == parts.len();
		if let Ok(index) = part.parse::<usize>() {
			node = node.as_array_mut().and_then(|a| a.get_mut(index)).ok_or(format!("{key}: no element {index}"))?;
			continue;
		}
		let table = node.as_table_mut().ok_or(format!("{key}: {part} is not in a table"))?;
		if last {
			let parsed = if let Ok(i) = value.replace('_', "").parse::<i64>() {
				toml::Value::Integer(i)
			} else if let Ok(f) = value.parse::<f64>() {
				toml::Value::Float(f)
			} else if let Ok(b) = value.parse::<bool>() {
				toml::Value::Boolean(b)
			} else {
				toml::Value::String(value.to_string())
			};
			table.insert((*part).to_string(), parsed);
			return Ok(());
		}
		node = table.entry((*part).to_string()).or_insert_with(|| toml::Value::Table(Default::default()));
	}
	Err(format!("{key}: empty key"))
}

fn run_sweep(path: &str, text: &str, sets: &[(String, Vec<String>)], out: &Path) -> Result<(), String> {
	if sets.is_empty() {
		return Err("a sweep needs at least one --set".into());
	}
	// Every combination of the values, in the order given.
	let mut grid: Vec<Vec<(String, String)>> = vec![Vec::new()];
	for (key, values) in sets {
		grid = grid
			.into_iter()
			.flat_map(|combo| {
				values.iter().map(move |v| {
					let mut c = combo.clone();
					c.push((key.clone(), v.clone()));
					c
				})
			})
			.collect();
	}
	let base: toml::Value = toml::from_str(text).map_err(|e| format!("{path}: {e}"))?;
	let scenarios: Vec<SweepRun> = grid
		.into_iter()
		.enumerate()
		.map(|(i, combo)| {
			let mut doc = base.clone();
			for (k, v) in &combo {
				set_key(&mut doc, k, v).map_err(|e| format!("{path}: --set {e}"))?;
			}
			let set: Vec<String> = combo.iter().map(|(k, v)| format!("{k}={v}")).collect();
			let s = Scenario::from_value(doc).map_err(|e| format!("{path}, run {i} ({}): {e}", set.join(", ")))?;
			Ok((i, combo, s))
		})
		.collect::<Result<_, String>>()?;
	std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
	eprintln!("dtao-sim: {} runs on {} threads", scenarios.len(), rayon::current_num_threads());
	let started = Instant::now();
	let results: Vec<Result<serde_json::Value, String>> = scenarios
		.par_iter()
		.map(|(i, _, s)| run_one(path, s, &out.join(format!("run-{i}")), false))
		.collect();
	let mut csv = String::from("run");
	for (key, _) in sets {
		let _ = write!(csv, ",{key}");
	}
	let first = results.iter().find_map(|r| r.as_ref().ok());
	let netuids: Vec<u64> = first
		.and_then(|s| field(s, "subnets").as_array())
		.map(|a| a.iter().filter_map(|x| field(x, "netuid").as_u64()).collect())
		.unwrap_or_default();
	let actors = first.and_then(|s| field(s, "actors").as_array()).map(|a| a.len()).unwrap_or(0);
	let _ = write!(csv, ",total_issuance,root_stake");
	for n in &netuids {
		let _ = write!(csv, ",sn{n}_tao_emitted,sn{n}_spot_price,sn{n}_root_proportion_ppb");
	}
	for a in 0..actors {
		let _ = write!(csv, ",actor{a}_profit_rao");
	}
	csv.push('\n');
	for ((i, combo, _), result) in scenarios.iter().zip(results) {
		let s = result?;
		let _ = write!(csv, "{i}");
		for (_, v) in combo {
			let _ = write!(csv, ",{v}");
		}
		let _ = write!(csv, ",{},{}", field(&s, "total_issuance"), field(&s, "root_stake"));
		for sn in field(&s, "subnets").as_array().into_iter().flatten() {
			let emitted = field(sn, "tao_emitted").as_str().unwrap_or("");
			let _ = write!(csv, ",{emitted},{},{}", field(sn, "spot_price"), field(sn, "root_proportion_ppb"));
		}
		for a in field(&s, "actors").as_array().into_iter().flatten() {
			let _ = write!(csv, ",{}", field(a, "profit_rao").as_str().unwrap_or(""));
		}
		csv.push('\n');
	}
	let p = out.join("sweep.csv");
	std::fs::write(&p, csv).map_err(|e| format!("{}: {e}", p.display()))?;
	eprintln!("dtao-sim: sweep done in {:.2} s; wrote {}", started.elapsed().as_secs_f64(), p.display());
	Ok(())
}
