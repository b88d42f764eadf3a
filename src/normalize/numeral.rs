//! Numerals: Chinese numerals (一百零五, 二〇二〇, 貳拾) and ASCII or full-width digit strings
//! (2020, ２０２０) turned into integers. This module owns the digit and multiplier tables; the
//! date and deadline parsers build on it. Both functions are total: anything that is not a
//! numeral, or that overflows `u32`, is `None`.

/// The value of one Chinese digit character, simplified, traditional and financial forms alike.
/// `〇`, `○` (a circle often typed for 〇) and `零` are zero.
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '兩' | '贰' | '貳' | '弍' => 2,
        '三' | '叁' | '參' | '参' | '弎' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of one Chinese multiplier below 万 (十 百 千 and their financial forms).
fn cn_small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// True for 万 / 萬, the multiplier that closes a four-digit group.
fn is_wan(c: char) -> bool {
    matches!(c, '万' | '萬')
}

/// True when `c` can appear in a Chinese numeral (digit, zero, multiplier, 廿/卅).
pub fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || cn_small_unit(c).is_some() || is_wan(c) || matches!(c, '廿' | '卅')
}

/// The dashes an OCR reads for the one stroke of 一: - － — – ― ─.
pub fn is_ocr_dash(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '―' | '─')
}

/// The plus an OCR reads for the cross of 十: + ＋.
pub fn is_ocr_plus(c: char) -> bool {
    matches!(c, '+' | '＋')
}

/// The numeral an OCR mark stands for inside a numeral: a dash for 一, a
/// plus for 十 ([`is_ocr_dash`], [`is_ocr_plus`]).
pub fn ocr_numeral(c: char) -> Option<char> {
    if is_ocr_dash(c) {
        Some('一')
    } else if is_ocr_plus(c) {
        Some('十')
    } else {
        None
    }
}

/// Reads a Chinese numeral in which an OCR printed a dash for 一 or a plus
/// for 十 ([`ocr_numeral`]): `—` → 1, `十—` → 11, `+` → 10, `+二` → 12,
/// `二+` → 20. At least one such mark, no two dashes in a row (`——` is a
/// rule), and a numeral of more than one character holds 十 or 百 once
/// mended (`—二`, `一—二` are none: a dash between two digits is a range's).
/// `None` otherwise, and for what [`cn_number`] does not read.
pub fn ocr_cn_number(s: &str) -> Option<u32> {
    // (Most numerals hold no such mark: answered before anything is built.)
    if !s.contains(|c| ocr_numeral(c).is_some()) || s.chars().count() > 6 {
        return None;
    }
    let dashes = s.chars().zip(s.chars().skip(1));
    if dashes
        .into_iter()
        .any(|(a, b)| is_ocr_dash(a) && is_ocr_dash(b))
    {
        return None;
    }
    let mended: String = s.chars().map(|c| ocr_numeral(c).unwrap_or(c)).collect();
    let unit = mended.contains(['十', '百']);
    if mended.chars().nth(1).is_some() && !unit {
        return None;
    }
    cn_number(&mended)
}

/// The numeral for 1 to 10 (一 … 十), as enumerations write it.
pub fn cn_small(n: u32) -> Option<&'static str> {
    const SMALL: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    SMALL.get(usize::try_from(n).ok()?.checked_sub(1)?).copied()
}

/// Parses a Chinese numeral to an integer.
///
/// Two shapes are accepted:
/// - with multipliers: `十` → 10, `十一` → 11, `二十一` → 21, `一百零五` → 105, `两千` → 2000,
///   `貳拾參` → 23, `廿` → 20, `三万零五十` → 30050;
/// - digit by digit, as years are written: `二〇二〇` → 2020, `二○○七` → 2007.
///
/// Returns `None` for the empty string, for any non-numeral character, for malformed sequences
/// (`十百`, `一二十`) and on overflow.
pub fn cn_number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.chars().all(is_cn_numeral_char) {
        return None;
    }
    let has_unit = s
        .chars()
        .any(|c| cn_small_unit(c).is_some() || is_wan(c) || matches!(c, '廿' | '卅'));
    if !has_unit {
        // Digit by digit: 二〇二〇.
        return s.chars().try_fold(0u32, |acc, c| {
            acc.checked_mul(10)?.checked_add(cn_digit(c)?)
        });
    }
    let mut total: u32 = 0; // completed 万 groups
    let mut section: u32 = 0; // value below 万
    let mut pending: Option<u32> = None; // digit waiting for its multiplier
    let mut last_unit: u32 = u32::MAX; // multipliers must fall within a section
    let mut after_zero = false;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            if d == 0 {
                if pending.is_some() {
                    return None; // 一〇十: zero between digit and multiplier
                }
                after_zero = true;
                continue;
            }
            if pending.is_some() {
                return None; // 一二十: two digits in a row
            }
            pending = Some(d);
        } else if let Some(u) = cn_small_unit(c) {
            if u >= last_unit {
                return None; // 十百, 百百
            }
            let d = match pending.take() {
                Some(d) => d,
                // A bare 十 means 一十 (十一, 一百十); a bare 百/千 after a zero is malformed.
                None if u == 10 || (section == 0 && !after_zero) => 1,
                None => return None,
            };
            section = section.checked_add(d.checked_mul(u)?)?;
            last_unit = u;
            after_zero = false;
        } else if c == '廿' || c == '卅' {
            if pending.is_some() || last_unit <= 10 {
                return None;
            }
            section = section.checked_add(if c == '廿' { 20 } else { 30 })?;
            last_unit = 10;
        } else {
            // 万
            let group = section.checked_add(pending.take().unwrap_or(0))?;
            if group == 0 && total == 0 {
                if !after_zero && section == 0 {
                    // bare 万 means 一万
                    total = 10_000;
                } else {
                    return None;
                }
            } else {
                if total != 0 {
                    return None; // 万万: beyond u32 grammar we accept
                }
                total = group.checked_mul(10_000)?;
            }
            section = 0;
            last_unit = u32::MAX;
            after_zero = false;
        }
    }
    let section = section.checked_add(pending.unwrap_or(0))?;
    total.checked_add(section)
}

