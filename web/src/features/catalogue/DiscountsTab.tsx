import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { IconDiscount, IconInfoCircle, IconPlus, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DiscountRule, DiscountRuleSet } from "../../../../contracts/pricing";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import { useCatalogueWrite, useGroups, useRuleSets, useRules } from "./hooks";
import { RuleModal } from "./RuleModal";

/** A rule in words: "5 % from quantity 100", "7 % for client ООО …". */
export function useDescribeRule() {
  const { t } = useTranslation();
  const groups = useGroups();
  return (r: DiscountRule) => {
    const value =
      r.kind === "volume_quantity"
        ? r.minQuantity
        : r.kind === "volume_amount"
          ? r.minAmount
          : r.kind === "client"
            ? r.companyName
            : r.kind === "segment"
              ? r.segment
              : r.kind === "promo"
                ? `${r.validFrom} — ${r.validTo}`
                : (groups.data?.find((g) => g.id === r.productGroupId)?.name ?? "");
    return t(`catalogue.discounts.describe.${r.kind}`, { percent: r.percent, value });
  };
}

export function DiscountsTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const admin = me.role === "admin";
  const sets = useRuleSets();
  const rules = useRules();
  const describe = useDescribeRule();
  const [ruleFor, setRuleFor] = useState<string | null>(null);
  const remove = useCatalogueWrite((id: string) => api.delete<DiscountRule>(`/discount-rules/${id}`));

  return (
    <Stack gap="md">
      <Alert
        icon={<IconInfoCircle size={18} aria-hidden />}
        title={t("catalogue.discounts.howTitle")}
        variant="light"
      >
        {t("catalogue.discounts.how")}
      </Alert>
      {admin && <RuleSetForm />}
      {sets.isError && <ErrorAlert error={sets.error} onRetry={() => void sets.refetch()} />}
      {sets.data?.length === 0 && (
        <EmptyState
          icon={<IconDiscount size={28} />}
          title={t("catalogue.discounts.emptyTitle")}
          text={t("catalogue.discounts.emptyText")}
        />
      )}
      {(sets.data ?? []).map((set) => {
        const own = (rules.data ?? []).filter((r) => r.ruleSetId === set.id);
        return (
          <Paper key={set.id} withBorder p="md" radius="md">
            <Stack gap="xs">
              <Group justify="space-between">
                <Group gap="xs">
                  <Text fw={600}>{set.name}</Text>
                  <Badge variant="light">
                    {set.combine === "best"
                      ? t("catalogue.discounts.combineBest")
                      : t("catalogue.discounts.combineSum")}
                  </Badge>
                  <Badge variant="default">
                    {set.maxPercent ? `≤ ${set.maxPercent} %` : t("catalogue.discounts.noCap")}
                  </Badge>
                </Group>
                {admin && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => setRuleFor(set.id)}
                  >
                    {t("catalogue.discounts.addRule")}
                  </Button>
                )}
              </Group>
              {own.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("catalogue.discounts.noRules")}
                </Text>
              ) : (
                own.map((r) => (
                  <Group key={r.id} gap="xs" wrap="nowrap">
                    <Badge variant="outline" size="sm">
                      {t(`catalogue.discounts.kinds.${r.kind}`)}
                    </Badge>
                    <Text size="sm">
                      <b>{r.name}</b> — {describe(r)}
                    </Text>
                    {admin && (
                      <Tooltip label={t("catalogue.discounts.deleteRule")}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("catalogue.discounts.deleteRule")}
                          onClick={() => remove.mutate(r.id)}
                        >
                          <IconTrash size={14} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                ))
              )}
            </Stack>
          </Paper>
        );
      })}
      {admin && ruleFor && <RuleModal ruleSetId={ruleFor} onClose={() => setRuleFor(null)} />}
    </Stack>
  );
}

function RuleSetForm() {
  const { t } = useTranslation();
  const [v, setV] = useState({ name: "", combine: "best", maxPercent: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCatalogueWrite((body: Record<string, unknown>) =>
    api.post<DiscountRuleSet>("/discount-rule-sets", body),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: v.name.trim(), combine: v.combine, maxPercent: v.maxPercent.trim().replace(",", ".") || null },
      {
        onSuccess: () => setV({ name: "", combine: "best", maxPercent: "" }),
        onError: (e) => setErrors(fieldErrorsOf(e)),
      },
    );
  };
  return (
    <form noValidate onSubmit={submit}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t("catalogue.discounts.setName")}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          error={errors.name}
        />
        <NativeSelect
          label={t("catalogue.discounts.combine")}
          value={v.combine}
          onChange={(e) => setV({ ...v, combine: e.currentTarget.value })}
          data={[
            { value: "best", label: t("catalogue.discounts.combineBest") },
            { value: "sum", label: t("catalogue.discounts.combineSum") },
          ]}
        />
        <TextInput
          label={t("catalogue.discounts.maxPercent")}
          w={140}
          inputMode="decimal"
          value={v.maxPercent}
          onChange={(e) => setV({ ...v, maxPercent: e.currentTarget.value })}
          error={errors.maxPercent}
        />
        <Button
          type="submit"
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          loading={create.isPending}
        >
          {t("catalogue.discounts.addSet")}
        </Button>
      </Group>
    </form>
  );
}
