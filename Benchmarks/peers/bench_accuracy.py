#!/usr/bin/env python3
"""The accuracy benchmark (make bench-accuracy): every learner family's candidate settings against its peers.

    python3 Benchmarks/peers/bench_accuracy.py [--binary .build/release/metric-learn] [--tables NAME ...]
            [--families whitening nca ...] [--json OUT] [--markdown OUT] [--peer-cache FILE] [--rerun-peers]

Protocol (run_peers.py's, identical for every column): StratifiedKFold(5, shuffle=True, random_state=0);
StandardScaler fitted on each training fold; the learner fitted on the scaled training fold; 3-NN
(KNeighborsClassifier(3, algorithm='brute')) in the learned space, scored on the test fold.

Peers run through run_peers.py's workers (one venv process per table and method); their results are kept in
--peer-cache (default Benchmarks/peers/results-accuracy-peers.json, keyed by the table's SHA-256), so a rerun only
refits ours. Each of our candidates is a `metric-learn fit LEARNER OPTIONS` on the scaled training fold written as
CSV, then `metric-learn transform` of the scaled table; the 3-NN runs here, in scikit-learn, exactly as for the
peers. `auto` runs as `metric-learn evaluate --learner auto --folds-file` (the same folds; its inner search runs on
each training fold only) and is compared with the best peer of any family.

Printed per family: per table the best peer's accuracy, each candidate's, and Δ = candidate − best peer; then the
mean Δ and the worst table's Δ. Whitening's candidates are also compared with Euclidean 3-NN.
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

TABLES = ["iris", "wine", "breast-cancer", "digits", "noise-600x40", "scales-600x20", "redundant-600x30",
          "classes20-1000x20", "fewshot-150x30"]
# family -> (its peers (run_peers.py method keys), our learner, candidates: name -> fit options).
FAMILIES = {
    "whitening": (["ml-covariance"], "whitening", {
        "total, no shrinkage": ["--mode", "total", "--shrinkage", "none"],
        "total, Ledoit-Wolf": ["--mode", "total", "--shrinkage", "ledoit-wolf"],
        "within-class, no shrinkage": ["--mode", "within-class", "--shrinkage", "none"],
        "within-class, Ledoit-Wolf": ["--mode", "within-class", "--shrinkage", "ledoit-wolf"],
        "within-class, λ 0.25": ["--mode", "within-class", "--shrinkage", "0.25"],
        "within-class, λ 0.5": ["--mode", "within-class", "--shrinkage", "0.5"],
        "within-class, cross-validated": ["--mode", "within-class", "--shrinkage", "cross-validated"],
    }),
    "nca": (["sklearn-nca", "ml-nca"], "nca", {
        "50 iterations": [],
        "100 iterations": ["--max-iterations", "100"],
        "200 iterations": ["--max-iterations", "200"],
    }),
    "lmnn": (["ml-lmnn", "pylmnn-lmnn"], "lmnn", {
        "k 3, hinge": [],
        "k 3, squared hinge": ["--loss", "squared-hinge"],
        "k 5, hinge": ["--neighbor-count", "5"],
        "k 1, hinge": ["--neighbor-count", "1"],
        "k 3, hinge, 50 iterations": ["--max-iterations", "50"],
    }),
    "itml": (["ml-itml"], "itml", {
        "identity prior": [],
        "covariance prior": ["--prior", "covariance"],
    }),
    "feature-weights": (["relieff"], "feature-weights", {
        "diagonal NCA": [],
        "ReliefF": ["--method", "relieff"],
    }),
    "lfda": (["ml-lfda"], "lfda", {"default": []}),
    "dmlmj": (["pydml-dmlmj"], "dmlmj", {"default": []}),
    "rca": (["ml-rca"], "rca", {"default": []}),
}
# family -> the candidate that is the library's default (marked in the tables).
DEFAULTS = {"whitening": "within-class, cross-validated", "nca": "50 iterations", "lmnn": "k 3, hinge", "itml": "identity prior",
            "feature-weights": "diagonal NCA", "lfda": "default", "dmlmj": "default", "rca": "default"}
EUCLIDEAN = "euclidean"
DEFAULT_PEER_CACHE = os.path.join(peerlib.HERE, "results-accuracy-peers.json")


def ensure_venv():
    """Re-run this script with the scikit-learn venv's python unless numpy and scikit-learn import here."""
    try:
        import numpy  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        python = peerlib.VENV_PYTHON["sklearn"]
        if not os.access(python, os.X_OK):
            raise SystemExit("bench_accuracy.py: %s is missing; run Benchmarks/peers/setup.sh first" % python)
        os.execv(python, [python] + sys.argv)


