//! One document's record, built from its recognised lines.
//!
//! The header (title, number, addressees) is read first (`header.rs`); the
//! rest of the document's lines go through a state machine ([`State`]):
//! the notice's own text, signed off once its signature or date is read,
//! then — for a transmittal notice or an order — the enclosed document,
//! whose clause paths start afresh, and any 附件 blocks. Each step decides
//! on a line's kind, its features and the state; no step reads the text of
//! a line to recognise it again (that is `crate::lines`). Every line ends up
//! in exactly one element of the record.

mod enclose;
mod finish;
mod header;
mod prose;
mod queue;
mod sign;
mod table;
mod toc;

use crate::clauses::{Room, Tree};
use crate::lexicon::Lexicon;
use crate::lines::{body, Kind, Line};
use crate::marker::{ClauseKind, Marker};
use crate::record::*;
use crate::segment;
use crate::unit::Unit;

pub use header::number_above_title;
use prose::Prev;
use toc::TocEntry;

/// Where the builder stands in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// The notice's own text, before its signature and date.
    Notice,
    /// The notice has signed off: its signature or date was read. A title
    /// now opens the enclosed document, 附件 an attachment. `after_body`:
    /// the notice's text came before the sign-off (it closes the notice;
    /// a date printed under the title does not), so plain text after it
    /// is not the notice's.
    Signed { after_body: bool },
    /// The enclosed document (a transmitted plan, a promulgated regulation).
    Enclosure,
    /// An attachment (附件); the attachment says what it belongs to.
    Attachment,
}

/// The owner of the clauses being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Notice,
    Enclosure,
}

/// A run of lines read as one block rather than as clauses.
#[derive(Debug, Clone, Copy)]
enum Block {
    /// Clauses, labels and text.
    Prose,
    /// A table of contents (目录): its first entry, once seen.
    Toc(Option<TocEntry>),
    /// After 附件： before the signature: the numbered lines that follow
    /// list the attachments; they are not clauses. `cut`: the last item's
    /// title has no genre word yet (a wrap cut it).
    AttachmentList { cut: bool },
}

/// The part of the record clauses are being written to.
struct Holder {
    tree: Tree,
    preamble: Vec<Paragraph>,
    fields: Vec<(String, String)>,
}

impl Holder {
    /// A holder whose clause lists are given `room` ([`Tree::with_room`]).
    fn new(room: Room) -> Holder {
        Holder {
            tree: Tree::with_room(room),
            preamble: Vec::new(),
            fields: Vec::new(),
        }
    }
}

/// How far above a line the rule over its footnotes is sought, in bytes
/// ([`Builder::under_rule`]): a rule, blank lines and a page's furniture.
const RULE_GAP_BYTES: usize = 4096;

/// How far past the number its style expects a list item's number is out of
/// any sequence: a list may skip an item or two, never ten.
const FAR_OUT: u32 = 10;

struct Builder<'a, 't> {
    lex: &'a Lexicon,
    lines: queue::Queue<'a, 't>,
    doc: Document,
    state: State,
    block: Block,
    prev: Prev,
    /// The notice's and the enclosed document's clauses.
    notice: Holder,
    enclosed: Holder,
    enclosure: Option<Enclosure>,
    /// Attachments, each with the zone it belongs to.
    attachments: Vec<(Zone, Attachment, Holder)>,
    /// The title encloses another document (印发《…》), or the document
    /// promulgates one (…令).
    transmittal: bool,
    /// The enclosed document's title as the notice names it, squashed.
    quoted_title: Option<String>,
    /// The titles the notice issues when it names two or more (印发《A》
    /// 《B》), squashed: where a later one is printed, its text begins.
    issued: Vec<String>,
    /// `issued` was sought in the notice's text, its title naming none.
    issued_read: bool,
    /// Sections numbered 1.1, 1.2 …: a bare `1 总则` is a marker.
    decimal_mode: bool,
    owners: Vec<Owner>,
    /// The fixed width the document's lines were cut at, if any.
    wrap: Option<usize>,
    /// The document sets its paragraphs apart by blank lines.
    blank_paragraphs: bool,
    /// The room the document's clause lists are given, shared by its trees.
    room: Room,
    /// The line before this one ended with a colon or reads as an organ
    /// alone: this one may be an item of a list (以下单位… / 市公安局交警支队),
    /// so a signature cannot start here.
    listed: bool,
    /// What `listed` will be for the next line.
    lists: bool,
    /// The line read last reads as an organ alone (a signature's).
    organ_line: bool,
    /// The decoded text the lines are cut from.
    src: &'t str,
    /// Which marker kinds the document indents (hanging paragraphs).
    hanging: prose::Hanging,
    /// Another document follows this one in the file.
    followed: bool,
    /// The date printed in brackets under the title, ISO.
    noted_date: Option<String>,
    /// The issuers a 纪要's masthead names, for a text that signs none.
    masthead_issuers: Vec<String>,
    /// The header of the last task table read, and how many rows it has
    /// numbered, when it numbers them by position.
    last_table: Option<(Vec<String>, u32)>,
    /// A task table's header was read as text (its columns cut by a wrap):
    /// the rows under it are reported too.
    unread_table: bool,
    /// The 版记 was read: the text of the part it closes (the notice, its
    /// enclosure or an attachment) is over.
    colophon_read: bool,
    /// The 版记's 主送 line gave the addressees, the header naming none:
    /// its list as written so far, which a line the wrap cut goes on.
    colophon_addressed: Option<String>,
    /// Footnotes under the signed notice: where the text their marks are
    /// sought in ends (the first footnote's line), and each mark sought so
    /// far with whether that text holds it.
    footnote_marks: (usize, Vec<(String, bool)>),
    /// The footnote read last goes on: no stop closed it.
    footnote_open: bool,
    /// The line read last was a footnote under a rule closing the text.
    footnotes_ruled: bool,
    /// The contact note read last goes on: a wrap cut it before its bracket
    /// closed.
    contact_open: bool,
}

impl<'a, 't> Builder<'a, 't> {
    /// The holder being filled ([`Builder::holder`]), to read.
    fn holder_ref(&self) -> &Holder {
        match self.state {
            State::Attachment => {
                &self
                    .attachments
                    .last()
                    .expect("attachment state has an attachment")
                    .2
            }
            State::Enclosure => &self.enclosed,
            State::Notice | State::Signed { .. } => &self.notice,
        }
    }

    fn holder(&mut self) -> &mut Holder {
        match self.state {
            State::Attachment => {
                &mut self
                    .attachments
                    .last_mut()
                    .expect("attachment state has an attachment")
                    .2
            }
            State::Enclosure => &mut self.enclosed,
            State::Notice | State::Signed { .. } => &mut self.notice,
        }
    }

    /// The notice's own text, signed or not.
    fn in_notice(&self) -> bool {
        matches!(self.state, State::Notice | State::Signed { .. })
    }

    /// The notice has signed off after its text, or the 版记 closed the
    /// part being read.
    fn closed(&self) -> bool {
        self.state == State::Signed { after_body: true } || self.colophon_read
    }

    fn own(&mut self, u: &Unit, part: Part) {
        let depth = match part {
            Part::Clause | Part::ClauseText => self.holder().tree.depth().min(255) as u8,
            _ => 0,
        };
        self.owners.push(Owner {
            line: u.line(),
            start: u.start(),
            end: u.end(),
            part,
            depth,
        });
    }

    /// The open clause's text left a bracket open: a label on the next
    /// line is the bracket's (…(牵头单位:市农业农村局; / 配合单位:市财政局)).
    fn bracket_pending(&mut self) -> bool {
        matches!(self.prev, Prev::Text { open: true, .. })
            && self
                .holder()
                .tree
                .top_text()
                .is_some_and(prose::unclosed_bracket)
    }

    fn diag(&mut self, line: usize, code: DiagCode, message: impl Into<String>) {
        self.doc.diagnostics.push(Diagnostic {
            line,
            code,
            message: message.into(),
        });
    }

    /// Recognises a piece cut from a line and puts it next in line.
    fn push_front(&mut self, u: Unit<'t>) {
        let l = Line::classify(u, self.lex);
        self.lines.push_front(l);
    }

    /// The clause text read last stops on a list separator or on a word
    /// that cannot end a sentence (`open_end` words: 的, 和, 对 …): the line
    /// under it goes on with it.
    fn top_text_cut(&mut self) -> bool {
        let lex = self.lex;
        self.holder()
            .tree
            .top_text()
            .is_some_and(|t| t.ends_with(['、', '，']) || lex.ends_open(t))
    }

    /// The line above ended where a new article may open: under the title,
    /// a chapter's or section's heading, or a sentence's closing mark (not
    /// …依照《消防法》 / 第六十条处罚).
    fn above_ended(&mut self) -> bool {
        if matches!(self.prev, Prev::Text { open: true, .. }) {
            return false;
        }
        let h = self.holder();
        let tree = &h.tree;
        match tree.top_kind() {
            None => h
                .preamble
                .last()
                .is_none_or(|p| prose::is_closed_line(crate::text::trim(&p.text))),
            Some(ClauseKind::Part | ClauseKind::Chapter | ClauseKind::Section) => true,
            Some(_) => tree.top_text().is_some_and(|t| {
                let t = crate::text::trim(t);
                !t.is_empty() && prose::is_closed_line(t)
            }),
        }
    }

