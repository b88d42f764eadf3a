//! Clauses, labelled lines and the text between them: clause markers open
//! clauses in the tree, labels give fields, and wrapped lines join the
//! element they continue.

use super::Builder;
use crate::fields;
use crate::lexicon::Role;
use crate::lines::{body, title, Line};
use crate::marker::{ClauseKind, Marker};
use crate::normalize::DeadlineKind;
use crate::record::{Paragraph, Part};
use crate::text;
use crate::text::line_before;
use crate::unit::Unit;

/// What the previous line was, for joining wrapped lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prev {
    None,
    /// Clause or paragraph text that may continue on the next line; `count`
    /// is the numeral it ends with before a 、 (…按照一、), whose next the
    /// next line may open with (二、三类管线…): a count, not a marker.
    Text {
        open: bool,
        count: Option<u32>,
        /// The paragraph opened indented and its line stopped with no
        /// closing mark: a line at the margin under it goes on (hanging
        /// indentation, [`Hanging`]).
        hang: bool,
        /// The paragraph (the line, or the first of the lines it wraps
        /// over) opened indented.
        indented: bool,
    },
    /// A field value that may continue: `open` when its line stopped
    /// mid-sentence. A value with none yet (牵头单位： / 市住房城乡建设局) or
    /// a list of units whose last is cut inside its name (…、市生态环境 /
    /// 局、市城市管理局) goes on over a next line that completes it
    /// ([`Builder::field_goes_on`]).
    Field {
        open: bool,
        /// The line, indented, filled the document's width with a list of
        /// units or a 部门分工 sentence: a wrap may have cut its last unit
        /// whatever that reads as ([`Builder::fills_indented`]).
        filled: bool,
    },
    /// A 版记 line (抄送：…, 主题词：…) above its printing line: an indented
    /// line under it is the rest of its item. `open`: cut by a wrap after a
    /// separator or inside a name, the list goes on over the next line at
    /// the margin too (…，泰安军分区， / 市法院，市检察院。).
    Colophon {
        open: bool,
    },
}

/// Paragraphs printed with a hanging indentation: each opens indented
/// (　　一、加强城市道路管理，各地要建立健全道路巡查机) and goes on at the margin
/// (制，及时修复破损路面。), where a PDF or a yearbook cut it whatever its
/// width. A line at the margin under an indented line that stopped with no
/// closing mark continues it.
pub(super) struct Hanging {
    /// For each marker kind, how many of the document's lines opening with
    /// it are indented and how many are not.
    kinds: Vec<(ClauseKind, usize, usize)>,
    /// How many characters a line cut at the document's width holds at
    /// least: three quarters of its longer lines' length (the ninth tenth).
    /// A shorter indented line (a heading, 　　一、落实安全责任) stopped of
    /// itself, not at the width, and the line at the margin under it is a
    /// paragraph of its own.
    full: usize,
    /// The width the document's lines were cut at, when one is seen, or
    /// its longer lines' length if more ([`widths`]): a line cut there
    /// fills it with its indentation.
    wrap: Option<usize>,
}

/// The widest column read as narrow: a yearbook page of two columns holds
/// 20 to 24 characters a line, and under 22 a heading's indentation decides
/// whether its line is full.
const NARROW: usize = 21;

impl Hanging {
    /// `long`: the length of the document's longer lines, and `wrap` the
    /// width they were cut at ([`widths`]).
    pub(super) fn of<'l, 't: 'l>(
        lines: impl Iterator<Item = &'l Line<'t>>,
        src: &str,
        decimal: bool,
        (wrap, long): (Option<usize>, usize),
    ) -> Hanging {
        let mut kinds: Vec<(ClauseKind, usize, usize)> = Vec::new();
        for l in lines {
            let Some(m) = l.marker(decimal) else {
                continue;
            };
            let at = match kinds.iter().position(|k| k.0 == m.kind) {
                Some(at) => at,
                None => {
                    kinds.push((m.kind, 0, 0));
                    kinds.len() - 1
                }
            };
            if is_indented(src, l.start()) {
                kinds[at].1 += 1;
            } else {
                kinds[at].2 += 1;
            }
        }
        Hanging {
            kinds,
            // A page holds 28 characters a line (GB/T 9704); no page cut
            // lines much shorter than 20.
            full: (long * 3 / 4).max(20),
            // (The most common length is often an indented paragraph's
            // first line, two short of the width.)
            wrap: wrap.map(|w| w.max(long)),
        }
    }

    /// A line of `chars` characters after `indent` characters of
    /// indentation fills a line cut at the document's width: in a narrow
    /// column (a yearbook's column of two, 21 characters or fewer), the
    /// width its lines were cut at, indentation counted (　　一、原则同意…城区
    /// fills 21); else three quarters of its longer lines' length.
    pub(super) fn fills(&self, indent: usize, chars: usize) -> bool {
        match self.wrap {
            Some(w) if w <= NARROW => indent + chars >= w,
            _ => chars >= self.full,
        }
    }

    /// The document indents its markers of `kind` (at least two, and
    /// more than it leaves at the margin): one at the margin is a wrapped
    /// line that opens like a marker (…对符合条件的 / 二、三级医院给予补助。).
    pub(super) fn indents(&self, kind: ClauseKind) -> bool {
        self.kinds
            .iter()
            .any(|&(k, indented, margin)| k == kind && indented >= 2 && margin < indented)
    }
}

/// The unit opens its source line after spaces (a paragraph's indentation),
/// not at the line's start nor inside a line.
pub(super) fn is_indented(src: &str, start: usize) -> bool {
    let before = line_before(src, start);
    !before.is_empty() && before.chars().all(text::is_space)
}

/// The unit opens its source line with nothing before it: at the margin.
pub(super) fn at_margin(src: &str, start: usize) -> bool {
    line_before(src, start).is_empty()
}

/// The unit closes its source line: nothing but spaces after it. (Lines
/// end with LF, CRLF or CR alone, as `decode::lines` splits them.)
fn ends_line(src: &str, end: usize) -> bool {
    let after = src.get(end..).unwrap_or("");
    let line = match memchr::memchr2(b'\n', b'\r', after.as_bytes()) {
        Some(i) => &after[..i],
        None => after,
    };
    line.chars().all(text::is_space)
}

/// The head of a line holding a value: up to its first stop or the next
/// label (市住建局；配合单位：… → 市住建局).
fn value_head<'s>(t: &'s str, lex: &crate::lexicon::Lexicon) -> &'s str {
    let t = text::trim(t);
    let stop = t.find(['；', ';', '。']).unwrap_or(t.len());
    before_spaced_label(&t[..stop], lex)
}

/// `s` up to a space a label follows (法局　完成时间：… → 法局), or whole.
fn before_spaced_label<'s>(s: &'s str, lex: &crate::lexicon::Lexicon) -> &'s str {
    match s.find(text::is_space) {
        Some(k) if lex.label_at(text::trim(&s[k..])).is_some() => &s[..k],
        _ => s,
    }
}

/// The last item of a list of units (…、市生态环境 → 市生态环境).
fn last_item(value: &str) -> &str {
    text::trim(value.rsplit(['、', '，', ',']).next().unwrap_or(""))
}

/// `n` is a document's number in brackets alone on its line (（某府发〔2014〕
/// 7号）), as it is printed under the title it numbers.
pub(super) fn numbers_name_above(n: &Line) -> bool {
    n.is_number() && n.text().starts_with(crate::docnum::is_number_open)
}

/// A line stopped with a closing mark: 。！？；, a colon, or a bracket after
/// one (…行为。（区财政局负责）).
pub(super) fn is_closed_line(s: &str) -> bool {
    let Some(last) = s.chars().last() else {
        return true;
    };
    text::is_sentence_end(last)
        || text::is_colon(last)
        || body::is_bracketed_note(s)
        || text::is_close_bracket(last)
            && text::before_closing_bracket(s).is_some_and(text::is_sentence_end)
}

/// A line continues the previous one when that one stopped mid-sentence:
/// it has a 。 but does not end with one, ends with a comma, or is as long
/// as a printed line (60 characters, or the document's wrap width when its
/// lines were cut at a fixed width).
fn is_open_line(s: &str, wrap: Option<usize>) -> bool {
    let Some(last) = s.chars().last() else {
        return false;
    };
    if text::is_sentence_end(last) || text::is_colon(last) {
        // Unless a bracket is left open (…。(牵头单位:市农业农村局; /
        // 配合单位:…), …(责任单位: / 市农业农村局…)): it goes on.
        return last != '。' && unclosed_bracket(s);
    }
    // (Or an opening bracket, whose note the next line holds: …，各辖市( /
    // 区)人民政府.)
    if matches!(last, '，' | ',' | '、') || text::is_open_paren(last) {
        return true;
    }
    // A bracket closed inside one still open goes on (（责任单位：各县（市、区） /
    // 人民政府；…）).
    if text::is_close_bracket(last) && unclosed_bracket(s) {
        return true;
    }
    // A bracket closing a finished sentence (…行为。（区财政局负责）) ends it too.
    if text::is_close_bracket(last)
        && text::before_closing_bracket(s).is_some_and(text::is_sentence_end)
    {
        return false;
    }
    // A name cited in 《》 and cut (…根据《中华人民共和国行政处罚法》《辽宁省城市
    // 管理 / 综合行政执法条例》…) goes on.
    full_or_stopped(s, wrap) || unclosed_name(s)
}

/// `n` is a sentence's last words, alone on their line: it closes with a
/// stop (。 or ；) and holds no other, no label, date or signature
/// (作为资格要求；, 绩、奖项作为加分条件。).
fn closes_sentence(n: &Line) -> bool {
    let t = n.text();
    let body = t.trim_end_matches(text::is_sentence_end);
    body.len() < t.len()
        && !body.is_empty()
        && !body.contains(['。', '；', ';', '！', '？', '!', '?'])
        && !n.has_label()
        && !n.is_date()
        && !n.is_signature()
}

/// `n` stands apart from the text above whatever that leaves open: a date,
/// a signature, a line of the 版记 or a note (（此件公开发布）).
fn stands_apart(n: &Line) -> bool {
    n.is_date() || n.is_signature() || n.is_colophon() || n.is_note()
}

/// How many lines under an empty label its wrapped value may fill
/// ([`Builder::units_wrapped_below`]).
const WRAPPED_VALUE_LINES: usize = 6;

/// How far back from its end the paragraph read last is searched, in bytes
/// ([`Builder::last_paragraph`]).
const PARAGRAPH_END: usize = 1500;

/// `s` leaves a name in 《 open: its last 《 has no 》 (nor 〉) after it.
fn leaves_name_open(s: &str) -> bool {
    s.rfind('《')
        .is_some_and(|a| !s[a..].contains(['》', '〉']))
}

/// `s` is a sentence still open: it runs on past a comma and holds no
/// stop (为加强…，根据…等法律法规规), where a heading holds no comma.
fn open_sentence(s: &str) -> bool {
    // (A semicolon parts a sentence's clauses, and the last of them is the
    // one open: …的形式；采用…形式的，应当将征求意见书送.)
    let last = s.rsplit(['；', ';']).next().unwrap_or(s);
    last.contains(['，', ',']) && !s.contains(['。', '：', ':', '！', '？', '!', '?'])
}

/// `t` opens with what only goes on a phrase cut on the line above: an
/// amount, a number and its currency (5万元以下罚款。, 1.5万元以下…, 5000元以上…,
/// the second half of a 处…以上…以下 penalty), or 的 (…国家规定 / 的设计规范).
/// No paragraph opens so. (Not 和 or 等, which a heading's first
/// sentence may open with: 和谐社区…, 等级保护….)
fn opens_as_rest(t: &str) -> bool {
    if t.starts_with('的') {
        return !t.starts_with("的确");
    }
    after_figure(t).is_some_and(|rest| rest.starts_with('元'))
}

/// What follows the figure `t` opens with: its digits, a decimal's
/// fraction (1.5) and the multipliers after them (万, 千万): 5万元以下 →
/// 元以下. None when `t` opens with no figure.
fn after_figure(t: &str) -> Option<&str> {
    let rest = t.trim_start_matches(text::is_digit);
    if rest.len() == t.len() {
        return None;
    }
    let rest = match rest.strip_prefix(['.', '．']) {
        Some(r) if r.starts_with(text::is_digit) => r.trim_start_matches(text::is_digit),
        Some(_) => return None,
        None => rest,
    };
    Some(rest.trim_start_matches(['十', '百', '千', '万', '亿', '億', '萬']))
}

/// `t` opens with a quantity: a share or a multiple in figures (60%,
/// 1.5倍, 3‰, 2个百分点), a sum of money (5万元), or a fraction in words
/// (百分之二十, 三分之一). What a line stopped on a word a quantity follows
/// (…收入的, …不低于) goes on with; no paragraph opens so.
fn opens_with_quantity(t: &str) -> bool {
    let words = t.trim_start_matches(crate::normalize::numeral::is_cn_numeral_char);
    if words.len() < t.len() {
        return words.starts_with("分之") || words.starts_with('倍');
    }
    after_figure(t).is_some_and(|rest| {
        rest.starts_with(['%', '％', '‰', '倍', '元']) || rest.starts_with("个百分点")
    })
}

/// `s` ends inside a name in 《》: its last 《, after some text, has no 》
/// (nor 〉) after it, and two or more ideographs of the name. A line opening
/// as a heading does (（一）, 一、, 第…, 1.) only when 24 characters or more: a
/// heading is shorter, and a name a typo left open there closes nothing; so
/// does a cell of a table opening with the name.
fn unclosed_name(s: &str) -> bool {
    let heading = s.starts_with(|c: char| {
        matches!(c, '（' | '(' | '第')
            || c.is_numeric()
            || crate::normalize::numeral::is_cn_numeral_char(c)
    });
    s.rfind('《').is_some_and(|a| {
        let name = &s[a + '《'.len_utf8()..];
        a > 0
            && !name.contains(['》', '〉'])
            && name.chars().take(2).filter(|&c| text::is_han(c)).count() == 2
            && !(heading && text::chars_at_most(s, 23))
    })
}

/// `s` ends inside a bracket: read back from its end, an opening bracket
/// ( or （ that no closing one after it matches comes before a full stop
/// outside brackets (…。(牵头单位:市农业农村局;, …（责任单位：各县（市、区）
/// 人民政府；). Read byte by byte: ( ) and the last bytes of （ ） 。 (EF BC
/// 88, EF BC 89, E3 80 82); back over `BRACKET_WINDOW` bytes at most, a
/// bracket's length many times over, so that a text growing line by line
/// with no stop (a run of lines of colons) is not read whole at each line.
pub(super) fn unclosed_bracket(s: &str) -> bool {
    const BRACKET_WINDOW: usize = 3000;
    let b = s.as_bytes();
    let lead = |i: usize, x: u8, y: u8| i >= 2 && b[i - 2] == x && b[i - 1] == y;
    // Brackets closed inside it are passed over (（责任单位：各县（市、区）
    // 人民政府；完成时限： is still open).
    let mut depth = 0usize;
    for i in (b.len().saturating_sub(BRACKET_WINDOW)..b.len()).rev() {
        let open = match b[i] {
            b'(' => true,
            b')' => false,
            0x88 if lead(i, 0xEF, 0xBC) => true,
            0x89 if lead(i, 0xEF, 0xBC) => false,
            0x82 if lead(i, 0xE3, 0x80) && depth == 0 => return false,
            _ => continue,
        };
        if !open {
            depth += 1;
        } else if depth == 0 {
            return true;
        } else {
            depth -= 1;
        }
    }
    false
}

/// The numeral a line ends with before a 、, after text that is not one:
/// …按照一、 → 1, …第3、 → 3; a marker alone (一、) or no 、 → none.
pub(super) fn dangling_count(s: &str) -> Option<u32> {
    let head = s.strip_suffix('、')?;
    let digits = head.trim_end_matches(|c: char| {
        crate::normalize::numeral::is_cn_numeral_char(c) || text::is_digit(c)
    });
    let numeral = &head[digits.len()..];
    if digits.is_empty() || numeral.is_empty() {
        return None;
    }
    crate::normalize::numeral::any_number(numeral)
}

