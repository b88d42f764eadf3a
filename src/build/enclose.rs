//! What a notice carries: the enclosed document (a transmitted plan, a
//! promulgated regulation) and its attachments (附件).

use super::{Builder, Holder, State, Zone};
use crate::lines::{body, Line};
use crate::record::{Attachment, Enclosure, Part};
use crate::text;

/// How many lines a notice's 附件：标题 line may stand above the header
/// that introduces the attachment it lists (notes and the 版记 between).
const LIST_TO_HEADER_LINES: usize = 6;

/// How many lines under a bare 附件 line, in a notice printed without its
/// signature, its title and what follows it are read for a sign-off.
const UNSIGNED_TITLE_LINES: usize = 3;

/// The titles a notice's title issues, quoted after its 印发 or 转发 (not
/// a law it carries out, 关于贯彻《…法》和印发《…方案》的通知), or named
/// there unquoted (`unquoted_titles`), squashed: none unless it names two
/// or more.
pub(super) fn issued_titles(title: &str, lex: &crate::lexicon::Lexicon) -> Vec<String> {
    let Some((at, verb)) = crate::lexicon::Lexicon::find_any(&lex.transmittal, title) else {
        return Vec::new();
    };
    let issued: Vec<String> = if title.contains('《') {
        text::quoted_titles(&title[at..])
            .map(text::squash)
            .filter(|q| !q.is_empty())
            .collect()
    } else {
        unquoted_titles(&title[at + verb..], lex)
    };
    if issued.len() < 2 {
        return Vec::new();
    }
    issued
}

/// The titles a notice's title names unquoted after its verb, `rest` (…行动
/// 方案和…实施方案的通知): what comes before its own 的 and genre word, cut
/// at 和, 及 and 、 where the piece so far ends with a genre word (a 和
/// inside a title, …深化改革和创新驱动实施方案, cuts nothing), squashed.
/// None when a piece does not end so, or the names hold a document of their
/// own (…关于印发…方案的通知的通知: a forwarded notice, not plans).
fn unquoted_titles(rest: &str, lex: &crate::lexicon::Lexicon) -> Vec<String> {
    let Some(names) = lex
        .genre_suffix(rest)
        .and_then(|(_, at)| rest[..at].strip_suffix('的'))
    else {
        return Vec::new();
    };
    if crate::lexicon::Lexicon::contains_any(&lex.about, names)
        || crate::lexicon::Lexicon::contains_any(&lex.transmittal, names)
    {
        return Vec::new();
    }
    let mut titles = Vec::new();
    let mut from = 0;
    for (i, c) in names.char_indices() {
        if matches!(c, '和' | '及' | '、') && lex.genre_suffix(&names[from..i]).is_some() {
            titles.push(text::squash(&names[from..i]));
            from = i + c.len_utf8();
        }
    }
    if lex.genre_suffix(&names[from..]).is_none() {
        return Vec::new();
    }
    titles.push(text::squash(&names[from..]));
    titles
}

/// The titles the notice's text issues, quoted one after the other (现将
/// 《A》《B》印发给你们, 《A》和《B》已经市政府同意，现印发给你们): a run of
/// quotes with nothing but 和, 及, 、 or spaces between them, the last of
/// which the sentence issues (`issues_quoted`), squashed.
fn text_issued_titles(p: &str, lex: &crate::lexicon::Lexicon) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut run_start = 0;
    let mut last_end = 0;
    let quotes: Vec<&str> = text::quoted_titles(p).collect();
    // (Where the quote `q` opens, its 《 included.)
    let open = |q: &str| text::offset_in(p, q) - '《'.len_utf8();
    let joins = |between: &str| {
        between
            .chars()
            .all(|c| matches!(c, '和' | '及' | '、') || text::is_space(c))
    };
    for (k, q) in quotes.iter().enumerate() {
        let start = open(q);
        let end = text::offset_in(p, q) + q.len() + '》'.len_utf8();
        if run.is_empty() || !joins(&p[last_end..start]) {
            run.clear();
            run_start = start;
        }
        run.push(q);
        last_end = end;
        let closes = quotes.get(k + 1).is_none_or(|n| !joins(&p[end..open(n)]));
        if closes && issues_quoted(&p[..run_start], &p[end..], lex) {
            out.extend(
                run.iter()
                    .map(|q| text::squash(q))
                    .filter(|q| !q.is_empty()),
            );
        }
    }
    out
}

/// A sentence of a transmittal issues the title it quotes between
/// `before` and `after` (the text on either side of its 《》): a
/// transmittal verb right after the 》 (现将《…》印发给你们), or the quote
/// opening its sentence with the verb later in it and no other title
/// quoted before the verb (《…规范》已经市人民政府同意，现印发给你们). A
/// title named inside a sentence, the verb further on (按照《…》要求，现将
/// 有关事项通知如下), is one the text follows.
fn issues_quoted(before: &str, after: &str, lex: &crate::lexicon::Lexicon) -> bool {
    let verb = |s: &str| crate::lexicon::Lexicon::find_any(&lex.transmittal, s).is_some();
    if verb(crate::lines::title::first_chars(after, 4)) {
        return true;
    }
    let opens = text::trim(before).is_empty() || before.ends_with(['。', '；', ';']);
    let sentence = after.split(['。', '《', '；', ';']).next().unwrap_or(after);
    opens && verb(sentence)
}

