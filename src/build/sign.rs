//! Signing off: the signature (落款) and the date (成文日期), alone on
//! their lines, together on one, or run into the last sentence.

use super::{Builder, State};
use crate::lines::{body, Line};
use crate::normalize::date::{parse_date, Date};
use crate::organs::{is_person_signature, split_organs, SHORT_NAME};
use crate::record::Part;

/// How many organs a joint signature may list one a line, the date after
/// them.
const MAX_SIGNATURE_LINES: usize = 8;

impl<'a, 't> Builder<'a, 't> {
    fn next_is_date(&self) -> bool {
        self.lines.front().is_some_and(Line::is_date)
    }

    fn sign_off(&mut self) {
        if self.state == State::Notice {
            let n = &self.notice;
            let after_body = !(n.preamble.is_empty() && n.tree.is_empty() && n.fields.is_empty());
            self.state = State::Signed { after_body };
        }
        self.prev = super::Prev::None;
    }

    /// The lines after the one read are signature lines, none or a few,
    /// and then the date: the line read signs, if it names organs.
    fn signs_before_date(&self) -> bool {
        self.dated_after(0)
    }

    /// From the `k`-th line after the one read on, signature lines, none or
    /// a few, and then the date. (A seal's note under an organ's line,
    /// （印章）, whole or cut, is the signature's.)
    fn dated_after(&self, k: usize) -> bool {
        self.lines
            .iter()
            .skip(k)
            .take(MAX_SIGNATURE_LINES)
            .find(|n| !n.is_signature() && !n.is_seal())
            .is_some_and(|n| n.is_date() || self.bracket_date(n))
    }

    /// The document is a 纪要 (minutes).
    fn is_minutes(&self) -> bool {
        self.doc
            .doc_type
            .as_deref()
            .is_some_and(|g| matches!(g, "纪要" | "紀要"))
    }

    /// The document is a 纪要 and nothing of its text is read yet but its
    /// session's line (第12次): an organ and date read now head it.
    fn minutes_head(&self) -> bool {
        let n = &self.notice;
        self.is_minutes()
            && n.tree.is_empty()
            && n.fields.is_empty()
            && n.preamble
                .iter()
                .all(|p| !p.text.contains(['。', '，', ',']))
    }

    /// `l`, a date alone under an organ's line alone, closes the enclosed
    /// document or its attachment: its own sign-off (市发展改革委 /
    /// 2021年1月20日 under a forwarded plan), nothing after it but notes, the
    /// 版记 or the header of an attachment. (The caller knows the line above
    /// reads as an organ alone.)
    pub(super) fn signs_enclosure(&self, l: &Line) -> bool {
        matches!(self.state, State::Enclosure | State::Attachment)
            && l.is_date()
            && self.owners.last().is_some_and(|o| o.line + 1 == l.line())
            && self
                .lines
                .iter()
                .find(|n| !(n.is_note() || n.is_colophon()))
                .is_none_or(|n| body::opens_attachment(n.text(), self.lex))
    }

    /// `l` opens the enclosed document's own sign-off (中共某省委办公厅 /
    /// 某省人民政府办公厅 / 2022年3月30日 under a forwarded notice's last
    /// clause): under its text, once a sentence closed it, an organ's line,
    /// other organs' or seals' lines maybe, then the date; or the organ and
    /// the date apart on one line. They are the enclosure's `issuers` and
    /// `date`, out of the last clause's text; the notice's own issuers and
    /// date stay as read. (Under a line that leads in with a colon, 请将…报送
    /// 至： / 市爱卫办 / 2021年12月10日, organs and a date are what it
    /// introduces.)
    pub(super) fn try_enclosure_sign_off(&mut self, l: &Line) -> bool {
        if self.state != State::Enclosure {
            return false;
        }
        let apart = body::organ_and_date_apart(l.text(), self.lex);
        if !(apart || l.is_signature() && self.dated_after(0)) {
            return false;
        }
        let h = &self.enclosed;
        let unread = h.tree.is_empty() && h.preamble.is_empty();
        // (The line above led in with a colon, or was an organ's line kept
        // under one.)
        let led_in = self.listed;
        // (No clause after them, notes and the 版记 passed over: a date
        // under an organ's line with clauses after it closes nothing.)
        let decimal = self.decimal_mode;
        let after = if apart {
            Some(0)
        } else {
            (self.lines.iter().take(MAX_SIGNATURE_LINES + 1))
                .position(Line::is_date)
                .map(|k| k + 1)
        };
        let clause_after = after.is_some_and(|k| {
            (self.lines.iter().skip(k))
                .find(|n| !(n.is_note() || n.is_colophon()))
                .is_some_and(|n| n.marker(decimal).is_some())
        });
        if unread
            || led_in
            || clause_after
            || !(self.above_ended() || self.signs_under_open_line(l))
        {
            return false;
        }
        let lex = self.lex;
        self.own(l, Part::Signature);
        let (mut issuers, mut date) = (Vec::new(), None);
        if apart {
            if let Some((organs, d)) = body::organ_and_date(crate::text::trim(l.text()), lex) {
                issuers = split_organs(organs, lex);
                date = Some(d.iso());
            }
        } else {
            issuers = split_organs(l.text(), lex);
            // (The date follows them: `dated_after` found it.)
            while let Some(n) = self.lines.pop_front() {
                if n.is_signature() || n.is_seal() {
                    if n.is_signature() {
                        issuers.extend(split_organs(n.text(), lex));
                    }
                    self.own(&n, Part::Signature);
                } else {
                    date = parse_date(n.text()).map(|(d, _)| d.iso());
                    self.own(&n, Part::Date);
                    break;
                }
            }
        }
        if let Some(e) = self.enclosure.as_mut() {
            e.issuers = issuers;
            e.date = date;
        }
        self.prev = super::Prev::None;
        true
    }

