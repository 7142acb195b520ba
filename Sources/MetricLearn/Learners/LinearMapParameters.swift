/// The stored parameters of the learners that fit a linear map L by a solver, NCA and MLKR: the same ones under the
/// same keys, coded once here (`init(decodingParametersFrom:)`, `encodeParameters(to:)`). A configuration saved
/// before the stochastic solver existed decodes with the solver's defaults, and one that keeps them encodes as it
/// did then (`encodeSolverSettings`).
protocol LinearMapParameters {
    /// The output dimension k (nil: d).
    var componentCount: Int? { get }
    /// How L starts.
    var initialization: Initialization { get }
    /// The most iterations of the full-batch solver.
    var maxIterations: Int { get }
    /// The full-batch solver's stopping tolerance.
    var tolerance: Double { get }
    /// The seed of every random choice.
    var seed: UInt64 { get }
    /// Which solver fits.
    var solver: Solver { get }
    /// Rows a mini-batch of the stochastic solver.
    var batchSize: Int { get }
    /// The most epochs of the stochastic solver.
    var epochs: Int { get }

    /// A configuration of these parameters.
    init(componentCount: Int?, initialization: Initialization, maxIterations: Int, tolerance: Double, seed: UInt64,
         solver: Solver, batchSize: Int, epochs: Int)
}

private enum LinearMapCodingKeys: String, CodingKey {
    case componentCount, initialization, maxIterations, tolerance, seed, solver, batchSize, epochs
}

extension LinearMapParameters {
    /// Decodes the parameters from `decoder`.
    init(decodingParametersFrom decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LinearMapCodingKeys.self)
        let settings = try container.decodeSolverSettings(keys: (.solver, .batchSize, .epochs))
        self.init(componentCount: try container.decodeIfPresent(Int.self, forKey: .componentCount),
                  initialization: try container.decode(Initialization.self, forKey: .initialization),
                  maxIterations: try container.decode(Int.self, forKey: .maxIterations),
                  tolerance: try container.decode(Double.self, forKey: .tolerance),
                  seed: try container.decode(UInt64.self, forKey: .seed),
                  solver: settings.solver, batchSize: settings.batchSize, epochs: settings.epochs)
    }

    /// Encodes the parameters into `encoder`; the solver parameters only when they differ from their defaults.
    func encodeParameters(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LinearMapCodingKeys.self)
        try container.encodeIfPresent(componentCount, forKey: .componentCount)
        try container.encode(initialization, forKey: .initialization)
        try container.encode(maxIterations, forKey: .maxIterations)
        try container.encode(tolerance, forKey: .tolerance)
        try container.encode(seed, forKey: .seed)
        try container.encodeSolverSettings(solver, batchSize: batchSize, epochs: epochs,
                                           keys: (.solver, .batchSize, .epochs))
    }
}
