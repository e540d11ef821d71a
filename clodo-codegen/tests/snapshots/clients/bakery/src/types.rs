//! Types for the schemas of the document.
#![allow(clippy::large_enum_variant, clippy::enum_variant_names)]

/// An API key without its secret.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct ApiKeyInfo {
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// Id of the admin who created it.
    pub created_by: String,
    /// Key id.
    pub id: String,
    /// When it was last used, to the minute (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<String>,
    /// Name.
    pub name: String,
    /// Public prefix.
    pub prefix: String,
    /// When it was revoked (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
    /// Roles.
    pub roles: Vec<String>,
}

/// A created API key: the only time the full key is shown.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct CreatedApiKey {
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// Key id.
    pub id: String,
    /// The key: send as `X-Api-Key: <key>` or `Authorization: Bearer <key>`.
    pub key: String,
    /// Name.
    pub name: String,
    /// Public prefix that identifies the key.
    pub prefix: String,
    /// Roles.
    pub roles: Vec<String>,
}

/// The bakery's customers: contact details and preferences.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Customers {
    /// What to leave out, e.g. ["nuts", "sesame"].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allergies: Option<::serde_json::Value>,
    /// When it was created.
    pub created_at: ::chrono::DateTime<::chrono::Utc>,
    pub email: String,
    /// Assigned by the server.
    pub id: i64,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newsletter: Option<bool>,
    /// The user the record belongs to: its creator unless staff or admin set it (others get 403 for giving it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<CustomersTier>,
    /// When it last changed.
    pub updated_at: ::chrono::DateTime<::chrono::Utc>,
}

/// A whole record; fields left out get their default, or null.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct CustomersInput {
    /// What to leave out, e.g. ["nuts", "sesame"].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allergies: Option<::serde_json::Value>,
    pub email: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newsletter: Option<bool>,
    /// The user the record belongs to: its creator unless staff or admin set it (others get 403 for giving it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<CustomersInputTier>,
}

/// A page of customers records.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct CustomersList {
    /// The records, with only the fields `fields` names when given.
    pub items: Vec<CustomersPartial>,
    pub paging: DataPaging,
}

/// A `customers` record as reads answer it: the fields `fields` names (`id` always), or, without `fields`, every field, as in `Customers`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct CustomersPartial {
    /// What to leave out, e.g. ["nuts", "sesame"].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allergies: Option<::serde_json::Value>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<::chrono::DateTime<::chrono::Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Assigned by the server.
    pub id: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newsletter: Option<bool>,
    /// The user the record belongs to: its creator unless staff or admin set it (others get 403 for giving it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<CustomersPartialTier>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<::chrono::DateTime<::chrono::Utc>>,
}

/// The fields to change; the others stay as they are.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct CustomersPatch {
    /// What to leave out, e.g. ["nuts", "sesame"].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allergies: Option<::serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newsletter: Option<bool>,
    /// The user the record belongs to: its creator unless staff or admin set it (others get 403 for giving it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<CustomersPatchTier>,
}

/// Where a list stands.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct DataPaging {
    /// Whether more records follow.
    pub has_more: bool,
    /// Most records per page.
    pub limit: i64,
    /// Pass as `cursor` for the next page; null on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// The page number, when the list was asked for by `page`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
}

/// One field-level problem, listed under `errors` in a problem document.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct FieldError {
    /// Where the problem is: a JSON path into the body (`lines[0].qty`), or a parameter name.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

/// The answer to every accepted magic-link request, known address or not.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct MagicLinkAccepted {
    /// What happens next.
    pub message: String,
}

/// Asks for a sign-in link.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct MagicLinkRequest {
    /// Where to send the link.
    pub email: String,
}

/// Something the bakery sells.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct MenuItem {
    /// What it is.
    pub description: String,
    /// Id to order it by.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Price of one, in cents.
    pub price_cents: i64,
}

/// A new API key.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct NewApiKey {
    /// What the key is for (1 to 64 characters, not all spaces).
    pub name: String,
    /// Roles the key's principal holds: as for users' roles, at most 16.
    pub roles: Vec<String>,
}

/// An order as a customer places it.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct NewOrder {
    /// What to bake: 1 to 50 lines.
    pub lines: Vec<NewOrderLine>,
    /// A note for the bakers, up to 500 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Day of pickup, `YYYY-MM-DD`: today (UTC) or later.
    pub pickup_date: ::chrono::NaiveDate,
}

