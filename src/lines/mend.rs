//! Lines above mended once a line shows how a fixed-width wrap cut them. A
//! header that runs a title into its number and addressees (…的决定拉政发
//! 〔2006〕20号各县…：) is split where its line is read; cut by a wrap inside
//! the number, its code or its first addressee, the first line alone does
//! not show the cut, the next one does. Each repair here cuts a line already
//! recognised (`cut_line`) and says where the rest of a cut number ends on
//! the line being read.

use super::{split, Kind, Line};
use crate::docnum;
use crate::lexicon::Lexicon;
use crate::text;

/// Mends the lines above `line` (not yet in `out`) where it completes what
/// a wrap cut, and returns where the rest of a cut number ends on it, when
/// it opens with one (…的决定某政发〔2 / 006〕20号各县…：). `numbers`: the
/// document numbers on `line`; `genre_cut`: the line opens with the tail of
/// a genre word, read by `split::genre_cut` instead.
pub(super) fn above(
    out: &mut Vec<Line<'_>>,
    line: &Line,
    numbers: &[docnum::Found],
    genre_cut: bool,
    lex: &Lexicon,
) -> Option<usize> {
    let t = line.text();
    // The last line of `out` is a title's, right above source line `under`
    // (what a cut number's first half runs into, or the title's line above
    // that).
    let fragment_over = |out: &[Line], under: usize| {
        out.last()
            .is_some_and(|p| p.is_title_fragment() && p.line() + 1 == under)
    };
    let title_above = |out: &[Line]| fragment_over(out, line.line());
    // A name in 《》 cut by a wrap before its 》, which opens this line (an
    // order's promulgating sentence, 《某市人民政府关于修改〈…〉的决定 / 》已经
    // …审议通过，现予公布; a title, 关于印发《某市实施方案 / 》的通知): whatever
    // the line above is, it ends nothing, the name going on over this one.
    if t.starts_with('》') {
        if let Some(p) = out.last_mut().filter(|p| {
            p.adjoins(line) && p.is_title_end() && super::title::quote_left_open(p.text())
        }) {
            p.mark_code_head();
        }
    }
    // The next document's title run into the last sentence of a line
    // (特此通知。某市人民政府关于…的批复, …排查。（市交通运输局负责）某市…的
    // 批复), its addressees on this line, right under it or under its number:
    // that line is cut before the title. (Not a title the text above names:
    // the document a 转发 notice prints whole, 现将《…》转发给你们…。《…》's
    // title; nor a title over a number alone, an entry of a list of
    // documents, 决定废止以下文件。某市人民政府关于…的通知 / 某政发〔2015〕3号.)
    if line.is_addressee() {
        let n = out.len();
        let at = match out.last() {
            Some(p) if p.is_number() && p.adjoins(line) => n.checked_sub(2),
            _ => n.checked_sub(1),
        };
        let k = at.and_then(|at| {
            let p = &out[at];
            let under = out.get(at + 1).map_or(line.line(), |u| u.line());
            (p.line() + 1 == under && !p.is_title_fragment() && !p.is_title_end())
                .then(|| split::title_after_stop(p.text(), lex))
                .flatten()
                .filter(|&k| !named_above(&out[..=at], k))
                .map(|k| (at, k))
        });
        if let Some((at, k)) = k {
            split_line(out, at, k, lex);
        }
    }
    // A number opening the line above, the head of its title's organ after
    // it, which this line completes before its 关于 (某市发〔2022〕3号中共某市
    // 委 某市人 / 民政府关于…): the line above is cut after the number.
    if line.is_title_fragment() && Lexicon::contains_any(&lex.about, t) {
        let head = out.last().filter(|p| {
            p.adjoins(line)
                && p.is_title_fragment()
                && p.may_hold_hao()
                && p.text().chars().take(12).any(docnum::is_year_open)
        });
        let cut = head.and_then(|p| {
            let numbers = docnum::numbers_in(p.text());
            split::number_before_title(p.text(), &numbers, t, lex)
        });
        if let Some(end) = cut {
            split_line(out, out.len() - 1, end, lex);
        }
    }
    // A title's number in brackets cut by a wrap between them (…的通知（汴政
    // 〔2021 / 〕9号）各县…：): the title's line is cut before its bracket, and
    // this line after its close.
    if !genre_cut && title_above(out) {
        // (The title's lines above it, at most two.)
        let n = out.len();
        let mut first = n - 1;
        while first + 3 > n && first > 0 && fragment_over(&out[..first], out[first].line()) {
            first -= 1;
        }
        let mut above = [""; 2];
        for (a, l) in above.iter_mut().zip(&out[first..n - 1]) {
            *a = l.text();
        }
        let above = &above[..n - 1 - first];
        if let Some((open, end)) = split::bracket_cut(out[n - 1].text(), t, above, lex) {
            if open > 0 {
                cut_line(out, out.len() - 1, open, lex);
            }
            return Some(end);
        }
    }
    // A title run into its addressees, their colon alone on this line
    // (…的批复某市人民政府 / ：): the line above is cut after the title. (A
    // number between them is read below: …的批复某政函〔2020〕46号某市某局 / ：.)
    if t.chars().all(text::is_colon) {
        let plain = |p: &&Line| p.adjoins(line) && !p.is_addressee() && !p.may_hold_hao();
        if let Some(p) = out.last().filter(plain) {
            let above = fragment_over(&out[..out.len() - 1], p.line());
            let k = split::title_addressees(&[p.text(), t].concat(), above, lex)
                .filter(|&k| k < p.text().len());
            if let Some(k) = k {
                split_line(out, out.len() - 1, k, lex);
            }
        }
    }
    // An issuer's code cut by a wrap, its head run into the title above
    // (…的实施意见嘉政 / 发[2013]21号…): the line above is cut before it.
    if !numbers.is_empty() && title_above(out) {
        let (rest, p) = out.split_at(out.len() - 1);
        let above = fragment_over(rest, p[0].line());
        let k = split::code_cut(p[0].text(), t, numbers, false, above, lex);
        if let Some(k) = k {
            cut_line(out, out.len() - 1, k, lex);
        }
    }
    // … or with the number alone on its line, the addressees on this one
    // (…的通报泰 / 政办字〔2008〕56号 / 各县、市、区人民政府，…：), their list
    // opening it and wrapped (…的通知九府 / 办发〔2020〕21号 / 各县(市、区)人民
    // 政府,某开发区、某风景 / 名胜区管委会,…:), or the date in brackets a
    // collection prints under a title (…的实施意见同 / 发〔2021〕21号 /
    // （2021年8月16日）).
    let opens_list = || {
        let t = text::trim(line.text());
        let first = t.split(text::is_list_sep).next().unwrap_or("");
        first.len() < t.len()
            && !t.contains(['。', '；', ';', '！', '？'])
            && crate::lines::header::names_addressee(first, lex)
    };
    let dated = || line.is_note() && crate::lines::header::bracket_date(t, lex);
    let listed = || line.is_title_fragment() && opens_list();
    if (line.is_addressee() || dated() || listed()) && out.len() >= 2 {
        let (title, n) = (&out[out.len() - 2], &out[out.len() - 1]);
        let k = (title.is_title_fragment()
            && title.line() + 1 == n.line()
            && n.is_number()
            && n.line() + 1 == line.line())
        .then(|| {
            split::code_cut(
                title.text(),
                n.text(),
                &docnum::numbers_in(n.text()),
                true,
                fragment_over(&out[..out.len() - 2], title.line()),
                lex,
            )
        })
        .flatten();
        if let Some(k) = k {
            cut_line(out, out.len() - 2, k, lex);
        }
    }
    // A title run into its number and the head of its first addressee,
    // which this line completes up to its colon (…的批复玉政复〔2008〕31号澄 /
    // 江县人民政府：): the line above is split as it would have been whole.
    // So is a number opening the line above, cut off a genre word's tail
    // (…的批 / 复 益政函〔2021〕56号 市住房和城乡建 / 设局：), or with its
    // addressees after a space, their list ended on this line (…78号 各县（市、
    // 特区、区）人民政府，… / 各有关单位：).
    // (Its 号 seen first; the number parsed last, for a line with a colon.)
    // (Not the rest of a number in brackets a wrap cut, its head on the line
    // above it: …的通知（ / 某政〔2021〕8号）.)
    let bracket_rest = |p: &Line| {
        p.text().ends_with(docnum::is_number_close)
            && out.len() >= 2
            && out[out.len() - 2]
                .text()
                .starts_with(docnum::is_number_open)
            && !out[out.len() - 2].text().contains(docnum::is_number_close)
    };
    let numbered_above = out
        .last()
        .filter(|p| p.line() + 1 == line.line() && (p.is_number() || p.may_hold_hao()));
    let number_above = |p: &Line| {
        p.is_number()
            || p.text().chars().take(12).any(docnum::is_number_open)
                && docnum::numbers_in(p.text())
                    .first()
                    .is_some_and(|f| f.range.start == 0)
    };
    let title = title_above(out);
    // (Or the list goes on past this line to a colon further down: …15号 越城 /
    // 区、柯桥区、上虞区人民政府，市政府各部门、各单 / 位：; this line holds a
    // separator and no stop, under a line that holds a number and after it
    // a few ideographs alone, a name's head: not …31号 各县(市、区)人民政 /
    // 府,…,市直有关单位 / :, whose list is read as before.)
    let list_goes_on = || {
        numbered_above.is_some_and(|p| {
            let after = p
                .text()
                .rsplit_once(['号', '號'])
                .map_or("", |(_, a)| text::trim(a));
            !after.is_empty() && text::chars_at_most(after, 6) && after.chars().all(text::is_han)
        }) && t.contains(text::is_list_sep)
            && !t.contains(['。', '；', ';', '！', '？'])
    };
    if (title || numbered_above.is_some())
        && (text::first_colon(t).is_some() || list_goes_on())
        && (title || numbered_above.is_some_and(number_above))
    {
        let pieces = out
            .last()
            .filter(|p| p.may_hold_hao() && !bracket_rest(p))
            .and_then(|p| {
                let numbers = docnum::numbers_in(p.text());
                let under_title = out.len() >= 2 && out[out.len() - 2].kind() == Kind::TitleEnd;
                split::run_on_number(&p.unit(), numbers, under_title, Some(t), lex)
            });
        if let Some(pieces) = pieces {
            let hao = out.pop().is_some_and(|p| p.may_hold_hao());
            let at = out.len();
            for p in pieces {
                for piece in split::run_on(&p, lex).unwrap_or_else(|| vec![p]) {
                    out.push(Line::piece(piece, hao, lex));
                }
            }
            // (The number alone now, its code's head may stand on the
            // title's line above: …的批复郴 / 政函〔2020〕46号郴州市自然资源和规 /
            // 划局：.)
            if at > 0 && out[at].is_number() && fragment_over(&out[..at], out[at].line()) {
                let above = fragment_over(&out[..at - 1], out[at - 1].line());
                let n = &out[at];
                let k = split::code_cut(
                    out[at - 1].text(),
                    n.text(),
                    &docnum::numbers_in(n.text()),
                    true,
                    above,
                    lex,
                );
                if let Some(k) = k {
                    cut_line(out, at - 1, k, lex);
                }
            }
        }
    }
    // … or with the rest alone on its line, the addressees on this one
    // (…的命令十政发[2008 / ]35号 / 各县市区人民政府,…:): the title's line is
    // cut before the first half. (Or the addressees wrapped, their colon
    // further down: …27 / 号 / 信州区、广丰区、广信区人民政府,上饶经开 / 区、…:.)
    if (line.is_addressee() || line.is_title_fragment()) && out.len() >= 2 {
        let n = out.len();
        let (first, rest) = (&out[n - 2], &out[n - 1]);
        let cut = (first.is_title_fragment()
            && first.line() + 1 == rest.line()
            && rest.line() + 1 == line.line()
            && (line.is_addressee() || opens_list()))
        .then(|| {
            let above = fragment_over(&out[..n - 2], first.line());
            split::cut_inside_number(first.text(), above, lex)
        })
        .flatten()
        .filter(|&cut| {
            let r = text::trim(rest.text());
            split::rest_of_number(&first.text()[cut..], r) == Some(r.len())
        });
        if let Some(cut) = cut {
            cut_line(out, n - 2, cut, lex);
        }
    }
    // The rest of a number a wrap cut inside, the first half run into the
    // title above (…的决定某政发〔2 / 006〕20号各县…：), addressees after it:
    // the line above is cut before the first half (unless a cut after the
    // year's bracket did so already); the caller cuts this one after the
    // rest.
    let rest_end = match out.last() {
        Some(prev) if !genre_cut && prev.line() + 1 == line.line() => {
            let above_prev = out.len() >= 2 && {
                let pp = &out[out.len() - 2];
                pp.is_title_fragment() && pp.line() + 1 == prev.line()
            };
            let cut = split::cut_inside_number(prev.text(), above_prev, lex);
            let half = &prev.text()[cut.unwrap_or(0)..];
            // (Or the rest alone on this line, cut off a title's line: a
            // document without addressees, 通告, 公告, …的通告哈政通〔 /
            // 2020〕2号.)
            // (At a document's start: the file's, after a blank line, a date
            // or the 版记; a line of text above is a sentence citing it.)
            // (Or after a paragraph that closed, the title opening with its
            // organ and 关于: …落到实处。 / 某市人民政府关于…的通告漯政〔2 / 020〕25号;
            // not an item of a list the paragraph announces, …废止下列规范性文件。.)
            let issued = || {
                let head = &prev.text()[..cut.unwrap_or(0)];
                Lexicon::find_any(&lex.about, head)
                    .is_some_and(|(at, _)| at > 0 && lex.organ_ending(&head[..at]).is_some())
            };
            // (Its last sentence, not one before it: …现就有关事项通知如下。各县区要….)
            let announces = |t: &str| {
                let last = t.trim_end_matches('。').rsplit('。').next().unwrap_or("");
                ["下列", "如下", "以下"].iter().any(|w| last.contains(w))
            };
            let starts = || match out.len().checked_sub(2).map(|k| &out[k]) {
                None => true,
                Some(pp) => {
                    pp.line() + 1 < prev.line()
                        || pp.is_date()
                        || pp.is_colophon()
                        || pp.text().ends_with('。') && !announces(pp.text()) && issued()
                }
            };
            let alone = || {
                let whole = t.trim_end_matches(text::is_space).len();
                (cut.is_some() && prev.is_title_fragment() && starts())
                    .then(|| split::rest_of_number(half, t))
                    .flatten()
                    .filter(|&k| k == whole)
            };
            split::number_rest(half, t)
                .filter(|&k| split::addressees_follow(&t[k..], lex))
                .or_else(alone)
                .map(|k| (cut, k))
        }
        _ => None,
    };
    if let Some((Some(cut), _)) = rest_end {
        cut_line(out, out.len() - 1, cut, lex);
    }
    rest_end.map(|(_, k)| k)
}

