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
        .executableTarget(
            name: "bunch",
            dependencies: [
                "BunchKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "bunch-bench",
            dependencies: ["BunchKit"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BunchTestSupport",
            dependencies: ["BunchKit"],
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
            dependencies: ["bunch", "BunchKit", "BunchTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
