//! Recognisers of the body of a document that look inside a line: notes in
//! brackets, contents leaders, attachment lists, signatures run into the
//! last sentence, and clause markers run into the text before them.

use std::sync::LazyLock;

use crate::lexicon::Lexicon;
use crate::marker::{self, ClauseKind, Marker};
use crate::normalize::date::{parse_date, Date};
use crate::normalize::numeral::is_cn_numeral_char;
use crate::organs::is_signature_text;
use crate::text;

/// A line wholly in brackets: a note such as （此件公开发布）.
pub fn is_bracketed_note(s: &str) -> bool {
    let mut cs = s.chars();
    matches!((cs.next(), cs.next_back()), (Some(a), Some(b)) if text::is_open_paren(a) && text::is_close_paren(b))
}

/// A group's heading that closes with the count of its list in brackets
/// (先进单位（10个）, 先进个人（30名）, 表彰决定（2项）): a figure or a numeral
/// and the word it counts by (words.tsv `count_word`).
pub fn closes_with_count(h: &str, lex: &Lexicon) -> bool {
    text::before_closing_bracket(h).is_some_and(|_| {
        let inner = h.rsplit(['（', '(']).next().unwrap_or("");
        let inner = inner.trim_end_matches(['）', ')']);
        inner.starts_with(|c: char| c.is_ascii_digit() || is_cn_numeral_char(c))
            && lex.count_word.iter().any(|w| inner.ends_with(w.as_str()))
    })
}

/// A seal's note alone on its line, in brackets (（印章）, （单位盖章）;
/// words.tsv `seal`), or one for each organ of a joint signature, parted
/// by spaces (（印章）　　　　（印章）): printed between the signing organs
/// and the date where the seals are pressed, part of the signature.
pub fn is_seal_note(s: &str, lex: &Lexicon) -> bool {
    let mut rest = text::trim(s);
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(open) = rest.chars().next().filter(|&c| text::is_open_paren(c)) else {
            return false;
        };
        let inner = &rest[open.len_utf8()..];
        let Some(close) = inner.find(text::is_close_paren) else {
            return false;
        };
        if !lex
            .seal
            .iter()
            .any(|w| text::squashes_to(&inner[..close], w))
        {
            return false;
        }
        let after = &inner[close..];
        let width = after.chars().next().map_or(1, char::len_utf8);
        rest = after[width..].trim_start_matches(text::is_space);
    }
    true
}

/// A seal's note, or the last of a line of them, cut by a wrap inside its
/// brackets, the rest alone on the next line (（ / 印章）, （印章）　　（印 /
/// 章）): both lines are the signature's, as the note whole is.
pub fn seal_note_cut(head: &str, rest: &str, lex: &Lexicon) -> bool {
    let (h, r) = (text::trim(head), text::trim(rest));
    // (Most lines end otherwise: answered by the last character.)
    r.ends_with(text::is_close_paren)
        && text::chars_at_most(r, 8)
        && !r.contains(|c: char| text::is_space(c) || text::is_open_paren(c))
        && h.rfind(text::is_open_paren) > h.rfind(text::is_close_paren)
        && is_seal_note(&[h, r].concat(), lex)
}

/// An organ's name and its seal's note on one line (某市人民政府办公室（印章）,
/// 某市农业局　（盖章）): where the note begins. Apart, the organ signs and
/// the note marks where its seal is pressed, as on lines of their own.
pub fn organ_and_seal(t: &str, lex: &Lexicon) -> Option<usize> {
    // (Most lines end otherwise: answered by their last character.)
    if !t.ends_with(text::is_close_paren) {
        return None;
    }
    // (A seal's note is short, and so is an organ's name: a longer line,
    // a sentence closed by its bracket, is answered before it is read.)
    let at = t.rfind(text::is_open_paren)?;
    let organ = text::trim(&t[..at]);
    (text::chars_at_most(&t[at..], 8)
        && text::chars_at_most(organ, 40)
        && !organ.contains(|c: char| text::is_open_paren(c) || text::is_close_paren(c))
        && is_seal_note(&t[at..], lex)
        && is_signature_text(organ, lex))
    .then_some(at)
}

/// The organ, its seal's note and the date on one line (某市人民政府办公室
/// （印章）　二〇一一年四月十二日), the note alone before the date, or after
/// the rest of an organ's name a wrap cut (…人民政府办 / 公室（印章）　二〇一一
/// 年四月十二日): where the note and the date begin. The note is the seal's,
/// pressed over the organ's name and the date; apart, the words before it
/// read as a signature's line and the date as a date's line. (Only
/// ideographs and spaces before the note: a sentence holds other marks.)
pub fn sealed_sign_off(t: &str, lex: &Lexicon) -> Option<(usize, usize)> {
    // (Most lines end otherwise, or hold no closing bracket: answered before
    // the date is read.)
    let t = t.trim_end_matches(text::is_space);
    if !t.ends_with('日') || !t.contains(text::is_close_paren) {
        return None;
    }
    let (_, r) = parse_date(t)?;
    let head = t[..r.start].trim_end_matches(text::is_space);
    if r.end != t.len() || !head.ends_with(text::is_close_paren) {
        return None;
    }
    let at = head.rfind(text::is_open_paren)?;
    let words = text::trim(&head[..at]);
    (text::chars_at_most(&head[at..], 8)
        && text::chars_at_most(words, 40)
        && words.chars().all(|c| text::is_han(c) || text::is_space(c))
        && is_seal_note(&head[at..], lex))
    .then_some((at, r.start))
}

/// A date and a note in brackets on one line (二〇二〇年一月十日　（此件公开
/// 发布）, 2020年10月9日（此件公开发布）, or the note first): where the second
/// begins.
pub fn date_and_note(t: &str) -> Option<usize> {
    // Most lines end otherwise: answered by their last character.
    let last = t.chars().next_back()?;
    let at = if text::is_close_paren(last) {
        t.rfind(text::is_open_paren)?
    } else if last == '日' && t.starts_with(text::is_open_paren) {
        let close = t.find(text::is_close_paren)?;
        close + t[close..].chars().next()?.len_utf8()
    } else {
        return None;
    };
    let (head, tail) = (text::trim(&t[..at]), text::trim(&t[at..]));
    let pair = |a: &str, b: &str| crate::normalize::is_date_line(a) && is_bracketed_note(b);
    (pair(head, tail) || pair(tail, head)).then_some(at)
}

/// The mark a footnote's line opens with, its text after it: a circled
/// number (①绿色有机茶园…) or a number of one or two digits in brackets
/// (〔1〕见《…》, [2]…, ［3］…). The mark as written.
pub fn footnote_mark(t: &str) -> Option<&str> {
    let t = text::trim(t);
    let mut cs = t.char_indices();
    let (_, first) = cs.next()?;
    let end = if ('\u{2460}'..='\u{2473}').contains(&first) {
        first.len_utf8()
    } else {
        let close = match first {
            '〔' => '〕',
            '[' => ']',
            '［' => '］',
            _ => return None,
        };
        let inner = &t[first.len_utf8()..];
        let digits = inner.find(|c: char| !text::is_digit(c))?;
        if !(1..=2).contains(&inner[..digits].chars().count())
            || !inner[digits..].starts_with(close)
        {
            return None;
        }
        first.len_utf8() + digits + close.len_utf8()
    };
    // (Text after it: a mark alone is no note.)
    text::trim(&t[end..])
        .starts_with(|c: char| !text::is_space(c))
        .then_some(&t[..end])
}

/// The mark a footnote's line opens with, as [`footnote_mark`] reads it, or
/// the first note's mark under the notes' own label run into its line
/// (注：①标准箱为…, 说明：〔1〕…; words.tsv `table_note`).
pub fn note_mark<'t>(t: &'t str, lex: &Lexicon) -> Option<&'t str> {
    footnote_mark(t).or_else(|| {
        // (The label opens the line, a few characters before its colon:
        // looked for in the line's first bytes, the mark after it first.)
        let t = text::trim(t);
        let first = t.chars().next()?;
        if !lex.table_note.iter().any(|w| w.starts_with(first)) {
            return None;
        }
        let (c, colon) = text::first_colon(&t[..text::ceil_char_boundary(t, 24)])?;
        let after = c + colon.len_utf8();
        let mark = footnote_mark(&t[after..])?;
        lex.after_note_label(&t[..after]).then_some(mark)
    })
}

