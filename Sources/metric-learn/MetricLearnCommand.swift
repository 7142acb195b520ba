import ArgumentParser
import MetricLearn

@main
struct MetricLearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metric-learn",
        abstract: "Learn Mahalanobis metrics on tabular data and classify with k-nearest neighbours.",
        version: MetricLearnVersion.current
    )
}
