use std::path::Path;

use super::*;

const FULL: &str = r#"name = "sweetbakery.com"
display_name = "Sweet Bakery"

[cloudflare]
account_id = "0123456789abcdef0123456789abcdef"
zone_id = "fedcba9876543210fedcba9876543210"

[hostnames]
development = ["sweetbakery.localhost"]
staging = ["staging.sweetbakery.com"]
production = ["sweetbakery.com", "www.sweetbakery.com"]

[features]
magic_link_auth = true
sms_notifications = false

[blocks]
bakery-orders = "/"
auth = "/auth"

[databases.staging]
name = "sweetbakery-com-staging"
id = "6f1c0a9e-1b2c-4d3e-8f90-0123456789ab"

[databases.production]
name = "sweetbakery-com-production"

[secrets]
required = ["SMS_API_KEY"]
optional = ["MAILER_API_KEY"]

[settings]
cors_origins = ["https://sweetbakery.com", "http://localhost:5173"]
log_level = "info"
access_token_ttl_secs = 900
refresh_token_ttl_secs = 2592000
magic_link_ttl_secs = 900
[settings.rate_limits]
magic_link_per_email = 5
magic_link_per_address = 20
window_secs = 900
"#;

const FILE: &str = "domains/sweetbakery.com.toml";

/// 1-based line and column of the first `needle` in `src`.
fn at(src: &str, needle: &str) -> (usize, usize) {
    let offset = src.find(needle).expect("needle in source");
    walk::line_column(src, offset)
}

fn problems(src: &str) -> Vec<ConfigProblem> {
    problems_in(FILE, src)
}

fn problems_in(file: &str, src: &str) -> Vec<ConfigProblem> {
    match super::parse(Path::new(file), src) {
        Ok(c) => panic!("expected problems, parsed {c:?}"),
        Err(ConfigError::Invalid(list)) => list,
        Err(e) => panic!("expected Invalid, got {e}"),
    }
}

/// Exactly one problem, at `needle`, with `key`; returns it.
fn one(src: &str, needle: &str, key: &str) -> ConfigProblem {
    let list = problems(src);
    assert_eq!(list.len(), 1, "{list:#?}");
    let p = list.into_iter().next().expect("one problem");
    assert_eq!((p.line, p.column), at(src, needle), "{p}");
    assert_eq!(p.key, key, "{p}");
    assert_eq!(p.file, FILE);
    p
}

fn with(extra: &str) -> String {
    format!("name = \"sweetbakery.com\"\n{extra}")
}

#[test]
fn the_full_example_parses() {
    let c = super::parse(Path::new(FILE), FULL).expect("valid");
    assert_eq!(c.name, "sweetbakery.com");
    assert_eq!(c.display_name.as_deref(), Some("Sweet Bakery"));
    let cf = c.cloudflare.as_ref().expect("cloudflare");
    assert_eq!(cf.account_id, "0123456789abcdef0123456789abcdef");
    assert_eq!(
        cf.zone_id.as_deref(),
        Some("fedcba9876543210fedcba9876543210")
    );
    assert_eq!(c.hostnames(Env::Development), ["sweetbakery.localhost"]);
    assert_eq!(
        c.hostnames(Env::Production),
        ["sweetbakery.com", "www.sweetbakery.com"]
    );
    assert!(c.feature("magic_link_auth"));
    assert!(!c.feature("sms_notifications"));
    assert_eq!(c.features.len(), 2);
    let blocks: Vec<(&str, &str)> = c
        .blocks
        .as_ref()
        .expect("blocks")
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(blocks, [("bakery-orders", "/"), ("auth", "/auth")]);
    assert_eq!(
        c.databases[&Env::Staging],
        Database {
            name: "sweetbakery-com-staging".into(),
            id: Some("6f1c0a9e-1b2c-4d3e-8f90-0123456789ab".into())
        }
    );
    assert_eq!(c.databases[&Env::Production].id, None);
    assert!(!c.databases.contains_key(&Env::Development));
    assert_eq!(c.secrets.required, ["SMS_API_KEY"]);
    assert_eq!(c.secrets.optional, ["MAILER_API_KEY"]);
    let s = &c.settings;
    assert_eq!(
        s.cors_origins,
        ["https://sweetbakery.com", "http://localhost:5173"]
    );
    assert_eq!(s.log_level, Some(LogLevel::Info));
    assert_eq!(s.access_token_ttl_secs, Some(900));
    assert_eq!(s.refresh_token_ttl_secs, Some(2_592_000));
    assert_eq!(s.magic_link_ttl_secs, Some(900));
    assert_eq!(
        s.rate_limits,
        RateLimits {
            magic_link_per_email: Some(5),
            magic_link_per_address: Some(20),
            window_secs: Some(900)
        }
    );
    assert_eq!(c.file, Path::new(FILE));
    assert_eq!(
        c.position("features.sms_notifications"),
        Some(at(FULL, "sms_notifications"))
    );
    assert_eq!(
        c.position("blocks.auth"),
        Some(at(FULL, "auth = \"/auth\""))
    );
    assert_eq!(
        c.position("hostnames.production[1]"),
        Some(at(FULL, "\"www.sweetbakery.com\""))
    );
    assert_eq!(c.position("settings.nothing"), None);
}

