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
import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarEvent } from "../../../../contracts/activities";
import { ErrorAlert } from "../../components/ErrorAlert";
import { currentLocale } from "../../i18n";
import { ApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useCurrentUser } from "../auth/currentUser";
import { usePeople } from "../clients/people";
import { useCalendarEvents, useUpdateActivity } from "./hooks";
import {
  addDays,
  formatDay,
  formatTime,
  isoWeekday,
  localDate,
  moveToDate,
  startOfLocalDay,
  wallClock,
} from "./time";

type View = "day" | "week" | "month";
const HOURS = Array.from({ length: 14 }, (_, i) => i + 8);

/** The first and last+1 local dates a view shows around `anchor`. */
function span(view: View, anchor: string): { first: string; end: string } {
  if (view === "day") return { first: anchor, end: addDays(anchor, 1) };
  if (view === "week") {
    const first = addDays(anchor, 1 - isoWeekday(anchor));
    return { first, end: addDays(first, 7) };
  }
  const firstOfMonth = `${anchor.slice(0, 8)}01`;
  const first = addDays(firstOfMonth, 1 - isoWeekday(firstOfMonth));
  return { first, end: addDays(first, 42) };
}

function EventChip({ event, timeZone }: { event: CalendarEvent; timeZone: string }) {
  const locale = currentLocale();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: event.id,
    disabled: event.done,
  });
  const color = event.overdue ? "red" : event.type === "meeting" ? "grape" : "orange";
  return (
    <Paper
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      data-testid="calendar-event"
      px={6}
      py={2}
      radius="sm"
      bg={`var(--mantine-color-${color}-light)`}
      style={{
        cursor: event.done ? "default" : "grab",
        opacity: isDragging ? 0.6 : event.done ? 0.55 : 1,
        transform: transform ? `translate(${transform.x}px, ${transform.y}px)` : undefined,
        zIndex: isDragging ? 10 : undefined,
        position: "relative",
      }}
    >
      <Text
        size="xs"
        td={event.done ? "line-through" : undefined}
        truncate
        c={event.overdue ? "red" : undefined}
      >
        {formatTime(event.start, locale, timeZone)} {event.subject}
      </Text>
    </Paper>
  );
}

function DropCell({
  id,
  label,
  children,
  muted,
  today,
}: {
  id: string;
  label: string;
  children: React.ReactNode;
  muted?: boolean;
  today?: boolean;
}) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p={4}
      radius={0}
      mih={120}
      aria-label={label}
      data-cell={id}
      bg={isOver ? "var(--mantine-color-blue-light)" : undefined}
      style={{ opacity: muted ? 0.6 : 1 }}
    >
      <Stack gap={3}>
        <Text size="xs" c={today ? "blue" : "dimmed"} fw={today ? 700 : undefined}>
          {label}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** Day, week and month views of meetings and tasks; drag one to another day (or hour) to move it. */
