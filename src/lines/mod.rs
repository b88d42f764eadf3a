//! The typed-line pass: every unit is recognised once, here, and the later
//! stages (`segment`, which finds where documents start, and `build`, which
//! makes one document's record) decide on the kinds and features of lines
//! and on their context, never on the text again.
//!
//! A [`Line`] is a [`Unit`] with what the grammar recognised in it: a clause
//! marker, a whole document number, a date, a task label, addressees, a
//! title fragment or title end, a passage note, a signature, web-page
//! furniture. Each recogniser lives in one file of this module:
//!
//! | family | file | recognises |
//! |---|---|---|
//! | title | `title.rs` | title fragments and ends, passage notes, transmittal titles |
//! | header | `header.rs` | addressees, labelled numbers (发文字号：…), page metadata numbers, wrapped addressees |
//! | furniture | `furniture.rs` | web-page furniture, page-footer lines, header elements the footer never takes |
//! | split | `split.rs` | elements run together on one line (title + number, signature + date, 第X条 after a heading) |
//! | body | `body.rs` | notes in brackets, the 版记 (抄送, 印发), contents leaders, attachment lists, signatures, markers run into text |
//!
//! The grammar of markers (`marker`), numbers (`docnum`), dates
//! (`normalize::date`) and labels (`Lexicon::label_at`) are the nom and
//! table parsers these recognisers compose.

pub mod body;
pub mod furniture;
pub mod header;
mod mend;
pub mod split;
pub mod title;

use std::ops::Deref;

use crate::docnum::{self, DocNumber};
use crate::lexicon::Lexicon;
use crate::marker::{self, Marker};
use crate::normalize::date::{self, is_date_line};
use crate::normalize::numeral;
use crate::organs;
use crate::text;
use crate::unit::Unit;

/// The kind a line is read as when nothing around it says otherwise (the
/// first of its features in this order). The builder and `segment` read the
/// features themselves: a title end may turn out to be an enclosed
/// document's title, a marker line a table-of-contents entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A document number and nothing else (石党发〔2020〕1号).
    Number,
    /// A date and nothing else (2020年3月10日): a 成文日期.
    Date,
    /// Opens with a task label (牵头单位：…).
    Label,
    /// Opens with a clause marker (一、 / （一） / 第一条 …).
    Marker,
    /// Addressees closed by a colon (各县区委、政府：).
    Addressees,
    /// The note under a regulation's title: （2019年5月30日…通过）.
    PassageNote,
    /// The 版记: 抄送：…, or the printing line (…2019年3月29日印发).
    Colophon,
    /// A note wholly in brackets: （此件公开发布）.
    Note,
    /// The last line of a title: a fragment ending with a genre word.
    TitleEnd,
    /// A line that may be part of a title (no sentence punctuation).
    TitleFragment,
    /// A signature: an organ's name alone (石嘴山市人民政府).
    Signature,
    /// Anything else: sentences, the text of clauses.
    Text,
}

/// A unit with what the grammar recognised in it, computed once.
#[derive(Debug, Clone)]
pub struct Line<'t> {
    unit: Unit<'t>,
    kind: Kind,
    /// The marker at the start, read without decimal numbering.
    marker: Option<Marker>,
    /// Read with decimal numbering (`1 总则`, `1.1总则`), kept only where it
    /// differs from `marker` (lines that start with a digit): `Some(reading)`,
    /// boxed whole so that the field takes one word.
    decimal: Option<Box<Option<Marker>>>,
    number: Option<Box<DocNumber>>,
    /// What else was recognised, one bit each ([`Flags`]): a file's lines
    /// are held whole while its documents are built, so a line is kept small.
    flags: Flags,
}

/// The yes/no features of a [`Line`], packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Flags(u16);

impl Flags {
    const DATE: u16 = 1;
    const LABEL: u16 = 1 << 1;
    const TITLE_FRAGMENT: u16 = 1 << 2;
    const TITLE_END: u16 = 1 << 3;
    const ADDRESSEE: u16 = 1 << 4;
    const PASSAGE_NOTE: u16 = 1 << 5;
    const PORTAL: u16 = 1 << 6;
    const SIGNATURE: u16 = 1 << 7;
    const COLOPHON: u16 = 1 << 8;
    const NOTE: u16 = 1 << 9;
    /// The line may hold 号 or 號: unset only where the text it was cut
    /// from was searched and held neither (so no number is cited on it).
    const HAO: u16 = 1 << 10;
    /// A printed page's furniture (its number or running head), taken
    /// out, stands between the line and the one kept above it, and nothing
    /// else: the two adjoin on the printed page ([`Line::adjoins`]).
    const PAGE_ABOVE: u16 = 1 << 11;
    /// A web page's furniture (its navigation, metadata or tools), taken
    /// out, stands between the line and the one kept above it: the two are
    /// apart on the page, however few lines part them.
    const WEB_ABOVE: u16 = 1 << 12;
    /// A seal's note (（印章）, one for each organ on a line), or a piece of
    /// one a wrap cut: the signature's.
    const SEAL: u16 = 1 << 13;
    /// The flags a line keeps when it is read as another kind.
    const KEPT: u16 = Flags::HAO | Flags::PAGE_ABOVE | Flags::WEB_ABOVE;

    /// The flags of `set`: each a flag and whether it holds.
    fn of(set: &[(u16, bool)]) -> Flags {
        Flags(set.iter().filter(|(_, on)| *on).fold(0, |f, (b, _)| f | b))
    }

    fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }

    fn with(self, bit: u16, on: bool) -> Flags {
        Flags(if on { self.0 | bit } else { self.0 & !bit })
    }
}

impl<'t> Deref for Line<'t> {
    type Target = Unit<'t>;
    fn deref(&self) -> &Unit<'t> {
        &self.unit
    }
}

