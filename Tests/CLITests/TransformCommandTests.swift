import Foundation
import MetricLearn
import Testing

@Suite struct TransformCommandTests {
    /// Whitening of the corners maps every corner to (±√3/2, ±√3/2) (see `FitCommandTests.corners`).
    static let halfRootThree = 3.0.squareRoot() / 2

    func fitCorners(in workspace: Workspace) throws {
        try workspace.write(FitCommandTests.corners, to: "corners.csv")
        #expect(try workspace.run("fit whitening --mode total --shrinkage none --input corners.csv --output m.json").status == 0)
    }

    /// The CSV rows after the header, split into fields.
    func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    }

    @Test func csvOutputHasComponentsThenTheLabel() throws {
        try Workspace.with { workspace in
            try fitCorners(in: workspace)
            let result = try workspace.run("transform --metric m.json --input corners.csv --output z.csv")
            #expect(result.status == 0)
            #expect(result.stdout == "wrote z.csv: 4 rows × 2 components\n")
            let text = try workspace.read("z.csv")
            #expect(text.hasPrefix("component_1,component_2,label\n"))
            let table = rows(text)
            #expect(table.map { $0[2] } == ["a", "b", "a", "b"])
            for row in table {
                #expect(abs(abs(Double(row[0]) ?? 0) - Self.halfRootThree) < 1e-12)
                #expect(abs(abs(Double(row[1]) ?? 0) - Self.halfRootThree) < 1e-12)
            }
            // x goes to component 1: corners 1 and 2 differ in x only, so component 1 changes sign.
            #expect((Double(table[0][0]) ?? 0) * (Double(table[1][0]) ?? 0) < 0)
            #expect(table[0][1] == table[1][1])
        }
    }

    @Test func inputWithoutLabelsAndWithExtraColumns() throws {
        try Workspace.with { workspace in
            try fitCorners(in: workspace)
            // Columns in another order, an identifier column, no label: matched by name.
            try workspace.write("y,id,x\n1,p,3\n0,q,0\n", to: "new.csv")
            let result = try workspace.run("transform --metric m.json --input new.csv --output z.csv")
            #expect(result.status == 0)
            let text = try workspace.read("z.csv")
            // The last column 'x' is a feature, so there is no label column; 'id' is ignored.
            #expect(text.hasPrefix("component_1,component_2\n"))
            let table = rows(text)
            #expect(table.count == 2)
            #expect(abs(abs(Double(table[0][0]) ?? 0) - Self.halfRootThree) < 1e-12)
            #expect(table[1] == ["0.0", "0.0"] || table[1].allSatisfy { (Double($0) ?? 1) == 0 })
        }
    }

    @Test func npyOutput() throws {
        try Workspace.with { workspace in
            try fitCorners(in: workspace)
            let result = try workspace.run("transform --metric m.json --input corners.csv --output z.npy")
            #expect(result.status == 0)
            let bytes = [UInt8](try workspace.data("z.npy"))
            #expect(bytes.prefix(8) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
            let header = String(decoding: bytes[10..<128], as: UTF8.self)
            #expect(header.contains("'shape': (4, 2)"))
            #expect(bytes.count == 128 + 4 * 2 * 8)
            let first = bytes[128..<136].withUnsafeBytes { Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
            #expect(abs(abs(first) - Self.halfRootThree) < 1e-12)
        }
    }

    @Test func missingFeatureColumnIsADataError() throws {
        try Workspace.with { workspace in
            try fitCorners(in: workspace)
            try workspace.write("x,label\n1,a\n", to: "narrow.csv")
            let result = try workspace.run("transform --metric m.json --input narrow.csv --output z.csv")
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("metric-learn: narrow.csv: line 1: "))
            #expect(result.stderr.contains("no column named") && result.stderr.contains("y"))
            #expect(!workspace.exists("z.csv"))
        }
    }
}

extension TransformCommandTests {
    @Test func namedLabelColumnMustExist() throws {
        try Workspace.with { workspace in
            try fitCorners(in: workspace)
            let result = try workspace.run("transform --metric m.json --input corners.csv --label-column kind --output z.csv")
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("metric-learn: corners.csv: line 1: there is no column named 'kind'"))
        }
    }

    @Test func namedLabelColumnIsCarriedUnderItsName() throws {
        try Workspace.with { workspace in
            try fitCorners(in: workspace)
            try workspace.write("x,kind,y\n3,hi,1\n", to: "k.csv")
            let result = try workspace.run("transform --metric m.json --input k.csv --label-column kind --output z.csv")
            #expect(result.status == 0)
            #expect(try workspace.read("z.csv").hasPrefix("component_1,component_2,kind\n"))
            #expect(try workspace.read("z.csv").hasSuffix(",hi\n"))
        }
    }
}

extension TransformCommandTests {
    @Test func ncaEmbeddingOfIrisMatchesTheLibrary() throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit nca --input iris.csv --component-count 2 --output nca.json").status == 0)
            let result = try workspace.run("transform --metric nca.json --input iris.csv --output z.csv")
            #expect(result.status == 0)
            #expect(result.stdout == "wrote z.csv: 150 rows × 2 components\n")

            // The same model applied in-process: the CSV holds the same numbers, bit for bit.
            let metric = try ModelFile(contentsOfFile: workspace.path("nca.json")).metric
            let expected = try metric.transform(try Dataset.iris.features)
            let text = try workspace.read("z.csv")
            #expect(text.hasPrefix("component_1,component_2,label\n"))
            let table = rows(text)
            #expect(table.count == 150)
            #expect(table.indices.allSatisfy { Double(table[$0][0]) == expected[$0, 0] && Double(table[$0][1]) == expected[$0, 1] })
            #expect(table.first?[2] == "setosa" && table.last?[2] == "virginica")
        }
    }
}
