//! Clauses, labelled lines and the text between them: clause markers open
//! clauses in the tree, labels give fields, and wrapped lines join the
//! element they continue.

use super::Builder;
use crate::fields;
use crate::lexicon::Role;
use crate::lines::{body, Line};
use crate::marker::Marker;
use crate::record::{Paragraph, Part};
use crate::text;
use crate::unit::Unit;

/// What the previous line was, for joining wrapped lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prev {
    None,
    /// Clause or paragraph text that may continue on the next line; `count`
    /// is the numeral it ends with before a 、 (…按照一、), whose next the
    /// next line may open with (二、三类管线…): a count, not a marker.
    Text {
        open: bool,
        count: Option<u32>,
    },
    /// A field value that may continue: `open` when its line stopped
    /// mid-sentence or held no value yet (牵头单位： / 市住房城乡建设局);
    /// `cut` when it is a list of units whose last is cut inside its name
    /// (…、市生态环境 / 局、市城市管理局), which a next line completing that
    /// name goes on.
    Field {
        open: bool,
        cut: bool,
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
        && text::before_closing_bracket(s).is_some_and(text::is_sentence_end)
    {
        return false;
    }
    full_or_stopped(s, wrap)
}

/// The numeral a line ends with before a 、, after text that is not one:
/// …按照一、 → 1, …第3、 → 3; a marker alone (一、) or no 、 → none.
pub(super) fn dangling_count(s: &str) -> Option<u32> {
    let head = s.strip_suffix('、')?;
    let digits = head.trim_end_matches(|c: char| {
        crate::normalize::numeral::is_cn_numeral_char(c) || text::is_digit(c)
    });
    let numeral = &head[digits.len()..];
    if digits.is_empty() || numeral.is_empty() {
        return None;
    }
    crate::normalize::numeral::any_number(numeral)
}

/// `s` holds a 。, or is as long as a printed line: 60 characters, or one
/// short of the wrap width. At least the smaller of the two, which a long
/// line shows by its byte length alone.
fn full_or_stopped(s: &str, wrap: Option<usize>) -> bool {
    let at_least = wrap.map_or(60, |w| w.saturating_sub(1).min(60));
    at_least == 0 || !text::chars_at_most(s, at_least - 1) || text::has_char(s, '。')
}

/// The width at which a document's lines were cut, when they were: the
/// most common length of its longer lines, if it is common enough.
pub(super) fn wrap_width(lines: &[Line]) -> Option<usize> {
    // Each line's length counted once.
    let lens: Vec<usize> = lines.iter().map(|l| l.chars()).collect();
    // How many lines have each length: most are short, so a table for
    // those and a map for the rest.
    let mut short = [0usize; 256];
    let mut rest = std::collections::BTreeMap::new();
    let mut long = 0usize;
    for &n in &lens {
        if n >= 15 {
            long += 1;
            match short.get_mut(n) {
                Some(k) => *k += 1,
                None => *rest.entry(n).or_insert(0usize) += 1,
            }
        }
    }
    let (width, count) = (short.iter().copied().enumerate())
        .chain(rest)
        .filter(|&(_, c)| c > 0)
        .max_by_key(|&(w, c)| (c, w))?;
    // Lines cut at a width stop mid-sentence: most of them end without
    // a full stop (equal-length headings or sentences do not).
    let cut = lines
        .iter()
        .zip(&lens)
        .filter(|(l, n)| **n == width && !l.ends_sentence())
        .count();
    (count >= 4 && count * 4 >= long && cut * 2 > count && width < 60).then_some(width)
}

impl<'a, 't> Builder<'a, 't> {
    fn add_fields(&mut self, pairs: Vec<(String, String)>) {
        let h = self.holder();
        match h.tree.top_fields() {
            Some(f) => f.extend(pairs),
            None => h.fields.extend(pairs),
        }
    }

    /// A labelled line: its fields go to the open clause.
    pub(super) fn label(&mut self, l: Line<'t>) {
        let pairs = fields::split_labels(l.text(), self.lex);
        let empty = pairs.last().is_some_and(|(_, v)| v.is_empty());
        let open = is_open_line(l.text(), self.wrap) || empty;
        self.add_fields(pairs);
        self.own(&l, Part::Field);
        self.prev = Prev::Field {
            open,
            cut: self.last_unit_cut(),
        };
    }

    /// The last field, of the clause being built or else of the holder.
    fn last_field(&mut self) -> Option<&mut (String, String)> {
        let h = self.holder();
        match h.tree.top_fields() {
            Some(f) => f.last_mut(),
            None => h.fields.last_mut(),
        }
    }

