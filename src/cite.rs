//! Citations: the other documents a document cites by number.
//!
//! Every document number in the text, in order of first appearance, with
//! the 《》 title written right before it. A number wrapped across two lines
//! (（国 / 办发〔2021〕11号）) is read across the break. The document's own
//! number — also when repeated in another form (第753号 and
//! 中华人民共和国国务院令第753号) — is not a citation.

use crate::docnum::{self, DocNumber};
use crate::lexicon::Lexicon;
use crate::lines::Line;
use crate::record::Citation;
use crate::text;
use crate::unit::Unit;

/// Issuer codes compared without the state's name (国务院令 = 中华人民共和国国务院令).
fn issuer_key(n: &DocNumber, lex: &Lexicon) -> String {
    let code = n.issuer_code.as_deref().unwrap_or("");
    text::squash(lex.strip_state_name(code))
}

/// `a` and `b` name the same document. (Every citation is compared with
/// those before it: the raw forms are compared without copies, and issuer
/// codes only for equal serials and years.)
pub fn same(a: &DocNumber, b: &DocNumber, lex: &Lexicon) -> bool {
    if text::squash_eq(&a.raw, &b.raw) {
        return true;
    }
    if a.serial != b.serial || a.year != b.year {
        return false;
    }
    let (ka, kb) = (issuer_key(a, lex), issuer_key(b, lex));
    ka == kb || ka.is_empty() || kb.is_empty()
}

/// `b` is the document's own number `a` read from its second half, the
/// code cut by a wrap (嘉政 / 发[2013]21号): the same year and serial, and a
/// code of at most four characters that ends `a`'s.
fn code_tail(a: &DocNumber, b: &DocNumber, lex: &Lexicon) -> bool {
    let (ka, kb) = (issuer_key(a, lex), issuer_key(b, lex));
    a.serial == b.serial
        && a.year == b.year
        && !kb.is_empty()
        && text::chars_at_most(&kb, 4)
        && ka.len() > kb.len()
        && ka.ends_with(&kb)
}

/// How the tail of a line continues into the next line's number
/// ([`wrapped_tail`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tail {
    /// The line holds none of it.
    None,
    /// The number's core began on the line: its year's bracket opened
    /// there (（鄂府办发〔2015 / 〕21号）) or an order's 第 (（国务院令第 /
    /// 367号）).
    Core,
    /// An issuer code's head after an opening bracket or a separator
    /// (（国 / 办发〔2021〕11号）).
    AfterBreak,
    /// The names of an order's first organs, the wrap parting them from the
    /// next one's (（国家发展改革委 / 住房城乡建设部令第46号）): read with a space
    /// between.
    Parted,
    /// An issuer code's head after the title it follows (…的实施意见国 /
    /// 办发〔2020〕24号精神).
    AfterTitle,
}

/// The ideographs after a date that opens `tail` (2013年5月10日某市人 →
/// 某市人), when that is all that follows it.
fn after_date(tail: &str) -> Option<&str> {
    let at = tail.rfind('日')?;
    let date = &tail[..at];
    let rest = &tail[at + '日'.len_utf8()..];
    (date
        .ends_with(|c: char| text::is_digit(c) || crate::normalize::numeral::is_cn_numeral_char(c))
        && !rest.is_empty()
        && rest.chars().all(text::is_han))
    .then_some(rest)
}

/// Where an issuer code of two to eight ideographs ends `run`, right after
/// a word that ends a code read backwards (按照湖政办发 → 湖政办发, after
/// 按照; [`docnum::ends_with_stop`]).
fn code_after_stop(run: &str) -> Option<usize> {
    let mut chars = run.char_indices().rev();
    chars.next()?;
    chars
        .take(7)
        .take_while(|&(_, c)| text::is_han(c))
        .map(|(i, _)| i)
        .find(|&i| docnum::ends_with_stop(&run[..i]))
        .filter(|&i| run[i..].chars().all(text::is_han))
}

/// The character at `i` of `prev` is a serial's digit, maybe a look-alike
/// ([`text::ocr_digit`]), the line ending within the serial: digits or
/// look-alikes alone run from the year's closing bracket to the line's end
/// through it (〔2021〕l, 〔2021〕1l).
fn ocr_serial(prev: &str, i: usize) -> bool {
    let is_serial = |d: char| text::ocr_digit(d).is_some();
    prev[i..].chars().all(is_serial)
        && prev[..i]
            .trim_end_matches(is_serial)
            .ends_with(['〕', ']', '］', '】'])
}

