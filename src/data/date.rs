//! Dates at the precision the source gives them: a year, a month, a day or a range of days.

use std::{cmp::Ordering, fmt, str::FromStr};

use chrono::{Datelike, NaiveDate};

use super::display::quoted;

/// A date at the precision the source gives it.
///
/// Written in the dataset as ISO 8601: `1995`, `1997-12`, `2006-03-01`, or an interval of days
/// `2005-09-09/2005-09-11`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(into = "String")]
pub enum EventDate {
    /// Only the year is known.
    Year(i32),
    /// The year and month are known.
    Month { year: i32, month: u32 },
    /// A single day.
    Day(NaiveDate),
    /// Several consecutive days, both ends included.
    Range { start: NaiveDate, end: NaiveDate },
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: u32) -> &'static str {
    MONTHS
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

fn short_month(month: u32) -> &'static str {
    month_name(month).get(..3).unwrap_or("?")
}

impl EventDate {
    /// The year the date falls in (the first year, for a range).
    pub fn year(&self) -> i32 {
        match *self {
            Self::Year(year) | Self::Month { year, .. } => year,
            Self::Day(day) => day.year(),
            Self::Range { start, .. } => start.year(),
        }
    }

    /// The month the date starts in, counted from year 0 (`year * 12 + month - 1`); a bare
    /// year counts as its January.
    pub fn month_key(&self) -> i64 {
        let (year, month, _) = self.start_key();
        i64::from(year) * 12 + i64::from(month.saturating_sub(1))
    }

    /// Year, month and day of the start, with 0 for the parts the source does not give.
    fn start_key(&self) -> (i32, u32, u32) {
        match *self {
            Self::Year(year) => (year, 0, 0),
            Self::Month { year, month } => (year, month, 0),
            Self::Day(day) | Self::Range { start: day, .. } => (day.year(), day.month(), day.day()),
        }
    }

    /// A compact label without the year, for a table whose rows are already labelled by year:
    /// `Dec`, `1 Mar`, `9–11 Sep`.
    pub fn label_within_year(&self) -> String {
        match *self {
            Self::Year(_) => String::new(),
            Self::Month { month, .. } => short_month(month).to_string(),
            Self::Day(day) => format!("{} {}", day.day(), short_month(day.month())),
            Self::Range { start, end }
                if start.month() == end.month() && start.year() == end.year() =>
            {
                format!(
                    "{}–{} {}",
                    start.day(),
                    end.day(),
                    short_month(start.month())
                )
            }
            Self::Range { start, end } => format!(
                "{} {}–{} {}",
                start.day(),
                short_month(start.month()),
                end.day(),
                short_month(end.month())
            ),
        }
    }

    /// The width in cells of [`Self::label_within_year`], without building it: a list works
    /// out its date column's width from every event once.
    pub fn label_within_year_width(&self) -> usize {
        let digits = |day: u32| if day >= 10 { 2 } else { 1 };
        const MONTH: usize = 3;
        match *self {
            Self::Year(_) => 0,
            Self::Month { .. } => MONTH,
            Self::Day(day) => digits(day.day()) + 1 + MONTH,
            Self::Range { start, end }
                if start.month() == end.month() && start.year() == end.year() =>
            {
                digits(start.day()) + 1 + digits(end.day()) + 1 + MONTH
            }
            Self::Range { start, end } => {
                digits(start.day()) + 1 + MONTH + 1 + digits(end.day()) + 1 + MONTH
            }
        }
    }

    /// The date written out in full: `December 1997`, `9–11 September 2005`.
    pub fn long_label(&self) -> String {
        self.long().to_string()
    }

    /// The date written out in full, without allocating: for writing into a buffer.
    pub fn long(&self) -> LongDate {
        LongDate(*self)
    }
}

/// An [`EventDate`] written out in full: `December 1997`, `9–11 September 2005`.
#[derive(Clone, Copy, Debug)]
pub struct LongDate(EventDate);

impl fmt::Display for LongDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            EventDate::Year(year) => write!(f, "{year}"),
            EventDate::Month { year, month } => write!(f, "{} {year}", month_name(month)),
            EventDate::Day(day) => write!(
                f,
                "{} {} {}",
                day.day(),
                month_name(day.month()),
                day.year()
            ),
            EventDate::Range { start, end } if start.year() != end.year() => write!(
                f,
                "{} {} {} – {} {} {}",
                start.day(),
                month_name(start.month()),
                start.year(),
                end.day(),
                month_name(end.month()),
                end.year()
            ),
            EventDate::Range { start, end } if start.month() != end.month() => write!(
                f,
                "{} {} – {} {} {}",
                start.day(),
                month_name(start.month()),
                end.day(),
                month_name(end.month()),
                end.year()
            ),
            EventDate::Range { start, end } => write!(
                f,
                "{}–{} {} {}",
                start.day(),
                end.day(),
                month_name(start.month()),
                start.year()
            ),
        }
    }
}

impl Ord for EventDate {
    /// Chronological by start; a less precise date comes before a more precise one in the same
    /// period, and a shorter range before a longer one.
    fn cmp(&self, other: &Self) -> Ordering {
        let end = |date: &Self| match *date {
            Self::Range { end, .. } => Some(end),
            _ => None,
        };
        self.start_key()
            .cmp(&other.start_key())
            .then_with(|| end(self).cmp(&end(other)))
    }
}

impl PartialOrd for EventDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for EventDate {
    /// The ISO 8601 form the dataset uses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Year(year) => write!(f, "{year:04}"),
            Self::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Self::Day(day) => write!(f, "{:04}-{:02}-{:02}", day.year(), day.month(), day.day()),
            Self::Range { start, end } => write!(
                f,
                "{:04}-{:02}-{:02}/{:04}-{:02}-{:02}",
                start.year(),
                start.month(),
                start.day(),
                end.year(),
                end.month(),
                end.day()
            ),
        }
    }
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

