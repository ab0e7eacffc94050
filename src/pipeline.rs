//! One build of a report root, from its files to `output/`: load and check, aggregate,
//! render, then swap the output folder in. [`Builder`] keeps what the next build can reuse
//! (Typst's fonts and source), so `report watch` and `report serve` rebuild quickly.
//!
//! Problems are collected in the [`Outcome`]; the output folder is replaced only when the
//! whole build succeeded (and, with `deny_warnings`, had no warning).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use std::sync::Arc;

pub use crate::aggregate::Draft;
use crate::aggregate::{self, Model, Options};
use crate::codes::Code;
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, Sources};
use crate::lints::{Allowed, Lints};
use crate::load::{self, Loaded, Project};
use crate::render::templates::Templates;
use crate::render::{self, RenderCache, RenderOptions};
use crate::timing::Timings;
use crate::wording::{self, Version};
use crate::write;

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Where to write; `ROOT/output` by default.
    pub out: Option<PathBuf>,
    pub draft: Option<Draft>,
    /// The document date for Typst and the PDF (`SOURCE_DATE_EPOCH`); the report's by default.
    pub date: Option<Date>,
    /// Treat warnings as errors.
    pub deny_warnings: bool,
    /// Build only these language versions (`--lang`); the others are kept from the last
    /// build. Empty: every version of `[book] languages`.
    pub languages: Vec<String>,
    /// The builder builds once (`report build`): what Typst remembers of a version is
    /// dropped as soon as it is done, not kept for a rebuild (see `RenderCache::single`).
    pub once: bool,
    /// The most language versions typeset at once (`--jobs`); `None`: one per core.
    pub jobs: Option<usize>,
    /// For a builder that builds once: the program to typeset each version in, as a worker
    /// process (`report build` gives itself); `None`: in this process.
    pub worker: Option<PathBuf>,
    /// A redline: mark what changed since this base (`--since`, see `redline`).
    pub since: Option<Since>,
}

/// The base of a redline, as `--since` gives it.
#[derive(Debug, Clone)]
pub struct Since {
    /// A report root, or the output folder of an earlier draft.
    pub path: PathBuf,
    /// Its commit, if it is a checkout of one: how the draft names it.
    pub revision: Option<String>,
}

/// The stages of a build, reported as they start (for a progress display).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    /// Another build (another process) is writing the same output folder: this one waits
    /// for it to finish.
    Waiting,
    Typesetting,
    Writing,
}

/// What a build did.
#[derive(Debug)]
pub struct Outcome {
    pub sources: Sources,
    pub diagnostics: Diagnostics,
    pub timings: Timings,
    /// Set when `output/` was replaced.
    pub written: Option<Written>,
    /// Writing `output/` failed (an I/O problem, not a problem of the input).
    pub write_failed: bool,
    /// The diagnostics whose codes `[lints]` allows (facts, by default).
    pub allowed: Allowed,
}

#[derive(Debug, Clone)]
pub struct Written {
    /// The output folder, as the editor named it (`--out`, or `ROOT/output`).
    pub out: PathBuf,
    pub replies: usize,
    pub files: usize,
    /// The HTML folder's name, if the site was built.
    pub html: Option<String>,
}

/// A report root read and checked, with its model if it had no errors.
pub struct Checked {
    pub loaded: Loaded,
    /// The final replies aggregated; `None` if loading found errors.
    pub model: Option<Model>,
    /// Every language version of `[book] languages`, worded, in that order; empty if
    /// loading found errors.
    pub versions: Vec<Version>,
    /// The diagnostics whose codes `[lints]` allows.
    pub allowed: Allowed,
}

/// Reads and checks `root` and, if it has no errors, aggregates its final replies, words
/// every language version and checks them: what `check`, `stats` and `diff` need.
pub fn check(root: &Path) -> Checked {
    let mut loaded = load::load(root);
    let (model, versions) = match &loaded.project {
        Some(project) if !loaded.diagnostics.has_errors() => {
            let (model, versions) = model_of(
                project,
                Options::default(),
                &[],
                None,
                &mut loaded.diagnostics,
            );
            // Nothing else holds them: no builder keeps them for a next build.
            let versions = versions
                .into_iter()
                .map(|v| Arc::try_unwrap(v.version).unwrap_or_else(|v| (*v).clone()))
                .collect();
            (Some(model), versions)
        }
        _ => (None, Vec::new()),
    };
    loaded.diagnostics.sort();
    let mut allowed = Allowed::default();
    if let Some(project) = &loaded.project {
        crate::lints::apply(&project.config.lints, &mut loaded.diagnostics, &mut allowed);
    }
    Checked {
        loaded,
        model,
        versions,
        allowed,
    }
}

