//! One document: title, number, addressees, signature, date, and the body
//! handed out to the notice, its enclosed document and its attachments.
//!
//! The body is read unit by unit by a small state machine (`Zone`): the
//! notice's own text, then — for a transmittal notice, once it has signed —
//! the enclosed document, whose clause paths start afresh, and any 附件
//! blocks. Every unit ends up in exactly one element of the record.

use std::collections::VecDeque;

use crate::clauses::Tree;
use crate::docnum::{self, DocNumber};
use crate::fields;
use crate::lexicon::Lexicon;
use crate::marker::{self, ClauseKind, Marker};
use crate::normalize::date::{is_date_line, parse_date};
use crate::normalize::units::split_list;
use crate::organs::{is_person_signature, is_signature_text, split_organs};
use crate::record::*;
use crate::segment;
use crate::tasktable::{self, Item};
use crate::text;
use crate::unit::Unit;

/// A line wholly in brackets: a note such as （此件公开发布）.
fn is_bracketed_note(s: &str) -> bool {
    let mut cs = s.chars();
    matches!((cs.next(), cs.next_back()), (Some(a), Some(b)) if text::is_open_paren(a) && text::is_close_paren(b))
}

/// The titles quoted in 《》 in a text (outermost pairs).
fn quoted_titles(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let a = rest.find('《')?;
        let after = &rest[a + '《'.len_utf8()..];
        let mut depth = 1;
        for (i, c) in after.char_indices() {
            match c {
                '《' => depth += 1,
                '》' => {
                    depth -= 1;
                    if depth == 0 {
                        rest = &after[i + c.len_utf8()..];
                        return Some(&after[..i]);
                    }
                }
                _ => {}
            }
        }
        None
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Notice,
    Enclosure,
    Attachment,
}

/// The part of the record clauses are being written to.
struct Holder {
    tree: Tree,
    preamble: Vec<Paragraph>,
    fields: Vec<(String, String)>,
}

impl Holder {
    fn new() -> Holder {
        Holder {
            tree: Tree::new(),
            preamble: Vec::new(),
            fields: Vec::new(),
        }
    }
}

/// What the previous unit was, for joining wrapped lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    None,
    /// Clause or paragraph text that may continue on the next line.
    Text {
        open: bool,
    },
    /// A field value that may continue.
    Field {
        open: bool,
    },
}

/// A line continues the previous one when that one stopped mid-sentence:
/// it has a 。 but does not end with one, ends with a comma, or is as long
/// as a printed line (60 characters, or the document's wrap width when its
/// lines were cut at a fixed width).
fn is_open_line(s: &str, wrap: Option<usize>) -> bool {
    let Some(last) = s.chars().last() else {
        return false;
    };
    if text::is_sentence_end(last) || text::is_colon(last) {
        return false;
    }
    if matches!(last, '，' | ',' | '、') {
        return true;
    }
    // A bracket closing a finished sentence (…行为。（区财政局负责）) ends it too.
    if text::is_close_bracket(last)
        && text::before_closing_bracket(s).is_some_and(|c| text::is_sentence_end(c))
    {
        return false;
    }
    let n = text::char_len(s);
    s.contains('。') || n >= 60 || wrap.is_some_and(|w| n + 1 >= w)
}

/// The width at which a document's lines were cut, when they were: the
/// most common length of its longer lines, if it is common enough.
fn wrap_width(units: &[Unit]) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::new();
    let mut long = 0usize;
    for u in units {
        let n = u.chars();
        if n >= 15 {
            long += 1;
            *counts.entry(n).or_insert(0usize) += 1;
        }
    }
    let (&width, &count) = counts.iter().max_by_key(|(w, c)| (**c, **w))?;
    // Lines cut at a width stop mid-sentence: most of them end without
    // a full stop (equal-length headings or sentences do not).
    let cut = units
        .iter()
        .filter(|u| u.chars() == width && !u.ends_sentence())
        .count();
    (count >= 4 && count * 4 >= long && cut * 2 > count && width < 60).then_some(width)
}

pub struct Builder<'a, 't> {
    lex: &'a Lexicon,
    units: VecDeque<Unit<'t>>,
    doc: Document,
    zone: Zone,
    holders: Vec<Holder>,
    enclosure: Option<Enclosure>,
    /// Attachments opened in the notice zone / in the enclosure.
    attachments: Vec<(Zone, Attachment, Holder)>,
    signed: bool,
    transmittal: bool,
    quoted_title: Option<String>,
    decimal_mode: bool,
    prev: Prev,
    owners: Vec<Owner>,
    /// The fixed width the document's lines were cut at, if any.
    wrap: Option<usize>,
    /// Inside a table of contents: the first entry's marker, once seen.
    toc: Option<Option<TocEntry>>,
    /// After 附件： before the signature: the numbered lines that follow
    /// list the attachments; they are not clauses.
    attachment_list: bool,
}

