//! Deadlines (完成时限): what a raw time-limit value such as `2021年6月底前` or `长期坚持` means.
//! This module owns the periods a deadline can name (a day, a month and its 旬, a quarter, a
//! half year, a season, a year, a range) and the rule that turns them into a due date:
//!
//! **`due` is the last day that the first period named allows.** `2020年12月` → 2020-12-31,
//! `2021年6月底前` → 2021-06-30, `2020年4月30日前完成` → 2020-04-30, and in
//! `2020年12月底前基本完成排查,2021年6月底前基本完成整治` only the first period counts
//! (2020-12-31). A *range* (`2020年5月—6月`, `2020年5月至9月`, `2020—2022年`) is one period
//! that runs to its end, so its due date is the end of the range (2020-06-30). A period with no
//! year (`年底前`, `3月底前`, `上半年`) takes the document's year; without one `due` is `None`.
//! Open-ended wording (`长期坚持`, `持续推进`, `常态化`) is `ongoing` when no period is named.

use std::sync::LazyLock;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::combinator::opt;
use nom::sequence::terminated;
use nom::{IResult, Parser};
use serde::Serialize;

use super::date::{is_zero_letter, mend_ocr_digits, Date};
use super::numeral::{cn_number, digit_value, is_cn_numeral_char};

/// What kind of period a deadline names. Serialised in snake_case (`month_end`, `ten_days`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// A day: `2020年4月30日前完成`.
    Day,
    /// A 旬 or the start/middle of a month: `2020年6月中旬` (due the 20th), `6月上旬` (10th).
    TenDays,
    /// A whole month or its end: `2020年12月`, `2021年6月底前`, `6月下旬`.
    MonthEnd,
    /// A quarter: `第三季度`, `一季度`.
    Quarter,
    /// A half year: `上半年`, `2021年下半年`.
    HalfYear,
    /// A season: `2020年秋季` (春 ends 5-31, 夏 8-31, 秋 11-30, 冬 the next February's end).
    Season,
    /// A whole year or its end: `2020年底前`, `年底`, `2020年`.
    YearEnd,
    /// A range of days, months or years; due at its end: `2020年5月—6月`.
    Range,
    /// Open-ended: `长期坚持`, `持续推进`, `常态化`.
    Ongoing,
    /// A period that comes round again: `每季度`, `每月`, `每年12月底前` (no single `due`).
    Recurring,
    /// Nothing recognisable.
    Unparsed,
}

/// A parsed 完成时限 value. `raw` is the text as written; `due` is ISO (`2020-12-31`).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Deadline {
    pub raw: String,
    pub due: Option<String>,
    pub ongoing: bool,
    pub kind: DeadlineKind,
}

/// Folds the raw value into a matching form: full-width digits to ASCII, traditional to
/// simplified characters for the words we look for, Chinese numerals before 年/月/日/号/季 to
/// digits, dashes and 至/到/~ to `-`, whitespace removed; an OCR's letters for digits mended first
/// ([`mend_ocr_digits`]: 2021年1O月). Used only for matching.
fn fold(raw: &str) -> String {
    let mended = mend_ocr_digits(raw);
    let raw = mended.as_deref().unwrap_or(raw);
    let mut chars: Vec<char> = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '長' => '长',
            '堅' => '坚',
            '續' => '续',
            '進' => '进',
            '態' => '态',
            '執' => '执',
            '開' => '开',
            '內' => '内',
            '當' => '当',
            '號' => '号',
            '經' => '经',
            '終' => '终',
            '週' => '周',
            '後' => '后',
            '隨' => '随',
            '時' => '时',
            '動' => '动',
            '實' => '实',
            '現' => '现',
            '—' | '–' | '－' | '~' | '～' | '〜' | '至' | '到' | '―' | '─' => '-',
            c => match digit_value(c) {
                Some(d) => char::from_digit(d, 10).unwrap_or(c),
                None => c,
            },
        })
        .collect();
    if raw.contains(['元', '曰', '+']) {
        mend_stand_ins(&mut chars);
    }
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_cn_numeral_char(c) || (is_zero_letter(c) && i > 0 && is_cn_numeral_char(chars[i - 1]))
        {
            let start = i;
            // (A digit 0 typed for 〇 inside a year in numerals: 二00四年.)
            while i < chars.len()
                && (is_cn_numeral_char(chars[i]) || is_zero_letter(chars[i]) || chars[i] == '0')
            {
                i += 1;
            }
            let typed_zero = chars[start..i].contains(&'0');
            let run: String = chars[start..i]
                .iter()
                .map(|&c| {
                    if is_zero_letter(c) || c == '0' {
                        '〇'
                    } else {
                        c
                    }
                })
                .collect();
            let next = chars.get(i).copied();
            let converts = if typed_zero {
                next == Some('年')
            } else {
                matches!(next, Some('年' | '月' | '日' | '号' | '季'))
                    || next == Some('-') && ends_range(&chars[i + 1..])
            };
            match cn_number(&run).filter(|_| converts) {
                Some(n) => out.push_str(&n.to_string()),
                None => chars[start..i].iter().for_each(|&c| out.push(c)),
            }
            continue;
        }
        if c == '-' && out.ends_with('-') {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    if out.contains(['.', '/', '．', '-']) {
        out = numeric_dates(&out);
    }
    out
}

/// What a numeral before a range's dash shares the unit of (the `四` of
/// `四至五月`, folded `四-五月`): a number in numerals or figures, then 月 or
/// 年, opens what follows the dash.
fn ends_range(after_dash: &[char]) -> bool {
    let n = after_dash
        .iter()
        .take_while(|&&c| c.is_ascii_digit() || is_cn_numeral_char(c))
        .count();
    n > 0 && matches!(after_dash.get(n), Some('月' | '年'))
}

/// Characters written or recognised for others in a date, mended in a
/// value's characters (once mapped) for matching: 元月 is the first month
/// (`2005年元月底前`, not after a number: 500元月…), OCR's 曰 closes a day
/// after a number (`2021年9月15曰前`), and its `+` for 十 stands between
/// a date's words and numerals (`2020年+月底前`, `二+日`).
fn mend_stand_ins(chars: &mut [char]) {
    let number = |c: Option<&char>| c.is_some_and(|&c| c.is_ascii_digit() || is_cn_numeral_char(c));
    for i in 0..chars.len() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        let next = chars.get(i + 1);
        let mended = match chars[i] {
            '元' if next == Some(&'月') && !number(prev) => '1',
            '曰' if number(prev) => '日',
            '+' if (number(prev) && !prev.is_some_and(char::is_ascii_digit)
                || matches!(prev, Some('年' | '月')))
                && (matches!(next, Some('月' | '日' | '号'))
                    || number(next) && !next.is_some_and(char::is_ascii_digit)) =>
            {
                '十'
            }
            c => c,
        };
        chars[i] = mended;
    }
}

/// Dates written in figures (2021.12, 2021.9.30, 2023/12, 2023-12-31) as
/// the period patterns read them (2021年12月, 2021年9月30日). A year
/// range (2020-2022年) is left: four figures follow its dash.
fn numeric_dates(s: &str) -> String {
    let b = s.as_bytes();
    let digits_at = |at: usize| b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    let is_sep = |at: usize| {
        b.get(at).is_some_and(|c| matches!(c, b'.' | b'/' | b'-'))
            || b.get(at..at + 3) == Some("．".as_bytes())
    };
    let sep_len = |at: usize| if b[at] < 0x80 { 1 } else { 3 };
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < b.len() {
        let fresh = i == 0 || !b[i - 1].is_ascii_digit();
        if fresh && digits_at(i) == 4 && is_sep(i + 4) {
            let m_at = i + 4 + sep_len(i + 4);
            let m_len = digits_at(m_at);
            let month = s[m_at..m_at + m_len].parse::<u32>().unwrap_or(0);
            if (1..=2).contains(&m_len) && (1..=12).contains(&month) {
                let mut end = m_at + m_len;
                let mut day = None;
                if is_sep(end) && b[end] == b[i + 4] {
                    let d_at = end + sep_len(end);
                    let d_len = digits_at(d_at);
                    let d = s[d_at..d_at + d_len].parse::<u32>().unwrap_or(0);
                    if (1..=2).contains(&d_len) && (1..=31).contains(&d) {
                        day = Some(d);
                        end = d_at + d_len;
                    }
                }
                out.push_str(&s[i..i + 4]);
                out.push('年');
                out.push_str(&month.to_string());
                out.push('月');
                if let Some(d) = day {
                    out.push_str(&d.to_string());
                    out.push('日');
                }
                i = end;
                continue;
            }
        }
        let c = s[i..].chars().next().unwrap_or_default();
        out.push(c);
        i += c.len_utf8().max(1);
    }
    out
}

/// Year part shared by the period patterns: `2020年`, `2020年度`, `今年`/`本年`/`当年`/`明年`/`次年`.
#[cfg_attr(not(test), allow(dead_code))]
const YEAR: &str = r"(?:(?:(?P<y>\d{4})|(?P<rel>今|本|当|明|次))年度?)";