/// A footnote's mark is a circled number (①), not one in brackets.
pub fn is_circled(mark: &str) -> bool {
    mark.starts_with(|c: char| crate::marker::CIRCLED.contains(&c))
}

/// A line of the 版记 under a document: a distribution line (抄送：…,
/// 分送：…) or the printing line (中共某县委办公室　2019年3月29日印发).
pub fn is_colophon(t: &str, lex: &Lexicon) -> bool {
    let distribution = lex.colophon_firsts.may_open(t)
        && lex.colophon.iter().any(|w| {
            text::starts_with_folded(t, w)
                .is_some_and(|n| text::trim(&t[n..]).starts_with(text::is_colon))
        });
    if distribution || is_disclosure(t, lex) {
        return true;
    }
    let bare = without_copies(t, lex);
    // (The copies note alone on its line, under the printing line: 1999
    // layout, …2009年2月17日印发 / （共印150份）.)
    if bare.is_empty() {
        return !text::trim(t).is_empty();
    }
    let t = bare;
    lex.printed.iter().any(|w| {
        t.strip_suffix(w.as_str()).is_some_and(|head| {
            let head = text::trim(head);
            parse_date(head).is_some_and(|(_, r)| r.end == head.len())
        })
    })
}

/// The longest disclosure line, in bytes: a label and a value of a few
/// characters each, spaces between them.
const DISCLOSURE_BYTES: usize = 96;

/// The disclosure line of the 版记 (公开方式：主动公开, 公开属性：依申请公开):
/// its label, a colon and one of the values, nothing else (words.tsv
/// `disclosure` and `disclosure_value`). A sentence naming how something is
/// published (公开方式：通过门户网站公开。) is none.
pub fn is_disclosure(t: &str, lex: &Lexicon) -> bool {
    let t = text::trim(t);
    // (A short line: most lines are answered by their length.)
    let first = t.chars().next();
    if t.len() > DISCLOSURE_BYTES || !lex.disclosure.iter().any(|w| w.chars().next() == first) {
        return false;
    }
    lex.disclosure.iter().any(|w| {
        text::starts_with_folded(t, w).is_some_and(|n| {
            text::trim(&t[n..])
                .strip_prefix(text::is_colon)
                .is_some_and(|v| lex.disclosure_value.iter().any(|d| text::trim(v) == d))
        })
    })
}

/// A line of the 版记 that is a note alone, no distribution or printing
/// line: the disclosure line ([`is_disclosure`]) or the copies note
/// (（共印20份）).
pub fn is_colophon_note(t: &str, lex: &Lexicon) -> bool {
    is_disclosure(t, lex) || without_copies(t, lex).is_empty() && !text::trim(t).is_empty()
}

/// The note naming whom to ask about the document (GB/T 9704 附注:
/// （联系人：李明，电话：0931-1234567）, （联系电话：…）): an opening bracket,
/// a word of words.tsv `contact` and a colon. Whether it closes on its line:
/// a wrap may cut it (…电话：0662-321234 / 5）).
pub fn contact_note(t: &str, lex: &Lexicon) -> Option<bool> {
    let t = text::trim(t);
    let open = t.chars().next().filter(|&c| text::is_open_paren(c))?;
    let inner = &t[open.len_utf8()..];
    // (The words are short: a bracket with no colon among its first
    // characters, （市财政局负责）, is answered before they are sought.)
    if !inner.chars().take(6).any(text::is_colon) {
        return None;
    }
    lex.contact
        .iter()
        .any(|w| {
            text::starts_with_folded(inner, w)
                .is_some_and(|n| text::trim(&inner[n..]).starts_with(text::is_colon))
        })
        .then(|| t.ends_with(text::is_close_paren))
}

/// `t` without the note of the copies printed that may close the 版记's
/// printing line (…2015年10月27日印发　（共印90份）; words.tsv `copies`),
/// trimmed.
pub fn without_copies<'s>(t: &'s str, lex: &Lexicon) -> &'s str {
    let t = text::trim(t);
    // (Most lines end otherwise: answered before the bracket is sought.)
    let Some(inner) = t
        .strip_suffix(['）', ')'])
        .filter(|inner| inner.ends_with('份'))
    else {
        return t;
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return t;
    };
    let note = &inner[open..];
    let note = &note[note.chars().next().map_or(1, char::len_utf8)..];
    let counts = note.strip_suffix('份').is_some_and(|n| {
        lex.copies.iter().any(|w| {
            n.strip_prefix(w.as_str())
                .is_some_and(|d| !d.is_empty() && d.chars().all(text::is_digit))
        })
    });
    if counts {
        text::trim(&inner[..open])
    } else {
        t
    }
}

/// The copies note of the 版记 cut by a wrap inside its bracket (（共印300 /
/// 份）, （共印120份 / ）, …印发　（共印90 / 份）, …印发（ / 共印300份）): `t`,
/// the bracket's short rest alone, closes the note `above` opens, a word of
/// words.tsv `copies` on either side of the cut. Whether the note stands alone (its place in the 版记 is then
/// read from the line above it); `None` when `above` is no 版记 line with
/// the note's head, only the printing line's organ and date before it.
pub fn copies_cut(above: &str, t: &str, lex: &Lexicon) -> Option<bool> {
    let (above, t) = (text::trim(above), text::trim(t));
    // (Most lines end otherwise: answered before the line above is read.)
    if !t.ends_with(['）', ')']) || !text::chars_at_most(t, 12) || t.contains(['（', '(']) {
        return None;
    }
    let joined = [above, t].concat();
    let head = without_copies(&joined, lex);
    (head.len() < joined.len() && (head.is_empty() || is_colophon(head, lex)))
        .then_some(head.is_empty())
}

/// The printing line of the 版记 without its date (某市人民政府办公室印发):
/// the organ alone before the word. Alone it may be a title's first line
/// (某市人民政府印发 / 《…办法》的通知), so it is read only under a
/// distribution line.
pub fn is_printed_undated(t: &str, lex: &Lexicon) -> bool {
    lex.printed.iter().any(|w| {
        t.strip_suffix(w.as_str()).is_some_and(|head| {
            let head = text::trim(head);
            !head.is_empty() && is_signature_text(head, lex)
        })
    })
}

/// The printing line of the 版记 cut by a wrap inside its word or before it
/// (…2008年6月21日印 / 发, …2019年3月29日 / 印发): `t` is the word's rest
/// alone, `above` a date and the word's head.
pub fn printed_cut(above: &str, t: &str, lex: &Lexicon) -> bool {
    let t = text::trim(t);
    t.len() <= 6
        && lex.printed.iter().any(|w| {
            w.char_indices().any(|(k, _)| {
                t == &w[k..]
                    && above.strip_suffix(&w[..k]).is_some_and(|head| {
                        let head = text::trim(head);
                        // (The whole word under a date alone is no 版记: the
                        // printing line names its organ before the date.)
                        parse_date(head)
                            .is_some_and(|(_, r)| r.end == head.len() && (k > 0 || r.start > 0))
                    })
            })
        })
}

