//! The file line: the last line of every input's JSON Lines output.
//!
//! The document records say nothing of the lines that belong to no
//! document — text before the first title, page furniture, the yearbook
//! envelope — nor of bytes that had to be replaced when decoding. The file
//! line carries them: the file's path, its collection (the yearbook
//! envelope, as the JSON form holds it), its counts and the diagnostics of
//! the lines outside every document (`damaged` ones included), so that the
//! JSON Lines lose nothing the JSON form holds. It is written for every
//! file, also one with no document (whose output is then this line alone).
//!
//! ```json
//! {"schema":"gongwen/1","kind":"file","path":"a.txt","collection":null,
//!  "counts":{"documents":1,"lines":12,"clauses":3,"tasks":1,"diagnostics":1,"unplaced":1},
//!  "diagnostics":[{"line":1,"code":"unplaced","message":"text before the first document title"}]}
//! ```
//!
//! It has neither a `title` nor a `source` key, the keys that make a JSON
//! object a document record to readers such as the scorer; `kind` tells it
//! apart from a record, which has no `kind`.

use serde::Serialize;

use crate::record::{Clause, Collection, Diagnostic, Document, Parsed, SCHEMA};

/// What a line of the JSON Lines output is, when it is not a document.
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// The file line, last of every input's output.
    File,
}

/// What one input file holds, in numbers.
#[derive(Debug, Default, Clone, Copy, Serialize, schemars::JsonSchema, PartialEq, Eq)]
pub struct Counts {
    /// Documents: the records written before the file line.
    pub documents: usize,
    /// Lines of the decoded text (a final line without a line end counts).
    pub lines: usize,
    /// Clauses of every document, enclosures and attachments included.
    pub clauses: usize,
    /// Clauses among them that carry a task.
    pub tasks: usize,
    /// Diagnostics of the whole file: its documents' and the file line's.
    pub diagnostics: usize,
    /// `unplaced` and `misread` diagnostics among them: lines no element
    /// took or that the structure could not read as what they are.
    pub unplaced: usize,
}

impl Counts {
    /// The counts of one parsed input.
    pub fn of(p: &Parsed) -> Counts {
        let mut c = Counts {
            lines: p.lines,
            ..Counts::default()
        };
        c.add_diagnostics(&p.diagnostics);
        for d in &p.documents {
            c.add(Counts::of_document(d));
        }
        c.add(p.streamed.counts);
        c
    }

    /// The counts of one document (`lines` left at 0): what a part of a
    /// file adds up.
    pub fn of_document(d: &Document) -> Counts {
        fn clauses(cs: &[Clause], c: &mut Counts) {
            for x in cs {
                c.clauses += 1;
                c.tasks += usize::from(x.task.is_some());
                clauses(&x.children, c);
            }
        }
        let mut c = Counts {
            documents: 1,
            ..Counts::default()
        };
        c.add_diagnostics(&d.diagnostics);
        clauses(&d.clauses, &mut c);
        if let Some(e) = &d.enclosure {
            clauses(&e.clauses, &mut c);
            for a in &e.attachments {
                clauses(&a.clauses, &mut c);
            }
        }
        for a in &d.attachments {
            clauses(&a.clauses, &mut c);
        }
        c
    }

    /// Counts `diagnostics` (and the unplaced lines among them).
    pub fn add_diagnostics<'d>(&mut self, diagnostics: impl IntoIterator<Item = &'d Diagnostic>) {
        for d in diagnostics {
            self.diagnostics += 1;
            self.unplaced += usize::from(d.code.fails_strict());
        }
    }

    /// Adds another file's counts (totals over many files).
    pub fn add(&mut self, o: Counts) {
        self.documents += o.documents;
        self.lines += o.lines;
        self.clauses += o.clauses;
        self.tasks += o.tasks;
        self.diagnostics += o.diagnostics;
        self.unplaced += o.unplaced;
    }
}

/// The file line: the last line of every input's JSON Lines output, after
/// its document records (none for a file without a document). The file's
/// path, collection and counts, and the diagnostics of the lines that
/// belong to no document.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq)]
// No other key may appear: a `title` or `source` would make it a document.
#[serde(deny_unknown_fields)]
pub struct FileLine<'a> {
    pub schema: &'static str,
    /// Always `file`.
    pub kind: LineKind,
    /// The input as the records name it (`source.path`).
    pub path: &'a str,
    /// The yearbook envelope the file came in, or null.
    pub collection: Option<&'a Collection>,
    pub counts: Counts,
    /// Diagnostics of the lines outside every document, and of damaged
    /// bytes replaced when decoding (`damaged`), in line order.
    pub diagnostics: &'a [Diagnostic],
}

impl<'a> FileLine<'a> {
    /// The file line of one parsed input.
    pub fn of(p: &'a Parsed) -> FileLine<'a> {
        FileLine {
            schema: SCHEMA,
            kind: LineKind::File,
            path: &p.source,
            collection: p.collection.as_ref(),
            counts: Counts::of(p),
            diagnostics: &p.diagnostics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Parsed {
        crate::parse(text, "a.txt", &crate::Lexicon::builtin())
    }

    #[test]
    fn counts_a_document_and_the_text_before_it() {
        let p = parse("杂项一行\n关于印发某方案的通知\n国办发〔2019〕5号\n各部门：\n一、总体要求\n（一）做好工作。\n牵头单位：市财政局\n\n");
        let c = Counts::of(&p);
        assert_eq!(
            c,
            Counts {
                documents: 1,
                lines: 8,
                clauses: 2,
                tasks: 1,
                diagnostics: 1,
                unplaced: 1,
            }
        );
        let v = serde_json::to_value(FileLine::of(&p)).unwrap_or_default();
        assert_eq!(v["kind"], "file");
        assert_eq!(v["path"], "a.txt");
        assert_eq!(v["diagnostics"][0]["line"], 1);
        assert_eq!(v["diagnostics"][0]["code"], "unplaced");
        assert!(v.get("title").is_none() && v.get("source").is_none());
    }

    #[test]
    fn a_file_without_a_document_still_has_its_line() {
        let p = parse("今天天气很好。\n我们去公园散步。\n");
        let line = FileLine::of(&p);
        assert_eq!(line.counts.documents, 0);
        assert_eq!(line.counts.lines, 2);
        assert_eq!(line.counts.unplaced, 2);
        assert_eq!(line.diagnostics.len(), 2);
        let text = serde_json::to_string(&line).unwrap_or_default();
        assert!(
            text.starts_with(r#"{"schema":"gongwen/1","kind":"file","path":"a.txt","collection":null,"counts":{"documents":0,"lines":2,"#),
            "{text}"
        );
    }
}