/// The model of a checked project and its language versions (those of `only`, or every
/// one of `[book] languages`), with the checks that need them (the word limit of the
/// Secretariat's text, a report of drafts only, the typesetting cost).
fn model_of(
    project: &Project,
    options: Options,
    only: &[String],
    mut rebuild: Option<(&mut HashMap<String, Worded>, &Sources)>,
    diags: &mut Diagnostics,
) -> (Model, Vec<Worded>) {
    let model = aggregate::aggregate(project, options.clone());
    let book = &project.config.book;
    for lang in only {
        if !book.languages.contains(lang) {
            diags.push(
                Diagnostic::error_nowhere(
                    Code::UnknownVersion,
                    format!("--lang {lang}: not a language version of this report"),
                )
                .help(format!(
                    "[book] languages in book.toml lists {}",
                    book.languages.join(", ")
                )),
            );
        }
    }
    let building: Vec<&String> = book
        .languages
        .iter()
        .filter(|lang| only.is_empty() || only.contains(lang))
        .collect();
    let budget = render::cost::budget(building.len());
    // A rebuild words again only the versions whose files changed: what each of the last
    // build's was worded from.
    let keys = rebuild
        .as_ref()
        .map(|(_, sources)| wording_keys(project, sources, &options, budget));
    let mut versions = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // One version worded and measured: the version, its problems, and the cost check's.
    let word = |lang: &String| {
        let mut diags = Diagnostics::new();
        let locale = wording::locale_of(&project.locales, lang);
        let catalogue = Arc::new(wording::catalogue_for(lang, locale));
        let version = wording::version(&model, catalogue.clone(), locale, &mut diags);
        wording::warn_missing_strings(&catalogue, &mut diags);
        // The word limit is on the Secretariat's text as written, in [book] language.
        if *lang == book.language {
            wording::check_word_limit(&version, &mut diags);
        }
        let mut found = Diagnostics::new();
        render::cost::check(project, &version, budget, &mut found);
        // What a rebuild compares: hashed here, beside the other versions.
        let hash = keys.is_some().then(|| render::version_hash(&version));
        Worded {
            key: keys.as_ref().map_or(0, |keys| keys(lang)),
            version: Arc::new(version),
            hash,
            problems: diags.into_vec(),
            found: found.into_vec(),
            kept: false,
        }
    };
    // A version of the last build, if nothing it is worded from changed since.
    let mut kept = |lang: &String| {
        let key = (keys.as_ref()?)(lang);
        let (last, _) = rebuild.as_mut()?;
        let worded = last.remove(lang).filter(|worded| worded.key == key)?;
        Some(Worded {
            kept: true,
            ..worded
        })
    };
    // A version per core at a time, in the order of the versions. What it would cost to
    // typeset is measured before the next ones are worded: a reply too costly for one
    // version is refused at once, not after six.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut building = building.into_iter().peekable();
    'versions: while building.peek().is_some() {
        // The next versions to word, as many as there are cores, and the kept ones
        // before and among them, in the order of the versions.
        let mut group: Vec<Result<Worded, &String>> = Vec::new();
        while group.iter().filter(|g| g.is_err()).count() < cores
            && let Some(lang) = building.next()
        {
            group.push(kept(lang).ok_or(lang));
        }
        let fresh: Vec<&String> = group
            .iter()
            .filter_map(|g| g.as_ref().err().copied())
            .collect();
        let mut fresh = match fresh[..] {
            [] => Vec::new(),
            [one] => vec![word(one)],
            _ => std::thread::scope(|scope| {
                let threads: Vec<_> = fresh
                    .iter()
                    .map(|lang| scope.spawn(|| word(lang)))
                    .collect();
                threads
                    .into_iter()
                    .map(|t| t.join().expect("wording does not panic"))
                    .collect()
            }),
        }
        .into_iter();
        for worded in group {
            let worded = match worded {
                Ok(kept) => kept,
                Err(_) => fresh
                    .next()
                    .expect("a version worded for each one not kept"),
            };
            diags.extend_from(&worded.problems);
            let refused = worded.found.iter().any(Diagnostic::is_error);
            // An original printed in several versions is measured in each: say it once.
            for d in &worded.found {
                if seen.insert(format!("{d:?}")) {
                    diags.push(d.clone());
                }
            }
            versions.push(worded);
            if refused {
                break 'versions;
            }
        }
    }
    drafts_only(project, &model, diags);
    (model, versions)
}

