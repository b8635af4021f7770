import Testing

@testable import ECSModel

@Suite struct LogStreamTests {
  @Test func putLogEventsStoresRecentEventsAndReportsOldOnes() throws {
    var w = World()
    _ = try w.perform(service: "logs", operation: "CreateLogGroup", ["logGroupName": "g"])
    _ = try w.perform(
      service: "logs", operation: "CreateLogStream", ["logGroupName": "g", "logStreamName": "s"])
    let now = w.clock.nowMillis
    let out = try w.perform(
      service: "logs", operation: "PutLogEvents",
      [
        "logGroupName": "g", "logStreamName": "s",
        "logEvents": [
          ["timestamp": 1_433_190_184_356, "message": "old"],
          ["timestamp": .int(Int(now)), "message": "new"],
        ],
      ])
    #expect(out["rejectedLogEventsInfo"]?["tooOldLogEventEndIndex"] == 1)
    let events = try w.perform(
      service: "logs", operation: "GetLogEvents", ["logGroupName": "g", "logStreamName": "s"])
    #expect(events["events"]?.arrayValue?.map { $0["message"] } == ["new"])
  }
}
