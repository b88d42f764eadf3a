//! Splitting the body of a file into documents.
//!
//! A document starts at the first line of its title. A title is one to four
//! units without sentence punctuation whose last one ends with a genre word
//! (…的通知, …办法（试行）). It opens a new document when a document number
//! or an addressee line follows it (or a number precedes it), when a passage
//! note follows it (a regulation, unless the open document promulgates it),
//! when it holds 关于 and the open document has signed off with its date, or
//! when it is the first title of the file. A title-like line after a
//! transmittal notice's signature is the enclosed document's title, not a new
//! document; a lone first title repeated just above the real one is a web
//! page's heading.

use crate::docnum;
use crate::lexicon::Lexicon;
use crate::marker;
use crate::normalize::date::is_date_line;
use crate::text;
use crate::unit::Unit;

/// Sentence punctuation that a title never contains.
fn has_sentence_punct(s: &str) -> bool {
    s.contains(['。', '；', ';', '！', '？']) || s.contains(text::is_colon)
}

/// A unit that may be part of a title.
pub fn is_title_fragment(u: &Unit, lex: &Lexicon) -> bool {
    let t = u.text;
    !has_sentence_punct(t)
        && u.chars() <= 150
        && marker::marker(t, false).is_none()
        && lex.label_at(t).is_none()
        && !is_date_line(t)
        && docnum::whole(t).is_none()
        && !t.starts_with("——")
        && !Lexicon::contains_any(&lex.attachment, first_chars(t, 3))
}

fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The unit is the last line of a title: a fragment ending with a genre.
pub fn is_title_end(u: &Unit, lex: &Lexicon) -> bool {
    is_title_fragment(u, lex) && u.chars() >= 4 && lex.genre_suffix(u.text).is_some()
}

/// Addressees (主送机关): a list of organs closed by a colon.
pub fn is_addressee(u: &Unit, lex: &Lexicon) -> bool {
    let t = u.text;
    let Some(last) = t.chars().last() else {
        return false;
    };
    text::is_colon(last)
        && !t.contains('。')
        && u.chars() <= 200
        && lex.label_at(t).is_none()
        && marker::marker(t, false).is_none()
        && is_organ_list(t.trim_end_matches(text::is_colon))
        && (["各", "部门", "单位", "政府", "党组", "机关", "部門", "單位"]
            .iter()
            .any(|w| t.contains(w))
            || {
                let head = t.trim_end_matches(text::is_colon);
                lex.organ_suffixes
                    .iter()
                    .any(|s| head.ends_with(s.as_str()))
            })
}

/// A list of organs, not a sentence that ends in a colon (为贯彻…，现提出
/// 如下意见：): short items and none of the words that introduce what follows.
fn is_organ_list(s: &str) -> bool {
    const SENTENCE: &[&str] = &[
        "如下",
        "以下",
        "现将",
        "现就",
        "为了",
        "为进一步",
        "为贯彻",
        "为深入",
        "根据",
        "按照",
        "依据",
        "提出",
        "制定",
        "通知",
        "要求",
        "現將",
        "如下：",
    ];
    !SENTENCE.iter().any(|w| s.contains(w))
        && !s.starts_with(['为', '經', '经', '现'])
        && s.split(|c: char| text::is_list_sep(c))
            .all(|item| text::char_len(item) <= 30)
}

