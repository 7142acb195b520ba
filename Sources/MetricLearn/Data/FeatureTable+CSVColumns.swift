/// A table as columns for `CSVWriter`.
extension FeatureTable {
    /// One number column per feature.
    public var csvColumns: [CSVColumn] {
        CSVColumn.columns(of: features, names: featureNames)
    }
}
