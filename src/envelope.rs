//! The yearbook envelope: the header (知识类型, 内容出处, 唯一号 … down to the
//! line 内容) and the footer (知识出处 … to the end), which belong to no
//! document. The header fills `collection`. A file saved from several
//! pages holds several articles, each in its own envelope ([`sections`]).

use crate::decode::Line;
use crate::lexicon::Lexicon;
use crate::record::Collection;
use crate::text;

#[derive(Debug, Default)]
pub struct Envelope {
    pub collection: Option<Collection>,
    /// Index (into the line list) of the first body line.
    pub body_start: usize,
    /// Index one past the last body line.
    pub body_end: usize,
}

fn key_value(line: &str) -> Option<(&str, &str)> {
    let t = text::trim(line);
    let (i, c) = t.char_indices().find(|(_, c)| text::is_colon(*c))?;
    Some((text::trim(&t[..i]), text::trim(&t[i + c.len_utf8()..])))
}

/// A key set apart from its value by a tab or a run of two or more spaces
/// instead of a colon, as a page's table copied out prints it (知识类型\t析出资源,
/// 内容出处  《某某年鉴2023》 图书): the key before the first such gap, the
/// value after it. A single space is no gap (a value's own words part so).
fn gapped_key_value(line: &str) -> Option<(&str, &str)> {
    let t = text::trim(line);
    let mut chars = t.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let gap =
            c == '\t' || text::is_space(c) && chars.peek().is_some_and(|&(_, n)| text::is_space(n));
        if gap {
            return Some((&t[..i], text::trim(&t[i..])));
        }
    }
    None
}

/// A header line's field and value: a known key, then a colon, or a tab or
/// a run of spaces ([`gapped_key_value`]; `gapped` then).
fn header_field<'l, 't>(lex: &'l Lexicon, t: &'t str) -> Option<(&'l str, &'t str, bool)> {
    key_value(t)
        .and_then(|(k, v)| Some((field_for(lex, k)?, v, false)))
        .or_else(|| gapped_key_value(t).and_then(|(k, v)| Some((field_for(lex, k)?, v, true))))
}

/// The fields of a header line that holds several, as a page's table of
/// two columns copied out prints them (`知识类型: 析出资源    内容出处:
/// 《某某年鉴2022》 图书`, `页数: 8    页码: 397-404`): a key the grammar lists
/// with its colon opens the line, and each other field opens after a gap
/// (a tab, an ideographic space or two spaces and more) with such a key and
/// its colon. A value whose words before a colon are no key stays whole;
/// a line of one field gives none.
fn shared_fields<'t>(lex: &Lexicon, t: &'t str) -> Vec<&'t str> {
    let value_key = |s: &str| {
        key_value(s)
            .and_then(|(k, _)| field_for(lex, k))
            .is_some_and(is_value_field)
    };
    if !value_key(t) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let (mut from, mut gap) = (0, None::<(usize, usize)>);
    for (i, c) in t.char_indices() {
        if text::is_space(c) {
            let (at, n) = gap.unwrap_or((i, 0));
            // (A tab or an ideographic space is a gap alone.)
            let n = if matches!(c, '\t' | '\u{3000}') {
                n + 2
            } else {
                n + 1
            };
            gap = Some((at, n));
            continue;
        }
        if let Some((at, n)) = gap.take() {
            if n >= 2 && value_key(&t[i..]) {
                out.push(text::trim(&t[from..at]));
                from = i;
            }
        }
    }
    if out.is_empty() {
        return out;
    }
    out.push(text::trim(&t[from..]));
    out
}

/// A field a header key fills with a value (知识类型 … 关键词): none of the
/// lines 内容 and 查看原文 nor the footer's.
fn is_value_field(f: &str) -> bool {
    !matches!(
        f,
        "body" | "link" | "footer" | "footer_book" | "footer_tail"
    )
}

/// A key alone on its line, no colon, as a page's table copied out cell by
/// cell prints it (`知识类型` / `析出资源` / `内容出处` / `《某某年鉴2021》 图书`):
/// the field its value, on the next line, fills.
fn bare_key<'l>(lex: &'l Lexicon, t: &str) -> Option<&'l str> {
    field_for(lex, t).filter(|f| is_value_field(f))
}

/// A footer's key line: 知识出处 alone, its book's name on a line below
/// (the value `""` then), or with a colon and the book's name after it on
/// the one line (`知识出处: 《某某年鉴2021》`, the value the name).
/// (Or the key run into the document's date above it, where the export
/// lost the break between them: `2022年4月2日知识出处`, [`date_glued`].)
fn footer_key<'t>(lex: &Lexicon, t: &'t str) -> Option<&'t str> {
    if field_for(lex, t) == Some("footer") || date_glued(lex, t).is_some() {
        return Some("");
    }
    let (k, v) = key_value(t)?;
    (field_for(lex, k) == Some("footer") && book_name(lex, v)).then_some(v)
}

