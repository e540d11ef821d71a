//! The Rust types a document's schemas become: a small model the emitter
//! turns into code.

/// A Rust type expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ty {
    /// A generated type, by index into the type space.
    Named(usize),
    /// A type from std or a dependency.
    Prim(Prim),
    /// `Vec<T>`.
    Vec(Box<Ty>),
    /// `BTreeMap<String, T>`.
    Map(Box<Ty>),
    /// `Option<T>`.
    Option(Box<Ty>),
    /// `Box<T>`, to break a recursive type.
    Boxed(Box<Ty>),
}

/// Types that are not generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Prim {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i8`.
    I8,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `u8`.
    U8,
    /// `u16`.
    U16,
    /// `u32`.
    U32,
    /// `u64`.
    U64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// Any JSON value.
    Value,
    /// A JSON object of anything.
    JsonMap,
    /// `chrono::DateTime<Utc>`.
    DateTime,
    /// `chrono::NaiveDate`.
    Date,
    /// `uuid::Uuid`.
    Uuid,
    /// `std::net::IpAddr`.
    IpAddr,
    /// `std::net::Ipv4Addr`.
    Ipv4Addr,
    /// `std::net::Ipv6Addr`.
    Ipv6Addr,
}

impl Ty {
    /// `Option<self>`, without doubling an existing `Option`.
    pub fn optional(self) -> Ty {
        match self {
            Ty::Option(_) => self,
            other => Ty::Option(Box::new(other)),
        }
    }

    /// Whether this is `Option<…>`.
    pub fn is_option(&self) -> bool {
        matches!(self, Ty::Option(_))
    }
}

/// A generated type.
#[derive(Debug, Clone)]
pub struct Def {
    /// Rust name (UpperCamelCase, unescaped).
    pub name: String,
    /// Doc comment.
    pub doc: Option<String>,
    /// What it is.
    pub kind: DefKind,
}

/// The shapes of generated types.
#[derive(Debug, Clone)]
pub enum DefKind {
    /// Not converted yet (a component being converted).
    Pending,
    /// `pub type Name = Ty;`
    Alias(Ty),
    /// A struct of named fields, optionally with the unknown ones kept.
    Struct {
        /// The fields.
        fields: Vec<Field>,
        /// `#[serde(flatten)]` map of further properties.
        extra: Option<Ty>,
    },
    /// An enum.
    Enum {
        /// How serde writes it.
        repr: Repr,
        /// The variants.
        variants: Vec<Variant>,
    },
}

/// How an enum is written on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repr {
    /// `"Unit"` or `{"Variant": value}`: serde's default.
    External,
    /// `{"tag": "Variant", …fields}`.
    Internal {
        /// Tag property.
        tag: String,
    },
    /// `{"tag": "Variant", "content": value}`.
    Adjacent {
        /// Tag property.
        tag: String,
        /// Content property.
        content: String,
    },
    /// Whichever variant parses first.
    Untagged,
}

/// One enum variant.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Rust name.
    pub name: String,
    /// Wire name when tagged (`None` for untagged variants).
    pub wire: Option<String>,
    /// Doc comment.
    pub doc: Option<String>,
    /// Its data.
    pub shape: Shape,
}

/// What a variant carries.
#[derive(Debug, Clone)]
pub enum Shape {
    /// Nothing.
    Unit,
    /// One value.
    Newtype(Ty),
    /// Named fields.
    Struct(Vec<Field>),
}

/// A struct field (or struct-variant field).
#[derive(Debug, Clone)]
pub struct Field {
    /// Rust name (snake_case, unescaped).
    pub name: String,
    /// Property name on the wire.
    pub wire: String,
    /// Type, `Option` included where the property may be absent or null.
    pub ty: Ty,
    /// Doc comment.
    pub doc: Option<String>,
    /// Whether the property may be left out (skipped when `None`).
    pub optional: bool,
}
