export type PersonalDataKind =
  | 'idCard'
  | 'bankCard'
  | 'mobile'
  | 'landline'
  | 'longNumber'
  | 'email'
  | 'name'
  | 'address'
  | 'plate';

/** A stretch of the input [start, end) holding personal data and its masked replacement. */
export interface PersonalDataSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
  masked: string;
}
