//! Clause markers: 第一章, 第一节, 第一条, 一、, （一）, 1., （1）, 一是, 1.1.
//!
//! Small nom parsers, composed bottom-up, recognise the marker at the start
//! of a piece of text and report its kind, number and length. Whether a
//! marker really opens a clause (and where it nests) is decided later, in
//! `clauses`, from the sequence of markers around it.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1, take_while_m_n};
use nom::combinator::{map, map_opt, opt, recognize, verify};
use nom::multi::many1;
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};
use serde::Serialize;

use crate::normalize::numeral::cn_number;
use crate::text::{is_close_paren, is_digit, is_han, is_open_paren, is_space};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    /// 第X部分 / 第X篇: a level above chapters
    Part,
    /// 第X章
    Chapter,
    /// 第X节
    Section,
    /// 第X条
    Article,
    /// 一、
    Cn,
    /// （一）
    CnParen,
    /// 1. or 1、
    Num,
    /// （1）
    NumParen,
    /// 一是
    CnEnum,
    /// 1.1 / 6.4.1 (and a bare `1 ` in a decimally numbered document)
    Decimal,
    /// ① ② ③
    Circled,
}

impl ClauseKind {
    /// How many kinds there are (`kind as usize` is below it).
    pub const COUNT: usize = ClauseKind::Circled as usize + 1;

    pub fn name(self) -> &'static str {
        match self {
            ClauseKind::Part => "part",
            ClauseKind::Chapter => "chapter",
            ClauseKind::Section => "section",
            ClauseKind::Article => "article",
            ClauseKind::Cn => "cn",
            ClauseKind::CnParen => "cn_paren",
            ClauseKind::Num => "num",
            ClauseKind::NumParen => "num_paren",
            ClauseKind::CnEnum => "cn_enum",
            ClauseKind::Decimal => "decimal",
            ClauseKind::Circled => "circled",
        }
    }
}

/// The deepest decimal section number accepted (6.4.1.2.3.1).
pub const MAX_DECIMAL_DEPTH: usize = 6;

/// A marker found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub kind: ClauseKind,
    pub number: u32,
    /// Components of a decimal marker (6.4.1 → [6, 4, 1]); else empty.
    /// Boxed to their length (a line holds its marker, and a file's lines
    /// are held whole).
    pub parts: Box<[u32]>,
    /// Byte length of the marker as written.
    pub len: usize,
    /// Byte offset where the clause text starts (after spaces and `**`).
    pub body: usize,
    /// The marker was followed by a space (a strong sign for 第X条 and 1.1).
    pub spaced: bool,
}

fn is_cn_numeral(c: char) -> bool {
    is_plain_numeral(c) || is_formal_numeral(c)
}

/// The numerals as 公文 number their parts (一 … 十, 百, 千, 零).
fn is_plain_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '零'
            | '〇'
            | '○'
    )
}

/// 十一 → 11
fn cn_numeral(i: &str) -> IResult<&str, u32> {
    map_opt(take_while_m_n(1, 6, is_cn_numeral), cn_number).parse(i)
}

/// 12 or １２ (at most three digits: a year is not a marker)
fn arabic(i: &str) -> IResult<&str, u32> {
    map_opt(
        take_while_m_n(1, 3, is_digit),
        crate::normalize::numeral::ascii_digits,
    )
    .parse(i)
}

fn any_number(i: &str) -> IResult<&str, u32> {
    alt((cn_numeral, arabic)).parse(i)
}

/// 第十二条 / 第3章 / 第一節 (spaces inside: 第 一 章), and an article a
/// revision inserted after another, numbered from it: 第四条之一 (number 4).
fn ordinal(i: &str) -> IResult<&str, (u32, ClauseKind)> {
    preceded(
        (tag("第"), inner_spaces),
        (terminated(any_number, inner_spaces), ordinal_kind),
    )
    .parse(i)
}

/// The word after an ordinal's number naming its kind: 部分 or 篇, 章, 节,
/// 条 (and the 之一 of an inserted article).
fn ordinal_kind(i: &str) -> IResult<&str, ClauseKind> {
    alt((
        map(alt((tag("部分"), tag("篇"))), |_| ClauseKind::Part),
        map(tag("章"), |_| ClauseKind::Chapter),
        map(alt((tag("节"), tag("節"))), |_| ClauseKind::Section),
        map(
            terminated(alt((tag("条"), tag("條"))), opt(inserted)),
            |_| ClauseKind::Article,
        ),
    ))
    .parse(i)
}

/// The 之一, 之二 … after an article's number that a revision inserted after
/// it (第四条之一), white space or nothing after it: run on into words, an
/// article named in a sentence a wrap put first (第三十条之二不一致的), it is
/// none.
fn inserted(i: &str) -> IResult<&str, u32> {
    let (rest, n) = preceded(tag("之"), verify(cn_numeral, |n| *n <= 30)).parse(i)?;
    if rest.is_empty() || rest.starts_with(is_space) {
        Ok((rest, n))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )))
    }
}

/// The marker as written (`label`) is an article a revision inserted after
/// the article of its number: 第四条之一 follows 第四条.
pub fn is_inserted_article(label: &str) -> bool {
    label.starts_with('第')
        && label
            .char_indices()
            .any(|(k, c)| matches!(c, '条' | '條') && inserted(&label[k + c.len_utf8()..]).is_ok())
}

/// After a numeral marker (一、), the numeral after it and one of the
/// `measures` (`measure` words of `grammar/words.tsv`): 三、四月份, 二、三级医院
/// count two periods or grades, unless the document expects that marker
/// (三、四季度重点工作安排 as its third heading).
pub fn counts_on(rest: &str, number: u32, measures: &[String]) -> bool {
    let Ok((r, n)) = cn_numeral(rest.trim_start_matches(is_space)) else {
        return false;
    };
    n == number + 1 && measures.iter().any(|w| r.starts_with(w.as_str()))
}

