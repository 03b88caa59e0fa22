import { vi } from 'vitest';

/**
 * A fake hub at the `fetch` level: tests declare answers per method and path, and can read every
 * request the app sent. A request nobody declared fails the test (nothing reaches the network).
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Answer = Response | ((request: RecordedRequest) => Response | Promise<Response>);

interface Route {
  method: string;
  path: string;
  answer: Answer;
  once: boolean;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  fields: { title?: string; detail?: string; errors?: { field: string; message: string }[] } = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', status, ...fields }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function noContent(status = 204): Response {
  return new Response(null, { status });
}

export class FakeHub {
  private routes: Route[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly unhandled: string[] = [];

  /** Answers every `method path` request (the latest declaration wins). */
  on(method: string, path: string, answer: Answer): this {
    this.routes.unshift({ method, path, answer, once: false });
    return this;
  }

  /** Answers the next `method path` request only, before any `on` (in the order declared). */
  once(method: string, path: string, answer: Answer): this {
    this.routes.push({ method, path, answer, once: true });
    return this;
  }

  /** The requests sent to `method path`. */
  sent(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  install(): void {
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      this.handle(new Request(input, init)),
    );
  }

  private async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const text = await request.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname + url.search,
      headers: request.headers,
      body,
    };
    this.requests.push(recorded);
    const matches = (route: Route) =>
      route.method === request.method && route.path === url.pathname;
    const onceIndex = this.routes.findIndex((route) => route.once && matches(route));
    const index = onceIndex >= 0 ? onceIndex : this.routes.findIndex(matches);
    const route = this.routes[index];
    if (!route) {
      this.unhandled.push(`${request.method} ${url.pathname}`);
      throw new TypeError(`No fake answer for ${request.method} ${url.pathname}`);
    }
    if (route.once) this.routes.splice(index, 1);
    const answer = typeof route.answer === 'function' ? await route.answer(recorded) : route.answer;
    return answer.clone();
  }
}