/// The footer's key run into the date that closes the document above it
/// (`2022年4月2日知识出处`, `二〇二二年四月二日　知识出处`): where the key starts,
/// when the line ends with it and holds a whole date before it and nothing
/// else. The line is the body's, the key cut off it (`body_end` past it).
pub fn date_glued(lex: &Lexicon, t: &str) -> Option<usize> {
    let t = text::trim(t);
    // (Most lines are longer than a date and a key, or end otherwise.)
    if t.len() > 80 {
        return None;
    }
    lex.envelope.iter().find_map(|(k, f)| {
        let head = t.strip_suffix(k.as_str())?;
        (f == "footer" && !head.is_empty() && crate::normalize::date::is_date_line(head))
            .then_some(head.len())
    })
}

/// A yearbook's name as a footer prints it (某山年鉴2023, 《某山年鉴2023》):
/// short, no sentence, naming a yearbook or gazette.
fn book_name(lex: &Lexicon, t: &str) -> bool {
    text::chars_at_most(t, 24)
        && !text::has_char(t, '。')
        && lex.running_head.iter().any(|w| t.contains(w.as_str()))
}

fn field_for<'l>(lex: &'l Lexicon, key: &str) -> Option<&'l str> {
    lex.envelope
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, f)| f.as_str())
}

