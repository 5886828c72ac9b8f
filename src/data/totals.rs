//! Every total the explorer shows, computed from the projects (the source states none): each
//! programme's sum and largest project, summed once at load, and the sums by category for the
//! Funding tab's second chart. Nothing here is stored in a dataset file.

use std::collections::HashMap;

use super::{catalog::Catalog, problems::Problems};

/// The name under which projects without a category are summed.
pub const UNCATEGORISED: &str = "uncategorised";

/// The funding of one category: its projects' amounts summed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryTotal {
    /// The category, as the dataset classifies projects.
    pub name: String,
    /// The sum of its projects' amounts, in whole US dollars.
    pub amount: u128,
    /// How many projects it has.
    pub projects: usize,
}

/// Every category with its total, largest first (then by name).
pub fn category_totals(catalog: &Catalog) -> Vec<CategoryTotal> {
    let mut sums: HashMap<&str, (u128, usize)> = HashMap::new();
    let count = u32::try_from(catalog.counts().projects).unwrap_or(u32::MAX);
    for project in (0..count).filter_map(|i| catalog.project(i)) {
        let name = project.category().unwrap_or(UNCATEGORISED);
        let (amount, projects) = sums.entry(name).or_default();
        *amount += u128::from(project.amount_usd());
        *projects += 1;
    }
    let mut totals: Vec<CategoryTotal> = sums
        .into_iter()
        .map(|(name, (amount, projects))| CategoryTotal {
            name: name.to_string(),
            amount,
            projects,
        })
        .collect();
    totals.sort_by(|a, b| b.amount.cmp(&a.amount).then_with(|| a.name.cmp(&b.name)));
    totals
}

impl Catalog {
    /// The total of a programme's projects, in whole US dollars.
    pub fn programme_total(&self, programme: u32) -> u64 {
        self.programme_totals
            .get(programme as usize)
            .copied()
            .unwrap_or(0)
    }

    /// The largest project amount of a programme, in whole US dollars.
    pub fn programme_largest(&self, programme: u32) -> u64 {
        self.programme_largest
            .get(programme as usize)
            .copied()
            .unwrap_or(0)
    }

    /// Sums each programme's projects and finds the largest; a total past `u64` is a problem.
    pub(super) fn sum_programmes(&mut self, problems: &mut Problems) {
        let count = self.records.programmes.len();
        self.programme_totals = vec![0; count];
        self.programme_largest = vec![0; count];
        for (position, project) in self.records.projects.iter().enumerate() {
            let Some(total) = self.programme_totals.get_mut(project.programme as usize) else {
                continue;
            };
            match total.checked_add(project.amount_usd) {
                Some(sum) => *total = sum,
                None => problems.add(
                    format!("projects[{position}].amount_usd"),
                    format!(
                        "the total of its programme overflows (more than {} USD)",
                        u64::MAX
                    ),
                ),
            }
            let largest = &mut self.programme_largest[project.programme as usize];
            *largest = (*largest).max(project.amount_usd);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_embedded;

    #[test]
    fn the_embedded_projects_sum_by_category() {
        let totals = category_totals(&load_embedded().unwrap());
        let summary: Vec<(&str, u128, usize)> = totals
            .iter()
            .map(|t| (t.name.as_str(), t.amount, t.projects))
            .collect();
        assert_eq!(
            summary,
            [
                ("roads", 30_000_000, 2),
                ("enterprise support", 15_000_000, 1),
                ("research institute", 10_000_000, 1),
            ]
        );
    }
}
