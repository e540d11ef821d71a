//! Types for the schemas of the document.
#![allow(clippy::large_enum_variant, clippy::enum_variant_names)]

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct CrucibleOpts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_pem: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flush_timeout: Option<u32>,
    pub id: ::uuid::Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_pem: Option<String>,
    pub lossy: bool,
    pub read_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_cert_pem: Option<String>,
    pub target: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DiskAttachment {
    pub disk_id: ::uuid::Uuid,
    pub generation_id: u64,
    pub state: DiskAttachmentState,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub enum DiskAttachmentState {
    Detached,
    Destroyed,
    Faulted,
    Attached(::uuid::Uuid),
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DiskRequest {
    pub device: String,
    pub r#gen: u64,
    pub name: String,
    pub read_only: bool,
    pub slot: Slot,
    pub volume_construction_request: VolumeConstructionRequest,
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
pub struct Instance {
    pub disks: Vec<DiskAttachment>,
    pub nics: Vec<NetworkInterface>,
    pub properties: InstanceProperties,
    pub state: InstanceState,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceEnsureRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_init_bytes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disks: Option<Vec<DiskRequest>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migrate: Option<InstanceMigrateInitiateRequest>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nics: Option<Vec<NetworkInterfaceRequest>>,
    pub properties: InstanceProperties,
}

#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceEnsureResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migrate: Option<InstanceMigrateInitiateResponse>,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceGetResponse {
    pub instance: Instance,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceMigrateInitiateRequest {
    pub migration_id: ::uuid::Uuid,
    pub src_addr: String,
    pub src_uuid: ::uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceMigrateInitiateResponse {
    pub migration_id: ::uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceMigrateStatusRequest {
    pub migration_id: ::uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceMigrateStatusResponse {
    pub state: MigrationState,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceProperties {
    /// ID of the bootrom used to initialize this Instance.
    pub bootrom_id: ::uuid::Uuid,
    /// Free-form text description of an Instance.
    pub description: String,
    /// Unique identifier for this Instance.
    pub id: ::uuid::Uuid,
    /// ID of the image used to initialize this Instance.
    pub image_id: ::uuid::Uuid,
    /// Size of memory allocated to the Instance, in MiB.
    pub memory: u64,
    /// Human-readable name of the Instance.
    pub name: String,
    /// Number of vCPUs to be allocated to the Instance.
    pub vcpus: u8,
}

/// Current state of an Instance.
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
    Creating,
    Starting,
    Running,
    Stopping,
    Stopped,
    Rebooting,
    Migrating,
    Repairing,
    Failed,
    Destroyed,
}

impl InstanceState {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Creating => "Creating",
            Self::Starting => "Starting",
            Self::Running => "Running",
            Self::Stopping => "Stopping",
            Self::Stopped => "Stopped",
            Self::Rebooting => "Rebooting",
            Self::Migrating => "Migrating",
            Self::Repairing => "Repairing",
            Self::Failed => "Failed",
            Self::Destroyed => "Destroyed",
        }
    }
}

impl ::std::fmt::Display for InstanceState {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceStateMonitorRequest {
    pub r#gen: u64,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct InstanceStateMonitorResponse {
    pub r#gen: u64,
    pub state: InstanceState,
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
pub enum InstanceStateRequested {
    Run,
    Stop,
    Reboot,
    MigrateStart,
}

impl InstanceStateRequested {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Run => "Run",
            Self::Stop => "Stop",
            Self::Reboot => "Reboot",
            Self::MigrateStart => "MigrateStart",
        }
    }
}

impl ::std::fmt::Display for InstanceStateRequested {
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
pub enum MigrationState {
    Sync,
    RamPush,
    Pause,
    RamPushDirty,
    Device,
    Arch,
    Resume,
    RamPull,
    Finish,
    Error,
}

impl MigrationState {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Sync => "Sync",
            Self::RamPush => "RamPush",
            Self::Pause => "Pause",
            Self::RamPushDirty => "RamPushDirty",
            Self::Device => "Device",
            Self::Arch => "Arch",
            Self::Resume => "Resume",
            Self::RamPull => "RamPull",
            Self::Finish => "Finish",
            Self::Error => "Error",
        }
    }
}

impl ::std::fmt::Display for MigrationState {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct NetworkInterface {
    pub attachment: NetworkInterfaceAttachmentState,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub enum NetworkInterfaceAttachmentState {
    Detached,
    Faulted,
    Attached(Slot),
}

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct NetworkInterfaceRequest {
    pub name: String,
    pub slot: Slot,
}

/// A stable index which is translated by Propolis into a PCI BDF, visible to the guest.
pub type Slot = u8;

#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type")]
pub enum VolumeConstructionRequest {
    #[serde(rename = "volume")]
    Volume {
        block_size: u64,
        id: ::uuid::Uuid,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        read_only_parent: Option<Box<VolumeConstructionRequest>>,
        sub_volumes: Vec<VolumeConstructionRequest>,
    },
    #[serde(rename = "url")]
    Url { block_size: u64, id: ::uuid::Uuid, url: String },
    #[serde(rename = "region")]
    Region { block_size: u64, r#gen: u64, opts: CrucibleOpts },
    #[serde(rename = "file")]
    File { block_size: u64, id: ::uuid::Uuid, path: String },
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
pub enum VolumeConstructionRequestVolumeType {
    #[serde(rename = "volume")]
    Volume,
}

impl VolumeConstructionRequestVolumeType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Volume => "volume",
        }
    }
}

impl ::std::fmt::Display for VolumeConstructionRequestVolumeType {
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
pub enum VolumeConstructionRequestUrlType {
    #[serde(rename = "url")]
    Url,
}

impl VolumeConstructionRequestUrlType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Url => "url",
        }
    }
}

impl ::std::fmt::Display for VolumeConstructionRequestUrlType {
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
pub enum VolumeConstructionRequestRegionType {
    #[serde(rename = "region")]
    Region,
}

impl VolumeConstructionRequestRegionType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Region => "region",
        }
    }
}

impl ::std::fmt::Display for VolumeConstructionRequestRegionType {
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
pub enum VolumeConstructionRequestFileType {
    #[serde(rename = "file")]
    File,
}

impl VolumeConstructionRequestFileType {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::File => "file",
        }
    }
}

impl ::std::fmt::Display for VolumeConstructionRequestFileType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
