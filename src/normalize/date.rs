//! Calendar dates: the [`Date`] value (ISO rendering, month ends, leap years) and the finder
//! [`parse_date`] that locates the first full date (year, month and day) in a line, in any of
//! the ways 公文 write one: `2020年3月10日`, `二〇二〇年三月十日`, `２０２０年３月１０日`,
//! `2020.3.10`, `2020-03-10`, `2020/3/10`, with or without GB-style spaces. It also owns
//! [`is_date_line`], the test for a line that is nothing but a date (a 成文日期 line).

use std::ops::Range;
use std::sync::LazyLock;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::{IResult, Parser};

use super::numeral::{
    any_number, cn_number, digit_value, is_cn_numeral_char, is_ocr_plus, ocr_numeral,
};
use crate::text::ocr_digit_char;

/// A calendar date. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// True for Gregorian leap years (2020, 2000; not 1900, 2021).
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`; 0 when `month` is not 1–12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A validated date: `None` for month 13, 2月30日, day 0 and the like.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// `2020-03-10`. Years outside 0–9999 are written with as many digits as they need.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The last day of `month` in `year` (2020-02 → 2020-02-29, 2021-02 → 2021-02-28).
    /// A month outside 1–12 is clamped into range so the function stays total.
    pub fn last_of_month(year: i32, month: u32) -> Date {
        let month = month.clamp(1, 12);
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }
}

/// A full date written with 年月日, in Arabic (ASCII or full-width) or Chinese numerals, with
/// optional spaces between parts, at the start of `s`: `2020年3月10日`, `2020 年 3 月 10 日`,
/// `二〇二〇年三月十日`, `二○○七年八月七日`, `２０２０年３月１０日`. `O`/`Ｏ` (letter O typed
/// for 〇, and its look-alikes, [`is_zero_letter`]) and `0`/`０` are accepted in Chinese
/// years, and 元月 is the first month
/// (`二〇〇九年元月二十日`). Year, month and day as written.
fn cjk_date(s: &str) -> IResult<&str, (&str, &str, &str)> {
    let year = alt((spaced_digits(4, 4), take_while_m_n(4, 4, is_cn_year_digit)));
    let (r, (y, _, _, _)) = (year, spaces, char('年'), spaces).parse(s)?;
    let month = alt((
        spaced_digits(1, 2),
        take_while_m_n(1, 2, is_cn_day_numeral),
        tag(FIRST_MONTH),
    ));
    let (r, (m, _, _, _)) = (month, spaces, char('月'), spaces).parse(r)?;
    let day = alt((spaced_digits(1, 2), take_while_m_n(1, 3, is_cn_day_numeral)));
    let (r, (d, _, _)) = (day, spaces, satisfy(|c| c == '日' || c == '号')).parse(r)?;
    Ok((r, (y, m, d)))
}

/// `min` to `max` digits (ASCII or full-width) as written, white space maybe
/// between two of them: an OCR export spaces a scanned page's digits apart
/// (`2 0 2 1年4月1 2日`). The value is read by [`digits_value`].
fn spaced_digits(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, &str> {
    move |s| {
        let mut count = 0;
        let mut end = 0;
        while count < max {
            let from = if count == 0 {
                end
            } else {
                s.len() - s[end..].trim_start_matches(char::is_whitespace).len()
            };
            match s[from..].chars().next() {
                Some(c) if is_any_digit(c) => {
                    end = from + c.len_utf8();
                    count += 1;
                }
                _ => break,
            }
        }
        if count < min {
            return Err(nom::Err::Error(nom::error::Error::new(
                s,
                nom::error::ErrorKind::Digit,
            )));
        }
        Ok((&s[end..], &s[..end]))
    }
}

/// The value of digits read by [`spaced_digits`], the spaces between them
/// passed over.
fn digits_value(s: &str) -> Option<u32> {
    let mut digits = s.chars().filter(|c| !c.is_whitespace()).peekable();
    digits.peek()?;
    digits.try_fold(0u32, |acc, c| {
        acc.checked_mul(10)?.checked_add(digit_value(c)?)
    })
}

/// 元月, the first month's name in dates (`二〇〇九年元月二十日`).
const FIRST_MONTH: &str = "元";

/// A month's or a day's number: digits ([`digits_value`]), a numeral, or
/// [`FIRST_MONTH`].
fn day_value(s: &str) -> Option<u32> {
    if s == FIRST_MONTH {
        return Some(1);
    }
    digits_value(s).or_else(|| any_number(s))
}

/// A numeric date with `.`, `-` or `/` (either width) between parts, at the start of `s`:
/// `2020.3.10`, `2020-03-10`, `2020/3/10`, `２０２０．３．１０`. Year, the two separators,
/// month and day as written (the caller requires the separators to be the same).
fn numeric_date(s: &str) -> IResult<&str, (&str, char, &str, char, &str)> {
    let sep = || (spaces, satisfy(is_separator), spaces);
    let (r, (y, (_, s1, _))) = (take_while_m_n(4, 4, is_any_digit), sep()).parse(s)?;
    let (r, (m, (_, s2, _))) = (take_while_m_n(1, 2, is_any_digit), sep()).parse(r)?;
    let (r, d) = take_while_m_n(1, 2, is_any_digit).parse(r)?;
    Ok((r, (y, s1, m, s2, d)))
}

/// Zero or more spaces of any kind (Unicode White_Space).
fn spaces(s: &str) -> IResult<&str, &str> {
    take_while(char::is_whitespace).parse(s)
}

/// A digit of a year in Chinese numerals (the letter O or the digit 0 typed
/// for 〇 included: 二0二二年, and the look-alikes of [`is_zero_letter`]).
fn is_cn_year_digit(c: char) -> bool {
    const DIGITS: [char; 14] = [
        '〇', '零', '○', '0', '０', '一', '二', '三', '四', '五', '六', '七', '八', '九',
    ];
    DIGITS.contains(&c) || is_zero_letter(c)
}

/// A letter typed or recognised for the 〇 of a year in Chinese numerals:
/// the Latin O in either case and width, the Greek capital or small omicron
/// (二ΟΟ八年, 二oo八年). Read as 〇 only inside such a year
/// ([`year_value`]: a Chinese digit beside them), never elsewhere.
pub(crate) fn is_zero_letter(c: char) -> bool {
    matches!(c, 'O' | 'o' | 'Ｏ' | 'ｏ' | '\u{039F}' | '\u{03BF}')
}

/// A character of a month or day in Chinese numerals.
fn is_cn_day_numeral(c: char) -> bool {
    const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    NUMERALS.contains(&c)
}

/// A separator of a numeric date.
fn is_separator(c: char) -> bool {
    matches!(c, '.' | '-' | '/' | '．' | '－' | '／')
}

/// Where a date whose year is followed by the character at `at` must start:
/// four characters before the spaces before it (the parsers check what they
/// are), white space between two digits not counted (`2 0 2 1年`).
fn year_start(s: &str, at: usize) -> Option<usize> {
    let before = s[..at].trim_end_matches(char::is_whitespace);
    let mut start = before.len();
    for k in 0..4 {
        let gap = before[..start].trim_end_matches(char::is_whitespace);
        if k > 0
            && gap.len() < start
            && before[start..].starts_with(is_any_digit)
            && gap.ends_with(is_any_digit)
        {
            start = gap.len();
        }
        start -= before[..start].chars().next_back()?.len_utf8();
    }
    Some(start)
}

/// Byte offsets of the separators of numeric dates in `s`, in order.
fn separators(s: &str) -> impl Iterator<Item = usize> + '_ {
    let b = s.as_bytes();
    // ． EF BC 8E, － EF BC 8D, ／ EF BC 8F.
    let wide = memchr::memchr_iter(0xef, b)
        .filter(move |&i| matches!(b.get(i + 1..i + 3), Some([0xbc, 0x8d..=0x8f])));
    crate::text::merged(memchr::memchr3_iter(b'.', b'-', b'/', b), wide)
}

/// Byte offsets of 年 in `s`, in order.
fn years(s: &str) -> impl Iterator<Item = usize> + '_ {
    static NIAN: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("年".as_bytes()));
    NIAN.find_iter(s.as_bytes())
}

fn is_any_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Reads a year written in digits or Chinese digits (letter O as zero,
/// [`is_zero_letter`], when a Chinese digit stands beside it).
fn year_value(s: &str) -> Option<i32> {
    if let Some(v) = digits_value(s) {
        return i32::try_from(v).ok();
    }
    let nonzero = |c: char| c != '十' && is_cn_day_numeral(c);
    if s.contains(is_zero_letter) && !s.chars().any(nonzero) {
        return None;
    }
    let fixed: String = s
        .chars()
        .map(|c| {
            if is_zero_letter(c) || matches!(c, '0' | '０') {
                '〇'
            } else {
                c
            }
        })
        .collect();
    cn_number(&fixed).and_then(|v| i32::try_from(v).ok())
}

/// True when the match is glued to more digits of the same kind on either side
/// (`12020年…`, `2020.3.105`), in which case it is not a date.
fn glued(s: &str, range: &Range<usize>, cjk_digits: bool) -> bool {
    let is_digit = |c: char| {
        if cjk_digits {
            is_cn_numeral_char(c) || c == 'O' || c == 'Ｏ'
        } else {
            is_any_digit(c)
        }
    };
    let before = s.get(..range.start).and_then(|p| p.chars().next_back());
    let after = s.get(range.end..).and_then(|p| p.chars().next());
    before.is_some_and(is_digit) || (!cjk_digits && after.is_some_and(is_any_digit))
}

/// The first valid 年月日 date in `s` not glued to more digits. A date is
/// found by its 年: its year is the four characters before it, so dates
/// start in the order of their 年. (A date read at a later 年 starts after
/// a rejected one ends: the 日 or 号 ending it is neither a digit nor a
/// space, so no year runs across it.)
fn cjk_candidate(s: &str) -> Option<(Date, Range<usize>)> {
    for at in years(s) {
        let Some(start) = year_start(s, at) else {
            continue;
        };
        let Ok((rest, (y, m, d))) = cjk_date(&s[start..]) else {
            continue;
        };
        let range = start..s.len() - rest.len();
        let cjk = !y.chars().next().is_some_and(is_any_digit);
        if glued(s, &range, cjk) {
            continue;
        }
        let date = year_value(y).and_then(|year| Date::new(year, day_value(m)?, day_value(d)?));
        if let Some(date) = date {
            return Some((date, range));
        }
    }
    None
}

/// The first valid numeric date in `s`, its separators the same, not glued
/// to more digits. Found by its first separator (its year is the four
/// characters before it): a date read at each separator in turn, so that
/// after a rejected one the dates starting inside it are tried as well
/// (`2020.13.2020.3.4`: month 13 rejected, then `2020.3.4`).
fn numeric_candidate(s: &str) -> Option<(Date, Range<usize>)> {
    for at in separators(s) {
        let Some(start) = year_start(s, at) else {
            continue;
        };
        let Ok((rest, (y, s1, m, s2, d))) = numeric_date(&s[start..]) else {
            continue;
        };
        let range = start..s.len() - rest.len();
        let date = if s1 == s2 && !glued(s, &range, false) {
            year_value(y).and_then(|year| Date::new(year, any_number(m)?, any_number(d)?))
        } else {
            None
        };
        if let Some(date) = date {
            return Some((date, range));
        }
    }
    None
}

/// Finds the first full date (year, month and day) anywhere in `s` and returns it with its byte
/// range in `s`. Impossible dates (month 13, 2月30日) are skipped and the search goes on.
///
/// ```text
/// "于2020年3月10日印发"  → 2020-03-10 @ 3..19
/// "二〇二〇年三月十日"     → 2020-03-10
/// "2020.3.10"            → 2020-03-10
/// ```
pub fn parse_date(s: &str) -> Option<(Date, Range<usize>)> {
    let a = cjk_candidate(s);
    let b = numeric_candidate(s);
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.1.start < a.1.start { b } else { a }),
        (a, b) => a.or(b),
    }
    .or_else(|| ocr_signed_day(s, cjk_candidate))
}

