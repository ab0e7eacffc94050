//! How long each stage of a build took, and what it reused from the build before, for `-v`
//! and the benchmarks.

use std::fmt;
use std::time::{Duration, Instant};

/// Stage names and durations, in the order they ended.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    stages: Vec<(String, Duration)>,
    notes: Vec<String>,
}

impl Timings {
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `f`, recording its duration under `name`.
    pub fn time<T>(&mut self, name: &str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let value = f();
        self.add(name, start.elapsed());
        value
    }

    pub fn add(&mut self, name: &str, duration: Duration) {
        self.stages.push((name.to_string(), duration));
    }

    /// Records what a stage reused or redid ("1 pass, starting from the previous build's
    /// page numbers").
    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    /// Adds what another thread or process timed, its stages and notes as they are.
    pub fn extend(&mut self, other: Timings) {
        self.stages.extend(other.stages);
        self.notes.extend(other.notes);
    }

    /// Adds what another thread timed, its stages and notes under `label`.
    pub fn absorb(&mut self, label: &str, other: Timings) {
        for (name, d) in other.stages {
            self.stages.push((format!("{label} {name}"), d));
        }
        self.notes
            .extend(other.notes.into_iter().map(|n| format!("{label}: {n}")));
    }

    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The stages timed, in the order they ended.
    pub fn stages(&self) -> &[(String, Duration)] {
        &self.stages
    }
}

/// "load 12 ms, aggregate 1 ms, ...".
impl fmt::Display for Timings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, d)) in self.stages.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name} {:.0} ms", d.as_secs_f64() * 1e3)?;
        }
        Ok(())
    }
}