impl<'a, 't> Builder<'a, 't> {
    fn holder(&mut self) -> &mut Holder {
        match self.zone {
            Zone::Attachment => {
                &mut self
                    .attachments
                    .last_mut()
                    .expect("attachment zone has an attachment")
                    .2
            }
            Zone::Enclosure => &mut self.holders[1],
            Zone::Notice => &mut self.holders[0],
        }
    }

    fn own(&mut self, u: &Unit, part: Part) {
        let depth = match part {
            Part::Clause | Part::ClauseText => self.holder().tree.depth().min(255) as u8,
            _ => 0,
        };
        self.owners.push(Owner {
            line: u.line,
            start: u.start,
            end: u.end,
            part,
            depth,
        });
    }

    fn diag(&mut self, line: usize, code: DiagCode, message: impl Into<String>) {
        self.doc.diagnostics.push(Diagnostic {
            line,
            code,
            message: message.into(),
        });
    }

    fn next_is_date(&self) -> bool {
        self.units.front().is_some_and(|u| is_date_line(u.text))
    }

    fn doc_year(&self) -> Option<i32> {
        self.doc
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
            .or_else(|| self.doc.doc_number.as_ref().and_then(|n| n.year))
    }

    fn take_date(&mut self, u: &Unit) -> bool {
        if let Some((d, _)) = parse_date(u.text) {
            if self.doc.date.is_none() {
                self.doc.date = Some(d.iso());
            }
            self.signed = true;
            self.prev = Prev::None;
            self.own(u, Part::Date);
            return true;
        }
        false
    }

    /// Signature lines, alone or run into the end of the last sentence.
    fn try_signature(&mut self, u: &Unit<'t>) -> bool {
        if self.zone != Zone::Notice || self.doc.date.is_some() {
            return false;
        }
        // Alone on its line, before the date (or before another signature).
        let t = u.text;
        let before_date = self.next_is_date()
            || self
                .units
                .front()
                .is_some_and(|n| is_signature_text(n.text, self.lex))
                && self.units.get(1).is_some_and(|n| is_date_line(n.text));
        if before_date && is_signature_text(t, self.lex) {
            self.doc.issuers.extend(split_organs(t, self.lex));
            self.signed = true;
            self.prev = Prev::None;
            self.own(u, Part::Signature);
            return true;
        }
        if before_date && is_person_signature(t) {
            self.signed = true;
            self.prev = Prev::None;
            self.own(u, Part::Signature);
            return true;
        }
        // Organ and date on one line: 国务院　　2019年6月18日
        if let Some((d, r)) = parse_date(t) {
            let organs = text::trim(&t[..r.start]);
            if r.end == t.len() && r.start > 0 && is_signature_text(organs, self.lex) {
                self.doc.issuers.extend(split_organs(organs, self.lex));
                self.doc.date = Some(d.iso());
                self.signed = true;
                self.prev = Prev::None;
                self.own(u, Part::Signature);
                return true;
            }
        }
        // Run into the last sentence: …贯彻落实。中共某市委员会[2020年9月23日]
        if let Some(p) = t.rfind('。') {
            let tail_at = p + '。'.len_utf8();
            let tail = &t[tail_at..];
            let (organs, date) = match parse_date(tail) {
                Some((d, r)) if text::trim(&tail[r.end..]).is_empty() => {
                    (&tail[..r.start], Some(d))
                }
                _ => (tail, None),
            };
            let organs = text::trim(organs);
            if !organs.is_empty()
                && is_signature_text(organs, self.lex)
                && (date.is_some() || self.next_is_date())
            {
                let (head, tail_unit) = u.split_at(tail_at);
                if let Some(h) = head {
                    // The sentence before the signature is read as usual.
                    self.units.push_front(h);
                }
                if let Some(tu) = tail_unit {
                    self.own(&tu, Part::Signature);
                }
                self.doc.issuers.extend(split_organs(organs, self.lex));
                if let Some(d) = date {
                    self.doc.date = Some(d.iso());
                }
                self.signed = true;
                self.prev = Prev::None;
                return true;
            }
        }
        false
    }

