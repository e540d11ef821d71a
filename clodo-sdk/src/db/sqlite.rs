//! The native backend: SQLite (bundled) through rusqlite, one file per
//! domain, WAL mode. Queries run on a small pool of reader connections;
//! every write goes through one writer connection, so writers queue in
//! Tokio instead of spinning in SQLite's busy handler. All work runs on
//! Tokio's blocking pool, so the async runtime never blocks on SQLite.
//!
//! A connection's permit travels with it into the blocking task and is
//! released only when the connection is back in the pool: a caller that
//! gives up (its future dropped by a timeout or a client gone away) never
//! lets another caller in to find the pool empty. Callers wait at most the
//! acquire timeout ([`SqliteDb::with_acquire_timeout`]) for a connection,
//! then get [`DbError::Busy`] (503 with `Retry-After`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, ToSql};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::{DbBackend, DbError, ExecResult, MigrationSource, Rows, Statement, Value};
use crate::maybe_send::BoxFuture;

/// Reader connections kept open per database (plus one writer).
pub const DEFAULT_POOL_SIZE: usize = 4;

/// How long a query waits for a free connection before [`DbError::Busy`].
pub const DEFAULT_ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// A SQLite database file with reader connections and one writer.
pub struct SqliteDb {
    path: PathBuf,
    readers: Arc<Pool>,
    writer: Arc<Pool>,
    acquire_timeout: Duration,
}

struct Pool {
    conns: Mutex<Vec<Conn>>,
    permits: Arc<Semaphore>,
}

impl std::fmt::Debug for SqliteDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteDb")
            .field("path", &self.path)
            .finish()
    }
}

fn backend_err(e: rusqlite::Error) -> DbError {
    match &e {
        rusqlite::Error::SqliteFailure(f, msg)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            DbError::Constraint(msg.clone().unwrap_or_else(|| f.to_string()))
        }
        _ => DbError::Backend(e.to_string()),
    }
}

impl SqliteDb {
    /// Opens (creating if needed) the database at `path` with `pool_size`
    /// reader connections and one writer.
    pub fn open(path: impl AsRef<Path>, pool_size: usize) -> Result<Self, DbError> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                DbError::Backend(format!("cannot create directory {}: {e}", dir.display()))
            })?;
        }
        // The writer opens first so it creates the file and switches it to WAL.
        let writer = Pool::open(&path, 1)?;
        let readers = Pool::open(&path, pool_size.max(1))?;
        Ok(Self {
            path,
            readers: Arc::new(readers),
            writer: Arc::new(writer),
            acquire_timeout: DEFAULT_ACQUIRE_TIMEOUT,
        })
    }

    /// Sets how long a query waits for a free connection before it fails
    /// with [`DbError::Busy`] (default [`DEFAULT_ACQUIRE_TIMEOUT`]).
    pub fn with_acquire_timeout(mut self, timeout: Duration) -> Self {
        self.acquire_timeout = timeout;
        self
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Pool {
    fn open(path: &Path, size: usize) -> Result<Self, DbError> {
        let mut conns = Vec::with_capacity(size);
        for _ in 0..size {
            let conn = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| DbError::Backend(format!("cannot open {}: {e}", path.display())))?;
            conn.execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
            )
            .map_err(backend_err)?;
            conn.set_prepared_statement_cache_capacity(64);
            conns.push(Conn {
                conn,
                columns: HashMap::new(),
            });
        }
        Ok(Self {
            conns: Mutex::new(conns),
            permits: Arc::new(Semaphore::new(size)),
        })
    }
}

/// A pooled connection with the column names of the queries it has run.
struct Conn {
    conn: Connection,
    columns: HashMap<Box<str>, Arc<[String]>>,
}

/// Most distinct queries whose column names a connection remembers.
const COLUMN_CACHE_LIMIT: usize = 256;

/// A connection taken from its pool, with the permit that let it out. On
/// drop (also when the work panicked) the connection goes back first, then
/// the permit is released, so a permit always finds a connection.
struct Lease {
    pool: Arc<Pool>,
    conn: Option<Conn>,
    _permit: OwnedSemaphorePermit,
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let (Some(conn), Ok(mut conns)) = (self.conn.take(), self.pool.conns.lock()) {
            conns.push(conn);
        }
    }
}

