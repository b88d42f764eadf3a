//! Document numbers (发文字号): 石党发〔2020〕1号, 国发[2019]13号,
//! 宁政办发〔2020年〕42号, 国务院令第628号, 宁夏回族自治区人民政府令〔2000〕第25号,
//! （第38号）. Every bracket form, full-width digits and spaces inside.
//!
//! The forward part (bracket, year, serial, 号) is a nom parser; the issuer
//! code is the run of ideographs right before the bracket, cut at words that
//! cannot belong to a code (根据, 按照 …) or, in a header, at the genre word.

use std::ops::Range;
use std::sync::LazyLock;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::satisfy;
use nom::combinator::{map_opt, opt};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use serde::Serialize;

use crate::normalize::numeral::{ascii_digits, is_cn_numeral_char};
use crate::text::{is_digit, is_han, is_space};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DocNumber {
    pub raw: String,
    pub issuer_code: Option<String>,
    pub year: Option<i32>,
    pub serial: Option<u32>,
}

/// A number found in a text, with the byte range of its raw form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub number: DocNumber,
    pub range: Range<usize>,
    /// Where the bracket (or 第 of the 令 form) starts: the issuer ends here.
    pub core_start: usize,
}

/// A bracket a number's year may be printed in (〔2020〕, [2020], （2020）…;
/// 〈2020〉, the angle an OCR reads 〔 as).
pub fn is_year_open(c: char) -> bool {
    matches!(
        c,
        '〔' | '[' | '［' | '【' | '〖' | '(' | '（' | '{' | '﹝' | '〈'
    )
}
/// The closing half of [`is_year_open`].
pub fn is_year_close(c: char) -> bool {
    matches!(
        c,
        '〕' | ']' | '］' | '】' | '〗' | ')' | '）' | '}' | '﹞' | '〉'
    )
}

fn sp(i: &str) -> IResult<&str, &str> {
    take_while(is_space).parse(i)
}

fn digits(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, u32> {
    move |i| map_opt(take_while_m_n(min, max, is_digit), ascii_digits).parse(i)
}

/// A run of `min` to `max` digits (ASCII or full-width) as a number's year or
/// serial is printed inside 〔…〕…号, white space between two digits passed
/// over: an OCR export spaces a scanned page's digits apart
/// (〔2 0 2 1〕1 8号, 〔2019〕2   7号). The spaces are dropped from the value
/// only; the raw text keeps them.
fn spaced_digits(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, u32> {
    spaced_run(min, max, crate::text::digit_value)
}

/// [`spaced_digits`] whose characters are read by `digit`; at least one of
/// them a true digit.
fn spaced_run(
    min: usize,
    max: usize,
    digit: fn(char) -> Option<u32>,
) -> impl Fn(&str) -> IResult<&str, u32> {
    move |i| {
        let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit));
        let mut value = 0u32;
        let mut count = 0;
        let mut true_digit = false;
        let mut rest = i;
        while count < max {
            // A digit right here, or (after the first) after white space.
            let after = if count == 0 {
                rest
            } else {
                rest.trim_start_matches(is_space)
            };
            let Some(c) = after.chars().next() else {
                break;
            };
            let Some(d) = digit(c) else {
                break;
            };
            true_digit |= crate::text::is_digit(c);
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(d))
                .ok_or_else(fail)?;
            count += 1;
            rest = &after[c.len_utf8()..];
        }
        if count < min || !true_digit {
            return Err(fail());
        }
        Ok((rest, value))
    }
}

/// 号, or 號 with the pinyin reading a mirrored page inserts after it (號(hào)).
fn hao(i: &str) -> IResult<&str, &str> {
    let (rest, h) = alt((tag("号"), tag("號"))).parse(i)?;
    let n = crate::text::reading_len(rest);
    Ok((&rest[n..], &i[..h.len() + n]))
}

/// 号 at a number's end, or 弓, the character an OCR reads it as
/// (伊市政办发〔2020〕12弓): only after a bracketed year and a serial.
fn hao_or_ocr(i: &str) -> IResult<&str, &str> {
    alt((hao, tag("弓"))).parse(i)
}

/// A year between a number's brackets an OCR damaged: the letter O or the
/// ideographic zero for 0 (〔2O21〕, [2o2o], 〔２Ｏ２１〕, 〔2〇20〕), the
/// letter l for 1 ([`crate::text::ocr_digit`]): four characters, each a digit or
/// a look-alike, read as a year of 1900 to 2099. Only here, where nothing
/// but a year stands.
fn ocr_year(i: &str) -> IResult<&str, u32> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit));
    let mut value = 0u32;
    let mut rest = i;
    for _ in 0..4 {
        let c = rest.chars().next().ok_or_else(fail)?;
        let d = crate::text::ocr_digit(c).ok_or_else(fail)?;
        value = value * 10 + d;
        rest = &rest[c.len_utf8()..];
    }
    (1900..2100)
        .contains(&value)
        .then_some((rest, value))
        .ok_or_else(fail)
}

/// 〔2020〕 / [2019] / 〔2020年〕 / 〔2O21〕 → the year in brackets.
fn bracket_year(i: &str) -> IResult<&str, u32> {
    let (i, _) = satisfy(is_year_open).parse(i)?;
    let (i, _) = sp(i)?;
    let (i, year) = alt((spaced_digits(4, 4), ocr_year)).parse(i)?;
    let (i, _) = opt(tag("年")).parse(i)?;
    let (i, _) = sp(i)?;
    let (i, _) = satisfy(is_year_close).parse(i)?;
    let (i, _) = sp(i)?;
    Ok((i, year))
}

/// 〔2020〕1号 / [2019] 13 号 / 〔2020年〕42号 / 〔2000〕第25号 → (year, serial).
/// An OCR's damage is read too: look-alikes in the serial (1O号, 3 O号,
/// 2l号; [`crate::text::ocr_digit`]) and 弓 for 号 (〔2020〕12弓).
/// The flag: the serial or its 号 was read through a look-alike.
fn bracket_year_serial(i: &str) -> IResult<&str, (u32, u32, bool)> {
    let start = i;
    let (i, year) = bracket_year(i)?;
    // (A year read through a look-alike, 〔2〇20〕, 〔2O21〕, too.)
    let year_ocr = start[..start.len() - i.len()]
        .contains(|c: char| !crate::text::is_digit(c) && crate::text::ocr_digit(c).is_some());
    let (i, _) = opt(tag("第")).parse(i)?;
    let (i, _) = sp(i)?;
    let (i, (serial, ocr)) = alt((
        (spaced_digits(1, 6), sp, hao).map(|(n, _, _)| (n, false)),
        (spaced_run(1, 6, crate::text::ocr_digit), sp, hao_or_ocr).map(|(n, _, _)| (n, true)),
    ))
    .parse(i)?;
    Ok((i, (year, serial, ocr || year_ocr)))
}

/// A year printed in two digits, as numbers were before 2000 and for a
/// while after ((98), [97], 〔03〕): 90–99 read as 1990–1999, 00–09 as
/// 2000–2009. Other pairs ((12), [15]) are a clause's or a footnote's
/// number, not a year: none.
fn short_year(i: &str) -> IResult<&str, u32> {
    let (rest, yy) = digits(2, 2)(i)?;
    let year = match yy {
        90..=99 => 1900 + yy,
        0..=9 => 2000 + yy,
        _ => {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Digit,
            )))
        }
    };
    Ok((rest, year))
}

/// (98)12号 / [98]45号 / (97)第18号 → (year, serial): a two-digit year
/// in brackets ([`short_year`]), then the serial and its 号. Read only
/// after an issuer's code (南政函(98)12号): see [`numbers_from`].
fn short_year_serial(i: &str) -> IResult<&str, (u32, u32)> {
    let (i, _) = satisfy(is_year_open).parse(i)?;
    let (i, _) = sp(i)?;
    let (i, year) = short_year(i)?;
    let (i, _) = sp(i)?;
    let (i, _) = satisfy(is_year_close).parse(i)?;
    let (i, _) = sp(i)?;
    let (i, _) = opt(tag("第")).parse(i)?;
    let (i, _) = sp(i)?;
    let (i, serial) = digits(1, 6)(i)?;
    let (i, _) = sp(i)?;
    let (i, _) = hao(i)?;
    Ok((i, (year, serial)))
}

/// A number printed year first, as older documents print their own
/// ((98)南政函12号, （1998）南政函12号): the year in brackets, two digits
/// ([`short_year`]) or four, the issuer's code of two to eight ideographs
/// (none a word that ends a code), the serial and its 号, and nothing else.
fn year_first(t: &str) -> Option<DocNumber> {
    let (i, _) = satisfy::<_, _, nom::error::Error<&str>>(is_year_open)
        .parse(t)
        .ok()?;
    let (i, _) = sp(i).ok()?;
    let (i, year) = alt((
        (digits(4, 4), sp)
            .map(|(y, _)| y)
            .map_opt(|y: u32| (1980..2100).contains(&y).then_some(y)),
        (short_year, sp).map(|(y, _)| y),
    ))
    .parse(i)
    .ok()?;
    let (i, _) = satisfy::<_, _, nom::error::Error<&str>>(is_year_close)
        .parse(i)
        .ok()?;
    let i = i.trim_start_matches(is_space);
    let code_len = i.len() - i.trim_start_matches(is_han).len();
    let code = &i[..code_len];
    if !(2..=8).contains(&crate::text::char_len(code))
        || STOP.iter().any(|w| code.contains(w))
        || code.contains(['第', '号', '號'])
    {
        return None;
    }
    let (rest, serial) = (sp, digits(1, 6), sp, hao)
        .map(|(_, n, _, _)| n)
        .parse(&i[code_len..])
        .ok()?;
    crate::text::trim(rest).is_empty().then(|| DocNumber {
        raw: t.to_owned(),
        issuer_code: Some(code.to_owned()),
        year: Some(year as i32),
        serial: Some(serial),
    })
}

/// 〔2020〕4 / (2021)18 → (year, serial): a number whose 号 a copy or an
/// OCR lost, the serial's digits closing it.
fn bracket_year_bare(i: &str) -> IResult<&str, (u32, u32)> {
    let (i, year) = bracket_year(i)?;
    let (i, serial) = spaced_digits(1, 6)(i)?;
    let (i, _) = sp(i)?;
    Ok((i, (year, serial)))
}

