import type { FastifyInstance } from "fastify";
import type { AppContext } from "../platform/context";
import { activitiesRoutes } from "./activities/activities.routes";
import { apiTokensRoutes } from "./api-tokens/api-tokens.routes";
import { approvalsRoutes } from "./approvals/approvals.routes";
import { attentionRoutes } from "./attention/attention.routes";
import { auditRoutes } from "./audit/audit.routes";
import { authRoutes } from "./auth/auth.routes";
import { backupsRoutes } from "./backups/backups.routes";
import { cadencesRoutes } from "./cadences/cadences.routes";
import { calendarRoutes } from "./calendar/calendar.routes";
import { catalogueRoutes } from "./catalogue/catalogue.routes";
import { companiesRoutes } from "./companies/companies.routes";
import { contactsRoutes } from "./contacts/contacts.routes";
import { dealsRoutes } from "./deals/deals.routes";
import { pipelinesRoutes } from "./deals/pipelines.routes";
import { documentsRoutes } from "./documents/documents.routes";
import { exportsRoutes } from "./exports/exports.routes";
import { healthRoutes } from "./health/health.routes";
import { importsRoutes } from "./imports/imports.routes";
import { invoicesRoutes } from "./invoices/invoices.routes";
import { notificationsRoutes } from "./notifications/notifications.routes";
import { privacyRoutes } from "./privacy/privacy.routes";
import { productionCalendarRoutes } from "./production-calendar/production-calendar.routes";
import { proposalsRoutes } from "./proposals/proposals.routes";
import { reliabilityRoutes } from "./reliability/reliability.routes";
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
    pipelinesRoutes,
    dealsRoutes,
    activitiesRoutes,
    calendarRoutes,
    notificationsRoutes,
    documentsRoutes,
    invoicesRoutes,
    proposalsRoutes,
    approvalsRoutes,
    catalogueRoutes,
    reliabilityRoutes,
    cadencesRoutes,
    productionCalendarRoutes,
    attentionRoutes,
  ]) {
    await routes(app, ctx);
  }
}
