//! Types for the schemas of the document.
#![allow(clippy::large_enum_variant, clippy::enum_variant_names)]

/// Describes properties that should uniquely identify a Gimlet.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Baseboard {
    pub part: String,
    pub revision: i64,
    pub serial: String,
}

/// A type storing a range over `T`.
///
/// This type supports ranges similar to the `RangeTo`, `Range` and `RangeFrom` types in the standard library. Those cover `(..end)`, `(start..end)`, and `(start..)` respectively.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type")]
pub enum BinRangedouble {
    /// A range unbounded below and exclusively above, `..end`.
    #[serde(rename = "range_to")]
    RangeTo { end: f64 },
    /// A range bounded inclusively below and exclusively above, `start..end`.
    #[serde(rename = "range")]
    Range { end: f64, start: f64 },
    /// A range bounded inclusively below and unbounded above, `start..`.
    #[serde(rename = "range_from")]
    RangeFrom { start: f64 },
}

/// A type storing a range over `T`.
///
/// This type supports ranges similar to the `RangeTo`, `Range` and `RangeFrom` types in the standard library. Those cover `(..end)`, `(start..end)`, and `(start..)` respectively.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type")]
pub enum BinRangeint64 {
    /// A range unbounded below and exclusively above, `..end`.
    #[serde(rename = "range_to")]
    RangeTo { end: i64 },
    /// A range bounded inclusively below and exclusively above, `start..end`.
    #[serde(rename = "range")]
    Range { end: i64, start: i64 },
    /// A range bounded inclusively below and unbounded above, `start..`.
    #[serde(rename = "range_from")]
    RangeFrom { start: i64 },
}

/// Type storing bin edges and a count of samples within it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Bindouble {
    /// The total count of samples in this bin.
    pub count: u64,
    /// The range of the support covered by this bin.
    pub range: BinRangedouble,
}

/// Type storing bin edges and a count of samples within it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Binint64 {
    /// The total count of samples in this bin.
    pub count: u64,
    /// The range of the support covered by this bin.
    pub range: BinRangeint64,
}

/// disk block size in bytes
pub type BlockSize = i64;

/// A count of bytes, typically used either for memory or storage capacity
///
/// The maximum supported byte count is [`i64::MAX`].  This makes it somewhat inconvenient to define constructors: a u32 constructor can be infallible, but an i64 constructor can fail (if the value is negative) and a u64 constructor can fail (if the value is larger than i64::MAX).  We provide all of these for consumers' convenience.
pub type ByteCount = u64;

/// Client view of a [`Certificate`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Certificate {
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    pub service: ServiceUsingCertificate,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// Create-time parameters for a [`Certificate`](crate::external_api::views::Certificate)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct CertificateCreate {
    /// PEM file containing public certificate chain
    pub cert: Vec<u8>,
    pub description: String,
    /// PEM file containing private key
    pub key: Vec<u8>,
    pub name: Name,
    /// The service using this certificate
    pub service: ServiceUsingCertificate,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct CertificateResultsPage {
    /// list of items on this page of results
    pub items: Vec<Certificate>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Identity-related metadata that's included in "asset" public API objects (which generally have no name or description)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ComponentUpdate {
    pub component_type: UpdateableComponentType,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    pub version: SemverVersion,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ComponentUpdateResultsPage {
    /// list of items on this page of results
    pub items: Vec<ComponentUpdate>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// A cumulative or counter data type.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Cumulativedouble {
    pub start_time: ::chrono::DateTime<::chrono::Utc>,
    pub value: f64,
}

/// A cumulative or counter data type.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Cumulativeint64 {
    pub start_time: ::chrono::DateTime<::chrono::Utc>,
    pub value: i64,
}

/// A `Datum` is a single sampled data point from a metric.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type", content = "datum")]
pub enum Datum {
    #[serde(rename = "bool")]
    Bool(bool),
    #[serde(rename = "i64")]
    I64(i64),
    #[serde(rename = "f64")]
    F64(f64),
    #[serde(rename = "string")]
    String(String),
    #[serde(rename = "bytes")]
    Bytes(Vec<u8>),
    #[serde(rename = "cumulative_i64")]
    CumulativeI64(Cumulativeint64),
    #[serde(rename = "cumulative_f64")]
    CumulativeF64(Cumulativedouble),
    #[serde(rename = "histogram_i64")]
    HistogramI64(Histogramint64),
    #[serde(rename = "histogram_f64")]
    HistogramF64(Histogramdouble),
}

/// The type of an individual datum of a metric.
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
pub enum DatumType {
    #[serde(rename = "bool")]
    Bool,
    #[serde(rename = "i64")]
    I64,
    #[serde(rename = "f64")]
    F64,
    #[serde(rename = "string")]
    String,
    #[serde(rename = "bytes")]
    Bytes,
    #[serde(rename = "cumulative_i64")]
    CumulativeI64,
    #[serde(rename = "cumulative_f64")]
    CumulativeF64,
    #[serde(rename = "histogram_i64")]
    HistogramI64,
    #[serde(rename = "histogram_f64")]
    HistogramF64,
}

impl DatumType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Bool => "bool",
            Self::I64 => "i64",
            Self::F64 => "f64",
            Self::String => "string",
            Self::Bytes => "bytes",
            Self::CumulativeI64 => "cumulative_i64",
            Self::CumulativeF64 => "cumulative_f64",
            Self::HistogramI64 => "histogram_i64",
            Self::HistogramF64 => "histogram_f64",
        }
    }
}

impl ::std::fmt::Display for DatumType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DerEncodedKeyPair {
    /// request signing private key (base64 encoded der file)
    pub private_key: String,
    /// request signing public certificate (base64 encoded der file)
    pub public_cert: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DeviceAccessTokenRequest {
    pub client_id: ::uuid::Uuid,
    pub device_code: String,
    pub grant_type: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DeviceAuthRequest {
    pub client_id: ::uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DeviceAuthVerify {
    pub user_code: String,
}

pub type Digest = Digest2;

/// Client view of a [`Disk`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Disk {
    pub block_size: ByteCount,
    /// human-readable free-form text about a resource
    pub description: String,
    pub device_path: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_id: Option<::uuid::Uuid>,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    pub project_id: ::uuid::Uuid,
    pub size: ByteCount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<::uuid::Uuid>,
    pub state: DiskState,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// Create-time parameters for a [`Disk`](omicron_common::api::external::Disk)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DiskCreate {
    pub description: String,
    /// initial source for this disk
    pub disk_source: DiskSource,
    pub name: Name,
    /// total size of the Disk in bytes
    pub size: ByteCount,
}

/// TODO-v1: Delete this Parameters for the [`Disk`](omicron_common::api::external::Disk) to be attached or detached to an instance
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DiskIdentifier {
    pub name: Name,
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
pub enum DiskMetricName {
    #[serde(rename = "activated")]
    Activated,
    #[serde(rename = "flush")]
    Flush,
    #[serde(rename = "read")]
    Read,
    #[serde(rename = "read_bytes")]
    ReadBytes,
    #[serde(rename = "write")]
    Write,
    #[serde(rename = "write_bytes")]
    WriteBytes,
}

impl DiskMetricName {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Activated => "activated",
            Self::Flush => "flush",
            Self::Read => "read",
            Self::ReadBytes => "read_bytes",
            Self::Write => "write",
            Self::WriteBytes => "write_bytes",
        }
    }
}

impl ::std::fmt::Display for DiskMetricName {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DiskPath {
    pub disk: NameOrId,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DiskResultsPage {
    /// list of items on this page of results
    pub items: Vec<Disk>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Different sources for a disk
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type")]
pub enum DiskSource {
    /// Create a blank disk
    #[serde(rename = "blank")]
    Blank {
        /// size of blocks for this Disk. valid values are: 512, 2048, or 4096
        block_size: BlockSize,
    },
    /// Create a disk from a disk snapshot
    #[serde(rename = "snapshot")]
    Snapshot { snapshot_id: ::uuid::Uuid },
    /// Create a disk from a project image
    #[serde(rename = "image")]
    Image { image_id: ::uuid::Uuid },
    /// Create a disk from a global image
    #[serde(rename = "global_image")]
    GlobalImage { image_id: ::uuid::Uuid },
}

/// State of a Disk (primarily: attached or not)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "state", content = "instance")]
pub enum DiskState {
    /// Disk is being initialized
    #[serde(rename = "creating")]
    Creating,
    /// Disk is ready but detached from any Instance
    #[serde(rename = "detached")]
    Detached,
    /// Disk is being attached to the given Instance
    #[serde(rename = "attaching")]
    Attaching(::uuid::Uuid),
    /// Disk is attached to the given Instance
    #[serde(rename = "attached")]
    Attached(::uuid::Uuid),
    /// Disk is being detached from the given Instance
    #[serde(rename = "detaching")]
    Detaching(::uuid::Uuid),
    /// Disk has been destroyed
    #[serde(rename = "destroyed")]
    Destroyed,
    /// Disk is unavailable
    #[serde(rename = "faulted")]
    Faulted,
}

/// OS image distribution
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Distribution {
    /// The name of the distribution (e.g. "alpine" or "ubuntu")
    pub name: Name,
    /// The version of the distribution (e.g. "3.10" or "18.04")
    pub version: String,
}

/// Error information from a response.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Error {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    pub message: String,
    pub request_id: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ExternalIp {
    pub ip: ::std::net::IpAddr,
    pub kind: IpKind,
}

/// Parameters for creating an external IP address for instances.
pub type ExternalIpCreate = ExternalIpCreate2;

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ExternalIpResultsPage {
    /// list of items on this page of results
    pub items: Vec<ExternalIp>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// The name and type information for a field of a timeseries schema.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct FieldSchema {
    pub name: String,
    pub source: FieldSource,
    pub ty: FieldType,
}

/// The source from which a field is derived, the target or metric.
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
pub enum FieldSource {
    #[serde(rename = "target")]
    Target,
    #[serde(rename = "metric")]
    Metric,
}

impl FieldSource {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Target => "target",
            Self::Metric => "metric",
        }
    }
}

impl ::std::fmt::Display for FieldSource {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `FieldType` identifies the data type of a target or metric field.
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
pub enum FieldType {
    #[serde(rename = "string")]
    String,
    #[serde(rename = "i64")]
    I64,
    #[serde(rename = "ip_addr")]
    IpAddr,
    #[serde(rename = "uuid")]
    Uuid,
    #[serde(rename = "bool")]
    Bool,
}

impl FieldType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::String => "string",
            Self::I64 => "i64",
            Self::IpAddr => "ip_addr",
            Self::Uuid => "uuid",
            Self::Bool => "bool",
        }
    }
}

