extension StratifiedKFold.Fold {
    /// The folds of scikit-learn's `PredefinedSplit(test_fold)`: sample i is tested in fold `testFold[i]` and
    /// trains in every other fold. Folds are numbered 0, 1, …, k − 1 (k ≥ 2), each holding at least one sample;
    /// fold j is the j-th element of the result.
    ///
    /// - Throws: `invalidParameter` naming the first offending sample: a negative fold number, a fold number
    ///   above one that holds no sample, or a single fold (which leaves nothing to train on).
    public static func predefined(testFold: [Int]) throws(MetricLearnError) -> [StratifiedKFold.Fold] {
        try predefined(testFold: testFold) { sample, reason in
            .invalidParameter(name: "testFold", value: "[\(sample)] = \(testFold[sample])", requirement: reason)
        }
    }

    /// The folds in a folds file: a text (one-column CSV) file with one fold number per line, line i giving
    /// the fold in which data row i is tested (scikit-learn's `PredefinedSplit` `test_fold`, as
    /// `predefined(testFold:)`). There is no header; `\n` or `\r\n` ends a line; a UTF-8 byte order mark, spaces
    /// and empty final lines are ignored.
    ///
    /// - Throws: `file` when the file cannot be read; `csv(line:column:reason:)` naming the line of binary data,
    ///   of a value that is not an integer ≥ 0, a count of lines other than `sampleCount`, a fold above one that holds
    ///   no sample, or a single fold.
    public static func predefined(foldsFile path: String, sampleCount: Int) throws(MetricLearnError)
        -> [StratifiedKFold.Fold] {
        let bytes = try FileContents.bytes(atPath: path)
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0          // a byte order mark, as CSV files may have
        if let problem = bytes.withUnsafeBufferPointer({ TextValidation.firstProblem(in: $0, from: start) }) {
            let line = bytes[start..<problem.offset].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw .csv(line: line, column: nil, reason: "not a text file: \(problem.reason)")
        }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map(\.trimmingBlanks)
        while lines.last?.isEmpty == true { lines.removeLast() }
        var testFold: [Int] = []
        testFold.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            guard let fold = Int(line), fold >= 0 else {
                throw .csv(line: index + 1, column: nil, reason: "'\(line)' is not a fold number (an integer ≥ 0)")
            }
            testFold.append(fold)
        }
        guard testFold.count == sampleCount else {
            throw .csv(line: min(testFold.count, sampleCount) + 1, column: nil,
                       reason: "expected \(sampleCount) fold numbers (one per data row), found \(testFold.count)")
        }
        return try predefined(testFold: testFold) { sample, reason in
            .csv(line: sample + 1, column: nil, reason: reason)
        }
    }

    /// The folds of `testFold`, or the error `failure(sample, reason)` makes for the first offending sample.
    private static func predefined(testFold: [Int], failure: (Int, String) -> MetricLearnError)
        throws(MetricLearnError) -> [StratifiedKFold.Fold] {
        guard !testFold.isEmpty else { throw .emptyInput(what: "no fold numbers") }
        if let negative = testFold.firstIndex(where: { $0 < 0 }) {
            throw failure(negative, "fold numbers must be integers ≥ 0")
        }
        let foldCount = (testFold.max() ?? 0) + 1
        var members = [[Int]](repeating: [], count: foldCount)
        for (sample, fold) in testFold.enumerated() { members[fold].append(sample) }
        if let empty = members.firstIndex(where: \.isEmpty),
           let above = testFold.firstIndex(where: { $0 > empty }) {
            throw failure(above, "fold \(testFold[above]) is used but fold \(empty) holds no sample; "
                          + "number the folds 0, 1, …, k − 1")
        }
        guard foldCount >= 2 else {
            throw failure(0, "every sample is in fold 0, which leaves none to train on; at least two folds are needed")
        }
        return members.map { test in
            let inTest = Set(test)
            return StratifiedKFold.Fold(trainIndices: testFold.indices.filter { !inTest.contains($0) }, testIndices: test)
        }
    }
}

private extension Substring {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    var trimmingBlanks: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}
