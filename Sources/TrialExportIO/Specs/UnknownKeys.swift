import Yams

/// Finds keys of a spec that the decoded value has no field for: a typo such as `codelst:` would
/// otherwise be ignored without a word, and the value it carried lost.
///
/// The decoded value and the YAML nodes are walked together; a struct's fields (by reflection, as
/// synthesized `Codable` names its keys) are the keys its mapping may have. Dictionaries take any
/// key; enumerations and scalars end the walk.
enum UnknownKeys {
    /// The path to the first unknown key and the keys allowed there, or nil when every key is known.
    static func first(in value: Any, node: Node?, at path: [SpecDocument.Step] = []) -> (
        path: [SpecDocument.Step], allowed: [String]
    )? {
        guard let node else { return nil }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { first(in: $0.value, node: node, at: path) }
        case .struct:
            guard case .mapping(let mapping) = node else { return nil }
            let fields = Dictionary(
                mirror.children.compactMap { c in c.label.map { ($0, c.value) } }, uniquingKeysWith: { a, _ in a })
            for (key, child) in mapping {
                guard let name = key.string else { continue }
                guard let field = fields[name] else { return (path + [.key(name)], fields.keys.sorted()) }
                if let found = first(in: field, node: child, at: path + [.key(name)]) { return found }
            }
            return nil
        case .collection:
            guard case .sequence(let sequence) = node else { return nil }
            for (i, (element, child)) in zip(mirror.children.map(\.value), sequence).enumerated() {
                if let found = first(in: element, node: child, at: path + [.index(i)]) { return found }
            }
            return nil
        case .dictionary:
            guard case .mapping(let mapping) = node else { return nil }
            let entries = mirror.children.compactMap { pair -> (String, Any)? in
                let entry = Mirror(reflecting: pair.value).children.map(\.value)
                guard entry.count == 2, let key = entry[0] as? String else { return nil }
                return (key, entry[1])
            }
            for (key, element) in entries.sorted(by: { $0.0 < $1.0 }) {
                if let found = first(in: element, node: mapping[key], at: path + [.key(key)]) { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
