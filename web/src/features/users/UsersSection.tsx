import { Button, Center, Group, Loader, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch, IconUsers } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Role } from "../../../../contracts/common";
import type { User } from "../../../../contracts/users";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useCurrentUser } from "../auth/currentUser";
import { usePossibleHeads, useUsers } from "./hooks";
import { UserFormModal } from "./UserFormModal";
import { UsersTable } from "./UsersTable";

// The user stays set while the modal closes, so its content does not flip to "new user" mid-animation.
type Editing = { opened: boolean; user: User | null };

/** Settings → Users: admins manage everyone; heads see their team read-only. */
export function UsersSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = me.role === "admin";
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | null>(null);
  const [q] = useDebouncedValue(search, 300);
  const users = useUsers({ q, role });
  const heads = usePossibleHeads();
  const [editing, setEditing] = useState<Editing>({ opened: false, user: null });

  const items = useMemo(() => users.data?.pages.flatMap((page) => page.items) ?? [], [users.data]);
  const headNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const user of [...(heads.data ?? []), ...items]) names.set(user.id, user.fullName);
    return names;
  }, [heads.data, items]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Text c="dimmed" size="sm">
          {canEdit ? t("users.subtitleAdmin") : t("users.subtitleHead")}
        </Text>
        {canEdit && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing({ opened: true, user: null })}
          >
            {t("users.add")}
          </Button>
        )}
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("users.search")}
          placeholder={t("users.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={300}
          type="search"
        />
        <NativeSelect
          label={t("users.roleFilter")}
          value={role ?? ""}
          onChange={(event) => setRole(Role.safeParse(event.currentTarget.value).data ?? null)}
          data={[
            { value: "", label: t("users.allRoles") },
            ...Role.options.map((value) => ({ value, label: t(`roles.${value}`) })),
          ]}
          w={220}
        />
      </Group>

      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}

      {users.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label={t("common.loading")} />
        </Center>
      ) : items.length === 0 && !users.isError ? (
        <EmptyState
          icon={<IconUsers size={28} />}
          title={t("users.emptyTitle")}
          text={t("users.emptyText")}
        />
      ) : (
        items.length > 0 && (
          <UsersTable
            users={items}
            headNames={headNames}
            onEdit={canEdit ? (user) => setEditing({ opened: true, user }) : undefined}
          />
        )
      )}

      {users.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={users.isFetchingNextPage}
            onClick={() => void users.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        </Center>
      )}

      {canEdit && (
        <UserFormModal
          opened={editing.opened}
          user={editing.user}
          onClose={() => setEditing((current) => ({ ...current, opened: false }))}
        />
      )}
    </Stack>
  );
}
