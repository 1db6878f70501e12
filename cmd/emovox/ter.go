package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/emovox/emovox/internal/atomicfile"
	"github.com/emovox/emovox/metrics"
	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/text/bert"
	"github.com/emovox/emovox/text/lexicon"
	"github.com/emovox/emovox/text/ter"
	"github.com/emovox/emovox/text/wordpiece"
)

// defaultTextData is where the text corpora live, relative to the
// repository root.
const defaultTextData = "../shared/data/text"

func newTERCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ter",
		Short: "Text emotion recognition: BERT classifier and lexicon baseline",
		Long: `Train, evaluate and run IEmoNet's text emotion recogniser (TER): a BERT
encoder with a 768-unit FC head, on the dair-ai emotion dataset (6 classes)
or GoEmotions mapped to the IEMOCAP classes angry, happy, neutral, sad.`,
	}
	cmd.AddCommand(newTERTrainCommand(), newTEREvalCommand(), newTERPredictCommand(), newTERLexiconCommand(),
		newTERPretrainCommand())
	return cmd
}

// terData holds the dataset flags shared by the subcommands.
type terData struct {
	dataset string // dair-ai or goemotions
	dir     string // the text data root
}

func (d *terData) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&d.dataset, "dataset", "dair-ai", "dair-ai (6 classes) or goemotions (mapped to angry, happy, neutral, sad)")
	cmd.Flags().StringVar(&d.dir, "data", defaultTextData, "directory holding dair-ai-emotion/ and goemotions/")
}

// load reads a split of the dataset.
func (d *terData) load(split string) (*ter.Dataset, error) {
	switch d.dataset {
	case "dair-ai":
		return ter.LoadDairAI(filepath.Join(d.dir, "dair-ai-emotion"), split)
	case "goemotions":
		ds, st, err := ter.LoadGoEmotions(filepath.Join(d.dir, "goemotions"), split, ter.GoEmotionsToIEMOCAP4, ter.IEMOCAP4Labels)
		if err == nil {
			slog.Info("ter: GoEmotions mapped to IEMOCAP's 4 classes", "split", split, "rows", st.Rows, "kept", st.Kept,
				"unmapped", st.Unmapped, "conflicting", st.Conflicting)
		}
		return ds, err
	}
	return nil, fmt.Errorf("unknown dataset %q (dair-ai, goemotions)", d.dataset)
}

// terTrainFlags holds the flags of ter train.
// terEncoder holds the tokenizer and the size of a BERT encoder trained
// from scratch, the flags train and pretrain share.
type terEncoder struct {
	tokenizer                           string
	layers, hidden, heads, intermediate int
}

// register adds the encoder's flags; note ends the size flags' help.
func (e *terEncoder) register(fl *pflag.FlagSet, note string) {
	fl.StringVar(&e.tokenizer, "tokenizer", filepath.Join(defaultTextData, "bert-base-uncased", "tokenizer.json"), "tokenizer.json or vocab.txt")
	fl.IntVar(&e.layers, "layers", 2, "encoder layers"+note)
	fl.IntVar(&e.hidden, "hidden", 128, "hidden size"+note)
	fl.IntVar(&e.heads, "heads", 2, "attention heads"+note)
	fl.IntVar(&e.intermediate, "intermediate", 512, "feed-forward size"+note)
}

// config returns the configuration of an encoder of the flags' size for
// tok's vocabulary and sequences of up to positions tokens.
func (e *terEncoder) config(tok *wordpiece.Tokenizer, positions int) (bert.Config, error) {
	cfg := bert.BaseUncased()
	cfg.VocabSize = tok.Vocab().Size()
	cfg.NumHiddenLayers, cfg.HiddenSize, cfg.NumAttentionHeads, cfg.IntermediateSize = e.layers, e.hidden, e.heads, e.intermediate
	cfg.MaxPositionEmbeddings = positions
	return cfg, cfg.Validate()
}

type terTrainFlags struct {
	data                  terData
	encoder               terEncoder
	recipe                string
	pretrained            string
	epochs, batch, maxLen int
	lr                    float64
	seed                  uint64
	output, logPath       string
}

