// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "synctop",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "synctop", targets: ["synctop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // config.toml with contexts: any valid TOML, errors with their line (toml++ inside).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // `synctop metrics` / `serve-metrics`: the Prometheus text format from the
        // reference Swift client instead of a hand-written one (names, labels, escaping).
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The only C surface: ncurses (wide) plus inline shims for what Swift cannot import.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // The LiteLLM admin API: endpoints, models, errors, HTTP client. No terminal here.
        .target(
            name: "ProxyAdmin",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Pure UI: state, messages, update, view into a cell buffer. No curses here.
        .target(name: "ConsoleUI", dependencies: ["ProxyAdmin", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The only code that imports ncurses.
        .target(name: "CursesTerminal", dependencies: ["CNcurses", "ConsoleUI"]),
        // A faithful LiteLLM admin API on loopback, for demo mode and tests.
        .target(
            name: "ProxySimulator",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            exclude: ["Seed"]
        ),
        .executableTarget(
            name: "synctop",
            dependencies: [
                "ProxyAdmin", "ConsoleUI", "CursesTerminal", "ProxySimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Issue 5's speed targets, measured in-process (Tests/Benchmarks/run calls it).
        .executableTarget(name: "synctop-bench", dependencies: ["ProxyAdmin", "ConsoleUI"]),
        // Issue 22: every parser of outside input under libFuzzer (Tests/Fuzz/run builds it
        // with -sanitize=fuzzer,address -DFUZZING); an ordinary build replays a corpus.
        .executableTarget(name: "synctop-fuzz", dependencies: ["ProxyAdmin", "ConsoleUI"]),
        .testTarget(name: "ProxyAdminTests", dependencies: ["ProxyAdmin", "ProxySimulator"], exclude: ["Fixtures"]),
        .testTarget(name: "ConsoleUITests", dependencies: ["ConsoleUI", "ProxyAdmin"], exclude: ["Screens"]),
        .testTarget(
            name: "ProxySimulatorTests",
            dependencies: ["ProxySimulator", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "ConsoleUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["synctop", "ProxyAdmin"]),
    ]
)
