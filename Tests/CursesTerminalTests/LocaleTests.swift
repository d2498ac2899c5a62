import Testing
@testable import CursesTerminal

struct LocaleTests {
    @Test(arguments: [("UTF-8", true), ("utf8", true), ("UTF8", true), ("utf-8", true),
                      ("ANSI_X3.4-1968", false), ("ISO-8859-1", false), ("", false)])
    func codesetNames(codeset: String, utf8: Bool) {
        #expect(TerminalLocale.isUTF8(codeset: codeset) == utf8)
    }
}
