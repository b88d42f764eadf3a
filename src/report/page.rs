//! One review page: the diagnostics on top (each linking to its line),
//! the document outline (titles → clause tree, each entry linking to
//! `#L<line>`) beside the source shown line by line and coloured by
//! [`lines::classify`], then one task table per document (clause path,
//! heading, lead, responsible, participating, deadline due), sortable by
//! clicking a column header. A page shows a whole file, or one part of a
//! split file ([`super::split`]) with links to the file's contents page and
//! the parts before and after it.

use std::fmt::Write as _;

use super::lines::{self, Classes, LineClass};
use super::split::Part;
use super::{esc, foot, head, table_head, Counts};
use crate::decode::Line;
use crate::record::{Clause, DiagCode, Diagnostic, Document, Parsed};
use crate::table;

/// Shown where a document has no title line.
pub(crate) const UNTITLED: &str = "（无标题）";

/// The classes shown in the legend, in reading order.
const LEGEND: [(LineClass, &str); 14] = [
    (LineClass::Title, "标题 title"),
    (LineClass::Number, "发文字号 number"),
    (LineClass::Addressees, "主送 addressees"),
    (LineClass::Preamble, "正文 preamble"),
    (LineClass::EnclosureTitle, "附文标题 enclosure"),
    (LineClass::Attachment, "附件 attachment"),
    (LineClass::Clause(0), "条款 clause 1"),
    (LineClass::Clause(1), "clause 2"),
    (LineClass::Clause(2), "clause 3"),
    (LineClass::Clause(3), "clause 4+"),
    (LineClass::Field, "标注 field"),
    (LineClass::Signature, "署名 signature"),
    (LineClass::Date, "成文日期 date"),
    (LineClass::Unplaced, "未归属 unplaced"),
];

pub(crate) fn code_name(code: DiagCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// What one page shows: a file's parse and text, and the part of it on
/// this page (the whole file unless it is split).
pub struct View<'a> {
    pub parsed: &'a Parsed,
    /// The decoded source the records were parsed from.
    pub text: &'a str,
    /// Every line of `text` (`decode::lines`).
    pub lines: &'a [Line],
    /// The class of every line of the file.
    pub classes: &'a Classes<'a>,
    pub part: Part,
    /// The `href` prefix back to the site root (`../` per level).
    pub root: &'a str,
    /// Set on a part of a split file.
    pub nav: Option<Nav>,
}

/// The links of a part page: which part it is, its file's contents page and
/// its neighbours (`href`s relative to the part).
pub struct Nav {
    /// 1-based.
    pub number: usize,
    pub total: usize,
    pub contents: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl View<'_> {
    /// The counts of what this page shows.
    pub fn counts(&self) -> Counts {
        match self.nav {
            None => Counts::of(self.parsed),
            Some(_) => self.part.counts(self.parsed),
        }
    }

    /// The documents shown, with their 0-based index in the file.
    fn documents(&self) -> impl Iterator<Item = (usize, &Document)> {
        let docs = &self.parsed.documents;
        self.part
            .documents
            .clone()
            .filter_map(move |k| Some((k, docs.get(k)?)))
    }

    /// The diagnostics outside every document on the lines shown.
    fn file_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        let whole = self.nav.is_none();
        self.parsed
            .diagnostics
            .iter()
            .filter(move |d| whole || self.part.has_line(d.line))
    }
}

/// Renders the page of one parsed file, whole. `text` is the decoded
/// source the records were parsed from; `root` is the `href` prefix back to
/// the site root (`../` per level).
pub fn render(p: &Parsed, text: &str, root: &str) -> String {
    let src_lines = crate::decode::lines(text);
    let classes = lines::classify(p, &src_lines);
    render_view(&View {
        parsed: p,
        text,
        lines: &src_lines,
        classes: &classes,
        part: Part::whole(src_lines.len(), p.documents.len()),
        root,
        nav: None,
    })
}

