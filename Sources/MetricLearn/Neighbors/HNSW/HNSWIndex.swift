import Foundation

/// Approximate nearest-neighbour search over a fixed set of points (the rows of a matrix), in Euclidean distance:
/// a hierarchical navigable small-world graph (Malkov & Yashunin 2018) built and searched by hnswlib.
///
/// ```swift
/// let points = try metric.transform(x)
/// let index = try HNSWIndex(points: points, parameters: HNSWParameters(efSearch: 64))
/// let neighbors = try index.neighbors(of: try metric.transform(queries), count: 10)
/// ```
///
/// The graph holds the points in single precision. A search walks the graph from its top layer down and returns
/// the best `count` of the `efSearch` candidates it keeps, nearest first (equal distances: lower index first):
/// usually the true nearest neighbours, not always — `recall(points:queries:neighborCount:efSearch:)` measures
/// how often. Searches run on every core, one block of queries per job; each query's result depends only on the
/// graph. How the graph depends on the build is `HNSWParameters.Insertion`'s to say. To classify or measure
/// retrieval with it, give `KNearestNeighbors` or `RetrievalMetrics` the strategy `.hnsw(parameters)`. See
/// <doc:ApproximateNeighbors>.
public struct HNSWIndex: Sendable {
    /// The parameters the graph was built with; `efSearch` is the default of every search.
    public private(set) var parameters: HNSWParameters
    /// The number of indexed points.
    public let count: Int
    /// The number of coordinates of each point.
    public let dimension: Int
    let graph: HNSWGraph

    /// Indexes the rows of `points`.
    ///
    /// Memory: about `HNSWIndex.estimatedMemoryBytes(count:dimension:m:)`, checked against the machine's memory
    /// before anything is allocated. Time: O(n · log n · efConstruction · M) distance evaluations, spread over the
    /// cores with `.concurrent` insertion.
    /// - Throws: `invalidParameter` for parameters out of range; `emptyInput`, `nonFiniteValue`; `invalidData` for
    ///   coordinates too large for single-precision squared distances, 2³² rows or more, or an index that would
    ///   not fit in memory.
    public init(points: Matrix, parameters: HNSWParameters = HNSWParameters()) throws(MetricLearnError) {
        try parameters.validate()
        try Validation.checkFeatures(points)
        try Validation.requireData(points.rowCount < 1 << 32, "points", "\(points.rowCount) rows",
                                   "an HNSW index holds fewer than 2³² rows")
        try Self.checkSinglePrecision(points, name: "points")
        let needed = Self.estimatedMemoryBytes(count: points.rowCount, dimension: points.columnCount, m: parameters.m)
            + points.rowCount * points.columnCount * MemoryLayout<Float>.size
        let available = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        try Validation.requireData(needed <= available, "points", "\(points.rowCount) rows × \(points.columnCount)",
                                   "the index needs about \(Self.gibibytes(needed)) GiB (graph and a single-precision "
                                       + "copy of the rows); this machine has \(Self.gibibytes(available)) GiB")
        graph = try HNSWGraph.build(vectors: points.elements.map(Float.init), dimension: points.columnCount,
                                    levels: Self.levels(count: points.rowCount, m: parameters.m, seed: parameters.seed),
                                    m: parameters.m, efConstruction: parameters.efConstruction,
                                    concurrent: parameters.insertion == .concurrent)
        self.parameters = parameters
        count = points.rowCount
        dimension = points.columnCount
    }

    /// An index around a graph already checked to hold `count` vectors of `dimension` coordinates.
    init(graph: HNSWGraph, parameters: HNSWParameters) {
        self.graph = graph
        self.parameters = parameters
        count = graph.count
        dimension = graph.dimension
    }

    /// The candidate list of searches that do not give their own (`parameters.efSearch`); changing it changes
    /// only the searches, never the graph. A value below 1 makes searches throw `invalidParameter`.
    public var efSearch: Int {
        get { parameters.efSearch }
        set { parameters.efSearch = newValue }
    }

    /// The bytes the index occupies in memory: the single-precision points, the links of every layer, and
    /// hnswlib's per-row bookkeeping (a lock, a level, a label and its table entry).
    public var memoryBytes: Int { graph.memoryBytes }

