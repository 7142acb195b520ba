/// A fitted metric as a versioned document: what `metric-learn fit` writes and `transform`,
/// `predict` and `info` read.
///
/// The JSON layout (keys sorted, pretty printed):
///
/// ```json
/// {
///   "components" : { "columns" : 4, "rows" : 2, "values" : [ … ] },
///   "configuration" : { "name" : "nca", "parameters" : { … } },
///   "featureNames" : [ "sepal_length", … ],
///   "featureWeights" : [ { "feature" : "petal_width", "weight" : 2.1 }, … ],
///   "formatVersion" : 1,
///   "learner" : "nca",
///   "libraryVersion" : "0.1.0",
///   "report" : { "details" : { }, "didConverge" : true, "fitSeconds" : 0.012,
///                "iterations" : 37, "objectiveHistory" : [ … ] }
/// }
/// ```
///
/// `components` is L (k×d, row-major), so a row x maps to L·x; `featureWeights` appears only for
/// `feature-weights` models. Non-finite numbers, which only an objective history can hold, are
/// written as the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
///
/// Compatibility: a reader accepts every `formatVersion` up to `currentFormatVersion` and refuses
/// newer ones. Keys it does not know are ignored, and fields added later are optional, so an older
/// file still reads (a missing field means "none"). A field that changes how a model must be
/// applied — recorded preprocessing such as a scaler — comes with a new `formatVersion`, so that an
/// older reader refuses the file rather than silently applying the metric to unprocessed data.
public struct ModelFile: Sendable, Hashable {
    /// The format version this build writes, and the newest it reads.
    public static let currentFormatVersion = 1

    /// The format version of the document (`currentFormatVersion` for a new one).
    public let formatVersion: Int
    /// The version of MetricLearn that wrote the document (nil when the document does not say).
    public let libraryVersion: String?
    /// The fitted metric: components, feature names, feature weights and fit report.
    public let metric: MahalanobisMetric

    /// A document for `metric`, in the current format, written by this version of MetricLearn.
    public init(metric: MahalanobisMetric) {
        self.formatVersion = Self.currentFormatVersion
        self.libraryVersion = MetricLearnVersion.current
        self.metric = metric
    }

    init(formatVersion: Int, libraryVersion: String?, metric: MahalanobisMetric) {
        self.formatVersion = formatVersion
        self.libraryVersion = libraryVersion
        self.metric = metric
    }

    /// The learner's command-line name (`whitening`, `nca`, …).
    public var learner: String { metric.report.learner.name }
}
