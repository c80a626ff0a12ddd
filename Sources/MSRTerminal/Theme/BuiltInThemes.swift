/// Themes compiled into the binary, so the console starts with its default look even when no
/// themes directory can be found (an installed binary moved on its own, a broken theme file),
/// and NO_COLOR always has the monochrome attributes to fall back on.
///
/// The text is a verbatim copy of `themes/default.toml` and `themes/monochrome.toml`; a test
/// fails when they drift apart, so after editing either file, paste it here.
public enum BuiltInThemes {
    /// The source named in `Theme.source` for built-in themes.
    public static let source = "built-in"

    /// The default theme (see `themes/default.toml`).
    public static let defaultTheme: Theme = theme(named: "default", text: defaultText)

    /// The monochrome theme (see `themes/monochrome.toml`).
    public static let monochrome: Theme = theme(named: "monochrome", text: monochromeText)

    /// The built-in theme called `name`, if there is one.
    public static func named(_ name: String) -> Theme? {
        switch name {
        case "default": return defaultTheme
        case "monochrome": return monochrome
        default: return nil
        }
    }

    /// Names of the built-in themes.
    public static let names = ["default", "monochrome"]

    /// Parses a built-in theme; the tests guarantee it parses, but a plain theme is a safe
    /// answer should it not.
    private static func theme(named name: String, text: String) -> Theme {
        let empty = Theme(name: name, source: source, styles: [:])
        guard let file = try? ThemeFile.parse(text, file: "\(source) \(name) theme") else { return empty }
        return Theme(file: file, name: name, source: source, base: empty)
    }

    static let defaultText = #"""
# msr theme: default. Coloured accents on your terminal's own background and text colours, so it
# reads on dark and light terminals alike.
#
# Format (TOML): [roles] gives each UI role a style for terminals with 256 colours; [fallback]
# gives the style for terminals with only 8 or 16 colours (a role missing from [fallback] is
# derived from [roles] by nearest colour). A style is: attribute words (bold dim italic
# underline reverse), then a foreground colour, then optionally "on" and a background colour.
# A colour is a name (black red green yellow blue magenta cyan white, bright-NAME, gray), an
# index 0-255 into the xterm palette, #rrggbb, or default (the terminal's own); "plain" is no
# colour and no attribute. A colour left out keeps the one beneath: text drawn over a filled
# row keeps the row's background. With NO_COLOR set only attributes are shown: the theme's
# and the monochrome theme's. Select: --theme default, or --theme path/to/file.toml.

name = "default"
description = "Accents on the terminal's own colours; readable on dark and light backgrounds."

[roles]
background          = "plain"
header              = "bold 255 on 24"
header_accent       = "bold 220 on 24"
status              = "252 on 237"
grid_header         = "bold 32"
grid_header_sorted  = "bold underline 32"
grid_text           = "plain"
grid_alt_row        = "plain"
key_column          = "bold"
selected_row        = "bold 231 on 25"
inserted            = "231 on 28"
updated             = "16 on 178"
deleted             = "231 on 124"
number              = "30"
timestamp           = "133"
null                = "italic 244"
timeline            = "244 on 236"
timeline_activity   = "79 on 236"
timeline_label      = "250 on 236"
playhead            = "bold 16 on 220"
bookmark            = "bold 213 on 236"
loop_range          = "255 on 60"
buffer_fill         = "67 on 236"
hint                = "248 on 235"
hint_key            = "bold 220 on 235"
help                = "252 on 236"
help_key            = "bold 220 on 236"
help_title          = "bold 75 on 236"
pane_border         = "243"
pane_border_focused = "33"
pane_title          = "bold 244"
pane_title_focused  = "bold 33"
error               = "bold 231 on 160"
warning             = "bold 16 on 214"
prompt              = "bold 231 on 24"

[fallback]
background          = "plain"
header              = "bold bright-white on blue"
header_accent       = "bold bright-yellow on blue"
status              = "black on white"
grid_header         = "bold blue"
grid_header_sorted  = "bold underline blue"
grid_text           = "plain"
grid_alt_row        = "plain"
key_column          = "bold"
selected_row        = "bold bright-white on blue"
inserted            = "black on green"
updated             = "black on yellow"
deleted             = "bright-white on red"
number              = "cyan"
timestamp           = "magenta"
null                = "dim"
timeline            = "black on white"
timeline_activity   = "blue on white"
timeline_label      = "black on white"
playhead            = "bold bright-white on red"
bookmark            = "bold magenta on white"
loop_range          = "black on cyan"
buffer_fill         = "cyan on white"
hint                = "black on white"
hint_key            = "bold blue on white"
help                = "black on white"
help_key            = "bold blue on white"
help_title          = "bold red on white"
pane_border         = "plain"
pane_border_focused = "bold cyan"
pane_title          = "plain"
pane_title_focused  = "bold cyan"
error               = "bold bright-white on red"
warning             = "bold black on yellow"
prompt              = "bold bright-white on blue"
"""#

    static let monochromeText = #"""
# msr theme: monochrome. Attributes only (bold, dim, italic, underline, reverse), for terminals
# without colour and for NO_COLOR.
#
# Format (TOML): [roles] gives each UI role a style for terminals with 256 colours; [fallback]
# gives the style for terminals with only 8 or 16 colours (a role missing from [fallback] is
# derived from [roles] by nearest colour). A style is: attribute words (bold dim italic
# underline reverse), then a foreground colour, then optionally "on" and a background colour.
# A colour is a name (black red green yellow blue magenta cyan white, bright-NAME, gray), an
# index 0-255 into the xterm palette, #rrggbb, or default (the terminal's own); "plain" is no
# colour and no attribute. A colour left out keeps the one beneath: text drawn over a filled
# row keeps the row's background. With NO_COLOR set only attributes are shown: the theme's
# and the monochrome theme's. Select: --theme monochrome, or --theme path/to/file.toml.
# This theme uses no colour, so it needs no [fallback] table: every terminal shows it the same.

name = "monochrome"
description = "Attributes only, no colour: for monochrome terminals and NO_COLOR."

[roles]
background          = "plain"
header              = "bold reverse"
header_accent       = "bold underline reverse"
status              = "reverse"
grid_header         = "bold underline"
grid_header_sorted  = "bold italic underline"
grid_text           = "plain"
grid_alt_row        = "plain"
key_column          = "bold"
selected_row        = "reverse"
inserted            = "bold"
updated             = "bold underline"
deleted             = "dim italic"
number              = "plain"
timestamp           = "plain"
null                = "dim"
timeline            = "plain"
timeline_activity   = "plain"
timeline_label      = "dim"
playhead            = "bold reverse"
bookmark            = "bold"
loop_range          = "underline"
buffer_fill         = "dim"
hint                = "plain"
hint_key            = "bold"
help                = "plain"
help_key            = "bold"
help_title          = "bold underline"
pane_border         = "dim"
pane_border_focused = "bold"
pane_title          = "plain"
pane_title_focused  = "bold reverse"
error               = "bold reverse"
warning             = "bold"
prompt              = "bold reverse"
"""#
}
