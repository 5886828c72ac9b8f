//! The README stays true to the program: its key table is the help overlay's, its default
//! config file is the one the program writes, and its minimal example is a dataset that loads.

use oic_explorer::Bindings;

const README: &str = include_str!("../../README.md");

#[test]
fn the_key_table_matches_the_help_overlay() {
    let table = Bindings::default().key_table_markdown();
    assert!(
        README.contains(&table),
        "README.md should contain this key table:\n{table}"
    );
}

#[test]
fn the_minimal_example_is_a_valid_dataset() {
    let after = README
        .split("<!-- minimal-example -->")
        .nth(1)
        .expect("the marked example");
    let json = after
        .split("```json\n")
        .nth(1)
        .and_then(|block| block.split("```").next())
        .expect("a json block");
    let catalog = oic_explorer::load(
        "README example",
        json,
        Some("Uzbekistan joined the OIC in 1996."),
    )
    .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(catalog.record_count(), 2);
}

#[test]
fn the_default_config_file_is_the_program_s() {
    let after = README
        .split("<!-- default-config -->")
        .nth(1)
        .expect("the marked default config file");
    let file = after
        .split("```toml\n")
        .nth(1)
        .and_then(|block| block.split("```").next())
        .expect("a toml block");
    assert_eq!(file, oic_explorer::default_config_file());
}
