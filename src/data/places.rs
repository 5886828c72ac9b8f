//! The dataset's optional `places`: where on a map each place the records name lies. The
//! source gives no coordinates, so every figure here is knowledge from outside the source, and
//! each entry carries a note naming where its figures come from. An entry is named as the
//! records write the place (an event's `place`, or the state it was held in when it names no
//! city) and may give no coordinates at all, saying why in its note. This file owns the file
//! form and its checks; [`super::place_table`] gathers the records by place.

use std::{borrow::Cow, collections::HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{catalog::Catalog, display::quoted, place_table::place_key, problems::Problems};

/// Where a place the records name lies, from outside the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The place as the records write it: an event's `place`, or the name of the state an
    /// event was held in when it gives no place.
    pub name: String,
    /// Degrees north (negative: south), from -90 to 90; absent with `longitude` when the
    /// place is not a point on a map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<Degrees>,
    /// Degrees east (negative: west), from -180 to 180.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<Degrees>,
    /// What the coordinates stand for: the city, or the middle of a country the records
    /// name without a city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    /// Where the figures come from (or why there are none): always from outside the source.
    pub note: String,
}

/// A latitude or a longitude in degrees. Compared by its bits, so a dataset stays `Eq`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Degrees(pub f64);

impl PartialEq for Degrees {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for Degrees {}

/// What a place's coordinates stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The city itself.
    City,
    /// The middle of the country: the records name the country alone.
    Country,
}

impl Precision {
    /// Every precision, in the order of [`Self::NAMES`].
    const ALL: [Self; 2] = [Self::City, Self::Country];
    /// How a file names each.
    const NAMES: [&'static str; 2] = ["city", "country"];
}

/// Read by name, so a wrong value is answered with the names there are.
impl<'de> Deserialize<'de> for Precision {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::named::deserialize_named(deserializer, &Self::ALL, &Self::NAMES)
    }
}

impl Place {
    /// The coordinates, when the entry gives both and they are in range.
    pub fn coordinates(&self) -> Option<(f64, f64)> {
        let (latitude, longitude) = (self.latitude?.0, self.longitude?.0);
        (in_range(latitude, 90.0) && in_range(longitude, 180.0)).then_some((latitude, longitude))
    }

    /// What the coordinates stand for; a city unless the entry says otherwise.
    pub fn precision(&self) -> Precision {
        self.precision.unwrap_or(Precision::City)
    }
}

/// Whether `degrees` is a number within `-limit..=limit`.
fn in_range(degrees: f64, limit: f64) -> bool {
    degrees.is_finite() && (-limit..=limit).contains(&degrees)
}

/// Checks each place: it is given once, its coordinates are both given or both absent and
/// in range, and its note says where they come from. A name no event is held in is only
/// warned of ([`place_warnings`]): a dataset cut down to fewer events still opens.
pub fn check_places(catalog: &Catalog, problems: &mut Problems) {
    let list = catalog.given_places();
    let mut given: HashSet<Cow<'_, str>> = HashSet::with_capacity(list.len());
    for (index, place) in list.iter().enumerate() {
        let path = format!("places[{index}]");
        if !given.insert(place_key(&place.name)) {
            problems.add(
                format!("{path}.name"),
                format!("{} is given twice", quoted(&place.name)),
            );
        }
        check_coordinates(place, &path, problems);
        if place.note.trim().is_empty() {
            problems.add(
                format!("{path}.note"),
                "is empty: say where the coordinates come from (or why there are none)",
            );
        }
    }
}

