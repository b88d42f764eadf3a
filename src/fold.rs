//! The text the parser reads: the decoded text without the characters that
//! print nothing, and with HTML entities read as the characters they stand
//! for.
//!
//! Content systems leave zero-width characters in what they export (a zero
//! width space or a word joiner before an indented marker, inside a number
//! 〔2020〕​29号 or a date 5月​12日), and portals' copies keep entities
//! written out (〔2020〕&nbsp;29号). Neither is text a reader sees, so the
//! grammar reads the text without them: [`fold`] gives that text and the
//! edits it made, and [`Folded::source`] maps each of its byte offsets back
//! to the decoded text, so every span a record or an owner gives still
//! points at the input's own bytes. Line ends are never touched: line
//! numbers are the same in both texts.

use std::ops::Range;

/// A character that prints nothing and joins nothing a reader sees: the
/// zero width space, non-joiner and joiner, the word joiner, the zero width
/// no-break space (a BOM inside the text) and the soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// One edit of the decoded text: some of its bytes became fewer (none for
/// a character dropped) at `at` in the folded text; `shift` is how many
/// bytes shorter the folded text is for this edit and all before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    at: usize,
    shift: usize,
}

/// The folded text and the edits that made it from the decoded text.
#[derive(Debug)]
pub struct Folded {
    pub text: String,
    edits: Vec<Edit>,
}

impl Folded {
    /// The offset in the decoded text of byte `p` of the folded text. A
    /// character dropped belongs to the span of what follows it: a line
    /// that opens with a zero width space starts at the space. Monotone,
    /// so spans that did not overlap still do not.
    pub fn source(&self, p: usize) -> usize {
        let k = self.edits.partition_point(|e| e.at < p);
        p + k.checked_sub(1).map_or(0, |k| self.edits[k].shift)
    }

    /// [`Folded::source`] of both ends of a range.
    pub fn source_range(&self, r: Range<usize>) -> Range<usize> {
        self.source(r.start)..self.source(r.end)
    }
}

/// The named entities portals' copies leave in their text (`&nbsp;` and
/// the like), with the characters they stand for.
const NAMED: &[(&str, char)] = &[
    ("nbsp", '\u{a0}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("middot", '·'),
    ("hellip", '…'),
    ("times", '×'),
    ("zwsp", '\u{200b}'),
    ("shy", '\u{ad}'),
];

/// The entity at the start of `s` (which starts with `&`): the character it
/// stands for and its length in bytes, `;` included. Numeric entities
/// (`&#12288;`, `&#x3000;`) read any character but a control one (a line
/// end among them: lines stay as they are).
fn entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    // The longest entity read: &#x10FFFF; or &hellip;.
    let end = b.iter().take(11).position(|&c| c == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|c| c.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()?
            }
            _ if !num.is_empty() && num.bytes().all(|c| c.is_ascii_digit()) => num.parse().ok()?,
            _ => return None,
        };
        char::from_u32(n).filter(|c| !c.is_control())?
    } else {
        NAMED.iter().find(|(n, _)| *n == body)?.1
    };
    Some((c, end + 1))
}

/// Whether `text` may hold something to fold: an `&`, a soft hyphen, or
/// one of the three-byte invisible characters. Cheap: three SIMD passes
/// (memchr, memmem and aho-corasick's packed searcher), none of which stops
/// at the punctuation that shares a lead byte with them (“ ” — …).
fn may_fold(text: &str) -> bool {
    static WIDE: std::sync::LazyLock<Option<aho_corasick::packed::Searcher>> =
        std::sync::LazyLock::new(|| {
            let wide = ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];
            aho_corasick::packed::Config::new()
                .builder()
                .extend(wide.map(String::from))
                .build()
        });
    let b = text.as_bytes();
    memchr::memchr(b'&', b).is_some()
        || memchr::memmem::find(b, "\u{ad}".as_bytes()).is_some()
        || match WIDE.as_ref() {
            Some(wide) => wide.find(b).is_some(),
            None => text.contains(is_invisible),
        }
}

