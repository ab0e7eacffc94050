//! Typesetting in a worker process: `report build` starts itself as `report typeset-worker`
//! for each language version, hands it the generated Typst source and the fonts, and gets
//! back the PDF and Typst's problems.
//!
//! Typst remembers what it computed in caches that belong to the process (one per function
//! it memoizes, each behind a lock), and two versions laid out at once in one process
//! share them: measured on the six-version synthetic root, two versions took 3.3 to 4.3 s
//! in one process and 2.9 to 3.0 s as two processes. A worker also gives all its memory
//! back when it ends, so no cache has to be cleared between versions. `watch` and `serve`
//! keep typesetting in their own process, where the caches of each version serve the next
//! rebuild.
//!
//! The worker reads nothing but its standard input and writes nothing but its standard
//! output: a job is the source, the PDF's symbol and date, and the font files the build
//! read. Both directions are frames (a little-endian u64 length, then that many bytes): a
//! JSON header, then the bulky parts.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use typst::syntax::Source;

use super::{Problem, Typeset, Typesetting, fonts::Fonts, typeset_source, world};
use crate::date::Date;
use crate::load::FontFile;
use crate::timing::Timings;

/// The hidden subcommand a worker runs.
pub const SUBCOMMAND: &str = "typeset-worker";

/// What a job and its answer begin with: a worker of another build of report refuses the
/// job instead of misreading it.
const MAGIC: &[u8] =
    concat!("report typeset-worker ", env!("CARGO_PKG_VERSION"), " 1\n").as_bytes();

/// The largest frame either side accepts (a source, a PDF or a font file).
const MAX_FRAME: u64 = 1 << 32;

/// One version to typeset.
pub struct Job<'a> {
    pub source: &'a str,
    pub symbol: &'a str,
    pub date: Date,
    /// The `font-dirs` font files (the embedded fonts are in every worker).
    pub fonts: &'a [FontFile],
}

#[derive(Serialize, Deserialize)]
struct JobHeader {
    symbol: String,
    date: (u16, u8, u8),
    fonts: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct AnswerHeader {
    /// "pdf" (the PDF follows), "undrawn" or "failed".
    result: String,
    undrawn: String,
    problems: Vec<Problem>,
    /// Stage names and durations in microseconds.
    stages: Vec<(String, u64)>,
    notes: Vec<String>,
}

/// Why a worker gave no answer.
#[derive(Debug)]
pub enum Failure {
    /// It could not be started, or it is not a worker of this build of report: the job can
    /// be done in this process instead.
    Start(String),
    /// It started and then died (a crash of Typst, a signal).
    Crashed(String),
}

/// Typesets `job` in a new worker process, `program typeset-worker`: the outcome and the
/// worker's timings.
pub fn typeset(program: &Path, job: &Job) -> Result<(Typesetting, Timings), Failure> {
    let mut child = Command::new(program)
        .arg(SUBCOMMAND)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Failure::Start(format!("cannot start {}: {e}", program.display())))?;
    let (mut stdin, mut stdout, mut stderr) = (
        child.stdin.take().expect("piped"),
        child.stdout.take().expect("piped"),
        child.stderr.take().expect("piped"),
    );
    // The job is written, and the worker's two outputs read, at the same time: a worker
    // that stops reading early cannot make this side wait for ever.
    let (answer, complaint) = std::thread::scope(|scope| {
        scope.spawn(move || {
            // A worker that ends early closes its input: what it says is in its answer.
            let _ = write_job(&mut stdin, job);
        });
        let complaint = scope.spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let mut answer = Vec::new();
        let read = stdout.read_to_end(&mut answer);
        (read.map(|_| answer), complaint.join().unwrap_or_default())
    });
    let status = child
        .wait()
        .map_err(|e| Failure::Crashed(format!("the worker process was lost: {e}")))?;
    let said = complaint.lines().rev().find(|l| !l.trim().is_empty());
    let said = said.unwrap_or("no message").trim().to_string();
    if !status.success() {
        // Exit code 2 is a worker refusing the job: another build of report.
        return Err(match status.code() {
            Some(2) => Failure::Start(format!("the worker refused the job: {said}")),
            _ => Failure::Crashed(format!("the worker process ended ({status}): {said}")),
        });
    }
    let answer = answer.map_err(|e| Failure::Crashed(format!("reading the worker: {e}")))?;
    read_answer(&mut answer.as_slice())
        .map_err(|e| Failure::Crashed(format!("the worker's answer is unreadable: {e}")))
}

