import Foundation
@testable import Optimization
import Testing

@Suite struct StrongWolfeLineSearchTests {
    let search = StrongWolfeLineSearch(maxEvaluations: 25)

    func trial(_ step: Double, _ phi: (Double) -> (Double, Double)) -> StrongWolfeLineSearch.Trial {
        let (value, slope) = phi(step)
        return .init(step: step, value: value, slope: slope)
    }

    func satisfiesStrongWolfe(_ t: StrongWolfeLineSearch.Trial, origin: StrongWolfeLineSearch.Trial) -> Bool {
        t.value <= origin.value + 1e-4 * t.step * origin.slope && abs(t.slope) <= 0.9 * abs(origin.slope)
    }

    @Test func acceptsUnitStepWhenItSatisfiesTheConditions() {
        // φ(α) = (α − 2)²: φ(1) = 1 ≤ 4 − 4·10⁻⁴ and |φ′(1)| = 2 ≤ 0.9·4.
        let phi = { (a: Double) in ((a - 2) * (a - 2), 2 * (a - 2)) }
        var evaluations = 0
        let accepted = search.search(from: trial(0, phi), initialStep: 1) { evaluations += 1; return trial($0, phi) }
        #expect(accepted?.step == 1)
        #expect(evaluations == 1)
    }

    @Test func extrapolatesWhenTheStepIsTooShort() {
        // φ(α) = (α − 100)²: from α = 1 the slope stays steep until α is near 100.
        let phi = { (a: Double) in ((a - 100) * (a - 100), 2 * (a - 100)) }
        let origin = trial(0, phi)
        let accepted = search.search(from: origin, initialStep: 1) { trial($0, phi) }
        #expect(accepted.map { satisfiesStrongWolfe($0, origin: origin) } == true)
        #expect(accepted.map { $0.step > 10 } == true)
    }

    @Test func interpolatesNearTheBestEndInsteadOfBisecting() {
        // φ(α) = (α − 0.03)²: the unit step overshoots badly and the minimiser sits at 3% of the bracket
        // [0, 1]. The quadratic through φ(0), φ′(0) and φ(1) is φ itself, so its minimiser 0.03 is the second trial
        // (the cubic through both ends is φ too), and it is accepted.
        let phi = { (a: Double) in ((a - 0.03) * (a - 0.03), 2 * (a - 0.03)) }
        let origin = trial(0, phi)
        var steps: [Double] = []
        let accepted = search.search(from: origin, initialStep: 1) { steps.append($0); return trial($0, phi) }
        #expect(accepted.map { satisfiesStrongWolfe($0, origin: origin) } == true)
        #expect(steps.count == 2)
        #expect(abs(steps[1] - 0.03) <= 1e-12)
    }

    @Test func extrapolatesToTheUpperBoundWhileTheSlopeSteepens() {
        // φ(α) = −α − α² + α⁴/200, φ′(α) = −1 − 2α + α³/50: φ′(1) = −2.98 is steeper than φ′(0) = −1, so the
        // next trial is the bound 1 + 4·1 = 5; φ′(5) = −8.5 is steeper still, so then 5 + 4·4 = 21.
        let phi = { (a: Double) in (-a - a * a + pow(a, 4) / 200, -1 - 2 * a + pow(a, 3) / 50) }
        let origin = trial(0, phi)
        var steps: [Double] = []
        let accepted = search.search(from: origin, initialStep: 1) { steps.append($0); return trial($0, phi) }
        #expect(accepted.map { satisfiesStrongWolfe($0, origin: origin) } == true)
        #expect(Array(steps.prefix(3)) == [1, 5, 21])
    }

    @Test func zoomsIntoABracketAndKeepsTheLastTrial() {
        // φ(α) = α⁴ − 2α: minimiser α = 2^(−1/3) ≈ 0.794; the unit step 3 overshoots.
        let phi = { (a: Double) in (pow(a, 4) - 2 * a, 4 * pow(a, 3) - 2) }
        let origin = trial(0, phi)
        var last: Double?
        let accepted = search.search(from: origin, initialStep: 3) { last = $0; return trial($0, phi) }
        #expect(accepted.map { satisfiesStrongWolfe($0, origin: origin) } == true)
        #expect(accepted?.step == last)
    }

    @Test func backsOffFromNonFiniteValues() {
        // φ(α) = (α − 1)², undefined (NaN) beyond α = 1.5; the first trial is 40.
        let phi = { (a: Double) in a > 1.5 ? (Double.nan, Double.nan) : ((a - 1) * (a - 1), 2 * (a - 1)) }
        let origin = trial(0, phi)
        let accepted = search.search(from: origin, initialStep: 40) { trial($0, phi) }
        #expect(accepted.map { satisfiesStrongWolfe($0, origin: origin) && $0.step <= 1.5 } == true)
    }

    @Test func refusesANonDescentOrigin() {
        let phi = { (a: Double) in (a * a, 2 * a) }
        #expect(search.search(from: trial(1, phi), initialStep: 1) { trial($0, phi) } == nil)
    }
}
