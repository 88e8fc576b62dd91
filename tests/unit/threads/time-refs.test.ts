import { describe, expect, it } from 'vitest';
import { findTimeMentions, findTimeRefs } from '../../../src/threads/time-refs';

const clocks = (text: string, twelveHour = false) =>
  findTimeRefs(text, twelveHour).map((ref) => `${ref.hour}:${String(ref.minute).padStart(2, '0')}`);

describe('findTimeRefs', () => {
  it.each([
    ['@21:07 spot on', '21:07', '@21:07', true],
    ['Good luck 21:07, I retired early', '21:07', '21:07', false],
    ['Well done, 15:23.', '15:23', '15:23', false],
    ['@18.30. I completely agree', '18:30', '@18.30', true],
    ['So the logic of 11.38 makes no sense', '11:38', '11.38', false],
    ['Careful 14:04 big brother is watching', '14:04', '14:04', false],
    ['Anon 15:23 is right', '15:23', 'Anon 15:23', true],
    ['anon@10:51 nonsense', '10:51', 'anon@10:51', true],
    ['as said at 11:38 earlier', '11:38', 'at 11:38', false],
    ['11.38 - you are wrong', '11:38', '11.38', false],
    ['@ 9:05 yes', '9:05', '@ 9:05', true],
  ])('finds the reference in %j', (text, clock, evidence, explicit) => {
    const refs = findTimeRefs(text);
    expect(refs).toHaveLength(1);
    expect(`${refs[0]!.hour}:${String(refs[0]!.minute).padStart(2, '0')}`).toBe(clock);
    expect(refs[0]!.evidence).toBe(evidence);
    expect(refs[0]!.explicit).toBe(explicit);
  });

  it('reads a date given with the time', () => {
    const [ref] = findTimeRefs('Anon 19 Feb at 21:07 has it right');
    expect(ref).toMatchObject({ hour: 21, minute: 7, day: 19, month: 2, explicit: true, evidence: '19 Feb at 21:07' });
    expect(findTimeRefs('see 3 March 2024 21.15')[0]).toMatchObject({ day: 3, month: 3, hour: 21, minute: 15 });
  });

  it.each([
    ['an increase of 4.7% from last year'],
    ['rates of 30.14 and 34.25 per 1,000'],
    ['2019 2020 2021\n30.49 30.14 34.25 35.87'],
    ['salary of £24.50 an hour, or $12.30'],
    ['growth of 12.50% this year'],
    ['between 7pm and 7am, or at 1pm'],
    ['we meet at 7.30pm on Fridays'],
    ['open 09:00-17:30 weekdays'],
    ['from 10.30 to 11.45 daily'],
    ['between 10.30 and 11.45'],
    ['version 1.10.30 released'],
    ['2.30 million people'],
    ['a 12.50p stamp'],
    ['see https://example.org/a/12:30/b'],
    ['it took 10.30 hours'],
  ])('finds no reference in %j', (text) => {
    expect(clocks(text)).toEqual([]);
  });

  it('treats am/pm times as references on a blog that displays a 12-hour clock', () => {
    expect(clocks('@9:07 pm you are right', true)).toEqual(['21:07']);
    expect(findTimeRefs('@9:07 you are right', true)[0]!.hourIsAbsolute).toBe(false);
  });

  it('finds several references in order', () => {
    expect(clocks('@21:07 and @21:15 both miss the point')).toEqual(['21:07', '21:15']);
  });
});

describe('findTimeRefs: times mentioned, not addressed', () => {
  it.each([
    ['the reporting centre opens at 8.45', 'follows "at"'],
    ['reports are due by 17.00', 'follows "by"'],
    ['the train at 7.45 was cancelled again', 'follows "at"'],
    ['I left at 17:30', 'follows "at"'],
    ['nothing has moved since 9.15 this morning', 'follows "since"'],
    ['the 7.45 was cancelled again', 'follows "the"'],
    ['a 9.30 start every Monday', 'follows "a"'],
    ['we have a hard 17:00 deadline', 'followed by "deadline"'],
  ])('reads %j as prose', (text, reason) => {
    expect(findTimeRefs(text)).toEqual([]);
    const [mention] = findTimeMentions(text);
    expect(mention?.prose).toBe(reason);
  });

  it('still reads a range as no time at all', () => {
    expect(findTimeMentions('the meeting ran from 2.15 until 4')).toEqual([]);
    expect(findTimeMentions('I was stuck in court from 10.30 until lunch')).toEqual([]);
  });

  it.each([
    ['21:07 - spot on'],
    ['@21:07 spot on'],
    ['anon 21:07 is right'],
    ['Anonymous 21:07, you are right'],
    ['to 21:07: no'],
    ['re 21:07 - no'],
    ['the poster at 21:07 is right'],
    ['as said at 21:07 earlier'],
    ['Well done 21:07'],
    ['Good luck 21:07, I retired early'],
    ['Careful 21:07 big brother is watching'],
    ['19 Feb at 21:07 has it right'],
    ['the 21:07 comment says it all'],
    ['So the logic of 21:07 makes no sense'],
  ])('reads %j as a handle', (text) => {
    expect(findTimeRefs(text).map((ref) => `${ref.hour}:${ref.minute}`)).toEqual(['21:7']);
  });
});
