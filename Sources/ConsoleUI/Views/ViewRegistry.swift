/// Every view, one line each. The order is the order `:` completes them in and the order
/// config.toml's `[keys.NAME]` sections are listed in messages.
enum ViewRegistry {
    static let all: [ViewSpec] = [.dashboard, .mappings, .models, .history, .contexts, .pods, .events]

    /// The view of `screen`; the dashboard if no view has that id (none can: `Screen`'s
    /// init is internal and every id is registered, which a test checks).
    static func spec(_ screen: Screen) -> ViewSpec {
        all.first { $0.screen == screen } ?? .dashboard
    }

    /// By name, as `[keys.NAME]` gives it.
    static func spec(named name: String) -> ViewSpec? {
        all.first { $0.name == name }
    }

    /// By name or alias, as `:NAME` gives it.
    static func spec(command word: String) -> ViewSpec? {
        all.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// What `[keys.*]` may name: every action a shipped table binds, and every view's show.
    static let actions: Set<Action> = Set(all.flatMap { $0.keys.bindings.map(\.action) + [.show($0.screen)] })
}
