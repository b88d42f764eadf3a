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
    first: String,
    /// The first paragraph may still continue on the next line.
    first_open: bool,
}

#[derive(Default)]
pub struct Tree {
    roots: Vec<Clause>,
    stack: Vec<Open>,
    /// The number of the last clause opened of each kind (by `kind as usize`).
    last: [Option<u32>; ClauseKind::COUNT],
    /// How many clauses one list may come to hold: the lines of the
    /// document (see [`push_clause`]).
    room: usize,
}

/// A clause list that outgrows this many clauses is given its room at once.
const ROOM_AFTER: usize = 1024;

/// Adds `c` to `list`. A list of [`ROOM_AFTER`] clauses or more that is full
/// is given room for `room` clauses at once instead of being doubled: a
/// doubling copies the whole list and holds it twice while it does, which
/// for a document of millions of marker lines is most of its peak memory.
/// A list grows as before once it holds `room` clauses.
fn push_clause(list: &mut Vec<Clause>, c: Clause, room: usize) {
    if list.len() == list.capacity() && list.len() >= ROOM_AFTER && room > list.len() {
        list.reserve_exact(room - list.len());
    }
    list.push(c);
}

/// `heading`: the text up to the first 。, or all of it.
pub fn heading_of(s: &str) -> String {
    let cut = text::find_char(s, '。').map_or(s, |i| &s[..i]);
    text::trim(cut).to_owned()
}

impl Tree {
    pub fn new() -> Tree {
        Tree::default()
    }

    /// A tree for a document of `lines` lines: no clause list is ever
    /// doubled below that many clauses ([`push_clause`]).
    pub fn with_room(lines: usize) -> Tree {
        Tree {
            room: lines,
            ..Tree::default()
        }
    }

    /// The number a style would continue with (1 for a style not seen yet).
    pub fn expected(&self, kind: ClauseKind) -> u32 {
        self.last[kind as usize].map_or(1, |n| n + 1)
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
            c.heading = heading_of(&o.first);
            match self.stack.last_mut() {
                Some(p) => push_clause(&mut p.clause.children, c, self.room),
                None => push_clause(&mut self.roots, c, self.room),
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
            first: first.to_owned(),
            first_open: !text::has_char(first, '。'),
        });
    }

    /// The innermost open clause.
    /// A clause of this style is open on the stack.
    pub fn is_open(&self, kind: ClauseKind) -> bool {
        self.stack.iter().any(|o| o.clause.kind == kind)
    }

    pub fn top(&mut self) -> Option<&mut Clause> {
        self.stack.last_mut().map(|o| &mut o.clause)
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
                o.first.push_str(s);
                o.first_open = !text::has_char(s, '。');
            }
        } else {
            o.clause.text.push('\n');
            o.clause.text.push_str(s);
            o.first_open = false;
        }
        o.clause.line_end = line;
        true
    }

    /// Closes every clause and returns the roots.
    pub fn finish(mut self, fill: &mut dyn FnMut(&mut Clause)) -> Vec<Clause> {
        while !self.stack.is_empty() {
            self.close_top();
        }
        fn walk(cs: &mut [Clause], fill: &mut dyn FnMut(&mut Clause)) {
            for c in cs {
                fill(c);
                walk(&mut c.children, fill);
            }
        }
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

    /// `n` sibling clauses (一、 … numbered 1..=n) in a tree of `room` lines.
    fn siblings(room: usize, under_one: bool, n: u32) -> Vec<Clause> {
        let mut t = Tree::with_room(room);
        if under_one {
            t.open(Cn, 1, 1, "一、".into(), 1, "总则");
        }
        for k in 1..=n {
            t.open(CnParen, k, 1, format!("（{k}）"), k as usize + 1, "x");
        }
        t.finish(&mut |_| {})
    }

    #[test]
    fn a_long_clause_list_is_given_its_room_at_once() {
        // Past ROOM_AFTER clauses a full list takes the room the tree was
        // given (not the next power of two a doubling would leave).
        let roots = siblings(5_000, false, 5_000);
        assert_eq!(roots.capacity(), 5_000);
        let children = &siblings(5_000, true, 4_999)[0].children;
        assert_eq!(children.capacity(), 5_000);
        // Below ROOM_AFTER, or without room, a list grows as before.
        assert!(siblings(5_000, false, 1_000).capacity() < 5_000);
        assert_eq!(siblings(0, false, 5_000).capacity(), 8_192);
        // Past its room a list still takes every clause, in order.
        for (room, n) in [(1_500, 3_000), (1_025, 1_030), (1_024, 2_000)] {
            let got = siblings(room, false, n);
            assert_eq!(got.len(), n as usize);
            assert!(got.iter().zip(1..).all(|(c, k)| c.number == k));
        }
    }

    #[test]
    fn headings() {
        assert_eq!(heading_of("指导思想。坚持以"), "指导思想");
        assert_eq!(heading_of("巡查主要内容包括:"), "巡查主要内容包括:");
    }
}
