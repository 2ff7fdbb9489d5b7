import type { z } from 'zod';
import type { Permission } from './roles';

/**
 * Who may call an operation: `public` needs no session (first-run setup, login);
 * `session` needs any logged-in user; a Permission needs a role that holds it.
 */
export type Access = 'public' | 'session' | Permission;

export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Chinese title, shown in the audit log. */
  title: string;
  /** `write` operations go through the audited write path; `read` ones never write. */
  kind: 'read' | 'write';
  access: Access;
  input: I;
  output: O;
  /** A locked session may still call this (unlock, logout, status). */
  allowWhenLocked?: boolean;
  /** A user who must still replace an initial or reset password may call this (nothing else). */
  allowWithInitialPassword?: boolean;
}

export function op<I extends z.ZodType, O extends z.ZodType, K extends 'read' | 'write'>(
  def: OperationDef<I, O> & { kind: K },
): OperationDef<I, O> & { kind: K } {
  return def;
}
