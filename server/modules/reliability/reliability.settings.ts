import type { z } from "zod";
import {
  type RegistrySettings as RegistrySettingsOut,
  type RegistrySettingsPut,
  ReliabilitySettings,
} from "../../../contracts/reliability";
import { DEFAULT_GRADE_SETTINGS } from "../../../core/reliability/grade";
import type { Actor } from "../../platform/actor";
import { isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Config } from "../../platform/config";
import { type Db, withTx } from "../../platform/db/client";
import { authorize } from "../../platform/policy";
import { readSetting, writeSetting } from "../../platform/settings";
import { dadataProvider, type RegistryProvider } from "./registry.provider";

type RegistryStored = { baseUrl: string | null; token: string | null };

export const DEFAULT_RELIABILITY_SETTINGS: ReliabilitySettings = {
  ...DEFAULT_GRADE_SETTINGS,
  recheckDays: 7,
  registryRps: 10,
};

/** Stored settings win; the environment (ACCORD_REGISTRY_URL / _TOKEN) is the default. */
export async function registryConfig(
  db: Db,
  config: Config,
  workspaceId: string,
): Promise<RegistryStored & { source: "settings" | "environment" | "none" }> {
  const stored = (await readSetting(db, workspaceId, "registry")) as RegistryStored | null;
  if (stored) return { ...stored, source: "settings" };
  if (config.registryUrl) {
    return { baseUrl: config.registryUrl, token: config.registryToken ?? null, source: "environment" };
  }
  return { baseUrl: null, token: null, source: "none" };
}

/** The configured provider, or null when no registry is set up. */
export async function registryProviderFor(
  db: Db,
  config: Config,
  workspaceId: string,
): Promise<RegistryProvider | null> {
  const c = await registryConfig(db, config, workspaceId);
  if (!c.baseUrl || !c.token) return null;
  return dadataProvider({ baseUrl: c.baseUrl, token: c.token, timeoutMs: registryTimeoutMs });
}

/** Long enough for a slow registry, short enough that a card refresh does not hang. */
export let registryTimeoutMs = 8_000;
/** Tests shorten the timeout so the "timeout" fixture does not take seconds. */
export function setRegistryTimeoutMs(ms: number) {
  registryTimeoutMs = ms;
}

export async function getRegistrySettings(
  db: Db,
  config: Config,
  actor: Actor,
): Promise<z.infer<typeof RegistrySettingsOut>> {
  authorize(actor, "reliabilitySettings", "read");
  const c = await registryConfig(db, config, actor.workspaceId);
  return { baseUrl: c.baseUrl, tokenSet: Boolean(c.token), source: c.source };
}

export async function putRegistrySettings(db: Db, config: Config, actor: Actor, input: RegistrySettingsPut) {
  authorize(actor, "reliabilitySettings", "update");
  return withTx(db, async (tx) => {
    const current = await registryConfig(tx, config, actor.workspaceId);
    const next: RegistryStored = {
      baseUrl: input.baseUrl,
      token: input.token === undefined ? current.token : input.token,
    };
    await writeSetting(tx, actor.workspaceId, "registry", next, isSystem(actor) ? null : actor.id);
    // The token never reaches the log: only whether it changed.
    await recordChange(tx, actor, {
      action: "update",
      entity: "settings",
      entityId: actor.workspaceId,
      changes: {
        registryUrl: { from: current.baseUrl, to: next.baseUrl },
        ...(input.token !== undefined ? { registryToken: { from: "***", to: "***" } } : {}),
      },
    });
    return { baseUrl: next.baseUrl, tokenSet: Boolean(next.token), source: "settings" as const };
  });
}

export async function reliabilitySettings(db: Db, workspaceId: string): Promise<ReliabilitySettings> {
  const stored = await readSetting(db, workspaceId, "reliability");
  const parsed = ReliabilitySettings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_RELIABILITY_SETTINGS;
}

export async function getReliabilitySettings(db: Db, actor: Actor): Promise<ReliabilitySettings> {
  authorize(actor, "reliabilitySettings", "read");
  return reliabilitySettings(db, actor.workspaceId);
}

export async function putReliabilitySettings(db: Db, actor: Actor, input: ReliabilitySettings) {
  authorize(actor, "reliabilitySettings", "update");
  return withTx(db, async (tx) => {
    const before = await reliabilitySettings(tx, actor.workspaceId);
    await writeSetting(tx, actor.workspaceId, "reliability", input, isSystem(actor) ? null : actor.id);
    await recordChange(tx, actor, {
      action: "update",
      entity: "settings",
      entityId: actor.workspaceId,
      changes: { reliability: { from: before, to: input } },
    });
    return input;
  });
}
