/** The shape of a translation: same keys as the Vietnamese source, every leaf a string. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
