//! The clause tree: where each marker nests.
//!
//! One rule, in one place: a marker whose style is already open on the
//! stack closes everything below that clause and becomes its sibling; a
//! style not yet open becomes a child of the innermost clause (so levels may
//! be skipped and a style may first appear below a level it usually sits
//! above). Two ladders are known beyond that: 第X章 > 第X节 > 第X条 (a law
//! style never nests under a lower law style or under list items), and
//! decimal numbering, which nests by its number of components (6.4.1 under
//! 6.4).

use std::cell::Cell;
use std::rc::Rc;

use crate::marker::ClauseKind;
use crate::record::Clause;
use crate::text;

fn law_rank(k: ClauseKind) -> Option<u8> {
    match k {
        ClauseKind::Part => Some(0),
        ClauseKind::Chapter => Some(1),
        ClauseKind::Section => Some(2),
        ClauseKind::Article => Some(3),
        _ => None,
    }
}

struct Open {
    clause: Clause,
    depth: usize,
    /// The first paragraph, from which the heading is cut.
    first: First,
    /// The first paragraph may still continue on the next line.
    first_open: bool,
    /// Its marker stood alone and its first paragraph is the next line
    /// ([`Tree::text_below`]), as an article's is.
    text_below: bool,
}

/// A clause's first paragraph. The clause's text starts with it and, while
/// it is open, is all of it, so it is held as a length of that text; only
/// when the text is cut shorter than it (a task bracket taken off the end,
/// [`Tree::cut_top_text`]) is it kept as a copy of its own.
enum First {
    Prefix(usize),
    Own(String),
}

impl First {
    fn of<'c>(&'c self, text: &'c str) -> &'c str {
        match self {
            // Only `cut_top_text` shortens the text, and it keeps `n`
            // within it (the text is given to no one else to change).
            First::Prefix(n) => &text[..*n],
            First::Own(s) => s,
        }
    }
}

#[derive(Default)]
pub struct Tree {
    roots: Vec<Clause>,
    stack: Vec<Open>,
    /// The number of the last clause opened of each kind (by `kind as usize`).
    last: [Option<u32>; ClauseKind::COUNT],
    /// The order in which each kind first opened: 1 for the first style
    /// seen, 0 for a style not seen yet.
    first: [u8; ClauseKind::COUNT],
    /// How many styles have opened.
    styles: u8,
    /// Room the document can give one long list at once ([`push_clause`]).
    room: Room,
}

/// The room a document can give its clause lists beyond doubling, counted
/// in its units (the lines that hold text, as split; a blank line is none):
/// how many it has, how many are still to be read, and a budget of places,
/// all shared by the trees of one document (the notice's, the enclosed
/// document's, each attachment's). The default room gives none and costs
/// no allocation.
#[derive(Clone, Default)]
pub struct Room {
    units: usize,
    shared: Option<Rc<Shared>>,
}

struct Shared {
    to_read: Cell<usize>,
    /// Places not yet given: at most one a unit, whatever the lists.
    budget: Cell<usize>,
}

impl Room {
    /// Room for a document of `n` units, none read yet.
    pub fn units(n: usize) -> Room {
        Room {
            units: n,
            shared: Some(Rc::new(Shared {
                to_read: Cell::new(n),
                budget: Cell::new(n),
            })),
        }
    }

    /// `n` units are still to be read after the one being read.
    pub fn to_read(&self, n: usize) {
        if let Some(s) = &self.shared {
            s.to_read.set(n);
        }
    }
}

/// A clause list that outgrows this many clauses may be given room at once.
const ROOM_AFTER: usize = 1024;

