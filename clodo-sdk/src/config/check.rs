//! Checks beyond one file: against what an app provides, and across the
//! domains of a directory.

use std::collections::BTreeMap;

use super::rules::{self, closest};
use super::{AppManifest, ConfigProblem, DomainConfig};

impl DomainConfig {
    /// Cross-checks against what an app provides: flags no block declares,
    /// blocks the app does not have, two blocks at the same prefix. Returns
    /// every problem, with positions in this file.
    pub fn check_against(&self, app: &AppManifest) -> Vec<ConfigProblem> {
        let mut problems = Vec::new();
        let flags: Vec<&str> = app.features.iter().map(|f| f.name.as_str()).collect();
        for flag in self.features.keys() {
            if flags.contains(&flag.as_str()) {
                continue;
            }
            let hint = match closest(flag, flags.iter().copied()) {
                Some(c) => format!("did you mean `{c}`?"),
                None if flags.is_empty() => "the app's blocks declare no flags; remove it".into(),
                None => format!("the app's flags: {}", rules::list(&flags)),
            };
            problems.push(self.problem(
                &format!("features.{flag}"),
                format!("no block of the app declares the flag `{flag}`"),
                Some(hint),
            ));
        }
        let names: Vec<&str> = app.blocks.iter().map(|b| b.name.as_str()).collect();
        let mounts: Vec<(String, &str, String)> = match &self.blocks {
            Some(blocks) => {
                for name in blocks.keys() {
                    if names.contains(&name.as_str()) {
                        continue;
                    }
                    let available = if names.is_empty() {
                        "the app has no blocks".to_owned()
                    } else {
                        format!("available blocks: {}", rules::list(&names))
                    };
                    let hint = match closest(name, names.iter().copied()) {
                        Some(c) => format!("did you mean `{c}`? ({available})"),
                        None => available,
                    };
                    problems.push(self.problem(
                        &format!("blocks.{name}"),
                        format!("the app has no block `{name}`"),
                        Some(hint),
                    ));
                }
                blocks
                    .iter()
                    .map(|(n, p)| (format!("blocks.{n}"), n.as_str(), p.clone()))
                    .collect()
            }
            None => app
                .blocks
                .iter()
                .map(|b| ("blocks".to_owned(), b.name.as_str(), b.prefix.clone()))
                .collect(),
        };
        let mut at_prefix: BTreeMap<&str, &str> = BTreeMap::new();
        for (key, name, prefix) in &mounts {
            match at_prefix.get(prefix.as_str()) {
                Some(first) => problems.push(self.problem(
                    key,
                    format!("blocks `{first}` and `{name}` are both mounted at {prefix:?}"),
                    Some(if self.blocks.is_some() {
                        format!("give `{name}` a prefix of its own, e.g. \"/{name}\"")
                    } else {
                        format!(
                            "add `[blocks]` to this file to mount them apart, e.g. `{name} = \"/{name}\"`"
                        )
                    }),
                )),
                None => {
                    at_prefix.insert(prefix, name);
                }
            }
        }
        problems
    }
}

