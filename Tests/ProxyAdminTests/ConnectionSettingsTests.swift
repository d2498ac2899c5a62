import Foundation
import Testing
@testable import ProxyAdmin

@Suite struct ConnectionSettingsTests {
    func resolve(url: String? = nil, keyFile: String? = nil, env: [String: String] = [:],
                 files: [String: String] = [:]) throws(SettingsError) -> ConnectionSettings {
        try ConnectionSettings.resolve(urlFlag: url, keyFile: keyFile, environment: env, homeDirectory: "/home/op") { path in
            files[path]
        }
    }

    @Test func urlOrder() throws {
        let cfg = ["/home/op/.litellm/config.json": #"{"base_url": "http://from-config:4000"}"#]
        let env = ["LITELLM_PROXY_URL": "http://from-env:4000"]
        #expect(try resolve(url: "http://flag:1", env: env, files: cfg).baseURL == "http://flag:1")
        #expect(try resolve(env: env, files: cfg).urlOrigin == .environment)
        #expect(try resolve(files: cfg).baseURL == "http://from-config:4000")
        #expect(try resolve().baseURL == "http://localhost:4000")
        #expect(try resolve().urlOrigin == .defaultValue)
        // A config file without base_url, or not JSON, falls through to the default.
        #expect(try resolve(files: ["/home/op/.litellm/config.json": "{}"]).baseURL == "http://localhost:4000")
        #expect(try resolve(files: ["/home/op/.litellm/config.json": "nonsense"]).baseURL == "http://localhost:4000")
    }

    @Test func keyOrder() throws {
        let env = ["LITELLM_PROXY_API_KEY": "sk-proxy-key-0001", "LITELLM_MASTER_KEY": "sk-master-key-0002"]
        let files = ["/run/key": "sk-from-file-0003\n"]
        #expect(try resolve(keyFile: "/run/key", env: env, files: files).apiKey == "sk-from-file-0003")
        #expect(try resolve(env: env).apiKey == "sk-proxy-key-0001")
        #expect(try resolve(env: ["LITELLM_MASTER_KEY": "sk-master-key-0002"]).keySourceName == "LITELLM_MASTER_KEY")
        #expect(try resolve().apiKey == nil)
        #expect(try resolve().maskedKey == "no key")
    }

    @Test func badInputsSayWhat() throws {
        #expect(throws: SettingsError.keyFileMissing("/nope")) { try resolve(keyFile: "/nope") }
        #expect(throws: SettingsError.keyFileEmpty("/k")) { try resolve(keyFile: "/k", files: ["/k": " \n"]) }
        #expect(throws: SettingsError.keyFileHasSeveralLines("/k")) { try resolve(keyFile: "/k", files: ["/k": "a\nb"]) }
        // Windows line ends: "\r\n" is one Character, and must still count as a line break.
        #expect(throws: SettingsError.keyFileHasSeveralLines("/k")) { try resolve(keyFile: "/k", files: ["/k": "sk-a\r\nsk-b\r\n"]) }
        #expect(try resolve(keyFile: "/k", files: ["/k": "sk-only-one-0001\r\n"]).apiKey == "sk-only-one-0001")
        // Whatever its source, a key never carries a line break into the Authorization header.
        #expect(throws: SettingsError.keyHasControlCharacters("LITELLM_PROXY_API_KEY")) {
            try resolve(env: ["LITELLM_PROXY_API_KEY": "sk-a\r\nX-Evil: 1"])
        }
        #expect(throws: SettingsError.keyHasControlCharacters("/k")) { try resolve(keyFile: "/k", files: ["/k": "sk-a\tb"]) }
        #expect(throws: SettingsError.badURL("localhost:4000", origin: .flag)) { try resolve(url: "localhost:4000") }
    }

