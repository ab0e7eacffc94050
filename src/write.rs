//! Writing `output/` atomically: the whole new output is written into a sibling staging
//! folder, then swapped in (in one atomic exchange where the system has one). A build
//! that fails at any point before the swap leaves the previous `output/` exactly as it
//! was, and at every instant a complete `output/` exists. Parts of the new output can be
//! written while the rest is still being made ([`Staging`]). Builds of one output folder
//! exclude each other with an advisory lock ([`OutputLock`]).

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::files::Stamp;

pub use crate::files::OutputFiles;

/// Lists the files of the file or folder at `path` (a folder with everything in it, links
/// not followed) into `files`, as paths under `rel`; whether it was there, all of it (a
/// link or anything else that is not a plain file or folder makes it incomplete).
pub fn list_tree(path: &Path, rel: &Path, files: &mut Vec<PathBuf>) -> bool {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return false;
    };
    if meta.is_file() {
        files.push(rel.to_path_buf());
        return true;
    }
    if !meta.is_dir() {
        return false;
    }
    let Ok(entries) = fs::read_dir(path) else {
        return false;
    };
    let mut complete = true;
    for entry in entries.flatten() {
        complete &= list_tree(&entry.path(), &rel.join(entry.file_name()), files);
    }
    complete
}

/// `output` -> `.output.new` / `.output.old` / `.output.lock` beside it.
fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    out.with_file_name(format!(".{name}.{suffix}"))
}

/// `path` as an absolute path without `.` or `..`, the symbolic links of its folder
/// resolved; `path` itself need not exist. Fails for a path with no name of its own (`/`).
pub fn absolute(path: &Path) -> io::Result<PathBuf> {
    let mut normal = PathBuf::new();
    for component in std::path::absolute(path)?.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    let name = normal
        .file_name()
        .ok_or_else(|| io::Error::other("it is the root of the file system"))?
        .to_owned();
    let parent = normal.parent().unwrap_or(Path::new("/"));
    let parent = parent
        .canonicalize()
        .unwrap_or_else(|_| parent.to_path_buf());
    Ok(parent.join(name))
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

/// The output folders whose lock this process holds (for the Ctrl-C handler, which must
/// not clean up after a build of another process).
static HELD: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn held() -> std::sync::MutexGuard<'static, BTreeSet<PathBuf>> {
    HELD.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Builds of one output folder exclude each other: each holds an advisory lock on
/// `.output.lock` beside it from the start of its staging folder until the output it
/// replaced is removed. The lock is released when this value is dropped (or the process
/// ends, however it ends).
#[derive(Debug)]
pub struct OutputLock {
    _file: fs::File,
    out: PathBuf,
}

impl OutputLock {
    /// Takes the lock of `out`, waiting for another build to finish if one holds it;
    /// `waiting` is called (with the lock file's path) before such a wait.
    pub fn acquire(out: &Path, waiting: &mut dyn FnMut(&Path)) -> io::Result<OutputLock> {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        let path = sibling(out, "lock");
        let file = open_lock_file(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                waiting(&path);
                file.lock()?;
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
        held().insert(out.to_path_buf());
        Ok(OutputLock {
            _file: file,
            out: out.to_path_buf(),
        })
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        held().remove(&self.out);
    }
}

/// Opens (or creates) the lock file without following a symbolic link and without
/// truncating anything: a link planted in its place must not make a build write elsewhere.
fn open_lock_file(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot open the lock file {}: {e}", path.display()),
        )
    })?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file; remove it",
            path.display()
        )));
    }
    Ok(file)
}

/// Replaces the file `rel` of the current output `out` with `contents`, as a whole: written
/// beside the output first (`.output.file`), then renamed into place, so that a reader
/// sees the old file or the new one, never a part. Only for a file the output already has,
/// in a folder of its own (not through a link), by a holder of the output's lock.
pub fn replace_file(out: &Path, rel: &Path, contents: &[u8], _lock: &OutputLock) -> io::Result<()> {
    let target = out.join(rel);
    let parent_is_own = target
        .parent()
        .and_then(|p| fs::symlink_metadata(p).ok())
        .is_some_and(|m| m.is_dir());
    if !parent_is_own || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(io::Error::other(format!(
            "{} is not a file of the output to replace",
            rel.display()
        )));
    }
    let temporary = sibling(out, "file");
    fs::write(&temporary, contents)?;
    fs::rename(&temporary, &target).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

