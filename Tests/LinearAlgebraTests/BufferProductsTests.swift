import Foundation
import LinearAlgebra
import Testing

@Suite struct BufferProductsTests {
    // A = [[1, 2, 3], [4, 5, 6]] (2×3), B = [[1, 0], [0, 1], [2, -1]] (3×2): A·B = [[7, -1], [16, -1]].
    let a: [Double] = [1, 2, 3, 4, 5, 6]
    let b: [Double] = [1, 0, 0, 1, 2, -1]

    @Test func plainProductOverwritesGarbage() {
        var c: [Double] = [9, 9, 9, 9]
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    BufferProducts.multiply(pa, pb, into: pc, m: 2, n: 2, k: 3)
                }
            }
        }
        #expect(c == [7, -1, 16, -1])
    }

    @Test func transposedOperandsAccumulateWithAlphaAndBeta() {
        // Aᵀ (3×2) stored as A; Bᵀ (2×3) stored as B: C ← 2·Aᵀ·Bᵀ + 1·C.
        // Aᵀ·Bᵀ = (B·A)ᵀ, B·A = [[1,2,3],[4,5,6],[-2,-1,0]], so Aᵀ·Bᵀ = [[1,4,-2],[2,5,-1],[3,6,0]].
        var c = [Double](repeating: 1, count: 9)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    BufferProducts.multiply(pa, transposingA: true, pb, transposingB: true, into: pc,
                                            m: 3, n: 3, k: 2, alpha: 2, beta: 1)
                }
            }
        }
        #expect(c == [3, 9, -3, 5, 11, -1, 7, 13, 1])
    }

    @Test func rowBlockOfALargerMatrix() {
        // The second row of A times B, written into a slice: [4, 5, 6]·B = [16, -1].
        var c: [Double] = [0, 0, 0, 0]
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    BufferProducts.multiply(UnsafeBufferPointer(rebasing: pa[3...]), pb,
                                            into: UnsafeMutableBufferPointer(rebasing: pc[2...]), m: 1, n: 2, k: 3)
                }
            }
        }
        #expect(c == [0, 0, 16, -1])
    }

    @Test func emptyInnerDimensionScalesC() {
        var c: [Double] = [1, 2]
        let empty: [Double] = []
        empty.withUnsafeBufferPointer { pe in
            c.withUnsafeMutableBufferPointer { pc in
                BufferProducts.multiply(pe, pe, into: pc, m: 1, n: 2, k: 0, beta: 3)
            }
        }
        #expect(c == [3, 6])
    }

    /// A tall product (row blocks), a short one with a long inner dimension (chunks added in order) and a small one
    /// (one call), each with both transpositions: equal to the single `dgemm` up to rounding, and the same bits on
    /// 1, 2 and 3 workers.
    @Test(arguments: [(700, 9, 200), (6, 5, 5000), (40, 30, 20)], [false, true])
    func parallelProductMatchesOneCallOnAnyWorkerCount(shape: (Int, Int, Int), transposing: Bool) {
        let (m, n, k) = shape
        let a = (0..<(m * k)).map { sin(Double($0) * 0.37) }, b = (0..<(k * n)).map { cos(Double($0) * 0.11) }
        func product(parallel: Bool, workers: Int = 1) -> [Double] {
            var c = (0..<(m * n)).map { Double($0 % 7) }
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        if parallel {
                            Parallel.withWorkers(workers) {
                                BufferProducts.multiplyInParallel(pa, transposingA: transposing, pb, transposingB: transposing,
                                                                  into: pc, m: m, n: n, k: k, alpha: -2, beta: 0.5)
                            }
                        } else {
                            BufferProducts.multiply(pa, transposingA: transposing, pb, transposingB: transposing,
                                                    into: pc, m: m, n: n, k: k, alpha: -2, beta: 0.5)
                        }
                    }
                }
            }
            return c
        }
        let single = product(parallel: false), one = product(parallel: true)
        let scale = single.map(abs).max() ?? 0
        #expect(zip(single, one).allSatisfy { abs($0 - $1) <= 1e-12 * scale })
        for workers in [2, 3] {
            #expect(product(parallel: true, workers: workers).map(\.bitPattern) == one.map(\.bitPattern))
        }
    }

    /// Many rows: AᵀA in chunks, the same bits on any worker count and equal to Aᵀ·A up to rounding.
    @Test func gramMatrixOfManyRowsIsTheSameOnAnyWorkerCount() {
        let a = Matrix(rowCount: 3000, columnCount: 20, elements: (0..<60_000).map { sin(Double($0) * 0.013) })
        let gram = a.transposedTimesSelf()
        let direct = a.transposedTimes(a)
        #expect(zip(gram.elements, direct.elements).allSatisfy { abs($0 - $1) <= 1e-11 * 3000 })
        #expect(gram.elements == gram.transposed().elements)
        for workers in [1, 3] {
            #expect(Parallel.withWorkers(workers) { a.transposedTimesSelf() }.elements.map(\.bitPattern)
                    == gram.elements.map(\.bitPattern))
        }
    }
}