/// A language version worded, with what a rebuild needs to reuse it.
#[derive(Clone)]
pub(crate) struct Worded {
    /// What it was worded from (see [`wording_keys`]); 0 in a single build.
    key: u64,
    pub(crate) version: Arc<Version>,
    /// Its data's hash (`render::version_hash`), for a builder that builds again.
    hash: Option<u64>,
    /// What wording and measuring it found.
    problems: Vec<Diagnostic>,
    found: Vec<Diagnostic>,
    /// Taken from the last build, nothing it is worded from having changed.
    kept: bool,
}

/// For each language, a hash of what its version is worded from: every file's name, in
/// the order they were read (the diagnostics kept with a version point at files by
/// number), and the text of every file but the translations and `locales/` files of the
/// other languages (a version prints only its own language's), with the build's options.
/// A version whose key is the last build's is that build's version.
fn wording_keys<'p>(
    project: &'p Project,
    sources: &Sources,
    options: &Options,
    budget: usize,
) -> impl Fn(&str) -> u64 + use<'p> {
    use std::hash::{Hash, Hasher};
    let mut language: HashMap<usize, &str> = HashMap::new();
    for t in &project.translations {
        language.insert(t.file, &t.language);
    }
    for l in &project.locales {
        language.insert(l.file, &l.language);
    }
    // Each file hashed once, whatever the number of versions: its name, and its name
    // with its text.
    let files: Vec<(u64, u64, Option<&'p str>)> = (0..sources.len())
        .map(|id| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            sources.name(id).hash(&mut hasher);
            let name = hasher.finish();
            sources.text(id).hash(&mut hasher);
            (name, hasher.finish(), language.get(&id).copied())
        })
        .collect();
    let fixed = render::hash_of(&(options, budget));
    move |lang: &str| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (fixed, lang, files.len()).hash(&mut hasher);
        for (name, text, of) in &files {
            // Another language's file counts by its name alone.
            match of.is_none_or(|of| of == lang) {
                true => text.hash(&mut hasher),
                false => name.hash(&mut hasher),
            }
        }
        hasher.finish()
    }
}

/// Marks each version of `versions` with what changed since the base (see `redline`),
/// or says why the base cannot be compared with.
fn redline_versions(
    project: &Project,
    since: &Since,
    options: Options,
    versions: &mut [Worded],
    diags: &mut Diagnostics,
) {
    let languages = &project.config.book.languages;
    let first = languages.first().map_or("en", String::as_str);
    // A base root is worded as this build is: every version of its own [book] languages.
    let words = |path: &Path| -> Result<(String, Vec<(String, serde_json::Value)>), String> {
        let loaded = load::load(path);
        let problems = loaded.diagnostics.errors();
        let project = match loaded.project {
            Some(project) if problems == 0 => project,
            _ => {
                return Err(format!(
                    "the base `{}` has {problems} {}: `report check {}` lists {}",
                    path.display(),
                    if problems == 1 { "error" } else { "errors" },
                    path.display(),
                    if problems == 1 { "it" } else { "them" },
                ));
            }
        };
        let mut found = Diagnostics::new();
        let (_, worded) = model_of(&project, options, &[], None, &mut found);
        if found.has_errors() {
            return Err(format!(
                "the base `{}` cannot be built: {}",
                path.display(),
                found.summary()
            ));
        }
        let name = since
            .revision
            .clone()
            .unwrap_or_else(|| path.display().to_string());
        let values = worded
            .iter()
            .map(|w| {
                let value = serde_json::to_value(&*w.version).expect("a version is plain data");
                (w.version.language.clone(), value)
            })
            .collect();
        Ok((name, values))
    };
    let base = match crate::redline::load_base(&since.path, languages, first, words) {
        Ok(base) => base,
        Err(why) => {
            diags.push(
                Diagnostic::error_nowhere(Code::Redline, format!("--since: {why}")).help(
                    "give --since a report root (a worktree of the base branch: git worktree \
                     add ../base main) or the output folder of an earlier draft",
                ),
            );
            return;
        }
    };
    let name = since.revision.clone().unwrap_or(base.name.clone());
    // Each version on a thread of its own: comparing is most of a version's share.
    let marked: Vec<_> = std::thread::scope(|scope| {
        let threads: Vec<_> = versions
            .iter()
            .map(|worded| {
                let was = base.versions.get(&worded.version.language);
                let (name, version) = (&name, &worded.version);
                scope.spawn(move || was.map(|was| crate::redline::mark(version, was, name)))
            })
            .collect();
        threads
            .into_iter()
            .map(|thread| thread.join().expect("marking a version does not panic"))
            .collect()
    });
    for (worded, marked) in versions.iter_mut().zip(marked) {
        let lang = worded.version.language.clone();
        match marked {
                Some((value, changes)) => {
                    let mut version = (*worded.version).clone();
                    version.redline = changes;
                    version.marked = Some(Arc::new(value));
                    worded.version = Arc::new(version);
                }
                None => diags.push(
                    Diagnostic::warning_nowhere(
                        Code::RedlineNoBase,
                        format!(
                            "--since: the base has no {lang} version, so the {lang} version is built without marks"
                        ),
                    )
                    .help("nothing to do if the version is new; otherwise give a base that has it"),
                ),
            }
    }
}

