import Dispatch
import Foundation

/// The package's one way to run loop iterations on several threads (`DispatchQueue.concurrentPerform`),
/// in two shapes whose results never depend on the number of cores or on scheduling:
///
/// - **Fixed chunks** (`forEachChunk`, `chunk(_:of:count:)`): a loop split into a given number of chunks,
///   each writing only its own memory. With the machine-independent `chunkCount`, a caller that keeps one
///   partial sum per chunk and adds them in chunk order gets the same bits on any machine (NCA's softmax).
///   When the chunks are independent (each query of a neighbour search), the count may follow the cores.
/// - **Dynamic jobs** (`map`): independent jobs handed out one at a time from a shared counter, so a slow
///   job does not hold up the others; results come back in job order and, when jobs fail, the error of the
///   lowest-numbered failing job is thrown — the one a sequential run would have thrown.
package enum Parallel {
    /// The chunk count of loops whose partial sums must not depend on the machine.
    package static let chunkCount = 4

    /// Work (in inner-loop iterations) below which `forEachChunk` runs the chunks on the calling thread:
    /// starting threads costs more than it saves below about 2¹⁶ simple iterations.
    package static let concurrencyThreshold = 1 << 16

    /// The active processors, for loops whose chunks are independent.
    package static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The part of 0..<`total` that chunk `chunk` of `count` handles: consecutive ranges of ⌈total/count⌉
    /// (the last ones shorter or empty).
    package static func chunk(_ chunk: Int, of total: Int, count: Int = chunkCount) -> Range<Int> {
        let height = (total + count - 1) / count
        return min(total, chunk * height)..<min(total, (chunk + 1) * height)
    }

    /// Calls `body` for every chunk 0..<`count`, concurrently when `work` reaches `concurrencyThreshold`,
    /// in chunk order on the calling thread otherwise. `body` must write only memory that belongs to its chunk.
    package static func forEachChunk(count: Int = chunkCount, work: Int, _ body: @Sendable (Int) -> Void) {
        if work >= concurrencyThreshold && count > 1 {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        } else {
            for chunk in 0..<count { body(chunk) }
        }
    }

    /// Runs jobs 0..<`count` on up to `maxConcurrency` threads and returns their results in job order;
    /// throws the error of the lowest-numbered failing job. With `maxConcurrency` 1 the jobs run in order on
    /// the calling thread and the first failure stops the run.
    package static func map<T: Sendable, E: Error>(
        count: Int, maxConcurrency: Int, _ job: @Sendable (Int) throws(E) -> T
    ) throws(E) -> [T] {
        let workerCount = min(maxConcurrency, count)
        guard workerCount > 1 else {
            var results: [T] = []
            for index in 0..<count { results.append(try job(index)) }
            return results
        }
        let board = JobBoard<T, E>(count: count)
        DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
            while let index = board.nextJob() {
                board.record(Result { () throws(E) in try job(index) }, at: index)
            }
        }
        return try board.results()
    }
}

/// The shared state of a `Parallel.map` run: the next job to hand out and the outcomes so far, behind one lock.
private final class JobBoard<T: Sendable, E: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var outcomes: [Result<T, E>?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    /// The next job index, or `nil` when all have been handed out.
    func nextJob() -> Int? {
        lock.withLock {
            guard next < outcomes.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func record(_ outcome: Result<T, E>, at index: Int) {
        lock.withLock { outcomes[index] = outcome }
    }

    /// Every result in job order, or the error of the first failed job.
    func results() throws(E) -> [T] {
        try lock.withLock { outcomes }.map { outcome throws(E) in
            guard let outcome else { preconditionFailure("a job was never run") }
            return try outcome.get()
        }
    }
}
