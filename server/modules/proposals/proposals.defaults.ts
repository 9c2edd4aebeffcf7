import type { Db } from "../../platform/db/client";
import { clientTermsOf, termsTemplateTexts } from "./pricing.repo";
import type { OrganisationRow } from "./proposals.repo";

/**
 * Terms a new proposal takes (clause 2.11): the client's individual terms (free text, else the
 * template chosen for the client), else the first active template of the kind.
 */
export async function defaultTerms(
  db: Db,
  workspaceId: string,
  companyId: string,
): Promise<{ paymentTerms: string | null; deliveryTerms: string | null }> {
  const terms = await clientTermsOf(db, workspaceId, companyId);
  const pick = async (
    kind: "payment" | "delivery",
    text: string | null | undefined,
    id: string | null | undefined,
  ) =>
    text?.trim()
      ? text
      : ((id ? await termsTemplateTexts(db, workspaceId, kind, id) : null) ??
        (await termsTemplateTexts(db, workspaceId, kind, null)));
  return {
    paymentTerms: await pick("payment", terms?.paymentText, terms?.paymentTermsId),
    deliveryTerms: await pick("delivery", terms?.deliveryText, terms?.deliveryTermsId),
  };
}

/** «Генеральный директор Иванов И. И.»: who signs for the organisation by default. */
export function defaultSignatory(org: OrganisationRow): string | null {
  if (!org.director) return null;
  return `${org.directorTitle ?? "Генеральный директор"} ${org.director}`;
}