/// The worker's side: reads a job from `input`, typesets it, writes the answer to `output`.
/// An input that is not a job of this build is refused with an error.
pub fn serve(input: &mut impl Read, output: &mut impl Write) -> io::Result<()> {
    let header: JobHeader = read_header(input).map_err(|_| not_a_job())?;
    let source = String::from_utf8(frame(input)?).map_err(|_| not_a_job())?;
    let mut files = Vec::new();
    for path in header.fonts {
        files.push(FontFile {
            path,
            bytes: frame(input)?,
        });
    }
    let (year, month, day) = header.date;
    let date = Date { year, month, day };
    let (fonts, _) = Fonts::with_files(&files);
    let mut timings = Timings::new();
    let source = Source::new(*world::MAIN, source);
    let (typesetting, _) = typeset_source(
        source,
        &fonts,
        &header.symbol,
        date,
        None,
        None,
        &mut timings,
    );
    write_answer(output, typesetting, &timings)
}

fn not_a_job() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "not a typesetting job of report {}: `report {SUBCOMMAND}` is started by `report build`, not by hand",
            env!("CARGO_PKG_VERSION")
        ),
    )
}

fn write_job(out: &mut impl Write, job: &Job) -> io::Result<()> {
    let header = JobHeader {
        symbol: job.symbol.to_string(),
        date: (job.date.year, job.date.month, job.date.day),
        fonts: job.fonts.iter().map(|f| f.path.clone()).collect(),
    };
    let mut out = io::BufWriter::new(out);
    write_header(&mut out, &header)?;
    put(&mut out, job.source.as_bytes())?;
    for font in job.fonts {
        put(&mut out, &font.bytes)?;
    }
    out.flush()
}

fn write_answer(
    out: &mut impl Write,
    typesetting: Typesetting,
    timings: &Timings,
) -> io::Result<()> {
    let (result, undrawn, pdf) = match typesetting.result {
        Typeset::Pdf(pdf) => ("pdf", String::new(), pdf),
        Typeset::Undrawn(chars) => ("undrawn", chars.into_iter().collect(), Vec::new()),
        // A worker hands no layout on (it has no live preview): never met.
        Typeset::Failed | Typeset::Handed => ("failed", String::new(), Vec::new()),
    };
    let header = AnswerHeader {
        result: result.into(),
        undrawn,
        problems: typesetting.problems,
        stages: timings
            .stages()
            .iter()
            .map(|(name, d)| (name.clone(), d.as_micros() as u64))
            .collect(),
        notes: timings.notes().to_vec(),
    };
    let mut out = io::BufWriter::new(out);
    write_header(&mut out, &header)?;
    put(&mut out, &pdf)?;
    out.flush()
}

fn read_answer(input: &mut impl Read) -> io::Result<(Typesetting, Timings)> {
    let header: AnswerHeader = read_header(input)?;
    let pdf = frame(input)?;
    let result = match header.result.as_str() {
        "pdf" => Typeset::Pdf(pdf),
        "undrawn" => Typeset::Undrawn(header.undrawn.chars().collect()),
        "failed" => Typeset::Failed,
        other => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("no such result: {other}"),
            ));
        }
    };
    let mut timings = Timings::new();
    for (name, micros) in header.stages {
        timings.add(&name, Duration::from_micros(micros));
    }
    for note in header.notes {
        timings.note(note);
    }
    let problems = header.problems;
    Ok((Typesetting { result, problems }, timings))
}

/// Begins a job or an answer: the magic, then `header` as JSON in a frame.
fn write_header(out: &mut impl Write, header: &impl Serialize) -> io::Result<()> {
    out.write_all(MAGIC)?;
    put(out, &serde_json::to_vec(header).map_err(io::Error::other)?)
}