impl<'a, 't> Builder<'a, 't> {
    /// The enclosed document's title: after the notice has signed, or a
    /// line repeating the 《》 title of the notice.
    pub(super) fn try_enclosure(&mut self, l: &Line<'t>) -> bool {
        if !self.in_notice() || self.enclosure.is_some() {
            return false;
        }
        if !l.is_title_fragment() || body::is_bracketed_note(l.text()) {
            return false;
        }
        let signed = matches!(self.state, State::Signed { .. });
        // An order or announcement (…令, …公告) encloses the document its
        // text quotes: 《…条例》已经…通过，现予公布.
        let promulgates = self
            .lex
            .promulgates(self.doc.title.as_deref().unwrap_or(""));
        let quotes = |t: &str| {
            self.notice
                .preamble
                .iter()
                .any(|p| text::quoted_titles(&p.text).any(|q| text::names_title(q, t)))
        };
        // (So does a notice printed without its title that issues what its
        // text quotes (`issues_quoted`): 现将《某市2020年重点民生实事》印发给
        // 你们, 《…规范》已经市人民政府同意，现印发给你们; not a document it
        // follows, 按照市政府印发的《…》要求, printed after it with a number of
        // its own.)
        let issues = |t: &str| {
            self.doc.title.is_none()
                && self.text_issues(t)
                && !self
                    .lines
                    .get(0)
                    .is_some_and(|n| n.line() == l.line() + 1 && n.is_number())
        };
        let named = |t: &str| if promulgates { quotes(t) } else { issues(t) };
        let carries = promulgates || self.doc.title.is_none();
        let quoted_in_text = signed && carries && named(l.text());
        // (Or its title wrapped over two or three lines: 某市人民政府关于废止
        // 《某市房屋拆迁管理办法》 / 等2件政府规章的决定.)
        let quoted_wrap = (signed && carries && !quoted_in_text)
            .then(|| {
                let mut joined = l.text().to_owned();
                for k in 0..2 {
                    let n = self
                        .lines
                        .get(k)
                        .filter(|n| n.line() == l.line() + k + 1 && n.is_title_fragment())?;
                    joined.push_str(n.text());
                    if named(&joined) {
                        return Some((joined, k + 1));
                    }
                }
                None
            })
            .flatten();
        let quoted_in_text = quoted_in_text || quoted_wrap.is_some();
        // Any notice may carry a titled text after its date: a 决定's list
        // of those it commends (…先进单位和先进个人名单), a 通报's table,
        // any table its title names so (…投资计划表, …责任表).
        // (Its title may wrap, even inside the genre word: …先进单位名 / 单.)
        let table = self.lex.table_title(l.text());
        let titled_after_date = self.state == (State::Signed { after_body: true })
            && self.doc.date.is_some()
            && (self.lex.genre_suffix(l.text()).is_some()
                || table
                || self.wrapped_title(l.line(), &mut l.text().to_owned(), 0, true) > 0);
        if !self.transmittal && !quoted_in_text && !titled_after_date {
            return false;
        }
        // (A document forwarded unquoted names its organ first, 转发市发展
        // 改革委遵义市2021年…任务的通知: the title printed is the rest.)
        let quoted = quoted_in_text
            || self.quoted_title.as_deref().is_some_and(|q| {
                text::squashes_to(l.text(), q)
                    || q.strip_suffix(text::squash(l.text()).as_str())
                        .is_some_and(|organ| {
                            self.lex
                                .organ_ending(organ)
                                .is_some_and(|e| e.len() < organ.len())
                        })
            });
        // A title may wrap: join up to two more fragments to reach the genre.
        // (A letter-spaced title reads without its spaces: 关 于 做 好 … 的 意 见.)
        let (mut title, mut extra) =
            quoted_wrap.unwrap_or_else(|| (text::title_line(l.text()).into_owned(), 0));
        let mut quoted = quoted;
        if !quoted && !table && self.lex.genre_suffix(&title).is_none() {
            extra = self.wrapped_title(l.line(), &mut title, 0, !self.transmittal);
            if extra == 0 {
                return false;
            }
            // (Joined, the title the notice quotes, whatever a wrap left of
            // its genre word on the line under it: …暂行办 / 法.)
            quoted = self
                .quoted_title
                .as_deref()
                .is_some_and(|q| text::squashes_to(&title, q));
        }
        if !(quoted || signed) {
            return false;
        }
        // A title whose first line ends with a genre word and goes on to
        // the one the notice names (…法治政府建设工作要点 / 任务分工方案,
        // …管理办法 / 实施细则).
        if let Some(q) = self
            .quoted_title
            .as_deref()
            .filter(|_| extra == 0 && !quoted)
        {
            let mut joined = title.clone();
            for k in 0..2 {
                let Some(n) = self
                    .lines
                    .get(k)
                    .filter(|n| n.line() == l.line() + k + 1 && n.is_title_fragment())
                else {
                    break;
                };
                joined.push_str(n.text());
                if text::squashes_to(&joined, q) {
                    title = joined;
                    extra = k + 1;
                    break;
                }
            }
        }
        // A title that ends with a genre word and goes on with another joined
        // by 和 or 暨 (…第十四个五年规划 / 和二〇三五年远景目标纲要).
        // (和 before a year only, 和二〇三五年…, 和2035年…: not a place or a word
        // opening the text, 和平区…, 和谐…; no separator in the line.)
        let joins = |t: &str| {
            let year = t.strip_prefix('和').is_some_and(|r| {
                r.starts_with(|c: char| {
                    text::is_digit(c) || crate::normalize::numeral::is_cn_numeral_char(c)
                })
            });
            (year || t.starts_with('暨')) && !t.contains(['，', ',', '、', '。'])
        };
        if let Some(n) = self.lines.get(extra).filter(|n| {
            n.line() == l.line() + extra + 1
                && joins(n.text())
                && n.is_title_fragment()
                && self.lex.genre_suffix(n.text()).is_some()
        }) {
            title.push_str(n.text());
            extra += 1;
        }
        // A line in brackets under the title completes it (（试行）,
        // （2017—2020年）).
        if let Some(n) = self.lines.get(extra).filter(|n| {
            n.line() != l.line() && crate::lines::title::is_edition_note(n.text(), self.lex)
        }) {
            title.push_str(n.text());
            extra += 1;
        }
        self.own(l, Part::EnclosureTitle);
        for _ in 0..extra {
            if let Some(n) = self.lines.pop_front() {
                self.own(&n, Part::EnclosureTitle);
            }
        }
        let doc_type = self.lex.doc_type(&title);
        self.enclosure = Some(Enclosure {
            title,
            doc_type,
            line: l.line(),
            preamble: Vec::new(),
            clauses: Vec::new(),
            attachments: Vec::new(),
            fields: Vec::new(),
            issuers: Vec::new(),
            date: None,
        });
        self.state = State::Enclosure;
        self.prev = super::Prev::None;
        true
    }

