//! A file's body read line by line: each line recognised once, the
//! furniture of the printed page (page numbers, running heads, rules), of a
//! web page (boxes, tools, footers) and of an export (markup) taken out,
//! each owned with a diagnostic, and the lines kept split where elements run
//! together.

use crate::decode;
use crate::docnum;
use crate::lexicon::Lexicon;
use crate::lines::{self, furniture, header, Line};
use crate::record::{DiagCode, Diagnostic, Owner, Part};
use crate::text;
use crate::unit::Unit;

/// What a file's body is read from: the decoded text, the body's lines,
/// and the yearbook the envelope names (its running heads are furniture).
#[derive(Clone, Copy)]
pub(crate) struct BodySource<'t, 'a> {
    pub text: &'t str,
    pub lines: &'a [decode::Line],
    pub book: Option<&'a str>,
    /// The section the envelope names (颗粒名称: 文件选辑).
    pub section: Option<&'a str>,
}

impl<'t> BodySource<'t, '_> {
    /// Source line `no` as printed, its indent and trailing spaces kept.
    fn printed(&self, no: usize) -> Option<&'t str> {
        let at = no.checked_sub(self.lines.first()?.no)?;
        self.lines
            .get(at)
            .and_then(|b| self.text.get(b.start..b.end))
    }

    /// Source line `no` recognised (read when a rule asks, rarely): None for
    /// a blank line.
    fn recognised(&self, no: usize, lex: &Lexicon) -> Option<Line<'t>> {
        let at = no.checked_sub(self.lines.first()?.no)?;
        Some(Line::classify(
            Unit::from_line(self.text, self.lines.get(at)?)?,
            lex,
        ))
    }
}

/// Where what the body's reading finds goes besides its lines.
pub(crate) struct Sink<'s> {
    /// Numbers in page metadata (发文字号：…, 【字 号】…), with the index of
    /// the line after them: the number of a document that prints none.
    pub meta_numbers: &'s mut Vec<(usize, docnum::DocNumber)>,
    pub diagnostics: &'s mut Vec<Diagnostic>,
    pub owners: &'s mut Vec<Owner>,
    /// Set when a web page's furniture or an export's markup is found.
    pub web_page: &'s mut bool,
}

impl Sink<'_> {
    /// Line `l` is furniture, not part of a document: owned and reported.
    #[cold]
    fn furnish(&mut self, l: &Line, message: &str) {
        self.diagnostics.push(Diagnostic {
            line: l.line(),
            code: DiagCode::Portal,
            message: message.into(),
        });
        self.owners.push(Owner::of(l, Part::Portal));
    }
}

/// The printed page's furniture taken out between the lines kept: the
/// source line of the last line kept, and how many lines of a page's number
/// or running head were taken out since, nothing else between (a rule parts
/// what it stands between).
#[derive(Default)]
struct PageGap {
    kept: Option<usize>,
    paged: usize,
}

impl PageGap {
    /// A line of the printed page's furniture was taken out.
    fn page(&mut self) {
        self.paged += 1;
    }

    /// Something else stood here: other furniture taken out (a web page's,
    /// a rule, a markup comment), or a line kept by a path of its own (a
    /// labelled number, a date and its note). The lines around it do not
    /// adjoin.
    fn other(&mut self) {
        self.kept = None;
    }

    /// The lines `out` holds from `from` on were kept from source line
    /// `line`: the first is marked when only a page's furniture stood
    /// between it and the line kept before, three lines at most, with a
    /// blank line around each or not (…实施方案 / (blank) / — 35 — / (blank)
    /// / 的通知). (The lines not read are the blank ones.)
    fn keep(&mut self, out: &mut [Line], from: usize, line: usize) {
        let paged = std::mem::take(&mut self.paged);
        let blank = |k: usize| line.checked_sub(k + 1 + paged);
        if (1..=3).contains(&paged)
            && self
                .kept
                .is_some_and(|k| blank(k).is_some_and(|b| b <= paged + 1))
        {
            if let Some(first) = out.get_mut(from) {
                first.mark_page_above();
            }
            lines::mark_day_cut_over_page(out, from);
        }
        self.kept = Some(line);
    }
}

