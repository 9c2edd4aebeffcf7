import type { z } from "zod";
import { i18n } from "../i18n";

export type FieldErrors = Record<string, string>;

/**
 * Validates a form against the contract's own zod schema, so the browser enforces exactly the rules
 * the server will, and turns zod issues into messages in the UI language.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    if (!(path in errors)) errors[path] = messageFor(issue);
  }
  return { ok: false, errors };
}

function messageFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1
        ? i18n.t("validation.required")
        : i18n.t("validation.minLength", { count: Number(issue.minimum) });
    case "too_big":
      return i18n.t("validation.maxLength", { count: Number(issue.maximum) });
    case "invalid_format":
      return issue.format === "email" ? i18n.t("validation.email") : i18n.t("validation.invalid");
    default:
      return i18n.t("validation.invalid");
  }
}