/// OCR's 曰 for the 日 that closes a 成文日期 (its commonest confusion in
/// dates), and its letters for the digits of a year, month or day
/// (`2O21年`, `1O月`: [`mend_ocr_digits`]), read as 日 and digits where a
/// date is signed: the date ends the line and stands
/// alone on it or after the signing organ and a space (`2021年3月15曰`,
/// `某市人民政府　2O21年7月16日`). Never inside running text: nothing but
/// ideographs and spaces before the date, no sentence's mark. `read` finds
/// the first 年月日 date of a line (`cjk_candidate`).
fn ocr_signed_day(
    s: &str,
    read: impl Fn(&str) -> Option<(Date, Range<usize>)>,
) -> Option<(Date, Range<usize>)> {
    const OCR_DAY: char = '曰';
    let t = s.trim_end();
    let (head, ocr_day) = match t.strip_suffix(OCR_DAY) {
        Some(h) => (h, true),
        None => (t.strip_suffix('日')?, false),
    };
    // (Most lines closed by 日 hold no letter for a digit, no mark for a
    // numeral and no space: answered before the line is built.)
    if !ocr_day && !holds_ocr_letter(head) && !holds_cn_date_damage(head) {
        return None;
    }
    let line = [head, "日"].concat();
    let digits = mend_ocr_digits(&line);
    let mended_digits = digits.is_some();
    // (曰 and 日 take three bytes each, and a mended digit as many as the
    // letter it mends: the range read in the mended line is the range in `s`.)
    let mended = digits.unwrap_or(line);
    let (date, r) = match CnDate::mend(&mended) {
        // (A Chinese date mended ends the line, and the text before it is
        // as written: the range ends where `s`'s text does.)
        Some(cn) => {
            let (date, r) = read(&cn.text)?;
            (r.end == cn.text.len()).then_some(())?;
            (date, cn.source(r.start)?..mended.len())
        }
        None if ocr_day || mended_digits => read(&mended)?,
        None => return None,
    };
    let before = &s[..r.start];
    let organ = before
        .chars()
        .all(|c| crate::text::is_han(c) || crate::text::is_space(c))
        && before.ends_with(crate::text::is_space)
        && crate::text::chars_at_most(before, 60);
    (r.end == mended.len() && (crate::text::trim(before).is_empty() || organ)).then_some((date, r))
}

