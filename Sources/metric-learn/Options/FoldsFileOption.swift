import ArgumentParser
import MetricLearn

/// `--folds-file FILE`: cross-validation folds given one fold number per data row (scikit-learn's
/// `PredefinedSplit`), so that another library's folds can be replayed exactly.
struct FoldsFileOption: ParsableArguments {
    @Option(name: .customLong("folds-file"), help: ArgumentHelp(
        "Use the folds in this file instead of stratified folds: one fold number (0, 1, …) per data row, "
            + "no header; each row is tested in its fold.", valueName: "file"))
    var path: String?

    /// The folds in the file for a dataset of `sampleCount` rows, or nil when the option is not given.
    func folds(sampleCount: Int) throws(CommandFailure) -> [StratifiedKFold.Fold]? {
        guard let path else { return nil }
        return try withFile(path, .input) { () throws(MetricLearnError) in
            try StratifiedKFold.Fold.predefined(foldsFile: path, sampleCount: sampleCount)
        }
    }
}
