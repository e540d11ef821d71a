//! Types for the schemas of the document.
#![allow(clippy::large_enum_variant, clippy::enum_variant_names)]

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ObjWithOptionArray {
    #[serde(rename = "stranger-things")]
    pub stranger_things: Vec<Option<Task>>,
    pub things: Vec<Option<Task>>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Task {
    pub id: String,
    pub name: String,
    pub output_rules: Vec<String>,
    pub script: String,
    pub state: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct TaskEvent {
    pub payload: String,
    pub seq: u64,
    pub stream: String,
    pub time: ::chrono::DateTime<::chrono::Utc>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct TaskOutput {
    pub id: String,
    pub path: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct TaskSubmit {
    pub default: bool,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_rules: Option<Vec<String>>,
    pub script: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct TaskSubmitResult {
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UploadedChunk {
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UserCreate {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UserCreateResult {
    pub id: String,
    pub name: String,
    pub token: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct WhoamiResult {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Worker {
    pub deleted: bool,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lastping: Option<::chrono::DateTime<::chrono::Utc>>,
    pub recycle: bool,
    pub tasks: Vec<WorkerTask>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct WorkerAddOutput {
    pub chunks: Vec<String>,
    pub path: String,
    pub size: i64,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct WorkerAppendTask {
    pub payload: String,
    pub stream: String,
    pub time: ::chrono::DateTime<::chrono::Utc>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct WorkerBootstrap {
    pub bootstrap: String,
    pub token: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct WorkerBootstrapResult {
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct WorkerCompleteTask {
    pub failed: bool,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct WorkerPingResult {
    pub poweroff: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<WorkerPingTask>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct WorkerPingTask {
    pub id: String,
    pub output_rules: Vec<String>,
    pub script: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct WorkerTask {
    pub id: String,
    pub name: String,
    pub owner: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct WorkersResult {
    pub workers: Vec<Worker>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ::serde::Serialize,
    ::serde::Deserialize
)]
pub enum HeaderArgAcceptLanguage {
    #[serde(rename = "de")]
    De,
    #[serde(rename = "en")]
    En,
}

impl HeaderArgAcceptLanguage {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::De => "de",
            Self::En => "en",
        }
    }
}

impl ::std::fmt::Display for HeaderArgAcceptLanguage {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum GetThingOrThingsId {
    String(String),
    Array(Vec<String>),
}
