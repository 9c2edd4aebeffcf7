import type { User } from "../../../contracts/auth";
import type { users } from "../../db/schema/index";

export type UserRow = typeof users.$inferSelect;

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    fullName: row.fullName,
    role: row.role,
    headId: row.headId,
    department: row.department,
    locale: row.locale,
    theme: row.theme,
    timeZone: row.timeZone,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
