/** MySQL migrations of the identity database, in order. */
export const identityMigrations: Function[] = [];
