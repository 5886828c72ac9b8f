//! Searching off the drawing thread. The app hands each query to a worker thread and keeps
//! drawing; the worker reports partial results while a long search runs and the final
//! results when it ends. A newer query cancels the one running at its next chunk.

use std::{
    io,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
        mpsc::{self, Receiver, Sender},
    },
    thread,
    time::{Duration, Instant},
};

use super::{Query, SearchIndex, SearchResults};

/// One search for the worker: a numbered query and the results it may narrow.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    /// Increases with every request; results carry it so stale ones can be told apart.
    pub generation: u64,
    /// What to search for.
    pub query: Query,
    /// The last complete results, which an extending query narrows instead of rescanning.
    pub previous: Option<SearchResults>,
}

/// What the worker reports.
#[derive(Clone, Debug)]
pub enum SearchEvent {
    /// The hits so far of a search still running.
    Progress {
        /// The request's generation.
        generation: u64,
        /// Records looked at.
        scanned: usize,
        /// Records to look at.
        total: usize,
        /// How many records have matched so far.
        found: usize,
        /// The best hits so far, ranked.
        results: SearchResults,
    },
    /// The search is being made ready (once, after loading); a request waits for it.
    Preparing {
        /// The waiting request's generation.
        generation: u64,
        /// How far preparing has got, in percent.
        percent: u8,
    },
    /// The complete results of a search.
    Done {
        /// The request's generation.
        generation: u64,
        /// The results.
        results: SearchResults,
    },
}

impl SearchEvent {
    /// The generation of the request this reports on.
    pub fn generation(&self) -> u64 {
        match self {
            Self::Progress { generation, .. }
            | Self::Preparing { generation, .. }
            | Self::Done { generation, .. } => *generation,
        }
    }
}

/// When a running search reports partial results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportTiming {
    /// No report before the search has run this long: quick searches go straight to `Done`.
    pub first: Duration,
    /// The least time between two reports.
    pub every: Duration,
    /// How often a query waiting for the search to be made ready hears how far that has got.
    pub preparing: Duration,
}

impl Default for ReportTiming {
    fn default() -> Self {
        Self {
            first: Duration::from_millis(200),
            every: Duration::from_millis(100),
            preparing: Duration::from_millis(100),
        }
    }
}

/// Sends requests to the worker; cloneable, so a test's event sink can hold one.
#[derive(Clone, Debug)]
pub struct SearchHandle {
    requests: Sender<SearchRequest>,
    /// The generation the worker should be working on; anything else is stale.
    wanted: Arc<AtomicU64>,
}

impl SearchHandle {
    /// Starts `request`, cancelling whatever runs.
    pub fn submit(&self, request: SearchRequest) {
        self.wanted.store(request.generation, Ordering::SeqCst);
        // A worker that has gone (only when the program ends) has nothing left to report.
        let _ = self.requests.send(request);
    }

    /// Stops whatever runs, without starting anything.
    pub fn cancel(&self) {
        self.wanted.store(0, Ordering::SeqCst);
    }
}

/// The worker thread, with the handle that feeds it. Dropping it cancels the running search.
#[derive(Debug)]
pub struct SearchWorker {
    handle: SearchHandle,
}

impl SearchWorker {
    /// Starts a worker over `index` that reports to `sink`. It first prepares the index, so
    /// the first search does not pay for that.
    pub fn spawn(
        index: Arc<SearchIndex>,
        timing: ReportTiming,
        sink: impl FnMut(SearchEvent) + Send + 'static,
    ) -> io::Result<Self> {
        let (requests, received) = mpsc::channel();
        let wanted = Arc::new(AtomicU64::new(0));
        let shared = Arc::clone(&wanted);
        thread::Builder::new()
            .name("search".to_string())
            .spawn(move || serve(&index, &received, &shared, timing, sink))?;
        Ok(Self {
            handle: SearchHandle { requests, wanted },
        })
    }

    /// The handle that sends requests.
    pub fn handle(&self) -> &SearchHandle {
        &self.handle
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        self.handle.cancel();
    }
}

