import Foundation
import Testing

/// The `:` command line in a real terminal: a schedule sent from it, a theme switched live.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct CommandLineEndToEndTests {
    @Test func scheduleAndThemeFromTheCommandLine() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --theme monochrome", width: 120, height: 40,
                                   env: ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey])
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        #expect(ThemeEndToEndTests.colourCodes(tmux.capture(colors: true)).isEmpty, "monochrome to start with")

        tmux.send(":")
        tmux.sendLiteral("sch")
        tmux.send("Tab")
        tmux.sendLiteral("c")
        tmux.send("Tab")
        #expect(tmux.waitFor(":schedule cost-map").found, "Tab completes the command and the job")
        tmux.sendLiteral("0")
        tmux.send("Enter")
        #expect(tmux.waitFor("the interval must be at least 1 hour").found, "refused inline, nothing sent")
        tmux.send("C-u")
        tmux.sendLiteral("schedule cost-map 12")
        tmux.send("Enter")
        let scheduled = tmux.waitFor("every 12 h")
        #expect(scheduled.found, "\(scheduled.screen)")

        tmux.send(":")
        tmux.sendLiteral("theme nord")
        tmux.send("Enter")
        #expect(tmux.waitFor("theme nord").found)
        #expect(!ThemeEndToEndTests.colourCodes(tmux.capture(colors: true)).isEmpty, "the theme changed live: colour now")

        tmux.send(":")
        tmux.sendLiteral("theme nope")
        tmux.send("Enter")
        let refused = tmux.waitFor("no theme \"nope\"; shipped: default, light")
        #expect(refused.found, "an unknown theme is said, the screen keeps its theme: \(refused.screen)")
    }
}
