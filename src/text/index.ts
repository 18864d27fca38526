export { nfc, cleanText, deepNfc, hasInvalidText } from './nfc.ts';
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
export {
  NUMBER_LIMIT,
  farAbove,
  formatNumberExact,
  formatWhileTyping,
  isFar,
  measureAllowsDecimals,
  numberMessage,
  numberMessages,
  parseFigure,
  parseNumber,
  type NumberRule,
  type ParsedNumber,
} from './numbers.ts';
