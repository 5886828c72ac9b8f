//! Reading a dataset's JSON straight into the compact store, one record at a time: strings
//! without escapes are borrowed from the input and copied once, into the arena.

use std::{borrow::Cow, fmt, marker::PhantomData, ops::Range};

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::{
    field_mark::FieldMark,
    kinds::{EventRow, InitiativeRow, Kind, ParticipantRow, ProgrammeRow, ProjectRow},
    pages::GiveBack,
    places::Place,
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
    "document",
    "marks",
    "events",
    "programmes",
    "projects",
    "initiatives",
    "participants",
    "spellings",
    "places",
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
                "places" => self.store.places = map.next_value()?,
                "marks" => self.store.marks = map.next_value()?,
                "document" => self.store.document = map.next_value()?,
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

/// Where a record lies in the file, in bytes.
type Span = Range<usize>;

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
    #[serde(default)]
    marks: Vec<FieldMark>,
    #[serde(borrow, default)]
    events: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    programmes: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    projects: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    initiatives: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    participants: Vec<&'a RawValue>,
    #[serde(default)]
    spellings: Vec<Spelling>,
    #[serde(default)]
    places: Vec<Place>,
}

/// A dataset read but for its records, which are known by where they lie in the file: it
/// borrows nothing, so the file's memory can be handed to the threads that read them.
struct Scanned {
    /// The file's length, in bytes.
    len: usize,
    /// How many events the first thread reads.
    split: usize,
    schema: Option<String>,
    title: String,
    description: String,
    source: String,
    marks: Vec<FieldMark>,
    spellings: Vec<Spelling>,
    places: Vec<Place>,
    events: Vec<Span>,
    programmes: Vec<Span>,
    projects: Vec<Span>,
    initiatives: Vec<Span>,
    participants: Vec<Span>,
}

impl Scanned {
    /// Checks the file's shape and finds where each record starts and ends.
    fn scan(json: &str, progress: &LoadProgress) -> Option<Self> {
        progress.begin(LoadStage::Scanning, 0);
        let raw: RawDataset = serde_json::from_str(json).ok()?;
        // Each record's place in the file: `collect` makes the list of spans in the memory of
        // the list of records, which has the same size.
        let spans = |records: Vec<&RawValue>| -> Vec<Span> {
            let base = json.as_ptr().addr();
            records
                .into_iter()
                .map(|record| {
                    let start = record.get().as_ptr().addr() - base;
                    start..start + record.get().len()
                })
                .collect()
        };
        let mut scanned = Self {
            len: json.len(),
            split: 0,
            schema: raw.schema,
            title: raw.title,
            description: raw.description,
            source: raw.source,
            marks: raw.marks,
            spellings: raw.spellings,
            places: raw.places,
            events: spans(raw.events),
            programmes: spans(raw.programmes),
            projects: spans(raw.projects),
            initiatives: spans(raw.initiatives),
            participants: spans(raw.participants),
        };
        scanned.split = scanned.even_split();
        Some(scanned)
    }

    /// How many events the first thread reads: it takes the smaller collections too, so the
    /// events are split to even out the bytes each reads.
    fn even_split(&self) -> usize {
        let size = |records: &[Span]| records.iter().map(Range::len).sum::<usize>();
        let others = size(&self.programmes)
            + size(&self.projects)
            + size(&self.initiatives)
            + size(&self.participants);
        let target = (size(&self.events) + others) / 2;
        let mut split = 0;
        let mut first_bytes = others;
        while split < self.events.len() && first_bytes < target {
            first_bytes += self.events[split].len();
            split += 1;
        }
        split
    }

    /// The file's bytes around the events: before them, the first thread's, the second
    /// thread's, and after them, as ranges that together cover `0..len`.
    fn cuts(&self) -> [Span; 4] {
        let start = self.events.first().map_or(0, |event| event.start);
        let end = self.events.last().map_or(start, |event| event.end);
        let middle = self.events.get(self.split).map_or(end, |event| event.start);
        [0..start, start..middle, middle..end, end..self.len]
    }

