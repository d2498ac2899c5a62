/// Azure AI Foundry hosts, where an `anthropic` deployment takes the `azure_ai` row
/// (LiteLLM 1.110.2's `is_foundry_api_base`): the host of `api_base` — read as Python's
/// `urlparse(...).hostname` reads it, `https://` put in front when there is no `://` — is
/// one of the suffixes or ends with `.` and one of them.
public enum AzureHosts {
    public static let suffixes = ["services.ai.azure.com", "openai.azure.com", "cognitiveservices.azure.com"]

    public static func isFoundry(_ apiBase: String?) -> Bool {
        guard let apiBase, !apiBase.isEmpty else { return false }
        let url = apiBase.contains("://") ? apiBase : "https://" + apiBase
        guard let host = hostname(url) else { return false }
        return suffixes.contains { host.exactlyEquals($0) || host.endsWithExactly("." + $0) }
    }

    /// Python 3.11's `urlsplit(url).hostname`, nil where it is None. A bracketed host (an
    /// IP literal) is nil too: it can never end in a Foundry suffix, and where Python would
    /// reject it (`ValueError`) the request fails before any beta is sent.
    public static func hostname(_ url: String) -> String? {
        // urlsplit: strip leading C0 controls and spaces, remove every tab and line break.
        var s = Array(url.unicodeScalars.drop { $0.value <= 0x20 })
        s.removeAll { $0 == "\t" || $0 == "\r" || $0 == "\n" }
        if let colon = s.firstIndex(of: ":"), colon > 0, s[0].isASCII, s[0].properties.isAlphabetic,
           s[..<colon].allSatisfy(isSchemeCharacter) {
            s = Array(s[(colon + 1)...])
        }
        guard s.count >= 2, s[0] == "/", s[1] == "/" else { return nil }
        let rest = s[2...]
        let netloc = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostinfo = netloc.lastIndex(of: "@").map { netloc[netloc.index(after: $0)...] } ?? netloc[...]
        guard !hostinfo.contains("[") else { return nil }
        let name = hostinfo.prefix { $0 != ":" }
        guard !name.isEmpty else { return nil }
        // The zone after '%' keeps its case, as in Python.
        if let percent = name.firstIndex(of: "%") {
            return text(name[..<percent]).lowercased() + text(name[percent...])
        }
        return text(name[...]).lowercased()
    }

    /// Python's `urllib.parse.scheme_chars`.
    static func isSchemeCharacter(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "a"..."z", "A"..."Z", "0"..."9", "+", "-", ".": true
        default: false
        }
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
