#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// Provenance of the prices in use (`/model/cost_map/source`). A fallback reason turns
/// the panel into a warning: the remote fetch failed and bundled, possibly stale, prices
/// are in use. Fields an older proxy omits show "—".
struct SourcePanel {
    var tracked: Tracked<CostMapSource>
    var now: Date
    var zone: LocalZone

    func draw(into buffer: inout CellBuffer, _ rect: Rect, cache: PanelCache? = nil) {
        let fallback = tracked.value?.isFallback ?? false
        let box = Box(title: "Cost map source",
                      badge: fallback ? Span("⚠ FALLBACK", .warning) : nil,
                      borderRole: fallback ? .warning : .border)
        let rows = lines(width: Box.inside(rect).width, cache: cache)
        let inside = buffer.drawPanel(box, lines: rows, in: rect, slot: "source", cache: cache, keep: !tracked.isStale)
        if tracked.isStale {
            buffer.restyle(Rect(x: inside.x, y: inside.y, width: inside.width, height: min(inside.height, rows.count - 1)), role: .stale)
        }
    }

    struct SteadyKey: Equatable {
        var tracked: Tracked<CostMapSource>
        var width: Int
        var day: Int
        var clockTexts: [String]
    }

    /// `lines(width:)`, built again only when a text in it would change: the source, the
    /// width, the local day, "loaded … ago" (to the minute), the stale age.
    func lines(width: Int, cache: PanelCache?) -> [Line] {
        guard let cache else { return lines(width: width) }
        var moving = [tracked.value?.loadedAt.map { TimeText.relative($0, now: now) } ?? ""]
        if tracked.isStale, let at = tracked.updatedAt { moving.append(TimeText.age(at, now: now)) }
        let key = SteadyKey(tracked: tracked, width: width, day: TimeText.localDay(now, zone: zone), clockTexts: moving)
        return cache.memo("source.lines", key: key) { lines(width: width) }
    }

    func lines(width: Int) -> [Line] {
        guard let s = tracked.value else {
            if let error = tracked.error { return [[Span("unavailable: " + error.summary, .error)]] }
            return [[Span("loading…", .dim)]]
        }
        let dash = Span("—", .dim)
        var out: [Line] = []
        if let reason = s.fallbackReason, !reason.isEmpty {
            // The one warning that must never be cut: wrapped over as many lines as it takes.
            out.append([Span("⚠ remote fetch failed: bundled, possibly stale, prices in use", .warning)])
            for part in TextWrap.wrap(reason, width: max(10, width - 2)) { out.append([Span("  " + part, .warning)]) }
        }
        out.append(row("Source", [Span(s.source, s.source == "remote" ? .ok : .value), Span("  "),
                                  s.url.map { Span($0, .value) } ?? dash]))
        let forced: Span = switch s.isEnvForced {
        case true?: Span("yes (LITELLM_LOCAL_MODEL_COST_MAP)", .value)
        case false?: Span("no", .value)
        case nil: dash
        }
        out.append(row("Forced", [forced]))
        var loaded: Line = s.loadedAt.map {
            [Span(TimeText.clock($0, now: now, zone: zone), .value), Span("  " + TimeText.relative($0, now: now), .dim)]
        } ?? [dash]
        loaded.append(Span("   Revision ", .label))
        loaded.append(s.sourceRevision.map { Span(String($0.prefix(7)), .value) } ?? dash)
        loaded.append(Span("   Models ", .label))
        loaded.append(s.modelCount.map { Span(ModelNumberText.grouped($0), .value) } ?? dash)
        out.append(row("Loaded", loaded))
        if s.fallbackReason == nil || s.fallbackReason?.isEmpty == true {
            out.append(row("Fallback", [Span("none", .ok)]))
        }
        if tracked.isStale, let at = tracked.updatedAt {
            out.append([Span("stale: last read \(TimeText.age(at, now: now))", .stale)])
        }
        return out
    }

    func row(_ label: String, _ value: Line) -> Line {
        [Span(label.padding(JobPanel.labelWidth), .label)] + value
    }
}