    fn step(&mut self, l: Line<'t>) {
        let lists = crate::lines::header::ends_in_colon(l.text()) || l.is_signature();
        self.listed = std::mem::replace(&mut self.lists, lists);
        let organ_above = std::mem::replace(&mut self.organ_line, l.is_signature());
        if self.try_toc(&l) || self.try_table(&l) {
            return;
        }
        if l.marker(false).is_none() && self.label_cut_by_wrap(&l) {
            return;
        }
        // Wrapped lines first: a line continuing the last one is text. A
        // line that opens with the numeral after the one the last ended with
        // (…按照一、 / 二、三类管线…) goes on counting: it is no marker.
        let marker = l.marker(self.decimal_mode);
        let counting = match (self.prev, marker) {
            (Prev::Text { count: Some(n), .. }, Some(m)) => {
                matches!(m.kind, ClauseKind::Cn | ClauseKind::Num) && m.number == n + 1
            }
            // 一是 after a comma, with 二是 on its own line, goes on the
            // sentence (…着力做好两方面工作， / 一是加强道路巡查，二是…): an
            // enumeration inside it.
            (Prev::Text { open: true, .. }, Some(m)) if m.kind == ClauseKind::CnEnum => {
                let next = crate::normalize::numeral::cn_small(m.number + 1);
                // At the margin: an indented 一是 opens a paragraph of its own.
                let t = l.text();
                !prose::is_indented(self.src, l.start())
                    && next.is_some_and(|n| {
                        t.match_indices(n)
                            .any(|(i, _)| t[i + n.len()..].starts_with('是'))
                    })
                    && self
                        .holder()
                        .tree
                        .top_text()
                        .is_some_and(|t| t.ends_with(['，', ',']))
            }
            // A numeral after 第 ending the line above is an ordinal a wrap
            // cut (…“保护为主、抢救第 / 一、合理利用…”): no marker.
            (Prev::Text { .. }, Some(m)) if m.kind == ClauseKind::Cn => {
                let h = self.holder();
                h.tree
                    .top_text()
                    .or_else(|| h.preamble.last().map(|p| p.text.as_str()))
                    .is_some_and(|t| t.ends_with('第'))
            }
            _ => false,
        };
        // A line at the margin that opens like a marker the document
        // indents is a wrapped line; the marker the numbering expects only
        // where the line above cannot end (…对符合条件的 / 二、三级医院…): a
        // paragraph that lost its full stop (…全面负责 / （二）…) ends there.
        let wrapped_marker = marker.is_some_and(|m| {
            matches!(
                self.prev,
                Prev::Text { open: true, .. } | Prev::Text { hang: true, .. }
            ) && self.hanging.indents(m.kind)
                && self.hangs_on(&l)
                && (m.number != self.holder().tree.expected(m.kind) || self.top_text_cut())
        });
        // A bracketed number that would open a list at 2 or more (no item
        // of its style open above it, so no sibling numbered one less), at
        // the margin under a line the wrap cut inside a phrase, is the
        // phrase's rest: …完成22座小 / （2）型病险水库…, a 小（2）型 reservoir.
        let cut_paren = matches!(self.prev, Prev::Text { open: true, .. })
            && marker.is_some_and(|m| {
                matches!(m.kind, ClauseKind::NumParen | ClauseKind::CnParen)
                    && m.number > 1
                    && !self.holder().tree.is_open(m.kind)
            })
            && prose::at_margin(self.src, l.start())
            && self.last_line_cut(false);
        // A number in figures far past the one its style expects (106、 where
        // 1.–3. run), at the margin under a line the wrap cut inside a word or
        // a code (…日南高速及G / 106、G220沿线…), is the cut token's rest.
        let cut_number = matches!(self.prev, Prev::Text { open: true, .. })
            && marker.is_some_and(|m| {
                m.kind == ClauseKind::Num
                    && m.number >= self.holder().tree.expected(m.kind) + FAR_OUT
            })
            && prose::at_margin(self.src, l.start())
            && self.last_line_cut(true);
        // 二是 at a line's start after an 一是 inside the text of the last
        // clause, itself no 一是 (…资金保障。一是州财政每年足额安排…； /
        // 二是积极争取…): the enumeration the line above began after a stop
        // or a colon goes on, not a clause. (Run into a heading, 控源截污一是…,
        // 一是 is a clause of its own.)
        let enumerating = matches!(self.prev, Prev::Text { .. })
            && marker.is_some_and(|m| {
                let tree = &self.holder().tree;
                m.kind == ClauseKind::CnEnum
                    && m.number >= 2
                    && m.number != tree.expected(m.kind)
                    && tree.top_kind() != Some(ClauseKind::CnEnum)
                    && crate::normalize::numeral::cn_small(m.number - 1).is_some_and(|n| {
                        let before = [n, "是"].concat();
                        tree.top_text().is_some_and(|t| {
                            t.match_indices(before.as_str()).any(|(i, _)| {
                                t[..i].ends_with(['。', '：', ':', '；', ';', '，', ','])
                            })
                        })
                    })
            })
            && !l.has_label()
            && !l.is_date();
        // (A line opening with a mark that closes what comes before it, a
        // wrap's leftover: …4月15日 / ；, …等规定 / ，结合本市实际，….)
        let leftover = matches!(self.prev, Prev::Text { .. })
            && marker.is_none()
            && l.text()
                .chars()
                .next()
                .is_some_and(|c| "。；;，,、）)」』”’！？!?".contains(c));
        // (An item cited across a wrap: …违反本办法第二条第 / （二）项规定的，….)
        // (Not a word opening with 项, 款 or 目: …以等第 / （二）项目设置.)
        let cited = matches!(self.prev, Prev::Text { .. })
            && marker.is_some_and(|m| {
                let body = &l.text()[m.body.min(l.text().len())..];
                body.starts_with(['项', '款', '目'])
                    && !["项目", "款项", "目标", "目前", "目的", "目录"]
                        .iter()
                        .any(|w| body.starts_with(w))
            })
            && self
                .holder()
                .tree
                .top_text()
                .is_some_and(|t| t.ends_with('第'));
        // (Or a section a sentence cites across a wrap, its number run into
        // the words after it: …按照本预案 / 1.1规定由市指挥部办公室…, …依照 /
        // 3.1.2条规定启动响应.)
        // (The text above left its sentence open on a word that names what
        // it cites, at whatever width: …按照本预案, …依照, …本预案第; not a heading's
        // line, 坚持以人为本、预防为主 / 1.2规定程序.)
        let cites = |t: &str| {
            self.lex.ends_citing_section(t)
                || self
                    .lex
                    .genre_suffix(t)
                    .is_some_and(|(_, at)| t[..at].ends_with(['本', '该']))
        };
        let cited_section = matches!(self.prev, Prev::Text { .. })
            && marker.is_some_and(|m| {
                let body = &l.text()[m.body.min(l.text().len())..];
                // (Words that refer back, not a heading's: 1.1项目范围, 2.3节能.)
                let refers = |b: &str| {
                    ["规定", "的规定", "要求", "所列", "所述"]
                        .iter()
                        .any(|w| b.starts_with(w))
                };
                m.kind == ClauseKind::Decimal
                    && !m.spaced
                    && (refers(body)
                        || body
                            .strip_prefix(['条', '款', '项', '章', '节'])
                            .is_some_and(|r| refers(r) || r.starts_with(['的', '、', '和', '中'])))
            })
            && self
                .holder()
                .tree
                .top_text()
                .is_some_and(|t| !prose::is_closed_line(t) && cites(t));
        let continues = enumerating
            || cited
            || cited_section
            || (leftover
                || match self.prev {
                    Prev::Text { open: true, .. } | Prev::Field { open: true, .. } => true,
                    Prev::Text { hang: true, .. } => self.hangs_on(&l),
                    Prev::Field { open: false, .. } => {
                        marker.is_none() && !l.has_label() && self.field_goes_on(l.text())
                    }
                    _ => false,
                })
                && (marker.is_none() || counting || wrapped_marker || cut_paren || cut_number)
                && (!l.has_label() || self.bracket_pending())
                && (!l.is_date() || self.deadline_awaits_value(&l))
                && !l.is_colophon()
                && !body::closes_document(l.text(), self.lex)
                && !self.signs_run_on(&l)
                && !self.signs_under_open_line(&l)
                && !crate::lines::body::opens_attachment(l.text(), self.lex)
                && !self.opens_wrapped_attachment(&l);
        if continues {
            // Joined as a wrapped line is, whatever made it go on.
            if let Prev::Text { open, .. } = &mut self.prev {
                *open = true;
            }
            self.body_text(l);
            return;
        }
        // (Or a list of them going on from a 抄送 line the wrap cut.)
        // (Every item of it an organ's or a body's name: an enclosure's
        // title or 附件 under the 版记 is none.)
        // (Or, indented, the rest of the item above, its list or its
        // keywords, whether that line closed or not: 抄送：…，省扶贫办。 /
        // 　　　市人大常委会办公室，…; 主题词：…　方案 / 　　　　通知.)
        let footnote_open = std::mem::take(&mut self.footnote_open);
        let ruled = std::mem::take(&mut self.footnotes_ruled);
        let contact_open = std::mem::take(&mut self.contact_open);
        let colophon_goes_on = matches!(self.prev, Prev::Colophon { .. })
            && marker.is_none()
            && !l.has_label()
            && !l.is_date()
            && !l.text().contains(['：', ':'])
            && (matches!(self.prev, Prev::Colophon { open: true })
                && !l.is_title_end()
                && (self.colophon_items_go_on(l.text()) || self.list_rest_over_colophon(&l))
                || prose::is_indented(self.src, l.start())
                    && (self.colophon_items_go_on(l.text()) || colophon_item_rest(l.text())));
        // (Under the notice, its enclosure or an attachment alike: the 版记
        // closes whichever part was read last.)
        // (A 主送 line is the 版记's only after the text: above the signature
        // it is the text's, addressees repeated or not.)
        let early_addressees = l.is_colophon()
            && !matches!(self.state, State::Signed { .. })
            && !self.colophon_read
            && crate::lines::header::without_label(l.text(), self.lex).len()
                < crate::text::trim(l.text()).len();
        if (l.is_colophon() && !early_addressees) || colophon_goes_on {
            self.colophon_addressees(&l, colophon_goes_on);
            self.own(&l, Part::Colophon);
            self.colophon_read |= !crate::lines::body::dated_first(l.text());
            // (A distribution list the wrap cut, after a separator or inside
            // a name, …市政协 / 办公室，…: not closed by its full stop nor a
            // printing line.)
            // (Above the printing line, the block goes on: the next line
            // indented is the rest of this one.)
            // (A line whole in itself, the copies note alone or the
            // disclosure line, has no rest either.)
            let t = crate::lines::body::without_copies(l.text(), self.lex);
            let printing = t.is_empty()
                || crate::lines::body::is_disclosure(t, self.lex)
                || self.lex.printed.iter().any(|w| t.ends_with(w.as_str()));
            let open =
                t.ends_with(crate::text::is_list_sep) || !t.ends_with(['。', '.']) && !printing;
            self.prev = if printing {
                Prev::None
            } else {
                Prev::Colophon { open }
            };
            return;
        }
        if self.try_contact_note(&l, contact_open) {
            return;
        }
        // Footnotes under the signed notice, under a rule or the attachment
        // list closing the text (①…, 〔1〕…): kept with its text as a note
        // after the signature is, no clause nor stray text.
        // (Sought only for a footnote's mark or rest: most lines are neither.)
        let under_rule = (footnote_open || body::note_mark(l.text(), self.lex).is_some())
            && (ruled
                || self.under_rule(&l)
                || self.footnote_set_apart(&l)
                || self.footnote_under_list(&l)
                || self.footnote_after_attachment(&l));
        if footnote_open && self.footnote_goes_on(&l) || self.footnote_below_text(&l, under_rule) {
            let t = crate::text::trim(l.text());
            self.footnote_open = !t.ends_with(['。', '.', '；', ';', '！', '？']);
            self.footnotes_ruled = under_rule;
            self.body_text(l);
            self.prev = Prev::None;
            return;
        }
        // The date, alone on its line or in brackets right under the
        // signature (中共某某市委 / (2019年3月5日)) or closing a document
        // printed without one.
        let dated = l.is_date()
            || self.signed_last() && self.bracket_date(&l)
            || self.closing_bracket_date(&l);
        if dated && self.in_notice() && self.take_date(&l) {
            return;
        }
        if self.try_attachment_item_rest(&l) {
            return;
        }
        if self.try_enclosure_masthead(&l) {
            return;
        }
        if self.try_signature(&l)
            || self.try_enclosure_sign_off(&l)
            || self.try_enclosure(&l)
            || self.try_attachment(&l)
            || self.try_next_plan(&l)
        {
            // A table after these is a table of its own: its rows are
            // numbered afresh. (A part printed under the 版记 opens again.)
            self.last_table = None;
            self.unread_table = false;
            self.colophon_read = false;
            self.end_attachment_list();
            return;
        }
        if self.try_attachment_list(&l) {
            return;
        }
        if l.has_label() {
            self.label(l);
            return;
        }
        // A list's group heads (先进单位(3个):) read as addressees: in an
        // enclosed 名单, understood.
        let mut understood = l.is_addressee()
            && !self.in_notice()
            && self
                .enclosure
                .as_ref()
                .and_then(|e| e.doc_type.as_deref())
                .is_some_and(|g| matches!(g, "名单" | "名單"));
        // (A number split off the text before it on its line, the title of a
        // document a list names: 决定废止以下规范性文件： / …的通知（某政〔2016〕9号）.
        // It is cited there.)
        understood |= l.is_number() && self.owners.last().is_some_and(|o| o.line == l.line());
        // (Or printed under the title it numbers, which the line above closes:
        // 3.《某市人民政府关于…的通知》 / （某府发〔2014〕7号）.)
        understood |= prose::numbers_name_above(&l)
            && self.owners.last().is_some_and(|o| o.line + 1 == l.line())
            && matches!(self.prev, prose::Prev::Text { open: true, .. });
        if let Some(m) = l.marker(self.decimal_mode) {
            let empty = crate::text::trim(&l.text()[m.body..]).is_empty();
            let law = matches!(
                m.kind,
                ClauseKind::Part | ClauseKind::Chapter | ClauseKind::Section | ClauseKind::Article
            );
            // A law's number written without a space must continue the
            // sequence: 第十三条内容, 第五章的规定 at the start of a sentence
            // (or of a wrapped line) is no marker.
            let expected = self.holder().tree.expected(m.kind);
            let label = &l.text()[..m.len.min(l.text().len())];
            // (An article a revision inserted, 第四条之一, follows the
            // article of its number.)
            let inserted = crate::marker::is_inserted_article(label);
            let in_sequence = if inserted {
                m.number + 1 == expected
            } else {
                m.number == expected || m.number == 1
            };
            let rest = &l.text()[m.body..];
            // The words after an unspaced number cite it (第七条的规定…).
            let cited = law
                && !m.spaced
                && self.lex.cited.iter().any(|w| {
                    rest.trim_start_matches(crate::text::is_space)
                        .starts_with(w.as_str())
                });
            let seq_ok = if m.kind == ClauseKind::Article {
                // Ahead of the sequence, an excerpt's article (节选: 第二章 /
                // 第八条城市道路的建设…) where the line above ended, unless its
                // words cite it (第八条规定…); under a sentence that goes on
                // (…依照《消防法》 / 第六十条处罚) it is a citation.
                // In sequence, it is cited only where both say so (…依照本办法 /
                // 第七条的规定追回…).
                m.spaced
                    || in_sequence && (!cited || self.above_ended())
                    || m.number > expected && !cited && self.above_ended()
            } else if law {
                // A chapter out of sequence is one where it reads as a
                // heading (an excerpt opening at 第二章规划建设), not as a
                // sentence (第五章的规定处罚。).
                m.spaced
                    || in_sequence
                    || crate::text::chars_at_most(rest, 20)
                        && !cited
                        && !rest.contains(['，', '。', '；', ','])
            } else if crate::marker::is_closed_num(label) {
                // Items closed by a bracket alone (1）, 2）) count in
                // sequence from 1.
                in_sequence
            } else if m.kind == ClauseKind::Num && crate::marker::opens_with_term(rest).is_some() {
                // An item opening with a term (1.5G+智慧石化) reads as a
                // decimal and its unit too (…新建机组单机容量不低于 / 2.5MW级，…):
                // an item where the numbering expects it and the line above
                // ended, the amount under a sentence going on.
                in_sequence && !matches!(self.prev, Prev::Text { open: true, .. })
            } else {
                // 三、四月份是… out of sequence counts two months.
                !(m.kind == ClauseKind::Cn
                    && m.number != expected
                    && crate::marker::counts_on(rest, m.number, &self.lex.measure))
            };
            let below = empty && !law && self.heading_below(m, expected);
            if (!empty || law || below) && seq_ok && !self.footnote(m, &l) {
                let m = m.clone();
                self.clause(l, m);
                if below {
                    self.holder().tree.text_below();
                }
                return;
            }
            // A chapter cited in a sentence, or two periods counted, is
            // understood as text: no diagnostic. An article out of sequence
            // is still reported, unless its words cite it: then it goes on the
            // sentence above (…依照本办法 / 第七条的规定追回…).
            understood = !seq_ok && (m.kind != ClauseKind::Article || cited)
                || seq_ok && self.footnote(m, &l);
            // (Not under an item closed by a document's number on a line
            // that had room for the article: 3.《…细则》（…〔2016〕31号） /
            // 第十八条第二款删去。 is a paragraph of its own.)
            let room = crate::text::char_len(label);
            if cited && !self.closed_by_number(room) {
                if let Prev::Text { open, .. } = &mut self.prev {
                    *open = true;
                }
            }
        }
        // (The enclosure's or an attachment's own sign-off that
        // `try_enclosure_sign_off` did not take, which the record has no
        // field for: its text stays the last clause's.)
        understood |= organ_above && self.signs_enclosure(&l);
        understood |= self.forwarded_header(&l);
        if !understood {
            self.misread(&l);
        }
        if self.closed() && !l.is_note() && !l.is_passage_note() {
            match self.punctuation_rest(&l) {
                Some(Part::Preamble | Part::Clause | Part::ClauseText) => self.body_text(l),
                Some(part) => self.own(&l, part),
                None => self.trailing(&l),
            }
            return;
        }
        self.body_text(l);
    }

