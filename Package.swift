// swift-tools-version: 6.1
//
// meting: an interactive analysis shell for evaluating interventions with
// survey data. The modules follow one direction of flow (see README.md):
//
//   MetingLanguage ─▶ MetingShell ─▶ MetingData
//                          │      ╲─▶ MetingStats (pure)
//                          ▼
//                     MetingReport
//
// C libraries stay behind thin system-library targets (CEditLine, CRmath,
// CLapack, CReadStat, CLibXML2).

import PackageDescription

let package = Package(
  name: "meting",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "meting", targets: ["meting"]),
    .executable(name: "meting-bench", targets: ["meting-bench"]),
  ],
  dependencies: [
    // Unzips .xlsx workbooks (their XML is read with libxml2's SAX2).
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20")
  ],
  targets: [
    .systemLibrary(name: "CEditLine", pkgConfig: "libedit",
                   providers: [.apt(["libedit-dev"])]),
    .systemLibrary(name: "CRmath", pkgConfig: "libRmath",
                   providers: [.apt(["r-mathlib"])]),
    .systemLibrary(name: "CReadStat",
                   providers: [.apt(["libreadstat-dev"])]),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                   providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CLapack", pkgConfig: "lapack",
                   providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]),

    .target(name: "CMetingSupport"),

    .target(
      name: "MetingData",
      dependencies: [
        "CMetingSupport", "CReadStat", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .target(name: "MetingStats", dependencies: ["CRmath", "CLapack"]),
    .target(name: "MetingLanguage", dependencies: ["MetingData"]),
    .target(name: "MetingReport"),
    .target(name: "MetingExample", dependencies: ["MetingData", "MetingStats"]),
    .target(
      name: "MetingShell",
      dependencies: ["MetingData", "MetingStats", "MetingLanguage",
                     "MetingReport", "MetingExample", "CEditLine"]),
    .executableTarget(name: "meting", dependencies: ["MetingShell"]),
    .executableTarget(
      name: "meting-bench",
      dependencies: ["MetingShell", "MetingData", "MetingStats", "MetingExample"]),

    .testTarget(name: "MetingDataTests", dependencies: ["MetingData"],
                resources: [.copy("Corpus")]),
    .testTarget(name: "MetingStatsTests", dependencies: ["MetingStats"],
                resources: [.copy("Reference"), .copy("NIST")]),
    .testTarget(name: "MetingLanguageTests", dependencies: ["MetingLanguage", "MetingData"]),
    .testTarget(name: "MetingReportTests", dependencies: ["MetingReport"]),
    .testTarget(
      name: "MetingShellTests",
      dependencies: [
        "MetingShell", "MetingExample", "MetingData", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      resources: [.copy("Golden")]),
  ],
  swiftLanguageModes: [.v6]
)
