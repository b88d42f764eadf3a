//! One file's review page: the diagnostics on top (each linking to its
//! line), the document outline (titles → clause tree, each entry linking
//! to `#L<line>`) beside the source shown line by line and coloured by
//! [`lines::classify`], then one task table per document (clause path,
//! heading, lead, responsible, participating, deadline due), sortable by
//! clicking a column header.

use std::fmt::Write as _;

use super::lines::{self, LineClass};
use super::{esc, foot, head, Counts};
use crate::record::{Clause, DiagCode, Diagnostic, Document, Parsed};
use crate::table;

/// The classes shown in the legend, in reading order.
/// Shown where a document has no title line.
const UNTITLED: &str = "（无标题）";

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

fn code_name(code: DiagCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Renders the page of one parsed file. `text` is the decoded source the
/// records were parsed from; `root` is the `href` prefix back to the site
/// root (`../` per level).
pub fn render(p: &Parsed, text: &str, root: &str) -> String {
    let src_lines = crate::decode::lines(text);
    let classes = lines::classify(p, &src_lines);
    let counts = Counts::of(p);
    let mut out = String::with_capacity(text.len() * 2 + 64 * 1024);
    head(&mut out, &format!("{} — gongwen report", p.source));

    // Header, counts and legend.
    let _ = writeln!(
        out,
        "<header class=\"top\"><a class=\"back\" href=\"{}index.html\">← all files 全部文件</a>\n<h1>{}</h1>",
        esc(root),
        esc(&p.source)
    );
    let _ = writeln!(
        out,
        "<p class=\"counts\"><b>{}</b> documents · <b>{}</b> clauses · <b>{}</b> tasks · <b>{}</b> diagnostics · <b>{}</b> unplaced lines</p>",
        counts.documents, counts.clauses, counts.tasks, counts.diagnostics, counts.unplaced
    );
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

    diagnostics(&mut out, p);

    out.push_str("<main class=\"split\">\n<nav id=\"outline\" aria-label=\"outline\"><h2>Outline 目录</h2>\n<ol class=\"docs\">\n");
    for (k, d) in p.documents.iter().enumerate() {
        outline_document(&mut out, k + 1, d);
    }
    out.push_str(
        "</ol>\n</nav>\n<section id=\"source\"><h2>Source 原文</h2>\n<div class=\"src\">\n",
    );
    for (i, l) in src_lines.iter().enumerate() {
        let no = l.no;
        let class = classes
            .classes
            .get(i)
            .copied()
            .unwrap_or(LineClass::Neutral);
        let line_text = text.get(l.start..l.end).unwrap_or("");
        let diags = classes.diagnostics.get(&no);
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

    tasks(&mut out, p);
    out.push_str("<pre id=\"selftest\" hidden></pre>\n");
    foot(&mut out);
    out
}

fn diagnostics(out: &mut String, p: &Parsed) {
    let mut all: Vec<(&Diagnostic, Option<(usize, &Document)>)> =
        p.diagnostics.iter().map(|d| (d, None)).collect();
    for (k, doc) in p.documents.iter().enumerate() {
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

fn tasks(out: &mut String, p: &Parsed) {
    out.push_str("<section id=\"tasks\"><h2>Tasks 任务</h2>\n");
    let mut any = false;
    for (k, d) in p.documents.iter().enumerate() {
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
        let _ = write!(
            out,
            "<table class=\"sortable tasks\" data-doc=\"{k}\">\n<thead><tr>"
        );
        for (col, label, ty) in [
            ("clause", "Clause 条款", "num"),
            ("heading", "Heading 标题", "text"),
            ("lead", "Lead 牵头单位", "text"),
            ("responsible", "Responsible 责任单位", "text"),
            ("participating", "Participating 配合单位", "text"),
            ("due", "Deadline due 完成时限", "text"),
        ] {
            let _ = write!(
                out,
                "<th data-col=\"{col}\" data-type=\"{ty}\" tabindex=\"0\">{label}</th>"
            );
        }
        out.push_str("</tr></thead>\n<tbody>\n");
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
