package main

import (
	"fmt"
	"path/filepath"

	"github.com/emovox/emovox/metrics"
	"github.com/emovox/emovox/models/modelfile"
	"github.com/emovox/emovox/plot"
)

// saveFold writes the fold's model file and figures.
func (x *experiment) saveFold(fd *fold, test *metrics.Report) error {
	if x.f.plots != "" {
		if err := x.drawFold(fd, test); err != nil {
			return err
		}
	}
	if x.f.output == "" {
		return nil
	}
	fd.meta.Training = x.trainingInfo(fd, test)
	path := foldPath(x.f.output, fd.name, len(x.sets))
	if err := modelfile.Save(path, fd.model, fd.meta); err != nil {
		return err
	}
	fmt.Fprintf(x.stderr, "emovox: wrote %s\n", path)
	return nil
}

// drawFold writes the fold's training curves and test confusion matrices.
func (x *experiment) drawFold(fd *fold, test *metrics.Report) error {
	prefix := ""
	if len(x.sets) > 1 {
		prefix = fd.name + "-"
	}
	var h plot.History
	for _, e := range fd.result.History {
		h.TrainLoss = append(h.TrainLoss, e.TrainLoss)
		h.TrainAccuracy = append(h.TrainAccuracy, e.TrainAccuracy)
		if e.Validation != nil {
			h.ValidationLoss = append(h.ValidationLoss, e.Validation.Loss)
			h.ValidationAccuracy = append(h.ValidationAccuracy, e.Validation.WA)
		}
	}
	title := fmt.Sprintf("%s, fold %s", x.f.model, x.foldName(fd.k))
	if err := plot.CurvesFile(filepath.Join(x.f.plots, prefix+"curves.png"), h, plot.CurvesOptions{Title: title}); err != nil {
		return err
	}
	if test == nil {
		return nil
	}
	return writeConfusionFigures(x.f.plots, prefix, fmt.Sprintf("fold %s", x.foldName(fd.k)), test)
}

// trainingInfo records how the fold's model was made, for the model file.
func (x *experiment) trainingInfo(fd *fold, test *metrics.Report) map[string]any {
	f := x.f
	info := map[string]any{
		"emovox":         version,
		"corpora":        f.corpora,
		"protocol":       f.protocol,
		"fold":           x.foldName(fd.k),
		"seed":           f.seed,
		"epochs":         f.epochs,
		"epochs_run":     len(fd.result.History),
		"best_epoch":     fd.result.BestEpoch,
		"batch_size":     f.batch,
		"lr":             f.lr,
		"weight_decay":   f.weightDecay,
		"clip":           f.clip,
		"schedule":       f.schedule,
		"patience":       f.patience,
		"monitor":        f.monitor,
		"class_weights":  f.balance,
		"specaugment":    f.specAugment,
		"noise_copies":   f.noiseCopies,
		"speed":          f.speeds,
		"pitch":          f.pitches,
		"train_items":    len(fd.indices.Train),
		"validation_set": len(fd.indices.Validation),
		"test_items":     len(fd.indices.Test),
		"train_seconds":  fd.seconds,
	}
	if x.split != nil {
		info["protocol"] = string(x.split.Protocol)
		info["test_groups"] = x.split.Folds[fd.k].TestGroups
	}
	if f.split != "" {
		info["split_file"] = filepath.Base(f.split)
	}
	if v := fd.result.Best().Validation; v != nil {
		info["validation"] = v
	}
	if test != nil {
		info["test"] = map[string]float64{"wa": test.WA, "ua": test.UA, "macro_f1": test.MacroAvg.F1}
	}
	return info
}
