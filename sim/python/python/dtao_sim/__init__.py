"""dtao_sim: the dTAO simulator from Python.

It runs a scenario with the chain's own arithmetic (the Rust crates `dtao-math` and `dtao-sim`,
the same code as the `dtao-sim` command) and returns pandas tables::

    import dtao_sim
    r = dtao_sim.run("sim/scenarios/root-share.toml")
    r.series        # one row per sample and subnet: the columns of series.csv, plus `day`
    r.subnets       # summary.json's subnets, one row each
    r.actors        # each actor's ledger (amounts in rao)
    r.neurons       # with run.neurons = true: a row per neuron at each epoch (else None)
    r.summary       # summary.json as a dict

A scenario is a path to a TOML file, TOML text, or a dict with the file's sections and keys
(`{"chain": {...}, "subnet": [{...}], "run": {...}}`); `set` overrides keys by their dotted path as
`dtao-sim sweep --set` does (`{"chain.tao_weight": 0.1, "subnet.0.tao_reserve": 10**12}`). A
scenario the chain would refuse raises ValueError naming the key and what is allowed. See
docs/simulator.md for the keys and the columns.
"""

import io
import json
import os
import warnings as _warnings

import pandas as pd

from . import _native

__version__ = _native.__version__

BLOCKS_PER_DAY = 7_200

__all__ = ["run", "Results", "BLOCKS_PER_DAY", "__version__"]


class Results:
    """A finished run: `series`, `subnets` and `actors` (pandas DataFrames), `neurons` (a
    DataFrame if the scenario set `run.neurons = true`, else None), `summary` (dict), `warnings`
    (list of str) and `series_csv` (the text of series.csv)."""

    def __init__(self, series_csv, summary, warnings, neurons_csv=None):
        self.series_csv = series_csv
        self.neurons = None if neurons_csv is None else pd.read_csv(io.StringIO(neurons_csv))
        self.summary = summary
        self.warnings = list(warnings)
        series = pd.read_csv(io.StringIO(series_csv))
        series.insert(1, "day", series["block"] / BLOCKS_PER_DAY)
        self.series = series
        self.subnets = pd.DataFrame(summary["subnets"])
        self.actors = pd.DataFrame(summary["actors"])
        for frame, columns in (
            (self.subnets, ("tao_emitted", "root_tao_bought", "root_alpha_recycled", "root_alpha_kept")),
            (self.actors, ("tao_spent", "tao_received", "profit_rao")),
        ):
            # Written as strings in summary.json (they may exceed 2^53); whole rao here.
            for c in columns:
                if c in frame:
                    frame[c] = frame[c].map(int)

    def subnet(self, netuid):
        """The series of one subnet."""
        return self.series[self.series["netuid"] == netuid].reset_index(drop=True)

    def __repr__(self):
        return "Results(blocks={}, subnets={}, rows={})".format(
            self.summary["blocks"], self.summary["subnet_count"], len(self.series)
        )


def _set_path(doc, key, value):
    parts = key.split(".")
    node = doc
    for i, part in enumerate(parts[:-1]):
        if isinstance(node, list):
            node = node[int(part)]
            continue
        if part not in node:
            node[part] = [] if parts[i + 1].isdigit() else {}
        node = node[part]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


def _load(scenario):
    """The scenario as a dict, and a name for it."""
    if isinstance(scenario, dict):
        return json.loads(json.dumps(scenario)), "scenario"
    if isinstance(scenario, (str, os.PathLike)) and os.path.exists(scenario):
        path = os.fspath(scenario)
        with open(path, "rb") as f:
            return _toml_loads(f.read().decode("utf-8"), path), path
    if isinstance(scenario, str):
        return _toml_loads(scenario, "scenario"), "scenario"
    raise TypeError("scenario: a path, TOML text or a dict, not {}".format(type(scenario).__name__))


def _toml_loads(text, name):
    try:
        import tomllib  # Python 3.11
    except ImportError:  # pragma: no cover
        tomllib = None
    if tomllib is None:
        return None, text
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ValueError("{}: {}".format(name, e)) from None


def run(scenario, set=None, name=None):
    """Run `scenario` (a path, TOML text or a dict) to its last block and return its Results.

    `set` maps dotted keys to values, applied to the scenario first. Warnings about actors or
    switches that can never act are issued as Python warnings and kept in `Results.warnings`.
    """
    doc, default_name = _load(scenario)
    name = name or default_name
    if isinstance(doc, tuple):
        # No tomllib (Python < 3.11): the text goes to the Rust parser as it is.
        if set:
            raise ValueError("set= needs Python 3.11 (tomllib) or a dict scenario")
        series, summary, warns, neurons = _native.run_toml(doc[1], name)
    else:
        for key, value in (set or {}).items():
            _set_path(doc, key, value)
        series, summary, warns, neurons = _native.run_json(json.dumps(doc), name)
    for w in warns:
        _warnings.warn("dtao_sim: {}: {}".format(name, w), stacklevel=2)
    return Results(series, json.loads(summary), warns, neurons)
