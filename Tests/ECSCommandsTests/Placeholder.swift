import Testing
@testable import ECSCommands

@Test func placeholder() { #expect(Bool(true)) }
