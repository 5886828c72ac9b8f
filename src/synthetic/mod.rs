//! A synthetic dataset of any size, for benchmarks and tests at scale: valid (it passes
//! `check`), deterministic for a given size and seed, with realistic text lengths, varied
//! words and dense references between records.

use std::io::{self, Write};

mod spelled;
mod words;

pub use spelled::{SPELLED_PLACE, spelled_place, spelling_name};

use crate::data::{
    Dataset, Degrees, Event, EventKind, Initiative, InitiativeKind, Participant, ParticipantKind,
    Period, Place, Precision, Programme, Project, TieRef,
};
use crate::plural::counted;
use words::{Random, WORDS, citation, date, name, note, sentence};

/// Sizes of each collection for a dataset of about `records` events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sizes {
    /// Events.
    pub events: usize,
    /// Participants.
    pub participants: usize,
    /// Initiatives.
    pub initiatives: usize,
    /// Programmes.
    pub programmes: usize,
    /// Projects.
    pub projects: usize,
}

impl Sizes {
    /// About `records` events, with a tenth as many initiatives, a twentieth as many
    /// participants, a fortieth as many projects and a programme per ten projects.
    pub fn for_records(records: usize) -> Self {
        let records = records.max(1);
        let projects = (records / 40).max(1);
        Self {
            events: records,
            participants: (records / 20).max(3),
            initiatives: (records / 10).max(1),
            programmes: (projects / 10).max(1),
            projects,
        }
    }
}

/// Generates records one at a time, so a large dataset can be written without being held.
struct Generator {
    random: Random,
    sizes: Sizes,
    places: Vec<String>,
    /// Which of `places` an event was held in, so only those are given coordinates.
    used: Vec<bool>,
}

impl Generator {
    /// A generator for about `records` events from `seed`.
    pub fn new(records: usize, seed: u64) -> Self {
        let mut random = Random(seed ^ 0x6F69_632D_6578_706C);
        let places: Vec<String> = (0..500).map(|_| name(&mut random)).collect();
        Self {
            random,
            sizes: Sizes::for_records(records),
            used: vec![false; places.len()],
            places,
        }
    }

    /// How many records of each kind it makes.
    pub fn sizes(&self) -> Sizes {
        self.sizes
    }

    fn participant_id(&mut self) -> String {
        format!("p-{}", self.random.below(self.sizes.participants))
    }

    /// Event `n`.
    pub fn event(&mut self, n: usize) -> Event {
        let random = &mut self.random;
        let kind = *random.pick(&EventKind::ALL);
        let place = random.chance(80).then(|| {
            let at = random.below(self.places.len());
            if let Some(used) = self.used.get_mut(at) {
                *used = true;
            }
            self.places[at].clone()
        });
        // A state among the first participants (every seventh participant is a state).
        let country = random.chance(40).then(|| {
            format!(
                "p-{}",
                7 * random.below(self.sizes.participants.div_ceil(7))
            )
        });
        let title = format!(
            "{} {} {} of {}",
            n + 1,
            name(random),
            kind.description(),
            name(random)
        );
        let summary = sentence(random, 10, 24);
        let sources = citation(random);
        let note = note(random);
        let date = date(random);
        let mut participants: Vec<String> = (0..self.random.between(1, 5))
            .map(|_| self.participant_id())
            .collect();
        participants.sort();
        participants.dedup();
        Event {
            id: format!("ev-{n}"),
            title,
            kind,
            date,
            place,
            country: country.map(TieRef::Id),
            summary,
            participants: bare(participants),
            sources,
            note,
        }
    }

    /// Where the places events were held in lie: spread over the world from their number
    /// (never from the random stream, which the records draw on), every fiftieth left off the
    /// map, each name given once.
    pub fn places(&self) -> Vec<Place> {
        let mut given = std::collections::HashSet::new();
        self.places
            .iter()
            .zip(&self.used)
            .enumerate()
            .filter(|&(_, (name, &used))| used && given.insert(name.as_str()))
            .map(|(n, (name, _))| {
                let located = n % 50 != 49;
                // Tenths of a degree, divided last: a file writes them short and reads them
                // back exactly.
                let degrees = |step: usize, span: usize, from: i64| {
                    let tenths = i64::try_from(n * step % span).unwrap_or(0) - from;
                    located.then(|| Degrees(tenths as f64 / 10.0))
                };
                Place {
                    name: name.clone(),
                    latitude: degrees(7919, 1600, 700),
                    longitude: degrees(104_729, 3600, 1800),
                    precision: located.then_some(Precision::City),
                    note: "Synthetic coordinates, made up for benchmarks.".to_string(),
                }
            })
            .collect()
    }

