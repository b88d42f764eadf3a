//! What each source line became: the colouring of the review report's
//! source view.
//!
//! The classes come from the parser's line accounting (`Parsed.owners`),
//! which names the element every piece of every line became. For records
//! without it (read back from JSON), they are worked out from the records
//! alone: lines with a position in the record are placed first (clauses by
//! `line`..`line_end` and depth, preambles, enclosure and attachment titles,
//! diagnostics), and header elements the record keeps without a line are
//! found by comparing texts within the document's range.

use std::collections::BTreeMap;

use crate::decode::Line;
use crate::normalize::date::parse_date;
use crate::record::{DiagCode, Diagnostic, Document, Parsed};
use crate::table;
use crate::text::squash;

/// What one source line became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineClass {
    /// Blank, or outside every document with no envelope.
    Neutral,
    /// Yearbook envelope (header and footer).
    Envelope,
    /// Web-page furniture.
    Portal,
    Title,
    Number,
    Addressees,
    Preamble,
    Signature,
    Date,
    EnclosureTitle,
    Attachment,
    /// A clause's first line, with its depth (0 = outermost).
    Clause(usize),
    /// A later line of a clause's text.
    ClauseText(usize),
    /// A labelled line (牵头单位：…).
    Field,
    Unplaced,
    /// Inside a document, but no record element names it.
    Body,
}

/// Clause depths beyond this share the deepest colour.
pub const MAX_DEPTH: usize = 5;

impl LineClass {
    /// The CSS class of the line.
    pub fn css(self) -> String {
        match self {
            LineClass::Clause(d) => format!("k-clause k-d{}", d.min(MAX_DEPTH)),
            LineClass::ClauseText(d) => format!("k-ctext k-d{}", d.min(MAX_DEPTH)),
            other => format!("k-{}", other.name()),
        }
    }

    /// A short name, also used in the legend and as a tooltip.
    pub fn name(self) -> &'static str {
        match self {
            LineClass::Neutral => "neutral",
            LineClass::Envelope => "envelope",
            LineClass::Portal => "portal",
            LineClass::Title => "title",
            LineClass::Number => "number",
            LineClass::Addressees => "addressees",
            LineClass::Preamble => "preamble",
            LineClass::Signature => "signature",
            LineClass::Date => "date",
            LineClass::EnclosureTitle => "enclosure",
            LineClass::Attachment => "attachment",
            LineClass::Clause(_) => "clause",
            LineClass::ClauseText(_) => "clause-text",
            LineClass::Field => "field",
            LineClass::Unplaced => "unplaced",
            LineClass::Body => "body",
        }
    }
}

/// The class of every line (index = line number − 1) and the diagnostics
/// on each line.
#[derive(Debug)]
pub struct Classes<'a> {
    pub classes: Vec<LineClass>,
    pub diagnostics: BTreeMap<usize, Vec<&'a Diagnostic>>,
}

/// Classifies the lines of `text` (as split by `decode::lines`) from the
/// records parsed from it.
pub fn classify<'a>(p: &'a Parsed, text: &str, lines: &[Line]) -> Classes<'a> {
    if !p.owners.is_empty() {
        return from_owners(p, lines);
    }
    let squashed: Vec<String> = lines
        .iter()
        .map(|l| squash(text.get(l.start..l.end).unwrap_or("")))
        .collect();
    let mut c = Classifier {
        squashed: &squashed,
        classes: vec![LineClass::Neutral; lines.len()],
    };
    let outside = if p.collection.is_some() {
        LineClass::Envelope
    } else {
        LineClass::Neutral
    };
    for no in 1..=lines.len() {
        c.set_if_free(no, outside);
    }
    for d in &p.documents {
        c.document(d);
    }
    let mut diagnostics: BTreeMap<usize, Vec<&Diagnostic>> = BTreeMap::new();
    let all = p
        .diagnostics
        .iter()
        .chain(p.documents.iter().flat_map(|d| d.diagnostics.iter()));
    for d in all {
        match d.code {
            DiagCode::Unplaced => c.force(d.line, LineClass::Unplaced),
            DiagCode::Portal => c.force(d.line, LineClass::Portal),
            _ => {}
        }
        diagnostics.entry(d.line).or_default().push(d);
    }
    Classes {
        classes: c.classes,
        diagnostics,
    }
}

