import ArgumentParser
import MetricLearn

/// A learner parameter's value on the command line: parsed and printed as the library spells it
/// (`ParameterValue`), with its named choices listed in help and offered for completion.
struct ParameterArgument<Value: ParameterValue>: ExpressibleByArgument {
    /// The parsed value.
    let value: Value

    /// Wraps `value`.
    init(_ value: Value) {
        self.value = value
    }

    init?(argument: String) {
        guard let value = Value(parameterText: argument) else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { value.parameterText }

    static var allValueStrings: [String] { Value.parameterChoices ?? [] }

    static var defaultCompletionKind: CompletionKind { Value.parameterChoices.map { .list($0) } ?? .default }
}