    /// The enclosed document's title: after the notice has signed, or a
    /// line repeating the 《》 title of the notice.
    fn try_enclosure(&mut self, u: &Unit<'t>) -> bool {
        if self.zone != Zone::Notice || self.enclosure.is_some() {
            return false;
        }
        if !segment::is_title_fragment(u, self.lex) || is_bracketed_note(u.text) {
            return false;
        }
        let squashed = text::squash(u.text);
        // An order or announcement (…令, …公告) encloses the document its
        // text quotes: 《…条例》已经…通过，现予公布.
        let promulgates = self
            .lex
            .promulgates(self.doc.title.as_deref().unwrap_or(""));
        let quoted_in_text = self.signed
            && promulgates
            && self.holders[0]
                .preamble
                .iter()
                .any(|p| quoted_titles(&p.text).any(|q| text::squash(q) == squashed));
        if !self.transmittal && !quoted_in_text {
            return false;
        }
        let quoted = quoted_in_text || self.quoted_title.as_deref().is_some_and(|q| squashed == *q);
        // A title may wrap: join up to two more fragments to reach the genre.
        let mut title = u.text.to_owned();
        let mut extra = 0;
        if !quoted && self.lex.genre_suffix(&title).is_none() {
            for k in 0..2 {
                match self.units.get(k) {
                    Some(n) if n.line != u.line && segment::is_title_fragment(n, self.lex) => {
                        title.push_str(n.text);
                        if self.lex.genre_suffix(&title).is_some() {
                            extra = k + 1;
                            break;
                        }
                    }
                    _ => break,
                }
            }
            if extra == 0 {
                return false;
            }
        }
        if !(quoted || self.signed) {
            return false;
        }
        self.own(u, Part::EnclosureTitle);
        for _ in 0..extra {
            if let Some(n) = self.units.pop_front() {
                self.own(&n, Part::EnclosureTitle);
            }
        }
        let doc_type = self.lex.genre_suffix(&title).map(|(g, _)| g.to_owned());
        self.enclosure = Some(Enclosure {
            title,
            doc_type,
            line: u.line,
            preamble: Vec::new(),
            clauses: Vec::new(),
            attachments: Vec::new(),
            fields: Vec::new(),
        });
        self.zone = Zone::Enclosure;
        self.prev = Prev::None;
        true
    }

    /// 附件：1．某某表 — a list of the attachments (numbered items), not the
    /// header of one, wherever it stands.
    fn lists_attachments(&self, t: &str) -> bool {
        self.lex.attachment.iter().any(|w| {
            text::starts_with_folded(t, w).is_some_and(|n| {
                let rest = text::trim(&t[n..]);
                let rest = rest
                    .strip_prefix(|c: char| text::is_colon(c))
                    .map_or(rest, text::trim);
                marker::marker(rest, false).is_some_and(|m| {
                    matches!(m.kind, ClauseKind::Num | ClauseKind::NumParen) && m.number == 1
                })
            })
        })
    }

    /// 附件：标题 / 附件1 (title on the next line), once the notice has
    /// signed or inside the enclosed document.
    fn try_attachment(&mut self, u: &Unit<'t>) -> bool {
        if self.zone == Zone::Notice && !self.signed || self.lists_attachments(u.text) {
            return false;
        }
        let Some((_, n)) = self
            .lex
            .attachment
            .iter()
            .find_map(|w| text::starts_with_folded(u.text, w).map(|n| (w, n)))
        else {
            return false;
        };
        let rest = &u.text[n..];
        let rest = rest.trim_start_matches(|c: char| {
            text::is_digit(c) || text::is_space(c) || text::is_colon(c) || c == '-'
        });
        let label_end = u.text.len() - rest.len();
        let label = text::trim(&u.text[..label_end])
            .trim_end_matches(text::is_colon)
            .to_owned();
        let mut title = text::trim(rest).to_owned();
        if rest.contains('。') || text::char_len(rest) > 80 {
            return false;
        }
        if title.is_empty() {
            if let Some(nu) = self.units.front() {
                if segment::is_title_fragment(nu, self.lex) {
                    title = nu.text.to_owned();
                    if let Some(n) = self.units.pop_front() {
                        self.own(&n, Part::AttachmentTitle);
                    }
                }
            }
        }
        let parent = if self.zone == Zone::Notice {
            Zone::Notice
        } else {
            Zone::Enclosure
        };
        let parent = if self.zone == Zone::Attachment {
            self.attachments.last().map_or(parent, |a| a.0)
        } else {
            parent
        };
        self.own(u, Part::AttachmentTitle);
        self.attachments.push((
            parent,
            Attachment {
                label,
                title,
                line: u.line,
                clauses: Vec::new(),
            },
            Holder::new(),
        ));
        self.zone = Zone::Attachment;
        self.prev = Prev::None;
        true
    }

    fn add_fields(&mut self, pairs: Vec<(String, String)>) {
        let h = self.holder();
        match h.tree.top() {
            Some(c) => c.fields.extend(pairs),
            None => h.fields.extend(pairs),
        }
    }