    /// Participant `n`; every seventh is a state, some are bodies of an earlier organisation.
    pub fn participant(&mut self, n: usize) -> Participant {
        let random = &mut self.random;
        let kind = if n.is_multiple_of(7) {
            ParticipantKind::State
        } else {
            *random.pick(&[
                ParticipantKind::Person,
                ParticipantKind::Organisation,
                ParticipantKind::Body,
                ParticipantKind::Group,
            ])
        };
        let name = match kind {
            ParticipantKind::Person => format!("{} {}", name(random), name(random)),
            ParticipantKind::State => name(random),
            _ => format!(
                "{} {} {}",
                name(random),
                random.pick(&WORDS),
                random.pick(&["council", "union", "bank", "delegation"])
            ),
        };
        let office = (kind == ParticipantKind::Person).then(|| sentence(random, 4, 8));
        let part_of = (kind == ParticipantKind::Body && n > 1)
            .then(|| format!("p-{}", 1 + random.below(n - 1)));
        let part_of = part_of.filter(|id| id != &format!("p-{n}"));
        Participant {
            id: format!("p-{n}"),
            name,
            kind,
            office,
            part_of: part_of.map(TieRef::Id),
            represents: None,
            summary: sentence(random, 12, 30),
            sources: citation(random),
            note: note(random),
        }
    }

    /// Initiative `n`, tied to a few participants and events.
    pub fn initiative(&mut self, n: usize) -> Initiative {
        let kind = *self.random.pick(&[
            InitiativeKind::Initiative,
            InitiativeKind::Resolution,
            InitiativeKind::Proposal,
            InitiativeKind::Cooperation,
        ]);
        let title = format!(
            "{} {} on {} {}",
            kind.label(),
            n + 1,
            self.random.pick(&WORDS),
            name(&mut self.random)
        );
        let mut proposed_by: Vec<String> = (0..self.random.between(1, 2))
            .map(|_| self.participant_id())
            .collect();
        proposed_by.sort();
        proposed_by.dedup();
        let mut partners: Vec<String> = (0..self.random.below(3))
            .map(|_| self.participant_id())
            .collect();
        partners.sort();
        partners.dedup();
        let events_total = self.sizes.events;
        let mut events: Vec<String> = (0..self.random.between(1, 4))
            .map(|_| format!("ev-{}", self.random.below(events_total)))
            .collect();
        events.sort();
        events.dedup();
        let random = &mut self.random;
        Initiative {
            id: format!("init-{n}"),
            title,
            kind,
            proposed_by: bare(proposed_by),
            partners: bare(partners),
            events: bare(events),
            outcome: sentence(random, 8, 20),
            summary: sentence(random, 15, 35),
            sources: citation(random),
            note: note(random),
        }
    }

    /// Programme `n`.
    pub fn programme(&mut self, n: usize) -> Programme {
        let start = self.random.between(1970, 2020) as i32;
        let funder = self.participant_id();
        let recipient = self.participant_id();
        let random = &mut self.random;
        Programme {
            id: format!("prog-{n}"),
            title: format!(
                "{} {} programme {}",
                name(random),
                random.pick(&WORDS),
                n + 1
            ),
            period: Period {
                start,
                end: start + random.between(0, 6) as i32,
            },
            funder: Some(TieRef::Id(funder)),
            recipient: (recipient != format!("p-{n}")).then_some(TieRef::Id(recipient)),
            summary: sentence(random, 15, 30),
            sources: citation(random),
            note: note(random),
        }
    }

    /// Project `n`, in one of the programmes.
    pub fn project(&mut self, n: usize) -> Project {
        let random = &mut self.random;
        Project {
            id: format!("proj-{n}"),
            title: format!(
                "{} {} {}",
                name(random),
                random.pick(&WORDS),
                random.pick(&["highway", "institute", "centre", "fund"])
            ),
            programme: TieRef::Id(format!("prog-{}", random.below(self.sizes.programmes))),
            amount_usd: random.between(100, 50_000) as u64 * 1000,
            category: Some(
                random
                    .pick(&[
                        "roads",
                        "research institute",
                        "enterprise support",
                        "health",
                        "water",
                    ])
                    .to_string(),
            ),
            summary: sentence(random, 12, 25),
            sources: citation(random),
            note: note(random),
        }
    }
}

