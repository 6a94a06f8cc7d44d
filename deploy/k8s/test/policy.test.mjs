// What the manifests must say, checked on what each overlay renders: the services' pods, their
// topics, their routes, the realm, the secrets and the network. The expectations are read from the
// repository's own sources where they live there (JAX-RS paths, topic names, the realm file).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { createHash } from "node:crypto";
import { render, parseYaml } from "../scripts/validate.mjs";
import { k8sDir, realmSource, realmImport, realmImportFile } from "../scripts/realm.mjs";

const repo = join(k8sDir, "..", "..");
const services = {
  "partnership-service": { http: 8081, management: 9081, db: "csp-partnership-db" },
  "funding-service": { http: 8082, management: 9082, db: "csp-funding-db" },
  "incident-service": { http: 8083, management: 9083, db: "csp-incident-db" },
  "reporting-service": { http: 8084, management: 9084, db: "csp-reporting-db" },
};
const rendered = {
  "overlays/local": render(join(k8sDir, "overlays/local")),
  "overlays/prod": render(join(k8sDir, "overlays/prod")),
};
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const all = (objects, kind) => objects.filter((o) => o.kind === kind);

function javaFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? javaFiles(path) : path.endsWith(".java") ? [path] : [];
  });
}

/**
 * Every request path a module's JAX-RS resources serve, with {parameters} filled in: the class's
 * @Path joined with each resource method's (@GET, @POST... with or without a @Path of its own).
 */
