import CLibXML2
import Foundation

/// The attributes of the element being started, read in place from libxml2's SAX2 array (valid
/// only during the callback): looked up by local name, converted to a String only when asked for.
struct ODMAttributes {
    fileprivate let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let count: Int

    /// The value of the attribute with this local name, if present.
    subscript(_ name: StaticString) -> String? {
        guard let pointer, count > 0 else { return nil }
        let wanted = UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
        for i in 0..<count {
            // Five pointers an attribute: local name, prefix, URI, value start, value end.
            // Only unprefixed attributes are ODM's; a vendor's `mdsol:Value` is not `Value`.
            guard pointer[5 * i + 1] == nil, let local = pointer[5 * i], let start = pointer[5 * i + 3],
                let end = pointer[5 * i + 4]
            else { continue }
            let same = local.withMemoryRebound(to: CChar.self, capacity: name.utf8CodeUnitCount + 1) { strcmp($0, wanted) == 0 }
            guard same else { continue }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }
}

/// What the push parser reports, in document order.
protocol ODMSAXHandler: AnyObject {
    /// Whether text nodes are wanted now (they are converted to Strings only then).
    var wantsText: Bool { get }
    /// Set to stop the parse (the handler's own error).
    var failure: ODMError? { get }
    func start(_ name: String, _ attributes: ODMAttributes, line: Int)
    func end(_ name: String)
    func text(_ text: String, line: Int)
}

/// libxml2's SAX2 push parser over checked chunks of a file (``ODMGuardedStream``): no DTD is
/// loaded, no entity substituted, no network used (and a DOCTYPE never reaches it). Elements and
/// attributes are handed on by local name; a malformed document stops it with libxml2's message,
/// line and column.
final class ODMPushParser {
    private let handler: any ODMSAXHandler
    private var context: xmlParserCtxtPtr?
    /// The first error libxml2 reported: message, line, column.
    private(set) var error: (message: String, line: Int, column: Int)?
    /// The line the parser had reached when it stopped.
    private(set) var lastLine = 1

    init(handler: any ODMSAXHandler) {
        self.handler = handler
    }

    /// The line the parser is on (1-based).
    var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 1 }

    /// Parses the stream's chunks to the end, or until the handler or libxml2 stops it.
    func parse(_ stream: ODMGuardedStream) {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { user, local, prefix, _, _, _, count, _, attributes in
            guard let user, let local else { return }
            let parser = Unmanaged<ODMPushParser>.fromOpaque(user).takeUnretainedValue()
            parser.handler.start(
                ODMPushParser.name(local, prefix: prefix), ODMAttributes(pointer: attributes, count: Int(count)),
                line: parser.line)
            parser.stopIfFailed()
        }
        sax.endElementNs = { user, local, prefix, _ in
            guard let user, let local else { return }
            let parser = Unmanaged<ODMPushParser>.fromOpaque(user).takeUnretainedValue()
            parser.handler.end(ODMPushParser.name(local, prefix: prefix))
            parser.stopIfFailed()
        }
        let text: charactersSAXFunc = { user, bytes, length in
            guard let user, let bytes else { return }
            let parser = Unmanaged<ODMPushParser>.fromOpaque(user).takeUnretainedValue()
            guard parser.handler.wantsText else { return }
            parser.handler.text(
                String(decoding: UnsafeBufferPointer(start: bytes, count: Int(length)), as: UTF8.self), line: parser.line)
            parser.stopIfFailed()
        }
        sax.characters = text
        sax.cdataBlock = text
        sax.serror = { user, error in
            guard let user, let error else { return }
            let parser = Unmanaged<ODMPushParser>.fromOpaque(user).takeUnretainedValue()
            guard parser.error == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "libxml2 error \(error.pointee.code)"
            parser.error = (message, Int(error.pointee.line), Int(error.pointee.int2))
        }
        let user = Unmanaged.passUnretained(self).toOpaque()
        context = xmlCreatePushParserCtxt(&sax, user, nil, 0, nil)
        guard let context else {
            error = ("libxml2 could not create a parser", 1, 0)
            return
        }
        defer {
            lastLine = line
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        // No network, no DTD loading or entity substitution (none are asked for); errors go to serror only.
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        while let chunk = stream.nextChunk() {
            let status = chunk.withUnsafeBytes { bytes in
                xmlParseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), 0)
            }
            if status != 0 || handler.failure != nil || error != nil { return }
        }
        guard stream.doctypeLine == nil, stream.invalidUTF8 == nil else { return }
        xmlParseChunk(context, nil, 0, 1)
    }

    /// An element's name as written: `FormData`, or `mdsol:FormData` for a vendor's prefixed
    /// element, which is then not taken for ODM's own.
    static func name(_ local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?) -> String {
        guard let prefix else { return String(cString: local) }
        return String(cString: prefix) + ":" + String(cString: local)
    }

    private func stopIfFailed() {
        if handler.failure != nil, let context { xmlStopParser(context) }
    }
}
