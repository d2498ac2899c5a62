import Testing
@testable import ProxyAdmin

@Suite struct HTTPTargetTests {
    @Test func plainURLs() {
        #expect(HTTPTarget.parse("http://127.0.0.1:4000") == HTTPTarget(host: "127.0.0.1", port: 4000, pathPrefix: "", hostHeader: "127.0.0.1:4000"))
        #expect(HTTPTarget.parse("HTTP://gw/litellm/") == HTTPTarget(host: "gw", port: 80, pathPrefix: "/litellm", hostHeader: "gw"))
        #expect(HTTPTarget.parse("http://[::1]:4000/") == HTTPTarget(host: "::1", port: 4000, pathPrefix: "", hostHeader: "[::1]:4000"))
        #expect(HTTPTarget.parse("http://[::1]") == HTTPTarget(host: "::1", port: 80, pathPrefix: "", hostHeader: "[::1]"))
    }

    @Test func leftToAsyncHTTPClient() {
        for url in ["https://gw:4000", "http://", "http://:4000", "http://h:0", "http://h:65536", "http://h:40a0",
                    "http://h:", "http://user:pw@h", "http://h/x?y=1", "http://h#f", "http://[::1", "http://[::1]x",
                    "http://a:1:2", "http://h%20x", "localhost:4000", "ftp://h"] {
            #expect(HTTPTarget.parse(url) == nil, "\(url)")
        }
    }

    @Test func requestHead() {
        let t = HTTPTarget.parse("http://gw:8080/litellm")!
        let get = String(decoding: t.requestHead(method: "GET", path: "/health/readiness", apiKey: nil), as: UTF8.self)
        #expect(get.hasPrefix("GET /litellm/health/readiness HTTP/1.1\r\nHost: gw:8080\r\n"))
        #expect(!get.contains("Authorization") && !get.contains("Content-Length") && get.hasSuffix("\r\n\r\n"))
        let post = String(decoding: t.requestHead(method: "POST", path: "/reload/model_cost_map", apiKey: "sk-1"), as: UTF8.self)
        #expect(post.contains("Authorization: Bearer sk-1\r\n") && post.contains("Content-Length: 0\r\n"))
    }
}
