//! Rust values into statement parameters through serde: the other direction
//! of `row.rs`, with the same mapping.
//!
//! `None` and unit → `NULL`; `bool` → 0/1; integers → integer (within
//! ±(2^53 − 1), or an error naming the field); floats → real (finite only);
//! strings, chars and unit enum variants → text; bytes → blob; newtypes
//! (such as [`Timestamp`](crate::time::Timestamp)) → what they wrap; and
//! anything structured (sequences, maps, structs, data-carrying variants)
//! → JSON text, which `row.rs` parses back into the same type.

use serde::Serialize;
use serde::ser::{self, Impossible};

use super::{DbError, MAX_SAFE_INTEGER, Value};

/// Why a value could not become a parameter. `NeedsJson` is internal: the
/// value is structured, and the caller stores it as JSON text instead.
#[derive(Debug)]
pub(crate) enum EncodeError {
    NeedsJson,
    Db(DbError),
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EncodeError::NeedsJson => f.write_str("structured value"),
            EncodeError::Db(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for EncodeError {}

impl ser::Error for EncodeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        EncodeError::Db(DbError::Encode(msg.to_string()))
    }
}

/// Converts one value; `place` names it in errors (`field `price``).
pub(crate) fn to_value<T: Serialize + ?Sized>(value: &T, place: &str) -> Result<Value, DbError> {
    match value.serialize(ValueSerializer { place }) {
        Ok(v) => Ok(v),
        Err(EncodeError::NeedsJson) => serde_json::to_string(value)
            .map(Value::Text)
            .map_err(|e| DbError::Encode(format!("{place} cannot be written as JSON: {e}"))),
        Err(EncodeError::Db(e)) => Err(e),
    }
}

/// Converts a struct (or a map with string keys) into (column, value) pairs,
/// in field order. Fields skipped by serde are left out.
pub(crate) fn to_columns<T: Serialize + ?Sized>(row: &T) -> Result<Vec<(String, Value)>, DbError> {
    let mut out = Vec::new();
    match row.serialize(RowSerializer { out: &mut out }) {
        Ok(()) => Ok(out),
        Err(EncodeError::Db(e)) => Err(e),
        Err(EncodeError::NeedsJson) => Err(not_a_row()),
    }
}

fn not_a_row() -> DbError {
    DbError::Encode("a row must be a struct with named fields or a map with string keys".to_owned())
}

fn integer(v: i128, place: &str) -> Result<Value, EncodeError> {
    if (-i128::from(MAX_SAFE_INTEGER)..=i128::from(MAX_SAFE_INTEGER)).contains(&v) {
        Ok(Value::Integer(v as i64))
    } else {
        Err(EncodeError::Db(DbError::IntegerOutOfRange {
            place: place.to_owned(),
            value: i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX }),
        }))
    }
}

fn real(v: f64, place: &str) -> Result<Value, EncodeError> {
    if v.is_finite() {
        Ok(Value::Real(v))
    } else {
        Err(EncodeError::Db(DbError::Encode(format!(
            "{place} is {v}; only finite numbers can be stored"
        ))))
    }
}

struct ValueSerializer<'p> {
    place: &'p str,
}

type Json = Impossible<Value, EncodeError>;

