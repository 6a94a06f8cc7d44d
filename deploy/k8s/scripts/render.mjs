// npm run render [-- overlays/prod]: validates each overlay and prints what it renders, by kind.
import { join } from "node:path";
import { render, validateAll } from "./validate.mjs";
import { k8sDir } from "./realm.mjs";

const overlays = process.argv.length > 2 ? process.argv.slice(2) : ["overlays/local", "overlays/prod"];
let failed = 0;
for (const overlay of overlays) {
  const results = await validateAll(render(join(k8sDir, overlay)));
  const byKind = {};
  for (const r of results) byKind[`${r.object.apiVersion} ${r.object.kind}`] = (byKind[`${r.object.apiVersion} ${r.object.kind}`] ?? 0) + 1;
  console.log(`${overlay}: ${results.length} objects`);
  for (const [kind, n] of Object.entries(byKind).sort()) console.log(`  ${String(n).padStart(3)}  ${kind}`);
  for (const r of results.filter((r) => r.errors.length > 0)) {
    failed++;
    console.log(`  INVALID ${r.name}:\n    ${r.errors.join("\n    ")}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
