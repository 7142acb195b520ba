#!/usr/bin/env python3
"""Write the deterministic classification tables used by the benchmarks.

    .venv-sklearn/bin/python make_tables.py [--out DIR] [--scaling] [--targets]

Each table is a CSV with a header row (f00, f01, ... , label) and integer labels in the
last column, made with sklearn.datasets.make_classification under a fixed random_state,
so the same scikit-learn version writes the same bytes. The four shape-alike tables
imitate the sizes of classical UCI/OpenML sets (the data itself is synthetic):

    synth-3c-2000x50        2000 x 50, 3 classes
    digits-like-1800x64     1800 x 64, 10 classes
    vehicle-like-850x18      850 x 18, 4 classes
    segment-like-2300x19    2300 x 19, 7 classes

Two real tables bundled with scikit-learn are written the same way (features as stored, classes as
integers): digits (load_digits, 1797 x 64, 10 classes; several pixels are constant) and breast-cancer
(load_breast_cancer, 569 x 30, 2 classes).

--scaling adds scale-n{500,2000,5000,20000}-d{20,50,100} (5 classes) for timing curves.

--targets adds tables with real difficulty (class overlap, noise features), for run_peers.py --datasets NAME:

    overlap-1000x18         1000 x 18,  4 classes   overlapping classes (class_sep 0.7, 5% flipped labels),
    overlap-2000x40         2000 x 40,  6 classes   most features noise: 5 / 8 / 6 informative,
    overlap-2500x24         2500 x 24,  5 classes   3 / 6 / 4 redundant (n_clusters_per_class 2)
    overlap-6000x32         6000 x 32,  5 classes   the same recipe, for fits at n = 4800

--regression writes the regression tables instead (header f00, ..., label; the label is the target):
make_friedman1 (y = 10 sin(pi x0 x1) + 20 (x2 - 0.5)^2 + 10 x3 + 5 x4 + N(0, 1)), whose features past the
fifth are pure noise:

    friedman1-1000x10       1000 x 10 (5 noise features)
    friedman1-1500x25       1500 x 25 (20 noise features)
    friedman1-2000x15       2000 x 15 (10 noise features)
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

# name -> make_classification arguments (all with flip_y=0.01, class_sep=1.0, shuffle=True)
TABLES = {
    "synth-3c-2000x50": dict(n_samples=2000, n_features=50, n_informative=10, n_redundant=10,
                             n_classes=3, n_clusters_per_class=2, random_state=1),
    "digits-like-1800x64": dict(n_samples=1800, n_features=64, n_informative=24, n_redundant=16,
                                n_classes=10, n_clusters_per_class=1, random_state=2),
    "vehicle-like-850x18": dict(n_samples=850, n_features=18, n_informative=8, n_redundant=6,
                                n_classes=4, n_clusters_per_class=2, random_state=3),
    "segment-like-2300x19": dict(n_samples=2300, n_features=19, n_informative=10, n_redundant=5,
                                 n_classes=7, n_clusters_per_class=1, random_state=4),
}

# Overlapping classes with noise features: a low class_sep, two clusters per class, 5% of the labels flipped and
# most features pure noise, so that neighbours in the raw space are poor and the learners iterate.
OVERLAP_TABLES = {
    "overlap-1000x18": dict(n_samples=1000, n_features=18, n_informative=5, n_redundant=3, n_classes=4,
                            random_state=21),
    "overlap-2000x40": dict(n_samples=2000, n_features=40, n_informative=8, n_redundant=6, n_classes=6,
                            random_state=22),
    "overlap-2500x24": dict(n_samples=2500, n_features=24, n_informative=6, n_redundant=4, n_classes=5,
                            random_state=23),
    "overlap-6000x32": dict(n_samples=6000, n_features=32, n_informative=6, n_redundant=4, n_classes=5,
                            random_state=24),
}
OVERLAP_SETTINGS = dict(n_clusters_per_class=2, class_sep=0.7, flip_y=0.05, shuffle=True)
# name -> the scikit-learn loader of a real table bundled with scikit-learn
BUNDLED = {"digits": "load_digits", "breast-cancer": "load_breast_cancer"}

REGRESSION_TABLES = {
    "friedman1-1000x10": dict(n_samples=1000, n_features=10, noise=1.0, random_state=11),
    "friedman1-1500x25": dict(n_samples=1500, n_features=25, noise=1.0, random_state=12),
    "friedman1-2000x15": dict(n_samples=2000, n_features=15, noise=1.0, random_state=13),
}

SCALING_SAMPLES = (500, 2000, 5000, 20000)
SCALING_FEATURES = (20, 50, 100)


def scaling_tables():
    """The n x d timing grid: 5 classes, a fifth of the features informative, another fifth redundant."""
    tables = {}
    for n in SCALING_SAMPLES:
        for d in SCALING_FEATURES:
            tables["scale-n%d-d%d" % (n, d)] = dict(
                n_samples=n, n_features=d, n_informative=d // 5, n_redundant=d // 5,
                n_classes=5, n_clusters_per_class=1, random_state=1000 + n + d)
    return tables


def target_tables():
    """The --targets tables: overlapping classes with noise features."""
    return {name: dict(OVERLAP_SETTINGS, **spec) for name, spec in OVERLAP_TABLES.items()}


def write_table(path, arguments):
    """Generate one table (make_classification arguments, flip_y 0.01 and class_sep 1.0 unless given, or the name of a bundled table's loader) and write it as
    CSV (%.12g floats, integer labels)."""
    import numpy as np
    import sklearn.datasets

    if isinstance(arguments, str):
        x, y = getattr(sklearn.datasets, arguments)(return_X_y=True)
    else:
        x, y = sklearn.datasets.make_classification(**{"flip_y": 0.01, "class_sep": 1.0, "shuffle": True, **arguments})
    header = ",".join(["f%02d" % column for column in range(x.shape[1])] + ["label"])
    with open(path, "w") as handle:
        handle.write(header + "\n")
        for row, label in zip(x, y):
            handle.write(",".join("%.12g" % value for value in row) + ",%d\n" % int(label))
    return x.shape, int(np.unique(y).size)


def write_regression_table(path, arguments):
    """Generate one Friedman #1 table and write it as CSV (%.12g floats, the target last)."""
    from sklearn.datasets import make_friedman1

    x, y = make_friedman1(**arguments)
    header = ",".join(["f%02d" % column for column in range(x.shape[1])] + ["label"])
    with open(path, "w") as handle:
        handle.write(header + "\n")
        for row, target in zip(x, y):
            handle.write(",".join("%.12g" % value for value in row) + ",%.12g\n" % target)
    return x.shape


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=peerlib.DEFAULT_DATA_DIR, help="output folder (default: %(default)s)")
    parser.add_argument("--scaling", action="store_true", help="also write the n x d timing grid")
    parser.add_argument("--targets", action="store_true", help="also write the overlapping tables with noise features")
    parser.add_argument("--force", action="store_true", help="rewrite tables that already exist")
    parser.add_argument("--regression", action="store_true", help="write the regression tables instead")
    arguments = parser.parse_args(argv)

    if arguments.regression:
        tables = dict(REGRESSION_TABLES)
    else:
        tables = dict(TABLES, **BUNDLED)
        if arguments.scaling:
            tables.update(scaling_tables())
        if arguments.targets:
            tables.update(target_tables())
    os.makedirs(arguments.out, exist_ok=True)
    for name, spec in tables.items():
        path = os.path.join(arguments.out, name + ".csv")
        if os.path.exists(path) and not arguments.force:
            print("kept    %s" % path)
            continue
        if arguments.regression:
            shape = write_regression_table(path, spec)
            print("wrote   %s  (%d x %d, regression)" % (path, shape[0], shape[1]))
        else:
            shape, classes = write_table(path, spec)
            print("wrote   %s  (%d x %d, %d classes)" % (path, shape[0], shape[1], classes))
    return 0

if __name__ == "__main__":
    sys.exit(main())
