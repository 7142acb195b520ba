import Foundation
import MetricLearn
import Testing

/// Points of a learned embedding in miniature: a `classCount`-class Gaussian mixture in a random low-dimensional
/// subspace plus isotropic noise (the structure `make bench-ann` uses at 10⁶ rows).
func embeddingLikePoints(count: Int, dimension: Int = 16, subspace: Int = 4, classCount: Int = 5,
                         seed: UInt64 = 7) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    let basis = (0..<subspace * dimension).map { _ in generator.nextGaussian() / Double(dimension).squareRoot() }
    let centres = (0..<classCount * subspace).map { _ in 3 * generator.nextGaussian() }
    var elements = [Double](repeating: 0, count: count * dimension)
    for i in 0..<count {
        let c = generator.nextIndex(below: classCount)
        let latent = (0..<subspace).map { centres[c * subspace + $0] + generator.nextGaussian() }
        for j in 0..<dimension {
            var value = 0.1 * generator.nextGaussian()
            for s in 0..<subspace { value += latent[s] * basis[s * dimension + j] }
            elements[i * dimension + j] = value
        }
    }
    return Matrix(rowCount: count, columnCount: dimension, elements: elements)
}

@Suite("HNSWIndex")
struct HNSWIndexTests {
    let points = embeddingLikePoints(count: 1500)
    let queries = embeddingLikePoints(count: 100, seed: 8)

    @Test("with a candidate list as long as the data the search finds the exact neighbours")
    func exhaustiveSearchIsExact() throws {
        let index = try HNSWIndex(points: points, parameters: HNSWParameters(efSearch: points.rowCount))
        let exact = try NearestNeighborIndex(points: points).neighbors(of: queries, count: 10)
        let approximate = try index.neighbors(of: queries, count: 10)
        #expect(approximate.indices == exact.indices)
        for (a, e) in zip(approximate.distances, exact.distances) { #expect(abs(a - e) <= 1e-5 * max(1, e)) }
    }

    @Test("results are sorted by distance, then index, and every query gets k distinct points")
    func resultShape() throws {
        let index = try HNSWIndex(points: points, parameters: HNSWParameters(efSearch: 8))
        let result = try index.neighbors(of: queries, count: 20)
        #expect(result.queryCount == 100 && result.neighborCount == 20)
        for q in 0..<result.queryCount {
            let pairs = Array(zip(result.distances(ofQuery: q), result.indices(ofQuery: q)))
            #expect(zip(pairs, pairs.dropFirst()).allSatisfy { $0 <= $1 })
            #expect(Set(result.indices(ofQuery: q)).count == 20)
            #expect(result.indices(ofQuery: q).allSatisfy { (0..<points.rowCount).contains($0) })
        }
    }

    @Test("recall@10 of the default parameters on embedding-like data, against exact search")
    func recallOfDefaults() throws {
        let index = try HNSWIndex(points: points, parameters: HNSWParameters(insertion: .sequential))
        let held = try index.recall(points: points, queries: .rows(queries), neighborCount: 10)
        #expect(held.recall >= 0.95 && held.recall <= 1)
        #expect(held.queryCount == 100 && held.neighborCount == 10 && held.efSearch == 64)
        let sampled = try index.recall(points: points, queries: .sample(count: 200, seed: 3), neighborCount: 10)
        #expect(sampled.recall >= 0.95 && sampled.queryCount == 200)
        // A candidate list of 1 (k = 10 searches with 10) finds fewer true neighbours than 64.
        let narrow = try index.recall(points: points, queries: .rows(queries), neighborCount: 10, efSearch: 1)
        #expect(narrow.recall < held.recall)
    }

    @Test("recall counts a returned point tied with the true k-th neighbour as found")
    func recallCountsTies() throws {
        // Points 1 and 2 are both at distance 1 from the query 0: either is a correct first neighbour.
        let line = Matrix(rows: [[0], [1], [-1], [5], [9]])
        let index = try HNSWIndex(points: line, parameters: HNSWParameters(efSearch: 5))
        let check = try index.recall(points: line, queries: .rows(Matrix(rows: [[0]])), neighborCount: 2)
        #expect(check.recall == 1)
    }

    @Test("sequential insertion: the same seed gives the same graph, bytes and results; another seed another graph")
    func sequentialInsertionIsDeterministic() throws {
        let parameters = HNSWParameters(m: 8, efConstruction: 40, seed: 11, insertion: .sequential)
        let first = try HNSWIndex(points: points, parameters: parameters)
        let second = try HNSWIndex(points: points, parameters: parameters)
        #expect(first == second)
        #expect(try sortedJSON(first) == sortedJSON(second))
        #expect(try first.neighbors(of: queries, count: 5) == second.neighbors(of: queries, count: 5))
        var reseeded = parameters
        reseeded.seed = 12
        let other = try HNSWIndex(points: points, parameters: reseeded)
        #expect(try sortedJSON(other) != sortedJSON(first))
    }

    @Test("concurrent insertion builds a graph of the same quality")
    func concurrentInsertion() throws {
        let index = try HNSWIndex(points: points, parameters: HNSWParameters(insertion: .concurrent))
        #expect(index.count == points.rowCount && index.dimension == points.columnCount)
        #expect(try index.recall(points: points, queries: .rows(queries)).recall >= 0.95)
    }

    @Test("a search depends only on the graph: repeated and split searches agree")
    func searchIsRepeatable() throws {
        let index = try HNSWIndex(points: points, parameters: HNSWParameters(efSearch: 16))
        let all = try index.neighbors(of: queries, count: 7)
        #expect(try index.neighbors(of: queries, count: 7) == all)
        let firstHalf = try index.neighbors(of: queries.rows(at: 0..<50), count: 7)
        #expect(firstHalf.indices == Array(all.indices.prefix(50 * 7)))
    }

    @Test("tiny indexes: one point, k equal to the count, duplicates")
    func tinyIndexes() throws {
        let single = try HNSWIndex(points: Matrix(rows: [[1, 2]]))
        #expect(try single.neighbors(of: Matrix(rows: [[0, 0]]), count: 1).indices == [0])
        let duplicates = Matrix(rows: [[1, 1], [1, 1], [1, 1], [0, 0]])
        let index = try HNSWIndex(points: duplicates, parameters: HNSWParameters(m: 2, efConstruction: 1, efSearch: 1))
        let result = try index.neighbors(of: Matrix(rows: [[1, 1]]), count: 4)
        #expect(result.indices == [0, 1, 2, 3] && result.distances.prefix(3) == [0, 0, 0])
    }

    @Test("memory is reported and close to the estimate")
    func memory() throws {
        let index = try HNSWIndex(points: points)
        let estimate = HNSWIndex.estimatedMemoryBytes(count: points.rowCount, dimension: points.columnCount, m: 16)
        let vectorsAndLinks = points.rowCount * (4 * points.columnCount + 4 * 33)
        #expect(index.memoryBytes > vectorsAndLinks)
        #expect(Double(index.memoryBytes) <= 1.5 * Double(estimate) && Double(estimate) <= 1.5 * Double(index.memoryBytes),
                "measured \(index.memoryBytes), estimated \(estimate)")
    }

