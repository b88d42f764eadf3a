//! The unit gazetteer: `grammar/units.tsv` read once and compiled into lookups that tell, for a
//! unit name, whether it is written with a level prefix (市教体局), names its own level or place
//! (各县区, 团市委, 石嘴山海关, 大武口区人民政府) or is bare (财政局). [`super::units`] uses the
//! answer to expand the shorthand of unit lists.
//!
//! The words a name may contain anywhere (places, self infixes, named sites, level prefixes,
//! and the `not_level` words that only look like one) are found by one Aho–Corasick automaton
//! in one pass over the name's bytes; prefixes, suffixes and whole names are looked up in maps
//! keyed by byte length (`Affixes`). Built once with the lexicon and shared by every worker, so
//! classifying a name no longer compares it with each of the ~300 words in turn.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use foldhash::fast::FixedState;

/// The grammar's words are a few bytes long and not chosen by an adversary:
/// a fast, fixed hash (SipHash costs more than the lookups it serves). The
/// memo's keys come from the input, so it takes only short names and a
/// bounded number of them ([`MEMO_NAME_BYTES`], [`MEMO_NAMES`]).
type Map<K, V> = HashMap<K, V, FixedState>;
type Set<K> = HashSet<K, FixedState>;

/// One administrative level whose units are written with a prefix: 市 (government) and 市委
/// (party committee).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Level {
    pub gov: String,
    pub party: String,
    /// A unit of this level sets the whole context only opening a list
    /// (自治区: a region's lists open with its units). Inside a list already
    /// in another level's context (a city's, 市水务局、自治区林草局石嘴山分局、
    /// 财政局) only the bare units ending in one of `inside` (厅: 自治区人社厅、
    /// 财政厅) and party departments take its prefixes; the others stay as
    /// written, as after a unit naming its own level.
    pub opening_only: bool,
    pub inside: Vec<String>,
}

/// A line of `units.tsv` that could not be read: its 1-based number and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for BadLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The word lists of `units.tsv` as written (see that file for what each kind means).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Lists {
    levels: Vec<Level>,
    not_level: Vec<String>,
    party_depts: Vec<String>,
    either_depts: Vec<String>,
    self_prefixes: Vec<String>,
    self_infixes: Vec<String>,
    named_sites: Vec<String>,
    site_modifiers: Vec<String>,
    places: Vec<String>,
    word_places: Vec<String>,
    self_suffixes: Vec<String>,
    place_suffixes: Vec<String>,
    place_bodies: Vec<String>,
    area_suffixes: Vec<String>,
    remark_suffixes: Vec<String>,
}

impl Lists {
    /// `kind<TAB>value[<TAB>value2]` per line; `#` comments and blank lines ignored.
    fn parse(text: &str) -> Result<Lists, BadLine> {
        let mut lists = Lists::default();
        for (n, line) in text.lines().enumerate() {
            let bad = |message: String| BadLine {
                line: n + 1,
                message,
            };
            let line = match line.find(" #").or_else(|| line.find("\t#")) {
                Some(i) => line.get(..i).unwrap_or(line),
                None => line,
            };
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line
                .split('\t')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect();
            let (kind, values) = match fields.split_first() {
                Some((kind, values)) if !values.is_empty() => (*kind, values),
                _ => return Err(bad(format!("expected `kind<TAB>value`, found {line:?}"))),
            };
            let one = |list: &mut Vec<String>| match values {
                [v] => {
                    list.push(v.to_string());
                    Ok(())
                }
                _ => Err(bad(format!(
                    "`{kind}` takes one value, found {}",
                    values.len()
                ))),
            };
            match kind {
                "level" => match values {
                    [gov, party] => lists.levels.push(Level {
                        gov: gov.to_string(),
                        party: party.to_string(),
                        opening_only: false,
                        inside: Vec::new(),
                    }),
                    [gov, party, "opening", inside @ ..] => lists.levels.push(Level {
                        gov: gov.to_string(),
                        party: party.to_string(),
                        opening_only: true,
                        inside: inside.iter().map(|e| e.to_string()).collect(),
                    }),
                    _ => return Err(bad("`level` takes a government and a party prefix".into())),
                },
                "not_level" => one(&mut lists.not_level)?,
                "party_dept" => one(&mut lists.party_depts)?,
                "either_dept" => one(&mut lists.either_depts)?,
                "self_prefix" => one(&mut lists.self_prefixes)?,
                "self_infix" => one(&mut lists.self_infixes)?,
                "named_site" => one(&mut lists.named_sites)?,
                "site_modifier" => one(&mut lists.site_modifiers)?,
                "place" => one(&mut lists.places)?,
                "word_place" => one(&mut lists.word_places)?,
                "self_suffix" => one(&mut lists.self_suffixes)?,
                "place_suffix" => one(&mut lists.place_suffixes)?,
                "place_body" => one(&mut lists.place_bodies)?,
                "area_suffix" => one(&mut lists.area_suffixes)?,
                "remark_suffix" => one(&mut lists.remark_suffixes)?,
                other => return Err(bad(format!("unknown kind `{other}`"))),
            }
        }
        Ok(lists)
    }
}

