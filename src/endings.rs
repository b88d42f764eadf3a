//! A word list looked up by the end of a text: the words are kept by their
//! last character, so finding which word a text ends with compares only the
//! words that end like it, not the whole list.

use crate::text::CharMap;

/// Words (each with a value), longest first within the words sharing a last
/// character; the first match is the longest, and among words of one
/// length the first listed.
#[derive(Debug, Clone)]
pub struct Endings<T> {
    by_last: CharMap<Vec<(String, T)>>,
}

impl<T> Default for Endings<T> {
    fn default() -> Self {
        Endings {
            by_last: CharMap::default(),
        }
    }
}

impl<T: Copy> Endings<T> {
    /// The words in list order; empty words are ignored.
    pub fn new(words: impl IntoIterator<Item = (String, T)>) -> Endings<T> {
        let mut by_last: CharMap<Vec<(String, T)>> = CharMap::default();
        for (w, v) in words {
            if let Some(c) = w.chars().next_back() {
                by_last.entry(c).or_default().push((w, v));
            }
        }
        for ws in by_last.values_mut() {
            // Stable: equal lengths keep their listed order.
            ws.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Endings { by_last }
    }

    /// The longest word `s` ends with: the text before it, and its value.
    pub fn strip<'s>(&self, s: &'s str) -> Option<(&'s str, T)> {
        let last = s.chars().next_back()?;
        self.by_last
            .get(&last)?
            .iter()
            .find_map(|(w, v)| s.strip_suffix(w.as_str()).map(|head| (head, *v)))
    }

    /// `s` ends with one of the words.
    pub fn ends(&self, s: &str) -> bool {
        self.strip(s).is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.by_last.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_word_first() {
        let e = Endings::new([
            ("负责".to_owned(), 1),
            ("牵头负责".to_owned(), 2),
            ("配合".to_owned(), 3),
        ]);
        assert_eq!(e.strip("市发改委牵头负责"), Some(("市发改委", 2)));
        assert_eq!(e.strip("市财政局负责"), Some(("市财政局", 1)));
        assert_eq!(e.strip("市财政局参与"), None);
        assert!(e.ends("各县区配合"));
        assert!(!e.ends(""));
    }
}
