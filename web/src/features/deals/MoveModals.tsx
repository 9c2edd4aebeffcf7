import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Deal } from "../../../../contracts/deals";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldErrorsOf } from "../../lib/api";
import { useCompetitors, useLostReasons } from "./hooks";

export type CloseExtras = {
  amount?: string;
  lostReasonId?: string;
  competitorId?: string | null;
  lostNote?: string;
};

/** Asks for what closing needs: the amount for Won (when the deal has none), the reason for Lost. */
export function CloseDealModal({
  deal,
  kind,
  error,
  pending,
  onCancel,
  onConfirm,
}: {
  deal: Deal | null;
  kind: "won" | "lost" | null;
  error: unknown;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (extras: CloseExtras) => void;
}) {
  const { t } = useTranslation();
  const reasons = useLostReasons();
  const competitors = useCompetitors();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [competitor, setCompetitor] = useState("");
  const [note, setNote] = useState("");
  const errors = fieldErrorsOf(error);
  const opened = deal !== null && kind !== null;
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={kind === "won" ? t("deals.move.wonTitle") : t("deals.move.lostTitle")}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (kind === "won") onConfirm({ amount: amount.trim().replace(",", ".").replace(/\s/g, "") });
          else
            onConfirm({
              lostReasonId: reason || undefined,
              competitorId: competitor || null,
              lostNote: note || undefined,
            });
        }}
      >
        <Stack>
          {deal && <Text size="sm">{deal.title}</Text>}
          {kind === "won" ? (
            <>
              <Text size="sm" c="dimmed">
                {t("deals.move.wonText")}
              </Text>
              <TextInput
                data-autofocus
                label={t("deals.form.amount")}
                required
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.currentTarget.value)}
                error={errors.amount}
              />
            </>
          ) : (
            <>
              <NativeSelect
                data-autofocus
                label={t("deals.move.reason")}
                required
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.lostReasonId}
                data={[
                  { value: "", label: t("deals.move.chooseReason") },
                  ...(reasons.data?.items ?? []).map((r) => ({ value: r.id, label: r.name })),
                ]}
              />
              <NativeSelect
                label={t("deals.move.competitor")}
                value={competitor}
                onChange={(e) => setCompetitor(e.currentTarget.value)}
                data={[
                  { value: "", label: t("deals.move.noCompetitor") },
                  ...(competitors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
                ]}
              />
              <Textarea
                label={t("deals.move.note")}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
            </>
          )}
          {error !== null && error !== undefined && Object.keys(errors).length === 0 && (
            <ErrorAlert error={error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("deals.move.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
