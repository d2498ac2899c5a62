import CNcurses
import ConsoleUI
#if canImport(Glibc)
import Glibc
#endif

/// What this terminal can do, read from terminfo without taking over the screen: for
/// `synctop info`. The dashboard decides the same way once curses is up.
public struct TerminalCapabilities: Equatable, Sendable {
    public var term: String?
    public var stdoutIsTerminal: Bool
    /// terminfo's `colors` (-1 when TERM has no entry).
    public var colors: Int
    public var rgb: Bool
    public var depth: ColorDepth
    public var utf8: Bool
    public var noColorVariable: Bool
    /// Why terminfo could not be read, if it could not.
    public var problem: String?

    public static func probe(environment: [String: String]) -> TerminalCapabilities {
        let term = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var caps = TerminalCapabilities(term: term, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, colors: -1, rgb: false,
                                        depth: .none, utf8: TerminalLocale.prepare(), noColorVariable: noColor, problem: nil)
        guard let term else {
            caps.problem = "TERM is not set"
            return caps
        }
        var err: Int32 = 0
        // fd -1: only the terminfo entry is wanted, not the terminal's size or modes.
        guard setupterm(term, -1, &err) == OK else {
            caps.problem = err == 0 ? "no terminfo entry for \(term)" : "terminfo database not found"
            return caps
        }
        caps.colors = Int(tigetnum("colors"))
        caps.rgb = tigetflag("RGB") > 0 || tigetnum("RGB") > 0
        caps.depth = noColor ? .none : ColorDepth.detect(colors: max(0, caps.colors), rgb: caps.rgb, noColor: false)
        return caps
    }
}
