package asr

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ReadIEMOCAPTranscripts reads the transcription files of IEMOCAP rooted
// at root, the folder holding Session1 .. Session5 (or a single session
// folder): every SessionN/dialog/transcriptions/*.txt. The transcripts
// are keyed by utterance ("Ses01F_impro01_F000"), the base name of the
// utterance's file under SessionN/sentences/wav. Finding no transcription
// file is an error wrapping ErrNoTranscript.
func ReadIEMOCAPTranscripts(root string) (Transcripts, error) {
	if _, err := os.Stat(root); err != nil {
		return nil, fmt.Errorf("asr: %w", err)
	}
	files, err := iemocapTranscriptionFiles(root)
	if err != nil {
		return nil, fmt.Errorf("asr: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%w: no Session*/dialog/transcriptions/*.txt under %s", ErrNoTranscript, root)
	}
	t := make(Transcripts)
	for _, file := range files {
		if err := readIEMOCAPFile(t, file); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// iemocapTranscriptionFiles returns the transcription files of the
// session folder root, or of the Session* folders in it, in lexical
// order.
func iemocapTranscriptionFiles(root string) ([]string, error) {
	patterns := []string{
		filepath.Join(root, "dialog", "transcriptions", "*.txt"),
		filepath.Join(root, "Session*", "dialog", "transcriptions", "*.txt"),
	}
	var files []string
	for _, p := range patterns {
		m, err := filepath.Glob(p)
		if err != nil {
			return nil, err
		}
		files = append(files, m...)
	}
	slices.Sort(files)
	return files, nil
}

func readIEMOCAPFile(t Transcripts, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("asr: %w", err)
	}
	defer f.Close()
	if err := ParseIEMOCAPTranscription(t, f); err != nil {
		return fmt.Errorf("asr: %s: %w", file, err)
	}
	return nil
}

// ParseIEMOCAPTranscription adds to t the utterances of one IEMOCAP
// transcription file, lines of the form
//
//	Ses01F_impro01_F000 [006.2901-008.2357]: Excuse me.
//
// The text after "]:" is kept as it is, trimmed of surrounding space
// (tags such as "[LAUGHTER]" included; wer.Normalize drops them when
// scoring). Lines that do not start with an utterance name followed by
// " [" are not utterances and are skipped. An utterance line whose time
// span is not "[start-end]:" with start ≤ end, or an utterance given two
// different texts, is an error naming the line.
func ParseIEMOCAPTranscription(t Transcripts, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		utt, text, ok, err := parseIEMOCAPLine(sc.Text())
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if !ok {
			continue
		}
		if err := t.add(utt, text); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

var errSpan = errors.New("time span is not [start-end]:")

// parseIEMOCAPLine splits an utterance line into its name and text; ok is
// false for lines that are not utterances.
func parseIEMOCAPLine(line string) (utt, text string, ok bool, err error) {
	utt, rest, found := strings.Cut(strings.TrimRight(line, "\r"), " [")
	if !found || !strings.HasPrefix(utt, "Ses") || strings.ContainsAny(utt, " \t") {
		return "", "", false, nil
	}
	span, text, found := strings.Cut(rest, "]:")
	if !found {
		return "", "", false, fmt.Errorf("%s: %w", utt, errSpan)
	}
	if !validSpan(span) {
		return "", "", false, fmt.Errorf("%s: %w: [%s]", utt, errSpan, span)
	}
	return utt, strings.TrimSpace(text), true, nil
}

// validSpan reports whether span is "start-end", two decimal numbers of
// seconds with start ≤ end.
func validSpan(span string) bool {
	start, end, found := strings.Cut(span, "-")
	if !found || !isDecimal(start) || !isDecimal(end) {
		return false
	}
	s, errS := strconv.ParseFloat(start, 64)
	e, errE := strconv.ParseFloat(end, 64)
	return errS == nil && errE == nil && s <= e
}

// isDecimal reports whether s is digits with at most one decimal point.
func isDecimal(s string) bool {
	digits, points := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}
