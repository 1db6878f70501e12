package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/fusion"
	"github.com/emovox/emovox/internal/sharedtest"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/models/iemonet"
	"github.com/emovox/emovox/models/modelfile"
	"github.com/emovox/emovox/text/lexicon"
)

// writeTone writes d seconds of a sine at hz as a 16 kHz 16-bit mono WAV.
func writeTone(t *testing.T, path string, hz, d float64) {
	t.Helper()
	n := int(d * 16000)
	data := make([]byte, 44+2*n)
	copy(data, "RIFF")
	binary.LittleEndian.PutUint32(data[4:], uint32(36+2*n))
	copy(data[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(data[16:], 16)
	binary.LittleEndian.PutUint16(data[20:], 1) // PCM
	binary.LittleEndian.PutUint16(data[22:], 1) // mono
	binary.LittleEndian.PutUint32(data[24:], 16000)
	binary.LittleEndian.PutUint32(data[28:], 32000)
	binary.LittleEndian.PutUint16(data[32:], 2)
	binary.LittleEndian.PutUint16(data[34:], 16)
	copy(data[36:], "data")
	binary.LittleEndian.PutUint32(data[40:], uint32(2*n))
	for i := range n {
		v := int16(8000 * math.Sin(2*math.Pi*hz*float64(i)/16000))
		binary.LittleEndian.PutUint16(data[44+2*i:], uint16(v))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// iemocapSentences are the transcripts of the tiny IEMOCAP tree, one per
// class: the text names the emotion.
var iemocapSentences = map[string]string{
	"ang": "I am so angry and furious with you",
	"hap": "this is wonderful and I am happy",
	"neu": "the table is in the kitchen",
	"sad": "I miss her and I feel so sad",
}

// tinyIEMOCAP writes an IEMOCAP tree of two sessions, each with a female
// and a male speaker saying three utterances of each of ang, hap, neu and
// sad, in the release's layout, and returns its root.
func tinyIEMOCAP(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	codes := []string{"ang", "hap", "neu", "sad"}
	for s := 1; s <= 2; s++ {
		dialog := fmt.Sprintf("Ses%02dF_impro01", s)
		var labels, transcripts strings.Builder
		labels.WriteString("% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]\n\n")
		start := 1.0
		for _, spk := range []string{"F", "M"} {
			for c, code := range codes {
				for r := range 3 {
					utt := fmt.Sprintf("%s_%s%03d", dialog, spk, 10*c+r)
					fmt.Fprintf(&labels, "[%.4f - %.4f]\t%s\t%s\t[2.5000, 2.5000, 2.5000]\n\n", start, start+0.5, utt, code)
					fmt.Fprintf(&transcripts, "%s [%08.4f-%08.4f]: %s.\n", utt, start, start+0.5, iemocapSentences[code])
					writeTone(t, filepath.Join(root, fmt.Sprintf("Session%d/sentences/wav/%s/%s.wav", s, dialog, utt)), 150+100*float64(c)+10*float64(r), 0.5)
					start++
				}
			}
		}
		for name, content := range map[string]string{"EmoEvaluation": labels.String(), "transcriptions": transcripts.String()} {
			path := filepath.Join(root, fmt.Sprintf("Session%d/dialog/%s/%s.txt", s, name, dialog))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return root
}

// saveTinySER writes a small IEmoNet acoustic model with random weights,
// labelled with labels, to path.
func saveTinySER(t *testing.T, path string, labels []string, seed uint64) {
	t.Helper()
	cfg := iemonet.Config{Hidden: 8, Attention: 6}
	m, err := iemonet.New(cfg, len(labels), rand.New(rand.NewPCG(seed, 1)))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(cfg)
	norm := dataset.Normalizer{Mean: make([]float32, 32), Std: make([]float32, 32)}
	for j := range norm.Std {
		norm.Std[j] = 1
	}
	meta := models.Metadata{Architecture: iemonet.Architecture, Config: raw, FeatureSet: iemonet.FeatureSet,
		Rate: 16000, Frames: 60, Truncation: "start", Labels: labels, LabelSet: "iemocap4", Normalizer: norm}
	if err := modelfile.Save(path, m, meta); err != nil {
		t.Fatal(err)
	}
}

// tinyIEMOCAPBranches writes a tiny IEMOCAP tree, random acoustic models
// for its two session folds (SER.fold-*.safetensors beside ser) and a
// keyword text branch fitted on its sentences, and returns the tree, the
// directory holding the rest, ser and the lexicon's path.
func tinyIEMOCAPBranches(t *testing.T) (root, dir, ser, lexPath string) {
	t.Helper()
	root, dir = tinyIEMOCAP(t), t.TempDir()
	labels := corpus.IEMOCAP4().Labels
	ser = filepath.Join(dir, "ser.safetensors")
	for k, session := range []string{"Session1", "Session2"} {
		saveTinySER(t, foldPath(ser, foldLabel("iemocap/"+session), 2), labels, uint64(k))
	}
	var texts []string
	var targets []int
	for c, code := range []string{"ang", "hap", "neu", "sad"} {
		texts, targets = append(texts, iemocapSentences[code]), append(targets, c)
	}
	lex, err := fusion.TrainLexicon(texts, targets, labels, lexiconConfigForTest())
	if err != nil {
		t.Fatal(err)
	}
	lexPath = filepath.Join(dir, "lexicon.json")
	if err := lex.Save(lexPath); err != nil {
		t.Fatal(err)
	}
	return root, dir, ser, lexPath
}

// TestFuseIEMOCAPPath runs the whole fusion experiment on a tiny IEMOCAP
// tree, leave-one-session-out, with random acoustic models and a keyword
// text branch fitted on the tree's own sentences: the text names the
// emotion, so TER alone and fusion must be perfect with the corpus
// transcripts and with "recognised" transcripts equal to them (WER 0),
// and fusion nearly so.
func TestFuseIEMOCAPPath(t *testing.T) {
	root, dir, ser, lexPath := tinyIEMOCAPBranches(t)
	// "Recognised" transcripts: the corpus's, lower-cased, without the
	// full stop.
	var asrLines strings.Builder
	filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if strings.HasSuffix(path, ".wav") {
			code := []string{"ang", "hap", "neu", "sad"}[path[len(path)-6]-'0'] // ..._F012.wav: class 1
			fmt.Fprintf(&asrLines, "{\"file\": %q, \"text\": %q}\n", path, strings.ToLower(iemocapSentences[code]))
		}
		return nil
	})
	asrPath := filepath.Join(dir, "asr.jsonl")
	os.WriteFile(asrPath, []byte(asrLines.String()), 0o644)
	jsonPath := filepath.Join(dir, "results.json")
	stdout, stderr, err := execute(context.Background(), "fuse", "--corpus", "iemocap:"+root, "--protocol", "session",
		"--ser", ser, "--lexicon", lexPath, "--asr-transcripts", asrPath, "--runs", "2", "--epochs", "30", "--validation-fraction", "0.2", "--json", jsonPath, "-j", "1")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	t.Log("\n" + stdout)
	lines := strings.Split(stdout, "\n")
	want := map[string]string{
		"| TER only (its own output layer) | provided (real: corpus transcript) |": "| 100.0 ± 0.0 | 100.0 ± 0.0 |",
		"| TER only (its own output layer) | ASR (real: WER 0.0%) |":               "| 100.0 ± 0.0 | 100.0 ± 0.0 |",
	}
	for prefix, rest := range want {
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				found = true
				if !strings.HasSuffix(l, rest) {
					t.Errorf("row %q, want it to end %q", l, rest)
				}
			}
		}
		if !found {
			t.Errorf("no row %q in\n%s", prefix, stdout)
		}
	}
	// Fusion reads random acoustic embeddings beside the perfect text
	// ones and sees 19 training utterances: it must still reach 85% WA.
	for _, l := range lines {
		if strings.HasPrefix(l, "| **fusion** (SER + TER embeddings + block) | provided") {
			var wa float64
			cells := strings.Split(l, "|")
			if _, err := fmt.Sscan(cells[3], &wa); err != nil || wa < 85 {
				t.Errorf("fusion row %q: WA %v, want >= 85", l, wa)
			}
		}
	}
	if !strings.Contains(stdout, "| system | transcripts | real WA | real UA |") || !strings.Contains(stdout, "simulated ASR, 6% WER") {
		t.Errorf("table header or simulated-WER row missing:\n%s", stdout)
	}
	var results struct {
		Folds int `json:"folds"`
		Rows  []struct {
			Cells []struct {
				WA [][]float64 `json:"wa"`
			} `json:"cells"`
		} `json:"rows"`
	}
	data, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &results); err != nil {
		t.Fatal(err)
	}
	if results.Folds != 2 || len(results.Rows) != 11 || len(results.Rows[1].Cells[0].WA) != 2 || len(results.Rows[1].Cells[0].WA[0]) != 2 {
		t.Errorf("results: %d folds, %d rows, want 2 folds, 11 rows, 2 runs × 2 folds per block", results.Folds, len(results.Rows))
	}
}

// TestFuseASRNeedsEveryClip gives recognised transcripts for all but one
// utterance: the ASR rows are n/a and say why.
func TestFuseASRNeedsEveryClip(t *testing.T) {
	root, dir, ser, lexPath := tinyIEMOCAPBranches(t)
	var lines strings.Builder
	matches, _ := filepath.Glob(filepath.Join(root, "Session1/sentences/wav/*/*.wav"))
	more, _ := filepath.Glob(filepath.Join(root, "Session2/sentences/wav/*/*.wav"))
	matches = append(matches, more[:len(more)-1]...)
	for _, path := range matches {
		code := []string{"ang", "hap", "neu", "sad"}[path[len(path)-6]-'0']
		fmt.Fprintf(&lines, "{\"file\": %q, \"text\": %q}\n", path, iemocapSentences[code])
	}
	asrPath := filepath.Join(dir, "asr.jsonl")
	if err := os.WriteFile(asrPath, []byte(lines.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := execute(context.Background(), "fuse", "--corpus", "iemocap:"+root, "--protocol", "session",
		"--ser", ser, "--lexicon", lexPath, "--asr-transcripts", asrPath, "--runs", "1", "--epochs", "5", "--validation-fraction", "0.2", "-j", "1")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	want := "| TER only (its own output layer) | ASR | n/a [1] | n/a |"
	if !strings.Contains(stdout, want) || !strings.Contains(stdout, "has no transcript of 1 of the 48 clips") {
		t.Errorf("no row %q or no reason in\n%s", want, stdout)
	}
}

func TestFuseRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"fuse", "--lexicon", "train"},                          // no --ser
		{"fuse", "--ser", "x.safetensors"},                      // no text branch
		{"fuse", "--ser", "x", "--ter", "y", "--lexicon", "z"},  // two text branches
		{"fuse", "--ser", "x", "--lexicon", "z", "--runs", "0"}, // no run
		{"fuse", "pairs"},                                       // no -o
	} {
		if _, _, err := execute(context.Background(), args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}

// TestFusePairs pairs the clips of two real RAVDESS actors with dair-ai
// sentences and checks every pair against the dair-ai files.
func TestFusePairs(t *testing.T) {
	ravdess := smallRAVDESS(t, 1, 2)
	text := sharedtest.Dir(t, "data", "text", "dair-ai-emotion")
	out := filepath.Join(t.TempDir(), "pairs.jsonl")
	if _, stderr, err := execute(context.Background(), "fuse", "pairs", "--corpus", "ravdess:"+ravdess, "--text-data", text, "-o", out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := fusion.ReadPairs(f)
	if err != nil {
		t.Fatal(err)
	}
	// 2 actors × 5 paired emotions × 2 repetitions.
	if len(pairs) != 20 {
		t.Fatalf("%d pairs, want 20", len(pairs))
	}
	lines := map[string][]string{}
	for _, name := range []string{"val", "test"} {
		data, err := os.ReadFile(filepath.Join(text, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		lines[name] = strings.Split(string(data), "\n")
	}
	check := func(p fusion.Pair, source, sentence, split string) {
		name, num, _ := strings.Cut(source, ".txt:")
		var n int
		fmt.Sscan(num, &n)
		if name != split || n < 1 || n > len(lines[name]) {
			t.Errorf("%s: source %q, want %s.txt:N", p.Key, source, split)
			return
		}
		if want := sentence + ";" + p.TextLabel; lines[name][n-1] != want {
			t.Errorf("%s: %s line %d is %q, want %q", p.Key, name, n, lines[name][n-1], want)
		}
	}
	for _, p := range pairs {
		check(p, p.TrainSource, p.TrainText, "val")
		check(p, p.TestSource, p.TestText, "test")
	}
}

func lexiconConfigForTest() lexicon.Config { return lexicon.Config{Alpha: 1} }

func TestFuseChecksHeldOutSpeakers(t *testing.T) {
	// Model metadata comes back from JSON, so its groups are []any.
	recorded := func(groups ...any) models.Metadata {
		return models.Metadata{Training: map[string]any{"test_groups": groups}}
	}
	for _, tc := range []struct {
		name    string
		meta    models.Metadata
		wantErr bool
	}{
		{"same speakers", recorded("03", "04"), false},
		{"other speakers", recorded("01", "02"), true},
		{"none recorded", models.Metadata{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			x := &fuseRun{serTestGroups: [][]string{{"03", "04"}}, stderr: &stderr}
			err := x.checkHeldOut(0, "ser.fold-1.safetensors", tc.meta)
			if (err != nil) != tc.wantErr {
				t.Fatalf("checkHeldOut: %v, want error %v", err, tc.wantErr)
			}
			if tc.meta.Training == nil && !strings.Contains(stderr.String(), "warning") {
				t.Errorf("no warning for a model that records no held-out speakers: %q", stderr.String())
			}
		})
	}
}
