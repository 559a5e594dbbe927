// The exact extractor for 64-bit integers that JSON.parse would round.
import { describe, expect, it } from 'vitest';
import { topLevelInteger } from '../../../bots/viber/json-integer.ts';

describe('topLevelInteger', () => {
  it('keeps every digit of a number JSON.parse rounds', () => {
    const json = '{"event":"message","message_token":9223372036854775807}';
    expect(String((JSON.parse(json) as { message_token: number }).message_token)).not.toBe('9223372036854775807');
    expect(topLevelInteger(json, 'message_token')).toBe('9223372036854775807');
  });

  it('tells neighbours apart that round to the same double', () => {
    const a = topLevelInteger('{"message_token":5136431130449316903}', 'message_token');
    const b = topLevelInteger('{"message_token":5136431130449316904}', 'message_token');
    expect([a, b]).toEqual(['5136431130449316903', '5136431130449316904']);
  });

  it('reads the field wherever it is in the top-level object, with any whitespace', () => {
    const json = ' {\n "sender" : {"id":"x","message_token":1},\t"message_token" :\r\n 18446744073709551615 , "z":[{"message_token":2}]}';
    expect(topLevelInteger(json, 'message_token')).toBe('18446744073709551615');
  });

  it('skips nested objects, arrays and strings that contain the key', () => {
    const json = JSON.stringify({ message: { text: '"message_token":123', message_token: 7 }, list: ['message_token', { message_token: 8 }] });
    expect(topLevelInteger(json, 'message_token')).toBeUndefined();
    const tricky = '{"text":"a \\" \\\\ \\"message_token\\":5 }","message_token":42}';
    expect(JSON.parse(tricky)).toEqual({ text: 'a " \\ "message_token":5 }', message_token: 42 });
    expect(topLevelInteger(tricky, 'message_token')).toBe('42');
  });

  it('decodes escaped keys as JSON does', () => {
    expect(topLevelInteger('{"message\\u005ftoken":99}', 'message_token')).toBe('99');
  });

  it('accepts a digit string and negative numbers; refuses fractions, exponents and other types', () => {
    expect(topLevelInteger('{"message_token":"5136431130449316903"}', 'message_token')).toBe('5136431130449316903');
    expect(topLevelInteger('{"message_token":-12}', 'message_token')).toBe('-12');
    for (const value of ['1.5', '1e21', 'true', 'null', '"12a"', '{}', '[1]']) {
      expect(topLevelInteger(`{"message_token":${value}}`, 'message_token'), value).toBeUndefined();
    }
  });

  it('takes the last of duplicate keys, as JSON.parse does', () => {
    expect(topLevelInteger('{"message_token":1,"message_token":2}', 'message_token')).toBe('2');
  });

  it('gives undefined when absent or when the text is not an object', () => {
    expect(topLevelInteger('{}', 'message_token')).toBeUndefined();
    expect(topLevelInteger('{"event":"webhook"}', 'message_token')).toBeUndefined();
    expect(topLevelInteger('[{"message_token":1}]', 'message_token')).toBeUndefined();
    expect(topLevelInteger('12', 'message_token')).toBeUndefined();
  });
});
