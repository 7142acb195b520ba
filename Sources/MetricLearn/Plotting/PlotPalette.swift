/// The colours of classes and series: Okabe–Ito's colour-blind-safe set (yellow replaced by grey,
/// which reads better on white), cycled when there are more than eight.
enum PlotPalette {
    static let colors = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#000000", "#999999"]

    /// The colour of the `index`-th class or series.
    static func color(_ index: Int) -> String { colors[index % colors.count] }
}
