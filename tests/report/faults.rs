//! The output is never lost and success is never claimed falsely: builds of one root take
//! turns, a build interrupted at any point leaves a complete `output/`, a previous output
//! that cannot be removed is recovered or named with the fix, and outputs cannot be
//! configured to overwrite each other.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::{assert_contains_all, fixture_copy, report_in};

/// The entries of a folder, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

fn assert_complete(out: &Path) {
    for name in ["report.pdf", "report.typ", "data.json", "html/index.html"] {
        assert!(out.join(name).is_file(), "{} lacks {name}", out.display());
    }
    let pdf = fs::read(out.join("report.pdf")).unwrap();
    let ends = pdf.trim_ascii_end();
    assert!(
        pdf.starts_with(b"%PDF-") && ends.ends_with(b"%%EOF"),
        "{} is not a whole PDF",
        out.display()
    );
}

#[test]
fn concurrent_builds_of_one_root_take_turns_and_each_writes_everything() {
    let (_tmp, root) = fixture_copy("valid");
    for round in 0..2 {
        // The output's lock is held here while two builds start: both run at once, and
        // each says it waits; then they take turns.
        let lock = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(root.join(".output.lock"))
            .unwrap();
        lock.lock().unwrap();
        let logs = tempfile::tempdir().unwrap();
        let start = |n: usize| {
            let log = fs::File::create(logs.path().join(format!("{n}.log"))).unwrap();
            Command::new(env!("CARGO_BIN_EXE_report"))
                .args(["build", root.to_str().unwrap()])
                .env("CI", "1")
                .stderr(log)
                .spawn()
                .unwrap()
        };
        let mut builds = [start(0), start(1)];
        let log = |n: usize| fs::read_to_string(logs.path().join(format!("{n}.log"))).unwrap();
        let waited = std::time::Instant::now();
        while !(log(0).contains("Waiting") && log(1).contains("Waiting")) {
            assert!(
                waited.elapsed() < std::time::Duration::from_secs(60),
                "round {round}: both builds should be waiting: {} / {}",
                log(0),
                log(1)
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        // Both are running now, neither has written anything.
        assert!(builds.iter_mut().all(|b| b.try_wait().unwrap().is_none()));
        drop(lock);
        for (n, build) in builds.iter_mut().enumerate() {
            let status = build.wait().unwrap();
            let stderr = log(n);
            assert_eq!(status.code(), Some(0), "round {round}: {stderr}");
            assert!(stderr.contains("Finished"), "{stderr}");
        }
        assert_complete(&root.join("output"));
        // Only the output (and its lock file) is left beside the replies.
        assert_eq!(
            entries(&root),
            [".output.lock", "book.toml", "output", "submissions"]
        );
    }
}

/// A build killed between the two renames of a swap (where the atomic exchange is not
/// available) leaves `.output.old` as the only complete output. The next build puts it
/// back first, even when that build fails on its input.
#[test]
fn an_output_left_aside_by_a_crash_is_put_back_by_the_next_build() {
    let (_tmp, root) = fixture_copy("valid");
    assert_eq!(report_in(&root, &["build"]).code, 0);
    let pdf = fs::read(root.join("output/report.pdf")).unwrap();
    fs::rename(root.join("output"), root.join(".output.old")).unwrap();
    fs::create_dir_all(root.join(".output.new/html")).unwrap();
    fs::write(root.join(".output.new/report.pdf"), "half").unwrap();
    // The next build fails on its input: the output is still put back.
    fs::write(root.join("submissions/bad.md"), "no front matter\n").unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(fs::read(root.join("output/report.pdf")).unwrap(), pdf);
    assert!(!root.join(".output.old").exists());
    assert!(!root.join(".output.new").exists());
}

#[test]
fn output_names_that_collide_or_leave_the_folder_are_config_errors() {
    let cases = [
        (
            "[output.pdf]\nfile = \"data.json\"\n",
            "`data.json` is already the name of a file every build writes",
        ),
        (
            "[output.pdf]\nfile = \"report.pdf\"\n\n[output.html]\ndir = \"Report.PDF\"\n",
            "`Report.PDF` is already the name of the PDF ([output.pdf] file) in the output folder",
        ),
        (
            "[output.html]\ndir = \"report.typ\"\n",
            "`report.typ` is already the name of a file every build writes",
        ),
        (
            "[output.pdf]\nfile = \"../report.pdf\"\n",
            "`file` must be a plain name inside output/",
        ),
        (
            "[output.html]\ndir = \"/tmp/site\"\n",
            "`dir` must be a plain name inside output/",
        ),
    ];
    for (outputs, message) in cases {
        let (_tmp, root) = fixture_copy("valid");
        let book = fs::read_to_string(root.join("book.toml")).unwrap();
        let at = book.find("[output.pdf]").unwrap();
        fs::write(root.join("book.toml"), format!("{}{outputs}", &book[..at])).unwrap();
        let line = book[..at].lines().count() + 1 + outputs.lines().count() - 1;
        let run = report_in(&root, &["build"]);
        assert_eq!(run.code, 1, "{outputs}: {}", run.stderr);
        assert_contains_all(
            &run.stderr,
            &[
                &format!("error[output-name]: {message}"),
                &format!("book.toml:{line}:"),
            ],
        );
        assert!(!root.join("output").exists(), "{outputs}");
    }
}

/// A previous output the build cannot remove: made read-only by its owner, it is made
/// writable and removed; owned by someone else, the build still succeeds, then says which
/// folder is left and the commands that remove it; and the next build names that folder
/// and the fix instead of failing with a bare "Permission denied". The builds run as an
/// ordinary user (the superuser ignores permissions): as `nobody` when the tests run as
/// root; else as the tests' user, the output given to root through `sudo -n` (CI runners
/// have it). With neither, the second half is not run, and under CI that is a failure.
#[cfg(unix)]
#[test]
fn a_previous_output_that_cannot_be_removed_is_recovered_or_named_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, root) = fixture_copy("valid");
    let as_user = crate::support::is_root();
    if as_user {
        // The build runs as `nobody`: it must be able to write the root.
        for dir in [tmp.path(), &root] {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o777)).unwrap();
        }
    }
    let build = || {
        let mut command = if as_user {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
            c.arg(env!("CARGO_BIN_EXE_report"));
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_report"))
        };
        let out = command
            .args(["build", root.to_str().unwrap()])
            .env("CI", "1")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stderr) = build();
    assert_eq!(code, Some(0), "{stderr}");
    // Read-only, by its owner: recovered without a word.
    let chmod = |mode: &str| {
        let ok = Command::new("chmod")
            .args(["-R", mode, root.join("output").to_str().unwrap()])
            .status()
            .unwrap()
            .success();
        assert!(ok);
    };
    if as_user {
        Command::new("chown")
            .args(["-R", "65534:65534", root.join("output").to_str().unwrap()])
            .status()
            .unwrap();
    }
    chmod("a-w");
    let (code, stderr) = build();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!root.join(".output.old").exists(), "{stderr}");
    assert!(!stderr.contains("could not be removed"), "{stderr}");
    // A command run as the superuser: directly, or through passwordless sudo.
    let as_superuser = |args: &[&str]| {
        let mut command = if as_user {
            Command::new(args[0])
        } else {
            let mut c = Command::new("sudo");
            c.arg("-n").arg(args[0]);
            c
        };
        command
            .args(&args[1..])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !as_user && !as_superuser(&["true"]) {
        crate::support::missing_outside(
            "a previous output owned by someone else",
            "the tests run neither as root nor with passwordless sudo",
        );
        return;
    }
    // Owned by someone else (the superuser here), so the build cannot remove it.
    let output = root.join("output");
    assert!(as_superuser(&[
        "chown",
        "-R",
        "0:0",
        output.to_str().unwrap()
    ]));
    let (code, stderr) = build();
    assert_eq!(code, Some(0), "{stderr}");
    assert_contains_all(
        &stderr,
        &[
            "warning[old-output]: the previous output, moved aside to ",
            ".output.old, could not be removed",
            "chmod -R u+w '",
            "rm -rf '",
        ],
    );
    assert_complete(&root.join("output"));
    let (code, stderr) = build();
    assert_eq!(code, Some(2), "{stderr}");
    assert_contains_all(
        &stderr,
        &[
            ".output.old, left by an earlier build",
            "the output itself is complete",
            "Remove that folder by hand (chmod -R u+w '",
        ],
    );
    assert_complete(&root.join("output"));
    let old = root.join(".output.old");
    assert!(as_superuser(&["rm", "-rf", old.to_str().unwrap()]));
    let (code, stderr) = build();
    assert_eq!(code, Some(0), "{stderr}");
}
