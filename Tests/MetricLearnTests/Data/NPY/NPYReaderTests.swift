import Foundation
@testable import MetricLearn
import Testing

/// `.npy` reading against files written by NumPy (`Benchmarks/peers/npy_fixtures.py`; the NumPy version is in
/// `Fixtures/NPY/npy_fixtures.json`), and against hostile bytes.
@Suite struct NPYReaderTests {
    static let directory = Fixture.directory.appendingPathComponent("NPY")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static var manifest: [String: Any] {
        let data = (try? Data(contentsOf: directory.appendingPathComponent("npy_fixtures.json"))) ?? Data()
        return ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
    }

    static var featureFixtures: [String] {
        ((manifest["features"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String }
    }

    static var labelFixtures: [String] {
        ((manifest["labels"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String }
    }

    static func entry(_ kind: String, _ file: String) -> [String: Any] {
        ((manifest[kind] as? [[String: Any]]) ?? []).first { $0["file"] as? String == file } ?? [:]
    }

    @Test func manifestListsEveryDtypeOrderAndVersion() throws {
        #expect(Self.manifest["numpy"] as? String == "2.4.6")
        let entries = try #require(Self.manifest["features"] as? [[String: Any]])
        let dtypes = Set(entries.compactMap { $0["dtype"] as? String })
        #expect(dtypes.isSuperset(of: ["<f8", "<f4", "<i8", "<i4", ">f8", ">f4", ">i8", ">i4"]))
        #expect(Set(entries.compactMap { $0["order"] as? String }) == ["C", "F"])
        #expect(Set(entries.compactMap { $0["version"] as? String }) == ["1.0", "2.0", "3.0"])
    }

    @Test(arguments: featureFixtures)
    func featuresMatchWhatNumPyWrote(file: String) throws {
        let expected = try #require(Self.entry("features", file)["values"] as? [Double])
        let matrix = try Matrix(npyFile: Self.path(file))
        #expect(matrix.rowCount == 3 && matrix.columnCount == 4)
        #expect(matrix.elements == expected)
    }

    @Test func featureTableNamesColumnsLikeAnUnnamedMetric() throws {
        let table = try FeatureTable(npyFile: Self.path("features_le_f8_C.npy"))
        #expect(table.featureNames == ["x0", "x1", "x2", "x3"])
    }

    @Test(arguments: labelFixtures)
    func classLabelsAreTheTextsAsWritten(file: String) throws {
        let texts = try #require(Self.entry("labels", file)["texts"] as? [String])
        let dataset = try Dataset(npyFile: Self.path("features_le_f8_C.npy"), labelsFile: Self.path(file))
        #expect(dataset.labels.map { dataset.classNames[$0] } == texts)
    }

    @Test func integerClassesAreOrderedByValue() throws {
        let dataset = try Dataset(npyFile: Self.path("features_le_f8_C.npy"), labelsFile: Self.path("labels_i4_be.npy"))
        #expect(dataset.classNames == ["-1", "2"])
    }

    @Test func targetsAreTheNumbers() throws {
        let dataset = try RegressionDataset(npyFile: Self.path("features_le_i8_F.npy"),
                                            targetsFile: Self.path("targets_f4.npy"))
        #expect(dataset.targets == [1.5, -2.25, 1000])
        let table = try TrainingTable(npyFile: Self.path("features_le_i8_F.npy"),
                                      labelsFile: Self.path("targets_f4.npy"), task: .regression)
        #expect(table.task == .regression && table.sampleCount == 3)
    }

    @Test func labelsFromACSVColumn() throws {
        let directory = try TemporaryDirectory()
        let csv = directory.file("y.csv")
        try Data("id,species\n1,b\n2,a\n3,b\n".utf8).write(to: URL(fileURLWithPath: csv))
        let dataset = try Dataset(npyFile: Self.path("features_le_f8_C.npy"), labelsFile: csv,
                                  labelColumn: .named("species"))
        #expect(dataset.classNames == ["a", "b"] && dataset.labels == [1, 0, 1])
        let last = try Dataset(npyFile: Self.path("features_le_f8_C.npy"), labelsFile: csv)    // the last column
        #expect(last.classNames == ["a", "b"])
        let id = try Dataset(npyFile: Self.path("features_le_f8_C.npy"), labelsFile: csv, labelColumn: .index(0))
        #expect(id.classNames == ["1", "2", "3"])
    }

    @Test func nonWholeFloatLabelsAreNotClasses() {
        expectNPYError(containing: ["labels_fraction.npy", "label 1 is 2.5", "regression"]) {
            _ = try Dataset(npyFile: Self.path("features_le_f8_C.npy"), labelsFile: Self.path("labels_fraction.npy"))
        }
        #expect(throws: Never.self) {
            _ = try RegressionDataset(npyFile: Self.path("features_le_f8_C.npy"),
                                      targetsFile: Self.path("labels_fraction.npy"))
        }
    }

    @Test func textIsNotARegressionTarget() {
        expectNPYError(containing: ["labels_text.npy", "holds text"]) {
            _ = try RegressionDataset(npyFile: Self.path("features_le_f8_C.npy"), targetsFile: Self.path("labels_text.npy"))
        }
    }

    @Test func objectArraysAreRefusedUnread() {
        expectNPYError(containing: ["labels_object.npy", "Python objects", "'|O'"]) {
            _ = try Dataset(npyFile: Self.path("features_le_f8_C.npy"), labelsFile: Self.path("labels_object.npy"))
        }
    }

    @Test func nonFiniteCellsNameRowAndColumn() {
        expectNPYError(containing: ["features_nan.npy", "non-finite value (NaN or infinity) at row 1, column 1"]) {
            _ = try Matrix(npyFile: Self.path("features_nan.npy"))
        }
    }

    @Test func unsupportedDtypesAndShapesAreNamed() {
        expectNPYError(containing: ["features_c16.npy", "'<c16' is not supported"]) {
            _ = try Matrix(npyFile: Self.path("features_c16.npy"))
        }
        expectNPYError(containing: ["features_1d.npy", "shape (3,)", "2-D"]) {
            _ = try Matrix(npyFile: Self.path("features_1d.npy"))
        }
        expectNPYError(containing: ["features_le_f8_C.npy", "shape (3, 4)", "1-D"]) {
            _ = try Dataset(npyFile: Self.path("features_le_f8_C.npy"), labelsFile: Self.path("features_le_f8_C.npy"))
        }
    }

    @Test func labelCountMustMatchTheRows() throws {
        let directory = try TemporaryDirectory()
        let labels = directory.file("y.npy")
        try Self.npy(descr: "<i8", shape: "(2,)", data: [UInt8](repeating: 1, count: 16)).write(to: URL(fileURLWithPath: labels))
        expectNPYError(containing: ["y.npy", "holds 2 labels for the 3 rows of", "features_le_f8_C.npy"]) {
            _ = try Dataset(npyFile: Self.path("features_le_f8_C.npy"), labelsFile: labels)
        }
    }

    // MARK: hostile bytes

    /// A version 1.0 file with header `{'descr': …, 'fortran_order': False, 'shape': …, }` and `data`.
    static func npy(descr: String, shape: String, data: [UInt8], dict: String? = nil) -> Data {
        let header = (dict ?? "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }") + "\n"
        let length = header.utf8.count
        return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)]
                    + Array(header.utf8) + data)
    }

