-- A table with one of each SQLite storage class and a UNIQUE constraint.
CREATE TABLE items (
    id     INTEGER PRIMARY KEY,
    name   TEXT    NOT NULL UNIQUE,
    price  REAL,
    data   BLOB
);

-- A trigger body: statements with semicolons inside BEGIN ... END.
CREATE TABLE item_log (item_id INTEGER NOT NULL, what TEXT NOT NULL);
CREATE TRIGGER items_logged AFTER INSERT ON items BEGIN
    INSERT INTO item_log (item_id, what) VALUES (NEW.id, CASE WHEN NEW.price IS NULL THEN 'no price; free' ELSE 'priced' END);
END;
