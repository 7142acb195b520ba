import MetricLearn

extension Describe {
    /// A learner's parameters on one line, from its registration's parameter table, by name:
    /// `componentCount = 2, initialization = auto, maxIterations = 50, seed = 0, tolerance = 1e-05`.
    ///
    /// Values are spelled as the command line takes them (`method = relieff`, `bounds = 0.5,2`); numbers with up to
    /// ten significant digits; absent optional parameters are left out.
    static func parameters(of configuration: LearnerConfiguration) -> String {
        let shown = configuration.registration.parameters.compactMap { parameter -> (String, String)? in
            guard let value = parameter.value(in: configuration.learner) else { return nil }
            return (parameter.name, (value as? Double).map { Format.number($0, significant: 10) } ?? value.parameterText)
        }
        guard !shown.isEmpty else { return "defaults" }
        return shown.sorted { $0.0 < $1.0 }.map { "\($0.0) = \($0.1)" }.joined(separator: ", ")
    }
}
