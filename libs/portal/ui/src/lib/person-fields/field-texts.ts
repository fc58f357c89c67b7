/**
 * The page's translate function, with the prefix under which it keeps the keys a field piece reads (as the `t` of
 * `*transloco="let t; prefix: 'clients.form'"`).
 */
export type FieldTexts = (key: string, params?: Record<string, unknown>) => string;
