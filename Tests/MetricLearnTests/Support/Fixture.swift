import Foundation

/// Reference values recorded from scikit-learn / metric-learn / PyLMNN by `Benchmarks/peers/golden.py`.
///
/// Fixtures live in `Tests/MetricLearnTests/Fixtures/NAME.json` and are read by path relative to this
/// source file, so tests need no bundle resources. A `Fixture` is one JSON object of such a file. Every
/// accessor throws a `Fixture.Problem` when its key is missing, holds another type or an empty array,
/// so a golden test whose fixture lacks a value fails rather than comparing nothing.
struct Fixture {
    /// Why a value could not be read, naming the file and the keys leading to it (`itml_iris.json: runs.M`).
    enum Problem: Error, Equatable, CustomStringConvertible {
        case missingKey(String)
        case wrongType(String, expected: String)
        case empty(String)

        var description: String {
            switch self {
            case let .missingKey(path): "fixture has no \(path)"
            case let .wrongType(path, expected): "fixture's \(path) is not \(expected)"
            case let .empty(path): "fixture's \(path) is empty"
            }
        }
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The file name, then the keys leading to this object.
    private let path: [String]
    private let values: [String: Any]

    /// The top-level object of fixture `name` (without `.json`).
    init(_ name: String) throws {
        try self.init(json: Data(contentsOf: Fixture.directory.appendingPathComponent("\(name).json")),
                      file: "\(name).json")
    }

    /// The top-level object of `json`, reported as `file` (the helper's own tests build fixtures in memory).
    init(json: Data, file: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw Problem.wrongType(file, expected: "an object")
        }
        self.init(path: [file], values: object)
    }

    private init(path: [String], values: [String: Any]) {
        self.path = path
        self.values = values
    }

    /// The nested object at `key`.
    func object(_ key: String) throws -> Fixture {
        Fixture(path: path + [key], values: try value(key, as: [String: Any].self, "an object"))
    }

    /// The number at `key`.
    func number(_ key: String) throws -> Double {
        try Fixture.number(value(key, as: Any.self, "a number"), at: location(key))
    }

    /// The integer at `key` (a number with no fractional part).
    func integer(_ key: String) throws -> Int {
        try Fixture.integer(number(key), at: location(key))
    }

    /// The Boolean at `key`.
    func boolean(_ key: String) throws -> Bool {
        try value(key, as: Bool.self, "a Boolean")
    }

    /// The string at `key`.
    func string(_ key: String) throws -> String {
        try value(key, as: String.self, "a string")
    }

    /// The non-empty array of strings at `key`.
    func strings(_ key: String) throws -> [String] {
        try nonEmpty(value(key, as: [String].self, "an array of strings"), key)
    }

    /// The non-empty array of numbers at `key`.
    func vector(_ key: String) throws -> [Double] {
        let place = location(key)
        return try nonEmpty(value(key, as: [Any].self, "an array of numbers"), key).map { element throws in
            try Fixture.number(element, at: place)
        }
    }

    /// The non-empty array of integers at `key`.
    func integers(_ key: String) throws -> [Int] {
        let place = location(key)
        return try vector(key).map { element throws in try Fixture.integer(element, at: place) }
    }

    /// The non-empty array of non-empty integer arrays at `key` (rows may differ in length).
    func integerRows(_ key: String) throws -> [[Int]] {
        let place = location(key)
        return try rows(key).map { row throws in
            try row.map { element throws in try Fixture.integer(element, at: place) }
        }
    }

    /// The non-empty array of equally long, non-empty number arrays at `key`, as rows.
    func matrix(_ key: String) throws -> [[Double]] {
        let result = try rows(key)
        guard result.allSatisfy({ $0.count == result[0].count }) else {
            throw Problem.wrongType(location(key), expected: "a matrix (rows of equal length)")
        }
        return result
    }

    private func rows(_ key: String) throws -> [[Double]] {
        let place = location(key)
        return try nonEmpty(value(key, as: [[Any]].self, "an array of arrays"), key).map { row throws in
            guard !row.isEmpty else { throw Problem.empty(place + "[…]") }
            return try row.map { element throws in try Fixture.number(element, at: place) }
        }
    }

    private func location(_ key: String) -> String {
        path[0] + ": " + (path.dropFirst() + [key]).joined(separator: ".")
    }

    private func value<T>(_ key: String, as type: T.Type, _ expected: String) throws -> T {
        guard let raw = values[key] else { throw Problem.missingKey(location(key)) }
        guard let typed = raw as? T else { throw Problem.wrongType(location(key), expected: expected) }
        return typed
    }

    private func nonEmpty<C: Collection>(_ collection: C, _ key: String) throws -> C {
        guard !collection.isEmpty else { throw Problem.empty(location(key)) }
        return collection
    }

    private static func number(_ value: Any, at location: String) throws -> Double {
        guard let number = value as? NSNumber else {
            throw Problem.wrongType(location, expected: "a number")
        }
        return number.doubleValue
    }

    private static func integer(_ value: Double, at location: String) throws -> Int {
        guard let integer = Int(exactly: value) else { throw Problem.wrongType(location, expected: "an integer") }
        return integer
    }
}
