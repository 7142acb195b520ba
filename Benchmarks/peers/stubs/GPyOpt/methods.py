"""The one name PyLMNN imports from GPyOpt; using it is an error."""


class BayesianOptimization:
    """Placeholder: hyper-parameter search is not part of the benchmarks."""

    def __init__(self, *args, **kwargs):
        raise RuntimeError(
            "GPyOpt is stubbed out (Benchmarks/peers/stubs); "
            "pylmnn.find_hyperparams is not available here"
        )
