package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/emovox/emovox/asr"
	"github.com/emovox/emovox/asr/wer"
	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/fusion"
	"github.com/emovox/emovox/internal/atomicfile"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/split"
	"github.com/emovox/emovox/text/lexicon"
	"github.com/emovox/emovox/text/ter"
)

// fuseTextData is where the dair-ai emotion dataset lives, relative to the
// repository root.
const fuseTextData = "../shared/data/text/dair-ai-emotion"

// pairedLabelSet is the label set of the RAVDESS experiments: the five
// emotions RAVDESS shares with dair-ai (see fusion.PairedEmotions).
const pairedLabelSet = "happy=happy,sad=sad,angry=angry,fear=fear,surprise=surprise"

// fuseFlags are the flags of "emovox fuse".
type fuseFlags struct {
	corpus, labels          string
	split, protocol         string
	folds                   int
	validationFraction      float64
	seed                    uint64
	ser, terModel, lexicon  string
	textData                string
	pairs                   string
	pairSeed                uint64
	settings                string
	asrTranscripts, asrNote string
	wer                     float64
	runs                    int
	epochs, hidden          int
	dropout, lr             float64
	patience                int
	cache                   string
	jobs                    int
	output, jsonOutput      string
}

func newFuseCommand() *cobra.Command {
	var f fuseFlags
	cmd := &cobra.Command{
		Use:   "fuse --ser SER.safetensors (--ter TER.safetensors | --lexicon FILE | --lexicon train) [flags]",
		Short: "Train IEmoNet fusion blocks on frozen branches and tabulate SER, TER and fusion",
		Long: `Cross-validates IEmoNet's fusion block on the frozen acoustic (SER) and
text (TER) branches and prints a Markdown table of WA and UA (mean ± std over
folds × runs) for SER alone, TER alone and their fusion, with the corpus's
transcripts, ASR transcripts (--asr-transcripts) and simulated-WER transcripts.

--ser names the acoustic model file of "emovox train" with the same split:
with several folds, the file of fold F is SER.fold-F.safetensors (or
SER.<held-out group>.safetensors), as "emovox train -o SER.safetensors" writes them.
Settings: "paired" (RAVDESS clips read with held-out dair-ai sentences of the
same emotion, see "emovox fuse pairs") and "real" (the corpus's own transcripts).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runFuse(cmd.Context(), f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.corpus, "corpus", "ravdess", "corpus NAME[:DIR], such as ravdess or iemocap:/data/IEMOCAP_full_release")
	fl.StringVar(&f.labels, "labels", "", "label set (default: the five paired emotions for RAVDESS, iemocap4 for IEMOCAP)")
	fl.StringVar(&f.split, "split", "", "split file (the one the SER models were trained with)")
	fl.StringVar(&f.protocol, "protocol", "", "protocol without --split: speaker-kfold (default), session, loso, kfold")
	fl.IntVar(&f.folds, "folds", 5, "folds of kfold and speaker-kfold")
	fl.Float64Var(&f.validationFraction, "validation-fraction", 0.1, "share of each fold's training speakers (or items) held out for early stopping, drawn as emovox train draws them")
	fl.Uint64Var(&f.seed, "seed", 1, "seed of the split, the validation sets (as emovox train --seed) and the first run's blocks")
	fl.StringVar(&f.ser, "ser", "", "acoustic model file (per fold, see above)")
	fl.StringVar(&f.terModel, "ter", "", "text model file of emovox ter train")
	fl.StringVar(&f.lexicon, "lexicon", "", `keyword text branch instead of --ter: a lexicon file, or "train" to fit one on dair-ai train`)
	fl.StringVar(&f.textData, "text-data", fuseTextData, "dair-ai emotion directory ({train,val,test}.txt)")
	fl.StringVar(&f.pairs, "pairs", "", "paired-benchmark label file of emovox fuse pairs (default: built with --pair-seed)")
	fl.Uint64Var(&f.pairSeed, "pair-seed", 1, "seed of the pairing when --pairs is not given")
	fl.StringVar(&f.settings, "settings", "", "comma-separated settings: paired, real (default: both for RAVDESS, real otherwise)")
	fl.StringVar(&f.asrTranscripts, "asr-transcripts", "", "JSON lines of recognised transcripts ({\"file\": ..., \"text\": ...}) for the ASR rows")
	fl.StringVar(&f.asrNote, "asr-note", "", "reason printed for the ASR rows when --asr-transcripts is not given")
	fl.Float64Var(&f.wer, "wer", 0.06, "word error rate of the simulated-ASR rows")
	fl.IntVar(&f.runs, "runs", 3, "runs of every fold (block seeds seed, seed+1, ...)")
	fl.IntVar(&f.epochs, "epochs", 100, "maximum epochs of a block")
	fl.IntVar(&f.hidden, "hidden", fusion.DefaultHidden, "hidden units of a block")
	fl.Float64Var(&f.dropout, "dropout", 0.3, "dropout on a block's input")
	fl.Float64Var(&f.lr, "lr", 1e-3, "Adam learning rate of a block")
	fl.IntVar(&f.patience, "patience", 15, "early-stopping patience (validation UA)")
	fl.StringVar(&f.cache, "cache", "", "feature cache directory")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "files processed in parallel by the feature extraction (0: all cores)")
	fl.StringVarP(&f.output, "output", "o", "", "also write the Markdown table to this file")
	fl.StringVar(&f.jsonOutput, "json", "", "write every fold's WA and UA as JSON to this file")
	cmd.AddCommand(newFusePairsCommand())
	return cmd
}

func newFusePairsCommand() *cobra.Command {
	var corpusSpec, textData, output string
	var seed uint64
	cmd := &cobra.Command{
		Use:   "pairs [--corpus ravdess[:DIR]] [--seed N] -o PAIRS.jsonl",
		Short: "Write the paired RAVDESS + dair-ai benchmark's label file",
		Long: `Pairs every RAVDESS clip of happy, sad, angry, fearful or surprised with a
dair-ai sentence of the same emotion (joy, sadness, anger, fear, surprise):
one from the validation split, read when the clip trains a fusion block, and
one from the test split, read when it is tested. Neutral, calm and disgust
clips have no dair-ai class and are left out. Same seed, same file.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if output == "" {
				return fmt.Errorf("fuse pairs: -o is required")
			}
			labels, err := corpus.ParseLabelSet(pairedLabelSet)
			if err != nil {
				return err
			}
			items, err := loadLabelled([]string{corpusSpec}, labels, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			pairs, err := pairItems(items, textData, seed)
			if err != nil {
				return err
			}
			if err := fusion.WritePairs(output, pairs); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "emovox: wrote %d pairs to %s\n", len(pairs), output)
			return nil
		},
	}
	cmd.Flags().StringVar(&corpusSpec, "corpus", "ravdess", "corpus NAME[:DIR]")
	cmd.Flags().StringVar(&textData, "text-data", fuseTextData, "dair-ai emotion directory ({train,val,test}.txt)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "seed of the pairing")
	cmd.Flags().StringVarP(&output, "output", "o", "", "label file to write (JSON lines)")
	return cmd
}