/// The exact classes, from the parser's line accounting (`Parsed.owners`):
/// a line split into several elements takes its first one's class.
fn from_owners<'a>(p: &'a Parsed, lines: &[Line]) -> Classes<'a> {
    use crate::record::Part;
    let mut classes = vec![LineClass::Neutral; lines.len()];
    let mut set = vec![false; lines.len()];
    for o in &p.owners {
        let Some(i) = o.line.checked_sub(1).filter(|i| *i < classes.len()) else {
            continue;
        };
        if set[i] {
            continue;
        }
        let depth = (o.depth as usize).saturating_sub(1);
        classes[i] = match o.part {
            Part::Envelope => LineClass::Envelope,
            Part::Portal => LineClass::Portal,
            Part::Title => LineClass::Title,
            Part::Number => LineClass::Number,
            Part::Addressees => LineClass::Addressees,
            Part::Preamble => LineClass::Preamble,
            Part::Signature => LineClass::Signature,
            Part::Date => LineClass::Date,
            Part::EnclosureTitle => LineClass::EnclosureTitle,
            Part::AttachmentTitle => LineClass::Attachment,
            Part::Clause => LineClass::Clause(depth),
            Part::ClauseText => LineClass::ClauseText(depth),
            Part::Field => LineClass::Field,
            Part::Toc => LineClass::Body,
            Part::Unplaced => LineClass::Unplaced,
        };
        set[i] = true;
    }
    let mut diagnostics: BTreeMap<usize, Vec<&Diagnostic>> = BTreeMap::new();
    for d in p
        .diagnostics
        .iter()
        .chain(p.documents.iter().flat_map(|d| d.diagnostics.iter()))
    {
        diagnostics.entry(d.line).or_default().push(d);
    }
    Classes {
        classes,
        diagnostics,
    }
}

struct Classifier<'s> {
    squashed: &'s [String],
    classes: Vec<LineClass>,
}

