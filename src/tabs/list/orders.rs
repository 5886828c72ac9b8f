//! Every whole order a tab's list can be sorted in, built once per catalog, tab, key and
//! direction and shared: a list filtered, narrowed to a kind or sorted again takes the records
//! it keeps from the order it needs, one pass and no sort, so `o`, `f` and a filter's answer
//! cost a frame at any size. An order not yet built is built at once, or, once a notifier is
//! set (the running explorer sets one), on a thread of its own that announces its end: the
//! drawing thread never sorts a million rows. Owns only the cache; [`super::TabRows`] reads it.

use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Mutex, PoisonError},
    thread,
};

use super::{RecordKind, SortKey, rows};
use crate::data::{Catalog, RecordRef, Tab};

/// Which whole order: the tab's records by `sort`, the other way round when `reversed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OrderKey {
    /// The tab whose records are ordered.
    pub tab: Tab,
    /// The order.
    pub sort: SortKey,
    /// Whether it is turned round.
    pub reversed: bool,
}

/// Every record of a tab's collection in one order, with each record's row and, on the
/// timeline, the months of the dated rows, sorted.
#[derive(Debug)]
pub struct WholeOrder {
    /// The records (indices into the collection), in order.
    pub items: Arc<[u32]>,
    /// Each record's row, indexed by the record.
    pub rows: Arc<[u32]>,
    /// For the timeline: the month each dated record starts in, sorted.
    pub month_keys: Arc<[i32]>,
    /// Each row's kind, in row order: a list narrowed to a kind reads these in turn instead
    /// of each record, scattered through memory, in the order's sequence.
    pub kinds: Box<[Option<RecordKind>]>,
    /// For the timeline, each row's month ([`UNDATED`] when it has none), in row order.
    pub months: Box<[i32]>,
}

/// The Funding tab's rows in one order: each programme followed by every one of its projects
/// in that order, with each one's row.
#[derive(Debug)]
pub struct FundingOrder {
    /// Programmes and projects, in row order.
    pub rows: Arc<[RecordRef]>,
    /// Each programme's row, indexed by the programme.
    pub programme_rows: Arc<[u32]>,
    /// Each project's row, indexed by the project.
    pub project_rows: Arc<[u32]>,
}

/// A whole order as it is kept: one collection's records, or Funding's programmes and
/// projects together.
#[derive(Clone, Debug)]
pub enum Built {
    /// The records of one collection.
    List(Arc<WholeOrder>),
    /// The Funding tab's programmes and projects.
    Funding(Arc<FundingOrder>),
}

/// The month of an undated row in [`WholeOrder::months`].
pub const UNDATED: i32 = i32::MIN;

/// Called with the tab whose order a thread has just built.
type Notifier = Arc<dyn Fn(Tab) + Send + Sync>;

/// The whole orders built so far for one catalog, and how a missing one is built.
pub struct Orders {
    built: Mutex<HashMap<OrderKey, Built>>,
    building: Mutex<HashSet<OrderKey>>,
    notifier: Mutex<Option<Notifier>>,
    /// Lists at most this long are ordered at once, notifier or not.
    at_once: usize,
}

impl Default for Orders {
    fn default() -> Self {
        Self {
            built: Mutex::default(),
            building: Mutex::default(),
            notifier: Mutex::default(),
            at_once: AT_ONCE,
        }
    }
}

impl std::fmt::Debug for Orders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let built = self.built.lock().map_or(0, |built| built.len());
        f.debug_struct("Orders").field("built", &built).finish()
    }
}

/// Lists at most this long are ordered at once even with a notifier: sorting them takes less
/// than a frame, and a list that never says "ordering…" is simpler to read.
const AT_ONCE: usize = 20_000;

impl Orders {
    /// From now on, orders of long lists are built on a thread that calls `notify` with the
    /// tab when done.
    pub fn set_notifier(&self, notify: impl Fn(Tab) + Send + Sync + 'static) {
        *self.notifier.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(notify));
    }

    /// The whole order `key` of `catalog`, built now if no thread would build it; `None`
    /// while a thread builds it (its notifier says when it is ready).
    pub fn get(self: &Arc<Self>, catalog: &Arc<Catalog>, key: OrderKey) -> Option<Built> {
        if let Some(order) = self.lock_built().get(&key) {
            return Some(order.clone());
        }
        let notifier = self
            .notifier
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let count = match key.tab {
            Tab::Funding => catalog.counts().programmes + catalog.counts().projects,
            tab => catalog.records_of(tab).count(),
        };
        let Some(notify) = notifier.filter(|_| count > self.at_once) else {
            let order = build_any(catalog, key);
            self.lock_built().insert(key, order.clone());
            return Some(order);
        };
        let first_asked = self
            .building
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key);
        if first_asked {
            let (orders, shared) = (Arc::clone(self), Arc::clone(catalog));
            let started = thread::Builder::new()
                .name("ordering".to_string())
                .spawn(move || {
                    let order = build_any(&shared, key);
                    orders.lock_built().insert(key, order);
                    orders
                        .building
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .remove(&key);
                    notify(key.tab);
                });
            // No thread to be had: build it here, late rather than never.
            if started.is_err() {
                let order = build_any(catalog, key);
                self.lock_built().insert(key, order.clone());
                return Some(order);
            }
        }
        None
    }

    fn lock_built(&self) -> std::sync::MutexGuard<'_, HashMap<OrderKey, Built>> {
        self.built.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The whole order `key`, of whichever kind its tab has.
