import { expect } from 'vitest';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import type { EditableQuestion } from '@/lib/questions/editor';

/**
 * Test-side readers for the Moodle XML and QTI 3.0 exports: they read a file back into Casewise
 * questions the way Moodle's importer and a QTI player read it, so that a test can compare keys,
 * accepted answers and tolerances with what was exported. They also check well-formedness with
 * libxml2 (xmllint compiled to WebAssembly), which refuses what a strict parser refuses.
 */

const QTI_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const CP_NS = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** libxml2's verdict on each document: the errors of those that are not well formed. */
export async function notWellFormed(files: Record<string, string>): Promise<string[]> {
  const entries = Object.entries(files);
  if (!entries.length) return [];
  const result = await validateXML({
    xml: entries.map(([name, contents], i) => ({ fileName: `f${i}-${name.replace(/[^A-Za-z0-9.]/g, '_')}`, contents })),
    normalization: 'c14n',
    maxMemoryPages: 4096,
  });
  return result.errors.map((e) => e.rawMessage);
}

export function parseXml(xml: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && problems.push(message)) }).parseFromString(
    xml,
    'text/xml',
  );
  if (problems.length) throw new Error(problems.join('\n'));
  return doc;
}

export const children = (el: Element, name?: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (!name || (n as Element).localName === name));
const child = (el: Element, name: string): Element => {
  const found = children(el, name)[0];
  if (!found) throw new Error(`<${el.localName}> has no <${name}>`);
  return found;
};
/** Moodle's importer trims every text it reads. */
const moodleText = (el: Element) => (children(el, 'text')[0]?.textContent ?? '').trim();
export const all = (root: Document | Element, name: string): Element[] => Array.from(root.getElementsByTagName(name));

// ---------------------------------------------------------------- Moodle XML

/** Moodle's grade options (question_bank::fraction_options_full), as percentages. */
export const MOODLE_FRACTIONS = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0,
].flatMap((f) => (f ? [f, -f] : [f]));

interface MoodleRead {
  category: string | null;
  name: string;
  question: EditableQuestion;
  fractions: number[];
}

/** Reads every question of a Moodle XML file as Moodle's importer would (qformat_xml). */
export function readMoodleXml(xml: string): MoodleRead[] {
  const doc = parseXml(xml);
  const quiz = doc.documentElement!;
  if (quiz.localName !== 'quiz') throw new Error(`root is <${quiz.localName}>`);
  let category: string | null = null;
  let intro: string | undefined;
  const out: MoodleRead[] = [];
  for (const q of children(quiz, 'question')) {
    const type = q.getAttribute('type');
    if (type === 'category') {
      category = moodleText(child(q, 'category'));
      continue;
    }
    if (type === 'description') {
      // Ungraded text: the intro of the question after it, as HTML paragraphs.
      expect(child(q, 'questiontext').getAttribute('format')).toBe('html');
      expect(child(q, 'defaultgrade').textContent).toBe('0');
      const html = parseXml(`<div>${moodleText(child(q, 'questiontext'))}</div>`);
      intro = all(html, 'p')
        .map((p) => p.textContent ?? '')
        .join('\n\n');
      continue;
    }
    const common = {
      prompt: moodleText(child(q, 'questiontext')),
      explanation: moodleText(child(q, 'generalfeedback')),
      source: '',
      ...(intro === undefined ? {} : { intro }),
    };
    intro = undefined;
    for (const field of ['questiontext', 'generalfeedback']) expect(child(q, field).getAttribute('format'), field).toBe('plain_text');
    const answers = children(q, 'answer');
    const fractions = answers.map((a) => Number(a.getAttribute('fraction')));
    const texts = answers.map(moodleText);
    let question: EditableQuestion;
    switch (type) {
      case 'multichoice': {
        const single = child(q, 'single').textContent === 'true';
        for (const f of fractions) expect(MOODLE_FRACTIONS).toContain(f);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        if (single) expect(fractions.filter((f) => f !== 0)).toEqual([100]);
        else {
          // Moodle adds the chosen answers' fractions: all the right ones make the whole mark, all the wrong ones cost it.
          expect(Math.abs(sum(fractions.filter((f) => f > 0)) - 100)).toBeLessThan(1e-3);
          if (fractions.some((f) => f < 0)) expect(Math.abs(sum(fractions.filter((f) => f < 0)) + 100)).toBeLessThan(1e-3);
        }
        question = single
          ? { type: 'single_choice', ...common, options: texts, answer: fractions.indexOf(100) }
          : {
              type: 'multiple_choice',
              ...common,
              options: texts,
              answer: fractions.flatMap((f, i) => (f > 0 ? [i] : [])),
            };
        break;
      }
      case 'truefalse':
        question = { type: 'true_false', ...common, answer: fractions[texts.indexOf('true')] === 100 };
        break;
      case 'shortanswer':
        expect(fractions.every((f) => f === 100)).toBe(true);
        question = { type: 'fill_blank', ...common, answer: texts.map((t) => t.replace(/\\\*/g, '*')) };
        break;
      case 'numerical': {
        const unit = all(q, 'unit_name')[0]?.textContent ?? undefined;
        question = {
          type: 'numeric',
          ...common,
          answer: { value: Number(texts[0]), tolerance: Number(child(answers[0]!, 'tolerance').textContent) },
          ...(unit === undefined ? {} : { unit }),
        };
        break;
      }
      case 'matching':
        question = {
          type: 'matching',
          ...common,
          pairs: children(q, 'subquestion').map((s) => [moodleText(s), moodleText(child(s, 'answer'))] as [string, string]),
        };
        break;
      case 'ordering': {
        expect(child(q, 'gradingtype').textContent).toBe('ABSOLUTE_POSITION');
        const order = texts.map((t, i) => ({ t, f: fractions[i]! })).sort((a, b) => a.f - b.f);
        question = { type: 'ordering', ...common, items: order.map((o) => o.t) };
        break;
      }
      case 'essay': {
        const info = moodleText(child(q, 'graderinfo'));
        const [model, rubric = ''] = info.replace(/^Model answer:\n/, '').split('\n\nRubric:\n');
        question = {
          type: 'open_response',
          ...common,
          modelAnswer: model!,
          rubric: rubric
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const m = /^- (.*) \((\d+) points?\)$/s.exec(line)!;
              return { label: m[1]!, points: Number(m[2]) };
            }),
        };
        break;
      }
      default:
        throw new Error(`unexpected question type ${type}`);
    }
    out.push({ category, name: moodleText(child(q, 'name')), question, fractions });
  }
  return out;
}

