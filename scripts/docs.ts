// `npm run docs`: regenerates the documents made from code (permission page, OpenAPI document).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderOpenApi } from "../server/platform/openapi.doc";
import { renderPermissionsPage } from "../server/platform/permissions.doc";
import { projectRoot } from "../server/platform/version";

writeFileSync(path.join(projectRoot, "docs/permissions.md"), renderPermissionsPage());
writeFileSync(path.join(projectRoot, "docs/openapi.json"), await renderOpenApi());
console.log("docs/permissions.md and docs/openapi.json written");
