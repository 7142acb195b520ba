import ArgumentParser
import MetricLearn

/// A library enum offered on the command line under the kebab-case spelling of its cases
/// (`Whitening.Mode.withinClass` is `within-class`).
protocol KebabCaseArgument: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {}

extension KebabCaseArgument {
    public init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.argument == argument }) else { return nil }
        self = match
    }

    public var defaultValueDescription: String { argument }

    public static var allValueStrings: [String] { allCases.map(\.argument) }

    public static var allValueDescriptions: [String: String] { [:] }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    /// The command-line spelling.
    var argument: String { rawValue.kebabCased }
}

extension Whitening.Mode: ExpressibleByArgument, KebabCaseArgument {}
