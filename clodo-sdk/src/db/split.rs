//! Splits a migration file into its SQL statements, for databases that take
//! one statement at a time (D1 applies a migration as a batch of them).
//!
//! Understands what SQLite's own `sqlite3_complete` does: quoted strings and
//! identifiers (`'…'`, `"…"`, `` `…` ``, `[…]`), `--` and `/* */` comments,
//! and `CREATE TRIGGER … BEGIN … END;` bodies whose inner statements end in
//! semicolons.

/// The statements of `sql`, trimmed, without empty ones or trailing `;`.
pub(crate) fn split_statements(sql: &str) -> Vec<String> {
    let bytes = sql.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Words of the current statement, upper-cased, to spot triggers.
    let mut words: Vec<String> = Vec::new();
    // BEGIN/CASE … END nesting inside a trigger.
    let mut depth = 0usize;
    let push = |from: usize, to: usize, out: &mut Vec<String>| {
        let s = sql[from..to].trim();
        if !strip_comments(s).trim().is_empty() {
            out.push(s.to_owned());
        }
    };
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\'' | b'"' | b'`' => {
                i = skip_quoted(bytes, i, c);
            }
            b'[' => {
                i = bytes[i..]
                    .iter()
                    .position(|b| *b == b']')
                    .map_or(bytes.len(), |p| i + p + 1);
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = bytes[i..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |p| i + p + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = sql[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |p| i + 2 + p + 2);
            }
            b';' => {
                let in_trigger = is_trigger(&words);
                if !in_trigger || depth == 0 {
                    push(start, i, &mut out);
                    start = i + 1;
                    words.clear();
                    depth = 0;
                }
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let end = bytes[i..]
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'$'))
                    .map_or(bytes.len(), |p| i + p);
                let word = sql[i..end].to_ascii_uppercase();
                if is_trigger(&words) {
                    match word.as_str() {
                        "BEGIN" | "CASE" => depth += 1,
                        "END" => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                }
                if words.len() < 4 {
                    words.push(word);
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    push(start, bytes.len(), &mut out);
    out
}

/// Index just past the closing quote of the quoted text starting at `i`
/// (a doubled quote is an escaped one).
fn skip_quoted(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    i += 1;
    while i < bytes.len() {
        if bytes[i] == quote {
            if bytes.get(i + 1) == Some(&quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

/// Whether a statement starting with `words` creates a trigger.
fn is_trigger(words: &[String]) -> bool {
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    matches!(
        w.as_slice(),
        ["CREATE", "TRIGGER", ..] | ["CREATE", "TEMP" | "TEMPORARY", "TRIGGER", ..]
    )
}

/// `s` without comments (to tell comment-only chunks from statements).
fn strip_comments(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines() {
        let line = line.split("--").next().unwrap_or("");
        out.push_str(line);
        out.push('\n');
    }
    while let (Some(a), Some(b)) = (out.find("/*"), out.find("*/")) {
        if b < a {
            break;
        }
        out.replace_range(a..b + 2, "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::split_statements;

    #[test]
    fn splits_plain_statements_and_skips_comments() {
        let sql = "-- header; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT 'a;b');\n\n\
                   /* block; comment */ INSERT INTO a VALUES ('it''s; fine');\n\
                   CREATE TABLE \"we;ird\" ([c;d] INTEGER); -- trailing\n";
        assert_eq!(
            split_statements(sql),
            [
                "-- header; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT 'a;b')",
                "/* block; comment */ INSERT INTO a VALUES ('it''s; fine')",
                "CREATE TABLE \"we;ird\" ([c;d] INTEGER)",
            ]
        );
        assert!(split_statements("  -- only a comment\n").is_empty());
        assert_eq!(split_statements("SELECT 1"), ["SELECT 1"]);
    }

    #[test]
    fn keeps_trigger_bodies_whole() {
        let sql = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  \
                   UPDATE b SET n = CASE WHEN n > 0 THEN n + 1 ELSE 1 END;\n  \
                   DELETE FROM c;\nEND;\nCREATE TEMP TRIGGER u AFTER DELETE ON a BEGIN SELECT 1; END;\n\
                   SELECT 2;";
        let parts = split_statements(sql);
        assert_eq!(parts.len(), 3, "{parts:#?}");
        assert!(parts[0].starts_with("CREATE TRIGGER t") && parts[0].ends_with("END"));
        assert!(parts[1].starts_with("CREATE TEMP TRIGGER u") && parts[1].ends_with("END"));
        assert_eq!(parts[2], "SELECT 2");
    }

    /// A migration file as blocks write them (the auth block's, in
    /// `blocks/auth/migrations/`, is split the same way on every workerd
    /// test that mounts it).
    #[test]
    fn splits_a_migration_file() {
        let sql = "-- Users.\nCREATE TABLE users (\n  id TEXT PRIMARY KEY, -- never reused; random\n  \
                   email TEXT NOT NULL UNIQUE\n);\nCREATE INDEX users_email ON users (email);\n\
                   /* Sessions; rotated. */\nCREATE TABLE sessions (id TEXT PRIMARY KEY, note TEXT DEFAULT 'a;b');\n";
        let parts = split_statements(sql);
        assert_eq!(parts.len(), 3, "{parts:#?}");
        assert!(parts.iter().all(|p| p.contains("CREATE")));
        assert!(parts[2].ends_with("DEFAULT 'a;b')"), "{parts:#?}");
    }
}