    /// A sentence of the notice's text issues the title `t`: it quotes it
    /// and forwards it (`issues_quoted`: 现将《…》印发给你们).
    fn text_issues(&self, t: &str) -> bool {
        self.notice.preamble.iter().any(|p| {
            text::quoted_titles(&p.text).any(|q| {
                let start = text::offset_in(&p.text, q);
                let end = start + q.len() + '》'.len_utf8();
                text::names_title(q, t)
                    && match (p.text.get(..start - '《'.len_utf8()), p.text.get(end..)) {
                        (Some(before), Some(after)) => issues_quoted(before, after, self.lex),
                        _ => false,
                    }
            })
        })
    }

    /// `l` is a line of the masthead (版头) the document a transmittal
    /// forwards prints above its title, after the notice has signed off
    /// (…印发 / 中共某市委文件 / 某发〔2023〕6号 / ★ / 中共某市委关于…的意见):
    /// its issuer's mark, its number and the separator rule, a number among
    /// them and a title right under them. Owned as front matter (the number
    /// is cited), reported as the masthead; the title is the enclosure's.
    pub(super) fn try_enclosure_masthead(&mut self, l: &Line<'t>) -> bool {
        if !self.transmittal
            || self.enclosure.is_some()
            || !matches!(self.state, State::Signed { .. })
        {
            return false;
        }
        // (A mark is short: a longer line is asked nothing that copies it.)
        let front = |n: &Line| {
            n.is_number()
                || crate::lines::header::is_separator_rule(n.text())
                || text::chars_at_most(n.text(), 30)
                    && crate::lines::header::is_front_matter(
                        &text::title_line(n.text()),
                        self.lex,
                        false,
                    )
        };
        if !front(l) {
            return false;
        }
        // (The number may be read already, right above: 某发〔2023〕6号 / ★.)
        let mut numbered = l.is_number()
            || self
                .owners
                .last()
                .is_some_and(|o| o.part == Part::Number && o.line + 1 == l.line());
        let mut titled = false;
        for n in self.lines.iter().take(4) {
            if !front(n) {
                titled = n.is_title_fragment();
                break;
            }
            numbered |= n.is_number();
        }
        if !(numbered && titled) {
            return false;
        }
        let part = if l.is_number() {
            Part::Number
        } else {
            Part::Portal
        };
        self.own(l, part);
        self.diag(
            l.line(),
            crate::record::DiagCode::Portal,
            "masthead (版头) above the enclosed document",
        );
        self.prev = super::Prev::None;
        true
    }

    /// `l` is the header the enclosed document prints under its title, a
    /// forwarded document's own (某组字〔2020〕21号, 各市、县人民政府，…：):
    /// its number right under the title, its addressees under the title or
    /// that number. It stays the enclosure's text, understood (the number is
    /// cited).
    /// (Or the header of the document the enclosure forwards in turn,
    /// printed whole after its date: under that title, a line of its text
    /// ending in a genre word with no stop, right above. Or the header of a
    /// document printed whole as an attachment, the request an answer
    /// prints under 附：.)
    pub(super) fn forwarded_header(&self, l: &Line) -> bool {
        let titled = |t: &crate::record::Paragraph, below: usize| {
            t.line + 1 == below
                && !t.text.contains(crate::text::is_sentence_end)
                && self.lex.genre_suffix(&t.text).is_some()
        };
        let holder = self.holder_ref();
        matches!(self.state, State::Enclosure | State::Attachment)
            && holder.tree.is_empty()
            && match holder.preamble.as_slice() {
                [] => l.is_number() || l.is_addressee(),
                [p] => l.is_addressee() && crate::docnum::whole(&p.text).is_some(),
                [.., t, p] if l.is_addressee() && crate::docnum::whole(&p.text).is_some() => {
                    titled(t, p.line)
                }
                [.., t] => (l.is_number() || l.is_addressee()) && titled(t, l.line()),
            }
    }

