import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { currentLocale } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useCurrentUser } from "../auth/currentUser";
import { useMarkRead, useNotifications, useUnreadCount } from "./hooks";

/** The bell in the header: the unread count, and the latest notifications with links. */
export function NotificationBell() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locale = currentLocale();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications(opened);
  const mark = useMarkRead();
  const count = unread.data?.count ?? 0;
  const items = list.data?.items ?? [];
  return (
    <Popover opened={opened} onChange={setOpened} width={360} position="bottom-end" shadow="md">
      <Popover.Target>
        <Indicator label={count > 99 ? "99+" : count} size={16} disabled={count === 0} color="red" offset={4}>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={`${t("activities.bell.label")}. ${t("activities.bell.unread", { count })}`}
            data-testid="notification-bell"
          >
            <IconBell size={18} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t("activities.bell.label")}</Text>
          {count > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => mark.mutate("all")}>
              {t("activities.bell.readAll")}
            </Button>
          )}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("activities.bell.empty")}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={400}>
            <Stack gap="xs">
              {items.map((n) => (
                <Stack key={n.id} gap={0} style={{ opacity: n.readAt ? 0.6 : 1 }}>
                  {n.link ? (
                    <Anchor
                      component={Link}
                      to={n.link}
                      size="sm"
                      fw={n.readAt ? 400 : 600}
                      onClick={() => {
                        if (!n.readAt) mark.mutate(n.id);
                        setOpened(false);
                      }}
                    >
                      {n.title}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={n.readAt ? 400 : 600}>
                      {n.title}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt, locale, me.timeZone)}
                  </Text>
                </Stack>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