// ---------------------------------------------------------------- QTI 3.0

/** The files of a zip, as text. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

const qtiChildren = (el: Element, name: string) => children(el, name);
const qtiOne = (root: Document | Element, name: string): Element => {
  const found = all(root, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
};
const paragraphText = (el: Element) => el.textContent ?? '';

export interface QtiRead {
  identifier: string;
  title: string;
  question: EditableQuestion;
  /** qti-map-entry values by key, when the item maps its response. */
  mapping: Map<string, number>;
}

/**
 * Reads one item back into a Casewise question and checks the references a player follows: every
 * element in the QTI namespace, identifiers NCNames and unique, every variable and outcome a
 * processing rule or feedback names declared, every key a choice that exists.
 */
function readQtiItem(xml: string): QtiRead {
  const doc = parseXml(xml);
  const root = doc.documentElement!;
  expect(root.localName).toBe('qti-assessment-item');
  for (const el of all(doc, '*')) expect(el.namespaceURI, el.localName ?? '').toBe(QTI_NS);
  const identifier = root.getAttribute('identifier')!;
  expect(identifier).toMatch(NCNAME);

  const declared = new Map<string, Element>();
  for (const d of [...qtiChildren(root, 'qti-response-declaration'), ...qtiChildren(root, 'qti-outcome-declaration')]) {
    const id = d.getAttribute('identifier')!;
    expect(declared.has(id), `${id} declared twice`).toBe(false);
    declared.set(id, d);
  }
  for (const el of [
    ...all(doc, 'qti-variable'),
    ...all(doc, 'qti-correct'),
    ...all(doc, 'qti-map-response'),
    ...all(doc, 'qti-set-outcome-value'),
  ])
    expect(declared.has(el.getAttribute('identifier')!), `${el.localName} ${el.getAttribute('identifier')}`).toBe(true);
  for (const el of all(doc, 'qti-modal-feedback')) expect(declared.has(el.getAttribute('outcome-identifier')!)).toBe(true);

  const choiceIds = [...all(doc, 'qti-simple-choice'), ...all(doc, 'qti-simple-associable-choice')].map((c) =>
    c.getAttribute('identifier')!,
  );
  for (const id of choiceIds) expect(id).toMatch(NCNAME);
  expect(new Set(choiceIds).size, 'choice identifiers unique').toBe(choiceIds.length);

  const declaration = qtiOne(doc, 'qti-response-declaration');
  expect(declaration.getAttribute('identifier')).toBe('RESPONSE');
  const interactions = all(doc, '*').filter((el) => el.localName?.endsWith('-interaction'));
  expect(interactions).toHaveLength(1);
  const interaction = interactions[0]!;
  expect(interaction.getAttribute('response-identifier')).toBe('RESPONSE');
  const correct = all(declaration, 'qti-value').map((v) => v.textContent ?? '');
  const mapping = new Map(
    all(declaration, 'qti-map-entry').map((e) => [e.getAttribute('map-key')!, Number(e.getAttribute('mapped-value'))]),
  );
  const baseType = declaration.getAttribute('base-type');
  if (baseType === 'identifier') for (const key of [...correct, ...mapping.keys()]) expect(choiceIds).toContain(key);
  if (baseType === 'directedPair')
    for (const key of [...correct, ...mapping.keys()]) for (const id of key.split(' ')) expect(choiceIds).toContain(id);

  // The mapping gives the credit Casewise gives: shares of right choices or pairs, wrong choices costing shares of the mark.
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  if (mapping.size && declaration.getAttribute('cardinality') === 'multiple') {
    const rightValues = correct.map((c) => mapping.get(c)!);
    const wrongValues = [...mapping.entries()].filter(([k]) => !correct.includes(k)).map(([, v]) => v);
    for (const v of rightValues) expect(near(v, 1 / correct.length)).toBe(true);
    for (const v of wrongValues) expect(near(v, -1 / wrongValues.length)).toBe(true);
  }
  if (baseType === 'string' && mapping.size) {
    expect([...mapping.values()].every((v) => v === 1)).toBe(true);
    expect(mapping.get(correct[0]!)).toBe(1);
  }
  const feedback = all(doc, 'qti-modal-feedback')[0];
  // An intro: the paragraphs of the body's div.intro, before everything else.
  const introDiv = all(doc, 'div').find((d) => d.getAttribute('class') === 'intro');
  if (introDiv) expect(qtiOne(doc, 'qti-item-body').firstChild).toBe(introDiv);
  const intro = introDiv ? all(introDiv, 'p').map(paragraphText).join('\n\n') : undefined;
  const common = {
    prompt: paragraphText(all(doc, 'qti-prompt')[0] ?? all(doc, 'p').find((el) => el.parentNode !== introDiv)!),
    explanation: feedback ? paragraphText(feedback) : '',
    source: '',
    ...(intro === undefined ? {} : { intro }),
  };
  const textOf = (id: string) => {
    const found = [...all(doc, 'qti-simple-choice'), ...all(doc, 'qti-simple-associable-choice')].find(
      (c) => c.getAttribute('identifier') === id,
    );
    return found!.textContent ?? '';
  };
  let question: EditableQuestion;
  switch (interaction.localName) {
    case 'qti-choice-interaction': {
      const choices = all(interaction, 'qti-simple-choice').map((c) => c.getAttribute('identifier')!);
      if (choices.join() === 'TRUE,FALSE') question = { type: 'true_false', ...common, answer: correct[0] === 'TRUE' };
      else if (declaration.getAttribute('cardinality') === 'single') {
        expect(interaction.getAttribute('max-choices')).toBe('1');
        question = { type: 'single_choice', ...common, options: choices.map(textOf), answer: choices.indexOf(correct[0]!) };
      } else
        question = {
          type: 'multiple_choice',
          ...common,
          options: choices.map(textOf),
          answer: choices.flatMap((c, i) => (correct.includes(c) ? [i] : [])),
        };
      break;
    }
    case 'qti-text-entry-interaction': {
      if (baseType === 'float') {
        const equal = qtiOne(doc, 'qti-equal');
        const [below, above] = equal.getAttribute('tolerance')!.split(' ').map(Number);
        expect(below).toBe(above);
        const after = interaction.nextSibling?.textContent?.trim();
        question = {
          type: 'numeric',
          ...common,
          answer: { value: Number(correct[0]), tolerance: below! },
          ...(after ? { unit: after } : {}),
        };
      } else {
        expect(all(declaration, 'qti-map-entry').every((e) => e.getAttribute('case-sensitive') === 'false')).toBe(true);
        question = { type: 'fill_blank', ...common, answer: [...mapping.keys()] };
      }
      break;
    }
    case 'qti-order-interaction':
      question = { type: 'ordering', ...common, items: correct.map(textOf) };
      break;
    case 'qti-match-interaction':
      question = {
        type: 'matching',
        ...common,
        pairs: correct.map((pair) => pair.split(' ').map(textOf) as [string, string]),
      };
      break;
    case 'qti-extended-text-interaction': {
      const rubric = qtiOne(doc, 'qti-rubric-block');
      expect(rubric.getAttribute('view')).toBe('scorer');
      const paragraphs = all(rubric, 'p').map(paragraphText);
      expect(paragraphs[0]).toBe('Model answer:');
      const model = paragraphs.slice(1, paragraphs.indexOf('Rubric:') === -1 ? undefined : paragraphs.indexOf('Rubric:'));
      question = {
        type: 'open_response',
        ...common,
        modelAnswer: model.join('\n'),
        rubric: all(rubric, 'li').map((li) => {
          const m = /^(.*) \((\d+) points?\)$/s.exec(li.textContent ?? '')!;
          return { label: m[1]!, points: Number(m[2]) };
        }),
      };
      break;
    }
    default:
      throw new Error(`unexpected ${interaction.localName}`);
  }
  return { identifier, title: root.getAttribute('title')!, question, mapping };
}

