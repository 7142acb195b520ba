@testable import MetricLearn
import Testing

/// A large CSV file without quotes is read in two halves on two threads: the same dataset, and the same first error,
/// as the one-thread read (forced here by one quoted cell).
@Suite struct CSVHalvesTests {
    /// 60 000 rows (over `CSVHalves.minimumBytes`), blank lines in the first half (so that the second half's rows
    /// move down), a class that only the second half has, CRLF line ends.
    static let rows: [String] = (0..<60_000).map { i in
        let label = i >= 45_000 && i % 7 == 0 ? "late" : "c\(i % 3)"
        return "\(Double(i) * 0.125),\(-Double(i % 97) / 3),\(i % 11)e-3,\(label)" + (i % 5_000 == 1 ? "\r\n" : "")
    }

    private func text(_ rows: [String], quoted: Bool) -> String {
        "a,b,c,label\r\n" + (quoted ? "\"1\"" + rows[0].drop { $0 != "," } : rows[0]) + "\r\n"
            + rows.dropFirst().joined(separator: "\r\n") + "\r\n"
    }

    @Test func halvesReadWhatOneThreadReads() throws {
        let rows = Self.rows.enumerated().map { $0 == 0 ? "1" + $1.drop { $0 != "," } : $1 }
        let split = try Dataset(csvText: text(rows, quoted: false))
        let whole = try Dataset(csvText: text(rows, quoted: true))
        #expect(split == whole)
        #expect(split.sampleCount == 60_000 && split.classNames == ["c0", "c1", "c2", "late"])
    }

    @Test(arguments: [10, 50_000])
    func anErrorNamesItsLineInTheFile(row: Int) throws {
        var rows = Self.rows
        rows[row] = "1,x,2,c0"
        let error = { (quoted: Bool) -> MetricLearnError? in
            do throws(MetricLearnError) {
                _ = try Dataset(csvText: text(rows, quoted: quoted))
                return nil
            } catch {
                return error
            }
        }
        let fromHalves = try #require(error(false))
        #expect(fromHalves == error(true))
        guard case let .notANumber(line, column, _, _) = fromHalves else { Issue.record("\(fromHalves)"); return }
        #expect(column == 2 && line > row + 1)
    }
}
