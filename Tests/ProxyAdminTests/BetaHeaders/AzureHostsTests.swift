import Testing
@testable import ProxyAdmin

/// `is_foundry_api_base` reads the host as Python's `urlparse(...).hostname`.
struct AzureHostsTests {
    @Test(arguments: [
        ("https://contoso.services.ai.azure.com/anthropic", true),
        ("https://Contoso.OpenAI.Azure.COM/anthropic/v1", true),
        ("https://x.cognitiveservices.azure.com", true),
        ("services.ai.azure.com", true),  // the suffix itself is a Foundry host
        ("contoso.openai.azure.com/anthropic", true),  // no scheme: https:// is put in front
        ("https://user:pw@contoso.services.ai.azure.com:8443/x", true),
        ("  https://contoso.services.ai.azure.com", true),  // leading spaces are stripped
        ("https://con\ttoso.openai.azure.com", true),  // tabs and line breaks are removed
        ("https://contoso.services.ai.azure.com.evil.example", false),
        ("https://evilopenai.azure.com", false),
        ("https://contoso.openai.azure.com.", false),
        ("https://x.services.ai.azure.com@evil.example", false),
        ("https://evil.example/x.openai.azure.com", false),
        ("1http://contoso.openai.azure.com", false),  // not a scheme: no netloc at all
        ("https:contoso.openai.azure.com", false),
        ("http://[::1]:4000", false),
        ("", false),
    ])
    func foundryHosts(_ apiBase: String, _ foundry: Bool) {
        #expect(AzureHosts.isFoundry(apiBase) == foundry, "\(apiBase)")
    }

    @Test func noApiBaseIsNoFoundry() {
        #expect(!AzureHosts.isFoundry(nil))
    }

    @Test func hostnamesLikePython() {
        #expect(AzureHosts.hostname("https://A.B%ZoNe:1/x") == "a.b%ZoNe")
        #expect(AzureHosts.hostname("https://:80") == nil)
        #expect(AzureHosts.hostname("mailto:x@y") == nil)
    }
}
