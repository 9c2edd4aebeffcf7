import type { Catalogue } from "../catalogue";

/** Texts of the deals screens; the English catalogue is typed against the Russian one. */
export const dealsRu = {
  title: "Сделки",
};

export const dealsEn: Catalogue<typeof dealsRu> = {
  title: "Deals",
};
