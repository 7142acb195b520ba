// The module users import. Matrix and the decompositions come from LinearAlgebra, L-BFGS and the
// objective protocol from Optimization; both are re-exported so `import MetricLearn` is enough.
@_exported import LinearAlgebra
@_exported import Optimization