/// Spaces a web or PDF copy leaves inside a marker (（ 一 ）, 第 一 章).
fn inner_spaces(i: &str) -> IResult<&str, &str> {
    take_while(is_space).parse(i)
}

/// An opening bracket and the spaces after it.
fn open(i: &str) -> IResult<&str, char> {
    terminated(
        nom::character::complete::satisfy(is_open_paren),
        inner_spaces,
    )
    .parse(i)
}
/// The spaces before a closing bracket, and the bracket.
fn close(i: &str) -> IResult<&str, char> {
    preceded(
        inner_spaces,
        nom::character::complete::satisfy(is_close_paren),
    )
    .parse(i)
}

/// Numbers written as one character each, first to last: ① … ⑳.
pub(crate) const CIRCLED: std::ops::RangeInclusive<char> = '\u{2460}'..='\u{2473}';
/// ⑴ … ⒇, the one-character (1) … (20).
const PAREN_DIGITS: std::ops::RangeInclusive<char> = '\u{2474}'..='\u{2487}';
/// ㈠ … ㈩, the one-character (一) … (十).
const PAREN_IDEOGRAPHS: std::ops::RangeInclusive<char> = '\u{3220}'..='\u{3229}';

/// A number written as one character of `chars`: its place in the range,
/// from 1.
fn one_char_number<'i>(
    chars: std::ops::RangeInclusive<char>,
) -> impl Parser<&'i str, Output = u32, Error = nom::error::Error<&'i str>> {
    let first = *chars.start() as u32;
    map(
        nom::character::complete::satisfy(move |c| chars.contains(&c)),
        move |c| c as u32 - first + 1,
    )
}

/// （一）, or ㈠ (one character for it), or a pair whose one side an OCR
/// read as a hexagonal bracket ([`hexagonal_paren`]).
fn cn_paren(i: &str) -> IResult<&str, u32> {
    alt((
        terminated(delimited(open, cn_numeral, close), opt(tag("、"))),
        one_char_number(PAREN_IDEOGRAPHS),
        terminated(hexagonal_paren, opt(tag("、"))),
    ))
    .parse(i)
}

/// (二〕, 〔三), （三〕: an item's round brackets, one side read as 〔 or 〕
/// by an OCR. The other side is round: 〔2020〕, a year's brackets, are
/// none, and the numeral is a plain one below 100 with no 〇 or 零 in it
/// (〔二〇二〇〕 writes a year).
fn hexagonal_paren(i: &str) -> IResult<&str, u32> {
    let hex_open = terminated(tag("〔"), inner_spaces);
    let hex_close = preceded(inner_spaces, tag("〕"));
    alt((
        delimited(open, item_numeral, hex_close),
        delimited(hex_open, item_numeral, close),
    ))
    .parse(i)
}

/// An item's numeral: plain, below 100, no 〇 or 零 in it.
fn item_numeral(i: &str) -> IResult<&str, u32> {
    let digit = |c| is_plain_numeral(c) && !matches!(c, '〇' | '○' | '零');
    verify(map_opt(take_while_m_n(1, 3, digit), cn_number), |n| {
        (1..100).contains(n)
    })
    .parse(i)
}

/// （1）, or ⑴ (one character for it)
fn num_paren(i: &str) -> IResult<&str, u32> {
    alt((
        terminated(delimited(open, arabic, close), opt(tag("、"))),
        one_char_number(PAREN_DIGITS),
    ))
    .parse(i)
}

/// A range or pair of markers cited in a sentence: （一）至（三）项, 第五章至
/// 第七章: the first is no marker.
fn cites_more(rest: &str, kind: ClauseKind) -> bool {
    let after = rest.trim_start_matches(is_space);
    let joined = ["至", "到", "和", "或", "及", "、", "—", "-", "～", "~"]
        .iter()
        .find_map(|w| after.strip_prefix(w));
    match kind {
        ClauseKind::CnParen | ClauseKind::NumParen => {
            joined.is_some_and(|r| r.trim_start_matches(is_space).starts_with(is_open_paren))
        }
        ClauseKind::Part | ClauseKind::Chapter | ClauseKind::Section | ClauseKind::Article => {
            joined.is_some_and(|r| r.trim_start_matches(is_space).starts_with('第'))
        }
        _ => false,
    }
}

/// 1） / 1): a number closed by a bracket with no bracket opening it, an
/// item below （一） in some documents (（二）…包括： / 1）征收、征用和补偿；).
/// Only at a unit's start (see [`closed_num`]), its text opening with an
/// ideograph or a quotation: `2)9号)`, a year's bracket a wrap cut, is none.
fn num_close(i: &str) -> IResult<&str, u32> {
    terminated(arabic, nom::character::complete::satisfy(is_close_paren)).parse(i)
}

/// The item `1）` at the start of `s` (already trimmed), read as a `num`
/// item as 1. is. It is tried only where a unit starts, never inside a
/// line: (见附件1）按照… cites an attachment. Whether it opens a clause
/// (in sequence from 1) is the builder's to say.
pub fn closed_num(s: &str) -> Option<Marker> {
    let (rest, n) = num_close(s).ok()?;
    let after = rest.trim_start_matches(is_space);
    if !after.starts_with(|c: char| is_han(c) || c == '“' || c == '《') {
        return None;
    }
    // (Not a range's or a list's first number a wrap put first, 1）至附表3）
    // 的格式…; nor a roster's row, a name and the post parted by a space,
    // 1) 张　伟　市政府副秘书长.)
    if after.starts_with(['至', '到', '和', '及', '与', '或', '、']) {
        return None;
    }
    let name = after.chars().take_while(|&c| is_han(c)).count();
    if (1..=4).contains(&name) && after.chars().nth(name).is_some_and(is_space) {
        return None;
    }
    let len = s.len() - rest.len();
    Some(Marker {
        kind: ClauseKind::Num,
        number: n,
        parts: Box::default(),
        len,
        body: s.len() - after.len(),
        spaced: after.len() < rest.len(),
    })
}