/// Problems across the domains of one directory: the same name twice, a
/// hostname claimed by two domains in one environment, a database name
/// used by two domains.
pub(super) fn across(configs: &[DomainConfig]) -> Vec<ConfigProblem> {
    let mut problems = Vec::new();
    let at = |c: &DomainConfig, key: &str| {
        let (l, col) = c.position(key).unwrap_or((1, 1));
        format!("{}:{l}:{col}", c.file.display())
    };
    let mut names: BTreeMap<&str, &DomainConfig> = BTreeMap::new();
    let mut hosts: BTreeMap<(super::Env, &str), &DomainConfig> = BTreeMap::new();
    let mut databases: BTreeMap<&str, (&DomainConfig, String)> = BTreeMap::new();
    for c in configs {
        if let Some(first) = names.get(c.name.as_str()) {
            problems.push(c.problem(
                "name",
                format!(
                    "{:?} is also the name of {} ({})",
                    c.name,
                    first.file.display(),
                    at(first, "name")
                ),
                Some("each domain has one file; merge the two".into()),
            ));
            continue;
        }
        names.insert(&c.name, c);
        for (env, list) in &c.hostnames {
            for (i, host) in list.iter().enumerate() {
                let key = format!("hostnames.{env}[{i}]");
                match hosts.get(&(*env, host.as_str())) {
                    Some(first) => {
                        let first_key = first
                            .hostnames(*env)
                            .iter()
                            .position(|h| h == host)
                            .map_or_else(
                                || format!("hostnames.{env}"),
                                |j| format!("hostnames.{env}[{j}]"),
                            );
                        problems.push(c.problem(
                            &key,
                            format!(
                                "{host:?} is also a {env} hostname of {} ({})",
                                first.name,
                                at(first, &first_key)
                            ),
                            Some("a hostname serves one domain per environment; remove it from one of them".into()),
                        ));
                    }
                    None => {
                        hosts.insert((*env, host), c);
                    }
                }
            }
        }
        for (env, db) in &c.databases {
            let key = format!("databases.{env}.name");
            match databases.get(db.name.as_str()) {
                Some((first, first_key)) => problems.push(c.problem(
                    &key,
                    format!(
                        "the database {:?} is also used by {} ({})",
                        db.name,
                        first.name,
                        at(first, first_key)
                    ),
                    Some(format!(
                        "give each domain its own database, e.g. \"{}-{env}\"",
                        c.name.replace('.', "-")
                    )),
                )),
                None => {
                    databases.insert(&db.name, (c, key));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::{ManifestBlock, ManifestFeature, parse, walk};
    use super::*;

    const FILE: &str = "domains/sweetbakery.com.toml";

    fn with(extra: &str) -> String {
        format!("name = \"sweetbakery.com\"\n{extra}")
    }

    fn at(src: &str, needle: &str) -> (usize, usize) {
        walk::line_column(src, src.find(needle).expect("needle in source"))
    }

    fn manifest() -> AppManifest {
        AppManifest {
            blocks: vec![
                ManifestBlock {
                    name: "bakery-orders".into(),
                    version: "0.1.0".into(),
                    prefix: "/".into(),
                },
                ManifestBlock {
                    name: "auth".into(),
                    version: "0.1.0".into(),
                    prefix: "/auth".into(),
                },
            ],
            features: vec![ManifestFeature {
                name: "sms_notifications".into(),
                default: false,
                blocks: vec!["bakery-orders".into()],
            }],
            secrets: vec!["CLODO_SIGNING_KEY".into()],
        }
    }

    #[test]
    fn check_against_an_app() {
        let ok = with(
            "[features]\nsms_notifications = true\n[blocks]\nbakery-orders = \"/\"\nauth = \"/auth\"\n",
        );
        let c = parse(Path::new(FILE), &ok).expect("valid");
        assert_eq!(c.check_against(&manifest()), []);

        let src = with(
            "[features]\nsms_notification = true\nloyalty = true\n[blocks]\nbakery-order = \"/\"\nauth = \"/\"\n",
        );
        let c = parse(Path::new(FILE), &src).expect("valid");
        let list = c.check_against(&manifest());
        let keys: Vec<&str> = list.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "features.loyalty",
                "features.sms_notification",
                "blocks.bakery-order",
                "blocks.auth"
            ],
            "{list:#?}"
        );
        let hint = |i: usize| list[i].hint.clone().unwrap_or_default();
        assert_eq!((list[1].line, list[1].column), at(&src, "sms_notification"));
        assert_eq!(hint(1), "did you mean `sms_notifications`?");
        assert!(hint(0).contains("`sms_notifications`"));
        assert!(
            hint(2).starts_with("did you mean `bakery-orders`?")
                && hint(2).contains("available blocks: `bakery-orders`, `auth`")
        );
        assert!(
            list[3].message.contains("both mounted at \"/\""),
            "{}",
            list[3]
        );
        assert_eq!((list[3].line, list[3].column), at(&src, "auth = "));

        // Without [blocks], the app's own prefixes must not collide.
        let c = parse(Path::new(FILE), &with("")).expect("valid");
        let mut app = manifest();
        app.blocks[1].prefix = "/".into();
        let list = c.check_against(&app);
        assert_eq!(list.len(), 1);
        assert!(list[0].hint.as_deref().unwrap_or("").contains("[blocks]"));
    }

    #[test]
    fn manifest_json_shape() {
        let json = serde_json::to_value(manifest()).expect("json");
        assert_eq!(json["blocks"][1]["prefix"], "/auth");
        assert_eq!(json["features"][0]["default"], false);
        let back: AppManifest = serde_json::from_value(json).expect("back");
        assert_eq!(back, manifest());
    }
}
