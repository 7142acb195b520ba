import Foundation
import Testing

/// Outputs named carelessly: a symbolic link, a device, a FIFO, one of the inputs, a full device, a closed or full
/// standard output. Nothing but the named file is ever replaced, and a lost output is never a success.
///
/// Devices are reached through symbolic links to /dev/null and /dev/full (safe whatever the tool does: at worst the
/// link is replaced) or through device nodes made in the workspace with mknod (when the tests run as root).
@Suite struct HostileOutputCLITests {
    static let fit = "fit whitening --mode total --shrinkage none --input iris.csv --output"

    /// Linux's device number for a small major and minor (glibc's `makedev`, a macro Swift does not import).
    static func device(_ major: UInt64, _ minor: UInt64) -> dev_t { dev_t(major << 8 | minor) }

    /// The mode bits of `name` in the workspace, without following a link.
    private func fileType(_ workspace: Workspace, _ name: String) throws -> mode_t {
        var status = stat()
        #expect(lstat(workspace.path(name), &status) == 0)
        return status.st_mode & S_IFMT
    }

    @Test func aSymbolicLinkIsFollowedAndItsTargetReplaced() throws {
        try Workspace.with { workspace in
            try workspace.write("old\n", to: "target.json")
            try FileManager.default.createSymbolicLink(atPath: workspace.path("link.json"), withDestinationPath: "target.json")
            #expect(try workspace.run("\(Self.fit) link.json").status == 0)
            #expect(try fileType(workspace, "link.json") == S_IFLNK)
            #expect(try workspace.read("target.json").hasPrefix("{\n  \"components\""))
            // A dangling link names the file to create; a chain of links is followed to its end.
            try FileManager.default.createSymbolicLink(atPath: workspace.path("dangling.json"), withDestinationPath: "new.json")
            try FileManager.default.createSymbolicLink(atPath: workspace.path("chain.json"), withDestinationPath: "link.json")
            #expect(try workspace.run("\(Self.fit) dangling.json").status == 0)
            #expect(try workspace.run("\(Self.fit) chain.json").status == 0)
            #expect(try fileType(workspace, "dangling.json") == S_IFLNK && fileType(workspace, "chain.json") == S_IFLNK)
            #expect(try workspace.read("new.json").hasPrefix("{\n  \"components\""))
            #expect(try workspace.fileNames() == ["chain.json", "dangling.json", "iris.csv", "link.json", "new.json",
                                                  "target.json", "wine.csv"])
        }
    }

    @Test func aLoopOfLinksIsRefused() throws {
        try Workspace.with { workspace in
            try FileManager.default.createSymbolicLink(atPath: workspace.path("a.json"), withDestinationPath: "b.json")
            try FileManager.default.createSymbolicLink(atPath: workspace.path("b.json"), withDestinationPath: "a.json")
            let result = try workspace.run("\(Self.fit) a.json")
            #expect(result.status == 73)
            #expect(result.stderr == "metric-learn: a.json: too many levels of symbolic links\n")
        }
    }

    /// A device is written in place; --output /dev/null must never turn /dev/null into a regular file.
    @Test func aDeviceIsWrittenInPlaceNeverReplaced() throws {
        try Workspace.with { workspace in
            try FileManager.default.createSymbolicLink(atPath: workspace.path("null.json"), withDestinationPath: "/dev/null")
            #expect(try workspace.run("\(Self.fit) null.json").status == 0)
            #expect(try fileType(workspace, "null.json") == S_IFLNK)
            try FileManager.default.createSymbolicLink(atPath: workspace.path("full.json"), withDestinationPath: "/dev/full")
            let full = try workspace.run("\(Self.fit) full.json")
            #expect(full.status == 73)
            #expect(full.stderr == "metric-learn: full.json: cannot write: No space left on device\n")
            #expect(full.stdout.isEmpty)
            // Device nodes of their own (root only): a copy of /dev/full named directly stays a device.
            guard mknod(workspace.path("full"), S_IFCHR | 0o666, Self.device(1, 7)) == 0,
                  mknod(workspace.path("null"), S_IFCHR | 0o666, Self.device(1, 3)) == 0 else { return }
            #expect(try workspace.run("\(Self.fit) full").status == 73)
            #expect(try workspace.run("\(Self.fit) null").status == 0)
            #expect(try workspace.run("transform --metric null --input iris.csv --output full").status == 65)
            #expect(try fileType(workspace, "full") == S_IFCHR && fileType(workspace, "null") == S_IFCHR)
            #expect(try workspace.fileNames() == ["full", "full.json", "iris.csv", "null", "null.json", "wine.csv"])
        }
    }

    @Test func aFIFOIsWrittenToItsReaderOrRefusedWithoutOne() throws {
        try Workspace.with { workspace in
            #expect(mkfifo(workspace.path("pipe"), 0o644) == 0)
            let alone = try workspace.run("\(Self.fit) pipe")
            #expect(alone.status == 73)
            #expect(alone.stderr == "metric-learn: pipe: is a FIFO (named pipe) that no process is reading\n")
            #expect(try fileType(workspace, "pipe") == S_IFIFO)

            let reader = Process()
            reader.executableURL = URL(fileURLWithPath: "/bin/cat")
            reader.arguments = [workspace.path("pipe")]
            let received = Pipe()
            reader.standardOutput = received
            try reader.run()
            var result: CLI.Result?
            for _ in 0..<200 where result?.status != 0 {    // until cat has opened its end
                result = try workspace.run("\(Self.fit) pipe")
                if result?.status != 0 { usleep(10_000) }
            }
            if result?.status != 0 { FileHandle(forWritingAtPath: workspace.path("pipe"))?.closeFile() }    // let cat end
            let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            reader.waitUntilExit()
            #expect(result?.status == 0)
            #expect(text.hasPrefix("{\n  \"components\""))
            #expect(try fileType(workspace, "pipe") == S_IFIFO)
        }
    }

    @Test(arguments: [
        ("fit whitening --mode total --shrinkage none --input iris.csv --output iris.csv", "--output iris.csv is the file read by --input iris.csv"),
        ("transform --metric m.json --input iris.csv --output m.json", "--output m.json is the file read by --metric m.json"),
        ("transform --metric m.json --input iris.csv --output same.csv", "--output same.csv is the file read by --input iris.csv"),
        ("predict --train iris.csv --input wine.csv --output iris.csv", "--output iris.csv is the file read by --train iris.csv"),
        ("predict --train iris.csv --input hard.csv --metric m.json --output hard.csv",
         "--output hard.csv is the file read by --input hard.csv"),
        ("fit itml --input wine.csv --pairs iris.csv --output same.csv", "--output same.csv is the file read by --pairs iris.csv"),
        ("pairs --metric m.json --input wine.csv --pairs iris.csv --output iris.csv",
         "--output iris.csv is the file read by --pairs iris.csv"),
        ("pairs --metric m.json --input wine.csv --pairs iris.csv --output s.csv --calibrate --output-metric m.json",
         "--output-metric m.json is the file read by --metric m.json"),
        ("evaluate-pairs --metric m.json --input iris.csv --pairs wine.csv --plot hard.csv",
         "--plot hard.csv is the file read by --pairs wine.csv"),
    ])
    func anOutputThatIsAnInputIsAUsageError(_ commandLine: String, _ message: String) throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output m.json").status == 0)
            try FileManager.default.createSymbolicLink(atPath: workspace.path("same.csv"), withDestinationPath: "iris.csv")
            try FileManager.default.linkItem(atPath: workspace.path("wine.csv"), toPath: workspace.path("hard.csv"))
            let before = try workspace.fileNames().map { try workspace.data($0) }
            let result = try workspace.run(commandLine)
            #expect(result.status == 64)
            #expect(result.stderr == "metric-learn: \(message); writing it would replace that input: choose another output\n")
            #expect(try workspace.fileNames().map { try workspace.data($0) } == before)
        }
    }

    /// An empty path names no file: a usage error naming the option, before anything is read or written.
    @Test(arguments: [
        (["fit", "nca", "--input", "iris.csv", "--output", ""], "--output"),
        (["fit", "nca", "--input", "", "--output", "m2.json"], "--input"),
        (["transform", "--metric", "m.json", "--input", "iris.csv", "--output", ""], "--output"),
    ])
    func anEmptyPathIsAUsageError(_ arguments: [String], _ option: String) throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output m.json").status == 0)
            let before = try workspace.fileNames()
            let result = try workspace.run(arguments)
            #expect(result.status == 64)
            #expect(result.stderr == "metric-learn: \(option) is empty: name a file\n")
            #expect(try workspace.fileNames() == before)
        }
    }

    @Test(arguments: ["info m.json", "evaluate --input iris.csv --learner euclidean --json", "--help", "fit nca --help"])
    func lostStandardOutputIsAnIOError(_ commandLine: String) throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output m.json").status == 0)
            for redirection in ["> /dev/full", ">&-"] {
                let result = try workspace.shell(commandLine, redirecting: redirection)
                #expect(result.status == 74, "\(commandLine) \(redirection)")
                #expect(result.stderr.hasPrefix("metric-learn: cannot write the results to standard output"))
            }
        }
    }

    /// A closed stdout is not reused by the first file the command opens: the model file gets no summary lines.
    @Test func aClosedStandardOutputIsNotTakenByAnOutputFile() throws {
        try Workspace.with { workspace in
            let result = try workspace.shell("fit whitening --mode total --shrinkage none --input iris.csv --output m.json", redirecting: ">&-")
            #expect(result.status == 74)
            #expect(try workspace.read("m.json").hasSuffix("}\n"))
        }
    }

    @Test func helpForAnUnknownCommandIsAUsageError() throws {
        try Workspace.with { workspace in
            let bogus = try workspace.run("help bogus")
            #expect(bogus.status == 64)
            #expect(bogus.stdout.isEmpty)
            #expect(bogus.stderr == "metric-learn: help: unknown command 'bogus'; the commands are demo, fit, transform, "
                        + "predict, evaluate, pairs, evaluate-pairs, info, index\n")
            let learner = try workspace.run("help fit magic")
            #expect(learner.status == 64)
            #expect(learner.stderr.hasPrefix("metric-learn: help: unknown command 'magic'; the commands are whitening, nca"))
            #expect(try workspace.run("help fit nca").status == 0)
            #expect(try workspace.run("help").status == 0)
        }
    }
}

extension Workspace {
    /// Runs `metric-learn commandLine` through /bin/sh with `redirection` applied to its standard output
    /// (`> /dev/full`, `>&-`); stderr is captured.
    func shell(_ commandLine: String, redirecting redirection: String) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" \(commandLine) \(redirection)", CLI.executable.path]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["COLUMNS": "80"]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: "", stderr: stderr)
    }
}
