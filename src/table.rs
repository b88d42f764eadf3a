//! Flat tables for analysts: the records of one input file as rows of
//! typed cells — documents (one row per document), clauses (one row per
//! clause) and tasks (one row per clause that carries a task, one column per
//! role) — and, with the `cli` feature, the first and last of them as two
//! CSV tables, `documents.csv` and `tasks.csv`. The Python package builds
//! its tables from the same rows.
//!
//! The CSV tables are UTF-8 with a byte-order mark (so spreadsheet programs pick the
//! right encoding) and quoted per RFC 4180 by the `csv` crate, with CRLF
//! record ends. Lists (units, issuers, addressees) are joined with `;`.
//! A clause is named by its path of labels from the top of its part,
//! without the trailing punctuation of each label: `二/(一)/1`. The part
//! says where the clause sits: `body`, `enclosure`, or an attachment's
//! label (`附件1`, or `enclosure/附件1` for one inside the enclosure).
//! `extract --format csv` writes `<name>.documents.csv` and
//! `<name>.tasks.csv` for input `<name>.txt`.

use std::path::{Path, PathBuf};

#[cfg(feature = "cli")]
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

/// Columns of the clauses table, in order.
pub const CLAUSE_COLUMNS: [&str; 15] = [
    "source",
    "document",
    "doc_number",
    "part",
    "clause_path",
    "depth",
    "kind",
    "number",
    "label",
    "heading",
    "text",
    "line",
    "line_end",
    "fields",
    "has_task",
];

/// The type of a column's cells (besides empty, [`Cell::Null`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Int,
    Bool,
}

use ColumnType::{Bool, Int, Text};

/// Types of [`DOCUMENT_COLUMNS`].
pub const DOCUMENT_TYPES: [ColumnType; 19] = [
    Text, Int, Int, Int, Text, Text, Text, Text, Int, Int, Text, Text, Text, Text, Int, Int, Int,
    Int, Int,
];

/// Types of [`CLAUSE_COLUMNS`].
pub const CLAUSE_TYPES: [ColumnType; 15] = [
    Text, Int, Text, Text, Text, Int, Text, Int, Text, Text, Text, Int, Int, Text, Bool,
];

/// Types of [`TASK_COLUMNS`].
pub const TASK_TYPES: [ColumnType; 16] = [
    Text, Int, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text, Bool, Text, Int,
];

/// One cell of a row. In CSV an empty cell is [`Cell::Null`]; integers and
/// booleans are written as Rust prints them (`12`, `true`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Null,
    Int(i64),
    Bool(bool),
    Text(String),
}

impl Cell {
    fn opt<T: ToString>(v: Option<T>) -> Cell {
        v.map_or(Cell::Null, |x| Cell::Text(x.to_string()))
    }

    fn int<T: TryInto<i64>>(v: T) -> Cell {
        v.try_into().map_or(Cell::Null, Cell::Int)
    }

    /// The cell as CSV text.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Null => "".into(),
            Cell::Int(n) => n.to_string().into(),
            Cell::Bool(b) => b.to_string().into(),
            Cell::Text(s) => s.as_str().into(),
        }
    }
}

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
        .filter_map(|l| l.clause.task.as_deref().map(|t| (l, t)))
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

/// The documents table of one parse result: one row per document, cells
/// in [`DOCUMENT_COLUMNS`] order.
pub fn document_rows(p: &Parsed) -> Vec<Vec<Cell>> {
    p.documents
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let located = clauses(d);
            let tasks = located.iter().filter(|l| l.clause.task.is_some()).count();
            let unplaced = d
                .diagnostics
                .iter()
                .filter(|x| x.code == DiagCode::Unplaced)
                .count();
            let num = d.doc_number.as_ref();
            vec![
                Cell::Text(d.source.path.clone()),
                Cell::int(k + 1),
                Cell::int(d.source.line_start),
                Cell::int(d.source.line_end),
                Cell::opt(d.title.as_ref()),
                Cell::opt(d.doc_type.as_ref()),
                Cell::opt(num.map(|n| &n.raw)),
                Cell::opt(num.and_then(|n| n.issuer_code.as_ref())),
                num.and_then(|n| n.year).map_or(Cell::Null, Cell::int),
                num.and_then(|n| n.serial).map_or(Cell::Null, Cell::int),
                Cell::Text(d.issuers.join(LIST_SEP)),
                Cell::Text(d.addressees.join(LIST_SEP)),
                Cell::opt(d.date.as_ref()),
                Cell::opt(d.enclosure.as_ref().map(|e| &e.title)),
                Cell::int(located.len()),
                Cell::int(tasks),
                Cell::int(d.citations.len()),
                Cell::int(d.diagnostics.len()),
                Cell::int(unplaced),
            ]
        })
        .collect()
}

