#!/usr/bin/env python3
"""Pair learners and pair verification: our CLI against metric-learn 0.7 (ITML, MMC full and diagonal,
calibrate_threshold) and a NumPy transcription of GMML, on identical pairs.

    python3 Benchmarks/peers/run_pairs.py [--quick] [--json OUT] [--runs 3]
            [--binary .build/release/metric-learn] [--datasets iris wine NAME ...]

Protocol, per table (labels are only used to make pairs):
- a stratified 70/30 split of the rows (scikit-learn train_test_split, random_state 0); a StandardScaler fitted on
  the training rows standardises every row, and the standardised table (with an `id` column, no label) is what
  both sides read;
- training pairs: 20·c² similar and 20·c² dissimilar distinct pairs of training rows (c classes, as metric-learn's
  *_Supervised draw them), validation pairs: 500 + 500 more of training rows, test pairs: up to 2000 + 2000 pairs
  of test rows; all drawn with numpy default_rng(0) and written as `first,second,similar` files;
- peers: metric-learn ITML(), MMC(), MMC(diagonal=True) fitted on the training pair tuples, and GMML
  (gmml_numpy.py, t = 1/2, lambda = GMML_REGULARIZATION: pyDML 0.1.0, the release on PyPI, has no GMML); ROC-AUC of
  -distance on the test pairs (roc_auc_score), fit time = median wall time of `fit` over --runs runs;
- ours: `fit itml|mmc|gmml --input table.csv --pairs train.csv --id-column id` (fit time = report.fitSeconds, median
  over --runs runs), `evaluate-pairs --json` on the test pairs;
- GMML on both sides with lambda = GMML_REGULARIZATION (0.01 on the standardised features): the synthetic tables'
  redundant features are linear combinations of others, so without regularisation the similar scatter is singular
  (ours refuses; a NumPy inverse returns round-off);
- thresholds: for each strategy, metric-learn's calibrate_threshold on the validation pairs scored by OUR learned
  L (an MMC whose components_ are ours, so decision_function gives our distances), against our
  `pairs --calibrate --strategy ...` on the same pairs: the absolute difference.

Run it with any python3: it re-invokes itself with the metric-learn venv's python (setup.sh makes it).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

DATASETS = ["iris", "wine", "synth-3c-2000x50", "digits-like-1800x64", "vehicle-like-850x18", "segment-like-2300x19"]
GMML_REGULARIZATION = 0.01
LEARNERS = [("itml", []), ("mmc", []), ("mmc-diagonal", ["--shape", "diagonal"]),
            ("gmml", ["--regularization", repr(GMML_REGULARIZATION)])]
STRATEGIES = [("accuracy", [], {}), ("f-beta", ["--beta", "1"], {"strategy": "f_beta", "beta": 1.0}),
              ("max-tpr", ["--min-rate", "0.9"], {"strategy": "max_tpr", "min_rate": 0.9}),
              ("max-tnr", ["--min-rate", "0.9"], {"strategy": "max_tnr", "min_rate": 0.9})]


def draw_pairs(rng, rows, y, count_each):
    """Up to count_each distinct similar and count_each distinct dissimilar unordered pairs of `rows`."""
    import numpy as np

    rows = np.asarray(rows)
    pairs = []
    for same in (True, False):
        seen, made, attempts = set(), [], 0
        while len(made) < count_each and attempts < 200 * count_each:
            attempts += 1
            i, j = rows[rng.integers(len(rows))], rows[rng.integers(len(rows))]
            key = (min(i, j), max(i, j))
            if i == j or (y[i] == y[j]) != same or key in seen:
                continue
            seen.add(key)
            made.append((int(i), int(j), 1 if same else -1))
        pairs += made
    return pairs


def write_pairs(path, pairs):
    with open(path, "w") as handle:
        handle.write("first,second,similar\n")
        for i, j, label in pairs:
            handle.write("r%d,r%d,%d\n" % (i, j, label))


def prepare(path, scratch):
    """The standardised table and the three pair files; returns the arrays the peers need."""
    import numpy as np
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    x, y, names, _ = peerlib.load_xy(path)
    train, test = train_test_split(np.arange(len(y)), test_size=0.3, stratify=y, random_state=0)
    x = StandardScaler().fit(x[train]).transform(x)
    with open(os.path.join(scratch, "table.csv"), "w") as handle:
        handle.write(",".join(["id"] + ["f%d" % j for j in range(x.shape[1])]) + "\n")
        for i, row in enumerate(x):
            handle.write(",".join(["r%d" % i] + [repr(float(v)) for v in row]) + "\n")
    rng = np.random.default_rng(0)
    classes = len(set(y.tolist()))
    sets = {"train": draw_pairs(rng, train, y, 20 * classes * classes),
            "valid": draw_pairs(rng, train, y, 500),
            "test": draw_pairs(rng, test, y, 2000)}
    for name, pairs in sets.items():
        write_pairs(os.path.join(scratch, name + ".csv"), pairs)
    return x, sets, {"rows": len(y), "features": x.shape[1], "classes": classes, "trainRows": len(train),
                     "pairs": {name: len(pairs) for name, pairs in sets.items()}}


def tuples(x, pairs):
    import numpy as np

    index = np.asarray([(i, j) for i, j, _ in pairs])
    return x[index], np.asarray([label for _, _, label in pairs])


def peer_runs(x, sets, runs):
    """metric-learn's learners and the GMML transcription: test ROC-AUC and fit seconds."""
    import warnings

    import numpy as np
    from metric_learn import ITML, MMC
    from sklearn.metrics import roc_auc_score

    import gmml_numpy

    train_x, train_y = tuples(x, sets["train"])
    test_x, test_y = tuples(x, sets["test"])
    makers = {"itml": lambda: ITML(), "mmc": lambda: MMC(), "mmc-diagonal": lambda: MMC(diagonal=True)}
    results = {}
    for name, make in makers.items():
        seconds, model = [], None
        for _ in range(runs):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                start = time.perf_counter()
                model = make().fit(train_x, train_y)
                seconds.append(time.perf_counter() - start)
        results[name] = {"rocAuc": float(roc_auc_score(test_y, model.decision_function(test_x))),
                         "fitSecondsMedian": statistics.median(seconds), "fitSeconds": seconds,
                         "iterations": int(getattr(model, "n_iter_", -1))}
    similar = [(i, j) for i, j, label in sets["train"] if label == 1]
    dissimilar = [(i, j) for i, j, label in sets["train"] if label == -1]
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        m = gmml_numpy.gmml(x, similar, dissimilar, t=0.5, regularization=GMML_REGULARIZATION)
        seconds.append(time.perf_counter() - start)
    diff = test_x[:, 0] - test_x[:, 1]
    distances = np.sqrt(np.maximum(np.einsum("pi,ij,pj->p", diff, m, diff), 0))
    results["gmml"] = {"rocAuc": float(roc_auc_score(test_y, -distances)), "fitSecondsMedian": statistics.median(seconds),
                       "fitSeconds": seconds, "note": "NumPy transcription of the paper (gmml_numpy.py)"}
    return results


