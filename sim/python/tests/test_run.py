"""Tests of the dtao_sim Python module, run by scripts/test.sh after `pip install ./sim/python`:

    python sim/python/tests/test_run.py <cli-output-folder>

where the folder holds what `dtao-sim sim/scenarios/smoke.toml --out <folder>` wrote: the module
must give the command's series and summary exactly, from the file, from TOML text and from a dict.
"""

import json
import os
import sys
import tomllib
import warnings

import dtao_sim

HERE = os.path.dirname(os.path.abspath(__file__))
SMOKE = os.path.join(HERE, "..", "..", "scenarios", "smoke.toml")


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def same_as_cli(r, cli):
    with open(os.path.join(cli, "series.csv")) as f:
        check(r.series_csv == f.read(), "the series equals the command's series.csv")
    with open(os.path.join(cli, "summary.json")) as f:
        expected = json.load(f)
    for d in (expected, r.summary):
        for k in ("seconds", "blocks_per_second", "scenario"):
            d.pop(k, None)
    check(r.summary == expected, "the summary equals the command's summary.json")


def main(cli):
    with open(SMOKE) as f:
        text = f.read()
    doc = tomllib.loads(text)

    r = dtao_sim.run(SMOKE)
    same_as_cli(r, cli)
    rows = sum(1 for _ in r.series_csv.splitlines()) - 1
    subnets = len(r.subnets)
    check(r.series.shape == (rows, 17), "one row per sample and subnet, series.csv's 16 columns and day")
    check(list(r.series.columns[:3]) == ["block", "day", "netuid"], "block, day, netuid first")
    check(r.series["block"].iloc[-1] == doc["run"]["blocks"], "the last row is the last block")
    check(len(r.subnet(1)) * subnets == rows, "subnet() gives one subnet's rows")
    check(subnets == r.summary["subnet_count"] or subnets >= 1, "a row per subnet in subnets")
    check(list(r.actors["profit_rao"]) == [int(a["profit_rao"]) for a in r.summary["actors"]], "profits in rao, as ints")

    same_as_cli(dtao_sim.run(text), cli)
    same_as_cli(dtao_sim.run(doc), cli)

    # set= overrides a key as `dtao-sim sweep --set` does.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # actors that start after block 10
        shorter = dtao_sim.run(SMOKE, set={"run.blocks": 10, "run.sample_every": 5})
    check(list(shorter.series["block"].unique()) == [5, 10], "run.blocks and run.sample_every set")

    # neurons.csv as a table: a row per neuron at each epoch, the series unchanged.
    check(r.neurons is None, "no neurons table unless asked for")
    n = dtao_sim.run(SMOKE, set={"run.neurons": True})
    check(n.series_csv == r.series_csv, "the series is the same with run.neurons")
    check(list(n.neurons.columns) == ["block", "netuid", "uid", "alpha_stake", "root_stake", "permit", "incentive",
                                      "dividends", "alpha_paid", "root_tao_paid"], "neurons.csv's columns")
    per_epoch = n.neurons.groupby(["block", "netuid"])
    check(len(per_epoch) > 0 and (per_epoch["incentive"].sum() <= 65_535 + per_epoch.size()).all(), "incentive proportions")
    check((n.neurons["alpha_paid"] > 0).any(), "epochs paid alpha")

    # Bad input: a named error, nothing run.
    for bad, key in ((dict(doc, subnet=[]), "[[subnet]]"), ({**doc, "run": {"blocks": 0}}, "run.blocks")):
        try:
            dtao_sim.run(bad)
        except ValueError as e:
            check(key in str(e), "the error names {}: {}".format(key, e))
        else:
            raise AssertionError("{} accepted".format(key))
    try:
        dtao_sim.run(42)
    except TypeError:
        pass
    else:
        raise AssertionError("a number accepted as a scenario")

    # A useless actor runs, with a warning.
    useless = json.loads(json.dumps(doc))
    useless["actor"] = [{"kind": "random", "seed": 1, "per_mille": 0, "max_tao": 10**9}]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        w = dtao_sim.run(useless)
    check(w.warnings and caught, "a warning for an actor that never trades")
    print("dtao_sim {}: python tests passed ({} rows)".format(dtao_sim.__version__, rows))


if __name__ == "__main__":
    main(sys.argv[1])
