//! One entry of a dataset file's `marks`: a field of a collection and what it is, where it is
//! not the source's statement (see `marks`, which declares and checks them).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What one field of one collection is, where it is not the source's statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldMark {
    /// The collection and the field: `projects.category`.
    pub field: String,
    /// What it is: `a classification, not from the source`.
    pub says: String,
}