// pairItems pairs items with dair-ai validation (training side) and test
// sentences.
func pairItems(items []corpus.Item, textData string, seed uint64) ([]fusion.Pair, error) {
	var pools [2][]fusion.Sentence
	for i, name := range []string{"val", "test"} {
		d, err := ter.LoadDairAI(textData, name)
		if err != nil {
			return nil, err
		}
		for j, ex := range d.Examples {
			pools[i] = append(pools[i], fusion.Sentence{Text: ex.Text, Label: d.Labels[ex.Label], Source: fmt.Sprintf("%s.txt:%d", name, j+1)})
		}
	}
	return fusion.PairClips(items, pools[0], pools[1], seed)
}

// fuseRun is one run of "emovox fuse".
type fuseRun struct {
	f              fuseFlags
	stderr         io.Writer
	items          []corpus.Item
	labelSet       corpus.LabelSet
	bench          *fusion.Bench
	serFiles       []string   // per fold
	serTestGroups  [][]string // per fold: the speakers or sessions its acoustic model must have held out
	serLabels      []string
	serScores      [][][]float32 // [fold][utterance] logits of the SER's own head
	text           fusion.TextBranch
	textLabels     []string
	textScores     func([]string) ([][]float32, error)
	cfg            fusion.TrainConfig
	embeddingCache map[string][]float32
}