/// A file of the current output, as [`Staging`] finds it.
struct OldFile {
    path: PathBuf,
    len: u64,
    /// It has no other name on the disk.
    own: bool,
}

/// A new output folder being written beside the current one (`.output.new`), in parts
/// and from several threads, then swapped in by [`Staging::commit`]. Dropped without a
/// commit, it is removed and the current output stays as it was. Only a holder of the
/// output's [`OutputLock`] may start one.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    committed: bool,
    /// What the last build of this builder wrote, and what this one writes (see
    /// [`Written`]).
    written: Option<(Arc<Mutex<Written>>, Mutex<Written>)>,
}

/// What a builder's last build wrote into the output: at each path, the very contents
/// (shared with what the builder keeps, such as a site that did not change) and the file
/// as it was left. A rebuild hands the same contents again for most files: those whose
/// file is still the one written, untouched, are linked without being read again (a
/// French edit of the 193-State root writes 1,300 files, 60 MB, of which 3 changed: the
/// comparison read them all back, 100 ms beside the layout).
#[derive(Debug, Default)]
pub struct Written {
    files: std::collections::HashMap<PathBuf, (Arc<Vec<u8>>, Stamp)>,
}

impl Staging {
    /// Starts a new output for `out`: first puts back what an interrupted build may have
    /// left (see [`recover`]), then makes an empty `.output.new`.
    pub fn begin(out: &Path, _lock: &OutputLock) -> io::Result<Staging> {
        recover(out)?;
        let dir = sibling(out, "new");
        fs::create_dir(&dir)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            committed: false,
            written: None,
        })
    }

    /// Remembers in `written` what this build writes, once it is committed, and trusts
    /// what it says the last build wrote.
    pub fn remembering(mut self, written: Arc<Mutex<Written>>) -> Staging {
        self.written = Some((written, Mutex::default()));
        self
    }

    /// Whether the last build wrote these very `contents` at `rel`, and its file is still
    /// as it was left.
    fn written_before(&self, rel: &Path, contents: &Arc<Vec<u8>>) -> bool {
        let Some((before, _)) = &self.written else {
            return false;
        };
        let before = before.lock().unwrap_or_else(|e| e.into_inner());
        // A file with another name on the disk is never linked (see `plain_file`).
        before.files.get(rel).is_some_and(|(was, stamp)| {
            Arc::ptr_eq(was, contents)
                && Stamp::of(&self.out.join(rel))
                    .is_some_and(|(now, own)| own && now.without_change_time() == *stamp)
        })
    }

    /// Notes that `contents` are now at `rel` in the new output.
    fn note(&self, rel: &Path, contents: &Arc<Vec<u8>>, path: &Path) {
        if let Some((_, now)) = &self.written
            && let Some((stamp, _)) = Stamp::of(path)
        {
            let mut now = now.lock().unwrap_or_else(|e| e.into_inner());
            let stamp = stamp.without_change_time();
            now.files
                .insert(rel.to_path_buf(), (Arc::clone(contents), stamp));
        }
    }

    /// Puts `files` into the new output. A file whose bytes the current output already
    /// holds at the same path is hard-linked from it instead of written again: a rebuild
    /// after a small edit creates only the files that changed (creating a file costs far
    /// more than linking one on most file systems). The current output is only read, so a
    /// build that fails still leaves it as it was.
    pub fn write(&self, files: &OutputFiles) -> io::Result<()> {
        files.iter_shared().try_for_each(|(rel, contents)| {
            let path = self.new_file(rel)?;
            let same = self.written_before(rel, contents) || self.unchanged(rel, contents);
            if !(same && fs::hard_link(self.out.join(rel), &path).is_ok()) {
                fs::write(&path, contents.as_slice())?;
            }
            self.note(rel, contents, &path);
            Ok(())
        })
    }

    /// Puts the current output's files at `rels` into the new output as they are (the
    /// language versions `--lang` leaves alone): hard-linked when the file has no other
    /// name, copied otherwise or when the link fails. Each must still be a plain file
    /// reached through folders of the output (see [`list_tree`]); anything else is an
    /// error, and the build fails with the previous output untouched.
    pub fn keep(&self, rels: &[PathBuf]) -> io::Result<()> {
        rels.iter().try_for_each(|rel| {
            let path = self.new_file(rel)?;
            let Some(file) = self.plain_file(rel) else {
                let rel = rel.display();
                return Err(io::Error::other(format!(
                    "{rel} of the output to keep is no longer a plain file in it"
                )));
            };
            if file.own && fs::hard_link(&file.path, &path).is_ok() {
                return Ok(());
            }
            fs::write(path, fs::read(&file.path)?)
        })
    }

    /// Where the file `rel` goes in the new output, its folders made.
    fn new_file(&self, rel: &Path) -> io::Result<PathBuf> {
        let path = self.dir.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        Ok(path)
    }

    /// Whether the current output holds exactly `contents` at `rel`, in a file of its own.
    fn unchanged(&self, rel: &Path, contents: &[u8]) -> bool {
        self.plain_file(rel).is_some_and(|file| {
            file.own
                && file.len == contents.len() as u64
                && fs::read(&file.path).is_ok_and(|old| old == contents)
        })
    }

    /// The current output's file at `rel`, if it is a plain file reached through folders
    /// of the output only (no link out of it).
    fn plain_file(&self, rel: &Path) -> Option<OldFile> {
        let mut at = self.out.clone();
        for component in rel.components() {
            let Component::Normal(name) = component else {
                return None;
            };
            if !fs::symlink_metadata(&at).ok()?.is_dir() {
                return None;
            }
            at.push(name);
        }
        let meta = fs::symlink_metadata(&at).ok()?;
        if !meta.is_file() {
            return None;
        }
        // A file with another name on the disk is never linked: that name could belong
        // to a file outside the output, which the new output would then share.
        #[cfg(unix)]
        let own = std::os::unix::fs::MetadataExt::nlink(&meta) == 1;
        #[cfg(not(unix))]
        let own = false;
        Some(OldFile {
            path: at,
            len: meta.len(),
            own,
        })
    }

    /// Swaps the new output in. On Linux the two folders trade places in one atomic step
    /// (`renameat2` with `RENAME_EXCHANGE`), so a complete `output/` exists at every
    /// instant. Elsewhere (or on a file system without it) the current output is first
    /// renamed to `.output.old`: a process stopped between the two renames leaves it
    /// there, and [`recover`] puts it back. Returns the folder now holding the replaced
    /// output, for the caller to remove (`None` if there was no output before).
    pub fn commit(mut self) -> io::Result<Option<PathBuf>> {
        let replaced = self.swap()?;
        if let Some((before, now)) = self.written.take() {
            let now = now.into_inner().unwrap_or_else(|e| e.into_inner());
            *before.lock().unwrap_or_else(|e| e.into_inner()) = now;
        }
        Ok(replaced)
    }

    fn swap(&mut self) -> io::Result<Option<PathBuf>> {
        let old = sibling(&self.out, "old");
        let had_previous = fs::symlink_metadata(&self.out).is_ok();
        if had_previous {
            match exchange(&self.dir, &self.out) {
                Ok(true) => {
                    self.committed = true;
                    // `.output.new` now holds the replaced output; give it its own name
                    // so that nothing mistakes it for a build in progress.
                    let renamed = remove_tree(&old).is_ok() && fs::rename(&self.dir, &old).is_ok();
                    return Ok(Some(if renamed { old } else { self.dir.clone() }));
                }
                Ok(false) => {}
                Err(e) => return Err(e),
            }
            remove_tree(&old)?;
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
            let _ = remove_tree(&self.dir);
        }
    }
}