/// Runs `f` with a connection of `pool` on Tokio's blocking pool, waiting at
/// most `wait` for one. The permit moves into the blocking task: dropping
/// this future does not free the connection before the work is done.
async fn with_conn<R: Send + 'static>(
    pool: &Arc<Pool>,
    wait: Duration,
    f: impl FnOnce(&mut Conn) -> Result<R, DbError> + Send + 'static,
) -> Result<R, DbError> {
    let permit = match tokio::time::timeout(wait, Arc::clone(&pool.permits).acquire_owned()).await {
        Ok(Ok(permit)) => permit,
        Ok(Err(_)) => return Err(DbError::Backend("database pool closed".into())),
        Err(_) => {
            return Err(DbError::Busy {
                waited_ms: u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
            });
        }
    };
    let pool = Arc::clone(pool);
    tokio::task::spawn_blocking(move || {
        let conn = pool
            .conns
            .lock()
            .map_err(|_| DbError::Backend("database pool poisoned".into()))?
            .pop()
            .ok_or_else(|| DbError::Backend("no free connection".into()))?;
        let mut lease = Lease {
            pool,
            conn: Some(conn),
            _permit: permit,
        };
        match lease.conn.as_mut() {
            Some(conn) => f(conn),
            None => Err(DbError::Backend("no free connection".into())),
        }
    })
    .await
    .map_err(|e| DbError::Backend(format!("database task failed: {e}")))?
}

fn bind_params(stmt: &Statement) -> Vec<&dyn ToSql> {
    stmt.params
        .iter()
        .map(|p| match p {
            Value::Null => &rusqlite::types::Null as &dyn ToSql,
            Value::Integer(i) => i as &dyn ToSql,
            Value::Real(f) => f as &dyn ToSql,
            Value::Text(s) => s as &dyn ToSql,
            Value::Blob(b) => b as &dyn ToSql,
        })
        .collect()
}

fn exec_one(conn: &Connection, stmt: &Statement) -> Result<ExecResult, DbError> {
    let mut prepared = conn.prepare_cached(&stmt.sql).map_err(backend_err)?;
    let n = prepared
        .execute(bind_params(stmt).as_slice())
        .map_err(backend_err)?;
    Ok(ExecResult {
        rows_affected: n as u64,
        last_insert_id: conn.last_insert_rowid(),
    })
}

fn query_one(c: &mut Conn, stmt: &Statement) -> Result<Rows, DbError> {
    let mut prepared = c.conn.prepare_cached(&stmt.sql).map_err(backend_err)?;
    let columns = match c.columns.get(&*stmt.sql) {
        Some(cols) => Arc::clone(cols),
        None => {
            let cols: Arc<[String]> = prepared.column_names().map(str::to_owned).collect();
            if c.columns.len() >= COLUMN_CACHE_LIMIT {
                c.columns.clear();
            }
            c.columns
                .insert(stmt.sql.as_ref().into(), Arc::clone(&cols));
            cols
        }
    };
    let width = columns.len();
    let mut rows_iter = prepared
        .query(bind_params(stmt).as_slice())
        .map_err(backend_err)?;
    let mut rows = Vec::new();
    while let Some(row) = rows_iter.next().map_err(backend_err)? {
        let mut values = Vec::with_capacity(width);
        for i in 0..width {
            values.push(match row.get_ref(i).map_err(backend_err)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(v) => Value::Integer(v),
                ValueRef::Real(v) => Value::Real(v),
                ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::Blob(b.to_vec()),
            });
        }
        rows.push(values);
    }
    Ok(Rows { columns, rows })
}

/// Whether SQL is a plain read (`SELECT`, `WITH … SELECT`, `EXPLAIN`, `PRAGMA` reads
/// excluded): anything else goes to the writer connection.
fn is_read_only(sql: &str) -> bool {
    let head: String = sql
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_uppercase();
    match head.as_str() {
        "SELECT" | "VALUES" | "EXPLAIN" => true,
        // A CTE may end in INSERT/UPDATE/DELETE.
        "WITH" => {
            let upper = sql.to_ascii_uppercase();
            !["INSERT", "UPDATE", "DELETE", "REPLACE"]
                .iter()
                .any(|w| upper.contains(w))
        }
        _ => false,
    }
}

const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS _clodo_migrations (\
    block TEXT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, \
    PRIMARY KEY (block, name))";

