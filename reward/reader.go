package reward

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// maxLineBytes bounds the length of one line of a dialogue file.
const maxLineBytes = 1 << 20

// Turn is one user turn t of a dialogue, as a line of a dialogue file
// holds it. Exactly one of Probs and Audio is set.
type Turn struct {
	// Probs is P(·|h_t): the probability of every emotion of the user's
	// turn.
	Probs Distribution `json:"probs"`
	// Audio is the path of a recording of the user's turn, whose
	// probabilities a recogniser gives.
	Audio string `json:"audio"`
	// EstProbs is P_est(·|h_t), the estimated probabilities that Eq. 1
	// needs on every turn t ≥ 1.
	EstProbs Distribution `json:"est_probs"`
	// EstReward is r_t^est, the estimated reward that Eq. 2 needs on
	// every turn t ≥ 1; nil when absent.
	EstReward *float64 `json:"est_reward"`
}

// turnLine is a line of a dialogue file: a turn and its optional number.
type turnLine struct {
	Turn
	Number *int `json:"turn"`
}

// LineError reports a problem with one line of a dialogue file.
type LineError struct {
	File string // the file's name, as given to NewReader
	Line int    // counted from 1
	Err  error
}

// Error returns "file:line: error".
func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *LineError) Unwrap() error { return e.Err }

// Reader reads the turns of a dialogue file: JSON lines, one per user turn
// t = 0, 1, ..., n, in order. Each line is an object with
//
//   - "probs": {"angry": 0.1, ...}, the user's emotion probabilities
//     P(·|h_t), or "audio": "path", a recording of the turn (exactly one
//     of the two);
//   - "est_probs": {...}, P_est(·|h_t), on turns t ≥ 1 for Eq. 1;
//   - "est_reward": r, r_t^est, on turns t ≥ 1 for Eq. 2;
//   - optionally "turn": t, which must then be the turn's number.
//
// Other fields are ignored, so lines may carry transcripts or ids; empty
// lines are skipped. A Reader checks the syntax; a Scorer checks the
// content.
type Reader struct {
	name  string
	sc    *bufio.Scanner
	line  int // the number of the last line read
	turns int // the number of turns read
}

// NewReader returns a reader of the dialogue in r; name identifies it in
// errors.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, maxLineBytes)
	return &Reader{name: name, sc: sc}
}

// Read returns the next turn, or io.EOF after the last. Other errors are
// *LineError values naming the file and line, and wrap ErrTurn for a line
// that is not a turn object or has a "turn" number out of sequence.
func (r *Reader) Read() (Turn, error) {
	for r.sc.Scan() {
		r.line++
		text := bytes.TrimSpace(r.sc.Bytes())
		if r.line == 1 {
			text = bytes.TrimPrefix(text, []byte("\uFEFF")) // byte-order mark
		}
		if len(text) == 0 {
			continue
		}
		t, err := r.parse(text)
		if err != nil {
			return Turn{}, &LineError{File: r.name, Line: r.line, Err: err}
		}
		r.turns++
		return t, nil
	}
	if err := r.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return Turn{}, &LineError{File: r.name, Line: r.line + 1, Err: fmt.Errorf("%w: line longer than %d bytes", ErrTurn, maxLineBytes)}
		}
		return Turn{}, fmt.Errorf("%s: %w", r.name, err)
	}
	return Turn{}, io.EOF
}

// parse decodes one non-empty line as turn number r.turns.
func (r *Reader) parse(text []byte) (Turn, error) {
	if text[0] != '{' {
		return Turn{}, fmt.Errorf("%w: want a JSON object", ErrTurn)
	}
	var l turnLine
	if err := json.Unmarshal(text, &l); err != nil {
		return Turn{}, fmt.Errorf("%w: %s", ErrTurn, describeJSONError(err))
	}
	if l.Number != nil && *l.Number != r.turns {
		return Turn{}, fmt.Errorf("%w: \"turn\": %d on turn %d (turns are numbered from 0, one per line)", ErrTurn, *l.Number, r.turns)
	}
	return l.Turn, nil
}

// Line returns the line number of the turn last read, counted from 1.
func (r *Reader) Line() int { return r.line }
