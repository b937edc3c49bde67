import { and, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { grantsFor, regionPrefix, type Action, type Actor, type PolicyOptions, type RoleGrant } from '@rectify/domain';
import { auditLog, events, units, users } from './schema/index.ts';

/**
 * How a table's rows fall into a caller's scope: by region subtree (prefix of `region_code`) for region grants,
 * and by the unit the row belongs to for unit grants.
 */
export interface ScopeRule {
  region: AnyPgColumn;
  /** Condition for rows belonging to any of these units; absent → unit grants see no rows of this table. */
  unit?: (unitIds: string[]) => SQL;
}

const rules = new Map<PgTable, ScopeRule>();

/** Registers a table as scoped. Every table with `region_code` whose rows are not public registers here. */
export function registerScopedTable(table: PgTable, rule: ScopeRule): void {
  rules.set(table, rule);
}

registerScopedTable(units, { region: units.regionCode, unit: (ids) => inArray(units.id, ids) });
registerScopedTable(users, { region: users.regionCode, unit: (ids) => inArray(users.unitId, ids) });
registerScopedTable(events, { region: events.regionCode, unit: (ids) => inArray(events.unitId, ids) });
registerScopedTable(auditLog, { region: auditLog.regionCode });

/**
 * The rows a caller may see for one action. This is the single place where scope becomes SQL: query functions
 * over scoped tables take a `Scope` and AND `scope.where(table)` into every read, count and export.
 */
export class Scope {
  private constructor(
    readonly grants: readonly RoleGrant[],
    private readonly unrestricted: boolean,
  ) {}

  /** The caller's scope for `action`: the union of the grants whose role carries the action. */
  static of(actor: Actor, action: Action, policy: PolicyOptions): Scope {
    return new Scope(grantsFor(actor, action, policy), false);
  }

  /** For jobs, seeding and the CLI, which act for the platform itself. Never built from a request. */
  static system(): Scope {
    return new Scope([], true);
  }

  get isEmpty(): boolean {
    return !this.unrestricted && this.grants.length === 0;
  }

  where(table: PgTable): SQL {
    if (this.unrestricted) return sql`true`;
    const rule = rules.get(table);
    if (!rule) throw new Error('table is not registered as scoped');
    const parts: SQL[] = [];
    const prefixes = [...new Set(this.grants.flatMap((g) => (g.regionCode ? [regionPrefix(g.regionCode)] : [])))];
    for (const prefix of prefixes) parts.push(like(rule.region, `${prefix}%`));
    const unitIds = [...new Set(this.grants.flatMap((g) => (g.unitId ? [g.unitId] : [])))];
    if (unitIds.length > 0 && rule.unit) parts.push(rule.unit(unitIds));
    if (parts.length === 0) return sql`false`;
    return or(...parts) as SQL;
  }

  /** `scope.where(table)` AND the given filters. */
  filter(table: PgTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(this.where(table), ...conditions) as SQL;
  }

  /** True when a region code lies inside one of the region grants (for checks on writes). */
  coversRegion(code: string): boolean {
    return (
      this.unrestricted || this.grants.some((g) => g.regionCode !== null && code.startsWith(regionPrefix(g.regionCode)))
    );
  }

  coversUnit(unitId: string, unitRegionCode: string): boolean {
    return this.coversRegion(unitRegionCode) || this.grants.some((g) => g.unitId === unitId);
  }
}
