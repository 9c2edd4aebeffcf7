import { describe, expect, it } from "vitest";
import { probeCommits } from "./durability-probe";

/**
 * What an operating-system crash could take from the embedded database. A process kill loses
 * nothing acknowledged either way (stress/crash.stress.ts): a commit has reached the kernel's file
 * cache before it is acknowledged. A power loss or kernel crash loses what the kernel had not yet
 * written back — unless each commit was flushed. So the measure is: flushes to disk per
 * acknowledged commit. Durable mode (the default) must flush every commit; with
 * ACCORD_PGLITE_FSYNC=off nothing is flushed and the kernel's write-back delay is the window.
 */
describe.runIf((process.env.ACCORD_TEST_DB ?? "pglite") === "pglite")("embedded durability", () => {
  it("flushes every acknowledged commit to disk in durable mode", async () => {
    const r = await probeCommits(true, 30);
    expect(r.fsync).toBe("on");
    expect(r.flushes).toBeGreaterThanOrEqual(30);
  });

  it("flushes nothing with fsync off: an OS crash may lose what the kernel had not written back", async () => {
    const r = await probeCommits(false, 30);
    expect(r.fsync).toBe("off");
    expect(r.flushes).toBe(0);
  });
});
