/** Tables of the reporting feature (periods, templates, unit reports, indicators, targets). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the feature lands
export interface ReportTables {}
