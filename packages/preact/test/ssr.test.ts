// @vitest-environment node
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { MomentsProvider, MomentSurvey, useMoment, useMoments } from '../src/index.js';

describe('server rendering', () => {
  it('renders a tree with <MomentsProvider> and <MomentSurvey> to markup without touching browser globals', () => {
    expect(typeof window).toBe('undefined');
    function Confirmation() {
      useMoment('purchase', { orderId: 'A-1' });
      return h('main', null, h('h1', null, `client: ${String(useMoments())}`), h(MomentSurvey, { survey: 'post-purchase' }));
    }
    const config = { endpoint: 'https://collect.example/answers', surveys: [] };
    const html = renderToString(h(MomentsProvider, { config }, h(Confirmation, null)));
    expect(html).toBe('<main><h1>client: null</h1><moment-survey data-survey="post-purchase"></moment-survey></main>');
  });
});