/// The clauses table of one parse result: one row per clause in document
/// order, cells in [`CLAUSE_COLUMNS`] order. `fields` holds the clause's
/// labelled lines as `label：value`, joined with `;`.
pub fn clause_rows(p: &Parsed) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for (k, d) in p.documents.iter().enumerate() {
        let number = d.doc_number.as_ref().map(|n| &n.raw);
        for l in clauses(d) {
            let c = l.clause;
            let fields: Vec<String> = c.fields.iter().map(|(k, v)| format!("{k}：{v}")).collect();
            rows.push(vec![
                Cell::Text(d.source.path.clone()),
                Cell::int(k + 1),
                Cell::opt(number),
                Cell::Text(l.part),
                Cell::Text(l.path),
                Cell::int(l.depth + 1),
                Cell::opt(enum_name(&c.kind)),
                Cell::int(c.number),
                Cell::Text(c.label.clone()),
                Cell::Text(c.heading.clone()),
                Cell::Text(c.text.clone()),
                Cell::int(c.line),
                Cell::int(c.line_end),
                Cell::Text(fields.join(LIST_SEP)),
                Cell::Bool(c.task.is_some()),
            ]);
        }
    }
    rows
}

/// The tasks table of one parse result: one row per clause with a task,
/// cells in [`TASK_COLUMNS`] order.
pub fn task_rows(p: &Parsed) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for (k, d) in p.documents.iter().enumerate() {
        let number = d.doc_number.as_ref().map(|n| n.raw.as_str()).unwrap_or("");
        for (l, t) in tasks(d) {
            let dl = t.deadline.as_ref();
            rows.push(vec![
                Cell::Text(d.source.path.clone()),
                Cell::int(k + 1),
                Cell::Text(number.to_owned()),
                Cell::Text(l.part),
                Cell::Text(l.path),
                Cell::Text(l.clause.heading.clone()),
                Cell::Text(t.lead.join(LIST_SEP)),
                Cell::Text(t.responsible.join(LIST_SEP)),
                Cell::Text(t.participating.join(LIST_SEP)),
                Cell::Text(t.implementing.join(LIST_SEP)),
                Cell::Text(t.leaders.join(LIST_SEP)),
                Cell::opt(dl.map(|x| &x.raw)),
                Cell::opt(dl.and_then(|x| x.due.as_ref())),
                dl.map_or(Cell::Null, |x| Cell::Bool(x.ongoing)),
                Cell::opt(dl.and_then(|x| enum_name(&x.kind))),
                Cell::int(l.clause.line),
            ]);
        }
    }
    rows
}

/// The serde name of a unit enum variant (`ClauseKind::Item` → `item`).
fn enum_name<T: serde::Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v).ok()? {
        serde_json::Value::String(s) => Some(s),
        _ => None,
    }
}

#[cfg(feature = "cli")]
fn write_csv(header: &[&str], rows: &[Vec<Cell>], out: &mut Vec<u8>) -> Result<()> {
    out.extend_from_slice(BOM);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out);
    let csv_err = |e: csv::Error| Error::new(ErrorKind::Input(format!("cannot write CSV: {e}")));
    w.write_record(header).map_err(csv_err)?;
    for row in rows {
        w.write_record(row.iter().map(|c| c.text().into_owned()))
            .map_err(csv_err)?;
    }
    w.flush().map_err(|e| csv_err(e.into()))?;
    Ok(())
}

/// Writes `documents.csv` for one parse result into `out`.
#[cfg(feature = "cli")]
pub fn documents_csv(p: &Parsed, out: &mut Vec<u8>) -> Result<()> {
    write_csv(&DOCUMENT_COLUMNS, &document_rows(p), out)
}

/// Writes `tasks.csv` for one parse result into `out`.
#[cfg(feature = "cli")]
pub fn tasks_csv(p: &Parsed, out: &mut Vec<u8>) -> Result<()> {
    write_csv(&TASK_COLUMNS, &task_rows(p), out)
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
    #[cfg(feature = "cli")]
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
