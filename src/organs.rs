//! Issuing organs: splitting a run of organ names (中共某市委员会某市人民政府)
//! at the organ-name endings of `grammar/words.tsv`, and recognising a
//! signature line (organs, or a title and a person's name).

use crate::lexicon::Lexicon;
use crate::text;

/// The level a unit's short name opens with (市发展改革委, 县财政局): a
/// roster or a task names units so; joint issuers and signatures print
/// their full names.
pub const SHORT_NAME: [char; 6] = ['市', '县', '区', '州', '旗', '盟'];

/// The words that tell whether two organs named in a run are one organ or
/// two (`organ_*` classes of `grammar/words.tsv`; see [`belongs_to`]).
#[derive(Debug, Clone, Default)]
pub struct OrganWords {
    /// Endings that are an organ's whole name too: one may open the next
    /// organ of a run (中共中央办公厅|国务院办公厅). `organ_self_named`.
    pub self_named: Vec<String>,
    /// Openings of a party committee (中共). `organ_party`.
    pub party: Vec<String>,
    /// Endings of a party committee (委, 委员会). `organ_party_end`.
    pub party_end: Vec<String>,
    /// Endings of a people's government (政府). `organ_government_end`.
    pub government_end: Vec<String>,
    /// Endings of the Central Committee (中央), which names no place.
    /// `organ_central_end`.
    pub central_end: Vec<String>,
    /// Endings of a department (部, 办公室, 局). `organ_department_end`.
    pub department_end: Vec<String>,
    /// Endings of an organ with its own committee, not a department
    /// (党委: a university's). `organ_own_committee_end`.
    pub own_committee_end: Vec<String>,
    /// Openings of an organ headed on its own (国务院, 国家, 共青团).
    /// `organ_headed`.
    pub headed: Vec<String>,
    /// Openings of a national organ (国家, 中国). `organ_national`.
    pub national: Vec<String>,
    /// Endings of a national organ managed from the top down (总局, 银行).
    /// `organ_headquarters_end`.
    pub headquarters_end: Vec<String>,
    /// Endings of such an organ's local branch (局, 行, 关).
    /// `organ_branch_end`.
    pub branch_end: Vec<String>,
    /// Endings of a company, whose branches follow it (公司).
    /// `organ_company_end`.
    pub company_end: Vec<String>,
}

impl OrganWords {
    /// The list a `words.tsv` class fills, if the class is one of these.
    pub fn list(&mut self, class: &str) -> Option<&mut Vec<String>> {
        Some(match class.strip_prefix("organ_")? {
            "self_named" => &mut self.self_named,
            "party" => &mut self.party,
            "party_end" => &mut self.party_end,
            "government_end" => &mut self.government_end,
            "central_end" => &mut self.central_end,
            "department_end" => &mut self.department_end,
            "own_committee_end" => &mut self.own_committee_end,
            "headed" => &mut self.headed,
            "national" => &mut self.national,
            "headquarters_end" => &mut self.headquarters_end,
            "branch_end" => &mut self.branch_end,
            "company_end" => &mut self.company_end,
            _ => return None,
        })
    }

    fn is_self_named(&self, s: &str) -> bool {
        self.self_named.iter().any(|w| w == s)
    }
}

fn starts_any(s: &str, words: &[String]) -> bool {
    words.iter().any(|w| s.starts_with(w.as_str()))
}

