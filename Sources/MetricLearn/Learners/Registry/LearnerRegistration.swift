/// A learner's entry in the registry, declared once beside its code: its command-line name, what it learns
/// from, its parameters and how a configuration is built from them.
///
/// The command line's `fit` subcommands and `evaluate --learner` values, `demo`, `info`, the decoding of
/// model files and the documentation's tables all read `LearnerRegistry.all`; none lists learners by hand.
public struct LearnerRegistration: Sendable {
    /// The command-line name (`nca`, `feature-weights`), also the `name` of the configuration in model files.
    public let name: String
    /// The algorithm's full name (`Neighbourhood Components Analysis`).
    public let title: String
    /// One sentence on what the learner optimises (the command's abstract).
    public let summary: String
    /// How it works and what to watch for, in a few sentences (the command's discussion).
    public let discussion: String
    /// What the learner can learn from, the usual kind first.
    public let supervision: [SupervisionKind]
    /// Every parameter, in the order the command line lists them (the seed last).
    public let parameters: [LearnerParameter]
    /// The configuration type.
    public let learnerType: any MetricLearner.Type

    /// Registers `learnerType` under `name`.
    public init<Learner: MetricLearner>(_ learnerType: Learner.Type, name: String, title: String, summary: String,
                                        discussion: String, supervision: [SupervisionKind] = [.classLabels],
                                        parameters: [LearnerParameter]) {
        self.learnerType = learnerType
        self.name = name
        self.title = title
        self.summary = summary
        self.discussion = discussion
        self.supervision = supervision
        self.parameters = parameters
    }

    /// The configuration with every parameter at its default.
    public var defaultConfiguration: LearnerConfiguration { LearnerConfiguration(learnerType.init()) }

    /// Whether the learner can continue from a fitted metric (it is a `WarmStartLearner`).
    public var canWarmStart: Bool { learnerType is any WarmStartLearner.Type }

    /// The parameter called `name`, if the learner has one.
    public func parameter(named name: String) -> LearnerParameter? { parameters.first { $0.name == name } }

    /// The default configuration with `values` (by parameter name) set, in parameter order.
    ///
    /// - Throws: `invalidParameter` for a name the learner does not have, a value of another type, or a
    ///   parameter that does not apply with the other values (see `LearnerParameter.requirement`). Ranges
    ///   are checked by `fit`, as for every configuration.
    public func configuration(setting values: [String: any ParameterValue]) throws(MetricLearnError)
        -> LearnerConfiguration {
        if let unknown = values.keys.sorted().first(where: { parameter(named: $0) == nil }) {
            throw .invalidParameter(name: unknown, value: values[unknown]?.parameterText ?? "",
                                    requirement: "is not a parameter of \(name)")
        }
        for parameter in parameters {
            guard let value = values[parameter.name], type(of: value) != parameter.valueType else { continue }
            throw .invalidParameter(name: parameter.name, value: value.parameterText,
                                    requirement: "must be a value of type \(parameter.valueType)")
        }
        if let (parameter, other, required) = misapplied(values) {
            throw .invalidParameter(name: parameter.name, value: values[parameter.name]?.parameterText ?? "",
                                    requirement: "applies to \(other) \(required) only")
        }
        return LearnerConfiguration(learner(setting: values))
    }

    /// The first of the given parameters whose requirement the configuration with `values` does not meet, with
    /// the parameter and the value it requires.
    public func misapplied(_ values: [String: any ParameterValue])
        -> (parameter: LearnerParameter, requiredParameter: String, requiredValue: String)? {
        let learner = learner(setting: values)
        for parameter in parameters where values[parameter.name] != nil {
            guard let (other, required) = parameter.requirement,
                  self.parameter(named: other)?.value(in: learner)?.parameterText != required else { continue }
            return (parameter, other, required)
        }
        return nil
    }

    /// Checks every parameter of `learner` (a configuration of this learner) by its rule, for data with
    /// `featureCount` features: what each learner's `fit` does first. With a nil `featureCount` (before the data
    /// is read), only the rules that hold whatever the data: a component count or a given matrix waits for the
    /// data.
    ///
    /// - Throws: `invalidParameter` naming the first parameter, in table order, whose value breaks its rule.
    public func validate(_ learner: any MetricLearner, featureCount: Int?) throws(MetricLearnError) {
        for parameter in parameters {
            guard let value = parameter.value(in: learner),
                  let requirement = parameter.rule.violation(of: value, featureCount: featureCount) else { continue }
            throw .invalidParameter(name: parameter.name, value: value.parameterText, requirement: requirement)
        }
    }

    private func learner(setting values: [String: any ParameterValue]) -> any MetricLearner {
        var learner: any MetricLearner = learnerType.init()
        for parameter in parameters {
            guard let value = values[parameter.name] else { continue }
            learner = parameter.setting(value, in: learner)
        }
        return learner
    }
}