func runFuse(ctx context.Context, f fuseFlags, stdout, stderr io.Writer) error {
	if f.ser == "" {
		return fmt.Errorf("fuse: --ser is required")
	}
	if (f.terModel == "") == (f.lexicon == "") {
		return fmt.Errorf("fuse: give exactly one of --ter and --lexicon")
	}
	if f.runs < 1 || !(f.wer >= 0 && f.wer <= 1) {
		return fmt.Errorf("fuse: --runs %d, --wer %v: want runs >= 1 and WER in [0, 1]", f.runs, f.wer)
	}
	x := &fuseRun{f: f, stderr: stderr, embeddingCache: map[string][]float32{}}
	x.cfg = fusion.DefaultTrainConfig()
	x.cfg.Epochs, x.cfg.Hidden, x.cfg.Dropout, x.cfg.LR, x.cfg.Patience, x.cfg.Seed = f.epochs, f.hidden, f.dropout, f.lr, f.patience, f.seed
	if err := x.loadItems(); err != nil {
		return err
	}
	if err := x.makeBench(); err != nil {
		return err
	}
	if err := x.embedAcoustic(ctx); err != nil {
		return err
	}
	if err := x.openText(); err != nil {
		return err
	}
	settings, rows, err := x.table(ctx)
	if err != nil {
		return err
	}
	return x.write(stdout, settings, rows)
}

// corpusName returns the corpus of --corpus.
func (x *fuseRun) corpusName() string {
	name, _, _ := strings.Cut(x.f.corpus, ":")
	return name
}

// loadItems loads the corpus under the label set.
func (x *fuseRun) loadItems() error {
	spec := x.f.labels
	if spec == "" {
		spec = pairedLabelSet
		if x.corpusName() == "iemocap" {
			spec = "iemocap4"
		}
	}
	labels, err := parseLabels(spec, []string{x.f.corpus})
	if err != nil {
		return err
	}
	if x.items, err = loadLabelled([]string{x.f.corpus}, labels, x.stderr); err != nil {
		return err
	}
	x.labelSet = labels
	x.bench = &fusion.Bench{Labels: labels.Labels}
	for _, it := range x.items {
		c, _ := labels.Class(it)
		x.bench.Targets = append(x.bench.Targets, labels.Index(c))
	}
	return nil
}

// makeBench reads or builds the split and carves every fold's validation
// set as emovox train does.
func (x *fuseRun) makeBench() error {
	s, err := x.newSplit()
	if err != nil {
		return err
	}
	summarizeSplit(x.stderr, s)
	sets, err := s.Resolve(x.items)
	if err != nil {
		return err
	}
	pos := make(map[string]int, len(x.items))
	for i, it := range x.items {
		pos[split.Key(it)] = i
	}
	positions := func(items []corpus.Item) []int {
		out := make([]int, len(items))
		for j, it := range items {
			out[j] = pos[split.Key(it)]
		}
		return out
	}
	bySpeaker := holdsOutSpeakers(s.Protocol)
	for k, fs := range sets {
		if len(fs.Validation) == 0 && x.f.validationFraction > 0 {
			if fs.Train, fs.Validation, err = carveValidation(fs.Train, bySpeaker, x.f.validationFraction, x.f.seed+uint64(k)); err != nil {
				return fmt.Errorf("fold %s: %w", s.Folds[k].Name, err)
			}
		}
		x.bench.Folds = append(x.bench.Folds, fusion.Positions{Train: positions(fs.Train), Validation: positions(fs.Validation), Test: positions(fs.Test)})
	}
	x.serPaths(s)
	return nil
}

// newSplit reads --split or applies --protocol.
func (x *fuseRun) newSplit() (*split.Split, error) {
	if x.f.split != "" {
		return split.ReadFile(x.f.split)
	}
	name := x.f.protocol
	if name == "" {
		name = string(split.SpeakerKFold)
	}
	p, err := split.ParseProtocol(name)
	if err != nil {
		return nil, err
	}
	o := split.Options{Seed: x.f.seed}
	if p == split.KFold || p == split.SpeakerKFold {
		o.Folds = x.f.folds
	}
	return split.New(p, x.items, o)
}