/// Cuts line `at` of `out` in two at byte `k` of its text (a number's first
/// half, or its code's head, a wrap left on the title's line, read once the
/// lines under it show the rest). The second piece ends no title, though a
/// code may end with a genre word (…的函 / 绥政办函).
fn cut_line(out: &mut Vec<Line<'_>>, at: usize, k: usize, lex: &Lexicon) {
    if split_line(out, at, k, lex) == 2 {
        out[at + 1].mark_code_head();
    }
}

/// Splits line `at` of `out` in two at byte `k` of its text, each piece
/// recognised anew (trimmed; an empty one dropped): how many pieces are
/// left in its place.
/// The lines read before a title run into the last of them, at byte `k`
/// of it, hold its text (a 转发 title or sentence naming the document
/// printed after it). Only the last [`NAMED_ABOVE_LINES`] lines are read.
fn named_above(lines: &[Line], k: usize) -> bool {
    let Some((last, above)) = lines.split_last() else {
        return false;
    };
    let title = text::trim(&last.text()[k..]);
    let from = above.len().saturating_sub(NAMED_ABOVE_LINES);
    let mut read: String = above[from..].iter().map(|l| l.text()).collect();
    read.push_str(&last.text()[..k]);
    text::squash(&read).contains(text::squash(title).as_str())
}

/// How far above a title run into a sentence [`named_above`] looks for
/// its name.
const NAMED_ABOVE_LINES: usize = 40;

fn split_line(out: &mut Vec<Line<'_>>, at: usize, k: usize, lex: &Lexicon) -> usize {
    let (p, hao) = (out[at].unit(), out[at].may_hold_hao());
    let pieces: Vec<Line> = [p.sub(0, k), p.sub(k, p.text().len())]
        .into_iter()
        .flatten()
        .map(|piece| Line::piece(piece, hao, lex))
        .collect();
    let n = pieces.len();
    out.splice(at..=at, pieces);
    n
}
