import { ActionIcon, ColorSwatch, Group, Table, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../contracts/users";
import { shortName } from "../../lib/format";

export type UsersTableProps = {
  users: User[];
  headNames: Map<string, string>;
  /** Absent for read-only viewers (a head looking at their team). */
  onEdit?: (user: User) => void;
};

export function UsersTable({ users, headNames, onEdit }: UsersTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table
        striped
        highlightOnHover
        verticalSpacing={6}
        horizontalSpacing="xs"
        fz="sm"
        // One line per person keeps the list scannable; the container scrolls sideways on narrow screens.
        style={{ whiteSpace: "nowrap" }}
        aria-label={t("users.tableLabel")}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("users.columns.fullName")}</Table.Th>
            <Table.Th>{t("users.columns.email")}</Table.Th>
            <Table.Th>{t("users.columns.role")}</Table.Th>
            <Table.Th>{t("users.columns.head")}</Table.Th>
            <Table.Th>{t("users.columns.department")}</Table.Th>
            <Table.Th>{t("users.columns.status")}</Table.Th>
            {onEdit && (
              <Table.Th w={48}>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} c={user.active ? undefined : "dimmed"}>
              <Table.Td fw={500}>{user.fullName}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>
                {user.headId
                  ? shortName(headNames.get(user.headId) ?? t("common.notSet"))
                  : t("common.notSet")}
              </Table.Td>
              <Table.Td>{user.department ?? t("common.notSet")}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <ColorSwatch
                    size={8}
                    color={user.active ? "var(--mantine-color-green-6)" : "var(--mantine-color-gray-5)"}
                    withShadow={false}
                    aria-hidden
                  />
                  {user.active ? t("users.active") : t("users.inactive")}
                </Group>
              </Table.Td>
              {onEdit && (
                <Table.Td>
                  <Tooltip label={t("common.edit")} withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t("users.editUser", { name: user.fullName })}
                      onClick={() => onEdit(user)}
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
