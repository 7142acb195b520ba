/// Reductions over a row of softmax terms, each with four running accumulators so that the comparisons or
/// additions pipeline (and the same row always gives the same bits).
enum SoftmaxRows {
    /// The smallest element.
    static func minimum(_ values: UnsafeMutableBufferPointer<Double>) -> Double {
        var (m0, m1, m2, m3) = (Double.infinity, Double.infinity, Double.infinity, Double.infinity)
        var j = 0
        while j + 4 <= values.count {
            m0 = min(m0, values[j])
            m1 = min(m1, values[j + 1])
            m2 = min(m2, values[j + 2])
            m3 = min(m3, values[j + 3])
            j += 4
        }
        while j < values.count {
            m0 = min(m0, values[j])
            j += 1
        }
        return min(min(m0, m1), min(m2, m3))
    }

    /// Σ values[range].
    static func sum(_ values: UnsafeMutableBufferPointer<Double>, _ range: Range<Int>) -> Double {
        var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
        var j = range.lowerBound
        while j + 4 <= range.upperBound {
            s0 += values[j]
            s1 += values[j + 1]
            s2 += values[j + 2]
            s3 += values[j + 3]
            j += 4
        }
        while j < range.upperBound {
            s0 += values[j]
            j += 1
        }
        return (s0 + s1) + (s2 + s3)
    }

    /// Σ values[c]·factors[c] over `range`.
    static func dot(_ values: UnsafeMutableBufferPointer<Double>, _ factors: UnsafeMutablePointer<Double>,
                    _ range: Range<Int>) -> Double {
        var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
        var j = range.lowerBound
        while j + 4 <= range.upperBound {
            s0 += values[j] * factors[j]
            s1 += values[j + 1] * factors[j + 1]
            s2 += values[j + 2] * factors[j + 2]
            s3 += values[j + 3] * factors[j + 3]
            j += 4
        }
        while j < range.upperBound {
            s0 += values[j] * factors[j]
            j += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}