    /// Moves the fields that are not record collections into `store`; the spans go.
    fn top_level_into(self, store: &mut Store) {
        store.schema = self.schema;
        store.title = self.title;
        store.description = self.description;
        store.source = self.source;
        store.spellings = self.spellings;
        store.places = self.places;
        store.marks = self.marks;
    }

    /// How many records there are.
    fn records(&self) -> usize {
        self.events.len()
            + self.programmes.len()
            + self.projects.len()
            + self.initiatives.len()
            + self.participants.len()
    }
}

/// The bytes of the file that one thread reads its records from.
trait Share {
    /// The bytes of the record at `span` (a range of the file), when this share holds them.
    fn record(&self, span: &Span) -> Option<&[u8]>;

    /// Says that the records before `offset` in the file have been read and will not be again.
    fn read_to(&mut self, offset: usize);
}

/// Bytes of the file that start at `start` in it, read where they are.
#[derive(Clone, Copy)]
struct Kept<'b> {
    start: usize,
    bytes: &'b [u8],
}

impl Share for Kept<'_> {
    fn record(&self, span: &Span) -> Option<&[u8]> {
        let from = span.start.checked_sub(self.start)?;
        self.bytes.get(from..from + span.len())
    }

    fn read_to(&mut self, _: usize) {}
}

/// Bytes of the file that start at `start` in it, whose memory goes back to the system as
/// the records in them are read, in order.
struct GivenBack<'b> {
    start: usize,
    bytes: GiveBack<'b>,
}

impl Share for GivenBack<'_> {
    fn record(&self, span: &Span) -> Option<&[u8]> {
        let from = span.start.checked_sub(self.start)?;
        self.bytes.bytes().get(from..from + span.len())
    }

    fn read_to(&mut self, offset: usize) {
        self.bytes.up_to(offset.saturating_sub(self.start));
    }
}

impl<A: Share, B: Share> Share for (A, B) {
    fn record(&self, span: &Span) -> Option<&[u8]> {
        self.0.record(span).or_else(|| self.1.record(span))
    }

    fn read_to(&mut self, offset: usize) {
        self.0.read_to(offset);
        self.1.read_to(offset);
    }
}

/// Reads the records at `spans` from `share`, in order, into `store` and `rows`.
fn push_all<K: Kind>(
    (store, rows): (&mut Store, &mut Records),
    spans: &[Span],
    share: &mut impl Share,
    progress: &LoadProgress,
) -> Option<()>
where
    for<'a> K::Model<FileText<'a>>: de::Deserialize<'a>,
    Records: RowsOf<K>,
{
    // Reported in batches: an atomic add per record would cost more than it tells.
    for batch in spans.chunks(4096) {
        for span in batch {
            // The record's texts are copied into the arena: nothing borrowed outlives the push.
            let json = std::str::from_utf8(share.record(span)?).ok()?;
            let model: K::Model<FileText<'_>> = serde_json::from_str(json).ok()?;
            rows.push::<K, _>(store, &model);
        }
        progress.advance(batch.len() as u64);
        if let Some(last) = batch.last() {
            share.read_to(last.end);
        }
    }
    Some(())
}

/// Why a parse on two threads gave up.
#[derive(Debug)]
pub enum ParallelFailure {
    /// The file's shape is wrong; here is its text as it was: parse it serially to say what.
    TextIntact(String),
    /// A record is wrong, and parts of the text were given back to the system: read the file
    /// again to say what.
    TextGivenBack,
}

/// Parses a large file on two threads, leaving its text as it is: one pass finds where each
/// record starts and ends, then each thread reads its share into a store of its own, and the
/// two are joined in file order. `None` when anything is wrong; the caller then parses
/// serially, which says exactly what.
pub fn parse_in_parallel(json: &str, progress: &LoadProgress) -> Option<(Store, Records)> {
    let scanned = Scanned::scan(json, progress)?;
    let whole = Kept {
        start: 0,
        bytes: json.as_bytes(),
    };
    let parts = parse_parts(&scanned, whole, whole, progress)?;
    Some(join(scanned, parts))
}

