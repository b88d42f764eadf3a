//! The records gongwen writes: typed serde structs, one per document.
//!
//! Field names are a contract with the scorer and downstream systems
//! (`schema: "gongwen/1"`). Every node keeps its source position. Their
//! JSON text is written by [`json`].

use serde::Serialize;

pub mod json;

use crate::docnum::DocNumber;
use crate::marker::ClauseKind;
use crate::normalize::deadline::Deadline;

pub const SCHEMA: &str = "gongwen/1";

#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq)]
pub struct Source {
    pub path: String,
    pub line_start: usize,
    pub line_end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// The yearbook envelope a document came from.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema, Default, PartialEq)]
pub struct Collection {
    pub kind: Option<String>,
    pub title: Option<String>,
    pub uid: Option<String>,
    pub granule: Option<String>,
    pub classification: Option<String>,
    pub page_count: Option<u32>,
    pub pages: Option<String>,
    #[serde(rename = "abstract")]
    pub abstract_: Option<String>,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq)]
pub struct Paragraph {
    pub line: usize,
    pub text: String,
}

/// How a task was stated in the source.
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Labelled lines or a labelled bracket (牵头单位：…).
    #[default]
    Label,
    /// Units and verbs in the prose (（市发改委牵头，市财政局配合）, 由…牵头).
    Attribution,
    /// A row of a task table.
    Table,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq, Default)]
pub struct Task {
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    pub participating: Vec<String>,
    pub implementing: Vec<String>,
    pub leaders: Vec<String>,
    pub deadline: Option<Deadline>,
    /// Which layout the task was read from.
    pub layout: Layout,
    /// The line of the sentence stating that the first unit named leads
    /// (排在第一位的部门为牵头部门), when that rule made the first unit `lead`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_rule_line: Option<usize>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq)]
pub struct Clause {
    pub kind: ClauseKind,
    pub number: u32,
    pub label: String,
    pub heading: String,
    pub text: String,
    pub line: usize,
    pub line_end: usize,
    pub children: Vec<Clause>,
    /// Labelled information under the clause, in order: [label, value].
    pub fields: Vec<(String, String)>,
    pub task: Option<Box<Task>>,
    /// A row of a task table (its task's layout is `table`).
    #[serde(skip)]
    #[schemars(skip)]
    pub table_row: bool,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq)]
