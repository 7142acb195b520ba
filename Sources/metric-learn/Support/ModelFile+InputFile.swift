import MetricLearn

/// Reading a data file through a model, whatever its format.
extension ModelFile {
    /// The features of the file at `path` as this model reads them: a NumPy `.npy` file's columns in order (the
    /// model's features), a CSV file's columns by name with the model's preprocessing.
    func features(ofInput path: String) throws(MetricLearnError) -> Matrix {
        LabelsFileOption.isNPY(path) ? try input(npyFile: path).features : try input(csvFile: path).features
    }
}
