import type { FastifyInstance } from "fastify";
import type { AppContext } from "../platform/context";
import { apiTokensRoutes } from "./api-tokens/api-tokens.routes";
import { attentionRoutes } from "./attention/attention.routes";
import { auditRoutes } from "./audit/audit.routes";
import { authRoutes } from "./auth/auth.routes";
import { backupsRoutes } from "./backups/backups.routes";
import { cadencesRoutes } from "./cadences/cadences.routes";
import { calendarRoutes } from "./calendar/calendar.routes";
import { companiesRoutes } from "./companies/companies.routes";
import { contactsRoutes } from "./contacts/contacts.routes";
import { exportsRoutes } from "./exports/exports.routes";
import { healthRoutes } from "./health/health.routes";
import { importsRoutes } from "./imports/imports.routes";
import { privacyRoutes } from "./privacy/privacy.routes";
import { searchRoutes } from "./search/search.routes";
import { usersRoutes } from "./users/users.routes";
import { viewsRoutes } from "./views/views.routes";

/** Every module's routes, in one place so the OpenAPI document lists them all. */
export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const routes of [
    healthRoutes,
    authRoutes,
    usersRoutes,
    apiTokensRoutes,
    auditRoutes,
    backupsRoutes,
    importsRoutes,
    exportsRoutes,
    companiesRoutes,
    contactsRoutes,
    privacyRoutes,
    searchRoutes,
    viewsRoutes,
    calendarRoutes,
    cadencesRoutes,
    attentionRoutes,
  ]) {
    await routes(app, ctx);
  }
}
