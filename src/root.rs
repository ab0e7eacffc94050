//! The report root on disk, and the one policy for every file `report` reads from it
//! (`book.toml`, replies, templates, font folders).
//!
//! A report root may come from a stranger (CI builds pull requests), so a file is read
//! only if it is a regular file whose real path, every symbolic link resolved, lies inside
//! the root, and only up to a size limit. Anything else is refused with the reason: a link
//! out of the root (which would print or publish a file of the machine), a named pipe or
//! device (which would hang the build or never end), a folder, a file too large. A pipe
//! is never opened for a blocking read, so refusing it cannot hang.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::codes::Code;
use crate::diag::Diagnostic;

/// Why a file of the report root was not read.
#[derive(Debug)]
pub enum Refusal {
    /// There is no such file.
    Missing,
    /// Its real path (shown) is outside the report root.
    Outside(PathBuf),
    /// It is not a regular file: what it is instead ("a named pipe").
    NotRegular(&'static str),
    /// It is larger than the limit (both in bytes).
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(io::Error),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Missing => f.write_str("no such file"),
            Refusal::Outside(target) => write!(
                f,
                "it is a link to {}, outside the report root",
                target.display()
            ),
            Refusal::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            Refusal::TooLarge { size, limit } => write!(
                f,
                "it is {} KB, more than the limit of {} KB",
                size.div_ceil(1024),
                limit / 1024
            ),
            Refusal::Io(e) => write!(f, "cannot read it: {e}"),
        }
    }
}

impl std::error::Error for Refusal {}

impl Refusal {
    /// The error for the file shown as `shown`: "submissions/x.md: not read: it is a
    /// named pipe (FIFO), not a regular file", and how to fix it.
    pub fn diagnostic(&self, shown: &str) -> Diagnostic {
        Diagnostic::error_nowhere(Code::RefusedFile, format!("{shown}: not read: {self}"))
            .help(self.help())
    }

    /// How to fix the problem, for the diagnostic's help line.
    pub fn help(&self) -> &'static str {
        match self {
            Refusal::Missing => "check the path",
            Refusal::Outside(_) => {
                "a report reads only files inside its own folder: copy the file into the report root instead of linking to it"
            }
            Refusal::NotRegular(_) => "replace it with a plain file, or remove it",
            Refusal::TooLarge { .. } => {
                "a file this large is almost certainly not what belongs here (a pasted attachment?): keep the text and move annexes out"
            }
            Refusal::Io(_) => "check the file's permissions",
        }
    }
}

/// A report root: the folder holding `book.toml`.
#[derive(Debug, Clone)]
pub struct ReportRoot {
    /// As the editor gave it (for messages).
    path: PathBuf,
    /// Its real path, every link resolved.
    real: PathBuf,
}

