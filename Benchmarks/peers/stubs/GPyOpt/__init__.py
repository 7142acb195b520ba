"""Stand-in for GPyOpt, which does not install on current Python.

PyLMNN 1.6.4 imports ``GPyOpt.methods.BayesianOptimization`` at package import
time, only for its optional ``find_hyperparams`` helper. The benchmarks never
call that helper, so this stub only has to make the import succeed.
"""
