import { strToU8, zipSync } from 'fflate';
import type { EditableQuestion } from '@/lib/questions/editor';
import { QTI_NS, questionToQtiItem } from './qti-item';
import { xmlAttr } from './xml';

/**
 * QTI 3.0 out: an IMS content package (zip) with imsmanifest.xml, one assessment test that lists the
 * items lesson by lesson (one section each), and one qti-assessment-item file per question
 * (lib/exchange/qti-item). Same inputs as the GIFT and Moodle XML exports. The bytes depend only on
 * the input: every file carries the same fixed date.
 */

const CP_NS = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const CP_SCHEMA = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd';
const TEST_SCHEMA = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd';
const FIXED_DATE = new Date(2000, 0, 1);

interface Section {
  title: string;
  questions: readonly EditableQuestion[];
}

interface PackedItem {
  identifier: string;
  href: string;
  xml: string;
}

function testXml(title: string, sections: readonly { identifier: string; title: string; items: readonly PackedItem[] }[]): string {
  const body = sections.map(
    (s) =>
      `    <qti-assessment-section identifier="${s.identifier}" title="${xmlAttr(s.title)}" visible="true">\n${s.items
        .map((item) => `      <qti-assessment-item-ref identifier="${item.identifier}" href="${item.href}"/>\n`)
        .join('')}    </qti-assessment-section>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<qti-assessment-test xmlns="${QTI_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${QTI_NS} ${TEST_SCHEMA}" identifier="TEST" title="${xmlAttr(title)}">`,
    '  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>',
    '  <qti-test-part identifier="PART" navigation-mode="nonlinear" submission-mode="simultaneous">',
    ...body,
    '  </qti-test-part>',
    '  <qti-outcome-processing><qti-set-outcome-value identifier="SCORE"><qti-sum><qti-test-variables variable-identifier="SCORE"/></qti-sum></qti-set-outcome-value></qti-outcome-processing>',
    '</qti-assessment-test>',
    '',
  ].join('\n');
}

function manifestXml(items: readonly PackedItem[]): string {
  const resources = [
    `    <resource identifier="RES-TEST" type="imsqti_test_xmlv3p0" href="test.xml">\n      <file href="test.xml"/>\n${items
      .map((item) => `      <dependency identifierref="RES-${item.identifier}"/>\n`)
      .join('')}    </resource>`,
    ...items.map(
      (item) =>
        `    <resource identifier="RES-${item.identifier}" type="imsqti_item_xmlv3p0" href="${item.href}">\n      <file href="${item.href}"/>\n    </resource>`,
    ),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest xmlns="${CP_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${CP_NS} ${CP_SCHEMA}" identifier="MANIFEST">`,
    '  <metadata>',
    '    <schema>QTI Package</schema>',
    '    <schemaversion>3.0.0</schemaversion>',
    '  </metadata>',
    '  <organizations/>',
    '  <resources>',
    ...resources,
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** The package's files by path, before zipping. */
function qtiPackageFiles(title: string, sections: readonly Section[], itemTitle: (section: number, question: number) => string) {
  const packed = sections
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.questions.length > 0)
    .map(({ s, i }) => ({
      identifier: `S${i + 1}`,
      title: s.title,
      items: s.questions.map((q, j): PackedItem => {
        const identifier = `ITEM-${i + 1}-${j + 1}`;
        return { identifier, href: `items/${identifier}.xml`, xml: questionToQtiItem(q, identifier, itemTitle(i, j)) };
      }),
    }));
  const items = packed.flatMap((s) => s.items);
  // A test part needs a section, even an empty one.
  const listed = packed.length ? packed : [{ identifier: 'S1', title, items: [] }];
  const files: Record<string, string> = { 'imsmanifest.xml': manifestXml(items), 'test.xml': testXml(title, listed) };
  for (const item of items) files[item.href] = item.xml;
  return files;
}

function zip(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, [strToU8(text), { mtime: FIXED_DATE }]])), {
    level: 6,
  });
}

/** A list of questions (a lesson's quiz) as a QTI 3.0 package; `category` names the test (its last name the section). */
export function questionsToQtiPackage(questions: readonly EditableQuestion[], options: { category?: readonly string[] } = {}): Uint8Array {
  const category = options.category?.length ? options.category : ['Questions'];
  return zip(qtiPackageFiles(category.join(' / '), [{ title: category[category.length - 1]!, questions }], (_, j) => `Question ${j + 1}`));
}

/** A case study as a QTI 3.0 package: one test, one section per lesson that has questions. */
export function caseToQtiPackage(title: string, lessons: readonly { title: string; questions: readonly EditableQuestion[] }[]): Uint8Array {
  return zip(qtiPackageFiles(title, lessons, (i, j) => `Lesson ${i + 1} question ${j + 1}`));
}
