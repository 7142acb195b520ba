import ArgumentParser
import Foundation
import MetricLearn

/// `metric-learn demo [--dataset wine|iris]`: what `make demo` runs.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Cross-validate every learner against the Euclidean baseline on bundled data, and plot an NCA embedding.",
        discussion: """
            Runs 'evaluate' with every learner on a dataset bundled with the library (standardised in each \
            fold, 5 folds, 3 neighbours, seed 0), prints the table, then fits NCA with 2 components on all \
            the standardised data and draws the embedding as an SVG scatter plot.
            """
    )

    /// A dataset bundled with the library.
    enum BundledDataset: String, ExpressibleByArgument, CaseIterable {
        case wine
        case iris

        var dataset: Dataset {
            get throws(MetricLearnError) {
                switch self {
                case .wine: try Dataset.wine
                case .iris: try Dataset.iris
                }
            }
        }

        var summary: String {
            switch self {
            case .wine: "the UCI wine recognition data: 13 chemical measurements of 3 cultivars"
            case .iris: "Fisher's iris flowers: 4 measurements of 3 species"
            }
        }
    }

    @Option(help: "The bundled dataset to use.")
    var dataset: BundledDataset = .wine

    @Option(help: ArgumentHelp("Where to write the SVG of the NCA embedding.", valueName: "file.svg"))
    var plot = "nca-embedding.svg"

    func run() throws(CommandFailure) {
        let start = ContinuousClock.now
        let data = try withFile(nil, .input) { () throws(MetricLearnError) in try dataset.dataset }
        let settings = EvaluationSettings()
        print("MetricLearn demo on \(dataset.summary) (\(data.sampleCount) samples, \(data.featureCount) features, "
              + "\(data.classCount) classes).")
        print("\(settings.folds)-fold stratified cross-validation of \(settings.neighbors)-nearest neighbours in each "
              + "learned metric, standardised in each fold, seed \(settings.seed):")
        print()
        // `auto` would cross-validate the same learners again inside each fold: the demo compares them once.
        let learners = LearnerName.choices(for: .classification).filter { !($0.registration?.learnerType is AutoLearner.Type) }
        let evaluations = try LearnerComparison(data: TrainingTable(data), path: nil, settings: settings)
            .run(learners, as: LearnerEvaluation.self)
        print(LearnerEvaluation.table(evaluations))

        let embedding = try withFile(nil, .input) { () throws(MetricLearnError) in
            let standardized = try StandardScaler().fit(data.features).transform(data.features)
            let metric = try NCA(componentCount: 2, seed: settings.seed).fit(standardized, labels: data.labels)
            return (points: try metric.transform(standardized), report: metric.report)
        }
        try withFile(plot, .output) { () throws(MetricLearnError) in
            try ScatterPlot(embedding.points, labels: data.labels, classNames: data.classNames,
                            title: "NCA embedding of the standardised \(dataset.rawValue) data").write(toFile: plot)
        }
        let location = URL(fileURLWithPath: plot).standardizedFileURL.path
        print("NCA with 2 components on all the standardised data (\(Describe.fit(embedding.report))):")
        print("wrote the embedding to \(location)")
        print()
        print("Done in \(Format.seconds((ContinuousClock.now - start).seconds)).")
    }
}

extension DemoCommand: FileCommand {
    var inputFiles: [FileOperand] { [] }
    var outputFiles: [FileOperand] { [FileOperand(option: "--plot", path: plot)] }
}