/// The marker as written (`label`) is a number closed by a bracket alone
/// (1）): its items must be numbered in sequence from 1.
pub fn is_closed_num(label: &str) -> bool {
    label.ends_with(is_close_paren) && label.starts_with(is_digit)
}

/// 一、 (also written 一． or 一. in some exports). Its numeral is written in
/// the plain forms only: a line opening with 伍、 or 两、 goes on with a word
/// cut by a wrap (管护队 / 伍、装备建设), no 公文 numbers its parts so.
/// A letter-spaced line (OCR of a scanned page) parts the numeral from its
/// 、 or dot by white space: `一 、 深 化 改 革` is the same marker.
fn cn(i: &str) -> IResult<&str, u32> {
    let numeral = map_opt(take_while_m_n(1, 6, is_plain_numeral), cn_number);
    terminated(numeral, cn_mark).parse(i)
}

/// The mark after a numeral marker's number: 、 (or 丶, the stroke an OCR
/// reads for it: `一丶加强火源管控。`), a dot, or a comma.
fn cn_mark(i: &str) -> IResult<&str, &str> {
    alt((
        tag("，"),
        preceded(
            inner_spaces,
            alt((tag("、"), tag(DUNHAO_OCR), tag("．"), tag("."))),
        ),
    ))
    .parse(i)
}

/// 丶 (U+4E36), the dot stroke an OCR prints for 、 after a marker's numeral
/// and between the units of a list.
pub const DUNHAO_OCR: &str = "丶";

/// The formal (大写) numerals, and 两.
fn is_formal_numeral(c: char) -> bool {
    matches!(
        c,
        '两' | '壹'
            | '贰'
            | '貳'
            | '叁'
            | '參'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
    )
}

fn dot(i: &str) -> IResult<&str, &str> {
    alt((tag("."), tag("．"))).parse(i)
}

/// An item: `1.` / `1、` / `1．`, white space maybe between the number and
/// its mark on a letter-spaced line (`1 ．`, as [`cn`] reads `一 、`).
fn num(i: &str) -> IResult<&str, u32> {
    terminated(arabic, preceded(inner_spaces, alt((dot, tag("、"))))).parse(i)
}

/// 一是, or 其一 / 其二 (with the comma that follows it: 其一，)
fn cn_enum(i: &str) -> IResult<&str, u32> {
    alt((
        terminated(verify(cn_numeral, |n| *n <= 30), tag("是")),
        delimited(
            tag("其"),
            verify(cn_numeral, |n| *n <= 10),
            opt(alt((tag("，"), tag(","), tag("、")))),
        ),
    ))
    .parse(i)
}

/// ① … ⑳
fn circled(i: &str) -> IResult<&str, u32> {
    one_char_number(CIRCLED).parse(i)
}

/// 6.4.1 → [6, 4, 1]
fn decimal(i: &str) -> IResult<&str, Vec<u32>> {
    map(
        (arabic, many1(preceded(dot, arabic)), opt(dot)),
        |(first, rest, _)| {
            let mut v = vec![first];
            v.extend(rest);
            v
        },
    )
    .parse(i)
}

fn spaces(i: &str) -> IResult<&str, &str> {
    recognize(opt(take_while1(|c: char| is_space(c) || c == '*'))).parse(i)
}

/// Ideographs that go on from a number as an amount or a day does (2.1亿美元,
/// 3.5万亩, 5.1日, 2.1版本, 1.5倍): after an unspaced decimal, no section's
/// name.
pub const GOES_ON_FROM_NUMBER: &str = "亿万元日版倍";

