// Small helpers shared by the API routes: body and query validation with zod, and errors the server's error
// handler turns into JSON with their status (4xx messages name the field, never echo what was sent).
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    throw new HttpError(400, problems.join('; '));
  }
  return result.data;
}

export function isJson(request: FastifyRequest): boolean {
  return /^application\/json\b/i.test(request.headers['content-type'] ?? '');
}

export function notFound(what: string): HttpError {
  return new HttpError(404, `no such ${what}`);
}
