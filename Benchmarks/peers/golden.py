#!/usr/bin/env python3
"""Record golden values from scikit-learn, metric-learn, PyLMNN and skrebate as JSON fixtures.

    python3 Benchmarks/peers/golden.py [--out Tests/MetricLearnTests/Fixtures] [FIXTURE ...]

Run setup.sh first. This file is started with any python3 (standard library only); each
fixture part re-invokes it with the python of the venv that has the library (hidden --part
mode, JSON on stdout), and the parts are merged into one file per fixture with a top-level
"versions" object and a "description" of the conventions. Every fixture is deterministic:
running this twice writes identical bytes.

Data: iris and wine from Sources/MetricLearn/Data/Resources; labels are encoded in sorted
order (iris species lexicographically: setosa 0, versicolor 1, virginica 2; wine 0, 1, 2).
"Standardized" always means sklearn StandardScaler fitted on the rows in question
(mean, population standard deviation ddof=0).

Where a fixture states a formula, golden.py re-derives the peer's number from that formula
with plain numpy and asserts agreement, so the descriptions are checked, not guessed.
"""

import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

BASE_PACKAGES = ["numpy", "scipy", "scikit-learn"]


def _iris():
    return peerlib.load_xy(peerlib.bundled_csv("iris"))


def _wine():
    return peerlib.load_xy(peerlib.bundled_csv("wine"))


def _diabetes():
    """(X, y) of the bundled diabetes table (442 x 10, raw units), y the float targets."""
    return peerlib.load_regression(peerlib.bundled_csv("diabetes"))


def _standardized(x):
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    return scaler.transform(x), scaler


def _matrix(a):
    """A 2-D array as a list of row lists (row-major, like MetricLearn's Matrix)."""
    import numpy as np

    return np.asarray(a, dtype=float).tolist()


def _close(a, b, tolerance, what):
    import numpy as np

    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = max(1.0, float(np.max(np.abs(b))) if b.size else 1.0)
    error = float(np.max(np.abs(a - b))) / scale if a.size else 0.0
    if not error <= tolerance:
        raise AssertionError("%s: re-derived value differs from the peer's (relative error %g)" % (what, error))


# ---------------------------------------------------------------------------------------------
# Parts (each runs inside one venv and returns a JSON-able dict)

def part_whitening_metric_learn():
    import numpy as np
    from metric_learn import Covariance

    result = {}
    for name, (x, _, names, _) in (("iris", _iris()), ("wine", _wine())):
        metric = Covariance().fit(x).get_mahalanobis_matrix()
        covariance = np.cov(x, rowvar=False)
        result[name] = {
            "featureNames": names,
            "metricLearnCovarianceM": _matrix(metric),
            "numpyCovariance": _matrix(covariance),
            "numpyInverseCovariance": _matrix(np.linalg.inv(covariance)),
            "columnMeans": x.mean(axis=0).tolist(),
        }
        _close(metric, np.linalg.inv(covariance), 1e-8, name + " Covariance M vs inv(cov)")
    return result


def part_whitening_sklearn():
    import numpy as np
    from sklearn.covariance import ledoit_wolf, ledoit_wolf_shrinkage

    result = {}
    for name, (x, _, _, _) in (("iris", _iris()), ("wine", _wine())):
        shrinkage = float(ledoit_wolf_shrinkage(x))
        shrunk, shrinkage_again = ledoit_wolf(x)
        empirical = np.cov(x, rowvar=False, ddof=0)
        mu = np.trace(empirical) / x.shape[1]
        _close(shrunk, (1 - shrinkage) * empirical + shrinkage * mu * np.eye(x.shape[1]), 1e-10,
               name + " Ledoit-Wolf shrunk covariance formula")
        assert shrinkage == float(shrinkage_again)
        result[name] = {
            "ledoitWolfShrinkage": shrinkage,
            "ledoitWolfCovariance": _matrix(shrunk),
            "empiricalCovarianceDdof0": _matrix(empirical),
        }
    return result


def part_nca():
    import numpy as np
    from sklearn.neighbors import NeighborhoodComponentsAnalysis

    x_raw, y, names, classes = _iris()
    x_std, scaler = _standardized(x_raw)
    same_class = y[:, None] == y[None, :]
    random_l = np.random.default_rng(0).standard_normal((2, 4))
    nca = NeighborhoodComponentsAnalysis()
    nca.n_iter_ = 1  # _loss_grad_lbfgs prints a header when n_iter_ == 0 and verbose; it reads n_iter_

    def objective(l, x):
        """Re-derivation: sum_i sum_{j != i, y_j = y_i} softmax_j(-||L x_i - L x_j||^2)."""
        z = x @ l.T
        d = ((z[:, None, :] - z[None, :, :]) ** 2).sum(-1)
        np.fill_diagonal(d, np.inf)
        p = np.exp(-(d - d.min(axis=1, keepdims=True)))
        p /= p.sum(axis=1, keepdims=True)
        return float((p * same_class).sum())

    def numeric_gradient(l, x, step=1e-6):
        gradient = np.zeros_like(l)
        for index in np.ndindex(*l.shape):
            plus, minus = l.copy(), l.copy()
            plus[index] += step
            minus[index] -= step
            gradient[index] = (objective(plus, x) - objective(minus, x)) / (2 * step)
        return gradient

    cases = {}
    for data_name, x in (("raw", x_raw), ("standardized", x_std)):
        for point_name, l in (("identity", np.eye(4)), ("random2x4", random_l)):
            loss, gradient = nca._loss_grad_lbfgs(l.ravel(), x, same_class, 1.0)
            gradient = gradient.reshape(l.shape)
            _close(loss, objective(l, x), 1e-9, "NCA objective (%s, %s)" % (data_name, point_name))
            if data_name == "standardized":
                _close(gradient, numeric_gradient(l, x), 1e-5, "NCA gradient (%s, %s)" % (data_name, point_name))
            negative_loss, negative_gradient = nca._loss_grad_lbfgs(l.ravel(), x, same_class, -1.0)
            assert negative_loss == -loss and np.array_equal(negative_gradient.reshape(l.shape), -gradient)
            cases["%s/%s" % (data_name, point_name)] = {
                "data": data_name, "L": _matrix(l), "loss": float(loss), "gradient": _matrix(gradient)}
    return {
        "featureNames": names, "classes": classes,
        "randomL": _matrix(random_l),
        "randomLSource": "np.random.default_rng(0).standard_normal((2, 4))",
        "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "cases": cases,
    }


def _itml_pairs(y, rng, count_each):
    """`count_each` distinct similar and `count_each` distinct dissimilar unordered pairs."""
    pairs, seen = [], set()
    for want_same in (True, False):
        made = 0
        while made < count_each:
            i = int(rng.integers(len(y)))
            pool = [j for j in range(len(y)) if j != i and (y[j] == y[i]) == want_same]
            j = int(pool[int(rng.integers(len(pool)))])
            key = (min(i, j), max(i, j))
            if key in seen:
                continue
            seen.add(key)
            pairs.append([i, j])
            made += 1
    return pairs


def part_itml():
    import numpy as np
    from metric_learn import ITML
    from sklearn.metrics import pairwise_distances

    x_raw, y, names, classes = _iris()
    x, scaler = _standardized(x_raw)
    pairs = _itml_pairs(y, np.random.default_rng(0), 60)
    labels = [1] * 60 + [-1] * 60
    tuples = x[np.asarray(pairs)]  # (120, 2, 4)

    unique_rows = np.unique(np.vstack(tuples), axis=0)
    default_bounds = np.percentile(pairwise_distances(unique_rows), (5, 95))
    condensed = pairwise_distances(x)[np.triu_indices(len(x), 1)]
    explicit_bounds = [round(float(b), 4) for b in np.percentile(condensed, (5, 95))]

    runs = {}
    for run_name, bounds in (("defaultBounds", None), ("explicitBounds", explicit_bounds)):
        itml = ITML(gamma=1.0, max_iter=1000, tol=1e-3, prior="identity")
        itml.fit(tuples, np.asarray(labels), bounds=bounds)
        metric = itml.get_mahalanobis_matrix()
        squared = np.einsum("pi,ij,pj->p", tuples[:, 0] - tuples[:, 1], metric, tuples[:, 0] - tuples[:, 1])
        runs[run_name] = {
            "boundsArgument": bounds,
            "bounds": np.asarray(itml.bounds_, dtype=float).tolist(),
            "nIter": int(itml.n_iter_),
            "sweeps": int(itml.n_iter_) + 1,
            "M": _matrix(metric),
            "pairSquaredDistances": squared.tolist(),
        }
    _close(runs["defaultBounds"]["bounds"], default_bounds, 1e-12, "ITML default bounds re-derivation")
    return {
        "featureNames": names, "classes": classes,
        "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "pairs": pairs, "pairLabels": labels,
        "pairSource": "numpy default_rng(0): for each of 60 similar then 60 dissimilar pairs, draw i = "
                      "rng.integers(150), then j uniformly (rng.integers(len(pool))) from the rows != i whose class "
                      "is equal (similar) / different (dissimilar); an unordered pair already drawn is redrawn",
        "uniqueRowsInPairs": int(len(unique_rows)),
        "parameters": {"gamma": 1.0, "max_iter": 1000, "tol": 1e-3, "prior": "identity"},
        "runs": runs,
    }


