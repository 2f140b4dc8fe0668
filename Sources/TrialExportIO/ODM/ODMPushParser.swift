import CLibXML2
import Foundation

/// The attributes of the element being started, read in place from libxml2's SAX2 array (valid
/// only during the callback): looked up by local name, converted to a String only when asked for.
struct ODMAttributes {
    fileprivate let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let count: Int
    /// The parser's interned name of each ``ODMAttribute``, by raw value.
    fileprivate let names: UnsafeMutablePointer<UnsafePointer<xmlChar>?>

    /// The bytes of the attribute with this local name, if present (valid during the callback).
    /// Only unprefixed attributes are ODM's: a vendor's `mdsol:Value` is not `Value`.
    func bytes(_ attribute: ODMAttribute) -> UnsafeBufferPointer<UInt8>? { bytes(attribute, prefixed: false) }

    /// The bytes of a vendor's (prefixed) attribute with this local name, if present.
    func vendorBytes(_ attribute: ODMAttribute) -> UnsafeBufferPointer<UInt8>? { bytes(attribute, prefixed: true) }

    private func bytes(_ attribute: ODMAttribute, prefixed: Bool) -> UnsafeBufferPointer<UInt8>? {
        guard let pointer, let wanted = names[attribute.rawValue] else { return nil }
        // Five pointers an attribute: local name, prefix, URI, value start, value end. libxml2
        // interns names in its dictionary, so the same name is the same pointer.
        for i in 0..<count where pointer[5 * i] == wanted && (pointer[5 * i + 1] != nil) == prefixed {
            guard let start = pointer[5 * i + 3], let end = pointer[5 * i + 4] else { return nil }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// The value of the attribute with this local name, if present.
    subscript(_ attribute: ODMAttribute) -> String? {
        bytes(attribute).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// libxml2's SAX2 push parser over checked chunks of a file (``ODMGuardedStream``): no DTD is
/// loaded, no entity substituted, no network used (and a DOCTYPE never reaches it). Elements are
/// handed to the ``ODMReader`` classified (``ODMElement``), attributes read in place; a malformed
/// document stops it with libxml2's message, line and column.
///
/// Speed: element and attribute names are compared as libxml2's interned pointers, never turned
/// into Strings; only values become Strings.
final class ODMPushParser {
    private let handler: ODMReader
    private var context: xmlParserCtxtPtr?
    /// The first error libxml2 reported: message, line, column.
    private(set) var error: (message: String, line: Int, column: Int)?
    /// The line the parser had reached when it stopped.
    private(set) var lastLine = 1
    /// Interned attribute names by ``ODMAttribute`` raw value.
    private let attributeNames: UnsafeMutablePointer<UnsafePointer<xmlChar>?>
    /// Element kinds by interned local name (unprefixed names only), and the last one looked up.
    private var kinds: [UnsafePointer<xmlChar>: ODMElement] = [:]
    /// The same for vendors' (prefixed) elements, by interned local name.
    private var vendorKinds: [UnsafePointer<xmlChar>: ODMElement] = [:]
    private var lastName: UnsafePointer<xmlChar>?
    private var lastKind = ODMElement.other

    init(handler: ODMReader) {
        self.handler = handler
        attributeNames = .allocate(capacity: ODMAttribute.allCases.count)
        attributeNames.initialize(repeating: nil, count: ODMAttribute.allCases.count)
    }

    deinit { attributeNames.deallocate() }

    /// Added to libxml2's line numbers: the file's line before the first byte parsed (a part of a
    /// file parsed alone, see ``ODMSegmentedRead``).
    private var lineOffset = 0
    /// Whether the parser had parsed all it was given and stood in element content (not inside a
    /// tag, comment, CDATA section or processing instruction) when it stopped.
    private(set) var stoppedInContent = false

    /// The line the parser is on (1-based).
    var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) + lineOffset } ?? 1 }

    /// Parses the stream's chunks to the end, or until the handler or libxml2 stops it.
    ///
    /// `prefix`, parsed first and unchecked, opens the elements a part of a file needs around it
    /// (its bytes hold no line break); `lineOffset` is the file's line before the part;
    /// `terminate: false` leaves the document open after the last chunk (a part that is not the last).
    func parse(_ stream: ODMGuardedStream, prefix: [UInt8] = [], lineOffset: Int = 0, terminate: Bool = true) {
        self.lineOffset = lineOffset
        var sax = handlers()
        let user = Unmanaged.passUnretained(self).toOpaque()
        context = xmlCreatePushParserCtxt(&sax, user, nil, 0, nil)
        guard let context else {
            error = ("libxml2 could not create a parser", 1, 0)
            return
        }
        defer { finish(context) }
        prepare(context)
        if !prefix.isEmpty {
            let status = prefix.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { xmlParseChunk(context, $0.baseAddress, Int32($0.count), 0) }
            }
            if status != 0 || error != nil { return }
        }
        while let status = stream.nextChunk({ bytes in
            bytes.withMemoryRebound(to: CChar.self) { xmlParseChunk(context, $0.baseAddress, Int32($0.count), 0) }
        }) {
            if status != 0 || handler.failed || error != nil { return }
        }
        guard stream.doctypeLine == nil, stream.invalidUTF8 == nil, terminate else { return }
        xmlParseChunk(context, nil, 0, 1)
    }

