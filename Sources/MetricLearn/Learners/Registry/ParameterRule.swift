/// The values a learner parameter accepts: one rule per kind of parameter, declared with the parameter in its
/// learner's registration and checked by `LearnerRegistration.validate(_:featureCount:)` before every fit, so a kind
/// of parameter (an iteration limit, a tolerance, a component count, …) is checked the same way — and refused with
/// the same words — in every learner, including where it does not apply (`tolerance` of a closed-form method).
///
/// A rule either holds whatever the data (a tolerance ≥ 0) or depends on the data's feature count (a component
/// count, a given matrix); the first kind is also checked before any data is read (a feature count of nil), so
/// that a command-line tool can refuse a bad option before it opens its input.
public struct ParameterRule: Sendable {
    /// The requirement `value` breaks for data with `featureCount` features (nil: not known yet), or nil when it
    /// is accepted.
    private let violation: @Sendable (any ParameterValue, Int?) -> String?

    /// A rule that checks values of type `Value` (values of other types pass) against the data's feature count:
    /// checked only when that count is known.
    public static func values<Value: ParameterValue>(
        of type: Value.Type, _ violation: @escaping @Sendable (Value, _ featureCount: Int) -> String?
    ) -> ParameterRule {
        ParameterRule { value, featureCount in
            featureCount.flatMap { featureCount in (value as? Value).flatMap { violation($0, featureCount) } }
        }
    }

    /// A rule that checks values of type `Value` (values of other types pass) whatever the data.
    public static func values<Value: ParameterValue>(
        of type: Value.Type, _ violation: @escaping @Sendable (Value) -> String?
    ) -> ParameterRule {
        ParameterRule { value, _ in (value as? Value).flatMap(violation) }
    }

    /// Every value is accepted (choices from a closed set, seeds).
    public static let any = ParameterRule { _, _ in nil }

    /// A count of at least 1: iteration limits, neighbour counts, pair counts.
    public static let positiveCount = count(atLeast: 1)

    /// A count of at least `minimum`: RCA's chunklet size (2).
    public static func count(atLeast minimum: Int) -> ParameterRule {
        values(of: Int.self) { count in count >= minimum ? nil : "must be at least \(minimum)" }
    }

    /// An output dimension, between 1 and the number of features (at least 1 before the data is known).
    public static let componentCount = ParameterRule { value, featureCount in
        guard let count = value as? Int else { return nil }
        guard let featureCount else { return count >= 1 ? nil : "must be at least 1" }
        return (1...max(featureCount, 1)).contains(count) ? nil : "must be between 1 and the feature count (\(featureCount))"
    }

    /// A finite number ≥ 0: tolerances, penalties.
    public static let finiteNonNegative = values(of: Double.self) { value in
        value >= 0 && value.isFinite ? nil : "must be finite and non-negative"
    }

    /// A finite number > 0: weights.
    public static let positiveFinite = values(of: Double.self) { value in
        value > 0 && value.isFinite ? nil : "must be positive and finite"
    }

    /// A fraction between 0 and 1, each end included or not: `[0, 1)`, `(0, 1]`, `[0, 1]`.
    public static func fraction(includingZero: Bool, includingOne: Bool) -> ParameterRule {
        values(of: Double.self) { value in
            fractionViolation(value, includingZero: includingZero, includingOne: includingOne)
        }
    }

    /// What a given metric matrix `m` (a prior, a starting metric) breaks: it must be features × features, finite and
    /// symmetric (its definiteness is checked when fitting); nil when it complies.
    static func metricMatrixViolation(_ m: Matrix, featureCount: Int) -> String? {
        guard m.rowCount == featureCount && m.columnCount == featureCount else {
            return "must be \(featureCount)×\(featureCount) (features × features), not \(m.rowCount)×\(m.columnCount)"
        }
        return m.isFinite && m.isSymmetric(tolerance: 1e-10) ? nil : "must be finite and symmetric"
    }

    /// What `value` breaks as a fraction with those ends, or nil.
    static func fractionViolation(_ value: Double, includingZero: Bool, includingOne: Bool) -> String? {
        let aboveZero = includingZero ? value >= 0 : value > 0
        let belowOne = includingOne ? value <= 1 : value < 1
        guard !(aboveZero && belowOne) else { return nil }
        return "must be in \(includingZero ? "[" : "(")0, 1\(includingOne ? "]" : ")")"
    }

    /// The requirement `value` breaks, or nil; with a nil `featureCount`, only by the rules that hold whatever the
    /// data.
    func violation(of value: any ParameterValue, featureCount: Int?) -> String? {
        violation(value, featureCount)
    }
}
