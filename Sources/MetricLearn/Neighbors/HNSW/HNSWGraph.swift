import _CHNSW

/// The hnswlib graph behind `HNSWIndex`: the owner of one `chnsw_index` handle and the only code that calls the
/// `_CHNSW` interface (as `LinearAlgebra`'s backend is the only caller of LAPACK).
///
/// Inputs are checked by the caller (`HNSWIndex`); what reaches C++ is in range. Insertion and search run on
/// several threads through `Parallel`; the handle is immutable once built, and hnswlib's search only reads it.
final class HNSWGraph: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The number of floats in each vector.
    let dimension: Int

    private init(handle: OpaquePointer, dimension: Int) {
        self.handle = handle
        self.dimension = dimension
    }

    deinit { chnsw_free(handle) }

    /// A graph of the rows of `vectors` (row-major, `dimension` floats each), row i with label i on layers
    /// 0…`levels[i]`. Row 0 goes in first, alone (it is the first entry point); the others one at a time in row
    /// order (`concurrent` false) or in blocks handed to `Parallel.processorCount` threads.
    static func build(vectors: [Float], dimension: Int, levels: [Int32], m: Int, efConstruction: Int,
                      concurrent: Bool) throws(MetricLearnError) -> HNSWGraph {
        let count = levels.count
        guard let handle = chnsw_create(dimension, count, m, efConstruction) else {
            throw outOfMemory(count: count, dimension: dimension)
        }
        let graph = HNSWGraph(handle: handle, dimension: dimension)
        let shared = SharedHandle(handle: handle)
        let status: Int32 = vectors.withUnsafeBufferPointer { vectors in
            let rows = SharedFloats(base: vectors.baseAddress!)
            @Sendable func insert(_ range: Range<Int>) -> Int32 {
                for row in range {
                    let status = chnsw_add(shared.handle, rows.base + row * dimension, row, levels[row])
                    if status != Int32(CHNSW_OK) { return status }
                }
                return Int32(CHNSW_OK)
            }
            let first = insert(0..<1)
            guard first == Int32(CHNSW_OK), count > 1 else { return first }
            guard concurrent else { return insert(1..<count) }
            let blockCount = (count - 1 + insertionBlockSize - 1) / insertionBlockSize
            let statuses = Parallel.map(count: blockCount, maxConcurrency: Parallel.processorCount) { block in
                insert(1 + block * insertionBlockSize ..< min(count, 1 + (block + 1) * insertionBlockSize))
            }
            return statuses.first { $0 != Int32(CHNSW_OK) } ?? Int32(CHNSW_OK)
        }
        guard status == Int32(CHNSW_OK) else {
            if status == Int32(CHNSW_OUT_OF_MEMORY) { throw outOfMemory(count: count, dimension: dimension) }
            preconditionFailure("hnswlib refused an insertion (status \(status)); the inputs were checked")
        }
        return graph
    }

    /// Rows per job of a concurrent insertion: small enough to balance two threads to the end, large enough that
    /// handing out jobs costs nothing.
    static let insertionBlockSize = 64
    /// Queries per job of a search.
    static let searchBlockSize = 32

    /// The graph in `bytes` (hnswlib's `saveIndex` layout), or the reason it is not a valid graph of vectors of
    /// `dimension` floats. Nothing reaches hnswlib before `chnsw_validate` has checked every size, link and level.
    static func load(_ bytes: ArraySlice<UInt8>, dimension: Int) throws(MetricLearnError) -> HNSWGraph {
        try Validation.requireData(dimension >= 1 && dimension <= 1 << 24, "index", "\(dimension) dimensions",
                                   "an HNSW graph has 1 to 2²⁴ dimensions")
        var reason = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { bytes in
            chnsw_validate(bytes.baseAddress, bytes.count, dimension, &reason, reason.count)
        }
        guard status == Int32(CHNSW_OK) else {
            let message = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .invalidData(what: "index", value: message, requirement: "must be a complete, unmodified HNSW graph")
        }
        guard let handle = bytes.withUnsafeBufferPointer({ chnsw_deserialize($0.baseAddress, $0.count, dimension) }) else {
            throw outOfMemory(count: 0, dimension: dimension)
        }
        return HNSWGraph(handle: handle, dimension: dimension)
    }

    /// The number of vectors.
    var count: Int { chnsw_count(handle) }

    /// The bytes the graph holds in memory.
    var memoryBytes: Int { chnsw_memory_bytes(handle) }

    /// The graph in hnswlib's `saveIndex` layout.
    func serialized() -> [UInt8] {
        let size = chnsw_serialized_size(handle)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let status = chnsw_serialize(handle, buffer.baseAddress, size)
            precondition(status == Int32(CHNSW_OK), "hnswlib's graph could not be serialized (status \(status))")
            initialized = size
        }
    }

    /// The `k` nearest vectors of each query row (row-major floats), nearest first: labels (−1 where fewer than `k`
    /// are reachable) and squared distances, searched with a candidate list of max(`ef`, `k`). Blocks of queries
    /// run on `Parallel.processorCount` threads; each query's result depends only on the graph.
    func search(_ queries: [Float], k: Int, ef: Int) throws(MetricLearnError) -> (labels: [Int64], squaredDistances: [Float]) {
        let queryCount = queries.count / dimension
        guard queryCount > 0 else { return ([], []) }
        var labels = [Int64](repeating: -1, count: queryCount * k)
        var distances = [Float](repeating: 0, count: queryCount * k)
        let shared = SharedHandle(handle: handle)
        let dimension = dimension
        let statuses: [Int32] = queries.withUnsafeBufferPointer { queries in
            labels.withUnsafeMutableBufferPointer { labels in
                distances.withUnsafeMutableBufferPointer { distances in
                    let buffers = SearchBuffers(queries: queries.baseAddress, labels: labels.baseAddress!,
                                                distances: distances.baseAddress!)
                    let blockCount = (queryCount + Self.searchBlockSize - 1) / Self.searchBlockSize
                    return Parallel.map(count: blockCount, maxConcurrency: Parallel.processorCount) { block in
                        let first = block * Self.searchBlockSize
                        let rows = min(queryCount, first + Self.searchBlockSize) - first
                        return chnsw_search(shared.handle, buffers.queries.map { $0 + first * dimension }, rows, k, ef,
                                            buffers.labels + first * k, buffers.distances + first * k)
                    }
                }
            }
        }
        if let failure = statuses.first(where: { $0 != Int32(CHNSW_OK) }) {
            if failure == Int32(CHNSW_OUT_OF_MEMORY) { throw Self.outOfMemory(count: count, dimension: dimension) }
            preconditionFailure("hnswlib refused a search (status \(failure)); the inputs were checked")
        }
        return (labels, distances)
    }

    private static func outOfMemory(count: Int, dimension: Int) -> MetricLearnError {
        .invalidData(what: "index", value: "\(count) vectors of \(dimension) dimensions",
                     requirement: "the graph must fit in memory (an allocation failed)")
    }
}

/// The handle, shared read-only (search) or with hnswlib's own locking (insertion) by the threads of one call.
private struct SharedHandle: @unchecked Sendable {
    let handle: OpaquePointer
}

/// The rows being inserted, read by every thread.
private struct SharedFloats: @unchecked Sendable {
    let base: UnsafePointer<Float>
}

/// A search's input and outputs; each job writes only its own queries' places.
private struct SearchBuffers: @unchecked Sendable {
    let queries: UnsafePointer<Float>?
    let labels: UnsafeMutablePointer<Int64>
    let distances: UnsafeMutablePointer<Float>
}
