#!/usr/bin/env python3
"""Two cores against one, and the peers at their best thread setting, side by side in one run (issue 21).

    python3 Benchmarks/peers/run_threads.py [--binary .build/release/metric-learn] [--datasets NAME ...]
            [--learners nca lmnn ...] [--rounds 2] [--json OUT]

For each table, on the peers' own folds (StratifiedKFold(5, shuffle=True, random_state=0), as run_peers.py):

- ours, `BINARY evaluate --learner L ... --folds-file FOLDS --json` (folds one after the other, so each fold's fit
  has the machine to itself), once confined to one CPU (`taskset -c 0`) and once free on every CPU, alternating
  for --rounds rounds; a learner's time is the median over rounds of its median fit seconds over the folds;
- scikit-learn's NCA and PyLMNN's LMNN (run_peers.py's workers, same folds, only the fit timed) with
  OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = 1 and = 2; the better of the two is the peer's best thread setting.

The machine may be shared. Before every run the script waits (up to --quiet-wait seconds) until a one-second sample
of /proc/stat shows at least --idle cores idle, and during the run it counts the CPU time that other processes used
(all busy time in /proc/stat minus the CPU time of the run's own process tree): the `others` column, in cores, says
how loaded the machine was while that number was taken. A run with others > 0.2 cores is repeated once.

Standard library only; run Benchmarks/peers/setup.sh and `swift build -c release --product metric-learn` first.
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402
import run_peers  # noqa: E402

DEFAULT_DATASETS = ["digits", "overlap-1000x18", "overlap-2000x40", "overlap-2500x24", "segment-like-2300x19",
                    "overlap-6000x32"]
DEFAULT_LEARNERS = ["nca", "lmnn", "itml", "whitening", "feature-weights", "lfda", "dmlmj", "rca", "mmc", "gmml"]
PEERS = {"nca": "sklearn-nca", "lmnn": "pylmnn-lmnn"}
TOO_LOADED = 0.2


def busy_jiffies():
    """(busy, total) clock ticks of all CPUs since boot, from the first line of /proc/stat."""
    with open("/proc/stat") as handle:
        fields = [int(value) for value in handle.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


def idle_cores(seconds=1.0):
    """Cores idle over a `seconds` sample."""
    busy0, total0 = busy_jiffies()
    time.sleep(seconds)
    busy1, total1 = busy_jiffies()
    cores = os.cpu_count() or 1
    return cores * (1 - (busy1 - busy0) / max(total1 - total0, 1))


def wait_for_quiet(minimum_idle, limit):
    """Wait until `minimum_idle` cores are idle or `limit` seconds have passed; returns the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < limit and idle_cores() < minimum_idle:
        pass
    return time.monotonic() - start


def measured(run, options):
    """Calls `run()` once the machine is quiet; returns (its result, others' load in cores during it). Repeats once
    when other processes used more than TOO_LOADED cores."""
    for attempt in range(2):
        wait_for_quiet(options.idle, options.quiet_wait)
        ticks = os.sysconf("SC_CLK_TCK")
        own0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        busy0, _ = busy_jiffies()
        start = time.monotonic()
        result = run()
        wall = time.monotonic() - start
        busy1, _ = busy_jiffies()
        own1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        own = (own1.ru_utime + own1.ru_stime) - (own0.ru_utime + own0.ru_stime)
        others = max(0.0, ((busy1 - busy0) / ticks - own) / max(wall, 1e-9))
        if others <= TOO_LOADED or attempt == 1:
            return result, others


