import { z } from "zod";
import { Email, Password, Theme, User } from "./auth";
import { Id, ListQuery, Locale, Role, Version } from "./common";

export { User };

export const UserCreate = z.object({
  email: Email,
  password: Password,
  fullName: z.string().trim().min(1).max(200),
  role: Role,
  headId: Id.nullable().optional(),
  department: z.string().trim().max(100).nullable().optional(),
  locale: Locale.optional(),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.object({
  version: Version,
  fullName: z.string().trim().min(1).max(200).optional(),
  role: Role.optional(),
  headId: Id.nullable().optional(),
  department: z.string().trim().max(100).nullable().optional(),
  locale: Locale.optional(),
  theme: Theme.optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserListQuery = ListQuery.extend({
  role: Role.optional(),
  headId: Id.optional(),
  active: z.enum(["true", "false"]).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;
