//! What a live preview (`report serve`) is handed while a build runs, before anything is
//! written: each build's sites as soon as they are rendered, and each version's layout as
//! soon as Typst has made it. Such a build exports no PDF itself: the preview exports it
//! from the layout it was handed, when no newer one has come (see `serve`), so that the
//! editor's loop never waits for a PDF.

use std::sync::Arc;

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::files::OutputFiles;

/// One version laid out, with what its PDF is made with.
#[derive(Clone)]
pub struct LaidOut {
    /// The version's language.
    pub lang: String,
    /// Its PDF's path inside the output folder (`report.pdf`, `fr/report.pdf`).
    pub pdf: String,
    /// Its site's folder inside the output folder (`html`, `fr/html`), if it has a site.
    pub site: Option<String>,
    /// Whether it reads right to left.
    pub rtl: bool,
    pub symbol: String,
    pub today: Datetime,
    /// The very layout the PDF is exported from.
    pub document: Arc<PagedDocument>,
}

/// A live preview, told of each build's work as it is done (on the build's threads: it
/// must only queue what takes long).
pub trait Live: Send + Sync {
    /// The sites of every version this build renders, made and not yet written.
    fn sites(&self, files: &OutputFiles);
    /// A version laid out: its PDF is to be exported. Handed before the layout is searched
    /// for empty boxes, so that the export starts at once: a layout with some is followed
    /// by a newer one of the same build, or the build fails (see `serve`'s exporter).
    fn export(&self, version: LaidOut);
    /// The same layout, every character drawn: its pages are to be shown.
    fn laid_out(&self, version: LaidOut);
}

/// The PDF options of every version: PDF/UA-1 (accessible: tagged, with a title viewers
/// show, alt texts) and PDF/A-2a (archivable), which typst-pdf checks while it writes and
/// says what fails; the report's symbol as its identifier, the build's date as its own.
pub fn pdf_options(symbol: &str, today: Datetime) -> PdfOptions {
    let standards = PdfStandards::new(&[PdfStandard::Ua_1, PdfStandard::A_2a])
        .expect("PDF/UA-1 and PDF/A-2a go together");
    PdfOptions {
        ident: Smart::Custom(symbol.to_string()),
        creator: Smart::Custom(Some("report".into())),
        timestamp: Some(Timestamp::new_utc(today)),
        standards,
        ..PdfOptions::default()
    }
}

/// Exports a version's PDF: its bytes, or what typst-pdf found wrong, in words.
pub fn export(version: &LaidOut) -> Result<Vec<u8>, Vec<String>> {
    let options = pdf_options(&version.symbol, version.today);
    typst_pdf::pdf(&version.document, &options)
        .map_err(|errors| errors.iter().map(|e| e.message.to_string()).collect())
}
