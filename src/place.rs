//! A place's level: the character that ends a place's name and names its
//! level of government (石嘴山市, 平罗县, 阿拉善盟, 宁夏回族自治区), in
//! simplified and traditional forms, and the townships below the county
//! (乡, 镇). The set is the country's administrative divisions, closed, so it
//! is fixed here rather than in `grammar/words.tsv`.

/// The levels from the province down to the county.
pub const LEVELS: [char; 9] = ['省', '市', '县', '縣', '区', '區', '州', '盟', '旗'];

/// The levels below the county.
pub const TOWNSHIPS: [char; 4] = ['乡', '鄉', '镇', '鎮'];

/// `c` names a level from the province down to the county.
pub fn is_level(c: char) -> bool {
    LEVELS.contains(&c)
}

/// `c` names a level below the county.
pub fn is_township(c: char) -> bool {
    TOWNSHIPS.contains(&c)
}

/// `c` names any level, the township's included.
pub fn is_any_level(c: char) -> bool {
    is_level(c) || is_township(c)
}

/// `s` ends with a level from the province down to the county (湖北省,
/// 平罗县, 阿拉善盟).
pub fn ends_with_level(s: &str) -> bool {
    s.ends_with(LEVELS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_townships() {
        for s in [
            "湖北省",
            "石嘴山市",
            "平罗县",
            "臺北縣",
            "大武口区",
            "延边州",
            "阿拉善盟",
            "达拉特旗",
        ] {
            assert!(ends_with_level(s), "{s}");
        }
        for s in ["姚伏镇", "通伏乡", "市政府", "公安厅"] {
            assert!(!ends_with_level(s), "{s}");
        }
        assert!(is_township('镇') && is_township('鄉') && !is_township('县'));
        assert!(is_any_level('乡') && is_any_level('旗') && !is_any_level('厅'));
    }
}