impl DbBackend for SqliteDb {
    fn execute(&self, stmt: Statement) -> BoxFuture<'_, Result<ExecResult, DbError>> {
        Box::pin(with_conn(&self.writer, self.acquire_timeout, move |c| {
            exec_one(&c.conn, &stmt)
        }))
    }

    fn query(&self, stmt: Statement) -> BoxFuture<'_, Result<Rows, DbError>> {
        // `INSERT … RETURNING` and friends are writes: they queue for the writer.
        let pool = if is_read_only(&stmt.sql) {
            &self.readers
        } else {
            &self.writer
        };
        Box::pin(with_conn(pool, self.acquire_timeout, move |c| {
            query_one(c, &stmt)
        }))
    }

    fn batch(&self, stmts: Vec<Statement>) -> BoxFuture<'_, Result<Vec<ExecResult>, DbError>> {
        Box::pin(with_conn(&self.writer, self.acquire_timeout, move |c| {
            let tx = c
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(backend_err)?;
            let mut out = Vec::with_capacity(stmts.len());
            for s in &stmts {
                out.push(exec_one(&tx, s)?);
            }
            tx.commit().map_err(backend_err)?;
            Ok(out)
        }))
    }

    fn migrate(
        &self,
        block: String,
        migrations: Vec<MigrationSource>,
    ) -> BoxFuture<'_, Result<Vec<String>, DbError>> {
        Box::pin(with_conn(&self.writer, self.acquire_timeout, move |c| {
            let c = &mut c.conn;
            c.execute_batch(MIGRATIONS_TABLE).map_err(backend_err)?;
            let mut sorted = migrations;
            sorted.sort_by(|a, b| a.name.cmp(&b.name));
            let block = block.as_str();
            let mut applied = Vec::new();
            for m in sorted {
                let name: &str = &m.name;
                let fail = |e: rusqlite::Error| DbError::Migration {
                    block: block.to_owned(),
                    file: name.to_owned(),
                    message: e.to_string(),
                };
                let tx = c
                    .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                    .map_err(fail)?;
                let done: bool = tx
                    .query_row(
                        "SELECT EXISTS(SELECT 1 FROM _clodo_migrations WHERE block = ?1 AND name = ?2)",
                        [block, name],
                        |r| r.get(0),
                    )
                    .map_err(fail)?;
                if done {
                    continue;
                }
                tx.execute_batch(&m.sql).map_err(fail)?;
                tx.execute(
                    "INSERT INTO _clodo_migrations (block, name, applied_at) \
                     VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                    [block, name],
                )
                .map_err(fail)?;
                tx.commit().map_err(fail)?;
                applied.push(name.to_owned());
            }
            Ok(applied)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{Db, Migration};

    fn sources(m: &[Migration]) -> Vec<MigrationSource> {
        m.iter().map(MigrationSource::from).collect()
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Item {
        id: i64,
        name: String,
        price: Option<f64>,
    }

    static MIGRATIONS: &[Migration] = &[
        Migration {
            name: "0001_init.sql",
            sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, price REAL);",
        },
        Migration {
            name: "0002_seed.sql",
            sql: "INSERT INTO items (name, price) VALUES ('bread', 2.5);",
        },
    ];

    #[tokio::test(flavor = "multi_thread")]
    async fn execute_query_batch_and_migrations() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::new(SqliteDb::open(dir.path().join("x/db.sqlite3"), 2).unwrap());
        assert_eq!(
            db.migrate("b", &sources(MIGRATIONS)).await.unwrap(),
            ["0001_init.sql", "0002_seed.sql"]
        );
        assert!(
            db.migrate("b", &sources(MIGRATIONS))
                .await
                .unwrap()
                .is_empty(),
            "applied once"
        );

        let r = db
            .execute(
                "INSERT INTO items (name, price) VALUES (?1, ?2)",
                crate::params!["bun", None::<f64>],
            )
            .await
            .unwrap();
        assert_eq!((r.rows_affected, r.last_insert_id), (1, 2));
        let items: Vec<Item> = db
            .query("SELECT * FROM items ORDER BY id", vec![])
            .await
            .unwrap();
        assert_eq!(
            items[1],
            Item {
                id: 2,
                name: "bun".into(),
                price: None
            }
        );
        let none: Option<Item> = db
            .first("SELECT * FROM items WHERE id = ?1", crate::params![99])
            .await
            .unwrap();
        assert!(none.is_none());

        // a failing batch leaves nothing behind
        let err = db
            .batch(vec![
                Statement::new("INSERT INTO items (name) VALUES ('cake')", vec![]),
                Statement::new("INSERT INTO items (name) VALUES ('bread')", vec![]),
            ])
            .await
            .unwrap_err();
        assert!(matches!(err, DbError::Constraint(_)), "{err}");
        let n: Vec<Item> = db
            .query("SELECT * FROM items WHERE name = 'cake'", vec![])
            .await
            .unwrap();
        assert!(n.is_empty());

        let big = db
            .execute(
                "INSERT INTO items (name, price) VALUES ('x', ?1)",
                crate::params![1i64 << 60],
            )
            .await;
        assert!(matches!(big, Err(DbError::IntegerOutOfRange { .. })));
    }

    #[test]
    fn writes_are_recognised() {
        assert!(is_read_only("  select 1"));
        assert!(is_read_only("WITH x AS (SELECT 1) SELECT * FROM x"));
        assert!(!is_read_only("INSERT INTO t VALUES (1) RETURNING id"));
        assert!(!is_read_only("WITH x AS (SELECT 1) DELETE FROM t"));
        assert!(!is_read_only("UPDATE t SET a = 1 RETURNING a"));
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn failed_migration_names_file_and_rolls_back() {
        static BAD: &[Migration] = &[Migration {
            name: "0001_bad.sql",
            sql: "CREATE TABLE t (id INTEGER); INSERT INTO nope VALUES (1);",
        }];
        let dir = tempfile::tempdir().unwrap();
        let db = Db::new(SqliteDb::open(dir.path().join("db.sqlite3"), 1).unwrap());
        let err = db
            .migrate("blk", &sources(BAD))
            .await
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("blk/0001_bad.sql") && err.contains("no such table: nope"),
            "{err}"
        );
        let t = db
            .query_rows("SELECT name FROM sqlite_master WHERE name = 't'", vec![])
            .await
            .unwrap();
        assert!(t.rows.is_empty(), "migration rolled back");
    }

    /// A query that keeps a connection busy for a while (hundreds of ms).
    const SLOW: &str = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c \
                        WHERE x < 1000000) SELECT count(*) AS n FROM c";

    #[tokio::test(flavor = "multi_thread")]
    async fn cancelled_queries_never_make_others_fail() {
        let dir = tempfile::tempdir().unwrap();
        // A generous bound: this test is about cancellation, not saturation.
        let db = Db::new(
            SqliteDb::open(dir.path().join("db.sqlite3"), 2)
                .unwrap()
                .with_acquire_timeout(std::time::Duration::from_secs(120)),
        );
        // Half the callers give up mid-query: their futures are dropped while
        // the blocking task still holds the connection; the other half run
        // alongside and right after.
        let mut tasks = Vec::new();
        for i in 0..8 {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                if i % 2 == 0 {
                    let q = db.query_rows(SLOW, vec![]);
                    let _ = tokio::time::timeout(std::time::Duration::from_millis(2), q).await;
                    None
                } else {
                    Some(db.query_rows("SELECT 1 AS one", vec![]).await)
                }
            }));
        }
        for t in tasks {
            if let Some(r) = t.await.unwrap() {
                r.expect("a query that was not cancelled succeeds");
            }
        }
        let quick: Vec<_> = (0..16)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move { db.query_rows("SELECT 1 AS one", vec![]).await })
            })
            .collect();
        for q in quick {
            let rows = q
                .await
                .unwrap()
                .expect("no caller fails after cancellations");
            assert_eq!(rows.rows.len(), 1);
        }
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn saturation_waits_within_the_bound_then_answers_503() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::new(
            SqliteDb::open(dir.path().join("db.sqlite3"), 1)
                .unwrap()
                .with_acquire_timeout(std::time::Duration::from_millis(20)),
        );
        let busy = {
            let db = db.clone();
            tokio::spawn(async move { db.query_rows(SLOW, vec![]).await })
        };
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        let err = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            db.query_rows("SELECT 1", vec![]),
        )
        .await
        .expect("a saturated pool answers within its bound")
        .unwrap_err();
        assert!(matches!(err, DbError::Busy { waited_ms: 20 }), "{err}");
        let resp = crate::error::ApiError::from(err).into_response("req-1");
        assert_eq!(resp.status(), 503);
        assert_eq!(resp.headers()[http::header::RETRY_AFTER], "1");
        assert_eq!(
            resp.headers()[http::header::CONTENT_TYPE],
            crate::error::PROBLEM_JSON
        );
        busy.await
            .unwrap()
            .expect("the slow query itself completes");
        db.query_rows("SELECT 1", vec![])
            .await
            .expect("a free pool serves again");
    }
}