// serPaths records the acoustic model file of every fold in x.f.ser's
// place, as emovox train names them.
func (x *fuseRun) serPaths(s *split.Split) {
	x.serFiles, x.serTestGroups = nil, nil
	for _, fold := range s.Folds {
		x.serFiles = append(x.serFiles, foldPath(x.f.ser, foldLabel(fold.Name), len(s.Folds)))
		x.serTestGroups = append(x.serTestGroups, fold.TestGroups)
	}
}

// embedAcoustic extracts the features of every item once and embeds them
// with every fold's acoustic model.
func (x *fuseRun) embedAcoustic(ctx context.Context) error {
	var d *dataset.Dataset
	for k, path := range x.serFiles {
		b, err := fusion.OpenClassifierBranch(path)
		if err != nil {
			return fmt.Errorf("fold %d: %w (train the acoustic models with emovox train --split ... -o %s)", k+1, err, x.f.ser)
		}
		meta := b.Metadata()
		if d == nil {
			d, err = buildDataset(ctx, x.items, x.labelSet, dataset.Options{Set: meta.FeatureSet, Rate: meta.Rate, CacheDir: x.f.cache, Jobs: x.f.jobs}, "features", x.stderr)
			if err != nil {
				return err
			}
			x.serLabels = meta.Labels
		} else if meta.FeatureSet != d.Set || (d.Rate != 0 && meta.Rate != d.Rate) || !slices.Equal(meta.Labels, x.serLabels) {
			return fmt.Errorf("fold %d: %s reads %s at %d Hz with labels %v, fold 1's model %s at %d Hz with %v", k+1, path, meta.FeatureSet, meta.Rate, meta.Labels, d.Set, d.Rate, x.serLabels)
		}
		if err := x.checkHeldOut(k, path, meta); err != nil {
			return err
		}
		emb, scores, err := b.EmbedFeatures(d.Seqs)
		if err != nil {
			return fmt.Errorf("fold %d: %w", k+1, err)
		}
		x.bench.Acoustic = append(x.bench.Acoustic, emb)
		x.serScores = append(x.serScores, scores)
		fmt.Fprintf(x.stderr, "emovox: fold %d: %s: %d embeddings of %d values\n", k+1, path, len(emb), b.Width())
	}
	return nil
}

// checkHeldOut returns an error unless the acoustic model of fold k
// recorded that it held out the fold's test speakers or sessions (emovox
// train writes them to the model file), so that no fold is tested on
// voices its acoustic branch was trained on. A model that records none
// (protocol random or kfold) is accepted with a warning.
func (x *fuseRun) checkHeldOut(k int, path string, meta models.Metadata) error {
	want := x.serTestGroups[k]
	got, ok := meta.Training["test_groups"]
	if !ok || len(want) == 0 {
		if len(want) > 0 {
			fmt.Fprintf(x.stderr, "emovox: warning: fold %d: %s records no held-out speakers; cannot check that it never trained on %v\n", k+1, path, want)
		}
		return nil
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		return fmt.Errorf("fold %d: %s held out %v, but this split tests on %v: train the acoustic models on the same split (emovox train --split FILE)", k+1, path, got, want)
	}
	return nil
}

// openText opens the text branch and the function that gives its own
// class scores.
func (x *fuseRun) openText() error {
	if x.f.terModel != "" {
		c, _, err := ter.Load(x.f.terModel)
		if err != nil {
			return err
		}
		x.text, x.textLabels = c, c.Labels
		x.textScores = func(texts []string) ([][]float32, error) {
			preds, err := c.Predict(texts)
			if err != nil {
				return nil, err
			}
			out := make([][]float32, len(preds))
			for i, p := range preds {
				for _, v := range p.Probabilities {
					out[i] = append(out[i], float32(v))
				}
			}
			return out, nil
		}
		return nil
	}
	var m *lexicon.Model
	var err error
	if x.f.lexicon == "train" {
		var d *ter.Dataset
		if d, err = ter.LoadDairAI(x.f.textData, "train"); err != nil {
			return err
		}
		m, err = fusion.TrainLexicon(d.Texts(), d.Targets(), d.Labels, lexicon.Config{Alpha: 1})
	} else {
		m, err = lexicon.Load(x.f.lexicon)
	}
	if err != nil {
		return err
	}
	b := fusion.LexiconBranch{Model: m}
	x.text, x.textLabels, x.textScores = b, b.Labels(), b.Embed
	return nil
}

