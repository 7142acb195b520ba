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
}
