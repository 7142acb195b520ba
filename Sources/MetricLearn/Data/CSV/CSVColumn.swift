/// A named column of values to write with `CSVWriter`.
public struct CSVColumn: Sendable, Hashable {
    /// A column's values: all numbers or all text.
    public enum Values: Sendable, Hashable {
        /// Numbers, written in Swift's shortest round-trip form (`5.1`, `1e-05`, `nan`, `inf`).
        case numbers([Double])
        /// Text, quoted where needed.
        case text([String])
    }

    /// The header name.
    public var name: String
    /// The cells, top to bottom.
    public var values: Values

    /// A column of numbers.
    public init(name: String, numbers: [Double]) {
        self.name = name
        self.values = .numbers(numbers)
    }

    /// A column of text.
    public init(name: String, text: [String]) {
        self.name = name
        self.values = .text(text)
    }

    /// The number of cells.
    public var count: Int {
        switch values {
        case let .numbers(numbers): numbers.count
        case let .text(text): text.count
        }
    }

    /// One number column per column of `matrix`, named by `names`.
    ///
    /// - Precondition: one name per column.
    public static func columns(of matrix: Matrix, names: [String]) -> [CSVColumn] {
        precondition(names.count == matrix.columnCount, "One name per matrix column is needed")
        return names.indices.map { CSVColumn(name: names[$0], numbers: matrix.column($0)) }
    }
}