/// What the lines read so far tell the next one.
#[derive(Default)]
struct Reading<'t> {
    /// A date line has been seen (a document signed off).
    signed: bool,
    /// A portal line after a signed document opened the page footer.
    footer: bool,
    /// The line above was a web page's furniture.
    prev_portal: bool,
    /// A heading of related links opened the footer: the titles under it
    /// are other pages'.
    related: bool,
    /// The line above opened a related link whose entry the wrap cut.
    link_rest: bool,
    /// The line above was the page's metadata with its last value cut by a
    /// wrap (…发布机构： / 承德市人民政府办公室, …文号：承市 / 政函〔2020〕58号):
    /// its text and source line.
    value_cut: Option<(&'t str, usize)>,
    /// The last source line of the box's title value a wrap cut over the
    /// lines under its row (标　　题：…关于印发 / …实施方 / 案的通知).
    title_until: Option<usize>,
    /// The line above was a page number (a running head may stand under it).
    page_above: bool,
    /// The line above was a running head with no page's number beside it.
    head_above: bool,
    /// The last running head taken out: its source line and text (a wrap may
    /// have cut its issue onto the next line).
    head_at: Option<(usize, &'t str)>,
    /// The source line of a bare number printed under a running head as its
    /// page's number (某某年鉴2020 / 298), read with the head.
    page_under_head: Option<usize>,
    /// The series' names read as running heads beside a page's number: the
    /// same line is one wherever it recurs in the file.
    series_heads: Vec<&'t str>,
    /// Where a printed page's furniture was taken out between kept lines.
    gap: PageGap,
    /// A web page's furniture was taken out since the last line kept.
    web_gap: bool,
}

/// The lines after the one being read.
#[derive(Clone, Copy)]
struct Below<'l, 't> {
    /// The next line within a blank line's reach (a page's furniture
    /// stands so).
    near: Option<&'l Line<'t>>,
    /// The next source line, when it is not blank.
    next: Option<&'l Line<'t>>,
}

impl Below<'_, '_> {
    /// A page's number or counter stands under the line, on the next line
    /// or past a blank one (附　录 / (blank) / ·402·).
    fn page_mark(&self) -> bool {
        self.near.is_some_and(|n| {
            furniture::is_page_number(n.text()) || furniture::is_page_counter(n.text())
        })
    }
}

/// The body's reader: its source, the lines kept, what it has read.
struct Reader<'t, 'a, 's> {
    src: BodySource<'t, 'a>,
    lex: &'a Lexicon,
    sink: Sink<'s>,
    out: Vec<Line<'t>>,
    seen: Reading<'t>,
}

/// The body's lines recognised, furniture taken out (owned, with a
/// diagnostic), and split where elements run together. Each line that
/// holds text is marked in `unplaced` (by line number).
pub(crate) fn read_body<'t>(
    src: BodySource<'t, '_>,
    lex: &Lexicon,
    sink: Sink<'_>,
    unplaced: &mut [bool],
) -> Vec<Line<'t>> {
    let (text, body) = (src.text, src.lines);
    let mut r = Reader {
        src,
        lex,
        sink,
        // Room for the pieces split lines leave (a few in a hundred lines).
        out: Vec::with_capacity(body.len() + body.len() / 8),
        seen: Reading::default(),
    };
    let mut raw = body
        .iter()
        .filter_map(|l| Unit::from_line(text, l))
        .inspect(|u| unplaced[u.line()] = true)
        .map(|u| Line::classify(u, lex))
        .peekable();
    while let Some(l) = raw.next() {
        // The body's last line, the footer's key run into its date
        // (2022年4月2日知识出处): the key is the envelope's.
        let l = match raw.peek() {
            None => r.unglue_footer(l),
            Some(_) => l,
        };
        let next = raw.peek().filter(|n| n.line() == l.line() + 1);
        let (l, glued, paged_head) = r.unglue(l, next.map(|n| n.text()));
        let near = raw.peek().filter(|n| n.line() <= l.line() + 2);
        let below = Below {
            near,
            next: near.filter(|n| n.line() == l.line() + 1),
        };
        if r.header_furniture(&l, below) {
            continue;
        }
        let above = std::mem::replace(&mut r.seen.page_above, false);
        let head_beside = std::mem::replace(&mut r.seen.head_above, false);
        if r.printed_head(&l, below, glued, paged_head, above)
            || r.page_number(&l, below, above, head_beside)
            || r.web_furniture(&l, below)
        {
            continue;
        }
        r.keep(l);
    }
    lines::close(&mut r.out, lex);
    r.out
}

