export { maskPersonalData, findPersonalData } from './maskPersonalData.ts';
export { maskName, maskPhone, maskEmail, maskIdNumber, maskBankCard, maskLongNumber } from './fields.ts';
export { luhnValid } from './luhn.ts';
export type { PersonalDataKind, PersonalDataSpan } from './types.ts';