/// Renders one page: a whole file, or a part of it.
pub fn render_view(v: &View) -> String {
    let p = v.parsed;
    let shown = v.lines.get(v.part.lines.clone()).unwrap_or_default();
    let counts = v.counts();
    let text_len = match (shown.first(), shown.last()) {
        (Some(a), Some(b)) => b.end - a.start,
        _ => 0,
    };
    let mut out = String::with_capacity(text_len * 2 + 64 * 1024);
    let title = match &v.nav {
        Some(n) => format!("{} ({}/{}) — gongwen report", p.source, n.number, n.total),
        None => format!("{} — gongwen report", p.source),
    };
    head(&mut out, &title);

    // Header, counts and legend.
    let _ = writeln!(
        out,
        "<header class=\"top\"><a class=\"back\" href=\"{}index.html\">← all files 全部文件</a>\n<h1>{}</h1>",
        esc(v.root),
        esc(&p.source)
    );
    if let Some(n) = &v.nav {
        part_nav(&mut out, n, shown);
    }
    counts_line(&mut out, &counts);
    out.push_str("<p class=\"legend\">");
    for (class, label) in LEGEND {
        let _ = write!(
            out,
            "<span class=\"chip {}\">{}</span>",
            class.css(),
            esc(label)
        );
    }
    out.push_str("</p>\n</header>\n");

    diagnostics(&mut out, v);

    out.push_str("<main class=\"split\">\n<nav id=\"outline\" aria-label=\"outline\"><h2>Outline 目录</h2>\n<ol class=\"docs\">\n");
    for (k, d) in v.documents() {
        outline_document(&mut out, k + 1, d);
    }
    out.push_str(
        "</ol>\n</nav>\n<section id=\"source\"><h2>Source 原文</h2>\n<div class=\"src\">\n",
    );
    for l in shown {
        let no = l.no;
        let class = v
            .classes
            .classes
            .get(no - 1)
            .copied()
            .unwrap_or(LineClass::Neutral);
        let line_text = v.text.get(l.start..l.end).unwrap_or("");
        let diags = v.classes.diagnostics.get(&no);
        let _ = write!(
            out,
            "<div class=\"ln {}{}\" id=\"L{no}\" title=\"{}\"><a class=\"no\" href=\"#L{no}\">{no}</a><span class=\"tx\">{}</span>",
            class.css(),
            if diags.is_some() { " has-diag" } else { "" },
            class.name(),
            esc(line_text)
        );
        for d in diags.into_iter().flatten() {
            let _ = write!(
                out,
                "<span class=\"badge d-{0}\" title=\"{1}\">{0}</span>",
                code_name(d.code),
                esc(&d.message)
            );
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n</section>\n</main>\n");

    tasks(&mut out, v);
    out.push_str("<pre id=\"selftest\" hidden></pre>\n");
    foot(&mut out);
    out
}

/// The line of counts under a page's title.
pub(crate) fn counts_line(out: &mut String, c: &Counts) {
    let _ = writeln!(
        out,
        "<p class=\"counts\"><b>{}</b> documents · <b>{}</b> clauses · <b>{}</b> tasks · <b>{}</b> diagnostics · <b>{}</b> unplaced lines</p>",
        c.documents, c.clauses, c.tasks, c.diagnostics, c.unplaced
    );
}

/// Which part a page is, with links to the contents and the neighbours.
fn part_nav(out: &mut String, n: &Nav, shown: &[Line]) {
    let (first, last) = (
        shown.first().map_or(0, |l| l.no),
        shown.last().map_or(0, |l| l.no),
    );
    let _ = write!(
        out,
        "<p class=\"parts-nav\">Part {} of {} 第{}部分 · lines {first}–{last} · <a class=\"contents\" href=\"{}\">contents 文件目录</a>",
        n.number,
        n.total,
        n.number,
        esc(&n.contents)
    );
    if let Some(prev) = &n.previous {
        let _ = write!(
            out,
            " · <a rel=\"prev\" href=\"{}\">← previous part</a>",
            esc(prev)
        );
    }
    if let Some(next) = &n.next {
        let _ = write!(
            out,
            " · <a rel=\"next\" href=\"{}\">next part →</a>",
            esc(next)
        );
    }
    out.push_str("</p>\n");
}

fn diagnostics(out: &mut String, v: &View) {
    let mut all: Vec<(&Diagnostic, Option<(usize, &Document)>)> =
        v.file_diagnostics().map(|d| (d, None)).collect();
    for (k, doc) in v.documents() {
        all.extend(doc.diagnostics.iter().map(|d| (d, Some((k + 1, doc)))));
    }
    all.sort_by_key(|(d, _)| d.line);
    let _ = writeln!(
        out,
        "<section id=\"diagnostics\"><h2>Diagnostics 诊断 ({})</h2>",
        all.len()
    );
    if all.is_empty() {
        out.push_str("<p class=\"none\">No diagnostics.</p>\n");
    } else {
        out.push_str("<ul class=\"diags\">\n");
        for (d, doc) in all {
            let code = code_name(d.code);
            let _ = write!(
                out,
                "<li class=\"d-{code}\"><a href=\"#L{0}\">L{0}</a> <code>{code}</code> {1}",
                d.line,
                esc(&d.message)
            );
            if let Some((k, doc)) = doc {
                let _ = write!(
                    out,
                    " <span class=\"in\">(document {k}: {})</span>",
                    esc(&short(doc.title.as_deref().unwrap_or(UNTITLED), 30))
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

fn outline_document(out: &mut String, k: usize, d: &Document) {
    let tasks = table::tasks(d).len();
    let _ = write!(
        out,
        "<li class=\"doc\"><a class=\"ol-doc\" href=\"#L{0}\" data-line=\"{0}\" data-line-end=\"{1}\" data-title=\"{2}\"><span class=\"k\">{k}.</span> {2}</a>\n<div class=\"meta\">",
        d.source.line_start,
        d.source.line_end,
        esc(d.title.as_deref().unwrap_or(UNTITLED))
    );
    let mut meta = Vec::new();
    if let Some(n) = &d.doc_number {
        meta.push(esc(&n.raw));
    }
    if let Some(date) = &d.date {
        meta.push(esc(date));
    }
    if tasks > 0 {
        meta.push(format!("<a href=\"#tasks-{k}\">{tasks} tasks 任务</a>"));
    }
    out.push_str(&meta.join(" · "));
    out.push_str("</div>\n");
    clause_tree(out, &d.clauses);
    if let Some(e) = &d.enclosure {
        part_link(out, "ol-encl", e.line, &e.title);
        clause_tree(out, &e.clauses);
        for a in &e.attachments {
            part_link(out, "ol-att", a.line, &format!("{} {}", a.label, a.title));
            clause_tree(out, &a.clauses);
        }
    }
    for a in &d.attachments {
        part_link(out, "ol-att", a.line, &format!("{} {}", a.label, a.title));
        clause_tree(out, &a.clauses);
    }
    out.push_str("</li>\n");
}

fn part_link(out: &mut String, class: &str, line: usize, title: &str) {
    let _ = writeln!(
        out,
        "<div class=\"part\"><a class=\"{class}\" href=\"#L{line}\" data-line=\"{line}\" data-line-end=\"{line}\">{}</a></div>",
        esc(title)
    );
}

fn clause_tree(out: &mut String, cs: &[Clause]) {
    if cs.is_empty() {
        return;
    }
    out.push_str("<ol class=\"tree\">");
    for c in cs {
        let _ = write!(
            out,
            "<li><a class=\"ol-clause\" href=\"#L{0}\" data-line=\"{0}\" data-line-end=\"{1}\" title=\"{2}\"><span class=\"lbl\">{3}</span>{2}</a>",
            c.line,
            c.line_end.max(c.line),
            esc(&c.heading),
            esc(&c.label)
        );
        clause_tree(out, &c.children);
        out.push_str("</li>");
    }
    out.push_str("</ol>\n");
}

fn tasks(out: &mut String, v: &View) {
    out.push_str("<section id=\"tasks\"><h2>Tasks 任务</h2>\n");
    let mut any = false;
    for (k, d) in v.documents() {
        let rows = table::tasks(d);
        if rows.is_empty() {
            continue;
        }
        any = true;
        let k = k + 1;
        let _ = writeln!(
            out,
            "<h3 id=\"tasks-{k}\"><a href=\"#L{}\">{k}. {}</a> <small>{}</small></h3>",
            d.source.line_start,
            esc(d.title.as_deref().unwrap_or(UNTITLED)),
            esc(d.doc_number.as_ref().map_or("", |n| n.raw.as_str()))
        );
        table_head(
            out,
            &format!("class=\"sortable tasks\" data-doc=\"{k}\""),
            &[
                ("clause", "Clause 条款", "num"),
                ("heading", "Heading 标题", "text"),
                ("lead", "Lead 牵头单位", "text"),
                ("responsible", "Responsible 责任单位", "text"),
                ("participating", "Participating 配合单位", "text"),
                ("due", "Deadline due 完成时限", "text"),
            ],
        );
        for (l, t) in rows {
            let line = l.clause.line;
            let part = match l.part.as_str() {
                "body" | "enclosure" => String::new(),
                other => format!("<span class=\"part\">{}</span> ", esc(other)),
            };
            let (due_key, due_text, raw) = match &t.deadline {
                Some(dl) => {
                    let (key, shown) = match (&dl.due, dl.ongoing) {
                        (Some(due), _) => (due.clone(), esc(due)),
                        (None, true) => ("~ongoing".to_owned(), "ongoing 长期".to_owned()),
                        (None, false) => (String::new(), "—".to_owned()),
                    };
                    (key, shown, esc(&dl.raw))
                }
                None => (String::new(), "—".to_owned(), String::new()),
            };
            let _ = writeln!(
                out,
                "<tr><td data-sort=\"{line}\"><a href=\"#L{line}\">{part}{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td data-sort=\"{}\">{due_text}<div class=\"raw\">{raw}</div></td></tr>",
                esc(&l.path),
                esc(&l.clause.heading),
                esc(&t.lead.join("、")),
                esc(&t.responsible.join("、")),
                esc(&t.participating.join("、")),
                esc(&due_key)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if !any {
        out.push_str("<p class=\"none\">No tasks.</p>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_escapes_text_and_links_lines() {
        let lex = crate::Lexicon::builtin();
        let text = "关于印发《贯彻<条例>》的通知\n国办发〔2019〕5号\n各部门：\n一、总体要求 & <b>\n（一）做好工作。\n牵头单位：市财政局\n完成时限：2019年底前\n";
        let p = crate::parse(text, "x<y>.txt", &lex);
        let html = render(&p, text, "../");
        assert!(html.contains("id=\"L4\""));
        assert!(html.contains("总体要求 &amp; &lt;b&gt;"));
        assert!(!html.contains("<b>\n"), "source text is escaped");
        assert!(html.contains("x&lt;y&gt;.txt"));
        assert!(html.contains("href=\"../index.html\""));
        assert!(html.contains("class=\"ol-doc\""));
    }
}
