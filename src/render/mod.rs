//! A worded version of the report -> the files of `output/`, returned, never written here.
//!
//! Each output format is one module; this one decides which to build from `book.toml` and
//! collects their problems. Markdown is parsed into a tree (`crate::markdown`) that each
//! format writes with its own escaping.

pub mod cache;
pub mod cost;
pub mod data_json;
pub mod html;
pub mod live;
pub mod templates;
pub mod typst;
pub mod wrap;

use std::collections::{BTreeSet, HashMap};

use crate::aggregate::Model;
use crate::date::Date;
use crate::diag::{Diagnostics, Sources};
use crate::files::OutputFiles;
pub(crate) use crate::hash::hash_of;
use crate::load::Project;
use crate::timing::Timings;
use crate::wording::Version;
pub use cache::RenderCache;
pub(crate) use cache::version_hash;
use cache::{hash_versions, site_key};
use templates::Templates;

/// Settings of one build that do not come from the report root.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// The date Typst's `today()` and the PDF's creation date use.
    pub date: Date,
    /// The most language versions typeset at once (`--jobs`); `None`: one per core.
    pub jobs: Option<usize>,
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
    /// The PDFs (paths in the output folder) of the versions whose layout was handed to a
    /// live preview: it writes them once exported; until then the output keeps its own.
    pub handed: Vec<String>,
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
    /// Its PDF's path, if its layout was handed to a live preview instead of exported.
    handed: Option<String>,
    ok: bool,
    sources: Sources,
    diags: Diagnostics,
    timings: Timings,
    time: std::time::Duration,
}

/// What one build renders: the project, its model, the versions to render and the
/// templates, with the build's own settings.
pub struct Job<'a> {
    pub project: &'a Project,
    pub model: &'a Model,
    pub targets: &'a [Target<'a>],
    pub templates: &'a Templates,
    pub options: RenderOptions,
}

/// What rendering the sites of every version gave, on the thread that rendered them.
struct Sites {
    ok: bool,
    sources: Sources,
    diags: Diagnostics,
    /// The files handed to `early`: how many, or why they could not be written.
    written: std::io::Result<usize>,
    time: std::time::Duration,
    /// Each version's site with the key of what it was made from, for a next build.
    kept: HashMap<String, (u64, html::Made)>,
    timings: Timings,
}

/// Renders the site of every target (or keeps the one the last build made from the same
/// inputs), and hands the files to `early`.
fn render_sites(
    job: &Job,
    site_dir: &str,
    hashes: &[u64],
    previous: &HashMap<String, (u64, html::Made)>,
    single: bool,
    early: Early,
    live: Option<&dyn live::Live>,
) -> Sites {
    let (mut sources, mut diags) = (Sources::new(), Diagnostics::new());
    let mut files = OutputFiles::new();
    let mut kept = HashMap::new();
    let start = std::time::Instant::now();
    let mut ok = true;
    let mut timings = Timings::new();
    let fingerprint = job.templates.fingerprint();
    let pdf_name = job.project.config.pdf.as_ref().map(|p| p.file.as_str());
    for (i, target) in job.targets.iter().enumerate() {
        let dir = format!("{}{}", target.prefix, site_dir);
        // A single build keeps no site for a next one, and needs no key.
        let key = hashes.get(i).map_or(0, |version| {
            site_key(target, *version, fingerprint, &dir, pdf_name)
        });
        let lang = target.version.language.clone();
        let previous = previous.get(&lang);
        if let Some((was, made)) = previous
            && *was == key
        {
            files.extend(&made.files);
            timings.note(format!("site {lang}: kept, nothing it shows changed"));
            kept.insert(lang, (key, made.clone()));
            continue;
        }
        let mut made = OutputFiles::new();
        let site_start = std::time::Instant::now();
        // A single build has no previous site; a rebuild renders only the pages whose
        // inputs changed.
        let rendered = html::render(
            target.version,
            &target.links,
            job.templates,
            &dir,
            pdf_name,
            !single,
            previous.map(|(_, made)| made),
            &mut sources,
            &mut diags,
            &mut made,
        );
        timings.add(&format!("site {lang}"), site_start.elapsed());
        ok &= rendered.is_some();
        files.extend(&made);
        if let Some((memo, count)) = rendered {
            if previous.is_some() {
                timings.note(format!(
                    "site {lang}: {} pages rendered, {} kept",
                    count.rendered, count.kept
                ));
            }
            // A single build keeps no copy for a next one.
            if !single {
                kept.insert(lang, (key, html::Made { files: made, memo }));
            }
        }
    }
    if let Some(live) = live.filter(|_| ok) {
        live.sites(&files);
    }
    let written = match ok {
        true => early(&files).map(|()| files.len()),
        false => Ok(0),
    };
    Sites {
        ok,
        sources,
        diags,
        written,
        time: start.elapsed(),
        kept,
        timings,
    }
}