    /// A host or port that cannot be used is refused with the reason, from any origin;
    /// every form the transports take passes.
    @Test func hostAndPortAreCheckedBeforeAnythingIsSent() throws {
        for url in ["http://localhost:4000", "https://gw.example", "http://127.0.0.1:4000/litellm/", "http://[::1]:4000",
                    "https://[fe80::1%25eth0]:443", "http://ops:p%40ss@gw:4000", "http://my_host.internal:65535"] {
            #expect(throws: Never.self, "\(url)") { try resolve(url: url) }
        }
        let refused: [(String, String)] = [
            ("http://host:99999", #"its port "99999" is not a number from 1 to 65535"#),
            ("http://host:0", #"its port "0" is not a number from 1 to 65535"#),
            ("http://host:", "its port is empty"),
            ("http://host:-1", #"its port "-1" is not a number from 1 to 65535"#),
            ("http://:80", "it names no host"),
            ("http://", "it names no host"),
            ("http:///path", "it names no host"),
            ("http://user:***@/x", "it names no host"),
            ("http://a:1:2", "its host holds more than one : (an IPv6 address goes in [ ], as http://[::1]:4000)"),
            ("http://[::1", "its IPv6 address lacks the closing ]"),
            ("http://[::1]x", "only :port may follow the IPv6 address in [ ]"),
            ("http://[]:80", "it names no host"),
            ("http://h{x}:80", #"its host "h{x}" holds "{", which no host name may contain"#),
            ("http://h|x", #"its host "h|x" holds "|", which no host name may contain"#),
        ]
        for (url, why) in refused {
            // The password is never in the message.
            let given = url.replacingOccurrences(of: "***", with: "pw")
            #expect(throws: SettingsError.badHostOrPort(url, why, origin: .flag), "\(url)") { try resolve(url: given) }
        }
        #expect(throws: SettingsError.badHostOrPort("http://gw:70000", #"its port "70000" is not a number from 1 to 65535"#, origin: .environment)) {
            try resolve(env: ["LITELLM_PROXY_URL": "http://gw:70000"])
        }
        #expect(SettingsError.badHostOrPort("http://h:0", "its port \"0\" is not a number from 1 to 65535", origin: .flag).description
            == #"proxy URL "http://h:0" (from flag) is not a URL synctop can use: its port "0" is not a number from 1 to 65535"#)
    }

    /// Only `synctop info` tolerates a key file that does not exist: no key, the path said.
    @Test func aMissingKeyFileIsToleratedOnlyWhenAsked() throws {
        #expect(throws: SettingsError.keyFileMissing("/nope")) { try resolve(keyFile: "/nope") }
        let tolerated = try ConnectionSettings.resolve(urlFlag: nil, keyFile: "/nope", environment: ["LITELLM_PROXY_API_KEY": "sk-env-0001"],
                                                       homeDirectory: nil, tolerateMissingKeyFile: true) { _ in nil }
        #expect(tolerated.apiKey == nil && tolerated.missingKeyFile == "/nope" && tolerated.keyOrigin == .flag, "never the environment's key instead")
        let config = try ConnectionSettings.resolve(urlFlag: nil, keyFile: nil, environment: [:], homeDirectory: nil, configKeyFile: "/c",
                                                    tolerateMissingKeyFile: true) { _ in nil }
        #expect(config.missingKeyFile == "/c" && config.keyOrigin == .synctopConfig)
        let present = try ConnectionSettings.resolve(urlFlag: nil, keyFile: "/k", environment: [:], homeDirectory: nil,
                                                     tolerateMissingKeyFile: true) { $0 == "/k" ? "sk-file-0002" : nil }
        #expect(present.apiKey == "sk-file-0002" && present.missingKeyFile == nil)
    }

    @Test func keysAreNeverShownWhole() {
        #expect(APIKey.mask("sk-master-a1b2") == "sk-…a1b2")
        #expect(APIKey.mask("abcdef") == "…ef")
        #expect(APIKey.mask("abc") == "…")
        for key in ["sk-1234567890abcdef", "sk-short", "x"] {
            #expect(!APIKey.mask(key).contains(key))
        }
    }

    /// Key files, from the flag or the config file, go through `readKeyFile` (the private-
    /// file check); LiteLLM's config.json does not.
    @Test func keyFilesAreReadAsSecrets() throws {
        let cfg = ["/home/op/.litellm/config.json": #"{"base_url": "http://from-config:4000"}"#]
        func resolve(keyFile: String?, configKeyFile: String?) throws(SettingsError) -> ConnectionSettings {
            try ConnectionSettings.resolve(urlFlag: nil, keyFile: keyFile, environment: [:], homeDirectory: "/home/op",
                                           configKeyFile: configKeyFile,
                                           readKeyFile: { path throws(SettingsError) in throw .keyFileReadableByOthers(path, mode: 0o644) },
                                           readFile: { cfg[$0] })
        }
        #expect(throws: SettingsError.keyFileReadableByOthers("/k", mode: 0o644)) { try resolve(keyFile: "/k", configKeyFile: nil) }
        #expect(throws: SettingsError.keyFileReadableByOthers("/c", mode: 0o644)) { try resolve(keyFile: nil, configKeyFile: "/c") }
        #expect(try resolve(keyFile: nil, configKeyFile: nil).baseURL == "http://from-config:4000")
        #expect(SettingsError.keyFileReadableByOthers("/run/my key", mode: 0o640).description
            == "key file /run/my key can be read or written by group or others (mode 0640); a key must be private: run `chmod 600 '/run/my key'`")
    }

    @Test func readSecretRefusesAnOpenFileAndReadsAPrivateOne() throws {
        var template = Array("/tmp/synctop-key-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(cString: template)
        defer { unlink(path) }
        _ = "sk-secret-0001\n".withCString { write(fd, $0, 15) }
        close(fd)
        #expect(try LocalFile.readSecret(path) == "sk-secret-0001\n", "mkstemp makes it 0600")
        chmod(path, 0o644)
        #expect(throws: SettingsError.keyFileReadableByOthers(path, mode: 0o644)) { try LocalFile.readSecret(path) }
        #expect(throws: SettingsError.keyFileNotRegular("/dev/null", kind: "a character device")) { try LocalFile.readSecret("/dev/null") }
        #expect(try LocalFile.readSecret(path + "-absent") == nil)
    }
}