impl ::std::fmt::Display for FieldType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum FleetRole {
    #[serde(rename = "admin")]
    Admin,
    #[serde(rename = "collaborator")]
    Collaborator,
    #[serde(rename = "viewer")]
    Viewer,
}

impl FleetRole {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Collaborator => "collaborator",
            Self::Viewer => "viewer",
        }
    }
}

impl ::std::fmt::Display for FleetRole {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Client view of a [`Policy`], which describes how this resource may be accessed
///
/// Note that the Policy only describes access granted explicitly for this resource.  The policies of parent resources can also cause a user to have access to this resource.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct FleetRolePolicy {
    /// Roles directly assigned on this resource
    pub role_assignments: Vec<FleetRoleRoleAssignment>,
}

/// Describes the assignment of a particular role on a particular resource to a particular identity (user, group, etc.)
///
/// The resource is not part of this structure.  Rather, [`RoleAssignment`]s are put into a [`Policy`] and that Policy is applied to a particular resource.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct FleetRoleRoleAssignment {
    pub identity_id: ::uuid::Uuid,
    pub identity_type: IdentityType,
    pub role_name: FleetRole,
}

/// Client view of global Images
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct GlobalImage {
    /// size of blocks in bytes
    pub block_size: ByteCount,
    /// human-readable free-form text about a resource
    pub description: String,
    /// Hash of the image contents, if applicable
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<Digest>,
    /// Image distribution
    pub distribution: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// total size in bytes
    pub size: ByteCount,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    /// URL source of this image, if any
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Image version
    pub version: String,
}

/// Create-time parameters for an [`GlobalImage`](crate::external_api::views::GlobalImage)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct GlobalImageCreate {
    /// block size in bytes
    pub block_size: BlockSize,
    pub description: String,
    /// OS image distribution
    pub distribution: Distribution,
    pub name: Name,
    /// The source of the image's contents.
    pub source: ImageSource,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct GlobalImageResultsPage {
    /// list of items on this page of results
    pub items: Vec<GlobalImage>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Client view of a [`Group`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Group {
    /// Human-readable name that can identify the group
    pub display_name: String,
    pub id: ::uuid::Uuid,
    /// Uuid of the silo to which this group belongs
    pub silo_id: ::uuid::Uuid,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct GroupResultsPage {
    /// list of items on this page of results
    pub items: Vec<Group>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// A simple type for managing a histogram metric.
///
/// A histogram maintains the count of any number of samples, over a set of bins. Bins are specified on construction via their _left_ edges, inclusive. There can't be any "gaps" in the bins, and an additional bin may be added to the left, right, or both so that the bins extend to the entire range of the support.
///
/// Note that any gaps, unsorted bins, or non-finite values will result in an error.
///
/// Example ------- ```rust use oximeter::histogram::{BinRange, Histogram};
///
/// let edges = [0i64, 10, 20]; let mut hist = Histogram::new(&edges).unwrap(); assert_eq!(hist.n_bins(), 4); // One additional bin for the range (20..) assert_eq!(hist.n_samples(), 0); hist.sample(4); hist.sample(100); assert_eq!(hist.n_samples(), 2);
///
/// let data = hist.iter().collect::<Vec<_>>(); assert_eq!(data[0].range, BinRange::range(i64::MIN, 0)); // An additional bin for `..0` assert_eq!(data[0].count, 0); // Nothing is in this bin
///
/// assert_eq!(data[1].range, BinRange::range(0, 10)); // The range `0..10` assert_eq!(data[1].count, 1); // 4 is sampled into this bin ```
///
/// Notes -----
///
/// Histograms may be constructed either from their left bin edges, or from a sequence of ranges. In either case, the left-most bin may be converted upon construction. In particular, if the left-most value is not equal to the minimum of the support, a new bin will be added from the minimum to that provided value. If the left-most value _is_ the support's minimum, because the provided bin was unbounded below, such as `(..0)`, then that bin will be converted into one bounded below, `(MIN..0)` in this case.
///
/// The short of this is that, most of the time, it shouldn't matter. If one specifies the extremes of the support as their bins, be aware that the left-most may be converted from a `BinRange::RangeTo` into a `BinRange::Range`. In other words, the first bin of a histogram is _always_ a `Bin::Range` or a `Bin::RangeFrom` after construction. In fact, every bin is one of those variants, the `BinRange::RangeTo` is only provided as a convenience during construction.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Histogramdouble {
    pub bins: Vec<Bindouble>,
    pub n_samples: u64,
    pub start_time: ::chrono::DateTime<::chrono::Utc>,
}

/// A simple type for managing a histogram metric.
///
/// A histogram maintains the count of any number of samples, over a set of bins. Bins are specified on construction via their _left_ edges, inclusive. There can't be any "gaps" in the bins, and an additional bin may be added to the left, right, or both so that the bins extend to the entire range of the support.
///
/// Note that any gaps, unsorted bins, or non-finite values will result in an error.
///
/// Example ------- ```rust use oximeter::histogram::{BinRange, Histogram};
///
/// let edges = [0i64, 10, 20]; let mut hist = Histogram::new(&edges).unwrap(); assert_eq!(hist.n_bins(), 4); // One additional bin for the range (20..) assert_eq!(hist.n_samples(), 0); hist.sample(4); hist.sample(100); assert_eq!(hist.n_samples(), 2);
///
/// let data = hist.iter().collect::<Vec<_>>(); assert_eq!(data[0].range, BinRange::range(i64::MIN, 0)); // An additional bin for `..0` assert_eq!(data[0].count, 0); // Nothing is in this bin
///
/// assert_eq!(data[1].range, BinRange::range(0, 10)); // The range `0..10` assert_eq!(data[1].count, 1); // 4 is sampled into this bin ```
///
/// Notes -----
///
/// Histograms may be constructed either from their left bin edges, or from a sequence of ranges. In either case, the left-most bin may be converted upon construction. In particular, if the left-most value is not equal to the minimum of the support, a new bin will be added from the minimum to that provided value. If the left-most value _is_ the support's minimum, because the provided bin was unbounded below, such as `(..0)`, then that bin will be converted into one bounded below, `(MIN..0)` in this case.
///
/// The short of this is that, most of the time, it shouldn't matter. If one specifies the extremes of the support as their bins, be aware that the left-most may be converted from a `BinRange::RangeTo` into a `BinRange::Range`. In other words, the first bin of a histogram is _always_ a `Bin::Range` or a `Bin::RangeFrom` after construction. In fact, every bin is one of those variants, the `BinRange::RangeTo` is only provided as a convenience during construction.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Histogramint64 {
    pub bins: Vec<Binint64>,
    pub n_samples: u64,
    pub start_time: ::chrono::DateTime<::chrono::Utc>,
}

/// Supported set of sort modes for scanning by id only.
///
/// Currently, we only support scanning in ascending order.
pub type IdSortMode = IdSortMode2;

/// Client view of an [`IdentityProvider`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct IdentityProvider {
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// Identity provider type
    pub provider_type: IdentityProviderType,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct IdentityProviderResultsPage {
    /// list of items on this page of results
    pub items: Vec<IdentityProvider>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

pub type IdentityProviderType = IdentityProviderType2;

/// Describes what kind of identity is described by an id
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
pub enum IdentityType {
    #[serde(rename = "silo_user")]
    SiloUser,
    #[serde(rename = "silo_group")]
    SiloGroup,
}

impl IdentityType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::SiloUser => "silo_user",
            Self::SiloGroup => "silo_group",
        }
    }
}