function resourcePaths(module) {
  const paths = [];
  const fill = (p) => p.replace(/\{year\}/g, "2024").replace(/\{[^}]+\}/g, "sample-1");
  const joined = (a, b) => (b ? `${a.replace(/\/$/, "")}/${b.replace(/^\//, "")}` : a);
  for (const file of javaFiles(join(repo, module, "src", "main", "java"))) {
    const lines = readFileSync(file, "utf8").split("\n");
    const classLine = lines.findIndex((l) => /^(public\s+)?(final\s+)?class\s+\w+/.test(l));
    const base = lines.slice(0, Math.max(classLine, 0)).map((l) => l.match(/^@(?:jakarta\.ws\.rs\.)?Path\("([^"]*)"\)/)).find(Boolean);
    if (!base) continue;
    let verb = null;
    let sub = null;
    for (const line of lines.slice(classLine + 1)) {
      const annotation = line.match(/^\s*@(?:jakarta\.ws\.rs\.)?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*$/);
      const path = line.match(/^\s*@(?:jakarta\.ws\.rs\.)?Path\("([^"]*)"\)/);
      if (annotation) verb = annotation[1];
      else if (path) sub = path[1];
      else if (/^ {4}[A-Za-z][^=]*\(/.test(line)) {
        // A member's declaration at the class's indentation: the method the annotations were on.
        if (verb) paths.push({ path: fill(joined(base[1], sub)), verb, file: relative(repo, file) });
        verb = null;
        sub = null;
      }
    }
  }
  return paths;
}

for (const [overlay, objects] of Object.entries(rendered)) {
  test(`${overlay}: each service runs non-root on a read-only root, probed on its management port, sized, with a Service and a PodDisruptionBudget`, () => {
    for (const [name, ports] of Object.entries(services)) {
      const d = find(objects, "Deployment", name);
      assert.ok(d, name);
      const pod = d.spec.template.spec;
      assert.equal(pod.securityContext.runAsNonRoot, true, name);
      assert.equal(pod.containers.length, 1);
      const c = pod.containers[0];
      assert.match(c.image, new RegExp(`^saferpartnerships/${name}:[0-9][\\w.-]*$`), `${name}: tag set by the overlay`);
      assert.equal(c.securityContext.readOnlyRootFilesystem, true, name);
      assert.equal(c.securityContext.allowPrivilegeEscalation, false, name);
      assert.deepEqual(c.securityContext.capabilities.drop, ["ALL"], name);
      const tmp = c.volumeMounts.find((m) => m.mountPath === "/tmp");
      assert.ok(tmp && pod.volumes.find((v) => v.name === tmp.name).emptyDir, `${name}: /tmp is an emptyDir`);
      const port = (p) => c.ports.find((x) => x.name === p || x.containerPort === p)?.containerPort;
      assert.equal(port("http"), ports.http);
      assert.equal(port("management"), ports.management);
      for (const [probe, path] of [["readinessProbe", "/q/health/ready"], ["livenessProbe", "/q/health/live"], ["startupProbe", "/q/health/live"]]) {
        assert.equal(c[probe].httpGet.path, path, `${name} ${probe}`);
        assert.equal(port(c[probe].httpGet.port), ports.management, `${name} ${probe} on the management port`);
      }
      for (const r of ["cpu", "memory"]) {
        assert.ok(c.resources.requests[r] && c.resources.limits[r], `${name}: ${r} request and limit`);
      }
      const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));
      for (const secretVar of ["CSP_DB_USER", "CSP_DB_PASSWORD"]) {
        assert.ok(env[secretVar].valueFrom.secretKeyRef.name.startsWith(`${ports.db}-app`), `${name}: ${secretVar} from ${ports.db}-app`);
      }
      const configMaps = c.envFrom.map((e) => e.configMapRef.name);
      const jdbc = configMaps.map((n) => find(objects, "ConfigMap", n)).map((cm) => cm.data.QUARKUS_DATASOURCE_JDBC_URL).find(Boolean);
      assert.match(jdbc, new RegExp(`^jdbc:postgresql://${ports.db}-rw:5432/csp_${name.replace("-service", "")}\\?sslmode=verify-full`));
      const svc = find(objects, "Service", name);
      assert.deepEqual(svc.spec.selector, d.spec.selector.matchLabels);
      assert.ok(svc.spec.ports.some((p) => p.port === ports.http));
      const pdb = find(objects, "PodDisruptionBudget", name);
      assert.deepEqual(pdb.spec.selector.matchLabels, d.spec.selector.matchLabels);
    }
  });

  test(`${overlay}: incident-service and reporting-service scale on CPU and on their consumer group's lag`, () => {
    for (const [name, group] of [["incident-service", "incident-service.partnership-replica"], ["reporting-service", "reporting-service.incident-counts"]]) {
      const hpa = find(objects, "HorizontalPodAutoscaler", name);
      assert.equal(hpa.apiVersion, "autoscaling/v2");
      assert.equal(hpa.spec.scaleTargetRef.name, name);
      assert.ok(hpa.spec.metrics.some((m) => m.type === "Resource" && m.resource.name === "cpu"));
      const lag = hpa.spec.metrics.find((m) => m.type === "External");
      assert.equal(lag.external.metric.name, "kafka_consumergroup_lag");
      assert.equal(lag.external.metric.selector.matchLabels.consumergroup, group);
      assert.equal(find(objects, "Deployment", name).spec.replicas, undefined, `${name}: the HPA owns the replica count`);
    }
  });

  test(`${overlay}: a KafkaTopic for every topic the services use, replicated 3 with min.insync.replicas 2, event topics kept forever`, () => {
    const topicsJava = readFileSync(join(repo, "platform/src/main/java/org/saferpartnerships/platform/events/Topics.java"), "utf8");
    const eventTopics = [...topicsJava.matchAll(/static final String \w+ = "([^"]+)"/g)].map((m) => m[1]);
    assert.ok(eventTopics.length >= 4);
    const used = new Set(eventTopics);
    for (const name of Object.keys(services)) {
      const props = readFileSync(join(repo, name, "src/main/resources/application.properties"), "utf8");
      for (const m of props.matchAll(/^mp\.messaging\.\w+\.[\w-]+\.(?:topic|dead-letter-queue\.topic)=(.+)$/gm)) used.add(m[1].trim());
      for (const m of props.matchAll(/^mp\.messaging\.incoming\.[\w-]+\.group\.id=(.+)$/gm)) used.add(`${m[1].trim()}.dlq`);
    }
    const topics = all(objects, "KafkaTopic");
    const byName = Object.fromEntries(topics.map((t) => [t.spec.topicName, t]));
    assert.deepEqual([...used].sort(), Object.keys(byName).sort(), "exactly the topics the services use");
    for (const t of topics) {
      assert.equal(t.metadata.labels["strimzi.io/cluster"], "csp-kafka");
      assert.equal(t.spec.replicas, 3, t.spec.topicName);
      assert.equal(t.spec.config["min.insync.replicas"], 2, t.spec.topicName);
      assert.equal(t.spec.config["retention.ms"], -1, t.spec.topicName);
      assert.ok(t.spec.partitions >= (eventTopics.includes(t.spec.topicName) ? 12 : 1), t.spec.topicName);
    }
    const kafka = all(objects, "Kafka")[0];
    assert.equal(kafka.apiVersion, "kafka.strimzi.io/v1");
    assert.equal(kafka.spec.kafka.config["auto.create.topics.enable"], false);
    assert.equal(kafka.spec.kafka.config["min.insync.replicas"], 2);
    const pools = all(objects, "KafkaNodePool");
    const nodes = (role) => pools.filter((p) => p.spec.roles.includes(role)).reduce((n, p) => n + p.spec.replicas, 0);
    assert.ok(nodes("broker") >= 3 && nodes("controller") >= 3, "three brokers and three KRaft controllers");
  });

  test(`${overlay}: the Ingress routes every JAX-RS path to the service that serves it, and per-service admin paths under the service's name`, () => {
    const ingresses = all(objects, "Ingress");
    assert.equal(ingresses.length, 1 + 2 * Object.keys(services).length, "the API's Ingress and two per service");
    const ingress = find(objects, "Ingress", "csp");
    for (const i of ingresses) assert.equal(i.metadata.annotations["nginx.ingress.kubernetes.io/use-regex"], "true", i.metadata.name);
    const routes = ingress.spec.rules[0].http.paths.map((p) => ({ re: new RegExp(`^${p.path}`, "i"), path: p.path, service: p.backend.service.name, port: p.backend.service.port.number }));
    const routed = (path) => routes.filter((r) => r.re.test(path));
    let checked = 0;
    for (const name of Object.keys(services)) {
      const verbs = javaFiles(join(repo, name, "src", "main", "java"))
        .map((f) => readFileSync(f, "utf8").match(/^\s*@(?:jakarta\.ws\.rs\.)?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*$/gm)?.length ?? 0)
        .reduce((a, b) => a + b, 0);
      assert.equal(resourcePaths(name).length, verbs, `${name}: a path for every resource method`);
      for (const { path, file } of resourcePaths(name)) {
        const matches = routed(path);
        assert.deepEqual(matches.map((m) => m.service), [name], `${path} (${file}) must reach ${name} alone; routes: ${matches.map((m) => m.path).join(", ")}`);
        assert.equal(matches[0].port, services[name].http);
        checked++;
      }
    }
    assert.ok(checked > 100, `${checked} paths`);
    for (const { path, file } of resourcePaths("platform")) {
      assert.deepEqual(routed(path), [], `${path} (${file}) is served by every service for itself: not under the API's routes`);
    }
    // Under the service's name instead, rewritten to its own path, as deploy/local/bin/proxy does.
    const rewritten = (path) => ingresses.filter((i) => i.metadata.name !== "csp").flatMap((i) => i.spec.rules[0].http.paths
      .map((p) => ({ match: new RegExp(`^${p.path}`, "i").exec(path), service: p.backend.service.name, port: p.backend.service.port.number,
        target: i.metadata.annotations["nginx.ingress.kubernetes.io/rewrite-target"], host: i.spec.rules[0].host }))
      .filter((r) => r.match)
      .map((r) => ({ service: r.service, port: r.port, host: r.host, path: r.target.replace(/\$(\d)/g, (_, n) => r.match[Number(n)] ?? "") })));
    for (const name of Object.keys(services)) {
      for (const { path, file } of resourcePaths("platform")) {
        const onTheOrigin = path.replace("/api/v1/admin/", `/api/v1/admin/${name}/`);
        assert.deepEqual(rewritten(onTheOrigin), [{ service: name, port: services[name].http, host: ingress.spec.rules[0].host, path }],
          `${onTheOrigin} (${file}) reaches ${name} as ${path}`);
        assert.deepEqual(routed(onTheOrigin), []);
      }
      assert.deepEqual(rewritten(`/openapi/${name.replace("-service", "")}`),
        [{ service: name, port: services[name].http, host: ingress.spec.rules[0].host, path: "/q/openapi" }]);
    }
    assert.deepEqual(rewritten("/api/v1/admin/incident-service/incident-totals"), [], "only what every service serves for itself");
    // The local proxy's table is this Ingress's, line for line.
    const table = readFileSync(join(repo, "deploy", "api-routes"), "utf8").split("\n").map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#")).map((l) => l.split(/\s+/)).map(([path, service]) => `${path} ${service}-service`);
    assert.deepEqual(table.sort(), routes.map((r) => `${r.path} ${r.service}`).sort(), "deploy/api-routes");
    assert.deepEqual(routed("/police-uk/api/crimes-street/all-crime").map((m) => m.service), ["reporting-service"]);
    assert.deepEqual(routed("/q/health/ready"), []);
    assert.deepEqual(routed("/api/v1/partnerships/safer-colchester/unknown"), []);
    const auth = ingress.spec.rules[1];
    assert.ok(auth.http.paths.every((p) => p.backend.service.name === "csp-keycloak-service"));
    assert.ok(!auth.http.paths.some((p) => /admin/.test(p.path)), "Keycloak's admin console is not published");
    const keycloak = all(objects, "Keycloak")[0];
    const issuer = find(objects, "ConfigMap", objects.find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith("csp-platform")).metadata.name).data.QUARKUS_OIDC_TOKEN_ISSUER;
    assert.equal(issuer, `${keycloak.spec.hostname.hostname}/realms/csp`, "the services expect the issuer Keycloak puts in tokens");
    assert.equal(new URL(keycloak.spec.hostname.hostname).host, auth.host);
  });

  test(`${overlay}: default deny, and each service reaches only its database, Kafka and Keycloak`, () => {
    const policies = all(objects, "NetworkPolicy");
    const deny = find(objects, "NetworkPolicy", "default-deny");
    assert.deepEqual(deny.spec.podSelector, {});
    assert.deepEqual([...deny.spec.policyTypes].sort(), ["Egress", "Ingress"]);
    assert.equal(deny.spec.ingress, undefined);
    assert.equal(deny.spec.egress, undefined);
    for (const [name, { http, db }] of Object.entries(services)) {
      const selecting = policies.filter((p) => p.spec.podSelector.matchLabels?.["app.kubernetes.io/name"] === name);
      assert.equal(selecting.length, 1, name);
      const [policy] = selecting;
      const targets = policy.spec.egress.map((e) => e.to.map((t) => Object.keys(t).length === 1 && t.podSelector.matchLabels));
      const expected = [
        [{ "cnpg.io/cluster": db }],
        [{ "strimzi.io/cluster": "csp-kafka", "strimzi.io/broker-role": "true" }],
        [{ "app.kubernetes.io/instance": "csp-keycloak" }],
      ];
      if (name === "reporting-service") expected.push([{ "app.kubernetes.io/name": "incident-service" }]);
      assert.deepEqual(targets, expected, name);
      const fromIngress = policy.spec.ingress.find((i) => i.from.some((f) => f.namespaceSelector?.matchLabels["kubernetes.io/metadata.name"] === "ingress-nginx"));
      assert.deepEqual(fromIngress.ports.map((p) => p.port), [http], `${name}: the ingress controller reaches the HTTP port only`);
    }
    for (const { db } of Object.values(services)) {
      const p = find(objects, "NetworkPolicy", db);
      assert.deepEqual(p.spec.podSelector.matchLabels, { "cnpg.io/cluster": db });
    }
  });

  test(`${overlay}: one CloudNativePG cluster per service (and Keycloak), each bootstrapping its service's database`, () => {
    const clusters = all(objects, "Cluster");
    for (const [name, { db }] of Object.entries(services)) {
      const c = clusters.find((x) => x.metadata.name === db);
      assert.ok(c, db);
      assert.equal(c.spec.bootstrap.initdb.database, `csp_${name.replace("-service", "")}`);
      if (overlay === "overlays/prod") {
        assert.ok(c.spec.backup.barmanObjectStore.destinationPath.startsWith("s3://"), `${db} backed up`);
        assert.ok(c.spec.backup.retentionPolicy);
        assert.ok(c.spec.instances >= 3);
      }
    }
    assert.ok(clusters.find((x) => x.metadata.name === "csp-keycloak-db"));
  });
}

