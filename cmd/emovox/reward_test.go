package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emovox/emovox/internal/sharedtest"
	"github.com/emovox/emovox/recognizer"
	"github.com/emovox/emovox/reward"
)

// runRewardArgs runs "emovox reward args..." with stdin and returns its
// standard output.
func runRewardArgs(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	root := newRootCommand()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetIn(strings.NewReader(stdin))
	root.SetArgs(append([]string{"reward"}, args...))
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

// writeDialogue writes a dialogue file into dir and returns its path.
func writeDialogue(t *testing.T, dir, text string) string {
	t.Helper()
	path := filepath.Join(dir, "dialogue.jsonl")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// handDialogue's rewards are computed by hand in reward/equations_test.go:
// Eq. 1 gives 0.4 and −0.15, Eq. 2 gives 0.65 − 0.25 = 0.4 and
// −0.15 − (−0.1) = −0.05.
const rewardHandDialogue = `{"probs": {"angry": 0.5, "happy": 0.1, "neutral": 0.2, "sad": 0.2}}
{"probs": {"angry": 0.2, "happy": 0.4, "neutral": 0.3, "sad": 0.1}, "est_probs": {"angry": 0.4, "happy": 0.2, "neutral": 0.3, "sad": 0.1}, "est_reward": 0.25}
{"probs": {"angry": 0.1, "happy": 0.3, "neutral": 0.2, "sad": 0.4}, "est_probs": {"angry": 0.2, "happy": 0.4, "neutral": 0.3, "sad": 0.1}, "est_reward": -0.1}
`

func TestRewardCommandHandComputed(t *testing.T) {
	path := writeDialogue(t, t.TempDir(), rewardHandDialogue)
	tests := []struct {
		eq   string
		want string
	}{
		{"1", "{\"turn\": 1, \"reward\": 0.4}\n{\"turn\": 2, \"reward\": -0.15}\n"},
		{"2", "{\"turn\": 1, \"reward\": 0.4}\n{\"turn\": 2, \"reward\": -0.05}\n"},
	}
	for _, tt := range tests {
		got, err := runRewardArgs(t, "", "--eq", tt.eq, "--map", "angry=-1,happy=1,neutral=0,sad=-0.5", path)
		if err != nil {
			t.Fatalf("--eq %s: %v", tt.eq, err)
		}
		if got != tt.want {
			t.Errorf("--eq %s: output\n%s\nwant\n%s", tt.eq, got, tt.want)
		}
		// The same from standard input.
		got, err = runRewardArgs(t, rewardHandDialogue, "--eq", tt.eq, "--map", "angry=-1,happy=1,neutral=0,sad=-0.5", "-")
		if err != nil || got != tt.want {
			t.Errorf("--eq %s from stdin: output %q, error %v, want %q", tt.eq, got, err, tt.want)
		}
	}
}

// TestRewardCommandOutputFile checks that -o writes the rewards, and
// writes nothing when the dialogue is bad.
func TestRewardCommandOutputFile(t *testing.T) {
	dir := t.TempDir()
	path := writeDialogue(t, dir, rewardHandDialogue)
	out := filepath.Join(dir, "rewards.jsonl")
	if _, err := runRewardArgs(t, "", "--eq", "2", "--map", "angry=-1,happy=1,neutral=0,sad=-0.5", "-o", out, path); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if want := "{\"turn\": 1, \"reward\": 0.4}\n{\"turn\": 2, \"reward\": -0.05}\n"; err != nil || string(got) != want {
		t.Errorf("-o file %q (%v), want %q", got, err, want)
	}

	bad := writeDialogue(t, t.TempDir(), rewardHandDialogue+`{"probs": {"angry": 1}}`)
	out2 := filepath.Join(dir, "rewards2.jsonl")
	if _, err := runRewardArgs(t, "", "--eq", "2", "--map", "angry=-1,happy=1,neutral=0,sad=-0.5", "-o", out2, bad); err == nil {
		t.Fatal("no error for a bad dialogue")
	}
	if _, err := os.Stat(out2); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("-o file written for a bad dialogue (stat: %v)", err)
	}
}

// seedMap values the eight emotions of the embedded model.
const seedMap = "angry=-1,calm=0.5,disgust=-0.8,fear=-0.8,happy=1,neutral=0,sad=-0.5,surprise=0.2"

// TestRewardCommandAudio scores a dialogue whose turns are RAVDESS
// recordings (an angry and a happy statement of actor 01), one by a path
// relative to the dialogue file and one absolute, and compares the reward
// with Eq. 2 computed here from the embedded model's predictions.
func TestRewardCommandAudio(t *testing.T) {
	ravdess := sharedtest.Dir(t, "data", "ravdess")
	angry := filepath.Join(ravdess, "Actor_01", "03-01-05-01-01-01-01.wav")
	happy := filepath.Join(ravdess, "Actor_01", "03-01-03-01-01-01-01.wav")
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "clips"), 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(angry)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "clips", "angry.wav"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	happyJSON, _ := json.Marshal(happy)
	path := writeDialogue(t, dir, `{"audio": "clips/angry.wav"}
{"audio": `+string(happyJSON)+`, "est_reward": 0.25}
`)
	// Run from another directory, so that a path resolved against the
	// working directory would not be found.
	t.Chdir(t.TempDir())
	got, err := runRewardArgs(t, "", "--eq", "2", "--map", seedMap, path)
	if err != nil {
		t.Fatal(err)
	}

	r, err := recognizer.Default()
	if err != nil {
		t.Fatal(err)
	}
	p0, err := r.PredictFile(angry)
	if err != nil {
		t.Fatal(err)
	}
	p1, err := r.PredictFile(happy)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := reward.ParseMap(seedMap)
	want := -0.25 // − r_1^est
	for _, e := range f.Emotions() {
		v, _ := f.Value(e)
		want += v * (p1.Prob(e) - p0.Prob(e))
	}
	var line struct {
		Turn   int
		Reward float64
	}
	if err := json.Unmarshal([]byte(got), &line); err != nil || strings.Count(got, "\n") != 1 {
		t.Fatalf("output %q is not one JSON line (%v)", got, err)
	}
	// The output rounds to 12 significant digits.
	if line.Turn != 1 || math.Abs(line.Reward-want) > 1e-11 {
		t.Errorf("turn %d reward %v, want turn 1 reward %v", line.Turn, line.Reward, want)
	}
	// The model hears the angry statement as angrier than the happy one,
	// so the user "cheered up": the change is positive.
	if want+0.25 <= 0 {
		t.Errorf("Σ f ΔP = %v from the angry to the happy statement, want > 0", want+0.25)
	}
}

