import { AppShell, Box, Burger, Group, NavLink, ScrollArea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  type Icon,
  IconAlarm,
  IconBuildingStore,
  IconCalendarEvent,
  IconChartBar,
  IconFileDescription,
  IconHome,
  IconPackage,
  IconReceipt,
  IconRoute,
  IconSettings,
  IconTargetArrow,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { NotificationBell } from "../features/activities/NotificationBell";
import { useCurrentUser } from "../features/auth/currentUser";
import { UserMenu } from "../features/auth/UserMenu";
import { LanguageSwitch } from "../features/profile/LanguageSwitch";
import { ThemeToggle } from "../features/profile/ThemeToggle";
import { usePreferencesSync } from "../features/profile/usePreferencesSync";
import { GlobalSearch } from "../features/search/GlobalSearch";
import type { ru } from "../i18n/ru";
import { Logo } from "./Logo";

type NavKey = Exclude<keyof typeof ru.nav, "mainNavigation" | "toggleNavigation">;

const NAV_ITEMS: { key: NavKey; to: string; icon: Icon }[] = [
  { key: "home", to: "/", icon: IconHome },
  { key: "clients", to: "/clients", icon: IconBuildingStore },
  { key: "deals", to: "/deals", icon: IconTargetArrow },
  { key: "activities", to: "/activities", icon: IconCalendarEvent },
  { key: "attention", to: "/attention", icon: IconAlarm },
  { key: "cadences", to: "/cadences", icon: IconRoute },
  { key: "products", to: "/products", icon: IconPackage },
  { key: "proposals", to: "/proposals", icon: IconFileDescription },
  { key: "invoices", to: "/invoices", icon: IconReceipt },
  { key: "reports", to: "/reports", icon: IconChartBar },
  { key: "settings", to: "/settings", icon: IconSettings },
];

function isActive(pathname: string, to: string): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}

/** The frame of every signed-in page: navigation on the left, language, theme and user on top. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  usePreferencesSync(user);
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: { base: 272, md: 288 }, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("nav.toggleNavigation")}
            />
            <Link to="/" style={{ color: "inherit", textDecoration: "none" }}>
              <Logo />
            </Link>
            <Box visibleFrom="xs" ml={{ base: "sm", sm: 160 }}>
              <GlobalSearch />
            </Box>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t("nav.mainNavigation")} component="nav">
        <ScrollArea type="auto" scrollbars="y">
          {NAV_ITEMS.map(({ key, to, icon: ItemIcon }) => {
            const active = isActive(pathname, to);
            return (
              <NavLink
                key={key}
                component={Link}
                to={to}
                label={t(`nav.${key}`)}
                leftSection={<ItemIcon size={18} stroke={1.6} aria-hidden />}
                active={active}
                aria-current={active ? "page" : undefined}
                onClick={close}
                variant="light"
                // One line per item: a wrapped "Коммерческие предложения" breaks the rhythm of the list.
                styles={{
                  root: { borderRadius: "var(--mantine-radius-sm)" },
                  label: { whiteSpace: "nowrap" },
                }}
                px={10}
                mb={2}
              />
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main>
        <div style={{ maxWidth: 1400 }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
