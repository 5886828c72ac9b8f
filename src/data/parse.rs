//! Reading a dataset's JSON straight into the compact store, one record at a time: strings
//! without escapes are borrowed from the input and copied once, into the arena.

use std::{borrow::Cow, fmt, marker::PhantomData};

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::progress::{LoadProgress, LoadStage};
use super::{
    model::FileText,
    records::{Event, Initiative, Participant, Programme, Project},
    spellings::Spelling,
    store::Store,
};

const FIELDS: &[&str] = &[
    "$schema",
    "title",
    "description",
    "source",
    "events",
    "programmes",
    "projects",
    "initiatives",
    "participants",
    "spellings",
];

/// Reads a whole dataset into `store`.
pub struct DatasetSeed<'s> {
    pub store: &'s mut Store,
}

impl<'de> DeserializeSeed<'de> for DatasetSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_struct("Dataset", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for DatasetSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a dataset object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen: Vec<&'static str> = Vec::new();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let Some(&field) = FIELDS.iter().find(|&&f| f == key) else {
                return Err(de::Error::unknown_field(&key, FIELDS));
            };
            if seen.contains(&field) {
                return Err(de::Error::duplicate_field(field));
            }
            seen.push(field);
            match field {
                "$schema" => self.store.schema = map.next_value()?,
                "title" => self.store.title = map.next_value()?,
                "description" => self.store.description = map.next_value()?,
                "source" => self.store.source = map.next_value()?,
                "spellings" => self.store.spellings = map.next_value()?,
                "events" => map.next_value_seed(Records::<Event<FileText>>::new(
                    self.store,
                    Store::push_event::<FileText>,
                ))?,
                "programmes" => map.next_value_seed(Records::<Programme<FileText>>::new(
                    self.store,
                    Store::push_programme::<FileText>,
                ))?,
                "projects" => map.next_value_seed(Records::<Project<FileText>>::new(
                    self.store,
                    Store::push_project::<FileText>,
                ))?,
                "initiatives" => map.next_value_seed(Records::<Initiative<FileText>>::new(
                    self.store,
                    Store::push_initiative::<FileText>,
                ))?,
                _ => map.next_value_seed(Records::<Participant<FileText>>::new(
                    self.store,
                    Store::push_participant::<FileText>,
                ))?,
            }
        }
        if !seen.contains(&"title") {
            return Err(de::Error::missing_field("title"));
        }
        Ok(())
    }
}

/// Reads an array of records, pushing each into the store as soon as it is read.
struct Records<'s, T> {
    store: &'s mut Store,
    push: fn(&mut Store, &T),
    shape: PhantomData<T>,
}

impl<'s, T> Records<'s, T> {
    fn new(store: &'s mut Store, push: fn(&mut Store, &T)) -> Self {
        Self {
            store,
            push,
            shape: PhantomData,
        }
    }
}

impl<'de, T: de::Deserialize<'de>> DeserializeSeed<'de> for Records<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: de::Deserialize<'de>> Visitor<'de> for Records<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(record) = seq.next_element::<T>()? {
            (self.push)(self.store, &record);
        }
        Ok(())
    }
}

/// Files at least this large are parsed on two threads.
pub const PARALLEL_THRESHOLD: usize = 16 << 20;

/// A dataset with its collections left as raw JSON, to be parsed in parts.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset<'a> {
    #[serde(rename = "$schema", default)]
    schema: Option<String>,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    source: String,
    #[serde(borrow, default)]
    events: Vec<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    programmes: Vec<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    projects: Vec<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    initiatives: Vec<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    participants: Vec<&'a serde_json::value::RawValue>,
    #[serde(default)]
    spellings: Vec<Spelling>,
}

impl RawDataset<'_> {
    /// Moves the fields that are not record collections into `store`.
    fn top_level_into(self, store: &mut Store) {
        store.schema = self.schema;
        store.title = self.title;
        store.description = self.description;
        store.source = self.source;
        store.spellings = self.spellings;
    }
}

fn push_all<'a, T: de::Deserialize<'a>>(
    store: &mut Store,
    records: &[&'a serde_json::value::RawValue],
    push: fn(&mut Store, &T),
    progress: &LoadProgress,
) -> Option<()> {
    // Reported in batches: an atomic add per record would cost more than it tells.
    for batch in records.chunks(4096) {
        for raw in batch {
            push(store, &serde_json::from_str(raw.get()).ok()?);
        }
        progress.advance(batch.len() as u64);
    }
    Some(())
}

/// Parses a large file on two threads: one pass finds where each record starts and ends, then
/// each thread reads its share into a store of its own, and the two are joined in file order.
/// `None` when anything is wrong; the caller then parses serially, which says exactly what.
pub fn parse_in_parallel(json: &str, progress: &LoadProgress) -> Option<Store> {
    progress.begin(LoadStage::Scanning, 0);
    let raw: RawDataset = serde_json::from_str(json).ok()?;
    let records = raw.events.len()
        + raw.programmes.len()
        + raw.projects.len()
        + raw.initiatives.len()
        + raw.participants.len();
    progress.begin(LoadStage::Parsing, records as u64);
    let size = |records: &[&serde_json::value::RawValue]| {
        records.iter().map(|r| r.get().len()).sum::<usize>()
    };
    let others = size(&raw.programmes)
        + size(&raw.projects)
        + size(&raw.initiatives)
        + size(&raw.participants);
    // The first thread takes the smaller collections too, so split the events to even out.
    let target = (size(&raw.events) + others) / 2;
    let mut split = 0;
    let mut first_bytes = others;
    while split < raw.events.len() && first_bytes < target {
        first_bytes += raw.events[split].get().len();
        split += 1;
    }
    let (first, second) = raw.events.split_at(split);
    let reserve = json.len() / 4;
    let (store, later) = std::thread::scope(|scope| {
        let later = scope.spawn(move || {
            let mut store = Store::default();
            store.text.reserve(reserve);
            push_all(&mut store, second, Store::push_event::<FileText>, progress).map(|()| store)
        });
        let mut store = Store::default();
        store.text.reserve(reserve);
        let done = push_all(&mut store, first, Store::push_event::<FileText>, progress)
            .and_then(|()| {
                push_all(
                    &mut store,
                    &raw.programmes,
                    Store::push_programme::<FileText>,
                    progress,
                )
            })
            .and_then(|()| {
                push_all(
                    &mut store,
                    &raw.projects,
                    Store::push_project::<FileText>,
                    progress,
                )
            })
            .and_then(|()| {
                push_all(
                    &mut store,
                    &raw.initiatives,
                    Store::push_initiative::<FileText>,
                    progress,
                )
            })
            .and_then(|()| {
                push_all(
                    &mut store,
                    &raw.participants,
                    Store::push_participant::<FileText>,
                    progress,
                )
            });
        (done.map(|()| store), later.join().ok().flatten())
    });
    let (mut store, later) = (store?, later?);
    raw.top_level_into(&mut store);
    // The later events follow the first ones; `append` moves their positions past them. Their
    // references land after those of the smaller collections, which changes nothing: each
    // record's ties of one role still come in the order of the records that make them.
    store.append(later);
    Some(store)
}