const DATE_FORMS: &str = "a date is written YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD, \
    like 1995, 1997-12, 2006-03-01 or 2005-09-09/2005-09-11";

/// `{whole}` is not a date as the dataset writes one.
fn not_a_date(whole: &str) -> DateError {
    DateError(format!("{} is not a date: {DATE_FORMS}", quoted(whole)))
}

fn parse_number(part: &str, digits: usize, whole: &str) -> Result<u32, DateError> {
    if part.len() != digits || !part.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(not_a_date(whole));
    }
    part.parse().map_err(|_| not_a_date(whole))
}

fn parse_day(text: &str, whole: &str) -> Result<NaiveDate, DateError> {
    let mut parts = text.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(not_a_date(whole));
    };
    let year = parse_number(year, 4, whole)?;
    let month = parse_number(month, 2, whole)?;
    let day = parse_number(day, 2, whole)?;
    // Four digits always fit in an i32.
    NaiveDate::from_ymd_opt(year as i32, month, day)
        .ok_or_else(|| DateError(format!("the date {} does not exist", quoted(text))))
}

impl FromStr for EventDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Some((start, end)) = text.split_once('/') {
            let start = parse_day(start, text)?;
            let end = parse_day(end, text)?;
            return match start.cmp(&end) {
                Ordering::Less => Ok(Self::Range { start, end }),
                Ordering::Equal => Ok(Self::Day(start)),
                Ordering::Greater => Err(DateError(format!(
                    "the range {} ends before it starts",
                    quoted(text)
                ))),
            };
        }
        match text.split('-').count() {
            1 => Ok(Self::Year(parse_number(text, 4, text)? as i32)),
            2 => {
                let (year, month) = text.split_once('-').unwrap_or_default();
                let year = parse_number(year, 4, text)? as i32;
                let month = parse_number(month, 2, text)?;
                if !(1..=12).contains(&month) {
                    return Err(DateError(format!(
                        "the month in {} does not exist",
                        quoted(text)
                    )));
                }
                Ok(Self::Month { year, month })
            }
            _ => parse_day(text, text).map(Self::Day),
        }
    }
}

impl schemars::JsonSchema for EventDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EventDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date at the precision the source gives: a year (1995), a month \
                (1997-12), a day (2006-03-01) or a range of days (2005-09-09/2005-09-11).",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?)?)?$",
            "examples": ["1995", "1997-12", "2006-03-01", "2005-09-09/2005-09-11"]
        })
    }
}

impl<'de> serde::Deserialize<'de> for EventDate {
    /// Reads the ISO form from a borrowed string, without allocating.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl serde::de::Visitor<'_> for DateVisitor {
            type Value = EventDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a date in double quotes, like \"1995\", \"1997-12\", \"2006-03-01\" or \
                     \"2005-09-09/2005-09-11\"",
                )
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<EventDate, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

impl TryFrom<String> for EventDate {
    type Error = DateError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<EventDate> for String {
    fn from(date: EventDate) -> Self {
        date.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> EventDate {
        text.parse().unwrap()
    }

    #[test]
    fn parses_every_precision_and_writes_it_back() {
        for text in ["1995", "1997-12", "2006-03-01", "2005-09-09/2005-09-11"] {
            assert_eq!(date(text).to_string(), text);
        }
    }

    #[test]
    fn the_label_width_is_the_width_of_the_label() {
        for text in [
            "1995",
            "1997-12",
            "2006-03-01",
            "2006-03-21",
            "2005-09-09/2005-09-11",
            "2005-09-29/2005-10-02",
            "2005-12-31/2006-01-01",
        ] {
            let date = date(text);
            assert_eq!(
                date.label_within_year_width(),
                date.label_within_year().chars().count(),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        for text in [
            "2005-02-30",
            "2005-13",
            "2005-00",
            "2005-9",
            "95",
            "",
            "2005-09-11/2005-09-09",
            "x",
            "2005-01-01/2005-01-32",
            "+2005",
        ] {
            assert!(text.parse::<EventDate>().is_err(), "{text:?} was accepted");
        }
    }

    #[test]
    fn leap_days_are_checked() {
        assert!("2004-02-29".parse::<EventDate>().is_ok());
        assert!("2005-02-29".parse::<EventDate>().is_err());
    }

    #[test]
    fn labels_read_naturally() {
        assert_eq!(date("1997-12").label_within_year(), "Dec");
        assert_eq!(date("2006-03-01").label_within_year(), "1 Mar");
        assert_eq!(
            date("2005-09-09/2005-09-11").label_within_year(),
            "9–11 Sep"
        );
        assert_eq!(
            date("2005-09-29/2005-10-02").label_within_year(),
            "29 Sep–2 Oct"
        );
        assert_eq!(
            date("2005-09-09/2005-09-11").long_label(),
            "9–11 September 2005"
        );
        assert_eq!(date("1997-12").long_label(), "December 1997");
        assert_eq!(date("1995").label_within_year(), "");
    }

    #[test]
    fn orders_chronologically_with_less_precise_first() {
        let mut dates = [
            date("2006-03-01"),
            date("2005-12-07/2005-12-08"),
            date("2005"),
            date("2005-12"),
            date("1995"),
        ];
        dates.sort();
        let written: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            written,
            [
                "1995",
                "2005",
                "2005-12",
                "2005-12-07/2005-12-08",
                "2006-03-01"
            ]
        );
    }
}
