extension String {
    /// The command-line spelling of a Swift name: `componentCount` → `component-count`.
    package var kebabCased: String {
        var name = ""
        for character in self {
            if character.isUppercase {
                if !name.isEmpty { name.append("-") }
                name.append(contentsOf: character.lowercased())
            } else {
                name.append(character)
            }
        }
        return name
    }
}