/// A period pattern and what it cannot match without: a value lacking one
/// of those characters is not read by it.
struct Period {
    /// The pattern as a regular expression (`YEAR` standing for the year
    /// part), anchored at the start: what `read` parses, and the tests'
    /// reference for it.
    #[cfg_attr(not(test), allow(dead_code))]
    pattern: &'static str,
    /// The nom grammar of the pattern, at the start of a text.
    read: for<'s> fn(&'s str) -> Option<Caps<'s>>,
    needs: fn(Literals) -> bool,
}

impl Period {
    /// The pattern's match at the start of `s`, whose value holds `has`.
    fn captures<'s>(&self, s: &'s str, has: Literals) -> Option<Caps<'s>> {
        if (self.needs)(has) {
            (self.read)(s)
        } else {
            None
        }
    }
}

/// What a period pattern read at the start of a text: the length of the
/// match and its named parts (as in the pattern).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Caps<'s> {
    len: usize,
    y: Option<&'s str>,
    rel: Option<&'s str>,
    m: Option<&'s str>,
    d: Option<&'s str>,
    y2: Option<&'s str>,
    m2: Option<&'s str>,
    d2: Option<&'s str>,
    q: Option<&'s str>,
    h: Option<&'s str>,
    /// The group `s` (a season).
    season: Option<&'s str>,
    e: Option<&'s str>,
    init: Option<&'s str>,
}

/// The characters a value holds among those the period patterns need.
#[derive(Debug, Clone, Copy)]
struct Literals {
    /// 月 (days, months and their ranges)
    yue: bool,
    /// 日 or 号 (days)
    ri: bool,
    /// `-` (ranges, once folded)
    dash: bool,
    /// 年 (year ranges, a year's end, a year)
    nian: bool,
    /// 半 (half years)
    ban: bool,
    /// 季 (quarters, seasons)
    ji: bool,
}

impl Literals {
    fn of(s: &str) -> Literals {
        Literals {
            yue: s.contains('月'),
            ri: s.contains(['日', '号']),
            dash: s.contains('-'),
            nian: s.contains('年'),
            ban: s.contains('半'),
            ji: s.contains('季'),
        }
    }
}

/// A period pattern: its regular expression, its nom grammar, and what a
/// value must hold for it to match.
macro_rules! period {
    ($pattern:expr, $read:expr, $needs:expr) => {
        Period {
            pattern: $pattern,
            read: $read,
            needs: $needs,
        }
    };
}

/// A range of days: `2020年5月10日-6月30日` (folded from `2020年5月10日—6月30日`).
static DAY_RANGE: Period = period!(
    r"YEAR?(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]-(?:(?P<y2>\d{4})年)?(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号]",
    grammar::day_range,
    |h| h.yue && h.ri && h.dash
);
/// A day: `2020年4月30日前完成`, `4月30日前`.
static DAY: Period = period!(
    r"YEAR?(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]",
    grammar::day,
    |h| h.yue && h.ri
);
/// A range of months: `2020年5月-6月`, `2020年5月-9月` (from 至), `5-6月`, `2020年12月-2021年6月`.
static MONTH_RANGE: Period = period!(
    r"YEAR?(?P<m>\d{1,2})(?:月(?:份|底|末)?)?-(?:(?P<y2>\d{4})年)?(?P<m2>\d{1,2})月",
    grammar::month_range,
    |h| h.yue && h.dash
);
/// A range from a month to a year whole: `2022年9月-2024年` (from 至).
static MONTHS_TO_YEAR: Period = period!(
    r"YEAR?(?P<m>\d{1,2})月(?:份|底|末)?-(?P<y2>\d{4})年",
    grammar::months_to_year,
    |h| h.yue && h.nian && h.dash
);
/// What opens a part of a year after it (春节, 一季度, 上半年, 第三季度, 6月):
/// a range to such a part is no range to the year whole.
const YEAR_PARTS: [char; 17] = [
    '春', '夏', '秋', '冬', '上', '下', '第', '一', '二', '三', '四', '1', '2', '3', '4', '元',
    '国',
];
/// A range of years: `2020-2022年`, `2020年-2022年`, to a month of the
/// last: `2021年-2022年6月`.
static YEAR_RANGE: Period = period!(
    r"(?P<y>\d{4})年?-(?P<y2>\d{4})年(?:(?P<m2>\d{1,2})月)?",
    grammar::year_range,
    |h| h.nian && h.dash
);
/// A month with an optional qualifier: `2020年12月`, `2021年6月底前`, `6月中旬`,
/// and the typo `2020年12月前底` (sample line 1116).
static MONTH: Period = period!(
    r"YEAR?(?P<m>\d{1,2})月(?P<q>上旬|中旬|下旬|前底|底|末|初|中|份|低)?",
    grammar::month,
    |h| h.yue
);
/// A half year: `上半年`, `2021年下半年`.
static HALF: Period = period!(r"YEAR?(?P<h>上|下)半年", grammar::half, |h| h.ban);
/// A quarter: `第三季度` (folded to `第3季度`), `一季度`, `2021年第4季`; its 度
/// is part of it.
static QUARTER: Period = period!(r"YEAR?第?(?P<q>[1-4])季度?", grammar::quarter, |h| h.ji);
/// A season: `2020年秋季`.
static SEASON: Period = period!(r"YEAR?(?P<s>春|夏|秋|冬)季", grammar::season, |h| h.ji);
/// A year's end: `2020年底`, `2020年年底前`, `年底前`, `年末`, `今年底`.
static YEAR_END: Period = period!(
    r"(?:YEAR年?|年)(?P<e>底|末|终)",
    grammar::year_end,
    |h| h.nian
);
/// A year on its own: `2020年`, `2020年内`, `今年内`, `年内`, `全年` (the
/// document's year, whole); `2021年初` is vague.
static YEAR_ONLY: Period = period!(
    r"(?:YEAR|年内|全年)(?P<init>初)?",
    grammar::year_only,
    |h| h.nian
);

/// The nom grammars of the period patterns, one function each, read as
/// their regular expressions: every repeat and optional part is greedy, and
/// where the expression would back off one (a shorter digit run, an
/// optional part left out) the next part could not match either, so none
/// is needed. `tests::grammars_read_as_the_patterns` compares them.
mod grammar {
    use super::*;

    type R<'s, T> = IResult<&'s str, T>;
    type E<'s> = nom::error::Error<&'s str>;
    /// A year part as read: (y, rel).
    type Year<'s> = (Option<&'s str>, Option<&'s str>);

