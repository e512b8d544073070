// How a contract method is declared: its request and response schemas and the error codes it may return.
import type { z } from 'zod';
import type { ErrorCode } from '../result.ts';

export interface MethodDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
  /** Error codes besides 'bad-request' and 'internal', which any method may return. */
  readonly errors: readonly ErrorCode[];
  /** Chinese one-liner for docs and logs. */
  readonly summary: string;
}

export const method = <Req extends z.ZodType, Res extends z.ZodType>(
  def: MethodDef<Req, Res>,
): MethodDef<Req, Res> => def;