/// The first item of a list of units, before any separator or stop.
fn first_item(s: &str) -> &str {
    text::trim(
        s.split(['、', '，', ',', '；', ';', '。'])
            .next()
            .unwrap_or(""),
    )
}

/// `s` holds a 。, or is as long as a printed line: 60 characters, or one
/// short of the wrap width. At least the smaller of the two, which a long
/// line shows by its byte length alone.
fn full_or_stopped(s: &str, wrap: Option<usize>) -> bool {
    let at_least = wrap.map_or(60, |w| w.saturating_sub(1).min(60));
    at_least == 0 || !text::chars_at_most(s, at_least - 1) || text::has_char(s, '。')
}

/// The document sets its paragraphs apart by blank lines, unindented or
/// not: every line that closes a sentence (three or more) has a blank line
/// under it, so a line right above another is a wrap however short it is.
pub(super) fn blank_paragraphs<'l, 't: 'l>(lines: impl Iterator<Item = &'l Line<'t>>) -> bool {
    let mut apart = 0usize;
    let mut prev: Option<&Line> = None;
    for l in lines {
        if let Some(p) = prev.filter(|p| p.line() < l.line() && is_closed_line(p.text())) {
            // (Most documents show a closed line right above another early.)
            if p.line() + 1 == l.line() {
                return false;
            }
            apart += 1;
        }
        prev = Some(l);
    }
    apart >= 3
}

/// The width at which a document's lines were cut, when they were: the
/// most common length of its longer lines, if it is common enough.
#[cfg(test)]
pub(super) fn wrap_width(lines: &[Line]) -> Option<usize> {
    widths(lines, lines.len()).0
}

/// The width at which a document's lines were cut ([`wrap_width`]; for a
/// short one, from its body's lines, `body` on: [`short_wrap`]), and the
/// length of its longer lines (the ninth tenth, [`Hanging`]), from one
/// count of each line's characters.
pub(super) fn widths(lines: &[Line], body: usize) -> (Option<usize>, usize) {
    // Each line's length counted once.
    let mut lens: Vec<usize> = lines.iter().map(|l| l.chars()).collect();
    let wrap = cut_width(lines, &lens).or_else(|| {
        let body = body.min(lines.len());
        short_wrap(&lines[body..], &lens[body..])
    });
    let at = lens.len() * 9 / 10;
    let long = if at < lens.len() {
        *lens.select_nth_unstable(at).1
    } else {
        0
    };
    (wrap, long)
}

/// The width at which a short document's body was cut, too few lines for
/// [`widths`] to see it: its longest lines, two or more of one length
/// between 20 and 59 characters, none stopped at a sentence's end or a
/// colon, each going on on the next line (no blank line, no marker, no
/// date or signature under it), and nearly all of them holding a comma
/// inside a sentence or ending inside a bracket. (A paragraph of one line
/// each, unwrapped, is longer or stopped; headings of one length, contact
/// lines or a 批复's items are lines of their own.)
fn short_wrap(body: &[Line], lens: &[usize]) -> Option<usize> {
    let width = lens.iter().copied().max()?;
    if !(20..60).contains(&width) {
        return None;
    }
    let (mut count, mut commas) = (0, 0);
    for (k, (l, &n)) in body.iter().zip(lens).enumerate() {
        if n != width {
            continue;
        }
        let stopped = l.ends_sentence() || l.text().ends_with(text::is_colon);
        let goes_on = body.get(k + 1).is_some_and(|n| {
            n.line() == l.line() + 1
                && n.marker(false).is_none()
                && !n.is_date()
                && !n.is_signature()
        });
        if stopped || !goes_on {
            return None;
        }
        count += 1;
        // (Inside the text: the 、 of a marker, 一、, is none.)
        let t = l.text();
        let inside = l.marker(false).map_or(t, |m| &t[m.body.min(t.len())..]);
        // (Or a line the wrap cut inside a bracket or a name: 根据《…的批复》
        // （浙政 / 函〔2021〕73号）….)
        commas += usize::from(
            inside.contains(['，', ',', '、']) || unclosed_bracket(inside) || unclosed_name(inside),
        );
    }
    // (All of two, or two thirds of three or more.)
    (count >= 2 && (commas == count || count >= 3 && commas * 3 >= count * 2)).then_some(width)
}

fn cut_width(lines: &[Line], lens: &[usize]) -> Option<usize> {
    // How many lines have each length: most are short, so a table for
    // those and a map for the rest.
    let mut short = [0usize; 256];
    let mut rest = std::collections::BTreeMap::new();
    let mut long = 0usize;
    for &n in lens {
        if n >= 15 {
            long += 1;
            match short.get_mut(n) {
                Some(k) => *k += 1,
                None => *rest.entry(n).or_insert(0usize) += 1,
            }
        }
    }
    let (width, count) = (short.iter().copied().enumerate())
        .chain(rest)
        .filter(|&(_, c)| c > 0)
        .max_by_key(|&(w, c)| (c, w))?;
    // Lines cut at a width stop mid-sentence: most of them run on into
    // the line under them (equal-length headings, addressees or sentences
    // do not).
    let cut = (0..lines.len())
        .filter(|&k| lens[k] == width && runs_on(lines, k))
        .count();
    (count >= 4 && count * 4 >= long && cut * 2 > count && width < 60).then_some(width)
}

/// Line `k`, of a length the document's lines may have been cut at, shows
/// the cut: no stop or colon closes it and it runs on into the line right
/// under it, which opens no clause. Addressees (各区县人民政府，市直有关单位：),
/// a signature, and a heading over its paragraph are whole lines, whatever
/// their length: a marker's line with no stop over a whole sentence longer
/// than it (一、提高思想认识，压实防火责任 / 各区县人民政府要…山头地块。), which no
/// wrap at that line's length could have left.
fn runs_on(lines: &[Line], k: usize) -> bool {
    let l = &lines[k];
    if l.ends_sentence()
        || l.text().ends_with(text::is_colon)
        || l.is_addressee()
        || l.is_signature()
    {
        return false;
    }
    let Some(n) = lines.get(k + 1).filter(|n| n.line() == l.line() + 1) else {
        return false;
    };
    let paragraph_below = || n.text().ends_with('。') && n.chars() > l.chars();
    n.marker(false).is_none() && !(l.marker(false).is_some() && paragraph_below())
}

impl<'a, 't> Builder<'a, 't> {
    fn add_fields(&mut self, pairs: Vec<(String, String)>) {
        let h = self.holder();
        match h.tree.top_fields() {
            Some(f) => f.extend(pairs),
            None => h.fields.extend(pairs),
        }
    }

    /// A label a wrap cut in two, its head ending the clause's text or the
    /// last field's value above (…全程网办。责任单 / 位：市政务服务局、…;
    /// 牵头单位：市市场监管局；配合单 / 位：市公安局): the line's fields go to
    /// the open clause under the whole label, and the head is taken off what
    /// it ended. False, and nothing done, for any other line.
    pub(super) fn label_cut_by_wrap(&mut self, l: &Line<'t>) -> bool {
        let t = l.text();
        // The label's tail: up to three ideographs before a colon opening
        // the line (most lines hold no colon so early).
        let Some((at, _)) = text::first_colon(crate::lines::title::first_chars(t, 4)) else {
            return false;
        };
        // (Or no tail: the wrap cut the label from its colon, …。完成时限 /
        // ：2019年11月底前. Or a tail that is a label of its own, after a head
        // that makes a longer one with it: …靖远县政府 完成 / 时限：….)
        let tail = &t[..at];
        if !tail.chars().all(text::is_han) {
            return false;
        }
        let reach = if tail.is_empty() { 6 } else { 4 };
        let lex = self.lex;
        let from_field = matches!(self.prev, Prev::Field { .. });
        // Where the head starts in `s`: its last one to four characters, after
        // a stop, a separator, a line break or nothing; in a field's value,
        // also right after a unit's name, two labels on a line with nothing
        // between (牵头单位：市行政审批局完成时 / 限：2020年12月底前).
        let head_at = |s: &str| {
            s.char_indices()
                .rev()
                .take(reach)
                .map(|(i, _)| i)
                .find(|&i| {
                    lex.is_label(&[&s[i..], tail].concat())
                        && (s[..i].chars().next_back().is_none_or(|c| {
                            matches!(c, '。' | '；' | ';' | '，' | ',' | '\n' | '）' | ')')
                                || text::is_space(c)
                        }) || from_field
                            && !tail.is_empty()
                            && lex.attribution.ends_like_unit(&s[..i]))
                })
        };
        let head = if from_field {
            let Some((_, value)) = self.last_field() else {
                return false;
            };
            let Some(i) = head_at(value) else {
                return false;
            };
            let head = value[i..].to_owned();
            value.truncate(i);
            let n = value
                .trim_end_matches(|c: char| {
                    matches!(c, '；' | ';' | '，' | ',') || text::is_space(c)
                })
                .len();
            value.truncate(n);
            head
        } else {
            let tree = &mut self.holder().tree;
            // (Inside a bracket left open, the bracket's own reading joins
            // its lines: …；完成时 / 限：2015年9月底前）.)
            let Some(text) = tree.top_text().filter(|t| !unclosed_bracket(t)) else {
                return false;
            };
            let Some(i) = head_at(text) else {
                return false;
            };
            let head = text[i..].to_owned();
            let keep = text[..i]
                .trim_end_matches(|c: char| c == '\n' || text::is_space(c))
                .len();
            tree.cut_top_text(keep);
            head
        };
        let pairs = fields::split_labels(&[head.as_str(), t].concat(), lex);
        let open = is_open_line(t, self.wrap);
        self.add_fields(pairs);
        self.own(l, Part::Field);
        self.prev = Prev::Field {
            open,
            filled: false,
        };
        true
    }

    /// A labelled line: its fields go to the open clause.
    pub(super) fn label(&mut self, l: Line<'t>) {
        // A clause's marker run on after the labels' stop (…完成时限：2020年12月
        // 底前。2.推行…): the line is cut there, and its labels read again.
        // (Most label lines hold no stop before their end: asked first.) The
        // label before the marker names a role or a deadline: a field's value
        // may list its own items (建设内容：…10条。1.改造道路20条；2.新建…).
        let t = l.text();
        let inner_stop = text::find_char(t, '。').is_some_and(|p| p + '。'.len_utf8() < t.len());
        let roled = |at: usize| {
            fields::split_labels(&t[..at], self.lex)
                .last()
                .is_some_and(|(label, _)| self.lex.role_of(label) != Role::Field)
        };
        if let Some(at) = inner_stop
            .then(|| self.run_on_after_stop(t, 0, None))
            .flatten()
            .filter(|&at| roled(at))
        {
            if let Some(a) = self.cut_at(l, at) {
                self.push_front(a);
            }
            return;
        }
        let pairs = fields::split_labels(l.text(), self.lex);
        // (Whatever the label: each reading of a value that goes on asks
        // what its own role's value may be.)
        let open = is_open_line(l.text(), self.wrap) || self.value_cut_at_stop(&l.unit());
        let filled = !open && self.fills_indented(&l.unit());
        self.add_fields(pairs);
        self.own(&l, Part::Field);
        self.prev = Prev::Field { open, filled };
    }

    /// An indented line that fills the document's width with its
    /// indentation counted, stopped with no closing mark (　　配合单位：市农业
    /// 农村局、水务局、住房城乡 / 建设局): the wrap may have cut it, whatever
    /// its last word reads as.
    pub(super) fn fills_indented(&self, u: &Unit) -> bool {
        self.wrap.is_some_and(|w| {
            let before = line_before(self.src, u.start());
            !before.is_empty()
                && before.chars().all(text::is_space)
                && ends_line(self.src, u.end())
                && !is_closed_line(u.text())
                && text::char_len(before) + u.chars() >= w
        })
    }

    /// A value's line that reaches the width a hard-wrapped document was
    /// cut at, its indentation counted, and that a stop closes (　　完成时限：
    /// 2020年12月31日前完成退捕； / 长期坚持执法监管): the wrap may have cut it
    /// right after the stop, and the value goes on over the line right under
    /// it at the margin when that line is no label, marker, title, signature,
    /// date or line of the 版记. (A line short of the width closed by its
    /// stop ends the value.)
    fn value_cut_at_stop(&self, u: &Unit) -> bool {
        let Some(w) = self.wrap else {
            return false;
        };
        let before = line_before(self.src, u.start());
        let reaches = before.chars().all(text::is_space)
            && ends_line(self.src, u.end())
            && text::char_len(before) + u.chars() >= w
            && u.text().ends_with(text::is_sentence_end);
        reaches
            && self.lines.front().is_some_and(|n| {
                n.line() == u.line() + 1
                    && at_margin(self.src, n.start())
                    && n.marker(self.decimal_mode).is_none()
                    && !n.has_label()
                    && !n.is_title_end()
                    && !n.is_signature()
                    && !n.is_date()
                    && !n.is_colophon()
            })
    }

    /// A line indented by three or more ASCII spaces, as a PDF's text is
    /// laid out in columns, that fills the document's width with them
    /// counted, stopped with no closing mark (    （一）部分项目前期手续办理滞后，影响开
    /// / 工进度。): the wrap cut it. (Not a line indented by full-width
    /// spaces, whose short documents' widths are read from such lines.)
    fn fills_spaced(&self, u: &Unit) -> bool {
        let before = line_before(self.src, u.start());
        before.len() >= 3 && before.bytes().all(|b| b == b' ') && self.fills_indented(u)
    }

    /// An indented line that fills the document's width with its
    /// indentation counted, whatever spaces indent it (ideographic, tabs,
    /// no-break), stopped with no closing mark, and the line right under it
    /// at the margin with no marker (　　　　1.创建省级现代农业产业园2个，培育 /
    /// 枇杷、龙眼…特色产业集群。): the wrap cut it, however deep its indent.
    /// Its sentence holds a comma, or the line under it closes the sentence
    /// (　　　　（1）以注册资本、资产总额等规模条件 / 作为资格要求；): a heading
    /// holds no comma, and a running head under it, 二、切实加强…管控 / 文件选辑,
    /// closes nothing.
    fn fills_over_margin(&self, u: &Unit) -> bool {
        // (The line under it and the width first: most lines are answered
        // before their text is searched.)
        let Some(n) = self.lines.front().filter(|n| {
            n.line() == u.line() + 1
                && at_margin(self.src, n.start())
                && n.marker(self.decimal_mode).is_none()
        }) else {
            return false;
        };
        self.fills_indented(u) && (u.text().contains(['，', ',']) || closes_sentence(n))
    }

    /// The last field's line filled the width ([`Prev::Field`] `filled`)
    /// and `t` opens with the rest of its last unit: a few characters that
    /// make one name with it (住房城乡 / 建设局, 市市场 / 监管局), not a
    /// list, a sentence, a bullet or a note of their own.
    fn completes_filled_unit(&mut self, t: &str) -> bool {
        if !matches!(self.prev, Prev::Field { filled: true, .. }) {
            return false;
        }
        let lex = self.lex;
        let t = text::trim(t);
        let first = first_item(t);
        !first.is_empty()
            && self
                .last_field()
                .is_some_and(|(label, _)| lex.role_of(label).names_units())
            && text::chars_at_most(first, 6)
            && first.chars().all(text::is_han)
            && !first.starts_with('各')
            && lex.label_at(t).is_none()
            && self.last_field().is_some_and(|(_, value)| {
                lex.attribution.is_unit(&[last_item(value), first].concat())
            })
    }

    /// The last field's line filled the width ([`Prev::Field`] `filled`)
    /// and its value, a deadline or leaders' names, reads whole with `t`
    /// after it (完成时间：2022年春季完成植树，秋 / 季补植): a short phrase
    /// naming when, or short names. The wrap cut the value as it cuts a
    /// unit's name ([`Builder::completes_filled_unit`]), even where its head
    /// alone reads as a date. (A free phrase, 建设内容：…, tells nothing of
    /// where it ends: the text under it may be the clause's own.)
    fn completes_filled_value(&mut self, t: &str) -> bool {
        if !matches!(self.prev, Prev::Field { filled: true, .. }) {
            return false;
        }
        let lex = self.lex;
        let t = text::trim(t);
        if t.is_empty() || lex.label_at(t).is_some() {
            return false;
        }
        let Some((label, value)) = self.last_field() else {
            return false;
        };
        let role = lex.role_of(label);
        if !matches!(role, Role::Deadline | Role::Leaders) {
            return false;
        }
        let value = [text::trim(value), t].concat();
        self.value_fits(role, &value)
    }

