"""Writes the .npy fixtures of NPYReaderTests with NumPy itself.

Run with the scikit-learn venv: Benchmarks/peers/.venv-sklearn/bin/python Benchmarks/peers/npy_fixtures.py
Writes Tests/MetricLearnTests/Fixtures/NPY/*.npy and npy_fixtures.json (the expected values, row-major, and the
NumPy version). Every feature file is 3 x 4 with distinct values, so a transposed or misread file fails its test.
"""
import json
import pathlib

import numpy as np
from numpy.lib import format as npy_format

root = pathlib.Path(__file__).resolve().parents[2]
out = root / "Tests" / "MetricLearnTests" / "Fixtures" / "NPY"
out.mkdir(parents=True, exist_ok=True)

signed = np.array([[1, -2, 3, 4], [5, 6, -7, 8], [9, 10, 11, -12]])
fractions = signed + np.array([[0.5, 0.25, 0, 0.75], [0, 0.5, 0.125, 0], [0.25, 0, 0.5, 0]])
unsigned = np.abs(signed) + 200          # beyond int8's range where it matters (u1: 201..212)

manifest = {"numpy": np.__version__, "features": [], "labels": []}


def save(name, array, version=None):
    path = out / name
    if version is None:
        np.save(path, array)
    else:
        with open(path, "wb") as f:
            npy_format.write_array(f, array, version=version)
    return name


for dtype in ["<f8", "<f4", ">f8", ">f4"]:
    for order in ["C", "F"]:
        array = np.asarray(fractions, dtype=np.dtype(dtype), order=order)
        name = save(f"features_{dtype[0] == '<' and 'le' or 'be'}_{dtype[1:]}_{order}.npy", array)
        manifest["features"].append({"file": name, "dtype": dtype, "order": order, "version": "1.0",
                                     "values": fractions.ravel().tolist()})
for dtype in ["<i8", "<i4", ">i8", ">i4", "<i2", "|i1"]:
    for order in ["C", "F"]:
        array = np.asarray(signed, dtype=np.dtype(dtype), order=order)
        name = save(f"features_{'be' if dtype[0] == '>' else 'le'}_{dtype[1:]}_{order}.npy", array)
        manifest["features"].append({"file": name, "dtype": dtype, "order": order, "version": "1.0",
                                     "values": signed.ravel().astype(float).tolist()})
for dtype in ["|u1", "<u2", "<u4", "<u8"]:
    array = np.asarray(unsigned, dtype=np.dtype(dtype))
    name = save(f"features_le_{dtype[1:]}_C.npy", array)
    manifest["features"].append({"file": name, "dtype": dtype, "order": "C", "version": "1.0",
                                 "values": unsigned.ravel().astype(float).tolist()})
for version in [(2, 0), (3, 0)]:
    name = save(f"features_v{version[0]}.npy", np.asarray(fractions, order="F"), version=version)
    manifest["features"].append({"file": name, "dtype": "<f8", "order": "F",
                                 "version": f"{version[0]}.{version[1]}", "values": fractions.ravel().tolist()})

labels = {
    "labels_i8.npy": (np.array([3, 1, 3], dtype="<i8"), ["3", "1", "3"]),
    "labels_i4_be.npy": (np.array([-1, 2, 2], dtype=">i4"), ["-1", "2", "2"]),
    "labels_f8_whole.npy": (np.array([2.0, 0.0, -0.0]), ["2", "0", "0"]),
    "labels_u1.npy": (np.array([7, 250, 7], dtype="|u1"), ["7", "250", "7"]),
    "labels_text.npy": (np.array(["setosa", "virginica", "été"]), ["setosa", "virginica", "été"]),
    "labels_text_column.npy": (np.array([["b"], ["a"], ["b"]]), ["b", "a", "b"]),
}
for name, (array, texts) in labels.items():
    save(name, array)
    manifest["labels"].append({"file": name, "dtype": array.dtype.str, "texts": texts})
save("targets_f4.npy", np.array([1.5, -2.25, 1e3], dtype="<f4"))
manifest["targets"] = {"file": "targets_f4.npy", "values": [1.5, -2.25, 1000.0]}
save("labels_fraction.npy", np.array([1.0, 2.5, 1.0]))
save("labels_object.npy", np.array([1, "a", None], dtype=object))
save("features_nan.npy", np.array([[1.0, 2.0], [3.0, np.nan], [np.inf, 4.0]]))
save("features_c16.npy", np.ones((2, 2), dtype=complex))
save("features_1d.npy", np.arange(3.0))

(out / "npy_fixtures.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
print("wrote", len(list(out.glob("*.npy"))), "files with numpy", np.__version__)
