//! `report watch [DIR]`: build, then rebuild on every change of book.toml, a reply or a
//! template. The [`Builder`] keeps Typst's state, so a rebuild lays out only what changed.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecursiveMode, Watcher};

use crate::cli::WatchArgs;
use crate::cmd::{Progress, Ui, build_options, exit, report_outcome};
use crate::pipeline::{Builder, Outcome};
use crate::write;

/// How long no input must change before a rebuild starts, in milliseconds. An editor's
/// save is one to three events within a few milliseconds; every millisecond here is one
/// more before the preview shows the save (it was 150, then 50).
const QUIET_MS: u64 = 30;

/// The same wait once a file was closed after writing, or renamed into place: the save is
/// whole, and only the other files of a "save all" are waited for.
const QUIET_AFTER_SAVE_MS: u64 = 8;

pub fn run(args: &WatchArgs, ui: &Ui) -> u8 {
    let options = match build_options(&args.flags, &args.dir, ui) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let mut builder = Builder::new(args.dir.clone(), options);
    stop_on_ctrl_c(builder.out());
    watch(&mut builder, ui, &mut |_| {})
}

/// Stops the process on Ctrl-C. Output is only ever replaced by a swap, so stopping in
/// the middle of a build leaves the last good output as it was; the folders a build works
/// in beside it (the new output being written, the old one being removed) are removed,
/// unless another process is building into the same folder, and never the last complete
/// copy of the output (see `write::recover`).
pub fn stop_on_ctrl_c(out: PathBuf) {
    let _ = ctrlc::set_handler(move || {
        write::recover_if_idle(&out);
        eprintln!("\n     Stopped");
        std::process::exit(0);
    });
}

/// Builds once, then after every relevant change; `after` sees each outcome (serve uses
/// it to reload browsers). Returns only if the folder cannot be watched.
pub fn watch(builder: &mut Builder, ui: &Ui, after: &mut dyn FnMut(&Outcome)) -> u8 {
    let build = |builder: &mut Builder, after: &mut dyn FnMut(&Outcome)| {
        let mut progress = Progress::new(ui);
        let outcome = builder.build(&mut |stage| progress.stage(stage));
        let shown = progress.finish();
        report_outcome(ui, &outcome, shown);
        after(&outcome);
    };
    // Watch before the first build, so that an edit made while it runs is not missed.
    let root = builder
        .root()
        .canonicalize()
        .unwrap_or_else(|_| builder.root().to_path_buf());
    let out = absolute(&builder.out());
    let (tx, rx) = mpsc::channel::<notify::Result<Event>>();
    let watcher = notify::recommended_watcher(tx).and_then(|mut w| {
        w.watch(&root, RecursiveMode::Recursive)?;
        Ok(w)
    });
    let _watcher = match watcher {
        Ok(watcher) => watcher,
        Err(e) => {
            ui.error(format!("cannot watch {}: {e}", root.display()));
            return exit::FAILURE;
        }
    };
    build(builder, after);
    ui.status(
        "Watching",
        format!(
            "{} for changes to book.toml, submissions/ and templates/ (Ctrl-C to stop)",
            root.display()
        ),
    );
    while let Ok(event) = rx.recv() {
        let Some((mut last, mut saved)) = changed(event, &root, &out) else {
            continue;
        };
        // Debounce: an editor's save is often several events (a temporary file, then a
        // rename, within a few milliseconds); wait until no input changed for QUIET_MS
        // (QUIET_AFTER_SAVE_MS after the event that ends a save), and name the last file
        // changed. Other events (a browser reading output/) neither count nor extend the
        // wait.
        let mut quiet_from = Instant::now();
        loop {
            let quiet = if saved { QUIET_AFTER_SAVE_MS } else { QUIET_MS };
            let left = Duration::from_millis(quiet).saturating_sub(quiet_from.elapsed());
            match rx.recv_timeout(left) {
                Ok(more) => {
                    if let Some((path, done)) = changed(more, &root, &out) {
                        (last, saved) = (path, done);
                        quiet_from = Instant::now();
                    }
                }
                Err(_) => break,
            }
        }
        let shown = last.strip_prefix(&root).unwrap_or(&last);
        ui.status("Changed", shown.display());
        build(builder, after);
    }
    exit::OK
}

