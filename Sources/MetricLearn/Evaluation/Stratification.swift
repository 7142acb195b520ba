/// The seeded class grouping shared by `StratifiedSplit` and `StratifiedKFold`.
enum Stratification {
    /// The sample indices of each class 0...max(labels) (empty for a class without samples), each group
    /// shuffled by one `SeededGenerator(seed:)` in class order. Labels must be non-negative.
    static func shuffledMembers(labels: [Int], seed: UInt64) -> [[Int]] {
        var members = ClassLabels.members(of: labels)
        var generator = SeededGenerator(seed: seed)
        for label in members.indices { generator.shuffle(&members[label]) }
        return members
    }

    /// Throws unless there are labels and all are class indices (see `Validation.checkLabelIndices`).
    static func checkLabels(_ labels: [Int]) throws(MetricLearnError) {
        guard !labels.isEmpty else { throw .emptyInput(what: "no samples to split") }
        try Validation.checkLabelIndices(labels)
    }
}
