import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process locale, which decides whether curses can read and draw UTF-8.
public enum TerminalLocale {
    /// Takes the locale from the environment (`setlocale(LC_ALL, "")`, needed before
    /// curses starts) and returns whether it is UTF-8. When it is not (LANG unset, `C`,
    /// ISO-8859-1), the screen draws ASCII lines and symbols, since nothing says the
    /// terminal shows UTF-8; LC_CTYPE still switches to C.UTF-8 where it exists, so that
    /// keys are read as wide characters and ASCII output is unchanged.
    @discardableResult
    public static func prepare() -> Bool {
        _ = setlocale(LC_ALL, "")
        if isUTF8() { return true }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        return false
    }

    /// Whether the current LC_CTYPE codeset is UTF-8.
    public static func isUTF8() -> Bool {
        guard let raw = cn_codeset() else { return false }
        return isUTF8(codeset: String(cString: raw))
    }

    static func isUTF8(codeset: String) -> Bool {
        let normalized = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "UTF8"
    }
}
