import { Button, Center, Group, Loader, Paper, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconFilterOff,
  IconPlus,
  IconRoute,
  IconTrash,
  IconUpload,
  IconUserShare,
} from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Company } from "../../../../contracts/companies";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { currentLocale } from "../../i18n";
import { ApiError, type Query } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import { EnrolModal, type EnrolTarget } from "../cadences/EnrolModal";
import { ClientsFilters } from "./ClientsFilters";
import { ExportMenu, ListEmptyState } from "./ClientsListParts";
import { ClientsTable } from "./ClientsTable";
import { ColumnChooser } from "./ColumnChooser";
import { formatNumber } from "./format";
import { useCompanies, useRestoreCompany } from "./hooks";
import {
  type ColumnId,
  clearFilters,
  DEFAULT_COLUMNS,
  hasFilters,
  type ListState,
  parseListState,
  toApiQuery,
  toSearchParams,
} from "./listState";
import { mayRestore, mayTransfer, usePeople } from "./people";
import { SavedViews } from "./SavedViews";
import { TransferModal } from "./TransferModal";

const COLUMNS_KEY = "accord.clients.columns";

/** The columns last chosen on this device: a list opened without `cols` in its link shows them. */
function storedColumns(): readonly ColumnId[] {
  try {
    const raw = localStorage.getItem(COLUMNS_KEY);
    return raw ? parseListState(new URLSearchParams({ cols: raw })).columns : DEFAULT_COLUMNS;
  } catch {
    return DEFAULT_COLUMNS;
  }
}

function rememberColumns(columns: ColumnId[]) {
  try {
    localStorage.setItem(COLUMNS_KEY, columns.join(","));
  } catch {
    // A device that cannot remember still shows the chosen columns in this tab.
  }
}

/** Loads the next page when the end of the table scrolls into view. */
function useEndOfList(onEnd: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const callback = useRef(onEnd);
  callback.current = onEnd;
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) callback.current();
    });
    observer.observe(node);
    return () => observer.disconnect();
  });
  return ref;
}

/** The list's filter as a scheme enrolment takes it: the query string values, without paging or sort. */
function enrolFilterOf(query: Query): Record<string, string> {
  const filter: Record<string, string> = {};
  for (const [key, value] of Object.entries(query))
    if (
      value !== undefined &&
      value !== null &&
      value !== "" &&
      !["sort", "deleted", "limit", "cursor"].includes(key)
    )
      filter[key] = String(value);
  return filter;
}

