//! `report new STATE [DIR]`: start a reply file with its front matter filled in;
//! `report new STATE --translation LANG`: start its translation beside it. The files are
//! written by `reply`.

use crate::cli::NewArgs;
use crate::cmd::{Ui, exit, today};
use crate::load;
use crate::registry;
use crate::reply::{self, Refused};

pub fn run(args: &NewArgs, ui: &Ui) -> u8 {
    let state = match registry::state_named(&args.state) {
        Ok(state) => state,
        Err(message) => {
            ui.error(message);
            return exit::INPUT_ERRORS;
        }
    };
    let loaded = load::load(&args.dir);
    let Some(project) = loaded.project else {
        ui.diagnostics(&loaded.sources, &loaded.diagnostics);
        ui.error("cannot add a reply: the report root has problems");
        return exit::INPUT_ERRORS;
    };
    let created = match &args.translation {
        Some(lang) => reply::new_translation(&args.dir, &project, state, lang),
        None => reply::new_reply(&args.dir, &project, state, &args.language, today()),
    };
    match created {
        Ok(created) => {
            let shown = format!("{} {}", created.path.display(), created.what);
            ui.status("Created", shown);
            exit::OK
        }
        Err(Refused::Input(message)) => {
            ui.error(message);
            exit::INPUT_ERRORS
        }
        Err(Refused::Io(message)) => {
            ui.error(message);
            exit::FAILURE
        }
    }
}
