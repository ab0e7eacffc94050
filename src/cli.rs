//! The command line, defined with clap's derive API. Only definitions live here; each
//! subcommand's behaviour is in `cmd/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str = "Compile Member States' replies into the Secretary-General's report";

const LONG_ABOUT: &str = "\
Compile Member States' replies into the Secretary-General's report.

A report root is a folder with:
  book.toml          report metadata, challenge categories, output settings
  submissions/*.md   one Markdown file per reply, with TOML front matter between +++ lines
  templates/         optional templates that override the built-in ones
report writes everything it generates into output/ (PDF, HTML site, data.json).";

const EXAMPLES: &str = "\
Examples:
  report check                 check the report in the current folder
  report build                 build the report into ./output
  report build ../a74-130 --out /tmp/draft

Exit codes: 0 success, 1 the input has errors (all are listed), 2 usage or internal error.";

#[derive(Debug, Parser)]
#[command(name = "report", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour diagnostics
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// Print nothing but errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also print the time each stage took
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Fail on the warnings left at the level "warn" (an alias, a missing glyph, the word
    /// limit...); facts allowed by [lints] in book.toml never fail (report explain CODE)
    #[arg(long, global = true)]
    pub deny_warnings: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check book.toml and every reply, and list every problem found
    #[command(
        long_about = "Check book.toml and every reply, and list every problem found.\n\n\
            Reads book.toml and every *.md file under submissions/, checks the front matter \
            (State names, dates, languages, categories, themes) and that no State replied \
            twice, then prints each problem with its file, line and column and how to fix it. \
            Writes nothing.",
        after_help = "Examples:\n  report check\n  report check path/to/report\n\n\
            Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error."
    )]
    Check(CheckArgs),

    /// Check the report, then write everything into output/
    #[command(
        long_about = "Check the report, then write everything into output/.\n\n\
            Runs every check of `report check`; if there are errors, prints them all and \
            leaves the previous output folder untouched. Otherwise writes output/data.json \
            (the aggregated data) and the outputs book.toml asks for, replacing the output \
            folder in one step.",
        after_help = "Examples:\n  report build\n  report build path/to/report --out /tmp/report-output\n  \
            report build --draft --since ../base       what changed since ../base, marked\n\n\
            A draft (--draft) keeps snapshot.json in each version's folder: what it printed, so \
            that a later draft can mark what changed since it (--since path/to/that/output).\n\n\
            Exit codes: 0 built, 1 the input has errors (nothing written), 2 usage or internal error."
    )]
    Build(BuildArgs),

    /// Print the report's figures: categories, top themes, regional groups, words
    #[command(
        long_about = "Print the report's figures: categories (States, share), the themes most \
            States raised, replies per regional group, word counts and late replies. The \
            figures are the ones the PDF and HTML print.",
        after_help = "Examples:\n  report stats\n  report stats path/to/report --format json | jq .top_themes\n\n\
            Exit codes: 0 printed, 1 the input has errors, 2 usage error."
    )]
    Stats(StatsArgs),

    /// Show what changed between two versions of the report
    #[command(
        long_about = "Show what changed between two versions of the report: States added or \
            removed, replies whose text changed (with the changed paragraphs), summaries, \
            themes and categories changed, and counts that moved. OLD and NEW are report \
            roots or data.json files from earlier builds.",
        after_help = "Examples:\n  report diff ../report-main .\n  report diff old/output/data.json . --format markdown > diff.md\n\n\
            Exit codes: 0 compared (changes or not), 1 an input has errors, 2 usage error."
    )]
    Diff(DiffArgs),

    /// Rebuild the report whenever a reply, book.toml or a template changes
    #[command(
        long_about = "Build the report, then rebuild it whenever book.toml, a reply or a \
            template changes. Typst keeps what it laid out in memory, so a rebuild after \
            editing one reply re-lays out only what changed. A failed rebuild keeps the last \
            good output/ and prints the problems. Stop with Ctrl-C.",
        after_help = "Examples:\n  report watch\n  report watch path/to/report --draft\n\n\
            Exit codes: 0 stopped with Ctrl-C, 2 usage error or the folder cannot be watched."
    )]
    Watch(WatchArgs),

    /// Rebuild on every change and serve the report to a browser that reloads itself
    #[command(
        long_about = "Like `report watch`, and serve output/html and the PDF on \
            http://127.0.0.1:PORT/ (to this machine only). After a save, open pages reload \
            as soon as the site is rendered, before the PDF: a corner of the page says which \
            PDF is current (\"PDF of 12:03:56\"). The PDF is exported from the newest layout \
            on a thread of its own, and replaces the output's when it is done; saves made \
            meanwhile give one PDF, of the last.\n\n\
            /__report/layout/LANG shows the version's official layout: the pages Typst laid \
            out, as SVG, the same pages the PDF is made from. After a save only the pages \
            that changed are sent again, and the page in view stays in view. Each reply's \
            site page links to its first page there, and each page to its replies' site \
            pages.\n\n\
            While a rebuild fails, the problems show over the page; output/ keeps the last \
            good build. Stop with Ctrl-C.",
        after_help = "Examples:\n  report serve --open\n  report serve path/to/report --port 8080 --draft\n\n\
            Exit codes: 0 stopped with Ctrl-C, 2 usage error or the port is taken."
    )]
    Serve(ServeArgs),

    /// Start the reply of a State (submissions/<code>.md), or a translation of it
    #[command(
        long_about = "Create submissions/<iso3>.md for a State, with the front matter filled \
            in: the official name, today's date, the language, one [[challenges]] entry and \
            the valid category ids. Refuses to overwrite a reply that State already has.\n\n\
            With --translation LANG, create the translation of the State's reply into LANG \
            instead, beside its original (arg.md -> arg.fr.md), as a draft: final builds print \
            the original until its status is \"final\".",
        after_help = "Examples:\n  report new \"Costa Rica\" --language es\n  report new TUR path/to/report\n  \
            report new ARG --translation en\n\n\
            Exit codes: 0 created, 1 unknown State, the State already replied (or has no reply \
            to translate), 2 usage error."
    )]
    New(NewArgs),

    /// Import Word documents (.docx) as replies, or as a reply's translation
    #[command(
        long_about = "Import Word documents (.docx) as replies: each is converted to Markdown \
            (paragraphs, headings, bold, italic, strikethrough, superscript and subscript, \
            lists, tables, footnotes and endnotes, links, line breaks) and written as submissions/<iso3>.md, with its front \
            matter and a commented [[challenges]] block listing the book's categories to fill \
            in. What the document holds that Markdown cannot (images, charts, text boxes, \
            equations, comments, deletions of tracked changes, headers and footers, merged \
            cells, a paragraph's direction against the reply's) is left out and said, with \
            the paragraph and a few words of it. OpenDocument (.odt) is not read: save it \
            as .docx first.\n\n\
            The State comes from --state, or from the file name or the document's first \
            lines (\"arg.docx\", \"Argentina.docx\"); if several States could be meant, it \
            is an error naming them. The language comes from --language, or is identified \
            from the text. Without --received, `received` is left out and `report check` \
            says so. An existing file is never overwritten.\n\n\
            With --translation-of STATE --language LANG, the document is written as the \
            translation of that State's reply into LANG (arg.fr.md beside arg.md).",
        after_help = "Examples:\n  report import replies/arg.docx --received 2019-04-30\n  \
            report import replies/ --dir path/to/report\n  \
            report import traduction.docx --translation-of ARG --language fr\n  \
            report import chl.docx --dry-run\n\n\
            Exit codes: 0 imported (things left out are warnings), 1 a document could not be \
            imported or its State told, 2 usage error."
    )]
    Import(ImportArgs),

    /// Explain a diagnostic code: what it means, an example, and the fix
    #[command(
        long_about = "Explain a diagnostic code: what it means, an example, and how to fix it.\n\n\
            Every problem report prints carries a code, as in `warning[late-reply]: ...`. \
            Codes are errors, problems (warnings by default) or facts of the report (allowed \
            by default); `[lints]` in book.toml sets the level of a problem or fact to \
            \"allow\", \"warn\" or \"deny\". Without CODE, lists every code with its kind \
            and level.",
        after_help = "Examples:\n  report explain late-reply\n  report explain\n\n\
            Exit codes: 0 explained, 2 unknown code."
    )]
    Explain(ExplainArgs),

    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    #[command(
        after_help = "Examples:\n  report completions bash > ~/.local/share/bash-completion/completions/report\n  report completions zsh > ~/.zfunc/_report\n  report completions fish > ~/.config/fish/completions/report.fish\n\n\
            Exit codes: 0 printed, 2 usage error."
    )]
    Completions(CompletionsArgs),

    /// Typeset one language version for `report build` (started by it, reading its job
    /// on standard input)
    #[command(name = "typeset-worker", hide = true)]
    TypesetWorker,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The report root: the folder holding book.toml and submissions/
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,

    /// Output format
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    pub format: StatsFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// A table for the terminal
    Text,
    /// JSON for scripts
    Json,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier version: a report root or a data.json file
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The later version: a report root or a data.json file
    #[arg(value_name = "NEW")]
    pub new: PathBuf,

    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Readable text for the terminal
    Text,
    /// Markdown, e.g. for a comment on a pull request
    Markdown,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The report root: the folder holding book.toml and submissions/
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The report root: the folder holding book.toml and submissions/
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,

    /// A redline: mark in every version what changed since BASE, a report root (a worktree
    /// of the base branch) or the output folder of an earlier draft (only with --draft)
    #[arg(long, value_name = "BASE", requires = "draft")]
    pub since: Option<PathBuf>,

    #[command(flatten)]
    pub flags: BuildFlags,
}

/// What `build`, `watch` and `serve` share.
#[derive(Debug, Args, Clone)]
pub struct BuildFlags {
    /// Where to write the output, replaced as a whole; a folder holding files a build does
    /// not write is refused [default: DIR/output]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// A draft: include status = "draft" replies, mark every page DRAFT with the revision
    #[arg(long)]
    pub draft: bool,

    /// The revision a draft shows [default: the git commit of DIR]
    #[arg(long, value_name = "REV", requires = "draft")]
    pub revision: Option<String>,

    /// Build only this language version of [book] languages (repeatable); the other
    /// versions' files are kept from the last build
    #[arg(long = "lang", value_name = "LANG")]
    pub languages: Vec<String>,

    /// How many language versions to typeset at once [default: one per core]. Each holds
    /// about 0.8 GB while Typst lays out a report of 300 to 400 pages: on a machine short
    /// of memory, `--jobs 1` typesets them one after another
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The report root: the folder holding book.toml and submissions/
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,

    #[command(flatten)]
    pub flags: BuildFlags,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The report root: the folder holding book.toml and submissions/
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,

    /// The port to listen on, on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 3000)]
    pub port: u16,

    /// Open the report in the web browser
    #[arg(long)]
    pub open: bool,

    #[command(flatten)]
    pub flags: BuildFlags,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The State: its UN short name, an alias ("Turkey") or its alpha-3 code ("TUR")
    #[arg(value_name = "STATE")]
    pub state: String,

    /// The report root: the folder holding book.toml and submissions/
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,

    /// The reply's original language, ISO 639-1
    #[arg(long, default_value = "en", value_name = "CODE")]
    pub language: String,

    /// Create the translation of the State's reply into this official language (ar, en,
    /// es, fr, ru, zh) instead of a new reply
    #[arg(long, value_name = "LANG", conflicts_with = "language")]
    pub translation: Option<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Word documents (.docx), or folders holding them
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// The report root: the folder holding book.toml and submissions/
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,

    /// The State that replied (else from the file name or the document's first lines)
    #[arg(long, value_name = "STATE", conflicts_with = "translation_of")]
    pub state: Option<String>,

    /// The date the reply was received (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub received: Option<String>,

    /// The language of the document, ISO 639-1 (else identified from the text)
    #[arg(long, value_name = "CODE")]
    pub language: Option<String>,

    /// Import the document as the translation of this State's reply, into --language
    #[arg(long, value_name = "STATE", requires = "language")]
    pub translation_of: Option<String>,

    /// Print the Markdown instead of writing files
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code, as printed in brackets: `late-reply` in `warning[late-reply]`
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colour when printing to a terminal and NO_COLOR is not set
    Auto,
    Always,
    Never,
}
