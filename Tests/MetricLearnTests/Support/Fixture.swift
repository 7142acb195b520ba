import Foundation

/// Reference values recorded from scikit-learn / metric-learn / PyLMNN by `Benchmarks/peers/golden.py`.
///
/// Fixtures live in `Tests/MetricLearnTests/Fixtures/NAME.json` and are read by path relative to this
/// source file, so tests need no bundle resources.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The decoded JSON object of fixture `name` (without `.json`).
    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return object
    }

    /// A JSON array of arrays of numbers as rows.
    static func matrix(_ value: Any?) -> [[Double]] {
        (value as? [[Any]])?.map { $0.map(number) } ?? []
    }

    /// A JSON array of numbers.
    static func vector(_ value: Any?) -> [Double] {
        (value as? [Any])?.map(number) ?? []
    }

    /// A JSON number as Double (NaN when it is not a number, so comparisons fail loudly).
    static func number(_ value: Any?) -> Double {
        (value as? NSNumber)?.doubleValue ?? .nan
    }
}
