import type { EditableQuestion } from '@/lib/questions/editor';
import { OPEN_RESPONSE } from '@/lib/questions/kinds';
import { introParagraphs, xmlAttr, xmlNumber, xmlSafe, xmlText } from './xml';

/**
 * One Casewise question as a QTI 3.0 assessment item (qti-assessment-item). Response processing is
 * written out as rules rather than a template reference, so that each item scores as Casewise
 * grades (partial credit for multiple select, matching and ordering; a numeric tolerance) and shows
 * its explanation as modal feedback once answered.
 */

export const QTI_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const ITEM_SCHEMA = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd';

const p = (value: string) => `<p>${xmlText(value)}</p>`;
const prompt = (value: string) => `<qti-prompt>${xmlText(value)}</qti-prompt>`;
const float = (n: number) => `<qti-base-value base-type="float">${xmlNumber(n)}</qti-base-value>`;
const setScore = (expression: string) => `<qti-set-outcome-value identifier="SCORE">${expression}</qti-set-outcome-value>`;
const response = '<qti-variable identifier="RESPONSE"/>';

/** Choices are shown starting from the second, so a player that ignores shuffle never shows the key's order. */
function rotated<T>(items: readonly T[]): { item: T; at: number }[] {
  return items.map((_, i) => ({ item: items[(i + 1) % items.length]!, at: (i + 1) % items.length }));
}

function declaration(cardinality: string, baseType: string, correct: readonly string[], mapping = ''): string {
  const values = correct.map((v) => `<qti-value>${xmlText(v)}</qti-value>`).join('');
  const key = correct.length ? `<qti-correct-response>${values}</qti-correct-response>` : '';
  return `<qti-response-declaration identifier="RESPONSE" cardinality="${cardinality}" base-type="${baseType}">${key}${mapping}</qti-response-declaration>`;
}

function mapping(entries: readonly { key: string; value: number; caseSensitive?: boolean }[]): string {
  const rows = entries.map(
    (e) =>
      `<qti-map-entry map-key="${xmlAttr(e.key)}" mapped-value="${xmlNumber(e.value)}"${e.caseSensitive === false ? ' case-sensitive="false"' : ''}/>`,
  );
  return `<qti-mapping lower-bound="0" upper-bound="1" default-value="0">${rows.join('')}</qti-mapping>`;
}

/** SCORE is 1 when the response matches the key, else 0 (QTI's match_correct template). */
const matchCorrect = `<qti-response-condition><qti-response-if><qti-match>${response}<qti-correct identifier="RESPONSE"/></qti-match>${setScore(float(1))}</qti-response-if><qti-response-else>${setScore(float(0))}</qti-response-else></qti-response-condition>`;
/** SCORE is the mapped response, 0 when there is none (QTI's map_response template). */
const mapResponse = `<qti-response-condition><qti-response-if><qti-is-null>${response}</qti-is-null>${setScore(float(0))}</qti-response-if><qti-response-else>${setScore('<qti-map-response identifier="RESPONSE"/>')}</qti-response-else></qti-response-condition>`;

interface ItemParts {
  declaration: string;
  body: string;
  scoring: string;
}

