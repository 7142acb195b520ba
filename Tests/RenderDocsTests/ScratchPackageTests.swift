import Foundation
@testable import render_docs
import Testing

@Suite struct ScratchPackageTests {
    @Test func fnv1aReferenceValues() {
        // Published FNV-1a 64-bit test vectors.
        #expect(ScratchPackage.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(ScratchPackage.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(ScratchPackage.fnv1a("foobar") == 0x85944171f73967e8)
    }

    @Test func manifestDependsOnTheRepositoryByPath() {
        let package = ScratchPackage(root: URL(fileURLWithPath: "/tmp/Some-Repo"))
        let example = Example(slug: "03-x", sourcePath: "Examples/03-x/main.swift", source: "print(1)")
        let manifest = package.manifest(for: [example])
        #expect(manifest.contains(#".package(path: "/tmp/Some-Repo")"#))
        #expect(manifest.contains(#".product(name: "MetricLearn", package: "some-repo")"#))
        #expect(manifest.contains(#"name: "render-docs-03-x""#))
        #expect(package.executable(for: example).path == "/tmp/Some-Repo/.build/render-docs/.build/debug/render-docs-03-x")
    }
}