/// `text` wholly an issuer code, a bracketed year and the serial, its 号
/// lost (保政发〔2020〕4, 昭政发(2021)18, 某政办［２０２０］１２): the
/// number, its code two to eight ideographs in which no word ends a code
/// (根据某政发〔2020〕4 is a sentence's tail). `None` for any other text,
/// a number with its 号 too.
pub fn unmarked(text: &str) -> Option<DocNumber> {
    let t = crate::text::trim(text);
    let open = t.find(is_year_open)?;
    let (rest, (year, serial)) = bracket_year_bare(&t[open..]).ok()?;
    let code = t[..open].trim_end_matches(is_space);
    let (start, issuer) = issuer_before(t, open);
    (rest.is_empty()
        && start == 0
        && (2..=8).contains(&crate::text::char_len(code))
        && code.chars().all(is_han))
    .then(|| DocNumber {
        raw: t.to_owned(),
        issuer_code: issuer,
        year: Some(year as i32),
        serial: Some(serial),
    })
}

/// A number without its 号 wholly inside a round bracket that opens right
/// before `inner` (云政发〔2020〕4）…): where the bracket closes, and the
/// number. (The year may be in round brackets too, 云政发（2020）4）: the
/// serial comes before the bracket that closes the number.)
pub fn unmarked_closed(inner: &str) -> Option<(usize, DocNumber)> {
    inner
        .char_indices()
        .take(24)
        .filter(|&(_, c)| crate::text::is_close_paren(c))
        .find_map(|(k, _)| {
            let cited = &inner[..k];
            unmarked(cited).filter(|n| n.raw == cited).map(|n| (k, n))
        })
}

/// The numbers cited without their 号 in `text`: in round brackets right
/// after a document's 《title》, the brackets holding an issuer code, a
/// bracketed year and the serial and nothing else (…的通知》（云政办发〔2020〕40）
/// 要求). Each range is the number's, inside the brackets.
pub fn unmarked_cited(text: &str) -> Vec<Found> {
    // (》's bytes sought whole: its last byte alone ends many ideographs.)
    static CLOSE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("》".as_bytes()));
    let mut out = Vec::new();
    for at in CLOSE.find_iter(text.as_bytes()) {
        let after = &text[at + '》'.len_utf8()..];
        let Some(open) = after
            .chars()
            .next()
            .filter(|&c| crate::text::is_open_paren(c))
        else {
            continue;
        };
        let inner = &after[open.len_utf8()..];
        let Some((close, number)) = unmarked_closed(inner) else {
            continue;
        };
        let start = text.len() - inner.len();
        let core_start = start + inner.find(is_year_open).unwrap_or(0);
        out.push(Found {
            range: start..start + close,
            core_start,
            number,
        });
    }
    out
}

/// 九十 → 90 (an announcement numbered 第九十号)
fn cn_serial(i: &str) -> IResult<&str, u32> {
    map_opt(
        take_while_m_n(1, 8, crate::normalize::numeral::is_cn_numeral_char),
        crate::normalize::numeral::cn_number,
    )
    .parse(i)
}

/// 第628号 → serial
fn di_hao(i: &str) -> IResult<&str, u32> {
    let (i, _) = tag("第").parse(i)?;
    let (i, _) = sp(i)?;
    let (i, n) = alt((digits(1, 6), cn_serial)).parse(i)?;
    let (i, _) = sp(i)?;
    let (i, _) = hao(i)?;
    Ok((i, n))
}

/// 〔十五届〕 / 第十五届 / 十五届: the session of a people's congress whose
/// standing committee numbers its announcements afresh (宁德市人民代表大会
/// 常务委员会公告 / 〔十五届〕第8号), in brackets or not.
fn session(i: &str) -> IResult<&str, ()> {
    fn term(i: &str) -> IResult<&str, ()> {
        let numeral = take_while_m_n(1, 4, |c| is_cn_numeral_char(c) || is_digit(c));
        let (i, _) = (opt(tag("第")), numeral, tag("届")).parse(i)?;
        Ok((i, ()))
    }
    let bracketed = (satisfy(is_year_open), sp, term, sp, satisfy(is_year_close));
    let (i, _) = alt((bracketed.map(|_| ()), term)).parse(i)?;
    let (i, _) = sp(i)?;
    Ok((i, ()))
}

/// The order `f` found in a regulation's passage note `note` published it:
/// 公布 or 发布 follows its number (…某市人民政府令第14号公布　自…施行), not
/// 修订, 修正 or 制定 (an order it was revised by or made under).
pub fn published_by(note: &str, f: &Found) -> bool {
    let after = note[f.range.end..].trim_start_matches(is_space);
    ["公布", "发布", "發布"]
        .iter()
        .any(|w| after.starts_with(w))
}

/// The word lists of `grammar/numbers.tsv`, by class.
struct Words {
    long_organ: Vec<&'static str>,
    congress: Vec<&'static str>,
    code_organ: Vec<&'static str>,
    code_lead_in: Vec<&'static str>,
    code_generic: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut w = Words {
        long_organ: Vec::new(),
        congress: Vec::new(),
        code_organ: Vec::new(),
        code_lead_in: Vec::new(),
        code_generic: Vec::new(),
    };
    for line in include_str!("../grammar/numbers.tsv").lines() {
        let line = line.split('#').next().unwrap_or("");
        let Some((class, word)) = line.split_once('\t') else {
            continue;
        };
        let list = match class.trim() {
            "long_organ" => &mut w.long_organ,
            "congress" => &mut w.congress,
            "code_organ" => &mut w.code_organ,
            "code_lead_in" => &mut w.code_lead_in,
            "code_generic" => &mut w.code_generic,
            other => panic!("grammar/numbers.tsv: unknown class {other:?}"),
        };
        list.push(word.trim());
    }
    w
});

/// Words that end an issuer code when read backwards from the bracket.
const STOP: &[&str] = &[
    "根据",
    "按照",
    "依据",
    "依照",
    "参照",
    "执行",
    "印发",
    "转发",
    "文件",
    "通知",
    "见",
    "日",
    "和",
    "及",
    "与",
    "的",
    "、",
    "即",
    "落实",
    "贯彻",
    "结合",
    "对照",
    "遵照",
    "完成",
    "关于",
    "废止",
    "人民政府",
    "批复",
    "议案",
];

/// `s` ends with a word that ends an issuer code read backwards (…依据, …和).
pub fn ends_with_stop(s: &str) -> bool {
    STOP.iter().any(|w| s.ends_with(w))
}

/// Stop words that are an organ's name: they end no order's code, which
/// names its organ whole (某市人民政府令第2号).
const ORGAN_STOP: &[&str] = &["和", "人民政府"];

/// `s`, after 和, is an order's organ of its own: 和 opens the run of
/// ideographs before the 令 (…》和市场监管总局令, …）和省住房和城乡建设厅令) or
/// follows a number (…第242号和市政府令), or `s` names a level's government
/// or the State Council after words that name no organ (…条例和省政府令第219号).
/// Not the rest of one organ's name (住房和城乡建设部令, 上海市绿化和市容管理局令),
/// nor an order two organs issue together (省人民政府和省军区令, 中央军委和国务院令).
fn names_level(before: &str, s: &str) -> bool {
    if before.is_empty() || before.ends_with(['号', '號']) {
        return true;
    }
    // (A place's government after the words that close a document's name or
    // its provisions, …的规定和湖北省人民政府令: 和 inside a place's name,
    // 根据呼和浩特市…, 沈阳市和平区…, parts nothing.)
    let level = s
        .strip_prefix("自治区")
        .or_else(|| s.strip_prefix(crate::place::is_level))
        .is_some_and(|r| r.starts_with("政府") || r.starts_with("人民政府"));
    let placed = names_government(s)
        && [
            "规定", "办法", "条例", "细则", "意见", "通知", "决定", "精神", "要求", "文件", "》",
        ]
        .iter()
        .any(|w| before.ends_with(w));
    (level || placed || s.starts_with("国务院"))
        && !before.ends_with(['委', '府', '院', '局', '部', '区', '厅', '办', '会'])
}

/// `s` opens with a level's government, bare (省政府, 市人民政府) or after
/// its place's name of at most six ideographs (湖北省人民政府, 宜昌市政府).
fn names_government(s: &str) -> bool {
    government_place(s).is_some()
}

/// The place's name before the level of the government `s` opens with
/// (湖北 of 湖北省人民政府, empty for 省政府): at most six ideographs.
fn government_place(s: &str) -> Option<&str> {
    let at = s.find("政府")?;
    let place = s[..at].strip_suffix("人民").unwrap_or(&s[..at]);
    place
        .strip_suffix(crate::place::is_level)
        .filter(|p| p.chars().all(is_han) && p.chars().nth(6).is_none())
}

/// Prepositions a sentence may set right before the organ whose order it
/// cites (…2020年6月12日以浙江省人民政府令第381号公布, 按国务院令…, 经…, 由…).
const ORDER_PREPOSITIONS: [char; 6] = ['以', '按', '依', '据', '经', '由'];

/// How many bytes of `run`, the ideographs read back from an order's 令,
/// stand before its organ's name: up to the last preposition (以, 按 …)
/// that what follows names an organ as an order's issuer, a place's
/// government (浙江省人民政府, 省政府), the State Council or a national
/// organ (…披露另按国务院令); or, the preposition opening the run, a
/// ministry too (由公安部令). 0 otherwise. A place of one ideograph after
/// it is the place's own name (依兰县人民政府, 依安县): none.
fn preposition_before_organ(run: &str) -> usize {
    run.char_indices()
        .filter(|(_, c)| ORDER_PREPOSITIONS.contains(c))
        .map(|(i, c)| (i, c, i + c.len_utf8()))
        .rfind(|&(i, c, at)| {
            let rest = &run[at..];
            let organ = rest.trim_end_matches('令');
            let government = government_place(rest).is_some_and(|p| crate::text::char_len(p) != 1);
            let national = ["国务院", "中华人民共和国", "国家"]
                .iter()
                .any(|w| rest.starts_with(w));
            let congress = congress_place(rest).is_some_and(|p| crate::text::char_len(p) != 1);
            // (经 opens a ministry's name too: 经济和信息化部.)
            let ministry = i == 0
                && c != '经'
                && crate::text::char_len(organ) >= 3
                && organ.ends_with(['部', '委', '局', '署']);
            government || national || congress || ministry
        })
        .map_or(0, |(_, _, at)| at)
}

/// The place's name before the level of the congress whose standing
/// committee `s` opens with (阿坝藏族羌族自治 of 阿坝藏族羌族自治州人民代表大会
/// 常务委员会, empty for 州人大常委会 or 全国人民代表大会…): at most ten
/// ideographs.
fn congress_place(s: &str) -> Option<&str> {
    let at = WORDS.congress.iter().filter_map(|w| s.find(w)).min()?;
    let place = &s[..at];
    if place == "全国" {
        return Some("");
    }
    place
        .strip_suffix(crate::place::is_level)
        .filter(|p| p.chars().all(is_han) && p.chars().nth(10).is_none())
}