impl ReportRoot {
    /// The root at `path`, which must be a folder.
    pub fn new(path: &Path) -> io::Result<ReportRoot> {
        let real = path.canonicalize()?;
        if !real.is_dir() {
            return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"));
        }
        Ok(ReportRoot {
            path: path.to_path_buf(),
            real,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether `path` (inside the root or not) resolves to a place inside the root.
    fn resolve(&self, path: &Path) -> Result<PathBuf, Refusal> {
        match fs::symlink_metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Refusal::Missing),
            Err(e) => return Err(Refusal::Io(e)),
            Ok(_) => {}
        }
        let real = match path.canonicalize() {
            Ok(real) => real,
            // A link to nothing: say where it points.
            Err(_) => return Err(Refusal::Outside(fs::read_link(path).unwrap_or_default())),
        };
        if !real.starts_with(&self.real) {
            return Err(Refusal::Outside(real));
        }
        Ok(real)
    }

    /// Checks that the folder `path` (such as `ROOT/submissions`) is a folder inside the
    /// root, links resolved.
    pub fn folder(&self, path: &Path) -> Result<PathBuf, Refusal> {
        let real = self.resolve(path)?;
        match fs::metadata(&real) {
            Ok(meta) if meta.is_dir() => Ok(real),
            Ok(meta) => Err(Refusal::NotRegular(kind(&meta.file_type()))),
            Err(e) => Err(Refusal::Io(e)),
        }
    }

    /// Whether `path` is, after its links, a folder inside the root (a link to a folder
    /// inside a walked folder is skipped, not read).
    pub fn is_folder(&self, path: &Path) -> bool {
        self.folder(path).is_ok()
    }

    /// Reads the file at `path` (a path under the root, as joined to it) under the
    /// policy of this module, up to `limit` bytes.
    pub fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
        let real = self.resolve(path)?;
        let meta = fs::metadata(&real).map_err(Refusal::Io)?;
        if !meta.is_file() {
            return Err(Refusal::NotRegular(kind(&meta.file_type())));
        }
        let file = open_no_wait(&real).map_err(Refusal::Io)?;
        // The file may have been swapped since: what was opened is what counts.
        let meta = file.metadata().map_err(Refusal::Io)?;
        if !meta.is_file() {
            return Err(Refusal::NotRegular(kind(&meta.file_type())));
        }
        if meta.len() > limit {
            return Err(Refusal::TooLarge {
                size: meta.len(),
                limit,
            });
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(Refusal::Io)?;
        if bytes.len() as u64 > limit {
            return Err(Refusal::TooLarge {
                size: bytes.len() as u64,
                limit,
            });
        }
        Ok(bytes)
    }

    /// Reads a text file under the policy; `Err(Ok(bytes))` if it is not UTF-8.
    pub fn read_text(&self, path: &Path, limit: u64) -> Result<String, ReadTextError> {
        let bytes = self.read(path, limit).map_err(ReadTextError::Refused)?;
        String::from_utf8(bytes).map_err(ReadTextError::NotUtf8)
    }
}

/// Why a text file was not read.
#[derive(Debug)]
pub enum ReadTextError {
    Refused(Refusal),
    NotUtf8(std::string::FromUtf8Error),
}

/// Opens a file for reading without waiting: a named pipe with no writer would otherwise
/// block the open (and the read) forever.
fn open_no_wait(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// What a file that is not a regular file is, in words.
fn kind(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> (tempfile::TempDir, ReportRoot) {
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir(tmp.path().join("root")).unwrap();
        let root = ReportRoot::new(&tmp.path().join("root")).unwrap();
        (tmp, root)
    }

    #[test]
    fn reads_regular_files_inside_up_to_the_limit() {
        let (tmp, root) = root();
        let file = tmp.path().join("root/a.md");
        fs::write(&file, "hello").unwrap();
        assert_eq!(root.read(&file, 5).unwrap(), b"hello");
        assert!(matches!(
            root.read(&file, 4),
            Err(Refusal::TooLarge { size: 5, limit: 4 })
        ));
        assert!(matches!(
            root.read(&tmp.path().join("root/none.md"), 9),
            Err(Refusal::Missing)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_root_are_refused_links_inside_are_read() {
        use std::os::unix::fs::symlink;
        let (tmp, root) = root();
        fs::write(tmp.path().join("secret.txt"), "secret").unwrap();
        fs::write(tmp.path().join("root/inside.md"), "inside").unwrap();
        let r = tmp.path().join("root");
        symlink(tmp.path().join("secret.txt"), r.join("out.md")).unwrap();
        symlink(r.join("inside.md"), r.join("in.md")).unwrap();
        symlink("/nonexistent/x", r.join("dangling.md")).unwrap();
        // A folder that is a link out of the root: files "inside" it are outside.
        symlink(tmp.path(), r.join("up")).unwrap();
        assert!(matches!(
            root.read(&r.join("out.md"), 99),
            Err(Refusal::Outside(_))
        ));
        assert!(matches!(
            root.read(&r.join("up/secret.txt"), 99),
            Err(Refusal::Outside(_))
        ));
        assert!(matches!(
            root.read(&r.join("dangling.md"), 99),
            Err(Refusal::Outside(_))
        ));
        assert!(matches!(
            root.folder(&r.join("up")),
            Err(Refusal::Outside(_))
        ));
        assert_eq!(root.read(&r.join("in.md"), 99).unwrap(), b"inside");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_without_hanging() {
        let (tmp, root) = root();
        let fifo = tmp.path().join("root/x.md");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        match root.read(&fifo, 99) {
            Err(refusal @ Refusal::NotRegular(_)) => {
                assert!(refusal.to_string().contains("named pipe"), "{refusal}")
            }
            other => panic!("{other:?}"),
        }
    }
}
