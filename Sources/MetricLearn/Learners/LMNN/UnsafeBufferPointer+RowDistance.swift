extension UnsafeBufferPointer<Double> {
    /// ‖row a − row b‖² for rows of `width` elements in this row-major buffer, by direct differences
    /// (exact for identical rows, unlike the ‖a‖² + ‖b‖² − 2a·b expansion).
    func squaredDistance(between a: Int, and b: Int, width: Int) -> Double {
        guard let base = baseAddress else { return 0 }
        let (rowA, rowB) = (base + a * width, base + b * width)
        var sum = 0.0
        for c in 0..<width {
            let difference = rowA[c] - rowB[c]
            sum += difference * difference
        }
        return sum
    }
}
