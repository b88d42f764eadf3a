//! Who does what, stated without labels.
//!
//! Official documents name the units responsible for a measure in the prose of
//! the clause itself, in three places:
//! - a bracket closing a paragraph: `（市发改委牵头，市财政局、市自然资源局配合）`,
//!   `（各有关部门按职责分工负责）`, `（市农业农村局会同市财政局负责）`;
//! - the opening of a sentence: `由市发改委牵头，各县区配合，谋划建立…`;
//! - a closing sentence of its own: `市农业农村局负责，市财政局参与。`
//!
//! A run is a list of units followed by a verb (`grammar/attribution.tsv`) that gives
//! them a role; runs are separated by ，；. Every item of a run must look like a unit
//! (end with a unit word, or open with 各), so a sentence that merely mentions a unit
//! (`各县区要加强与市发改委对接`) is not an attribution.
//!
//! A document may state once that the first unit named leads (`排在第一位的部门为牵头部门，
//! 下同`): from then on an attribution naming no 牵头 unit gives its first responsible unit
//! the lead (`X、Y负责` → lead X, responsible Y; `X负责，Y参与` → lead X).

use crate::anyword::AnyWord;
use crate::endings::Endings;
use crate::lexicon::Role;
use crate::text::{self, Unmatched};

/// The words of attributions, from `grammar/attribution.tsv`.
#[derive(Debug, Clone, Default)]
pub struct AttributionRules {
    /// Looked up by the end of a run, longest first.
    verbs: Endings<Role>,
    /// Any verb anywhere in a text: every attribution ends a run with one,
    /// so a clause without one is answered in one pass.
    any_verb: AnyWord,
    joiners: Vec<String>,
    subjects: Vec<String>,
    /// Words naming the task before 由 (此项工作由X负责, 具体由X牵头).
    topics: Vec<String>,
    /// The last word of a task's short name before 由 (改造提升工作由X牵头).
    topic_ends: Vec<String>,
    /// Time words putting such a name in the past (此前这项工作由X负责).
    topic_past: Vec<String>,
    /// Parts opening a sentence before its runs (会议确定).
    prefaces: Vec<String>,
    /// A level's name that may stand alone inside a list (各县、市、区人民政府).
    levels: Vec<String>,
    /// Words opening a unit that stands for the units a sentence has not
    /// named (其他单位, 其余部门).
    the_rest: Vec<String>,
    separators: Vec<String>,
    /// Words closing a run of units that oversee the task and take no role
    /// in it (市商务局指导, 市政府督查室督导): the run is passed over.
    overseers: Vec<String>,
    /// Verbs opening a task's heading (强化, 加强): an item opening with one
    /// names no unit (三、强化部门协同).
    actions: Vec<String>,
    /// Looked up by the end of a list, longest first.
    remarks: Endings<()>,
    unit_ends: Endings<()>,
    lead_rules: AnyWord,
    /// Words denying the lead rule in its sentence (不以第一个单位为牵头单位).
    lead_denials: AnyWord,
    /// Searched in every line of a document.
    lead_words: AnyWord,
    /// What follows a period opening a deadline phrase whose object follows
    /// (2022年11月底前完成全部设施建设).
    done: Vec<String>,
    /// What follows 年度 naming a term (2021年度内): anything else makes it
    /// the year of the work's object (2004年度目标考核).
    year_terms: Vec<String>,
    /// Words before a period opening a deadline after the work (于, 力争),
    /// longest first.
    deadline_leads: Vec<String>,
    /// Words naming a time with no year or month (即日).
    time_words: Vec<String>,
    /// Words closing a run of units that carry out the work another run
    /// gives (X牵头，各旗县区人民政府落实), with the role they give (具体实施:
    /// implementing), longest first: read only beside such a run.
    carry_out: Vec<(String, Role)>,
    /// Words between the units and the verb saying how they do it (积极配合,
    /// 根据职责分工负责): dropped, the verb's role kept.
    manners: Endings<()>,
    /// A copula and a role's name closing a run (为牵头单位): among the
    /// verbs too.
    role_verbs: Endings<()>,
    /// Words opening a run closed by a role's name (以X为牵头单位): dropped.
    copula_subjects: Vec<String>,
}

/// One attribution as read: units by role, still unexpanded (the caller applies the
/// unit shorthand), and the raw text of a deadline named with it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    /// Units in the order written, each with its role (lead, responsible or
    /// participating), so the unit shorthand reads them as one list.
    pub units: Vec<(Role, String)>,
    pub deadline: Option<String>,
    /// The bracket itself states the lead rule (（X、Y负责，排在第一位的为牵头单位）).
    pub states_rule: bool,
    /// A labelled deadline among the runs (（X负责，完成时限：2021年底前）), as
    /// `[label, value]`.
    pub fields: Vec<(String, String)>,
}