interface QtiPackageRead {
  title: string;
  sections: { title: string; items: QtiRead[] }[];
}

/**
 * Reads a package: the manifest's resources and the files must agree both ways, every dependency
 * must be a resource, and the test's item references must be the item files with their identifiers.
 */
export function readQtiPackage(files: Record<string, string>): QtiPackageRead {
  const manifest = parseXml(files['imsmanifest.xml']!);
  const root = manifest.documentElement!;
  expect(root.namespaceURI).toBe(CP_NS);
  expect(root.localName).toBe('manifest');
  const resources = all(manifest, 'resource');
  const ids = resources.map((r) => r.getAttribute('identifier')!);
  for (const id of ids) expect(id).toMatch(NCNAME);
  expect(new Set(ids).size).toBe(ids.length);
  for (const dep of all(manifest, 'dependency')) expect(ids).toContain(dep.getAttribute('identifierref'));
  const listed = all(manifest, 'file').map((f) => f.getAttribute('href')!);
  expect([...listed].sort()).toEqual(
    Object.keys(files)
      .filter((f) => f !== 'imsmanifest.xml')
      .sort(),
  );
  const tests = resources.filter((r) => r.getAttribute('type') === 'imsqti_test_xmlv3p0');
  expect(tests).toHaveLength(1);
  const itemResources = resources.filter((r) => r.getAttribute('type') === 'imsqti_item_xmlv3p0');
  expect(itemResources.length + 1).toBe(resources.length);

  const test = parseXml(files[tests[0]!.getAttribute('href')!]!);
  expect(test.documentElement!.namespaceURI).toBe(QTI_NS);
  for (const el of all(test, '*')) expect(el.namespaceURI).toBe(QTI_NS);
  const defining = ['qti-assessment-test', 'qti-outcome-declaration', 'qti-test-part', 'qti-assessment-section', 'qti-assessment-item-ref'];
  const testIds = all(test, '*')
    .filter((el) => defining.includes(el.localName ?? ''))
    .map((el) => el.getAttribute('identifier')!);
  for (const id of testIds) expect(id).toMatch(NCNAME);
  for (const ref of all(test, 'qti-set-outcome-value')) expect(testIds).toContain(ref.getAttribute('identifier'));
  expect(new Set(testIds).size).toBe(testIds.length);
  const referenced = new Set<string>();
  const sections = all(test, 'qti-assessment-section').map((section) => ({
    title: section.getAttribute('title')!,
    items: all(section, 'qti-assessment-item-ref').map((ref) => {
      const href = ref.getAttribute('href')!;
      referenced.add(href);
      expect(itemResources.map((r) => r.getAttribute('href'))).toContain(href);
      const item = readQtiItem(files[href]!);
      expect(item.identifier).toBe(ref.getAttribute('identifier'));
      return item;
    }),
  }));
  expect(referenced.size).toBe(itemResources.length);
  return { title: test.documentElement!.getAttribute('title')!, sections };
}
