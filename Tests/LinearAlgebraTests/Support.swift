import LinearAlgebra

/// Whether every element of `a` is within `tolerance` of the corresponding element of `b`.
func isClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

/// Whether two matrices have the same shape and elements within `tolerance`.
func isClose(_ a: Matrix, _ b: Matrix, tolerance: Double = 1e-12) -> Bool {
    a.rowCount == b.rowCount && a.columnCount == b.columnCount && isClose(a.elements, b.elements, tolerance: tolerance)
}
