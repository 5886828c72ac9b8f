//! How far a load has got, shared between the thread that loads and a loading screen.

use std::{
    sync::{
        Mutex, OnceLock, PoisonError,
        atomic::{AtomicU8, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

/// Milliseconds on a clock that only goes forward, counted from an hour before the first time
/// anything asked (so an earlier moment can be written too): what [`LoadProgress`] keeps of
/// when it last moved, in an atomic.
fn now_ms() -> u64 {
    const HOUR_MS: u64 = 3_600_000;
    static BASE: OnceLock<Instant> = OnceLock::new();
    let since = BASE.get_or_init(Instant::now).elapsed().as_millis();
    u64::try_from(since)
        .unwrap_or(u64::MAX)
        .saturating_add(HOUR_MS)
}

/// The steps of a load, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LoadStage {
    /// Reading the file (progress in bytes).
    Reading,
    /// Finding where each record starts and ends.
    Scanning,
    /// Reading the records (progress in records).
    Parsing,
    /// Checking references and building the catalog.
    Checking,
}

impl LoadStage {
    /// Every stage, in order.
    pub const ALL: [Self; 4] = [Self::Reading, Self::Scanning, Self::Parsing, Self::Checking];

    /// What the stage does, for the loading screen.
    pub fn label(self) -> &'static str {
        match self {
            Self::Reading => "Reading the file",
            Self::Scanning => "Finding the records",
            Self::Parsing => "Reading the records",
            Self::Checking => "Checking references",
        }
    }

    /// The share of a whole load the stage takes (measured on a million records).
    fn weight(self) -> f64 {
        match self {
            Self::Reading => 0.17,
            Self::Scanning => 0.17,
            Self::Parsing => 0.36,
            Self::Checking => 0.30,
        }
    }
}

/// The stage a load is in and how far through it; cheap to update from the loading thread.
#[derive(Debug, Default)]
pub struct LoadProgress {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
    /// When the load last moved (see [`now_ms`]): began a stage or did some of one.
    moved_ms: AtomicU64,
    /// The pipe the load is waiting on for its first bytes, if any.
    waiting_for: Mutex<Option<String>>,
    /// Told once when the load starts waiting on a pipe (`check` and `--plain` say so on
    /// stderr; the loading screen shows it itself).
    on_wait: Option<fn(&str)>,
}

impl LoadProgress {
    /// Progress at the start of reading.
    pub fn new() -> Self {
        Self::default()
    }

    /// Progress that calls `on_wait` with the pipe's name when the load has to wait for one.
    pub fn announcing_waits(on_wait: fn(&str)) -> Self {
        Self {
            on_wait: Some(on_wait),
            ..Self::default()
        }
    }

    /// Records that the load waits for the pipe `name` to give its first bytes.
    pub fn wait_for_pipe(&self, name: &str) {
        *self
            .waiting_for
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(name.to_string());
        if let Some(on_wait) = self.on_wait {
            on_wait(name);
        }
    }

    /// Records that the pipe has begun to give.
    pub fn stop_waiting(&self) {
        *self
            .waiting_for
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// The pipe the load is waiting on, if any.
    pub fn waiting_for(&self) -> Option<String> {
        self.waiting_for
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Enters `stage`, which has `total` units of work (0 when it cannot say).
    pub fn begin(&self, stage: LoadStage, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Relaxed);
        self.moved_ms.store(now_ms(), Ordering::Relaxed);
    }

    /// Records `units` more units of the current stage done.
    pub fn advance(&self, units: u64) {
        self.done.fetch_add(units, Ordering::Relaxed);
        self.moved_ms.store(now_ms(), Ordering::Relaxed);
    }

    /// The units of the current stage done so far (bytes, while reading).
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    /// Pretends the load last moved `ago`, as a stalled one would have.
    #[cfg(test)]
    pub(crate) fn moved_ago(&self, ago: Duration) {
        let ago = u64::try_from(ago.as_millis()).unwrap_or(u64::MAX);
        self.moved_ms
            .store(now_ms().saturating_sub(ago), Ordering::Relaxed);
    }

    /// How long since the load last moved: what tells a stalled pipe or disk from one that
    /// gives slowly.
    pub fn still_for(&self) -> Duration {
        Duration::from_millis(now_ms().saturating_sub(self.moved_ms.load(Ordering::Relaxed)))
    }

    /// The current stage.
    pub fn stage(&self) -> LoadStage {
        let stage = usize::from(self.stage.load(Ordering::Relaxed));
        LoadStage::ALL
            .get(stage)
            .copied()
            .unwrap_or(LoadStage::Checking)
    }

    /// How far through the whole load, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        let stage = self.stage();
        let before: f64 = LoadStage::ALL
            .iter()
            .take_while(|&&s| s < stage)
            .map(|s| s.weight())
            .sum();
        let total = self.total.load(Ordering::Relaxed);
        let within = if total == 0 {
            0.0
        } else {
            (self.done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0)
        };
        (before + within * stage.weight()).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_moves_forward_through_the_stages() {
        let progress = LoadProgress::new();
        assert_eq!(progress.fraction(), 0.0);
        progress.begin(LoadStage::Reading, 100);
        progress.advance(50);
        let reading = progress.fraction();
        assert!(reading > 0.0);
        let mut last = reading;
        for stage in &LoadStage::ALL[1..] {
            progress.begin(*stage, 10);
            assert!(progress.fraction() >= last, "{stage:?}");
            progress.advance(10);
            assert!(progress.fraction() > last, "{stage:?}");
            last = progress.fraction();
        }
        assert!((last - 1.0).abs() < 1e-9);
    }

    #[test]
    fn it_says_how_long_it_has_been_still() {
        let progress = LoadProgress::new();
        progress.begin(LoadStage::Reading, 0);
        std::thread::sleep(Duration::from_millis(30));
        assert!(progress.still_for() >= Duration::from_millis(30));
        progress.advance(7);
        assert!(progress.still_for() < Duration::from_millis(30));
        assert_eq!(progress.done(), 7);
    }
}
