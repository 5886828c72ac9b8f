//! The checks on one tie's details, run as its reference is resolved: a kind its field allows,
//! a document only where the kind names one, and quotes that are verbatim in the source and in
//! a paragraph one of the tie's two records cites, so every tie can be traced like a record.

use super::{
    parts::Parts,
    problems::Problems,
    record::{RecordRef, Role},
    tie::{TieKind, TieRow},
};
use crate::plural::counted;

/// Checks the details of the tie at `path` from `from` to `target`.
pub(super) fn check_tie(
    parts: &Parts<'_>,
    path: &str,
    role: Role,
    (from, target): (RecordRef, RecordRef),
    tie: &TieRow,
    problems: &mut Problems,
) {
    check_kind(parts, path, role, tie, problems);
    check_quotes(parts, path, (from, target), tie, problems);
}

/// The kind its field allows, the document its kind needs, a reading that says something.
fn check_kind(parts: &Parts<'_>, path: &str, role: Role, tie: &TieRow, problems: &mut Problems) {
    let allowed = TieKind::allowed(role);
    let field = role.stored_field();
    if tie.has_kind && allowed.is_empty() {
        problems.add(
            format!("{path}.kind"),
            format!("`{field}` says what the tie is: give it no kind"),
        );
    } else if tie.has_kind && !allowed.contains(&tie.kind) {
        let names: Vec<&str> = allowed.iter().map(|kind| kind.name()).collect();
        problems.add(
            format!("{path}.kind"),
            format!(
                "`{}` is not a kind of tie in `{field}`; expected one of: {}",
                tie.kind.name(),
                names.join(", ")
            ),
        );
    }
    let store = parts.store;
    if tie.document.is_some() && tie.kind != TieKind::IncludedInDocument {
        problems.add(
            format!("{path}.document"),
            "only an `included_in_document` tie names a document",
        );
    }
    if tie.kind == TieKind::IncludedInDocument && !tie.document.is_some() {
        problems.add(
            format!("{path}.document"),
            "an `included_in_document` tie names the document it was included in",
        );
    }
    if tie.reading.is_some() && store.texts.arena.get(tie.reading).trim().is_empty() {
        problems.add(format!("{path}.reading"), "the reading is empty");
    }
}

/// At least one quote, each verbatim in the source, in a paragraph one of the two records
/// cites.
fn check_quotes(
    parts: &Parts<'_>,
    path: &str,
    (from, target): (RecordRef, RecordRef),
    tie: &TieRow,
    problems: &mut Problems,
) {
    let store = parts.store;
    if tie.sources.count == 0 {
        problems.add(
            format!("{path}.sources"),
            "a tie given as an object quotes the source: at least one citation (give a bare id \
             for a tie you cannot quote)",
        );
    }
    let paragraphs: Vec<u32> = parts
        .cited(from)
        .into_iter()
        .chain(parts.cited(target))
        .collect();
    for (n, citation) in store.texts.rows(tie.sources).iter().enumerate() {
        let here = format!("{path}.sources[{n}]");
        let quote = store.texts.arena.get(citation.quote);
        if quote.trim().is_empty() {
            problems.add(format!("{here}.quote"), "the quote is empty");
            continue;
        }
        if !paragraphs.contains(&citation.paragraph) {
            problems.add(
                format!("{here}.paragraph"),
                format!(
                    "paragraph {} is cited by neither of the tie's records",
                    citation.paragraph
                ),
            );
        }
        let Some(source) = parts.source else {
            continue;
        };
        match source.paragraph(citation.paragraph) {
            None => problems.add(
                format!("{here}.paragraph"),
                format!(
                    "the source has {}, found {}",
                    counted(source.paragraph_count(), "paragraph"),
                    citation.paragraph
                ),
            ),
            Some(paragraph) if !paragraph.contains(quote) => problems.add(
                format!("{here}.quote"),
                format!(
                    "the quote is not verbatim in paragraph {}",
                    citation.paragraph
                ),
            ),
            Some(_) => {}
        }
    }
}
