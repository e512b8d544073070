import { describe, expect, it } from 'vitest';
import { API_PATH_PREFIX, TOKEN_HEADER } from '../../shared/api.ts';
import {
  createHttpTransport,
  isResultEnvelope,
  MISSING_TOKEN_MESSAGE,
  NETWORK_ERROR_MESSAGE,
} from '../../renderer/src/api/http-transport.ts';
import { takeTokenFromHash } from '../../renderer/src/api/hash-token.ts';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('takeTokenFromHash', () => {
  it('takes the token and keeps other fragment parameters', () => {
    expect(takeTokenFromHash('#token=abc-DEF_123')).toEqual({ token: 'abc-DEF_123', remainingHash: '' });
    expect(takeTokenFromHash('#page=home&token=x1&y=2')).toEqual({
      token: 'x1',
      remainingHash: '#page=home&y=2',
    });
  });
  it('decodes percent escapes and leaves a bad escape as it is', () => {
    expect(takeTokenFromHash('#token=a%2Bb')).toEqual({ token: 'a+b', remainingHash: '' });
    expect(takeTokenFromHash('#token=%E0%A4%A')).toEqual({ token: '%E0%A4%A', remainingHash: '' });
  });
  it('gives null without a token', () => {
    expect(takeTokenFromHash('')).toEqual({ token: null, remainingHash: '' });
    expect(takeTokenFromHash('#')).toEqual({ token: null, remainingHash: '' });
    expect(takeTokenFromHash('#token=')).toEqual({ token: null, remainingHash: '' });
    expect(takeTokenFromHash('#other=1')).toEqual({ token: null, remainingHash: '#other=1' });
  });
});

describe('isResultEnvelope', () => {
  it('accepts both shapes and nothing else', () => {
    expect(isResultEnvelope({ ok: true, value: null })).toBe(true);
    expect(isResultEnvelope({ ok: false, error: { code: 'internal', message: '错' } })).toBe(true);
    expect(isResultEnvelope({ ok: true })).toBe(false);
    expect(isResultEnvelope({ ok: false, error: { code: 'internal' } })).toBe(false);
    expect(isResultEnvelope('ok')).toBe(false);
    expect(isResultEnvelope(null)).toBe(false);
  });
});

describe('createHttpTransport', () => {
  it('POSTs JSON to /api/<method> with the token header and returns the envelope', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const transport = createHttpTransport({
      token: 'tok',
      fetch: async (url, init) => {
        seen.push({ url, init });
        return json(200, { ok: true, value: [{ code: '42', name: '湖北省' }] });
      },
    });
    const result = await transport.call('catalog.children', { parentCode: null });
    expect(result).toEqual({ ok: true, value: [{ code: '42', name: '湖北省' }] });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`${API_PATH_PREFIX}catalog.children`);
    expect(seen[0]?.init.method).toBe('POST');
    expect(seen[0]?.init.headers).toEqual({ 'content-type': 'application/json', [TOKEN_HEADER]: 'tok' });
    expect(seen[0]?.init.body).toBe('{"parentCode":null}');
  });

  it('passes a failed envelope through, whatever the HTTP status', async () => {
    const error = { code: 'unauthorized', message: '缺少或错误的访问令牌' };
    const transport = createHttpTransport({
      token: 'tok',
      fetch: async () => json(401, { ok: false, error }),
    });
    expect(await transport.call('app.info', {})).toEqual({ ok: false, error });
  });

  it('turns a network failure into the Chinese reconnect message', async () => {
    const transport = createHttpTransport({
      token: 'tok',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(await transport.call('app.info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: NETWORK_ERROR_MESSAGE },
    });
  });

  it('turns a non-envelope HTTP error into a Chinese error', async () => {
    const plain = (status: number) => async () => new Response('nope', { status });
    const t500 = createHttpTransport({ token: 'tok', fetch: plain(500) });
    const r500 = await t500.call('app.info', {});
    expect(r500.ok).toBe(false);
    if (!r500.ok)
      expect(r500.error).toMatchObject({ code: 'internal', message: expect.stringContaining('HTTP 500') });
    const r401 = await createHttpTransport({ token: 'tok', fetch: plain(401) }).call('app.info', {});
    if (!r401.ok) expect(r401.error.code).toBe('unauthorized');
    const r200 = await createHttpTransport({ token: 'tok', fetch: plain(200) }).call('app.info', {});
    expect(r200.ok).toBe(false);
  });

  it('does not call the server without a token', async () => {
    let called = false;
    const transport = createHttpTransport({
      token: null,
      fetch: async () => {
        called = true;
        return json(200, { ok: true, value: {} });
      },
    });
    expect(await transport.call('app.info', {})).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: MISSING_TOKEN_MESSAGE },
    });
    expect(called).toBe(false);
  });
});
