import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { SalesDocument } from "../../../contracts/documents";
import { pdfDefinition } from "./pdf.definition";

/**
 * A small pool of rendering threads: many PDFs at once queue here instead of on the event loop,
 * so the API keeps answering while they render. Workers start on first use and are unref'ed, so
 * an idle pool never keeps the process alive.
 */
type Job = { id: number; definition: unknown; resolve: (b: Buffer) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: Job | null };

const size = Math.max(1, Math.min(2, availableParallelism() - 1));
const slots: Slot[] = [];
const queue: Job[] = [];
let serial = 0;

function spawn(): Slot {
  const worker = new Worker(new URL("./pdf-worker.mjs", import.meta.url));
  worker.unref();
  const slot: Slot = { worker, busy: null };
  worker.on("message", (m: { id: number; bytes?: Uint8Array; error?: string }) => {
    const job = slot.busy;
    slot.busy = null;
    if (job && job.id === m.id) {
      if (m.bytes) job.resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
      else job.reject(new Error(`PDF rendering failed: ${m.error}`));
    }
    pump();
  });
  const fail = (error: Error) => {
    // "error" is followed by "exit": the slot leaves the pool once.
    const at = slots.indexOf(slot);
    if (at < 0) return;
    slots.splice(at, 1);
    slot.busy?.reject(error);
    slot.busy = null;
    pump();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`PDF worker exited with code ${code}`)));
  slots.push(slot);
  return slot;
}

function pump(): void {
  while (queue.length) {
    const slot = slots.find((s) => !s.busy) ?? (slots.length < size ? spawn() : null);
    if (!slot) return;
    const job = queue.shift()!;
    slot.busy = job;
    slot.worker.postMessage({ id: job.id, definition: job.definition });
  }
}

/** The PDF of a sales document (proposal or invoice), rendered in a worker thread. */
export function renderPdf(doc: SalesDocument): Promise<Buffer> {
  const definition = pdfDefinition(doc);
  return new Promise((resolve, reject) => {
    queue.push({ id: ++serial, definition, resolve, reject });
    pump();
  });
}
