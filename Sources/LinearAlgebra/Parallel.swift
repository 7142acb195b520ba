import Dispatch
import Foundation

/// The package's one way to run work on several threads (`DispatchQueue.concurrentPerform`). Results never
/// depend on the number of cores or on scheduling, because the caller splits the work into **jobs whose
/// boundaries depend only on the problem's size** and each job writes only its own memory; the cores only
/// decide how many jobs run at once. BLAS runs single-threaded on the calling thread (`BLASThreads`), so a job
/// may call BLAS and a parallel loop never competes with a second thread pool.
///
/// - `forEach(jobs:work:)`: independent jobs handed out one at a time from a shared counter to the workers (a
///   slow job does not hold up the others); `worker` numbers the thread running a job, 0..<`workerCount`, for
///   per-worker scratch buffers. Work below `concurrencyThreshold` runs on the calling thread in job order.
/// - Fixed chunks for reductions (`chunk(_:of:count:)` with the machine-independent `chunkCount`): one partial
///   sum per chunk, added in chunk order, gives the same bits on any machine.
/// - `map(count:maxConcurrency:)`: throwing jobs with results in job order (cross-validation folds, grid search).
package enum Parallel {
    /// The chunk count of reductions whose partial sums must not depend on the machine.
    package static let chunkCount = 4

    /// Work (in inner-loop iterations, about a nanosecond each) below which `forEach` runs on the calling
    /// thread: handing jobs to threads costs tens of microseconds, more than it saves below about 2¹⁶.
    package static let concurrencyThreshold = 1 << 16

    /// The processors this process may run on, read once: its CPU affinity on Linux (`Cpus_allowed` in
    /// /proc/self/status, so `taskset -c 0` means 1), else the active processors.
    package static let processorCount: Int = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) {
            let mask = line.dropFirst("Cpus_allowed:".count).filter(\.isHexDigit)
            let count = mask.reduce(0) { $0 + ($1.hexDigitValue ?? 0).nonzeroBitCount }
            if count > 0 { return count }
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    @TaskLocal private static var workerOverride: Int?

    /// The threads a parallel loop uses: `processorCount`, or the count set by `withWorkers(_:_:)`.
    package static var workerCount: Int { workerOverride ?? processorCount }

    /// Runs `body` with parallel loops on `count` workers instead of one per processor (tests use it to show
    /// that results do not depend on the worker count; more workers than cores is allowed). Applies to the
    /// loops `body` starts on its own task, not to loops inside another loop's jobs.
    package static func withWorkers<R>(_ count: Int, _ body: () throws -> R) rethrows -> R {
        precondition(count >= 1, "at least one worker")
        return try $workerOverride.withValue(count) { try body() }
    }

    /// The part of 0..<`total` that chunk `chunk` of `count` handles: consecutive ranges of ⌈total/count⌉
    /// (the last ones shorter or empty).
    package static func chunk(_ chunk: Int, of total: Int, count: Int = chunkCount) -> Range<Int> {
        let height = (total + count - 1) / count
        return min(total, chunk * height)..<min(total, (chunk + 1) * height)
    }

    /// Calls `body(job, worker)` for every job 0..<`jobs`: concurrently on up to `min(workerCount, maxWorkers,
    /// jobs)` threads when `work` reaches `concurrencyThreshold`, else on the calling thread in job order with
    /// worker 0. A job must write only its own memory and its worker's scratch (a worker runs one job at a time).
    package static func forEach(jobs: Int, work: Int, maxWorkers: Int = .max,
                                _ body: @Sendable (_ job: Int, _ worker: Int) -> Void) {
        let workers = work >= concurrencyThreshold ? min(workerCount, maxWorkers, jobs) : 1
        guard workers > 1 else {
            for job in 0..<jobs { body(job, 0) }
            return
        }
        let counter = JobCounter(count: jobs)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while let job = counter.next() { body(job, worker) }
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
        let counter = JobCounter(count: count)
        let outcomes = Outcomes<T, E>(count: count)
        DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
            while let index = counter.next() {
                outcomes.record(Result { () throws(E) in try job(index) }, at: index)
            }
        }
        return try outcomes.results()
    }
}

/// The next job of a parallel loop, handed out once each, behind a lock.
private final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var upcoming = 0
    private let count: Int

    init(count: Int) { self.count = count }

    /// The next job index, or `nil` when all have been handed out.
    func next() -> Int? {
        lock.withLock {
            guard upcoming < count else { return nil }
            defer { upcoming += 1 }
            return upcoming
        }
    }
}

/// The outcomes of a `Parallel.map` run so far, behind one lock.
private final class Outcomes<T: Sendable, E: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<T, E>?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

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
