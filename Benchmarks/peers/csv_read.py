#!/usr/bin/env python3
"""CSV input at scale, side by side in one run (`make bench-csv`): `metric-learn-bench --read-csv` (the reader
`metric-learn fit` uses, a numeric TrainingTable with class labels) against pandas' `read_csv` (+ `to_numpy` of the
features), each in its own process under `/usr/bin/time -v` for the peak RSS.

The tables are generated here, seeded, into a temporary directory (deleted afterwards unless --keep): ROWS rows of
50 Gaussian features of three scales (1, 10, 1000) and an integer label column 0-9, written with `%.17g` (every
digit of a double, about 1 GB at 10^6 rows) and with `%.6f`. Each side reads each file REPEATS times, alternating;
the table gives the fastest read (seconds inside the process, and wall seconds of the process) and the largest
peak RSS, against the float64 matrix (rows × 50 × 8 bytes). The load average (`/proc/loadavg`) is printed before
and after.

Usage: Benchmarks/peers/.venv-sklearn/bin/python Benchmarks/peers/csv_read.py --binary .build/release/metric-learn-bench
       [--rows 1000000] [--repeats 3] [--formats 17g 6f] [--keep DIR] [--json out.json]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

COLUMNS = 50
FORMATS = {"17g": "%.17g", "6f": "%.6f"}


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def generate(path, rows, fmt, seed=17):
    import numpy as np
    rng = np.random.default_rng(seed)
    line = ",".join([fmt] * COLUMNS) + ",%d"
    with open(path, "w") as f:
        f.write(",".join(f"f{j:02d}" for j in range(COLUMNS)) + ",label\n")
        for start in range(0, rows, 50_000):
            count = min(50_000, rows - start)
            x = rng.standard_normal((count, COLUMNS)) * rng.choice([1.0, 10.0, 1000.0], size=COLUMNS)
            y = rng.integers(0, 10, size=count)
            f.write("\n".join(line % (tuple(r) + (int(c),)) for r, c in zip(x.tolist(), y.tolist())) + "\n")


def pandas_read(path):
    """The pandas side, run in a child process: prints JSON with the seconds and the shape."""
    import time
    import numpy as np
    import pandas as pd
    start = time.perf_counter()
    frame = pd.read_csv(path)
    x = frame.drop(columns="label").to_numpy(dtype=np.float64)
    y = frame["label"].to_numpy()
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": x.shape[0], "columns": x.shape[1], "classes": len(set(y.tolist())), "seconds": seconds}))


def timed(command):
    """Runs `command` under /usr/bin/time -v; returns its JSON output, wall seconds and peak RSS (bytes)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True, check=True)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) * 1024
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return json.loads(result.stdout), seconds, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", help="metric-learn-bench (release build)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=list(FORMATS))
    parser.add_argument("--keep", help="generate into (and keep) this directory instead of a temporary one")
    parser.add_argument("--json")
    parser.add_argument("--pandas-read", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pandas_read:
        return pandas_read(args.pandas_read)
    if not args.binary:
        parser.error("--binary is required")

    directory = args.keep or tempfile.mkdtemp(prefix="metric-learn-csv-")
    os.makedirs(directory, exist_ok=True)
    matrix_bytes = args.rows * COLUMNS * 8
    results = {"rows": args.rows, "columns": COLUMNS, "loadBefore": load_average(), "formats": {}}
    print(f"load average before: {results['loadBefore']}", file=sys.stderr)
    try:
        for name in args.formats:
            path = os.path.join(directory, f"table-{name}-{args.rows}.csv")
            if not os.path.exists(path):
                print(f"generating {path}", file=sys.stderr)
                generate(path, args.rows, FORMATS[name])
            sides = {"metric-learn": [args.binary, "--read-csv", path],
                     "pandas": [sys.executable, os.path.abspath(__file__), "--pandas-read", path]}
            runs = {side: [] for side in sides}
            for _ in range(args.repeats):
                for side, command in sides.items():
                    output, wall, rss = timed(command)
                    assert output["rows"] == args.rows and output["columns"] == COLUMNS, output
                    runs[side].append({"seconds": output["seconds"], "wall": wall, "rss": rss})
            results["formats"][name] = {"bytes": os.path.getsize(path), "runs": runs}
    finally:
        if not args.keep:
            for entry in os.listdir(directory):
                os.remove(os.path.join(directory, entry))
            os.rmdir(directory)
    results["loadAfter"] = load_average()

    print(f"{'format':<7}{'file':>9}  {'side':<13}{'read s':>8}{'wall s':>8}{'peak RSS':>10}{'× matrix':>9}")
    for name, entry in results["formats"].items():
        for side, runs in entry["runs"].items():
            best = min(run["seconds"] for run in runs)
            wall = min(run["wall"] for run in runs)
            rss = max(run["rss"] for run in runs)
            print(f"{name:<7}{entry['bytes'] / 1e6:>7.0f}MB  {side:<13}{best:>8.2f}{wall:>8.2f}"
                  f"{rss / 1e6:>8.0f}MB{rss / matrix_bytes:>9.2f}")
        ours = min(run["seconds"] for run in entry["runs"]["metric-learn"])
        theirs = min(run["seconds"] for run in entry["runs"]["pandas"])
        print(f"{name:<7}{'':>9}  pandas / metric-learn read time: {theirs / ours:.2f}×")
    print(f"load average before {results['loadBefore']}, after {results['loadAfter']}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
