import { Button, Group, NativeSelect, SegmentedControl, Stack, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/currentUser";
import { usePeople } from "../clients/people";
import { DealFormModal } from "./DealFormModal";
import { DealsBoard } from "./DealsBoard";
import { DealsList } from "./DealsList";
import { usePipelines } from "./hooks";

/** The deals page: the board or the list of one pipeline, filtered by owner and closing period. */
export function DealsScreen() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { people } = usePeople();
  const pipelines = usePipelines();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const view = params.get("view") === "list" ? "list" : "board";
  const pipelineId = params.get("pipeline") ?? pipelines.data?.items.find((p) => p.isDefault)?.id ?? "";
  const ownerId = params.get("owner") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const status = params.get("status") ?? "";
  const q = params.get("q") ?? "";
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filter = {
    pipelineId: pipelineId || undefined,
    ownerId: ownerId || undefined,
    from: from || undefined,
    to: to || undefined,
  };

  return (
    <>
      <PageHeader
        title={t("deals.title")}
        description={t("deals.subtitle")}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t("deals.newDeal")}
          </Button>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <SegmentedControl
            aria-label={t("deals.view.label")}
            value={view}
            onChange={(v) => setParam("view", v === "list" ? "list" : "")}
            data={[
              { value: "board", label: t("deals.view.board") },
              { value: "list", label: t("deals.view.list") },
            ]}
          />
          {(pipelines.data?.items.length ?? 0) > 1 && (
            <NativeSelect
              label={t("deals.filters.pipeline")}
              value={pipelineId}
              onChange={(e) => setParam("pipeline", e.currentTarget.value)}
              data={(pipelines.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
          {me.role !== "manager" && (
            <NativeSelect
              label={t("deals.filters.owner")}
              value={ownerId}
              onChange={(e) => setParam("owner", e.currentTarget.value)}
              data={[
                { value: "", label: t("deals.filters.anyOwner") },
                ...people.map((p) => ({ value: p.id, label: p.fullName })),
              ]}
            />
          )}
          <TextInput
            type="date"
            label={t("deals.filters.from")}
            value={from}
            onChange={(e) => setParam("from", e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("deals.filters.to")}
            value={to}
            onChange={(e) => setParam("to", e.currentTarget.value)}
          />
          {view === "list" && (
            <>
              <NativeSelect
                label={t("deals.filters.status")}
                value={status}
                onChange={(e) => setParam("status", e.currentTarget.value)}
                data={[
                  { value: "", label: t("deals.filters.anyStatus") },
                  ...(["open", "won", "lost"] as const).map((s) => ({
                    value: s,
                    label: t(`deals.status.${s}`),
                  })),
                ]}
              />
              <TextInput
                label={t("deals.filters.q")}
                value={q}
                onChange={(e) => setParam("q", e.currentTarget.value)}
              />
            </>
          )}
        </Group>
        {view === "board" ? (
          pipelineId && <DealsBoard filter={filter} />
        ) : (
          <DealsList
            query={{
              pipelineId: filter.pipelineId,
              ownerId: filter.ownerId,
              closeFrom: filter.from,
              closeTo: filter.to,
              status: status || undefined,
              q: q || undefined,
            }}
          />
        )}
      </Stack>
      {creating && (
        <DealFormModal
          opened
          onClose={() => setCreating(false)}
          onSaved={(deal) => view === "list" && navigate(`/deals/${deal.id}`)}
        />
      )}
    </>
  );
}
