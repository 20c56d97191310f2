// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Bunch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bunch", targets: ["bunch"]),
        .library(name: "BunchKit", targets: ["BunchKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The pure core: YAML, specs, diagnostics, lint, expansion, catalog, cost. No networking.
        .target(
            name: "BunchKit",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.embedInCode("Resources/models.json")],
            swiftSettings: strictSettings
        ),
        // The system zlib, for the preview generator's PNGs.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Runs: the generator seam, wire formats, preview images, scheduling and output. No HTTP library.
        .target(
            name: "BunchRunner",
            dependencies: ["BunchKit", "CZlib"],
            swiftSettings: strictSettings
        ),
        // The only target that imports AsyncHTTPClient: the transport.
        .target(
            name: "BunchHTTP",
            dependencies: [
                "BunchRunner",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "bunch",
            dependencies: [
                "BunchKit",
                "BunchRunner",
                "BunchHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "bunch-bench",
            dependencies: ["BunchKit", "BunchRunner", "BunchHTTP", "APIDouble"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BunchTestSupport",
            dependencies: ["BunchKit"],
            swiftSettings: strictSettings
        ),
        // A loopback HTTP server speaking the Gemini and TTAPI wire formats, with injectable faults.
        .target(
            name: "APIDouble",
            dependencies: [
                "BunchRunner",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BunchRunnerTests",
            dependencies: ["BunchKit", "BunchRunner", "BunchHTTP", "APIDouble", "BunchTestSupport"],
            exclude: ["Goldens"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BunchKitTests",
            dependencies: ["BunchKit", "BunchTestSupport"],
            exclude: ["Goldens"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["bunch", "BunchKit", "BunchRunner", "APIDouble", "BunchTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
