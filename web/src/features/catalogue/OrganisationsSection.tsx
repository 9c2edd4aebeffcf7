import {
  Badge,
  Button,
  FileInput,
  Group,
  Image,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBuildingBank, IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../../contracts/organisations";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf } from "../../lib/api";
import { useCatalogueWrite, useOrganisations } from "./hooks";

const textFields = [
  "name",
  "fullName",
  "inn",
  "kpp",
  "ogrn",
  "address",
  "phone",
  "email",
  "bankName",
  "bik",
  "account",
  "corrAccount",
  "director",
  "directorTitle",
  "accountant",
] as const;
type TextField = (typeof textFields)[number];
type Values = Record<TextField, string> & { taxSystem: "osn" | "usn"; logo: string | null };

const initial = (o: Organisation | null): Values => ({
  ...(Object.fromEntries(textFields.map((f) => [f, (o?.[f] as string | null) ?? ""])) as Record<
    TextField,
    string
  >),
  taxSystem: o?.taxSystem ?? "osn",
  logo: o?.logo ?? null,
});

const readDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Settings → Our organisations (admin): the seller's legal entities, one of them the default. */
export function OrganisationsSection() {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const [editing, setEditing] = useState<{ org: Organisation | null } | null>(null);
  const makeDefault = useCatalogueWrite((o: Organisation) =>
    api.patch<Organisation>(`/organisations/${o.id}`, { version: o.version, isDefault: true }),
  );
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ org: null })}>
          {t("catalogue.organisations.add")}
        </Button>
      </Group>
      {orgs.isError && <ErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />}
      {orgs.data?.length === 0 && (
        <EmptyState
          icon={<IconBuildingBank size={28} />}
          title={t("catalogue.organisations.emptyTitle")}
          text={t("catalogue.organisations.emptyText")}
        />
      )}
      {(orgs.data ?? []).map((o) => (
        <Paper key={o.id} withBorder p="md" radius="md">
          <Group justify="space-between" align="flex-start">
            <Group gap="md" align="flex-start">
              {o.logo && <Image src={o.logo} alt="" h={40} w="auto" fit="contain" />}
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={600}>{o.name}</Text>
                  {o.isDefault && <Badge size="sm">{t("catalogue.organisations.default")}</Badge>}
                  <Badge size="sm" variant="default">
                    {t(`catalogue.organisations.taxSystems.${o.taxSystem}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t("catalogue.organisations.inn")} {o.inn}
                  {o.kpp ? ` · ${t("catalogue.organisations.kpp")} ${o.kpp}` : ""}
                  {o.director ? ` · ${o.director}` : ""}
                </Text>
              </Stack>
            </Group>
            <Group gap="xs">
              {!o.isDefault && (
                <Button size="compact-sm" variant="default" onClick={() => makeDefault.mutate(o)}>
                  {t("catalogue.organisations.makeDefault")}
                </Button>
              )}
              <Button size="compact-sm" variant="light" onClick={() => setEditing({ org: o })}>
                {t("common.edit")}
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
      {editing && <OrganisationModal org={editing.org} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function OrganisationModal({ org, onClose }: { org: Organisation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState(() => initial(org));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const save = useCatalogueWrite((body: Record<string, unknown>) =>
    org
      ? api.patch<Organisation>(`/organisations/${org.id}`, body)
      : api.post<Organisation>("/organisations", body),
  );
  const field = (f: TextField, extra: { w?: number; autoFocus?: boolean } = {}) => (
    <TextInput
      label={t(`catalogue.organisations.${f}`)}
      required={f === "name" || f === "inn"}
      data-autofocus={extra.autoFocus || undefined}
      value={v[f]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setV((c) => ({ ...c, [f]: value }));
      }}
      error={errors[f]}
    />
  );
  const onLogo = async (file: File | null) => {
    if (!file) return setV((c) => ({ ...c, logo: null }));
    if (file.size > 200 * 1024)
      return setErrors((c) => ({ ...c, logo: t("catalogue.organisations.logoTooLarge") }));
    const logo = await readDataUrl(file);
    setErrors(({ logo: _l, ...rest }) => rest);
    setV((c) => ({ ...c, logo }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = org ? { version: org.version } : {};
    for (const f of textFields) body[f] = v[f].trim() || (f === "name" || f === "inn" ? "" : null);
    body.taxSystem = v.taxSystem;
    body.vatPayer = v.taxSystem === "osn";
    body.logo = v.logo;
    save.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("catalogue.organisations.saved") });
        onClose();
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        setErrors(fields);
        setFailure(Object.keys(fields).length ? null : error);
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title={t("catalogue.organisations.createTitle")} size="xl">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          {failure !== null && <ErrorAlert error={failure} />}
          <Group grow align="flex-start">
            {field("name", { autoFocus: true })}
            {field("fullName")}
          </Group>
          <Group grow align="flex-start">
            {field("inn")}
            {field("kpp")}
            {field("ogrn")}
          </Group>
          {field("address")}
          <Group grow align="flex-start">
            {field("phone")}
            {field("email")}
          </Group>
          <Group grow align="flex-start">
            {field("bankName")}
            {field("bik")}
          </Group>
          <Group grow align="flex-start">
            {field("account")}
            {field("corrAccount")}
          </Group>
          <Group grow align="flex-start">
            {field("director")}
            {field("directorTitle")}
            {field("accountant")}
          </Group>
          <Group grow align="flex-start">
            <NativeSelect
              label={t("catalogue.organisations.taxSystem")}
              value={v.taxSystem}
              onChange={(e) => {
                const taxSystem = e.currentTarget.value === "usn" ? "usn" : "osn";
                setV((c) => ({ ...c, taxSystem }));
              }}
              data={(["osn", "usn"] as const).map((x) => ({
                value: x,
                label: t(`catalogue.organisations.taxSystems.${x}`),
              }))}
            />
            <FileInput
              label={t("catalogue.organisations.logo")}
              accept="image/png,image/jpeg"
              onChange={(f) => void onLogo(f)}
              error={errors.logo}
              clearable
            />
          </Group>
          {v.logo && (
            <Group>
              <Image src={v.logo} alt="" h={48} w="auto" fit="contain" />
              <Button size="compact-sm" variant="subtle" onClick={() => setV((c) => ({ ...c, logo: null }))}>
                {t("catalogue.organisations.removeLogo")}
              </Button>
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
