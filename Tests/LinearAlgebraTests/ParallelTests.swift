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
    /// and on several threads, whatever the machine.
    @Test func fixedChunkSumsAreTheSameBitsConcurrentlyAndSequentially() {
        // Magnitudes from 1e-8 to 1e8, so any change in the order of the additions would show in the bits.
        let values = (0..<100_000).map { sin(Double($0)) * pow(10, Double(($0 * 7919) % 17 - 8)) }
        func chunkedSum(work: Int) -> Double {
            let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: Parallel.chunkCount)
            defer { partials.deallocate() }
            let sendable = Partials(buffer: partials)
            Parallel.forEachChunk(work: work) { chunk in
                var sum = 0.0
                for index in Parallel.chunk(chunk, of: values.count) { sum += values[index] }
                sendable.buffer[chunk] = sum
            }
            return partials.reduce(0, +)
        }
        let sequential = chunkedSum(work: 0)
        for _ in 0..<5 {
            #expect(chunkedSum(work: Parallel.concurrencyThreshold).bitPattern == sequential.bitPattern)
        }
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
