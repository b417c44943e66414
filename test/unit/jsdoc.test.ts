/**
 * Descriptions as JSDoc text (generator/emit/jsdoc.ts): links to pages that
 * define generated types become {@link}, other links keep their text, absolute
 * URLs stay links, code spans are left alone.
 */
import { describe, expect, it } from 'vitest';
import { jsdocDescription, linkKey } from '../../generator/emit/jsdoc.js';

const targets: Readonly<Record<string, string>> = {
  'resources/user.md': 'User',
  'resources/group.md#risklevel-values': 'RiskLevel',
  'resources/callrecords-callrecord.md': 'callRecords.CallRecord',
};
const resolve = (key: string) => targets[key];

describe('jsdocDescription', () => {
  const cases: { rule: string; given: string; want: string }[] = [
    { rule: 'a link to a type page, text naming the type', given: 'Owned by a [user](user.md).', want: 'Owned by a {@link User}.' },
    { rule: 'text saying something else', given: 'See [the owner](../resources/user.md).', want: 'See {@link User | the owner}.' },
    { rule: 'emphasis in the link text', given: 'A [**user**](user.md).', want: 'A {@link User}.' },
    { rule: 'an enum anchor on the same page', given: 'One of [riskLevel](#risklevel-values).', want: 'One of {@link RiskLevel}.' },
    { rule: 'a type of another namespace', given: 'The [call record](callrecords-callrecord.md).', want: 'The {@link callRecords.CallRecord | call record}.' },
    { rule: 'an anchor the model does not know falls back to its page', given: '[user](user.md#properties)', want: '{@link User}' },
    { rule: 'a page that defines no generated type: text only', given: 'Use [List users](../api/user-list.md).', want: 'Use List users.' },
    { rule: 'a site-relative link: text only', given: 'See [Azure AD](/azure/active-directory/overview).', want: 'See Azure AD.' },
    { rule: 'an absolute URL stays a Markdown link', given: 'An [RFC 3339](https://tools.ietf.org/html/rfc3339) date.', want: 'An [RFC 3339](https://tools.ietf.org/html/rfc3339) date.' },
    { rule: 'a reference-style link: text only', given: 'A [user][] or a [group][g].', want: 'A user or a group.' },
    { rule: 'an image: its text', given: '![diagram](diagram.png) Shows it.', want: 'diagram Shows it.' },
    { rule: 'code spans are not rewritten', given: 'Write `[user](user.md)` for a [user](user.md).', want: 'Write `[user](user.md)` for a {@link User}.' },
    { rule: 'emphasis outside links is kept', given: '**Read-only.** The _id_.', want: '**Read-only.** The _id_.' },
    { rule: 'braces in link text cannot close the tag', given: '[a {b} c](user.md)', want: '{@link User | a b c}' },
  ];
  it.each(cases)('$rule', ({ given, want }) => {
    expect(jsdocDescription(given, 'resources/group.md', resolve)).toEqual(want);
  });
});

describe('linkKey', () => {
  it.each([
    ['user.md', 'resources/user.md'],
    ['../resources/User.md#Props', 'resources/user.md#props'],
    ['#x-values', 'resources/group.md#x-values'],
    ['user%20page.md', 'resources/user page.md'],
    ['https://example.com/x.md', undefined],
    ['/graph/api/user.md', undefined],
    ['diagram.png', undefined],
  ])('%s', (url, want) => {
    expect(linkKey('resources/group.md', url)).toEqual(want);
  });
});