impl ::std::fmt::Display for IdentityType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type")]
pub enum IdpMetadataSource {
    #[serde(rename = "url")]
    Url { url: String },
    #[serde(rename = "base64_encoded_xml")]
    Base64EncodedXml { data: String },
}

/// Client view of project Images
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Image {
    /// size of blocks in bytes
    pub block_size: ByteCount,
    /// human-readable free-form text about a resource
    pub description: String,
    /// Hash of the image contents, if applicable
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<Digest>,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// The project the disk belongs to
    pub project_id: ::uuid::Uuid,
    /// total size in bytes
    pub size: ByteCount,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    /// URL source of this image, if any
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Version of this, if any
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// Create-time parameters for an [`Image`](crate::external_api::views::Image)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ImageCreate {
    /// block size in bytes
    pub block_size: BlockSize,
    pub description: String,
    pub name: Name,
    /// The source of the image's contents.
    pub source: ImageSource,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ImageResultsPage {
    /// list of items on this page of results
    pub items: Vec<Image>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// The source of the underlying image.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type")]
pub enum ImageSource {
    #[serde(rename = "url")]
    Url { url: String },
    #[serde(rename = "snapshot")]
    Snapshot { id: ::uuid::Uuid },
    /// Boot the Alpine ISO that ships with the Propolis zone. Intended for development purposes only.
    #[serde(rename = "you_can_boot_anything_as_long_as_its_alpine")]
    YouCanBootAnythingAsLongAsItsAlpine,
}

/// Client view of an [`Instance`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Instance {
    /// human-readable free-form text about a resource
    pub description: String,
    /// RFC1035-compliant hostname for the Instance.
    pub hostname: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// memory allocated for this Instance
    pub memory: ByteCount,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// number of CPUs allocated for this Instance
    pub ncpus: InstanceCpuCount,
    /// id for the project containing this Instance
    pub project_id: ::uuid::Uuid,
    pub run_state: InstanceState,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    pub time_run_state_updated: ::chrono::DateTime<::chrono::Utc>,
}

/// The number of CPUs in an Instance
pub type InstanceCpuCount = u16;

/// Create-time parameters for an [`Instance`](omicron_common::api::external::Instance)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceCreate {
    pub description: String,
    /// The disks to be created or attached for this instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disks: Option<Vec<InstanceDiskAttachment>>,
    /// The external IP addresses provided to this instance.
    ///
    /// By default, all instances have outbound connectivity, but no inbound connectivity. These external addresses can be used to provide a fixed, known IP address for making inbound connections to the instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_ips: Option<Vec<ExternalIpCreate>>,
    pub hostname: String,
    pub memory: ByteCount,
    pub name: Name,
    pub ncpus: InstanceCpuCount,
    /// The network interfaces to be created for this instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_interfaces: Option<InstanceNetworkInterfaceAttachment>,
    /// Should this instance be started upon creation; true by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<bool>,
    /// User data for instance initialization systems (such as cloud-init). Must be a Base64-encoded string, as specified in RFC 4648 § 4 (+ and / characters with padding). Maximum 32 KiB unencoded data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_data: Option<String>,
}

/// Describe the instance's disks at creation time
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type")]
pub enum InstanceDiskAttachment {
    /// During instance creation, create and attach disks
    #[serde(rename = "create")]
    Create {
        description: String,
        /// initial source for this disk
        disk_source: DiskSource,
        name: Name,
        /// total size of the Disk in bytes
        size: ByteCount,
    },
    /// During instance creation, attach this disk
    #[serde(rename = "attach")]
    Attach {
        /// A disk name to attach
        name: Name,
    },
}

/// Migration parameters for an [`Instance`](omicron_common::api::external::Instance)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceMigrate {
    pub dst_sled_id: ::uuid::Uuid,
}

/// Describes an attachment of a `NetworkInterface` to an `Instance`, at the time the instance is created.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type", content = "params")]
pub enum InstanceNetworkInterfaceAttachment {
    /// Create one or more `NetworkInterface`s for the `Instance`.
    ///
    /// If more than one interface is provided, then the first will be designated the primary interface for the instance.
    #[serde(rename = "create")]
    Create(Vec<NetworkInterfaceCreate>),
    /// The default networking configuration for an instance is to create a single primary interface with an automatically-assigned IP address. The IP will be pulled from the Project's default VPC / VPC Subnet.
    #[serde(rename = "default")]
    Default,
    /// No network interfaces at all will be created for the instance.
    #[serde(rename = "none")]
    None,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceResultsPage {
    /// list of items on this page of results
    pub items: Vec<Instance>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Contents of an Instance's serial console buffer.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceSerialConsoleData {
    /// The bytes starting from the requested offset up to either the end of the buffer or the request's `max_bytes`. Provided as a u8 array rather than a string, as it may not be UTF-8.
    pub data: Vec<u8>,
    /// The absolute offset since boot (suitable for use as `byte_offset` in a subsequent request) of the last byte returned in `data`.
    pub last_byte_offset: u64,
}

/// Running state of an Instance (primarily: booted or stopped)
///
/// This typically reflects whether it's starting, running, stopping, or stopped, but also includes states related to the Instance's lifecycle
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
pub enum InstanceState {
    /// The instance is being created.
    #[serde(rename = "creating")]
    Creating,
    /// The instance is currently starting up.
    #[serde(rename = "starting")]
    Starting,
    /// The instance is currently running.
    #[serde(rename = "running")]
    Running,
    /// The instance has been requested to stop and a transition to "Stopped" is imminent.
    #[serde(rename = "stopping")]
    Stopping,
    /// The instance is currently stopped.
    #[serde(rename = "stopped")]
    Stopped,
    /// The instance is in the process of rebooting - it will remain in the "rebooting" state until the VM is starting once more.
    #[serde(rename = "rebooting")]
    Rebooting,
    /// The instance is in the process of migrating - it will remain in the "migrating" state until the migration process is complete and the destination propolis is ready to continue execution.
    #[serde(rename = "migrating")]
    Migrating,
    /// The instance is attempting to recover from a failure.
    #[serde(rename = "repairing")]
    Repairing,
    /// The instance has encountered a failure.
    #[serde(rename = "failed")]
    Failed,
    /// The instance has been deleted.
    #[serde(rename = "destroyed")]
    Destroyed,
}

impl InstanceState {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Creating => "creating",
            Self::Starting => "starting",
            Self::Running => "running",
            Self::Stopping => "stopping",
            Self::Stopped => "stopped",
            Self::Rebooting => "rebooting",
            Self::Migrating => "migrating",
            Self::Repairing => "repairing",
            Self::Failed => "failed",
            Self::Destroyed => "destroyed",
        }
    }
}

impl ::std::fmt::Display for InstanceState {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of an external IP address for an instance
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
pub enum IpKind {
    #[serde(rename = "ephemeral")]
    Ephemeral,
    #[serde(rename = "floating")]
    Floating,
}

impl IpKind {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Ephemeral => "ephemeral",
            Self::Floating => "floating",
        }
    }
}