/// The printing line of the 版记 cut by a wrap inside its date or before
/// it (某市人民政府办公室　　2021年 / 3月15日印发, 某市人民政府办公室 /
/// 2021年3月8日印发): `t`, short, ends with the word (its copies note after
/// it maybe: 年4月8日印发（共印300份）) and `above` holds the organ, alone
/// before the date, and maybe the date's head.
pub fn printed_cut_in_date(above: &str, t: &str, lex: &Lexicon) -> bool {
    let (above, t) = (text::trim(above), without_copies(t, lex));
    // (Most lines end otherwise: answered before the line above is read.)
    if !lex.printed.iter().any(|w| t.ends_with(w.as_str()))
        || !text::chars_at_most(t, 14)
        || is_colophon(above, lex)
    {
        return false;
    }
    let joined = [above, t].concat();
    lex.printed.iter().any(|w| {
        t.ends_with(w.as_str())
            && joined.strip_suffix(w.as_str()).is_some_and(|head| {
                let head = text::trim(head);
                parse_date(head).is_some_and(|(_, r)| {
                    let organ = text::trim(&head[..r.start]);
                    // (An organ's name alone: a sentence's words end no
                    // printing line, …清理范围。对市政府办公室 / 2018年1月1日印发.)
                    r.end == head.len()
                        && r.start <= above.len()
                        && !organ.is_empty()
                        && !organ.contains(['。', '，', '；', '：', '、', ',', ';', ':'])
                        && is_signature_text(organ, lex)
                })
            })
    })
}

/// The printing line of the 版记 cut twice by a narrow wrap, its organ
/// alone, then the date's head, then the date's rest with the word (中共某市
/// 委办公室 / 2020年8月 / 20日印发): `organ` an organ's name alone, `head` a
/// date's head alone, and the three joined a printing line.
pub fn printed_cut_twice(organ: &str, head: &str, t: &str, lex: &Lexicon) -> bool {
    let organ = text::trim(organ);
    crate::normalize::date::is_date_head(head)
        && is_signature_text(organ, lex)
        && printed_cut_in_date(&[organ, text::trim(head)].concat(), t, lex)
}

/// A line of the 版记 that opens with its date (2018年1月1日印发): the
/// printing line's rest a wrap cut from its organ, or a sentence's words a
/// wrap put first (…对市政府办公室 / 2018年1月1日印发 / 的规范性文件…). It
/// closes no document by itself.
pub fn dated_first(t: &str) -> bool {
    parse_date(text::trim(t)).is_some_and(|(_, r)| r.start == 0)
}

/// A contents line ending in leaders and a page number: 总则……………1.
pub fn has_page_leader(t: &str) -> bool {
    let head = t.trim_end_matches(|c: char| text::is_digit(c) || text::is_space(c));
    head.len() < t.len() && head.ends_with(['…', '.', '·', '．', '-', '—'])
}

/// The word alone that heads a table of contents (目录, 目　　录).
pub fn is_toc_heading(t: &str, lex: &Lexicon) -> bool {
    t.len() <= 32
        && lex.toc.iter().any(|w| {
            text::starts_with_spaced(t, w)
                && t.chars().filter(|c| !text::is_space(*c)).count() == w.chars().count()
        })
}

/// An unnumbered part a table of contents lists first, alone on its line
/// (序　　言, 前言), maybe with leaders and a page number (序言……1).
pub fn is_toc_preface(t: &str, lex: &Lexicon) -> bool {
    let t = text::trim(t);
    t.len() <= 48
        && lex.toc_preface.iter().any(|w| {
            text::starts_with_spaced(t, w) && {
                let letters = t.chars().filter(|c| !text::is_space(*c));
                letters.clone().count() == w.chars().count()
                    || has_page_leader(t)
                        && letters
                            .take(w.chars().count() + 1)
                            .last()
                            .is_some_and(|c| !crate::text::is_han(c))
            }
        })
}

/// 附件：1．某某表 — a list of the attachments (its first numbered item), not
/// the header of one; numbered in Chinese too, as older documents print it
/// (附件：一、某某名单 / 二、…).
pub fn lists_attachments(t: &str, lex: &Lexicon) -> bool {
    lex.attachment_firsts.may_open(t)
        && attachment_word_len(t, lex).is_some_and(|n| {
            let rest = text::trim(&t[n..]);
            let rest = rest
                .strip_prefix(|c: char| text::is_colon(c))
                .map_or(rest, text::trim);
            marker::marker(rest, false).is_some_and(|m| is_list_item(m.kind) && m.number == 1)
        })
}

/// The numbering a list of attachments takes: 1．, （1）, 一、.
pub fn is_list_item(kind: ClauseKind) -> bool {
    matches!(
        kind,
        ClauseKind::Num | ClauseKind::NumParen | ClauseKind::Cn
    )
}

/// An attachment header: 附件：标题 / 附件1 / 附件2：标题. The label (附件1)
/// and the title written on the same line (empty when it is on the next).
pub fn attachment_header<'s>(t: &'s str, lex: &Lexicon) -> Option<(&'s str, &'s str)> {
    if !lex.attachment_firsts.may_open(t) {
        return None;
    }
    let n = attachment_word_len(t, lex)?;
    // 附件, its number (附件2, 附件1-2), a colon or a space, the title. Digits
    // after the colon are the title's (附件：2007年全市…, 附件3：10项…), and so
    // are digits run into 年 (附件 2007年…).
    let spaces = |s: &'s str| s.trim_start_matches(text::is_space);
    let after = spaces(&t[n..]);
    let numbered = spaces(&after[attachment_number_len(after)..]);
    let rest = match numbered.strip_prefix(text::is_colon) {
        Some(r) => spaces(r),
        None if numbered.starts_with('年') => after,
        None => numbered,
    };
    if text::has_char(rest, '。') || !text::chars_at_most(rest, 80) {
        return None;
    }
    let label = text::trim(&t[..t.len() - rest.len()]).trim_end_matches(text::is_colon);
    Some((label, text::trim(rest)))
}

/// How many bytes of `t` are the attachment word opening it: 附件, or 附件
/// letter-spaced (附　件：…), or the short 附 with a colon after it (附：…分配
/// 表, 附： alone); not 附 opening a word (附近, 附表).
pub fn attachment_word_len(t: &str, lex: &Lexicon) -> Option<usize> {
    let spaced = |w: &str| {
        let mut at = 0;
        for (k, c) in w.chars().enumerate() {
            if k > 0 {
                at = t.len() - t[at..].trim_start_matches(text::is_space).len();
            }
            let next = t[at..].chars().next()?;
            if text::fold(next) != text::fold(c) {
                return None;
            }
            at += next.len_utf8();
        }
        Some(at)
    };
    lex.attachment
        .iter()
        .find_map(|w| text::starts_with_folded(t, w))
        .or_else(|| lex.attachment.iter().find_map(|w| spaced(w)))
        .or_else(|| {
            lex.attachment_short.iter().find_map(|w| {
                text::starts_with_folded(t, w).filter(|&n| {
                    t[n..]
                        .trim_start_matches(text::is_space)
                        .starts_with(text::is_colon)
                })
            })
        })
}

/// An attachment's header alone on its line, the word and maybe a colon,
/// no number or title (附件, 附件：, 附　件, 附：): the attached document's
/// title is the next line.
pub fn bare_attachment_header(t: &str, lex: &Lexicon) -> bool {
    let t = text::trim(t);
    text::chars_at_most(t, 6)
        && attachment_word_len(t, lex).is_some_and(|n| {
            t[n..]
                .chars()
                .all(|c| text::is_space(c) || text::is_colon(c))
        })
}

/// How many bytes of `after` (what follows 附件) are the attachment's
/// number: Arabic digits (附件2, 附件1-2), or a Chinese numeral of one to
/// ninety-nine (附件一, 附件十二) that ends the line or stands before a colon
/// or a space (附件二：…); never one a word goes on from (附件一览表) or a
/// year written in numerals (附件 二〇二〇年…).
fn attachment_number_len(after: &str) -> usize {
    let arabic = after.len()
        - after
            .trim_start_matches(|c: char| text::is_digit(c) || c == '-')
            .len();
    if arabic > 0 {
        return arabic;
    }
    let rest = after.trim_start_matches(crate::normalize::numeral::is_cn_numeral_char);
    let numeral = &after[..after.len() - rest.len()];
    let apart = rest
        .chars()
        .next()
        .is_none_or(|c| text::is_colon(c) || text::is_space(c));
    let small = crate::normalize::numeral::cn_number(numeral)
        .is_some_and(|v| (1..100).contains(&v))
        && text::chars_at_most(numeral, 3);
    if apart && small {
        numeral.len()
    } else {
        0
    }
}

