import { z } from "zod";
import { Id, Locale, Role, Timestamp, Version } from "./common";

export const Theme = z.enum(["light", "dark", "auto"]);

export const User = z.object({
  id: Id,
  email: z.string(),
  fullName: z.string(),
  role: Role,
  headId: Id.nullable(),
  department: z.string().nullable(),
  locale: Locale,
  theme: Theme,
  timeZone: z.string(),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type User = z.infer<typeof User>;

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const Password = z.string().min(10).max(256);

export const LoginBody = z.object({ email: z.string().trim().max(254), password: z.string().max(256) });
export type LoginBody = z.infer<typeof LoginBody>;

export const SetupStatus = z.object({ needsSetup: z.boolean() });

export const SetupBody = z.object({
  email: Email,
  password: Password,
  fullName: z.string().trim().min(1).max(200),
  locale: Locale.optional(),
});
export type SetupBody = z.infer<typeof SetupBody>;

export const ProfileUpdate = z.object({
  fullName: z.string().trim().min(1).max(200).optional(),
  locale: Locale.optional(),
  theme: Theme.optional(),
  timeZone: z.string().max(64).optional(),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

export const PasswordChange = z.object({ currentPassword: z.string().max(256), newPassword: Password });
export type PasswordChange = z.infer<typeof PasswordChange>;
