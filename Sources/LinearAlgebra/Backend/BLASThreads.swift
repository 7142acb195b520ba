import _CLAPACK

/// OpenBLAS runs on the calling thread: MetricLearn spreads its work over the cores itself (`Parallel`), in jobs
/// whose boundaries do not depend on the core count, so results are the same bits on any machine and a second
/// thread pool never competes with the first (Docs/Design.md, *One parallel layer*).
///
/// OpenBLAS 0.3.21 has one thread count for the whole process (`openblas_set_num_threads`; no per-call or
/// per-thread count). Every BLAS and LAPACK call of the package first sets it to 1 when it is not, so OpenBLAS
/// calls that the host program makes itself in the same process also run on one thread from then on; a program
/// that wants threaded OpenBLAS for its own products sets the count again after MetricLearn's calls.
enum BLASThreads {
    /// Sets OpenBLAS's thread count to 1 unless it already is (one read of a global in the common case).
    @inline(__always)
    static func runOnCallingThread() {
        if openblas_get_num_threads() != 1 { openblas_set_num_threads(1) }
    }
}
