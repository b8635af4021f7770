import Testing
@testable import ECSTutor

@Test func placeholder() { #expect(Bool(true)) }