/// `s` may close with a date in Chinese numerals an OCR damaged
/// ([`CnDate::mend`]): it holds a mark OCR prints for 一 or 十, or white
/// space.
fn holds_cn_date_damage(s: &str) -> bool {
    s.contains(|c: char| ocr_numeral(c).is_some() || c.is_whitespace())
}

/// A signed date in Chinese numerals closing a line as an OCR printed it,
/// mended for reading: a dash for 一 or a plus for 十 among its numerals
/// (`二〇二—年五月六日`, `十—月二十—日`, `二〇二二年—月十日`, `四月+日`,
/// `+二月二+日`, [`ocr_numeral`]), and the spaces of a letter-spaced line
/// between its characters (`二 〇 二 二 年 四 月 六 日`). Only in the run of a
/// date's characters that closes the line, a true Chinese numeral in it;
/// the text before it is kept as written.
struct CnDate {
    /// The line, its closing date mended.
    text: String,
    /// Where the mended date starts in `text` and in the line.
    from: usize,
    /// For each character of the mended date, its offset in `text` and in
    /// the line.
    at: Vec<(usize, usize)>,
}

impl CnDate {
    /// The line `s` (closed by 日) with its closing date mended, or `None`
    /// when nothing in it needs mending.
    fn mend(s: &str) -> Option<CnDate> {
        let is_part = |c: char| is_date_char(c) || ocr_numeral(c).is_some() || c.is_whitespace();
        let tail = s.trim_end_matches(is_part);
        let from = s.len()
            - s[tail.len()..]
                .trim_start_matches(char::is_whitespace)
                .len();
        let date = &s[from..];
        if !date.contains(|c: char| ocr_numeral(c).is_some() || c.is_whitespace()) {
            return None;
        }
        if !date.contains(|c: char| is_cn_day_numeral(c) || matches!(c, '〇' | '○' | '零')) {
            return None;
        }
        let chars: Vec<(usize, char)> = date
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .collect();
        let mut text = s[..from].to_owned();
        let mut at = Vec::with_capacity(chars.len());
        let mut changed = chars.len() < date.chars().count();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let before = k.checked_sub(1).map(|j| chars[j].1);
            let after = chars.get(k + 1).map(|p| p.1);
            let numeral =
                ocr_numeral(c).filter(|_| stands_for_numeral(c, before, after, &chars[k..]));
            at.push((text.len(), from + i));
            match numeral {
                Some(n) => {
                    text.push(n);
                    changed = true;
                }
                None => text.push(c),
            }
        }
        changed.then_some(CnDate { text, from, at })
    }

    /// The offset in the line of the character at `at` of the mended text.
    fn source(&self, at: usize) -> Option<usize> {
        if at <= self.from {
            return Some(at);
        }
        self.at.iter().find(|p| p.0 == at).map(|p| p.1)
    }
}

