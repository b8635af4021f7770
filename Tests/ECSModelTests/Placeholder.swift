import Testing
@testable import ECSModel

@Test func placeholder() { #expect(Bool(true)) }
