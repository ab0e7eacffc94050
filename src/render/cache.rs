//! What a builder that builds again (`watch`, `serve`) keeps between builds, and the
//! hashes that tell a rebuild what changed: a version's worded data, its site's inputs.

use std::collections::HashMap;

use crate::wording::Version;

use super::{Target, cost, typst};

/// What renderers keep between builds: a typesetter per language version, and each
/// version's site with a hash of everything it was made from (its worded data, links and
/// templates), so that a rebuild renders again only the sites whose inputs changed.
#[derive(Default)]
pub struct RenderCache {
    pub typesetters: HashMap<String, typst::Typesetter>,
    pub sites: HashMap<String, (u64, super::html::Made)>,
    /// Set for a single build (`report build`): nothing is kept for a next one. Its versions
    /// are typeset in worker processes (see `worker`), or without a worker program here,
    /// Typst's caches cleared after each round of versions (one per core), so that memory
    /// holds at most one layout per core; a builder that builds again (`watch`, `serve`)
    /// keeps those its last build laid out (see `warm`), for rebuilds that lay out again
    /// only what changed.
    pub single: bool,
    /// For a single build: the program to typeset each version in, as a worker process
    /// (`report build` names itself; see `typst::worker`). The versions' layouts then
    /// share no cache and need none cleared; without one they are typeset in this process.
    pub worker: Option<std::path::PathBuf>,
    /// The hash of each version's worded data at the last build, and what it costs to
    /// typeset (see [`cost`]; not kept by a single build): a rebuild typesets the versions
    /// that changed first, and measures again only what they cost.
    pub versions: HashMap<String, (u64, u64)>,
    /// The versions the last build that laid any out laid out: what Typst remembers of
    /// their layouts is kept for the next build (see `schedule`).
    pub warm: std::collections::BTreeSet<String>,
    /// The eviction of Typst's cache entries that the last build did not use, on a thread
    /// of its own: waited for before the next build typesets.
    pub evicting: Option<std::thread::JoinHandle<()>>,
    /// A live preview (`report serve`): handed the sites as soon as they are rendered and
    /// each version's layout instead of its PDF (see `render::live`).
    pub live: Option<std::sync::Arc<dyn super::live::Live>>,
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
pub(super) fn hash_versions(
    targets: &[Target],
    last: &HashMap<String, (u64, u64)>,
) -> Vec<(u64, u64)> {
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
pub(super) fn site_key(
    target: &Target,
    version: u64,
    templates: u64,
    dir: &str,
    pdf: Option<&str>,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    version.hash(&mut hasher);
    serde_json::to_string(&target.links)
        .unwrap_or_default()
        .hash(&mut hasher);
    (templates, dir, pdf).hash(&mut hasher);
    hasher.finish()
}
