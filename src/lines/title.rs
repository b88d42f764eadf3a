//! Titles: the lines a title is made of, the line that ends it, the note
//! under a regulation's title, and the titles that enclose another document.

use crate::docnum;
use crate::lexicon::Lexicon;
use crate::marker;
use crate::normalize::date::{is_date_line, parse_date};
use crate::text;

/// Sentence punctuation that a title never contains: 。；;！？ and the
/// colons (`text::is_colon`). Searched by their first bytes (E3, EF, E2,
/// ASCII), which ideographs never start with.
pub(super) fn has_sentence_punct(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2(b';', b':', b).is_some()
        || memchr::memchr3_iter(0xe3, 0xef, 0xe2, b).any(|i| {
            matches!(
                b.get(i..i + 3),
                Some(
                    [0xe3, 0x80, 0x82] // 。
                        | [0xef, 0xbc, 0x9b] // ；
                        | [0xef, 0xbc, 0x81] // ！
                        | [0xef, 0xbc, 0x9f] // ？
                        | [0xef, 0xbc, 0x9a] // ：
                        | [0xe2, 0x88, 0xb6] // ∶
                )
            )
        })
}

/// The first `n` characters of `s`.
pub fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// What else a line was recognised as: a title fragment is none of these.
#[derive(Debug, Clone, Copy, Default)]
pub struct Excluded {
    pub marker: bool,
    pub label: bool,
    pub date: bool,
    pub number: bool,
}

impl Excluded {
    /// Recognises the other kinds of `t` (for a piece of a line).
    pub fn of(t: &str, lex: &Lexicon) -> Excluded {
        Excluded {
            marker: marker::marker(t, false).is_some(),
            label: lex.label_at(t).is_some(),
            date: is_date_line(t),
            number: docnum::whole(t).is_some(),
        }
    }

    fn any(self) -> bool {
        self.marker || self.label || self.date || self.number
    }
}

/// A line that may be part of a title: no sentence punctuation, not too
/// long, none of the other kinds, not a dash-led subtitle or an annex header.
pub fn is_fragment(t: &str, other: Excluded, lex: &Lexicon) -> bool {
    !has_sentence_punct(t)
        // (A title opens with no separator: ，激励创新，根据… is a sentence's rest.)
        && !t.starts_with(['，', ',', '、'])
        // (Nor a backslash between ideographs: a portal's category path,
        // 综合政务\通知; not 2021\2022年度.)
        && !category_path(t)
        && text::chars_at_most(t, 150)
        && !other.any()
        && !t.starts_with("——")
        // (Nor a masthead's separator rule, ★ under its number.)
        && !super::header::is_separator_rule(t)
        && !t
            .strip_prefix('表')
            .is_some_and(|r| r.starts_with(text::is_digit))
        && !Lexicon::contains_any(&lex.attachment, first_chars(t, 3))
        // (Nor the attachment word letter-spaced, 附　件 / 附 件 1: a header.)
        && !(lex.attachment_firsts.may_open(t) && super::body::attachment_word_len(t, lex).is_some())
}

/// `t` holds a backslash between two ideographs: a portal's category path
/// (综合政务\通知, 环境保护\通知).
fn category_path(t: &str) -> bool {
    memchr::memchr_iter(b'\\', t.as_bytes()).any(|i| {
        t[..i].chars().next_back().is_some_and(text::is_han)
            && t[i + 1..].chars().next().is_some_and(text::is_han)
    })
}

/// A fragment ends a title when it closes with a genre word.
pub fn ends_title(t: &str, lex: &Lexicon) -> bool {
    text::char_len(t) >= 4
        // (Not 等 before it: a sentence's citations, cut by a wrap, …（某办发
        // 〔2019〕73号）等规定.)
        && lex
            .genre_suffix(t)
            .is_some_and(|(_, g)| !t[..g].ends_with('等'))
        && !opens_unclosed(t, lex)
        && !comma_in_subject(t, lex)
}

