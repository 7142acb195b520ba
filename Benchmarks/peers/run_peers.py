#!/usr/bin/env python3
"""Side-by-side comparison of MetricLearn's CLI with scikit-learn, metric-learn, PyLMNN, skrebate and pyDML.

    python3 Benchmarks/peers/run_peers.py [--quick] [--peers-only] [--json OUT]
            [--binary .build/release/metric-learn] [--datasets iris wine PATH.csv ...]

Protocol (identical for every peer): StratifiedKFold(n_splits=5, shuffle=True, random_state=0);
StandardScaler fitted on each training fold; the learner fitted on the scaled training fold;
a 3-NN KNeighborsClassifier(algorithm='brute') fitted on the training fold in the learned space
and scored on the test fold. Only the learner's fit is timed (time.perf_counter, median over
folds); the 3-NN predict on the test fold is timed separately.

Each peer runs in the venv that has it (see setup.sh): this file is started with any python3
(standard library only) and re-invokes itself with a venv's python in a hidden --worker mode,
one process per (dataset, method), reading one JSON line per finished fold. A method gets a
wall-clock budget per dataset (--budget, default 600 s): when it runs out the worker is killed
and the folds finished so far are reported (status "partial", or "timeout" with none).

Our CLI is run twice per dataset (OUR_RUNS), as
    BINARY evaluate --input FILE.csv --learner nca --learner lmnn --learner itml --learner whitening
           --learner lfda --learner dmlmj --learner rca --learner euclidean --folds-file FOLDS.txt
           --seed 0 --json
    BINARY evaluate --input FILE.csv --learner feature-weights --feature-weights-method relieff
           --folds-file FOLDS.txt --seed 0 --json
and must print a JSON array of objects with keys learner, accuracyMean, accuracyStd,
accuracyPerFold, fitSecondsMedian, fitSecondsPerFold (and predictSecondsMedian,
predictSecondsPerFold for the k-NN predict line). The fit-time ratio compares like with like:
the peer's learner fit against our learnerFitSecondsMedian (the learner's own fit, from its fit
report) when the CLI prints it; our fitSecondsMedian times the whole pipeline fit (scaler,
learner, classifier: our column "pipeline s"), and older binaries without learnerFitSecondsMedian
are compared on it. FOLDS.txt holds the peers' own
StratifiedKFold folds (one fold number per data row, PredefinedSplit's test_fold), so both
sides are scored on identical splits and per-fold numbers are paired.

--task regression compares metric learning for regression instead: KFold(5, shuffle=True,
random_state=0), StandardScaler per training fold, metric-learn's MLKR (or nothing) fitted on
the scaled training fold, KNeighborsRegressor(5, algorithm='brute') in the learned space, R² on
the test fold; tables: the bundled diabetes table and Friedman #1 tables with extra noise
features (make_tables.py). Our CLI runs
    BINARY evaluate --task regression --input FILE.csv --learner mlkr --learner euclidean
           --neighbors 5 --folds-file FOLDS.txt --seed 0 --json
and must print r2Mean, r2Std, r2PerFold, fitSecondsMedian and fitSecondsPerFold per learner.
"""

import argparse
import hashlib
import json
import os
import queue
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

