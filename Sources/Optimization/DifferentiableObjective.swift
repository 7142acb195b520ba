/// A smooth function of `dimension` real variables to be minimised.
///
/// The value and the gradient come from one call, so an objective never caches state between an
/// evaluation and a gradient request (the mlpack `EvaluateWithGradient` shape).
public protocol DifferentiableObjective {
    /// The number of variables.
    var dimension: Int { get }

    /// Returns f(`point`) and writes ∇f(`point`) into `gradient`, which has `dimension` elements.
    ///
    /// A non-finite value is allowed (the line search backs off from it); it must not trap.
    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double
}