/// An attachment's header set apart from any sentence: 附件2 alone, or its
/// title after a colon or a space (附件2：…, 附件 …); never text going on a
/// line above (…按照 / 附件2要求…). A task table's rows end there.
pub fn attachment_apart(t: &str, lex: &Lexicon) -> bool {
    attachment_header(t, lex).is_some_and(|(label, title)| apart(t, label, title))
}

/// The title `title` after the label `label` opening `t` is empty or set
/// apart by a colon or a space.
fn apart(t: &str, label: &str, title: &str) -> bool {
    title.is_empty()
        || t[label.len()..]
            .chars()
            .next()
            .is_some_and(|c| text::is_colon(c) || text::is_space(c))
}

/// An attachment's header that no text goes on: apart ([`attachment_apart`])
/// and alone or titled with a genre word (附件2：…分解表, 附件 …名单); not
/// …及 / 附件 1 所列其他成员单位.
pub fn opens_attachment(t: &str, lex: &Lexicon) -> bool {
    attachment_header(t, lex).is_some_and(|(label, title)| {
        apart(t, label, title) && (title.is_empty() || lex.genre_suffix(title).is_some())
    })
}

/// An organ and the date on one line (国务院　　2019年6月18日).
pub fn organ_and_date<'s>(t: &'s str, lex: &Lexicon) -> Option<(&'s str, Date)> {
    let (d, r) = parse_date(t)?;
    let organs = text::trim(&t[..r.start]);
    (r.end == t.len() && r.start > 0 && is_signature_text(organs, lex)).then_some((organs, d))
}

/// The organ and the date on one line with a gap between them, as the
/// sign-off prints them (某市人民政府办公室　　2022年7月8日): the organ named
/// in full, not by its short name or its ending alone (市财政局, 办公室: a
/// unit a roster or a contact line names, a wrap's rest).
pub fn organ_and_date_apart(t: &str, lex: &Lexicon) -> bool {
    let t = text::trim(t);
    // (Most lines end otherwise: answered before the date is read.)
    t.ends_with('日')
        && organ_and_date(t, lex).is_some_and(|(organs, _)| {
            t[organs.len()..].starts_with(text::is_space)
                && !organs.starts_with(crate::organs::SHORT_NAME)
                && !text::chars_at_most(organs, 3)
        })
}

/// The note under the date on how far the copy goes (GB/T 9704 附注:
/// （此件公开发布）, （此件发至县级）; words.tsv `scope_note`): a line wholly in
/// brackets opening with its word.
pub fn is_scope_note(t: &str, lex: &Lexicon) -> bool {
    let t = text::trim(t);
    is_bracketed_note(t)
        && t.chars().next().is_some_and(|open| {
            let inner = &t[open.len_utf8()..];
            lex.scope_note.iter().any(|w| inner.starts_with(w.as_str()))
        })
}

/// A line only a document's close holds, never the rest of a sentence a
/// wrap cut, however full the line above it: the signature and its date
/// parted by a gap, or the note on how far the copy goes.
pub fn closes_document(t: &str, lex: &Lexicon) -> bool {
    organ_and_date_apart(t, lex) || is_scope_note(t, lex)
}

/// A person's signature and the date on one line (市长　元方　　2020年11月3日):
/// a post ending as a head's does (市长, 省长, 主任), a space, a name of two to
/// four ideographs, the date. The post and the name are each written whole or
/// spaced out a character at a time (市长　邓　平, and on a letter-spaced page
/// 市　长　李　明　　2020年12月3日). The date.
pub fn person_and_date(t: &str) -> Option<Date> {
    let (d, r) = parse_date(t)?;
    if r.end != t.trim_end_matches(text::is_space).len() || r.start == 0 {
        return None;
    }
    let parts: Vec<&str> = t[..r.start]
        .split(text::is_space)
        .filter(|p| !p.is_empty())
        .collect();
    let han = |p: &str| p.chars().all(text::is_han);
    if parts.len() > 10 || !parts.iter().all(|p| han(p)) {
        return None;
    }
    // The post ends at the first part that closes a head's title.
    let head = |p: &str| p.ends_with('长') || p.ends_with('長') || p.ends_with("主任");
    let mut post = String::new();
    let mut at = 0;
    while at < parts.len() && !(head(&post) && text::char_len(&post) >= 2) {
        post.push_str(parts[at]);
        at += 1;
    }
    let (post_parts, name) = parts.split_at(at);
    (head(&post)
        && (2..=6).contains(&text::char_len(&post))
        && written_whole_or_spaced(post_parts, 2..=6)
        && written_whole_or_spaced(name, 2..=4))
    .then_some(d)
}

/// A word of `chars` characters written as one part or spaced out, one
/// character a part (邓　平): not a mix (王　小明).
fn written_whole_or_spaced(parts: &[&str], chars: std::ops::RangeInclusive<usize>) -> bool {
    match parts {
        [one] => chars.contains(&text::char_len(one)),
        _ => chars.contains(&parts.len()) && parts.iter().all(|p| text::char_len(p) == 1),
    }
}

/// A signature run into the last sentence (…贯彻落实。中共某市委员会
/// [2020年9月23日]): where it starts, the organs, and the date if written.
pub struct RunOnSignature<'s> {
    pub at: usize,
    pub organs: &'s str,
    pub date: Option<Date>,
}

pub fn signature_after_stop<'s>(t: &'s str, lex: &Lexicon) -> Option<RunOnSignature<'s>> {
    let p = text::rfind_char(t, '。')?;
    let mut at = p + '。'.len_utf8();
    // (A note in brackets closing the sentence stays with it: …及时报告。
    // （各有关部门按职责分工负责）某市人民政府办公室　2021年5月20日.)
    if t[at..].starts_with(text::is_open_paren) {
        if let Some(c) = t[at..].find(text::is_close_paren) {
            at += c + t[at + c..].chars().next().map_or(1, char::len_utf8);
        }
    }
    signature_from(t, at, lex)
}

/// A signature run in after a bracket that closes on `t`, opened `depth`
/// deep before it: a note closing a sentence above and cut by a wrap (…（市
/// 教育局牵头，某银行某市办事处等 / 有关单位配合）某市教育局　某市财政局), or
/// with `depth` 0 opening `t` (…快速处置。 / （市应急管理局负责）某市人民政府办公室).
/// The bracket stays with the sentence, the signature read after it.
pub fn signature_after_close<'s>(
    t: &'s str,
    depth: usize,
    lex: &Lexicon,
) -> Option<RunOnSignature<'s>> {
    if depth == 0 && !t.starts_with(text::is_open_paren) {
        return None;
    }
    let mut d = depth;
    for (i, c) in t.char_indices() {
        if text::is_open_paren(c) {
            d += 1;
        } else if text::is_close_paren(c) {
            d = d.checked_sub(1)?;
            if d == 0 {
                return signature_from(t, i + c.len_utf8(), lex);
            }
        } else if c == '。' {
            // (A sentence ends inside: no note of a few units.)
            return None;
        }
    }
    None
}

/// The organs and the date, if written, that end `t` from byte `at` on.
fn signature_from<'s>(t: &'s str, at: usize, lex: &Lexicon) -> Option<RunOnSignature<'s>> {
    let tail = &t[at..];
    let (organs, date) = match parse_date(tail) {
        Some((d, r)) if text::trim(&tail[r.end..]).is_empty() => (&tail[..r.start], Some(d)),
        _ => (tail, None),
    };
    let organs = text::trim(organs);
    (!organs.is_empty() && is_signature_text(organs, lex)).then_some(RunOnSignature {
        at,
        organs,
        date,
    })
}