def part_itml_bounds():
    import warnings

    import numpy as np
    from metric_learn import ITML, ITML_Supervised

    def pair_percentiles(x, pairs):
        """The 5th/95th percentiles of the Euclidean distances of the pairs whose rows differ."""
        distances = np.linalg.norm(x[pairs[:, 0]] - x[pairs[:, 1]], axis=1)
        return np.percentile(distances[distances > 0], (5, 95))

    def case(x, y, rng_seed, count_each, extra_pairs=()):
        pairs = _itml_pairs(y, np.random.default_rng(rng_seed), count_each)
        labels = [1] * count_each + [-1] * count_each
        for pair, label in extra_pairs:
            pairs.append(list(pair))
            labels.append(label)
        pairs_array = np.asarray(pairs)
        tuples = x[pairs_array]
        unique_rows = np.unique(np.vstack(tuples), axis=0)
        square = np.sqrt(((unique_rows[:, None, :] - unique_rows[None, :, :]) ** 2).sum(-1))
        rule = np.percentile(square, (5, 95))
        bounds = {}
        for prior in ("identity", "covariance"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                itml = ITML(max_iter=1, prior=prior).fit(tuples, np.asarray(labels))
            bounds[prior] = np.asarray(itml.bounds_, dtype=float).tolist()
            _close(bounds[prior], rule, 1e-12, "metric-learn ITML bounds_ (prior %s) re-derivation" % prior)
        return {
            "rngSeed": rng_seed, "countEach": count_each, "extraPairs": [list(pair) for pair, _ in extra_pairs],
            "pairs": pairs, "pairLabels": labels,
            "uniqueRowsInPairs": int(len(unique_rows)),
            "metricLearnBounds": bounds["identity"],
            "metricLearnBoundsCovariancePrior": bounds["covariance"],
            "constrainedPairPercentiles": pair_percentiles(x, pairs_array).tolist(),
        }

    def supervised(x, y):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ITML_Supervised(max_iter=1, random_state=0).fit(x, y)

    iris_raw, iris_y, _, _ = _iris()
    wine_raw, wine_y, _, _ = _wine()
    iris_std, iris_scaler = _standardized(iris_raw)
    wine_std, wine_scaler = _standardized(wine_raw)
    return {
        "cases": {
            "irisStandardized": dict(case(iris_std, iris_y, 0, 60), data="iris", features="standardized"),
            "wineStandardized": dict(case(wine_std, wine_y, 0, 60), data="wine", features="standardized"),
            # iris rows 101 and 142 are identical: the extra similar pair joins them.
            "irisRaw": dict(case(iris_raw, iris_y, 1, 100, extra_pairs=(((101, 142), 1),)),
                            data="iris", features="raw"),
        },
        "supervisedBounds": {name: np.asarray(fitted.bounds_, dtype=float).tolist() for name, fitted in (
            ("irisStandardized", supervised(iris_std, iris_y)), ("wineStandardized", supervised(wine_std, wine_y)))},
        "standardScalers": {
            "iris": {"mean": iris_scaler.mean_.tolist(), "scale": iris_scaler.scale_.tolist()},
            "wine": {"mean": wine_scaler.mean_.tolist(), "scale": wine_scaler.scale_.tolist()},
        },
        "pairSource": "as itml_iris.json's pairSource, with numpy default_rng(rngSeed) and countEach pairs of each "
                      "kind, then extraPairs appended",
    }


def part_lmnn():
    import numpy as np
    from sklearn.preprocessing import StandardScaler

    from pylmnn_shim import LargeMarginNearestNeighbor

    x_all, y_all, names, classes = _iris()
    rows = list(range(0, 10)) + list(range(50, 60)) + list(range(100, 110))
    scaler = StandardScaler().fit(x_all[rows])
    x, y = scaler.transform(x_all[rows]), y_all[rows]
    k, mu = 3, 0.5

    lmnn = LargeMarginNearestNeighbor(n_neighbors=k, weight_push_loss=mu, init="identity")
    lmnn.n_neighbors_, lmnn.n_iter_ = k, 1
    lmnn.random_state_ = np.random.RandomState(0)
    class_codes = np.unique(y)
    target_neighbors = lmnn._select_target_neighbors_wrapper(x, y, class_codes)
    grad_static = lmnn._compute_grad_static(x, target_neighbors) * ((1 - mu) / mu)

    def pylmnn_loss_grad(l):
        values = [lmnn._loss_grad_lbfgs(l.ravel(), x, y, class_codes, target_neighbors, grad_static, sparse)
                  for sparse in (False, True)]
        _close(values[0][0], values[1][0], 1e-12, "PyLMNN list vs sparse impostor store (loss)")
        _close(values[0][1], values[1][1], 1e-12, "PyLMNN list vs sparse impostor store (gradient)")
        return float(values[0][0]), values[0][1].reshape(l.shape)

    def rederive(l, every_triplet):
        """Both hinge conventions with plain numpy.

        PyLMNN only evaluates triplets (i, j, m) whose pair {i, m} is an "impostor pair":
        d_im < r_i or d_im < r_m, with r_a = 1 + d(a, last target neighbour of a in input-space order).
        With `every_triplet` all triplets are summed instead (the textbook objective)."""
        z = x @ l.T
        d = ((z[:, None, :] - z[None, :, :]) ** 2).sum(-1)
        radius = 1.0 + d[np.arange(len(x)), target_neighbors[:, -1]]
        outer = lambda a, b: np.outer(x[a] - x[b], x[a] - x[b])  # noqa: E731
        pull, pull_c = 0.0, np.zeros((x.shape[1],) * 2)
        push_squared, push_linear, push_c_squared, push_c_linear, active = 0.0, 0.0, 0.0, 0.0, 0
        for i in range(len(x)):
            for j in target_neighbors[i]:
                pull += d[i, j]
                pull_c = pull_c + outer(i, j)
                for m in np.nonzero(y != y[i])[0]:
                    h = 1.0 + d[i, j] - d[i, m]
                    considered = every_triplet or d[i, m] < radius[i] or d[i, m] < radius[m]
                    if h > 0 and considered:
                        active += 1
                        push_squared += h * h
                        push_linear += h
                        push_c_squared = push_c_squared + 2 * h * (outer(i, j) - outer(i, m))
                        push_c_linear = push_c_linear + (outer(i, j) - outer(i, m))
        return {
            "pull": pull, "pushSquaredHinge": push_squared, "pushHinge": push_linear, "activeTriplets": active,
            "pylmnnLoss": (1 - mu) / mu * pull + push_squared,
            "pylmnnGradient": 2 * l @ ((1 - mu) / mu * pull_c + push_c_squared),
            "textbookLoss": (1 - mu) * pull + mu * push_linear,
            "textbookGradient": 2 * l @ ((1 - mu) * pull_c + mu * push_c_linear),
        }

    points = {}
    random_l = np.random.default_rng(0).standard_normal((4, 4))
    for point_name, l in (("identity", np.eye(4)), ("random4x4", random_l)):
        loss, gradient = pylmnn_loss_grad(l)
        mine, every = rederive(l, False), rederive(l, True)
        _close(loss, mine["pylmnnLoss"], 1e-10, "PyLMNN loss re-derivation (%s)" % point_name)
        _close(gradient, mine["pylmnnGradient"], 1e-10, "PyLMNN gradient re-derivation (%s)" % point_name)
        points[point_name] = {
            "L": _matrix(l), "pylmnnLoss": loss, "pylmnnGradient": _matrix(gradient),
            "pull": mine["pull"], "pushSquaredHinge": mine["pushSquaredHinge"],
            "activeTriplets": mine["activeTriplets"],
            "allTriplets": {key: (_matrix(value) if key.endswith("Gradient") else value)
                            for key, value in every.items()},
        }

    distances = ((x[:, None, :] - x[None, :, :]) ** 2).sum(-1)
    ties = []
    for i in range(len(x)):
        same = sorted(distances[i, j] for j in range(len(x)) if j != i and y[j] == y[i])
        if np.isclose(same[k - 1], same[k], rtol=0, atol=1e-12):
            ties.append(i)
    return {
        "featureNames": names, "classes": classes,
        "irisRows": rows, "X": _matrix(x), "y": y.tolist(),
        "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "k": k, "weightPushLoss": mu,
        "targetNeighbors": target_neighbors.tolist(),
        "samplesWithTiedKthTargetNeighbor": ties,
        "randomL": _matrix(random_l), "randomLSource": "np.random.default_rng(0).standard_normal((4, 4))",
        "points": points,
    }


def part_metrics():
    import numpy as np
    from sklearn.metrics import (accuracy_score, balanced_accuracy_score, classification_report,
                                 confusion_matrix, precision_recall_fscore_support)

    three_true = [0] * 20 + [1] * 20 + [2] * 20
    three_pred = ([0] * 17 + [1, 1, 2]) + ([1] * 15 + [0, 2, 2, 2, 0]) + ([2] * 18 + [1, 0])
    four_true = [0] * 6 + [1] * 5 + [2] * 4 + [3] * 3
    four_pred = [0, 0, 0, 0, 1, 2] + [1, 1, 1, 0, 2] + [2, 2, 2, 1] + [0, 1, 2]
    cases = {}
    for name, (y_true, y_pred) in (("threeClasses", (three_true, three_pred)),
                                   ("fourClassesOneNeverPredicted", (four_true, four_pred))):
        per_class = precision_recall_fscore_support(y_true, y_pred, average=None, zero_division=0)
        case = {
            "yTrue": y_true, "yPred": y_pred,
            "labels": sorted(set(y_true) | set(y_pred)),
            "accuracy": float(accuracy_score(y_true, y_pred)),
            "balancedAccuracy": float(balanced_accuracy_score(y_true, y_pred)),
            "confusionMatrix": confusion_matrix(y_true, y_pred).tolist(),
            "perClass": {key: np.asarray(values).tolist()
                         for key, values in zip(("precision", "recall", "f1", "support"), per_class)},
            "classificationReport": classification_report(y_true, y_pred, digits=2, zero_division=0),
        }
        for average in ("macro", "weighted", "micro"):
            p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average=average, zero_division=0)
            case[average] = {"precision": float(p), "recall": float(r), "f1": float(f)}
        cases[name] = case
    return {"cases": cases}


