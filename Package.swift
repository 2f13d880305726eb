// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Assure",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "assure", targets: ["assure"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.50.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        // Prometheus' text format at /metrics, and swift-metrics' API that Vapor records requests through.
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        // Signing in with the organisation's account: ID tokens checked against the provider's published keys, which
        // are fetched (with discovery and the code exchange) over AsyncHTTPClient, as Vapor's own client does.
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // The API's OpenAPI document, built as typed values. No traits: its ExternalLoading (Swift Concurrency over
        // remote references) is slower to build and the document refers only to itself.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.4.0", traits: []),
    ],
    targets: [
        // Pure domain: types, rules, date and rating parsing, report models. No I/O.
        .target(name: "AssureCore"),
        // The seed papers entered as data: the demo portfolio and the fixtures of the seed tests.
        .target(name: "AssureDemo", dependencies: ["AssureCore"]),
        // Records, migrations and queries, on FluentKit alone: no web framework, no demo data.
        .target(
            name: "AssureStorage",
            dependencies: [
                "AssureCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The application layer: one function per user action (save a return, publish a period, add a risk):
        // authorise by the core's rules, validate, run the transaction, audit, queue notifications. Web, API and CLI
        // call these and nothing else that writes. Also the demo and synthetic loaders, which write through them.
        .target(
            name: "AssureApp",
            dependencies: [
                "AssureCore", "AssureStorage", "AssureDemo", "AssureInterchange",
                // Vapor only for Bcrypt, the password hash.
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Bytes ⇄ tables: CSV and pasted text (encodings, quoting), and XLSX read and written (ZIP + XML).
        .target(
            name: "AssureInterchange",
            dependencies: [
                "AssureCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Output that needs no web: report kinds and their tables, exports, CSV, and JSON as the API and CLI write it.
        .target(name: "AssureOutput", dependencies: ["AssureCore", "AssureStorage", "AssureInterchange"]),
        // Mail out: an SMTP client (plain, STARTTLS or TLS) for the outbox's chasers and alerts.
        .target(
            name: "AssureMail",
            dependencies: [
                "AssureCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // Signing in with the organisation's account: an OpenID Connect relying party (discovery, published keys,
        // the code flow with PKCE, every check on the ID token) and the settings that name the providers.
        .target(
            name: "AssureOpenID",
            dependencies: [
                "AssureCore",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]),
        // Routes, views, JSON API, authentication.
        .target(
            name: "AssureWeb",
            dependencies: [
                "AssureCore", "AssureStorage", "AssureApp", "AssureOutput", "AssureMail", "AssureInterchange",
                "AssureOpenID",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ]),
        .executableTarget(
            name: "assure",
            dependencies: [
                "AssureCore", "AssureDemo", "AssureStorage", "AssureApp", "AssureOutput", "AssureWeb", "AssureMail",
                "AssureInterchange", "AssureOpenID",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ]),
        .testTarget(name: "AssureCoreTests", dependencies: ["AssureCore", "AssureDemo"]),
        .testTarget(
            name: "AssureInterchangeTests",
            dependencies: [
                "AssureInterchange", "AssureCore", "AssureTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Databases for tests: a temporary SQLite file, or a fresh database on the PostgreSQL server CI starts.
        .target(
            name: "AssureTestSupport",
            dependencies: [
                "AssureStorage", "AssureApp",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ], path: "Tests/AssureTestSupport"),
        .testTarget(
            name: "AssureStorageTests",
            dependencies: [
                "AssureStorage", "AssureApp", "AssureCore", "AssureDemo", "AssureTestSupport", "AssureInterchange",
            ]),
        // Fixtures: a test-only certificate and key for localhost, for the STARTTLS test.
        .testTarget(
            name: "AssureMailTests",
            dependencies: ["AssureMail", "AssureCore", "AssureStorage", "AssureApp", "AssureTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "AssureWebTests",
            dependencies: [
                "AssureWeb", "AssureStorage", "AssureApp", "AssureOutput", "AssureCore", "AssureDemo",
                "AssureTestSupport",
                "AssureMail",
                "AssureInterchange",
                "AssureOpenID",
                .product(name: "VaporTesting", package: "vapor"), .product(name: "Fluent", package: "fluent"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ],
            // Read from the source tree by #filePath, not bundled.
            exclude: ["__Snapshots__"]),
    ]
)
