extension MetricLearnError {
    /// This error with any class index it names (as in `singleClass` or `classTooSmall`) replaced
    /// by that class's name in `classNames`.
    func namingClasses(_ classNames: [String]) -> MetricLearnError {
        func name(_ text: String) -> String {
            guard let index = Int(text), classNames.indices.contains(index) else { return text }
            return classNames[index]
        }
        switch self {
        case let .singleClass(label):
            return .singleClass(label: name(label))
        case let .classTooSmall(label, count, required):
            return .classTooSmall(label: name(label), count: count, required: required)
        default:
            return self
        }
    }
}