impl ::std::fmt::Display for IpKind {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum IpNet {
    /// v4
    V4(Ipv4Net),
    /// v6
    V6(Ipv6Net),
}

/// Identity-related metadata that's included in nearly all public API objects
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct IpPool {
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// Create-time parameters for an IP Pool.
///
/// See [`IpPool`](crate::external_api::views::IpPool)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct IpPoolCreate {
    pub description: String,
    pub name: Name,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct IpPoolRange {
    pub id: ::uuid::Uuid,
    pub range: IpRange,
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct IpPoolRangeResultsPage {
    /// list of items on this page of results
    pub items: Vec<IpPoolRange>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct IpPoolResultsPage {
    /// list of items on this page of results
    pub items: Vec<IpPool>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Parameters for updating an IP Pool
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct IpPoolUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum IpRange {
    /// v4
    V4(Ipv4Range),
    /// v6
    V6(Ipv6Range),
}

/// An IPv4 subnet
///
/// An IPv4 subnet, including prefix and subnet mask
pub type Ipv4Net = String;

/// A non-decreasing IPv4 address range, inclusive of both ends.
///
/// The first address must be less than or equal to the last address.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Ipv4Range {
    pub first: ::std::net::Ipv4Addr,
    pub last: ::std::net::Ipv4Addr,
}

/// An IPv6 subnet
///
/// An IPv6 subnet, including prefix and subnet mask
pub type Ipv6Net = String;

/// A non-decreasing IPv6 address range, inclusive of both ends.
///
/// The first address must be less than or equal to the last address.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Ipv6Range {
    pub first: ::std::net::Ipv6Addr,
    pub last: ::std::net::Ipv6Addr,
}

/// A range of IP ports
///
/// An inclusive-inclusive range of IP ports. The second port may be omitted to represent a single port
pub type L4PortRange = String;

/// A MAC address
///
/// A Media Access Control address, in EUI-48 format
pub type MacAddr = String;

/// A `Measurement` is a timestamped datum from a single metric
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Measurement {
    pub datum: Datum,
    pub timestamp: ::chrono::DateTime<::chrono::Utc>,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct MeasurementResultsPage {
    /// list of items on this page of results
    pub items: Vec<Measurement>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// A name unique within the parent collection
///
/// Names must begin with a lower case ASCII letter, be composed exclusively of lowercase ASCII, uppercase ASCII, numbers, and '-', and may not end with a '-'. Names cannot be a UUID though they may contain a UUID.
pub type Name = String;

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum NameOrId {
    /// id
    Id(::uuid::Uuid),
    /// name
    Name(Name),
}

/// Supported set of sort modes for scanning by name or id
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
pub enum NameOrIdSortMode {
    /// sort in increasing order of "name"
    #[serde(rename = "name_ascending")]
    NameAscending,
    /// sort in decreasing order of "name"
    #[serde(rename = "name_descending")]
    NameDescending,
    /// sort in increasing order of "id"
    #[serde(rename = "id_ascending")]
    IdAscending,
}

impl NameOrIdSortMode {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::NameAscending => "name_ascending",
            Self::NameDescending => "name_descending",
            Self::IdAscending => "id_ascending",
        }
    }
}

impl ::std::fmt::Display for NameOrIdSortMode {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Supported set of sort modes for scanning by name only
///
/// Currently, we only support scanning in ascending order.
pub type NameSortMode = NameSortMode2;

/// A `NetworkInterface` represents a virtual network interface device.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct NetworkInterface {
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// The Instance to which the interface belongs.
    pub instance_id: ::uuid::Uuid,
    /// The IP address assigned to this interface.
    pub ip: ::std::net::IpAddr,
    /// The MAC address assigned to this interface.
    pub mac: MacAddr,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// True if this interface is the primary for the instance to which it's attached.
    pub primary: bool,
    /// The subnet to which the interface belongs.
    pub subnet_id: ::uuid::Uuid,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    /// The VPC to which the interface belongs.
    pub vpc_id: ::uuid::Uuid,
}

/// Create-time parameters for a [`NetworkInterface`](omicron_common::api::external::NetworkInterface)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct NetworkInterfaceCreate {
    pub description: String,
    /// The IP address for the interface. One will be auto-assigned if not provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<::std::net::IpAddr>,
    pub name: Name,
    /// The VPC Subnet in which to create the interface.
    pub subnet_name: Name,
    /// The VPC in which to create the interface.
    pub vpc_name: Name,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct NetworkInterfaceResultsPage {
    /// list of items on this page of results
    pub items: Vec<NetworkInterface>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Parameters for updating a [`NetworkInterface`](omicron_common::api::external::NetworkInterface).
///
/// Note that modifying IP addresses for an interface is not yet supported, a new interface must be created instead.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct NetworkInterfaceUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    /// Make a secondary interface the instance's primary interface.
    ///
    /// If applied to a secondary interface, that interface will become the primary on the next reboot of the instance. Note that this may have implications for routing between instances, as the new primary interface will be on a distinct subnet from the previous primary interface.
    ///
    /// Note that this can only be used to select a new primary interface for an instance. Requests to change the primary interface into a secondary will return an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
}

/// Unique name for a saga [`Node`]
///
/// Each node requires a string name that's unique within its DAG.  The name is used to identify its output.  Nodes that depend on a given node (either directly or indirectly) can access the node's output using its name.
pub type NodeName = String;

/// Client view of an [`Organization`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Organization {
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// Create-time parameters for an [`Organization`](crate::external_api::views::Organization)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct OrganizationCreate {
    pub description: String,
    pub name: Name,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct OrganizationResultsPage {
    /// list of items on this page of results
    pub items: Vec<Organization>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
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
pub enum OrganizationRole {
    #[serde(rename = "admin")]
    Admin,
    #[serde(rename = "collaborator")]
    Collaborator,
    #[serde(rename = "viewer")]
    Viewer,
}

impl OrganizationRole {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Collaborator => "collaborator",
            Self::Viewer => "viewer",
        }
    }
}

impl ::std::fmt::Display for OrganizationRole {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Client view of a [`Policy`], which describes how this resource may be accessed
///
/// Note that the Policy only describes access granted explicitly for this resource.  The policies of parent resources can also cause a user to have access to this resource.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct OrganizationRolePolicy {
    /// Roles directly assigned on this resource
    pub role_assignments: Vec<OrganizationRoleRoleAssignment>,
}

/// Describes the assignment of a particular role on a particular resource to a particular identity (user, group, etc.)
///
/// The resource is not part of this structure.  Rather, [`RoleAssignment`]s are put into a [`Policy`] and that Policy is applied to a particular resource.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct OrganizationRoleRoleAssignment {
    pub identity_id: ::uuid::Uuid,
    pub identity_type: IdentityType,
    pub role_name: OrganizationRole,
}

/// Updateable properties of an [`Organization`](crate::external_api::views::Organization)
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct OrganizationUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
}

/// A password used to authenticate a user
///
/// Passwords may be subject to additional constraints.
pub type Password = String;

/// Client view of a [`PhysicalDisk`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct PhysicalDisk {
    pub disk_type: PhysicalDiskType,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    pub model: String,
    pub serial: String,
    /// The sled to which this disk is attached, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sled_id: Option<::uuid::Uuid>,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    pub vendor: String,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct PhysicalDiskResultsPage {
    /// list of items on this page of results
    pub items: Vec<PhysicalDisk>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
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
pub enum PhysicalDiskType {
    #[serde(rename = "internal")]
    Internal,
    #[serde(rename = "external")]
    External,
}

impl PhysicalDiskType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Internal => "internal",
            Self::External => "external",
        }
    }
}

impl ::std::fmt::Display for PhysicalDiskType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Client view of a [`Project`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Project {
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    pub organization_id: ::uuid::Uuid,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// Create-time parameters for a [`Project`](crate::external_api::views::Project)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ProjectCreate {
    pub description: String,
    pub name: Name,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ProjectResultsPage {
    /// list of items on this page of results
    pub items: Vec<Project>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
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
pub enum ProjectRole {
    #[serde(rename = "admin")]
    Admin,
    #[serde(rename = "collaborator")]
    Collaborator,
    #[serde(rename = "viewer")]
    Viewer,
}

impl ProjectRole {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Collaborator => "collaborator",
            Self::Viewer => "viewer",
        }
    }
}

impl ::std::fmt::Display for ProjectRole {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Client view of a [`Policy`], which describes how this resource may be accessed
///
/// Note that the Policy only describes access granted explicitly for this resource.  The policies of parent resources can also cause a user to have access to this resource.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ProjectRolePolicy {
    /// Roles directly assigned on this resource
    pub role_assignments: Vec<ProjectRoleRoleAssignment>,
}

/// Describes the assignment of a particular role on a particular resource to a particular identity (user, group, etc.)
///
/// The resource is not part of this structure.  Rather, [`RoleAssignment`]s are put into a [`Policy`] and that Policy is applied to a particular resource.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ProjectRoleRoleAssignment {
    pub identity_id: ::uuid::Uuid,
    pub identity_type: IdentityType,
    pub role_name: ProjectRole,
}

/// Updateable properties of a [`Project`](crate::external_api::views::Project)
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct ProjectUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
}

