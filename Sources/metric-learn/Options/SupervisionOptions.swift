import ArgumentParser
import MetricLearn

/// What `fit <learner>` learns from besides labels: `--pairs` for learners of pairs, `--triplets` for learners of
/// triplets, `--id-column` for both, for pair learners the calibration of the threshold on the training pairs
/// (`--strategy`, `--beta`, `--min-rate`, `--no-calibration`), and `--chunk-column` for learners of chunklets.
/// Learners of labels only get none of them, so their `--help` is unchanged.
///
/// Built like `LearnerParameterOptions`: the options a learner gets follow from its registration's supervision
/// kinds, so this type reflects as exactly those (`customMirror`) and decodes the same names.
struct SupervisionOptions<Learner: MetricLearner>: ParsableArguments, CustomReflectable {
    /// The pairs file (learners of pairs).
    private(set) var pairs: String?
    /// The triplets file (learners of triplets).
    private(set) var triplets: String?
    /// The identifier column that names rows in those files.
    private(set) var idColumn: String?
    /// How the threshold is calibrated on the training pairs (learners of pairs only).
    private(set) var calibration: CalibrationOptions?
    /// Whether to skip the calibration.
    private(set) var noCalibration = false
    /// The column of chunk numbers (learners of chunklets).
    private(set) var chunkColumn: String?

    private static var kinds: [SupervisionKind] { Learner.registration.supervision }
    private static var learnsFromPairs: Bool { kinds.contains(.pairs) }
    private static var learnsFromTriplets: Bool { kinds.contains(.triplets) }
    private static var learnsFromChunklets: Bool { kinds.contains(.chunklets) }

    private enum Key: String, CodingKey { case pairs, triplets, idColumn, calibration, noCalibration, chunkColumn }

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if Self.learnsFromPairs {
            pairs = try container.decode(Option<String?>.self, forKey: .pairs).wrappedValue
            calibration = try container.decode(OptionGroup<CalibrationOptions>.self, forKey: .calibration).wrappedValue
            noCalibration = try container.decode(Flag<Bool>.self, forKey: .noCalibration).wrappedValue
        }
        if Self.learnsFromTriplets {
            triplets = try container.decode(Option<String?>.self, forKey: .triplets).wrappedValue
        }
        if Self.learnsFromPairs || Self.learnsFromTriplets {
            idColumn = try container.decode(Option<String?>.self, forKey: .idColumn).wrappedValue
        }
        if Self.learnsFromChunklets {
            chunkColumn = try container.decode(Option<String?>.self, forKey: .chunkColumn).wrappedValue
        }
    }

    var customMirror: Mirror {
        var children: [(label: String?, value: Any)] = []
        if Self.learnsFromPairs {
            children.append((Key.pairs.rawValue, Option<String?>(
                name: .customLong("pairs"),
                help: ArgumentHelp("Learn from these pairs instead of the labels: a CSV with columns first,second,"
                                   + "similar naming rows of --input (0-based row numbers, or --id-column values) "
                                   + "and 1 for similar, -1 (or 0) for dissimilar.", valueName: "pairs.csv"))))
        }
        if Self.learnsFromTriplets {
            children.append((Key.triplets.rawValue, Option<String?>(
                name: .customLong("triplets"),
                help: ArgumentHelp("Learn from these triplets instead of the labels: a CSV with columns anchor,"
                                   + "positive,negative naming rows of --input (0-based row numbers, or --id-column "
                                   + "values); the anchor should be nearer the positive.", valueName: "triplets.csv"))))
        }
        if Self.learnsFromPairs || Self.learnsFromTriplets {
            children.append((Key.idColumn.rawValue, Option<String?>(
                name: .customLong("id-column"),
                help: ArgumentHelp("The column of --input whose values name rows in the \(Self.fileNames) file (it is "
                                   + "not a feature; default: rows are named by 0-based number).", valueName: "name"))))
        }
        if Self.learnsFromPairs {
            children.append((Key.calibration.rawValue, OptionGroup<CalibrationOptions>()))
            children.append((Key.noCalibration.rawValue, Flag(
                wrappedValue: false, name: .customLong("no-calibration"),
                help: ArgumentHelp("With --pairs: do not calibrate a pair threshold on the training pairs (the model "
                                   + "then has none)."))))
        }
        if Self.learnsFromChunklets {
            children.append((Key.chunkColumn.rawValue, Option<String?>(
                name: .customLong("chunk-column"),
                help: ArgumentHelp("Learn from chunklets instead of the labels: the column of --input holding each "
                                   + "row's chunk number (rows with the same integer ≥ 0 form a chunklet; a negative "
                                   + "number or an empty cell, none). It is not a feature.", valueName: "name"))))
        }
        return Mirror(self, children: children)
    }

    /// `pairs`, `triplets` or `pairs or triplets`, for help texts.
    private static var fileNames: String {
        [learnsFromPairs ? "pairs" : nil, learnsFromTriplets ? "triplets" : nil].compactMap { $0 }
            .joined(separator: " or ")
    }

    func validate() throws {
        if pairs != nil && triplets != nil { throw ValidationError("--pairs and --triplets cannot be combined") }
        if idColumn != nil && file == nil {
            throw ValidationError("--id-column applies with --\(Self.learnsFromPairs ? "pairs" : "triplets") only")
        }
        let isCalibrationGiven = calibration?.isGiven ?? false
        if pairs == nil && (isCalibrationGiven || noCalibration) {
            throw ValidationError("--strategy, --beta, --min-rate and --no-calibration apply with --pairs only")
        }
        if noCalibration && isCalibrationGiven {
            throw ValidationError("--no-calibration and --strategy, --beta or --min-rate cannot be combined")
        }
    }

    /// The constraints file given, if any, with what it holds.
    var file: (path: String, kind: SupervisionKind)? {
        if let pairs { return (pairs, .pairs) }
        if let triplets { return (triplets, .triplets) }
        return nil
    }

    /// The calibration strategy for the training pairs, nil with `--no-calibration`.
    var calibrationStrategy: CalibrationStrategy? { noCalibration ? nil : calibration?.libraryStrategy }
}
