import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Import,
  ImportCreateJson,
  ImportEntity,
  ImportPreview,
  ImportSummary,
} from "../../../../contracts/imports";
import { currentLocale } from "../../i18n";
import { ApiError, api, buildUrl, parseProblem } from "../../lib/api";
import { planRows, readCsvHead } from "./plan";

export const importsKey = ["imports"] as const;
type Summary = z.infer<typeof ImportSummary>;

export function useUploadPreview() {
  return useMutation({
    mutationFn: ({ file, entity }: { file: File; entity: ImportEntity }) => {
      const form = new FormData();
      form.append("entity", entity);
      form.append("file", file);
      return api.upload<ImportPreview>("/imports/preview", form);
    },
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportCreateJson) => api.post<Import>("/imports", body),
    onSuccess: (created) => {
      queryClient.setQueryData([...importsKey, "one", created.id], created);
      return queryClient.invalidateQueries({ queryKey: [...importsKey, "list"] });
    },
  });
}

const active = (status: Import["status"] | undefined) => status === "queued" || status === "running";

/** The import, polled every second while it runs: the id in the URL is enough to follow it after a reload. */
export function useImport(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...importsKey, "one", id],
    queryFn: async ({ signal }) => {
      const result = await api.get<Import>(`/imports/${encodeURIComponent(id)}`, undefined, signal);
      // A finished real import changed the client list.
      if (!result.dryRun && !active(result.status))
        void queryClient.invalidateQueries({ queryKey: ["companies"] });
      return result;
    },
    refetchInterval: (query) => (active(query.state.data?.status) ? 1000 : false),
    staleTime: 0,
  });
}

export function useImportPlan(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...importsKey, "plan", id],
    queryFn: async ({ signal }) => {
      const response = await fetch(buildUrl(`/imports/${encodeURIComponent(id)}/plan.csv`), {
        credentials: "same-origin",
        headers: { "Accept-Language": currentLocale() },
        signal,
      });
      if (!response.ok)
        throw new ApiError(parseProblem(response.status, await response.json().catch(() => undefined)));
      const { records, truncated } = await readCsvHead(response, 500);
      return { rows: planRows(records), truncated };
    },
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCancelImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Import>(`/imports/${encodeURIComponent(id)}/cancel`),
    onSuccess: (row) => queryClient.setQueryData([...importsKey, "one", row.id], row),
  });
}

export function useRecentImports() {
  return useQuery({
    queryKey: [...importsKey, "list"],
    queryFn: ({ signal }) =>
      api.get<{ items: Summary[]; nextCursor: string | null }>("/imports", { limit: 10 }, signal),
  });
}

export const reportUrl = (id: string, kind: "errors" | "plan") =>
  buildUrl(`/imports/${encodeURIComponent(id)}/${kind}.csv`);