    /// The last field lists units and its last unit is cut inside its
    /// name: it ends like no unit (…、市生态环境).
    fn last_unit_cut(&mut self) -> bool {
        let lex = self.lex;
        let Some((label, value)) = self.last_field() else {
            return false;
        };
        let units = matches!(
            lex.role_of(label),
            Role::Lead | Role::Responsible | Role::Participating | Role::Implementing
        );
        let last = text::trim(value.rsplit(['、', '，', ',']).next().unwrap_or(""));
        units
            && !last.is_empty()
            && !last.contains(['。', '；', ';'])
            && !lex.attribution.is_unit(last)
    }

    /// `t` opens with the rest of the last field's cut unit: the two make
    /// a unit's name (市生态环境 + 局).
    pub(super) fn completes_cut_unit(&mut self, t: &str) -> bool {
        let lex = self.lex;
        let Some((_, value)) = self.last_field() else {
            return false;
        };
        let last = text::trim(value.rsplit(['、', '，', ',']).next().unwrap_or(""));
        let first = text::trim(
            t.split(['、', '，', ',', '；', ';', '。'])
                .next()
                .unwrap_or(""),
        );
        !first.is_empty() && lex.attribution.is_unit(&[last, first].concat())
    }

    /// The next marker run into `t` after a full stop, when it is the
    /// number the numbering expects (`pending`: the clause being opened,
    /// which counts as seen).
    fn run_on_after_stop(
        &mut self,
        t: &str,
        from: usize,
        pending: Option<&Marker>,
    ) -> Option<usize> {
        let tree = &self.holder().tree;
        body::marker_after_stop(t, from, |m| {
            let (want, seen) = match pending {
                Some(p) if p.kind == m.kind => (p.number + 1, true),
                _ => (tree.expected(m.kind), tree.seen(m.kind)),
            };
            m.number == want && (m.number > 1 || !seen)
        })
    }

    pub(super) fn clause(&mut self, l: Line<'t>, m: Marker) {
        let t = l.text();
        // Split off a marker run into the heading, or after a full stop.
        if let Some(at) =
            body::marker_in_heading(t, &m).or_else(|| self.run_on_after_stop(t, m.body, Some(&m)))
        {
            let (a, b) = l.split_at(at);
            if let Some(b) = b {
                self.push_front(b);
            }
            if let Some(a) = a {
                self.open_clause(a, m);
            }
            return;
        }
        self.open_clause(l.unit(), m);
    }

    fn open_clause(&mut self, u: Unit<'t>, m: Marker) {
        // Markdown bold around a whole heading (**一、总体要求**).
        let mut body = u.text()[m.body..].trim_end_matches('*');
        let mut bracket = None;
        if let Some((at, pairs)) = fields::closing_bracket(body, self.lex) {
            bracket = Some(pairs);
            body = &body[..at];
        }
        let label = text::trim(&u.text()[..m.len])
            .trim_start_matches('*')
            .to_owned();
        let depth = m.parts.len().max(1);
        let open = is_open_line(u.text(), self.wrap) && bracket.is_none();
        self.holder()
            .tree
            .open(m.kind, m.number, depth, label, u.line(), text::trim(body));
        self.own(&u, Part::Clause);
        if let Some(p) = bracket {
            self.add_fields(p);
        }
        self.prev = Prev::Text {
            open,
            count: dangling_count(u.text()).filter(|_| open),
        };
    }

    /// Text that is not a marker, label or header element.
    pub(super) fn body_text(&mut self, l: Line<'t>) {
        if let Some(at) = self.run_on_after_stop(l.text(), 0, None) {
            let (a, b) = l.split_at(at);
            if let Some(b) = b {
                self.push_front(b);
            }
            if let Some(a) = a {
                self.text(a);
            }
            return;
        }
        self.text(l.unit());
    }

