//! The Typst World of a report: the compiler's only door to files, fonts and time.
//!
//! It serves exactly one source, the generated `report.typ`, from memory, and the embedded
//! fonts. Every other file (a `#read`, an `#image`, an `#import`) is not found, package
//! imports are refused, and `today()` is the report's fixed date. Nothing is read from disk
//! or the network here.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::Fonts;

/// The file id of the generated source; interned once for the life of the process.
pub static MAIN: LazyLock<FileId> = LazyLock::new(|| {
    let path = VirtualPath::new("/report.typ").expect("a valid virtual path");
    RootedPath::new(VirtualRoot::Project, path).intern()
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

pub struct ReportWorld<'f> {
    fonts: &'f Fonts,
    source: Source,
    today: Datetime,
}

impl<'f> ReportWorld<'f> {
    /// A world whose main source is `source` (its id must be [`MAIN`]).
    pub fn new(source: Source, fonts: &'f Fonts, today: Datetime) -> Self {
        ReportWorld {
            fonts,
            source,
            today,
        }
    }

    pub fn source_text(&self) -> &str {
        self.source.text()
    }
}

impl World for ReportWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        *MAIN
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN {
            Ok(self.source.clone())
        } else {
            Err(refuse(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *MAIN {
            Ok(Bytes::from_string(self.source.clone()))
        } else {
            Err(refuse(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn refuse(id: FileId) -> FileError {
    let path = id.get();
    match path.root() {
        VirtualRoot::Package(spec) => FileError::Package(PackageError::Other(Some(
            format!(
                "packages are not available in reports ({spec}): everything must be in the template"
            )
            .into(),
        ))),
        VirtualRoot::Project => FileError::NotFound(path.vpath().get_with_slash().into()),
    }
}
