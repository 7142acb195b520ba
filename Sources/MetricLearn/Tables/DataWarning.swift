/// Something about the data that does not stop a fit but may spoil it, with the numbers a user needs.
public enum DataWarning: Sendable, Hashable, CustomStringConvertible {
    /// Every present value of categorical column `column` (at least `TrainingTable.identifierMinimumCount`) is
    /// different: an identifier, which one-hot encoding turns into one feature per row. A warning for a column
    /// named categorical; a column detected as categorical (`CategoricalColumns.automatic`) is refused
    /// (`MetricLearnError.refusedData`).
    case identifierColumn(column: String)
    /// The label column (`column`, when its name is known) has `classCount` different labels among `sampleCount`
    /// rows, more than half of them and at least `TrainingTable.identifierMinimumCount`: most classes have a single
    /// sample, as when a continuous column is taken for the labels.
    case continuousLabels(column: String?, classCount: Int, sampleCount: Int)
    /// A learner whose distances depend on the units meets features whose standard deviations differ by
    /// `TrainingTable.scaleWarningRatio` or more: `largest` and `smallest` name the extreme columns.
    case featureScalesDiffer(learner: String, largest: FeatureSpread, smallest: FeatureSpread)

    /// One feature's population standard deviation.
    public struct FeatureSpread: Sendable, Hashable {
        /// The feature's name.
        public let feature: String
        /// Its standard deviation.
        public let standardDeviation: Double
    }

    /// The warning in words.
    public var description: String {
        switch self {
        case let .identifierColumn(column):
            "every value of categorical column '\(column)' is different, so one-hot encoding makes a feature of "
                + "each row; leave the column out if it identifies rows"
        case let .continuousLabels(column, classCount, sampleCount):
            "the label column\(column.map { " '\($0)'" } ?? "") has \(classCount) different values among "
                + "\(sampleCount) rows, so most classes have a single sample; it looks continuous, not like class "
                + "labels: if another column holds the classes, name it as the label column"
        case let .featureScalesDiffer(learner, largest, smallest):
            "\(learner) depends on the units of the features, and their standard deviations differ by a factor of "
                + "\(largest.standardDeviation / smallest.standardDeviation) ('\(largest.feature)' "
                + "\(largest.standardDeviation), '\(smallest.feature)' \(smallest.standardDeviation)); "
                + "standardise the features"
        }
    }
}
