//! Queries a reader wrote from the source alone, one class of what a person means at a time.
//!
//! Each case names the record that must come first, records that must also be found, and records
//! that must not be found. Where no single record is clearly best, `first` is empty and the first
//! result must instead be one of `also`.
use crate::common;
use oic_explorer::{Query, SearchIndex};

struct Case {
    query: &'static str,
    first: &'static str,
    also: &'static [&'static str],
    not: &'static [&'static str],
}

const ICFM_24: &str = "24th Islamic Conference of Foreign Ministers";
const ICFM_32: &str = "32nd Islamic Conference of Foreign Ministers";
const ICFM_33: &str = "33rd Islamic Conference of Foreign Ministers";
const SUMMIT_8: &str = "8th OIC Summit";
const SUMMIT_9: &str = "9th OIC Summit";
const SUMMIT_10: &str = "10th OIC Summit";
const EXTRAORDINARY: &str = "Third Extraordinary Conference (Extraordinary Summit)";
const SCHOLARS: &str = "Conference of Muslim Scholars and Thinkers";
const ADDRESS: &str = "President's Address to the People of Kazakhstan";
const PUIC_6: &str = "6th Conference of the Parliamentary Union of the OIC";
const COORDINATION: &str = "Annual Coordination Meetings of Foreign Ministers";
const JOINS: &str = "Kazakhstan joins the OIC";
const PROGRAMME: &str = "IDB Program for Kazakhstan";
const SYZGANOV: &str = "Syzganov Institute";
const GULSHAT: &str = "Gulshat – Karaganda highway";
const OSAKAROVKA: &str = "Osakarovka – Vishnevka segment";
const SME: &str = "Small and medium enterprises";
const CONGRESS: &str = "Congress of Leaders of World and Traditional Religions";
const SECOND_CONGRESS: &str = "Second Congress of World and Traditional Religions";
const RESOLUTION: &str = "Resolution on regions hit by environmental disasters";
const ACTION_PLAN: &str = "Kazakh provisions in the OIC ten-year Action Plan";
const RELIGIOUS_DIALOGUE: &str =
    "Religious dialogue and help for disaster-hit regions of Kazakhstan";
const CIVILIZATIONS: &str = "Dialogue among civilizations and religions";
const ISESCO_COOPERATION: &str = "Education, culture and science cooperation with ISESCO";
const KAZAKHSTAN: &str = "Kazakhstan";
const NAZARBAYEV: &str = "N. Nazarbayev";
const ABDILDIN: &str = "Zhabaikhan Abdildin";
const KING: &str = "Abdullah bin Abdulaziz Al Saud";
const OIC: &str = "Organization of Islamic Conference (OIC)";
const IDB: &str = "Islamic Development Bank (IDB)";
const ISESCO: &str = "Islamic Education, Science and Culture Organization (ISESCO)";
const PARLIAMENTARY_UNION: &str = "OIC Parliamentary Union";
const UNGA: &str = "UN General Assembly";
const DELEGATIONS: &str = "Kazakh delegations";
const PARLIAMENTARIANS: &str = "Kazakh parliamentarians";
const MEMBER_STATES: &str = "Representatives of all 57 member states";
const PEOPLE: &str = "People of Kazakhstan";
const SAUDI_ARABIA: &str = "Saudi Arabia";
const YEMEN: &str = "Yemen";
const TURKEY: &str = "Turkey";

const fn case(
    query: &'static str,
    first: &'static str,
    also: &'static [&'static str],
    not: &'static [&'static str],
) -> Case {
    Case {
        query,
        first,
        also,
        not,
    }
}

