// Renders pdfmake document definitions off the main thread: layout and font subsetting of a long
// document take hundreds of milliseconds that would otherwise stall every other request.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parentPort } from "node:worker_threads";

const require = createRequire(import.meta.url);
const pdfmake = require("pdfmake");

// The Roboto files pdfmake ships (with Cyrillic), read into its virtual file system: rendering
// never depends on fonts installed on the machine and never opens another local file or URL.
const fontDir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
const files = {
  normal: "Roboto-Regular.ttf",
  bold: "Roboto-Medium.ttf",
  italics: "Roboto-Italic.ttf",
  bolditalics: "Roboto-MediumItalic.ttf",
};
for (const file of Object.values(files))
  pdfmake.virtualfs.writeFileSync(file, readFileSync(path.join(fontDir, file)));
pdfmake.setFonts({ Roboto: files });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);
pdfmake.addTableLayouts({
  signature: {
    defaultBorder: false,
    paddingTop: () => 14,
  },
});

parentPort.on("message", async ({ id, definition }) => {
  try {
    const buffer = await pdfmake.createPdf(definition).getBuffer();
    // A copy of its own, so the transfer never detaches a pooled buffer.
    const bytes = new Uint8Array(buffer);
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