    /// A footnote under the text that marks it: a circled number opening the
    /// line stands in the text read last, inside it, and the next number
    /// stands neither there nor opening the next line (…“一号改革工程”①精神，
    /// 制定本方案。 / ①即江西省…). It is text, not a clause. (A text that names
    /// its list, 包括①道路建设、②绿化提升两项。, is over the list.)
    fn footnote(&mut self, m: &Marker, l: &Line) -> bool {
        if m.kind != ClauseKind::Circled {
            return false;
        }
        let Some(c) = l.text().chars().next() else {
            return false;
        };
        if self.notes_name_above(c, l) {
            return true;
        }
        let after = char::from_u32(c as u32 + 1).unwrap_or(c);
        if self
            .lines
            .front()
            .is_some_and(|n| n.text().starts_with(after))
        {
            return false;
        }
        let h = self.holder();
        h.tree
            .top_text()
            .or_else(|| h.preamble.last().map(|p| p.text.as_str()))
            .is_some_and(|t| {
                !t.starts_with(c) && crate::text::has_char(t, c) && !crate::text::has_char(t, after)
            })
    }

    /// `l` opens with its mark and a name in 《》 that the same mark follows
    /// in the text above (…《陕西省城市生活垃圾分类管理办法》①等规定 /
    /// ①《陕西省城市生活垃圾分类管理办法》（陕西省人民政府令第218号）。): a
    /// note on that name, wherever it stands, not an item (unless a line
    /// introducing a list stands over it, or the next mark is not in the
    /// text above: then they are a list's items).
    fn notes_name_above(&self, mark: char, l: &Line) -> bool {
        let Some(rest) = l.text().strip_prefix(mark) else {
            return false;
        };
        let rest = rest.trim_start_matches(crate::text::is_space);
        let Some(end) = rest.starts_with('《').then(|| rest.find('》')).flatten() else {
            return false;
        };
        let name = &rest[..end + '》'.len_utf8()];
        // (Read back a few pages at most, as `marks_word_above` reads.)
        let from = self.owners.first().map_or(0, |o| o.start).min(l.start());
        let from =
            crate::text::ceil_char_boundary(self.src, from.max(l.start().saturating_sub(12_000)));
        let above = self.src.get(from..l.start()).unwrap_or_default();
        let named = above
            .match_indices(name)
            .any(|(i, _)| above[i + name.len()..].starts_with(mark));
        if !named {
            return false;
        }
        // (Under a line introducing a list, 填表说明如下：, they are its items;
        // and a next mark the text above does not hold, ② under ① with no
        // ② in the text, numbers a list with it.)
        let head = above.trim_end_matches(['\n', '\r']);
        let prev = crate::text::trim(crate::text::line_before(head, head.len()));
        let after = char::from_u32(mark as u32 + 1).unwrap_or(mark);
        let mut buf = [0u8; 4];
        !prev.ends_with(['：', ':'])
            && (!self
                .lines
                .front()
                .is_some_and(|n| n.text().starts_with(after))
                || self.marks_word_above(after.encode_utf8(&mut buf), l.start()))
    }

