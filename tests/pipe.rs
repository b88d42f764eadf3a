//! The command line in pipelines: `extract -` with `--stdin-name` and
//! `--format json`, `extract --files-from LIST` (lines or NUL-separated),
//! and the usage errors of the stream flags (exit 2).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const SAMPLE: &str = "input/shizuishan-2021-wenjian.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in the repository root with `stdin` as standard input.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).expect("writes");
    drop(input);
    child.wait_with_output().expect("waits")
}

fn committed() -> String {
    std::fs::read_to_string(root().join("output/shizuishan-2021-wenjian.jsonl")).expect("output")
}

#[test]
fn stdin_name_names_the_records() {
    let bytes = std::fs::read(root().join(SAMPLE)).expect("sample");
    let out = run(&["extract", "-", "--stdin-name", SAMPLE, "--quiet"], &bytes);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).expect("utf-8"), committed());
}

#[test]
fn stdin_summary_measures_the_rate() {
    let bytes = std::fs::read(root().join(SAMPLE)).expect("sample");
    let out = run(&["extract", "-"], &bytes);
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.contains(" MB/s"), "{err}");
    assert!(!err.contains("at 0.0 MB/s"), "{err}");
}

#[test]
fn stdin_with_format_json_writes_the_json_form() {
    let bytes = std::fs::read(root().join(SAMPLE)).expect("sample");
    let out = run(
        &[
            "extract",
            "-",
            "--format",
            "json",
            "--stdin-name",
            "a.txt",
            "--quiet",
        ],
        &bytes,
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON value");
    assert_eq!(v["source"], "a.txt");
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(20));
}

#[test]
fn files_from_writes_every_listed_file_in_order() {
    let list = format!("{SAMPLE}\n\n{SAMPLE}\r\n");
    let out = run(
        &["extract", "--files-from", "-", "-j", "2", "--quiet"],
        list.as_bytes(),
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).expect("utf-8"),
        committed().repeat(2)
    );
    let list = format!("{SAMPLE}\0does-not-exist.txt\0");
    let out = run(
        &["extract", "--files-from", "-", "-0", "--quiet"],
        list.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).expect("utf-8"), committed());
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.starts_with("does-not-exist.txt: "), "{err}");
}

#[test]
fn stream_flags_that_disagree_are_usage_errors() {
    for args in [
        &["extract", "-", "-"][..],
        &["extract", "-", "input"],
        &["extract", "input", "--stdin-name", "x.txt"],
        &["extract", "--files-from", "-", "input"],
        &["extract", "--files-from", "-", "--format", "csv"],
        &["extract", "-", "--format", "csv"],
        &["extract", "-0"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

/// Every file's output ends with its file line, also a file without a
/// document (whose output is that line alone): in a list, each file line
/// follows that file's records.
#[test]
fn a_file_line_follows_each_files_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    let prose = dir.path().join("prose.txt");
    std::fs::write(&prose, "今天天气很好。\n我们去公园散步。\n").expect("writes");
    let prose = prose.to_str().expect("UTF-8 temp path");
    let out = run(
        &["extract", "-", "--stdin-name", "p.txt", "--quiet"],
        "杂项\n".as_bytes(),
    );
    assert!(out.status.success());
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    assert_eq!(line["kind"], "file");
    assert_eq!(line["path"], "p.txt");
    assert_eq!(line["counts"]["documents"], 0);
    assert_eq!(line["diagnostics"][0]["code"], "unplaced");

    let list = format!("{SAMPLE}\n{prose}\n{SAMPLE}\n");
    let out = run(
        &["extract", "--files-from", "-", "-j", "2", "--quiet"],
        list.as_bytes(),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    let n = committed().lines().count();
    assert_eq!(lines.len(), 2 * n + 1);
    let prose_line: serde_json::Value = serde_json::from_str(lines[n]).expect("JSON");
    assert_eq!(prose_line["kind"], "file");
    assert_eq!(prose_line["path"], prose);
    assert_eq!(prose_line["counts"]["lines"], 2);
    assert_eq!(lines[..n].join("\n") + "\n", committed());
    assert_eq!(lines[n + 1..].join("\n") + "\n", committed());
}