def our_fits(binary, dataset, folds, learners, pinned):
    """{learner: median fit seconds over the folds} of one `evaluate` run, confined to CPU 0 when `pinned`."""
    command = (["taskset", "-c", "0"] if pinned else []) + [binary, "evaluate", "--input", dataset]
    for learner in learners:
        command += ["--learner", learner]
    command += ["--folds-file", folds, "--seed", str(peerlib.CV_SEED), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return {entry["learner"]: entry["fitSecondsMedian"] for entry in json.loads(done.stdout)}


def peer_fit(method, dataset, folds, threads, budget):
    """The peer's median fit seconds over the folds with `threads` BLAS/OpenMP threads (None if it failed)."""
    saved = {key: os.environ.get(key) for key in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    os.environ.update(OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    try:
        return run_peers.run_peer(method, dataset, folds, budget)["fitSecondsMedian"]
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def measure_dataset(name, path, options):
    """Every number of one table: ours on one and two cores, the peers at one and two threads."""
    entry = dict(name=name, **run_peers.describe(path), ours={}, peers={})
    with tempfile.TemporaryDirectory() as scratch:
        folds_json = os.path.join(scratch, "folds.json")
        _, status, tail, _ = run_peers.run_worker("sklearn", ["--dataset", path, "--out", folds_json], 600)
        if status != "ok":
            raise SystemExit("run_threads.py: could not make folds for %s: %s" % (path, tail))
        folds_txt = os.path.join(scratch, "folds.txt")
        run_peers.write_test_folds(folds_json, folds_txt)
        runs = {"oneCore": [], "twoCores": []}
        for _ in range(options.rounds):
            for setting, pinned in (("oneCore", True), ("twoCores", False)):
                fits, others = measured(lambda: our_fits(options.binary, path, folds_txt, options.learners, pinned),
                                        options)
                runs[setting].append((fits, others))
        for learner in options.learners:
            timing = {}
            for setting, results in runs.items():
                timing[setting] = statistics.median(fits[learner] for fits, _ in results)
                timing[setting + "Others"] = max(others for _, others in results)
            timing["speedup"] = timing["oneCore"] / timing["twoCores"]
            entry["ours"][learner] = timing
        for learner, method in PEERS.items():
            if learner not in options.learners or method in options.skip_peers:
                continue
            timing = {}
            for threads in (1, 2):
                seconds, others = measured(lambda: peer_fit(method, path, folds_json, threads, options.budget), options)
                timing["threads%d" % threads], timing["threads%dOthers" % threads] = seconds, others
            finished = [timing[key] for key in ("threads1", "threads2") if timing[key] is not None]
            timing["best"] = min(finished) if finished else None
            entry["peers"][method] = timing
    return entry


def print_entry(entry):
    print("\n== %s (%d x %d, %d classes): fit seconds, median over the 5 training folds ==" % (
        entry["name"], entry["rows"], entry["features"], entry["classes"]))
    header = "%-16s %9s %9s %8s %8s   %-12s %9s %9s %9s" % (
        "learner", "1 core", "2 cores", "2c/1c×", "others", "peer", "peer 1t", "peer 2t", "peer/ours")
    print(header)
    print("-" * len(header))
    for learner, ours in entry["ours"].items():
        line = "%-16s %9.4f %9.4f %8.2f %8.2f" % (learner, ours["oneCore"], ours["twoCores"], ours["speedup"],
                                                max(ours["oneCoreOthers"], ours["twoCoresOthers"]))
        peer = entry["peers"].get(PEERS.get(learner))
        if peer:
            best = min(ours["oneCore"], ours["twoCores"])
            line += "   %-12s %9s %9s %9s" % (
                PEERS[learner], run_peers._fmt(peer["threads1"], "%.4f"), run_peers._fmt(peer["threads2"], "%.4f"),
                run_peers._fmt(None if peer["best"] is None else peer["best"] / best, "%.2f"))
        print(line)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(peerlib.REPO_ROOT, ".build", "release", "metric-learn"))
    parser.add_argument("--datasets", nargs="+", default=DEFAULT_DATASETS, metavar="NAME_OR_CSV")
    parser.add_argument("--learners", nargs="+", default=DEFAULT_LEARNERS)
    parser.add_argument("--skip-peers", nargs="*", default=[], choices=sorted(PEERS.values()))
    parser.add_argument("--rounds", type=int, default=2, help="alternating one-core/two-core rounds (default 2)")
    parser.add_argument("--idle", type=float, default=1.8, help="idle cores to wait for before a run (default 1.8)")
    parser.add_argument("--quiet-wait", type=float, default=120.0,
                        help="longest wait for a quiet machine before a run, seconds (default 120)")
    parser.add_argument("--budget", type=float, default=600.0, help="a peer's wall-clock budget per table")
    parser.add_argument("--data-dir", default=peerlib.DEFAULT_DATA_DIR)
    parser.add_argument("--json", metavar="OUT")
    options = parser.parse_args(argv)
    if shutil.which("taskset") is None:
        raise SystemExit("run_threads.py: needs util-linux's taskset")
    if not os.access(options.binary, os.X_OK):
        raise SystemExit("run_threads.py: no binary at %s (swift build -c release --product metric-learn)"
                         % options.binary)
    report = {"command": sys.argv, "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": peerlib.machine(),
              "datasets": []}
    print("machine: %(nproc)s cores, %(cpu)s; load average %(loadavg)s" % report["machine"])
    for name, path in run_peers.resolve_datasets(options.datasets, options.data_dir):
        entry = measure_dataset(name, path, options)
        report["datasets"].append(entry)
        print_entry(entry)
        if options.json:
            peerlib.write_json(options.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