const CASES: &[Case] = &[
    // 1. Text that looks the same: accents, ß, fullwidth letters, capitals, quotes and dashes.
    case("Tehrán", SUMMIT_8, &[], &[SUMMIT_9, ICFM_33]),
    case("Tehra\u{301}n", SUMMIT_8, &[], &[SUMMIT_9, ICFM_33]),
    case("Do\u{1e25}a", SUMMIT_9, &[], &[SUMMIT_8]),
    case("Doh\u{323}a", SUMMIT_9, &[], &[SUMMIT_8]),
    case("Bakü", ICFM_33, &[], &[SUMMIT_8]),
    case("Congreß of Leaders", CONGRESS, &[], &[]),
    case("General Aßembly", UNGA, &[COORDINATION], &[]),
    case("ｔｅｈｒａｎ", SUMMIT_8, &[], &[ICFM_33]),
    case("ＳＹＺＧＡＮＯＶ", SYZGANOV, &[], &[GULSHAT]),
    case("Isesco", "", &[ISESCO, ISESCO_COOPERATION], &[]),
    case("BAKU", ICFM_33, &[RESOLUTION], &[SUMMIT_8]),
    case("King Abdullah Bin Abdulaziz", KING, &[EXTRAORDINARY], &[]),
    case("kazakhstan JOINS the oic", JOINS, &[], &[]),
    case("President’s Address", ADDRESS, &[], &[]),
    case("Gulshat-Karaganda", GULSHAT, &[], &[SME]),
    // 2. Word forms: plurals, singulars and other forms of a word.
    case("summits tehran", SUMMIT_8, &[], &[]),
    case("religion dialogue help", RELIGIOUS_DIALOGUE, &[], &[]),
    case("civilization religion", CIVILIZATIONS, &[], &[]),
    case("foreign minister conference baku", ICFM_33, &[], &[]),
    case(
        "parliamentary conferences",
        PUIC_6,
        &[PARLIAMENTARY_UNION],
        &[],
    ),
    case(
        "57 states participating",
        MEMBER_STATES,
        &[EXTRAORDINARY],
        &[],
    ),
    case("kazakhstan joined the oic", JOINS, &[], &[]),
    case("highways", GULSHAT, &[OSAKAROVKA], &[SME]),
    case("parliamentarian", PARLIAMENTARIANS, &[], &[]),
    case("scholar", SCHOLARS, &[], &[]),
    case("delegation", DELEGATIONS, &[], &[]),
    case("environmental disaster resolutions", RESOLUTION, &[], &[]),
    // 3. Questions and stop words; trailing words dropped when all together find nothing.
    case("when did kazakhstan join", JOINS, &[], &[]),
    case("how much money did the idb give", IDB, &[], &[]),
    case(
        "who proposed the congress",
        "",
        &[CONGRESS, SECOND_CONGRESS],
        &[],
    ),
    case("what happened in baku", ICFM_33, &[], &[SUMMIT_8]),
    case("where was the 8th summit held", SUMMIT_8, &[], &[]),
    // Every word that finds something must match: the state of Saudi Arabia has no king.
    case("who is the king of saudi arabia", KING, &[], &[]),
    case("when was the scholars conference", SCHOLARS, &[], &[]),
    case("what is isesco", "", &[ISESCO, ISESCO_COOPERATION], &[]),
    case(
        "who is the chairman of the senate committee",
        ABDILDIN,
        &[],
        &[],
    ),
    case(
        "when did the parliamentary union meet in turkey",
        "",
        &[PUIC_6, "OIC Parliamentary Union"],
        &[],
    ),
    case("idb highway karaganda cost", GULSHAT, &[], &[]),
    case(
        "semipalatinsk nuclear testing site compensation",
        RELIGIOUS_DIALOGUE,
        &[],
        &[],
    ),
    // 4. Kinds named as words.
    case(
        "idb projects",
        "",
        &[PROGRAMME, SYZGANOV, GULSHAT, OSAKAROVKA, SME],
        &[JOINS],
    ),
    case(
        "projects",
        "",
        &[SYZGANOV, GULSHAT, OSAKAROVKA, SME],
        &[JOINS, NAZARBAYEV],
    ),
    case(
        "summits",
        "",
        &[SUMMIT_8, SUMMIT_9, SUMMIT_10, EXTRAORDINARY],
        &[NAZARBAYEV, SYZGANOV],
    ),
    case("meetings", COORDINATION, &[], &[NAZARBAYEV, SYZGANOV]),
    case(
        "people",
        "",
        &[PEOPLE, NAZARBAYEV, ABDILDIN, KING],
        &[SYZGANOV],
    ),
    case("people saudi arabia", KING, &[], &[]),
    case(
        "states",
        "",
        &[KAZAKHSTAN, SAUDI_ARABIA, YEMEN, TURKEY],
        &[SYZGANOV],
    ),
    case(
        "organisations",
        "",
        &[OIC, IDB, ISESCO, UNGA],
        &[YEMEN, SYZGANOV],
    ),
    case(
        "organizations",
        "",
        &[OIC, IDB, ISESCO, UNGA],
        &[YEMEN, SYZGANOV],
    ),
    case("resolutions", RESOLUTION, &[], &[JOINS, SYZGANOV]),
    case(
        "initiatives",
        "",
        &[CONGRESS, SECOND_CONGRESS, RELIGIOUS_DIALOGUE],
        &[SYZGANOV],
    ),
    case(
        "persons kazakhstan",
        "",
        &[NAZARBAYEV, ABDILDIN],
        &[SYZGANOV],
    ),
    // 5. Money.
    case("$10", "", &[SYZGANOV, GULSHAT], &[OSAKAROVKA, SME]),
    case("USD 10", "", &[SYZGANOV, GULSHAT], &[OSAKAROVKA, SME]),
    case("10 million", "", &[SYZGANOV, GULSHAT], &[OSAKAROVKA, SME]),
    case("10 mln", "", &[SYZGANOV, GULSHAT], &[OSAKAROVKA, SME]),
    case(
        "20 million dollars",
        OSAKAROVKA,
        &[],
        &[SYZGANOV, GULSHAT, SME],
    ),
    case("$20,000,000", OSAKAROVKA, &[], &[SYZGANOV, GULSHAT, SME]),
    case("$15m", SME, &[], &[SYZGANOV, GULSHAT, OSAKAROVKA]),
    case("15 million usd", SME, &[], &[SYZGANOV, GULSHAT, OSAKAROVKA]),
    case("55 million", PROGRAMME, &[], &[]),
    case("usd 10 mln highway", GULSHAT, &[], &[OSAKAROVKA]),
    // 6. Dates.
    case("june 2006", ICFM_33, &[], &[]),
    case("dec 2005", EXTRAORDINARY, &[], &[]),
    case("december 1997", SUMMIT_8, &[], &[]),
    case("december 1996", ICFM_24, &[], &[]),
    case("2005-09", SCHOLARS, &[], &[]),
    case("september 2005", SCHOLARS, &[], &[]),
    case("september 10 2005", SCHOLARS, &[], &[]),
    case("7 december 2005", EXTRAORDINARY, &[], &[]),
    case("june", "", &[ICFM_32, ICFM_33], &[]),
    case("december", "", &[ICFM_24, SUMMIT_8, EXTRAORDINARY], &[]),
    case("march 1 2006", ADDRESS, &[], &[]),
    case("2006-03-01", ADDRESS, &[], &[]),
    case("april 2006", PUIC_6, &[], &[]),
    case("nov 2000", SUMMIT_9, &[], &[]),
    case("oct 2003", SUMMIT_10, &[], &[]),
    case("1995", JOINS, &[], &[]),
    // 7. Scopes.
    case(
        "place:baku",
        ICFM_33,
        &[],
        &[
            ICFM_24,
            ICFM_32,
            SECOND_CONGRESS,
            RESOLUTION,
            DELEGATIONS,
            KAZAKHSTAN,
        ],
    ),
    case(
        "place:mekkah",
        "",
        &[SCHOLARS, EXTRAORDINARY],
        &[KING, SAUDI_ARABIA, MEMBER_STATES, ABDILDIN, ACTION_PLAN],
    ),
    case(
        "place:tehran",
        SUMMIT_8,
        &[],
        &[SUMMIT_9, SUMMIT_10, DELEGATIONS],
    ),
    case("place:yemen", ICFM_32, &[], &[YEMEN, CONGRESS, ICFM_33]),
    case(
        "place:turkey",
        PUIC_6,
        &[],
        &[TURKEY, PARLIAMENTARIANS, PARLIAMENTARY_UNION],
    ),
    case("place:jakarta", ICFM_24, &[], &[ICFM_33, ICFM_32]),
    case(
        "place:mecca",
        "",
        &[SCHOLARS, EXTRAORDINARY],
        &[KING, SAUDI_ARABIA],
    ),
    // 8. Other spellings the dataset knows.
    case("mecca", "", &[SCHOLARS, EXTRAORDINARY], &[]),
    case("makkah", "", &[SCHOLARS, EXTRAORDINARY], &[]),
    case("putrajaya", SUMMIT_10, &[], &[]),
    case("nursultan nazarbayev", NAZARBAYEV, &[ADDRESS], &[]),
    case("icesco", ISESCO, &[], &[]),
    case("isdb", IDB, &[], &[]),
    case("organisation of islamic cooperation", OIC, &[], &[]),
    case("azerbaijan", ICFM_33, &[], &[]),
    case("malaysia", SUMMIT_10, &[], &[]),
    case("33rd icfm", ICFM_33, &[], &[]),
];

