import Testing
@testable import LineEditor

@Test func placeholder() { #expect(Bool(true)) }