fn ends_any(s: &str, words: &[String]) -> bool {
    words.iter().any(|w| s.ends_with(w.as_str()))
}

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
            // (A branch's ending, 支行, 学院, hangs the piece off the organ
            // before it: no split there.)
            lex.organ_ending(p)
                .filter(|suf| p.len() > suf.len() || lex.organ.is_self_named(suf))
                .filter(|suf| !lex.branch_suffixes.iter().any(|b| b == suf))
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
                        && !lex.organ.is_self_named(x)
                });
                if suf.chars().count() < 2 || headless || inside_ending(s, p.len(), lex) {
                    continue;
                }
                let mut rest = Vec::new();
                if go(&s[p.len()..], lex, &mut rest) && !rest.is_empty() {
                    if belongs_to(p, &rest[0], &lex.organ) {
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
    let mut parts = parts.into_iter().peekable();
    while let Some(part) = parts.next() {
        let mut pieces = Vec::new();
        if go(part, lex, &mut pieces) {
            out.extend(pieces);
            continue;
        }
        // A part that is no organ is a name an OCR's space cut (阿里地区行政
        // 公署办公室, 某市人民政府 办公室): joined to the next part, or to the
        // organ read last, when the joined text reads as one organ and only
        // the first names a place (a table's cell, 广场绿化　市住建局, joins nothing).
        let placed = |s: &str| s.contains(crate::place::is_any_level);
        if let Some(next) = parts.peek().filter(|n| placed(part) && !placed(n)) {
            let joined = [part, next].concat();
            if go(&joined, lex, &mut pieces) {
                parts.next();
                out.extend(pieces);
                continue;
            }
        }
        if let Some(last) = out.last().filter(|l| placed(l) && !placed(part)) {
            let joined = [last, part].concat();
            if go(&joined, lex, &mut pieces) && pieces.len() == 1 {
                out.pop();
                out.extend(pieces);
                continue;
            }
        }
        out.push(part.to_owned());
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
fn belongs_to(first: &str, next: &str, w: &OrganWords) -> bool {
    // A level governed (全面依法治区委员会) is no place named; an
    // autonomous one (自治区, 自治州) is.
    let placed = |s: &str| {
        s.match_indices(crate::place::is_any_level)
            .any(|(i, _)| !s[..i].ends_with('治') || s[..i].ends_with("自治"))
    };
    // A company's branch (…有限公司|淮北供电公司, …|淮北市分公司): companies do
    // not sign run together.
    if ends_any(first, &w.company_end) {
        return true;
    }
    let party = starts_any(first, &w.party) && ends_any(first, &w.party_end);
    let government = ends_any(first, &w.government_end);
    // 中共中央: the Central Committee names no place, and its departments
    // none either (中共中央组织部).
    let central = ends_any(first, &w.central_end);
    // A department ends as one does; a college, a university's party
    // committee or a company under a city names its own (淮北师范大学党委).
    let department = ends_any(next, &w.department_end) && !ends_any(next, &w.own_committee_end);
    if ((party || government) && placed(first) || central) && department {
        return !placed(next) && !starts_any(next, &w.headed);
    }
    // A national organ's branch: the branch names its place, ends as a bureau,
    // bank or customs house does, and the national organ names none.
    let headquarters =
        starts_any(first, &w.national) && !placed(first) && ends_any(first, &w.headquarters_end);
    headquarters && placed(next) && !starts_any(next, &w.national) && ends_any(next, &w.branch_end)
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
                "中共某某区委全面依法治区委员会办公室",
                &["中共某某区委全面依法治区委员会办公室"],
            ),
            (
                "国家税务总局宁夏回族自治区税务局",
                &["国家税务总局宁夏回族自治区税务局"],
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
            // A party group (党组) of a department or a commission is one
            // organ, as its party committee (党委) is.
            ("中共某县财政局党组", &["中共某县财政局党组"]),
            (
                "中共某县卫生健康委员会党组",
                &["中共某县卫生健康委员会党组"],
            ),
            (
                "中共某县委组织部　中共某县财政局党组",
                &["中共某县委组织部", "中共某县财政局党组"],
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
            // A company and its branch are one; so are a bank and its branch.
            ("淮北矿业集团有限责任公司", &["淮北矿业集团有限责任公司"]),
            ("中国人民银行拉萨中心支行", &["中国人民银行拉萨中心支行"]),
            (
                "国网安徽省电力有限公司淮北供电公司",
                &["国网安徽省电力有限公司淮北供电公司"],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(split_organs(s, &lex), *want, "{s}");
        }
    }

    /// A space an OCR put inside one organ's name does not split it: the
    /// part that is no organ joins the next; organs spaced apart stay two.
    #[test]
    fn a_space_inside_an_organ_joins_it() {
        let lex = Lexicon::builtin();
        let cases: &[(&str, &[&str])] = &[
            ("阿里地区行政 公署办公室", &["阿里地区行政公署办公室"]),
            ("某某县人民 政府办公室", &["某某县人民政府办公室"]),
            ("某市人民政府 办公室", &["某市人民政府办公室"]),
            (
                "中共某市委办公室　某市人民政府办公室",
                &["中共某市委办公室", "某市人民政府办公室"],
            ),
            ("某市人民政府 某市财政局", &["某市人民政府", "某市财政局"]),
        ];
        for (s, want) in cases {
            assert_eq!(split_organs(s, &lex), *want, "{s}");
        }
    }

    /// The words come from the grammar: without a party committee's
    /// openings (中共) none is known, so its department is a second organ;
    /// an unknown `organ_` class is an error naming its line.
    #[test]
    fn organ_words_are_the_grammar_s() {
        let file = |name: &str| {
            crate::lexicon::GRAMMAR_FILES
                .iter()
                .find(|(n, _)| *n == name)
                .map_or("", |(_, text)| text)
        };
        let words = file("words.tsv")
            .lines()
            .filter(|l| !l.starts_with("organ_party\t"))
            .collect::<Vec<_>>()
            .join("\n");
        let lex = Lexicon::parse(
            file("labels.tsv"),
            &words,
            file("envelope.tsv"),
            file("units.tsv"),
            file("attribution.tsv"),
        )
        .expect("the grammar loads");
        assert_eq!(
            split_organs("中共宿州市委组织部", &lex),
            ["中共宿州市委", "组织部"]
        );
        assert_eq!(
            split_organs("中共宿州市委组织部", &Lexicon::builtin()),
            ["中共宿州市委组织部"]
        );
        let bad = format!("{words}\norgan_partying\t中共\n");
        let err = Lexicon::parse(
            file("labels.tsv"),
            &bad,
            file("envelope.tsv"),
            file("units.tsv"),
            file("attribution.tsv"),
        )
        .expect_err("an unknown class");
        assert!(err.to_string().contains("organ_partying"), "{err}");
    }
}
