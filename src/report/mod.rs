//! The review report: a static HTML site for checking records against
//! their source, one `index.html` plus one page per input file under
//! `files/`, with no server and no external asset (the style sheet and the
//! small script are inlined), so it opens from disk offline.
//!
//! The index lists every file with its counts, worst first (most unplaced
//! lines, then most diagnostics). A file page (see [`page`]) shows the
//! source line by line, coloured by what each line became ([`lines`]),
//! beside the outline of its documents, with the diagnostics on top and a
//! sortable task table per document. A file with more text than a page
//! should hold is cut into parts ([`split`]), each a page of its own, and
//! its page becomes their contents ([`contents`]). Pages are rendered in
//! parallel, each into its own buffer, and written atomically; the output
//! does not depend on thread scheduling.

pub mod contents;
pub mod lines;
pub mod page;
pub mod split;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::batch::Job;
use crate::error::{Error, Result};
use crate::fs::write_atomic;
use crate::lexicon::Lexicon;
use crate::record::Parsed;

/// The inline style sheet of every page.
pub const STYLE: &str = include_str!("style.css");
/// The inline script of every page: sortable tables, outline navigation
/// and the `#selftest` check the browser test runs.
pub const SCRIPT: &str = include_str!("script.js");

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The counts shown for one file: those of its file line.
pub use crate::fileline::Counts;

/// One row of the index: a file, its page and its counts, or its failure.
#[derive(Debug)]
pub struct Entry {
    pub display: String,
    /// The page, relative to the site root (`files/x.html`).
    pub page: PathBuf,
    pub outcome: std::result::Result<Counts, String>,
}

/// Where a job's page goes, relative to the site root.
pub fn page_path(job: &Job) -> PathBuf {
    Path::new("files").join(job.output_rel.with_extension("html"))
}

/// How the site is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// A file with more text than this (bytes) is cut into parts of at
    /// most this much (`--split-above`).
    pub split_above: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            split_above: split::DEFAULT_LIMIT,
        }
    }
}

/// A relative path as a URL path: components joined with `/`, and the
/// characters that would end or change a path in a URL (`%`, `#`, `?`)
/// percent-encoded. Escape the result with [`esc`] in an attribute.
pub fn href(path: &Path) -> String {
    let mut out = String::new();
    for (i, c) in path.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for ch in c.as_os_str().to_string_lossy().chars() {
            match ch {
                '%' => out.push_str("%25"),
                '#' => out.push_str("%23"),
                '?' => out.push_str("%3F"),
                _ => out.push(ch),
            }
        }
    }
    out
}

/// The `href` prefix from a page back to the site root (`../` per level).
fn root_prefix(page: &Path) -> String {
    "../".repeat(page.components().count().saturating_sub(1))
}

/// Builds the site for `jobs` in `out_dir`: one page per job (or its parts
/// and contents page, [`write_pages`]), in parallel, and the index. Returns
/// the index entries in input order and the failures; a failing file is
/// listed in the index and the run goes on.
pub fn write_site(
    jobs: &[Job],
    out_dir: &Path,
    lex: &Lexicon,
    opts: &Options,
) -> (Vec<Entry>, Vec<Error>) {
    let results: Vec<(Entry, Option<Error>)> = jobs
        .par_iter()
        .map(|job| {
            let page = page_path(job);
            let res = (|| -> Result<Counts> {
                let bytes = crate::fs::read_input(&job.input, crate::fs::DEFAULT_MAX_FILE_SIZE)
                    .map_err(|e| e.at(&job.display))?;
                let decoded = crate::decode::decode(&bytes).map_err(|e| e.at(&job.display))?;
                let parsed = crate::parse_decoded(&decoded, &job.display, lex);
                write_pages(&parsed, &decoded.text, out_dir, &page, opts.split_above)?;
                Ok(Counts::of(&parsed))
            })();
            match res {
                Ok(c) => (
                    Entry {
                        display: job.display.clone(),
                        page,
                        outcome: Ok(c),
                    },
                    None,
                ),
                Err(e) => (
                    Entry {
                        display: job.display.clone(),
                        page,
                        outcome: Err(e.to_string()),
                    },
                    Some(e),
                ),
            }
        })
        .collect();
    let mut entries = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for (entry, err) in results {
        entries.push(entry);
        errors.extend(err);
    }
    let index = render_index(&entries);
    if let Err(e) = write_atomic(&out_dir.join("index.html"), index.as_bytes()) {
        errors.push(e);
    }
    (entries, errors)
}

/// Writes the pages of one parsed file: its page at `page` (relative to
/// `out_dir`), or, when its text is larger than `limit`, one page per part
/// in the folder beside it (`split::parts_dir`) and the contents page at
/// `page`. Part pages of an earlier run that this one does not write are
/// removed.
pub fn write_pages(
    p: &Parsed,
    text: &str,
    out_dir: &Path,
    page: &Path,
    limit: usize,
) -> Result<()> {
    let all = crate::decode::lines(text);
    let parts = split::plan(&all, &p.documents, limit);
    let dir = split::parts_dir(page);
    let split = parts.len() > 1;
    split::remove_stale(&out_dir.join(&dir), if split { parts.len() } else { 0 });
    if !split {
        let html = page::render(p, text, &root_prefix(page));
        return write_atomic(&out_dir.join(page), html.as_bytes());
    }
    let classes = lines::classify(p, &all);
    let name = |p: &Path| href(Path::new(p.file_name().unwrap_or_default()));
    let part_root = root_prefix(&dir.join("part"));
    for (i, part) in parts.iter().enumerate() {
        let nav = page::Nav {
            number: i + 1,
            total: parts.len(),
            contents: format!("../{}", name(page)),
            previous: i.checked_sub(1).map(split::part_name),
            next: (i + 1 < parts.len()).then(|| split::part_name(i + 1)),
        };
        let html = page::render_view(&page::View {
            parsed: p,
            text,
            lines: &all,
            classes: &classes,
            part: part.clone(),
            root: &part_root,
            nav: Some(nav),
        });
        write_atomic(
            &out_dir.join(&dir).join(split::part_name(i)),
            html.as_bytes(),
        )?;
    }
    let html = contents::render(&contents::Contents {
        parsed: p,
        lines: &all,
        parts: &parts,
        root: &root_prefix(page),
        parts_href: &format!("{}/", name(&dir)),
        limit,
    });
    write_atomic(&out_dir.join(page), html.as_bytes())
}

