//! A title that already ends in a bracketed part, such as "Third Extraordinary Conference
//! (Extraordinary Summit)", never gets a second bracketed part beside it: the date of a link,
//! the paragraphs of a tie, the particulars of a citation follow a ` · ` instead, in the
//! explorer and in every output.

use crate::common::{catalog, run};
use oic_explorer::{citation_text, link_label};

const SUMMIT: &str = "Third Extraordinary Conference (Extraordinary Summit)";

#[test]
fn a_link_and_a_citation_put_the_date_after_a_dot() {
    let catalog = catalog();
    let summit = catalog
        .find("ev-2005-12-extraordinary-summit")
        .expect("the summit");
    assert_eq!(
        link_label(&catalog, summit),
        format!("{SUMMIT} · 7–8 December 2005")
    );
    assert!(
        citation_text(&catalog, summit).starts_with(&format!(
            "{SUMMIT} · 7–8 December 2005, Mekkah. Source, paragraph 11"
        )),
        "{}",
        citation_text(&catalog, summit)
    );
    let tehran = catalog.find("ev-1997-12-summit-8").expect("the summit");
    assert_eq!(
        link_label(&catalog, tehran),
        "8th OIC Summit (December 1997)"
    );
    for record in catalog.records() {
        let label = link_label(&catalog, record);
        assert!(!label.contains(") ("), "{label}");
    }
}

#[test]
fn no_output_puts_two_bracketed_parts_side_by_side() {
    let markdown = run(["export", "--format", "markdown"]).succeeded();
    assert!(
        markdown.contains(&format!("Took part in\\: {SUMMIT} · ¶12, a reading")),
        "{markdown}"
    );
    assert!(markdown.contains("Partners\\: Islamic Development Bank (IDB) · ¶7"));
    assert!(markdown.contains("Became a member\\: Kazakhstan (¶1)"));
    let plain = run(["--plain"]).succeeded();
    for (format, text) in [("markdown", &markdown), ("plain", &plain)] {
        let doubled: Vec<&str> = text.lines().filter(|line| line.contains(") (")).collect();
        assert!(doubled.is_empty(), "{format}: {doubled:#?}");
    }
}
