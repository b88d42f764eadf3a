//! Elements run together on one line: a title and its number (…的通知石党发
//! 〔2020〕41号各县区：), a signature and date run into the last sentence, a
//! 第X章/条 marker after a heading or a title, and overlong units cut before
//! their clause markers. Each piece becomes a unit of its own, keeping its
//! source line, and is then recognised like any line.

use std::sync::LazyLock;

use memchr::memmem;

use super::title::{first_chars, is_title_end_text};
use crate::docnum;
use crate::lexicon::Lexicon;
use crate::marker;
use crate::text;
use crate::unit::Unit;

/// The characters an issuer's code ends with (某政发, 某政办函, 某办字, 某政文,
/// 某政复): a word after a title that ends otherwise is no code.
const CODE_ENDS: [char; 6] = ['发', '函', '字', '办', '文', '复'];

/// 第 and 年, found by SIMD substring search: `str::find(char)` stops at
/// every byte equal to their last one, a byte many ideographs end with.
static DI: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("第").into_owned());
static NIAN: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("年").into_owned());

/// An organ and a date after a full stop that are a sentence's, not a
/// signature: the organ led by a preposition and the date going on with the
/// sentence, its predicate up to a comma a few characters on (…未整改。经某市
/// 应急管理局2022年3月15日现场检查，该矿…). A signature's date is followed by
/// a note, the next title or the next element, never by its own predicate.
fn dated_in_sentence(organs: &str, after: &str, lex: &Lexicon) -> bool {
    let led = lex.preposition.iter().any(|w| {
        organs
            .strip_prefix(w.as_str())
            .is_some_and(|r| !r.is_empty())
    });
    let clause = after.find(['，', ',', '。', '；', ';']);
    led && after.starts_with(text::is_han)
        && clause.is_some_and(|c| {
            after[c..].starts_with(['，', ',']) && text::chars_at_most(&after[..c], 12)
        })
}

