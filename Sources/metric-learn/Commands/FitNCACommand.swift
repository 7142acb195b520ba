import ArgumentParser
import MetricLearn

/// `metric-learn fit nca`.
struct FitNCACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nca",
        abstract: "Neighbourhood Components Analysis: maximise the leave-one-out accuracy of a soft nearest-neighbour rule.",
        discussion: "L-BFGS with scikit-learn's parameters and stopping rule. The fit is scale dependent: "
            + "standardise the features with --standardize."
    )

    @OptionGroup var input: FitInputOptions

    @Option(help: "The output dimension k (default: the number of features).")
    var componentCount: Int?

    @Option(help: "How the starting L is chosen (auto: LDA, PCA or identity by scikit-learn's rule; random uses --seed).")
    var initialization: Initialization = NCA().initialization

    @Option(help: "The most L-BFGS iterations.")
    var maxIterations = NCA().maxIterations

    @Option(help: "Stop when the largest gradient entry or the relative decrease of the objective falls to this.")
    var tolerance = NCA().tolerance

    @OptionGroup var output: FitOutputOptions

    func run() throws(CommandFailure) {
        try LearnerFit(input: input, output: output).run(
            NCA(componentCount: componentCount, initialization: initialization, maxIterations: maxIterations,
                tolerance: tolerance, seed: input.seed))
    }
}
