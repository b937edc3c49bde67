import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Scope } from '@rectify/db';
import {
  appendEvent,
  deleteSessionsOfUser,
  findUnit,
  findUser,
  findUserByUsername,
  insertUser,
  replaceGrants,
  updateUser,
  type Executor,
  type UserRow,
} from '@rectify/db';
import {
  conflict,
  forbidden,
  notFound,
  passwordProblems,
  type createUserBody,
  type RoleGrant,
  type updateUserBody,
} from '@rectify/domain';
import { audit } from '../../plugins/auth.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { passwordPolicyError } from '../auth/service.ts';

/** A grant may only be handed out inside the granter's own scope (no privilege escalation by scope). */
async function checkGrantsWithin(db: Executor, scope: Scope, grants: RoleGrant[]): Promise<void> {
  for (const g of grants) {
    if (g.regionCode && !scope.coversRegion(g.regionCode)) {
      throw forbidden(`不能在您管辖范围以外授权（${g.regionCode}）`);
    }
    if (g.unitId && !(await findUnit(db, scope, g.unitId))) throw notFound(`授权单位 ${g.unitId}`);
  }
}

export interface CreateUserOptions {
  /** Skips the password policy: only for demo seeding with a generated password. */
  trustedPassword?: boolean;
}

/** Creates an account with its grants; used by the API, the CLI and the demo seed. */
export async function createUser(
  db: Executor,
  scope: Scope,
  actor: { userId: string | null; username: string | null },
  input: z.infer<typeof createUserBody>,
): Promise<UserRow> {
  const problems = passwordProblems(input.password, input.username);
  if (problems.length > 0) throw passwordPolicyError(problems);
  const unit = await findUnit(db, scope, input.unitId);
  if (!unit) throw notFound('所属单位');
  await checkGrantsWithin(db, scope, input.grants);
  if (await findUserByUsername(db, input.username)) throw conflict(`用户名 ${input.username} 已被使用`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await insertUser(
      tx,
      {
        username: input.username,
        displayName: input.displayName,
        unitId: unit.id,
        regionCode: unit.regionCode,
        passwordHash,
      },
      input.grants,
    );
    await appendEvent(tx, {
      actorUserId: actor.userId,
      actorUsername: actor.username,
      type: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      regionCode: user.regionCode,
      unitId: user.unitId,
      payload: { username: user.username, grants: input.grants },
    });
    return user;
  });
}

export async function updateUserAccount(
  request: FastifyRequest,
  scope: Scope,
  id: string,
  input: z.infer<typeof updateUserBody>,
) {
  const db = request.server.ctx.database.db;
  const actor = request.actor!;
  const current = await findUser(db, scope, id);
  if (!current) throw notFound('用户');
  if (input.grants) await checkGrantsWithin(db, scope, input.grants);
  if (input.password !== undefined) {
    const problems = passwordProblems(input.password, current.username);
    if (problems.length > 0) {
      await audit(request, { action: 'user.password_reset', outcome: 'failure', details: { userId: id, problems } });
      throw passwordPolicyError(problems);
    }
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  const updated = await db.transaction(async (tx) => {
    const row = await updateUser(tx, id, input.version, {
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.disabled !== undefined && { disabled: input.disabled }),
      ...(input.unlock && { lockedUntil: null, failedLogins: 0 }),
      ...(passwordHash && { passwordHash, passwordChangedAt: new Date(), mustChangePassword: true }),
    });
    if (!row) throw conflict('用户已被他人修改，请刷新后重试', { currentVersion: current.version });
    if (input.grants) await replaceGrants(tx, id, input.grants);
    // A disabled account or a reset password ends the user's sessions at once.
    if (input.disabled || passwordHash) await deleteSessionsOfUser(tx, id);
    await appendEvent(tx, {
      actorUserId: actor.userId,
      actorUsername: actor.username,
      type: 'user.updated',
      subjectType: 'user',
      subjectId: id,
      regionCode: row.regionCode,
      unitId: row.unitId,
      payload: {
        displayName: input.displayName,
        disabled: input.disabled,
        unlock: input.unlock,
        grants: input.grants,
        passwordReset: passwordHash !== undefined,
      },
    });
    return row;
  });
  const details = { userId: id, username: current.username };
  if (input.grants)
    await audit(request, {
      action: 'user.grants_change',
      outcome: 'success',
      details: { ...details, grants: input.grants },
    });
  if (input.disabled !== undefined)
    await audit(request, { action: input.disabled ? 'user.disable' : 'user.enable', outcome: 'success', details });
  if (input.unlock) await audit(request, { action: 'user.unlock', outcome: 'success', details });
  if (passwordHash) await audit(request, { action: 'user.password_reset', outcome: 'success', details });
  return findUser(db, scope, updated.id);
}
