//! Open311's XML: the same documents as its JSON, with every list wrapped in a plural element
//! holding singular ones (`<services><service>…</service></services>`).
//!
//! Hand-rolled over `quick_xml::Writer` rather than serde: quick-xml's serializer would need a
//! second set of types for the wrappers, while the mapping from our JSON values is mechanical
//! and small. quick-xml does the escaping.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde_json::Value;

/// The element name of one item of a list called `plural`.
fn singular(plural: &str) -> &str {
    match plural {
        "services" => "service",
        "attributes" => "attribute",
        "values" => "value",
        "service_requests" => "request",
        "errors" => "error",
        other => other.strip_suffix('s').unwrap_or(other),
    }
}

/// `value` as an XML document whose root element is `root`.
pub fn document(root: &str, value: &Value) -> String {
    let mut w = Writer::new(Vec::new());
    // Writing into a Vec cannot fail, so the results are ignored.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
    element(&mut w, root, value);
    String::from_utf8(w.into_inner()).unwrap_or_default()
}

fn element(w: &mut Writer<Vec<u8>>, name: &str, value: &Value) {
    let _ = w.write_event(Event::Start(BytesStart::new(name)));
    match value {
        Value::Object(fields) => {
            for (k, v) in fields {
                element(w, k, v);
            }
        }
        Value::Array(items) => {
            let item = singular(name);
            for v in items {
                element(w, item, v);
            }
        }
        Value::Null => {}
        Value::String(s) => {
            let _ = w.write_event(Event::Text(BytesText::new(s)));
        }
        other => {
            let _ = w.write_event(Event::Text(BytesText::new(&other.to_string())));
        }
    }
    let _ = w.write_event(Event::End(BytesEnd::new(name)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_wrapped_and_text_is_escaped() {
        let v = serde_json::json!([{"code": 400, "description": "a < b & \"c\""}]);
        assert_eq!(
            document("errors", &v),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>400</code>\
             <description>a &lt; b &amp; &quot;c&quot;</description></error></errors>"
        );
    }

    #[test]
    fn nested_lists_use_their_singular() {
        let v = serde_json::json!({"attributes": [{"values": [{"key": "0"}]}], "ok": true});
        assert_eq!(
            document("service_definition", &v),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_definition><attributes>\
             <attribute><values><value><key>0</key></value></values></attribute></attributes>\
             <ok>true</ok></service_definition>"
        );
    }
}