/// The OCR mark `c` ([`ocr_numeral`]) between `before` and `after` in a
/// date, `rest` the date's characters from it on, stands for a numeral: a
/// dash for the 一 of a year (among the four digits before 年: `二〇二—年`),
/// after 十 (`十—月`, `二十—日`), or alone as a month or a day (`年—月`,
/// `月—日`); a plus for 十 after a digit, 年 or 月 and before a digit, 月 or
/// 日 (`+二月`, `二+日`, `月+日`). Never a dash between two dates or two
/// months (`十月—十二月`).
fn stands_for_numeral(
    c: char,
    before: Option<char>,
    after: Option<char>,
    rest: &[(usize, char)],
) -> bool {
    let (Some(b), Some(a)) = (before, after) else {
        return false;
    };
    let digit = |c: char| {
        matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
        )
    };
    if is_ocr_plus(c) {
        return (digit(b) || matches!(b, '年' | '月')) && (digit(a) || matches!(a, '月' | '日'));
    }
    let in_year = is_cn_year_digit(b)
        && rest
            .iter()
            .take(4)
            .find(|p| !is_cn_year_digit(p.1) && ocr_numeral(p.1).is_none())
            .is_some_and(|p| p.1 == '年');
    in_year
        || b == '十' && (digit(a) || matches!(a, '月' | '日'))
        || (b, a) == ('年', '月')
        || (b, a) == ('月', '日')
}

/// `s` holds a letter OCR prints for a digit (O, l, 〇 beside digits…):
/// [`mend_ocr_digits`] may mend it.
fn holds_ocr_letter(s: &str) -> bool {
    s.contains(|c: char| ocr_digit_char(c).is_some() && !is_any_digit(c))
}

/// `s` with the letters an OCR read for digits mended ([`crate::text::ocr_digit_char`]:
/// 2O21年, 1O月, 3o日, 1〇月, l2号), or `None` when it holds none. Only in a run
/// of digits that holds a true digit and a letter, stands after no Latin
/// letter or digit-like mark, and closes a year (four characters before 年)
/// or a month or day (one or two before 月, 日 or 号), spaces maybe between:
/// never in a word (ISO9001, COVID-19). The years, months and days of dates
/// and deadlines read through it. Byte offsets are kept.
pub fn mend_ocr_digits(s: &str) -> Option<String> {
    // (Most text holds no such letter: answered before anything is built.)
    if !holds_ocr_letter(s) {
        return None;
    }
    let letter = |c: char| ocr_digit_char(c).is_some() && !is_any_digit(c);
    let mut mended: Option<String> = None;
    let mut run: Option<(usize, usize)> = None; // start, characters
    let mut before: Option<char> = None;
    for (at, c) in s.char_indices().chain(std::iter::once((s.len(), '\0'))) {
        if at < s.len() && ocr_digit_char(c).is_some() {
            match &mut run {
                Some((_, n)) => *n += 1,
                None if !before.is_some_and(|b| b.is_alphanumeric() && !is_cjk_text(b)) => {
                    run = Some((at, 1))
                }
                None => {}
            }
            before = Some(c);
            continue;
        }
        if let Some((start, n)) = run.take() {
            let digits = &s[start..at];
            let unit = s[at..]
                .trim_start_matches(char::is_whitespace)
                .chars()
                .next();
            let fits = match unit {
                Some('年') => n == 4,
                Some('月' | '日' | '号') => n <= 2,
                _ => false,
            };
            if fits && digits.contains(is_any_digit) && digits.contains(letter) {
                let out = mended.get_or_insert_with(|| s.to_owned());
                let fixed: String = digits.chars().filter_map(ocr_digit_char).collect();
                out.replace_range(start..at, &fixed);
            }
        }
        if !c.is_whitespace() {
            before = Some(c);
        }
    }
    mended
}

/// An ideograph or a CJK mark: what may stand right before a run of digits
/// that [`mend_ocr_digits`] reads (a Latin letter may not).
fn is_cjk_text(c: char) -> bool {
    !c.is_ascii() && !matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '\u{0370}'..='\u{03FF}')
}

/// A date's rest a wrap cut off its head, alone on a line (1年3月9日,
/// 年5月20日, 二月二十八日): up to ten characters of a date, ending with 日.
pub fn is_date_rest(t: &str) -> bool {
    t.ends_with('日') && crate::text::chars_at_most(t, 10) && t.chars().all(is_date_char)
}

/// A character a 年月日 date may hold: a digit, a numeral, a zero form the
/// date reader takes in a year (〇 ○ Ｏ O 零, and the letters o ｏ Ο ο
/// read as 〇: [`is_cn_year_digit`]), or 年 月 日.
fn is_date_char(c: char) -> bool {
    crate::text::is_digit(c)
        || is_cn_numeral_char(c)
        || is_cn_year_digit(c)
        || matches!(c, '年' | '月' | '日')
}