    /// A later plan the notice issues with the first (关于印发《A》《B》的通
    /// 知), its title printed under the first's text with no 附件 line
    /// above it: its clauses number afresh, as an attachment's, under its
    /// title (its label empty). The title is one the notice's title quotes,
    /// not the enclosure's own, whitespace aside; on its line or over two
    /// or three (a wrap).
    pub(super) fn try_next_plan(&mut self, l: &Line<'t>) -> bool {
        if !matches!(self.state, State::Enclosure | State::Attachment) || !l.is_title_fragment() {
            return false;
        }
        // (Or the titles its text quotes and issues, 现将《A》《B》印发给你们,
        // read once, when the title names none.)
        if self.issued.is_empty() && !self.issued_read {
            self.issued_read = true;
            self.issued = (self.notice.preamble.iter())
                .flat_map(|p| text_issued_titles(&p.text, self.lex))
                .collect();
        }
        if self.issued.len() < 2 {
            return false;
        }
        let Some(enclosed) = self.enclosure.as_ref().map(|e| text::squash(&e.title)) else {
            return false;
        };
        let later: Vec<&String> = self.issued.iter().filter(|q| **q != enclosed).collect();
        if later.is_empty() {
            return false;
        }
        // (Where a text ends: the line above closed a sentence or a bracket,
        // or is the 版记's last (…2020年4月10日印发); not a line a sentence or
        // list introduces, 本方案与下列方案配套实施： / 某某工作方案. Nor inside an
        // attachment of the plan's own, 附件1.)
        let above = self.src[..l.start().min(self.src.len())].trim_end();
        let closed = above.ends_with(['。', '！', '？', '）', ')']) || above.ends_with("印发");
        let own_attachment = self.state == State::Attachment
            && self
                .attachments
                .last()
                .is_some_and(|(_, a, _)| !a.label.is_empty());
        if !closed || own_attachment {
            return false;
        }
        let mut title = l.text().to_owned();
        let mut extra = 0;
        loop {
            let squashed = text::squash(&title);
            if later.contains(&&squashed) {
                break;
            }
            // A wrap: the title so far is where one of them starts.
            let next = self
                .lines
                .get(extra)
                .filter(|n| n.line() == l.line() + extra + 1 && n.is_title_fragment());
            match next {
                Some(n) if extra < 2 && later.iter().any(|q| q.starts_with(&squashed)) => {
                    title.push_str(n.text());
                    extra += 1;
                }
                _ => return false,
            }
        }
        let done = text::squash(&title);
        if self
            .attachments
            .iter()
            .any(|(_, a, _)| text::squash(&a.title) == done)
        {
            return false;
        }
        self.own(l, Part::AttachmentTitle);
        for _ in 0..extra {
            if let Some(n) = self.lines.pop_front() {
                self.own(&n, Part::AttachmentTitle);
            }
        }
        self.open_attachment(Zone::Enclosure, String::new(), title, l.line());
        true
    }

    /// Opens an attachment of `parent` headed at `line`: the clauses read
    /// next are its own.
    fn open_attachment(&mut self, parent: Zone, label: String, title: String, line: usize) {
        self.attachments.push((
            parent,
            Attachment {
                label,
                title,
                line,
                preamble: Vec::new(),
                clauses: Vec::new(),
                fields: Vec::new(),
            },
            Holder::new(self.room.clone()),
        ));
        self.state = State::Attachment;
        self.prev = super::Prev::None;
    }

    /// How many lines at the front of the queue are the red header a
    /// document printed whole under a bare 附件 line keeps over its title
    /// (本溪满族自治县人民政府文件 / 本县政〔2021〕5号　　签发人：王某某 / the
    /// title): its masthead, its number (one at least), the 签发人 beside or
    /// under it, the secrecy and urgency marks and the separator rule, each
    /// line under the one before; a title's line right under them. 0 when
    /// the queue opens otherwise.
    fn red_header_len(&self) -> usize {
        use crate::lines::header;
        // (A red header is a few lines: the walk is bounded.)
        const HEAD_LINES: usize = 8;
        // (It opens with a number, a mark, or an organ's name over 文件:
        // most attachments open with their title, answered first.)
        let opens = self.lines.front().is_some_and(|n| {
            n.is_number()
                || n.is_signature()
                || header::is_issuer_mark(n.text())
                || header::is_marks_line(n.text(), self.lex)
        });
        if !opens {
            return 0;
        }
        let all = self.lines.as_slice();
        let lines = &all[..all.len().min(HEAD_LINES + 1)];
        let mut numbered = false;
        for (k, n) in lines.iter().enumerate() {
            let t = n.text();
            if k > 0 && lines[k - 1].line() + 1 != n.line() {
                return 0;
            }
            let number = n.is_number() || header::head_number(t, self.lex).is_some();
            let front = number
                || header::is_masthead(lines, k, self.lex)
                || header::is_marks_line(t, self.lex)
                || header::is_separator_rule(t)
                || crate::docnum::signer_at(t) == Some(0)
                || k > 0 && crate::docnum::signer_rest(lines[k - 1].text(), t);
            if !front {
                return if numbered && n.is_title_fragment() {
                    k
                } else {
                    0
                };
            }
            numbered |= number;
        }
        0
    }