    /// The word `w`: `tag` with the error type fixed, so that parts whose
    /// errors are dropped need no annotation.
    fn t<'s>(w: &'static str) -> impl Parser<&'s str, Output = &'s str, Error = E<'s>> {
        tag(w)
    }

    /// A decimal digit as `\d` reads one: any Unicode decimal digit
    /// (category Nd), not only ASCII. std's `is_numeric` (Nd, Nl, No) holds
    /// every one of them, which a test checks against the table: it turns
    /// away most other characters before the table is searched.
    pub(super) fn is_decimal(c: char) -> bool {
        c.is_ascii_digit() || !c.is_ascii() && c.is_numeric() && is_unicode_decimal(c)
    }

    /// Unicode's decimal digits beyond ASCII, from the regex engine's own
    /// tables (what `\d` matches).
    fn is_unicode_decimal(c: char) -> bool {
        static DECIMAL: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
            use regex_syntax::hir::{Class, HirKind};
            match regex_syntax::parse(r"\d").map(|h| h.into_kind()) {
                Ok(HirKind::Class(Class::Unicode(c))) => {
                    c.ranges().iter().map(|r| (r.start(), r.end())).collect()
                }
                _ => Vec::new(),
            }
        });
        DECIMAL
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }

    /// `\d{min,max}`.
    fn digits<'s>(min: usize, max: usize) -> impl Parser<&'s str, Output = &'s str, Error = E<'s>> {
        take_while_m_n(min, max, is_decimal)
    }

    /// `YEAR`: (y, rel).
    fn year(i: &str) -> R<'_, Year<'_>> {
        let (i, yr) = alt((
            digits(4, 4).map(|y| (Some(y), None)),
            alt((t("今"), t("本"), t("当"), t("明"), t("次"))).map(|r| (None, Some(r))),
        ))
        .parse(i)?;
        let (i, _) = t("年").parse(i)?;
        let (i, _) = opt(t("度")).parse(i)?;
        Ok((i, yr))
    }

    /// `YEAR?`.
    fn opt_year(i: &str) -> R<'_, Year<'_>> {
        opt(year).map(Option::unwrap_or_default).parse(i)
    }

    fn day_mark(i: &str) -> R<'_, &str> {
        alt((t("日"), t("号"))).parse(i)
    }

    /// The year part (y, rel) of a pattern, then `rest`: the parts `rest`
    /// read with the year's, and the length of `s` the whole match took.
    fn read<'s>(
        s: &'s str,
        year_part: fn(&'s str) -> R<'s, Year<'s>>,
        rest: impl FnOnce(&'s str) -> Option<(&'s str, Caps<'s>)>,
    ) -> Option<Caps<'s>> {
        let (i, (y, rel)) = year_part(s).ok()?;
        let (i, caps) = rest(i)?;
        Some(Caps {
            len: s.len() - i.len(),
            y,
            rel,
            ..caps
        })
    }

    pub(super) fn day_range(s: &str) -> Option<Caps<'_>> {
        read(s, opt_year, |i| {
            let (i, m) = terminated(digits(1, 2), t("月")).parse(i).ok()?;
            let (i, d) = terminated(digits(1, 2), day_mark).parse(i).ok()?;
            let (i, _) = t("-").parse(i).ok()?;
            let (i, y2) = opt(terminated(digits(4, 4), t("年"))).parse(i).ok()?;
            let (i, m2) = opt(terminated(digits(1, 2), t("月"))).parse(i).ok()?;
            let (i, d2) = terminated(digits(1, 2), day_mark).parse(i).ok()?;
            let (m, d, d2) = (Some(m), Some(d), Some(d2));
            Some((
                i,
                Caps {
                    m,
                    d,
                    y2,
                    m2,
                    d2,
                    ..Caps::default()
                },
            ))
        })
    }

    pub(super) fn day(s: &str) -> Option<Caps<'_>> {
        read(s, opt_year, |i| {
            let (i, m) = terminated(digits(1, 2), t("月")).parse(i).ok()?;
            let (i, d) = terminated(digits(1, 2), day_mark).parse(i).ok()?;
            let (m, d) = (Some(m), Some(d));
            Some((
                i,
                Caps {
                    m,
                    d,
                    ..Caps::default()
                },
            ))
        })
    }

    pub(super) fn month_range(s: &str) -> Option<Caps<'_>> {
        read(s, opt_year, |i| {
            let (i, m) = digits(1, 2).parse(i).ok()?;
            let month_words = opt(alt((t("份"), t("底"), t("末"))));
            let (i, _) = opt((t("月"), month_words)).parse(i).ok()?;
            let (i, _) = t("-").parse(i).ok()?;
            let (i, y2) = opt(terminated(digits(4, 4), t("年"))).parse(i).ok()?;
            let (i, m2) = terminated(digits(1, 2), t("月")).parse(i).ok()?;
            let (m, m2) = (Some(m), Some(m2));
            Some((
                i,
                Caps {
                    m,
                    y2,
                    m2,
                    ..Caps::default()
                },
            ))
        })
    }

    pub(super) fn months_to_year(s: &str) -> Option<Caps<'_>> {
        read(s, opt_year, |i| {
            let (i, m) = digits(1, 2).parse(i).ok()?;
            let month_words = opt(alt((t("份"), t("底"), t("末"))));
            let (i, _) = (t("月"), month_words, t("-")).parse(i).ok()?;
            let (i, y2) = terminated(digits(4, 4), t("年")).parse(i).ok()?;
            let (m, y2) = (Some(m), Some(y2));
            Some((
                i,
                Caps {
                    m,
                    y2,
                    ..Caps::default()
                },
            ))
        })
    }

    /// `(?P<y>\d{4})年?`, the first year of a range.
    fn range_start(i: &str) -> R<'_, Year<'_>> {
        terminated(digits(4, 4), opt(t("年")))
            .map(|y| (Some(y), None))
            .parse(i)
    }

    pub(super) fn year_range(s: &str) -> Option<Caps<'_>> {
        read(s, range_start, |i| {
            let (i, _) = t("-").parse(i).ok()?;
            let (i, y2) = terminated(digits(4, 4), t("年")).parse(i).ok()?;
            // (A month may end it: 2021年-2022年6月.)
            let (i, m2) = opt(terminated(digits(1, 2), t("月"))).parse(i).ok()?;
            let y2 = Some(y2);
            Some((
                i,
                Caps {
                    y2,
                    m2,
                    ..Caps::default()
                },
            ))
        })
    }

    pub(super) fn month(s: &str) -> Option<Caps<'_>> {
        read(s, opt_year, |i| {
            let (i, m) = terminated(digits(1, 2), t("月")).parse(i).ok()?;
            let (i, q) = opt(alt((
                t("上旬"),
                t("中旬"),
                t("下旬"),
                t("前底"),
                t("底"),
                t("末"),
                t("初"),
                t("中"),
                t("份"),
                t("低"),
            )))
            .parse(i)
            .ok()?;
            let m = Some(m);
            Some((
                i,
                Caps {
                    m,
                    q,
                    ..Caps::default()
                },
            ))
        })
    }

    pub(super) fn half(s: &str) -> Option<Caps<'_>> {
        read(s, opt_year, |i| {
            let halves = alt((t("上"), t("下")));
            let (i, h) = terminated(halves, t("半年")).parse(i).ok()?;
            let h = Some(h);
            Some((
                i,
                Caps {
                    h,
                    ..Caps::default()
                },
            ))
        })
    }

    pub(super) fn quarter(s: &str) -> Option<Caps<'_>> {
        read(s, opt_year, |i| {
            let (i, _) = opt(t("第")).parse(i).ok()?;
            let one_to_four = take_while_m_n(1, 1, |c| ('1'..='4').contains(&c));
            let (i, q) = terminated(one_to_four, (t("季"), opt(t("度"))))
                .parse(i)
                .ok()?;
            let q = Some(q);
            Some((
                i,
                Caps {
                    q,
                    ..Caps::default()
                },
            ))
        })
    }

    pub(super) fn season(s: &str) -> Option<Caps<'_>> {
        read(s, opt_year, |i| {
            let seasons = alt((t("春"), t("夏"), t("秋"), t("冬")));
            let (i, season) = terminated(seasons, t("季")).parse(i).ok()?;
            let season = Some(season);
            Some((
                i,
                Caps {
                    season,
                    ..Caps::default()
                },
            ))
        })
    }

    /// `(?:YEAR年?|年)`, what a year's end follows.
    fn year_or_nian(i: &str) -> R<'_, Year<'_>> {
        alt((
            terminated(year, opt(t("年"))),
            t("年").map(|_| (None, None)),
        ))
        .parse(i)
    }

    pub(super) fn year_end(s: &str) -> Option<Caps<'_>> {
        read(s, year_or_nian, |i| {
            let (i, e) = alt((t("底"), t("末"), t("终"))).parse(i).ok()?;
            let e = Some(e);
            Some((
                i,
                Caps {
                    e,
                    ..Caps::default()
                },
            ))
        })
    }

    /// `(?:YEAR|年内|全年)`, a year on its own.
    fn year_or_within(i: &str) -> R<'_, Year<'_>> {
        alt((
            year,
            t("年内").map(|_| (None, None)),
            t("全年").map(|_| (None, None)),
        ))
        .parse(i)
    }

    pub(super) fn year_only(s: &str) -> Option<Caps<'_>> {
        read(s, year_or_within, |i| {
            let (i, init) = opt(t("初")).parse(i).ok()?;
            Some((
                i,
                Caps {
                    init,
                    ..Caps::default()
                },
            ))
        })
    }
}

/// The words of the deadline grammar (`grammar/words.tsv`, classes
/// `ongoing`, `recurring`, `deadline_start` and `deadline_start_word`),
/// matched against the folded
/// value: simplified characters, no spaces.
#[derive(Debug, Clone, Default)]
pub struct DeadlineWords {
    /// Make a deadline open-ended when no period is named (长期, 持续).
    pub ongoing: Vec<String>,
    /// Open a recurring period (每季度, 每年12月底前); a period named before
    /// them (2021年12月底前，以后每年12月底前) is the deadline.
    pub recurring: Vec<String>,
    /// Right after a period, make it a start, not a limit (2020年3月起).
    pub start: Vec<String>,
    /// Words that open with a start word and start nothing (起草, to draft:
    /// 2021年一季度起草完成 is due at the quarter's end).
    pub start_words: Vec<String>,
    /// Festivals named by a fixed date, each with the day before it, the
    /// day a task due before it is due (五一 → 30 April: `festival` in
    /// grammar/words.tsv).
    pub festivals: Vec<Festival>,
}

/// A festival named by a fixed date (五一, 国庆, 七一) and the month and day
/// before it. One whose name also reads as a number (七一 is seventy-one,
/// 十一 eleven: `festival_numeral`) is `numeral`: unquoted, only a value
/// that is nothing else names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Festival {
    pub name: String,
    pub month: u32,
    pub day: u32,
    pub numeral: bool,
}

impl Festival {
    /// A `festival` row's value: the name, a tab, and the day before it as
    /// MM-DD (`五一\t04-30`); None when it is not of that form or no such
    /// day is.
    pub fn parse(row: &str) -> Option<Festival> {
        let (name, day) = row.split_once('\t')?;
        let (m, d) = day.trim().split_once('-')?;
        let (month, day) = (m.parse().ok()?, d.parse().ok()?);
        let valid = (1..=12).contains(&month)
            && day >= 1
            && day <= crate::normalize::date::days_in_month(2000, month);
        (valid && !name.trim().is_empty()).then(|| Festival {
            name: name.trim().to_owned(),
            month,
            day,
            numeral: false,
        })
    }
}

