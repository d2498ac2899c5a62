#if canImport(Glibc)
import Glibc
#endif

/// A plain POSIX thread running one closure: the one place synctop starts threads of its
/// own (blocking sockets, the dashboard's executors, the cost-map diff), none of them on
/// libdispatch's pool.
public enum PThread {
    private final class Body: @unchecked Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// The new thread, joinable (`pthread_join`) unless `detached`; nil when the system
    /// gives none (the caller decides whether to run `body` itself).
    @discardableResult
    public static func start(detached: Bool, _ body: @escaping @Sendable () -> Void) -> pthread_t? {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard rc == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return nil
        }
        if detached { pthread_detach(thread) }
        return thread
    }
}