/// A comma after the title's 关于, or anywhere in a line without one, with
/// no 的 between it and the genre word: a sentence (会议听取了…关于…的汇报，
/// 原则同意改造实施方案; …,根据《…条例》等有关规定). A title's subject holds a
/// comma rarely, and then closes as titles do (关于加强农村宅基地管理，切实
/// 保护耕地的通知, …，促进消费结构升级的实施意见); joint issuers before 关于
/// may be parted by one.
fn comma_in_subject(t: &str, lex: &Lexicon) -> bool {
    let b = t.as_bytes();
    // (Most lines hold no comma: looked for by its bytes first.)
    if memchr::memchr2(b',', 0xef, b).is_none() || !t.contains(['，', ',']) {
        return false;
    }
    let subject = lex
        .about
        .iter()
        .filter_map(|w| t.rfind(w.as_str()).map(|at| at + w.len()))
        .max()
        .map_or(t, |at| &t[at..]);
    // (Not a comma in the closing note, nor one between digits: 1,200.)
    let subject = crate::lexicon::strip_trailing_note(subject);
    let Some(at) = subject
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '，' | ',')
                && !(subject[..i].ends_with(|c: char| c.is_ascii_digit())
                    && subject[i + c.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()))
        })
        .map(|(i, _)| i)
    else {
        return false;
    };
    // (的 anywhere before the genre word: …，促进消费结构升级的实施意见.)
    !closes_with_de(&subject[at..], lex)
}

/// `s` closes with a genre word that a 的 stands before (…的通知,
/// …的实施意见), as a title's subject does.
fn closes_with_de(s: &str, lex: &Lexicon) -> bool {
    lex.genre_suffix(s)
        .is_some_and(|(_, g)| s[..g].contains('的'))
}

/// `t` leaves a round bracket open (…根据《某条例》（厦门市人民政府令 / 第118号）
/// 规定), or a 《 whose text does not close as a title does, with 的 and its
/// genre word (…根据《风景名胜区条例 / 》（国务院令第474号）): a citation cut by
/// a wrap, not a title's end. (A title that lost its 》, 关于印发《某实施方案的
/// 通知, still ends.)
fn opens_unclosed(t: &str, lex: &Lexicon) -> bool {
    let (mut round, mut quote) = (0i32, 0i32);
    let mut quote_at = 0;
    for (i, c) in t.char_indices() {
        match c {
            '(' | '（' => round += 1,
            ')' | '）' => round = (round - 1).max(0),
            '《' => {
                if quote == 0 {
                    quote_at = i + c.len_utf8();
                }
                quote += 1;
            }
            '》' => quote = (quote - 1).max(0),
            _ => {}
        }
    }
    round > 0 || quote > 0 && !closes_with_de(&t[quote_at..], lex)
}

/// `t` leaves a 《 open at its end (《某市人民政府关于修改〈某办法〉的决定,
/// 关于印发《某市实施方案): the quoted name goes on over the next line.
pub fn quote_left_open(t: &str) -> bool {
    t.chars().fold(0i32, |open, c| match c {
        '《' => open + 1,
        '》' => (open - 1).max(0),
        _ => open,
    }) > 0
}

/// The last line of a title, recognised from the text alone (a piece of a
/// line that holds a title run into its number).
pub fn is_title_end_text(t: &str, lex: &Lexicon) -> bool {
    !has_sentence_punct(t) && is_fragment(t, Excluded::of(t, lex), lex) && ends_title(t, lex)
}

/// How many lines a passage note a wrap cuts may take: a narrow width cuts
/// one naming the meetings that passed, approved and amended a regulation
/// into five or more (（2009年2月21日…通过 / 2009年5月27日…批准 / 根据…通过、
/// / …批准的 / 《…的决定》修正）). Read to the line its bracket closes on.
pub const NOTE_LINES: usize = 8;

/// The note under a regulation's or decision's title: （2019年5月30日…通过）.
pub fn is_passage_note(s: &str, lex: &Lexicon) -> bool {
    let mut cs = s.chars();
    matches!((cs.next(), cs.next_back()), (Some(a), Some(b)) if text::is_open_paren(a) && text::is_close_paren(b))
        && parse_date(s).is_some()
        && (Lexicon::contains_any(&lex.passage, s) || issued_by_number(s))
}

