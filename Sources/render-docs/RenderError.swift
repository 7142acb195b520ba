/// A failure that stops rendering, with a message for the terminal.
struct RenderError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
