/** Same shape as a Russian catalogue, with every leaf a string: a missing or extra key is a type error. */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
