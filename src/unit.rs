//! Units: the pieces of text the grammar classifies, each with its source
//! line and byte range.
//!
//! A unit is normally one non-blank line, trimmed of spaces, of the page
//! breaks a PDF's text keeps at a line's ends, and of Markdown
//! heading marks, quote marks and list bullets. A line that holds several elements run together (a title,
//! its number and its addressees; a clause and the next clause's marker; a
//! sentence and the signature) is split into several units that keep the
//! same line number, so every element still points at its source.

use crate::decode::Line;
use crate::text;

#[derive(Debug, Clone, Copy)]
pub struct Unit<'t> {
    line: usize,
    start: usize,
    text: &'t str,
    md_level: u8,
}

/// Units are made only here (from a line, or as a piece of a unit), and a
/// unit's end is its start plus the length of its text: its byte range
/// always matches its text.
impl<'t> Unit<'t> {
    /// 1-based source line.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Byte offset of the text in the decoded input.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset after the text in the decoded input.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The text, trimmed (and without Markdown heading marks).
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// `#` level of a Markdown heading line (0 when none).
    pub fn md_level(&self) -> u8 {
        self.md_level
    }

    /// The units of every non-blank line of `src`, in order.
    pub fn all(src: &'t str) -> Vec<Unit<'t>> {
        crate::decode::lines(src)
            .iter()
            .filter_map(|l| Unit::from_line(src, l))
            .collect()
    }

    /// The unit for one source line; None for a blank line.
    pub fn from_line(src: &'t str, l: &Line) -> Option<Unit<'t>> {
        let raw = src.get(l.start..l.end)?;
        let mut t = without_page_breaks(text::trim(raw));
        let mut md_level = 0u8;
        if t.starts_with('#') {
            let h = t.trim_start_matches('#');
            let n = t.len() - h.len();
            if n <= 6 && (h.is_empty() || h.starts_with(text::is_space)) {
                md_level = n as u8;
                t = text::trim(h);
            }
        }
        if t.starts_with('>') && !t.starts_with(">>") {
            t = text::trim(&t[1..]);
        }
        // A Markdown list item's bullet before words, a clause or a label
        // (- 牵头单位：…, * （一）…); not a page's number (- 3 -).
        if let Some(r) = t
            .strip_prefix(['-', '*', '+'])
            .filter(|r| r.starts_with(text::is_space))
        {
            let r = text::trim(r);
            if r.starts_with(|c: char| text::is_han(c) || matches!(c, '（' | '(' | '【')) {
                t = r;
            }
        }
        if t.is_empty() {
            return None;
        }
        let start = text::offset_in(src, t);
        Some(Unit {
            line: l.no,
            start,
            text: t,
            md_level,
        })
    }

    /// Splits at byte offset `at` of `text` (both halves trimmed). Returns
    /// None for a half that would be empty.
    pub fn split_at(&self, at: usize) -> (Option<Unit<'t>>, Option<Unit<'t>>) {
        let at = at.min(self.text.len());
        (self.sub(0, at), self.sub(at, self.text.len()))
    }

    /// The unit for `text[a..b]`, trimmed; None when empty.
    pub fn sub(&self, a: usize, b: usize) -> Option<Unit<'t>> {
        let piece = self.text.get(a..b)?;
        let t = text::trim(piece);
        if t.is_empty() {
            return None;
        }
        let off = text::offset_in(self.text, t);
        Some(Unit {
            line: self.line,
            start: self.start + off,
            text: t,
            md_level: if a == 0 { self.md_level } else { 0 },
        })
    }

    pub fn chars(&self) -> usize {
        text::char_len(self.text)
    }

    pub fn last_char(&self) -> Option<char> {
        self.text.chars().last()
    }

    /// The unit ends a sentence (。；！？).
    pub fn ends_sentence(&self) -> bool {
        self.last_char().is_some_and(text::is_sentence_end)
    }
}

/// `t` without the page breaks at its ends and the spaces inside them: the
/// form feed pdftotext writes before a page's first line (\f　　二、金融政策)
/// or after its last (— 2 —\f), and any other control character there (C0
/// but the tab, a space already; DEL; C1, U+0085 among them). None is text:
/// the line is read without it, and still counted as one line (lines break
/// at \n, \r\n and \r only). A control inside the text stays.
fn without_page_breaks(t: &str) -> &str {
    if t.starts_with(char::is_control) || t.ends_with(char::is_control) {
        t.trim_matches(|c: char| c.is_control() || text::is_space(c))
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page break at a line's start or end is no text of it; the line
    /// keeps its number and its text its source span.
    #[test]
    fn page_breaks_taken_off() {
        let src = "— 2 —\u{c}\n\u{c}　　二、金融政策\n\u{c}\n\u{85}三、\u{c}税费 \u{7f}\n";
        let us = Unit::all(src);
        let got: Vec<(usize, &str)> = us.iter().map(|u| (u.line(), u.text())).collect();
        assert_eq!(
            got,
            [(1, "— 2 —"), (2, "二、金融政策"), (4, "三、\u{c}税费")]
        );
        for u in &us {
            assert_eq!(&src[u.start()..u.end()], u.text());
        }
        assert_eq!(without_page_breaks("市政府"), "市政府");
        assert_eq!(without_page_breaks("\u{c}"), "");
    }

    /// Markdown's marks are taken off the text a line holds: a heading's
    /// `#`, a quote's `>`, a list item's bullet before words or a clause.
    #[test]
    fn markdown_marks_taken_off() {
        let src = "# 关于印发方案的通知\n> 现将方案印发给你们。\n- 牵头单位：市住建局\n  * （一）加强组织领导\n+ 各县区\n- 3 -\n-3-\n* 2021年\n-- 注\n";
        let texts: Vec<&str> = Unit::all(src).iter().map(|u| u.text()).collect();
        assert_eq!(
            texts,
            [
                "关于印发方案的通知",
                "现将方案印发给你们。",
                "牵头单位：市住建局",
                "（一）加强组织领导",
                "各县区",
                "- 3 -",
                "-3-",
                "* 2021年",
                "-- 注",
            ]
        );
        assert_eq!(Unit::all(src)[0].md_level(), 1);
    }
}
