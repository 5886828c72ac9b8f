//! Ties say only what the source says: every tie of the embedded dataset has a kind and its
//! own verbatim quote from a paragraph one of its records cites, nothing is called support
//! that the source does not call support, readings are marked, a state lists the events its
//! delegations attended, and a file of bare ids (the older format) still loads as neutral.

use crate::common::run;
use oic_explorer::{
    Catalog, Dataset, EMBEDDED_DATASET, EMBEDDED_SOURCE, Role, SourceText, Tie, TieKind, TieRef,
    load, load_embedded,
};

/// Every tie the dataset file stores: the field, the record that stores it, and the entry.
fn stored_ties(data: &Dataset) -> Vec<(&'static str, String, TieRef)> {
    let mut ties = Vec::new();
    let mut add = |field: &'static str, id: &str, entries: Vec<&TieRef>| {
        ties.extend(
            entries
                .into_iter()
                .map(|entry| (field, id.to_string(), entry.clone())),
        );
    };
    for event in &data.events {
        add(
            "participants",
            &event.id,
            event.participants.iter().collect(),
        );
        add("country", &event.id, event.country.iter().collect());
    }
    for programme in &data.programmes {
        add("funder", &programme.id, programme.funder.iter().collect());
        add(
            "recipient",
            &programme.id,
            programme.recipient.iter().collect(),
        );
    }
    for project in &data.projects {
        add("programme", &project.id, vec![&project.programme]);
    }
    for initiative in &data.initiatives {
        add(
            "proposed_by",
            &initiative.id,
            initiative.proposed_by.iter().collect(),
        );
        add(
            "partners",
            &initiative.id,
            initiative.partners.iter().collect(),
        );
        add("events", &initiative.id, initiative.events.iter().collect());
    }
    for participant in &data.participants {
        add(
            "part_of",
            &participant.id,
            participant.part_of.iter().collect(),
        );
        add(
            "represents",
            &participant.id,
            participant.represents.iter().collect(),
        );
    }
    ties
}

/// The paragraphs the record with `id` cites.
fn cited_paragraphs(data: &Dataset, id: &str) -> Vec<u32> {
    let sources = data
        .events
        .iter()
        .filter(|r| r.id == id)
        .flat_map(|r| &r.sources)
        .chain(
            data.programmes
                .iter()
                .filter(|r| r.id == id)
                .flat_map(|r| &r.sources),
        )
        .chain(
            data.projects
                .iter()
                .filter(|r| r.id == id)
                .flat_map(|r| &r.sources),
        )
        .chain(
            data.initiatives
                .iter()
                .filter(|r| r.id == id)
                .flat_map(|r| &r.sources),
        )
        .chain(
            data.participants
                .iter()
                .filter(|r| r.id == id)
                .flat_map(|r| &r.sources),
        );
    sources.map(|citation| citation.paragraph).collect()
}

fn embedded() -> Dataset {
    serde_json::from_str(EMBEDDED_DATASET).expect("the embedded dataset")
}

#[test]
fn every_tie_has_a_kind_and_its_own_verbatim_quote() {
    let data = embedded();
    let source = SourceText::new(EMBEDDED_SOURCE);
    let ties = stored_ties(&data);
    assert!(ties.len() > 50, "{} ties", ties.len());
    for (field, from, entry) in &ties {
        let TieRef::Tie(tie) = entry else {
            panic!("{from}.{field}: {entry:?} is a bare id, with no kind or quote");
        };
        let kinded = !matches!(
            *field,
            "country" | "funder" | "recipient" | "programme" | "part_of" | "represents"
        );
        assert_eq!(tie.kind.is_some(), kinded, "{from}.{field} → {}", tie.id);
        assert!(
            !tie.sources.is_empty(),
            "{from}.{field} → {}: no quote",
            tie.id
        );
        let mut paragraphs = cited_paragraphs(&data, from);
        paragraphs.extend(cited_paragraphs(&data, &tie.id));
        for citation in &tie.sources {
            let paragraph = source.paragraph(citation.paragraph).expect("a paragraph");
            assert!(
                paragraph.contains(&citation.quote),
                "{from}.{field} → {}: {:?} is not in ¶{}",
                tie.id,
                citation.quote,
                citation.paragraph
            );
            assert!(
                paragraphs.contains(&citation.paragraph),
                "{from}.{field} → {}: ¶{} is cited by neither record",
                tie.id,
                citation.paragraph
            );
        }
    }
}

