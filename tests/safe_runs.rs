//! Safe writes and resumable runs, on the built binary: a run killed
//! mid-batch leaves only complete outputs and a re-run finishes the job;
//! `--skip-unchanged` parses nothing when nothing changed; inputs and
//! outputs never collide and outputs never leave the output folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use gongwen::batch::{self, Format, Job};

mod common;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
}

fn gongwen(args: &[&str], cwd: &Path) -> Output {
    bin()
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the binary runs")
}

fn sample() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("input/shizuishan-2021-wenjian.txt"))
        .expect("sample")
}

/// Every file below `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, d: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn is_temp(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "tmp")
}

fn summary(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

/// `n` input files in `dir/in/{a,b}/`, windows of the sample of different
/// sizes so the outputs differ.
fn inputs(dir: &Path, n: usize) {
    let s = sample();
    let lines: Vec<&[u8]> = s.split(|&b| b == b'\n').collect();
    for i in 0..n {
        let sub = if i % 2 == 0 { "a" } else { "b" };
        let d = dir.join("in").join(sub);
        std::fs::create_dir_all(&d).unwrap();
        // Drop a few leading lines (the envelope) from some copies.
        let from = (i % 3) * 2;
        std::fs::write(
            d.join(format!("f{i:03}.txt")),
            lines[from..].join(&b"\n"[..]),
        )
        .unwrap();
    }
}

#[test]
fn a_killed_run_leaves_no_torn_output_and_a_rerun_completes_it() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    inputs(dir, 48);
    let started = Instant::now();
    let clean = gongwen(&["extract", "in", "-o", "clean", "--quiet"], dir);
    assert_eq!(clean.status.code(), Some(0), "{clean:?}");
    let clean_time = started.elapsed();
    let want: BTreeMap<PathBuf, Vec<u8>> = tree(&dir.join("clean"))
        .into_iter()
        .filter(|(p, _)| !p.ends_with(gongwen::manifest::FILE))
        .collect();
    assert_eq!(want.len(), 48);

    // A temporary file left by an earlier killed run (its process is gone).
    std::fs::create_dir_all(dir.join("out/a")).unwrap();
    std::fs::write(dir.join("out/a/.f000.jsonl.4294967.tmp"), b"{\"torn\":").unwrap();
    // One thread, so the run lasts about twice the clean one; kill it early.
    let mut child = bin()
        .args(["extract", "in", "-o", "out", "--quiet", "-j", "1"])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep((clean_time / 2).max(Duration::from_millis(150)));
    let killed_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    if !killed_running {
        eprintln!("notice: the run had finished before the kill");
    }

    // Whatever is there is complete: each output equals the clean one.
    let after_kill = tree(&dir.join("out"));
    let mut complete = 0;
    for (p, bytes) in &after_kill {
        let name = p.file_name().unwrap().to_string_lossy();
        if is_temp(p) {
            assert!(name.starts_with('.'), "a temporary file is hidden: {p:?}");
        } else if name == gongwen::manifest::FILE {
            let m: serde_json::Value = serde_json::from_slice(bytes).expect("manifest is JSON");
            assert!(m["entries"].is_object());
        } else {
            assert_eq!(Some(bytes), want.get(p), "{p:?} is torn or differs");
            for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                serde_json::from_slice::<serde_json::Value>(line).expect("valid JSONL");
            }
            complete += 1;
        }
    }
    println!("after the kill: {complete} of 48 outputs complete");
    assert!(
        !dir.join("out/a/.f000.jsonl.4294967.tmp").exists(),
        "a stale temporary file is removed at the start of a run"
    );

    // The re-run finishes the job, skipping what the killed run recorded.
    let rerun = gongwen(&["extract", "in", "-o", "out", "--skip-unchanged"], dir);
    assert_eq!(rerun.status.code(), Some(0), "{rerun:?}");
    println!("re-run: {}", summary(&rerun));
    let got: BTreeMap<PathBuf, Vec<u8>> = tree(&dir.join("out"))
        .into_iter()
        .filter(|(p, _)| !p.ends_with(gongwen::manifest::FILE))
        .collect();
    assert!(got.keys().all(|p| !is_temp(p)), "no temporary file is left");
    assert_eq!(got, want, "the resumed output equals a clean run's");
    assert_eq!(
        std::fs::read(dir.join("out").join(gongwen::manifest::FILE)).unwrap(),
        std::fs::read(dir.join("clean").join(gongwen::manifest::FILE)).unwrap(),
        "the manifest equals a clean run's"
    );
}