/// The start of a number a line stops inside, wrapped onto the next line:
/// the ideographs of an issuer code right after an opening bracket or a
/// separator (（国 / 办发〔2021〕11号）), or a code with its year's bracket
/// opened (（鄂府办发〔2015 / 〕21号）, …〔2015〕21 / 号). A line ending in a
/// longer run of ideographs (a title ending …的批复) does not continue into
/// the next line's number, unless it ends with an order's 第 (（国务院令第 /
/// 367号）). With it, which of those the tail is.
fn wrapped_tail<'p>(prev: &'p str, next: &str, lex: &Lexicon) -> (&'p str, Tail) {
    let year_bracket = |c: char| matches!(c, '〔' | '〕' | '[' | ']' | '［' | '］' | '【' | '】');
    if let Some((at, wrap_parts)) = joint_order_head(prev, next, lex) {
        let kind = if wrap_parts {
            Tail::Parted
        } else {
            Tail::AfterBreak
        };
        return (&prev[at..], kind);
    }
    // Back over the characters a number is made of, at most 20.
    let mut start = prev.len();
    let mut n = 0;
    let mut bracket = false;
    // (A year in round brackets opened right at the wrap, on the next line
    // with its close: （内政发（ / 2020）18号）.)
    let year_next = {
        let d = next.trim_start_matches(|d: char| d.is_ascii_digit());
        next.len() - d.len() == 4 && d.starts_with(text::is_close_paren)
    };
    for (i, c) in prev.char_indices().rev() {
        let digit_after = prev[i + c.len_utf8()..].starts_with(text::is_digit);
        let paren_year = text::is_open_paren(c) && digit_after;
        // (A space an OCR put inside the number: （鄂政发 [2018] / 36号）,
        // 〔2018〕 3 / 6号.)
        let spaced = text::is_space(c)
            && prev[i + c.len_utf8()..].starts_with(|d: char| text::is_digit(d) || year_bracket(d));
        // (A year in round brackets closed before the serial a wrap cut:
        // （鄂州政文(2005)1 / 8号）.)
        let paren_close = text::is_close_paren(c) && digit_after;
        // (Or closed right before the wrap, the serial on the next line:
        // （衢政发（2009） / 21号）.)
        let year_closed = text::is_close_paren(c) && i + c.len_utf8() == prev.len() && {
            let b = &prev[..i];
            let d = b.trim_end_matches(|d: char| d.is_ascii_digit());
            b.len() - d.len() == 4 && d.ends_with(text::is_open_paren)
        };
        let year_opens = year_next && text::is_open_paren(c) && i + c.len_utf8() == prev.len();
        // (A serial's digit an OCR read as a letter, the wrap cutting the
        // serial: （云政办明电〔2021〕l / 8号）. Only in the serial, after the
        // year's bracket closed.)
        let look_alike = !text::is_digit(c) && text::ocr_digit(c).is_some() && ocr_serial(prev, i);
        if !(text::is_han(c)
            || text::is_digit(c)
            || year_bracket(c)
            || paren_year
            || year_opens
            || paren_close
            || year_closed
            || spaced
            || look_alike)
            || n == 20
        {
            break;
        }
        bracket |=
            year_bracket(c) && !matches!(c, '〕' | ']' | '］' | '】') || paren_year || year_opens;
        start = i;
        n += 1;
    }
    // (Not from a space: the number starts after it.)
    let start = prev.len() - prev[start..].trim_start_matches(text::is_space).len();
    let tail = &prev[start..];
    let han = tail.chars().all(text::is_han);
    let before = prev[..start].chars().next_back();
    // (Or right after a title's 》, the next line opening inside or at the
    // year's bracket: …的通知》财预 / 〔2015〕35号, …》鄂政办发[2017 / ]30号.)
    let after_break = match before {
        // (Not a word the title's sentence goes on with, …的通知》精神 /
        // 〔2015〕35号….)
        Some('》') => {
            next.starts_with(year_bracket)
                && !["精神", "要求", "规定", "部署", "文件", "有关"]
                    .iter()
                    .any(|w| prev.ends_with(w))
        }
        Some(c) => text::is_open_bracket(c) || c == '、' || c == '，' || c == ',',
        None => false,
    };
    // (Or the line holds nothing but a part of the number up to its year's
    // bracket or inside it: …通知》（ / 晋政办发〔2020〕 / 9号）, （吉发〔20 /
    // 18〕 / 17号）.)
    let first_half = before.is_none()
        && tail
            .trim_end_matches(text::is_digit)
            .ends_with(year_bracket);
    if (bracket && after_break || first_half) && !han {
        return (tail, Tail::Core);
    }
    // An order's number cut inside its serial or before its 号 (（省政府令
    // 第312 / 号）, …省政府令第14 / 1号): its core began on this line.
    let serial = tail.trim_end_matches(text::is_digit);
    if serial.len() < tail.len() && serial.ends_with("令第") {
        return (tail, Tail::Core);
    }
    // An order numbered within its year, cut after its year began
    // ((交通运输部令2017年第5 / 号), …令2017年第 / 5号, …令2017 / 年第5号).
    if after_break && order_year_head(tail) {
        return (tail, Tail::Core);
    }
    // A number run into the title it follows and cut inside its year's
    // bracket (…的意见川府发〔2 / 019〕8号要求): its code starts after the
    // title's genre word.
    if bracket && !han {
        if let Some(open) = tail.find(year_bracket) {
            if let Some(g) = lex.code_after_genre(&tail[..open], open, 2..=8) {
                return (&tail[g..], Tail::Core);
            }
            // (Or cited in a sentence after a word that ends a code:
            // …补偿费按照湖政办发〔2 / 019〕28号规定执行.)
            if let Some(g) = code_after_stop(&tail[..open]) {
                return (&tail[g..], Tail::Core);
            }
        }
    }
    // (An order many organs issue together, counted after the first's name
    // and cut by the wrap inside the count or its noun: （国家发展改革委等14部 /
    // 委令第39号）, （…等1 / 4部委令第39号）.)
    if after_break && !han && crate::text::has_char(tail, '等') {
        let joined = [tail, next].concat();
        let counted = docnum::find_all(&joined)
            .into_iter()
            .next()
            .is_some_and(|f| {
                f.range.start == 0
                    && f.core_start >= tail.len()
                    && f.number.issuer_code.is_some_and(|c| c.contains('等'))
            });
        if counted {
            return (tail, Tail::AfterBreak);
        }
    }
    // An order's number cut after its 第 (（国务院令第 / 367号）): the
    // number's core begins on this line.
    if han && tail.ends_with('第') && n <= 12 && after_break {
        return (tail, Tail::Core);
    }
    // (Up to eight after a round bracket, which opens nothing but the
    // number, when they name no organ and open no sentence: （六盘水规字 /
    // 〔2016〕37号）, （乐山市人民 / 政府令第3号）; not （市安委会办公室 /
    // 石安委办发〔…〕）, （主要是区政府 / 〔2017〕8号文件）.)
    // (An organ's name after a bracket, its order's 令 on the next line: the
    // wrap before the 令, （云南省人民政府 / 令第214号）, or inside the name,
    // （内蒙古自治区人民政 / 府令第172号）, whose head ends the tail. After the
    // words opening a sentence, the organ: （依据公安部 / 令第162号）. Or the
    // wrap after the 令: （…人民政府令 / 第172号）.)
    // (After a cell's bar or tab too, a table's cell: |2010年3月1日某市人民 /
    // 政府令第1号|. A date opening the bracket or the cell is no part of the
    // organ: （2013年5月10日某市人 / 民政府令第3号公布）, its bracket taken
    // into the tail as before a year.)
    // (Or a word that cites before the date: 根据2020年11月9日某市人民 / 政府令
    // 第2号修正.)
    let (dated, in_bracket) = match tail.chars().next() {
        Some(c) if text::is_open_paren(c) => (&tail[c.len_utf8()..], true),
        _ => match ["根据", "根據", "依据", "依據"]
            .iter()
            .find_map(|w| tail.strip_prefix(w))
        {
            Some(rest) if !han => (rest, true),
            _ => (tail, false),
        },
    };
    let opens = in_bracket
        || before.is_some_and(|c| text::is_open_bracket(c) || matches!(c, '|' | '｜' | '\t'));
    let organ_tail = if han { Some(tail) } else { after_date(dated) };
    // (After a date, the wrap may cut the organ's name earlier: 2015年11月6日
    // 某某 / 市人民政府令第7号.)
    let reach = if han { 4 } else { 6 };
    if let Some(tail) = organ_tail.filter(|_| opens) {
        let head = next
            .char_indices()
            .take(reach)
            .find(|&(_, c)| c == '令')
            .map(|(k, _)| &next[..k])
            .filter(|h| h.chars().all(text::is_han));
        if let Some(head) = head {
            let organ = lex
                .sentence_open
                .iter()
                .find_map(|w| tail.strip_prefix(w.as_str()))
                .unwrap_or(tail);
            let whole = [organ, head].concat();
            if !organ.is_empty()
                && lex.organ_ending(&whole).is_some()
                && !lex.opens_sentence(&whole)
            {
                return (organ, Tail::AfterBreak);
            }
        }
        if let Some(organ) = tail.strip_suffix('令') {
            if next.starts_with('第') && lex.organ_ending(organ).is_some() {
                return (tail, Tail::Core);
            }
        }
    }
    // (A code ending like an organ's name is taken only when the next line
    // opens with the year's bracket, holding no code of its own: （浙长三角办 /
    // 〔2021〕3号）.)
    let code_len = if before.is_some_and(text::is_open_paren)
        && (lex.organ_ending(tail).is_none() || next.starts_with(year_bracket))
        && !lex.opens_sentence(tail)
    {
        1..=8
    } else {
        1..=4
    };
    if han && code_len.contains(&n) && after_break {
        return (tail, Tail::AfterBreak);
    }
    // A code's head after a word that cites (…粮食购销体制改革按照国 / 发〔1998〕
    // 15号文件…, …根据省 / 政办发〔2005〕36号…): one ideograph right after it, the
    // next line opening with the code's rest (…根据省委 / 鄂发〔2005〕3号 cites
    // 鄂发…, …按照要求 / 鄂政发〔…〕 鄂政发…).
    let code_rest = || {
        next.find(year_bracket).is_some_and(|b| {
            text::chars_at_most(&next[..b], 3) && next[..b].chars().all(text::is_han)
        })
    };
    if han {
        let head = tail
            .char_indices()
            .next_back()
            .map(|(at, _)| at)
            .filter(|&at| lex.ends_citing_document(&tail[..at]));
        if let Some(at) = head.filter(|_| code_rest()) {
            return (&tail[at..], Tail::AfterBreak);
        }
    }
    if han {
        if let Some(at) = order_organ_head(tail, n < 20, next, lex) {
            return (&tail[at..], Tail::AfterBreak);
        }
    }
    // An issuer code's head after the title it follows (…的实施意见国 /
    // 办发〔2020〕24号精神): one to four ideographs after its genre word.
    if han {
        if let Some(g) = lex.code_after_genre(tail, tail.len() + 1, 1..=4) {
            return (&tail[g..], Tail::AfterTitle);
        }
    }
    ("", Tail::None)
}