#[test]
fn a_minimal_file_has_defaults() {
    let c = super::parse(Path::new(FILE), "name = \"sweetbakery.com\"\n").expect("valid");
    assert!(c.blocks.is_none() && c.cloudflare.is_none());
    assert!(c.hostnames(Env::Staging).is_empty());
    assert_eq!(c.settings, Settings::default());
    // Any file name not ending in .toml is not checked against the name.
    assert!(super::parse(Path::new("<stdin>"), "name = \"a.example\"").is_ok());
}

#[test]
fn a_bad_name_is_refused() {
    let src = "name = \"Sweet Bakery\"\n";
    let p = one(src, "\"Sweet", "name");
    assert!(p.message.contains("lower case"), "{p}");
    let src = "name = \"-bad.com\"\n";
    one(src, "\"-bad", "name");
    let list = problems("display_name = \"x\"\n");
    assert_eq!(
        (list[0].line, list[0].column, list[0].key.as_str()),
        (1, 1, "name")
    );
}

#[test]
fn the_name_must_match_the_file() {
    let src = "name = \"sweetbakery.com\"\n";
    let list = problems_in("domains/sweetbakery.de.toml", src);
    assert_eq!(list.len(), 1);
    let p = &list[0];
    assert_eq!((p.line, p.column, p.key.as_str()), (1, 8, "name"));
    assert!(p.message.contains("sweetbakery.de.toml"), "{p}");
    assert!(
        p.hint
            .as_deref()
            .unwrap_or("")
            .contains("sweetbakery.com.toml"),
        "{p}"
    );
    assert!(
        p.to_string()
            .starts_with("domains/sweetbakery.de.toml:1:8: `name`: ")
    );
}

#[test]
fn a_bad_account_id_is_refused() {
    let src = with("[cloudflare]\naccount_id = \"0123456789ABCDEF0123456789abcdef\"\n");
    one(&src, "\"0123", "cloudflare.account_id");
    let src = with("[cloudflare]\nzone_id = \"0123456789abcdef0123456789abcdef\"\n");
    one(&src, "cloudflare]", "cloudflare.account_id");
    let src = with(
        "[cloudflare]\naccount_id = \"0123456789abcdef0123456789abcdef\"\nzone_id = \"abc\"\n",
    );
    one(&src, "\"abc\"", "cloudflare.zone_id");
}

