//! A dataset carrying every kind of hostile and hard text, built from the embedded one.

use serde_json::Value;

/// Escape sequences and controls a file might smuggle in, each ending in a marker word so a
/// test can tell whether it reached the terminal whole.
///
/// ```ignore
/// for (what, injection) in INJECTIONS {
///     assert!(!contains(&output, injection.as_bytes()), "{what} reached the terminal");
/// }
/// ```
pub const INJECTIONS: &[(&str, &str)] = &[
    ("colour", "\u{1b}[31mINJECTEDRED"),
    ("clipboard", "\u{1b}]52;c;aW5qZWN0ZWQ=\u{7}INJECTEDCLIP"),
    (
        "link",
        "\u{1b}]8;;https://evil.example/\u{1b}\\INJECTEDLINK\u{1b}]8;;\u{1b}\\",
    ),
    ("title", "\u{1b}]0;INJECTEDTITLE\u{7}"),
    ("bell", "\u{7}INJECTEDBELL"),
    ("carriage return", "visible\rINJECTEDCR"),
    ("nul", "\u{0}INJECTEDNUL"),
    ("tab", "\tINJECTEDTAB"),
    ("c1 csi", "\u{9b}31mINJECTEDCSI"),
    ("right-to-left override", "\u{202E}INJECTEDRLO"),
    ("isolates", "\u{2066}\u{2067}\u{2068}INJECTEDISO\u{2069}"),
    ("embeddings", "\u{202A}\u{202B}\u{202C}\u{202D}INJECTEDEMB"),
    ("zero width", "\u{200B}\u{FEFF}\u{2060}INJECTEDZW"),
    (
        "tag characters",
        "\u{E0001}\u{E0068}\u{E0069}INJECTEDTAG\u{E007F}",
    ),
    (
        "variation selectors",
        "😀\u{E0101}\u{E0102}\u{FE00}INJECTEDVS",
    ),
    ("soft hyphen", "\u{00AD}INJECTEDSHY"),
    ("format controls", "\u{13430}\u{1D173}INJECTEDFMT"),
];

/// Wide and complex scripts that must keep borders and columns in place; the first
/// `WIDE.len()` participants are named by them.
///
/// ```ignore
/// for _ in 0..WIDE.len() { screens.push(screen_text(&app)); press(&mut app, KeyCode::Char('j')); }
/// ```
pub const WIDE: &[&str] = &[
    "哈萨克斯坦加入伊斯兰会议组织",
    "كازاخستان تنضم إلى منظمة التعاون الإسلامي",
    "קזחסטן מצטרפת לארגון",
    "Z̸̢a̵͎l̴̰g̷̣o̶͕ combining marks",
    "👩‍💻👨‍👩‍👧‍👦🏳️‍🌈 emoji with joiners",
];

/// The embedded dataset with the injections in titles, summaries, places, notes and quotes,
/// the wide texts as participants' names, a 100,000-character title and a 10 MB summary.
///
/// ```ignore
/// let text = serde_json::to_string(&hostile::dataset())?;
/// let catalog = oic_explorer::load("hostile.json", &text, None)?;
/// ```
pub fn dataset() -> Value {
    let mut json: Value =
        serde_json::from_str(oic_explorer::EMBEDDED_DATASET).expect("embedded JSON");
    // The names and notes the spellings rest on are overwritten below.
    json["spellings"] = Value::Array(Vec::new());
    let events = json["events"].as_array_mut().expect("events");
    for (n, (_, injection)) in INJECTIONS.iter().enumerate() {
        let event = &mut events[n % 12];
        let title = event["title"].as_str().unwrap_or_default().to_string();
        event["title"] = format!("{title} {injection}").into();
        event["summary"] = format!("Summary with {injection} inside.").into();
        event["place"] = format!("Place {injection}").into();
        event["note"] = format!("Note {injection}").into();
    }
    // Each event's place on the map, its name and note the injections, spread over the world.
    let places: Vec<Value> = events
        .iter()
        .filter_map(|event| event["place"].as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .enumerate()
        .map(|(n, name)| {
            serde_json::json!({
                "name": name,
                "latitude": (n as f64) * 13.0 - 70.0,
                "longitude": (n as f64) * 29.0 - 170.0,
                "note": format!("Note of {name}"),
            })
        })
        .collect();
    json["places"] = Value::Array(places);
    for (n, wide) in WIDE.iter().enumerate() {
        json["participants"][n]["name"] = (*wide).into();
    }
    json["events"][0]["title"] = "T".repeat(100_000).into();
    json["events"][1]["summary"] = "ten megabytes ".repeat(750_000).into();
    json["initiatives"][0]["title"] = INJECTIONS
        .iter()
        .map(|(_, injection)| *injection)
        .collect::<Vec<_>>()
        .join(" ")
        .into();
    json["title"] = "Hostile \u{1b}]0;INJECTEDDATASET\u{7} dataset".into();
    json
}
