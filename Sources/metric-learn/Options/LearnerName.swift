import ArgumentParser
import MetricLearn

/// A learner by its command-line name, with its default parameters: what `evaluate --learner` and `demo`
/// compare. The choices are `euclidean`, which learns nothing (plain Euclidean distance, the baseline), and
/// every registered learner of class labels.
struct LearnerName: ExpressibleByArgument, Hashable {
    /// The command-line name.
    let rawValue: String

    /// The baseline.
    static let euclidean = LearnerName(rawValue: "euclidean")

    /// Every choice, in registry order after `euclidean`.
    static var allCases: [LearnerName] {
        [.euclidean] + LearnerRegistry.learners(learningFrom: .classLabels).map { LearnerName(rawValue: $0.name) }
    }

    private init(rawValue: String) {
        self.rawValue = rawValue
    }

    init?(argument: String) {
        guard Self.allCases.contains(LearnerName(rawValue: argument)) else { return nil }
        rawValue = argument
    }

    var defaultValueDescription: String { rawValue }

    static var allValueStrings: [String] { allCases.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    /// The learner's registration (nil for `euclidean`).
    var registration: LearnerRegistration? { LearnerRegistry.registration(named: rawValue) }

    /// The learner's default configuration with `seed` (nil for `euclidean`), with `settings` (parameter values by
    /// name) where the learner has those parameters.
    func configuration(seed: UInt64, settings: [String: any ParameterValue] = [:])
        throws(MetricLearnError) -> LearnerConfiguration? {
        guard let registration else { return nil }
        var values = settings.filter { registration.parameter(named: $0.key) != nil }
        if registration.parameter(named: "seed") != nil { values["seed"] = seed }
        return try registration.configuration(setting: values)
    }
}