/// Client view of an [`Rack`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Rack {
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct RackResultsPage {
    /// list of items on this page of results
    pub items: Vec<Rack>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Client view of a [`Role`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Role {
    pub description: String,
    pub name: RoleName,
}

/// A name for a built-in role
///
/// Role names consist of two string components separated by dot (".").
pub type RoleName = String;

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct RoleResultsPage {
    /// list of items on this page of results
    pub items: Vec<Role>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// A `RouteDestination` is used to match traffic with a routing rule, on the destination of that traffic.
///
/// When traffic is to be sent to a destination that is within a given `RouteDestination`, the corresponding [`RouterRoute`] applies, and traffic will be forward to the [`RouteTarget`] for that rule.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type", content = "value")]
pub enum RouteDestination {
    /// Route applies to traffic destined for a specific IP address
    #[serde(rename = "ip")]
    Ip(::std::net::IpAddr),
    /// Route applies to traffic destined for a specific IP subnet
    #[serde(rename = "ip_net")]
    IpNet(IpNet),
    /// Route applies to traffic destined for the given VPC.
    #[serde(rename = "vpc")]
    Vpc(Name),
    /// Route applies to traffic
    #[serde(rename = "subnet")]
    Subnet(Name),
}

/// A `RouteTarget` describes the possible locations that traffic matching a route destination can be sent.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type", content = "value")]
pub enum RouteTarget {
    /// Forward traffic to a particular IP address.
    #[serde(rename = "ip")]
    Ip(::std::net::IpAddr),
    /// Forward traffic to a VPC
    #[serde(rename = "vpc")]
    Vpc(Name),
    /// Forward traffic to a VPC Subnet
    #[serde(rename = "subnet")]
    Subnet(Name),
    /// Forward traffic to a specific instance
    #[serde(rename = "instance")]
    Instance(Name),
    /// Forward traffic to an internet gateway
    #[serde(rename = "internet_gateway")]
    InternetGateway(Name),
}

/// A route defines a rule that governs where traffic should be sent based on its destination.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct RouterRoute {
    /// human-readable free-form text about a resource
    pub description: String,
    pub destination: RouteDestination,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// Describes the kind of router. Set at creation. `read-only`
    pub kind: RouterRouteKind,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    pub target: RouteTarget,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    /// The VPC Router to which the route belongs.
    pub vpc_router_id: ::uuid::Uuid,
}

/// Create-time parameters for a [`RouterRoute`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct RouterRouteCreateParams {
    pub description: String,
    pub destination: RouteDestination,
    pub name: Name,
    pub target: RouteTarget,
}

/// The classification of a [`RouterRoute`] as defined by the system. The kind determines certain attributes such as if the route is modifiable and describes how or where the route was created.
///
/// See [RFD-21](https://rfd.shared.oxide.computer/rfd/0021#concept-router) for more context
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
pub enum RouterRouteKind {
    /// Determines the default destination of traffic, such as whether it goes to the internet or not.
    ///
    /// `Destination: An Internet Gateway` `Modifiable: true`
    #[serde(rename = "default")]
    Default,
    /// Automatically added for each VPC Subnet in the VPC
    ///
    /// `Destination: A VPC Subnet` `Modifiable: false`
    #[serde(rename = "vpc_subnet")]
    VpcSubnet,
    /// Automatically added when VPC peering is established
    ///
    /// `Destination: A different VPC` `Modifiable: false`
    #[serde(rename = "vpc_peering")]
    VpcPeering,
    /// Created by a user See [`RouteTarget`]
    ///
    /// `Destination: User defined` `Modifiable: true`
    #[serde(rename = "custom")]
    Custom,
}

impl RouterRouteKind {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::VpcSubnet => "vpc_subnet",
            Self::VpcPeering => "vpc_peering",
            Self::Custom => "custom",
        }
    }
}

impl ::std::fmt::Display for RouterRouteKind {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct RouterRouteResultsPage {
    /// list of items on this page of results
    pub items: Vec<RouterRoute>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Updateable properties of a [`RouterRoute`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct RouterRouteUpdateParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub destination: RouteDestination,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    pub target: RouteTarget,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Saga {
    pub id: ::uuid::Uuid,
    pub state: SagaState,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "error")]
pub enum SagaErrorInfo {
    #[serde(rename = "action_failed")]
    ActionFailed { source_error: ::serde_json::Value },
    #[serde(rename = "deserialize_failed")]
    DeserializeFailed { message: String },
    #[serde(rename = "injected_error")]
    InjectedError,
    #[serde(rename = "serialize_failed")]
    SerializeFailed { message: String },
    #[serde(rename = "subsaga_create_failed")]
    SubsagaCreateFailed { message: String },
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SagaResultsPage {
    /// list of items on this page of results
    pub items: Vec<Saga>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "state")]
pub enum SagaState {
    #[serde(rename = "running")]
    Running,
    #[serde(rename = "succeeded")]
    Succeeded,
    #[serde(rename = "failed")]
    Failed { error_info: SagaErrorInfo, error_node_name: NodeName },
}

/// Identity-related metadata that's included in nearly all public API objects
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SamlIdentityProvider {
    /// service provider endpoint where the response will be sent
    pub acs_url: String,
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// idp's entity id
    pub idp_entity_id: String,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// optional request signing public certificate (base64 encoded der file)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_cert: Option<String>,
    /// service provider endpoint where the idp should send log out requests
    pub slo_url: String,
    /// sp's client id
    pub sp_client_id: String,
    /// customer's technical contact for saml configuration
    pub technical_contact_email: String,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// Create-time identity-related parameters
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SamlIdentityProviderCreate {
    /// service provider endpoint where the response will be sent
    pub acs_url: String,
    pub description: String,
    /// If set, SAML attributes with this name will be considered to denote a user's group membership, where the attribute value(s) should be a comma-separated list of group names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_attribute_name: Option<String>,
    /// idp's entity id
    pub idp_entity_id: String,
    /// the source of an identity provider metadata descriptor
    pub idp_metadata_source: IdpMetadataSource,
    pub name: Name,
    /// optional request signing key pair
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_keypair: Option<DerEncodedKeyPair>,
    /// service provider endpoint where the idp should send log out requests
    pub slo_url: String,
    /// sp's client id
    pub sp_client_id: String,
    /// customer's technical contact for saml configuration
    pub technical_contact_email: String,
}

pub type SemverVersion = String;

/// The service intended to use this certificate.
pub type ServiceUsingCertificate = ServiceUsingCertificate2;

/// Client view of a ['Silo']
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Silo {
    /// human-readable free-form text about a resource
    pub description: String,
    /// A silo where discoverable is false can be retrieved only by its id - it will not be part of the "list all silos" output.
    pub discoverable: bool,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// How users and groups are managed in this Silo
    pub identity_mode: SiloIdentityMode,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// Create-time parameters for a [`Silo`](crate::external_api::views::Silo)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SiloCreate {
    /// If set, this group will be created during Silo creation and granted the "Silo Admin" role. Identity providers can assert that users belong to this group and those users can log in and further initialize the Silo.
    ///
    /// Note that if configuring a SAML based identity provider, group_attribute_name must be set for users to be considered part of a group. See [`SamlIdentityProviderCreate`] for more information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_group_name: Option<String>,
    pub description: String,
    pub discoverable: bool,
    pub identity_mode: SiloIdentityMode,
    pub name: Name,
}

/// Describes how identities are managed and users are authenticated in this Silo
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
pub enum SiloIdentityMode {
    /// Users are authenticated with SAML using an external authentication provider.  The system updates information about users and groups only during successful authentication (i.e,. "JIT provisioning" of users and groups).
    #[serde(rename = "saml_jit")]
    SamlJit,
    /// The system is the source of truth about users.  There is no linkage to an external authentication provider or identity provider.
    #[serde(rename = "local_only")]
    LocalOnly,
}

impl SiloIdentityMode {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::SamlJit => "saml_jit",
            Self::LocalOnly => "local_only",
        }
    }
}

impl ::std::fmt::Display for SiloIdentityMode {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SiloResultsPage {
    /// list of items on this page of results
    pub items: Vec<Silo>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
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
pub enum SiloRole {
    #[serde(rename = "admin")]
    Admin,
    #[serde(rename = "collaborator")]
    Collaborator,
    #[serde(rename = "viewer")]
    Viewer,
}

impl SiloRole {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Collaborator => "collaborator",
            Self::Viewer => "viewer",
        }
    }
}

impl ::std::fmt::Display for SiloRole {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Client view of a [`Policy`], which describes how this resource may be accessed
///
/// Note that the Policy only describes access granted explicitly for this resource.  The policies of parent resources can also cause a user to have access to this resource.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SiloRolePolicy {
    /// Roles directly assigned on this resource
    pub role_assignments: Vec<SiloRoleRoleAssignment>,
}

/// Describes the assignment of a particular role on a particular resource to a particular identity (user, group, etc.)
///
/// The resource is not part of this structure.  Rather, [`RoleAssignment`]s are put into a [`Policy`] and that Policy is applied to a particular resource.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SiloRoleRoleAssignment {
    pub identity_id: ::uuid::Uuid,
    pub identity_type: IdentityType,
    pub role_name: SiloRole,
}