    /// A title cut by a wrap before its genre word: joins to `title` up to
    /// two title fragments from `self.lines[from]` on (none from the line
    /// `line` itself) until it ends with a genre word or is the title the
    /// notice names (…重点工作任 / 务). Returns how many it joined, 0 (and
    /// `title` as it was) when none reaches it.
    ///
    /// `strict`, for a title under 附件 or after the date, where the line
    /// under a whole title is often a heading, a table's header or the next
    /// title of a list (…推进情况 / 主要措施, …分解 / 序号⇥…⇥验收标准): the
    /// wrap must show, the genre word (or the note after it) cut across the
    /// lines (…任务分 / 解表, …方案（2023—202 / 5年）), the rest be the genre
    /// word alone (…测评 / 细则), or the joined title be one the notice
    /// lists or quotes. A fragment holding a cell
    /// delimiter or a bracketed note is never a title's rest there.
    pub(super) fn wrapped_title(
        &self,
        line: usize,
        title: &mut String,
        from: usize,
        strict: bool,
    ) -> usize {
        let len = title.len();
        for k in from..from + 2 {
            let Some(n) = self
                .lines
                .get(k)
                .filter(|n| n.line() != line && n.is_title_fragment())
            else {
                break;
            };
            let t = n.text();
            if strict && (t.contains(['\t', '|', '｜']) || body::is_bracketed_note(t)) {
                break;
            }
            title.push_str(t);
            let named = self
                .quoted_title
                .as_deref()
                .is_some_and(|q| text::squashes_to(title, q));
            if named {
                return k + 1 - from;
            }
            if let Some((_, at)) = self.lex.genre_suffix(title) {
                // (A genre word alone on its line is no heading: …测评 / 细则.)
                let alone = self
                    .lex
                    .genre_suffix(t)
                    .is_some_and(|(g, _)| g == text::trim(t));
                // (Nor is an organ's name alone over 关于…: the title set
                // with its organ on a line of its own.)
                let organ_over_about = k == from
                    && self.lex.about.iter().any(|w| t.starts_with(w.as_str()))
                    && crate::organs::is_signature_text(&title[..len], self.lex);
                if !strict || at < len || alone || organ_over_about || self.lists_attachment(title)
                {
                    return k + 1 - from;
                }
            }
        }
        title.truncate(len);
        0
    }

    /// The text read so far (the notice's list of attachments, its quotes)
    /// names `title`, whitespace aside and across the lines it wraps over
    /// (附件:…工作先 / 进单位名单).
    fn lists_attachment(&self, title: &str) -> bool {
        let want = text::squash(title);
        let mut said = String::new();
        for o in &self.owners {
            if let Some(t) = self.src.get(o.start..o.end) {
                said.push_str(&text::squash(t));
            }
        }
        said.contains(&want)
    }

    /// 附件：标题 set apart whose title a wrap cut before its genre word
    /// (附件：某市2021年…整治提 / 升重点任务分解表): read as
    /// [`body::opens_attachment`] reads one the line holds whole, by the
    /// title's rest on the lines under it.
    pub(super) fn opens_wrapped_attachment(&self, l: &Line<'t>) -> bool {
        let Some((label, title)) = body::attachment_header(l.text(), self.lex) else {
            return false;
        };
        if title.is_empty()
            || !body::attachment_apart(l.text(), self.lex)
            || body::lists_attachments(l.text(), self.lex)
            || self.lex.genre_suffix(title).is_some()
            || label.len() == l.text().len()
        {
            return false;
        }
        let mut joined = title.to_owned();
        self.wrapped_title(l.line(), &mut joined, 0, !self.header_cut(l)) > 0
    }

    /// The indented header `l` fills the document's width and the line under
    /// it stands at the margin: a wrap cut its title, wherever the genre
    /// word fell (…整治提 / 升重点任务分解表).
    fn header_cut(&self, l: &Line<'t>) -> bool {
        self.fills_indented(&l.unit())
            && self
                .lines
                .front()
                .is_some_and(|n| l.adjoins(n) && super::prose::at_margin(self.src, n.start()))
    }

    /// `title`, named by the 附件：标题 line `l`, is introduced again further
    /// down by a header of its own: a bare 附件 / 附件1 with the title on the
    /// line or two under it, or 附件：标题, with nothing but notes and the
    /// 版记 between them (附件：某市…工作方案 / （此件公开发布） / 附件 / 某市…工作
    /// 方案). `l` is then the notice's list of its attachment, not the
    /// header: the attachment's text does not follow it.
    /// (`from`: the lines under `l` its title's wrap took.)
    fn introduced_below(&self, l: &Line<'t>, title: &str, from: usize) -> bool {
        // (The list may cite it in 《》: 附件：《某市…工作方案》.)
        let squashed = text::squash(title);
        let want = squashed
            .strip_prefix('《')
            .and_then(|t| t.strip_suffix('》'))
            .unwrap_or(&squashed);
        let Some(at) = self
            .lines
            .iter()
            .skip(from)
            .take(LIST_TO_HEADER_LINES)
            .position(|n| !(n.is_note() || n.is_colophon()))
            .map(|k| k + from)
        else {
            return false;
        };
        let Some(n) = self.lines.get(at) else {
            return false;
        };
        let Some((_, named)) = body::attachment_header(n.text(), self.lex) else {
            return false;
        };
        if n.line() == l.line() || !body::attachment_apart(n.text(), self.lex) {
            return false;
        }
        if !named.is_empty() {
            return text::squash(named) == want;
        }
        let mut joined = String::new();
        for k in at + 1..at + 3 {
            let Some(t) = self.lines.get(k).filter(|t| t.is_title_fragment()) else {
                return false;
            };
            joined.push_str(&text::squash(t.text()));
            if joined == want {
                return true;
            }
            if !want.starts_with(&joined) {
                return false;
            }
        }
        false
    }

