import type { Credentials } from "../auth/credentials";

/** One invalid input of a 400 answer (problem+json "errors"). */
export type FieldError = { field: string; message: string };

/** An API answer other than success, in plain words (never the raw JSON). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | null,
    readonly errors: FieldError[],
  ) {
    super(detail ?? title);
  }
}

export type Query = Record<string, string | number | null | undefined>;

export type RequestOptions = {
  method?: "GET" | "PUT" | "POST";
  query?: Query;
  /** A JSON value (sent as application/json) or raw bytes/text with contentType. */
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  accept?: string;
};

let credentials: Credentials | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set by the shell at sign-in: every request carries these credentials; a 401 signs out. */
export function useCredentials(next: Credentials | null, unauthorized: (() => void) | null): void {
  credentials = next;
  onUnauthorized = unauthorized;
}

/** The URL of an API path under /api with its query (never a key: keys travel in headers). */
export function apiUrl(path: string, query?: Query): string {
  const url = new URL(`/api/${path.replace(/^\/+/, "")}`, window.location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(name, String(value));
  }
  return url.pathname + url.search;
}

/** Sends one API request with the signed-in principal's credentials; throws ApiError for any non-2xx answer. */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? "application/json" };
  const signed = credentials === null ? null : await credentials.headers();
  if (signed === null) throw new ApiError(401, "You are not signed in", "Sign in to see this page.", []);
  Object.assign(headers, signed);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] = "application/json";
  } else if (options.contentType) {
    headers["content-type"] = options.contentType;
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), { method: options.method ?? "GET", headers, body, cache: "no-store" });
  } catch {
    throw new ApiError(0, "The service cannot be reached", "Check the connection and try again.", []);
  }

  if (response.ok) return response;
  const error = await problemOf(response);
  if (response.status === 401) onUnauthorized?.();
  throw error;
}

export async function getJson<T>(path: string, query?: Query): Promise<T> {
  return (await (await apiFetch(path, { query })).json()) as T;
}

export async function putJson<T>(path: string, value: unknown): Promise<T> {
  return (await (await apiFetch(path, { method: "PUT", json: value })).json()) as T;
}

export async function postBody<T>(path: string, body: BodyInit, contentType: string, query?: Query): Promise<T> {
  return (await (await apiFetch(path, { method: "POST", body, contentType, query })).json()) as T;
}

/** A download (e.g. CSV): the answer's bytes. */
export async function getBlob(path: string, query: Query, accept: string): Promise<Blob> {
  return await (await apiFetch(path, { query, accept })).blob();
}

async function problemOf(response: Response): Promise<ApiError> {
  const fallback = plainTitle(response.status);
  try {
    const type = response.headers.get("content-type") ?? "";
    if (type.includes("json")) {
      const problem = (await response.json()) as { title?: string; detail?: string; errors?: FieldError[] };
      return new ApiError(response.status, problem.title ?? fallback, problem.detail ?? null, Array.isArray(problem.errors) ? problem.errors : []);
    }
  } catch {
    // Not problem+json: the plain title below.
  }
  return new ApiError(response.status, fallback, null, []);
}

function plainTitle(status: number): string {
  switch (status) {
    case 401: return "You are not signed in";
    case 403: return "You may not see this";
    case 404: return "Nothing to show";
    case 429: return "Too many requests: wait a moment and try again";
    default: return status >= 500 ? "The service failed to answer" : `The request was refused (HTTP ${status})`;
  }
}