    @Test("bad parameters and inputs are typed errors")
    func errors() throws {
        func parameterName(_ body: () throws -> Void) -> String? {
            do { try body() } catch { if case let .invalidParameter(name, _, _) = error as? MetricLearnError { return name } }
            return nil
        }
        #expect(parameterName { _ = try HNSWIndex(points: points, parameters: HNSWParameters(m: 1)) } == "m")
        #expect(parameterName { _ = try HNSWIndex(points: points, parameters: HNSWParameters(efConstruction: 0)) }
                    == "efConstruction")
        #expect(parameterName { _ = try HNSWIndex(points: points, parameters: HNSWParameters(efSearch: 0)) } == "efSearch")
        let index = try HNSWIndex(points: points)
        #expect(parameterName { _ = try index.neighbors(of: queries, count: 0) } == "count")
        #expect(parameterName { _ = try index.neighbors(of: queries, count: points.rowCount + 1) } == "count")
        #expect(parameterName { _ = try index.neighbors(of: queries, count: 3, efSearch: 0) } == "efSearch")
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 16, actual: 2)) {
            try index.neighbors(of: Matrix(rows: [[0, 0]]), count: 1)
        }
        #expect(throws: MetricLearnError.nonFiniteValue(row: 0, column: 1)) {
            try HNSWIndex(points: Matrix(rows: [[0, .nan]]))
        }
        #expect(throws: MetricLearnError.emptyInput(what: "no samples")) {
            try HNSWIndex(points: Matrix(rowCount: 0, columnCount: 3))
        }
        do {
            _ = try HNSWIndex(points: Matrix(rows: [[0, 1e30]]))
            Issue.record("a coordinate beyond single precision's range was accepted")
        } catch {
            guard case let .invalidData(what, _, _) = error else { throw error }
            #expect(what == "points")
        }
    }

    @Test("Codable: a round trip gives an equal index with the same answers; a damaged graph is a DecodingError")
    func codable() throws {
        let index = try HNSWIndex(points: points, parameters: HNSWParameters(m: 6, efSearch: 20))
        let data = try JSONEncoder().encode(index)
        let decoded = try JSONDecoder().decode(HNSWIndex.self, from: data)
        #expect(decoded == index)
        #expect(try decoded.neighbors(of: queries, count: 5) == index.neighbors(of: queries, count: 5))
        var document = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let encodedGraph = try #require(document["graph"] as? String)
        let graph = try #require(Data(base64Encoded: encodedGraph))
        document["graph"] = graph.prefix(graph.count - 3).base64EncodedString()
        let truncated = try JSONSerialization.data(withJSONObject: document)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HNSWIndex.self, from: truncated) }
    }

    @Test("efSearch can be changed after the build; the graph stays the same")
    func changingEfSearch() throws {
        var index = try HNSWIndex(points: points, parameters: HNSWParameters(insertion: .sequential))
        let before = try index.neighbors(of: queries, count: 5, efSearch: 100)
        index.efSearch = 100
        #expect(index.parameters.efSearch == 100)
        #expect(try index.neighbors(of: queries, count: 5) == before)
    }
}