/// Warns when a report that has replies prints none, because every one of them is a draft
/// and this build leaves drafts out.
fn drafts_only(project: &Project, model: &Model, diags: &mut Diagnostics) {
    if model.totals.replies == 0 && !project.submissions.is_empty() {
        diags.push(
            Diagnostic::warning_nowhere(Code::DraftsOnly, format!(
                "every reply is a draft ({} with status = \"draft\"), so the report has no replies",
                project.submissions.len()
            ))
            .help("set status = \"final\" in the replies that are complete, or build a draft with --draft"),
        );
    }
}

/// Builds a report root, again and again if asked.
pub struct Builder {
    root: PathBuf,
    options: BuildOptions,
    /// The output folder as an absolute path (the lock and the work folders sit beside
    /// it), or why it cannot be one.
    out: Result<PathBuf, String>,
    cache: RenderCache,
    /// The language versions of the last build, for a builder that builds again.
    worded: HashMap<String, Worded>,
    /// Removing the output the last build replaced; the output's lock is held until then.
    cleanup: Option<std::thread::JoinHandle<Option<Diagnostic>>>,
    /// What the last build wrote, for a builder that builds again (see `write::Written`).
    written: std::sync::Arc<std::sync::Mutex<write::Written>>,
    /// The reply files the last build read, for a builder that builds again.
    read: load::Remembered,
}

impl Drop for Builder {
    fn drop(&mut self) {
        self.finish();
    }
}

impl Builder {
    pub fn new(root: PathBuf, options: BuildOptions) -> Builder {
        let given = options.out.clone().unwrap_or_else(|| root.join("output"));
        let single = options.once;
        let worker = options.worker.clone().filter(|_| single);
        let out = write::absolute(&given)
            .map_err(|e| format!("cannot use `{}` as the output folder: {e}", given.display()));
        Builder {
            root,
            options,
            out,
            cache: RenderCache {
                single,
                worker,
                ..RenderCache::default()
            },
            worded: HashMap::new(),
            cleanup: None,
            written: Default::default(),
            read: Default::default(),
        }
    }

    /// Hands every build's sites and layouts to a live preview, which exports the PDFs
    /// (see `render::live`): the build writes the output with the PDFs it has, and the
    /// preview replaces each when exported.
    pub fn set_live(&mut self, live: std::sync::Arc<dyn crate::render::live::Live>) {
        self.cache.live = Some(live);
    }

    /// Waits until the output the last build replaced is removed (and its lock released);
    /// says so if it could not be removed.
    pub fn finish(&mut self) -> Option<Diagnostic> {
        self.cleanup
            .take()
            .and_then(|cleanup| cleanup.join().ok().flatten())
    }

    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// Where the output goes, as the editor named it.
    pub fn out_shown(&self) -> PathBuf {
        self.options
            .out
            .clone()
            .unwrap_or_else(|| self.root.join("output"))
    }