/// Splits a text stored without line breaks where its elements run together
/// (a CMS field): before an organ and date run into the last sentence
/// (…贯彻执行。济南市人民政府办公厅2021年7月5日…) and after that date, after a
/// publication note (（此件公开发布）), and before a 第X章/节/条 marker that
/// follows a bare heading (第一章　总则第一条　…) or, spaced, a title
/// (…管理办法第一章　总则). `None` for a unit holding none of these (most:
/// nothing is made for them).
pub fn run_on<'t>(u: &Unit<'t>, lex: &Lexicon) -> Option<Vec<Unit<'t>>> {
    let t = u.text();
    let mut cuts: Vec<usize> = Vec::new();
    // A title run into its addressees, no number between (…完成情况的报告州人大
    // 常委会：): cut after the genre word.
    cuts.extend(title_addressees(t, false, lex));
    // A regulation's title and its passage note on one line (某市某条例（2022年
    // 4月28日…通过　…批准）): cut before the note, read as it is under the title.
    cuts.extend(title_passage_note(t, lex));
    // Organ and date after a full stop, with more text after the date.
    for p in text::offsets_of(t, '。') {
        let at = p + '。'.len_utf8();
        // A signature is short: look at the next 60 characters only, and
        // only where an organ's name and a year can stand (a 年 among the
        // 60 characters lies within their first 240 bytes).
        let after = &t[at..];
        if !after.starts_with(text::is_han) {
            continue;
        }
        let mut window = after.len().min(240);
        while !after.is_char_boundary(window) {
            window -= 1;
        }
        match NIAN.find(&after.as_bytes()[..window]) {
            Some(y) if text::char_len(&after[..y]) < 60 => {}
            _ => continue,
        }
        let rest = first_chars(after, 60);
        let Some((_, r)) = crate::normalize::date::parse_date(rest) else {
            continue;
        };
        let organs = text::trim(&rest[..r.start]);
        if r.start > 0
            && !text::trim(&t[at + r.end..]).is_empty()
            && crate::organs::is_signature_text(organs, lex)
            && !dated_in_sentence(organs, &t[at + r.end..], lex)
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
    for i in DI.find_iter(t.as_bytes()) {
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
        // (Nor an article a bracket left open cites: a contents entry names
        // its chapter's articles, 第一章　总则（第一条至第二条）, （第五条）.)
        if before
            .rfind(text::is_open_paren)
            .is_some_and(|o| !before[o..].contains(text::is_close_paren))
        {
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
        return None;
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
    Some(out)
}

/// Where the passage note closing a title on its line opens: a last bracket
/// that is a passage note ([`super::title::is_passage_note`]: a date and a
/// passage word, 通过, 批准, 公布, 修正…), after a whole title's end
/// (某市某条例（2022年4月28日…通过　2022年5月26日…批准）). An edition
/// (（试行）) or the years (（2021—2025年）) stay in the title; a sentence or a
/// citation before the bracket is no title's end.
pub fn title_passage_note(t: &str, lex: &Lexicon) -> Option<usize> {
    // (Most lines close otherwise: nothing is looked for in them.)
    if !t.ends_with(text::is_close_paren) {
        return None;
    }
    let open = text::closing_group(t).filter(|&o| o > 0)?;
    let note = &t[open..];
    (note.starts_with(text::is_open_paren)
        && super::title::is_passage_note(note, lex)
        && is_title_end_text(text::trim(&t[..open]), lex))
    .then_some(open)
}

/// A title that names its issuing organ before its 关于 and closes with a
/// genre word (某市人民政府关于…的批复): the head of a document, which a
/// sentence citing one (根据市政府关于…的通知) or a bare subject (关于…的通知)
/// is not taken for when it is found run into another element.
pub fn issued_title(t: &str, lex: &Lexicon) -> bool {
    let t = text::trim(t);
    Lexicon::find_any(&lex.about, t)
        .is_some_and(|(at, _)| at > 0 && lex.organ_ending(&t[..at]).is_some())
        && is_title_end_text(t, lex)
}

/// Where the date that closes a document ends, when the next document's
/// title runs into it on one line (2022年1月18日某市人民政府关于…的批复, 二〇二二年
/// 一月十八日　某市人民政府关于…的通知; the signing organ before it, 某市人民政府
/// 办公室　2022年1月18日某市…): a whole date, nothing before it but the organ
/// that signs, and after it an issued title ([`issued_title`]): whether
/// the organ stands before the date, and where the date ends. `None` for
/// any other line (a date and a sentence, 2022年1月18日市政府召开…会议). The
/// caller asks for a signature too: the organ before the date, or the line
/// above.
pub fn date_before_title(t: &str, lex: &Lexicon) -> Option<(bool, usize)> {
    // A signing organ and a date take at most 60 characters: a 年 among
    // the first 240 bytes, found before anything is parsed.
    // (Most lines end otherwise than a title's genre word: answered from
    // their end first.)
    if t.len() > 1200 || lex.genre_suffix(text::trim(t)).is_none() {
        return None;
    }
    let mut window = t.len().min(240);
    while !t.is_char_boundary(window) {
        window -= 1;
    }
    NIAN.find(&t.as_bytes()[..window])?;
    let (_, r) = crate::normalize::date::parse_date(first_chars(t, 60))?;
    let organs = text::trim(&t[..r.start]);
    let title = &t[r.end..];
    (r.end < t.len()
        && (organs.is_empty() || crate::organs::is_signature_text(organs, lex))
        && issued_title(title, lex))
    .then_some((!organs.is_empty(), r.end))
}

/// Where the next document's title starts when it runs into the last
/// sentence of a paragraph (特此通知。某市人民政府关于…的批复), or into the
/// bracketed attribution closing it (…开展隐患排查。（市交通运输局负责）某市
/// 人民政府关于…的批复): after the stop, or after the bracket that opens right
/// after it, an issued title ([`issued_title`]) to the line's end, its
/// organ's name first (not a sentence's word citing one: 根据, 经). The
/// caller asks for the title's number or addressees on the next line.
pub fn title_after_stop(t: &str, lex: &Lexicon) -> Option<usize> {
    // (A title ends the line in its genre word: answered from its end
    // before any stop is read.)
    lex.genre_suffix(text::trim(t))?;
    let opens_sentence = |r: &str| {
        lex.cites
            .iter()
            .chain(&lex.preposition)
            .chain(&lex.sentence_open)
            .any(|w| r.starts_with(w.as_str()))
    };
    let title_at = |k: usize| {
        let r = &t[k..];
        (r.starts_with(text::is_han) && !opens_sentence(r) && issued_title(r, lex)).then_some(k)
    };
    t.char_indices()
        .filter(|&(_, c)| matches!(c, '。' | '！' | '？'))
        .find_map(|(i, c)| {
            let at = i + c.len_utf8();
            let after = &t[at..];
            // (A bracket opening right after the stop closes the paragraph
            // with it: the title starts after its close.)
            let bracket = after
                .strip_prefix(['（', '('])
                .and_then(|b| b.find(['）', ')']).map(|e| (b, e)))
                .map(|(b, e)| {
                    let close = b[e..].chars().next().map_or(1, char::len_utf8);
                    t.len() - b.len() + e + close
                });
            title_at(at).or_else(|| bracket.and_then(title_at))
        })
}

/// Where a title run into its addressees ends, no number between them
/// (某州人民政府关于…完成情况的报告州人大常委会：): after the last genre word
/// with 关于 before it (or a title's line above, `title_above`: 某州人民政府关于…
/// / …完成情况的报告州人大常委会：) and addressees after it up to the line's
/// colon.
pub fn title_addressees(t: &str, title_above: bool, lex: &Lexicon) -> Option<usize> {
    // Most lines end otherwise, or hold no 关于.
    if !crate::lines::header::ends_in_colon(t) {
        return None;
    }
    let about = match Lexicon::find_any(&lex.about, t) {
        Some((at, _)) => at,
        None if title_above => 0,
        None => return None,
    };
    // (Every genre word's end found in one pass, read from the last.)
    let ends = lex.genre_ends(t);
    let mut p = t.len();
    while let Some(g) = ends.before(p) {
        if g <= about || title_above && g == 0 {
            return None;
        }
        // (The title a title: no sentence before it, 现将…关于…的意见转发给你们，
        // 请…：, 会议听取了…关于…的报告…：; the addressees opening with an organ or
        // 各.)
        let rest = &t[g..];
        let first = rest
            .split(['、', '，', ',', '：', ':'])
            .next()
            .unwrap_or("");
        if lex.genre_suffix(&t[..g]).is_some()
            && crate::lines::title::is_title_end_text(&t[..g], lex)
            && !t.starts_with("会议")
            && !rest.starts_with(['》', '〉', '（', '('])
            // (An organ's ending alone is the tail of a name a wrap cut,
            // 郴州市自然资 / 源和规划局：, not an addressee after a title.)
            && (first.starts_with('各')
                || lex.organ_ending(first).is_some_and(|e| e.len() < first.len()))
            && crate::lines::header::is_addressee_text(rest, lex)
        {
            return Some(g);
        }
        p = g;
    }
    None
}

/// Addressees a wrap cut before their colon (…18号各区党委、区政府,市委各 /
/// 部委办,…:): a list (a separator in it) whose first item is an organ's or
/// 各…, with no sentence's punctuation.
fn addressees_cut(rest: &str, lex: &Lexicon) -> bool {
    let rest = text::trim(rest);
    let first = rest.split(text::is_list_sep).next().unwrap_or("");
    // (Or a first organ 各… alone, the wrap right after it: …号各县(市)区人民政府
    // / ,市政府各部门:; or the wrap inside it, …20号各 / 县（区）人民政府，…:.)
    // (Or inside its bracket: …号 各县（市 / 、区）人民政府，…:.)
    let in_bracket = rest
        .rfind(['（', '('])
        .is_some_and(|o| !rest[o..].contains(['）', ')']));
    // (Or inside a name of a few characters, no predicate in them: …12号各区
    // 县人 / 民政府，…：; not …12号各地要加强.)
    // (A level's name after 各, as addressees open: not 各项任务, 各地各部门务必.)
    let cut_name = || {
        text::chars_at_most(rest, 8)
            && rest
                .strip_prefix('各')
                .is_some_and(|r| r.starts_with(crate::place::is_any_level))
            && !SENTENCE_WORDS.iter().any(|w| rest.contains(w))
    };
    let whole = first.len() == rest.len()
        && first.starts_with('各')
        && (lex.organ_ending(first).is_some() && text::chars_at_most(rest, 20)
            || text::chars_at_most(rest, 3)
            || in_bracket && text::chars_at_most(rest, 8)
            || cut_name());
    (whole || rest.contains(text::is_list_sep))
        && !rest.contains(['。', '；', ';', '！', '？'])
        && (first.starts_with('各') || lex.organ_ending(first).is_some())
}

/// The first addressee's head a wrap cut after the number (…号澄, …号各旗县区
/// 人), completed by the next line up to its colon (江县人民政府：, 民政府，市政府
/// 各有关部门：): a few ideographs (with brackets), and the two read as
/// addressees.
fn name_goes_on(rest: &str, next: Option<&str>, lex: &Lexicon) -> bool {
    let rest = text::trim(rest);
    let Some(next) = next else {
        return false;
    };
    // (Or the list goes on past the next line, cut again before its colon:
    // …15号 越城 / 区、柯桥区、上虞区人民政府，市政府各部门、各单 / 位：; its items
    // whole up to the next line's last separator read as a list with the
    // colon after them. The next line holds a separator and no stop.)
    let joined = match next.find(text::is_colon) {
        Some(c) => {
            let c = c + next[c..].chars().next().map_or(0, char::len_utf8);
            [rest, text::trim(&next[..c])].concat()
        }
        None => {
            let Some(sep) = next.rfind(text::is_list_sep) else {
                return false;
            };
            if next.contains(['。', '；', ';', '！', '？']) {
                return false;
            }
            [rest, text::trim(&next[..sep]), "："].concat()
        }
    };
    let c = next.find(text::is_colon).map_or(next.len(), |c| {
        c + next[c..].chars().next().map_or(0, char::len_utf8)
    });
    // (Its first item an organ's or a place's name: not a signer, 签发人王某,
    // nor a sentence, 市人民政府第20次常务会议研究决定.)
    let first = joined
        .split(|c: char| text::is_list_sep(c) || text::is_colon(c))
        .next()
        .unwrap_or("");
    // (Or whole, the wrap leaving only their colon: …46号郴州市自然资源和规划局
    // / ：.)
    let colon_alone = text::trim(&next[..c]).chars().count() == 1;
    // (Or the last of a list whose items before it name addressees: …15号
    // 越城区、柯桥区、上虞区人 / 民政府，…：; the cut head is what the rest of
    // these rules read.)
    let (before, head) = match rest.rfind(text::is_list_sep) {
        Some(k) => (
            &rest[..k],
            &rest[k + rest[k..].chars().next().map_or(0, char::len_utf8)..],
        ),
        None => ("", rest),
    };
    let listed = before.is_empty()
        || before
            .split(text::is_list_sep)
            .all(|i| crate::lines::header::names_addressee(i, lex));
    !head.is_empty()
        && listed
        && (colon_alone && before.is_empty() || text::chars_at_most(head, 10))
        // (Its brackets too: …6号各县(市) / 委,…:, …11号各县（市）区 / 人民政府，…：.)
        && head
            .chars()
            .all(|c| text::is_han(c) || text::is_open_paren(c) || text::is_close_paren(c))
        && docnum::signer_at(rest).is_none()
        && crate::lines::header::names_addressee(first, lex)
        && crate::lines::header::is_addressee_text(&joined, lex)
}

/// A title's last few characters that a fixed-width wrap left on a line of
/// their own, the number run into them (的通知某府〔2021〕18号): the genre
/// word, 的 before it or not.
pub fn is_wrapped_tail(head: &str, lex: &Lexicon) -> bool {
    let head = text::trim(head);
    text::chars_at_most(head, 4)
        && lex
            .genre_suffix(head)
            .is_some_and(|(_, at)| matches!(&head[..at], "" | "的"))
}

/// A title's last characters a wrap cut off inside its genre word, alone
/// on their line under the rest (…森林防灭火工作的通 / 知): at most three
/// ideographs completing a genre word that `above`, no title's end on its
/// own, begins.
pub fn completes_genre(above: &str, tail: &str, lex: &Lexicon) -> bool {
    let (above, tail) = (text::trim(above), text::trim(tail));
    !tail.is_empty()
        && text::chars_at_most(tail, 3)
        && tail.chars().all(text::is_han)
        && lex.genre_suffix(above).is_none()
        && lex
            .genre_suffix(&[above, tail].concat())
            .is_some_and(|(_, at)| at < above.len())
}

/// The first half of a number cut by a wrap after its year, run into the
/// title it closes (…的通知某政办发〔2017〕 / 60号): where its issuer's code
/// starts. The line ends with the year in brackets; before them a short
/// code of ideographs, and before that a genre word closing a 关于… title,
/// or a title's last characters (的决定某党发[2019]).
fn cut_after_title(t: &str, lex: &Lexicon) -> Option<usize> {
    let t = t.trim_end_matches(text::is_space);
    match cut_number_open(t)? {
        (open, true) => title_before_code(t, open, false, lex),
        _ => None,
    }
}

/// A document number that lost its 号 (a copy or an OCR dropped it) where a
/// header prints it: the line wholly an issuer code, a bracketed year and
/// the serial (保政发〔2020〕4) under a title's last line (`under_title`), or
/// those closing a title's line they are run into, after its genre word
/// (…方案的通知昭政发(2021)18; `title_above`: a title's line is right above).
/// Where the number starts in `t`; `None` for any other line, and for such
/// a number inside or opening a longer text (根据某政发〔2020〕4, …4文件).
pub fn unmarked_number(
    t: &str,
    under_title: bool,
    title_above: bool,
    lex: &Lexicon,
) -> Option<usize> {
    let t = t.trim_end_matches(text::is_space);
    if !t.ends_with(text::is_digit) {
        return None;
    }
    if docnum::unmarked(t).is_some() {
        return under_title.then_some(0);
    }
    cut_inside_number(t, title_above, lex)
        .filter(|&at| at > 0 && docnum::unmarked(&t[at..]).is_some())
}

/// As [`cut_after_title`], the wrap anywhere inside the number after its
/// year's opening bracket: at the bracket (某政办函〔 / 2019〕37号), inside
/// the year (某政发〔2 / 006〕20号), after it or inside the serial (〔2017〕6 /
/// 0号). Asked of the line above a line that opens with the number's rest
/// and addressees after it (`number_rest`, `addressees_follow`): those
/// tell the cut number from a sentence citing one. `title_above`: the line
/// above `t` is a title's, whose 关于 `t` may lack (…关于印发《上饶市 /
/// 2016年…工作要点》的通知饶办字〔2016〕).
pub fn cut_inside_number(t: &str, title_above: bool, lex: &Lexicon) -> Option<usize> {
    let t = t.trim_end_matches(text::is_space);
    // (Most lines end otherwise: asked first.)
    if !t.ends_with(|c: char| {
        text::is_digit(c) || docnum::is_year_open(c) || docnum::is_year_close(c)
    }) {
        return None;
    }
    let (open, _) = cut_number_open(t)?;
    title_before_code(t, open, title_above, lex)
}

/// Where the issuer's code before the bracket at `open` starts, after a
/// title's genre word: a code of two to eight ideographs. (A genre word
/// closing the code itself, 市政办函〔, is no title's; the title's is the
/// one before it.)
fn title_before_code(t: &str, open: usize, title_above: bool, lex: &Lexicon) -> Option<usize> {
    let gpos = lex
        .code_after_genre(&t[..open], open, 2..=8)
        // (A space between the title and the code: …的通报 盘政办发〔.)
        .or_else(|| code_after_space(&t[..open], 2..=8, lex).map(|(g, _)| g))?;
    closes_title(&t[..gpos], title_above, lex).then_some(gpos)
}

/// An issuer code of `chars` ideographs closing `s` after a genre word and
/// a space (…的通报 盘政办发, …的通报 三): where the genre word ends and where
/// the code starts.
fn code_after_space(
    s: &str,
    chars: std::ops::RangeInclusive<usize>,
    lex: &Lexicon,
) -> Option<(usize, usize)> {
    let g = lex.genre_end_before(s, s.len())?;
    let code = s[g..].trim_start_matches(text::is_space);
    (code.len() < s.len() - g
        && chars.contains(&text::char_len(code))
        && code.chars().all(text::is_han))
    .then_some((g, s.len() - code.len()))
}

/// `title`, the text before an issuer code run into it, closes a title: a
/// 关于… title, a title's last characters a wrap left alone (的通知), or,
/// under a title's line (`title_above`), a title's rest that closes with
/// 的 and its genre word (…关于 / 印发《…》的通知). (A title that says what it
/// is about: a sentence naming a notice, 请按照通知某政发〔2017〕 / 12号要求,
/// is none.)
fn closes_title(title: &str, title_above: bool, lex: &Lexicon) -> bool {
    let about = Lexicon::contains_any(&lex.about, title) && is_title_end_text(title, lex);
    // (的 right before the genre word, or before a word or two qualifying
    // it: …发展的实施意见, …工作的指导意见.)
    let goes_on = title_above
        && is_title_end_text(title, lex)
        && lex.genre_suffix(title).is_some_and(|(_, at)| {
            title[..at]
                .rfind('的')
                .is_some_and(|d| text::chars_at_most(&title[d..at], 3))
        });
    about || goes_on || is_wrapped_tail(title, lex)
}

/// After a number (or its rest), addressees: up to their colon, or cut by
/// a wrap before it (`addressees_cut`) with every item but the last naming
/// an organ or a body (…号各县（市、区）、各部门要对照执行，… is a sentence).
pub fn addressees_follow(rest: &str, lex: &Lexicon) -> bool {
    let rest = text::trim(rest);
    match rest.find(text::is_colon) {
        Some(c) => {
            let c = c + rest[c..].chars().next().map_or(0, char::len_utf8);
            crate::lines::header::is_addressee_text(text::trim(&rest[..c]), lex)
        }
        None => {
            let items: Vec<&str> = text::split_outside(
                rest,
                text::is_open_paren,
                text::is_close_paren,
                text::is_list_sep,
                text::Unmatched::Ignored,
            )
            .map(text::trim)
            .collect();
            let names = |i: &str| crate::lines::header::names_addressee(i, lex);
            addressees_cut(rest, lex)
                && items.split_last().is_some_and(|(last, before)| {
                    before.iter().all(|i| names(i)) && text::chars_at_most(last, 12)
                })
        }
    }
}

/// Where the year's opening bracket of a number cut at the end of `t`
/// stands, and whether its year is whole and closed with nothing after:
/// `t` ends with the bracket and at most four digits of the year,
/// or with the whole year in brackets and at most three digits of the
/// serial (〔, 〔20, 〔2017〕, 〔2017〕6).
fn cut_number_open(t: &str) -> Option<(usize, bool)> {
    let mut tail = t.char_indices().rev().peekable();
    let mut digits = 0;
    while tail.next_if(|&(_, c)| text::is_digit(c)).is_some() {
        digits += 1;
    }
    // After a closing bracket, the digits read are the serial's and the
    // year stands whole before it; else they are the year's.
    let closed = tail.next_if(|&(_, c)| docnum::is_year_close(c)).is_some();
    if closed {
        if digits > 3 {
            return None;
        }
        for _ in 0..4 {
            tail.next_if(|&(_, c)| text::is_digit(c))?;
        }
    } else if digits > 4 {
        return None;
    }
    tail.next_if(|&(_, c)| docnum::is_year_open(c))
        .map(|(open, _)| (open, closed && digits == 0))
}

/// Where the bracket around a number opens in `prev`, when the round
/// bracket at `open` is its year's, cut by the wrap inside or right after
/// its digits (…的决定(汴政(202 / 1)15号)): at most four digits end
/// `prev` after it, and a code of one to eight ideographs stands between
/// the two brackets.
fn year_paren_outer(prev: &str, open: usize) -> Option<usize> {
    let after = &prev[open..];
    let paren = after.chars().next().filter(|&c| text::is_open_paren(c))?;
    let year = &after[paren.len_utf8()..];
    if !(year.chars().all(text::is_digit) && text::chars_at_most(year, 4)) {
        return None;
    }
    let code = prev[..open].trim_end_matches(text::is_han);
    let n = text::char_len(&prev[code.len()..open]);
    let (at, c) = code.char_indices().next_back()?;
    ((1..=8).contains(&n) && (text::is_open_paren(c) || matches!(c, '【' | '［'))).then_some(at)
}

/// A title's number in brackets after it, cut by a wrap anywhere between
/// its brackets (…的通知（汴政〔2021 / 〕9号）, …的通知（ / 汴政〔2021〕8号）,
/// …的通知（汴 / 政〔2021〕10号）, …的通知（汴政〔2021〕12号 / ）): where its
/// opening bracket stands in `prev`, the title's line, and where its closing
/// bracket ends in `t`, the line under it. The two halves read as one number
/// with its code, year and serial, and the text before the bracket closes a
/// title (`closes_title`), addressees or nothing after it. `above`: the
/// title's lines above `prev`, each right above the next (a sentence citing
/// a notice, 根据市政府关于…的通知（某政〔2021 / 〕9号）要求，…, is none).
pub fn bracket_cut(prev: &str, t: &str, above: &[&str], lex: &Lexicon) -> Option<(usize, usize)> {
    let prev = prev.trim_end_matches(text::is_space);
    // (The bracket opens among the line's last few characters, and no
    // closing one follows it there; most title lines end otherwise.)
    let (open, _) = prev
        .char_indices()
        .rev()
        .take(16)
        .take_while(|&(_, c)| !docnum::is_number_close(c) && !text::is_close_paren(c))
        .find(|&(_, c)| text::is_open_paren(c) || matches!(c, '【' | '［'))?;
    let open = year_paren_outer(prev, open).unwrap_or(open);
    let head = &prev[open..];
    let body = t.trim_start_matches(text::is_space);
    let lead = t.len() - body.len();
    // Its close: right at the line's start after a number whole above, or
    // after the first 号 within the rest's first characters, as many as a
    // long code's number holds (黔东南府办明电〔2021〕105号).
    let end = if head.ends_with(['号', '號']) {
        body.starts_with(docnum::is_number_close)
            .then(|| lead + body.chars().next().map_or(0, char::len_utf8))?
    } else {
        let (at, c) = body
            .char_indices()
            .take(24)
            .find(|&(_, c)| matches!(c, '号' | '號'))?;
        let after = at + c.len_utf8();
        let close = body[after..]
            .chars()
            .next()
            .filter(|&c| docnum::is_number_close(c))?;
        lead + after + close.len_utf8()
    };
    let rest = &t[end..];
    if !(text::trim(rest).is_empty() || addressees_follow(rest, lex)) {
        return None;
    }
    let n = docnum::whole(&[head, &t[lead..end]].concat())?;
    let title = prev[..open].trim_end_matches(text::is_space);
    // (The title's lines hold no sentence's stops, and its first line no
    // words of a sentence before its 关于: 各地要按照市人民政府关于….)
    let first = above.first().copied().unwrap_or(title);
    let head = first.find("关于").map_or(first, |at| &first[..at]);
    let stops = |l: &str| l.contains(['，', ',', '。', '；', ';', '：', ':']);
    // (A 通告 or 公告 numbered within its year has no code: …的通告（2021年 /
    // 第1号）.)
    let yearly = || {
        lex.genre_suffix(title)
            .is_some_and(|(g, _)| matches!(g, "通告" | "公告"))
    };
    ((n.issuer_code.is_some() || yearly())
        && n.year.is_some()
        && n.serial.is_some()
        && !above.iter().any(|l| stops(l))
        && !stops(title)
        && !lex.opens_sentence(text::trim(first))
        && !SENTENCE_WORDS.iter().any(|w| head.contains(w))
        && closes_title(title, !above.is_empty(), lex))
    .then_some((open, end))
}

/// The rest of a number a wrap cut (`prev`, the first half on the line
/// above: 某政发〔2 / 某政办函〔 / 某政发〔2017〕), at the start of `t`
/// (006〕20号各县…, 2019〕37号各区…): where that rest ends in `t`, when the
/// two read as one number with its issuer's code, year and serial and `t`
/// goes on after it.
pub fn number_rest(prev: &str, t: &str) -> Option<usize> {
    rest_of_number(prev, t).filter(|&end| end < t.trim_end_matches(text::is_space).len())
}

/// As [`number_rest`], `t` going on after the rest or not.
pub fn rest_of_number(prev: &str, t: &str) -> Option<usize> {
    // (Most lines end otherwise: asked first.)
    if !prev.trim_end_matches(text::is_space).ends_with(|c: char| {
        text::is_digit(c) || docnum::is_year_open(c) || docnum::is_year_close(c)
    }) {
        return None;
    }
    let prev = text::trim(prev);
    if !text::chars_at_most(prev, 24) || cut_number_open(prev).is_none() {
        return None;
    }
    // The rest is short and ends at the first 号.
    let (at, c) = t
        .char_indices()
        .take(12)
        .find(|&(_, c)| matches!(c, '号' | '號'))?;
    let end = at + c.len_utf8();
    let n = docnum::whole(&[prev, &t[..end]].concat())?;
    (n.issuer_code.is_some() && n.year.is_some() && n.serial.is_some()).then_some(end)
}

/// An issuer's code cut by a wrap, its head run into the title above and
/// its tail opening the number on this line (…的实施意见嘉政 / 发[2013]21号
/// 各县…, …的通报佳 / 政办发〔2008〕21号, …的通报佳政办发 / 〔2008〕21号):
/// where the code's head starts in `prev`. The number on `t` opens the line
/// with a code of at most four characters or none, `prev` ends with a 关于…
/// title (or a title's last characters) and one to eight ideographs, the
/// two halves read as one number, and addressees follow it (a row of a list
/// of documents, or a sentence citing one, has none): on `t`, or, when `t`
/// holds the number alone, on the line under it (`addressees_under`).
/// `title_above`: `prev` is under a title's line, which holds its 关于.
pub fn code_cut(
    prev: &str,
    t: &str,
    numbers: &[docnum::Found],
    addressees_under: bool,
    title_above: bool,
    lex: &Lexicon,
) -> Option<usize> {
    let f = numbers.first().filter(|f| f.range.start == 0)?;
    let tail = &t[..f.core_start];
    // (A code printed letter-spaced, its head ending the title's line: …的通
    // 知巴 政 办 / 发 〔2021〕 60 号…; the tail keeps its spaces.)
    let spaced = docnum::spaced_head(prev);
    let tail = match spaced {
        Some(_) => tail.trim_end_matches(text::is_space),
        None => tail,
    };
    if !text::chars_at_most(tail, 4) || !tail.chars().all(text::is_han) {
        return None;
    }
    let prev = prev.trim_end_matches(text::is_space);
    // (A code that ends with 函, …的批复七政函 / 〔2020〕21号, is read from
    // the genre word before it when the number on `t` opens with its
    // bracket: the code stands whole above. Only a code's 函, after an
    // organ's character: …的请示报告, …的说明函, …办法实施细则 end titles.)
    let gpos = spaced
        .or_else(|| lex.code_after_genre(prev, prev.len() + 1, 1..=8))
        .or_else(|| {
            // (A space may stand before it: …的函 绥政函 / 〔2021〕30号.)
            if !tail.is_empty() {
                return None;
            }
            let bare = lex.code_after_genre(prev, prev.len(), 2..=6);
            let spaced = || code_after_space(prev, 2..=6, lex).map(|(_, code)| code);
            let g = bare.or_else(spaced)?;
            // (Or any code after a space, whole above the bracket, ending as
            // codes do: …的通知 张政办发 / 〔2020〕14号 各区县…:; not a word after
            // the title, …的通知 政务公开.)
            let code = match prev[g..].strip_suffix('函') {
                Some(c) => c,
                None if bare.is_none() && prev.ends_with(CODE_ENDS) => &prev[g..],
                None => return None,
            };
            code.contains(['政', '府', '办', '委', '党']).then_some(g)
        })
        // (A space between the title and the code's first character: …的通报
        // 三 / 政办〔2021〕21号 各县…: cut where it starts. Two or more are a
        // word after the title, …的通知 公开, 试行, 表扬, unless the code they
        // open ends as codes do and they are no verdict: …的通知 六盘 / 水府办发
        // 〔2020〕78号 各县…，.)
        .or_else(|| code_after_space(prev, 1..=1, lex).map(|(_, code)| code))
        .or_else(|| {
            let (_, code) = code_after_space(prev, 2..=3, lex)?;
            let head = &prev[code..];
            // (Nor a word naming the title's edition or text: 试行, 草案, 全文.)
            (!tail.is_empty()
                && tail.ends_with(CODE_ENDS)
                && !lex.verdict.iter().chain(&lex.edition).any(|v| v == head)
                && !matches!(head, "全文" | "原文" | "正文" | "附件"))
            .then_some(code)
        })?;
    let head = &prev[gpos..];
    let title = prev[..gpos].trim_end_matches(text::is_space);
    let gap = if spaced.is_some() { " " } else { "" };
    let joined = [head, gap, &t[..f.range.end]].concat();
    (!crate::lines::header::is_front_matter(head, lex, false)
        && is_title_end_text(title, lex)
        // (Read through the title's line above only when the code on this
        // line is cut, at most three characters: …先进单位的通报表扬 / 石政办发
        // 〔2020〕3号 has its code whole, and 表扬 goes on from the title. Or
        // four when one character of it ends the title's line: …工作方案的通
        // 知威 / 环政办发〔2021〕6号.)
        && (closes_title(title, false, lex)
            || title_above
                && (text::chars_at_most(tail, 3)
                    || text::chars_at_most(tail, 4) && text::chars_at_most(head, 1))
                && closes_title(title, true, lex))
        && docnum::whole(&joined).is_some_and(|n| n.issuer_code.is_some() && n.serial.is_some())
        && if addressees_under {
            text::trim(&t[f.range.end..]).is_empty()
        } else {
            addressees_follow(&t[f.range.end..], lex)
        })
    .then_some(gpos)
}

/// A genre word cut by a wrap, its last characters run into the number on
/// the next line (…实施方案的通 / 知某政办发〔2021〕8号), or the whole of a
/// one- or two-character one after 的 (…建设的 / 函抚府办函〔2008〕37号): where
/// the number starts on that line. `prev` is the title's line above, which does not end
/// a title alone and does with the first one or two characters of `t`; those
/// characters stand inside the issuer code a number read from `t` took in.
/// `heads`: `prev` stands where a title opens, first or under a line that
/// neither leads a list with its colon nor holds a number (a list of
/// documents, 下列文件同时废止： / …的通 / 知 某政发〔2019〕5号).
pub fn genre_cut(
    prev: &str,
    t: &str,
    numbers: &[docnum::Found],
    heads: bool,
    lex: &Lexicon,
) -> Option<usize> {
    if is_title_end_text(prev, lex) {
        return None;
    }
    // (Or set apart from the number by a space, with the addressees after
    // it: …防汛工作的通 / 知 岳政发〔2021〕5号 各县市区人民政府：. A row of a list
    // of documents, 1⇥…的通 / 知 石政发〔2019〕5号, holds nothing after it.)
    // (Nothing after it, the addressees on the next line, when the title's
    // line opens as a title does, with 关于 or its organ and 关于: 某市人民
    // 政府办公室关于印发…管理规定的通 / 知　某政办〔2020〕41号, where a title
    // opens (`heads`); a row opens with its serial.)
    let organ_about = heads
        && Lexicon::find_any(&lex.about, prev).is_some_and(|(at, _)| {
            let organ = &prev[..at];
            organ.chars().all(text::is_han) && (at == 0 || lex.organ_ending(organ).is_some())
        });
    let spaced = |k: usize| {
        let rest = &t[k..];
        let gap = rest.len() - rest.trim_start_matches(text::is_space).len();
        gap > 0
            && !prev.contains(['\t', '|', '｜'])
            && numbers.iter().any(|f| {
                f.range.start == k + gap
                    && (organ_about || !text::trim(&t[f.range.end..]).is_empty())
            })
    };
    // (Or the genre word whole on this line, its number in brackets closing
    // it: …燃放烟花爆竹的 / 通告（2021年第1号）.)
    let bracketed = |k: usize| {
        let rest = text::trim(&t[k..]);
        rest.starts_with(docnum::is_number_open)
            && rest.ends_with(docnum::is_number_close)
            && docnum::whole(rest).is_some()
    };
    // (Or an organ's name cut inside its ending, its last characters and
    // the genre word on this line, the number in brackets closing it: 某市
    // …防控工作指挥 / 部通告（第2号）.)
    let organ_cut = |k: usize| {
        let head = &t[..k];
        lex.genre_suffix(head).is_some_and(|(_, g)| {
            g > 0
                && text::chars_at_most(&head[..g], 3)
                && lex
                    .organ_ending(&[prev, &head[..g]].concat())
                    .is_some_and(|e| e.len() > g)
        }) && head.chars().all(text::is_han)
            && is_title_end_text(&[prev, head].concat(), lex)
    };
    if let Some(open) = t.rfind(docnum::is_number_open) {
        if open > 0 && text::chars_at_most(&t[..open], 6) && bracketed(open) && organ_cut(open) {
            return Some(open);
        }
    }
    t.char_indices().skip(1).take(2).map(|(k, _)| k).find(|&k| {
        let head = &t[..k];
        (numbers
            .iter()
            .any(|f| f.range.start <= k && k < f.core_start)
            || spaced(k)
            || bracketed(k))
            && head.chars().all(text::is_han)
            && {
                // (Or the genre word whole on this line after the title's 的:
                // …建设的 / 函抚府办函〔2008〕37号….)
                let joined = [prev, head].concat();
                lex.genre_suffix(&joined)
                    .is_some_and(|(_, g)| g < prev.len() || g == prev.len() && prev.ends_with('的'))
                    && is_title_end_text(&joined, lex)
            }
    })
}

/// Words of a sentence's predicate, which no list of addressees holds
/// (各部门要认真贯彻落实…).
const SENTENCE_WORDS: [&str; 15] = [
    "要",
    "必须",
    "务必",
    "应当",
    "认真",
    "贯彻",
    "落实",
    "做好",
    "加强",
    "切实",
    "进一步",
    "结合",
    "按照",
    "根据",
    "。",
];

/// Splits a unit that runs a title into its number (…的通知石党发〔2020〕41号
/// 各县区…:) into title, number and the rest; `None` for a unit that does not.
/// `numbers`: the document numbers in the unit's text (`docnum::find_all`).
/// `under_title`: the line above is a title's end, which an order's number
/// under it (…管理办法 / 某市人民政府令第2号) is the number of. `next`: the
/// line under the unit, when known, which may complete the first addressee
/// a wrap cut after the number (…号澄 / 江县人民政府：).
pub fn run_on_number<'t>(
    u: &Unit<'t>,
    numbers: Vec<docnum::Found>,
    under_title: bool,
    next: Option<&str>,
    lex: &Lexicon,
) -> Option<Vec<Unit<'t>>> {
    let t = u.text();
    // A number in brackets closing a title: …常务委员会公告（第38号）,
    // …的通知[某政办〔2013〕15号], …【…】, …公告〔第9号〕.
    if t.ends_with(docnum::is_number_close) || t.ends_with(['〕', '﹞']) {
        let open = if t.ends_with(docnum::is_number_close) {
            t.rfind(docnum::is_number_open)
        } else {
            t.rfind(['〔', '﹝'])
        };
        if let Some(open) = open {
            if open > 0 && docnum::whole(&t[open..]).is_some() && is_title_end_text(&t[..open], lex)
            {
                let mut out = Vec::new();
                out.extend(u.sub(0, open));
                out.extend(u.sub(open, t.len()));
                return Some(out);
            }
        }
    }
    if let Some(code) = cut_after_title(t, lex) {
        let mut out = Vec::new();
        out.extend(u.sub(0, code));
        out.extend(u.sub(code, t.len()));
        return Some(out);
    }
    if let Some(end) = number_before_title(t, &numbers, "", lex) {
        return Some(
            [u.sub(0, end), u.sub(end, t.len())]
                .into_iter()
                .flatten()
                .collect(),
        );
    }
    if let Some(cut) = masthead_number(t, &numbers, lex) {
        return Some(cut.iter().filter_map(|r| u.sub(r.start, r.end)).collect());
    }
    // Read once for the line, not at each number: a line packed with cited
    // numbers would otherwise be searched from its start for each one. (Only
    // up to the last number's bracket: no query looks further.)
    let reach = numbers.iter().map(|f| f.core_start).max().unwrap_or(0);
    let genres = lex.genre_ends(&t[..reach]);
    let stop = text::find_char(t, '。');
    for f in numbers {
        // An order's or announcement's heading and number on one line
        // (中华人民共和国国务院令　第706号, 某自治州人民代表大会常务委员会公告
        // 第13号): the title is the organ's order or announcement, the number
        // what follows. (A heading longer than the issuer code read back from
        // the number, fourteen ideographs, is the whole run before it.)
        if f.number.year.is_none()
            && !under_title
            && text::trim(&t[f.range.end..]).is_empty()
            && (f.range.start == 0 || docnum::code_capped(t, &f))
        {
            let head = text::trim(&t[..f.core_start]);
            if docnum::promulgating(head) && text::char_len(head) >= 3 {
                let mut out = Vec::new();
                out.extend(u.sub(0, f.core_start));
                out.extend(u.sub(f.core_start, t.len()));
                return Some(out);
            }
        }
        // A number opening the line, the addressees run into it (柳政发
        // 〔2015〕18号各县、区人民政府,市直各委、办、局:), maybe in brackets of
        // its own (（宜政办〔2021〕8号）各县（市、区）人民政府，…：).
        let end = f.range.end + bracketed_at(&t[..f.range.start], &t[f.range.end..]);
        // (Not a cited number in brackets a wrap left opening the line, the
        // sentence going on with a word that joins: …实施方案》 / (甘办发〔2021〕
        // 62号)和市委、市政府安排部署，….)
        let joins = end > f.range.end && t[end..].starts_with(['和', '及', '与', '并', '或', '等']);
        if f.number.year.is_some()
            && !joins
            && (end > f.range.end || text::trim(&t[..f.range.start]).is_empty())
        {
            let rest = &t[end..];
            // (Its first item an organ's or 各…: a sentence going on after a
            // cited number, 石政办发〔2021〕44号印发以来,各地各部门:, is none.)
            // (A space may part them, 三政办〔2021〕21号　各县…：, when their
            // colon is on the line: 石政办发〔2021〕44号　各县区，市直各部门要…
            // is a sentence wrapped; without it the first item is read as it
            // stands, space and all.)
            // (Or on the next line, which ends the list: …78号 各县（市、特区、区）
            // 人民政府，市人民政府各工作部门， / 各有关单位：; not …， / 有关要求如下：.)
            // (Or the colon alone under them: …市直有关单位 / :.)
            let colon_below = || {
                next.is_some_and(|n| {
                    crate::lines::header::ends_in_colon(n)
                        && !text::has_char(n, '。')
                        && text::chars_at_most(n, 40)
                        && (crate::lines::header::is_addressee_text(text::trim(n), lex)
                            || text::trim(n).chars().all(text::is_colon))
                })
            };
            let on_line = rest.contains(text::is_colon);
            let item = rest
                .split(|c: char| text::is_list_sep(c) || text::is_colon(c))
                .next();
            let organ_of = |f: &str| f.starts_with('各') || lex.organ_ending(f).is_some();
            // (The line under read only for a first item naming an organ.)
            // (Or under its title, the list opening with 各…, however many
            // lines it wraps over: …的通知 / 漳政办〔2020〕31号 各县(市、区) /
            // 人民政府,…市直 / 有关单位:.)
            // (Not a sentence opening with them: …8号 各县（市、区）、各部门
            // 认真贯彻落实.)
            let listed = |f: &str| {
                let f = text::trim(f);
                let sentence = || SENTENCE_WORDS.iter().any(|w| rest.contains(w));
                organ_of(f) && (colon_below() || under_title && f.starts_with('各') && !sentence())
            };
            let colon = on_line || item.is_some_and(listed);
            let first = item.map(|f| if colon { text::trim(f) } else { f });
            let organ = first.is_some_and(organ_of);
            // (Or cut by a wrap before their colon, when the code read holds
            // no title's genre word: 决定厦府〔…〕61号各区…，各 is a title's
            // tail, read below.)
            let cut_ok = colon || genres.before(f.core_start).is_none();
            // (Or the first addressee's head a wrap cut, which the next line
            // completes: …的批 / 复 益政函〔2021〕56号 市住房和城乡建 / 设局：.)
            let addressees = organ && cut_ok && addressees_follow(rest, lex)
                || !on_line && name_goes_on(rest, next, lex);
            if addressees {
                let mut out = Vec::new();
                out.extend(u.sub(0, end));
                out.extend(u.sub(end, t.len()));
                return Some(out);
            }
        }
        if stop.is_some_and(|s| s < f.range.start) {
            break;
        }
        // The number must follow a genre word closing a title; the issuer
        // code read may have taken it in (…的决定黔东南党发〔2019〕11号).
        let before = genres.in_prefix(f.range.start);
        let Some(gpos) = before.or_else(|| {
            // A genre word closing the code itself (黔府办函〔…) is no title's;
            // one inside it (赣交规划函〔…: 规划) leaves a code of one
            // character, which no issuer writes.
            genres
                .before(f.core_start)
                .filter(|&g| !text::chars_at_most(&t[g..f.core_start], 1))
        }) else {
            continue;
        };
        // A title whose subject ends in a genre word (…铁路建设规划的函达市
        // 府函〔…〕): the 的 and the genre word after it close the title; no
        // issuer code opens with 的.
        // (Only with the addressees after the number, on the line: a line
        // citing such a document alone, 已失效：/ …规划的复函达市府函〔2004〕21
        // 号, is no title.)
        let addressed = text::trim(&t[f.range.end..])
            .chars()
            .next()
            .is_some_and(text::is_han);
        let gpos = gpos
            + de_genre(&t[gpos..f.core_start], lex)
                .filter(|_| addressed)
                .unwrap_or(0);
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
        // (A genre word inside the code read, 的批复新政函〔…: only a title
        // stands before it, not a sentence citing the reply, 按照…的批复新政函
        // 〔2021〕56号要求，…; the rest is read as after a title's tail.)
        let in_code = before.is_none();
        // (Words that open a sentence; not 制定, 要求, 通知…, which may open
        // a title's wrapped second line: 制定和备案工作的通知娄政办发〔…〕.)
        if lex.opens_sentence(t) {
            continue;
        }
        let tail = in_code || !is_title_end_text(&t[..gpos], lex);
        if tail && !in_code && !is_wrapped_tail(&t[..gpos], lex) {
            continue;
        }
        // After the number: nothing, or the addressees up to their colon
        // (…的通知石党发〔2020〕41号各县区…:), or cut by a wrap before it. A
        // sentence going on cites the number (…实施意见(陕发〔2018〕14号)精神,
        // 结合我市实际,…。; …关于做好防汛工作 / 的通知天政发〔2021〕10号,现通知
        // 如下:).
        let rest = &t[end..];
        let colon = rest.find(text::is_colon).unwrap_or(rest.len());
        if !text::trim(rest).is_empty() {
            let upto = &rest[..(colon + rest[colon..].chars().next().map_or(0, char::len_utf8))];
            if !(crate::lines::header::is_addressee_text(text::trim(upto), lex)
                || colon == rest.len() && addressees_cut(rest, lex)
                || colon == rest.len() && name_goes_on(rest, next, lex))
            {
                continue;
            }
        }
        let mut out = Vec::new();
        out.extend(u.sub(0, gpos));
        out.extend(u.sub(gpos, end));
        out.extend(u.sub(end, t.len()));
        return Some(out);
    }
    None
}

