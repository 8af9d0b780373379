// SPDX-License-Identifier: MIT
/**
 * `<moment-survey>` in Vue templates checked by vue-tsc (and Volar's completions):
 * `import type {} from '@moments/elements/jsx/vue'` once. Tell Vue's compiler the tag is a custom
 * element too (`compilerOptions.isCustomElement`), as docs/vue.md shows.
 * @packageDocumentation
 */
import type { DefineComponent } from 'vue';
import type { MomentsAnswerEvent, MomentsDismissEvent } from '../moment-survey/moment-survey.js';
import type { MomentSurveyProps } from './props.js';

/** Listeners in a Vue template: `@moments:answer="…"` is `onMoments:answer` to Vue's types. */
export interface MomentSurveyVueEvents {
  'onMoments:answer'?: (event: MomentsAnswerEvent) => void;
  'onMoments:dismiss'?: (event: MomentsDismissEvent) => void;
}

/** `<moment-survey>` as Vue's type checker sees it: props (attributes and properties) and events. */
export type MomentSurveyVueComponent = DefineComponent<MomentSurveyProps & MomentSurveyVueEvents>;

declare module 'vue' {
  interface GlobalComponents {
    'moment-survey': MomentSurveyVueComponent;
  }
}