func TestRewardCommandErrors(t *testing.T) {
	dir := t.TempDir()
	good := writeDialogue(t, dir, rewardHandDialogue)
	badLine := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(badLine, []byte(rewardHandDialogue[:strings.Index(rewardHandDialogue, "\n")+1]+`{"probs": {"angry": 0.5, "happy": 0.5, "neutral": 0, "sad": 0.1}, "est_reward": 0}`+"\n"), 0o644)
	audio := filepath.Join(dir, "audio.jsonl")
	os.WriteFile(audio, []byte(`{"audio": "missing.wav"}`+"\n"), 0o644)
	four := "angry=-1,happy=1,neutral=0,sad=-0.5"
	tests := []struct {
		name     string
		args     []string
		want     error // nil: only the text is checked
		wantText string
	}{
		{"no --eq", []string{"--map", four, good}, nil, `required flag(s) "eq" not set`},
		{"no --map", []string{"--eq", "1", good}, nil, `required flag(s) "map" not set`},
		{"no dialogue", []string{"--eq", "1", "--map", four}, nil, "accepts 1 arg(s), received 0"},
		{"unknown equation", []string{"--eq", "3", "--map", four, good}, reward.ErrEquation, "--eq: reward: unknown equation: 3, want 1 or 2"},
		{"malformed map", []string{"--eq", "1", "--map", "angry=-1,happy", good}, reward.ErrMap, `--map: reward: malformed emotion map: entry "happy"`},
		{"value out of range", []string{"--eq", "1", "--map", "angry=-2,happy=1", good}, reward.ErrRange, "--map: reward: map value out of range: angry=-2 outside [-1, 1]"},
		{"value in a wider range", []string{"--eq", "1", "--map", "angry=-2,happy=1", "--range", "-2,2", good}, reward.ErrUnmappedEmotion, "dialogue.jsonl:1: turn 0: probs: reward: emotion not in the map: neutral, sad"},
		{"malformed range", []string{"--eq", "1", "--map", four, "--range", "-1", good}, nil, `--range "-1": want P,Q`},
		{"missing file", []string{"--eq", "1", "--map", four, filepath.Join(dir, "none.jsonl")}, os.ErrNotExist, "none.jsonl"},
		{"bad sum", []string{"--eq", "2", "--map", four, badLine}, reward.ErrDistribution, "bad.jsonl:2: turn 1: probs: reward: not a probability distribution: probabilities sum to 1.1"},
		{"map lacks model labels", []string{"--eq", "1", "--map", four, audio}, reward.ErrUnmappedEmotion, "audio.jsonl:1: turn 0: audio missing.wav: --map: reward: emotion not in the map: calm, disgust, fear, surprise, which the embedded model predicts"},
		{"map beyond model labels", []string{"--eq", "1", "--map", seedMap + ",bored=0", audio}, reward.ErrMissingEmotion, "bored, which the embedded model does not predict"},
		{"missing audio file", []string{"--eq", "1", "--map", seedMap, audio}, nil, "audio.jsonl:1: turn 0: audio missing.wav: "},
		{"missing model", []string{"--eq", "1", "--map", four, "--model", filepath.Join(dir, "none.safetensors"), good}, os.ErrNotExist, "none.safetensors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := runRewardArgs(t, "", tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.wantText) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("error %v, want %v containing %q", err, tt.want, tt.wantText)
			}
		})
	}
}

func TestFormatReward(t *testing.T) {
	tests := []struct {
		r    float64
		want string
	}{
		{0.1 + 0.2, "0.3"},
		{-0.15, "-0.15"},
		{0, "0"},
		{1, "1"},
		{1e-5, "1e-05"},
		{1.70895718529123, "1.70895718529"},
	}
	for _, tt := range tests {
		if got := formatReward(tt.r); got != tt.want {
			t.Errorf("formatReward(%v) = %q, want %q", tt.r, got, tt.want)
		}
		var v float64
		if err := json.Unmarshal([]byte(formatReward(tt.r)), &v); err != nil {
			t.Errorf("formatReward(%v) is not a JSON number: %v", tt.r, err)
		}
	}
}
