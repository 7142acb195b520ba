"""Import PyLMNN 1.6.4 on current SciPy.

Two fixes, applied from outside the package (no PyLMNN code is copied):

1. ``stubs/`` goes first on ``sys.path`` so ``import GPyOpt`` finds a stub
   (PyLMNN imports it eagerly for an optional helper we never call).
2. PyLMNN passes its 2-D initial transformation as ``x0`` to
   ``scipy.optimize.minimize``; current SciPy requires a 1-D ``x0``. We replace
   the ``minimize`` name inside ``pylmnn.lmnn`` with a wrapper that flattens
   ``x0`` and otherwise forwards every argument unchanged. PyLMNN already
   reshapes the flat solution (``opt_result.x.reshape(-1, d)``), so results
   are what PyLMNN would compute on an older SciPy.

Usage::

    from pylmnn_shim import LargeMarginNearestNeighbor
    lmnn = LargeMarginNearestNeighbor(n_neighbors=3, random_state=0).fit(X, y)
"""

import os
import sys

import numpy as np
import scipy.optimize

_STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")
if _STUBS not in sys.path:
    sys.path.insert(0, _STUBS)

import pylmnn  # noqa: E402  (needs the stub path first)
import pylmnn.lmnn as _lmnn_module  # noqa: E402


def _minimize_with_flat_start(*args, **kwargs):
    """scipy.optimize.minimize with ``x0`` flattened to 1-D."""
    if "x0" in kwargs:
        kwargs["x0"] = np.ravel(kwargs["x0"])
    elif len(args) >= 2:
        args = (args[0], np.ravel(args[1])) + tuple(args[2:])
    return scipy.optimize.minimize(*args, **kwargs)


_lmnn_module.minimize = _minimize_with_flat_start

LargeMarginNearestNeighbor = pylmnn.LargeMarginNearestNeighbor
VERSION = getattr(pylmnn, "__version__", None)

__all__ = ["LargeMarginNearestNeighbor", "VERSION"]
