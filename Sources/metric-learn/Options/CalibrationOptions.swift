import ArgumentParser
import MetricLearn

/// `--strategy`, `--beta`, `--min-rate`: how a pair threshold is calibrated on labelled pairs (metric-learn's
/// `calibrate_threshold` strategies), shared by the `fit` subcommands of pair learners and `pairs --calibrate`.
struct CalibrationOptions: ParsableArguments {
    /// The strategies' command-line names.
    enum Strategy: String, KebabCaseArgument {
        /// The threshold of highest accuracy.
        case accuracy
        /// The threshold of highest F-β (`--beta`).
        case fBeta
        /// The highest true-positive rate with a true-negative rate of at least `--min-rate`.
        case maxTpr
        /// The highest true-negative rate with a true-positive rate of at least `--min-rate`.
        case maxTnr
    }

    @Option(help: ArgumentHelp("How the pair threshold is chosen on labelled pairs: the best accuracy, the best F-β "
                               + "(--beta), the best true-positive rate keeping the true-negative rate at least "
                               + "--min-rate (max-tpr), or the reverse (max-tnr).", valueName: "strategy"))
    var strategy: Strategy = .accuracy

    @Option(help: ArgumentHelp("With --strategy f-beta: β, how many times recall counts as much as precision "
                               + "(default: 1).", valueName: "β"))
    var beta: Double?

    @Option(name: .customLong("min-rate"),
            help: ArgumentHelp("With --strategy max-tpr, the lowest true-negative rate allowed; with max-tnr, the "
                               + "lowest true-positive rate (in [0, 1]).", valueName: "rate"))
    var minRate: Double?

    func validate() throws {
        if beta != nil && strategy != .fBeta {
            throw ValidationError("--beta applies to --strategy f-beta only")
        }
        switch strategy {
        case .maxTpr, .maxTnr:
            guard minRate != nil else {
                throw ValidationError("--strategy \(strategy.argument) needs --min-rate (a rate in [0, 1])")
            }
        case .accuracy, .fBeta:
            if minRate != nil { throw ValidationError("--min-rate applies to --strategy max-tpr or max-tnr only") }
        }
    }

    /// Whether any of the options was given (for cross-option checks).
    var isGiven: Bool { strategy != .accuracy || beta != nil || minRate != nil }

    /// The library's strategy.
    var libraryStrategy: CalibrationStrategy {
        switch strategy {
        case .accuracy: .accuracy
        case .fBeta: .fBeta(beta ?? 1)
        case .maxTpr: .maxTruePositiveRate(minimumTrueNegativeRate: minRate ?? 0)
        case .maxTnr: .maxTrueNegativeRate(minimumTruePositiveRate: minRate ?? 0)
        }
    }
}
