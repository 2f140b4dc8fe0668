import Foundation

extension TransformStep: Codable {
    /// Any key of a step mapping; unknown ones are refused while decoding.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The keys each mapping step allows.
    static let allowedKeys: [String: Set<String>] = [
        "regex_extract": ["regex_extract", "group"], "regex_replace": ["regex_replace", "with"],
        "substring": ["substring"], "prefix": ["prefix"], "suffix": ["suffix"], "pad_left": ["pad_left"],
        "number": ["number"],
    ]

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let word = try? single.decode(String.self) {
            guard let step = Self.words[word] else { throw Self.corrupted(decoder, "unknown transform step \"\(word)\"") }
            self = step
            return
        }
        let container = try decoder.container(keyedBy: Key.self)
        let keys = Set(container.allKeys.map(\.stringValue))
        guard let name = Self.allowedKeys.keys.sorted().first(where: keys.contains) else {
            throw Self.corrupted(decoder, "unknown transform step \(keys.sorted())")
        }
        if let extra = keys.subtracting(Self.allowedKeys[name]!).sorted().first {
            throw Self.corrupted(
                decoder, "unknown key \"\(extra)\" in a \(name) step (allowed: \(Self.allowedKeys[name]!.sorted()))")
        }
        if let nested = Self.nestedKeys[name], let inner = try? container.nestedContainer(keyedBy: Key.self, forKey: Key(name)),
            let extra = Set(inner.allKeys.map(\.stringValue)).subtracting(nested).sorted().first
        {
            throw Self.corrupted(decoder, "unknown key \"\(extra)\" in a \(name) step (allowed: \(nested.sorted()))")
        }
        self = try Self.decodeStep(name, container, decoder)
    }

    /// The keys of the parameter mapping of steps that take one.
    static let nestedKeys: [String: Set<String>] = [
        "substring": ["start", "length"], "pad_left": ["width", "with"], "number": ["decimals"],
    ]

    private static func decodeStep(_ name: String, _ c: KeyedDecodingContainer<Key>, _ decoder: any Decoder) throws
        -> TransformStep
    {
        switch name {
        case "regex_extract":
            let pattern = try c.decode(String.self, forKey: Key(name))
            let group = try c.decodeIfPresent(Int.self, forKey: Key("group")) ?? 1
            let groups = try checkedRegex(pattern, decoder).numberOfCaptureGroups
            guard group >= 0, group <= groups else {
                throw corrupted(decoder, "group \(group) does not exist: the pattern has \(groups) group(s)")
            }
            return .regexExtract(pattern: pattern, group: group)
        case "regex_replace":
            let pattern = try c.decode(String.self, forKey: Key(name))
            _ = try checkedRegex(pattern, decoder)
            return .regexReplace(pattern: pattern, with: try c.decodeIfPresent(String.self, forKey: Key("with")) ?? "")
        case "substring":
            let p = try c.decode(SubstringParameters.self, forKey: Key(name))
            guard p.start >= 1, (p.length ?? 0) >= 0 else {
                throw corrupted(decoder, "substring needs start >= 1 and length >= 0")
            }
            return .substring(start: p.start, length: p.length)
        case "prefix": return .prefix(try c.decode(String.self, forKey: Key(name)))
        case "suffix": return .suffix(try c.decode(String.self, forKey: Key(name)))
        case "pad_left":
            let p = try c.decode(PadParameters.self, forKey: Key(name))
            let with = p.with ?? "0"
            guard with.count == 1, p.width >= 0 else {
                throw corrupted(decoder, "pad_left needs a width >= 0 and one character `with`")
            }
            return .padLeft(width: p.width, with: with)
        default:
            let p = try c.decode(NumberParameters.self, forKey: Key(name))
            guard (0...15).contains(p.decimals) else { throw corrupted(decoder, "number needs decimals from 0 to 15") }
            return .number(decimals: p.decimals)
        }
    }

    private static func checkedRegex(_ pattern: String, _ decoder: any Decoder) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            throw corrupted(decoder, "\"\(pattern)\" is not a valid regular expression (ICU syntax)")
        }
    }

    private static func corrupted(_ decoder: any Decoder, _ detail: String) -> DecodingError {
        .dataCorrupted(
            .init(codingPath: decoder.codingPath, debugDescription: "\(detail); steps: \(names.joined(separator: ", "))"))
    }

    public func encode(to encoder: any Encoder) throws {
        if Self.words[name] == self {
            var single = encoder.singleValueContainer()
            try single.encode(name)
            return
        }
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .regexExtract(let pattern, let group):
            try c.encode(pattern, forKey: Key(name))
            try c.encode(group, forKey: Key("group"))
        case .regexReplace(let pattern, let with):
            try c.encode(pattern, forKey: Key(name))
            try c.encode(with, forKey: Key("with"))
        case .substring(let start, let length): try c.encode(SubstringParameters(start: start, length: length), forKey: Key(name))
        case .prefix(let text), .suffix(let text): try c.encode(text, forKey: Key(name))
        case .padLeft(let width, let with): try c.encode(PadParameters(width: width, with: with), forKey: Key(name))
        case .number(let decimals): try c.encode(NumberParameters(decimals: decimals), forKey: Key(name))
        default: break
        }
    }
}