/// A document number printed before its title on the title's line (某府办发
/// 〔2020〕33号某市人民政府办公室关于…的通知, a space between them or not):
/// where the number ends. The number opens the
/// line with its code, year and serial; the title after it opens with its
/// organs' names (joint organs parted by spaces) and 关于, and holds no
/// sentence's stops. `below`: the line under it, when the title's organ goes
/// on there (某市发〔2022〕3号中共某市委 某市人 / 民政府关于…): its 关于 stands
/// there, and `t` holds nothing after the number but that organ's head. (A
/// sentence opening with a number, 某政发〔2020〕1号文件要求…, names no organ
/// before 关于.)
pub fn number_before_title(
    t: &str,
    numbers: &[docnum::Found],
    below: &str,
    lex: &Lexicon,
) -> Option<usize> {
    let f = numbers.first().filter(|f| f.range.start == 0)?;
    let n = &f.number;
    if n.issuer_code.is_none() || n.year.is_none() || n.serial.is_none() {
        return None;
    }
    let title = t[f.range.end..].trim_start_matches(text::is_space);
    if !title.starts_with(text::is_han) {
        return None;
    }
    let joined = [title, below].concat();
    let (about, _) = Lexicon::find_any(&lex.about, &joined)?;
    let organs = text::trim(&joined[..about]);
    let head_only = below.is_empty() || about >= title.len();
    // (With no organ named, the title opens at its 关于 and closes on the
    // line with its genre word: 某政发〔2021〕12号关于印发…的通知.)
    let bare = organs.is_empty() && below.is_empty() && super::title::ends_title(title, lex);
    (head_only
        && (bare
            || (text::chars_at_most(organs, 40)
                && organs.chars().all(|c| text::is_han(c) || text::is_space(c))
                && lex.organ_ending(organs).is_some()
                && !lex.opens_sentence(organs)))
        && super::title::is_fragment(title, super::title::Excluded::of(title, lex), lex))
    .then_some(f.range.end)
}