/// Words looked up at the start or the end of a name: a map from word to a value, and the
/// words' byte lengths, longest first, so a lookup costs one probe per distinct length.
#[derive(Debug, Clone)]
struct Affixes<V = ()> {
    lens: Vec<usize>,
    words: Map<Box<str>, V>,
    /// The words' last characters, sorted: a name ending in none of them ends in no word,
    /// which one search answers before any probe.
    lasts: Vec<char>,
}

impl<V> Affixes<V> {
    /// The first value given for a word wins (`level 市 市委` before a second `level 市 …`).
    fn new(entries: impl IntoIterator<Item = (String, V)>) -> Affixes<V> {
        let mut words = Map::default();
        for (w, v) in entries {
            words.entry(w.into_boxed_str()).or_insert(v);
        }
        let mut lens: Vec<usize> = words.keys().map(|w| w.len()).collect();
        lens.sort_unstable_by(|a, b| b.cmp(a));
        lens.dedup();
        let mut lasts: Vec<char> = words.keys().filter_map(|w| w.chars().next_back()).collect();
        lasts.sort_unstable();
        lasts.dedup();
        Affixes { lens, words, lasts }
    }

    /// The value of the longest word `s` starts with.
    fn longest_prefix(&self, s: &str) -> Option<&V> {
        self.lens
            .iter()
            .find_map(|&n| s.get(..n).and_then(|p| self.words.get(p)))
    }

    /// The byte lengths of the words `s` ends with, longest first.
    fn suffix_lens<'a>(&'a self, s: &'a str) -> impl Iterator<Item = usize> + 'a {
        let last = s.chars().next_back();
        let may_end = last.is_some_and(|c| self.lasts.binary_search(&c).is_ok());
        let lens = if may_end { &self.lens[..] } else { &[] };
        lens.iter().copied().filter(move |&n| {
            s.len()
                .checked_sub(n)
                .and_then(|i| s.get(i..))
                .is_some_and(|t| self.words.contains_key(t))
        })
    }

    fn is_suffix_of(&self, s: &str) -> bool {
        self.suffix_lens(s).next().is_some()
    }
}

impl Affixes<()> {
    fn set(words: &[String]) -> Affixes<()> {
        Affixes::new(words.iter().map(|w| (w.clone(), ())))
    }
}

/// The kinds of word looked for anywhere in a name, as bits: one word may be of several.
const NOT_LEVEL: u8 = 1;
const LEVEL: u8 = 2;
const OWN: u8 = 4;
/// A site's word (林场, 高速), counted only after a name of its own
/// ([`SITE_NAME_CHARS`] characters or more: 塞罕坝机械林场, not 林场管理站).
const SITE: u8 = 8;

/// The characters a site's own name takes at the least before its word.
const SITE_NAME_CHARS: usize = 2;

/// The words a name may contain anywhere, in one automaton: one pass over a name finds them
/// all (overlapping), and each match says which kinds its word is of.
#[derive(Debug, Clone)]
struct Anywhere {
    automaton: AhoCorasick,
    /// Kind bits by pattern.
    kinds: Vec<u8>,
    /// Words that, all before a site's word, name no site (国有林场, 中小水库).
    site_modifiers: Vec<String>,
}

