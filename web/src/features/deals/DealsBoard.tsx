import {
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { Anchor, Badge, Button, Center, Group, Loader, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Deal, DealBoard } from "../../../../contracts/deals";
import { MAIN_CURRENCY } from "../../../../core/money";
import { ErrorAlert } from "../../components/ErrorAlert";
import { currentLocale } from "../../i18n";
import { ApiError } from "../../lib/api";
import { GradeBadge } from "../reliability/GradeBadge";
import { formatAmount, formatDay } from "./format";
import { type BoardFilter, fetchColumnMore, useBoard, useMoveDeal } from "./hooks";
import { CloseDealModal, type CloseExtras } from "./MoveModals";

type Column = DealBoard["columns"][number];
const KIND_COLORS = { open: "blue", won: "teal", lost: "red" } as const;

/** When the last drag ended: the click that ends a drag on the title must not open the deal. */
let lastDragEnd = 0;

function DealCardItem({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: deal.id,
    data: { deal },
  });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      radius="sm"
      data-deal-id={deal.id}
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        opacity: isDragging ? 0.7 : 1,
        cursor: "grab",
        zIndex: isDragging ? 10 : undefined,
        position: "relative",
        touchAction: "none",
      }}
      {...attributes}
      {...listeners}
    >
      <Stack gap={2}>
        <Anchor
          component={Link}
          to={`/deals/${deal.id}`}
          size="sm"
          fw={600}
          aria-label={t("deals.card.open", { title: deal.title })}
          onClick={(e) => {
            if (Date.now() - lastDragEnd < 400) e.preventDefault();
          }}
        >
          {deal.title}
        </Anchor>
        <Group gap={4} wrap="nowrap">
          <GradeBadge grade={deal.companyGrade} />
          <Text size="xs" c="dimmed" lineClamp={1}>
            {deal.companyName}
          </Text>
        </Group>
        <Text size="sm">
          {deal.amount ? formatAmount(deal.amount, deal.currency, locale) : t("deals.card.noAmount")}
        </Text>
        {deal.expectedCloseDate && (
          <Text size="xs" c="dimmed">
            {t("deals.card.closeBy", { date: formatDay(deal.expectedCloseDate, locale) })}
          </Text>
        )}
        {deal.status === "open" && deal.nextStep && (
          <Text size="xs" lineClamp={1}>
            {t("deals.card.next", { step: deal.nextStep })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function BoardColumn({ column, filter }: { column: Column; filter: BoardFilter }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { setNodeRef, isOver } = useDroppable({ id: column.stage });
  const [more, setMore] = useState<{ items: Deal[]; cursor: string | null }>({
    items: [],
    cursor: column.nextCursor,
  });
  const [loading, setLoading] = useState(false);
  const items = [...column.items, ...more.items.filter((d) => !column.items.some((c) => c.id === d.id))];
  const loadMore = async () => {
    if (!more.cursor) return;
    setLoading(true);
    try {
      const page = await fetchColumnMore(filter, column.stage, more.cursor);
      const col = page.columns[0];
      setMore((m) => ({ items: [...m.items, ...(col?.items ?? [])], cursor: col?.nextCursor ?? null }));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Paper
      ref={setNodeRef}
      role="region"
      aria-label={column.name}
      data-stage={column.stage}
      withBorder
      radius="md"
      p="sm"
      bg={isOver ? "var(--mantine-color-blue-light)" : "var(--mantine-color-default-hover)"}
      style={{ flex: "1 0 170px", minWidth: 170, minHeight: 320 }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={650} size="sm">
            {column.name}
          </Text>
          <Badge color={KIND_COLORS[column.kind]} variant="light" style={{ flexShrink: 0 }}>
            {column.count}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" data-testid={`sum-${column.stage}`}>
          {t("deals.column.sum", { sum: formatAmount(column.sum, MAIN_CURRENCY, locale) })}
          <br />
          {t("deals.column.weighted", { sum: formatAmount(column.weighted, MAIN_CURRENCY, locale) })}
          {column.otherCurrencies.map((o) => (
            <span key={o.currency}>
              <br />
              {t("deals.column.other", {
                sum: formatAmount(o.sum, o.currency, locale),
                weighted: formatAmount(o.weighted, o.currency, locale),
              })}
            </span>
          ))}
        </Text>
        {items.map((deal) => (
          <DealCardItem key={deal.id} deal={deal} />
        ))}
        {items.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {t("deals.column.empty")}
          </Text>
        )}
        {more.cursor && (
          <Button variant="subtle" size="xs" onClick={loadMore} loading={loading}>
            {t("deals.column.more")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** The board: a column per stage with totals; dropping a card on another column moves the deal. */
export function DealsBoard({ filter }: { filter: BoardFilter }) {
  const { t } = useTranslation();
  const board = useBoard(filter);
  const move = useMoveDeal();
  const [closing, setClosing] = useState<{ deal: Deal; stage: string; kind: "won" | "lost" } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );

  const doMove = (deal: Deal, stage: string, extras: CloseExtras = {}) =>
    move.mutate(
      { id: deal.id, body: { stage, version: deal.version, ...extras } },
      {
        onSuccess: (moved) => {
          setClosing(null);
          notifications.show({
            message: t("deals.move.moved", { title: moved.title, stage: moved.stageName ?? stage }),
          });
        },
        onError: (error) => {
          // The modal shows its own errors; a plain move reports in a notification.
          if (!closing)
            notifications.show({
              color: "red",
              title: t("errors.title"),
              message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
            });
        },
      },
    );

  const onDragEnd = (event: DragEndEvent) => {
    lastDragEnd = Date.now();
    const deal = event.active.data.current?.deal as Deal | undefined;
    const stage = event.over?.id as string | undefined;
    if (!deal || !stage || stage === deal.stage) return;
    const kind = board.data?.columns.find((c) => c.stage === stage)?.kind;
    move.reset();
    if (kind === "lost" || (kind === "won" && (!deal.amount || Number(deal.amount) <= 0)))
      setClosing({ deal, stage, kind });
    else doMove(deal, stage);
  };

  // The close dialog stays mounted whatever the board shows, so a refetch never loses what is typed.
  const content = board.isPending ? (
    <Center py="xl">
      <Loader />
    </Center>
  ) : board.isError ? (
    <ErrorAlert error={board.error} onRetry={() => board.refetch()} />
  ) : (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
          {board.data.columns.map((column) => (
            <BoardColumn
              key={`${column.stage}:${column.count}:${column.items.map((d) => `${d.id}${d.version}`).join()}`}
              column={column}
              filter={filter}
            />
          ))}
        </Group>
      </ScrollArea>
    </DndContext>
  );
  return (
    <>
      {content}
      <CloseDealModal
        key={closing ? `${closing.deal.id}:${closing.stage}` : "none"}
        deal={closing?.deal ?? null}
        kind={closing?.kind ?? null}
        error={closing ? move.error : null}
        pending={move.isPending}
        onCancel={() => setClosing(null)}
        onConfirm={(extras) => closing && doMove(closing.deal, closing.stage, extras)}
      />
    </>
  );
}
