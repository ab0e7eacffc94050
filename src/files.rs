//! The files a build makes, by path inside the output folder: what rendering returns and
//! the write stage writes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Files to write, by path relative to the output folder. Their contents are shared: a
/// copy of the set, or a set extended by another, copies no file's bytes (a rebuild keeps
/// the sites that did not change, some tens of megabytes, and hands them on).
#[derive(Debug, Default, Clone)]
pub struct OutputFiles {
    files: BTreeMap<PathBuf, Arc<Vec<u8>>>,
}

impl OutputFiles {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, path: impl Into<PathBuf>, contents: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), Arc::new(contents.into()));
    }

    pub fn get(&self, path: impl AsRef<Path>) -> Option<&[u8]> {
        self.files.get(path.as_ref()).map(|c| c.as_slice())
    }

    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.keys().map(PathBuf::as_path)
    }

    /// Each file with its contents, in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&Path, &[u8])> {
        self.files.iter().map(|(p, c)| (p.as_path(), c.as_slice()))
    }

    /// Adds every file of `other` (replacing those of the same path).
    pub fn extend(&mut self, other: &OutputFiles) {
        for (path, contents) in &other.files {
            self.files.insert(path.clone(), Arc::clone(contents));
        }
    }

    /// Moves every file of `other` in (replacing those of the same path).
    pub fn append(&mut self, mut other: OutputFiles) {
        self.files.append(&mut other.files);
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
