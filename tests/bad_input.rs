//! Bad input gets a clear answer: the built binary on temporary folders.
//! Each bad input gives one line `path: reason` (with `:line` where there
//! is one), the good files beside it are still written, and the exit code
//! is 1. Pathological sizes finish in seconds. The crash inputs kept in
//! `tests/regressions/` (from fuzzing and the property tests) parse without
//! a panic and with every line accounted for.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const SAMPLE: &str = "input/shizuishan-2021-wenjian.txt";

mod common;

fn gongwen(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the binary runs")
}

fn stderr_lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn sample() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).expect("sample")
}

/// Whether this build is optimised: the size bounds hold for `--release`.
fn release() -> bool {
    !cfg!(debug_assertions)
}

/// A temporary folder holding `in/good.txt`, a copy of the sample.
fn with_good_input() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(t.path().join("in")).unwrap();
    std::fs::write(t.path().join("in/good.txt"), sample()).unwrap();
    t
}

#[test]
fn each_bad_input_is_named_and_the_others_are_processed() {
    let t = with_good_input();
    let dir = t.path();
    let inp = dir.join("in");
    std::fs::write(inp.join("empty.txt"), "").unwrap();
    std::fs::write(inp.join("blank.txt"), "\n  \r\n\u{3000}\n").unwrap();
    std::fs::write(inp.join("binary.txt"), b"PK\x03\x04\x00\x00\x14\x00abc").unwrap();
    // 0xFF is not a byte of UTF-8 nor a lead byte of GB18030.
    std::fs::write(inp.join("encoding.txt"), b"\x80\xff\x80\xff\xfe\x80").unwrap();
    std::fs::write(
        inp.join("prose.txt"),
        "It was a bright cold day in April.\n今天天气很好，我们去公园散步。\n",
    )
    .unwrap();
    std::fs::write(inp.join("table.txt"), "id,name,value\n1,甲,2\n2,乙,3\n").unwrap();
    std::fs::write(dir.join("data.csv"), "单位,任务,时限\n市委,落实,2021年\n").unwrap();
    let locked = inp.join("locked.txt");
    std::fs::write(&locked, sample()).unwrap();
    set_mode(&locked, 0o000);
    // Permissions do not stop root: then the file is simply read.
    let locked_blocks = std::fs::read(&locked).is_err();
    if !locked_blocks {
        eprintln!("notice: running as root, a chmod 000 file stays readable; sub-case skipped");
    }
    std::fs::create_dir_all(dir.join("no-txt")).unwrap();
    std::fs::write(dir.join("no-txt/readme.md"), "# not text input\n").unwrap();

    let o = gongwen(
        &[
            "extract",
            "in",
            "missing.txt",
            "no-txt",
            "data.csv",
            "-o",
            "out",
            "--quiet",
        ],
        dir,
    );
    set_mode(&locked, 0o644);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let lines = stderr_lines(&o);
    let mut want: Vec<(String, &str)> = vec![
        ("missing.txt".into(), "no such file or directory"),
        ("no-txt".into(), "directory holds no .txt file"),
        ("in/binary.txt".into(), "binary data (NUL bytes), not text"),
        ("in/blank.txt".into(), "empty file"),
        ("in/empty.txt".into(), "empty file"),
        ("in/encoding.txt".into(), "not valid UTF-8 or GB18030"),
    ];
    if locked_blocks {
        want.push(("in/locked.txt".into(), "ermission denied"));
    }
    for (path, reason) in &want {
        let hits: Vec<&String> = lines
            .iter()
            .filter(|l| l.starts_with(&format!("{path}: ")))
            .collect();
        assert_eq!(hits.len(), 1, "one line for {path} in {lines:#?}");
        assert!(
            hits[0].contains(reason),
            "{path}: want `{reason}`, got {hits:?}"
        );
    }
    assert_eq!(
        lines.len(),
        want.len(),
        "one line per bad input: {lines:#?}"
    );
    // The good files were written, and only they.
    let good = std::fs::read(dir.join("out/good.jsonl")).unwrap();
    assert!(
        good.split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count()
            > 10
    );
    if !locked_blocks {
        assert!(dir.join("out/locked.jsonl").exists());
    }
    for bad in ["empty", "blank", "binary", "encoding"] {
        assert!(!dir.join(format!("out/{bad}.jsonl")).exists(), "{bad}");
    }
    // Text without an official document is no failure: zero records, and
    // the file line naming every line unplaced.
    for (none, lines) in [("prose", 2), ("table", 3), ("data", 2)] {
        let out = std::fs::read_to_string(dir.join(format!("out/{none}.jsonl"))).unwrap();
        let (docs, file) = common::split_jsonl(&out);
        assert!(docs.is_empty(), "{none}: {out}");
        assert_eq!(file["counts"]["documents"], 0, "{none}");
        assert_eq!(file["counts"]["lines"], lines, "{none}");
        assert_eq!(file["counts"]["unplaced"], lines, "{none}");
        let unplaced: Vec<&serde_json::Value> = file["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|d| d["code"] == "unplaced")
            .map(|d| &d["line"])
            .collect();
        assert_eq!(unplaced.len(), lines, "{none}: {file}");
    }
    for l in &lines {
        println!("{l}");
    }
}

#[test]
fn standard_input_that_is_not_a_document_fails_clearly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["extract", "-", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\x00\x01binary")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        "-: binary data (NUL bytes), not text"
    );
}