    /// Looks for a clause marker run into the text after a full stop (a
    /// document without line breaks): only the number the style expects
    /// next counts. Returns the byte offset to split at.
    fn run_on_after_stop(
        &mut self,
        t: &str,
        from: usize,
        pending: Option<&Marker>,
    ) -> Option<usize> {
        let tree = &self.holder().tree;
        // The clause being opened counts as seen.
        let expected = |k: ClauseKind| match pending {
            Some(p) if p.kind == k => (p.number + 1, true),
            _ => (tree.expected(k), tree.seen(k)),
        };
        for (i, _) in t[from..].match_indices(['。', '；', ';', '：', ':']) {
            let at = from + i + t[from + i..].chars().next().map_or(1, |c| c.len_utf8());
            let rest = text::trim(&t[at..]);
            let off = t.len() - rest.len();
            if let Some(m) = marker::marker(rest, false) {
                if matches!(m.kind, ClauseKind::CnEnum | ClauseKind::Decimal) {
                    continue;
                }
                let next = rest[m.body..].chars().next();
                let han_next = next.is_some_and(|c| text::is_han(c) || c == '“' || c == '《');
                let (want, seen) = expected(m.kind);
                if han_next && m.number == want && (m.number > 1 || !seen) {
                    return Some(off);
                }
            }
        }
        None
    }

    /// A marker run into the heading of the clause before it (…短板1.全面完成):
    /// a new list (number 1) right after an ideograph, before the first 。.
    fn run_on_in_heading(t: &str, m: &Marker) -> Option<usize> {
        let body = &t[m.body..];
        let head_end = body.find('。').unwrap_or(body.len());
        let head = &body[..head_end];
        let mut prev: Option<char> = None;
        for (i, c) in head.char_indices() {
            if i > 0
                && prev.is_some_and(|p| text::is_han(p) || p == '”')
                && (text::is_digit(c) || text::is_open_paren(c))
            {
                if let Some(n) = marker::marker(&head[i..], false) {
                    let next = head[i + n.body..].chars().next();
                    if n.number == 1
                        && matches!(
                            n.kind,
                            ClauseKind::Num | ClauseKind::NumParen | ClauseKind::CnParen
                        )
                        && n.kind != m.kind
                        && next.is_some_and(|c| text::is_han(c) || c == '“')
                    {
                        return Some(m.body + i);
                    }
                }
            }
            prev = Some(c);
        }
        None
    }

    fn clause(&mut self, u: Unit<'t>, m: Marker) {
        let t = u.text;
        // Split off a marker run into the heading, or after a full stop.
        if let Some(at) =
            Self::run_on_in_heading(t, &m).or_else(|| self.run_on_after_stop(t, m.body, Some(&m)))
        {
            let (a, b) = u.split_at(at);
            if let Some(b) = b {
                self.units.push_front(b);
            }
            if let Some(a) = a {
                self.open_clause(a, m);
            }
            return;
        }
        self.open_clause(u, m);
    }

    fn open_clause(&mut self, u: Unit<'t>, m: Marker) {
        // Markdown bold around a whole heading (**一、总体要求**).
        let mut body = u.text[m.body..].trim_end_matches('*');
        let mut bracket = None;
        if let Some((at, pairs)) = fields::closing_bracket(body, self.lex) {
            bracket = Some(pairs);
            body = &body[..at];
        }
        let label = text::trim(&u.text[..m.len])
            .trim_start_matches('*')
            .to_owned();
        let depth = m.parts.len().max(1);
        let open = is_open_line(u.text, self.wrap) && bracket.is_none();
        let line = u.line;
        self.holder()
            .tree
            .open(m.kind, m.number, depth, &label, line, text::trim(body));
        self.own(&u, Part::Clause);
        if let Some(p) = bracket {
            self.add_fields(p);
        }
        self.prev = Prev::Text { open };
    }