/// [`parse_in_parallel`], taking the text and giving its memory back to the system as the
/// events are read, so the file's text and the store are never whole in memory at once; the
/// text is freed before the parts are joined.
pub fn parse_in_parallel_giving_back(
    json: String,
    progress: &LoadProgress,
) -> Result<(Store, Records), ParallelFailure> {
    let Some(scanned) = Scanned::scan(&json, progress) else {
        return Err(ParallelFailure::TextIntact(json));
    };
    // From here the text is bytes: its memory can be given back, and no `&str` borrows it but
    // a record's while it is read.
    let mut bytes = json.into_bytes();
    let [before, first, second, after] = scanned.cuts();
    let (before_bytes, rest) = bytes.split_at_mut(before.end);
    let (first_bytes, rest) = rest.split_at_mut(first.len());
    let (second_bytes, after_bytes) = rest.split_at_mut(second.len());
    // Each thread gives back the bytes of what it has read: the first reads its events and the
    // other collections, wherever they lie, in file order (see `parse_parts`); the second its
    // events.
    let given_back = |start: usize, bytes| GivenBack {
        start,
        bytes: GiveBack::new(bytes),
    };
    let first_share = (
        given_back(first.start, first_bytes),
        (
            given_back(before.start, before_bytes),
            given_back(after.start, after_bytes),
        ),
    );
    let second_share = given_back(second.start, second_bytes);
    let parts = parse_parts(&scanned, first_share, second_share, progress);
    // Everything has been read from the text: none of it is needed while the parts join.
    drop(bytes);
    let parts = parts.ok_or(ParallelFailure::TextGivenBack)?;
    Ok(join(scanned, parts))
}

/// Two stores, each with its records, read from the file in parts.
type Parts = ((Store, Records), (Store, Records));

/// Reads the records of `scanned` on two threads into a store each: the first reads the first
/// part of the events and the other collections from `first`, in file order; the second the
/// rest of the events from `second`.
fn parse_parts(
    scanned: &Scanned,
    mut first: impl Share + Send,
    mut second: impl Share + Send,
    progress: &LoadProgress,
) -> Option<Parts> {
    progress.begin(LoadStage::Parsing, scanned.records() as u64);
    let (first_events, second_events) = scanned.events.split_at(scanned.split);
    let reserve = scanned.len / 4;
    let start = || {
        let mut store = Store::default();
        store.texts.arena.reserve(reserve);
        (store, Records::default())
    };
    let (parsed, later) = std::thread::scope(|scope| {
        let later = scope.spawn(move || {
            let (mut store, mut records) = start();
            let both = (&mut store, &mut records);
            push_all::<EventRow>(both, second_events, &mut second, progress)
                .map(|()| (store, records))
        });
        let parsed = (|| {
            let (mut store, mut records) = start();
            for push in in_file_order(first_events, scanned) {
                push((&mut store, &mut records), &mut first, progress)?;
            }
            Some((store, records))
        })();
        (parsed, later.join().ok().flatten())
    });
    Some((parsed?, later?))
}

/// Reads one collection's records from a share into a store.
type PushCollection<'a, S> =
    Box<dyn FnOnce((&mut Store, &mut Records), &mut S, &LoadProgress) -> Option<()> + 'a>;

/// How the first thread reads its part of the events and every other collection: in the
/// order they lie in the file, so the text behind each can be given back once it is read.
fn in_file_order<'a, S: Share>(
    events: &'a [Span],
    scanned: &'a Scanned,
) -> Vec<PushCollection<'a, S>> {
    fn reading<'a, K: Kind, S: Share>(spans: &'a [Span]) -> (usize, PushCollection<'a, S>)
    where
        for<'m> K::Model<FileText<'m>>: de::Deserialize<'m>,
        Records: RowsOf<K>,
    {
        let start = spans.first().map_or(0, |span| span.start);
        (
            start,
            Box::new(move |both, share, progress| push_all::<K>(both, spans, share, progress)),
        )
    }
    let mut collections = vec![
        reading::<EventRow, S>(events),
        reading::<ProgrammeRow, S>(&scanned.programmes),
        reading::<ProjectRow, S>(&scanned.projects),
        reading::<InitiativeRow, S>(&scanned.initiatives),
        reading::<ParticipantRow, S>(&scanned.participants),
    ];
    collections.sort_by_key(|&(start, _)| start);
    collections.into_iter().map(|(_, push)| push).collect()
}

