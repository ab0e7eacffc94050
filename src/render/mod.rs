//! A worded version of the report -> the files of `output/`, returned, never written here.
//!
//! Each output format is one module; this one decides which to build from `book.toml` and
//! collects their problems. Markdown is parsed into a tree (`crate::markdown`) that each
//! format writes with its own escaping.

pub mod cost;
pub mod data_json;
pub mod html;
pub mod templates;
pub mod typst;
pub mod wrap;

use std::collections::HashMap;

use crate::aggregate::Model;
use crate::date::Date;
use crate::diag::{Diagnostics, Sources};
use crate::files::OutputFiles;
use crate::load::Project;
use crate::timing::Timings;
use crate::wording::Version;
use templates::Templates;

/// Settings of one build that do not come from the report root.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// The date Typst's `today()` and the PDF's creation date use.
    pub date: Date,
    /// The most language versions typeset at once (`--jobs`); `None`: one per core.
    pub jobs: Option<usize>,
}

/// What renderers keep between builds: a typesetter per language version, and each
/// version's site with a hash of everything it was made from (its worded data, links and
/// templates), so that a rebuild renders again only the sites whose inputs changed.
#[derive(Default)]
pub struct RenderCache {
    pub typesetters: HashMap<String, typst::Typesetter>,
    pub sites: HashMap<String, (u64, OutputFiles)>,
    /// Set for a single build (`report build`): nothing is kept for a next one. Its versions
    /// are typeset in worker processes (see `worker`), or without a worker program here,
    /// Typst's caches cleared after each round of versions (one per core), so that memory
    /// holds at most one layout per core; a builder that builds again (`watch`, `serve`)
    /// keeps each version's, for rebuilds that lay out again only what changed.
    pub single: bool,
    /// For a single build: the program to typeset each version in, as a worker process
    /// (`report build` names itself; see `typst::worker`). The versions' layouts then
    /// share no cache and need none cleared; without one they are typeset in this process.
    pub worker: Option<std::path::PathBuf>,
    /// The hash of each version's worded data at the last build, and what it costs to
    /// typeset (see [`cost`]; not kept by a single build): a rebuild typesets the versions
    /// that changed first, and measures again only what they cost.
    pub versions: HashMap<String, (u64, u64)>,
    /// The eviction of Typst's cache entries that the last build did not use, on a thread
    /// of its own: waited for before the next build typesets.
    pub evicting: Option<std::thread::JoinHandle<()>>,
}

/// A hash of `value` (within one run of the program: what a rebuild compares).
pub(crate) fn hash_of<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// A hash of a version's worded data: what its PDF and site are made from, with the
/// templates. The data holds every text worded from the model; the catalogue words the
/// rest as the templates ask (`t("summary")`), so its overrides count too (a rebuild
/// kept a site that a changed `[strings]` wording should have changed).
pub(crate) fn version_hash(version: &Version) -> u64 {
    use std::hash::{Hash, Hasher};
    use std::io::Write;
    /// Hashes what is written to it: the data's JSON, never held as a whole.
    struct Hashing(std::collections::hash_map::DefaultHasher);
    impl std::io::Write for Hashing {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hashing = Hashing(Default::default());
    // Writing into a hasher does not fail, nor does serializing the data.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut hashing);
    let _ = serde_json::to_writer(&mut out, version);
    let _ = out.flush();
    drop(out);
    version.catalogue.fingerprint().hash(&mut hashing.0);
    hashing.0.finish()
}

/// The hash of each version's data (see [`version_hash`]) and what it costs to typeset,
/// each version on a thread of its own (17 to 22 ms for the six of the 193-State root on
/// two cores, against 42 to 53 ms one after the other through a string): the cost is
/// measured again only for a version whose hash is not the one of the last build.
fn hash_versions(targets: &[Target], last: &HashMap<String, (u64, u64)>) -> Vec<(u64, u64)> {
    let one = |target: &Target| {
        let hash = target.hash.unwrap_or_else(|| version_hash(target.version));
        let cost = match last.get(&target.version.language) {
            Some(&(was, cost)) if was == hash => cost,
            _ => cost(target.version),
        };
        (hash, cost)
    };
    std::thread::scope(|scope| {
        let threads: Vec<_> = targets
            .iter()
            .map(|target| scope.spawn(move || one(target)))
            .collect();
        threads
            .into_iter()
            .map(|thread| thread.join().expect("hashing a version does not panic"))
            .collect()
    })
}

/// A hash of what the site of `target` is made from (its version's hash given).
fn site_key(target: &Target, version: u64, templates: u64, dir: &str, pdf: Option<&str>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    version.hash(&mut hasher);
    serde_json::to_string(&target.links)
        .unwrap_or_default()
        .hash(&mut hasher);
    (templates, dir, pdf).hash(&mut hasher);
    hasher.finish()
}

/// One language version to render, and where its files go.
pub struct Target<'a> {
    pub version: &'a Version,
    /// Its data's hash (see [`version_hash`]), if the pipeline has it already.
    pub hash: Option<u64>,
    /// Where its files go inside the output folder: "" for the first language, "fr/" for
    /// the others.
    pub prefix: String,
    /// Every version of the report, for the site's language switcher.
    pub links: Vec<html::VersionLink>,
}

