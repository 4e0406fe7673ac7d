//! Reading a record through its `Serialize` implementation without writing it
//! out as JSON: a digest of everything it holds ([`sha256`]), and one top-level
//! string field a newer version of the format may add ([`top_level_str`]).
//!
//! Serializing a record to JSON to hash it escapes every string of it, the text
//! and every evidence sentence, which costs as much as writing the record; these
//! walkers only look at the values.

use std::fmt;

use serde::ser::{self, Serialize};
use sha2::{Digest as _, Sha256};

/// What a walk is told, in order.
trait Visitor {
    /// A compound (`[`, `{`) opens or closes (`]`, `}`).
    fn mark(&mut self, m: u8);
    /// A key of a struct or map; its value follows.
    fn key(&mut self, k: &str);
    /// A string value.
    fn text(&mut self, s: &str);
    /// Any other value, by kind and bytes.
    fn scalar(&mut self, kind: u8, bytes: &[u8]);
}

/// Never raised: walking cannot fail.
#[derive(Debug)]
struct Never;

impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value could not be walked")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Never
    }
}

struct Walk<'v, V>(&'v mut V);

/// Keys are strings in every record type; anything else is walked as a value.
struct KeyWalk<'w, 'v, V>(&'w mut Walk<'v, V>);

macro_rules! scalars {
    ($($name:ident: $t:ty => $kind:expr),* $(,)?) => {
        $(fn $name(self, v: $t) -> Result<(), Never> {
            self.0.scalar($kind, &v.to_le_bytes());
            Ok(())
        })*
    };
}