/// How one build typesets its versions: each with its typesetter, in the order they are
/// taken (from the end), on how many threads, and what their data hashes to.
struct Schedule<'a> {
    jobs: Vec<(&'a Target<'a>, typst::Typesetter)>,
    /// Threads typesetting at once.
    workers: usize,
    /// A single build (`report build`), which keeps nothing for a next one.
    single: bool,
    /// Versions typeset in rounds here, Typst's caches cleared between rounds.
    rounds_apart: bool,
    /// The sites rendered once the last version has started.
    sites_last: bool,
    /// What Typst remembers of the versions the last build laid out is dropped before
    /// this one lays out others (see `schedule`).
    drop_stale: bool,
    /// In rounds: whether Typst's caches are cleared after each round.
    clear_after: Vec<bool>,
    /// The versions whose layout is cleared by a later round.
    forgotten: BTreeSet<String>,
    /// Each version's data hash (none in a single build).
    hashes: Vec<u64>,
    /// What each version's Typst source is made from, by language.
    made_from: HashMap<&'a str, u64>,
}

/// Plans the typesetting of `job`'s versions, and notes in `cache` what each version
/// hashed to and cost, for the next build.
fn schedule<'a>(
    job: &Job<'a>,
    cache: &mut RenderCache,
    diags: &mut Diagnostics,
    timings: &mut Timings,
) -> Schedule<'a> {
    let Job {
        project,
        targets,
        templates,
        options,
        ..
    } = *job;
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
    // The versions this build lays out: in a rebuild, those whose Typst source may have
    // changed.
    let lay_out: Vec<&str> = jobs
        .iter()
        .map(|(target, typesetter)| (target.version.language.as_str(), typesetter))
        .filter(|(lang, typesetter)| {
            single || typesetter.would_lay_out(project, made_from.get(lang).copied(), options.date)
        })
        .map(|(lang, _)| lang)
        .collect();
    // What Typst remembers of a layout is what makes a rebuild of the version fast, and
    // what holds the memory: a version of the 193-State root holds some 300 MB of it
    // beside its pages. A builder that builds again keeps that of the versions its last
    // build laid out (at most one per thread), no more: serve held all six versions' after
    // its first build, 3.5 GB at its peak.
    // - More versions to lay out than threads (the first build, a Typst template edited):
    //   in rounds, as a single build in this process, Typst's caches cleared between
    //   rounds. The versions of the last round stay remembered; each other one is laid
    //   out in full on its next edit.
    // - Only versions not remembered: what Typst remembers of the others is dropped
    //   before the layout, not after it, so that the two are never held together.
    let rounds_apart = (single && !workers_processes) || (!single && lay_out.len() > workers);
    let drop_stale = !single
        && !rounds_apart
        && !cache.warm.is_empty()
        && !lay_out.is_empty()
        && lay_out.iter().all(|lang| !cache.warm.contains(*lang));
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
    // A rebuild in rounds takes the versions it lays out last, so that the last round lays
    // out (what it lays out stays remembered).
    let rebuild_in_rounds = rounds_apart && !single;
    jobs.sort_by_key(|(target, _)| {
        let lang = target.version.language.as_str();
        let (changed, cost) = order.get(lang).copied().unwrap_or_default();
        let first = match rebuild_in_rounds {
            true => !lay_out.contains(&lang),
            false => changed,
        };
        (first, cost)
    });
    let taken: Vec<&str> = jobs
        .iter()
        .rev()
        .map(|(target, _)| target.version.language.as_str())
        .collect();
    let (clear_after, forgotten) = match rounds_apart {
        true => rounds(&taken, &lay_out, workers),
        false => (Vec::new(), BTreeSet::new()),
    };
    cache.versions = targets
        .iter()
        .zip(hashes.iter().zip(&costs))
        .map(|(t, (h, c))| (t.version.language.clone(), (*h, *c)))
        .collect();
    for (target, typesetter) in &mut jobs {
        typesetter.lang.clone_from(&target.version.language);
        typesetter.keeps_caches = !single;
        typesetter.laid_out = false;
        typesetter.worker = cache.worker.clone().filter(|_| single);
        typesetter.live = cache.live.clone().map(|live| {
            let pdf = project.config.pdf.as_ref().map_or("", |p| p.file.as_str());
            let site = project.config.html.as_ref();
            let live_target = typst::LiveTarget {
                pdf: format!("{}{pdf}", target.prefix),
                site: site.map(|h| format!("{}{}", target.prefix, h.dir)),
                rtl: target.version.dir == "rtl",
            };
            (live, live_target)
        });
    }
    Schedule {
        jobs,
        workers,
        single,
        rounds_apart,
        sites_last,
        drop_stale,
        clear_after,
        forgotten,
        hashes,
        made_from,
    }
}