/// A clause marker run into the text after a full stop (a document
/// without line breaks): the byte offset of the first one that `wanted`
/// accepts (kind and number the numbering expects next), from `from` on.
/// After a sentence closed by a bracket (…120座。（市旅发委负责）二、…), the
/// marker stands after the bracket.
pub fn marker_after_stop(t: &str, from: usize, wanted: impl Fn(&Marker) -> bool) -> Option<usize> {
    let after = |i: usize| {
        let at = i + t[i..].chars().next().map_or(1, |c| c.len_utf8());
        let rest = text::trim(&t[at..]);
        let off = t.len() - rest.len();
        let m = marker::marker(rest, false)?;
        if matches!(m.kind, ClauseKind::CnEnum | ClauseKind::Decimal) {
            return None;
        }
        let next = rest[m.body..].chars().next();
        // (Or an article's marker closing the line, its text on the next:
        // …负责解释。第六条 / 本办法自…施行.)
        let han_next = next.is_some_and(|c| text::is_han(c) || c == '“' || c == '《')
            || next.is_none() && m.kind == ClauseKind::Article;
        // (三、四级手术, 二、三年级: a count of two, not a marker.)
        let counts = m.kind == ClauseKind::Cn && next.is_some_and(is_cn_numeral_char);
        (han_next && !counts && wanted(&m)).then_some(off)
    };
    let stop = text::stops(&t[from..]).find_map(|i| after(from + i));
    // (Most lines hold no closing bracket: `)`, or 0x89, the last byte of
    // ）, EF BC 89.)
    let b = &t.as_bytes()[from..];
    if memchr::memchr2(b')', 0x89, b).is_none() {
        return stop;
    }
    static WIDE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("）".as_bytes()));
    let closed = memchr::memchr_iter(b')', b)
        .chain(WIDE.find_iter(b))
        .map(|i| from + i)
        .filter(|&i| stop.is_none_or(|s| i < s))
        .filter(|&i| opens_marker(&t[i..]) && closes_sentence_note(t, i))
        .filter_map(after)
        .min();
    closed.or(stop)
}

/// After the bracket `t` opens with, a character a marker may open with.
fn opens_marker(t: &str) -> bool {
    let mut cs = t.chars();
    cs.next();
    let rest = cs.as_str().trim_start_matches(text::is_space);
    rest.chars().next().is_some_and(|c| {
        text::is_digit(c) || text::is_open_paren(c) || c == '第' || is_cn_numeral_char(c)
    })
}

/// The closing bracket at `close` ends a bracket opened right after a full
/// stop (。（市科技局牵头）): a note closing the sentence. Opened on the line
/// before, a wrap having cut it (（市旅发委 / 负责）二、…), it closes a few
/// characters into the line, with no stop before it.
fn closes_sentence_note(t: &str, close: usize) -> bool {
    let Some(open) = t[..close].rfind(['(', '（']) else {
        let head = &t[..close];
        return text::chars_at_most(head, 16) && !head.contains(['。', '；', ';', ')', '）']);
    };
    !t[open..close].contains([')', '）']) && t[..open].ends_with(['。', '；', ';'])
}

