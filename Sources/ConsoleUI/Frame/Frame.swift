#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// The smallest screen the dashboard lays out; below it a notice says so.
public let minimumSize = ScreenSize(width: 60, height: 15)

/// Where a view draws: between the header's two lines and the footer. Updates that page or
/// map clicks lay themselves out from it too.
func viewRect(_ size: ScreenSize) -> Rect {
    Rect(x: 0, y: 2, width: size.width, height: size.height - 3)
}

/// The screen as a cell buffer: header, the view that is up (`ViewRegistry`), footer, and
/// over them the `:` line, help and dialogs. Pure: same state and zone, same screen. With
/// a `cache` (the runner's), panels that did not change since the last call are copied,
/// not drawn again: the same cells, for less work.
public func view(_ state: AppState, zone: LocalZone = .utc, cache: PanelCache? = nil) -> CellBuffer {
    let w = state.size.width, h = state.size.height
    var buffer = CellBuffer(width: w, height: h)
    guard w >= minimumSize.width, h >= minimumSize.height else {
        drawTooSmall(&buffer)
        return buffer
    }
    HeaderBar(state: state, zone: zone).draw(into: &buffer, width: w, cache: cache)

    let spec = ViewRegistry.spec(state.screen)
    let keyMap = state.config.keyMaps[state.screen]
    spec.draw(state, zone, &buffer, viewRect(state.size), cache)
    FooterBar(keyMap: keyMap, right: footerRight(state), hidden: state.config.readOnly ? spec.readOnlyHides : [],
              disabled: state.writesOff != nil ? spec.readOnlyHides : [])
        .draw(into: &buffer, width: w, y: h - 1, cache: cache)
    CommandLineBar(state: state.commandLine).draw(into: &buffer, width: w, y: h - 1)
    if state.showHelp { HelpOverlay(keyMap: keyMap, pollInterval: state.config.pollIntervalSeconds, offset: state.helpOffset).draw(into: &buffer) }
    if let whole = state.wholeText, let content = spec.whole(state, zone) {
        WholeTextOverlay(content: content, offset: whole.offset).draw(into: &buffer)
    }
    if let dialog = state.dialog {
        DialogView(dialog: dialog, proxyURL: state.config.proxyURL, state: state, zone: zone).draw(into: &buffer)
    }
    return buffer
}

private func footerRight(_ state: AppState) -> Span? {
    if let notice = state.notice { return Span(notice, .warning) }
    if state.pollInFlight != nil { return Span("polling…", .dim) }
    let wait = state.nextPollAt.timeIntervalSince(state.now)
    return Span("poll in \(TimeText.span(max(0, wait.rounded(.up))))", .dim)
}

private func drawTooSmall(_ buffer: inout CellBuffer) {
    let lines = [
        "terminal too small: \(buffer.width)×\(buffer.height)",
        "synctop needs at least \(minimumSize.width)×\(minimumSize.height)",
        "enlarge the window, or q to quit",
    ]
    let top = max(0, (buffer.height - lines.count) / 2)
    for (i, text) in lines.enumerated() where top + i < buffer.height {
        let cut = DisplayWidth.truncate(text, to: buffer.width)
        let x = max(0, (buffer.width - DisplayWidth.of(cut)) / 2)
        buffer.put(cut, x: x, y: top + i, role: i == 0 ? .warning : .text)
    }
}