def resolve(names, data_dir):
    """Table names -> [(name, path)], writing missing generated tables with make_tables.py --accuracy."""
    paths = [(name, peerlib.bundled_csv(name) if name in ("iris", "wine") else os.path.join(data_dir, name + ".csv"))
             for name in names]
    if not all(os.path.exists(path) for _, path in paths):
        subprocess.run([sys.executable, os.path.join(peerlib.HERE, "make_tables.py"), "--accuracy", "--out", data_dir],
                       check=True, stdout=subprocess.DEVNULL)
    return paths


def knn_accuracy(train_x, train_y, test_x, test_y):
    from sklearn.neighbors import KNeighborsClassifier

    model = KNeighborsClassifier(n_neighbors=peerlib.KNN_NEIGHBORS, algorithm="brute").fit(train_x, train_y)
    return float((model.predict(test_x) == test_y).mean())


def write_csv(path, x, y):
    with open(path, "w") as handle:
        handle.write(",".join(["f%02d" % column for column in range(x.shape[1])] + ["label"]) + "\n")
        for row, label in zip(x, y):
            handle.write(",".join("%.17g" % value for value in row) + ",%d\n" % int(label))


def run_ours(binary, learner, options, x, y, folds, scratch):
    """Our learner with `options` over `folds`: {accuracyPerFold, accuracyMean, fitSecondsMedian} or {error}."""
    import numpy as np
    from sklearn.preprocessing import StandardScaler

    scores, seconds = [], []
    for index, (train, test) in enumerate(folds):
        scaler = StandardScaler().fit(x[train])
        scaled = scaler.transform(x)
        train_csv, all_csv = os.path.join(scratch, "train.csv"), os.path.join(scratch, "all.csv")
        model, mapped = os.path.join(scratch, "model.json"), os.path.join(scratch, "mapped.npy")
        write_csv(train_csv, scaled[train], y[train])
        write_csv(all_csv, scaled, y)
        started = time.perf_counter()
        done = subprocess.run([binary, "fit", learner, "--input", train_csv, "--output", model,
                               "--seed", str(peerlib.CV_SEED)] + options, capture_output=True, text=True)
        seconds.append(time.perf_counter() - started)
        if done.returncode != 0:
            return {"error": "fold %d: fit exited %d: %s" % (index, done.returncode, done.stderr.strip()[-300:])}
        done = subprocess.run([binary, "transform", "--metric", model, "--input", all_csv, "--output", mapped],
                              capture_output=True, text=True)
        if done.returncode != 0:
            return {"error": "fold %d: transform exited %d: %s" % (index, done.returncode, done.stderr.strip()[-300:])}
        z = np.load(mapped)
        scores.append(knn_accuracy(z[train], y[train], z[test], y[test]))
    return {"accuracyPerFold": scores, "accuracyMean": statistics.fmean(scores),
            "fitSecondsMedian": statistics.median(seconds)}


# The learners `auto` tries (every learner of class labels), evaluated beside it for the time comparison.
AUTO_CANDIDATES = ["whitening", "nca", "lmnn", "itml", "feature-weights", "lfda", "dmlmj", "rca", "mmc", "gmml"]


def run_auto(binary, path, folds, scratch):
    """`evaluate --learner auto` and every learner it tries, on `folds` (auto's inner search runs on each training
    fold only): auto's accuracy and median fit seconds, and the slowest single learner's median fit seconds. Each
    learner runs in its own `evaluate`, so one that cannot fit the table (auto ranks it last) is reported, not
    fatal."""
    import run_peers

    folds_json, folds_txt = os.path.join(scratch, "folds.json"), os.path.join(scratch, "folds.txt")
    with open(folds_json, "w") as handle:
        json.dump(folds, handle)
    run_peers.write_test_folds(folds_json, folds_txt)
    by_name, failures = {}, {}
    for learner in ["auto"] + AUTO_CANDIDATES:
        results, error = run_peers.run_evaluate(binary, path, folds_txt, [learner], [], 7200)
        if error:
            failures[learner] = error
        else:
            by_name[learner] = results[0]
    if "auto" not in by_name:
        return {"error": failures["auto"]}
    fitted = [name for name in AUTO_CANDIDATES if name in by_name]
    slowest = max(fitted, key=lambda name: by_name[name]["fitSecondsMedian"])
    auto = by_name["auto"]
    candidates = {name: {"accuracyMean": by_name[name]["accuracyMean"],
                         "fitSecondsMedian": by_name[name]["fitSecondsMedian"]} for name in fitted}
    candidates.update({name: {"error": error} for name, error in failures.items()})
    return {"accuracyPerFold": auto["accuracyPerFold"], "accuracyMean": auto["accuracyMean"],
            "fitSecondsMedian": auto["fitSecondsMedian"], "slowestLearner": slowest,
            "slowestFitSecondsMedian": by_name[slowest]["fitSecondsMedian"], "candidates": candidates}


