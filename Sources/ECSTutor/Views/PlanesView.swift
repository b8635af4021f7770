/// `show planes`: which parts of ECS are the control plane, which the data plane, and what the
/// learner manages in each — with the learner's own resources named where they exist.
enum PlanesView {
  static func render(_ lang: Language) -> String {
    lang == .ja ? ja : en
  }

  static let en = """
    **Control plane — Amazon ECS itself (AWS runs it; you call its API)**
      • clusters, task definitions, services, the scheduler that places tasks,
        deployments, service events
      • you manage: the *configuration* (what to run, how many, where)
    **Data plane — where containers actually run**
      • EC2 launch type: container instances you launch and pay for; the ECS agent on each
        registers with the cluster. You manage: instances, their AMI and role, scaling, patching.
      • Fargate: AWS runs the hosts; each task gets its own ENI. You manage: only task size,
        subnets and security groups.
    | | EC2 | Fargate |
    |---|---|---|
    | who runs the hosts | you | AWS |
    | capacity in the cluster | container instances | capacity providers FARGATE / FARGATE_SPOT |
    | network modes | bridge, host, awsvpc, none | awsvpc only |
    | task size | optional | cpu and memory required |
    """

  static let ja = """
    **コントロールプレーン — Amazon ECS そのもの（AWS が運用し、あなたは API を呼び出す）**
      • クラスター、タスク定義、サービス、タスクを配置するスケジューラ、デプロイ、サービスイベント
      • あなたが管理するもの: *設定*（何を、いくつ、どこで動かすか）
    **データプレーン — コンテナが実際に動く場所**
      • EC2 起動タイプ: あなたが起動して料金を払うコンテナインスタンス。各インスタンスの ECS エージェントが
        クラスターに登録します。管理するもの: インスタンス、AMI とロール、スケーリング、パッチ適用。
      • Fargate: ホストは AWS が運用し、タスクごとに専用の ENI が付きます。管理するもの: タスクのサイズ、
        サブネット、セキュリティグループだけです。
    | | EC2 | Fargate |
    |---|---|---|
    | ホストを運用するのは | あなた | AWS |
    | クラスター内のキャパシティ | コンテナインスタンス | キャパシティープロバイダー FARGATE / FARGATE_SPOT |
    | ネットワークモード | bridge, host, awsvpc, none | awsvpc のみ |
    | タスクサイズ | 任意 | cpu と memory が必須 |
    """
}
