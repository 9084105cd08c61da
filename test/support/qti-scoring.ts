import type { Element } from '@xmldom/xmldom';
import { all, children, parseXml } from './exchange-readers';

/**
 * A small QTI 3.0 response-processing interpreter for tests: just the expressions and rules the
 * export writes (conditions, match, is-null, equal with tolerance, index, sum, divide, map-response),
 * evaluated as the specification defines them, so a test can score an exported item the way a QTI
 * player would and compare it with Casewise's own grading.
 */

export type QtiValue = null | number | string | boolean | string[];

interface Declaration {
  cardinality: string;
  baseType: string;
  correct: QtiValue;
  mapping: { entries: Map<string, number>; caseInsensitive: boolean; lower: number; upper: number; fallback: number } | null;
}

const typed = (baseType: string, text: string): number | string => (baseType === 'float' || baseType === 'integer' ? Number(text) : text);
const isNull = (v: QtiValue) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

function declarationOf(el: Element): Declaration {
  const baseType = el.getAttribute('base-type') ?? '';
  const cardinality = el.getAttribute('cardinality') ?? 'single';
  const values = all(el, 'qti-correct-response').flatMap((c) => all(c, 'qti-value').map((v) => typed(baseType, v.textContent ?? '')));
  const map = all(el, 'qti-mapping')[0];
  const entries = map ? all(map, 'qti-map-entry') : [];
  return {
    cardinality,
    baseType,
    correct: values.length === 0 ? null : cardinality === 'single' ? values[0]! : (values as string[]),
    mapping: map
      ? {
          entries: new Map(entries.map((e) => [e.getAttribute('map-key')!, Number(e.getAttribute('mapped-value'))])),
          caseInsensitive: entries.some((e) => e.getAttribute('case-sensitive') === 'false'),
          lower: Number(map.getAttribute('lower-bound') ?? -Infinity),
          upper: Number(map.getAttribute('upper-bound') ?? Infinity),
          fallback: Number(map.getAttribute('default-value') ?? 0),
        }
      : null,
  };
}

/** Scores one item for one response (RESPONSE's value); returns the outcomes after response processing. */
export function scoreQtiItem(xml: string, response: QtiValue): Record<string, QtiValue> {
  const doc = parseXml(xml);
  const root = doc.documentElement!;
  const declarations = new Map(children(root, 'qti-response-declaration').map((d) => [d.getAttribute('identifier')!, declarationOf(d)]));
  const vars: Record<string, QtiValue> = { RESPONSE: response };
  for (const o of children(root, 'qti-outcome-declaration')) {
    const value = all(o, 'qti-value')[0]?.textContent;
    vars[o.getAttribute('identifier')!] = value == null ? null : typed(o.getAttribute('base-type') ?? '', value);
  }

  const evaluate = (el: Element): QtiValue => {
    const args = () => children(el).map(evaluate);
    switch (el.localName) {
      case 'qti-variable':
        return vars[el.getAttribute('identifier')!] ?? null;
      case 'qti-correct':
        return declarations.get(el.getAttribute('identifier')!)!.correct;
      case 'qti-base-value':
        return typed(el.getAttribute('base-type') ?? '', el.textContent ?? '');
      case 'qti-is-null':
        return isNull(args()[0]!);
      case 'qti-match': {
        const [a, b] = args();
        if (isNull(a!) || isNull(b!)) return null;
        const d = declarations.get('RESPONSE')!;
        if (Array.isArray(a) && Array.isArray(b))
          return d.cardinality === 'ordered'
            ? a.join('\u0000') === b.join('\u0000')
            : [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
        return a === b;
      }
      case 'qti-equal': {
        const [x = null, y = null] = args() as (number | null)[];
        if (x === null || y === null) return null;
        const [below, above = below] = (el.getAttribute('tolerance') ?? '0').split(' ').map(Number);
        const low = y - below!;
        const high = y + above!;
        const lowOk = el.getAttribute('include-lower-bound') === 'false' ? x > low : x >= low;
        const highOk = el.getAttribute('include-upper-bound') === 'false' ? x < high : x <= high;
        return lowOk && highOk;
      }
      case 'qti-index': {
        const [container] = args();
        return Array.isArray(container) ? (container[Number(el.getAttribute('n')) - 1] ?? null) : null;
      }
      case 'qti-sum': {
        const values = args();
        return values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0);
      }
      case 'qti-divide': {
        const [a = null, b = null] = args() as (number | null)[];
        return a === null || b === null || b === 0 ? null : a / b;
      }
      case 'qti-map-response': {
        const d = declarations.get(el.getAttribute('identifier')!)!;
        const value = vars[el.getAttribute('identifier')!] ?? null;
        const m = d.mapping!;
        const keys = value === null ? [] : Array.isArray(value) ? [...new Set(value)] : [String(value)];
        const lookup = (k: string) => {
          if (m.entries.has(k)) return m.entries.get(k)!;
          if (m.caseInsensitive) for (const [key, v] of m.entries) if (key.toLowerCase() === k.toLowerCase()) return v;
          return m.fallback;
        };
        const total = keys.reduce((sum, k) => sum + lookup(k), 0);
        return Math.min(m.upper, Math.max(m.lower, total));
      }
      default:
        throw new Error(`the test interpreter does not know <${el.localName}>`);
    }
  };

  const run = (rules: Element[]): void => {
    for (const rule of rules) {
      if (rule.localName === 'qti-set-outcome-value') {
        vars[rule.getAttribute('identifier')!] = evaluate(children(rule)[0]!);
      } else if (rule.localName === 'qti-response-condition') {
        for (const branch of children(rule)) {
          if (branch.localName === 'qti-response-else') {
            run(children(branch));
            break;
          }
          const [condition, ...body] = children(branch);
          if (evaluate(condition!) === true) {
            run(body);
            break;
          }
        }
      } else throw new Error(`the test interpreter does not know <${rule.localName}>`);
    }
  };
  const processing = children(root, 'qti-response-processing')[0];
  if (processing) run(children(processing));
  return vars;
}
