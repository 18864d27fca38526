/** Tables of the public portal (articles, categories, views). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the feature lands
export interface PortalTables {}
