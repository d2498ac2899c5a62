import Foundation

/// The real LiteLLM answers in Fixtures/ (copied from shared/litellm/captures).
struct Capture: Decodable {
    var litellm: String
    var method: String
    var path: String
    var auth: String?
    var status: Int
    var body: JSONAny

    /// The body re-encoded as bytes, as the proxy sent it.
    var bodyBytes: [UInt8] { Array(try! JSONSerialization.data(withJSONObject: body.value, options: [.fragmentsAllowed])) }
}

struct JSONAny: Decodable {
    var value: Any
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = NSNull() }
        else if let b = try? c.decode(Bool.self) { value = b }
        else if let i = try? c.decode(Int.self) { value = i }
        else if let d = try? c.decode(Double.self) { value = d }
        else if let s = try? c.decode(String.self) { value = s }
        else if let a = try? c.decode([JSONAny].self) { value = a.map(\.value) }
        else { value = try c.decode([String: JSONAny].self).mapValues(\.value) }
    }
}

enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let files = ["litellm-1.100.5-no-db.jsonl", "litellm-1.100.5-with-db.jsonl", "litellm-1.109.1-with-db.jsonl"]

    static func captures(_ file: String) throws -> [Capture] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Capture.self, from: Data($0.utf8)) }
    }

    static func all() throws -> [Capture] { try files.flatMap(captures) }
}
