PRAGMA defer_foreign_keys = ON;

DROP TABLE "data_notes";

DROP INDEX IF EXISTS "data_customers__phone__index";

ALTER TABLE "data_customers" DROP COLUMN "phone";

ALTER TABLE "data_customers" DROP COLUMN "age";

ALTER TABLE "data_customers" ADD COLUMN "age" INTEGER;

INSERT INTO "_clodo_data_schema" ("block", "version", "hash", "schema", "applied_at") VALUES ('data', 2, 'b2ed23a437dd0928', '{"models":[{"name":"customers","fields":[{"name":"name","type":"text","unique":true,"per_owner":true},{"name":"age","type":"integer"},{"name":"tier","type":"text","default_sql":"''regular''"}]}]}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT ("block") DO UPDATE SET "version" = excluded."version", "hash" = excluded."hash", "schema" = excluded."schema", "applied_at" = excluded."applied_at";