/// Splits a text stored without line breaks where its elements run together
/// (a CMS field): before an organ and date run into the last sentence
/// (…贯彻执行。济南市人民政府办公厅2021年7月5日…) and after that date, after a
/// publication note (（此件公开发布）), and before a 第X章/节/条 marker that
/// follows a bare heading (第一章　总则第一条　…) or, spaced, a title
/// (…管理办法第一章　总则). A unit holding none of these is returned whole.
pub fn split_run_on<'t>(u: &Unit<'t>, lex: &Lexicon) -> Vec<Unit<'t>> {
    let t = u.text;
    let mut cuts: Vec<usize> = Vec::new();
    // Organ and date after a full stop, with more text after the date.
    for (p, _) in t.match_indices('。') {
        let at = p + '。'.len_utf8();
        // A signature is short: look at the next 60 characters only, and
        // only where an organ's name and a year can stand.
        let rest = first_chars(&t[at..], 60);
        if !rest.starts_with(text::is_han) || !rest.contains('年') {
            continue;
        }
        let Some((_, r)) = crate::normalize::date::parse_date(rest) else {
            continue;
        };
        let organs = text::trim(&rest[..r.start]);
        if r.start > 0
            && !text::trim(&t[at + r.end..]).is_empty()
            && crate::organs::is_signature_text(organs, lex)
        {
            cuts.push(at);
            let mut end = at + r.end;
            // A publication note right after the date.
            let after = &t[end..];
            if after.starts_with(['（', '(']) {
                if let Some(close) = after.find(['）', ')']) {
                    let note = &after[..close];
                    if note.contains("此件") {
                        cuts.push(end);
                        end += close + after[close..].chars().next().map_or(1, char::len_utf8);
                    }
                }
            }
            cuts.push(end);
        }
    }
    // Law markers run into a heading or a title. The piece before a marker
    // runs from the last cut or sentence stop, within the 40 characters a
    // heading or title may take: each marker costs a bounded look back.
    let mut from = cuts.clone();
    from.sort_unstable();
    let (mut next_from, mut last) = (0usize, 0usize);
    for (i, _) in t.match_indices('第') {
        if i == 0 {
            continue;
        }
        let Some(m) = marker::marker(&t[i..], false) else {
            continue;
        };
        if !matches!(
            m.kind,
            marker::ClauseKind::Part
                | marker::ClauseKind::Chapter
                | marker::ClauseKind::Section
                | marker::ClauseKind::Article
        ) {
            continue;
        }
        while next_from < from.len() && from[next_from] <= i {
            last = last.max(from[next_from]);
            next_from += 1;
        }
        let lo = t[last..i]
            .char_indices()
            .rev()
            .nth(39)
            .map_or(last, |(k, _)| last + k);
        let seg = &t[lo..i];
        let start = match seg.rfind(['。', '；', '：', ';', ':']) {
            Some(p) => lo + p + seg[p..].chars().next().map_or(1, char::len_utf8),
            // No stop in the window and text cut off before it: too long.
            None if lo > last => continue,
            None => lo,
        };
        let before = text::trim(&t[start..i]);
        if before.is_empty() || before.contains(['，', ',']) {
            continue;
        }
        let heading = marker::marker(before, false).is_some_and(|b| {
            matches!(
                b.kind,
                marker::ClauseKind::Part
                    | marker::ClauseKind::Chapter
                    | marker::ClauseKind::Section
            )
        });
        let title = m.spaced && lex.genre_suffix(before).is_some();
        if heading || title {
            cuts.push(i);
            last = i;
        }
    }
    if cuts.is_empty() {
        return vec![*u];
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut a = 0;
    for c in cuts.into_iter().chain(std::iter::once(t.len())) {
        if c > a {
            out.extend(u.sub(a, c));
        }
        a = c;
    }
    out
}

/// Splits a unit that runs a title into its number (…的通知石党发〔2020〕41号
/// 各县区…:) into title, number and the rest.
pub fn split_run_on_number<'t>(u: &Unit<'t>, lex: &Lexicon) -> Vec<Unit<'t>> {
    let t = u.text;
    // A number in brackets closing a title: …常务委员会公告（第38号）.
    if t.ends_with(|c: char| text::is_close_paren(c)) {
        if let Some(open) = t.rfind(|c: char| text::is_open_paren(c)) {
            if open > 0
                && docnum::whole(&t[open..]).is_some()
                && is_title_end(
                    &Unit {
                        text: &t[..open],
                        ..*u
                    },
                    lex,
                )
            {
                let mut out = Vec::new();
                out.extend(u.sub(0, open));
                out.extend(u.sub(open, t.len()));
                return out;
            }
        }
    }
    for f in docnum::find_all(t) {
        // An order's heading and number on one line (中华人民共和国国务院令　第706号):
        // the title is the organ's order, the number what follows.
        if f.range.start == 0 && f.number.year.is_none() && text::trim(&t[f.range.end..]).is_empty()
        {
            let head = text::trim(&t[..f.core_start]);
            if head.ends_with('令') && text::char_len(head) >= 3 {
                let mut out = Vec::new();
                out.extend(u.sub(0, f.core_start));
                out.extend(u.sub(f.core_start, t.len()));
                return out;
            }
        }
        let head = &t[..f.range.start];
        if head.contains('。') {
            break;
        }
        // The number must follow a genre word closing a title.
        let Some(gpos) = lex
            .genres
            .iter()
            .filter_map(|g| head.rfind(g.as_str()).map(|p| p + g.len()))
            .max()
        else {
            continue;
        };
        // Between the genre and the bracket: the issuer code, maybe opened
        // by a bracket of its own (…的通知（国发〔2019〕5号）).
        let gap = &t[gpos..f.core_start];
        let code = text::trim(gap).trim_start_matches(text::is_open_paren);
        if text::char_len(gap) > 10
            || code.contains(|c: char| !text::is_han(c) && !text::is_space(c))
        {
            continue;
        }
        let mut end = f.range.end;
        if code.len() < text::trim(gap).len() {
            match t[end..].chars().next() {
                Some(c) if text::is_close_paren(c) => end += c.len_utf8(),
                _ => continue,
            }
        }
        if !is_title_end(
            &Unit {
                text: &t[..gpos],
                ..*u
            },
            lex,
        ) {
            continue;
        }
        let mut out = Vec::new();
        out.extend(u.sub(0, gpos));
        out.extend(u.sub(gpos, end));
        out.extend(u.sub(end, t.len()));
        return out;
    }
    vec![*u]
}