test("the KeycloakRealmImport is deploy/keycloak/csp-realm.json, generated (npm run generate-realm) and unedited", () => {
  const source = JSON.parse(readFileSync(realmSource, "utf8"));
  assert.equal(readFileSync(realmImportFile, "utf8"), realmImport(), "base/keycloak/csp-realm-import.yaml is stale: run npm run generate-realm");
  assert.deepEqual(parseYaml(readFileSync(realmImportFile, "utf8"))[0].spec.realm, source);
  const local = all(rendered["overlays/local"], "KeycloakRealmImport");
  assert.equal(local.length, 1);
  assert.deepEqual(local[0].spec.realm, source, "the local overlay imports the realm as it is");
});

test("prod imports the same realm less the demo users, the client secret from a Secret", () => {
  const source = JSON.parse(readFileSync(realmSource, "utf8"));
  const [prod] = all(rendered["overlays/prod"], "KeycloakRealmImport");
  const realm = prod.spec.realm;
  assert.ok(realm.users.every((u) => u.username.startsWith("service-account-") && !u.credentials), "no demo user, no password");
  const client = realm.clients.find((c) => c.clientId === "reporting-service");
  assert.equal(client.secret, "${CSP_RECONCILIATION_CLIENT_SECRET}");
  assert.deepEqual(prod.spec.placeholders.CSP_RECONCILIATION_CLIENT_SECRET.secret, { name: "csp-reconciliation-client", key: "client-secret" });
  // Everything else is the source's.
  const strip = (r) => ({ ...r, users: undefined, displayName: undefined, clients: r.clients.map((c) => ({ ...c, secret: undefined })) });
  assert.deepEqual(strip(realm), strip(source));
});

