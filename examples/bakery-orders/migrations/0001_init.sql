-- Tables of the bakery-orders block.
CREATE TABLE menu_items (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    available   INTEGER NOT NULL DEFAULT 1 CHECK (available IN (0, 1))
);

CREATE TABLE orders (
    id             INTEGER PRIMARY KEY,
    ref            TEXT    NOT NULL UNIQUE,
    customer_id    TEXT    NOT NULL,
    customer_email TEXT    NOT NULL,
    pickup_date    TEXT    NOT NULL,
    status         TEXT    NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'ready')),
    note           TEXT,
    total_cents    INTEGER NOT NULL CHECK (total_cents >= 0),
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ready_at       TEXT
);
CREATE INDEX orders_by_customer ON orders (customer_id, id);
CREATE INDEX orders_by_pickup_date ON orders (pickup_date, id);

CREATE TABLE order_lines (
    order_id         INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no          INTEGER NOT NULL,
    menu_item_id     INTEGER NOT NULL REFERENCES menu_items (id),
    name             TEXT    NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
