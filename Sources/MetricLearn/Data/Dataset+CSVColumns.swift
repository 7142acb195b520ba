/// Tables as columns for `CSVWriter`.
extension Dataset {
    /// The feature columns followed by a label column holding each sample's class name.
    ///
    /// Reading the written text back gives the same dataset when `classNames` are in the reader's
    /// order (numeric for integer names, otherwise lexicographic; see `Dataset(csvFile:)`).
    ///
    /// - Throws: `invalidParameter` when `labelColumnName` is also a feature name.
    public func csvColumns(labelColumnName: String = "label") throws(MetricLearnError) -> [CSVColumn] {
        try Validation.require(!featureNames.contains(labelColumnName), "labelColumnName", labelColumnName,
                               "must differ from every feature name")
        return CSVColumn.columns(of: features, names: featureNames)
            + [CSVColumn(name: labelColumnName, text: labels.map { classNames[$0] })]
    }
}
