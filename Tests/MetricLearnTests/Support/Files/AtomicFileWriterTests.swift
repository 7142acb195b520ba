import Foundation
import MetricLearn
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
                                              reason: "cannot replace the file: Is a directory")) {
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
}
