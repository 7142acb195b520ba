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
/// A model learned on a preprocessed table also records its fitted `TablePreprocessor` under
/// `tablePreprocessor` (see its encoding): the raw columns a new file must have, the fill values and
/// the categories. `featureNames` are then the preprocessor's output features (`island=Biscoe`, …).
/// Such a document has `formatVersion` 2; one without it keeps version 1, byte for byte as before.
///
/// Compatibility: a reader accepts every `formatVersion` up to `currentFormatVersion` and refuses
/// newer ones. Keys it does not know are ignored, and fields added later are optional, so an older
/// file still reads (a missing field means "none"). A field that changes how a model must be
/// applied — recorded preprocessing such as `tablePreprocessor` — comes with a new `formatVersion`, so
/// that an older reader refuses the file rather than silently applying the metric to unprocessed data.
public struct ModelFile: Sendable, Hashable {
    /// The newest format version this build reads and writes: 2, for models with table preprocessing.
    public static let currentFormatVersion = 2

    /// The format version of a document without table preprocessing.
    static let versionWithoutPreprocessing = 1

    /// The format version of the document (1 without table preprocessing, 2 with it, for a new one).
    public let formatVersion: Int
    /// The version of MetricLearn that wrote the document (nil when the document does not say).
    public let libraryVersion: String?
    /// The fitted metric: components, feature names, feature weights and fit report.
    public let metric: MahalanobisMetric
    /// The table preprocessing the metric's input goes through first (`nil`: the input is the features).
    public let tablePreprocessor: TablePreprocessor?

    /// A document for `metric`, written by this version of MetricLearn: format version 1, or 2 with a
    /// `tablePreprocessor`.
    ///
    /// - Throws: `invalidData` (named `featureNames`) unless the metric's feature names are the
    ///   preprocessor's output features, in order.
    public init(metric: MahalanobisMetric, tablePreprocessor: TablePreprocessor?) throws(MetricLearnError) {
        if let tablePreprocessor, tablePreprocessor.featureNames != metric.featureNames {
            throw .invalidData(what: "featureNames", value: metric.featureNames.joined(separator: ", "),
                               requirement: "must be the table preprocessor's output features "
                                   + "(\(tablePreprocessor.featureNames.joined(separator: ", ")))")
        }
        self.init(formatVersion: tablePreprocessor == nil ? Self.versionWithoutPreprocessing : Self.currentFormatVersion,
                  libraryVersion: MetricLearnVersion.current, metric: metric, tablePreprocessor: tablePreprocessor)
    }

    /// A document for `metric` without table preprocessing (format version 1).
    public init(metric: MahalanobisMetric) {
        self.init(formatVersion: Self.versionWithoutPreprocessing, libraryVersion: MetricLearnVersion.current,
                  metric: metric, tablePreprocessor: nil)
    }

    init(formatVersion: Int, libraryVersion: String?, metric: MahalanobisMetric, tablePreprocessor: TablePreprocessor?) {
        self.formatVersion = formatVersion
        self.libraryVersion = libraryVersion
        self.metric = metric
        self.tablePreprocessor = tablePreprocessor
    }

    /// The columns a new file must have, by name: the preprocessor's raw columns, or else the metric's features.
    public var inputColumnNames: [String] { tablePreprocessor?.columnNames ?? metric.featureNames }

    /// The learner's command-line name (`whitening`, `nca`, …).
    public var learner: String { metric.report.learner.name }
}
