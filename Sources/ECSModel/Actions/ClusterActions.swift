/// CreateCluster, DescribeClusters, ListClusters, DeleteCluster.
enum ClusterActions {
  static let table: [String: ActionHandler] = [:]
}
