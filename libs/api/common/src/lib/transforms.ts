/** class-transformer `@Transform` helpers shared by request DTOs. */

/** Surrounding spaces are never part of a name, an e-mail or a search. */
export const trimText = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** For optional texts: an empty one clears the field. */
export const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value;
