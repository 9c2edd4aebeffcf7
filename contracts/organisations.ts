import { z } from "zod";
import { Amount, PercentString } from "./catalogue";
import { Id, ListQuery, Role, Timestamp, Version } from "./common";
import { checkRequisites } from "./companies";

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const digits = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().max(max))
    .nullable()
    .optional();

const organisationFields = {
  name: text(300).min(1),
  fullName: optionalText(500),
  inn: z
    .string()
    .transform((s) => s.replace(/\s/g, ""))
    .pipe(z.string().min(1)),
  kpp: digits(9),
  ogrn: digits(15),
  address: optionalText(1000),
  phone: optionalText(100),
  email: optionalText(200),
  bankName: optionalText(300),
  bik: digits(9),
  account: digits(20),
  corrAccount: digits(20),
  director: optionalText(200),
  directorTitle: optionalText(200),
  accountant: optionalText(200),
  /** A PNG or JPEG of at most 200 KB as a data URL, or null to remove it. */
  logo: z.string().max(300_000).nullable().optional(),
  vatPayer: z.boolean().optional(),
  taxSystem: z.enum(["osn", "usn"]).optional(),
  isDefault: z.boolean().optional(),
};

export const OrganisationCreate = z
  .object(organisationFields)
  .superRefine((v, ctx) => checkRequisites({ ...v, kind: undefined }, ctx));
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;

export const OrganisationUpdate = z
  .object(
    Object.fromEntries(Object.entries(organisationFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof organisationFields]: z.ZodOptional<(typeof organisationFields)[K]>;
    },
  )
  .extend({ version: Version });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  fullName: z.string().nullable(),
  inn: z.string(),
  kpp: z.string().nullable(),
  ogrn: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  bankName: z.string().nullable(),
  bik: z.string().nullable(),
  account: z.string().nullable(),
  corrAccount: z.string().nullable(),
  director: z.string().nullable(),
  directorTitle: z.string().nullable(),
  accountant: z.string().nullable(),
  logo: z.string().nullable(),
  vatPayer: z.boolean(),
  taxSystem: z.enum(["osn", "usn"]),
  isDefault: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationQuery = ListQuery;

/** Authority (clause 3.4): null means "no limit". */
export const Limits = z.object({
  maxDiscountPercent: PercentString.nullable(),
  maxProposalAmount: Amount.nullable(),
});
export type Limits = z.infer<typeof Limits>;

export const RoleLimits = z.object({
  admin: Limits,
  head: Limits,
  manager: Limits,
  department: Limits,
});
export type RoleLimits = z.infer<typeof RoleLimits>;

export const UserLimits = z.object({
  userId: Id,
  fullName: z.string(),
  role: Role,
  /** The user's own limits, or null when the role's defaults apply. */
  override: Limits.nullable(),
  roleDefault: Limits,
  effective: Limits,
});
export type UserLimits = z.infer<typeof UserLimits>;

export const UserLimitsPut = z.object({ override: Limits.nullable() });
export type UserLimitsPut = z.infer<typeof UserLimitsPut>;

export const UserLimitsQuery = ListQuery;