/// Swaps two folders atomically where the system can; `Ok(false)` where it cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return Ok(false);
    };
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.raw_os_error() {
        // Not supported by this kernel or file system: fall back to two renames.
        Some(libc::ENOSYS | libc::EINVAL | libc::EOPNOTSUPP) => Ok(false),
        _ => Err(error),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Puts the folders beside `out` in order after a build that did not finish (a crash, a
/// kill, Ctrl-C): if `out` is missing but `.output.old` is there, a swap was interrupted
/// between its two renames and `.output.old` is the last complete output, so it goes
/// back; then the work folders (`.output.new`, `.output.old`) are removed. Never removes
/// the last complete copy of the output.
pub fn recover(out: &Path) -> io::Result<()> {
    let old = sibling(out, "old");
    if fs::symlink_metadata(out).is_err() && fs::symlink_metadata(&old).is_ok() {
        fs::rename(&old, out)?;
    }
    for path in [sibling(out, "new"), old] {
        remove_tree(&path).map_err(|e| {
            let shown = path.display();
            io::Error::new(
                e.kind(),
                format!(
                    "cannot remove {shown}, left by an earlier build: {e}; the output itself is \
                     complete. Remove that folder by hand (chmod -R u+w '{shown}' && rm -rf \
                     '{shown}'), then build again"
                ),
            )
        })?;
    }
    Ok(())
}

/// [`recover`], best effort, and only if no other process is building into `out` (its
/// lock is free, or this process holds it): for a process stopping in the middle of a
/// build (Ctrl-C in `watch` or `serve`), and at the start of every build, so that an
/// output left aside by a crash is back even if the next build fails.
pub fn recover_if_idle(out: &Path) {
    let left = ["new", "old"]
        .iter()
        .any(|suffix| fs::symlink_metadata(sibling(out, suffix)).is_ok());
    if !left {
        return;
    }
    if held().contains(out) {
        let _ = recover(out);
        return;
    }
    let Ok(file) = open_lock_file(&sibling(out, "lock")) else {
        return;
    };
    if file.try_lock().is_ok() {
        let _ = recover(out);
    }
}

/// Removes a folder (or file, or link) and everything in it, if it is there. A folder
/// that cannot be emptied because it was made read-only is made writable and tried again.
pub fn remove_tree(path: &Path) -> io::Result<()> {
    let first = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
        Ok(meta) if !meta.is_dir() => return ignore_missing(fs::remove_file(path)),
        Ok(_) => fs::remove_dir_all(path),
    };
    match first {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            make_writable(path);
            ignore_missing(fs::remove_dir_all(path))
        }
        other => ignore_missing(other),
    }
}

