import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconFileDescription, IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TermsTemplate } from "../../../../contracts/terms";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import { useCatalogueWrite, useTemplates } from "./hooks";

/** One line that says what a template means. */
export function useDescribeTerms() {
  const { t } = useTranslation();
  return (x: TermsTemplate) =>
    x.kind === "payment"
      ? t("catalogue.terms.summaryPayment", {
          prepayment: x.prepaymentPercent ?? 0,
          days: x.deferDays ?? 0,
          kind: t(`catalogue.terms.dayKinds.${x.deferDayKind ?? "calendar"}`),
        })
      : t(`catalogue.terms.methods.${x.deliveryMethod ?? "pickup"}`);
}

export function TermsTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const admin = me.role === "admin";
  const templates = useTemplates();
  const describe = useDescribeTerms();
  const [editing, setEditing] = useState<{ template: TermsTemplate | null } | null>(null);
  return (
    <Stack gap="md">
      {admin && (
        <Group justify="flex-end">
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing({ template: null })}
          >
            {t("catalogue.terms.add")}
          </Button>
        </Group>
      )}
      {templates.isError && <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.data?.length === 0 && (
        <EmptyState
          icon={<IconFileDescription size={28} />}
          title={t("catalogue.terms.emptyTitle")}
          text={t("catalogue.terms.emptyText")}
        />
      )}
      {(templates.data ?? []).map((x) => (
        <Paper key={x.id} withBorder p="sm" radius="md">
          <Group gap="xs">
            <Badge variant="light">{t(`catalogue.terms.kinds.${x.kind}`)}</Badge>
            <Text fw={600}>{x.name}</Text>
            <Text size="sm" c="dimmed">
              {describe(x)}
            </Text>
            {admin && (
              <Button
                size="compact-sm"
                variant="subtle"
                ml="auto"
                onClick={() => setEditing({ template: x })}
              >
                {t("common.edit")}
              </Button>
            )}
          </Group>
          {[x.stages, x.loadingNotes, x.issueNotes, x.text].filter(Boolean).map((line) => (
            <Text key={line} size="sm" mt={4}>
              {line}
            </Text>
          ))}
        </Paper>
      ))}
      {admin && editing && <TemplateModal template={editing.template} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

const empty = {
  kind: "payment",
  name: "",
  prepaymentPercent: 0,
  deferDays: 0,
  deferDayKind: "calendar",
  stages: "",
  deliveryMethod: "pickup",
  loadingNotes: "",
  issueNotes: "",
  text: "",
};

const valuesOf = (x: TermsTemplate | null) =>
  x
    ? {
        kind: x.kind,
        name: x.name,
        prepaymentPercent: x.prepaymentPercent ?? 0,
        deferDays: x.deferDays ?? 0,
        deferDayKind: x.deferDayKind ?? "calendar",
        stages: x.stages ?? "",
        deliveryMethod: x.deliveryMethod ?? "pickup",
        loadingNotes: x.loadingNotes ?? "",
        issueNotes: x.issueNotes ?? "",
        text: x.text ?? "",
      }
    : empty;

function TemplateModal({ template, onClose }: { template: TermsTemplate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState(() => valuesOf(template));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const create = useCatalogueWrite((body: Record<string, unknown>) =>
    api.post<TermsTemplate>("/terms-templates", body),
  );
  const set = (k: keyof typeof empty, value: string | number) => setV((c) => ({ ...c, [k]: value }));
  const payment = v.kind === "payment";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = payment
      ? {
          kind: v.kind,
          name: v.name.trim(),
          prepaymentPercent: v.prepaymentPercent,
          deferDays: v.deferDays,
          deferDayKind: v.deferDayKind,
          stages: v.stages,
          text: v.text,
        }
      : {
          kind: v.kind,
          name: v.name.trim(),
          deliveryMethod: v.deliveryMethod,
          loadingNotes: v.loadingNotes,
          issueNotes: v.issueNotes,
          text: v.text,
        };
    create.mutate(body, {
      onSuccess: onClose,
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        setErrors(fields);
        setFailure(Object.keys(fields).length ? null : error);
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title={t("catalogue.terms.createTitle")} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          {failure !== null && <ErrorAlert error={failure} />}
          <Group grow align="flex-start">
            <NativeSelect
              label={t("catalogue.terms.kind")}
              disabled={template !== null}
              value={v.kind}
              onChange={(e) => set("kind", e.currentTarget.value)}
              data={(["payment", "delivery"] as const).map((k) => ({
                value: k,
                label: t(`catalogue.terms.kinds.${k}`),
              }))}
            />
            <TextInput
              label={t("catalogue.terms.name")}
              required
              data-autofocus
              value={v.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              error={errors.name}
            />
          </Group>
          {payment ? (
            <>
              <Group grow align="flex-start">
                <NumberInput
                  label={t("catalogue.terms.prepayment")}
                  min={0}
                  max={100}
                  value={v.prepaymentPercent}
                  onChange={(n) => set("prepaymentPercent", Number(n) || 0)}
                  error={errors.prepaymentPercent}
                />
                <NumberInput
                  label={t("catalogue.terms.deferDays")}
                  min={0}
                  max={365}
                  value={v.deferDays}
                  onChange={(n) => set("deferDays", Number(n) || 0)}
                  error={errors.deferDays}
                />
                <NativeSelect
                  label={t("catalogue.terms.deferKind")}
                  value={v.deferDayKind}
                  onChange={(e) => set("deferDayKind", e.currentTarget.value)}
                  error={errors.deferDayKind}
                  data={(["calendar", "working"] as const).map((k) => ({
                    value: k,
                    label: t(`catalogue.terms.dayKinds.${k}`),
                  }))}
                />
              </Group>
              <Textarea
                label={t("catalogue.terms.stages")}
                autosize
                minRows={2}
                value={v.stages}
                onChange={(e) => set("stages", e.currentTarget.value)}
              />
            </>
          ) : (
            <>
              <NativeSelect
                label={t("catalogue.terms.method")}
                value={v.deliveryMethod}
                onChange={(e) => set("deliveryMethod", e.currentTarget.value)}
                error={errors.deliveryMethod}
                data={(["pickup", "our_delivery", "carrier"] as const).map((k) => ({
                  value: k,
                  label: t(`catalogue.terms.methods.${k}`),
                }))}
              />
              <Textarea
                label={t("catalogue.terms.loading")}
                autosize
                minRows={2}
                value={v.loadingNotes}
                onChange={(e) => set("loadingNotes", e.currentTarget.value)}
              />
              <Textarea
                label={t("catalogue.terms.issue")}
                autosize
                minRows={2}
                value={v.issueNotes}
                onChange={(e) => set("issueNotes", e.currentTarget.value)}
              />
            </>
          )}
          <Textarea
            label={t("catalogue.terms.text")}
            autosize
            minRows={2}
            value={v.text}
            onChange={(e) => set("text", e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
