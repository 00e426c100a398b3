//! PNG plots of a run (`plotters`, with the DejaVu Sans font bundled by the `dejavu` crate, so no
//! system font library is needed).

use dtao_sim::run::Sample;
use plotters::prelude::*;
use std::{collections::BTreeMap, path::Path, sync::Once};

/// At most this many subnets are drawn in one chart (the lowest netuids).
const MAX_LINES: usize = 8;

fn register_font() {
	static ONCE: Once = Once::new();
	ONCE.call_once(|| {
		// The bundled font is valid; if registering failed, plots would lack text, not fail.
		let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular());
	});
}

/// One line chart: `series` are (name, points (day, value)).
fn chart(path: &Path, title: &str, y_desc: &str, series: &[(String, Vec<(f64, f64)>)]) -> Result<(), String> {
	register_font();
	let err = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
	let points = series.iter().flat_map(|(_, p)| p.iter());
	let (mut x_max, mut y_min, mut y_max) = (0f64, f64::INFINITY, f64::NEG_INFINITY);
	for (x, y) in points {
		x_max = x_max.max(*x);
		y_min = y_min.min(*y);
		y_max = y_max.max(*y);
	}
	if !y_min.is_finite() {
		return Ok(());
	}
	if y_max <= y_min {
		y_max = y_min + 1.0;
	}
	let pad = (y_max - y_min) * 0.05;
	let root = BitMapBackend::new(path, (1000, 560)).into_drawing_area();
	root.fill(&WHITE).map_err(|e| err(&e))?;
	let mut c = ChartBuilder::on(&root)
		.caption(title, ("sans-serif", 22))
		.margin(12)
		.x_label_area_size(40)
		.y_label_area_size(80)
		.build_cartesian_2d(0f64..x_max.max(1e-9), (y_min - pad).min(0f64.max(y_min - pad))..(y_max + pad))
		.map_err(|e| err(&e))?;
	c.configure_mesh()
		.x_desc("day")
		.y_desc(y_desc)
		.label_style(("sans-serif", 14))
		.draw()
		.map_err(|e| err(&e))?;
	for (i, (name, pts)) in series.iter().enumerate() {
		let color = Palette99::pick(i).to_rgba();
		c.draw_series(LineSeries::new(pts.iter().copied(), color.stroke_width(2)))
			.map_err(|e| err(&e))?
			.label(name.clone())
			.legend(move |(x, y)| PathElement::new(vec![(x, y), (x.saturating_add(18), y)], color.stroke_width(2)));
	}
	c.configure_series_labels()
		.background_style(WHITE.mix(0.85))
		.border_style(BLACK)
		.label_font(("sans-serif", 14))
		.draw()
		.map_err(|e| err(&e))?;
	root.present().map_err(|e| err(&e))?;
	Ok(())
}

/// The series of `value` for each of the first subnets, and optionally a second value.
fn by_subnet(samples: &[Sample], value: impl Fn(&Sample) -> f64, suffix: &str, only: &[u16]) -> Vec<(String, Vec<(f64, f64)>)> {
	let mut lines: BTreeMap<u16, Vec<(f64, f64)>> = BTreeMap::new();
	for s in samples.iter().filter(|s| only.is_empty() || only.contains(&s.netuid)) {
		lines.entry(s.netuid).or_default().push((s.day, value(s)));
	}
	lines.into_iter().take(MAX_LINES).map(|(n, p)| (format!("subnet {n}{suffix}"), p)).collect()
}

/// Every plot of a run: prices, root proportion, alpha in/out, TAO emitted, root TAO bought, TAO
/// injected per block, flow EMA.
/// `only`: the netuids to draw (empty: the first eight).
pub fn all(out: &Path, samples: &[Sample], only: &[u16]) -> Result<(), String> {
	let mut prices = by_subnet(samples, |s| s.spot, " spot", only);
	prices.extend(by_subnet(samples, |s| s.moving, " moving", only));
	chart(&out.join("prices.png"), "Spot and moving price", "TAO per alpha", &prices)?;
	chart(
		&out.join("root_proportion.png"),
		"Root proportion of the validators' alpha",
		"share",
		&by_subnet(samples, |s| s.root_proportion, "", only),
	)?;
	let mut alpha = by_subnet(samples, |s| s.alpha_in, " alpha in", only);
	alpha.extend(by_subnet(samples, |s| s.alpha_out, " alpha out", only));
	chart(&out.join("alpha_in_out.png"), "Alpha injected into the pool and minted out, per block", "alpha", &alpha)?;
	chart(&out.join("tao_emitted.png"), "TAO emitted into each subnet (cumulative)", "TAO", &by_subnet(samples, |s| s.tao_emitted, "", only))?;
	chart(&out.join("root_tao.png"), "TAO bought by root's alpha sales (cumulative)", "TAO", &by_subnet(samples, |s| s.root_tao, "", only))?;
	chart(&out.join("tao_in.png"), "TAO injected into each subnet, per block", "TAO", &by_subnet(samples, |s| s.tao_in, "", only))?;
	chart(&out.join("flow_ema.png"), "Net TAO flow EMA (S)", "TAO per block", &by_subnet(samples, |s| s.flow_ema, "", only))?;
	Ok(())
}

/// `actors.png`: each actor's profit so far (TAO received less TAO paid; a position still held
/// counts as paid), from `(day, profit of each actor)` samples.
pub fn actors(out: &Path, profits: &[(f64, Vec<f64>)]) -> Result<(), String> {
	let count = profits.first().map_or(0, |(_, p)| p.len());
	let lines: Vec<(String, Vec<(f64, f64)>)> = (0..count)
		.take(MAX_LINES)
		.map(|i| (format!("actor {i}"), profits.iter().map(|(day, p)| (*day, p.get(i).copied().unwrap_or(0.0))).collect()))
		.collect();
	chart(&out.join("actors.png"), "Each actor's profit so far (received less paid)", "TAO", &lines)
}
