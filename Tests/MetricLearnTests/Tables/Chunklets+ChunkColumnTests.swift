import MetricLearn
import Testing

@Suite struct ChunkletsChunkColumnTests {
    /// Rows sharing a chunk number ≥ 0 form a chunklet, in increasing chunk number; a negative number or an empty
    /// cell (quoted or not, spaces around) leaves the row out.
    @Test func rowsSharingANumberFormAChunklet() throws {
        let csv = "x,chunk,y\n1,3,2\n2,,2\n3,0,2\n4, 3 ,2\n5,0,2\n6,-1,2\n7,\"\",2\n8,3,2\n"
        let chunklets = try Chunklets(csvText: csv, column: "chunk")
        #expect(chunklets.groups == [[2, 4], [0, 3, 7]])
        #expect(chunklets.sampleCount == 5)
    }

    /// A cell that is not an integer, a chunklet of one row (the first such row in the file) and a column without
    /// a chunklet are errors naming the line and column; a missing column names the header.
    @Test func badChunkColumnsNameTheirPlace() {
        let cases: [(String, MetricLearnError)] = [
            ("x,chunk\n1,0\n2,0\n3,1.5\n",
             .csv(line: 4, column: 2, reason: "'1.5' is not a chunk number: rows that share an integer ≥ 0 form a "
                      + "chunklet, a negative number or an empty cell is in none")),
            ("x,chunk\n1,7\n2,0\n3,0\n4,5\n",
             .csv(line: 2, column: 2, reason: "chunk 7 has this row only: a chunklet needs two or more rows (give the "
                      + "row -1 or an empty cell to leave it out)")),
            ("x,chunk\n1,-1\n2,\n", .csv(line: 1, column: 2, reason: "no row is in a chunklet: column 'chunk' has no "
                                            + "chunk number ≥ 0")),
            ("x,group\n1,0\n", .csv(line: 1, column: nil, reason: "there is no column named 'chunk'; the columns are "
                                       + "'x', 'group'")),
        ]
        for (csv, error) in cases {
            #expect(throws: error) { try Chunklets(csvText: csv, column: "chunk") }
        }
    }

    /// The library's path from a table with a chunk column to RCA: the column left out of the features, the
    /// chunklets from it; the metric equals RCA's on the same rows and chunklets.
    @Test func unlabelledTableFitsRCAFromItsChunkColumn() throws {
        let csv = "a,chunk,b\n1,0,0.5\n2,0,0.7\n3,1,0.1\n5,1,0.4\n4,-1,0.9\n0,2,0.3\n1,2,0.8\n"
        let columns = try FeatureColumns.all.excluding("chunk", as: "the chunk column")
        #expect(columns == .allExcept(["chunk"]))
        let chunklets = try Chunklets(csvText: csv, column: "chunk")
        let x = Matrix(rows: [[1, 0.5], [2, 0.7], [3, 0.1], [5, 0.4], [4, 0.9], [0, 0.3], [1, 0.8]])
        let expected = try RCA().fit(x, supervision: .chunklets(chunklets), progress: nil)
        let table = UnlabelledTable(.numeric(try FeatureTable(features: x, featureNames: ["a", "b"])))
        let fit = try table.fit(.rca(RCA()), supervision: .chunklets(chunklets))
        #expect(fit.metric.mahalanobisMatrix.maxAbsoluteDifference(from: expected.mahalanobisMatrix) == 0)
        #expect(throws: MetricLearnError.invalidParameter(name: "featureColumns", value: "'chunk'",
                                                          requirement: "the chunk column cannot also be a feature")) {
            try FeatureColumns.named(["a", "chunk"]).excluding("chunk", as: "the chunk column")
        }
    }
}