    /// The last field, of the clause being built or else of the holder.
    pub(super) fn last_field(&mut self) -> Option<&mut (String, String)> {
        let h = self.holder();
        match h.tree.top_fields() {
            Some(f) => f.last_mut(),
            None => h.fields.last_mut(),
        }
    }

    /// The last field awaits the rest of its value: it has none yet
    /// (牵头单位：), or it lists units and its last is cut inside its name:
    /// it ends like no unit (…、市生态环境).
    fn last_unit_cut(&mut self) -> bool {
        let lex = self.lex;
        let Some((label, value)) = self.last_field() else {
            return false;
        };
        if text::trim(value).is_empty() {
            return true;
        }
        // (配合单位：无, 配合单位：／: nothing to go on.)
        if fields::is_placeholder(value) {
            return false;
        }
        let last = last_item(value);
        // (A level's or a place's character alone, …、市 / 场监管局, is cut:
        // no unit is one character long.)
        let one = text::chars_at_most(last, 1);
        // Most values end with a unit's word: answered before the label's
        // role is looked up or the whole item read.
        if !one && lex.attribution.ends_like_unit(last) {
            return false;
        }
        let units = lex.role_of(label).names_units();
        // A list closed by a remark (…、金融办等, …等有关部门) is whole.
        units
            && !last.is_empty()
            && !last.contains(['。', '；', ';'])
            && (one
                || !lex.attribution.is_unit(last)
                    && !crate::normalize::remark::strip(last)
                        .is_some_and(|h| lex.attribution.is_unit(h)))
    }

    /// `value` is a whole value of a label of `role`, not a sentence: units
    /// for a role (each item a unit's name), a short phrase naming when for
    /// a deadline, short names for leaders.
    fn value_fits(&self, role: Role, value: &str) -> bool {
        let value = text::trim(value).trim_end_matches(['。', '；', ';']);
        let items = || {
            value
                .split(['、', '，', ',', '；', ';'])
                .map(text::trim)
                .filter(|i| !i.is_empty())
        };
        !value.is_empty()
            && match role {
                Role::Lead | Role::Responsible | Role::Participating | Role::Implementing => {
                    items().all(|i| self.lex.attribution.is_unit(i))
                }
                Role::Deadline => {
                    self.lex.attribution.is_deadline_phrase(value)
                        && crate::normalize::deadline::parse_deadline(
                            value,
                            Some(2000),
                            &self.lex.deadline,
                        )
                        .0
                        .kind
                            != crate::normalize::deadline::DeadlineKind::Unparsed
                }
                Role::Leaders => items().all(|i| text::chars_at_most(i, 4)),
                Role::Division | Role::Field => !text::has_char(value, '。'),
            }
    }

    /// `t` goes on the last field's value, which awaits it (empty, or its
    /// last unit cut) and which it completes. Asked only of a line that
    /// follows a label and is no label or marker itself.
    pub(super) fn field_goes_on(&mut self, t: &str) -> bool {
        self.last_unit_cut() && self.completes_cut_unit(t)
            || self.ends_last_unit(t)
            || self.closes_value_bracket(t)
            || self.completes_deadline(t)
            || self.levels_cut(t)
            || self.completes_division(t)
            || self.completes_filled_unit(t)
            || self.completes_filled_value(t)
            || self.completes_unit_word(t)
            || self.closes_value(t)
    }

    /// `t` is a stop alone (。 or ；) a wrap cut from the last field's value
    /// (…。责任单位：市住房城乡建设局 / 。): it closes that value, not a
    /// paragraph of the text.
    fn closes_value(&mut self, t: &str) -> bool {
        let t = text::trim(t);
        !t.is_empty()
            && t.chars().all(|c| matches!(c, '。' | '；' | ';'))
            && self
                .last_field()
                .is_some_and(|(_, v)| !text::trim(v).ends_with(text::is_sentence_end))
    }

    /// The wrap cut the unit word of the last field's last unit (…，各县
    /// （市）人 / 民政府): that unit ends like none, and `t` opens with the
    /// rest of a unit word begun at its end.
    fn completes_unit_word(&mut self, t: &str) -> bool {
        let lex = self.lex;
        let Some((label, value)) = self.last_field() else {
            return false;
        };
        let last = last_item(value);
        // (A line that closes a sentence goes on with no list: …、各乡镇人 /
        // 民政府要加强指导，确保改厕质量。)
        !last.is_empty()
            && !t.contains(['。', '；', ';'])
            && !lex.attribution.ends_like_unit(last)
            && lex.role_of(label).names_units()
            && lex.attribution.unit_word_across(last, text::trim(t))
    }

    /// The last field is a deadline with no value yet, its label closing
    /// the line above (…，完成时限： / 2021年6月30日), and `l`, a date alone,
    /// is its value, not the document's date: the text goes on under it (a
    /// clause, a label), or another date follows, alone or under a
    /// signature. (A date the document ends with, over its signature, 附件,
    /// 版记 or a note in brackets, or the last line, is the document's.)
    pub(super) fn deadline_awaits_value(&mut self, l: &Line) -> bool {
        let lex = self.lex;
        let awaits = matches!(self.prev, Prev::Field { .. })
            && self.last_field().is_some_and(|(label, value)| {
                lex.role_of(label) == Role::Deadline && text::trim(value).is_empty()
            });
        let dated_below = |k: usize| self.lines.get(k).is_some_and(Line::is_date);
        awaits
            && self.lines.front().is_some_and(|n| {
                n.line() > l.line()
                    && (n.marker(false).is_some()
                        || n.has_label()
                        || n.is_date()
                        || n.is_signature() && (dated_below(1) || dated_below(2)))
            })
    }

    /// The last field is a 部门分工 sentence a wrap cut (责任分工：市工信局牵头，
    /// 市农业农村局、市商 / 务局配合。), its line filling the width: alone it
    /// reads as no attribution, and with `t` after it as one.
    fn completes_division(&mut self, t: &str) -> bool {
        let lex = self.lex;
        let t = text::trim(t);
        // (Its line filled the width: a short one, 部门分工：市发展改革委、市市场
        // 监管局 / 市直有关部门配合。, stopped of itself.)
        matches!(self.prev, Prev::Field { filled: true, .. })
            && !t.is_empty()
            && self.last_field().is_some_and(|(label, value)| {
                lex.role_of(label) == Role::Division
                    && !text::trim(value).is_empty()
                    && !text::trim(value).ends_with(['。', '；', ';'])
                    && lex.attribution.whole(value).is_none()
                    && lex
                        .attribution
                        .whole(&[value.as_str(), t].concat())
                        .is_some()
            })
    }

    /// The last unit names levels of government a wrap cut between them
    /// (…，各县 / 区政府, 各县（市） / 区人民政府, 各县 / （市、区）政府): `t`
    /// opens with the next level, in brackets or not, and the two read as one
    /// unit.
    fn levels_cut(&mut self, t: &str) -> bool {
        let lex = self.lex;
        let Some((label, value)) = self.last_field() else {
            return false;
        };
        let last = last_item(value);
        let first = first_item(t);
        // (The line that level's government alone, 区政府, 区人民政府: not
        // a sentence or a signature opening with a level.)
        let t = text::trim(t);
        lex.role_of(label).names_units()
            && last.starts_with('各')
            && last
                .trim_end_matches(['）', ')'])
                .ends_with(crate::place::is_any_level)
            && (first == t || crate::normalize::units::split_list(t).len() == 1)
            && t.trim_start_matches(text::is_open_paren)
                .starts_with(crate::place::is_any_level)
            && t.ends_with("政府")
            && text::chars_at_most(t, 8)
            && lex.attribution.is_unit(&[last, first].concat())
    }

    /// The last field is a deadline a wrap cut and `t` its rest (完成时限：
    /// 2019年11 / 月底前, 2021年6月底 / 前, 2021年 / 6月底前, 长期 / 坚持):
    /// cut inside a number, `t` no deadline alone, a year's months or
    /// quarters after it, a range's end (2020年3月 / 至12月), or no period
    /// after an open-ended value. (A deadline of its own after a month,
    /// 2020年6月 / 每月, 2022年, 第二季度, is none.)
    fn completes_deadline(&mut self, t: &str) -> bool {
        let lex = self.lex;
        let words = &lex.deadline;
        // (The stop closing the clause goes with it: 2021年6月底 / 前。.)
        let t = text::trim(t).trim_end_matches(['。', '；', ';']);
        let kind = |s: &str| crate::normalize::parse_deadline(s, None, words).0.kind;
        let in_year = |s: &str| {
            let n = s.trim_start_matches(|c: char| {
                text::is_digit(c) || crate::normalize::numeral::is_cn_numeral_char(c)
            });
            n.len() < s.len() && n.starts_with('月')
                || s.starts_with('第')
                || s.starts_with(['上', '下'])
        };
        // (A month's day: 2022年11月 / 15日前.)
        let in_month = |s: &str| {
            let n = s.trim_start_matches(|c: char| {
                text::is_digit(c) || crate::normalize::numeral::is_cn_numeral_char(c)
            });
            n.len() < s.len() && n.starts_with(['日', '号'])
        };
        !t.is_empty()
            && text::chars_at_most(t, 16)
            && self.last_field().is_some_and(|(label, value)| {
                let value = text::trim(value);
                lex.role_of(label) == Role::Deadline
                    && !value.is_empty()
                    && (value.ends_with(text::is_digit)
                        || kind(t) == DeadlineKind::Unparsed
                        || value.ends_with('年') && in_year(t)
                        || value.ends_with('月') && in_month(t)
                        || t.starts_with(['至', '到', '—', '－', '-', '~', '～'])
                        || value.ends_with(['至', '到', '—', '－', '-', '~', '～'])
                        || !t.contains(text::is_digit) && kind(value) == DeadlineKind::Ongoing)
                    && crate::normalize::deadline::goes_on(value, t, words)
            })
    }

    /// The last field's value leaves a bracket open that `t` closes (…，各县
    /// （区 / ）人民政府).
    fn closes_value_bracket(&mut self, t: &str) -> bool {
        t.starts_with([')', '）'])
            && self
                .last_field()
                .is_some_and(|(_, value)| unclosed_bracket(value))
    }

    /// `t` opens with the rest of the last unit of a list of units, whole
    /// as it stands (…、各苏木镇 / 人民政府, …林业局 / 、水务局): a separator,
    /// or a unit's ending that names no unit alone.
    fn ends_last_unit(&mut self, t: &str) -> bool {
        let lex = self.lex;
        let Some((label, value)) = self.last_field() else {
            return false;
        };
        let units = lex.role_of(label).names_units();
        if !units || text::trim(value).is_empty() || fields::is_placeholder(value) {
            return false;
        }
        let t = text::trim(t);
        if let Some(rest) = t.strip_prefix(['、', '，', ',']) {
            // The list goes on with a unit, not a label (，配合单位：…) or a
            // sentence (，各镇人民政府负责做好宣传).
            let rest = text::trim(rest);
            return lex.label_at(rest).is_none() && lex.attribution.is_unit(first_item(rest));
        }
        lex.attribution.is_bare_ending(first_item(t))
    }

    /// `t` is the rest of the last field's value: opens with the rest of
    /// its cut unit, the two making a unit's name (市生态环境 + 局), or,
    /// the field empty, is a value of its kind (units for a role, a short
    /// phrase for a deadline or leaders), not a sentence of the text.
    fn completes_cut_unit(&mut self, t: &str) -> bool {
        let lex = self.lex;
        let Some((label, value)) = self.last_field() else {
            return false;
        };
        if text::trim(value).is_empty() {
            let role = lex.role_of(label);
            let head = value_head(t, lex);
            return self.value_fits(role, head)
                || role.names_units()
                    && head == text::trim(t)
                    && (self.units_cut_at_end(head) || self.units_wrapped_below(role, head));
        }
        let last = last_item(value);
        // (Up to a space a label follows, …执 / 法局　完成时间：….)
        let first = before_spaced_label(first_item(t), lex);
        !first.is_empty() && lex.attribution.is_unit(&[last, first].concat())
    }

    /// `t` is a list of units the wrap cut inside its last (牵头单位：…　责任
    /// 单位： / 州生态环境局、林业局，雷山县、黎平县、镇 / 远县人民政府): every
    /// item before the last a unit, and the last, no unit alone, makes one
    /// with the first item of the next line.
    fn units_cut_at_end(&self, t: &str) -> bool {
        let is_unit = |s: &str| self.lex.attribution.is_unit(s);
        let last = last_item(t);
        let Some(before) = t[..t.len() - last.len()].strip_suffix(['、', '，', ',']) else {
            return false;
        };
        !last.is_empty()
            && text::chars_at_most(last, 8)
            && !is_unit(last)
            && before
                .split(['、', '，', ','])
                .all(|i| is_unit(text::trim(i)))
            && self.lines.front().is_some_and(|n| {
                let first = first_item(n.text());
                !first.is_empty() && !n.has_label() && is_unit(&[last, first].concat())
            })
    }

    /// `t`, under a label with no value, is a list of units of `role` a
    /// wrap cut, whatever the line or name it cut (…　责任单位： / 各城区人民政府，
    /// 南宁建宁水务投资集团有限责任 / 公司): joined without their breaks to the
    /// lines right under it, up to the next label, marker, date, signature
    /// or title, or a line that stops, a list of units once it is whole.
    /// (A sentence under an empty label holds words that name no unit.)
    fn units_wrapped_below(&self, role: Role, t: &str) -> bool {
        let is_unit = |s: &str| self.lex.attribution.is_unit(s);
        let mut value = t.to_owned();
        let mut above: Option<usize> = None;
        // (A list of units wraps over a few lines: the search stops there.)
        for n in self.lines.iter().take(WRAPPED_VALUE_LINES) {
            // (Each line right under the one before: a blank line parts.)
            if above.is_some_and(|a| n.line() > a + 1) {
                break;
            }
            // (A name's ending alone, 公司, reads as an organ signing: it is
            // the rest of a name cut above, which it makes a unit with.)
            let completes = || {
                let last = last_item(&value);
                !is_unit(last) && is_unit(&[last, first_item(n.text())].concat())
            };
            if n.marker(false).is_some()
                || n.has_label()
                || n.is_date()
                || n.is_signature() && !completes()
                || n.is_title_end()
            {
                break;
            }
            value.push_str(text::trim(n.text()));
            above = Some(n.line());
            if self.value_fits(role, &value) {
                return true;
            }
            if is_closed_line(n.text()) {
                break;
            }
        }
        false
    }

    /// The next marker run into `t` after a full stop, when it is the
    /// number the numbering expects (`pending`: the clause being opened,
    /// which counts as seen).
    fn run_on_after_stop(
        &mut self,
        t: &str,
        from: usize,
        pending: Option<&Marker>,
    ) -> Option<usize> {
        let lex = self.lex;
        let tree = &self.holder().tree;
        let strict = |m: &Marker| {
            let (want, seen) = match pending {
                Some(p) if p.kind == m.kind => (p.number + 1, true),
                _ => (tree.expected(m.kind), tree.seen(m.kind)),
            };
            m.number == want && (m.number > 1 || !seen)
        };
        // Or the first of a new list under the clause this line opens, its
        // kind seen under an earlier one (1.改造设施 / (1)… / 2.完善服务设施。统筹
        // 建设。(1)养老设施。): a heading, no comma before its stop, citing no
        // item or document ((1)项所列…, (1)号文件…, 1.养老设施，2.…). (One
        // search for both: most lines hold no marker after a stop.)
        let new_list = |m: &Marker| {
            pending.is_some_and(|p| {
                m.number == 1 && m.kind != p.kind && tree.nests_under(p.kind, m.kind)
            })
        };
        let found = body::marker_after_stop(t, from, |m| strict(m) || new_list(m))?;
        // (A note's label before its colon, 注：①…, 说明：1.…: the marks
        // number the note's items, never a clause.)
        if lex.after_note_label(&t[..found]) {
            return None;
        }
        let m = crate::marker::marker(&t[found..], false)?;
        if strict(&m) {
            return Some(found);
        }
        let heading = &t[found + m.body..];
        let heading = &heading[..text::find_char(heading, '。').unwrap_or(heading.len())];
        if !heading.starts_with(['项', '号', '款', '条', '目'])
            && !heading.contains(['，', ',', '；', ';'])
        {
            return Some(found);
        }
        body::marker_after_stop(t, from, strict)
    }

