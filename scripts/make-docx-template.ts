// Writes the default Word template of printed proposals (server/modules/documents/templates/proposal.docx)
// from its OOXML parts. Run with `npx tsx scripts/make-docx-template.ts` after changing the layout.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildDefaultTemplate } from "../server/modules/documents/docx.template";

const target = path.join(import.meta.dirname, "../server/modules/documents/templates/proposal.docx");
writeFileSync(target, buildDefaultTemplate());
console.log(`wrote ${target}`);
