import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Approval } from "../../../../contracts/approvals";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { money } from "./format";
import { useApprovals, useDecide } from "./hooks";

type ReasonCode = "discount_over_limit" | "amount_over_limit" | "deal_grade_d" | "credit_over_limit";

/** Limits are decimal strings; amounts are shown as money. */
function reasonParams(r: Approval["reasons"][number]): Record<string, unknown> {
  const p = { ...(r.params ?? {}) };
  if (r.code === "amount_over_limit" || r.code === "credit_over_limit")
    for (const k of ["amount", "limit"]) if (typeof p[k] === "string") p[k] = money(p[k] as string);
  return p;
}

function ApprovalCard({ a }: { a: Approval }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState("");
  const decide = useDecide();
  const pending = a.status === "pending";
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={a.title ?? a.id}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Anchor component={Link} to={`/proposals/${a.entityId}`} fw={600}>
            {a.title ?? t("proposals.approvals.open")}
          </Anchor>
          <Badge variant="light" color={pending ? "yellow" : a.status === "approved" ? "teal" : "red"}>
            {t(`proposals.approvals.status.${a.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t("proposals.approvals.requestedBy")}: {a.requestedByName} · {t("proposals.approvals.approver")}:{" "}
          {a.approverName}
        </Text>
        <Text size="sm">
          {t("proposals.approvals.reasons")}:{" "}
          {a.reasons
            .map((r) => t(`proposals.approvals.reason.${r.code as ReasonCode}`, reasonParams(r)))
            .join("; ")}
        </Text>
        {a.comment && (
          <Text size="sm" fs="italic">
            {t("proposals.approvals.comment")}: {a.comment}
          </Text>
        )}
        {pending && (
          <>
            <Textarea
              label={t("proposals.approvals.comment")}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
            />
            <Group gap="xs">
              <Button
                color="teal"
                loading={decide.isPending && decide.variables?.decision === "approve"}
                onClick={() => decide.mutate({ id: a.id, decision: "approve", comment })}
              >
                {t("proposals.approvals.approve")}
              </Button>
              <Button
                color="red"
                variant="light"
                loading={decide.isPending && decide.variables?.decision === "reject"}
                onClick={() => decide.mutate({ id: a.id, decision: "reject", comment })}
              >
                {t("proposals.approvals.reject")}
              </Button>
            </Group>
            <ErrorAlert error={decide.error} />
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The head's inbox of requests (clause 3.4) and the user's own requests. */
export function ApprovalsInbox() {
  const { t } = useTranslation();
  const [box, setBox] = useState<"inbox" | "mine" | "all">("inbox");
  const list = useApprovals(box);
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t("proposals.approvals.title")} />
      <Stack gap="md">
        <NativeSelect
          label={t("proposals.approvals.box")}
          maw={280}
          value={box}
          onChange={(e) => setBox(e.currentTarget.value as typeof box)}
          data={(["inbox", "mine", "all"] as const).map((b) => ({
            value: b,
            label: t(`proposals.approvals.${b}`),
          }))}
        />
        <ErrorAlert error={list.error} />
        {list.isSuccess && !items.length && (
          <EmptyState
            icon={<IconChecklist size={28} />}
            title={t("proposals.approvals.title")}
            text={t("proposals.approvals.empty")}
          />
        )}
        {items.map((a) => (
          <ApprovalCard key={a.id} a={a} />
        ))}
      </Stack>
    </>
  );
}
