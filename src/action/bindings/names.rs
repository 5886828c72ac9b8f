//! The names a config file gives the actions keys can be bound to, derived from [`Action`]
//! in snake_case (`Move(Down)` is `move_down`, `SelectTab(Funding)` is `select_tab_funding`).
//! A movement is one name wherever it moves: the list, the help and the quick look scroll by
//! the same keys. The names are part of the config file's format: never rename one.

use crate::{
    action::{Action, Movement},
    data::Tab,
};

/// The name of `action` for key bindings, if a key can be bound to it.
pub fn name_of(action: &Action) -> Option<&'static str> {
    use Action as A;
    Some(match action {
        A::Quit => "quit",
        A::Suspend => "suspend",
        A::SelectTab(tab) => match tab {
            Tab::Timeline => "select_tab_timeline",
            Tab::Funding => "select_tab_funding",
            Tab::Initiatives => "select_tab_initiatives",
            Tab::Participants => "select_tab_participants",
            Tab::Source => "select_tab_source",
        },
        A::NextTab => "next_tab",
        A::PreviousTab => "previous_tab",
        A::Move(way) | A::ScrollHelp(way) | A::ScrollSource(way) => match way {
            Movement::Down => "move_down",
            Movement::Up => "move_up",
            Movement::First => "move_first",
            Movement::Last => "move_last",
            Movement::PageDown => "move_page_down",
            Movement::PageUp => "move_page_up",
        },
        A::ScrollDetail(1) => "scroll_detail_down",
        A::ScrollDetail(-1) => "scroll_detail_up",
        A::FocusLinks => "focus_links",
        A::FocusList => "focus_list",
        A::FollowLink => "follow_link",
        A::Back => "back",
        A::Forward => "forward",
        A::ShowInSource => "show_in_source",
        A::ToggleSource => "toggle_source",
        A::StepKind { forward: true } => "step_kind_forward",
        A::StepKind { forward: false } => "step_kind_backward",
        A::CycleSort => "cycle_sort",
        A::ReverseSort => "reverse_sort",
        A::OpenFilter => "open_filter",
        A::KeepAsFilter => "keep_as_filter",
        A::PageDetail { down: true } => "page_detail_down",
        A::PageDetail { down: false } => "page_detail_up",
        A::ToggleGrouped => "toggle_grouped",
        A::CopyCitation => "copy_citation",
        A::CopyCommandLine => "copy_command_line",
        A::OpenSearch => "open_search",
        A::SearchBackspace => "search_backspace",
        A::SearchDeleteWord => "search_delete_word",
        A::SearchClear => "search_clear",
        A::SearchSelect(way) => match way {
            Movement::Down => "search_select_down",
            Movement::Up => "search_select_up",
            Movement::PageDown => "search_select_page_down",
            Movement::PageUp => "search_select_page_up",
            Movement::First => "search_select_first",
            Movement::Last => "search_select_last",
        },
        A::SearchSubmit => "search_submit",
        A::NextResult => "next_result",
        A::PreviousResult => "previous_result",
        A::ToggleHelp => "toggle_help",
        A::Cancel => "cancel",
        A::ScrollDetail(_)
        | A::SearchType(_)
        | A::SearchPaste(_)
        | A::Resize { .. }
        | A::Click { .. }
        | A::Wheel { .. } => return None,
    })
}

/// What the action of `name` does, in a few words, as the default config file says it.
pub fn described(name: &str) -> &'static str {
    match name {
        "quit" => "quit (q is a letter in the prompts)",
        "suspend" => "suspend to the shell; fg brings it back",
        "select_tab_timeline" => "the Timeline tab",
        "select_tab_funding" => "the Funding tab",
        "select_tab_initiatives" => "the Initiatives tab",
        "select_tab_participants" => "the Participants tab",
        "select_tab_source" => "the Source tab",
        "next_tab" => "the next tab",
        "previous_tab" => "the previous tab",
        "move_down" => "next record or link; scrolls the help and the quick look",
        "move_up" => "previous record or link; scrolls too",
        "move_first" => "first record or link; top of the help",
        "move_last" => "last record or link; end of the help",
        "move_page_down" => "a page down in the list, the help, the quick look",
        "move_page_up" => "a page up in the list, the help, the quick look",
        "scroll_detail_down" => "scroll the detail pane down",
        "scroll_detail_up" => "scroll the detail pane up",
        "page_detail_down" => "the detail pane a page down",
        "page_detail_up" => "the detail pane a page up",
        "focus_links" => "move into the detail pane's links",
        "focus_list" => "back from the links to the list",
        "follow_link" => "follow the picked link",
        "back" => "go back to where you were",
        "forward" => "go forward again",
        "open_filter" => "filter the tab's list as you type",
        "search_submit" => "search: go to the result; filter: keep it",
        "cancel" => "clear the list's kind and filter; leave a prompt",
        "search_select_down" => "in the search and filter prompts: the next result",
        "search_select_up" => "in the search and filter prompts: the previous result",
        "search_select_page_down" => "in the search: a page of results down",
        "search_select_page_up" => "in the search: a page of results up",
        "step_kind_forward" => "only the next kind of record; past the last, all",
        "step_kind_backward" => "only the previous kind of record",
        "cycle_sort" => "sort the list the next way",
        "reverse_sort" => "turn the list's order round",
        "show_in_source" => "the record's first quoted passage in the Source tab",
        "toggle_source" => "open or close the quick look at the record's paragraphs",
        "toggle_grouped" => "Funding: show or hide the totals by category",
        "copy_citation" => "copy the record's citation",
        "copy_command_line" => "copy the command line that reopens this view",
        "open_search" => "search every tab and the source text",
        "search_backspace" => "in a prompt: delete the character before the cursor",
        "search_delete_word" => "in a prompt: delete the word before the cursor",
        "search_clear" => "in a prompt: clear it",
        "keep_as_filter" => "keep the search's results as the filter of their tab",
        "next_result" => "after a search: the next result",
        "previous_result" => "after a search: the previous result",
        "toggle_help" => "open or close the help",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_described() {
        for named in crate::action::Bindings::default().names() {
            assert!(!described(named.name).is_empty(), "{}", named.name);
        }
    }

    fn movement(movement: Movement) -> &'static str {
        match movement {
            Movement::Down => "down",
            Movement::Up => "up",
            Movement::First => "first",
            Movement::Last => "last",
            Movement::PageDown => "page_down",
            Movement::PageUp => "page_up",
        }
    }

    #[test]
    fn a_movement_has_one_name_wherever_it_moves() {
        for way in [
            Movement::Down,
            Movement::Up,
            Movement::First,
            Movement::Last,
            Movement::PageDown,
            Movement::PageUp,
        ] {
            let name = name_of(&Action::Move(way)).unwrap();
            assert_eq!(name, format!("move_{}", movement(way)));
            assert_eq!(name_of(&Action::ScrollHelp(way)), Some(name));
            assert_eq!(name_of(&Action::ScrollSource(way)), Some(name));
            assert_eq!(
                name_of(&Action::SearchSelect(way)),
                Some(format!("search_select_{}", movement(way)).as_str())
            );
        }
    }
}
