import Foundation
import MetricLearn
import Testing

@Suite("NeighborSearchStrategy")
struct NeighborSearchStrategyTests {
    let data = SyntheticData(classCount: 3, perClass: 200, featureCount: 5, noiseFeatureCount: 3, seed: 5)
    let queries = SyntheticData(classCount: 3, perClass: 30, featureCount: 5, noiseFeatureCount: 3, seed: 6)

    @Test("auto is exact below the documented size and HNSW from it on")
    func automaticChoice() {
        #expect(NeighborSearchStrategy.auto.graphParameters(forSampleCount: 99_999) == nil)
        #expect(NeighborSearchStrategy.auto.graphParameters(forSampleCount: 100_000) == HNSWParameters())
        #expect(NeighborSearchStrategy.exact.graphParameters(forSampleCount: 10_000_000) == nil)
        let parameters = HNSWParameters(m: 4)
        #expect(NeighborSearchStrategy.hnsw(parameters).graphParameters(forSampleCount: 3) == parameters)
    }

    @Test("a k-NN classifier through a thorough graph predicts what exact search predicts, with exact distances")
    func classifierThroughGraph() throws {
        let metric = try Whitening().fit(data.features, labels: data.labels)
        let graph = HNSWParameters(efSearch: 600, insertion: .sequential)
        let exact = try KNearestNeighbors(neighborCount: 5, weighting: .distance).fit(data.features, labels: data.labels,
                                                                                      metric: metric)
        let approximate = try KNearestNeighbors(neighborCount: 5, weighting: .distance, search: .hnsw(graph))
            .fit(data.features, labels: data.labels, metric: metric)
        #expect(exact.approximateIndex == nil && approximate.approximateIndex?.count == 600)
        // Exact search's distances come from the BLAS expansion, the graph's candidates' from direct differences.
        let found = try approximate.neighbors(of: queries.features), truth = try exact.neighbors(of: queries.features)
        #expect(found.indices == truth.indices)
        #expect(zip(found.distances, truth.distances).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, $1) })
        #expect(try approximate.predict(queries.features) == exact.predict(queries.features))
        let shares = try approximate.predictProbabilities(queries.features)
        let trueShares = try exact.predictProbabilities(queries.features)
        #expect(zip(shares.elements, trueShares.elements).allSatisfy { abs($0 - $1) <= 1e-12 })
        #expect(try approximate.leaveOneOutAccuracy() == exact.leaveOneOutAccuracy())
        let auto = try KNearestNeighbors(search: .auto).fit(data.features, labels: data.labels)
        #expect(auto.approximateIndex == nil)
    }

    @Test("searching(with:) attaches a graph of the training samples and refuses one of other samples")
    func attachingAGraph() throws {
        let classifier = try KNearestNeighbors(neighborCount: 3).fit(data.features, labels: data.labels)
        let graph = try HNSWIndex(points: data.features, parameters: HNSWParameters(efSearch: 600))
        let attached = try classifier.searching(with: graph)
        #expect(attached.approximateIndex == graph)
        #expect(try attached.predict(queries.features) == classifier.predict(queries.features))
        let other = try HNSWIndex(points: queries.features)
        #expect(throws: MetricLearnError.self) { try classifier.searching(with: other) }
        // Leave-one-out with k = every sample has no k others: the same error as exact search, not a trap.
        let everyone = try KNearestNeighbors(neighborCount: 600).fit(data.features, labels: data.labels)
        #expect(throws: MetricLearnError.invalidParameter(
            name: "count", value: "600", requirement: "must be between 1 and the number of indexed points minus one (599)")) {
            try everyone.searching(with: graph).leaveOneOutAccuracy()
        }
    }

    @Test("a regressor searching through a thorough graph predicts as exact search and refuses a graph of other samples")
    func regressorThroughGraph() throws {
        let targets = data.labels.indices.map { Double(data.labels[$0]) + 0.01 * Double($0 % 7) }
        // Uniform weights: the graph's candidates' distances differ from exact search's in the last bits.
        let regressor = try KNearestNeighbors(neighborCount: 4).fit(data.features, targets: targets)
        let graph = try HNSWIndex(points: data.features, parameters: HNSWParameters(efSearch: 600))
        let attached = try regressor.searching(with: graph)
        #expect(attached.approximateIndex == graph)
        #expect(try attached.predict(queries.features) == regressor.predict(queries.features))
        #expect(try attached.leaveOneOutPredictions() == regressor.leaveOneOutPredictions())
        #expect(throws: MetricLearnError.self) { try regressor.searching(with: try HNSWIndex(points: queries.features)) }
    }

    @Test("retrieval metrics through a thorough graph equal the exact ones")
    func retrievalThroughGraph() throws {
        let exact = try RetrievalMetrics(points: data.features, labels: data.labels, k: 5)
        let approximate = try RetrievalMetrics(points: data.features, labels: data.labels, k: 5,
                                               search: .hnsw(HNSWParameters(efSearch: 600)))
        #expect(approximate == exact)
    }

    @Test("exact configurations encode as before; HNSW ones round-trip, and so do classifiers with a graph")
    func coding() throws {
        let exactJSON = try sortedJSON(KNearestNeighbors(neighborCount: 3))
        #expect(exactJSON == #"{"neighborCount":3,"weighting":"uniform"}"#)
        let old = try JSONDecoder().decode(KNearestNeighbors.self, from: Data(exactJSON.utf8))
        #expect(old == KNearestNeighbors(neighborCount: 3))
        let approximate = KNearestNeighbors(neighborCount: 3, search: .hnsw(HNSWParameters(m: 5, efSearch: 30, seed: 2)))
        #expect(try JSONDecoder().decode(KNearestNeighbors.self, from: Data(sortedJSON(approximate).utf8)) == approximate)
        let auto = KNearestNeighbors(search: .auto)
        #expect(try JSONDecoder().decode(KNearestNeighbors.self, from: Data(sortedJSON(auto).utf8)) == auto)

        let classifier = try approximate.fit(data.features, labels: data.labels)
        let decoded = try JSONDecoder().decode(NeighborsClassifier.self, from: Data(sortedJSON(classifier).utf8))
        #expect(decoded == classifier)
        #expect(try decoded.predict(queries.features) == classifier.predict(queries.features))
    }
}