def part_knn():
    import numpy as np
    from sklearn.model_selection import train_test_split
    from sklearn.neighbors import KNeighborsClassifier

    x, y, names, classes = _iris()
    train, test = train_test_split(np.arange(len(y)), test_size=0.3, stratify=y, random_state=0)
    train, test = np.sort(train), np.sort(test)
    models = {}
    for k in (3, 5):
        # a test row whose k-th and (k+1)-th nearest training rows are equally far has an ambiguous neighbour set
        distances = np.sqrt(((x[test][:, None, :] - x[train][None, :, :]) ** 2).sum(-1))
        ordered = np.sort(distances, axis=1)
        tied = [int(q) for q in range(len(test)) if np.isclose(ordered[q, k - 1], ordered[q, k], rtol=0, atol=1e-12)]
        for weights in ("uniform", "distance"):
            knn = KNeighborsClassifier(n_neighbors=k, algorithm="brute", weights=weights).fit(x[train], y[train])
            models["k%d-%s" % (k, weights)] = {
                "nNeighbors": k, "weights": weights,
                "predictions": knn.predict(x[test]).tolist(),
                "predictProba": _matrix(knn.predict_proba(x[test])),
                "testPositionsWithTiedKthNeighbor": tied,
            }
    knn = KNeighborsClassifier(n_neighbors=5, algorithm="brute").fit(x[train], y[train])
    queries = x[test[:3]]
    neighbor_distances, neighbor_positions = knn.kneighbors(queries)
    return {
        "featureNames": names, "classes": classes,
        "split": "train_test_split(arange(150), test_size=0.3, stratify=y, random_state=0), both index lists sorted",
        "trainIndices": train.tolist(), "testIndices": test.tolist(),
        "models": models,
        "kneighbors": {
            "nNeighbors": 5, "queryIrisRows": test[:3].tolist(), "queries": _matrix(queries),
            "trainPositions": neighbor_positions.tolist(),
            "irisRows": train[neighbor_positions].tolist(),
            "distances": _matrix(neighbor_distances),
        },
    }


def part_relieff():
    import numpy as np
    from skrebate import ReliefF

    x_raw, y, names, classes = _wine()
    x, scaler = _standardized(x_raw)
    k = 10
    weights = ReliefF(n_neighbors=k).fit(x, y).feature_importances_

    # Re-derivation of skrebate's multiclass ReliefF for all-continuous features, no missing values.
    span = x.max(axis=0) - x.min(axis=0)
    normalized = (x - x.min(axis=0)) / span
    manhattan = np.abs(normalized[:, None, :] - normalized[None, :, :]).sum(-1)
    n, class_list = len(y), np.unique(y)
    mine = np.zeros(x.shape[1])
    for i in range(n):
        order = [j for j in np.argsort(manhattan[i], kind="stable") if j != i]
        hits = [j for j in order if y[j] == y[i]][:k]
        delta = lambda j: np.abs(x[i] - x[j]) / span  # noqa: E731
        misses = [j for c in class_list if c != y[i] for j in [m for m in order if y[m] == c][:k]]
        mine += (-sum(delta(j) for j in hits) / len(hits)
                 + sum(delta(j) for j in misses) / len(misses)) / n
    _close(weights, mine, 1e-12, "ReliefF re-derivation")
    return {
        "featureNames": names, "classes": classes,
        "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "nNeighbors": k,
        "uniqueValuesPerFeature": [int(np.unique(column).size) for column in x.T],
        "featureImportances": weights.tolist(),
    }


