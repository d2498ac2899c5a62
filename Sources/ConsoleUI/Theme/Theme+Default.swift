extension Theme {
    /// The dashboard's built-in look. `themes/default.toml` is this text, checked by a test,
    /// so the shipped file and the binary never drift apart.
    public static let defaultSource = """
    # synctop default dark theme.
    # Each role is "FOREGROUND [on BACKGROUND] [bold] [dim] [underline] [reverse]".
    # Colours: default, black, red, green, yellow, blue, magenta, cyan, white,
    # bright-<name>, color0..color255, or #rrggbb (mapped to what the terminal has).
    name = "default"

    [roles]
    text = "default"
    dim = "bright-black"
    border = "bright-black"
    title = "cyan bold"
    header = "white on blue"
    label = "bright-black"
    value = "default"
    ok = "green"
    warning = "yellow bold"
    error = "red bold"
    stale = "bright-black"
    due = "yellow bold"
    overdue = "red bold reverse"
    selected = "black on cyan"
    selected_border = "cyan bold"
    key_hint = "cyan bold"
    countdown = "bright-white bold"
    dialog = "default on color236"
    footer = "bright-black"
    input = "bright-white on color238"
    mapping_forwarded = "green"
    mapping_renamed = "cyan"
    mapping_unsupported = "red"
    mapping_absent = "bright-black"
    diff_added = "green"
    diff_removed = "red"
    diff_changed = "yellow"

    """
}
