// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { makeAnswer } from '../endpoints/fixtures.js';
import { toSlack } from './slack.mjs';
import { closeAfterEach, deliver, sampleAnswers, startSlack } from './targets.js';

const answers = sampleAnswers;
const use = closeAfterEach();

describe('toSlack', () => {
  it('posts one message with a section per answer when the webhook is called', async () => {
    const target = use(await startSlack());
    expect(await deliver(toSlack({ webhookUrl: `${target.url}/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX` }), answers)).toBe(200);
    const [message] = target.stored;
    expect(message!['blocks'].filter((b: { type: string }) => b.type === 'section')).toHaveLength(3);
    expect(message!['blocks'][1].text.text).toContain('*NPS 1* · purchase · post-purchase-nps');
    expect(message!['blocks'][1].text.text).toContain('orderId: A-1001');
    expect(message!['text']).toContain('purchase nps 1');
  });

  it('escapes a comment when it holds Slack control sequences', async () => {
    const target = use(await startSlack());
    await deliver(toSlack({ webhookUrl: `${target.url}/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX` }), [
      makeAnswer(1, { comment: '<!channel> see <https://evil.example|your order>' }),
    ]);
    const text: string = target.stored[0]!['blocks'][1].text.text;
    expect(text).toContain('&lt;!channel&gt; see &lt;https://evil.example|your order&gt;');
    expect(text).not.toContain('<!channel>');
  });

  it('stays within 50 blocks when a batch has more answers than fit', async () => {
    const target = use(await startSlack());
    const many = Array.from({ length: 60 }, (_, i) => makeAnswer(i));
    expect(
      await deliver(toSlack({ webhookUrl: `${target.url}/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX` }), many, { batchSize: 60 }),
    ).toBe(200);
    const blocks = target.stored[0]!['blocks'];
    expect(blocks).toHaveLength(50);
    expect(blocks[49].elements[0].text).toBe('…and 12 more');
  });

  it('is refused by the stand-in when the webhook path is wrong', async () => {
    const target = use(await startSlack());
    expect(await deliver(toSlack({ webhookUrl: `${target.url}/services/T0000/B0000/other` }), answers)).toBe(404);
  });
});
