//! Sending sign-in messages: a trait, a dev mailer, and an HTTP mailer that
//! posts JSON to a provider with an API key from the domain's secrets.
//!
//! Natively ([`native`]) the dev mailer writes files into the domain's data
//! directory and the HTTP mailer uses hyper; on Workers ([`worker`]) the dev
//! mailer stores messages in the domain's D1 database and the HTTP mailer
//! uses `fetch`. Both pairs have the same names and constructors.

use serde::{Deserialize, Serialize};

use clodo_sdk::ctx::DomainRuntime;
use clodo_sdk::maybe_send::{BoxFuture, MaybeSend, MaybeSync};

/// A message to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Sender.
    pub from: String,
    /// Recipient.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// The sign-in link the body contains.
    pub link: String,
}

/// Why a message was not sent. The caller answers 503 and keeps no usable token.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The mailer is not set up (a missing secret, no data directory).
    #[error("mailer not configured: {0}")]
    Config(String),
    /// Writing the message failed.
    #[error("could not write the message: {0}")]
    Io(#[from] std::io::Error),
    /// The provider could not be reached or refused the message.
    #[error("mail provider error: {0}")]
    Provider(String),
}

/// Sends messages for a domain.
pub trait Mailer: MaybeSend + MaybeSync + 'static {
    /// Sends `msg` on behalf of the domain of `runtime`.
    fn send<'a>(
        &'a self,
        runtime: &'a DomainRuntime,
        msg: &'a Message,
    ) -> BoxFuture<'a, Result<(), MailError>>;
}

/// Default name of the secret holding the mail provider's API key.
pub const MAILER_API_KEY_SECRET: &str = "MAILER_API_KEY";

/// What providers receive: `{"from","to","subject","text"}`.
#[derive(Serialize)]
struct ProviderBody<'a> {
    from: &'a str,
    to: &'a str,
    subject: &'a str,
    text: &'a str,
}

impl<'a> ProviderBody<'a> {
    fn of(msg: &'a Message) -> Self {
        Self {
            from: &msg.from,
            to: &msg.to,
            subject: &msg.subject,
            text: &msg.text,
        }
    }
}

/// The provider's API key: the domain secret `name`.
fn provider_key<'a>(runtime: &'a DomainRuntime, name: &str) -> Result<&'a str, MailError> {
    runtime.domain.secrets.get(name).ok_or_else(|| {
        MailError::Config(format!(
            "secret {name} is not set for domain {}",
            runtime.domain.name
        ))
    })
}

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::{DevMailer, HttpMailer};

#[cfg(target_arch = "wasm32")]
mod worker;
#[cfg(target_arch = "wasm32")]
pub use worker::{DEV_OUTBOX_TABLE, DevMailer, HttpMailer};
