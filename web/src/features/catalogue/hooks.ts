import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { Product, ProductGroup, ProductImportResult } from "../../../../contracts/catalogue";
import type { Organisation, RoleLimits, UserLimits } from "../../../../contracts/organisations";
import type {
  DiscountRule,
  DiscountRuleSet,
  PriceItem,
  PriceList,
  SegmentPriceList,
} from "../../../../contracts/pricing";
import type { ClientTerms, TermsTemplate } from "../../../../contracts/terms";
import { api, type Page } from "../../lib/api";

export const catalogueKey = ["catalogue"] as const;
const key = (...parts: unknown[]) => [...catalogueKey, ...parts];

export function useProducts(filters: { q: string; groupId: string | null }, enabled = true) {
  return useInfiniteQuery({
    queryKey: key("products", filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Product>>(
        "/products",
        { limit: 50, cursor: pageParam, q: filters.q.trim(), groupId: filters.groupId },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Small reference lists (groups, price lists, templates, rule sets) are read whole: up to 200. */
function useAll<T>(name: string, path: string, query: Record<string, string> = {}) {
  return useQuery({
    queryKey: key(name, query),
    queryFn: () => api.get<Page<T>>(path, { limit: 200, ...query }).then((p) => p.items),
  });
}

export const useGroups = () => useAll<ProductGroup>("groups", "/product-groups");
export const usePriceLists = () => useAll<PriceList>("priceLists", "/price-lists");
export const useRuleSets = () => useAll<DiscountRuleSet>("ruleSets", "/discount-rule-sets");
export const useRules = () => useAll<DiscountRule>("rules", "/discount-rules");
export const useTemplates = () => useAll<TermsTemplate>("templates", "/terms-templates");
export const useOrganisations = () => useAll<Organisation>("organisations", "/organisations");
export const useUserLimits = () => useAll<UserLimits>("userLimits", "/user-limits");

export function useUnits() {
  return useQuery({
    queryKey: key("units"),
    queryFn: () => api.get<{ code: string; short: string; name: string }[]>("/units"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePrices(priceListId: string | null) {
  return useQuery({
    queryKey: key("prices", priceListId),
    queryFn: () => api.get<Page<PriceItem>>(`/price-lists/${priceListId}/prices`, { limit: 200 }),
    enabled: priceListId !== null,
  });
}

export function useSegments() {
  return useQuery({
    queryKey: key("segments"),
    queryFn: () => api.get<{ items: SegmentPriceList[] }>("/segment-price-lists").then((r) => r.items),
  });
}

export function useRoleLimits() {
  return useQuery({ queryKey: key("roleLimits"), queryFn: () => api.get<RoleLimits>("/authority-limits") });
}

export function useClientTerms(companyId: string) {
  return useQuery({
    queryKey: key("clientTerms", companyId),
    queryFn: () => api.get<ClientTerms>(`/companies/${companyId}/terms`),
  });
}

/** Any write of the catalogue refreshes the catalogue's queries (they are small). */
export function useCatalogueWrite<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}

/** Multipart upload of a catalogue file (a dry run checks it and writes nothing). */
export function uploadCatalogue(file: File, dryRun: boolean): Promise<ProductImportResult> {
  const form = new FormData();
  form.append("dryRun", String(dryRun));
  form.append("file", file);
  return api.upload<ProductImportResult>("/products/import", form);
}