/// Recognises the marker at the start of `s` (already trimmed). With
/// `decimal_mode`, `1.1总则` and a bare `1 总则` are decimal markers;
/// otherwise `1.110国道` is the item 1. followed by 110国道.
pub fn marker(s: &str, decimal_mode: bool) -> Option<Marker> {
    let s0 = s.trim_start_matches('*');
    // Each form opens with its own characters ([`Opens`]): most text opens
    // none and is rejected at once; otherwise only the forms the first
    // character can open are tried, in the same order.
    let opens = Opens::of(s0);
    if !opens.any() {
        return None;
    }
    let lead = s.len() - s0.len();
    let finish = |kind, number, parts: Vec<u32>, rest: &str| -> Option<Marker> {
        if cites_more(rest, kind) {
            return None;
        }
        let len = s.len() - rest.len();
        let (after, _) = spaces(rest).ok()?;
        let spaced = after.len() < rest.len();
        let after = after_colon(after, kind);
        Some(Marker {
            kind,
            number,
            parts: parts.into_boxed_slice(),
            len,
            body: s.len() - after.len(),
            spaced,
        })
    };
    if opens.ordinal {
        if let Ok((rest, (n, kind))) = ordinal(s0) {
            return finish(kind, n, vec![], rest);
        }
    }
    if opens.paren {
        if let Ok((rest, n)) = cn_paren(s0) {
            return finish(ClauseKind::CnParen, n, vec![], rest);
        }
        if let Ok((rest, n)) = num_paren(s0) {
            return finish(ClauseKind::NumParen, n, vec![], rest);
        }
    }
    if opens.numeral {
        if let Ok((rest, n)) = cn(s0) {
            return finish(ClauseKind::Cn, n, vec![], rest);
        }
    }
    if opens.numeral || opens.qi {
        if let Ok((rest, n)) = cn_enum(s0) {
            return finish(ClauseKind::CnEnum, n, vec![], rest);
        }
    }
    if opens.circled {
        if let Ok((rest, n)) = circled(s0) {
            return finish(ClauseKind::Circled, n, vec![], rest);
        }
    }
    if !opens.digit {
        return None;
    }
    if let Ok((rest, parts)) = decimal(s0) {
        let next = rest.chars().next();
        let spaced = next.is_some_and(is_space);
        // Section numbers are a few levels deep; 1.2.3.4.5.6.7 is not one.
        if parts.len() > MAX_DECIMAL_DEPTH {
            return None;
        }
        // (Unspaced, a section's number, not an amount: 1.5万吨, 1.205国道
        // go on from a number. An introduction's 0.1 is printed spaced;
        // unspaced, 0.14兆帕 is an amount.)
        let section = next
            .is_some_and(|c| is_han(c) && !GOES_ON_FROM_NUMBER.contains(c) || c == '“')
            && parts.first().is_some_and(|&p| p > 0)
            && parts.iter().all(|&p| p < 100);
        if spaced || (decimal_mode && section) {
            let n = *parts.last().unwrap_or(&0);
            return finish(ClauseKind::Decimal, n, parts, rest);
        }
    }
    if let Ok((rest, n)) = num(s0) {
        // `2.5万亩` is a number, not an item: a digit after the dot is only
        // allowed when the item's text plainly starts there (`1.110国道`).
        // No list is numbered from 0: `0.14兆帕` is a decimal a wrap put at
        // the line's start.
        let next = rest.chars().next();
        let ok = match next {
            None => false,
            Some(c) if is_digit(c) => {
                n > 0
                    && !decimal_mode
                    && (starts_with_number_then_han(rest)
                        || starts_with_unit_term(rest)
                        || starts_with_month_day(rest))
            }
            Some(_) => true,
        };
        if ok {
            return finish(ClauseKind::Num, n, vec![], rest);
        }
    }
    if decimal_mode {
        if let Ok((rest, n)) = arabic(s0) {
            if rest.starts_with(is_space) {
                let after = rest.trim_start_matches(is_space);
                if after.starts_with(is_han) {
                    return finish(ClauseKind::Decimal, n, vec![n], rest);
                }
            }
        }
    }
    let _ = lead;
    None
}

/// A colon written after a 第X章 / 第X条 or a bracketed marker (`第一章：总则`,
/// `第二条: 本办法…`, `（一）：村庄清洁；`) parts it from its text as a space
/// does: the text starts after it and the spaces after it.
fn after_colon(after: &str, kind: ClauseKind) -> &str {
    let closed = matches!(
        kind,
        ClauseKind::Part
            | ClauseKind::Chapter
            | ClauseKind::Section
            | ClauseKind::Article
            | ClauseKind::CnParen
            | ClauseKind::NumParen
    );
    match after.strip_prefix(['：', ':']) {
        Some(r) if closed => r.trim_start_matches(is_space),
        _ => after,
    }
}

/// An item's marker whose 1 an OCR read as the letter l or I (`l.落实管护
/// 责任。`, `I、`), the item's text opening with an ideograph right after
/// it: the item 1, its label as printed. Only a candidate: the caller
/// takes it where the next marker of the run (`2.`) confirms it.
pub fn ocr_one(s: &str) -> Option<Marker> {
    let s0 = s.trim_start_matches('*');
    if !s0.starts_with(['l', 'I', 'ｌ', 'Ｉ']) {
        return None;
    }
    let letter = s0.chars().next().map_or(0, char::len_utf8);
    let (rest, _) = preceded(inner_spaces, alt((dot, tag("、"))))
        .parse(&s0[letter..])
        .ok()?;
    if !rest.starts_with(|c: char| is_han(c) || c == '“') {
        return None;
    }
    Some(Marker {
        kind: ClauseKind::Num,
        number: 1,
        parts: Box::default(),
        len: s.len() - rest.len(),
        body: s.len() - rest.len(),
        spaced: false,
    })
}

/// A heading's, an item's or an article's marker whose numeral an OCR
/// misprinted, a dash for 一 or a plus for 十 in it
/// ([`crate::normalize::numeral::ocr_cn_number`]): `—、`, `十—、`, `+、`
/// for 一、 十一、 十、; `(-)`, `（十—）`, `(+二)` for （一） （十一） （十二）;
/// `第－条`, `第十—条`, `第+一条` for 第一条 第十一条 第十一条. One dash
/// for 一 (a `——` bullet is none), the text opening with an ideograph or a
/// quotation after it: its number, its label as printed. Only a candidate:
/// the caller takes it where the markers of its kind around it expect that
/// number.
pub fn ocr_numeral_marker(s: &str) -> Option<Marker> {
    let s0 = s.trim_start_matches('*');
    let numeral = || {
        map_opt(
            take_while_m_n(1, 4, |c| {
                is_plain_numeral(c) || crate::normalize::numeral::ocr_numeral(c).is_some()
            }),
            crate::normalize::numeral::ocr_cn_number,
        )
    };
    let heading = terminated(
        numeral(),
        preceded(inner_spaces, alt((tag("、"), tag(DUNHAO_OCR)))),
    )
    .map(|n| (n, ClauseKind::Cn));
    let item = terminated(delimited(open, numeral(), close), opt(tag("、")))
        .map(|n| (n, ClauseKind::CnParen));
    let article = preceded(
        (tag("第"), inner_spaces),
        (terminated(numeral(), inner_spaces), ordinal_kind),
    );
    let (rest, (number, kind)) = alt((heading, item, article)).parse(s0).ok()?;
    let after = rest.trim_start_matches(is_space);
    if !after.starts_with(|c: char| is_han(c) || c == '“') {
        return None;
    }
    Some(Marker {
        kind,
        number,
        parts: Box::default(),
        len: s.len() - rest.len(),
        body: s.len() - after.len(),
        spaced: after.len() < rest.len(),
    })
}

