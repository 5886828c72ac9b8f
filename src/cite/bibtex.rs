//! A citation as a BibTeX entry: the document as a `@misc` entry, the paragraphs and their
//! verbatim quotes in its note, what the source does not show bracketed and said so.

use super::{Cited, Work};

/// `text` with what BibTeX reads as syntax written as LaTeX escapes.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            c => out.push(c),
        }
    }
    out
}

/// `cited` as a BibTeX entry.
pub fn cite(work: &Work, cited: &Cited) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if let Some(author) = &work.author {
        // Double braces: a body's name, not a person's to be split into given and family.
        fields.push(("author", format!("{{{}}}", escaped(&author.bracketed()))));
    }
    fields.push(("title", format!("{{{}}}", escaped(&work.title.bracketed()))));
    if let Some((part, (year, month, _))) = &work.date {
        let year = if part.reading {
            format!("[{year}]")
        } else {
            year.to_string()
        };
        fields.push(("year", year));
        if let Some(month) = month {
            fields.push(("month", month.to_string()));
        }
    }
    if let Some(place) = &work.place {
        fields.push(("address", escaped(&place.bracketed())));
    }
    if let Some(url) = &work.url {
        fields.push(("url", escaped(&url.text)));
    }
    if let Some(language) = &work.language {
        fields.push(("language", escaped(&language.text)));
    }
    fields.push(("note", cited.note(work, escaped)));
    let mut entry = format!("@misc{{{},\n", cited.key());
    for (name, value) in fields {
        entry.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    entry.push_str("}\n");
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_bibtex_reads_as_syntax_is_escaped() {
        assert_eq!(
            escaped("a & b {c} 50% $1 #2 x_y"),
            r"a \& b \{c\} 50\% \$1 \#2 x\_y"
        );
        assert_eq!(escaped(r"\ ^ ~"), r"\textbackslash{} \^{} \~{}");
    }
}
