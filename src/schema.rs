//! The published JSON Schema (draft 2020-12) of a record, generated from
//! the Rust types in `record` with schemars so that it cannot drift from
//! what `extract` writes.
//!
//! schemars 0.8 speaks draft 2019-09 at most, so the generated schema is
//! lifted to 2020-12 here: `$schema` names 2020-12, tuple arrays (the
//! `[label, value]` pairs of `fields`) use `prefixItems` instead of an array
//! of `items`, the definitions live under `$defs`, and the `schema` version
//! field is pinned with `const`. The
//! committed copy is `output/schema.json`; a test keeps the two equal.

use schemars::gen::SchemaSettings;
use serde_json::{json, Map, Value};

use crate::record::{Document, SCHEMA};

/// The meta-schema the published schema is written against.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// The `$id` of the published schema: the record version, as a URN.
pub const ID: &str = "urn:gongwen:schema:gongwen/1";

/// Properties the record leaves out when they are empty or absent
/// (`skip_serializing_if`): (definition, or `None` for the root; property).
/// Every other property is always written (an absent value as `null`), so
/// the schema requires it; schemars 0.8 alone would leave out every `Option`.
pub const OMITTED_WHEN_EMPTY: [(Option<&str>, &str); 3] = [
    (None, "fields"),
    (Some("Enclosure"), "fields"),
    (Some("Task"), "lead_rule_line"),
];

/// The JSON Schema of one record (`gongwen::record::Document`).
pub fn document_schema() -> Value {
    let mut settings = SchemaSettings::draft2019_09();
    settings.option_add_null_type = true;
    settings.definitions_path = "#/$defs/".into();
    let root = settings.into_generator().into_root_schema_for::<Document>();
    let mut v = serde_json::to_value(root).unwrap_or(Value::Null);
    lift_tuples(&mut v);
    let mut defs: Vec<String> = v
        .get("definitions")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    defs.sort();
    let nodes = std::iter::once(None).chain(defs.iter().map(|d| Some(d.as_str())));
    for def in nodes {
        let node = match def {
            None => Some(&mut v),
            Some(d) => v.get_mut("definitions").and_then(|m| m.get_mut(d)),
        };
        let Some(Value::Object(obj)) = node else {
            continue;
        };
        let Some(Value::Object(props)) = obj.get("properties") else {
            continue;
        };
        let required: Vec<Value> = props
            .keys()
            .filter(|p| !OMITTED_WHEN_EMPTY.contains(&(def, p.as_str())))
            .map(|p| json!(p))
            .collect();
        obj.insert("required".into(), Value::Array(required));
    }
    if let Value::Object(map) = &mut v {
        let mut out = Map::new();
        out.insert("$schema".into(), json!(DRAFT_2020_12));
        out.insert("$id".into(), json!(ID));
        for (k, val) in std::mem::take(map) {
            match k.as_str() {
                "$schema" => {}
                // schemars 0.8 always names the table `definitions`.
                "definitions" => {
                    out.insert("$defs".into(), val);
                }
                _ => {
                    out.insert(k, val);
                }
            }
        }
        if let Some(Value::Object(props)) = out.get_mut("properties") {
            props.insert(
                "schema".into(),
                json!({
                    "description": "The record format and its version.",
                    "const": SCHEMA,
                }),
            );
        }
        *map = out;
    }
    v
}

/// The schema as `gongwen schema` prints it: pretty JSON and a final newline.
pub fn document_schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&document_schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// Rewrites draft-07 tuple validation (`"items": [A, B]`) as 2020-12's
/// `"prefixItems": [A, B], "items": false`, everywhere in the tree.
fn lift_tuples(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(_)) = map.get("items") {
                if let Some(items) = map.remove("items") {
                    map.insert("prefixItems".into(), items);
                    map.insert("items".into(), Value::Bool(false));
                }
                map.remove("additionalItems");
            }
            for val in map.values_mut() {
                lift_tuples(val);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(lift_tuples),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_2020_12_and_pins_the_version() {
        let s = document_schema();
        assert_eq!(s["$schema"], DRAFT_2020_12);
        assert_eq!(s["properties"]["schema"]["const"], SCHEMA);
        assert!(s["$defs"].is_object(), "definitions live under $defs");
    }

    #[test]
    fn fields_left_out_when_empty_are_optional() {
        let lex = crate::Lexicon::builtin();
        let p = crate::parse(
            "关于印发某方案的通知\n国办发〔2019〕5号\n各部门：\n现印发给你们。\n国务院办公厅\n2019年3月1日\n某方案\n一、总体要求\n",
            "x.txt",
            &lex,
        );
        let rec = serde_json::to_value(&p.documents[0]).unwrap_or(Value::Null);
        assert!(rec.get("fields").is_none(), "empty fields are left out");
        let s = document_schema();
        let required = s["required"].as_array().cloned().unwrap_or_default();
        assert!(!required.contains(&json!("fields")));
        assert!(required.contains(&json!("issuers")));
        let enc = s["$defs"]["Enclosure"]["required"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(!enc.contains(&json!("fields")) && enc.contains(&json!("title")));
    }

    #[test]
    fn field_pairs_use_prefix_items() {
        let text = document_schema_text();
        assert!(text.contains("\"prefixItems\""));
        let mut v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        fn no_array_items(v: &mut Value) -> bool {
            match v {
                Value::Object(m) => {
                    !matches!(m.get("items"), Some(Value::Array(_)))
                        && m.values_mut().all(no_array_items)
                }
                Value::Array(a) => a.iter_mut().all(no_array_items),
                _ => true,
            }
        }
        assert!(no_array_items(&mut v));
    }
}
