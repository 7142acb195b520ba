"""Shared helpers for the peer scripts: paths, CSV loading, versions, the CV protocol.

Importable from plain python3 (standard library only at module level); numpy and
scikit-learn are imported inside the functions that need them, so the same file
serves both peer venvs and the stdlib-only orchestrator.
"""

import csv
import importlib.metadata
import json
import os
import platform

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
RESOURCES = os.path.join(REPO_ROOT, "Sources", "MetricLearn", "Data", "Resources")
DEFAULT_DATA_DIR = os.path.join(HERE, "data")
FIXTURES_DIR = os.path.join(REPO_ROOT, "Tests", "MetricLearnTests", "Fixtures")
VENV_PYTHON = {
    "sklearn": os.path.join(HERE, ".venv-sklearn", "bin", "python"),
    "metric-learn": os.path.join(HERE, ".venv-metric-learn", "bin", "python"),
    "pydml": os.path.join(HERE, ".venv-pydml", "bin", "python"),
}

# The cross-validation protocol shared by run_peers.py and golden.py.
CV_FOLDS = 5
CV_SEED = 0
KNN_NEIGHBORS = 3
KNN_REGRESSION_NEIGHBORS = 5


def bundled_csv(name):
    """Path of a CSV bundled with the Swift package (iris, wine, diabetes)."""
    return os.path.join(RESOURCES, name + ".csv")


def read_table(path):
    """Read a CSV with a header row whose last column is the label.

    Returns (feature_names, rows, label_strings): rows as lists of floats.
    """
    with open(path, newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows, labels = [], []
        for record in reader:
            if not record:
                continue
            rows.append([float(value) for value in record[:-1]])
            labels.append(record[-1])
    return header[:-1], rows, labels


def encode_labels(labels):
    """Map label strings to 0..C-1 in sorted order (numeric order when every label is an integer,
    lexicographic otherwise). Returns (codes, classes)."""
    distinct = set(labels)
    try:
        classes = sorted(distinct, key=int)
    except ValueError:
        classes = sorted(distinct)
    index = {label: code for code, label in enumerate(classes)}
    return [index[label] for label in labels], classes


def load_xy(path):
    """(X, y, feature_names, classes) as numpy arrays: X float64 (n, d), y int (n,)."""
    import numpy as np

    names, rows, labels = read_table(path)
    codes, classes = encode_labels(labels)
    return np.asarray(rows, dtype=np.float64), np.asarray(codes, dtype=np.int64), names, classes


def load_regression(path):
    """(X, y) as float64 numpy arrays from a CSV whose last column is a numeric target."""
    import numpy as np

    _, rows, targets = read_table(path)
    return np.asarray(rows, dtype=np.float64), np.asarray([float(t) for t in targets], dtype=np.float64)


def shuffled_folds(count):
    """The regression protocol's folds: KFold(5, shuffle=True, random_state=0) -> [(train, test)] as lists."""
    import numpy as np
    from sklearn.model_selection import KFold

    splitter = KFold(n_splits=CV_FOLDS, shuffle=True, random_state=CV_SEED)
    return [(train.tolist(), test.tolist()) for train, test in splitter.split(np.zeros((count, 1)))]


def stratified_folds(y):
    """The protocol's folds: StratifiedKFold(5, shuffle=True, random_state=0) -> [(train, test)] as lists."""
    from sklearn.model_selection import StratifiedKFold

    splitter = StratifiedKFold(n_splits=CV_FOLDS, shuffle=True, random_state=CV_SEED)
    return [(train.tolist(), test.tolist()) for train, test in splitter.split(y.reshape(-1, 1), y)]


def package_versions(names):
    """{"python": ..., name: version} for the installed distributions among `names`."""
    versions = {"python": platform.python_version()}
    for name in names:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def thread_environment():
    """The BLAS/OpenMP thread variables as set (None when unset)."""
    keys = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
    return {key: os.environ.get(key) for key in keys}


def machine():
    """nproc, CPU model and load average, for timing reports."""
    model = None
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "platform": platform.platform(),
        "loadavg": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "threads": thread_environment(),
    }


def write_json(path, value):
    """Write JSON with sorted keys and a trailing newline."""
    with open(path, "w") as handle:
        json.dump(value, handle, indent=1, sort_keys=True)
        handle.write("\n")
