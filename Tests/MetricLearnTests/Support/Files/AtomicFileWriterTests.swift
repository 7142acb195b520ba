import Foundation
@testable import MetricLearn
import Testing

@Suite struct AtomicFileWriterTests {
    /// A fresh, empty directory for one test.
    private func makeDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    @Test func writesANewFileAndLeavesNothingElse() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.csv"
        try AtomicFileWriter.write(Data("a,b\n1,2\n".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("a,b\n1,2\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
    }

    @Test func replacesAnExistingFileKeepingItsPermissions() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/model.json"
        try Data("old contents that are longer".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try AtomicFileWriter.write(Data("new".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["model.json"])
    }

    @Test func writesEmptyData() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFileWriter.write(Data(), to: directory + "/empty")
        #expect(FileManager.default.contents(atPath: directory + "/empty") == Data())
    }

    @Test func missingDirectoryIsAnError() {
        let directory = "/nonexistent-\(UUID().uuidString)"
        #expect(throws: MetricLearnError.file(path: directory + "/out.csv",
                                              reason: "cannot create a file in \(directory): No such file or directory")) {
            try AtomicFileWriter.write(Data("x".utf8), to: directory + "/out.csv")
        }
    }

    @Test func aDirectoryInTheWayIsAnErrorAndNothingIsLeftBehind() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/taken", withIntermediateDirectories: false)
        #expect(throws: MetricLearnError.file(path: directory + "/taken",
                                              reason: "is a directory, not a file")) {
            try AtomicFileWriter.write(Data("x".utf8), to: directory + "/taken")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["taken"])
    }

    @Test func relativePathsWriteInTheWorkingDirectory() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let previous = FileManager.default.currentDirectoryPath
        #expect(FileManager.default.changeCurrentDirectoryPath(directory))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        try AtomicFileWriter.write(Data("z".utf8), to: "relative.txt")
        #expect(FileManager.default.contents(atPath: directory + "/relative.txt") == Data("z".utf8))
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: directory + "/target"))
        try FileManager.default.createSymbolicLink(atPath: directory + "/link", withDestinationPath: "target")
        try FileManager.default.createSymbolicLink(atPath: directory + "/dangling", withDestinationPath: "created")
        try AtomicFileWriter.write(Data("new".utf8), to: directory + "/link")
        try AtomicFileWriter.write(Data("made".utf8), to: directory + "/dangling")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link") == "target")
        #expect(FileManager.default.contents(atPath: directory + "/target") == Data("new".utf8))
        #expect(FileManager.default.contents(atPath: directory + "/created") == Data("made".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
                    == ["created", "dangling", "link", "target"])
    }

    @Test func devicesAndDescriptorsAreStreamsAndFIFOsNeedAReader() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(atPath: directory + "/null", withDestinationPath: "/dev/null")
        #expect(try OutputDestination(resolving: directory + "/null") == .stream("/dev/null", isFIFO: false))
        #expect(try OutputDestination(resolving: "/dev/stdout") == .stream("/proc/self/fd/1", isFIFO: false))
        #expect(try OutputDestination(resolving: directory + "/new") == .file(directory + "/new"))
        try AtomicFileWriter.write(Data("x".utf8), to: directory + "/null")
        #expect(throws: MetricLearnError.file(path: "/dev/full", reason: "cannot write: No space left on device")) {
            try AtomicFileWriter.write(Data("x".utf8), to: "/dev/full")
        }
        #expect(mkfifo(directory + "/fifo", 0o600) == 0)
        #expect(throws: MetricLearnError.file(path: directory + "/fifo",
                                              reason: "is a FIFO (named pipe) that no process is reading")) {
            try AtomicFileWriter.write(Data("x".utf8), to: directory + "/fifo")
        }
        #expect(throws: MetricLearnError.file(path: directory, reason: "is a directory, not a file")) {
            try AtomicFileWriter.write(Data("x".utf8), to: directory)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["fifo", "null"])
    }

    /// What a signal handler does: every registered temporary file is unlinked, each exactly once. On a table of
    /// its own: emptying the shared one would remove the temporary files of other tests' writes in progress.
    @Test func registeredTemporaryFilesAreRemovedByTheHandlersCall() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/.out.tmp"
        let table = TemporaryFiles()
        let slot = try #require(table.register(path))
        try Data("partial".utf8).write(to: URL(fileURLWithPath: path))
        table.removeAll()
        #expect(!FileManager.default.fileExists(atPath: path))
        table.unregister(slot)      // after the handler took the path: nothing to free
        try Data("kept".utf8).write(to: URL(fileURLWithPath: path))
        table.removeAll()
        #expect(FileManager.default.fileExists(atPath: path), "an unregistered file is not touched")
    }
}
