//! Issuing organs: splitting a run of organ names (中共某市委员会某市人民政府)
//! at the organ-name endings of `grammar/words.tsv`, and recognising a
//! signature line (organs, or a title and a person's name).

use crate::lexicon::Lexicon;
use crate::text;

/// Organ endings that are an organ's whole name too: one may open the next
/// organ of a run (中共中央办公厅|国务院办公厅).
const SELF_NAMED: &[&str] = &["国务院", "國務院"];

/// Splits a run of organ names (中共某市委员会某市人民政府) at organ endings.
/// A piece must be longer than the ending it closes with.
pub fn split_organs(s: &str, lex: &Lexicon) -> Vec<String> {
    /// Split points that fall inside a multi-character ending (中共某市委|员会)
    /// are not allowed.
    fn inside_ending(s: &str, at: usize, lex: &Lexicon) -> bool {
        lex.organ_suffixes
            .iter()
            .filter(|x| x.chars().count() >= 2)
            .any(|x| {
                s.match_indices(x.as_str())
                    .any(|(i, m)| i < at && at < i + m.len())
            })
    }
    fn go(s: &str, lex: &Lexicon, out: &mut Vec<String>) -> bool {
        if s.is_empty() {
            return true;
        }
        // The longest ending a piece closes with; the piece must have a head
        // before it (办公厅 alone is an ending, not an organ).
        fn ends_organ<'p>(p: &'p str, lex: &Lexicon) -> Option<&'p str> {
            lex.organ_ending(p)
                .filter(|suf| p.len() > suf.len() || SELF_NAMED.contains(suf))
        }
        // Prefer the shortest first piece that ends with a multi-character
        // ending and leaves a valid rest.
        for (i, c) in s.char_indices() {
            let p = &s[..i + c.len_utf8()];
            if p.len() == s.len() {
                break;
            }
            if let Some(suf) = ends_organ(p, lex) {
                // The next organ cannot open with an ending (…市委|办公室…),
                // unless the ending is an organ's whole name (国务院办公厅).
                let rest = &s[p.len()..];
                let headless = lex.organ_suffixes.iter().any(|x| {
                    x.chars().count() >= 2
                        && rest.starts_with(x.as_str())
                        && !SELF_NAMED.contains(&x.as_str())
                });
                if suf.chars().count() < 2 || headless || inside_ending(s, p.len(), lex) {
                    continue;
                }
                let mut rest = Vec::new();
                if go(&s[p.len()..], lex, &mut rest) && !rest.is_empty() {
                    if belongs_to(p, &rest[0]) {
                        rest[0].insert_str(0, p);
                    } else {
                        out.push(p.to_owned());
                    }
                    out.extend(rest);
                    return true;
                }
            }
        }
        if ends_organ(s, lex).is_some() {
            out.push(s.to_owned());
            return true;
        }
        false
    }
    // Spaces between organs (中共某市委办公室　某市人民政府办公室) are cuts
    // already; each part is then split at its endings.
    let parts: Vec<&str> = s
        .split(|c: char| text::is_space(c) || matches!(c, '、' | '，' | ','))
        .filter(|p| !p.is_empty())
        .collect();
    // Letter-spaced names (石 嘴 山 市…) are one run, not many organs.
    let squeezed: String;
    let parts = if parts.iter().any(|p| text::char_len(p) < 3) {
        squeezed = parts.concat();
        vec![squeezed.as_str()]
    } else {
        parts
    };
    let mut out = Vec::new();
    for part in parts {
        let mut pieces = Vec::new();
        if go(part, lex, &mut pieces) {
            out.extend(pieces);
        } else {
            out.push(part.to_owned());
        }
    }
    out
}