/// Client view of a [`Sled`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Sled {
    pub baseboard: Baseboard,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    pub service_address: String,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SledResultsPage {
    /// list of items on this page of results
    pub items: Vec<Sled>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Client view of a Snapshot
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Snapshot {
    /// human-readable free-form text about a resource
    pub description: String,
    pub disk_id: ::uuid::Uuid,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    pub project_id: ::uuid::Uuid,
    pub size: ByteCount,
    pub state: SnapshotState,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// Create-time parameters for a [`Snapshot`](crate::external_api::views::Snapshot)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SnapshotCreate {
    pub description: String,
    /// The name of the disk to be snapshotted
    pub disk: Name,
    pub name: Name,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SnapshotResultsPage {
    /// list of items on this page of results
    pub items: Vec<Snapshot>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
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
pub enum SnapshotState {
    #[serde(rename = "creating")]
    Creating,
    #[serde(rename = "ready")]
    Ready,
    #[serde(rename = "faulted")]
    Faulted,
    #[serde(rename = "destroyed")]
    Destroyed,
}

impl SnapshotState {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Creating => "creating",
            Self::Ready => "ready",
            Self::Faulted => "faulted",
            Self::Destroyed => "destroyed",
        }
    }
}

impl ::std::fmt::Display for SnapshotState {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SpoofLoginBody {
    pub username: String,
}

/// Client view of a [`SshKey`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SshKey {
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// SSH public key, e.g., `"ssh-ed25519 AAAAC3NzaC..."`
    pub public_key: String,
    /// The user to whom this key belongs
    pub silo_user_id: ::uuid::Uuid,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// Create-time parameters for an [`SshKey`](crate::external_api::views::SshKey)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SshKeyCreate {
    pub description: String,
    pub name: Name,
    /// SSH public key, e.g., `"ssh-ed25519 AAAAC3NzaC..."`
    pub public_key: String,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SshKeyResultsPage {
    /// list of items on this page of results
    pub items: Vec<SshKey>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
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
pub enum SystemMetricName {
    #[serde(rename = "virtual_disk_space_provisioned")]
    VirtualDiskSpaceProvisioned,
    #[serde(rename = "cpus_provisioned")]
    CpusProvisioned,
    #[serde(rename = "ram_provisioned")]
    RamProvisioned,
}

impl SystemMetricName {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::VirtualDiskSpaceProvisioned => "virtual_disk_space_provisioned",
            Self::CpusProvisioned => "cpus_provisioned",
            Self::RamProvisioned => "ram_provisioned",
        }
    }
}

impl ::std::fmt::Display for SystemMetricName {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Identity-related metadata that's included in "asset" public API objects (which generally have no name or description)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SystemUpdate {
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    pub version: SemverVersion,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SystemUpdateResultsPage {
    /// list of items on this page of results
    pub items: Vec<SystemUpdate>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SystemUpdateStart {
    pub version: SemverVersion,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SystemVersion {
    pub status: UpdateStatus,
    pub version_range: VersionRange,
}

/// The name of a timeseries
///
/// Names are constructed by concatenating the target and metric names with ':'. Target and metric names must be lowercase alphanumeric characters with '_' separating words.
pub type TimeseriesName = String;

/// The schema for a timeseries.
///
/// This includes the name of the timeseries, as well as the datum type of its metric and the schema for each field.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct TimeseriesSchema {
    pub created: ::chrono::DateTime<::chrono::Utc>,
    pub datum_type: DatumType,
    pub field_schema: Vec<FieldSchema>,
    pub timeseries_name: TimeseriesName,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct TimeseriesSchemaResultsPage {
    /// list of items on this page of results
    pub items: Vec<TimeseriesSchema>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Identity-related metadata that's included in "asset" public API objects (which generally have no name or description)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UpdateDeployment {
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    pub status: UpdateStatus,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    pub version: SemverVersion,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UpdateDeploymentResultsPage {
    /// list of items on this page of results
    pub items: Vec<UpdateDeployment>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "status")]
pub enum UpdateStatus {
    #[serde(rename = "updating")]
    Updating,
    #[serde(rename = "steady")]
    Steady,
}

/// Identity-related metadata that's included in "asset" public API objects (which generally have no name or description)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UpdateableComponent {
    pub component_type: UpdateableComponentType,
    pub device_id: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    pub status: UpdateStatus,
    pub system_version: SemverVersion,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    pub version: SemverVersion,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UpdateableComponentResultsPage {
    /// list of items on this page of results
    pub items: Vec<UpdateableComponent>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
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
pub enum UpdateableComponentType {
    #[serde(rename = "bootloader_for_rot")]
    BootloaderForRot,
    #[serde(rename = "bootloader_for_sp")]
    BootloaderForSp,
    #[serde(rename = "bootloader_for_host_proc")]
    BootloaderForHostProc,
    #[serde(rename = "hubris_for_psc_rot")]
    HubrisForPscRot,
    #[serde(rename = "hubris_for_psc_sp")]
    HubrisForPscSp,
    #[serde(rename = "hubris_for_sidecar_rot")]
    HubrisForSidecarRot,
    #[serde(rename = "hubris_for_sidecar_sp")]
    HubrisForSidecarSp,
    #[serde(rename = "hubris_for_gimlet_rot")]
    HubrisForGimletRot,
    #[serde(rename = "hubris_for_gimlet_sp")]
    HubrisForGimletSp,
    #[serde(rename = "helios_host_phase1")]
    HeliosHostPhase1,
    #[serde(rename = "helios_host_phase2")]
    HeliosHostPhase2,
    #[serde(rename = "host_omicron")]
    HostOmicron,
}

impl UpdateableComponentType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::BootloaderForRot => "bootloader_for_rot",
            Self::BootloaderForSp => "bootloader_for_sp",
            Self::BootloaderForHostProc => "bootloader_for_host_proc",
            Self::HubrisForPscRot => "hubris_for_psc_rot",
            Self::HubrisForPscSp => "hubris_for_psc_sp",
            Self::HubrisForSidecarRot => "hubris_for_sidecar_rot",
            Self::HubrisForSidecarSp => "hubris_for_sidecar_sp",
            Self::HubrisForGimletRot => "hubris_for_gimlet_rot",
            Self::HubrisForGimletSp => "hubris_for_gimlet_sp",
            Self::HeliosHostPhase1 => "helios_host_phase1",
            Self::HeliosHostPhase2 => "helios_host_phase2",
            Self::HostOmicron => "host_omicron",
        }
    }
}

impl ::std::fmt::Display for UpdateableComponentType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Client view of a [`User`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct User {
    /// Human-readable name that can identify the user
    pub display_name: String,
    pub id: ::uuid::Uuid,
    /// Uuid of the silo to which this user belongs
    pub silo_id: ::uuid::Uuid,
}

/// Client view of a [`UserBuiltin`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UserBuiltin {
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UserBuiltinResultsPage {
    /// list of items on this page of results
    pub items: Vec<UserBuiltin>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Create-time parameters for a [`User`](crate::external_api::views::User)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UserCreate {
    /// username used to log in
    pub external_id: UserId,
    /// password used to log in
    pub password: UserPassword,
}

/// A name unique within the parent collection
///
/// Names must begin with a lower case ASCII letter, be composed exclusively of lowercase ASCII, uppercase ASCII, numbers, and '-', and may not end with a '-'. Names cannot be a UUID though they may contain a UUID.
pub type UserId = String;

/// Parameters for setting a user's password
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "user_password_value", content = "details")]
pub enum UserPassword {
    /// Sets the user's password to the provided value
    #[serde(rename = "password")]
    Password(Password),
    /// Invalidates any current password (disabling password authentication)
    #[serde(rename = "invalid_password")]
    InvalidPassword,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UserResultsPage {
    /// list of items on this page of results
    pub items: Vec<User>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Credentials for local user login
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UsernamePasswordCredentials {
    pub password: Password,
    pub username: UserId,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VersionRange {
    pub high: SemverVersion,
    pub low: SemverVersion,
}

/// Client view of a [`Vpc`]
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Vpc {
    /// human-readable free-form text about a resource
    pub description: String,
    /// The name used for the VPC in DNS.
    pub dns_name: Name,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// The unique local IPv6 address range for subnets in this VPC
    pub ipv6_prefix: Ipv6Net,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// id for the project containing this VPC
    pub project_id: ::uuid::Uuid,
    /// id for the system router where subnet default routes are registered
    pub system_router_id: ::uuid::Uuid,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
}

/// Create-time parameters for a [`Vpc`](crate::external_api::views::Vpc)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcCreate {
    pub description: String,
    pub dns_name: Name,
    /// The IPv6 prefix for this VPC.
    ///
    /// All IPv6 subnets created from this VPC must be taken from this range, which sould be a Unique Local Address in the range `fd00::/48`. The default VPC Subnet will have the first `/64` range from this prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6_prefix: Option<Ipv6Net>,
    pub name: Name,
}

/// A single rule in a VPC firewall
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcFirewallRule {
    /// whether traffic matching the rule should be allowed or dropped
    pub action: VpcFirewallRuleAction,
    /// human-readable free-form text about a resource
    pub description: String,
    /// whether this rule is for incoming or outgoing traffic
    pub direction: VpcFirewallRuleDirection,
    /// reductions on the scope of the rule
    pub filters: VpcFirewallRuleFilter,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// the relative priority of this rule
    pub priority: u16,
    /// whether this rule is in effect
    pub status: VpcFirewallRuleStatus,
    /// list of sets of instances that the rule applies to
    pub targets: Vec<VpcFirewallRuleTarget>,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    /// the VPC to which this rule belongs
    pub vpc_id: ::uuid::Uuid,
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
pub enum VpcFirewallRuleAction {
    #[serde(rename = "allow")]
    Allow,
    #[serde(rename = "deny")]
    Deny,
}

impl VpcFirewallRuleAction {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Allow => "allow",
            Self::Deny => "deny",
        }
    }
}

impl ::std::fmt::Display for VpcFirewallRuleAction {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum VpcFirewallRuleDirection {
    #[serde(rename = "inbound")]
    Inbound,
    #[serde(rename = "outbound")]
    Outbound,
}

impl VpcFirewallRuleDirection {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Inbound => "inbound",
            Self::Outbound => "outbound",
        }
    }
}

impl ::std::fmt::Display for VpcFirewallRuleDirection {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Filter for a firewall rule. A given packet must match every field that is present for the rule to apply to it. A packet matches a field if any entry in that field matches the packet.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcFirewallRuleFilter {
    /// If present, the sources (if incoming) or destinations (if outgoing) this rule applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosts: Option<Vec<VpcFirewallRuleHostFilter>>,
    /// If present, the destination ports this rule applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<Vec<L4PortRange>>,
    /// If present, the networking protocols this rule applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocols: Option<Vec<VpcFirewallRuleProtocol>>,
}

/// The `VpcFirewallRuleHostFilter` is used to filter traffic on the basis of its source or destination host.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type", content = "value")]
pub enum VpcFirewallRuleHostFilter {
    /// The rule applies to traffic from/to all instances in the VPC
    #[serde(rename = "vpc")]
    Vpc(Name),
    /// The rule applies to traffic from/to all instances in the VPC Subnet
    #[serde(rename = "subnet")]
    Subnet(Name),
    /// The rule applies to traffic from/to this specific instance
    #[serde(rename = "instance")]
    Instance(Name),
    /// The rule applies to traffic from/to a specific IP address
    #[serde(rename = "ip")]
    Ip(::std::net::IpAddr),
    /// The rule applies to traffic from/to a specific IP subnet
    #[serde(rename = "ip_net")]
    IpNet(IpNet),
}

/// The protocols that may be specified in a firewall rule's filter
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
pub enum VpcFirewallRuleProtocol {
    #[serde(rename = "TCP")]
    Tcp,
    #[serde(rename = "UDP")]
    Udp,
    #[serde(rename = "ICMP")]
    Icmp,
}

impl VpcFirewallRuleProtocol {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Tcp => "TCP",
            Self::Udp => "UDP",
            Self::Icmp => "ICMP",
        }
    }
}

impl ::std::fmt::Display for VpcFirewallRuleProtocol {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum VpcFirewallRuleStatus {
    #[serde(rename = "disabled")]
    Disabled,
    #[serde(rename = "enabled")]
    Enabled,
}

impl VpcFirewallRuleStatus {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Disabled => "disabled",
            Self::Enabled => "enabled",
        }
    }
}