    /// About how many bytes an index of `count` points of `dimension` coordinates with parameter `m` occupies:
    /// per row 4·`dimension` (the point) + 4·(2·`m` + 1) (bottom-layer links) + 8 (its label) + about 100
    /// (hnswlib's bookkeeping: a lock, a level, a list pointer and a label-table entry), the upper layers' links
    /// of the rows placed there (a fraction 1/`m` of the rows, then 1/`m`² …), and 2.5 MiB of fixed locks.
    public static func estimatedMemoryBytes(count: Int, dimension: Int, m: Int) -> Int {
        let bottom = 4 * dimension + 4 * (2 * m + 1) + 8
        let upper = Double(4 * (m + 1)) / Double(max(1, m - 1))
        return count * (bottom + 100) + Int(Double(count) * upper) + (1 << 16) * 40
    }

    /// The `count` nearest indexed points of each row of `queries`, nearest first (equal distances: lower index
    /// first), searched with a candidate list of max(`efSearch`, `count`) — `parameters.efSearch` by default.
    /// Distances are Euclidean, computed in single precision.
    ///
    /// - Throws: `featureCountMismatch`, `nonFiniteValue`; `invalidParameter` when `count` is not in
    ///   1...`self.count` or `efSearch` is below 1; `invalidData` for coordinates too large for single precision.
    public func neighbors(of queries: Matrix, count: Int, efSearch: Int? = nil) throws(MetricLearnError)
        -> NeighborSearchResult {
        try Validation.require(count >= 1 && count <= self.count, "count", count,
                               "must be between 1 and the number of indexed points (\(self.count))")
        let ef = efSearch ?? parameters.efSearch
        try HNSWParameters.validate(efSearch: ef)
        try Validation.checkTransformInput(queries, expectedWidth: dimension)
        try Self.checkSinglePrecision(queries, name: "queries")
        return try search(queries, count: count, efSearch: ef)
    }

    /// `neighbors(of:count:efSearch:)` for checked inputs.
    func search(_ queries: Matrix, count: Int, efSearch: Int) throws(MetricLearnError) -> NeighborSearchResult {
        let (labels, squared) = try graph.search(queries.elements.map(Float.init), k: count, ef: efSearch)
        return NeighborSearchResult(queryCount: queries.rowCount, neighborCount: count,
                                    sorting: labels.map { Int($0) }, distances: squared.map { Double($0).squareRoot() })
    }

    /// The layer of each row: ⌊−ln(u)/ln M⌋ for a uniform u in (0, 1] from `SeededGenerator(seed)`, the i-th draw
    /// for row i (hnswlib's rule, with the package's generator), at most 64.
    static func levels(count: Int, m: Int, seed: UInt64) -> [Int32] {
        var generator = SeededGenerator(seed: seed)
        let multiplier = 1 / log(Double(m))
        return (0..<count).map { _ in
            Int32(min(64, (-log(1 - generator.nextUniform()) * multiplier).rounded(.down)))
        }
    }

    /// Rejects coordinates whose squared differences could overflow single precision: |x| ≤ √(F/(4d)), F the
    /// largest finite `Float`, keeps every squared distance of d coordinates finite.
    static func checkSinglePrecision(_ x: Matrix, name: String) throws(MetricLearnError) {
        let limit = (Double(Float.greatestFiniteMagnitude) / Double(4 * max(1, x.columnCount))).squareRoot()
        if let position = x.elements.firstIndex(where: { abs($0) > limit }) {
            throw .invalidData(what: name, value: "\(x.elements[position]) at row \(position / x.columnCount), "
                                   + "column \(position % x.columnCount)",
                               requirement: "coordinates of an HNSW index must be at most \(Float(limit)) in magnitude "
                                   + "(single-precision distances)")
        }
    }

    private static func gibibytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / Double(1 << 30))
    }
}

/// Equal when built with the same parameters over the same points into the same graph (compared byte for byte).
extension HNSWIndex: Hashable {
    public static func == (lhs: HNSWIndex, rhs: HNSWIndex) -> Bool {
        lhs.parameters == rhs.parameters && lhs.count == rhs.count && lhs.dimension == rhs.dimension
            && (lhs.graph === rhs.graph || lhs.graph.serialized() == rhs.graph.serialized())
    }

    /// Hashes the parameters and the shape (not the graph, which `==` compares).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(parameters)
        hasher.combine(count)
        hasher.combine(dimension)
    }
}