    /// A 附件：标题 line after the notice's date, the `taken` lines its
    /// title wrapped over aside, has nothing under it in the document but
    /// notes and the 版记: the next document's title or the end of the
    /// input follows (…2020年5月28日 / 附件：…报名表 / (blank) / 某市…的通知).
    /// The attachment is not printed (a web page drops the form it
    /// links), so the line lists it and heads nothing.
    fn lists_unprinted(&self, taken: usize) -> bool {
        matches!(self.state, State::Signed { .. })
            && self
                .lines
                .iter()
                .skip(taken)
                .all(|n| n.is_note() || n.is_colophon())
    }

    /// A transmittal's 附件：标题 line after its date, the `taken` lines its
    /// title wrapped over aside, stands right over the title of the document
    /// the notice forwards, the one its title or a sentence of its text names
    /// (…印发…工作任务分解方案的通知 / … / 2021年2月26日 / 附件：…工作任务分解表 /
    /// …工作任务分解方案 / 为确保…): the line lists the forwarded document's own
    /// attachment, printed further down, and heads nothing; the title under
    /// it is the enclosure's. (`title`: the one the line names.)
    fn over_forwarded(&self, title: &str, taken: usize) -> bool {
        if !(self.transmittal && matches!(self.state, State::Signed { .. })) {
            return false;
        }
        let named = |t: &str| {
            self.quoted_title
                .as_deref()
                .is_some_and(|q| text::squashes_to(t, q))
                || self.text_issues(t)
        };
        let mut joined = String::new();
        let mut above: Option<&Line> = None;
        for n in self.lines.iter().skip(taken).take(3) {
            if !n.is_title_fragment() || above.is_some_and(|a| !a.adjoins(n)) {
                return false;
            }
            above = Some(n);
            joined.push_str(n.text());
            if named(&joined) {
                return !named(title);
            }
        }
        false
    }

    /// The notice's 附件：标题 line `l` read as its list of attachments, with
    /// the `taken` lines its title wrapped over: text of the part read
    /// last, no header.
    fn read_list_line(&mut self, l: &Line<'t>, taken: usize) {
        self.prev = super::Prev::None;
        self.body_text(l.clone());
        for _ in 0..taken {
            if let Some(n) = self.lines.pop_front() {
                self.prev = super::Prev::Text {
                    open: true,
                    count: None,
                    hang: false,
                    indented: false,
                };
                self.body_text(n);
            }
        }
        self.prev = super::Prev::None;
    }

    /// `l` is a bare 附件 or 附件1 after the text of a notice printed
    /// without its signature (a yearbook's, dated in brackets under its
    /// title, or not dated): the title on the line under it, and no
    /// signature or date right under that title, as a list of attachments
    /// before a sign-off would have (附件 / 某市…方案 / 某市人民政府 / 2021年…).
    /// It opens the attachment as a header after a signature does.
    /// (附件：alone, its items under it, lists them.)
    fn opens_unsigned(&self, l: &Line<'t>) -> bool {
        let t = text::trim(l.text());
        if !self.lex.attachment_firsts.may_open(t) {
            return false;
        }
        // (Not when the text read holds a bare header already, read as the
        // notice's own: a plan printed as its attachments alone, 某工作方案 /
        // 附件1 / …分解表 / (rows) / 附件2 / …名单.)
        let n = &self.notice;
        let bare_above = || {
            n.preamble.iter().any(|p| {
                body::attachment_header(&p.text, self.lex).is_some_and(|(_, t)| t.is_empty())
            })
        };
        if n.tree.is_empty() && n.preamble.is_empty() || bare_above() {
            return false;
        }
        let bare = body::attachment_header(t, self.lex)
            .is_some_and(|(label, title)| title.is_empty() && label.len() == t.len());
        let titled = self.lines.front().is_some_and(|n| {
            n.line() == l.line() + 1 && n.is_title_fragment() && n.marker(false).is_none()
        });
        // (The title may wrap over a line or two: the sign-off is looked
        // for under them.)
        bare && titled
            && !self
                .lines
                .iter()
                .take(UNSIGNED_TITLE_LINES + 1)
                .skip(1)
                .any(|n| n.is_signature() || n.is_date() || self.bracket_date(n))
    }

