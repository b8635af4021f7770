import Testing

@testable import ECSModel

@Suite struct TaskDefinitionSizeTests {
  @Test func fargateTableHasTheDocumentedPairs() {
    #expect(TaskSize.fargatePairs.count == 74)
    #expect(TaskSize.isFargateSize(cpu: 256, memory: 512))
    #expect(TaskSize.isFargateSize(cpu: 512, memory: 4096))
    #expect(TaskSize.isFargateSize(cpu: 4096, memory: 30720))
    #expect(TaskSize.isFargateSize(cpu: 8192, memory: 20480))
    #expect(!TaskSize.isFargateSize(cpu: 8192, memory: 17408))
    #expect(TaskSize.isFargateSize(cpu: 16384, memory: 122_880))
    #expect(!TaskSize.isFargateSize(cpu: 256, memory: 4096))
    #expect(!TaskSize.isFargateSize(cpu: 1024, memory: 1024))
  }

  @Test(arguments: [
    ("256", 256), ("1 vCPU", 1024), ("1 vcpu", 1024), ("0.25 vCPU", 256), (".5 vCPU", 512),
    ("2vCPU", 2048), (" 512 ", 512),
  ])
  func cpuUnitsRead(_ text: String, _ units: Int) {
    #expect(TaskSize.cpuUnits(text) == units)
  }

  @Test(arguments: ["", "fast", "vCPU", "0.3 vCPU", "-1 vCPU", "1 GB"])
  func cpuUnitsRejects(_ text: String) {
    #expect(TaskSize.cpuUnits(text) == nil)
  }

  @Test(arguments: [("512", 512), ("1GB", 1024), ("1 gb", 1024), ("0.5 GB", 512), ("30GB", 30720)])
  func memoryMiBRead(_ text: String, _ mib: Int) {
    #expect(TaskSize.memoryMiB(text) == mib)
  }

  @Test(arguments: ["", "lots", "GB", "1 vCPU", "1.0001GB"])
  func memoryMiBRejects(_ text: String) {
    #expect(TaskSize.memoryMiB(text) == nil)
  }
}
