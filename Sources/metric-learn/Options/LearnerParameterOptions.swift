import ArgumentParser
import MetricLearn

/// The parameters of `Learner` as command-line options: one `--kebab-case` option per entry of its
/// registration's parameter table, in table order (the seed is `--seed`, which every `fit` has).
///
/// swift-argument-parser finds a command's options by reflecting over a default instance and decodes them by
/// property name. This type reflects as one `Option` per parameter (`customMirror`) and decodes the same names
/// (`init(from:)`), so the options come from the registry rather than from hand-written properties. The help
/// snapshots and the option tests in `CLITests` pin the result.
struct LearnerParameterOptions<Learner: MetricLearner>: ParsableArguments, CustomReflectable {
    /// The parameters offered as options.
    private static var parameters: [LearnerParameter] {
        Learner.registration.parameters.filter { $0.name != seedParameter }
    }

    /// The parameter set from `--seed`.
    private static var seedParameter: String { "seed" }

    /// Every option's value, by parameter name: given or defaulted (absent optional parameters are missing).
    private var values: [String: any ParameterValue] = [:]

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ParameterKey.self)
        for parameter in Self.parameters {
            if let value = try parameter.decodeOption(from: container) { values[parameter.name] = value }
        }
    }

    var customMirror: Mirror {
        Mirror(self, children: Self.parameters.map { (label: $0.name, value: $0.option) })
    }

    func validate() throws {
        guard let (parameter, other, value) = Learner.registration.misapplied(values) else { return }
        throw ValidationError("\(parameter.optionName) applies to --\(other.kebabCased) \(value) only")
    }

    /// The configuration these options describe, with `seed` when the learner has one.
    func configuration(seed: UInt64) throws(CommandFailure) -> LearnerConfiguration {
        var values = values
        if Learner.registration.parameter(named: Self.seedParameter) != nil { values[Self.seedParameter] = seed }
        let settings = values
        return try withFile(nil, .input) { () throws(MetricLearnError) in
            let configuration = try Learner.registration.configuration(setting: settings)
            // What holds for any data is refused now, before the input is read (a usage error, not a file's).
            try configuration.learner.validateParameters(featureCount: nil)
            return configuration
        }
    }
}

/// A parameter's name as the key of its option.
struct ParameterKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) { nil }
}

extension LearnerParameter {
    /// The parameter as an `Option`: with its default for parameters that have one, optional otherwise.
    var option: Any { option(valueType) }

    /// The option's value in `container`, nil for an absent optional parameter.
    func decodeOption(from container: KeyedDecodingContainer<ParameterKey>) throws -> (any ParameterValue)? {
        try decodeOption(valueType, from: container)
    }

    private var hasDefault: Bool { !isOptional && defaultValue != nil }

    private func option<Value: ParameterValue>(_: Value.Type) -> Any {
        let names = NameSpecification.customLong(name.kebabCased)
        let help = ArgumentHelp(summary, valueName: valueName ?? name.kebabCased)
        if hasDefault, let value = defaultValue as? Value {
            return Option(wrappedValue: ParameterArgument(value), name: names, help: help)
        }
        return Option<ParameterArgument<Value>?>(name: names, help: help)
    }

    private func decodeOption<Value: ParameterValue>(_: Value.Type, from container: KeyedDecodingContainer<ParameterKey>)
        throws -> Value? {
        let key = ParameterKey(stringValue: name)
        if hasDefault { return try container.decode(Option<ParameterArgument<Value>>.self, forKey: key).wrappedValue.value }
        return try container.decode(Option<ParameterArgument<Value>?>.self, forKey: key).wrappedValue?.value
    }
}
