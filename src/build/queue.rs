//! The lines a document still has to read: its lines borrowed from the
//! file's, with the pieces cut from a line put back in front. No copy of
//! the document's lines is made; a line is cloned only as it is taken.

use std::borrow::Cow;

use crate::lines::Line;

pub(super) struct Queue<'a, 't> {
    rest: &'a [Line<'t>],
    /// Lines put back in front, the next one last.
    front: Vec<Line<'t>>,
}

impl<'a, 't> Queue<'a, 't> {
    /// `first` (a piece of a line already cut) comes before `rest`.
    pub fn new(first: Option<Line<'t>>, rest: &'a [Line<'t>]) -> Queue<'a, 't> {
        Queue {
            rest,
            front: first.into_iter().collect(),
        }
    }

    pub fn pop_front(&mut self) -> Option<Line<'t>> {
        if let Some(l) = self.front.pop() {
            return Some(l);
        }
        let (first, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(first.clone())
    }

    pub fn push_front(&mut self, l: Line<'t>) {
        self.front.push(l);
    }

    pub fn front(&self) -> Option<&Line<'t>> {
        self.get(0)
    }

    /// The line `k` places ahead.
    pub fn get(&self, k: usize) -> Option<&Line<'t>> {
        let n = self.front.len();
        if k < n {
            self.front.get(n - 1 - k)
        } else {
            self.rest.get(k - n)
        }
    }

    /// How many lines are still to read.
    pub fn len(&self) -> usize {
        self.front.len() + self.rest.len()
    }

    /// Every line still to read, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Line<'t>> {
        self.front.iter().rev().chain(self.rest)
    }

    /// The lines still to read as one slice: borrowed, unless pieces were
    /// put back in front (then copied once).
    pub fn as_slice(&self) -> Cow<'_, [Line<'t>]> {
        if self.front.is_empty() {
            Cow::Borrowed(self.rest)
        } else {
            Cow::Owned(self.iter().cloned().collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn pieces_put_back_come_first() {
        let lex = Lexicon::builtin();
        let ls = Line::all("一、甲\n二、乙\n三、丙", &lex);
        let mut q = Queue::new(None, &ls);
        let first = q.pop_front().unwrap();
        assert_eq!(first.text(), "一、甲");
        q.push_front(Line::all("丁", &lex).remove(0));
        q.push_front(Line::all("戊", &lex).remove(0));
        let texts: Vec<&str> = q.iter().map(|l| l.text()).collect();
        assert_eq!(texts, vec!["戊", "丁", "二、乙", "三、丙"]);
        assert_eq!(q.get(2).unwrap().text(), "二、乙");
        assert_eq!(q.as_slice().len(), 4);
        assert_eq!(q.pop_front().unwrap().text(), "戊");
        assert_eq!(q.front().unwrap().text(), "丁");
    }
}