/// Reads the beginning of a job or an answer, refusing anything without the magic.
fn read_header<T: serde::de::DeserializeOwned>(input: &mut impl Read) -> io::Result<T> {
    let mut magic = vec![0; MAGIC.len()];
    input.read_exact(&mut magic)?;
    if magic != MAGIC {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "not from this build of report",
        ));
    }
    Ok(serde_json::from_slice(&frame(input)?)?)
}

/// Writes one frame: the length of `bytes`, then `bytes`.
fn put(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    out.write_all(&(bytes.len() as u64).to_le_bytes())?;
    out.write_all(bytes)
}

/// Reads one frame, growing the buffer only as bytes arrive (a bogus length allocates
/// nothing).
fn frame(input: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut len = [0; 8];
    input.read_exact(&mut len)?;
    let len = u64::from_le_bytes(len);
    if len > MAX_FRAME {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "a frame too long",
        ));
    }
    let mut bytes = Vec::new();
    input.take(len).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A job written by the build is the job the worker reads, and its answer comes back
    /// whole: the PDF, the characters without glyphs, Typst's problems and timings.
    #[test]
    fn jobs_and_answers_survive_the_pipe() {
        let fonts = [FontFile {
            path: "fonts/a.ttf".into(),
            bytes: vec![1, 2, 3],
        }];
        let job = Job {
            source: "= Hello",
            symbol: "A/74/130",
            date: Date {
                year: 2019,
                month: 7,
                day: 30,
            },
            fonts: &fonts,
        };
        let mut wire = Vec::new();
        write_job(&mut wire, &job).unwrap();
        let mut input = &wire[MAGIC.len()..];
        let header: JobHeader = serde_json::from_slice(&frame(&mut input).unwrap()).unwrap();
        assert_eq!(header.symbol, "A/74/130");
        assert_eq!(header.date, (2019, 7, 30));
        assert_eq!(header.fonts, ["fonts/a.ttf"]);
        assert_eq!(frame(&mut input).unwrap(), b"= Hello");
        assert_eq!(frame(&mut input).unwrap(), [1, 2, 3]);

        let mut timings = Timings::new();
        timings.add("layout", Duration::from_millis(12));
        timings.note("2 passes");
        let problem = Problem {
            error: false,
            message: "a warning".into(),
            hints: vec!["a hint".into()],
            range: Some(3..7),
        };
        for result in [
            Typeset::Pdf(b"%PDF-1.7".to_vec()),
            Typeset::Undrawn(['\u{4e00}', 'x'].into()),
            Typeset::Failed,
        ] {
            let typesetting = Typesetting {
                result,
                problems: vec![problem.clone()],
            };
            let mut wire = Vec::new();
            write_answer(&mut wire, typesetting, &timings).unwrap();
            let (back, times) = read_answer(&mut wire.as_slice()).unwrap();
            match back.result {
                Typeset::Pdf(pdf) => assert_eq!(pdf, b"%PDF-1.7"),
                Typeset::Undrawn(chars) => assert_eq!(chars, ['\u{4e00}', 'x'].into()),
                Typeset::Failed => {}
                Typeset::Handed => panic!("a worker hands no layout on"),
            }
            assert_eq!(back.problems.len(), 1);
            assert_eq!(back.problems[0].range, Some(3..7));
            assert_eq!(back.problems[0].hints, ["a hint"]);
            assert_eq!(times.to_string(), "layout 12 ms");
            assert_eq!(times.notes(), ["2 passes"]);
        }
    }

    /// Anything else on the worker's input is refused, and a frame longer than its input
    /// allocates nothing before it fails.
    #[test]
    fn a_worker_refuses_what_is_not_a_job() {
        for input in [&b""[..], b"garbage", b"report typeset-worker 0.0.0 1\n"] {
            let err = serve(&mut &input[..], &mut Vec::new()).unwrap_err();
            assert!(err.to_string().contains("not a typesetting job"), "{err}");
        }
        let mut bogus = MAGIC.to_vec();
        bogus.extend_from_slice(&u64::MAX.to_le_bytes());
        assert!(serve(&mut bogus.as_slice(), &mut Vec::new()).is_err());
        let mut short = (1u64 << 30).to_le_bytes().to_vec();
        short.extend_from_slice(b"abc");
        assert!(frame(&mut short.as_slice()).is_err());
    }
}
