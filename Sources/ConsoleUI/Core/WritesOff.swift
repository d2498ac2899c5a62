/// Why reloads, schedules and cancels cannot work on this proxy with this key, known
/// before the operator confirms one: the proxy says it has no database (its health's
/// `db`; LiteLLM keeps schedules there and refuses every write without one), or a write
/// was refused for the key's role (403 "Current role: proxy_admin_viewer"). LiteLLM has
/// no read that tells a key's role, so the role is learnt from the first refusal and
/// kept for this proxy and key. The action keys are then shown dimmed, the header says
/// why, and pressing one says so instead of asking.
public struct WritesOff: Equatable, Sendable {
    /// For the header: "no database", "viewer key".
    public var short: String
    /// For the notice when an action key is pressed.
    public var reason: String
}

extension AppState {
    public var writesOff: WritesOff? {
        if health.value?.databaseConnected == false {
            return WritesOff(short: "no database", reason: "this proxy has no database: LiteLLM refuses reloads, schedules and cancels without one (nothing sent)")
        }
        if let refused = roleRefusal, refused.proxy == config.proxyURL, refused.key == config.maskedKey {
            let role = refused.role ?? "not proxy_admin"
            return WritesOff(short: "\(role) key", reason: "this key's role (\(role)) may not reload, schedule or cancel: that needs a proxy_admin key (nothing sent)")
        }
        return nil
    }
}

/// A write refused for the key's role, for the proxy and key it was refused on.
public struct RoleRefusal: Equatable, Sendable {
    public var proxy: String
    public var key: String
    public var role: String?
}