/// The stores read in parts joined into one, with the rest of the dataset.
fn join(
    scanned: Scanned,
    ((mut store, mut records), (later_store, later_records)): Parts,
) -> (Store, Records) {
    scanned.top_level_into(&mut store);
    // The later events follow the first ones; `append` moves their positions past them. Their
    // references land after those of the smaller collections, which changes nothing: each
    // record's ties of one role still come in the order of the records that make them.
    records.append(&mut store, later_records, later_store);
    (store, records)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dataset above the size parsed on two threads, with each thread's events large enough
    /// to be given back, and with collections both before and after the events.
    fn large_text() -> String {
        static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        TEXT.get_or_init(reordered_dataset).clone()
    }

    fn reordered_dataset() -> String {
        let mut bytes = Vec::new();
        crate::synthetic::write_json(60_000, 3, &mut bytes).expect("written to memory");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let at = |name: &str| text.find(name).expect(name);
        let (events, projects, initiatives) = (
            at("\"events\":["),
            at(",\"projects\":["),
            at(",\"initiatives\":["),
        );
        // The projects move before the events; the programmes stay after them.
        let text = format!(
            "{}{},{}{}",
            &text[..events],
            &text[projects + 1..initiatives],
            &text[events..projects],
            &text[initiatives..]
        );
        assert!(text.find("\"projects\"") < text.find("\"events\""));
        assert!(text.find("\"programmes\"") > text.find("\"events\""));
        text
    }

    #[test]
    fn giving_the_text_back_reads_what_reading_it_in_place_does() {
        let text = large_text();
        let scanned = Scanned::scan(&text, &LoadProgress::new()).expect("scanned");
        let [before, first, second, after] = scanned.cuts();
        // Every part is large enough to be given back as it is read: the first thread reads
        // the projects before its events, and the rest after them.
        let step = super::super::pages::GIVE_BACK_STEP;
        assert!(
            [&before, &first, &second, &after]
                .iter()
                .all(|part| part.len() > 2 * step)
        );
        let (store, records) = parse_in_parallel(&text, &LoadProgress::new()).expect("parsed");
        let (given_store, given_records) =
            parse_in_parallel_giving_back(text, &LoadProgress::new()).expect("parsed");
        assert_eq!(given_records.counts(), records.counts());
        assert_eq!(given_store.texts.arena.as_str(), store.texts.arena.as_str());
        assert_eq!(
            given_store.pending_text.as_str(),
            store.pending_text.as_str()
        );
        assert_eq!(given_store.title, store.title);
    }

    #[test]
    fn a_text_of_the_wrong_shape_comes_back_whole() {
        let text = large_text().replacen("\"title\"", "\"titel\"", 1);
        let Err(ParallelFailure::TextIntact(back)) =
            parse_in_parallel_giving_back(text.clone(), &LoadProgress::new())
        else {
            panic!("the scan fails with the text intact");
        };
        assert_eq!(back, text);
    }

    #[test]
    fn a_wrong_record_once_the_text_is_given_back_says_so() {
        let text = large_text();
        let kind = "\"kind\":\"coordination_meeting\"";
        let at = text.rfind(kind).expect("a meeting");
        let text = format!(
            "{}\"kind\":\"meeting\"{}",
            &text[..at],
            &text[at + kind.len()..]
        );
        assert!(matches!(
            parse_in_parallel_giving_back(text, &LoadProgress::new()),
            Err(ParallelFailure::TextGivenBack)
        ));
    }
}