    /// A footnote printed under the notice's signature and date (…（此件公开
    /// 发布） / ①绿色有机茶园认证面积按…统计。, 〔1〕见《…》), or under a rule
    /// closing the text (…跟踪评估。 / —————— / ①…印发。 / ②…企业。;
    /// `under_rule`: the rule is right above it or above the footnotes read
    /// before it): a line opening with a footnote's mark (or with the notes'
    /// label and the first mark, 注：①…) once the notice has signed off
    /// after its text or under such a rule, the mark standing
    /// inside a line of the text above it (…达80万亩①，…). Such a line
    /// numbers no clause.
    /// (The text above the first footnote is searched once for each mark,
    /// however many footnotes follow.)
    fn footnote_below_text(&mut self, l: &Line, under_rule: bool) -> bool {
        let signed = self.state == (State::Signed { after_body: true });
        if !(signed || under_rule) || self.colophon_read {
            return false;
        }
        let Some(mark) = body::note_mark(l.text(), self.lex) else {
            return false;
        };
        if let Some(&(_, held)) = self.footnote_marks.1.iter().find(|(m, _)| m == mark) {
            return held;
        }
        if self.footnote_marks.1.is_empty() {
            self.footnote_marks.0 = l.start();
        }
        let from = self.owners.first().map_or(0, |o| o.start);
        let above = self
            .src
            .get(from..self.footnote_marks.0.max(from))
            .unwrap_or_default();
        let held = above.match_indices(mark).any(|(i, _)| {
            let line = above[..i].rsplit('\n').next().unwrap_or_default();
            !crate::text::trim(line).is_empty()
        });
        self.footnote_marks.1.push((mark.to_owned(), held));
        held
    }

    /// `l` is the first line under a rule printed alone on its line (read
    /// as furniture) right under the text read last: nothing but blank
    /// lines, the rule and the page's furniture between them.
    fn under_rule(&self, l: &Line) -> bool {
        // (From the text read last, or a page's furniture above the line
        // when nothing was read yet: not the file from its start.)
        let near = l.start().saturating_sub(RULE_GAP_BYTES);
        let from = crate::text::ceil_char_boundary(
            self.src,
            self.owners.last().map_or(near, |o| o.end.max(near)),
        );
        self.src
            .get(from..l.start())
            .is_some_and(|gap| gap.lines().any(crate::lines::furniture::is_rule))
    }

    /// `l` opens with a circled footnote mark, a blank line between it and
    /// the text read last, and that mark closes a word or a sentence in the
    /// text above it, a stop or a comma after it (…覆盖率保持100%①。,
    /// …专项资金1.2亿元②，): a footnote at a page's foot, read as one under a
    /// rule. (A text that names its list, 包括①道路建设、②绿化提升, puts its
    /// marks before words; a heading announcing a list, 主要指标分为两类①,
    /// closes its line with the mark.)
    fn footnote_set_apart(&self, l: &Line) -> bool {
        let Some(mark) = body::note_mark(l.text(), self.lex).filter(|m| body::is_circled(m)) else {
            return false;
        };
        // (From the text read last, as `under_rule` reads: not the file from
        // its start when nothing was read yet.)
        let near = l.start().saturating_sub(RULE_GAP_BYTES);
        let from = crate::text::ceil_char_boundary(
            self.src,
            self.owners
                .last()
                .map_or(near, |o| o.end.min(l.start()).max(near)),
        );
        // A blank line among the whole lines between them.
        let gap = self.src.get(from..l.start()).unwrap_or("");
        let blank = gap
            .find('\n')
            .zip(gap.rfind('\n'))
            .filter(|(a, b)| a < b)
            .is_some_and(|(a, b)| {
                gap[a + 1..b]
                    .split('\n')
                    .any(|p| crate::text::trim(p).is_empty())
            });
        blank && self.marks_word_above(mark, from)
    }

    /// `l` opens with a circled footnote mark right under the attachment
    /// list closing the text (附件：1.… / 2.… / ①…执行。) or under the notes'
    /// label alone on its line (注： / ①…), the mark closing a word or a
    /// sentence in the text above (…社会稳定风险评估①。): a footnote below
    /// the text, read as one under a rule. (An item of the list numbered
    /// so, 附件：①… / ②…, marks no word above it.) Or `l` opens with that
    /// label and the first mark run into it (注：①“四上”企业：指…): the label
    /// says a note, whose mark need only stand inside a line of the text
    /// above (…“四上”企业①数量…, [`Self::footnote_below_text`]); the circled
    /// notes after it are read as under a rule too.
    fn footnote_under_list(&self, l: &Line) -> bool {
        let Some(mark) = body::note_mark(l.text(), self.lex).filter(|m| body::is_circled(m)) else {
            return false;
        };
        // (The label run into the line: its mark found after the label,
        // none at the line's start.)
        body::footnote_mark(l.text()).is_none()
            || (matches!(self.block, Block::AttachmentList { .. }) || self.under_note_label(l))
                && self.marks_word_above(mark, l.start())
    }

    /// `l`, read in an attachment, opens with a circled footnote mark that
    /// stands in the text above right after a name it cites or closing a
    /// word (…根据《政府投资条例》①（国务院令第712号）…, [`Self::marks_word_above`]),
    /// and the line read last introduces no list (…如下：, 下列…：, over
    /// items numbered ① ②) nor is such an item: a note a word processor
    /// printed at the document's end, under its last attachment, read as
    /// one under a rule.
    fn footnote_after_attachment(&self, l: &Line) -> bool {
        let Some(mark) = body::footnote_mark(l.text()).filter(|m| body::is_circled(m)) else {
            return false;
        };
        let introduces_list = || {
            self.owners.last().is_some_and(|o| {
                let t = self.src.get(o.start..o.end).unwrap_or_default();
                crate::text::trim(t).ends_with(crate::text::is_colon)
            })
        };
        // (Or the next line goes on with the next circled item, its mark
        // used nowhere above: ① ② ③ items of a list, whatever ① marks.)
        let items_follow = || {
            self.lines.front().is_some_and(|n| {
                body::footnote_mark(n.text())
                    .filter(|m| body::is_circled(m) && *m != mark)
                    .is_some_and(|m| !self.marks_word_above(m, l.start()))
            })
        };
        self.state == State::Attachment
            && !introduces_list()
            && !self.holder_ref().tree.is_open(ClauseKind::Circled)
            && self.marks_word_above(mark, l.start())
            && !items_follow()
    }

    /// The source line right above `l` closes with the notes' label and
    /// its colon (注：, 说明：; words.tsv `table_note`), alone on it or after
    /// the text's last stop.
    fn under_note_label(&self, l: &Line) -> bool {
        // (The line above: before the line break that opens the unit's
        // line, LF, CRLF or CR alone.)
        let start = l.start().min(self.src.len());
        let head = &self.src[..start - crate::text::line_before(self.src, start).len()];
        let head = head.strip_suffix('\n').unwrap_or(head);
        let head = head.strip_suffix('\r').unwrap_or(head);
        self.lex
            .after_note_label(crate::text::line_before(head, head.len()))
    }

    /// `mark` closes a word or a sentence in the text above `from`, a stop
    /// or a comma after it (…覆盖率保持100%①。, …专项资金1.2亿元②，), or a
    /// name it cites, inside its line (…《政府投资条例》①（国务院令第712号）…).
    fn marks_word_above(&self, mark: &str, from: usize) -> bool {
        // (The mark is used on the same page: the text above is read back
        // a few pages' length at most, 12 000 bytes.)
        let start = self.owners.first().map_or(0, |o| o.start.min(from));
        let start =
            crate::text::ceil_char_boundary(self.src, start.max(from.saturating_sub(12_000)));
        let above = self.src.get(start..from).unwrap_or_default();
        above.match_indices(mark).any(|(i, _)| {
            let before = above[..i].chars().next_back();
            let after = above[i + mark.len()..].chars().next();
            // (Not a run of items inline: 《…》①“…”②.)
            let name = before.is_some_and(|c| matches!(c, '》' | '”'))
                && after.is_some_and(|c| {
                    !matches!(c, '\n' | '\r' | '“' | '《') && !crate::marker::CIRCLED.contains(&c)
                });
            name || before.is_some_and(|c| c != '\n' && !crate::text::is_space(c))
                && after.is_some_and(closes_word)
        })
    }

    /// A 一、 or （一） marker alone on its line has its heading on the next
    /// line of the text (over a page's furniture, taken out already: 二、 /
    /// ·206· / 某市年鉴 / 抓好农机检修。…), as an article's marker alone has
    /// its text ([`crate::clauses::Tree::text_below`]): in sequence, and that
    /// line plain text, no marker, label, date, number, signature or 版记 of its own
    /// (`expected`: the number the marker's style counts on to).
    /// The last line, or one over another marker, takes none.
    fn heading_below(&self, m: &Marker, expected: u32) -> bool {
        matches!(m.kind, ClauseKind::Cn | ClauseKind::CnParen)
            && m.number == expected
            && self.lines.front().is_some_and(|n| {
                n.marker(self.decimal_mode).is_none()
                    && !n.has_label()
                    && !n.is_date()
                    && !n.is_signature()
                    && !n.is_colophon()
                    && !n.is_number()
            })
    }

    /// `l` is the rest of the footnote read last, which no stop closed and
    /// a wrap cut (①…补助办法》（ / 云农发〔2021〕7号）有关规定统计。): no
    /// marker, date, signature, 版记 or attachment opens it.
    fn footnote_goes_on(&self, l: &Line) -> bool {
        l.marker(self.decimal_mode).is_none()
            && body::note_mark(l.text(), self.lex).is_none()
            && !l.is_date()
            && !l.is_signature()
            && !l.is_colophon()
            && !l.is_title_end()
            && !l.has_label()
            && !body::opens_attachment(l.text(), self.lex)
    }

