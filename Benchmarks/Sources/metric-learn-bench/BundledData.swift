import Foundation
import MetricLearn

/// The small data sets bundled with MetricLearn (iris 150×4, wine 178×13), read from the package's
/// source tree: numeric feature columns, the last column a class name mapped to 0, 1, 2, … in order
/// of first appearance.
enum BundledData: String, CaseIterable {
    case iris
    case wine

    /// Rows and feature columns of the table.
    var shape: (sampleCount: Int, featureCount: Int) {
        switch self {
        case .iris: (150, 4)
        case .wine: (178, 13)
        }
    }

    /// The CSV file inside the package, located from this source file's path.
    var url: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // metric-learn-bench
            .deletingLastPathComponent()   // Sources
            .deletingLastPathComponent()   // Benchmarks
            .deletingLastPathComponent()   // package root
            .appendingPathComponent("Sources/MetricLearn/Data/Resources/\(rawValue).csv")
    }

    /// Reads the table: features and labels.
    func load() throws -> (features: Matrix, labels: [Int]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).dropFirst()
        var elements: [Double] = []
        var labels: [Int] = []
        var labelIndex: [Substring: Int] = [:]
        var width = 0
        for (lineNumber, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            width = fields.count - 1
            for field in fields.dropLast() {
                guard let value = Double(field) else {
                    throw BenchmarkError.badData("\(rawValue).csv line \(lineNumber + 2): '\(field)' is not a number")
                }
                elements.append(value)
            }
            let name = fields[fields.count - 1]
            let label = labelIndex[name] ?? labelIndex.count
            labelIndex[name] = label
            labels.append(label)
        }
        return (Matrix(rowCount: labels.count, columnCount: width, elements: elements), labels)
    }
}
