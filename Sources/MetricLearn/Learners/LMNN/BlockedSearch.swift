/// Settings shared by the blocked searches of LMNN (target neighbours and impostors): distances come
/// from `PairwiseDistances.forEachBlock`, are screened, and survivors are recomputed exactly.
enum BlockedSearch {
    /// How much the blocked expansion ‖a‖² + ‖b‖² − 2a·b may be below the exact squared distance:
    /// a generous 1e-9 relative to the squared norms involved (the round-off is of order width·ε times them).
    /// Candidates are screened with this slack and then recomputed exactly, so screening never loses one.
    static func expansionSlack(_ squaredNormA: Double, _ squaredNormB: Double) -> Double {
        1e-9 * (squaredNormA + squaredNormB) + Double.leastNormalMagnitude
    }

    /// A block height whose distances (about 1 MiB) stay in cache between the `dgemm` that writes them and
    /// the scan that reads them.
    static func blockRowCount(referenceCount: Int) -> Int {
        max(8, (1 << 17) / max(referenceCount, 1))
    }
}
