//! A remark closing a list of units: 等 and what stands for the units the
//! list leaves out (等有关部门, 等相关单位, 等市直有关部门和单位, 等成员单位,
//! 等有关县市政府).
//! The words are few and fixed; the grammar is their order: 等, then at
//! most one of each of a scope, a kind and a noun.

use nom::bytes::complete::tag;
use nom::combinator::{eof, opt};
use nom::{IResult, Parser};

/// Whose units: 各, 其他, the level's own (市直, 县直 …).
const SCOPE: &[&str] = &[
    "其他", "其它", "市直", "县直", "縣直", "区直", "區直", "州直", "省直", "盟直", "旗直", "各",
];
/// Which units: 有关, 相关, 成员, 责任, 重点.
const KIND: &[&str] = &[
    "有关", "有關", "相关", "相關", "成员", "成員", "责任", "責任", "职能", "職能", "重点", "重點",
];
/// What they are: 部门, 单位 and both, 企业.
const NOUN: &[&str] = &[
    "部门和单位",
    "部門和單位",
    "单位和部门",
    "單位和部門",
    "部门单位",
    "部門單位",
    "部门",
    "部門",
    "单位",
    "單位",
    "机构",
    "機構",
    "机关",
    "機關",
    "企业",
    "企業",
];

fn one_of<'s>(words: &'static [&'static str]) -> impl FnMut(&'s str) -> IResult<&'s str, &'s str> {
    move |i: &'s str| {
        for w in words {
            if let Ok(r) = tag::<_, _, nom::error::Error<&str>>(*w).parse(i) {
                return Ok(r);
            }
        }
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )))
    }
}

/// How many units the list stands for: 5个, 十个, 3家.
fn count(i: &str) -> IResult<&str, ()> {
    let n = i
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || crate::normalize::numeral::is_cn_numeral_char(c)))
        .map_or(i.len(), |(k, _)| k);
    if n == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    let (i, _) = one_of(&["个", "個", "家"]).parse(&i[n..])?;
    Ok((i, ()))
}

/// The governments of the levels listed: 县市政府, 县（市、区）人民政府,
/// 乡镇政府 (等有关县市政府 stands for the counties the list leaves out).
fn governments(i: &str) -> IResult<&str, &str> {
    let levels = i
        .char_indices()
        .find(|&(_, c)| {
            !(crate::place::is_any_level(c) || matches!(c, '（' | '）' | '(' | ')' | '、'))
        })
        .map_or(i.len(), |(k, _)| k);
    if levels == 0 || levels > 8 * '县'.len_utf8() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Char,
        )));
    }
    one_of(&["人民政府", "政府"]).parse(&i[levels..])
}

fn remark(i: &str) -> IResult<&str, ()> {
    let (i, _) = tag("等").parse(i)?;
    let (i, _) = opt(tag("等")).parse(i)?;
    let (i, _) = opt(count).parse(i)?;
    let (i, _) = opt(one_of(SCOPE)).parse(i)?;
    let (i, _) = opt(tag("各")).parse(i)?;
    let (i, _) = opt(one_of(KIND)).parse(i)?;
    let (i, _) = opt(nom::branch::alt((one_of(NOUN), governments))).parse(i)?;
    let (i, _) = eof(i)?;
    Ok((i, ()))
}

/// `s` without the remark closing it (`市财政局、自然资源局等相关部门` →
/// `市财政局、自然资源局`), or `None` when no remark closes it.
pub fn strip(s: &str) -> Option<&str> {
    // A remark is short: its 等 (E7 AD 89) among the last twelve characters
    // or so, looked for byte by byte (most items hold none).
    let b = s.as_bytes();
    let at = (b.len().saturating_sub(40)..b.len().saturating_sub(2))
        .rev()
        .find(|&i| b[i..i + 3] == [0xE7, 0xAD, 0x89])?;
    // 等等 closes a list too: the remark starts at its first 等.
    let at = if s[..at].ends_with('等') {
        at - '等'.len_utf8()
    } else {
        at
    };
    remark(&s[at..]).ok().map(|_| &s[..at])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remarks_closing_a_list() {
        for (s, head) in [
            ("市财政局、自然资源局等相关部门", "市财政局、自然资源局"),
            ("市财政局等市直相关单位", "市财政局"),
            ("市财政局等市直有关部门和单位", "市财政局"),
            ("市财政局等成员单位", "市财政局"),
            ("某钢集团、某某发电厂等重点企业", "某钢集团、某某发电厂"),
            ("市财政局等各有关部门", "市财政局"),
            ("市财政局等", "市财政局"),
            ("市财政局等等", "市财政局"),
            ("市城管执法局等5个部门", "市城管执法局"),
            ("市发改委等十个单位", "市发改委"),
            ("市财政局等七个部门", "市财政局"),
            (
                "梨树县、伊通县、双辽市等有关县市政府",
                "梨树县、伊通县、双辽市",
            ),
            ("梨树县等县政府", "梨树县"),
            ("梨树县等县（市、区）人民政府", "梨树县"),
            ("某镇等乡镇政府", "某镇"),
        ] {
            assert_eq!(strip(s), Some(head), "{s}");
        }
        // 等 inside a name, or words after it that are a unit's: no remark.
        let kept = ["市高等教育局", "平等发展促进会", "市财政局"];
        let stripped: Vec<_> = kept.iter().filter_map(|s| strip(s)).collect();
        assert!(stripped.is_empty(), "{stripped:?}");
    }
}
