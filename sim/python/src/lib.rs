//! The native part of the `dtao_sim` Python module: runs a scenario (TOML text, or the same tree
//! as JSON) through `dtao_sim::run` and returns the series as CSV text, the summary as JSON text,
//! the scenario's warnings and, if asked for, the neurons as CSV text. `python/dtao_sim/__init__.py` turns them into pandas tables.

use pyo3::{exceptions::PyValueError, prelude::*};

/// What a run returns to Python: the series (`series.csv`), the summary (`summary.json`), the
/// warnings about actors or switches that can never act, and `neurons.csv` if `run.neurons`.
type Output = (String, String, Vec<String>, Option<String>);

fn run_scenario(scenario: &dtao_sim::Scenario, name: &str) -> PyResult<Output> {
	let warnings = scenario.warnings();
	let run = dtao_sim::run::run(scenario, |_| {});
	let summary = dtao_sim::run::summary(name, scenario, &run);
	let summary = serde_json::to_string(&summary).map_err(|e| PyValueError::new_err(e.to_string()))?;
	Ok((run.series_csv, summary, warnings, run.neurons_csv))
}

/// Run the scenario in `text` (TOML); a scenario the chain would refuse raises `ValueError`
/// naming the key and what is allowed.
#[pyfunction]
fn run_toml(text: &str, name: &str) -> PyResult<Output> {
	let scenario = dtao_sim::Scenario::from_toml(text).map_err(PyValueError::new_err)?;
	run_scenario(&scenario, name)
}

/// Run the scenario in `text`: the TOML tree written as JSON (what `json.dumps` makes of a dict
/// with the TOML file's sections and keys).
#[pyfunction]
fn run_json(text: &str, name: &str) -> PyResult<Output> {
	let doc: toml::Value = serde_json::from_str(text).map_err(|e| PyValueError::new_err(format!("scenario: {e}")))?;
	let scenario = dtao_sim::Scenario::from_value(doc).map_err(PyValueError::new_err)?;
	run_scenario(&scenario, name)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
	m.add_function(wrap_pyfunction!(run_toml, m)?)?;
	m.add_function(wrap_pyfunction!(run_json, m)?)?;
	m.add("__version__", env!("CARGO_PKG_VERSION"))?;
	Ok(())
}
