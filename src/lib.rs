//! oic-explorer: a terminal explorer of Kazakhstan's relations with the Organization of the
//! Islamic Conference.

pub mod data;