#[test]
fn skip_unchanged_parses_nothing_when_nothing_changed() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    inputs(dir, 5);
    let first = gongwen(&["extract", "in", "-o", "out"], dir);
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    assert!(
        summary(&first).starts_with("5 files (0 failed)"),
        "{}",
        summary(&first)
    );
    let before = tree(&dir.join("out"));

    let again = gongwen(&["extract", "in", "-o", "out", "--skip-unchanged"], dir);
    assert_eq!(again.status.code(), Some(0));
    let s = summary(&again);
    assert!(s.starts_with("0 files (0 failed), 0 documents"), "{s}");
    assert!(s.ends_with("5 skipped (unchanged)"), "{s}");
    assert_eq!(tree(&dir.join("out")), before, "nothing was rewritten");

    // Without the flag everything is parsed again.
    let full = gongwen(&["extract", "in", "-o", "out"], dir);
    assert!(summary(&full).starts_with("5 files (0 failed)"));

    // A changed input, a damaged output: those two are parsed again.
    let f1 = dir.join("in/b/f001.txt");
    let mut text = std::fs::read(&f1).unwrap();
    text.extend_from_slice("\n补充说明。\n".as_bytes());
    std::fs::write(&f1, text).unwrap();
    let out2 = dir.join("out/a/f002.jsonl");
    let good2 = std::fs::read(&out2).unwrap();
    std::fs::write(&out2, &good2[..good2.len() / 2]).unwrap();
    let partial = gongwen(&["extract", "in", "-o", "out", "--skip-unchanged"], dir);
    let s = summary(&partial);
    assert!(s.starts_with("2 files (0 failed)"), "{s}");
    assert!(s.ends_with("3 skipped (unchanged)"), "{s}");
    assert_eq!(
        std::fs::read(&out2).unwrap(),
        good2,
        "the damaged output is restored"
    );

    // Another grammar: every output is stale.
    let g = dir.join("grammar");
    std::fs::create_dir_all(&g).unwrap();
    let labels =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar/labels.tsv"))
            .unwrap();
    std::fs::write(g.join("labels.tsv"), format!("{labels}\n")).unwrap();
    let regrammar = gongwen(
        &[
            "extract",
            "in",
            "-o",
            "out",
            "--skip-unchanged",
            "--grammar",
            "grammar",
        ],
        dir,
    );
    assert_eq!(regrammar.status.code(), Some(0), "{regrammar:?}");
    assert!(
        summary(&regrammar).starts_with("5 files (0 failed)"),
        "{}",
        summary(&regrammar)
    );
    // And with the same grammar again, nothing.
    let same = gongwen(
        &[
            "extract",
            "in",
            "-o",
            "out",
            "--skip-unchanged",
            "--grammar",
            "grammar",
        ],
        dir,
    );
    assert!(
        summary(&same).ends_with("5 skipped (unchanged)"),
        "{}",
        summary(&same)
    );
}

fn refused(o: &Output, what: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{what}: {err}");
    assert_eq!(err.lines().count(), 1, "{what}: one line: {err}");
    assert!(err.starts_with("gongwen: "), "{what}: {err}");
}

#[test]
fn outputs_never_collide_with_inputs() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    inputs(dir, 2);
    let listing = tree(&dir.join("in"));

    let o = gongwen(&["extract", "in", "-o", "in"], dir);
    refused(&o, "output folder = input folder");
    assert!(String::from_utf8_lossy(&o.stderr).contains("inside the input folder in"));
    let o = gongwen(&["extract", "in", "-o", "in/a/records"], dir);
    refused(&o, "output folder inside the input folder");
    let o = gongwen(&["extract", "./in/", "-o", "in/../in/b"], dir);
    refused(&o, "the same folders spelled differently");
    let o = gongwen(&["extract", "in/a/f000.txt", "-o", "in/a"], dir);
    refused(&o, "output folder = the folder of an input file");
    assert!(String::from_utf8_lossy(&o.stderr).contains("the input's folder"));
    assert_eq!(tree(&dir.join("in")), listing, "nothing was written");

    // Beside the inputs is fine.
    let o = gongwen(&["extract", "in/a/f000.txt", "-o", "out", "--quiet"], dir);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
}

