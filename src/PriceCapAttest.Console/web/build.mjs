// Bundles the console into dist/<configuration>/: index.html, one entry script and one stylesheet with content
// hashes in their names (cached for a year; index.html is not cached), plus lazily loaded chunks (MSAL is one:
// it is fetched only when Entra sign-in is configured). Usage: node build.mjs [--release] [--outdir DIR]
import * as esbuild from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const release = process.argv.includes("--release");
const outIndex = process.argv.indexOf("--outdir");
const outdir = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : `dist/${release ? "Release" : "Debug"}`);

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await esbuild.build({
  entryPoints: { app: "src/main.tsx", style: "src/styles.css" },
  bundle: true,
  splitting: true,
  format: "esm",
  target: ["es2022"],
  outdir,
  entryNames: "[name]-[hash]",
  chunkNames: "chunk-[hash]",
  assetNames: "asset-[hash]",
  minify: release,
  sourcemap: release ? false : "linked",
  metafile: true,
  legalComments: "linked",
  jsx: "automatic",
  jsxImportSource: "preact",
  define: { "process.env.NODE_ENV": JSON.stringify(release ? "production" : "development") },
  logLevel: "warning",
});

const outputs = Object.entries(result.metafile.outputs);
const entry = (name) => {
  const found = outputs.find(([, o]) => o.entryPoint && path.basename(o.entryPoint).startsWith(name));
  if (!found) throw new Error(`no output for ${name}`);
  return path.basename(found[0]);
};
const script = entry("main.tsx");
const style = outputs.map(([f]) => path.basename(f)).find((f) => f.startsWith("style-") && f.endsWith(".css"));
// The style entry also yields an empty script chunk; only the stylesheet is linked.
const template = await readFile("src/index.html", "utf8");
const html = template.replace("%SCRIPT%", `/console/${script}`).replace("%STYLE%", `/console/${style}`);
await writeFile(path.join(outdir, "index.html"), html);

const bytes = outputs.filter(([f]) => f.endsWith(".js") || f.endsWith(".css")).reduce((sum, [, o]) => sum + o.bytes, 0);
console.log(`console bundle: ${outdir} (${Math.round(bytes / 1024)} KiB of scripts and styles)`);
