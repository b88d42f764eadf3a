//! The published JSON Schema (draft 2020-12) of a line of the JSON Lines
//! output — a document record, or the file line that ends every input's
//! output — generated from the Rust types (`record::Document`,
//! `fileline::FileLine`) with schemars so that it cannot drift from what
//! `extract` writes. The root is `oneOf` the two definitions, `Document`
//! and `FileLine`; a line is exactly one of them (a file line has `kind`
//! and no other key, a document has no `kind`).
//!
//! schemars 0.8 speaks draft 2019-09 at most, so the generated schema is
//! lifted to 2020-12 here: `$schema` names 2020-12, tuple arrays (the
//! `[label, value]` pairs of `fields`) use `prefixItems` instead of an array
//! of `items`, the definitions live under `$defs`, and the `schema` version
//! field is pinned with `const`. The
//! committed copy is `output/schema.json`; a test keeps the two equal.

use schemars::gen::SchemaSettings;
use serde_json::{json, Map, Value};

use crate::fileline::FileLine;
use crate::record::{Document, SCHEMA};

/// The meta-schema the published schema is written against.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// The `$id` of the published schema: the record version, as a URN.
pub const ID: &str = "urn:gongwen:schema:gongwen/1";

/// The definition of a document record under `$defs`.
pub const DOCUMENT: &str = "Document";

/// The definition of the file line under `$defs`.
pub const FILE_LINE: &str = "FileLine";

/// Properties the record leaves out when they are empty or absent
/// (`skip_serializing_if`): (definition, property).
/// Every other property is always written (an absent value as `null`), so
/// the schema requires it; schemars 0.8 alone would leave out every `Option`.
pub const OMITTED_WHEN_EMPTY: [(&str, &str); 7] = [
    (DOCUMENT, "fields"),
    ("Enclosure", "fields"),
    ("Enclosure", "issuers"),
    ("Enclosure", "date"),
    ("Attachment", "preamble"),
    ("Attachment", "fields"),
    ("Task", "lead_rule_line"),
];

/// The JSON Schema of one line of the JSON Lines output: `oneOf` a
/// document record (`$defs/Document`) and the file line
/// (`$defs/FileLine`).
pub fn line_schema() -> Value {
    let mut settings = SchemaSettings::draft2019_09();
    settings.option_add_null_type = true;
    settings.definitions_path = "#/$defs/".into();
    let mut gen = settings.into_generator();
    let document = gen.subschema_for::<Document>();
    let file = gen.subschema_for::<FileLine>();
    let mut defs = serde_json::to_value(gen.take_definitions()).unwrap_or(Value::Null);
    lift_tuples(&mut defs);
    if let Value::Object(defs) = &mut defs {
        for (name, def) in defs.iter_mut() {
            let Value::Object(obj) = def else {
                continue;
            };
            let Some(Value::Object(props)) = obj.get_mut("properties") else {
                continue;
            };
            if name == DOCUMENT || name == FILE_LINE {
                props.insert(
                    "schema".into(),
                    json!({
                        "description": "The record format and its version.",
                        "const": SCHEMA,
                    }),
                );
            }
            let required: Vec<Value> = props
                .keys()
                .filter(|p| !OMITTED_WHEN_EMPTY.contains(&(name.as_str(), p.as_str())))
                .map(|p| json!(p))
                .collect();
            obj.insert("required".into(), Value::Array(required));
        }
    }
    let mut root = Map::new();
    root.insert("$schema".into(), json!(DRAFT_2020_12));
    root.insert("$id".into(), json!(ID));
    root.insert("title".into(), json!("gongwen JSON Lines record"));
    root.insert(
        "description".into(),
        json!(
            "One line of `gongwen extract`'s JSON Lines: a document record (`$defs/Document`), \
             or the file line (`$defs/FileLine`, `kind: \"file\"`) that ends every input's \
             output, the last line after the input's records."
        ),
    );
    root.insert("oneOf".into(), json!([document, file]));
    root.insert("$defs".into(), defs);
    Value::Object(root)
}

/// The schema as `gongwen schema` prints it: pretty JSON and a final newline.
pub fn line_schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&line_schema()).unwrap_or_default();
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
        let s = line_schema();
        assert_eq!(s["$schema"], DRAFT_2020_12);
        for def in [DOCUMENT, FILE_LINE] {
            assert_eq!(s["$defs"][def]["properties"]["schema"]["const"], SCHEMA);
        }
        assert_eq!(
            s["oneOf"],
            json!([{"$ref": "#/$defs/Document"}, {"$ref": "#/$defs/FileLine"}])
        );
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
        let s = line_schema();
        let required = s["$defs"][DOCUMENT]["required"]
            .as_array()
            .cloned()
            .unwrap_or_default();
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
        let text = line_schema_text();
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
