import { describe, expect, it } from 'vitest';
import { json, problem } from '../test/server';
import { hub } from '../test/setup';
import { csrfFetch, readCsrfToken } from './csrf';

const url = (path: string) => new URL(path, window.location.origin).toString();

describe('csrfFetch', () => {
  it('reads the token from the cookie', () => {
    document.cookie = 'other=1; path=/';
    document.cookie = 'XSRF-TOKEN=a%3Db; path=/';
    expect(readCsrfToken()).toBe('a=b');
  });

  it('does not send the token on safe requests', async () => {
    hub.on('GET', '/api/session', json({}));
    await csrfFetch(new Request(url('/api/session')));
    expect(hub.sent('GET', '/api/session')[0]?.headers.get('X-XSRF-TOKEN')).toBeNull();
  });

  it('retries only once when the token stays invalid', async () => {
    const csrf = problem(403, { title: 'CSRF token missing or invalid' });
    hub.on('POST', '/api/accounts', csrf);
    hub.on('GET', '/api/session', problem(401));
    const response = await csrfFetch(
      new Request(url('/api/accounts'), { method: 'POST', body: '{"email":"a@b.c"}' }),
    );
    expect(response.status).toBe(403);
    expect(hub.sent('POST', '/api/accounts')).toHaveLength(2);
    expect(hub.sent('POST', '/api/accounts')[1]?.body).toEqual({ email: 'a@b.c' });
  });

  it('does not retry other 403s', async () => {
    hub.on('POST', '/api/session', problem(403, { title: 'Email not verified' }));
    const response = await csrfFetch(new Request(url('/api/session'), { method: 'POST' }));
    expect(response.status).toBe(403);
    expect(hub.sent('POST', '/api/session')).toHaveLength(1);
    expect(hub.sent('GET', '/api/session')).toHaveLength(0);
  });
});
