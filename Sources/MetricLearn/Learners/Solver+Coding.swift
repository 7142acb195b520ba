/// How the solver parameters sit in a learner's encoding: each only when it differs from its default, so a
/// configuration that keeps them (every one saved before they existed) encodes as it did then, and a missing one
/// decodes as its default.
extension KeyedEncodingContainer {
    /// Encodes `solver`, `batchSize` and `epochs` under `keys`, each only when it is not the default.
    mutating func encodeSolverSettings(_ solver: Solver, batchSize: Int, epochs: Int,
                                       keys: (solver: Key, batchSize: Key, epochs: Key)) throws {
        if solver != .auto { try encode(solver, forKey: keys.solver) }
        if batchSize != Solver.defaultBatchSize { try encode(batchSize, forKey: keys.batchSize) }
        if epochs != Solver.defaultEpochs { try encode(epochs, forKey: keys.epochs) }
    }
}

extension KeyedDecodingContainer {
    /// The solver parameters under `keys`, each its default when absent.
    func decodeSolverSettings(keys: (solver: Key, batchSize: Key, epochs: Key)) throws
        -> (solver: Solver, batchSize: Int, epochs: Int) {
        (try decodeIfPresent(Solver.self, forKey: keys.solver) ?? .auto,
         try decodeIfPresent(Int.self, forKey: keys.batchSize) ?? Solver.defaultBatchSize,
         try decodeIfPresent(Int.self, forKey: keys.epochs) ?? Solver.defaultEpochs)
    }
}
