//! The parts of the screen around the tabs and overlays, and what every part draws with: the
//! tab bar, the status bar, the loading screen, the theme, text helpers and the layout. It
//! owns no app state: each part draws what it is handed, so nothing here imports the app,
//! the tabs or the overlays.

pub mod layout;
pub mod loading;
pub mod status_bar;
pub mod styled;
pub mod tab_bar;
pub mod text;
pub mod theme;
pub mod trail;
