import ProxyAdmin

/// The header check's answer as lines: per provider, for the HTTP header and the body
/// field, what LiteLLM forwards, what it renames, and what it drops and why. Each verdict
/// line wraps under its own value column at `width` (the page wraps the rest).
enum HeaderCheckLines {
    static func lines(_ results: [BetaHeaderCheck], line: String, markers: MappingMarkers, width: Int) -> [Line] {
        let betas = BetaHeaderLine.parts(line)
        var out: [Line] = [[Span("\(betas.count) beta(s) read: ", .label), Span(betas.joined(separator: ", "), .value)]]
        out.append([Span("what LiteLLM's filter_and_transform_beta_headers forwards to each provider, ", .dim),
                    Span("header", .label), Span(": in the anthropic-beta HTTP header, ", .dim),
                    Span("body", .label), Span(": in the request body's anthropic_beta field, ", .dim),
                    Span("both", .label), Span(": the same in the header and in the body field", .dim)])
        if markers.rules == .perDeployment, let release = markers.release {
            // The filter's answer is not what every provider gets on /v1/messages any more.
            out.append([Span("LiteLLM \(release) on /v1/messages: = columns get the header unfiltered", .dim)])
            out.append([Span("(the body field as shown); » is also the row of anthropic on Foundry hosts,", .dim)])
            out.append([Span("unlisted betas passed. synctop check-headers --deployments: per deployment", .dim)])
        }
        out.append([])
        let nameWidth = (results.map { DisplayWidth.of(markers.label($0.provider)) }.max() ?? 8) + 2
        var index = 0
        while index < results.count {
            let r = results[index]
            // Header and body only differ where a header-only column lists a beta: say it once.
            var placement = r.placement == .header ? "header" : "body"
            var name = markers.label(r.provider)
            if index > 0, results[index - 1].provider == r.provider { name = "" }
            if index + 1 < results.count, results[index + 1].provider == r.provider, sameOutcome(r, results[index + 1]) {
                placement = "both"
                index += 1
            }
            index += 1
            var first: Line = [Span(name.padding(nameWidth), .label), Span(placement.padding(8), .dim)]
            if r.removesField {
                first.append(Span(r.placement == .header ? "nothing: the header is removed" : "nothing: the field is removed", .mappingUnsupported))
            } else {
                first.append(Span(r.forwardedLine, .mappingForwarded))
            }
            if r.resolvedProvider != r.provider { first.append(Span("  (alias of \(r.resolvedProvider))", .dim)) }
            out += LineWrap.wrap(first, width: width, hang: nameWidth + 8)
            let indent = String(repeating: " ", count: nameWidth + 8)
            for rename in r.renamed {
                out.append([Span(indent), Span("renamed ", .dim), Span(rename.beta, .text), Span(" → ", .dim), Span(rename.to, .mappingRenamed)])
            }
            for drop in r.dropped {
                let why = switch drop.reason {
                case .unsupported: "unsupported (null)"
                case .unknown: drop.isHeaderOnly ? "header-only: not allowed in the body" : "unknown to \(r.resolvedProvider)"
                }
                out.append([Span(indent), Span("dropped ", .dim), Span(drop.beta, .text), Span(": " + why, drop.reason == .unsupported ? .mappingUnsupported : .mappingAbsent)])
            }
        }
        return out
    }

    static func sameOutcome(_ a: BetaHeaderCheck, _ b: BetaHeaderCheck) -> Bool {
        a.forwarded == b.forwarded && a.dropped == b.dropped && a.renamed == b.renamed
    }
}