/// What [`render`] made.
pub struct Rendered {
    /// The files still to write.
    pub files: OutputFiles,
    /// The HTML sites and each version's PDF and Typst source, handed to `early` as soon
    /// as each was made: how many files, or why they could not be written.
    pub written: std::io::Result<usize>,
}

/// Where files go as soon as they are made (the pipeline writes them into the staging
/// folder while Typst still works on other versions).
pub type Early<'a> = &'a (dyn Fn(&OutputFiles) -> std::io::Result<()> + Sync);

/// What typesetting one version gave, on its thread.
struct Typeset {
    lang: String,
    /// `None` after a panic in Typst: the next build makes a new one.
    typesetter: Option<typst::Typesetter>,
    files: OutputFiles,
    /// The files handed to `early` (and so no longer in `files`): how many, or why not.
    written: std::io::Result<usize>,
    ok: bool,
    sources: Sources,
    diags: Diagnostics,
    timings: Timings,
    time: std::time::Duration,
}

/// Renders every output the project asks for, of every target version. `None` if any
/// output failed; the diagnostics say why. The HTML sites are rendered, and handed to
/// `early`, beside the typesetting. The PDFs are typeset a version per thread, as many at
/// once as there are cores: in a single build in worker processes when it has a worker
/// program, else on the threads of Typst's own pool (rayon's), where it lays out a
/// document's page runs, and in rebuilds on threads of their own (see the comments where
/// they start).
#[allow(clippy::too_many_arguments)]
pub fn render(
    project: &Project,
    model: &Model,
    targets: &[Target],
    templates: &Templates,
    options: RenderOptions,
    cache: &mut RenderCache,
    early: Early,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    timings: &mut Timings,
) -> Option<Rendered> {
    if let Some(evicting) = cache.evicting.take() {
        // A panic there left the caches as they were: nothing to do about it here.
        let _ = timings.time("wait for eviction", || evicting.join());
    }
    let mut files = OutputFiles::new();
    let versions: Vec<&Version> = targets.iter().map(|t| t.version).collect();
    let pdf_name = project.config.pdf.as_ref().map(|p| p.file.as_str());
    // The typesetters this build uses, made where missing or made from other fonts.
    let mut jobs = Vec::new();
    if project.config.pdf.is_some() {
        for target in targets {
            let lang = &target.version.language;
            let typesetter = match cache.typesetters.remove(lang) {
                Some(t) if t.fits(&project.fonts) => t,
                _ => timings.time("fonts", || typst::Typesetter::new(project, diags)),
            };
            jobs.push((target, typesetter));
        }
    }
    // No more than the pool's threads: the versions of a round wait for each other, so
    // each must have a thread of its own (RAYON_NUM_THREADS may make the pool small).
    // Fewer if `--jobs` says so: each version laid out holds its own memory.
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(rayon::current_num_threads())
        .min(options.jobs.unwrap_or(usize::MAX))
        .clamp(1, jobs.len().max(1));
    let single = cache.single;
    // A single build with a worker program typesets in worker processes: no round waits
    // for another to clear Typst's caches, which belong to each worker.
    let workers_processes = single && cache.worker.is_some();
    let rounds_apart = single && !workers_processes;
    // In worker processes, more versions than threads: the sites are rendered once the
    // last version has started, on the core the versions no longer fill (0.5 s of the six
    // versions of the synthetic root). With as many threads as versions, beside them.
    let sites_last = workers_processes && jobs.len() > workers;
    // What each version's data hashes to, for a builder that builds again, and whether
    // it changed since the last build (a single build computes none: all count as changed).
    let (hashes, costs): (Vec<u64>, Vec<u64>) = match single {
        true => (
            Vec::new(),
            targets.iter().map(|t| cost(t.version)).collect(),
        ),
        false => timings.time("hash versions", || {
            hash_versions(targets, &cache.versions).into_iter().unzip()
        }),
    };
    // What each version's Typst source is made from (a rebuild's version hash with the
    // templates): a version that did not change is not even worded into Typst again.
    let typst_templates = templates.fingerprint();
    let made_from: HashMap<&str, u64> = targets
        .iter()
        .zip(&hashes)
        .map(|(t, h)| (t.version.language.as_str(), hash_of(&(h, typst_templates))))
        .collect();
    let made_from = &made_from;
    // Taken from the end: in a rebuild the versions whose data changed first (the others
    // usually find their Typst source unchanged), then the longest first, so that the
    // versions typeset side by side take about as long. In a single build all changed.
    let order: HashMap<&str, (bool, u64)> = targets
        .iter()
        .zip(&costs)
        .enumerate()
        .map(|(i, (t, cost))| {
            let lang = t.version.language.as_str();
            let was = cache.versions.get(lang).map(|(was, _)| was);
            (lang, (hashes.get(i).is_none_or(|h| was != Some(h)), *cost))
        })
        .collect();
    jobs.sort_by_key(|(target, _)| order.get(target.version.language.as_str()).copied());
    cache.versions = targets
        .iter()
        .zip(hashes.iter().zip(&costs))
        .map(|(t, (h, c))| (t.version.language.clone(), (*h, *c)))
        .collect();
    for (target, typesetter) in &mut jobs {
        typesetter.lang.clone_from(&target.version.language);
        typesetter.keeps_caches = !single;
        typesetter.worker = cache.worker.clone().filter(|_| single);
    }
    let rounds = jobs.len().div_ceil(workers);
    let barrier = &std::sync::Barrier::new(workers);
    let queue = &std::sync::Mutex::new(jobs);
    // Each typesetting thread starts from the files read so far (its diagnostics point
    // into them) and adds its own.
    let base = sources.clone();
    let base = &base;
    let previous_sites = std::mem::take(&mut cache.sites);
    let fingerprint = templates.fingerprint();
    let site_job = project.config.html.as_ref().map(|site| {
        move || {
            let (mut sources, mut diags) = (Sources::new(), Diagnostics::new());
            let mut files = OutputFiles::new();
            let mut sites = HashMap::new();
            let start = std::time::Instant::now();
            let mut ok = true;
            let mut site_timings = Timings::new();
            for (i, target) in targets.iter().enumerate() {
                let dir = format!("{}{}", target.prefix, site.dir);
                // A single build keeps no site for a next one, and needs no key.
                let key = hashes.get(i).map_or(0, |version| {
                    site_key(target, *version, fingerprint, &dir, pdf_name)
                });
                let lang = target.version.language.clone();
                if let Some((was, made)) = previous_sites.get(&lang)
                    && *was == key
                {
                    files.extend(made);
                    site_timings.note(format!("site {lang}: kept, nothing it shows changed"));
                    sites.insert(lang, (key, made.clone()));
                    continue;
                }
                let mut made = OutputFiles::new();
                let site_start = std::time::Instant::now();
                let rendered = html::render(
                    target.version,
                    &target.links,
                    templates,
                    &dir,
                    pdf_name,
                    &mut sources,
                    &mut diags,
                    &mut made,
                )
                .is_some();
                site_timings.add(&format!("site {lang}"), site_start.elapsed());
                ok &= rendered;
                files.extend(&made);
                // A single build keeps no copy for a next one.
                if rendered && !single {
                    sites.insert(lang, (key, made));
                }
            }
            let written = match ok {
                true => early(&files).map(|()| files.len()),
                false => Ok(0),
            };
            (
                ok,
                sources,
                diags,
                written,
                start.elapsed(),
                sites,
                site_timings,
            )
        }
    });
    let site_slot = &std::sync::Mutex::new(site_job);
    let site_done = &std::sync::Mutex::new(None);
    // One thread's work: versions from the queue until it is empty (a rebuild, or a single
    // build in worker processes), or one per round (a single build in this process).
    let worker = &|| {
        let mut done = Vec::new();
        for round in 1.. {
            let job = queue.lock().unwrap_or_else(|e| e.into_inner()).pop();
            let last = job.is_none();
            if let Some((target, typesetter)) = job {
                // A panic in Typst fails this version with an error, and
                // leaves the other thread (waiting for this round's end) free.
                let typeset = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let made_from = made_from.get(target.version.language.as_str()).copied();
                    typeset_one(
                        project, target, templates, options, typesetter, base, made_from,
                    )
                }));
                let mut typeset = typeset.unwrap_or_else(|panic| {
                    panicked(&target.version.language, panic.as_ref(), base)
                });
                // Written at once: in a rebuild, the versions that did not change are
                // written while the one that did is still typeset (45 ms of the 193-State
                // root's six versions); a build that fails discards them with the rest.
                if typeset.ok {
                    let files = std::mem::take(&mut typeset.files);
                    typeset.written = early(&files).map(|()| files.len());
                }
                done.push(typeset);
            }
            // The sites: after this thread's first version in rounds, else (when no
            // thread of its own renders them) once no version is left to start, beside
            // the last ones still typeset.
            let site = match rounds_apart || last {
                true => site_slot.lock().unwrap_or_else(|e| e.into_inner()).take(),
                false => None,
            };
            if let Some(site) = site {
                let made = site();
                *site_done.lock().unwrap_or_else(|e| e.into_inner()) = Some(made);
            }
            if rounds_apart {
                // Every thread has finished its version of this round: what
                // Typst remembers of them is of no further use. One thread
                // clears it while the others start the next round (after the
                // last round, a single build has nothing left to typeset).
                if barrier.wait().is_leader() && round < rounds {
                    ::typst::comemo::evict(0);
                }
                if round >= rounds {
                    break;
                }
            } else if last {
                break;
            }
        }
        done
    };
    let typeset = std::sync::Mutex::new(Vec::new());
    let typeset = &typeset;
    let keep = |done: Vec<Typeset>| {
        typeset
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(done)
    };
    let rendered = std::thread::scope(|scope| {
        // data.json beside the typesetting: only the writing at the end waits for it.
        let data = scope.spawn(|| {
            let start = std::time::Instant::now();
            // A draft keeps what each version printed, for a later redline (`--since`).
            let snapshots: Vec<(String, String)> = targets
                .iter()
                .filter(|t| t.version.report.draft)
                .map(|t| {
                    let name = format!("{}{}", t.prefix, crate::redline::SNAPSHOT);
                    (name, crate::redline::snapshot(t.version))
                })
                .collect();
            (
                data_json::render(model, &versions),
                snapshots,
                start.elapsed(),
            )
        });
        // Rebuilds render the sites on a thread of their own from the start, so that they
        // are never late, and so does a single build whose versions are typeset in worker
        // processes (its threads only wait for them). A single build that typesets here
        // renders them on the typesetting thread that first finishes its version of the
        // first round: the versions of a round seldom take as long as each other, and the
        // sites fill the wait.
        let site_thread = match rounds_apart || sites_last {
            true => None,
            false => site_slot
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .map(|job| scope.spawn(job)),
        };
        if rounds_apart {
            // On Typst's own pool, a version per pool thread: its page runs are laid out
            // without a hand-over to another thread (6 per cent faster on six versions).
            rayon::scope(|pool| {
                for _ in 0..workers {
                    pool.spawn(move |_| keep(worker()));
                }
            });
        } else {
            // On threads of their own: in a rebuild, leaving the pool to the layout of the
            // version that changed (a French edit is typeset in 0.5 s this way, 0.75 s on
            // the pool); in a single build, each waiting for its worker processes.
            let threads: Vec<_> = (0..workers)
                .map(|_| scope.spawn(move || keep(worker())))
                .collect();
            for thread in threads {
                thread.join().expect("a typesetting thread does not panic");
            }
        }
        let (data, snapshots, time) = data.join().expect("data.json is made without a panic");
        timings.add("data.json (in parallel)", time);
        files.add(data_json::FILE, data);
        for (name, snapshot) in snapshots {
            files.add(name, snapshot);
        }
        let mut results: Vec<Typeset> =
            std::mem::take(&mut *typeset.lock().unwrap_or_else(|e| e.into_inner()));
        let mut ok = true;
        // In the order of the versions, whatever thread finished first.
        results.sort_by_key(|r| versions.iter().position(|v| v.language == r.lang));
        let count = base.len();
        let mut written = Ok(0);
        for r in results {
            timings.add(&format!("typeset {} (in parallel)", r.lang), r.time);
            timings.absorb(&r.lang, r.timings);
            sources.absorb_since(count, &r.sources, r.diags, diags);
            files.append(r.files);
            written = add_written(written, r.written);
            ok &= r.ok;
            if let Some(typesetter) = r.typesetter {
                cache.typesetters.insert(r.lang, typesetter);
            }
        }
        let site = match site_thread {
            Some(thread) => Some(thread.join().expect("the HTML thread does not panic")),
            None => site_done.lock().unwrap_or_else(|e| e.into_inner()).take(),
        };
        if let Some(site) = site {
            let (site_ok, site_sources, site_diags, site_written, time, sites, site_timings) = site;
            cache.sites = sites;
            timings.add("html (in parallel)", time);
            timings.absorb("html", site_timings);
            sources.absorb(&site_sources, site_diags, diags);
            written = add_written(written, site_written);
            ok &= site_ok;
        }
        ok.then_some(Rendered { files, written })
    });
    // Keep what this build used, of every version: a rebuild after an edit finds all
    // that did not change. Older entries only grow the memory (by about 200 MB a build on
    // a report of 193 States) and slow down the lookups. Once per build, after the last
    // version: an eviction after each version aged the others' entries out, so the first
    // French edit after a six-version build laid French out almost from scratch (2.0 s
    // instead of 0.2). Going through every entry takes about 45 ms on that report: it is
    // done beside the rest of the build (and the wait for the next edit). A build without
    // a PDF evicts too: the word counts of the replies are memoized.
    if !single {
        cache.evicting = Some(std::thread::spawn(|| ::typst::comemo::evict(1)));
    }
    rendered
}

