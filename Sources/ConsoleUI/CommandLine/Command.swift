import ProxyAdmin

/// What the `:` command line understands. Parsing and completion are pure, so every
/// command and every mistake is tested without a terminal.
public enum Command: Equatable, Sendable {
    case reload(SyncJob)
    case schedule(SyncJob, hours: Int)
    case cancel(SyncJob)
    case theme(String)
    case view(Screen)
    case poll
    case help
    case quit

    /// Command words and what they take, for completion and `:help`; a view's name and
    /// aliases (`ViewRegistry`) bring it up.
    public static let words: [(word: String, usage: String)] = [
        ("reload", "reload cost-map|beta-headers"),
        ("schedule", "schedule cost-map|beta-headers HOURS"),
        ("cancel", "cancel cost-map|beta-headers"),
        ("theme", "theme NAME"),
    ] + ViewRegistry.all.flatMap { [$0.name] + $0.aliases }.map { ($0, $0) } + [
        ("poll", "poll"),
        ("help", "help"),
        ("q", "q"),
        ("quit", "quit"),
    ]

    static let jobWords: [(String, SyncJob)] = [("cost-map", .costMap), ("beta-headers", .betaHeaders)]

    /// `themeNames` only feeds completion; an unknown theme is the runner's to report.
    public static func parse(_ line: String) -> Result<Command, CommandError> {
        let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let word = parts.first else { return .failure(.init("type a command: \(words.map(\.word).joined(separator: ", "))")) }
        let args = Array(parts.dropFirst())
        func job(_ usage: String) -> Result<SyncJob, CommandError> {
            guard args.count >= 1 else { return .failure(.init("usage: \(usage)")) }
            guard let j = jobWords.first(where: { $0.0 == args[0] })?.1 else {
                return .failure(.init("no job \"\(args[0])\": cost-map or beta-headers"))
            }
            return .success(j)
        }
        func noMore(_ n: Int, _ usage: String) -> CommandError? {
            args.count > n ? .init("too many words: usage: \(usage)") : nil
        }
        switch word {
        case "reload", "cancel":
            let usage = "\(word) cost-map|beta-headers"
            if let e = noMore(1, usage) { return .failure(e) }
            return job(usage).map { word == "reload" ? .reload($0) : .cancel($0) }
        case "schedule":
            let usage = "schedule cost-map|beta-headers HOURS"
            if let e = noMore(2, usage) { return .failure(e) }
            return job(usage).flatMap { j in
                guard args.count == 2 else { return .failure(.init("usage: \(usage)")) }
                switch HoursInput.parse(args[1]) {
                case .success(let h): return .success(.schedule(j, hours: h))
                case .failure(let why): return .failure(.init(why.description))
                }
            }
        case "theme":
            guard args.count == 1 else { return .failure(.init("usage: theme NAME")) }
            return .success(.theme(args[0]))
        case "poll", "help", "q", "quit":
            if let e = noMore(0, word) { return .failure(e) }
            switch word {
            case "poll": return .success(.poll)
            case "help": return .success(.help)
            default: return .success(.quit)
            }
        default:
            guard let spec = ViewRegistry.spec(command: word) else {
                return .failure(.init("unknown command \"\(word)\"; commands: \(words.map(\.word).joined(separator: ", "))"))
            }
            if let e = noMore(0, word) { return .failure(e) }
            return .success(.view(spec.screen))
        }
    }

    /// Tab: the line completed as far as it is unambiguous, and the candidates left.
    public static func complete(_ line: String, themeNames: [String]) -> (line: String, candidates: [String]) {
        let endsWithSpace = line.last == " "
        var parts = line.split(separator: " ").map(String.init)
        let current = endsWithSpace || parts.isEmpty ? "" : parts.removeLast()
        let options: [String]
        switch parts.first {
        case nil: options = words.map(\.word)
        // Each pattern needs its own `where`: after one job name, none is offered again.
        case "reload" where parts.count == 1, "cancel" where parts.count == 1, "schedule" where parts.count == 1:
            options = jobWords.map(\.0)
        case "theme" where parts.count == 1: options = themeNames
        default: options = []
        }
        let matches = options.filter { $0.hasPrefix(current) }
        guard !matches.isEmpty else { return (line, []) }
        let prefix = parts.isEmpty ? "" : parts.joined(separator: " ") + " "
        if matches.count == 1 { return (prefix + matches[0] + " ", []) }
        var common = matches[0]
        for m in matches.dropFirst() { while !m.hasPrefix(common) { common.removeLast() } }
        return (prefix + (common.count > current.count ? common : current), matches)
    }
}

public struct CommandError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