// condition is one kind of transcript: a name and, per utterance, the
// text read on the training side and on the test side; or why it is
// missing.
type condition struct {
	name, detail string // "provided" and, in this setting, "corpus transcript"
	train, test  []string
	missing      string
}

// table runs every system in every setting.
func (x *fuseRun) table(ctx context.Context) ([]string, []fusion.Row, error) {
	settings := strings.Split(x.f.settings, ",")
	if x.f.settings == "" {
		settings = []string{"real"}
		if x.corpusName() == "ravdess" {
			settings = []string{"paired", "real"}
		}
	}
	var perSetting [][]condition
	for _, s := range settings {
		conds, err := x.conditions(s)
		if err != nil {
			return nil, nil, err
		}
		perSetting = append(perSetting, conds)
	}
	serOwn, err := x.bench.Score(func(k, i int) int { return fusion.MapScores(x.serScores[k][i:i+1], x.serLabels, x.bench.Labels)[0] })
	if err != nil {
		return nil, nil, err
	}
	serBlock, err := x.bench.Run(ctx, true, nil, x.cfg, x.f.runs)
	if err != nil {
		return nil, nil, err
	}
	rows := []fusion.Row{
		{System: "SER only (its own output layer)", Transcripts: "–"},
		{System: "SER embedding + block", Transcripts: "–"},
	}
	for range settings {
		rows[0].Results = append(rows[0].Results, serOwn)
		rows[1].Results = append(rows[1].Results, serBlock)
	}
	for c := range perSetting[0] {
		var details []string
		for s := range settings {
			if cond := perSetting[s][c]; cond.missing == "" && cond.detail != "" {
				details = append(details, settings[s]+": "+cond.detail)
			}
		}
		name := perSetting[0][c].name
		if len(details) > 0 {
			name += " (" + strings.Join(details, "; ") + ")"
		}
		group := []fusion.Row{
			{System: "TER only (its own output layer)", Transcripts: name},
			{System: "TER embedding + block", Transcripts: name},
			{System: "**fusion** (SER + TER embeddings + block)", Transcripts: name},
		}
		for s := range settings {
			outs, err := x.runCondition(ctx, perSetting[s][c])
			if err != nil {
				return nil, nil, fmt.Errorf("%s, %s: %w", settings[s], perSetting[s][c].name, err)
			}
			for r := range group {
				group[r].Results = append(group[r].Results, outs[r])
			}
		}
		rows = append(rows, group...)
	}
	return settings, rows, nil
}

// runCondition returns the outcomes of TER alone, the TER block and the
// fusion block with the transcripts of cond.
func (x *fuseRun) runCondition(ctx context.Context, cond condition) ([]fusion.Outcome, error) {
	if cond.missing != "" {
		m := fusion.Outcome{Missing: cond.missing}
		return []fusion.Outcome{m, m, m}, nil
	}
	bench := x.bench
	trainEmb, err := x.embed(cond.train)
	if err != nil {
		return nil, err
	}
	testEmb, err := x.embed(cond.test)
	if err != nil {
		return nil, err
	}
	texts := &fusion.Texts{Train: trainEmb, Test: testEmb}
	scores, err := x.textScores(cond.test)
	if err != nil {
		return nil, err
	}
	pred := fusion.MapScores(scores, x.textLabels, x.bench.Labels)
	if slices.Contains(pred, -1) {
		return nil, fmt.Errorf("the text branch's labels %v name none of the classes %v", x.textLabels, x.bench.Labels)
	}
	own, err := bench.Score(func(_, i int) int { return pred[i] })
	if err != nil {
		return nil, err
	}
	block, err := bench.Run(ctx, false, texts, x.cfg, x.f.runs)
	if err != nil {
		return nil, err
	}
	fused, err := bench.Run(ctx, true, texts, x.cfg, x.f.runs)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(x.stderr, "emovox: %s: done\n", cond.name)
	return []fusion.Outcome{own, block, fused}, nil
}

