import Foundation
import Testing

/// Outputs are written to a temporary file and renamed into place: a failed run leaves no output
/// (and no temporary file), and an existing output stays byte-identical.
@Suite struct OutputSafetyTests {
    static let badCSV = "a,b,label\n1,2,x\n3,oops,y\n"

    @Test func failedFitLeavesNoFile() throws {
        try Workspace.with { workspace in
            try workspace.write(Self.badCSV, to: "bad.csv")
            let before = try workspace.fileNames()
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input bad.csv --output m.json").status == 65)
            #expect(try workspace.fileNames() == before)
        }
    }

    @Test func failedFitKeepsAnExistingModel() throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output m.json").status == 0)
            let original = try workspace.data("m.json")
            try workspace.write(Self.badCSV, to: "bad.csv")
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input bad.csv --output m.json").status == 65)
            #expect(try workspace.data("m.json") == original)
            // A parameter error after reading the data also leaves it alone.
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --shrinkage 2 --output m.json").status == 64)
            #expect(try workspace.data("m.json") == original)
        }
    }

    @Test func failedTransformKeepsAnExistingOutput() throws {
        try Workspace.with { workspace in
            try workspace.write("keep me\n", to: "z.csv")
            try workspace.write("{ not json", to: "broken.json")
            #expect(try workspace.run("transform --metric broken.json --input iris.csv --output z.csv").status == 65)
            #expect(try workspace.read("z.csv") == "keep me\n")
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output m.json").status == 0)
            try workspace.write(Self.badCSV, to: "bad.csv")
            #expect(try workspace.run("transform --metric m.json --input bad.csv --output z.csv").status == 65)
            #expect(try workspace.read("z.csv") == "keep me\n")
            #expect(try workspace.fileNames() == ["bad.csv", "broken.json", "iris.csv", "m.json", "wine.csv", "z.csv"])
        }
    }

    @Test func successfulRunReplacesTheOutput() throws {
        try Workspace.with { workspace in
            try workspace.write("old\n", to: "m.json")
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output m.json").status == 0)
            #expect(try workspace.read("m.json").hasPrefix("{\n  \"components\" : {"))
            #expect(try workspace.fileNames() == ["iris.csv", "m.json", "wine.csv"])
        }
    }
}