function parts(q: EditableQuestion): ItemParts {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const right = new Set(q.type === 'single_choice' ? [q.answer] : q.answer);
      const id = (i: number) => `C${i + 1}`;
      const choices = q.options.map((o, i) => `<qti-simple-choice identifier="${id(i)}">${xmlText(o)}</qti-simple-choice>`).join('');
      const keys = q.options.map((_, i) => i).filter((i) => right.has(i));
      const single = q.type === 'single_choice';
      const wrong = q.options.length - right.size;
      return {
        declaration: single
          ? declaration('single', 'identifier', keys.map(id))
          : declaration(
              'multiple',
              'identifier',
              keys.map(id),
              mapping(q.options.map((_, i) => ({ key: id(i), value: right.has(i) ? 1 / right.size : -1 / wrong }))),
            ),
        body: `<qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="${single ? 1 : 0}">${prompt(q.prompt)}${choices}</qti-choice-interaction>`,
        scoring: single ? matchCorrect : mapResponse,
      };
    }
    case 'true_false':
      return {
        declaration: declaration('single', 'identifier', [q.answer ? 'TRUE' : 'FALSE']),
        body: `<qti-choice-interaction response-identifier="RESPONSE" shuffle="false" max-choices="1">${prompt(q.prompt)}<qti-simple-choice identifier="TRUE">True</qti-simple-choice><qti-simple-choice identifier="FALSE">False</qti-simple-choice></qti-choice-interaction>`,
        scoring: matchCorrect,
      };
    case 'fill_blank': {
      // Each accepted answer once, ignoring case (map-keys must differ).
      const seen = new Set<string>();
      const accepted = q.answer.map(xmlSafe).filter((a) => !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
      const longest = Math.max(...accepted.map((a) => a.length), 10);
      return {
        declaration: declaration(
          'single',
          'string',
          accepted.slice(0, 1),
          mapping(accepted.map((a) => ({ key: a, value: 1, caseSensitive: false }))),
        ),
        body: `${p(q.prompt)}<p><qti-text-entry-interaction response-identifier="RESPONSE" expected-length="${longest}"/></p>`,
        scoring: mapResponse,
      };
    }
    case 'numeric': {
      const unit = q.unit?.trim() ? ` ${xmlText(q.unit.trim())}` : '';
      const tolerance = xmlNumber(q.answer.tolerance);
      return {
        declaration: declaration('single', 'float', [xmlNumber(q.answer.value)]),
        body: `${p(q.prompt)}<p><qti-text-entry-interaction response-identifier="RESPONSE" expected-length="12"/>${unit}</p>`,
        scoring: `<qti-response-condition><qti-response-if><qti-equal tolerance-mode="absolute" tolerance="${tolerance} ${tolerance}" include-lower-bound="true" include-upper-bound="true">${response}<qti-correct identifier="RESPONSE"/></qti-equal>${setScore(float(1))}</qti-response-if><qti-response-else>${setScore(float(0))}</qti-response-else></qti-response-condition>`,
      };
    }
    case 'ordering': {
      // Identifiers follow the order shown; the key lists them in the right order.
      const shown = rotated(q.items);
      const idOf = new Map(shown.map(({ at }, position) => [at, `C${position + 1}`]));
      const key = q.items.map((_, i) => idOf.get(i)!);
      const choices = shown.map(
        ({ item }, position) => `<qti-simple-choice identifier="C${position + 1}">${xmlText(item)}</qti-simple-choice>`,
      );
      // A share of the mark per item in its right place, as Casewise grades an ordering.
      const perPlace = key.map(
        (id, i) =>
          `<qti-response-condition><qti-response-if><qti-match><qti-index n="${i + 1}">${response}</qti-index><qti-base-value base-type="identifier">${id}</qti-base-value></qti-match>${setScore(`<qti-sum><qti-variable identifier="SCORE"/>${float(1)}</qti-sum>`)}</qti-response-if></qti-response-condition>`,
      );
      return {
        declaration: declaration('ordered', 'identifier', key),
        body: `<qti-order-interaction response-identifier="RESPONSE" shuffle="true">${prompt(q.prompt)}${choices.join('')}</qti-order-interaction>`,
        scoring: `${setScore(float(0))}${perPlace.join('')}${setScore(`<qti-divide><qti-variable identifier="SCORE"/>${float(q.items.length)}</qti-divide>`)}`,
      };
    }
    case 'matching': {
      // One right-hand choice per distinct text, matched as often as it is a partner.
      const safePairs = q.pairs.map(([l, r]) => [l, xmlSafe(r)] as const);
      const rights = [...new Set(safePairs.map(([, r]) => r))];
      const shown = rotated(rights);
      const rightId = new Map(shown.map(({ item }, position) => [item, `R${position + 1}`]));
      const uses = (r: string) => safePairs.filter(([, x]) => x === r).length;
      const pairs = safePairs.map(([, r], i) => `L${i + 1} ${rightId.get(r)!}`);
      const left = q.pairs.map(
        ([l], i) => `<qti-simple-associable-choice identifier="L${i + 1}" match-max="1">${xmlText(l)}</qti-simple-associable-choice>`,
      );
      const right = shown.map(
        ({ item }) =>
          `<qti-simple-associable-choice identifier="${rightId.get(item)!}" match-max="${uses(item)}">${xmlText(item)}</qti-simple-associable-choice>`,
      );
      return {
        declaration: declaration('multiple', 'directedPair', pairs, mapping(pairs.map((key) => ({ key, value: 1 / pairs.length })))),
        body: `<qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="${q.pairs.length}">${prompt(q.prompt)}<qti-simple-match-set>${left.join('')}</qti-simple-match-set><qti-simple-match-set>${right.join('')}</qti-simple-match-set></qti-match-interaction>`,
        scoring: mapResponse,
      };
    }
    case OPEN_RESPONSE: {
      // Scored by a person: the model answer and the rubric go to the scorer only.
      const model = q.modelAnswer
        .split(/\r?\n+/)
        .filter((line) => line.trim())
        .map(p)
        .join('');
      const rubric = q.rubric.length
        ? `<ul>${q.rubric.map((c) => `<li>${xmlText(`${c.label} (${c.points} ${c.points === 1 ? 'point' : 'points'})`)}</li>`).join('')}</ul>`
        : '';
      return {
        declaration: declaration('single', 'string', []),
        body: `<qti-extended-text-interaction response-identifier="RESPONSE" expected-lines="15" format="plain">${prompt(q.prompt)}</qti-extended-text-interaction><qti-rubric-block use="scoring" view="scorer"><qti-content-body>${p('Model answer:')}${model}${rubric ? `${p('Rubric:')}${rubric}` : ''}</qti-content-body></qti-rubric-block>`,
        scoring: '',
      };
    }
  }
}

