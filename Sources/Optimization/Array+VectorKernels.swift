/// The few vector reductions the optimisers need, as plain sequential loops (fixed summation order,
/// so results are bit-for-bit reproducible).
extension Array where Element == Double {
    /// Σ selfᵢ·otherᵢ.
    func dot(_ other: [Double]) -> Double {
        precondition(count == other.count, "Vectors differ in length")
        return withUnsafeBufferPointer { a in
            other.withUnsafeBufferPointer { b in
                var sum = 0.0
                for i in 0..<a.count { sum += a[i] * b[i] }
                return sum
            }
        }
    }

    /// maxᵢ |selfᵢ|, 0 for an empty vector, NaN as soon as one element is NaN.
    var infinityNorm: Double {
        withUnsafeBufferPointer { v in
            var norm = 0.0
            for element in v {
                let magnitude = element.magnitude
                if magnitude > norm || magnitude.isNaN { norm = magnitude }
                if norm.isNaN { break }
            }
            return norm
        }
    }

    /// √(Σ selfᵢ²).
    var euclideanNorm: Double { dot(self).squareRoot() }

    /// Overwrites every element with the corresponding one of `source` (same count), without reallocating.
    mutating func replaceContents(with source: [Double]) {
        precondition(count == source.count, "Vectors differ in length")
        withUnsafeMutableBufferPointer { destination in
            source.withUnsafeBufferPointer { source in
                for i in 0..<destination.count { destination[i] = source[i] }
            }
        }
    }
}
