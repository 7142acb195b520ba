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
/// `feature-weights` models, and the report's `ranking` (every candidate's inner cross-validation, the winner first)
/// only for `auto` models. Non-finite numbers, which only an objective history can hold, are
/// written as the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
///
/// A model learned on a preprocessed table also records its fitted `TablePreprocessor` under
/// `tablePreprocessor` (see its encoding): the raw columns a new file must have, the fill values and
/// the categories. `featureNames` are then the preprocessor's output features (`island=Biscoe`, …).
/// Such a document has `formatVersion` 2; one without it keeps version 1, byte for byte as before.
///
/// A model that decides pairs — fitted on pairs, or calibrated by `metric-learn pairs --calibrate` — records its
/// `PairThreshold` under `pairThreshold` (`{"distance": 0.83, "calibration": {…}}`): pairs at that distance or
/// nearer are similar. Such a document has `formatVersion` 3, with or without a table preprocessor.
///
/// Compatibility: a reader accepts every `formatVersion` up to `currentFormatVersion` and refuses
/// newer ones. Keys it does not know are ignored, and fields added later are optional, so an older
/// file still reads (a missing field means "none"). A field that changes how a model must be
/// applied — recorded preprocessing such as `tablePreprocessor` — comes with a new `formatVersion`, so
/// that an older reader refuses the file rather than silently applying the metric to unprocessed data.
public struct ModelFile: Sendable, Hashable {
    /// The newest format version this build reads and writes: 3, for models with a pair threshold.
    public static let currentFormatVersion = 3

    /// The format version of a document without table preprocessing.
    static let versionWithoutPreprocessing = 1

    /// The format version of a document with table preprocessing and without a pair threshold.
    static let versionWithPreprocessing = 2

    /// The format version of a document with a pair threshold.
    static let versionWithPairThreshold = 3

    /// The format version of the document (for a new one: 1 without table preprocessing, 2 with it, 3 with a pair
    /// threshold).
    public let formatVersion: Int
    /// The version of MetricLearn that wrote the document (nil when the document does not say).
    public let libraryVersion: String?
    /// The fitted metric: components, feature names, feature weights and fit report.
    public let metric: MahalanobisMetric
    /// The table preprocessing the metric's input goes through first (`nil`: the input is the features).
    public let tablePreprocessor: TablePreprocessor?
    /// The distance at which pairs are predicted similar (`nil`: the model was not fitted on pairs or calibrated).
    public let pairThreshold: PairThreshold?

    /// A document for `metric`, written by this version of MetricLearn: format version 1, 2 with a
    /// `tablePreprocessor`, 3 with a `pairThreshold`.
    ///
    /// - Throws: `invalidData` (named `featureNames`) unless the metric's feature names are the
    ///   preprocessor's output features, in order.
    public init(metric: MahalanobisMetric, tablePreprocessor: TablePreprocessor?,
                pairThreshold: PairThreshold? = nil) throws(MetricLearnError) {
        if let tablePreprocessor, tablePreprocessor.featureNames != metric.featureNames {
            throw .invalidData(what: "featureNames", value: metric.featureNames.joined(separator: ", "),
                               requirement: "must be the table preprocessor's output features "
                                   + "(\(tablePreprocessor.featureNames.joined(separator: ", ")))")
        }
        self.init(formatVersion: Self.formatVersion(tablePreprocessor: tablePreprocessor, pairThreshold: pairThreshold),
                  libraryVersion: MetricLearnVersion.current, metric: metric, tablePreprocessor: tablePreprocessor,
                  pairThreshold: pairThreshold)
    }

    /// A document for `metric` without table preprocessing (format version 1).
    public init(metric: MahalanobisMetric) {
        self.init(formatVersion: Self.versionWithoutPreprocessing, libraryVersion: MetricLearnVersion.current,
                  metric: metric, tablePreprocessor: nil, pairThreshold: nil)
    }

    init(formatVersion: Int, libraryVersion: String?, metric: MahalanobisMetric, tablePreprocessor: TablePreprocessor?,
         pairThreshold: PairThreshold?) {
        self.formatVersion = formatVersion
        self.libraryVersion = libraryVersion
        self.metric = metric
        self.tablePreprocessor = tablePreprocessor
        self.pairThreshold = pairThreshold
    }

    /// The lowest format version that holds these parts, which is what a new document gets.
    static func formatVersion(tablePreprocessor: TablePreprocessor?, pairThreshold: PairThreshold?) -> Int {
        if pairThreshold != nil { return versionWithPairThreshold }
        return tablePreprocessor == nil ? versionWithoutPreprocessing : versionWithPreprocessing
    }

    /// This model with `pairThreshold` (nil removes it), written by this version of MetricLearn, in the format
    /// version its parts need.
    public func withPairThreshold(_ pairThreshold: PairThreshold?) -> ModelFile {
        ModelFile(formatVersion: Self.formatVersion(tablePreprocessor: tablePreprocessor, pairThreshold: pairThreshold),
                  libraryVersion: MetricLearnVersion.current, metric: metric, tablePreprocessor: tablePreprocessor,
                  pairThreshold: pairThreshold)
    }

    /// The metric with its pair threshold, when the model has one.
    public var pairClassifier: PairClassifier? {
        pairThreshold.map { PairClassifier(metric: metric, threshold: $0) }
    }

    /// The columns a new file must have, by name: the preprocessor's raw columns, or else the metric's features.
    public var inputColumnNames: [String] { tablePreprocessor?.columnNames ?? metric.featureNames }

    /// The learner's command-line name (`whitening`, `nca`, …).
    public var learner: String { metric.report.learner.name }
}
