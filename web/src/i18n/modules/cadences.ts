import type { Catalogue } from "../catalogue";

/** Texts of the cadences screens; the English catalogue is typed against the Russian one. */
export const cadencesRu = {
  title: "Схемы работы",
};

export const cadencesEn: Catalogue<typeof cadencesRu> = {
  title: "Contact schemes",
};