/// Adds to `warnings` what `check` warns of in the dataset's `places`: each name no event is
/// held in (the map cannot draw it), with the nearest place that is.
pub fn place_warnings(catalog: &Catalog, warnings: &mut Problems) {
    let list = catalog.given_places();
    if list.is_empty() {
        return;
    }
    let table = catalog.places();
    let held = || table.iter().map(|place| place.name.as_str());
    for (index, place) in table
        .unheld()
        .iter()
        .filter_map(|&index| Some((index, list.get(index)?)))
    {
        warnings.add_with(|| {
            let near = crate::nearest::closest(&place.name, held());
            let message = format!(
                "no event is held in {}{}; a place is named as the records write it",
                quoted(&place.name),
                near.map_or_else(String::new, |near| format!(
                    " (did you mean {}?)",
                    quoted(near)
                ))
            );
            (format!("places[{index}].name"), message)
        });
    }
}

/// Checks that `place` gives both coordinates or neither, each in range.
fn check_coordinates(place: &Place, path: &str, problems: &mut Problems) {
    match (place.latitude, place.longitude) {
        (Some(_), None) => problems.add(
            format!("{path}.longitude"),
            "is missing: a place gives both coordinates or neither",
        ),
        (None, Some(_)) => problems.add(
            format!("{path}.latitude"),
            "is missing: a place gives both coordinates or neither",
        ),
        (None, None) if place.precision.is_some() => problems.add(
            format!("{path}.precision"),
            "is given without coordinates: say where the place is, or leave it out",
        ),
        _ => {}
    }
    for (field, value, limit) in [
        ("latitude", place.latitude, 90.0),
        ("longitude", place.longitude, 180.0),
    ] {
        if let Some(Degrees(degrees)) = value
            && !in_range(degrees, limit)
        {
            problems.add(
                format!("{path}.{field}"),
                format!(
                    "is {}: expected a number from -{limit} to {limit}",
                    said_degrees(degrees)
                ),
            );
        }
    }
}

/// A number of degrees as a message says it: as written up to a billion, past that in
/// scientific notation (`1e308`, not 309 digits).
fn said_degrees(degrees: f64) -> String {
    if degrees.abs() < 1e9 {
        degrees.to_string()
    } else {
        format!("{degrees:e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_number_is_said_short() {
        assert_eq!(said_degrees(91.5), "91.5");
        assert_eq!(said_degrees(-1e308), "-1e308");
        assert!(said_degrees(f64::MAX).len() < 30);
        assert_eq!(said_degrees(f64::INFINITY), "inf");
    }

    fn place(latitude: Option<f64>, longitude: Option<f64>) -> Place {
        Place {
            name: "Baku".into(),
            latitude: latitude.map(Degrees),
            longitude: longitude.map(Degrees),
            precision: None,
            note: "a gazetteer".into(),
        }
    }

    #[test]
    fn coordinates_are_read_only_when_both_are_given_and_in_range() {
        assert_eq!(
            place(Some(40.41), Some(49.87)).coordinates(),
            Some((40.41, 49.87))
        );
        assert_eq!(place(Some(40.41), None).coordinates(), None);
        assert_eq!(place(Some(91.0), Some(0.0)).coordinates(), None);
        assert_eq!(place(Some(0.0), Some(-180.5)).coordinates(), None);
        assert_eq!(
            place(Some(-90.0), Some(180.0)).coordinates(),
            Some((-90.0, 180.0))
        );
    }

    #[test]
    fn half_given_or_out_of_range_coordinates_are_problems() {
        let cases = [
            (place(Some(1.0), None), "places[0].longitude"),
            (place(None, Some(1.0)), "places[0].latitude"),
            (place(Some(95.0), Some(1.0)), "places[0].latitude"),
            (place(Some(1.0), Some(200.0)), "places[0].longitude"),
        ];
        for (place, path) in cases {
            let mut problems = Problems::default();
            check_coordinates(&place, "places[0]", &mut problems);
            let (listed, _) = problems.into_parts();
            assert_eq!(listed.len(), 1, "{place:?}");
            assert_eq!(listed[0].path, path);
        }
        let mut problems = Problems::default();
        check_coordinates(&place(Some(1.0), Some(2.0)), "p", &mut problems);
        assert!(problems.is_empty());
    }
}
