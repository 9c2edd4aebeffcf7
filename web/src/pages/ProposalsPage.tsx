import { Loader } from "@mantine/core";
import { useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../components/ErrorAlert";
import { ApprovalsInbox } from "../features/proposals/ApprovalsInbox";
import { CompareView } from "../features/proposals/CompareView";
import { useProposal } from "../features/proposals/hooks";
import { ProposalEditor } from "../features/proposals/ProposalEditor";
import { ProposalsList } from "../features/proposals/ProposalsList";

export function ProposalsPage() {
  return <ProposalsList />;
}

export function ProposalNewPage() {
  const [params] = useSearchParams();
  return (
    <ProposalEditor
      initialCompanyId={params.get("companyId") ?? undefined}
      initialDealId={params.get("dealId") ?? undefined}
    />
  );
}

export function ProposalPage() {
  const { id = "" } = useParams();
  const proposal = useProposal(id);
  if (proposal.error) return <ErrorAlert error={proposal.error} />;
  if (!proposal.data) return <Loader />;
  // Keyed by id and version: a saved or moved revision starts the form from the server's state.
  return <ProposalEditor key={`${proposal.data.id}:${proposal.data.version}`} proposal={proposal.data} />;
}

export function ProposalComparePage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  return <CompareView id={id} withId={params.get("with") ?? ""} />;
}

export function ApprovalsPage() {
  return <ApprovalsInbox />;
}
