// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "msr",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "msr", targets: ["msr"]),
        .executable(name: "msr-bench", targets: ["MSRBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries from Debian, found with pkg-config. Only one Swift module imports each.
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CLibpq", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CNats", pkgConfig: "libnats", providers: [.apt(["libnats-dev"])]),

        .target(name: "MSRModel"),
        .target(name: "MSRStore", dependencies: ["MSRModel", "CSQLite3", "CZlib"]),
        .target(name: "MSREngine", dependencies: ["MSRModel", "MSRStore"]),
        .target(name: "MSRTerminal", dependencies: ["CNcursesw"]),
        .target(name: "MSRConsole", dependencies: ["MSRModel", "MSRStore", "MSREngine", "MSRTerminal"]),
        .target(name: "MSRPostgresClient", dependencies: ["CLibpq"]),
        .target(name: "MSRNats", dependencies: ["CNats"]),
        .target(name: "MSRCapture", dependencies: ["MSRModel", "MSRStore", "MSRPostgresClient", "MSRNats"]),
        .executableTarget(
            name: "msr",
            dependencies: [
                "MSRModel", "MSRStore", "MSREngine", "MSRCapture", "MSRTerminal", "MSRConsole",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: msr against the as-of queries a user would otherwise write (BENCHMARKS.md).
        .executableTarget(
            name: "MSRBench",
            dependencies: ["MSRModel", "MSRStore", "MSREngine", "MSRCapture", "MSRTerminal", "MSRConsole", "MSRPostgresClient"]
        ),

        .target(name: "MSRTestSupport", dependencies: ["MSRModel", "MSRStore"], path: "Tests/MSRTestSupport"),
        .testTarget(name: "MSRModelTests", dependencies: ["MSRModel", "MSRTestSupport"]),
        .testTarget(name: "MSRStoreTests", dependencies: ["MSRModel", "MSRStore", "MSRTestSupport"]),
        .testTarget(name: "MSREngineTests", dependencies: ["MSRModel", "MSRStore", "MSREngine", "MSRTestSupport"]),
        .testTarget(name: "MSRCaptureTests", dependencies: ["MSRModel", "MSRStore", "MSREngine", "MSRCapture", "MSRTestSupport"]),
        .testTarget(name: "MSRCLITests", dependencies: ["MSRStore", "MSRTestSupport"]),
        .testTarget(name: "MSRTerminalTests", dependencies: ["MSRTerminal", "MSRTestSupport"]),
        .testTarget(name: "MSRConsoleTests", dependencies: ["MSRModel", "MSRStore", "MSREngine", "MSRTerminal", "MSRConsole", "MSRTestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "MSRLiveCaptureTests", dependencies: ["MSRModel", "MSRStore", "MSREngine", "MSRCapture", "MSRPostgresClient", "MSRNats", "MSRTestSupport"]),
    ]
)