impl<'t> Reader<'t, '_, '_> {
    /// A page's number or running head glued to the line taken off: the
    /// line left, whether one was taken off, and whether the line is a
    /// running head beside its page's number, whole (·302·　某某年鉴2020,
    /// 某某年鉴(2022)　·287·: one head).
    fn unglue(&mut self, l: Line<'t>, next: Option<&str>) -> (Line<'t>, bool, bool) {
        let (lex, book) = (self.lex, self.src.book);
        // (Or a bare page's number after the sentence's full stop, the next
        // line not going on with it: …配合）。208.)
        let glued_page = furniture::glued_page(l.text(), lex, book)
            .or_else(|| furniture::page_after_stop(l.text(), next));
        let paged_head = glued_page.clone().is_some_and(|r| {
            l.text()
                .get(r)
                .is_some_and(|own| furniture::is_running_head(own, lex, || true, book))
        });
        let Some(r) = glued_page.filter(|_| !paged_head) else {
            return (self.untail_portal(l), false, paged_head);
        };
        let u = l.unit();
        if let Some(glued) = u.sub(0, r.start).or_else(|| u.sub(r.end, u.text().len())) {
            self.sink.furnish(
                &Line::classify(glued, lex),
                "page number or running head of the printed original",
            );
        }
        let l = match u.sub(r.start, r.end) {
            Some(own) => Line::classify(own, lex),
            None => l,
        };
        (l, true, paged_head)
    }

