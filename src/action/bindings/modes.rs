//! A set of [`Mode`]s, the modes a binding works in: small and copied, so a remapped binding
//! can work in the modes its action had less those where its key would be typed as text.

use crate::action::Mode;

/// Some of the modes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Modes(u8);

impl Modes {
    /// Every mode, in a fixed order (the order [`Modes::iter`] gives).
    pub const EVERY: [Mode; 6] = [
        Mode::Browse,
        Mode::Links,
        Mode::Search,
        Mode::Help,
        Mode::Source,
        Mode::Filter,
    ];

    /// No mode.
    pub const NONE: Self = Self(0);

    /// Every mode: a binding that works anywhere (Ctrl-C, Ctrl-Z), tried before any other.
    pub const ALL: Self = Self(0b11_1111);

    /// The modes where printable keys are typed as text: the search and filter prompts.
    pub const TYPING: Self = Self::of(&[Mode::Search, Mode::Filter]);

    const fn bit(mode: Mode) -> u8 {
        1 << match mode {
            Mode::Browse => 0,
            Mode::Links => 1,
            Mode::Search => 2,
            Mode::Help => 3,
            Mode::Source => 4,
            Mode::Filter => 5,
        }
    }

    /// The set of `modes`.
    pub const fn of(modes: &[Mode]) -> Self {
        let mut bits = 0;
        let mut at = 0;
        while at < modes.len() {
            bits |= Self::bit(modes[at]);
            at += 1;
        }
        Self(bits)
    }

    /// Whether `mode` is in the set.
    pub const fn contains(self, mode: Mode) -> bool {
        self.0 & Self::bit(mode) != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The modes in either set.
    pub const fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// The modes of this set that are not in `other`.
    pub const fn without(self, other: Self) -> Self {
        Self(self.0 & !other.0)
    }

    /// The modes in the set, in [`Modes::EVERY`]'s order.
    pub fn iter(self) -> impl Iterator<Item = Mode> {
        Self::EVERY
            .into_iter()
            .filter(move |&mode| self.contains(mode))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_hold_what_they_are_made_of() {
        let reading = Modes::of(&[Mode::Help, Mode::Source]);
        assert!(reading.contains(Mode::Help) && !reading.contains(Mode::Browse));
        assert_eq!(Modes::of(&Modes::EVERY), Modes::ALL);
        assert_eq!(
            Modes::ALL.without(Modes::TYPING).iter().collect::<Vec<_>>(),
            [Mode::Browse, Mode::Links, Mode::Help, Mode::Source]
        );
        assert!(Modes::TYPING.without(Modes::TYPING).is_empty());
        assert_eq!(reading.union(Modes::TYPING).iter().count(), 4);
    }
}