def peer_results(methods, name, path, folds, cache, rerun, budget, scratch, save):
    """Each peer method's result on one table, from the cache unless it is missing, stale or --rerun-peers; `save`
    is called after each peer that ran."""
    import run_peers

    digest = run_peers.describe(path)["sha256"]
    entry = cache.setdefault(name, {})
    if entry.get("sha256") != digest:
        entry.clear()
        entry["sha256"] = digest
    folds_json = os.path.join(scratch, "folds.json")
    with open(folds_json, "w") as handle:
        json.dump(folds, handle)
    rows = len(peerlib.load_xy(path)[1])
    for method in methods:
        if method in entry.get("peers", {}) and not rerun:
            continue
        if method in run_peers.ROW_CAPS and rows > run_peers.ROW_CAPS[method][0]:
            result = run_peers.capped_peer(method)
        else:
            result = run_peers.run_peer(method, path, folds_json, budget)
        print("  peer %-14s %-18s acc=%s" % (name, method, result["accuracyMean"]), file=sys.stderr)
        entry.setdefault("peers", {})[method] = {key: result.get(key) for key in
                                                 ("status", "accuracyMean", "accuracyPerFold", "fitSecondsMedian",
                                                  "versions", "note")}
        save()
    return entry["peers"]


def fmt(value):
    return "—" if value is None else "%.3f" % value


def signed(value):
    return "—" if value is None else "%+.3f" % value


def family_table(family, names, results):
    """Markdown lines: table × (best peer, each candidate and its Δ), then the mean and worst Δ per candidate."""
    peers, _, candidates = FAMILIES[family]
    lines = ["| table | best peer | " + " | ".join(
        "%s%s (Δ)" % (c, " [default]" if c == DEFAULTS.get(family) else "") for c in candidates) + " |",
             "|---|---|" + "---|" * len(candidates)]
    deltas = {candidate: [] for candidate in candidates}
    for name in names:
        table = results[name]
        peer_scores = {m: table["peers"][m]["accuracyMean"] for m in peers
                       if table["peers"].get(m, {}).get("accuracyMean") is not None}
        best = max(peer_scores.values()) if peer_scores else None
        best_name = max(peer_scores, key=peer_scores.get) if peer_scores else "—"
        cells = []
        for candidate in candidates:
            ours = table["ours"][family].get(candidate, {}).get("accuracyMean")
            delta = None if ours is None or best is None else ours - best
            if delta is not None:
                deltas[candidate].append(delta)
            cells.append("%s (%s)" % (fmt(ours), signed(delta)))
        lines.append("| %s | %s %s | %s |" % (name, fmt(best), best_name, " | ".join(cells)))
    lines.append("| **mean Δ** | | " + " | ".join(
        signed(statistics.fmean(d)) if d else "—" for d in deltas.values()) + " |")
    lines.append("| **worst Δ** | | " + " | ".join(signed(min(d)) if d else "—" for d in deltas.values()) + " |")
    return lines


def euclidean_table(names, results):
    """Markdown lines: whitening's candidates against Euclidean 3-NN per table."""
    candidates = FAMILIES["whitening"][2]
    lines = ["| table | Euclidean 3-NN | " + " | ".join(
        "%s%s (Δ)" % (c, " [default]" if c == DEFAULTS["whitening"] else "") for c in candidates) + " |",
             "|---|---|" + "---|" * len(candidates)]
    for name in names:
        base = results[name]["peers"].get(EUCLIDEAN, {}).get("accuracyMean")
        cells = []
        for candidate in candidates:
            ours = results[name]["ours"]["whitening"].get(candidate, {}).get("accuracyMean")
            cells.append("%s (%s)" % (fmt(ours), signed(None if None in (ours, base) else ours - base)))
        lines.append("| %s | %s | %s |" % (name, fmt(base), " | ".join(cells)))
    return lines


