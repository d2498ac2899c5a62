import Testing
@testable import ConsoleUI

/// Issue 18: config.toml read by a real TOML library, with contexts.
@Suite struct ContextConfigTests {
    func parse(_ text: String) -> Result<ConfigFile, ConfigError> { ConfigFile.parse(text, file: "c.toml") }

    static let fleet = """
    current_context = "prod"

    [contexts.prod]
    url = "https://litellm.example.internal"   # the service URL: writes go here
    key_env = "PROD_LITELLM_KEY"
    ca_file = "/etc/ssl/internal-ca.pem"
    read_only = true
    accent = "red"
    pods = ["http://10.0.0.11:4000", "http://10.0.0.12:4000"]

    [contexts.staging]
    url = "http://staging-litellm:4000"
    key_env = "STAGING_LITELLM_KEY"
    pods_dns = "litellm-headless.staging.svc:4000"
    """

    @Test func theIssuesExampleReads() throws {
        let c = try parse(Self.fleet).get()
        #expect(c.currentContext == "prod")
        #expect(c.contexts.map(\.name) == ["prod", "staging"], "in the order written")
        let prod = c.contexts[0]
        #expect(prod.url == "https://litellm.example.internal" && prod.keyEnv == "PROD_LITELLM_KEY" && prod.caFile == "/etc/ssl/internal-ca.pem")
        #expect(prod.readOnly == true && prod.accent == "red" && prod.pods == ["http://10.0.0.11:4000", "http://10.0.0.12:4000"])
        #expect(c.contexts[1].podsDNS == "litellm-headless.staging.svc:4000")
    }

    @Test func anyValidTOMLIsTaken() throws {
        let c = try parse("""
        interval = 1_0
        'url' = 'http://literal:4000'
        contexts.a.url = "http://a:4000"
        contexts.b = { url = "http://b:4000", pods = [
            "http://b1:4000",  # a comment inside an array
            "http://b2:4000",
        ] }
        [keys.dashboard]
        "reload" = "R"\r\n
        """).get()
        #expect(c.interval == 10 && c.url == "http://literal:4000")
        #expect(c.contexts.map(\.name) == ["a", "b"])
        #expect(c.contexts[1].pods == ["http://b1:4000", "http://b2:4000"])
        #expect(c.keyMaps[.dashboard].action(for: .char("R")) == .reload)
        let multi = try parse("beta_headers_url = \"\"\"\nhttp://x/m.json\"\"\"\n").get()
        #expect(multi.betaHeadersURL == "http://x/m.json")
    }

    @Test func everyMistakeNamesFileLineAndKey() {
        #expect(parse("[contexts.prod]\nurl = 7").failure?.description == "c.toml:2: contexts.prod.url: expected non-empty text, found a whole number")
        #expect(parse("\n[contexts.prod]\nkey_env = \"K\"").failure?.description.hasPrefix("c.toml:2: contexts.prod has no url") == true)
        #expect(parse("[contexts.prod]\nurl = \"ftp://x\"").failure?.description == "c.toml:2: contexts.prod.url: \"ftp://x\" must start with http:// or https://")
        #expect(parse("[contexts.p]\nurl = \"http://x\"\n\npods = \"http://a\"").failure?.description == "c.toml:4: contexts.p.pods: expected a list of URLs, found text")
        #expect(parse("[contexts.p]\nurl = \"http://x\"\npods = [\"10.0.0.1\"]").failure?.description == "c.toml:3: contexts.p.pods: every pod is an http:// or https:// URL, found \"10.0.0.1\"")
        #expect(parse("[contexts.p]\nurl = \"http://x\"\naccent = \"pink\"").failure?.description.hasPrefix("c.toml:3: contexts.p.accent: \"pink\" is not a colour") == true)
        #expect(parse("[contexts.p]\nurl = \"http://x\"\nkey_env = \"A\"\nkey_file = \"/k\"").failure?.description == "c.toml:4: contexts.p.key_file: give key_env or key_file, not both")
        #expect(parse("[contexts.p]\nurl = \"http://x\"\nurll = \"y\"").failure?.description.hasPrefix("c.toml:3: contexts.p.urll: unknown setting") == true)
        #expect(parse("current_context = \"nope\"\n[contexts.p]\nurl = \"http://x\"").failure?.description == "c.toml:1: current_context \"nope\" is not one of the contexts (p)")
        #expect(parse("contexts = 3").failure?.description.hasPrefix("c.toml:1: contexts has the wrong type of value (3)") == true)
        // Syntax errors come from toml++ with their line.
        let syntax = parse("a = 1\nb = \"unterminated\n").failure
        #expect(syntax?.line == 2, "\(String(describing: syntax))")
        #expect(syntax?.file == "c.toml")
    }
}
