//! Types for the schemas of the document.
#![allow(clippy::large_enum_variant, clippy::enum_variant_names)]

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct OutputRecord {
    pub msg: String,
    pub stream: String,
    pub time: ::chrono::DateTime<::chrono::Utc>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ReportId {
    pub host: String,
    pub job: String,
    pub pid: u64,
    pub time: ::chrono::DateTime<::chrono::Utc>,
    pub uuid: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ReportSummary {
    pub age_seconds: i32,
    pub duration_seconds: i32,
    pub host: String,
    pub job: String,
    pub status: i32,
    pub when: ::chrono::DateTime<::chrono::Utc>,
}

/// EnrolBody
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct EnrolBody {
    pub host: String,
    pub key: String,
}

/// GlobalJobsResult
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct GlobalJobsResult {
    pub summary: Vec<ReportSummary>,
}

/// PingResult
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct PingResult {
    pub host: String,
    pub ok: bool,
}

/// ReportFinishBody
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ReportFinishBody {
    pub duration_millis: i32,
    pub end_time: ::chrono::DateTime<::chrono::Utc>,
    pub exit_status: i32,
    pub id: ReportId,
}

/// ReportResult
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ReportResult {
    pub existed_already: bool,
}

/// ReportOutputBody
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ReportOutputBody {
    pub id: ReportId,
    pub record: OutputRecord,
}

/// ReportResult
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ReportResult2 {
    pub existed_already: bool,
}

/// ReportStartBody
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ReportStartBody {
    pub id: ReportId,
    pub script: String,
    pub start_time: ::chrono::DateTime<::chrono::Utc>,
}

/// ReportResult
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ReportResult3 {
    pub existed_already: bool,
}
