@testable import MetricLearn
import Testing

/// Plain rows (`CSVPlainRowReader`, each byte looked at once) read exactly as the tokenizer reads them: the rows
/// are read once as written and once each behind a space, which sends every row to the tokenizer.
@Suite struct CSVPlainRowReaderTests {
    static let rows = [
        "1.5,x,-2,0.000123456789012345678,c1",    // 18 fraction zeros and digits past a zero integer part
        "+3.,skip me,.25,1e-3,c2",                // an exponent
        "-0.0,\"q\",7,8,c1",                      // a quoted cell
        "",                                       // a blank line
        "12345678901234567890,a\"b,1,2,c3",       // 20 digits; a quote inside an unquoted cell
        "4,b ,5,6,c1",                            // padding after a cell
        "9007199254740993,b,1.5,0.1,c1",          // halfway between two doubles
        "0.1,t,0.2,0.3,c1\r",                     // CRLF
        "0.1,t,0.2,0.3, c2",                      // padding before the label
        "-98765.43210987654,t,0.2,0.3,c2",        // 17 digits, the last row without a line break
    ]

    @Test(arguments: [(LabelColumn.automatic, FeatureColumns.named(["c", "a", "b"])),
                      (LabelColumn.named("other"), FeatureColumns.allExcept(["label"]))])
    func plainRowsReadAsTheTokenizerReadsThem(labelColumn: LabelColumn, featureColumns: FeatureColumns) throws {
        let read = { (rows: [String]) throws(MetricLearnError) -> Dataset in
            try Dataset(csvText: (["a,other,b,c,label"] + rows).joined(separator: "\n"), labelColumn: labelColumn,
                        featureColumns: featureColumns)
        }
        let plain = try read(Self.rows)
        let tokenized = try read(Self.rows.map { " " + $0 })
        #expect(plain.features.elements.map(\.bitPattern) == tokenized.features.elements.map(\.bitPattern))
        #expect(plain.labels == tokenized.labels && plain.classNames == tokenized.classNames)
        #expect(plain.sampleCount == 9 && plain.featureNames == tokenized.featureNames)
    }
}