/// The 版头 of a front page whose line ends were lost, opening the line: the
/// issuer's mark (an organ's name and 文件), the number right after it, and
/// what follows on the line, the title (and its addressees) or the head of
/// a title a wrap cut (某市人民政府文件某政发〔2021〕15号某市人民政府关于…的批复某
/// 市人民政府：): the three byte ranges (each trimmed when cut; the last one
/// empty when nothing follows). The number is the first on the line, with its year; the rest
/// holds no sentence (a full stop, a semicolon, or a comma not in a list
/// of addressees closed by a colon).
fn masthead_number(
    t: &str,
    numbers: &[docnum::Found],
    lex: &Lexicon,
) -> Option<[std::ops::Range<usize>; 3]> {
    let f = numbers.first().filter(|f| f.number.year.is_some())?;
    // (Not parted by a gap of spaces, the number printed to the right of the
    // mark: read as front matter, `header::number_after_front_matter`.)
    let organ = text::trim(t[..f.range.start].strip_suffix("文件")?);
    let rest = &t[f.range.end..];
    let listed = || crate::lines::header::ends_in_colon(rest);
    let ok = text::chars_at_most(organ, 20)
        && organ.chars().all(text::is_han)
        && lex.organ_ending(organ).is_some()
        && !organ.starts_with('各')
        && !lex.opens_sentence(organ)
        && !rest.contains(['。', '；', ';', '！', '？'])
        && (!rest.contains(['，', ',']) || listed())
        // (A title follows, or its first characters a wrap cut, or nothing:
        // not a sentence naming the number,
        // …文件某政发〔2021〕15号已同意…，现将有关事项通知如下：.)
        && (text::chars_at_most(text::trim(rest), 3) && text::trim(rest).chars().all(text::is_han)
            || rest.contains("关于")
            || lex.genre_suffix(rest).is_some());
    ok.then(|| [0..f.range.start, f.range.clone(), f.range.end..t.len()])
}

