import ProxyAdmin

/// Everything a command prints to stdout goes through here: the one sanitiser and the
/// redactor (`SafeText.forOutput`) stand between proxy data and the operator's terminal,
/// and `StandardOutput` stops quietly once the reader has gone (`| head`).
func printOut(_ text: String, terminator: String = "\n") {
    StandardOutput.write(SafeText.forOutput(text), terminator: terminator)
}
