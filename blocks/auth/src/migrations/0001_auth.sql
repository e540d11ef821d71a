-- Tables of the auth block. Times are Unix seconds unless named *_at_text.
CREATE TABLE auth_users (
    id              TEXT    PRIMARY KEY,
    email           TEXT    NOT NULL UNIQUE,
    roles           TEXT    NOT NULL DEFAULT '[]',
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at      TEXT    NOT NULL,
    last_sign_in_at TEXT,
    disabled_at     INTEGER
);

-- Magic links: only the SHA-256 of the token is stored.
CREATE TABLE auth_magic_links (
    token_hash  TEXT    PRIMARY KEY,
    email       TEXT    NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);
CREATE INDEX auth_magic_links_by_expiry ON auth_magic_links (expires_at);

-- A session is one sign-in; its refresh tokens rotate within it (a family).
CREATE TABLE auth_sessions (
    id          TEXT    PRIMARY KEY,
    user_id     TEXT    NOT NULL REFERENCES auth_users (id),
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE INDEX auth_sessions_by_user ON auth_sessions (user_id);
CREATE INDEX auth_sessions_by_revocation ON auth_sessions (revoked_at);

CREATE TABLE auth_refresh_tokens (
    token_hash  TEXT    PRIMARY KEY,
    session_id  TEXT    NOT NULL REFERENCES auth_sessions (id),
    expires_at  INTEGER NOT NULL,
    rotated_at  INTEGER
);

-- Fixed-window counters for rate limits, shared by every process of a domain.
CREATE TABLE auth_rate_limits (
    bucket        TEXT    NOT NULL,
    window_start  INTEGER NOT NULL,
    count         INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

-- API keys: found by their public prefix, verified by the SHA-256 of the whole key.
CREATE TABLE auth_api_keys (
    id            TEXT    PRIMARY KEY,
    prefix        TEXT    NOT NULL UNIQUE,
    key_hash      TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    roles         TEXT    NOT NULL DEFAULT '[]',
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT
);