impl ser::Serializer for ValueSerializer<'_> {
    type Ok = Value;
    type Error = EncodeError;
    type SerializeSeq = Json;
    type SerializeTuple = Json;
    type SerializeTupleStruct = Json;
    type SerializeTupleVariant = Json;
    type SerializeMap = Json;
    type SerializeStruct = Json;
    type SerializeStructVariant = Json;

    fn serialize_bool(self, v: bool) -> Result<Value, EncodeError> {
        Ok(Value::Integer(i64::from(v)))
    }
    fn serialize_i8(self, v: i8) -> Result<Value, EncodeError> {
        Ok(Value::Integer(i64::from(v)))
    }
    fn serialize_i16(self, v: i16) -> Result<Value, EncodeError> {
        Ok(Value::Integer(i64::from(v)))
    }
    fn serialize_i32(self, v: i32) -> Result<Value, EncodeError> {
        Ok(Value::Integer(i64::from(v)))
    }
    fn serialize_i64(self, v: i64) -> Result<Value, EncodeError> {
        integer(i128::from(v), self.place)
    }
    fn serialize_i128(self, v: i128) -> Result<Value, EncodeError> {
        integer(v, self.place)
    }
    fn serialize_u8(self, v: u8) -> Result<Value, EncodeError> {
        Ok(Value::Integer(i64::from(v)))
    }
    fn serialize_u16(self, v: u16) -> Result<Value, EncodeError> {
        Ok(Value::Integer(i64::from(v)))
    }
    fn serialize_u32(self, v: u32) -> Result<Value, EncodeError> {
        Ok(Value::Integer(i64::from(v)))
    }
    fn serialize_u64(self, v: u64) -> Result<Value, EncodeError> {
        integer(i128::from(v), self.place)
    }
    fn serialize_u128(self, v: u128) -> Result<Value, EncodeError> {
        integer(i128::try_from(v).unwrap_or(i128::MAX), self.place)
    }
    fn serialize_f32(self, v: f32) -> Result<Value, EncodeError> {
        real(f64::from(v), self.place)
    }
    fn serialize_f64(self, v: f64) -> Result<Value, EncodeError> {
        real(v, self.place)
    }
    fn serialize_char(self, v: char) -> Result<Value, EncodeError> {
        Ok(Value::Text(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Value, EncodeError> {
        Ok(Value::Text(v.to_owned()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Value, EncodeError> {
        Ok(Value::Blob(v.to_vec()))
    }
    fn serialize_none(self) -> Result<Value, EncodeError> {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Value, EncodeError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value, EncodeError> {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Value, EncodeError> {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Value, EncodeError> {
        Ok(Value::Text(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<Value, EncodeError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Value, EncodeError> {
        Err(EncodeError::NeedsJson)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Json, EncodeError> {
        Err(EncodeError::NeedsJson)
    }
    fn serialize_tuple(self, _: usize) -> Result<Json, EncodeError> {
        Err(EncodeError::NeedsJson)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Json, EncodeError> {
        Err(EncodeError::NeedsJson)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Json, EncodeError> {
        Err(EncodeError::NeedsJson)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Json, EncodeError> {
        Err(EncodeError::NeedsJson)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Json, EncodeError> {
        Err(EncodeError::NeedsJson)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Json, EncodeError> {
        Err(EncodeError::NeedsJson)
    }
}

/// A whole row: a struct or a string-keyed map.
struct RowSerializer<'a> {
    out: &'a mut Vec<(String, Value)>,
}

/// Collects fields into (column, value) pairs.
struct RowFields<'a> {
    out: &'a mut Vec<(String, Value)>,
    key: Option<String>,
}

impl RowFields<'_> {
    fn push<T: Serialize + ?Sized>(&mut self, name: String, v: &T) -> Result<(), EncodeError> {
        let value = to_value(v, &format!("field `{name}`")).map_err(EncodeError::Db)?;
        self.out.push((name, value));
        Ok(())
    }
}

type NoRow = Impossible<(), EncodeError>;

macro_rules! not_a_row {
    ($($name:ident($($arg:ty),*) -> $ret:ty;)*) => {$(
        fn $name(self, $(_: $arg),*) -> Result<$ret, EncodeError> {
            Err(EncodeError::Db(not_a_row()))
        }
    )*};
}

impl<'a> ser::Serializer for RowSerializer<'a> {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = NoRow;
    type SerializeTuple = NoRow;
    type SerializeTupleStruct = NoRow;
    type SerializeTupleVariant = NoRow;
    type SerializeMap = RowFields<'a>;
    type SerializeStruct = RowFields<'a>;
    type SerializeStructVariant = NoRow;

    not_a_row! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_str(&str) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> NoRow;
        serialize_tuple(usize) -> NoRow;
        serialize_tuple_struct(&'static str, usize) -> NoRow;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> NoRow;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> NoRow;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), EncodeError> {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), EncodeError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), EncodeError> {
        Err(EncodeError::Db(not_a_row()))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<RowFields<'a>, EncodeError> {
        Ok(RowFields {
            out: self.out,
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<RowFields<'a>, EncodeError> {
        Ok(RowFields {
            out: self.out,
            key: None,
        })
    }
}

impl ser::SerializeStruct for RowFields<'_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), EncodeError> {
        self.push(key.to_owned(), v)
    }
    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl ser::SerializeMap for RowFields<'_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), EncodeError> {
        match to_value(key, "a map key").map_err(EncodeError::Db)? {
            Value::Text(k) => {
                self.key = Some(k);
                Ok(())
            }
            _ => Err(EncodeError::Db(DbError::Encode(
                "a row map must have string keys (column names)".to_owned(),
            ))),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), EncodeError> {
        let key = self.key.take().ok_or_else(|| {
            EncodeError::Db(DbError::Encode(
                "a map value came without its key".to_owned(),
            ))
        })?;
        self.push(key, v)
    }
    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

/// Whether `name` may be used as a table or column name: ASCII letters,
/// digits and `_`, not starting with a digit, at most 64 characters.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && name.len() <= 64
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `"name"`, after checking it is an identifier.
pub(crate) fn quoted(name: &str) -> Result<String, DbError> {
    if is_identifier(name) {
        Ok(format!("\"{name}\""))
    } else {
        Err(DbError::InvalidIdentifier(name.chars().take(80).collect()))
    }
}
