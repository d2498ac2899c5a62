import ArgumentParser
import ProxyAdmin

/// `models --sort model|provider|mode|input|output|max-input|max-output`; anything else is
/// a usage error that lists these names.
extension ModelColumn: ExpressibleByArgument {}