test("no secret value in the repository: prod renders no Secret; local only the local stack's own development value", () => {
  assert.deepEqual(all(rendered["overlays/prod"], "Secret"), []);
  const local = all(rendered["overlays/local"], "Secret");
  assert.deepEqual(local.map((s) => s.metadata.name.replace(/-[a-z0-9]{10}$/, "")), ["csp-reconciliation-client"]);
  const value = Buffer.from(local[0].data["client-secret"], "base64").toString();
  assert.equal(value, "reporting-service-local-secret");
  assert.match(readFileSync(join(repo, "deploy/local/bin/service"), "utf8"), /CSP_RECONCILIATION_CLIENT_SECRET:-reporting-service-local-secret/);
  for (const overlay of Object.values(rendered)) {
    for (const cm of all(overlay, "ConfigMap")) {
      for (const key of Object.keys(cm.data)) assert.doesNotMatch(key, /PASSWORD|SECRET(?!_DIR)/, `${cm.metadata.name}: ${key} belongs in a Secret`);
    }
  }
});

test("the CRDs are the upstream files SOURCE.md lists, with their licences, and the build reads nothing outside the repository", () => {
  const source = readFileSync(join(k8sDir, "crds", "SOURCE.md"), "utf8");
  const rows = [...source.matchAll(/^\| `([^`]+)` \| `[^`]+` \| ([\d,]+) \|/gm)];
  assert.ok(rows.length >= 9, `${rows.length} files listed`);
  for (const [, file, bytes] of rows) {
    assert.equal(statSync(join(k8sDir, "crds", file)).size, Number(bytes.replace(/,/g, "")), file);
  }
  const sums = [...source.matchAll(/^([0-9a-f]{64})  (\S+)$/gm)];
  assert.equal(sums.length, rows.length, "a checksum for every file");
  for (const [, sum, file] of sums) {
    assert.equal(createHash("sha256").update(readFileSync(join(k8sDir, "crds", file))).digest("hex"), sum, `${file} is the upstream copy`);
  }
  for (const dir of ["strimzi", "cloudnative-pg", "keycloak"]) {
    assert.ok(readdirSync(join(k8sDir, "crds", dir)).some((f) => /^LICENSE/.test(f)), `${dir} has its licence`);
  }
  for (const dir of ["scripts", "test", "base", "overlays"]) {
    for (const file of readdirSync(join(k8sDir, dir), { recursive: true })) {
      const path = join(k8sDir, dir, file);
      if (statSync(path).isFile()) assert.doesNotMatch(readFileSync(path, "utf8"), /\/work\/shared|\.\.\/shared\//, path);
    }
  }
});