    /// Where the output goes, as an absolute path.
    pub fn out(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|_| self.out_shown())
    }

    /// Why the output folder cannot be `out`, if it cannot: it is the report root or holds
    /// it (`--out .`, `--out ..`).
    fn refuse_out(&self, out: &Path) -> Option<Box<Diagnostic>> {
        let root = self.root.canonicalize().ok()?;
        if !root.starts_with(out) {
            return None;
        }
        let what = if root == out {
            "it is the report root itself"
        } else {
            "it holds the report root"
        };
        Some(Box::new(
            Diagnostic::error_nowhere(
                Code::OutputFolder,
                format!(
                    "refusing to write the output into `{}`: {what}",
                    self.out_shown().display()
                ),
            )
            .help(format!(
                "a build replaces its output folder as a whole, with everything in it; give \
                 --out a folder of its own (such as --out /tmp/report-output), or drop --out to \
                 write {}",
                self.root.join("output").display()
            )),
        ))
    }

    /// Starts the new output for `out`, unless `out` holds files a build does not write: a
    /// build replaces the folder as a whole, and a mistyped `--out` (the report root,
    /// `submissions/`) must not delete the replies.
    ///
    /// Builds of one output folder take turns: this waits for the output's lock (telling
    /// `stage` it waits), which the caller keeps until the replaced output is removed.
    fn stage_output(
        &self,
        project: &Project,
        out: &Path,
        timings: &mut Timings,
        stage: &mut dyn FnMut(Stage),
    ) -> Result<(write::Staging, write::OutputLock), Box<Diagnostic>> {
        if let Some(refusal) = self.refuse_out(out) {
            return Err(refusal);
        }
        let ours = |name: &str| {
            name == render::data_json::FILE
                || name == crate::redline::SNAPSHOT
                || name == "report.typ"
                || name.ends_with(".pdf")
                || project.config.pdf.as_ref().is_some_and(|p| p.file == name)
                || project.config.html.as_ref().is_some_and(|h| h.dir == name)
                || name == "html"
                || crate::language::is_official(name)
        };
        if let Some(why) = write::refuse_to_replace(out, &ours) {
            let help = match self.options.out {
                Some(_) => format!(
                    "a build replaces its output folder with everything in it: give --out a new or empty folder, or drop --out to write {}",
                    self.root.join("output").display()
                ),
                None => "a build replaces its output folder with everything in it: move those files elsewhere".to_string(),
            };
            return Err(Box::new(
                Diagnostic::error_nowhere(
                    Code::OutputFolder,
                    format!(
                        "refusing to replace `{}`: {why}",
                        self.out_shown().display()
                    ),
                )
                .help(help),
            ));
        }
        let lock = timings
            .time("lock", || {
                write::OutputLock::acquire(out, &mut |_| stage(Stage::Waiting))
            })
            .map_err(|e| {
                let message = format!("cannot lock {}: {e}", self.out_shown().display());
                Box::new(Diagnostic::error_nowhere(Code::Io, message))
            })?;
        let staging = write::Staging::begin(out, &lock).map_err(|e| {
            let message = format!("cannot write {}: {e}", self.out_shown().display());
            Box::new(Diagnostic::error_nowhere(Code::Io, message))
        })?;
        let staging = match self.options.once {
            true => staging,
            false => staging.remembering(std::sync::Arc::clone(&self.written)),
        };
        Ok((staging, lock))
    }

    /// Runs one build; `stage` is told when each stage starts. The levels of book.toml's
    /// `[lints]` are applied to what it found, whatever stage it stopped at.
    pub fn build(&mut self, stage: &mut dyn FnMut(Stage)) -> Outcome {
        let mut lints = Lints::default();
        let mut outcome = self.build_levelled(stage, &mut lints);
        crate::lints::apply(&lints, &mut outcome.diagnostics, &mut outcome.allowed);
        outcome
    }

    fn build_levelled(&mut self, stage: &mut dyn FnMut(Stage), lints: &mut Lints) -> Outcome {
        let mut timings = Timings::new();
        let cleanup_problem = timings.time("old output removed", || self.finish());
        if let Ok(out) = &self.out {
            write::recover_if_idle(out);
        }
        stage(Stage::Reading);
        let loaded = match self.options.once {
            true => timings.time("load", || load::load(&self.root)),
            false => timings.time("load", || load::load_again(&self.root, &mut self.read)),
        };
        let mut outcome = Outcome {
            sources: loaded.sources,
            diagnostics: loaded.diagnostics,
            timings: Timings::new(),
            written: None,
            write_failed: false,
            allowed: Allowed::default(),
        };
        if let Some(project) = &loaded.project {
            lints.clone_from(&project.config.lints);
        }
        if let Some(problem) = cleanup_problem {
            outcome.diagnostics.push(problem);
        }
        if let Some(project) = loaded.project
            && !outcome.diagnostics.has_errors()
        {
            // Each stage returns `None` when the build stops there; the diagnostics say why.
            let _ = self.build_project(project, &mut outcome, &mut timings, stage, lints);
        }
        outcome.timings = timings;
        outcome
    }

    /// The stages after reading: wording, typesetting, writing.
    fn build_project(
        &mut self,
        project: Project,
        outcome: &mut Outcome,
        timings: &mut Timings,
        stage: &mut dyn FnMut(Stage),
        lints: &Lints,
    ) -> Option<()> {
        let (model, versions) = self.word(&project, outcome, timings)?;
        let out = match &self.out {
            Ok(out) => out.clone(),
            Err(why) => {
                outcome.write_failed = true;
                let problem = Diagnostic::error_nowhere(Code::OutputFolder, why.clone());
                outcome.diagnostics.push(problem);
                return None;
            }
        };
        let (staging, lock) = match self.stage_output(&project, &out, timings, stage) {
            Ok(staged) => staged,
            Err(problem) => {
                outcome.write_failed = true;
                outcome.diagnostics.push(*problem);
                return None;
            }
        };
        stage(Stage::Typesetting);
        // The versions not built this time keep the files of the last build.
        let only = self.options.languages.clone();
        let (kept, kept_languages) = keep_versions(&project, &out, &only, &mut outcome.diagnostics);
        let rendered = self.typeset(
            &project, &model, &versions, &staging, outcome, timings, lints,
        )?;
        stage(Stage::Writing);
        let present: Vec<&str> = versions
            .iter()
            .map(|v| v.version.language.as_str())
            .chain(kept_languages.iter().map(String::as_str))
            .collect();
        let mut expected = expected_entries(&project, &present);
        // The PDFs a live preview exports: the output keeps the ones it has until then.
        expected.retain(|name| !rendered.handed.contains(name));
        let mut kept = kept;
        kept.extend(
            rendered
                .handed
                .iter()
                .filter(|pdf| out.join(pdf).is_file())
                .map(PathBuf::from),
        );
        let written = timings.time("write", || {
            let early = rendered.written?;
            staging.keep(&kept)?;
            staging.write(&rendered.files)?;
            let old = staging.commit()?;
            Ok::<_, std::io::Error>((early + rendered.files.len(), old))
        });
        let (files, old) = match written {
            Ok(written) => written,
            Err(e) => {
                outcome.write_failed = true;
                outcome.diagnostics.push(Diagnostic::error_nowhere(
                    Code::Io,
                    format!("cannot write {}: {e}", self.out_shown().display()),
                ));
                return None;
            }
        };
        // The previous output is removed on another thread, which holds the lock until it
        // is done: the next build, or the end of this builder, waits. That thread frees
        // this build's data and files too (16 ms of a watch rebuild of the 193-State root,
        // spent after the output was written).
        let shown = self.out_shown();
        let replies = model.totals.replies;
        let html = project.config.html.as_ref().map(|h| h.dir.clone());
        let leftovers = (versions, model, project, rendered.files);
        self.cleanup = Some(std::thread::spawn(move || {
            let problem = old.and_then(|old| {
                let result = write::remove_tree(&old);
                result.err().map(|e| cannot_remove(&old, &shown, &e))
            });
            drop(lock);
            drop(leftovers);
            problem
        }));
        // A build that says it wrote the output has written all of it.
        let missing = expected
            .iter()
            .find(|name| std::fs::symlink_metadata(out.join(name)).is_err());
        if let Some(name) = missing {
            outcome.write_failed = true;
            outcome.diagnostics.push(
                Diagnostic::error_nowhere(Code::Io, format!(
                    "{} lacks `{name}` right after it was written: something else \
                     changed the folder during the build",
                    self.out_shown().display()
                ))
                .help("build again; if this repeats, look for another program writing into that folder"),
            );
            return None;
        }
        outcome.written = Some(Written {
            out: self.out_shown(),
            replies,
            files,
            html,
        });
        Some(())
    }

    /// The model and its language versions (worded again only where something changed
    /// since the last build), with their redline if asked; `None` after an error.
    fn word(
        &mut self,
        project: &Project,
        outcome: &mut Outcome,
        timings: &mut Timings,
    ) -> Option<(Model, Vec<Worded>)> {
        let (sources, diags) = (&outcome.sources, &mut outcome.diagnostics);
        let options = Options {
            include_drafts: self.options.draft.is_some(),
            draft: self.options.draft.clone(),
        };
        let only = self.options.languages.clone();
        let rebuild = (!self.options.once).then_some((&mut self.worded, sources));
        let (model, mut versions) = timings.time("aggregate", || {
            model_of(project, options.clone(), &only, rebuild, diags)
        });
        if !self.options.once {
            self.worded = versions
                .iter()
                .map(|w| (w.version.language.clone(), w.clone()))
                .collect();
            let list = |kept: bool| {
                let langs: Vec<&str> = versions
                    .iter()
                    .filter(|w| w.kept == kept)
                    .map(|w| w.version.language.as_str())
                    .collect();
                langs.join(", ")
            };
            let (again, kept) = (list(false), list(true));
            if !kept.is_empty() {
                let again = if again.is_empty() { "none" } else { &again };
                timings.note(format!(
                    "worded again: {again}; kept from the last build: {kept}"
                ));
            }
        }
        if let Some(since) = &self.options.since
            && !diags.has_errors()
        {
            timings.time("redline", || {
                redline_versions(project, since, options.clone(), &mut versions, diags)
            });
        }
        if diags.has_errors() {
            diags.sort();
            return None;
        }
        Some((model, versions))
    }

    /// Renders every version into `staging` (the sites and PDFs as soon as each is made),
    /// and applies the lints to what that found; `None` if anything failed.
    #[allow(clippy::too_many_arguments)]
    fn typeset(
        &mut self,
        project: &Project,
        model: &Model,
        versions: &[Worded],
        staging: &write::Staging,
        outcome: &mut Outcome,
        timings: &mut Timings,
        lints: &Lints,
    ) -> Option<render::Rendered> {
        let (sources, diags) = (&mut outcome.sources, &mut outcome.diagnostics);
        let templates = Templates::new(&project.templates);
        let targets = targets(project, versions);
        let job = render::Job {
            project,
            model,
            targets: &targets,
            templates: &templates,
            options: RenderOptions {
                date: self.options.date.unwrap_or(project.config.report.date),
                jobs: self.options.jobs,
            },
        };
        let rendered = render::render(
            &job,
            &mut self.cache,
            &|files| staging.write(files),
            sources,
            diags,
            timings,
        );
        crate::lints::apply(lints, diags, &mut outcome.allowed);
        if self.options.since.is_some() {
            let spent = crate::redline::doc::time_spent();
            timings.add(
                "redline: replies compared in the templates (all threads)",
                spent,
            );
        }
        if self.options.deny_warnings {
            diags.deny_warnings();
        }
        diags.sort();
        rendered.filter(|_| !diags.has_errors())
    }
}

