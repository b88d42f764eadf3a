//! Citations: the other documents a document cites by number.
//!
//! Every document number in the text, in order of first appearance, with
//! the 《》 title written right before it. A number wrapped across two lines
//! (（国 / 办发〔2021〕11号）) is read across the break. The document's own
//! number — also when repeated in another form (第753号 and
//! 中华人民共和国国务院令第753号) — is not a citation.

use crate::docnum::{self, DocNumber};
use crate::lexicon::Lexicon;
use crate::lines::Line;
use crate::record::Citation;
use crate::text;
use crate::unit::Unit;

/// Issuer codes compared without the state's name (国务院令 = 中华人民共和国国务院令).
fn issuer_key(n: &DocNumber, lex: &Lexicon) -> String {
    let code = n.issuer_code.as_deref().unwrap_or("");
    text::squash(lex.strip_state_name(code))
}

/// `a` and `b` name the same document. (Every citation is compared with
/// those before it: the raw forms are compared without copies, and issuer
/// codes only for equal serials and years.)
pub fn same(a: &DocNumber, b: &DocNumber, lex: &Lexicon) -> bool {
    if text::squash_eq(&a.raw, &b.raw) {
        return true;
    }
    if a.serial != b.serial || a.year != b.year {
        return false;
    }
    let (ka, kb) = (issuer_key(a, lex), issuer_key(b, lex));
    ka == kb || ka.is_empty() || kb.is_empty()
}

/// The ideographs at the end of a line that stops mid-word right after an
/// opening bracket — （国 — the start of an issuer code wrapped onto the
/// next line. A line ending in a longer run of ideographs (a title ending
/// …的批复) does not continue into the next line's number.
fn wrapped_tail(prev: &str) -> &str {
    let han = prev.chars().rev().take_while(|c| text::is_han(*c)).count();
    if han == 0 || han > 4 {
        return "";
    }
    let start = prev
        .char_indices()
        .rev()
        .nth(han - 1)
        .map_or(prev.len(), |(i, _)| i);
    match prev[..start].chars().next_back() {
        Some(c) if text::is_open_bracket(c) || c == '、' || c == '，' || c == ',' => {
            &prev[start..]
        }
        _ => "",
    }
}

/// The citations in a document's lines, given in order (read one by one:
/// no list of them is made).
pub fn citations<'a, 't: 'a>(
    lines: impl IntoIterator<Item = &'a Line<'t>>,
    own: Option<&DocNumber>,
    lex: &Lexicon,
) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    let mut joined = String::new();
    let mut prev: Option<Unit<'t>> = None;
    for l in lines {
        let u = l.unit();
        let p = prev.replace(u).filter(|p| p.line() + 1 == u.line());
        // A number cited here has its bracket (or 第) on this line and 号
        // after it: most lines have none (and were seen to have none when
        // they were split).
        if !l.may_hold_hao() || !docnum::has_hao(u.text()) {
            continue;
        }
        let tail = p.map_or("", |p| wrapped_tail(p.text()));
        joined.clear();
        joined.push_str(tail);
        joined.push_str(u.text());
        for f in docnum::find_all(&joined) {
            // Numbers wholly inside the previous line were found there.
            if f.range.end <= tail.len() {
                continue;
            }
            // The bracket itself must be on this line; only the issuer code
            // may have begun on the previous one.
            if f.core_start < tail.len() {
                continue;
            }
            let n = f.number;
            if own.is_some_and(|o| same(o, &n, lex))
                || out.iter().any(|c| same(&c.doc_number, &n, lex))
            {
                continue;
            }
            // The text before the number, on the previous line when the
            // number began there.
            let before = if let Some(p) = p.filter(|_| f.range.start < tail.len()) {
                let prev = p.text();
                &prev[..prev.len() - tail.len() + f.range.start]
            } else {
                &joined[..f.range.start]
            };
            let before = text::trim(before)
                .trim_end_matches(|c: char| text::is_open_paren(c) || text::is_space(c));
            let title = before
                .strip_suffix('》')
                .and_then(|b| b.rfind('《').map(|a| b[a + '《'.len_utf8()..].to_owned()));
            let line = if f.range.start < tail.len() {
                u.line() - 1
            } else {
                u.line()
            };
            out.push(Citation {
                doc_number: n,
                title,
                line,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(t: &str) -> Vec<Line<'_>> {
        Line::all(t, &Lexicon::builtin())
    }

    #[test]
    fn a_number_wrapped_across_lines() {
        let t = "为贯彻落实《国务院办公厅关于加强城市内涝治理的实施意见》（国\n办发〔2021〕11号）和《某意见》（桂政办发〔2021〕96号）精";
        let c = citations(&units(t), None, &Lexicon::builtin());
        let raws: Vec<&str> = c.iter().map(|c| c.doc_number.raw.as_str()).collect();
        assert_eq!(raws, ["国办发〔2021〕11号", "桂政办发〔2021〕96号"]);
        assert_eq!(c[0].line, 1);
        assert_eq!(
            c[0].title.as_deref(),
            Some("国务院办公厅关于加强城市内涝治理的实施意见")
        );
    }

    #[test]
    fn the_own_number_in_another_form_is_not_cited() {
        let own = docnum::whole("第753号").map(|mut n| {
            n.issuer_code = Some("国务院令".into());
            n
        });
        let t = "（2022年3月4日中华人民共和国国务院令第753号公布　自2022年6月1日起施行）";
        assert!(citations(&units(t), own.as_ref(), &Lexicon::builtin()).is_empty());
    }

    #[test]
    fn first_use_only_in_order() {
        let t = "根据宁党发〔2020〕4号和国发〔2019〕13号，再次依据宁党发〔2020〕4号。";
        let c = citations(&units(t), None, &Lexicon::builtin());
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].doc_number.raw, "国发〔2019〕13号");
    }
}
