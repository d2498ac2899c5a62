// The themes shipped in `themes/`, compiled in so an installed binary needs no data
// files. A test checks each text against its file byte for byte.
extension Theme {
    /// Name → TOML text, in the order `synctop info` and errors list them.
    public static let shippedSources: [(name: String, source: String)] = [
        ("default", defaultSource),
        ("light", lightSource),
        ("solarized-dark", solarizedDarkSource),
        ("nord", nordSource),
        ("high-contrast", highContrastSource),
        ("monochrome", monochromeSource),
    ]

    static let lightSource = """
    # synctop light: dark text on a light terminal background.
    # Each role is "FOREGROUND [on BACKGROUND] [bold] [dim] [underline] [reverse]"; see default.toml.
    name = "light"

    [roles]
    text = "default"
    dim = "color244"
    border = "color248"
    title = "blue bold"
    header = "white on blue"
    label = "color242"
    value = "default"
    ok = "color28"
    warning = "color130 bold"
    error = "color160 bold"
    stale = "color246"
    due = "color130 bold"
    overdue = "white on color160 bold"
    selected = "white on blue"
    selected_border = "blue bold"
    key_hint = "blue bold"
    countdown = "black bold"
    dialog = "default on color254"
    footer = "color242"
    input = "black on color252"
    mapping_forwarded = "color28"
    mapping_renamed = "blue"
    mapping_unsupported = "color160"
    mapping_absent = "color246"
    diff_added = "color28"
    diff_removed = "color160"
    diff_changed = "color130"
    """

    static let solarizedDarkSource = """
    # Solarized dark (Ethan Schoonover's palette as #rrggbb; mapped to what the terminal has).
    # Each role is "FOREGROUND [on BACKGROUND] [bold] [dim] [underline] [reverse]"; see default.toml.
    name = "solarized-dark"

    [roles]
    text = "#839496"
    dim = "#586e75"
    border = "#586e75"
    title = "#268bd2 bold"
    header = "#fdf6e3 on #073642"
    label = "#586e75"
    value = "#93a1a1"
    ok = "#859900"
    warning = "#b58900 bold"
    error = "#dc322f bold"
    stale = "#586e75"
    due = "#b58900 bold"
    overdue = "#fdf6e3 on #dc322f bold"
    selected = "#002b36 on #2aa198"
    selected_border = "#2aa198 bold"
    key_hint = "#2aa198 bold"
    countdown = "#eee8d5 bold"
    dialog = "#93a1a1 on #073642"
    footer = "#586e75"
    input = "#eee8d5 on #073642"
    mapping_forwarded = "#859900"
    mapping_renamed = "#268bd2"
    mapping_unsupported = "#dc322f"
    mapping_absent = "#586e75"
    diff_added = "#859900"
    diff_removed = "#dc322f"
    diff_changed = "#b58900"
    """

    static let nordSource = """
    # Nord (arcticicestudio's palette as #rrggbb; mapped to what the terminal has).
    # Each role is "FOREGROUND [on BACKGROUND] [bold] [dim] [underline] [reverse]"; see default.toml.
    name = "nord"

    [roles]
    text = "#d8dee9"
    dim = "#4c566a"
    border = "#4c566a"
    title = "#88c0d0 bold"
    header = "#eceff4 on #3b4252"
    label = "#81a1c1"
    value = "#e5e9f0"
    ok = "#a3be8c"
    warning = "#ebcb8b bold"
    error = "#bf616a bold"
    stale = "#4c566a"
    due = "#ebcb8b bold"
    overdue = "#eceff4 on #bf616a bold"
    selected = "#2e3440 on #88c0d0"
    selected_border = "#88c0d0 bold"
    key_hint = "#88c0d0 bold"
    countdown = "#eceff4 bold"
    dialog = "#e5e9f0 on #3b4252"
    footer = "#4c566a"
    input = "#eceff4 on #434c5e"
    mapping_forwarded = "#a3be8c"
    mapping_renamed = "#81a1c1"
    mapping_unsupported = "#bf616a"
    mapping_absent = "#4c566a"
    diff_added = "#a3be8c"
    diff_removed = "#bf616a"
    diff_changed = "#ebcb8b"
    """

    static let highContrastSource = """
    # High contrast: bright colours, bold text, reverse video for what must stand out.
    # Each role is "FOREGROUND [on BACKGROUND] [bold] [dim] [underline] [reverse]"; see default.toml.
    name = "high-contrast"

    [roles]
    text = "bright-white"
    dim = "white"
    border = "bright-white"
    title = "bright-yellow bold"
    header = "black on bright-white bold"
    label = "bright-cyan"
    value = "bright-white bold"
    ok = "bright-green bold"
    warning = "black on bright-yellow bold"
    error = "bright-white on red bold"
    stale = "white underline"
    due = "black on bright-yellow bold"
    overdue = "bright-white on red bold reverse"
    selected = "black on bright-yellow bold"
    selected_border = "bright-yellow bold"
    key_hint = "bright-yellow bold underline"
    countdown = "bright-white bold"
    dialog = "bright-white on black bold"
    footer = "bright-white"
    input = "black on bright-white"
    mapping_forwarded = "bright-green bold"
    mapping_renamed = "bright-cyan bold"
    mapping_unsupported = "bright-red bold"
    mapping_absent = "white"
    diff_added = "bright-green bold"
    diff_removed = "bright-red bold"
    diff_changed = "bright-yellow bold"
    """

    static let monochromeSource = """
    # Monochrome: no colour at all, only bold, dim, underline and reverse (what NO_COLOR gets too).
    # Each role is "FOREGROUND [on BACKGROUND] [bold] [dim] [underline] [reverse]"; see default.toml.
    name = "monochrome"

    [roles]
    text = "default"
    dim = "default dim"
    border = "default dim"
    title = "default bold"
    header = "default reverse"
    label = "default dim"
    value = "default"
    ok = "default"
    warning = "default bold"
    error = "default bold underline"
    stale = "default dim"
    due = "default bold"
    overdue = "default bold reverse"
    selected = "default reverse"
    selected_border = "default bold"
    key_hint = "default bold"
    countdown = "default bold"
    dialog = "default"
    footer = "default dim"
    input = "default underline"
    mapping_forwarded = "default"
    mapping_renamed = "default bold"
    mapping_unsupported = "default underline"
    mapping_absent = "default dim"
    diff_added = "default bold"
    diff_removed = "default underline"
    diff_changed = "default reverse"
    """

}
