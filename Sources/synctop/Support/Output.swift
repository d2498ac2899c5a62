import ProxyAdmin

/// Everything a command prints to stdout goes through here: the one sanitiser and the
/// redactor (`SafeText.forOutput`) stand between proxy data and the operator's terminal.
func printOut(_ text: String, terminator: String = "\n") {
    print(SafeText.forOutput(text), terminator: terminator)
}
