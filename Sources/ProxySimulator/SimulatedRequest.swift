#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One request the simulator answered, as `GET /_sim/requests` and `requestLog()` report it.
/// The key itself is never kept, only whether an `Authorization` header came with it.
public struct SimulatedRequest: Sendable, Codable, Equatable {
    /// Increases by one per logged request since start (or the last `/_sim/reset`).
    public var sequence: Int
    /// When the request arrived, on the simulated clock. Encoded as Python-style ISO 8601
    /// (`2026-11-21T05:51:24.340530+00:00`) so curl users and decoders read the same thing.
    public var time: Date
    public var method: String
    /// Path including the query string, as sent.
    public var path: String
    public var hasAuthorization: Bool
    public var status: Int

    public init(sequence: Int, time: Date, method: String, path: String, hasAuthorization: Bool, status: Int) {
        self.sequence = sequence
        self.time = time
        self.method = method
        self.path = path
        self.hasAuthorization = hasAuthorization
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case sequence, time, method, path
        case hasAuthorization = "has_authorization"
        case status
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(Int.self, forKey: .sequence)
        let text = try container.decode(String.self, forKey: .time)
        guard let micros = PythonISOFormat.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: .time, in: container, debugDescription: "not an ISO 8601 timestamp: \(text)")
        }
        time = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        method = try container.decode(String.self, forKey: .method)
        path = try container.decode(String.self, forKey: .path)
        hasAuthorization = try container.decode(Bool.self, forKey: .hasAuthorization)
        status = try container.decode(Int.self, forKey: .status)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(PythonISOFormat.isoformat(micros: timeMicros, withOffset: true), forKey: .time)
        try container.encode(method, forKey: .method)
        try container.encode(path, forKey: .path)
        try container.encode(hasAuthorization, forKey: .hasAuthorization)
        try container.encode(status, forKey: .status)
    }

    var timeMicros: Int64 { Int64((time.timeIntervalSince1970 * 1_000_000).rounded()) }

    var pythonJSON: PythonJSON {
        .object([
            "sequence": .int(sequence),
            "time": .string(PythonISOFormat.isoformat(micros: timeMicros, withOffset: true)),
            "method": .string(method),
            "path": .string(path),
            "has_authorization": .bool(hasAuthorization),
            "status": .int(status),
        ])
    }
}

func dateFromMicros(_ micros: Int64) -> Date {
    Date(timeIntervalSince1970: Double(micros) / 1_000_000)
}
