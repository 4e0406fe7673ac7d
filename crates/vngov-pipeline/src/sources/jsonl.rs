//! JSON Lines: one document per line, a JSON object whose fields hold the text or
//! the HTML, and optionally the URL, an identifier and a publication date.
//!
//! A line is read up to the size limit and no further, so a file with no line
//! breaks (binary junk named `.jsonl`) costs bounded memory. Blank lines are passed
//! over; a line that is not a JSON object, or has neither the text nor the HTML
//! field, becomes an error item naming its line number.

use std::io::{BufRead, Read};
use std::sync::Arc;

use serde_json::Value;
use vngov_record::{ErrorKind, Warning};

use super::{Counting, Document, Format, Item, Meta, Progress, SourceError};

/// The field names of a JSON Lines document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// Plain text (default `text`).
    pub text: String,
    /// HTML (default `html`), used when there is no text field.
    pub html: String,
    /// URL (default `url`).
    pub url: String,
    /// Identifier (default `id`).
    pub id: String,
    /// Publication date (default `published`).
    pub published: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            text: "text".into(),
            html: "html".into(),
            url: "url".into(),
            id: "id".into(),
            published: "published".into(),
        }
    }
}

/// The documents of a JSON Lines stream.
pub struct Reader<R> {
    path: String,
    input: Counting<R>,
    fields: Fields,
    max_bytes: u64,
    line: usize,
    done: bool,
    buf: Vec<u8>,
}

impl<R: BufRead> Reader<R> {
    /// Reads `input`, named `path` in records.
    pub fn new(
        path: String,
        input: R,
        fields: Fields,
        max_bytes: u64,
        progress: Arc<Progress>,
    ) -> Self {
        Reader {
            path,
            input: Counting {
                inner: input,
                progress,
            },
            fields,
            max_bytes,
            line: 0,
            done: false,
            buf: Vec::new(),
        }
    }

    fn error(&self, kind: ErrorKind, message: String) -> Item {
        self.error_with(Meta::default(), kind, message)
    }

    /// An error record of this line, with what could be read of it (its `id`).
    fn error_with(&self, meta: Meta, kind: ErrorKind, message: String) -> Item {
        Item::Error(SourceError {
            meta: Meta {
                line: Some(self.line as u64),
                ..meta
            },
            ..SourceError::new(
                &self.path,
                Some(format!("line {}", self.line)),
                kind,
                message,
            )
        })
    }

    /// Reads the next line into `buf`, at most `max_bytes` of it; returns whether
    /// the line was longer (the rest is read and dropped).
    fn read_line(&mut self) -> std::io::Result<Option<bool>> {
        self.buf.clear();
        let limit = if self.max_bytes > 0 {
            self.max_bytes + 1
        } else {
            u64::MAX
        };
        let n = (&mut self.input)
            .take(limit)
            .read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(None);
        }
        if self.buf.last() == Some(&b'\n') || (n as u64) < limit {
            return Ok(Some(false));
        }
        // Over the limit: skip to the end of the line without keeping it.
        let mut rest = Vec::new();
        loop {
            rest.clear();
            let n = (&mut self.input)
                .take(64 * 1024)
                .read_until(b'\n', &mut rest)?;
            if n == 0 || rest.last() == Some(&b'\n') {
                return Ok(Some(true));
            }
        }
    }

    fn document(&self, v: Value) -> Item {
        let Value::Object(mut o) = v else {
            return self.error(ErrorKind::Input, "not a JSON object".into());
        };
        // The text is a string or absent: a number or an object in its place is a
        // mistake of the input, not a document.
        let mut body = |name: &str| match o.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(format!(
                "field {name:?} is {}, not a string",
                json_type(&other)
            )),
        };
        let text = body(&self.fields.text);
        let html = body(&self.fields.html);
        let mut take = |name: &str| match o.remove(name) {
            Some(Value::String(s)) => Some(s),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let url = take(&self.fields.url);
        let id = take(&self.fields.id);
        // An error record keeps the line's own identifiers.
        let known = || Meta {
            url: url.clone(),
            id: id.clone(),
            ..Meta::default()
        };
        let (body, format) = match (text, html) {
            (Err(e), _) | (Ok(None), Err(e)) => {
                return self.error_with(known(), ErrorKind::Input, e)
            }
            (Ok(Some(t)), _) => (t, Format::Text),
            (Ok(None), Ok(Some(h))) => (h, Format::Html),
            (Ok(None), Ok(None)) => {
                let msg = format!(
                    "no string field {:?} (nor {:?})",
                    self.fields.text, self.fields.html
                );
                return self.error_with(known(), ErrorKind::Input, msg);
            }
        };
        let mut warnings = Vec::new();
        let published = match o.remove(&self.fields.published) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                warnings.push(Warning::new(
                    "published_ignored",
                    format!(
                        "field {:?} is {}, not a date string: ignored",
                        self.fields.published,
                        json_type(&other)
                    ),
                ));
                None
            }
        };
        let meta = Meta {
            url,
            id,
            published,
            warnings,
            line: Some(self.line as u64),
            ..Meta::default()
        };
        Item::Document(Document {
            path: self.path.clone(),
            position: Some(format!("line {}", self.line)),
            bytes: body.into_bytes(),
            format,
            meta,
        })
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if self.done {
                return None;
            }
            self.line += 1;
            let too_long = match self.read_line() {
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(t)) => t,
                Err(e) => {
                    self.done = true;
                    return Some(self.error(ErrorKind::Io, format!("cannot read on: {e}")));
                }
            };
            if too_long {
                let msg = format!("line over the limit of {} bytes", self.max_bytes);
                return Some(self.error(ErrorKind::TooLarge, msg));
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            while self.buf.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                self.buf.pop();
            }
            return Some(match serde_json::from_slice::<Value>(&self.buf) {
                Ok(v) => self.document(v),
                Err(e) => {
                    // The line is the position; serde's own "at line 1" is noise.
                    let msg = e.to_string();
                    let msg = msg.rsplit_once(" at line ").map_or(msg.as_str(), |m| m.0);
                    let msg = format!("not JSON (column {}): {msg}", e.column());
                    self.error(ErrorKind::Input, msg)
                }
            });
        }
    }
}

