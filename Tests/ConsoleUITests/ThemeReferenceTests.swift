import Synchronization
import Testing
@testable import ConsoleUI

/// Issue 17: `--theme` (and `theme =`, `:theme`) takes a name or a path ending in `.toml`;
/// anything else is refused before a file is opened.
@Suite struct ThemeReferenceTests {
    @Test(arguments: ["nord", "solarized-dark", "my_theme2", "ops.toml", "/etc/synctop/ops.toml", "../themes/x.toml"])
    func namesAndTomlPathsAreTaken(reference: String) {
        #expect(ThemeCatalog.referenceProblem(reference) == nil)
    }

    @Test(arguments: ["../../etc/passwd", "/etc/shadow", "nord/", "a b", "", ".toml", "thème", "nord\u{202E}", "x.toml.bak"])
    func anythingElseIsRefusedUnread(reference: String) {
        #expect(ThemeCatalog.referenceProblem(reference) != nil, "\(reference)")
        let opened = Mutex<[String]>([])
        let catalog = ThemeCatalog(userDirectory: "/home/u/.config/synctop/themes") { path in
            opened.withLock { $0.append(path) }
            return nil
        }
        guard case .failure(let error) = catalog.load(reference) else {
            Issue.record("\(reference) was taken")
            return
        }
        #expect(opened.withLock { $0 }.isEmpty, "\(reference): a file was opened")
        #expect(error.message.contains("is neither a theme name"), "\(error.message)")
        #expect(error.message.contains("nord"), "lists the shipped themes: \(error.message)")
    }
}