impl Classifier<'_> {
    fn text(&self, no: usize) -> &str {
        no.checked_sub(1)
            .and_then(|i| self.squashed.get(i))
            .map_or("", String::as_str)
    }

    fn get(&self, no: usize) -> Option<LineClass> {
        no.checked_sub(1).and_then(|i| self.classes.get(i).copied())
    }

    /// Sets a non-blank line's class.
    fn force(&mut self, no: usize, class: LineClass) {
        if self.text(no).is_empty() {
            return;
        }
        if let Some(slot) = no.checked_sub(1).and_then(|i| self.classes.get_mut(i)) {
            *slot = class;
        }
    }

    /// Sets the class of a non-blank line nothing more specific has claimed.
    fn set_if_free(&mut self, no: usize, class: LineClass) {
        if matches!(
            self.get(no),
            Some(LineClass::Neutral | LineClass::Envelope | LineClass::Body)
        ) {
            self.force(no, class);
        }
    }

    fn is_body(&self, no: usize) -> bool {
        self.get(no) == Some(LineClass::Body)
    }

    fn document(&mut self, d: &Document) {
        let (start, end) = (d.source.line_start, d.source.line_end);
        for no in start..=end {
            self.force(no, LineClass::Body);
        }
        // Elements with a line in the record.
        let mut firsts = Vec::new();
        for p in &d.preamble {
            self.set_if_free(p.line, LineClass::Preamble);
        }
        if let Some(e) = &d.enclosure {
            self.set_if_free(e.line, LineClass::EnclosureTitle);
            for p in &e.preamble {
                self.set_if_free(p.line, LineClass::Preamble);
            }
            for a in &e.attachments {
                self.set_if_free(a.line, LineClass::Attachment);
            }
            firsts.push(e.line);
        }
        for a in &d.attachments {
            self.set_if_free(a.line, LineClass::Attachment);
            firsts.push(a.line);
        }
        let located = table::clauses(d);
        for l in &located {
            self.set_if_free(l.clause.line, LineClass::Clause(l.depth));
            firsts.push(l.clause.line);
        }
        for l in &located {
            for no in l.clause.line + 1..=l.clause.line_end {
                self.set_if_free(no, LineClass::ClauseText(l.depth));
            }
        }
        firsts.extend(d.preamble.iter().map(|p| p.line));
        // The header ends where the first placed element starts.
        let header_end = firsts.into_iter().min().unwrap_or(end + 1).min(end + 1);

        // Title: the lines from the start whose text runs along the title.
        let title = squash(d.title.as_deref().unwrap_or(""));
        let mut seen = String::new();
        for no in start..header_end.min(end + 1) {
            let t = self.text(no).to_owned();
            if t.is_empty() && seen.is_empty() {
                continue;
            }
            if t.is_empty() || !self.is_body(no) {
                break;
            }
            let next = format!("{seen}{t}");
            if !title.starts_with(&next) && !next.contains(&title) {
                break;
            }
            self.force(no, LineClass::Title);
            seen = next;
            if seen.len() >= title.len() {
                break;
            }
        }

        // Number: a line holding the raw number, near the top (it may
        // stand just before the title).
        if let Some(n) = &d.doc_number {
            let raw = squash(&n.raw);
            let from = start.saturating_sub(1).max(1);
            let to = header_end.saturating_sub(1).min(end);
            for no in from..=to {
                let free = no >= start && self.is_body(no)
                    || no < start && matches!(self.get(no), Some(LineClass::Neutral));
                if free && !raw.is_empty() && self.text(no).contains(&raw) {
                    self.force(no, LineClass::Number);
                    break;
                }
            }
        }

        // Addressees: the lines that spell out `addressees_raw`.
        if let Some(a) = &d.addressees_raw {
            let want = squash(a);
            let head: String = want.chars().take(6).collect();
            let mut no = start;
            while no <= end && no < header_end.max(start + 1) {
                if self.is_body(no) && !head.is_empty() && self.text(no).starts_with(&head) {
                    let mut got = String::new();
                    while no <= end && self.is_body(no) {
                        let t = self.text(no).to_owned();
                        let core = t.trim_end_matches([':', '：']);
                        if !got.is_empty() && !want.contains(core) {
                            break;
                        }
                        got.push_str(core);
                        self.force(no, LineClass::Addressees);
                        no += 1;
                        if got.len() >= want.len() {
                            break;
                        }
                    }
                    break;
                }
                no += 1;
            }
        }

        // Labelled fields: lines that open with one of the labels the
        // record holds.
        let mut labels: Vec<String> = located
            .iter()
            .flat_map(|l| l.clause.fields.iter().map(|(k, _)| squash(k)))
            .chain(d.fields.iter().map(|(k, _)| squash(k)))
            .chain(
                d.enclosure
                    .iter()
                    .flat_map(|e| e.fields.iter().map(|(k, _)| squash(k))),
            )
            .filter(|k| !k.is_empty())
            .collect();
        labels.sort();
        labels.dedup();
        for no in start..=end {
            if !self.is_body(no) {
                continue;
            }
            let t = self.text(no);
            let t = t.trim_start_matches(['(', '[', '〔', '【']);
            if labels.iter().any(|k| t.starts_with(k.as_str())) {
                self.force(no, LineClass::Field);
            }
        }
        // Date and signature: the line that is the record's date, and the
        // short lines just above it (the issuing organs).
        if let Some(date) = &d.date {
            let date_line = (start..=end).find(|&no| {
                self.is_body(no) && {
                    let t = self.text(no);
                    t.chars().count() <= 24
                        && parse_date(t).is_some_and(|(dt, _)| dt.iso() == *date)
                }
            });
            if let Some(dl) = date_line {
                self.force(dl, LineClass::Date);
                let mut no = dl;
                // The organs sit just above the date: at most a few lines.
                while no > start && dl - no < 4 {
                    no -= 1;
                    let t = self.text(no);
                    if t.is_empty() {
                        continue;
                    }
                    let short =
                        t.chars().count() <= 40 && !t.ends_with('。') && !t.contains([':', '：']);
                    if self.is_body(no) && short {
                        self.force(no, LineClass::Signature);
                    } else {
                        break;
                    }
                }
            }
        }
        for no in start..=end {
            if self.is_body(no) {
                let t = self.text(no);
                if d.issuers.iter().any(|i| squash(i) == t) {
                    self.force(no, LineClass::Signature);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> Vec<LineClass> {
        let lex = crate::Lexicon::builtin();
        let p = crate::parse(text, "x.txt", &lex);
        let lines = crate::decode::lines(text);
        classify(&p, text, &lines).classes
    }

    #[test]
    fn header_clauses_and_fields_are_told_apart() {
        let text = "关于印发某方案的通知\n国办发〔2019〕5号\n各部门：\n现将方案印发给你们。\n一、总体要求\n（一）做好工作。\n牵头单位：市财政局\n完成时限：2019年底前\n国务院办公厅\n2019年3月1日\n";
        let c = classes(text);
        assert_eq!(c[0], LineClass::Title);
        assert_eq!(c[1], LineClass::Number);
        assert_eq!(c[2], LineClass::Addressees);
        assert_eq!(c[4], LineClass::Clause(0));
        assert_eq!(c[5], LineClass::Clause(1));
        assert_eq!(c[6], LineClass::Field);
        assert_eq!(c[7], LineClass::Field);
    }

    #[test]
    fn css_classes_cap_the_depth() {
        assert_eq!(LineClass::Clause(9).css(), "k-clause k-d5");
        assert_eq!(LineClass::Field.css(), "k-field");
    }
}
