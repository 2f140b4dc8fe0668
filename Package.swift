// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "trialexport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trialexport", targets: ["trialexport"]),
        .library(name: "TrialExportCore", targets: ["TrialExportCore"]),
        .library(name: "TrialExportIO", targets: ["TrialExportIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Report templates (Mustache), rendered by TrialExportIO.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // Tests only: reads written workbooks back.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // C libraries, imported only by TrialExportIO.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        // ODM-XML input: libxml2's SAX2 push parser, driven directly (Foundation's XMLParser wraps the
        // same parser but builds strings and dictionaries per node: about 12x slower).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // SAS XPORT v5 files (xpt/); Debian ships no pkg-config file for it.
        .systemLibrary(
            name: "CReadStat",
            providers: [.apt(["libreadstat-dev"]), .brew(["readstat"])]
        ),

        // Core: model, mapping engine, derivations, checks. Foundation only; never prints.
        .target(name: "TrialExportCore"),

        // Dummy EDC data for a study definition: deterministic, messy like real exports.
        .target(name: "TrialSimulator", dependencies: ["TrialExportCore"]),

        // IO: loaders and writers; the only code that imports the C modules.
        .target(
            name: "TrialExportIO",
            dependencies: [
                "TrialExportCore", "CXLSXWriter", "CLibCSV", "CLibXML2", "CReadStat", "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),

        // The thin command-line front end.
        .executableTarget(
            name: "trialexport",
            dependencies: [
                "TrialExportCore", "TrialExportIO", "TrialSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmark: export phases against a libxlsxwriter + libcsv baseline (scripts/benchmark.sh).
        .executableTarget(
            name: "trialexport-bench",
            dependencies: ["TrialExportCore", "TrialExportIO"]
        ),

        // Tests mirror Sources. TestSupport reads outputs back (XLSX via ZIPFoundation) and finds the binary.
        .target(
            name: "TestSupport",
            dependencies: ["TrialExportCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "TrialExportCoreTests", dependencies: ["TrialExportCore", "TestSupport"]),
        .testTarget(name: "TrialSimulatorTests", dependencies: ["TrialSimulator", "TrialExportIO", "TestSupport"]),
        .testTarget(
            name: "TrialExportIOTests", dependencies: ["TrialExportIO", "TrialExportCore", "TestSupport"], exclude: ["Goldens"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TrialExportIO", "TrialExportCore", "TrialSimulator", "TestSupport", "trialexport"],
            exclude: ["Goldens", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