/// Whether `next`, the organ name after `first` in a run, is part of it, not
/// a second organ: a department of a party committee or of a people's
/// government, named without a place of its own (中共宿州市委|组织部,
/// 某市人民政府|国有资产监督管理委员会), or the local branch of a national organ
/// managed from the top down (国家税务总局|宿州市税务局, 中国人民银行|某市中心支行).
/// A second organ of a joint run names its own place (中共某市委员会|某市人民政府)
/// or is a national organ (中共中央|国务院).
fn belongs_to(first: &str, next: &str) -> bool {
    const PLACE: &[char] = &[
        '省', '市', '县', '縣', '区', '區', '州', '盟', '旗', '镇', '鎮', '乡', '鄉',
    ];
    const NATIONAL: &[&str] = &["国家", "國家", "中国", "中國", "中华", "中華"];
    let placed = |s: &str| s.contains(PLACE);
    let starts_any = |s: &str, words: &[&str]| words.iter().any(|w| s.starts_with(w));
    // A company's branch (…有限公司|淮北供电公司, …|淮北市分公司): companies do
    // not sign run together.
    if first.ends_with("公司") {
        return true;
    }
    let party = starts_any(first, &["中共", "中国共产党", "中國共產黨"])
        && (first.ends_with('委') || first.ends_with("委员会") || first.ends_with("委員會"));
    let government = first.ends_with("政府");
    // 中共中央: the Central Committee names no place, and its departments
    // none either (中共中央组织部).
    let central = first.ends_with("中央");
    // A department ends as one does; a college, a university's party
    // committee or a company under a city names its own (淮北师范大学党委).
    let department = [
        "部",
        "委员会",
        "委員會",
        "办公室",
        "辦公室",
        "办",
        "辦",
        "局",
        "厅",
        "廳",
    ]
    .iter()
    .any(|e| next.ends_with(e))
        && !["党委", "黨委", "党工委", "黨工委"]
            .iter()
            .any(|e| next.ends_with(e));
    if ((party || government) && placed(first) || central) && department {
        let headed = starts_any(
            next,
            &[
                "国务院",
                "國務院",
                "国家",
                "國家",
                "中共",
                "中国",
                "中國",
                "全国",
                "全國",
                "共青团",
                "共青團",
            ],
        );
        return !placed(next) && !headed;
    }
    // A national organ's branch: the branch names its place, ends as a bureau,
    // bank or customs house does, and the national organ names none.
    let headquarters = starts_any(first, NATIONAL)
        && !placed(first)
        && ["总局", "總局", "总署", "總署", "银行", "銀行"]
            .iter()
            .any(|e| first.ends_with(e));
    headquarters
        && placed(next)
        && !starts_any(next, NATIONAL)
        && (next.ends_with('局')
            || next.ends_with('行')
            || next.ends_with('关')
            || next.ends_with('關'))
}

/// A signature line: only an organ name (or a run of them), short.
pub fn is_signature_text(s: &str, lex: &Lexicon) -> bool {
    // At most 40 characters of at most four bytes: a longer line (most
    // lines) is answered before any is read; a sentence at its first mark.
    s.len() <= 160
        && s.chars().all(|c| {
            text::is_han(c) || text::is_space(c) || c == '（' || c == '）' || c == '(' || c == ')'
        })
        && (2..=40).contains(&text::char_len(s))
        && lex.organ_ending(s).is_some()
}

/// A short line of ideographs signed by a person (总理　李克强).
pub fn is_person_signature(s: &str) -> bool {
    let n = text::char_len(s);
    (2..=12).contains(&n) && s.chars().all(|c| text::is_han(c) || text::is_space(c))
}

#[cfg(test)]
mod organ_tests {
    use super::*;

    #[test]
    fn organs_run_together_or_spaced() {
        let lex = Lexicon::builtin();
        let cases: &[(&str, &[&str])] = &[
            (
                "中共石嘴山市委员会石嘴山市人民政府",
                &["中共石嘴山市委员会", "石嘴山市人民政府"],
            ),
            (
                "中共石嘴山市委办公室市人民政府办公室",
                &["中共石嘴山市委办公室", "市人民政府办公室"],
            ),
            (
                "中共孝感市委办公室 孝感市人民政府办公室",
                &["中共孝感市委办公室", "孝感市人民政府办公室"],
            ),
            ("成都市人民政府办公厅", &["成都市人民政府办公厅"]),
            ("石 嘴 山 市 人 民 政 府", &["石嘴山市人民政府"]),
            ("国家发展改革委、财政部", &["国家发展改革委", "财政部"]),
            // A department of a party committee or a government, named
            // without a place, is part of it; a second organ names its own.
            ("中共宿州市委组织部", &["中共宿州市委组织部"]),
            ("中共宿州市委员会宣传部", &["中共宿州市委员会宣传部"]),
            (
                "中共某县委统战部　某县人民政府办公室",
                &["中共某县委统战部", "某县人民政府办公室"],
            ),
            ("中共某市委政法委员会", &["中共某市委政法委员会"]),
            (
                "某某市人民政府国有资产监督管理委员会",
                &["某某市人民政府国有资产监督管理委员会"],
            ),
            // A national organ's local branch is one organ.
            ("国家税务总局宿州市税务局", &["国家税务总局宿州市税务局"]),
            (
                "中国人民银行宿州市中心支行",
                &["中国人民银行宿州市中心支行"],
            ),
            ("国家税务总局财政部", &["国家税务总局", "财政部"]),
            // A second organ that is no department: split, as before.
            (
                "中共淮北市委淮北师范大学党委",
                &["中共淮北市委", "淮北师范大学党委"],
            ),
            (
                "淮北市人民政府淮北职业技术学院",
                &["淮北市人民政府", "淮北职业技术学院"],
            ),
            // Central organs run together: two, but a department of the
            // Central Committee is part of it.
            ("中共中央国务院", &["中共中央", "国务院"]),
            (
                "中共中央办公厅国务院办公厅",
                &["中共中央办公厅", "国务院办公厅"],
            ),
            ("中共中央组织部", &["中共中央组织部"]),
            // A company and its branch are one.
            ("淮北矿业集团有限责任公司", &["淮北矿业集团有限责任公司"]),
            (
                "国网安徽省电力有限公司淮北供电公司",
                &["国网安徽省电力有限公司淮北供电公司"],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(split_organs(s, &lex), *want, "{s}");
        }
    }
}