/// The text without its invisible characters and with its entities read,
/// or `None` when it holds neither (the common case: no copy is made).
pub fn fold(text: &str) -> Option<Folded> {
    if !may_fold(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::new();
    let mut copied = 0;
    let mut shift = 0;
    // (Nothing is dropped between a CR and an LF: the two would be one
    // line end where the text has two. Read once a run of invisible
    // characters, not once each: whether the last visible character before
    // the run is a CR, and the first after it an LF.)
    let mut after_cr = false;
    let mut run_end = 0;
    let mut before_lf = false;
    let mut between_line_ends = |i: usize, n: usize, after_cr: bool| {
        if i + n > run_end {
            let after = text[i + n..].trim_start_matches(is_invisible);
            run_end = text.len() - after.len();
            before_lf = after.starts_with('\n');
        }
        after_cr && before_lf
    };
    let mut rest = text.char_indices();
    while let Some((i, c)) = rest.next() {
        let (to, orig) = if is_invisible(c) {
            if between_line_ends(i, c.len_utf8(), after_cr) {
                continue;
            }
            (None, c.len_utf8())
        } else if c == '&' {
            let cr = std::mem::replace(&mut after_cr, false);
            match entity(&text[i..]) {
                Some((e, n)) if is_invisible(e) && between_line_ends(i, n, cr) => continue,
                Some((e, n)) => {
                    // (The entity's own characters are skipped.)
                    for _ in 0..n - 1 {
                        rest.next();
                    }
                    (Some(e).filter(|&e| !is_invisible(e)), n)
                }
                None => continue,
            }
        } else {
            after_cr = c == '\r';
            continue;
        };
        out.push_str(&text[copied..i]);
        let at = out.len();
        if let Some(e) = to {
            out.push(e);
        }
        // (An entity is never shorter than its character.)
        shift += orig - (out.len() - at);
        edits.push(Edit { at, shift });
        copied = i + orig;
    }
    if edits.is_empty() {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(Folded { text: out, edits })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines stay as they are: an invisible character between a CR and an
    /// LF (two line ends) is kept, so the two do not become one.
    #[test]
    fn line_ends_are_not_joined() {
        for src in [
            "a\r\u{200b}\nb",
            "a\r&#8203;\nb",
            "a\r\u{200b}\u{2060}\nb\u{200b}",
            "a\r\u{200b}&#8203;\u{2060}\nb\r&#8203;\u{200b}\n",
        ] {
            let lines = |t: &str| crate::decode::lines(t).len();
            let folded = fold(src).map_or(src.to_owned(), |f| f.text);
            assert_eq!(lines(&folded), lines(src), "{src:?}");
        }
    }

    /// A run of invisible characters not between a CR and an LF is
    /// dropped whole, however long, the run after it read on its own.
    #[test]
    fn runs_of_invisible_characters_are_dropped() {
        let run = "\u{200b}".repeat(1000);
        let src = format!("a\r{run}b{run}\n{run}\r{run}\nc");
        let f = fold(&src).expect("folded");
        assert_eq!(f.text, format!("a\rb\n\r{run}\nc"));
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(fold("普政办发〔2020〕29号 “通知” &x 1&2").is_none());
        assert!(fold("").is_none());
    }

    #[test]
    fn invisible_characters_are_dropped_and_spans_point_at_the_input() {
        let src = "\u{200b}　　一、总则\n2020年5月\u{2060}12日\u{feff}\n某\u{ad}局";
        let f = fold(src).expect("folded");
        assert_eq!(f.text, "　　一、总则\n2020年5月12日\n某局");
        // The first line starts at the zero width space, the second at its
        // first digit; the date's 12 at its own bytes.
        assert_eq!(f.source(0), 0);
        let second = f.text.find('\n').unwrap() + 1;
        assert_eq!(&src[f.source(second)..], &src[src.find("2020").unwrap()..]);
        // (A character dropped starts the span of what follows it.)
        let day = f.text.find("12日").unwrap();
        assert!(src[f.source(day)..].starts_with("\u{2060}12日"));
        assert!(src[..f.source(day + "12日".len())].ends_with("12日"));
        let end = f.text.len();
        assert_eq!(f.source(end), src.len());
        let ju = f.text.rfind('局').unwrap();
        assert!(src[f.source(ju)..].starts_with("\u{ad}局"));
        // Lines are the same in both texts.
        assert_eq!(src.lines().count(), f.text.lines().count());
    }

    #[test]
    fn entities_are_read_as_their_characters() {
        let src = "普政办发〔2020〕&nbsp;29号&#12288;&#x3000;&lt;a&gt; &amp;&quot;&#8203;x";
        let f = fold(src).expect("folded");
        assert_eq!(f.text, "普政办发〔2020〕\u{a0}29号\u{3000}\u{3000}<a> &\"x");
        let n = f.text.find("29").unwrap();
        assert!(src[f.source(n)..].starts_with("29号"));
        let nbsp = f.text.find('\u{a0}').unwrap();
        assert!(src[f.source(nbsp)..].starts_with("&nbsp;"));
        assert_eq!(f.source(f.text.len()), src.len());
    }

    #[test]
    fn what_is_no_entity_stays() {
        for s in [
            "A&B公司",
            "&nbsp 29号",
            "&#10;",
            "&#13;",
            "&#;",
            "&#x;",
            "&unknown;",
            "&#99999999;",
            "R&D；研发",
        ] {
            assert!(fold(s).is_none(), "{s}");
        }
    }
}