    /// The portal's tools or metadata run into a title's line taken off
    /// (…的通知　【字体：大 中 小】, [`furniture::portal_tail`]): the title
    /// left.
    fn untail_portal(&mut self, l: Line<'t>) -> Line<'t> {
        let Some(r) = furniture::portal_tail(l.text(), self.lex) else {
            return l;
        };
        let u = l.unit();
        let (Some(own), Some(tail)) = (u.sub(0, r.end), u.sub(r.end, u.text().len())) else {
            return l;
        };
        let tail = Line::classify(tail, self.lex);
        self.sink
            .furnish(&tail, "web-page furniture, not part of a document");
        Line::classify(own, self.lex)
    }

    /// The footer's key run into the date on the body's last line
    /// ([`crate::envelope::date_glued`]) taken off, owned by the envelope:
    /// the date left.
    fn unglue_footer(&mut self, l: Line<'t>) -> Line<'t> {
        let Some(k) = crate::envelope::date_glued(self.lex, l.text()) else {
            return l;
        };
        let u = l.unit();
        let lead = u.text().len() - u.text().trim_start_matches(text::is_space).len();
        match (u.sub(0, lead + k), u.sub(lead + k, u.text().len())) {
            (Some(date), Some(key)) => {
                self.sink.owners.push(Owner::of(&key, Part::Envelope));
                Line::classify(date, self.lex)
            }
            _ => l,
        }
    }

    /// Lines of the document's header that are not its text: a portal's
    /// number label right under the title (kept as the number), an export's
    /// markup comment, a normative document's registration code, a rule.
    fn header_furniture(&mut self, l: &Line<'t>, below: Below) -> bool {
        // 发文字号：国办发〔2019〕5号 right under the title is the document's
        // number with a portal label: keep the number.
        let after_title = self.out.last().is_some_and(Line::is_title_end);
        if let Some(num) = after_title.then(|| header::labelled_number(l)).flatten() {
            self.seen.web_gap = false;
            self.out.push(Line::classify(num, self.lex));
            self.seen.gap.other();
            return true;
        }
        // A comment of a Markdown or HTML export (<!-- INFO END -->).
        if furniture::is_markup_comment(l.text()) {
            *self.sink.web_page = true;
            self.seen.gap.other();
            self.sink.furnish(l, "markup comment of the export");
            return true;
        }
        // A normative document's registration code alone on its line in
        // the header (ZBCR-2022-0020007): above or under its title or its
        // number, or above its addressees.
        let in_header = || {
            self.out
                .last()
                .is_none_or(|p| p.is_number() || p.is_title_fragment() || p.is_title_end())
                || below.near.is_some_and(|n| {
                    n.is_number() || n.is_title_fragment() || n.is_title_end() || n.is_addressee()
                })
        };
        if furniture::is_registration_code(l.text()) && in_header() {
            self.seen.gap.other();
            self.sink
                .furnish(l, "registration code of a normative document");
            return true;
        }
        // A rule of the printed original: under its 版头's number, between
        // the lines of its 版记.
        if furniture::is_rule(l.text()) {
            self.seen.gap.other();
            self.sink.furnish(l, "rule of the printed original");
            return true;
        }
        false
    }

    /// A yearbook page's running head, where its pages were joined, or a
    /// series', a section's, a chapter's head so printed: taken out.
    /// `above`: a page's number stood on the line above.
    fn printed_head(
        &mut self,
        l: &Line<'t>,
        below: Below,
        glued: bool,
        paged_head: bool,
        above: bool,
    ) -> bool {
        let (lex, book, section) = (self.lex, self.src.book, self.src.section);
        let src = self.src;
        // (A bare number inside a cut sentence is no page's: a wrapped figure
        // and a table's 序号 cell stand so too.)
        let out = &self.out;
        let cut = || joined_inside(out, l, below);
        let page_below = || below.page_mark();
        // (Or the head set to the page's right margin, 　…　2023 某某年鉴: its
        // line as printed.)
        let page_beside = || {
            above
                || page_below()
                || cut()
                || src.printed(l.line()).is_some_and(furniture::is_set_right)
        };
        // (A series' name right under a sentence that leads in to it, 应当在
        // 下列载体刊载： / 某市人民政府公报, is the sentence's object.)
        let led_in = || {
            self.out.last().is_some_and(|p| {
                p.line() + 1 == l.line() && text::trim(p.text()).ends_with(text::is_colon)
            })
        };
        // (Or the same name printed again alone where a later page's number
        // was lost: 某市人民政府公报 between two items of a list.)
        let series_seen = || self.seen.series_heads.contains(&text::trim(l.text()));
        let series = furniture::is_series_head(l.text(), lex, || {
            (above || page_below() || series_seen()) && !led_in()
        });
        if series && !series_seen() {
            self.seen.series_heads.push(text::trim(l.text()));
        }
        // (A head's rest a wrap cut: its issue alone under it, 某市人民政府公报 /
        // 2021年第4期; or one or two characters that complete it, the head
        // read with them, …2021年第4 / 期.)
        let rest_of_head = self.seen.head_at.is_some_and(|(h, head)| {
            h + 1 == l.line() && furniture::is_head_rest(head, l.text(), lex, book)
        });
        let cut_head = || {
            below
                .next
                .is_some_and(|n| furniture::cut_head(l.text(), n.text(), lex, page_beside, book))
        };
        // (Or the page's bare number right under the head, printed over it:
        // 某某年鉴2020 / 298; not a figure a measure word goes on with under
        // it, 120 / 个乡镇…, though a unit's name may open with a measure's
        // character, 298 / 人社局. Under a serial cell, 1 / 某某年鉴（2021） /
        // 120, the book and the figure are a table's cells, one a line.)
        let measured = |n: &Line| {
            self.src.recognised(n.line() + 1, lex).is_some_and(|a| {
                let t = text::trim(a.text());
                let word = t.find(|c: char| !text::is_han(c)).map_or(t, |e| &t[..e]);
                furniture::measures(t) && lex.organ_ending(word).is_none()
            })
        };
        let serial_above = || {
            self.out
                .last()
                .is_some_and(|p| p.line() + 1 == l.line() && furniture::is_bare_number(p.text()))
        };
        let number_below = || {
            !above
                && below
                    .next
                    .is_some_and(|n| furniture::is_page_under_head(n.text()) && !measured(n))
                && !serial_above()
        };
        // (Or a head taken out right above it: ·330· / 某某年鉴2020 / 文件选辑.)
        let head_above = self.seen.head_at.is_some_and(|(h, _)| h + 1 == l.line());
        let head = rest_of_head
            || paged_head
            || furniture::is_running_head(l.text(), lex, || page_beside() || number_below(), book)
            || cut_head()
            || series
            || furniture::is_section_head(l.text(), section)
            || furniture::is_book_and_section(l.text(), lex, book, section, || {
                above || page_below()
            })
            || furniture::is_masthead_head(l.text(), lex, || {
                (above || page_below()) && !self.masthead_over_document(l)
            })
            || furniture::is_framed_head(l.text(), lex, book, section)
            || furniture::is_own_running_head(l.text(), |n| self.own_number(n), lex)
            || furniture::is_chapter_head(
                l.text(),
                lex,
                section,
                || glued || above || page_below() || head_above,
                cut,
            );
        if head {
            if number_below() {
                self.seen.page_under_head = below.next.map(|n| n.line());
            }
            self.seen.head_above = !above && !page_below();
            self.seen.head_at = Some((l.line(), l.text()));
            self.seen.gap.page();
            self.sink.furnish(l, "running head of the printed page");
        }
        head
    }

    /// `n` is the number of the document being read: the last number line
    /// kept.
    fn own_number(&self, n: &crate::docnum::DocNumber) -> bool {
        self.out
            .iter()
            .rev()
            .find_map(Line::number)
            .is_some_and(|own| {
                own.issuer_code.is_some()
                    && own.issuer_code == n.issuer_code
                    && own.year == n.year
                    && own.serial == n.serial
            })
    }

    /// The next line holding text under `l`, past a few blank ones, opens a
    /// document's header: its number, a title whole, the issuer's name over
    /// the title, a title's first line opening with 关于, or addressees. `l`
    /// is then the document's own masthead (某市人民政府文件 / (blank) /
    /// 某政办字〔2021〕45号), not a page's head.
    fn masthead_over_document(&self, l: &Line) -> bool {
        (1..=3)
            .find_map(|k| self.src.recognised(l.line() + k, self.lex))
            .is_some_and(|n| {
                n.is_number()
                    || n.is_title_end()
                    || n.is_signature()
                    || n.is_addressee()
                    || n.is_title_fragment() && text::trim(n.text()).starts_with("关于")
            })
    }

    /// A printed original's page number, where its pages were joined: taken
    /// out. `above`: a page's number stood on the line above; `head_beside`:
    /// a running head without one did.
    fn page_number(&mut self, l: &Line<'t>, below: Below, above: bool, head_beside: bool) -> bool {
        let (lex, book, section) = (self.lex, self.src.book, self.src.section);
        let page_below = || below.page_mark();
        // A page number, or a bare number of three or four digits right
        // beside a running head that has none, inside a sentence the join
        // cut at a comma (…深度治理， / 156 / 某某年鉴·2021 / 颗粒物…). (A table's
        // serial cell stands under a page's number and head, ·56· / 某某年鉴·2023
        // / 2; a figure or a year goes on with its measure word, 30 / 某某年鉴·2021
        // / 个….)
        //
        // Or such a number of three digits right above a running head or
        // section head that bears no page number of its own (115 / 某某年鉴
        // 2021, 118 / 文件选辑), wherever the join cut (…全市安 / 115 / 某某年鉴
        // 2021 / 全生产…): the page's number, printed beside its head. (Four
        // digits there are a year or a figure as often, 2021 / 某某年鉴2021 /
        // 底前…, a table's 总投资 cell 1200.)
        let bare_page = || {
            let measured = |k: usize| {
                self.src
                    .recognised(l.line() + k, lex)
                    .is_some_and(|a| furniture::measures(a.text()))
            };
            let in_sentence = || {
                self.out
                    .last()
                    .is_some_and(|p| p.text().ends_with(['、', '，', ',']))
            };
            let numberless_head_below = || {
                below.next.is_some_and(|n| {
                    let t = n.text();
                    (furniture::is_running_head(t, lex, || true, book)
                        || furniture::is_section_head(t, section))
                        && t.chars().filter(|c| text::is_digit(*c)).count() <= 4
                })
            };
            furniture::is_bare_number(l.text())
                && !text::chars_at_most(text::trim(l.text()), 2)
                && !above
                && (in_sentence()
                    && (head_beside && !measured(1)
                        || below.next.is_some_and(|n| {
                            furniture::is_running_head(n.text(), lex, || true, book)
                        }) && !measured(2))
                    || text::char_len(text::trim(l.text())) == 3
                        && numberless_head_below()
                        && !measured(2))
        };
        // (A page's counter, 4/9, alone where the page broke: beside a
        // blank line or another page's mark, or after a line that closed
        // on a stop or a separator; after a phrase left open, …之比为 / 3/5,
        // it is the phrase's figure.)
        let counter = || {
            furniture::is_page_counter(l.text())
                && (above
                    || page_below()
                    || self.out.last().is_none_or(|p| {
                        p.is_date()
                            || p.text().ends_with(|c: char| {
                                text::is_sentence_end(c)
                                    || text::is_list_sep(c)
                                    || text::is_colon(c)
                                    || text::is_close_bracket(c)
                            })
                    }))
        };
        // (Or a number, bare or bracketed, between a list the join left open
        // and its next item: …交通运输局、 / 127 / 市场监管局.)
        let in_open_list = || {
            self.out.last().is_some_and(|p| {
                p.line() + 1 == l.line()
                    && below.next.is_some_and(|n| {
                        furniture::is_page_in_open_list(p.text(), l.text(), n.text())
                    })
            })
        };
        let under_head = self.seen.page_under_head.take() == Some(l.line());
        let page = furniture::is_page_number(l.text())
            || under_head
            || counter()
            || furniture::is_page_of(l.text(), || above || page_below())
            || bare_page()
            || in_open_list();
        if page {
            self.seen.page_above = true;
            self.seen.gap.page();
            self.sink.furnish(l, "page number of the printed original");
        }
        page
    }

    /// A web page's furniture (boxes, tools, navigation, a value's rest a
    /// wrap cut), and the page footer it opens after a signed document:
    /// its short lines (related links, site owner, licence). Taken out, a
    /// number the boxes give kept for the document.
    fn web_furniture(&mut self, l: &Line<'t>, below: Below) -> bool {
        let (lex, src, next) = (self.lex, self.src, below.next);
        let ahead = |k: usize| src.recognised(l.line() + k, lex);
        let seen = &mut self.seen;
        // (Under a heading of related links, a title closed by its number
        // in brackets is a link, the wrap's rest of its entry too.)
        let link = seen.related
            && (std::mem::take(&mut seen.link_rest)
                || furniture::related_link(l, ahead, lex)
                    .inspect(|&n| seen.link_rest = n == 2)
                    .is_some());
        // (A title over another in the footer, no heading above them, is a
        // link of a list as under one: 【打印本页】 / 某市人民政府关于…的通知 /
        // 某市人民政府关于…的通知.)
        let listed = seen.footer
            && l.is_title_end()
            && next.is_some_and(|n| n.is_title_end() && !n.is_portal());
        let footer_line = seen.footer
            && (link
                || furniture::is_footer_line(l, next, lex)
                    && !furniture::heads_next_document(l, ahead, lex)
                    && !furniture::opens_after_footer(l, next, seen.related || listed, lex));
        // 主题词：… not among furniture (after it or right before it) is the
        // 版记's first line (documents before 2012), not a web page's metadata.
        let keywords = l.is_colophon()
            && !seen.footer
            && !seen.prev_portal
            && !next.is_some_and(Line::is_portal);
        // The rest of a metadata value a wrap cut, alone on its line.
        let cut_value = seen
            .value_cut
            .take()
            .filter(|&(_, line)| line + 1 == l.line());
        // (The rest of the box's title, a wrap cutting it over more lines
        // up to the box's next row.)
        let title_rest = seen.title_until.is_some_and(|u| l.line() <= u);
        // (The line as printed: a step's `>` opening it is no quote's mark.)
        let value_rest = title_rest
            || cut_value.is_some_and(|(above, _)| {
                let printed = src.printed(l.line()).unwrap_or(l.text());
                furniture::is_value_rest(above, l.text(), printed, next, lex)
            });
        // (附件： alone over a file's name to download, right after the
        // date: the page's link, not an enclosure.)
        let download = self.out.last().is_some_and(Line::is_date)
            && furniture::is_download_label(l.text(), next);
        // (The page's info row between the title and the number, or the
        // number and the addressees, whatever labels it holds beside the
        // page's: 日期：…　　作者：…　　点击数：.)
        let header_info = || {
            self.out
                .last()
                .is_some_and(|p| p.is_title_end() || p.is_number())
                && next.is_some_and(|n| {
                    n.is_number()
                        || n.is_addressee()
                        || n.is_portal()
                        || furniture::is_url(n.text())
                })
                && furniture::is_header_info(l.text(), lex)
        };
        // (A heading of links right under the date opens the footer as the
        // page's tools do: 2020年3月2日 / 延伸阅读：.)
        let links_heading = || {
            self.out.last().is_some_and(Line::is_date)
                && furniture::is_related_heading(l.text(), lex)
        };
        if !(value_rest
            || !keywords && furniture::is_furniture(l, seen.footer || seen.prev_portal, next, lex)
            || footer_line
            || download
            || furniture::is_print_margin(l.text(), lex)
            || header_info()
            || links_heading())
        {
            (seen.footer, seen.related, seen.link_rest) = (false, false, false);
            seen.prev_portal = false;
            return false;
        }
        // (A value's rest is read with the label above it.)
        let joined;
        let meta = match cut_value.filter(|_| value_rest) {
            Some((above, _)) => {
                joined = [above, l.text()].concat();
                joined.as_str()
            }
            None => l.text(),
        };
        // (A row that gave its number whole gives it once, its rest joined
        // or not.)
        let given = title_rest
            || cut_value
                .filter(|_| value_rest)
                .is_some_and(|(above, _)| header::metadata_number(above, lex).is_some());
        if let Some(n) = header::metadata_number(meta, lex).filter(|_| !given) {
            self.sink.meta_numbers.push((self.out.len(), n));
        }
        // (A rest may be cut again: a page's navigation over three lines,
        // 首页 » 信息公 / 开 » 政府信息公开目录 / >; a row may be cut after its
        // number, in its last field, 文号：…　　成文日期：2020- / 10-09.)
        seen.value_cut = Some((l.text(), l.line()));
        if !value_rest {
            seen.title_until =
                furniture::title_value_lines(l.text(), ahead, lex).map(|k| l.line() + k);
            seen.prev_portal = true;
            // (A heading of related links, 相关稿件：, opens the footer under
            // a document whether or not a date signed it.)
            seen.related |= listed || furniture::is_related_heading(l.text(), lex);
            // (A link to download a file opens none: the enclosure's text
            // may follow it, 附件： / …预案.pdf / …预案 / 一、总则….)
            let link = download || furniture::is_file_name(l.text());
            seen.footer |= seen.signed && !link || seen.related;
        }
        seen.web_gap = true;
        *self.sink.web_page = true;
        seen.gap.other();
        self.sink
            .furnish(l, "web-page furniture, not part of a document");
        true
    }

    /// A line of the document kept: split where elements run together (a
    /// date and its note in brackets are two lines, an organ and its seal's
    /// note too, and the date after them a third), marked when a page's
    /// or a web page's furniture stood above it.
    fn keep(&mut self, l: Line<'t>) {
        let lex = self.lex;
        // (The first line kept under a web page's furniture is marked.)
        let web_above = std::mem::take(&mut self.seen.web_gap);
        let mark_web = |out: &mut Vec<Line<'t>>, from: usize| {
            if let Some(first) = out.get_mut(from).filter(|_| web_above) {
                first.mark_web_above();
            }
        };
        // The date and a note in brackets on one line, or an organ and its
        // seal's note: two lines; an organ, its seal's note and the date:
        // three.
        let t = l.text();
        let cuts = lines::body::sealed_sign_off(t, lex)
            .map(|(note, date)| [note, date])
            .or_else(|| {
                lines::body::date_and_note(t)
                    .or_else(|| lines::body::organ_and_seal(t, lex))
                    .map(|at| [at, t.len()])
            });
        if let Some([at, date]) = cuts {
            let u = l.unit();
            let from = self.out.len();
            for piece in [u.sub(0, at), u.sub(at, date), u.sub(date, t.len())]
                .into_iter()
                .flatten()
            {
                let p = Line::classify(piece, lex);
                self.seen.signed |= p.is_date();
                lines::split_and_classify(p, lex, &mut self.out);
            }
            mark_web(&mut self.out, from);
            self.seen.gap.other();
            return;
        }
        self.seen.signed |= l.is_date();
        let (from, line) = (self.out.len(), l.line());
        lines::split_and_classify(l, lex, &mut self.out);
        mark_web(&mut self.out, from);
        self.seen.gap.keep(&mut self.out, from, line);
    }
}

/// Inside a sentence or list cut where two pages were joined (…交办、 /
/// 某某年鉴2022 / 督办、…): the line above stops at a comma, the line
/// below goes on.
fn joined_inside(out: &[Line], l: &Line, below: Below) -> bool {
    out.last()
        .is_some_and(|p| p.line() + 1 == l.line() && p.text().ends_with(['、', '，', ',']))
        && below
            .next
            .is_some_and(|n| n.text().starts_with(text::is_han))
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;

    /// A Word running head repeating the organ and the document's own
    /// number where the pages were joined is the page's: no clause's text
    /// holds it, nor a roster's line.
    #[test]
    fn a_word_running_head_is_no_clauses_text() {
        let lex = Lexicon::builtin();
        let src = "某市人民政府办公室关于印发某市2022年重点任务分工方案的通知\n某政办发〔2022〕9号\n各县区人民政府，市直各部门：\n一、提升政务服务效能。推行一窗受理。\n某市人民政府办公室　　　　　　　　　某政办发〔2022〕9号\n— 2 —\n二、优化市场环境。规范涉企收费。\n某市人民政府办公室　　　　某政办发〔2021〕3号\n某市人民政府办公室\n2022年3月18日";
        let p = crate::parse(src, "t.txt", &lex);
        let d = &p.documents[0];
        assert_eq!(d.clauses[0].text, "提升政务服务效能。推行一窗受理。");
        // (Another number beside the organ is the text's.)
        assert!(d.clauses[1].text.contains("某政办发〔2021〕3号"));
        assert!(p.diagnostics.iter().any(|g| g.line == 5));
    }

    /// A page's number alone between a label's list left open and its next
    /// unit is the page's; a serial cell is not.
    #[test]
    fn a_page_number_inside_a_labelled_list() {
        let lex = Lexicon::builtin();
        let src = "某县人民政府办公室关于做好供暖保障工作的通知\n某政办发〔2020〕6号\n各乡镇人民政府：\n一、保障煤炭供应。\n责任单位：县工信局、交通运输局、\n127\n市场监管局\n二、保障热源。\n责任单位：县住建局、\n2\n县财政局\n某县人民政府办公室\n2020年9月20日";
        let p = crate::parse(src, "t.txt", &lex);
        let fields = |k: usize| p.documents[0].clauses[k].fields.clone();
        assert_eq!(fields(0)[0].1, "县工信局、交通运输局、市场监管局");
        assert_eq!(fields(1)[0].1, "县住建局、2县财政局");
    }

    /// A running head over its page's bare number, inside a title and a
    /// list the join cut: both the page's; a book over a figure in a
    /// table's cells one a line, or a figure a measure word goes on with,
    /// are the text's. A chapter's name under a head taken out is the
    /// page's too.
    #[test]
    fn a_running_head_over_its_bare_page_number() {
        let lex = Lexicon::builtin();
        let src = "某市人民政府办公室关于做好冬季供热保障
某某年鉴2021
276
工作的通知
某政办发〔2020〕41号
各县（区）人民政府：
一、保障燃料供应。
责任单位：市住建局、
·277·
某某年鉴2021
文件选辑
人社局
二、统计供热面积。全市共有
某某年鉴2021
120
个乡镇完成。
某市人民政府办公室
2020年10月9日";
        let p = crate::parse(src, "t.txt", &lex);
        let d = &p.documents[0];
        assert_eq!(
            d.title.as_deref(),
            Some("某市人民政府办公室关于做好冬季供热保障工作的通知")
        );
        assert_eq!(d.clauses[0].fields[0].1, "市住建局、人社局");
        assert!(d.clauses[1].text.contains("120"));
        let table = "某市人民政府办公室关于报送年鉴条目的通知
某政办发〔2021〕3号
各县（区）人民政府，市直各单位：
一、报送年鉴条目。各单位按下表报送。
序号
书名
条目数
单位
1
某某年鉴（2021）
120
市地方志办
二、做好审读。
某市人民政府办公室
2021年3月2日";
        let p = crate::parse(table, "t.txt", &lex);
        let cells = &p.documents[0].clauses[0].text;
        assert!(
            cells.contains("1\n某某年鉴（2021）\n120\n市地方志办"),
            "{cells}"
        );
    }

    /// 附件： alone over a file's name to download after the date: the
    /// page's link, no enclosure.
    #[test]
    fn a_download_link_after_the_date_is_no_enclosure() {
        let lex = Lexicon::builtin();
        let doc = "某市人民政府办公室关于做好春季防火工作的通知\n某政办字〔2020〕21号\n各旗县人民政府：\n一、压实防火责任。\n某市人民政府办公室\n2020年3月26日\n附件：\n";
        let p = crate::parse(
            &[doc, "某市春季防火期野外用火管理规定.doc"].concat(),
            "t.txt",
            &lex,
        );
        assert!(p.documents[0].enclosure.is_none());
        let p = crate::parse(
            &[
                doc,
                "某市春季防火期野外用火管理规定\n第一条　为规范野外用火，制定本规定。",
            ]
            .concat(),
            "t.txt",
            &lex,
        );
        assert!(p.documents[0].enclosure.is_some());
    }
}
