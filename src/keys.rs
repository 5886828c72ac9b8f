//! The key table: what the help overlay lists and the README repeats.

/// A group of keys in the help overlay.
pub struct KeySection {
    /// The section heading.
    pub title: &'static str,
    /// Each entry: the keys, and what they do.
    pub keys: &'static [(&'static str, &'static str)],
}

/// Every key the explorer understands, by context.
pub const KEY_SECTIONS: &[KeySection] = &[
    KeySection {
        title: "Tabs",
        keys: &[
            (
                "1 2 3 4",
                "go to Timeline, Funding, Initiatives, Participants",
            ),
            ("Tab  ]", "next tab"),
            ("Shift-Tab  [", "previous tab"),
            ("click a title", "go to that tab"),
        ],
    },
    KeySection {
        title: "Moving in a list",
        keys: &[
            ("j  ↓", "next record"),
            ("k  ↑", "previous record"),
            ("g  Home", "first record"),
            ("G  End", "last record"),
            ("PgDn  Ctrl-d", "one page down"),
            ("PgUp  Ctrl-u", "one page up"),
            ("J  Shift-↓", "scroll the detail pane down"),
            ("K  Shift-↑", "scroll the detail pane up"),
            (
                "click  wheel",
                "select a row; scroll the pane under the pointer",
            ),
        ],
    },
    KeySection {
        title: "Links and history",
        keys: &[
            ("l  →  Enter", "move into the detail pane's links"),
            ("j  k  g  G", "pick a link, while the links have the focus"),
            (
                "Enter  click",
                "follow the link: go to that record in its tab",
            ),
            ("h  ←  Esc", "back from the links to the list"),
            ("Backspace  Alt-←", "go back to where you were"),
            ("Alt-→", "go forward again"),
        ],
    },
    KeySection {
        title: "Views",
        keys: &[
            ("s", "the record's source paragraphs, quotes highlighted"),
            ("f", "Timeline: one kind of event at a time, then all"),
            (
                "o",
                "Funding: sort by amount, by name, or as the source lists",
            ),
            ("c", "Funding: show or hide the totals by category"),
            ("y", "copy the record's citation (OSC 52, works over SSH)"),
            ("Y", "copy the command line that reopens this view"),
        ],
    },
    KeySection {
        title: "Search",
        keys: &[
            ("/", "search all four tabs"),
            (
                "type",
                "fuzzy, typo-tolerant; capitals make it case-sensitive",
            ),
            ("↓ ↑  Ctrl-n/p", "choose a result"),
            ("Enter", "go to the chosen result"),
            ("Ctrl-u  Ctrl-w", "clear the query; delete a word"),
            ("Esc", "cancel the search"),
            ("n  N", "after a search: next / previous result"),
            (
                "'w ^w w$ !w",
                "a word exactly, at the start, at the end, or not at all",
            ),
        ],
    },
    KeySection {
        title: "Anywhere",
        keys: &[
            ("?  F1", "this help (j/k scroll it)"),
            ("Esc", "close an overlay or cancel; never quits"),
            ("q", "quit (in the search prompt q is a letter)"),
            ("Ctrl-C", "quit from anywhere"),
            ("Ctrl-Z", "suspend to the shell; fg brings it back"),
        ],
    },
];

/// The key table as Markdown, as the README shows it.
pub fn key_table_markdown() -> String {
    let mut table = String::from("| Keys | What they do |\n|---|---|\n");
    for section in KEY_SECTIONS {
        table.push_str(&format!("| **{}** | |\n", section.title));
        for (keys, what) in section.keys {
            table.push_str(&format!("| `{keys}` | {what} |\n"));
        }
    }
    table
}
