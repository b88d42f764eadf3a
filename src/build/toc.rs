//! A table of contents (目录): it repeats the headings that follow, and its
//! entries are not clauses.

use super::{Block, Builder};
use crate::lines::{body, Line};
use crate::marker::{ClauseKind, Marker};
use crate::record::Part;
use crate::text;

/// The first entry of a table of contents: where the contents end, the
/// text repeats it (its marker with every decimal component).
#[derive(Debug, Clone, Copy)]
pub(super) struct TocEntry {
    /// The first numbered entry (None while only the preface is read).
    key: Option<(ClauseKind, u64)>,
    /// An unnumbered part was listed first (序言): its heading ends the
    /// contents too.
    preface: bool,
    /// Printed with leaders and a page number (总则……1).
    dotted: bool,
}

impl TocEntry {
    fn of(m: &Marker, dotted: bool) -> TocEntry {
        let number = if m.parts.is_empty() {
            u64::from(m.number)
        } else {
            m.parts.iter().fold(0u64, |a, p| {
                a.saturating_mul(1000).saturating_add(u64::from(*p))
            })
        };
        TocEntry {
            key: Some((m.kind, number)),
            preface: false,
            dotted,
        }
    }
}

impl<'a, 't> Builder<'a, 't> {
    /// The contents heading, or an entry of the contents being read. They
    /// end where the first entry comes again, at an article, or at a full
    /// sentence.
    pub(super) fn try_toc(&mut self, l: &Line<'t>) -> bool {
        let t = l.text();
        let Block::Toc(first) = self.block else {
            if body::is_toc_heading(t, self.lex) {
                self.block = Block::Toc(None);
                self.own(l, Part::Toc);
                return true;
            }
            return false;
        };
        let dotted = body::has_page_leader(t);
        let entry = match l.marker(self.decimal_mode) {
            Some(m) if m.kind == ClauseKind::Article => None,
            // Entries printed with leaders and page numbers: a line without
            // them is the text after the contents.
            _ if first.is_some_and(|f| f.dotted) && !dotted => None,
            Some(m) => {
                let key = TocEntry::of(m, dotted);
                match first {
                    Some(f) if f.key == key.key => None,
                    Some(f) if f.key.is_none() => Some(Some(TocEntry {
                        preface: true,
                        ..key
                    })),
                    Some(_) => Some(first),
                    None => Some(Some(key)),
                }
            }
            // (An unnumbered part listed first, 序言: the contents end
            // where it comes again.)
            None if body::is_toc_preface(t, self.lex) => match first {
                None => Some(Some(TocEntry {
                    key: None,
                    preface: true,
                    dotted,
                })),
                Some(f) if f.preface => None,
                Some(_) => Some(first),
            },
            None if !text::has_char(t, '。') && text::chars_at_most(t, 30) && first.is_some() => {
                Some(first)
            }
            None => None,
        };
        match entry {
            Some(f) => {
                self.block = Block::Toc(f);
                self.own(l, Part::Toc);
                true
            }
            None => {
                self.block = Block::Prose;
                false
            }
        }
    }
}
