import ArgumentParser
import Synchronization
import ConsoleUI
import ProxyAdmin

/// `--config PATH`: synctop's config file (README, "Configuration").
struct ConfigOption: ParsableArguments {
    private static let cache = Mutex<[String: ConfigFile]>([:])

    @Option(help: ArgumentHelp("synctop's config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).",
                               valueName: "path"))
    var config: String?

    /// The config file, or an empty one when there is none; a broken one exits 64 with its
    /// file and line. `--config PATH` must exist; the default path may not.
    func load(printWarnings: Bool = false) throws -> ConfigFile {
        let environment = Environment.all()
        guard let path = config ?? ConfigFile.defaultPath(environment: environment) else { return ConfigFile() }
        // Settings, timeout and the dashboard each ask; the file is read once per run.
        if let cached = Self.cache.withLock({ $0[path] }) {
            if printWarnings { for w in cached.warnings { printError("synctop: warning: \(w)") } }
            return cached
        }
        let text: String?
        do { text = try LocalFile.readText(path) } catch {
            printError("synctop: \(error)")
            throw ExitStatus.usage
        }
        guard let text else {
            if config != nil {
                printError("synctop: config file \(path) does not exist")
                throw ExitStatus.usage
            }
            return ConfigFile()
        }
        switch ConfigFile.parse(text, file: path) {
        case .success(let parsed):
            Self.cache.withLock { $0[path] = parsed }
            if printWarnings { for w in parsed.warnings { printError("synctop: warning: \(w)") } }
            return parsed
        case .failure(let e):
            printError("synctop: \(e)")
            throw ExitStatus.usage
        }
    }
}
