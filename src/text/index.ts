export { nfc, cleanText, deepNfc } from './nfc.ts';
export { fold, slugify } from './fold.ts';
export {
  TIME_ZONE,
  formatDateTime,
  formatDate,
  formatNumber,
  parseVietnameseDateTime,
  placeDateLine,
  vnDayStartIso,
} from './format.ts';
export { compareVietnameseNames, givenName } from './names.ts';
