/** Code-unit classes and the rewrite buffer shared by the normaliser's passes. */

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isCjk(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

export function isWordChar(code: number): boolean {
  return isCjk(code) || isAsciiLetter(code);
}

export function lower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

export function isAsciiAlnum(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code);
}

/**
 * Output of one pass: code units and, for each, the span of the pass's input it came from. A pass
 * creates it only when it first changes something and copies unchanged stretches in one tight loop,
 * so text that needs nothing costs one read per character.
 */
export class Rewrite {
  readonly codes: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  length = 0;

  /** `capacity`: the pass's input length; no pass makes text longer. */
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Appends input[from, to) unchanged. */
  copy(input: string, from: number, to: number): void {
    const { codes, starts, ends } = this;
    let n = this.length;
    for (let i = from; i < to; i++) {
      codes[n] = input.charCodeAt(i);
      starts[n] = i;
      ends[n] = i + 1;
      n++;
    }
    this.length = n;
  }

  push(code: number, start: number, end: number): void {
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  text(): string {
    let out = '';
    // fromCharCode takes arguments: chunks keep far below engines' argument limits.
    for (let from = 0; from < this.length; from += 8192) {
      const to = Math.min(this.length, from + 8192);
      out += String.fromCharCode.apply(null, this.codes.subarray(from, to) as unknown as number[]);
    }
    return out;
  }
}
