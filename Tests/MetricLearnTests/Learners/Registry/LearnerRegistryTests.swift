import Foundation
import MetricLearn
import Testing

/// The registry is the one list of learners: these tests fail when a learner is registered inconsistently or
/// left out of the suites that every learner must pass.
@Suite struct LearnerRegistryTests {
    @Test func namesAreDistinctAndKebabCase() {
        let names = LearnerRegistry.all.map(\.name)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(!name.isEmpty && name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(name)")
        }
    }

    @Test(arguments: LearnerRegistry.all.indices)
    func registrationDescribesItsOwnType(_ index: Int) {
        let registration = LearnerRegistry.all[index]
        #expect(registration.learnerType.registration.name == registration.name)
        #expect(registration.defaultConfiguration.name == registration.name)
        #expect(LearnerRegistry.registration(named: registration.name)?.name == registration.name)
        #expect(!registration.supervision.isEmpty)
        #expect(!registration.summary.isEmpty && !registration.discussion.isEmpty && !registration.title.isEmpty)
    }

    @Test(arguments: LearnerRegistry.all.indices)
    func everyDefaultConfigurationRoundTripsThroughJSON(_ index: Int) throws {
        let configuration = LearnerRegistry.all[index].defaultConfiguration
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(LearnerConfiguration.self, from: data) == configuration)
    }

    @Test(arguments: LearnerRegistry.all.indices)
    func parametersAreDistinctAndTheirDefaultsParseBack(_ index: Int) {
        let registration = LearnerRegistry.all[index]
        let names = registration.parameters.map(\.name)
        #expect(Set(names).count == names.count)
        if let seed = names.firstIndex(of: "seed") { #expect(seed == names.count - 1, "seed comes last") }
        for parameter in registration.parameters {
            #expect(!parameter.summary.isEmpty)
            let current = parameter.value(in: registration.defaultConfiguration.learner)
            #expect((current == nil) == (parameter.defaultValue == nil), "\(parameter.name)")
            guard let value = parameter.defaultValue else {
                #expect(parameter.isOptional, "\(parameter.name) has no default but is not optional")
                continue
            }
            #expect(type(of: value) == parameter.valueType)
            #expect(parameter.value(parsing: value.parameterText)?.parameterText == value.parameterText,
                    "\(registration.name) \(parameter.name)")
            if let choices = parameter.valueType.parameterChoices { #expect(choices.contains(value.parameterText)) }
        }
    }

    @Test(arguments: LearnerRegistry.all.indices)
    func settingEveryParameterChangesTheConfiguration(_ index: Int) throws {
        let registration = LearnerRegistry.all[index]
        for parameter in registration.parameters {
            guard let text = Self.otherValueText(parameter) else { continue }
            let value = try #require(parameter.value(parsing: text))
            let learner = try registration.configuration(setting: [parameter.name: value]).learner
            #expect(parameter.value(in: learner)?.parameterText == text, "\(registration.name) \(parameter.name)")
        }
    }

    /// A value other than the default, when the parameter's requirement allows setting it alone.
    private static func otherValueText(_ parameter: LearnerParameter) -> String? {
        guard parameter.requirement == nil else { return nil }
        if let choices = parameter.valueType.parameterChoices {
            return choices.first { $0 != parameter.defaultValue?.parameterText }
        }
        switch parameter.valueType {
        case is Int.Type, is UInt64.Type: return "7"
        case is Double.Type: return "0.25"
        default: return nil
        }
    }

    @Test func unknownParametersAndMisappliedOnesAreRefused() throws {
        let weights = FeatureReweighting.registration
        #expect(throws: MetricLearnError.invalidParameter(name: "componentCount", value: "2",
                                                          requirement: "is not a parameter of feature-weights")) {
            try weights.configuration(setting: ["componentCount": 2])
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "regularization", value: "0.1",
                                                          requirement: "applies to method nca only")) {
            try weights.configuration(setting: ["method": FeatureReweighting.MethodName.relieff, "regularization": 0.1])
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "maxIterations", value: "0.5",
                                                          requirement: "must be a value of type Int")) {
            try weights.configuration(setting: ["maxIterations": 0.5])
        }
        let relief = try weights.configuration(setting: ["method": FeatureReweighting.MethodName.relieff,
                                                         "neighborCount": 4])
        #expect(relief == .featureReweighting(FeatureReweighting(method: .reliefF(neighborCount: 4))))
    }

    /// Before the data is known (no feature count) the rules that hold for any data apply, and a component count
    /// only needs to be at least 1; with the data, its width bounds it too.
    @Test func rulesForAnyDataApplyBeforeTheFeatureCountIsKnown() throws {
        #expect(throws: MetricLearnError.invalidParameter(name: "tolerance", value: "-1.0",
                                                          requirement: "must be finite and non-negative")) {
            try NCA(tolerance: -1).validateParameters(featureCount: nil)
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "componentCount", value: "0",
                                                          requirement: "must be at least 1")) {
            try NCA(componentCount: 0).validateParameters(featureCount: nil)
        }
        try NCA(componentCount: 9).validateParameters(featureCount: nil)
        #expect(throws: MetricLearnError.invalidParameter(name: "componentCount", value: "9",
                                                          requirement: "must be between 1 and the feature count (4)")) {
            try NCA(componentCount: 9).validateParameters(featureCount: 4)
        }
    }

    /// Every registered learner is among the configurations that the conformance and metric-property suites
    /// (and the robustness suites) run, so a new learner cannot skip them.
    @Test func everyLearnerIsInTheSharedSuites() {
        let covered = Set(allLearners.map { $0.configuration.name })
        for registration in LearnerRegistry.all {
            #expect(covered.contains(registration.name), "\(registration.name) is missing from allLearners")
        }
    }

    @Test func learnersOfAKindKeepRegistryOrder() {
        let labels = LearnerRegistry.learners(learningFrom: .classLabels).map(\.name)
        #expect(labels == LearnerRegistry.all.filter { $0.supervision.contains(.classLabels) }.map(\.name))
        #expect(LearnerRegistry.learners(learningFrom: .pairs).map(\.name) == ["itml", "mmc", "gmml"])
        #expect(LearnerRegistry.learners(learningFrom: .triplets).map(\.name) == ["lmnn"])
        #expect(LearnerRegistry.learners(learningFrom: .chunklets).map(\.name) == ["rca"])
    }

    @Test func aLearnerRefusesSupervisionItCannotLearnFrom() throws {
        let pairs = PairConstraints(similar: [(0, 1)], dissimilar: [(0, 2)])
        #expect(throws: MetricLearnError.unsupportedSupervision(learner: "nca", given: "pairs",
                                                                accepted: ["class labels"])) {
            try NCA().fit(Matrix(rows: [[0, 0], [1, 0], [5, 5]]), supervision: .pairs(pairs), progress: nil)
        }
    }
}
