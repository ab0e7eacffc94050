//! A hash of a value, within one run of the program: what a builder that builds again
//! compares with its last build, and what keys its memoized work.

/// A hash of `value` (within one run of the program: what a rebuild compares).
pub(crate) fn hash_of<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
