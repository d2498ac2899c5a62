#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// A reload's preview as the confirmation dialog shows it: progress while it is computed,
/// then the same lines as `synctop preview`, refusals in red, anomalies in yellow, cut to
/// the room the dialog has with a pointer to the command that prints them all.
struct PreviewLines {
    var preview: ReloadPreview
    var now: Date
    var proxy: String

    func lines(width: Int, room: Int) -> [Line] {
        guard let result = preview.result else {
            let seconds = max(0, Int(now.timeIntervalSince(preview.startedAt)))
            let what = preview.job == .costMap ? "the cost map the proxy would fetch" : "the beta-header mapping source"
            return [[Span("previewing: fetching \(what)… \(seconds) s", .dim)],
                     [Span("Esc", .keyHint), Span(" stops it; ", .dim), Span("y", .keyHint), Span(" reloads without waiting", .dim)]]
        }
        let text: [String]
        switch result {
        case .failed(let why):
            var out: [Line] = []
            for (i, part) in TextWrap.wrap("no preview: \(why)", width: width - 2).enumerated() {
                out.append([Span(i == 0 ? "✗ " : "  ", .warning), Span(part, .warning)])
            }
            return Array(out.prefix(room))
        case .costMap(let p): text = Array(PreviewReport.lines(p, proxy: proxy).dropFirst())
        case .betaHeaders(let p): text = Array(PreviewReport.lines(p, proxy: proxy).dropFirst())
        }
        var out: [Line] = []
        for line in text {
            let role: Role = line.contains("REFUSED") || line.contains("FALLBACK") || line.contains("will refuse") || line.contains("bundled mapping instead")
                ? .error : line.hasPrefix("    !") || line.contains("UNKNOWN") ? .warning : line.hasPrefix("    +") ? .ok : .text
            let indent = String(line.prefix { $0 == " " }.prefix(6))
            // Continuation lines sit 2 further in, so they are wrapped 2 narrower: at the full
            // width they were cut by the dialog's edge ("the new file does … have" lost its "not").
            for (i, part) in TextWrap.wrap(String(line.dropFirst(indent.count)), width: max(10, width - indent.count - 2)).enumerated() {
                out.append([Span(i == 0 ? indent : String(repeating: " ", count: indent.count + 2), role), Span(part, role)])
            }
        }
        guard out.count > room else { return out }
        let command = "synctop preview \(preview.job.rawValue)"
        return Array(out.prefix(max(0, room - 1))) + [[Span("… \(out.count - room + 1) more lines: ", .dim), Span(command, .keyHint)]]
    }
}
