import type { Catalogue } from "../catalogue";

/** Texts of the activities screens; the English catalogue is typed against the Russian one. */
export const activitiesRu = {
  title: "Дела",
};

export const activitiesEn: Catalogue<typeof activitiesRu> = {
  title: "Activities",
};
