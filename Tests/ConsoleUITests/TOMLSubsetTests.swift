import Testing
@testable import ConsoleUI

/// The one reader behind theme files and `config.toml`.
struct TOMLSubsetTests {
    @Test func readsSectionsPairsAndValues() {
        let source = "# a theme\r\nname = \"nord # not a comment\"  # a comment\r\n\n[ roles ]\ncount = 12\nflag = false\nbare = red\n[keys.models\nno equals here\n"
        let lines = TOMLSubset.lines(source)
        #expect(lines.map(\.number) == [2, 4, 5, 6, 7, 8, 9])
        #expect(lines.map(\.line) == [
            .pair(key: "name", value: .text("nord # not a comment"), raw: "\"nord # not a comment\""),
            .section("roles"),
            .pair(key: "count", value: .number(12), raw: "12"),
            .pair(key: "flag", value: .flag(false), raw: "false"),
            .pair(key: "bare", value: nil, raw: "red"),
            .badSection("[keys.models"),
            .noEquals("no equals here"),
        ])
    }

    @Test func bothFilesWordTheirOwnErrors() {
        if case .failure(let e) = Theme.parse("[roles]\nborder = cyan\n", file: "t.toml") {
            #expect(e.description == "t.toml:2: the value of \"border\" must be in double quotes")
        } else { Issue.record("an unquoted colour must fail") }
        // config.toml is read by TOMLKit: toml++'s own words, with the file and line.
        if case .failure(let e) = ConfigFile.parse("\ninterval = soon\n", file: "c.toml") {
            #expect(e.description.hasPrefix("c.toml:2: Error while parsing value"), "\(e)")
        } else { Issue.record("a bare word must fail") }
    }
}
