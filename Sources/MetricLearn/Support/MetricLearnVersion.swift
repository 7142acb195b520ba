/// The library version, reported by `metric-learn --version` and written into model files.
public enum MetricLearnVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
