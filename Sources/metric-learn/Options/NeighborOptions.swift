import ArgumentParser
import MetricLearn

/// `--neighbors` and `--weighting`: the k-nearest-neighbours vote (or mean) of `predict`.
struct NeighborOptions: ParsableArguments {
    @Option(name: .customLong("neighbors"), help: "The number of nearest training samples that vote.")
    var count = 3

    @Option(help: "uniform: one vote each; distance: votes weighted by 1/distance.")
    var weighting: KNearestNeighbors.Weighting = .uniform

    /// The neighbours' configuration.
    var configuration: KNearestNeighbors { KNearestNeighbors(neighborCount: count, weighting: weighting) }

    /// Library parameter names spelled as these options, for error messages.
    static let optionNames = ["neighborCount": "neighbors"]
}

extension KNearestNeighbors.Weighting: ExpressibleByArgument, KebabCaseArgument {}
