package asr

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/emovox/emovox/corpus"
)

// Transcripts is a FileTranscriber that returns the transcript a corpus
// provides. It maps utterance keys, the base names of the audio files
// without their extension ("03-01-05-01-01-01-01",
// "Ses01F_impro01_F000"), to the spoken text. It is safe for concurrent
// use while it is not modified.
type Transcripts map[string]string

// Key returns the key of the audio file at path: its base name without
// the extension.
func Key(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// TranscribeFile returns the transcript of the file at path, or an error
// wrapping ErrNoTranscript.
func (t Transcripts) TranscribeFile(ctx context.Context, path string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	text, ok := t[Key(path)]
	if !ok {
		return "", fmt.Errorf("%w: %s", ErrNoTranscript, path)
	}
	return text, nil
}

// Texts returns the transcripts in the order of their keys.
func (t Transcripts) Texts() []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	texts := make([]string, len(keys))
	for i, k := range keys {
		texts[i] = t[k]
	}
	return texts
}

// add records text under key; a different text already there is an error
// wrapping ErrDuplicate.
func (t Transcripts) add(key, text string) error {
	if old, ok := t[key]; ok && old != text {
		return fmt.Errorf("%w: %s: %q and %q", ErrDuplicate, key, old, text)
	}
	t[key] = text
	return nil
}

// FromItems returns the transcripts of the items that have one, keyed by
// their file (Key of Item.Path; Item.ID when there is no path).
func FromItems(items []corpus.Item) (Transcripts, error) {
	t := make(Transcripts)
	for _, it := range items {
		if it.Transcript == "" {
			continue
		}
		key := it.ID
		if it.Path != "" {
			key = Key(it.Path)
		}
		if err := t.add(key, it.Transcript); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// LoadTranscripts reads the transcripts of the named corpus (see
// corpus.Lookup) rooted at dir. IEMOCAP transcripts come from its
// transcription files (ReadIEMOCAPTranscripts), so that every utterance
// has one, labelled or not; the other corpora's from their loaders: the
// RAVDESS statement and the CREMA-D, TESS and EMO-DB sentences coded in
// file names, a manifest's transcript column. Files whose names do not
// parse get no transcript. A corpus that provides none, such as SAVEE, is
// an error wrapping ErrNoTranscript.
func LoadTranscripts(name, dir string) (Transcripts, error) {
	if name == "iemocap" {
		return ReadIEMOCAPTranscripts(dir)
	}
	loader, err := corpus.Lookup(name)
	if err != nil {
		return nil, fmt.Errorf("asr: %w", err)
	}
	items, _, err := loader.Load(dir)
	if err != nil && !errors.Is(err, corpus.ErrNoItems) {
		return nil, fmt.Errorf("asr: %w", err)
	}
	t, err := FromItems(items)
	if err != nil {
		return nil, fmt.Errorf("asr: %s: %w", dir, err)
	}
	if len(t) == 0 {
		return nil, fmt.Errorf("%w: %s corpus in %s has no transcripts", ErrNoTranscript, name, dir)
	}
	return t, nil
}
