//! A record's fields as the outputs write them: each value its kind's [`Layout`] names, read
//! from the record or worked out from the records (a programme's sum, a project's share),
//! written in the form the entry asks for; and what every kind shows alike: the line saying
//! what it is, its ties by name, id or heading with their quotes and readings, its citations.
//! One place for all of it, so the detail pane, plain text, every export and search agree.

use std::fmt::Write;

use super::{
    catalog::{Catalog, Record},
    kinds::{
        AmountForm, DateForm, EventRow, InitiativeRow, Kind, Layout, Mark, ParticipantRow,
        PeriodForm, ProgrammeRow, ProjectRow, ShareForm, Sort, SortForm, TiedForm, Value,
    },
    record::{RecordRef, Relation, Role},
    tie::TieKind,
};
use crate::format::{format_period, format_share, format_usd, iso_period, with_aside};

/// How a short field or a column marks a tie the source does not state.
pub const READING_MARK: &str = "(a reading)";

/// A field's text: held by the catalog (and so kept as long as it), or written for the
/// moment into a scratch buffer (a date, an amount).
#[derive(Clone, Copy, Debug)]
pub enum FieldText<'c, 't> {
    /// Text the catalog holds.
    Kept(&'c str),
    /// Text written into a scratch buffer, valid while it is borrowed.
    Formatted(&'t str),
}

impl FieldText<'_, '_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        match *self {
            Self::Kept(text) => text,
            Self::Formatted(text) => text,
        }
    }
}