    /// A label run into the clause's line after a full stop, outside
    /// brackets (（八）做好水利工作。牵头单位：市水利局；完成时限：2022年底前): where
    /// it starts, past `from`. The labels are the clause's fields, as on a
    /// line of their own.
    fn label_after_stop(&self, t: &str, from: usize) -> Option<usize> {
        let rest = t.get(from..)?;
        // Outside brackets: （牵头单位：…。配合单位：…） is a bracket of labels.
        let outside = |at: usize| {
            let before = &rest[..at];
            before.matches(text::is_open_bracket).count()
                == before.matches(text::is_close_bracket).count()
        };
        // Every piece after the stop is labels whose values fit them (two
        // may share a piece: 牵头单位：市旅游局　责任单位：各县区政府): a
        // sentence that names a label in passing (主办单位：…；承办单位：…,
        // 实施单位：各乡镇要组织…) is text.
        // (The last piece may be a label's head a wrap cut off, its tail
        // opening the next line: …；配合单 / 位：市公安局.)
        // A last label a wrap cut after its colon takes the next line's head
        // as its value when the head fits, or none when nothing goes on (the
        // next line opens a clause or a label, or signs). Asked only of a
        // label left empty at the line's end.
        let next_fits = |role: Role| {
            self.lines.get(0).is_none_or(|n| {
                n.marker(false).is_some()
                    || n.has_label()
                    || n.is_signature()
                    || n.is_date()
                    || self.value_fits(role, value_head(n.text(), self.lex))
            })
        };
        let labels_only = |after: &str| {
            let last = after
                .split(['；', ';', '。'])
                .map(text::trim)
                .rfind(|p| !p.is_empty());
            after
                .split(['；', ';', '。'])
                .map(text::trim)
                .filter(|p| !p.is_empty())
                .all(|p| {
                    // (Or the last label's value on the next line, the wrap
                    // after its colon: …；完成时限： / 2019年12月.)
                    let cut = Some(p) == last && after.ends_with(p) && p.ends_with(text::is_colon);
                    Some(p) == last && after.ends_with(p) && self.lex.is_label_head(p)
                        || self.lex.label_at(p).is_some()
                            && crate::fields::split_labels(p, self.lex).iter().all(
                                |(label, value)| {
                                    let role = self.lex.role_of(label);
                                    role != Role::Field
                                        && (self.value_fits(role, value)
                                            || cut
                                                && text::trim(value).is_empty()
                                                && next_fits(role))
                                },
                            )
                })
        };
        // A stop followed by a label's first character (most are followed
        // by none) is read further: with the line alone, or joined to the
        // lines a wrap carried its labels onto (…。牵头单位：市文 / 旅广电局
        // 完成时限：2020年6月底前), where a label's value or the next label
        // reads whole only joined.
        text::offsets_of(rest, '。')
            .map(|p| p + '。'.len_utf8())
            .find(|&at| {
                let after = text::trim(&rest[at..]);
                self.lex.label_at(after).is_some()
                    && outside(at)
                    && (labels_only(after)
                        || self.wrapped_labels(after).is_some_and(|j| labels_only(&j)))
            })
            .map(|at| from + at)
    }

    /// `after`, the labels a clause's line ends with, joined to the lines
    /// below that a wrap carried them onto: up to two lines, none opening
    /// a clause, signing or dated, nor starting a paragraph of their own
    /// (indented, under an indented line).
    /// None when no line goes on with it.
    fn wrapped_labels(&self, after: &str) -> Option<String> {
        let mut joined: Option<String> = None;
        for n in self.lines.iter().take(2) {
            if n.marker(false).is_some()
                || n.is_signature()
                || n.is_date()
                || is_indented(self.src, n.start())
            {
                break;
            }
            joined
                .get_or_insert_with(|| after.to_owned())
                .push_str(n.text());
        }
        joined
    }

    pub(super) fn clause(&mut self, l: Line<'t>, m: Marker) {
        let t = l.text();
        // Split off a marker run into the heading, or after a full stop.
        let tree = &self.holder().tree;
        let continues =
            |n: &Marker| n.number == tree.expected(n.kind) && tree.nests_under(m.kind, n.kind);
        // (Labels run on before that marker are cut off first: …完成时限：2020
        // 年12月底前。2.推行…; the labels' line is then cut at the marker.)
        let at = match body::marker_in_heading(t, &m, continues)
            .or_else(|| self.run_on_after_stop(t, m.body, Some(&m)))
        {
            Some(k) => text::first_colon(&t[..k])
                .and_then(|_| self.label_after_stop(&t[..k], m.body))
                .or(Some(k)),
            None => self.label_after_stop(t, m.body),
        };
        if let Some(at) = at {
            if let Some(a) = self.cut_at(l, at) {
                self.open_clause(a, m);
            }
            return;
        }
        self.open_clause(l.unit(), m);
    }

    fn open_clause(&mut self, u: Unit<'t>, m: Marker) {
        // Markdown bold around a whole heading (**一、总体要求**).
        let mut body = u.text()[m.body..].trim_end_matches('*');
        let mut bracket = None;
        if let Some((at, pairs)) = fields::closing_bracket(body, self.lex) {
            bracket = Some(pairs);
            body = &body[..at];
        }
        let label = text::trim(&u.text()[..m.len])
            .trim_start_matches('*')
            .to_owned();
        let depth = m.parts.len().max(1);
        // (An article's items are sentences too, not headings: 第八条…义务： /
        // 2.对…的行为，及时采取合理措施 / 制止，并向…报告；.)
        let in_article =
            m.kind == ClauseKind::Article || self.holder().tree.is_open(ClauseKind::Article);
        let open = (is_open_line(u.text(), self.wrap)
            || self.fills_spaced(&u)
            || self.fills_over_margin(&u)
            || self.run_on_fills(&u, m.kind == ClauseKind::Article)
            || self.cites_below(&u, u.text())
            || self.number_below(&u, u.text())
            || self.cut_at_semicolon(&u)
            || self.wraps_apart(&u, u.text())
            || self.cut_sentence(&u, &m, body)
            || self.rest_below(&u, || self.left_open(body, in_article), in_article)
            || self.amount_below(&u)
            || self.closed_below(&u, u.text(), || leaves_name_open(u.text()))
            || self.heading_cut(&u, &m, body)
            || self.cut_by_page(&u, body))
            && bracket.is_none()
            && !self.counted_whole(&u, body);
        // Only a line that may go on needs its indentation.
        let indented = !is_closed_line(u.text()) && is_indented(self.src, u.start());
        self.holder()
            .tree
            .open(m.kind, m.number, depth, label, u.line(), text::trim(body));
        self.own(&u, Part::Clause);
        if let Some(p) = bracket {
            self.add_fields(p);
        }
        self.prev = Prev::Text {
            open,
            count: dangling_count(u.text()).filter(|_| open),
            hang: self.hangs(&u, open, indented),
            indented,
        };
    }

    /// The clause's heading closes with the count of its list in brackets
    /// (一、招商引资工作先进单位（10个）, 二、…先进个人（30名）) on a line well short
    /// of the document's width ([`Hanging::fills`]: a file not cut at a
    /// width has long lines): it stopped of itself, and the list it counts
    /// stands under it, no wrap's rest (袁州区、樟树市、…).
    fn counted_whole(&self, u: &Unit, body: &str) -> bool {
        body::closes_with_count(body, self.lex)
            && !self
                .hanging
                .fills(text::char_len(line_before(self.src, u.start())), u.chars())
    }

    /// In a document that sets its paragraphs apart by blank lines, the
    /// unit stops inside a sentence (a comma in it, and a word no sentence
    /// ends with: 的, 和, 对 …, 至) and the next line stands right under it:
    /// a wrap, short of any width (…按照标准的 / 1．5倍计发；, …有效期至 /
    /// 二〇二五年…). A heading, a roster's or a form's line ends otherwise
    /// (一、坚持统筹兼顾，协调推进 over its paragraph).
    fn wraps_apart(&self, u: &Unit, t: &str) -> bool {
        self.blank_paragraphs
            && t.contains(['，', ','])
            && (t.ends_with('至') || self.lex.ends_open(t))
            && ends_line(self.src, u.start() + t.len())
            && self.lines.get(0).is_some_and(|n| n.line() == u.line() + 1)
    }

    /// The last line read was cut at the document's wrap width inside a
    /// phrase: its indentation and text fill the width and it ends with an
    /// ideograph, no stop (　　一、目标任务。2012年汛前完成22座小 / （2）型病险
    /// 水库…); with `code`, inside a code too, ending with a Latin letter or
    /// a figure (…日南高速及G / 106、G220沿线…).
    pub(super) fn last_line_cut(&self, code: bool) -> bool {
        let (Some(w), Some(o)) = (self.wrap, self.owners.last()) else {
            return false;
        };
        let t = self.src.get(o.start..o.end).unwrap_or("");
        t.chars()
            .last()
            .is_some_and(|c| text::is_han(c) || code && text::fold(c).is_ascii_alphanumeric())
            && ends_line(self.src, o.end)
            && text::char_len(line_before(self.src, o.start)) + text::char_len(t) >= w
    }

    /// The clause read last closes with a document's number in brackets
    /// (3.《某市公共租赁住房管理实施细则》（某府办〔2016〕31号）), on a line
    /// that had room left for `room` more characters at the document's width
    /// (60 when its lines were not cut at one): the line stopped there of
    /// itself, an item naming a document, and the line under it that opens
    /// with the `room` characters of an article it cites (第十八条第二款删去。)
    /// is a paragraph of its own, not the same sentence. The clause's text
    /// is the document's name and number alone, opening with its 《 (an
    /// item that does something to it, 严格执行《…》（…） / 第十二条规定的…,
    /// goes on).
    pub(super) fn closed_by_number(&mut self, room: usize) -> bool {
        let w = self.wrap.unwrap_or(60);
        let Some(o) = self.owners.last().copied() else {
            return false;
        };
        let line = text::char_len(line_before(self.src, o.start))
            + text::char_len(self.src.get(o.start..o.end).unwrap_or(""));
        line + room <= w
            && ends_line(self.src, o.end)
            && self.holder().tree.top_text().is_some_and(|t| {
                let t = text::trim(t);
                t.starts_with('《')
                    && t.ends_with(crate::docnum::is_number_close)
                    && text::closing_group(t)
                        .is_some_and(|at| crate::docnum::whole(&t[at..]).is_some())
            })
    }

    /// The unit's line stops inside a bracket it opened, and the line right
    /// under it, no marker or label opening it, closes that bracket before
    /// opening any (…《声环境质量标准》（GB30 / 96—2008），加强…): a wrap cut
    /// inside the bracket, at whatever width. (A bracket a typo left open,
    /// （一）推进老旧小区改造（2021年 over 责任单位：…, closes nowhere.)
    fn closed_below(&self, u: &Unit, t: &str, name_open: impl FnOnce() -> bool) -> bool {
        let Some(n) = self.lines.get(0) else {
            return false;
        };
        // (A SIMD search for an opening bracket on the line first: most
        // lines hold none.)
        let opens = || memchr::memchr(b'(', t.as_bytes()).is_some() || text::has_char(t, '（');
        let bracket = || {
            opens()
                && n.text()
                    .chars()
                    .find(|&c| matches!(c, '（' | '(' | '）' | ')'))
                    .is_some_and(|c| matches!(c, '）' | ')'))
                && unclosed_bracket(t)
        };
        // (Or a name opened in 《 and closed by the line under it before it
        // opens another: 一、原则同意《…产业园总体规划 / （2020—2030年）》（以下简称
        // 《规划》）。, the line left short where the year may not be cut; the
        // name opened on a line above, `name_open`, …根据《…固体废物污染 / 环境防治 /
        // 法》《…》….)
        let name = || {
            n.text()
                .chars()
                .find(|&c| matches!(c, '《' | '》'))
                .is_some_and(|c| c == '》')
                && name_open()
        };
        n.line() == u.line() + 1
            && !is_closed_line(t)
            && n.marker(false).is_none()
            && !n.has_label()
            && (bracket() || name())
            && ends_line(self.src, u.start() + u.text().len())
    }

    /// A heading, a phrase with no mark in it, cut where a printed line or
    /// page ended: the line under it is the phrase's last word alone (two
    /// characters, no place's name), over
    /// the heading's first child (（二）提升要素保障 / 水平 / 1.降低…), or, past a
    /// page's furniture, its last words closed by the stop that opens the
    /// paragraph ((二)沿线村庄 / 黄冈年鉴 / ·271· / 环境整治。开展…). A heading
    /// whole stands over its paragraph, whose first sentence runs past a
    /// comma or longer (（一）组织领导 / 成立工作专班，…。), or is one of its
    /// own ([`Self::own_sentence`]: 各地要高度重视。).
    fn heading_cut(&mut self, u: &Unit, m: &Marker, body: &str) -> bool {
        let Some(n) = self.lines.get(0) else {
            return false;
        };
        let phrase = |s: &str| !s.is_empty() && s.chars().all(text::is_han);
        if !phrase(body)
            || text::char_len(body) < 2
            || !text::chars_at_most(body, 16)
            || !ends_line(self.src, u.start() + u.text().len())
            || n.marker(false).is_some()
            || n.has_label()
            || n.is_date()
            || n.is_signature()
        {
            return false;
        }
        let t = n.text();
        if n.line() == u.line() + 1 {
            // The last word alone, then the heading's first child.
            let child = self
                .lines
                .get(1)
                .filter(|c| c.line() == n.line() + 1)
                .and_then(|c| c.marker(false))
                .filter(|c| c.kind != m.kind && c.number == 1)
                .map(|c| c.kind);
            // (A word of two characters at most, no place's or group's name:
            // 经十路, 历下区, 各区县 under a heading name what it covers.)
            return phrase(t)
                && text::chars_at_most(t, 2)
                && !t.starts_with('各')
                && !t.ends_with(['区', '县', '市', '镇', '乡', '村', '路', '街'])
                && child.is_some_and(|c| self.holder().tree.nests_under(m.kind, c));
        }
        let Some(k) = text::find_char(t, '。') else {
            return false;
        };
        let head = &t[..k];
        n.page_above()
            && n.line() <= u.line() + 8
            && phrase(head)
            && text::char_len(head) >= 2
            && text::chars_at_most(head, 8)
            && !self.own_sentence(head)
            && text::chars_at_most(body, 20 - text::char_len(head).min(20))
    }

    /// The clause's first paragraph so far (`first`: no stop in it, a
    /// printed line long at most, 28 characters as GB/T 9704 sets one, its
    /// last an ideograph) ends the unit's line, and the next line kept
    /// stands past a page's furniture only and opens with the heading's last
    /// words, a few ideographs closed by a stop (1.推动…中央商务区率先落 / ·320·
    /// / 某某年鉴2021 / 地见效。建立…): the page's end cut the heading, as it
    /// cuts any line, and the heading goes on past the furniture as the text
    /// does. The rest, up to 16 ideographs, opens no sentence of its own
    /// (一、开展全市燃气企业和餐饮 / ·298· / 某某年鉴2020 / 场所隐患排查整治行动。…;
    /// not 各地要高度重视。, 由市住建局负责。, 市住建局牵头。 under a whole heading).
    fn cut_by_page(&self, u: &Unit, first: &str) -> bool {
        let Some(n) = self.lines.get(0) else {
            return false;
        };
        // (The quick tests first: most lines kept stand under no page.)
        if !n.page_above() || n.line() > u.line() + 8 {
            return false;
        }
        let t = n.text();
        let head = text::find_char(t, '。').map(|k| &t[..k]);
        head.is_some_and(|h| {
            !h.is_empty()
                && text::chars_at_most(h, 16)
                && h.chars().all(text::is_han)
                && !self.own_sentence(h)
        }) && first.chars().last().is_some_and(text::is_han)
            && text::chars_at_most(first, 28)
            && !first.contains(['。', '；', ';', '：', ':', '！', '？', '\n'])
            && n.marker(false).is_none()
            && !n.has_label()
            && !n.is_date()
            && !n.is_signature()
            && ends_line(self.src, u.start() + u.text().len())
    }