    /// The SAX2 callbacks: elements, text and errors.
    private func handlers() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        // The parser is borrowed in each callback (it outlives the parse), not retained and
        // released per element.
        sax.startElementNs = { user, local, prefix, _, namespaceCount, namespaces, count, _, attributes in
            guard let user, let local else { return }
            Unmanaged<ODMPushParser>.fromOpaque(user)._withUnsafeGuaranteedRef { parser in
                parser.handler.start(
                    parser.kind(local, prefix: prefix),
                    ODMAttributes(pointer: attributes, count: Int(count), names: parser.attributeNames),
                    line: parser.line, name: { ODMPushParser.name(local, prefix: prefix) },
                    namespaces: { ODMPushParser.declarations(namespaces, count: Int(namespaceCount)) },
                    literalValue: { parser.literalValue($0) })
                parser.stopIfFailed()
            }
        }
        sax.endElementNs = { user, local, prefix, _ in
            guard let user, let local else { return }
            Unmanaged<ODMPushParser>.fromOpaque(user)._withUnsafeGuaranteedRef { parser in
                parser.handler.end(parser.kind(local, prefix: prefix))
                parser.stopIfFailed()
            }
        }
        let text: charactersSAXFunc = { user, bytes, length in
            guard let user, let bytes else { return }
            Unmanaged<ODMPushParser>.fromOpaque(user)._withUnsafeGuaranteedRef { parser in
                guard parser.handler.wantsText else { return }
                parser.handler.text(UnsafeBufferPointer(start: bytes, count: Int(length)), line: parser.line)
                parser.stopIfFailed()
            }
        }
        sax.characters = text
        sax.cdataBlock = text
        sax.serror = { user, error in
            guard let user, let error else { return }
            let parser = Unmanaged<ODMPushParser>.fromOpaque(user).takeUnretainedValue()
            guard parser.error == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "libxml2 error \(error.pointee.code)"
            parser.error = (message, Int(error.pointee.line) + parser.lineOffset, Int(error.pointee.int2))
        }
        return sax
    }

    /// Options and interned names, set before the first byte is parsed.
    private func prepare(_ context: xmlParserCtxtPtr) {
        // No network, no DTD loading; errors go to serror only. References are replaced by their
        // text (XML_PARSE_NOENT): without it libxml2 hands `&amp;` and `&#38;` in an attribute
        // value on as `&#38;`, which would change the value. Only the predefined entities and
        // character references can occur: a DOCTYPE, the one place entities are declared, never
        // reaches libxml2 (``ODMGuardedStream``).
        xmlCtxtUseOptions(
            context,
            Int32(
                XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue | XML_PARSE_NOERROR.rawValue
                    | XML_PARSE_NOWARNING.rawValue))
        // The names the parser will intern, looked up once in its dictionary.
        for attribute in ODMAttribute.allCases {
            attributeNames[attribute.rawValue] = xmlDictLookup(context.pointee.dict, attribute.localName, -1)
        }
    }

    /// Where the parser stopped, then the context freed.
    private func finish(_ context: xmlParserCtxtPtr) {
        lastLine = line
        stoppedInContent = context.pointee.instate == XML_PARSER_CONTENT && Self.onlySpaceLeft(context)
        xmlFreeParserCtxt(context)
        self.context = nil
    }

    /// The `Value` attribute of the start tag just parsed as written, its references replaced but
    /// its line breaks, carriage returns and tabs kept (XML turns each into a space), when it
    /// holds any; nil when it holds none. libxml2 hands a value that needed no change in place,
    /// inside its input: only a value it rebuilt (normalised, or with a reference or a byte
    /// beyond ASCII) can have held one, and only then is the tag read again.
    func literalValue(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let context, let input = context.pointee.input, let base = input.pointee.base, let cur = input.pointee.cur,
            let end = input.pointee.end
        else { return nil }
        if let start = value.baseAddress, start >= base, start <= end { return nil }
        // The whole tag lies in libxml2's input at the start callback, and a value cannot hold `<`.
        var start = cur
        while start > base, start.pointee != 0x3C { start -= 1 }
        guard start.pointee == 0x3C else { return nil }
        return Self.literalAttribute("Value", inTag: UnsafeBufferPointer(start: start, count: cur - start))
    }

    /// The unprefixed attribute `name` of a start tag as written (`<ItemData ItemOID="A" Value="x`...),
    /// with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and character references replaced, and
    /// nothing else changed; nil when it holds no such attribute or no line break, carriage return
    /// or tab. The tag has been parsed by libxml2, so it is well-formed.
    static func literalAttribute(_ name: String, inTag tag: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let wanted = Array(name.utf8)
        func space(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var at = 1
        while at < tag.count, !space(tag[at]), tag[at] != 0x2F, tag[at] != 0x3E { at += 1 }  // the element's name
        while at < tag.count {
            while at < tag.count, space(tag[at]) { at += 1 }
            let nameStart = at
            while at < tag.count, tag[at] != 0x3D, !space(tag[at]), tag[at] != 0x2F, tag[at] != 0x3E { at += 1 }
            guard at < tag.count, at > nameStart else { return nil }
            let found = Array(tag[nameStart..<at])
            while at < tag.count, tag[at] != 0x22, tag[at] != 0x27 { at += 1 }
            guard at < tag.count else { return nil }
            let quote = tag[at]
            let valueStart = at + 1
            at = valueStart
            while at < tag.count, tag[at] != quote { at += 1 }
            let raw = tag[valueStart..<min(at, tag.count)]
            at += 1
            guard found == wanted else { continue }
            guard raw.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
            return resolvingReferences(Array(raw))
        }
        return nil
    }

    /// Bytes with the predefined entities and character references replaced by their characters.
    private static func resolvingReferences(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var at = 0
        while at < raw.count {
            guard raw[at] == 0x26, let semicolon = raw[at...].firstIndex(of: 0x3B) else {
                out.append(raw[at])
                at += 1
                continue
            }
            let name = String(decoding: raw[(at + 1)..<semicolon], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                }
            }
            guard let scalar else {
                out.append(raw[at])
                at += 1
                continue
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            at = semicolon + 1
        }
        return out
    }

    /// Whether the bytes libxml2 holds unparsed (text it waits to see the end of) are white space.
    private static func onlySpaceLeft(_ context: xmlParserCtxtPtr) -> Bool {
        guard let input = context.pointee.input, var cur = input.pointee.cur, let end = input.pointee.end else { return true }
        while cur < end {
            guard [0x20, 0x09, 0x0A, 0x0D].contains(cur.pointee) else { return false }
            cur += 1
        }
        return true
    }

    /// The namespace declarations of an element as written in a start tag: ` xmlns="..." xmlns:p="..."`.
    static func declarations(_ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) -> String {
        guard let namespaces else { return "" }
        var text = ""
        for i in 0..<count {
            let uri = namespaces[2 * i + 1].map { String(cString: $0) } ?? ""
            let name = namespaces[2 * i].map { "xmlns:" + String(cString: $0) } ?? "xmlns"
            text += " \(name)=\"\(XMLText.escaped(uri))\""
        }
        return text
    }

    /// The kind of an element: classified by name the first time its interned name is met.
    private func kind(_ local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?) -> ODMElement {
        guard prefix == nil else {
            if let kind = vendorKinds[local] { return kind }
            let kind = ODMElement(vendorLocalName: String(cString: local))
            vendorKinds[local] = kind
            return kind
        }
        if local == lastName { return lastKind }
        let kind =
            kinds[local]
            ?? {
                let kind = ODMElement(localName: String(cString: local))
                kinds[local] = kind
                return kind
            }()
        (lastName, lastKind) = (local, kind)
        return kind
    }

    /// An element's name as written: `FormData`, or `mdsol:FormData` for a vendor's prefixed
    /// element, which is then not taken for ODM's own.
    static func name(_ local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?) -> String {
        guard let prefix else { return String(cString: local) }
        return String(cString: prefix) + ":" + String(cString: local)
    }

    private func stopIfFailed() {
        if handler.failed, let context { xmlStopParser(context) }
    }
}