func newTERTrainCommand() *cobra.Command {
	var f terTrainFlags
	cmd := &cobra.Command{
		Use:   "train --dataset dair-ai|goemotions [--recipe scratch|paper] [--pretrained DIR] -o MODEL.safetensors",
		Short: "Train a TER classifier and report WA and UA on the test split",
		Long: `Train a TER classifier on the training split, validate on the validation
split after every epoch and report scikit-learn's classification report, WA
and UA on the test split.

--pretrained DIR fine-tunes a transformers BERT checkpoint (config.json and
model.safetensors); otherwise a BERT encoder of the given size is trained
from scratch. --recipe paper is IEmoNet's fine-tuning recipe (length 48,
Adam 3e-5, FC 768 + dropout 0.2 + L2 0.03, class-weighted cross-entropy,
7 epochs); --recipe scratch (the default) raises the learning rate to 5e-4
with warm-up and clipping and keeps the epoch with the best validation UA.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runTERTrain(cmd, f) },
	}
	f.data.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&f.recipe, "recipe", "scratch", "scratch or paper")
	fl.StringVar(&f.pretrained, "pretrained", "", "transformers BERT checkpoint directory to fine-tune")
	f.encoder.register(fl, " (from scratch)")
	fl.IntVar(&f.epochs, "epochs", 0, "epochs (0: the recipe's)")
	fl.IntVar(&f.batch, "batch", 0, "batch size (0: the recipe's)")
	fl.IntVar(&f.maxLen, "max-len", 0, "sequence length (0: the recipe's)")
	fl.Float64Var(&f.lr, "lr", 0, "learning rate (0: the recipe's)")
	fl.Uint64Var(&f.seed, "seed", 1, "random seed")
	fl.StringVarP(&f.output, "output", "o", "", "model file to write (safetensors)")
	fl.StringVar(&f.logPath, "log", "", "write one JSON line per epoch to this file")
	return cmd
}

func runTERTrain(cmd *cobra.Command, f terTrainFlags) error {
	r := ter.ScratchRecipe()
	switch f.recipe {
	case "scratch":
	case "paper":
		r = ter.PaperRecipe()
	default:
		return fmt.Errorf("unknown recipe %q (scratch, paper)", f.recipe)
	}
	for _, o := range []struct {
		flag int
		dst  *int
	}{{f.epochs, &r.Epochs}, {f.batch, &r.BatchSize}, {f.maxLen, &r.MaxLen}} {
		if o.flag > 0 {
			*o.dst = o.flag
		}
	}
	if f.lr > 0 {
		r.LR = f.lr
	}
	r.Seed = f.seed
	train, err := f.data.load("train")
	if err != nil {
		return err
	}
	val, err := f.data.load("validation")
	if err != nil {
		return err
	}
	test, err := f.data.load("test")
	if err != nil {
		return err
	}
	tok, err := wordpiece.Load(f.encoder.tokenizer)
	if err != nil {
		return err
	}
	var enc *bert.Model
	if f.pretrained != "" {
		if enc, err = bert.LoadPretrained(f.pretrained); err != nil {
			return err
		}
	} else {
		cfg, err := f.encoder.config(tok, max(r.MaxLen, 64))
		if err != nil {
			return err
		}
		enc = bert.New(cfg, f.seed)
	}
	clf, err := ter.NewClassifier(tok, enc, train.Labels, r.Head, r.MaxLen, f.seed)
	if err != nil {
		return err
	}
	stderr := cmd.ErrOrStderr()
	fmt.Fprintf(stderr, "ter: %s, %d train / %d validation / %d test texts, encoder %d layers × %d hidden, %d trainable parameters\n",
		f.data.dataset, len(train.Examples), len(val.Examples), len(test.Examples), enc.Config.NumHiddenLayers,
		enc.Config.HiddenSize, nnParams(clf))
	// The epoch log is rewritten atomically after every epoch, as emovox
	// train does, so a killed run leaves every finished epoch's line.
	var epochs bytes.Buffer
	var logErr error
	logs, err := clf.Fit(cmd.Context(), train, val, r, func(l ter.EpochLog) {
		fmt.Fprintf(stderr, "epoch %d: loss %.4f, train acc %.4f, validation WA %.4f UA %.4f (%.0f s)\n",
			l.Epoch, l.Loss, l.TrainAccuracy, l.ValidationWA, l.ValidationUA, l.Seconds)
		if f.logPath == "" || logErr != nil {
			return
		}
		js, err := json.Marshal(l)
		if err != nil {
			logErr = err
			return
		}
		epochs.Write(append(js, '\n'))
		logErr = atomicfile.Write(f.logPath, 0o644, func(w io.Writer) error {
			_, err := w.Write(epochs.Bytes())
			return err
		})
	})
	if err != nil {
		return err
	}
	if logErr != nil {
		return fmt.Errorf("ter: epoch log: %w", logErr)
	}
	rep, err := clf.Evaluate(test)
	if err != nil {
		return err
	}
	printTERReport(cmd.OutOrStdout(), test, rep)
	if f.output != "" {
		extra := map[string]any{"dataset": f.data.dataset, "recipe": r, "epochs": logs,
			"test_wa": rep.WA, "test_ua": rep.UA}
		if err := clf.Save(f.output, extra); err != nil {
			return err
		}
		slog.Info("ter: model written", "path", f.output)
	}
	return nil
}

// nnParams returns the number of trainable scalars of a classifier.
func nnParams(c *ter.Classifier) int {
	n := 0
	for _, p := range c.Params() {
		n += p.Value.Len()
	}
	return n
}

func printTERReport(w io.Writer, d *ter.Dataset, rep *metrics.Report) {
	fmt.Fprintf(w, "%s (%d texts)\n%s\nWA %.4f  UA %.4f\n", d.Name, len(d.Examples), rep.Text(4), rep.WA, rep.UA)
}

func newTEREvalCommand() *cobra.Command {
	var data terData
	var model, split string
	cmd := &cobra.Command{
		Use:   "eval --model MODEL.safetensors --dataset dair-ai|goemotions [--split test]",
		Short: "Score a TER model on a dataset split",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			clf, _, err := ter.Load(model)
			if err != nil {
				return err
			}
			d, err := data.load(split)
			if err != nil {
				return err
			}
			rep, err := clf.Evaluate(d)
			if err != nil {
				return err
			}
			printTERReport(cmd.OutOrStdout(), d, rep)
			return nil
		},
	}
	data.register(cmd)
	cmd.Flags().StringVar(&model, "model", "", "TER model file")
	cmd.Flags().StringVar(&split, "split", "test", "train, validation or test")
	_ = cmd.MarkFlagRequired("model")
	return cmd
}

func newTERPredictCommand() *cobra.Command {
	var model string
	var embed bool
	cmd := &cobra.Command{
		Use:   "predict --model MODEL.safetensors [--embed] TEXT... | -",
		Short: "Predict the emotion of texts (JSON lines)",
		Long: `Predict the emotion of each TEXT argument, or of each line of standard input
with "-": one JSON line {"text", "emotion", "probabilities"} per text, labels
in the model's order. --embed adds the 768 penultimate activations that
IEmoNet's fusion reads.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clf, _, err := ter.Load(model)
			if err != nil {
				return err
			}
			texts := args
			if len(args) == 1 && args[0] == "-" {
				texts = nil
				sc := bufio.NewScanner(cmd.InOrStdin())
				sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
				for sc.Scan() {
					texts = append(texts, strings.TrimRight(sc.Text(), "\r"))
				}
				if err := sc.Err(); err != nil {
					return err
				}
			}
			preds, err := clf.Predict(texts)
			if err != nil {
				return err
			}
			var emb [][]float32
			if embed {
				if emb, err = clf.Embed(texts); err != nil {
					return err
				}
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			for i, p := range preds {
				probs := make(map[string]float64, len(p.Probabilities))
				for j, v := range p.Probabilities {
					probs[clf.Labels[j]] = v
				}
				out := map[string]any{"text": texts[i], "emotion": p.Label, "probabilities": probs}
				if embed {
					out["embedding"] = emb[i]
				}
				if err := enc.Encode(out); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&model, "model", "", "TER model file")
	cmd.Flags().BoolVar(&embed, "embed", false, "also print the penultimate activations")
	_ = cmd.MarkFlagRequired("model")
	return cmd
}

func newTERLexiconCommand() *cobra.Command {
	var data terData
	var tokenizer, output string
	var alpha float64
	var uniform bool
	cmd := &cobra.Command{
		Use:   "lexicon --dataset dair-ai|goemotions [--uniform-prior] [-o LEXICON.json]",
		Short: "Train and score the keyword (naive Bayes) baseline",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tok, err := wordpiece.Load(tokenizer)
			if err != nil {
				return err
			}
			train, err := data.load("train")
			if err != nil {
				return err
			}
			test, err := data.load("test")
			if err != nil {
				return err
			}
			words := func(d *ter.Dataset) [][]string {
				out := make([][]string, len(d.Examples))
				for i, e := range d.Examples {
					out[i] = tok.Words(e.Text)
				}
				return out
			}
			m, err := lexicon.Train(words(train), train.Targets(), train.Labels, lexicon.Config{Alpha: alpha, UniformPrior: uniform})
			if err != nil {
				return err
			}
			var pred []int
			for _, w := range words(test) {
				pred = append(pred, m.Predict(w))
			}
			rep, err := metrics.Evaluate(test.Labels, test.Targets(), pred)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			printTERReport(out, test, rep)
			for c, l := range m.Labels {
				fmt.Fprintf(out, "%-9s %s\n", l, strings.Join(m.Keywords(c, 10), " "))
			}
			if output != "" {
				return m.Save(output)
			}
			return nil
		},
	}
	data.register(cmd)
	cmd.Flags().StringVar(&tokenizer, "tokenizer", filepath.Join(defaultTextData, "bert-base-uncased", "tokenizer.json"), "tokenizer.json or vocab.txt (for its basic tokenizer)")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the lexicon (JSON)")
	cmd.Flags().Float64Var(&alpha, "alpha", 1, "additive smoothing")
	cmd.Flags().BoolVar(&uniform, "uniform-prior", false, "ignore the class frequencies")
	return cmd
}

// terPretrainFlags holds the flags of ter pretrain.
type terPretrainFlags struct {
	dir     string
	encoder terEncoder
	corpora []string
	epochs  int
	seed    uint64
	output  string
}

func newTERPretrainCommand() *cobra.Command {
	var f terPretrainFlags
	cmd := &cobra.Command{
		Use:   "pretrain [--corpora dair-ai,goemotions] -o DIR",
		Short: "Pre-train a BERT encoder as a masked language model on training texts",
		Long: `Pre-train a BERT encoder from scratch as a masked language model (BERT's
15% masking, 80/10/10) on the training splits of the corpora, and write it as
transformers does (DIR/config.json, DIR/model.safetensors with the
BertForMaskedLM names), for "ter train --pretrained DIR".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runTERPretrain(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.dir, "data", defaultTextData, "directory holding dair-ai-emotion/ and goemotions/")
	fl.StringSliceVar(&f.corpora, "corpora", []string{"dair-ai", "goemotions"}, "training splits to read")
	f.encoder.register(fl, "")
	fl.IntVar(&f.epochs, "epochs", 1, "epochs")
	fl.Uint64Var(&f.seed, "seed", 1, "random seed")
	fl.StringVarP(&f.output, "output", "o", "", "directory to write config.json and model.safetensors to")
	_ = cmd.MarkFlagRequired("output")
	return cmd
}

func runTERPretrain(cmd *cobra.Command, f terPretrainFlags) error {
	tok, err := wordpiece.Load(f.encoder.tokenizer)
	if err != nil {
		return err
	}
	var texts []string
	for _, name := range f.corpora {
		d := terData{dataset: name, dir: f.dir}
		ds, err := d.load("train")
		if err != nil {
			return err
		}
		texts = append(texts, ds.Texts()...)
	}
	cfg, err := f.encoder.config(tok, 64)
	if err != nil {
		return err
	}
	enc := bert.New(cfg, f.seed)
	mcfg := ter.DefaultMLMConfig()
	mcfg.Epochs, mcfg.Seed = f.epochs, f.seed
	stderr := cmd.ErrOrStderr()
	fmt.Fprintf(stderr, "ter: masked-language-model pre-training on %d texts (%s)\n", len(texts), strings.Join(f.corpora, ", "))
	head, _, err := ter.PretrainMLM(cmd.Context(), tok, enc, texts, mcfg, func(l ter.MLMEpochLog) {
		fmt.Fprintf(stderr, "epoch %d: masked-token loss %.4f, accuracy %.4f (%.0f s)\n", l.Epoch, l.Loss, l.Accuracy, l.Seconds)
	})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(f.output, 0o755); err != nil {
		return err
	}
	params := append(nn.Prefix("bert", enc.Params()), head.Params()...)
	if err := nn.Save(filepath.Join(f.output, "model.safetensors"), params, map[string]string{"format": "pt"}); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(f.output, "config.json"), 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, cfg.JSON()+"\n")
		return err
	})
}