    /// `h`, the words up to the stop on the line past a page's furniture,
    /// are a sentence of their own, no heading's rest: a subject or an agent
    /// opens them (各地要高度重视, 由市住建局负责, 请各单位…), a word that opens a
    /// sentence (根据…), or an attribution (市住建局牵头).
    fn own_sentence(&self, h: &str) -> bool {
        h.starts_with(['各', '由', '请', '要'])
            || self.lex.opens_sentence(h)
            || self.lex.attribution.find(h).is_some()
    }

    /// The unit, a wrapped line of the innermost clause's heading, is cut by
    /// a page's end as [`Self::cut_by_page`] reads it, the heading so far
    /// that clause's text.
    fn heading_cut_by_page(&mut self, u: &Unit) -> bool {
        // (Only a line over a page's furniture is read on.)
        if !self.lines.get(0).is_some_and(|n| n.page_above()) {
            return false;
        }
        let first = self.holder().tree.top_text().map(str::to_owned);
        first.is_some_and(|f| self.cut_by_page(u, &f))
    }

    /// The unit ends its line with a name closed in 》 (a document a list
    /// names, 3.《某市人民政府关于…的通知》) and the line right under it is
    /// that document's number in brackets alone (（某府发〔2014〕7号）): one
    /// item, the number wrapped under its title at whatever width.
    pub(super) fn number_below(&self, u: &Unit, t: &str) -> bool {
        t.ends_with('》')
            && ends_line(self.src, u.start() + t.len())
            && self
                .lines
                .get(0)
                .is_some_and(|n| n.line() == u.line() + 1 && numbers_name_above(n))
    }

    /// A clause's line that is a sentence cut by a wrap at a width the
    /// document shows nowhere else: its text after the marker runs on past
    /// a comma, 24 characters or more, with no stop, and ends in an
    /// ideograph; the line right under it opens nothing of its own, is
    /// shorter, and closes the sentence with its only 。 (二、你县要…，不得
    /// 破坏遗 / 址历史风貌。, 第一条　为规范…，根据…上级文件精 / 神，…制定本细则。).
    /// The clause is an article, or an item of a reply or a letter (批复,
    /// 函), whose items are sentences, not headings, and the next line is a
    /// sentence's tail, no comma in it (一、同意…。 / 二、…不得破坏遗 / 址历史
    /// 风貌。). A heading stops at its line's end, over a sentence of its own
    /// (一、坚持以人民为中心…，着力推动…高质量发展 / 各县区要高度重视，抓好落实。,
    /// （二）实施城市更新行动，…补短板 / 全年改造老旧小区30个。).
    fn cut_sentence(&self, u: &Unit, m: &Marker, body: &str) -> bool {
        let Some(n) = self.lines.get(0) else {
            return false;
        };
        let next = n.text();
        // (The quick tests first: most clauses' lines end with a stop.)
        // (A tail has no subject of its own: 各县区要…。, 由市城管局负责。, 市城管局
        // 负责。 are sentences under a heading.)
        let subject = || {
            next.starts_with(['各', '由', '请', '要'])
                || self.lex.opens_sentence(next)
                || self.lex.attribution.find(next).is_some()
        };
        let reply = || self.in_notice() && self.doc.doc_type.as_deref().is_some_and(super::replies);
        body.chars().last().is_some_and(text::is_han)
            && n.line() == u.line() + 1
            && next.ends_with('。')
            && (m.kind == ClauseKind::Article
                || reply() && !next.contains(['，', ',']) && !subject())
            && body.contains(['，', ','])
            && !body.contains(['。', '；', ';', '：', ':'])
            && !text::chars_at_most(body, 23)
            && text::find_char(next, '。') == Some(next.len() - '。'.len_utf8())
            && text::char_len(next) < u.chars()
            && n.marker(false).is_none()
            && !n.has_label()
            && !n.is_date()
            && !n.is_signature()
            && ends_line(self.src, u.start() + u.text().len())
    }

    /// The unit ends its line inside a sentence (`in_sentence`: its
    /// paragraph so far is left open, [`Self::left_open`]; the unit's last
    /// an ideograph),
    /// and the line right under it opens nothing of its own and holds the
    /// sentence's rest: it opens with a phrase's rest ([`opens_as_rest`]:
    /// …处1万元以上 / 5万元以下罚款。), or, in an `article` or an article's item
    /// (a sentence, never a heading), is no date, signature, 版记 or note
    /// (…等法律法规规 / 定，结合本市实际，制定本细则。; …，维护供水 / 企业和用户的合法权益，
    /// 根据《…》 / 等法律、法规，…。, an article's line ending on a name it
    /// cites too, or a line a wrap cut twice, short of the width). One
    /// sentence, cut by the source or a wrap at whatever width. A heading stops at its line's end over a
    /// paragraph of its own: it holds no comma, or the line under it opens a
    /// sentence (（一）组织领导 / 成立工作专班，…。).
    fn rest_below(&self, u: &Unit, in_sentence: impl FnOnce() -> bool, article: bool) -> bool {
        let Some(n) = self.lines.get(0) else {
            return false;
        };
        u.text()
            .chars()
            .last()
            .is_some_and(|c| text::is_han(c) || article && c == '》')
            && n.line() == u.line() + 1
            && (opens_as_rest(n.text()) || article && !stands_apart(n))
            && n.marker(false).is_none()
            && !n.has_label()
            && !n.is_title_end()
            && ends_line(self.src, u.start() + u.text().len())
            && in_sentence()
    }

    /// The paragraph `s` so far is a sentence left open: it runs on past a
    /// comma with no stop ([`open_sentence`]), or, in an `article` (a
    /// sentence, never a heading), it stops on a word that needs what
    /// follows it (`open_end`: 第十条　本办法自 / 2021年5月1日起施行。). A
    /// heading may end on such a character (三、问题所在, 二、违法行为), so
    /// outside an article it alone leaves nothing open. An article's last
    /// sentence is open after the sentences it closed too (本市实行养犬登记制度。
    /// 养犬人应当…办理登记，领取): its text holds no heading.
    fn left_open(&self, s: &str, article: bool) -> bool {
        open_sentence(s)
            || article
                && (self.lex.ends_open(s)
                    || open_sentence(s.rsplit(['。', '！', '？', '!', '?']).next().unwrap_or(s)))
    }

    /// The unit ends its line on a word a quantity follows and the line
    /// right under it opens with that quantity and nothing of its own: after
    /// 的 (`before_amount`), a share, a multiple or a sum
    /// ([`opens_with_quantity`]: …可支配收入的 / 60%；); after a comparison
    /// (`comparison`: 低于, 超过 …), that or any number but a year, month or
    /// day (…比例不低于 / 百分之二十；, …面积不超过 / 50平方米；). One phrase, cut by the source or
    /// a wrap at whatever width: a heading ends on no such word, and a
    /// paragraph opens with no share or multiple.
    fn amount_below(&self, u: &Unit) -> bool {
        // (The line under it first: most lines open with no number.)
        let Some(n) = self.lines.get(0).filter(|n| n.line() == u.line() + 1) else {
            return false;
        };
        let rest = n.text();
        // (A number that is a year, a month or a day opens a sentence of its
        // own: …存在的不足 / 2021年以来，….)
        let number = || {
            let digits = rest.trim_start_matches(text::is_digit);
            digits.len() < rest.len() && !digits.starts_with(['年', '月', '日', '时'])
        };
        let quantity = opens_with_quantity(rest);
        if !quantity && !number() {
            return false;
        }
        let t = u.text();
        let ends = |words: &[String]| words.iter().any(|w| t.ends_with(w.as_str()));
        let compares = ends(&self.lex.comparison);
        (compares || quantity && ends(&self.lex.before_amount))
            && ends_line(self.src, u.end())
            && n.marker(false).is_none()
            && !n.has_label()
            && !n.is_date()
    }

    /// The unit, a wrapped line of a paragraph that opened indented, stands
    /// at the margin as wrapped lines do, ends where a line may stop (not on
    /// a comma or a separator, nor inside a bracket or a name), and the line
    /// right under it opens with the indentation the wrapped lines lack: that
    /// line opens a paragraph of its own, however full the unit's line
    /// (　　3.《…散装水 / 泥管理工作的通知》（某府〔2012〕77号） /
    /// 　　本决定自公布之日起施行。).
    fn indented_below(&self, u: &Unit) -> bool {
        let t = u.text();
        !t.ends_with(['，', ',', '、'])
            && !t.chars().last().is_some_and(text::is_open_paren)
            && !unclosed_bracket(t)
            && !leaves_name_open(t)
            && at_margin(self.src, u.start())
            && ends_line(self.src, u.end())
            && self
                .lines
                .get(0)
                .is_some_and(|n| n.line() == u.line() + 1 && is_indented(self.src, n.start()))
    }

    /// The end of the paragraph read last, so far: the innermost clause's
    /// text after its last break, or the last paragraph before any clause;
    /// its last [`PARAGRAPH_END`] bytes at most (a sentence's comma and
    /// stops, a name's 《, are sought near its end; a paragraph that runs
    /// on over thousands of lines is not read again at each).
    fn last_paragraph(&self) -> &str {
        let h = self.holder_ref();
        let p = match h.tree.top_text() {
            Some(t) => t,
            None => h.preamble.last().map_or("", |p| p.text.as_str()),
        };
        let p = &p[text::ceil_char_boundary(p, p.len().saturating_sub(PARAGRAPH_END))..];
        p.rsplit('\n').next().unwrap_or(p)
    }

    /// The unit was run into its line after another ((三)促进港城融合发展4.建设海
    /// 港城市客 / 厅。…) and ends it with no closing mark, the whole line as
    /// long as the document's wrap width: the wrap cut it, however short the
    /// unit itself. An article's text is a sentence, whatever the line
    /// under it (…位承担。第五条 新建、改建…附属绿化用地面 / 积占建设用地总面积
    /// 的比例，…): it goes on when the line under it opens nothing, the
    /// line's indentation counted in its width.
    fn run_on_fills(&self, u: &Unit, article: bool) -> bool {
        let Some(w) = self.wrap else {
            return false;
        };
        // (The line under it closes the cut words with a stop within a few
        // characters, 厅。统筹…, 业开办时间。实行…, or is a title's rest, an
        // attachment's, (2020—2022年); a heading whole at the width stands over
        // its own paragraph, 二、强化要素保障 / 市财政局要统筹…，….)
        let rest_below = || {
            self.lines.get(0).is_some_and(|n| {
                let t = n.text();
                let head = text::find_char(t, '。').map_or(t, |k| &t[..k]);
                // (Or a sentence cut, its comma before the wrap: 二、你县要…，加强生
                // / 态环境保护，…; a unit of a character or two, 三、规 / 划实施…;
                // or a name's last characters, 人民政 / 府，….)
                let tail = first_item(t);
                n.line() == u.line() + 1
                    && n.marker(false).is_none()
                    && !n.has_label()
                    && (u.text().contains(['，', ','])
                        || text::chars_at_most(u.text(), 4)
                        || !tail.is_empty() && text::chars_at_most(tail, 2)
                        || !head.contains(['，', ','])
                            && (head.len() < t.len() && text::chars_at_most(head, 10)
                                || n.is_title_fragment()))
            })
        };
        if is_closed_line(u.text()) || !ends_line(self.src, u.end()) {
            return false;
        }
        let line = line_before(self.src, u.start());
        let before = line.trim_start_matches(text::is_space);
        if article {
            let goes_on = || {
                self.lines.get(0).is_some_and(|n| {
                    n.line() == u.line() + 1
                        && n.marker(false).is_none()
                        && !n.has_label()
                        && !n.is_title_end()
                        && !n.is_signature()
                        && !n.is_date()
                })
            };
            if !before.is_empty() && text::char_len(line) + u.chars() + 1 >= w && goes_on() {
                return true;
            }
        }
        !before.is_empty() && text::char_len(before) + u.chars() + 1 >= w && rest_below()
    }

    /// The unit, a sentence going on past a comma, stops on a verb that
    /// cites (依照, 按照, 根据 …) and the line right under it opens with the
    /// name it cites (…的，由公安机关依照 / 《中华人民共和国治安管理处罚法》予以
    /// 处罚；…): one sentence, at whatever width.
    fn cites_below(&self, u: &Unit, t: &str) -> bool {
        // (In a sentence, after a comma: a heading's 工作依据 or 参照执行 names,
        // and the list under it stands apart.)
        self.lex.cites.iter().any(|w| t.ends_with(w.as_str()))
            && t.contains(['，', ','])
            && ends_line(self.src, u.start() + t.len())
            && self.lines.get(0).is_some_and(|n| {
                n.line() == u.line() + 1 && n.text().starts_with('《') && n.marker(false).is_none()
            })
    }

    /// The unit ends with a semicolon at the document's wrap width, its
    /// indentation counted (…依法给予处分； / 构成犯罪的，…): the wrap cut the
    /// sentence there, and a line that opens no clause goes on with it.
    fn cut_at_semicolon(&self, u: &Unit) -> bool {
        let t = u.text();
        let Some(w) = self.wrap else {
            return false;
        };
        t.ends_with(['；', ';'])
            && ends_line(self.src, u.start() + t.len())
            && line_before(self.src, u.start()).chars().count() + text::char_len(t) >= w
    }

    /// The unit, of an indented paragraph, stopped with no closing mark at
    /// the document's width (and is not open already): a line at the
    /// margin may go on with it.
    fn hangs(&self, u: &Unit, open: bool, indented: bool) -> bool {
        !open
            && indented
            && !is_closed_line(u.text())
            && ends_line(self.src, u.end())
            && self
                .hanging
                .fills(text::char_len(line_before(self.src, u.start())), u.chars())
    }

    /// `l`, at the margin under a hanging line, goes on with it: it holds
    /// words and is nothing that stands at the margin on its own (a title,
    /// a signature, a date, a label, an attachment header, the 版记).
    pub(super) fn hangs_on(&self, l: &Line) -> bool {
        // A title holds no comma; one at the margin (an enclosed plan's,
        // wrapped or not) stands on its own. (Not one closing a bracket it
        // did not open, 防治法》《…》等规定: the rest of a cited name.)
        let whole_title = |l: &Line| !l.text().contains(['，', ',']) && l.is_title_end();
        let closes_unopened = |l: &Line| {
            l.text()
                .chars()
                .find(|&c| "《》（）()".contains(c))
                .is_some_and(|c| "》）)".contains(c))
        };
        let title = |l: &Line| whole_title(l) && !closes_unopened(l);
        // (A title's first line over its last, which may close a bracket the
        // first opened: 《…土壤污染 / 防治法》实施方案.)
        let wrapped_title = l.is_title_fragment()
            && !closes_unopened(l)
            && self
                .lines
                .get(0)
                .is_some_and(|n| n.line() == l.line() + 1 && whole_title(n));
        at_margin(self.src, l.start())
            // Words, not a page's number (·412·) or a rule.
            && l.text().chars().any(text::is_han)
            // A key and its value (组　长：张　三…, a roster or a form); not
            // a sentence's last characters before its colon (…规范性文 / 件:).
            && title::first_chars(l.text(), 6)
                .find(text::is_colon)
                .is_none_or(|at| text::trim(&l.text()[at..]).chars().all(text::is_colon))
            && !title(l)
            && !wrapped_title
            && !l.is_signature()
            && !l.is_date()
            && !l.has_label()
            && !l.is_colophon()
            && body::attachment_header(l.text(), self.lex).is_none()
    }