/// Adds `c` to `list`. A doubling copies a whole list and holds it twice
/// while it does, which for a document of millions of marker lines was
/// most of its peak memory. So a full list of [`ROOM_AFTER`] clauses or
/// more that holds at least half the units read so far (a document that is
/// mostly this list) is given room at once for the units still to come, at
/// least a doubling's worth, out of the document's budget. The budget holds
/// one place a unit, so all the lists of a document are given no more than
/// it has units; any other list doubles as before. A list that stops early
/// leaves its room unused (address space, not resident memory) until its
/// tree is finished, which gives it back ([`fit`]).
fn push_clause(list: &mut Vec<Clause>, c: Clause, room: &Room) {
    let len = list.len();
    if let Some(shared) = room
        .shared
        .as_deref()
        .filter(|_| len == list.capacity() && len >= ROOM_AFTER)
    {
        let left = shared.to_read.get();
        let read = room.units.saturating_sub(left);
        // `c`, the clause the unit being read may open, and one for each
        // unit after it.
        let to_come = (left + 2).min(shared.budget.get());
        if 2 * len >= read && to_come >= len {
            list.reserve_exact(to_come);
            shared.budget.set(shared.budget.get() - to_come);
        }
    }
    list.push(c);
}

/// Gives back room a list was given and did not use: a list with more spare
/// places than a doubling leaves.
fn fit(list: &mut Vec<Clause>) {
    if list.capacity() > 2 * list.len().max(ROOM_AFTER) {
        list.shrink_to_fit();
    }
}

/// The longest name of a chapter or section printed on the line under its
/// marker, in characters.
const PART_NAME_MAX_CHARS: usize = 20;

/// `s`, the line after a part's, chapter's or section's marker printed
/// alone, is its name: short, no sentence's punctuation.
fn names_its_part(kind: ClauseKind, s: &str) -> bool {
    matches!(
        kind,
        ClauseKind::Part | ClauseKind::Chapter | ClauseKind::Section
    ) && text::chars_at_most(s, PART_NAME_MAX_CHARS)
        && !s.contains(['。', '，', ',', '；', ';', '：', ':'])
}

