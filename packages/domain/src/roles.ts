/** The roles of DESIGN §2 plus the two extra duties of 三员分立 (separation of duties). */
export const ROLES = [
  'admin',
  'security_admin',
  'audit_admin',
  'cppcc_staff',
  'member',
  'supervisor',
  'leader',
  'unit_liaison',
  'unit_head',
  'evaluator',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles whose people work for the CPPCC or government and so may be required to use a second factor. */
export const STAFF_ROLES: readonly Role[] = [
  'admin',
  'security_admin',
  'audit_admin',
  'cppcc_staff',
  'supervisor',
  'leader',
  'unit_head',
];

/** Roles shown in the demo and on the sign-in page; one demo account per role. */
export const DEMO_ROLES: readonly Role[] = [
  'admin',
  'cppcc_staff',
  'member',
  'supervisor',
  'leader',
  'unit_liaison',
  'unit_head',
  'evaluator',
];