fn build_any(catalog: &Catalog, key: OrderKey) -> Built {
    match key.tab {
        Tab::Funding => Built::Funding(Arc::new(rows::funding_order(
            catalog,
            key.sort,
            key.reversed,
        ))),
        _ => Built::List(Arc::new(build(catalog, key))),
    }
}

/// Sorts every record of `key.tab` as `key` says.
pub(super) fn build(catalog: &Catalog, key: OrderKey) -> WholeOrder {
    let count = catalog.records_of(key.tab).count();
    let make = key.tab.collection().unwrap_or(RecordRef::Participant);
    let mut items: Vec<u32> = (0..rows::index(count)).collect();
    rows::sort(catalog, key.tab, key.sort, key.reversed, make, &mut items);
    let rows = rows::positions(items.iter().copied(), count);
    let kinds = items
        .iter()
        .map(|&i| RecordKind::of(catalog, make(i)))
        .collect();
    let months: Box<[i32]> = if key.tab == Tab::Timeline {
        items
            .iter()
            .map(|&i| {
                catalog
                    .event(i)
                    .and_then(|event| event.date())
                    .map_or(UNDATED, |date| {
                        i32::try_from(date.month_key()).unwrap_or(i32::MAX)
                    })
            })
            .collect()
    } else {
        Box::default()
    };
    let dated = months
        .iter()
        .copied()
        .filter(|&month| month != UNDATED)
        .collect();
    let month_keys = rows::sorted_months(dated, key.sort == SortKey::Date && !key.reversed);
    WholeOrder {
        items: items.into(),
        rows: rows.into(),
        month_keys: month_keys.into(),
        kinds,
        months,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use proptest::prelude::*;

    use super::*;
    use crate::{
        data::RecordRef,
        synthetic,
        tabs::list::{FilterMatches, ListShape, TabRows},
    };

    fn catalog() -> Arc<Catalog> {
        let dataset = synthetic::generate(300, 3);
        Arc::new(Catalog::new(dataset, None).expect("synthetic data is valid"))
    }

    /// A catalog with several programmes (one per ten projects), each with projects of its
    /// own, so their order is more than one way to list one.
    fn funding_catalog() -> Arc<Catalog> {
        static CATALOG: std::sync::OnceLock<Arc<Catalog>> = std::sync::OnceLock::new();
        let catalog = CATALOG.get_or_init(|| {
            let dataset = synthetic::generate(2_400, 3);
            Arc::new(Catalog::new(dataset, None).expect("synthetic data is valid"))
        });
        assert!(catalog.counts().programmes >= 5);
        Arc::clone(catalog)
    }

    #[test]
    fn a_long_list_is_ordered_on_a_thread_that_says_when() {
        let catalog = catalog();
        let orders = Arc::new(Orders {
            at_once: 0,
            ..Orders::default()
        });
        let (sender, built) = mpsc::channel();
        orders.set_notifier(move |tab| {
            let _ = sender.send(tab);
        });
        let key = OrderKey {
            tab: Tab::Timeline,
            sort: SortKey::Place,
            reversed: true,
        };
        assert!(orders.get(&catalog, key).is_none(), "not built yet");
        let tab = built
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("the thread says it is done");
        assert_eq!(tab, Tab::Timeline);
        let Some(Built::List(order)) = orders.get(&catalog, key) else {
            panic!("built now, as a list");
        };
        let at_once = build(&catalog, key);
        assert_eq!(order.items, at_once.items);
        assert_eq!(order.month_keys, at_once.month_keys);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// A list taken from a whole order is the one sorting only its own records gives.
        #[test]
        fn a_shaped_list_from_a_whole_order_is_the_list_sorted_alone(
            tab_at in 0usize..3,
            sort_at in 0usize..5,
            reversed in any::<bool>(),
            kind_at in prop::option::of(0usize..8),
            kept in prop::option::of(prop::collection::vec(any::<bool>(), 0..400)),
        ) {
            let catalog = catalog();
            let tab = [Tab::Timeline, Tab::Initiatives, Tab::Participants][tab_at];
            let sorts = SortKey::for_tab(tab);
            let make = tab.collection().unwrap_or(RecordRef::Participant);
            let count = catalog.records_of(tab).count();
            let controls = crate::tabs::ListControls::new(&catalog, tab);
            let shape = ListShape {
                kind: kind_at.and_then(|at| controls.kinds().get(at % controls.kinds().len().max(1)).copied()),
                matches: kept.map(|kept| {
                    let records = (0..count)
                        .filter(|&i| kept.get(i).copied().unwrap_or(false))
                        .map(|i| make(rows::index(i)))
                        .collect();
                    FilterMatches::new("x", records)
                }),
                sort: sorts[sort_at % sorts.len()],
                reversed,
            };
            let orders = Arc::new(Orders::default());
            let shaped = TabRows::shaped_with(&orders, &catalog, tab, &shape)
                .expect("built at once without a notifier");
            let mut alone: Vec<u32> = (0..rows::index(count))
                .filter(|&i| shape.keeps(make(i), RecordKind::of(&catalog, make(i))))
                .collect();
            rows::sort(&catalog, tab, shape.sort, shape.reversed, make, &mut alone);
            let listed: Vec<RecordRef> = (0..shaped.len()).filter_map(|row| shaped.get(row)).collect();
            let expected: Vec<RecordRef> = alone.iter().map(|&i| make(i)).collect();
            prop_assert_eq!(&listed, &expected);
            for (row, record) in expected.iter().enumerate() {
                prop_assert_eq!(shaped.position_of(*record), Some(row));
            }
            let mut months: Vec<i32> = alone
                .iter()
                .filter_map(|&i| catalog.event(i)?.date())
                .map(|date| i32::try_from(date.month_key()).unwrap_or(i32::MAX))
                .collect();
            if tab != Tab::Timeline {
                months.clear();
            }
            months.sort_unstable();
            prop_assert_eq!(shaped.month_keys(), &months[..]);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// Funding's rows from its cached whole order, filtered or not, are the programmes,
        /// sorted alone, each followed by their projects the filter kept, sorted alone.
        #[test]
        fn funding_rows_from_the_whole_order_are_programmes_and_projects_sorted_alone(
            sort_at in 0usize..3,
            reversed in any::<bool>(),
            kept in prop::option::of(prop::collection::vec(any::<bool>(), 0..200)),
        ) {
            let catalog = funding_catalog();
            let counts = catalog.counts();
            let records: Vec<RecordRef> = (0..rows::index(counts.programmes))
                .map(RecordRef::Programme)
                .chain((0..rows::index(counts.projects)).map(RecordRef::Project))
                .collect();
            let sort = [SortKey::Listed, SortKey::Amount, SortKey::Title][sort_at];
            let kept_records: Option<Vec<RecordRef>> = kept.as_ref().map(|kept| {
                records
                    .iter()
                    .enumerate()
                    .filter(|(at, _)| kept.get(*at).copied().unwrap_or(false))
                    .map(|(_, &record)| record)
                    .collect()
            });
            let is_kept = |record: RecordRef| {
                kept_records.as_ref().is_none_or(|kept| kept.contains(&record))
            };
            let shape = ListShape {
                kind: None,
                matches: kept_records.clone().map(|kept| FilterMatches::new("x", kept)),
                sort,
                reversed,
            };
            let orders = Arc::new(Orders::default());
            let shaped = TabRows::shaped_with(&orders, &catalog, Tab::Funding, &shape)
                .expect("built at once without a notifier");
            // Programmes and projects alike: by amount (a programme's is its projects' sum),
            // by name, or as listed; the other way round when reversed.
            let amount = |record: RecordRef| match record {
                RecordRef::Project(i) => catalog.project(i).map_or(0, |p| p.amount_usd()),
                RecordRef::Programme(i) => catalog.programme_total(i),
                _ => 0,
            };
            let order = |records: &mut Vec<RecordRef>| {
                match sort {
                    SortKey::Amount => records.sort_by_key(|&r| (std::cmp::Reverse(amount(r)), r)),
                    SortKey::Title => records.sort_by_key(|&r| (crate::data::name_order_key(catalog.title(r)), r)),
                    _ => records.sort(),
                }
                if reversed {
                    records.reverse();
                }
            };
            let mut programmes: Vec<RecordRef> =
                (0..rows::index(counts.programmes)).map(RecordRef::Programme).collect();
            order(&mut programmes);
            let mut expected = Vec::new();
            for programme in programmes {
                let mut projects: Vec<RecordRef> = catalog
                    .relations(programme)
                    .iter()
                    .filter(|relation| relation.role == crate::data::Role::Project)
                    .map(|relation| relation.target)
                    .filter(|&project| is_kept(project))
                    .collect();
                order(&mut projects);
                if is_kept(programme) || !projects.is_empty() {
                    expected.push(programme);
                }
                expected.extend(projects);
            }
            let listed: Vec<RecordRef> = (0..shaped.len()).filter_map(|row| shaped.get(row)).collect();
            prop_assert_eq!(&listed, &expected);
            for record in &records {
                prop_assert_eq!(shaped.position_of(*record), expected.iter().position(|r| r == record));
            }
            prop_assert_eq!(&TabRows::shaped(&catalog, Tab::Funding, &shape).window(0, usize::MAX), &expected);
        }
    }
}
