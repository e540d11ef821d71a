CREATE TABLE "data_customers" (
    "id" INTEGER PRIMARY KEY,
    "owner_id" TEXT,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "name" TEXT,
    "phone" TEXT,
    "age" TEXT,
    "tier" TEXT DEFAULT 'regular'
);

CREATE INDEX "data_customers__owner" ON "data_customers" ("owner_id", "id");

CREATE UNIQUE INDEX "data_customers__name__unique_per_owner" ON "data_customers" (ifnull("owner_id", ''), "name");

CREATE INDEX "data_customers__phone__index" ON "data_customers" ("phone", "id");

CREATE TABLE "data_notes" (
    "id" INTEGER PRIMARY KEY,
    "owner_id" TEXT,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "customer" INTEGER REFERENCES "data_customers" ("id"),
    "text" TEXT DEFAULT 'it''s fine'
);

CREATE INDEX "data_notes__owner" ON "data_notes" ("owner_id", "id");

CREATE INDEX "data_notes__customer__index" ON "data_notes" ("customer", "id");

INSERT INTO "_clodo_data_schema" ("block", "version", "hash", "schema", "applied_at") VALUES ('data', 1, '4a1c74c25a3a01f2', '{"models":[{"name":"customers","fields":[{"name":"name","type":"text","unique":true,"per_owner":true},{"name":"phone","type":"text","index":true},{"name":"age","type":"text"},{"name":"tier","type":"text","default_sql":"''regular''"}]},{"name":"notes","fields":[{"name":"customer","type":"integer","belongs_to":"customers"},{"name":"text","type":"text","default_sql":"''it''''s fine''"}]}]}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT ("block") DO UPDATE SET "version" = excluded."version", "hash" = excluded."hash", "schema" = excluded."schema", "applied_at" = excluded."applied_at";