/// How many files two parts of the build wrote, or the first reason one could not.
fn add_written(a: std::io::Result<usize>, b: std::io::Result<usize>) -> std::io::Result<usize> {
    Ok(a? + b?)
}

/// Typesets one version on this thread.
fn typeset_one(
    project: &Project,
    target: &Target,
    templates: &Templates,
    options: RenderOptions,
    mut typesetter: typst::Typesetter,
    base: &Sources,
    made_from: Option<u64>,
) -> Typeset {
    let pdf = project.config.pdf.as_ref();
    let start = std::time::Instant::now();
    let (mut sources, mut diags) = (base.clone(), Diagnostics::new());
    let mut timings = Timings::new();
    let mut files = OutputFiles::new();
    let mut ok = true;
    let output = typst::render(
        project,
        target.version,
        templates,
        options.date,
        made_from,
        &mut typesetter,
        &mut sources,
        &mut diags,
        &mut timings,
    );
    match (output, pdf) {
        (Some(output), Some(pdf)) => {
            files.add(format!("{}report.typ", target.prefix), output.source);
            match output.pdf {
                Some(bytes) => files.add(format!("{}{}", target.prefix, pdf.file), bytes),
                None => ok = false,
            }
        }
        _ => ok = false,
    }
    Typeset {
        lang: target.version.language.clone(),
        typesetter: Some(typesetter),
        files,
        written: Ok(0),
        ok,
        sources,
        diags,
        timings,
        time: start.elapsed(),
    }
}