#[cfg(unix)]
fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {}

/// Runs `extract FILE` and returns its exit code, stderr and time taken.
fn timed(dir: &Path, name: &str) -> (Option<i32>, String, Duration) {
    let started = Instant::now();
    let o = gongwen(&["extract", name, "-o", "out", "--quiet", "-j", "2"], dir);
    let took = started.elapsed();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        took,
    )
}

#[test]
fn a_200_mb_single_line_file_finishes_in_seconds() {
    if !release() {
        eprintln!("notice: size bound checked under `cargo test --release` only");
        return;
    }
    let t = tempfile::tempdir().unwrap();
    let one_line: Vec<u8> = sample().into_iter().filter(|&b| b != b'\n').collect();
    let mut big = Vec::with_capacity(200 << 20);
    while big.len() + one_line.len() <= 200 << 20 {
        big.extend_from_slice(&one_line);
    }
    std::fs::write(t.path().join("big.txt"), &big).unwrap();
    drop(big);
    let (code, err, took) = timed(t.path(), "big.txt");
    println!("200 MB single line: {took:?}: {err}");
    // One line holding the sample many times over: read as run-on text,
    // no failure, and the records are written.
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err, "");
    assert!(t.path().join("out/big.jsonl").exists());
    assert!(took < Duration::from_secs(60), "{took:?}");
}

const HEAD: &str = "关于印发某某工作方案的通知\n石政发〔2020〕1号\n各县区人民政府，市直各部门：\n";

fn cn(k: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match k {
        1..=9 => D[k].to_owned(),
        10..=19 => format!("十{}", D[k - 10]),
        _ => format!("{}十{}", D[k / 10], D[k % 10]),
    }
}