export function CalendarView() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locale = currentLocale();
  const tz = me.timeZone;
  const today = localDate(Date.now(), tz);
  const [view, setView] = useState<View>("week");
  const [anchor, setAnchor] = useState(today);
  const { first, end } = span(view, anchor);
  const from = new Date(startOfLocalDay(first, tz)).toISOString();
  const to = new Date(startOfLocalDay(end, tz)).toISOString();
  const { people } = usePeople();
  const [ownerId, setOwnerId] = useState(me.id);
  const events = useCalendarEvents(from, to, ownerId);
  const update = useUpdateActivity();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );

  const byDay = useMemo(() => {
    const map = new Map<string, CalendarEvent[]>();
    for (const e of events.data?.items ?? []) {
      const day = localDate(Date.parse(e.start), tz);
      map.set(day, [...(map.get(day) ?? []), e]);
    }
    return map;
  }, [events.data, tz]);

  const step = (dir: 1 | -1) => {
    if (view === "day") setAnchor(addDays(anchor, dir));
    else if (view === "week") setAnchor(addDays(anchor, 7 * dir));
    else {
      const [y, m] = anchor.split("-").map(Number) as [number, number];
      const d = new Date(Date.UTC(y, m - 1 + dir, 1));
      setAnchor(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-01`);
    }
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const event = events.data?.items.find((e) => e.id === active.id);
    if (!event) return;
    const [date, hour] = String(over.id).split("|") as [string, string | undefined];
    const dueAt = moveToDate(event.start, date, tz, hour === undefined ? undefined : Number(hour));
    if (dueAt === new Date(event.start).toISOString()) return;
    const shift = Date.parse(dueAt) - Date.parse(event.start);
    const endAt = event.end ? new Date(Date.parse(event.end) + shift).toISOString() : undefined;
    update.mutate(
      { id: event.id, body: { version: event.version, dueAt, ...(endAt ? { endAt } : {}) } },
      {
        onSuccess: () =>
          notifications.show({
            color: "green",
            message: t("activities.calendar.moved", { when: formatDateTime(dueAt, locale, tz) }),
          }),
        onError: (error) =>
          notifications.show({
            color: "red",
            title: t("errors.title"),
            message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
          }),
      },
    );
  };

  const days = Array.from({ length: view === "month" ? 42 : view === "week" ? 7 : 1 }, (_, i) =>
    addDays(first, i),
  );
  const month = anchor.slice(0, 7);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon variant="default" onClick={() => step(-1)} aria-label={t("activities.calendar.prev")}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Button variant="default" size="xs" onClick={() => setAnchor(today)}>
            {t("activities.calendar.today")}
          </Button>
          <ActionIcon variant="default" onClick={() => step(1)} aria-label={t("activities.calendar.next")}>
            <IconChevronRight size={16} />
          </ActionIcon>
          <Text fw={600}>
            {view === "month"
              ? formatDay(anchor, locale, { month: "long", year: "numeric" })
              : view === "week"
                ? `${formatDay(first, locale, { day: "numeric", month: "short" })} — ${formatDay(addDays(end, -1), locale, { day: "numeric", month: "short", year: "numeric" })}`
                : formatDay(anchor, locale, {
                    weekday: "long",
                    day: "numeric",
                    month: "long",
                    year: "numeric",
                  })}
          </Text>
        </Group>
        <Group gap="sm">
          {people.length > 1 && (
            <NativeSelect
              aria-label={t("activities.fields.owner")}
              value={ownerId}
              onChange={(e) => setOwnerId(e.currentTarget.value)}
              data={people.filter((p) => p.active).map((p) => ({ value: p.id, label: p.fullName }))}
            />
          )}
          <SegmentedControl
            aria-label={t("activities.calendar.view")}
            value={view}
            onChange={(v) => setView(v as View)}
            data={(["day", "week", "month"] as const).map((v) => ({
              value: v,
              label: t(`activities.calendar.${v}`),
            }))}
          />
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t("activities.calendar.dragHint")}
      </Text>
      <ErrorAlert error={events.error ?? update.error} />
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        {view === "day" ? (
          <Stack gap={0}>
            {HOURS.map((hour) => (
              <DropCell key={hour} id={`${anchor}|${hour}`} label={`${String(hour).padStart(2, "0")}:00`}>
                {(byDay.get(anchor) ?? [])
                  .filter((e) => {
                    const h = wallClock(Date.parse(e.start), tz).hour;
                    return (
                      h === hour || (hour === HOURS[0] && h < hour) || (hour === HOURS.at(-1) && h > hour)
                    );
                  })
                  .map((e) => (
                    <EventChip key={e.id} event={e} timeZone={tz} />
                  ))}
              </DropCell>
            ))}
          </Stack>
        ) : (
          <SimpleGrid cols={7} spacing={0} verticalSpacing={0}>
            {days.map((day) => (
              <DropCell
                key={day}
                id={day}
                muted={view === "month" && !day.startsWith(month)}
                today={day === today}
                label={formatDay(
                  day,
                  locale,
                  view === "week" ? { weekday: "short", day: "numeric" } : { day: "numeric" },
                )}
              >
                {(byDay.get(day) ?? []).map((e) => (
                  <EventChip key={e.id} event={e} timeZone={tz} />
                ))}
              </DropCell>
            ))}
          </SimpleGrid>
        )}
      </DndContext>
    </Stack>
  );
}
