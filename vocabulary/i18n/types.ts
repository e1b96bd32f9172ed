declare const PLURAL: unique symbol;

/**
 * A Vietnamese string said with `{{count}}` that English inflects. Vietnamese has no plural forms and keeps
 * one key (i18next, finding no `<key>_other` for "vi", falls back to `<key>`); the English translation gives
 * the i18next plural keys `<key>_one` and `<key>_other` instead of `<key>` (checked by `tsc`).
 */
export type Plural = string & { readonly [PLURAL]: true };

/** Marks a Vietnamese string as counted (see Plural): `left: plural("còn {{count}} ngày làm việc")`. */
export const plural = (text: string): Plural => text as Plural;

/**
 * The shape of a translation: same keys as the Vietnamese source, every leaf a string — except that a
 * Plural leaf `key` is translated as `key_one` and `key_other`.
 */
export type Translation<T> = {
  [K in keyof T as T[K] extends Plural ? never : K]: T[K] extends string ? string : Translation<T[K]>;
} & {
  [K in keyof T as T[K] extends Plural ? `${K & string}_one` | `${K & string}_other` : never]: string;
};