// embed returns the text branch's embeddings of texts, computing each
// distinct text once per run.
func (x *fuseRun) embed(texts []string) ([][]float32, error) {
	var todo []string
	queued := map[string]bool{}
	for _, t := range texts {
		if _, ok := x.embeddingCache[t]; !ok && !queued[t] {
			todo, queued[t] = append(todo, t), true
		}
	}
	if len(todo) > 0 {
		emb, err := x.text.Embed(todo)
		if err != nil {
			return nil, fmt.Errorf("text branch: %w", err)
		}
		for i, t := range todo {
			x.embeddingCache[t] = emb[i]
		}
	}
	out := make([][]float32, len(texts))
	for i, t := range texts {
		out[i] = x.embeddingCache[t]
	}
	return out, nil
}

// conditions returns the transcript conditions of a setting: provided,
// ASR and simulated WER.
func (x *fuseRun) conditions(setting string) ([]condition, error) {
	n := len(x.items)
	provided := condition{name: "provided", train: make([]string, n), test: make([]string, n)}
	asrCond := condition{name: "ASR"}
	switch setting {
	case "paired":
		pairs, err := x.loadPairs()
		if err != nil {
			return nil, err
		}
		for i, it := range x.items {
			p, ok := pairs[split.Key(it)]
			if !ok {
				return nil, fmt.Errorf("paired setting: %s has no pair (the benchmark pairs %s only)", split.Key(it), strings.Join(fusion.PairedLabels(), ", "))
			}
			provided.train[i], provided.test[i] = p.TrainText, p.TestText
		}
		provided.detail = "held-out dair-ai sentence"
		asrCond.missing = "paired setting: the paired sentence is not spoken in the clip, so ASR of the audio cannot produce it"
	case "real":
		for i, it := range x.items {
			if it.Transcript == "" {
				return nil, fmt.Errorf("real setting: %s has no transcript", split.Key(it))
			}
			provided.train[i], provided.test[i] = it.Transcript, it.Transcript
		}
		provided.detail = "corpus transcript"
		var err error
		if asrCond, err = x.asrCondition(provided.test); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown setting %q (paired, real)", setting)
	}
	noisy, err := x.simulate(provided)
	if err != nil {
		return nil, err
	}
	return []condition{provided, asrCond, noisy}, nil
}

// loadPairs reads --pairs or pairs the items with --pair-seed.
func (x *fuseRun) loadPairs() (map[string]fusion.Pair, error) {
	var pairs []fusion.Pair
	var err error
	if x.f.pairs != "" {
		var file *os.File
		if file, err = os.Open(x.f.pairs); err != nil {
			return nil, err
		}
		defer file.Close()
		if pairs, err = fusion.ReadPairs(file); err != nil {
			return nil, fmt.Errorf("%s: %w", x.f.pairs, err)
		}
	} else if pairs, err = pairItems(x.items, x.f.textData, x.f.pairSeed); err != nil {
		return nil, err
	}
	out := make(map[string]fusion.Pair, len(pairs))
	for _, p := range pairs {
		out[p.Key] = p
	}
	return out, nil
}

// asrCondition reads the recognised transcripts of --asr-transcripts. The
// blocks train and are tested on recognised transcripts, as the simulated
// ones are, so every clip needs one; the condition's name gives the WER
// against the corpus transcripts.
func (x *fuseRun) asrCondition(reference []string) (condition, error) {
	c := condition{name: "ASR"}
	if x.f.asrTranscripts == "" {
		c.missing = x.f.asrNote
		if c.missing == "" {
			c.missing = "no --asr-transcripts given"
		}
		return c, nil
	}
	byKey, err := readTranscripts(x.f.asrTranscripts)
	if err != nil {
		return c, err
	}
	var counts wer.Counts
	var missing []string
	for i, it := range x.items {
		text, ok := byKey[asr.Key(it.Path)]
		if !ok {
			missing = append(missing, asr.Key(it.Path))
			continue
		}
		c.train = append(c.train, text)
		counts = counts.Add(wer.Score(reference[i], text))
	}
	if len(missing) > 0 {
		c.missing = fmt.Sprintf("%s has no transcript of %d of the %d clips (such as %s)", x.f.asrTranscripts, len(missing), len(x.items), missing[0])
		return c, nil
	}
	c.test = c.train
	c.detail = fmt.Sprintf("WER %.1f%%", 100*counts.WER())
	return c, nil
}

