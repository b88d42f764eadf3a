//! Flat tables for analysts: the records of one input file as two CSV
//! tables, `documents.csv` (one row per document) and `tasks.csv` (one row
//! per clause that carries a task, one column per role).
//!
//! Both are UTF-8 with a byte-order mark (so spreadsheet programs pick the
//! right encoding) and quoted per RFC 4180 by the `csv` crate, with CRLF
//! record ends. Lists (units, issuers, addressees) are joined with `;`.
//! A clause is named by its path of labels from the top of its part,
//! without the trailing punctuation of each label: `二/(一)/1`. The part
//! says where the clause sits: `body`, `enclosure`, or an attachment's
//! label (`附件1`, or `enclosure/附件1` for one inside the enclosure).
//! `extract --format csv` writes `<name>.documents.csv` and
//! `<name>.tasks.csv` for input `<name>.txt`.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::record::{Clause, DiagCode, Document, Parsed, Task};

/// UTF-8 byte-order mark written at the start of every table.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Columns of `documents.csv`, in order.
pub const DOCUMENT_COLUMNS: [&str; 19] = [
    "source",
    "document",
    "line_start",
    "line_end",
    "title",
    "doc_type",
    "doc_number",
    "issuer_code",
    "year",
    "serial",
    "issuers",
    "addressees",
    "date",
    "enclosure_title",
    "clauses",
    "tasks",
    "citations",
    "diagnostics",
    "unplaced",
];

/// Columns of `tasks.csv`, in order.
pub const TASK_COLUMNS: [&str; 16] = [
    "source",
    "document",
    "doc_number",
    "part",
    "clause_path",
    "heading",
    "lead",
    "responsible",
    "participating",
    "implementing",
    "leaders",
    "deadline_raw",
    "deadline_due",
    "deadline_ongoing",
    "deadline_kind",
    "line",
];

/// The separator of list values inside one cell.
pub const LIST_SEP: &str = ";";

/// The step a clause label contributes to a path: the label without its
/// trailing punctuation (`一、` → `一`, `1.` → `1`, `(一)` stays).
pub fn path_step(label: &str) -> &str {
    label.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '、' | '.' | '．' | '。' | ',' | '，' | ':' | '：')
    })
}

/// One clause with where it sits: its part and its path of label steps.
#[derive(Debug, Clone)]
pub struct Located<'a> {
    pub part: String,
    pub path: String,
    pub depth: usize,
    pub clause: &'a Clause,
}

/// Every clause of a document in document order (body, enclosure, the
/// enclosure's attachments, then the document's attachments), each with
/// its part and path.
pub fn clauses(doc: &Document) -> Vec<Located<'_>> {
    let mut out = Vec::new();
    walk(&doc.clauses, "body", "", 0, &mut out);
    if let Some(e) = &doc.enclosure {
        walk(&e.clauses, "enclosure", "", 0, &mut out);
        for a in &e.attachments {
            let part = format!("enclosure/{}", a.label);
            walk(&a.clauses, &part, "", 0, &mut out);
        }
    }
    for a in &doc.attachments {
        walk(&a.clauses, &a.label, "", 0, &mut out);
    }
    out
}

fn walk<'a>(cs: &'a [Clause], part: &str, prefix: &str, depth: usize, out: &mut Vec<Located<'a>>) {
    for c in cs {
        let step = path_step(&c.label);
        let path = if prefix.is_empty() {
            step.to_owned()
        } else {
            format!("{prefix}/{step}")
        };
        out.push(Located {
            part: part.to_owned(),
            path: path.clone(),
            depth,
            clause: c,
        });
        walk(&c.children, part, &path, depth + 1, out);
    }
}

/// The clauses of a document that carry a task, in document order.
pub fn tasks(doc: &Document) -> Vec<(Located<'_>, &Task)> {
    clauses(doc)
        .into_iter()
        .filter_map(|l| l.clause.task.as_ref().map(|t| (l, t)))
        .collect()
}

/// Where the two tables of one input go, given the path its JSON output
/// would have: `out/x.csv` → `out/x.documents.csv`, `out/x.tasks.csv`.
pub fn table_paths(base: &Path) -> (PathBuf, PathBuf) {
    (
        base.with_extension("documents.csv"),
        base.with_extension("tasks.csv"),
    )
}

fn writer(out: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    out.extend_from_slice(BOM);
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out)
}

