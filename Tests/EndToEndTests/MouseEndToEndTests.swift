import Foundation
import Testing

/// `--mouse` in a real terminal: tmux is sent the SGR mouse sequences a terminal sends for
/// a click and for wheel steps. Without the flag the terminal keeps its own mouse.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct MouseEndToEndTests {
    /// A press and its release, as a terminal sends them (ncurses takes a second press
    /// without a release in between as the button still held).
    static func click(x: Int, y: Int) -> String { "\u{1b}[<0;\(x + 1);\(y + 1)M\u{1b}[<0;\(x + 1);\(y + 1)m" }
    static let wheelDown = "\u{1b}[<65;10;10M"

    func detailTitle(_ screen: String) -> String {
        screen.split(separator: "\n").last { $0.hasPrefix("┌ ") }.map(String.init) ?? ""
    }

    @Test func clickSelectsARowAndTheWheelScrolls() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        // xterm-256color: its terminfo names the SGR (1006) mouse encoding the bytes below use.
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --mouse", width: 120, height: 40,
                                   env: ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey, "TERM": "xterm-256color"])
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        let flags = try Harness.run("/usr/bin/tmux", ["-S", tmux.socket, "display", "-p", "-t", tmux.name, "#{mouse_any_flag}"]).out
        #expect(flags.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "synctop asked the terminal for mouse events")
        tmux.send("3")
        #expect(tmux.waitFor("Models · 3,412 models").found)
        // Rows start two lines below the table's top border (line 4): the third row is line 8.
        tmux.sendLiteral(Self.click(x: 10, y: 8))
        let clicked = tmux.waitFor("┌ 1024-x-1024/dall-e-2 ")
        #expect(clicked.found, "a click selects the row under it: \(detailTitle(clicked.screen))")
        tmux.sendLiteral(Self.wheelDown)
        tmux.sendLiteral(Self.wheelDown)
        let scrolled = tmux.waitFor("┌ 1536-x-1024/gpt-image-1.5 ")
        #expect(scrolled.found, "each wheel step moves three rows: \(detailTitle(scrolled.screen))")

        // The Mappings table the same way: the third row (line 8) is the beta the detail shows.
        tmux.send("2")
        let table = tmux.waitFor("Beta-header mapping · ")
        #expect(table.found)
        let lines = table.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let third = try #require(lines.count > 8 ? lines[8].dropFirst(2).split(separator: " ").first.map(String.init) : nil)
        tmux.sendLiteral(Self.click(x: 10, y: 8))
        let picked = tmux.waitFor("┌ Beta \(third) ")
        #expect(picked.found, "a click selects the beta under it (\(third)): \(detailTitle(picked.screen))")
    }

    @Test func withoutTheFlagTheTerminalKeepsItsMouse() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL)", width: 120, height: 40,
                                   env: ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey])
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        let flags = try Harness.run("/usr/bin/tmux", ["-S", tmux.socket, "display", "-p", "-t", tmux.name, "#{mouse_any_flag}"]).out
        #expect(flags.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