#[cfg(unix)]
#[test]
fn outputs_never_leave_the_output_folder() {
    use std::os::unix::fs::symlink;
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    inputs(dir, 2);
    // A folder of the output tree is a symlink to a folder outside it.
    std::fs::create_dir_all(dir.join("out")).unwrap();
    std::fs::create_dir_all(dir.join("elsewhere")).unwrap();
    symlink(dir.join("elsewhere"), dir.join("out/a")).unwrap();
    let o = gongwen(&["extract", "in", "-o", "out"], dir);
    refused(&o, "symlinked folder");
    assert!(String::from_utf8_lossy(&o.stderr).contains("leads outside the output folder"));
    assert!(
        tree(&dir.join("elsewhere")).is_empty(),
        "nothing written outside"
    );
    std::fs::remove_file(dir.join("out/a")).unwrap();

    // An output file that is a symlink to a file outside (dangling too).
    std::fs::create_dir_all(dir.join("out/b")).unwrap();
    symlink(dir.join("elsewhere/x.jsonl"), dir.join("out/b/f001.jsonl")).unwrap();
    let o = gongwen(&["extract", "in", "-o", "out"], dir);
    refused(&o, "dangling symlinked output file");
    assert!(!dir.join("elsewhere/x.jsonl").exists());
    std::fs::remove_file(dir.join("out/b/f001.jsonl")).unwrap();

    // An input that is a symlink to where its own output would go.
    std::fs::create_dir_all(dir.join("links")).unwrap();
    std::fs::write(dir.join("out/f000.jsonl"), b"precious\n").unwrap();
    symlink(dir.join("out/f000.jsonl"), dir.join("links/f000.txt")).unwrap();
    let o = gongwen(&["extract", "links", "-o", "out"], dir);
    refused(&o, "output = input");
    assert!(String::from_utf8_lossy(&o.stderr).contains("would overwrite an input"));
    assert_eq!(
        std::fs::read(dir.join("out/f000.jsonl")).unwrap(),
        b"precious\n"
    );
}

#[test]
fn output_paths_with_parent_or_root_components_are_refused() {
    let t = tempfile::tempdir().unwrap();
    let input = t.path().join("a.txt");
    std::fs::write(&input, sample()).unwrap();
    let out = t.path().join("out");
    for rel in ["../a.jsonl", "/etc/a.jsonl", "x/../../a.jsonl", ""] {
        let job = Job {
            input: input.clone(),
            display: "a.txt".into(),
            output_rel: PathBuf::from(rel),
        };
        let err = batch::check_paths(std::slice::from_ref(&input), &[job], &out, Format::Jsonl)
            .expect_err(rel)
            .to_string();
        assert!(
            err.contains("would leave the output folder"),
            "{rel}: {err}"
        );
    }
    let ok = Job {
        input: input.clone(),
        display: "a.txt".into(),
        output_rel: PathBuf::from("sub/a.jsonl"),
    };
    batch::check_paths(&[input], &[ok], &out, Format::Jsonl).unwrap();
}

/// A tiny document whose number is `i`, so every file's records differ.
fn tiny(i: usize) -> String {
    format!(
        "关于做好第{i}项工作的通知\n石政发〔2020〕{i}号\n各县区人民政府：\n一、总体要求\n做好第{i}项工作。\n石嘴山市人民政府\n2020年1月{}日\n",
        i % 28 + 1
    )
}

/// 300 files with GBK names (as unzipped from a Windows archive), a few
/// with bytes valid in no encoding: `-j 2` writes exactly what `-j 1`
/// writes, five times over; every record names its own file, readably.
#[cfg(unix)]
#[test]
fn non_utf8_file_names_give_the_same_outputs_with_any_thread_count() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    let mut shown = std::collections::BTreeSet::new();
    for i in 0..300 {
        let mut name = if i % 50 == 7 {
            format!("bad_{i}_").into_bytes()
        } else {
            encoding_rs::GB18030
                .encode(&format!("关于通知{i}"))
                .0
                .into_owned()
        };
        if i % 50 == 7 {
            name.extend_from_slice(b"\xff\xfe");
        }
        name.extend_from_slice(b".txt");
        assert!(std::str::from_utf8(&name).is_err());
        std::fs::write(inp.join(OsStr::from_bytes(&name)), tiny(i + 1)).unwrap();
    }
    let one = gongwen(&["extract", "in", "-o", "one", "-j", "1", "--quiet"], dir);
    assert_eq!(one.status.code(), Some(0), "{one:?}");
    let want = tree(&dir.join("one"));
    let outputs: Vec<&PathBuf> = want
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    assert_eq!(outputs.len(), 300);
    for p in &outputs {
        let recs = common::documents_of(&want[*p]);
        assert_eq!(recs.len(), 1, "{p:?}");
        let source = recs[0]["source"]["path"].as_str().unwrap().to_owned();
        let stem = p.file_stem().unwrap().as_bytes();
        // The record is this file's: its number is in its name.
        let serial = recs[0]["doc_number"]["serial"].as_u64().unwrap();
        if stem.starts_with(b"bad_") {
            assert!(source.ends_with("_\\xFF\\xFE.txt"), "{source}");
            assert!(stem.starts_with(format!("bad_{}_", serial - 1).as_bytes()));
        } else {
            assert_eq!(source, format!("in/关于通知{}.txt", serial - 1));
        }
        shown.insert(source);
    }
    assert_eq!(shown.len(), 300, "every file has its own source.path");
    let m: serde_json::Value =
        serde_json::from_slice(&want[&PathBuf::from(gongwen::manifest::FILE)]).unwrap();
    assert_eq!(m["entries"].as_object().unwrap().len(), 300);
    for round in 0..5 {
        let out = format!("two{round}");
        let two = gongwen(&["extract", "in", "-o", &out, "-j", "2", "--quiet"], dir);
        assert_eq!(two.status.code(), Some(0), "{two:?}");
        assert!(
            tree(&dir.join(&out)) == want,
            "round {round}: -j 2 wrote what -j 1 wrote"
        );
    }
}