#[test]
fn a_bad_hostname_is_refused() {
    let src =
        with("[hostnames]\nproduction = [\"sweetbakery.com\", \"https://www.sweetbakery.com\"]\n");
    let p = one(&src, "\"https", "hostnames.production[1]");
    assert!(p.message.contains("scheme"), "{p}");
    let src = with("[hostnames]\nstaging = [\"staging.sweetbakery.com:8443\"]\n");
    assert!(
        one(&src, "\"staging.", "hostnames.staging[0]")
            .message
            .contains("port")
    );
    let src = with("[hostnames]\nstaging = [\"staging.sweetbakery.com/app\"]\n");
    assert!(
        one(&src, "\"staging.", "hostnames.staging[0]")
            .message
            .contains("path")
    );
    let src = with("[hostnames]\nstaging = [\"a..b\"]\n");
    one(&src, "\"a..b\"", "hostnames.staging[0]");
    let src = with("[hostnames]\nstaging = \"staging.sweetbakery.com\"\n");
    let p = one(&src, "\"staging.", "hostnames.staging");
    assert_eq!(p.message, "expected an array of strings, found a string");
}

#[test]
fn bad_cors_origins_are_refused() {
    let src = with("[settings]\ncors_origins = [\"https://sweetbakery.com/\"]\n");
    let p = one(&src, "\"https", "settings.cors_origins[0]");
    assert!(p.message.contains("trailing"), "{p}");
    let src = with("[settings]\ncors_origins = [\"sweetbakery.com\"]\n");
    one(&src, "\"sweetbakery.com\"]", "settings.cors_origins[0]");
    let src = with("[settings]\ncors_origins = [\"https://ok.com\", \"*\"]\n");
    let p = one(&src, "\"*\"", "settings.cors_origins[1]");
    assert!(p.message.contains("\"*\""), "{p}");
    let src = with("[settings]\ncors_origins = [\"http://localhost:99999\"]\n");
    one(&src, "\"http:", "settings.cors_origins[0]");
}

#[test]
fn out_of_range_numbers_are_refused() {
    let src = with("[settings]\naccess_token_ttl_secs = 30\n");
    let p = one(&src, "30", "settings.access_token_ttl_secs");
    assert_eq!(p.message, "out of range: must be from 60 to 86400");
    let src = with("[settings]\nrefresh_token_ttl_secs = -1\n");
    one(&src, "-1", "settings.refresh_token_ttl_secs");
    let src = with("[settings.rate_limits]\nwindow_secs = 0\n");
    one(&src, "0\n", "settings.rate_limits.window_secs");
    let src = with("[settings]\nmagic_link_ttl_secs = \"900\"\n");
    one(&src, "\"900\"", "settings.magic_link_ttl_secs");
    let src = with("[settings]\nlog_level = \"loud\"\n");
    let p = one(&src, "\"loud\"", "settings.log_level");
    assert!(p.hint.as_deref().unwrap_or("").contains("`trace`"), "{p}");
}

#[test]
fn bad_secret_names_are_refused() {
    let src = with("[secrets]\nrequired = [\"sms_api_key\"]\n");
    one(&src, "\"sms_api_key\"", "secrets.required[0]");
    let src = with("[secrets]\nrequired = [\"SMS_API_KEY\"]\noptional = [\"SMS_API_KEY\"]\n");
    let list = problems(&src);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].key, "secrets.optional[0]");
}

#[test]
fn a_secret_value_is_never_accepted() {
    let src = with("[secrets]\nSMS_API_KEY = \"abc-very-secret\"\n");
    let p = one(&src, "SMS_API_KEY", "secrets.SMS_API_KEY");
    let text = p.to_string();
    assert!(!text.contains("abc-very-secret"), "{text}");
    let hint = p.hint.as_deref().unwrap_or("");
    assert!(
        hint.contains("names only")
            && hint.contains(".dev.vars")
            && hint.contains("wrangler secret put SMS_API_KEY"),
        "{hint}"
    );
    // Anywhere else it is just an unknown key, and its value is not shown.
    let src = with("[settings]\nSMS_API_KEY = \"abc-very-secret\"\n");
    let p = one(&src, "SMS_API_KEY", "settings.SMS_API_KEY");
    assert!(!p.to_string().contains("abc-very-secret"));
    assert!(p.message.contains("unknown key"));
}

