"""Root's share of a subnet's validator dividends over one year, from Python.

    python sim/python/examples/root_share.py [scenario.toml] [--csv out.csv]

Runs sim/scenarios/root-share.toml (64 equal subnets, 5M TAO on root, tao_weight 0.18) twice:
with root's alpha sold into the pool every block (`sell_per_block`, the default) and kept for root
stakers (`keep_alpha`), and prints, beside the public tracker's figures (50 % about day 123, about
25 % after a year), the first day root's share is at most 50 % and the share after a year.
With --csv it writes the two curves (day, one column per mode) for a plot.
"""

import sys

import dtao_sim

PUBLIC = {"first day at most 50 %": 123, "after a year": 0.25}


def main(argv):
    path = "sim/scenarios/root-share.toml"
    csv = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--csv":
            csv = args.pop(0)
        else:
            path = a
    curves = {}
    print("{:16} {:>24} {:>14}".format("", "first day at most 50 %", "after a year"))
    print("{:16} {:>24} {:>14.1%}".format("public tracker", PUBLIC["first day at most 50 %"], PUBLIC["after a year"]))
    for mode in ("sell_per_block", "keep_alpha"):
        r = dtao_sim.run(path, set={"chain.root_dividend_mode": mode})
        s = r.subnet(1)
        share = s["root_proportion_ppb"] / 1e9
        half = s.loc[share <= 0.5, "day"]
        first = "never" if half.empty else "{:.0f}".format(half.iloc[0])
        print("{:16} {:>24} {:>14.1%}".format(mode, first, share.iloc[-1]))
        curves[mode] = share.set_axis(s["day"])
    if csv:
        import pandas as pd

        pd.DataFrame(curves).rename_axis("day").to_csv(csv)
        print("wrote", csv)


if __name__ == "__main__":
    main(sys.argv[1:])
