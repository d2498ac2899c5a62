import TOMLKit

/// One proxy an operator switches between (`[contexts.NAME]` in `config.toml`): its
/// service URL (writes go there), where its key comes from, and how to find its pods.
public struct ContextConfig: Equatable, Sendable {
    public var name: String
    /// The service (load balancer) URL.
    public var url: String
    /// The key: from this environment variable, or this file (0600).
    public var keyEnv: String?
    public var keyFile: String?
    public var caFile: String?
    public var readOnly: Bool?
    /// The header's colour for this context (a colour name), so prod never looks like staging.
    public var accent: String?
    /// Each pod's own URL, read-only but for the beta-header reload.
    public var pods: [String] = []
    /// `host:port` of a headless service: every address it resolves to is a pod.
    public var podsDNS: String?
    /// A command printing one pod URL per line (`kubectl get endpoints …`).
    public var podsCommand: String?

    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }

    static let settingNames = ["url", "key_env", "key_file", "ca_file", "read_only", "accent", "pods", "pods_dns", "pods_command"]
    static let accents = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func read(_ name: String, _ table: TOMLTable, _ doc: TOMLDocument) throws(ConfigError) -> ContextConfig {
        let path = ["contexts", name]
        func fail(_ key: String, _ why: String) -> ConfigError {
            ConfigError(file: doc.file, line: doc.line(of: key, in: path), message: "contexts.\(name).\(key): \(why)")
        }
        func text(_ key: String) throws(ConfigError) -> String? {
            guard let value = table[key] else { return nil }
            guard let s = value.string, !s.isEmpty else { throw fail(key, "expected non-empty text, found \(value.type.words)") }
            return s
        }
        guard let url = try text("url") else {
            throw ConfigError(file: doc.file, line: doc.line(of: name, in: ["contexts"]),
                              message: "contexts.\(name) has no url (the proxy's service URL, e.g. url = \"https://litellm.internal\")")
        }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw fail("url", "\"\(url)\" must start with http:// or https://") }
        var context = ContextConfig(name: name, url: url)
        context.keyEnv = try text("key_env")
        context.keyFile = try text("key_file")
        if context.keyEnv != nil && context.keyFile != nil { throw fail("key_file", "give key_env or key_file, not both") }
        context.caFile = try text("ca_file")
        context.podsDNS = try text("pods_dns")
        context.podsCommand = try text("pods_command")
        if let value = table["read_only"] {
            guard let b = value.bool else { throw fail("read_only", "expected true or false, found \(value.type.words)") }
            context.readOnly = b
        }
        if let accent = try text("accent") {
            guard accents.contains(accent) else { throw fail("accent", "\"\(accent)\" is not a colour (\(accents.joined(separator: ", ")))") }
            context.accent = accent
        }
        if let value = table["pods"] {
            guard let list = value.array else { throw fail("pods", "expected a list of URLs, found \(value.type.words)") }
            for item in list {
                guard let pod = item.string, pod.hasPrefix("http://") || pod.hasPrefix("https://") else {
                    throw fail("pods", "every pod is an http:// or https:// URL, found \(item.string.map { "\"\($0)\"" } ?? item.type.words)")
                }
                context.pods.append(pod)
            }
        }
        let ways = [!context.pods.isEmpty, context.podsDNS != nil, context.podsCommand != nil].filter { $0 }.count
        if ways > 1 { throw fail("pods", "give one of pods, pods_dns, pods_command") }
        for key in table.keys where !settingNames.contains(key) {
            throw fail(key, "unknown setting (a context takes: \(settingNames.joined(separator: ", ")))")
        }
        return context
    }
}