impl AttributionRules {
    /// Reads the `CLASS <TAB> WORD [<TAB> ROLE]` table; errors name the line.
    pub fn parse(src: &str) -> Result<AttributionRules, String> {
        let mut r = AttributionRules::default();
        let (mut verbs, mut remarks, mut unit_ends) = (Vec::new(), Vec::new(), Vec::new());
        let (mut lead_words, mut lead_rules): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        let mut lead_denials: Vec<String> = Vec::new();
        let mut manners = Vec::new();
        let (mut copulas, mut role_names): (Vec<String>, Vec<(String, Role)>) =
            (Vec::new(), Vec::new());
        let (mut objects, mut object_after): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        for (i, line) in src.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let no = i + 1;
            let mut cols = line.split('\t').map(str::trim);
            let class = cols.next().unwrap_or("");
            let word = cols.next().unwrap_or("");
            if word.is_empty() {
                return Err(format!("line {no}: `{class}` needs a word"));
            }
            let word = word.to_owned();
            let role = |col: Option<&str>| {
                match col {
                Some("lead") => Ok(Role::Lead),
                Some("responsible") => Ok(Role::Responsible),
                Some("participating") => Ok(Role::Participating),
                Some("implementing") => Ok(Role::Implementing),
                other => Err(format!(
                    "line {no}: `{class}` takes the role lead, responsible, participating or implementing, not {other:?}"
                )),
            }
            };
            match class {
                "verb" => verbs.push((word, role(cols.next())?)),
                "manner" => manners.push((word, ())),
                "copula" => copulas.push(word),
                "copula_subject" => r.copula_subjects.push(word),
                "role_name" => role_names.push((word, role(cols.next())?)),
                "object" => objects.push(word),
                "object_after" => object_after.push(word),
                "joiner" => r.joiners.push(word),
                "subject" => r.subjects.push(word),
                "topic" => r.topics.push(word),
                "separator" => r.separators.push(word),
                "remark" => remarks.push((word, ())),
                "unit_end" => unit_ends.push((word, ())),
                "lead_rule" => lead_rules.push(word),
                "lead_word" => lead_words.push(word),
                "lead_denial" => lead_denials.push(word),
                "preface" => r.prefaces.push(word),
                "level" => r.levels.push(word),
                "the_rest" => r.the_rest.push(word),
                "topic_end" => r.topic_ends.push(word),
                "topic_past" => r.topic_past.push(word),
                "oversight" => r.overseers.push(word),
                "action" => r.actions.push(word),
                "done" => r.done.push(word),
                "year_term" => r.year_terms.push(word),
                "deadline_lead" => r.deadline_leads.push(word),
                "time_word" => r.time_words.push(word),
                "carry_out" => {
                    let col = cols.next().filter(|c| !c.is_empty());
                    let role = col.map_or(Ok(Role::Responsible), |c| role(Some(c)))?;
                    r.carry_out.push((word, role));
                }
                _ => return Err(format!("line {no}: unknown class `{class}`")),
            }
        }
        // A verb ending with 负责 followed by what the units do (负责具体实施,
        // 牵头负责组织实施): the verb's role.
        let with_objects: Vec<(String, Role)> = verbs
            .iter()
            .filter(|(v, _)| object_after.iter().any(|a| v.ends_with(a.as_str())))
            .flat_map(|(v, role)| objects.iter().map(move |o| (format!("{v}{o}"), *role)))
            .collect();
        verbs.extend(with_objects);
        // A unit said to be a role's name (X为牵头单位): the role's verb.
        let named: Vec<(String, Role)> = copulas
            .iter()
            .flat_map(|c| {
                role_names
                    .iter()
                    .map(move |(n, role)| (format!("{c}{n}"), *role))
            })
            .collect();
        r.role_verbs = Endings::new(named.iter().map(|(w, _)| (w.clone(), ())));
        verbs.extend(named);
        r.any_verb = AnyWord::new(&verbs.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>());
        r.lead_words = AnyWord::new(&lead_words);
        r.lead_rules = AnyWord::new(&lead_rules);
        r.lead_denials = AnyWord::new(&lead_denials);
        r.verbs = Endings::new(verbs);
        r.remarks = Endings::new(remarks);
        r.unit_ends = Endings::new(unit_ends);
        r.separators.sort_by_key(|w| std::cmp::Reverse(w.len()));
        r.deadline_leads.sort_by_key(|w| std::cmp::Reverse(w.len()));
        r.carry_out.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        r.manners = Endings::new(manners);
        if r.verbs.is_empty() {
            return Err("no `verb` line: attributions could not be read".into());
        }
        Ok(r)
    }

    /// `u` stands for the units a sentence has not named (其他单位, 其余部门,
    /// 其他责任单位).
    fn names_the_rest(&self, u: &str) -> bool {
        self.the_rest.iter().any(|w| {
            u.strip_prefix(w.as_str())
                .is_some_and(|r| text::chars_at_most(r, 6))
        })
    }

    /// A sentence stating that the first unit named leads (排在第一位的部门为牵头部门).
    pub fn states_lead_rule(&self, s: &str) -> bool {
        // The few lead words first: most sentences name none.
        self.lead_words.is_in(s)
            && self.lead_rules.is_in(s)
            && (!self.lead_denials.is_in(s)
                // A denial counts in the rule's own clause only (…为牵头单位。
                // 以上分工不代表全部职责 states the rule).
                || s.split(['。', '；', ';', '，', ','])
                    .any(|p| self.lead_rules.is_in(p) && !self.lead_denials.is_in(p)))
    }

    /// `clause_text` states the lead rule only after its attribution (（X、Y负责）
    /// / 各项任务列第一位的为牵头单位。): the rule governs the attributions after
    /// it, not that one. (A bracket stating it beside its units, in one
    /// sentence, is governed.)
    pub fn states_rule_after(&self, clause_text: &str) -> bool {
        let Some(rule) = clause_text
            .split('\n')
            .flat_map(text::sentence_pieces)
            .find(|s| self.states_lead_rule(s))
        else {
            return false;
        };
        let at = rule.as_ptr() as usize - clause_text.as_ptr() as usize;
        self.find(&clause_text[..at]).is_some()
            && self.find(&clause_text[at + rule.len()..]).is_none()
    }

    /// Whether `s` holds a verb anywhere.
    fn has_verb(&self, s: &str) -> bool {
        self.any_verb.is_in(s)
    }

    /// `part` is a run of units closed by a word of oversight (市商务局指导).
    fn oversees(&self, part: &str) -> bool {
        self.overseers.iter().any(|w| {
            part.strip_suffix(w.as_str())
                .is_some_and(|head| self.units(head).is_some())
        })
    }

    /// The verb closing `run`, and the units before it, without a word
    /// saying how they do it (州民政局积极配合 → 州民政局, participating).
    fn verb_at_end<'s>(&self, run: &'s str) -> Option<(&'s str, Role)> {
        let (head, role) = self.verbs.strip(run)?;
        let head = match self.manners.strip(head) {
            Some((units, ())) if !units.is_empty() => units,
            _ => head,
        };
        Some((head, role))
    }

    /// Strips remarks closing a list (…等有关部门, …按职责分工).
    fn strip_remarks<'s>(&self, mut s: &'s str) -> &'s str {
        loop {
            let t = text::trim(s);
            let head = crate::normalize::remark::strip(t)
                .or_else(|| self.remarks.strip(t).map(|(head, ())| head));
            match head {
                Some(head) if !text::trim(head).is_empty() => s = head,
                _ => return t,
            }
        }
    }

    /// The items of a unit list, split at 、 and the separators (及, 等和), outside
    /// brackets and quotation marks (市“双随机、一公开”联席会议成员单位 is one);
    /// `None` when an item does not look like a unit.
    fn units(&self, s: &str) -> Option<Vec<String>> {
        let s = self.strip_remarks(s);
        let mut items = Vec::new();
        let mut depth = 0i32;
        let mut start = 0;
        let mut i = 0;
        while i < s.len() {
            let c = s[i..].chars().next()?;
            if text::is_open_bracket(c) || text::is_open_quote(c) {
                depth += 1;
            } else if text::is_close_bracket(c) || text::is_close_quote(c) {
                depth -= 1;
            } else if depth == 0 {
                let sep = if c == '、' || c == '/' {
                    Some(c.len_utf8())
                } else {
                    self.separators
                        .iter()
                        .find(|w| s[i..].starts_with(w.as_str()))
                        .map(|w| w.len())
                };
                if let Some(n) = sep {
                    items.push(&s[start..i]);
                    i += n;
                    start = i;
                    continue;
                }
            }
            i += c.len_utf8();
        }
        items.push(&s[start..]);
        let mut out = Vec::with_capacity(items.len());
        let last = items.len() - 1;
        // The last item is a level and the organs the levels before it
        // share (区人民政府, 区党委和人民政府), not the levels together
        // (市、县两级政府).
        let shares = || {
            let tail = items[last]
                .char_indices()
                .nth(1)
                .map(|(i, _)| &items[last][i..]);
            tail.is_some_and(|t| self.unit_ends.ends(t) && !t.contains('级'))
        };
        for (k, item) in items.iter().copied().enumerate() {
            let item = self.strip_remarks(item);
            // A level's name alone inside the list shares the last item's
            // unit word (各县、市、区人民政府: 市 is 市人民政府 cut short).
            // (Or a level under a 各 before it: 各街道、镇 is every 镇, 各乡、镇
            // every 乡 and 镇.)
            let each = || k > 0 && items[..k].iter().any(|p| p.starts_with('各'));
            let level = self.levels.iter().any(|l| l == item) && (k < last && shares() || each());
            if !(level || self.is_unit(item)) {
                return None;
            }
            out.push(item.to_owned());
        }
        Some(out)
    }

    /// A unit name: short, no sentence inside, ending with a unit word (before any
    /// closing bracket note: 各部门（单位）) or opening with 各. A word quoted inside
    /// it is part of the name (市“12345”便民服务平台, 市委“两新”工委).
    pub fn is_unit(&self, item: &str) -> bool {
        let n = text::char_len(item);
        if !(2..=32).contains(&n) || item.contains(['。', '，', ',', '；', ';', '：', ':']) {
            return false;
        }
        if item.contains(['“', '”', '"']) && !quotes_words(item) {
            return false;
        }
        // The name without its bracketed notes: 各部门（单位） → 各部门,
        // 各乡（镇）人民政府 → 各乡人民政府.
        if !item.contains(text::is_open_bracket) && !item.contains(text::is_close_bracket) {
            return self.is_unit_core(item);
        }
        let mut core = String::with_capacity(item.len());
        let mut depth = 0usize;
        for c in item.chars() {
            if text::is_open_bracket(c) {
                depth += 1;
            } else if text::is_close_bracket(c) {
                depth = depth.saturating_sub(1);
            } else if depth == 0 {
                core.push(c);
            }
        }
        self.is_unit_core(&core)
    }

    /// `s` is only the ending of a unit's name, which names no unit alone
    /// (人民政府, 办事处, 镇人民政府): a line opening with it is the rest of a
    /// name cut at the line's end (…、各苏木镇 / 人民政府).
    pub fn is_bare_ending(&self, s: &str) -> bool {
        let Some((head, ())) = self.unit_ends.strip(s) else {
            return false;
        };
        head.is_empty()
            || text::chars_at_most(head, 2)
                && text::char_len(s) >= 4
                && self
                    .unit_ends
                    .strip(head)
                    .is_some_and(|(h, ())| h.is_empty())
    }

    /// A unit word begun at the end of `head` and ended by the first
    /// characters of `tail` (人 / 民政府, 管委 / 会): a wrap cut the word
    /// itself, and the two read on as one name.
    pub fn unit_word_across(&self, head: &str, tail: &str) -> bool {
        // (A unit word is four characters at most: 人民政府.)
        let mut joined = String::with_capacity(head.len() + 12);
        tail.char_indices().take(3).any(|(i, c)| {
            let rest = &tail[..i + c.len_utf8()];
            joined.clear();
            joined.push_str(head);
            joined.push_str(rest);
            self.unit_ending(&joined)
                .is_some_and(|w| w.len() > rest.len())
        })
    }

    /// The unit word `s` ends with (管委会 of 镇江新区管委会), when it ends
    /// with one: the longest.
    pub fn unit_ending<'s>(&self, s: &'s str) -> Option<&'s str> {
        self.unit_ends.strip(s).map(|(head, ())| &s[head.len()..])
    }

    /// `s` ends with a unit word (市生态环境局, not 市生态环境): the quick part of
    /// [`AttributionRules::is_unit`].
    pub fn ends_like_unit(&self, s: &str) -> bool {
        self.unit_ends.ends(s)
    }

    /// A unit name without bracketed notes. 各地, 各级: a short 各 word; a
    /// longer one must end like a unit (各地要切实 is prose).
    fn is_unit_core(&self, core: &str) -> bool {
        (self.unit_ends.ends(core) || core.starts_with('各') && text::char_len(core) <= 3)
            && !self.has_subject_inside(core)
            && !self.actions.iter().any(|w| core.starts_with(w.as_str()))
    }

    /// A subject word inside a name makes it a sentence (城市道路的养护维修由市政工程
    /// 管理部门 / 负责): what comes before it is the subject, not a unit. 自由 (自由贸易
    /// 试验区) is a word of a name.
    fn has_subject_inside(&self, core: &str) -> bool {
        // A name is short: one pass over its characters, a subject word
        // tried where its first character stands.
        core.char_indices().skip(1).any(|(i, c)| {
            self.subjects.iter().any(|w| {
                w.starts_with(c) && core[i..].starts_with(w.as_str()) && !core[..i].ends_with('自')
            })
        })
    }

    /// One run, or runs joined by 、 where ， would stand (`州司法局牵头、
    /// 州政务服务管理局配合`), or units joined to a run before it (`会同Y、Z`):
    /// the units by role, added only when every run reads.
    fn run(&self, run: &str, into: &mut Attribution) -> bool {
        self.one_run(run, into)
            || self.runs_joined_by_dunhao(run, into)
            || self.joined_run(run, into)
    }

    /// Units a joiner opens after a run (X牵头，会同Y、Z负责; 由X牵头，会同Y、
    /// Z，2021年底前完成…), closed by a verb or not: they participate in the
    /// work of the units before them, as after X会同.
    fn joined_run(&self, run: &str, into: &mut Attribution) -> bool {
        if into.units.is_empty() {
            return false;
        }
        let run = text::trim(run);
        let Some(rest) = self
            .joiners
            .iter()
            .find_map(|j| run.strip_prefix(j.as_str()))
        else {
            return false;
        };
        let rest = self.verb_at_end(rest).map_or(rest, |(head, _)| head);
        let Some(units) = self.units(rest) else {
            return false;
        };
        into.units
            .extend(units.into_iter().map(|u| (Role::Participating, u)));
        true
    }

    /// Runs joined by 、 (`X牵头、Y按职责分工负责`), cut after a verb only: 、
    /// also joins the units of one run (`市发改委、市财政局牵头`). Each piece
    /// must be a run.
    fn runs_joined_by_dunhao(&self, run: &str, into: &mut Attribution) -> bool {
        let pieces = self.cut_after_verbs(run);
        if pieces.len() < 2 {
            return false;
        }
        let mut a = Attribution::default();
        if !pieces.iter().all(|p| self.one_run(p, &mut a)) {
            return false;
        }
        // (Units named, not a slogan's bare words: 政府负责、部门协同、社会参与.)
        if a.units.iter().any(|(_, u)| text::chars_at_most(u, 2)) {
            return false;
        }
        into.units.extend(a.units);
        true
    }

    /// `s` cut at each 、 outside brackets and quotation marks that a verb
    /// closes the text before (`X牵头、Y配合` → `X牵头`, `Y配合`; `X、Y牵头`
    /// stays whole).
    fn cut_after_verbs<'s>(&self, s: &'s str) -> Vec<&'s str> {
        let mut pieces = Vec::new();
        let (mut depth, mut start) = (0i32, 0);
        for (i, c) in text::non_ideographs(s) {
            if text::is_open_bracket(c) || text::is_open_quote(c) {
                depth += 1;
            } else if text::is_close_bracket(c) || text::is_close_quote(c) {
                depth -= 1;
            } else if c == '、' && depth == 0 && self.verb_at_end(&s[start..i]).is_some() {
                pieces.push(&s[start..i]);
                start = i + c.len_utf8();
            }
        }
        pieces.push(&s[start..]);
        pieces
    }

    /// One run `units verb` (`由X会同Y负责`): the units by role.
    fn one_run(&self, run: &str, into: &mut Attribution) -> bool {
        let run = text::trim(run);
        let Some((head, role)) = self.verb_at_end(run) else {
            return false;
        };
        // The lead rule names no unit (排在第一位的部门为牵头部门).
        if self.states_lead_rule(run) {
            return false;
        }
        let mut head = self.after_topic(text::trim(head));
        for s in &self.subjects {
            if let Some(h) = head.strip_prefix(s.as_str()) {
                head = h;
            }
        }
        // 以X为牵头单位: the word opening the frame dropped.
        if self.role_verbs.ends(run) {
            if let Some(h) = self
                .copula_subjects
                .iter()
                .find_map(|w| head.strip_prefix(w.as_str()))
            {
                head = h;
            }
        }
        let (main, joined) = match self
            .joiners
            .iter()
            .find_map(|j| head.find(j.as_str()).map(|at| (at, j.len())))
        {
            Some((at, n)) => (&head[..at], Some(&head[at + n..])),
            None => (head, None),
        };
        let Some(units) = self.units(main) else {
            return false;
        };
        let joined = match joined {
            Some(j) => match self.units(j) {
                Some(u) => u,
                None => return false,
            },
            None => Vec::new(),
        };
        into.units.extend(units.into_iter().map(|u| (role, u)));
        into.units
            .extend(joined.iter().map(|u| (Role::Participating, u.clone())));
        true
    }

    /// A whole text made only of runs (and at most a deadline or the lead rule):
    /// the inside of a closing bracket, a sentence of its own, or the value of a
    /// 部门分工 label.
    pub fn whole(&self, s: &str) -> Option<Attribution> {
        let s = s.trim_end_matches(|c: char| text::is_space(c) || matches!(c, '。' | '；' | ';'));
        let mut a = Attribution::default();
        let mut runs = 0;
        // Units listed with ， before the run that gives them their role
        // (（各市人民政府，省发展改革委按职责分工负责）).
        let mut pending: Vec<String> = Vec::new();
        // No part ends with a verb: no run, no attribution (asked of the last
        // sentence of every paragraph, so answered before any unit is read).
        if !self
            .parts(s)
            .any(|p| self.verb_at_end(text::trim(p)).is_some())
        {
            return None;
        }
        // A deadline read right before, labelled or not: a phrase after a
        // comma goes on with it (完成时限：2021年12月底前完成集中攻坚，2022年巩固
        // 提升; X牵头，Y配合，2020年6月底前完成初步设计，年底前开工; X负责，
        // 2020年起，长期坚持). `Some(true)` when labelled.
        let mut timed: Option<bool> = None;
        // Runs of units carrying out the work (Y落实): another run must name
        // whom they carry it out under.
        let mut carried = 0;
        for part in self.parts(s) {
            let comma = s[..text::offset_in(s, part)]
                .chars()
                .next_back()
                .filter(|&c| matches!(c, '，' | ','));
            let part = text::trim(part);
            if part.is_empty() {
                continue;
            }
            // (Only the part right after it, and after a comma: a part after
            // ； or 。 never goes on with the deadline.)
            if let Some((c, labelled)) = comma.zip(timed.take()) {
                if text::first_colon(part).is_none()
                    && self.is_deadline_phrase(part)
                    && self.verb_at_end(part).is_none()
                {
                    let value = if labelled {
                        a.fields.last_mut().map(|(_, v)| v)
                    } else {
                        a.deadline.as_mut()
                    };
                    if let Some(value) = value {
                        value.push(c);
                        value.push_str(part);
                        if labelled {
                            a.deadline = Some(value.clone());
                        }
                    }
                    timed = Some(labelled);
                    continue;
                }
            }
            // The words before 由 name the task, never units (支持甲县、乙县建设
            // 集配中心，由市商务局牵头，…): the runs are read from 由 on.
            if !pending.is_empty() && self.opens_with_subject(part) {
                return None;
            }
            let before = a.units.len();
            let read = self.run(part, &mut a) || {
                let c = self.carry_run(part, &mut a);
                carried += usize::from(c);
                c
            };
            if read {
                runs += 1;
                if let Some(&(role, _)) = a.units.get(before) {
                    let listed = pending.drain(..).map(|u| (role, u));
                    a.units.splice(before..before, listed);
                }
            } else if self.is_list_remark(part) {
                a.states_rule |= self.states_lead_rule(part);
            } else if a.deadline.is_none() && self.is_deadline_phrase(part) {
                a.deadline = Some(part.to_owned());
                timed = Some(false);
            } else if let Some((label, value)) =
                labelled_deadline(self, part).filter(|_| a.deadline.is_none())
            {
                // （X、Y负责，完成时限：2021年2月底前）: the label kept as a field.
                a.deadline = Some(value.to_owned());
                a.fields.push((label.to_owned(), value.to_owned()));
                timed = Some(true);
            } else if let Some(units) = self.units(part).filter(|_| a.deadline.is_none()) {
                pending.extend(units);
            } else if self.oversees(part) {
                // Units overseeing the work (各县区政府负责，市商务局指导): no
                // role the task names (another run must name one).
            } else if a.deadline.is_some() && self.is_deadline_phrase(part) {
                // A second run's own deadline (X负责，2020年底前完成；Y配合，
                // 2021年6月底前): the first period named is the task's.
            } else if part.starts_with('每') {
                // How often it is done (每月通报一次): no deadline, no unit.
            } else if self.names_object_year(part) {
                // The work whose object a year names (组织2021年度考核结果运用):
                // no deadline, no unit.
            } else {
                return None;
            }
        }
        // The sentence that states the lead rule gives the rest their role
        // (…列第一位的单位为牵头单位，其他单位按职责分工负责): the rest are
        // no units, and it is no task.
        if a.states_rule {
            a.units.retain(|(_, u)| !self.names_the_rest(u));
            runs = runs.min(a.units.len());
        }
        (runs > carried && pending.is_empty()).then_some(a)
    }

    /// A run of units closed by a word saying they carry the work out
    /// (各旗县区人民政府落实, 各乡镇人民政府具体实施; `carry_out` in
    /// grammar/attribution.tsv): the units, in the role the word gives
    /// (responsible, implementing).
    fn carry_run(&self, part: &str, into: &mut Attribution) -> bool {
        let Some((units, role)) = self
            .carry_out
            .iter()
            .find_map(|(w, role)| part.strip_suffix(w.as_str()).map(|h| (h, *role)))
            .and_then(|(head, role)| Some((self.units(head)?, role)))
        else {
            return false;
        };
        into.units.extend(units.into_iter().map(|u| (role, u)));
        true
    }

    /// The parts of a text of runs: split at ，；, and a part whose run a
    /// full stop parts from a remark on the whole list (（市林业局、市水利局
    /// 负责。列第一位者为牵头单位，下同）) cut there too, as a comma would
    /// cut it.
    fn parts<'s>(&'s self, s: &'s str) -> impl Iterator<Item = &'s str> {
        split_runs(s).flat_map(|p| self.remark_apart(p))
    }

    /// `part` cut at its first 。 when what follows is a remark on the list
    /// ([`AttributionRules::is_list_remark`]): the run, then the remark;
    /// else `part` alone (and an empty part).
    fn remark_apart<'s>(&self, part: &'s str) -> [&'s str; 2] {
        if let Some(at) = text::find_char(part, '。') {
            let rest = &part[at + '。'.len_utf8()..];
            if self.is_list_remark(text::trim(rest)) {
                return [&part[..at], rest];
            }
        }
        // (The empty rest a piece of `part`, as callers take offsets in it.)
        [part, &part[part.len()..]]
    }

    /// A remark on a list of units, no unit or run itself: the lead rule
    /// (列第一位者为牵头单位) or 下同.
    fn is_list_remark(&self, part: &str) -> bool {
        part == "下同" || self.states_lead_rule(part)
    }

    /// `s` opens with a subject word (由), after a word naming the task
    /// (此项工作由): the runs after it are an attribution.
    fn opens_with_subject(&self, s: &str) -> bool {
        let s = self.after_topic(s);
        self.subjects.iter().any(|w| s.starts_with(w.as_str()))
    }

    /// `s` without a word naming the task that a subject word follows
    /// (此项工作由X负责 → 由X负责), or the preface minutes open a decision
    /// with (会议同意由X牵头，Y配合，… → 由X牵头…); else `s`.
    fn after_topic<'s>(&self, s: &'s str) -> &'s str {
        let subject = |rest: &&str| self.subjects.iter().any(|w| rest.starts_with(w.as_str()));
        self.topics
            .iter()
            .chain(&self.prefaces)
            .find_map(|t| s.strip_prefix(t.as_str()))
            .filter(subject)
            .or_else(|| {
                // A short name of the task ending in 工作 or 任务, of
                // ideographs only (改造提升工作由…, 这项任务由…): the subject
                // word looked for among the first ten characters. (After a
                // document's title in 《》: 《规划》实施工作由….)
                // (Not a law restated: 《安全生产法》规定…工作由…负责.)
                let restates_no_law = |r: &&str| {
                    !["规定", "明确", "要求", "提出"]
                        .iter()
                        .any(|w| r.starts_with(w))
                };
                let named = s
                    .strip_prefix('《')
                    .and_then(|r| r.find('》').map(|i| &r[i + '》'.len_utf8()..]))
                    .filter(restates_no_law)
                    .unwrap_or(s);
                named.char_indices().take(10).find_map(|(at, _)| {
                    let head = &named[..at];
                    let rest = &named[at..];
                    (subject(&rest)
                        && self.topic_ends.iter().any(|e| head.ends_with(e.as_str()))
                        && head.chars().all(text::is_han)
                        && !crate::lexicon::Lexicon::contains_any(&self.topic_past, head))
                    .then_some(rest)
                })
            })
            .unwrap_or(s)
    }

    /// Runs closing a sentence after 由 (建立重大项目库，由市发改委负责;
    /// 开展促销活动，由市商务局牵头，市财政局配合): from the first part
    /// after the sentence's first that opens with 由, every part to the end
    /// is a run. Runs followed by more text (由X牵头，Y参与，并聘请专家…)
    /// are none, and so are units described rather than named (古树名木的
    /// 养护，由所在地的单位负责).
    fn closing_runs(&self, sentence: &str) -> Option<Attribution> {
        let base = sentence.as_ptr() as usize;
        let from = split_runs(sentence)
            .skip(1)
            .find(|p| self.opens_with_subject(text::trim(p)))?;
        self.whole(&sentence[from.as_ptr() as usize - base..])
            .filter(|a| !a.units.iter().any(|(_, u)| text::has_char(u, '的')))
    }

    /// Runs opening a sentence (由市发改委牵头，各县区配合，谋划…): the runs read up to
    /// the first part that is not one. Without 由 the sentence must name no action
    /// after the runs in the same part.
    pub fn opening(&self, sentence: &str) -> Option<Attribution> {
        let mut a = Attribution::default();
        let mut parts = split_runs(sentence).peekable();
        // 会议确定，X负责，…: the preface skipped, the runs read as after 由.
        let preface = parts
            .next_if(|p| self.prefaces.iter().any(|w| text::trim(p) == w.as_str()))
            .is_some();
        let by = preface
            || parts
                .peek()
                .is_some_and(|p| self.opens_with_subject(text::trim(p)));
        let mut runs = 0;
        let mut work = None;
        for part in parts.by_ref() {
            if !self.run(part, &mut a) {
                work = Some(part);
                break;
            }
            runs += 1;
        }
        // The work after the runs, and the period it is done by (…，建立巡查
        // 制度，2020年8月底前完成).
        if runs > 0 {
            a.deadline = self.deadline_after_work(sentence, work.into_iter().chain(parts));
        }
        // Without 由 a single run opening a longer sentence is too weak a sign
        // (市财政局负责，做好…); 由 or two runs make it an attribution, and so
        // does one that joins units under a second role (市司法局会同市委编办、
        // 市财政局负责，吸收…).
        let joins = || {
            runs == 1
                && a.units.iter().any(|(r, _)| *r == Role::Participating)
                && a.units.iter().any(|(r, _)| *r != Role::Participating)
        };
        (runs >= 2 || by && runs >= 1 || joins()).then_some(a)
    }

    /// The deadline among `parts`, the parts of `sentence` after its runs:
    /// the first that a period the deadline grammar reads opens (after a
    /// word such as 于 or 力争, `deadline_lead` in grammar/attribution.tsv),
    /// nothing or the work done by then after it (2020年8月底前完成, 2021年
    /// 度内完成初步设计), and the deadline phrases right after it (…，年底前
    /// 开工), as written. A year naming the work's object (开展2021年度考核)
    /// or how often it is done (每季度通报一次) is none.
    fn deadline_after_work<'s>(
        &self,
        sentence: &'s str,
        mut parts: impl Iterator<Item = &'s str>,
    ) -> Option<String> {
        let first = parts.find(|p| self.opens_with_period(text::trim(p)))?;
        let first = text::trim(first);
        let mut end = text::offset_in(sentence, first) + first.len();
        for p in parts {
            let t = text::trim(p);
            if !self.is_deadline_phrase(t) || self.verb_at_end(t).is_some() {
                break;
            }
            end = text::offset_in(sentence, t) + t.len();
        }
        Some(sentence[text::offset_in(sentence, first)..end].to_owned())
    }

    /// `part` is a deadline phrase a period opens, after a `deadline_lead`
    /// word, and nothing follows the period but a term (起, 前, 内) or the
    /// work done by then (完成…).
    fn opens_with_period(&self, part: &str) -> bool {
        if !self.is_deadline_phrase(part) || part.starts_with('每') {
            return false;
        }
        let p = self
            .deadline_leads
            .iter()
            .find_map(|w| part.strip_prefix(w.as_str()))
            .unwrap_or(part);
        crate::normalize::deadline::after_period(p, |rest| self.closes_period(rest))
    }

    /// `rest`, what follows a period that opens a deadline phrase, leaves
    /// the period a deadline: nothing, a term (前, 底, 内, 起 — `year_term`
    /// in grammar/attribution.tsv) or the work done by then (完成, 全面完成 —
    /// `done`). Not a year opening a unit's or a work's name (2021年新建小区).
    pub fn closes_period(&self, rest: &str) -> bool {
        rest.is_empty()
            || self
                .done
                .iter()
                .chain(&self.year_terms)
                .any(|w| rest.starts_with(w.as_str()))
    }

    /// Runs after a short name of the work opening a paragraph's first
    /// sentence (系列活动由市委宣传部牵头，市文化广电旅游局配合，具体方案另行报批):
    /// the name is two to eight ideographs before the word that opens the
    /// runs (由, `subject` in grammar/attribution.tsv), no time word putting
    /// it in the past (此前) and no action opening it (加强); the runs name
    /// a lead or a responsible unit and the units that assist it, the pair
    /// that tells who does the work from a sentence that mentions units:
    /// after 牵头 and 配合 (由X牵头，Y配合) or after 会同 (以上补贴政策由X会同Y
    /// 负责落实), as in a bracket.
    fn named_opening(&self, sentence: &str) -> Option<Attribution> {
        let first = split_runs(sentence).next()?;
        let (at, _) = first.char_indices().skip(2).take(7).find(|&(i, _)| {
            self.subjects
                .iter()
                .any(|w| first[i..].starts_with(w.as_str()))
        })?;
        let name = &first[..at];
        if !name.chars().all(text::is_han)
            || crate::lexicon::Lexicon::contains_any(&self.topic_past, name)
            || self.actions.iter().any(|w| name.starts_with(w.as_str()))
        {
            return None;
        }
        let a = self.opening(&sentence[at..])?;
        let has = |role: Role| a.units.iter().any(|(r, _)| *r == role);
        ((has(Role::Lead) || has(Role::Responsible)) && has(Role::Participating)).then_some(a)
    }

    /// The attribution of a clause's text: a bracket closing a paragraph, a
    /// paragraph's closing sentence made only of runs, runs opening one of the
    /// first two sentences of a paragraph, or runs opening or closing its
    /// last sentence after 由. Returns the first found in that order.
    pub fn find(&self, clause_text: &str) -> Option<Attribution> {
        if !self.has_verb(clause_text) {
            return None;
        }
        // Paragraphs and sentences read where they are, none collected.
        let paragraphs = || clause_text.split('\n').map(text::trim);
        for p in paragraphs().rev() {
            if let Some(a) = self.closing_bracket(p) {
                return Some(a);
            }
        }
        for p in paragraphs().rev() {
            if let Some(a) = last_sentence(p).and_then(|last| self.whole(last)) {
                return Some(a);
            }
        }
        // Runs opening one of the first two sentences of a paragraph, else a
        // last sentence that opens with 由 (…。由县城市管理局牵头，各乡镇配合，
        // 实现…全覆盖。): read only where the text holds a 由 at all.
        paragraphs()
            .find_map(|p| {
                sentences(p).take(2).enumerate().find_map(|(k, s)| {
                    self.opening_bracket(s)
                        .or_else(|| self.opening(s))
                        // A bracket closing the heading, its sentence going
                        // on (（二）加强调度（市发改委负责）。开展…).
                        .or_else(|| (k == 0).then(|| self.closing_bracket(s)).flatten())
                        .or_else(|| (k == 0).then(|| self.named_opening(s)).flatten())
                })
            })
            // A last sentence opening with a preface, as minutes close an
            // item (…的汇报。会议确定，X负责，Y配合，…。).
            .or_else(|| {
                paragraphs().find_map(|p| {
                    let s = last_sentence(p)?;
                    let head = split_runs(s).next()?;
                    self.prefaces
                        .iter()
                        .any(|w| text::trim(head) == w.as_str())
                        .then(|| self.opening(s))
                        .flatten()
                })
            })
            .or_else(|| {
                if !self
                    .subjects
                    .iter()
                    .any(|w| clause_text.contains(w.as_str()))
                {
                    return None;
                }
                paragraphs().find_map(|p| {
                    let s = last_sentence(p)?;
                    if self.opens_with_subject(s) {
                        self.opening(s)
                    } else {
                        self.closing_runs(s)
                    }
                })
            })
            // Runs opening a paragraph's last sentence, the action after
            // them (…值班制度。市公安局负责，市消防救援支队参与，加强…管控。):
            // two runs at least, as for any sentence opened without 由.
            // (Read only where its first part ends with a verb, as a run does.)
            .or_else(|| {
                paragraphs().find_map(|p| {
                    // (Nor where it opens with a year: 2020年县应急管理局负责，
                    // …参与，开展了专项整治。 tells what was done.)
                    let s = last_sentence(p)?;
                    if s.starts_with(text::is_digit) {
                        return None;
                    }
                    self.verb_at_end(text::trim(split_runs(s).next()?))?;
                    self.opening(s)
                })
            })
    }

    /// The attribution of a clause of a regulation (a 条例, 办法 or 规定 set
    /// out in 第N条 articles): only a bracket names who does the work
    /// (（市发改委负责）), as in any clause. The regulation's own sentences
    /// (…的垃圾，由港口、码头经营人负责；) state legal duties, which are no
    /// work tasks, whatever the parties they name.
    pub fn find_in_regulation(&self, clause_text: &str) -> Option<Attribution> {
        if !self.has_verb(clause_text) {
            return None;
        }
        let paragraphs = || clause_text.split('\n').map(text::trim);
        paragraphs()
            .rev()
            .find_map(|p| self.closing_bracket(p))
            .or_else(|| {
                paragraphs().find_map(|p| {
                    sentences(p).take(2).enumerate().find_map(|(k, s)| {
                        self.opening_bracket(s)
                            .or_else(|| (k == 0).then(|| self.closing_bracket(s)).flatten())
                    })
                })
            })
    }

    /// A bracket opening `sentence` whose inside is made of runs (推进养老服务。
    /// （市民政局负责）新建社区养老服务中心10个。).
    fn opening_bracket(&self, sentence: &str) -> Option<Attribution> {
        let mut depth = 0usize;
        let mut chars = sentence.char_indices();
        let (_, first) = chars.next()?;
        if !text::is_open_bracket(first) {
            return None;
        }
        for (i, c) in chars {
            if text::is_open_bracket(c) {
                depth += 1;
            } else if text::is_close_bracket(c) {
                if depth == 0 {
                    return self.whole(&sentence[first.len_utf8()..i]);
                }
                depth -= 1;
            }
        }
        None
    }

    /// A bracket closing `p` whose inside is made of runs.
    fn closing_bracket(&self, p: &str) -> Option<Attribution> {
        let t =
            p.trim_end_matches(|c: char| text::is_space(c) || matches!(c, '。' | '.' | '；' | ';'));
        let last = t.chars().last()?;
        if !text::is_close_bracket(last) {
            return None;
        }
        let inner_end = t.len() - last.len_utf8();
        let mut depth = 0;
        for (i, c) in text::non_ideographs_rev(&t[..inner_end]) {
            if text::is_close_bracket(c) {
                depth += 1;
            } else if text::is_open_bracket(c) {
                if depth == 0 {
                    return self.whole(&t[i + c.len_utf8()..inner_end]);
                }
                depth -= 1;
            }
        }
        None
    }
}