#[test]
fn unknown_keys_are_refused_with_the_valid_ones() {
    let src = with("colour = \"blue\"\n");
    let p = one(&src, "colour", "colour");
    assert_eq!(p.message, "unknown key at the top level");
    let hint = p.hint.as_deref().unwrap_or("");
    for key in parse::TOP_KEYS {
        assert!(hint.contains(&format!("`{key}`")), "{hint}");
    }
    let src = with("display_nam = \"x\"\n");
    let p = one(&src, "display_nam", "display_nam");
    assert!(
        p.hint
            .as_deref()
            .unwrap_or("")
            .starts_with("did you mean `display_name`?")
    );
    let src = with("[settings.rate_limits]\nper_minute = 3\n");
    let p = one(&src, "per_minute", "settings.rate_limits.per_minute");
    assert!(p.hint.as_deref().unwrap_or("").contains("`window_secs`"));
    let src = with("[databases.staging]\nname = \"a\"\nuuid = \"x\"\n");
    one(&src, "uuid", "databases.staging.uuid");
    let src = with("[cloudflare]\nacount_id = \"x\"\n");
    let list = problems(&src);
    let keys: Vec<&str> = list.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["cloudflare.account_id", "cloudflare.acount_id"]);
    assert!(
        list[1]
            .hint
            .as_deref()
            .unwrap_or("")
            .contains("did you mean `account_id`?")
    );
}

#[test]
fn environments_must_be_known() {
    let src = with("[databases.prod]\nname = \"sweetbakery-com-production\"\n");
    let p = one(&src, "prod", "databases.prod");
    assert_eq!(p.message, "`prod` is not an environment");
    assert!(
        p.hint
            .as_deref()
            .unwrap_or("")
            .starts_with("did you mean `production`?")
    );
    let src = with("[hostnames]\nqa = [\"qa.sweetbakery.com\"]\n");
    let p = one(&src, "qa", "hostnames.qa");
    assert!(p.hint.as_deref().unwrap_or("").contains("`staging`"));
}

#[test]
fn databases_flags_and_blocks_are_checked() {
    let src = with("[databases.staging]\nid = \"6f1c0a9e-1b2c-4d3e-8f90-0123456789ab\"\n");
    one(&src, "staging", "databases.staging.name");
    let src = with("[databases.staging]\nname = \"Sweet_Bakery\"\n");
    one(&src, "\"Sweet", "databases.staging.name");
    let src = with("[databases.staging]\nname = \"db\"\n[databases.production]\nname = \"db\"\n");
    let list = problems(&src);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].key, "databases.production.name");
    let src = with("[features]\nSmsNotifications = true\n");
    one(&src, "SmsNotifications", "features.SmsNotifications");
    let src = with("[features]\nsms = \"yes\"\n");
    one(&src, "\"yes\"", "features.sms");
    let src = with("[blocks]\nauth = \"auth/\"\n");
    one(&src, "\"auth/\"", "blocks.auth");
}

#[test]
fn every_problem_of_a_file_is_reported() {
    let src = "name = \"Bad Name\"\ncolour = 1\n[settings]\nlog_level = \"loud\"\n";
    let list = problems(src);
    let keys: Vec<&str> = list.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        ["name", "colour", "settings.log_level"],
        "in file order"
    );
    let err = super::parse(Path::new(FILE), src).unwrap_err().to_string();
    assert_eq!(
        err.lines().filter(|l| l.starts_with(FILE)).count(),
        3,
        "{err}"
    );
}

#[test]
fn syntax_errors_have_positions() {
    let src = "name = \"sweetbakery.com\"\n[features\n";
    let list = problems(src);
    assert_eq!(list[0].line, 2, "{list:?}");
    assert!(list[0].message.starts_with("invalid TOML"));
}