/// `heading`: the text up to the first 。 (or a half-width `.` typed for it
/// between two ideographs, [`halfwidth_stop`]), or all of it; a heading
/// letter-spaced throughout (压 实 安 全 生 产 责 任) without its spaces, as a
/// title's line is read (`text::spaced_out`). (A word spaced as a chapter's
/// is, 总　　则, stays as printed; so do a few spaced words after others, 企业
/// 规模 大 中 小, a table's columns as likely as a title's letters.)
pub fn heading_of(s: &str) -> String {
    let stop = match (text::find_char(s, '。'), halfwidth_stop(s)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let cut = text::trim(stop.map_or(s, |i| &s[..i]));
    text::spaced_out(cut).unwrap_or_else(|| cut.to_owned())
}

/// A half-width `.` typed or recognised for 。 between two ideographs
/// (加强扬尘污染治理.严格落实…): where a heading ends, as 。 does. A `.`
/// between digits (3.6万元) or after a number (1.) is no stop.
fn halfwidth_stop(s: &str) -> Option<usize> {
    memchr::memchr_iter(b'.', s.as_bytes()).find(|&i| {
        s[..i].chars().next_back().is_some_and(text::is_han)
            && s[i + 1..].chars().next().is_some_and(text::is_han)
    })
}

impl Tree {
    pub fn new() -> Tree {
        Tree::default()
    }

    /// A tree whose long lists are given `room` ([`push_clause`]).
    pub fn with_room(room: Room) -> Tree {
        Tree {
            room,
            ..Tree::default()
        }
    }

    /// The number a style would continue with (1 for a style not seen yet).
    pub fn expected(&self, kind: ClauseKind) -> u32 {
        self.last[kind as usize].map_or(1, |n| n + 1)
    }

    /// A clause of `child`'s kind may open under one of `parent`'s opened
    /// now: no clause of that kind stays open below where `parent`'s goes
    /// (in ⑵…（三）, （三） is ⑵'s ancestors' style, not its child's).
    pub fn nests_under(&self, parent: ClauseKind, child: ClauseKind) -> bool {
        let at = self
            .stack
            .iter()
            .rposition(|o| o.clause.kind == parent)
            .unwrap_or(self.stack.len());
        !self.stack[..at].iter().any(|o| o.clause.kind == child)
    }

    pub fn seen(&self, kind: ClauseKind) -> bool {
        self.last[kind as usize].is_some()
    }

    /// How many clauses are open (the depth of the innermost one).
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    pub fn is_empty(&self) -> bool {
        self.roots.is_empty() && self.stack.is_empty()
    }

    fn close_top(&mut self) {
        if let Some(o) = self.stack.pop() {
            let mut c = o.clause;
            c.heading = heading_of(o.first.of(&c.text));
            match self.stack.last_mut() {
                Some(p) => push_clause(&mut p.clause.children, c, &self.room),
                None => push_clause(&mut self.roots, c, &self.room),
            }
        }
    }

    /// Opens a clause; `depth` is the number of components of a decimal
    /// marker (1 otherwise). The label is taken, not copied.
    pub fn open(
        &mut self,
        kind: ClauseKind,
        number: u32,
        depth: usize,
        label: String,
        line: usize,
        first: &str,
    ) {
        // A list restarting at the top (a second plan's 一、 with no header
        // between) orders its styles afresh.
        let at_root = self.stack.first().is_none_or(|o| o.clause.kind == kind);
        if at_root && number == 1 && self.first[kind as usize] != 0 {
            self.first = [0; ClauseKind::COUNT];
            self.styles = 0;
        }
        // 一是 items close before a style the document opened before them
        // (（一）… / 二、… / 一是… / 二是… / （一）…: the 一是 are the
        // deepest level, so （一） is 二、's child, not 二是's).
        let seen_before = |k: ClauseKind| {
            let (f, e) = (
                self.first[k as usize],
                self.first[ClauseKind::CnEnum as usize],
            );
            f != 0 && f < e
        };
        if kind != ClauseKind::CnEnum
            && self.top_kind() == Some(ClauseKind::CnEnum)
            && seen_before(kind)
        {
            while self.top_kind() == Some(ClauseKind::CnEnum) {
                self.close_top();
            }
        }
        if kind == ClauseKind::Decimal {
            // List items under a decimal section close before the next one.
            if self
                .stack
                .iter()
                .any(|o| o.clause.kind == ClauseKind::Decimal)
            {
                while self
                    .stack
                    .last()
                    .is_some_and(|o| o.clause.kind != ClauseKind::Decimal)
                {
                    self.close_top();
                }
            }
            while self
                .stack
                .last()
                .is_some_and(|o| o.clause.kind == ClauseKind::Decimal && o.depth >= depth)
            {
                self.close_top();
            }
        } else if let Some(pos) = self.stack.iter().rposition(|o| o.clause.kind == kind) {
            while self.stack.len() > pos {
                self.close_top();
            }
        } else if let Some(rank) = law_rank(kind) {
            while let Some(top) = self.stack.last() {
                match law_rank(top.clause.kind) {
                    Some(r) if r < rank => break,
                    Some(_) => self.close_top(),
                    None if self.stack.iter().any(|o| law_rank(o.clause.kind).is_some()) => {
                        self.close_top()
                    }
                    None => break,
                }
            }
        }
        self.last[kind as usize] = Some(number);
        if self.first[kind as usize] == 0 {
            self.styles = self.styles.saturating_add(1);
            self.first[kind as usize] = self.styles;
        }
        self.stack.push(Open {
            clause: Clause {
                kind,
                number,
                label,
                heading: String::new(),
                text: first.to_owned(),
                line,
                line_end: line,
                children: Vec::new(),
                fields: Vec::new(),
                task: None,
                table_row: false,
            },
            depth,
            first: First::Prefix(first.len()),
            first_open: !text::has_char(first, '。'),
            text_below: false,
        });
    }

    /// The innermost open clause's kind.
    pub fn top_kind(&self) -> Option<ClauseKind> {
        self.stack.last().map(|o| o.clause.kind)
    }

    /// A clause of this style is open on the stack.
    pub fn is_open(&self, kind: ClauseKind) -> bool {
        self.stack.iter().any(|o| o.clause.kind == kind)
    }

    /// The innermost open clause's text. It is added to by
    /// [`Tree::add_text`] and cut by [`Tree::cut_top_text`] only, which keep
    /// its first paragraph: no caller is given the text to change.
    pub fn top_text(&self) -> Option<&str> {
        self.stack.last().map(|o| o.clause.text.as_str())
    }

    /// The innermost open clause's labelled fields.
    pub fn top_fields(&mut self) -> Option<&mut Vec<(String, String)>> {
        self.stack.last_mut().map(|o| &mut o.clause.fields)
    }

    /// Makes the innermost open clause a row of a task table, with its
    /// cells' fields.
    pub fn top_is_row(&mut self, fields: Vec<(String, String)>) {
        if let Some(o) = self.stack.last_mut() {
            o.clause.table_row = true;
            o.clause.fields = fields;
        }
    }

    /// Adds a line to the innermost clause: `wrapped` joins it to the
    /// previous line, else it starts a new paragraph of the clause's text.
    pub fn add_text(&mut self, s: &str, line: usize, wrapped: bool) -> bool {
        let Some(o) = self.stack.last_mut() else {
            return false;
        };
        if wrapped {
            o.clause.text.push_str(s);
            if o.first_open {
                match &mut o.first {
                    First::Prefix(n) => *n = o.clause.text.len(),
                    First::Own(f) => f.push_str(s),
                }
                o.first_open = !text::has_char(s, '。');
            }
        } else if o.clause.text.is_empty() && (o.clause.kind == ClauseKind::Article || o.text_below)
        {
            // An article's marker alone on its line (第一条 / 为了加强…，制定本
            // 办法。), or a 一、 or （一） one its heading under it
            // ([`Tree::text_below`]: 二、 / 抓好农机检修。…): the next line is
            // its first paragraph, as if printed after the marker, and its
            // heading is cut from it.
            o.clause.text.push_str(s);
            o.first = First::Prefix(o.clause.text.len());
            o.first_open = !text::has_char(s, '。');
        } else {
            // A chapter's or section's marker alone on its line, its name on
            // the next (第一章 / 总　　则): that name is its heading.
            if o.clause.text.is_empty() && names_its_part(o.clause.kind, s) {
                o.first = First::Own(s.to_owned());
            }
            o.clause.text.push('\n');
            o.clause.text.push_str(s);
            o.first_open = false;
        }
        o.clause.line_end = line;
        true
    }

    /// The innermost clause's marker stands alone on its line and the next
    /// line of text is its first paragraph, its heading cut from it (二、 /
    /// 抓好农机检修。…), as an article's marker alone has its text.
    pub fn text_below(&mut self) {
        if let Some(o) = self.stack.last_mut() {
            o.text_below = true;
        }
    }

    /// Cuts the innermost clause's text to its first `at` bytes (a task
    /// bracket taken off its end); its heading is still cut from its first
    /// paragraph as read.
    pub fn cut_top_text(&mut self, at: usize) {
        let Some(o) = self.stack.last_mut() else {
            return;
        };
        if let First::Prefix(n) = o.first {
            if at < n {
                o.first = First::Own(o.clause.text[..n].to_owned());
            }
        }
        o.clause.text.truncate(at);
    }

    /// Closes every clause and returns the roots.
    pub fn finish(mut self, fill: &mut dyn FnMut(&mut Clause)) -> Vec<Clause> {
        while !self.stack.is_empty() {
            self.close_top();
        }
        fn walk(cs: &mut [Clause], fill: &mut dyn FnMut(&mut Clause)) {
            for c in cs {
                fill(c);
                fit(&mut c.children);
                walk(&mut c.children, fill);
            }
        }
        fit(&mut self.roots);
        walk(&mut self.roots, fill);
        self.roots
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ClauseKind::*;

    fn paths(t: Tree) -> Vec<String> {
        fn walk(cs: &[Clause], pre: &str, out: &mut Vec<String>) {
            for c in cs {
                let p = format!("{pre}/{}{}", c.kind.name(), c.number);
                out.push(p.clone());
                walk(&c.children, &p, out);
            }
        }
        let mut out = Vec::new();
        walk(&t.finish(&mut |_| {}), "", &mut out);
        out
    }

    /// A style opens under another unless it is held open below where
    /// that one goes.
    #[test]
    fn styles_nesting_under_a_clause_about_to_open() {
        let mut t = Tree::new();
        for (k, n) in [(Cn, 1), (CnParen, 1), (Num, 1), (CnParen, 2), (Num, 4)] {
            t.open(k, n, 1, String::new(), 1, "x");
        }
        // (三) goes where (二) is: 5. may open under it.
        assert!(t.nests_under(CnParen, Num));
        // ⑵ goes on top of 4.: (三) is held open below it.
        assert!(!t.nests_under(NumParen, CnParen));
        assert!(!t.nests_under(Num, Cn));
    }

    #[test]
    fn skipped_levels_and_late_styles() {
        let mut t = Tree::new();
        for (k, n) in [
            (Cn, 1),
            (Num, 1),
            (Num, 2),
            (Cn, 2),
            (CnParen, 1),
            (Num, 1),
            (Num, 2),
            (CnParen, 2),
            (NumParen, 1),
        ] {
            t.open(k, n, 1, String::new(), 1, "x");
        }
        assert_eq!(
            paths(t),
            [
                "/cn1",
                "/cn1/num1",
                "/cn1/num2",
                "/cn2",
                "/cn2/cn_paren1",
                "/cn2/cn_paren1/num1",
                "/cn2/cn_paren1/num2",
                "/cn2/cn_paren2",
                "/cn2/cn_paren2/num_paren1"
            ]
        );
    }

    #[test]
    fn law_ladder() {
        let mut t = Tree::new();
        for (k, n) in [
            (Chapter, 1),
            (Article, 1),
            (CnParen, 1),
            (Article, 2),
            (Chapter, 2),
            (Section, 1),
            (Article, 3),
            (Section, 2),
            (Article, 4),
        ] {
            t.open(k, n, 1, String::new(), 1, "x");
        }
        assert_eq!(
            paths(t),
            [
                "/chapter1",
                "/chapter1/article1",
                "/chapter1/article1/cn_paren1",
                "/chapter1/article2",
                "/chapter2",
                "/chapter2/section1",
                "/chapter2/section1/article3",
                "/chapter2/section2",
                "/chapter2/section2/article4"
            ]
        );
    }

    #[test]
    fn decimal_depth() {
        let mut t = Tree::new();
        for parts in [
            vec![1],
            vec![1, 1],
            vec![1, 2],
            vec![2],
            vec![2, 1],
            vec![2, 1, 1],
            vec![2, 2],
        ] {
            t.open(
                Decimal,
                *parts.last().unwrap(),
                parts.len(),
                String::new(),
                1,
                "x",
            );
        }
        assert_eq!(
            paths(t),
            [
                "/decimal1",
                "/decimal1/decimal1",
                "/decimal1/decimal2",
                "/decimal2",
                "/decimal2/decimal1",
                "/decimal2/decimal1/decimal1",
                "/decimal2/decimal2"
            ]
        );
    }

    impl Tree {
        /// The roots with every clause closed, as they were pushed (before
        /// `finish` gives back unused room).
        fn finish_kept(mut self) -> Vec<Clause> {
            while !self.stack.is_empty() {
                self.close_top();
            }
            self.roots
        }
    }

    /// Opens `n` clauses of `kind` in `t`, one a unit, the first being the
    /// `at`-th unit of a document of `room.units` units.
    fn open_many(t: &mut Tree, room: &Room, kind: ClauseKind, at: usize, n: u32) {
        for k in 1..=n {
            room.to_read(room.units.saturating_sub(at + k as usize - 1));
            t.open(kind, k, 1, String::new(), at + k as usize - 1, "x");
        }
    }

    /// `n` sibling clauses （1）…, under one 一、 when `under_one`, in a
    /// document of `units` units.
    fn siblings(units: usize, under_one: bool, n: u32) -> Vec<Clause> {
        let room = Room::units(units);
        let mut t = Tree::with_room(room.clone());
        let mut at = 1;
        if under_one {
            open_many(&mut t, &room, Cn, at, 1);
            at += 1;
        }
        open_many(&mut t, &room, CnParen, at, n);
        t.finish(&mut |_| {})
    }

    #[test]
    fn a_long_list_that_is_most_of_its_document_is_given_room_at_once() {
        // Room for the units still to come, not the next power of two a
        // doubling would leave.
        let roots = siblings(5_000, false, 5_000);
        assert!((5_000..8_192).contains(&roots.capacity()));
        let children = &siblings(5_001, true, 5_000)[0].children;
        assert!((5_000..8_192).contains(&children.capacity()));
        // A tree given no room doubles.
        let room = Room::default();
        let mut t = Tree::new();
        open_many(&mut t, &room, CnParen, 1, 5_000);
        assert_eq!(t.finish_kept().capacity(), 8_192);
        // Past its document's units a list still takes every clause, in order.
        for (units, n) in [(1_500, 3_000), (1_025, 1_030), (0, 2_000)] {
            let got = siblings(units, false, n);
            assert_eq!(got.len(), n as usize);
            assert!(got.iter().zip(1..).all(|(c, k)| c.number == k));
        }
    }

    #[test]
    fn a_document_gives_its_lists_no_more_room_than_it_has_units() {
        // Twenty sections of 1 100 items: every list is long.
        let (sections, items) = (20, 1_100);
        let units = (sections * (items + 1)) as usize;
        let room = Room::units(units);
        let mut t = Tree::with_room(room.clone());
        let mut at = 1;
        for s in 1..=sections {
            room.to_read(units - at);
            t.open(Cn, s, 1, String::new(), at, "x");
            open_many(&mut t, &room, CnParen, at + 1, items);
            at += items as usize + 1;
        }
        let roots = t.finish_kept();
        let held: usize = roots.iter().map(|c| c.children.len()).sum();
        let spare: usize = roots
            .iter()
            .map(|c| c.children.capacity() - c.children.len())
            .sum();
        // A doubling leaves at most as many spare places as a list holds;
        // the room adds at most one place a unit of the document.
        assert!(spare <= held + units, "{spare} spare places");
    }

    #[test]
    fn the_trees_of_a_document_share_its_room() {
        // A notice's list of 1 100 items that is all the document read so
        // far takes room for the 20 000 units to come; the enclosed plan's
        // long list, most of what is read by its second doubling, finds the
        // budget spent and doubles.
        let room = Room::units(20_000);
        let (mut a, mut b) = (Tree::with_room(room.clone()), Tree::with_room(room.clone()));
        open_many(&mut a, &room, CnParen, 1, 1_100);
        open_many(&mut b, &room, CnParen, 1_101, 5_000);
        let a = a.finish_kept();
        let b = b.finish_kept();
        assert!(a.capacity() >= 18_000, "{}", a.capacity());
        // Room of its own would have given it about 16 850 places.
        assert!(b.capacity() <= 8_192, "{}", b.capacity());
        assert_eq!((a.len(), b.len()), (1_100, 5_000));
    }

    #[test]
    fn a_long_list_in_a_document_mostly_of_other_units_doubles() {
        let room = Room::units(20_000);
        let mut t = Tree::with_room(room.clone());
        open_many(&mut t, &room, Cn, 1, 1);
        for at in 2..=10_000 {
            room.to_read(20_000 - at);
            assert!(t.add_text("x", at, false));
        }
        open_many(&mut t, &room, CnParen, 10_001, 1_100);
        let roots = t.finish_kept();
        assert!(roots[0].children.capacity() < 4_096);
    }

    #[test]
    fn room_left_unused_is_given_back() {
        // A list that took room for 20 000 units and holds 1 100.
        let tree = || {
            let room = Room::units(20_000);
            let mut t = Tree::with_room(room.clone());
            open_many(&mut t, &room, CnParen, 1, 1_100);
            t
        };
        assert!(tree().finish_kept().capacity() >= 18_000);
        assert!(tree().finish(&mut |_| {}).capacity() < 4_096);
    }

    /// The headings of clauses read and cut at random equal the headings
    /// cut from a copy of each first paragraph made as it is read (the
    /// plain way), with enough clauses whose text was cut inside the first
    /// paragraph, after it, and not at all.
    #[test]
    fn a_first_paragraph_held_as_a_length_gives_the_heading_a_copy_gives() {
        struct Plain {
            text: String,
            first: String,
            first_open: bool,
        }
        let pieces = [
            "加强领导",
            "（牵头单位：",
            "市委办）",
            "。",
            "各部门",
            "落实。要求",
            "，",
        ];
        let mut next = crate::testdata::xorshift();
        let mut tree = Tree::new();
        let mut plain: Vec<Plain> = Vec::new();
        let (mut inside, mut after, mut uncut) = (0, 0, 0);
        for n in 1..=3_000u32 {
            let piece = |r: u64| pieces[r as usize % pieces.len()];
            let first = format!("{}{}", piece(next()), piece(next()));
            tree.open(Cn, n, 1, String::new(), 1, &first);
            plain.push(Plain {
                first_open: !first.contains('。'),
                text: first.clone(),
                first,
            });
            let mut cut = None;
            for _ in 0..next() % 4 {
                let p = plain.last_mut().unwrap();
                match next() % 3 {
                    0 | 1 => {
                        let s = piece(next());
                        let wrapped = next().is_multiple_of(2);
                        assert!(tree.add_text(s, 2, wrapped));
                        if wrapped {
                            p.text.push_str(s);
                            if p.first_open {
                                p.first.push_str(s);
                                p.first_open = !s.contains('。');
                            }
                        } else {
                            p.text.push('\n');
                            p.text.push_str(s);
                            p.first_open = false;
                        }
                    }
                    _ => {
                        // A cut at a character boundary of the text.
                        let ends: Vec<usize> = p.text.char_indices().map(|(i, _)| i).collect();
                        let Some(&at) = ends.get(next() as usize % ends.len().max(1)) else {
                            continue;
                        };
                        let inside_first = at < p.first.len();
                        cut = Some(cut.unwrap_or(false) || inside_first);
                        tree.cut_top_text(at);
                        p.text.truncate(at);
                    }
                }
            }
            match cut {
                Some(true) => inside += 1,
                Some(false) => after += 1,
                None => uncut += 1,
            }
        }
        let got = tree.finish(&mut |_| {});
        assert_eq!(got.len(), plain.len());
        for (c, p) in got.iter().zip(&plain) {
            assert_eq!(c.text, p.text);
            assert_eq!(c.heading, heading_of(&p.first), "{:?}", p.text);
        }
        assert!(
            inside >= 300 && after >= 100 && uncut >= 300,
            "{inside} {after} {uncut}"
        );
    }

    /// A chapter's marker alone, its name on the next line: the name is its
    /// heading; a sentence there, or an item's empty first line, gives none.
    #[test]
    fn a_chapter_named_on_the_line_under_its_marker() {
        let headings = |kind: ClauseKind, next: &str| {
            let mut t = Tree::new();
            t.open(kind, 1, 1, String::new(), 1, "");
            t.add_text(next, 2, false);
            t.finish(&mut |_| {})[0].heading.clone()
        };
        assert_eq!(headings(Chapter, "总　　则"), "总　　则");
        assert_eq!(headings(Section, "规划与建设"), "规划与建设");
        assert_eq!(headings(Chapter, "本章规定供热的管理。"), "");
        assert_eq!(headings(Cn, "加强领导"), "");
    }

    /// An article's marker alone, its text on the next line: that line is
    /// its first paragraph, the heading cut from it up to its first 。 (or
    /// over the lines a wrap continues it on); a second paragraph is not.
    #[test]
    fn an_article_whose_text_starts_under_its_marker() {
        let read = |lines: &[(&str, bool)]| {
            let mut t = Tree::new();
            t.open(Article, 1, 1, String::new(), 1, "");
            for (i, &(s, wrapped)) in lines.iter().enumerate() {
                t.add_text(s, i + 2, wrapped);
            }
            let c = t.finish(&mut |_| {}).remove(0);
            (c.heading, c.text)
        };
        assert_eq!(
            read(&[("为了加强城镇供热管理，制定本办法。", false)]),
            (
                "为了加强城镇供热管理，制定本办法".to_owned(),
                "为了加强城镇供热管理，制定本办法。".to_owned()
            )
        );
        assert_eq!(
            read(&[
                ("为了加强城镇供热", false),
                ("管理，制定本办法。本办法", true)
            ])
            .0,
            "为了加强城镇供热管理，制定本办法"
        );
        assert_eq!(
            read(&[
                ("（保护原则）遗址保护坚持保护为主。", false),
                ("其他。", false)
            ]),
            (
                "（保护原则）遗址保护坚持保护为主".to_owned(),
                "（保护原则）遗址保护坚持保护为主。\n其他。".to_owned()
            )
        );
    }

    /// A 一、 or （一） marker alone, its heading on the next line
    /// ([`Tree::text_below`]): that line is its first paragraph, as for an
    /// article's marker alone. (Without it, an item's empty first line
    /// gives none: `a_chapter_named_on_the_line_under_its_marker`.)
    #[test]
    fn a_cn_marker_whose_heading_is_under_it() {
        for kind in [Cn, CnParen] {
            let mut t = Tree::new();
            t.open(kind, 1, 1, String::new(), 1, "");
            t.text_below();
            t.add_text("抓好农机检修。各县要组织检修。", 4, false);
            t.add_text("其他。", 5, false);
            let c = t.finish(&mut |_| {}).remove(0);
            assert_eq!(c.heading, "抓好农机检修", "{kind:?}");
            assert_eq!(c.text, "抓好农机检修。各县要组织检修。\n其他。", "{kind:?}");
        }
    }

    #[test]
    fn headings() {
        assert_eq!(heading_of("指导思想。坚持以"), "指导思想");
        assert_eq!(heading_of("巡查主要内容包括:"), "巡查主要内容包括:");
        assert_eq!(heading_of("压 实 安 全 生 产 责 任"), "压实安全生产责任");
        assert_eq!(heading_of("总　　则"), "总　　则");
        // A half-width stop between ideographs ends it; between digits,
        // after a number, or at the end, none does.
        assert_eq!(
            heading_of("加强扬尘污染治理.严格落实施工工地要求。"),
            "加强扬尘污染治理"
        );
        assert_eq!(heading_of("补助3.6万元。其余"), "补助3.6万元");
        assert_eq!(heading_of("共2.项目"), "共2.项目");
        assert_eq!(heading_of("加强领导。严格.落实"), "加强领导");
        assert_eq!(heading_of("加强领导."), "加强领导.");
    }
}