impl Anywhere {
    fn new(lists: &Lists) -> Anywhere {
        let mut kinds: std::collections::BTreeMap<&str, u8> = Default::default();
        let words = (lists.not_level.iter().map(|w| (w, NOT_LEVEL)))
            .chain(lists.levels.iter().map(|l| (&l.gov, LEVEL)))
            .chain(lists.places.iter().map(|w| (w, OWN)))
            .chain(lists.self_infixes.iter().map(|w| (w, OWN)))
            .chain(lists.named_sites.iter().map(|w| (w, SITE)));
        for (w, kind) in words {
            *kinds.entry(w.as_str()).or_default() |= kind;
        }
        let patterns: Vec<&str> = kinds.keys().copied().collect();
        // A contiguous NFA: it searches as fast here as a DFA (0.1 % of a
        // run apart) and builds in a fraction of the time, which every
        // process pays at start (a DFA took 6.7 M instructions, more than a
        // third of `extract -` on one notice; this takes 1.5 M).
        // Only too large a set of words fails to build as one; the default
        // kind takes any size.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .or_else(|_| AhoCorasick::builder().build(&patterns))
            .unwrap_or_else(|e| panic!("unit gazetteer: {e}"));
        Anywhere {
            automaton,
            kinds: kinds.into_values().collect(),
            site_modifiers: lists.site_modifiers.clone(),
        }
    }

    /// The kinds of the words found in `name`, or-ed; a site's word only
    /// after a name of its own.
    fn kinds_in(&self, name: &str) -> u8 {
        self.automaton.find_overlapping_iter(name).fold(0, |k, m| {
            let mut kind = self.kinds[m.pattern().as_usize()];
            let before = &name[..m.start()];
            if kind & SITE != 0
                && (crate::text::chars_at_most(before, SITE_NAME_CHARS - 1)
                    || self.site_modifiers.iter().any(|w| w == before))
            {
                kind &= !SITE;
            }
            k | kind
        })
    }
}

/// How a unit name relates to the level context of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class<'g> {
    /// Written with a level prefix (市教体局): kept, and the level becomes the context.
    Levelled(&'g Level),
    /// Names its own level or place (各县区, 团市委, 石嘴山海关): kept, context cleared.
    OwnLevel,
    /// A branch named by its own word and no level or place (自然资源规划分局,
    /// 某中心支行): kept, and the list's context holds on past it
    /// (县住建局、自然资源规划分局、司法局 → 县司法局).
    SelfNamed,
    /// Needs the context's prefix (财政局, 组织部).
    Bare,
}

/// `grammar/units.tsv`, compiled.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    lists: Lists,
    /// Level (its index in the lists) by government or party prefix, longest first.
    levels: Affixes<usize>,
    /// Words that only start like a level (市场监管局), level prefixes (团市委 names its own
    /// level), places and self infixes (a name containing one is kept as written).
    anywhere: Anywhere,
    self_prefixes: Affixes,
    self_suffixes: Affixes,
    place_suffixes: Affixes,
    place_bodies: Affixes,
    area_suffixes: Affixes,
    remark_suffixes: Affixes,
    party_depts: Set<String>,
    /// Which compiled gazetteer this is, for the per-thread memo of
    /// classifications ([`Memo`]); a clone keeps it (same lists).
    id: usize,
}

/// The self words that name a branch (自然资源规划分局, 人民银行某中心支行).
const BRANCHES: [&str; 4] = ["分局", "支行", "分行", "分理处"];

/// Gazetteers compiled so far in this process: each takes the next number.
static COMPILED: AtomicUsize = AtomicUsize::new(0);

/// A classification as the memo keeps it: a level by its index in the lists
/// (the first listed, when two share a government prefix).
#[derive(Debug, Clone, Copy)]
enum Memoed {
    Levelled(usize),
    OwnLevel,
    SelfNamed,
    Bare,
}

/// Classifications already made on this thread, by name. Unit names repeat
/// across the tasks of a yearbook (one file of the sample classifies 1 023
/// names, 175 of them distinct), and each first classification reads the
/// name through the automaton and four maps. Kept per thread so workers never
/// wait on each other; cleared when another gazetteer asks or when full.
#[derive(Default)]
struct Memo {
    gazetteer: usize,
    classes: Map<Box<str>, Memoed>,
}

