import ArgumentParser

/// `--output` and `--progress`: where every `fit` subcommand writes its model, and how loudly.
struct FitOutputOptions: ParsableArguments {
    @Option(name: .customLong("output"), help: ArgumentHelp("Where to write the model (JSON).", valueName: "model.json"))
    var path: String

    @Flag(help: "Print a progress line on stderr for each iteration (default: only when stderr is a terminal).")
    var progress = false
}
