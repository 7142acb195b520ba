/// A regression table shipped with the library, for examples, tests and benchmarks.
extension RegressionDataset {
    /// The diabetes data of Efron, Hastie, Johnstone & Tibshirani (2004, "Least Angle Regression") as in
    /// scikit-learn's `load_diabetes(scaled=False)`: 442 patients, 10 baseline features (`age`, `sex`, `bmi`,
    /// `bp`, and six blood serum measurements `s1`…`s6`, in their original units) and the target, a quantitative
    /// measure of disease progression one year after baseline (25…346).
    ///
    /// Source: <https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html>, copied from scikit-learn 1.9.1's
    /// `diabetes_data_raw.csv.gz` and `diabetes_target.csv.gz` (BSD 3-Clause licence). Loaded from the bundled
    /// `diabetes.csv` on first use, then kept.
    public static var diabetes: RegressionDataset {
        get throws(MetricLearnError) { try bundledDiabetes.get() }
    }

    private static let bundledDiabetes = Result { () throws(MetricLearnError) in
        try RegressionDataset(csvFile: bundledResourcePath("diabetes"))
    }
}