export function ClientsList() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params, storedColumns()), [params]);
  const query = useMemo(() => toApiQuery(state), [state]);
  const companies = useCompanies(query);
  const { byId: people } = usePeople();
  const restore = useRestoreCompany();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [transferring, setTransferring] = useState(false);
  const canTransfer = mayTransfer(me.role) && !state.deleted;
  // Everyone who works with clients may select rows to enrol them in a contact scheme.
  const canSelect = me.role !== "department" && !state.deleted;
  const [enrolTarget, setEnrolTarget] = useState<EnrolTarget | null>(null);

  const queryKey = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts a new selection.
  useEffect(() => setSelected(new Set()), [queryKey]);

  const apply = (next: ListState) => {
    if (next.columns !== state.columns) rememberColumns(next.columns);
    setParams(toSearchParams(next), { replace: true });
  };

  const items = useMemo(() => companies.data?.pages.flatMap((p) => p.items) ?? [], [companies.data]);
  const sentinel = useEndOfList(() => {
    if (companies.hasNextPage && !companies.isFetchingNextPage && !companies.isError)
      void companies.fetchNextPage();
  });

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = (on: boolean) => setSelected(on ? new Set(items.map((c) => c.id)) : new Set());

  const onRestore = (company: Company) =>
    restore.mutate(company.id, {
      onSuccess: () =>
        notifications.show({ color: "green", message: t("clients.restored", { name: company.name }) }),
      onError: (error) =>
        notifications.show({
          color: "red",
          title: t("errors.title"),
          message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
        }),
    });

  const empty = !companies.isPending && !companies.isError && items.length === 0;

  return (
    <>
      <PageHeader
        title={t("clients.title")}
        description={t("clients.subtitle")}
        actions={
          <>
            <Button
              component={Link}
              to="/clients/import"
              variant="default"
              leftSection={<IconUpload size={16} aria-hidden />}
            >
              {t("clients.import")}
            </Button>
            <ExportMenu query={query} />
            {canSelect && hasFilters(state) && (
              <Button
                variant="default"
                leftSection={<IconRoute size={16} aria-hidden />}
                onClick={() => setEnrolTarget({ filter: enrolFilterOf(query) })}
              >
                {t("cadences.enrol.filtered")}
              </Button>
            )}
            <Button component={Link} to="/clients/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t("clients.newClient")}
            </Button>
          </>
        }
      />

      <Stack gap="sm">
        <ClientsFilters state={state} onChange={apply} />

        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="md">
            <Text size="sm" c="dimmed" aria-live="polite">
              {empty
                ? ""
                : companies.isPending
                  ? t("common.loading")
                  : t(companies.hasNextPage ? "clients.loaded" : "clients.loadedAll", {
                      n: formatNumber(items.length, locale),
                    })}
            </Text>
            {hasFilters(state) && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                leftSection={<IconFilterOff size={14} aria-hidden />}
                onClick={() => apply(clearFilters(state))}
              >
                {t("clients.resetFilters")}
              </Button>
            )}
            {mayRestore(me.role) && (
              <Switch
                size="xs"
                label={t("clients.showDeleted")}
                title={t("clients.showDeletedHint")}
                checked={state.deleted}
                onChange={(event) => apply({ ...state, deleted: event.currentTarget.checked })}
                thumbIcon={state.deleted ? <IconTrash size={10} aria-hidden /> : undefined}
              />
            )}
          </Group>
          <Group gap="xs">
            <SavedViews state={state} onApply={apply} />
            <ColumnChooser columns={state.columns} onChange={(columns) => apply({ ...state, columns })} />
          </Group>
        </Group>

        {canSelect && selected.size > 0 && (
          <Paper withBorder radius="md" px="md" py={8} bg="var(--mantine-primary-color-light)">
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {t("clients.selected", { count: selected.size })}
              </Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconRoute size={14} aria-hidden />}
                  onClick={() => setEnrolTarget({ companyIds: [...selected] })}
                >
                  {t("cadences.enrol.selected")}
                </Button>
                {canTransfer && (
                  <Button
                    size="xs"
                    leftSection={<IconUserShare size={14} aria-hidden />}
                    onClick={() => setTransferring(true)}
                  >
                    {t("clients.transfer")}
                  </Button>
                )}
                <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
                  {t("clients.clearSelection")}
                </Button>
              </Group>
            </Group>
          </Paper>
        )}

        {companies.isError && <ErrorAlert error={companies.error} onRetry={() => void companies.refetch()} />}

        {companies.isPending ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t("common.loading")} />
          </Center>
        ) : empty ? (
          <ListEmptyState state={state} onReset={() => apply(clearFilters(state))} />
        ) : (
          items.length > 0 && (
            <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
              <ClientsTable
                companies={items}
                columns={state.columns}
                sort={state.sort}
                onSort={(sort) => apply({ ...state, sort })}
                people={people}
                timeZone={me.timeZone}
                selection={canSelect ? { selected, toggle, toggleAll } : undefined}
                onRestore={state.deleted ? onRestore : undefined}
                footer={
                  companies.hasNextPage && (
                    <Center ref={sentinel} py="sm">
                      <Button
                        variant="default"
                        size="xs"
                        loading={companies.isFetchingNextPage}
                        onClick={() => void companies.fetchNextPage()}
                      >
                        {t("common.loadMore")}
                      </Button>
                    </Center>
                  )
                }
              />
            </Paper>
          )
        )}
      </Stack>

      {enrolTarget && <EnrolModal opened target={enrolTarget} onClose={() => setEnrolTarget(null)} />}
      {canTransfer && (
        <TransferModal
          opened={transferring}
          ids={[...selected]}
          onClose={() => setTransferring(false)}
          onDone={() => setSelected(new Set())}
        />
      )}
    </>
  );
}
