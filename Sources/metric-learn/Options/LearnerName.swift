import ArgumentParser
import MetricLearn

/// A learner by its command-line name, with its default parameters: what `evaluate --learner` and `demo`
/// compare. The choices are `euclidean`, which learns nothing (plain Euclidean distance, the baseline), and
/// every registered learner of class labels or regression targets; `serves(_:)` tells which a task takes.
struct LearnerName: ExpressibleByArgument, Hashable {
    /// The command-line name.
    let rawValue: String

    /// The baseline.
    static let euclidean = LearnerName(rawValue: "euclidean")

    /// Every choice, in registry order after `euclidean`.
    static var allCases: [LearnerName] {
        [.euclidean] + LearnerRegistry.all.filter { learner in LearningTask.allCases.contains { learner.learns(for: $0) } }
            .map { LearnerName(rawValue: $0.name) }
    }

    /// The choices `task` takes: `euclidean` and the learners of its supervision, in registry order.
    static func choices(for task: LearningTask) -> [LearnerName] { allCases.filter { $0.serves(task) } }

    /// Whether `task` can evaluate this learner: `euclidean` always, a learner when it learns from the task's
    /// supervision (class labels or regression targets).
    func serves(_ task: LearningTask) -> Bool { registration?.learns(for: task) ?? true }

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

extension LearnerRegistration {
    /// Whether the learner learns from what `task`'s label column holds.
    func learns(for task: LearningTask) -> Bool {
        supervision.contains(task == .classification ? .classLabels : .regressionTargets)
    }
}
