extension LBFGS {
    /// The limited memory of L-BFGS: the last `capacity` curvature pairs (sₖ = xₖ₊₁ − xₖ, yₖ = ∇fₖ₊₁ − ∇fₖ)
    /// and the two-loop recursion that applies the implicit inverse-Hessian approximation Hₖ to a vector.
    ///
    /// Storage is a ring of `capacity + 1` preallocated slots: at most `capacity` hold live pairs and
    /// the slot after the newest is always free, so a candidate pair is written in place and only
    /// becomes live once its curvature has been checked. Nothing allocates after `init`.
    struct History {
        /// The dimension of the vectors.
        let dimension: Int
        /// The maximum number of pairs kept (0 gives steepest descent).
        let capacity: Int
        /// sᵢ in slot i, row-major, `(capacity + 1) × dimension`.
        private var steps: [Double]
        /// yᵢ in slot i, same layout as `steps`.
        private var gradientChanges: [Double]
        /// ρᵢ = 1 / sᵢᵀyᵢ per slot.
        private var inverseCurvatures: [Double]
        /// αᵢ of the two-loop recursion per slot (scratch).
        private var coefficients: [Double]
        /// γ = sᵀy / yᵀy of the newest pair: the initial inverse-Hessian scaling H⁰ = γI.
        private var scaling = 1.0
        /// The slot of the newest live pair.
        private var newest = 0
        /// The number of live pairs.
        private(set) var count = 0

        /// An empty memory for vectors of `dimension` elements keeping at most `capacity` pairs.
        init(dimension: Int, capacity: Int) {
            self.dimension = dimension
            self.capacity = Swift.max(0, capacity)
            let slots = self.capacity + 1
            steps = [Double](repeating: 0, count: slots * dimension)
            gradientChanges = [Double](repeating: 0, count: slots * dimension)
            inverseCurvatures = [Double](repeating: 0, count: slots)
            coefficients = [Double](repeating: 0, count: slots)
        }

        /// Whether no pair is stored (the next direction is plain steepest descent).
        var isEmpty: Bool { count == 0 }

        /// Forgets every pair.
        mutating func reset() {
            count = 0
            scaling = 1
        }

        /// Records the pair s = `newPoint` − `oldPoint`, y = `newGradient` − `oldGradient`, evicting the
        /// oldest pair when full. The pair is skipped (and `false` returned) when sᵀy ≤ ε·yᵀy with
        /// ε the machine epsilon: curvature that is not safely positive would make Hₖ indefinite.
        mutating func record(oldPoint: [Double], newPoint: [Double],
                             oldGradient: [Double], newGradient: [Double]) -> Bool {
            guard capacity > 0 else { return false }
            let slot = (newest + 1) % (capacity + 1)
            let offset = slot * dimension
            var sy = 0.0, yy = 0.0
            steps.withUnsafeMutableBufferPointer { s in
                gradientChanges.withUnsafeMutableBufferPointer { y in
                    oldPoint.withUnsafeBufferPointer { x0 in
                        newPoint.withUnsafeBufferPointer { x1 in
                            oldGradient.withUnsafeBufferPointer { g0 in
                                newGradient.withUnsafeBufferPointer { g1 in
                                    for i in 0..<dimension {
                                        let si = x1[i] - x0[i]
                                        let yi = g1[i] - g0[i]
                                        s[offset + i] = si
                                        y[offset + i] = yi
                                        sy += si * yi
                                        yy += yi * yi
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let inverseCurvature = 1 / sy, pairScaling = sy / yy
            guard sy > Double.ulpOfOne * yy, inverseCurvature.isFinite, pairScaling.isFinite else { return false }
            inverseCurvatures[slot] = inverseCurvature
            scaling = pairScaling
            newest = slot
            count = Swift.min(count + 1, capacity)
            #if METRICLEARN_INTERNAL_CHECKS
            checkInvariants()
            #endif
            return true
        }

        /// Writes the quasi-Newton direction −Hₖ·`gradient` into `direction` (two-loop recursion,
        /// Nocedal & Wright Algorithm 7.4, with H⁰ = γI). With no pairs stored this is −`gradient`.
        mutating func writeDirection(for gradient: [Double], into direction: inout [Double]) {
            let slots = capacity + 1
            let dimension = dimension, count = count, newest = newest, scaling = scaling
            steps.withUnsafeBufferPointer { s in
                gradientChanges.withUnsafeBufferPointer { y in
                    inverseCurvatures.withUnsafeBufferPointer { rho in
                        coefficients.withUnsafeMutableBufferPointer { alpha in
                            gradient.withUnsafeBufferPointer { g in
                                direction.withUnsafeMutableBufferPointer { q in
                                    for i in 0..<dimension { q[i] = g[i] }
                                    // Newest to oldest: αᵢ = ρᵢ·sᵢᵀq, q ← q − αᵢ·yᵢ.
                                    for age in 0..<count {
                                        let slot = (newest - age + slots) % slots
                                        let offset = slot * dimension
                                        var sq = 0.0
                                        for i in 0..<dimension { sq += s[offset + i] * q[i] }
                                        let a = rho[slot] * sq
                                        alpha[slot] = a
                                        for i in 0..<dimension { q[i] -= a * y[offset + i] }
                                    }
                                    for i in 0..<dimension { q[i] *= scaling }
                                    // Oldest to newest: βᵢ = ρᵢ·yᵢᵀr, r ← r + (αᵢ − βᵢ)·sᵢ.
                                    for age in stride(from: count - 1, through: 0, by: -1) {
                                        let slot = (newest - age + slots) % slots
                                        let offset = slot * dimension
                                        var yr = 0.0
                                        for i in 0..<dimension { yr += y[offset + i] * q[i] }
                                        let step = alpha[slot] - rho[slot] * yr
                                        for i in 0..<dimension { q[i] += step * s[offset + i] }
                                    }
                                    for i in 0..<dimension { q[i] = -q[i] }
                                }
                            }
                        }
                    }
                }
            }
        }

        #if METRICLEARN_INTERNAL_CHECKS
        /// Traps unless every live pair has positive curvature and the counters are in range.
        private func checkInvariants() {
            precondition((0...capacity).contains(count), "History count out of range")
            precondition(scaling > 0 && scaling.isFinite, "Non-positive initial Hessian scaling")
            let slots = capacity + 1
            for age in 0..<count {
                let slot = (newest - age + slots) % slots
                precondition(inverseCurvatures[slot] > 0 && inverseCurvatures[slot].isFinite,
                             "Stored pair with non-positive curvature")
            }
        }
        #endif
    }
}