/// An order's organ cut by the wrap, `next` opening with the rest of its
/// name and the order's number (依据湖北省 / 人民政府令第366号, …根据省 /
/// 政府第366号令): where the organ's head starts in `tail`, the line's last
/// run of ideographs (`whole` when nothing but a non-ideograph or the line's
/// start is before it). The organ starts after a stop word (依据, 和, 的 …),
/// or where a run of at most five does (，湖北省 / 人民政府令…), and its name
/// ends as an organ's does.
fn order_organ_head(tail: &str, whole: bool, next: &str, lex: &Lexicon) -> Option<usize> {
    let (k, _) = next
        .char_indices()
        .take(11)
        .find(|&(_, c)| c == '令' || c == '第')?;
    let (rest, after) = next.split_at(k);
    if !rest.chars().all(text::is_han) {
        return None;
    }
    let numbered = |a: &str| {
        a.trim_start_matches(text::is_digit)
            .strip_prefix(['号', '號'])
            .is_some_and(|r| r.starts_with('令'))
            && a.starts_with(text::is_digit)
    };
    let order = match after.strip_prefix('令') {
        Some(a) => {
            a.starts_with(|c: char| c == '第' || text::is_digit(c) || docnum::is_year_open(c))
        }
        None => after.strip_prefix('第').is_some_and(numbered),
    };
    if !order {
        return None;
    }
    let joined = [tail, next].concat();
    let f = docnum::find_all(&joined).into_iter().next()?;
    let at = f.range.start;
    let cut = if at == 0 {
        whole && text::chars_at_most(tail, 5)
    } else {
        docnum::ends_with_stop(&tail[..at.min(tail.len())])
    };
    let code = joined[at..f.core_start].trim_end_matches('令');
    // (The next line's head an organ's whole name, 公安部, is the organ: the
    // words before it, …严格按照最新修订 / 公安部令第124号, name none. Unless
    // they end with a place's level, 湖北省 / 人民政府令.)
    let whole_name = lex.organ_ending(rest).is_some_and(|e| e.len() < rest.len());
    let placed = crate::place::ends_with_level(&tail[at.min(tail.len())..]);
    (at < tail.len()
        && (!whole_name || placed)
        && f.core_start >= tail.len()
        && cut
        && lex.organ_ending(code).is_some()
        && !lex.opens_sentence(code))
    .then_some(at)
}