    /// Text that is not a marker, label or header element.
    fn body_text(&mut self, u: Unit<'t>) {
        if let Some(at) = self.run_on_after_stop(u.text, 0, None) {
            let (a, b) = u.split_at(at);
            if let Some(b) = b {
                self.units.push_front(b);
            }
            if let Some(a) = a {
                u_text(self, a)
            }
            return;
        }
        u_text(self, u);

        fn u_text<'a, 't>(b: &mut Builder<'a, 't>, u: Unit<'t>) {
            let mut t = u.text;
            let mut bracket = None;
            if let Some((at, pairs)) = fields::closing_bracket(t, b.lex) {
                bracket = Some(pairs);
                t = text::trim(&t[..at]);
            }
            let wrapped = matches!(b.prev, Prev::Text { open: true });
            let field_wrap = matches!(b.prev, Prev::Field { open: true });
            let line = u.line;
            if field_wrap && bracket.is_none() {
                let h = b.holder();
                let fields = match h.tree.top() {
                    Some(c) => &mut c.fields,
                    None => &mut h.fields,
                };
                if let Some(last) = fields.last_mut() {
                    last.1.push_str(t);
                    b.prev = Prev::Field {
                        open: is_open_line(t, b.wrap),
                    };
                    b.own(&u, Part::Field);
                    return;
                }
            }
            let h = b.holder();
            let in_clause = h.tree.depth() > 0;
            if !h.tree.add_text(t, line, wrapped) {
                match h.preamble.last_mut() {
                    Some(p) if wrapped => p.text.push_str(t),
                    _ => h.preamble.push(Paragraph {
                        line,
                        text: t.to_owned(),
                    }),
                }
            }
            // A task bracket opened on the previous line closes here.
            if wrapped && bracket.is_none() && t.ends_with(|c: char| text::is_close_bracket(c)) {
                let lex = b.lex;
                if let Some(c) = b.holder().tree.top() {
                    if let Some((at, pairs)) = fields::closing_bracket(&c.text, lex) {
                        c.text.truncate(at);
                        c.fields.extend(pairs);
                    }
                }
            }
            b.prev = Prev::Text {
                open: is_open_line(t, b.wrap) && bracket.is_none(),
            };
            b.own(
                &u,
                if in_clause {
                    Part::ClauseText
                } else {
                    Part::Preamble
                },
            );
            if let Some(p) = bracket {
                b.add_fields(p);
            }
        }
    }

    /// A table of contents (目录) repeats the headings that follow: its
    /// entries are not clauses. It ends where its first entry comes again,
    /// at an article, or at a full sentence.
    fn try_toc(&mut self, u: &Unit<'t>) -> bool {
        let t = u.text;
        let Some(first) = self.toc else {
            // 目录 / 目　　录: the word alone, spaces inside allowed.
            let is_toc = t.len() <= 32
                && self.lex.toc.iter().any(|w| {
                    text::starts_with_spaced(t, w)
                        && t.chars().filter(|c| !text::is_space(*c)).count() == w.chars().count()
                });
            if is_toc {
                self.toc = Some(None);
                self.own(u, Part::Toc);
                return true;
            }
            return false;
        };
        let m = marker::marker(t, self.decimal_mode);
        let dotted = has_page_leader(t);
        let entry = match &m {
            Some(m) if m.kind == ClauseKind::Article => None,
            // Entries printed with leaders and page numbers: a line without
            // them is the text after the contents.
            _ if first.is_some_and(|f| f.dotted) && !dotted => None,
            Some(m) => {
                let key = TocEntry::of(m, dotted);
                match first {
                    Some(f) if f.key == key.key => None,
                    Some(_) => Some(first),
                    None => Some(Some(key)),
                }
            }
            None if !t.contains('。') && text::char_len(t) <= 30 && first.is_some() => Some(first),
            None => None,
        };
        match entry {
            Some(f) => {
                self.toc = Some(f);
                self.own(u, Part::Toc);
                true
            }
            None => {
                self.toc = None;
                false
            }
        }
    }