    /// The last line read signed the document.
    pub(super) fn signed_last(&self) -> bool {
        self.owners
            .last()
            .is_some_and(|o| o.part == Part::Signature)
    }

    /// A date alone in brackets (（2019年3月5日）).
    pub(super) fn bracket_date(&self, l: &Line) -> bool {
        crate::lines::header::bracket_date(l.text(), self.lex)
    }

    /// `l` is a date alone in brackets that closes a document printed
    /// without its signature (…每两年评审一次。 / （2021年11月5日）): no
    /// date read yet, nothing after it but a publication note, or the
    /// header of the attachment it carries (… / （2021年5月20日） / 附件 /
    /// 某市…方案). Its date, as the same line under the title is.
    pub(super) fn closing_bracket_date(&self, l: &Line) -> bool {
        self.state == State::Notice
            && self.doc.date.is_none()
            && self.lines.iter().find(|n| !n.is_note()).is_none_or(|n| {
                body::opens_attachment(n.text(), self.lex)
                    || body::lists_attachments(n.text(), self.lex)
            })
            && self.bracket_date(l)
    }

    /// The date line: the document's date (the first one read).
    pub(super) fn take_date(&mut self, l: &Line) -> bool {
        // (Cut by a wrap inside its day, 2020年8月2 / 1日: read across, a
        // page's furniture taken out between the two or not.)
        let cut = self
            .lines
            .front()
            .filter(|n| l.adjoins(n))
            .filter(|n| crate::normalize::date::day_cut(l.text(), n.text()))
            .map(|n| [crate::text::trim(l.text()), crate::text::trim(n.text())].concat());
        let Some((d, _)) = parse_date(cut.as_deref().unwrap_or(l.text())) else {
            return false;
        };
        if self.doc.date.is_none() {
            self.doc.date = Some(d.iso());
        }
        self.sign_off();
        self.own(l, Part::Date);
        if cut.is_some() {
            if let Some(n) = self.lines.pop_front() {
                self.own(&n, Part::Date);
            }
        }
        true
    }

    /// `l` ends the notice's last sentence, its signature and date run into
    /// it (…请 / 认真组织实施。某市人民政府　二〇一九年九月十二日): not text
    /// going on, though the line above is open; [`Self::try_signature`]
    /// reads it.
    pub(super) fn signs_run_on(&self, l: &Line) -> bool {
        let t = l.text();
        self.in_notice()
            && self.doc.date.is_none()
            && (t.ends_with('日')
                && self.text_ends_at(0)
                && (body::signature_after_stop(t, self.lex).is_some_and(|s| s.date.is_some())
                    || self.cut_signature(t).is_some())
                // (Or the date on a line of its own under it: …落实。中共某县 /
                // 委办公室 / 2021年6月1日.)
                || l.is_signature() && !t.ends_with('日') && self.cut_signature(t).is_some()
                || self.date_cut(t).is_some()
                || self.cut_signature_cut_date(l).is_some()
                // (Or after a bracket closing a note opened above: …（市教育局
                // 牵头，…等 / 有关单位配合）某市教育局　某市财政局.)
                || self.close_signature(l).is_some())
    }

