// The KeycloakRealmImport of realm csp is generated from deploy/keycloak/csp-realm.json, the realm
// the local stack and docker-compose.yml import: Kustomize cannot embed a JSON file as an object,
// nor read a file outside its kustomization's folder, so the generated resource is kept beside the
// base (base/keycloak/csp-realm-import.yaml) and npm test fails when it differs from the source.
//   npm run generate-realm   writes it again after the realm changed
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { stringify } from "yaml";

export const k8sDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const realmSource = join(k8sDir, "..", "keycloak", "csp-realm.json");
export const realmImportFile = join(k8sDir, "base", "keycloak", "csp-realm-import.yaml");

const header = `# GENERATED from deploy/keycloak/csp-realm.json by \`npm run generate-realm\` (in deploy/k8s): do not
# edit; change the realm there and run it again. npm test fails when this differs from the source.
# The prod overlay takes the demo users out and the reporting-service client's secret from a Secret.
`;

export function realmImport() {
  const realm = JSON.parse(readFileSync(realmSource, "utf8"));
  const resource = {
    apiVersion: "k8s.keycloak.org/v2alpha1",
    kind: "KeycloakRealmImport",
    metadata: { name: "csp-realm" },
    spec: { keycloakCRName: "csp-keycloak", realm },
  };
  return header + stringify(resource, { lineWidth: 0 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(realmImportFile, realmImport());
  console.log(`wrote ${realmImportFile}`);
}
