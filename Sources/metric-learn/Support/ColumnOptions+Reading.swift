import MetricLearn

/// Reading a labelled training file with the column options.
extension ColumnOptions {
    /// The file at `path` with every feature cell a number (only `--features` and `--ignore` apply).
    func dataset(at path: String, label: LabelColumnOption) throws(CommandFailure) -> Dataset {
        try withFile(path, .input) { () throws(MetricLearnError) in
            try Dataset(csvFile: path, labelColumn: label.column, featureColumns: featureColumns)
        }
    }

    /// The file at `path` as a raw table: categorical columns as text, missing cells accepted when imputed.
    /// Warns about categorical columns that look like row identifiers.
    func rawDataset(at path: String, label: LabelColumnOption) throws(CommandFailure) -> RawDataset {
        let dataset = try withFile(path, .input) { () throws(MetricLearnError) in
            try RawDataset(csvFile: path, labelColumn: label.column, featureColumns: featureColumns,
                           categoricalColumns: categoricalColumns, missingValues: missingValues)
        }
        for column in dataset.table.identifierColumns {
            StandardError.warn("\(path): every value of categorical column '\(column)' is different, so one-hot "
                               + "encoding makes a feature of each row; if it identifies rows, leave it out with --ignore")
        }
        return dataset
    }

    /// The training data as numbers, and the table preprocessor fitted on it that made them (`nil`
    /// without `--categorical` and `--impute`, when the file is read as numbers).
    func trainingData(at path: String, label: LabelColumnOption)
        throws(CommandFailure) -> (dataset: Dataset, preprocessor: TablePreprocessor?, raw: RawDataset?) {
        guard let tablePreprocessing else { return (try dataset(at: path, label: label), nil, nil) }
        let raw = try rawDataset(at: path, label: label)
        return try withFile(path, .input) { () throws(MetricLearnError) in
            let preprocessor = try tablePreprocessing.fit(raw)
            return (try preprocessor.transform(raw), preprocessor, raw)
        }
    }

    /// What `evaluate` cross-validates: the file as numbers, or as a raw table with the table preprocessing.
    func evaluationData(at path: String, label: LabelColumnOption) throws(CommandFailure) -> EvaluationData {
        guard let tablePreprocessing else { return .numeric(try dataset(at: path, label: label)) }
        return .raw(try rawDataset(at: path, label: label), tablePreprocessing)
    }
}
