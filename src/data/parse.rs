//! Reading a dataset's JSON straight into the compact store, one record at a time: strings
//! without escapes are borrowed from the input and copied once, into the arena.

use std::{borrow::Cow, fmt, marker::PhantomData};

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{
    kinds::{EventRow, InitiativeRow, Kind, ParticipantRow, ProgrammeRow, ProjectRow},
    pages::GiveBack,
    progress::{LoadProgress, LoadStage},
    records::{Records, RowsOf},
    spellings::Spelling,
    store::Store,
    text::FileText,
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

/// Reads a whole dataset into `store` and `records`.
pub struct DatasetSeed<'s> {
    /// Where its texts, ties and references go.
    pub store: &'s mut Store,
    /// Where its rows go.
    pub records: &'s mut Records,
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
                "events" => {
                    map.next_value_seed(RecordList::<EventRow>::new(self.store, self.records))?
                }
                "programmes" => {
                    map.next_value_seed(RecordList::<ProgrammeRow>::new(self.store, self.records))?
                }
                "projects" => {
                    map.next_value_seed(RecordList::<ProjectRow>::new(self.store, self.records))?
                }
                "initiatives" => {
                    map.next_value_seed(RecordList::<InitiativeRow>::new(self.store, self.records))?
                }
                _ => map
                    .next_value_seed(RecordList::<ParticipantRow>::new(self.store, self.records))?,
            }
        }
        if !seen.contains(&"title") {
            return Err(de::Error::missing_field("title"));
        }
        Ok(())
    }
}

/// Reads an array of records of kind `K`, taking each in as soon as it is read.
struct RecordList<'s, K> {
    store: &'s mut Store,
    records: &'s mut Records,
    kind: PhantomData<K>,
}

impl<'s, K> RecordList<'s, K> {
    fn new(store: &'s mut Store, records: &'s mut Records) -> Self {
        Self {
            store,
            records,
            kind: PhantomData,
        }
    }
}

impl<'de, K: Kind> DeserializeSeed<'de> for RecordList<'_, K>
where
    K::Model<FileText<'de>>: de::Deserialize<'de>,
    Records: RowsOf<K>,
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, K: Kind> Visitor<'de> for RecordList<'_, K>
where
    K::Model<FileText<'de>>: de::Deserialize<'de>,
    Records: RowsOf<K>,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(record) = seq.next_element::<K::Model<FileText<'de>>>()? {
            self.records.push::<K, _>(self.store, &record);
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

fn push_all<'a, K: Kind>(
    (store, rows): (&mut Store, &mut Records),
    records: &[&'a serde_json::value::RawValue],
    progress: &LoadProgress,
    mut give_back: Option<GiveBack<'_>>,
) -> Option<()>
where
    K::Model<FileText<'a>>: de::Deserialize<'a>,
    Records: RowsOf<K>,
{
    // Reported in batches: an atomic add per record would cost more than it tells.
    for batch in records.chunks(4096) {
        for raw in batch {
            let model: K::Model<FileText<'a>> = serde_json::from_str(raw.get()).ok()?;
            rows.push::<K, _>(store, &model);
        }
        progress.advance(batch.len() as u64);
        if let (Some(give_back), Some(last)) = (&mut give_back, batch.last()) {
            give_back.past(last.get());
        }
    }
    Some(())
}

/// Why a parse on two threads gave up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParallelFailure {
    /// The text is as it was: parse it again serially to say what is wrong.
    TextIntact,
    /// Parts of the text were given back to the system: read the file again first.
    TextGivenBack,
}

/// Gives back the pages of a run of records as they are read, when asked to.
fn giving_back<'t>(
    json: &'t str,
    records: &[&serde_json::value::RawValue],
    wanted: bool,
) -> Option<GiveBack<'t>> {
    let first = records.first()?.get();
    let from = (first.as_ptr() as usize).checked_sub(json.as_ptr() as usize)?;
    // SAFETY: the records of a run lie end to end in `json` with only separators between them
    // and are read once, in order, by the one thread that gives them back; the caller of
    // `parse_in_parallel` with `give_back` promised `json` is not read again and is freed as
    // bytes (see `ParallelFailure::TextGivenBack`).
    (wanted && from <= json.len()).then(|| unsafe { GiveBack::new(json, from) })
}

/// Parses a large file on two threads: one pass finds where each record starts and ends, then
/// each thread reads its share into a store of its own, and the two are joined in file order.
/// With `give_back`, the memory of the events' text is given back to the system as they are
/// read, so the file's text and the store are never whole in memory at once; `json` must then
/// not be read again whatever the outcome. An error when anything is wrong; the caller then
/// parses serially, which says exactly what.
pub fn parse_in_parallel(
    json: &str,
    give_back: bool,
    progress: &LoadProgress,
) -> Result<(Store, Records), ParallelFailure> {
    let failed = if give_back {
        ParallelFailure::TextGivenBack
    } else {
        ParallelFailure::TextIntact
    };
    parse_parts(json, give_back, progress).ok_or(failed)
}

fn parse_parts(json: &str, give_back: bool, progress: &LoadProgress) -> Option<(Store, Records)> {
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
    let start = || {
        let mut store = Store::default();
        store.texts.arena.reserve(reserve);
        (store, Records::default())
    };
    let (parsed, later) = std::thread::scope(|scope| {
        let later = scope.spawn(move || {
            let (mut store, mut records) = start();
            let give_back = giving_back(json, second, give_back);
            push_all::<EventRow>((&mut store, &mut records), second, progress, give_back)
                .map(|()| (store, records))
        });
        let (mut store, mut records) = start();
        let give_back = giving_back(json, first, give_back);
        let both = (&mut store, &mut records);
        let done = push_all::<EventRow>(both, first, progress, give_back)
            .and_then(|()| {
                let both = (&mut store, &mut records);
                push_all::<ProgrammeRow>(both, &raw.programmes, progress, None)
            })
            .and_then(|()| {
                let both = (&mut store, &mut records);
                push_all::<ProjectRow>(both, &raw.projects, progress, None)
            })
            .and_then(|()| {
                let both = (&mut store, &mut records);
                push_all::<InitiativeRow>(both, &raw.initiatives, progress, None)
            })
            .and_then(|()| {
                let both = (&mut store, &mut records);
                push_all::<ParticipantRow>(both, &raw.participants, progress, None)
            });
        (done.map(|()| (store, records)), later.join().ok().flatten())
    });
    let ((mut store, mut records), (later_store, later_records)) = (parsed?, later?);
    raw.top_level_into(&mut store);
    if give_back {
        // Everything has been read from the text: none of it is needed while the parts join.
        // SAFETY: the caller promised `json` is not read again and is freed as bytes.
        unsafe { GiveBack::new(json, 0) }.up_to(json.len());
    }
    // The later events follow the first ones; `append` moves their positions past them. Their
    // references land after those of the smaller collections, which changes nothing: each
    // record's ties of one role still come in the order of the records that make them.
    records.append(&mut store, later_records, later_store);
    Some((store, records))
}
