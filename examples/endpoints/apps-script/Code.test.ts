// SPDX-License-Identifier: MIT
// Runs Code.gs as Apps Script would: a script whose top-level functions are globals, with only
// the Apps Script services in scope (no require, no process), against a stub of those services.
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeAnswer, makeBatch, makeEvent } from '../fixtures.js';
import { createAppsScriptServices, postEvent } from './appsScriptStub.js';

const source = readFileSync(new URL('./Code.gs', import.meta.url), 'utf8');

type TextOutput = { getContent(): string; getMimeType(): string };

function loadScript(services = createAppsScriptServices()) {
  const context = createContext({ ...services.globals });
  runInContext(source, context, { filename: 'Code.gs' });
  const doPost = (body: string) => {
    const output = (context['doPost'] as (e: unknown) => TextOutput)(postEvent(body));
    expect(output.getMimeType()).toBe('JSON');
    return JSON.parse(output.getContent());
  };
  return { ...services, doPost, context };
}

describe('doPost (Code.gs)', () => {
  let script: ReturnType<typeof loadScript>;
  beforeEach(() => {
    script = loadScript();
  });
  const answerRows = () => script.sheets.get('Answers')!.rows.slice(1);

  it('appends each answer once when the same batch is posted twice', () => {
    const batch = makeBatch(3);
    expect(script.doPost(batch)).toEqual({ stored: 3, duplicates: 0 });
    expect(script.doPost(batch)).toEqual({ stored: 0, duplicates: 3 });
    expect(answerRows().map((row) => row[0])).toEqual(JSON.parse(batch).answers.map((a: { id: string }) => a.id));
  });

  it('creates the sheet with a frozen header row when it does not exist', () => {
    script.doPost(makeBatch(1));
    const sheet = script.sheets.get('Answers')!;
    expect(sheet.rows[0]).toEqual([
      'id',
      'answeredAt',
      'surveyId',
      'moment',
      'questionType',
      'question',
      'value',
      'comment',
      'context',
      'visitorId',
      'url',
      'locale',
      'sdk',
      'receivedAt',
    ]);
    expect(sheet.frozenRows).toBe(1);
    const [row] = answerRows();
    expect(row!.slice(0, 13)).toEqual([
      makeAnswer(1).id,
      makeAnswer(1).answeredAt,
      'post-purchase-nps',
      'purchase',
      'nps',
      'How likely are you to recommend us to a friend?',
      1,
      'Fast delivery',
      '{"orderId":"A-1001"}',
      makeAnswer(1).visitorId,
      'https://shop.example/checkout/thank-you',
      'en-GB',
      'moments@0.1.0',
    ]);
  });

  it('dedupes against the sheet when the cache has forgotten the ids', () => {
    script.doPost(makeBatch(2));
    script.cache.clear(); // CacheService entries expire; the sheet is the truth
    expect(script.doPost(makeBatch(3))).toEqual({ stored: 1, duplicates: 2 });
    expect(answerRows()).toHaveLength(3);
  });

  it('stores one row when a batch repeats an id inside itself', () => {
    const answer = makeAnswer(1);
    expect(script.doPost(JSON.stringify({ answers: [answer, answer] }))).toEqual({ stored: 1, duplicates: 1 });
    expect(answerRows()).toHaveLength(1);
  });

  it('appends lifecycle events once to their own sheet when the batch has events', () => {
    const batch = makeBatch(1, [makeEvent(1, 'shown'), makeEvent(2, 'dismissed')]);
    script.doPost(batch);
    script.doPost(batch);
    expect(
      script.sheets
        .get('Events')!
        .rows.slice(1)
        .map((row) => row[2]),
    ).toEqual(['shown', 'dismissed']);
    expect(answerRows()).toHaveLength(1);
  });

  it('writes a comment that looks like a formula as text', () => {
    script.doPost(JSON.stringify({ answers: [makeAnswer(1, { comment: '=IMPORTXML("https://evil.example", "//a")' })] }));
    expect(answerRows()[0]![7]).toBe('\'=IMPORTXML("https://evil.example", "//a")');
  });

  it('names the problem and writes nothing when the batch is malformed', () => {
    expect(script.doPost('{"answers": [')).toMatchObject({ error: { code: 'invalid-json' } });
    const { id: _, ...noId } = makeAnswer(2);
    expect(script.doPost(JSON.stringify({ answers: [makeAnswer(1), noId] }))).toEqual({
      error: { code: 'invalid-batch', message: 'answers[1].id: expected a non-empty string' },
    });
    expect(script.sheets.size).toBe(0);
  });

  it('throws and writes nothing when another execution holds the lock too long', () => {
    script.lock.heldElsewhere = true;
    expect(() => script.doPost(makeBatch(1))).toThrow(/Lock timeout/);
    expect(script.sheets.size).toBe(0);
  });

  it('releases the lock when it is done', () => {
    script.doPost(makeBatch(1));
    expect(script.lock.held).toBe(false);
  });
});

describe('doGet (Code.gs)', () => {
  it('says the deployment works when the URL is opened', () => {
    const { context } = loadScript();
    const output = (context['doGet'] as () => TextOutput)();
    expect(JSON.parse(output.getContent())).toEqual({ ok: true, endpoint: 'moments' });
  });
});