struct Found {
    kind: DeadlineKind,
    due: Option<Date>,
    warning: Option<String>,
}

/// The Gregorian date of the Spring Festival (春节), 2000 to 2035.
const SPRING_FESTIVAL: [(u32, u32); 36] = [
    (2, 5),
    (1, 24),
    (2, 12),
    (2, 1),
    (1, 22),
    (2, 9),
    (1, 29),
    (2, 18),
    (2, 7),
    (1, 26),
    (2, 14),
    (2, 3),
    (1, 23),
    (2, 10),
    (1, 31),
    (2, 19),
    (2, 8),
    (1, 28),
    (2, 16),
    (2, 5),
    (1, 25),
    (2, 12),
    (2, 1),
    (1, 22),
    (2, 10),
    (1, 29),
    (2, 17),
    (2, 6),
    (1, 26),
    (2, 13),
    (2, 3),
    (1, 23),
    (2, 11),
    (1, 31),
    (2, 19),
    (2, 8),
];

/// A festival a task is due before, its year written or the document's
/// (2020年春节前, 国庆节前, 元旦前, 五一前, 2021年“七一”前): the day before it.
/// The Spring Festival's date moves with the lunar calendar (a table,
/// 2000–2035); 元旦 is the new year's first day, so 2021年元旦前 is
/// 2020-12-31. A festival named by its date may stand in quotes (“七一”,
/// "十一", 「八一」); unquoted, one that also reads as a number (七一, 十一)
/// is one only when the value holds nothing else (七一前, 2021年十一前完成).
fn festival(s: &str, doc_year: Option<i32>, festivals: &[Festival]) -> Option<Found> {
    let (year, rest) = if s.starts_with(|c: char| c.is_ascii_digit()) {
        // (A year of four digits and 年; any other number is no festival.)
        let digits = s
            .get(..4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
        (digits.parse::<i32>().ok(), s[4..].strip_prefix('年')?)
    } else {
        (doc_year, s)
    };
    let quotes = [
        ('“', '”'),
        ('"', '"'),
        ('「', '」'),
        ('『', '』'),
        ('‘', '’'),
    ];
    let (close, rest) = match quotes
        .iter()
        .find_map(|&(o, c)| Some((c, rest.strip_prefix(o)?)))
    {
        Some((c, r)) => (Some(c), r),
        None => (None, rest),
    };
    let (name, after) = ["春节", "元旦"]
        .into_iter()
        .chain(festivals.iter().map(|f| f.name.as_str()))
        .find_map(|n| rest.strip_prefix(n).map(|a| (n, a)))?;
    let after = after.strip_prefix('节').unwrap_or(after);
    let after = match close {
        Some(c) => after.strip_prefix(c)?,
        None => after,
    };
    let after = after.strip_prefix('前')?;
    let dated = festivals.iter().find(|f| f.name == name);
    if close.is_none()
        && dated.is_some_and(|f| f.numeral)
        && !matches!(after.trim_end_matches(['。', '.']), "" | "完成")
    {
        return None;
    }
    let due = year.and_then(|y| match (name, dated) {
        (_, Some(f)) => Some(Date {
            year: y,
            month: f.month,
            day: f.day,
        }),
        ("春节", _) => {
            // (Between 21 January and 20 February: the day before 1 February
            // is 31 January.)
            let (m, d) = *SPRING_FESTIVAL.get(usize::try_from(y - 2000).ok()?)?;
            Some(if d > 1 {
                Date {
                    year: y,
                    month: m,
                    day: d - 1,
                }
            } else {
                Date {
                    year: y,
                    month: 1,
                    day: 31,
                }
            })
        }
        _ => Some(Date {
            year: y - 1,
            month: 12,
            day: 31,
        }),
    });
    Some(Found {
        kind: DeadlineKind::Day,
        due,
        warning: None,
    })
}

/// Resolves the year of a period: written, relative to the document (今年/明年/次年, the
/// year after the document's) or the document's.
fn year_of(caps: &Caps, doc_year: Option<i32>) -> Option<i32> {
    if let Some(y) = caps.y {
        return y.parse().ok();
    }
    match caps.rel {
        Some("明" | "次") => doc_year.and_then(|y| y.checked_add(1)),
        _ => doc_year,
    }
}

fn num(part: Option<&str>) -> Option<u32> {
    part.and_then(|m| m.parse().ok())
}

fn month_end(year: Option<i32>, month: Option<u32>) -> Result<Option<Date>, String> {
    match (year, month) {
        (_, Some(m)) if !(1..=12).contains(&m) => Err(format!("month {m} out of range")),
        (Some(y), Some(m)) => Ok(Some(Date::last_of_month(y, m))),
        _ => Ok(None),
    }
}

fn day_of(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Result<Option<Date>, String> {
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => Date::new(y, m, d)
            .map(Some)
            .ok_or_else(|| format!("no such date {y}-{m}-{d}")),
        (None, Some(m), Some(d)) if Date::new(2000, m, d).is_none() => {
            Err(format!("no such date {m}月{d}日"))
        }
        _ => Ok(None),
    }
}

/// Whether a period pattern can start with `c`: a digit (`\d` is any
/// Unicode decimal digit; `is_numeric` holds them all), a relative year
/// (今本当明次), 上/下 (half years), 第 (quarters), a season, 年 (年底, 年内), or
/// 全 (全年).
fn may_open_period(c: char) -> bool {
    c.is_numeric()
        || matches!(c, '今' | '本' | '当' | '明' | '次' | '上' | '下' | '第')
        || matches!(c, '春' | '夏' | '秋' | '冬' | '年' | '全')
}

/// Whether 次年 (the next year) may follow `prev` as a word: after no
/// ideograph (a value's start, a mark, a space) or a word that places it
/// (于次年, 在次年, 和次年); another ideograph makes 次 a count's or a
/// turn's (一次, 本次, 首次).
fn opens_next_year_after(prev: char) -> bool {
    !crate::text::is_han(prev) || matches!(prev, '于' | '在' | '和' | '及' | '或')
}

/// Tries every period pattern at the start of `s`, most specific first;
/// `has`: what the value `s` ends holds.
fn period_at(
    s: &str,
    doc_year: Option<i32>,
    has: Literals,
) -> Option<(usize, Result<Found, String>)> {
    // Eleven grammars tried at every character of a value: most characters
    // open none of them.
    if !s.chars().next().is_some_and(may_open_period) {
        return None;
    }
    let found = |kind: DeadlineKind, due: Result<Option<Date>, String>| {
        due.map(|due| Found {
            kind,
            due,
            warning: None,
        })
    };
    if let Some(c) = DAY_RANGE.captures(s, has) {
        let y = year_of(&c, doc_year);
        let y2 = num(c.y2).and_then(|v| i32::try_from(v).ok()).or(y);
        let m2 = num(c.m2).or(num(c.m));
        return Some((c.len, found(DeadlineKind::Range, day_of(y2, m2, num(c.d2)))));
    }
    if let Some(c) = DAY.captures(s, has) {
        let y = year_of(&c, doc_year);
        return Some((
            c.len,
            found(DeadlineKind::Day, day_of(y, num(c.m), num(c.d))),
        ));
    }
    if let Some(c) = MONTH_RANGE.captures(s, has) {
        let y = year_of(&c, doc_year);
        let y2 = num(c.y2).and_then(|v| i32::try_from(v).ok()).or(y);
        return Some((c.len, found(DeadlineKind::Range, month_end(y2, num(c.m2)))));
    }
    // (Not when the year goes on to a part of it: 2022年12月至2023年春节前,
    // …至2023年一季度, …至2023年上半年, which no grammar reads whole.)
    if let Some(c) = MONTHS_TO_YEAR
        .captures(s, has)
        .filter(|c| !s[c.len..].starts_with(YEAR_PARTS))
    {
        let y2 = num(c.y2).and_then(|v| i32::try_from(v).ok());
        return Some((c.len, found(DeadlineKind::Range, month_end(y2, Some(12)))));
    }
    if let Some(c) = YEAR_RANGE.captures(s, has) {
        let y2 = num(c.y2).and_then(|v| i32::try_from(v).ok());
        // (Years to a month of the last: due at that month's end.)
        if c.m2.is_some() {
            return Some((c.len, found(DeadlineKind::Range, month_end(y2, num(c.m2)))));
        }
        return Some((
            c.len,
            found(
                DeadlineKind::Range,
                Ok(y2.map(|y| Date {
                    year: y,
                    month: 12,
                    day: 31,
                })),
            ),
        ));
    }
    if let Some(c) = MONTH.captures(s, has) {
        let y = year_of(&c, doc_year);
        let m = num(c.m);
        let q = c.q;
        let end = c.len;
        let result = match q {
            Some("上旬" | "初") => day_of(y, m, Some(10)).map(|due| Found {
                kind: DeadlineKind::TenDays,
                due,
                warning: None,
            }),
            Some("中旬" | "中") => day_of(y, m, Some(20)).map(|due| Found {
                kind: DeadlineKind::TenDays,
                due,
                warning: None,
            }),
            Some(typo @ ("前底" | "低")) => month_end(y, m).map(|due| Found {
                kind: DeadlineKind::MonthEnd,
                due,
                warning: Some(format!("read `月{typo}` as `月底`")),
            }),
            _ => found(DeadlineKind::MonthEnd, month_end(y, m)),
        };
        return Some((end, result));
    }
    if let Some(c) = HALF.captures(s, has) {
        let y = year_of(&c, doc_year);
        let month = if c.h == Some("上") { 6 } else { 12 };
        return Some((
            c.len,
            found(DeadlineKind::HalfYear, month_end(y, Some(month))),
        ));
    }
    if let Some(c) = QUARTER.captures(s, has) {
        let y = year_of(&c, doc_year);
        let month = num(c.q).map(|q| q * 3);
        return Some((c.len, found(DeadlineKind::Quarter, month_end(y, month))));
    }
    if let Some(c) = SEASON.captures(s, has) {
        let y = year_of(&c, doc_year);
        let due = match c.season {
            Some("春") => month_end(y, Some(5)),
            Some("夏") => month_end(y, Some(8)),
            Some("秋") => month_end(y, Some(11)),
            _ => month_end(y.and_then(|y| y.checked_add(1)), Some(2)),
        };
        return Some((c.len, found(DeadlineKind::Season, due)));
    }
    if let Some(c) = YEAR_END.captures(s, has) {
        let y = year_of(&c, doc_year);
        return Some((c.len, found(DeadlineKind::YearEnd, month_end(y, Some(12)))));
    }
    if let Some(c) = YEAR_ONLY.captures(s, has) {
        let end = c.len;
        if c.init.is_some() {
            return Some((
                end,
                Err("the start of a year (年初) has no definite end".to_string()),
            ));
        }
        let y = year_of(&c, doc_year);
        return Some((end, found(DeadlineKind::YearEnd, month_end(y, Some(12)))));
    }
    None
}

/// `rest` holds for the rest of `raw`, folded, after a period the grammar
/// reads at its very start (`2022年11月底前完成全部设施建设` → `前完成全部设施建设`);
/// false when no period opens it. (The rest is lent, not copied.)
pub fn after_period(raw: &str, rest: impl Fn(&str) -> bool) -> bool {
    let folded = fold(raw);
    period_at(&folded, None, Literals::of(&folded))
        .and_then(|(len, _)| folded.get(len..))
        .is_some_and(rest)
}

/// `line` (trimmed) is the rest of the deadline `cell` a wrap cut, or, with
/// `cell` empty, a deadline whole: a table's last cell, a 完成时限 value.
/// It holds only what a deadline is written with, and `cell` is open: it
/// ends after a number, a year or month (2021年 / 12月底前, 2021年第三 /
/// 季度, 20 / 21年全年), does not read as a deadline alone, or `line` holds the closing
/// characters of a deadline's words (2021年6月底 / 前, 每季 / 度, 持续推 /
/// 进, 长期 / 坚持); a whole deadline does not go on with a number (2021年底前
/// / 2022年).
pub fn goes_on(cell: &str, line: &str, words: &DeadlineWords) -> bool {
    // (A deadline is short: a value grown past that length is no deadline's
    // to go on, and each line under it is not read against all of it again.)
    if !crate::text::chars_at_most(cell, GOES_ON_MAX_CHARS) {
        return false;
    }
    let word_char = |c: char| {
        words
            .ongoing
            .iter()
            .chain(&words.recurring)
            .any(|w| w.contains(c))
    };
    let deadline_char = |c: char| {
        crate::text::is_digit(c)
            || "〇○零一二三四五六七八九十年月日号底前末初上中下旬第季度半全内止起期间至到—－-~～推进完成"
                .contains(c)
            || word_char(c)
    };
    let parses = |s: &str| parse_deadline(s, None, words).0.kind != DeadlineKind::Unparsed;
    if cell.is_empty() {
        // A whole cell: any deadline's wording (持续推进, 按季度).
        return parses(line);
    }
    let open = cell.ends_with(|c: char| {
        crate::text::is_digit(c) || "年月第至—－-〇一二三四五六七八九十".contains(c)
    }) || !parses(cell)
        || crate::text::chars_at_most(line, 3)
            && line
                .chars()
                .all(|c| "前后止内日号季度底末推进完成".contains(c) || word_char(c));
    open && line.chars().all(deadline_char) && parses(&format!("{cell}{line}"))
}

/// The longest deadline's value or cell [`goes_on`] reads on over a line,
/// in characters (2023年至2025年，每年12月底前报送进展 has 22).
const GOES_ON_MAX_CHARS: usize = 48;

/// True when a period as read is a year and nothing more (`2021年`, `二〇二一年`):
/// no month, quarter, half or end word after its 年.
fn bare_year(period: &str) -> bool {
    period.strip_suffix('年').is_some_and(|y| {
        !y.is_empty()
            && y.chars().all(|c| {
                crate::text::is_digit(c) || crate::normalize::numeral::is_cn_numeral_char(c)
            })
    })
}

/// Parses a 完成时限 value. Returns the deadline and, when something was repaired or could not
/// be resolved, a warning message for a diagnostic.
///
/// ```text
/// "2020年12月"                        → due 2020-12-31, month_end
/// "2020年12月前底基本完成排查,…"        → due 2020-12-31, warning (typo 前底)
/// "年底前", doc_year 2020              → due 2020-12-31, year_end
/// "2020年5月—6月"                      → due 2020-06-30, range (end of the range)
/// "长期坚持"                            → ongoing, no due
/// ```
pub fn parse_deadline(
    raw: &str,
    doc_year: Option<i32>,
    words: &DeadlineWords,
) -> (Deadline, Option<String>) {
    let folded = fold(raw);
    let mut warnings: Vec<String> = Vec::new();
    // A festival named first is the deadline (2020年春节前), read before
    // the periods, whose year it would otherwise end at.
    let mut result: Option<Found> = festival(&folded, doc_year, &words.festivals);
    let mut skipped_start = false;
    let mut prev: Option<char> = None;
    let opens_recurring = |s: &str| words.recurring.iter().any(|w| s.starts_with(w.as_str()));
    let mut recurring = opens_recurring(&folded);
    let has = Literals::of(&folded);
    for (i, c) in folded.char_indices() {
        if recurring || result.is_some() {
            break;
        }
        let after_digit = prev.is_some_and(|p| p.is_ascii_digit());
        // (次年 is the year after the document's as a word of its own, not
        // the 次 of a count or a turn: 一次年度评估, 本次年底前, 首次年内.)
        let counted = c == '次' && prev.is_some_and(|p| !opens_next_year_after(p));
        prev = Some(c);
        if after_digit || counted {
            continue;
        }
        let Some(rest) = folded.get(i..) else {
            continue;
        };
        let Some((len, outcome)) = period_at(rest, doc_year, has) else {
            continue;
        };
        let tail = rest.get(len..).unwrap_or("");
        // 全年 names the year only alone or done within it (全年完成); words
        // after it say how the work goes on (全年持续推进, 全年每月…) or name
        // the period (全年，其中6月底前…).
        if rest.starts_with("全年")
            && !tail
                .trim_start_matches(['完', '成', '前', '内'])
                .chars()
                .all(|c| !crate::text::is_han(c) && !c.is_numeric())
        {
            continue;
        }
        // A bare year before a recurring period names the year the period
        // comes round in (2021年每季度末), not a limit at its end.
        if bare_year(&rest[..len]) && opens_recurring(tail) {
            recurring = true;
            break;
        }
        let word = words
            .start_words
            .iter()
            .any(|w| tail.starts_with(w.as_str()));
        if let Some(w) = words
            .start
            .iter()
            .find(|w| tail.starts_with(w.as_str()) && !word)
        {
            // A period that comes round from then on (2024年起每年12月底前,
            // 2021年一季度起每季度开展).
            if opens_recurring(&tail[w.len()..]) {
                recurring = true;
                break;
            }
            skipped_start = true;
            continue;
        }
        match outcome {
            Ok(found) => result = Some(found),
            Err(msg) => {
                warnings.push(msg);
                result = Some(Found {
                    kind: DeadlineKind::Unparsed,
                    due: None,
                    warning: None,
                });
            }
        }
        break;
    }
    let (kind, due, ongoing) = match result {
        Some(found) => {
            if let Some(w) = found.warning {
                warnings.push(w);
            }
            if found.due.is_none() && found.kind != DeadlineKind::Unparsed {
                warnings.push("no year is written and the document's year is unknown".to_string());
            }
            (found.kind, found.due, false)
        }
        None if recurring => (DeadlineKind::Recurring, None, false),
        None if words.ongoing.iter().any(|w| folded.contains(w.as_str())) => {
            (DeadlineKind::Ongoing, None, true)
        }
        None => {
            if skipped_start {
                warnings.push("names only a starting time".to_string());
            }
            (DeadlineKind::Unparsed, None, false)
        }
    };
    let deadline = Deadline {
        raw: raw.to_string(),
        due: due.map(|d| d.iso()),
        ongoing,
        kind,
    };
    let warning =
        (!warnings.is_empty()).then(|| format!("deadline {raw:?}: {}", warnings.join("; ")));
    (deadline, warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    use regex::Regex;

    /// A pattern's regular expression, anchored at the start (`YEAR`
    /// replaced): the reference its grammar is compared with.
    fn anchored(p: &Period) -> Regex {
        let pattern = format!("^(?:{})", p.pattern.replace("YEAR", YEAR));
        Regex::new(&pattern).unwrap_or_else(|e| panic!("deadline pattern {pattern:?}: {e}"))
    }

    /// What the regular expression captures at the start of `s`, as `Caps`.
    fn by_regex<'s>(re: &Regex, s: &'s str) -> Option<Caps<'s>> {
        let c = re.captures(s)?;
        let part = |n: &str| c.name(n).map(|m| m.as_str());
        Some(Caps {
            len: c.get(0)?.end(),
            y: part("y"),
            rel: part("rel"),
            m: part("m"),
            d: part("d"),
            y2: part("y2"),
            m2: part("m2"),
            d2: part("d2"),
            q: part("q"),
            h: part("h"),
            season: part("s"),
            e: part("e"),
            init: part("init"),
        })
    }

    /// Every period pattern, in the order `period_at` tries them.
    fn all_periods() -> [&'static Period; 11] {
        [
            &DAY_RANGE,
            &DAY,
            &MONTH_RANGE,
            &MONTHS_TO_YEAR,
            &YEAR_RANGE,
            &MONTH,
            &HALF,
            &QUARTER,
            &SEASON,
            &YEAR_END,
            &YEAR_ONLY,
        ]
    }

    #[test]
    fn bare_years() {
        assert!(bare_year("2021年"));
        assert!(bare_year("二〇二一年"));
        assert!(!bare_year("年"));
        assert!(!bare_year("2021年上半年"));
        assert!(!bare_year("2021年底"));
        assert!(!bare_year("2021年6月"));
    }

    /// Every character `\d` matches is one `is_numeric` holds (what
    /// `is_decimal` and `may_open_period` rely on), and the table is read:
    /// Arabic-Indic, Devanagari and full-width digits are decimal, 〇 and
    /// 一 are not.
    #[test]
    fn unicode_decimals_are_numeric() {
        let digits = Regex::new(r"^\d$").expect("\\d");
        let mut n = 0;
        for c in (0..=0x10_ffffu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            if digits.is_match(c.encode_utf8(&mut buf)) {
                n += 1;
                assert!(c.is_numeric(), "{c:?} U+{:04X}", c as u32);
                assert!(grammar::is_decimal(c), "{c:?} U+{:04X}", c as u32);
            }
        }
        assert!(n > 600, "{n}");
        for c in ['٣', '३', '５', '7'] {
            assert!(grammar::is_decimal(c), "{c}");
        }
        for c in ['〇', '一', 'a', '年'] {
            assert!(!grammar::is_decimal(c), "{c}");
        }
    }

    /// Each grammar reads what its regular expression captures, part by
    /// part, at the start of: every line of the sample and the cases from
    /// each of its first 40 characters (folded as values are), and 300 000
    /// texts made of the patterns' pieces in random order (digit runs of
    /// every length, in ASCII, full width and other scripts, and the words
    /// and marks around them).
    #[test]
    fn grammars_read_as_the_patterns() {
        let periods = all_periods();
        let regexes = periods.map(anchored);
        let mut texts: Vec<String> = Vec::new();
        for t in crate::testdata::sample_and_case_lines() {
            let folded = fold(&t);
            for (i, _) in folded.char_indices().take(40) {
                texts.push(folded[i..].to_owned());
            }
        }
        let pieces = [
            "2020",
            "1",
            "12",
            "123",
            "2021",
            "20201",
            "٣",
            "٢٠٢٠",
            "०",
            "０",
            "〇",
            "年",
            "度",
            "今",
            "明",
            "次",
            "本",
            "当",
            "月",
            "日",
            "号",
            "-",
            "第",
            "3",
            "5",
            "7",
            "季",
            "上",
            "下",
            "半年",
            "半",
            "旬",
            "中",
            "底",
            "末",
            "初",
            "份",
            "低",
            "前底",
            "终",
            "内",
            "春",
            "秋",
            "冬",
            "夏",
            "前",
            "完成",
            "x",
            " ",
            "5月10日",
            "5月10日-",
            "-6月30日",
            "-30日",
            "2020年5月",
            "5月-",
            "-6月",
            "2020年-",
            "-2022年",
            "2020-",
            "-2021年6月",
            "12月底-",
        ];
        let mut next = crate::testdata::xorshift();
        for _ in 0..300_000 {
            let n = 1 + next() % 8;
            let t: String = (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            texts.push(t);
        }
        let mut read = [0usize; 11];
        for t in &texts {
            for (k, (p, re)) in periods.iter().zip(&regexes).enumerate() {
                let want = by_regex(re, t);
                read[k] += usize::from(want.is_some());
                assert_eq!((p.read)(t), want, "pattern {k} on {t:?}");
            }
        }
        assert!(read.iter().all(|&n| n > 100), "{read:?}");
    }

    #[test]
    fn only_the_characters_named_open_a_period() {
        // Every pattern is anchored: a character outside `may_open_period`
        // must fail all of them, whatever follows.
        let all = all_periods();
        let tails = [
            "2020年12月底前",
            "年底",
            "内",
            "半年",
            "季度",
            "5月10日-6月30日",
            "",
        ];
        let mut checked = 0;
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            if may_open_period(c) {
                continue;
            }
            for tail in tails {
                let s = format!("{c}{tail}");
                for r in all {
                    assert!((r.read)(&s).is_none(), "{s:?} opens {:?}", r.pattern);
                }
            }
            checked += 1;
        }
        assert!(checked > 190_000);
        for s in [
            "2020年",
            "今年底",
            "上半年",
            "第3季",
            "春季",
            "年内",
            "全年",
            "年底",
            "6月",
        ] {
            assert!(all.iter().any(|r| (r.read)(s).is_some()), "{s}");
            assert!(may_open_period(s.chars().next().unwrap()), "{s}");
        }
    }

    /// A pattern matches only where its value holds what it needs: on the
    /// rest of every line of the sample and the cases from each of its
    /// first 40 characters, folded as values are, and of the forms each
    /// pattern reads.
    #[test]
    fn patterns_need_their_characters() {
        let all = all_periods();
        let mut texts: Vec<String> = crate::testdata::sample_and_case_lines();
        texts.extend(
            [
                "2020年5月10日—6月30日",
                "2020年5月至9月",
                "5-6月",
                "2020年12月-2021年6月",
                "2020-2022年",
                "2020年-2022年",
                "上半年",
                "2021年下半年",
                "第三季度",
                "一季度",
                "2020年秋季",
                "今年底",
                "年内",
                "全年",
                "2021年初",
                "2020年12月前底",
                "6月中旬",
            ]
            .map(String::from),
        );
        let mut matched = [0usize; 11];
        for t in &texts {
            let folded = fold(t);
            for (i, _) in folded.char_indices().take(40) {
                let rest = &folded[i..];
                let has = Literals::of(rest);
                for (k, p) in all.iter().enumerate() {
                    if (p.read)(rest).is_some() {
                        matched[k] += 1;
                        assert!((p.needs)(has), "pattern {k} reads {rest:?}");
                    }
                }
            }
        }
        assert!(matched.iter().all(|&n| n > 0), "{matched:?}");
    }

    #[test]
    fn a_cut_deadline_goes_on_with_its_rest() {
        let w = words();
        for (cell, line) in [
            ("2019年11", "月底前"),
            ("2020年10月", "底前"),
            ("2021年6月底", "前"),
            ("2", "017年5月底前"),
            ("20", "21年全年"),
            ("2021年", "全年"),
            ("持续推", "进"),
            ("", "2021年底前"),
        ] {
            assert!(goes_on(cell, line, &w), "{cell} / {line}");
        }
        for (cell, line) in [
            ("2021年底前", "2022年"),
            ("长期坚持", "2020年起全市建筑工地全面落实"),
            ("2019年11", "月底前完成市级验收工作并报送"),
            ("2020年6月底前", "市财政局"),
        ] {
            assert!(!goes_on(cell, line, &w), "{cell} / {line}");
        }
        // (A value grown long by numerals alone under it goes on no more:
        // each line under it is not read against all of it again.)
        let grown = format!("2022年至2025年{}", "一".repeat(GOES_ON_MAX_CHARS));
        assert!(goes_on("2022年至2025年", "一", &w));
        assert!(!goes_on(&grown, "一", &w));
    }

    fn words() -> DeadlineWords {
        crate::Lexicon::builtin().deadline
    }

    /// A `festival` row is a name and the day before it; one that is not
    /// of that form, or names no day, is refused. The grammar's numeral
    /// festivals are marked.
    #[test]
    fn festival_rows() {
        let f = Festival::parse("五一\t04-30").unwrap();
        assert_eq!(
            (f.name.as_str(), f.month, f.day, f.numeral),
            ("五一", 4, 30, false)
        );
        for bad in [
            "五一",
            "五一\t4月30日",
            "五一\t13-01",
            "五一\t04-31",
            "\t04-30",
        ] {
            assert_eq!(Festival::parse(bad), None, "{bad:?}");
        }
        let w = words();
        let numeral = |n: &str| w.festivals.iter().find(|f| f.name == n).map(|f| f.numeral);
        assert_eq!(
            (numeral("七一"), numeral("国庆")),
            (Some(true), Some(false))
        );
    }
    use DeadlineKind::*;

    /// (raw, doc_year, due, ongoing, kind, warns)
    type Case = (
        &'static str,
        Option<i32>,
        Option<&'static str>,
        bool,
        DeadlineKind,
        bool,
    );

    #[test]
    fn parse_deadline_table() {
        let cases: &[Case] = &[
            // dates in figures
            ("2021.12", None, Some("2021-12-31"), false, MonthEnd, false),
            ("2021.9.30", None, Some("2021-09-30"), false, Day, false),
            ("2023/12", None, Some("2023-12-31"), false, MonthEnd, false),
            ("2023-12-31前", None, Some("2023-12-31"), false, Day, false),
            (
                "２０２０．１０．３１",
                None,
                Some("2020-10-31"),
                false,
                Day,
                false,
            ),
            ("2020-2022年", None, Some("2022-12-31"), false, Range, false),
            ("2021.13", None, None, false, Unparsed, false),
            // real values of the sample (gold)
            (
                "2020年12月",
                Some(2020),
                Some("2020-12-31"),
                false,
                MonthEnd,
                false,
            ),
            (
                "2020年4月30日前完成",
                Some(2020),
                Some("2020-04-30"),
                false,
                Day,
                false,
            ),
            (
                "2020年5月30日前完成",
                None,
                Some("2020-05-30"),
                false,
                Day,
                false,
            ),
            (
                "2021年6月30日前完成",
                Some(2020),
                Some("2021-06-30"),
                false,
                Day,
                false,
            ),
            ("长期坚持", Some(2020), None, true, Ongoing, false),
            // Festivals: the day before.
            ("2020年春节前", None, Some("2020-01-24"), false, Day, false),
            ("春节前", Some(2021), Some("2021-02-11"), false, Day, false),
            ("2021年元旦前", None, Some("2020-12-31"), false, Day, false),
            (
                "国庆节前",
                Some(2020),
                Some("2020-09-30"),
                false,
                Day,
                false,
            ),
            // A festival named by its date, in quotes or as the whole value.
            (
                "2021年“七一”前",
                None,
                Some("2021-06-30"),
                false,
                Day,
                false,
            ),
            (
                "“七一”前",
                Some(2021),
                Some("2021-06-30"),
                false,
                Day,
                false,
            ),
            (
                "2021年\"十一\"前完成",
                None,
                Some("2021-09-30"),
                false,
                Day,
                false,
            ),
            (
                "2021年「八一」前",
                None,
                Some("2021-07-31"),
                false,
                Day,
                false,
            ),
            (
                "2021年“五一”前",
                None,
                Some("2021-04-30"),
                false,
                Day,
                false,
            ),
            ("七一前", Some(2021), Some("2021-06-30"), false, Day, false),
            (
                "2021年十一前完成",
                None,
                Some("2021-09-30"),
                false,
                Day,
                false,
            ),
            // (Unquoted and not alone, 十一 is no festival; 十一月 is a month.)
            (
                "2021年十一月底前",
                None,
                Some("2021-11-30"),
                false,
                MonthEnd,
                false,
            ),
            (
                "2020年12月前底基本完成排查,2021年6月底前基本完成整治。",
                Some(2020),
                Some("2020-12-31"),
                false,
                MonthEnd,
                true,
            ),
            (
                "2021年6月底前基本完成排查,重大安全隐患风险即查即排除,2023年12月底前全面完成整治。",
                Some(2020),
                Some("2021-06-30"),
                false,
                MonthEnd,
                false,
            ),
            // constructed: months, ends, first period wins
            (
                "2021年6月底前",
                None,
                Some("2021-06-30"),
                false,
                MonthEnd,
                false,
            ),
            (
                "2020年2月底",
                None,
                Some("2020-02-29"),
                false,
                MonthEnd,
                false,
            ),
            (
                "2020年12月底前基本完成排查，2021年6月底前基本完成整治",
                None,
                Some("2020-12-31"),
                false,
                MonthEnd,
                false,
            ),
            (
                "3月底前",
                Some(2020),
                Some("2020-03-31"),
                false,
                MonthEnd,
                false,
            ),
            ("3月底前", None, None, false, MonthEnd, true),
            (
                "2020年6月中旬",
                None,
                Some("2020-06-20"),
                false,
                TenDays,
                false,
            ),
            (
                "2020年6月上旬",
                None,
                Some("2020-06-10"),
                false,
                TenDays,
                false,
            ),
            (
                "2020年6月下旬",
                None,
                Some("2020-06-30"),
                false,
                MonthEnd,
                false,
            ),
            (
                "2020年6月份",
                None,
                Some("2020-06-30"),
                false,
                MonthEnd,
                false,
            ),
            (
                "二〇二〇年十二月底前",
                None,
                Some("2020-12-31"),
                false,
                MonthEnd,
                false,
            ),
            (
                "２０２０年１２月",
                None,
                Some("2020-12-31"),
                false,
                MonthEnd,
                false,
            ),
            (
                "2020 年 12 月 底前",
                None,
                Some("2020-12-31"),
                false,
                MonthEnd,
                false,
            ),
            (
                "4月30日前",
                Some(2021),
                Some("2021-04-30"),
                false,
                Day,
                false,
            ),
            // years
            ("2020年底", None, Some("2020-12-31"), false, YearEnd, false),
            (
                "2020年底前",
                None,
                Some("2020-12-31"),
                false,
                YearEnd,
                false,
            ),
            (
                "2020年年底前完成",
                None,
                Some("2020-12-31"),
                false,
                YearEnd,
                false,
            ),
            (
                "年底前",
                Some(2020),
                Some("2020-12-31"),
                false,
                YearEnd,
                false,
            ),
            ("年底前", None, None, false, YearEnd, true),
            (
                "年底前完成",
                Some(2021),
                Some("2021-12-31"),
                false,
                YearEnd,
                false,
            ),
            (
                "今年底",
                Some(2020),
                Some("2020-12-31"),
                false,
                YearEnd,
                false,
            ),
            (
                "明年年底",
                Some(2020),
                Some("2021-12-31"),
                false,
                YearEnd,
                false,
            ),
            ("2020年", None, Some("2020-12-31"), false, YearEnd, false),
            (
                "2021年内完成",
                None,
                Some("2021-12-31"),
                false,
                YearEnd,
                false,
            ),
            (
                "年内完成",
                Some(2020),
                Some("2020-12-31"),
                false,
                YearEnd,
                false,
            ),
            (
                "全年",
                Some(2020),
                Some("2020-12-31"),
                false,
                YearEnd,
                false,
            ),
            (
                "2021年全年",
                None,
                Some("2021-12-31"),
                false,
                YearEnd,
                false,
            ),
            ("全年", None, None, false, YearEnd, true),
            (
                "全年完成",
                Some(2020),
                Some("2020-12-31"),
                false,
                YearEnd,
                false,
            ),
            ("全年持续推进", Some(2020), None, true, Ongoing, false),
            (
                "全年，其中6月底前完成",
                Some(2020),
                Some("2020-06-30"),
                false,
                MonthEnd,
                false,
            ),
            ("2021年初", None, None, false, Unparsed, true),
            // half years, quarters, seasons
            (
                "上半年",
                Some(2021),
                Some("2021-06-30"),
                false,
                HalfYear,
                false,
            ),
            (
                "2021年上半年",
                None,
                Some("2021-06-30"),
                false,
                HalfYear,
                false,
            ),
            (
                "下半年",
                Some(2020),
                Some("2020-12-31"),
                false,
                HalfYear,
                false,
            ),
            (
                "第一季度",
                Some(2020),
                Some("2020-03-31"),
                false,
                Quarter,
                false,
            ),
            (
                "一季度",
                Some(2020),
                Some("2020-03-31"),
                false,
                Quarter,
                false,
            ),
            (
                "第二季度",
                Some(2020),
                Some("2020-06-30"),
                false,
                Quarter,
                false,
            ),
            (
                "2021年第三季度",
                None,
                Some("2021-09-30"),
                false,
                Quarter,
                false,
            ),
            (
                "第四季度",
                Some(2020),
                Some("2020-12-31"),
                false,
                Quarter,
                false,
            ),
            (
                "2020年第4季度",
                None,
                Some("2020-12-31"),
                false,
                Quarter,
                false,
            ),
            ("2020年秋季", None, Some("2020-11-30"), false, Season, false),
            ("2020年冬季", None, Some("2021-02-28"), false, Season, false),
            // ranges run to their end
            (
                "2020年5月—6月",
                None,
                Some("2020-06-30"),
                false,
                Range,
                false,
            ),
            (
                "2020年5月至9月",
                None,
                Some("2020-09-30"),
                false,
                Range,
                false,
            ),
            ("2020年5-6月", None, Some("2020-06-30"), false, Range, false),
            (
                "2020年12月至2021年6月",
                None,
                Some("2021-06-30"),
                false,
                Range,
                false,
            ),
            (
                "2020年5月10日—6月15日",
                None,
                Some("2020-06-15"),
                false,
                Range,
                false,
            ),
            ("2020—2022年", None, Some("2022-12-31"), false, Range, false),
            // ends of two grains: the range's end, in its own
            (
                "2021年至2022年6月",
                None,
                Some("2022-06-30"),
                false,
                Range,
                false,
            ),
            (
                "2022年9月至2024年",
                None,
                Some("2024-12-31"),
                false,
                Range,
                false,
            ),
            // (to a part of the year, which no range reads: the start's month)
            (
                "2022年12月至2023年春节前",
                None,
                Some("2022-12-31"),
                false,
                MonthEnd,
                false,
            ),
            (
                "2021年9月—2022年底前",
                None,
                Some("2022-12-31"),
                false,
                Range,
                false,
            ),
            (
                "2020年至2022年",
                None,
                Some("2022-12-31"),
                false,
                Range,
                false,
            ),
            // recurring: no single due date
            ("每季度", Some(2021), None, false, Recurring, false),
            ("每月", None, None, false, Recurring, false),
            ("每年12月底前", Some(2021), None, false, Recurring, false),
            (
                "2024年起每年12月底前",
                Some(2023),
                None,
                false,
                Recurring,
                false,
            ),
            ("2024年起每年", Some(2023), None, false, Recurring, false),
            // (a bare year before the period names the year it comes round in)
            ("2021年每季度末", None, None, false, Recurring, false),
            ("二〇二一年每月", None, None, false, Recurring, false),
            ("每学期", Some(2022), None, false, Recurring, false),
            ("每半年", Some(2022), None, false, Recurring, false),
            (
                "2021年上半年每月",
                None,
                Some("2021-06-30"),
                false,
                HalfYear,
                false,
            ),
            (
                "2023年7月起每季度",
                Some(2023),
                None,
                false,
                Recurring,
                false,
            ),
            (
                "2021年一季度起草完成",
                Some(2021),
                Some("2021-03-31"),
                false,
                Quarter,
                false,
            ),
            (
                "2021年6月起草，9月出台",
                Some(2021),
                Some("2021-06-30"),
                false,
                MonthEnd,
                false,
            ),
            (
                "2021年一季度起每季度开展",
                Some(2021),
                None,
                false,
                Recurring,
                false,
            ),
            (
                "2021年12月底前，以后每年12月底前",
                None,
                Some("2021-12-31"),
                false,
                MonthEnd,
                false,
            ),
            // ongoing
            ("长期", None, None, true, Ongoing, false),
            ("持续推进", None, None, true, Ongoing, false),
            ("常态化", None, None, true, Ongoing, false),
            ("持续开展", None, None, true, Ongoing, false),
            ("长期执行", None, None, true, Ongoing, false),
            ("持续", None, None, true, Ongoing, false),
            ("長期堅持", None, None, true, Ongoing, false),
            ("持續推進", None, None, true, Ongoing, false),
            ("2020年起长期坚持", None, None, true, Ongoing, false),
            (
                "长期坚持,2020年底前取得阶段性成效",
                None,
                Some("2020-12-31"),
                false,
                YearEnd,
                false,
            ),
            // unparsed and invalid
            ("", None, None, false, Unparsed, false),
            ("尽快", Some(2020), None, false, Unparsed, false),
            ("2020年13月", None, None, false, Unparsed, true),
            ("2021年2月30日前", None, None, false, Unparsed, true),
            ("2020年3月起", None, None, false, Unparsed, true),
        ];
        for (raw, doc_year, due, ongoing, kind, warns) in cases {
            let (d, w) = parse_deadline(raw, *doc_year, &words());
            assert_eq!(d.raw, *raw);
            assert_eq!(d.due.as_deref(), *due, "due of {raw:?}");
            assert_eq!(d.ongoing, *ongoing, "ongoing of {raw:?}");
            assert_eq!(d.kind, *kind, "kind of {raw:?}");
            assert_eq!(w.is_some(), *warns, "warning of {raw:?}: {w:?}");
        }
    }

    #[test]
    fn serialises_like_the_gold() {
        let (d, _) = parse_deadline("长期坚持", None, &words());
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"raw":"长期坚持","due":null,"ongoing":true,"kind":"ongoing"}"#
        );
        let (d, _) = parse_deadline("2020年6月中旬", None, &words());
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert!(json.contains(r#""kind":"ten_days""#), "{json}");
    }

    /// OCR's letters for digits in a deadline's month or day read as those
    /// digits, as they do in its year (the one reading of an OCR'd digit).
    #[test]
    fn ocr_letters_in_a_month_and_day() {
        for (raw, due, kind) in [
            ("2021年1O月底前", "2021-10-31", DeadlineKind::MonthEnd),
            ("2021年1o月底前", "2021-10-31", DeadlineKind::MonthEnd),
            ("2021年O9月底前", "2021-09-30", DeadlineKind::MonthEnd),
            ("2021年1l月底前", "2021-11-30", DeadlineKind::MonthEnd),
            ("2O21年1O月3O日前", "2021-10-30", DeadlineKind::Day),
        ] {
            let (d, _) = parse_deadline(raw, Some(2020), &words());
            assert_eq!((d.due.as_deref(), d.kind), (Some(due), kind), "{raw}");
        }
    }

    /// Month and day forms other than figures and numerals: 元月 (the first
    /// month), OCR's 曰 for 日 and + for 十, zeros typed as digits in a year
    /// of numerals, a range of months in numerals, 次年 (the next year), and
    /// the autumn term's opening (a `festival` row).
    #[test]
    fn months_days_and_years_written_otherwise() {
        for (raw, due, kind) in [
            ("2005年元月底前", "2005-01-31", MonthEnd),
            ("二○○五年元月二十日前", "2005-01-20", Day),
            ("二○○五年元月中旬完成", "2005-01-20", TenDays),
            ("元月底前", "2004-01-31", MonthEnd),
            ("2004年元月1日", "2004-01-01", Day),
            ("2005年元旦前", "2004-12-31", Day),
            ("二〇〇七年四至五月", "2007-05-31", Range),
            ("2007年四—五月", "2007-05-31", Range),
            ("2007年十至十二月", "2007-12-31", Range),
            ("六至九月", "2004-09-30", Range),
            ("二00四年底前", "2004-12-31", YearEnd),
            ("二０○四年底完成", "2004-12-31", YearEnd),
            ("次年3月底前", "2005-03-31", MonthEnd),
            ("次年底前", "2005-12-31", YearEnd),
            ("于次年一季度", "2005-03-31", Quarter),
            ("2021年9月15曰前", "2021-09-15", Day),
            ("二〇二一年九月十五曰前", "2021-09-15", Day),
            ("2020年+月底前", "2020-10-31", MonthEnd),
            ("2021年秋季学期开学前", "2021-08-31", Day),
            ("2023年秋季开学前", "2023-08-31", Day),
            ("秋季学期开学前", "2004-08-31", Day),
            ("2021年秋季", "2021-11-30", Season),
        ] {
            let (d, _) = parse_deadline(raw, Some(2004), &words());
            assert_eq!((d.due.as_deref(), d.kind), (Some(due), kind), "{raw}");
        }
        // (次 of a count or a turn is no next year: the document's year ends.)
        for raw in ["本次年底前", "首次年底前完成"] {
            let (d, _) = parse_deadline(raw, Some(2004), &words());
            assert_eq!(d.due.as_deref(), Some("2004-12-31"), "{raw}");
        }
    }

    #[test]
    fn fold_table() {
        let cases: &[(&str, &str)] = &[
            ("二〇二〇年十二月", "2020年12月"),
            ("２０２０年 ５月—６月", "2020年5月-6月"),
            ("第三季度", "第3季度"),
            ("長期堅持", "长期坚持"),
            ("十四五期间", "十四五期间"),
            ("2020年5月——6月", "2020年5月-6月"),
            ("二〇〇七年四至五月", "2007年4-5月"),
            ("六至九月", "6-9月"),
            ("二〇二〇至二〇二二年", "2020-2022年"),
            ("四至五项", "四-五项"),
            ("二00四年底前", "2004年底前"),
            ("二０○四年底完成", "2004年底完成"),
            ("十0项", "十0项"),
            ("2005年元月底前", "2005年1月底前"),
            ("元月中旬", "1月中旬"),
            ("元旦前", "元旦前"),
            ("500元月均", "500元月均"),
            ("2021年9月15曰前", "2021年9月15日前"),
            ("子曰", "子曰"),
            ("2020年+月底前", "2020年10月底前"),
            ("二〇二一年+二月二+日", "2021年12月20日"),
            ("5+3", "5+3"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), *want, "fold({input:?})");
        }
    }
}