def auto_table(names, results):
    """Markdown lines: auto against the best peer of any family per table, with its time against the slowest
    learner it tries (in-process fit seconds, median over the outer folds)."""
    lines = ["| table | best peer (any family) | auto | Δ | auto fit s | slowest learner it tries | ratio |",
             "|---|---|---|---|---|---|---|"]
    deltas = []
    for name in names:
        table = results[name]
        scores = {m: p["accuracyMean"] for m, p in table["peers"].items()
                  if m != EUCLIDEAN and p.get("accuracyMean") is not None}
        best_name = max(scores, key=scores.get)
        auto = table.get("auto", {})
        if auto.get("accuracyMean") is None:
            lines.append("| %s | %s %s | %s | | | | |" % (name, fmt(scores[best_name]), best_name,
                                                          auto.get("error", "—")))
            continue
        delta = auto["accuracyMean"] - scores[best_name]
        deltas.append(delta)
        lines.append("| %s | %s %s | %s | %s | %.3f | %s %.3f | %.1f× |" % (
            name, fmt(scores[best_name]), best_name, fmt(auto["accuracyMean"]), signed(delta),
            auto["fitSecondsMedian"], auto["slowestLearner"], auto["slowestFitSecondsMedian"],
            auto["fitSecondsMedian"] / auto["slowestFitSecondsMedian"]))
    if deltas:
        lines.append("| **mean Δ** | | | %s | | | |" % signed(statistics.fmean(deltas)))
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(peerlib.REPO_ROOT, ".build", "release", "metric-learn"))
    parser.add_argument("--tables", nargs="+", default=TABLES, help="default: %(default)s")
    parser.add_argument("--families", nargs="*", default=list(FAMILIES), choices=list(FAMILIES),
                        help="our candidates to run (none: only --auto); default: all")
    parser.add_argument("--auto", action="store_true", help="also run `evaluate --learner auto`")
    parser.add_argument("--data-dir", default=peerlib.DEFAULT_DATA_DIR)
    parser.add_argument("--peer-cache", default=DEFAULT_PEER_CACHE)
    parser.add_argument("--rerun-peers", action="store_true", help="refit the peers even when cached")
    parser.add_argument("--budget", type=float, default=600.0, help="seconds per peer method per table")
    parser.add_argument("--json", metavar="OUT", help="every number, ours and the peers'")
    parser.add_argument("--markdown", metavar="OUT", help="the tables printed, also written here")
    arguments = parser.parse_args(argv)
    ensure_venv()

    cache = {}
    if os.path.exists(arguments.peer_cache):
        with open(arguments.peer_cache) as handle:
            cache = json.load(handle)
    # auto is compared with the best peer of any family, so it needs every family's peers.
    peer_families = list(FAMILIES) if arguments.auto else arguments.families
    methods = [EUCLIDEAN] + [m for family in peer_families for m in FAMILIES[family][0]]
    results = {}
    load_before = os.getloadavg()
    for name, path in resolve(arguments.tables, arguments.data_dir):
        x, y, _, _ = peerlib.load_xy(path)
        folds = peerlib.stratified_folds(y)
        with tempfile.TemporaryDirectory() as scratch:
            peers = peer_results(methods, name, path, folds, cache, arguments.rerun_peers, arguments.budget, scratch,
                                 lambda: peerlib.write_json(arguments.peer_cache, cache))
            table = {"rows": int(x.shape[0]), "features": int(x.shape[1]), "classes": int(y.max() + 1),
                     "peers": peers, "ours": {}}
            for family in arguments.families:
                _, learner, candidates = FAMILIES[family]
                table["ours"][family] = {}
                for candidate, options in candidates.items():
                    result = run_ours(arguments.binary, learner, options, x, y, folds, scratch)
                    print("  ours %-14s %-16s %-28s %s" % (name, family, candidate,
                                                            result.get("accuracyMean", result.get("error"))),
                          file=sys.stderr)
                    table["ours"][family][candidate] = result
            if arguments.auto:
                table["auto"] = run_auto(arguments.binary, path, folds, scratch)
                print("  auto %-14s %s" % (name, table["auto"]), file=sys.stderr)
        results[name] = table
    names = list(results)
    lines = ["machine: %s; load average before %s, after %s" % (
        json.dumps(peerlib.machine()), " ".join("%.2f" % v for v in load_before),
        " ".join("%.2f" % v for v in os.getloadavg()))]
    for family in arguments.families:
        lines += ["", "### %s (peers: %s)" % (family, ", ".join(FAMILIES[family][0])), ""]
        lines += family_table(family, names, results)
    if "whitening" in arguments.families:
        lines += ["", "### whitening against Euclidean 3-NN", ""] + euclidean_table(names, results)
    if arguments.auto:
        lines += ["", "### auto against the best peer of any family", ""] + auto_table(names, results)
    print("\n".join(lines))
    if arguments.markdown:
        with open(arguments.markdown, "w") as handle:
            handle.write("\n".join(lines) + "\n")
    if arguments.json:
        peerlib.write_json(arguments.json, {"created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "tables": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
