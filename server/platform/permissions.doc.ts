import type { Role } from "../../contracts/common";
import { type Action, permissionTable, type Reach } from "./permissions";

const roles: Role[] = ["admin", "head", "manager", "department"];
const reachText: Record<Reach, string> = { all: "all", team: "team", own: "own" };

/** docs/permissions.md, rendered from the permission table so the page never drifts from the code. */
export function renderPermissionsPage(): string {
  const lines = [
    "# Who may do what",
    "",
    "Generated from `server/platform/permissions.ts` by `npm run docs` — do not edit by hand.",
    "",
    "**all** — the whole workspace; **team** — the user's own rows and those of everyone who reports",
    "to them, directly or through other heads; **own** — the user's own rows; **—** — not allowed.",
    "A row outside the reach answers 404 (its existence is not revealed). An API token with the",
    "`read` scope may only read, whatever the role allows.",
    "",
    `| resource | action | ${roles.join(" | ")} |`,
    `|---|---|${roles.map(() => "---").join("|")}|`,
  ];
  for (const [resource, actions] of Object.entries(permissionTable)) {
    for (const [action, byRole] of Object.entries(actions) as [Action, Partial<Record<Role, Reach>>][]) {
      const cells = roles.map((role) => (byRole[role] ? reachText[byRole[role]] : "—"));
      lines.push(`| ${resource} | ${action} | ${cells.join(" | ")} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}
