/// A problem with a generic `simulation.yaml` found before anything is written.
public enum GenericProfileError: Error, CustomStringConvertible, Equatable {
    case invalid(String, String)

    public var description: String {
        switch self {
        case .invalid(let key, let detail): return "simulation.yaml: \(key): \(detail)"
        }
    }
}
