/// A fitted `OneHotEncoder`: every training column with its kind and, for a categorical one, its
/// categories in indicator order.
///
/// Encoded as `{"encoder": {}, "columns": [{"name": "bill_length_mm", "kind": "numeric"},
/// {"name": "island", "kind": "categorical", "categories": ["Biscoe", "Dream", "Torgersen"]}, …]}`.
/// Decoding checks that a categorical column has distinct categories (at least one), a numeric one
/// none, and that the column names and the output feature names are distinct.
public struct OneHotEncoding: Sendable, Hashable, Codable {
    /// One training column and the output features it becomes.
    public struct Column: Sendable, Hashable {
        /// The column's name.
        public let name: String
        /// Numeric (one output feature, the value) or categorical (one indicator per category).
        public let kind: ColumnKind
        /// The categories seen at fit time, in indicator order; empty for a numeric column.
        public let categories: [String]

        /// A numeric column.
        init(numeric name: String) {
            self.name = name
            self.kind = .numeric
            self.categories = []
        }

        /// A categorical column with its categories in indicator order.
        init(categorical name: String, categories: [String]) {
            self.name = name
            self.kind = .categorical
            self.categories = categories
        }

        /// The names of its output features: `name`, or `name=category` for each category.
        public var featureNames: [String] {
            kind == .numeric ? [name] : categories.map { "\(name)=\($0)" }
        }
    }

    /// The configuration this was fitted with.
    public let encoder: OneHotEncoder
    /// The training columns, in order.
    public let columns: [Column]
    /// The names of the output features, in order (`bill_length_mm`, `island=Biscoe`, …).
    public let featureNames: [String]

    private enum CodingKeys: String, CodingKey { case encoder, columns }

    /// Creates an encoding, checking the column names and the output feature names are distinct.
    init(encoder: OneHotEncoder, columns: [Column]) throws(MetricLearnError) {
        try Validation.requireDistinct(columns.map(\.name), kind: "columns")
        let featureNames = columns.flatMap(\.featureNames)
        try Validation.requireDistinct(featureNames, kind: "featureNames")
        self.encoder = encoder
        self.columns = columns
        self.featureNames = featureNames
    }

    /// The number of output features.
    public var featureCount: Int { featureNames.count }

    /// The encoded rows of `table`: numeric columns as they are, categorical ones as indicators
    /// (all zeros for a category not seen at fit time).
    ///
    /// - Throws: `invalidData` (named `columns`) unless `table` has the training columns, in
    ///   order and of the same kinds; `missingValue` for the first missing cell.
    /// - Complexity: O(n·(output features)), one hash lookup per categorical cell.
    public func transform(_ table: RawTable) throws(MetricLearnError) -> FeatureTable {
        try table.requireColumns(columns.map(\.name), kinds: columns.map(\.kind))
        let (n, width) = (table.rowCount, featureCount)
        try MemoryBudget.require(doubles: Double(n) * Double(width),
                                 for: "one-hot encoding \(n) rows into \(width) features", remedies: [.fewerFeatures])
        var elements = [Double](repeating: 0, count: n * width)
        var offset = 0
        for (column, encoded) in zip(table.columns, columns) {
            if let row = column.firstMissingRow { throw .missingValue(row: row, column: column.name) }
            switch column.values {
            case let .numbers(cells):
                for (row, cell) in cells.enumerated() { elements[row * width + offset] = cell ?? 0 }
            case let .categories(cells):
                let indicator = Dictionary(uniqueKeysWithValues: encoded.categories.enumerated().map { ($1, $0) })
                for (row, cell) in cells.enumerated() {
                    if let cell, let index = indicator[cell] { elements[row * width + offset + index] = 1 }
                }
            }
            offset += encoded.featureNames.count
        }
        return FeatureTable(unchecked: Matrix(rowCount: n, columnCount: width, elements: elements),
                            featureNames: featureNames)
    }
}

extension OneHotEncoding {
    /// Decodes an encoding and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let encoder = try container.decode(OneHotEncoder.self, forKey: .encoder)
        let columns = try container.decode([Column].self, forKey: .columns)
        do {
            try self.init(encoder: encoder, columns: columns)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .columns, in: container,
                                                   debugDescription: "invalid one-hot encoding: \(error)")
        }
    }
}

extension OneHotEncoding.Column: Codable {
    private enum CodingKeys: String, CodingKey { case name, kind, categories }

    /// Decodes a column; a categorical column lists its categories.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        switch try container.decode(ColumnKind.self, forKey: .kind) {
        case .numeric:
            guard !container.contains(.categories) else {
                throw DecodingError.dataCorruptedError(forKey: .categories, in: container,
                                                       debugDescription: "numeric column '\(name)' has categories")
            }
            self.init(numeric: name)
        case .categorical:
            let categories = try container.decode([String].self, forKey: .categories)
            guard !categories.isEmpty, Set(categories).count == categories.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: .categories, in: container,
                    debugDescription: "categorical column '\(name)' needs distinct categories (at least one)")
            }
            self.init(categorical: name, categories: categories)
        }
    }

    /// Encodes the column's name and kind, and its categories when categorical.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        if kind == .categorical { try container.encode(categories, forKey: .categories) }
    }
}
