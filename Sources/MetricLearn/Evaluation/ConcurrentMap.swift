import Dispatch
import Foundation

/// Runs independent jobs on up to `maxConcurrency` threads and returns their results in job order.
///
/// Jobs are handed out one at a time from a shared counter (`DispatchQueue.concurrentPerform` workers), so a
/// slow job does not hold up the others. The outcome never depends on scheduling: results are stored by job
/// index, and when jobs fail the error of the lowest-numbered failing job is thrown — the one a sequential
/// run would have thrown.
enum ConcurrentMap {
    static func map<T: Sendable>(count: Int, maxConcurrency: Int,
                                 _ job: @Sendable (Int) throws(MetricLearnError) -> T) throws(MetricLearnError) -> [T] {
        let workerCount = min(maxConcurrency, count)
        guard workerCount > 1 else {
            var results: [T] = []
            for index in 0..<count { results.append(try job(index)) }
            return results
        }
        let board = JobBoard<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
            while let index = board.nextJob() {
                board.record(Result { () throws(MetricLearnError) in try job(index) }, at: index)
            }
        }
        return try board.results()
    }
}

/// The shared state of a `ConcurrentMap.map` run: the next job to hand out and the outcomes so far, behind
/// one lock.
private final class JobBoard<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var outcomes: [Result<T, MetricLearnError>?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    /// The next job index, or `nil` when all have been handed out.
    func nextJob() -> Int? {
        lock.withLock {
            guard next < outcomes.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func record(_ outcome: Result<T, MetricLearnError>, at index: Int) {
        lock.withLock { outcomes[index] = outcome }
    }

    /// Every result in job order, or the error of the first failed job.
    func results() throws(MetricLearnError) -> [T] {
        try lock.withLock { outcomes }.map { outcome throws(MetricLearnError) in
            guard let outcome else { preconditionFailure("a job was never run") }
            return try outcome.get()
        }
    }
}