#[test]
fn load_dir_finds_duplicates_across_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write =
        |name: &str, text: &str| std::fs::write(dir.path().join(name), text).expect("write");
    write(
        "a.example.toml",
        "name = \"a.example\"\n[hostnames]\nproduction = [\"shop.example\"]\n[databases.production]\nname = \"shared\"\n",
    );
    write(
        "b.example.toml",
        "name = \"b.example\"\n[hostnames]\nstaging = [\"shop.example\"]\nproduction = [\"b.example\", \"shop.example\"]\n[databases.production]\nname = \"shared\"\n",
    );
    write("_draft.toml", "not toml at all [");
    write(".hidden.toml", "not toml at all [");
    write("notes.txt", "ignored");
    let err = load_dir(dir.path()).unwrap_err();
    let ConfigError::Invalid(list) = err else {
        panic!("expected Invalid");
    };
    let keys: Vec<(&str, &str)> = list
        .iter()
        .map(|p| (p.file.rsplit('/').next().unwrap_or(""), p.key.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("b.example.toml", "hostnames.production[1]"),
            ("b.example.toml", "databases.production.name")
        ],
        "{list:#?}"
    );
    assert_eq!((list[0].line, list[0].column), (4, 28));
    assert!(
        list[0].message.contains("a.example.toml:3:15"),
        "{}",
        list[0]
    );

    // The same name in two files (one misnamed), plus a broken file: all reported.
    write("c.example.toml", "name = \"a.example\"\n");
    write("d.example.toml", "name = \"d.example\"\ncolour = 1\n");
    let ConfigError::Invalid(list) = load_dir(dir.path()).unwrap_err() else {
        panic!("expected Invalid");
    };
    let keys: Vec<&str> = list.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "name",
            "colour",
            "hostnames.production[1]",
            "databases.production.name"
        ],
        "{list:#?}"
    );

    let ok = tempfile::tempdir().expect("tempdir");
    std::fs::write(ok.path().join("z.example.toml"), "name = \"z.example\"\n").expect("write");
    std::fs::write(ok.path().join("y.example.toml"), "name = \"y.example\"\n").expect("write");
    let names: Vec<String> = load_dir(ok.path())
        .expect("valid")
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["y.example", "z.example"]);
    assert!(matches!(
        load_dir(&ok.path().join("missing")),
        Err(ConfigError::Io { .. })
    ));
}

