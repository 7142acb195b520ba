/// A configuration a grid search varies: `Pipeline` (`GridSearch`) or `RegressionPipeline` (`RegressionGridSearch`).
public protocol GridCandidate {}

/// Building grids of candidate pipelines for `GridSearch` and `RegressionGridSearch` from typed key paths.
extension GridCandidate {
    /// One copy of this pipeline per value, with `parameter` set to that value.
    ///
    /// ```swift
    /// let candidates = Pipeline(learner: .whitening(Whitening()))
    ///     .varying(\.classifier.neighborCount, over: [1, 3, 5])
    ///     .varying(\.classifier.weighting, over: [.uniform, .distance])   // 6 pipelines
    /// ```
    public func varying<Value>(_ parameter: WritableKeyPath<Self, Value>, over values: [Value]) -> [Self] {
        values.map { value in
            var candidate = self
            candidate[keyPath: parameter] = value
            return candidate
        }
    }
}

extension Array where Element: GridCandidate {
    /// Every pipeline combined with every value of `parameter`: the grid grows by one axis, and the axis
    /// added last varies fastest in the resulting order.
    public func varying<Value>(_ parameter: WritableKeyPath<Element, Value>, over values: [Value]) -> [Element] {
        flatMap { $0.varying(parameter, over: values) }
    }
}
