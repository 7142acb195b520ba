//: # Quick start (draft)
//:
//: A placeholder while the data and neighbours modules land.
import MetricLearn

let x = Matrix(rows: [[0, 0], [2, 0], [0, 2], [2, 2], [1, 5]])
print("x is \(x.rowCount)×\(x.columnCount)")

/*:
 ## Whitening

 The metric of the inverse covariance.
 */
let metric = try Whitening().fit(x)
print("M =", metric.mahalanobisMatrix)
let plot = try ScatterPlot(try metric.transform(x), labels: [0, 0, 1, 1, 2], classNames: ["a", "b <&>"], title: "Whitened")
try plot.write(toFile: "whitened.svg")

//: A line chart too.
try LineChart(series: [.init(name: "decay", values: [100, 30, 10, 3, 1, 0.3])], title: "Convergence", yScale: .logarithmic)
    .write(toFile: "curve.svg")
try BarChart(labels: ["alcohol", "malic acid", "noise 1"], values: [1.25, 0.6, 0.01], title: "Weights").write(toFile: "bars.svg")
print("done")
