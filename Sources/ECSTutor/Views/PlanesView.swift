/// `show planes`: which parts of ECS are the control plane, which the data plane, and what the
/// learner manages in each (the text is the catalogue's `Msg.planes`).
enum PlanesView {
  static func render(_ lang: Language) -> String { Msg.planes.text(lang) }
}
