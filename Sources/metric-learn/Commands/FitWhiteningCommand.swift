import ArgumentParser
import MetricLearn

/// `metric-learn fit whitening`.
struct FitWhiteningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whitening",
        abstract: "Mahalanobis whitening: the metric of the inverse (shrunk) covariance.",
        discussion: "Closed form (one eigendecomposition); directions without variance are dropped, not inverted."
    )

    @OptionGroup var input: FitInputOptions

    @Option(help: "Which covariance to invert: of all samples, or pooled within classes.")
    var mode: Whitening.Mode = .total

    @Option(help: ArgumentHelp("Shrinkage towards a scaled identity: none, ledoit-wolf, or a coefficient in [0, 1].",
                               valueName: "none|ledoit-wolf|λ"))
    var shrinkage: Whitening.Shrinkage = .none

    @Option(help: "Keep only this many leading components (default: every non-degenerate one).")
    var componentCount: Int?

    @Option(help: "Eigenvalues at or below this fraction of the largest count as zero.")
    var relativeTolerance: Double = 1e-10

    @OptionGroup var output: FitOutputOptions

    func run() throws(CommandFailure) {
        try LearnerFit(input: input, output: output).run(
            Whitening(mode: mode, shrinkage: shrinkage, componentCount: componentCount,
                      relativeTolerance: relativeTolerance))
    }
}

extension Whitening.Shrinkage: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "none": self = .none
        case "ledoit-wolf": self = .ledoitWolf
        default:
            guard let coefficient = Double(argument) else { return nil }
            self = .fixed(coefficient)
        }
    }

    public var defaultValueDescription: String {
        switch self {
        case .none: "none"
        case .ledoitWolf: "ledoit-wolf"
        case let .fixed(coefficient): "\(coefficient)"
        }
    }
}
