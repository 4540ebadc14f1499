"""Hotspot aggregation with Python's h3 and pandas, for BENCHMARKS.md (issue 4).

Reads the points exported by scripts/bench-hotspots.sh (CSV: lat,lng,day), keeps those in the
bounding box and day range, and counts them per H3 cell: h3.latlng_to_cell for every point,
then a pandas groupby. Prints one line per measurement: `what p50_ms p95_ms cells`.

    python3 scripts/hotspots_compare.py POINTS.csv MINLNG,MINLAT,MAXLNG,MAXLAT FROM TO RES RUNS
"""

import statistics
import sys
import time

import h3
import pandas as pd


def percentile(times, p):
    times = sorted(times)
    return times[round((len(times) - 1) * p)] * 1000.0


def main():
    path, bbox, from_day, to_day, res, runs = sys.argv[1:7]
    x0, y0, x1, y1 = (float(v) for v in bbox.split(","))
    from_day, to_day, res, runs = int(from_day), int(to_day), int(res), max(1, int(runs))
    points = pd.read_csv(path, names=["lat", "lng", "day"])

    def select():
        return points[
            (points.lng >= x0)
            & (points.lng <= x1)
            & (points.lat >= y0)
            & (points.lat <= y1)
            & (points.day >= from_day)
            & (points.day <= to_day)
        ]

    def full():
        chosen = select()
        cells = [h3.latlng_to_cell(a, b, res) for a, b in zip(chosen.lat.values, chosen.lng.values)]
        return chosen.assign(cell=cells).groupby("cell").size()

    # Cells computed once, in advance: only the filter and the groupby are timed.
    indexed = points.assign(
        cell=[h3.latlng_to_cell(a, b, res) for a, b in zip(points.lat.values, points.lng.values)]
    )

    def grouped():
        chosen = indexed[
            (indexed.lng >= x0)
            & (indexed.lng <= x1)
            & (indexed.lat >= y0)
            & (indexed.lat <= y1)
            & (indexed.day >= from_day)
            & (indexed.day <= to_day)
        ]
        return chosen.groupby("cell").size()

    for name, fn in [("python-h3-pandas", full), ("python-pandas-groupby-only", grouped)]:
        times, cells = [], 0
        for _ in range(runs):
            started = time.perf_counter()
            cells = len(fn())
            times.append(time.perf_counter() - started)
        print(f"{name} {percentile(times, 0.5):.2f} {percentile(times, 0.95):.2f} {cells}")
    sys.stdout.flush()
    _ = statistics  # (kept for readers who want more than p50/p95)


if __name__ == "__main__":
    main()
