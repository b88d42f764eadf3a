//! Calendar dates: the [`Date`] value (ISO rendering, month ends, leap years) and the finder
//! [`parse_date`] that locates the first full date (year, month and day) in a line, in any of
//! the ways 公文 write one: `2020年3月10日`, `二〇二〇年三月十日`, `２０２０年３月１０日`,
//! `2020.3.10`, `2020-03-10`, `2020/3/10`, with or without GB-style spaces. It also owns
//! [`is_date_line`], the test for a line that is nothing but a date (a 成文日期 line).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::numeral::{any_number, cn_number, digit_value, is_cn_numeral_char};

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
/// optional spaces between parts: `2020年3月10日`, `2020 年 3 月 10 日`, `二〇二〇年三月十日`,
/// `二○○七年八月七日`, `２０２０年３月１０日`. `O`/`Ｏ` (letter O typed for 〇) is accepted in
/// Chinese years.
static CJK_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<y>[0-9０-９]{4}|[〇零○OＯ一二三四五六七八九]{4}) \s* 年 \s*
        (?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2}) \s* 月 \s*
        (?P<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}) \s* [日号]",
    )
    .expect("CJK_DATE is a valid regex")
});

/// A numeric date with `.`, `-` or `/` (either width) between parts: `2020.3.10`,
/// `2020-03-10`, `2020/3/10`, `２０２０．３．１０`. Both separators must be the same.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<y>[0-9０-９]{4}) \s* (?P<s1>[.\-/．－／]) \s*
        (?P<m>[0-9０-９]{1,2}) \s* (?P<s2>[.\-/．－／]) \s*
        (?P<d>[0-9０-９]{1,2})",
    )
    .expect("NUMERIC_DATE is a valid regex")
});

fn is_any_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Reads a year written in digits or Chinese digits (letter O as zero).
fn year_value(s: &str) -> Option<i32> {
    if let Some(v) = super::numeral::ascii_digits(s) {
        return i32::try_from(v).ok();
    }
    let fixed: String = s
        .chars()
        .map(|c| if matches!(c, 'O' | 'Ｏ') { '〇' } else { c })
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

fn cjk_candidate(s: &str, from: usize) -> Option<(Date, Range<usize>)> {
    let hay = s.get(from..)?;
    for caps in CJK_DATE.captures_iter(hay) {
        let (Some(all), Some(y), Some(m), Some(d)) =
            (caps.get(0), caps.get(1), caps.name("m"), caps.name("d"))
        else {
            continue;
        };
        let range = from + all.start()..from + all.end();
        let cjk = !y.as_str().chars().next().is_some_and(is_any_digit);
        if glued(s, &range, cjk) {
            continue;
        }
        let date = year_value(y.as_str())
            .and_then(|year| Date::new(year, any_number(m.as_str())?, any_number(d.as_str())?));
        if let Some(date) = date {
            return Some((date, range));
        }
    }
    None
}

fn numeric_candidate(s: &str, from: usize) -> Option<(Date, Range<usize>)> {
    let hay = s.get(from..)?;
    let mut at = 0;
    // Step one character past each rejected start so `12020.3.10.5` style runs are re-tried.
    while let Some(caps) = hay.get(at..).and_then(|h| NUMERIC_DATE.captures(h)) {
        let Some(all) = caps.get(0) else { break };
        let start = from + at + all.start();
        let range = start..start + all.len();
        let same_sep = caps.name("s1").map(|m| m.as_str()) == caps.name("s2").map(|m| m.as_str());
        let date = match (caps.name("y"), caps.name("m"), caps.name("d")) {
            (Some(y), Some(m), Some(d)) if same_sep && !glued(s, &range, false) => {
                year_value(y.as_str()).and_then(|year| {
                    Date::new(year, any_number(m.as_str())?, any_number(d.as_str())?)
                })
            }
            _ => None,
        };
        if let Some(date) = date {
            return Some((date, range));
        }
        let step = all.as_str().chars().next().map_or(1, char::len_utf8);
        at += all.start() + step;
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
    let a = cjk_candidate(s, 0);
    let b = numeric_candidate(s, 0);
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.1.start < a.1.start { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// True when `s`, ignoring surrounding whitespace (U+3000 included), is exactly one date:
/// a 成文日期 line such as `2020年3月10日` or `　　二〇二〇年三月十日`.
pub fn is_date_line(s: &str) -> bool {
    let t = s.trim();
    // A date line is short and starts with a digit or a numeral: reject
    // everything else before any pattern runs (this is asked of every line).
    if t.len() > 64
        || !t.chars().next().is_some_and(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || crate::normalize::numeral::is_cn_numeral_char(c)
        })
    {
        return false;
    }
    // And ends as a date does: 日 or 号 (CJK_DATE), a digit (NUMERIC_DATE).
    // A marker line (一、…) starts with a numeral too.
    if !t.ends_with(|c: char| matches!(c, '日' | '号' | '0'..='9' | '０'..='９')) {
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

    #[test]
    fn is_date_line_table() {
        let cases: &[(&str, bool)] = &[
            ("2020年3月10日", true),
            ("  2020年3月10日  ", true),
            ("\u{3000}\u{3000}二〇二〇年三月十日", true),
            ("2020 年 3 月 10 日", true),
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
