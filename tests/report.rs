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

/// `--split-above SIZE`: a file with more text is shown in parts of whole
/// documents, each a page of its own, and its page lists them; every line
/// is on exactly one part, the diagnostics outside every document are on
/// the contents page linking to their part, and a later run that does not
/// split removes the parts.
#[test]
fn a_large_file_is_split_into_parts_with_a_contents_page() {
    let src = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    // Text before the first title (unplaced), then twelve documents of
    // about 240 bytes: about four parts of at most 700 bytes.
    let mut text = String::from("杂项说明一\n杂项说明二\n");
    for k in 1..=12 {
        text.push_str(&format!(
            "关于做好第{k}项工作的通知\n石政发〔2020〕{k}号\n各县区人民政府：\n一、总体要求\n（一）做好第{k}项工作。\n牵头单位：市财政局\n完成时限：2020年{}月底前\n石嘴山市人民政府\n2020年1月{}日\n",
            k % 12 + 1,
            k + 1
        ));
    }
    std::fs::write(src.path().join("big.txt"), &text).expect("writes");
    std::fs::write(
        src.path().join("small.txt"),
        "关于印发某方案的通知\n国办发〔2019〕6号\n各部门：\n一、总体要求\n",
    )
    .expect("writes");
    let limit = 700;
    let res = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("report")
        .arg(src.path())
        .args(["--split-above", &limit.to_string(), "--quiet", "-o"])
        .arg(out.path())
        .output()
        .expect("runs");
    assert!(res.status.success(), "{res:?}");
    let files = out.path().join("files");
    let contents = std::fs::read_to_string(files.join("big.html")).expect("contents page");
    no_external_assets(&contents);
    assert!(contents.contains("id=\"parts\""), "a contents page");
    assert!(
        !contents.contains("id=\"L1\""),
        "no source on the contents page"
    );
    let small = std::fs::read_to_string(files.join("small.html")).expect("small page");
    assert!(small.contains("id=\"L1\"") && !small.contains("id=\"parts\""));
    assert!(
        !files.join("small.parts").exists(),
        "a small file is not split"
    );

    // The parts, in order, each linked from the contents page.
    let mut parts: Vec<std::path::PathBuf> = std::fs::read_dir(files.join("big.parts"))
        .expect("the parts' folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    parts.sort();
    assert!(parts.len() >= 3, "{parts:?}");
    let lex = Lexicon::builtin();
    let parsed = gongwen::parse(&text, "big.txt", &lex);
    let n = gongwen::decode::lines(&text).len();
    let mut anchored = vec![0; n + 1];
    let mut titled = vec![0; parsed.documents.len()];
    for (i, part) in parts.iter().enumerate() {
        let name = format!("{:03}.html", i + 1);
        assert!(part.ends_with(&name), "{part:?}");
        assert!(contents.contains(&format!("href=\"big.parts/{name}\"")));
        let page = std::fs::read_to_string(part).expect("part page");
        no_external_assets(&page);
        assert!(
            page.contains("href=\"../big.html\""),
            "back to the contents"
        );
        assert!(
            page.contains("href=\"../../index.html\""),
            "back to the site"
        );
        assert!(page.contains(&format!("Part {} of {}", i + 1, parts.len())));
        assert_eq!(page.contains("rel=\"prev\""), i > 0);
        assert_eq!(page.contains("rel=\"next\""), i + 1 < parts.len());
        assert!(page.contains("<pre id=\"selftest\" hidden>"));
        let mut text_bytes = 0;
        for (no, seen) in anchored.iter_mut().enumerate().skip(1) {
            if let Some(at) = page.find(&format!("id=\"L{no}\"")) {
                *seen += 1;
                let div = line_div(&page, at);
                assert!(div.starts_with("<div class=\"ln "), "{div}");
                text_bytes += text.lines().nth(no - 1).map_or(0, |l| l.len() + 1);
            }
        }
        let mut docs_here = 0;
        for (k, d) in parsed.documents.iter().enumerate() {
            let title = gongwen::report::esc(d.title.as_deref().unwrap_or_default());
            if page.contains(&format!("data-title=\"{title}\"")) {
                titled[k] += 1;
                docs_here += 1;
                assert!(page.contains(&format!("id=\"L{}\"", d.source.line_start)));
                assert!(page.contains(&format!("id=\"L{}\"", d.source.line_end)));
            }
        }
        assert!(
            text_bytes <= limit || docs_here == 1,
            "part {} holds {text_bytes} bytes and {docs_here} documents",
            i + 1
        );
    }
    assert!(
        anchored[1..].iter().all(|&c| c == 1),
        "every line on exactly one part: {anchored:?}"
    );
    assert!(titled.iter().all(|&c| c == 1), "{titled:?}");

    // The diagnostics outside every document link to the part with their line.
    assert!(!parsed.diagnostics.is_empty());
    for d in &parsed.diagnostics {
        assert!(
            contents.contains(&format!("#L{0}\">L{0}</a>", d.line)),
            "line {} listed",
            d.line
        );
    }
    assert!(contents.contains("href=\"big.parts/001.html#L1\">L1</a>"));
    let index = std::fs::read_to_string(out.path().join("index.html")).expect("index");
    assert!(index.contains("href=\"files/big.html\""));

    // A later run that does not split leaves no stale part behind.
    let res = report(&[src.path()], out.path());
    assert!(res.status.success(), "{res:?}");
    assert!(!files.join("big.parts").exists(), "stale parts removed");
    let page = std::fs::read_to_string(files.join("big.html")).expect("page");
    assert!(page.contains(&format!("id=\"L{n}\"")));
}
