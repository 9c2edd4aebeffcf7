/**
 * UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then random bits.
 *
 * Time-ordered ids keep B-tree inserts local in Postgres and let the browser create ids offline
 * that still sort by creation time. Within one millisecond (or if the clock steps back) the 74
 * random bits are treated as a counter and increased by a random step (RFC 9562 §6.2, method 3),
 * so ids from one generator are strictly increasing as strings.
 */

export interface UuidV7Source {
  /** Milliseconds since the Unix epoch. */
  now: () => number;
  /** Fills the array with cryptographically strong random bytes. */
  fill: (bytes: Uint8Array) => void;
}

const RANDOM_BITS = 74n;
const RANDOM_LIMIT = 1n << RANDOM_BITS;
const MAX_TIMESTAMP = 2 ** 48 - 1;

function defaultSource(): UuidV7Source {
  const crypto = globalThis.crypto;
  if (!crypto?.getRandomValues) throw new Error("globalThis.crypto.getRandomValues is not available");
  // Random bytes are drawn 4 KB at a time: one system call per id cost more than the id itself
  // when an import makes a hundred thousand of them.
  const pool = new Uint8Array(4096);
  let used = pool.length;
  const fill = (bytes: Uint8Array) => {
    if (bytes.length > pool.length) return void crypto.getRandomValues(bytes);
    if (used + bytes.length > pool.length) {
      crypto.getRandomValues(pool);
      used = 0;
    }
    bytes.set(pool.subarray(used, used + bytes.length));
    used += bytes.length;
  };
  return { now: () => Date.now(), fill };
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function hex(value: bigint, digits: number): string {
  return value.toString(16).padStart(digits, "0");
}

/** Creates an independent monotonic generator; inject `source` for deterministic tests. */
export function createUuidV7Generator(source?: Partial<UuidV7Source>): () => string {
  // Resolved lazily so importing this module never fails where crypto is missing.
  let base: UuidV7Source | undefined;
  const fallback = (): UuidV7Source => {
    if (!base) base = defaultSource();
    return base;
  };
  const now = source?.now ?? (() => fallback().now());
  const fill = source?.fill ?? ((bytes: Uint8Array) => fallback().fill(bytes));
  let lastMs = -1;
  let counter = 0n;

  const random = (byteCount: number): bigint => {
    const bytes = new Uint8Array(byteCount);
    fill(bytes);
    return bytesToBigInt(bytes);
  };

  return () => {
    const ms = Math.floor(now());
    if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_TIMESTAMP)
      throw new RangeError(`Bad clock value ${ms}`);
    if (ms > lastMs) {
      lastMs = ms;
      // 10 bytes = 80 bits, trimmed to the 74 bits UUIDv7 has room for.
      counter = random(10) & (RANDOM_LIMIT - 1n);
    } else {
      // Same millisecond or clock moved back: keep lastMs and step the counter forward.
      counter += (random(4) & 0xffffffffn) + 1n;
      if (counter >= RANDOM_LIMIT) {
        // Counter exhausted: borrow the next millisecond, as RFC 9562 §6.2 allows.
        lastMs += 1;
        counter = random(10) & (RANDOM_LIMIT - 1n);
      }
    }
    const randA = counter >> 62n; // top 12 bits
    const randB = counter & ((1n << 62n) - 1n); // low 62 bits
    const time = hex(BigInt(lastMs), 12);
    const verA = hex((0x7n << 12n) | randA, 4);
    const varB = hex((0b10n << 62n) | randB, 16);
    return `${time.slice(0, 8)}-${time.slice(8)}-${verA}-${varB.slice(0, 4)}-${varB.slice(4)}`;
  };
}

const sharedGenerator = createUuidV7Generator();

/** A new UUIDv7 string, monotonic within this process or page. */
export function uuidv7(): string {
  return sharedGenerator();
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Any RFC 9562 UUID in canonical 8-4-4-4-12 hex form. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** A canonical UUID with version 7 and the RFC variant. */
export function isUuidV7(value: string): boolean {
  return UUID_V7_PATTERN.test(value);
}

/** The creation time (Unix ms) embedded in a UUIDv7, or null for anything else. */
export function uuidv7Timestamp(value: string): number | null {
  if (!isUuidV7(value)) return null;
  return Number.parseInt(value.slice(0, 8) + value.slice(9, 13), 16);
}
