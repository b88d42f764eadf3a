//! The contents page of a split file: what `files/x.html` becomes when the
//! file is cut into parts ([`super::split`]). It shows the file's counts,
//! one row per part (its lines, documents and counts, linking to it), every
//! document's title linking to its line on its part, and the diagnostics of
//! the lines outside every document (text before the first title, page
//! furniture, damaged bytes), each linking to the part showing its line.

use std::fmt::Write as _;

use super::page::{code_name, counts_line, UNTITLED};
use super::split::{part_name, part_of_document, part_of_line, Part};
use super::{count_cells, esc, foot, head, table_head, Counts, COUNT_COLUMNS};
use crate::decode::Line;
use crate::record::Parsed;

/// Diagnostics outside every document listed on the contents page at most;
/// the rest are on the parts showing their lines.
pub const DIAGNOSTICS_SHOWN: usize = 1000;

/// A split file's contents page.
pub struct Contents<'a> {
    pub parsed: &'a Parsed,
    /// Every line of the file (`decode::lines`).
    pub lines: &'a [Line],
    pub parts: &'a [Part],
    /// The `href` prefix back to the site root.
    pub root: &'a str,
    /// The `href` of the parts' folder from this page, with a final `/`
    /// (`x.parts/`).
    pub parts_href: &'a str,
    /// The text a part holds at most (`--split-above`).
    pub limit: usize,
}

impl Contents<'_> {
    fn part_href(&self, i: usize) -> String {
        format!("{}{}", self.parts_href, part_name(i))
    }

    /// The first and last line number of a part.
    fn span(&self, p: &Part) -> (usize, usize) {
        let no = |i: usize| self.lines.get(i).map_or(0, |l| l.no);
        (no(p.lines.start), no(p.lines.end.saturating_sub(1)))
    }
}

/// Renders the contents page.
pub fn render(c: &Contents) -> String {
    let p = c.parsed;
    let mut out = String::with_capacity(16 * 1024 + p.documents.len() * 300);
    head(&mut out, &format!("{} — gongwen report", p.source));
    let _ = writeln!(
        out,
        "<header class=\"top\"><a class=\"back\" href=\"{}index.html\">← all files 全部文件</a>\n<h1>{}</h1>",
        esc(c.root),
        esc(&p.source)
    );
    counts_line(&mut out, &Counts::of(p));
    let _ = writeln!(
        out,
        "<p class=\"note\">A large file: shown in {} parts of at most {} of text each, whole documents with the lines around them. 文件较大，分部分显示。</p>\n</header>",
        c.parts.len(),
        crate::fs::human_size(c.limit as u64)
    );
    out.push_str("<main class=\"index contents\">\n");
    parts_table(&mut out, c);
    documents(&mut out, c);
    outside(&mut out, c);
    out.push_str("</main>\n");
    foot(&mut out);
    out
}

fn parts_table(out: &mut String, c: &Contents) {
    out.push_str("<h2>Parts 部分</h2>\n");
    table_head(
        out,
        "class=\"sortable files parts\" id=\"parts\"",
        &[
            &[("part", "Part 部分", "num"), ("lines", "Lines 行", "num")][..],
            &COUNT_COLUMNS,
        ]
        .concat(),
    );
    for (i, part) in c.parts.iter().enumerate() {
        let n = part.counts(c.parsed);
        let (first, last) = c.span(part);
        let bad = if n.unplaced > 0 { " class=\"bad\"" } else { "" };
        let _ = write!(
            out,
            "<tr{bad}><td data-sort=\"{0}\"><a href=\"{1}\">{0}</a></td><td data-sort=\"{first}\">{first}–{last}</td>",
            i + 1,
            esc(&c.part_href(i)),
        );
        count_cells(out, &n);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn documents(out: &mut String, c: &Contents) {
    let docs = &c.parsed.documents;
    let _ = writeln!(
        out,
        "<h2>Documents 公文 ({})</h2>\n<ol class=\"contents\">",
        docs.len()
    );
    for (k, d) in docs.iter().enumerate() {
        let Some(i) = part_of_document(c.parts, k) else {
            continue;
        };
        let _ = write!(
            out,
            "<li><a class=\"ct-doc\" href=\"{}#L{}\" data-part=\"{}\"><span class=\"k\">{}.</span> {}</a>",
            esc(&c.part_href(i)),
            d.source.line_start,
            i + 1,
            k + 1,
            esc(d.title.as_deref().unwrap_or(UNTITLED))
        );
        let meta: Vec<String> = [
            d.doc_number.as_ref().map(|n| n.raw.as_str()),
            d.date.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(esc)
        .collect();
        if !meta.is_empty() {
            let _ = write!(out, " <span class=\"meta\">{}</span>", meta.join(" · "));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn outside(out: &mut String, c: &Contents) {
    let all = &c.parsed.diagnostics;
    let _ = writeln!(
        out,
        "<section id=\"diagnostics\"><h2>Outside every document 文件级诊断 ({})</h2>",
        all.len()
    );
    if all.is_empty() {
        out.push_str("<p class=\"none\">No diagnostics outside the documents.</p>\n");
    } else {
        out.push_str("<ul class=\"diags\">\n");
        for d in all.iter().take(DIAGNOSTICS_SHOWN) {
            let code = code_name(d.code);
            let _ = write!(out, "<li class=\"d-{code}\">");
            match part_of_line(c.parts, d.line) {
                Some(i) => {
                    let _ = write!(
                        out,
                        "<a href=\"{}#L{1}\">L{1}</a> <span class=\"in\">(part {2})</span>",
                        esc(&c.part_href(i)),
                        d.line,
                        i + 1
                    );
                }
                None => {
                    let _ = write!(out, "L{}", d.line);
                }
            }
            let _ = writeln!(out, " <code>{code}</code> {}</li>", esc(&d.message));
        }
        out.push_str("</ul>\n");
        if all.len() > DIAGNOSTICS_SHOWN {
            let _ = writeln!(
                out,
                "<p class=\"note\">{} more, each on the part showing its line.</p>",
                all.len() - DIAGNOSTICS_SHOWN
            );
        }
    }
    out.push_str("</section>\n");
}
