import Foundation

/// A self-signed certificate and its key, made with `openssl req` in a directory of their
/// own, for the TLS tests. `names` go into subjectAltName (DNS names, or IP addresses).
struct TestCertificate: Sendable {
    let directory: URL
    let certificate: String
    let key: String

    init(names: [String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("synctop-tls-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificate = directory.appendingPathComponent("cert.pem").path
        key = directory.appendingPathComponent("key.pem").path
        let alternatives = names.map { $0.first?.isNumber == true || $0.contains(":") ? "IP:\($0)" : "DNS:\($0)" }
        try Self.openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
                          "-subj", "/CN=\(names.first ?? "localhost")", "-addext", "subjectAltName=\(alternatives.joined(separator: ","))"])
    }

    /// For `localhost` and 127.0.0.1, made once per test run.
    static let loopback: TestCertificate = try! TestCertificate(names: ["localhost", "127.0.0.1"])

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    static func openssl(_ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CertificateError.openssl(arguments.first ?? "") }
    }

    enum CertificateError: Error {
        case openssl(String)
    }
}
