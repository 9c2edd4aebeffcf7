import type { Catalogue } from "../catalogue";

/** Texts of the proposals screens; the English catalogue is typed against the Russian one. */
export const proposalsRu = {
  title: "Коммерческие предложения",
};

export const proposalsEn: Catalogue<typeof proposalsRu> = {
  title: "Proposals",
};
