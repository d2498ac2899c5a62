// swift-tools-version: 6.1
import PackageDescription

// Release builds on Linux lay out the code the short commands run (`status`, `check`,
// `--version`) side by side. Why: the kernel maps the 64 kB around every page fault in a
// file mapping, so the ~500 kB of code `status --json` runs, spread over a 26 MB .text,
// was ~7.5 MB of its 22.4 MB peak RSS. lld places the functions named in link-order.txt
// (Tests/Benchmarks/link-order makes it) first, and keeps together the sections of
// protocol conformance descriptors, which the Swift runtime's first conformance lookup
// reads all of. A function only moves if it has its own section (our targets below; the
// prebuilt runtime's large sections stay where they are). Packed relative relocations
// (glibc 2.36+) spare reading 2.8 MB of relocations at every start. glibc, ncurses and
// libstdc++ are linked in as well (a static-pie: the load address stays random), so no
// loader runs and no shared library is mapped and relocated. Measured (peak RSS of
// `status --json`, binary read from disk; each step in BENCHMARKS.md): 22.3 MB before,
// 11.8 MB with shared system libraries, 9.0 MB static.
// SYNCTOP_SHARED_LIBC=1 at build time keeps glibc, ncurses and libstdc++ shared, so that
// the system's security updates reach them without a rebuild (SECURITY.md).
let linkDirectory = Context.packageDirectory + "/Sources/synctop/Link"
let releaseOnLinux = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let functionSections: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections"], releaseOnLinux)]
let staticSystemLibraries = Context.environment["SYNCTOP_SHARED_LIBC"] == nil
let linkOrder: [LinkerSetting] = [
    .unsafeFlags([
        "-use-ld=lld",
        "-Xlinker", "--symbol-ordering-file=\(linkDirectory)/link-order.txt",
        "-Xlinker", "--no-warn-symbol-ordering",
        // The Swift runtime's link arguments export every symbol of the executable; the
        // loader then reads 1.4 MB of symbol tables at each start. Nothing looks them up.
        "-Xlinker", "--no-export-dynamic",
        "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    ] + (staticSystemLibraries ? [
        "-static-executable", "-Xclang-linker", "-static-pie",
        // lld without SwiftPM's run path, which glibc < 2.42 refuses in a static-pie.
        "-Xclang-linker", "--ld-path=\(linkDirectory)/ld",
        // A static glibc must not load a name-service module (StaticNameService.swift).
        // The static ncursesw leaves its terminfo half to libtinfo.
        "-Xlinker", "-ltinfo",
    ] : []), releaseOnLinux),
]

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
            ],
            swiftSettings: functionSections
        ),
        // Pure UI: state, messages, update, view into a cell buffer. No curses here.
        .target(name: "ConsoleUI", dependencies: ["ProxyAdmin", .product(name: "TOMLKit", package: "TOMLKit")], swiftSettings: functionSections),
        // The only code that imports ncurses.
        .target(name: "CursesTerminal", dependencies: ["CNcurses", "ConsoleUI"], swiftSettings: functionSections),
        // A faithful LiteLLM admin API on loopback, for demo mode and tests.
        .target(
            name: "ProxySimulator",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            exclude: ["Seed"],
            swiftSettings: functionSections
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
            ],
            exclude: ["Link"],
            swiftSettings: functionSections + (staticSystemLibraries ? [.define("STATIC_GLIBC", releaseOnLinux)] : []),
            linkerSettings: linkOrder
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