impl ::std::fmt::Display for VpcFirewallRuleStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `VpcFirewallRuleTarget` is used to specify the set of [`Instance`]s to which a firewall rule applies.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type", content = "value")]
pub enum VpcFirewallRuleTarget {
    /// The rule applies to all instances in the VPC
    #[serde(rename = "vpc")]
    Vpc(Name),
    /// The rule applies to all instances in the VPC Subnet
    #[serde(rename = "subnet")]
    Subnet(Name),
    /// The rule applies to this specific instance
    #[serde(rename = "instance")]
    Instance(Name),
    /// The rule applies to a specific IP address
    #[serde(rename = "ip")]
    Ip(::std::net::IpAddr),
    /// The rule applies to a specific IP subnet
    #[serde(rename = "ip_net")]
    IpNet(IpNet),
}

/// A single rule in a VPC firewall
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcFirewallRuleUpdate {
    /// whether traffic matching the rule should be allowed or dropped
    pub action: VpcFirewallRuleAction,
    /// human-readable free-form text about a resource
    pub description: String,
    /// whether this rule is for incoming or outgoing traffic
    pub direction: VpcFirewallRuleDirection,
    /// reductions on the scope of the rule
    pub filters: VpcFirewallRuleFilter,
    /// name of the rule, unique to this VPC
    pub name: Name,
    /// the relative priority of this rule
    pub priority: u16,
    /// whether this rule is in effect
    pub status: VpcFirewallRuleStatus,
    /// list of sets of instances that the rule applies to
    pub targets: Vec<VpcFirewallRuleTarget>,
}

/// Updateable properties of a `Vpc`'s firewall Note that VpcFirewallRules are implicitly created along with a Vpc, so there is no explicit creation.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcFirewallRuleUpdateParams {
    pub rules: Vec<VpcFirewallRuleUpdate>,
}

/// Collection of a Vpc's firewall rules
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcFirewallRules {
    pub rules: Vec<VpcFirewallRule>,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcResultsPage {
    /// list of items on this page of results
    pub items: Vec<Vpc>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// A VPC router defines a series of rules that indicate where traffic should be sent depending on its destination.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcRouter {
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    pub kind: VpcRouterKind,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    /// The VPC to which the router belongs.
    pub vpc_id: ::uuid::Uuid,
}

/// Create-time parameters for a [`VpcRouter`](crate::external_api::views::VpcRouter)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcRouterCreate {
    pub description: String,
    pub name: Name,
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
pub enum VpcRouterKind {
    #[serde(rename = "system")]
    System,
    #[serde(rename = "custom")]
    Custom,
}

impl VpcRouterKind {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Custom => "custom",
        }
    }
}

impl ::std::fmt::Display for VpcRouterKind {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcRouterResultsPage {
    /// list of items on this page of results
    pub items: Vec<VpcRouter>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Updateable properties of a [`VpcRouter`](crate::external_api::views::VpcRouter)
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcRouterUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
}

/// A VPC subnet represents a logical grouping for instances that allows network traffic between them, within a IPv4 subnetwork or optionall an IPv6 subnetwork.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcSubnet {
    /// human-readable free-form text about a resource
    pub description: String,
    /// unique, immutable, system-controlled identifier for each resource
    pub id: ::uuid::Uuid,
    /// The IPv4 subnet CIDR block.
    pub ipv4_block: Ipv4Net,
    /// The IPv6 subnet CIDR block.
    pub ipv6_block: Ipv6Net,
    /// unique, mutable, user-controlled identifier for each resource
    pub name: Name,
    /// timestamp when this resource was created
    pub time_created: ::chrono::DateTime<::chrono::Utc>,
    /// timestamp when this resource was last modified
    pub time_modified: ::chrono::DateTime<::chrono::Utc>,
    /// The VPC to which the subnet belongs.
    pub vpc_id: ::uuid::Uuid,
}

/// Create-time parameters for a [`VpcSubnet`](crate::external_api::views::VpcSubnet)
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcSubnetCreate {
    pub description: String,
    /// The IPv4 address range for this subnet.
    ///
    /// It must be allocated from an RFC 1918 private address range, and must not overlap with any other existing subnet in the VPC.
    pub ipv4_block: Ipv4Net,
    /// The IPv6 address range for this subnet.
    ///
    /// It must be allocated from the RFC 4193 Unique Local Address range, with the prefix equal to the parent VPC's prefix. A random `/64` block will be assigned if one is not provided. It must not overlap with any existing subnet in the VPC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6_block: Option<Ipv6Net>,
    pub name: Name,
}

/// A single page of results
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcSubnetResultsPage {
    /// list of items on this page of results
    pub items: Vec<VpcSubnet>,
    /// token used to fetch the next page of results (if any)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

/// Updateable properties of a [`VpcSubnet`](crate::external_api::views::VpcSubnet)
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcSubnetUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
}

/// Updateable properties of a [`Vpc`](crate::external_api::views::Vpc)
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<Name>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
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
pub enum BinRangedoubleRangeToType {
    #[serde(rename = "range_to")]
    RangeTo,
}

impl BinRangedoubleRangeToType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::RangeTo => "range_to",
        }
    }
}

impl ::std::fmt::Display for BinRangedoubleRangeToType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum BinRangedoubleRangeType {
    #[serde(rename = "range")]
    Range,
}

impl BinRangedoubleRangeType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Range => "range",
        }
    }
}

impl ::std::fmt::Display for BinRangedoubleRangeType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum BinRangedoubleRangeFromType {
    #[serde(rename = "range_from")]
    RangeFrom,
}

