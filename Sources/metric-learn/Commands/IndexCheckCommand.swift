import ArgumentParser
import Foundation
import MetricLearn

/// `metric-learn index check --index INDEX --metric MODEL.json --input TRAIN.csv [--queries 1000 | --query-input
/// Q.csv] [--neighbors 10] [--ef-search 64] [--json]`.
struct IndexCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Measure an index's recall against exact search, and both searches' speed.",
        discussion: """
            Recall@k is the fraction of the true k nearest training rows (exact search) that the index returns, \
            averaged over the queries. The queries are a seeded sample of the training rows (each looking for \
            its neighbours among the other rows) or the rows of --query-input. Both searches use every core; \
            queries per second are wall-clock, so measure on a quiet machine. --json prints only an object with \
            the keys recall, queriesPerSecond, exactQueriesPerSecond, neighbors, queries and efSearch.
            """
    )

    @Option(help: ArgumentHelp("The index written by 'metric-learn index build'.", valueName: "index.hnsw"))
    var index: String

    @OptionGroup var source: IndexSourceOptions

    @Option(help: "How many training rows to sample as queries (default: 1000).")
    var queries: Int?

    @Option(help: ArgumentHelp("Query with the rows of this CSV file (the model's features) instead of a sample.",
                               valueName: "queries.csv"))
    var queryInput: String?

    @Option(help: "The k of recall@k.")
    var neighbors = 10

    @OptionGroup var efSearch: EfSearchOption

    @Option(help: "Seed of the sample of queries.")
    var seed: UInt64 = 0

    @Flag(help: "Print only a JSON object.")
    var json = false

    func validate() throws {
        if queries != nil && queryInput != nil { throw ValidationError("--queries and --query-input cannot be combined") }
    }

    func run() throws(CommandFailure) {
        let (model, features) = try source.read()
        let graph = try withFile(index, .input) { () throws(MetricLearnError) in
            try HNSWIndex(contentsOfFile: index, metric: model.metric, trainingFeatures: features)
        }
        let recallQueries: HNSWIndex.RecallQueries
        if let queryInput {
            recallQueries = .rows(try withFile(queryInput, .input) { () throws(MetricLearnError) in
                try model.metric.transform(model.features(ofInput: queryInput))
            })
        } else {
            recallQueries = .sample(count: queries ?? 1000, seed: seed)
        }
        let options = ["neighborCount": "neighbors", "efSearch": "ef-search"]
        let check = try withFile(queryInput ?? source.input, .input, options: options) { () throws(MetricLearnError) in
            try graph.recall(points: model.metric.transform(features), queries: recallQueries, neighborCount: neighbors,
                             efSearch: efSearch.value)
        }
        if json {
            let summary = IndexCheckSummary(recall: check.recall, queriesPerSecond: check.queriesPerSecond,
                                            exactQueriesPerSecond: check.exactQueriesPerSecond,
                                            neighbors: check.neighborCount, queries: check.queryCount,
                                            efSearch: check.efSearch)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: (try? encoder.encode(summary)) ?? Data(), as: UTF8.self))
            return
        }
        let queryText = queryInput.map { "the rows of \($0)" } ?? "\(check.queryCount) sampled training rows"
        print("recall@\(check.neighborCount) \(Format.fixed(check.recall, decimals: 4)) over \(queryText) "
              + "(ef-search \(check.efSearch))")
        print("index: \(Format.number(check.queriesPerSecond, significant: 4)) queries/s; exact search: "
              + "\(Format.number(check.exactQueriesPerSecond, significant: 4)) queries/s "
              + "(\(Format.number(check.queriesPerSecond / check.exactQueriesPerSecond, significant: 3))× faster)")
    }
}

/// The `--json` output of `index check`.
private struct IndexCheckSummary: Encodable {
    let recall: Double
    let queriesPerSecond: Double
    let exactQueriesPerSecond: Double
    let neighbors: Int
    let queries: Int
    let efSearch: Int
}