/// Names a memo holds before it starts again.
const MEMO_NAMES: usize = 4096;

/// The longest name the memo keeps (a unit name is a few ideographs; a
/// longer one is classified afresh each time, never copied).
const MEMO_NAME_BYTES: usize = 64;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

impl PartialEq for Gazetteer {
    /// Two gazetteers are equal when read from the same lists.
    fn eq(&self, other: &Gazetteer) -> bool {
        self.lists == other.lists
    }
}

impl Eq for Gazetteer {}

impl Gazetteer {
    /// Reads and compiles a table in the `units.tsv` format. An error names the 1-based line.
    pub fn parse(text: &str) -> Result<Gazetteer, BadLine> {
        Ok(Gazetteer::compile(Lists::parse(text)?))
    }

    fn compile(lists: Lists) -> Gazetteer {
        Gazetteer {
            // By the party prefix too: 地委宣传部 is of the level 地区 (市委…
            // starts with 市 already).
            // (Government prefixes first: a level listed by its party
            // prefix keeps it.)
            levels: Affixes::new(
                (lists.levels.iter().enumerate())
                    .map(|(k, l)| (l.gov.clone(), k))
                    .chain(
                        lists
                            .levels
                            .iter()
                            .enumerate()
                            .map(|(k, l)| (l.party.clone(), k)),
                    ),
            ),
            anywhere: Anywhere::new(&lists),
            self_prefixes: Affixes::set(&lists.self_prefixes),
            self_suffixes: Affixes::set(&lists.self_suffixes),
            place_suffixes: Affixes::set(&lists.place_suffixes),
            place_bodies: Affixes::set(&lists.place_bodies),
            area_suffixes: Affixes::set(&lists.area_suffixes),
            remark_suffixes: Affixes::set(&lists.remark_suffixes),
            party_depts: lists.party_depts.iter().cloned().collect(),
            lists,
            // Numbered from 1: 0 is the empty memo's.
            id: COMPILED.fetch_add(1, Ordering::Relaxed) + 1,
        }
    }

    /// The levels, in the order listed.
    pub fn levels(&self) -> &[Level] {
        &self.lists.levels
    }

    /// `name` with every `not_level` word blanked out (in the order listed), so 市场监管局
    /// shows no 市 prefix.
    /// A word ending in a level's prefix (城市, 超市) right after the name's
    /// first character is a two-character place and its level, not the
    /// word: 塔城市人民政府, 盐城市住建局 keep their 市.
    fn masked(&self, name: &str) -> String {
        let mut masked = name.to_string();
        for word in &self.lists.not_level {
            if !masked.contains(word.as_str()) {
                continue;
            }
            let city = self.opening_city(&masked, word);
            masked = [
                &masked[..city],
                &masked[city..].replace(word.as_str(), "\u{25A1}"),
            ]
            .concat();
        }
        masked
    }

    /// Where masking `word` in `name` may start: past a place of two
    /// characters closed by `word`'s level prefix (塔城市 of 塔城市人民政府),
    /// else at the name's start.
    fn opening_city(&self, name: &str, word: &str) -> usize {
        let Some(first) = name.chars().next().filter(|&c| crate::text::is_han(c)) else {
            return 0;
        };
        let ends_in_level = self
            .lists
            .levels
            .iter()
            .any(|l| word.len() > l.gov.len() && word.ends_with(l.gov.as_str()));
        if ends_in_level && name[first.len_utf8()..].starts_with(word) {
            first.len_utf8() + word.len()
        } else {
            0
        }
    }

    /// A district, county or one of their organs: 大武口区, 平罗县, 惠农区人民政府, 开发区管委会,
    /// or the organ of an area named before it (丹霞山管委会, 东湖管委会; not 山管委会, nor
    /// 行政服务中心管委会, whose words name a function).
    fn is_place_unit(&self, name: &str) -> bool {
        self.place_suffixes.is_suffix_of(name)
            || self.place_bodies.suffix_lens(name).any(|n| {
                let place = &name[..name.len() - n];
                self.place_suffixes.is_suffix_of(place)
                    || self
                        .area_suffixes
                        .suffix_lens(place)
                        .any(|k| place.len() > k)
            })
    }