impl<'a, 'v, V: Visitor> ser::Serializer for &'a mut Walk<'v, V> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    scalars! {
        serialize_i8: i8 => b'i', serialize_i16: i16 => b'i', serialize_i32: i32 => b'i',
        serialize_i64: i64 => b'i', serialize_u8: u8 => b'u', serialize_u16: u16 => b'u',
        serialize_u32: u32 => b'u', serialize_u64: u64 => b'u', serialize_f32: f32 => b'f',
        serialize_f64: f64 => b'f',
    }
    fn serialize_bool(self, v: bool) -> Result<(), Never> {
        self.0.scalar(b'b', &[v as u8]);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Never> {
        self.0.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Never> {
        self.0.text(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Never> {
        self.0.scalar(b'B', v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Never> {
        self.0.scalar(b'n', &[]);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Never> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, v: &'static str) -> Result<(), Never> {
        self.serialize_str(v)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        self.0.mark(b'{');
        self.0.key(variant);
        v.serialize(&mut *self)?;
        self.0.mark(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Never> {
        self.0.mark(b'[');
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.0.key(variant);
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Never> {
        self.0.mark(b'{');
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Self, Never> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.0.key(variant);
        self.serialize_map(Some(len))
    }
}

macro_rules! sequence {
    ($($tr:ident :: $method:ident),*) => {
        $(impl<V: Visitor> ser::$tr for &mut Walk<'_, V> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
                v.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Never> {
                self.0.mark(b']');
                Ok(())
            }
        })*
    };
}

sequence!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<V: Visitor> ser::SerializeMap for &mut Walk<'_, V> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Never> {
        k.serialize(KeyWalk(self))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Never> {
        self.0.mark(b'}');
        Ok(())
    }
}

macro_rules! fields {
    ($($tr:ident),*) => {
        $(impl<V: Visitor> ser::$tr for &mut Walk<'_, V> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                k: &'static str,
                v: &T,
            ) -> Result<(), Never> {
                self.0.key(k);
                v.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Never> {
                self.0.mark(b'}');
                Ok(())
            }
        })*
    };
}

fields!(SerializeStruct, SerializeStructVariant);

/// A key that is a string is a key; another is walked as a value.
impl<V: Visitor> ser::Serializer for KeyWalk<'_, '_, V> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = ser::Impossible<(), Never>;
    type SerializeTuple = ser::Impossible<(), Never>;
    type SerializeTupleStruct = ser::Impossible<(), Never>;
    type SerializeTupleVariant = ser::Impossible<(), Never>;
    type SerializeMap = ser::Impossible<(), Never>;
    type SerializeStruct = ser::Impossible<(), Never>;
    type SerializeStructVariant = ser::Impossible<(), Never>;

    fn serialize_str(self, v: &str) -> Result<(), Never> {
        self.0 .0.key(v);
        Ok(())
    }
    fn serialize_bool(self, v: bool) -> Result<(), Never> {
        ser::Serializer::serialize_bool(&mut *self.0, v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Never> {
        ser::Serializer::serialize_i64(&mut *self.0, v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Never> {
        ser::Serializer::serialize_u64(&mut *self.0, v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Never> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Never> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Never> {
        self.serialize_i64(v.into())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Never> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Never> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Never> {
        self.serialize_u64(v.into())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Never> {
        ser::Serializer::serialize_f32(&mut *self.0, v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Never> {
        ser::Serializer::serialize_f64(&mut *self.0, v)
    }
    fn serialize_char(self, v: char) -> Result<(), Never> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Never> {
        ser::Serializer::serialize_bytes(&mut *self.0, v)
    }
    fn serialize_none(self) -> Result<(), Never> {
        ser::Serializer::serialize_none(&mut *self.0)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Never> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, v: &'static str) -> Result<(), Never> {
        self.serialize_str(v)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Never> {
        Err(Never)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Never> {
        Err(Never)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Never> {
        Err(Never)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Never> {
        Err(Never)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Never> {
        Err(Never)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Never> {
        Err(Never)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Never> {
        Err(Never)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Never> {
        Err(Never)
    }
}

/// Feeds everything walked into SHA-256, each piece tagged and strings
/// length-prefixed, so that different values cannot give the same stream.
struct Hash(Sha256);

impl Hash {
    fn piece(&mut self, kind: u8, bytes: &[u8]) {
        self.0.update([kind]);
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }
}

impl Visitor for Hash {
    fn mark(&mut self, m: u8) {
        self.0.update([m]);
    }
    fn key(&mut self, k: &str) {
        self.piece(b'k', k.as_bytes());
    }
    fn text(&mut self, s: &str) {
        self.piece(b's', s.as_bytes());
    }
    fn scalar(&mut self, kind: u8, bytes: &[u8]) {
        self.piece(kind, bytes);
    }
}

/// The SHA-256 (hex) of everything `v` holds: two values that serialize alike
/// (as JSON, say) have the same digest, and any change to a key or a value
/// changes it.
pub fn sha256<T: Serialize + ?Sized>(v: &T) -> String {
    let mut h = Hash(Sha256::new());
    // Walking cannot fail but on a key that is not a string, which no record has.
    let _ = v.serialize(&mut Walk(&mut h));
    h.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Finds a string field at the top level of the value.
struct Finder<'f> {
    field: &'f str,
    depth: usize,
    /// The last key read at the top level was the field.
    armed: bool,
    found: Option<String>,
}

impl Visitor for Finder<'_> {
    fn mark(&mut self, m: u8) {
        if self.armed && matches!(m, b'[' | b'{') {
            self.armed = false;
        }
        match m {
            b'[' | b'{' => self.depth += 1,
            _ => self.depth = self.depth.saturating_sub(1),
        }
    }
    fn key(&mut self, k: &str) {
        self.armed = self.depth == 1 && k == self.field;
    }
    fn text(&mut self, s: &str) {
        if std::mem::take(&mut self.armed) {
            self.found = Some(s.to_string());
        }
    }
    fn scalar(&mut self, _: u8, _: &[u8]) {
        self.armed = false;
    }
}

/// The string value of the top-level field `field` of `v`, if it has one: how a
/// field that a later minor version of the format adds (a task's `rule`) is read
/// from the types that have it, in code that also builds with types that do not.
pub fn top_level_str<T: Serialize + ?Sized>(v: &T, field: &str) -> Option<String> {
    let mut f = Finder {
        field,
        depth: 0,
        armed: false,
        found: None,
    };
    let _ = v.serialize(&mut Walk(&mut f));
    f.found
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn digests_differ_with_any_change_and_agree_with_json_equality() {
        let a = json!({"text": "Sở Y tế", "span": [1, 8], "rule": null, "nested": {"x": 1.5}});
        let same: serde_json::Value = serde_json::from_str(&a.to_string()).unwrap();
        assert_eq!(sha256(&a), sha256(&same));
        for other in [
            json!({"text": "Sở Y tế.", "span": [1, 8], "rule": null, "nested": {"x": 1.5}}),
            json!({"text": "Sở Y tế", "span": [1, 9], "rule": null, "nested": {"x": 1.5}}),
            json!({"text": "Sở Y tế", "span": [1, 8], "rule": "", "nested": {"x": 1.5}}),
            json!({"text": "Sở Y tế", "span": [1, 8], "rule": null, "nested": {"x": 1.25}}),
            json!({"texts": "Sở Y tế", "span": [1, 8], "rule": null, "nested": {"x": 1.5}}),
            json!({"text": "Sở Y", "span": [1, 8], "rule": null, "nested": {"x": 1.5}, "tế": null}),
        ] {
            assert_ne!(sha256(&a), sha256(&other), "{other}");
        }
        assert_eq!(sha256(&json!("ab")).len(), 64);
        assert_ne!(sha256(&json!(["a", "b"])), sha256(&json!(["ab"])));
    }

    #[test]
    fn top_level_fields_are_found_and_nested_ones_are_not() {
        let meeting = json!({
            "kind": "họp",
            "chairs": [{"name": "A", "rule": "meetings/chair"}],
            "rule": "meetings/hop",
        });
        assert_eq!(
            top_level_str(&meeting, "rule").as_deref(),
            Some("meetings/hop")
        );
        let older = json!({"kind": "họp", "chairs": [{"rule": "meetings/chair"}]});
        assert_eq!(top_level_str(&older, "rule"), None);
        assert_eq!(top_level_str(&json!({"rule": null}), "rule"), None);
        assert_eq!(top_level_str(&json!({"rule": {"x": "y"}}), "rule"), None);
    }
}
