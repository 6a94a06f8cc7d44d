// Every object each overlay renders is valid against its schema, and the validation rejects what it
// should (a deliberately broken kustomization, and mutations of the real objects).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { render, validateAll, loadCrdValidators } from "../scripts/validate.mjs";
import { k8sDir } from "../scripts/realm.mjs";

const crds = loadCrdValidators();
export const overlays = ["overlays/local", "overlays/prod"];

test("the CRDs in crds/ give a schema for every kind the overlays use", () => {
  for (const key of [
    "kafka.strimzi.io/v1 Kafka",
    "kafka.strimzi.io/v1 KafkaNodePool",
    "kafka.strimzi.io/v1 KafkaTopic",
    "postgresql.cnpg.io/v1 Cluster",
    "k8s.keycloak.org/v2alpha1 Keycloak",
    "k8s.keycloak.org/v2alpha1 KeycloakRealmImport",
  ]) {
    assert.ok(crds.has(key), key);
  }
  assert.ok(!crds.has("kafka.strimzi.io/v1beta2 Kafka"), "Strimzi 1.2.0 serves v1 only");
});

for (const overlay of overlays) {
  test(`${overlay}: every rendered object is valid against the Kubernetes or its CRD's schema`, async () => {
    const results = await validateAll(render(join(k8sDir, overlay)), crds);
    assert.ok(results.length >= 50, `${results.length} objects`);
    const invalid = results.filter((r) => r.errors.length > 0).map((r) => `${r.name}: ${r.errors.join("; ")}`);
    assert.deepEqual(invalid, []);
    for (const r of results) assert.ok(r.schema, `${r.name} was checked against a schema`);
    const counts = {};
    for (const r of results) counts[r.schema === "kubernetes" ? "kubernetes" : "crd"] = (counts[r.schema === "kubernetes" ? "kubernetes" : "crd"] ?? 0) + 1;
    console.log(`${overlay}: ${results.length} objects valid (${counts.kubernetes} built-in, ${counts.crd} custom)`);
  });
}

test("negative self-test: every object of the broken kustomization is rejected, each for its reason", async () => {
  const results = await validateAll(render(join(k8sDir, "test/fixtures/broken")), crds);
  const errors = Object.fromEntries(results.map((r) => [r.object.metadata.name, r.errors.join("; ")]));
  assert.equal(results.length, 7);
  assert.match(errors["broken-misspelt"], /\/spec\/template\/spec\/containers\/0\/securityContext\/readOnlyRootFileSystem is not a field of V1SecurityContext/);
  assert.match(errors["broken-port"], /containerPort must be integer/);
  assert.match(errors["broken-service"], /ports\/0 must have required property '?port'?/);
  assert.match(errors["broken-topic"], /must NOT have additional properties \(replication\)/);
  assert.match(errors["broken-cluster"], /\/spec\/instances must be integer/);
  assert.match(errors["broken-cluster"], /\/spec\/primaryUpdateStrategy must be equal to one of the allowed values/);
  assert.match(errors["broken-old-version"], /no schema: kafka.strimzi.io\/v1beta2 Kafka/);
  assert.match(errors["broken-unknown-kind"], /no schema: example.org\/v1 Gadget/);
});

// One change at a time to a valid rendered object, each of which the API server would refuse.
const mutations = [
  ["Deployment", "a memory limit that is no quantity", (o) => { o.spec.template.spec.containers[0].resources.limits.memory = "a lot"; }],
  ["Deployment", "a probe without a handler port", (o) => { o.spec.template.spec.containers[0].readinessProbe.httpGet = { path: "/q/health/ready" }; }],
  ["Deployment", "a misspelt field", (o) => { o.spec.template.spec.containers[0].livenessprobe = o.spec.template.spec.containers[0].livenessProbe; }],
  ["NetworkPolicy", "a misspelt selector", (o) => { o.spec.podSelecter = {}; }],
  ["HorizontalPodAutoscaler", "an External metric without a target", (o) => { delete o.spec.metrics[1].external.target; }],
  ["NetworkPolicy", "a policy type that does not exist", (o) => { o.spec.policyTypes = ["Sideways"]; }],
  ["Ingress", "a backend port number given as a string", (o) => { o.spec.rules[0].http.paths[0].backend.service.port.number = "8084"; }],
  ["KafkaTopic", "replicas as a string", (o) => { o.spec.replicas = "3"; }],
  ["KafkaNodePool", "an unknown role", (o) => { o.spec.roles = ["leader"]; }],
  ["Kafka", "a listener without tls", (o) => { delete o.spec.kafka.listeners[0].tls; }],
  ["Kafka", "a misspelt field", (o) => { o.spec.kafka.listener = o.spec.kafka.listeners; }],
  ["Cluster", "a misspelt backup field", (o) => { o.spec.backup.barmanObjectStore.destinationPth = "s3://x"; }],
  ["Cluster", "a bad retention policy", (o) => { o.spec.backup.retentionPolicy = "30 days"; }],
  ["Keycloak", "instances as a string", (o) => { o.spec.instances = "two"; }],
  ["KeycloakRealmImport", "a realm field Keycloak does not know", (o) => { o.spec.realm.accessTokenLifeSpan = 60; }],
  ["KeycloakRealmImport", "no keycloakCRName", (o) => { delete o.spec.keycloakCRName; }],
  ["ConfigMap", "data that is not a string", (o) => { o.data = { X: 1 }; }],
  ["Service", "a metadata name of the wrong type", (o) => { o.metadata.name = 7; }],
  ["KafkaTopic", "a metadata label of the wrong type", (o) => { o.metadata.labels = { a: 1 }; }],
];

test("every mutation of a valid prod object that the API server would refuse fails validation", async () => {
  const objects = render(join(k8sDir, "overlays/prod"));
  for (const [kind, what, mutate] of mutations) {
    const original = objects.find((o) => o.kind === kind);
    assert.ok(original, kind);
    const copy = structuredClone(original);
    mutate(copy);
    const [result] = await validateAll([copy], crds);
    assert.ok(result.errors.length > 0, `${kind}: ${what} passed validation`);
  }
});
