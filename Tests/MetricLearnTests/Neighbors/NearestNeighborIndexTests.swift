import Foundation
import MetricLearn
import Testing

@Suite("NearestNeighborIndex")
struct NearestNeighborIndexTests {
    private func column(_ values: [Double]) -> Matrix { Matrix(rowCount: values.count, columnCount: 1, elements: values) }

    @Test("hand case: nearest first, equal distances in index order")
    func handCase() throws {
        let index = try NearestNeighborIndex(points: column([0, 1, 3, 6]))
        let result = try index.neighbors(of: column([2, 6.5]), count: 3)
        #expect(result.queryCount == 2 && result.neighborCount == 3)
        #expect(Array(result.indices(ofQuery: 0)) == [1, 2, 0])
        #expect(Array(result.distances(ofQuery: 0)) == [1, 1, 2])
        #expect(Array(result.indices(ofQuery: 1)) == [3, 2, 1])
        #expect(Array(result.distances(ofQuery: 1)) == [0.5, 3.5, 5.5])
    }

    @Test("a tie at the k-th place keeps the lower index")
    func tieAtBoundary() throws {
        let index = try NearestNeighborIndex(points: column([1, -1, 1, -1]))
        #expect(Array(try index.neighbors(of: column([0]), count: 1).indices(ofQuery: 0)) == [0])
        #expect(Array(try index.neighbors(of: column([0]), count: 3).indices(ofQuery: 0)) == [0, 1, 2])
    }

    @Test("excluding self skips the query's own index but keeps its duplicates")
    func excludingSelf() throws {
        let index = try NearestNeighborIndex(points: column([0, 0, 5, 7]))
        let result = try index.neighborsOfIndexedPoints(count: 2)
        #expect(Array(result.indices(ofQuery: 0)) == [1, 2])
        #expect(Array(result.indices(ofQuery: 1)) == [0, 2])
        #expect(Array(result.indices(ofQuery: 2)) == [3, 0])
        #expect(Array(result.distances(ofQuery: 2)) == [2, 5])
        #expect(Array(result.distances(ofQuery: 3)) == [2, 7])
        #expect(result.distances(ofQuery: 0).first == 0)
    }

    @Test("duplicates far from the origin are exactly 0 apart; near points keep their small distance")
    func nearCoincidentPoints() throws {
        let base = [1234.5678, -987.654321, 4321.0]
        let shifted = [base[0] + 1e-9, base[1], base[2]]
        let index = try NearestNeighborIndex(points: Matrix(rows: [base, [0, 0, 0], shifted, base]))
        let result = try index.neighbors(of: Matrix(rows: [base]), count: 3)
        #expect(Array(result.indices(ofQuery: 0)) == [0, 3, 2])
        #expect(result.distances(ofQuery: 0).prefix(2) == [0, 0])
        let expected = abs(shifted[0] - base[0])
        #expect(abs(result.distances(ofQuery: 0).last! - expected) <= 1e-6 * expected)
    }

    @Test("points past the last group of four (the scan's scalar tail) are found, tied and excluded")
    func scanTail() throws {
        // 7 points: the scan reads 0...3 as one SIMD4 group and 4...6 one at a time.
        let index = try NearestNeighborIndex(points: column([3, 10, 20, 30, 40, 50, 3]))
        let result = try index.neighbors(of: column([49, 45]), count: 3)
        #expect(Array(result.indices(ofQuery: 0)) == [5, 4, 3])
        #expect(Array(result.distances(ofQuery: 0)) == [1, 9, 19])
        #expect(Array(result.indices(ofQuery: 1)) == [4, 5, 3])
        #expect(Array(result.distances(ofQuery: 1)) == [5, 5, 15])
        let own = try index.neighborsOfIndexedPoints(count: 1)
        #expect(Array(own.indices(ofQuery: 6)) == [0] && Array(own.distances(ofQuery: 6)) == [0])
        #expect(Array(own.indices(ofQuery: 0)) == [6] && Array(own.distances(ofQuery: 0)) == [0])
        #expect(Array(own.indices(ofQuery: 5)) == [4] && Array(own.distances(ofQuery: 5)) == [10])
    }