/// The note names the numbered document that issued the regulation under
/// it, 印发 right after its number (（2016年5月6日某府发〔2016〕21号印发
/// 根据…修改）): a passage note too.
fn issued_by_number(s: &str) -> bool {
    s.contains("号印发")
        && docnum::find_all(s).iter().any(|f| {
            s[f.range.end..]
                .trim_start_matches(text::is_space)
                .starts_with("印发")
        })
}

/// A line in brackets under a title that completes it: an edition word
/// (（试行）, （征求意见稿）), a year or a range of years (（2017—2020年）),
/// or both (（2017年修订）). A passage note (…会议通过) is none.
pub fn is_edition_note(s: &str, lex: &Lexicon) -> bool {
    let mut cs = s.chars();
    let (Some(a), Some(b)) = (cs.next(), cs.next_back()) else {
        return false;
    };
    if !(text::is_open_paren(a) && text::is_close_paren(b) && text::chars_at_most(s, 16)) {
        return false;
    }
    let inner = text::trim(&s[a.len_utf8()..s.len() - b.len_utf8()]);
    let (years, word) = match lex.edition.iter().find_map(|w| {
        inner
            .strip_suffix(w.as_str())
            .map(|head| (text::trim(head), w))
    }) {
        Some((head, w)) => (head, Some(w)),
        None => (inner, None),
    };
    years.is_empty() && word.is_some() || is_years(years)
}

