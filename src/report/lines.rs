//! What each source line became: the colouring of the review report's
//! source view.
//!
//! The classes come from the parser's line accounting (`Parsed.owners`),
//! which names the element every piece of every line became: what the
//! archivist sees is what the parser decided, with no second classifier.

use std::collections::BTreeMap;

use crate::decode::Line;
use crate::record::{Diagnostic, Parsed};

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
pub fn classify<'a>(p: &'a Parsed, lines: &[Line]) -> Classes<'a> {
    from_owners(p, lines)
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
            Part::Signature | Part::Colophon => LineClass::Signature,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> Vec<LineClass> {
        let lex = crate::Lexicon::builtin();
        let p = crate::parse(text, "x.txt", &lex);
        let lines = crate::decode::lines(text);
        classify(&p, &lines).classes
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