/// How many ideographs at the end of `head`, an organ's name so long before
/// its 公告 or 令 (某自治州人民代表大会常务委员会公告) that it would fill
/// [`CODE_CHARS`], do not count against it: the organ's name's.
fn uncapped(head: &str) -> usize {
    let Some(w) = PROMULGATING.iter().find(|w| head.ends_with(*w)) else {
        return 0;
    };
    let body = &head[..head.len() - w.len()];
    WORDS
        .long_organ
        .iter()
        .find(|o| body.ends_with(*o))
        .map_or(0, |o| crate::text::char_len(o))
}

/// Where an order two or three organs issue together starts, its organs
/// joined by 、 or a space (建设部、财政部令第165号, 商务部、公安部、工商总局、税务总局令):
/// the names before the one the order's code opens with at `start`, at
/// most six (交通运输部 工业和信息化部 公安部 商务部 市场监管总局 国家网信办令), each a run of at most fourteen ideographs after any stop word,
/// ending as a ministry's, a commission's or an office's name does.
fn joint_start(head: &str, mut start: usize) -> usize {
    for _ in 0..6 {
        // (Or parted by one space: 商务部 国家发展改革委令; not a table's
        // columns, 市交通运输局　　交通运输部令…, nor a local organ's name
        // beside a ministry's order, 1 市交通运输局 交通运输部令….)
        let spaced = head[..start]
            .strip_suffix([' ', '\u{3000}'])
            .filter(|b| !b.ends_with(is_space));
        let Some(before) = head[..start].strip_suffix('、').or(spaced) else {
            break;
        };
        let (at, organ) = issuer_in(before, before.len(), true);
        match organ {
            Some(o)
                if o.ends_with(['部', '委', '局', '署', '院', '厅', '办', '行'])
                    && !(spaced.is_some()
                        && o.starts_with(['市', '县', '区', '州', '乡', '镇'])) =>
            {
                start = at
            }
            _ => break,
        }
    }
    start
}

/// How many ideographs an issuer code read back from its bracket or 第 may
/// hold.
const CODE_CHARS: usize = 14;

/// The issuer code of `f`, found in `text`, stopped only because it reached
/// [`CODE_CHARS`]: ideographs alone run before it from the text's start, none
/// a word that ends a code (某自治州人民代表大会常务委员会公告第13号).
pub fn code_capped(text: &str, f: &Found) -> bool {
    let before = crate::text::trim(&text[..f.range.start]);
    f.number
        .issuer_code
        .as_deref()
        .is_some_and(|c| crate::text::char_len(c) == CODE_CHARS)
        && before.chars().all(is_han)
        && !STOP.iter().any(|w| before.contains(w))
}

fn issuer_before(text: &str, end: usize) -> (usize, Option<String>) {
    issuer_in(text, end, false)
}

/// [`issuer_before`]; `organ`, the run is an order's organ whatever follows
/// it (one of the organs of an order issued together: 工业和信息化部).
fn issuer_in(text: &str, end: usize, organ: bool) -> (usize, Option<String>) {
    let head = text[..end].trim_end_matches(is_space);
    let mut start = head.len();
    let mut count = 0;
    let cap = CODE_CHARS + uncapped(head);
    for (i, c) in head.char_indices().rev() {
        if is_han(c) && count < cap {
            start = i;
            count += 1;
        } else {
            break;
        }
    }
    // (Not when the organ's name runs from the text's start: a heading
    // (某自治州人民代表大会常务委员会公告　第8号) is the announcement's title,
    // the number what follows it, as [`code_capped`] tells.)
    if start == 0 && count > CODE_CHARS {
        start = head
            .char_indices()
            .rev()
            .nth(CODE_CHARS - 1)
            .map_or(0, |(i, _)| i);
    }
    // A code printed letter-spaced (巴 政 办 发〔…〕): its last ideograph
    // stands alone.
    if count == 1 && !organ && !head.ends_with('令') {
        if let Some((s, code)) = spaced_code(head, start) {
            return (s, Some(code));
        }
    }
    let mut run = &head[start..];
    // 中华人民共和国…令: the state's name starts the code, and its 和 does
    // not end it. Both words end in 国, which most codes lack: looked for
    // first, before a substring searcher is built for either.
    let mut keep = 0;
    if crate::text::has_char(run, '国') {
        if let Some(p) = run.find("中华人民共和国") {
            start += p;
            run = &run[p..];
        }
        keep = run.rfind("共和国").map_or(0, |p| p + "共和国".len());
    }
    // The code starts after the last stop word (after 共和国). No stop word
    // overlaps or holds another, so one scan finds where cutting after each
    // word's last occurrence in turn would end; it runs from the end, and
    // the first stop word it meets is that last one.
    let region = &run[keep..];
    // A ministry's order names the ministry whole, 和 and all (住房和城乡建设部
    // 令第11号, 人力资源和社会保障部令): 和 and an organ's name end no code that
    // ends with 令. Before any other code they do (经安徽省人民政府皖政地〔2019〕
    // 628号; …的批复新政函〔2021〕56号).
    // (Or the order's number written before its 令: 湖北省人民政府第218号令.)
    let order = organ
        || region.ends_with('令')
        || text[end..].trim_start_matches(is_space).starts_with('第');
    // 日 ends a date's day (…3月5日某政发〔…〕), not a code that opens with
    // it (日照's 日政办发〔2021〕5号): a stop after a digit or a numeral only.
    let region_at = start + keep;
    let ends_day = |i: usize| {
        let before = if i > 0 {
            &region[..i]
        } else {
            &head[..region_at]
        };
        before
            .chars()
            .next_back()
            .is_some_and(|c| is_digit(c) || is_cn_numeral_char(c))
    };
    let opens_code = |i: usize, w: &str| {
        i == 0 && keep == 0 && !order && leads_code(&head[..start], w, &region[w.len()..])
    };
    let cut = region
        .char_indices()
        .filter_map(|(i, _)| {
            let rest = &region[i..];
            // (No stop word holds another, so at most one starts here.)
            STOP.iter()
                .find(|w| rest.starts_with(*w))
                .filter(|w| {
                    !(order && ORGAN_STOP.contains(w))
                        || **w == "和" && names_level(&region[..i], &rest["和".len()..])
                })
                .filter(|w| **w != "日" || ends_day(i))
                .filter(|w| !opens_code(i, w))
                .map(|w| i + w.len())
        })
        .next_back();
    if let Some(c) = cut {
        start += keep + c;
        run = &run[keep + c..];
    }
    // (An order's organ after the preposition that cites it: 以浙江省人民政府令.)
    let cited = if order && keep == 0 {
        preposition_before_organ(run)
    } else {
        0
    };
    start += cited;
    run = &run[cited..];
    // (An organ or a lead-in run into the code of a document it cites:
    // 自治区党委新党发, 行署哈地发, 按新政发.)
    let led = if order { 0 } else { organ_before_code(run) };
    start += led;
    run = &run[led..];
    if cut.is_none() && cited == 0 && order && !run.is_empty() {
        let joint = joint_start(head, start);
        if joint < start {
            return (joint, Some(head[joint..].to_owned()));
        }
    }
    if run.is_empty() {
        (end, None)
    } else {
        (start, Some(run.to_owned()))
    }
}

/// How many bytes of `run`, a code read back from its bracket, an organ's
/// name (自治区党委, 州委, 行署: `code_organ` of `grammar/numbers.tsv`) or a
/// lead-in of one ideograph (按, 依: `code_lead_in`) takes before the code
/// of a place's abbreviation that follows it (新党发, 巴党发, 新政发): what is
/// left two ideographs or more, not opening as a code's generic part does
/// (`code_generic`: 市委办发, 州委发, 依安县's 依政发 stay whole). 0 otherwise.
fn organ_before_code(run: &str) -> usize {
    let w = &*WORDS;
    let leaves_code = |rest: &str| {
        rest.chars().nth(1).is_some() && !w.code_generic.iter().any(|g| rest.starts_with(g))
    };
    w.code_organ
        .iter()
        .chain(w.code_lead_in.iter())
        .filter(|o| run.starts_with(*o) && leaves_code(&run[o.len()..]))
        .map(|o| o.len())
        .max()
        .unwrap_or(0)
}

/// A conjunction (和, 与, 及) opening a code's run of ideographs, `before`
/// it and `rest` after it, is the code's first character (和县's codes:
/// 和发〔2022〕7号, 和办〔…〕): nothing stands before it that it could
/// join to the code, the text's start, or, after an opening bracket, 》, 、
/// or ，, the code it would leave is one ideograph, which no code is
/// (（和发〔2022〕3号）, …》和发〔2022〕3号; （与国发〔2019〕9号文件同步实施） and
/// …》和国发〔2020〕3号 join 国发 to the words before).
fn leads_code(before: &str, conj: &str, rest: &str) -> bool {
    if !matches!(conj, "和" | "与" | "及") {
        return false;
    }
    match before.chars().next_back() {
        None => true,
        Some(c) if is_year_open(c) || matches!(c, '》' | '、' | '，' | ',') => {
            crate::text::char_len(rest) == 1
        }
        Some(_) => false,
    }
}

/// An issuer code printed letter-spaced, as scanned pages and OCR exports
/// print it (巴 政 办 发〔2021〕31号, 包 府 报 ( 2021 ) 61 号): where it
/// starts in `head`, whose last ideograph, at `last`, stands alone after a
/// space, and the code without its spaces. Each ideograph stands alone
/// between one or two spaces, the first maybe run into the text before it
/// (…的通知巴 政 办 发) unless that text ends with a stop word (依据 …);
/// two to eight of them, none a word that ends a code (的, 和 …). `None`
/// for any other text.
fn spaced_code(head: &str, last: usize) -> Option<(usize, String)> {
    const MAX: usize = 8;
    let ends = |c: char| matches!(c, '见' | '日' | '和' | '及' | '与' | '的' | '即');
    let mut start = last;
    let mut alone = 1;
    while alone < MAX {
        let before = &head[..start];
        let gap = before.trim_end_matches(is_space);
        if !(1..=2).contains(&before[gap.len()..].chars().count()) {
            break;
        }
        let mut cs = gap.char_indices().rev();
        let Some((i, _)) = cs.next().filter(|&(_, c)| is_han(c) && !ends(c)) else {
            break;
        };
        if cs.next().is_some_and(|(_, p)| is_han(p)) {
            // Run into the text before: the code's first ideograph, unless
            // that text is a word apart that ends a code (依据 某 政 发).
            if alone >= 2 && !ends_with_stop(gap) {
                start = i;
                alone += 1;
            }
            break;
        }
        start = i;
        alone += 1;
    }
    (alone >= 2).then(|| {
        let code = head[start..].chars().filter(|c| !is_space(*c)).collect();
        (start, code)
    })
}

