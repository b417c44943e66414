/**
 * The runtime checks Date and DateTimeOffset with patterns without captures
 * that bound month and day, and consults the calendar only past the 28th.
 * These properties check that each check accepts exactly the language of the
 * capturing pattern plus calendar check it replaced (and Guid its pattern),
 * on strings built from the characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as rt from '../../generator/runtime/validation.js';

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (daysInMonth[month - 1] ?? 0);
}
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const uuidPattern = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

const reference = {
  date: (text: string) => {
    const m = datePattern.exec(text);
    return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  dateTime: (text: string) => {
    const m = dateTimePattern.exec(text);
    return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  uuid: (text: string) => uuidPattern.test(text),
};

/** Mutations of a valid sample: a character replaced, inserted or removed, from an alphabet of the characters the formats use. */
function near(samples: string[], alphabet: string): fc.Arbitrary<string> {
  const char = fc.constantFrom(...alphabet.split(''));
  const edit = fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'delete', 'truncate'), char);
  return fc.tuple(fc.constantFrom(...samples), fc.array(edit, { maxLength: 3 })).map(([sample, edits]) =>
    edits.reduce((text, [at, kind, c]) => {
      const i = text.length === 0 ? 0 : at % (text.length + 1);
      if (kind === 'replace') return text.slice(0, i) + c + text.slice(i + 1);
      if (kind === 'insert') return text.slice(0, i) + c + text.slice(i);
      if (kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i);
    }, sample),
  );
}

const alphabet = '0123456789-:.+TtZzaFfG \n\u0660';
const dateTimes = ['2021-07-01T09:15:00Z', '2021-07-01T09:15:00.1234567Z', '2021-07-01T09:15Z', '2021-07-01T09:15:00+02:00', '2020-02-29t23:59:59.9-23:59', '2000-02-29T00:00:00z', '1900-02-28T00:00+00:00'];
const dates = ['2021-07-01', '2000-02-29', '1900-02-28', '2021-12-31', '0000-01-01'];
const uuids = ['4f1a2b3c-0000-4000-8000-00000000abcd', '4F1A2B3C-FFFF-AAAA-9999-00000000ABCD'];

describe('format scanners match their patterns', () => {
  it('date-time', () => {
    fc.assert(fc.property(near(dateTimes, alphabet), (text) => rt.isDateTime(text) === reference.dateTime(text)), { numRuns: 20000 });
  });
  it('date', () => {
    fc.assert(fc.property(near([...dates, ...dateTimes], alphabet), (text) => rt.isDate(text) === reference.date(text)), { numRuns: 20000 });
  });
  it('uuid', () => {
    fc.assert(fc.property(near(uuids, '0123456789abcdefABCDEFgG-{} '), (text) => rt.isGuid(text) === reference.uuid(text)), { numRuns: 20000 });
  });
  it('every month and day, leap years included', () => {
    for (const year of ['1900', '2000', '2020', '2021']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(rt.isDate(date)).toBe(reference.date(date));
          expect(rt.isDateTime(`${date}T00:00Z`)).toBe(reference.dateTime(`${date}T00:00Z`));
        }
      }
    }
  });
  it('every hour, minute and offset boundary', () => {
    for (const hh of ['00', '09', '19', '20', '23', '24', '29', '30', '0a']) {
      for (const mm of ['00', '59', '60', '5x']) {
        for (const tail of ['Z', `+${hh}:${mm}`, `-${hh}:${mm}`, `:${mm}Z`, `:${mm}.5Z`, `:${mm}.Z`]) {
          const text = `2021-07-01T${hh}:${mm}${tail}`;
          expect(rt.isDateTime(text)).toBe(reference.dateTime(text));
        }
      }
    }
  });
});