/// The rounds of versions `taken` in this order, `workers` at a time (each thread takes
/// one a round): after which rounds Typst's caches are cleared, and the versions whose
/// layout that clears. A round that laid out is cleared after if a later one lays out;
/// what the last one that lays out remembers is kept.
fn rounds(taken: &[&str], lay_out: &[&str], workers: usize) -> (Vec<bool>, BTreeSet<String>) {
    let lays_out: Vec<bool> = taken
        .chunks(workers.max(1))
        .map(|round| round.iter().any(|lang| lay_out.contains(lang)))
        .collect();
    let clear_after: Vec<bool> = (0..lays_out.len())
        .map(|r| lays_out[r] && lays_out[r + 1..].contains(&true))
        .collect();
    let forgotten = match clear_after.iter().rposition(|clear| *clear) {
        Some(r) => taken
            .iter()
            .take((r + 1) * workers.max(1))
            .filter(|lang| lay_out.contains(lang))
            .map(|lang| lang.to_string())
            .collect(),
        None => BTreeSet::new(),
    };
    (clear_after, forgotten)
}

/// Renders every output the project asks for, of every target version. `None` if any
/// output failed; the diagnostics say why. The HTML sites are rendered, and handed to
/// `early`, beside the typesetting. The PDFs are typeset a version per thread, as many at
/// once as there are cores: in a single build in worker processes when it has a worker
/// program, else on the threads of Typst's own pool (rayon's), where it lays out a
/// document's page runs, and in rebuilds on threads of their own (see the comments where
/// they start).
pub fn render(
    job: &Job,
    cache: &mut RenderCache,
    early: Early,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    timings: &mut Timings,
) -> Option<Rendered> {
    let Job {
        project,
        model,
        targets,
        templates,
        options,
    } = *job;
    BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if let Some(evicting) = cache.evicting.take() {
        // A panic there left the caches as they were: nothing to do about it here.
        let _ = timings.time("wait for eviction", || evicting.join());
    }
    let mut files = OutputFiles::new();
    let versions: Vec<&Version> = targets.iter().map(|t| t.version).collect();
    let plan = schedule(job, cache, diags, timings);
    let (workers, single) = (plan.workers, plan.single);
    let (rounds_apart, sites_last) = (plan.rounds_apart, plan.sites_last);
    let (jobs, hashes, made_from) = (plan.jobs, plan.hashes, &plan.made_from);
    let clear_after = &plan.clear_after;
    if plan.drop_stale {
        // Entries the last build used are a build old once this eviction has passed (and
        // removed by it); those this build used so far (its replies read, say) stay, and
        // the eviction after it keeps them too (see the end of this function).
        timings.time("evict the last layouts", || ::typst::comemo::evict(1));
    }
    let rounds = jobs.len().div_ceil(workers);
    let barrier = &std::sync::Barrier::new(workers);
    let queue = &std::sync::Mutex::new(jobs);
    // Each typesetting thread starts from the files read so far (its diagnostics point
    // into them) and adds its own.
    let base = sources.clone();
    let base = &base;
    let previous_sites = std::mem::take(&mut cache.sites);
    let hashes = &hashes;
    let site_job = project.config.html.as_ref().map(|site| {
        let previous = &previous_sites;
        let live = cache.live.clone();
        move || {
            render_sites(
                job,
                &site.dir,
                hashes,
                previous,
                single,
                early,
                live.as_deref(),
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
                // Typst remembers of them is of no further use if a later round
                // lays out. One thread clears it while the others start the next
                // round.
                let clear = clear_after.get(round - 1).copied().unwrap_or(false);
                if barrier.wait().is_leader() && clear {
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
    let versions = &versions;
    let rendered = std::thread::scope(|scope| {
        // Rebuilds render the sites on a thread of their own from the start, so that they
        // are never late, and so does a single build whose versions are typeset in worker
        // processes (its threads only wait for them). A single build that typesets here
        // renders them on the typesetting thread that first finishes its version of the
        // first round: the versions of a round seldom take as long as each other, and the
        // sites fill the wait.
        let site_job = match (rounds_apart && single) || sites_last {
            true => None,
            false => site_slot.lock().unwrap_or_else(|e| e.into_inner()).take(),
        };
        // data.json beside the typesetting: only the writing at the end waits for it. In
        // a rebuild, after the sites on their thread: the site an editor waits for and the
        // layout of the version that changed have the cores to themselves (a French edit
        // of the 193-State root: data.json takes 30 to 85 ms, and nobody looks at it
        // before the build ends).
        let (site_thread, data) = match (site_job, single) {
            (Some(site), false) => {
                let both =
                    scope.spawn(move || (site(), Some(data_files(model, targets, versions))));
                (Some(both), None)
            }
            (site, _) => (
                site.map(|site| scope.spawn(move || (site(), None))),
                Some(scope.spawn(|| data_files(model, targets, versions))),
            ),
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
        let (site, data_after_site) = match site_thread {
            Some(thread) => {
                let (site, data) = thread.join().expect("the HTML thread does not panic");
                (Some(site), data)
            }
            None => (
                site_done.lock().unwrap_or_else(|e| e.into_inner()).take(),
                None,
            ),
        };
        let (data, snapshots, time) = match data {
            Some(thread) => thread.join().expect("data.json is made without a panic"),
            None => data_after_site.unwrap_or_else(|| data_files(model, targets, versions)),
        };
        timings.add("data.json (in parallel)", time);
        files.add(data_json::FILE, data);
        for (name, snapshot) in snapshots {
            files.add(name, snapshot);
        }
        let results = std::mem::take(&mut *typeset.lock().unwrap_or_else(|e| e.into_inner()));
        let mut gathered = Gathered {
            files,
            written: Ok(0),
            handed: Vec::new(),
            ok: true,
        };
        gather(
            versions,
            results,
            site,
            base.len(),
            cache,
            &mut gathered,
            sources,
            diags,
            timings,
        );
        gathered.ok.then_some(Rendered {
            files: gathered.files,
            written: gathered.written,
            handed: gathered.handed,
        })
    });
    // Keep what this build used: a rebuild after an edit finds all that did not change.
    // Older entries only grow the memory (by about 200 MB a build on a report of 193
    // States) and slow down the lookups; what Typst remembers of the versions this build
    // did not lay out is dropped too (see `schedule`). Once per build, after the last
    // version. Going through every entry takes about 45 ms on that report: it is done
    // beside the rest of the build (and the wait for the next edit). A build without a
    // PDF evicts too: the word counts of the replies are memoized. A build that laid
    // nothing out while layouts are remembered (an HTML template edited) evicts nothing:
    // they are still what the next edit reuses.
    let laid: BTreeSet<String> = cache
        .typesetters
        .iter()
        .filter(|(lang, typesetter)| typesetter.laid_out && !plan.forgotten.contains(*lang))
        .map(|(lang, _)| lang.clone())
        .collect();
    let keep_remembered = laid.is_empty() && !cache.warm.is_empty();
    if !single && !keep_remembered {
        let names = |langs: &BTreeSet<String>| langs.iter().cloned().collect::<Vec<_>>().join(", ");
        if plan.drop_stale {
            timings.note(format!(
                "layouts remembered of {} dropped before laying out others",
                names(&cache.warm)
            ));
        }
        if rounds_apart {
            timings.note(format!(
                "laid out in rounds of {workers}, Typst's caches cleared between them; \
                 remembered for the next edit: {}",
                names(&laid)
            ));
        }
        // After an eviction before the layout, what this build used before it is already
        // a build old.
        let max_age = if plan.drop_stale { 2 } else { 1 };
        cache.warm = laid;
        let build = BUILDS.load(std::sync::atomic::Ordering::Relaxed);
        cache.evicting = Some(std::thread::spawn(move || {
            ::typst::comemo::evict(max_age);
            give_back_freed_memory_when_idle(build);
        }));
    }
    rendered
}

/// Builds started by this process, for [`give_back_freed_memory_when_idle`].
static BUILDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How long no build must start before the freed memory is handed back.
const IDLE_BEFORE_TRIM: std::time::Duration = std::time::Duration::from_millis(1500);

/// Hands the memory the allocator keeps after frees back to the system, once no build has
/// started since `build` (the count of [`BUILDS`] when it ended) for [`IDLE_BEFORE_TRIM`]:
/// glibc keeps what Typst's evicted cache entries used, and the process would go on
/// holding it. Not at once: handing it back and taking it
/// again costs the next build page faults, and the trim was 9 % of serve's time over
/// eight French edits of the 193-State root, on the core the PDF export needs (in the
/// serve benchmark, the PDF came in a median 633 ms without it, 773 ms with it).
fn give_back_freed_memory_when_idle(build: u64) {
    std::thread::spawn(move || {
        std::thread::sleep(IDLE_BEFORE_TRIM);
        if BUILDS.load(std::sync::atomic::Ordering::Relaxed) != build {
            return;
        }
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        // SAFETY: malloc_trim only returns free memory of the allocator to the system.
        unsafe {
            libc::malloc_trim(0);
        }
    });
}

/// data.json, and in a draft each version's snapshot for a later redline (`--since`),
/// with the time they took.
fn data_files(
    model: &Model,
    targets: &[Target],
    versions: &[&Version],
) -> (String, Vec<(String, String)>, std::time::Duration) {
    let start = std::time::Instant::now();
    let snapshots: Vec<(String, String)> = targets
        .iter()
        .filter(|t| t.version.report.draft)
        .map(|t| {
            let name = format!("{}{}", t.prefix, crate::redline::SNAPSHOT);
            (name, crate::redline::snapshot(t.version))
        })
        .collect();
    (
        data_json::render(model, versions),
        snapshots,
        start.elapsed(),
    )
}

/// What a build rendered so far, as its parts are gathered.
struct Gathered {
    files: OutputFiles,
    written: std::io::Result<usize>,
    handed: Vec<String>,
    ok: bool,
}

/// Gathers what the typesetting threads and the sites' thread made: their files, what
/// they wrote, their problems (into the build's own, after the `count` files read before
/// they started) and timings; keeps their typesetters and sites in `cache`.
#[allow(clippy::too_many_arguments)]
fn gather(
    versions: &[&Version],
    mut results: Vec<Typeset>,
    site: Option<Sites>,
    count: usize,
    cache: &mut RenderCache,
    into: &mut Gathered,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    timings: &mut Timings,
) {
    // In the order of the versions, whatever thread finished first.
    results.sort_by_key(|r| versions.iter().position(|v| v.language == r.lang));
    for r in results {
        timings.add(&format!("typeset {} (in parallel)", r.lang), r.time);
        timings.absorb(&r.lang, r.timings);
        sources.absorb_since(count, &r.sources, r.diags, diags);
        into.files.append(r.files);
        into.written = add_written(std::mem::replace(&mut into.written, Ok(0)), r.written);
        into.handed.extend(r.handed);
        into.ok &= r.ok;
        if let Some(typesetter) = r.typesetter {
            cache.typesetters.insert(r.lang, typesetter);
        }
    }
    if let Some(site) = site {
        cache.sites = site.kept;
        timings.add("html (in parallel)", site.time);
        timings.absorb("html", site.timings);
        sources.absorb(&site.sources, site.diags, diags);
        into.written = add_written(std::mem::replace(&mut into.written, Ok(0)), site.written);
        into.ok &= site.ok;
    }
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
    let mut handed = None;
    match (output, pdf) {
        (Some(output), Some(pdf)) => {
            files.add(format!("{}report.typ", target.prefix), output.source);
            let path = format!("{}{}", target.prefix, pdf.file);
            match output.pdf {
                Some(bytes) => files.add(path, bytes),
                None if output.handed => handed = Some(path),
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
        handed,
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
        handed: None,
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
pub(super) fn cost(version: &Version) -> u64 {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn set(langs: &[&str]) -> BTreeSet<String> {
        langs.iter().map(|lang| lang.to_string()).collect()
    }

    #[test]
    fn rounds_clear_between_layouts_and_keep_the_last() {
        // The first build of serve: six versions, two threads.
        let all = ["ar", "fr", "en", "es", "ru", "zh"];
        let (clear, forgotten) = rounds(&all, &all, 2);
        assert_eq!(clear, [true, true, false]);
        assert_eq!(forgotten, set(&["ar", "fr", "en", "es"]));
        // A rebuild takes the versions it does not lay out first: a round of them clears
        // nothing, and the last round's two stay remembered.
        let taken = ["en", "ar", "fr", "es", "ru", "zh"];
        let (clear, forgotten) = rounds(&taken, &["fr", "es", "ru", "zh"], 2);
        assert_eq!(clear, [false, true, false]);
        assert_eq!(forgotten, set(&["fr", "es"]));
        // A round that lays out nothing after the last one that does: nothing cleared
        // after the last layouts.
        let (clear, forgotten) = rounds(&["fr", "es", "en", "ar"], &["fr", "es"], 2);
        assert_eq!(clear, [false, false]);
        assert!(forgotten.is_empty());
        // One thread: a round per version.
        let (clear, forgotten) = rounds(&["fr", "en", "es"], &["fr", "es"], 1);
        assert_eq!(clear, [true, false, false]);
        assert_eq!(forgotten, set(&["fr"]));
    }
}
