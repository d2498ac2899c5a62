/// An HTML page where LiteLLM would have answered JSON: the error page of whatever stands
/// in front of it (nginx, a cloud load balancer, an ingress). Only its `<title>` and the
/// name of the front are kept; raw HTML never reaches a screen.
struct HTMLPage: Equatable {
    var title: String
    var server: String?

    /// Nil unless `body` starts (after white space) like an HTML document.
    init?(_ body: [UInt8]) {
        let head = body.prefix(4096)
        guard let first = head.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
              head[first] == UInt8(ascii: "<") else { return nil }
        let text = String(decoding: head, as: UTF8.self)
        // ASCII-only lowering keeps every byte where it was, so offsets found in `lower`
        // are offsets in `text` too.
        let lower = String(decoding: Array(text.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        guard lower.contains("<html") || lower.contains("<!doctype html") || lower.contains("<title") else { return nil }
        title = Self.element("title", in: text, lower: lower) ?? Self.element("h1", in: text, lower: lower) ?? "an HTML page"
        server = Self.front(lower)
    }

    /// The text inside the first `<name ...>…</name>`, white space folded, tags dropped.
    private static func element(_ name: String, in text: String, lower: String) -> String? {
        guard let open = lower.firstRange(of: "<\(name)"), let openEnd = lower[open.upperBound...].firstIndex(of: ">"),
              let close = lower[openEnd...].firstRange(of: "</\(name)>") else { return nil }
        func offset(_ i: String.Index) -> String.Index {
            text.utf8.index(text.utf8.startIndex, offsetBy: lower.utf8.distance(from: lower.utf8.startIndex, to: i))
        }
        let inner = text[offset(lower.index(after: openEnd))..<offset(close.lowerBound)]
        let words = inner.replacing(#/<[^>]*>/#, with: " ").split(whereSeparator: { $0.isWhitespace })
        let folded = words.joined(separator: " ").replacing("&amp;", with: "&").replacing("&nbsp;", with: " ")
        return folded.isEmpty ? nil : SafeText.line(folded, limit: 80)
    }

    /// Who made the page, from the marks the usual fronts leave in it.
    private static func front(_ lower: String) -> String? {
        let marks: [(String, String)] = [("<center>nginx", "nginx"), ("openresty", "openresty"), ("cloudflare", "Cloudflare"),
                                         ("awselb", "AWS load balancer"), ("envoy", "Envoy"), ("traefik", "Traefik"),
                                         ("haproxy", "HAProxy"), ("apache", "Apache"), ("google", "Google load balancer"),
                                         ("microsoft-azure-application-gateway", "Azure Application Gateway")]
        return marks.first { lower.contains($0.0) }?.1
    }
}
