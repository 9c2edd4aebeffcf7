import { Alert, Button, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Proposal } from "../../../../contracts/proposals";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ProposalDocumentActions } from "../documents/ProposalDocumentActions";
import { type ProposalAction, useProposalAction } from "./hooks";

const byStatus: Record<Proposal["status"], ProposalAction[]> = {
  draft: ["submit", "mark-sent"],
  rejected_by_head: ["submit"],
  pending_approval: ["revise"],
  approved: ["mark-sent"],
  sent: ["accept", "reject", "revise"],
  accepted: [],
  rejected: ["revise"],
  expired: ["revise"],
};
const label = {
  submit: "proposals.actions.submit",
  "mark-sent": "proposals.actions.markSent",
  accept: "proposals.actions.accept",
  reject: "proposals.actions.reject",
  revise: "proposals.actions.revise",
} as const satisfies Record<ProposalAction, string>;

/** The status flow's next steps for this revision, and where its approval stands. */
export function ProposalActions({ proposal, dirty }: { proposal: Proposal; dirty: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useProposalAction();
  const run = (a: ProposalAction) =>
    action.mutate(
      { id: proposal.id, action: a, version: proposal.version },
      {
        onSuccess: (p) => {
          notifications.show({ color: "teal", message: t("proposals.actions.done") });
          if (p.id !== proposal.id) navigate(`/proposals/${p.id}`);
        },
      },
    );
  const a = proposal.approval;
  return (
    <>
      {proposal.isCurrent && (
        <Group gap="xs">
          {byStatus[proposal.status].map((x) => (
            <Button
              key={x}
              variant={x === "submit" || x === "mark-sent" ? "filled" : "default"}
              disabled={dirty && x !== "revise"}
              loading={action.isPending && action.variables?.action === x}
              onClick={() => run(x)}
            >
              {t(label[x])}
            </Button>
          ))}
        </Group>
      )}
      <ProposalDocumentActions
        proposalId={proposal.id}
        status={proposal.status}
        canSend={proposal.isCurrent && ["draft", "approved", "sent"].includes(proposal.status) && !dirty}
      />
      <ErrorAlert error={action.error} />
      {a && a.status !== "withdrawn" && (
        <Alert
          role="status"
          variant="light"
          color={a.status === "pending" ? "yellow" : a.status === "approved" ? "teal" : "red"}
        >
          {a.status === "pending" && t("proposals.approval.pending", { name: a.approverName })}
          {a.status === "approved" && t("proposals.approval.approved", { name: a.approverName })}
          {a.status === "rejected" &&
            t("proposals.approval.rejected", {
              name: a.approverName,
              comment: a.comment || t("proposals.approval.noComment"),
            })}
        </Alert>
      )}
    </>
  );
}
