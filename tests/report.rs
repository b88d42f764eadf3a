//! `gongwen report` without a browser: the site's files, the index's
//! counts and order, one anchored line per source line, the colouring of
//! placed and unplaced lines, escaping, and no external asset.

use std::path::Path;
use std::process::{Command, Output};

use gongwen::batch;
use gongwen::Lexicon;

fn report(inputs: &[&Path], out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("report")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .output()
        .expect("runs gongwen report")
}

/// The opening of the line `<div>` whose `id` attribute is at byte `at`.
fn line_div(page: &str, at: usize) -> &str {
    let start = page[..at].rfind("<div class=\"ln ").unwrap_or(at);
    &page[start..at]
}

fn no_external_assets(html: &str) {
    for bad in [
        "src=\"http",
        "href=\"http",
        "<link",
        "<script src",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(bad), "external asset: {bad}");
    }
}

#[test]
fn sample_site_has_index_and_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = report(&[Path::new("input")], dir.path());
    assert!(out.status.success(), "{out:?}");
    let index = std::fs::read_to_string(dir.path().join("index.html")).expect("index.html");
    let page_path = dir.path().join("files/shizuishan-2021-wenjian.html");
    let page = std::fs::read_to_string(&page_path).expect("the sample's page");
    assert!(index.contains("href=\"files/shizuishan-2021-wenjian.html\""));
    no_external_assets(&index);
    no_external_assets(&page);
    assert!(page.contains("\"Noto Sans CJK SC\""), "a CJK font stack");
    assert!(page.contains("href=\"../index.html\""));

    // The index shows the counts the records give.
    let lex = Lexicon::builtin();
    let input = Path::new("input/shizuishan-2021-wenjian.txt");
    let parsed =
        batch::parse_file(input, "input/shizuishan-2021-wenjian.txt", &lex).expect("parses");
    let counts = gongwen::report::Counts::of(&parsed);
    let row = format!(
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
        counts.documents, counts.clauses, counts.tasks, counts.diagnostics, counts.unplaced
    );
    assert!(index.contains(&row), "index row {row}");

    // One anchored line per source line, in order.
    let text = std::fs::read_to_string(input).expect("UTF-8 sample");
    let n = gongwen::decode::lines(&text).len();
    assert_eq!(page.matches("<div class=\"ln ").count(), n);
    for no in [1, n / 2, n] {
        assert!(
            page.contains(&format!("id=\"L{no}\"")),
            "line {no} anchored"
        );
    }

    // Every title is in the outline and every clause links to its line.
    for d in &parsed.documents {
        let title = gongwen::report::esc(
            d.title
                .as_deref()
                .expect("the sample's documents have titles"),
        );
        assert!(
            page.contains(&format!("data-title=\"{title}\"")),
            "outline lacks {title}"
        );
        let start = format!("id=\"L{}\"", d.source.line_start);
        let at = page.find(&start).expect("title line anchored");
        let line = line_div(&page, at);
        assert!(
            line.contains("k-title"),
            "line {} is coloured as a title: {line}",
            d.source.line_start
        );
        for l in gongwen::table::clauses(d) {
            assert!(page.contains(&format!(
                "class=\"ol-clause\" href=\"#L{0}\" data-line=\"{0}\"",
                l.clause.line
            )));
        }
    }

    // A task table per document with tasks, with the six columns.
    let with_tasks = parsed
        .documents
        .iter()
        .filter(|d| !gongwen::table::tasks(d).is_empty())
        .count();
    assert_eq!(
        page.matches("<table class=\"sortable tasks\"").count(),
        with_tasks
    );
    for col in [
        "clause",
        "heading",
        "lead",
        "responsible",
        "participating",
        "due",
    ] {
        assert!(page.contains(&format!("data-col=\"{col}\"")));
    }

    // Diagnostics link to their lines.
    for d in parsed.documents.iter().flat_map(|d| &d.diagnostics) {
        assert!(page.contains(&format!("<a href=\"#L{0}\">L{0}</a>", d.line)));
    }
}

#[test]
fn unplaced_lines_and_markup_are_shown_safely() {
    let src = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    // Text before the first title is unplaced; markup must come out escaped.
    let text = "<script>alert(1)</script> & 杂项\n\n关于印发《<测试>方案》的通知\n国办发〔2019〕5号\n各部门：\n一、总体要求 <b>\n（一）做好工作。\n牵头单位：市财政局\n完成时限：2019年底前\n";
    std::fs::write(src.path().join("a.txt"), text).expect("writes");
    std::fs::write(
        src.path().join("clean.txt"),
        "关于印发某方案的通知\n国办发〔2019〕6号\n各部门：\n一、总体要求\n",
    )
    .expect("writes");
    let res = report(&[src.path()], out.path());
    assert!(res.status.success(), "{res:?}");
    let page = std::fs::read_to_string(out.path().join("files/a.html")).expect("page");
    assert!(!page.contains("<script>alert"), "source text is escaped");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 杂项"));
    assert!(page.contains("一、总体要求 &lt;b&gt;"));
    let l1 = page.find("id=\"L1\"").expect("line 1");
    assert!(line_div(&page, l1).contains("k-unplaced"));
    assert!(page.contains("<code>unplaced</code>"));

    // The file with an unplaced line comes first in the index.
    let index = std::fs::read_to_string(out.path().join("index.html")).expect("index");
    let a = index.find("files/a.html").expect("a listed");
    let clean = index.find("files/clean.html").expect("clean listed");
    assert!(a < clean, "worst first");
}

#[test]
fn a_failing_file_is_listed_and_the_run_goes_on() {
    let src = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    std::fs::write(src.path().join("bad.txt"), b"\x00\x01\x02binary").expect("writes");
    std::fs::write(
        src.path().join("good.txt"),
        "关于印发某方案的通知\n国办发〔2019〕6号\n各部门：\n一、总体要求\n",
    )
    .expect("writes");
    let res = report(&[src.path()], out.path());
    assert_eq!(res.status.code(), Some(1), "{res:?}");
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(stderr.contains("bad.txt: "), "{stderr}");
    let index = std::fs::read_to_string(out.path().join("index.html")).expect("index");
    assert!(index.contains("class=\"failed\""));
    assert!(out.path().join("files/good.html").exists());
}

#[test]
fn output_dir_is_required() {
    let res = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["report", "input"])
        .output()
        .expect("runs");
    assert_eq!(res.status.code(), Some(2));
}