    /// A line recognised as a document element but read here as text: a
    /// number, addressees, a date outside the notice, a clause marker out of
    /// sequence. Its text stays where it stands; the diagnostic says so.
    fn misread(&mut self, l: &Line) {
        let what = match l.kind() {
            Kind::Number => "a document number",
            Kind::Addressees => "addressees",
            Kind::Date => "a date",
            Kind::Marker
                if l.marker(self.decimal_mode)
                    .is_some_and(|m| !crate::text::trim(&l.text()[m.body..]).is_empty()) =>
            {
                "a clause marker out of sequence"
            }
            _ => return,
        };
        let message = format!("read as text, though it reads as {what}");
        self.diag(l.line(), DiagCode::Misread, message);
    }

    /// `l` is punctuation alone closing the line read last, right above it
    /// (…2019年12月4日印发 / 。): that line's rest a wrap cut, the part it
    /// was read as, whatever that is.
    fn punctuation_rest(&self, l: &Line) -> Option<Part> {
        if !crate::text::closes_only(l.text()) {
            return None;
        }
        self.owners
            .last()
            .filter(|o| o.line + 1 == l.line() && o.part != Part::Unplaced)
            .map(|o| o.part)
    }

    /// Plain text after a notice has signed off, that is no enclosed
    /// document, attachment or note: not the document's. It is left out of
    /// the record and reported.
    fn trailing(&mut self, l: &Line) {
        // The next document's front matter (版头: 000123, 特急, …文件, its
        // marks spread over a line, 秘密★一年　　特　急, a row of its fields,
        // 发电单位：…　　签批盖章：…) above its title: named,
        // not unplaced. An organ's name is its mark where
        // nothing but front matter comes before the next document.
        // (A scanned page's mark is read letter-spaced: 某 市 人 民 政 府 文 件.)
        let front = |t: &str, organ: bool| {
            crate::lines::header::is_front_matter(&crate::text::title_line(t), self.lex, organ)
        };
        // (A row of fields a wrap cut: both its lines are the head's.)
        let cut_row = self.lines.front().is_some_and(|n| {
            l.adjoins(n)
                && crate::lines::header::cut_head_row(l.text(), n.text(), self.lex).is_some()
        });
        let (part, code, message) = if front(l.text(), false)
            || crate::lines::header::is_marks_line(l.text(), self.lex)
            || crate::lines::header::is_head_row(l.text(), self.lex)
            || cut_row
            || self.followed
                && front(l.text(), true)
                && self.lines.iter().all(|n| front(n.text(), true))
        {
            (Part::Portal, DiagCode::Portal, FRONT_OF_NEXT)
        } else {
            (
                Part::Unplaced,
                DiagCode::Unplaced,
                "text after the document's signature and date, not part of it",
            )
        };
        self.own(l, part);
        self.diag(l.line(), code, message);
        if cut_row {
            if let Some(n) = self.lines.pop_front() {
                self.own(&n, part);
                self.diag(n.line(), code, message);
            }
        }
        self.prev = Prev::None;
    }

    fn end_attachment_list(&mut self) {
        if matches!(self.block, Block::AttachmentList { .. }) {
            self.block = Block::Prose;
        }
    }

    /// 附件：1．… and the numbered items after it, before the signature.
    fn try_attachment_list(&mut self, l: &Line<'t>) -> bool {
        let t = l.text();
        let lists = body::lists_attachments(t, self.lex)
            || self.state == State::Notice
                && self.lex.attachment_firsts.may_open(t)
                && body::attachment_word_len(t, self.lex).is_some();
        let in_list = matches!(self.block, Block::AttachmentList { .. });
        if !(lists || in_list) {
            return false;
        }
        let item = l
            .marker(self.decimal_mode)
            .is_some_and(|m| body::is_list_item(m.kind))
            && !crate::text::has_char(t, '。');
        if lists || item {
            // (A bare 附件 or 附件2 has its title on the next line: no cut.)
            let bare =
                body::attachment_header(t, self.lex).is_some_and(|(_, title)| title.is_empty());
            let cut = !bare && self.lex.genre_suffix(t).is_none();
            self.block = Block::AttachmentList { cut };
            self.prev = Prev::None;
            self.body_text(l.clone());
            return true;
        }
        self.block = Block::Prose;
        false
    }

    /// The rest of a 附件 list item's title a wrap cut, ending with its
    /// genre word (附件：1．某市2020年…优化营商环境 / 重点任务分工方案 / 2．…)
    /// or closing its note (…三年行动方案（2021—2023 / 年） / 2．…): the list
    /// goes on (read before the line could open an enclosure).
    fn try_attachment_item_rest(&mut self, l: &Line<'t>) -> bool {
        let t = l.text();
        let rest = matches!(self.block, Block::AttachmentList { cut: true })
            && l.marker(self.decimal_mode).is_none()
            && !l.has_label()
            && crate::text::chars_at_most(t, 40)
            && !t.contains(['。', '：', ':'])
            && !Lexicon::contains_any(&self.lex.about, t)
            // (Not the closing formula before the signature, its 。 left
            // out: 特此通知, 特此报告, 此复.)
            && !t.starts_with("特此")
            && !matches!(crate::text::trim(t), "此复" | "此令" | "此致" | "此復")
            && (self.lex.genre_suffix(t).is_some() || closes_note(t) || self.ends_cut_genre(t))
            // (Only with the list's next item under it, or the signature
            // right under the last item's rest: the last item's line is
            // followed by the signature or the enclosure's title. After the
            // date, the last item's rest may stand over the first attachment,
            // its header or the title the item names: …2．某市…“回头看” / 责任
            // 分工表 / 附件1.)
            && self.lines.front().is_some_and(|n| {
                n.marker(self.decimal_mode)
                    .is_some_and(|m| body::is_list_item(m.kind))
                    || self.state == State::Notice && n.is_signature()
                    || matches!(self.state, State::Signed { .. })
                        && (body::attachment_header(n.text(), self.lex).is_some()
                            || self.item_names(t, n))
            });
        if !rest {
            return false;
        }
        self.block = Block::AttachmentList { cut: false };
        self.prev = Prev::Text {
            open: true,
            count: None,
            hang: false,
            indented: false,
        };
        self.body_text(l.clone());
        self.prev = Prev::None;
        true
    }
}

impl Builder<'_, '_> {
    /// The addressees a 版记 names (主送：各县区人民政府，… / 　　市直有关单位。),
    /// as documents before 2012 print them under the text when no line of
    /// addressees stands above it: the document's, the header having named
    /// none; the line `goes_on` a list the wrap cut. (Under a header that
    /// names them, the header's stand.)
    fn colophon_addressees(&mut self, l: &Line, goes_on: bool) {
        let t = crate::text::trim(l.text());
        let so_far = match self.colophon_addressed.take() {
            Some(head) if goes_on => [head.as_str(), t].concat(),
            _ => {
                let rest = crate::lines::header::without_label(t, self.lex);
                if rest.len() == t.len() || self.doc.addressees_raw.is_some() {
                    return;
                }
                rest.to_owned()
            }
        };
        let raw = so_far.trim_end_matches(|c: char| {
            matches!(c, '。' | '.') || crate::text::is_list_sep(c) || crate::text::is_space(c)
        });
        self.doc.addressees = crate::normalize::units::split_list(raw)
            .into_iter()
            .map(str::to_owned)
            .collect();
        self.doc.addressees_raw = Some(raw.to_owned());
        self.colophon_addressed = Some(so_far);
    }

    /// Every item of `t`, the line under a distribution line of the 版记
    /// the wrap cut, names an organ or a body; its first one maybe with the
    /// name's head ending the line above (…市人大常委会办 / 公室，…), its
    /// last one maybe a name's head the wrap cut again (…，市人民检 / 察院。).
    fn colophon_items_go_on(&self, t: &str) -> bool {
        let above = self
            .owners
            .last()
            .and_then(|o| self.src.get(o.start..o.end))
            .map(crate::text::trim)
            .unwrap_or_default();
        let head = above
            .rsplit(|c: char| crate::text::is_list_sep(c) || crate::text::is_colon(c))
            .next()
            .unwrap_or_default();
        let names = |i: &str| crate::lines::header::names_addressee(i, self.lex);
        let t = crate::text::trim(t);
        let closed = t.ends_with(['。', '.']) || t.ends_with(crate::text::is_list_sep);
        let items: Vec<&str> = t
            .trim_end_matches(['。', '.'])
            .split(crate::text::is_list_sep)
            .map(crate::text::trim)
            .filter(|i| !i.is_empty())
            .collect();
        let last = items.len().saturating_sub(1);
        items.iter().enumerate().all(|(k, i)| {
            names(i)
                || k == 0 && names(&[head, i].concat())
                || k == last && k > 0 && !closed && i.chars().all(crate::text::is_han)
        })
    }

    /// `l`, under a distribution line of the 版记 the wrap cut, and the
    /// lines after it are the rest of its list, whatever its items name
    /// (posts as well as organs: 抄送：…，市政协领导， / 市中级法院院长，市检察院
    /// 检察长。): at most three lines with no colon, label or date, the last
    /// closed by its only stop, right over another line of the 版记 (the
    /// printing line, 中共某市委办公室　2020年8月20日印发).
    fn list_rest_over_colophon(&self, l: &Line) -> bool {
        let mut run = std::iter::once(l).chain(self.lines.iter());
        for _ in 0..3 {
            let Some(n) = run.next() else {
                return false;
            };
            let t = crate::text::trim(n.text());
            if n.is_colophon() || n.has_label() || n.is_date() || t.contains(['：', ':']) {
                return false;
            }
            match t.matches(['。', '.']).count() {
                0 => {}
                1 if t.ends_with(['。', '.']) => {
                    return run.next().is_some_and(Line::is_colophon);
                }
                _ => return false,
            }
        }
        false
    }

    /// `t` ends the genre word the last line owned was cut in (…考核办 /
    /// 法): the line's tail and `t` joined end with a genre word begun above.
    fn ends_cut_genre(&self, t: &str) -> bool {
        self.joined_to_above(t).is_some_and(|(joined, above)| {
            self.lex
                .genre_suffix(&joined)
                .is_some_and(|(_, at)| at < above)
        })
    }

