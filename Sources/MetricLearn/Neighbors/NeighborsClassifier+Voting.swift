/// The vote of the neighbours, with scikit-learn's rules (`KNeighborsClassifier`, `_get_weights`).
extension NeighborsClassifier {
    /// The vote each class gets from each query's neighbours (queries × `classCount`).
    ///
    /// Each neighbour votes with its weight (`KNearestNeighbors.Weighting.weights(of:)`); weights are summed
    /// nearest first.
    func votes(for neighbors: NeighborSearchResult) -> Matrix {
        var votes = Matrix(rowCount: neighbors.queryCount, columnCount: classCount)
        for query in 0..<neighbors.queryCount {
            let weights = configuration.weighting.weights(of: neighbors.distances(ofQuery: query))
            for (index, weight) in zip(neighbors.indices(ofQuery: query), weights) {
                votes[query, labels[index]] += weight
            }
        }
        return votes
    }

    /// The class with the largest vote for each query; the smallest class index wins a tie (NumPy `argmax`).
    func predictions(from neighbors: NeighborSearchResult) -> [Int] {
        let votes = votes(for: neighbors)
        return (0..<votes.rowCount).map { query in
            var best = 0
            for c in 1..<max(1, classCount) where votes[query, c] > votes[query, best] { best = c }
            return best
        }
    }
}