    fn text(&mut self, u: Unit<'t>) {
        let mut t = u.text();
        let mut bracket = None;
        if let Some((at, pairs)) = fields::closing_bracket(t, self.lex) {
            bracket = Some(pairs);
            t = text::trim(&t[..at]);
        }
        let wrapped = matches!(self.prev, Prev::Text { open: true, .. });
        let field_wrap = match self.prev {
            Prev::Field { open: true, .. } => true,
            Prev::Field { cut: true, .. } => self.completes_cut_unit(t),
            _ => false,
        };
        if field_wrap && bracket.is_none() && self.continue_field(t) {
            self.own(&u, Part::Field);
            return;
        }
        let h = self.holder();
        let in_clause = h.tree.depth() > 0;
        if !h.tree.add_text(t, u.line(), wrapped) {
            match h.preamble.last_mut() {
                Some(p) if wrapped => p.text.push_str(t),
                _ => h.preamble.push(Paragraph {
                    line: u.line(),
                    text: t.to_owned(),
                }),
            }
        }
        // A task bracket opened on the previous line closes here.
        if wrapped && bracket.is_none() && t.ends_with(|c: char| text::is_close_bracket(c)) {
            let lex = self.lex;
            let tree = &mut self.holder().tree;
            if let Some((at, pairs)) = tree
                .top_text()
                .and_then(|t| fields::closing_bracket(t, lex))
            {
                tree.cut_top_text(at);
                if let Some(f) = tree.top_fields() {
                    f.extend(pairs);
                }
            }
        }
        let open = is_open_line(t, self.wrap) && bracket.is_none();
        self.prev = Prev::Text {
            open,
            count: dangling_count(t).filter(|_| open),
        };
        self.own(
            &u,
            if in_clause {
                Part::ClauseText
            } else {
                Part::Preamble
            },
        );
        if let Some(p) = bracket {
            self.add_fields(p);
        }
    }

    /// A field value wrapped onto this line: appended to the last field.
    fn continue_field(&mut self, t: &str) -> bool {
        let wrap = self.wrap;
        let h = self.holder();
        let fields = match h.tree.top_fields() {
            Some(f) => f,
            None => &mut h.fields,
        };
        let Some(last) = fields.last_mut() else {
            return false;
        };
        last.1.push_str(t);
        self.prev = Prev::Field {
            open: is_open_line(t, wrap),
            cut: self.last_unit_cut(),
        };
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn lines(t: &str) -> Vec<Line<'_>> {
        Line::all(t, &Lexicon::builtin())
    }

    /// `full_or_stopped` answers as counting the characters does, on every
    /// line of the sample and the cases, for every wrap width.
    #[test]
    fn open_lines_as_by_counting() {
        let counted = |s: &str, wrap: Option<usize>| {
            let n = text::char_len(s);
            text::has_char(s, '。') || n >= 60 || wrap.is_some_and(|w| n + 1 >= w)
        };
        let mut texts = crate::testdata::sample_and_case_lines();
        texts.extend((0..70).map(|k| "长".repeat(k)));
        for t in &texts {
            let t = text::trim(t);
            for wrap in std::iter::once(None).chain((0..70).map(Some)) {
                assert_eq!(full_or_stopped(t, wrap), counted(t, wrap), "{wrap:?} {t}");
            }
        }
    }

    #[test]
    fn counts_a_line_ends_with() {
        assert_eq!(dangling_count("燃气等管线按照一、"), Some(1));
        assert_eq!(dangling_count("分为第3、"), Some(3));
        assert_eq!(dangling_count("划分为十一、"), Some(11));
        // A marker alone, no 、, or no numeral before it: none.
        for s in ["一、", "按照一", "加强组织、", "、", ""] {
            assert_eq!(dangling_count(s), None, "{s}");
        }
    }

    #[test]
    fn wrap_width_needs_lines_cut_mid_sentence() {
        let cut = "为贯彻落实国务院办公厅关于加强城市内涝治理的实施\n意见精神，系统推进我市城市内涝治理工作，切实保障\n人民群众生命财产安全，经市人民政府同意，现就有关\n事项通知如下，请各单位结合实际认真贯彻落实执行。\n到二〇二五年，各城区建成较为完善的排水防涝工程体\n系，排水防涝能力与建设海绵城市要求更加匹配。\n";
        assert_eq!(wrap_width(&lines(cut)), Some(24));
        // Equal-length headings that end their sentences are not a wrap.
        let headings = "（一）加强组织领导工作落实到位。\n（二）强化资金保障工作落实到位。\n（三）严格监督考核工作落实到位。\n（四）做好宣传引导工作落实到位。\n";
        assert_eq!(wrap_width(&lines(headings)), None);
        // The most common length may be a long one (counted apart from the
        // short ones): it wins, and a width of 60 or more is no wrap.
        let long_line = "长".repeat(299) + "，";
        let mostly_long = format!("{cut}{}", format!("{long_line}\n").repeat(7));
        assert_eq!(wrap_width(&lines(&mostly_long)), None);
        let fewer_long = format!("{cut}{}", format!("{long_line}\n").repeat(3));
        assert_eq!(wrap_width(&lines(&fewer_long)), Some(24));
    }
}
