//: # Saving, loading and exporting a learned metric
//:
//: A learned metric is a small thing: one k×d matrix L, plus the names of the d features it expects.
//: This example saves one as a model file, reads it back, and exports the matrix (and an embedding) as
//: NumPy `.npy` files, so that Python, Spark or a vector database can apply the same map.
import MetricLearn

let wine = try Dataset.wine
let scaling = try StandardScaler().fit(wine.features)
let x = try scaling.transform(wine.features)
let metric = try NCA(componentCount: 3, seed: 0).fit(x, labels: wine.labels).withFeatureNames(wine.featureNames)
print("NCA: \(metric.inputDimension) standardized measurements → \(metric.outputDimension) components")

//: ## A model file
//:
//: `ModelFile` wraps the metric in a versioned JSON document: the components, the feature names, the
//: learner with its configuration, and the fit report. It is written all-or-nothing (a temporary file
//: renamed into place), so a crash never leaves half a model behind.
try ModelFile(metric: metric).write(toFile: "wine-nca.json")

let loaded = try ModelFile(contentsOfFile: "wine-nca.json")
print("format version:", loaded.formatVersion, " learner:", loaded.learner)
print("features:", loaded.metric.featureNames.prefix(3).joined(separator: ", "), "…")
print("configuration survives:", loaded.metric.report.learner == metric.report.learner)

//: Numbers are written in their shortest exact form, so the round trip is exact: the loaded metric maps
//: every wine to the very same point, bit for bit.
print("same components:", loaded.metric.components == metric.components)
print("same embedding:", try loaded.metric.transform(x) == metric.transform(x))

//: ## NumPy files
//:
//: `npyData()` gives the bytes `numpy.save` would write for a float64 matrix. The metric was learned on
//: standardized features, so export the scaler's means and scales with it.
let embedding = try metric.transform(x)
try AtomicFileWriter.write(metric.components.npyData(), to: "wine-nca-components.npy")
try AtomicFileWriter.write(Matrix(rows: [scaling.means, scaling.scales]).npyData(), to: "wine-scaling.npy")
try AtomicFileWriter.write(embedding.npyData(), to: "wine-nca-embedding.npy")
print("components:", metric.components.rowCount, "×", metric.components.columnCount,
      " embedding:", embedding.rowCount, "×", embedding.columnCount)
print("first wine:", embedding.row(0).map { ($0 * 1000).rounded() / 1000 })

/*:
 ## Using the learned map outside Swift

 Applying a Mahalanobis metric is one matrix product, so any language can do it. In Python, with the
 raw wine measurements `X` (rows are wines, in the feature order of the model file):

 ```python
 import numpy as np
 L = np.load("wine-nca-components.npy")      # 3 × 13
 mean, scale = np.load("wine-scaling.npy")    # 2 × 13
 Z = ((X - mean) / scale) @ L.T               # the embedding, 178 × 3
 ```

 `Z` matches `wine-nca-embedding.npy` (bit for bit, with NumPy 2.4 on this machine; in general up to
 float64 rounding), and Euclidean distances between rows of `Z` are the learned distances: a FAISS or
 Spark nearest-neighbour index built on `Z` searches with the learned metric.
 */
