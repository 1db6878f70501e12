package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/emovox/emovox/internal/atomicfile"
	"github.com/emovox/emovox/recognizer"
	"github.com/emovox/emovox/reward"
)

// rewardFlags holds the flags of the reward command.
type rewardFlags struct {
	eq         int
	emotions   string // the map f
	valueRange string
	model      string
	output     string
}

func newRewardCommand() *cobra.Command {
	var f rewardFlags
	cmd := &cobra.Command{
		Use:   "reward --eq 1|2 --map EMOTION=VALUE,... [--range P,Q] [--model M] [-o OUT] DIALOGUE.jsonl",
		Short: "Compute IEmoNet's dialogue reward from the user's emotions",
		Long: `Compute the reinforcement-learning reward of a dialogue agent's turns from
the emotions of its user, by IEmoNet's Eq. 1 or Eq. 2. With P(e|h_t) the
probability of emotion e in the user's turn t and f the --map,

  ΔP(e|h_t)     = P(e|h_t) − P(e|h_{t−1})
  ΔP_est(e|h_t) = P_est(e|h_t) − P(e|h_{t−1})
  Eq. 1:  r_t = Σ_e f(e) · (ΔP(e|h_t) − ΔP_est(e|h_t))
  Eq. 2:  r_t = Σ_e f(e) · ΔP(e|h_t) − r_t^est

The dialogue file (or - for standard input) has one JSON object per user
turn t = 0, 1, ..., n:

  {"probs": {"angry": 0.6, "happy": 0.1, "neutral": 0.2, "sad": 0.1}}
  {"audio": "turn1.wav", "est_probs": {"angry": 0.4, ...}, "est_reward": 0.1}

"probs" gives the user's emotion probabilities; "audio" a recording whose
probabilities the model predicts (the embedded model unless --model; a
relative path is read from the dialogue file's directory, or the working
directory for standard input). Turns t ≥ 1 need
"est_probs" (P_est) for Eq. 1 or "est_reward" (r_t^est) for Eq. 2; turn 0
has no reward and takes no estimate. Other fields are ignored. Every
distribution must cover exactly the emotions of --map (with a model, its
labels) and sum to 1 within 0.001.

The output has one JSON line per turn t ≥ 1, the reward rounded to 12
significant digits:

  {"turn": 1, "reward": 0.4}`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReward(cmd.Context(), f, args[0], cmd.InOrStdin(), cmd.OutOrStdout())
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&f.eq, "eq", 0, "reward equation: 1 (estimated probabilities) or 2 (estimated reward)")
	fl.StringVar(&f.emotions, "map", "", "the value of every emotion, e.g. angry=-1,happy=1,neutral=0,sad=-0.5")
	fl.StringVar(&f.valueRange, "range", "-1,1", "the range [P,Q] the map's values must lie in, as P,Q")
	fl.StringVar(&f.model, "model", "", "model file for \"audio\" turns (default: the model embedded in emovox)")
	fl.StringVarP(&f.output, "output", "o", "", "write the rewards to this file, atomically (default: standard output)")
	cmd.MarkFlagRequired("eq")
	cmd.MarkFlagRequired("map")
	return cmd
}

// runReward scores the dialogue file at path ("-" for stdin) and writes
// its rewards to stdout or f.output.
func runReward(ctx context.Context, f rewardFlags, path string, stdin io.Reader, stdout io.Writer) error {
	m, err := parseRewardMap(f.emotions, f.valueRange)
	if err != nil {
		return err
	}
	audio := &audioProbs{m: m, model: f.model, dir: filepath.Dir(path)} // "." for "-"
	scorer, err := reward.NewScorer(m, reward.Equation(f.eq), audio.probs)
	if err != nil {
		return fmt.Errorf("--eq: %w", err)
	}
	if f.model != "" { // fail early on a model that does not fit the map
		if err := audio.open(); err != nil {
			return err
		}
	}
	score := func(w io.Writer) error {
		return scoreDialogue(ctx, path, stdin, scorer, w)
	}
	if f.output != "" {
		return atomicfile.Write(f.output, 0o644, score)
	}
	return score(stdout)
}

// parseRewardMap parses --map and checks its values against --range.
func parseRewardMap(emotions, valueRange string) (reward.Map, error) {
	m, err := reward.ParseMap(emotions)
	if err != nil {
		return reward.Map{}, fmt.Errorf("--map: %w", err)
	}
	ps, qs, ok := strings.Cut(valueRange, ",")
	p, errP := strconv.ParseFloat(strings.TrimSpace(ps), 64)
	q, errQ := strconv.ParseFloat(strings.TrimSpace(qs), 64)
	if !ok || errP != nil || errQ != nil {
		return reward.Map{}, fmt.Errorf("--range %q: want P,Q, such as -1,1", valueRange)
	}
	if err := m.CheckRange(p, q); err != nil {
		return reward.Map{}, fmt.Errorf("--map: %w", err)
	}
	return m, nil
}

// scoreDialogue scores the dialogue file at path ("-" for stdin) and
// writes one JSON line per reward to w.
func scoreDialogue(ctx context.Context, path string, stdin io.Reader, s *reward.Scorer, w io.Writer) error {
	in, name := stdin, "stdin"
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return err
		}
		defer file.Close()
		in, name = file, path
	}
	bw := bufio.NewWriter(w)
	err := reward.Score(ctx, in, name, s, func(r reward.Reward) error {
		_, err := fmt.Fprintf(bw, "{\"turn\": %d, \"reward\": %s}\n", r.Turn, formatReward(r.Value))
		return err
	})
	if flushErr := bw.Flush(); err == nil {
		err = flushErr
	}
	return err
}

// formatReward writes a reward rounded to 12 significant digits, which
// drops float64 noise such as 0.30000000000000004: 0.3, -0.15, 1e-05.
func formatReward(r float64) string {
	return strconv.FormatFloat(r, 'g', 12, 64)
}

// audioProbs predicts the probabilities of "audio" turns with a model
// opened on first use.
type audioProbs struct {
	m     reward.Map
	model string // the model file; "" for the embedded model
	dir   string // relative audio paths are read from here
	r     *recognizer.Recognizer
}

// probs is a reward.ProbsFunc.
func (a *audioProbs) probs(path string) (reward.Distribution, error) {
	if err := a.open(); err != nil {
		return nil, err
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(a.dir, path)
	}
	res, err := a.r.PredictFile(path)
	if err != nil {
		return nil, err
	}
	return reward.Distribution(res.Map()), nil
}

// open opens the model, unless it is open, and checks that the map values
// exactly its labels.
func (a *audioProbs) open() error {
	if a.r != nil {
		return nil
	}
	r, err := openRecognizer(a.model)
	if err != nil {
		return err
	}
	name := "the embedded model"
	if a.model != "" {
		name = "model " + a.model
	}
	labels := r.Labels()
	var unmapped []string
	for _, l := range labels {
		if _, ok := a.m.Value(l); !ok {
			unmapped = append(unmapped, l)
		}
	}
	if unmapped != nil {
		return fmt.Errorf("--map: %w: %s, which %s predicts; give every label of the model (%s) a value",
			reward.ErrUnmappedEmotion, strings.Join(unmapped, ", "), name, strings.Join(labels, ", "))
	}
	for _, e := range a.m.Emotions() {
		if !slices.Contains(labels, e) {
			return fmt.Errorf("--map: %w: %s, which %s does not predict (its labels: %s)",
				reward.ErrMissingEmotion, e, name, strings.Join(labels, ", "))
		}
	}
	a.r = r
	return nil
}
