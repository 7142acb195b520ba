import MetricLearn

extension Describe {
    /// A data warning as the command line says it, pointing at the option that helps.
    static func warning(_ warning: DataWarning, file path: String) -> String {
        switch warning {
        case let .identifierColumn(column):
            "\(path): every value of categorical column '\(column)' is different, so one-hot encoding makes a feature "
                + "of each row; if it identifies rows, leave it out with --ignore"
        case let .continuousLabels(column, classCount, sampleCount):
            "\(path): the label column\(column.map { " '\($0)'" } ?? "") has \(classCount) different values among "
                + "\(sampleCount) rows, so most classes have a single sample; it looks continuous, not like class labels: "
                + "if another column holds the classes, name it with --label-column"
        case let .featureScalesDiffer(learner, largest, smallest):
            "\(learner) depends on the units of the features, and their standard deviations differ by a factor of "
                + "\(Format.number(largest.standardDeviation / smallest.standardDeviation, significant: 2)) "
                + "('\(largest.feature)' \(Format.number(largest.standardDeviation, significant: 3)), "
                + "'\(smallest.feature)' \(Format.number(smallest.standardDeviation, significant: 3))); "
                + "--standardize learns on standardised features"
        }
    }

    /// `13 features`, or for a raw table `6 columns (2 categorical)`.
    static func shape(of table: TrainingTable) -> String {
        switch table.contents {
        case let .numeric(dataset):
            return "\(dataset.featureCount) features"
        case let .numericTargets(dataset):
            return "\(dataset.featureCount) features"
        case let .raw(dataset, _):
            return shape(of: dataset.table)
        case let .rawTargets(dataset, _):
            return shape(of: dataset.table)
        }
    }

    private static func shape(of raw: RawTable) -> String {
        "\(raw.columns.count) columns (\(raw.columns.filter { $0.kind == .categorical }.count) categorical)"
    }
}
