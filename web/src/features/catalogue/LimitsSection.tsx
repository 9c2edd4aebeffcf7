import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../../contracts/common";
import type { Limits, RoleLimits, UserLimits } from "../../../../contracts/organisations";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf } from "../../lib/api";
import { useCatalogueWrite, useRoleLimits, useUserLimits } from "./hooks";

const roles: Role[] = ["manager", "head", "department", "admin"];
const clean = (s: string) => s.trim().replace(/\s/g, "").replace(",", ".") || null;

/** Settings → Authority limits (admin): defaults per role and personal limits. */
export function LimitsSection() {
  const { t } = useTranslation();
  const limits = useRoleLimits();
  const users = useUserLimits();
  const [v, setV] = useState<Record<Role, { d: string; a: string }> | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useCatalogueWrite((body: RoleLimits) => api.put<RoleLimits>("/authority-limits", body));

  useEffect(() => {
    if (limits.data)
      setV(
        Object.fromEntries(
          roles.map((r) => [
            r,
            { d: limits.data[r].maxDiscountPercent ?? "", a: limits.data[r].maxProposalAmount ?? "" },
          ]),
        ) as Record<Role, { d: string; a: string }>,
      );
  }, [limits.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!v) return;
    const body = Object.fromEntries(
      roles.map((r) => [r, { maxDiscountPercent: clean(v[r].d), maxProposalAmount: clean(v[r].a) }]),
    ) as RoleLimits;
    save.mutate(body, {
      onSuccess: () => notifications.show({ color: "green", message: t("catalogue.limits.saved") }),
      onError: (e) => setErrors(fieldErrorsOf(e)),
    });
  };

  return (
    <Stack gap="lg">
      {limits.isError && <ErrorAlert error={limits.error} />}
      <Paper withBorder p="md" radius="md">
        <form noValidate onSubmit={submit}>
          <Stack gap="sm">
            <Title order={2} fz="md">
              {t("catalogue.limits.rolesTitle")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("catalogue.limits.rolesHint")}
            </Text>
            {v && (
              <Table fz="sm" aria-label={t("catalogue.limits.rolesTitle")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("catalogue.limits.role")}</Table.Th>
                    <Table.Th>{t("catalogue.limits.maxDiscount")}</Table.Th>
                    <Table.Th>{t("catalogue.limits.maxAmount")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {roles.map((r) => (
                    <Table.Tr key={r}>
                      <Table.Td>{t(`roles.${r}`)}</Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${t("catalogue.limits.maxDiscount")}: ${t(`roles.${r}`)}`}
                          placeholder={t("catalogue.limits.unlimited")}
                          value={v[r].d}
                          onChange={(e) => {
                            const d = e.currentTarget.value;
                            setV((c) => (c ? { ...c, [r]: { ...c[r], d } } : c));
                          }}
                          error={errors[`${r}.maxDiscountPercent`]}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${t("catalogue.limits.maxAmount")}: ${t(`roles.${r}`)}`}
                          placeholder={t("catalogue.limits.unlimited")}
                          value={v[r].a}
                          onChange={(e) => {
                            const a = e.currentTarget.value;
                            setV((c) => (c ? { ...c, [r]: { ...c[r], a } } : c));
                          }}
                          error={errors[`${r}.maxProposalAmount`]}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t("catalogue.limits.saveRoles")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t("catalogue.limits.usersTitle")}
        </Title>
        {users.isError && <ErrorAlert error={users.error} />}
        <Table striped fz="sm" aria-label={t("catalogue.limits.usersTitle")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("catalogue.limits.user")}</Table.Th>
              <Table.Th>{t("catalogue.limits.role")}</Table.Th>
              <Table.Th>{t("catalogue.limits.maxDiscount")}</Table.Th>
              <Table.Th>{t("catalogue.limits.maxAmount")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((u) => (
              <UserLimitRow key={u.userId} u={u} />
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}

function UserLimitRow({ u }: { u: UserLimits }) {
  const { t } = useTranslation();
  const [own, setOwn] = useState({
    d: u.override?.maxDiscountPercent ?? "",
    a: u.override?.maxProposalAmount ?? "",
  });
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = useCatalogueWrite((override: Limits | null) =>
    api.put<UserLimits>(`/users/${u.userId}/limits`, { override }),
  );
  const show = (x: string | null) => x ?? t("catalogue.limits.unlimited");
  const done = { onSuccess: () => setEditing(false), onError: setError };
  return (
    <Table.Tr>
      <Table.Td>{u.fullName}</Table.Td>
      <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
      {editing ? (
        <>
          <Table.Td>
            <TextInput
              aria-label={`${t("catalogue.limits.maxDiscount")}: ${u.fullName}`}
              placeholder={t("catalogue.limits.unlimited")}
              value={own.d}
              onChange={(e) => setOwn({ ...own, d: e.currentTarget.value })}
            />
          </Table.Td>
          <Table.Td>
            <TextInput
              aria-label={`${t("catalogue.limits.maxAmount")}: ${u.fullName}`}
              placeholder={t("catalogue.limits.unlimited")}
              value={own.a}
              onChange={(e) => setOwn({ ...own, a: e.currentTarget.value })}
            />
          </Table.Td>
          <Table.Td>
            <Button
              size="compact-sm"
              loading={save.isPending}
              onClick={() =>
                save.mutate({ maxDiscountPercent: clean(own.d), maxProposalAmount: clean(own.a) }, done)
              }
            >
              {t("common.save")}
            </Button>
            {error !== null && <ErrorAlert error={error} />}
          </Table.Td>
        </>
      ) : (
        <>
          <Table.Td>
            {show(u.effective.maxDiscountPercent)}{" "}
            {u.override ? `(${t("catalogue.limits.own")})` : `(${t("catalogue.limits.fromRole")})`}
          </Table.Td>
          <Table.Td>{show(u.effective.maxProposalAmount)}</Table.Td>
          <Table.Td>
            <Group gap={4} wrap="nowrap">
              <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
                {t("catalogue.limits.setOwn")}
              </Button>
              {u.override && (
                <Button size="compact-sm" variant="subtle" onClick={() => save.mutate(null, done)}>
                  {t("catalogue.limits.resetOwn")}
                </Button>
              )}
            </Group>
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}