    /// Reference: every distance computed directly and sorted by (distance, index).
    private func naiveNeighbors(of query: [Double], in points: Matrix, count: Int, excluding: Int?) -> [Int] {
        let candidates = (0..<points.rowCount).filter { $0 != excluding }.map { j in
            (zip(query, points.row(j)).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }, j)
        }
        return candidates.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(count).map(\.1)
    }

    @Test("agrees with a direct search across tile boundaries", arguments: [1, 4, 17])
    func agreesWithDirectSearch(count: Int) throws {
        // 2100 points make tiles of 256 queries × 1024 points: nine tile rows, three tile columns (the last one
        // 52 points wide, scanned on one thread; the others split over the processors).
        var generator = SeededGenerator(seed: 7)
        let points = Matrix(rowCount: 2100, columnCount: 3, elements: (0..<6300).map { _ in generator.nextGaussian() })
        let index = try NearestNeighborIndex(points: points)
        let result = try index.neighborsOfIndexedPoints(count: count)
        for query in [0, 255, 256, 1023, 1024, 2047, 2048, 2099] {
            let expected = naiveNeighbors(of: points.row(query), in: points, count: count, excluding: query)
            #expect(Array(result.indices(ofQuery: query)) == expected, "query \(query)")
        }
        let queries = points.rows(at: [5, 2000])
        let external = try index.neighbors(of: queries, count: count)
        #expect(external.indices(ofQuery: 0).first == 5 && external.distances(ofQuery: 0).first == 0)
        #expect(Array(external.indices(ofQuery: 1)) == naiveNeighbors(of: points.row(2000), in: points, count: count, excluding: nil))
    }

    @Test("more neighbours than a tile column holds")
    func manyNeighbors() throws {
        // 260 queries (more than a tile row, so the points are visited in tile columns of 1024) and k = 1100.
        var generator = SeededGenerator(seed: 8)
        let points = Matrix(rowCount: 2100, columnCount: 2, elements: (0..<4200).map { _ in generator.nextGaussian() })
        let queries = Matrix(rowCount: 260, columnCount: 2, elements: (0..<520).map { _ in generator.nextGaussian() })
        let result = try NearestNeighborIndex(points: points).neighbors(of: queries, count: 1100)
        for query in [0, 255, 259] {
            #expect(Array(result.indices(ofQuery: query))
                    == naiveNeighbors(of: queries.row(query), in: points, count: 1100, excluding: nil))
            let distances = Array(result.distances(ofQuery: query))
            #expect(distances == distances.sorted())
        }
    }

    @Test("few queries: one pass over all points gives the same neighbours as tiles")
    func fewQueries() throws {
        var generator = SeededGenerator(seed: 9)
        let points = Matrix(rowCount: 3000, columnCount: 3, elements: (0..<9000).map { _ in generator.nextGaussian() })
        let queries = Matrix(rowCount: 300, columnCount: 3, elements: (0..<900).map { _ in generator.nextGaussian() })
        let index = try NearestNeighborIndex(points: points)
        let tiled = try index.neighbors(of: queries, count: 7)
        let single = try index.neighbors(of: queries.rows(at: [0, 150, 299]), count: 7)
        for (row, query) in [0, 150, 299].enumerated() {
            #expect(single.indices(ofQuery: row) == tiled.indices(ofQuery: query))
            for (a, b) in zip(single.distances(ofQuery: row), tiled.distances(ofQuery: query)) {
                #expect(abs(a - b) <= 1e-12 * max(1, b))
            }
        }
    }

    @Test("invalid input throws a typed error")
    func validation() throws {
        #expect(throws: MetricLearnError.emptyInput(what: "no samples")) {
            try NearestNeighborIndex(points: Matrix(rowCount: 0, columnCount: 2))
        }
        #expect(throws: MetricLearnError.nonFiniteValue(row: 1, column: 0)) {
            try NearestNeighborIndex(points: column([0, .nan]))
        }
        #expect(throws: MetricLearnError.overflow(row: 0, column: nil, what: "the squared distance to the row")) {
            try NearestNeighborIndex(points: column([1e200, 0]))
        }
        let index = try NearestNeighborIndex(points: column([0, 1, 2]))
        for count in [0, 4] {
            #expect(throws: MetricLearnError.invalidParameter(
                name: "count", value: String(count),
                requirement: "must be between 1 and the number of indexed points (3)")) {
                try index.neighbors(of: column([0]), count: count)
            }
        }
        #expect(throws: MetricLearnError.invalidParameter(
            name: "count", value: "3",
            requirement: "must be between 1 and the number of indexed points minus one (2)")) {
            try index.neighborsOfIndexedPoints(count: 3)
        }
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 1, actual: 2)) {
            try index.neighbors(of: Matrix(rows: [[0, 0]]), count: 1)
        }
        #expect(throws: MetricLearnError.nonFiniteValue(row: 0, column: 0)) {
            try index.neighbors(of: column([.infinity]), count: 1)
        }
    }

    @Test("Codable round trip is exact; an empty index in a file is rejected")
    func codable() throws {
        let index = try NearestNeighborIndex(points: Matrix(rows: [[0.1, 2], [3, 4.25]]))
        let decoded = try JSONDecoder().decode(NearestNeighborIndex.self, from: JSONEncoder().encode(index))
        #expect(decoded == index)
        let empty = Data(#"{"points": {"rows": 0, "columns": 2, "values": []}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NearestNeighborIndex.self, from: empty) }
    }
}
