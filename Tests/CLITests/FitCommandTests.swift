import Foundation
import Testing

@Suite struct FitCommandTests {
    /// Four corners (±3, ±1): sample variances 12 and 4/3, no covariance, so whitening is
    /// L = diag(1/√12, √3/2) up to signs, and every corner maps to (±√3/2, ±√3/2).
    static let corners = "x,y,label\n-3,-1,a\n3,-1,b\n-3,1,a\n3,1,b\n"

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func whiteningOnIrisWritesAVersionedModel() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output model.json")
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            #expect(result.stdout.hasPrefix("whitening: 150 samples × 4 features → 4 components, closed form, "))
            #expect(result.stdout.hasSuffix("\nwrote model.json\n"))

            let text = try workspace.read("model.json")
            let model = try json(text)
            #expect(model["formatVersion"] as? Int == 1)
            #expect(model["learner"] as? String == "whitening")
            #expect((model["configuration"] as? [String: Any])?["name"] as? String == "whitening")
            #expect(model["featureNames"] as? [String]
                    == ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"])
            let components = try #require(model["components"] as? [String: Any])
            #expect(components["rows"] as? Int == 4 && components["columns"] as? Int == 4)
            #expect((components["values"] as? [Double])?.count == 16)
            let report = try #require(model["report"] as? [String: Any])
            #expect(report["iterations"] as? Int == 0)
            #expect(report["didConverge"] as? Bool == true)
            #expect((report["fitSeconds"] as? Double).map { $0 >= 0 } == true)

            // Sorted keys, pretty printed: the top-level keys appear in alphabetical order.
            let keys = ["components", "configuration", "featureNames", "formatVersion", "learner", "libraryVersion", "report"]
            let positions = keys.compactMap { text.range(of: "\n  \"\($0)\" : ")?.lowerBound }
            #expect(positions.count == keys.count && positions == positions.sorted())
        }
    }

    @Test func whiteningOptionsReachTheLearner() throws {
        try Workspace.with { workspace in
            let result = try workspace.run(
                "fit whitening --mode total --shrinkage none --input iris.csv --mode within-class --shrinkage 0.25 --component-count 2 --output m.json")
            #expect(result.status == 0)
            let parameters = try #require((try json(workspace.read("m.json"))["configuration"] as? [String: Any])?["parameters"]
                                          as? [String: Any])
            #expect(parameters["mode"] as? String == "withinClass")
            #expect(parameters["componentCount"] as? Int == 2)
            #expect(((parameters["shrinkage"] as? [String: Any])?["fixed"] as? [String: Any])?["coefficient"] as? Double == 0.25)
            #expect(result.stdout.hasPrefix("whitening: 150 samples × 4 features → 2 components"))
        }
    }

    @Test func labelColumnByName() throws {
        try Workspace.with { workspace in
            // The label is the first column here, so the default (the last column) would be wrong.
            try workspace.write("kind,x,y\na,-3,-1\nb,3,-1\na,-3,1\nb,3,1\n", to: "first.csv")
            let result = try workspace.run("fit whitening --mode total --shrinkage none --input first.csv --label-column kind --output m.json")
            #expect(result.status == 0)
            #expect(try json(workspace.read("m.json"))["featureNames"] as? [String] == ["x", "y"])
        }
    }

    @Test func seedIsAcceptedWhereNothingIsRandom() throws {
        try Workspace.with { workspace in
            try workspace.write(Self.corners, to: "corners.csv")
            let first = try workspace.run("fit whitening --mode total --shrinkage none --input corners.csv --seed 1 --output a.json")
            let second = try workspace.run("fit whitening --mode total --shrinkage none --input corners.csv --seed 99 --output b.json")
            #expect(first.status == 0 && second.status == 0)
            let a = try json(workspace.read("a.json")), b = try json(workspace.read("b.json"))
            #expect(a["components"] as? NSDictionary == b["components"] as? NSDictionary)
        }
    }

    @Test func progressIsQuietWhenStderrIsNotATerminal() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output m.json")
            #expect(result.stderr.isEmpty)
        }
    }
}
