import ArgumentParser
import MetricLearn

/// A failed run: one line for stderr (without the `metric-learn: ` prefix) and its exit status.
struct CommandFailure: Error {
    /// What went wrong, naming the file and place or the option.
    let message: String
    /// The sysexits(3) status.
    let exitCode: ExitCode
}

extension ExitCode {
    /// EX_USAGE: a bad option, argument or parameter value.
    static let usage = ExitCode(64)
    /// EX_DATAERR: bad data or a bad model file.
    static let dataError = ExitCode(65)
    /// EX_NOINPUT: an input file is missing or unreadable.
    static let noInput = ExitCode(66)
    /// EX_SOFTWARE: an internal error (a bug).
    static let internalError = ExitCode(70)
    /// EX_CANTCREAT: an output file cannot be created or written.
    static let cannotCreate = ExitCode(73)
    /// EX_IOERR: the results could not be written to standard output.
    static let ioError = ExitCode(74)
}

extension CommandFailure {
    /// Whether the command reads or writes a file, which decides the status of a file error.
    enum FileRole {
        /// A data or model file the command reads.
        case input
        /// A file the command writes.
        case output
    }

    /// `error`, raised while working on the file at `path` in `role`, as a one-line failure.
    ///
    /// File errors give 66 for inputs and 73 for outputs, data and model-file problems (`invalidData` among them)
    /// 65, and parameter problems (`invalidParameter`) 64, naming the command-line option: the kebab-case
    /// parameter name (`componentCount` → `--component-count`) unless `options` spells it otherwise. An error about a
    /// row of an input CSV file (an overflow, a missing cell) is given at the row's line.
    init(_ error: MetricLearnError, path: String?, role: FileRole, options: [String: String] = [:]) {
        let place = path.map { "\($0): " } ?? ""
        let error = if let path, role == .input, !LabelsFileOption.isNPY(path) {
            error.locatingRows(inCSVFile: path)
        } else {
            error
        }
        switch error {
        case let .file(filePath, reason):
            self.init(message: "\(filePath): \(reason)", exitCode: role == .output ? .cannotCreate : .noInput)
        case let .npyFile(filePath, reason):
            self.init(message: "\(filePath): \(reason)", exitCode: .dataError)
        case let .modelFile(reason):
            self.init(message: "\(place)not a valid model file: \(reason)", exitCode: .dataError)
        case let .refusedData(.identifierColumn(column)):
            self.init(message: "\(place)every value of categorical column '\(column)' is different, so one-hot encoding "
                          + "would make a feature of each row; --categorical auto refuses it: leave it out with "
                          + "--ignore \(Format.argument(column)), or name it with --categorical \(Format.argument(column)) "
                          + "to encode it anyway",
                      exitCode: .dataError)
        case let .insufficientMemory(what, requiredBytes, availableBytes, remedies):
            let need = MetricLearnError.insufficientMemory(what: what, requiredBytes: requiredBytes,
                                                          availableBytes: availableBytes, remedies: [])
            let ways = remedies.map { remedy in
                switch remedy {
                case .fewerFeatures: "leave feature columns out (--ignore, --features)"
                case .fewerComponents: "ask for fewer components (--component-count)"
                case .fewerSamples: "use fewer rows"
                case .otherInitialization: "start from --initialization pca"
                }
            }
            self.init(message: "\(place)\(need)" + (ways.isEmpty ? "" : "; " + ways.joined(separator: " or ")),
                      exitCode: .dataError)
        case let .invalidParameter(name, value, requirement):
            self.init(message: "invalid --\(options[name] ?? name.kebabCased) \(value): \(requirement)", exitCode: .usage)
        default:
            self.init(message: "\(place)\(error)", exitCode: .dataError)
        }
    }
}

/// Runs `body`, turning a `MetricLearnError` into a `CommandFailure` about the file at `path`
/// (`options` maps parameter names to option names where they differ).
func withFile<T>(_ path: String?, _ role: CommandFailure.FileRole, options: [String: String] = [:],
                 _ body: () throws(MetricLearnError) -> T) throws(CommandFailure) -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure(error, path: path, role: role, options: options)
    }
}