def run(binary, arguments, scratch):
    done = subprocess.run([binary] + arguments, cwd=scratch, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit("run_pairs.py: %s failed (%d): %s" % (" ".join(arguments), done.returncode, done.stderr))
    return done.stdout


def our_runs(binary, scratch, runs):
    results = {}
    for name, extra in LEARNERS:
        learner = name.split("-")[0]
        seconds = []
        for _ in range(runs):
            run(binary, ["fit", learner, "--input", "table.csv", "--pairs", "train.csv", "--id-column", "id",
                         "--output", name + ".json"] + extra, scratch)
            with open(os.path.join(scratch, name + ".json")) as handle:
                model = json.load(handle)
            seconds.append(model["report"]["fitSeconds"])
        evaluation = json.loads(run(binary, ["evaluate-pairs", "--metric", name + ".json", "--input", "table.csv",
                                             "--pairs", "test.csv", "--id-column", "id", "--json"], scratch))
        results[name] = {"rocAuc": evaluation["rocAuc"], "fitSecondsMedian": statistics.median(seconds),
                         "fitSeconds": seconds, "iterations": model["report"]["iterations"]}
    return results


def threshold_checks(binary, scratch, x, sets):
    """|ours - metric-learn's| for every strategy, on the validation pairs scored by each of our models."""
    import numpy as np
    from metric_learn import MMC

    valid_x, valid_y = tuples(x, sets["valid"])
    checks = {}
    for name, _ in LEARNERS:
        with open(os.path.join(scratch, name + ".json")) as handle:
            model = json.load(handle)
        components = np.asarray(model["components"]["values"]).reshape(model["components"]["rows"], -1)
        peer = MMC()
        peer.preprocessor_ = None
        peer.components_ = components
        for strategy, flags, arguments in STRATEGIES:
            run(binary, ["pairs", "--metric", name + ".json", "--input", "table.csv", "--pairs", "valid.csv",
                         "--id-column", "id", "--output", "scores.csv", "--calibrate", "--strategy", strategy,
                         "--output-metric", "calibrated.json"] + flags, scratch)
            with open(os.path.join(scratch, "calibrated.json")) as handle:
                ours = json.load(handle)["pairThreshold"]["distance"]
            peer.calibrate_threshold(valid_x, valid_y, **arguments)
            ours = float("-inf") if ours == "-Infinity" else float(ours)
            theirs = float(peer.threshold_)
            difference = 0.0 if ours == theirs else abs(ours - theirs)
            checks["%s/%s" % (name, strategy)] = {"ours": ours, "metricLearn": theirs, "difference": difference}
    return checks


def worker(arguments):
    datasets = arguments.datasets or (["iris", "wine"] if arguments.quick else DATASETS)
    report = {"machine": peerlib.machine(), "versions": peerlib.package_versions(
        ["numpy", "scipy", "scikit-learn", "metric-learn"]), "runs": arguments.runs, "datasets": {}}
    for dataset in datasets:
        path = peerlib.bundled_csv(dataset) if dataset in ("iris", "wine") else os.path.join(arguments.data_dir,
                                                                                            dataset + ".csv")
        if not os.path.exists(path):
            subprocess.run([peerlib.VENV_PYTHON["sklearn"], os.path.join(peerlib.HERE, "make_tables.py"), "--out",
                            arguments.data_dir], check=True, stdout=subprocess.DEVNULL)
        with tempfile.TemporaryDirectory() as scratch:
            x, sets, shape = prepare(path, scratch)
            load = list(os.getloadavg())
            entry = {"shape": shape, "loadavgBefore": load, "peers": peer_runs(x, sets, arguments.runs),
                     "ours": our_runs(arguments.binary, scratch, arguments.runs)}
            entry["thresholds"] = threshold_checks(arguments.binary, scratch, x, sets)
            entry["loadavgAfter"] = list(os.getloadavg())
        report["datasets"][dataset] = entry
        print_entry(dataset, entry)
        sys.stdout.flush()
    print_summary(report)
    if arguments.json:
        peerlib.write_json(arguments.json, report)
    return 0


def print_entry(dataset, entry):
    shape = entry["shape"]
    print("\n%s: %d rows × %d features, %d classes; pairs train %d, valid %d, test %d; load %.1f → %.1f" % (
        dataset, shape["rows"], shape["features"], shape["classes"], shape["pairs"]["train"],
        shape["pairs"]["valid"], shape["pairs"]["test"], entry["loadavgBefore"][0], entry["loadavgAfter"][0]))
    print("  %-13s %10s %10s %8s %12s %12s %9s" % ("learner", "peer AUC", "our AUC", "Δ", "peer fit s", "our fit s",
                                                     "peer/ours"))
    for name, _ in LEARNERS:
        peer, ours = entry["peers"][name], entry["ours"][name]
        print("  %-13s %10.4f %10.4f %+8.4f %12.4g %12.4g %9.1f" % (
            name, peer["rocAuc"], ours["rocAuc"], ours["rocAuc"] - peer["rocAuc"], peer["fitSecondsMedian"],
            ours["fitSecondsMedian"], peer["fitSecondsMedian"] / max(ours["fitSecondsMedian"], 1e-12)))
    worst = max(check["difference"] for check in entry["thresholds"].values())
    print("  thresholds: largest |ours − metric-learn's| over %d (learner, strategy) = %.3g" % (
        len(entry["thresholds"]), worst))


def print_summary(report):
    print("\nmean ROC-AUC over %d tables (ours − peer):" % len(report["datasets"]))
    for name, _ in LEARNERS:
        peers = [entry["peers"][name]["rocAuc"] for entry in report["datasets"].values()]
        ours = [entry["ours"][name]["rocAuc"] for entry in report["datasets"].values()]
        print("  %-13s peer %.4f  ours %.4f  (%+.4f)" % (name, statistics.fmean(peers), statistics.fmean(ours),
                                                        statistics.fmean(ours) - statistics.fmean(peers)))
    worst = max(check["difference"] for entry in report["datasets"].values() for check in entry["thresholds"].values())
    print("largest threshold difference over every table, learner and strategy: %.3g" % worst)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(peerlib.REPO_ROOT, ".build", "release", "metric-learn"))
    parser.add_argument("--datasets", nargs="+", metavar="NAME")
    parser.add_argument("--quick", action="store_true", help="only iris and wine")
    parser.add_argument("--runs", type=int, default=3, help="fits per learner for the median time (default: 3)")
    parser.add_argument("--json", metavar="OUT", help="save every number to this JSON file")
    parser.add_argument("--data-dir", default=peerlib.DEFAULT_DATA_DIR, help="synthetic tables (default: %(default)s)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    arguments.binary = os.path.abspath(arguments.binary)
    if arguments.json:
        arguments.json = os.path.abspath(arguments.json)
    if not arguments.worker:
        python = peerlib.VENV_PYTHON["metric-learn"]
        if not os.access(python, os.X_OK):
            raise SystemExit("run_pairs.py: %s is missing; run Benchmarks/peers/setup.sh first" % python)
        return subprocess.run([python, os.path.abspath(__file__), "--worker"] + (argv or sys.argv[1:])).returncode
    return worker(arguments)


if __name__ == "__main__":
    sys.exit(main())