    /// How `name` (a unit before its first bracket) relates to the level context.
    /// Answered from this thread's memo when the name was classified before.
    pub fn classify(&self, name: &str) -> Class<'_> {
        let memoed = if name.len() > MEMO_NAME_BYTES {
            self.classify_afresh(name)
        } else {
            self.classify_memoed(name)
        };
        match memoed {
            Memoed::Levelled(k) => Class::Levelled(&self.lists.levels[k]),
            Memoed::OwnLevel => Class::OwnLevel,
            Memoed::SelfNamed => Class::SelfNamed,
            Memoed::Bare => Class::Bare,
        }
    }

    /// [`Gazetteer::classify`] through this thread's memo.
    fn classify_memoed(&self, name: &str) -> Memoed {
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.gazetteer != self.id || m.classes.len() >= MEMO_NAMES {
                m.gazetteer = self.id;
                m.classes.clear();
            }
            if let Some(c) = m.classes.get(name) {
                return *c;
            }
            let c = self.classify_afresh(name);
            m.classes.insert(name.into(), c);
            c
        })
    }

    /// [`Gazetteer::classify`] without the memo.
    fn classify_afresh(&self, name: &str) -> Memoed {
        let mut kinds = self.anywhere.kinds_in(name);
        // Most names hold no `not_level` word and are their own masked form.
        let masked = if kinds & NOT_LEVEL != 0 {
            let m = self.masked(name);
            kinds = (kinds & !LEVEL) | (self.anywhere.kinds_in(&m) & LEVEL);
            Cow::Owned(m)
        } else {
            Cow::Borrowed(name)
        };
        if let Some(&level) = self.levels.longest_prefix(&masked) {
            return Memoed::Levelled(level);
        }
        let own = kinds & (OWN | LEVEL | SITE) != 0
            || self.self_prefixes.longest_prefix(name).is_some()
            || self.is_place_unit(name)
            || names_corps_place(name);
        if own {
            Memoed::OwnLevel
        } else if self.self_suffixes.is_suffix_of(name) {
            // (A branch of a department or a bank keeps the list's level
            // going; a school's, a company's or another body's own
            // departments and kinds after it do not take it.)
            if BRANCHES.iter().any(|b| name.ends_with(b)) {
                Memoed::SelfNamed
            } else {
                Memoed::OwnLevel
            }
        } else {
            Memoed::Bare
        }
    }

    /// A place's name that is also a word of departments' names (公安 in
    /// 公安县: 公安局 there names no place).
    pub fn is_word_place(&self, place: &str) -> bool {
        self.lists.word_places.iter().any(|w| w == place)
    }

    /// A party department (组织部): a bare one takes the level's party prefix.
    pub fn is_party_dept(&self, name: &str) -> bool {
        self.party_depts.contains(name)
    }

    /// A department written under either prefix (文明办: 市委文明办 and
    /// 市文明办 both): a bare one takes the prefix of the unit before it.
    pub fn is_either_dept(&self, name: &str) -> bool {
        self.lists.either_depts.iter().any(|w| w == name)
    }

    /// Strips one trailing remark, the longest that leaves a name
    /// (`各县区人民政府具体负责落实` → `各县区人民政府`).
    pub fn strip_remark<'a>(&self, item: &'a str) -> &'a str {
        if let Some(head) = super::remark::strip(item).map(str::trim_end) {
            if !head.is_empty() {
                return head;
            }
        }
        self.remark_suffixes
            .suffix_lens(item)
            .map(|n| item[..item.len() - n].trim_end())
            .find(|s| !s.is_empty())
            .unwrap_or(item)
    }
}

