//! Rows to Rust types through serde, without an intermediate JSON tree.
//!
//! Columns map to struct fields by name. `NULL` ↔ `Option`, integers 0/1 ↔
//! `bool`, integers and reals ↔ numbers, text ↔ strings and unit enum
//! variants, and a text column read into a sequence, map or struct is parsed
//! as JSON (a JSON column).

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::forward_to_deserialize_any;

use super::Value;

/// Why a row did not fit the requested type.
#[derive(Debug)]
pub(crate) struct DecodeError(pub(crate) String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        DecodeError(msg.to_string())
    }
}

/// A whole row: a map from column name to value.
pub(crate) struct RowDeserializer<'a> {
    pub(crate) columns: &'a [String],
    pub(crate) values: std::vec::IntoIter<Value>,
    pub(crate) index: usize,
}

impl<'de> de::Deserializer<'de> for RowDeserializer<'_> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_map(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> MapAccess<'de> for RowDeserializer<'_> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        match self.columns.get(self.index) {
            Some(name) => seed
                .deserialize(name.as_str().into_deserializer())
                .map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, DecodeError> {
        let name = self.columns.get(self.index).map_or("?", String::as_str);
        self.index += 1;
        let value = self.values.next().unwrap_or(Value::Null);
        seed.deserialize(ValueDeserializer(value))
            .map_err(|e| DecodeError(format!("column `{name}`: {e}")))
    }
}

/// One column value.
pub(crate) struct ValueDeserializer(pub(crate) Value);

fn json_err(e: serde_json::Error) -> DecodeError {
    DecodeError(format!("invalid JSON in text column: {e}"))
}

impl ValueDeserializer {
    /// Reads a text column as JSON (reading through `IoRead`, which owns
    /// its input, so the visitor's lifetime is free).
    fn json<'de, V: Visitor<'de>>(
        self,
        visitor: V,
        then: impl FnOnce(
            &mut serde_json::Deserializer<serde_json::de::IoRead<std::io::Cursor<Vec<u8>>>>,
            V,
        ) -> Result<V::Value, serde_json::Error>,
    ) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Text(s) => {
                let mut de =
                    serde_json::Deserializer::from_reader(std::io::Cursor::new(s.into_bytes()));
                let v = then(&mut de, visitor).map_err(json_err)?;
                de.end().map_err(json_err)?;
                Ok(v)
            }
            other => ValueDeserializer(other).deserialize_any_inner(visitor),
        }
    }

    fn deserialize_any_inner<'de, V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Integer(i) => visitor.visit_i64(i),
            Value::Real(f) => visitor.visit_f64(f),
            Value::Text(s) => visitor.visit_string(s),
            Value::Blob(b) => visitor.visit_byte_buf(b),
        }
    }
}

impl<'de> de::Deserializer<'de> for ValueDeserializer {
    type Error = DecodeError;

    /// Self-describing targets (`serde_json::Value`, untagged and internally
    /// tagged enums) read text holding a JSON object or array as that JSON,
    /// so JSON columns round-trip for them too; any other text stays a string.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match &self.0 {
            Value::Text(s)
                if (s.starts_with('{') || s.starts_with('['))
                    && serde_json::from_str::<de::IgnoredAny>(s).is_ok() =>
            {
                self.json(visitor, |de, v| de::Deserializer::deserialize_any(de, v))
            }
            _ => self.deserialize_any_inner(visitor),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_any_inner(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_any_inner(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Integer(0) => visitor.visit_bool(false),
            Value::Integer(1) => visitor.visit_bool(true),
            Value::Integer(i) => Err(DecodeError(format!("expected a boolean (0 or 1), got {i}"))),
            other => ValueDeserializer(other).deserialize_any_inner(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(ValueDeserializer(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Blob(b) => visitor.visit_seq(de::value::SeqDeserializer::new(b.into_iter())),
            other => ValueDeserializer(other)
                .json(visitor, |de, v| de::Deserializer::deserialize_seq(de, v)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.json(visitor, |de, v| de::Deserializer::deserialize_map(de, v))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.json(visitor, |de, v| {
            de::Deserializer::deserialize_struct(de, name, fields, v)
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Text(s) if !s.starts_with('{') => visitor.visit_enum(s.into_deserializer()),
            other => ValueDeserializer(other).json(visitor, |de, v| {
                de::Deserializer::deserialize_enum(de, name, variants, v)
            }),
        }
    }

    forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit unit_struct tuple_struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Status {
        Placed,
        Ready,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Tag {
        k: String,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Row {
        id: i64,
        ok: bool,
        price: f64,
        note: Option<String>,
        status: Status,
        tags: Vec<Tag>,
        meta: std::collections::BTreeMap<String, i64>,
        raw: Vec<u8>,
    }

    fn decode<T: serde::de::DeserializeOwned>(
        cols: &[&str],
        vals: Vec<Value>,
    ) -> Result<T, DecodeError> {
        let columns: Vec<String> = cols.iter().map(|c| (*c).to_owned()).collect();
        T::deserialize(RowDeserializer {
            columns: &columns,
            values: vals.into_iter(),
            index: 0,
        })
    }

    #[test]
    fn maps_every_kind_of_column() {
        let row: Row = decode(
            &["id", "ok", "price", "note", "status", "tags", "meta", "raw"],
            vec![
                Value::Integer(7),
                Value::Integer(1),
                Value::Integer(3),
                Value::Null,
                Value::Text("ready".into()),
                Value::Text(r#"[{"k":"a"}]"#.into()),
                Value::Text(r#"{"x":1}"#.into()),
                Value::Blob(vec![1, 2]),
            ],
        )
        .unwrap();
        assert_eq!(row.id, 7);
        assert!(row.ok);
        assert_eq!(row.price, 3.0);
        assert_eq!(row.note, None);
        assert_eq!(row.status, Status::Ready);
        assert_eq!(row.tags, vec![Tag { k: "a".into() }]);
        assert_eq!(row.meta["x"], 1);
        assert_eq!(row.raw, vec![1, 2]);
        let _ = Status::Placed;
    }

    #[test]
    fn errors_name_the_column() {
        #[derive(Debug, Deserialize)]
        struct B {
            #[allow(dead_code)]
            ok: bool,
        }
        let e = decode::<B>(&["ok"], vec![Value::Integer(2)]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "column `ok`: expected a boolean (0 or 1), got 2"
        );
        let e = decode::<B>(&["ok"], vec![Value::Text("x".into())]).unwrap_err();
        assert!(e.to_string().starts_with("column `ok`:"), "{e}");
    }
}