pub struct Enclosure {
    pub title: String,
    pub doc_type: Option<String>,
    pub line: usize,
    pub preamble: Vec<Paragraph>,
    pub clauses: Vec<Clause>,
    pub attachments: Vec<Attachment>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<(String, String)>,
    /// The enclosed document's own signing organs, when it prints its own
    /// sign-off (a forwarded document printed whole); written only then.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issuers: Vec<String>,
    /// The date of that sign-off, ISO 8601; written only when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq)]
pub struct Attachment {
    pub label: String,
    pub title: String,
    pub line: usize,
    /// The text under the attachment's title before its first clause (an
    /// opening paragraph, a roster's 组长：… lines); written only when there
    /// is some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Paragraph>,
    pub clauses: Vec<Clause>,
    /// Labelled lines outside its clauses, label and value as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq)]
pub struct Citation {
    pub doc_number: DocNumber,
    pub title: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DiagCode {
    /// A line the grammar could not place in any element.
    Unplaced,
    /// A deadline with a typo or that could not be read.
    Deadline,
    /// Web-page furniture (navigation, metadata) around a document.
    Portal,
    /// A document with no title line.
    NoTitle,
    /// Bytes of the input that could not be decoded (or NUL bytes),
    /// replaced by U+FFFD, or a line in another encoding than the file's.
    Damaged,
    /// A line recognised as a document element (a number, a date,
    /// addressees, a clause marker) that the document's structure could
    /// only read as text: understood differently than it reads.
    Misread,
}

impl DiagCode {
    /// A line not placed, or not understood: `--strict` fails on it.
    pub fn fails_strict(self) -> bool {
        matches!(self, DiagCode::Unplaced | DiagCode::Misread)
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq)]
pub struct Diagnostic {
    pub line: usize,
    pub code: DiagCode,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq)]
pub struct Document {
    pub schema: &'static str,
    pub source: Source,
    // The yearbook envelope of the file, one copy shared by its documents
    // (a doc comment here would enter the JSON Schema).
    pub collection: Option<std::sync::Arc<Collection>>,
    /// Null for a document whose title was cut off (a web page beginning at
    /// its number or addressees); a `no_title` diagnostic says so.
    pub title: Option<String>,
    pub doc_type: Option<String>,
    pub doc_number: Option<DocNumber>,
    pub issuers: Vec<String>,
    pub addressees_raw: Option<String>,
    pub addressees: Vec<String>,
    pub date: Option<String>,
    pub preamble: Vec<Paragraph>,
    pub clauses: Vec<Clause>,
    pub enclosure: Option<Enclosure>,
    pub attachments: Vec<Attachment>,
    /// Labelled lines that come before any clause.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<(String, String)>,
    pub citations: Vec<Citation>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What `parse` returns for one input text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Parsed {
    pub source: String,
    pub collection: Option<Collection>,
    pub documents: Vec<Document>,
    /// Diagnostics for lines outside every document.
    pub diagnostics: Vec<Diagnostic>,
    /// How many lines the text has (`decode::lines`; not serialised).
    #[serde(skip)]
    pub lines: usize,
    /// Who owns each piece of each line, in source order (not serialised).
    #[serde(skip)]
    pub owners: Vec<Owner>,
    /// What the documents handed to a sink held (`parse_each`), which are
    /// not in `documents` (not serialised; empty after `parse`).
    #[serde(skip)]
    pub streamed: Streamed,
}

/// How many of the diagnostics that fail `--strict` a tally keeps (the
/// count goes on): what a run's summary names.
pub const FAILING_KEPT: usize = 20;

/// A tally of documents no longer held: their counts and their first
/// diagnostics that fail `--strict` (at most [`FAILING_KEPT`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Streamed {
    pub counts: crate::fileline::Counts,
    pub failing: Vec<Diagnostic>,
}

impl Streamed {
    /// Tallies one document.
    pub fn add(&mut self, d: &Document) {
        self.counts.add(crate::fileline::Counts::of_document(d));
        let room = FAILING_KEPT.saturating_sub(self.failing.len());
        let failing = d.diagnostics.iter().filter(|x| x.code.fails_strict());
        self.failing.extend(failing.take(room).cloned());
    }
}

/// What a piece of a source line became: the basis of line accounting
/// (every non-blank line is owned by at least one part, and each unit by
/// exactly one) and of the review report's colouring.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Envelope,
    Portal,
    Title,
    Number,
    Addressees,
    Preamble,
    Signature,
    Date,
    EnclosureTitle,
    AttachmentTitle,
    /// A clause's marker line (`depth` says how deep).
    Clause,
    /// A later line of a clause's text.
    ClauseText,
    Field,
    Toc,
    /// The 版记 under a document: distribution (抄送：…), disclosure
    /// (公开方式：…) and printing lines; and the contact note under the date
    /// (（联系人：…）), of the same end block.
    Colophon,
    Unplaced,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Owner {
    pub line: usize,
    /// Byte range in the decoded text.
    pub start: usize,
    pub end: usize,
    pub part: Part,
    /// Clause depth (1 = outermost) for `Clause` and `ClauseText`.
    pub depth: u8,
}

impl Owner {
    /// Unit `u` owned by `part` (line accounting); depth 0.
    pub fn of(u: &crate::unit::Unit, part: Part) -> Owner {
        Owner {
            line: u.line(),
            start: u.start(),
            end: u.end(),
            part,
            depth: 0,
        }
    }
}
