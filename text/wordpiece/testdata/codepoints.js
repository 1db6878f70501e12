// Generates codepoints.json.gz: what Hugging Face's tokenizers library
// (BertNormalizer of bert-base-uncased, BertPreTokenizer) does with every
// Unicode code point, for TestEveryCodePoint.
//
//	npm install tokenizers@0.23.2
//	node codepoints.js > codepoints.json.gz
//
// normalized: the code points that the normalizer removes, turns into a
// space, pads with spaces on both sides (CJK), as [first, last] ranges, and
// the normalized text of the others that change. classes: ranges of what
// the pre-tokenizer makes of the character between two letters: "w" part
// of the word, "s" a separator, "p" a word of its own.
const zlib = require('zlib');
const { bertNormalizer, bertPreTokenizer } = require('tokenizers');
const n = bertNormalizer({ cleanText: true, handleChineseChars: true, lowercase: true });
const p = bertPreTokenizer();
const out = { generator: 'tokenizers (npm, Hugging Face) 0.23.2', removed: [], space: [], padded: [], mapped: {}, classes: [] };
const add = (list, cp) => {
  const last = list[list.length - 1];
  if (last && last[1] === cp - 1) last[1] = cp; else list.push([cp, cp]);
};
let cur = null;
for (let cp = 0; cp <= 0x10FFFF; cp++) {
  if (cp >= 0xD800 && cp <= 0xDFFF) continue;
  const c = String.fromCodePoint(cp);
  const m = n.normalizeString(c);
  if (m === '') add(out.removed, cp);
  else if (m === ' ') add(out.space, cp);
  else if (m === ' ' + c + ' ') add(out.padded, cp);
  else if (m !== c) out.mapped[cp] = m;
  const k = p.preTokenizeString('a' + c + 'b').length;
  const cls = k === 1 ? 'w' : k === 2 ? 's' : k === 3 ? 'p' : '?';
  if (cur && cur[2] === cls && cur[1] === cp - 1) cur[1] = cp; else { cur = [cp, cp, cls]; out.classes.push(cur); }
}
process.stdout.write(zlib.gzipSync(JSON.stringify(out), { level: 9 }));