/// Which forms of marker the first character of a text can open: 第
/// (第X条), a bracket ((一), (1)), a Chinese numeral (一、, 一是), 其 (其一),
/// a circled number, a digit (1., 1.1, 1).
#[derive(Debug, Default)]
struct Opens {
    ordinal: bool,
    paren: bool,
    numeral: bool,
    qi: bool,
    circled: bool,
    digit: bool,
}

impl Opens {
    /// Some form opens here.
    fn any(&self) -> bool {
        self.ordinal || self.paren || self.numeral || self.qi || self.circled || self.digit
    }

    fn of(s: &str) -> Opens {
        let Some(c) = s.chars().next() else {
            return Opens::default();
        };
        Opens {
            ordinal: c == '第',
            paren: is_open_paren(c)
                || c == '〔'
                || PAREN_DIGITS.contains(&c)
                || PAREN_IDEOGRAPHS.contains(&c),
            numeral: is_cn_numeral(c),
            qi: c == '其',
            circled: CIRCLED.contains(&c),
            digit: is_digit(c),
        }
    }
}

/// `110国道…` yes; `5万亩` yes; `5%` no. Used for `1.110国道` items.
/// A term of a number and a Latin letter or two opening the item's text,
/// one a capital (`2.5G应用示范`: item 2, `5G应用示范`; `3.4K超高清`,
/// `1.5G+智慧石化`, `2.110kV变电站`), an ideograph or a plus after it. (A
/// decimal and its unit, `2.5MW级`, reads so too: the builder keeps such an
/// item only where the numbering expects it, [`opens_with_term`]; a unit of
/// three letters, `2.5GHz`, is no term.)
fn starts_with_unit_term(s: &str) -> bool {
    let Some(t) = opens_with_term(s) else {
        return false;
    };
    let u = t.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    (1..=2).contains(&(t.len() - u.len()))
        && t[..t.len() - u.len()].contains(|c: char| c.is_ascii_uppercase())
        && u.starts_with(|c: char| is_han(c) || matches!(c, '+' | '＋'))
}

/// `s` (an item's text after its number) opens with a term of one to
/// three digits and a Latin letter (5G, 4K, 110kV): the rest from the
/// letter on. A term reads like a decimal's fraction and unit run after
/// the item's number (`1.5G` as 1.5 G), so only the numbering tells them
/// apart.
pub fn opens_with_term(s: &str) -> Option<&str> {
    let t = s.trim_start_matches(|c: char| c.is_ascii_digit());
    ((1..=3).contains(&(s.len() - t.len())) && t.starts_with(|c: char| c.is_ascii_alphabetic()))
        .then_some(t)
}

/// A day of a month opening the item's text (`1.3月2日，…发生一起…`: item 1,
/// `3月2日`): no amount goes on with 月 and a day after it.
fn starts_with_month_day(s: &str) -> bool {
    fn digits(t: &str) -> Option<&str> {
        let u = t.trim_start_matches(|c: char| c.is_ascii_digit());
        (1..=2).contains(&(t.len() - u.len())).then_some(u)
    }
    digits(s)
        .and_then(|t| t.strip_prefix('月'))
        .and_then(digits)
        .is_some_and(|t| t.starts_with(['日', '号']))
}

