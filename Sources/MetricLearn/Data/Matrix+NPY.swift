import Foundation

/// Export to NumPy's `.npy` format, so Python (`numpy.load`), Spark or FAISS can use a learned
/// matrix or an embedding directly.
extension Matrix {
    /// The matrix as a `.npy` file, format version 1.0: the magic `\x93NUMPY`, version bytes 1 0,
    /// a little-endian `UInt16` header length, then the header
    /// `{'descr': '<f8', 'fortran_order': False, 'shape': (rows, cols), }` padded with spaces and
    /// ended by a newline so that the data starts at a multiple of 64 bytes, then the elements in
    /// row-major order as little-endian IEEE 754 doubles. This is the byte-for-byte output of
    /// `numpy.save` for a C-ordered float64 array.
    public func npyData() -> Data {
        let magic: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (\(rowCount), \(columnCount)), }"
        let unpadded = magic.count + 2 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let headerLength = UInt16(header.utf8.count)    // at most ~120 bytes for two Int dimensions

        var data = Data(capacity: magic.count + 2 + header.utf8.count + elements.count * 8)
        data.append(contentsOf: magic)
        data.append(contentsOf: [UInt8(headerLength & 0xFF), UInt8(headerLength >> 8)])
        data.append(contentsOf: header.utf8)
        #if _endian(little)
        elements.withUnsafeBytes { data.append(contentsOf: $0) }
        #else
        for element in elements {
            withUnsafeBytes(of: element.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        #endif
        return data
    }
}

/// Reading NumPy's `.npy` format.
extension Matrix {
    /// Reads the 2-D array in the `.npy` file at `path` (format version 1.0, 2.0 or 3.0; `float64`, `float32` or
    /// integers of 1 to 8 bytes, either byte order; C or Fortran order) as a row-major matrix of doubles.
    ///
    /// The header is parsed, never evaluated; object arrays (pickles) are refused. The shape is checked against
    /// the file's size and the memory available before the matrix is allocated, and the data is converted into it
    /// directly, so reading needs little more memory than the matrix.
    ///
    /// - Throws: `file` when the file cannot be read; `npyFile` naming what is wrong (not a `.npy` file, truncated,
    ///   a header that is not NumPy's, an unsupported or object dtype, a shape that is not 2-D or is empty, a NaN or
    ///   infinite value at its 0-based row and column); `insufficientMemory` when the matrix does not fit.
    public init(npyFile path: String) throws(MetricLearnError) {
        self = try NPYReader.matrix(atPath: path)
    }
}
