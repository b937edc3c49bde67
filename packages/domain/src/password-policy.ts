/** Password policy (等保 2.0 level 3 practice): length, character classes, not the username. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Returns the reasons a password breaks the policy; empty when it is acceptable. */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码不超过 ${PASSWORD_MAX_LENGTH} 位`);
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码需包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  if (/(.)\1{3,}/.test(password)) problems.push('密码不能含有连续 4 个以上相同字符');
  return problems;
}
