import Foundation

/// The process's standard error: diagnostics, warnings and progress, never results.
enum StandardError {
    /// Whether stderr is a terminal (so progress lines are shown by default).
    static var isTerminal: Bool { isatty(FileHandle.standardError.fileDescriptor) == 1 }

    /// Writes `text` as is.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes `metric-learn: <message>` and a newline.
    static func report(_ message: String) {
        write("metric-learn: \(message)\n")
    }

    /// Writes `metric-learn: warning: <message>` and a newline.
    static func warn(_ message: String) {
        report("warning: \(message)")
    }
}
