//! `report new STATE [DIR]`: start a reply file with its front matter filled in;
//! `report new STATE --translation LANG`: start its translation beside it. The files are
//! written by `reply`.

use crate::cli::NewArgs;
use crate::cmd::{Ui, exit, today};
use crate::load;
use crate::registry::{self, Resolution};
use crate::reply::{self, Refused};

pub fn run(args: &NewArgs, ui: &Ui) -> u8 {
    let state = match registry::resolve(&args.state) {
        Resolution::Exact(state) | Resolution::Alias(state) => state,
        Resolution::Unknown(suggestions) => {
            let hint = match suggestions.as_slice() {
                [] => String::new(),
                names => format!(
                    "; did you mean {}?",
                    names
                        .iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            };
            ui.error(format!(
                "unknown State \"{}\": not a Member State or observer State of the United Nations{hint}",
                args.state
            ));
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
