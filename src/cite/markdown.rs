//! A citation in Markdown: the record in bold, each quote as a block quote with its
//! paragraph, then the document and the paragraphs in a line.

use super::{Cited, Work};

/// `cited` in Markdown.
pub fn cite(work: &Work, cited: &Cited) -> String {
    let mut text = String::new();
    if let Some(heading) = &cited.heading {
        text.push_str(&format!("**{heading}**\n\n"));
    }
    for (paragraph, quote) in &cited.passages {
        text.push_str(&format!("> “{quote}” (¶{paragraph})\n>\n"));
    }
    if text.ends_with(">\n") {
        text.truncate(text.len() - 2);
        text.push('\n');
    }
    let paragraphs: Vec<String> = cited
        .passages
        .iter()
        .map(|(paragraph, _)| format!("paragraph {paragraph}"))
        .collect();
    text.push_str(&format!("— {}, {}.", work.line("*"), paragraphs.join(", ")));
    if let Some(id) = &cited.id {
        text.push_str(&format!(" Record `{id}`."));
    }
    if let Some(readings) = work.readings() {
        text.push_str(&format!(
            " In brackets, readings ({readings}): the source does not show them."
        ));
    }
    text.push('\n');
    text
}