/// Where the head of a letter-spaced code ends `t`, a wrap having cut the
/// code (…的通知巴 政 办 / 发 〔2021〕 60 号…): its last ideograph stands alone
/// after a space, read back as [`spaced_code`] reads it.
pub fn spaced_head(t: &str) -> Option<usize> {
    let head = t.trim_end_matches(is_space);
    let (last, c) = head.char_indices().next_back()?;
    if !is_han(c) || !head[..last].ends_with(is_space) {
        return None;
    }
    spaced_code(head, last).map(|(start, _)| start)
}

/// Whether `text` holds 号 or 號, or 弓, an OCR's 号 (SIMD substring
/// searches, built once): every number [`find_all`] finds holds one after
/// its bracket (or its 第: 国务院令第628号), so a text without any holds no
/// number's core.
pub fn has_hao(text: &str) -> bool {
    // (One pass for the three words, where the machine has the packed
    // searcher; a substring search for each where it has not.)
    static HAO: LazyLock<Option<aho_corasick::packed::Searcher>> = LazyLock::new(|| {
        aho_corasick::packed::Config::new()
            .builder()
            .extend(["号", "號", "弓"])
            .build()
    });
    match HAO.as_ref() {
        Some(hao) => hao.find(text.as_bytes()).is_some(),
        None => ["号", "號", "弓"].iter().any(|w| text.contains(w)),
    }
}

/// Every document number in `text`, in order.
pub fn find_all(text: &str) -> Vec<Found> {
    // Every form holds 号 (or 號) after its bracket or 第: most lines have none.
    if !has_hao(text) {
        return Vec::new();
    }
    numbers_in(text)
}

/// [`find_all`] of a text known to hold 号 or 號 ([`has_hao`]).
pub fn numbers_in(text: &str) -> Vec<Found> {
    numbers_from(text, openings(text))
}

/// Where a number may open in `text`, in order: every bracket and every 第.
/// The seven ideographic brackets and 第 (three bytes each) are found by
/// aho-corasick's packed searcher (Teddy: the first three bytes of the eight
/// compared at sixteen or thirty-two positions at a time), the ASCII brackets
/// by `memchr3`; the two merged. Where the machine has no such searcher, every
/// character whose first byte leads a bracket or 第 (E3, E7, EF) is looked at
/// instead: in CJK text about one in three, each read by the parsers.
fn openings(text: &str) -> impl Iterator<Item = usize> + '_ {
    static WIDE: LazyLock<Option<aho_corasick::packed::Searcher>> = LazyLock::new(|| {
        let wide = ['〔', '［', '【', '〖', '（', '﹝', '〈', '第'].map(String::from);
        aho_corasick::packed::Config::new()
            .builder()
            .extend(wide)
            .build()
    });
    openings_by(text, WIDE.as_ref())
}

/// [`openings`], the ideographic openings found by `wide` or, without it,
/// among the characters whose first byte leads one.
fn openings_by<'t>(
    text: &'t str,
    wide: Option<&'t aho_corasick::packed::Searcher>,
) -> impl Iterator<Item = usize> + 't {
    let b = text.as_bytes();
    let found = wide.map(|ac| ac.find_iter(b).map(|m| m.start()));
    let leads = match found {
        Some(_) => None,
        None => Some(memchr::memchr3_iter(0xe3, 0xe7, 0xef, b)),
    };
    crate::text::merged(
        found
            .into_iter()
            .flatten()
            .chain(leads.into_iter().flatten()),
        memchr::memchr3_iter(b'[', b'(', b'{', b),
    )
}