/// Splits at ，,；; outside brackets, part by part as the scan reaches it: a
/// reader that stops at the first part that is no run reads no further.
fn split_runs(s: &str) -> impl Iterator<Item = &str> {
    // A closing bracket without its opener takes the depth below zero, and
    // the separators after it are inside until as many openers come.
    text::split_outside(
        s,
        text::is_open_bracket,
        text::is_close_bracket,
        |c| matches!(c, '，' | ',' | '；' | ';'),
        Unmatched::Counted,
    )
}

/// Sentences of a paragraph, each without its closing 。！？.
fn sentences(p: &str) -> impl Iterator<Item = &str> {
    text::sentence_pieces(p)
        .map(text::trim)
        .filter(|s| !s.is_empty())
}

/// The last sentence of a paragraph, read from its end.
fn last_sentence(p: &str) -> Option<&str> {
    text::sentence_pieces_rev(p)
        .map(text::trim)
        .find(|s| !s.is_empty())
}

/// Every quotation mark in `s` opens or closes a short word quoted inside a
/// name (市“12345”便民服务平台, 市委“两新”工委): in pairs, none at the end,
/// each holding one to eight ideographs, letters or digits, short words
/// joined by 、 counted apart (市“双随机、一公开”监管工作联席会议). A quoted
/// phrase (落实“谁主管谁负责”) or a quote left open is no name's.
fn quotes_words(s: &str) -> bool {
    let mut quoted: Option<usize> = None;
    let mut last = None;
    for c in s.chars() {
        last = Some(c);
        match (c, quoted) {
            ('“', None) => quoted = Some(0),
            ('”', Some(n)) | ('"', Some(n)) => {
                if n == 0 {
                    return false;
                }
                quoted = None;
            }
            ('"', None) => quoted = Some(0),
            ('“' | '”', _) => return false,
            // (Words joined by 、, each a word of its own: not at the quote's
            // edge.)
            ('、', Some(n)) if n > 0 => quoted = Some(0),
            (_, Some(n)) => {
                if n == 8 || !c.is_alphanumeric() {
                    return false;
                }
                quoted = Some(n + 1);
            }
            (_, None) => {}
        }
    }
    quoted.is_none() && !matches!(last, Some('”' | '"'))
}

