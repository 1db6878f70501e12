package reward

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"testing/iotest"
)

// handDialogue is the dialogue of the hand-computed cases (see
// equations_test.go): P0 → P1 → P2 with both kinds of estimate.
const handDialogue = `{"probs": {"angry": 0.5, "happy": 0.1, "neutral": 0.2, "sad": 0.2}}
{"probs": {"angry": 0.2, "happy": 0.4, "neutral": 0.3, "sad": 0.1}, "est_probs": {"angry": 0.4, "happy": 0.2, "neutral": 0.3, "sad": 0.1}, "est_reward": 0.25}
{"probs": {"angry": 0.1, "happy": 0.3, "neutral": 0.2, "sad": 0.4}, "est_probs": {"angry": 0.2, "happy": 0.4, "neutral": 0.3, "sad": 0.1}, "est_reward": -0.1}
`

// scoreString scores a dialogue held in a string, named d.jsonl.
func scoreString(t *testing.T, m Map, eq Equation, probs ProbsFunc, dialogue string) ([]Reward, error) {
	t.Helper()
	s, err := NewScorer(m, eq, probs)
	if err != nil {
		t.Fatal(err)
	}
	var got []Reward
	err = Score(context.Background(), strings.NewReader(dialogue), "d.jsonl", s, func(r Reward) error {
		got = append(got, r)
		return nil
	})
	return got, err
}

// checkRewards compares rewards with the expected values of turns 1, 2, ...
func checkRewards(t *testing.T, got []Reward, want ...float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d rewards %v, want %d", len(got), got, len(want))
	}
	for i, r := range got {
		if r.Turn != i+1 || math.Abs(r.Value-want[i]) > tolerance {
			t.Errorf("reward %d = %+v, want turn %d reward %v ± %v", i, r, i+1, want[i], tolerance)
		}
	}
}

func TestScoreHandComputed(t *testing.T) {
	m := mustParseMap(t, fourEmotions)
	tests := []struct {
		eq   Equation
		want []float64
	}{
		// Eq. 1: turn 1 = 0.4, turn 2 = −0.15 (TestEq1HandComputed).
		{Equation1, []float64{0.4, -0.15}},
		// Eq. 2: turn 1 = 0.65 − 0.25 = 0.4, turn 2 = −0.15 + 0.1 = −0.05.
		{Equation2, []float64{0.4, -0.05}},
	}
	for _, tt := range tests {
		got, err := scoreString(t, m, tt.eq, nil, handDialogue)
		if err != nil {
			t.Fatalf("Eq. %d: %v", tt.eq, err)
		}
		checkRewards(t, got, tt.want...)
	}
}

// TestScoreLenient checks what the reader accepts besides the plain
// format: unknown fields, "turn" numbers, blank lines, CRLF line ends and a
// byte-order mark.
func TestScoreLenient(t *testing.T) {
	m := mustParseMap(t, "angry=-1,happy=1")
	dialogue := "\uFEFF" + `{"turn": 0, "text": "It broke again.", "probs": {"angry": 0.8, "happy": 0.2}}` + "\r\n\r\n" +
		`{"turn": 1, "speaker": "u1", "probs": {"angry": 0.3, "happy": 0.7}, "est_reward": 0.5, "est_probs": {"angry": 0.5, "happy": 0.5}}` + "\r\n   \n"
	got, err := scoreString(t, m, Equation2, nil, dialogue)
	if err != nil {
		t.Fatal(err)
	}
	// Σ f ΔP = (−1)(−0.5) + (1)(0.5) = 1; r = 1 − 0.5 = 0.5.
	checkRewards(t, got, 0.5)
}