impl Catalog {
    /// How `record`'s kind is shown.
    pub fn layout(&self, record: RecordRef) -> &'static Layout {
        match record {
            RecordRef::Event(_) => EventRow::LAYOUT,
            RecordRef::Programme(_) => ProgrammeRow::LAYOUT,
            RecordRef::Project(_) => ProjectRow::LAYOUT,
            RecordRef::Initiative(_) => InitiativeRow::LAYOUT,
            RecordRef::Participant(_) => ParticipantRow::LAYOUT,
        }
    }

    /// `value` of `record` as its form writes it, borrowed where the catalog holds it and
    /// written into `scratch` otherwise; `None` when the record has none.
    pub fn field_text<'c, 't>(
        &'c self,
        record: RecordRef,
        value: Value,
        scratch: &'t mut String,
    ) -> Option<FieldText<'c, 't>> {
        let view = self.get(record)?;
        let kept = match value {
            Value::Id => Some(view.id()),
            Value::Title => Some(view.title()),
            Value::Text(field) => return view.text(field).map(FieldText::Kept),
            Value::Sort(form) => return view.sort(form).map(FieldText::Kept),
            Value::Fixed(words) => Some(words),
            _ => None,
        };
        if let Some(text) = kept {
            return Some(FieldText::Kept(text));
        }
        scratch.clear();
        self.write_value(record, view, value, scratch)?;
        Some(FieldText::Formatted(scratch))
    }

    /// `value` of `record` as its form writes it; `None` when the record has none.
    pub fn field_string(&self, record: RecordRef, value: Value) -> Option<String> {
        let mut scratch = String::new();
        self.field_text(record, value, &mut scratch)
            .map(|text| text.as_str().to_string())
    }

    /// Writes a value worked out from the record into `out`; `None` when it has none.
    fn write_value(
        &self,
        record: RecordRef,
        view: Record<'_>,
        value: Value,
        out: &mut String,
    ) -> Option<()> {
        let programme_of = |record| match self.get(record)? {
            Record::Programme(programme) => Some((record.index(), programme)),
            Record::Project(project) => {
                Some((project.programme(), self.programme(project.programme())?))
            }
            _ => None,
        };
        // Writing into a String cannot fail.
        let _ = match value {
            Value::Date(form) => {
                let Record::Event(event) = view else {
                    return None;
                };
                let date = event.date()?;
                match form {
                    DateForm::Iso => write!(out, "{date}"),
                    DateForm::Long => write!(out, "{}", date.long()),
                    DateForm::Both => write!(out, "{} {date}", date.long()),
                }
            }
            Value::Period(form) => {
                let own = matches!(form, PeriodForm::Own | PeriodForm::OwnIso);
                if own != matches!(view, Record::Programme(_)) {
                    return None;
                }
                let (_, programme) = programme_of(record)?;
                match form {
                    PeriodForm::Own | PeriodForm::Programme => {
                        out.push_str(&format_period(programme.period()));
                        Ok(())
                    }
                    PeriodForm::OwnIso | PeriodForm::ProgrammeIso => {
                        out.push_str(&iso_period(programme.period()));
                        Ok(())
                    }
                }
            }
            Value::Amount(form) => {
                let Record::Project(project) = view else {
                    return None;
                };
                let amount = project.amount_usd();
                match form {
                    AmountForm::Digits => write!(out, "{amount}"),
                    AmountForm::Dollars => write!(out, "{}", format_usd(amount.into())),
                }
            }
            Value::Sum(form) => {
                let RecordRef::Programme(programme) = record else {
                    return None;
                };
                let total = self.programme_total(programme);
                match form {
                    AmountForm::Digits => write!(out, "{total}"),
                    AmountForm::Dollars => write!(out, "{}", format_usd(total.into())),
                }
            }
            Value::Share(form) => {
                let Record::Project(project) = view else {
                    return None;
                };
                let total = self.programme_total(project.programme());
                let share = format_share(project.amount_usd().into(), total.into());
                match form {
                    ShareForm::Percent => write!(out, "{share}"),
                    ShareForm::OfSum => write!(out, "{share} of {}", format_usd(total.into())),
                }
            }
            Value::PlaceWithState => {
                let Record::Event(event) = view else {
                    return None;
                };
                let state = self.tied(record, Role::Country, TiedForm::Names);
                let read = self
                    .tied_name(record, Role::Country)
                    .is_some_and(|said| said.ends_with(READING_MARK));
                let mark = if read {
                    format!(" {READING_MARK}")
                } else {
                    String::new()
                };
                match (event.place(), state.is_empty()) {
                    // The place is the source's; only the country is read: the mark says so.
                    (Some(place), false)
                        if place != state && !place.ends_with(&format!(", {state}")) =>
                    {
                        match read {
                            true => write!(out, "{place}, {state} (the country is a reading)"),
                            false => write!(out, "{place}, {state}"),
                        }
                    }
                    (Some(place), _) => write!(out, "{place}"),
                    (None, false) => write!(out, "{state}{mark}"),
                    (None, true) => return None,
                }
            }
            Value::Tied(role, form) => {
                out.push_str(&self.tied_said(record, role, form));
                Ok(())
            }
            Value::Id | Value::Title | Value::Text(_) | Value::Sort(_) | Value::Fixed(_) => {
                return None;
            }
        };
        Some(())
    }

    /// The line under a record's title that says what it is, the noun and the sort joined by
    /// `between` (`event · summit`).
    pub fn what_it_is(&self, record: RecordRef, between: &str) -> String {
        let what = self.layout(record).what;
        let sort = what.sort.and_then(|form| self.get(record)?.sort(form));
        match (what.noun, sort) {
            (Some(noun), Some(sort)) => format!("{noun}{between}{sort}"),
            (Some(only), None) | (None, Some(only)) => only.to_string(),
            (None, None) => String::new(),
        }
    }

    /// The ids or the names of the records `record` is tied to as `role`, `; ` between.
    pub fn tied(&self, record: RecordRef, role: Role, form: TiedForm) -> String {
        let named: Vec<&str> = self
            .relations(record)
            .iter()
            .filter(|relation| relation.role == role)
            .filter_map(|relation| match form {
                TiedForm::Ids => self.get(relation.target).map(|view| view.id()),
                TiedForm::Names => Some(self.title(relation.target)),
            })
            .collect();
        named.join("; ")
    }

    /// How `value` of `record` is marked where it is not the source's own statement.
    pub fn mark(&self, record: RecordRef, value: Value) -> Option<Mark> {
        value.mark(self.layout(record))
    }

    /// The name of the first record `record` is tied to as `role`, marked ` (a reading)` when
    /// the source does not state the tie: what a short field or a column shows of it.
    pub fn tied_name(&self, record: RecordRef, role: Role) -> Option<String> {
        let relation = self.relations(record).iter().find(|r| r.role == role)?;
        let name = self.title(relation.target);
        Some(match self.tie_readings(record, &relation).is_empty() {
            true => name.to_string(),
            false => format!("{name} {READING_MARK}"),
        })
    }

    /// The ids or the names of the records `record` is tied to as `role`, `; ` between, each
    /// saying what it is not shown by the column's name: its kind of tie, where the field
    /// holds several kinds (`Kazakhstan [supports]`), and that it is a reading, where it is.
    pub fn tied_said(&self, record: RecordRef, role: Role, form: TiedForm) -> String {
        let stored = if role.is_stored() {
            role
        } else {
            role.reverse()
        };
        let kinds = !TieKind::allowed(stored).is_empty();
        let said: Vec<String> = self
            .relations(record)
            .iter()
            .filter(|relation| relation.role == role)
            .filter_map(|relation| {
                let named = match form {
                    TiedForm::Ids => self.get(relation.target)?.id(),
                    TiedForm::Names => self.title(relation.target),
                };
                let mut tags = Vec::new();
                if kinds {
                    tags.push(self.tie_kind_of(relation.detail).name());
                }
                if !self.tie_readings(record, &relation).is_empty() {
                    tags.push("a reading");
                }
                Some(match tags.is_empty() {
                    true => named.to_string(),
                    false => format!("{named} [{}]", tags.join(", ")),
                })
            })
            .collect();
        said.join("; ")
    }

    /// The paragraphs a record cites, as "3; 6".
    pub fn cited_paragraphs(&self, record: RecordRef) -> String {
        let mut numbers: Vec<u32> = self.get(record).map_or_else(Vec::new, |view| {
            view.sources().iter().map(|c| c.paragraph).collect()
        });
        numbers.dedup();
        let numbers: Vec<String> = numbers.iter().map(u32::to_string).collect();
        numbers.join("; ")
    }

    /// The quotes a record cites, in order.
    pub fn quotes(&self, record: RecordRef) -> Vec<&str> {
        self.get(record).map_or_else(Vec::new, |view| {
            view.sources()
                .iter()
                .map(|citation| citation.quote)
                .collect()
        })
    }

    /// The citations of a record, one each: `¶3 “quote”`.
    pub fn citation_lines(&self, record: RecordRef) -> Vec<String> {
        self.get(record).map_or_else(Vec::new, |view| {
            view.sources()
                .iter()
                .map(|citation| format!("¶{} “{}”", citation.paragraph, citation.quote))
                .collect()
        })
    }

    /// Each of a record's ties in full: "Supported at: 32nd Islamic Conference of Foreign
    /// Ministers ¶6 “participants of the 32nd … supported Kazakhstan’s initiative”", then
    /// each reading it rests on.
    pub fn quoted_ties(&self, record: RecordRef) -> Vec<String> {
        self.relations(record)
            .iter()
            .map(|relation| {
                let mut line = format!(
                    "{}: {}",
                    self.tie_heading(record, &relation),
                    self.title(relation.target)
                );
                for citation in self.tie_quotes(record, &relation) {
                    line.push_str(&format!(" ¶{} “{}”", citation.paragraph, citation.quote));
                }
                for reading in self.tie_readings(record, &relation) {
                    line = with_aside(&line, &format!("reading: {reading}"));
                }
                line
            })
            .collect()
    }

    /// Each of a record's ties as "Supported at: 32nd Islamic Conference of Foreign Ministers
    /// (¶6)": named by its kind, with the paragraphs of its quotes and its reading marked.
    pub fn labelled_ties(&self, record: RecordRef) -> Vec<String> {
        self.relations(record)
            .iter()
            .map(|relation| {
                let heading = self.tie_heading(record, &relation);
                let name = self.title(relation.target);
                let mut marks: Vec<String> = self
                    .tie_quotes(record, &relation)
                    .iter()
                    .map(|citation| format!("¶{}", citation.paragraph))
                    .collect();
                marks.dedup();
                if !self.tie_readings(record, &relation).is_empty() {
                    marks.push("a reading".into());
                }
                if marks.is_empty() {
                    format!("{heading}: {name}")
                } else {
                    with_aside(&format!("{heading}: {name}"), &marks.join(", "))
                }
            })
            .collect()
    }

    /// The quotes and readings a tie rests on, each a line naming the record at its other
    /// end: `Kazakhstan: ¶3 “…”`, `Kazakhstan: reading: …`.
    pub fn tie_evidence(&self, record: RecordRef, relation: &Relation) -> Vec<String> {
        let name = self.title(relation.target);
        let quotes = self
            .tie_quotes(record, relation)
            .into_iter()
            .map(|c| format!("{name}: ¶{} “{}”", c.paragraph, c.quote));
        let readings = self
            .tie_readings(record, relation)
            .into_iter()
            .map(|reading| format!("{name}: reading: {reading}"));
        quotes.chain(readings).collect()
    }
}

impl<'a> Record<'a> {
    /// The record's sort as `form` writes it, for kinds that have sorts.
    pub fn sort(self, form: SortForm) -> Option<&'static str> {
        match self {
            Self::Event(event) => Some(event.kind().written(form)),
            Self::Initiative(initiative) => Some(initiative.kind().written(form)),
            Self::Participant(participant) => Some(participant.kind().written(form)),
            Self::Programme(_) | Self::Project(_) => None,
        }
    }

    /// The text field named `field`, when the kind has one and this record gives it.
    pub fn text(self, field: &str) -> Option<&'a str> {
        match self {
            Self::Event(r) => r.text(field),
            Self::Programme(r) => r.text(field),
            Self::Project(r) => r.text(field),
            Self::Initiative(r) => r.text(field),
            Self::Participant(r) => r.text(field),
        }
    }
}
