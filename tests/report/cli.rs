//! The command line itself: help that teaches, exit codes CI can trust.

use crate::support::{assert_contains_all, report};

#[test]
fn every_subcommand_explains_itself_with_an_example() {
    use clap::CommandFactory;
    let subcommands: Vec<String> = report::cli::Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .filter(|name| name != "help")
        .collect();
    assert!(subcommands.len() >= 8, "{subcommands:?}");
    for sub in &subcommands {
        let run = report(&[sub, "--help"]);
        assert_eq!(run.code, 0, "{sub}");
        assert_contains_all(
            &run.stdout,
            &["Examples:", &format!("report {sub}"), "Exit codes"],
        );
    }
    let run = report(&["--help"]);
    assert_contains_all(
        &run.stdout,
        &["book.toml", "submissions/", "check", "build"],
    );
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(report(&["frobnicate"]).code, 2);
    assert_eq!(report(&["check", "--bogus"]).code, 2);
    assert_eq!(report(&[]).code, 2);
    // No version at all would build nothing: `--jobs` counts from 1.
    let run = report(&["build", "--jobs", "0"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("invalid value '0' for '--jobs <N>'"),
        "{}",
        run.stderr
    );
}

/// `report typeset-worker` is the worker process `report build` typesets each language
/// version in: not listed in the help, and fed anything but a job of this build of report
/// (run by hand, say) it says what it is and exits with 2.
#[test]
fn the_worker_is_internal_and_refuses_what_is_not_a_job() {
    use std::io::Write;
    let help = report(&["--help"]);
    assert!(!help.stdout.contains("typeset-worker"), "{}", help.stdout);
    for input in [&b""[..], b"garbage\n", b"%PDF-1.7\n", &[0xff; 4096]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_report"))
            .arg("typeset-worker")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // A worker that refuses early may close its input before all of it is written.
        let _ = child.stdin.take().unwrap().write_all(input);
        let run: crate::support::Run = child.wait_with_output().unwrap().into();
        assert_eq!(run.code, 2, "{input:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{input:?}");
        assert_contains_all(&run.stderr, &["not a typesetting job", "report build"]);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

/// `report` with `args` from the repository root, with `SOURCE_DATE_EPOCH` set.
fn with_epoch(value: &str, args: &[&str]) -> crate::support::Run {
    std::process::Command::new(env!("CARGO_BIN_EXE_report"))
        .args(args)
        .current_dir(crate::support::repo())
        .env("CI", "1")
        .env("SOURCE_DATE_EPOCH", value)
        .output()
        .unwrap()
        .into()
}

#[test]
fn a_bad_source_date_epoch_is_a_clear_error_never_a_crash() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("out");
    let build = |value: &str| {
        with_epoch(
            value,
            &[
                "build",
                "tests/fixtures/valid",
                "--out",
                out.to_str().unwrap(),
            ],
        )
    };
    // Milliseconds instead of seconds: said so, with the date it probably meant.
    let run = build("1764374400000");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "error: SOURCE_DATE_EPOCH=1764374400000 is out of range",
            "was it given in milliseconds? 1764374400000 / 1000 is 29 November 2025",
        ],
    );
    for value in [
        "-1",
        "99999999999999999999",
        "9223372036854775807",
        "253402300800",
    ] {
        let run = build(value);
        assert_eq!(run.code, 2, "{value}: {}", run.stderr);
        assert!(run.stderr.contains("SOURCE_DATE_EPOCH="), "{}", run.stderr);
    }
    for value in ["yesterday", "1.5e9", "0x10"] {
        let run = build(value);
        assert_eq!(run.code, 2, "{value}: {}", run.stderr);
        assert_contains_all(
            &run.stderr,
            &[&format!(
                "SOURCE_DATE_EPOCH={value} is not a number of seconds since 1970-01-01"
            )],
        );
    }
    assert!(!out.exists());
    // The limits themselves, and empty (unset), are fine.
    for value in ["0", "253402300799", ""] {
        let run = build(value);
        assert_eq!(run.code, 0, "{value}: {}", run.stderr);
    }
}

/// `report stats | head -0`: the reader is gone before anything is written. That is not
/// a crash (exit 101) of ours.
#[cfg(unix)]
#[test]
fn a_reader_that_went_away_is_not_a_crash() {
    use std::os::fd::FromRawFd;
    for args in [
        &["stats", "tests/fixtures/valid"][..],
        &["stats", "tests/fixtures/valid", "--format", "json"],
        &["diff", "tests/fixtures/valid", "tests/fixtures/hostile"],
        &["completions", "bash"],
        &["--help"],
        &["build", "--help"],
    ] {
        let mut fds = [0; 2];
        // SAFETY: fds has room for the two descriptors pipe() writes.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        // SAFETY: both descriptors were just created and are owned here.
        let (read, write) = unsafe {
            (
                std::fs::File::from_raw_fd(fds[0]),
                std::fs::File::from_raw_fd(fds[1]),
            )
        };
        drop(read);
        let run: crate::support::Run = std::process::Command::new(env!("CARGO_BIN_EXE_report"))
            .args(args)
            .current_dir(crate::support::repo())
            .env("CI", "1")
            .stdout(write)
            .output()
            .unwrap()
            .into();
        assert_ne!(run.code, 101, "{args:?} panicked: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[test]
fn thread_settings_in_the_environment_never_hang_or_crash_the_build() {
    let tmp = tempfile::tempdir().unwrap();
    // Rayon alone would start 100,000 threads; report uses at most one per core. Threads
    // of 1 byte of stack overflowed at once; threads of 90 TB could not start.
    let cases = [
        ("RAYON_NUM_THREADS", "100000"),
        ("RAYON_NUM_THREADS", "99999999999999999999"),
        ("RAYON_NUM_THREADS", "0"),
        ("RAYON_NUM_THREADS", "-3"),
        ("RAYON_NUM_THREADS", "two"),
        ("RAYON_NUM_THREADS", "1"),
        ("RUST_MIN_STACK", "1"),
        ("RUST_MIN_STACK", "99999999999999"),
    ];
    for (name, value) in cases {
        let out = tmp.path().join(format!("out-{name}-{value}"));
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_report"))
            .args(["build", "tests/fixtures/valid", "--out"])
            .arg(&out)
            .current_dir(crate::support::repo())
            .env("CI", "1")
            .env(name, value)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed().as_secs() > 120 {
                let _ = child.kill();
                panic!("{name}={value}: the build did not end");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert!(status.success(), "{name}={value}");
        assert!(
            out.join("report.pdf").is_file(),
            "RAYON_NUM_THREADS={value}"
        );
    }
}
