// Command emovox is the command-line interface of emovox, a toolkit for
// speech emotion recognition. It wires the library packages together;
// everything it does is available to Go programs through them.
//
// Usage:
//
//	emovox features --set NAME [--format csv|arff] [-o OUT] FILE|DIR...
//	emovox corpus ls|stats --corpus NAME [--labels SET] DIR
//	emovox split --protocol random|kfold|speaker|speaker-kfold|loso|session|cross --corpus NAME:DIR... [-o FILE]
//	emovox plot wave|spectrogram FILE -o OUT.png [--rate HZ] [--label EMOTION]
//	emovox train --model cnnlstm|iemonet|mlp --corpus NAME[:DIR]... --protocol random|speaker|kfold|speaker-kfold|loso|all [--split FILE] [flags] -o MODEL.safetensors
//	emovox eval --model MODEL.safetensors... --corpus NAME[:DIR]... [--split FILE] [--plots DIR]
//	emovox predict [--model MODEL.safetensors] [--format json|csv] FILE|DIR...
//	emovox serve [--addr 127.0.0.1:8080] [--model M.safetensors] [--api-key KEY]
//	emovox transcribe [--backend sphinx|transcript] [--reference] [--simulate-wer W] FILE|DIR...
//	emovox ter train|eval|predict|lexicon|pretrain [flags]
//	emovox fuse [pairs] --ser SER.safetensors --ter TER.safetensors|--lexicon FILE|train [--split FILE] [--pairs FILE]
//	emovox reward --eq 1|2 --map EMOTION=VALUE,... [--model M] DIALOGUE.jsonl
//	emovox version
//
// Run "emovox help COMMAND" for the flags of each command.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/spf13/cobra"
)

// version is the emovox release this binary was built from.
const version = "0.1.0"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := newRootCommand().ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "emovox:", err)
		os.Exit(1)
	}
}

func newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "emovox",
		Short:         "Speech emotion recognition: features, models and a server",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newFeaturesCommand(), newCorpusCommand(), newSplitCommand(), newPlotCommand(), newVersionCommand(),
		newTrainCommand(), newEvalCommand(), newPredictCommand())
	root.AddCommand(newBenchCommand())
	root.AddCommand(newServeCommand())
	root.AddCommand(newTranscribeCommand())
	root.AddCommand(newRewardCommand())
	root.AddCommand(newFuseCommand())
	root.AddCommand(newTERCommand())
	return root
}

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the emovox version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintln(cmd.OutOrStdout(), "emovox", version)
		},
	}
}