/// Line `t`, no key of its own, is the rest of the value `v` of the key
/// `field` a wrap cut: the digits of a 唯一号, the sentences of a 摘要, the
/// book's name up to its 》. (A line like 查看原文 after 知识类型 is none.)
fn value_goes_on(field: &str, v: &str, t: &str) -> bool {
    match field {
        // (A 唯一号 of 18 digits is whole.)
        "uid" => {
            !v.is_empty() && v.len() < 18 && v.bytes().chain(t.bytes()).all(|b| b.is_ascii_digit())
        }
        // (Cut at a printed line's width: a line of its own, 16 characters
        // or more, not stopped; a key after it, 责任者: …, is none.)
        "abstract" => {
            !text::chars_at_most(v, 15)
                && !v.ends_with(['。', '.', '！', '!', '？', '?'])
                && key_value(t).is_none_or(|(k, _)| !text::chars_at_most(k, 6))
        }
        "title" => v.contains('《') && !v.contains('》') && t.contains('》'),
        // (Cut at a printed line's width: the keys' line 16 characters or
        // more, the rest words without a colon: ideographs, a year's or a
        // Latin word's letters and digits, 2022年, 5G.)
        "keywords" => {
            !text::chars_at_most(v, 15)
                && !t.contains([':', '：'])
                && text::chars_at_most(t, 20)
                && t.chars()
                    .all(|c| text::is_han(c) || text::is_space(c) || c.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

/// The line `g` (查看原文, 内容, or a key alone on its line, 关键词) below the
/// rest of the value of the key `field`, `last` the rest's last line, closes
/// the header's keys the value ends: an abstract's last sentence stopped
/// (摘要：本文收录了…及其 / 办公室印发的部分重要文件。 / 查看原文), the digits of a
/// 唯一号, the book's name up to its 》. (A stray line above it, 文件选辑,
/// ends no sentence.)
fn closes_keys(g: &str, field: &str, last: &str) -> bool {
    (matches!(g, "link" | "body") || is_value_field(g))
        && match field {
            "abstract" => last.ends_with(['。', '.', '！', '!', '？', '?']),
            "uid" | "title" => true,
            _ => false,
        }
}

/// The keywords of a 关键词 value: the words between spaces or list
/// separators (、 ， , ； ;) outside brackets, as a header prints them
/// (`重要文件 惠州市`, `重要文件,惠州市`, `重要文件；惠州市`); a bracket's
/// inside, `区（县）`, stays in its word, and empty pieces are dropped.
fn keyword_items(v: &str) -> Vec<String> {
    text::split_outside(
        v,
        text::is_open_bracket,
        text::is_close_bracket,
        |c| text::is_space(c) || text::is_list_sep(c),
        text::Unmatched::Ignored,
    )
    .filter(|s| !s.is_empty())
    .map(str::to_owned)
    .collect()
}

/// The most lines of text a header holds besides its keys and their
/// values (a section's name, 文件选辑; a link, 查看原文).
const MAX_STRAY_LINES: usize = 3;

/// Finds the envelope in `lines`. Without a header, the whole text is body.
pub fn read(src: &str, lines: &[Line], lex: &Lexicon) -> Envelope {
    let get = |l: &Line| src.get(l.start..l.end).unwrap_or("");
    let mut env = Envelope {
        collection: None,
        body_start: 0,
        body_end: lines.len(),
    };
    // The header: key lines near the top, closed by the line 内容.
    let mut coll = Collection::default();
    let mut keys = 0;
    let limit = lines.len().min(40);
    let mut body_at = None;
    // Each key's value, with the lines a wrap cut it onto (open: the last
    // key's value may still go on).
    let mut values: Vec<(&str, String)> = Vec::new();
    let mut open = false;
    // A key parted from its value by a gap, not a colon, was read.
    let mut gapped = false;
    // A key alone on its line was read ([`bare_key`]); `pending` while its
    // value, the next line, is still to come.
    let (mut bare, mut pending) = (false, false);
    // The last line of text above, as printed (a wrap's cut after a space
    // parts a keyword from the next).
    let mut above = "";
    // Lines above 内容 that are none of the keys' nor their values.
    let mut strays = 0;
    // The next line that is not blank nor a value's rest is a key's (or,
    // under the keywords, the line 内容 closing the header; or, under a
    // value whose rest closes it, the link or 内容 closing the keys).
    let key_below = |i: usize, f: &str| {
        let mut last = text::trim(get(&lines[i]));
        lines[i + 1..limit]
            .iter()
            .map(|l| text::trim(get(l)))
            .filter(|t| !t.is_empty())
            .find_map(|t| match field_for(lex, t) {
                Some(g) => Some(f == "keywords" && g == "body" || closes_keys(g, f, last)),
                None => header_field(lex, t).map(|_| true).or_else(|| {
                    last = t;
                    None
                }),
            })
            .unwrap_or(false)
    };
    for (i, l) in lines[..limit].iter().enumerate() {
        let t = text::trim(get(l));
        if t.is_empty() {
            continue;
        }
        let cut_after_space = std::mem::replace(&mut above, get(l)).ends_with(text::is_space);
        let known = header_field(lex, t);
        if pending {
            pending = false;
            if field_for(lex, t).is_none() && known.is_none() {
                if let Some((_, v)) = values.last_mut() {
                    v.push_str(t);
                }
                open = true;
                continue;
            }
            // (A key, a link or 内容 under it: its value is empty.)
            values.pop();
        }
        if field_for(lex, t) == Some("body") {
            body_at = Some(i + 1);
            break;
        }
        let known = known.map(|(f, v, g)| {
            gapped |= g;
            (f, v)
        });
        if field_for(lex, t) == Some("link") {
            open = false;
            continue;
        }
        if let Some(f) = bare_key(lex, t) {
            values.push((f, String::new()));
            (bare, pending, open) = (true, true, false);
            continue;
        }
        let shared = shared_fields(lex, t);
        if !shared.is_empty() {
            values.extend(
                shared
                    .iter()
                    .filter_map(|p| header_field(lex, p))
                    .map(|(f, v, _)| (f, v.to_owned())),
            );
            open = true;
            continue;
        }
        match (known, values.last_mut()) {
            (Some((f, v)), _) => {
                values.push((f, v.to_owned()));
                open = true;
            }
            // (A key's line under it: a stray line above 内容, 文件选辑, is
            // none of the value.)
            (None, Some((f, v))) if open && value_goes_on(f, v, t) && key_below(i, f) => {
                // (A keyword's rest joins it; a line opening with a space,
                // or cut after one, begins another.)
                if *f == "keywords" && (get(l).starts_with(text::is_space) || cut_after_space) {
                    v.push(' ');
                }
                v.push_str(t)
            }
            _ => {
                open = false;
                strays += 1;
            }
        }
    }
    // (A header holds keys, their values and a stray line or two, 文件选辑;
    // more lines of text above 内容 are a document's, the header's 内容
    // misplaced under it: no header, and its lines are the body's.)
    if strays > MAX_STRAY_LINES {
        body_at = None;
    }
    for (f, v) in &values {
        let v = v.as_str();
        match *f {
            "kind" => coll.kind = Some(v.to_owned()),
            "title" => {
                let v = v.trim_end_matches("图书").trim_end_matches("圖書");
                let v = text::trim(v)
                    .trim_start_matches('《')
                    .trim_end_matches('》');
                coll.title = Some(v.to_owned());
            }
            "uid" => coll.uid = Some(v.to_owned()),
            "granule" => coll.granule = Some(v.to_owned()),
            "classification" => coll.classification = Some(v.to_owned()),
            "page_count" => coll.page_count = crate::normalize::numeral::ascii_digits(v),
            "pages" => coll.pages = Some(v.to_owned()),
            "abstract" => coll.abstract_ = Some(v.to_owned()),
            "keywords" => coll.keywords = keyword_items(v),
            _ => continue,
        }
        keys += 1;
    }
    let Some(b) = body_at else {
        env.body_end = footer_alone(src, lines, lex).unwrap_or(env.body_end);
        return env;
    };
    // The footer: from the last line 知识出处 to the end; without one, from
    // the page's closing links (阅读, 相关地名) on, short lines to the end.
    let footer = (b..lines.len())
        .rev()
        .find(|&i| footer_key(lex, text::trim(get(&lines[i]))).is_some())
        .or_else(|| {
            let short = (b..lines.len())
                .rev()
                .take_while(|&i| text::chars_at_most(get(&lines[i]), 30))
                .last()?;
            let tail = (short..lines.len())
                .find(|&i| field_for(lex, text::trim(get(&lines[i]))) == Some("footer_tail"))?;
            // The book's description above the links (本书是由…编纂的《…年鉴》,
            // 是…年刊。), and the book's name above it, blank lines between.
            let book = |t: &str| {
                let name = t.trim_start_matches('《').trim_end_matches('》');
                lex.envelope
                    .iter()
                    .any(|(k, f)| f == "footer_book" && t.starts_with(k.as_str()))
                    || coll
                        .title
                        .as_deref()
                        .is_some_and(|c| !name.is_empty() && c == name)
            };
            let mut at = tail;
            for i in (b..tail).rev() {
                let t = text::trim(get(&lines[i]));
                if t.is_empty() {
                    continue;
                }
                if !book(t) {
                    break;
                }
                at = i;
            }
            Some(at)
        });
    // Two keys, or one with the footer closing the text (内容出处 alone).
    // Keys parted from their values by gaps, or alone on their lines: three
    // at least, so that a table's rows, a few spaced words or a lone word
    // (摘要, 页码) above a line 内容 are none.
    let enough = if gapped || bare {
        keys >= 3
    } else {
        keys >= 2 || keys == 1 && footer.is_some()
    };
    if enough {
        env.body_start = b;
        env.collection = Some(coll);
        // (Not over a document's lines: they stay the body's.)
        if let Some(f) = footer.filter(|&f| !holds_document(src, &lines[f + 1..], lex)) {
            env.body_end = f + usize::from(date_glued(lex, get(&lines[f])).is_some());
        }
    } else if let Some(f) = footer_alone(src, lines, lex) {
        env.body_end = f;
    }
    env
}

/// The footer of an export whose header is lost or unread: the last line
/// `知识出处` with the book's name under it (blank lines between) or after
/// its colon ([`footer_key`], [`book_name`]). The export prints this pair
/// only there; a document's text writes neither alone on a line.
fn footer_alone(src: &str, lines: &[Line], lex: &Lexicon) -> Option<usize> {
    let get = |l: &Line| trimmed(src, l);
    let at = lines
        .iter()
        .rposition(|l| footer_key(lex, get(l)).is_some())?;
    let book = match footer_key(lex, get(&lines[at])) {
        Some("") | None => lines[at + 1..].iter().map(get).find(|t| !t.is_empty())?,
        Some(name) => name,
    };
    (book_name(lex, book) && !holds_document(src, &lines[at + 1..], lex))
        .then(|| at + usize::from(date_glued(lex, get(&lines[at])).is_some()))
}

/// `lines`, under a footer's 知识出处, hold a document's addressees, clause,
/// date or signature: no footer's (its book, links and related titles),
/// but the text of a file of several exports joined, or of a document
/// that goes on. An organ's name below the page's closing links (阅读,
/// 相关机构 …) is a related organ the links list, no signature.
fn holds_document(src: &str, lines: &[Line], lex: &Lexicon) -> bool {
    let mut links = false;
    lines.iter().any(|l| {
        let t = trimmed(src, l);
        links |= field_for(lex, t) == Some("footer_tail");
        crate::lines::header::is_addressee_text(t, lex)
            || crate::normalize::date::is_date_line(t)
            || !links && crate::organs::is_signature_text(t, lex)
            || crate::marker::marker(t, false).is_some()
    })
}

/// One article of a file: its envelope's collection and its body's lines
/// (indices into the file's lines).
#[derive(Debug, Default)]
pub struct Section {
    pub collection: Option<Collection>,
    pub body: std::ops::Range<usize>,
}

/// The articles of a file. Each one after the first starts at a header of
/// its own after the previous one's (in its body or past its footer): a
/// key line (知识类型, 内容出处 …) opening a block of keys closed by the line
/// 内容. The article before it is read alone, so that its footer is its
/// own. A file without an envelope is one section, all body.
pub fn sections(src: &str, lines: &[Line], lex: &Lexicon) -> Vec<Section> {
    let mut out = Vec::new();
    let mut from = 0;
    loop {
        let rest = &lines[from..];
        let env = read(src, rest, lex);
        let next = env
            .collection
            .as_ref()
            .and_then(|_| next_header(src, rest, env.body_start..rest.len(), lex));
        if let Some(at) = next {
            let alone = read(src, &rest[..at], lex);
            let (collection, body) = match alone.collection {
                Some(c) => (Some(c), alone.body_start..alone.body_end),
                None => (env.collection, env.body_start..at),
            };
            out.push(Section {
                collection,
                body: from + body.start..from + body.end,
            });
            from += at;
            continue;
        }
        out.push(Section {
            collection: env.collection,
            body: from + env.body_start..from + env.body_end,
        });
        return out;
    }
}

/// The first line of `body` that opens another article's header. Only a
/// line that starts with a key a header names its source by (知识类型,
/// 内容出处) is looked at further: a file of one article costs a comparison
/// of a line's first bytes.
fn next_header(
    src: &str,
    lines: &[Line],
    body: std::ops::Range<usize>,
    lex: &Lexicon,
) -> Option<usize> {
    let keys: Vec<&[u8]> = lex
        .envelope
        .iter()
        .filter(|(k, f)| !k.is_empty() && matches!(f.as_str(), "kind" | "title"))
        .map(|(k, _)| k.as_bytes())
        .collect();
    let bytes = src.as_bytes();
    let from = body.start;
    body.into_iter().find(|&i| {
        let l = &lines[i];
        let mut t = bytes.get(l.start..l.end).unwrap_or_default();
        // Indentation: ASCII spaces and tabs, the ideographic space.
        loop {
            t = match t {
                [b' ' | b'\t', rest @ ..] | [0xE3, 0x80, 0x80, rest @ ..] => rest,
                _ => break,
            }
        }
        let indented = t.len() < l.end - l.start;
        keys.iter()
            .any(|k| t.first() == k.first() && t.starts_with(k))
            && (!indented || !quoted(src, lines, from, i, lex))
            && opens_header(src, lines, i, lex)
    })
}

/// The text of line `l`, trimmed.
fn trimmed<'s>(src: &'s str, l: &Line) -> &'s str {
    text::trim(src.get(l.start..l.end).unwrap_or(""))
}

/// An indented header at line `i` is quoted in a document's text (a
/// notice giving the keys as a form to fill in: …按下列格式标注： / 知识类型：
/// …): the line above it ends with a colon, and no footer (知识出处) stands
/// between the body's start `from` and it.
fn quoted(src: &str, lines: &[Line], from: usize, i: usize, lex: &Lexicon) -> bool {
    let get = |l: &Line| trimmed(src, l);
    let introduced = lines[from..i]
        .iter()
        .rev()
        .map(get)
        .find(|t| !t.is_empty())
        .is_some_and(|t| t.ends_with(text::is_colon));
    introduced
        && !lines[from..i]
            .iter()
            .any(|l| footer_key(lex, get(l)).is_some())
}

/// Whether line `i` opens a header: a key line, then within 40 lines at
/// least one more key and the line 内容, with nothing between them but key
/// lines, blank lines and short ones (查看原文).
fn opens_header(src: &str, lines: &[Line], i: usize, lex: &Lexicon) -> bool {
    let get = |l: &Line| trimmed(src, l);
    // (Whether the key is parted from its value by a gap, not a colon.)
    // (A key alone on its line, its value on the next, counts as a gapped
    // one: [`bare_key`].)
    let alone = |t: &str| header_field(lex, t).is_none() && bare_key(lex, t).is_some();
    let key = |t: &str| {
        header_field(lex, t)
            .filter(|(f, _, _)| !matches!(*f, "body" | "footer" | "footer_book" | "footer_tail"))
            .map(|(_, _, gapped)| gapped)
            .or_else(|| alone(t).then_some(true))
    };
    let Some(mut gapped) = lines.get(i).and_then(|l| key(get(l))) else {
        return false;
    };
    let mut keys = 1;
    // (The line under a key alone is its value, of any length.)
    let mut value_below = alone(get(&lines[i]));
    for l in lines.iter().skip(i + 1).take(40) {
        let t = get(l);
        if field_for(lex, t) == Some("body") {
            return keys >= if gapped { 3 } else { 2 };
        }
        if let Some(g) = key(t) {
            gapped |= g;
            keys += 1;
            value_below = alone(t);
        } else if t.is_empty() || std::mem::take(&mut value_below) {
            continue;
        } else if !text::chars_at_most(t, 20) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope(src: &str) -> Envelope {
        read(src, &crate::decode::lines(src), &Lexicon::builtin())
    }

    /// The keywords of the envelope of `src`.
    fn kw(src: &str) -> Vec<String> {
        envelope(src)
            .collection
            .map(|c| c.keywords)
            .unwrap_or_default()
    }

    /// A header of one key is an envelope only with its footer.
    #[test]
    fn book_description_above_the_links() {
        let src = "知识类型: 析出资源\n内容出处: 《赣州年鉴2020》 图书\n内容\n某市人民政府关于做好防汛工作的通知\n二〇一九年二月二十五日\n《赣州年鉴2020》\n本书是由赣州市地方志办公室编纂的《赣州年鉴》,是资料性年刊。\n\n阅读\n\n相关地名\n";
        assert_eq!(envelope(src).body_end, 5);
        // Text above the links that is no description stays in the body.
        let src = "知识类型: 析出资源\n内容出处: 《赣州年鉴2020》 图书\n内容\n某市人民政府关于做好防汛工作的通知\n二〇一九年二月二十五日\n希望再接再厉。\n阅读\n相关地名\n";
        assert_eq!(envelope(src).body_end, 6);
    }

    /// Keys parted from their values by a tab or spaces, as a page's table
    /// copied out prints them: three at least make a header.
    #[test]
    fn keys_parted_by_gaps() {
        let e = envelope("文件选编\n知识类型\t析出资源\n查看原文\n内容出处\t《某山年鉴2023》 图书\n唯一号  450800020240000001\n关键词\t文件选编 某山市 营商环境\n内容\n某市人民政府关于做好防汛工作的通知\n知识出处\n某山年鉴2023\n");
        let c = e.collection.expect("a header");
        assert_eq!(c.title.as_deref(), Some("某山年鉴2023"));
        assert_eq!(c.uid.as_deref(), Some("450800020240000001"));
        assert_eq!(c.keywords, ["文件选编", "某山市", "营商环境"]);
        assert_eq!((e.body_start, e.body_end), (7, 8));
        // Two keys so parted, or one key's words parted by one space: none.
        let e = envelope("知识类型\t析出资源\n摘要  本文收录了文件。\n内容\n某市人民政府关于做好防汛工作的通知\n");
        assert!(e.collection.is_none());
        assert_eq!(gapped_key_value("页码\t371-374"), Some(("页码", "371-374")));
        assert_eq!(
            gapped_key_value("页码　　371-374"),
            Some(("页码", "371-374"))
        );
        assert_eq!(gapped_key_value("内容出处 《某山年鉴2023》 图书"), None);
    }

    /// Two fields on one line, the second after a gap with its key and
    /// colon, as a table of two columns prints them: each is read.
    #[test]
    fn fields_sharing_a_line() {
        let lex = Lexicon::builtin();
        assert_eq!(
            shared_fields(
                &lex,
                "知识类型: 析出资源    内容出处: 《某山年鉴2022》 图书"
            ),
            ["知识类型: 析出资源", "内容出处: 《某山年鉴2022》 图书"]
        );
        assert_eq!(
            shared_fields(&lex, "页数: 8\t页码: 397-404"),
            ["页数: 8", "页码: 397-404"]
        );
        assert_eq!(
            shared_fields(&lex, "页数：8　页码：397-404"),
            ["页数：8", "页码：397-404"]
        );
        // One space, a word before the colon that is no key, one field: whole.
        assert!(shared_fields(&lex, "页数: 8 页码: 397-404").is_empty());
        assert!(shared_fields(&lex, "摘要: 会议定于上午召开    时间: 9:00").is_empty());
        assert!(shared_fields(&lex, "内容出处: 《某山年鉴2022》 图书").is_empty());
        let e = envelope("知识类型: 析出资源    内容出处: 《某山年鉴2022》 图书\n页数: 8    页码: 397-404\n内容\n某市人民政府关于做好防汛工作的通知\n");
        let c = e.collection.expect("a header");
        assert_eq!(c.kind.as_deref(), Some("析出资源"));
        assert_eq!(c.title.as_deref(), Some("某山年鉴2022"));
        assert_eq!(
            (c.page_count, c.pages.as_deref()),
            (Some(8), Some("397-404"))
        );
    }

    /// The footer's links list related organs by name (相关机构 / 某市人民政府):
    /// the names are the links', no document's signature, so the footer is
    /// the export's; an organ's name above the links still holds a document.
    #[test]
    fn organs_under_the_footer_links() {
        let head = "知识类型: 析出资源\n内容出处: 《某山年鉴2021》 图书\n内容\n某市人民政府关于做好防汛工作的通知\n正文。\n";
        for tail in [
            "知识出处\n\n某山年鉴2021\n\n阅读\n\n相关机构\n\n某山市人民政府\n相关机构\n",
            "知识出处\n某山年鉴2021\n阅读\n相关人物\n相关机构\n中共某山市委\n某山市人民政府办公室\n",
        ] {
            assert_eq!(envelope(&format!("{head}{tail}")).body_end, 5, "{tail}");
        }
        let src = format!("{head}知识出处\n某山年鉴2021\n某山市人民政府\n");
        assert_eq!(envelope(&src).body_end, 8);
    }

    /// Keys, then a document's lines, then 内容: no header; the lines are
    /// the body's, none dropped as the header's.
    #[test]
    fn a_document_above_the_body_line_is_no_header() {
        let src = "知识类型\t析出资源\n分类号\tD630.1\n页码\t402-403\n关键词\t文件选辑 某市\n                   某市人民政府办公室关于加强农村饮水安全工作的通知\n某政办发〔2021〕27号\n各县人民政府：\n                   一、开展水质检测。\n某市人民政府办公室\n2021年6月8日\n内容\n";
        let e = envelope(src);
        assert!(e.collection.is_none());
        assert_eq!(e.body_start, 0);
        let src = "知识类型\t析出资源\n分类号\tD630.1\n页码\t402-403\n文件选辑\n内容\n某市人民政府关于做好防汛工作的通知\n";
        assert_eq!(envelope(src).body_start, 5);
    }

    /// Without a header, the footer is still the export's: 知识出处 over the
    /// book's name; alone, or over other text, the line is the body's.
    #[test]
    fn footer_without_its_header() {
        for (src, end) in [
            (
                "某市人民政府关于做好防汛工作的通知\n正文。\n知识出处\n\n某山年鉴2023\n\n阅读\n",
                2,
            ),
            (
                "某市人民政府关于做好防汛工作的通知\n知识出处\n请各单位注明资料来源。\n",
                3,
            ),
            ("某市人民政府关于做好防汛工作的通知\n知识出处\n", 2),
            // (A document after it: an article's footer in a file of several.)
            (
                "某市人民政府关于做好防汛工作的通知\n知识出处\n某山年鉴2023\n某市人民政府关于做好森林防火工作的通知\n各县人民政府：\n",
                5,
            ),
        ] {
            assert_eq!(envelope(src).body_end, end, "{src}");
        }
    }

    #[test]
    fn one_key_with_its_footer() {
        let e = envelope("文件选载\n\n内容出处: 《鹤壁年鉴2022》 图书\n\n内容\n\n某市人民政府关于做好防汛工作的通知\n\n知识出处\n\n鹤壁年鉴2022\n");
        assert_eq!(
            e.collection.and_then(|c| c.title).as_deref(),
            Some("鹤壁年鉴2022")
        );
        assert_eq!((e.body_start, e.body_end), (5, 8));
        let e =
            envelope("内容出处: 《鹤壁年鉴2022》 图书\n内容\n某市人民政府关于做好防汛工作的通知\n");
        assert!(e.collection.is_none());
    }

    /// Two articles saved into one file: each keeps its own header and
    /// footer, and the second's header is not read as the first's text.
    #[test]
    fn two_articles_in_one_file() {
        let src = "知识类型: 析出资源\n内容出处: 《某山年鉴2019》 图书\n唯一号: 1\n内容\n某市人民政府关于做好防汛工作的通知\n正文。\n知识出处\n某山年鉴2019\n阅读\n知识类型: 析出资源\n查看原文\n内容出处: 《某山年鉴2019》 图书\n唯一号: 2\n内容\n某市人民政府关于做好秋粮收购工作的通知\n知识出处\n某山年鉴2019\n";
        let s = sections(src, &crate::decode::lines(src), &Lexicon::builtin());
        let uid = |k: usize| s[k].collection.as_ref().and_then(|c| c.uid.clone());
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].body.clone(), uid(0).as_deref()), (4..6, Some("1")));
        assert_eq!((s[1].body.clone(), uid(1).as_deref()), (14..15, Some("2")));
        // Key lines inside a document (a table of 内容出处 rows) open no
        // article without the line 内容 closing them.
        let src = "知识类型: 析出资源\n内容出处: 《某山年鉴2019》 图书\n内容\n某市人民政府关于做好防汛工作的通知\n内容出处: 某局\n知识类型: 表格\n本表由某局提供，内容以原件为准。\n知识出处\n";
        assert_eq!(
            sections(src, &crate::decode::lines(src), &Lexicon::builtin()).len(),
            1
        );
        // Keys quoted indented inside a notice, as a form to fill in; an
        // indented header after a document's last line is an article's.
        let src2 = "知识类型: 析出资源\n内容出处: 《某山年鉴2019》 图书\n内容\n某市人民政府关于做好防汛工作的通知\n正文。\n  知识类型: 析出资源\n  内容出处: 《某山年鉴2019》 图书\n  内容\n某市人民政府关于做好秋粮收购工作的通知\n";
        assert_eq!(
            sections(src2, &crate::decode::lines(src2), &Lexicon::builtin()).len(),
            2
        );
        let src = "知识类型: 析出资源\n内容出处: 《某山年鉴2019》 图书\n内容\n某市人民政府关于报送年鉴资料的通知\n  一、报送格式\n  各单位报送资料时应按下列格式标注：\n  知识类型:条目\n  内容出处:本单位年度工作总结\n  内容\n  正文按时间顺序编写。\n知识出处\n";
        assert_eq!(
            sections(src, &crate::decode::lines(src), &Lexicon::builtin()).len(),
            1
        );
    }

    /// Keywords parted by spaces, commas, 、 or semicolons; a bracket
    /// keeps its inside.
    #[test]
    fn keywords_by_any_separator() {
        assert_eq!(
            keyword_items("重要文件,惠州市，基层治理、乡村振兴；营商环境 乡村"),
            [
                "重要文件",
                "惠州市",
                "基层治理",
                "乡村振兴",
                "营商环境",
                "乡村"
            ]
        );
        assert_eq!(
            keyword_items("文件选辑,, 各县（市、区） "),
            ["文件选辑", "各县（市、区）"]
        );
    }

    /// An abstract cut at a printed line's width, the last key above the
    /// link or 内容: its rest goes on when it stops the sentence; a stray
    /// line there is none of it.
    #[test]
    fn abstract_cut_above_the_link() {
        let abs = |src: &str| envelope(src).collection.and_then(|c| c.abstract_);
        let head = "知识类型：析出资源\n内容出处：《某山年鉴2020》图书\n";
        let body = "内容\n某市人民政府关于做好防汛工作的通知\n";
        for close in ["查看原文\n", ""] {
            let src = format!("{head}摘要：本文收录了2019年某山市人民政府及其\n办公室印发的部分重要文件。\n{close}{body}");
            assert_eq!(
                abs(&src).as_deref(),
                Some("本文收录了2019年某山市人民政府及其办公室印发的部分重要文件。"),
                "{close}"
            );
            let src =
                format!("{head}摘要：本文收录了2019年某山市人民政府及其\n文件选辑\n{close}{body}");
            assert_eq!(
                abs(&src).as_deref(),
                Some("本文收录了2019年某山市人民政府及其"),
                "{close}"
            );
        }
    }

    /// Keywords cut at a printed line's width, inside a word or a year:
    /// the rest joins the last keyword, or begins another after a space
    /// (opening the rest or closing the line cut); a stray line under a
    /// short keywords line stays out.
    #[test]
    fn keywords_cut_by_the_wrap() {
        let head = "知识类型: 析出资源\n内容出处: 《某山年鉴2021》 图书\n";
        let src = format!("{head}关键词: 文件辑要 红塔区 人居环境 职业教\n育\n\n内容\n某市人民政府关于做好防汛工作的通知\n");
        assert_eq!(kw(&src), ["文件辑要", "红塔区", "人居环境", "职业教育"]);
        let src = format!("{head}关键词: 文件辑要 红塔区 人居环境 职业教育\n 乡村振兴\n内容\n某市人民政府关于做好防汛工作的通知\n");
        assert_eq!(
            kw(&src),
            ["文件辑要", "红塔区", "人居环境", "职业教育", "乡村振兴"]
        );
        let src = format!(
            "{head}关键词: 文件辑要 红塔区\n文件选辑\n内容\n某市人民政府关于做好防汛工作的通知\n"
        );
        assert_eq!(kw(&src), ["文件辑要", "红塔区"]);
        // Cut inside a year: its rest joins it; cut after a space: another.
        let body = "内容\n某市人民政府关于做好防汛工作的通知\n";
        let src = format!("{head}关键词: 政府规章 规范性文件 某山市 2\n022年\n\n{body}");
        assert_eq!(kw(&src), ["政府规章", "规范性文件", "某山市", "2022年"]);
        let src = format!("{head}关键词: 政府规章 规范性文件 某山市人民政府 \n2022年\n{body}");
        assert_eq!(kw(&src)[3..], ["2022年"]);
    }

    /// A header copied out cell by cell, each key alone on its line and
    /// its value on the next: read as with colons; a key with a key under
    /// it has no value. Fewer than three keys so printed, or a lone word
    /// 摘要 above a line 内容, make no header.
    #[test]
    fn keys_alone_on_their_lines() {
        let lex = Lexicon::builtin();
        assert_eq!(bare_key(&lex, "唯一号"), Some("uid"));
        assert_eq!(
            (bare_key(&lex, "内容"), bare_key(&lex, "查看原文")),
            (None, None)
        );
        let e = envelope("重要文件\n知识类型\n析出资源\n内容出处\n《某山年鉴2021》 图书\n唯一号\n310120020220002176\n颗粒名称\n分类号\nF127.253\n摘要\n本文收录了2020年某山市人民政府及其办公室发布\n的重要文件。\n关键词\n重要文件 某山市 2020年\n内容\n某市人民政府关于做好防汛工作的通知\n");
        let c = e.collection.expect("a header");
        assert_eq!(c.kind.as_deref(), Some("析出资源"));
        assert_eq!(c.title.as_deref(), Some("某山年鉴2021"));
        assert_eq!(c.uid.as_deref(), Some("310120020220002176"));
        assert_eq!(
            (c.granule, c.classification.as_deref()),
            (None, Some("F127.253"))
        );
        assert_eq!(
            c.abstract_.as_deref(),
            Some("本文收录了2020年某山市人民政府及其办公室发布的重要文件。")
        );
        assert_eq!(c.keywords, ["重要文件", "某山市", "2020年"]);
        assert_eq!(e.body_start, 16);
        for src in [
            "知识类型\n析出资源\n页码\n41-48\n内容\n某市人民政府关于做好防汛工作的通知\n",
            "摘要\n本文介绍了防汛工作的做法。\n内容\n某市人民政府关于做好防汛工作的通知\n",
        ] {
            let e = envelope(src);
            assert!(e.collection.is_none(), "{src}");
            assert_eq!(e.body_start, 0, "{src}");
        }
    }

    /// The footer's key and the book's name on one line, as on two: with
    /// the one key of a header, it makes the envelope; a key of that name
    /// over other text is none.
    #[test]
    fn footer_on_one_line() {
        let lex = Lexicon::builtin();
        // (Run into the document's date above it: the date the body's.)
        assert_eq!(footer_key(&lex, "2021年6月8日知识出处"), Some(""));
        assert_eq!(
            date_glued(&lex, "2021年6月8日知识出处"),
            Some("2021年6月8日".len())
        );
        assert_eq!(
            date_glued(&lex, "二〇二一年六月八日　知识出处"),
            Some("二〇二一年六月八日　".len())
        );
        for t in [
            "知识出处",
            "请注明知识出处",
            "6月8日知识出处",
            "2021年6月8日起知识出处",
        ] {
            assert_eq!(date_glued(&lex, t), None, "{t}");
        }
        let src = "某市人民政府关于做好防汛工作的通知\n正文。\n某市人民政府\n2021年6月8日知识出处\n某山年鉴2022\n阅读\n";
        let lines = crate::decode::lines(src);
        assert_eq!(footer_alone(src, &lines, &lex), Some(4));
        assert_eq!(footer_key(&lex, "知识出处"), Some(""));
        assert_eq!(
            footer_key(&lex, "知识出处: 《某山年鉴2021》"),
            Some("《某山年鉴2021》")
        );
        assert_eq!(footer_key(&lex, "知识出处：请各单位注明资料来源。"), None);
        let e = envelope("内容出处: 《某山年鉴2021》 图书\n内容\n某市人民政府关于做好防汛工作的通知\n正文。\n\n知识出处: 《某山年鉴2021》\n");
        assert_eq!(
            e.collection.and_then(|c| c.title).as_deref(),
            Some("某山年鉴2021")
        );
        assert_eq!((e.body_start, e.body_end), (2, 5));
        let src = "某市人民政府关于做好防汛工作的通知\n正文。\n知识出处：某山年鉴2023\n";
        assert_eq!(envelope(src).body_end, 2);
    }

    /// A second article whose header is copied cell by cell, each key
    /// alone on its line: it opens a section of its own.
    #[test]
    fn a_second_header_with_keys_alone_opens_an_article() {
        let header = |pages: &str| {
            format!(
                "知识类型\n析出资源\n内容出处\n《某某年鉴2021》 图书\n唯一号\n3100\n\
                 页码\n{pages}\n关键词\n重要文件 某市\n内容\n"
            )
        };
        let doc = "某市人民政府关于某事的通知\n各区人民政府：\n　　一、某事。\n某市人民政府\n2020年1月2日\n知识出处\n某某年鉴2021\n";
        let src = [
            header("30-31"),
            doc.to_owned(),
            header("32"),
            doc.to_owned(),
        ]
        .concat();
        let lines = crate::decode::lines(&src);
        let s = sections(&src, &lines, &Lexicon::builtin());
        let pages: Vec<_> = s
            .iter()
            .map(|s| s.collection.as_ref().and_then(|c| c.pages.clone()))
            .collect();
        assert_eq!(pages, [Some("30-31".to_owned()), Some("32".to_owned())]);
    }
}
