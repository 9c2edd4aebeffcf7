import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { Company } from "../../../../contracts/companies";
import type { Deal } from "../../../../contracts/deals";
import type { Proposal } from "../../../../contracts/proposals";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { SectionCard } from "../../components/SectionCard";
import { api, fieldErrorsOf } from "../../lib/api";
import { runMutation } from "../../lib/mutation";
import { money, statusColor } from "./format";
import { useDefaults, useQuote, useRevisions, useSaveProposal } from "./hooks";
import { type DraftLine, LinesEditor, TotalsFooter } from "./LinesEditor";
import { ProposalActions } from "./ProposalActions";

const editable = new Set(["draft", "rejected_by_head", "approved"]);
const validQty = /^\d{1,12}([.,]\d{1,3})?$/;
const validPct = /^\d{1,3}([.,]\d{1,2})?$/;

function ClientPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 250);
  const found = useQuery({
    queryKey: ["companies", "picker", debounced],
    queryFn: ({ signal }) =>
      api.get<{ items: Company[] }>("/companies", { q: debounced || undefined, limit: 20 }, signal),
  });
  return (
    <Select
      label={t("proposals.editor.client")}
      placeholder={t("proposals.editor.clientPlaceholder")}
      searchable
      required
      searchValue={q}
      onSearchChange={setQ}
      filter={({ options }) => options}
      data={(found.data?.items ?? []).map((c) => ({
        value: c.id,
        label: c.inn ? `${c.name} (${c.inn})` : c.name,
      }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage={t("proposals.editor.noProducts")}
    />
  );
}

/** The deal the proposal belongs to: one of the client's open deals, or none. */
function DealPicker({
  companyId,
  value,
  onChange,
  disabled,
}: {
  companyId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const deals = useQuery({
    queryKey: ["deals", "picker", companyId],
    queryFn: ({ signal }) =>
      api.get<{ items: Deal[] }>("/deals", { companyId, status: "open", limit: 100 }, signal),
  });
  const items = deals.data?.items ?? [];
  // A closed deal chosen earlier stays visible as the current value.
  const options = value && !items.some((d) => d.id === value) ? [{ value, label: "…" }] : [];
  return (
    <NativeSelect
      label={t("proposals.editor.deal")}
      value={value ?? ""}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      data={[
        { value: "", label: t("proposals.editor.noDeal") },
        ...options,
        ...items.map((d) => ({ value: d.id, label: d.title })),
      ]}
    />
  );
}

/** A new proposal (`proposal` absent) or one revision: lines, live totals, terms and the status flow. */
export function ProposalEditor({
  proposal,
  initialCompanyId,
  initialDealId,
}: {
  proposal?: Proposal;
  initialCompanyId?: string;
  initialDealId?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const readOnly = proposal ? !(proposal.isCurrent && editable.has(proposal.status)) : false;
  const [companyId, setCompanyId] = useState<string | null>(proposal?.companyId ?? initialCompanyId ?? null);
  const [dealId, setDealId] = useState<string | null>(proposal?.dealId ?? initialDealId ?? null);
  const [lines, setLines] = useState<DraftLine[]>(
    proposal?.lines.map((l) => ({
      productId: l.productId ?? "",
      quantity: l.quantity,
      manualDiscountPercent: l.manualDiscountPercent,
      name: l.name,
    })) ?? [],
  );
  const [fields, setFields] = useState({
    validUntil: proposal?.validUntil ?? "",
    paymentTerms: proposal?.paymentTerms ?? "",
    deliveryTerms: proposal?.deliveryTerms ?? "",
    signatory: proposal?.signatory ?? "",
    notes: proposal?.notes ?? "",
    notOffer: proposal?.notOffer ?? true,
  });
  const [dirty, setDirty] = useState(false);
  const defaults = useDefaults(proposal ? null : companyId);
  useEffect(() => {
    if (!defaults.data) return;
    setFields((f) => ({
      ...f,
      paymentTerms: defaults.data.paymentTerms ?? "",
      deliveryTerms: defaults.data.deliveryTerms ?? "",
      signatory: defaults.data.signatory ?? "",
    }));
  }, [defaults.data]);

  const input = useMemo(
    () =>
      lines
        .filter(
          (l) => validQty.test(l.quantity.trim()) && validPct.test((l.manualDiscountPercent ?? "0").trim()),
        )
        .map(({ name: _n, ...l }) => l),
    [lines],
  );
  const [debouncedInput] = useDebouncedValue(input, 300);
  const quote = useQuote(readOnly ? null : companyId, debouncedInput);
  const save = useSaveProposal(proposal?.id ?? null);
  const errors = fieldErrorsOf(save.error);
  const change = (patch: Partial<typeof fields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setDirty(true);
  };
  const allValid = input.length === lines.length;

  const onSave = () => {
    if (!companyId) return;
    const body = {
      lines: input,
      validUntil: fields.validUntil || null,
      paymentTerms: fields.paymentTerms || null,
      deliveryTerms: fields.deliveryTerms || null,
      signatory: fields.signatory || null,
      notes: fields.notes || null,
      notOffer: fields.notOffer,
      dealId,
    };
    // A new proposal without a date takes the default validity (30 days) from the server.
    const create = { ...body, companyId, validUntil: fields.validUntil || undefined };
    runMutation(save, proposal ? { ...body, version: proposal.version } : create, {
      onSuccess: (p) => {
        setDirty(false);
        notifications.show({ color: "teal", message: t("proposals.editor.saved") });
        if (!proposal) navigate(`/proposals/${p.id}`, { replace: true });
      },
    });
  };

  const totals =
    readOnly && proposal ? { totals: proposal.totals, amountInWords: proposal.amountInWords } : quote.data;
  return (
    <>
      <PageHeader
        title={
          proposal
            ? t("proposals.editor.titleOf", { number: proposal.number, revision: proposal.revision })
            : t("proposals.editor.newTitle")
        }
        description={proposal?.companyName ?? undefined}
        actions={
          proposal && (
            <Badge size="lg" variant="light" color={statusColor[proposal.status]}>
              {t(`proposals.status.${proposal.status}`)}
            </Badge>
          )
        }
      />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSave();
        }}
      >
        <Stack gap="md">
          {proposal && <ProposalActions proposal={proposal} dirty={dirty} />}
          {!proposal && (
            <ClientPicker
              value={companyId}
              onChange={(id) => {
                setCompanyId(id);
                setDealId(null);
              }}
            />
          )}
          {companyId && (
            <DealPicker
              companyId={companyId}
              value={dealId}
              disabled={readOnly}
              onChange={(id) => {
                setDealId(id);
                setDirty(true);
              }}
            />
          )}
          {!companyId && (
            <Text size="sm" c="dimmed">
              {t("proposals.editor.chooseClient")}
            </Text>
          )}
          <SectionCard
            title={t("proposals.editor.lines")}
            description={
              totals && "vatIncluded" in totals
                ? t(
                    totals.vatIncluded
                      ? "proposals.editor.priceIncludesVat"
                      : "proposals.editor.priceExcludesVat",
                  )
                : undefined
            }
          >
            <Stack gap="md">
              <LinesEditor
                companyId={companyId}
                lines={lines}
                onChange={(next) => {
                  setLines(next);
                  setDirty(true);
                }}
                quote={quote.data}
                saved={proposal?.lines}
                readOnly={readOnly}
              />
              {!allValid && (
                <Text size="sm" c="red">
                  {t("proposals.editor.invalidLine")}
                </Text>
              )}
              <ErrorAlert error={quote.error} />
              {totals && lines.length > 0 && (
                <TotalsFooter
                  totals={totals.totals}
                  words={totals.amountInWords}
                  pending={quote.isFetching}
                />
              )}
            </Stack>
          </SectionCard>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t("proposals.editor.validUntil")}
              value={fields.validUntil}
              readOnly={readOnly}
              error={errors.validUntil}
              onChange={(e) => change({ validUntil: e.currentTarget.value })}
            />
            <TextInput
              label={t("proposals.editor.signatory")}
              value={fields.signatory}
              readOnly={readOnly}
              error={errors.signatory}
              onChange={(e) => change({ signatory: e.currentTarget.value })}
            />
            <Textarea
              label={t("proposals.editor.paymentTerms")}
              autosize
              minRows={2}
              value={fields.paymentTerms}
              readOnly={readOnly}
              onChange={(e) => change({ paymentTerms: e.currentTarget.value })}
            />
            <Textarea
              label={t("proposals.editor.deliveryTerms")}
              autosize
              minRows={2}
              value={fields.deliveryTerms}
              readOnly={readOnly}
              onChange={(e) => change({ deliveryTerms: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Textarea
            label={t("proposals.editor.notes")}
            autosize
            value={fields.notes}
            readOnly={readOnly}
            onChange={(e) => change({ notes: e.currentTarget.value })}
          />
          <Checkbox
            label={t("proposals.editor.notOffer")}
            checked={fields.notOffer}
            disabled={readOnly}
            onChange={(e) => change({ notOffer: e.currentTarget.checked })}
          />
          <ErrorAlert error={save.error} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!companyId || !allValid}>
                {t("proposals.editor.save")}
              </Button>
            </Group>
          )}
          {proposal && <RevisionsList proposal={proposal} />}
        </Stack>
      </form>
    </>
  );
}

function RevisionsList({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const revisions = useRevisions(proposal.id);
  const items = revisions.data?.items ?? [];
  if (items.length < 2) return null;
  const current = items.find((r) => r.isCurrent);
  return (
    <SectionCard title={t("proposals.revisions.title")}>
      <Table>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/proposals/${r.id}`}>
                  {t("proposals.columns.revision")} {r.revision}
                </Anchor>
                {r.isCurrent ? ` (${t("proposals.revisions.current")})` : ""}
              </Table.Td>
              <Table.Td>{t(`proposals.status.${r.status}`)}</Table.Td>
              <Table.Td ta="right">{money(r.totals.gross)}</Table.Td>
              <Table.Td>
                {current && !r.isCurrent && (
                  <Anchor component={Link} to={`/proposals/${r.id}/compare?with=${current.id}`}>
                    {t("proposals.revisions.compare")}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SectionCard>
  );
}
