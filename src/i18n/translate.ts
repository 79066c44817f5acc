/**
 * The function every text for people comes through: a message id from the locale files
 * (locales/<language>/*.ftl, Fluent syntax) and its variables. Pure modules take one as a
 * parameter, so they never know which language they write in.
 */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;