#[test]
fn a_reader_finds_what_they_mean_in_their_own_words() {
    let catalog = common::catalog();
    let index = SearchIndex::new(&catalog);
    let known: Vec<&str> = catalog
        .records()
        .map(|record| catalog.title(record))
        .collect();
    let mut failures = Vec::new();
    for case in CASES {
        for title in std::iter::once(&case.first)
            .chain(case.also)
            .chain(case.not)
        {
            assert!(
                title.is_empty() || known.contains(title),
                "{:?} names {title:?}, which is no record's title",
                case.query
            );
        }
        let results = index.search(&Query::parse(case.query));
        let titles: Vec<&str> = results
            .hits()
            .iter()
            .map(|hit| catalog.title(hit.record))
            .collect();
        let top = titles.first().copied().unwrap_or("(nothing)");
        let mut problems = Vec::new();
        if case.first.is_empty() {
            if !case.also.contains(&top) {
                problems.push(format!("first {top:?}, expected one of {:?}", case.also));
            }
        } else if top != case.first {
            problems.push(format!("first {top:?}, expected {:?}", case.first));
        }
        let missing: Vec<&&str> = case
            .also
            .iter()
            .filter(|title| !titles.contains(title))
            .collect();
        if !missing.is_empty() {
            problems.push(format!("not found {missing:?}"));
        }
        let unwanted: Vec<&&str> = case
            .not
            .iter()
            .filter(|title| titles.contains(title))
            .collect();
        if !unwanted.is_empty() {
            problems.push(format!("found {unwanted:?}, should not be"));
        }
        if !problems.is_empty() {
            failures.push(format!("{:?} → {}", case.query, problems.join("; ")));
        }
    }
    assert!(CASES.len() >= 45);
    assert!(
        failures.is_empty(),
        "{} of {} failing:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
