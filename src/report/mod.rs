//! The review report: a static HTML site for checking records against
//! their source, one `index.html` plus one page per input file under
//! `files/`, with no server and no external asset (the style sheet and the
//! small script are inlined), so it opens from disk offline.
//!
//! The index lists every file with its counts, worst first (most unplaced
//! lines, then most diagnostics). A file page (see [`page`]) shows the
//! source line by line, coloured by what each line became ([`lines`]),
//! beside the outline of its documents, with the diagnostics on top and a
//! sortable task table per document. Pages are rendered in parallel, each
//! into its own buffer, and written atomically; the output does not depend
//! on thread scheduling.

pub mod lines;
pub mod page;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::batch::Job;
use crate::error::{Error, Result};
use crate::fs::write_atomic;
use crate::lexicon::Lexicon;

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

/// The `href` prefix from a page back to the site root (`../` per level).
fn root_prefix(page: &Path) -> String {
    "../".repeat(page.components().count().saturating_sub(1))
}

/// Builds the site for `jobs` in `out_dir`: one page per job (in
/// parallel) and the index. Returns the index entries in input order and
/// the failures; a failing file is listed in the index and the run goes on.
pub fn write_site(jobs: &[Job], out_dir: &Path, lex: &Lexicon) -> (Vec<Entry>, Vec<Error>) {
    let results: Vec<(Entry, Option<Error>)> = jobs
        .par_iter()
        .map(|job| {
            let page = page_path(job);
            let res = (|| -> Result<Counts> {
                let bytes = crate::fs::read_input(&job.input, crate::fs::DEFAULT_MAX_FILE_SIZE)
                    .map_err(|e| e.at(&job.display))?;
                let decoded = crate::decode::decode(&bytes).map_err(|e| e.at(&job.display))?;
                let parsed = crate::parse_decoded(&decoded, &job.display, lex);
                let html = page::render(&parsed, &decoded.text, &root_prefix(&page));
                write_atomic(&out_dir.join(&page), html.as_bytes())?;
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
    out.push_str(
        "<main class=\"index\">\n<table class=\"sortable files\" id=\"files\">\n<thead><tr>",
    );
    for (col, label, ty) in [
        ("file", "File 文件", "text"),
        ("documents", "Documents 公文", "num"),
        ("clauses", "Clauses 条款", "num"),
        ("tasks", "Tasks 任务", "num"),
        ("diagnostics", "Diagnostics 诊断", "num"),
        ("unplaced", "Unplaced 未归属行", "num"),
    ] {
        let _ = write!(
            out,
            "<th data-col=\"{col}\" data-type=\"{ty}\" tabindex=\"0\">{label}</th>"
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for e in order {
        let href = e
            .page
            .components()
            .map(|c| esc(&c.as_os_str().to_string_lossy()))
            .collect::<Vec<_>>()
            .join("/");
        match &e.outcome {
            Ok(c) => {
                total.add(*c);
                let bad = if c.unplaced > 0 { " class=\"bad\"" } else { "" };
                let _ = writeln!(
                    out,
                    "<tr{bad}><td><a href=\"{href}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&e.display),
                    c.documents,
                    c.clauses,
                    c.tasks,
                    c.diagnostics,
                    c.unplaced
                );
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
    let _ = writeln!(
        out,
        "</tbody>\n<tfoot><tr><th>Total</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr></tfoot>\n</table>\n</main>",
        total.documents, total.clauses, total.tasks, total.diagnostics, total.unplaced
    );
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
}