/// `head` and `rest` are one date line a wrap cut (2020年8月2 / 1日,
/// 二〇二〇年八月二 / 十一日, 2021年 / 3月18日, 二〇 / 二一年四月十二日): both hold
/// nothing but a date's characters, the head alone no date, the rest up to
/// 日.
pub fn day_cut(head: &str, rest: &str) -> bool {
    // (Most lines end otherwise, or are longer: answered before any
    // character is read.)
    if rest.len() > 64 || !rest.trim_end().ends_with('日') {
        return false;
    }
    let (head, rest) = (crate::text::trim(head), crate::text::trim(rest));
    !head.is_empty()
        && crate::text::chars_at_most(rest, 12)
        && crate::text::chars_at_most(head, 12)
        && rest.chars().all(is_date_char)
        && head.chars().all(|c| c != '日' && is_date_char(c))
        && !is_date_line(head)
        && is_date_line(&[head, rest].concat())
}

/// `t` is a date's head a wrap cut before its day, alone on its line
/// (2020年8月, 二〇二〇年八月, 2021年): a date's characters only, no 日, no
/// more than a date holds, and no date by itself.
pub fn is_date_head(t: &str) -> bool {
    let t = crate::text::trim(t);
    !t.is_empty()
        && crate::text::chars_at_most(t, 12)
        && t.chars().all(|c| c != '日' && is_date_char(c))
        && !is_date_line(t)
}