/** An intro: ungraded paragraphs at the top of the item body, in a div a player shows as text. */
function intro(text: string | undefined): string {
  const paragraphs = introParagraphs(text);
  return paragraphs.length ? `<div class="intro">${paragraphs.map(p).join('')}</div>` : '';
}

/** A complete item document. `identifier` must be an NCName unique in its package. */
export function questionToQtiItem(q: EditableQuestion, identifier: string, title: string): string {
  const { declaration, body, scoring } = parts(q);
  const explained = q.explanation.trim().length > 0;
  const human = q.type === OPEN_RESPONSE ? ' external-scored="human"' : '';
  const feedback = explained
    ? '<qti-set-outcome-value identifier="FEEDBACK"><qti-base-value base-type="identifier">EXPLANATION</qti-base-value></qti-set-outcome-value>'
    : '';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<qti-assessment-item xmlns="${QTI_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${QTI_NS} ${ITEM_SCHEMA}" identifier="${identifier}" title="${xmlAttr(title)}" adaptive="false" time-dependent="false">`,
    `  ${declaration}`,
    `  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"${human}><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>`,
    '  <qti-outcome-declaration identifier="MAXSCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>1</qti-value></qti-default-value></qti-outcome-declaration>',
    explained ? '  <qti-outcome-declaration identifier="FEEDBACK" cardinality="single" base-type="identifier"/>' : '',
    `  <qti-item-body>${intro(q.intro)}${body}</qti-item-body>`,
    scoring || feedback ? `  <qti-response-processing>${scoring}${feedback}</qti-response-processing>` : '',
    explained
      ? `  <qti-modal-feedback outcome-identifier="FEEDBACK" identifier="EXPLANATION" show-hide="show"><qti-content-body>${p(q.explanation)}</qti-content-body></qti-modal-feedback>`
      : '',
    '</qti-assessment-item>',
  ];
  return `${lines.filter(Boolean).join('\n')}\n`;
}