/// 10,000 clause markers of four styles, one per line and all on one
/// line; a 10 MB line of clause text with labels; decimal numbers nested
/// 50 deep. Each gives its document and finishes in seconds.
#[test]
fn long_lines_and_many_markers_finish_in_seconds() {
    if !release() {
        eprintln!("notice: size bounds checked under `cargo test --release` only");
        return;
    }
    let t = tempfile::tempdir().unwrap();
    let mut per_line = String::from(HEAD);
    let mut one_line = String::from(HEAD);
    for i in 0..2500 {
        let k = i % 99 + 1;
        let c = cn(k);
        per_line.push_str(&format!(
            "{c}、总体要求\n（{c}）工作目标。\n{k}.具体任务。\n（{k}）落实措施。\n"
        ));
        one_line.push_str(&format!("{c}、要求。（{c}）目标。{k}.任务。（{k}）措施。"));
    }
    let mut long = String::from(HEAD);
    let clause = "（一）坚持问题导向，加强统筹协调，确保各项任务落到实处。牵头单位：市发展改革委。完成时限：2021年6月底前。";
    while long.len() < 10 << 20 {
        long.push_str(clause);
    }
    let mut deep = String::from(HEAD);
    for d in 0..10_000 {
        deep.push_str(&"1.".repeat(d % 50));
        deep.push_str("1 任务\n");
    }
    for (name, text) in [
        ("markers-per-line.txt", per_line),
        ("markers-one-line.txt", one_line),
        ("ten-mb-line.txt", long),
        ("decimal-deep.txt", deep),
    ] {
        std::fs::write(t.path().join(name), text).unwrap();
        let (code, err, took) = timed(t.path(), name);
        println!("{name}: {took:?}");
        assert_eq!(code, Some(0), "{name}: {err}");
        let out = std::fs::read_to_string(t.path().join("out").join(name).with_extension("jsonl"))
            .unwrap();
        assert_eq!(common::documents(&out).len(), 1, "{name}: one document");
        assert!(took < Duration::from_secs(30), "{name}: {took:?}");
    }
}

fn regression_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
}

/// Every kept crash input decodes or is refused, and parses without a
/// panic.
#[test]
fn regressions_do_not_panic() {
    let lex = gongwen::Lexicon::builtin();
    let mut panics = Vec::new();
    for f in regression_files() {
        let bytes = std::fs::read(&f).unwrap();
        let res = std::panic::catch_unwind(|| {
            if let Ok(d) = gongwen::decode::decode(&bytes) {
                let p = gongwen::parse(&d.text, "regression.txt", &lex);
                let mut out = Vec::new();
                gongwen::batch::render(&p, gongwen::batch::Format::Jsonl, &mut out).unwrap();
            }
        });
        if res.is_err() {
            panics.push(f.display().to_string());
        }
    }
    assert!(panics.is_empty(), "panicked on {panics:#?}");
}

/// Each kept input that decodes and parses (a panic is reported by
/// `regressions_do_not_panic`): its file name, decoded text and reading.
fn parsed_regressions() -> Vec<(String, String, gongwen::Parsed)> {
    let lex = gongwen::Lexicon::builtin();
    let mut out = Vec::new();
    for f in regression_files() {
        let bytes = std::fs::read(&f).unwrap();
        let Ok(d) = gongwen::decode::decode(&bytes) else {
            continue;
        };
        if let Ok(p) = std::panic::catch_unwind(|| gongwen::parse(&d.text, "regression.txt", &lex))
        {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, d.text.to_string(), p));
        }
    }
    out
}

