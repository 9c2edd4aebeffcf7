import { createBrowserRouter } from "react-router";
import { AppLayout } from "./components/AppLayout";
import { RouteError } from "./components/RouteError";
import { RedirectIfSignedIn, RequireAuth, SetupGate } from "./features/auth/guards";
import { ActivitiesPage } from "./pages/ActivitiesPage";
import {
  AttentionPage,
  CadenceEditPage,
  CadenceNewPage,
  CadencesPage,
  SettingsCalendarPage,
  SettingsContactTargetsPage,
} from "./pages/CadencesPage";
import { ClientsPage } from "./pages/ClientsPage";
import { CompanyEditPage } from "./pages/CompanyEditPage";
import { CompanyPage } from "./pages/CompanyPage";
import { DealPage, DealsPage } from "./pages/DealsPage";
import { HomePage } from "./pages/HomePage";
import { ImportPage, ImportStatusPage } from "./pages/ImportPage";
import { InvoicePage, InvoicesPage } from "./pages/InvoicesPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ProductsPage } from "./pages/ProductsPage";
import { ProfilePage } from "./pages/ProfilePage";
import {
  ApprovalsPage,
  ProposalComparePage,
  ProposalNewPage,
  ProposalPage,
  ProposalsPage,
} from "./pages/ProposalsPage";
import { ReportsPage } from "./pages/ReportsPage";
import {
  SettingsIndex,
  SettingsLimitsPage,
  SettingsMailPage,
  SettingsOrganisationsPage,
  SettingsPage,
  SettingsPipelinesPage,
  SettingsReliabilityPage,
  SettingsTemplatesPage,
  SettingsUsersPage,
} from "./pages/SettingsPage";
import { SetupPage } from "./pages/SetupPage";

/**
 * SetupGate (fresh install → /setup) → RequireAuth (no session → /login) → the shell.
 * Every page is a thin route; the screens live in features/.
 */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <SetupGate />,
      errorElement: <RouteError />,
      children: [
        { path: "/setup", element: <SetupPage /> },
        { element: <RedirectIfSignedIn />, children: [{ path: "/login", element: <LoginPage /> }] },
        {
          element: <RequireAuth />,
          children: [
            {
              element: <AppLayout />,
              // Inside the shell, so a broken screen keeps the navigation usable.
              errorElement: <RouteError />,
              children: [
                { index: true, element: <HomePage /> },
                { path: "clients", element: <ClientsPage /> },
                { path: "clients/new", element: <CompanyEditPage key="new" /> },
                { path: "clients/import", element: <ImportPage /> },
                { path: "clients/import/:id", element: <ImportStatusPage /> },
                { path: "clients/:id", element: <CompanyPage /> },
                { path: "clients/:id/edit", element: <CompanyEditPage /> },
                { path: "deals", element: <DealsPage /> },
                { path: "deals/:id", element: <DealPage /> },
                { path: "activities", element: <ActivitiesPage /> },
                { path: "attention", element: <AttentionPage /> },
                { path: "cadences", element: <CadencesPage /> },
                { path: "cadences/new", element: <CadenceNewPage /> },
                { path: "cadences/:id", element: <CadenceEditPage /> },
                { path: "products", element: <ProductsPage /> },
                { path: "proposals", element: <ProposalsPage /> },
                { path: "invoices", element: <InvoicesPage /> },
                { path: "invoices/:id", element: <InvoicePage /> },
                { path: "proposals/new", element: <ProposalNewPage /> },
                { path: "proposals/:id", element: <ProposalPage /> },
                { path: "proposals/:id/compare", element: <ProposalComparePage /> },
                { path: "approvals", element: <ApprovalsPage /> },
                { path: "reports", element: <ReportsPage /> },
                {
                  path: "settings",
                  element: <SettingsPage />,
                  children: [
                    { index: true, element: <SettingsIndex /> },
                    { path: "users", element: <SettingsUsersPage /> },
                    { path: "mail", element: <SettingsMailPage /> },
                    { path: "templates", element: <SettingsTemplatesPage /> },
                    { path: "organisations", element: <SettingsOrganisationsPage /> },
                    { path: "limits", element: <SettingsLimitsPage /> },
                    { path: "reliability", element: <SettingsReliabilityPage /> },
                    { path: "calendar", element: <SettingsCalendarPage /> },
                    { path: "contact-targets", element: <SettingsContactTargetsPage /> },
                    { path: "pipelines", element: <SettingsPipelinesPage /> },
                  ],
                },
                { path: "profile", element: <ProfilePage /> },
                { path: "*", element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
