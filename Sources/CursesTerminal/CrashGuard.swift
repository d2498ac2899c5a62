/// For one-shot commands too: a crash ends the process at once with one line on stderr,
/// instead of Swift's backtracer holding it ~30 s (a monitoring check that hangs is worse
/// than one that fails). The dashboard installs the same handlers with the rest of
/// `RestoreHandlers`; installing twice is a no-op.
public enum CrashGuard {
    public static func install() { RestoreHandlers.installCrashHandlers() }
}