    static let hostile: [(name: String, bytes: Data, message: String)] = [
        ("empty", Data(), "not a NumPy .npy file"),
        ("bad magic", Data("NUMPY is not here".utf8), "not a NumPy .npy file"),
        ("version 9", Data([0x93] + Array("NUMPY".utf8) + [9, 0, 0, 0]), "unsupported .npy format version 9.0"),
        ("header cut", Data([0x93] + Array("NUMPY".utf8) + [1, 0, 200, 0] + Array("{'descr'".utf8)),
         "truncated: it ends inside the header"),
        ("data cut", npy(descr: "<f8", shape: "(3, 4)", data: [UInt8](repeating: 0, count: 95)), "truncated"),
        ("extra data", npy(descr: "<f8", shape: "(1, 1)", data: [UInt8](repeating: 0, count: 9)), "1 byte after the data"),
        ("header not a dict", npy(descr: "", shape: "", data: [], dict: "[1, 2, 3]"), "the header is not a dict"),
        ("python code", npy(descr: "", shape: "", data: [], dict: "__import__('os').system('true')"),
         "the header is not a dict"),
        ("no shape", npy(descr: "", shape: "", data: [], dict: "{'descr': '<f8', 'fortran_order': False}"),
         "no 'shape'"),
        ("shape overflow", npy(descr: "<f8", shape: "(9223372036854775807, 9223372036854775807)", data: []),
         "more elements than can be addressed"),
        ("dimension too large", npy(descr: "<f8", shape: "(99999999999999999999999, 1)", data: []), "too large"),
        ("structured", npy(descr: "", shape: "", data: [],
                           dict: "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1, 1), }"),
         "structured dtypes"),
        ("pickle", npy(descr: "|O", shape: "(1, 1)", data: Array("\u{80}\u{04}".utf8)), "Python objects"),
        ("empty matrix", npy(descr: "<f8", shape: "(0, 4)", data: []), "empty array"),
        ("three dimensions", npy(descr: "<f8", shape: "(1, 1, 1)", data: [UInt8](repeating: 0, count: 8)), "2-D"),
    ]

