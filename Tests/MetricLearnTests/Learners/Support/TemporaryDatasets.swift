import Foundation
import MetricLearn

// TEMPORARY (branch `nca`): stands in for `Dataset.iris` / `Dataset.wine` from branch `data` until it
// lands in main. The lead can replace every use with the real `Dataset` and delete this file.

/// A labelled table for learner tests: features n×d and labels 0, 1, 2, ….
struct LabeledTable {
    var features: Matrix
    var labels: [Int]
}

enum TemporaryDatasets {
    /// The bundled iris table (150×4, 3 classes).
    static let iris = load("iris")
    /// The bundled wine table (178×13, 3 classes).
    static let wine = load("wine")

    /// Reads `Sources/MetricLearn/Data/Resources/NAME.csv`: a header, numeric columns, the label last.
    /// Labels become indices of their sorted distinct values.
    private static func load(_ name: String) -> LabeledTable {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/MetricLearn/Data/Resources/\(name).csv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let lines = text.split(whereSeparator: \.isNewline).dropFirst()
        let fields = lines.map { $0.split(separator: ",").map(String.init) }
        let classNames = Array(Set(fields.map { $0.last ?? "" })).sorted()
        let rows = fields.map { $0.dropLast().map { Double($0) ?? .nan } }
        return LabeledTable(features: Matrix(rows: rows),
                            labels: fields.map { classNames.firstIndex(of: $0.last ?? "") ?? -1 })
    }
}

extension Matrix {
    /// Each column centred and divided by its population standard deviation (scikit-learn's `StandardScaler`),
    /// using the statistics of `reference` (default: this matrix).
    func standardized(using reference: Matrix? = nil) -> Matrix {
        let basis = reference ?? self
        let means = basis.columnMeans()
        let scales = (0..<columnCount).map { j -> Double in
            let variance = basis.column(j).reduce(0) { $0 + ($1 - means[j]) * ($1 - means[j]) } / Double(basis.rowCount)
            return variance > 0 ? variance.squareRoot() : 1
        }
        return Matrix(rows: rows.map { row in row.indices.map { (row[$0] - means[$0]) / scales[$0] } })
    }
}
