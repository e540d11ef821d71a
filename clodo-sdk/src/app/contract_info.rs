//! The app's contract: its `info` (from the app's own block, or set with
//! [`App::title`] and [`App::version`]), one tag per block, and the
//! contract each domain is served.

use std::collections::BTreeMap;

use super::{App, StartError, contract_bytes};
use crate::contract::{self, ContractError, ContractInfo};
use crate::route::Router;

impl App {
    /// Sets the contract's `info.title` (which also names the clients
    /// generated from it). Default: the name of the block mounted at `/`,
    /// else of the first block mounted.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the contract's `info.version`. Default: the version of the block
    /// mounted at `/`, else of the first block mounted.
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// The app's own block: the one mounted at the root, else the first one
    /// mounted. Its name, version and docs are the contract's `info`, and
    /// its operations come first.
    fn primary_mount(&self) -> Option<usize> {
        self.mounts
            .iter()
            .position(|m| m.prefix.is_empty())
            .or((!self.mounts.is_empty()).then_some(0))
    }

    fn contract_info(&self) -> ContractInfo {
        let primary = self.primary_mount().map(|i| self.mounts[i].spec.info);
        // One tag per block, the app's own block first, then in mount order.
        let mut tags: Vec<(String, String)> = Vec::new();
        let ordered = primary
            .into_iter()
            .chain(self.mounts.iter().map(|m| m.spec.info));
        for info in ordered {
            if !tags.iter().any(|(name, _)| name == info.name) {
                tags.push((info.name.to_owned(), info.description.to_owned()));
            }
        }
        ContractInfo {
            title: self
                .title
                .clone()
                .or_else(|| primary.map(|i| i.name.to_owned()))
                .unwrap_or_else(|| "API".to_owned()),
            version: self
                .version
                .clone()
                .or_else(|| primary.map(|i| i.version.to_owned()))
                .unwrap_or_else(|| "0.0.0".to_owned()),
            description: primary.map_or("", |i| i.description).to_owned(),
            tags,
            api_keys: self.auth_hooks.is_some(),
        }
    }

    /// The OpenAPI contract of what this app serves to a domain that sets
    /// no feature flags (each flag at the default its block declares): the
    /// bytes `cargo clodo contract` exports. A domain's own `/openapi.json`
    /// leaves out the routes whose flag it turns off and adds those it
    /// turns on ([`App::contract_for`]).
    pub fn contract(&self) -> Result<openapiv3::OpenAPI, StartError> {
        self.contract_for(&BTreeMap::new())
    }

    /// The contract a domain with these flags is served.
    pub fn contract_for(
        &self,
        domain_flags: &BTreeMap<String, bool>,
    ) -> Result<openapiv3::OpenAPI, StartError> {
        let flags = self.effective_features(domain_flags);
        let router = self.router_for(&flags)?;
        self.contract_of(&router)
    }

    pub(super) fn contract_of(&self, router: &Router) -> Result<openapiv3::OpenAPI, StartError> {
        let names: Vec<&'static str> = self.mounts.iter().map(|m| m.spec.info.name).collect();
        let info = self.contract_info();
        let mut api = contract::build(&info, router.routes(), &names)?;
        let mut problems = Vec::new();
        for m in &self.mounts {
            if let Some(hook) = &m.spec.contract_hook
                && let Err(e) = hook(&mut api, &m.prefix)
            {
                problems.push(format!("block `{}`: {e}", m.spec.info.name));
            }
        }
        if !problems.is_empty() {
            return Err(ContractError { problems }.into());
        }
        contract::group_paths_by_tag(&mut api);
        Ok(api)
    }

    /// The contract bytes a domain with these flags is served (see
    /// [`App::contract_for`]): in development, for instance, the exported
    /// contract plus the auth block's sign-in page (flag `dev_sign_in_page`).
    pub fn contract_json_for(
        &self,
        domain_flags: &BTreeMap<String, bool>,
    ) -> Result<Vec<u8>, StartError> {
        let c = self.contract_for(domain_flags)?;
        Ok(contract_bytes(&c))
    }

    /// The contract exactly as served at `/openapi.json` to a domain that
    /// sets no flags (and whose blocks' start-up rules turn none on).
    pub fn contract_json(&self) -> Result<Vec<u8>, StartError> {
        let c = self.contract()?;
        Ok(contract_bytes(&c))
    }
}
