// The C surface MetricLearn uses: CBLAS and LAPACKE from OpenBLAS / Netlib LAPACKE.
// This module provides no Swift API; only the LinearAlgebra target imports it.
#include <cblas.h>
#include <lapacke.h>
