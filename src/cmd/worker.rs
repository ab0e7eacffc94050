//! `report typeset-worker` (hidden): the worker process `report build` typesets each
//! language version in (see `render::typst::worker`).

use std::io::{self, Write};

use crate::cmd::exit;
use crate::render::typst::worker;

pub fn run() -> u8 {
    die_with_parent();
    let (stdin, stdout) = (io::stdin(), io::stdout());
    let result = worker::serve(&mut stdin.lock(), &mut stdout.lock());
    match result {
        Ok(()) => exit::OK,
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            exit::FAILURE
        }
    }
}

/// A worker whose build has gone (killed, say) stops too, rather than typesetting for
/// nobody. (A build that ended before this was set up has closed the worker's input, and
/// the worker stops at reading it.)
#[cfg(target_os = "linux")]
fn die_with_parent() {
    // SAFETY: prctl with PR_SET_PDEATHSIG only sets a signal for this process.
    unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) };
}

#[cfg(not(target_os = "linux"))]
fn die_with_parent() {}
