// Generates reference.json: the token ids that Hugging Face's tokenizers
// library (the Rust implementation behind transformers' BertTokenizerFast)
// gives for bert-base-uncased on sentences of the project's text corpora
// and on hand-written edge cases.
//
//	npm install tokenizers@0.23.2   (the official Node binding)
//	node reference.js ../../../../shared/data/text > reference.json
const fs = require('fs');
const path = require('path');
const { Tokenizer } = require('tokenizers');

const dir = process.argv[2];
const lines = (f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.length > 0);

const texts = [];
// dair-ai emotion: every 40th test tweet (50).
lines('dair-ai-emotion/test.txt').forEach((l, i) => {
  if (i % 40 === 0) texts.push(l.slice(0, l.lastIndexOf(';')));
});
// GoEmotions: every 100th test comment (55) and the first 60 with
// non-ASCII characters (emojis, curly quotes, accents).
const go = lines('goemotions/test.tsv').slice(1).map((l) => l.split('\t')[0]);
go.forEach((t, i) => { if (i % 100 === 0) texts.push(t); });
go.filter((t) => /[^\x00-\x7f]/.test(t)).slice(0, 60).forEach((t) => texts.push(t));
// Edge cases.
texts.push(
  '', ' ', '\t\n\r ', 'hello world', 'Hello, World!', 'HELLO   WORLD',
  'unaffable', 'I ♥ NY', 'Café naïve résumé façade', 'Ångström über Straße',
  'İstanbul ΣΟΦΟΣ', 'Привет, как дела?', 'مرحبا بالعالم', '你好，世界！', '日本語のテキスト',
  '한국어 텍스트', 'emoji 😀😂🥺🤣 and 👍🏽 and 👨‍👩‍👧', 'zero\u200bwidth\u200djoiner',
  'soft\u00adhyphen', 'nbsp\u00a0here', 'line\u2028sep', 'ctrl\u0007bell\u0000nul\ufffdrepl',
  'tab\tnew\nline', 'e\u0301 combining', 'ﬁ ligature ½ ① ㎏', '“quotes” ‘single’ «guillemets» — dash … ellipsis',
  'don\'t won\'t I\'m you\'re', 'email me at someone@example.com or http://example.com/a?b=c',
  '$100.00 #hashtag @user 50% a&b a_b a-b a~b a^b a`b', '[CLS] [SEP] [MASK] [PAD] [UNK] in text',
  '[cls] lower-case special', 'x'.repeat(100), 'y'.repeat(101), 'supercalifragilisticexpialidocious',
  'antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis',
  'word '.repeat(60).trim(), 'a,b;c:d.e!f?g', '١٢٣ ١٢٣ 123', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝐁𝐨𝐥𝐝',
  'ǅ ǆ ẞ', 'ﾃｽﾄ ｈａｌｆ', '\u{20000}\u{2A700}', '¿Qué? ¡Sí!', 'C++ is #1 :) :( <3 xD',
);

(async () => {
  const tok = Tokenizer.fromFile(path.join(dir, 'bert-base-uncased/tokenizer.json'));
  tok.disableTruncation();
  tok.disablePadding();
  const cases = [];
  for (const text of texts) {
    const e = await tok.encode(text);
    cases.push({ text, tokens: e.getTokens(), ids: e.getIds() });
  }
  tok.setTruncation(48);
  tok.setPadding({ maxLength: 48 });
  for (const c of cases) {
    const e = await tok.encode(c.text);
    c.ids48 = e.getIds();
    c.type_ids48 = e.getTypeIds();
    c.mask48 = e.getAttentionMask();
  }
  const out = { generator: 'tokenizers (npm, Hugging Face) 0.23.2, bert-base-uncased tokenizer.json', max_length: 48, cases };
  process.stdout.write(JSON.stringify(out, null, 0) + '\n');
})();