/// The entries a complete output folder of `project` holds: data.json, and for each
/// language version of `languages` its PDF, report.typ and site.
fn expected_entries(project: &Project, languages: &[&str]) -> Vec<String> {
    let mut names = vec![render::data_json::FILE.to_string()];
    for lang in languages {
        let prefix = prefix(project, lang);
        if let Some(pdf) = &project.config.pdf {
            names.push(format!("{prefix}{}", pdf.file));
            names.push(format!("{prefix}report.typ"));
        }
        if let Some(html) = &project.config.html {
            names.push(format!("{prefix}{}/index.html", html.dir));
        }
    }
    names
}

/// Where a language version's files go inside the output folder: the first language at
/// the top, each other in a folder named after it.
fn prefix(project: &Project, lang: &str) -> String {
    if project
        .config
        .book
        .languages
        .first()
        .is_some_and(|l| l == lang)
    {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// The versions to render, each with where its files go and the links of its site's
/// language switcher (to every version of `[book] languages`, built now or kept).
fn targets<'v>(project: &Project, versions: &'v [Worded]) -> Vec<render::Target<'v>> {
    let languages = &project.config.book.languages;
    // The versions built now name themselves; a kept one's catalogue is made for it.
    let names: Vec<String> = languages
        .iter()
        .map(
            |lang| match versions.iter().find(|v| v.version.language == *lang) {
                Some(v) => v.version.catalogue.get("language-endonym", &[]),
                None => wording::catalogue_for(lang, wording::locale_of(&project.locales, lang))
                    .get("language-endonym", &[]),
            },
        )
        .collect();
    let html = project
        .config
        .html
        .as_ref()
        .map_or("html", |h| h.dir.as_str());
    versions
        .iter()
        .map(|worded| {
            let version = &*worded.version;
            let from = prefix(project, &version.language);
            // From this version's site folder up to the output folder.
            let up = "../".repeat(1 + from.matches('/').count());
            let links = languages
                .iter()
                .zip(&names)
                .map(|(lang, name)| render::html::VersionLink {
                    lang: lang.clone(),
                    name: name.clone(),
                    dir: wording::direction(lang),
                    to: if *lang == version.language {
                        String::new()
                    } else {
                        format!("{up}{}{html}/", prefix(project, lang))
                    },
                    current: *lang == version.language,
                })
                .collect();
            render::Target {
                version,
                hash: worded.hash,
                prefix: from,
                links,
            }
        })
        .collect()
}