/// Where a document begins: `title` is the range of title units.
#[derive(Debug, Clone)]
pub struct DocStart {
    /// The title's units; empty (`k..k`) for a document without a title,
    /// which starts at unit `k` (its number or addressees).
    pub title: std::ops::Range<usize>,
}

/// Walks back from the title's last unit `end` over title fragments, at most
/// three, as long as the title needs them (until the part holding 关于 or
/// 印发, or an unclosed 《 is closed).
fn title_start(units: &[Unit], end: usize, floor: usize, lex: &Lexicon) -> usize {
    let opens_title = |s: &str| {
        Lexicon::contains_any(&lex.about, s) || Lexicon::contains_any(&lex.transmittal, s)
    };
    // 关于… at the very start: the issuing organ sits on the line above
    // (淅川县人民政府 / 关于印发…的通知).
    let organ_above = |s: usize| {
        let starts_with_about = lex
            .about
            .iter()
            .chain(&lex.transmittal)
            .any(|w| units[s].text.starts_with(w.as_str()));
        if starts_with_about && s > floor && is_title_fragment(&units[s - 1], lex) {
            let p = units[s - 1].text;
            if lex
                .organ_suffixes
                .iter()
                .any(|suf| p.ends_with(suf.as_str()))
            {
                return s - 1;
            }
        }
        s
    };
    let last = units[end].text;
    let unbalanced = |s: &str| s.matches('《').count() != s.matches('》').count();
    if opens_title(last) && !unbalanced(last) {
        return organ_above(end);
    }
    let mut s = end;
    let mut joined = last.to_owned();
    while s > floor && end - s < 3 {
        let prev = &units[s - 1];
        if !is_title_fragment(prev, lex) || units[s - 1].md_level > 0 && units[end].md_level == 0 {
            break;
        }
        s -= 1;
        joined.insert_str(0, prev.text);
        if opens_title(prev.text) && !unbalanced(&joined) {
            return organ_above(s);
        }
    }
    end
}

/// A number or addressees follow the title, or a number stands right
/// before it (a red-header number).
fn has_header(units: &[Unit], start: usize, end: usize, lex: &Lexicon) -> bool {
    let next = units.get(end + 1);
    next.is_some_and(|n| docnum::whole(n.text).is_some() || is_addressee(n, lex))
        || (start > 0 && docnum::whole(units[start - 1].text).is_some())
}

/// A document without a title starts at unit `i`: addressees, or a number
/// followed by addressees (first in the file: by anything but a title, which
/// makes the number a red-header number above that title).
fn opens_untitled(units: &[Unit], i: usize, first: bool, lex: &Lexicon) -> bool {
    let u = &units[i];
    if is_addressee(u, lex) {
        return true;
    }
    if docnum::whole(u.text).is_none() {
        return false;
    }
    let next_is_addressee = units.get(i + 1).is_some_and(|n| is_addressee(n, lex));
    next_is_addressee || first && !units[i + 1..].iter().take(3).any(|n| is_title_end(n, lex))
}

/// The note under a regulation's or decision's title: （2019年5月30日…通过）.
fn is_passage_note(s: &str) -> bool {
    let mut cs = s.chars();
    matches!((cs.next(), cs.next_back()), (Some(a), Some(b)) if text::is_open_paren(a) && text::is_close_paren(b))
        && crate::normalize::date::parse_date(s).is_some()
        && [
            "通过", "公布", "发布", "施行", "批准", "修正", "修订", "通過", "發布",
        ]
        .iter()
        .any(|w| s.contains(w))
}

/// The transmittal notice's title encloses another document (印发《…》).
pub fn is_transmittal(title: &str, lex: &Lexicon) -> bool {
    Lexicon::contains_any(&lex.transmittal, title)
}

