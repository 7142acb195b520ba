import Dispatch

/// Splits row loops into a fixed number of chunks that may run concurrently.
///
/// The chunk count does not depend on the machine, and callers give each chunk its own partial sums and
/// add them up in chunk order, so results are the same bits on any number of cores and any schedule.
enum FixedChunks {
    /// The number of chunks.
    static let count = 4
    /// Work (in inner-loop iterations) below which chunks run on the calling thread.
    static let concurrencyThreshold = 1 << 16

    /// The part of 0..<`total` that chunk `chunk` handles.
    static func range(_ chunk: Int, of total: Int) -> Range<Int> {
        let height = (total + count - 1) / count
        return min(total, chunk * height)..<min(total, (chunk + 1) * height)
    }

    /// Calls `body` for every chunk, concurrently when `work` reaches `concurrencyThreshold`.
    /// `body` must write only memory that belongs to its chunk.
    static func forEach(work: Int, _ body: @Sendable (Int) -> Void) {
        if work >= concurrencyThreshold {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        } else {
            for chunk in 0..<count { body(chunk) }
        }
    }
}
