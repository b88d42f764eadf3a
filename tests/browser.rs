//! End-to-end in a real browser: `gongwen report` for `input/`, driven by
//! headless Chromium (Debian's `chromium`, installed by `.ci/run`).
//!
//! The test loads the index and checks it links every file; then it opens
//! each file page with `#selftest`, which makes the page's own script click
//! the outline entry farthest down, check that its source line is in view,
//! and sort the task table by deadline both ways; the result comes back
//! through `--dump-dom`. The outline must hold every document title of the
//! records. The same is done for the sample cut into parts
//! (`--split-above 64K`): its contents page links every part, and each
//! part passes its self-test. A screenshot is saved under `target/tmp/browser/`; with
//! `GONGWEN_UPDATE_SCREENSHOT=1` it is also copied to `docs/report.png`.
//!
//! Without Chromium the test fails under CI (`CI=true`) and is skipped
//! with a notice otherwise. `GONGWEN_CHROMIUM` names another binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gongwen::batch::{self, Format};
use gongwen::Lexicon;
use serde_json::Value;

const WINDOW: &str = "--window-size=1400,1200";

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GONGWEN_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.exists());
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Runs Chromium headless on `url` with `extra` flags, in a fresh profile,
/// killing it after two minutes. Returns its standard output.
fn run_chromium(bin: &Path, extra: &[String], url: &str, scratch: &Path) -> String {
    let profile = tempfile::tempdir_in(scratch).expect("profile dir");
    let stdout_path = profile.path().join("stdout");
    let stdout = std::fs::File::create(&stdout_path).expect("stdout file");
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=5000",
            WINDOW,
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > Duration::from_secs(120) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish within 120 s on {url}");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => panic!("waiting for chromium: {e}"),
        }
    }
    std::fs::read_to_string(&stdout_path).unwrap_or_default()
}

fn file_url(p: &Path) -> String {
    let abs = std::fs::canonicalize(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    format!("file://{}", abs.display())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The JSON the page's self-test wrote into `<pre id="selftest">`.
fn selftest_result(dom: &str) -> Value {
    let start = dom.find("<pre id=\"selftest\"").unwrap_or_else(|| {
        panic!(
            "no selftest node in the DOM:\n{}",
            &dom[..dom.len().min(2000)]
        )
    });
    let rest = &dom[start..];
    let open = rest.find('>').map_or(0, |i| i + 1);
    let close = rest.find("</pre>").unwrap_or(rest.len());
    let text = unescape(&rest[open..close]);
    serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!("the self-test did not report (title or DOM below): {e}\n{text}")
    })
}

