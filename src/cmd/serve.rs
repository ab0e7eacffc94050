//! `report serve [DIR] [--port 3000] [--open]`: `report watch`, plus the preview server
//! of `serve` for `output/`.

use crate::cli::ServeArgs;
use crate::cmd::watch::{stop_on_ctrl_c, watch};
use crate::cmd::{Ui, build_options, exit};
use crate::pipeline::Builder;
use crate::serve::{self, Preview};

pub fn run(args: &ServeArgs, ui: &Ui) -> u8 {
    let listener = match serve::listen(args.port) {
        Ok(listener) => listener,
        Err(e) => {
            ui.error(format!(
                "cannot listen on 127.0.0.1:{}: {e}; choose another port with --port (0 picks a free one)",
                args.port
            ));
            return exit::FAILURE;
        }
    };
    let options = match build_options(&args.flags, &args.dir, ui) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let mut builder = Builder::new(args.dir.clone(), options);
    let preview = match Preview::start(listener, builder.out()) {
        Ok(preview) => preview,
        Err(e) => {
            ui.error(format!("cannot start the web server: {e}"));
            return exit::FAILURE;
        }
    };
    // The sites and layouts go to the browser as soon as they are made; the preview
    // exports each PDF from its layout, so that no save waits for one.
    builder.set_live(preview.live());
    stop_on_ctrl_c(builder.out());
    let url = preview.url();
    // Printed even with --quiet: it is what the command is for.
    eprintln!("     Serving {url} (Ctrl-C to stop)");
    let mut opened = !args.open;
    watch(&mut builder, ui, &mut |outcome| {
        preview.after_build(outcome);
        if !opened {
            opened = true;
            open_browser(&url);
        }
    })
}

fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(command).arg(url).spawn();
}
