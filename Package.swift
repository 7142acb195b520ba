// swift-tools-version: 6.0
//
// MetricLearn: classical metric learning on tabular data, on LAPACKE + OpenBLAS.
//
// Internal invariant checks (`#if METRICLEARN_INTERNAL_CHECKS`) are compiled in and tested by
// `make test-internal-checks` (-Xswiftc -DMETRICLEARN_INTERNAL_CHECKS, scratch path .build-checks).

import PackageDescription

let package = Package(
    name: "MetricLearn",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MetricLearn", targets: ["MetricLearn"]),
        .executable(name: "metric-learn", targets: ["metric-learn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation` (`make docs-reference`): the DocC catalog in Sources/MetricLearn.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // MARK: - Public API

        .target(
            name: "MetricLearn",
            dependencies: ["LinearAlgebra", "Optimization", "_CHNSW", "_CSoftmax"],
            resources: [
                .copy("Data/Resources/diabetes.csv"),
                .copy("Data/Resources/iris.csv"),
                .copy("Data/Resources/wine.csv"),
            ]
        ),
        .target(name: "LinearAlgebra", dependencies: ["_CLAPACK"]),
        .target(name: "Optimization"),
        .executableTarget(
            name: "metric-learn",
            dependencies: [
                "MetricLearn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Documentation

        .executableTarget(
            name: "render-docs",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: - Benchmarks

        .executableTarget(
            name: "metric-learn-bench",
            dependencies: [
                "MetricLearn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Sources/metric-learn-bench"
        ),
        // `make bench-ann`: HNSW and exact search on 10⁶ seeded rows, beside hnswlib's Python binding and faiss.
        .executableTarget(
            name: "metric-learn-ann-bench",
            dependencies: [
                "MetricLearn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Sources/metric-learn-ann-bench"
        ),

        // MARK: - Implementation details

        .systemLibrary(
            name: "_CLAPACK",
            path: "Sources/_CLAPACK",
            pkgConfig: "lapacke",
            providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]
        ),

        // hnswlib (Debian `libhnswlib-dev`, header-only C++) behind a C interface: the only C++ in the package.
        .target(name: "_CHNSW", path: "Sources/_CHNSW"),
        // The softmax's exponential and its row loops, compiled per x86-64 vector width (Swift cannot target a function).
        .target(name: "_CSoftmax", path: "Sources/_CSoftmax"),

        // MARK: - Unit test bundles

        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "OptimizationTests", dependencies: ["Optimization"]),
        .testTarget(name: "MetricLearnTests", dependencies: ["MetricLearn", "FuzzChecks"], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["MetricLearn"], exclude: ["Snapshots"]),
        .testTarget(name: "RenderDocsTests", dependencies: ["render-docs"]),
        .testTarget(name: "ExamplesTests", dependencies: ["render-docs"]),
        .testTarget(name: "BenchmarkTests", dependencies: ["metric-learn-bench"], path: "Benchmarks/Tests/BenchmarkTests"),

        // MARK: - Fuzzing (Docs/Robustness.md: `make fuzz`, `make fuzz-smoke`)

        .target(name: "FuzzChecks", dependencies: ["MetricLearn"], path: "Fuzz/FuzzChecks"),
        .executableTarget(name: "fuzz-csv-reader", dependencies: ["FuzzChecks"], path: "Fuzz/fuzz-csv-reader"),
        .executableTarget(name: "fuzz-model-file", dependencies: ["FuzzChecks"], path: "Fuzz/fuzz-model-file"),
    ]
)

// MARK: - Examples
//
// Literate programs (Swift Playground markup), one executable each: `swift run 01-quick-start`.
// `swift run render-docs` renders them into Docs/Notebooks; ExamplesTests runs them.

let examples = [
    "01-quick-start",
    "02-nca-embedding",
    "03-lmnn-classification",
    "04-itml-pair-constraints",
    "05-feature-reweighting",
    "06-choosing-a-learner",
    "07-saving-and-exporting",
    "08-deduplicating-records",
    "09-regression-with-mlkr",
]
package.targets += examples.map { .executableTarget(name: $0, dependencies: ["MetricLearn"], path: "Examples/" + $0) }