#[test]
fn only_a_tie_whose_quote_says_support_is_called_support() {
    let data = embedded();
    for (field, from, entry) in stored_ties(&data) {
        let Some(tie) = entry.tie() else { continue };
        let supportive = matches!(
            tie.kind,
            Some(TieKind::Supported | TieKind::SupportReiterated | TieKind::Supports)
        );
        let says_support = tie
            .sources
            .iter()
            .any(|citation| citation.quote.contains("support"));
        assert_eq!(supportive, says_support, "{from}.{field} → {}", tie.id);
    }
    // And on every screen of text: each "Supported at" line names only what a supportive
    // tie leads to.
    let catalog = load_embedded().expect("loads");
    for record in catalog.records() {
        for relation in catalog.relations(record).iter() {
            let heading = catalog.tie_heading(record, &relation);
            let kind = catalog.tie(&relation).map(|tie| tie.kind());
            if heading.to_lowercase().contains("support") {
                assert!(
                    matches!(
                        kind,
                        Some(TieKind::Supported | TieKind::SupportReiterated | TieKind::Supports)
                    ),
                    "{heading:?} on {record:?}"
                );
            }
        }
    }
}

#[test]
fn the_initiatives_ties_to_events_are_named_by_the_sources_verbs() {
    let catalog = load_embedded().expect("loads");
    let headings_of = |id: &str| -> Vec<String> {
        let record = catalog.find(id).expect(id);
        catalog
            .relations(record)
            .iter()
            .filter(|r| r.role == Role::SupportedAt)
            .map(|r| {
                format!(
                    "{} {}",
                    catalog.tie_heading(record, &r),
                    catalog.title(r.target)
                )
            })
            .collect()
    };
    assert_eq!(
        headings_of("init-oic-bodies-interaction"),
        ["Mentioned with Kazakhstan joins the OIC"]
    );
    assert_eq!(
        headings_of("init-closer-ties-muslim-countries"),
        ["Mentioned with President's Address to the People of Kazakhstan"],
        "the Address mentioned the country's interests, not these relations"
    );
    assert_eq!(
        headings_of("init-environmental-disasters-resolution"),
        ["Support reiterated at 33rd Islamic Conference of Foreign Ministers"]
    );
    assert_eq!(
        headings_of("init-action-plan-provisions"),
        [
            "Included in the ten-year Action Plan adopted at Third Extraordinary Conference (Extraordinary Summit)"
        ]
    );
    let event = catalog
        .find("ev-2005-12-extraordinary-summit")
        .expect("event");
    let on_event: Vec<String> = catalog
        .relations(event)
        .iter()
        .filter(|r| r.role == Role::InitiativeAtEvent)
        .map(|r| catalog.tie_heading(event, &r))
        .collect();
    assert_eq!(
        on_event,
        [
            "Initiatives included in the ten-year Action Plan adopted here",
            "Initiatives mentioned with it"
        ]
    );
}

#[test]
fn a_state_lists_the_events_its_delegations_attended() {
    let catalog = load_embedded().expect("loads");
    let kazakhstan = catalog.find("p-kazakhstan").expect("Kazakhstan");
    let through: Vec<(String, &str)> = catalog
        .relations(kazakhstan)
        .iter()
        .filter(|r| r.role == Role::TookPartThrough)
        .map(|r| (catalog.tie_heading(kazakhstan, &r), catalog.title(r.target)))
        .collect();
    let summits: Vec<&str> = through
        .iter()
        .filter(|(heading, _)| heading == "Took part in, through Kazakh delegations")
        .map(|&(_, title)| title)
        .filter(|title| title.contains("Summit"))
        .collect();
    assert_eq!(
        summits,
        [
            "8th OIC Summit",
            "9th OIC Summit",
            "10th OIC Summit",
            "Third Extraordinary Conference (Extraordinary Summit)"
        ]
    );
    assert!(through.contains(&(
        "Took part in, through Kazakh parliamentarians".to_string(),
        "6th Conference of the Parliamentary Union of the OIC"
    )));
    // Each carries the quote of the delegation's own tie.
    for relation in catalog.relations(kazakhstan).iter() {
        if relation.role == Role::TookPartThrough {
            let tie = catalog.tie(&relation).expect("the delegation's tie");
            assert_eq!(tie.kind(), TieKind::TookPart);
            assert!(!tie.sources().is_empty());
        }
    }
}

