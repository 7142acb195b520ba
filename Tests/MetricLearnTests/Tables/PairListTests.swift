import Foundation
import MetricLearn
import Testing

@Suite struct PairListTests {
    let numbers = RowIdentifiers.rowNumbers(count: 5)

    private func csvError(_ text: String, rows: RowIdentifiers? = nil) -> MetricLearnError? {
        do { _ = try PairList(csvText: text, rows: rows ?? numbers); return nil } catch { return error }
    }

    @Test func readsRowNumbersAndEveryLabelSpelling() throws {
        let list = try PairList(csvText: "first,second,similar,note\n0,1,1,a\n2,3,-1,b\n\n4,0,0,c\n1,2,TRUE,d\n3,4, false ,e\n",
                                rows: numbers)
        #expect(list.pairs == [.init(0, 1), .init(2, 3), .init(4, 0), .init(1, 2), .init(3, 4)])
        #expect(list.similar == [true, false, false, true, false])
        #expect(list.entries.map(\.line) == [2, 3, 5, 6, 7])
        let constraints = try list.constraints()
        #expect(constraints.similar == [.init(0, 1), .init(1, 2)])
        #expect(constraints.dissimilar == [.init(2, 3), .init(4, 0), .init(3, 4)])
    }

    @Test func readsIdentifiersAndUnlabelledPairs() throws {
        let rows = try RowIdentifiers(column: "id", identifiers: ["a7", "b2", "c9"])
        let list = try PairList(csvText: "second,first\nb2,a7\nc9,b2\n", rows: rows)
        #expect(list.pairs == [.init(0, 1), .init(1, 2)])
        #expect(list.entries.map(\.firstName) == ["a7", "b2"])
        #expect(list.similar == nil && !list.hasLabels)
        #expect(throws: MetricLearnError.csv(line: 1, column: nil, reason: "there is no column named 'similar': these "
                                                 + "pairs need labels (1 similar, -1 dissimilar)")) {
            try list.constraints()
        }
        #expect(throws: MetricLearnError.invalidData(what: "column 'id'", value: "'a7' in rows 0 and 2",
                                                     requirement: "identifiers must be distinct (rows are numbered from 0)")) {
            try RowIdentifiers(column: "id", identifiers: ["a7", "b2", "a7"])
        }
    }

    /// Every bad file is a `csv` error naming the line (and column) of the problem.
    @Test func badFilesNameTheLine() throws {
        #expect(csvError("first,second,similar\n0,1,1\n0,5,-1\n") == .csv(
            line: 3, column: 2, reason: "row 5 is past the end of the data (5 rows, numbered from 0)"))
        #expect(csvError("first,second,similar\n-1,1,1\n") == .csv(line: 2, column: 1, reason: "row numbers start at 0, not -1"))
        #expect(csvError("first,second\nx,1\n") == .csv(
            line: 2, column: 1, reason: "'x' is not a row number (rows are numbered from 0; give --id-column to name "
                + "rows by an identifier column)"))
        let rows = try RowIdentifiers(column: "id", identifiers: ["a", "b"])
        #expect(csvError("first,second\na,zz\n", rows: rows) == .csv(
            line: 2, column: 2, reason: "no row of the data has 'zz' in column 'id'"))
        #expect(csvError("first,second,similar\n2,2,1\n") == .csv(
            line: 2, column: 2, reason: "'2' names the same row as column 'first': the rows of a record must differ"))
        #expect(csvError("first,similar\n0,1\n") == .csv(
            line: 1, column: nil, reason: "there is no column named 'second'; the columns are 'first', 'similar'"))
        #expect(csvError("first,second,similar\n0,1,maybe\n") == .csv(
            line: 2, column: 3, reason: "'maybe' is not a pair label: similar pairs are 1 or true, dissimilar pairs "
                + "-1, 0 or false"))
        #expect(csvError("first,second,similar\n") == .csv(line: 1, column: nil,
                                                           reason: "the header is not followed by any data rows"))
        #expect(throws: MetricLearnError.csv(line: 1, column: 3, reason: "all 2 pairs are similar; both similar and "
                                                 + "dissimilar pairs are needed")) {
            try PairList(csvText: "first,second,similar\n0,1,1\n2,3,1\n", rows: numbers).constraints()
        }
    }

    @Test func readsTriplets() throws {
        let list = try TripletList(csvText: "anchor,positive,negative\n0,1,2\n3,4,0\n", rows: numbers)
        #expect(list.constraints == TripletConstraints([(0, 1, 2), (3, 4, 0)]))
        #expect(list.entries.map(\.line) == [2, 3])
        #expect(throws: MetricLearnError.csv(line: 2, column: 3, reason: "'0' names the same row as column 'anchor': "
                                                 + "the rows of a record must differ")) {
            try TripletList(csvText: "anchor,positive,negative\n0,1,0\n", rows: numbers)
        }
        #expect(throws: MetricLearnError.csv(line: 2, column: 2, reason: "row 9 is past the end of the data (5 rows, "
                                                 + "numbered from 0)")) {
            try TripletList(csvText: "anchor,positive,negative\n0,9,1\n", rows: numbers)
        }
    }
}
