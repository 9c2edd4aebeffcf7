import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Activity,
  ActivityComplete,
  ActivityCreate,
  ActivityType,
  ActivityUpdate,
  CalendarEvent,
  CalendarFeed,
  MyDay,
} from "../../../../contracts/activities";
import type { Notification } from "../../../../contracts/notifications";
import { api, type Page } from "../../lib/api";

export const activitiesKey = ["activities"] as const;

export type ActivityFilters = {
  companyId?: string;
  contactId?: string;
  dealId?: string;
  type?: ActivityType | "";
  status?: "open" | "done" | "overdue" | "";
};

export function useActivities(filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: [...activitiesKey, "list", filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Activity>>(
        "/activities",
        {
          limit: 50,
          cursor: pageParam,
          companyId: filters.companyId,
          contactId: filters.contactId,
          dealId: filters.dealId,
          type: filters.type || undefined,
          status: filters.status || undefined,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMyDay() {
  return useQuery({
    queryKey: [...activitiesKey, "my-day"],
    queryFn: ({ signal }) => api.get<MyDay>("/activities/my-day", undefined, signal),
    refetchInterval: 60_000,
  });
}

export function useCalendarEvents(from: string, to: string, ownerId?: string) {
  return useQuery({
    queryKey: [...activitiesKey, "calendar", from, to, ownerId],
    queryFn: ({ signal }) =>
      api.get<{ items: CalendarEvent[] }>("/calendar/events", { from, to, ownerId }, signal),
  });
}

/** Any change to an activity shows in every list, My day, the calendar and the company card. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: activitiesKey }),
      queryClient.invalidateQueries({ queryKey: ["companies"] }),
      queryClient.invalidateQueries({ queryKey: ["notifications"] }),
    ]);
}

export function useCreateActivity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ActivityCreate) => api.post<Activity>("/activities", body),
    onSuccess: refresh,
  });
}

export function useUpdateActivity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ActivityUpdate }) =>
      api.patch<Activity>(`/activities/${encodeURIComponent(id)}`, body),
    onSuccess: refresh,
  });
}

export function useCompleteActivity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ActivityComplete }) =>
      api.post<Activity>(`/activities/${encodeURIComponent(id)}/complete`, body),
    onSuccess: refresh,
  });
}

export function useReopenActivity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post<Activity>(`/activities/${encodeURIComponent(id)}/reopen`, { version }),
    onSuccess: refresh,
  });
}

export const notificationsKey = ["notifications"] as const;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, "unread"],
    queryFn: ({ signal }) => api.get<{ count: number }>("/notifications/unread-count", undefined, signal),
    refetchInterval: 60_000,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, "list"],
    queryFn: ({ signal }) => api.get<Page<Notification>>("/notifications", { limit: 20 }, signal),
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | "all") =>
      id === "all"
        ? api.post("/notifications/read-all")
        : api.post(`/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: ["calendar-feed"],
    queryFn: ({ signal }) => api.get<CalendarFeed>("/calendar/feed", undefined, signal),
  });
}

export function useRotateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeed>("/calendar/feed"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["calendar-feed"] }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<CalendarFeed>("/calendar/feed"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["calendar-feed"] }),
  });
}