/// Opens a page: doctype, head with the inline style, and `<body>`.
pub(crate) fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"gongwen report\">\n\
         <title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        esc(title),
        STYLE
    );
}

/// Opens a sortable table: `<table ATTRS>`, the header row of `columns`
/// (data name, label, `num` or `text` for sorting) and `<tbody>`.
pub(crate) fn table_head(out: &mut String, attrs: &str, columns: &[(&str, &str, &str)]) {
    let _ = write!(out, "<table {attrs}>\n<thead><tr>");
    for (col, label, ty) in columns {
        let _ = write!(
            out,
            "<th data-col=\"{col}\" data-type=\"{ty}\" tabindex=\"0\">{label}</th>"
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

/// The columns of a file's or a part's counts (after its own first ones).
pub(crate) const COUNT_COLUMNS: [(&str, &str, &str); 5] = [
    ("documents", "Documents 公文", "num"),
    ("clauses", "Clauses 条款", "num"),
    ("tasks", "Tasks 任务", "num"),
    ("diagnostics", "Diagnostics 诊断", "num"),
    ("unplaced", "Unplaced 未归属行", "num"),
];

/// The cells of [`COUNT_COLUMNS`] for `c`.
pub(crate) fn count_cells(out: &mut String, c: &Counts) {
    let _ = write!(
        out,
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
        c.documents, c.clauses, c.tasks, c.diagnostics, c.unplaced
    );
}

/// Closes a page with the inline script.
pub(crate) fn foot(out: &mut String) {
    let _ = write!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
}

/// The index page: every file with its counts, worst first.
pub fn render_index(entries: &[Entry]) -> String {
    let mut order: Vec<&Entry> = entries.iter().collect();
    // Failures first, then most unplaced lines, most diagnostics, by name.
    order.sort_by(|a, b| {
        let key = |e: &Entry| match &e.outcome {
            Err(_) => (0, 0, 0),
            Ok(c) => (1, usize::MAX - c.unplaced, usize::MAX - c.diagnostics),
        };
        key(a).cmp(&key(b)).then_with(|| a.display.cmp(&b.display))
    });
    let mut total = Counts::default();
    let mut out = String::with_capacity(4096 + entries.len() * 400);
    head(&mut out, "gongwen review report");
    out.push_str(
        "<header class=\"top\"><h1>gongwen review report <span class=\"zh\">审核报告</span></h1>\n",
    );
    let _ = writeln!(
        out,
        "<p class=\"note\">{} file(s). Worst first: failures, then most unplaced lines, then most diagnostics. Click a column to sort.</p></header>",
        entries.len()
    );
    out.push_str("<main class=\"index\">\n");
    table_head(
        &mut out,
        "class=\"sortable files\" id=\"files\"",
        &[&[("file", "File 文件", "text")][..], &COUNT_COLUMNS].concat(),
    );
    for e in order {
        let href = esc(&href(&e.page));
        match &e.outcome {
            Ok(c) => {
                total.add(*c);
                let bad = if c.unplaced > 0 { " class=\"bad\"" } else { "" };
                let _ = write!(
                    out,
                    "<tr{bad}><td><a href=\"{href}\">{}</a></td>",
                    esc(&e.display)
                );
                count_cells(&mut out, c);
                out.push_str("</tr>\n");
            }
            Err(msg) => {
                let _ = writeln!(
                    out,
                    "<tr class=\"failed\"><td>{}</td><td colspan=\"5\">failed: {}</td></tr>",
                    esc(&e.display),
                    esc(msg)
                );
            }
        }
    }
    out.push_str("</tbody>\n<tfoot><tr><th>Total</th>");
    count_cells(&mut out, &total);
    out.push_str("</tr></tfoot>\n</table>\n</main>\n");
    foot(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("《贯彻<条例>》 & \"x\" 'y'"),
            "《贯彻&lt;条例&gt;》 &amp; &quot;x&quot; &#39;y&#39;"
        );
    }

    #[test]
    fn index_puts_the_worst_file_first() {
        let ok = |name: &str, unplaced| Entry {
            display: name.into(),
            page: PathBuf::from(format!("files/{name}.html")),
            outcome: Ok(Counts {
                documents: 1,
                unplaced,
                diagnostics: unplaced,
                ..Counts::default()
            }),
        };
        let html = render_index(&[ok("a", 0), ok("b", 3)]);
        let a = html.find("files/a.html").unwrap_or(0);
        let b = html.find("files/b.html").unwrap_or(usize::MAX);
        assert!(b < a, "b has unplaced lines and comes first");
        assert_eq!(root_prefix(Path::new("files/x/y.html")), "../../");
    }

    #[test]
    fn hrefs_keep_names_that_look_like_url_syntax() {
        assert_eq!(
            href(Path::new("files/第1#号?/100%.html")),
            "files/第1%23号%3F/100%25.html"
        );
    }
}
