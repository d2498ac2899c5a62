#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// A value read from the proxy, when it was read, and whether the latest attempt failed.
/// On failure the last known value stays (shown dimmed with its age): losing what the
/// operator last saw helps nobody.
public struct Tracked<Value: Equatable & Sendable>: Equatable, Sendable {
    public var value: Value?
    public var updatedAt: Date?
    public var error: ProxyError?

    public init(value: Value? = nil, updatedAt: Date? = nil, error: ProxyError? = nil) {
        self.value = value
        self.updatedAt = updatedAt
        self.error = error
    }

    /// A value is on screen but the latest read of it failed.
    public var isStale: Bool { value != nil && error != nil }

    public mutating func apply(_ result: Result<Value, ProxyError>, at time: Date) {
        switch result {
        case .success(let v):
            value = v
            updatedAt = time
            error = nil
        case .failure(let e):
            error = e
        }
    }
}