    /// `n` is the title an item of the list names: the last item's line
    /// and its rest `t` end with it (2．某市…“回头看” / 责任分工表 / 某市…“回头
    /// 看”责任分工表), or an item read before does (1．某市…工作方案).
    fn item_names(&self, t: &str, n: &Line) -> bool {
        let title = crate::text::trim(n.text());
        n.is_title_end()
            && title.len() > crate::text::trim(t).len()
            && (self
                .joined_to_above(t)
                .is_some_and(|(joined, _)| joined.ends_with(title))
                || self.notice.preamble.iter().any(|p| p.text.ends_with(title)))
    }

    /// The last line owned and `t` joined, both trimmed, and where `t`
    /// starts in it.
    fn joined_to_above(&self, t: &str) -> Option<(String, usize)> {
        let above = self
            .owners
            .last()
            .and_then(|o| self.src.get(o.start..o.end))
            .map(crate::text::trim)?;
        let mut joined = String::with_capacity(above.len() + t.len());
        joined.push_str(above);
        joined.push_str(crate::text::trim(t));
        Some((joined, above.len()))
    }
}

/// A genre of letters and replies (函, 批复 …): their numbered items are
/// sentences, and one organ alone under their number is the addressee.
fn replies(genre: &str) -> bool {
    matches!(
        genre,
        "函" | "复函" | "批复" | "答复" | "復函" | "批復" | "答復"
    )
}

/// `t`, indented under a 主题词 line of the 版记, reads as the rest of its
/// keywords: words of at most six ideographs parted by spaces, no mark
/// (主题词：水利　饮水安全　方案 / 　　　　通知). (A distribution list's rest names
/// organs: `Builder::colophon_items_go_on`.)
fn colophon_item_rest(t: &str) -> bool {
    let t = crate::text::trim(t);
    !t.is_empty()
        && t.split(crate::text::is_space)
            .filter(|w| !w.is_empty())
            .all(|w| crate::text::chars_at_most(w, 6) && w.chars().all(crate::text::is_han))
}

/// `c` closes the word or sentence before it: a stop, a comma, a pause
/// or a closing bracket or quote.
fn closes_word(c: char) -> bool {
    use crate::text::{is_close_paren, is_colon, is_list_sep, is_sentence_end};
    is_sentence_end(c)
        || is_list_sep(c)
        || is_colon(c)
        || is_close_paren(c)
        || matches!(c, '”' | '’')
}

/// `t` closes a bracket it did not open, and ends there: a title's note a
/// wrap cut (（2021—2023 / 年）).
fn closes_note(t: &str) -> bool {
    t.ends_with(crate::text::is_close_paren) && !t.contains(crate::text::is_open_paren)
}

/// The diagnostic of the next document's front matter (版头) standing at
/// the end of this one.
const FRONT_OF_NEXT: &str = "front matter (版头) above the next document";

/// Builds the record of one document from the file's lines: the document
/// starts at `start` and ends before line `tail.end`; the lines of `tail`
/// at its end are the next document's masthead and front matter, named,
/// not read (`tail` is empty when there are none).
pub fn build<'a, 't>(
    lines: &'a [Line<'t>],
    start: &segment::DocStart,
    tail: std::ops::Range<usize>,
    lex: &'a Lexicon,
    path: &str,
    collection: Option<&std::sync::Arc<Collection>>,
    src: &'t str,
) -> (Document, Vec<Owner>) {
    let (front, end) = (tail.start, tail.end);
    let head = header::read(lines, start, end, lex);
    let all = &lines[start.first()..end];
    let first = &lines[start.first()];
    let last_unit = if end > 0 { &lines[end - 1] } else { first };
    let title_lines = &lines[start.title.clone()];
    let doc = Document {
        schema: SCHEMA,
        source: Source {
            path: path.to_owned(),
            line_start: first.line(),
            line_end: last_unit.line(),
            byte_start: first.start(),
            byte_end: last_unit.end().min(src.len()),
        },
        collection: collection.map(std::sync::Arc::clone),
        title: (!title_lines.is_empty()).then(|| head.title.clone()),
        doc_type: lex.doc_type(&head.title),
        doc_number: head.doc_number,
        issuers: Vec::new(),
        addressees_raw: head.addressees_raw,
        addressees: head.addressees,
        date: None,
        preamble: Vec::new(),
        clauses: Vec::new(),
        enclosure: None,
        attachments: Vec::new(),
        fields: Vec::new(),
        citations: Vec::new(),
        diagnostics: Vec::new(),
    };
    // (The next document's masthead and front matter at the end, from
    // `front`: named, not read as text.)
    let front = front.clamp(head.body.min(end), end);
    let rest = queue::Queue::new(head.cut, &lines[head.body.min(front)..front]);
    let decimal_mode = numbered_in_sections(rest.iter());
    let (wrap, long) = prose::widths(all, head.body.saturating_sub(start.first()));
    let hanging = prose::Hanging::of(rest.iter(), src, decimal_mode, (wrap, long));
    let blank_paragraphs = prose::blank_paragraphs(rest.iter());
    let rest_len = rest.len();
    let room = Room::units(rest_len);
    let mut b = Builder {
        lex,
        lines: rest,
        doc,
        state: State::Notice,
        block: Block::Prose,
        prev: Prev::None,
        notice: Holder::new(room.clone()),
        enclosed: Holder::new(room.clone()),
        enclosure: None,
        attachments: Vec::new(),
        transmittal: head.transmittal,
        quoted_title: header::quoted_title(&head.title, lex),
        issued: enclose::issued_titles(&head.title, lex),
        issued_read: false,
        decimal_mode,
        // About one owner a unit, the header's added at the end: room for
        // that many at once instead of growing by doubling. A line split
        // into several elements owns more (a one-line document most), and
        // then the list grows, usually once, as the header's are added.
        owners: Vec::with_capacity(title_lines.len() + rest_len + head.owners.len()),
        wrap,
        blank_paragraphs,
        room,
        listed: false,
        lists: false,
        organ_line: false,
        src,
        hanging,
        followed: end < lines.len(),
        noted_date: head.date.or(head.masthead_date),
        masthead_issuers: head.masthead_issuers,
        last_table: None,
        unread_table: false,
        colophon_read: false,
        colophon_addressed: None,
        footnote_marks: (0, Vec::new()),
        footnote_open: false,
        footnotes_ruled: false,
        contact_open: false,
    };
    for l in title_lines {
        b.own(l, Part::Title);
    }
    b.notice.preamble.extend(head.note);
    if title_lines.is_empty() {
        b.diag(
            first.line(),
            DiagCode::NoTitle,
            "no title: the document begins at its number or addressees",
        );
    }
    while let Some(l) = b.lines.pop_front() {
        b.room.to_read(b.lines.len());
        b.step(l);
    }
    for l in &lines[front..end] {
        b.own(l, Part::Portal);
        b.diag(l.line(), DiagCode::Portal, FRONT_OF_NEXT);
    }
    let mut owners = std::mem::take(&mut b.owners);
    owners.extend(head.owners);
    owners.sort_by_key(|o| (o.start, o.end));
    (finish::finish(b, all), owners)
}

/// The text after an unspaced decimal marker names a section: its heading
/// (up to its first 。 or ；) short, opening with an ideograph that does not
/// go on from the number as an amount or a day does (2.1亿美元, 3.5万亩, 5.1日,
/// 2.1版本, 1.5倍, 2.3%).
fn names_a_section(t: &str) -> bool {
    let heading = t.split(['。', '；', ';']).next().unwrap_or(t);
    heading
        .chars()
        .next()
        .is_some_and(|c| crate::text::is_han(c) && !crate::marker::GOES_ON_FROM_NUMBER.contains(c))
        && crate::text::chars_at_most(heading, 30)
}