/// A number opening its line in brackets of its own: `before` (the line up
/// to the number) is an opening bracket alone, and `after` opens with its
/// closing half: how many bytes that closing bracket takes (0 when not).
fn bracketed_at(before: &str, after: &str) -> usize {
    let mut open = text::trim(before).chars();
    match (open.next(), open.next(), after.chars().next()) {
        (Some(o), None, Some(c)) if text::is_open_paren(o) && text::is_close_paren(c) => {
            c.len_utf8()
        }
        _ => 0,
    }
}

/// `gap`, read as an issuer code after a title's genre word, opens with 的
/// and at most three more characters ending in a genre word (的函, 的通知,
/// 的复函), and an issuer code of two to eight ideographs follows: how many
/// bytes the 的 and those characters take.
fn de_genre(gap: &str, lex: &Lexicon) -> Option<usize> {
    let rest = gap.strip_prefix('的')?;
    let end = rest
        .char_indices()
        .take(3)
        .map(|(i, c)| i + c.len_utf8())
        .find(|&e| lex.genre_suffix(&rest[..e]).is_some())?;
    let code = &rest[end..];
    ((2..=8).contains(&text::char_len(code)) && code.chars().all(text::is_han))
        .then_some('的'.len_utf8() + end)
}

/// A unit longer than this is cut before every clause marker that follows
/// a full stop, so that a document without line breaks is read in linear
/// time (each piece is then handled on its own).
pub const LONG_UNIT: usize = 4096;