// TestScoreAudio checks that audio turns take their probabilities from the
// ProbsFunc, given the path as written.
func TestScoreAudio(t *testing.T) {
	m := mustParseMap(t, "angry=-1,happy=1")
	var paths []string
	probs := func(path string) (Distribution, error) {
		paths = append(paths, path)
		if path == "clips/calm.wav" {
			return Distribution{"angry": 0.1, "happy": 0.9}, nil
		}
		return Distribution{"angry": 0.6, "happy": 0.4}, nil
	}
	dialogue := `{"audio": "clips/cross.wav"}
{"audio": "clips/calm.wav", "est_probs": {"angry": 0.6, "happy": 0.4}}
{"probs": {"angry": 0.1, "happy": 0.9}, "est_probs": {"angry": 0.2, "happy": 0.8}}
`
	got, err := scoreString(t, m, Equation1, probs, dialogue)
	if err != nil {
		t.Fatal(err)
	}
	// Turn 1: ΔP = angry −0.5, happy +0.5; ΔP_est = 0; r = 0.5 + 0.5 = 1.
	// Turn 2: ΔP = 0; ΔP_est = angry +0.1, happy −0.1;
	//         r = (−1)(0 − 0.1) + (1)(0 − (−0.1)) = 0.1 + 0.1 = 0.2.
	checkRewards(t, got, 1, 0.2)
	if strings.Join(paths, " ") != "clips/cross.wav clips/calm.wav" {
		t.Errorf("ProbsFunc called with %q", paths)
	}
}

func TestScoreErrors(t *testing.T) {
	m := mustParseMap(t, "angry=-1,happy=1")
	errProbs := errors.New("cannot decode")
	probs := func(path string) (Distribution, error) {
		switch path {
		case "broken.wav":
			return nil, errProbs
		case "calm.wav":
			return Distribution{"angry": 0.1, "calm": 0.8, "happy": 0.1}, nil
		}
		return Distribution{"angry": 0.5, "happy": 0.5}, nil
	}
	const ok0 = `{"probs": {"angry": 0.5, "happy": 0.5}}` + "\n"
	const ok1 = `{"probs": {"angry": 0.5, "happy": 0.5}, "est_probs": {"angry": 0.5, "happy": 0.5}, "est_reward": 0}` + "\n"
	tests := []struct {
		name     string
		eq       Equation
		dialogue string
		want     error
		wantText string
	}{
		{"empty file", Equation1, "", ErrEmpty, "d.jsonl: reward: dialogue has no turns"},
		{"only blank lines", Equation1, "\n  \n", ErrEmpty, "d.jsonl: "},
		{"bad JSON", Equation1, ok0 + `{"probs": {"angry": 0.5,}}`, ErrTurn, "d.jsonl:2: reward: malformed turn: invalid character"},
		{"not an object", Equation1, "[1, 2]\n", ErrTurn, "d.jsonl:1: reward: malformed turn: want a JSON object"},
		{"trailing data", Equation1, ok0 + ok1[:len(ok1)-1] + " {}\n", ErrTurn, "d.jsonl:2: "},
		{"probability is a string", Equation1, `{"probs": {"angry": "0.5", "happy": 0.5}}`, ErrTurn, `d.jsonl:1: reward: malformed turn: "probs": string where a number belongs`},
		{"probs is a list", Equation1, `{"probs": [0.5, 0.5]}`, ErrTurn, `"probs": array where an object of emotion: probability belongs`},
		{"audio is a number", Equation1, `{"audio": 3}`, ErrTurn, `"audio": number where a string belongs`},
		{"est_reward is a string", Equation2, ok0 + `{"probs": {"angry": 0.5, "happy": 0.5}, "est_reward": "high"}`, ErrTurn, `d.jsonl:2: reward: malformed turn: "est_reward": string where a number belongs`},
		{"turn is a fraction", Equation1, `{"turn": 0.5}`, ErrTurn, `"turn": number 0.5 where an integer belongs`},
		{"probability overflows", Equation1, `{"probs": {"angry": 1e400, "happy": 0}}`, ErrTurn, `"probs": number 1e400 is out of range`},
		{"line number after blank lines", Equation1, ok0 + "\n\n" + `{"probs": {}}`, ErrEstimate, "d.jsonl:4: turn 1: "},
		{"line too long", Equation1, ok0 + `{"x": "` + strings.Repeat("a", maxLineBytes) + `"}`, ErrTurn, "d.jsonl:2: reward: malformed turn: line longer than"},
		{"neither probs nor audio", Equation1, `{"text": "hi"}`, ErrTurn, `d.jsonl:1: turn 0: reward: malformed turn: want exactly one of "probs" and "audio"`},
		{"both probs and audio", Equation1, `{"probs": {"angry": 0.5, "happy": 0.5}, "audio": "a.wav"}`, ErrTurn, "exactly one"},
		{"turn number out of sequence", Equation1, ok0 + `{"turn": 2}`, ErrTurn, `d.jsonl:2: reward: malformed turn: "turn": 2 on turn 1`},
		{"probabilities sum to 0.95", Equation1, ok0 + `{"probs": {"angry": 0.5, "happy": 0.45}, "est_probs": {"angry": 0.5, "happy": 0.5}}`, ErrDistribution, "d.jsonl:2: turn 1: probs: reward: not a probability distribution: probabilities sum to 0.95, want 1 ± 0.001"},
		{"unmapped emotion", Equation1, `{"probs": {"angry": 0.5, "happy": 0.4, "sad": 0.1}}`, ErrUnmappedEmotion, "d.jsonl:1: turn 0: probs: reward: emotion not in the map: sad (the map has angry, happy)"},
		{"missing emotion", Equation2, ok0 + `{"probs": {"happy": 1}, "est_reward": 0}`, ErrMissingEmotion, "d.jsonl:2: turn 1: probs: reward: emotion of the map missing from the probabilities: angry"},
		{"Eq. 1 without est_probs", Equation1, ok0 + `{"probs": {"angry": 0.5, "happy": 0.5}, "est_reward": 0}`, ErrEstimate, `d.jsonl:2: turn 1: reward: missing or misplaced estimate: Eq. 1 needs "est_probs"`},
		{"Eq. 2 without est_reward", Equation2, ok0 + ok1 + `{"probs": {"angry": 0.5, "happy": 0.5}, "est_probs": {"angry": 0.5, "happy": 0.5}}`, ErrEstimate, `d.jsonl:3: turn 2: reward: missing or misplaced estimate: Eq. 2 needs "est_reward"`},
		{"estimate on turn 0", Equation2, ok1, ErrEstimate, "d.jsonl:1: turn 0: reward: missing or misplaced estimate: turn 0 has no reward"},
		{"est_probs not a distribution", Equation1, ok0 + `{"probs": {"angry": 0.5, "happy": 0.5}, "est_probs": {"angry": -0.5, "happy": 1.5}}`, ErrDistribution, "d.jsonl:2: turn 1: est_probs: reward: not a probability distribution: P(angry) = -0.5"},
		{"est_probs missing an emotion", Equation1, ok0 + `{"probs": {"angry": 0.5, "happy": 0.5}, "est_probs": {"happy": 1}}`, ErrMissingEmotion, "est_probs: "},
		{"recogniser fails", Equation1, `{"audio": "broken.wav"}`, errProbs, "d.jsonl:1: turn 0: audio broken.wav: cannot decode"},
		{"recogniser's labels not in the map", Equation1, `{"audio": "calm.wav"}`, ErrUnmappedEmotion, "d.jsonl:1: turn 0: audio calm.wav: predicted probabilities: reward: emotion not in the map: calm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scoreString(t, m, tt.eq, probs, tt.dialogue)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %v, want %v containing %q", err, tt.want, tt.wantText)
			}
			var le *LineError
			if tt.want != ErrEmpty && !errors.As(err, &le) {
				t.Errorf("error %v is not a *LineError", err)
			}
		})
	}
}