fn csv_err(e: csv::Error) -> Error {
    Error::new(ErrorKind::Input(format!("cannot write CSV: {e}")))
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

/// Writes `documents.csv` for one parse result into `out`.
pub fn documents_csv(p: &Parsed, out: &mut Vec<u8>) -> Result<()> {
    let mut w = writer(out);
    w.write_record(DOCUMENT_COLUMNS).map_err(csv_err)?;
    for (k, d) in p.documents.iter().enumerate() {
        let located = clauses(d);
        let tasks = located.iter().filter(|l| l.clause.task.is_some()).count();
        let unplaced = d
            .diagnostics
            .iter()
            .filter(|x| x.code == DiagCode::Unplaced)
            .count();
        let num = d.doc_number.as_ref();
        let row = [
            d.source.path.clone(),
            (k + 1).to_string(),
            d.source.line_start.to_string(),
            d.source.line_end.to_string(),
            d.title.clone().unwrap_or_default(),
            opt(&d.doc_type),
            num.map(|n| n.raw.clone()).unwrap_or_default(),
            num.and_then(|n| n.issuer_code.clone()).unwrap_or_default(),
            num.and_then(|n| n.year)
                .map(|y| y.to_string())
                .unwrap_or_default(),
            num.and_then(|n| n.serial)
                .map(|s| s.to_string())
                .unwrap_or_default(),
            d.issuers.join(LIST_SEP),
            d.addressees.join(LIST_SEP),
            opt(&d.date),
            d.enclosure
                .as_ref()
                .map(|e| e.title.clone())
                .unwrap_or_default(),
            located.len().to_string(),
            tasks.to_string(),
            d.citations.len().to_string(),
            d.diagnostics.len().to_string(),
            unplaced.to_string(),
        ];
        w.write_record(&row).map_err(csv_err)?;
    }
    w.flush().map_err(|e| csv_err(e.into()))?;
    Ok(())
}

/// Writes `tasks.csv` for one parse result into `out`.
pub fn tasks_csv(p: &Parsed, out: &mut Vec<u8>) -> Result<()> {
    let mut w = writer(out);
    w.write_record(TASK_COLUMNS).map_err(csv_err)?;
    for (k, d) in p.documents.iter().enumerate() {
        let number = d.doc_number.as_ref().map(|n| n.raw.as_str()).unwrap_or("");
        for (l, t) in tasks(d) {
            let dl = t.deadline.as_ref();
            let kind = dl
                .and_then(|x| serde_json::to_value(&x.kind).ok())
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let row = [
                d.source.path.clone(),
                (k + 1).to_string(),
                number.to_owned(),
                l.part,
                l.path,
                l.clause.heading.clone(),
                t.lead.join(LIST_SEP),
                t.responsible.join(LIST_SEP),
                t.participating.join(LIST_SEP),
                t.implementing.join(LIST_SEP),
                t.leaders.join(LIST_SEP),
                dl.map(|x| x.raw.clone()).unwrap_or_default(),
                dl.and_then(|x| x.due.clone()).unwrap_or_default(),
                dl.map(|x| x.ongoing.to_string()).unwrap_or_default(),
                kind,
                l.clause.line.to_string(),
            ];
            w.write_record(&row).map_err(csv_err)?;
        }
    }
    w.flush().map_err(|e| csv_err(e.into()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_steps_drop_trailing_punctuation() {
        assert_eq!(path_step("一、"), "一");
        assert_eq!(path_step("(一)"), "(一)");
        assert_eq!(path_step("（一）"), "（一）");
        assert_eq!(path_step("1."), "1");
        assert_eq!(path_step("1．"), "1");
        assert_eq!(path_step("第三条 "), "第三条");
        assert_eq!(path_step("6.4.1"), "6.4.1");
    }

    #[test]
    fn tables_start_with_a_bom_and_quote_per_rfc_4180() {
        let lex = crate::Lexicon::builtin();
        let text = "关于印发某方案的通知\n国办发〔2019〕5号\n各部门：\n一、总体要求\n（一）做好“甲,乙”工作。\n牵头单位：市发展改革委\n责任单位：市财政局、市教育局\n完成时限：2019年底前\n";
        let p = crate::parse(text, "x.txt", &lex);
        let mut out = Vec::new();
        tasks_csv(&p, &mut out).expect("writes");
        assert!(out.starts_with(BOM));
        let s = String::from_utf8(out[BOM.len()..].to_vec()).expect("utf-8");
        assert!(s.starts_with("source,document,doc_number,part,clause_path,"));
        assert!(s.contains("\r\n"));
        let mut r = csv::Reader::from_reader(s.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().flatten().collect();
        assert_eq!(rows.len(), 1, "{s}");
        assert_eq!(&rows[0][4], "一/（一）");
        assert_eq!(&rows[0][6], "市发展改革委");
        assert_eq!(&rows[0][7], "市财政局;市教育局");
        assert_eq!(&rows[0][12], "2019-12-31");
    }
}