/// Pushes `u`, cut into pieces at markers after a full stop when it is
/// longer than [`LONG_UNIT`] bytes.
pub fn long<'t>(u: &Unit<'t>, out: &mut Vec<Unit<'t>>) {
    if u.text().len() <= LONG_UNIT {
        out.push(*u);
        return;
    }
    let t = u.text();
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

    /// A document's date with the next document's title run into it is
    /// cut after the date (the signing organ before it or not, a space
    /// between or not, a date in numerals or in Chinese ones); a date that
    /// goes on with a sentence, or a title that names no organ, is none.
    #[test]
    fn a_date_and_the_next_title_on_one_line() {
        let lex = Lexicon::builtin();
        let title = "临江市人民政府关于同意设立临江高新技术产业园区的批复";
        for (date, signed) in [
            ("2021年9月3日", false),
            ("2021年9月3日　", false),
            ("二〇二一年九月三日", false),
            ("临江市人民政府办公室　2021年9月3日", true),
        ] {
            let t = format!("{date}{title}");
            let end = date.trim_end_matches(text::is_space).len();
            assert_eq!(date_before_title(&t, &lex), Some((signed, end)), "{t}");
        }
        for t in [
            "2021年9月3日临江市人民政府召开常务会议研究园区建设",
            "2021年9月3日关于同意设立临江高新技术产业园区的批复",
            "根据2021年9月3日临江市人民政府关于同意设立园区的批复",
            "2021年9月临江市人民政府关于同意设立临江高新技术产业园区的批复",
            "2021年9月3日临江市人民政府关于同意设立园区的批复印发后，各地认真落实。",
        ] {
            assert_eq!(date_before_title(t, &lex), None, "{t}");
        }
    }

    /// The next title run into a paragraph's last sentence, or into the
    /// attribution in brackets after it, starts after them; a sentence that
    /// cites a notice, or text that is no issued title, is left whole.
    #[test]
    fn a_title_after_a_paragraph_stop() {
        let lex = Lexicon::builtin();
        let title = "临江市人民政府关于同意设立临江高新技术产业园区的批复";
        for head in [
            "特此通知。",
            "三、加强督查。各地要定期开展督查。（市政府督查室负责）",
            "请遵照执行！(市发展改革委牵头)",
        ] {
            let t = format!("{head}{title}");
            assert_eq!(title_after_stop(&t, &lex), Some(head.len()), "{t}");
        }
        let cut: Vec<&str> = [
            "特此通知。根据临江市人民政府关于同意设立园区的批复",
            "各地要落实。经临江市人民政府关于同意设立园区的批复",
            "特此通知。关于同意设立临江高新技术产业园区的批复",
            "特此通知。临江市人民政府关于同意设立园区的批复要求，各地抓好落实",
            "特此通知。（临江市人民政府关于同意设立园区的批复）",
            title,
        ]
        .into_iter()
        .filter(|t| title_after_stop(t, &lex).is_some())
        .collect();
        assert!(cut.is_empty(), "{cut:?}");
    }

    /// A title's number in brackets cut anywhere between them: the title's
    /// line is cut at its bracket and the rest read up to its close; a
    /// sentence citing a notice so cut is none.
    /// A 通告's number within its year, no code, cut by a wrap inside its
    /// bracket; a 通知's such number stays read as before.
    #[test]
    fn a_notice_number_within_its_year_cut_in_its_bracket() {
        let lex = Lexicon::builtin();
        let title = "某市人民政府关于城区禁止燃放烟花爆竹的通告";
        let prev = [title, "（2022年"].concat();
        assert_eq!(
            bracket_cut(&prev, "第3号）", &[], &lex),
            Some((title.len(), "第3号）".len()))
        );
        let prev = "某市人民政府关于城区禁止燃放烟花爆竹的通知（2022年";
        assert_eq!(bracket_cut(prev, "第3号）", &[], &lex), None);
    }

    #[test]
    fn a_bracketed_number_cut_after_its_title() {
        let lex = Lexicon::builtin();
        let cut = |prev: &str, t: &str| bracket_cut(prev, t, &[], &lex);
        let title = "某市人民政府关于印发某市防汛预案的通知";
        let open = title.len();
        for (head, rest) in [
            ("（", "某政〔2021〕8号）"),
            ("（某", "政〔2021〕8号）"),
            ("（某政〔2021", "〕8号）"),
            ("（某政〔2021〕8", "号）"),
            ("（某政〔2021〕8号", "）"),
            ("(某政[2021", "]8号)"),
            ("(某政(202", "1)8号)"),
            ("（某政（2021", "）8号）"),
            ("(某政(", "2021)8号)"),
            ("（", "某某府办明电〔2021〕105号）"),
        ] {
            let prev = [title, head].concat();
            assert_eq!(
                cut(&prev, rest),
                Some((open, rest.len())),
                "{prev} / {rest}"
            );
        }
        // Addressees after the close, up to their colon.
        let t = "〕8号）各县区人民政府，市人民政府各部门：";
        let close = "〕8号）".len();
        assert_eq!(
            cut(&[title, "（某政〔2021"].concat(), t),
            Some((open, close))
        );
        // A sentence after it, a sentence's words or stops before 关于, or
        // halves that read as no number.
        assert_eq!(
            cut(
                &[title, "（某政〔2021"].concat(),
                "〕8号）要求，现通知如下："
            ),
            None
        );
        let said = "各地要按照市人民政府关于印发某市防汛预案的通知（";
        assert_eq!(cut(said, "某政〔2021〕8号）"), None);
        let cited = "为做好防汛工作，根据市政府关于防汛工作的通知（";
        assert_eq!(cut(cited, "某政〔2021〕8号）"), None);
        assert_eq!(cut(&[title, "（试行"].concat(), "）"), None);
        assert_eq!(cut(&[title, "（某政"].concat(), "〔2021〕）"), None);
        // Under a title's first line, the line that holds its 关于.
        let second = "防汛预案的通知（某政〔2021";
        assert_eq!(
            bracket_cut(second, "〕8号）", &["某市人民政府关于印发某市"], &lex),
            Some(("防汛预案的通知".len(), "〕8号）".len()))
        );
        assert_eq!(
            bracket_cut(
                second,
                "〕8号）",
                &["各地要按照市人民政府关于印发某市"],
                &lex
            ),
            None
        );
    }

    /// A 的 and a genre word after a title's genre word, then a code: the
    /// title's close, not the code's head.
    #[test]
    fn a_genre_word_after_de_closes_the_title() {
        let lex = Lexicon::builtin();
        assert_eq!(de_genre("的函达市府函", &lex), Some("的函".len()));
        assert_eq!(de_genre("的复函达市府函", &lex), Some("的复函".len()));
        assert_eq!(de_genre("的通知川府发", &lex), Some("的通知".len()));
        // No code after it, a code of one character, or no 的.
        assert_eq!(de_genre("的函", &lex), None);
        assert_eq!(de_genre("的函达", &lex), None);
        assert_eq!(de_genre("函达市府函", &lex), None);
        assert_eq!(de_genre("的有关工作达市府", &lex), None);
    }

    /// The rest of a cut number is read up to its 号 when the two halves
    /// make one number with its code, year and serial, and text follows.
    #[test]
    fn the_rest_of_a_cut_number() {
        fn rest<'t>(prev: &str, t: &'t str) -> Option<&'t str> {
            number_rest(prev, t).map(|k| &t[..k])
        }
        assert_eq!(
            rest("拉政发〔2", "006〕20号各县（区）人民政府："),
            Some("006〕20号")
        );
        assert_eq!(
            rest("市政办函〔", "2019〕37号各区、县人民政府，"),
            Some("2019〕37号")
        );
        assert_eq!(
            rest("金政发〔2015〕", "31号各县（市、区）人民政府，"),
            Some("31号")
        );
        assert_eq!(rest("拉政发〔2006〕2", "0号各县："), Some("0号"));
        // Nothing after it (a number cut under its title, read there), no
        // code above, a first half that ends no number, or no serial.
        assert_eq!(rest("拉政发〔2", "006〕20号"), None);
        assert_eq!(rest("〔2", "006〕20号各县："), None);
        assert_eq!(rest("某市人民政府关于表彰先进的决定", "20号各县："), None);
        assert_eq!(rest("拉政发〔2", "006〕各县区要加强领导号召"), None);
    }

    /// A title line without 关于 ends in 的 and a genre word run into a
    /// number cut inside: cut only under a title's line.
    #[test]
    fn a_cut_number_after_a_title_line_without_guanyu() {
        let lex = Lexicon::builtin();
        let t = "2016年精准扶贫精准脱贫工作要点》的通知饶办字〔2016〕";
        let at = t.find("饶办字");
        assert_eq!(cut_inside_number(t, true, &lex), at);
        assert_eq!(cut_inside_number(t, false, &lex), None);
        // Nor is a line cut inside its number when it is whole up to there.
        assert_eq!(
            cut_after_title("某市人民政府关于表彰先进的决定拉政发〔2", &lex),
            None
        );
    }

    /// A title's genre word cut by a wrap, its last characters alone.
    #[test]
    fn a_genre_word_cut_by_a_wrap() {
        let lex = Lexicon::builtin();
        assert!(completes_genre(
            "某市人民政府关于做好防汛工作的通",
            "知",
            &lex
        ));
        assert!(completes_genre("关于印发某市实施方", "案", &lex));
        for (above, tail) in [
            ("某市人民政府关于做好防汛工作的通知", "知"),
            ("某市人民政府关于做好防汛工作的", "通知"),
            ("某市人民政府关于做好防汛工作的通", "知。"),
            ("某市人民政府关于做好防汛工作的通", ""),
        ] {
            assert!(!completes_genre(above, tail, &lex), "{above} / {tail}");
        }
    }

    /// A number that lost its 号: alone under a title's last line, or
    /// closing a title's line after its genre word; never in a sentence.
    #[test]
    fn a_header_number_that_lost_its_hao() {
        let lex = Lexicon::builtin();
        assert_eq!(
            unmarked_number("保政发〔2020〕4", true, false, &lex),
            Some(0)
        );
        assert_eq!(unmarked_number("保政发〔2020〕4", false, true, &lex), None);
        let t = "重点项目建设攻坚行动方案的通知昭政发(2021)18";
        assert_eq!(unmarked_number(t, false, true, &lex), t.find("昭政发"));
        for t in [
            "保政发〔2020〕4号",
            "根据保政发〔2020〕4",
            "保政发〔2020〕4文件",
            "请按照通知某政发〔2017〕12",
        ] {
            assert_eq!(unmarked_number(t, true, true, &lex), None, "{t}");
        }
    }

    /// An issuer's code cut by a wrap: its head after the title's genre
    /// word above, the rest of the code (or none) opening this line.
    #[test]
    fn a_code_cut_by_a_wrap() {
        let lex = Lexicon::builtin();
        let prev = "嘉兴市人民政府关于深入开展三改一拆三年行动的实施意见嘉政";
        let cut = |t: &str| code_cut(prev, t, &docnum::find_all(t), false, false, &lex);
        assert_eq!(cut("发[2013]21号各县(市、区)人民政府,"), prev.find("嘉政"));
        // The code cut before its bracket.
        let prev2 = "嘉兴市人民政府关于深入开展三改一拆三年行动的实施意见嘉政发";
        let t2 = "[2013]21号各县(市、区)人民政府,";
        assert_eq!(
            code_cut(prev2, t2, &docnum::find_all(t2), false, false, &lex),
            prev2.find("嘉政发")
        );
        // A title whole above, a sentence above, no number.
        let whole = "嘉兴市人民政府关于深入开展三改一拆三年行动的实施意见";
        let t3 = "嘉政发[2013]21号各县(市、区)人民政府,";
        assert_eq!(
            code_cut(whole, t3, &docnum::find_all(t3), false, false, &lex),
            None
        );
        assert_eq!(
            code_cut(
                "请认真学习有关意见嘉政",
                "发[2013]21号",
                &docnum::find_all("发[2013]21号"),
                true,
                false,
                &lex
            ),
            None
        );
        assert_eq!(cut("各县(市、区)人民政府,"), None);
        // Under the title's line that holds its 关于 (中共某市委办公室 某市人民
        // 政府办公室关于 / 印发《…》的通知江 / 办发[2017]12号各市…).
        let (p4, t4) = (
            "印发《某市河长制工作方案》的通知江",
            "办发[2017]12号各市、区人民政府:",
        );
        let at = p4.len() - "江".len();
        let four = |above| code_cut(p4, t4, &docnum::find_all(t4), false, above, &lex);
        assert_eq!((four(true), four(false)), (Some(at), None));
    }

    /// The first addressee's head after the number, completed by the next
    /// line up to its colon.
    #[test]
    fn a_first_addressee_cut_after_the_number() {
        let lex = Lexicon::builtin();
        assert!(name_goes_on("澄", Some("江县人民政府："), &lex));
        assert!(name_goes_on(
            "各旗县区人",
            Some("民政府，市政府各有关部门："),
            &lex
        ));
        // No next line, no colon on it, a sentence, punctuation in the head.
        assert!(!name_goes_on("澄", None, &lex));
        assert!(!name_goes_on("澄", Some("江县人民政府要加强领导"), &lex));
        assert!(!name_goes_on(
            "要求",
            Some("各地认真贯彻执行。现通知如下："),
            &lex
        ));
        assert!(!name_goes_on("精神，", Some("江县人民政府："), &lex));
    }

    /// Addressees after a number's rest: up to their colon, or cut before it
    /// with every item but the last an organ's; not a sentence going on.
    #[test]
    fn addressees_after_a_number() {
        let lex = Lexicon::builtin();
        for t in [
            "各县（区）人民政府，市直各委、办、局：",
            "各县（市、区）人民政府，市政府各部门，金华开发区、金义都市新区、金",
            "各区党委、区政府,市委各",
            "各",
        ] {
            assert!(addressees_follow(t, &lex), "{t}");
        }
        for t in [
            "各县（市、区）、各部门要对照执行，逐项清理，",
            "要求，加快推进农村生活垃圾减量化。",
            "精神，结合我市实际，",
        ] {
            assert!(!addressees_follow(t, &lex), "{t}");
        }
    }

    #[test]
    fn titles_run_into_their_addressees() {
        let lex = Lexicon::builtin();
        let t = "某州人民政府关于2020年度环境状况的报告州人大常委会：";
        assert_eq!(title_addressees(t, false, &lex), t.find("州人大"));
        let rest = "保护目标完成情况的报告州人大常委会：";
        assert_eq!(title_addressees(rest, true, &lex), rest.find("州人大"));
        assert_eq!(title_addressees(rest, false, &lex), None);
        for t in [
            "现将《关于做好防汛工作的通知》精神传达如下：",
            "会议听取了关于城市建设的报告，会议要求：",
            "某州人民政府关于2020年度环境状况的报告",
        ] {
            assert_eq!(title_addressees(t, false, &lex), None, "{t}");
        }
    }

    #[test]
    fn run_on_text_splits_at_its_elements() {
        let lex = Lexicon::builtin();
        let t = "现印发给你们，请认真贯彻执行。济南市人民政府办公厅2021年7月5日（此件公开发布）济南市停车设施管理办法第一章　总则第一条　为了加强管理，制定本办法。第二章　规划与建设第三条　市规划部门应当编制规划。依照本办法第三条规定执行。";
        let u = Unit::all(t)[0];
        let got: Vec<&str> = run_on(&u, &lex)
            .unwrap_or_default()
            .iter()
            .map(|p| p.text())
            .collect();
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
        assert!(run_on(&plain, &lex).is_none());
    }

    /// A contents entry naming its chapter's articles in brackets keeps
    /// them: an article a bracket left open cites is no heading run on.
    #[test]
    fn articles_cited_in_a_bracket_are_not_cut() {
        let lex = Lexicon::builtin();
        let cut = |u: &Unit<'static>| run_on(u, &lex);
        for t in [
            "第一章　总则（第一条至第二条）",
            "第三章　附则（第五条）",
            "第二章　规划建设（第三条—第四条）",
            "第二章　规划建设(第三条、第四条)",
        ] {
            assert_eq!(pieces(cut, t), vec![t]);
        }
        assert_eq!(
            pieces(cut, "第一章　总则（共二条）第一条　为了规范管理"),
            vec!["第一章　总则（共二条）", "第一条　为了规范管理"]
        );
    }

    /// The pieces `f` cuts `t` into; `t` itself when it leaves it whole.
    fn pieces<'t>(f: impl Fn(&Unit<'t>) -> Option<Vec<Unit<'t>>>, t: &'t str) -> Vec<&'t str> {
        let u = Unit::all(t)[0];
        f(&u)
            .unwrap_or_else(|| vec![u])
            .iter()
            .map(|p| p.text())
            .collect()
    }

    #[test]
    fn a_passage_note_closing_a_title_is_cut_from_it() {
        let lex = Lexicon::builtin();
        let cut = |u: &Unit<'static>| run_on(u, &lex);
        for (title, note) in [
            (
                "某市某某遗址保护条例",
                "（2022年4月28日某市第十七届人民代表大会常务委员会第二次会议通过　2022年5月26日某省第十三届人民代表大会常务委员会第三十三次会议批准）",
            ),
            (
                "某市人民代表大会常务委员会关于修改《某市烟花爆竹燃放管理条例》的决定",
                "（2022年8月30日某市第十七届人民代表大会常务委员会第五次会议通过）",
            ),
            (
                "某市城市公园管理办法",
                "(2021年11月18日某市人民政府令第5号公布)",
            ),
        ] {
            let line = format!("{title}{note}");
            let line: &'static str = Box::leak(line.into_boxed_str());
            assert_eq!(pieces(cut, line), vec![title, note], "{line}");
        }
        // Left whole: an edition, the years, a bracket without a passage
        // word or a date, a sentence or a citation before the bracket.
        for t in [
            "某市城镇供热管理办法（试行）",
            "某市国土空间规划（2021—2035年）",
            "某市某某条例（2017年修订）",
            "某市某某条例（2019年5月30日）",
            "根据《某市某某条例》（2019年5月30日某市人民代表大会常务委员会通过）",
            "本条例经市人民代表大会常务委员会审议，现予公布（2019年5月30日通过）",
            "1.某市某某条例（2019年5月30日某市人民代表大会常务委员会通过）",
        ] {
            assert_eq!(pieces(cut, t), vec![t], "{t}");
        }
    }

    #[test]
    fn a_date_after_a_full_stop_is_cut_only_as_a_signature_before_more_text() {
        let lex = Lexicon::builtin();
        let cut = |u: &Unit<'static>| run_on(u, &lex);
        for t in [
            // A deadline in a sentence, not an organ and a date.
            "请各单位高度重视。各县区于2020年12月31日前报送工作总结。",
            // Signature and date end the text: nothing to cut them from.
            "请认真贯彻执行。济南市人民政府办公厅2021年7月5日",
            // An organ a preposition leads, the date's sentence going on.
            "逾期未整改。经某市应急管理局2022年3月15日现场检查，该矿存在隐患2项。",
            "请抓紧落实。由某县水利局2021年5月10日前牵头完成，各乡镇配合。",
        ] {
            assert_eq!(pieces(cut, t), vec![t]);
        }
    }

    #[test]
    fn an_organ_a_preposition_leads_dates_its_sentence() {
        let lex = Lexicon::builtin();
        assert!(dated_in_sentence(
            "经某市应急管理局",
            "现场检查，该矿…",
            &lex
        ));
        // A place opening with the same character signs: a note or the next
        // title follows its date, not a predicate.
        assert!(!dated_in_sentence(
            "于都县人民政府",
            "（此件公开发布）",
            &lex
        ));
        assert!(!dated_in_sentence(
            "于都县人民政府",
            "于都县人民政府关于印发某某方案的通知",
            &lex
        ));
        assert!(!dated_in_sentence(
            "某市应急管理局",
            "现场检查，该矿…",
            &lex
        ));
    }

    /// A number printed before its title on the title's line: cut after
    /// the number, the title from its organ on; across a wrap inside the
    /// organ's name, with the line under it.
    #[test]
    fn a_number_printed_before_its_title() {
        let lex = Lexicon::builtin();
        let cut = |t: &str, below: &str| {
            number_before_title(t, &docnum::find_all(t), below, &lex)
                .map(|end| (t[..end].to_owned(), text::trim(&t[end..]).to_owned()))
        };
        let pair = |a: &str, b: &str| Some((a.to_owned(), b.to_owned()));
        assert_eq!(
            cut(
                "某府办发〔2021〕18号某市人民政府办公室关于做好森林防火工作的通知",
                ""
            ),
            pair(
                "某府办发〔2021〕18号",
                "某市人民政府办公室关于做好森林防火工作的通知"
            )
        );
        assert_eq!(
            cut(
                "某市发〔2021〕9号　中共某市委 某市人民政府关于推进乡村振兴的",
                ""
            ),
            pair(
                "某市发〔2021〕9号",
                "中共某市委 某市人民政府关于推进乡村振兴的"
            )
        );
        assert_eq!(
            cut(
                "某市发〔2021〕9号中共某市委 某市人",
                "民政府关于推进乡村振兴的实施意见"
            ),
            pair("某市发〔2021〕9号", "中共某市委 某市人")
        );
        // No organ named: the title from its 关于, closed by its genre word
        // on the line.
        assert_eq!(
            cut("某府发〔2021〕5号关于做好森林防火工作的通知", ""),
            pair("某府发〔2021〕5号", "关于做好森林防火工作的通知")
        );
        // A sentence opening with a number, a title with no organ before its
        // 关于 left open on the line or going on under it, a number inside the
        // line, or no 关于 under the organ's head: none.
        for (t, below) in [
            ("某府发〔2021〕5号文件要求各地落实森林防火责任", ""),
            ("某府发〔2021〕5号关于做好森林防火工作的", ""),
            ("某府发〔2021〕5号关于做好森林防火工作的通知精神", ""),
            ("某府发〔2021〕5号关于做好森林防火工作的", "通知"),
            ("某府发〔2021〕5号印发以来，某市人民政府关于…", ""),
            ("根据某府发〔2021〕5号某市人民政府关于做好…的通知", ""),
            ("某市发〔2021〕9号中共某市委 某市人", "民政府办公室印发"),
            (
                "某市发〔2021〕9号某市人民政府关于推进",
                "乡村振兴的实施意见",
            ),
        ] {
            assert_eq!(cut(t, below), None, "{t}");
        }
    }

    #[test]
    fn a_masthead_run_into_its_number() {
        let lex = Lexicon::builtin();
        let cut = |t: &str| {
            masthead_number(t, &docnum::find_all(t), &lex)
                .map(|[a, b, c]| (t[a].to_owned(), t[b].to_owned(), t[c].to_owned()))
        };
        assert_eq!(
            cut("某市人民政府文件某政发〔2021〕15号某市人民政府关于同意设立某某的批复某县人民政府："),
            Some((
                "某市人民政府文件".to_owned(),
                "某政发〔2021〕15号".to_owned(),
                "某市人民政府关于同意设立某某的批复某县人民政府：".to_owned()
            ))
        );
        // A sentence after the number, or no organ before 文件: none.
        for t in [
            "某市人民政府文件某政发〔2021〕15号已经印发，请遵照执行。",
            "根据文件某政发〔2021〕15号某市人民政府关于某某的批复",
            "某市人民政府文件某政发〔2021〕15号已同意设立某某，现将有关事项通知如下：",
        ] {
            assert_eq!(cut(t), None, "{t}");
        }
    }

    #[test]
    fn a_number_run_into_its_title() {
        let lex = Lexicon::builtin();
        let split =
            |u: &Unit<'static>| run_on_number(u, docnum::find_all(u.text()), false, None, &lex);
        // A number in brackets of its own with the addressees after it; an
        // issuer code of up to 10 characters between title and bracket.
        for (t, want) in [
            (
                "关于某某的通知（国发〔2019〕5号）各省、自治区、直辖市人民政府：",
                vec![
                    "关于某某的通知",
                    "（国发〔2019〕5号）",
                    "各省、自治区、直辖市人民政府：",
                ],
            ),
            (
                "关于加强城市管理的通知宁夏回族自治区政府发〔2020〕1号",
                vec!["关于加强城市管理的通知", "宁夏回族自治区政府发〔2020〕1号"],
            ),
            (
                "中共某州委关于表彰先进个人的决定某党发〔2019〕11号各县(市)党委:",
                vec![
                    "中共某州委关于表彰先进个人的决定",
                    "某党发〔2019〕11号",
                    "各县(市)党委:",
                ],
            ),
            (
                "柳政发〔2015〕18号各县、区人民政府,市直各委、办、局:",
                vec!["柳政发〔2015〕18号", "各县、区人民政府,市直各委、办、局:"],
            ),
            // (In brackets of its own, no title above it: a web page's.)
            (
                "（某政办秘〔2021〕63号）各县（区）人民政府，市政府各部门：",
                vec!["（某政办秘〔2021〕63号）", "各县（区）人民政府，市政府各部门："],
            ),
            // A title's last characters wrapped onto the number's line.
            (
                "的通知某府〔2021〕18号各县(市、区)人民政府,市府直属各单位:",
                vec![
                    "的通知",
                    "某府〔2021〕18号",
                    "各县(市、区)人民政府,市府直属各单位:",
                ],
            ),
            ("通知天政办发〔2017〕60号", vec!["通知", "天政办发〔2017〕60号"]),
            // An announcement's bare serial in hexagonal brackets.
            (
                "某市人民代表大会常务委员会公告〔第9号〕",
                vec!["某市人民代表大会常务委员会公告", "〔第9号〕"],
            ),
            (
                "的通知某府〔2021〕18号各县(市、区)人民政府:",
                vec!["的通知", "某府〔2021〕18号", "各县(市、区)人民政府:"],
            ),
            // Addressees a wrap cut before their colon.
            (
                "某某市人民政府办公室关于印发某某计划的通知某办发〔2016〕12号各区党委、区政府,市委各",
                vec![
                    "某某市人民政府办公室关于印发某某计划的通知",
                    "某办发〔2016〕12号",
                    "各区党委、区政府,市委各",
                ],
            ),
            // The first addressee alone, the wrap right after it.
            (
                "某市人民政府办公室关于印发某方案的通知某政办发〔2018〕31号各县(市)区人民政府",
                vec![
                    "某市人民政府办公室关于印发某方案的通知",
                    "某政办发〔2018〕31号",
                    "各县(市)区人民政府",
                ],
            ),
            // A number a wrap cut after its year, run into the title.
            (
                "某市人民政府办公室关于做好防汛工作的通知某政办发〔2017〕",
                vec!["某市人民政府办公室关于做好防汛工作的通知", "某政办发〔2017〕"],
            ),
            ("的决定某党发[2019]", vec!["的决定", "某党发[2019]"]),
            // A code ending in 函: the title's genre word is the one before it.
            (
                "某市人民政府办公厅关于某某情况的通报市政办函〔2019〕",
                vec!["某市人民政府办公厅关于某某情况的通报", "市政办函〔2019〕"],
            ),
        ] {
            assert_eq!(pieces(split, t), want, "{t}");
        }
        // Not a cut number: a year noted after a title, a code too long or
        // not of ideographs, a year of other than four digits.
        for t in [
            "某市人民政府关于做好防汛工作的通知（2017）",
            "某市人民政府关于做好防汛工作的通知〔2017〕",
            "某市城市管理办法（2017年）",
            "关于做好防汛工作的通知宁夏回族自治区人民政府办公厅〔2017〕",
            "关于做好防汛工作的通知ABC〔2017〕",
            "关于做好防汛工作的通知某政发〔17〕",
            "请按照通知某政发〔2017〕",
            // Five digits of a year, four of a serial, no bracket.
            "某市人民政府关于表彰先进的决定拉政发〔20061",
            "某市人民政府关于表彰先进的决定拉政发〔2006〕2006",
            "某市人民政府关于表彰先进的决定拉政发2006",
        ] {
            assert_eq!(pieces(split, t), vec![t], "{t}");
        }
        // Left whole: a bracket left open, an issuer code over 10 characters,
        // a sentence going on after the number (a citation).
        for t in [
            "关于某某的通知（国发〔2019〕5号各省、自治区、直辖市人民政府：",
            "关于加强城市管理的通知宁夏回族自治区政府办发〔2020〕1号",
            "根据省委实施意见(陕发〔2018〕14号)精神,结合我市实际,提出如下意见。",
            "按照省政府通知（陕政发〔2018〕3号）要求",
            "国发〔2012〕2号文件提出以下要求：",
            "石政办发〔2021〕44号印发以来,各地各部门:",
            // A sentence after the number, or a word before the genre.
            "关于某某的通知（国发〔2019〕5号）各地各部门要认真贯彻",
            "按通知某府〔2021〕18号",
            "的通知天政发〔2021〕10号,现通知如下:",
            "通知陇政发〔2021〕4号和区委",
            "（某政办〔2021〕8号）印发以来，各地各部门：",
            "(甘办发〔2021〕62号)和市委、市政府安排部署，全面提升",
            "（某政办〔2021〕8号各县（区）人民政府，市政府各部门：",
        ] {
            assert_eq!(pieces(split, t), vec![t]);
        }
    }

    #[test]
    fn only_a_heading_opening_the_line_is_cut_before_its_number() {
        let lex = Lexicon::builtin();
        let split =
            |u: &Unit<'static>| run_on_number(u, docnum::find_all(u.text()), false, None, &lex);
        assert_eq!(
            pieces(split, "中华人民共和国国务院令　第706号"),
            vec!["中华人民共和国国务院令", "第706号"]
        );
        // Under a title the order's line is that title's number.
        let under = Unit::all("某市人民政府令第2号")[0];
        assert!(run_on_number(&under, docnum::find_all(under.text()), true, None, &lex).is_none());
        // After a title the heading would swallow the title.
        let got = pieces(
            split,
            "国务院关于修改和废止部分行政法规的决定中华人民共和国国务院令第709号",
        );
        assert!(!got.contains(&"第709号"), "{got:?}");
        // An announcement's heading so too, a space or none between, however
        // long the organ's name (longer than the code read back from 第); a
        // title that closes with 公告 after 关于 is no heading.
        for (t, head) in [
            (
                "某自治州人民代表大会常务委员会公告　第13号",
                "某自治州人民代表大会常务委员会公告",
            ),
            (
                "某某回族自治州人民代表大会常务委员会公告 第13号",
                "某某回族自治州人民代表大会常务委员会公告",
            ),
            (
                "某某回族自治州人民代表大会常务委员会公告第13号",
                "某某回族自治州人民代表大会常务委员会公告",
            ),
            ("某市公安局通告　第5号", "某市公安局通告"),
        ] {
            let number = t[head.len()..].trim_start_matches(text::is_space);
            assert_eq!(pieces(split, t), vec![head, number], "{t}");
        }
        let t = "某市人民政府关于征收土地的公告 第3号";
        assert_ne!(
            pieces(split, t).first(),
            Some(&"某市人民政府关于征收土地的公告")
        );
    }

    #[test]
    fn a_long_unit_is_cut_before_its_clause_markers() {
        let mut t = String::from("（一）补齐城市基础设施短板。");
        let mut want = vec![String::from("（一）补齐城市基础设施短板。")];
        for n in 1..=60 {
            let clause = format!("{n}.全面完成第{n}批城市老旧小区改造任务，确保按期交付使用。");
            t.push_str(&clause);
            want.push(clause);
        }
        // Not cut: an enumeration (一是), a marker before a figure (3、4月份).
        let glued = "一是压实工作责任。3、4月份开展集中验收。";
        t.push_str(glued);
        want.last_mut().unwrap().push_str(glued);
        // Cut: a marker before a quotation or a book title.
        for clause in ["61.“放管服”改革全面推进。", "62.《条例》全面贯彻实施。"]
        {
            t.push_str(clause);
            want.push(clause.to_owned());
        }
        assert!(t.len() > LONG_UNIT);
        let mut out = Vec::new();
        long(&Unit::all(&t)[0], &mut out);
        let got: Vec<&str> = out.iter().map(|p| p.text()).collect();
        assert_eq!(got, want);
        // A unit within the limit is left whole, markers and all.
        let short = "做好准备。二、加强组织领导。三、强化督促检查。";
        let mut out = Vec::new();
        long(&Unit::all(short)[0], &mut out);
        assert_eq!(out.len(), 1);
    }

    /// A genre word's last characters run into the number under its title
    /// are cut off; a number whose code holds none, or under a line that
    /// ends a title alone, is left whole.
    #[test]
    fn genre_word_cut_before_the_number() {
        fn cut<'t>(prev: &str, t: &'t str) -> Option<(&'t str, &'t str)> {
            let lex = Lexicon::builtin();
            let numbers = docnum::numbers_in(t);
            genre_cut(prev, t, &numbers, true, &lex).map(|k| (&t[..k], &t[k..]))
        }
        assert_eq!(
            cut(
                "某市人民政府办公室关于印发某市城乡环境卫生整治实施方案的通",
                "知某政办发〔2021〕8号"
            ),
            Some(("知", "某政办发〔2021〕8号"))
        );
        assert_eq!(
            cut(
                "某市人民政府关于进一步加强安全生产工作的意",
                "见某政发〔2020〕3号"
            ),
            Some(("见", "某政发〔2020〕3号"))
        );
        // The genre word whole, its number in brackets within its year.
        assert_eq!(
            cut(
                "某市人民政府关于中心城区禁止燃放烟花爆竹的",
                "通告（2021年第1号）"
            ),
            Some(("通告", "（2021年第1号）"))
        );
        assert_eq!(
            cut("某市人民政府关于中心城区禁止燃放烟花爆竹的", "通告（一）"),
            None
        );
        assert_eq!(
            cut(
                "某市人民政府关于印发某市城乡环境卫生整治实施方案的通知",
                "知某政办发〔2021〕8号"
            ),
            None
        );
        assert_eq!(
            cut(
                "某市人民政府关于加强防汛工作的通",
                "知 某政发〔2021〕5号 各县市区人民政府："
            ),
            Some(("知", " 某政发〔2021〕5号 各县市区人民政府："))
        );
        assert_eq!(
            cut("某市人民政府关于加强防汛工作的", "通 某政发〔2021〕5号"),
            None
        );
        // An organ's name cut inside its ending, the genre word after its
        // rest, the number in brackets.
        assert_eq!(
            cut(
                "某市新型冠状病毒感染的肺炎疫情防控工作指挥",
                "部通告（第2号）"
            ),
            Some(("部通告", "（第2号）"))
        );
        assert_eq!(
            cut("某市人民政府关于加强防汛工作的", "部通告（第2号）"),
            None
        );
        // Nothing after the number under a line its organ and 关于 open; a
        // row's serial opens none.
        assert_eq!(
            cut(
                "某市人民政府办公室关于印发某市档案管理规定的通",
                "知　某政办〔2020〕41号"
            ),
            Some(("知", "　某政办〔2020〕41号"))
        );
        assert_eq!(
            cut("1.某市人民政府关于加强防汛工作的通", "知 某政发〔2021〕5号"),
            None
        );
        // (Nor an item of a list of documents under its lead.)
        let lex = Lexicon::builtin();
        let t = "知 某政发〔2019〕5号";
        let numbers = docnum::numbers_in(t);
        assert_eq!(
            genre_cut("某市人民政府关于加强防汛工作的通", t, &numbers, false, &lex),
            None
        );
        assert_eq!(
            cut("某市人民政府关于加强安全生产工作的", "某政发〔2020〕3号"),
            None
        );
        assert_eq!(
            cut("某市人民政府关于加强安全生产工作的通", "某政发〔2020〕3号"),
            None
        );
    }
}
