import type { Catalogue } from "../catalogue";

/** Texts of the catalogue screens; the English catalogue is typed against the Russian one. */
export const catalogueRu = {
  title: "Каталог",
};

export const catalogueEn: Catalogue<typeof catalogueRu> = {
  title: "Catalogue",
};
