//! Writing `output/` atomically: the whole new output is written into a sibling staging
//! folder, then swapped in with renames. A build that fails at any point before the swap
//! leaves the previous `output/` exactly as it was. Parts of the new output can be written
//! while the rest is still being made ([`Staging`]).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The files of one build: path relative to the output folder -> contents.
#[derive(Debug, Default)]
pub struct OutputFiles {
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl OutputFiles {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, path: impl Into<PathBuf>, contents: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), contents.into());
    }

    pub fn get(&self, path: impl AsRef<Path>) -> Option<&[u8]> {
        self.files.get(path.as_ref()).map(Vec::as_slice)
    }

    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.keys().map(PathBuf::as_path)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// `output` -> `.output.new` / `.output.old` beside it.
fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    out.with_file_name(format!(".{name}.{suffix}"))
}

/// Why the folder `out` must not be replaced by a build, if it must not: it is a file, or
/// it holds an entry a build does not write (`ours` says which names a build writes). A
/// mistyped `--out` (the report root, `submissions`, a home folder) would otherwise be
/// deleted with everything in it.
pub fn refuse_to_replace(out: &Path, ours: &dyn Fn(&str) -> bool) -> Option<String> {
    let meta = fs::symlink_metadata(out).ok()?;
    if meta.file_type().is_symlink() {
        return Some("it is a symbolic link (give the folder it points to)".into());
    }
    if !meta.is_dir() {
        return Some("it is not a folder".into());
    }
    let mut foreign: Vec<String> = fs::read_dir(out)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !ours(name) && !matches!(name.as_str(), ".DS_Store" | "Thumbs.db"))
        .collect();
    if foreign.is_empty() {
        return None;
    }
    foreign.sort();
    let more = match foreign.len() - 1 {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    Some(format!(
        "it holds `{}`{more}, which a build does not write",
        foreign[0]
    ))
}

/// A new output folder being written beside the current one (`.output.new`), in parts
/// and from several threads, then swapped in by [`Staging::commit`]. Dropped without a
/// commit, it is removed and the current output stays as it was.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    committed: bool,
}

impl Staging {
    /// Starts a new output for `out`, removing what a failed build may have left.
    pub fn begin(out: &Path) -> io::Result<Staging> {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        let dir = sibling(out, "new");
        remove_if_present(&dir)?;
        fs::create_dir(&dir)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            committed: false,
        })
    }

    /// Writes `files` into the new output.
    pub fn write(&self, files: &OutputFiles) -> io::Result<()> {
        files.files.iter().try_for_each(|(rel, contents)| {
            let path = self.dir.join(rel);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)?;
            }
            fs::write(path, contents)
        })
    }

    /// Swaps the new output in: the current one is renamed to `.output.old`, whose path
    /// is returned for the caller to remove (`None` if there was no output before).
    pub fn commit(mut self) -> io::Result<Option<PathBuf>> {
        let old = sibling(&self.out, "old");
        remove_if_present(&old)?;
        let had_previous = self.out.exists();
        if had_previous {
            fs::rename(&self.out, &old)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.out) {
            if had_previous {
                let _ = fs::rename(&old, &self.out);
            }
            return Err(e);
        }
        self.committed = true;
        Ok(had_previous.then_some(old))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Removes the folders builds work in beside `out` (`.output.new`, `.output.old`), best
/// effort: for a process stopping in the middle of a build.
pub fn remove_work_folders(out: &Path) {
    for suffix in ["new", "old"] {
        let _ = remove_if_present(&sibling(out, suffix));
    }
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_folder() {
        let tmp = std::env::temp_dir().join(format!("report-write-{}", std::process::id()));
        let out = tmp.join("output");
        fs::create_dir_all(out.join("stale")).unwrap();
        fs::write(out.join("stale/old.txt"), "old").unwrap();
        // Written in two parts, as a build writes the site and then the rest.
        let staging = Staging::begin(&out).unwrap();
        let mut site = OutputFiles::new();
        site.add("html/index.html", "<p>");
        staging.write(&site).unwrap();
        let mut rest = OutputFiles::new();
        rest.add("data.json", "{}");
        staging.write(&rest).unwrap();
        let old = staging
            .commit()
            .unwrap()
            .expect("there was an output before");
        fs::remove_dir_all(old).unwrap();
        assert_eq!(fs::read_to_string(out.join("data.json")).unwrap(), "{}");
        assert!(out.join("html/index.html").exists());
        assert!(!out.join("stale").exists());
        assert!(!tmp.join(".output.new").exists() && !tmp.join(".output.old").exists());
        fs::remove_dir_all(&tmp).unwrap();
    }

    #[test]
    fn an_abandoned_staging_leaves_the_output_alone() {
        let tmp = std::env::temp_dir().join(format!("report-staging-{}", std::process::id()));
        let out = tmp.join("output");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("report.pdf"), "previous").unwrap();
        {
            let staging = Staging::begin(&out).unwrap();
            let mut files = OutputFiles::new();
            files.add("report.pdf", "half-built");
            staging.write(&files).unwrap();
            assert!(tmp.join(".output.new/report.pdf").exists());
        }
        assert_eq!(
            fs::read_to_string(out.join("report.pdf")).unwrap(),
            "previous"
        );
        assert!(!tmp.join(".output.new").exists());
        fs::remove_dir_all(&tmp).unwrap();
    }
}