/// The files of the language versions this build does not make (`--lang`), listed from
/// the output folder as the last build left them (the write puts them into the new output
/// as they are), and those versions; a version the output lacks is warned about.
fn keep_versions(
    project: &Project,
    out: &Path,
    only: &[String],
    diags: &mut Diagnostics,
) -> (Vec<PathBuf>, Vec<String>) {
    let mut kept = Vec::new();
    let mut languages = Vec::new();
    if only.is_empty() {
        return (kept, languages);
    }
    for lang in &project.config.book.languages {
        if only.contains(lang) {
            continue;
        }
        let prefix = prefix(project, lang);
        let mut entries: Vec<String> = Vec::new();
        if prefix.is_empty() {
            if let Some(pdf) = &project.config.pdf {
                entries.push(pdf.file.clone());
                entries.push("report.typ".into());
            }
            if let Some(html) = &project.config.html {
                entries.push(html.dir.clone());
            }
            // A draft's snapshot of the version, if the last build was a draft.
            if out.join(crate::redline::SNAPSHOT).is_file() {
                entries.push(crate::redline::SNAPSHOT.into());
            }
        } else {
            entries.push(lang.clone());
        }
        let mut complete = true;
        for entry in entries {
            complete &= write::list_tree(&out.join(&entry), Path::new(&entry), &mut kept);
        }
        if complete {
            languages.push(lang.clone());
        } else {
            diags.push(
                Diagnostic::warning_nowhere(Code::VersionNotKept, format!(
                    "the {lang} version is not in the output folder to keep: this output has no {lang} version"
                ))
                .help(format!("build it too: --lang {lang}, or build without --lang")),
            );
        }
    }
    (kept, languages)
}

