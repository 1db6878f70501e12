package wordpiece

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emovox/emovox/internal/sharedtest"
)

// BenchmarkEncode encodes the 2000 dair-ai test tweets (and reports the
// tokens per second, [CLS] and [SEP] included) with bert-base-uncased.
func BenchmarkEncode(b *testing.B) {
	dir := sharedtest.Dir(b, "data", "text")
	tok, err := Load(filepath.Join(dir, "bert-base-uncased", "tokenizer.json"))
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "dair-ai-emotion", "test.txt"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		texts = append(texts, line[:strings.LastIndexByte(line, ';')])
	}
	tokens := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			tokens += len(tok.Encode(t, 0).IDs)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
