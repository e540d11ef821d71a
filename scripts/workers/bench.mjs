// The Workers benchmark (run by scripts/workers/bench.sh): the bakery as a
// Clodo Worker against the same routes hand-written on workers-rs
// (benches/plain-worker), both on local workerd with local D1, same run.
// Prints, never asserts:
//   * bundle size (wasm raw; wasm + JS gzip -9) and the ratio;
//   * cold start: a new workerd process, to ready and to the first 200 of
//     GET /menu (median of BENCH_COLD runs);
//   * latency per route, p50 and p99 over BENCH_N sequential requests per
//     round, BENCH_ROUNDS rounds alternating the two workers.
//
//   node scripts/workers/bench.mjs CLODO_DIR PLAIN_DIR MIGRATIONS_DIR [BLOCK_DIR]
//
// BLOCK_DIR (optional) is the bakery block alone (benches/bakery-block-worker),
// whose bundle size is compared too: the same routes as the plain worker,
// where CLODO_DIR is the whole app (bakery, auth and data blocks).
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";

const [clodoDir, plainDir, migrationsDir, blockDir] = process.argv.slice(2);
const N = Number(process.env.BENCH_N || 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const COLD = Number(process.env.BENCH_COLD || 5);
const tools = process.env.CLODO_WORKERS_TOOLS || join(homedir(), ".cache/clodo/workers");
const { Miniflare, Log, LogLevel } = createRequire(join(tools, "npm", "package.json"))("miniflare");

const DOMAIN = "bench.localhost";
const KEY = randomBytes(32).toString("hex");

function b64url(buf) {
  return Buffer.from(buf).toString("base64url");
}
function token(sub, roles) {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = b64url(
    JSON.stringify({ iss: DOMAIN, aud: "clodo", sub, email: `${sub}@example.com`, roles, iat: now, exp: now + 3600 }),
  );
  const sig = createHmac("sha256", KEY).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${sig}`;
}

function size(dir) {
  const wasm = readFileSync(join(dir, "worker", "index_bg.wasm"));
  const js = ["index.js", "entry.mjs"].map((f) => readFileSync(join(dir, "worker", f)));
  return { raw: wasm.length, gzip: gzipSync(Buffer.concat([wasm, ...js]), { level: 9 }).length };
}

// Splits SQL into statements (quotes and comments respected; no triggers in
// the bakery's migrations), for D1's exec(), which takes one per line.
function statements(sql) {
  const out = [];
  let cur = "";
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const j = sql.indexOf(c, i + 1);
      cur += sql.slice(i, j + 1);
      i = j;
    } else if (c === "-" && sql[i + 1] === "-") {
      i = sql.indexOf("\n", i);
      if (i < 0) break;
    } else if (c === ";") {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += c === "\n" ? " " : c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

async function applyMigrations(mf) {
  const db = await mf.getD1Database("DB");
  for (const f of readdirSync(migrationsDir).filter((f) => f.endsWith(".sql")).sort()) {
    await db.batch(statements(readFileSync(join(migrationsDir, f), "utf8")).map((q) => db.prepare(q)));
  }
}

async function start(dir) {
  const mf = new Miniflare({
    scriptPath: join(dir, "worker", "entry.mjs"),
    modules: true,
    modulesRoot: dir,
    modulesRules: [
      { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
      { type: "CompiledWasm", include: ["**/*.wasm"] },
    ],
    compatibilityDate: "2026-07-30",
    bindings: { CLODO_DOMAIN: DOMAIN, CLODO_SIGNING_KEY: KEY },
    d1Databases: { DB: "bench" },
    d1Persist: false,
    host: "127.0.0.1",
    port: 0,
    cf: false,
    log: new Log(LogLevel.WARN),
  });
  const url = await mf.ready;
  // Both start from the same database: the bakery's migrations as wrangler
  // would apply them (the Clodo Worker then finds nothing left to apply).
  await applyMigrations(mf);
  return { mf, base: url.origin };
}

async function coldStart(dir) {
  const t0 = performance.now();
  const mf = new Miniflare({
    scriptPath: join(dir, "worker", "entry.mjs"),
    modules: true,
    modulesRoot: dir,
    modulesRules: [
      { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
      { type: "CompiledWasm", include: ["**/*.wasm"] },
    ],
    compatibilityDate: "2026-07-30",
    bindings: { CLODO_DOMAIN: DOMAIN, CLODO_SIGNING_KEY: KEY },
    d1Databases: { DB: "bench" },
    d1Persist: false,
    host: "127.0.0.1",
    port: 0,
    cf: false,
    log: new Log(LogLevel.WARN),
  });
  const url = await mf.ready;
  const t1 = performance.now();
  // The plain worker needs its tables before /menu answers 200: apply them
  // first for both (not counted), then time the first request.
  await applyMigrations(mf);
  const t2 = performance.now();
  const resp = await fetch(`${url.origin}/menu`);
  await resp.arrayBuffer();
  const t3 = performance.now();
  if (resp.status !== 200) throw new Error(`cold /menu answered ${resp.status}`);
  await mf.dispose();
  return { ready: t1 - t0, first: t3 - t2, total: t1 - t0 + (t3 - t2) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function timeRoute(base, route, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const { method, path, body, auth } = route.make(i);
    const headers = {};
    if (auth) headers.authorization = `Bearer ${auth}`;
    if (body) headers["content-type"] = "application/json";
    const t = performance.now();
    const resp = await fetch(`${base}${path}`, { method, headers, body });
    await resp.arrayBuffer();
    out.push(performance.now() - t);
    if (resp.status !== route.status) throw new Error(`${method} ${path} answered ${resp.status}`);
  }
  return out;
}

const customer = token("bench-customer", ["customer"]);
const order = JSON.stringify({
  pickup_date: "2999-01-01",
  lines: [
    { menu_item_id: 1, quantity: 2 },
    { menu_item_id: 3, quantity: 3 },
  ],
  note: "bench",
});
const routes = [
  { name: "GET /menu", status: 200, make: () => ({ method: "GET", path: "/menu" }) },
  { name: "GET /orders/{id}", status: 200, make: () => ({ method: "GET", path: "/orders/1", auth: customer }) },
  { name: "GET /orders/mine", status: 200, make: () => ({ method: "GET", path: "/orders/mine", auth: customer }) },
  { name: "POST /orders", status: 201, make: () => ({ method: "POST", path: "/orders", body: order, auth: customer }) },
];

const sizes = { clodo: size(clodoDir), plain: size(plainDir) };
if (blockDir) sizes.block = size(blockDir);
console.log(`bundle size (wasm raw / wasm+js gzip -9):`);
const label = { clodo: "clodo (bakery app: bakery + auth + data blocks)", block: "clodo (bakery block alone)", plain: "plain (workers-rs, the bakery routes)" };
for (const [k, s] of Object.entries(sizes)) {
  console.log(`  ${(s.raw / 1024).toFixed(0).padStart(6)} KiB / ${(s.gzip / 1024).toFixed(0).padStart(5)} KiB  ${label[k]}`);
}
for (const k of Object.keys(sizes).filter((k) => k !== "plain")) {
  console.log(
    `  ratio ${k}/plain: raw ${(sizes[k].raw / sizes.plain.raw).toFixed(2)}x, gzip ${(sizes[k].gzip / sizes.plain.gzip).toFixed(2)}x`,
  );
}

const cold = { clodo: [], plain: [] };
for (let i = 0; i < COLD; i++) {
  cold.clodo.push(await coldStart(clodoDir));
  cold.plain.push(await coldStart(plainDir));
}
console.log(`cold start, median of ${COLD} (new workerd process; ready / first GET /menu / sum), ms:`);
for (const [k, runs] of Object.entries(cold)) {
  const r = median(runs.map((x) => x.ready));
  const f = median(runs.map((x) => x.first));
  console.log(`  ${k.padEnd(6)} ${r.toFixed(0).padStart(5)} / ${f.toFixed(1).padStart(6)} / ${median(runs.map((x) => x.total)).toFixed(0).padStart(5)}`);
}
console.log(
  `  ratio clodo/plain, first request: ${(median(cold.clodo.map((x) => x.first)) / median(cold.plain.map((x) => x.first))).toFixed(2)}x`,
);

const servers = { clodo: await start(clodoDir), plain: await start(plainDir) };
// Seed: order 1 belongs to the customer on both.
for (const s of Object.values(servers)) {
  const r = await fetch(`${s.base}/orders`, {
    method: "POST",
    headers: { authorization: `Bearer ${customer}`, "content-type": "application/json" },
    body: order,
  });
  if (r.status !== 201) throw new Error(`seeding answered ${r.status}: ${await r.text()}`);
}
const lat = {};
for (const route of routes) {
  lat[route.name] = { clodo: [], plain: [] };
  for (const s of Object.values(servers)) await timeRoute(s.base, route, 30); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, s] of Object.entries(servers)) lat[route.name][k].push(...(await timeRoute(s.base, route, N)));
  }
}
console.log(`latency per route, sequential, ${ROUNDS} x ${N} requests each (ms): p50 / p99`);
for (const [name, v] of Object.entries(lat)) {
  const c50 = pct(v.clodo, 50), p50 = pct(v.plain, 50);
  console.log(
    `  ${name.padEnd(18)} clodo ${c50.toFixed(2)} / ${pct(v.clodo, 99).toFixed(2)}   plain ${p50.toFixed(2)} / ${pct(v.plain, 99).toFixed(2)}   p50 ratio ${(c50 / p50).toFixed(2)}x`,
  );
}
for (const s of Object.values(servers)) await s.mf.dispose();