/// An order several organs issue together, their names parted by spaces or
/// 、, cut by the wrap between two names or inside one
/// (（国家发展改革委　住房城乡建设 / 部令第46号）, …》和商务部、 / 国家发展改革委令第3号,
/// （国家发展改革委　 / 住房城乡建设部令第46号）): where its first organ starts
/// on `prev`, and whether the wrap itself parts two names (the space before
/// it trimmed with the line's end). The names run back from the next line's
/// 令 over ideographs, spaces and 、 to a bracket or another punctuation
/// mark, or to a word that joins or cites (not to the line's start, which
/// may be the middle of a name a wrap above cut). Either the part on `prev`
/// parts two names, or it ends with an organ's name and the next line opens
/// with a whole one; the order's code read across the wrap holds them all.
fn joint_order_head(prev: &str, next: &str, lex: &Lexicon) -> Option<(usize, bool)> {
    let run = |c: char| text::is_han(c) || text::is_space(c) || c == '、';
    let k = next
        .char_indices()
        .take(48)
        .take_while(|&(_, c)| run(c))
        .find(|&(_, c)| c == '令')
        .map(|(k, _)| k)
        // (An order's number follows: 令第46号, 令46号; not 责令, 命令.)
        .filter(|&k| {
            next[k + '令'.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|c| c == '第' || text::is_digit(c))
        })?;
    let start = prev.trim_end_matches(run).len();
    let tail = &prev[start..];
    if tail.is_empty() {
        return None;
    }
    let parted = |t: &str| t.contains(|c: char| text::is_space(c) || c == '、');
    // (The wrap between two names: the next line's first name is an
    // organ's whole name.)
    let head = next[..k]
        .split(|c: char| text::is_space(c) || c == '、')
        .next()?;
    let wrap_parts = !parted(tail.trim_start_matches(text::is_space))
        && lex.organ_ending(head).is_some_and(|e| e.len() < head.len());
    let sep = if wrap_parts { "\u{3000}" } else { "" };
    let joined = [tail, sep, next].concat();
    let f = docnum::find_all(&joined).into_iter().next()?;
    let (at, code) = (f.range.start, &joined[f.range.start..f.core_start]);
    let lead = &tail[..at.min(tail.len())];
    // (At the line's start, punctuation or a word that cites before it.)
    let opens = if text::trim(lead).is_empty() {
        prev[..start].ends_with(|c: char| !c.is_alphanumeric())
    } else {
        docnum::ends_with_stop(lead)
    };
    (at < tail.len()
        && f.core_start > tail.len() + sep.len()
        && code.ends_with('令')
        && parted(&joined[at..tail.len() + sep.len()])
        && opens)
        .then_some((start + at, wrap_parts))
}

/// `tail` is an order's code and the head of a number within its year,
/// up to a wrap: ideographs ending in 令, then the year's digits, and 年, 第
/// and the serial's digits as far as the wrap let them (交通运输部令2017,
/// 交通运输部令2017年第, 交通运输部令2017年第5).
fn order_year_head(tail: &str) -> bool {
    let Some(k) = tail.rfind('令') else {
        return false;
    };
    let (code, rest) = (&tail[..k], &tail[k + '令'.len_utf8()..]);
    let after = rest.trim_start_matches(text::is_digit);
    let digits = text::char_len(&rest[..rest.len() - after.len()]);
    let whole = match after.strip_prefix('年') {
        None => after.is_empty(),
        Some(r) => {
            digits == 4
                && r.strip_prefix('第').map_or(r.is_empty(), |r| {
                    r.trim_start_matches(text::is_digit).is_empty()
                })
        }
    };
    !code.is_empty() && code.chars().all(text::is_han) && (1..=4).contains(&digits) && whole
}

/// `t` stops inside a round bracket opened right after a title's 》, a
/// wrap having cut what it holds (…的通知》（冀办字, …》（冀办字(2022)): a
/// number cited there without its 号 goes on on the next line. The bracket
/// holds at most a number's length, and is not closed (a year's round
/// brackets inside it are).
fn open_after_title(t: &str) -> bool {
    // (Most lines end on a stop or a comma, which no number's head does;
    // the rest looked for in the line's last bytes only, where the 》, its
    // bracket and 16 characters fit.)
    if t.chars()
        .next_back()
        .is_none_or(|c| text::is_sentence_end(c) || text::is_list_sep(c) || text::is_colon(c))
    {
        return false;
    }
    let tail = &t[text::ceil_char_boundary(t, t.len().saturating_sub(3 + 3 + 16 * 4))..];
    tail.rfind('》').is_some_and(|at| {
        let inside = &tail[at + '》'.len_utf8()..];
        inside.strip_prefix(text::is_open_paren).is_some_and(|r| {
            !r.is_empty() && text::chars_at_most(r, 16) && {
                let opened = r.chars().filter(|&c| text::is_open_paren(c)).count();
                let closed = r.chars().filter(|&c| text::is_close_paren(c)).count();
                closed <= opened
            }
        })
    })
}