/// Finds the documents in `units` (the body of one file).
pub fn documents(units: &[Unit], lex: &Lexicon) -> Vec<DocStart> {
    let mut out: Vec<DocStart> = Vec::new();
    // The last start had no number or addressees (a first title alone).
    let mut weak = false;
    // The open document has signed off with its date and encloses nothing:
    // a 关于… title after it starts the next one even without a number.
    let mut closed = false;
    let mut transmittal = false;
    for (i, u) in units.iter().enumerate() {
        if !out.is_empty() && !transmittal && is_date_line(u.text) {
            closed = true;
        }
        if !is_title_end(u, lex) {
            // A document whose title was cut off begins at its number or its
            // addressees: first in the file, or after a signed document.
            if (out.is_empty() || closed) && opens_untitled(units, i, out.is_empty(), lex) {
                out.push(DocStart { title: i..i });
                (weak, closed, transmittal) = (false, false, false);
            }
            continue;
        }
        // A weak first start may be only the first lines of this title.
        let floor = if weak {
            0
        } else {
            out.last().map_or(0, |d| d.title.end)
        };
        let s = title_start(units, i, floor, lex);
        let header = has_header(units, s, i, lex);
        // A regulation or decision under its passage note （…通过）, unless
        // the open document promulgates it (…令, …公告, 印发…).
        let noted = units.get(i + 1).is_some_and(|n| is_passage_note(n.text)) && !transmittal;
        let after_close = closed
            && units[s..=i]
                .iter()
                .any(|t| Lexicon::contains_any(&lex.about, t.text));
        let header = header || noted;
        if !(header || after_close || out.is_empty()) {
            continue;
        }
        // A web page repeats the title above the document: a weak start
        // followed within a few lines by a real one is only that heading.
        if header
            && weak
            && out
                .last()
                .is_some_and(|d| s <= d.title.end + 3 || s <= d.title.start)
        {
            out.pop();
        }
        // Only a first title standing alone can be a page heading.
        weak = !header && out.is_empty();
        out.push(DocStart { title: s..i + 1 });
        closed = false;
        let title: String = units[s..=i].iter().map(|t| t.text).collect();
        transmittal = Lexicon::contains_any(&lex.transmittal, &title) || lex.promulgates(&title);
    }
    out
}

/// A unit longer than this is cut before every clause marker that follows
/// a full stop, so that a document without line breaks is read in linear
/// time (each piece is then handled on its own).
pub const LONG_UNIT: usize = 4096;

/// Pushes `u`, cut into pieces at markers after a full stop when it is
/// longer than [`LONG_UNIT`] bytes.
pub fn split_long<'t>(u: &Unit<'t>, out: &mut Vec<Unit<'t>>) {
    if u.text.len() <= LONG_UNIT {
        out.push(*u);
        return;
    }
    let t = u.text;
    let mut from = 0;
    let mut cuts = t.match_indices(['。', '；', ';', '：', ':']);
    for (i, p) in cuts.by_ref() {
        let at = i + p.len();
        let rest = crate::text::trim(&t[at..]);
        let start = t.len() - rest.len();
        let Some(m) = marker::marker(rest, false) else {
            continue;
        };
        let after = rest[m.body..].chars().next();
        if matches!(
            m.kind,
            marker::ClauseKind::CnEnum | marker::ClauseKind::Decimal
        ) || !after.is_some_and(|c| text::is_han(c) || c == '“' || c == '《')
        {
            continue;
        }
        out.extend(u.sub(from, start));
        from = start;
    }
    out.extend(u.sub(from, t.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_on_text_splits_at_its_elements() {
        let lex = Lexicon::builtin();
        let t = "现印发给你们，请认真贯彻执行。济南市人民政府办公厅2021年7月5日（此件公开发布）济南市停车设施管理办法第一章　总则第一条　为了加强管理，制定本办法。第二章　规划与建设第三条　市规划部门应当编制规划。依照本办法第三条规定执行。";
        let u = Unit::all(t)[0];
        let got: Vec<&str> = split_run_on(&u, &lex).iter().map(|p| p.text).collect();
        assert_eq!(
            got,
            vec![
                "现印发给你们，请认真贯彻执行。",
                "济南市人民政府办公厅2021年7月5日",
                "（此件公开发布）",
                "济南市停车设施管理办法",
                "第一章　总则",
                "第一条　为了加强管理，制定本办法。第二章　规划与建设",
                "第三条　市规划部门应当编制规划。依照本办法第三条规定执行。",
            ]
        );
        let plain = Unit::all("依照本办法第三条规定执行。")[0];
        assert_eq!(split_run_on(&plain, &lex).len(), 1);
    }
}