/// `2020/x.txt` and `2021/x.txt` would both be `out/x.jsonl`: refused
/// before any work, naming both.
#[test]
fn inputs_with_one_output_path_are_refused() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    for (year, i) in [("2020", 1), ("2021", 2)] {
        std::fs::create_dir_all(dir.join(year)).unwrap();
        std::fs::write(dir.join(year).join("x.txt"), tiny(i)).unwrap();
        std::fs::write(dir.join(year).join(format!("only{year}.txt")), tiny(i)).unwrap();
    }
    for format in ["jsonl", "csv"] {
        let o = gongwen(
            &["extract", "2020", "2021", "-o", "out", "--format", format],
            dir,
        );
        refused(&o, "two inputs, one output");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("2020/x.txt and 2021/x.txt would both be written to out/x."),
            "{err}"
        );
        assert!(!dir.join("out").exists(), "nothing was written");
    }
    // Files named on the command line too.
    let o = gongwen(&["extract", "2020/x.txt", "2021/x.txt", "-o", "out"], dir);
    refused(&o, "two input files, one output");
}

#[test]
fn an_output_folder_that_is_a_file_is_a_usage_error() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    inputs(dir, 3);
    std::fs::write(dir.join("records"), b"a file\n").unwrap();
    let o = gongwen(&["extract", "in", "-o", "records"], dir);
    refused(&o, "-o names a file");
    assert!(String::from_utf8_lossy(&o.stderr).contains("is an existing file, not a folder"));
    assert_eq!(std::fs::read(dir.join("records")).unwrap(), b"a file\n");
}

/// 80 CJK characters are 240 bytes: the output name fits in 255 bytes and
/// so must its temporary.
#[test]
fn an_input_name_of_80_cjk_characters_is_written() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let name = format!("{}.txt", "关".repeat(80));
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in").join(&name), tiny(1)).unwrap();
    for format in ["jsonl", "json", "csv"] {
        let o = gongwen(&["extract", "in", "-o", "out", "--format", format], dir);
        assert_eq!(o.status.code(), Some(0), "{format}: {o:?}");
    }
    let written = tree(&dir.join("out"));
    assert!(written.keys().all(|p| !is_temp(p)));
    assert!(written.contains_key(&PathBuf::from(format!("{}.jsonl", "关".repeat(80)))));
    assert!(written.contains_key(&PathBuf::from(format!("{}.tasks.csv", "关".repeat(80)))));
}

/// When one table of the CSV pair cannot be replaced, neither is: no new
/// documents.csv beside an old tasks.csv.
#[test]
fn the_csv_tables_of_an_input_are_replaced_together() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/x.txt"), tiny(1)).unwrap();
    let csv = || {
        gongwen(
            &["extract", "in", "-o", "out", "--format", "csv", "--quiet"],
            dir,
        )
    };
    let o = csv();
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let old_docs = std::fs::read(dir.join("out/x.documents.csv")).unwrap();
    // The tasks table's place is taken by a folder: it cannot be replaced.
    std::fs::remove_file(dir.join("out/x.tasks.csv")).unwrap();
    std::fs::create_dir_all(dir.join("out/x.tasks.csv/keep")).unwrap();
    std::fs::write(dir.join("in/x.txt"), tiny(2)).unwrap();
    let o = csv();
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("x.tasks.csv: is a directory"), "{err}");
    assert_eq!(
        std::fs::read(dir.join("out/x.documents.csv")).unwrap(),
        old_docs,
        "the documents table was not replaced alone"
    );
    assert!(tree(&dir.join("out")).keys().all(|p| !is_temp(p)));
}