/// The citations in a document's lines, given in order (read one by one:
/// no list of them is made).
pub fn citations<'a, 't: 'a>(
    lines: impl IntoIterator<Item = &'a Line<'t>>,
    own: Option<&DocNumber>,
    lex: &Lexicon,
) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    let mut joined = String::new();
    let mut prev: Option<Unit<'t>> = None;
    let mut before_prev: Option<Unit<'t>> = None;
    // The line before, to ask whether a page's furniture with blank lines
    // around it stood between it and this one (…（黄政办发〔2015〕 / (blank) /
    // 某某年鉴（2022） / (blank) / ·275· / (blank) / 48号）…).
    let mut prev_line: Option<&'a Line<'t>> = None;
    // The line before was a header's line of the document's own number.
    let mut own_line = false;
    // Line `b` right before line `a`, or a printed page's number and
    // running head (taken out as furniture) between them.
    let close = |a: Unit, b: Unit| (1..=3).contains(&(a.line() - b.line().min(a.line())));
    for l in lines {
        let u = l.unit();
        // The line before, and the one before it.
        let (pp, p) = (before_prev, prev);
        before_prev = prev.replace(u);
        let paged = prev_line.replace(l).is_some_and(|pl| pl.adjoins(l));
        let p = p.filter(|&p| paged || close(u, p));
        let own_above = std::mem::replace(&mut own_line, false);
        // A number cited here has its bracket (or 第) on this line and 号
        // after it: most lines have none (and were seen to have none when
        // they were split).
        // (Or a number that lost its 号 after a title, …》（云政办发〔2020〕40）.)
        let unmarked = docnum::unmarked_cited(u.text());
        let rest = || {
            p.is_some_and(|p| {
                p.text().ends_with(text::is_digit) && p.text().contains('》')
                    || open_after_title(p.text())
            })
        };
        if unmarked.is_empty() && (!l.may_hold_hao() || !docnum::has_hao(u.text())) && !rest() {
            continue;
        }
        // (The header's line of a joint document's numbers, its own among
        // them: 宜办发〔2020〕9号　宜府办发〔2020〕6号 are both its own; so is a
        // line of its other organ's number alone right under its own,
        // 十财农发〔2020〕56号 / 十农发〔2020〕18号.)
        if l.is_number()
            && own.is_some_and(|o| {
                docnum::find_all(u.text()).iter().any(|f| {
                    same(o, &f.number, lex)
                        || own_above && p.is_some() && docnum::joint(o, &f.number)
                })
            })
        {
            own_line = true;
            continue;
        }
        let (mut tail, kind) =
            p.map_or(("", Tail::None), |p| wrapped_tail(p.text(), u.text(), lex));
        // A code's head after a title (…的实施意见国 / 办发〔…〕) is taken only
        // for a number opening this line whose code is at most two characters
        // (…的意见精神 / 浙委办发〔2018〕46号 cites the whole code here).
        if kind == Tail::AfterTitle
            && !docnum::find_all(u.text()).first().is_some_and(|f| {
                f.range.start == 0 && text::chars_at_most(&u.text()[..f.core_start], 2)
            })
        {
            tail = "";
        }
        let tail_bracket = kind == Tail::Core;
        // A number over three lines, the line above holding a part of it
        // alone, its start ending the one above that (（国办 / 发〔2015〕 /
        // 71号）, （吉发〔20 / 18〕 / 17号）): that start too.
        let pp = pp.filter(|&pp| {
            tail_bracket && p.is_some_and(|p| tail.len() == p.text().len() && close(p, pp))
        });
        // (Right after an opening bracket: …党委、政府 / 宁党发〔2020〕 / 8号
        // cites no 政府宁党发.)
        let head = pp
            .and_then(|pp| {
                let (head, kind) = wrapped_tail(pp.text(), tail, lex);
                let before = &pp.text()[..pp.text().len() - head.len()];
                (matches!(kind, Tail::AfterBreak | Tail::Core)
                    && before
                        .ends_with(|c: char| text::is_open_bracket(c) || text::is_open_paren(c)))
                .then_some(head)
            })
            .unwrap_or("");
        // (The wrap parting two organs' names is read as the space it took.)
        let sep = if kind == Tail::Parted { "\u{3000}" } else { "" };
        // The bytes from the lines above, and with the wrap's space.
        let above = head.len() + tail.len();
        let lead = above + sep.len();
        // Where the run of the document's own numbers reaches on this line.
        let mut chain = own_above.then_some(0);
        joined.clear();
        joined.push_str(head);
        joined.push_str(tail);
        joined.push_str(sep);
        joined.push_str(u.text());
        let mut found = docnum::find_all(&joined);
        // (Cut by the wrap after its title and bracket: …的通知》（云政办发〔202 /
        // 0〕40）要求.)
        let opened = p.is_some_and(|p| {
            let before = &p.text()[..p.text().len() - tail.len()];
            head.is_empty()
                && !tail.is_empty()
                && before
                    .strip_suffix(text::is_open_paren)
                    .is_some_and(|b| b.ends_with('》'))
        });
        if let Some((close, number)) = opened.then(|| docnum::unmarked_closed(&joined)).flatten() {
            found.insert(
                0,
                docnum::Found {
                    core_start: joined.find(docnum::is_year_open).unwrap_or(0),
                    range: 0..close,
                    number,
                },
            );
        }
        if !unmarked.is_empty() {
            found.extend(unmarked.into_iter().map(|f| docnum::Found {
                range: f.range.start + lead..f.range.end + lead,
                core_start: f.core_start + lead,
                number: f.number,
            }));
            found.sort_by_key(|f| f.range.start);
        }
        for f in found {
            // Numbers wholly inside the previous lines were found there.
            if f.range.end <= lead {
                continue;
            }
            // The bracket itself must be on this line, unless the previous
            // one stopped inside the year's bracket; else only the issuer
            // code may have begun there.
            if f.core_start < lead && !tail_bracket {
                continue;
            }
            let n = f.number;
            // (A joint document's numbers cut by wraps, its own opening the
            // first line: 某财税〔2021〕12号　某发改〔2021〕 / 208号　某自然资
            // 〔2021〕66号: the other organs' numbers side by side with it, on
            // its line and opening the lines right under it, are its own too.)
            if let Some(o) = own {
                // (Or after the serial of a number the line above cut, 某发改
                // 〔2021〕 / 208号　某自然资〔2021〕66号.)
                let chained = chain.is_some_and(|c| {
                    c <= f.range.start && {
                        let gap = text::trim(&joined[c..f.range.start]);
                        gap.is_empty()
                            || c == 0
                                && gap
                                    .strip_suffix(['号', '號'])
                                    .is_some_and(|d| !d.is_empty() && d.chars().all(text::is_digit))
                    }
                });
                // (Its code's head may end the line above, 某自然 / 资〔2021〕
                // 66号, when the tail above was not taken.)
                let code_above = || {
                    let piece = p.and_then(|p| p.text().rsplit(text::is_space).next());
                    own_above
                        && f.range.start == lead
                        && piece.is_some_and(|h| {
                            text::chars_at_most(h, 6)
                                && docnum::whole(&[h, n.raw.as_str()].concat())
                                    .is_some_and(|m| docnum::joint(o, &m))
                        })
                };
                if f.range.start == 0 && same(o, &n, lex)
                    || chained && (docnum::joint(o, &n) || code_above())
                {
                    chain = Some(f.range.end);
                    own_line = true;
                    continue;
                }
            }
            if own.is_some_and(|o| same(o, &n, lex) || code_tail(o, &n, lex))
                || out.iter().any(|c| same(&c.doc_number, &n, lex))
            {
                continue;
            }
            // The text before the number, on a previous line when the
            // number began there.
            let before = match (pp, p) {
                (Some(pp), _) if f.range.start < head.len() => {
                    &pp.text()[..pp.text().len() - head.len() + f.range.start]
                }
                (_, Some(p)) if f.range.start < lead => {
                    &p.text()[..p.text().len() - above + f.range.start]
                }
                _ => &joined[..f.range.start],
            };
            let before = text::trim(before)
                .trim_end_matches(|c: char| text::is_open_paren(c) || text::is_space(c));
            let title = before
                .strip_suffix('》')
                .and_then(|b| b.rfind('《').map(|a| b[a + '《'.len_utf8()..].to_owned()));
            let line = match (pp, p) {
                (Some(pp), _) if f.range.start < head.len() => pp.line(),
                (_, Some(p)) if f.range.start < lead => p.line(),
                _ => u.line(),
            };
            out.push(Citation {
                doc_number: n,
                title,
                line,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(t: &str) -> Vec<Line<'_>> {
        Line::all(t, &Lexicon::builtin())
    }

    /// The raw numbers `t` cites, in order.
    fn cited(t: &str) -> Vec<String> {
        citations(&units(t), None, &Lexicon::builtin())
            .into_iter()
            .map(|c| c.doc_number.raw)
            .collect()
    }

    /// A number cited after a title without its 号, and an order that
    /// counts its organs cut by a wrap inside the count, are cited whole.
    #[test]
    fn numbers_without_hao_and_counted_organs() {
        assert_eq!(
            cited("根据《某省规定》（某政办发〔2020〕40）要求，制定本办法。\n"),
            ["某政办发〔2020〕40"]
        );
        assert_eq!(
            cited("根据《某省规定》（某政办发〔202\n0〕40）要求，制定本办法。\n"),
            ["某政办发〔2020〕40"]
        );
        // (Cut anywhere else inside the bracket too.)
        for t in [
            "根据《某省规定》（某办字\n(2022)5）要求，制定本办法。\n",
            "根据《某省规定》（某办\n字(2022)5）要求，制定本办法。\n",
            "根据《某省规定》（某办字(2022)\n5）要求，制定本办法。\n",
        ] {
            assert_eq!(cited(t), ["某办字(2022)5"], "{t}");
        }
        for t in [
            "根据《某平台管理暂行办法》（国家发展改革委等14部\n委令第39号）等规定\n",
            "根据《某平台管理暂行办法》（国家发展改革委等1\n4部委令第39号）等规定\n",
        ] {
            assert_eq!(cited(t), ["国家发展改革委等14部委令第39号"], "{t}");
        }
    }

    /// An order two organs issue together, cut by the wrap between their
    /// names or inside the second, is read whole, its separator kept.
    #[test]
    fn a_joint_order_cut_between_its_organs() {
        for (t, want) in [
            (
                "按照《某某管理办法》（国家发展改革委　\n住房城乡建设部令第46号）执行。\n",
                "国家发展改革委　住房城乡建设部令第46号",
            ),
            (
                "按照《某某管理办法》（国家发展改革委　住房城乡建设\n部令第46号）执行。\n",
                "国家发展改革委　住房城乡建设部令第46号",
            ),
            (
                "依照有关规定，根据建设部、\n财政部令第165号执行。\n",
                "建设部、财政部令第165号",
            ),
            (
                "按照《某某规定》和商务部、\n国家发展改革委令第3号执行。\n",
                "商务部、国家发展改革委令第3号",
            ),
            (
                "按照《某某办法》（住房城乡建设部　国家发展\n改革委　人力资源社会保障部令第8号）执行。\n",
                "住房城乡建设部　国家发展改革委　人力资源社会保障部令第8号",
            ),
        ] {
            assert_eq!(cited(t), [want], "{t}");
        }
        let t = "按照《某某管理办法》（国家发展改革委\n住房城乡建设部令第46号）执行。\n";
        let c = citations(&units(t), None, &Lexicon::builtin());
        assert_eq!(c[0].title.as_deref(), Some("某某管理办法"));
        assert_eq!(c[0].line, 1);
        // (Not from the line's start, which a wrap above may have cut
        // inside a name; nor a local organ set apart by a table's columns.)
        assert_eq!(
            cited("（国家发展改\n革委　住房城乡建设\n部令第46号）\n"),
            ["部令第46号"]
        );
        assert_eq!(
            cited("1|市交通运输局　　\n交通运输部令第2号|有效\n"),
            ["交通运输部令第2号"]
        );
    }

    /// A joint document's numbers cut by wraps under its title are its
    /// own; a number joint with it later in the text is cited.
    #[test]
    fn a_serial_cut_by_a_wrap_after_a_look_alike() {
        let lex = Lexicon::builtin();
        let own = docnum::whole("某政办明电〔2021〕23号").unwrap();
        let cited_by = |t: &str| {
            citations(&units(t), Some(&own), &lex)
                .into_iter()
                .map(|c| c.doc_number.raw)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            cited_by("根据《某通知》（云政办明电〔2021〕l\n8号）要求。\n"),
            ["云政办明电〔2021〕l8号"]
        );
        assert_eq!(
            cited_by("根据《某方案》（云政办发〔2021〕2\nl号）要求。\n"),
            ["云政办发〔2021〕2l号"]
        );
        // (A letter after a text's closing bracket is no serial.)
        assert!(cited_by("见附件（表l\n8号文件）。\n").is_empty());
    }

    #[test]
    fn a_joint_documents_numbers_cut_by_wraps() {
        let lex = Lexicon::builtin();
        let own = docnum::whole("某财税〔2021〕12号").unwrap();
        let cited_by = |t: &str| {
            citations(&units(t), Some(&own), &lex)
                .into_iter()
                .map(|c| c.doc_number.raw)
                .collect::<Vec<_>>()
        };
        for t in [
            "某财税〔2021〕12号　某发改〔2021〕208号　某自然\n资〔2021〕66号　某税发〔2021〕31号\n",
            "某财税〔2021〕12号　某发改〔2021〕\n208号　某自然资〔2021〕66号　某税发\n〔2021〕31号\n",
        ] {
            assert!(cited_by(t).is_empty(), "{t}");
        }
        assert_eq!(
            cited_by("某财税〔2021〕12号\n根据省政府批复（某政文〔2021〕126号），制定本办法。\n"),
            ["某政文〔2021〕126号"]
        );
    }

    #[test]
    fn brackets_left_open_after_a_title() {
        for (t, open) in [
            ("…的通知》（冀办字", true),
            ("…》（冀办字(2022)", true),
            ("…》(冀办字(20", true),
            ("…的通知》（冀办字〔2022〕5）要求，", false),
            ("…》要求，根据", false),
            ("…的通知》", false),
        ] {
            assert_eq!(open_after_title(t), open, "{t}");
        }
    }

    #[test]
    fn a_code_after_a_title_cut_by_a_wrap() {
        assert_eq!(
            cited("按照《关于推进改革的通知》财预\n〔2015〕35号的要求，"),
            ["财预〔2015〕35号"]
        );
        assert_eq!(
            cited("根据《关于加强监督的通知》鄂政办发[2017\n]30号等规定，"),
            ["鄂政办发[2017]30号"]
        );
    }

    #[test]
    fn a_number_cut_by_a_page_with_blank_lines_around_its_furniture() {
        let t = "废止《关于规范机构设置的通知》（荆政办发〔2016〕\n\n荆门年鉴（2022）\n\n·118·\n\n23号）。";
        // The reader takes the page's furniture out and marks the line
        // under it as adjoining the one above.
        let mut lines = units(t);
        lines.drain(1..3);
        lines[1].mark_page_above();
        let c = citations(&lines, None, &Lexicon::builtin());
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].doc_number.raw, "荆政办发〔2016〕23号");
        assert_eq!(c[0].title.as_deref(), Some("关于规范机构设置的通知"));
        // Given where the number begins.
        assert_eq!(c[0].line, 1);
        // Unmarked, the lines stand too far apart.
        assert!(cited(t).is_empty());
    }

    #[test]
    fn an_orders_organ_cut_by_a_wrap_after_a_date() {
        // In a bracket, and in a table's cell.
        assert_eq!(
            cited("对《某某办法》（2014年6月3日佳木斯市人\n民政府令第1号公布）作如下修改："),
            ["佳木斯市人民政府令第1号"]
        );
        assert_eq!(
            cited("1|某某办法|2011年9月5日佳木斯市人民\n政府令第2号|继续有效"),
            ["佳木斯市人民政府令第2号"]
        );
        assert_eq!(
            cited("3|某某办法|2016年10月8日佳木斯\n市人民政府令第5号|继续有效"),
            ["佳木斯市人民政府令第5号"]
        );
        assert_eq!(
            cited("（2013年5月10日公布　根据2020年11月9日牡丹江市人民\n政府令第2号修正）"),
            ["牡丹江市人民政府令第2号"]
        );
        // (Not words after the date that name no organ.)
        assert_eq!(
            cited("（2016年10月8日起按照\n管理令第5号执行）"),
            ["管理令第5号"]
        );
        assert_eq!(after_date("2013年5月10日某市人"), Some("某市人"));
        assert_eq!(after_date("2013年5月10日"), None);
        assert_eq!(after_date("每日某市"), None);
    }

    #[test]
    fn an_orders_organ_cut_by_a_wrap() {
        assert_eq!(
            cited("结合本市实际，依据湖北省\n人民政府令第409号，制定本办法。"),
            ["湖北省人民政府令第409号"]
        );
        assert_eq!(
            cited("参照住房和城乡建设部\n令第24号执行。"),
            ["住房和城乡建设部令第24号"]
        );
        assert_eq!(
            cited("依照有关规定，根据湖北省人民\n政府第218号令，"),
            ["湖北省人民政府第218号令"]
        );
        assert_eq!(
            cited("根据湖北省人民政府第218号令，"),
            ["湖北省人民政府第218号令"]
        );
        // The line's text before the cut names no organ, or no stop word
        // parts it from the organ: the number alone, as before.
        assert_eq!(cited("全市要加强城市\n管理令第3号"), ["管理令第3号"]);
        assert_eq!(
            cited("全面加强环境卫生\n人民政府令第3号"),
            ["人民政府令第3号"]
        );
        assert_eq!(
            cited("严格按照最新修订\n公安部令第124号执行。"),
            ["公安部令第124号"]
        );
    }

    #[test]
    fn a_number_wrapped_across_lines() {
        let t = "为贯彻落实《国务院办公厅关于加强城市内涝治理的实施意见》（国\n办发〔2021〕11号）和《某意见》（桂政办发〔2021〕96号）精";
        let c = citations(&units(t), None, &Lexicon::builtin());
        let raws: Vec<&str> = c.iter().map(|c| c.doc_number.raw.as_str()).collect();
        assert_eq!(raws, ["国办发〔2021〕11号", "桂政办发〔2021〕96号"]);
        // A year in round brackets closed right before the wrap.
        let t = "按照《若干意见》（衢政发（2009）\n21号）要求，";
        assert_eq!(cited(t), ["衢政发（2009）21号"]);
        // … or opened right before the wrap, the year on the next line.
        let t = "按照《若干意见》(衢政发(\n2009)21号)要求,";
        assert_eq!(cited(t), ["衢政发(2009)21号"]);
        // Across a page's number taken out between the halves.
        let paged = "根据《意见》（国发〔2015\n·281·\n〕32号）精神，";
        let mut ls = units(paged);
        ls.remove(1);
        let across = citations(&ls, None, &Lexicon::builtin());
        let raws: Vec<&str> = across.iter().map(|c| c.doc_number.raw.as_str()).collect();
        assert_eq!(raws, ["国发〔2015〕32号"]);
        // Cut inside the year's bracket, or after it.
        for t in [
            "按照《实施方案》（鄂府办发〔2015\n〕21号）要求，",
            "按照《实施方案》（鄂府办发〔\n2015〕21号）要求，",
            "按照《实施方案》（鄂府办发〔2015〕21\n号）要求，",
            "按照《实施方案》（鄂府办发〔2015〕\n21号）要求，",
        ] {
            let c = citations(&units(t), None, &Lexicon::builtin());
            let raws: Vec<&str> = c.iter().map(|c| c.doc_number.raw.as_str()).collect();
            assert_eq!(raws, ["鄂府办发〔2015〕21号"], "{t}");
            assert_eq!(c[0].title.as_deref(), Some("实施方案"), "{t}");
        }
        assert_eq!(c[0].line, 1);
        assert_eq!(
            c[0].title.as_deref(),
            Some("国务院办公厅关于加强城市内涝治理的实施意见")
        );
        // An order numbered within its year, cut anywhere after its year began.
        for t in [
            "根据《规定》(交通运输部令2017年第5\n号),制定本办法。",
            "根据《规定》(交通运输部令2017年第\n5号),制定本办法。",
            "根据《规定》(交通运输部令2017\n年第5号),制定本办法。",
        ] {
            assert_eq!(cited(t), ["交通运输部令2017年第5号"], "{t}");
        }
        // A long code cut before its year's bracket, after a round bracket;
        // one ending like an organ's name when the bracket opens the line.
        assert_eq!(
            cited("根据《三年行动计划》(浙长三角办\n〔2021〕3号),制定本要点。"),
            ["浙长三角办〔2021〕3号"]
        );
        let t = "你局《关于某规划的请示》（六盘水规字\n〔2016〕37号）收悉。";
        let c = citations(&units(t), None, &Lexicon::builtin());
        let raws: Vec<&str> = c.iter().map(|c| c.doc_number.raw.as_str()).collect();
        assert_eq!(raws, ["六盘水规字〔2016〕37号"]);
        // An order's number cut after its 第.
        let t = "依据《地方志工作条例》（国务院令第\n467号）规定，";
        let c = citations(&units(t), None, &Lexicon::builtin());
        let raws: Vec<&str> = c.iter().map(|c| c.doc_number.raw.as_str()).collect();
        assert_eq!(raws, ["国务院令第467号"]);
        // Cut inside its serial or before its 号, or between its organ and 令.
        for t in [
            "依据《城市市容管理规定》（省政府令第312\n号）规定，",
            "依据《城市市容管理规定》（省政府令第31\n2号）规定，",
            "依据《城市市容管理规定》（云南省人民政府\n令第312号）规定，",
        ] {
            let c = citations(&units(t), None, &Lexicon::builtin());
            let raws: Vec<&str> = c.iter().map(|c| c.doc_number.raw.as_str()).collect();
            let want = if t.contains("云南") {
                "云南省人民政府令第312号"
            } else {
                "省政府令第312号"
            };
            assert_eq!(raws, [want], "{t}");
        }
        // A number run into the title it follows, cut inside its year.
        let t = "按照四川省人民政府关于加强监督的意见川府发〔2\n019〕8号要求，抓好落实。";
        let c = citations(&units(t), None, &Lexicon::builtin());
        let raws: Vec<&str> = c.iter().map(|c| c.doc_number.raw.as_str()).collect();
        assert_eq!(raws, ["川府发〔2019〕8号"]);
        // Or after a word that ends a code.
        let t = "（二）青苗补偿费按照衢政办发〔2\n018〕31号规定执行。";
        let c = citations(&units(t), None, &Lexicon::builtin());
        let raws: Vec<&str> = c.iter().map(|c| c.doc_number.raw.as_str()).collect();
        assert_eq!(raws, ["衢政办发〔2018〕31号"]);
    }

    #[test]
    fn the_own_number_in_another_form_is_not_cited() {
        let own = docnum::whole("第753号").map(|mut n| {
            n.issuer_code = Some("国务院令".into());
            n
        });
        let t = "（2022年3月4日中华人民共和国国务院令第753号公布　自2022年6月1日起施行）";
        assert!(citations(&units(t), own.as_ref(), &Lexicon::builtin()).is_empty());
        // Its second half, when a wrap cut its code (嘉政 / 发[2013]21号).
        let own = docnum::whole("嘉政发[2013]21号");
        let t = "发[2013]21号";
        assert!(citations(&units(t), own.as_ref(), &Lexicon::builtin()).is_empty());
        // Not a number whose short code only ends another's of a different serial.
        let t = "发[2013]22号";
        assert_eq!(
            citations(&units(t), own.as_ref(), &Lexicon::builtin()).len(),
            1
        );
    }

    #[test]
    fn first_use_only_in_order() {
        let t = "根据宁党发〔2020〕4号和国发〔2019〕13号，再次依据宁党发〔2020〕4号。";
        let c = citations(&units(t), None, &Lexicon::builtin());
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].doc_number.raw, "国发〔2019〕13号");
    }
}
