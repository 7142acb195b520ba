import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files of the writes in progress (`AtomicFileWriter`), so that a signal handler can remove them
/// before the process ends.
///
/// A fixed table of slots, each holding a C string's address or 0, read and cleared with atomic exchanges:
/// exactly one of the writer (when it finishes) and the handler takes each path, and `removeAll` neither
/// allocates, locks nor frees, so it may run in a signal handler. Writes beyond the table's capacity (64 at
/// once) are simply not registered.
@available(macOS 15, *)
final class TemporaryFiles: @unchecked Sendable {
    /// The process's table.
    static let shared = TemporaryFiles()

    private static let capacity = 64
    private let slots: UnsafeMutablePointer<Atomic<Int>>

    /// An empty table; the process uses `shared`, tests their own (removing the shared table's files would race
    /// with writes of concurrently running tests).
    init() {
        slots = .allocate(capacity: Self.capacity)
        for index in 0..<Self.capacity { (slots + index).initialize(to: Atomic(0)) }
    }

    deinit {
        for index in 0..<Self.capacity {
            free(UnsafeMutablePointer<CChar>(bitPattern: slots[index].load(ordering: .acquiring)))
        }
        slots.deinitialize(count: Self.capacity)
        slots.deallocate()
    }

    /// Records `path` (before the file is created), returning its slot, or nil when the table is full.
    func register(_ path: String) -> Int? {
        guard let copy = strdup(path) else { return nil }
        let address = Int(bitPattern: copy)
        for index in 0..<Self.capacity
        where slots[index].compareExchange(expected: 0, desired: address, ordering: .acquiringAndReleasing).exchanged {
            return index
        }
        free(copy)
        return nil
    }

    /// Forgets the path in `slot` (the file was renamed or removed), unless a handler has taken it.
    func unregister(_ slot: Int) {
        let address = slots[slot].exchange(0, ordering: .acquiringAndReleasing)
        free(UnsafeMutablePointer<CChar>(bitPattern: address))
    }

    /// Unlinks every registered file. Async-signal-safe; the paths are not freed (the process is ending).
    func removeAll() {
        for index in 0..<Self.capacity {
            let address = slots[index].exchange(0, ordering: .acquiringAndReleasing)
            if let path = UnsafePointer<CChar>(bitPattern: address) { unlink(path) }
        }
    }
}
