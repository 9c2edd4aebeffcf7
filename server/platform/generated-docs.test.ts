import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderOpenApi } from "./openapi.doc";
import { renderPermissionsPage } from "./permissions.doc";
import { projectRoot } from "./version";

const committed = (file: string) => readFileSync(path.join(projectRoot, file), "utf8");

describe.runIf((process.env.ACCORD_TEST_DB ?? "pglite") === "pglite")(
  "generated documents do not drift",
  () => {
    it("docs/permissions.md is the permission table (npm run docs)", () => {
      expect(committed("docs/permissions.md")).toBe(renderPermissionsPage());
    });

    it("docs/openapi.json is the served OpenAPI document (npm run docs)", async () => {
      expect(committed("docs/openapi.json")).toBe(await renderOpenApi());
    });
  },
);
