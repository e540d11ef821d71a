PRAGMA defer_foreign_keys = ON;

CREATE TABLE "data_notes__rebuild" (
    "id" INTEGER PRIMARY KEY,
    "owner_id" TEXT,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "customer" INTEGER REFERENCES "data_customers" ("id") ON DELETE CASCADE,
    "text" TEXT
);

INSERT INTO "data_notes__rebuild" ("id", "owner_id", "created_at", "updated_at", "customer", "text") SELECT "id", "owner_id", "created_at", "updated_at", "customer", "text" FROM "data_notes";

DROP TABLE "data_notes";

ALTER TABLE "data_notes__rebuild" RENAME TO "data_notes";

CREATE INDEX "data_notes__owner" ON "data_notes" ("owner_id", "id");

CREATE INDEX "data_notes__customer__index" ON "data_notes" ("customer", "id");

INSERT INTO "_clodo_data_schema" ("block", "version", "hash", "schema", "applied_at") VALUES ('data', 2, 'c94545207fe35e3c', '{"models":[{"name":"customers","fields":[{"name":"name","type":"text"}]},{"name":"notes","fields":[{"name":"customer","type":"integer","belongs_to":"customers","on_delete":"cascade"},{"name":"text","type":"text"}]}]}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT ("block") DO UPDATE SET "version" = excluded."version", "hash" = excluded."hash", "schema" = excluded."schema", "applied_at" = excluded."applied_at";