#[test]
fn render_new_round_trips() {
    let features = [
        ("sms_notifications".to_owned(), true),
        ("magic_link_auth".to_owned(), false),
    ];
    let text = render_new("greatidude.com", Some("Great \"Idude\" \\ Co"), &features);
    let c = super::parse(Path::new("domains/greatidude.com.toml"), &text).expect("valid");
    assert_eq!(c.name, "greatidude.com");
    assert_eq!(c.display_name.as_deref(), Some("Great \"Idude\" \\ Co"));
    assert_eq!(
        c.features.into_iter().collect::<Vec<_>>(),
        [
            ("magic_link_auth".to_owned(), false),
            ("sms_notifications".to_owned(), true)
        ]
    );
    assert!(c.hostnames.is_empty() && c.databases.is_empty() && c.blocks.is_none());
    let bare = render_new("sweetbakery.com", None, &[]);
    let c = super::parse(Path::new("sweetbakery.com.toml"), &bare).expect("valid");
    assert_eq!(c.display_name, None);
    // The placeholder is this domain's, not another one's.
    assert!(
        bare.contains("\n# display_name = \"Sweetbakery\"\n"),
        "{bare}"
    );
    let other = render_new("greatidude.com", None, &[]);
    assert!(
        other.contains("\n# display_name = \"Greatidude\"\n"),
        "{other}"
    );
    assert!(!other.contains("Sweet"), "{other}");
    assert!(c.features.is_empty());
    // Uncommenting the examples gives a valid file too.
    let all: String = bare
        .lines()
        .map(|l| {
            l.strip_prefix("# ")
                .filter(|r| {
                    r.starts_with('[') || (r.starts_with(char::is_lowercase) && r.contains(" = "))
                })
                .unwrap_or(l)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let c = super::parse(Path::new("sweetbakery.com.toml"), &all).expect("uncommented template");
    assert_eq!(
        c.hostnames(Env::Production),
        ["sweetbakery.com", "www.sweetbakery.com"]
    );
    assert_eq!(c.settings.rate_limits.window_secs, Some(900));
}

#[test]
fn json_schema_describes_every_key() {
    let schema = json_schema();
    assert!(schema.is_object());
    assert_eq!(schema["additionalProperties"], false);
    let props = schema["properties"].as_object().expect("properties");
    for key in parse::TOP_KEYS {
        let p = props.get(*key).unwrap_or_else(|| panic!("{key} in schema"));
        assert!(p["description"].is_string(), "{key} described");
    }
    assert_eq!(props.len(), parse::TOP_KEYS.len());
    assert_eq!(
        props["settings"]["properties"]["rate_limits"]["additionalProperties"],
        false
    );
    assert_eq!(
        props["databases"]["properties"]["staging"]["additionalProperties"],
        false
    );
    assert_eq!(props["secrets"]["additionalProperties"], false);
}

#[test]
fn env_names() {
    assert_eq!("dev".parse::<Env>(), Ok(Env::Development));
    assert_eq!("prod".parse::<Env>(), Ok(Env::Production));
    assert_eq!("staging".parse::<Env>(), Ok(Env::Staging));
    assert!("qa".parse::<Env>().is_err());
    assert_eq!(
        Env::ALL.map(|e| e.to_string()),
        ["development", "staging", "production"]
    );
    assert_eq!(
        serde_json::to_value(Env::Production).expect("json"),
        "production"
    );
}

#[test]
fn edit_distance_suggests_close_names() {
    assert_eq!(rules::edit_distance("kitten", "sitting"), 3);
    assert_eq!(
        rules::closest("stagin", ["development", "staging"]),
        Some("staging")
    );
    assert_eq!(rules::closest("zzz", ["development", "staging"]), None);
}

#[test]
fn sign_in_url_is_an_absolute_http_url() {
    let c = super::parse(
        Path::new(FILE),
        &with("[settings]\nsign_in_url = \"https://sweetbakery.com/welcome\"\n"),
    )
    .expect("valid");
    assert_eq!(
        c.settings.sign_in_url.as_deref(),
        Some("https://sweetbakery.com/welcome")
    );
    let d: crate::domain::DomainSettings = (&c.settings).into();
    assert_eq!(
        d.sign_in_url.as_deref(),
        Some("https://sweetbakery.com/welcome")
    );
    for bad in [
        "sweetbakery.com/welcome",
        "ftp://sweetbakery.com/",
        "https://sweetbakery.com/welcome?x=1",
        "https://Sweetbakery.com/",
        "/sign-in",
    ] {
        let src = with(&format!("[settings]\nsign_in_url = \"{bad}\"\n"));
        let p = one(&src, &format!("\"{bad}\""), "settings.sign_in_url");
        assert!(p.to_string().contains(bad), "{p}");
    }
    let src = with("[settings]\nsign_in_url = 3\n");
    one(&src, "3", "settings.sign_in_url");
}

#[test]
fn render_new_with_hostnames_and_no_other_apps_blocks() {
    let hosts = [
        ("production".to_owned(), "shop.example".to_owned()),
        ("staging".to_owned(), "staging.shop.example".to_owned()),
        ("production".to_owned(), "www.shop.example".to_owned()),
    ];
    let text = super::render_new_with("shop.example", None, &[], &hosts);
    let c = super::parse(Path::new("shop.example.toml"), &text).expect("valid");
    assert_eq!(
        c.hostnames(Env::Production),
        ["shop.example", "www.shop.example"]
    );
    assert_eq!(c.hostnames(Env::Staging), ["staging.shop.example"]);
    assert!(
        !text.contains("bakery"),
        "no other app's block names:\n{text}"
    );
    let bad = [("prod".to_owned(), "shop.example".to_owned())];
    let text = super::render_new_with("shop.example", None, &[], &bad);
    let err = super::parse(Path::new("shop.example.toml"), &text).expect_err("unknown env");
    assert!(err.to_string().contains("prod"), "{err}");
}
