/// A dense, row-major matrix of `Double` values.
///
/// Samples are rows and features are columns, as in a CSV file and in scikit-learn's `X`.
/// `Matrix` is a value type: copies share storage until one of them is mutated (copy-on-write,
/// inherited from `Array`).
///
/// Shape mismatches between two matrices in arithmetic are programmer errors and trap, like an
/// out-of-range `Array` subscript. Anything that comes from user data is validated by the caller
/// and reported with a thrown error.
///
/// Encoded as `{"rows": m, "columns": n, "values": [row-major elements]}`. Decoding validates the
/// shape, so a malformed file is a `DecodingError`, never a trap.
public struct Matrix: Sendable, Hashable, Codable {
    /// The number of rows.
    public let rowCount: Int
    /// The number of columns.
    public let columnCount: Int
    /// The elements in row-major order: element (i, j) is at `i * columnCount + j`.
    public internal(set) var elements: [Double]

    private enum CodingKeys: String, CodingKey {
        case rowCount = "rows", columnCount = "columns", elements = "values"
    }

    /// Creates a matrix from row-major elements.
    ///
    /// - Precondition: `elements.count == rowCount * columnCount`, both counts non-negative.
    public init(rowCount: Int, columnCount: Int, elements: [Double]) {
        precondition(rowCount >= 0 && columnCount >= 0, "Matrix dimensions must be non-negative")
        precondition(elements.count == rowCount * columnCount,
                     "Matrix needs \(rowCount * columnCount) elements, got \(elements.count)")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.elements = elements
    }

    /// Creates a matrix with every element equal to `value`.
    public init(rowCount: Int, columnCount: Int, repeating value: Double = 0) {
        self.init(rowCount: rowCount, columnCount: columnCount,
                  elements: [Double](repeating: value, count: rowCount * columnCount))
    }

    /// Creates a matrix from an array of rows.
    ///
    /// - Precondition: every row has the same length.
    public init(rows: [[Double]]) {
        let columnCount = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columnCount }, "All rows must have the same length")
        self.init(rowCount: rows.count, columnCount: columnCount, elements: rows.flatMap { $0 })
    }

    /// Creates an `n × n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rowCount: n, columnCount: n)
        for i in 0..<n { result.elements[i * n + i] = 1 }
        return result
    }

    /// Creates a square matrix with `diagonal` on its diagonal and zeros elsewhere.
    public init(diagonal: [Double]) {
        let n = diagonal.count
        self.init(rowCount: n, columnCount: n)
        for i in 0..<n { elements[i * n + i] = diagonal[i] }
    }

    /// Whether the matrix has no elements.
    public var isEmpty: Bool { elements.isEmpty }

    /// Whether the matrix is square.
    public var isSquare: Bool { rowCount == columnCount }

    /// The element at `row`, `column`.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "Matrix index out of range")
            return elements[row * columnCount + column]
        }
        set {
            precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "Matrix index out of range")
            elements[row * columnCount + column] = newValue
        }
    }

    /// The elements of row `index`.
    public func row(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < rowCount, "Row index out of range")
        return Array(elements[index * columnCount ..< (index + 1) * columnCount])
    }

    /// The elements of column `index`.
    public func column(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < columnCount, "Column index out of range")
        return (0..<rowCount).map { elements[$0 * columnCount + index] }
    }

    /// The rows as an array of arrays.
    public var rows: [[Double]] { (0..<rowCount).map(row) }

    /// The diagonal elements.
    public var diagonal: [Double] { (0..<min(rowCount, columnCount)).map { elements[$0 * columnCount + $0] } }

    /// A matrix made of the given rows of this one, in the given order (repeats allowed).
    public func rows(at indices: some Sequence<Int>) -> Matrix {
        var result: [Double] = []
        result.reserveCapacity(indices.underestimatedCount * columnCount)   // one allocation for a collection
        var count = 0
        for index in indices {
            precondition(index >= 0 && index < rowCount, "Row index out of range")
            result.append(contentsOf: elements[index * columnCount ..< (index + 1) * columnCount])
            count += 1
        }
        return Matrix(rowCount: count, columnCount: columnCount, elements: result)
    }

    /// A matrix made of the given columns of this one, in the given order.
    public func columns(at indices: [Int]) -> Matrix {
        precondition(indices.allSatisfy { $0 >= 0 && $0 < columnCount }, "Column index out of range")
        var result = [Double]()
        result.reserveCapacity(rowCount * indices.count)
        for i in 0..<rowCount {
            for j in indices { result.append(elements[i * columnCount + j]) }
        }
        return Matrix(rowCount: rowCount, columnCount: indices.count, elements: result)
    }

    /// The transpose.
    public func transposed() -> Matrix {
        var result = [Double](repeating: 0, count: elements.count)
        let (m, n) = (rowCount, columnCount)
        elements.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                for i in 0..<m {
                    for j in 0..<n { target[j * m + i] = source[i * n + j] }
                }
            }
        }
        return Matrix(rowCount: n, columnCount: m, elements: result)
    }

    /// Whether every element is finite.
    public var isFinite: Bool { elements.allSatisfy(\.isFinite) }

    /// The first element that is NaN or infinite, as (row, column), or `nil`.
    public var firstNonFiniteIndex: (row: Int, column: Int)? {
        guard !Self.allFinite(elements), let flat = elements.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (flat / columnCount, flat % columnCount)
    }

    /// Whether every value is finite, eight at a time: v·0 is ±0 for a finite v and NaN otherwise, and a NaN
    /// stays in the running sum (a branch-free loop, several times faster than testing each value).
    private static func allFinite(_ values: [Double]) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            let raw = UnsafeRawPointer(base), wide = buffer.count / 8 * 8
            var sum = SIMD8<Double>(repeating: 0)
            for start in stride(from: 0, to: wide, by: 8) {
                sum += raw.loadUnaligned(fromByteOffset: start * 8, as: SIMD8<Double>.self) * 0
            }
            var tail = 0.0
            for index in wide..<buffer.count { tail += buffer[index] * 0 }
            return (sum.sum() + tail).isFinite
        }
    }
}

extension Matrix: CustomStringConvertible {
    /// The shape, then one line of comma-separated elements per row.
    public var description: String {
        let body = rows.map { row in row.map { String($0) }.joined(separator: ", ") }.joined(separator: "\n  ")
        return "Matrix \(rowCount)×\(columnCount)\n  \(body)"
    }
}

extension Matrix {
    /// Decodes a matrix; a `values` array that does not hold rows × columns elements is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode(Int.self, forKey: .rowCount)
        let columns = try container.decode(Int.self, forKey: .columnCount)
        let values = try container.decode([Double].self, forKey: .elements)
        let (expected, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0, columns >= 0, !overflow, values.count == expected else {
            throw DecodingError.dataCorruptedError(
                forKey: .elements, in: container,
                debugDescription: "a \(rows)×\(columns) matrix cannot hold the \(values.count) values found")
        }
        self.init(rowCount: rows, columnCount: columns, elements: values)
    }
}