    /// 附件：标题 / 附件1 (title on the next line), once the notice has
    /// signed or inside the enclosed document; after the text of a notice
    /// printed without its signature, a bare one (`opens_unsigned`).
    pub(super) fn try_attachment(&mut self, l: &Line<'t>) -> bool {
        if self.state == State::Notice && !self.opens_unsigned(l)
            || body::lists_attachments(l.text(), self.lex)
        {
            return false;
        }
        let Some((label, title)) = body::attachment_header(l.text(), self.lex) else {
            return false;
        };
        let label = label.to_owned();
        let inline = !title.is_empty();
        let mut title = title.to_owned();
        // The title on the lines under a bare 附件 line; on one line or two
        // (a wrap before its genre word: …任务分 / 解表).
        // (Or the document printed as it was sent, its red header between
        // the bare line and its title: a masthead, the number with its
        // 签发人, marks. Owned as front matter; the title is under them.)
        let head = if inline { 0 } else { self.red_header_len() };
        let mut taken = 0;
        if title.is_empty() {
            if let Some(n) = self.lines.get(head).filter(|n| n.is_title_fragment()) {
                title = n.text().to_owned();
                taken = head + 1;
            }
        }
        if !title.is_empty() && self.lex.genre_suffix(&title).is_none() {
            let strict = taken > 0 || !self.header_cut(l);
            taken += self.wrapped_title(l.line(), &mut title, taken, strict);
        }
        // (Named on its line and introduced again below, with nothing of it
        // printed under it, or over the document the notice forwards: the
        // notice's list.)
        if inline
            && (self.introduced_below(l, &title, taken)
                || self.lists_unprinted(taken)
                || self.over_forwarded(&title, taken))
        {
            self.read_list_line(l, taken);
            return true;
        }
        // A line in brackets under the title completes it (附件1 / …三年行动
        // 方案 / （2021—2023年）), as under an enclosure's.
        if let Some(n) = self.lines.get(taken).filter(|n| {
            !title.is_empty()
                && n.line() == l.line() + taken + 1
                && crate::lines::title::is_edition_note(n.text(), self.lex)
        }) {
            title.push_str(n.text());
            taken += 1;
        }
        for k in 0..taken {
            if let Some(n) = self.lines.pop_front() {
                let part = match k {
                    _ if k >= head => Part::AttachmentTitle,
                    _ if n.is_number() || crate::docnum::signer_at(n.text()).is_some() => {
                        Part::Number
                    }
                    _ => {
                        self.diag(
                            n.line(),
                            crate::record::DiagCode::Portal,
                            "masthead (版头) above the attached document",
                        );
                        Part::Portal
                    }
                };
                self.own(&n, part);
            }
        }
        let parent = match self.state {
            State::Attachment => self.attachments.last().map_or(Zone::Enclosure, |a| a.0),
            State::Enclosure => Zone::Enclosure,
            State::Notice | State::Signed { .. } => Zone::Notice,
        };
        self.own(l, Part::AttachmentTitle);
        self.open_attachment(parent, label, title, l.line());
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A transmittal sentence issues the title it opens with or puts right
    /// before its verb; a title it follows is not issued.
    #[test]
    fn a_transmittal_issues_the_quoted_title() {
        let lex = crate::lexicon::Lexicon::builtin();
        let cases = [
            ("现将", "印发给你们，请认真贯彻执行。", true),
            ("", "已经市委、市人民政府同意，现印发给你们。", true),
            ("经研究。", "已经市人民政府同意，现转发给你们。", true),
            ("按照", "要求，现将有关事项印发如下。", false),
            ("", "已经市政府同意。现印发给你们。", false),
            ("", "已经同意，现将《某市实施细则》印发给你们。", false),
        ];
        for (before, after, issues) in cases {
            assert_eq!(
                issues_quoted(before, after, &lex),
                issues,
                "{before}《》{after}"
            );
        }
    }

    /// A title names the plans it issues unquoted after its verb, cut at
    /// 和, 及 and 、 where a genre word ends the piece; a 和 inside a title,
    /// one plan, or a forwarded notice's plans name none. A sentence issues
    /// a run of quotes whose last it issues.
    #[test]
    fn plans_issued_unquoted_or_quoted_in_a_run() {
        let lex = crate::lexicon::Lexicon::builtin();
        let titles = |t: &str| issued_titles(t, &lex);
        assert_eq!(
            titles(
                "某市人民政府办公室关于印发某市城市更新行动方案和某市老旧小区改造实施方案的通知"
            ),
            ["某市城市更新行动方案", "某市老旧小区改造实施方案"]
        );
        assert_eq!(
            titles("某市人民政府关于印发某市工作要点、某市考核办法及某市任务分工表的通知").len(),
            3
        );
        for one in [
            "某市人民政府关于印发某市深化改革和创新驱动实施方案的通知",
            "某市人民政府办公室关于印发某市城市更新行动方案等两个方案的通知",
            "某市人民政府办公室关于转发省政府办公厅关于印发某方案和某办法的通知的通知",
            "某市人民政府关于做好城市更新和老旧小区改造工作的通知",
        ] {
            assert!(titles(one).is_empty(), "{one}");
        }
        let text = |p: &str| text_issued_titles(p, &lex);
        assert_eq!(
            text("现将《某市工作要点》《某市整治方案》印发给你们，请认真贯彻执行。"),
            ["某市工作要点", "某市整治方案"]
        );
        assert_eq!(
            text("《某市工作要点》和《某市整治方案》已经市政府同意，现印发给你们。").len(),
            2
        );
        assert_eq!(
            text("按照《某省工作要点》要求，现将《某市整治方案》印发给你们。"),
            ["某市整治方案"]
        );
    }

    /// 附件：《标题》 after the date, a note, then a bare 附件 header over the
    /// same title: the line lists the attachment, the header opens it, and
    /// the plan under it is the enclosure (no empty enclosure holding it).
    #[test]
    fn an_attachment_list_line_over_its_header_is_no_header() {
        let src = include_str!("../../tests/cases/zk-attach-list-line-then-header.txt");
        let enclosure = |src: &str| {
            let lex = crate::lexicon::Lexicon::builtin();
            crate::parse(src, "t.txt", &lex).documents[0]
                .enclosure
                .clone()
                .expect("enclosure")
        };
        let e = enclosure(src);
        assert_eq!(
            (
                e.title.as_str(),
                e.line,
                e.attachments.len(),
                e.clauses.len()
            ),
            ("临沂市2021年大气污染防治攻坚行动方案", 12, 0, 3)
        );
        // (A title the header below does not repeat: the line heads it.)
        let other = src.replace("附件\n临沂市2021年", "附件\n临沂市2022年");
        assert_eq!(enclosure(&other).line, 10);
    }

    /// 附件：标题 after the date with nothing under it but the 版记, or the
    /// next notice's title, lists the attachment: no enclosure. With the
    /// attachment's text under it, the line heads it.
    #[test]
    fn an_attachment_line_with_nothing_under_it_heads_nothing() {
        let src = include_str!("../../tests/cases/zl-attach-line-nothing-under.txt");
        let enclosures = |src: &str| {
            let lex = crate::lexicon::Lexicon::builtin();
            crate::parse(src, "t.txt", &lex)
                .documents
                .iter()
                .map(|d| d.enclosure.as_ref().map(|e| e.line))
                .collect::<Vec<_>>()
        };
        assert_eq!(enclosures(src), [None, None]);
        let printed = src.replace(
            "值班安排表\n",
            "值班安排表\n序号\t日期\t带班领导\t值班人员\n1\t1月1日\t张明\t李强\n",
        );
        assert_eq!(enclosures(&printed), [None, Some(23)]);
    }

    /// A request printed whole under a bare 附件 line with its red header
    /// (masthead, number, 签发人 under it): the header is front matter, the
    /// title under it the enclosure's, the text under the title its own.
    #[test]
    fn a_red_header_under_a_bare_attachment_line_is_front_matter() {
        let src = include_str!("../../tests/cases/zp-pifu-qingshi-red-header.txt");
        let lex = crate::lexicon::Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let read: Vec<_> = parsed
            .documents
            .iter()
            .map(|d| {
                let e = d.enclosure.as_ref().expect("enclosure");
                (e.title.as_str(), e.preamble.first().map(|p| p.line))
            })
            .collect();
        assert_eq!(
            read,
            [
                ("辉南县人民政府关于设立朝阳镇社区服务中心的请示", Some(13)),
                ("柳河县人民政府关于调整城区居民供热价格的请示", Some(28)),
            ]
        );
    }

    /// A table titled …责任表 right under the notice's date (no genre word
    /// of a document): the enclosure, its rows its clauses. A line ending
    /// in 代表 there is no table's title.
    #[test]
    fn a_table_titled_after_the_date_is_the_enclosure() {
        let src = include_str!("../../tests/cases/zr-table-title-after-date.txt");
        let lex = crate::lexicon::Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let e = parsed.documents[0].enclosure.as_ref().expect("enclosure");
        assert_eq!(e.title, "2023年县级重点民生项目推进责任表");
        assert_eq!(e.clauses.len(), 2);
        let other = src.replace("2023年县级重点民生项目推进责任表", "县人大代表");
        let parsed = crate::parse(&other, "t.txt", &lex);
        assert!(parsed.documents[0].enclosure.is_none());
    }

    /// A forwarded opinion printed after the notice's date under a
    /// letter-spaced title (关 于 加 快 … 的 实 施 意 见): the enclosure, its
    /// title read without the spaces, its clauses its own.
    #[test]
    fn a_letter_spaced_enclosure_title_reads_without_its_spaces() {
        let src = include_str!("../../tests/cases/zm-forwarded-title-letter-spaced.txt");
        let lex = crate::lexicon::Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let e = parsed.documents[0].enclosure.as_ref().expect("enclosure");
        assert_eq!(e.title, "关于加快发展高标准农田建设的实施意见");
        assert_eq!(e.clauses.len(), 3);
    }

    /// 附件：标题 after a transmittal's date, right over the title of the
    /// plan the notice issues: the line lists the plan's own attachment, the
    /// plan is the enclosure. Over another title the line heads it.
    #[test]
    fn an_attachment_line_over_the_forwarded_title_heads_nothing() {
        let src = include_str!("../../tests/cases/zm-attach-line-over-forwarded-plan.txt");
        let enclosure = |src: &str| {
            let lex = crate::lexicon::Lexicon::builtin();
            let e = crate::parse(src, "t.txt", &lex).documents[0]
                .enclosure
                .clone()
                .expect("enclosure");
            (e.title, e.line, e.attachments.len())
        };
        assert_eq!(
            enclosure(src),
            ("荆门市2022年民生实事工作方案".to_owned(), 8, 1)
        );
        let other = src.replace("实事工作方案\n为切实", "实事工作安排\n为切实");
        assert_eq!(enclosure(&other).1, 7);
    }

    /// An attached document's title set with its organ on a line of its
    /// own (某中心 / 关于…的请示) is the two lines; its number and
    /// addressees under it are its own header, understood.
    #[test]
    fn an_attached_title_with_its_organ_on_a_line_of_its_own() {
        let src = include_str!("../../tests/cases/zo-answer-request-title-organ-line.txt");
        let lex = crate::lexicon::Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let e = parsed.documents[0].enclosure.as_ref().expect("enclosure");
        assert_eq!(
            e.title,
            "普洱市茶叶和咖啡产业发展中心关于设立普洱茶产业发展服务中心的请示"
        );
        let d = &parsed.documents[0].diagnostics;
        assert!(d.is_empty(), "{d:?}");
    }

    /// An indented 附件 header filling the width, its title cut before the
    /// genre word's line (…整治重 / 点任务清单): the clause above keeps its
    /// attribution, the attachment opens with the whole title.
    #[test]
    fn a_header_cut_by_the_width_opens_the_attachment() {
        let src = include_str!("../../tests/cases/zg-attach-header-wrapped.txt");
        let lex = crate::lexicon::Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let e = parsed.documents[0].enclosure.as_ref().expect("enclosure");
        assert_eq!(e.attachments.len(), 1);
        assert_eq!(
            e.attachments[0].title,
            "酒泉市2022年城乡环境卫生整治重点任务清单"
        );
        assert!(e.clauses[2].task.is_some());
        assert!(e.clauses[2].children.is_empty());
    }
}
