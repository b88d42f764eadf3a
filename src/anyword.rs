//! Whether a text holds any word of a list, in one pass over its bytes.
//!
//! Word lists searched in every line or clause (attribution verbs, lead
//! words) are found by aho-corasick's packed SIMD searcher (Teddy, which
//! compares the first bytes of every word at sixteen or thirty-two positions
//! at a time) where the machine has one; otherwise by an Aho–Corasick
//! automaton, and should even that not build, by a substring search per word.
//! The answer is the same either way: the word list decides, not the search.

use aho_corasick::{packed, AhoCorasick};
use memchr::memmem::Finder;

#[derive(Debug, Clone, Default)]
pub enum AnyWord {
    /// No words: no text holds one.
    #[default]
    Empty,
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
    Each(Vec<Finder<'static>>),
}

/// The words a text must hold one of to hold any of `words`: a word
/// holding another (负责落实, 按职责分工负责 hold 负责) is left out, and a
/// repeated word kept once (an empty word, which every text holds, is kept
/// as often as it is listed). Fewer words make a faster search (the packed
/// searcher takes its quicker form for at most 32), with the same answer.
fn fewest<S: AsRef<str>>(words: &[S]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for (i, w) in words.iter().map(AsRef::as_ref).enumerate() {
        let holds_another = words.iter().map(AsRef::as_ref).enumerate().any(|(j, v)| {
            !v.is_empty() && (v.len() < w.len() || v.len() == w.len() && j < i) && w.contains(v)
        });
        if !holds_another {
            out.push(w);
        }
    }
    out
}

impl AnyWord {
    pub fn new<S: AsRef<str>>(words: &[S]) -> AnyWord {
        let words = fewest(words);
        if words.is_empty() {
            return AnyWord::Empty;
        }
        let mut p = packed::Config::new().builder();
        p.extend(&words);
        if let Some(p) = p.build() {
            return AnyWord::Packed(p);
        }
        match AhoCorasick::new(&words) {
            Ok(a) => AnyWord::Automaton(a),
            Err(_) => AnyWord::each(&words),
        }
    }

    /// A substring search per word.
    fn each<S: AsRef<str>>(words: &[S]) -> AnyWord {
        if words.is_empty() {
            return AnyWord::Empty;
        }
        AnyWord::Each(
            words
                .iter()
                .map(|w| Finder::new(w.as_ref().as_bytes()).into_owned())
                .collect(),
        )
    }

    /// Whether `s` holds one of the words.
    pub fn is_in(&self, s: &str) -> bool {
        match self {
            AnyWord::Empty => false,
            AnyWord::Packed(p) => p.find(s).is_some(),
            AnyWord::Automaton(a) => a.is_match(s),
            AnyWord::Each(f) => f.iter().any(|f| f.find(s.as_bytes()).is_some()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With the words of the grammar's attribution table (verbs holding
    /// other verbs, lead words) the search answers as a search for each
    /// word, on every line of the sample and the cases.
    #[test]
    fn grammar_words_answer_as_contains() {
        let table = include_str!("../grammar/attribution.tsv");
        let texts = crate::testdata::sample_and_case_lines();
        for class in ["verb", "lead_rule", "lead_word", "remark", "unit_end"] {
            let words: Vec<&str> = table
                .lines()
                .filter_map(|l| l.split('\t').nth(1).filter(|_| l.starts_with(class)))
                .map(str::trim)
                .collect();
            assert!(!words.is_empty(), "{class}");
            let search = AnyWord::new(&words);
            let mut held = 0;
            for t in &texts {
                let plain = words.iter().any(|w| t.contains(w));
                held += usize::from(plain);
                assert_eq!(search.is_in(t), plain, "{class} {t:?}");
            }
            assert!(held > 0, "no line holds a {class}");
        }
    }

    /// Every way of searching gives the plain answer, on texts shorter and
    /// longer than the SIMD searcher's minimum and with words at either end.
    #[test]
    fn every_search_answers_as_contains() {
        let words = ["牵头", "负责", "配合", "a", "市委办公室"];
        let searches = [
            AnyWord::new(&words),
            AnyWord::Automaton(AhoCorasick::new(words).expect("automaton")),
            AnyWord::each(&words),
        ];
        assert!(matches!(
            searches[0],
            AnyWord::Packed(_) | AnyWord::Automaton(_)
        ));
        let fill = "加强组织领导，";
        let mut texts = vec![String::new(), "牵".into(), "头".into(), "b".into()];
        for w in words {
            for n in [0, 1, 5] {
                texts.push(format!("{w}{}", fill.repeat(n)));
                texts.push(format!("{}{w}", fill.repeat(n)));
                texts.push(fill.repeat(n));
            }
        }
        for t in &texts {
            let plain = words.iter().any(|w| t.contains(w));
            for s in &searches {
                assert_eq!(s.is_in(t), plain, "{t:?} by {s:?}");
            }
        }
        assert!(!AnyWord::new::<&str>(&[]).is_in("牵头"));
        // Words holding others, repeated words and an empty word.
        assert_eq!(
            fewest(&["负责落实", "负责", "按职责分工负责", "牵头", "牵头"]),
            ["负责", "牵头"]
        );
        assert_eq!(fewest(&["", "a"]), ["", "a"]);
        assert!(AnyWord::new(&["", "a"]).is_in("b"));
        assert!(!AnyWord::each::<&str>(&[]).is_in("牵头"));
    }
}