func TestScoreAudioWithoutRecognizer(t *testing.T) {
	m := mustParseMap(t, "angry=-1,happy=1")
	_, err := scoreString(t, m, Equation1, nil, `{"audio": "a.wav"}`)
	if !errors.Is(err, ErrNoRecognizer) || !strings.Contains(err.Error(), "d.jsonl:1: turn 0: ") {
		t.Errorf("error %v, want ErrNoRecognizer on line 1", err)
	}
}

// TestScoreStops checks that an error of emit and a cancelled context end
// scoring, the former returned as it is.
func TestScoreStops(t *testing.T) {
	m := mustParseMap(t, fourEmotions)
	s, _ := NewScorer(m, Equation1, nil)
	errStop := errors.New("stop")
	calls := 0
	err := Score(context.Background(), strings.NewReader(handDialogue), "d.jsonl", s, func(Reward) error {
		calls++
		return errStop
	})
	if err != errStop || calls != 1 {
		t.Errorf("error %v after %d calls, want %v after 1", err, calls, errStop)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s, _ = NewScorer(m, Equation1, nil)
	err = Score(ctx, strings.NewReader(handDialogue), "d.jsonl", s, func(Reward) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// TestScorerUnchangedByError checks that a rejected turn leaves the
// scorer as it was: the next valid turn is scored against the last valid
// one.
func TestScorerUnchangedByError(t *testing.T) {
	m := mustParseMap(t, fourEmotions)
	s, err := NewScorer(m, Equation1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Add(Turn{Probs: p0}); ok || err != nil {
		t.Fatalf("turn 0: ok %v, error %v, want no reward and no error", ok, err)
	}
	if _, _, err := s.Add(Turn{Probs: p2}); !errors.Is(err, ErrEstimate) {
		t.Fatalf("turn without estimate: error %v, want ErrEstimate", err)
	}
	r, ok, err := s.Add(Turn{Probs: p1, EstProbs: est1})
	if err != nil || !ok {
		t.Fatalf("ok %v, error %v", ok, err)
	}
	if r.Turn != 1 || math.Abs(r.Value-0.4) > tolerance || s.Turns() != 2 {
		t.Errorf("reward %+v after %d turns, want turn 1 reward 0.4 after 2", r, s.Turns())
	}
}

func TestNewScorerErrors(t *testing.T) {
	m := mustParseMap(t, fourEmotions)
	for _, eq := range []Equation{0, 3, -1} {
		if _, err := NewScorer(m, eq, nil); !errors.Is(err, ErrEquation) {
			t.Errorf("NewScorer(eq %d): error %v, want ErrEquation", eq, err)
		}
	}
	if _, err := NewScorer(Map{}, Equation1, nil); !errors.Is(err, ErrMap) {
		t.Errorf("NewScorer(empty map): error %v, want ErrMap", err)
	}
}

// FuzzScore checks that no dialogue file makes scoring panic, and that
// every failure names the file.
func FuzzScore(f *testing.F) {
	f.Add(handDialogue, false)
	f.Add(handDialogue, true)
	f.Add(`{"probs": {"angry": 1e308, "happy": -1e308, "neutral": 0, "sad": 0}}`, false)
	f.Add(`{"turn": 0, "audio": "a.wav"}`+"\n"+`{"turn": -1}`, true)
	m := mustParseMap(f, fourEmotions)
	probs := func(string) (Distribution, error) { return p0, nil }
	f.Fuzz(func(t *testing.T, dialogue string, eq2 bool) {
		eq := Equation1
		if eq2 {
			eq = Equation2
		}
		s, err := NewScorer(m, eq, probs)
		if err != nil {
			t.Fatal(err)
		}
		err = Score(context.Background(), strings.NewReader(dialogue), "d.jsonl", s, func(r Reward) error {
			if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) {
				t.Errorf("reward %v", r)
			}
			return nil
		})
		if err != nil && !strings.HasPrefix(err.Error(), "d.jsonl") {
			t.Errorf("error %q does not name the file", err)
		}
	})
}

// TestScorerNonFiniteEstimate checks a NaN estimated reward, which only a
// Go caller can give.
func TestScorerNonFiniteEstimate(t *testing.T) {
	s, _ := NewScorer(mustParseMap(t, fourEmotions), Equation2, nil)
	s.Add(Turn{Probs: p0})
	nan := math.NaN()
	if _, _, err := s.Add(Turn{Probs: p1, EstReward: &nan}); !errors.Is(err, ErrEstimate) || !strings.Contains(err.Error(), "turn 1: ") {
		t.Errorf("error %v, want ErrEstimate on turn 1", err)
	}
}

// TestScoreReadError checks that a failing reader's error is returned,
// naming the file.
func TestScoreReadError(t *testing.T) {
	s, _ := NewScorer(mustParseMap(t, fourEmotions), Equation2, nil)
	errRead := errors.New("disk on fire")
	err := Score(context.Background(), iotest.ErrReader(errRead), "d.jsonl", s, func(Reward) error { return nil })
	if !errors.Is(err, errRead) || !strings.HasPrefix(err.Error(), "d.jsonl: ") {
		t.Errorf("error %v, want %v naming d.jsonl", err, errRead)
	}
}
