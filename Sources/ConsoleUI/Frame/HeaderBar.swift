#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// Rows 0–1: which proxy, which key (masked), when we last heard from it, and either its
/// health or — when the last poll failed — what went wrong, in words.
struct HeaderBar {
    var state: AppState
    var zone: LocalZone

    func draw(into buffer: inout CellBuffer, width: Int, cache: PanelCache? = nil) {
        let config = state.config
        let left = cache?.memo("header.left", key: [config.proxyURL, config.maskedKey, config.readOnly ? "ro" : "", state.writesOff?.short ?? "", config.keyInClear ? "clear" : "",
                                                               config.currentContext ?? "", config.accent ?? ""]) { leftLine() }
            ?? leftLine()
        let right = pollText(), status = statusLine()
        buffer.drawRows(y: 0, height: 2, slot: "header", key: RowsKey(left: left, right: right, status: status, width: width), cache: cache) { b, top in
            b.fill(Rect(x: 0, y: top, width: width, height: 1), role: .header)
            let rightWidth = min(right.width, max(0, width - 20))
            b.draw(left, x: 0, y: top, width: max(0, width - rightWidth - 1))
            b.draw(right, x: width - rightWidth, y: top, width: rightWidth)
            b.draw(status, x: 1, y: top + 1, width: width - 2)
        }
    }

    /// Everything the two rows are painted from.
    struct RowsKey: Equatable {
        var left: Line, right: Line, status: Line
        var width: Int
    }

    func leftLine() -> Line {
        var left: Line = [Span(" synctop ", .header)]
        // The context in its accent, so prod never looks like staging.
        if let context = state.config.currentContext { left.append(Span(" \(context) ", Self.accentRole(state.config.accent))) }
        if state.config.readOnly {
            left.append(Span("│ READ-ONLY ", .header))
        } else if let off = state.writesOff {
            left.append(Span("│ WRITES OFF: \(off.short) ", .header))
        }
        left += [Span("│ \(state.config.proxyURL) ", .header), Span("│ key \(state.config.maskedKey) ", .header)]
        if state.config.keyInClear { left.append(Span(" KEY SENT IN CLEAR (http) ", .error)) }
        return left
    }

    /// A context's `accent` in the theme's own roles: red, yellow and green are the error,
    /// warning and ok colours of whatever theme is on; the rest stand out as key hints.
    static func accentRole(_ accent: String?) -> Role {
        switch accent {
        case "red"?: .error
        case "yellow"?: .warning
        case "green"?: .ok
        case nil: .header
        default: .keyHint
        }
    }

    func pollText() -> Line {
        let now = state.now
        if state.isStale, let ok = state.lastSuccessfulPoll {
            return [Span(" STALE · last good poll \(TimeText.clock(ok, now: now, zone: zone)) (\(TimeText.age(ok, now: now))) ", .error)]
        }
        if let ok = state.lastSuccessfulPoll {
            let busy = state.pollInFlight != nil ? " · polling" : ""
            // The age only when the data is late (a poll hanging on a slow proxy): on time,
            // the footer's "poll in Ns" already says it, and a header ticking every second
            // for nothing costs a redrawn line a second.
            let late = now.timeIntervalSince(ok) >= Double(2 * state.config.pollIntervalSeconds)
            let age = late ? " (\(TimeText.age(ok, now: now)))" : ""
            return [Span(" polled \(TimeText.clock(ok, now: now, zone: zone))\(age)\(busy) ", .header)]
        }
        if state.lastPollError != nil { return [Span(" no answer yet ", .error)] }
        return [Span(" connecting… ", .header)]
    }

    func statusLine() -> Line {
        if let banner = state.banner, banner.until > state.now {
            return [Span(banner.text, banner.role)]
        }
        if let error = state.lastPollError {
            var line: Line = [Span("✗ ", .error), Span(error.summary, .error)]
            if let hint = hint(for: error) { line.append(Span("  " + hint, .dim)) }
            return line
        }
        guard let h = state.health.value else { return [Span("waiting for the first answer…", .dim)] }
        var line: Line = [Span(h.alive ? "● alive" : "○ not alive", h.alive ? .ok : .error)]
        if let r = h.readiness { line.append(Span("  ready: \(r)", r == "healthy" ? .ok : .warning)) }
        switch h.databaseConnected {
        case true?: line.append(Span("  db: connected", .ok))
        case false?: line.append(Span("  db: not connected — schedules and reloads need it", .warning))
        case nil: break
        }
        if let v = h.version { line.append(Span("  LiteLLM \(v)", .dim)) }
        return line
    }

    /// What the operator can do about it.
    func hint(for error: ProxyError) -> String? {
        switch error {
        case .unreachable, .timeout: "retrying with backoff; ^R to retry now"
        case .unauthorized, .keyRejectedWithoutDatabase: "check --key-file / LITELLM_PROXY_API_KEY"
        case .forbidden: "use a proxy_admin or proxy_admin_viewer key"
        default: nil
        }
    }
}