impl<'t> Line<'t> {
    /// Recognises `u`: the one place each feature of a line is computed.
    pub fn classify(u: Unit<'t>, lex: &Lexicon) -> Line<'t> {
        let t = u.text();
        // (An item closed by a bracket alone, 1）, counts at a unit's start
        // only.)
        let marker = marker::marker(t, false).or_else(|| marker::closed_num(t));
        let digit_start = t.trim_start_matches('*').starts_with(text::is_digit);
        let decimal = if digit_start {
            let d = marker::marker(t, true).or_else(|| marker::closed_num(t));
            (d != marker).then(|| Box::new(d))
        } else {
            None
        };
        let number = docnum::whole(t)
            .or_else(|| {
                // Every number ends so: most lines are answered here.
                t.trim_end_matches(text::is_space)
                    .ends_with(['号', '號'])
                    .then(|| header::number_after_front_matter(t, lex, false))
                    .flatten()
            })
            .or_else(|| header::number_before_marks(t, lex))
            .map(Box::new);
        let date = is_date_line(t);
        let label = lex.label_at(t).is_some();
        let addressee = !label && marker.is_none() && header::is_addressee_text(t, lex);
        // (A 主送 line closed by its colon heads the text: addressees, not
        // the 版记's.)
        let colophon = !addressee && body::is_colophon(t, lex);
        // A line letter-spaced throughout (a scanned page's title, 关 于 印 发
        // …的 通 知), or in runs (某市人民政府关 于 加 快 …), is read as a
        // title's line without those spaces. (Only a line that may be a
        // title's is read so: no 版记 line, no sentence's stop.)
        let spaced = (!colophon && !title::has_sentence_punct(t))
            .then(|| text::spaced_reading(t))
            .flatten();
        let title_text = spaced.as_deref().unwrap_or(t);
        // (A 版记 line, …2021年3月31日印发, is no part of the title under it.)
        let title_fragment = !colophon
            && title::is_fragment(
                title_text,
                title::Excluded {
                    marker: marker.is_some(),
                    label,
                    date,
                    number: number.is_some(),
                },
                lex,
            );
        let title_end = title_fragment && title::ends_title(title_text, lex);
        let passage_note = title::is_passage_note(t, lex);
        let portal = lex.is_portal(t);
        let signature = organs::is_signature_text(t, lex);
        let note = body::is_bracketed_note(t);
        let seal = note && body::is_seal_note(t, lex);
        let kind = if number.is_some() {
            Kind::Number
        } else if date {
            Kind::Date
        } else if label {
            Kind::Label
        } else if marker.is_some() {
            Kind::Marker
        } else if addressee {
            Kind::Addressees
        } else if passage_note {
            Kind::PassageNote
        } else if colophon {
            Kind::Colophon
        } else if note {
            Kind::Note
        } else if title_end {
            Kind::TitleEnd
        } else if signature {
            Kind::Signature
        } else if title_fragment {
            Kind::TitleFragment
        } else {
            Kind::Text
        };
        Line {
            unit: u,
            kind,
            marker,
            decimal,
            number,
            flags: Flags::of(&[
                (Flags::DATE, date),
                (Flags::LABEL, label),
                (Flags::TITLE_FRAGMENT, title_fragment),
                (Flags::TITLE_END, title_end),
                (Flags::ADDRESSEE, addressee),
                (Flags::PASSAGE_NOTE, passage_note),
                (Flags::PORTAL, portal),
                (Flags::SIGNATURE, signature),
                (Flags::COLOPHON, colophon),
                (Flags::NOTE, note),
                (Flags::SEAL, seal),
                (Flags::HAO, true),
            ]),
        }
    }

    /// Every unit of `src` recognised (tests and tools).
    pub fn all(src: &'t str, lex: &Lexicon) -> Vec<Line<'t>> {
        Unit::all(src)
            .into_iter()
            .map(|u| Line::classify(u, lex))
            .collect()
    }

    /// A piece of a split line, recognised, with the line's 号 flag.
    fn piece(u: Unit<'t>, hao: bool, lex: &Lexicon) -> Line<'t> {
        let mut l = Line::classify(u, lex);
        l.flags = l.flags.with(Flags::HAO, hao);
        l
    }

    pub fn unit(&self) -> Unit<'t> {
        self.unit
    }

    /// The line may hold 号 or 號 (see `docnum::has_hao`); false only when
    /// it surely holds neither.
    pub fn may_hold_hao(&self) -> bool {
        self.flags.has(Flags::HAO)
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The line read as opening with `m`, a marker the lines around it
    /// confirm ([`marker::ocr_one`]): a marker's line, no addressee or
    /// title's line.
    fn read_as_item(&mut self, m: Marker) {
        self.marker = Some(m);
        self.decimal = None;
        self.kind = Kind::Marker;
        self.flags = self
            .flags
            .with(Flags::ADDRESSEE, false)
            .with(Flags::TITLE_FRAGMENT, false)
            .with(Flags::TITLE_END, false);
    }

    /// The clause marker at the start; `decimal_mode` for a document whose
    /// sections are numbered 1.1, 1.2 ….
    pub fn marker(&self, decimal_mode: bool) -> Option<&Marker> {
        match &self.decimal {
            Some(d) if decimal_mode => d.as_ref().as_ref(),
            _ => self.marker.as_ref(),
        }
    }

    /// The line is a document number and nothing else.
    pub fn number(&self) -> Option<&DocNumber> {
        self.number.as_deref()
    }

    pub fn is_number(&self) -> bool {
        self.number.is_some()
    }

    pub fn is_date(&self) -> bool {
        self.flags.has(Flags::DATE)
    }

    /// The line opens with a task label.
    pub fn has_label(&self) -> bool {
        self.flags.has(Flags::LABEL)
    }

    pub fn is_title_fragment(&self) -> bool {
        self.flags.has(Flags::TITLE_FRAGMENT)
    }

    pub fn is_title_end(&self) -> bool {
        self.flags.has(Flags::TITLE_END)
    }

    pub fn is_addressee(&self) -> bool {
        self.flags.has(Flags::ADDRESSEE)
    }

    pub fn is_passage_note(&self) -> bool {
        self.flags.has(Flags::PASSAGE_NOTE)
    }

    /// Makes the line an issuer code's head, cut off the title above the
    /// number it opens: no title's end, though it may end with a genre word
    /// (…的函 / 绥政办函 / 〔2021〕12号). Likewise the rest of a numbered
    /// item naming a document (`item_names_document`), and a line whose
    /// 《 the line under closes (`mend::above`).
    fn mark_code_head(&mut self) {
        if self.kind == Kind::TitleEnd {
            self.kind = Kind::TitleFragment;
        }
        self.flags = self.flags.with(Flags::TITLE_END, false);
    }

    /// Makes the line the document's number `n`, read from its place in the
    /// header when its text alone does not say so (a number that lost its 号).
    fn mark_number(&mut self, n: DocNumber) {
        self.kind = Kind::Number;
        self.number = Some(Box::new(n));
        self.flags = Flags(self.flags.0 & Flags::KEPT);
    }

    /// Makes the line a line of the 版记, whatever else it read as.
    fn mark_colophon(&mut self) {
        self.kind = Kind::Colophon;
        self.flags = Flags(self.flags.0 & Flags::KEPT).with(Flags::COLOPHON, true);
    }

    /// Makes the line plain text, whatever else it read as.
    fn mark_text(&mut self) {
        self.kind = Kind::Text;
        self.flags = Flags(self.flags.0 & Flags::KEPT);
    }

    /// Makes the line a date cut by a wrap inside its day, its rest on the
    /// line under it (2020年8月2 / 1日).
    fn mark_cut_date(&mut self) {
        self.kind = Kind::Date;
        self.flags = Flags(self.flags.0 & Flags::KEPT).with(Flags::DATE, true);
    }

    /// Marks the line as under a printed page's furniture, taken out
    /// ([`Flags::PAGE_ABOVE`]).
    pub fn mark_page_above(&mut self) {
        self.flags = self.flags.with(Flags::PAGE_ABOVE, true);
    }

    /// Marks the line as under a web page's furniture, taken out
    /// ([`Flags::WEB_ABOVE`]).
    pub fn mark_web_above(&mut self) {
        self.flags = self.flags.with(Flags::WEB_ABOVE, true);
    }

    /// A web page's furniture was taken out right above the line (首页 >
    /// … under the site's name): no title goes on across it.
    pub fn web_above(&self) -> bool {
        self.flags.has(Flags::WEB_ABOVE)
    }

    /// A printed page's furniture was taken out right above the line.
    pub fn page_above(&self) -> bool {
        self.flags.has(Flags::PAGE_ABOVE)
    }

    /// `below` stands right under this line on the printed page: on the next
    /// source line, or past a page's number and running head taken out
    /// between them (…实施方案 / ·215· / 某某年鉴2021 / 的通知), three lines at
    /// most and a blank line around each.
    pub fn adjoins(&self, below: &Line) -> bool {
        let (a, b) = (self.line(), below.line());
        b == a + 1 || below.flags.has(Flags::PAGE_ABOVE) && b > a + 1 && b <= a + 8
    }

    /// The line opens with a word of web-page furniture.
    pub fn is_portal(&self) -> bool {
        self.flags.has(Flags::PORTAL)
    }

    /// An organ's name alone: a signature line when a date follows.
    pub fn is_signature(&self) -> bool {
        self.flags.has(Flags::SIGNATURE)
    }

    /// A line of the 版记 (抄送：…, …印发).
    pub fn is_colophon(&self) -> bool {
        self.flags.has(Flags::COLOPHON)
    }

    /// A note wholly in brackets (（此件公开发布）).
    pub fn is_note(&self) -> bool {
        self.flags.has(Flags::NOTE)
    }

    /// A seal's note, a line of them (（印章）　　（印章）), or a piece of
    /// one cut by a wrap (（ / 印章）): part of the signature.
    pub fn is_seal(&self) -> bool {
        self.flags.has(Flags::SEAL)
    }

    /// Makes the line a piece of a seal's note cut by a wrap.
    fn mark_seal(&mut self) {
        self.flags = self.flags.with(Flags::SEAL, true);
    }
}

/// The last line of `out`, an organ and 印发 with no date under a
/// distribution line of the 版记 (抄送：… / 某市人民政府办公室印发), that
/// line's wrapped rest between them or not, made the 版记's printing line;
/// unless the line after it goes on it as a title's first line does (某市
/// 人民政府印发 / 《…办法》的通知), blank lines between them or not. `next`:
/// whether that line goes on a title (a title's fragment without 关于);
/// `None`, no line follows.
fn mark_printed_undated(out: &mut [Line], next: Option<bool>, lex: &Lexicon) {
    let n = out.len();
    let printing = |t: &str| t.trim_end_matches(text::is_space).ends_with(['发', '發']);
    if n < 2 || !printing(out[n - 1].text()) || out[n - 1].is_colophon() {
        return;
    }
    let distribution = |k: usize| out[k].is_colophon() && !printing(out[k].text());
    let under = distribution(n - 2)
        || n >= 3
            && distribution(n - 3)
            && matches!(out[n - 2].kind(), Kind::Text | Kind::Signature);
    // (Blank lines between them or not: some exports set every line apart.)
    let title_goes_on = next == Some(true);
    if under && !title_goes_on && body::is_printed_undated(out[n - 1].text(), lex) {
        out[n - 1].mark_colophon();
    }
}

/// Completes the reading of the lines once the last is read: a line of
/// the 版记 closing them ([`mark_printed_undated`]).
pub fn close(out: &mut [Line], lex: &Lexicon) {
    mark_printed_undated(out, None, lex);
    read_ocr_first_items(out);
}

/// A marker whose number an OCR misread opens a clause where the lines
/// around it confirm it: an item whose 1 is a letter (`l.落实管护责任。`,
/// [`marker::ocr_one`]) where the next marker is the item 2
/// (`2.做好病虫害防治。`); a heading, an item or an article whose numeral
/// holds a dash for 一 or a plus for 十 at a line's start (`—、总体目标`,
/// `(-)深化工业污染治理。`, `十—、`, `（+二）`, `第十—条`,
/// [`marker::ocr_numeral_marker`]) where the sequence expects its number:
/// the first, where the next marker of its kind or above is the second of
/// its kind (the run it opens confirms it); a later one, where the marker
/// of its kind or above before it is the one before it of its kind.
fn read_ocr_first_items(out: &mut [Line]) {
    for i in 0..out.len() {
        // (Most lines open with none of these: answered by one character.)
        let l = &out[i];
        let t = l.text().trim_start_matches('*');
        let Some(first) = t.chars().next() else {
            continue;
        };
        let letter = matches!(first, 'l' | 'I' | 'ｌ' | 'Ｉ');
        let numbered = numeral::ocr_numeral(first).is_some()
            || text::is_open_paren(first)
            || first == '第'
            || numeral::is_cn_numeral_char(first);
        if !(letter || numbered)
            || l.marker.is_some()
            || matches!(l.kind, Kind::Number | Kind::Date | Kind::Label)
        {
            continue;
        }
        let m = if letter {
            marker::ocr_one(l.text())
        } else if i == 0 || out[i - 1].line() != l.line() {
            marker::ocr_numeral_marker(l.text())
        } else {
            None
        };
        let Some(m) = m else {
            continue;
        };
        // The marker of its kind or above before it.
        let before = out[..i]
            .iter()
            .rev()
            .find_map(|p| p.marker.as_ref().filter(|p| p.kind <= m.kind));
        let confirmed = if m.number > 1 {
            before.is_some_and(|p| p.kind == m.kind && p.number == m.number - 1)
        } else {
            // (A dash stands for the first item only where none of its
            // level is read already: under 一、 then —、 lines, it is a
            // bullet.)
            let bullet = !letter && before.is_some_and(|p| p.kind == m.kind);
            let next = out[i + 1..]
                .iter()
                .find_map(|n| n.marker.as_ref().filter(|n| letter || n.kind <= m.kind));
            !bullet && next.is_some_and(|n| n.kind == m.kind && n.number == 2)
        };
        if confirmed {
            out[i].read_as_item(m);
        }
    }
}

/// A date under a signature cut inside its day at a page break (二〇二〇
/// 年三月十 / — 396 — / 文件选辑 / 八日): once the page's furniture is taken
/// out and the line at `at` marked as standing under it, the line above is
/// the date, read across as one cut at a wrap is.
pub fn mark_day_cut_over_page(out: &mut [Line], at: usize) {
    let Some((u, before)) = out.get(at..).and_then(|a| a.first()).zip(out.get(..at)) else {
        return;
    };
    let cut = matches!(before, [.., sign, prev]
        if date::day_cut(prev.text(), u.text())
            && prev.adjoins(u)
            && sign.is_signature()
            && sign.line() + 1 == prev.line());
    if cut {
        out[at - 1].mark_cut_date();
    }
}

/// `l` may sign a document: a signature, or a name alone, ideographs and
/// spaces (头 市 人 民 政 府, the rest of a spaced organ a wrap cut).
fn signs(l: &Line) -> bool {
    let t = l.text();
    l.is_signature()
        || l.kind() != Kind::Marker
            && t.len() <= 120
            && t.chars().all(|c| text::is_han(c) || text::is_space(c))
}

/// `above` ends in a line that may sign ([`signs`]) standing over line
/// `at`, a blank line between them at most, or in such a line and the seal's
/// note under it (某市人民政府 / （印章）), a line of them or one cut by a
/// wrap (（印章）　　（印 / 章）): what a signature's date stands under.
fn signed_over(above: &[Line], at: usize) -> bool {
    let near = |a: usize, b: usize| a < b && b <= a + 2;
    let seals = above
        .iter()
        .rev()
        .take(2)
        .take_while(|l| l.is_seal())
        .count();
    let (rest, seals) = above.split_at(above.len() - seals);
    let mut under = at;
    for seal in seals.iter().rev() {
        if !near(seal.line(), under) {
            return false;
        }
        under = seal.line();
    }
    rest.last()
        .is_some_and(|sign| near(sign.line(), under) && signs(sign))
}

/// Splits `u` where elements run together and recognises each piece; a
/// unit that stays whole keeps `whole`, the line already recognised.
/// Line `u` goes on with a numbered item right above it that names a
/// document (1.某市人民政府关于印发…), and names none of its own.
fn item_names_document(above: Option<&Line>, u: &Unit, lex: &Lexicon) -> bool {
    let names = |t: &str| {
        Lexicon::contains_any(&lex.about, t) || Lexicon::contains_any(&lex.transmittal, t)
    };
    above.is_some_and(|p| {
        p.kind() == Kind::Marker
            && p.line() + 1 == u.line()
            && names(p.text())
            && !names(u.text())
            && u.text().ends_with(['）', ')'])
    })
}

/// Line `u`, a document's number and its title run together
/// (某府发〔2012〕15号某市人民政府关于…的通知, [`split::number_before_title`]), is an
/// entry of a list of documents (a 决定 repealing some and keeping others),
/// not a document's start: it stands right under the list's heading (a
/// marker's line with no stop: 一、决定废止的规范性文件), under its lead-in
/// (a line ending in a colon), or under another entry opening with a number.
fn lists_document(
    above: Option<&Line>,
    u: &Unit,
    numbers: &[docnum::Found],
    lex: &Lexicon,
) -> bool {
    above.is_some_and(|p| {
        let t = text::trim(p.text());
        u.line() <= p.line() + 2
            && (header::ends_in_colon(t)
                || p.kind() == Kind::Marker && !t.ends_with(['。', '；', ';', '！', '？'])
                || p.may_hold_hao()
                    && docnum::numbers_in(t)
                        .first()
                        .is_some_and(|f| f.range.start == 0 && f.number.year.is_some()))
            && split::number_before_title(u.text(), numbers, "", lex).is_some()
    })
}

/// Line `u` opens with a document's number, which the line right above,
/// left open on a word that cites a document (根据, 按照, 执行…: words.tsv
/// `cites`, `cites_document`), cites: a wrap cut the sentence before the
/// number, so what follows it on `u` is no title.
fn cited_under(above: Option<&Line>, u: &Unit, lex: &Lexicon) -> bool {
    above.is_some_and(|p| p.line() + 1 == u.line() && lex.ends_citing_document(p.text()))
}

/// Reads a number that lost its 号 where a header holds it
/// ([`split::unmarked_number`]) in the last line of `out`, once the line
/// `u` under it shows that no wrap cut the number before its 号 (号各县…):
/// that line alone under a title's last line, or closing that line, a
/// title's line above it (cut there); or alone above the title `u` opens
/// (`title_line`: `u` is a title's line; it opens the title with its 关于,
/// or the 版头's issuer's mark stands right above the number, 某市人民政府文件
/// / 某政字[2021]9 / 某市人民政府 / 关于…), no paragraph's line right above it.
/// A title split after its organ is read as one on a line: the number is
/// then the line above the organ's (某政办发［2021］7 / 某市人民政府办公室 /
/// 关于…, [`organ_over_about`]).
fn unmarked_in_header(out: &mut Vec<Line<'_>>, u: &Unit, title_line: bool, lex: &Lexicon) {
    let rest = u.text().starts_with(|c: char| {
        matches!(c, '号' | '號') || text::is_digit(c) || docnum::is_year_close(c)
    });
    let Some(last) = out.len().checked_sub(1).filter(|_| !rest) else {
        return;
    };
    let organ_first = title_line && organ_over_about(out, u, lex);
    let k = if organ_first { last - 1 } else { last };
    let prev = &out[k];
    if !prev.text().ends_with(text::is_digit) || prev.is_number() {
        return;
    }
    let above = k.checked_sub(1).map(|j| &out[j]);
    let adjoins = above.is_some_and(|a| a.adjoins(prev));
    // (A letter-spaced title's 关于 is read without its spaces: 关 于 印 发….)
    let opens_title = organ_first
        || title_line
            && (Lexicon::contains_any(&lex.about, &text::title_line(u.text()))
                || adjoins && above.is_some_and(|a| header::is_issuer_mark(a.text())));
    let at = if opens_title {
        let alone =
            !adjoins || above.is_some_and(|a| !matches!(a.kind(), Kind::Text | Kind::Marker));
        split::unmarked_number(prev.text(), alone, false, lex).filter(|&at| at == 0)
    } else {
        // (Or under a title's last characters a wrap left alone, too short
        // to end a title on their own: …工作要点 / 的通知 / 某府办[2021]12,
        // …工作的通 / 知 / 某政办函[2022]8.)
        let tail = |a: &Line| {
            a.is_title_fragment()
                && k >= 2
                && out[k - 2].is_title_fragment()
                && out[k - 2].adjoins(a)
                && (split::is_wrapped_tail(&text::title_line(a.text()), lex)
                    || split::completes_genre(
                        &text::title_line(out[k - 2].text()),
                        &text::title_line(a.text()),
                        lex,
                    ))
        };
        let under_title = above.is_some_and(|a| a.kind() == Kind::TitleEnd || tail(a));
        let title_above = adjoins && above.is_some_and(|a| a.is_title_fragment());
        split::unmarked_number(prev.text(), under_title, title_above, lex)
    };
    let Some(at) = at else {
        return;
    };
    let Some(number) = docnum::unmarked(&prev.text()[at..]) else {
        return;
    };
    if at > 0 {
        let p = prev.unit();
        let title = p.sub(0, at).map(|t| Line::piece(t, false, lex));
        let mut code = Line::piece(p.sub(at, p.text().len()).unwrap_or(p), false, lex);
        code.mark_number(number);
        out.splice(k..=k, title.into_iter().chain([code]));
    } else {
        out[k].mark_number(number);
    }
}

/// The last line of `out` is a title's first line, its organ's name alone
/// (某市人民政府办公室, 某 市 人 民 政 府 办 公 室), right over `u`, the line
/// that goes on with the title's 关于; a line above it holds what may be
/// the number.
fn organ_over_about(out: &[Line<'_>], u: &Unit, lex: &Lexicon) -> bool {
    let [.., number, organ] = out else {
        return false;
    };
    number.text().ends_with(text::is_digit)
        && organ.line() + 1 == u.line()
        && (organ.is_signature() || organs::is_signature_text(&text::title_line(organ.text()), lex))
        && {
            let t = text::title_line(u.text());
            let t = text::trim(&t);
            lex.about.iter().any(|w| t.starts_with(w.as_str()))
        }
}

/// Where line `u` is cut when it holds a document's date and the next
/// document's title run into it ([`split::date_before_title`]): the date
/// signed, its organ before it on the line or the signature right above
/// it (某市人民政府办公室 / 2022年1月18日某市人民政府关于…的批复). A date and a
/// title with no signature over them (an entry of a list of documents, a
/// chronicle's) are left whole.
fn dated_over_title(above: Option<&Line>, u: &Unit, lex: &Lexicon) -> Option<usize> {
    let (signed, k) = split::date_before_title(u.text(), lex)?;
    let signed = signed
        || above.is_some_and(|p| {
            p.line() + 1 == u.line()
                && (p.is_signature() || organs::is_signature_text(&text::title_line(p.text()), lex))
        });
    signed.then_some(k)
}

pub fn split_and_classify<'t>(mut whole: Line<'t>, lex: &Lexicon, out: &mut Vec<Line<'t>>) {
    let u = whole.unit;
    // Searched once for 号/號: for the numbers run into a title here, and
    // for the citation search, which passes over the lines without them.
    let hao = docnum::has_hao(u.text());
    whole.flags = whole.flags.with(Flags::HAO, hao);
    let numbers = if hao {
        docnum::numbers_in(u.text())
    } else {
        Vec::new()
    };
    // The printing line of the 版记 cut by a wrap inside its 印发 (…办公室
    // 2008年6月21日印 / 发) or its date (…办公室　2021年 / 3月15日印发):
    // both lines are the 版记's, not a title's.
    if let Some(prev) = out.last_mut() {
        if body::printed_cut(prev.text(), u.text(), lex)
            || body::printed_cut_in_date(prev.text(), u.text(), lex)
        {
            prev.mark_colophon();
            whole.mark_colophon();
        }
    }
    // The copies note cut by a wrap inside its bracket (（共印300 / 份）):
    // both lines are the 版记's, closing its printing line or alone under
    // a line of it.
    if let [.., above, prev] = &mut out[..] {
        let copies = match body::copies_cut(prev.text(), u.text(), lex) {
            Some(alone) => !alone || above.is_colophon() && above.line() < prev.line(),
            None => false,
        };
        if copies {
            prev.mark_colophon();
            whole.mark_colophon();
        }
    }
    // (Or cut twice by a narrow wrap, its organ and the date's head on
    // lines of their own: 中共某市委办公室 / 2020年8月 / 20日印发.)
    if let [.., organ, head] = &mut out[..] {
        if body::printed_cut_twice(organ.text(), head.text(), u.text(), lex) {
            organ.mark_colophon();
            head.mark_colophon();
            whole.mark_colophon();
        }
    }
    // A seal's note cut by a wrap inside its brackets (（ / 印章）, （印章）
    // 　　（印 / 章）): both lines are the signature's, as the note whole is.
    if let Some(prev) = out.last_mut() {
        if prev.line() + 1 == u.line() && body::seal_note_cut(prev.text(), u.text(), lex) {
            prev.mark_seal();
            whole.mark_seal();
        }
    }
    // The 版记's disclosure line or copies note (公开方式：主动公开, （共印20份）)
    // is the 版记's only under the signature, the date or another 版记 line,
    // or over one; standing inside the text (quoted under a sentence that
    // leads into it, or a page's metadata under the title), it is the text's
    // and ends nothing.
    if !whole.is_colophon() {
        let n = out.len();
        let signed = |a: &Line| a.is_colophon() || a.is_date() || a.is_signature();
        let inside = n > 0 && {
            let note = &out[n - 1];
            note.is_colophon()
                && note.line() < u.line()
                && body::is_colophon_note(note.text(), lex)
                && !(n > 1 && signed(&out[n - 2]))
        };
        if inside {
            out[n - 1].mark_text();
        }
    }
    // A date alone on its line cut by a wrap inside its day (2020年8月2 /
    // 1日): the first line is the date, which the builder reads across.
    // (Under a signature: a date a label's value or a sentence holds is cut
    // so too, 完成时限： / 2020年8月2 / 1日. The signature maybe cut too, or
    // spaced, 包 / 头 市 人 民 政 府, and a blank line between them.)
    // (A seal's note between them, 某市人民政府 / （印章） / 二〇一五年二月十 /
    // 六日, is the signature's.)
    if let [above @ .., prev] = &mut out[..] {
        if date::day_cut(prev.text(), u.text())
            && prev.line() + 1 == u.line()
            && signed_over(above, prev.line())
        {
            prev.mark_cut_date();
        }
    }
    // … or left undated under its distribution line: read at the line
    // after it.
    let title_goes_on =
        whole.is_title_fragment() && !u.text().contains("关于") && !u.text().contains("關於");
    mark_printed_undated(out, Some(title_goes_on), lex);
    // Most lines are left whole by every split: nothing is made for them.
    let under_title = out.last().is_some_and(|l| l.kind() == Kind::TitleEnd);
    // A header's number that lost its 号, under its title or closing the
    // title's last line (…的通知 / 保政发〔2020〕4, …的通知昭政发(2021)18),
    // read at the line under it.
    unmarked_in_header(out, &u, whole.is_title_fragment(), lex);
    // A genre word's last characters run into the number under its title.
    let genre_cut = match out.last() {
        // (Or a number in brackets no code opens, 通告（2021年第1号）: a 号
        // found, none read.)
        Some(prev) if hao && prev.is_title_fragment() => {
            let heads = out.len() < 2 || {
                let above = &out[out.len() - 2];
                !header::ends_in_colon(above.text()) && !above.may_hold_hao()
            };
            split::genre_cut(prev.text(), u.text(), &numbers, heads, lex)
        }
        _ => None,
    };
    // The lines above mended where this one shows how a wrap cut them; the
    // rest of a cut number opening this line, where it ends.
    let rest_end = mend::above(out, &whole, &numbers, genre_cut.is_some(), lex);
    let parts = match genre_cut.or(rest_end) {
        Some(k) if rest_end.is_some() => {
            let mut parts: Vec<Unit<'t>> = u.sub(0, k).into_iter().collect();
            if let Some(rest) = u.sub(k, u.text().len()) {
                parts.extend(split::run_on(&rest, lex).unwrap_or_else(|| vec![rest]));
            }
            parts
        }
        Some(k) => {
            // The genre word's tail, then the number and what runs into it.
            let mut parts: Vec<Unit<'t>> = u.sub(0, k).into_iter().collect();
            if let Some(rest) = u.sub(k, u.text().len()) {
                let numbers = docnum::numbers_in(rest.text());
                // (Under the title the genre word's tail completes.)
                let numbered = split::run_on_number(&rest, numbers, true, None, lex);
                for p in numbered.unwrap_or_else(|| vec![rest]) {
                    parts.extend(split::run_on(&p, lex).unwrap_or_else(|| vec![p]));
                }
            }
            parts
        }
        // (Not the rest of a numbered item naming a document, the wrap right
        // above it: 1.某市人民政府关于印发…集体土地上 / 房屋征收补偿办法的通知（某府发
        // 〔2014〕22号）. The number is the item's, cited.)
        None if !numbers.is_empty() && item_names_document(out.last(), &u, lex) => {
            let mut whole = whole;
            whole.mark_code_head();
            out.push(whole);
            return;
        }
        // (Nor an entry of a list of documents, each named by its number and
        // title: the number is the entry's, cited.)
        None if !numbers.is_empty() && lists_document(out.last(), &u, &numbers, lex) => {
            let mut whole = whole;
            whole.mark_code_head();
            out.push(whole);
            return;
        }
        // (Nor what a sentence cites, a wrap cut before it: …根据 / 某政发
        // 〔2020〕9号关于…的实施意见 / 要求，…. The number is cited.)
        None if !numbers.is_empty() && cited_under(out.last(), &u, lex) => {
            let mut whole = whole;
            whole.mark_code_head();
            out.push(whole);
            return;
        }
        None => match split::run_on_number(&u, numbers, under_title, None, lex) {
            // (A title's last line run into the addressees, its first line
            // above: …关于…环境 / 保护目标完成情况的报告州人大常委会：.)
            None => match split::run_on(&u, lex).or_else(|| {
                // (Not under a list of addressees the wrap cut, which opens with
                // 各: …，自贡高新区经济发展 / 局、财政金融局、规划建设局：.)
                out.last()
                    .filter(|p| {
                        p.is_title_fragment()
                            && p.line() + 1 == u.line()
                            && !p.text().starts_with('各')
                    })
                    .and_then(|_| split::title_addressees(u.text(), true, lex))
                    .or_else(|| dated_over_title(out.last(), &u, lex))
                    .map(|k| {
                        u.sub(0, k)
                            .into_iter()
                            .chain(u.sub(k, u.text().len()))
                            .collect()
                    })
            }) {
                None if u.text().len() <= split::LONG_UNIT => {
                    out.push(whole);
                    return;
                }
                parts => parts.unwrap_or_else(|| vec![u]),
            },
            Some(numbered) => numbered
                .iter()
                .flat_map(|p| split::run_on(p, lex).unwrap_or_else(|| vec![*p]))
                .collect(),
        },
    };
    let mut pieces: Vec<Unit<'t>> = Vec::new();
    for part in &parts {
        split::long(part, &mut pieces);
    }
    if let [only] = pieces[..] {
        if only.start() == u.start() && only.end() == u.end() {
            out.push(whole);
            return;
        }
    }
    out.extend(pieces.into_iter().map(|p| Line::piece(p, hao, lex)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dashes under a first heading or item already read are a list's
    /// bullets, not first items an OCR misread.
    #[test]
    fn dashes_under_a_first_item_read_are_bullets() {
        let lex = Lexicon::builtin();
        for src in [
            "一、整治目标\n—、城区主次干道全面保洁；\n—、背街小巷无积存垃圾；\n二、工作要求\n",
            "一、整治目标\n（一）加强领导。\n(-)压实责任。\n（二）强化督查。\n",
        ] {
            let mut lines = Line::all(src, &lex);
            close(&mut lines, &lex);
            let firsts = lines
                .iter()
                .filter_map(|l| l.marker(false))
                .filter(|m| m.number == 1)
                .count();
            // (一、 and （一） only: no dash read as a first item.)
            assert_eq!(firsts, 1 + usize::from(src.contains('（')), "{src}");
        }
    }

    /// A heading or an item whose 一 an OCR read as a dash opens a clause
    /// where the next marker of its kind or above is the second; not where
    /// another number, a higher heading or nothing comes first.
    #[test]
    fn a_dash_for_one_confirmed_by_the_next_marker() {
        let lex = Lexicon::builtin();
        let read = |src: &str| {
            let mut lines = Line::all(src, &lex);
            close(&mut lines, &lex);
            lines[0].marker(false).map(|m| (m.kind, m.number))
        };
        let cn = Some((marker::ClauseKind::Cn, 1));
        let paren = Some((marker::ClauseKind::CnParen, 1));
        for (src, want) in [
            (
                "—、总体目标
全市空气质量持续改善。
二、重点工作
",
                cn,
            ),
            (
                "—、总体目标
（一）加强领导。
（二）压实责任。
二、重点工作
",
                cn,
            ),
            (
                "(-)深化治理。
1.推进改造。
(二)强化监管。
",
                paren,
            ),
            (
                "（—）加强巡查。
（二）备足物资。
",
                paren,
            ),
            (
                "—、总体目标
三、重点工作
",
                None,
            ),
            (
                "—、总体目标
全市空气质量持续改善。
",
                None,
            ),
            (
                "(-)深化治理。
二、重点工作
(二)强化监管。
",
                None,
            ),
            (
                "(-)深化治理。
(三)强化监管。
",
                None,
            ),
        ] {
            assert_eq!(read(src), want, "{src}");
        }
    }

    /// A number and title run together under a list's heading, its lead-in
    /// or another entry is an entry; under a paragraph's last line, where a
    /// document may end, it is not.
    #[test]
    fn entries_of_a_list_of_documents() {
        let lex = Lexicon::builtin();
        let entry = "九府发〔2012〕15号九江市人民政府关于加强城市建筑垃圾管理的通知";
        for (above, listed) in [
            ("一、决定废止的规范性文件（3件）", true),
            ("现将清理结果公布如下：", true),
            (
                "九府发〔2011〕3号九江市人民政府关于加强消防工作的意见",
                true,
            ),
            ("（二）强化宣传引导。引导群众养成分类习惯。", false),
        ] {
            let src = format!("{above}\n{entry}\n");
            let lines = Line::all(&src, &lex);
            let u = lines[1].unit();
            let numbers = docnum::numbers_in(u.text());
            assert_eq!(
                lists_document(Some(&lines[0]), &u, &numbers, &lex),
                listed,
                "{above}"
            );
        }
    }

    /// A number and title run together under a line left open on a word
    /// that cites a document is what that sentence cites; under a closed
    /// sentence or a line the word only ends inside of, it is not.
    #[test]
    fn a_number_cited_across_a_wrap() {
        let lex = Lexicon::builtin();
        let cited = "某政发〔2020〕9号关于推进城镇老旧小区改造工作的实施意见";
        for (above, cites) in [
            ("重点改造2000年底前建成的住宅小区。根据", true),
            ("相关工作严格执行", true),
            ("重点改造2000年底前建成的住宅小区。", false),
            ("特此通知", false),
        ] {
            let src = format!("{above}\n{cited}\n");
            let lines = Line::all(&src, &lex);
            let u = lines[1].unit();
            assert_eq!(cited_under(Some(&lines[0]), &u, &lex), cites, "{above}");
        }
    }

    /// A date's head stands under a signature when the line over it may
    /// sign, or is a seal's note with such a line over it; not under a
    /// seal's note alone, nor two blank lines down.
    #[test]
    fn a_date_stands_under_a_signature_and_its_seal() {
        let lex = Lexicon::builtin();
        for (above, signed) in [
            ("某某市人民政府", true),
            ("某某市人民政府\n（印章）", true),
            ("某某市人民政府\n（\n印章）", true),
            (
                "某某市人民政府办公室　　某某市林业局\n（印章）　　（印章）",
                true,
            ),
            (
                "某某市人民政府办公室　　某某市林业局\n（印章）　　（印\n章）",
                true,
            ),
            ("某某市人民政府\n\n（印章）", true),
            ("（印章）", false),
            ("各部门要加强检查。\n（印章）", false),
            ("某某市人民政府\n\n\n", false),
        ] {
            let src = format!("{above}\n二〇一五年二月十\n");
            let mut lines = Vec::new();
            for u in Unit::all(&src) {
                split_and_classify(Line::classify(u, &lex), &lex, &mut lines);
            }
            let (head, over) = lines.split_last().expect("lines");
            assert_eq!(signed_over(over, head.line()), signed, "{above}");
        }
        // (The line read: a date cut under a seal's note is the date, a
        // note cut too or not.)
        for (src, at) in [
            ("某某市人民政府\n（印章）\n二〇一五年二月十\n六日\n", 2),
            ("某某市人民政府\n（\n印章）\n二〇一五\n年二月十六日\n", 3),
        ] {
            let mut out = Vec::new();
            for u in Unit::all(src) {
                split_and_classify(Line::classify(u, &lex), &lex, &mut out);
            }
            assert_eq!(out[at].kind(), Kind::Date, "{src}");
            assert!(out[1..at].iter().all(Line::is_seal), "{src}");
        }
    }

    fn kinds(src: &str) -> Vec<Kind> {
        let lex = Lexicon::builtin();
        Line::all(src, &lex).iter().map(|l| l.kind()).collect()
    }

    /// A line that says it holds no 号/號 holds none (what lets the citation
    /// search pass over it), and most lines say so: on every line of the
    /// sample and the cases.
    #[test]
    fn lines_without_hao_say_so() {
        let lex = Lexicon::builtin();
        let text = crate::testdata::sample_and_case_lines().join("\n");
        let mut out = Vec::new();
        for u in Unit::all(&text) {
            split_and_classify(Line::classify(u, &lex), &lex, &mut out);
        }
        let without = out.iter().filter(|l| !l.may_hold_hao()).count();
        for l in &out {
            assert!(
                l.may_hold_hao() || !docnum::has_hao(l.text()),
                "{}",
                l.text()
            );
        }
        assert!(without > out.len() / 2, "{without} of {}", out.len());
    }

    /// A 通告's genre word cut onto the next line with its number in
    /// brackets: the genre word goes on the title, the number is its own.
    #[test]
    fn genre_word_and_bracketed_number_under_a_title() {
        let lex = Lexicon::builtin();
        let src = "某市人民政府关于中心城区禁止燃放烟花爆竹的\n通告（2021年第1号）";
        let mut out = Vec::new();
        for u in Unit::all(src) {
            split_and_classify(Line::classify(u, &lex), &lex, &mut out);
        }
        let got: Vec<(Kind, &str)> = out.iter().map(|l| (l.kind(), l.text())).collect();
        assert_eq!(
            got,
            [
                (
                    Kind::TitleFragment,
                    "某市人民政府关于中心城区禁止燃放烟花爆竹的"
                ),
                (Kind::TitleFragment, "通告"),
                (Kind::Number, "（2021年第1号）"),
            ]
        );
    }

    /// The lines of `src` split and recognised: each one's kind and text.
    fn split_kinds(src: &str) -> Vec<(Kind, String)> {
        let lex = Lexicon::builtin();
        let mut out = Vec::new();
        for u in Unit::all(src) {
            split_and_classify(Line::classify(u, &lex), &lex, &mut out);
        }
        out.iter()
            .map(|l| (l.kind(), l.text().to_owned()))
            .collect()
    }

    /// A signed date with the next title run into it is cut after the
    /// date, the signature above or before it on the line; with no
    /// signature (an entry of a list of documents) the line stays whole.
    /// The next title run into a paragraph's stop is cut off it once the
    /// addressees under it, or under its number, are read; not when the
    /// text above names it, nor over a number alone.
    #[test]
    fn a_signed_date_or_a_stop_with_the_next_title_run_in() {
        let title = "某市人民政府关于同意设立某高新区的批复";
        let got = split_kinds(&format!("某市人民政府办公室\n2021年9月3日{title}"));
        assert_eq!(got[1], (Kind::Date, "2021年9月3日".to_owned()));
        assert_eq!(got[2], (Kind::TitleEnd, title.to_owned()));
        let got = split_kinds(&format!("某市人民政府办公室　2021年9月3日　{title}"));
        assert_eq!(got[1], (Kind::TitleEnd, title.to_owned()));
        let got = split_kinds(&format!("现公布如下：\n2021年9月3日{title}"));
        assert_eq!(got.len(), 2);
        let got = split_kinds(&format!(
            "特此通知。{title}\n某政函〔2021〕62号\n某区人民政府："
        ));
        assert_eq!(got[0].1, "特此通知。");
        assert_eq!(got[1], (Kind::TitleEnd, title.to_owned()));
        assert_eq!(got[2].0, Kind::Number);
        let got = split_kinds(&format!("特此通知。{title}\n某区人民政府："));
        assert_eq!(got[1], (Kind::TitleEnd, title.to_owned()));
        assert_eq!(
            split_kinds(&format!("特此通知。{title}\n请遵照执行。")).len(),
            2
        );
        // (Over a number alone: an entry of a list of documents.)
        let entry = format!("决定废止以下文件。{title}\n某政发〔2015〕3号\n一、");
        assert_eq!(
            split_kinds(&entry)[0].1,
            format!("决定废止以下文件。{title}")
        );
        // (Named above: the document a 转发 notice prints whole.)
        let forwarded =
            format!("现将《{title}》转发给你们，请认真贯彻执行。{title}\n某区人民政府：");
        assert_eq!(split_kinds(&forwarded).len(), 2);
    }

    /// A number opening the title's first line, the wrap cutting the
    /// organ's name after it: the number stands alone, the title's head
    /// after it.
    #[test]
    fn a_number_before_a_title_whose_organ_a_wrap_cut() {
        let got =
            split_kinds("某市发〔2021〕9号中共某市委 某市人\n民政府关于推进乡村振兴的\n实施意见");
        let kinds: Vec<Kind> = got.iter().map(|(k, _)| *k).collect();
        assert_eq!(got[0].1, "某市发〔2021〕9号");
        assert_eq!(got[1].1, "中共某市委 某市人");
        assert_eq!(
            kinds,
            [
                Kind::Number,
                Kind::TitleFragment,
                Kind::TitleFragment,
                Kind::TitleEnd
            ]
        );
    }

    /// An issuer code a wrap cut after the title, its addressees wrapped
    /// under the number: the code's head leaves the title's line.
    #[test]
    fn a_code_cut_over_wrapped_addressees() {
        let got = split_kinds(
            "某市人民政府办公室关于加强燃气安全管理的通知某府\n办发〔2021〕22号\n各县(区)人民政府,某经济技术开发区\n管委会,市政府各部门:",
        );
        assert_eq!(
            got[0],
            (
                Kind::TitleEnd,
                "某市人民政府办公室关于加强燃气安全管理的通知".to_owned()
            )
        );
        assert_eq!(got[1].1, "某府");
        assert_eq!(got[2].0, Kind::Number);
    }

    /// A number that lost its 号 under a title's last characters alone on
    /// their line (的 通 知), too few to end a title themselves.
    #[test]
    fn a_number_without_hao_under_a_title_tail() {
        let got = split_kinds(
            "某 市 人 民 政 府 关 于 印 发 某 市 工 作 要 点\n 的 通 知\n某府办[2021]27\n各县(区)人民政府,市政府各部门:",
        );
        assert_eq!(got[2], (Kind::Number, "某府办[2021]27".to_owned()));
        assert_eq!(got[3].0, Kind::Addressees);
        // The wrap cut inside the genre word, one character left alone.
        let got = split_kinds(
            "某市人民政府办公室关于做好春季森林防灭火工作的通\n知\n某政办函[2022]8\n各区、县（市）人民政府，市政府各部门：",
        );
        assert_eq!(got[2], (Kind::Number, "某政办函[2022]8".to_owned()));
        assert_eq!(got[3].0, Kind::Addressees);
    }

    /// A number that lost its 号 above a title split after its organ: read
    /// as above a title on one line; a sentence's figures above an organ
    /// are none.
    #[test]
    fn a_number_without_hao_above_a_title_split_after_its_organ() {
        for src in [
            "某政办发［2021］7\n某市人民政府办公室\n关于印发某某方案的通知",
            "某政办发［2021］7\n某 市 人 民 政 府 办 公 室\n关 于 印 发 某 某 方 案 的 通 知",
            "某政办发［2021］7\n\n某市人民政府办公室\n关于印发某某方案的通知",
        ] {
            assert_eq!(split_kinds(src)[0].0, Kind::Number, "{src}");
        }
        for src in [
            // No organ alone between, or no number's shape.
            "某政办发［2021］7\n某市某某工作方案\n关于印发某某方案的通知",
            "全年共发放补贴2021\n某市人民政府办公室\n关于印发某某方案的通知",
        ] {
            assert_ne!(split_kinds(src)[0].0, Kind::Number, "{src}");
        }
    }

    #[test]
    fn sample_lines_get_their_kinds() {
        let src = "中共石嘴山市委办公室\n石嘴山市人民政府办公室\n关于印发《石嘴山市2020年度重点工作任务分解方案》的通知\n石党办发〔2020〕1号\n各县区委、政府，市委各部门：\n一、总体要求\n牵头单位：市发展改革委\n现将方案印发给你们，请认真贯彻执行。\n2020年3月10日\n（2019年5月30日市人大常委会第十次会议通过）\n（此件公开发布）\n抄送：市人大常委会办公室。\n石嘴山市人民政府办公室　　2020年3月12日印发";
        assert_eq!(
            kinds(src),
            vec![
                Kind::Signature,
                Kind::Signature,
                Kind::TitleEnd,
                Kind::Number,
                Kind::Addressees,
                Kind::Marker,
                Kind::Label,
                Kind::Text,
                Kind::Date,
                Kind::PassageNote,
                Kind::Note,
                Kind::Colophon,
                Kind::Colophon,
            ]
        );
    }

    /// A file's lines are held whole while its documents are built (136
    /// bytes a line before the flags were packed, the decimal reading boxed
    /// whole, a marker's parts boxed to their length and a unit's end
    /// derived from its text).
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn a_line_stays_small() {
        assert!(std::mem::size_of::<Line>() <= 104);
        assert!(std::mem::size_of::<Unit>() <= 40);
    }

    #[test]
    fn flags_are_one_bit_each() {
        let all = [
            Flags::DATE,
            Flags::LABEL,
            Flags::TITLE_FRAGMENT,
            Flags::TITLE_END,
            Flags::ADDRESSEE,
            Flags::PASSAGE_NOTE,
            Flags::PORTAL,
            Flags::SIGNATURE,
            Flags::COLOPHON,
            Flags::NOTE,
            Flags::HAO,
        ];
        let mut seen = 0u16;
        for b in all {
            assert_eq!(b.count_ones(), 1);
            assert_eq!(seen & b, 0, "two flags share a bit");
            seen |= b;
        }
        for b in all {
            let set: Vec<(u16, bool)> = all.iter().map(|&c| (c, c == b)).collect();
            let f = Flags::of(&set);
            assert!(all.iter().all(|&c| f.has(c) == (c == b)));
            assert_eq!(f.with(b, false), Flags(0));
            assert_eq!(Flags(0).with(b, true), f);
            assert_eq!(f.with(b, true), f);
        }
    }

    #[test]
    fn decimal_reading_only_where_it_differs() {
        let lex = Lexicon::builtin();
        let l = &Line::all("1.1总则", &lex)[0];
        assert!(l
            .marker(false)
            .is_none_or(|m| m.kind != marker::ClauseKind::Decimal));
        assert!(l
            .marker(true)
            .is_some_and(|m| m.kind == marker::ClauseKind::Decimal));
        let c = &Line::all("一、总则", &lex)[0];
        assert_eq!(c.marker(true), c.marker(false));
    }

    #[test]
    fn a_unit_left_whole_keeps_its_line() {
        let lex = Lexicon::builtin();
        let src = "关于某事的通知石党发〔2020〕41号各县区：";
        let mut out = Vec::new();
        for l in Line::all(src, &lex) {
            split_and_classify(l, &lex, &mut out);
        }
        let got: Vec<Kind> = out.iter().map(|l| l.kind()).collect();
        assert_eq!(got, vec![Kind::TitleEnd, Kind::Number, Kind::Addressees]);
    }
}
