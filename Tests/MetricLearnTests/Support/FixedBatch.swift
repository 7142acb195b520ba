@testable import MetricLearn

/// A mini-batch objective on one fixed batch, as a `DifferentiableObjective` (for finite-difference checks).
struct FixedBatch<Objective: MiniBatchObjective>: DifferentiableObjective {
    let objective: Objective
    let batch: [Int]

    var dimension: Int { objective.dimension }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        objective.valueAndGradient(at: point, batch: batch, gradient: &gradient)
    }
}

/// The rows of `table` in a seeded random order (so that labels are not sorted), with their labels.
func shuffledRows(of table: SyntheticData, seed: UInt64) -> (x: Matrix, labels: [Int]) {
    var order = Array(0..<table.labels.count)
    var generator = SeededGenerator(seed: seed)
    generator.shuffle(&order)
    return (table.features.rows(at: order), order.map { table.labels[$0] })
}
