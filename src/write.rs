//! Writing `output/` atomically: the whole new output is written into a sibling staging
//! folder, then swapped in with renames. A build that fails at any point before the swap
//! leaves the previous `output/` exactly as it was.

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

    pub fn extend(&mut self, other: OutputFiles) {
        self.files.extend(other.files);
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

/// Replaces the folder `out` with exactly `files`.
pub fn replace_output(out: &Path, files: &OutputFiles) -> io::Result<()> {
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let staging = sibling(out, "new");
    let old = sibling(out, "old");
    remove_if_present(&staging)?;
    fs::create_dir(&staging)?;
    let written = files.files.iter().try_for_each(|(rel, contents)| {
        let path = staging.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(path, contents)
    });
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    remove_if_present(&old)?;
    let had_previous = out.exists();
    if had_previous {
        fs::rename(out, &old)?;
    }
    if let Err(e) = fs::rename(&staging, out) {
        if had_previous {
            let _ = fs::rename(&old, out);
        }
        return Err(e);
    }
    if had_previous {
        fs::remove_dir_all(&old)?;
    }
    Ok(())
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
        let mut files = OutputFiles::new();
        files.add("data.json", "{}");
        files.add("html/index.html", "<p>");
        replace_output(&out, &files).unwrap();
        assert_eq!(fs::read_to_string(out.join("data.json")).unwrap(), "{}");
        assert!(out.join("html/index.html").exists());
        assert!(!out.join("stale").exists());
        assert!(!tmp.join(".output.new").exists() && !tmp.join(".output.old").exists());
        fs::remove_dir_all(&tmp).unwrap();
    }
}
