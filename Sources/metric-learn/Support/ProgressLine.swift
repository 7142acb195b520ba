import Foundation
import MetricLearn

/// The progress line of an iterative fit on stderr: `nca: iteration 12, objective 141.3, 0.31 s`, or for a
/// stochastic fit `nca: epoch 3 of 20, 2 930 batches, objective ≈ 9.1e+05, 41 s, about 280 s left`.
///
/// On a terminal the line is redrawn in place (at most ~10 times a second) and ended when the fit
/// ends; with `--progress` on a pipe or file, one line per iteration is written. Disabled, it
/// writes nothing.
final class ProgressLine {
    private let learner: String
    private let isEnabled: Bool
    private let redrawsInPlace = StandardError.isTerminal
    private let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var hasDrawn = false
    /// The latest iteration when it was not drawn (skipped to limit redraws).
    private var pending: (progress: OptimizationProgress, time: ContinuousClock.Instant)?

    /// A progress line for `learner`, shown when `isRequested` or when stderr is a terminal.
    init(learner: String, isRequested: Bool) {
        self.learner = learner
        self.isEnabled = isRequested || StandardError.isTerminal
    }

    /// The callback to hand to `fit` (nil when disabled, so the learner skips the work).
    var callback: ((OptimizationProgress) -> Void)? {
        isEnabled ? { [self] progress in update(progress) } : nil
    }

    private func update(_ progress: OptimizationProgress) {
        let now = ContinuousClock.now
        if redrawsInPlace, let lastDrawn, now - lastDrawn < .milliseconds(100) {
            pending = (progress, now)
            return
        }
        draw(progress, at: now)
    }

    private func draw(_ progress: OptimizationProgress, at now: ContinuousClock.Instant) {
        lastDrawn = now
        pending = nil
        let elapsed = (now - start).seconds
        var line = "\(learner): iteration \(progress.iteration), objective \(Format.number(progress.value)), "
            + "\(Format.seconds(elapsed))"
        if let epoch = progress.epoch {
            line = "\(learner): epoch \(epoch.epoch) of \(epoch.epochCount), \(epoch.batches) batches, objective ≈ "
                + "\(Format.number(epoch.objectiveEstimate)), \(Format.seconds(elapsed)), "
                + "about \(Format.seconds(epoch.remainingSeconds)) left"
        }
        StandardError.write(redrawsInPlace ? "\r\u{1B}[K\(line)" : "\(line)\n")
        hasDrawn = true
    }

    /// Shows the last iteration and ends a line redrawn in place, so what follows starts on its own line.
    func finish() {
        if let pending { draw(pending.progress, at: pending.time) }
        if redrawsInPlace && hasDrawn { StandardError.write("\n") }
    }
}