# method key -> (venv group, library, label, our CLI learner it is compared with)
METHODS = {
    "sklearn-nca": ("sklearn", "scikit-learn", "sklearn NCA", "nca"),
    "ml-nca": ("metric-learn", "metric-learn", "metric-learn NCA", "nca"),
    "ml-lmnn": ("metric-learn", "metric-learn", "metric-learn LMNN", "lmnn"),
    "pylmnn-lmnn": ("sklearn", "pylmnn", "PyLMNN LMNN", "lmnn"),
    "ml-itml": ("metric-learn", "metric-learn", "metric-learn ITML_Supervised", "itml"),
    "ml-covariance": ("metric-learn", "metric-learn", "metric-learn Covariance", "whitening"),
    "relieff": ("sklearn", "skrebate", "skrebate ReliefF weights", "feature-weights/relieff"),
    "ml-lfda": ("metric-learn", "metric-learn", "metric-learn LFDA", "lfda"),
    "pydml-dmlmj": ("pydml", "pyDML", "pyDML DMLMJ", "dmlmj"),
    "ml-rca": ("metric-learn", "metric-learn", "metric-learn RCA_Supervised", "rca"),
    "euclidean": ("sklearn", "scikit-learn", "plain 3-NN (Euclidean)", "euclidean"),
}
# Our CLI's evaluate runs per dataset: (variant, extra arguments, learners). A result's key in the table is its
# learner, or learner/variant for a run with a variant: `feature-weights` defaults to diagonal NCA, so the ReliefF
# peer is compared with a second run that selects our ReliefF (same 10 neighbours, same range scaling and
# Manhattan distance; the peer scales features by sqrt(max(w, 0)), our metric by max(w, 0)).
OUR_RUNS = [
    (None, [], ["nca", "lmnn", "itml", "whitening", "lfda", "dmlmj", "rca", "euclidean"]),
    ("relieff", ["--feature-weights-method", "relieff"], ["feature-weights"]),
]
GROUP_PACKAGES = {
    "sklearn": ["numpy", "scipy", "scikit-learn", "pylmnn", "skrebate"],
    "metric-learn": ["numpy", "scipy", "scikit-learn", "metric-learn"],
    "pydml": ["numpy", "scipy", "scikit-learn", "pyDML"],
}
# Row caps for the slowest peers: method -> (most rows, why). A dataset above the cap skips the method with the
# reason in the table (status "capped"); --no-caps runs everything. metric-learn's LMNN is pure Python with
# O(n^2) work per iteration: 100-210 s per table above 1000 rows in the 2026-11-24 run, a quarter of the whole
# 36-minute full run, while PyLMNN covers LMNN on every table.
ROW_CAPS = {
    "ml-lmnn": (1000, "metric-learn LMNN is capped at 1000 rows (2-4 min per table above; PyLMNN covers LMNN "
                      "here; --no-caps runs it)"),
}
# Regression (--task regression): method key -> as METHODS; our evaluate run; the neighbours of the k-NN regressor.
REGRESSION_METHODS = {
    "ml-mlkr": ("metric-learn", "metric-learn", "metric-learn MLKR", "mlkr"),
    "knn-regressor": ("sklearn", "scikit-learn", "plain 5-NN regression (Euclidean)", "euclidean"),
}
REGRESSION_RUNS = [(None, ["--task", "regression", "--neighbors", str(peerlib.KNN_REGRESSION_NEIGHBORS)],
                    ["mlkr", "euclidean"])]
REGRESSION_DATASETS = ["diabetes", "friedman1-1000x10", "friedman1-1500x25", "friedman1-2000x15"]
QUICK_DATASETS = ["iris", "wine"]
DEFAULT_DATASETS = ["iris", "wine", "synth-3c-2000x50", "digits-like-1800x64",
                    "vehicle-like-850x18", "segment-like-2300x19", "digits", "breast-cancer"]


# ---------------------------------------------------------------------------------------------
# Worker side: runs inside a peer venv.

