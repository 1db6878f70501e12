package asr

import (
	"context"
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/internal/sharedtest"
)

func TestKey(t *testing.T) {
	for path, want := range map[string]string{
		"Actor_01/03-01-05-01-01-01-01.wav":                             "03-01-05-01-01-01-01",
		"Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_F000.wav": "Ses01F_impro01_F000",
		"a.b.flac": "a.b",
		"noext":    "noext",
	} {
		if got := Key(filepath.FromSlash(path)); got != want {
			t.Errorf("Key(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestFromItems(t *testing.T) {
	items := []corpus.Item{
		{Path: "Actor_01/03-01-01-01-01-01-01.wav", ID: "03-01-01-01-01-01-01", Transcript: "Kids are talking by the door"},
		{Path: "x/DC_a01.wav", ID: "DC_a01"}, // SAVEE: no transcript
		{ID: "only-id", Transcript: "Say the word back"},
	}
	got, err := FromItems(items)
	if err != nil {
		t.Fatal(err)
	}
	want := Transcripts{"03-01-01-01-01-01-01": "Kids are talking by the door", "only-id": "Say the word back"}
	if !maps.Equal(got, want) {
		t.Errorf("FromItems = %q, want %q", got, want)
	}
	dup := append(items, corpus.Item{Path: "other/03-01-01-01-01-01-01.wav", Transcript: "Dogs are sitting by the door"})
	if _, err := FromItems(dup); !errors.Is(err, ErrDuplicate) {
		t.Errorf("conflicting items: err = %v, want ErrDuplicate", err)
	}
}

func TestTranscriptsTranscribeFile(t *testing.T) {
	tr := Transcripts{"03-01-01-01-02-01-01": "Dogs are sitting by the door"}
	got, err := tr.TranscribeFile(context.Background(), filepath.Join("anywhere", "03-01-01-01-02-01-01.wav"))
	if err != nil || got != "Dogs are sitting by the door" {
		t.Errorf("TranscribeFile = %q, %v", got, err)
	}
	if _, err := tr.TranscribeFile(context.Background(), "03-01-01-01-01-01-01.wav"); !errors.Is(err, ErrNoTranscript) {
		t.Errorf("unknown file: err = %v, want ErrNoTranscript", err)
	}
}

// TestLoadTranscriptsRAVDESSTree builds a RAVDESS tree of empty files
// (the loader reads names only), one of them misnamed.
func TestLoadTranscriptsRAVDESSTree(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"Actor_01/03-01-05-01-01-01-01.wav": "",
		"Actor_02/03-01-03-02-02-02-02.wav": "",
		"Actor_02/not-ravdess.wav":          "",
	})
	got, err := LoadTranscripts("ravdess", root)
	if err != nil {
		t.Fatal(err)
	}
	want := Transcripts{
		"03-01-05-01-01-01-01": "Kids are talking by the door",
		"03-01-03-02-02-02-02": "Dogs are sitting by the door",
	}
	if !maps.Equal(got, want) {
		t.Errorf("LoadTranscripts = %q, want %q", got, want)
	}
	if texts := got.Texts(); !slices.Equal(texts, []string{"Dogs are sitting by the door", "Kids are talking by the door"}) {
		t.Errorf("Texts = %q, want them in key order", texts)
	}
}

func TestLoadTranscriptsErrors(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"DC_a01.wav": ""})
	if _, err := LoadTranscripts("savee", root); !errors.Is(err, ErrNoTranscript) {
		t.Errorf("savee: err = %v, want ErrNoTranscript", err)
	}
	if _, err := LoadTranscripts("nonesuch", root); !errors.Is(err, corpus.ErrUnknownCorpus) {
		t.Errorf("unknown corpus: err = %v, want corpus.ErrUnknownCorpus", err)
	}
}

func TestLoadTranscriptsRAVDESS(t *testing.T) {
	dir := sharedtest.Dir(t, "data", "ravdess")
	tr, err := LoadTranscripts("ravdess", dir)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, text := range tr {
		counts[text]++
	}
	want := map[string]int{"Kids are talking by the door": 600, "Dogs are sitting by the door": 600}
	if !maps.Equal(counts, want) {
		t.Errorf("statements %v, want %v", counts, want)
	}
}
