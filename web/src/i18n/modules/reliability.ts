import type { Catalogue } from "../catalogue";

/** Texts of the reliability screens; the English catalogue is typed against the Russian one. */
export const reliabilityRu = {
  title: "Надёжность",
};

export const reliabilityEn: Catalogue<typeof reliabilityRu> = {
  title: "Reliability",
};