/// The first input path an event changed, if any, and whether the event ends a save (the
/// file closed after writing, or renamed into place). Reading a file (which every build
/// does) is not a change.
fn changed(event: notify::Result<Event>, root: &Path, out: &Path) -> Option<(PathBuf, bool)> {
    use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
    let event = event.ok()?;
    let saved = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => return None,
        EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => true,
        _ => false,
    };
    let path = event.paths.into_iter().find(|p| relevant(p, root, out))?;
    Some((path, saved))
}

/// `path` made absolute without requiring it to exist (the output may not exist yet).
fn absolute(path: &Path) -> PathBuf {
    match path.canonicalize() {
        Ok(path) => path,
        Err(_) => match (path.parent(), path.file_name()) {
            (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => {
                absolute(parent).join(name)
            }
            _ => std::env::current_dir().unwrap_or_default().join(path),
        },
    }
}

/// Whether a change at `path` can change the report: book.toml, replies and their
/// translations, locales, templates; not
/// the output, hidden files (editors' swap files) or folders such as .git and target.
pub fn relevant(path: &Path, root: &Path, out: &Path) -> bool {
    if path.starts_with(out) {
        return false;
    }
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    if hidden {
        return false;
    }
    let first: PathBuf = rel.components().take(1).collect();
    first == Path::new("book.toml")
        || first == Path::new("submissions")
        || first == Path::new("templates")
        || first == Path::new("locales")
        || first == Path::new("fonts")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inputs_trigger_a_rebuild() {
        let (root, out) = (Path::new("/r"), Path::new("/r/output"));
        assert!(relevant(Path::new("/r/book.toml"), root, out));
        assert!(relevant(Path::new("/r/submissions/a/cri.md"), root, out));
        assert!(relevant(Path::new("/r/templates/report.typ.j2"), root, out));
        assert!(relevant(Path::new("/r/submissions/cri.en.md"), root, out));
        assert!(relevant(Path::new("/r/locales/fr.toml"), root, out));
        assert!(!relevant(Path::new("/r/output/report.pdf"), root, out));
        assert!(!relevant(Path::new("/r/.output.new/x"), root, out));
        assert!(!relevant(
            Path::new("/r/submissions/.cri.md.swp"),
            root,
            out
        ));
        assert!(!relevant(Path::new("/r/target/debug/report"), root, out));
        assert!(!relevant(Path::new("/elsewhere/book.toml"), root, out));
    }

    #[test]
    fn a_write_closed_or_a_rename_ends_a_save() {
        use notify::event::{AccessKind, AccessMode, DataChange, ModifyKind, RenameMode};
        let (root, out) = (Path::new("/r"), Path::new("/r/output"));
        let reply = PathBuf::from("/r/submissions/cri.fr.md");
        let event = |kind, paths: &[&str]| {
            let mut event = Event::new(kind);
            for path in paths {
                event = event.add_path(PathBuf::from(path));
            }
            Ok(event)
        };
        let written = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        let read = EventKind::Access(AccessKind::Close(AccessMode::Read));
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        let reply_path = ["/r/submissions/cri.fr.md"];
        assert_eq!(
            changed(event(written, &reply_path), root, out),
            Some((reply.clone(), false))
        );
        assert_eq!(
            changed(event(closed, &reply_path), root, out),
            Some((reply.clone(), true))
        );
        assert_eq!(changed(event(read, &reply_path), root, out), None);
        // An editor's save by rename: from its hidden temporary file to the reply.
        let both = ["/r/submissions/.cri.fr.md.tmp", "/r/submissions/cri.fr.md"];
        assert_eq!(
            changed(event(renamed, &both), root, out),
            Some((reply, true))
        );
        // A PDF written into the output is no change, closed or not.
        assert_eq!(
            changed(event(closed, &["/r/output/report.pdf"]), root, out),
            None
        );
    }
}