/// Every kept input that decodes has each non-blank line owned exactly
/// once.
#[test]
fn regressions_keep_line_accounting() {
    let mut bad = Vec::new();
    for (name, text, p) in parsed_regressions() {
        let (unowned, overlaps) = gongwen::accounting(&text, &p);
        if !unowned.is_empty() || !overlaps.is_empty() {
            bad.push(format!(
                "{name}: unowned lines {unowned:?}, overlapping at lines {overlaps:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

/// Every kept input that decodes gives documents whose spans run forward:
/// none starts after it ends (an untitled start on a number the next title
/// takes once gave `line_start` 2, `line_end` 1).
#[test]
fn regressions_keep_spans_in_order() {
    let mut bad = Vec::new();
    for (name, _, p) in parsed_regressions() {
        for doc in &p.documents {
            let s = &doc.source;
            if s.line_start > s.line_end || s.byte_start > s.byte_end {
                bad.push(format!(
                    "{name}: lines {}–{}, bytes {}–{}",
                    s.line_start, s.line_end, s.byte_start, s.byte_end
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

/// Runs `gongwen args` in `cwd`, killed if it takes more than `limit`.
fn bounded(args: &[&str], cwd: &Path, limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .current_dir(cwd)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("gongwen {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// A FIFO and a device named `*.txt` are refused without being read (no
/// hang, no memory run out); a file over `--max-file-size` is refused; the
/// good file beside them is written.
#[cfg(unix)]
#[test]
fn special_and_oversized_files_are_refused() {
    let t = with_good_input();
    let dir = t.path();
    let inp = dir.join("in");
    let fifo = Command::new("mkfifo")
        .arg(inp.join("x.txt"))
        .status()
        .unwrap();
    assert!(fifo.success());
    std::os::unix::fs::symlink("/dev/zero", inp.join("zero.txt")).unwrap();
    let o = bounded(
        &["extract", "in", "-o", "out", "--quiet"],
        dir,
        Duration::from_secs(60),
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let lines = stderr_lines(&o);
    assert_eq!(
        lines,
        [
            "in/x.txt: not a regular file (a FIFO)",
            "in/zero.txt: not a regular file (a character device)"
        ]
    );
    assert!(dir.join("out/good.jsonl").exists());

    let limited = |size: &str| {
        gongwen(
            &[
                "extract",
                "in/good.txt",
                "-o",
                "out",
                "--max-file-size",
                size,
            ],
            dir,
        )
    };
    let o = limited("100K");
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert_eq!(
        stderr_lines(&o)[0],
        "in/good.txt: file is larger than --max-file-size (100 KiB); raise the limit to read it"
    );
    let o = limited("lots");
    assert_eq!(o.status.code(), Some(2), "{o:?}");
}

/// A symlinked sub-folder is searched like a real one; a symlink back to
/// a folder it is in is not followed (no endless walk).
#[cfg(unix)]
#[test]
fn symlinked_sub_folders_are_followed_once() {
    use std::os::unix::fs::symlink;
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    std::fs::create_dir_all(dir.join("in/real")).unwrap();
    std::fs::create_dir_all(dir.join("elsewhere")).unwrap();
    std::fs::write(dir.join("in/real/a.txt"), sample()).unwrap();
    std::fs::write(dir.join("elsewhere/b.txt"), sample()).unwrap();
    symlink(dir.join("elsewhere"), dir.join("in/linked")).unwrap();
    symlink(dir.join("in"), dir.join("in/real/loop")).unwrap();
    let o = bounded(
        &["extract", "in", "-o", "out", "--quiet"],
        dir,
        Duration::from_secs(60),
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(dir.join("out/real/a.jsonl").exists());
    assert!(
        dir.join("out/linked/b.jsonl").exists(),
        "the linked folder is read"
    );
    assert!(
        !dir.join("out/real/loop").exists(),
        "the loop is not followed"
    );
}

/// The JSON output (`--format json`) of `file` in `dir`, run from there.
fn json_of(dir: &Path, file: &str) -> (Option<i32>, serde_json::Value, String) {
    let o = gongwen(
        &["extract", file, "-o", "out", "--format", "json", "--quiet"],
        dir,
    );
    let out = dir.join("out").join(Path::new(file).with_extension("json"));
    let v = std::fs::read(out)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    (
        o.status.code(),
        v,
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn damaged(v: &serde_json::Value) -> Vec<(u64, String)> {
    v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == "damaged")
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// One bad byte, a file half GB18030 and half UTF-8, a NUL inside a good
/// document, UTF-16 without a byte-order mark: each is decoded, the
/// damage reported with its line and byte offset, the documents kept.
#[test]
fn small_damage_is_replaced_and_reported_not_fatal() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let text = String::from_utf8(sample()).unwrap();
    std::fs::write(dir.join("clean.txt"), &text).unwrap();
    let (code, clean, err) = json_of(dir, "clean.txt");
    assert_eq!(code, Some(0), "{err}");
    let docs = clean["documents"].as_array().unwrap().len();
    assert!(damaged(&clean).is_empty());
    let line_of = |at: usize| text[..at].matches('\n').count() as u64 + 1;

    // Damage at byte `at`: the documents kept, one diagnostic on its line.
    let one_stretch = |name: &str, bytes: &[u8], at: usize| -> String {
        std::fs::write(dir.join(name), bytes).unwrap();
        let (code, v, err) = json_of(dir, name);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert_eq!(v["documents"].as_array().unwrap().len(), docs, "{name}");
        let d = damaged(&v);
        assert_eq!(d.len(), 1, "{name}: {d:?}");
        assert_eq!(d[0].0, line_of(at), "{name}");
        d[0].1.clone()
    };

    // One invalid byte in the middle of a line.
    let at = text.find("各县区党委").unwrap();
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(at, 0xFF);
    let message = one_stretch("byte.txt", &bytes, at);
    assert!(message.contains(&format!("at byte {at}")), "{message}");
    // The JSON Lines carry it too, on the file line.
    let o = gongwen(&["extract", "byte.txt", "-o", "lines", "--quiet"], dir);
    assert_eq!(o.status.code(), Some(0));
    let jsonl = std::fs::read_to_string(dir.join("lines/byte.jsonl")).unwrap();
    let (records, file) = common::split_jsonl(&jsonl);
    assert_eq!(records.len(), docs);
    assert_eq!(damaged(&file), vec![(line_of(at), message.clone())]);
    let o = gongwen(&["extract", "byte.txt", "-o", "out2"], dir);
    assert_eq!(o.status.code(), Some(0));
    let summary = String::from_utf8_lossy(&o.stderr);
    assert!(
        summary.contains(", 1 with damaged text replaced (see their `damaged` diagnostics)"),
        "{summary}"
    );

    // NUL bytes inside a good document.
    let at = text.find("一、").unwrap();
    let mut bytes = text.as_bytes().to_vec();
    bytes.splice(at..at, [0, 0, 0]);
    let message = one_stretch("nul.txt", &bytes, at);
    assert!(message.starts_with("3 NUL byte(s)"), "{message}");

    // Half GB18030, half UTF-8: the same documents as the clean file.
    let half = text.as_bytes()[..text.len() / 2]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap()
        + 1;
    let (gb, _, _) = encoding_rs::GB18030.encode(&text[half..]);
    let mut bytes = text.as_bytes()[..half].to_vec();
    bytes.extend_from_slice(&gb);
    std::fs::write(dir.join("mixed.txt"), &bytes).unwrap();
    let (code, v, err) = json_of(dir, "mixed.txt");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        without_path(v["documents"].clone(), "mixed.txt"),
        without_path(clean["documents"].clone(), "clean.txt")
    );
    assert!(!damaged(&v).is_empty());

    // UTF-16 without a byte-order mark, both byte orders.
    for (name, bytes) in [
        (
            "le.txt",
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "be.txt",
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        std::fs::write(dir.join(name), bytes).unwrap();
        let (code, v, err) = json_of(dir, name);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert_eq!(
            without_path(v["documents"].clone(), name),
            without_path(clean["documents"].clone(), "clean.txt"),
            "{name}"
        );
    }
}

/// Records as JSON text with the file name taken out.
fn without_path(docs: serde_json::Value, name: &str) -> String {
    serde_json::to_string(&docs)
        .unwrap()
        .replace(&format!("\"path\":\"{name}\""), "\"path\":\"\"")
}

/// Text before the first title used to be checked line by line against
/// every element placed so far: 200,000 lines took 13 s. Now seconds.
#[test]
fn two_hundred_thousand_lines_before_any_title_finish_in_seconds() {
    if !release() {
        eprintln!("notice: size bound checked under `cargo test --release` only");
        return;
    }
    let t = tempfile::tempdir().unwrap();
    let mut prose = String::new();
    for i in 0..200_000 {
        prose.push_str(&format!("今天天气很好，我们去公园散步（第{i}段）。\n"));
    }
    let before_title = format!("{prose}{HEAD}一、总体要求\n");
    for (name, text) in [("prose.txt", prose), ("before.txt", before_title)] {
        std::fs::write(t.path().join(name), text).unwrap();
        let (code, err, took) = timed(t.path(), name);
        println!("{name}: {took:?}");
        assert!(code == Some(0) || code == Some(1), "{name}: {err}");
        assert!(took < Duration::from_secs(5), "{name}: {took:?}");
    }
}