fn ignore_missing(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Gives the owner write and search permission on every folder under `path` (never
/// following links), so their entries can be removed.
fn make_writable(path: &Path) {
    for entry in walkdir::WalkDir::new(path)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
    {
        if let Ok(meta) = entry.metadata() {
            let mut permissions = meta.permissions();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                permissions.set_mode(permissions.mode() | 0o700);
            }
            #[cfg(not(unix))]
            permissions.set_readonly(false);
            let _ = fs::set_permissions(entry.path(), permissions);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lock(out: &Path) -> OutputLock {
        OutputLock::acquire(out, &mut |_| panic!("nobody else holds the lock")).unwrap()
    }

    #[test]
    fn replaces_the_whole_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        fs::create_dir_all(out.join("stale")).unwrap();
        fs::write(out.join("stale/old.txt"), "old").unwrap();
        let lock = lock(&out);
        // Written in two parts, as a build writes the site and then the rest.
        let staging = Staging::begin(&out, &lock).unwrap();
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
        assert_eq!(
            fs::read_to_string(old.join("stale/old.txt")).unwrap(),
            "old"
        );
        remove_tree(&old).unwrap();
        assert_eq!(fs::read_to_string(out.join("data.json")).unwrap(), "{}");
        assert!(out.join("html/index.html").exists());
        assert!(!out.join("stale").exists());
        let left: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n != ".output.lock")
            .collect();
        assert_eq!(left, ["output"]);
    }

    /// Builds `out` from `files` and removes the replaced output, as a build does.
    #[cfg(unix)]
    fn build(out: &Path, files: &[(&str, &str)]) {
        let lock = lock(out);
        let staging = Staging::begin(out, &lock).unwrap();
        let mut all = OutputFiles::new();
        for (path, contents) in files {
            all.add(*path, *contents);
        }
        staging.write(&all).unwrap();
        if let Some(old) = staging.commit().unwrap() {
            remove_tree(&old).unwrap();
        }
    }

    #[cfg(unix)]
    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        fs::symlink_metadata(path).unwrap().ino()
    }

    #[test]
    #[cfg(unix)]
    fn unchanged_files_are_linked_and_changed_ones_written() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        build(&out, &[("a.txt", "same"), ("fr/b.txt", "before")]);
        let (a, b) = (inode(&out.join("a.txt")), inode(&out.join("fr/b.txt")));
        build(&out, &[("a.txt", "same"), ("fr/b.txt", "after!")]);
        assert_eq!(
            inode(&out.join("a.txt")),
            a,
            "the unchanged file is the same file"
        );
        assert_ne!(
            inode(&out.join("fr/b.txt")),
            b,
            "the changed file is a new one"
        );
        assert_eq!(fs::read_to_string(out.join("fr/b.txt")).unwrap(), "after!");
        // A file of the same length but other bytes is written, not linked.
        build(&out, &[("a.txt", "SAME"), ("fr/b.txt", "after!")]);
        assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), "SAME");
        assert_ne!(inode(&out.join("a.txt")), a);
    }

    #[test]
    #[cfg(unix)]
    fn what_the_last_build_wrote_is_linked_unless_the_file_was_touched() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let written = Arc::new(Mutex::new(Written::default()));
        let mut files = OutputFiles::new();
        files.add("a.txt", "same");
        files.add("fr/b.txt", "kept");
        let build = |files: &OutputFiles| {
            let lock = lock(&out);
            let staging = Staging::begin(&out, &lock)
                .unwrap()
                .remembering(Arc::clone(&written));
            staging.write(files).unwrap();
            if let Some(old) = staging.commit().unwrap() {
                remove_tree(&old).unwrap();
            }
        };
        build(&files);
        assert_eq!(written.lock().unwrap().files.len(), 2);
        let a = inode(&out.join("a.txt"));
        build(&files);
        assert_eq!(inode(&out.join("a.txt")), a, "the same contents are linked");

        // Someone writes into the output between two builds, keeping the length: the
        // file is not the one written, and the build's own contents replace it.
        fs::write(out.join("a.txt"), "SAME").unwrap();
        build(&files);
        assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), "same");
        assert_eq!(fs::read_to_string(out.join("fr/b.txt")).unwrap(), "kept");
    }

    #[test]
    #[cfg(unix)]
    fn kept_files_are_linked_copied_or_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let (out, outside) = (tmp.path().join("output"), tmp.path().join("elsewhere"));
        build(&out, &[("fr/a.pdf", "one name"), ("fr/b.pdf", "two names")]);
        fs::create_dir_all(&outside).unwrap();
        fs::hard_link(out.join("fr/b.pdf"), outside.join("b.pdf")).unwrap();
        let mut kept = Vec::new();
        assert!(list_tree(&out.join("fr"), Path::new("fr"), &mut kept));
        kept.sort();
        assert_eq!(kept, [Path::new("fr/a.pdf"), Path::new("fr/b.pdf")]);
        let a = inode(&out.join("fr/a.pdf"));
        let lock = lock(&out);
        let staging = Staging::begin(&out, &lock).unwrap();
        staging.keep(&kept).unwrap();
        remove_tree(&staging.commit().unwrap().unwrap()).unwrap();
        // The file of one name is the same file; the one with a name outside is a copy.
        assert_eq!(inode(&out.join("fr/a.pdf")), a);
        assert_ne!(inode(&out.join("fr/b.pdf")), inode(&outside.join("b.pdf")));
        assert_eq!(
            fs::read_to_string(out.join("fr/b.pdf")).unwrap(),
            "two names"
        );
        // A kept folder that became a link out of the output since it was listed: the
        // build fails and the output is as it was.
        fs::remove_dir_all(out.join("fr")).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("fr")).unwrap();
        let staging = Staging::begin(&out, &lock).unwrap();
        let error = staging.keep(&kept).unwrap_err();
        assert!(
            error.to_string().contains("no longer a plain file"),
            "{error}"
        );
        drop(staging);
        assert!(fs::symlink_metadata(out.join("fr")).unwrap().is_symlink());
    }

    #[test]
    #[cfg(unix)]
    fn nothing_outside_the_output_is_linked() {
        let tmp = tempfile::tempdir().unwrap();
        let (out, outside) = (tmp.path().join("output"), tmp.path().join("elsewhere"));
        fs::create_dir_all(&outside).unwrap();
        fs::write(outside.join("b.txt"), "text").unwrap();
        // A folder of the output that is a link to a folder elsewhere, and a file with a
        // second name elsewhere, both holding the bytes the build makes.
        fs::create_dir_all(&out).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("fr")).unwrap();
        fs::write(out.join("a.txt"), "text").unwrap();
        fs::hard_link(out.join("a.txt"), outside.join("a.txt")).unwrap();
        build(&out, &[("a.txt", "text"), ("fr/b.txt", "text")]);
        assert_ne!(inode(&out.join("a.txt")), inode(&outside.join("a.txt")));
        assert_ne!(inode(&out.join("fr/b.txt")), inode(&outside.join("b.txt")));
        assert!(fs::symlink_metadata(out.join("fr")).unwrap().is_dir());
        assert_eq!(fs::read_to_string(outside.join("b.txt")).unwrap(), "text");
    }

    #[test]
    fn an_abandoned_staging_leaves_the_output_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("report.pdf"), "previous").unwrap();
        {
            let lock = lock(&out);
            let staging = Staging::begin(&out, &lock).unwrap();
            let mut files = OutputFiles::new();
            files.add("report.pdf", "half-built");
            staging.write(&files).unwrap();
            assert!(tmp.path().join(".output.new/report.pdf").exists());
        }
        assert_eq!(
            fs::read_to_string(out.join("report.pdf")).unwrap(),
            "previous"
        );
        assert!(!tmp.path().join(".output.new").exists());
    }

    /// A process killed between the two renames of the fallback swap leaves no `output/`
    /// but a complete `.output.old` and `.output.new`: the next build (or Ctrl-C's cleanup)
    /// puts the old one back before removing anything.
    #[test]
    fn an_interrupted_swap_is_put_back_not_deleted() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        fs::create_dir_all(tmp.path().join(".output.old")).unwrap();
        fs::write(tmp.path().join(".output.old/report.pdf"), "complete").unwrap();
        fs::create_dir_all(tmp.path().join(".output.new")).unwrap();
        recover_if_idle(&out);
        assert_eq!(
            fs::read_to_string(out.join("report.pdf")).unwrap(),
            "complete"
        );
        assert!(!tmp.path().join(".output.old").exists());
        assert!(!tmp.path().join(".output.new").exists());
    }

    /// Ctrl-C in one process must not clean up the staging folder of a build that another
    /// process is running into the same output (the lock tells).
    #[test]
    fn cleanup_leaves_another_builds_staging_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        fs::create_dir_all(&out).unwrap();
        fs::create_dir_all(tmp.path().join(".output.new")).unwrap();
        // Another holder of the lock: a second open file description, as another process
        // would have.
        let other = open_lock_file(&tmp.path().join(".output.lock")).unwrap();
        other.try_lock().unwrap();
        recover_if_idle(&out);
        assert!(tmp.path().join(".output.new").exists());
        drop(other);
        recover_if_idle(&out);
        assert!(!tmp.path().join(".output.new").exists());
        assert!(out.exists());
    }

    #[test]
    fn the_lock_makes_a_second_build_wait() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let first = lock(&out);
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = {
            let out = out.clone();
            std::thread::spawn(move || {
                let mut told = false;
                let second = OutputLock::acquire(&out, &mut |_| told = true).unwrap();
                tx.send(told).unwrap();
                drop(second);
            })
        };
        // The second acquirer is still waiting while the first holds the lock.
        assert!(
            rx.recv_timeout(std::time::Duration::from_millis(300))
                .is_err()
        );
        drop(first);
        assert!(rx.recv().unwrap(), "the waiter was told it waits");
        waiter.join().unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_as_lock_file_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("elsewhere.txt");
        fs::write(&target, "keep me").unwrap();
        std::os::unix::fs::symlink(&target, tmp.path().join(".output.lock")).unwrap();
        let out = tmp.path().join("output");
        assert!(OutputLock::acquire(&out, &mut |_| {}).is_err());
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
    }
}
