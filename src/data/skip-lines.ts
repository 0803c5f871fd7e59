/**
 * The preview's "Lines to skip before the header": the learner's text read as a count, or what
 * is wrong with it in words. Lines are counted as an editor counts them, blank ones included.
 */
import { count } from './words';

const WHOLE = /^\d+$/;

/**
 * Example: ('2', 40, true) → { ok: true, lines: 2 }; ('-1', 40, true) → a problem. `sampleLines`
 * is how many lines the preview read (`wholeFile`: all of them), and at least one must be left.
 */
export function readSkipLines(text: string, sampleLines: number, wholeFile: boolean): { ok: true; lines: number } | { ok: false; problem: string } {
  const t = text.trim();
  if (!WHOLE.test(t)) return { ok: false, problem: 'Lines to skip must be a whole number: 0, 1, 2 and so on.' };
  const lines = Number(t);
  if (lines >= sampleLines) {
    const n = sampleLines.toLocaleString('en');
    const has = count(sampleLines, 'line');
    return {
      ok: false,
      problem: wholeFile ? `The file has ${has}: skip fewer than ${n}, so the header or the data is left.` : `The preview reads the first ${has} of the file: skip fewer than ${n}.`,
    };
  }
  return { ok: true, lines };
}
