/// Splitting a `Dataset` (the split is defined in `StratifiedSplit`).
extension Dataset {
    /// A seeded stratified split into a training and a test dataset, both keeping every class name
    /// (so class indices mean the same in both) and the samples' original order.
    ///
    /// - Throws: as `StratifiedSplit.indices(labels:)`, naming classes by name.
    public func stratifiedSplit(testFraction: Double, seed: UInt64) throws(MetricLearnError)
        -> (train: Dataset, test: Dataset) {
        let indices: (train: [Int], test: [Int])
        do {
            indices = try StratifiedSplit(testFraction: testFraction, seed: seed).indices(labels: labels)
        } catch {
            throw namingClasses(in: error)
        }
        return (subset(rows: indices.train), subset(rows: indices.test))
    }
}
