#!/usr/bin/env python3
"""Approximate nearest neighbours, side by side in one run (`make bench-ann`): our HNSWIndex and exact search
(`metric-learn-ann-bench`), hnswlib's Python binding (hnswlib 0.8.0, built by pip with -march=native), faiss-cpu's
IndexHNSWFlat and its exact IndexFlatL2, on the same seeded data.

For each data set (default: `embedding`, a 10-class Gaussian mixture in a random 10-dimensional subspace of 50
dimensions plus isotropic noise of s.d. 0.1; and `noise`, isotropic 50-dimensional Gaussian noise), 10^6 rows and
10^4 queries, k = 10:

1. `metric-learn-ann-bench --data D --output-dir DIR` makes the data, writes points/queries/truth as .npy (truth:
   our exact search's neighbours), builds our index (M 16, efConstruction 200, concurrent insertion on every
   core), times our exact search and our searches at each efSearch (fastest of 3), and prints JSON.
2. This script (in .venv-ann) builds hnswlib (same M and efConstruction, num_threads = THREADS) and faiss
   IndexHNSWFlat (M 16, efConstruction 200), times their searches at the same efSearch values (fastest of 3),
   and times faiss IndexFlatL2 (exact, float32 BLAS) on the same queries. Recall@10 is against the truth file.

Every side uses THREADS threads (default 2): OPENBLAS_NUM_THREADS and OMP_NUM_THREADS are set for both processes.
The machine's load (`/proc/loadavg`) is recorded before and after each side. Prints a table and the targets of
issue 18; --json writes everything.

Usage: python3 Benchmarks/peers/ann_peers.py --binary .build/release/metric-learn-ann-bench [--rows N]
       [--queries N] [--data embedding --data noise] [--threads 2] [--json out.json] [--figure recall.svg]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
VENV_PYTHON = os.path.join(HERE, ".venv-ann", "bin", "python")
EF_VALUES = [10, 16, 24, 32, 48, 64, 96, 128, 192, 256]
M, EF_CONSTRUCTION, K = 16, 200, 10


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def recall(found, truth):
    import numpy as np
    hits = sum(len(np.intersect1d(a, b, assume_unique=True)) for a, b in zip(found, truth))
    return hits / truth.size


def fastest(function, repeats=3):
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def peers(directory, threads):
    """In .venv-ann: hnswlib and faiss on the files in `directory`; returns a dict."""
    import numpy as np
    import faiss
    import hnswlib

    points = np.load(os.path.join(directory, "points.npy")).astype(np.float32)
    queries = np.load(os.path.join(directory, "queries.npy")).astype(np.float32)
    truth = np.load(os.path.join(directory, "truth.npy")).astype(np.int64)
    n, d = points.shape
    q = len(queries)
    faiss.omp_set_num_threads(threads)
    out = {"versions": {"hnswlib": "0.8.0", "faiss": faiss.__version__, "numpy": np.__version__}}

    result = {"loadBefore": load_average()}
    index = hnswlib.Index(space="l2", dim=d)
    start = time.perf_counter()
    index.init_index(max_elements=n, ef_construction=EF_CONSTRUCTION, M=M, random_seed=100)
    index.add_items(points, np.arange(n), num_threads=threads)
    result["buildSeconds"] = time.perf_counter() - start
    result["curve"] = []
    for ef in EF_VALUES:
        index.set_ef(ef)
        seconds, (labels, _) = fastest(lambda: index.knn_query(queries, k=K, num_threads=threads))
        result["curve"].append({"efSearch": ef, "recall": recall(labels, truth), "queriesPerSecond": q / seconds})
    result["loadAfter"] = load_average()
    out["hnswlib"] = result
    del index

    result = {"loadBefore": load_average()}
    index = faiss.IndexHNSWFlat(d, M)
    index.hnsw.efConstruction = EF_CONSTRUCTION
    start = time.perf_counter()
    index.add(points)
    result["buildSeconds"] = time.perf_counter() - start
    result["curve"] = []
    for ef in EF_VALUES:
        index.hnsw.efSearch = ef
        seconds, (_, labels) = fastest(lambda: index.search(queries, K))
        result["curve"].append({"efSearch": ef, "recall": recall(labels, truth), "queriesPerSecond": q / seconds})
    result["loadAfter"] = load_average()
    out["faissHNSW"] = result
    del index

    result = {"loadBefore": load_average()}
    index = faiss.IndexFlatL2(d)
    index.add(points)
    seconds, (_, labels) = fastest(lambda: index.search(queries, K), repeats=1)
    result.update({"seconds": seconds, "queriesPerSecond": q / seconds, "recall": recall(labels, truth),
                   "loadAfter": load_average()})
    out["faissFlat"] = result
    return out


def at_recall(curve, target=0.95):
    """The highest queries/s among the efSearch settings reaching `target` recall (None if none does)."""
    reaching = [point for point in curve if point["recall"] >= target]
    return max(reaching, key=lambda point: point["queriesPerSecond"]) if reaching else None


def report(name, ours, theirs):
    print(f"\n## {name}: {ours['rows']} rows x {ours['dimension']}, {ours['queries']} queries, k = {K}, "
          f"{ours['processors']} cores")
    print(f"build: ours {ours['buildSeconds']:.1f} s, hnswlib {theirs['hnswlib']['buildSeconds']:.1f} s, "
          f"faiss HNSW {theirs['faissHNSW']['buildSeconds']:.1f} s")
    links = ours["vectorsAndLinksBytes"]
    print(f"index memory: ours {ours['indexMemoryBytes'] / 2**20:.0f} MiB (RSS growth "
          f"{ours['residentGrowthBytes'] / 2**20:.0f} MiB) = {ours['indexMemoryBytes'] / links:.2f}x "
          f"(rows x dims x 4 + links = {links / 2**20:.0f} MiB)")
    print(f"exact: ours {ours['exactQueriesPerSecond']:.1f} q/s, faiss IndexFlatL2 "
          f"{theirs['faissFlat']['queriesPerSecond']:.1f} q/s (recall {theirs['faissFlat']['recall']:.4f})")
    print(f"{'efSearch':>8} | {'ours recall':>11} {'q/s':>9} | {'hnswlib recall':>14} {'q/s':>9} | "
          f"{'faiss recall':>12} {'q/s':>9}")
    for a, b, c in zip(ours["curve"], theirs["hnswlib"]["curve"], theirs["faissHNSW"]["curve"]):
        print(f"{int(a['efSearch']):>8} | {a['recall']:>11.4f} {a['queriesPerSecond']:>9.0f} | "
              f"{b['recall']:>14.4f} {b['queriesPerSecond']:>9.0f} | {c['recall']:>12.4f} {c['queriesPerSecond']:>9.0f}")
    best = at_recall(ours["curve"])
    if best:
        speedup = best["queriesPerSecond"] / ours["exactQueriesPerSecond"]
        print(f"target recall >= 0.95 at >= 30x our exact search: efSearch {int(best['efSearch'])}, recall "
              f"{best['recall']:.4f}, {speedup:.1f}x")
        for peer in ("hnswlib", "faissHNSW"):
            theirs_best = at_recall(theirs[peer]["curve"])
            if theirs_best:
                print(f"  at recall 0.95: ours / {peer} = {best['queriesPerSecond'] / theirs_best['queriesPerSecond']:.2f}"
                      f" (their efSearch {theirs_best['efSearch']}, recall {theirs_best['recall']:.4f})")
    else:
        print("no efSearch reached recall 0.95")
    print(f"ours exact / faiss IndexFlatL2 = "
          f"{ours['exactQueriesPerSecond'] / theirs['faissFlat']['queriesPerSecond']:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="metric-learn-ann-bench (release build)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--data", action="append", choices=["embedding", "noise"])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json")
    parser.add_argument("--figure", help="write our recall/speed curve on the embedding data as SVG (LineChart)")
    parser.add_argument("--peers-worker", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.peers_worker:
        print(json.dumps(peers(arguments.peers_worker, arguments.threads)))
        return
    environment = dict(os.environ, OPENBLAS_NUM_THREADS=str(arguments.threads), OMP_NUM_THREADS=str(arguments.threads))
    results = {}
    for name in arguments.data or ["embedding", "noise"]:
        with tempfile.TemporaryDirectory(prefix="ann-bench-") as directory:
            load = load_average()
            print(f"[{name}] ours (load {load})", file=sys.stderr)
            ours = json.loads(subprocess.run(
                [arguments.binary, "--data", name, "--rows", str(arguments.rows), "--queries", str(arguments.queries),
                 "--ef-search", ",".join(map(str, EF_VALUES)), "--output-dir", directory]
                + (["--figure", os.path.abspath(arguments.figure)] if arguments.figure and name == "embedding" else []),
                env=environment, check=True, capture_output=True, text=True).stdout)
            ours.update({"loadBefore": load, "loadAfter": load_average()})
            print(f"[{name}] hnswlib and faiss (load {load_average()})", file=sys.stderr)
            theirs = json.loads(subprocess.run(
                [VENV_PYTHON, __file__, "--binary", arguments.binary, "--threads", str(arguments.threads),
                 "--peers-worker", directory], env=environment, check=True, capture_output=True, text=True).stdout)
        report(name, ours, theirs)
        print(f"load: ours {ours['loadBefore']} -> {ours['loadAfter']}; hnswlib {theirs['hnswlib']['loadBefore']}; "
              f"faiss {theirs['faissHNSW']['loadBefore']} -> {theirs['faissFlat']['loadAfter']}")
        results[name] = {"ours": ours, "peers": theirs}
    if arguments.json:
        with open(arguments.json, "w") as f:
            json.dump(results, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