/// A year or a range of years: 2017年, 2017—2020年, 2021-2025.
fn is_years(s: &str) -> bool {
    let year = |t: &str| {
        let t = t.trim_end_matches('年');
        t.chars().count() == 4
            && t.chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    match s.find(['—', '–', '-', '－', '~', '～', '至', '到']) {
        Some(at) => {
            let sep = s[at..].chars().next().map_or(0, char::len_utf8);
            let rest = s[at + sep..].trim_start_matches(['—', '–', '-']);
            year(&s[..at]) && year(rest)
        }
        None => !s.is_empty() && year(s),
    }
}

/// The title transmits another document (印发《…》的通知).
pub fn is_transmittal(title: &str, lex: &Lexicon) -> bool {
    Lexicon::contains_any(&lex.transmittal, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An edition or the years in brackets complete a title; a passage
    /// note, a long bracket, words of a sentence do not.
    #[test]
    fn edition_notes() {
        let lex = Lexicon::builtin();
        for t in [
            "（试行）",
            "(暂行)",
            "（2017—2020年）",
            "(2017-2020年)",
            "（2021——2025年）",
            "（2017年修订）",
            "（2018年版）",
            "（征求意见稿）",
            "（２０２１年）",
        ] {
            assert!(is_edition_note(t, &lex), "{t}");
        }
        for t in [
            "（2020年6月1日市人民政府第5次常务会议通过）",
            "（此件公开发布）",
            "（市发改委负责）",
            "试行",
            "（2017）修订",
            "（17—20年）",
            "（）",
        ] {
            assert!(!is_edition_note(t, &lex), "{t}");
        }
    }

    #[test]
    fn sentence_punctuation_by_bytes() {
        let plain =
            |s: &str| s.contains(['。', '；', ';', '！', '？']) || s.contains(text::is_colon);
        let sample = crate::testdata::SAMPLE;
        let extra = [
            "关于印发方案的通知",
            "各单位：",
            "a:b",
            "比例∶1",
            "好！",
            "吗？",
            "“引号”……",
            "",
        ];
        let mut with = 0;
        for line in sample.lines().chain(extra) {
            assert_eq!(has_sentence_punct(line), plain(line), "{line}");
            with += usize::from(plain(line));
        }
        assert!(with > 100, "{with}");
    }

    #[test]
    fn title_ends_and_fragments() {
        let lex = Lexicon::builtin();
        for (t, end) in [
            (
                "关于印发《石嘴山市2020年度重点工作任务分解方案》的通知",
                true,
            ),
            ("石嘴山市人民政府关于", false),
            ("现将方案印发给你们：", false),
            ("一、总体要求的通知", false),
            ("附件：实施方案", false),
            ("——关于某事的通知", false),
            // A 《》 or a bracket a wrap left open: a citation's head.
            ("为加强保护管理，根据《风景名胜区条例", false),
            ("根据《某条例》（厦门市人民政府令", false),
            ("关于印发《某市管理办法》的通知", true),
            // A comma in the subject that no 的 and genre word close.
            (
                "会议听取了市住房城乡建设局关于改造工作的汇报，原则同意改造实施方案",
                false,
            ),
            ("关于加强农村宅基地管理，切实保护耕地的通知", true),
            ("关于加快发展服务业，促进消费结构升级的实施意见", true),
            ("关于印发某规定，根据《某条例》等有关规定", false),
            // A title that lost its 》 still ends.
            ("关于印发《某市三年行动实施方案的通知", true),
            (
                "中共某区委办公室，某区人民政府办公室关于做好防汛工作的通知",
                true,
            ),
            // A quoted title and the number in brackets after it.
            ("发布的《某暂行办法》（某市人民政府令〔2003〕第6号）", false),
            // Citations a wrap cut, closed by 等 and a genre word.
            (
                "省人民政府令第12号）和《某管理办法》（某办发〔2019〕7号）等规定",
                false,
            ),
            ("某市人民政府关于某某管理的规定", true),
        ] {
            assert_eq!(is_title_end_text(t, &lex), end, "{t}");
        }
        assert!(is_fragment(
            "石嘴山市人民政府关于",
            Excluded::default(),
            &lex
        ));
    }

    /// An attachment's header letter-spaced (附　件, 附 件 1) is no part of
    /// the title under it; a title opening with 附 as a word still is.
    #[test]
    fn a_letter_spaced_attachment_header_is_no_title_fragment() {
        let lex = Lexicon::builtin();
        for t in [
            "附件",
            "附　件",
            "附 件",
            "附　件　1",
            "附 件 1",
            "附　件　二",
        ] {
            assert!(!is_fragment(t, Excluded::default(), &lex), "{t}");
        }
        for t in ["附属医院建设工作方案", "附近村庄环境整治方案"] {
            assert!(is_fragment(t, Excluded::default(), &lex), "{t}");
        }
    }

    #[test]
    fn quotes_left_open() {
        for (t, open) in [
            ("《某市人民政府关于修改〈某市城市道路管理办法〉的决定", true),
            ("关于印发《某市实施方案", true),
            ("关于印发《某市实施方案》的通知", false),
            ("》已经2022年3月30日市人民政府常务会议审议通过", false),
            ("《某条例》《某办法", true),
        ] {
            assert_eq!(quote_left_open(t), open, "{t}");
        }
    }

    #[test]
    fn a_date_or_a_number_alone_is_no_part_of_a_title() {
        let lex = Lexicon::builtin();
        for t in ["2020年3月10日", "石党发〔2020〕1号", "一、总体要求"] {
            assert!(!is_fragment(t, Excluded::of(t, &lex), &lex), "{t}");
        }
    }

    #[test]
    fn passage_notes() {
        let lex = Lexicon::builtin();
        assert!(is_passage_note(
            "（2019年5月30日石嘴山市第十届人民代表大会常务委员会第十二次会议通过）",
            &lex
        ));
        assert!(!is_passage_note("（2019年5月30日）", &lex));
        // Issued by a numbered document, amended by another.
        assert!(is_passage_note(
            "（2018年3月2日某府发〔2018〕5号印发　根据2020年4月1日《某决定》（某府发〔2020〕3号）修改）",
            &lex
        ));
        assert!(!is_passage_note("（2018年3月2日印发）", &lex));
        assert!(!is_passage_note("2019年5月30日通过", &lex));
    }
}