/// A version whose typesetting panicked: an error that says so, and no files.
fn panicked(lang: &str, panic: &(dyn std::any::Any + Send), base: &Sources) -> Typeset {
    let why = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into());
    let mut diags = Diagnostics::new();
    diags.push(typst::internal_error(lang, &why));
    Typeset {
        lang: lang.to_string(),
        typesetter: None,
        files: OutputFiles::new(),
        written: Ok(0),
        ok: false,
        sources: base.clone(),
        diags,
        timings: Timings::new(),
        time: std::time::Duration::ZERO,
    }
}

/// About how long typesetting `version` takes, in units of a Latin letter: what its
/// replies print, each character weighted by the cost of its script (fitted to the times
/// of the six versions of the versions benchmark, each set in its script's font first: a
/// Cyrillic letter costs about as much as a Latin one, an Arabic one 1.2, a Chinese
/// character 4.3; the Chinese version, put last with 3.3, was the one still typeset alone
/// at the end). Fitted on pseudo-Chinese with a space between each two words; on Chinese
/// written without them a character costs 2.9, but starting the Chinese version last with
/// that weight made no difference (six runs each in turn, 9.69 s against 9.54 s).
fn cost(version: &Version) -> u64 {
    use crate::language::Script;
    version
        .replies
        .iter()
        .flat_map(|r| r.body.chars())
        .map(|c| match Script::of(c) {
            Some(Script::Cyrillic) => 10,
            Some(Script::Arabic) => 12,
            Some(Script::Chinese) => 43,
            None => 10,
        })
        .sum()
}