/// The document titles the self-test found in a page's outline.
fn outline_titles(r: &Value) -> Vec<&str> {
    r["titles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

#[test]
fn report_works_in_headless_chromium() {
    let Some(bin) = chromium() else {
        let msg = "headless Chromium not found at /usr/bin/chromium: install it with \
                   `apt-get install -y chromium fonts-noto-cjk` (.ci/run does)";
        if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
            panic!("{msg}");
        }
        eprintln!("SKIPPED report_works_in_headless_chromium: {msg}");
        return;
    };
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&target);
    std::fs::create_dir_all(&target).expect("test output folder");
    let site = target.join("site");
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["report", "input", "--quiet", "-o"])
        .arg(&site)
        .output()
        .expect("runs gongwen report");
    assert!(out.status.success(), "gongwen report failed: {out:?}");

    // The index, as the browser builds it, links every input's page.
    let lex = Lexicon::builtin();
    let (jobs, errs) = batch::collect_jobs(&[PathBuf::from("input")], Format::Jsonl);
    assert!(errs.is_empty() && !jobs.is_empty(), "{errs:?}");
    let index = run_chromium(
        &bin,
        &["--dump-dom".into()],
        &file_url(&site.join("index.html")),
        &target,
    );
    assert!(
        index.contains("<table class=\"sortable files\""),
        "index did not load:\n{index}"
    );

    for (n, job) in jobs.iter().enumerate() {
        let page = gongwen::report::page_path(job);
        let href = page.to_string_lossy().replace('\\', "/");
        assert!(
            index.contains(&format!("href=\"{href}\"")),
            "index lacks {href}"
        );

        let url = format!("{}#selftest", file_url(&site.join(&page)));
        let dom = run_chromium(&bin, &["--dump-dom".into()], &url, &target);
        assert!(
            dom.contains("<title>selftest pass</title>")
                || dom.contains("<title>selftest fail</title>"),
            "{}: the page's self-test did not run",
            job.display
        );
        let r = selftest_result(&dom);
        for c in r["checks"].as_array().into_iter().flatten() {
            assert!(
                c["ok"] == true,
                "{}: self-test check failed: {c}",
                job.display
            );
        }
        assert!(r["ok"] == true, "{}: {r}", job.display);

        // The outline holds every document title of the records.
        let parsed = batch::parse_file(&job.input, &job.display, &lex).expect("parses");
        let titles = outline_titles(&r);
        let want: Vec<&str> = parsed
            .documents
            .iter()
            .filter_map(|d| d.title.as_deref())
            .collect();
        assert_eq!(titles, want, "{}: outline titles", job.display);

        // The clicked entry is a clause of the records, far down the page.
        let clicked = r["clicked"]["line"].as_u64().unwrap_or(0) as usize;
        let lines: Vec<usize> = parsed
            .documents
            .iter()
            .flat_map(|d| {
                gongwen::table::clauses(d)
                    .into_iter()
                    .map(|l| l.clause.line)
            })
            .collect();
        assert!(
            lines.contains(&clicked),
            "clicked line {clicked} is a clause line"
        );
        assert!(r["clicked"]["top"].as_f64().unwrap_or(0.0) >= 0.0);

        // The deadline sort ran over distinct dates.
        let asc: Vec<&str> = r["sorted"]["ascending"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|s| !s.is_empty())
            .collect();
        let mut sorted = asc.clone();
        sorted.sort();
        assert_eq!(asc, sorted, "ascending by due date");
        let mut distinct = asc.clone();
        distinct.dedup();
        assert!(
            distinct.len() >= 2,
            "the sorted table has several deadlines: {asc:?}"
        );

        // A screenshot of the page, as a person sees it.
        let shot = target.join(if n == 0 {
            "report.png".to_owned()
        } else {
            format!("report-{n}.png")
        });
        run_chromium(
            &bin,
            &[format!("--screenshot={}", shot.display())],
            &file_url(&site.join(&page)),
            &target,
        );
        let png = std::fs::read(&shot).unwrap_or_default();
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 20_000,
            "{} is a real screenshot",
            shot.display()
        );
        if n == 0 && std::env::var("GONGWEN_UPDATE_SCREENSHOT").is_ok_and(|v| v == "1") {
            std::fs::create_dir_all("docs").expect("docs/");
            std::fs::copy(&shot, "docs/report.png").expect("copies the screenshot");
            eprintln!("updated docs/report.png");
        }
    }

    split_site_works(&bin, &target, &jobs, &lex);
}

/// The sample cut into parts of at most 64 KiB of text (`--split-above`):
/// the contents page links every part, and each part passes the page's
/// self-test with the titles of its own documents in its outline.
fn split_site_works(bin: &Path, target: &Path, jobs: &[batch::Job], lex: &Lexicon) {
    use gongwen::report::split;
    const LIMIT: usize = 64 << 10;
    let site = target.join("site-split");
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["report", "input", "--quiet", "--split-above", "64K", "-o"])
        .arg(&site)
        .output()
        .expect("runs gongwen report");
    assert!(
        out.status.success(),
        "gongwen report --split-above failed: {out:?}"
    );
    for job in jobs {
        let bytes = std::fs::read(&job.input).expect("reads the input");
        let text = gongwen::decode::decode(&bytes).expect("decodes").text;
        let parsed = batch::parse_file(&job.input, &job.display, lex).expect("parses");
        let parts = split::plan(&gongwen::decode::lines(&text), &parsed.documents, LIMIT);
        assert!(parts.len() > 1, "{}: the sample is split", job.display);
        let page = gongwen::report::page_path(job);
        let contents = run_chromium(
            bin,
            &["--dump-dom".into()],
            &file_url(&site.join(&page)),
            target,
        );
        assert!(
            contents.contains("id=\"parts\""),
            "{}: contents page",
            job.display
        );
        let dir = split::parts_dir(&page);
        let dir_name = dir.file_name().unwrap_or_default().to_string_lossy();
        for (i, part) in parts.iter().enumerate() {
            let name = split::part_name(i);
            assert!(
                contents.contains(&format!("href=\"{dir_name}/{name}\"")),
                "{}: contents links part {}",
                job.display,
                i + 1
            );
            let url = format!("{}#selftest", file_url(&site.join(&dir).join(&name)));
            let dom = run_chromium(bin, &["--dump-dom".into()], &url, target);
            let r = selftest_result(&dom);
            assert!(r["ok"] == true, "{} part {}: {r}", job.display, i + 1);
            let titles = outline_titles(&r);
            let want: Vec<&str> = parsed.documents[part.documents.clone()]
                .iter()
                .filter_map(|d| d.title.as_deref())
                .collect();
            assert_eq!(
                titles,
                want,
                "{} part {}: outline titles",
                job.display,
                i + 1
            );
        }
    }
}
