import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Config } from "./config";

/**
 * File storage under the data directory: `<ACCORD_DATA_DIR>/files/<key>`. Keys are relative
 * paths made by the server from ids (never from a user's file name).
 *
 * With PostgreSQL the files still live on the app server's disk. Several app servers (or a
 * worker process on another machine) must mount the same directory as a shared volume (NFS,
 * a cloud file share): an upload received by one process is read by the job on another.
 */
export function filesRoot(config: Pick<Config, "dataDir">): string {
  return path.join(config.dataDir, "files");
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** The absolute path of a key; refuses anything that could leave the files directory. */
export function storedPath(config: Pick<Config, "dataDir">, key: string): string {
  if (!KEY.test(key) || key.split("/").some((part) => part === "." || part === ".."))
    throw new Error(`invalid storage key: ${key}`);
  return path.join(filesRoot(config), key);
}

/**
 * Streams `source` into the key. The bytes go to a temporary file that is renamed when
 * complete, so a reader never sees half a file and a failed upload leaves nothing behind.
 */
export async function saveStream(
  config: Pick<Config, "dataDir">,
  key: string,
  source: Readable,
): Promise<{ size: number }> {
  const target = storedPath(config, key);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.part`;
  let size = 0;
  source.on("data", (chunk: Buffer) => {
    size += chunk.length;
  });
  try {
    await pipeline(source, createWriteStream(partial, { flags: "wx" }));
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { size };
}

export function openStored(config: Pick<Config, "dataDir">, key: string): ReadStream {
  return createReadStream(storedPath(config, key), { highWaterMark: 256 * 1024 });
}

export async function storedSize(config: Pick<Config, "dataDir">, key: string): Promise<number | null> {
  try {
    return (await stat(storedPath(config, key))).size;
  } catch {
    return null;
  }
}

/** Reads `length` bytes at `position` (negative: from the end) without reading the whole file. */
export async function readStoredRange(
  config: Pick<Config, "dataDir">,
  key: string,
  position: number,
  length: number,
): Promise<Buffer> {
  const handle = await open(storedPath(config, key), "r");
  try {
    const size = (await handle.stat()).size;
    const start = position < 0 ? Math.max(0, size + position) : Math.min(position, size);
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - start)));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function writeStoredJson(
  config: Pick<Config, "dataDir">,
  key: string,
  value: unknown,
): Promise<void> {
  const target = storedPath(config, key);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.part`;
  await writeFile(partial, JSON.stringify(value));
  await rename(partial, target);
}

export async function readStoredJson(config: Pick<Config, "dataDir">, key: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(storedPath(config, key), "utf8"));
  } catch {
    return null;
  }
}

export async function removeStored(config: Pick<Config, "dataDir">, key: string): Promise<void> {
  await rm(storedPath(config, key), { force: true });
}
