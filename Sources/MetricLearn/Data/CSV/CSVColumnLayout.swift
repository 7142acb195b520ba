/// Which header columns hold the label and the features.
struct CSVColumnLayout {
    let labelIndex: Int?
    let featureIndices: [Int]

    /// The layout of `header`; `allowingNoFeatures` lets `.named([])` read the label column alone (a label file).
    init(header: [String], headerLine: Int, labelColumn: LabelColumn?,
         featureColumns: FeatureColumns, allowingNoFeatures: Bool = false) throws(MetricLearnError) {
        let labelIndex: Int?
        switch labelColumn {
        case nil:
            labelIndex = nil
        case .automatic:
            labelIndex = header.firstIndex(of: "label") ?? header.count - 1
        case let .named(name):
            labelIndex = try Self.index(of: name, in: header, headerLine: headerLine)
        case let .index(index):
            guard header.indices.contains(index) else {
                throw .csv(line: headerLine, column: nil,
                           reason: "label column index \(index) is out of range: the header has \(header.count) "
                               + "column\(header.count == 1 ? "" : "s") (indices 0 to \(header.count - 1))")
            }
            labelIndex = index
        }

        switch featureColumns {
        case .all:
            let indices = header.indices.filter { $0 != labelIndex }
            guard !indices.isEmpty else {
                throw .csv(line: headerLine, column: nil,
                           reason: "no feature columns: the only column is the label column \(CSVCell.quoted(header[0]))")
            }
            self.featureIndices = indices
        case let .allExcept(names):
            var excluded = Set<Int>()
            for name in names {
                let index = try Self.index(of: name, in: header, headerLine: headerLine)
                guard index != labelIndex else {
                    throw .csv(line: headerLine, column: index + 1,
                               reason: "column \(CSVCell.quoted(name)) is the label column, never a feature, "
                                   + "so it cannot be excluded from the features")
                }
                excluded.insert(index)
            }
            let indices = header.indices.filter { $0 != labelIndex && !excluded.contains($0) }
            guard !indices.isEmpty else {
                throw .csv(line: headerLine, column: nil,
                           reason: "no feature columns: every column is the label column or an excluded one")
            }
            self.featureIndices = indices
        case let .named(names):
            try Validation.require(allowingNoFeatures || !names.isEmpty, "featureColumns", "[]", "must name at least one column")
            var indices: [Int] = []
            for name in names {
                let index = try Self.index(of: name, in: header, headerLine: headerLine)
                guard index != labelIndex else {
                    throw .csv(line: headerLine, column: index + 1,
                               reason: "column \(CSVCell.quoted(name)) is the label column and cannot also be a feature")
                }
                try Validation.require(!indices.contains(index), "featureColumns", "'\(name)' twice",
                                       "must name each column at most once")
                indices.append(index)
            }
            self.featureIndices = indices
        }
        self.labelIndex = labelIndex
    }

    /// The 0-based index of the column called `name`, or the error listing the columns there are.
    static func index(of name: String, in header: [String], headerLine: Int) throws(MetricLearnError) -> Int {
        if let index = header.firstIndex(of: name) { return index }
        let shown = header.prefix(12).map(CSVCell.quoted).joined(separator: ", ")
        throw .csv(line: headerLine, column: nil,
                   reason: "there is no column named \(CSVCell.quoted(name)); the columns are \(shown)"
                       + (header.count > 12 ? ", …" : ""))
    }
}