/// `110国道…` yes; `26亿元` no: after the dot of an amount (`1.26亿元`),
/// digits and 亿 or 元 are its decimals (`1.10万元以下的…` stays an item).
fn starts_with_number_then_han(s: &str) -> bool {
    let t = s.trim_start_matches(is_digit);
    t.len() < s.len()
        && s.len() - t.len() >= 2
        && t.starts_with(is_han)
        && !t.starts_with(['亿', '億', '元'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each form of marker reads only texts whose first character opens it
    /// (what lets `marker` try only those forms): on every line of the
    /// sample and the cases, each with its first characters cut one by one.
    #[test]
    fn forms_open_with_their_characters() {
        let mut texts = Vec::new();
        for line in crate::testdata::sample_and_case_lines() {
            let t = crate::text::trim(&line).to_owned();
            texts.extend(t.char_indices().take(4).map(|(i, _)| t[i..].to_owned()));
        }
        texts.extend(
            [
                "第十二条",
                "（一）",
                "(1)",
                "一、",
                "一是",
                "其一，",
                "①",
                "1.1",
                "1.",
                "⑴",
                "㈠",
                "（ 一 ）",
                "第 一 章",
            ]
            .map(String::from),
        );
        let mut read = 0;
        for t in &texts {
            let o = Opens::of(t);
            let checks = [
                (ordinal(t).is_ok(), o.ordinal),
                (cn_paren(t).is_ok(), o.paren),
                (num_paren(t).is_ok(), o.paren),
                (cn(t).is_ok(), o.numeral),
                (cn_enum(t).is_ok(), o.numeral || o.qi),
                (circled(t).is_ok(), o.circled),
                (decimal(t).is_ok(), o.digit),
                (num(t).is_ok(), o.digit),
                (arabic(t).is_ok(), o.digit),
            ];
            for (k, (reads, opens)) in checks.into_iter().enumerate() {
                assert!(!reads || opens, "form {k} reads {t:?}");
                read += usize::from(reads);
            }
        }
        assert!(read > 1000, "{read}");
    }

    /// Every kind indexes below `COUNT` (the match fails to compile when a
    /// kind is added and not listed here).
    #[test]
    fn every_kind_counts() {
        use ClauseKind::*;
        let all = [
            Part, Chapter, Section, Article, Cn, CnParen, Num, NumParen, CnEnum, Decimal, Circled,
        ];
        for k in all {
            match k {
                Part | Chapter | Section | Article | Cn | CnParen | Num | NumParen | CnEnum
                | Decimal | Circled => assert!((k as usize) < ClauseKind::COUNT, "{k:?}"),
            }
        }
        assert_eq!(all.len(), ClauseKind::COUNT);
    }

    fn k(s: &str) -> Option<(ClauseKind, u32, &str)> {
        marker(s, false).map(|m| (m.kind, m.number, &s[m.body..]))
    }

    /// A colon after a chapter's, an article's or a bracketed marker is no
    /// part of its text; after 一、 or 一是 it is left as written.
    #[test]
    fn a_colon_after_a_marker_parts_it_from_its_text() {
        assert_eq!(k("第一章：总则"), Some((ClauseKind::Chapter, 1, "总则")));
        assert_eq!(
            k("第二条: 本办法适用于"),
            Some((ClauseKind::Article, 2, "本办法适用于"))
        );
        assert_eq!(
            k("（一）：村庄清洁；"),
            Some((ClauseKind::CnParen, 1, "村庄清洁；"))
        );
        assert_eq!(k("（2）：加强"), Some((ClauseKind::NumParen, 2, "加强")));
        assert_eq!(
            k("第三条　考核内容包括："),
            Some((ClauseKind::Article, 3, "考核内容包括："))
        );
        assert_eq!(k("一是：加强"), Some((ClauseKind::CnEnum, 1, "：加强")));
        let m = marker("第一条：为了", false).map(|m| (m.len, m.spaced));
        assert_eq!(m, Some(("第一条".len(), false)));
    }

    #[test]
    fn plain_numerals_only_number_parts() {
        assert_eq!(k("五、加强领导"), Some((ClauseKind::Cn, 5, "加强领导")));
        assert_eq!(k("伍、装备建设，提升执法能力。"), None);
        assert_eq!(k("两、三年内完成"), None);
    }

    #[test]
    fn parts_circled_numbers_and_qi_yi() {
        use ClauseKind::*;
        assert_eq!(k("第一部分　总体要求"), Some((Part, 1, "总体要求")));
        assert_eq!(k("第三篇 产业发展"), Some((Part, 3, "产业发展")));
        assert_eq!(k("①建立台账。"), Some((Circled, 1, "建立台账。")));
        assert_eq!(k("⑫加强督查"), Some((Circled, 12, "加强督查")));
        assert_eq!(k("其一，强化统筹。"), Some((CnEnum, 1, "强化统筹。")));
        assert_eq!(k("其二、完善机制"), Some((CnEnum, 2, "完善机制")));
        assert_eq!(k("（１）全角编号"), Some((NumParen, 1, "全角编号")));
        assert_eq!(k("其实不然"), None);
    }

    /// One-character bracketed numbers, spaces inside a marker, and ranges
    /// or counts that cite markers in a sentence.
    #[test]
    fn bracket_characters_inner_spaces_and_citations() {
        use ClauseKind::*;
        assert_eq!(k("⑴每日巡查；"), Some((NumParen, 1, "每日巡查；")));
        assert_eq!(k("⒇每周通报"), Some((NumParen, 20, "每周通报")));
        assert_eq!(k("㈢加强督查"), Some((CnParen, 3, "加强督查")));
        assert_eq!(
            k("（ 一 ）建立巡查制度。"),
            Some((CnParen, 1, "建立巡查制度。"))
        );
        assert_eq!(k("( 2 ) 及时修复"), Some((NumParen, 2, "及时修复")));
        assert_eq!(k("第 一 章　总则"), Some((Chapter, 1, "总则")));
        // A letter-spaced line parts the numeral from its mark.
        assert_eq!(k("一 、 深 化 改 革"), Some((Cn, 1, "深 化 改 革")));
        assert_eq!(k("１ ．加强领导"), Some((Num, 1, "加强领导")));
        assert_eq!(k("2 . 强化保障"), Some((Num, 2, "强化保障")));
        assert_eq!(k("一 ，"), None);
        assert_eq!(k("第 3 条 本办法"), Some((Article, 3, "本办法")));
        for cited in [
            "（一）至（三）项的要求足额安排资金。",
            "(1)和(2)所列情形",
            "第五章至第七章的规定",
            "第十条、第十一条规定的",
        ] {
            assert_eq!(k(cited), None, "{cited}");
        }
        let measures = crate::lexicon::Lexicon::builtin().measure;
        // Counting on before a measure word (the builder asks whether the
        // document expects the marker); a heading that merely opens with
        // the next numeral does not count on.
        for (t, n) in [
            ("二、三级医院给予一次性补助。", 2),
            ("三、四月份是春耕生产的关键时期", 3),
            ("一、二类管线实行分级管理", 1),
        ] {
            let m = marker(t, false).expect(t);
            assert!(counts_on(&t[m.len..], n, &measures), "{t}");
        }
        for (t, n) in [("二、三农工作", 2), ("一、二〇二〇年工作回顾", 1)] {
            let m = marker(t, false).expect(t);
            assert!(!counts_on(&t[m.len..], n, &measures), "{t}");
        }
    }

    /// A term opens with one to three digits and a Latin letter; an
    /// amount's unit ideograph, a percentage or a long number does not.
    #[test]
    fn terms_of_digits_and_a_letter() {
        assert_eq!(opens_with_term("5G+智慧石化"), Some("G+智慧石化"));
        assert_eq!(opens_with_term("110kV变电站"), Some("kV变电站"));
        for s in ["5万亩", "5%以上", "2021年", "G网络", "1200MW机组"] {
            assert_eq!(opens_with_term(s), None, "{s}");
        }
    }

    #[test]
    fn markers_from_the_sample() {
        use ClauseKind::*;
        assert_eq!(k("一、总体要求"), Some((Cn, 1, "总体要求")));
        assert_eq!(k("二．工作任务"), Some((Cn, 2, "工作任务")));
        assert_eq!(
            k("(一)指导思想。坚持"),
            Some((CnParen, 1, "指导思想。坚持"))
        );
        assert_eq!(k("（十一）国务院"), Some((CnParen, 11, "国务院")));
        assert_eq!(
            k("1.全面完成脱贫任务。"),
            Some((Num, 1, "全面完成脱贫任务。"))
        );
        assert_eq!(
            k("10.宅基地“三权分置”"),
            Some((Num, 10, "宅基地“三权分置”"))
        );
        assert_eq!(
            k("1.110国道补植、修剪抚育。"),
            Some((Num, 1, "110国道补植、修剪抚育。"))
        );
        assert_eq!(k("2.5G应用示范。"), Some((Num, 2, "5G应用示范。")));
        assert_eq!(k("1.5G+智慧石化。"), Some((Num, 1, "5G+智慧石化。")));
        assert_eq!(
            k("2.110kV变电站建设。"),
            Some((Num, 2, "110kV变电站建设。"))
        );
        assert_eq!(k("2.5万亩高标准农田"), None);
        assert_eq!(k("1.5mm以上"), None);
        // (Read by the builder as an item only where the numbering expects
        // it and the line above ended.)
        assert_eq!(k("2.5MW级机组"), Some((Num, 2, "5MW级机组")));
        assert_eq!(k("1.5%以上"), None);
        assert_eq!(
            k("1.3月2日，某公司发生一起事故。"),
            Some((Num, 1, "3月2日，某公司发生一起事故。"))
        );
        assert_eq!(k("1.3月底前完成"), None);
        assert_eq!(
            k("(1)坚持以新发展理念"),
            Some((NumParen, 1, "坚持以新发展理念"))
        );
        assert_eq!(
            k("一是全力推动企业复工复产。"),
            Some((CnEnum, 1, "全力推动企业复工复产。"))
        );
        assert_eq!(k("第一章 总则"), Some((Chapter, 1, "总则")));
        assert_eq!(
            k("第十条巡查组实行组长负责制"),
            Some((Article, 10, "巡查组实行组长负责制"))
        );
        assert_eq!(k("第二十二条 本办法自"), Some((Article, 22, "本办法自")));
        assert_eq!(k("第三节　一般规定"), Some((Section, 3, "一般规定")));
        assert_eq!(k("**第一条** 为了"), Some((Article, 1, "为了")));
    }

    #[test]
    fn numbers_in_sentences_are_not_markers() {
        assert_eq!(k("2020年是全面建成小康社会目标实现之年"), None);
        assert_eq!(k("2017年11月,石嘴山市获评"), None);
        assert_eq!(k("9个重点特色产业方面:"), None);
        assert_eq!(k("——坚持需求牵引"), None);
        assert_eq!(k("2.5%的增长"), None);
        assert_eq!(k("2.5万亩"), None);
        // Two decimals before a unit of money: an amount, not an item.
        assert_eq!(k("1.26亿元。"), None);
        assert_eq!(k("3.75元，其余由县财政承担。"), None);
        assert_eq!(
            k("1.10万元以下的货物采购"),
            Some((ClauseKind::Num, 1, "10万元以下的货物采购"))
        );
        assert_eq!(k("2.5GHz频段"), None);
        // A decimal below one a wrap put at the line's start: no list is
        // numbered from 0.
        assert_eq!(k("0.14兆帕。因工程施工"), None);
        assert_eq!(marker("0.14兆帕。因工程施工", true), None);
        assert_eq!(k("一是"), Some((ClauseKind::CnEnum, 1, "")));
    }

    #[test]
    fn decimal_numbering() {
        let m = marker("6.4.1 应急预案", false).unwrap();
        assert_eq!(
            (m.kind, m.number, m.parts.to_vec()),
            (ClauseKind::Decimal, 1, vec![6, 4, 1])
        );
        let m = marker("1 总则", true).unwrap();
        assert_eq!((m.kind, m.parts.to_vec()), (ClauseKind::Decimal, vec![1]));
        assert_eq!(marker("1 总则", false), None);
        let m = marker("1.1编制目的", true).unwrap();
        assert_eq!(m.kind, ClauseKind::Decimal);
    }

    #[test]
    fn an_article_a_revision_inserted() {
        let m = marker("第四条之一　城市供水实行特许经营制度", false).unwrap();
        assert_eq!((m.kind, m.number, m.spaced), (ClauseKind::Article, 4, true));
        assert_eq!(&"第四条之一　城市"[..m.len], "第四条之一");
        assert!(is_inserted_article("第四条之一"));
        let m = marker("第三十条之二不一致的，以条例为准。", false);
        assert!(m.is_none_or(|m| m.len == "第三十条".len()));
        assert!(is_inserted_article("第十二條之二"));
        assert!(!is_inserted_article("第四条"));
        // (之 opening words, not a numeral: the article itself.)
        let m = marker("第四条之规定", false).unwrap();
        assert_eq!(&"第四条之规定"[..m.len], "第四条");
    }

    /// 丶, an OCR's 、, marks a heading's numeral as 、 does; in a word
    /// elsewhere it opens none.
    #[test]
    fn an_ocr_stroke_for_the_dunhao() {
        for (s, n) in [
            ("一丶加强火源管控。", 1),
            ("十二丶强化保障", 12),
            ("三 丶 深 化", 3),
        ] {
            let m = marker(s, false).expect(s);
            assert_eq!((m.kind, m.number), (ClauseKind::Cn, n), "{s}");
            assert!(s[m.body..].starts_with(is_han), "{s}");
        }
        for s in ["丶一加强", "一点丶", "市公安局丶应急管理局"] {
            assert_eq!(marker(s, false), None, "{s}");
        }
    }

    /// A round bracket on one side and a hexagonal one on the other is an
    /// item's; both hexagonal, a year's or a word's brackets are none.
    #[test]
    fn an_ocr_hexagonal_bracket_in_an_item() {
        for (s, n) in [
            ("(二〕开展绿化", 2),
            ("〔三)加强管护", 3),
            ("（十一〕做好", 11),
            ("( 四 〕强化", 4),
        ] {
            let m = marker(s, false).expect(s);
            assert_eq!((m.kind, m.number), (ClauseKind::CnParen, n), "{s}");
            assert_eq!(
                &s[..m.len],
                s.split_inclusive(['〕', ')']).next().unwrap(),
                "{s}"
            );
        }
        for s in [
            "〔2020〕12号文件",
            "〔二〇二〇〕年度",
            "(二〇二〇〕",
            "〔2)落实",
            "〔一〕开展",
            "〔注〕本表",
            "(一〕至(三)项",
        ] {
            assert_eq!(marker(s, false), None, "{s}");
        }
    }

    /// One dash before 、 or inside round brackets, an ideograph after it,
    /// is a candidate first heading or item; a double dash, a bullet, a
    /// dash alone, a range are none, and the marker grammar alone reads
    /// none of them.
    #[test]
    fn an_ocr_dash_for_one() {
        for (s, kind) in [
            ("—、总体目标", ClauseKind::Cn),
            ("－、加强领导", ClauseKind::Cn),
            ("-、明确范围", ClauseKind::Cn),
            ("— 丶 加强", ClauseKind::Cn),
            ("(-)深化治理。", ClauseKind::CnParen),
            ("（—）加强巡查", ClauseKind::CnParen),
            ("（－）、清理垃圾", ClauseKind::CnParen),
            ("(—)“三个必须”", ClauseKind::CnParen),
            ("第－条　为加强管理", ClauseKind::Article),
            ("第 — 章 总则", ClauseKind::Chapter),
        ] {
            let m = ocr_numeral_marker(s).expect(s);
            assert_eq!((m.kind, m.number), (kind, 1), "{s}");
            assert!(
                s[m.body..].starts_with(|c: char| is_han(c) || c == '“'),
                "{s}"
            );
            assert_eq!(marker(s, false), None, "{s}");
        }
        // A double dash, a dash alone or before a figure, a bullet, a
        // bracket holding no item, the numeral itself.
        let none =
            "——、加强|—、|—、2020年|- 项目一|-项目一|——加强领导|(-)|(-)5%|（——）加强|一、加强";
        for s in none.split('|') {
            assert_eq!(ocr_numeral_marker(s), None, "{s}");
        }
    }

    /// A dash for 一 or a plus for 十 inside a compound numeral of a
    /// heading, an item or an article is a candidate of that number; a
    /// range, a dash between digits, a figure after it are none.
    #[test]
    fn an_ocr_mark_inside_a_numeral() {
        for (s, kind, n) in [
            ("十—、严肃追责问责。", ClauseKind::Cn, 11),
            ("+、加强组织领导", ClauseKind::Cn, 10),
            ("（十—）强化物资储备", ClauseKind::CnParen, 11),
            ("(+二)做好宣传", ClauseKind::CnParen, 12),
            ("第十—条　违反本办法", ClauseKind::Article, 11),
            ("第+条　本办法", ClauseKind::Article, 10),
            ("第+一条 本办法", ClauseKind::Article, 11),
            ("第二十－条　附则", ClauseKind::Article, 21),
        ] {
            let m = ocr_numeral_marker(s).expect(s);
            assert_eq!((m.kind, m.number), (kind, n), "{s}");
            assert!(s[m.body..].starts_with(is_han), "{s}");
            assert_eq!(marker(s, false), None, "{s}");
        }
        let none = "十——、加强|—二、加强|一—二、加强|第三—五条规定|第十—条|十—、2020年|（十—十二）|+ 加强|十一、加强|第十一条　附则";
        for s in none.split('|') {
            assert_eq!(ocr_numeral_marker(s), None, "{s}");
        }
    }

    /// `l.` / `I、` before an ideograph are a candidate item 1; a word
    /// of letters, a dot in a name, a digit after the dot are none.
    #[test]
    fn an_ocr_letter_for_one() {
        for s in ["l.落实管护责任。", "I、加强领导", "ｌ．做好防治", "l .落实"]
        {
            let m = ocr_one(s).expect(s);
            assert_eq!(
                (m.kind, m.number, &s[m.body..].chars().next().map(is_han)),
                (ClauseKind::Num, 1, &Some(true)),
                "{s}"
            );
        }
        for s in [
            "lng.加气站",
            "I.5万亩",
            "l.",
            "iPhone",
            "LED灯",
            "I am",
            "l2.落实",
        ] {
            assert_eq!(ocr_one(s), None, "{s}");
        }
        // Never a marker read alone.
        assert_eq!(marker("l.落实管护责任。", false), None);
    }

    #[test]
    fn items_closed_by_a_bracket_alone() {
        let m = closed_num("1）征收、征用和补偿；").unwrap();
        assert_eq!((m.kind, m.number), (ClauseKind::Num, 1));
        assert_eq!(&"1）征收"[..m.len], "1）");
        assert!(is_closed_num("1）") && is_closed_num("2)"));
        assert!(!is_closed_num("1.") && !is_closed_num("（1）"));
        assert_eq!(closed_num("2) 社会保障待遇").map(|m| m.number), Some(2));
        // A year's bracket a wrap cut, an amount, text: none.
        assert_eq!(closed_num("2)9号)"), None);
        assert_eq!(closed_num("3）、"), None);
        assert_eq!(closed_num("12号文件"), None);
        assert_eq!(closed_num("1）至附表3）的格式报送。"), None);
        assert_eq!(closed_num("1) 张　伟　市政府副秘书长"), None);
        // Never inside a text: the marker grammar proper does not read it.
        assert_eq!(marker("1）征收", false), None);
    }
}