    /// A task table (its header row here): its rows become `num` clauses
    /// with `[header, cell]` fields, nested under its category rows.
    fn try_table(&mut self, u: &Unit<'t>) -> bool {
        let t = u.text;
        let candidate = t.contains(['\t', '|', '｜']) || text::char_len(t) <= 8;
        if !candidate {
            return false;
        }
        let categories = !self.holder().tree.is_open(ClauseKind::Cn);
        let rest = self.units.make_contiguous();
        let Some(table) = tasktable::read(*u, rest, self.lex, categories) else {
            return false;
        };
        let mut run = vec![*u];
        for _ in 1..table.consumed {
            if let Some(n) = self.units.pop_front() {
                run.push(n);
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
                    }) => {
                        self.holder()
                            .tree
                            .open(ClauseKind::Cn, number, 1, &label, line, &heading)
                    }
                    Some(Item::Row {
                        line,
                        label,
                        number,
                        task,
                        fields,
                    }) => {
                        let tree = &mut self.holder().tree;
                        tree.open(ClauseKind::Num, number, 1, &label, line, &task);
                        if let Some(c) = tree.top() {
                            c.table_row = true;
                            c.fields = fields;
                        }
                    }
                    None => {}
                }
            }
            self.own(&unit, part);
        }
        self.prev = Prev::None;
        true
    }

    fn step(&mut self, u: Unit<'t>) {
        let t = u.text;
        if self.try_toc(&u) || self.try_table(&u) {
            return;
        }
        // Wrapped lines first: a line continuing the last one is text.
        let continues = matches!(
            self.prev,
            Prev::Text { open: true } | Prev::Field { open: true }
        ) && marker::marker(t, self.decimal_mode).is_none()
            && self.lex.label_at(t).is_none()
            && !is_date_line(t);
        if continues {
            self.body_text(u);
            return;
        }
        if is_date_line(t) && self.zone == Zone::Notice && self.take_date(&u) {
            return;
        }
        if self.try_signature(&u) || self.try_enclosure(&u) || self.try_attachment(&u) {
            self.attachment_list = false;
            return;
        }
        let lists_attachments = self.lists_attachments(t)
            || self.zone == Zone::Notice
                && !self.signed
                && self
                    .lex
                    .attachment
                    .iter()
                    .any(|w| t.starts_with(w.as_str()));
        if lists_attachments || self.attachment_list {
            let item = marker::marker(t, self.decimal_mode)
                .is_some_and(|m| matches!(m.kind, ClauseKind::Num | ClauseKind::NumParen))
                && !t.contains('。');
            if lists_attachments || item {
                self.attachment_list = true;
                self.prev = Prev::None;
                self.body_text(u);
                return;
            }
            self.attachment_list = false;
        }
        if let Some((_, _, _)) = self.lex.label_at(t) {
            let pairs = fields::split_labels(t, self.lex);
            let open = is_open_line(t, self.wrap);
            self.add_fields(pairs);
            self.own(&u, Part::Field);
            self.prev = Prev::Field { open };
            return;
        }
        if let Some(m) = marker::marker(t, self.decimal_mode) {
            let empty = text::trim(&t[m.body..]).is_empty();
            let law = matches!(
                m.kind,
                ClauseKind::Part | ClauseKind::Chapter | ClauseKind::Section | ClauseKind::Article
            );
            // An article number written without a space must continue the
            // sequence: 第十三条内容 at the start of a sentence is no marker.
            let seq_ok = !(m.kind == ClauseKind::Article && !m.spaced)
                || m.number == self.holder().tree.expected(m.kind)
                || m.number == 1;
            if (!empty || law) && seq_ok {
                self.clause(u, m);
                return;
            }
        }
        self.body_text(u);
    }
}

/// The first entry of a table of contents: where the contents end, the
/// text repeats it (its marker with every decimal component).
#[derive(Debug, Clone, Copy)]
struct TocEntry {
    key: (ClauseKind, u64),
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
            key: (m.kind, number),
            dotted,
        }
    }
}

/// A contents line ending in leaders and a page number: 总则……………1.
fn has_page_leader(t: &str) -> bool {
    let head = t.trim_end_matches(|c: char| text::is_digit(c) || text::is_space(c));
    head.len() < t.len() && head.ends_with(['…', '.', '·', '．', '-', '—'])
}

/// Whether the document at `start` (ending before unit `end`) takes the
/// number printed right above its title: it has a title, and no number
/// right under it.
pub fn takes_number_above(units: &[Unit], start: &segment::DocStart, end: usize) -> bool {
    let below = start.title.end < end
        && units
            .get(start.title.end)
            .is_some_and(|u| docnum::whole(u.text).is_some());
    !below
        && start.title.start > 0
        && !start.title.is_empty()
        && docnum::whole(units[start.title.start - 1].text).is_some()
}