/// The worker's loop: the newest request wins; each is searched with progress and checks.
fn serve(
    index: &Arc<SearchIndex>,
    requests: &Receiver<SearchRequest>,
    wanted: &AtomicU64,
    timing: ReportTiming,
    mut sink: impl FnMut(SearchEvent),
) {
    // A query typed while the index is being made ready hears how far that has got.
    let mut waiting: Option<SearchRequest> = None;
    index.prepare_watching(timing.preparing, |percent| {
        while let Ok(request) = requests.try_recv() {
            waiting = Some(request);
        }
        if let Some(request) = &waiting
            && wanted.load(Ordering::SeqCst) == request.generation
        {
            sink(SearchEvent::Preparing {
                generation: request.generation,
                percent,
            });
        }
    });
    // Searches can run now; the postings, then the typo vocabulary, are built beside them (a
    // broad query before the postings are done scans every record before its first screen; a
    // search for a typo before the vocabulary is done waits for it). Without a thread for
    // them, broad queries scan every record first and the first typo search builds the
    // vocabulary.
    let typos = Arc::clone(index);
    let _ = thread::Builder::new()
        .name("search-typos".to_string())
        .spawn(move || {
            // A broad query is typed more often than a misspelt one.
            typos.prepare_postings();
            typos.prepare_typos();
        });
    loop {
        let mut request = match waiting.take() {
            Some(request) => request,
            None => match requests.recv() {
                Ok(request) => request,
                Err(_) => break,
            },
        };
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        let current = || wanted.load(Ordering::SeqCst) == generation;
        if !current() {
            continue;
        }
        let started = Instant::now();
        let mut next_report = timing.first;
        let mut first_told = false;
        let results = index.search_from(&request.query, request.previous.as_ref(), |progress| {
            if !current() {
                return false;
            }
            let elapsed = started.elapsed();
            // The first hits of a broad query, once proven, go to the screen at once.
            let first_news = progress.first_known() && !first_told;
            if elapsed >= next_report || first_news {
                first_told |= first_news;
                sink(SearchEvent::Progress {
                    generation,
                    scanned: progress.scanned,
                    total: progress.total,
                    found: progress.hit_count(),
                    results: progress.results(),
                });
                next_report = elapsed + timing.every;
            }
            current()
        });
        if let Some(results) = results
            && current()
        {
            let ranking = results.clone();
            sink(SearchEvent::Done {
                generation,
                results,
            });
            // The first screen went out with the best hits ranked; the rest are ranked here,
            // before a scroll past them would wait on it.
            ranking.finish_ranking();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{data::Catalog, synthetic};
    use std::sync::Mutex;

    fn catalog() -> Arc<Catalog> {
        let dataset = synthetic::generate(400, 7);
        Arc::new(Catalog::new(dataset, None).expect("synthetic data is valid"))
    }

    fn request(generation: u64, text: &str) -> SearchRequest {
        SearchRequest {
            generation,
            query: Query::parse(text),
            previous: None,
        }
    }

    #[test]
    fn a_search_reports_its_final_results() {
        let catalog = catalog();
        let index = Arc::new(SearchIndex::new(&catalog));
        let (sender, events) = mpsc::channel();
        let worker = SearchWorker::spawn(Arc::clone(&index), ReportTiming::default(), move |e| {
            let _ = sender.send(e);
        })
        .expect("a thread starts");
        worker.handle().submit(request(1, "summit"));
        // Typed at once, the query may hear first how far the search is from ready.
        let event = std::iter::repeat_with(|| events.recv_timeout(Duration::from_secs(30)))
            .map(|event| event.expect("done"))
            .find(|event| !matches!(event, SearchEvent::Preparing { .. }))
            .expect("an event");
        let SearchEvent::Done {
            generation,
            results,
        } = event
        else {
            panic!("a quick search goes straight to its results: {event:?}");
        };
        assert_eq!(generation, 1);
        assert!(!results.is_empty());
        assert_eq!(results.hits(), index.search(&Query::parse("summit")).hits());
    }

    #[test]
    fn a_new_query_cancels_the_running_one() {
        let catalog = catalog();
        // One record per chunk: the search stops to report (and check) after every record.
        let index = Arc::new(SearchIndex::new(&catalog).with_chunk_size(1));
        let expected = index.search(&Query::parse("conference")).hits().to_vec();
        let seen: Arc<Mutex<Vec<SearchEvent>>> = Arc::default();
        let handle: Arc<Mutex<Option<SearchHandle>>> = Arc::default();
        let (done, finished) = mpsc::channel();
        let timing = ReportTiming {
            first: Duration::ZERO,
            every: Duration::ZERO,
            ..ReportTiming::default()
        };
        let sink = {
            let seen = Arc::clone(&seen);
            let handle = Arc::clone(&handle);
            move |event: SearchEvent| {
                // The first report of the first search: the user types on, from inside the
                // search, so the change lands between two chunks whatever the timing.
                if matches!(event, SearchEvent::Progress { generation: 1, .. })
                    && let Some(handle) = handle.lock().expect("lock").as_ref()
                    && seen.lock().expect("lock").is_empty()
                {
                    handle.submit(request(2, "conference"));
                }
                let is_done = matches!(event, SearchEvent::Done { .. });
                seen.lock().expect("lock").push(event);
                if is_done {
                    let _ = done.send(());
                }
            }
        };
        let worker = SearchWorker::spawn(Arc::clone(&index), timing, sink).expect("thread");
        *handle.lock().expect("lock") = Some(worker.handle().clone());
        worker.handle().submit(request(1, "a"));
        finished
            .recv_timeout(Duration::from_secs(30))
            .expect("the second search ends");
        let seen = seen.lock().expect("lock");
        let first_reports = seen.iter().filter(|e| e.generation() == 1).count();
        assert_eq!(
            first_reports, 1,
            "the first search stopped at its next chunk"
        );
        let last = seen.last().expect("events");
        let SearchEvent::Done {
            generation: 2,
            results,
        } = last
        else {
            panic!("the last event is the second search's results: {last:?}");
        };
        assert_eq!(results.hits(), expected.as_slice());
        assert!(
            seen.iter()
                .all(|e| !matches!(e, SearchEvent::Done { generation: 1, .. })),
            "the cancelled search never reports results"
        );
    }

    #[test]
    fn partial_results_grow_to_the_final_ones() {
        let catalog = catalog();
        let index = Arc::new(SearchIndex::new(&catalog).with_chunk_size(64));
        let (sender, events) = mpsc::channel();
        let timing = ReportTiming {
            first: Duration::ZERO,
            every: Duration::ZERO,
            ..ReportTiming::default()
        };
        let worker = SearchWorker::spawn(Arc::clone(&index), timing, move |e| {
            let _ = sender.send(e);
        })
        .expect("a thread starts");
        worker.handle().submit(request(1, "kazakhstan"));
        let mut reports = Vec::new();
        let results = loop {
            match events.recv_timeout(Duration::from_secs(30)).expect("event") {
                SearchEvent::Progress {
                    scanned,
                    total,
                    results,
                    ..
                } => reports.push((scanned, total, results.len())),
                SearchEvent::Done { results, .. } => break results,
                SearchEvent::Preparing { .. } => {}
            }
        };
        assert!(reports.len() > 2, "a chunked search reports: {reports:?}");
        assert!(
            reports
                .windows(2)
                .all(|pair| pair[0].0 < pair[1].0 && pair[0].2 <= pair[1].2),
            "progress only grows: {reports:?}"
        );
        assert!(
            reports
                .iter()
                // All scanned, the typos may still be looked for.
                .all(|&(scanned, total, hits)| scanned <= total && hits <= results.len())
        );
        assert_eq!(
            results.hits(),
            index.search(&Query::parse("kazakhstan")).hits()
        );
    }

    #[test]
    fn a_query_typed_while_the_search_is_made_ready_hears_how_far_it_has_got() {
        let dataset = synthetic::generate(20_000, 3);
        let catalog = Arc::new(Catalog::new(dataset, None).expect("synthetic data is valid"));
        let index = Arc::new(SearchIndex::new(&catalog));
        let (sender, events) = mpsc::channel();
        let timing = ReportTiming {
            preparing: Duration::from_micros(200),
            ..ReportTiming::default()
        };
        let worker = SearchWorker::spawn(Arc::clone(&index), timing, move |e| {
            let _ = sender.send(e);
        })
        .expect("a thread starts");
        worker.handle().submit(request(1, "summit"));
        let mut percents = Vec::new();
        let results = loop {
            match events.recv_timeout(Duration::from_secs(60)).expect("event") {
                SearchEvent::Preparing {
                    generation,
                    percent,
                } => {
                    assert_eq!(generation, 1);
                    percents.push(percent);
                }
                SearchEvent::Progress { .. } => {}
                SearchEvent::Done { results, .. } => break results,
            }
        };
        assert!(!percents.is_empty(), "preparing 20,000 records reports");
        assert!(
            percents.windows(2).all(|pair| pair[0] <= pair[1]),
            "{percents:?}"
        );
        assert!(percents.iter().all(|&p| p < 100), "{percents:?}");
        assert_eq!(results.hits(), index.search(&Query::parse("summit")).hits());
    }
}
