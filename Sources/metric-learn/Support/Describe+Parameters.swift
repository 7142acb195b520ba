import Foundation
import MetricLearn

extension Describe {
    /// A learner's parameters on one line, in key order: `componentCount = 2, initialization = auto,
    /// maxIterations = 50, seed = 0, tolerance = 1e-05`.
    ///
    /// Built from the configuration's JSON encoding, so every learner is covered: an enum case without
    /// values shows as its name (`none`), one with a value as `fixed(0.1)`.
    static func parameters(of configuration: LearnerConfiguration) -> String {
        guard let data = try? JSONEncoder().encode(configuration),
              case let .object(object)? = try? JSONDecoder().decode(JSONValue.self, from: data),
              case let .object(parameters)? = object["parameters"] else { return "(unavailable)" }
        guard !parameters.isEmpty else { return "defaults" }
        return parameters.keys.sorted().compactMap { key in parameters[key].map { "\(key) = \(text($0))" } }
            .joined(separator: ", ")
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case let .bool(flag): return flag ? "true" : "false"
        case let .number(number): return Format.number(number, significant: 10)
        case let .string(string): return string
        case .null: return "none"
        case let .array(elements): return "[\(elements.map(text).joined(separator: ", "))]"
        case let .object(object):
            // Swift's encoding of an enum case: {"name": {}} or {"name": {"_0": value, "label": value}}.
            guard object.count == 1, let (name, payload) = object.first, case let .object(fields) = payload else {
                return "{" + object.keys.sorted().compactMap { key in object[key].map { "\(key): \(text($0))" } }
                    .joined(separator: ", ") + "}"
            }
            guard !fields.isEmpty else { return name }
            let values = fields.keys.sorted().compactMap { key in
                fields[key].map { key.hasPrefix("_") ? text($0) : "\(key): \(text($0))" }
            }
            return "\(name)(\(values.joined(separator: ", ")))"
        }
    }
}