/// The JSON type of a value, for messages ("a number").
fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8], fields: Fields, max: u64) -> Vec<Item> {
        Reader::new(
            "d.jsonl".into(),
            input,
            fields,
            max,
            Arc::new(Progress::default()),
        )
        .collect()
    }

    #[test]
    fn documents_and_bad_lines_in_order() {
        let input = concat!(
            r#"{"text":"Ngày 25/12/2018","url":"https://a.gov.vn/1","id":7,"published":"2018-12-25"}"#,
            "\n\n",
            "not json at all\n",
            r#"{"body":"x"}"#,
            "\n",
            r#"{"html":"<p>Tin</p>"}"#,
            "\n",
            "[1,2]\n",
            r#"{"text":"cuối"}"#
        );
        let items = read(input.as_bytes(), Fields::default(), 0);
        assert_eq!(items.len(), 6);
        let Item::Document(d) = &items[0] else {
            panic!("{:?}", items[0])
        };
        assert_eq!(d.bytes, "Ngày 25/12/2018".as_bytes());
        assert_eq!(d.meta.url.as_deref(), Some("https://a.gov.vn/1"));
        assert_eq!(d.meta.id.as_deref(), Some("7"));
        assert_eq!(d.meta.published.as_deref(), Some("2018-12-25"));
        assert_eq!(d.position.as_deref(), Some("line 1"));
        let Item::Error(e) = &items[1] else { panic!() };
        assert_eq!(e.position.as_deref(), Some("line 3"));
        assert!(
            e.message.starts_with("not JSON (column 2): expected ident"),
            "{}",
            e.message
        );
        let Item::Error(e) = &items[2] else { panic!() };
        assert_eq!(e.position.as_deref(), Some("line 4"));
        assert!(e.message.contains("\"text\""), "{}", e.message);
        let Item::Document(d) = &items[3] else {
            panic!()
        };
        assert_eq!(d.format, Format::Html);
        assert!(matches!(&items[4], Item::Error(e) if e.message == "not a JSON object"));
        let Item::Document(d) = &items[5] else {
            panic!()
        };
        assert_eq!(
            (d.bytes.as_slice(), d.position.as_deref()),
            ("cuối".as_bytes(), Some("line 7"))
        );
    }

    #[test]
    fn fields_of_the_wrong_type_are_not_taken_silently() {
        let input = concat!(
            r#"{"text":42}"#,
            "\n",
            r#"{"text":null,"html":["<p>x</p>"]}"#,
            "\n",
            r#"{"text":"Tin","published":20240508}"#,
            "\n",
            r#"{"text":null,"html":"<p>Tin</p>","published":null}"#,
            "\n",
        );
        let items = read(input.as_bytes(), Fields::default(), 0);
        assert_eq!(items.len(), 4);
        let Item::Error(e) = &items[0] else { panic!() };
        assert_eq!(e.kind, ErrorKind::Input);
        assert_eq!(e.message, r#"field "text" is a number, not a string"#);
        let Item::Error(e) = &items[1] else { panic!() };
        assert_eq!(e.message, r#"field "html" is an array, not a string"#);
        let Item::Document(d) = &items[2] else {
            panic!()
        };
        assert_eq!(d.meta.published, None);
        assert_eq!(d.meta.warnings[0].code, "published_ignored");
        assert!(d.meta.warnings[0].message.contains("a number"));
        let Item::Document(d) = &items[3] else {
            panic!()
        };
        assert_eq!(d.format, Format::Html);
        assert!(d.meta.warnings.is_empty());
    }

    #[test]
    fn field_names_are_configurable() {
        let fields = Fields {
            text: "noi_dung".into(),
            url: "link".into(),
            ..Fields::default()
        };
        let items = read(
            r#"{"noi_dung":"Tin","link":"https://b.gov.vn"}"#.as_bytes(),
            fields,
            0,
        );
        let Item::Document(d) = &items[0] else {
            panic!()
        };
        assert_eq!(d.meta.url.as_deref(), Some("https://b.gov.vn"));
    }

    #[test]
    fn an_overlong_line_costs_only_itself() {
        let mut input = format!("{{\"text\":\"{}\"}}\n", "a".repeat(1000)).into_bytes();
        input.extend_from_slice(b"{\"text\":\"ok\"}\n");
        let items = read(&input, Fields::default(), 100);
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[0], Item::Error(e) if e.kind == ErrorKind::TooLarge));
        assert!(matches!(&items[1], Item::Document(d) if d.bytes == b"ok"));
    }
}
