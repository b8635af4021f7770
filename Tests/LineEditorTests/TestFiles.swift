import Foundation

/// A fresh temporary folder per test.
func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "/line-editor-tests-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

func permissions(of path: String) -> Int? {
  (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
}
