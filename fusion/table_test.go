package fusion

import (
	"context"
	"strings"
	"testing"

	"github.com/emovox/emovox/metrics"
)

func report(t *testing.T, yTrue, yPred []int) *metrics.Report {
	t.Helper()
	r, err := metrics.Evaluate([]string{"a", "b"}, yTrue, yPred)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestWriteTable checks the layout and the numbers: WA 3/4 and 1/4 give
// 50.0 ± 25.0; UA (1 + 1/2)/2 and (1/2 + 0)/2 give 50.0 ± 25.0 too.
func TestWriteTable(t *testing.T) {
	a := report(t, []int{0, 0, 1, 1}, []int{0, 0, 1, 0}) // WA .75, UA .75
	b := report(t, []int{0, 0, 1, 1}, []int{0, 1, 0, 0}) // WA .25, UA .25
	rows := []Row{
		{System: "fusion", Transcripts: "provided", Results: []Outcome{{Reports: [][]*metrics.Report{{a, b}}}, {Missing: "no recogniser"}}},
		{System: "TER", Transcripts: "ASR", Results: []Outcome{{Missing: "not spoken"}, {Missing: "no recogniser"}}},
	}
	var sb strings.Builder
	if err := WriteTable(&sb, []string{"paired", "RAVDESS"}, rows); err != nil {
		t.Fatal(err)
	}
	want := "| system | transcripts | paired WA | paired UA | RAVDESS WA | RAVDESS UA |\n" +
		"|---|---|---|---|---|---|\n" +
		"| fusion | provided | 50.0 ± 25.0 | 50.0 ± 25.0 | n/a [1] | n/a |\n" +
		"| TER | ASR | n/a [2] | n/a | n/a [1] | n/a |\n" +
		"\n[1] no recogniser\n[2] not spoken\n"
	if sb.String() != want {
		t.Errorf("got\n%s\nwant\n%s", sb.String(), want)
	}
}

func TestCrossValidate(t *testing.T) {
	folds := []Fold{
		{Train: synthetic(40, 2, 1), Validation: synthetic(10, 2, 2), Test: synthetic(20, 2, 3)},
		{Train: synthetic(40, 2, 4), Validation: synthetic(10, 2, 5), Test: synthetic(20, 2, 6)},
	}
	reports, err := CrossValidate(context.Background(), folds, fourLabels, DefaultTrainConfig(), 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 2 || len(reports[0]) != 2 || len(reports[1]) != 2 {
		t.Fatalf("reports shaped %d×%d, want 2×2", len(reports), len(reports[0]))
	}
	wa, ua := Outcome{Reports: reports}.Summary()
	if wa.N != 4 || wa.Mean < 0.8 || ua.Mean < 0.8 {
		t.Errorf("WA %v UA %v over %d evaluations; want ≥ 0.8 over 4", wa.Mean, ua.Mean, wa.N)
	}
	if reports[0][0].WA == reports[1][0].WA && reports[0][1].WA == reports[1][1].WA {
		t.Log("runs with seeds 1 and 2 scored the same on both folds")
	}
}

func TestLexiconBranch(t *testing.T) {
	texts := []string{"What a happy day!", "so HAPPY", "a sad day", "sad news"}
	m, err := TrainLexicon(texts, []int{0, 0, 1, 1}, []string{"joy", "sadness"}, lexiconConfig())
	if err != nil {
		t.Fatal(err)
	}
	b := LexiconBranch{Model: m}
	emb, err := b.Embed([]string{"Happy!", "sad", "unknown words"})
	if err != nil {
		t.Fatal(err)
	}
	// Log-posteriors: each row's probabilities sum to 1; "Happy!" leans
	// to joy, "sad" to sadness, unknown words to the (equal) priors.
	for i, row := range emb {
		var sum float64
		for _, v := range row {
			sum += expf(v)
		}
		if sum < 0.9999 || sum > 1.0001 {
			t.Errorf("row %d: probabilities sum to %v", i, sum)
		}
	}
	if !(emb[0][0] > emb[0][1] && emb[1][1] > emb[1][0] && emb[2][0] == emb[2][1]) {
		t.Errorf("embeddings %v", emb)
	}
}