// readTranscripts reads JSON lines with the audio file ("file", "path" or
// "key") and its recognised text ("text" or "transcript"), keyed by
// asr.Key of the file.
func readTranscripts(path string) (map[string]string, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		name, text := firstString(rec, "file", "path", "key"), firstString(rec, "text", "transcript")
		if name == "" {
			return nil, fmt.Errorf("%s:%d: no file, path or key", path, line)
		}
		out[asr.Key(name)] = text
	}
	return out, sc.Err()
}

// firstString returns the first of keys that rec holds as a string.
func firstString(rec map[string]any, keys ...string) string {
	for _, k := range keys {
		if s, ok := rec[k].(string); ok {
			return s
		}
	}
	return ""
}

// simulate corrupts the provided transcripts at --wer, every utterance
// and side with its own generator seeded by --seed and its key, and names
// the condition with the measured WER. Substituted and inserted words come
// from the training side's transcripts only, so no word of a held-out test
// sentence reaches a training transcript.
func (x *fuseRun) simulate(provided condition) (condition, error) {
	vocabulary := provided.train
	sim, err := wer.NewSimulator(x.f.wer, wer.DefaultMix(), vocabulary)
	if err != nil {
		return condition{}, err
	}
	c := condition{train: make([]string, len(x.items)), test: make([]string, len(x.items))}
	var counts wer.Counts
	for i, it := range x.items {
		key := split.Key(it)
		c.train[i] = sim.Corrupt(provided.train[i], rand.New(rand.NewPCG(x.f.seed, hashString(key+"|train"))))
		c.test[i] = sim.Corrupt(provided.test[i], rand.New(rand.NewPCG(x.f.seed, hashString(key+"|test"))))
		counts = counts.Add(wer.Score(provided.test[i], c.test[i]))
	}
	c.name = fmt.Sprintf("simulated ASR, %.0f%% WER", 100*x.f.wer)
	c.detail = fmt.Sprintf("measured %.1f%%", 100*counts.WER())
	return c, nil
}

// hashString is FNV-1a of s.
func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// write prints the table with its protocol, and the JSON results.
func (x *fuseRun) write(stdout io.Writer, settings []string, rows []fusion.Row) error {
	var b strings.Builder
	if err := fusion.WriteTable(&b, settings, rows); err != nil {
		return err
	}
	folds := len(x.bench.Folds)
	fmt.Fprintf(&b, "\n%s, %d utterances, classes %s; %d folds (split seed %d), validation carved from each fold's training side (fraction %.2f, seed %d+fold);"+
		" blocks: %d runs per fold (seeds %d..%d); mean ± population std over folds × runs (over folds for the rows without training).\n",
		x.f.corpus, len(x.items), strings.Join(x.bench.Labels, ", "), folds, x.f.seed, x.f.validationFraction, x.f.seed, x.f.runs, x.f.seed, x.f.seed+uint64(x.f.runs)-1)
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return err
	}
	if x.f.output != "" {
		if err := atomicfile.Write(x.f.output, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, b.String()); return err }); err != nil {
			return err
		}
	}
	if x.f.jsonOutput == "" {
		return nil
	}
	type cell struct {
		Setting string      `json:"setting"`
		WA      [][]float64 `json:"wa,omitempty"` // [run][fold]
		UA      [][]float64 `json:"ua,omitempty"`
		Missing string      `json:"missing,omitempty"`
	}
	type row struct {
		System      string `json:"system"`
		Transcripts string `json:"transcripts"`
		Cells       []cell `json:"cells"`
	}
	var out []row
	for _, r := range rows {
		jr := row{System: r.System, Transcripts: r.Transcripts}
		for s, o := range r.Results {
			c := cell{Setting: settings[s], Missing: o.Missing}
			for _, run := range o.Reports {
				var wa, ua []float64
				for _, rep := range run {
					wa, ua = append(wa, rep.WA), append(ua, rep.UA)
				}
				c.WA, c.UA = append(c.WA, wa), append(c.UA, ua)
			}
			jr.Cells = append(jr.Cells, c)
		}
		out = append(out, jr)
	}
	return atomicfile.Write(x.f.jsonOutput, 0o644, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"corpus": x.f.corpus, "labels": x.bench.Labels, "folds": folds, "runs": x.f.runs, "seed": x.f.seed, "rows": out})
	})
}