/// One line of a new order.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct NewOrderLine {
    /// A menu item id from `GET /menu`.
    pub menu_item_id: i64,
    /// How many, 1 to 100.
    pub quantity: u32,
}

/// An order.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Order {
    /// When it was placed (RFC 3339, UTC).
    pub created_at: ::chrono::DateTime<::chrono::Utc>,
    /// Their email.
    pub customer_email: String,
    /// Who placed it.
    pub customer_id: String,
    /// Order number.
    pub id: i64,
    /// What was ordered.
    pub lines: Vec<OrderLine>,
    /// The customer's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Day of pickup, `YYYY-MM-DD`.
    pub pickup_date: ::chrono::NaiveDate,
    /// When it was marked ready (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready_at: Option<::chrono::DateTime<::chrono::Utc>>,
    /// Where it stands.
    pub status: OrderStatus,
    /// Sum of the lines, in cents.
    pub total_cents: i64,
}

/// One line of an order, priced when the order was placed.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct OrderLine {
    /// The menu item.
    pub menu_item_id: i64,
    /// Its name when ordered.
    pub name: String,
    /// How many.
    pub quantity: i64,
    /// Price of one when ordered, in cents.
    pub unit_price_cents: i64,
}

/// Where an order stands.
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
pub enum OrderStatus {
    /// Placed, not yet baked.
    #[serde(rename = "placed")]
    Placed,
    /// Ready for pickup.
    #[serde(rename = "ready")]
    Ready,
}

impl OrderStatus {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Placed => "placed",
            Self::Ready => "ready",
        }
    }
}

impl ::std::fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The RFC 9457 problem document every error response carries.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Problem {
    /// Explanation specific to this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Field-level problems, when the request was invalid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
    /// The id of the request that failed; quote it when reporting a problem.
    pub instance: String,
    /// The HTTP status code.
    pub status: u16,
    /// Short, human-readable summary of the kind of problem.
    pub title: String,
    /// A URI naming the kind of problem.
    pub r#type: String,
}

/// Rotates a session's tokens.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct RefreshRequest {
    /// The current refresh token.
    pub refresh_token: String,
}

/// A session: tokens to call the API with and to renew them.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Session {
    /// Send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    /// Single-use token for `POST /auth/refresh`.
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Who signed in.
    pub user: UserRecord,
}

/// New roles of a user.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct SetRoles {
    /// Role names: lower-case letters, digits, `-` and `_`, up to 32 characters; at most 16.
    pub roles: Vec<String>,
}

/// A page of users.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UserPage {
    /// Users, by email.
    pub items: Vec<UserRecord>,
    /// Pass as `cursor` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// A user of the domain.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct UserRecord {
    /// When the user first signed in (RFC 3339).
    pub created_at: String,
    /// Whether the user may no longer sign in.
    pub disabled: bool,
    /// Normalized email.
    pub email: String,
    /// Stable id.
    pub id: String,
    /// Last sign-in (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_sign_in_at: Option<String>,
    /// Roles.
    pub roles: Vec<String>,
}

/// Exchanges a sign-in link's token for a session.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct VerifyRequest {
    /// The token from the sign-in link.
    pub token: String,
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
pub enum CustomersTier {
    #[serde(rename = "regular")]
    Regular,
    #[serde(rename = "wholesale")]
    Wholesale,
}

impl CustomersTier {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Regular => "regular",
            Self::Wholesale => "wholesale",
        }
    }
}

impl ::std::fmt::Display for CustomersTier {
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
pub enum CustomersInputTier {
    #[serde(rename = "regular")]
    Regular,
    #[serde(rename = "wholesale")]
    Wholesale,
}

impl CustomersInputTier {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Regular => "regular",
            Self::Wholesale => "wholesale",
        }
    }
}

impl ::std::fmt::Display for CustomersInputTier {
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
pub enum CustomersPartialTier {
    #[serde(rename = "regular")]
    Regular,
    #[serde(rename = "wholesale")]
    Wholesale,
}

impl CustomersPartialTier {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Regular => "regular",
            Self::Wholesale => "wholesale",
        }
    }
}

impl ::std::fmt::Display for CustomersPartialTier {
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
pub enum CustomersPatchTier {
    #[serde(rename = "regular")]
    Regular,
    #[serde(rename = "wholesale")]
    Wholesale,
}

impl CustomersPatchTier {
    /// The value as written in the document.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Regular => "regular",
            Self::Wholesale => "wholesale",
        }
    }
}

impl ::std::fmt::Display for CustomersPatchTier {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
