import Foundation
import Testing

/// What synctop must read right off any real LiteLLM without a database, whichever release:
/// the checks both contract suites run, each against its own proxy (1.100.5 in
/// `LiteLLMContractTests`, 1.110.2 in `LiteLLM1110ContractTests`).
enum ContractChecks {
    /// What differs between the proxies as the suites start them.
    struct Facts {
        /// `/model/cost_map/source`'s `source` and `is_env_forced`.
        var source: String
        var envForced: Bool
        /// `model_count`, when the run pins it (nil: only "more than 3,000").
        var modelCount: Int?
        /// Entries of `?catalog_only=true` (nil: the release has no such parameter).
        var catalogCount: Int?
        /// 1.100.5 without a database answers a missing key with a bare 500 (later: 401).
        var noKeyAnswers500: Bool
    }

    static func statusJSON(url: String, key: String, facts: Facts) throws {
        let r = try Harness.run(Harness.binary, ["status", "--json", "--url", url], env: ["LITELLM_PROXY_API_KEY": key])
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let cost = try #require(j["cost_map"] as? [String: Any])
        let beta = try #require(j["beta_headers"] as? [String: Any])
        let source = try #require(j["source"] as? [String: Any])
        let health = try #require(j["health"] as? [String: Any])
        #expect(cost["scheduled"] as? Bool == false)
        #expect(cost["phase"] as? String == "not_scheduled")
        #expect(beta["scheduled"] as? Bool == false)
        #expect(source["source"] as? String == facts.source)
        #expect(source["is_env_forced"] as? Bool == facts.envForced)
        if let count = facts.modelCount {
            #expect(source["model_count"] as? Int == count)
        } else {
            #expect((source["model_count"] as? Int ?? 0) > 3000)
        }
        #expect(health["alive"] as? Bool == true)
        #expect(health["db_connected"] as? Bool == false)
    }

    /// Both read `litellm.model_cost`: `model_count` is its length, the public endpoint the
    /// dict itself. synctop lists no row for `sample_spec` (field documentation, not a
    /// model), so it lists exactly one fewer when the proxy's map holds that entry, but its
    /// model count (`total`) is LiteLLM's: the same number as `model_count`. `catalog_only`
    /// leaves out what the proxy registered at run time, and nothing else.
    static func modelsJSON(url: String, key: String, facts: Facts) throws {
        let cache = Harness.scratch("contract-cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let r = try Harness.run(Harness.binary, ["models", "--json", "--url", url], env: ["XDG_CACHE_HOME": cache])
        #expect(r.status == 0, "\(r.err)")
        let listed = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let rows = try #require(listed["models"] as? [[String: Any]])
        let source = try Harness.curl(["-H", "Authorization: Bearer \(key)", "\(url)/model/cost_map/source"])
        let count = try #require((JSONSerialization.jsonObject(with: Data(source.out.utf8)) as? [String: Any])?["model_count"] as? Int)
        let served = try Harness.curl(["\(url)/public/litellm_model_cost_map"])
        let map = try #require(JSONSerialization.jsonObject(with: Data(served.out.utf8)) as? [String: Any])
        #expect(map.count == count, "the two endpoints read the same dict")
        #expect(map["sample_spec"] != nil, "LiteLLM keeps the documentation entry in model_cost")
        #expect(rows.count == count - 1)
        #expect(listed["total"] as? Int == count, "one model count: synctop's is the proxy's model_count")
        #expect(Set(rows.compactMap { $0["model"] as? String }) == Set(map.keys).subtracting(["sample_spec"]))
        if let catalogCount = facts.catalogCount {
            let catalog = try Harness.curl(["\(url)/public/litellm_model_cost_map?catalog_only=true"])
            let loaded = try #require(JSONSerialization.jsonObject(with: Data(catalog.out.utf8)) as? [String: Any])
            #expect(loaded.count == catalogCount)
            #expect(Set(loaded.keys).isSubset(of: Set(map.keys)))
        }
    }

    static func wrongKey(url: String, facts: Facts) throws {
        let r = try Harness.run(Harness.binary, ["status", "--url", url], env: ["LITELLM_PROXY_API_KEY": "sk-wrong-0000"])
        #expect(r.status == 77)
        #expect(r.out.contains("only its master key works"), "\(r.out)")
        let none = try Harness.run(Harness.binary, ["status", "--url", url])
        #expect(none.status == 77, facts.noKeyAnswers500 ? "a no-db proxy answers a missing key with 500; synctop knows it sent none" : "401: no api key")
        #expect(none.out.contains("no API key was sent"), "\(none.out)")
    }

    /// One request with curl: status and body.
    static func fetch(_ base: String, _ method: String, _ path: String, key: String?) throws -> (status: Int, body: String) {
        var args = ["-X", method, "-w", "\n%{http_code}"]
        if let key { args += ["-H", "Authorization: Bearer \(key)"] }
        let r = try Harness.curl(args + [base + path])
        guard let newline = r.out.lastIndex(of: "\n"), let status = Int(r.out[r.out.index(after: newline)...]) else {
            throw HarnessError("no status from \(method) \(base)\(path): \(r.err)")
        }
        return (status, String(r.out[..<newline]))
    }
}