#[test]
fn the_ambiguous_this_event_is_a_marked_reading() {
    let catalog = load_embedded().expect("loads");
    let event = catalog
        .find("ev-2005-12-extraordinary-summit")
        .expect("event");
    let king = catalog.find("p-king-abdullah").expect("king");
    let tie = catalog
        .relations(event)
        .iter()
        .find(|r| r.target == king)
        .expect("the tie to the King");
    let details = catalog.tie(&tie).expect("details");
    assert_eq!(details.kind(), TieKind::Convened);
    assert!(details.reading().is_some_and(|r| r.contains("this event")));
    let summary = catalog.get(event).expect("event").summary().to_string();
    assert!(!summary.contains("Called by"), "{summary}");
    assert!(
        !summary.contains("King"),
        "the summary states no reading: {summary}"
    );
}

/// The embedded dataset with every tie written as a bare id, as files before tie kinds were.
fn bare_dataset() -> String {
    let mut data = embedded();
    fn bare(entry: &mut TieRef) {
        *entry = TieRef::Id(entry.id().clone());
    }
    for event in &mut data.events {
        event.participants.iter_mut().for_each(bare);
        event.country.iter_mut().for_each(bare);
    }
    for programme in &mut data.programmes {
        programme.funder.iter_mut().for_each(bare);
        programme.recipient.iter_mut().for_each(bare);
    }
    for project in &mut data.projects {
        bare(&mut project.programme);
    }
    for initiative in &mut data.initiatives {
        initiative.proposed_by.iter_mut().for_each(bare);
        initiative.partners.iter_mut().for_each(bare);
        initiative.events.iter_mut().for_each(bare);
    }
    for participant in &mut data.participants {
        participant.part_of.iter_mut().for_each(bare);
        participant.represents.iter_mut().for_each(bare);
    }
    serde_json::to_string_pretty(&data).expect("json")
}

#[test]
fn a_file_of_bare_ids_loads_with_every_tie_neutral() {
    let catalog: Catalog =
        load("bare.json", &bare_dataset(), Some(EMBEDDED_SOURCE)).expect("loads");
    let initiative = catalog
        .find("init-interfaith-congress")
        .expect("initiative");
    let headings: Vec<String> = catalog
        .relations(initiative)
        .iter()
        .map(|r| catalog.tie_heading(initiative, &r))
        .collect();
    assert_eq!(headings, ["Mentioned with", "Mentioned with"]);
    let event = catalog.find("ev-2005-06-icfm-32").expect("event");
    let country = catalog
        .relations(event)
        .iter()
        .find(|r| r.role == Role::Country)
        .expect("country");
    assert_eq!(catalog.tie_heading(event, &country), "Country");
    assert!(catalog.bare_tie_count() > 30);
}

#[test]
fn check_says_once_that_bare_ids_are_read_as_neutral() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("bare.json");
    std::fs::write(&path, bare_dataset()).expect("written");
    let output = run(["check", path.to_str().expect("utf-8")]);
    assert!(output.status.success());
    let stdout = &output.stdout;
    assert_eq!(
        stdout.matches("read as “mentioned with”").count(),
        1,
        "{stdout}"
    );
    assert!(
        stdout.contains("note: 43 ties are given as a bare id"),
        "{stdout}"
    );
    let embedded = run(["check"]);
    let stdout = &embedded.stdout;
    assert!(!stdout.contains("bare id"), "{stdout}");
    assert!(stdout.contains("tie quotes, each verbatim"), "{stdout}");
}

/// A tie entry in `events[index].participants[0]` replaced by `tie`.
fn with_first_participant(index: usize, tie: Tie) -> String {
    let mut data = embedded();
    data.events[index].participants[0] = TieRef::Tie(tie);
    serde_json::to_string(&data).expect("json")
}

