package reward

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// Score reads the dialogue file in r (see Reader; name identifies it in
// errors), adds its turns to s in order, and calls emit with the reward of
// every turn t ≥ 1 as soon as it is known. It stops at the first error:
// one of the file is a *LineError naming the file and line; one returned
// by emit is returned as it is. The error wraps ErrEmpty for a dialogue
// with no turns, and ctx.Err() when ctx is done between turns.
func Score(ctx context.Context, r io.Reader, name string, s *Scorer, emit func(Reward) error) error {
	rd := NewReader(r, name)
	turns := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		t, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		rw, ok, err := s.Add(t)
		if err != nil {
			return &LineError{File: name, Line: rd.Line(), Err: err}
		}
		turns++
		if !ok {
			continue
		}
		if err := emit(rw); err != nil {
			return err
		}
	}
	if turns == 0 {
		return fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	return nil
}
