/// Maps a LAPACK `info` return code to `LinearAlgebraError`; `info == 0` is success.
enum LAPACKInfo {
    enum Failure { case singular, notPositiveDefinite, didNotConverge }

    /// Throws the error that `info` means for `routine`, whose positive codes mean `failure`.
    static func check(_ info: Int32, routine: String, positiveMeans failure: Failure) throws(LinearAlgebraError) {
        if info == 0 { return }
        if info < 0 { throw .illegalArgument(routine: routine, position: Int(-info)) }
        switch failure {
        case .singular: throw .singular(routine: routine, index: Int(info))
        case .notPositiveDefinite: throw .notPositiveDefinite(routine: routine, order: Int(info))
        case .didNotConverge: throw .didNotConverge(routine: routine, info: Int(info))
        }
    }
}
