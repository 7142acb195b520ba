//: # Saving, loading and exporting a learned metric
//:
//: A learned metric is a small thing: one k×d matrix L, plus the names of the d features it expects.
//: This example saves one as a JSON model file, reads it back, and exports the matrix (and an
//: embedding) as NumPy `.npy` files, so that Python, Spark or a vector database can apply the same map.
import Foundation  // JSONEncoder and JSONDecoder for the model file
import MetricLearn

//: The metric here is within-class whitening of the wine data: distances measured in units of the
//: spread *inside* each cultivar.
let wine = try Dataset.wine
let metric = try Whitening(mode: .withinClass).fit(wine)
print("whitening: \(metric.inputDimension) measurements → \(metric.outputDimension) components")

//: ## A model file
//:
//: `MahalanobisMetric` is `Codable`: its JSON holds the components, the feature names, and the fit
//: report with the learner's configuration. `AtomicFileWriter` writes it all-or-nothing (a temporary
//: file renamed into place), so a crash never leaves half a model behind.
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
try AtomicFileWriter.write(try encoder.encode(metric), to: "wine-whitening.json")

let loaded = try JSONDecoder().decode(MahalanobisMetric.self,
                                      from: Data(contentsOf: URL(fileURLWithPath: "wine-whitening.json")))
print("learner:", loaded.report.learner.name, " features:", loaded.featureNames.prefix(3).joined(separator: ", "), "…")
print("configuration survives:", loaded.report.learner == metric.report.learner)

//: JSON numbers are written in their shortest exact form, so the round trip is exact: the loaded
//: metric maps every wine to the very same point, bit for bit.
print("same components:", loaded.components == metric.components)
print("same embedding:", try loaded.transform(wine.features) == metric.transform(wine.features))

//: ## NumPy files
//:
//: `npyData()` gives the bytes `numpy.save` writes for a float64 matrix.
let embedding = try metric.transform(wine.features)
try AtomicFileWriter.write(metric.components.npyData(), to: "wine-whitening-components.npy")
try AtomicFileWriter.write(embedding.npyData(), to: "wine-whitening-embedding.npy")
print("components:", metric.components.rowCount, "×", metric.components.columnCount,
      " embedding:", embedding.rowCount, "×", embedding.columnCount)
print("first wine, first three components:", embedding.row(0).prefix(3).map { ($0 * 1000).rounded() / 1000 })

/*:
 ## Using the learned map outside Swift

 Applying a Mahalanobis metric is one matrix product, so any language can do it. In Python, with the
 wine measurements `X` (rows are wines, columns in the feature order of the model file):

 ```python
 import numpy as np
 L = np.load("wine-whitening-components.npy")   # 13 × 13
 Z = X @ L.T                                     # the embedding, 178 × 13
 ```

 `Z` matches `wine-whitening-embedding.npy` (bit for bit with NumPy 2.4 on this machine; in general
 up to float64 rounding), and Euclidean distances between rows of `Z` are the learned distances: a
 FAISS or Spark nearest-neighbour index built on `Z` searches with the learned metric.
 */