    @Test(arguments: hostile.indices)
    func hostileFilesAreTypedErrorsNamingTheFile(index: Int) throws {
        let (name, bytes, message) = Self.hostile[index]
        let directory = try TemporaryDirectory()
        let path = directory.file("hostile.npy")
        try bytes.write(to: URL(fileURLWithPath: path))
        expectNPYError(containing: ["hostile.npy", message], comment: name) { _ = try Matrix(npyFile: path) }
    }

    @Test func hugeShapesAreRefusedBeforeAllocating() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("huge.npy")
        try Self.npy(descr: "<f8", shape: "(100000000000, 1000)", data: []).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try Matrix(npyFile: path)
        } throws: { error in
            guard case let .insufficientMemory(what, _, _, _) = error as? MetricLearnError else { return false }
            return what.contains("huge.npy")
        }
    }

    @Test func aShapeLargerThanTheFileIsTruncatedBeforeAllocating() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("short.npy")
        try Self.npy(descr: "<f4", shape: "(1000000, 100)", data: [0, 0, 0, 0]).write(to: URL(fileURLWithPath: path))
        expectNPYError(containing: ["short.npy", "truncated", "shape (1000000, 100)", "the file holds"]) {
            _ = try Matrix(npyFile: path)
        }
    }

    @Test func devicesAndDirectoriesAreFileErrors() {
        #expect(throws: MetricLearnError.npyFile(path: "/dev/zero",
                                                 reason: "not a NumPy .npy file (it does not start with \\x93NUMPY)")) {
            _ = try Matrix(npyFile: "/dev/zero")
        }
        #expect(throws: MetricLearnError.file(path: "/tmp", reason: "is a directory, not a file")) {
            _ = try Matrix(npyFile: "/tmp")
        }
        #expect(throws: MetricLearnError.file(path: "/nonexistent/x.npy", reason: "no such file")) {
            _ = try Matrix(npyFile: "/nonexistent/x.npy")
        }
    }

    @Test func writtenMatricesReadBack() throws {
        let matrix = Matrix(rows: [[1, -0.5, .pi], [1e300, -1e-300, 0]])
        let directory = try TemporaryDirectory()
        let path = directory.file("m.npy")
        try matrix.npyData().write(to: URL(fileURLWithPath: path))
        #expect(try Matrix(npyFile: path) == matrix)
    }
}

/// Expects `body` to throw `npyFile` whose message contains every one of `parts`.
func expectNPYError(containing parts: [String], comment: String = "",
                    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("no error \(comment)", sourceLocation: sourceLocation)
    } catch let error as MetricLearnError {
        guard case .npyFile = error else {
            Issue.record("\(comment): \(error) is not an npyFile error", sourceLocation: sourceLocation)
            return
        }
        for part in parts where !error.description.contains(part) {
            Issue.record("\(comment): '\(error)' lacks '\(part)'", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("\(comment): \(error)", sourceLocation: sourceLocation)
    }
}

/// A fresh directory under the system's temporary directory, removed with its files when released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("npy-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` in the directory.
    func file(_ name: String) -> String { url.appendingPathComponent(name).path }
}