/// The document's sections are numbered 1.1, 1.2 …: two of its lines open
/// with a decimal marker and a space (`1.1 编制目的`), or, written without
/// the space (`1.1编制目的`), two follow one another in sequence (1.1 then
/// 1.2, 2.1 then 2.2) with a section's name after them (`names_a_section`):
/// amounts, days and versions opening lines (`2.1亿美元，…`, `5.1日…`,
/// `2.1版本…`) are none.
fn numbered_in_sections<'a, 't: 'a>(lines: impl Iterator<Item = &'a Line<'t>>) -> bool {
    let (mut spaced, mut steps) = (0, 0);
    // The markers seen so far (a few: the answer comes early), each step
    // counted from any of them: an item list or an amount between two
    // sections (2.1重点路段 / 1.205国道… / 2.2物资保障) breaks no sequence.
    let mut seen: Vec<&[u32]> = Vec::new();
    for l in lines {
        match l.marker(false) {
            Some(m) if m.kind == ClauseKind::Decimal => spaced += 1,
            _ => {}
        }
        let Some(m) = l.marker(true).filter(|m| {
            m.kind == ClauseKind::Decimal
                && m.parts.len() >= 2
                && (m.spaced || names_a_section(&l.text()[m.body..]))
        }) else {
            continue;
        };
        let parts = &m.parts[..];
        let n = parts.len();
        if seen
            .iter()
            .any(|p| p.len() == n && p[..n - 1] == parts[..n - 1] && p[n - 1] + 1 == parts[n - 1])
        {
            steps += 1;
        }
        if seen.len() < 64 {
            seen.push(parts);
        }
        if spaced >= 2 || steps >= 2 || spaced >= 1 && steps >= 1 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;
    use crate::marker::ClauseKind;

    /// A date alone in brackets closing a document printed without its
    /// signature is its date; one inside its text, more after it, is not.
    #[test]
    fn a_closing_bracket_date_dates_an_unsigned_document() {
        let src = "某市人民政府关于调整城区供热价格的通知\n\
                   为保障供热企业正常运行，现将有关事项通知如下：\n\
                   一、调整标准。居民供热价格调整为每平方米每月5.6元。\n\
                   （2021年9月28日）\n";
        let lex = Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        assert_eq!(parsed.documents[0].date.as_deref(), Some("2021-09-28"));
        let src = src.replace(
            "（2021年9月28日）\n",
            "（2021年9月28日）\n二、执行时间。自10月15日起执行。\n",
        );
        let parsed = crate::parse(&src, "t.txt", &lex);
        assert_eq!(parsed.documents[0].date, None);
    }

    /// A bare 附件 after the last clause of a notice printed without its
    /// signature opens its attachment, dated under its title or closed by
    /// its date in brackets; a bare 附件 with its title over the signature
    /// and date lists it.
    #[test]
    fn a_bare_attachment_header_after_an_unsigned_notice_opens_it() {
        let lex = Lexicon::builtin();
        let enclosure = |src: &str| {
            let d = &crate::parse(src, "t.txt", &lex).documents[0];
            (
                d.enclosure.as_ref().map(|e| e.title.clone()),
                d.date.clone(),
            )
        };
        let text = "某市人民政府关于做好防汛工作的通知\n\
                    各县区人民政府：\n\
                    一、压实责任。（市水务局负责）\n\
                    二、加强排查。\n";
        let plan = "附件\n某市防汛应急预案\n一、预警发布\n（一）气象预警。\n";
        let dated = text.replace("通知\n", "通知\n（2022年5月12日）\n");
        assert_eq!(
            enclosure(&[dated.as_str(), plan].concat()),
            (Some("某市防汛应急预案".into()), Some("2022-05-12".into()))
        );
        assert_eq!(
            enclosure(&[text, "（2022年5月12日）\n", plan].concat()),
            (Some("某市防汛应急预案".into()), Some("2022-05-12".into()))
        );
        let listed = [
            text,
            "附件\n某市防汛应急预案\n某市人民政府\n2022年5月12日\n",
        ]
        .concat();
        assert_eq!(enclosure(&listed), (None, Some("2022-05-12".into())));
    }

    /// Lines opening with a circled number under a rule closing the text,
    /// whose marks the text bears, are its footnotes; without the rule, or
    /// with marks the text does not bear, they number clauses.
    #[test]
    fn footnotes_under_a_rule_number_no_clause() {
        let src = "某县人民政府关于加强农村饮水安全工作的意见\n\
                   一、总体要求。按照《某省农村供水保障规划》①要求推进。\n\
                   二、保障措施。建立县级运维平台②。\n\
                   ——————————\n\
                   ①某省人民政府2021年印发。\n\
                   ②由县水利局统一管理。\n";
        let lex = Lexicon::builtin();
        let clauses = |src: &str| {
            let parsed = crate::parse(src, "t.txt", &lex);
            parsed.documents[0].clauses[1].children.len()
        };
        assert_eq!(clauses(src), 0);
        assert_eq!(clauses(&src.replace("——————————\n", "")), 2);
        assert_eq!(
            clauses(&src.replace("①要求", "要求").replace("平台②", "平台")),
            2
        );
    }

    /// The 版记's 主送 list, cut by a wrap, gives the addressees of a
    /// document whose header names none; under a header that names them,
    /// the header's stand.
    #[test]
    fn colophon_addressees_when_the_header_names_none() {
        let src = "某市人民政府办公室关于一季度督查情况的通报\n\
                   某政办发〔2016〕41号\n\
                   \u{3000}\u{3000}现将一季度督查情况通报如下。\n\
                   \u{3000}\u{3000}某市人民政府办公室\n\
                   \u{3000}\u{3000}2016年4月6日\n\
                   主送：各县区人民政府，市政府各部门，\n\
                   \u{3000}\u{3000}\u{3000}市直有关单位。\n\
                   抄送：市委办公室，市政协办公室。\n\
                   某市人民政府办公室　　2016年4月7日印发\n";
        let lex = Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let d = &parsed.documents[0];
        assert_eq!(
            d.addressees,
            ["各县区人民政府", "市政府各部门", "市直有关单位"]
        );
        assert_eq!(
            d.addressees_raw.as_deref(),
            Some("各县区人民政府，市政府各部门，市直有关单位")
        );
        let src = src.replace("41号\n", "41号\n各区人民政府：\n");
        let parsed = crate::parse(&src, "t.txt", &lex);
        assert_eq!(parsed.documents[0].addressees, ["各区人民政府"]);
    }

    /// A 附件 list cut inside a genre word (…考核办 / 法) and its last item
    /// cut before the signature (…目标责任 / 考核评分细则): both rests join
    /// their items in the preamble; neither opens an enclosure.
    #[test]
    fn attachment_list_rests_join_their_items() {
        let src = "某市人民政府办公室关于印发某市2023年度消防工作目标责任考核办法的通知\n\
                   某政办发〔2023〕21号\n\
                   各县（市、区）人民政府，市各委、办、局：\n\
                   \u{3000}\u{3000}经市政府同意，现将《考核办法》和《评分细则》印发给你们。\n\
                   \u{3000}\u{3000}附件：1.某市2023年度消防工作目标责任考核办\n\
                   法\n\
                   \u{3000}\u{3000}\u{3000}\u{3000}2.某市2023年度消防工作目标责任\n\
                   考核评分细则\n\
                   \u{3000}\u{3000}某市人民政府办公室\n\
                   \u{3000}\u{3000}2023年4月12日\n";
        let lex = Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let d = &parsed.documents[0];
        let texts: Vec<&str> = d.preamble.iter().map(|p| p.text.as_str()).collect();
        assert!(
            texts.contains(&"1.某市2023年度消防工作目标责任考核办法"),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"2.某市2023年度消防工作目标责任考核评分细则"),
            "{texts:?}"
        );
        assert!(d.enclosure.is_none());
        assert_eq!(d.date.as_deref(), Some("2023-04-12"));
        // The closing formula before the signature, its 。 left out, is no
        // item's rest.
        let src = src.replace("目标责任\n考核评分细则", "目标责任书\n特此通知");
        let parsed = crate::parse(&src, "t.txt", &lex);
        let texts: Vec<&str> = parsed.documents[0]
            .preamble
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert!(
            texts.contains(&"2.某市2023年度消防工作目标责任书"),
            "{texts:?}"
        );
    }

    /// The contact note under the date, whole or cut by a wrap, is the
    /// end block's: no text of the last clause, no stray line. So is one
    /// between the text and the signature; inside the text, a clause
    /// under it, it is the text's.
    #[test]
    fn contact_note_under_the_date_ends_no_clause() {
        let src = "某市人民政府关于商请支持某大桥建设的函\n\
                   一、恳请将某大桥纳入省级规划。\n\
                   二、恳请给予补助资金支持。\n\
                   某市人民政府\n\
                   2021年4月12日\n\
                   （联系人：市交通运输局　张明，电话：0759-3312345）\n\
                   抄送：省发展改革委。\n";
        let lex = Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let d = &parsed.documents[0];
        assert_eq!(d.clauses[1].text, "恳请给予补助资金支持。");
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
        let cut = src.replace("0759-3312345）", "0759-331\n2345）");
        let parsed = crate::parse(&cut, "t.txt", &lex);
        let d = &parsed.documents[0];
        assert_eq!(d.clauses[1].text, "恳请给予补助资金支持。");
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
        let above = src.replace(
            "某市人民政府\n2021年4月12日\n（联系人：市交通运输局　张明，电话：0759-3312345）\n",
            "（联系人：市交通运输局　张明，电话：0759-3312345）\n某市人民政府\n2021年4月12日\n",
        );
        let parsed = crate::parse(&above, "t.txt", &lex);
        let d = &parsed.documents[0];
        assert_eq!(d.clauses[1].text, "恳请给予补助资金支持。");
        assert_eq!(d.issuers, ["某市人民政府"]);
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
        let inside = src.replace(
            "二、",
            "（联系人：市交通运输局　张明，电话：0759-3312345）\n二、",
        );
        let parsed = crate::parse(&inside, "t.txt", &lex);
        assert!(parsed.documents[0].clauses[0]
            .text
            .ends_with("0759-3312345）"));
    }

    /// The clauses numbered by circled numbers in the first document's
    /// enclosure.
    fn circled_in_enclosure(src: &str) -> usize {
        fn count(cs: &[crate::record::Clause]) -> usize {
            cs.iter()
                .map(|c| usize::from(c.kind == ClauseKind::Circled) + count(&c.children))
                .sum()
        }
        let parsed = crate::parse(src, "t.txt", &Lexicon::builtin());
        let e = parsed.documents[0].enclosure.as_ref().expect("enclosure");
        count(&e.clauses)
    }

    /// The (kind, number) of every clause of the first document.
    fn numbered(src: &str) -> Vec<(ClauseKind, u32)> {
        fn walk(cs: &[crate::record::Clause], out: &mut Vec<(ClauseKind, u32)>) {
            for c in cs {
                out.push((c.kind, c.number));
                walk(&c.children, out);
            }
        }
        let parsed = crate::parse(src, "t.txt", &Lexicon::builtin());
        let mut out = Vec::new();
        walk(&parsed.documents[0].clauses, &mut out);
        out
    }

    /// A figure far past its style's sequence (107、 where 1. and 2. run),
    /// at the margin under a line the wrap cut inside a code (…及G), is the
    /// code's rest; under a line that closed, it still numbers a clause.
    #[test]
    fn a_code_cut_by_the_wrap_opens_no_clause() {
        let src = include_str!("../../tests/cases/zm-wrap-cut-code-number.txt");
        let far = |src: &str| numbered(src).iter().any(|&(_, n)| n == 107);
        assert!(!far(src));
        assert!(far(&src.replace("路段及G\n107、", "路段及G。\n107、")));
    }

    /// Circled notes under a line opening with the notes' label and the
    /// first mark (注：①… / ②… / ③…), their marks inside the text above,
    /// number no clause; without the label, ① ② ③ number clauses.
    #[test]
    fn notes_after_the_label_and_first_mark_number_no_clause() {
        let src = include_str!("../../tests/cases/zm-note-label-circled-run-in.txt");
        let circled = |src: &str| {
            numbered(src)
                .iter()
                .filter(|&&(k, _)| k == ClauseKind::Circled)
                .count()
        };
        assert_eq!(circled(src), 0);
        assert_eq!(circled(&src.replace("注：①", "①")), 3);
    }

    /// Circled notes under the attachment list closing an enclosed text,
    /// or under the notes' label alone on its line, their marks closing
    /// words in the text above, number no clause; with no mark above, or
    /// neither list nor label over them, ① ② still number clauses.
    #[test]
    fn footnotes_under_the_attachment_list_or_the_notes_label() {
        let src = include_str!("../../tests/cases/zl-footnotes-after-attachment-list.txt");
        assert_eq!(circled_in_enclosure(src), 0);
        let unmarked = src.replace("不得挖掘①。", "不得挖掘。");
        assert_eq!(circled_in_enclosure(&unmarked), 2);
        let list = "附件：1.城市道路挖掘申请表\n　　　2.城市道路挖掘修复费收费标准\n";
        assert_eq!(circled_in_enclosure(&src.replace(list, "注：\n")), 0);
        assert_eq!(circled_in_enclosure(&src.replace(list, "")), 2);
    }

    /// The next document's masthead right under the last item of an
    /// enclosed plan, or after a 版记's 印发 line with its urgency mark over
    /// it: no clause's text; the lines stay in the span of the document
    /// above, named as the next one's front matter.
    #[test]
    fn the_next_documents_masthead_ends_the_text_above() {
        fn text_of(c: &crate::record::Clause, out: &mut String) {
            out.push_str(&c.text);
            c.children.iter().for_each(|k| text_of(k, out));
        }
        let src = include_str!("../../tests/cases/zn-masthead-closes-document.txt");
        let parsed = crate::parse(src, "t.txt", &Lexicon::builtin());
        for (k, (end, front)) in [(13, vec![13]), (25, vec![24, 25])].into_iter().enumerate() {
            let d = &parsed.documents[k];
            let mut text = String::new();
            let clauses = d.enclosure.as_ref().map_or(&d.clauses, |e| &e.clauses);
            clauses.iter().for_each(|c| text_of(c, &mut text));
            assert!(!text.contains("文件") && !text.contains("特急"), "{text}");
            assert_eq!(d.source.line_end, end);
            let named: Vec<usize> = d
                .diagnostics
                .iter()
                .filter(|g| g.code == crate::record::DiagCode::Portal)
                .map(|g| g.line)
                .collect();
            assert_eq!(named, front);
        }
    }

    /// Circled notes after the last attachment, their marks standing after
    /// names in the text (《…》①（…）, “…”②建设), are notes: the attachment
    /// holds no clause. Unmarked, or under a line introducing a list, they
    /// number clauses.
    #[test]
    fn notes_after_the_last_attachment_number_no_clause() {
        fn circled(src: &str) -> usize {
            let parsed = crate::parse(src, "t.txt", &Lexicon::builtin());
            let e = parsed.documents[0].enclosure.as_ref().expect("enclosure");
            e.attachments
                .iter()
                .flat_map(|a| &a.clauses)
                .filter(|c| c.kind == ClauseKind::Circled)
                .count()
        }
        let src = include_str!("../../tests/cases/zn-endnote-after-last-attachment.txt");
        assert_eq!(circled(src), 0);
        let unmarked = src
            .replace("办法》①（", "办法》（")
            .replace("农村路”②建设", "农村路”建设");
        assert_eq!(circled(&unmarked), 2);
        // (① marked, ② under it not: items of a list.)
        assert_eq!(circled(&src.replace("农村路”②建设", "农村路”建设")), 2);
        assert_eq!(
            circled(&src.replace("（表样略）\n①", "填表说明如下：\n①")),
            2
        );
    }

    /// Circled footnotes set apart at a page's foot, their marks closing
    /// words above (…200亿元①，): no clauses. Unmarked above, or not set
    /// apart by a blank line, ① ② still number clauses.
    #[test]
    fn footnotes_at_a_page_s_foot_number_no_clause() {
        let src = include_str!("../../tests/cases/zk-footnote-circled-page-foot.txt");
        let circled = circled_in_enclosure;
        assert_eq!(circled(src), 0);
        assert_eq!(circled(&src.replace("200亿元①，", "200亿元，")), 2);
        assert_eq!(
            circled(&src.replace(
                "打响竹乡品牌。办好中国竹乡文化节。\n\n",
                "打响竹乡品牌。办好中国竹乡文化节。\n"
            )),
            2
        );
        // A mark closing its line, as a heading announcing a list closes
        // with one (…分为两类①), is no footnote's mark.
        assert_eq!(circled(&src.replace("200亿元①，", "200亿元，两类①\n")), 2);
        assert!(super::closes_word('。') && super::closes_word('，') && !super::closes_word('道'));
    }

    /// A forwarded document's own header under its title (its number and
    /// addressees) and its masthead above it (…文件, its number, ★) are
    /// understood in the enclosure: no misread, nothing unplaced; the
    /// number is cited.
    #[test]
    fn a_forwarded_document_s_header_and_masthead_are_the_enclosure_s() {
        let lex = Lexicon::builtin();
        let notice = "某市人民政府办公室关于转发《某省教育厅关于加强课后服务工作的意见》的通知\n某政办〔2023〕27号\n各县（市、区）人民政府：\n现将《某省教育厅关于加强课后服务工作的意见》转发给你们，请认真贯彻落实。\n某市人民政府办公室\n2023年8月21日\n";
        let forwarded = "某省教育厅关于加强课后服务工作的意见\n某教基〔2023〕112号\n各市教育局：\n现提出如下意见。\n一、总体要求\n";
        for src in [
            format!("{notice}{forwarded}"),
            format!(
                "{notice}某省教育厅文件\n某教基〔2023〕112号\n★\n{}",
                forwarded.replacen("某教基〔2023〕112号\n", "", 1)
            ),
        ] {
            let parsed = crate::parse(&src, "t.txt", &lex);
            let d = &parsed.documents[0];
            assert_eq!(parsed.documents.len(), 1);
            assert!(
                d.diagnostics
                    .iter()
                    .all(|g| g.code == crate::record::DiagCode::Portal),
                "{:?}",
                d.diagnostics
            );
            assert!(d.enclosure.is_some());
            assert_eq!(d.citations.len(), 1);
        }
    }

    /// A forwarded document's own sign-off closing the enclosure (市教育局 /
    /// 2021年2月26日) is understood: no misread date.
    #[test]
    fn an_enclosure_s_own_sign_off_is_no_misread_date() {
        let src = include_str!("../../tests/cases/zk-enclosure-own-signoff.txt");
        let lex = Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        assert!(
            parsed.documents[0].diagnostics.is_empty(),
            "{:?}",
            parsed.documents[0].diagnostics
        );
        // (A date under an organ's line with text after it is still one.)
        let more = format!("{src}　　三、其他事项\n");
        let parsed = crate::parse(&more, "t.txt", &lex);
        assert!(parsed.documents[0].diagnostics.iter().any(|d| d.line == 17));
    }

    /// Footnotes under a signed notice whose text bears their marks are
    /// its text, no clause and no stray line; a mark its text does not
    /// bear leaves the line as it was.
    #[test]
    fn footnotes_after_the_signature_are_the_notices() {
        let src = "某市人民政府关于加快发展精品水果产业的意见\n\
                   一、发展目标。到2025年种植面积达到60万亩①，产值达到80亿元〔1〕。\n\
                   二、保障措施。加大资金投入。\n\
                   某市人民政府\n\
                   2022年3月18日\n\
                   （此件公开发布）\n\
                   ①种植面积按有关规定统计。\n\
                   \u{3000}\u{3000}〔1〕产值按当年价格计算。\n";
        let lex = Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let d = &parsed.documents[0];
        assert_eq!(d.clauses.len(), 2);
        assert!(d.clauses[1].children.is_empty());
        assert!(d.clauses[1].text.ends_with("〔1〕产值按当年价格计算。"));
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
        let src2 = src.replace("60万亩①", "60万亩");
        let parsed = crate::parse(&src2, "t.txt", &lex);
        assert_eq!(parsed.documents[0].clauses[1].children.len(), 1);
        // (A footnote the wrap cut goes on over its rest.)
        let src3 = src.replace(
            "①种植面积按有关规定统计。\n",
            "①种植面积按《某省茶园认证补助办法》（\n某农发〔2021〕7号）有关规定统计。\n",
        );
        let parsed = crate::parse(&src3, "t.txt", &lex);
        let d = &parsed.documents[0];
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
        assert!(d.clauses[1]
            .text
            .contains("某农发〔2021〕7号）有关规定统计。"));
    }

    /// Indented keywords under a 主题词 line are its rest; names too long
    /// or a sentence are not (a distribution list's rest names organs,
    /// `Builder::colophon_items_go_on`).
    #[test]
    fn colophon_item_rests() {
        assert!(super::colophon_item_rest("　　　　通知"));
        assert!(super::colophon_item_rest("　　　　水利　方案　通知"));
        assert!(!super::colophon_item_rest(
            "各县区要落实建设资金。加强工程质量监管。"
        ));
        assert!(!super::colophon_item_rest(
            "　　为做好今年防汛工作，现就有关事项通知如下。"
        ));
        assert!(!super::colophon_item_rest(
            "为认真贯彻全省冬春农田水利基本建设电视电话会议精神扎实做好工作"
        ));
    }

    /// A list under the date, its last item cut by a wrap: the item's rest
    /// over the first attachment's header, or over the title it names, is
    /// the list's, and the enclosure opens under it.
    #[test]
    fn attachment_list_rest_over_the_first_attachment() {
        let head = "某县人民政府关于开展农村供水工程排查的通知\n\
                    某政发〔2021〕9号\n\
                    各乡镇人民政府：\n\
                    \u{3000}\u{3000}现将排查方案和任务清单印发给你们，请认真贯彻落实。\n\
                    某县人民政府\n\
                    2021年5月6日\n\
                    附件：1.某县农村供水工程\n\
                    排查方案\n\
                    \u{3000}\u{3000}\u{3000}2.某县农村供水工程\n\
                    排查任务清单\n";
        let lex = Lexicon::builtin();
        for under in ["附件1\n", ""] {
            let src = format!(
                "{head}{under}某县农村供水工程排查方案\n\
                 {indent}一、排查范围\n\
                 {indent}全县所有集中供水工程。\n",
                indent = "\u{3000}\u{3000}"
            );
            let parsed = crate::parse(&src, "t.txt", &lex);
            let d = &parsed.documents[0];
            let title = d.enclosure.as_ref().map(|e| e.title.as_str());
            assert_eq!(title, Some("某县农村供水工程排查方案"), "{under:?}");
        }
    }
}
