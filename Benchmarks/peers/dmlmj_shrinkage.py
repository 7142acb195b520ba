"""DMLMJ shrinkage (Docs/Accuracy.md, *DMLMJ: shrinkage*): 3-NN accuracy (the peers' folds, standardised per fold)
of M = S^-1 on the span of the total scatter (ours without shrinkage), pyDML's rule (det(S) < 1e-10 ->
0.999 S + 0.001 I), and S shrunk by s towards (tr S / r) I on the span, (1 - s) S + s (tr S / r) I (DMLMJ's
`shrinkage`). With every component kept DMLMJ's metric is exactly S^-1, so accuracy depends only on S.

Usage: Benchmarks/peers/.venv-sklearn/bin/python Benchmarks/peers/dmlmj_shrinkage.py TABLE.csv ...
"""
import os
import sys
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peerlib import load_xy, stratified_folds
from sklearn.preprocessing import StandardScaler
from sklearn.neighbors import KNeighborsClassifier

def neighbours(X, y, k):
    d2 = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
    n = len(X)
    hom, het = [], []
    for i in range(n):
        same = np.flatnonzero((y == y[i]) & (np.arange(n) != i))
        other = np.flatnonzero(y != y[i])
        hom.append(same[np.argsort(d2[i, same], kind="stable")[:k]])
        het.append(other[np.argsort(d2[i, other], kind="stable")[:k]])
    return hom, het

def scatters(X, y, k):
    hom, het = neighbours(X, y, k)
    d = X.shape[1]
    S = np.zeros((d, d)); D = np.zeros((d, d)); cs = cd = 0
    for i in range(len(X)):
        a = X[i] - X[hom[i]]; b = X[i] - X[het[i]]
        S += a.T @ a; D += b.T @ b; cs += len(a); cd += len(b)
    return S / cs, D / cd

def transform(X, y, rule, k=3):
    S, D = scatters(X, y, k)
    d = X.shape[1]
    if rule == "pydml":
        if abs(np.linalg.det(S)) < 1e-10:
            S = 0.999 * S + 0.001 * np.eye(d)
        w, V = np.linalg.eigh(S)
        return V / np.sqrt(w)
    C = np.cov(X.T, bias=True) * len(X)
    w, U = np.linalg.eigh(C)
    U = U[:, w > 1e-10 * w.max()]
    Sr = U.T @ S @ U
    r = Sr.shape[0]
    w, V = np.linalg.eigh(Sr)
    shrinkage = 0.0 if rule == "ours" else rule
    if w[0] <= 1e-10 * w[-1]:
        shrinkage = max(shrinkage, 0.5)   # a singular S is shrunk halfway (ScatterEigenproblem)
    Sr = (1 - shrinkage) * Sr + shrinkage * np.trace(Sr) / r * np.eye(r)
    w, V = np.linalg.eigh(Sr)
    return U @ (V / np.sqrt(w))

rules = ["ours", "pydml", 1e-4, 1e-3, 1e-2, 3e-2, 1e-1]
data = sys.argv[1:]
totals = {str(r): [] for r in rules}
for path in data:
    X, y, _, _ = load_xy(path)
    row = {}
    for rule in rules:
        accs = []
        for train, test in stratified_folds(y):
            sc = StandardScaler().fit(X[train])
            Xtr, Xte = sc.transform(X[train]), sc.transform(X[test])
            L = transform(Xtr, y[train], rule)
            knn = KNeighborsClassifier(3, algorithm="brute").fit(Xtr @ L, y[train])
            accs.append(knn.score(Xte @ L, y[test]))
        row[str(rule)] = np.mean(accs)
        totals[str(rule)].append(np.mean(accs))
    print(os.path.basename(path), " ".join(f"{k}={v:.4f}" for k, v in row.items()), flush=True)
print("mean", " ".join(f"{k}={np.mean(v):.4f}" for k, v in totals.items()))