/// A deadline with its label (完成时限：2021年2月底前): a short label naming
/// a time (…时限, …时间, …期限, 时间节点) and a deadline phrase.
fn labelled_deadline<'p>(rules: &AttributionRules, part: &'p str) -> Option<(&'p str, &'p str)> {
    let (at, colon) = text::first_colon(part)?;
    let label = text::trim(&part[..at]);
    let value = text::trim(&part[at + colon.len_utf8()..]);
    let names_time = ["时限", "時限", "时间", "時間", "期限", "节点", "節點"]
        .iter()
        .any(|w| label.ends_with(w));
    (names_time && text::chars_at_most(label, 6) && rules.is_deadline_phrase(value))
        .then_some((label, value))
}

impl AttributionRules {
    /// A phrase naming when: short (2021年底前完成, 长期坚持, 每季度), or a
    /// period the deadline grammar reads opening it and the work done by then
    /// after it, however long (2022年11月底前完成全部村庄生活污水处理设施建设).
    /// A year that only names the work's object (开展2004年度目标考核) names
    /// no time.
    pub(crate) fn is_deadline_phrase(&self, s: &str) -> bool {
        let timed = s.contains('月')
            || s.contains("季度")
            || ["长期", "長期", "持续", "持續", "常态化", "常態化"]
                .iter()
                .any(|w| s.starts_with(w))
            || s.match_indices('年')
                .any(|(i, y)| !self.year_of_object(&s[i + y.len()..]))
            || self.time_words.iter().any(|w| s.contains(w.as_str()));
        timed
            && !s.contains(['。', '：', ':'])
            // (How often, not by when: 每季度开展一次联合执法行动 names no term;
            // 每季度, 每年12月底前完成, 每季度末前 do.)
            && !(s.starts_with('每')
                && !s.contains(['前', '底', '末'])
                && !s.ends_with(['内', '內', '止', '度', '月', '年', '周', '週', '旬', '日']))
            // (Long, it is one phrase: a comma goes on to a sentence, 2023年6月
            // 完成招标，汛期前完工，同步开展….)
            && (text::chars_at_most(s, 24)
                || !s.contains(['，', ',', '；', ';']) && self.done_after_period(s))
    }