/// A marker run into the heading of the clause before it (…短板1.全面完成):
/// right after an ideograph, before the first 。, a new list (number 1), the
/// next of a list the document numbers on across its sections (`continues`:
/// …乡风文明5.加强…, 4. the last), or the next sibling ((一)加强领导(二)…).
pub fn marker_in_heading(
    t: &str,
    m: &Marker,
    continues: impl Fn(&Marker) -> bool,
) -> Option<usize> {
    let body = &t[m.body..];
    let head_end = text::find_char(body, '。').unwrap_or(body.len());
    let head = &body[..head_end];
    // A marker here opens with a digit or an opening parenthesis: most
    // headings hold neither (one pass over the bytes).
    let b = head.as_bytes();
    // First a coarse test the compiler vectorises (a digit, `(` or a
    // full-width form's lead byte anywhere), then the exact one.
    let coarse = b.iter().fold(false, |any, &x| {
        any | x.is_ascii_digit() | (x == b'(') | (x == 0xef)
    });
    let candidate = coarse
        && b.iter().enumerate().any(|(i, &x)| {
            x.is_ascii_digit()
            || x == b'('
            // （ EF BC 88, ０–９ EF BC 90–99
            || x == 0xef && matches!(b.get(i + 1..i + 3), Some([0xbc, 0x88 | 0x90..=0x99]))
        });
    if !candidate {
        return None;
    }
    let mut prev: Option<char> = None;
    for (i, c) in head.char_indices() {
        // (After 第 the number cites an item: 第一款第（三）项.)
        if i > 0
            && prev.is_some_and(|p| text::is_han(p) && p != '第' || p == '”')
            && (text::is_digit(c) || text::is_open_paren(c))
        {
            if let Some(n) = marker::marker(&head[i..], false) {
                let next = head[i + n.body..].chars().next();
                let follows = if n.kind == m.kind {
                    n.number == m.number + 1
                } else {
                    n.number == 1 || n.number > 1 && continues(&n)
                };
                if follows
                    && matches!(
                        n.kind,
                        ClauseKind::Num | ClauseKind::NumParen | ClauseKind::CnParen
                    )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preface_listed_in_the_contents() {
        let lex = Lexicon::builtin();
        for t in ["序　　言", "序言", "前言", "序言……………1"] {
            assert!(is_toc_preface(t, &lex), "{t}");
        }
        for t in ["序言部分说明", "第一章　总则", "序言。", "目录"] {
            assert!(!is_toc_preface(t, &lex), "{t}");
        }
    }

    /// A heading closed by the count of its list; a bracket of years or
    /// a note counts nothing.
    #[test]
    fn headings_closed_by_a_count() {
        let lex = Lexicon::builtin();
        let headings = [
            ("一、招商引资工作先进单位（10个）", true),
            ("先进个人（三十名）", true),
            ("表彰决定(2项)", true),
            ("实施方案（2022—2024年）", false),
            ("（三）其他（试行）", false),
            ("先进单位（10个）名单", false),
        ];
        for (h, counted) in headings {
            assert_eq!(closes_with_count(h, &lex), counted, "{h}");
        }
    }

    /// The copies note closes the printing line; other brackets stay.
    #[test]
    fn printing_line_with_its_copies() {
        let lex = Lexicon::builtin();
        let t = "武威市人民政府办公室　　2015年10月27日印发　（共印90份）";
        assert_eq!(
            without_copies(t, &lex),
            "武威市人民政府办公室　　2015年10月27日印发"
        );
        assert!(is_colophon(t, &lex));
        assert_eq!(without_copies("办法（试行）", &lex), "办法（试行）");
        assert!(!is_colophon("某市人民政府印发（共印份）", &lex));
        // (Alone on its line under the printing line, it is the 版记's.)
        for (t, read) in [
            ("　　　　（共印150份）", true),
            ("（共印份）", false),
            ("（此件公开发布）", false),
            ("", false),
        ] {
            assert_eq!(is_colophon(t, &lex), read, "{t}");
        }
    }

    /// The disclosure line is its label, a colon and a value it takes,
    /// nothing else; a sentence after the label is none.
    #[test]
    fn disclosure_line() {
        let lex = Lexicon::builtin();
        for (t, read) in [
            ("公开方式：主动公开", true),
            ("公开属性: 依申请公开", true),
            ("信息公开选项：不予公开", true),
            ("公开方式：通过门户网站主动公开。", false),
            ("主动公开", false),
            ("公开方式主动公开", false),
        ] {
            assert_eq!(is_disclosure(t, &lex), read, "{t}");
            assert_eq!(is_colophon(t, &lex), read, "{t}");
        }
    }

    /// A contact note opens with its bracket and a contact word before a
    /// colon; a wrap may leave it open.
    #[test]
    fn contact_note_under_the_date() {
        let lex = Lexicon::builtin();
        for (t, read) in [
            (
                "（联系人：市国土资源局　林小燕，电话：0662-3212345）",
                Some(true),
            ),
            ("（联系人：林小燕，电话：0662-321234", Some(false)),
            ("　　(联系电话:0751-8882315)", Some(true)),
            ("联系人：林小燕　电话：0662-3212345", None),
            ("（此件公开发布）", None),
            ("（电话会议另行通知）", None),
        ] {
            assert_eq!(contact_note(t, &lex), read, "{t}");
        }
    }

    /// The copies note cut inside its bracket: alone, or closing the
    /// printing line; not a bracket of the text nor a 版记 word's rest.
    #[test]
    fn a_copies_note_cut_by_a_wrap() {
        let lex = Lexicon::builtin();
        for (above, t, cut) in [
            ("　　　　（共印300", "份）", Some(true)),
            ("（共印120份", "）", Some(true)),
            (
                "某市人民政府办公室　2015年4月9日印发　（共印90",
                "份）",
                Some(false),
            ),
            ("各部门要加强检查（共印300", "份）", None),
            ("（牵头单位：市财政局", "）", None),
            ("（共印300", "份）。", None),
            ("（共印300", "（份）", None),
            ("　　　　　　（", "共印150份）", Some(true)),
            (
                "某市人民政府办公室秘书科　　2009年4月8日印发（",
                "共印300份）",
                Some(false),
            ),
            ("各部门要加强检查（", "共印300份）", None),
        ] {
            assert_eq!(copies_cut(above, t, &lex), cut, "{above} / {t}");
        }
    }

    /// The sign-off's organ and date parted by a gap, and the note on how
    /// far the copy goes, close a document; run together, or in a
    /// sentence, they do not.
    #[test]
    fn lines_that_close_a_document() {
        let lex = Lexicon::builtin();
        for (t, closes) in [
            ("某市人民政府办公室　　　　2022年7月8日", true),
            ("中共某市委　某市人民政府　二〇二〇年三月二日", true),
            ("（此件公开发布）", true),
            ("(此件发至县级)", true),
            ("某市人民政府办公室2022年7月8日", false),
            ("办公室 2020年5月6日", false),
            ("市财政局　2020年5月6日", false),
            ("经研究，某市人民政府　2022年7月8日", false),
            ("2022年7月8日", false),
            ("（此件公开发布", false),
            ("（市应急管理局负责）", false),
            ("（联系人：王明，电话：0791-1234567）", false),
        ] {
            assert_eq!(closes_document(t, &lex), closes, "{t}");
        }
    }

    /// A seal's note is its word alone in brackets; other notes are not.
    #[test]
    fn seal_notes() {
        let lex = Lexicon::builtin();
        for (t, seal) in [
            ("（印章）", true),
            ("　　　　（盖　章）", true),
            ("(单位盖章)", true),
            ("（公章）", true),
            ("（此件公开发布）", false),
            ("（印章管理办法）", false),
            ("印章", false),
            ("（印章）　　　　　　　　　　　　（印章）", true),
            ("（印章）　　（此件公开发布）", false),
            ("（印章）　　印章", false),
            ("（印章", false),
        ] {
            assert_eq!(is_seal_note(t, &lex), seal, "{t}");
        }
    }

    /// An organ and its seal's note on one line part before the note; a
    /// note after other words, or another note, does not.
    #[test]
    fn an_organ_and_its_seal_note() {
        let lex = Lexicon::builtin();
        for (t, at) in [
            (
                "宜春市人民政府办公室（印章）",
                Some("宜春市人民政府办公室".len()),
            ),
            ("某市农业局　(盖章)", Some("某市农业局　".len())),
            ("（印章）", None),
            ("填报单位（盖章）", None),
            ("某市农业局（印章）　某市财政局（印章）", None),
            ("宜春市人民政府办公室（此件公开发布）", None),
            ("请各单位于月底前报送（盖章）", None),
        ] {
            assert_eq!(organ_and_seal(t, &lex), at, "{t}");
        }
    }

    /// An organ, its seal's note and the date on one line part before the
    /// note and before the date; a note of another kind, or words after the
    /// date, do not.
    #[test]
    fn a_sealed_sign_off() {
        let lex = Lexicon::builtin();
        let organ = "　　梧州市人民政府办公室";
        let sealed = [organ, "（印章）　"].concat();
        for (t, at) in [
            (
                [sealed.as_str(), "二〇一一年四月十二日"].concat(),
                Some((organ.len(), sealed.len())),
            ),
            (
                "某县农业局（章）2020年5月6日".to_owned(),
                Some(("某县农业局".len(), "某县农业局（章）".len())),
            ),
            (
                "（盖章）　　2020年5月6日".to_owned(),
                Some((0, "（盖章）　　".len())),
            ),
            (
                "公室（印章）　二〇一一年四月十二日".to_owned(),
                Some(("公室".len(), "公室（印章）　".len())),
            ),
            ("某县农业局　2020年5月6日".to_owned(), None),
            ("某县农业局（此件公开发布）　2020年5月6日".to_owned(), None),
            ("某县农业局（印章）　2020年5月6日印发".to_owned(), None),
            ("请于5日前报送（盖章）2020年5月6日".to_owned(), None),
            ("请各单位（盖章）。2020年5月6日".to_owned(), None),
        ] {
            assert_eq!(sealed_sign_off(&t, &lex), at, "{t}");
        }
    }

    /// A seal's note cut inside its brackets, alone or the last of a line
    /// of them; not a note whole above its rest, nor another note.
    #[test]
    fn seal_notes_cut() {
        let lex = Lexicon::builtin();
        for (head, rest, cut) in [
            ("　　　　　　（", "印章）", true),
            ("（印章）　　　　　　（印", "章）", true),
            ("（单位", "盖章）", true),
            ("（印章）", "（印章）", false),
            ("（此件公开", "发布）", false),
            ("各部门要（", "印章）", false),
            ("（", "印章）　（印章）", false),
        ] {
            assert_eq!(seal_note_cut(head, rest, &lex), cut, "{head} / {rest}");
        }
    }

    /// Footnotes open with a circled number or a short number in brackets;
    /// a year or an issuer code in brackets opens none.
    #[test]
    fn footnote_marks() {
        assert_eq!(
            footnote_mark("①茶旅融合示范村认定办法另行制定。"),
            Some("①")
        );
        assert_eq!(
            footnote_mark("　　〔1〕见《甘肃省2020年大气污染防治工作方案》。"),
            Some("〔1〕")
        );
        assert_eq!(footnote_mark("[12]指…"), Some("[12]"));
        assert_eq!(footnote_mark("〔2020〕41号文件"), None);
        assert_eq!(footnote_mark("〔1〕"), None);
        assert_eq!(footnote_mark("（1）开展普查。"), None);
    }

    /// The first note under the notes' label run into its line has its
    /// mark; a label with no mark after it, or any other label, has none.
    #[test]
    fn note_marks_after_the_notes_label() {
        let lex = Lexicon::builtin();
        assert_eq!(
            note_mark("注：①标准箱为20英尺集装箱计量单位。", &lex),
            Some("①")
        );
        assert_eq!(
            note_mark("　说明:〔1〕见《某某办法》。", &lex),
            Some("〔1〕")
        );
        assert_eq!(note_mark("②按年度口径统计。", &lex), Some("②"));
        assert_eq!(note_mark("注：本表数据截至6月底。", &lex), None);
        assert_eq!(note_mark("牵头单位：①市发展改革委", &lex), None);
    }

    #[test]
    fn a_head_signs_with_the_date() {
        for (t, signs) in [
            ("市长　元方　　2020年11月3日", true),
            // The name's characters spaced out.
            ("市长  邓  平　　　　2021年8月2日", true),
            ("县长　王　小　明　2021年1月5日", true),
            ("市长　王　小明　2021年1月5日", false),
            ("组长　张三　李四　2021年1月5日", false),
            ("市长　2021年1月5日", false),
            // Post and name spaced out on a letter-spaced page.
            ("市　长　李　明　　2020年12月3日", true),
            ("主　任　王　小　明　2021年1月5日", true),
            ("市　长　李　明　张　三　王　2021年1月5日", false),
            ("组　长　张三　李四　2021年1月5日", false),
        ] {
            assert_eq!(person_and_date(t).is_some(), signs, "{t}");
        }
    }

    #[test]
    fn a_circled_mark_is_no_bracketed_one() {
        for (mark, circled) in [("①", true), ("⑳", true), ("〔1〕", false), ("[2]", false)] {
            assert_eq!(is_circled(mark), circled, "{mark}");
        }
    }

    #[test]
    fn notes_leaders_and_attachments() {
        let lex = Lexicon::builtin();
        assert!(is_bracketed_note("（此件公开发布）"));
        assert!(has_page_leader("第一章　总则……………1"));
        assert!(!has_page_leader("第一章　总则"));
        assert!(is_toc_heading("目　　录", &lex));
        assert!(lists_attachments("附件：1．重点任务分解表", &lex));
        assert!(!lists_attachments("附件：重点任务分解表", &lex));
        assert_eq!(
            attachment_header("附件2：重点任务分解表", &lex),
            Some(("附件2", "重点任务分解表"))
        );
        assert_eq!(attachment_header("附件", &lex), Some(("附件", "")));
        assert!(opens_attachment("附件2", &lex));
        assert!(opens_attachment("附件2：重点任务分解表", &lex));
        assert!(opens_attachment("附件 重点任务分解表", &lex));
        assert!(!opens_attachment("附件2要求的各项任务", &lex));
        assert!(!opens_attachment("附件 1 所列其他成员单位", &lex));
        assert!(!opens_attachment("附件2：所列项目", &lex));
        assert!(attachment_apart("附件2：所列项目", &lex));
        assert!(!attachment_apart("附件2要求的各项任务", &lex));
        // A title opening with a year keeps it; the attachment's number
        // before it is still the label's.
        for (t, want) in [
            (
                "附件：2007年全市招商引资工作要点",
                ("附件", "2007年全市招商引资工作要点"),
            ),
            (
                "附件1：2006年度先进单位名单",
                ("附件1", "2006年度先进单位名单"),
            ),
            ("附件 ２０２０年工作要点", ("附件", "２０２０年工作要点")),
            ("附件3：10项重点任务", ("附件3", "10项重点任务")),
        ] {
            assert_eq!(attachment_header(t, &lex), Some(want), "{t}");
        }
    }

    /// An attachment numbered in Chinese numerals, alone or before a colon
    /// or a space: the numeral is the label's, never the title.
    #[test]
    fn attachments_numbered_in_chinese_numerals() {
        let lex = Lexicon::builtin();
        for (t, want) in [
            ("附件一", ("附件一", "")),
            ("附件十二", ("附件十二", "")),
            ("附件二：重点任务清单", ("附件二", "重点任务清单")),
            ("附件三　领导小组成员名单", ("附件三", "领导小组成员名单")),
            ("附件 ２０２０年工作要点", ("附件", "２０２０年工作要点")),
            ("附件 二〇二〇年工作要点", ("附件", "二〇二〇年工作要点")),
            ("附件一览表", ("附件", "一览表")),
        ] {
            assert_eq!(attachment_header(t, &lex), Some(want), "{t}");
        }
        assert!(opens_attachment("附件一", &lex));
        assert!(opens_attachment("附件二：重点任务清单", &lex));
        assert!(attachment_apart("附件三", &lex));
        assert!(!opens_attachment("附件一览表", &lex));
        assert!(is_colophon(
            "抄送：县人大常委会办公室，县政协办公室。",
            &lex
        ));
        assert!(is_colophon(
            "中共城口县委办公室　　　　2019年3月29日印发",
            &lex
        ));
        assert!(!is_colophon("抄送有关部门备案。", &lex));
        assert!(!is_colophon("现将方案印发", &lex));
        assert!(!is_colophon("某某市人民政府办公室印发", &lex));
        assert!(is_printed_undated("某某市人民政府办公室印发", &lex));
        assert!(is_printed_undated("中共某县委办公室　　印发", &lex));
        assert!(!is_printed_undated("印发", &lex));
        assert!(!is_printed_undated(
            "经市政府同意，由市政府办公室印发",
            &lex
        ));
        assert!(!is_printed_undated("某县委办公室2019年3月29日印发", &lex));
    }

    #[test]
    fn printing_line_opening_with_its_date() {
        assert!(dated_first("2018年1月1日印发"));
        assert!(dated_first("　2021年3月8日印发"));
        assert!(!dated_first("某市人民政府办公室　2021年3月8日印发"));
    }

    #[test]
    fn printing_line_cut_inside_its_date() {
        let lex = Lexicon::builtin();
        assert!(printed_cut_in_date(
            "某市人民政府办公室　　　　　　2021年",
            "3月15日印发",
            &lex
        ));
        assert!(printed_cut_in_date(
            "某市人民政府办公室　　2021年3",
            "月15日印发",
            &lex
        ));
        // (Its copies note closing the rest.)
        assert!(printed_cut_in_date(
            "某市人民政府办公室秘书科　　　　2009",
            "年4月8日印发（共印300份）",
            &lex
        ));
        // (A sentence's date is no printing line's: no organ alone before it.)
        assert!(!printed_cut_in_date(
            "本方案已于2021年",
            "3月15日印发",
            &lex
        ));
        // (Nor a line already whole.)
        assert!(!printed_cut_in_date(
            "某市人民政府办公室　　2021年3月15日印发",
            "印发",
            &lex
        ));
    }

    /// The printing line cut twice, organ / date's head / rest and 印发;
    /// a sentence's words or a whole date above are none.
    #[test]
    fn printing_line_cut_twice() {
        let lex = Lexicon::builtin();
        let cut = |[organ, head, t]: [&str; 3]| printed_cut_twice(organ, head, t, &lex);
        assert!(cut([
            "中共某市委办公室　　　",
            "　　　　2020年8月",
            "20日印发"
        ]));
        assert!(cut(["某市人民政府办公室", "2021年", "3月15日印发"]));
        for lines in [
            ["本方案已于", "2021年", "3月15日印发"],
            ["某市人民政府办公室", "2021年3月15日", "印发"],
            ["某市人民政府办公室", "2021年3月", "15日印发的方案"],
        ] {
            assert!(!cut(lines), "{lines:?}");
        }
    }

    #[test]
    fn a_printing_line_cut_inside_its_word() {
        let lex = Lexicon::builtin();
        let above = "某市人民政府办公室　　2008年6月21日印";
        assert!(printed_cut(above, "发", &lex));
        assert!(printed_cut("某县委办公室 2019年3月29日", "印发", &lex));
        assert!(!printed_cut(above, "发展改革委", &lex));
        assert!(!printed_cut("请各地抓好落实。现将方案印", "发", &lex));
        assert!(!printed_cut("某市人民政府办公室", "发", &lex));
        assert!(!printed_cut("2019年3月29日", "印发", &lex));
    }

    #[test]
    fn leaders_contents_headings_and_attachment_lists_need_their_whole_shape() {
        let lex = Lexicon::builtin();
        // Text ending in an ellipsis, or in a figure: no leaders and page.
        assert!(!has_page_leader("坚持以人民为中心……"));
        assert!(!has_page_leader("全年新增城镇就业岗位12000"));
        // 目录 written without the spaces that often pad it.
        assert!(is_toc_heading("目录", &lex));
        assert!(!is_toc_heading("目录说明", &lex));
        // A list starts at its first item; a later item, or a clause
        // marker of another kind, is not the start of a list.
        assert!(!lists_attachments("附件：2．重点任务分解表", &lex));
        assert!(!lists_attachments("附件：二、重点任务分解表", &lex));
        // (Numbered in Chinese, as older documents print it; after 附：.)
        assert!(lists_attachments("附件：一、重点任务分解表", &lex));
        assert!(lists_attachments("附：1．重点任务分解表", &lex));
        // An attachment's header alone: 附件, 附：, spaced; not 附 opening a word.
        for t in ["附件", "附件：", "附：", "附　件：", "附:"] {
            assert!(bare_attachment_header(t, &lex), "{t}");
        }
        for t in ["附", "附近", "附表", "附件1：某某表", "附：某某分配表"] {
            assert!(!bare_attachment_header(t, &lex), "{t}");
        }
        assert_eq!(
            attachment_header("附：某某分配表", &lex),
            Some(("附", "某某分配表"))
        );
        assert_eq!(
            attachment_header("附　件：某某任务表", &lex),
            Some(("附　件", "某某任务表"))
        );
        assert_eq!(attachment_header("附近村庄", &lex), None);
        assert!(lists_attachments("附件：（1）重点任务分解表", &lex));
    }

    #[test]
    fn an_attachment_header_is_short_and_not_a_sentence() {
        let lex = Lexicon::builtin();
        assert_eq!(
            attachment_header("附件所列任务请各单位认真抓好落实。", &lex),
            None
        );
        // The title may take up to 80 characters.
        let title = "石嘴山市2020年度深化“放管服”改革优化营商环境重点工作任务分解方案及责任清单（含县区、市直各部门、各园区管委会、各人民团体、各驻石区直属单位）和考核评价办法";
        assert_eq!(text::char_len(title), 80);
        let t = format!("附件1：{title}");
        assert_eq!(attachment_header(&t, &lex), Some(("附件1", title)));
        let t = format!("附件1：{title}表");
        assert_eq!(attachment_header(&t, &lex), None);
    }

    #[test]
    fn a_signature_run_into_text_ends_the_line() {
        let lex = Lexicon::builtin();
        // Text after the date: not a signature closing the line.
        assert!(signature_after_stop(
            "请认真贯彻落实。中共石嘴山市委员会2020年9月23日（此件公开发布）",
            &lex
        )
        .is_none());
        // The last sentence is not an organ's name.
        assert!(signature_after_stop("各单位要高度重视。切实抓好贯彻落实", &lex).is_none());
        let s = signature_after_stop("请认真贯彻落实。石嘴山市人民政府", &lex).unwrap();
        assert_eq!((s.organs, s.date.is_none()), ("石嘴山市人民政府", true));
    }

    #[test]
    fn a_signature_after_a_note_closing_on_the_line() {
        let lex = Lexicon::builtin();
        // Opened on the line above, a bracket inside it.
        let t = "各区县（市）人民政府配合）某市人民政府　2021年5月8日";
        let s = signature_after_close(t, 1, &lex).unwrap();
        assert_eq!(&t[..s.at], "各区县（市）人民政府配合）");
        assert_eq!(
            (s.organs, s.date.map(|d| d.iso())),
            ("某市人民政府", Some("2021-05-08".into()))
        );
        // Opening the line.
        let s = signature_after_close("（市林业局负责）某市人民政府办公室", 0, &lex).unwrap();
        assert_eq!(s.organs, "某市人民政府办公室");
        assert!(signature_after_close("市林业局负责）某市人民政府办公室", 0, &lex).is_none());
        // Text after the bracket, or a sentence ending inside it.
        assert!(signature_after_close("负责）各地要抓好落实", 1, &lex).is_none());
        assert!(signature_after_close("负责。）某市人民政府", 1, &lex).is_none());
    }

    #[test]
    fn a_run_in_marker_is_followed_by_its_text() {
        let any = |_: &Marker| true;
        // A quotation or a book title may open the clause.
        let t = "做好准备。二、“放管服”改革";
        assert_eq!(marker_after_stop(t, 0, any), Some("做好准备。".len()));
        let t = "做好准备。二、《条例》宣传";
        assert_eq!(marker_after_stop(t, 0, any), Some("做好准备。".len()));
        // A figure after the marker: 3、4月份 is a range of months.
        assert_eq!(
            marker_after_stop("各项工作已完成。3、4月份开展验收。", 0, any),
            None
        );
        // An article's marker closing the line opens it; a list's does not.
        assert_eq!(
            marker_after_stop("本办法由市林业局负责解释。第六条", 0, any),
            Some("本办法由市林业局负责解释。".len())
        );
        assert_eq!(marker_after_stop("各项工作已完成。二、", 0, any), None);
    }

    /// The text from the marker run into `t`'s heading, if any.
    fn run_in(t: &str, continues: impl Fn(&Marker) -> bool) -> Option<&str> {
        let m = marker::marker(t, false).unwrap();
        marker_in_heading(t, &m, continues).map(|at| &t[at..])
    }

    #[test]
    fn a_marker_in_a_heading_follows_an_ideograph() {
        let none = |_: &Marker| false;
        let t = "（一）落实“放管服”1.全面推进改革。";
        assert_eq!(run_in(t, none), Some("1.全面推进改革。"));
        // After a comma: an enumeration inside the sentence.
        assert_eq!(
            run_in("（一）补齐短板，1.全面完成改造；2.加快推进改革。", none),
            None
        );
        // Full-width digits and brackets open one too; a heading with no
        // digit or opening bracket holds none.
        assert_eq!(
            run_in("一、加强领导（1）明确分工。", none),
            Some("（1）明确分工。")
        );
        assert_eq!(
            run_in("（一）加强领导１．明确分工。", none),
            Some("１．明确分工。")
        );
        assert_eq!(run_in("（一）加强组织领导，明确分工。", none), None);
        // A later number only where the document's numbering goes on with
        // it; the next sibling always.
        let t = "（三）推进乡风文明5.加强农村思想道德建设。";
        assert_eq!(run_in(t, none), None);
        assert_eq!(
            run_in(t, |n| n.number == 5),
            Some("5.加强农村思想道德建设。")
        );
        assert_eq!(
            run_in("（一）加强领导（二）强化考核", none),
            Some("（二）强化考核")
        );
        assert_eq!(run_in("（一）加强领导（三）强化考核", none), None);
    }

    #[test]
    fn a_date_and_a_note_on_one_line() {
        let at =
            |t: &'static str| date_and_note(t).map(|i| (text::trim(&t[..i]), text::trim(&t[i..])));
        assert_eq!(
            at("二〇二〇年一月十日　（此件公开发布）"),
            Some(("二〇二〇年一月十日", "（此件公开发布）"))
        );
        assert_eq!(
            at("2020年10月9日（此件公开发布）"),
            Some(("2020年10月9日", "（此件公开发布）"))
        );
        assert_eq!(
            at("（此件公开发布）2020年10月9日"),
            Some(("（此件公开发布）", "2020年10月9日"))
        );
        assert_eq!(at("于2020年10月9日（星期五）召开"), None);
        assert_eq!(at("（2020年10月9日）"), None);
    }

    #[test]
    fn signatures_run_into_text() {
        let lex = Lexicon::builtin();
        let (o, d) = organ_and_date("国务院　　2019年6月18日", &lex).unwrap();
        assert_eq!((o, d.iso()), ("国务院", "2019-06-18".to_owned()));
        let s =
            signature_after_stop("请认真贯彻落实。中共石嘴山市委员会2020年9月23日", &lex).unwrap();
        assert_eq!(s.organs, "中共石嘴山市委员会");
        assert!(s.date.is_some());
        assert!(signature_after_stop("请认真贯彻落实。", &lex).is_none());
    }

    #[test]
    fn markers_run_into_text() {
        assert_eq!(
            run_in("（一）补齐短板1.全面完成改造。", |_| false),
            Some("1.全面完成改造。")
        );
        let t = "做好准备。二、加强领导";
        assert_eq!(
            marker_after_stop(t, 0, |m| m.number == 2),
            Some("做好准备。".len())
        );
        assert_eq!(marker_after_stop(t, 0, |m| m.number == 3), None);
        // After a bracket closing the sentence, not after any bracket.
        let t = "建立研究院。(市科技局牵头)二、保障措施";
        assert_eq!(
            marker_after_stop(t, 0, |m| m.number == 2),
            Some("建立研究院。(市科技局牵头)".len())
        );
        let t = "做好准备。（一）和（二）二、加强领导";
        assert_eq!(marker_after_stop(t, 0, |m| m.number == 2), None);
        let t = "  负责)二、强化保障措施";
        assert_eq!(
            marker_after_stop(t, 0, |m| m.number == 2),
            Some("  负责)".len())
        );
        // 三、四级 after a bracket counts two grades.
        let t = "开展手术。(详见附件2)三、四级手术由医院审批";
        assert_eq!(marker_after_stop(t, 0, |m| m.number == 3), None);
        let t = "依照条例（试行）二、三条执行";
        assert_eq!(marker_after_stop(t, 0, |m| m.number == 2), None);
    }
}