const DESCRIPTION: &str =
    "Generated by oic-explorer's synthetic module for benchmarks; not real data.";

fn title(records: usize, seed: u64) -> String {
    format!(
        "Synthetic dataset: {}, seed {seed}",
        counted(records, "event")
    )
}

/// A whole synthetic dataset in memory.
pub fn generate(records: usize, seed: u64) -> Dataset {
    let mut generator = Generator::new(records, seed);
    let sizes = generator.sizes();
    Dataset {
        schema: None,
        title: title(records, seed),
        description: DESCRIPTION.into(),
        source: String::new(),
        document: None,
        marks: crate::data::declared_marks(),
        events: (0..sizes.events).map(|n| generator.event(n)).collect(),
        programmes: (0..sizes.programmes)
            .map(|n| generator.programme(n))
            .collect(),
        projects: (0..sizes.projects).map(|n| generator.project(n)).collect(),
        initiatives: (0..sizes.initiatives)
            .map(|n| generator.initiative(n))
            .collect(),
        participants: (0..sizes.participants)
            .map(|n| generator.participant(n))
            .collect(),
        spellings: Vec::new(),
        places: generator.places(),
    }
}

fn write_collection<T: serde::Serialize>(
    out: &mut impl Write,
    name: &str,
    count: usize,
    mut make: impl FnMut(usize) -> T,
) -> io::Result<()> {
    write!(out, "\"{name}\":[")?;
    for n in 0..count {
        if n > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *out, &make(n)).map_err(io::Error::other)?;
    }
    out.write_all(b"]")
}

/// Writes the same dataset as [`generate`] as JSON, one record at a time.
pub fn write_json(records: usize, seed: u64, out: &mut impl Write) -> io::Result<()> {
    let mut generator = Generator::new(records, seed);
    let sizes = generator.sizes();
    let heading = serde_json::json!({
        "title": title(records, seed),
        "description": DESCRIPTION,
        "marks": crate::data::declared_marks(),
    });
    let heading = heading.to_string();
    // The heading object without its closing brace, then the collections.
    out.write_all(heading.trim_end_matches('}').as_bytes())?;
    out.write_all(b",")?;
    // The order matches `generate`, so both draw the same random numbers.
    write_collection(out, "events", sizes.events, |n| generator.event(n))?;
    out.write_all(b",")?;
    write_collection(out, "programmes", sizes.programmes, |n| {
        generator.programme(n)
    })?;
    out.write_all(b",")?;
    write_collection(out, "projects", sizes.projects, |n| generator.project(n))?;
    out.write_all(b",")?;
    write_collection(out, "initiatives", sizes.initiatives, |n| {
        generator.initiative(n)
    })?;
    out.write_all(b",")?;
    write_collection(out, "participants", sizes.participants, |n| {
        generator.participant(n)
    })?;
    out.write_all(b",")?;
    let places = generator.places();
    write_collection(out, "places", places.len(), |n| &places[n])?;
    out.write_all(b"}\n")
}

/// Ties given as bare ids, as files written before tie kinds do: the neutral kind.
fn bare(ids: Vec<String>) -> Vec<TieRef> {
    ids.into_iter().map(TieRef::Id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;

    #[test]
    fn a_generated_dataset_is_valid_and_deterministic() {
        let mut json = Vec::new();
        write_json(500, 7, &mut json).unwrap();
        let text = String::from_utf8(json).unwrap();
        let catalog = load("synthetic", &text, None).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(
            catalog.to_dataset(),
            generate(500, 7),
            "streamed and in-memory agree"
        );
        let sizes = Sizes::for_records(500);
        assert_eq!(catalog.counts().events, sizes.events);
        let mut again = Vec::new();
        write_json(500, 7, &mut again).unwrap();
        assert_eq!(text.as_bytes(), again.as_slice());
        let mut other = Vec::new();
        write_json(500, 8, &mut other).unwrap();
        assert_ne!(text.as_bytes(), other.as_slice());
    }
}
