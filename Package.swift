// swift-tools-version: 6.0
//
// MetricLearn: classical metric learning on tabular data, on LAPACKE + OpenBLAS.
//
// Internal invariant checks can be compiled in with
//   swift build -Xswiftc -DMETRICLEARN_INTERNAL_CHECKS

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
    ],
    targets: [
        // MARK: - Public API

        .target(
            name: "MetricLearn",
            dependencies: ["LinearAlgebra", "Optimization"],
            resources: [
                .copy("Data/Resources/iris.csv"),
                .copy("Data/Resources/wine.csv"),
            ]
        ),
        .target(name: "LinearAlgebra", dependencies: ["_CLAPACK"]),
        .target(name: "Optimization", dependencies: ["LinearAlgebra"]),
        .executableTarget(
            name: "metric-learn",
            dependencies: [
                "MetricLearn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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

        // MARK: - Implementation details

        .systemLibrary(
            name: "_CLAPACK",
            path: "Sources/_CLAPACK",
            pkgConfig: "lapacke",
            providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]
        ),

        // MARK: - Unit test bundles

        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "OptimizationTests", dependencies: ["Optimization"]),
        .testTarget(name: "MetricLearnTests", dependencies: ["MetricLearn"], exclude: ["Fixtures"]),
        .testTarget(name: "BenchmarkTests", dependencies: ["metric-learn-bench"], path: "Benchmarks/Tests/BenchmarkTests"),
    ]
)