/// True when `s`, ignoring surrounding whitespace (U+3000 included), is exactly one date:
/// a 成文日期 line such as `2020年3月10日` or `　　二〇二〇年三月十日`.
pub fn is_date_line(s: &str) -> bool {
    let t = s.trim();
    // A date line is short (a letter-spaced one, 二　〇　二　〇　年……, up to
    // 96 bytes) and starts with a digit or a numeral: reject everything
    // else before any pattern runs (this is asked of every line).
    if t.len() > 96
        || !t.chars().next().is_some_and(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || crate::normalize::numeral::is_cn_numeral_char(c)
        })
    {
        return false;
    }
    // And ends as a date does: 日 or 号 (`cjk_date`), a digit (`numeric_date`).
    // A marker line (一、…) starts with a numeral too.
    // (Or OCR's 曰 for that 日, `ocr_signed_day`.)
    if !t.ends_with(|c: char| matches!(c, '日' | '号' | '曰' | '0'..='9' | '０'..='９')) {
        return false;
    }
    !t.is_empty() && parse_date(t).is_some_and(|(_, r)| r.start == 0 && r.end == t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn iso_and_month_ends() {
        assert_eq!(d(2020, 3, 10).iso(), "2020-03-10");
        assert_eq!(d(987, 1, 2).iso(), "0987-01-02");
        let cases: &[((i32, u32), &str)] = &[
            ((2020, 2), "2020-02-29"),
            ((2021, 2), "2021-02-28"),
            ((1900, 2), "1900-02-28"),
            ((2000, 2), "2000-02-29"),
            ((2020, 4), "2020-04-30"),
            ((2020, 12), "2020-12-31"),
            ((2020, 13), "2020-12-31"),
            ((2020, 0), "2020-01-31"),
        ];
        for ((y, m), want) in cases {
            assert_eq!(
                Date::last_of_month(*y, *m).iso(),
                *want,
                "last_of_month({y}, {m})"
            );
        }
        assert!(d(2020, 3, 10) < d(2020, 12, 1));
        assert_eq!(Date::new(2021, 2, 29), None);
        assert_eq!(Date::new(2020, 2, 29), Some(d(2020, 2, 29)));
        assert_eq!(Date::new(2020, 0, 1), None);
    }

    #[test]
    fn a_date_line_cut_by_a_wrap() {
        assert!(day_cut("  2020年8月2", "1日"));
        assert!(day_cut("二〇二〇年八月二", "十一日"));
        assert!(day_cut("2020年8月", "21日"));
        assert!(day_cut("2021年", "3月18日"));
        assert!(day_cut("二〇", "二一年四月十二日"));
        assert!(day_cut("20", "21年7月6日"));
        assert!(day_cut("二Ｏ", "Ｏ九年七月十四日"));
        assert!(day_cut("二O", "O九年七月十四日"));
        assert!(is_date_rest("Ｏ九年七月十四日"));
        assert!(!day_cut("2021年", "3月18日前"));
        assert!(!day_cut("第20", "21年7月6日"));
        assert!(!day_cut("2020年8月2日", "1日"));
        assert!(!day_cut("完成时限：2020年8月2", "1日"));
    }

    #[test]
    fn parse_date_table() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            // real: 成文日期 lines and dates inside sentences of the sample
            ("2020年3月10日", Some(("2020-03-10", "2020年3月10日"))),
            ("2020年4月30日前完成", Some(("2020-04-30", "2020年4月30日"))),
            (
                "二〇二〇年三月十日",
                Some(("2020-03-10", "二〇二〇年三月十日")),
            ),
            ("二○○七年八月七日", Some(("2007-08-07", "二○○七年八月七日"))),
            // the digit 0 typed for 〇
            (
                "二0二二年六月十日",
                Some(("2022-06-10", "二0二二年六月十日")),
            ),
            (
                "二０二一年三月五日",
                Some(("2021-03-05", "二０二一年三月五日")),
            ),
            (
                "二〇二〇年十二月三十一日",
                Some(("2020-12-31", "二〇二〇年十二月三十一日")),
            ),
            (
                "二〇二〇年十月二十日",
                Some(("2020-10-20", "二〇二〇年十月二十日")),
            ),
            // constructed: spaces, widths, separators
            (
                "2020 年 3 月 10 日",
                Some(("2020-03-10", "2020 年 3 月 10 日")),
            ),
            (
                "2020年\u{3000}3月\u{3000}10日",
                Some(("2020-03-10", "2020年\u{3000}3月\u{3000}10日")),
            ),
            (
                "２０２０年３月１０日",
                Some(("2020-03-10", "２０２０年３月１０日")),
            ),
            ("二O二O年三月十日", Some(("2020-03-10", "二O二O年三月十日"))),
            // the Greek omicron and the small letter o typed for 〇
            (
                "二\u{39F}\u{39F}八年二月十八日",
                Some(("2008-02-18", "二\u{39F}\u{39F}八年二月十八日")),
            ),
            (
                "二\u{3BF}\u{3BF}八年二月十八日",
                Some(("2008-02-18", "二\u{3BF}\u{3BF}八年二月十八日")),
            ),
            (
                "二oo八年二月十八日",
                Some(("2008-02-18", "二oo八年二月十八日")),
            ),
            // no Chinese digit beside the letters: no year
            ("oooo年二月十八日", None),
            ("OOOO年二月十八日", None),
            (
                "二〇〇九年元月二十日",
                Some(("2009-01-20", "二〇〇九年元月二十日")),
            ),
            ("2009年元月5日", Some(("2009-01-05", "2009年元月5日"))),
            ("于2020年3月10日印发", Some(("2020-03-10", "2020年3月10日"))),
            ("2020.3.10", Some(("2020-03-10", "2020.3.10"))),
            ("2020-03-10", Some(("2020-03-10", "2020-03-10"))),
            ("2020/3/10", Some(("2020-03-10", "2020/3/10"))),
            (
                "日期：２０２０．３．１０",
                Some(("2020-03-10", "２０２０．３．１０")),
            ),
            ("2020年3月10号", Some(("2020-03-10", "2020年3月10号"))),
            // first date wins, whichever form
            ("2020.1.2与2020年3月4日", Some(("2020-01-02", "2020.1.2"))),
            (
                "2020年3月4日与2020.1.2",
                Some(("2020-03-04", "2020年3月4日")),
            ),
            // invalid dates are skipped
            ("2020年13月1日", None),
            ("2021年2月29日", None),
            (
                "2020年2月30日后,2020年3月1日",
                Some(("2020-03-01", "2020年3月1日")),
            ),
            ("2020.13.1", None),
            ("2020-3/10", None),
            ("12020.3.10", None),
            // not full dates
            ("2020年12月", None),
            ("2020年", None),
            ("3月10日", None),
            ("", None),
            ("长期坚持", None),
        ];
        for (input, want) in cases {
            let got = parse_date(input).map(|(date, r)| {
                (
                    date.iso(),
                    input.get(r).unwrap_or("<bad range>").to_string(),
                )
            });
            let want = want.map(|(a, b)| (a.to_string(), b.to_string()));
            assert_eq!(got, want, "parse_date({input:?})");
        }
    }

    /// OCR's 曰 closing the day of a date signed alone on its line or after
    /// the organ reads as 日; in running text, or not closing the line, it
    /// does not.
    #[test]
    fn ocr_day_in_a_signed_date() {
        for (t, at) in [
            ("2021年3月15曰", 0),
            ("\t\t2021年3月15曰  ", 2),
            ("某市人民政府\t\t2021年3月15曰", "某市人民政府\t\t".len()),
            ("二〇二一年三月十五曰", 0),
        ] {
            let (date, r) = parse_date(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!((date, r.start), (d(2021, 3, 15), at), "{t}");
        }
        assert!(is_date_line("　　2021年3月15曰"));
        for t in [
            "会议于2021年3月15曰",
            "某市人民政府，2021年3月15曰",
            "2021年3月15曰召开",
            "某市人民政府2021年3月15曰",
            "2021年3月32曰",
        ] {
            assert_eq!(parse_date(t), None, "{t}");
        }
        assert!(!is_date_line("某市人民政府　2021年3月15曰"));
    }

    /// OCR's letters for the digits of a signed date's month and day read
    /// as those digits, by the one reading of an OCR'd digit; in running
    /// text they do not.
    #[test]
    fn ocr_letters_in_a_signed_month_and_day() {
        for (t, want) in [
            ("2021年1O月12日", d(2021, 10, 12)),
            ("2O21年1o月3O日", d(2021, 10, 30)),
            ("2021年l0月12曰", d(2021, 10, 12)),
            ("２０２１年１Ｏ月１２日", d(2021, 10, 12)),
            ("2021年1〇月12日", d(2021, 10, 12)),
        ] {
            let (date, r) = parse_date(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!((date, r), (want, 0..t.len()), "{t}");
            assert!(is_date_line(t), "{t}");
        }
        for t in [
            "会议于2021年1O月12日",
            "2021年1O月12日召开",
            "2021年O月12日",
        ] {
            assert_eq!(parse_date(t), None, "{t}");
        }
    }

    /// Letters are mended only in a run of digits closing a year, month or
    /// day, a true digit among them and no Latin letter before them.
    #[test]
    fn mend_ocr_digits_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2021年1O月底前", Some("2021年10月底前")),
            ("2O21年", Some("2021年")),
            ("1O 月", Some("10 月")),
            ("1〇月", Some("1０月")),
            ("l2号", Some("12号")),
            ("2021年10月", None),
            ("O月", None),
            ("ISO9001年", None),
            ("1O2月", None),
            ("2O2l", None),
            ("Io月", None),
        ];
        for (t, want) in cases {
            let got = mend_ocr_digits(t);
            assert_eq!(got.as_deref(), *want, "{t}");
            assert_eq!(got.map_or(t.len(), |m| m.len()), t.len(), "{t}");
        }
    }

    /// OCR's letter O for a 0 in a signed date's year in digits reads as 0
    /// (with 曰 closing it or not); in running text, after a comma, or in a
    /// deadline, it does not.
    #[test]
    fn ocr_zero_in_a_signed_year() {
        for (t, at) in [
            ("2O21年7月16日", 0),
            ("　　2o21年7月16曰", "　　".len()),
            (
                "某市人民政府办公室　　　　2O21年7月16日",
                "某市人民政府办公室　　　　".len(),
            ),
            ("２Ｏ２１年７月１６日", 0),
        ] {
            let (date, r) = parse_date(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!((date, r.start), (d(2021, 7, 16), at), "{t}");
        }
        assert!(is_date_line("　　2O21年7月16日"));
        for t in [
            "会议于2O21年7月16日",
            "2O21年7月16日召开",
            "某市人民政府2O21年7月16日",
            "某市人民政府，2O21年7月16日",
            "2O21年10月底前",
        ] {
            assert_eq!(parse_date(t), None, "{t}");
        }
    }

    /// A signed date in Chinese numerals whose 一 an OCR printed as a dash
    /// or whose 十 as a plus, or whose characters it spaced apart, reads
    /// as the date; a dash of a range, a date in running text, a line
    /// holding no Chinese numeral do not.
    #[test]
    fn ocr_damage_in_a_signed_chinese_date() {
        let signed = "二〇二—年五月六日 2021-05-06|二〇二〇年十—月二十—日 2020-11-21|\
            二〇二二年—月十日 2022-01-10|二〇二二年一月—日 2022-01-01|二〇二－年五月六日 2021-05-06|\
            二〇二-年五月六日 2021-05-06|二〇二―年五月六日 2021-05-06|二〇—九年五月六日 2019-05-06|\
            二〇二一年四月+日 2021-04-10|二〇二一年+二月二+日 2021-12-20|\
            二〇二一年＋月三＋日 2021-10-30|二〇二—年五月六曰 2021-05-06|\
            二 〇 二 二 年 四 月 六 日 2022-04-06|\
            二　〇　二　〇　年　十　二　月　三　十　一　日 2020-12-31";
        for case in signed.split('|') {
            let (t, want) = case.rsplit_once(' ').unwrap();
            let (date, r) = parse_date(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!((date.iso().as_str(), r), (want, 0..t.len()), "{t}");
            assert!(is_date_line(t), "{t}");
        }
        // Under its organ, after it on its line.
        let indented = "　　二 〇 二 二 年 四 月 六 日";
        assert!(is_date_line(indented));
        let organ = "某市人民政府办公室　　";
        let t = [organ, "二 〇 二 — 年 四 月 六 日"].concat();
        assert_eq!(parse_date(&t), Some((d(2021, 4, 6), organ.len()..t.len())));
        for t in [
            "二〇二〇年十月—十二月二十日",
            "二〇二〇年十月—十二月",
            "二〇二〇—二〇二一年",
            "会议于二〇二—年五月六日",
            "二〇二—年五月六日召开",
            "某市人民政府二〇二—年五月六日",
            "2021年—月10日",
            "2021年+月10日",
            "二〇二一年——月十日",
            "二〇二一年四月+ +日",
            "会议定于十月 十 日",
            "1 二 三 年 五 月 六 日",
        ] {
            assert_eq!(parse_date(t), None, "{t}");
        }
    }

    #[test]
    fn is_date_line_table() {
        let cases: &[(&str, bool)] = &[
            ("2020年3月10日", true),
            ("  2020年3月10日  ", true),
            ("\u{3000}\u{3000}二〇二〇年三月十日", true),
            ("2020 年 3 月 10 日", true),
            // Digits spaced apart by an OCR export.
            ("2 0 2 1年4月1 2日", true),
            ("2   0   1   9年 5月 1   6日", true),
            ("2020.3.10", true),
            ("2020年3月10日印发", false),
            ("石嘴山市人民政府 2020年3月10日", false),
            ("2020年12月", false),
            ("", false),
            ("\u{3000}", false),
        ];
        for (input, want) in cases {
            assert_eq!(is_date_line(input), *want, "is_date_line({input:?})");
        }
    }

    /// The regular expressions the date grammar replaced, and the search
    /// around them: the reference the grammar is compared with.
    mod by_regex {
        use super::super::*;
        use regex::Regex;

        static CJK_DATE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?x)
                (?P<y>[0-9０-９](?:\s*[0-9０-９]){3}|[〇零○OＯoｏΟο0０一二三四五六七八九]{4}) \s* 年 \s*
                (?P<m>[0-9０-９](?:\s*[0-9０-９])?|[一二三四五六七八九十]{1,2}|元) \s* 月 \s*
                (?P<d>[0-9０-９](?:\s*[0-9０-９])?|[一二三四五六七八九十]{1,3}) \s* [日号]",
            )
            .unwrap()
        });

        static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?x)
                (?P<y>[0-9０-９]{4}) \s* (?P<s1>[.\-/．－／]) \s*
                (?P<m>[0-9０-９]{1,2}) \s* (?P<s2>[.\-/．－／]) \s*
                (?P<d>[0-9０-９]{1,2})",
            )
            .unwrap()
        });

        fn cjk(s: &str) -> Option<(Date, Range<usize>)> {
            for caps in CJK_DATE.captures_iter(s) {
                let (all, y, m, d) = (&caps[0], &caps["y"], &caps["m"], &caps["d"]);
                let start = caps.get(0).unwrap().start();
                let range = start..start + all.len();
                let cjk = !y.chars().next().is_some_and(is_any_digit);
                if glued(s, &range, cjk) {
                    continue;
                }
                let date =
                    year_value(y).and_then(|year| Date::new(year, day_value(m)?, day_value(d)?));
                if let Some(date) = date {
                    return Some((date, range));
                }
            }
            None
        }

        fn numeric(s: &str) -> Option<(Date, Range<usize>)> {
            let mut at = 0;
            while let Some(caps) = s.get(at..).and_then(|h| NUMERIC_DATE.captures(h)) {
                let all = caps.get(0).unwrap();
                let start = at + all.start();
                let range = start..start + all.len();
                let date = if caps["s1"] == caps["s2"] && !glued(s, &range, false) {
                    year_value(&caps["y"]).and_then(|year| {
                        Date::new(year, any_number(&caps["m"])?, any_number(&caps["d"])?)
                    })
                } else {
                    None
                };
                if let Some(date) = date {
                    return Some((date, range));
                }
                at += all.start() + all.as_str().chars().next().map_or(1, char::len_utf8);
            }
            None
        }

        pub fn parse_date(s: &str) -> Option<(Date, Range<usize>)> {
            match (cjk(s), numeric(s)) {
                (Some(a), Some(b)) => Some(if b.1.start < a.1.start { b } else { a }),
                (a, b) => a.or(b),
            }
            .or_else(|| ocr_signed_day(s, cjk))
        }
    }

    /// Every separator of a numeric date, and nothing else, is where
    /// `separators` looks (checked on every character).
    #[test]
    fn separators_are_found_by_their_bytes() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let one = c.to_string();
            let found = separators(&one).next() == Some(0);
            assert_eq!(found, is_separator(c), "{c:?}");
        }
    }

    /// The date grammar finds what the regular expressions found, on every
    /// line of the sample and the cases and on 300 000 strings drawn from
    /// the slots of a date, each filled right or wrong (years, months and
    /// days in digits of both widths and in Chinese numerals, too short and
    /// too long; 年月日号 and separators in and out of place; spaces of
    /// three kinds; digits and words around them).
    #[test]
    fn grammar_finds_what_the_regular_expressions_found() {
        let mut texts = crate::testdata::sample_and_case_lines();
        // A date's slots, each drawn from right and wrong fillings.
        let slots: [&[&str]; 9] = [
            &["", "", "于", "1", "二", "〇", "O", "5", " "],
            &[
                "2020",
                "二〇二〇",
                "二O二O",
                "２０２０",
                "2021",
                "202",
                "二〇二",
                "20２0",
                "二〇二〇二",
                "2 0 2 1",
                "20 21",
            ],
            &["", "", " ", "\u{3000}", "\t"],
            &[
                "年",
                "年",
                ".",
                "-",
                "/",
                "．",
                "－",
                "／",
                "月",
                "年\u{3000}",
                ". ",
                "/\t",
            ],
            &[
                "3", "03", "12", "13", "１２", "十", "十二", "三", "123", "二十", "", "1 2",
            ],
            &[
                "月",
                "月",
                ".",
                "-",
                "/",
                "．",
                " .",
                "日",
                "年",
                " 月 ",
                "．\u{3000}",
                "-\t",
            ],
            &[
                "1",
                "10",
                "31",
                "29",
                "30",
                "十",
                "三十一",
                "二十九",
                "三十二",
                "100",
                "１０",
                "",
                "1 6",
                "3 0",
            ],
            &[
                "日",
                "号",
                "",
                "日",
                ".5",
                "5",
                "年",
                "前",
                "月",
                " 日",
                "\u{3000}号",
            ],
            &["", "", "印发", "2020年3月4日", "2020.1.2", "〇", "1"],
        ];
        let mut next = crate::testdata::xorshift();
        for _ in 0..300_000 {
            texts.push(
                slots
                    .iter()
                    .map(|options| options[(next() % options.len() as u64) as usize])
                    .collect(),
            );
        }
        for (y, m, d) in [
            ("2020", "3", "10"),
            ("二〇二〇", "三", "十"),
            ("２０２０", "１２", "３１"),
        ] {
            for sep in ["年", ".", "－", " / "] {
                let tail = if sep == "年" { "日" } else { "" };
                let mid = if sep == "年" { "月" } else { sep };
                let date = format!("{y}{sep}{m}{mid}{d}{tail}");
                texts.extend([
                    format!("2020.13.{date}"),
                    format!("1{date}"),
                    format!("{date}5"),
                    format!("{date}{date}"),
                    format!("于{date}前"),
                ]);
            }
        }
        let mut found = 0;
        for t in &texts {
            let want = by_regex::parse_date(t);
            assert_eq!(parse_date(t), want, "{t:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 10_000, "{found} dates");
    }

    /// A date's head alone on its line; a whole date or words are none.
    #[test]
    fn date_heads() {
        for t in ["2020年8月", "　　二〇二〇年八月", "2021年", "2021年3"] {
            assert!(is_date_head(t), "{t}");
        }
        for t in ["2020年8月20日", "", "8月份", "共印80份", "2020年8月印发"] {
            assert!(!is_date_head(t), "{t}");
        }
    }

    /// The quick rejects (length, first and last character) answer as the
    /// full reading does, on every line of the sample and the cases and on
    /// dates in each form, with and without text around them.
    #[test]
    fn is_date_line_answers_as_the_full_reading() {
        let full = |s: &str| {
            let t = s.trim();
            !t.is_empty()
                && t.len() <= 64
                && parse_date(t).is_some_and(|(_, r)| r.start == 0 && r.end == t.len())
        };
        let mut lines = crate::testdata::sample_and_case_lines();
        for d in [
            "2020年3月10日",
            "二〇二〇年三月十日",
            "２０２０年３月１０号",
            "2020.3.10",
            "２０２０．３．１０",
            "2020-03-10",
        ] {
            lines.extend([
                d.to_owned(),
                format!("{d}印发"),
                format!("一、{d}"),
                format!(" {d}　"),
            ]);
        }
        let mut dates = 0;
        for l in &lines {
            assert_eq!(is_date_line(l), full(l), "{l:?}");
            dates += usize::from(full(l));
        }
        assert!(dates > 20, "{dates}");
    }
}
