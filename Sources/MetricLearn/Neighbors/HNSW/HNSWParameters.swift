/// How an `HNSWIndex` is built and searched: Malkov & Yashunin's hierarchical navigable small-world graph, with
/// their parameter names. See <doc:ApproximateNeighbors>.
///
/// Larger `m` and `efConstruction` make a better graph (higher recall at a given `efSearch`) that takes longer to
/// build and more memory; larger `efSearch` makes each search look at more candidates: higher recall, fewer
/// queries per second. Parameters are stored as given and validated when an index is built or searched.
public struct HNSWParameters: Sendable, Hashable, Codable {
    /// The order in which rows enter the graph.
    public enum Insertion: String, Sendable, Hashable, Codable, CaseIterable {
        /// Blocks of rows on every core at once (hnswlib's own multi-threaded insertion): fast, but which links a
        /// row gets depends on which rows happen to be in the graph before it, so two builds of the same rows
        /// give different graphs (of the same quality) and may answer a few queries differently.
        case concurrent
        /// One row at a time, in row order: the graph, its file and every search result are a pure function of
        /// the rows and the parameters (same seed, same bits, whatever the number of cores), at the cost of one
        /// core's speed.
        case sequential
    }

    /// M: the links each node keeps on each upper layer (2·M on the bottom layer), at least 2 (default 16).
    public var m: Int
    /// The candidate list kept while inserting a row, at least 1 (default 200).
    public var efConstruction: Int
    /// The candidate list kept while searching, at least 1; a search for k neighbours uses max(`efSearch`, k)
    /// (default 64).
    public var efSearch: Int
    /// The seed of the layer each row is placed on (default 0).
    public var seed: UInt64
    /// The order of insertion (default `.concurrent`).
    public var insertion: Insertion

    /// Creates parameters; the defaults are hnswlib's M and efConstruction and an efSearch that reaches recall@10
    /// ≥ 0.95 on learned embeddings (Docs/Performance.md).
    public init(m: Int = 16, efConstruction: Int = 200, efSearch: Int = 64, seed: UInt64 = 0,
                insertion: Insertion = .concurrent) {
        self.m = m
        self.efConstruction = efConstruction
        self.efSearch = efSearch
        self.seed = seed
        self.insertion = insertion
    }

    /// Throws `invalidParameter` for a value out of range.
    func validate() throws(MetricLearnError) {
        try Validation.require(m >= 2 && m <= Self.largestM, "m", m, "must be between 2 and \(Self.largestM)")
        try Validation.require(efConstruction >= 1, "efConstruction", efConstruction, "must be at least 1")
        try Self.validate(efSearch: efSearch)
    }

    /// Throws `invalidParameter` unless `efSearch` is at least 1.
    static func validate(efSearch: Int) throws(MetricLearnError) {
        try Validation.require(efSearch >= 1, "efSearch", efSearch, "must be at least 1")
    }

    /// hnswlib's cap on M.
    static let largestM = 10_000
}
