package asr

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (path relative to root → content) under root.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The lines follow the IEMOCAP release: "utterance [start-end]: text",
// times in seconds with four decimals, CRLF endings in some files, tags
// in brackets, and the unsegmented "XX" turns.
const (
	impro01 = "Ses01F_impro01_F000 [006.2901-008.2357]: Excuse me.\n" +
		"Ses01F_impro01_M000 [007.5712-010.4750]: Do you have your forms?\n" +
		"Ses01F_impro01_F001 [010.0100-011.3925]: Yeah. [LAUGHTER]\n"
	script01 = "Ses01M_script01_1_F000 [001.0000-002.5000]:  What's he going to say?  \r\n" +
		"M: [BREATHING]\r\n" +
		"\r\n" +
		"Ses01M_script01_1_MXX0 [003.0000-004.0000]: Oh.\r\n"
	impro02 = "Ses02F_impro02_F000 [000.5000-001.0000]:\n"
)

func TestReadIEMOCAPTranscripts(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"Session1/dialog/transcriptions/Ses01F_impro01.txt":    impro01,
		"Session1/dialog/transcriptions/Ses01M_script01_1.txt": script01,
		"Session1/dialog/transcriptions/notes.md":              "Ses01F_impro01_F000 [0-1]: not a transcription file",
		"Session2/dialog/transcriptions/Ses02F_impro02.txt":    impro02,
		"Session2/dialog/EmoEvaluation/Ses02F_impro02.txt":     "[0.5000 - 1.0000]\tSes02F_impro02_F000\tneu\t[2.5, 2.5, 2.5]\n",
	})
	want := Transcripts{
		"Ses01F_impro01_F000":    "Excuse me.",
		"Ses01F_impro01_M000":    "Do you have your forms?",
		"Ses01F_impro01_F001":    "Yeah. [LAUGHTER]",
		"Ses01M_script01_1_F000": "What's he going to say?",
		"Ses01M_script01_1_MXX0": "Oh.",
		"Ses02F_impro02_F000":    "",
	}
	for _, dir := range []string{root, filepath.Join(root, "Session1")} {
		got, err := ReadIEMOCAPTranscripts(dir)
		if err != nil {
			t.Fatal(err)
		}
		if dir != root {
			want = maps.Clone(want)
			delete(want, "Ses02F_impro02_F000")
		}
		if !maps.Equal(got, want) {
			t.Errorf("ReadIEMOCAPTranscripts(%s) = %q, want %q", dir, got, want)
		}
	}
}

func TestReadIEMOCAPTranscriptsErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  error
		text  string
	}{
		{"no transcription files", map[string]string{"Session1/dialog/wav/x.txt": ""}, ErrNoTranscript, "no Session*"},
		{"span without colon", map[string]string{"Session1/dialog/transcriptions/a.txt": "Ses01F_impro01_F000 [1.0-2.0] Hi\n"}, errSpan, "line 1"},
		{"span not numbers", map[string]string{"Session1/dialog/transcriptions/a.txt": "x\nSes01F_impro01_F000 [a-b]: Hi\n"}, errSpan, "line 2"},
		{"span backwards", map[string]string{"Session1/dialog/transcriptions/a.txt": "Ses01F_impro01_F000 [2.0-1.0]: Hi\n"}, errSpan, "[2.0-1.0]"},
		{"span NaN", map[string]string{"Session1/dialog/transcriptions/a.txt": "Ses01F_impro01_F000 [NaN-1]: Hi\n"}, errSpan, "line 1"},
		{"two texts", map[string]string{
			"Session1/dialog/transcriptions/a.txt": "Ses01F_impro01_F000 [1-2]: Hi\n",
			"Session1/dialog/transcriptions/b.txt": "Ses01F_impro01_F000 [1-2]: Bye\n",
		}, ErrDuplicate, "b.txt: line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, tt.files)
			_, err := ReadIEMOCAPTranscripts(root)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("err = %v, want %v mentioning %q", err, tt.want, tt.text)
			}
		})
	}
	if _, err := ReadIEMOCAPTranscripts(filepath.Join(t.TempDir(), "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing root: err = %v, want fs.ErrNotExist", err)
	}
}
