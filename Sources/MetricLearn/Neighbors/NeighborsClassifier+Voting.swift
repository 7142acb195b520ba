/// The vote of the neighbours, with scikit-learn's rules (`KNeighborsClassifier`, `_get_weights`).
extension NeighborsClassifier {
    /// The vote each class gets from each query's neighbours (queries × `classCount`).
    ///
    /// Uniform weighting gives each neighbour 1. Distance weighting gives 1/d, except that when some neighbours
    /// of a query are at distance 0, exactly those vote, with weight 1. Weights are summed nearest first.
    func votes(for neighbors: NeighborSearchResult) -> Matrix {
        var votes = Matrix(rowCount: neighbors.queryCount, columnCount: classCount)
        for query in 0..<neighbors.queryCount {
            let distances = neighbors.distances(ofQuery: query)
            let hasCoincident = configuration.weighting == .distance && distances.contains(0)
            for (index, distance) in zip(neighbors.indices(ofQuery: query), distances) {
                let weight: Double = switch configuration.weighting {
                case .uniform: 1
                case .distance: hasCoincident ? (distance == 0 ? 1 : 0) : 1 / distance
                }
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