    /// Cuts `l` at byte `at`: the rest is read next, the head returned.
    fn cut_at(&mut self, l: Line<'t>, at: usize) -> Option<Unit<'t>> {
        let (a, b) = l.split_at(at);
        if let Some(b) = b {
            self.push_front(b);
        }
        a
    }

    /// Text that is not a marker, label or header element.
    pub(super) fn body_text(&mut self, l: Line<'t>) {
        // A marker, or in a clause labels (…两个月房 / 租。责任单位：市国资委), run
        // onto the line after a full stop: the line is cut there.
        // (A label stands before a colon, or in 【】.)
        let labelled = self.holder().tree.depth() > 0
            && (text::first_colon(l.text()).is_some() || l.text().contains('【'));
        let t = l.text();
        let at = match self.run_on_after_stop(t, 0, None) {
            Some(k) if labelled => text::first_colon(&t[..k])
                .and_then(|_| self.label_after_stop(&t[..k], 0))
                .or(Some(k)),
            Some(k) => Some(k),
            None if labelled => self.label_after_stop(t, 0),
            None => None,
        };
        if let Some(at) = at {
            if let Some(a) = self.cut_at(l, at) {
                self.text(a);
            }
            return;
        }
        self.text(l.unit());
    }

    fn text(&mut self, u: Unit<'t>) {
        let mut t = u.text();
        let mut bracket = None;
        if let Some((at, pairs)) = fields::closing_bracket(t, self.lex) {
            bracket = Some(pairs);
            t = text::trim(&t[..at]);
        }
        let wrapped = matches!(self.prev, Prev::Text { open: true, .. });
        // A wrapped line is part of the paragraph it goes on, indented or
        // not as that paragraph opened.
        let indented = match self.prev {
            Prev::Text { indented, .. } if wrapped => indented,
            _ => !is_closed_line(t) && is_indented(self.src, u.start()),
        };
        let field_wrap = match self.prev {
            Prev::Field { open: true, .. } => true,
            Prev::Field { open: false, .. } => self.field_goes_on(t),
            _ => false,
        };
        if field_wrap && bracket.is_none() && self.continue_field(t) {
            if self.value_cut_at_stop(&u) {
                self.prev = Prev::Field {
                    open: true,
                    filled: false,
                };
            }
            self.own(&u, Part::Field);
            return;
        }
        let h = self.holder();
        let in_clause = h.tree.depth() > 0;
        if !h.tree.add_text(t, u.line(), wrapped) {
            match h.preamble.last_mut() {
                Some(p) if wrapped => p.text.push_str(t),
                _ => h.preamble.push(Paragraph {
                    line: u.line(),
                    text: t.to_owned(),
                }),
            }
        }
        // A task bracket opened on the previous line closes here.
        let closes = t
            .trim_end_matches(['。', '；', ';'])
            .ends_with(text::is_close_bracket);
        if wrapped && bracket.is_none() && closes {
            let lex = self.lex;
            let tree = &mut self.holder().tree;
            if let Some((at, pairs)) = tree
                .top_text()
                .and_then(|t| fields::closing_bracket(t, lex))
            {
                tree.cut_top_text(at);
                if let Some(f) = tree.top_fields() {
                    f.extend(pairs);
                }
            }
        }
        // The paragraph so far, this line included: a sentence still open,
        // or a name in 《 left open on a line above (…根据《…固体废物污染 / 环境防治
        // / 法》…).
        let article = self.holder().tree.is_open(ClauseKind::Article);
        // (Asked only once the cheaper tests pass, of the paragraph's end.)
        let in_sentence = || self.left_open(self.last_paragraph(), article);
        let name_open = || leaves_name_open(self.last_paragraph());
        // (Or a bracket opened on a line above is still open: a labelled
        // bracket over three lines, …；责任 / 单位：…；完成时限： / 2022年6月底前）.)
        let open = bracket.is_none()
            && (is_open_line(t, self.wrap)
                || self.fills_spaced(&u)
                || self.fills_over_margin(&u)
                || self.run_on_fills(&u, false)
                || self.cites_below(&u, t)
                || self.number_below(&u, t)
                || self.cut_at_semicolon(&u)
                || self.wraps_apart(&u, t)
                || self.closed_below(&u, t, name_open)
                || self.rest_below(&u, in_sentence, article)
                || self.amount_below(&u)
                || wrapped && in_clause && self.heading_cut_by_page(&u)
                || wrapped
                    && self
                        .holder()
                        .tree
                        .top_text()
                        .is_some_and(|s| unclosed_bracket(s.rsplit('\n').next().unwrap_or(s))));
        // (Not over an indented line when the paragraph's wrapped lines
        // stand at the margin: that line opens a paragraph of its own.)
        let open = open && !(wrapped && indented && self.indented_below(&u));
        // (Nor a passage note under the title, printed across the page: it
        // closes with its bracket, the text opens under it.)
        let open = open && (in_clause || !crate::lines::title::is_passage_note(t, self.lex));
        self.prev = Prev::Text {
            open,
            count: dangling_count(t).filter(|_| open),
            hang: bracket.is_none() && self.hangs(&u, open, indented),
            indented,
        };
        self.own(
            &u,
            if in_clause {
                Part::ClauseText
            } else {
                Part::Preamble
            },
        );
        if let Some(p) = bracket {
            self.add_fields(p);
        }
    }

    /// A field value wrapped onto this line: appended to the last field.
    fn continue_field(&mut self, t: &str) -> bool {
        let wrap = self.wrap;
        let lex = self.lex;
        let h = self.holder();
        let fields = match h.tree.top_fields() {
            Some(f) => f,
            None => &mut h.fields,
        };
        let Some(last) = fields.last_mut() else {
            return false;
        };
        // A label on the line after the value's rest (…综合行政执 / 法局　完成时间：
        // 2020年12月, …随州高新 / 区 完成时限:每季度): a field of its own.
        let more = text::first_colon(t).is_some().then(|| {
            let joined = [last.0.as_str(), "：", last.1.as_str(), t].concat();
            fields::split_labels(&joined, lex)
        });
        match more {
            Some(mut pairs) if pairs.len() > 1 && pairs[0].0 == last.0 => {
                let rest = pairs.split_off(1);
                *last = pairs.remove(0);
                fields.extend(rest);
            }
            _ => last.1.push_str(t),
        }
        self.prev = Prev::Field {
            open: is_open_line(t, wrap),
            filled: false,
        };
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    /// A bracket left open at the end, brackets closed inside it or not;
    /// a closed bracket, or a full stop after the opener, leaves none.
    #[test]
    fn brackets_left_open() {
        for t in [
            "…制定具体实施方案。（责任单位：各县（市、区）人民政府；完成时限：",
            "…。(牵头单位:市农业农村局;",
            "（责任单位：各县（市、区）",
        ] {
            assert!(unclosed_bracket(t), "{t}");
        }
        for t in [
            "…（责任单位：各县（市、区）人民政府）",
            "（一）加强组织领导。各县（市、区）要成立领导小组",
            "（市发改委负责）。下一步",
            "没有括号",
        ] {
            assert!(!unclosed_bracket(t), "{t}");
        }
        // Read back 3 000 bytes at most: a text of colons alone is closed.
        assert!(unclosed_bracket(&format!("（牵头单位{}", "：".repeat(990))));
        assert!(!unclosed_bracket(&format!(
            "（牵头单位{}",
            "：".repeat(1000)
        )));
    }

    /// A line ending inside a name in 《》 goes on; one whose names are
    /// closed does not, short of the width.
    #[test]
    fn names_left_open() {
        for t in [
            "根据《中华人民共和国行政处罚法》《某省城市管理",
            "城市管理执法部门应当依照《中华人民共和国行政",
            "依照《中华人民共和国行政",
        ] {
            assert!(unclosed_name(t) && is_open_line(t, None), "{t}");
        }
        for t in [
            "根据《中华人民共和国行政处罚法》",
            "依照有关规定",
            "》等规定",
            "《中华人民共和国宪法",
            "书名号的写法为一对尖括号，前一半写作“《”",
            "城市管理执法部门应当依照《中华人民共和国行政〉",
            "（一）深入学习《中华人民共和国安全生产法",
        ] {
            assert!(!unclosed_name(t) && !is_open_line(t, None), "{t}");
        }
    }

    fn lines(t: &str) -> Vec<Line<'_>> {
        Line::all(t, &Lexicon::builtin())
    }

    /// Paragraphs set apart by blank lines: every closed line, three or
    /// more, has a blank line under it; one right under another is none.
    #[test]
    fn paragraphs_set_apart_by_blank_lines() {
        let apart = "甲项工作已完成。\n\n乙项工作，按照标准的\n1．5倍计发。\n\n丙项工作已完成。\n\n丁项工作已完成。\n";
        assert!(blank_paragraphs(lines(apart).iter()));
        let close =
            "甲项工作已完成。\n乙项工作已完成。\n\n丙项工作已完成。\n\n丁项工作已完成。\n\n戊。\n";
        assert!(!blank_paragraphs(lines(close).iter()));
        let few = "甲项工作已完成。\n\n乙项工作已完成。\n";
        assert!(!blank_paragraphs(lines(few).iter()));
    }

    /// `full_or_stopped` answers as counting the characters does, on every
    /// line of the sample and the cases, for every wrap width.
    #[test]
    fn open_lines_as_by_counting() {
        let counted = |s: &str, wrap: Option<usize>| {
            let n = text::char_len(s);
            text::has_char(s, '。') || n >= 60 || wrap.is_some_and(|w| n + 1 >= w)
        };
        let mut texts = crate::testdata::sample_and_case_lines();
        texts.extend((0..70).map(|k| "长".repeat(k)));
        for t in &texts {
            let t = text::trim(t);
            for wrap in std::iter::once(None).chain((0..70).map(Some)) {
                assert_eq!(full_or_stopped(t, wrap), counted(t, wrap), "{wrap:?} {t}");
            }
        }
    }

    #[test]
    fn counts_a_line_ends_with() {
        assert_eq!(dangling_count("燃气等管线按照一、"), Some(1));
        assert_eq!(dangling_count("分为第3、"), Some(3));
        assert_eq!(dangling_count("划分为十一、"), Some(11));
        // A marker alone, no 、, or no numeral before it: none.
        for s in ["一、", "按照一", "加强组织、", "、", ""] {
            assert_eq!(dangling_count(s), None, "{s}");
        }
    }

    #[test]
    fn wrap_width_needs_lines_cut_mid_sentence() {
        let cut = "为贯彻落实国务院办公厅关于加强城市内涝治理的实施\n意见精神，系统推进我市城市内涝治理工作，切实保障\n人民群众生命财产安全，经市人民政府同意，现就有关\n事项通知如下，请各单位结合实际认真贯彻落实执行。\n到二〇二五年，各城区建成较为完善的排水防涝工程体\n系，排水防涝能力与建设海绵城市要求更加匹配。\n";
        assert_eq!(wrap_width(&lines(cut)), Some(24));
        // Equal-length headings that end their sentences are not a wrap.
        let headings = "（一）加强组织领导工作落实到位。\n（二）强化资金保障工作落实到位。\n（三）严格监督考核工作落实到位。\n（四）做好宣传引导工作落实到位。\n";
        assert_eq!(wrap_width(&lines(headings)), None);
        // The most common length may be a long one (counted apart from the
        // short ones): it wins, and a width of 60 or more is no wrap.
        let long_line = "长".repeat(299) + "，";
        let mostly_long = format!("{cut}{}", format!("{long_line}\n").repeat(7));
        assert_eq!(wrap_width(&lines(&mostly_long)), None);
        let fewer_long = format!("{cut}{}", format!("{long_line}\n").repeat(3));
        assert_eq!(wrap_width(&lines(&fewer_long)), Some(24));
    }

    /// Addressees and 一、 headings all of one length, each heading over its
    /// paragraph printed whole on one line, show no wrap: none runs on into
    /// the line under it. Cut at that length, the same text does.
    #[test]
    fn headings_of_one_length_over_their_paragraphs_are_no_wrap() {
        let src = include_str!("../../tests/cases/zn-headings-one-width-over-paragraphs.txt");
        assert_eq!(wrap_width(&lines(src)), None);
        let head = "一、落实防汛责任，健全指挥体系\n";
        let cut = src.replace(
            head,
            "一、落实防汛责任，健全指挥体系，压紧\n压实各级各部门防汛责任。\n",
        );
        let cut = cut.replace(
            "二、开展隐患排查，及时消除风险\n",
            "二、开展隐患排查，及时消除风险，全面\n排查水库堤防隐患。\n",
        );
        let cut = cut.replace(
            "三、加强监测预警，提升预报能力\n",
            "三、加强监测预警，提升预报能力，及时\n发布预警信息。\n",
        );
        let cut = cut.replace(
            "四、强化物资储备，做好抢险准备\n",
            "四、强化物资储备，做好抢险准备，补充\n防汛物资。\n",
        );
        assert_eq!(wrap_width(&lines(&cut)), Some(18));
        // Addressees at that width, closed by a colon, are no evidence.
        let l = lines("各县市人民政府，州直有关单位：\n当前已进入主汛期。\n");
        assert!(!runs_on(&l, 0));
    }

    #[test]
    fn a_short_bodys_wrap_shows_in_a_line_cut_inside_a_bracket() {
        // Two lines of the longest length: one holds a comma, the other
        // none but ends inside a bracket.
        let t = "依据《江苏省人民政府关于同意调整南通市部分行政区划的批复》（\n苏政复〔2020〕15号），现将有关事项公告如下：\n一、撤销海门县三星乡，设立三星镇，以原三星乡的行政区域为三星\n镇的行政区域。\n二、撤销通州区石港乡，设立石港镇。\n特此公告。\n";
        assert_eq!(widths(&lines(t), 0).0, Some(30));
        // Closed there, the line shows no cut.
        let closed = t.replacen(
            "批复》（\n苏政复〔2020〕15号），",
            "批复》和\n苏政复〔2020〕15号文件",
            1,
        );
        assert_eq!(widths(&lines(&closed), 0).0, None);
    }

    /// The clauses' (label, text) of a notice whose body is `body`.
    fn clauses(body: &str) -> Vec<(String, String)> {
        let doc = format!(
            "某市人民政府办公室关于加强城市道路管理工作的通知\n某政办发〔2022〕12号\n各县（市、区）人民政府，市政府各部门：\n{body}某市人民政府办公室\n2022年3月1日\n"
        );
        let p = crate::parse(&doc, "a.txt", &Lexicon::builtin());
        let mut out = Vec::new();
        fn walk(cs: &[crate::record::Clause], out: &mut Vec<(String, String)>) {
            for c in cs {
                out.push((c.label.clone(), c.text.clone()));
                walk(&c.children, out);
            }
        }
        walk(&p.documents[0].clauses, &mut out);
        out
    }

    /// Hanging paragraphs: a line at the margin under an indented line that
    /// stopped with no closing mark goes on with it, a marker the document
    /// indents included; nothing else does.
    #[test]
    fn hanging_paragraphs_go_on_at_the_margin() {
        // Lines cut at 23 characters; each paragraph's first indented.
        let got = clauses(
            "　　一、加强道路管理，各地要建立健全道路巡查\n机制，及时修复破损路面，确保道路安全畅通。\n　　二、加大财政支持。市财政对符合条件的\n二、三级医院给予补助，对新建的养老服务项\n目按照建设规模给予一次性奖励，逐步提高。\n　　三、加强园林绿化管理\n",
        );
        let want = [
            ("一、", "加强道路管理，各地要建立健全道路巡查机制，及时修复破损路面，确保道路安全畅通。"),
            ("二、", "加大财政支持。市财政对符合条件的二、三级医院给予补助，对新建的养老服务项目按照建设规模给予一次性奖励，逐步提高。"),
            ("三、", "加强园林绿化管理"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
        // Indented throughout, or never, or only the headings: each line
        // keeps its own clause and paragraph.
        for body in [
            "　　一、加强道路管理\n　　二、加大财政支持\n",
            "一、加强道路管理\n二、加大财政支持\n",
            // A heading at the margin under an indented heading.
            "　　一、加强道路管理\n　　（一）健全巡查机制\n二、加大财政支持\n　　（一）落实补助\n",
            // Headings indented, their paragraphs at the margin: a short
            // heading stopped of itself.
            "　　一、加强道路管理\n各学校校长是本校安全工作第一责任人，要层层签订安全责任书。\n　　二、加大财政支持\n各地要组织开展校舍、消防、食品卫生等安全隐患排查。\n",
        ] {
            let got = clauses(body);
            let labels: Vec<&str> = got.iter().map(|c| c.0.as_str()).collect();
            assert_eq!(
                labels.iter().filter(|l| l.contains('、')).count(),
                2,
                "{body}: {labels:?}"
            );
            assert_eq!(got[0].1.split('\n').next(), Some("加强道路管理"), "{body}");
        }
        // A paragraph that lost its full stop, then the marker the
        // numbering expects at the margin: a clause of its own.
        let got = clauses(
            "　　（一）企业法定代表人和实际控制人是本单位安全生产第一责任人，对本单位安全生产工作全面负责\n（二）企业要建立健全全员安全生产责任制，明确各岗位的责任人员。\n　　（三）企业要加大安全生产投入，保证安全设施设备的正常运行。\n",
        );
        let labels: Vec<&str> = got.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(labels, ["（一）", "（二）", "（三）"]);
    }

    /// A wrapped line opening with a cited chapter, or an enumeration
    /// after a comma, goes on the sentence; no clause opens there.
    #[test]
    fn a_heading_cut_before_its_last_word_goes_on() {
        let got = clauses("（一）提升要素保障\n水平\n1.降低用地成本。推行标准地出让。\n");
        assert_eq!(got[0], ("（一）".to_owned(), "提升要素保障水平".to_owned()));
        // A name under a prize's heading, a sibling after it: a roster.
        let got = clauses("（一）一等奖\n王伟\n（二）二等奖\n李娜\n");
        assert_eq!(got[0], ("（一）".to_owned(), "一等奖\n王伟".to_owned()));
        // A heading whole over a paragraph whose first sentence is long.
        let got = clauses("（一）组织领导\n成立工作专班，统筹推进。\n");
        assert_eq!(got[0].1, "组织领导\n成立工作专班，统筹推进。");
    }

    /// A heading cut by a page's end goes on past the page's furniture, its
    /// line as long as any or a wrap's last; a heading whole over a page's
    /// end stays apart from a long first sentence under it.
    #[test]
    fn a_heading_cut_by_a_page_goes_on_past_its_furniture() {
        let got = clauses(
            "1.推动自由贸易港政策在科技城、中央商务区率先落\n— 3 —\n地见效。建立政策清单，逐项跟踪评估。\n",
        );
        assert_eq!(
            got[0].1,
            "推动自由贸易港政策在科技城、中央商务区率先落地见效。建立政策清单，逐项跟踪评估。"
        );
        let got = clauses(
            "1.推动政策，\n在科技城、中央商务区和各个重点功能园区率先落\n— 3 —\n地见效。建立政策清单。\n",
        );
        assert_eq!(
            got[0].1,
            "推动政策，在科技城、中央商务区和各个重点功能园区率先落地见效。建立政策清单。"
        );
        let got = clauses(
            "1.推动政策在科技城、中央商务区率先落地\n— 3 —\n建立政策落地清单，逐项跟踪评估。\n",
        );
        assert_eq!(
            got[0].1,
            "推动政策在科技城、中央商务区率先落地\n建立政策落地清单，逐项跟踪评估。"
        );
        // The rest before the stop long, up to 16 ideographs; not a
        // sentence of its own under a whole heading.
        let got = clauses(
            "一、开展全市燃气企业和餐饮\n·298·\n某某年鉴2020\n场所隐患排查整治行动。完成首轮排查。\n",
        );
        assert_eq!(
            got[0].1,
            "开展全市燃气企业和餐饮场所隐患排查整治行动。完成首轮排查。"
        );
        let got = clauses(
            "一、加强校园安保力量建设\n·302·\n某某年鉴2022\n各地要高度重视。配齐专职保安人员。\n",
        );
        assert_eq!(
            got[0].1,
            "加强校园安保力量建设\n各地要高度重视。配齐专职保安人员。"
        );
        // Under no page's furniture, a heading whole over its first sentence.
        let got = clauses("1.推动政策在科技城、中央商务区率先落地\n见效。建立政策清单。\n");
        assert_eq!(
            got[0].1,
            "推动政策在科技城、中央商务区率先落地\n见效。建立政策清单。"
        );
    }

    /// A sentence's last words alone on their line close it with its only
    /// stop; a running head, a label or two sentences do not.
    #[test]
    fn a_sentences_last_words_close_it() {
        let closes = |t: &str| closes_sentence(&lines(t)[0]);
        assert!(closes("作为资格要求；"));
        assert!(closes("绩、奖项作为加分条件。"));
        assert!(!closes("文件选辑"));
        assert!(!closes("责任单位：市住建局。"));
        assert!(!closes("作为资格要求。另行通知。"));
    }

    /// What only goes on a phrase: an amount with its currency, 的; not a
    /// year, a count or a word a heading's sentence may open with.
    #[test]
    fn a_phrases_rest_opens_with_an_amount_or_de() {
        for t in [
            "5万元以下罚款。",
            "1.5万元以下罚款。",
            "5000元以上2万元以下罚款；",
            "的技术规范。",
        ] {
            assert!(opens_as_rest(t), "{t}");
        }
        for t in [
            "2021年起，新增车辆应当使用新能源车辆。",
            "3个工作日内办结。",
            "1.建立台账。",
            "和谐社区建设。",
            "的确需要的，报市政府批准。",
            "元旦期间",
        ] {
            assert!(!opens_as_rest(t), "{t}");
        }
        assert!(open_sentence("为加强城市排水管理，根据《某省城镇"));
        assert!(!open_sentence("组织领导"));
        assert!(!open_sentence("加强管理。各地要建立台账，"));
        assert!(open_sentence(
            "可以采用集体讨论的形式；采用书面形式的，应当将意见书送"
        ));
        assert!(!open_sentence("按照合同提供服务；及时报告"));
        assert!(leaves_name_open("根据《某省城镇") && !leaves_name_open("根据《某条例》等规定"));
    }

    /// A sentence cut short of any width goes on over the line holding its
    /// rest: an amount opening it, or in an article the line closing it; a
    /// name in 《》 over a line in its middle. A heading stands apart.
    #[test]
    fn a_sentences_rest_below_goes_on() {
        let got = clauses(concat!(
            "第一条　为加强城市排水管理，根据《城镇排水与污水处理条例》和《某省城镇\n排水\n管理办法》等规定，制定本办法。\n",
            "第二条　新建排水设施，应当按照专项规划进行，\n并符合国家规定的\n技术规范和标准，与主体工程同时设计、同时施工。\n",
        ));
        assert_eq!(got[0].1, "为加强城市排水管理，根据《城镇排水与污水处理条例》和《某省城镇排水管理办法》等规定，制定本办法。");
        assert_eq!(got[1].1, "新建排水设施，应当按照专项规划进行，并符合国家规定的技术规范和标准，与主体工程同时设计、同时施工。");
        let got = clauses("（一）擅自拆除排水设施的，对个人处\n5000元以上2万元以下罚款；\n（二）组织领导\n成立工作专班，统筹推进。\n");
        assert_eq!(
            got[0].1,
            "擅自拆除排水设施的，对个人处5000元以上2万元以下罚款；"
        );
        assert_eq!(got[1].1, "组织领导\n成立工作专班，统筹推进。");
        // An item, no article: its sentence's rest that opens with words
        // stands as the line under a heading does.
        let got = clauses("（一）完善排水设施，加快雨污分流\n改造老旧管网20公里。\n");
        assert_eq!(got[0].1, "完善排水设施，加快雨污分流\n改造老旧管网20公里。");
    }

    /// An article's sentence left open at a line's end goes on whatever the
    /// line's length: over lines a second wrap left short, a line ending
    /// on a name it cites, a line that closes it and opens the next, and
    /// after a sentence the article closed already. A heading does not.
    #[test]
    fn an_articles_open_sentence_goes_on_over_short_lines() {
        let got = clauses(concat!(
            "第一条　为了促进城市绿化事业发展，改善\n生态环境，保障\n居民身体健康，根据《城市绿化条例》\n等法规，制定本办法。\n",
            "第二条　城市绿化工程的设计，应当委托具有资质的设计\n单位承担。建设单位应当\n按照设计方案施工。\n",
            "第三条　本市实行养犬登记制度。养犬人应当办理登记，领取\n养犬登记证。\n",
        ));
        assert_eq!(got[0].1, "为了促进城市绿化事业发展，改善生态环境，保障居民身体健康，根据《城市绿化条例》等法规，制定本办法。");
        assert_eq!(
            got[1].1,
            "城市绿化工程的设计，应当委托具有资质的设计单位承担。建设单位应当按照设计方案施工。"
        );
        assert_eq!(
            got[2].1,
            "本市实行养犬登记制度。养犬人应当办理登记，领取养犬登记证。"
        );
        let got = clauses("一、落实防汛责任，健全指挥体系\n各县市要逐级明确责任人。\n");
        assert_eq!(
            got[0].1,
            "落实防汛责任，健全指挥体系\n各县市要逐级明确责任人。"
        );
    }

    /// A unit's source line is found whatever ends the lines: LF, CRLF or
    /// CR alone.
    #[test]
    fn source_lines_end_with_lf_crlf_or_cr() {
        for nl in ["\n", "\r\n", "\r"] {
            let src = ["一、总则", nl, "　　二、目标", nl, "三、措施"].concat();
            let at = src.find("二").unwrap();
            assert_eq!(line_before(&src, at), "　　", "{nl:?}");
            assert!(is_indented(&src, at) && !at_margin(&src, at));
            let end = at + "二、目标".len();
            assert!(ends_line(&src, end), "{nl:?}");
            assert!(!ends_line(&src, at), "{nl:?}");
            assert!(at_margin(&src, src.find("三").unwrap()), "{nl:?}");
        }
    }

    /// An article stopped on a word that needs what follows it goes on over
    /// the line that closes its sentence, a year opening it; a heading of
    /// items ending on the same character stands over its paragraph.
    #[test]
    fn an_article_left_open_on_its_preposition_goes_on() {
        let got = clauses("第十条　本办法自\n2021年5月1日起施行，有效期5年。\n");
        assert_eq!(got[0].1, "本办法自2021年5月1日起施行，有效期5年。");
        let got = clauses("第九条　本办法由\n市城市管理局负责解释。\n");
        assert_eq!(got[0].1, "本办法由市城市管理局负责解释。");
        let got = clauses("三、问题所在\n2021年以来，部分项目进度滞后。\n");
        assert_eq!(got[0].1, "问题所在\n2021年以来，部分项目进度滞后。");
    }

    /// An indented item cut at the width with no comma goes on over the
    /// line at the margin that closes its sentence.
    #[test]
    fn an_item_cut_at_the_width_goes_on_over_its_close() {
        let got = clauses(concat!(
            "　　为优化政府采购营商环境，保障各类市场主体\n平等参与政府采购活动，现就规范采购文件编制有\n关事项通知如下。\n",
            "　　一、资格条件设置。采购人、采购代理机构应\n当根据采购项目的特点和实际需要设定供应商资格\n条件，不得设置下列条件：\n",
            "　　　　（1）以供应商的所有制形式和组织形式\n作为资格要求；\n",
            "　　　　（2）以供应商注册地或者所在行业的业\n绩、奖项作为加分条件。\n",
            "　　二、评审因素设置。评审因素的设定应当细化\n和量化，与评审因素对应的分值应当与评审因素的\n量化指标相对应。\n"
        ));
        assert_eq!(got[1].1, "以供应商的所有制形式和组织形式作为资格要求；");
        assert_eq!(
            got[2].1,
            "以供应商注册地或者所在行业的业绩、奖项作为加分条件。"
        );
    }

    /// A bracketed number that would open a list at (2), under a line the
    /// wrap cut inside a phrase, is the phrase's rest (小（2）型).
    #[test]
    fn a_bracketed_number_cut_by_the_wrap_is_no_item() {
        let got = clauses(concat!(
            "　　为确保全市水库安全度汛，现就有关事项通知\n如下。\n",
            "　　一、压实责任。全市今年汛期前完成18座小\n（2）型病险水库除险加固，各县区要逐库落实政\n府行政责任人和技术责任人。\n",
            "　　二、加强巡查值守。主汛期实行24小时值班\n和领导带班制度，发现险情及时处置并报告。\n",
            "　　三、做好应急准备。各县区要修订完善水库防\n汛抢险应急预案，储备必要的抢险物资。\n"
        ));
        let labels: Vec<&str> = got.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(labels, ["一、", "二、", "三、"]);
        assert!(got[0].1.contains("18座小（2）型病险水库"));
    }

    /// An item closed by a document's number in brackets, on a short line:
    /// the article cited under it opens a paragraph of its own; without the
    /// number the cited article goes on the sentence above.
    #[test]
    fn an_item_closed_by_a_number_ends_its_sentence() {
        let got = clauses(
            "一、决定修改的规范性文件（1件）\n1.《某市廉租住房保障实施细则》（某政办〔2017〕8号）\n第十二条第三款删去。\n二、决定废止的规范性文件（1件）\n",
        );
        assert_eq!(
            got[1].1,
            "《某市廉租住房保障实施细则》（某政办〔2017〕8号）\n第十二条第三款删去。"
        );
        let got = clauses("一、追回资金。挪用补助资金的，依照本办法\n第七条的规定追回。\n");
        assert_eq!(
            got[0].1,
            "追回资金。挪用补助资金的，依照本办法第七条的规定追回。"
        );
        // (An item doing something to the document goes on.)
        let got = clauses(
            "（一）严格执行《某市城市管理办法》（某府〔2019〕3号）\n第十二条规定的审批程序，不得擅自简化。\n",
        );
        assert_eq!(
            got[0].1,
            "严格执行《某市城市管理办法》（某府〔2019〕3号）第十二条规定的审批程序，不得擅自简化。"
        );
    }

    #[test]
    fn cited_chapters_and_enumerations_after_a_comma_open_no_clause() {
        let labels =
            |body: &str| -> Vec<String> { clauses(body).into_iter().map(|c| c.0).collect() };
        assert_eq!(
            labels("第一章　总则\n第一条　违反本办法规定的，依照《条例》\n第五章的规定处罚。\n第二条　本办法自公布之日起施行。\n"),
            ["第一章", "第一条", "第二条"]
        );
        assert_eq!(
            labels("　　一、加强道路管理。各地要着力做好两方面工作，\n一是加强道路巡查，二是及时修复破损路面。\n　　二、加强园林绿化管理。\n"),
            ["一、", "二、"]
        );
        // An indented 一是 after a comma opens its clause, 二是 on its line
        // or not.
        assert_eq!(
            labels("　　一、加强隐患排查。各地要重点抓好以下工作，\n　　一是排查水库隐患，二是排查堤防隐患；\n　　三是排查山洪地质灾害隐患。\n"),
            ["一、", "一是", "三是"]
        );
        // An unspaced chapter out of sequence that reads as a heading is one
        // (an excerpt), 的 inside it or not.
        assert_eq!(
            labels("第二章城乡规划的制定\n第十二条　自治区人民政府组织编制城镇体系规划。\n第三章城乡规划的实施\n第二十八条　各级人民政府应当组织实施城乡规划。\n"),
            ["第二章", "第十二条", "第三章", "第二十八条"]
        );
        // An excerpt's unspaced articles ahead of the sequence are articles;
        // one whose words cite it (第八条规定…) is text.
        assert_eq!(
            labels("第二章规划建设\n第八条城市道路的建设应当符合城市规划。\n第九条新建城市道路应当同步建设排水设施。\n第十五条城市道路的养护维修由市政工程管理部门负责。\n"),
            ["第二章", "第八条", "第九条", "第十五条"]
        );
        assert_eq!(
            labels("第一章　总则\n第一条　为加强城市道路管理，制定本办法。\n第八条规定的情形，按照本办法处理。\n第十三条内容由市政府另行规定。\n"),
            ["第一章", "第一条"]
        );
        // After a full stop 一是 opens its clause.
        assert_eq!(
            labels("　　一、加强道路管理。各地要着力做好两方面工作。\n　　一是加强道路巡查。\n　　二是及时修复破损路面。\n"),
            ["一、", "一是", "二是"]
        );
    }

    /// A label's list of units goes on over a line opening with the rest of
    /// its last unit or with a separator and a unit; not over a second label
    /// or a sentence.
    #[test]
    fn unit_lists_go_on_over_their_rest() {
        let fields = |body: &str| -> Vec<String> {
            let doc = format!("某县人民政府办公室关于做好重点工作的通知\n某政办发〔2022〕12号\n各乡镇人民政府：\n{body}某县人民政府办公室\n2022年3月1日\n");
            let p = crate::parse(&doc, "a.txt", &Lexicon::builtin());
            p.documents[0].clauses[0]
                .fields
                .iter()
                .map(|f| format!("{}={}", f.0, f.1))
                .collect()
        };
        assert_eq!(
            fields("（一）硬化街巷。\n责任单位：县住建局、林业局、各苏木镇\n人民政府\n"),
            ["责任单位=县住建局、林业局、各苏木镇人民政府"]
        );
        assert_eq!(
            fields("（一）硬化街巷。\n责任单位：县住建局、林业局\n、水务局\n"),
            ["责任单位=县住建局、林业局、水务局"]
        );
        assert_eq!(
            fields("（一）硬化街巷。\n牵头单位：县生态环境分局\n，配合单位：县住建局、水务局\n")[0],
            "牵头单位=县生态环境分局"
        );
        assert_eq!(
            fields("（一）硬化街巷。\n牵头单位：县交通局\n，各镇人民政府负责做好群众宣传。\n"),
            ["牵头单位=县交通局"]
        );
    }

    /// Each top clause of the first document of `doc`: its text and its
    /// fields' labels and values, `label=value`.
    fn texts_and_fields(doc: &str) -> Vec<(String, Vec<String>)> {
        let p = crate::parse(doc, "a.txt", &Lexicon::builtin());
        p.documents[0]
            .clauses
            .iter()
            .map(|c| {
                let fields = c.fields.iter().map(|f| format!("{}={}", f.0, f.1));
                (c.text.clone(), fields.collect())
            })
            .collect()
    }

    /// Labels run into a clause's line after its full stop are its fields;
    /// a bracket of labels with a stop inside stays one bracket.
    #[test]
    fn labels_after_a_full_stop_are_fields() {
        let doc = "某市人民政府办公室关于做好重点工作的通知\n某政办发〔2022〕12号\n各县区人民政府：\n（一）做好水利工作。牵头单位：市水利局；完成时限：2022年底前\n（二）做好交通工作。推进道路建设。责任单位：市交通运输局\n（三）做好林业工作。（牵头单位：市林业局。配合单位：市财政局）\n某市人民政府办公室\n2022年3月1日\n";
        // (The bracket's values as the bracket reader gives them.)
        let got = texts_and_fields(doc);
        assert_eq!(got[0].0, "做好水利工作。");
        assert_eq!(got[0].1, ["牵头单位=市水利局", "完成时限=2022年底前"]);
        assert_eq!(got[1].0, "做好交通工作。推进道路建设。");
        assert_eq!(got[1].1, ["责任单位=市交通运输局"]);
        assert_eq!(got[2].0, "做好林业工作。");
        assert_eq!(got[2].1.len(), 2, "{:?}", got[2]);
        assert!(got[2].1[1].starts_with("配合单位=市财政局"), "{:?}", got[2]);
    }

    /// Labels after a clause's first sentence that a wrap cut, inside a
    /// value or a label, are read joined with the line under it; a
    /// sentence under the line that opens a paragraph of its own is not
    /// joined.
    #[test]
    fn labels_after_a_stop_cut_by_a_wrap() {
        let doc = "某市人民政府办公室关于做好重点工作的通知\n某政办发〔2022〕12号\n各县区人民政府：\n　　1.开展专项清理。牵头单位：市文\n旅广电局 完成时限：2020年6月底前\n　　2.开展专项整治。牵头单位：市交通运输局 完成时\n限：长期坚持\n　　3.开展专项检查。牵头单位：市文\n　　旅广电局要加强督导。\n某市人民政府办公室\n2022年3月1日\n";
        let got = texts_and_fields(doc);
        assert_eq!(got[0].0, "开展专项清理。");
        assert_eq!(
            got[0].1,
            ["牵头单位=市文旅广电局", "完成时限=2020年6月底前"]
        );
        assert_eq!(got[1].0, "开展专项整治。");
        assert_eq!(got[1].1, ["牵头单位=市交通运输局", "完成时限=长期坚持"]);
        assert!(got[2].1.is_empty(), "{:?}", got[2]);
    }

    /// A label with no value goes on only over a value of its kind, and
    /// labels after a stop are fields only where each piece is a label
    /// whose value fits it.
    #[test]
    fn labels_take_only_values_that_fit() {
        let doc = "某市人民政府办公室关于做好重点工作的通知\n某政办发〔2022〕12号\n各县区人民政府：\n　　1.推行企业登记全程电子化。\n　　牵头单位：市市场监管局\n　　完成时限：\n　　各县区要按月报送工作进展情况。\n　　2.压减企业开办时间。\n　　配合单位：\n　　各县区人民政府，要加强窗口建设，确保按时完成任务。\n　　3.组织机构。主办单位：某区人民政府；承办单位：区文化旅游体育局。\n　　4.活动内容。各单位要结合实际开展活动。实施单位：各乡镇要组织群众积极参与。\n　　5.优化审批。牵头单位：市政务服务局；完成时限：2022年6月底前\n某市人民政府办公室\n2022年3月1日\n";
        let p = crate::parse(doc, "a.txt", &Lexicon::builtin());
        let fields: Vec<Vec<String>> = p.documents[0]
            .clauses
            .iter()
            .map(|c| {
                c.fields
                    .iter()
                    .map(|f| format!("{}={}", f.0, f.1))
                    .collect()
            })
            .collect();
        assert_eq!(fields[0], ["牵头单位=市市场监管局", "完成时限="]);
        assert_eq!(fields[1], ["配合单位="]);
        assert!(fields[2].is_empty(), "{:?}", fields[2]);
        assert!(fields[3].is_empty(), "{:?}", fields[3]);
        assert_eq!(
            fields[4],
            ["牵头单位=市政务服务局", "完成时限=2022年6月底前"]
        );
        // Two labels after stops, each closed by a stop of its own.
        let doc = "某市人民政府办公室关于做好重点工作的通知\n某政办发〔2022〕12号\n各县区人民政府：\n（一）打好蓝天保卫战。PM2.5平均浓度控制在35微克/立方米以下。牵头单位：市生态环境局。配合单位：各县区人民政府。\n某市人民政府办公室\n2022年3月1日\n";
        let p = crate::parse(doc, "a.txt", &Lexicon::builtin());
        let c = &p.documents[0].clauses[0];
        assert_eq!(
            c.text,
            "打好蓝天保卫战。PM2.5平均浓度控制在35微克/立方米以下。"
        );
        let labels: Vec<&str> = c.fields.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(labels, ["牵头单位", "配合单位"]);
    }

    /// An empty label at a line's end takes the lines under it, up to the
    /// next label, as its value when they join into a list of units,
    /// whatever name the wrap cut (公司 alone reads as an organ signing); a
    /// sentence under it stays text.
    #[test]
    fn an_empty_labels_value_wrapped_over_lines() {
        let doc = "某市人民政府办公室关于做好重点工作的通知\n某政办发〔2022〕12号\n各县区人民政府：\n1.完善污水管网。新建管网20公里。\n牵头单位：市住房城乡建设局　　责任单位：\n各城区人民政府，某市水务投资集团有限责任\n公司\n完成时限：2022年12月底前\n2.整治排水口。开展排查整治。\n牵头单位：市生态环境局　　责任单位：\n各城区要建立工作台账，确保按时完成任\n务。\n某市人民政府办公室\n2022年3月1日\n";
        let got = texts_and_fields(doc);
        let want = [
            "牵头单位=市住房城乡建设局",
            "责任单位=各城区人民政府，某市水务投资集团有限责任公司",
            "完成时限=2022年12月底前",
        ];
        let first = (got[0].0.as_str(), got[0].1.as_slice());
        assert_eq!(
            first,
            (
                "完善污水管网。新建管网20公里。",
                &want.map(String::from)[..]
            )
        );
        assert_eq!(got[1].1, ["牵头单位=市生态环境局", "责任单位="]);
    }

    /// A deadline's line filling the width, cut after its head already
    /// reads as a date (完成时限：2023年6月完成招标，汛 / 期前完工), goes on
    /// on the next line; a sentence under it, no deadline with it, stays
    /// the clause's text.
    #[test]
    fn a_deadline_cut_where_its_line_fills_the_width() {
        let src = include_str!("../../tests/cases/zm-deadline-cut-after-date.txt");
        let first_item = |doc: &str| {
            let p = crate::parse(doc, "a.txt", &Lexicon::builtin());
            let c = &p.documents[0].clauses[0].children[0];
            let fields: Vec<String> = c
                .fields
                .iter()
                .map(|f| format!("{}={}", f.0, f.1))
                .collect();
            (c.text.clone(), fields)
        };
        let (text, fields) = first_item(src);
        assert!(!text.contains("期前完工"), "{text}");
        assert_eq!(fields[1], "完成时限=2023年6月完成招标，汛期前完工");
        let sentence = src.replace(
            "汛\n期前完工",
            "汛\n期前完工，同步开展沿街立面整治和绿化补植工作。",
        );
        let (text, fields) = first_item(&sentence);
        assert!(text.contains("期前完工，同步开展"), "{text}");
        assert_eq!(fields[1], "完成时限=2023年6月完成招标，汛");
    }

    /// A value's line that reaches the width a document was cut at goes on
    /// over the line under it at the margin whatever it ends with (…财政局； /
    /// 各县（市、区）人民政府); one short of the width, closed by its stop, or
    /// a line under it that opens a clause, ends the value.
    #[test]
    fn a_value_cut_right_after_its_stop_goes_on() {
        let src = include_str!("../../tests/cases/zn-label-value-cut-after-stop.txt");
        let fields = |doc: &str, k: usize| {
            let p = crate::parse(doc, "a.txt", &Lexicon::builtin());
            let c = &p.documents[0].clauses[0].children[k];
            (c.text.clone(), c.fields.clone())
        };
        let (text, f) = fields(src, 0);
        assert!(!text.contains("长期坚持"), "{text}");
        assert_eq!(
            f[1].1,
            "市人社局、市民政局、市医保局、财政局；各县（市、区）人民政府"
        );
        assert_eq!(f[2].1, "2021年6月30日前完成补偿金发放；长期坚持跟踪帮扶");
        let (_, f) = fields(src, 1);
        assert_eq!(f[1].1, "2021年12月底前完成。");
        // (Short of the width, the stop closes the value.)
        let short = src.replace("完成补偿金发放；\n", "完成发放；\n");
        let (text, f) = fields(&short, 0);
        assert!(text.contains("长期坚持跟踪帮扶"), "{text}");
        assert_eq!(f[2].1, "2021年6月30日前完成发放；");
    }

    /// A roster line at the margin (组　长：…) is no wrapped line of the
    /// lead-in above it, stopped or not.
    #[test]
    fn a_key_and_value_at_the_margin_stands_alone() {
        let doc = "某市人民政府办公室关于成立某市第七次全国人口普查领导小组的通知\n各县区人民政府，市政府各部门：\n　　为加强对全市第七次全国人口普查工作的组织领导，市政府决定成立领导小组，组成人员如下\n组　长：张　三　市委副书记、市长\n副组长：李　四　副市长\n某市人民政府办公室\n2021年4月3日\n";
        let p = crate::parse(doc, "a.txt", &Lexicon::builtin());
        let first = &p.documents[0].preamble[0].text;
        assert!(!first.contains("组　长"), "{first}");
    }

    /// A quantity opens the line: a share, a multiple or a sum in figures, a
    /// fraction in words; not a year, a count or an item's number.
    #[test]
    fn a_line_opens_with_a_quantity() {
        for t in [
            "60%；",
            "1.5倍配置。",
            "百分之二十；",
            "三分之一以上",
            "5万元以下罚款。",
            "2个百分点",
        ] {
            assert!(opens_with_quantity(t), "{t}");
        }
        for t in [
            "2022年底前完成。",
            "3个工作日内办结。",
            "1.建立台账。",
            "二、三级医院",
            "百姓安居",
            "%",
        ] {
            assert!(!opens_with_quantity(t), "{t}");
        }
    }

    /// A line stopped on a word a quantity follows goes on over the
    /// quantity under it, the heading cut from the joined sentence; the
    /// same word over a line opening otherwise stands.
    #[test]
    fn a_line_stopped_before_its_quantity_goes_on() {
        let got = clauses(concat!(
            "（一）家庭人均月收入低于上年度本市城镇居民人均可支配收入的\n60%；\n",
            "（二）新建停车场配建充电设施的停车位比例不低于\n百分之二十；\n",
            "（三）明确工作目的\n2022年起，各地要建立台账。\n",
            "（四）每户补贴面积不超过\n50平方米；\n",
            "（五）存在的不足\n2021年以来，我市工作仍有短板。\n",
        ));
        assert_eq!(
            got[0].1,
            "家庭人均月收入低于上年度本市城镇居民人均可支配收入的60%；"
        );
        assert_eq!(
            got[1].1,
            "新建停车场配建充电设施的停车位比例不低于百分之二十；"
        );
        assert_eq!(got[2].1, "明确工作目的\n2022年起，各地要建立台账。");
        assert_eq!(got[3].1, "每户补贴面积不超过50平方米；");
        // A year under a comparison opens a sentence of its own.
        assert_eq!(got[4].1, "存在的不足\n2021年以来，我市工作仍有短板。");
    }

    /// A full wrapped line at the margin ends its paragraph over a line
    /// opening with the indentation the wrapped lines lack; over a comma
    /// the sentence goes on.
    #[test]
    fn an_indented_line_under_a_wrapped_one_opens_a_paragraph() {
        let got = clauses(concat!(
            "　　1.《某市人民政府关于加强散装水泥管理\n",
            "工作的通知》（某府〔2012〕77号）\n",
            "　　本决定自公布之日起施行。\n",
            "　　2.各县区要严格落实属地管理责任，层层\n",
            "签订责任书，\n",
            "　　把责任落实到人。\n",
        ));
        assert_eq!(got[0].1, "《某市人民政府关于加强散装水泥管理工作的通知》（某府〔2012〕77号）\n本决定自公布之日起施行。");
        assert_eq!(
            got[1].1,
            "各县区要严格落实属地管理责任，层层签订责任书，把责任落实到人。"
        );
    }

    /// An inline label's value cut by a wrap at the clause's end goes on
    /// over its rest: a deadline's day or end word with the closing stop,
    /// or the stop alone.
    #[test]
    fn an_inline_values_rest_closes_it() {
        let doc = "某市人民政府办公室关于做好重点工作的通知\n某政办发〔2022〕12号\n各县区人民政府：\n　　1.推进平台建设。责任单位：各区人民政府；完成时限：2022年12月底\n前。\n　　2.燃气安全监管。责任单位：市住房城乡建设局\n。\n　　3.消防安全监管。完成时限：2022年11月\n15日前。\n某市人民政府办公室\n2022年3月1日\n";
        let got = texts_and_fields(doc);
        assert_eq!(got[0].0, "推进平台建设。");
        assert_eq!(
            got[0].1,
            ["责任单位=各区人民政府", "完成时限=2022年12月底前。"]
        );
        assert_eq!(got[1].0, "燃气安全监管。");
        assert_eq!(got[1].1, ["责任单位=市住房城乡建设局。"]);
        assert_eq!(got[2].1, ["完成时限=2022年11月15日前。"]);
    }
}
