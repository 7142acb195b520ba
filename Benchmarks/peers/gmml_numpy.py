"""A NumPy/SciPy transcription of geometric mean metric learning (Zadeh, Hosseini & Sra, ICML 2016).

pyDML 0.1.0, the release on PyPI, has no GMML (its GitHub tree gained one later), and metric-learn has none, so the
benchmark and the golden values use this transcription of the paper's closed form:

    S = sum over similar pairs of v v^T,   D = sum over dissimilar pairs of v v^T,   v = x_i - x_j
    S_l = S + lambda * inv(M0),   D_l = D + lambda * M0
    M = S_l^-1 #_t D_l = A^(1/2) (A^(-1/2) B A^(-1/2))^t A^(1/2)   with A = inv(S_l), B = D_l

computed with scipy.linalg.sqrtm and fractional_matrix_power (Schur-based), not with the eigendecompositions
MetricLearn uses, so agreement checks the algebra rather than one implementation against itself.
"""


def scatter(x, pairs):
    import numpy as np

    pairs = np.asarray(pairs, dtype=int).reshape(-1, 2)
    diff = x[pairs[:, 0]] - x[pairs[:, 1]]
    return diff.T @ diff


def gmml(x, similar_pairs, dissimilar_pairs, t=0.5, regularization=0.0, prior=None):
    """The GMML metric M (d x d) for the given pairs of rows of x."""
    import numpy as np
    from scipy.linalg import fractional_matrix_power, sqrtm

    d = x.shape[1]
    prior = np.eye(d) if prior is None else np.asarray(prior, dtype=float)
    s = scatter(x, similar_pairs) + regularization * np.linalg.inv(prior)
    b = scatter(x, dissimilar_pairs) + regularization * prior
    a = np.linalg.inv(s)
    root = np.real(sqrtm(a))
    inverse_root = np.linalg.inv(root)
    inner = inverse_root @ b @ inverse_root
    middle = np.real(fractional_matrix_power((inner + inner.T) / 2, t))
    m = root @ middle @ root
    return (m + m.T) / 2
