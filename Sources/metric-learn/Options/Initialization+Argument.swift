import ArgumentParser
import MetricLearn

/// `--initialization auto|identity|pca|lda|random` (a given matrix is a library-only choice).
extension Initialization: ExpressibleByArgument {
    private static let choices: [(String, Initialization)] = [
        ("auto", .auto), ("identity", .identity), ("pca", .pca), ("lda", .lda), ("random", .random),
    ]

    public init?(argument: String) {
        guard let choice = Self.choices.first(where: { $0.0 == argument }) else { return nil }
        self = choice.1
    }

    public var defaultValueDescription: String {
        Self.choices.first { $0.1 == self }?.0 ?? "matrix"
    }

    public static var allValueStrings: [String] { choices.map(\.0) }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
