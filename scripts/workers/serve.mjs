// Serves a Worker bundle built by scripts/workers/build.sh under workerd on
// 127.0.0.1, with local D1, through miniflare's Node API (not `wrangler
// dev`, which adds its own proxy and milliseconds per request).
//
//   node scripts/workers/serve.mjs --dir target/workers/example-bakery-orders
//        [--port 8787] [--persist DIR | --memory] [--var NAME=VALUE]...
//        [--control-port N] [--env NAME] [--dev-tokens FILE] [--quiet]
//
// Vars come from the bundle's wrangler.toml [vars] (CLODO_DOMAIN), or with
// --env NAME from [env.NAME.vars] and [[env.NAME.d1_databases]] (the
// wrangler.toml `cargo clodo deploy` and `migrate` write), secrets
// from DIR/.dev.vars, then --var. D1 is kept under --persist, or in memory
// with --memory. Without --env the default is DIR/.wrangler/state/v3/d1
// (where `wrangler d1 migrations apply DB --local` run in DIR writes); with
// --env one of --persist or --memory is required, so two domains never
// share a local database: `cargo clodo migrate --local` prints the folder
// of its domain and environment (`--persist <its folder>/v3/d1`). The Worker
// applies the blocks' migrations itself on its first request unless
// wrangler already did.
//
// Prints one line `clodo-workerd {"url":...,"control":...}` when ready; the
// optional control server answers GET /outbox with the dev mailer's messages
// (the table _clodo_dev_outbox of the D1 database), for tests and for people,
// and, with --dev-tokens FILE (a dev-tokens.env that `cargo clodo dev
// --workerd` writes; development only), GET /dev-tokens with
// {"customer":...,"staff":...}.
// Needs Node >= 22.12 (bin/node of .ci/install-workers.sh) and miniflare from
// the same tools folder (found through CLODO_WORKERS_TOOLS or the default).
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const args = process.argv.slice(2);
const opts = { port: 8787, controlPort: null, persist: null, memory: false, vars: {}, quiet: false, dir: null, env: null, devTokens: null };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = () => {
    if (i + 1 >= args.length) fail(`${a} needs a value`);
    return args[++i];
  };
  if (a === "--dir") opts.dir = resolve(next());
  else if (a === "--port") opts.port = Number(next());
  else if (a === "--control-port") opts.controlPort = Number(next());
  else if (a === "--persist") opts.persist = resolve(next());
  else if (a === "--memory") opts.memory = true;
  else if (a === "--quiet") opts.quiet = true;
  else if (a === "--env") opts.env = next();
  else if (a === "--dev-tokens") opts.devTokens = resolve(next());
  else if (a === "--var") {
    const [k, ...v] = next().split("=");
    opts.vars[k] = v.join("=");
  } else fail(`unknown argument ${a}`);
}
if (!opts.dir) fail("--dir is required (a folder built by scripts/workers/build.sh)");
if (opts.env && !opts.persist && !opts.memory)
  fail(`--env ${opts.env} needs --persist DIR (the local D1 of that domain and environment: \`cargo clodo migrate --local\` prints it) or --memory`);

function fail(msg) {
  console.error(`serve.mjs: ${msg}`);
  process.exit(2);
}

const tools = process.env.CLODO_WORKERS_TOOLS || join(homedir(), ".cache/clodo/workers");
const require = createRequire(join(tools, "npm", "package.json"));
let Miniflare, Log, LogLevel;
try {
  ({ Miniflare, Log, LogLevel } = require("miniflare"));
} catch (e) {
  fail(`miniflare not found in ${tools}/npm: run 'bash .ci/install-workers.sh' (${e.message})`);
}

// The few wrangler.toml keys we wrote ourselves: name, compatibility_date,
// [vars] and the D1 database id; with `env`, those of [env.<env>...].
function readWranglerToml(path, env) {
  const out = { vars: {}, compatibilityDate: "2026-07-30", databaseId: "clodo-local" };
  const varsSection = env ? `env.${env}.vars` : "vars";
  const d1Section = env ? `env.${env}.d1_databases` : "d1_databases";
  let section = "";
  let sawEnv = false;
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const sec = line.match(/^\[+([^\]]+)\]+$/);
    if (sec) {
      section = sec[1].trim();
      if (env && (section === `env.${env}` || section.startsWith(`env.${env}.`))) sawEnv = true;
      continue;
    }
    // "basic" strings (no escapes in what we write) or 'literal' ones (JSON vars).
    const kv = line.match(/^([A-Za-z0-9_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(?:#.*)?$/);
    if (!kv) continue;
    const value = kv[2] !== undefined ? kv[2].replace(/\\(["\\])/g, "$1") : kv[3];
    if (section === varsSection) out.vars[kv[1]] = value;
    else if (section === d1Section && kv[1] === "database_id") out.databaseId = value;
    else if (section === "" && kv[1] === "compatibility_date") out.compatibilityDate = value;
  }
  if (env && !sawEnv) fail(`${path} has no [env.${env}] section (write it with cargo clodo migrate or deploy)`);
  return out;
}

function readDevVars(path) {
  const out = {};
  if (!existsSync(path)) return out;
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const i = line.indexOf("=");
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim().replace(/^(['"])(.*)\1$/, "$2");
  }
  return out;
}

const toml = readWranglerToml(join(opts.dir, "wrangler.toml"), opts.env);
const bindings = { ...toml.vars, ...readDevVars(join(opts.dir, ".dev.vars")), ...opts.vars };

const mf = new Miniflare({
  scriptPath: join(opts.dir, "worker", "entry.mjs"),
  modules: true,
  modulesRoot: opts.dir,
  modulesRules: [
    { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
    { type: "CompiledWasm", include: ["**/*.wasm"] },
  ],
  compatibilityDate: toml.compatibilityDate,
  bindings,
  // The id and folder `wrangler d1 migrations apply DB --local` uses, so
  // both see the same local database.
  d1Databases: { DB: toml.databaseId },
  d1Persist: opts.memory ? false : opts.persist || join(opts.dir, ".wrangler", "state", "v3", "d1"),
  host: "127.0.0.1",
  port: opts.port,
  cf: false,
  log: new Log(opts.quiet ? LogLevel.WARN : LogLevel.INFO),
});

const url = await mf.ready;

async function outbox() {
  const db = await mf.getD1Database("DB");
  try {
    const { results } = await db
      .prepare("SELECT id, created_at, to_addr, message FROM _clodo_dev_outbox ORDER BY id")
      .all();
    return results.map((r) => ({ ...JSON.parse(r.message), id: r.id, created_at: r.created_at }));
  } catch (e) {
    if (String(e).includes("no such table")) return [];
    throw e;
  }
}

let control = null;
if (opts.controlPort !== null) {
  const server = createServer(async (req, res) => {
    try {
      if (req.method === "GET" && req.url === "/outbox") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(await outbox()));
      } else if (req.method === "GET" && req.url === "/dev-tokens" && opts.devTokens) {
        const t = readDevVars(opts.devTokens);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ customer: t.CUSTOMER_TOKEN, staff: t.STAFF_TOKEN }));
      } else {
        res.writeHead(404).end();
      }
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(e));
    }
  });
  await new Promise((r) => server.listen(opts.controlPort, "127.0.0.1", r));
  control = `http://127.0.0.1:${server.address().port}`;
}

console.log(`clodo-workerd ${JSON.stringify({ url: url.origin, control })}`);

const stop = async () => {
  await mf.dispose();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// Stop with the parent (tests): stdin closes when it exits.
process.stdin.on("end", stop);
process.stdin.resume();