/// Builds the record of one document from its units.
pub fn build(
    units: &[Unit],
    start: &segment::DocStart,
    end: usize,
    lex: &Lexicon,
    path: &str,
    collection: Option<&Collection>,
    src_len: usize,
) -> (Document, Vec<Owner>) {
    let mut header_owners: Vec<Owner> = Vec::new();
    let own = |u: &Unit, part: Part| u.owner(part);
    let title_units = &units[start.title.clone()];
    let title: String = title_units
        .iter()
        .map(|u| u.text)
        .collect::<Vec<_>>()
        .join("");
    let doc_type = lex.genre_suffix(&title).map(|(g, _)| g.to_owned());
    let mut i = start.title.end;
    let mut doc_number: Option<DocNumber> = None;
    if let Some(n) = units
        .get(i)
        .filter(|_| i < end)
        .and_then(|u| docnum::whole(u.text))
    {
        doc_number = Some(n);
        header_owners.push(own(&units[i], Part::Number));
        i += 1;
    } else if takes_number_above(units, start, end) {
        if let Some(n) = docnum::whole(units[start.title.start - 1].text) {
            doc_number = Some(n);
            header_owners.push(own(&units[start.title.start - 1], Part::Number));
        }
    }
    // 中华人民共和国国务院令 / 第706号: the issuer code comes from the title.
    if let Some(n) = doc_number.as_mut() {
        if n.issuer_code.is_none() && lex.promulgates(&title) {
            let code = title.trim_start_matches("中华人民共和国");
            n.issuer_code = Some(code.to_owned());
        }
    }
    let mut rest: Vec<Unit> = units[i..end].to_vec();
    let mut addressees_raw: Option<String> = None;
    // Addressees wrapped onto a second line (…各直属机 / 构：).
    if rest.len() >= 2
        && !segment::is_addressee(&rest[0], lex)
        && !rest[0].text.contains(['。', ':', '：'])
        && rest[1].line == rest[0].line + 1
    {
        let joined = format!("{}{}", rest[0].text, rest[1].text);
        let probe = Unit {
            text: &joined,
            ..rest[0]
        };
        if rest[1].chars() <= 20 && segment::is_addressee(&probe, lex) {
            header_owners.push(own(&rest[0], Part::Addressees));
            header_owners.push(own(&rest[1], Part::Addressees));
            addressees_raw = Some(joined.clone());
            rest.drain(..2);
        }
    }
    if let Some(u) = rest.first().copied().filter(|_| addressees_raw.is_none()) {
        if segment::is_addressee(&u, lex) {
            addressees_raw = Some(u.text.to_owned());
            header_owners.push(own(&u, Part::Addressees));
            rest.remove(0);
        } else if let Some((p, c)) = u.text.char_indices().find(|(_, c)| text::is_colon(*c)) {
            // Addressees run into the first sentence (a text without breaks).
            let head = u.sub(0, p + c.len_utf8()).unwrap_or(u);
            if !head.text.contains('。') && segment::is_addressee(&head, lex) {
                addressees_raw = Some(head.text.to_owned());
                header_owners.push(own(&head, Part::Addressees));
                let tail = u.sub(p + c.len_utf8(), u.text.len());
                rest.remove(0);
                if let Some(t) = tail {
                    rest.insert(0, t);
                }
            }
        }
    }
    let addressees_raw =
        addressees_raw.map(|a| text::trim(a.trim_end_matches(text::is_colon)).to_owned());
    let addressees = addressees_raw.as_deref().map_or_else(Vec::new, |a| {
        split_list(a).into_iter().map(str::to_owned).collect()
    });
    let first = &units[start.title.start];
    let last_unit = if end > 0 { &units[end - 1] } else { first };
    // The enclosed document's title as the notice names it: in 《》, or
    // between 印发 and 的通知 (关于印发某某举措的通知).
    let quoted_title = title
        .find('《')
        .and_then(|a| {
            title[a..]
                .rfind('》')
                .map(|b| text::squash(&title[a + '《'.len_utf8()..a + b]))
        })
        .or_else(|| {
            let (at, len) = Lexicon::find_any(&lex.transmittal, &title)?;
            let named = &title[at + len..];
            let (g, gat) = lex.genre_suffix(named)?;
            let named = named[..gat].strip_suffix('的').unwrap_or(&named[..gat]);
            let _ = g;
            (!named.is_empty()).then(|| text::squash(named))
        });
    let decimal_mode = rest
        .iter()
        .filter(|u| {
            matches!(
                marker::marker(u.text, false),
                Some(Marker {
                    kind: ClauseKind::Decimal,
                    ..
                })
            )
        })
        .count()
        >= 2;
    let doc = Document {
        schema: SCHEMA,
        source: Source {
            path: path.to_owned(),
            line_start: first.line,
            line_end: last_unit.line,
            byte_start: first.start,
            byte_end: last_unit.end.min(src_len),
        },
        collection: collection.cloned(),
        title: (!title_units.is_empty()).then(|| title.clone()),
        doc_type,
        doc_number,
        issuers: Vec::new(),
        addressees_raw,
        addressees,
        date: None,
        preamble: Vec::new(),
        clauses: Vec::new(),
        enclosure: None,
        attachments: Vec::new(),
        fields: Vec::new(),
        citations: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut b = Builder {
        lex,
        units: rest.into_iter().collect(),
        doc,
        zone: Zone::Notice,
        holders: vec![Holder::new(), Holder::new()],
        enclosure: None,
        attachments: Vec::new(),
        signed: false,
        // Without a title, the notice's own words say whether it transmits
        // (…现印发给你们): before its date.
        transmittal: if title_units.is_empty() {
            units[start.title.start..end]
                .iter()
                .take_while(|u| !is_date_line(u.text))
                .any(|u| segment::is_transmittal(u.text, lex))
        } else {
            segment::is_transmittal(&title, lex)
        },
        quoted_title,
        decimal_mode,
        prev: Prev::None,
        owners: Vec::new(),
        toc: None,
        wrap: wrap_width(&units[start.title.start..end]),
        attachment_list: false,
    };
    for u in title_units {
        b.own(u, Part::Title);
    }
    if title_units.is_empty() {
        b.diag(
            first.line,
            DiagCode::NoTitle,
            "no title: the document begins at its number or addressees",
        );
    }
    while let Some(u) = b.units.pop_front() {
        b.step(u);
    }
    let mut owners = std::mem::take(&mut b.owners);
    owners.extend(header_owners);
    owners.sort_by_key(|o| (o.start, o.end));
    (finish(b, &units[start.title.start..end]), owners)
}

fn finish(mut b: Builder, all: &[Unit]) -> Document {
    let lex = b.lex;
    let year = b.doc_year();
    let mut warnings: Vec<(usize, String)> = Vec::new();
    // The sentence stating that the first unit named leads, if the document has one.
    let lead_rule = all
        .iter()
        .find(|u| lex.attribution.states_lead_rule(u.text))
        .map(|u| u.line);
    let mut fill = |c: &mut crate::record::Clause| {
        let (task, warns) = if c.fields.is_empty() {
            // No label: an attribution in the clause's prose.
            match lex.attribution.find(&c.text) {
                Some(a) => {
                    let rule = lead_rule.filter(|l| *l <= c.line_end);
                    let (t, w) = fields::attribution_task(&a, lex, year, rule);
                    (Some(t), w)
                }
                None => (None, Vec::new()),
            }
        } else {
            fields::task(&c.fields, lex, year)
        };
        c.task = task.map(|mut t| {
            if c.table_row {
                t.layout = crate::record::Layout::Table;
            }
            t
        });
        warnings.extend(warns.into_iter().map(|w| (c.line, w)));
    };
    let notice = std::mem::replace(&mut b.holders[0], Holder::new());
    let enc_holder = std::mem::replace(&mut b.holders[1], Holder::new());
    b.doc.clauses = notice.tree.finish(&mut fill);
    b.doc.preamble = notice.preamble;
    b.doc.fields = notice.fields;
    let mut enclosure = b.enclosure.take();
    if let Some(e) = enclosure.as_mut() {
        e.clauses = enc_holder.tree.finish(&mut fill);
        e.preamble = enc_holder.preamble;
        e.fields = enc_holder.fields;
    }
    for (parent, mut a, h) in std::mem::take(&mut b.attachments) {
        a.clauses = h.tree.finish(&mut fill);
        match (parent, enclosure.as_mut()) {
            (Zone::Enclosure, Some(e)) => e.attachments.push(a),
            _ => b.doc.attachments.push(a),
        }
    }
    // A notice that transmits nothing but carries its attachment's full
    // text after the signature (附件 / 某某制度 / 一、…) encloses that
    // document: the first attachment with a title is the enclosure.
    if enclosure.is_none() {
        if let Some(k) = b.doc.attachments.iter().position(|a| !a.title.is_empty()) {
            let a = b.doc.attachments.remove(k);
            enclosure = Some(Enclosure {
                doc_type: lex.genre_suffix(&a.title).map(|(g, _)| g.to_owned()),
                title: a.title,
                line: a.line,
                preamble: Vec::new(),
                clauses: a.clauses,
                attachments: b.doc.attachments.split_off(k),
                fields: Vec::new(),
            });
        }
    }
    b.doc.enclosure = enclosure;
    // Issuers from the title when the notice is unsigned.
    if b.doc.issuers.is_empty() {
        let title = b.doc.title.as_deref().unwrap_or("");
        let cut = Lexicon::find_any(&lex.about, title)
            .or_else(|| Lexicon::find_any(&lex.transmittal, title));
        if let Some((at, _)) = cut {
            if at > 0 {
                b.doc.issuers = split_organs(&title[..at], lex);
            }
        } else if let Some(organ) = title.strip_suffix('令') {
            // 中华人民共和国国务院令: the organ that issues the order.
            if !organ.is_empty() {
                b.doc.issuers = vec![organ.to_owned()];
            }
        }
    }
    for (line, w) in warnings {
        b.diag(line, DiagCode::Deadline, w);
    }
    b.doc.citations = crate::cite::citations(all, b.doc.doc_number.as_ref());
    b.doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(t: &str) -> Vec<Unit<'_>> {
        Unit::all(t)
    }

    #[test]
    fn wrap_width_needs_lines_cut_mid_sentence() {
        let cut = "为贯彻落实国务院办公厅关于加强城市内涝治理的实施\n意见精神，系统推进我市城市内涝治理工作，切实保障\n人民群众生命财产安全，经市人民政府同意，现就有关\n事项通知如下，请各单位结合实际认真贯彻落实执行。\n到二〇二五年，各城区建成较为完善的排水防涝工程体\n系，排水防涝能力与建设海绵城市要求更加匹配。\n";
        assert_eq!(wrap_width(&units(cut)), Some(24));
        // Equal-length headings that end their sentences are not a wrap.
        let headings = "（一）加强组织领导工作落实到位。\n（二）强化资金保障工作落实到位。\n（三）严格监督考核工作落实到位。\n（四）做好宣传引导工作落实到位。\n";
        assert_eq!(wrap_width(&units(headings)), None);
    }
}
