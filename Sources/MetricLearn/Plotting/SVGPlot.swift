import Foundation

/// A chart that renders itself as a standalone SVG 1.1 document.
///
/// Rendering is deterministic: the same plot gives the same bytes (fixed number formatting,
/// no timestamps, no generated ids), so figures can be committed and compared.
public protocol SVGPlot: Sendable {
    /// The plot as a complete SVG document (UTF-8 text, `xmlns` declared, text escaped).
    var svg: String { get }
}

extension SVGPlot {
    /// Writes `svg` to `path` atomically (see `AtomicFileWriter`).
    ///
    /// - Throws: `MetricLearnError.file` naming the path when it cannot be written.
    public func write(toFile path: String) throws(MetricLearnError) {
        try AtomicFileWriter.write(Data(svg.utf8), to: path)
    }
}
