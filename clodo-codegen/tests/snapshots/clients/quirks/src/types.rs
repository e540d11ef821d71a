//! Types for the schemas of the document.
#![allow(clippy::large_enum_variant, clippy::enum_variant_names)]

/// Bug 2: a property literally named `$ref`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct Node {
    /// A JSON reference, as data.
    #[serde(rename = "$ref", default, skip_serializing_if = "Option::is_none")]
    pub r#ref: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct SendNullableBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct UploadBodyMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UploadBody {
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<UploadBodyMeta>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}
