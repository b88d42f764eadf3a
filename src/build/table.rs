//! A task table flattened to text: its rows become `num` clauses with
//! `[header, cell]` fields, nested under its category rows.

use super::Builder;
use crate::lines::Line;
use crate::marker::ClauseKind;
use crate::record::{DiagCode, Part};
use crate::tasktable::{self, Item};

impl<'a, 't> Builder<'a, 't> {
    /// A task table whose header row is `l`.
    pub(super) fn try_table(&mut self, l: &Line<'t>) -> bool {
        let t = l.text();
        // A row has cells (a tab or a bar between them, or a run of
        // spaces) or is a short heading: a byte search, not a decoded scan
        // of every line.
        let candidate = memchr::memchr2(b'\t', b'|', t.as_bytes()).is_some()
            || crate::text::offsets_of(t, '｜').next().is_some()
            || t.len() <= 32 && crate::text::char_len(t) <= 8
            || tasktable::may_be_spaced(t);
        if !candidate {
            // (No run of spaces on it: no cut header nor its row.)
            if self.unread_table {
                self.table_left_unread(l, false);
            }
            return false;
        }
        let categories = !self.holder().tree.is_open(ClauseKind::Cn);
        let rest = self.lines.as_slice();
        let Some(table) = tasktable::read(l, &rest, self.src, self.lex, categories) else {
            drop(rest);
            self.table_left_unread(l, tasktable::may_be_spaced(t));
            return false;
        };
        drop(rest);
        self.unread_table = false;
        for (line, message) in &table.misread {
            self.diag(*line, DiagCode::Misread, message.clone());
        }
        // A table with no serial column, read again after a section of the
        // document (一、… / rows / 二、… / rows), goes on numbering its rows.
        let offset = match &self.last_table {
            Some((header, rows)) if table.by_position && *header == table.header => *rows,
            _ => 0,
        };
        let rows = table
            .items
            .iter()
            .filter(|i| matches!(i, Item::Row { .. }))
            .count() as u32;
        self.last_table = table
            .by_position
            .then(|| (table.header.clone(), offset + rows));
        let mut run = vec![l.unit()];
        for _ in 1..table.consumed {
            if let Some(n) = self.lines.pop_front() {
                run.push(n.unit());
            }
        }
        let mut items = table.items.into_iter();
        for (i, part) in table.parts {
            let Some(unit) = run.get(i).copied() else {
                continue;
            };
            if part == Part::Clause {
                match items.next() {
                    Some(Item::Category {
                        line,
                        label,
                        number,
                        heading,
                    }) => self
                        .holder()
                        .tree
                        .open(ClauseKind::Cn, number, 1, label, line, &heading),
                    Some(Item::Row {
                        line,
                        label,
                        number,
                        task,
                        fields,
                        rest,
                    }) => {
                        let (number, label) = if offset > 0 {
                            (number + offset, (number + offset).to_string())
                        } else {
                            (number, label)
                        };
                        let tree = &mut self.holder().tree;
                        tree.open(ClauseKind::Num, number, 1, label, line, &task);
                        tree.top_is_row(fields);
                        if let Some(rest) = rest {
                            tree.add_text(&rest, line, false);
                        }
                    }
                    None => {}
                }
            }
            self.own(&unit, part);
        }
        self.prev = super::Prev::None;
        true
    }

    /// A line opening a task table set out by spaces whose header names too
    /// few columns to be read (`序号  项目名称`, the rest of the header cut
    /// onto the line or two below by a wrap through the padding, a role or
    /// the deadline among them), and each row
    /// under it opening with its serial cell (`1     大良五沙…`): kept as
    /// text where they stand and reported, so that a table the parser could
    /// not rebuild is never lost without a word. A clause marker or a title
    /// ends the rows.
    /// `spaced`: the line holds a run of spaces (`tasktable::may_be_spaced`),
    /// as cells set out by spaces must.
    fn table_left_unread(&mut self, l: &Line<'t>, spaced: bool) {
        let t = l.text();
        // (The header's rest, naming a role or the deadline, on the line
        // or two under it.)
        let opens = || {
            tasktable::opens_spaced_table(t, self.lex)
                && self
                    .lines
                    .iter()
                    .take(2)
                    .any(|n| tasktable::header_rest(n.text(), self.lex))
        };
        let message = if spaced && opens() {
            self.unread_table = true;
            "read as text, though it opens a task table whose header could not be read"
        } else if !self.unread_table {
            return;
        } else if l.marker(self.decimal_mode).is_some() || l.is_title_end() {
            self.unread_table = false;
            return;
        } else if spaced && tasktable::opens_spaced_row(t) {
            "read as text, though it opens a row of the task table above"
        } else {
            return;
        };
        self.diag(l.line(), DiagCode::Misread, message);
    }
}