    /// `l` closes a bracket the notice's text left open (a note closing its
    /// last sentence, cut by a wrap: …（市教育局牵头，某银行某市办事处等 /
    /// 有关单位配合）某市教育局　某市财政局 / 2021年8月25日), or opens and
    /// closes one after a sentence ended above (…快速处置。 / （市应急管理局
    /// 负责）某市人民政府办公室), the signature run in after it: the organs
    /// and the date, on the line or under it (other organs' lines between
    /// them maybe).
    fn close_signature(&self, l: &Line<'t>) -> Option<body::RunOnSignature<'t>> {
        let t = l.text();
        // (Read first, cheaply: an ideograph after the line's last closing
        // bracket.)
        let after_close = t.rfind(crate::text::is_close_paren).is_some_and(|c| {
            t[c..]
                .chars()
                .nth(1)
                .is_some_and(|n| crate::text::is_han(n) || crate::text::is_space(n))
        });
        if !after_close
            || !matches!(self.prev, super::Prev::Text { .. })
            || !self.in_notice()
            || self.doc.date.is_some()
        {
            return None;
        }
        let above = self.notice_text()?;
        let depth = open_brackets(above);
        if depth == 0 && !above.ends_with(['。', '；', ';']) {
            return None;
        }
        let s = body::signature_after_close(t, depth, self.lex)?;
        let dated = match s.date {
            Some(_) => self.text_ends_at(0),
            None => self.signs_before_date(),
        };
        (dated && !s.organs.starts_with(SHORT_NAME)).then_some(s)
    }

    /// `l` is the notice's signature, under a line that a wrap seems to
    /// have cut (a roster's last line nearly as wide as the width, …主要负责
    /// 同志 / 某市人民政府办公室 / 2020年7月20日): an organ's line alone, the date
    /// on the line under it or the next. Not text going on. So is the
    /// enclosed document's own (as [`Self::try_enclosure_sign_off`] reads
    /// it), and one under a field whose value a full line closed
    /// (…、省乡村振兴局 / 中共某省委办公厅 / …, a value stopping on a
    /// separator going on with its next unit).
    pub(super) fn signs_under_open_line(&mut self, l: &Line) -> bool {
        let enclosed = self.state == State::Enclosure;
        // (Not the rest of an organ run on after the text's last stop, …。
        // 绥化市人民政府 / 办公室: the run-on signature is read whole.)
        let run_on = |t: &str| {
            let last = t.rsplit('\n').next().unwrap_or(t);
            last.rfind('。').is_some_and(|k| {
                let tail = &last[k + '。'.len_utf8()..];
                !tail.is_empty()
                    && crate::text::chars_at_most(tail, 16)
                    && tail.chars().all(crate::text::is_han)
            })
        };
        // (Under text, an organ named whole: the rest of a unit list's last
        // unit, 各苏木镇 / 人民政府, is a field's.)
        if !(l.is_signature()
            && (self.in_notice() && self.doc.date.is_none() || enclosed)
            && !crate::text::chars_at_most(l.text(), 4)
            && !l.text().contains(['。', '，', ',', '；', ';'])
            && (0..2).any(|k| self.lines.get(k).is_some_and(Line::is_date))
            && (0..2)
                .take_while(|&k| self.lines.get(k).is_some_and(|n| !n.is_date()))
                .all(|k| self.lines.get(k).is_some_and(Line::is_signature)))
        {
            return false;
        }
        match self.prev {
            super::Prev::Text { .. } => {
                let h = if enclosed {
                    &self.enclosed
                } else {
                    &self.notice
                };
                let t = h
                    .tree
                    .top_text()
                    .or_else(|| h.preamble.last().map(|p| p.text.as_str()));
                !t.is_some_and(run_on)
            }
            super::Prev::Field { .. } => self
                .last_field()
                .is_some_and(|(_, v)| !v.is_empty() && !v.ends_with(crate::text::is_list_sep)),
            _ => false,
        }
    }

    /// The `k`-th line after the one read goes on no sentence of the text:
    /// there is none, it is the 版记, a note or an attachment's header, or it
    /// holds no stop or comma and no 的 in its first characters (an
    /// enclosure's title, the next document's). A date in the text goes on
    /// there: …施行。某市人民政府办公室2016年8月12日 / 印发的《…》同时废止。,
    /// …工作。某市人民政府2020年3月2日 / 召开常务会议，研究部署….
    fn text_ends_at(&self, k: usize) -> bool {
        self.lines.get(k).is_none_or(|n| {
            let t = n.text();
            n.is_colophon()
                || n.is_note()
                || body::attachment_header(t, self.lex).is_some()
                || !t.contains(['。', '，', ',', '、', '；', ';'])
                    && !crate::text::has_char(crate::lines::title::first_chars(t, 3), '的')
        })
    }

    /// The `k`-th line after the one read opens with a date (2021年5月18日，
    /// 市长…主持召开…), as a 纪要's first paragraph does.
    fn dated_at(&self, k: usize) -> bool {
        self.lines.get(k).is_some_and(|n| {
            n.text().starts_with(|c: char| {
                crate::text::is_digit(c) || crate::normalize::numeral::is_cn_numeral_char(c)
            })
        })
    }

    /// The notice's text read last: its open clause's, or else its last
    /// preamble paragraph.
    fn notice_text(&self) -> Option<&str> {
        let n = &self.notice;
        n.tree
            .top_text()
            .or_else(|| n.preamble.last().map(|p| p.text.as_str()))
    }

    /// Takes the last `len` bytes off the text [`Self::notice_text`] reads.
    fn cut_notice_text(&mut self, len: usize) {
        let n = &mut self.notice;
        match n.tree.top_text().map(str::len) {
            Some(all) => n.tree.cut_top_text(all - len),
            None => {
                if let Some(p) = n.preamble.last_mut() {
                    p.text.truncate(p.text.len() - len);
                }
            }
        }
    }

    /// A signature run into the last sentence and cut by a wrap, its head
    /// ending the text above after a 。 and its rest before the date that
    /// ends `t` (…作出新的更大贡献。保山市人 / 民政府　2019年3月8日): the
    /// head's length, the organs and the date.
    fn cut_signature(&self, t: &str) -> Option<(usize, String, Option<Date>)> {
        // (Or the date on a line of its own under it, other organs' lines
        // between them maybe: …认真抓好落实。中共某县 / 委办公室 / 某县人民政府
        // 办公室 / 2021年6月1日.)
        let dated = t.ends_with('日');
        if !(dated || self.signs_before_date())
            || !matches!(self.prev, super::Prev::Text { open: true, .. })
            || !self.text_ends_at(0)
        {
            return None;
        }
        let (d, rest) = if dated {
            let (d, r) = parse_date(t)?;
            if r.end != t.len() {
                return None;
            }
            (Some(d), crate::text::trim(&t[..r.start]))
        } else {
            (None, crate::text::trim(t))
        };
        // (Joint organs parted by spaces, the wrap inside the first: …落到
        // 实处。中共某市 / 委　某市人民政府　二〇二一年二月二十六日.)
        let organ_char = |c: char| crate::text::is_han(c) || crate::text::is_space(c);
        if rest.is_empty() || !rest.chars().all(organ_char) {
            return None;
        }
        let above = self.notice_text()?;
        let mut tail = &above[crate::text::rfind_char(above, '。')? + '。'.len_utf8()..];
        // (A note in brackets closing the sentence stays with it: …及时报告。
        // （各有关部门按职责分工负责）某市人 / 民政府办公室　2021年5月20日.)
        if tail.starts_with(crate::text::is_open_paren) {
            if let Some(c) = tail.find(crate::text::is_close_paren) {
                tail = &tail[c + tail[c..].chars().next().map_or(1, char::len_utf8)..];
            }
        }
        // (Spaces may part it from the stop: …运行。　　某市 / 人民政府　　二〇二〇年….)
        let head = tail.trim_start_matches(crate::text::is_space);
        let organs = [head, rest].concat();
        if organs.starts_with(SHORT_NAME) {
            return None;
        }
        // (Or the wrap inside the second of them: …落实。中共某市委办公室　某 /
        // 市人民政府办公室　2020年5月6日.)
        // (Each part of it before the cut one an organ's name: not 联系人　李明
        // 市委 / 办公室, 牵头单位　市发展改革委　市 / 财政局.)
        let parts = || {
            let mut parts = head.split(crate::text::is_space).filter(|p| !p.is_empty());
            parts.next_back();
            parts.all(|p| self.lex.organ_ending(p).is_some() && self.lex.label_at(p).is_none())
        };
        (head.starts_with(crate::text::is_han)
            && head.chars().all(organ_char)
            && parts()
            && crate::organs::is_signature_text(&organs, self.lex))
        .then_some((tail.len(), organs, d))
    }

    /// [`Self::cut_signature`] with the date cut by a wrap too, its rest
    /// alone on the next line (…落地见效。中共某 / 市委办公室　某市人民政府办公室
    /// 　2021 / 年4月2日), and no sentence going on under it.
    fn cut_signature_cut_date(&self, l: &Line<'t>) -> Option<(usize, String, Option<Date>)> {
        let n = self.lines.front().filter(|n| l.adjoins(n))?;
        let rest = crate::text::trim(n.text());
        if !crate::normalize::date::is_date_rest(rest) || !self.text_ends_at(1) {
            return None;
        }
        let joined = [crate::text::trim(l.text()), rest].concat();
        self.cut_signature(&joined)
    }

    /// The note under the signed notice's date that names whom to ask
    /// (GB/T 9704 附注: …二〇一五年三月二十六日 / （联系人：林小燕，电话：…）),
    /// or its rest a wrap cut, alone on the next line (…电话：0662-321234 /
    /// 5）; `cut`: the line read last was the note, its bracket open): the
    /// document's end block, owned with the 版记, never text of the last
    /// clause. So is one printed between the text and the signature
    /// ([`Self::contact_above_sign_off`]); inside the text it is the text's.
    pub(super) fn try_contact_note(&mut self, l: &Line<'t>, cut: bool) -> bool {
        // (`cut` is set only under a note read here.)
        let rest = cut
            && self.owners.last().is_some_and(|o| o.line + 1 == l.line())
            && super::closes_note(crate::text::trim(l.text()));
        if !rest {
            // (Most lines open otherwise: answered by their first character.)
            if !crate::text::trim(l.text()).starts_with(crate::text::is_open_paren) {
                return false;
            }
            let Some(closed) = body::contact_note(l.text(), self.lex) else {
                return false;
            };
            if !(self.state == (State::Signed { after_body: true })
                || self.contact_above_sign_off(closed))
            {
                return false;
            }
            self.contact_open = !closed;
        }
        self.own(l, Part::Colophon);
        self.prev = super::Prev::None;
        true
    }

    /// The contact note read (`closed`: on its line; else its rest is the
    /// next line) stands between the notice's text and its sign-off, as
    /// some print it (…妥否，请批示。 / （联系人：…　电话：…） / 二〇一二年五月
    /// 九日): the text read, no date yet, and under the note the signature's
    /// lines, none or a few, then the date.
    fn contact_above_sign_off(&self, closed: bool) -> bool {
        let n = &self.notice;
        self.state == State::Notice
            && self.doc.date.is_none()
            && !(n.preamble.is_empty() && n.tree.is_empty())
            && self.dated_after(usize::from(!closed))
    }

    /// Signature lines, alone or run into the end of the last sentence.
    pub(super) fn try_signature(&mut self, l: &Line<'t>) -> bool {
        if !self.in_notice() {
            return false;
        }
        // The date printed above the signature (二〇一一年四月六日 / 铜仁地区
        // 行政公署): the organ's line right under the date signs.
        if self.doc.date.is_some() {
            let under_date = self
                .owners
                .last()
                .is_some_and(|o| o.part == Part::Date && o.line + 1 == l.line());
            if under_date && self.doc.issuers.is_empty() && l.is_signature() {
                self.doc.issuers.extend(split_organs(l.text(), self.lex));
                self.own(l, Part::Signature);
                return true;
            }
            return false;
        }
        let t = l.text();
        // A seal's note alone under the organ's line, the date under it (某市
        // 环境保护局 / （印章） / 二〇一二年五月十八日): where the seal is
        // pressed, the signature's. (Or a line of them under joint organs,
        // or a note cut by a wrap: （ / 印章）. Or under the text, no organ
        // printed, …进行督查。 / （印章） / 二〇〇九年三月十日: the seal alone
        // signs; the text never holds one.)
        if l.is_seal() && self.dated_after(0) {
            self.own(l, Part::Signature);
            return true;
        }
        // Run into the last sentence and cut by a wrap: …作出新的更大贡献。保山
        // 市人 / 民政府　2019年3月8日. The head leaves the text above.
        // (Read first: the rest alone may read as an organ, 民政府.)
        // (Or the date cut too, its rest alone on the next line: …确保落地见效。
        // 中共某 / 市委办公室　某市人民政府办公室　2021 / 年4月2日.)
        let cut = match self.cut_signature(t) {
            Some(c) => Some((c, false)),
            None => self.cut_signature_cut_date(l).map(|c| (c, true)),
        };
        if let Some(((head, organs, d), date_cut)) = cut {
            self.cut_notice_text(head);
            self.doc.issuers.extend(split_organs(&organs, self.lex));
            self.doc.date = d.map(|d| d.iso());
            self.sign_off();
            self.own(l, Part::Signature);
            if let Some(n) = date_cut.then(|| self.lines.pop_front()).flatten() {
                self.own(&n, Part::Date);
            }
            return true;
        }
        // Run in after a bracket closing a note opened above: …（市教育局牵头，
        // …等 / 有关单位配合）某市教育局　某市财政局. The bracket's end goes
        // on the sentence.
        if let Some(s) = self.close_signature(l) {
            self.sign_run_on(l, s.at, s.organs, s.date);
            return true;
        }
        // Joint organs spaced on a line, a wrap cutting the last of them,
        // its rest opening the next line (某市司法局　　某市发展和改革委员 /
        // 会, …某市交通 / 运输局　　某市商务局); or one organ's name cut right
        // after its place's name, the place alone on the signature's line set
        // to the right, the organ by its short name flush under it (　　…陇南
        // / 市人民政府办公室): the two lines sign.
        let two_lines = self
            .cut_joint_signature(l)
            .or_else(|| self.place_cut_signature(l).map(|o| vec![o]));
        if let Some(organs) = two_lines {
            if let Some(n) = self.lines.pop_front() {
                self.own(l, Part::Signature);
                self.own(&n, Part::Signature);
                self.doc.issuers.extend(organs);
                self.sign_off();
                return true;
            }
        }
        // Alone on its line, before the date, or before other signature
        // lines and then the date (a joint signature, one organ a line).
        let before_date = self.signs_before_date();
        // The first of several signature lines follows the text, not a
        // colon or another organ's line: those open and make a list of units
        // (以下单位… / 市公安局交警支队 / …), whose last line before the date is
        // the one signature.
        let starts = self.state != State::Notice || !self.listed || self.next_is_date();
        if before_date && starts && l.is_signature() {
            let mut organs = split_organs(t, self.lex).into_iter().peekable();
            // (An organ's name a wrap cut before its last characters, which
            // open this line: …齐齐哈尔市人力资源和社会 / 保障局, 某市人民政府 /
            // 办公室. A name of three characters at most is no joint issuer's,
            // which print their place.)
            let signed_above = self
                .owners
                .last()
                .is_some_and(|o| o.part == Part::Signature && o.line + 1 == l.line());
            if let Some(last) = self.doc.issuers.last_mut().filter(|_| signed_above) {
                // (Not an organ by its short name, 市科协, 团市委, 县妇联: a
                // joint issuer of its own.)
                if let Some(first) = organs.next_if(|f| {
                    crate::text::chars_at_most(f, 3)
                        && !f.starts_with(SHORT_NAME)
                        && !f.contains(SHORT_NAME)
                        && {
                            let joined = [last.as_str(), f].concat();
                            split_organs(&joined, self.lex).len() == 1
                        }
                }) {
                    last.push_str(&first);
                }
            }
            self.doc.issuers.extend(organs);
            self.sign_off();
            self.own(l, Part::Signature);
            return true;
        }
        if before_date && starts && is_person_signature(t) {
            self.sign_off();
            self.own(l, Part::Signature);
            return true;
        }
        // A person and the date on one line: 市长　元方　　2020年11月3日.
        // (An order's or announcement's: a roster, a duty list or a
        // division of labour in a notice names posts and dates so too.)
        let promulgates = || {
            self.lex
                .promulgates(self.doc.title.as_deref().unwrap_or(""))
        };
        if let Some(d) = promulgates().then(|| body::person_and_date(t)).flatten() {
            self.doc.date = Some(d.iso());
            self.sign_off();
            self.own(l, Part::Signature);
            return true;
        }
        // Organ and date on one line: 国务院　　2019年6月18日
        if let Some((organs, d)) = body::organ_and_date(t, self.lex) {
            self.doc.issuers.extend(split_organs(organs, self.lex));
            self.doc.date = Some(d.iso());
            // (Under a 纪要's title and session, before its text, they are
            // its header: 某市人民政府常务会议纪要 / 第12次 / 某市人民政府办公室
            // 2020年6月22日 / 一、会议研究了…; the text goes on under them.)
            if !self.minutes_head() {
                self.sign_off();
            }
            self.own(l, Part::Signature);
            return true;
        }
        // Run into the last sentence, the date cut by a wrap, its rest alone
        // on the next line: …特此批复。某市人民政府二〇二〇年 / 六月十二日.
        if let Some((at, organs, d)) = self.date_cut(t) {
            // (Under a 纪要's title and issue, before its text, they are its
            // header, as whole on one line: the text goes on under them.)
            let head = self.minutes_head();
            if head {
                self.doc.issuers.extend(split_organs(&organs, self.lex));
                self.doc.date = Some(d.iso());
                self.own(l, Part::Signature);
            }
            if let Some(n) = self.lines.pop_front() {
                self.own(&n, Part::Date);
            }
            if !head {
                self.sign_run_on(l, at, &organs, Some(d));
            }
            return true;
        }
        // Run into the last sentence: …贯彻落实。中共某市委员会[2020年9月23日]
        let Some(s) = body::signature_after_stop(t, self.lex) else {
            return false;
        };
        if s.date.is_none() && !self.next_is_date() {
            return false;
        }
        self.sign_run_on(l, s.at, s.organs, s.date);
        true
    }

    /// `l` lists organs parted by spaces, all named whole but the last,
    /// which the next line completes (某市司法局　　某市发展和改革委员 / 会,
    /// 中共某区委办公室　　某市某 / 区人民政府办公室), other organs maybe after
    /// it there, or is one organ cut, set far to the right; then the date,
    /// or other signature lines and the date. The organs of the two lines.
    fn cut_joint_signature(&self, l: &Line<'t>) -> Option<Vec<String>> {
        let t = crate::text::trim(l.text());
        let organ_char = |c: char| crate::text::is_han(c) || crate::text::is_space(c);
        // (Under a sentence ended, not under text going on: the rest of a
        // name cut above, 委员 / 会, signs with the lines before it.)
        // (One organ alone, cut, stands so only when set far to the right, as
        // a signature is: 　　　…双鸭山市人民政 / 府办公室.)
        // (Read back from the line's start over its indentation only: a
        // piece cut from a long line stands after text, and is not.)
        let right = || self.set_right(l);
        // (Or one organ cut inside its ending, its last characters alone on
        // the line right above the date: …防控工作指挥 / 部 / 2020年1月25日.)
        let tail_above_date = || {
            self.lines.front().is_some_and(|n| {
                let rest = crate::text::trim(n.text());
                l.adjoins(n)
                    && crate::text::chars_at_most(rest, 2)
                    && rest.chars().all(crate::text::is_han)
                    && self
                        .lines
                        .get(1)
                        .is_some_and(|d| n.adjoins(d) && d.is_date())
            })
        };
        // (Most lines hold more than organs' names: answered first.)
        if !t.chars().all(organ_char) {
            return None;
        }
        let alone_cut = !t.contains(crate::text::is_space) && tail_above_date();
        if !(t.contains(crate::text::is_space) || right() || alone_cut)
            || l.is_signature()
            || matches!(self.prev, super::Prev::Text { open: true, .. })
            || !self
                .notice_text()
                .is_some_and(|a| a.ends_with(['。', '；', ';', '）', ')']))
        {
            return None;
        }
        let n = self.lines.front().filter(|n| l.adjoins(n))?;
        let below = crate::text::trim(n.text());
        if !below.chars().all(organ_char) {
            return None;
        }
        let mut parts = t.split(crate::text::is_space).filter(|p| !p.is_empty());
        let cut = parts.next_back()?;
        let whole = |p: &str| {
            self.lex.organ_ending(p).is_some()
                && self.lex.label_at(p).is_none()
                && !p.starts_with(SHORT_NAME)
        };
        let mut organs: Vec<String> = Vec::new();
        for p in parts {
            if !whole(p) {
                return None;
            }
            organs.push(p.to_owned());
        }
        let (rest, after) = below
            .split_once(crate::text::is_space)
            .unwrap_or((below, ""));
        let joined = [cut, rest].concat();
        let after = crate::text::trim(after);
        // (Cut so, the name is the title's organ, or its ending begins on
        // the line above: not a sentence's last words and a short name.)
        let ends_cut = || {
            let title = self.doc.title.as_deref().unwrap_or("");
            title.starts_with(joined.as_str())
                || self
                    .lex
                    .organ_ending(&joined)
                    .is_some_and(|e| e.len() > rest.len())
        };
        let signs = (!organs.is_empty() || right() || alone_cut && ends_cut())
            && whole(&joined)
            && split_organs(&joined, self.lex).len() == 1
            && (after.is_empty() || crate::organs::is_signature_text(after, self.lex))
            && self.dated_after(1);
        if !signs {
            return None;
        }
        organs.push(joined);
        if !after.is_empty() {
            organs.extend(split_organs(after, self.lex));
        }
        Some(organs)
    }

    /// `l` stands set far to the right on its line, as a signature is:
    /// eight spaces or more before it, nothing else (a piece cut from a long
    /// line stands after text, and is not).
    fn set_right(&self, l: &Line) -> bool {
        self.indent(l).is_some_and(|k| k >= 8)
    }

    /// How many spaces stand before `l` on its line, read back from its
    /// start; `None` when other text does.
    fn indent(&self, l: &Line) -> Option<usize> {
        let mut spaces = 0;
        for c in self.src[..l.start()].chars().rev() {
            if c == '\n' {
                break;
            }
            if !crate::text::is_space(c) {
                return None;
            }
            spaces += 1;
        }
        Some(spaces)
    }

    /// `l` is a place's name alone (陇南, 金昌: a few ideographs, no organ of
    /// its own), set to the right as a signature is, and the line right
    /// under it, flush with the margin as a wrap leaves a line's rest, an
    /// organ by its short name (市人民政府办公室); the two joined name one
    /// organ, and the date follows (other signature lines maybe between).
    /// That organ.
    fn place_cut_signature(&self, l: &Line) -> Option<String> {
        let t = crate::text::trim(l.text());
        if !crate::text::chars_at_most(t, 6)
            || !t.chars().all(crate::text::is_han)
            || l.is_signature()
            || self.lex.organ_ending(t).is_some()
            || !self.set_right(l)
        {
            return None;
        }
        let n = self.lines.front().filter(|n| l.adjoins(n))?;
        let rest = crate::text::trim(n.text());
        if !n.is_signature() || !rest.starts_with(SHORT_NAME) || self.indent(n) != Some(0) {
            return None;
        }
        let joined = [t, rest].concat();
        let organs = split_organs(&joined, self.lex);
        (organs.len() == 1 && organs[0] == joined && self.dated_after(1)).then_some(joined)
    }

    /// Signs with the organs and date run into the last sentence of `l`
    /// at byte `at`: the sentence before them is read as usual, before the
    /// notice signs off (it is the notice's, not text after it).
    fn sign_run_on(&mut self, l: &Line<'t>, at: usize, organs: &str, date: Option<Date>) {
        let (head, tail) = l.split_at(at);
        if let Some(h) = head {
            let h = Line::classify(h, self.lex);
            self.step(h);
        }
        if let Some(tu) = tail {
            self.own(&tu, Part::Signature);
        }
        self.doc.issuers.extend(split_organs(organs, self.lex));
        if let Some(d) = date {
            self.doc.date = Some(d.iso());
        }
        self.sign_off();
    }

    /// The last sentence, signature and date run together on `t`, the date
    /// cut by a wrap, its rest alone on the next line (…特此批复。某市人民政府
    /// 二〇二〇年 / 六月十二日, …政府　2 / 021年3月26日), and no sentence going
    /// on after it: where the signature starts, the organs, the date.
    fn date_cut(&self, t: &str) -> Option<(usize, String, Date)> {
        let rest = crate::text::trim(self.lines.front()?.text());
        if !crate::normalize::date::is_date_rest(rest) {
            return None;
        }
        // (No text read yet, the organs and date a 纪要 prints under its
        // number or its issue, spaces between, the text after them:
        // 某市人民政府办公室　　2021 / 年5月20日, 第5期 / …办公室　　2 / 021年3月22日.)
        let first = self.minutes_head() && crate::text::trim(t).contains(crate::text::is_space);
        if !first && !self.text_ends_at(1) {
            return None;
        }
        let joined = [t, rest].concat();
        // (Or the organs and the date alone on a line of their own: 中共某市委
        // 某市人民政府　二〇二〇年十 / 二月二十八日; not an organ's rest under a
        // line going on, …。某市人民政府 / 办公室 / 二〇二〇年四月九日.)
        let open = matches!(self.prev, super::Prev::Text { open: true, .. });
        // (Before the text, the organ the 纪要's title names: 某市人民政府办公室
        // under 某市人民政府常务会议纪要, not an organ a sentence opens with.)
        let titled = |organs: &str| {
            let place: String = organs.chars().take(3).collect();
            self.doc
                .title
                .as_deref()
                .is_some_and(|t| t.contains(&place))
        };
        if let Some((organs, d)) = body::organ_and_date(crate::text::trim(&joined), self.lex) {
            let at = t.len() - t.trim_start_matches(crate::text::is_space).len();
            return (!open
                && !organs.starts_with(SHORT_NAME)
                && !crate::text::chars_at_most(organs, 3)
                && (!first || self.text_ends_at(1) || titled(organs) && self.dated_at(1)))
            .then(|| (at, organs.to_owned(), d));
        }
        if !self.text_ends_at(1) {
            return None;
        }
        let s = body::signature_after_stop(&joined, self.lex)?;
        let d = s.date?;
        // (A signature names its organ in full: …。市水务局　2020年 / 11月30日
        // is a task's unit and deadline.)
        if s.organs.starts_with(SHORT_NAME) {
            return None;
        }
        crate::text::trim(t.get(s.at..)?)
            .starts_with(s.organs)
            .then(|| (s.at, s.organs.to_owned(), d))
    }
}

/// How many brackets are open at the end of `t`, read back to the last
/// full stop outside brackets (…快速处置。（市应急 → 1).
fn open_brackets(t: &str) -> usize {
    let (mut open, mut closed) = (0, 0usize);
    for c in t.chars().rev() {
        if crate::text::is_close_paren(c) {
            closed += 1;
        } else if crate::text::is_open_paren(c) {
            match closed.checked_sub(1) {
                Some(k) => closed = k,
                None => open += 1,
            }
        } else if c == '。' && closed == 0 {
            break;
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;

    /// The forwarded document's own organs and date, under its last
    /// clause, are its sign-off: out of that clause's text, no misread
    /// date, the notice's issuers and date its own. Without a date under
    /// them, organs' lines stay the text's.
    #[test]
    fn an_enclosures_own_sign_off() {
        let src = "某市人民政府办公室转发省政府办公厅关于加强秋冬季森林防火工作的通知\n\
                   某政办〔2022〕40号\n\
                   各县（区）人民政府，市政府各部门：\n\
                   \u{3000}\u{3000}现将《某省人民政府办公厅关于加强秋冬季森林防火工作的通知》转发给你们，请认真贯彻执行。\n\
                   某市人民政府办公室\n\
                   2022年10月20日\n\
                   某省人民政府办公厅关于加强秋冬季森林防火工作的通知\n\
                   各市人民政府，省政府各部门：\n\
                   \u{3000}\u{3000}一、严格火源管控\n\
                   \u{3000}\u{3000}各地要在重点林区设立检查站。\n\
                   \u{3000}\u{3000}二、做好扑救准备\n\
                   \u{3000}\u{3000}各地要储备扑火物资。\n\
                   中共某省委办公厅\n\
                   某省人民政府办公厅\n\
                   2022年10月8日\n\
                   （此件公开发布）\n";
        let lex = Lexicon::builtin();
        let parsed = crate::parse(src, "t.txt", &lex);
        let d = &parsed.documents[0];
        assert_eq!(d.issuers, ["某市人民政府办公室"]);
        assert_eq!(d.date.as_deref(), Some("2022-10-20"));
        let e = d.enclosure.as_ref().expect("enclosure");
        assert_eq!(
            e.clauses[1].text,
            "做好扑救准备\n各地要储备扑火物资。\n（此件公开发布）"
        );
        assert_eq!(e.issuers, ["中共某省委办公厅", "某省人民政府办公厅"]);
        assert_eq!(e.date.as_deref(), Some("2022-10-08"));
        assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
        // (Under a line that leads in with a colon, an organ and a date are
        // what it introduces: the clause's text.)
        let led_in = src.replace("各地要储备扑火物资。\n", "请将物资清单报送至：\n");
        let parsed = crate::parse(&led_in, "t.txt", &lex);
        let e = parsed.documents[0].enclosure.as_ref().expect("enclosure");
        assert!(e.issuers.is_empty() && e.date.is_none());
        assert!(e.clauses[1]
            .text
            .contains("某省人民政府办公厅\n2022年10月8日"));
        let undated = src.replace("2022年10月8日\n", "");
        let parsed = crate::parse(&undated, "t.txt", &lex);
        let e = parsed.documents[0].enclosure.as_ref().expect("enclosure");
        assert!(e.clauses[1].text.contains("某省人民政府办公厅"));
    }

    /// A signature a wrap cut right after its place's name, under an
    /// attachment list: the place alone set to the right, the organ's short
    /// name flush under it, sign as one organ; the same two lines both set
    /// to the right are no wrap's, and are not joined.
    #[test]
    fn a_signature_cut_after_its_place_name() {
        let pad = "\u{3000}".repeat(20);
        let src = format!(
            "某市人民政府办公室关于印发某市2023年城乡\n\
             供水保障工作方案的通知\n\
             某政办发〔2023〕27号\n\
             各县（区）人民政府，市政府各部门：\n\
             \u{3000}\u{3000}现将《工作方案》印发给你们，请认真贯彻执行。\n\
             \u{3000}\u{3000}附件：1．某市2023年城乡供水保障工作方案\n\
             \u{3000}\u{3000}\u{3000}\u{3000}2．某市2023年农村供水工程维修养护\n\
             任务表\n\
             {pad}酒泉\n\
             市人民政府办公室\n\
             {pad}2023年5月10日\n"
        );
        let lex = Lexicon::builtin();
        let parsed = crate::parse(&src, "t.txt", &lex);
        let d = &parsed.documents[0];
        assert_eq!(d.issuers, ["酒泉市人民政府办公室"]);
        assert_eq!(d.date.as_deref(), Some("2023-05-10"));
        let src = src.replace("\n市人民政府办公室", &format!("\n{pad}市人民政府办公室"));
        let parsed = crate::parse(&src, "t.txt", &lex);
        assert_ne!(parsed.documents[0].issuers, ["酒泉市人民政府办公室"]);
    }
}
