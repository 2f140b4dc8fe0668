import Foundation
import TrialExportCore

#if canImport(Glibc)
    import Glibc
    private let systemClose = Glibc.close
#elseif canImport(Darwin)
    import Darwin
    private let systemClose = Darwin.close
#endif

/// A file opened for writing through a large buffer, so few `write` calls reach the system.
///
/// Every failure (cannot create, disk full, close error) throws `TrialExportError.writeFailed`.
final class BufferedFileOutput {
    let path: String
    private var descriptor: Int32
    // Unchecked exclusivity: a writer is used from one thread and never re-enters itself.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let capacity: Int

    init(path: String, capacity: Int = 1 << 20) throws {
        self.path = path
        self.capacity = capacity
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 { throw Self.failure(path) }
        buffer.reserveCapacity(capacity)
    }

    deinit {
        // A writer dropped without `close()` loses its buffered bytes; release the descriptor anyway.
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }

    /// Appends bytes, flushing when the buffer is full.
    func append<C: Collection>(contentsOf bytes: C) throws where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends bytes from raw memory, flushing when the buffer is full.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes every buffered byte to the file.
    func flush() throws {
        guard descriptor >= 0 else { throw TrialExportError.writeFailed(path: path, detail: "the file is already closed") }
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Self.failure(path)
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; safe to call once only.
    func close() throws {
        try flush()
        let result = systemClose(descriptor)
        descriptor = -1
        if result != 0 { throw Self.failure(path) }
    }

    private static func failure(_ path: String) -> TrialExportError {
        .writeFailed(path: path, detail: String(cString: strerror(errno)))
    }
}
