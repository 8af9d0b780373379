// SPDX-License-Identifier: MIT
/**
 * Moments answers → a Slack channel through an incoming webhook: one message per batch, one
 * section per answer.
 *
 * A webhook URL lets anyone who has it post to your channel, and Slack's webhooks send no CORS
 * headers, so run this on a server, never in a page: for instance in your endpoint, after
 * storing a batch, `const { url, body } = toSlack({ webhookUrl })(answers); await fetch(url,
 * { method: 'POST', headers: { 'content-type': 'application/json' }, body })`. Slack does not
 * dedupe: post only the answers your store reports as new.
 */

/** Slack allows 50 blocks per message: one header, up to 48 answers, one "more" line. */
const MAX_ANSWERS = 48;
/** Slack's limit for a section's text, in characters. */
const MAX_SECTION_TEXT = 3000;

/**
 * @typedef {import('@moments/core').Answer} Answer
 * @typedef {import('./segment.mjs').TransformResult} TransformResult
 */

/**
 * Creates the transform for the webhook `webhookUrl` (`https://hooks.slack.com/services/…`).
 * @param {{ webhookUrl: string, title?: string }} options
 * @returns {(answers: Answer[]) => TransformResult}
 */
export function toSlack({ webhookUrl, title = 'New survey answers' }) {
  return (answers) => {
    const shown = answers.slice(0, MAX_ANSWERS);
    /** @type {Array<Record<string, unknown>>} */
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: `${title} (${answers.length})`.slice(0, 150) } },
      ...shown.map((answer) => ({ type: 'section', text: { type: 'mrkdwn', text: describe(answer).slice(0, MAX_SECTION_TEXT) } })),
    ];
    const more = answers.length - shown.length;
    if (more > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${more} more` }] });
    // `text` is what notifications and screen readers show.
    const text = `${title}: ${answers.map((a) => `${a.moment} ${a.question.type} ${String(a.value)}`).join(', ')}`.slice(
      0,
      MAX_SECTION_TEXT,
    );
    return { url: webhookUrl, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: escape(text), blocks }) };
  };
}

/** @param {Answer} answer */
function describe(answer) {
  const context = Object.entries(answer.context ?? {}).map(([key, value]) => `${key}: ${String(value)}`);
  const lines = [
    `*${escape(answer.question.type.toUpperCase())} ${escape(String(answer.value))}* · ${escape(answer.moment)} · ${escape(answer.surveyId)}`,
    `> ${escape(answer.question.text)}`,
    ...(answer.comment ? [`_${escape(answer.comment)}_`] : []),
    ...(context.length ? [escape(context.join(' · '))] : []),
  ];
  return lines.join('\n');
}

/**
 * Slack's three control characters. A shopper's comment is text: `<!channel>` or a `<url|label>`
 * link in it must not ping anyone or disguise a link.
 * @param {string} text
 */
function escape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