fn problems(json: &str) -> String {
    match load("file.json", json, Some(EMBEDDED_SOURCE)) {
        Ok(_) => panic!("loaded"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn a_tie_that_says_more_than_its_field_allows_is_refused() {
    let tie = |kind: Option<TieKind>, paragraph: u32, quote: &str| Tie {
        id: "p-kazakh-delegations".into(),
        kind,
        document: None,
        sources: vec![oic_explorer::Citation {
            paragraph,
            quote: quote.into(),
        }],
        reading: None,
    };
    let quote = "Kazakh delegations have participated in the biggest OIC events";
    let wrong_kind = problems(&with_first_participant(
        1,
        tie(Some(TieKind::Supported), 3, quote),
    ));
    assert!(
        wrong_kind.contains("events[1].participants[0].kind")
            && wrong_kind.contains("`supported` is not a kind of tie in `participants`"),
        "{wrong_kind}"
    );
    let not_verbatim = problems(&with_first_participant(
        1,
        tie(None, 3, "Kazakh delegations hosted"),
    ));
    assert!(
        not_verbatim.contains("events[1].participants[0].sources[0].quote")
            && not_verbatim.contains("not verbatim in paragraph 3"),
        "{not_verbatim}"
    );
    let uncited = problems(&with_first_participant(
        1,
        tie(None, 6, "supported Kazakhstan’s initiative"),
    ));
    assert!(
        uncited.contains("paragraph 6 is cited by neither of the tie's records"),
        "{uncited}"
    );
    let mut data = embedded();
    if let Some(TieRef::Tie(country)) = &mut data.events[5].country {
        country.kind = Some(TieKind::TookPart);
    }
    let kind_on_country = problems(&serde_json::to_string(&data).expect("json"));
    assert!(
        kind_on_country.contains("`country` says what the tie is: give it no kind"),
        "{kind_on_country}"
    );
    let unknown = problems(&EMBEDDED_DATASET.replacen("\"took_part\"", "\"hosted\"", 1));
    assert!(
        unknown.contains("kind \"hosted\" is not a kind of tie; the kinds are: mentioned_in,"),
        "{unknown}"
    );
    let mut unquoted = tie(Some(TieKind::TookPart), 3, quote);
    unquoted.sources.clear();
    let unquoted = problems(&with_first_participant(1, unquoted));
    assert!(
        unquoted.contains("events[1].participants[0].sources")
            && unquoted.contains("at least one citation"),
        "{unquoted}"
    );
    let mut data = embedded();
    for initiative in &mut data.initiatives {
        for entry in &mut initiative.events {
            if let TieRef::Tie(tie) = entry {
                tie.document = None;
            }
        }
    }
    let undocumented = problems(&serde_json::to_string(&data).expect("json"));
    assert!(
        undocumented.contains("names the document it was included in"),
        "{undocumented}"
    );
}

#[test]
fn a_reading_a_tie_rests_on_is_shown_on_the_ties_derived_from_it() {
    let catalog = load_embedded().expect("loads");
    let kazakhstan = catalog.find("p-kazakhstan").expect("Kazakhstan");
    let scholars = catalog.find("ev-2005-09-scholars").expect("scholars");
    let through = catalog
        .relations(kazakhstan)
        .iter()
        .find(|r| r.role == Role::TookPartThrough && r.target == scholars)
        .expect("through Abdildin");
    let readings = catalog.tie_readings(kazakhstan, &through);
    assert!(
        readings
            .iter()
            .any(|r| r.contains("took part for Kazakhstan is a reading")),
        "{readings:?}"
    );
    let back = catalog
        .relations(scholars)
        .iter()
        .find(|r| r.role == Role::RepresentedThere)
        .expect("on the event");
    assert_eq!(catalog.tie_readings(scholars, &back), readings);
    let csv = run(["export", "--format", "csv", "--tab", "participants"]).stdout;
    assert!(
        csv.contains("Took part in, through Zhabaikhan Abdildin: Conference of Muslim Scholars and Thinkers ¶11 “with the participation of"),
        "{csv}"
    );
    assert!(
        csv.contains("(reading: The source names him by his office"),
        "{csv}"
    );
}

#[test]
fn an_export_reloads_with_its_ties_intact() {
    let catalog = load_embedded().expect("loads");
    let json = serde_json::to_string(&catalog.to_dataset()).expect("json");
    let again = load("again.json", &json, Some(EMBEDDED_SOURCE)).expect("reloads");
    assert_eq!(again.to_dataset(), embedded());
}

#[test]
fn two_groups_for_one_state_each_lend_it_their_own_events() {
    let json = r#"{"title": "t",
      "events": [{"id": "e1", "title": "E", "kind": "summit", "summary": "s",
        "participants": [
          {"id": "g1", "kind": "took_part", "sources": [{"paragraph": 1, "quote": "G1 took part"}]},
          {"id": "g2", "kind": "took_part", "sources": [{"paragraph": 1, "quote": "G2 took part"}]}],
        "sources": [{"paragraph": 1, "quote": "E was held"}]}],
      "participants": [
        {"id": "s", "name": "State", "kind": "state", "summary": "s",
         "sources": [{"paragraph": 1, "quote": "State"}]},
        {"id": "g1", "name": "Group One", "kind": "group", "summary": "s",
         "represents": {"id": "s", "sources": [{"paragraph": 1, "quote": "G1 took part"}]},
         "sources": [{"paragraph": 1, "quote": "G1 took part"}]},
        {"id": "g2", "name": "Group Two", "kind": "group", "summary": "s",
         "represents": {"id": "s", "sources": [{"paragraph": 1, "quote": "G2 took part"}],
                        "reading": "G2 represents the state"},
         "sources": [{"paragraph": 1, "quote": "G2 took part"}]}]}"#;
    let source = "E was held. State. G1 took part. G2 took part.";
    let catalog = load("t.json", json, Some(source)).expect("loads");
    let state = catalog.find("s").expect("state");
    let through: Vec<(String, Vec<&str>)> = catalog
        .relations(state)
        .iter()
        .filter(|r| r.role == Role::TookPartThrough)
        .map(|r| {
            (
                catalog.tie_heading(state, &r),
                catalog.tie_readings(state, &r),
            )
        })
        .collect();
    assert_eq!(
        through,
        [
            ("Took part in, through Group One".to_string(), vec![]),
            (
                "Took part in, through Group Two".to_string(),
                vec!["G2 represents the state"]
            ),
        ]
    );
    let itself = json.replace(
        r#""represents": {"id": "s", "sources": [{"paragraph": 1, "quote": "G1 took part"}]}"#,
        r#""represents": {"id": "g1", "sources": [{"paragraph": 1, "quote": "G1 took part"}]}"#,
    );
    let refused = problems_with(&itself, source);
    assert!(refused.contains("cannot represent itself"), "{refused}");
}

fn problems_with(json: &str, source: &str) -> String {
    match load("file.json", json, Some(source)) {
        Ok(_) => panic!("loaded"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn a_list_mixing_bare_ids_and_ties_exports_in_the_files_order() {
    let json = r#"{"title": "t",
      "events": [
        {"id": "e1", "title": "E1", "kind": "summit", "summary": "s",
         "sources": [{"paragraph": 1, "quote": "E1"}]},
        {"id": "e2", "title": "E2", "kind": "summit", "summary": "s",
         "sources": [{"paragraph": 1, "quote": "E2"}]}],
      "initiatives": [{"id": "i", "title": "I", "kind": "initiative", "outcome": "o",
        "summary": "s", "events": ["e1", {"id": "e2", "kind": "supported",
          "sources": [{"paragraph": 1, "quote": "E2 supported"}]}],
        "sources": [{"paragraph": 1, "quote": "I"}]}]}"#;
    let catalog = load("t.json", json, Some("E1 and E2. I. E2 supported it.")).expect("loads");
    let exported = catalog.to_dataset();
    let ids: Vec<&str> = exported.initiatives[0]
        .events
        .iter()
        .map(|tie| tie.id().as_str())
        .collect();
    assert_eq!(ids, ["e1", "e2"], "the file's order");
    assert!(
        matches!(exported.initiatives[0].events[0], TieRef::Id(_)),
        "a bare id stays bare"
    );
    let initiative = catalog.find("i").expect("i");
    let headings: Vec<String> = catalog
        .relations(initiative)
        .iter()
        .map(|r| catalog.tie_heading(initiative, &r))
        .collect();
    assert_eq!(
        headings,
        ["Supported at", "Mentioned with"],
        "shown by kind"
    );
}
