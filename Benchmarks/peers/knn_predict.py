#!/usr/bin/env python3
"""k-NN predict at full size: our `metric-learn-bench` case against scikit-learn, interleaved.

Ours: `metric-learn-bench --case knn/predict-q5000/n20000-d50` (5-NN, uniform votes, 20 000 training rows,
5 000 queries, 50 features, 5 classes of seeded Gaussian blobs; the classifier is fitted outside the timer,
each timed run is one `predict` of the 5 000 queries; up to 7 runs). scikit-learn:
`KNeighborsClassifier(5, algorithm="brute").fit(X, y)`, then `predict(Q)` timed alone, RUNS times, on Gaussian
blobs of the same shape and class count (5 centres differing in the first d/5 features, unit noise).

For each thread count N (default 1 and 2) both sides run with OPENBLAS_NUM_THREADS=N and
OMP_NUM_THREADS=N, alternating ours / sklearn for ROUNDS rounds (default 3). Each round gives one median
per side; the table prints the median of the round medians (wall seconds and CPU seconds per predict) and
the ratio sklearn / ours (> 1: we are faster). Our neighbour scan splits large distance tiles over every
active processor with GCD whatever OPENBLAS_NUM_THREADS says, so N limits only our BLAS (the `dgemm`);
`--pin` confines both processes to the first N cores (taskset) so that N bounds everything.

Standard library only: the sklearn side re-invokes this file with the sklearn venv's python
(Benchmarks/peers/setup.sh). Build ours first: `swift build -c release --product metric-learn-bench`.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

import peerlib

CASE = "knn/predict-q5000/n20000-d50"
TRAIN_ROWS, QUERY_ROWS, FEATURES, CLASSES, NEIGHBORS = 20000, 5000, 50, 5, 5


def worker(runs):
    """sklearn side (in the sklearn venv): print one JSON object with the wall and CPU seconds of each predict."""
    import numpy as np
    from sklearn.neighbors import KNeighborsClassifier

    rng = np.random.default_rng(2024)
    informative = max(2, FEATURES // 5)
    centres = np.zeros((CLASSES, FEATURES))
    centres[:, :informative] = 1.5 * rng.standard_normal((CLASSES, informative))
    labels = np.arange(TRAIN_ROWS + QUERY_ROWS) % CLASSES
    data = centres[labels] + rng.standard_normal((TRAIN_ROWS + QUERY_ROWS, FEATURES))
    x, y, queries = data[:TRAIN_ROWS], labels[:TRAIN_ROWS], data[TRAIN_ROWS:]
    classifier = KNeighborsClassifier(n_neighbors=NEIGHBORS, algorithm="brute").fit(x, y)
    classifier.predict(queries[:100])  # warm-up: imports and thread pools outside the timer
    wall, cpu = [], []
    for _ in range(runs):
        start_wall, start_cpu = time.perf_counter(), time.process_time()
        classifier.predict(queries)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    print(json.dumps({"samples": wall, "cpuSamples": cpu}))


def run_json(command, threads):
    environment = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    before = os.getloadavg()[0]
    completed = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit("knn_predict.py: %s failed:\n%s" % (" ".join(command), completed.stderr[-2000:]))
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    return {"seconds": statistics.median(result["samples"]), "cpuSeconds": statistics.median(result["cpuSamples"]),
            "samples": result["samples"], "cpuSamples": result["cpuSamples"],
            "loadavg": [before, os.getloadavg()[0]]}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(peerlib.REPO_ROOT, ".build", "release", "metric-learn-bench"),
                        help="our benchmark binary (default: %(default)s)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="thread counts (default: 1 2)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per thread count (default: 3)")
    parser.add_argument("--runs", type=int, default=7, help="timed sklearn predicts per round (default: 7)")
    parser.add_argument("--pin", action="store_true", help="run both sides under taskset on the first N cores")
    parser.add_argument("--json", metavar="OUT", help="save every sample to this JSON file")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.worker:
        worker(arguments.runs)
        return 0

    python = peerlib.VENV_PYTHON["sklearn"]
    if not os.access(python, os.X_OK):
        raise SystemExit("knn_predict.py: venv %s is missing; run Benchmarks/peers/setup.sh first" % python)
    if not os.access(arguments.binary, os.X_OK):
        raise SystemExit("knn_predict.py: %s is missing; run swift build -c release --product metric-learn-bench"
                         % arguments.binary)
    if arguments.pin and shutil.which("taskset") is None:
        raise SystemExit("knn_predict.py: --pin needs taskset (util-linux)")
    ours_command = [arguments.binary, "--case", CASE]
    sklearn_command = [python, os.path.abspath(__file__), "--worker", "--runs", str(arguments.runs)]
    report = {"command": [os.path.basename(sys.executable)] + sys.argv, "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
              "machine": peerlib.machine(), "case": CASE, "pinned": arguments.pin, "threads": {}}
    machine = report["machine"]
    print("machine: %s cores, %s; load %.2f at start" % (machine["nproc"], machine["cpu"], os.getloadavg()[0]))
    print("5-NN predict, %d training x %d queries x %d features, %d classes; %d alternating rounds, median of "
          "round medians" % (TRAIN_ROWS, QUERY_ROWS, FEATURES, CLASSES, arguments.rounds))
    if arguments.pin:
        print("N threads: OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = N and both processes pinned to N cores (taskset)")
    else:
        print("N threads: OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = N; this limits sklearn fully but only our BLAS: "
              "our neighbour scan still splits large tiles over all %s cores (GCD)" % machine["nproc"])
    print("%-8s %14s %14s %14s %14s %10s %12s" % ("threads", "sklearn s", "ours s", "sklearn CPU s", "ours CPU s",
                                                   "sk/ours", "load"))
    for threads in arguments.threads:
        pin = ["taskset", "-c", "0-%d" % (threads - 1)] if arguments.pin else []
        rounds = []
        for _ in range(arguments.rounds):
            rounds.append({"ours": run_json(pin + ours_command, threads),
                           "sklearn": run_json(pin + sklearn_command, threads)})
        summary = {side: {key: statistics.median(r[side][key] for r in rounds) for key in ("seconds", "cpuSeconds")}
                   for side in ("ours", "sklearn")}
        loads = [load for r in rounds for side in ("ours", "sklearn") for load in r[side]["loadavg"]]
        report["threads"][str(threads)] = {"rounds": rounds, "median": summary,
                                           "ratio": summary["sklearn"]["seconds"] / summary["ours"]["seconds"]}
        print("%-8d %14.4f %14.4f %14.4f %14.4f %9.2fx %5.1f-%-5.1f" % (
            threads, summary["sklearn"]["seconds"], summary["ours"]["seconds"], summary["sklearn"]["cpuSeconds"],
            summary["ours"]["cpuSeconds"], report["threads"][str(threads)]["ratio"], min(loads), max(loads)))
    if arguments.json:
        with open(arguments.json, "w") as handle:
            json.dump(report, handle, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
