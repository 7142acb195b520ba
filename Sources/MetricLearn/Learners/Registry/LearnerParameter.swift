/// One hyper-parameter of a learner as users see it: its name (a property of the learner's configuration,
/// `--kebab-case` on the command line), a one-line description, its value type and its default.
///
/// Parameters are declared once, in the learner's registration, by a key path into the configuration, so the
/// command line's options, `metric-learn info` and the documentation's parameter tables cannot drift apart.
public struct LearnerParameter: Sendable {
    /// The name, as in the configuration type (`maxIterations`).
    public let name: String
    /// What the parameter does, in one or two sentences (the command line's help text).
    public let summary: String
    /// The placeholder for the value in usage text (`automatic|lower,upper`), or nil for the name in kebab case.
    public let valueName: String?
    /// The type of the value (for optional parameters, of the value when there is one).
    public let valueType: any ParameterValue.Type
    /// Whether the parameter may be absent (`componentCount: Int?`): then nil stands for the learner's rule,
    /// which `summary` describes.
    public let isOptional: Bool
    /// The value of the default configuration, nil when an optional parameter is absent there.
    public let defaultValue: (any ParameterValue)?
    /// When set, the parameter only applies while the parameter `name` has the value spelled `value`
    /// (feature weights' `regularization` only with `method` `nca`).
    public let requirement: (parameter: String, value: String)?
    /// The values it accepts (checked before every fit).
    public let rule: ParameterRule

    private let read: @Sendable (any MetricLearner) -> (any ParameterValue)?
    private let write: @Sendable (inout any MetricLearner, any ParameterValue) -> Void

    /// A parameter stored at `keyPath` of learner `Learner`.
    public init<Learner: MetricLearner, Value: ParameterValue>(
        _ name: String, _ keyPath: WritableKeyPath<Learner, Value> & Sendable, summary: String,
        rule: ParameterRule = .any, valueName: String? = nil,
        onlyWhen requirement: (parameter: String, value: String)? = nil
    ) {
        self.init(name: name, summary: summary, valueName: valueName, valueType: Value.self, isOptional: false,
                  requirement: requirement, rule: rule, keyPath: keyPath, wrap: { $0 }, unwrap: { $0 as? Value })
    }

    /// An optional parameter stored at `keyPath`: absent means the rule that `summary` describes.
    public init<Learner: MetricLearner, Value: ParameterValue>(
        _ name: String, _ keyPath: WritableKeyPath<Learner, Value?> & Sendable, summary: String,
        rule: ParameterRule = .any, valueName: String? = nil,
        onlyWhen requirement: (parameter: String, value: String)? = nil
    ) {
        self.init(name: name, summary: summary, valueName: valueName, valueType: Value.self, isOptional: true,
                  requirement: requirement, rule: rule, keyPath: keyPath, wrap: { $0 },
                  unwrap: { value in (value as? Value).map { Optional($0) } })
    }

    /// Reads and writes the property at `keyPath`, whose stored form `Stored` is the value or an optional one.
    private init<Learner: MetricLearner, Stored>(
        name: String, summary: String, valueName: String?, valueType: any ParameterValue.Type, isOptional: Bool,
        requirement: (parameter: String, value: String)?, rule: ParameterRule,
        keyPath: WritableKeyPath<Learner, Stored> & Sendable,
        wrap: @escaping @Sendable (Stored) -> (any ParameterValue)?,
        unwrap: @escaping @Sendable (any ParameterValue) -> Stored?
    ) {
        self.init(name: name, summary: summary, valueName: valueName, valueType: valueType, isOptional: isOptional,
                  defaultValue: wrap(Learner()[keyPath: keyPath]), requirement: requirement, rule: rule,
                  read: { learner in (learner as? Learner).flatMap { wrap($0[keyPath: keyPath]) } },
                  write: { learner, value in
                      guard var typed = learner as? Learner, let stored = unwrap(value) else { return }
                      typed[keyPath: keyPath] = stored
                      learner = typed
                  })
    }

    private init(name: String, summary: String, valueName: String?, valueType: any ParameterValue.Type,
                 isOptional: Bool, defaultValue: (any ParameterValue)?,
                 requirement: (parameter: String, value: String)?, rule: ParameterRule,
                 read: @escaping @Sendable (any MetricLearner) -> (any ParameterValue)?,
                 write: @escaping @Sendable (inout any MetricLearner, any ParameterValue) -> Void) {
        self.name = name
        self.summary = summary
        self.valueName = valueName
        self.valueType = valueType
        self.isOptional = isOptional
        self.defaultValue = defaultValue
        self.requirement = requirement
        self.rule = rule
        self.read = read
        self.write = write
    }

    /// The command-line option, `--max-iterations`.
    public var optionName: String { "--" + name.kebabCased }

    /// The parameter's value in `learner` (nil when absent, or when `learner` is another learner's configuration).
    public func value(in learner: any MetricLearner) -> (any ParameterValue)? { read(learner) }

    /// `learner` with this parameter set to `value`; unchanged when either belongs to another type.
    func setting(_ value: any ParameterValue, in learner: any MetricLearner) -> any MetricLearner {
        var updated = learner
        write(&updated, value)
        return updated
    }

    /// The value that `text` spells in this parameter's type, or nil.
    public func value(parsing text: String) -> (any ParameterValue)? { valueType.init(parameterText: text) }
}

/// The parameters many learners share, declared once with one wording.
extension LearnerParameter {
    /// `componentCount`: the output dimension k, nil for `defaultRule`.
    static func componentCount<Learner: MetricLearner>(
        _ keyPath: WritableKeyPath<Learner, Int?> & Sendable, default defaultRule: String = "the number of features"
    ) -> LearnerParameter {
        LearnerParameter("componentCount", keyPath, summary: "The output dimension k (default: \(defaultRule)).",
                         rule: .componentCount)
    }

    /// `maxIterations` of an L-BFGS fit (`prefix` qualifies it, e.g. `nca only: `).
    static func maxIterations<Learner: MetricLearner>(_ keyPath: WritableKeyPath<Learner, Int> & Sendable,
                                                      prefix: String = "") -> LearnerParameter {
        LearnerParameter("maxIterations", keyPath, summary: prefix.isEmpty ? "The most L-BFGS iterations."
                             : prefix + "the most L-BFGS iterations.", rule: IterativeFit.maxIterationsRule)
    }

    /// `tolerance` of an L-BFGS fit (`IterativeFit`: both of its stopping tolerances).
    static func tolerance<Learner: MetricLearner>(_ keyPath: WritableKeyPath<Learner, Double> & Sendable,
                                                  prefix: String = "") -> LearnerParameter {
        let rule = "top when the largest gradient entry or the relative decrease of the objective falls to this."
        return LearnerParameter("tolerance", keyPath, summary: prefix.isEmpty ? "S" + rule : prefix + "s" + rule,
                                rule: IterativeFit.toleranceRule)
    }

    /// `seed`, the source of the learner's random choices (`use` says which).
    static func seed<Learner: MetricLearner>(_ keyPath: WritableKeyPath<Learner, UInt64> & Sendable,
                                             of use: String) -> LearnerParameter {
        LearnerParameter("seed", keyPath, summary: "The seed of \(use).")
    }
}