    /// `after` follows a 年 naming the year of the work's object, not a
    /// term: 年度 and a word that is none of a term's (2004年度|安全生产目标考核).
    fn year_of_object(&self, after: &str) -> bool {
        after.strip_prefix('度').is_some_and(|t| {
            t.starts_with(text::is_han)
                && !self.year_terms.iter().any(|w| t.starts_with(w.as_str()))
        })
    }

    /// `s` is a short phrase of the work whose object a year names, and no
    /// term (组织2021年度考核结果运用, 2022年度考核结果运用).
    fn names_object_year(&self, s: &str) -> bool {
        text::chars_at_most(s, 24)
            && !s.contains(['。', '：', ':'])
            && s.match_indices('年')
                .any(|(i, y)| self.year_of_object(&s[i + y.len()..]))
    }

    /// A period opens `s` and the work done by then follows it (2022年11月
    /// 底前完成…).
    fn done_after_period(&self, s: &str) -> bool {
        crate::normalize::deadline::after_period(s, |tail| {
            self.done.iter().any(|w| tail.starts_with(w.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No character `split_runs` looks for is in U+4000–U+9FFF, which
    /// `text::non_ideographs` passes over.
    #[test]
    fn run_punctuation_is_no_ideograph() {
        let passed_over = text::passed_over(|c| {
            text::is_open_bracket(c)
                || text::is_close_bracket(c)
                || matches!(c, '，' | ',' | '；' | ';')
        });
        assert!(
            passed_over.is_empty(),
            "{passed_over:?} would be passed over"
        );
    }

    /// The parts found one by one are those of cutting the whole text at
    /// every separator outside brackets (a closing bracket without its opener
    /// leaving the depth below zero), over every line of the sample and the
    /// cases, with enough lines of several parts and of separators inside
    /// brackets, and some with a closing bracket before any opener.
    #[test]
    fn runs_one_by_one_are_the_parts_of_a_plain_split() {
        fn plain(s: &str) -> (Vec<&str>, bool, bool) {
            let (mut out, mut depth, mut start) = (Vec::new(), 0i32, 0);
            let (mut inside, mut below) = (false, false);
            for (i, c) in s.char_indices() {
                if text::is_open_bracket(c) {
                    depth += 1;
                } else if text::is_close_bracket(c) {
                    depth -= 1;
                    below |= depth < 0;
                } else if matches!(c, '，' | ',' | '；' | ';') {
                    if depth == 0 {
                        out.push(&s[start..i]);
                        start = i + c.len_utf8();
                    } else {
                        inside = true;
                    }
                }
            }
            out.push(&s[start..]);
            (out, inside, below)
        }
        let (mut several, mut inside, mut below) = (0, 0, 0);
        for l in crate::testdata::sample_and_case_lines() {
            let (want, i, b) = plain(&l);
            assert_eq!(split_runs(&l).collect::<Vec<_>>(), want, "{l:?}");
            several += usize::from(want.len() > 1);
            inside += usize::from(i);
            below += usize::from(b);
        }
        assert!(
            several > 1_000 && inside > 60 && below > 10,
            "{several} {inside} {below}"
        );
    }

    fn rules() -> AttributionRules {
        AttributionRules::parse(include_str!("../grammar/attribution.tsv")).unwrap()
    }

    fn roles(a: &Attribution) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
        let v = |r: Role| {
            a.units
                .iter()
                .filter(|(x, _)| *x == r)
                .map(|(_, u)| u.as_str())
                .collect::<Vec<_>>()
        };
        (v(Role::Lead), v(Role::Responsible), v(Role::Participating))
    }

    #[test]
    fn a_text_without_a_verb_holds_no_attribution() {
        let r = rules();
        // Shaped like attributions, with no verb: answered by the quick test.
        for t in [
            "加强统筹协调。（市发改委，市财政局）",
            "由市发改委，各县区。",
            "做好项目储备工作",
        ] {
            assert!(!r.has_verb(t), "{t}");
            assert_eq!(r.find(t), None, "{t}");
        }
        // A verb anywhere lets the full reading decide.
        let a = r
            .find("加强统筹协调。（市发改委牵头，市财政局配合）")
            .unwrap();
        assert_eq!(a.units.len(), 2);
        assert!(r.has_verb("市财政局负责做好预算"));
        // Verbs from the word list, not from code: a list without 负责 finds none.
        let other = AttributionRules::parse("verb\t配合\tparticipating").unwrap();
        assert!(!other.has_verb("市财政局负责"));
        assert_eq!(other.find("（市财政局负责）"), None);
    }

    /// Units overseeing the work (…，市商务局指导) take no role; the task
    /// stands on the other runs, and a bracket of oversight alone is none.
    #[test]
    fn oversight_takes_no_role() {
        let r = rules();
        // How many units each role takes: lead, responsible, participating.
        let read = |t: &str| {
            r.find(t).map(|a| {
                let (l, re, p) = roles(&a);
                (l.len(), re.len(), p.len())
            })
        };
        assert_eq!(
            read("打造特色夜市街区（各县区政府负责，市商务局指导）"),
            Some((0, 1, 0))
        );
        assert_eq!(
            read("开发线路（市住建局业务指导，市文旅局牵头，市交通局配合）"),
            Some((1, 0, 1))
        );
        assert_eq!(read("开发夜间旅游线路（市商务局指导）"), None);
    }

    /// A level's name alone inside a list shares the last item's unit
    /// word; at the list's end, or alone, it is no unit.
    #[test]
    fn a_level_alone_inside_a_list() {
        let r = rules();
        let names = |t: &str| r.units(t).map(|u| u.join("|"));
        assert_eq!(
            names("各县、市、区人民政府").as_deref(),
            Some("各县|市|区人民政府")
        );
        assert_eq!(
            names("市扶贫办、县、区政府").as_deref(),
            Some("市扶贫办|县|区政府")
        );
        assert_eq!(names("市扶贫办、县"), None);
        assert_eq!(names("市、县两级政府"), None);
        assert_eq!(names("县"), None);
    }

    /// The last sentence read from the end is the last of all the sentences.
    #[test]
    fn last_sentence_is_the_last_of_the_sentences() {
        let mut lines = crate::testdata::sample_and_case_lines();
        lines.extend(["", "。", "甲。乙！", "甲。 。", "（甲。）乙？"].map(String::from));
        for l in &lines {
            assert_eq!(last_sentence(l), sentences(l).last(), "{l}");
        }
    }

    /// A lead rule is stated where a lead word and a lead-rule phrase both
    /// stand, each searched for in turn (the words of attribution.tsv).
    #[test]
    fn lead_rules_answer_as_each_word_searched_in_turn() {
        let r = rules();
        let words = |class: &str| -> Vec<&'static str> {
            include_str!("../grammar/attribution.tsv")
                .lines()
                .filter_map(|l| l.strip_prefix(class))
                .filter_map(|l| l.split('\t').next())
                .collect()
        };
        let (leads, phrases) = (words("lead_word\t"), words("lead_rule\t"));
        assert!(
            !leads.is_empty() && phrases.len() > 5,
            "{leads:?} {phrases:?}"
        );
        let mut lines = crate::testdata::sample_and_case_lines();
        for p in &phrases {
            lines.push(format!("（市发改委、市财政局负责，{p}的为牵头单位）"));
            lines.push(format!("{p}的单位"));
        }
        let mut stated = 0;
        for l in &lines {
            let plain =
                leads.iter().any(|w| l.contains(w)) && phrases.iter().any(|p| l.contains(p));
            assert_eq!(r.states_lead_rule(l), plain, "{l}");
            stated += usize::from(plain);
        }
        assert!(stated >= phrases.len(), "{stated}");
    }

    /// The SIMD search answers as a plain search for each verb does: on
    /// every line of the sample and the cases, and on each verb alone and
    /// cut short (texts below the searcher's minimum length).
    #[test]
    fn any_verb_answers_as_each_verb_searched_in_turn() {
        let r = rules();
        let table = include_str!("../grammar/attribution.tsv");
        let words = |class: &str| -> Vec<String> {
            table
                .lines()
                .filter_map(|l| l.strip_prefix(class))
                .filter_map(|l| l.split('\t').next())
                .map(str::to_owned)
                .collect()
        };
        // (With a copula and a role's name: 为责任单位.)
        let named = words("role_name\t");
        let mut verbs = words("verb\t");
        verbs.extend(
            words("copula\t")
                .iter()
                .flat_map(|c| named.iter().map(move |n| format!("{c}{n}"))),
        );
        assert!(verbs.len() > 10 && !named.is_empty(), "{verbs:?}");
        let mut texts = crate::testdata::sample_and_case_lines();
        for v in &verbs {
            let chars: Vec<char> = v.chars().collect();
            texts.push(v.clone());
            texts.push(chars[..chars.len() - 1].iter().collect());
            texts.push(format!("市{v}"));
        }
        let mut with = 0;
        for t in &texts {
            let plain = verbs.iter().any(|v| t.contains(v));
            assert_eq!(r.has_verb(t), plain, "{t}");
            with += usize::from(plain);
        }
        assert!(
            with > 100 && with < texts.len(),
            "{with} of {}",
            texts.len()
        );
    }

    /// A verb ending with 负责 takes an object from the closed list
    /// (具体实施, 组织实施, 落实, 推进 …): the run keeps the verb's role. An
    /// object not listed closes no run.
    #[test]
    fn objects_after_fuze() {
        let r = rules();
        let cases: &[(&str, Roles)] = &[
            (
                "建设园区。（市商务局牵头，各区市政府负责具体实施）",
                (&["市商务局"], &["各区市政府"], &[]),
            ),
            (
                "建设园区。（市商务局负责牵头，市财政局配合）",
                (&["市商务局"], &[], &["市财政局"]),
            ),
            (
                "建设园区。（市商务局牵头负责组织实施）",
                (&["市商务局"], &[], &[]),
            ),
            (
                "建设园区。（各县区政府按职责分工负责推进）",
                (&[], &["各县区政府"], &[]),
            ),
            (
                "支持企业。由市人社局牵头，市财政局配合，各辖市(区)人民政府负责具体实施。",
                (&["市人社局"], &["各辖市(区)人民政府"], &["市财政局"]),
            ),
        ];
        for (t, (lead, resp, part)) in cases {
            let a = r.find(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!(
                roles(&a),
                (lead.to_vec(), resp.to_vec(), part.to_vec()),
                "{t}"
            );
        }
        for t in [
            "建设园区。（陆良县人民政府负责项目落地）",
            "建设园区。（市商务局落实）",
        ] {
            assert_eq!(r.find(t), None, "{t}");
        }
    }

    /// The units a bracket names as leading, responsible and cooperating.
    type Roles<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a str]);

    #[test]
    fn brackets_closing_a_clause() {
        let r = rules();
        let cases: &[(&str, Roles)] = &[
            ("加强宣传。（市委宣传部负责）", (&[], &["市委宣传部"], &[])),
            (
                "加强宣传。(市委宣传部、网信办负责)",
                (&[], &["市委宣传部", "网信办"], &[]),
            ),
            (
                "完善机制。（市发展改革委牵头，市财政局、市自然资源局配合）",
                (&["市发展改革委"], &[], &["市财政局", "市自然资源局"]),
            ),
            (
                "做好统计。（市统计局会同市发展改革委负责）",
                (&[], &["市统计局"], &["市发展改革委"]),
            ),
            ("抓好落实。（市商务局牵头负责）", (&["市商务局"], &[], &[])),
            (
                "抓好落实。（各有关部门按职责分工负责）",
                (&[], &["各有关部门"], &[]),
            ),
            (
                "强化保障。（市财政局、市人社局等有关部门负责）",
                (&[], &["市财政局", "市人社局"], &[]),
            ),
            (
                "强化保障。（市财政局及市税务局负责，2021年底前完成）",
                (&[], &["市财政局", "市税务局"], &[]),
            ),
            (
                "整治路域环境。（县交通运输局会同县公路段、各乡（镇）人民政府负责）",
                (&[], &["县交通运输局"], &["县公路段", "各乡（镇）人民政府"]),
            ),
            (
                "深化区域合作。（各市（地）人民政府（行署），省发展改革委按职责分工负责）",
                (&[], &["各市（地）人民政府（行署）", "省发展改革委"], &[]),
            ),
            (
                "配置收集设施。（各市〔州〕人民政府、贵安新区管委会负责）",
                (&[], &["各市〔州〕人民政府", "贵安新区管委会"], &[]),
            ),
        ];
        for (s, want) in cases {
            let a = r.find(s).unwrap_or_else(|| panic!("no attribution in {s}"));
            assert_eq!(
                roles(&a),
                (want.0.to_vec(), want.1.to_vec(), want.2.to_vec()),
                "{s}"
            );
        }
        let a = r
            .find("强化保障。（市财政局及市税务局负责，2021年底前完成）")
            .unwrap();
        assert_eq!(a.deadline.as_deref(), Some("2021年底前完成"));
    }

    #[test]
    fn opening_and_closing_sentences() {
        let r = rules();
        let a = r
            .find("建立重大项目库。由市发改委牵头,各县区、各部门(单位)、各开发区配合,谋划建立重大项目库。")
            .unwrap();
        assert_eq!(
            roles(&a),
            (
                vec!["市发改委"],
                vec![],
                vec!["各县区", "各部门(单位)", "各开发区"]
            )
        );
        let a = r
            .find("推进秸秆还田。市农业农村局负责，市财政局参与。")
            .unwrap();
        assert_eq!(roles(&a), (vec![], vec!["市农业农村局"], vec!["市财政局"]));
        // Runs opening the clause's last sentence, after two others.
        let a = r
            .find("全面提升治理水平。健全收运处置体系。由县城市管理局牵头，县农业农村局、各乡镇人民政府配合，实现全覆盖。")
            .unwrap();
        assert_eq!(
            roles(&a),
            (
                vec!["县城市管理局"],
                vec![],
                vec!["县农业农村局", "各乡镇人民政府"]
            )
        );
        // Two runs without 由 opening the last sentence, the action after
        // them in the same sentence.
        let a = r
            .find("加强重点时段管控。严格落实值班制度。县公安局负责，县消防救援大队参与，加强烟花爆竹管控。")
            .unwrap();
        assert_eq!(
            roles(&a),
            (vec![], vec!["县公安局"], vec!["县消防救援大队"])
        );
        // There too one run without 由 opening a longer sentence is none,
        // and a middle sentence is not read.
        for s in [
            "全面提升治理水平。健全收运处置体系。市财政局负责，做好资金保障。",
            "全面提升治理水平。健全收运处置体系。由县城市管理局牵头，县农业农村局配合，实现全覆盖。抓好落实。",
            "全面提升治理水平。健全收运处置体系。县公安局负责，县消防救援大队参与，加强管控。抓好落实。",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
        // A bracket of runs opening the sentence after the heading.
        let a = r
            .find("推进养老服务。（市民政局负责）新建社区养老服务中心10个。")
            .unwrap();
        assert_eq!(roles(&a), (vec![], vec!["市民政局"], vec![]));
        let a = r
            .find("落实要求。（省卫生健康委、商务厅负责，完成时限：2021年2月底前）")
            .unwrap();
        assert_eq!(
            (roles(&a).1, a.deadline.as_deref(), a.fields.len()),
            (vec!["省卫生健康委", "商务厅"], Some("2021年2月底前"), 1)
        );
        let a = r
            .find("加强调度（市发改委负责）。开展营商环境评价。做好统筹。")
            .unwrap();
        assert_eq!(roles(&a), (vec![], vec!["市发改委"], vec![]));
        let a = r
            .find("完善救助体系。（市民政局牵头，市财政局配合）做好低保提标工作。")
            .unwrap();
        assert_eq!(roles(&a), (vec!["市民政局"], vec![], vec!["市财政局"]));
        // A bracket that is no attribution, or one in a later sentence.
        for s in [
            "完善救助体系。（试行）做好低保提标工作。",
            "完善救助体系。做好低保提标工作。抓好落实。（市民政局负责）做好宣传。",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
    }

    /// Runs joined by 、 where ， would stand are cut after a verb only: 、
    /// inside one run's list keeps the run whole, and every piece must be a run.
    #[test]
    fn runs_joined_by_dunhao() {
        let r = rules();
        let found: [(&str, Roles); 4] = [
            (
                "推进应用。（州政务服务管理局牵头、州级各部门按职责分工负责）",
                (&["州政务服务管理局"], &["州级各部门"], &[]),
            ),
            (
                "推行告知承诺制。（州司法局牵头、州政务服务管理局配合）",
                (&["州司法局"], &[], &["州政务服务管理局"]),
            ),
            (
                "完善机制。（市委组织部、市人社局牵头、市财政局配合）",
                (&["市委组织部", "市人社局"], &[], &["市财政局"]),
            ),
            (
                "完善机制。（市发改委、市财政局牵头）",
                (&["市发改委", "市财政局"], &[], &[]),
            ),
        ];
        for (s, want) in found {
            let a = r.find(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(
                roles(&a),
                (want.0.to_vec(), want.1.to_vec(), want.2.to_vec()),
                "{s}"
            );
        }
        for s in [
            "完善机制。（州司法局牵头、州政务服务管理局）",
            "完善机制。（州司法局牵头、加强指导）",
            "形成合力。（政府负责、部门协同、社会参与）",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
    }

    /// Runs after 由 closing the last sentence (…，由X负责。), and 由 after a
    /// word naming the task (此项工作由X负责, （具体由X牵头，Y配合）).
    #[test]
    fn runs_closing_a_sentence_after_you() {
        let r = rules();
        type Roles = (Vec<&'static str>, Vec<&'static str>, Vec<&'static str>);
        let found: [(&str, Roles); 7] = [
            (
                "扩大有效投资。加快重大项目建设，建立重大项目库，由市发展改革委负责。",
                (vec![], vec!["市发展改革委"], vec![]),
            ),
            (
                "促进消费。开展促销活动，由市商务局牵头，市财政局配合。",
                (vec!["市商务局"], vec![], vec!["市财政局"]),
            ),
            (
                "宣传引导。此项工作由市委宣传部负责。",
                (vec![], vec!["市委宣传部"], vec![]),
            ),
            (
                "促进消费。开展促销活动（具体由市商务局牵头，市财政局配合）。",
                (vec!["市商务局"], vec![], vec!["市财政局"]),
            ),
            // A short name of the task ending in 工作 or 任务.
            (
                "提升农贸市场。改造提升工作由市贸易局牵头，市工商局、卫生局配合。",
                (vec!["市贸易局"], vec![], vec!["市工商局", "卫生局"]),
            ),
            (
                "组织实施。《规划》实施工作由市贸易局牵头，市工商局、卫生局配合。",
                (vec!["市贸易局"], vec![], vec!["市工商局", "卫生局"]),
            ),
            (
                "宣传引导。这项任务由市委宣传部负责。",
                (vec![], vec!["市委宣传部"], vec![]),
            ),
        ];
        for (s, want) in found {
            let a = r.find(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(roles(&a), want, "{s}");
        }
        // Runs followed by more text, a run that is no verb's, units
        // described, a middle sentence.
        for s in [
            "联合勘验。需要联合勘验的，由市审批局牵头，相关单位参与，并聘请专家参加。",
            "统筹资金。所需资金，由市财政局统筹安排，各县区配合落实。",
            "日常养护。古树名木的日常养护，由所在地的单位负责。",
            "项目建设。加快建设，由市发改委负责。抓好落实。",
            // A name too long or holding more than ideographs is a sentence.
            "宣传引导。全市各级各部门的宣传工作由市委宣传部负责。",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
    }

    /// Minutes record decisions after a preface (会议确定，…): the runs after
    /// it are an attribution, one run as after 由.
    #[test]
    fn runs_after_a_preface() {
        let r = rules();
        let a = r
            .find("会议确定，市财政局、发改委负责，各区政府配合，多渠道筹措资金。")
            .unwrap();
        assert_eq!(a.units.len(), 3, "{:?}", a.units);
        assert!(r.find("会议确定，市财政局负责，做好资金保障。").is_some());
        // Without a run after it the preface is prose.
        assert!(r.find("会议确定，加快推进城市供热改造。").is_none());
        // Closing an item, after the sentences that report it.
        let a = r
            .find("关于棚户区改造工作。会议听取了市住建局的汇报。会议确定，市住建局负责，区政府、市国土资源局配合，加快推进项目建设。")
            .unwrap();
        assert_eq!(a.units.len(), 3);
        assert!(r
            .find("关于棚户区改造工作。会议听取了汇报。会议确定，加快推进项目建设。")
            .is_none());
        // The preface run into 由 (会议同意由X牵头，…), closing the item.
        let a = r
            .find("研究停车设施建设有关事宜。会议同意由市城管执法局牵头，市自然资源局、住建局配合，加快编制停车设施专项规划。")
            .unwrap();
        assert_eq!(a.units.len(), 3, "{:?}", a.units);
        assert_eq!(a.units[0], (Role::Lead, "市城管执法局".to_owned()));
    }

    #[test]
    fn mentions_are_not_attributions() {
        let r = rules();
        for s in [
            "各县区要加强与市发改委对接，做好衔接。",
            "全市规划基本思路，由市发改委牵头组织开展前期研究工作，各县区结合实际。",
            "《规划纲要》由市发改委组织编制。",
            "按照规定执行(试行)。",
            "统筹推进（2021—2023年）。",
            "市财政局负责，做好资金保障。",
            "各地要切实负责。",
            // A subject before 由: a rule's sentence, not a unit.
            "城市道路的养护维修由市政工程管理部门负责。",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
        // 自由 is a word of a name.
        let a = r
            .find("建设口岸设施。（中国（宁夏）自由贸易试验区管委会负责）")
            .unwrap();
        assert_eq!(a.units.len(), 1, "{:?}", a.units);
    }

    #[test]
    fn lead_rule_sentence() {
        let r = rules();
        assert!(r.states_lead_rule("排在第一位的部门为牵头部门，下同"));
        assert!(r.states_lead_rule("列第一位者为牵头单位"));
        assert!(!r.states_lead_rule("排在第一位的是工业"));
        assert!(r.states_lead_rule("涉及多个单位的，第一个单位为牵头单位。"));
        assert!(!r.states_lead_rule("排名不分先后，不以第一个单位为牵头单位。"));
        assert!(r.states_lead_rule(
            "第一个单位为牵头单位。以上分工不代表全部职责，对不作为的严肃问责。"
        ));
        let a = r
            .find("加强监管。（市场监管局、公安局负责，排在第一位的为牵头单位，下同）")
            .unwrap();
        assert!(a.states_rule);
        // The rule's sentence gives the rest a role: no units, no task; a
        // bracket that states it beside units keeps them.
        for t in [
            "各项任务中列第一位的单位为牵头单位，其他单位按职责分工负责",
            "列第一位的为牵头单位，其余部门配合",
        ] {
            assert!(r.whole(t).is_none(), "{t}");
        }
        let a = r
            .whole("市场监管局、公安局负责，排在第一位的为牵头单位")
            .unwrap();
        assert_eq!(a.units.len(), 2);
    }

    /// A labelled deadline's value goes on after a comma with a phrase
    /// naming when; a run after the comma is a run of its own.
    #[test]
    fn labelled_deadline_over_a_comma() {
        let r = rules();
        let a = r
            .whole("市安委办牵头，各成员单位负责；完成时限：2021年12月底前完成集中攻坚，2022年巩固提升")
            .unwrap();
        let value = "2021年12月底前完成集中攻坚，2022年巩固提升";
        assert_eq!(a.fields, vec![("完成时限".to_owned(), value.to_owned())]);
        assert_eq!(a.deadline.as_deref(), Some(value));
        let a = r.whole("完成时限：2021年6月底前，市应急局负责").unwrap();
        assert_eq!(a.deadline.as_deref(), Some("2021年6月底前"));
        assert_eq!(roles(&a).1, vec!["市应急局"]);
        // Not after a semicolon: a second phrase there is no value's (and,
        // the first period named being the task's, passed over).
        let a = r
            .whole("市应急局负责；完成时限：2021年6月底前；2022年巩固提升")
            .unwrap();
        assert_eq!(a.deadline.as_deref(), Some("2021年6月底前"));
        assert_eq!(
            a.fields,
            vec![("完成时限".to_owned(), "2021年6月底前".to_owned())]
        );
    }

    /// One run opening a sentence is an attribution when it joins units
    /// under a second role (会同); a run naming one role alone is not.
    #[test]
    fn one_joining_run_opens_a_sentence() {
        let r = rules();
        let a = r
            .opening("市司法局会同市委编办、市财政局负责，吸收法学专家参与")
            .unwrap();
        assert_eq!(
            roles(&a),
            (vec![], vec!["市司法局"], vec!["市委编办", "市财政局"])
        );
        assert_eq!(r.opening("市财政局负责，做好资金保障"), None);
        assert_eq!(r.opening("市公安局配合，做好交通疏导"), None);
    }

    /// A period and its term are a deadline; how often a thing is done is
    /// not (由X牵头，Y配合，每季度开展一次联合执法行动).
    #[test]
    fn deadline_phrases_and_frequencies() {
        let r = rules();
        for t in [
            "每季度",
            "每月10日前",
            "每年12月底前",
            "2021年6月底前",
            "长期坚持",
        ] {
            assert!(r.is_deadline_phrase(t), "{t}");
        }
        for t in [
            "每季度开展一次联合执法行动",
            "每年组织一次供需对接",
            "每月通报一次",
        ] {
            assert!(!r.is_deadline_phrase(t), "{t}");
        }
        for t in ["每年12月底前完成", "每季度末前完成核查"] {
            assert!(r.is_deadline_phrase(t), "{t}");
        }
        let a = r.whole("市城管执法局负责，每月通报一次").unwrap();
        assert!(a.deadline.is_none() && a.units.len() == 1);
        // (Nor the year the work's object names: the task stays, with no
        // deadline.)
        let a = r.whole("市考评办负责，组织2021年度考核结果运用").unwrap();
        assert!(a.deadline.is_none() && a.units.len() == 1);
        let a = r
            .whole("由市城管执法局牵头，市公安局、交通运输局配合，每季度开展一次联合执法行动")
            .or_else(|| {
                r.find("由市城管执法局牵头，市公安局、交通运输局配合，每季度开展一次联合执法行动。")
            });
        assert!(a.is_none_or(|a| a.deadline.is_none()));
    }

    /// A period opening a phrase and the work done by then after it is a
    /// deadline however long its object; a year naming the work's object
    /// (2004年度目标考核) is none, whatever the length.
    #[test]
    fn deadline_phrases_by_their_grammar() {
        let r = rules();
        for t in [
            "2022年11月底前完成全部村庄生活污水处理设施建设",
            "2023年6月30日前完成全市老旧小区雨污分流改造工程建设任务",
            "2021年度内完成",
            "2021年度",
            "2005年6月",
        ] {
            assert!(r.is_deadline_phrase(t), "{t}");
        }
        for t in [
            "开展2004年度安全生产目标考核",
            "组织签订2005年度安全生产目标责任书",
            "编制2023年度重点项目投资计划",
            // (Long, and no period opens it, or no work done by it.)
            "确保全市村庄生活污水处理设施在2022年11月底前全部建成",
            "2023年6月完成招标，汛期前完工，同步开展沿街立面整治和绿化补植工作",
            "2022年11月底前全市村庄生活污水处理设施全部建成投入使用",
        ] {
            assert!(!r.is_deadline_phrase(t), "{t}");
        }
        let a = r
            .whole("由市安监局牵头，市监察局配合，开展2004年度安全生产目标考核")
            .or_else(|| r.find("由市安监局牵头，市监察局配合，开展2004年度安全生产目标考核。"));
        assert!(a.is_some_and(|a| a.deadline.is_none() && a.units.len() == 2));
        let a = r
            .whole("市生态环境局牵头，市水利局配合，2022年11月底前完成全部村庄生活污水处理设施建设")
            .unwrap();
        assert_eq!(
            a.deadline.as_deref(),
            Some("2022年11月底前完成全部村庄生活污水处理设施建设")
        );
    }

    /// The deadline of a sentence opened by runs, named after the work: the
    /// first part a period opens, with what follows it right after; a year
    /// naming the work's object, how often it is done and a year the work
    /// starts from are none.
    #[test]
    fn deadline_after_the_work() {
        let r = rules();
        let due = |s: &str| r.opening(s).and_then(|a| a.deadline);
        for (s, want) in [
            (
                "由市水利局牵头，市生态环境局配合，建立巡查制度，2020年8月底前完成",
                "2020年8月底前完成",
            ),
            (
                "由市水利局负责，全面开展整治，2020年10月底前完成",
                "2020年10月底前完成",
            ),
            (
                "由县卫生健康局负责，开展排查，于2021年7月底前完成",
                "于2021年7月底前完成",
            ),
            (
                "由县生态环境局牵头，各乡镇配合，编制方案，2021年6月底前完成初步设计，年底前开工",
                "2021年6月底前完成初步设计，年底前开工",
            ),
        ] {
            assert_eq!(due(s).as_deref(), Some(want), "{s}");
        }
        for s in [
            "由市水利局牵头，市财政局配合，开展2021年度考核，每季度通报一次",
            "由市水利局负责，在2019年基础上，治理面积提高10%",
            "由市水利局负责，建立管护制度，2020年新增治理面积10万亩",
            "由市水利局负责，整治河道，2019年以来已建成工程一律纳入管护",
        ] {
            assert_eq!(due(s), None, "{s}");
        }
    }

    /// A deadline in a bracket goes on over a comma with the deadline
    /// phrases after it (the first period named is the due date); a
    /// bracket of a date and no units is no task.
    #[test]
    fn bracket_deadline_of_two_parts() {
        let r = rules();
        for (s, want, n) in [
            (
                "（市水利局牵头，市财政局配合，2020年6月底前完成初步设计，年底前开工）",
                "2020年6月底前完成初步设计，年底前开工",
                2,
            ),
            (
                "（市水利局负责，2020年起，长期坚持）",
                "2020年起，长期坚持",
                1,
            ),
            ("（市水利局负责，即日起，长期坚持）", "即日起，长期坚持", 1),
            (
                "（市水利局负责，2020年底前启动，2021年6月底前完成）",
                "2020年底前启动，2021年6月底前完成",
                1,
            ),
            (
                "（市水利局牵头，2020年9月底前完成，长期坚持）",
                "2020年9月底前完成，长期坚持",
                1,
            ),
        ] {
            let a = r.find(&format!("加强治理。{s}")).unwrap();
            assert_eq!(a.deadline.as_deref(), Some(want), "{s}");
            assert_eq!(a.units.len(), n, "{s}");
        }
        for s in ["（2020年起，长期坚持）", "（市发改委、财政局等部门）"] {
            assert_eq!(r.find(&format!("加强治理。{s}")), None, "{s}");
        }
        // A deadline phrase after ； and a run goes on with no deadline read
        // before it: the deadline stays as written.
        let a = r
            .find("加强治理。（市水利局负责，2020年底前完成；市财政局配合，2021年6月底前）")
            .unwrap();
        assert_eq!(a.deadline.as_deref(), Some("2020年底前完成"));
        assert_eq!(a.units.len(), 2);
    }

    /// 落实 after units names who carries the work out, as 负责落实 does.
    #[test]
    fn luoshi_after_units_is_responsible() {
        let r = rules();
        for s in [
            "（市水利局牵头，各旗县区人民政府落实）",
            "（市水利局牵头，各旗县区人民政府负责落实）",
        ] {
            let a = r.find(&format!("加强治理。{s}")).unwrap();
            assert_eq!(
                roles(&a),
                (vec!["市水利局"], vec!["各旗县区人民政府"], vec![]),
                "{s}"
            );
        }
        // Beside a run of 负责 too; alone it closes no run, as an object
        // does (objects_after_fuze).
        let a = r.find("加强治理。（市水利局负责，各旗县区落实）").unwrap();
        assert_eq!(roles(&a), (vec![], vec!["市水利局", "各旗县区"], vec![]));
        // (A sentence holding 落实 after words that name no unit is none.)
        for s in [
            "加强治理。（各旗县区人民政府落实）",
            "抓好落实。各县区要狠抓落实，确保各项措施落实到位。",
            "加强监督。（市政府督查室督促落实）",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
        // A verb opening the run names its object, no unit: the units it
        // urges or guides are none of the roles.
        for s in [
            "（县农业农村局牵头，督促各乡镇落实）",
            "（县农业农村局牵头，指导各乡镇落实）",
        ] {
            let a = r.find(&format!("加强治理。{s}"));
            assert!(
                a.iter()
                    .flat_map(|a| &a.units)
                    .all(|(_, u)| u.ends_with("农业农村局")),
                "{s}: {a:?}"
            );
        }
    }

    /// Units by role, implementing included, for the runs of `s`.
    fn all_roles(a: &Attribution) -> Vec<(Role, &str)> {
        a.units.iter().map(|(r, u)| (*r, u.as_str())).collect()
    }

    /// 会同 opening a run after another: its units participate, with a
    /// verb closing them or none (the work or its deadline after them).
    #[test]
    fn huitong_after_a_run_participates() {
        let r = rules();
        let a = r
            .find("推进改造。（市生态环境局牵头，会同市工信局、能源局负责）")
            .unwrap();
        assert_eq!(
            roles(&a),
            (vec!["市生态环境局"], vec![], vec!["市工信局", "能源局"])
        );
        let a = r
            .find("由市工信局牵头，会同市生态环境局、市市场监管局，2021年10月底前完成分类整治。")
            .unwrap();
        assert_eq!(
            roles(&a),
            (
                vec!["市工信局"],
                vec![],
                vec!["市生态环境局", "市市场监管局"]
            )
        );
        assert_eq!(a.deadline.as_deref(), Some("2021年10月底前完成分类整治"));
        // (Alone, or before words that name no unit, it is none.)
        for s in [
            "加强检查。（会同市公安局负责）",
            "加强检查。（市公安局牵头，会同有关部门开展联合检查）",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
    }

    /// A closing run of a verb other than the plain one: 负总责, a word of
    /// manner before the verb (积极配合, 根据职责分工负责), 具体实施 or
    /// 组织实施 (implementing), 抓好落实 (responsible); 牵头组织 leads.
    #[test]
    fn modified_verbs_keep_the_bracket() {
        use Role::{Implementing as I, Lead as L, Participating as P, Responsible as R};
        let r = rules();
        for (s, want) in [
            (
                "（县住建局牵头，县能源局、财政局配合，各乡镇人民政府具体实施）",
                vec![
                    (L, "县住建局"),
                    (P, "县能源局"),
                    (P, "财政局"),
                    (I, "各乡镇人民政府"),
                ],
            ),
            (
                "（市环保局牵头，各街道办事处组织实施）",
                vec![(L, "市环保局"), (I, "各街道办事处")],
            ),
            (
                "（市建设局负责，市热力公司具体实施）",
                vec![(R, "市建设局"), (I, "市热力公司")],
            ),
            (
                "（县市场监管局牵头，各乡镇人民政府抓好落实）",
                vec![(L, "县市场监管局"), (R, "各乡镇人民政府")],
            ),
            (
                "（州委组织部牵头，州民政局、财政局积极配合）",
                vec![(L, "州委组织部"), (P, "州民政局"), (P, "财政局")],
            ),
            (
                "（州委政法委负总责，州公安局、边境管理支队协调配合）",
                vec![(R, "州委政法委"), (P, "州公安局"), (P, "边境管理支队")],
            ),
            (
                "（州委组织部、州人社局根据职责分工负责）",
                vec![(R, "州委组织部"), (R, "州人社局")],
            ),
            (
                "（市民政局负总责，市财政局具体负责）",
                vec![(R, "市民政局"), (R, "市财政局")],
            ),
            (
                "（市卫健委依职责负责，市医保局做好配合）",
                vec![(R, "市卫健委"), (P, "市医保局")],
            ),
            (
                "（市商务局牵头组织，市财政局支持配合）",
                vec![(L, "市商务局"), (P, "市财政局")],
            ),
            ("（市文旅局牵头实施）", vec![(L, "市文旅局")]),
        ] {
            let a = r.find(&format!("加强管理。{s}")).unwrap();
            assert_eq!(all_roles(&a), want, "{s}");
        }
        // Units that carry the work out, alone, and units merely named,
        // are none.
        for s in [
            "加强管理。（市热力公司具体实施）",
            "加强管理。（各县区组织实施）",
            "加强管理。（市发改委、财政局等部门）",
            "加强管理。（由市财政局拨付）",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
    }

    /// A unit said to be a role's name (X为牵头单位, 以X为牵头单位) takes
    /// that role; the lead rule, which says so of the first unit named, names
    /// no unit.
    #[test]
    fn unit_named_for_its_role() {
        let r = rules();
        let a = r
            .find("整治背街小巷。（市城市管理局为牵头单位，市公安局、交通运输局为配合单位）")
            .unwrap();
        assert_eq!(
            roles(&a),
            (vec!["市城市管理局"], vec![], vec!["市公安局", "交通运输局"])
        );
        let a = r.find("规范市场秩序。（市市场监管局为责任单位）").unwrap();
        assert_eq!(roles(&a), (vec![], vec!["市市场监管局"], vec![]));
        let a = r.find("做好宣传。（以市委宣传部为牵头单位）").unwrap();
        assert_eq!(roles(&a), (vec!["市委宣传部"], vec![], vec![]));
        for s in [
            "各项任务中排在第一位的部门为牵头部门，其他部门为配合部门。",
            "列第一位的单位为牵头单位，其余单位为配合单位。",
        ] {
            assert_eq!(r.find(s), None, "{s}");
        }
    }

    /// A short word quoted inside a unit's name is part of it; a quoted
    /// phrase closing the item, or a quote left open, is no name's.
    #[test]
    fn quoted_words_inside_unit_names() {
        let r = rules();
        for u in [
            "市“12345”便民服务平台",
            "市委“两新”工委",
            "\"放管服\"改革办公室",
            "市“双随机、一公开”监管工作联席会议成员单位",
        ] {
            assert!(r.is_unit(u), "{u}");
        }
        for u in [
            "落实“谁主管谁负责”",
            "市“12345便民服务平台",
            "市“”服务中心",
            "市“双随机、”服务中心",
            "市“、一公开”服务中心",
        ] {
            assert!(!r.is_unit(u), "{u}");
        }
        // The 、 inside the quotation marks parts no list.
        let a = r
            .find("开展联合抽查。（市市场监管局牵头，市“双随机、一公开”监管工作联席会议成员单位配合）")
            .unwrap();
        assert_eq!(
            roles(&a),
            (
                vec!["市市场监管局"],
                vec![],
                vec!["市“双随机、一公开”监管工作联席会议成员单位"]
            )
        );
        let a = r
            .find("畅通诉求渠道。（市工信局、市“12345”便民服务平台负责）")
            .unwrap();
        assert_eq!(
            roles(&a),
            (vec![], vec!["市工信局", "市“12345”便民服务平台"], vec![])
        );
    }

    /// A unit word a wrap cut (人 / 民政府, 管 / 委会) runs across the
    /// cut; a whole word after the cut (各地 / 民政府: 政府) does not.
    #[test]
    fn unit_word_across_a_cut() {
        let r = rules();
        for (head, tail) in [
            ("各县（市）人", "民政府"),
            ("各镇人", "民政府及有关单位"),
            ("碧江经济开发区管", "委会、市财政局"),
            ("各街道办", "事处"),
            ("各县（市）人民", "政府"),
        ] {
            assert!(r.unit_word_across(head, tail), "{head} / {tail}");
        }
        for (head, tail) in [
            ("各地", "民政府"),
            ("各县", "人民政府"),
            ("市财政局", "局长"),
            ("各镇人", ""),
        ] {
            assert!(!r.unit_word_across(head, tail), "{head} / {tail}");
        }
    }

    /// The lead rule in a clause's text governs an attribution before it
    /// only when it is stated in the same sentence.
    #[test]
    fn lead_rule_stated_after_the_attribution() {
        let r = rules();
        assert!(r.states_rule_after(
            "健全村规民约。（市民政局、市司法局负责）\n各项任务列第一位的为牵头单位。"
        ));
        for t in [
            "各项任务列第一位的为牵头单位。\n健全村规民约。（市民政局、市司法局负责）",
            "健全村规民约。（市民政局、市司法局负责，排在第一位的为牵头单位）",
            "健全村规民约。（市民政局、市司法局负责）",
        ] {
            assert!(!r.states_rule_after(t), "{t}");
        }
    }

    #[test]
    fn a_level_alone_under_a_each_is_a_unit() {
        let r = rules();
        let a = r.whole("区工信局牵头，区发改局、各街道、镇配合").unwrap();
        assert_eq!(roles(&a).2, ["区发改局", "各街道", "镇"]);
        let a = r.whole("各乡、镇负责").unwrap();
        assert_eq!(roles(&a).1, ["各乡", "镇"]);
        // No 各 before it, no unit word after it: no unit.
        assert_eq!(r.whole("区发改局、镇配合"), None);
    }

    #[test]
    fn table_errors_name_the_line() {
        assert_eq!(
            AttributionRules::parse("verb\t负责\tresponsible\nverbx\t配合").unwrap_err(),
            "line 2: unknown class `verbx`"
        );
        assert!(AttributionRules::parse("verb\t负责\tboss").is_err());
    }

    /// The task named before 由 lists no units, however its words are
    /// joined by 、: the runs are read from 由 on.
    #[test]
    fn the_task_before_you_names_no_units() {
        let r = rules();
        let s = "支持甲县、乙县建设粮食烘干中心，由县农业农村局牵头，县财政局、甲县政府参与";
        assert_eq!(r.whole(s), None);
        let a = r.find(&format!("发展烘干能力。{s}。")).unwrap();
        assert_eq!(
            roles(&a),
            (vec!["县农业农村局"], vec![], vec!["县财政局", "甲县政府"])
        );
        // Units listed before a run without 由 still take its role.
        let a = r.whole("各市人民政府，省发展改革委按职责分工负责").unwrap();
        assert_eq!(
            roles(&a),
            (vec![], vec!["各市人民政府", "省发展改革委"], vec![])
        );
    }

    /// A remark on the list after a full stop inside the bracket (the lead
    /// rule, 下同) is parted from the runs as a comma parts it.
    #[test]
    fn a_remark_after_a_full_stop_in_a_bracket() {
        let r = rules();
        for inner in [
            "县住建局、县水利局负责。列第一位者为牵头单位,下同",
            "县住建局、县水利局负责。列第一位者为牵头单位。下同",
            "县住建局、县水利局负责，列第一位者为牵头单位，下同",
        ] {
            let a = r.whole(inner).unwrap();
            assert!(a.states_rule, "{inner}");
            assert_eq!(
                roles(&a),
                (vec![], vec!["县住建局", "县水利局"], vec![]),
                "{inner}"
            );
        }
        // Any other sentence after the stop is no remark: no attribution.
        assert_eq!(r.whole("县住建局负责。各乡镇要加强巡查"), None);
        assert_eq!(
            r.remark_apart("县住建局负责。下同"),
            ["县住建局负责", "下同"]
        );
        assert_eq!(r.remark_apart("县住建局负责"), ["县住建局负责", ""]);
    }

    /// A short name of the work before 由, then a lead and the units that
    /// assist it: an attribution; a lead alone, a time word or an action
    /// before 由 is none.
    #[test]
    fn runs_after_a_short_name_of_the_work() {
        let r = rules();
        let a = r
            .named_opening("系列活动由市委宣传部牵头，市文化广电旅游局、柯城区人民政府配合，具体活动方案另行报批")
            .unwrap();
        assert_eq!(
            roles(&a),
            (
                vec!["市委宣传部"],
                vec![],
                vec!["市文化广电旅游局", "柯城区人民政府"]
            )
        );
        assert_eq!(
            r.named_opening("系列活动由市委宣传部牵头，具体活动方案另行报批"),
            None
        );
        assert_eq!(
            r.named_opening("此前活动由市委宣传部牵头，市文化局配合"),
            None
        );
        assert_eq!(
            r.named_opening("加强宣传由市委宣传部牵头，市文化局配合"),
            None
        );
        // Units joined by 会同 after the name: the same pair.
        let a = r
            .named_opening("上述补助资金由县财政局会同县教育局、人社局负责落实")
            .unwrap();
        assert_eq!(
            roles(&a),
            (vec![], vec!["县财政局"], vec!["县教育局", "人社局"])
        );
        // A unit doing an ordinary verb's action is no run.
        assert_eq!(
            r.named_opening("抽检工作由市卫生局每月对全市餐饮单位抽检一次"),
            None
        );
        // The regulation's sentences state duties; only its brackets name tasks.
        assert_eq!(
            r.find_in_regulation("港口水域的垃圾，由港口、码头经营人负责；"),
            None
        );
        assert_eq!(
            r.find_in_regulation("旅游景区水域的垃圾，由景区经营管理单位负责；"),
            None
        );
        assert!(r
            .find_in_regulation("做好清理工作。（市海洋与渔业局负责）")
            .is_some());
    }
}
