import Foundation
import LinearAlgebra
import Testing

@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 3, 4, 5, 17, 1000])
    func chunksPartitionTheRangeInOrder(total: Int) {
        for count in [1, 2, Parallel.chunkCount, 7] {
            let chunks = (0..<count).map { Parallel.chunk($0, of: total, count: count) }
            #expect(chunks.flatMap { Array($0) } == Array(0..<total), "count \(count)")
            #expect(chunks.allSatisfy { $0.count <= (total + count - 1) / count })
        }
    }

    /// Per-chunk partial sums added in chunk order: the same bits on the calling thread (work below the threshold)
    /// and on any number of threads.
    @Test func fixedChunkSumsAreTheSameBitsConcurrentlyAndSequentially() {
        // Magnitudes from 1e-8 to 1e8, so any change in the order of the additions would show in the bits.
        let values = (0..<100_000).map { sin(Double($0)) * pow(10, Double(($0 * 7919) % 17 - 8)) }
        func chunkedSum(work: Int) -> Double {
            let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: Parallel.chunkCount)
            defer { partials.deallocate() }
            let sendable = Partials(buffer: partials)
            Parallel.forEach(jobs: Parallel.chunkCount, work: work) { chunk, _ in
                var sum = 0.0
                for index in Parallel.chunk(chunk, of: values.count) { sum += values[index] }
                sendable.buffer[chunk] = sum
            }
            return partials.reduce(0, +)
        }
        let sequential = chunkedSum(work: 0)
        for workers in [1, 2, 3, 8] {
            let sum = Parallel.withWorkers(workers) { chunkedSum(work: Parallel.concurrencyThreshold) }
            #expect(sum.bitPattern == sequential.bitPattern, "\(workers) workers")
        }
    }

    /// Every job runs exactly once, on a worker numbered below the worker count, and no two jobs share a worker
    /// at the same time (each worker's slot is only ever held by one job).
    @Test(arguments: [1, 2, 3, 8])
    func everyJobRunsOnceOnAWorkerOfItsOwn(workers: Int) {
        let runs = UnsafeMutableBufferPointer<Int>.allocate(capacity: 50 + workers)
        runs.initialize(repeating: 0)
        defer { runs.deallocate() }
        let counts = Counts(buffer: runs)
        Parallel.withWorkers(workers) {
            #expect(Parallel.workerCount == workers)
            Parallel.forEach(jobs: 50, work: Parallel.concurrencyThreshold) { job, worker in
                #expect(worker >= 0 && worker < workers)
                counts.buffer[job] += 1
                counts.buffer[50 + worker] += 1
                #expect(counts.buffer[50 + worker] == 1, "worker \(worker) runs two jobs at once")
                usleep(100)
                counts.buffer[50 + worker] -= 1
            }
        }
        #expect(Array(runs[0..<50]) == Array(repeating: 1, count: 50))
        #expect(Array(runs[50...]).allSatisfy { $0 == 0 })
    }

    @Test func smallWorkRunsInJobOrderOnTheCallingThread() {
        let order = Counts(buffer: .allocate(capacity: 10))
        defer { order.buffer.deallocate() }
        let next = Counts(buffer: .allocate(capacity: 1))
        defer { next.buffer.deallocate() }
        next.buffer[0] = 0
        Parallel.withWorkers(4) {
            Parallel.forEach(jobs: 10, work: Parallel.concurrencyThreshold - 1) { job, worker in
                #expect(worker == 0)
                order.buffer[next.buffer[0]] = job
                next.buffer[0] += 1
            }
        }
        #expect(Array(order.buffer) == Array(0..<10))
    }

    @Test func processorCountIsPositiveAndWorkersDefaultToIt() {
        #expect(Parallel.processorCount >= 1)
        #expect(Parallel.workerCount == Parallel.processorCount)
    }

    @Test(arguments: [1, 2, 3, 16])
    func jobResultsComeInJobOrder(maxConcurrency: Int) throws {
        let results = Parallel.map(count: 40, maxConcurrency: maxConcurrency) { job in
            // Early jobs take longest, so with several workers they finish last.
            usleep(UInt32(40 - job) * 200)
            return job * job
        }
        #expect(results == (0..<40).map { $0 * $0 })
    }

    /// Jobs 5 and 30 fail; job 5 is slow, so with several workers job 30 fails first, yet job 5's error is thrown.
    @Test(arguments: [1, 2, 8])
    func theLowestNumberedFailureIsThrown(maxConcurrency: Int) {
        #expect(throws: JobFailure(job: 5)) {
            _ = try Parallel.map(count: 40, maxConcurrency: maxConcurrency) { job throws(JobFailure) in
                if job == 5 {
                    usleep(20_000)
                    throw JobFailure(job: 5)
                }
                if job == 30 { throw JobFailure(job: 30) }
                return job
            }
        }
    }

    @Test func noJobsGiveNoResults() {
        #expect(Parallel.map(count: 0, maxConcurrency: 4) { $0 }.isEmpty)
    }
}

private struct JobFailure: Error, Equatable {
    let job: Int
}

private struct Partials: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>
}

private struct Counts: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Int>
}