impl BinRangedoubleRangeFromType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::RangeFrom => "range_from",
        }
    }
}

impl ::std::fmt::Display for BinRangedoubleRangeFromType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum BinRangeint64RangeToType {
    #[serde(rename = "range_to")]
    RangeTo,
}

impl BinRangeint64RangeToType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::RangeTo => "range_to",
        }
    }
}

impl ::std::fmt::Display for BinRangeint64RangeToType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum BinRangeint64RangeType {
    #[serde(rename = "range")]
    Range,
}

impl BinRangeint64RangeType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Range => "range",
        }
    }
}

impl ::std::fmt::Display for BinRangeint64RangeType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum BinRangeint64RangeFromType {
    #[serde(rename = "range_from")]
    RangeFrom,
}

impl BinRangeint64RangeFromType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::RangeFrom => "range_from",
        }
    }
}

impl ::std::fmt::Display for BinRangeint64RangeFromType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum DigestType {
    #[serde(rename = "sha256")]
    Sha256,
}

impl DigestType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Sha256 => "sha256",
        }
    }
}

impl ::std::fmt::Display for DigestType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Digest2 {
    pub r#type: DigestType,
    pub value: String,
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
pub enum DiskSourceBlankType {
    #[serde(rename = "blank")]
    Blank,
}

impl DiskSourceBlankType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Blank => "blank",
        }
    }
}

impl ::std::fmt::Display for DiskSourceBlankType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum DiskSourceSnapshotType {
    #[serde(rename = "snapshot")]
    Snapshot,
}

impl DiskSourceSnapshotType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Snapshot => "snapshot",
        }
    }
}

impl ::std::fmt::Display for DiskSourceSnapshotType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum DiskSourceImageType {
    #[serde(rename = "image")]
    Image,
}

impl DiskSourceImageType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Image => "image",
        }
    }
}

impl ::std::fmt::Display for DiskSourceImageType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum DiskSourceGlobalImageType {
    #[serde(rename = "global_image")]
    GlobalImage,
}

impl DiskSourceGlobalImageType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::GlobalImage => "global_image",
        }
    }
}

impl ::std::fmt::Display for DiskSourceGlobalImageType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum ExternalIpCreateType {
    #[serde(rename = "ephemeral")]
    Ephemeral,
}

impl ExternalIpCreateType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Ephemeral => "ephemeral",
        }
    }
}

impl ::std::fmt::Display for ExternalIpCreateType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An IP address providing both inbound and outbound access. The address is automatically-assigned from the provided IP Pool, or all available pools if not specified.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ExternalIpCreate2 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool_name: Option<Name>,
    pub r#type: ExternalIpCreateType,
}

/// sort in increasing order of "id"
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
pub enum IdSortMode2 {
    #[serde(rename = "id_ascending")]
    IdAscending,
}

impl IdSortMode2 {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::IdAscending => "id_ascending",
        }
    }
}

impl ::std::fmt::Display for IdSortMode2 {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// SAML identity provider
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
pub enum IdentityProviderType2 {
    #[serde(rename = "saml")]
    Saml,
}

impl IdentityProviderType2 {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Saml => "saml",
        }
    }
}

impl ::std::fmt::Display for IdentityProviderType2 {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum IdpMetadataSourceUrlType {
    #[serde(rename = "url")]
    Url,
}

impl IdpMetadataSourceUrlType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Url => "url",
        }
    }
}

impl ::std::fmt::Display for IdpMetadataSourceUrlType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum IdpMetadataSourceBase64EncodedXmlType {
    #[serde(rename = "base64_encoded_xml")]
    Base64EncodedXml,
}

impl IdpMetadataSourceBase64EncodedXmlType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Base64EncodedXml => "base64_encoded_xml",
        }
    }
}

impl ::std::fmt::Display for IdpMetadataSourceBase64EncodedXmlType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum ImageSourceUrlType {
    #[serde(rename = "url")]
    Url,
}

impl ImageSourceUrlType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Url => "url",
        }
    }
}

impl ::std::fmt::Display for ImageSourceUrlType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum ImageSourceSnapshotType {
    #[serde(rename = "snapshot")]
    Snapshot,
}

impl ImageSourceSnapshotType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Snapshot => "snapshot",
        }
    }
}

impl ::std::fmt::Display for ImageSourceSnapshotType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum ImageSourceYouCanBootAnythingAsLongAsItsAlpineType {
    #[serde(rename = "you_can_boot_anything_as_long_as_its_alpine")]
    YouCanBootAnythingAsLongAsItsAlpine,
}

impl ImageSourceYouCanBootAnythingAsLongAsItsAlpineType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::YouCanBootAnythingAsLongAsItsAlpine => {
                "you_can_boot_anything_as_long_as_its_alpine"
            }
        }
    }
}

impl ::std::fmt::Display for ImageSourceYouCanBootAnythingAsLongAsItsAlpineType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum InstanceDiskAttachmentCreateType {
    #[serde(rename = "create")]
    Create,
}

impl InstanceDiskAttachmentCreateType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Create => "create",
        }
    }
}

impl ::std::fmt::Display for InstanceDiskAttachmentCreateType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum InstanceDiskAttachmentAttachType {
    #[serde(rename = "attach")]
    Attach,
}

impl InstanceDiskAttachmentAttachType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Attach => "attach",
        }
    }
}

impl ::std::fmt::Display for InstanceDiskAttachmentAttachType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// sort in increasing order of "name"
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
pub enum NameSortMode2 {
    #[serde(rename = "name_ascending")]
    NameAscending,
}

impl NameSortMode2 {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::NameAscending => "name_ascending",
        }
    }
}

impl ::std::fmt::Display for NameSortMode2 {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum SagaErrorInfoActionFailedError {
    #[serde(rename = "action_failed")]
    ActionFailed,
}

impl SagaErrorInfoActionFailedError {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::ActionFailed => "action_failed",
        }
    }
}

impl ::std::fmt::Display for SagaErrorInfoActionFailedError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum SagaErrorInfoDeserializeFailedError {
    #[serde(rename = "deserialize_failed")]
    DeserializeFailed,
}

impl SagaErrorInfoDeserializeFailedError {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::DeserializeFailed => "deserialize_failed",
        }
    }
}

impl ::std::fmt::Display for SagaErrorInfoDeserializeFailedError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum SagaErrorInfoInjectedErrorError {
    #[serde(rename = "injected_error")]
    InjectedError,
}

impl SagaErrorInfoInjectedErrorError {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::InjectedError => "injected_error",
        }
    }
}

impl ::std::fmt::Display for SagaErrorInfoInjectedErrorError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum SagaErrorInfoSerializeFailedError {
    #[serde(rename = "serialize_failed")]
    SerializeFailed,
}

impl SagaErrorInfoSerializeFailedError {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::SerializeFailed => "serialize_failed",
        }
    }
}

impl ::std::fmt::Display for SagaErrorInfoSerializeFailedError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum SagaErrorInfoSubsagaCreateFailedError {
    #[serde(rename = "subsaga_create_failed")]
    SubsagaCreateFailed,
}

impl SagaErrorInfoSubsagaCreateFailedError {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::SubsagaCreateFailed => "subsaga_create_failed",
        }
    }
}

impl ::std::fmt::Display for SagaErrorInfoSubsagaCreateFailedError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum SagaStateRunningState {
    #[serde(rename = "running")]
    Running,
}

impl SagaStateRunningState {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Running => "running",
        }
    }
}

impl ::std::fmt::Display for SagaStateRunningState {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum SagaStateSucceededState {
    #[serde(rename = "succeeded")]
    Succeeded,
}

impl SagaStateSucceededState {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Succeeded => "succeeded",
        }
    }
}

impl ::std::fmt::Display for SagaStateSucceededState {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum SagaStateFailedState {
    #[serde(rename = "failed")]
    Failed,
}

impl SagaStateFailedState {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Failed => "failed",
        }
    }
}

impl ::std::fmt::Display for SagaStateFailedState {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// This certificate is intended for access to the external API.
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
pub enum ServiceUsingCertificate2 {
    #[serde(rename = "external_api")]
    ExternalApi,
}

impl ServiceUsingCertificate2 {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::ExternalApi => "external_api",
        }
    }
}

impl ::std::fmt::Display for ServiceUsingCertificate2 {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum UpdateStatusUpdatingStatus {
    #[serde(rename = "updating")]
    Updating,
}

impl UpdateStatusUpdatingStatus {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Updating => "updating",
        }
    }
}

impl ::std::fmt::Display for UpdateStatusUpdatingStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
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
pub enum UpdateStatusSteadyStatus {
    #[serde(rename = "steady")]
    Steady,
}

impl UpdateStatusSteadyStatus {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Steady => "steady",
        }
    }
}

impl ::std::fmt::Display for UpdateStatusSteadyStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