def part_mmc():
    import warnings

    import numpy as np
    from metric_learn import MMC

    runs = {}
    for data_name, (x_raw, y, names, classes) in (("iris", _iris()), ("wine", _wine())):
        x, scaler = _standardized(x_raw)
        count = 60 if data_name == "iris" else 40
        pairs = _itml_pairs(y, np.random.default_rng(0), count)
        labels = [1] * count + [-1] * count
        tuples = x[np.asarray(pairs)]
        for shape in ("full", "diagonal"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                mmc = MMC(diagonal=shape == "diagonal").fit(tuples, np.asarray(labels))
            metric = mmc.get_mahalanobis_matrix()
            entry = {"data": data_name, "shape": shape, "M": _matrix(metric)}
            if shape == "full":
                entry["nIter"] = int(mmc.n_iter_)
                entry["cycles"] = int(mmc.n_iter_) + 1
                entry["converged"] = bool(mmc.converged_)
                diff = tuples[:, 0] - tuples[:, 1]
                similar = diff[np.asarray(labels) == 1]
                bound = np.einsum("pi,pi->", similar, similar) / 100.0
                # the result satisfies the projected constraint to within metric-learn's 1 % tolerance
                assert np.einsum("pi,ij,pj->", similar, metric, similar) <= bound * 1.01 + 1e-9
                entry["similarBound"] = float(bound)
            runs["%s/%s" % (data_name, shape)] = entry
        runs["%s/pairs" % data_name] = {
            "pairs": pairs, "pairLabels": labels, "featureNames": names, "classes": classes,
            "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        }
    return {"runs": runs, "parameters": {"max_iter": 100, "max_proj": 10000, "tol": 1e-3, "init": "identity",
                                         "diagonal_c": 1.0}}


def part_gmml():
    import numpy as np

    import gmml_numpy

    x_raw, y, names, classes = _iris()
    x, scaler = _standardized(x_raw)
    pairs = _itml_pairs(y, np.random.default_rng(0), 60)
    similar, dissimilar = pairs[:60], pairs[60:]
    runs = {}
    for t, regularization in ((0.5, 0.0), (0.2, 0.0), (0.8, 2.0), (1.0, 0.0), (0.0, 0.5)):
        m = gmml_numpy.gmml(x, similar, dissimilar, t=t, regularization=regularization)
        if t == 0.5 and regularization == 0:
            # the geometric mean X = S^-1 # D solves the Riccati equation X S X = D
            _close(m @ gmml_numpy.scatter(x, similar) @ m, gmml_numpy.scatter(x, dissimilar), 1e-9,
                   "GMML Riccati equation")
        runs["t%g-lambda%g" % (t, regularization)] = {"geodesicStep": t, "regularization": regularization,
                                                     "M": _matrix(m)}
    return {
        "featureNames": names, "classes": classes,
        "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "pairs": pairs, "pairLabels": [1] * 60 + [-1] * 60, "runs": runs,
    }


def part_pair_verification():
    import numpy as np
    from metric_learn import MMC
    from sklearn.metrics import (accuracy_score, average_precision_score, f1_score, fbeta_score, roc_auc_score,
                                 roc_curve)

    def score_set(rng, count, decimals):
        similar = rng.random(count) < 0.4
        scores = np.where(similar, 1.0, 0.0) + rng.normal(0.0, 0.8, count)
        if decimals is not None:
            scores = np.round(scores, decimals)
        return scores, np.where(similar, 1, -1)

    def calibrated(scores, y, **arguments):
        model = MMC()
        model.preprocessor_ = None
        model.decision_function = lambda pairs: scores
        model.calibrate_threshold(np.zeros((len(scores), 2, 1)), y, **arguments)
        threshold = float(model.threshold_)
        return threshold if np.isfinite(threshold) else ("-Infinity" if threshold < 0 else "Infinity")

    def eer(fpr, tpr):
        """Re-derivation: where fpr + tpr - 1 crosses 0 on the straight segments of the full ROC curve."""
        gap = fpr + tpr - 1
        i = int(np.argmax(gap >= 0))
        if gap[i] == 0 or i == 0:
            return float(fpr[i])
        fraction = -gap[i - 1] / (gap[i] - gap[i - 1])
        return float(fpr[i - 1] + fraction * (fpr[i] - fpr[i - 1]))

    strategies = [("accuracy", {})]
    strategies += [("f-beta/%g" % beta, {"strategy": "f_beta", "beta": beta}) for beta in (1.0, 0.5, 2.0)]
    strategies += [("max-tpr/%g" % rate, {"strategy": "max_tpr", "min_rate": rate}) for rate in (0.0, 0.5, 0.9, 1.0)]
    strategies += [("max-tnr/%g" % rate, {"strategy": "max_tnr", "min_rate": rate}) for rate in (0.0, 0.5, 0.9, 1.0)]
    rng = np.random.default_rng(0)
    cases = {}
    for name, count, decimals in (("distinct", 300, None), ("ties", 300, 1), ("small", 12, None)):
        scores, y = score_set(rng, count, decimals)
        fpr, tpr, thresholds = roc_curve(y, scores, drop_intermediate=False)
        kept_fpr, _, kept_thresholds = roc_curve(y, scores)
        threshold = float(-np.median(scores))
        predicted = np.where(-scores <= threshold, 1, -1)
        rates = {}
        for rate in (0.01, 0.1, 0.3):
            rates["%g" % rate] = float(np.max(tpr[fpr <= rate]))
        cases[name] = {
            "scores": scores.tolist(), "labels": y.tolist(),
            "thresholds": {key: calibrated(scores, y, **arguments) for key, arguments in strategies},
            "rocAuc": float(roc_auc_score(y, scores)),
            "averagePrecision": float(average_precision_score(y, scores)),
            "rocFullFpr": fpr.tolist(), "rocFullTpr": tpr.tolist(),
            "rocFullDistanceThresholds": (-thresholds[1:]).tolist(),
            "rocCornerDistanceThresholds": (-kept_thresholds[1:]).tolist(), "rocCornerCount": int(len(kept_fpr)),
            "equalErrorRate": eer(fpr, tpr),
            "tprAtFpr": rates,
            "fixedThreshold": threshold,
            "accuracyAtFixedThreshold": float(accuracy_score(y, predicted)),
            "f1AtFixedThreshold": float(f1_score(y, predicted)),
            "f2AtFixedThreshold": float(fbeta_score(y, predicted, beta=2.0)),
        }
    return {"cases": cases}


def part_mlkr():
    import numpy as np
    from scipy.special import logsumexp
    from metric_learn import MLKR

    x_all, y_all = _diabetes()
    rows = np.arange(0, len(y_all), 4)
    x, scaler = _standardized(x_all[rows])
    y = y_all[rows]
    random_l = 0.5 * np.random.default_rng(0).standard_normal((3, x.shape[1]))
    model = MLKR()
    model.n_iter_ = 0

    def loss(l):
        """Re-derivation: sum_i (yhat_i - y_i)^2, yhat_i = sum_{j != i} softmax_j(-||L x_i - L x_j||^2) y_j."""
        z = x @ l.T
        d = ((z[:, None, :] - z[None, :, :]) ** 2).sum(-1)
        np.fill_diagonal(d, np.inf)
        p = np.exp(-d - logsumexp(-d, axis=1)[:, None])
        return float(((p @ y - y) ** 2).sum())

    cases = {}
    for name, l in (("identity", np.eye(x.shape[1])), ("random3x10", random_l)):
        cost, gradient = model._loss(l.ravel(), x, y)
        _close(cost, loss(l), 1e-10, "MLKR loss (%s)" % name)
        cases[name] = {"L": _matrix(l), "loss": float(cost), "gradient": _matrix(gradient.reshape(l.shape))}
    fits = {}
    for name, arguments in (("default", {}), ("pca2", {"n_components": 2, "init": "pca"})):
        fitted = MLKR(random_state=0, **arguments).fit(x, y)
        cost, _ = model._loss(fitted.components_.ravel(), x, y)
        fits[name] = {"arguments": arguments, "loss": float(cost),
                      "initialLoss": float(model._loss(np.eye(x.shape[1]).ravel() if not arguments else
                                                       _pca_start(x, 2).ravel(), x, y)[0]),
                      "M": _matrix(fitted.get_mahalanobis_matrix())}
    return {
        "diabetesRows": rows.tolist(), "rowsSource": "every fourth row of the bundled diabetes.csv (0, 4, 8, ...)",
        "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "totalSumOfSquares": float(((y - y.mean()) ** 2).sum()),
        "randomLSource": "0.5 * np.random.default_rng(0).standard_normal((3, 10))",
        "cases": cases, "fits": fits,
    }


def _pca_start(x, count):
    from sklearn.decomposition import PCA

    return PCA(n_components=count).fit(x).components_


def part_knn_regression():
    import numpy as np
    from sklearn.metrics import mean_absolute_error, r2_score, root_mean_squared_error
    from sklearn.neighbors import KNeighborsRegressor

    x, y = _diabetes()
    test = np.arange(0, len(y), 5)
    train = np.setdiff1d(np.arange(len(y)), test)
    models = {}
    for k in (1, 3, 5, 10):
        for weights in ("uniform", "distance"):
            knn = KNeighborsRegressor(n_neighbors=k, algorithm="brute", weights=weights).fit(x[train], y[train])
            models["k%d-%s" % (k, weights)] = {"nNeighbors": k, "weights": weights,
                                                "predictions": knn.predict(x[test]).tolist()}

    # Ties: points on an integer grid, some repeated, queried at grid points (zero distances) and between them.
    grid = np.array([[a, b] for a in range(4) for b in range(3)] + [[1, 1], [2, 2], [0, 0]], dtype=float)
    grid_y = np.array([float((7 * i) % 11) + 0.25 * i for i in range(len(grid))])
    queries = np.array([[1, 1], [0.5, 0.5], [1.5, 1], [2, 2], [3, 1.5], [0, 0], [2.5, 0.5]], dtype=float)
    tie_models = {}
    for k in (1, 2, 3, 4, 6):
        for weights in ("uniform", "distance"):
            knn = KNeighborsRegressor(n_neighbors=k, algorithm="brute", weights=weights).fit(grid, grid_y)
            tie_models["k%d-%s" % (k, weights)] = {"nNeighbors": k, "weights": weights,
                                                    "predictions": knn.predict(queries).tolist(),
                                                    "neighbors": knn.kneighbors(queries)[1].tolist()}
    distances = np.sqrt(((queries[:, None, :] - grid[None, :, :]) ** 2).sum(-1))
    ordered = np.sort(distances, axis=1)
    tied = {str(k): [int(q) for q in range(len(queries)) if ordered[q, k - 1] == ordered[q, k]] for k in (1, 2, 3, 4, 6)}

    y_true = y[test]
    y_pred = models["k5-uniform"]["predictions"]
    metrics = {"trueTargets": y_true.tolist(), "predictedTargets": y_pred,
               "r2": float(r2_score(y_true, y_pred)), "rmse": float(root_mean_squared_error(y_true, y_pred)),
               "mae": float(mean_absolute_error(y_true, y_pred)),
               "constantTrue": {"trueTargets": [2.0, 2.0, 2.0], "predictedTargets": [2.0, 2.5, 1.0],
                                "r2": float(r2_score([2.0, 2.0, 2.0], [2.0, 2.5, 1.0])),
                                "r2Perfect": float(r2_score([2.0, 2.0, 2.0], [2.0, 2.0, 2.0]))}}
    return {
        "split": "test = every fifth row of the bundled diabetes.csv (0, 5, 10, ...), train = the others",
        "trainIndices": train.tolist(), "testIndices": test.tolist(), "models": models,
        "ties": {"points": _matrix(grid), "targets": grid_y.tolist(), "queries": _matrix(queries),
                 "models": tie_models, "queriesWithTiedKthNeighbor": tied},
        "metrics": metrics,
    }


def _sugiyama_lfda(x, y, k, embedding, n_components):
    """Sugiyama's LFDA (JMLR 2007 and his MATLAB LFDA.m) in numpy: sigma_i = distance to the k-th same-class
    neighbour, A_ij = exp(-d_ij^2 / (sigma_i sigma_j)), S_w = sum_c G_c / n_c, S_b = S_lm - S_w; components
    from scipy.linalg.eigh(S_b, S_w), largest eigenvalues first."""
    import numpy as np
    import scipy.linalg

    n, d = x.shape
    within, between = np.zeros((d, d)), np.zeros((d, d))
    for c in np.unique(y):
        xc = x[y == c]
        nc = len(xc)
        squared = ((xc[:, None, :] - xc[None, :, :]) ** 2).sum(-1)
        sigma = np.sqrt(np.sort(squared, axis=1)[:, min(k, nc - 1)])
        affinity = np.exp(-squared / np.outer(sigma, sigma))
        g = xc.T @ (affinity.sum(axis=1)[:, None] * xc) - xc.T @ affinity @ xc
        within += g / nc
        between += g / n + (1 - nc / n) * xc.T @ xc + np.outer(xc.sum(0), xc.sum(0)) / n
    between -= np.outer(x.sum(0), x.sum(0)) / n + within
    values, vectors = scipy.linalg.eigh((between + between.T) / 2, (within + within.T) / 2)
    order = np.argsort(-values)[:n_components or d]
    values, vectors = values[order], vectors[:, order]
    if embedding == "weighted":
        vectors = vectors * np.sqrt(values)
    elif embedding == "orthonormalized":
        vectors, _ = np.linalg.qr(vectors)
    return vectors.T, values


def part_lfda():
    import warnings

    import numpy as np
    import metric_learn
    import metric_learn.lfda

    class CorrectedScaleNumpy:
        """numpy, except that partition(a, k, axis=0) returns its result transposed: metric-learn 0.7.0's
        `np.partition(dist, k, axis=0)[:, k]` then reads row k (each sample's k-th neighbour distance)."""

        def __getattr__(self, name):
            return getattr(np, name)

        @staticmethod
        def partition(a, k, axis=0):
            return np.partition(a, k, axis=0).T

    x_raw, y, names, classes = _wine()
    x, scaler = _standardized(x_raw)
    k = 5
    cases = {}
    for embedding in ("weighted", "orthonormalized", "plain"):
        for n_components in (None, 2):
            components, values = _sugiyama_lfda(x, y, k, embedding, n_components)
            metric = components.T @ components
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                shipped = metric_learn.LFDA(k=k, embedding_type=embedding, n_components=n_components).fit(x, y)
                metric_learn.lfda.np = CorrectedScaleNumpy()
                try:
                    corrected = metric_learn.LFDA(k=k, embedding_type=embedding, n_components=n_components).fit(x, y)
                finally:
                    metric_learn.lfda.np = np
            shipped_metric = shipped.components_.T @ shipped.components_
            corrected_metric = corrected.components_.T @ corrected.components_
            label = "%s/%s" % (embedding, n_components or "all")
            if embedding == "weighted":
                # metric-learn's S_b is S_lm + S_w (it subtracts (s s^T/n - S_w)), so its eigenvalues are ours + 2.
                plain, _ = _sugiyama_lfda(x, y, k, "plain", n_components)
                scaled = plain * np.sqrt(values + 2)[:, None]
                _close(corrected_metric, scaled.T @ scaled, 1e-9, "LFDA %s: metric-learn (scale corrected) = sqrt(lambda+2)" % label)
            else:
                _close(corrected_metric, metric, 1e-9, "LFDA %s: metric-learn (scale corrected) vs Sugiyama" % label)
            if (embedding, n_components) != ("orthonormalized", None):  # that one is I whatever the scales
                assert np.max(np.abs(shipped_metric - corrected_metric)) > 1e-3 * np.max(np.abs(metric))
            cases[label] = {"embedding": embedding, "componentCount": n_components, "M": _matrix(metric),
                            "eigenvalues": values.tolist()}
    return {
        "featureNames": names, "classes": classes,
        "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "neighborCount": k, "cases": cases,
    }


def part_dmlmj():
    import numpy as np
    from dml import DMLMJ

    x_raw, y, names, classes = _wine()
    x, scaler = _standardized(x_raw)
    k = 3
    heterogeneous, homogeneous = DMLMJ._compute_neighborhoods(x, y, k)
    positive, negative = DMLMJ._compute_matrices(x, heterogeneous, homogeneous)
    determinants = [float(np.linalg.det(positive)), float(np.linalg.det(negative))]
    assert min(determinants) >= 1e-10, "pyDML would regularise: the fixture wants its unregularised solution"
    cases = {}
    for n_components in (None, 2, 5):
        model = DMLMJ(n_neighbors=k, num_dims=n_components).fit(x, y)
        components = model.transformer()
        metric = components.T @ components
        if n_components is None:
            _close(metric, np.linalg.inv(positive), 1e-9, "DMLMJ with every component: M = S^-1")
        cases[str(n_components or "all")] = {"componentCount": n_components, "M": _matrix(metric)}
    return {
        "featureNames": names, "classes": classes,
        "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "neighborCount": k, "positiveScatter": _matrix(positive), "negativeScatter": _matrix(negative),
        "scatterDeterminants": determinants, "cases": cases,
    }


def part_rca():
    import warnings

    import numpy as np
    from metric_learn import RCA

    x_raw, y, names, classes = _wine()
    x, scaler = _standardized(x_raw)
    rng = np.random.default_rng(0)
    chunklets, used = [], set()
    while len(chunklets) < 30:
        label = int(rng.integers(len(classes)))
        pool = [i for i in range(len(y)) if y[i] == label and i not in used]
        chosen = sorted(int(i) for i in rng.choice(pool, 3, replace=False))
        used.update(chosen)
        chunklets.append(chosen)
    chunks = -np.ones(len(y), dtype=int)
    for index, members in enumerate(chunklets):
        chunks[members] = index
    centred = np.vstack([x[members] - x[members].mean(axis=0) for members in chunklets])
    within = centred.T @ centred / len(centred)
    cases = {}
    for n_components in (None, 2):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = RCA(n_components=n_components).fit(x, chunks)
        metric = model.components_.T @ model.components_
        if n_components is None:
            _close(metric, np.linalg.inv(within), 1e-9, "RCA: M = inverse within-chunklet covariance")
        cases[str(n_components or "all")] = {"componentCount": n_components, "M": _matrix(metric)}
    return {
        "featureNames": names, "classes": classes,
        "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "chunklets": chunklets,
        "chunkletSource": "numpy default_rng(0): 30 times, a class c = rng.integers(3), then "
                          "rng.choice(rows of class c in no chunklet yet, 3, replace=False), sorted",
        "withinChunkletCovariance": _matrix(within), "cases": cases,
    }


PARTS = {
    "whitening-metric-learn": ("metric-learn", part_whitening_metric_learn),
    "whitening-sklearn": ("sklearn", part_whitening_sklearn),
    "nca": ("sklearn", part_nca),
    "itml": ("metric-learn", part_itml),
    "itml-bounds": ("metric-learn", part_itml_bounds),
    "lmnn": ("sklearn", part_lmnn),
    "metrics": ("sklearn", part_metrics),
    "knn": ("sklearn", part_knn),
    "relieff": ("sklearn", part_relieff),
    "mmc": ("metric-learn", part_mmc),
    "gmml": ("sklearn", part_gmml),
    "pair-verification": ("metric-learn", part_pair_verification),
    "lfda": ("metric-learn", part_lfda),
    "dmlmj": ("pydml", part_dmlmj),
    "rca": ("metric-learn", part_rca),
    "mlkr": ("metric-learn", part_mlkr),
    "knn-regression": ("sklearn", part_knn_regression),
}


# ---------------------------------------------------------------------------------------------
# Orchestrator (standard library only)

DESCRIPTIONS = {
    "whitening_iris": (
        "Whitening references on RAW (unscaled) iris and wine. metricLearnCovarianceM is metric-learn 0.7.0 "
        "Covariance().fit(X).get_mahalanobis_matrix(): the pseudo-inverse (scipy pinvh) of np.cov(X, rowvar=False), "
        "i.e. the sample covariance with ddof=1, re-formed as L^T L; numpyInverseCovariance is np.linalg.inv of the "
        "same ddof=1 covariance (they agree to ~1e-8 relative). ledoitWolfShrinkage is scikit-learn "
        "ledoit_wolf_shrinkage(X) with its default assume_centered=False: X is centered by its column means, the "
        "empirical covariance S uses 1/n (ddof=0, stored as empiricalCovarianceDdof0), and ledoitWolfCovariance = "
        "(1 - shrinkage) * S + shrinkage * (trace(S)/d) * I (checked here). The metric-learn numbers come from the "
        "metric-learn venv (versions.metricLearnVenv); the scikit-learn numbers from the scikit-learn 1.9 venv."),
    "nca_iris": (
        "scikit-learn NeighborhoodComponentsAnalysis._loss_grad_lbfgs(L.ravel(), X, same_class_mask, sign=1.0) "
        "on iris, RAW and STANDARDIZED (StandardScaler on all 150 rows), at L = identity (4x4) and at L = randomL "
        "(2x4). With sign=+1.0 the returned loss is +sum_i p_i, where p_i = sum_{j != i, y_j = y_i} p_ij and "
        "p_ij = exp(-||L x_i - L x_j||^2) / sum_{m != i} exp(-||L x_i - L x_m||^2) (p_ii = 0): the expected number "
        "of correctly classified points, to be MAXIMISED; gradient is d(+sum_i p_i)/dL, shape of L, row-major. "
        "scikit-learn's fit minimises the same function with sign=-1.0 (loss and gradient negated; checked). "
        "Squared Euclidean distances in the embedding, no 1/n normalisation. The objective was re-derived with "
        "numpy and the standardized-data gradients checked by central finite differences (step 1e-6)."),
    "itml_iris": (
        "metric-learn 0.7.0 ITML (weakly supervised, pairs given) on STANDARDIZED iris (StandardScaler on all 150 "
        "rows). pairs are row indices into iris, pairLabels +1 (similar) / -1 (dissimilar); the pairs array passed "
        "to fit is X[pairs], shape (120, 2, 4). Parameters gamma=1, max_iter=1000, tol=1e-3 (0.7.0 renamed "
        "convergence_threshold to tol, same default), prior='identity'. Default bounds (runs.defaultBounds.bounds) "
        "are np.percentile(pairwise_distances(U), (5, 95)) with U = np.unique of the 240 pair endpoint rows "
        "(duplicates removed: uniqueRowsInPairs rows) and the FULL square Euclidean distance matrix of U "
        "(NOT squared, diagonal zeros included, linear interpolation); they are then used as the targets u "
        "(similar) and l (dissimilar) for the SQUARED Mahalanobis distance (x_a-x_b)^T M (x_a-x_b). "
        "runs.explicitBounds passes bounds=boundsArgument instead ([u, l], the 5th/95th percentiles of the 11175 "
        "distinct non-squared pairwise distances of all 150 standardized rows, rounded to 4 decimals). Solver as in "
        "metric-learn: each sweep visits all similar pairs in the given order, then all dissimilar pairs "
        "(Bregman projections with slack, gamma_proj = gamma/(gamma+1)); after each sweep "
        "conv = sum|lambda_old - lambda| / (||lambda|| + ||lambda_old||) and it stops when conv < tol. nIter is "
        "metric-learn's n_iter_, the 0-based index of the last sweep (sweeps = nIter + 1). M is "
        "get_mahalanobis_matrix(); pairSquaredDistances are the constraint pairs' squared distances under M."),
    "itml_bounds": (
        "metric-learn 0.7.0 ITML's automatic bounds (bounds_ after fit(X[pairs], pairLabels) with bounds=None; "
        "max_iter=1 as only bounds_ is recorded, it is set before the first sweep). Cases: irisStandardized and "
        "wineStandardized (features standardized: StandardScaler on all rows, standardScalers) and irisRaw (features "
        "raw, unscaled; iris rows 101 and 142 "
        "are identical and extraPairs joins them as a similar pair). pairs are row indices, pairLabels +1 similar / "
        "-1 dissimilar. metric-learn's rule, re-derived here with numpy and checked to 1e-12: U = np.unique of the "
        "pair endpoint rows (identical rows collapse: uniqueRowsInPairs), bounds_ = np.percentile of the FULL square "
        "matrix of Euclidean (not squared) distances between the rows of U, diagonal zeros and both triangles "
        "included, (5, 95), linear interpolation; it ignores the prior (metricLearnBoundsCovariancePrior, with "
        "prior='covariance', is the same). constrainedPairPercentiles is a different rule, computed with numpy: "
        "np.percentile of the Euclidean distances of the constrained pairs themselves, one per pair (a pair drawn "
        "twice counts twice), pairs of identical rows left out, (5, 95). supervisedBounds are bounds_ of "
        "ITML_Supervised(random_state=0) (its own sampled constraints, 20 c^2 of each kind for c classes) on the "
        "standardized tables. Both bounds bound SQUARED Mahalanobis distances in ITML."),
    "lmnn_small": (
        "PyLMNN 1.6.4 LargeMarginNearestNeighbor objective on 30 iris rows (irisRows: 0-9, 50-59, 100-109), "
        "standardized with the mean/population std of those 30 rows (X is stored), k=3, weight_push_loss mu=0.5. "
        "Target neighbours: the k nearest same-class rows in the INPUT space (Euclidean, self excluded, "
        "sklearn NearestNeighbors order; indices into the 30 rows), fixed for the whole fit. With squared distances "
        "d_ab = ||L x_a - L x_b||^2, PyLMNN's loss is ((1-mu)/mu) * pull + push, where pull = sum_i sum_{j in TN(i)} "
        "d_ij and push = sum over triplets (i, j in TN(i), l with y_l != y_i) of max(0, 1 + d_ij - d_il)^2 -- a "
        "SQUARED hinge with margin 1, push weight normalised to 1 (so at mu=0.5 the pull weight is 1). A triplet is "
        "active iff 1 + d_ij - d_il > 0 strictly (a tie, hinge exactly 0, is not counted); activeTriplets counts "
        "them. pylmnnGradient = 2 L [((1-mu)/mu) sum_{i,j} C_ij + sum_active 2 h_ijl (C_ij - C_il)] with "
        "C_ab = (x_a - x_b)(x_a - x_b)^T, row-major, shape of L. For an implementation of the textbook objective "
        "(Weinberger & Saul: (1-mu) * pull + mu * sum of plain hinges) textbookLoss/textbookGradient are given, "
        "computed with numpy from the same triplets (pushHinge = sum of plain hinges). The PyLMNN numbers come from "
        "its private _loss_grad_lbfgs (identical with the list and sparse impostor stores) and were re-derived "
        "with numpy. samplesWithTiedKthTargetNeighbor lists rows whose k-th and (k+1)-th same-class distances tie "
        "(target neighbours then depend on tie-breaking)."),
    "metrics": (
        "scikit-learn classification metrics on two fixed label vectors: threeClasses (3 x 20 samples with errors) "
        "and fourClassesOneNeverPredicted (class 3 is never predicted, so its precision is 0/0 -> 0 with "
        "zero_division=0). perClass = precision_recall_fscore_support(average=None, zero_division=0) in label order; "
        "macro/weighted/micro the averaged versions; classificationReport is classification_report(y_true, y_pred, "
        "digits=2, zero_division=0) verbatim (default integer target names)."),
    "knn_iris": (
        "scikit-learn KNeighborsClassifier(algorithm='brute', metric minkowski p=2 i.e. Euclidean) on RAW iris, "
        "trained on trainIndices, queried on testIndices (iris row numbers). predictions are class codes, "
        "predictProba rows in class order. weights='uniform' votes equally, ties in votes go to the smallest class "
        "code; weights='distance' weighs by 1/distance, and a query with a zero distance to a training row gives "
        "weight 1 to the zero-distance rows and 0 to the others. testPositionsWithTiedKthNeighbor are positions in "
        "testIndices whose k-th and (k+1)-th training distances tie (the neighbour set depends on tie-breaking). "
        "kneighbors: n_neighbors=5 for the first three test rows; trainPositions index trainIndices, irisRows are "
        "the same neighbours as iris row numbers, distances are Euclidean (not squared)."),
    "relieff_wine": (
        "skrebate ReliefF(n_neighbors=10).fit(X, y).feature_importances_ on STANDARDIZED wine (StandardScaler on "
        "all 178 rows). Conventions (re-derived with numpy and checked): a feature with <= 10 distinct values "
        "would be treated as discrete (none is here: uniqueValuesPerFeature); neighbours are found with the "
        "Manhattan distance on min-max normalised features; for each row i, the k nearest hits (same class) and "
        "the k nearest misses FROM EACH other class; with delta_f(a, b) = |x_af - x_bf| / (max_f - min_f), "
        "w_f = (1/n) sum_i [ -(1/k) sum_{h in hits(i)} delta_f(i, h) + (1/(k (C-1))) sum_{m in misses(i)} "
        "delta_f(i, m) ] -- the miss classes are weighted equally (class priors are NOT used) and scores are not "
        "clipped. The benchmarks use sqrt(max(w, 0)) as per-feature scaling."),
    "mmc_pairs": (
        "metric-learn 0.7.0 MMC on STANDARDIZED iris (60 similar + 60 dissimilar pairs) and wine (40 + 40), pairs drawn "
        "as itml_iris.json's pairSource with numpy default_rng(0) and stored under runs.<data>/pairs (pairLabels +1 "
        "similar, -1 dissimilar, similar first). Defaults: max_iter=100, max_proj=10000, tol=1e-3, init='identity', "
        "diagonal_c=1. M is get_mahalanobis_matrix() (full: the last accepted A_old; diagonal: diag(w)). nIter is "
        "metric-learn's n_iter_ (the 0-based index of the last cycle; cycles = nIter + 1) and converged its "
        "converged_ (full solver only; the diagonal solver records neither). similarBound is t = (sum over similar "
        "pairs of v^T v) / 100, the bound on the similar pairs' summed squared distance under the identity start."),
    "gmml_iris": (
        "GMML (Zadeh, Hosseini & Sra 2016) on STANDARDIZED iris with itml_iris.json's 60 similar + 60 dissimilar "
        "pairs, from gmml_numpy.py: a NumPy/SciPy transcription of the paper's closed form (pyDML 0.1.0 on PyPI has "
        "no GMML; metric-learn has none). M = A #_t B = A^(1/2) (A^(-1/2) B A^(-1/2))^t A^(1/2) with "
        "A = inv(S + lambda I), B = D + lambda I, S and D the sums of v v^T over the similar and dissimilar pairs "
        "(v = x_first - x_second), computed with scipy.linalg.sqrtm and fractional_matrix_power. Runs are keyed "
        "t<geodesicStep>-lambda<regularization>; for t = 1/2, lambda = 0 the Riccati equation M S M = D is checked."),
    "pair_verification": (
        "metric-learn 0.7.0 calibrate_threshold (with scikit-learn 1.4.2 curves) on FIXED scores, and scikit-learn "
        "pair-verification metrics on the same scores. Each case has scores (the decision_function, i.e. -distance: "
        "higher is more similar) and labels (+1 similar, -1 dissimilar) drawn with numpy default_rng(0): similar with "
        "probability 0.4, score = [similar] + N(0, 0.8); 'ties' rounds scores to 1 decimal, 'small' has 12 pairs. "
        "thresholds[strategy] is threshold_ after calibrate_threshold (a DISTANCE threshold: a pair is similar when "
        "-score <= threshold; -inf when nothing is accepted), with keys accuracy, f-beta/<beta>, max-tpr/<min_rate>, "
        "max-tnr/<min_rate> (the string '-Infinity' stands for -inf, which JSON cannot hold). rocAuc = roc_auc_score, averagePrecision = average_precision_score, rocFull* = "
        "roc_curve(drop_intermediate=False) with thresholds given as distances (the leading inf dropped), "
        "rocCorner* = the default roc_curve (drop_intermediate=True; count includes the leading point). "
        "equalErrorRate is re-derived with numpy: the false-positive rate where fpr + tpr - 1 crosses 0 on the "
        "straight segments of the full curve. tprAtFpr[r] = the largest tpr of a full-curve point with fpr <= r. "
        "accuracy/f1/f2AtFixedThreshold: accuracy_score, f1_score and fbeta_score(beta=2) of the predictions "
        "-score <= fixedThreshold (the median distance)."),
    "lfda_wine": (
        "LFDA on STANDARDIZED wine (StandardScaler on all 178 rows), neighborCount k = 5, for each embedding "
        "(weighted, orthonormalized, plain) with every component and with 2. M = L^T L of Sugiyama's LFDA (JMLR "
        "2007 and his MATLAB LFDA.m) re-derived in numpy: sigma_i = Euclidean distance from x_i to its k-th nearest "
        "neighbour of the same class (self excluded), A_ij = exp(-||x_i - x_j||^2 / (sigma_i sigma_j)) within a "
        "class, G_c = X_c^T diag(A 1) X_c - X_c^T A X_c, S_w = sum_c G_c / n_c, S_lm = sum_c [G_c/n + (1 - n_c/n) "
        "X_c^T X_c + s_c s_c^T / n] - s s^T / n, S_b = S_lm - S_w; scipy.linalg.eigh(S_b, S_w) (eigenvectors with "
        "v^T S_w v = 1), largest eigenvalues first (eigenvalues stored); weighted scales v by sqrt(lambda), "
        "orthonormalized is numpy.linalg.qr of the eigenvectors, plain leaves them. metric-learn 0.7.0's LFDA differs "
        "from this in two places, and this file is checked against it with both accounted for: (1) its local scale "
        "is np.partition(dist, k, axis=0)[:, k] -- column k of the column-partitioned distances, i.e. distances from "
        "sample k, not each sample's k-th neighbour distance; golden.py runs metric-learn with that one call "
        "corrected (partition's result transposed) and requires its M to equal the plain and orthonormalized ones "
        "here to 1e-9, while the uncorrected metric-learn differs by more than 1e-3 relative (checked; orthonormalized with every component is the identity whatever the scales); (2) its "
        "final step is tSb -= (s s^T/n - tSw), so its S_b is S_lm + S_w and its eigenvalues are lambda + 2: its "
        "weighted embedding scales by sqrt(lambda + 2) (checked to 1e-9 with the corrected scale) where Sugiyama "
        "scales by sqrt(lambda). metric-learn's default k is min(7, d - 1); k = 5 is given here."),
    "dmlmj_wine": (
        "pyDML 0.1.0 DMLMJ(n_neighbors=3, num_dims=None|2|5) on STANDARDIZED wine (StandardScaler on all 178 rows); "
        "M = L^T L of transformer(). pyDML: for each sample the 3 nearest same-class and the 3 nearest other-class "
        "samples (Euclidean, sklearn pairwise_distances, stable sort: ties by lower index); positiveScatter S and "
        "negativeScatter D are the mean outer products of the differences (divided by n k); when det(S) or det(D) "
        "is below 1e-10 pyDML replaces it by 0.999 M + 0.001 I -- not the case here (scatterDeterminants); "
        "scipy.linalg.eigh(D, S) (v^T S v = 1), eigenpairs ranked by lambda + 1/lambda (of |lambda|), largest first, "
        "L = the first num_dims eigenvectors as rows. With every component M = S^-1 (checked to 1e-9). The "
        "versions are those of the pyDML venv."),
    "rca_wine": (
        "metric-learn 0.7.0 RCA(n_components=None|2).fit(X, chunks) on STANDARDIZED wine (StandardScaler on all "
        "178 rows) with 30 given chunklets of 3 rows (chunklets: row indices, each row in at most one; chunks[i] is "
        "the chunklet number of row i, -1 for rows in none). withinChunkletCovariance = sum over chunklets of "
        "(x - chunklet mean)(x - chunklet mean)^T / (rows in chunklets), numpy; with every component M = its inverse "
        "(checked to 1e-9). With n_components=2 metric-learn keeps the eigenvectors of lstsq(C_t, C_w) with the "
        "smallest eigenvalues (C_t = np.cov of the chunklet rows, ddof 1), A, and L = (A^T C_w A)^(-1/2) A^T."),
    "cv_reference": (
        "5-fold CV accuracies of the peers with the benchmark protocol: StratifiedKFold(n_splits=5, shuffle=True, "
        "random_state=0) on the encoded labels, computed once with scikit-learn 1.9 and given to both venvs "
        "(folds[i] = test indices of fold i, iris/wine row numbers; the training fold is the rest), "
        "StandardScaler fitted on each training fold, the learner fitted on the scaled training fold, "
        "KNeighborsClassifier(n_neighbors=3, algorithm='brute') in the learned space, accuracy on the test fold. "
        "Learners: scikit-learn NeighborhoodComponentsAnalysis(random_state=0) (defaults max_iter=50, tol=1e-5, "
        "init='auto'); metric-learn NCA(random_state=0), LMNN(n_neighbors=3, random_state=0), "
        "ITML_Supervised(random_state=0) (constraints are sampled, hence the seed), Covariance(); PyLMNN "
        "LargeMarginNearestNeighbor(n_neighbors=3, random_state=0) (defaults: init='pca', max_iter=50); skrebate "
        "ReliefF(n_neighbors=10) weights w applied as feature scaling sqrt(max(w, 0)); plain Euclidean 3-NN. "
        "accuracyStd is the population standard deviation over folds. No timings (see results-peers.json)."),
    "mlkr_diabetes": (
        "metric-learn 0.7.0 MLKR on every fourth row of the bundled diabetes table (diabetesRows, 111 x 10), features "
        "STANDARDIZED (StandardScaler on those rows), targets in their raw units. cases: MLKR()._loss(L.ravel(), X, y) "
        "at L = identity (10x10) and L = randomL (3x10): loss = sum_i (yhat_i - y_i)^2 with yhat_i = sum_{j != i} "
        "p_ij y_j, p_ij = softmax over j != i of -||L x_i - L x_j||^2 (re-derived with numpy and checked to 1e-10); "
        "gradient is d loss / dL, row-major, shape of L (metric-learn's 4 (X_emb^T W_sym) X form). MetricLearn's MLKR "
        "minimises loss / totalSumOfSquares (sum (y - mean y)^2), so its value and gradient are these divided by it. "
        "fits: MLKR(random_state=0) (init 'auto' = identity at n_components = d, max_iter 1000, tol None: scipy "
        "L-BFGS-B defaults) and MLKR(n_components=2, init='pca'); loss is _loss at the fitted components, "
        "initialLoss at the start, M = get_mahalanobis_matrix()."),
    "knn_regression": (
        "scikit-learn KNeighborsRegressor(algorithm='brute', Euclidean) on the RAW bundled diabetes table: trained on "
        "trainIndices, queried on testIndices (every fifth row), k in 1, 3, 5, 10, weights uniform (mean of the k "
        "targets) and distance (sum w y / sum w with w = 1/d, or, when some neighbours are at distance 0, w = 1 for "
        "those and 0 for the others). ties: 15 points on an integer grid (three repeated) with targets, queried at "
        "grid points and half-way points, where neighbour sets depend on tie-breaking: "
        "queriesWithTiedKthNeighbor[k] lists the queries whose k-th and (k+1)-th distances are equal, and neighbors "
        "the rows kneighbors returns (its ArgKmin heap keeps, among rows tied at the k-th distance, whichever its "
        "sift-down leaves; not always the lower index), in its order. metrics: "
        "r2_score, root_mean_squared_error and mean_absolute_error of the k5-uniform predictions, and r2_score with "
        "constant true targets (force_finite: 1 for a perfect prediction, 0 otherwise)."),
}

FIXTURES = {
    "whitening_iris": (["whitening-metric-learn", "whitening-sklearn"], ["metric-learn"]),
    "nca_iris": (["nca"], []),
    "itml_iris": (["itml"], ["metric-learn"]),
    "itml_bounds": (["itml-bounds"], ["metric-learn"]),
    "lmnn_small": (["lmnn"], ["pylmnn"]),
    "metrics": (["metrics"], []),
    "knn_iris": (["knn"], []),
    "relieff_wine": (["relieff"], ["skrebate"]),
    "mmc_pairs": (["mmc"], ["metric-learn"]),
    "gmml_iris": (["gmml"], []),
    "pair_verification": (["pair-verification"], ["metric-learn"]),
    "lfda_wine": (["lfda"], ["metric-learn"]),
    "dmlmj_wine": (["dmlmj"], ["pyDML"]),
    "rca_wine": (["rca"], ["metric-learn"]),
    "mlkr_diabetes": (["mlkr"], ["metric-learn"]),
    "knn_regression": (["knn-regression"], []),
}


def run_part(name):
    group, _ = PARTS[name]
    command = [peerlib.VENV_PYTHON[group], os.path.abspath(__file__), "--part", name]
    done = subprocess.run(command, capture_output=True, text=True, cwd=peerlib.HERE)
    if done.returncode != 0:
        raise SystemExit("golden.py: part %s failed:\n%s" % (name, done.stderr))
    return group, json.loads(done.stdout)


def merged_versions(groups, extra):
    """One "versions" object: the packages of the first group at top level, plus the metric-learn
    venv's own numpy/scipy/scikit-learn under metricLearnVenv when both venvs contributed."""
    names = BASE_PACKAGES + extra
    if len(groups) == 1 and groups != {"sklearn"}:
        return run_versions(next(iter(groups)), names)
    versions = run_versions("sklearn", [name for name in names if name != "metric-learn"])
    if "metric-learn" in groups:
        other = run_versions("metric-learn", BASE_PACKAGES + ["metric-learn"])
        versions["metric-learn"] = other.pop("metric-learn")
        versions["metricLearnVenv"] = other
    return versions


def run_versions(group, names):
    code = "import json, sys; sys.path.insert(0, %r); import peerlib; print(json.dumps(peerlib.package_versions(%r)))"
    done = subprocess.run([peerlib.VENV_PYTHON[group], "-c", code % (peerlib.HERE, names)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def build_fixture(name):
    part_names, extra = FIXTURES[name]
    body, groups = {}, set()
    for part_name in part_names:
        group, value = run_part(part_name)
        groups.add(group)
        for key, item in value.items():
            if key in body and isinstance(body[key], dict):
                body[key].update(item)
            else:
                body[key] = item
    body["versions"] = merged_versions(groups, extra)
    return body


def build_cv_reference():
    import tempfile

    import run_peers

    body = {"protocol": {"folds": peerlib.CV_FOLDS, "shuffle": True, "randomState": peerlib.CV_SEED,
                         "scaler": "StandardScaler per training fold", "classifier": "KNeighborsClassifier(3, brute)"},
            "datasets": {}}
    for dataset in ("iris", "wine"):
        path = peerlib.bundled_csv(dataset)
        with tempfile.TemporaryDirectory() as scratch:
            folds_path = os.path.join(scratch, "folds.json")
            run_peers.run_worker("sklearn", ["--dataset", path, "--out", folds_path], 600)
            with open(folds_path) as handle:
                folds = json.load(handle)
            methods = {}
            for method in run_peers.METHODS:
                result = run_peers.run_peer(method, path, folds_path, 1800)
                if result["status"] != "ok":
                    raise SystemExit("golden.py: %s on %s: %s" % (method, dataset, result.get("note")))
                methods[method] = {key: result[key] for key in (
                    "label", "library", "ours", "accuracyPerFold", "accuracyMean", "accuracyStd")}
                if "iterationsPerFold" in result:
                    methods[method]["iterationsPerFold"] = result["iterationsPerFold"]
        body["datasets"][dataset] = {"folds": [test for _, test in folds], "methods": methods}
    body["versions"] = merged_versions({"sklearn", "metric-learn"}, ["pylmnn", "skrebate"])
    return body


def main(argv=None):
    everything = sorted(list(FIXTURES) + ["cv_reference"])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fixtures", nargs="*", metavar="FIXTURE",
                        help="which fixtures (default: all): " + ", ".join(everything))
    parser.add_argument("--out", default=peerlib.FIXTURES_DIR, help="output folder (default: %(default)s)")
    parser.add_argument("--part", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)

    unknown = sorted(set(arguments.fixtures) - set(everything))
    if unknown:
        parser.error("unknown fixture(s) %s; choose from %s" % (", ".join(unknown), ", ".join(everything)))
    if arguments.part:
        json.dump(PARTS[arguments.part][1](), sys.stdout, sort_keys=True)
        return 0
    for group, python in peerlib.VENV_PYTHON.items():
        if not os.access(python, os.X_OK):
            raise SystemExit("golden.py: venv %s is missing; run Benchmarks/peers/setup.sh first" % python)
    os.makedirs(arguments.out, exist_ok=True)
    for name in arguments.fixtures or everything:
        body = build_cv_reference() if name == "cv_reference" else build_fixture(name)
        body["description"] = DESCRIPTIONS[name]
        path = os.path.join(arguments.out, name + ".json")
        peerlib.write_json(path, body)
        print("wrote %s" % os.path.relpath(path, peerlib.REPO_ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