/// A warning for a replaced output that could not be removed.
fn cannot_remove(old: &Path, out: &Path, e: &std::io::Error) -> Diagnostic {
    let shown = old.display();
    Diagnostic::warning_nowhere(Code::OldOutput, format!(
        "the previous output, moved aside to {shown}, could not be removed: {e}"
    ))
    .help(format!(
        "{} is complete and up to date; remove the old copy by hand: chmod -R u+w '{shown}' && rm -rf '{shown}'",
        out.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testroot::{reply, write};

    #[test]
    fn a_complete_output_holds_data_json_and_each_versions_files() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[(
                "submissions/chl.md",
                &reply("Chile", "2019-04-01", "es", &["evidence"]),
            )],
        );
        let project = load::load(dir.path()).project.unwrap();
        assert_eq!(prefix(&project, "en"), "");
        assert_eq!(prefix(&project, "fr"), "fr/");
        assert_eq!(
            expected_entries(&project, &["en", "fr"]),
            [
                "data.json",
                "report.pdf",
                "report.typ",
                "html/index.html",
                "fr/report.pdf",
                "fr/report.typ",
                "fr/html/index.html"
            ]
        );
    }

    #[test]
    fn a_rebuild_words_again_only_the_versions_whose_inputs_changed() {
        let dir = tempfile::tempdir().unwrap();
        let wording = |title: &str| format!("[categories.evidence]\ntitle = \"{title}\"\n");
        write(
            dir.path(),
            &[
                (
                    "submissions/chl.md",
                    &reply("Chile", "2019-04-01", "es", &["evidence"]),
                ),
                ("locales/fr.toml", &wording("Preuves")),
            ],
        );
        let mut builder = Builder::new(
            dir.path().to_path_buf(),
            BuildOptions {
                out: Some(dir.path().join("out")),
                ..BuildOptions::default()
            },
        );
        let model = |builder: &mut Builder| {
            let loaded = load::load(dir.path());
            let project = loaded.project.unwrap();
            let options = builder.options.clone();
            let options = Options {
                include_drafts: options.draft.is_some(),
                draft: options.draft,
            };
            let mut diags = Diagnostics::new();
            let sources = &loaded.sources;
            let (_, versions) = model_of(
                &project,
                options,
                &[],
                Some((&mut builder.worded, sources)),
                &mut diags,
            );
            builder.worded = versions
                .iter()
                .map(|w| (w.version.language.clone(), w.clone()))
                .collect();
            versions
                .iter()
                .map(|w| (w.version.language.clone(), w.kept))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            model(&mut builder),
            [("en".into(), false), ("fr".into(), false)]
        );
        assert_eq!(
            model(&mut builder),
            [("en".into(), true), ("fr".into(), true)]
        );
        // A French wording changes the French version only.
        std::fs::write(
            dir.path().join("locales/fr.toml"),
            wording("Preuves électroniques"),
        )
        .unwrap();
        assert_eq!(
            model(&mut builder),
            [("en".into(), true), ("fr".into(), false)]
        );
    }
}
