// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "ecs-tutor",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "ecs-tutor", targets: ["ecs-tutor"]),
    .executable(name: "ecs-tutor-bench", targets: ["ecs-tutor-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // Pure simulation: the world and the rules that change it.
    .target(name: "ECSModel"),
    // The AWS CLI surface: tokenizer, values, operation specs, rendering.
    .target(name: "ECSCommands", dependencies: ["ECSModel"]),
    // Lessons, checks, the session state machine.
    .target(
      name: "ECSTutor",
      dependencies: ["ECSCommands", "ECSModel", .product(name: "Yams", package: "Yams")]
    ),
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "LineEditor", dependencies: ["CLibEdit"]),
    .executableTarget(
      name: "ecs-tutor",
      dependencies: [
        "ECSTutor", "ECSCommands", "LineEditor",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "ecs-tutor-bench", dependencies: ["ECSTutor"]),
    .target(name: "TestSupport", dependencies: ["ECSTutor", "ECSCommands"], path: "Tests/TestSupport"),
    .testTarget(name: "ECSModelTests", dependencies: ["ECSModel"]),
    .testTarget(name: "ECSCommandsTests", dependencies: ["ECSCommands", "TestSupport"]),
    .testTarget(name: "ECSTutorTests", dependencies: ["ECSTutor", "TestSupport"]),
    .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
    .testTarget(name: "ecs-tutorTests", dependencies: ["ecs-tutor", "ECSTutor", "LineEditor"]),
  ]
)