/// The value of an ASCII (`0`–`9`) or full-width (`０`–`９`) digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Parses a string made only of ASCII or full-width digits: `2020` → 2020, `２０２０` → 2020,
/// `0５` → 5. `None` when empty, when any other character appears, or on `u32` overflow.
pub fn ascii_digits(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.chars().try_fold(0u32, |acc, c| {
        acc.checked_mul(10)?.checked_add(digit_value(c)?)
    })
}

/// Parses either form: ASCII/full-width digits or a Chinese numeral.
pub fn any_number(s: &str) -> Option<u32> {
    ascii_digits(s).or_else(|| cn_number(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cn_number_table() {
        let cases: &[(&str, Option<u32>)] = &[
            ("一", Some(1)),
            ("九", Some(9)),
            ("十", Some(10)),
            ("十一", Some(11)),
            ("十二", Some(12)),
            ("二十", Some(20)),
            ("二十一", Some(21)),
            ("三十一", Some(31)),
            ("一百", Some(100)),
            ("一百零五", Some(105)),
            ("一百一十", Some(110)),
            ("一百十", Some(110)),
            ("两", Some(2)),
            ("两千", Some(2000)),
            ("二千零二十", Some(2020)),
            ("一千零一", Some(1001)),
            ("三万零五十", Some(30050)),
            ("十万", Some(100_000)),
            ("〇", Some(0)),
            ("零", Some(0)),
            ("二〇二〇", Some(2020)),
            ("二○○七", Some(2007)),
            ("二〇二一", Some(2021)),
            ("一九九九", Some(1999)),
            ("壹", Some(1)),
            ("贰拾", Some(20)),
            ("貳拾參", Some(23)),
            ("陸", Some(6)),
            ("壹佰零伍", Some(105)),
            ("廿", Some(20)),
            ("廿一", Some(21)),
            ("卅", Some(30)),
            ("", None),
            ("abc", None),
            ("十四五", None),
            ("十百", None),
            ("一二十", None),
            ("年", None),
            ("二十年", None),
            ("12", None),
        ];
        for (input, want) in cases {
            assert_eq!(cn_number(input), *want, "cn_number({input:?})");
        }
    }

    /// A mark for 一 or 十 inside a numeral reads as it; no mark, two
    /// dashes, a dash between digits, no numeral: none.
    #[test]
    fn ocr_cn_number_table() {
        let read = "— 1|－ 1|- 1|十— 11|十－ 11|二十— 21|+ 10|＋ 10|+二 12|二+ 20|+一 11|二+— 21";
        for case in read.split('|') {
            let (input, want) = case.split_once(' ').unwrap();
            assert_eq!(ocr_cn_number(input), want.parse().ok(), "{input}");
        }
        for input in "十一|——|十——|—二|一—二|二〇二—|—年|".split('|') {
            assert_eq!(ocr_cn_number(input), None, "{input}");
        }
    }

    #[test]
    fn cn_number_never_panics_on_overflow() {
        assert_eq!(cn_number("九九九九九九九九九九九"), None);
        assert_eq!(cn_number("九千九百万万"), None);
        assert_eq!(
            cn_number("九千九百九十九万九千九百九十九"),
            Some(99_999_999)
        );
    }

    #[test]
    fn ascii_digits_table() {
        let cases: &[(&str, Option<u32>)] = &[
            ("2020", Some(2020)),
            ("03", Some(3)),
            ("２０２０", Some(2020)),
            ("１0", Some(10)),
            ("0", Some(0)),
            ("", None),
            ("20a", None),
            ("2020年", None),
            (" 12", None),
            ("-1", None),
            ("99999999999", None),
            ("4294967295", Some(u32::MAX)),
        ];
        for (input, want) in cases {
            assert_eq!(ascii_digits(input), *want, "ascii_digits({input:?})");
        }
    }

    #[test]
    fn any_number_table() {
        assert_eq!(any_number("12"), Some(12));
        assert_eq!(any_number("十二"), Some(12));
        assert_eq!(any_number("１２"), Some(12));
        assert_eq!(any_number("x"), None);
    }
}