/// A unit of the 兵团 that names its own place: a regiment, its number in
/// numerals (一八八团, 一四九团), or a division and what it holds (第八师,
/// 第八师教育局). (Any other 团, 歌舞团, 讲师团, is a bare unit.)
fn names_corps_place(name: &str) -> bool {
    let numeral = |c: char| "〇零一二三四五六七八九十百".contains(c);
    let regiment = name
        .strip_suffix(['团', '團'])
        .is_some_and(|n| n.chars().count() >= 2 && n.chars().all(numeral));
    let division = name.strip_prefix('第').is_some_and(|n| {
        let digits = n.chars().take_while(|&c| numeral(c)).count();
        digits > 0
            && n.chars()
                .nth(digits)
                .is_some_and(|c| matches!(c, '师' | '師'))
    });
    regiment || division
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The last-character test changes no answer: for each suffix list of the built-in
    /// gazetteer, the suffix lengths found are those of probing every length, on every tail
    /// (up to 40 characters) of every line of the sample and the cases and on each word.
    #[test]
    fn suffix_lengths_as_probing_every_length() {
        let g = Gazetteer::parse(include_str!("../../grammar/units.tsv")).expect("grammar");
        let mut texts = crate::testdata::sample_and_case_lines();
        let lists = [&g.self_suffixes, &g.place_suffixes, &g.remark_suffixes];
        for a in lists {
            texts.extend(a.words.keys().map(|w| format!("某{w}")));
        }
        let mut found = 0;
        for t in &texts {
            for (i, _) in t.char_indices().rev().take(40) {
                let tail = &t[i..];
                for a in lists {
                    let probed: Vec<usize> = (a.lens.iter().copied())
                        .filter(|&n| {
                            tail.len()
                                .checked_sub(n)
                                .and_then(|k| tail.get(k..))
                                .is_some_and(|w| a.words.contains_key(w))
                        })
                        .collect();
                    found += probed.len();
                    assert_eq!(a.suffix_lens(tail).collect::<Vec<_>>(), probed, "{tail:?}");
                }
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn parse_errors_name_the_line() {
        let cases: &[(&str, &str)] = &[
            ("level\t市\t市委\nbogus\tx", "line 2: unknown kind `bogus`"),
            (
                "# c\nlevel\t市",
                "line 2: `level` takes a government and a party prefix",
            ),
            ("party_dept", "line 1: expected `kind<TAB>value`"),
            (
                "party_dept\ta\tb",
                "line 1: `party_dept` takes one value, found 2",
            ),
        ];
        for (text, want) in cases {
            let got = Gazetteer::parse(text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(got.starts_with(want), "{text:?}: {got}");
        }
        let ok = Gazetteer::parse("# header\n\nlevel\t县\t县委   # county\nparty_dept\t组织部\n");
        assert_eq!(
            ok.map(|g| g.levels().to_vec()),
            Ok(vec![Level {
                gov: "县".into(),
                party: "县委".into(),
                opening_only: false,
                inside: Vec::new(),
            }])
        );
    }

    /// Each kind of word, on a name that has it and on one that does not.
    #[test]
    fn classify_by_kind() {
        let g = Gazetteer::parse(
            "level\t市\t市委\nlevel\t市委\t市委\nnot_level\t市场\nself_prefix\t各\nself_infix\t承担\n\
             place\t石嘴山\nself_suffix\t公司\nself_suffix\t分局\nself_suffix\t支行\nplace_suffix\t区\nplace_body\t人民政府\n\
             party_dept\t组织部\nremark_suffix\t落实\nremark_suffix\t具体负责落实\n",
        )
        .expect("parses");
        let gov = |c: Class| match c {
            Class::Levelled(l) => l.gov.clone(),
            other => format!("{other:?}"),
        };
        assert_eq!(gov(g.classify("市财政局")), "市");
        assert_eq!(gov(g.classify("市委组织部")), "市委");
        assert_eq!(gov(g.classify("市场监管局")), "Bare");
        assert_eq!(gov(g.classify("市市场监管局")), "市");
        for own in [
            "各县区",
            "承担测评的单位",
            "石嘴山海关",
            "供电公司",
            "大武口区",
            "大武口区人民政府",
            "团市委",
        ] {
            assert_eq!(g.classify(own), Class::OwnLevel, "{own}");
        }
        for named in ["自然资源规划分局", "人民银行中心支行"] {
            assert_eq!(g.classify(named), Class::SelfNamed, "{named}");
        }
        for bare in ["财政局", "人民政府", "场监管局"] {
            assert_eq!(g.classify(bare), Class::Bare, "{bare}");
        }
        assert!(g.is_party_dept("组织部") && !g.is_party_dept("市委组织部"));
        assert_eq!(
            g.strip_remark("各县区人民政府具体负责落实"),
            "各县区人民政府"
        );
        assert_eq!(g.strip_remark("各县区落实"), "各县区");
        assert_eq!(g.strip_remark("落实"), "落实");
        assert_eq!(g.strip_remark("具体负责落实"), "具体负责");
    }

    /// The built-in remarks strip 按职责分工(负责) and 负责具体实施 after a
    /// unit as the other remarks (责任单位:各区市政府,市直有关部门按职责分工负责).
    #[test]
    fn builtin_remarks_after_a_unit() {
        let g = Gazetteer::parse(include_str!("../../grammar/units.tsv")).expect("grammar");
        for (item, unit) in [
            ("市直有关部门按职责分工负责", "市直有关部门"),
            ("市直有关部门按职责分工", "市直有关部门"),
            ("各乡镇人民政府负责具体实施", "各乡镇人民政府"),
            ("各县区人民政府负责落实", "各县区人民政府"),
        ] {
            assert_eq!(g.strip_remark(item), unit, "{item}");
        }
    }

    /// A city of two characters whose second is the first of a `not_level`
    /// word (塔城市: 城市) keeps its level; the word after any other
    /// opening, or later in the name, is still masked.
    #[test]
    fn a_city_closed_by_a_not_level_word() {
        let g = Gazetteer::parse(include_str!("../../grammar/units.tsv")).expect("grammar");
        for own in ["塔城市人民政府", "盐城市住建局", "聊城市", "白城市委"] {
            assert_eq!(g.classify(own), Class::OwnLevel, "{own}");
        }
        for bare in [
            "城市管理局",
            "智慧城市建设办公室",
            "新城市场监管所",
            "城市管理综合执法局",
            "华联超市",
        ] {
            assert_eq!(g.classify(bare), Class::Bare, "{bare}");
        }
    }

    /// The memo answers as a fresh classification does: on the second asking
    /// of each name, and when two gazetteers that read the same name
    /// differently take turns on one thread.
    #[test]
    fn memo_answers_as_a_fresh_classification() {
        let a =
            Gazetteer::parse("level\t市\t市委\nlevel\t县\t县委\nplace_suffix\t区\n").expect("a");
        let b = Gazetteer::parse("level\t县\t县委\nself_suffix\t局\n").expect("b");
        // The last two are longer than the memo keeps.
        let long_bare = "财政局".repeat(30);
        let long_levelled = format!("市{long_bare}");
        let names = [
            "市财政局",
            "县财政局",
            "财政局",
            "大武口区",
            "市委组织部",
            "县",
            "",
            &long_bare,
            &long_levelled,
        ];
        fn fresh<'g>(g: &'g Gazetteer, n: &str) -> Class<'g> {
            match g.classify_afresh(n) {
                Memoed::Levelled(k) => Class::Levelled(&g.lists.levels[k]),
                Memoed::OwnLevel => Class::OwnLevel,
                Memoed::SelfNamed => Class::SelfNamed,
                Memoed::Bare => Class::Bare,
            }
        }
        for _ in 0..2 {
            for n in names {
                assert_eq!(a.classify(n), fresh(&a, n), "a: {n}");
                assert_eq!(b.classify(n), fresh(&b, n), "b: {n}");
            }
        }
        assert!(long_bare.len() > MEMO_NAME_BYTES);
        assert!(matches!(a.classify(&long_levelled), Class::Levelled(_)));
        // The two gazetteers do read one name differently.
        assert_ne!(a.classify("财政局"), b.classify("财政局"));
        // Every name of the sample's unit lists, asked more times than the memo holds.
        let g = &Gazetteer::parse(include_str!("../../grammar/units.tsv")).expect("units.tsv");
        let text = crate::testdata::SAMPLE;
        let mut asked = 0;
        for _ in 0..3 {
            for item in text.split(['、', '，', ',', '：', '\n']) {
                let n = item.trim();
                assert_eq!(g.classify(n), fresh(g, n), "{n}");
                asked += 1;
            }
        }
        assert!(asked > MEMO_NAMES, "{asked}");
    }
}
