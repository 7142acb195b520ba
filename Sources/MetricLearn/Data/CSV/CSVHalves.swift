import LinearAlgebra

/// A large CSV file without quotes read on two threads: the data rows are cut in two at a line start near the
/// middle, each half is parsed on its own thread into its place in one array (reserved for every line break, so
/// nothing is copied but the second half's rows moved down over the rows the first half did not fill), and the
/// second half's labels are appended to the first's. The result, errors included, is the one-thread read's: a
/// line feed always ends a record when there are no quotes, the first half's error comes first, and the second
/// half's names its line in the file.
struct CSVHalves {
    /// Where the second half starts: just after a line feed.
    let cut: Int
    /// The line breaks in the first half: at least its number of rows (each of which ends with one).
    let firstRowBound: Int
    private let document: CSVDocument
    private let buffer: UnsafeBufferPointer<UInt8>
    fileprivate let featureCount: Int

    /// The smallest data region read in halves.
    static let minimumBytes = 1 << 22

    /// The halves of `document`'s data rows in `buffer` with `featureCount` numbers a row, or nil when the file
    /// is read on one thread: a small or quoted file, no features, or more line breaks than memory for numbers.
    /// The cut is the first line start after the text check's `midpoint` (past the header), whose line breaks
    /// before it, the header's included, bound the first half's rows.
    init?(_ document: CSVDocument, buffer: UnsafeBufferPointer<UInt8>, featureCount: Int) {
        let start = document.tokenizer.offset
        let (capacity, overflow) = (document.lineBreakCount + 1).multipliedReportingOverflow(by: featureCount)
        guard !document.hasQuotes, featureCount > 0, buffer.count - start >= Self.minimumBytes, !overflow,
              capacity <= MemoryBudget.availableBytes / (2 * MemoryLayout<Double>.stride),
              document.midpoint.offset > start else { return nil }
        var (cut, lineBreaks) = (document.midpoint.offset, document.midpoint.lineBreaks)
        while cut < buffer.count && buffer[cut - 1] != CSVByte.lineFeed {
            if buffer[cut] == CSVByte.lineFeed || buffer[cut] == CSVByte.carriageReturn { lineBreaks += 1 }
            cut += 1
        }
        guard cut < buffer.count else { return nil }
        self.cut = cut
        firstRowBound = lineBreaks
        self.document = document
        self.buffer = buffer
        self.featureCount = featureCount
    }

    /// Reads both halves with `rows`, appending their labels to `labels`; returns the numbers and the row count.
    func read<Reader: CSVLabelReader>(with rows: CSVRowReader, labels: inout Reader,
                                      handingBack handBack: (Range<Int>) -> Void) throws(MetricLearnError)
        -> (elements: [Double], rowCount: Int) {
        let capacity = (document.lineBreakCount + 1) * featureCount
        var outcome: Result<(first: Int, second: Int, labels: Reader), MetricLearnError> = .success((0, 0, labels))
        let (first, second) = (labels, Reader())
        let elements = withoutActuallyEscaping(handBack) { handBack in
            [Double](unsafeUninitializedCapacity: capacity) { storage, initialized in
                guard let base = storage.baseAddress else { return }
                let halves = Halves(self, rows: rows, base: base, first: first, second: second, handBack: handBack)
                Parallel.forEach(jobs: 2, work: .max) { job, _ in job == 0 ? halves.readFirst() : halves.readSecond() }
                outcome = halves.outcome(cut: cut, buffer: buffer)
                if case let .success((firstRows, secondRows, _)) = outcome {
                    if firstRows < firstRowBound {
                        (base + firstRows * featureCount).moveInitialize(from: base + firstRowBound * featureCount,
                                                                        count: secondRows * featureCount)
                    }
                    initialized = (firstRows + secondRows) * featureCount
                } else {
                    initialized = 0
                }
            }
        }
        let (firstRows, secondRows, merged) = try outcome.get()
        labels = merged
        return (elements, firstRows + secondRows)
    }

    fileprivate func document(from start: Int, to end: Int, line: Int) -> CSVDocument {
        var part = document
        part.tokenizer = CSVTokenizer(bytes: UnsafeBufferPointer(rebasing: buffer[0..<end]), start: start,
                                      delimiter: document.delimiter, line: line)
        return part
    }
}

/// The two halves' readers and results, shared by their threads (each writes only its own half).
private final class Halves<Reader: CSVLabelReader>: @unchecked Sendable {
    struct Half {
        var labels: Reader
        var rows: Result<Int, MetricLearnError> = .success(0)
    }

    var first: Half
    var second: Half
    private let halves: CSVHalves
    private let rows: CSVRowReader
    private let base: UnsafeMutablePointer<Double>
    private let handBack: (Range<Int>) -> Void

    init(_ halves: CSVHalves, rows: CSVRowReader, base: UnsafeMutablePointer<Double>, first: Reader, second: Reader,
         handBack: @escaping (Range<Int>) -> Void) {
        (self.halves, self.rows, self.base, self.handBack) = (halves, rows, base, handBack)
        self.first = Half(labels: first)
        self.second = Half(labels: second)
    }

    /// Reads the first half into the start of the numbers.
    func readFirst() {
        let start = halves.documentStart
        var document = halves.document(from: start.offset, to: halves.cut, line: start.line)
        first.rows = read(&document, into: base, labels: &first.labels, handedBack: 0)
    }

    /// Reads the second half into the numbers after the first half's bound.
    func readSecond() {
        var document = halves.document(from: halves.cut, to: halves.bufferCount, line: 1)
        second.rows = read(&document, into: base + halves.firstRowBound * halves.featureCount,
                           labels: &second.labels, handedBack: halves.cut)
    }

    private func read(_ document: inout CSVDocument, into base: UnsafeMutablePointer<Double>, labels: inout Reader,
                      handedBack: Int) -> Result<Int, MetricLearnError> {
        var sink = PointerSink(base)
        do {
            return .success(try rows.read(&document, into: &sink, labels: &labels, handedBack: handedBack,
                                          handingBack: handBack))
        } catch {
            return .failure(error)
        }
    }

    /// The halves' row counts and both halves' labels, or the first error in the file (the second half's lines
    /// counted from the file's start).
    func outcome(cut: Int, buffer: UnsafeBufferPointer<UInt8>)
        -> Result<(first: Int, second: Int, labels: Reader), MetricLearnError> {
        switch (first.rows, second.rows) {
        case let (.failure(error), _):
            return .failure(error)
        case let (_, .failure(error)):
            return .failure(error.movingLines(by: CSVDocument.lineNumber(atOffset: cut, in: buffer) - 1))
        case let (.success(firstRows), .success(secondRows)):
            var labels = first.labels
            labels.append(second.labels)
            return .success((firstRows, secondRows, labels))
        }
    }
}

extension CSVHalves {
    /// Where the first half starts: the document's first data row, and its line.
    fileprivate var documentStart: (offset: Int, line: Int) { (document.tokenizer.offset, document.tokenizer.line) }
    fileprivate var bufferCount: Int { buffer.count }
}

extension MetricLearnError {
    /// This error with the line it names `lines` further down (an error of a part read from a later line).
    fileprivate func movingLines(by lines: Int) -> MetricLearnError {
        switch self {
        case let .csv(line, column, reason): .csv(line: line + lines, column: column, reason: reason)
        case let .notANumber(line, column, name, text): .notANumber(line: line + lines, column: column,
                                                                    columnName: name, text: text)
        default: self
        }
    }
}
