//! Funding summed by project category, for the Funding tab's second chart.

use std::collections::HashMap;

use crate::data::Catalog;

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
