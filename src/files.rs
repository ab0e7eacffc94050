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

    /// Adds the file `path` of `other` (without copying its bytes); false if `other` has
    /// none there.
    pub fn add_from(&mut self, other: &OutputFiles, path: &str) -> bool {
        match other.files.get(Path::new(path)) {
            Some(contents) => {
                self.files.insert(PathBuf::from(path), Arc::clone(contents));
                true
            }
            None => false,
        }
    }

    /// Each file with its contents as shared, in path order.
    pub fn iter_shared(&self) -> impl Iterator<Item = (&Path, &Arc<Vec<u8>>)> {
        self.files.iter().map(|(p, c)| (p.as_path(), c))
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

/// A file as the disk tells it: which file, its length, and when it was last written and
/// changed. Two stamps of a path are equal only if it is the same file, untouched in
/// between (its change time cannot be set back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    #[cfg(unix)]
    id: (u64, u64),
    len: u64,
    modified: Option<std::time::SystemTime>,
    /// When its contents or its names last changed (none where unknown, or left out).
    changed: Option<(i64, i64)>,
}

impl Stamp {
    /// The stamp of the plain file at `path` (not followed if it is a link), and whether
    /// the file has no other name on the disk.
    pub fn of(path: &Path) -> Option<(Stamp, bool)> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        #[cfg(unix)]
        let (own, id, changed) = {
            use std::os::unix::fs::MetadataExt;
            let changed = Some((meta.ctime(), meta.ctime_nsec()));
            (meta.nlink() == 1, (meta.dev(), meta.ino()), changed)
        };
        #[cfg(not(unix))]
        let (own, changed) = (false, None);
        let stamp = Stamp {
            #[cfg(unix)]
            id,
            len: meta.len(),
            modified: meta.modified().ok(),
            changed,
        };
        meta.is_file().then_some((stamp, own))
    }

    /// The stamp without the change time, which a new name or a name removed changes
    /// too (the output's files are linked from one build's folder into the next).
    pub fn without_change_time(self) -> Stamp {
        Stamp {
            changed: None,
            ..self
        }
    }
}