/// Outputs are put in place by a thread of their own while the next files
/// are parsed: one that cannot be (its place is a folder) fails that input
/// alone, named, out of the manifest; the others are written and recorded.
#[test]
fn an_output_that_cannot_be_put_in_place_fails_its_input_alone() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    std::fs::create_dir_all(dir.join("in")).unwrap();
    for i in 1..=12 {
        std::fs::write(dir.join(format!("in/f{i:02}.txt")), tiny(i)).unwrap();
    }
    std::fs::create_dir_all(dir.join("out/f07.jsonl/keep")).unwrap();
    for jobs in ["1", "2"] {
        let o = gongwen(&["extract", "in", "-o", "out", "-j", jobs], dir);
        assert_eq!(o.status.code(), Some(1), "{o:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("f07.jsonl: is a directory"), "{err}");
        assert_eq!(err.matches("is a directory").count(), 1, "{err}");
        assert!(
            summary(&o).contains("11 files (1 failed)"),
            "{}",
            summary(&o)
        );
        for i in (1..=12).filter(|i| *i != 7) {
            let out = std::fs::read_to_string(dir.join(format!("out/f{i:02}.jsonl"))).unwrap();
            assert!(
                out.ends_with("}\n") && out.contains("\"kind\":\"file\""),
                "f{i:02}"
            );
        }
        let manifest = std::fs::read_to_string(dir.join("out/.gongwen-manifest.json")).unwrap();
        assert!(manifest.contains("f06.jsonl") && manifest.contains("f08.jsonl"));
        assert!(!manifest.contains("f07.jsonl"), "{manifest}");
        assert!(tree(&dir.join("out")).keys().all(|p| !is_temp(p)));
    }
}

/// A write that fails for want of space says so, not "cannot serialise".
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_named_as_such() {
    let lex = gongwen::Lexicon::builtin();
    let parsed = gongwen::parse(&tiny(1).repeat(200), "x.txt", &lex);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    for format in [Format::Jsonl, Format::Json] {
        let e = batch::render_to(&parsed, format, std::io::BufWriter::new(&full))
            .expect_err("a full disk fails");
        assert_eq!(e.to_string(), "no space left on device", "{format:?}");
    }
}

/// Two runs with different inputs into one folder at once: the manifest
/// keeps the entries of both.
#[test]
fn concurrent_runs_into_one_folder_merge_their_manifests() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    for (sub, from) in [("a", 0), ("b", 100)] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for i in 0..40 {
            std::fs::write(
                dir.join(sub).join(format!("{sub}{i:02}.txt")),
                tiny(from + i + 1).repeat(20),
            )
            .unwrap();
        }
    }
    let spawn = |sub: &str| {
        bin()
            .args(["extract", sub, "-o", "out", "--quiet", "-j", "1"])
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("a"), spawn("b"));
    for c in [a, b] {
        let o = c.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{o:?}");
    }
    let m: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join("out").join(gongwen::manifest::FILE)).unwrap(),
    )
    .unwrap();
    let entries = m["entries"].as_object().unwrap();
    assert_eq!(
        entries.len(),
        80,
        "{:?}",
        entries.keys().collect::<Vec<_>>()
    );
    // Both runs' outputs are recognised as up to date.
    let again = gongwen(&["extract", "a", "b", "-o", "out", "--skip-unchanged"], dir);
    assert!(
        summary(&again).ends_with("80 skipped (unchanged)"),
        "{}",
        summary(&again)
    );
}

/// On a terminal the progress bar counts bytes: files, MB, MB/s and the
/// time left (run under `script`, which gives the binary a terminal).
#[test]
fn the_progress_bar_counts_bytes() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("notice: `script` (util-linux) is missing; progress bar not checked");
        return;
    }
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    inputs(dir, 4);
    let cmd = format!("{} extract in -o out", env!("CARGO_BIN_EXE_gongwen"));
    let o = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let screen = String::from_utf8_lossy(&o.stdout);
    for want in ["/4 files", "MB", "/s", "ETA"] {
        assert!(screen.contains(want), "`{want}` in {screen:?}");
    }
}
