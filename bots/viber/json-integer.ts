// Viber's message_token is a 64-bit integer written as a bare JSON number: JSON.parse rounds it to a double and
// loses digits (Node 20 has no reviver with source text). This reads the number's own characters instead.

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function skipWhitespace(json: string, at: number): number {
  let i = at;
  while (i < json.length && WHITESPACE.has(json[i]!)) i += 1;
  return i;
}

/** Index just after the string literal that opens at `at`. */
function endOfString(json: string, at: number): number {
  let i = at + 1;
  while (i < json.length) {
    const char = json[i];
    if (char === '\\') i += 2;
    else if (char === '"') return i + 1;
    else i += 1;
  }
  return json.length;
}

/** Index just after the value (string, object, array or literal) that starts at `at`. */
function endOfValue(json: string, at: number): number {
  const first = json[at];
  if (first === '"') return endOfString(json, at);
  if (first === '{' || first === '[') {
    let depth = 0;
    let i = at;
    while (i < json.length) {
      const char = json[i];
      if (char === '"') {
        i = endOfString(json, i);
        continue;
      }
      if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
      i += 1;
    }
    return json.length;
  }
  let i = at;
  while (i < json.length && !WHITESPACE.has(json[i]!) && json[i] !== ',' && json[i] !== '}' && json[i] !== ']') i += 1;
  return i;
}

/**
 * The digits of an integer field of the top-level object, exactly as written (a digit string is accepted too);
 * undefined when the field is absent or not an integer. Meant for text JSON.parse has accepted; nested objects and
 * strings that merely contain the key are skipped. The last occurrence wins, as with JSON.parse.
 */
export function topLevelInteger(json: string, key: string): string | undefined {
  let i = skipWhitespace(json, 0);
  if (json[i] !== '{') return undefined;
  i += 1;
  let found: string | undefined;
  while (i < json.length) {
    i = skipWhitespace(json, i);
    if (json[i] !== '"') break;
    const keyEnd = endOfString(json, i);
    const name = JSON.parse(json.slice(i, keyEnd)) as string;
    i = skipWhitespace(json, keyEnd);
    if (json[i] !== ':') break;
    const valueStart = skipWhitespace(json, i + 1);
    const valueEnd = endOfValue(json, valueStart);
    if (valueEnd <= valueStart) break;
    if (name === key) {
      const raw = json.slice(valueStart, valueEnd);
      found = /^-?\d+$/.test(raw) ? raw : /^"-?\d+"$/.test(raw) ? raw.slice(1, -1) : undefined;
    }
    i = skipWhitespace(json, valueEnd);
    if (json[i] !== ',') break;
    i += 1;
  }
  return found;
}
