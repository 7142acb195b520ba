import ArgumentParser
import MetricLearn

/// `metric-learn fit itml`.
struct FitITMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "itml",
        abstract: "Information-theoretic metric learning: the metric closest to a prior that keeps same-class pairs "
            + "near and other pairs far.",
        discussion: "Pairs are sampled from the labels with --seed; each sweep projects onto every pair constraint "
            + "in turn (Bregman projections), so M stays positive definite."
    )

    @OptionGroup var input: FitInputOptions

    @Option(help: "The metric to stay close to: identity (Euclidean) or covariance (its inverse, Mahalanobis).")
    var prior: ITML.Prior = ITML().prior

    @Option(help: ArgumentHelp("Squared-distance thresholds for similar and dissimilar pairs: automatic (5th and 95th "
                               + "percentiles of the prior distances) or lower,upper.", valueName: "automatic|lower,upper"))
    var bounds: ITML.Bounds = ITML().bounds

    @Option(help: "γ, the weight of the slack: larger values enforce the constraints more strictly.")
    var slack = ITML().slack

    @Option(help: "Similar pairs, and as many dissimilar pairs, to sample (default: 20·c² for c classes).")
    var constraintCount: Int?

    @Option(help: "The most sweeps through all constraints.")
    var maxIterations = ITML().maxIterations

    @Option(help: "Stop when the relative change of the dual variables between sweeps falls below this.")
    var tolerance = ITML().tolerance

    @OptionGroup var output: FitOutputOptions

    func run() throws(CommandFailure) {
        try LearnerFit(input: input, output: output).run(
            ITML(prior: prior, bounds: bounds, slack: slack, maxIterations: maxIterations, tolerance: tolerance,
                 constraintCount: constraintCount, seed: input.seed))
    }
}

/// `--prior identity|covariance` (a given matrix is a library-only choice).
extension ITML.Prior: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "identity": self = .identity
        case "covariance": self = .covariance
        default: return nil
        }
    }

    public var defaultValueDescription: String {
        switch self {
        case .identity: "identity"
        case .covariance: "covariance"
        case .matrix: "matrix"
        }
    }

    public static var allValueStrings: [String] { ["identity", "covariance"] }
}

/// `--bounds automatic` or `--bounds lower,upper`.
extension ITML.Bounds: ExpressibleByArgument {
    public init?(argument: String) {
        if argument == "automatic" {
            self = .automatic
            return
        }
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let lower = Double(parts[0]), let upper = Double(parts[1]) else { return nil }
        self = .given(lower: lower, upper: upper)
    }

    public var defaultValueDescription: String {
        switch self {
        case .automatic: "automatic"
        case let .given(lower, upper): "\(lower),\(upper)"
        }
    }
}
