//! Edits of a domain file that keep its comments and layout (`toml_edit`).

use clodo_sdk::config::Env;
use toml_edit::{DocumentMut, Item, Table, value};

/// `text` with `databases.<env>.id = id` (and `name`, when the file had no
/// table for that environment). Everything else is kept byte for byte.
pub fn with_database_id(
    text: &str,
    env: Env,
    name: &str,
    id: &str,
) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = text.parse()?;
    let root = doc.as_table_mut();
    if !root.contains_key("databases") {
        let mut t = Table::new();
        t.set_implicit(true);
        root.insert("databases", Item::Table(t));
    }
    let Some(dbs) = root.get_mut("databases").and_then(Item::as_table_like_mut) else {
        // Validation accepted the file, so `databases` is a table.
        return Ok(text.to_owned());
    };
    let key = env.as_str();
    if !dbs.contains_key(key) {
        let mut t = Table::new();
        t.insert("name", value(name));
        dbs.insert(key, Item::Table(t));
    }
    if let Some(db) = dbs.get_mut(key).and_then(Item::as_table_like_mut) {
        match db.get_mut("id").and_then(Item::as_value_mut) {
            Some(v) => {
                // Keep the decoration (spacing, trailing comment) of the old value.
                let decor = v.decor().clone();
                *v = id.into();
                *v.decor_mut() = decor;
            }
            None => {
                db.insert("id", value(id));
            }
        }
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_the_id_and_keeps_comments() {
        let src = "# the bakery\nname = \"sweetbakery.com\"\n\n[databases.staging] # staging db\nname = \"sb-staging\" # named by hand\n\n[secrets]\nrequired = []\n";
        let out = with_database_id(src, Env::Staging, "sb-staging", "abc").expect("edits");
        assert_eq!(
            out,
            "# the bakery\nname = \"sweetbakery.com\"\n\n[databases.staging] # staging db\nname = \"sb-staging\" # named by hand\nid = \"abc\"\n\n[secrets]\nrequired = []\n"
        );
        let again = with_database_id(&out, Env::Staging, "sb-staging", "def").expect("edits");
        assert!(again.contains("id = \"def\"\n") && again.contains("# named by hand"));
    }

    #[test]
    fn adds_a_table_when_missing() {
        let src = "name = \"a.com\"\n[hostnames]\nproduction = [\"a.com\"]\n";
        let out = with_database_id(src, Env::Production, "a-com-production", "x").expect("edits");
        assert!(out.starts_with(src), "{out}");
        assert!(
            out.ends_with("[databases.production]\nname = \"a-com-production\"\nid = \"x\"\n"),
            "{out}"
        );
    }
}