/// The numbers opening at the character offsets `at` (ascending) of
/// `text`, each read from its bracket or 第; one ends where the next may
/// start.
fn numbers_from(text: &str, at: impl Iterator<Item = usize>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut skip_to = 0;
    for i in at {
        if i < skip_to {
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        if is_year_open(c) {
            // (A two-digit year, (98)12号, is as strong a clue as a
            // look-alike: only in a number's whole shape.)
            let read = bracket_year_serial(&text[i..]).or_else(|_| {
                short_year_serial(&text[i..]).map(|(rest, (y, n))| (rest, (y, n, true)))
            });
            if let Ok((rest, (year, serial, weak))) = read {
                let end = text.len() - rest.len();
                let (start, issuer) = issuer_before(text, i);
                // A year, serial or 号 read through a look-alike, or a year
                // of two digits, counts only in a number's whole shape, an
                // issuer's code before it: two characters or more, none a
                // number's own (not 对 in 对〔2〇20〕12号, nor 号至 between two
                // numbers; 南政函(98)12号, not 第(12)号 nor 见表(98)3号).
                let coded = issuer
                    .as_deref()
                    .is_some_and(|c| c.chars().nth(1).is_some() && !c.contains(['号', '號', '弓']));
                if weak && !coded {
                    continue;
                }
                out.push(Found {
                    number: DocNumber {
                        raw: text[start..end].to_owned(),
                        issuer_code: issuer,
                        year: Some(year as i32),
                        serial: Some(serial),
                    },
                    range: start..end,
                    core_start: i,
                });
                skip_to = end;
            }
        } else if c == '第' {
            if let Ok((rest, serial)) = di_hao(&text[i..]) {
                let end = text.len() - rest.len();
                let head = text[..i].trim_end_matches(is_space);
                // The 令 form: 国务院令第628号, or numbered within a year:
                // 农业农村部令2020年第5号. A bare 第N号 only counts as a
                // whole line (an order or announcement number).
                let (head, year) = match order_year(head) {
                    Some((h, y)) => (h, Some(y)),
                    None => (head, None),
                };
                // 国务院第641号令: the number written before 令.
                let (end, head) = match rest.strip_prefix('令') {
                    Some(_) if !promulgating(head) && head.ends_with(is_han) => {
                        (end + '令'.len_utf8(), head)
                    }
                    _ => (end, head),
                };
                let before_order = end > text.len() - rest.len();
                if promulgating(head) || before_order {
                    let (start, issuer) = issuer_before(text, head.len());
                    let (start, issuer) = counted_organs(text, start, head.len())
                        .map_or((start, issuer), |s| {
                            (s, Some(text[s..head.len()].to_owned()))
                        });
                    out.push(Found {
                        number: DocNumber {
                            raw: text[start..end].to_owned(),
                            issuer_code: issuer,
                            year,
                            serial: Some(serial),
                        },
                        range: start..end,
                        core_start: i,
                    });
                    skip_to = end;
                }
            }
        }
    }
    out
}

/// Where an order many organs issue together starts when its issuer names
/// the first and counts them (国家发展改革委等14部委令第39号, 某部等9部门令):
/// the code read back from the 令 at `end` stopped at `start`, at the count
/// (部委, 部门 after 等 and digits or numerals), and the first organ's name
/// (or the names of the first few, 、 between them) stands before 等.
fn counted_organs(text: &str, start: usize, end: usize) -> Option<usize> {
    let code = &text[start..end];
    let counted = ["部委", "部门", "个部委", "个部门"]
        .iter()
        .any(|w| code.starts_with(w));
    let before = &text[..start];
    let count = before.trim_end_matches(|c: char| is_digit(c) || is_cn_numeral_char(c));
    if !counted || count.len() == before.len() {
        return None;
    }
    let at = count.strip_suffix('等')?.len();
    let (first, organ) = issuer_in(text, at, true);
    organ
        .filter(|o| o.ends_with(['部', '委', '局', '署', '院', '厅', '办', '行']))
        .map(|_| first)
}

/// The words closing the issuer of a number counted by 第N号: an order
/// (国务院令第628号) or an announcement (国家税务总局公告2019年第5号).
const PROMULGATING: [&str; 3] = ["令", "公告", "通告"];

/// `head` ends with a word closing such an issuer (令, 公告, 通告).
pub fn promulgating(head: &str) -> bool {
    PROMULGATING.iter().any(|w| head.ends_with(w))
}

/// `…令2020年` → (`…令`, 2020): the year of an order (or announcement)
/// numbered within it.
fn order_year(head: &str) -> Option<(&str, i32)> {
    let h = head.strip_suffix('年')?;
    let digits = h.len() - h.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits != 4 {
        return None;
    }
    let year = h[h.len() - 4..].parse().ok()?;
    let before = &h[..h.len() - 4];
    promulgating(before).then_some((before, year))
}

/// 〔2021〕第5期: the issue number of minutes or a bulletin → (year, serial).
fn bracket_year_issue(i: &str) -> IResult<&str, (u32, u32)> {
    let (i, year) = bracket_year(i)?;
    let (i, _) = tag("第").parse(i)?;
    let (i, _) = sp(i)?;
    let (i, serial) = digits(1, 6)(i)?;
    let (i, _) = sp(i)?;
    let (i, _) = tag("期").parse(i)?;
    Ok((i, (year, serial)))
}

/// A piece of text that is only a document number (a header line), maybe
/// in brackets: 石党发〔2020〕1号, （甬政办发〔2007〕153号）, 第706号, （第38号）.
pub fn whole(s: &str) -> Option<DocNumber> {
    let t = crate::text::trim(s);
    // Every form ends with 号/號, 令 or 期, maybe in a bracket, or with a
    // signer's name after it (an ideograph): a line ending in a mark or a
    // letter (most lines end in 。，；：) is none, before any test reads it.
    if !t
        .chars()
        .next_back()
        .is_some_and(|c| crate::text::is_han(c) || is_number_close(c) || is_serial_close(c))
    {
        return None;
    }
    // A 请示's or 报告's number line names its signer on the right.
    let t = match signer_at(t).or_else(|| signer_cut(t)) {
        Some(at) if at > 0 => crate::text::trim(&t[..at]),
        _ => t,
    };
    let inner = strip_outer_paren(strip_serial_brackets(t));
    // Every form ends with 号/號 (or a reading after it: (hào)), 令 or 期: a
    // line ending otherwise (most lines) is none, before any parser reads it.
    if !inner.ends_with(['号', '號', '弓', '令', ')', '）', '期']) {
        return None;
    }
    // An order numbered within its year, under its heading: 2016年第34号.
    if let Ok((rest, (year, serial))) = (digits(4, 4), preceded(tag("年"), di_hao)).parse(inner) {
        if crate::text::trim(rest).is_empty() {
            return Some(DocNumber {
                raw: inner.to_owned(),
                issuer_code: None,
                year: Some(year as i32),
                serial: Some(serial),
            });
        }
    }
    // (An announcement's number may name its session first: 〔十五届〕第8号.)
    if let Ok((rest, serial)) = preceded(opt(session), di_hao).parse(inner) {
        if crate::text::trim(rest).is_empty() {
            return Some(DocNumber {
                raw: inner.to_owned(),
                issuer_code: None,
                year: None,
                serial: Some(serial),
            });
        }
    }
    if let Ok((rest, (year, serial))) = bracket_year_issue(inner) {
        if crate::text::trim(rest).is_empty() {
            return Some(DocNumber {
                raw: inner.to_owned(),
                issuer_code: None,
                year: Some(year as i32),
                serial: Some(serial),
            });
        }
    }
    // A number `find_all` finds ends with 号/號 (or a reading after it) or
    // with 令 (国务院第641号令): 期 ends only the forms above.
    if inner.ends_with('期') {
        return None;
    }
    // (Its year first, in brackets: (98)南政函12号.)
    if inner.starts_with(is_year_open) {
        if let Some(n) = year_first(inner) {
            return Some(n);
        }
    }
    let found = find_all(inner);
    match found.as_slice() {
        [f] if f.range.start == 0 && crate::text::trim(&inner[f.range.end..]).is_empty() => {
            Some(f.number.clone())
        }
        // A joint document's two numbers side by side, spaces between: the
        // first is the leading organ's (某办发（2010）15号　某政办发（2010）31号).
        // Issued together by two organs, of one year and one place (a list
        // of repealed numbers spans years, 石政发〔2015〕12号　石政办发〔2016〕31号;
        // one organ's two numbers are two documents).
        // (Or three or four organs' numbers so: 十财农发〔2020〕56号　十农发〔2020〕
        // 18号　十人社发〔2020〕9号.)
        [f, rest @ ..]
            if (1..=3).contains(&rest.len())
                && f.range.start == 0
                && found.windows(2).all(|w| {
                    w[0].range.end < w[1].range.start
                        && crate::text::trim(&inner[w[0].range.end..w[1].range.start]).is_empty()
                })
                && found
                    .last()
                    .is_some_and(|l| crate::text::trim(&inner[l.range.end..]).is_empty())
                && rest.iter().all(|g| joint(&f.number, &g.number))
                && rest.iter().enumerate().all(|(k, g)| {
                    rest[k + 1..]
                        .iter()
                        .all(|h| h.number.issuer_code != g.number.issuer_code)
                }) =>
        {
            Some(f.number.clone())
        }
        _ => None,
    }
}

/// Two numbers of one document two organs issue together: of one year,
/// their codes different and of one place (their first character).
pub fn joint(a: &DocNumber, b: &DocNumber) -> bool {
    let first = |n: &DocNumber| n.issuer_code.as_deref().and_then(|c| c.chars().next());
    a.year == b.year && a.issuer_code != b.issuer_code && first(a).is_some() && first(a) == first(b)
}

/// How far from a line's end a signer's note may start, in bytes.
const SIGNER_BYTES: usize = 150;

/// The words of a signer's note: the one who signs (签发人) and, on a
/// document several organs send up, those who countersign (会签人).
const SIGNER_WORDS: [&str; 4] = ["签发人", "簽發人", "会签人", "會簽人"];

/// Where a signer's note starts (签发人：王　伟, 簽發人:…, 会签人：…), when `t`
/// ends with one: a 请示 or 报告 prints it at the right of its number line,
/// or on a line of its own under the number (a 会签人 line under the
/// 签发人's).
pub fn signer_at(t: &str) -> Option<usize> {
    use crate::text;
    // The note ends with a name: a line that does not end in an ideograph
    // (most lines end in a mark, or in 号) is answered at once.
    if !t.chars().next_back().is_some_and(text::is_han) {
        return None;
    }
    // The note is at a line's end (签发人, a colon, a name of at most 20
    // characters with spaces between): its colon is the last one there,
    // found by the last byte of each colon (:, ：, ∶).
    let from = text::ceil_char_boundary(t, t.len().saturating_sub(SIGNER_BYTES));
    let mut end = t.len();
    let (colon, width) = loop {
        let i = from + memchr::memrchr3(b':', 0x9a, 0xb6, &t.as_bytes()[from..end])?;
        let mut start = i;
        while !t.is_char_boundary(start) {
            start -= 1;
        }
        match t[start..].chars().next() {
            Some(c) if text::is_colon(c) && start + c.len_utf8() == i + 1 => {
                break (start, c.len_utf8())
            }
            _ => end = start,
        }
    };
    let head = t[..colon].trim_end_matches(text::is_space);
    let word = SIGNER_WORDS.into_iter().find(|w| head.ends_with(w))?;
    let name = text::trim(&t[colon + width..]);
    let name_like =
        |c: char| text::is_han(c) || text::is_space(c) || matches!(c, '、' | '，' | ',');
    (!name.is_empty() && text::char_len(name) <= 20 && name.chars().all(name_like))
        .then_some(head.len() - word.len())
}

/// Where a 签发人 cut by a wrap inside its word starts, at the end of a
/// number line (十政办发[2021]41号　　　　签 / 发人：陈　勇): the word's head
/// (签, 签发, 签发人, or the traditional 簽…), spaces before it.
pub fn signer_cut(t: &str) -> Option<usize> {
    use crate::text;
    let t = t.trim_end_matches(text::is_space);
    let head = ["签发人", "签发", "签", "簽發人", "簽發", "簽"]
        .into_iter()
        .find(|w| t.ends_with(w))?;
    let at = t.len() - head.len();
    t[..at].ends_with(text::is_space).then_some(at)
}

/// The line under a number line completes its signer: the rest of a cut
/// 签发人 word and the name (…41号　　签 / 发人：陈　勇), or the tail of a
/// name the wrap cut (…22号 签发人:孙 绍 / 俊, two ideographs at most).
pub fn signer_rest(above: &str, t: &str) -> bool {
    use crate::text;
    let t = text::trim(t);
    if let Some(at) = signer_cut(above) {
        let head = above[at..].trim_end_matches(text::is_space);
        return signer_at(&[head, t].concat()) == Some(0);
    }
    signer_at(above).is_some()
        && !t.is_empty()
        && !t.starts_with('各')
        && t.chars().all(|c| text::is_han(c) || text::is_space(c))
        && t.chars().filter(|&c| text::is_han(c)).count() <= 2
}

/// A bracket a number may be printed in after a title or a date:
/// round, square or 【】 (`…的通知[某政办〔2013〕15号]`).
pub fn is_number_open(c: char) -> bool {
    crate::text::is_open_paren(c) || matches!(c, '[' | '［' | '【')
}

/// The closing half of [`is_number_open`].
pub fn is_number_close(c: char) -> bool {
    crate::text::is_close_paren(c) || matches!(c, ']' | '］' | '】')
}

/// The closing half of a hexagonal bracket (〕, ﹞), which closes a bare
/// serial (〔第12号〕) as it closes a year.
fn is_serial_close(c: char) -> bool {
    matches!(c, '〕' | '﹞')
}

/// A bare serial in the hexagonal brackets a year is printed in, as some
/// announcements number themselves (〔第12号〕, ﹝第3号﹞) → 第12号 trimmed;
/// anything else (〔2020〕, a code's year) is returned as it is.
pub fn strip_serial_brackets(t: &str) -> &str {
    let mut cs = t.chars();
    match (cs.next(), cs.next_back()) {
        (Some(a @ ('〔' | '﹝')), Some(b)) if is_serial_close(b) => {
            let inner = crate::text::trim(&t[a.len_utf8()..t.len() - b.len_utf8()]);
            if inner.starts_with('第') {
                inner
            } else {
                t
            }
        }
        _ => t,
    }
}

/// `t` without the brackets around it whole ((…), （…）, […], 【…】), trimmed.
pub fn strip_outer_paren(t: &str) -> &str {
    let mut cs = t.chars();
    match (cs.next(), cs.next_back()) {
        (Some(a), Some(b)) if is_number_open(a) && is_number_close(b) => {
            crate::text::trim(&t[a.len_utf8()..t.len() - b.len_utf8()])
        }
        _ => t,
    }
}

/// Re-cuts the issuer code of `f` so that it starts at or after `from`
/// (used when a title and its number are run together on one line).
pub fn reissue(text: &str, f: &Found, from: usize) -> Found {
    let mut g = f.clone();
    if from > f.range.start && from <= f.core_start {
        let issuer = crate::text::trim(&text[from..f.core_start]);
        g.range.start =
            from + (text[from..].len() - text[from..].trim_start_matches(is_space).len());
        g.number.issuer_code = if issuer.is_empty() {
            None
        } else {
            Some(issuer.to_owned())
        };
        g.number.raw = text[g.range.clone()].to_owned();
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-digit year is read in a number's whole shape only, an issuer's
    /// code before it: 9x as 199x, 0x as 200x; a clause's, a footnote's or
    /// an amount's bracketed digits are no number.
    #[test]
    fn two_digit_years() {
        let n = whole("南政函(98)12号").expect("own number");
        assert_eq!(n.issuer_code.as_deref(), Some("南政函"));
        assert_eq!((n.year, n.serial), (Some(1998), Some(12)));
        let cited = find_all(
            "废止《某办法》（南政[98]45号）、《某通知》（南政(97)第18号）和某政〔03〕7号。",
        );
        let raws: Vec<&str> = cited.iter().map(|f| f.number.raw.as_str()).collect();
        assert_eq!(raws, ["南政[98]45号", "南政(97)第18号", "某政〔03〕7号"]);
        assert_eq!(cited[2].number.year, Some(2003));
        let read: Vec<&str> = [
            "按第(12)号预算科目列支，详见附表[12]。",
            "补助资金(98)万元，另见图(98)3号。",
            "某政(12)3号",
            "(98)12号",
        ]
        .into_iter()
        .filter(|t| !find_all(t).is_empty())
        .collect();
        assert!(read.is_empty(), "{read:?}");
    }

    /// A number printed year first, the year two digits or four, is a
    /// header's whole number; a clause that opens with a bracketed number
    /// is none.
    #[test]
    fn year_first_numbers() {
        for (t, year) in [
            ("(98)南政函12号", 1998),
            ("（97）果政函23号", 1997),
            ("(1998)南政函12号", 1998),
            ("〔05〕某政发3号", 2005),
        ] {
            let n = whole(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!(n.raw, t);
            assert_eq!(n.year, Some(year), "{t}");
            assert!(n
                .issuer_code
                .as_deref()
                .is_some_and(|c| c.ends_with(['函', '发'])));
        }
        let clauses = [
            "（1）市政府3号院",
            "（12）市政府3号",
            "(98)根据某文件12号",
            "(98)某政发12号文件",
        ];
        assert_eq!(clauses.map(whole), [None, None, None, None]);
    }

    /// What [`has_hao`] promises the citation search (which skips lines
    /// without 号): every number found holds 号 or 號 after its bracket or
    /// 第 (last but for a reading: 88號(hào)), on the lines of the sample and
    /// of every constructed case.
    /// A number line with its signer on the right (a 请示's header) is the
    /// number; the signer's note alone is no number, and a sentence that
    /// names a signer is not cut.
    #[test]
    fn number_lines_with_a_signer() {
        for line in [
            "宿政〔2023〕12号　　　　　　签发人：王　伟",
            "宿政〔2023〕12号 签发人:王伟",
            "宿政〔2023〕12號　　簽發人：王偉",
            "宿政〔2023〕12号　　签发人：王伟　李明",
        ] {
            let n = whole(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(n.issuer_code.as_deref(), Some("宿政"), "{line}");
            assert_eq!((n.year, n.serial), (Some(2023), Some(12)), "{line}");
            assert!(n.raw.ends_with(['号', '號']), "{line}");
        }
        assert_eq!(signer_at("签发人：王　伟"), Some(0));
        assert_eq!(signer_at("会签人：李　勇　赵　明"), Some(0));
        assert_eq!(whole("签发人：王　伟"), None);
        assert_eq!(
            whole("宿政〔2023〕12号　　会签人：李勇").map(|n| n.raw),
            Some("宿政〔2023〕12号".into())
        );
        for line in [
            "宿政〔2023〕12号　　签发人：",
            "宿政〔2023〕12号，由签发人：王伟审核后印发。",
            "请签发人：王伟同志于3月底前审定",
        ] {
            assert_eq!(whole(line), None, "{line}");
        }
        assert_eq!(signer_at("宿政〔2023〕12号"), None);
    }

    /// A signer cut by a wrap: the number line is still the number, and the
    /// line under it completes the signer; a name's tail completes it too.
    #[test]
    fn signer_cut_by_a_wrap() {
        for l in ["宿政〔2023〕12号　　　　签", "宿政〔2023〕12号 签发"] {
            assert_eq!(
                whole(l).map(|n| n.raw),
                Some("宿政〔2023〕12号".into()),
                "{l}"
            );
        }
        assert_eq!(whole("宿政〔2023〕12号签"), None);
        assert!(signer_rest("宿政〔2023〕12号　　签", "发人：王　伟"));
        assert!(signer_rest("宿政〔2023〕12号 签发", "人:王伟"));
        assert!(!signer_rest("宿政〔2023〕12号　　签", "各县人民政府："));
        assert!(signer_rest("宿政〔2023〕12号 签发人:王 大", " 伟"));
        assert!(!signer_rest(
            "宿政〔2023〕12号 签发人:王 大",
            "各县人民政府:"
        ));
        assert!(!signer_rest("宿政〔2023〕12号", "伟"));
    }

    /// The note found by its colon's last byte in a window is the note
    /// found by reading every character, on the sample's and cases' lines
    /// and on notes after long and short lines.
    #[test]
    fn signer_found_as_by_characters() {
        fn plain(t: &str) -> Option<usize> {
            let (colon, c) = t.char_indices().rev().find(|(_, c)| text::is_colon(*c))?;
            let head = t[..colon].trim_end_matches(text::is_space);
            let word = SIGNER_WORDS.into_iter().find(|w| head.ends_with(w))?;
            let name = text::trim(&t[colon + c.len_utf8()..]);
            let ok =
                |c: char| text::is_han(c) || text::is_space(c) || matches!(c, '、' | '，' | ',');
            let fits = t.len() - (head.len() - word.len()) <= SIGNER_BYTES + word.len();
            (t.chars().next_back().is_some_and(text::is_han)
                && fits
                && !name.is_empty()
                && text::char_len(name) <= 20
                && name.chars().all(ok))
            .then_some(head.len() - word.len())
        }
        use crate::text;
        let mut lines = crate::testdata::sample_and_case_lines();
        for pad in [0, 3, 20, 45, 60] {
            let spaces = "　".repeat(pad);
            for note in [
                "签发人：王　伟",
                "簽發人:王偉",
                "签发人 ∶ 王伟、李明",
                "签发人：",
                "签发人：王伟2",
            ] {
                lines.push(format!("宿政〔2023〕12号{spaces}{note}"));
                lines.push(format!("{}{spaces}{note}", "加强组织领导".repeat(8)));
            }
        }
        let (mut found, mut none) = (0, 0);
        for l in &lines {
            let got = signer_at(l);
            assert_eq!(got, plain(l), "{l}");
            if got.is_some() {
                found += 1
            } else {
                none += 1
            }
        }
        assert!(found >= 15 && none > 1000, "{found} {none}");
    }

    #[test]
    fn every_number_found_holds_hao_after_its_bracket() {
        let mut found = 0;
        for line in &crate::testdata::sample_and_case_lines() {
            for f in find_all(line) {
                let core = &line[f.core_start..f.range.end];
                assert!(core.contains(['号', '號', '弓']), "{core}");
                found += 1;
            }
        }
        assert!(found > 100, "{found}");
    }

    /// Every bracket and 第 is where `openings` looks (checked on every
    /// character; it may look at others too).
    #[test]
    fn openings_cover_every_bracket() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if is_year_open(c) || c == '第' {
                let s = c.to_string();
                assert_eq!(openings(&s).next(), Some(0), "{c:?}");
                assert_eq!(openings_by(&s, None).next(), Some(0), "{c:?}");
            }
        }
    }

    /// Reading numbers only where a bracket or 第 may open one finds what
    /// reading from every character finds, on every line of the sample and
    /// the cases and on numbers of each form with text around them.
    #[test]
    fn openings_hold_every_bracket_and_di() {
        let pairs = [
            ("〔", "〕"),
            ("[", "]"),
            ("［", "］"),
            ("【", "】"),
            ("〖", "〗"),
            ("(", ")"),
            ("（", "）"),
            ("{", "}"),
            ("﹝", "﹞"),
            ("〈", "〉"),
        ];
        let mut lines = crate::testdata::sample_and_case_lines();
        for number in pairs
            .iter()
            .map(|(o, c)| format!("{o}2020{c}5号"))
            .chain(["第5号".to_owned()])
        {
            lines.extend([
                format!("石党发{number}"),
                format!("印发《通知》（宁政办发{number}）和国务院令{number}"),
                format!("国务院令{number}a{number}{number}"),
                format!("中华人民共和国国务院令　{number}"),
            ]);
        }
        let mut found = 0;
        for line in &lines {
            let every = numbers_from(line, line.char_indices().map(|(i, _)| i));
            let at_openings = numbers_from(line, openings(line));
            assert_eq!(at_openings, every, "{line}");
            let at_leads = numbers_from(line, openings_by(line, None));
            assert_eq!(at_leads, every, "{line}");
            found += every.len();
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn stop_words_neither_overlap_nor_hold_one_another() {
        // What lets `issuer_before` find the last cut in one scan.
        for a in STOP {
            for b in STOP.iter().filter(|b| *b != a) {
                assert!(!a.contains(b), "{a} holds {b}");
                let chars: Vec<char> = a.chars().collect();
                for k in 1..chars.len() {
                    let tail: String = chars[k..].iter().collect();
                    assert!(!b.starts_with(&tail), "{a} overlaps {b}");
                }
            }
        }
    }

    #[test]
    fn whole_numbers_end_in_hao_a_reading_or_ling() {
        assert_eq!(whole("国务院第641号令").unwrap().serial, Some(641));
        assert_eq!(whole("国办发〔2019〕5号(hào)").unwrap().serial, Some(5));
        assert_eq!(whole("  石党发〔2020〕1號　").unwrap().serial, Some(1));
        assert_eq!(whole("（第38号）").unwrap().serial, Some(38));
        // An announcement's number within its congress's session.
        for (s, raw, serial) in [
            ("〔十五届〕第8号", "〔十五届〕第8号", 8),
            ("第十五届第8号", "第十五届第8号", 8),
            ("十五届 第8号", "十五届 第8号", 8),
            ("（〔十四届〕第12号）", "〔十四届〕第12号", 12),
        ] {
            let n = whole(s).unwrap();
            assert_eq!(n.raw, raw);
            assert_eq!(
                (n.issuer_code, n.year, n.serial),
                (None, None, Some(serial))
            );
        }
        assert!(whole("〔十五届〕").is_none());
        // A bare serial in hexagonal brackets, as in round ones; a year in
        // them alone is no number.
        for s in ["〔第12号〕", "〔 第12号 〕", "﹝第12号﹞"] {
            let n = whole(s).unwrap();
            assert_eq!((n.raw.as_str(), n.serial), ("第12号", Some(12)));
        }
        assert!(whole("〔2020〕").is_none());
        assert!(whole("〔第十五届〕").is_none());
        assert!(whole("十五届人大第8号").is_none());
        assert!(whole("石党发〔2020〕1号文件").is_none());
        assert!(whole("根据石党发〔2020〕1号").is_none());
        // A joint document's two numbers: the first.
        let joint = whole("鹤办发（2010）15号　　鹤政办发（2010）31号").unwrap();
        assert_eq!(joint.issuer_code.as_deref(), Some("鹤办发"));
        assert_eq!(joint.serial, Some(15));
        assert!(whole("鹤办发（2010）15号和鹤政办发（2010）31号").is_none());
        assert!(whole("鹤办发（2010）15号、鹤政办发（2010）31号").is_none());
        assert!(whole("石政发〔2015〕12号　石政办发〔2016〕31号").is_none());
        assert!(whole("石政办发〔2021〕21号　石政办发〔2021〕22号").is_none());
        // Three organs' numbers.
        let three = whole("十财农发〔2020〕56号　十农发〔2020〕18号　十人社发〔2020〕9号").unwrap();
        assert_eq!(three.issuer_code.as_deref(), Some("十财农发"));
        assert!(whole("十财农发〔2020〕56号　十农发〔2020〕18号　十农发〔2020〕19号").is_none());
        assert!(whole("十财农发〔2020〕56号　十农发〔2020〕18号　石政发〔2020〕9号").is_none());
        // Two numbers run together: found overlapping, no joint document.
        assert!(whole("〔2020〕1号〔2021〕5号").is_none());
        assert!(whole("石党发〔2020〕1号阳政发〔2021〕5号").is_none());
    }

    #[test]
    fn an_order_issued_together_names_every_organ() {
        let (raw, code, y, n) = one("（商务部、公安部、工商总局、税务总局令2005年第2号）");
        assert_eq!(raw, "商务部、公安部、工商总局、税务总局令2005年第2号");
        assert_eq!(
            (code.as_deref(), y, n),
            (
                Some("商务部、公安部、工商总局、税务总局令"),
                Some(2005),
                Some(2)
            )
        );
        assert_eq!(
            one("严格执行国家发展改革委、商务部令第36号").0,
            "国家发展改革委、商务部令第36号"
        );
        assert_eq!(
            one("（商务部 国家发展改革委令2014年第4号）").0,
            "商务部 国家发展改革委令2014年第4号"
        );
        assert_eq!(one("的通知 公安部令第124号").0, "公安部令第124号");
        assert_eq!(
            one("1 市交通运输局 交通运输部令2016年第35号").0,
            "交通运输部令2016年第35号"
        );
        assert_eq!(one("市公安局　　　公安部令第124号").0, "公安部令第124号");
        let six =
            "（交通运输部 工业和信息化部 公安部 商务部 市场监管总局 国家网信办令2016年第60号）";
        assert_eq!(one(six).0, &six[3..six.len() - 3]);
        // Not a list before it that names no organ, nor a number's code.
        assert_eq!(one("加强监管、公安部令第124号").0, "公安部令第124号");
        // A preposition citing the order stands before its organ.
        for (t, raw) in [
            (
                "2020年6月12日以浙江省人民政府令第381号公布",
                "浙江省人民政府令第381号",
            ),
            ("已按国务院令第628号执行", "国务院令第628号"),
            ("经省政府令第219号修改", "省政府令第219号"),
            ("由公安部令第124号规定", "公安部令第124号"),
            ("以湖北省人民政府第218号令公布", "湖北省人民政府第218号令"),
            ("根据依兰县人民政府令第3号", "依兰县人民政府令第3号"),
            ("信息的披露另按国务院令第711号执行", "国务院令第711号"),
            ("根据经济和信息化部令第5号", "经济和信息化部令第5号"),
        ] {
            assert_eq!(one(t).0, raw);
        }
        assert_eq!(one("规范管理、石政发〔2020〕3号").0, "石政发〔2020〕3号");
    }

    #[test]
    fn issuer_after_the_last_stop_word() {
        let t = "根据市委文件和市政府办发〔2020〕3号";
        let at = t.find('〔').unwrap();
        assert_eq!(issuer_before(t, at).1.as_deref(), Some("市政府办发"));
        // 和 before an order's organ of its own parts the two.
        assert_eq!(
            one("按照《某办法》的规定和湖北省人民政府令第366号执行").0,
            "湖北省人民政府令第366号"
        );
        for whole in ["呼和浩特市人民政府令第98号", "沈阳市和平区人民政府令第2号"]
        {
            assert_eq!(one(&format!("（{whole}）")).0, whole);
            assert_eq!(one(&format!("根据{whole}")).0, whole);
        }
        assert_eq!(
            one("依据《某条例》和省政府令第219号有关规定").0,
            "省政府令第219号"
        );
        for whole in [
            "人力资源和社会保障部令第5号",
            "某省人民政府和省军区令第3号",
            "中央军委和国务院令第316号",
            "某市绿化和市容管理局令第1号",
        ] {
            assert_eq!(one(whole).0, whole);
        }
        let t = "中华人民共和国主席令第3号";
        assert_eq!(
            issuer_before(t, t.find('第').unwrap()).1.as_deref(),
            Some("中华人民共和国主席令")
        );
        let t = "印发的〔2020〕3号";
        assert_eq!(
            issuer_before(t, t.find('〔').unwrap()),
            (t.find('〔').unwrap(), None)
        );
        // 日 ends a date's day, not a code that opens with it.
        for (t, code) in [
            ("日政办发〔2021〕5号", "日政办发"),
            ("（日政字〔2020〕31号）", "日政字"),
            ("2021年3月5日日政发〔2021〕2号", "日政发"),
            ("2021年3月5日市政府发〔2021〕2号", "市政府发"),
            ("三月五日市政府发〔2021〕2号", "市政府发"),
        ] {
            let at = t.find('〔').unwrap();
            assert_eq!(issuer_before(t, at).1.as_deref(), Some(code), "{t}");
        }
    }

    /// Digits an OCR export spaced apart inside the year or the serial
    /// (ASCII or full-width) are read as one number; the raw form keeps
    /// the spaces.
    #[test]
    fn digits_spaced_apart() {
        for (t, year, serial) in [
            ("鹰府办字〔2 0 2 1〕1 8号", 2021, 18),
            ("临府办字〔2019〕2   7号", 2019, 27),
            ("某政发〔２ ０２１〕１ ８号", 2021, 18),
            ("某政发〔2 021〕18号", 2021, 18),
        ] {
            let n = whole(t).expect(t);
            assert_eq!(
                (n.raw.as_str(), n.year, n.serial),
                (t, Some(year), Some(serial))
            );
        }
        let found = find_all("根据（赣府厅字〔2021〕2 1号）要求");
        assert_eq!(found[0].number.raw, "赣府厅字〔2021〕2 1号");
        // Three digits of a year, or a serial's digits parted by a word, are none.
        assert_eq!(whole("某政发〔2 02〕1号"), None);
        assert!(find_all("某政发〔2021〕1 至 8号").is_empty());
    }

    /// A number that lost its 号 is read as a whole text only (a header's
    /// line), or whole inside the round brackets right after a 《title》.
    #[test]
    fn numbers_that_lost_their_hao() {
        for (t, code, year, serial) in [
            ("保政发〔2020〕4", "保政发", 2020, 4),
            ("  昭政发(2021)18 ", "昭政发", 2021, 18),
            ("某政办［２０２０］１２", "某政办", 2020, 12),
            ("某政发（2020）4", "某政发", 2020, 4),
        ] {
            let n = unmarked(t).expect(t);
            assert_eq!(
                (n.issuer_code.as_deref(), n.year, n.serial),
                (Some(code), Some(year), Some(serial)),
                "{t}"
            );
            assert_eq!(n.raw, t.trim());
        }
        for t in [
            "根据某政发〔2020〕4",
            "某政发〔2020〕4号",
            "某政发〔2020〕4文件",
            "发〔2020〕4",
            "〔2020〕4",
            "某政发〔20〕4",
            "某政发〔2020〕",
        ] {
            assert_eq!(unmarked(t), None, "{t}");
        }
        let raws = |t: &str| -> Vec<String> {
            unmarked_cited(t)
                .into_iter()
                .map(|f| {
                    assert_eq!(&t[f.range.clone()], f.number.raw);
                    assert!(t[f.core_start..].starts_with(is_year_open));
                    f.number.raw
                })
                .collect()
        };
        assert_eq!(
            raws("根据《某省规定》（云政办发〔2020〕40）要求"),
            ["云政办发〔2020〕40"]
        );
        assert_eq!(raws("《某省规定》（云政发（2020）4）"), ["云政发（2020）4"]);
        for t in [
            "《某省规定》（2020年修订）",
            "《某省规定》（云政发〔2020〕40等）",
            "某省规定（云政发〔2020〕40）",
            "《某省规定》（根据云政发〔2020〕40）",
        ] {
            assert!(raws(t).is_empty(), "{t}");
        }
    }

    /// 和, 与 or 及 opening a code with nothing before it to join is the
    /// code's first character (和县's 和发); after text, a conjunction.
    #[test]
    fn a_conjunction_opening_a_code() {
        for (t, code) in [
            ("和发〔2022〕7号", "和发"),
            ("（和发〔2022〕3号）", "和发"),
            ("的实施意见》和发〔2022〕3号", "和发"),
            ("《某意见》和国发〔2020〕3号", "国发"),
            ("某规定和国发〔2020〕3号", "国发"),
            ("（与国发〔2019〕9号文件同步实施）", "国发"),
            ("（及甘政办发〔2020〕9号）", "甘政办发"),
            ("与办〔2021〕2号", "与办"),
        ] {
            assert_eq!(one(t).1.as_deref(), Some(code), "{t}");
        }
    }

    /// An order many organs issue together, the first named and the rest
    /// counted: the issuer runs back to the first organ's name.
    #[test]
    fn an_order_counting_its_organs() {
        for (t, raw) in [
            (
                "《某平台管理暂行办法》（国家发展改革委等14部委令第39号）",
                "国家发展改革委等14部委令第39号",
            ),
            ("根据财政部等9部门令第5号", "财政部等9部门令第5号"),
            (
                "（国家发展改革委、财政部等十部门令第2号）",
                "国家发展改革委、财政部等十部门令第2号",
            ),
        ] {
            let (r, code, _, _) = one(t);
            assert_eq!(r, raw, "{t}");
            let order = &raw[..raw.rfind('令').unwrap_or(0) + '令'.len_utf8()];
            assert_eq!(code.as_deref(), Some(order), "{t}");
        }
        // A count after words that name no organ: the order as before.
        assert_eq!(one("共14部门令第1号").0, "部门令第1号");
    }

    /// The head of a letter-spaced code at a line's end, a wrap having cut
    /// the code: where it starts; a word after a space is none.
    #[test]
    fn spaced_code_heads() {
        assert_eq!(spaced_head("行动的通知巴 政 办 "), Some("行动的通知".len()));
        assert_eq!(spaced_head("巴 政 办"), Some(0));
        assert_eq!(spaced_head("行动的通知"), None);
        assert_eq!(spaced_head("行动的通知 政"), None);
    }

    /// A code printed letter-spaced is read whole, without its spaces; its
    /// first ideograph may be run into the title before it. A lone
    /// ideograph, or one after a word, is no spaced code.
    #[test]
    fn letter_spaced_codes() {
        for (t, raw, code) in [
            (
                "乌 政 办 发 〔 2022 〕 7 号",
                "乌 政 办 发 〔 2022 〕 7 号",
                "乌政办发",
            ),
            ("东 府 办 [2022] 3 号", "东 府 办 [2022] 3 号", "东府办"),
            (
                "工作的通知乌 政 办 字 〔2022〕 8 号各镇人民政府:",
                "乌 政 办 字 〔2022〕 8 号",
                "乌政办字",
            ),
            (
                "依据 东 府 报 ( 2022 ) 5 号",
                "东 府 报 ( 2022 ) 5 号",
                "东府报",
            ),
            ("的通知 发〔2022〕4号", "发〔2022〕4号", "发"),
            ("有关通知国 发〔2022〕4号", "发〔2022〕4号", "发"),
            ("见 发〔2022〕4号", "发〔2022〕4号", "发"),
            ("和 政 发〔2022〕4号", "政 发〔2022〕4号", "政发"),
        ] {
            let (r, c, y, n) = one(t);
            assert_eq!((r.as_str(), c.as_deref()), (raw, Some(code)), "{t}");
            assert_eq!((y, n.is_some()), (Some(2022), true), "{t}");
        }
        let n = whole("东 府 报 ( 2022 ) 5 号          签发人:李 明").unwrap();
        assert_eq!(n.issuer_code.as_deref(), Some("东府报"));
        // Spaced only around the year: as before.
        assert_eq!(one("东办发 (2022) 9 号").1.as_deref(), Some("东办发"));
    }

    fn one(s: &str) -> (String, Option<String>, Option<i32>, Option<u32>) {
        let f = find_all(s);
        let n = &f[0].number;
        (n.raw.clone(), n.issuer_code.clone(), n.year, n.serial)
    }

    #[test]
    fn an_organ_or_a_lead_in_before_a_cited_code() {
        for (t, code) in [
            ("根据自治区党委新党发[2002]5号文件", "新党发"),
            ("精神和州委巴党发[2002]8号文件", "巴党发"),
            ("精神，按新政发[2001]47号文件执行", "新政发"),
            ("地委、行署哈地发[2001]12号", "哈地发"),
            ("根据省委鄂发〔2005〕3号", "鄂发"),
            ("依据国务院国发〔2019〕9号", "国发"),
            ("经湘政发〔2020〕3号批准", "湘政发"),
            // (The organ's word or the lead-in opens the code itself.)
            ("根据市委办发〔2020〕3号", "市委办发"),
            ("根据州委发〔2020〕3号", "州委发"),
            ("根据县委组发〔2020〕3号", "县委组发"),
            ("依政发〔2020〕3号", "依政发"),
            ("渝委发〔2020〕3号", "渝委发"),
            ("经开发〔2020〕3号", "经开发"),
        ] {
            assert_eq!(one(t).1.as_deref(), Some(code), "{t}");
        }
    }

    #[test]
    fn a_standing_committees_announcement_named_whole() {
        for (t, code) in [
            (
                "（阿坝藏族羌族自治州人民代表大会常务委员会公告第24号）",
                "阿坝藏族羌族自治州人民代表大会常务委员会公告",
            ),
            (
                "（全国人民代表大会常务委员会公告第20号）",
                "全国人民代表大会常务委员会公告",
            ),
            // (A heading: the code capped as before, the title before it.)
            (
                "黔南布依族苗族自治州人民代表大会常务委员会公告 第8号",
                "州人民代表大会常务委员会公告",
            ),
            ("已以州人大常委会公告第24号公布", "州人大常委会公告"),
            (
                "，本条例已经某某自治州人民代表大会常务委员会公告第24号公布",
                "某某自治州人民代表大会常务委员会公告",
            ),
            ("依安县人大常委会公告第3号", "依安县人大常委会公告"),
        ] {
            assert_eq!(one(t).1.as_deref(), Some(code), "{t}");
        }
    }

    #[test]
    fn every_bracket_form() {
        for s in [
            "石党发〔2020〕1号",
            "石党发[2020]1号",
            "石党发(2020)1号",
            "石党发【2020】1号",
            "石党发（２０２０）１号",
            "石党发 〔2020〕 1 号",
            "石党发［2020］1號",
            "石党发〈2020〉1号",
        ] {
            let (_, code, y, n) = one(s);
            assert_eq!(
                (code.as_deref(), y, n),
                (Some("石党发"), Some(2020), Some(1)),
                "{s}"
            );
        }
    }

    /// An OCR's O for 0 is read inside the year's brackets, as a year of
    /// 1900 to 2099 only; the raw text keeps it.
    #[test]
    fn letter_o_in_a_year() {
        for (s, year) in [
            ("沧政办字〔2O21〕27号", 2021),
            ("沧政办字〔2o2o〕27号", 2020),
            ("沧政办字〔１９９Ｏ〕27号", 1990),
        ] {
            let (raw, code, y, n) = one(s);
            assert_eq!(
                (raw.as_str(), code.as_deref(), y, n),
                (s, Some("沧政办字"), Some(year), Some(27)),
                "{s}"
            );
        }
        // (Not a year's reading: 〔OO21〕, 〔2O2〕, letters outside brackets.)
        for s in ["某政发〔OO21〕3号", "某政发〔2O2〕3号", "某政发〔2OK1〕3号"] {
            assert!(find_all(s).is_empty(), "{s}");
        }
    }

    /// An OCR's damage inside a number's shape: 〇 for 0 in the year, a
    /// letter in the serial, 弓 for 号; the raw text as written. Without an
    /// issuer's code, or outside the brackets' shape, nothing is read so.
    #[test]
    fn ocr_look_alikes_in_a_number() {
        for (s, year, serial) in [
            ("伊市政办发〔2020〕12弓", 2020, 12),
            ("伊市政办发〔2020〕12 弓", 2020, 12),
            ("伊市政办发【2020】12弓", 2020, 12),
            ("伊市政办发〔2〇20〕12号", 2020, 12),
            ("伊市政办发〔2○20〕12号", 2020, 12),
            ("库政发〔2021〕1O号", 2021, 10),
            ("库政函〔2021〕3 O号", 2021, 30),
            ("贺政办函〔2022〕2l号", 2022, 21),
            ("某政发〔2020〕l2号", 2020, 12),
            ("某政发〔2020〕I2号", 2020, 12),
        ] {
            let n = whole(s).expect(s);
            assert_eq!(
                (n.raw.as_str(), n.year, n.serial),
                (s, Some(year), Some(serial)),
                "{s}"
            );
        }
        let found = find_all("根据《某通知》（伊州政办发〔2019〕23弓）要求");
        assert_eq!(found[0].number.raw, "伊州政办发〔2019〕23弓");
        // No serial of letters alone, no 弓 without a code, no 弓箭.
        for s in [
            "某政发〔2020〕O号",
            "某政发〔2020〕l号",
            "〔2020〕12弓",
            "每队限报12弓",
            "（2020）1O号",
            "〔2〇20〕12号",
            "对〔2〇20〕12号至〔2〇21〕30号案卷",
        ] {
            assert!(find_all(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn announcements_and_orders_written_before_ling() {
        let (raw, code, y, n) = one("根据国家税务总局公告2019年第5号规定");
        assert_eq!(
            (raw.as_str(), code.as_deref(), y, n),
            (
                "国家税务总局公告2019年第5号",
                Some("国家税务总局公告"),
                Some(2019),
                Some(5)
            )
        );
        let (raw, _, _, n) = one("《城镇排水与污水处理条例》（国务院第641号令）");
        assert_eq!((raw.as_str(), n), ("国务院第641号令", Some(641)));
        assert!(find_all("这是第3号").is_empty());
    }

    #[test]
    fn an_order_numbered_within_its_year() {
        let n = whole("2016年第34号").unwrap();
        assert_eq!(
            (n.year, n.serial, n.issuer_code),
            (Some(2016), Some(34), None)
        );
        assert!(whole("2016年第34号文件").is_none());
    }

    #[test]
    fn a_mirrored_page_with_readings() {
        let (raw, code, y, n) = one("（閩政辦〔2021〕12號(hào)）精神");
        assert_eq!(
            (raw.as_str(), code.as_deref(), y, n),
            (
                "閩政辦〔2021〕12號(hào)",
                Some("閩政辦"),
                Some(2021),
                Some(12)
            )
        );
        assert_eq!(
            whole("榕政辦〔2021〕88號(hào)").and_then(|d| d.serial),
            Some(88)
        );
    }

    #[test]
    fn citations_from_the_sample() {
        assert_eq!(
            one("《关于深化改革加强食品安全工作的实施意见》(宁党发〔2020〕4号)精神").0,
            "宁党发〔2020〕4号"
        );
        assert_eq!(one("(宁政办发〔2020年〕42号)精神").2, Some(2020));
        let (raw, code, y, n) = one("《殡葬管理条例》(国务院令第628号)、");
        assert_eq!(
            (raw.as_str(), code.as_deref(), y, n),
            ("国务院令第628号", Some("国务院令"), None, Some(628))
        );
        let (raw, code, _, n) = one("(宁夏回族自治区人民政府令〔2000〕第25号)");
        assert_eq!(
            (raw.as_str(), code.as_deref(), n),
            (
                "宁夏回族自治区人民政府令〔2000〕第25号",
                Some("宁夏回族自治区人民政府令"),
                Some(25)
            )
        );
        assert_eq!(
            one("根据宁党发〔2020〕4号文件").1.as_deref(),
            Some("宁党发")
        );
        let (raw, code, _, n) =
            one("根据《城市房地产开发经营管理规定》（住房和城乡建设部令第11号）");
        assert_eq!(
            (raw.as_str(), code.as_deref(), n),
            (
                "住房和城乡建设部令第11号",
                Some("住房和城乡建设部令"),
                Some(11)
            )
        );
        // The verbs that cite a bare number end the code too.
        for t in [
            "要认真贯彻落实国发〔2012〕2号文件精神",
            "全面完成国发〔2012〕2号文件确定的任务",
            "结合国发〔2012〕2号要求",
            "经对照国发〔2012〕2号",
        ] {
            assert_eq!(one(t).1.as_deref(), Some("国发"), "{t}");
        }
        assert!(find_all("2020年12月底前完成").is_empty());
        assert!(find_all("〔责任单位:各县区〕").is_empty());
    }

    #[test]
    fn header_lines() {
        assert_eq!(whole("  石党发〔2020〕1号").unwrap().serial, Some(1));
        assert_eq!(
            whole("（甬政办发〔2007〕153号）")
                .unwrap()
                .issuer_code
                .as_deref(),
            Some("甬政办发")
        );
        assert_eq!(whole("第706号").unwrap().serial, Some(706));
        assert_eq!(whole("（第38号）").unwrap().serial, Some(38));
        assert_eq!(whole("第九十号").unwrap().serial, Some(90));
        let n = whole("〔2021〕第5期").unwrap();
        assert_eq!(
            (n.year, n.serial, n.issuer_code),
            (Some(2021), Some(5), None)
        );
        assert!(whole("根据石党发〔2020〕1号文件精神").is_none());
    }

    #[test]
    fn title_run_into_number() {
        let t = "重点任务分工方案的通知石党发〔2020〕41号各县区党委";
        let f = &find_all(t)[0];
        let at = t.find("石党发").unwrap();
        let g = reissue(t, f, at);
        assert_eq!(g.number.raw, "石党发〔2020〕41号");
        assert_eq!(g.number.issuer_code.as_deref(), Some("石党发"));
    }
}