def _peer_learner(method):
    """A function (X_train, y_train) -> (transform, info) for one peer method.

    Everything inside the returned function is the timed fit; transform maps data into the
    learned space (applied outside the timer); info holds iteration counts when the peer has them.
    """
    import numpy as np

    def identity(x):
        return x

    if method == "euclidean":
        return lambda x, y: (identity, {})
    if method == "sklearn-nca":
        from sklearn.neighbors import NeighborhoodComponentsAnalysis

        def fit(x, y):
            model = NeighborhoodComponentsAnalysis(random_state=peerlib.CV_SEED).fit(x, y)
            return model.transform, {"iterations": int(model.n_iter_)}
        return fit
    if method == "pylmnn-lmnn":
        from pylmnn_shim import LargeMarginNearestNeighbor

        def fit(x, y):
            model = LargeMarginNearestNeighbor(n_neighbors=3, random_state=peerlib.CV_SEED).fit(x, y)
            return model.transform, {"iterations": int(model.n_iter_)}
        return fit
    if method == "relieff":
        from skrebate import ReliefF

        def fit(x, y):
            weights = ReliefF(n_neighbors=10).fit(x, y).feature_importances_
            scale = np.sqrt(np.maximum(weights, 0.0))
            return (lambda z: z * scale), {"weights": weights.tolist()}
        return fit
    if method == "knn-regressor":
        return lambda x, y: (identity, {})
    if method == "ml-mlkr":
        import metric_learn

        def fit(x, y):
            model = metric_learn.MLKR(random_state=peerlib.CV_SEED).fit(x, y)
            return model.transform, {"iterations": int(model.n_iter_)}
        return fit
    if method == "pydml-dmlmj":
        from dml import DMLMJ

        def fit(x, y):
            return DMLMJ(n_neighbors=3).fit(x, y).transform, {}
        return fit
    if method == "ml-rca":
        import metric_learn

        def fit(x, y):
            # metric-learn raises when the labels cannot fill n_chunks chunklets (100 of 2 need 200 rows); ours
            # draws as many as they can, so the peer is given that number.
            chunks = min(100, int(sum(count // 2 for count in np.bincount(y))))
            model = metric_learn.RCA_Supervised(n_chunks=chunks, chunk_size=2,
                                                random_state=peerlib.CV_SEED).fit(x, y)
            return model.transform, {"chunks": chunks}
        return fit
    if method in ("ml-nca", "ml-lmnn", "ml-itml", "ml-covariance", "ml-lfda"):
        import metric_learn

        def make():
            if method == "ml-nca":
                return metric_learn.NCA(random_state=peerlib.CV_SEED)
            if method == "ml-lmnn":
                return metric_learn.LMNN(n_neighbors=3, random_state=peerlib.CV_SEED)
            if method == "ml-itml":
                return metric_learn.ITML_Supervised(random_state=peerlib.CV_SEED)
            if method == "ml-lfda":
                # k = 7 as ours; metric-learn uses min(k, d - 1) (3 on iris) and warns
                return metric_learn.LFDA(k=7)
            return metric_learn.Covariance()

        def fit(x, y):
            model = make().fit(x, y)
            info = {"iterations": int(model.n_iter_)} if hasattr(model, "n_iter_") else {}
            return model.transform, info
        return fit
    raise SystemExit("unknown method %r" % method)


def _emit(record):
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def worker_folds(dataset, out, task):
    """Write the protocol's folds for `dataset` to `out` (JSON list of [train, test])."""
    if task == "regression":
        x, _ = peerlib.load_regression(dataset)
        peerlib.write_json(out, peerlib.shuffled_folds(len(x)))
        return
    _, y, _, _ = peerlib.load_xy(dataset)
    peerlib.write_json(out, peerlib.stratified_folds(y))


def worker_method(group, method, dataset, folds_path, task):
    """Cross-validate one peer method; one JSON line per fold on stdout."""
    import warnings

    import numpy as np
    from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
    from sklearn.metrics import r2_score
    from sklearn.preprocessing import StandardScaler

    warnings.simplefilter("ignore")
    _emit({"versions": peerlib.package_versions(GROUP_PACKAGES[group])})
    if task == "regression":
        x, y = peerlib.load_regression(dataset)
    else:
        x, y, _, _ = peerlib.load_xy(dataset)
    with open(folds_path) as handle:
        folds = json.load(handle)
    learner = _peer_learner(method)
    for index, (train, test) in enumerate(folds):
        train, test = np.asarray(train), np.asarray(test)
        scaler = StandardScaler().fit(x[train])
        x_train, x_test = scaler.transform(x[train]), scaler.transform(x[test])
        start = time.perf_counter()
        transform, info = learner(x_train, y[train])
        fit_seconds = time.perf_counter() - start
        z_train, z_test = transform(x_train), transform(x_test)
        if np.iscomplexobj(z_train) or not (np.all(np.isfinite(z_train)) and np.all(np.isfinite(z_test))):
            # metric-learn's LFDA and RCA give NaN or complex components on singular scatters: no 3-NN to score.
            kind = "complex" if np.iscomplexobj(z_train) else "NaN/inf"
            _emit({"fold": index, SCORE[task]: None, "fitSeconds": fit_seconds, "predictSeconds": None,
                   "nonFinite": kind})
            continue
        if task == "regression":
            knn = KNeighborsRegressor(n_neighbors=peerlib.KNN_REGRESSION_NEIGHBORS, algorithm="brute")
        else:
            knn = KNeighborsClassifier(n_neighbors=peerlib.KNN_NEIGHBORS, algorithm="brute")
        knn.fit(z_train, y[train])
        start = time.perf_counter()
        predicted = knn.predict(z_test)
        predict_seconds = time.perf_counter() - start
        score = float(r2_score(y[test], predicted)) if task == "regression" else float(np.mean(predicted == y[test]))
        record = {"fold": index, SCORE[task]: score, "fitSeconds": fit_seconds, "predictSeconds": predict_seconds}
        record.update(info)
        _emit(record)


# ---------------------------------------------------------------------------------------------
# Orchestrator side: standard library only.

def _stream(process, lines):
    for line in process.stdout:
        lines.put(line)
    lines.put(None)


def run_worker(group, arguments, budget):
    """Run this file in `group`'s venv; returns (records, status, stderr_tail, elapsed)."""
    command = [peerlib.VENV_PYTHON[group], os.path.abspath(__file__), "--worker", group] + arguments
    with tempfile.TemporaryFile(mode="w+") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True,
                                   cwd=peerlib.HERE, start_new_session=True)
        lines = queue.Queue()
        reader = threading.Thread(target=_stream, args=(process, lines), daemon=True)
        reader.start()
        records, status, start = [], "ok", time.monotonic()
        while True:
            remaining = budget - (time.monotonic() - start)
            try:
                line = lines.get(timeout=max(remaining, 0.01))
            except queue.Empty:
                status = "timeout"
                os.killpg(process.pid, signal.SIGKILL)
                break
            if line is None:
                break
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a library printed something: not one of our records
            if isinstance(record, dict):
                records.append(record)
        code = process.wait()
        elapsed = time.monotonic() - start
        stderr.seek(0)
        tail = stderr.read()[-2000:]
    if status == "ok" and code != 0:
        status = "error"
    return records, status, tail, elapsed


def _median(values):
    return statistics.median(values) if values else None


def _mean_std(values):
    if not values:
        return None, None
    return statistics.fmean(values), statistics.pstdev(values)


REGRESSION_PROTOCOL = ("KFold(5, shuffle=True, random_state=0); StandardScaler fit on the training fold; learner fit "
                       "on the scaled training fold (timed, perf_counter; ours: learnerFitSecondsMedian); "
                       "KNeighborsRegressor(5, algorithm='brute') "
                       "in the learned space; R^2 on the test fold; r2Std is the population std over folds; our CLI "
                       "is given the same folds (evaluate --task regression --folds-file)")
# The score each fold reports, by task.
SCORE = {"classification": "accuracy", "regression": "r2"}


def run_peer(method, dataset, folds_path, budget, task="classification"):
    group, library, label, ours = (REGRESSION_METHODS if task == "regression" else METHODS)[method]
    load_before = list(os.getloadavg())
    records, status, tail, elapsed = run_worker(
        group, ["--method", method, "--dataset", dataset, "--folds", folds_path, "--task", task], budget)
    versions = next((r["versions"] for r in records if "versions" in r), None)
    fitted = [r for r in records if "fold" in r]            # fit times count for every fold that was fitted
    broken = [r for r in fitted if r.get("nonFinite")]
    folds = [r for r in fitted if not r.get("nonFinite")]
    key = SCORE[task]
    scores = [r[key] for r in folds]
    mean, std = _mean_std(scores)
    result = {
        "method": method, "label": label, "library": library, "venv": group, "ours": ours,
        "status": status, "foldsCompleted": len(folds), "wallSeconds": elapsed,
        key + "PerFold": scores, key + "Mean": mean, key + "Std": std,
        "fitSecondsPerFold": [r["fitSeconds"] for r in fitted],
        "fitSecondsMedian": _median([r["fitSeconds"] for r in fitted]),
        "predictSecondsPerFold": [r["predictSeconds"] for r in folds],
        "predictSecondsMedian": _median([r["predictSeconds"] for r in folds]),
        "versions": versions,
        "loadavg": {"before": load_before, "after": list(os.getloadavg())},
    }
    if any("iterations" in r for r in folds):
        result["iterationsPerFold"] = [r.get("iterations") for r in folds]
    if broken:
        result["status"] = "nonfinite"
        result["note"] = "%d of %d folds gave %s components (no 3-NN possible)" % (
            len(broken), len(broken) + len(folds), "/".join(sorted({r["nonFinite"] for r in broken})))
        result["nonFiniteFolds"] = [r["fold"] for r in broken]
    if status == "timeout":
        result["status"] = "partial" if folds else "timeout"
        result["note"] = "budget of %g s ran out after %d of %d folds" % (budget, len(folds), peerlib.CV_FOLDS)
    elif status == "error":
        result["note"] = tail.strip().splitlines()[-1] if tail.strip() else "worker failed"
    return result


def capped_peer(method):
    """The table entry of a method skipped because the dataset has more than its cap of rows."""
    group, library, label, ours = METHODS[method]
    return {"method": method, "label": label, "library": library, "venv": group, "ours": ours,
            "status": "capped", "foldsCompleted": 0, "wallSeconds": 0.0,
            "accuracyPerFold": [], "accuracyMean": None, "accuracyStd": None,
            "fitSecondsPerFold": [], "fitSecondsMedian": None, "note": ROW_CAPS[method][1]}


def write_test_folds(folds_json, out):
    """Write the folds in `folds_json` ([train, test] pairs) as one fold number per row (our --folds-file)."""
    with open(folds_json) as handle:
        folds = json.load(handle)
    test_fold = [None] * sum(len(test) for _, test in folds)
    for index, (_, test) in enumerate(folds):
        for row in test:
            test_fold[row] = index
    with open(out, "w") as handle:
        handle.write("".join("%d\n" % fold for fold in test_fold))


def run_ours(binary, dataset, folds_file, timeout, task="classification", only=None):
    """Every run of OUR_RUNS (REGRESSION_RUNS) on `dataset` over the folds in `folds_file`, its learners limited to
    `only` when given (the learners the chosen peer methods compare with): (list of learner results, each with its
    table key in `key`, error message)."""
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        return None, ("metric-learn binary not found at %s (build it with `swift build -c release`, "
                      "or pass --binary PATH); showing peers only" % binary)
    results = []
    for variant, extra, learners in (REGRESSION_RUNS if task == "regression" else OUR_RUNS):
        learners = [learner for learner in learners
                    if only is None or (learner if variant is None else "%s/%s" % (learner, variant)) in only]
        if not learners:
            continue
        run, error = run_evaluate(binary, dataset, folds_file, learners, extra, timeout * len(learners), task)
        if error:
            return None, error
        for entry in run:
            entry["key"] = entry["learner"] if variant is None else "%s/%s" % (entry["learner"], variant)
        results += run
    return results, None


def run_evaluate(binary, dataset, folds_file, learners, extra, timeout, task="classification"):
    """One `evaluate --json` of `learners` with `extra` arguments: (list of learner results, error message)."""
    command = [binary, "evaluate", "--input", dataset]
    for learner in learners:
        command += ["--learner", learner]
    command += extra + ["--folds-file", folds_file, "--seed", str(peerlib.CV_SEED), "--json"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "our CLI did not finish within %g s" % timeout
    if done.returncode != 0:
        return None, "our CLI exited with %d: %s" % (done.returncode, done.stderr.strip()[-500:])
    try:
        results = json.loads(done.stdout)
        key = SCORE[task]
        required = {"learner", key + "Mean", key + "Std", key + "PerFold", "fitSecondsMedian", "fitSecondsPerFold"}
        for entry in results:
            missing = required - set(entry)
            if missing:
                return None, "our CLI's JSON lacks %s" % ", ".join(sorted(missing))
    except (ValueError, TypeError) as error:
        return None, "our CLI printed no JSON array: %s" % error
    return results, None


def resolve_datasets(names, data_dir):
    """Dataset names or CSV paths -> [(name, path)]; writes missing synthetic tables."""
    resolved, missing_tables = [], False
    for name in names:
        if name.endswith(".csv") or os.sep in name:
            resolved.append((os.path.splitext(os.path.basename(name))[0], os.path.abspath(name)))
        elif name in ("iris", "wine", "diabetes"):
            resolved.append((name, peerlib.bundled_csv(name)))
        else:
            path = os.path.join(data_dir, name + ".csv")
            missing_tables |= not os.path.exists(path)
            resolved.append((name, path))
    if missing_tables:
        scaling = any(name.startswith("scale-") for name, _ in resolved)
        targets = any(name in ("digits", "breast-cancer") or name.startswith("overlap-") for name, _ in resolved)
        regression = any(name.startswith("friedman") for name, _ in resolved)
        command = [peerlib.VENV_PYTHON["sklearn"], os.path.join(peerlib.HERE, "make_tables.py"),
                   "--out", data_dir] + (["--scaling"] if scaling else []) + (["--targets"] if targets else []) \
            + (["--regression"] if regression else [])
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    for name, path in resolved:
        if not os.path.exists(path):
            raise SystemExit("run_peers.py: no dataset %r (looked for %s)" % (name, path))
    return resolved


def describe(path, task="classification"):
    _, rows, labels = peerlib.read_table(path)
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    return {"rows": len(rows), "features": len(rows[0]) if rows else 0,
            "classes": len(set(labels)) if task == "classification" else 0, "sha256": digest}


def _fmt(value, pattern):
    return "-" if value is None else pattern % value


def print_table(entry, task="classification"):
    if task == "regression":
        print("\n== %s  (%d x %d, regression; both sides on the same KFold(5, shuffle, seed 0) folds) =="
              % (entry["name"], entry["rows"], entry["features"]))
    else:
        print("\n== %s  (%d x %d, %d classes; both sides on the same StratifiedKFold(5, shuffle, seed 0) folds) =="
              % (entry["name"], entry["rows"], entry["features"], entry["classes"]))
    ours = {result["key"]: result for result in (entry.get("ours") or [])}
    key, name = SCORE[task], {"classification": "acc", "regression": "R²"}[task]
    header = "%-34s %-23s %-15s %-15s %11s %11s %11s %9s" % (
        "method", "ours", "peer " + name, "our " + name, "peer fit s", "our fit s", "pipeline s", "peer/ours")
    print(header)
    print("-" * len(header))
    for peer in entry["peers"]:
        mine = ours.get(peer["ours"])
        peer_acc = "-" if peer[key + "Mean"] is None else "%.4f±%.4f" % (peer[key + "Mean"], peer[key + "Std"])
        our_acc = "-" if mine is None else "%.4f±%.4f" % (mine[key + "Mean"], mine[key + "Std"])
        peer_fit, our_fit, our_pipeline = peer["fitSecondsMedian"], our_learner_fit(mine), (mine or {}).get(
            "fitSecondsMedian")
        ratio = peer_fit / our_fit if peer_fit is not None and our_fit else None
        flag = "" if peer["status"] == "ok" else "  [%s: %s]" % (peer["status"], peer.get("note", ""))
        print("%-34s %-23s %-15s %-15s %11s %11s %11s %9s%s" % (
            peer["label"], peer["ours"], peer_acc, our_acc, _fmt(peer_fit, "%.4g"),
            _fmt(our_fit, "%.4g"), _fmt(our_pipeline, "%.4g"), _fmt(ratio, "%.3gx"), flag))
    if task == "classification":
        print_predict_line(entry, ours)
    if entry.get("oursError"):
        print("(ours: %s)" % entry["oursError"])
    sys.stdout.flush()


def our_learner_fit(mine):
    """Our median fit seconds to set against a peer's learner fit: the learner's own (learnerFitSecondsMedian) when
    the CLI reports it, else the whole pipeline's (fitSecondsMedian); None without our result."""
    if mine is None:
        return None
    return mine.get("learnerFitSecondsMedian", mine.get("fitSecondsMedian"))


def print_predict_line(entry, ours):
    """The 3-NN predict time on the test folds: scikit-learn's brute force against our classifier, both in the
    plain Euclidean space of the standardised features (the `euclidean` peer and learner)."""
    peer = next((p for p in entry["peers"] if p["method"] == "euclidean"), None)
    mine = ours.get("euclidean")
    if peer is None or mine is None or peer.get("predictSecondsMedian") is None:
        return
    peer_seconds, our_seconds = peer["predictSecondsMedian"], mine.get("predictSecondsMedian")
    ratio = peer_seconds / our_seconds if our_seconds else None
    test_rows = entry["rows"] // peerlib.CV_FOLDS
    print("k-NN predict, %d-NN on ~%d test rows per fold (median over folds): sklearn brute %s s, ours %s s, "
          "sklearn/ours %s" % (peerlib.KNN_NEIGHBORS, test_rows, _fmt(peer_seconds, "%.4g"), _fmt(our_seconds, "%.4g"),
                               _fmt(ratio, "%.3gx")))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(peerlib.REPO_ROOT, ".build", "release", "metric-learn"),
                        help="our CLI (default: %(default)s)")
    parser.add_argument("--datasets", nargs="+", metavar="NAME_OR_CSV",
                        help="iris, wine, a table name from make_tables.py, or a CSV path "
                             "(default: iris, wine, the four shape-alike tables, digits and breast-cancer)")
    parser.add_argument("--quick", action="store_true", help="only iris and wine (diabetes with --task regression)")
    parser.add_argument("--task", choices=sorted(SCORE), default="classification",
                        help="classification (default) or regression: MLKR and k-NN regression, scored by R²")
    parser.add_argument("--peers-only", action="store_true", help="do not run our CLI")
    parser.add_argument("--methods", nargs="+", choices=sorted(METHODS) + sorted(REGRESSION_METHODS),
                        help="peer methods (default: all of the task); our CLI then runs only the learners they "
                             "are compared with")
    parser.add_argument("--json", metavar="OUT", help="save every number to this JSON file")
    parser.add_argument("--no-caps", action="store_true",
                        help="run every peer on every table (default: skip %s above their row caps)"
                             % ", ".join(sorted(ROW_CAPS)))
    parser.add_argument("--budget", type=float, default=600.0,
                        help="wall-clock seconds per peer method per dataset (default: %(default)s)")
    parser.add_argument("--data-dir", default=peerlib.DEFAULT_DATA_DIR, help="synthetic tables (default: %(default)s)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--method", help=argparse.SUPPRESS)
    parser.add_argument("--dataset", help=argparse.SUPPRESS)
    parser.add_argument("--folds", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)

    task = arguments.task
    if arguments.worker:
        if arguments.method is None:
            worker_folds(arguments.dataset, arguments.out, task)
        else:
            worker_method(arguments.worker, arguments.method, arguments.dataset, arguments.folds, task)
        return 0

    for group, python in peerlib.VENV_PYTHON.items():
        if not os.access(python, os.X_OK):
            raise SystemExit("run_peers.py: venv %s is missing; run Benchmarks/peers/setup.sh first" % python)
    if task == "regression":
        names = arguments.datasets or (["diabetes"] if arguments.quick else REGRESSION_DATASETS)
    else:
        names = arguments.datasets or (QUICK_DATASETS if arguments.quick else DEFAULT_DATASETS)
    datasets = resolve_datasets(names, arguments.data_dir)
    methods = arguments.methods or list(REGRESSION_METHODS if task == "regression" else METHODS)
    report = {"command": [os.path.basename(sys.executable)] + sys.argv, "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
              "machine": peerlib.machine(), "budgetSecondsPerMethod": arguments.budget,
              "protocol": REGRESSION_PROTOCOL if task == "regression" else
                          "StratifiedKFold(5, shuffle=True, random_state=0); StandardScaler fit on the training fold; "
                          "learner fit on the scaled training fold (timed, perf_counter; ours: "
                          "learnerFitSecondsMedian, the pipeline's fit in fitSecondsMedian); "
                          "KNeighborsClassifier(3, algorithm='brute') in the learned space; "
                          "accuracyStd is the population std over folds; our CLI is given the same folds "
                          "(evaluate --folds-file)",
              "datasets": []}
    print("machine: %(nproc)s cores, %(cpu)s; threads %(threads)s" % report["machine"])
    for name, path in datasets:
        entry = dict(name=name, path=os.path.relpath(path, peerlib.REPO_ROOT), **describe(path, task))
        with tempfile.TemporaryDirectory() as scratch:
            folds_path = os.path.join(scratch, "folds.json")
            records, status, tail, _ = run_worker("sklearn", ["--dataset", path, "--out", folds_path, "--task", task],
                                                  600)
            if status != "ok":
                raise SystemExit("run_peers.py: could not make folds for %s: %s" % (path, tail))
            entry["peers"] = []
            for method in methods:
                if method in ROW_CAPS and not arguments.no_caps and entry["rows"] > ROW_CAPS[method][0]:
                    entry["peers"].append(capped_peer(method))
                    continue
                result = run_peer(method, path, folds_path, arguments.budget, task)
                print("  %-14s %-8s folds=%d fit median=%s s  %s=%s  (%.1f s wall)" % (
                    name, method, result["foldsCompleted"], _fmt(result["fitSecondsMedian"], "%.4g"), SCORE[task],
                    _fmt(result[SCORE[task] + "Mean"], "%.4f"), result["wallSeconds"]), file=sys.stderr)
                entry["peers"].append(result)
            if not arguments.peers_only:
                test_folds_path = os.path.join(scratch, "folds.txt")
                write_test_folds(folds_path, test_folds_path)
                table = REGRESSION_METHODS if task == "regression" else METHODS
                only = {table[method][3] for method in methods} | {"euclidean"} if arguments.methods else None
                entry["ours"], entry["oursError"] = run_ours(arguments.binary, path, test_folds_path,
                                                             arguments.budget, task, only)
        report["datasets"].append(entry)
        print_table(entry, task)
        if arguments.json:
            peerlib.write_json(arguments.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
