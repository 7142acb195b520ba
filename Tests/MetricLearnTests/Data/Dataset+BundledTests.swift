import MetricLearn
import Testing

@Suite struct DatasetBundledTests {
    @Test func iris() throws {
        let iris = try Dataset.iris
        #expect(iris.sampleCount == 150 && iris.featureCount == 4)
        #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
        #expect(iris.classCounts == [50, 50, 50])
        #expect(iris.featureNames == ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"])
        #expect(iris.features.row(0) == [5.1, 3.5, 1.4, 0.2] && iris.labels[0] == 0)
        #expect(iris.features.row(149) == [5.9, 3.0, 5.1, 1.8] && iris.labels[149] == 2)
        // scikit-learn's corrected rows 35 and 38 (1-based), which differ from the original UCI file.
        #expect(iris.features.row(34) == [4.9, 3.1, 1.5, 0.2] && iris.features.row(37) == [4.9, 3.6, 1.4, 0.1])
    }

    @Test func wine() throws {
        let wine = try Dataset.wine
        #expect(wine.sampleCount == 178 && wine.featureCount == 13)
        #expect(wine.classNames == ["0", "1", "2"])
        #expect(wine.classCounts == [59, 71, 48])
        #expect(wine.featureNames.first == "alcohol" && wine.featureNames.last == "proline")
        #expect(wine.features.row(0) == [14.23, 1.71, 2.43, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065])
        #expect(wine.features.row(177) == [14.13, 4.1, 2.74, 24.5, 96, 2.05, 0.76, 0.56, 1.35, 9.2, 0.61, 1.6, 560])
        #expect(wine.labels[0] == 0 && wine.labels[177] == 2)
    }

    @Test func loadedOnceAndEqualEachTime() throws {
        #expect(try Dataset.iris == Dataset.iris)
    }
}
