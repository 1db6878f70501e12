package reward

import (
	"fmt"
	"math"
)

// ProbsFunc returns the emotion probabilities of the recording at path, as
// a recogniser predicts them. The Scorer keeps the distribution as the
// previous turn's; it must not change afterwards.
type ProbsFunc func(path string) (Distribution, error)

// Reward is the reward of one turn.
type Reward struct {
	Turn  int     `json:"turn"`   // t ≥ 1
	Value float64 `json:"reward"` // r_t
}

// Scorer computes the rewards of the turns of one dialogue, in order.
// It is not safe for concurrent use.
type Scorer struct {
	m     Map
	eq    Equation
	probs ProbsFunc
	prev  Distribution // P(·|h_{t−1})
	turn  int          // the number of the next turn
}

// NewScorer returns a scorer of a dialogue with the map m and equation eq.
// probs gives the probabilities of turns given as audio; with nil, such
// turns are errors. The error wraps ErrEquation for an unknown equation
// and ErrMap for an empty map.
func NewScorer(m Map, eq Equation, probs ProbsFunc) (*Scorer, error) {
	if eq != Equation1 && eq != Equation2 {
		return nil, fmt.Errorf("%w: %d, want 1 or 2", ErrEquation, int(eq))
	}
	if m.Len() == 0 {
		return nil, fmt.Errorf("%w: no emotions", ErrMap)
	}
	return &Scorer{m: m, eq: eq, probs: probs}, nil
}

// Turns returns the number of turns added so far.
func (s *Scorer) Turns() int { return s.turn }

// Add adds the dialogue's next turn t and returns its reward r_t; for the
// first turn, t = 0, there is none and ok is false. Turn 0 must carry no
// estimate; every later turn must carry the one its equation needs
// (EstProbs for Eq. 1, EstReward for Eq. 2), and the other is ignored.
// Errors name the turn and wrap the package's sentinel errors (ErrTurn,
// ErrEstimate, ErrNoRecognizer, and those of Map.CheckDistribution); after
// an error the scorer is as it was before the call.
func (s *Scorer) Add(t Turn) (r Reward, ok bool, err error) {
	cur, err := s.check(t)
	if err != nil {
		return Reward{}, false, fmt.Errorf("turn %d: %w", s.turn, err)
	}
	if s.turn > 0 {
		var v float64
		if s.eq == Equation1 {
			v, err = Eq1(s.m, s.prev, cur, t.EstProbs)
		} else {
			v, err = Eq2(s.m, s.prev, cur, *t.EstReward)
		}
		if err != nil { // ErrRange: the reward overflowed float64 (map values or estimates near its limit)
			return Reward{}, false, fmt.Errorf("turn %d: %w", s.turn, err)
		}
		r, ok = Reward{Turn: s.turn, Value: v}, true
	}
	s.prev = cur
	s.turn++
	return r, ok, nil
}

// check validates turn t and returns its distribution P(·|h_t).
func (s *Scorer) check(t Turn) (Distribution, error) {
	if (t.Probs == nil) == (t.Audio == "") {
		return nil, fmt.Errorf("%w: want exactly one of \"probs\" and \"audio\"", ErrTurn)
	}
	if err := s.checkEstimate(t); err != nil {
		return nil, err
	}
	if t.Probs != nil {
		if err := s.m.CheckDistribution(t.Probs); err != nil {
			return nil, fmt.Errorf("probs: %w", err)
		}
		return t.Probs, nil
	}
	if s.probs == nil {
		return nil, fmt.Errorf("%w: %s", ErrNoRecognizer, t.Audio)
	}
	d, err := s.probs(t.Audio)
	if err != nil {
		return nil, fmt.Errorf("audio %s: %w", t.Audio, err)
	}
	if err := s.m.CheckDistribution(d); err != nil {
		return nil, fmt.Errorf("audio %s: predicted probabilities: %w", t.Audio, err)
	}
	return d, nil
}

// checkEstimate checks that turn t carries the estimate it needs.
func (s *Scorer) checkEstimate(t Turn) error {
	if s.turn == 0 {
		if t.EstProbs != nil || t.EstReward != nil {
			return fmt.Errorf("%w: turn 0 has no reward, so no \"est_probs\" or \"est_reward\" (rewards start at turn 1)", ErrEstimate)
		}
		return nil
	}
	switch s.eq {
	case Equation1:
		if t.EstProbs == nil {
			return fmt.Errorf("%w: Eq. 1 needs \"est_probs\" on every turn t ≥ 1", ErrEstimate)
		}
		if err := s.m.CheckDistribution(t.EstProbs); err != nil {
			return fmt.Errorf("est_probs: %w", err)
		}
	case Equation2:
		if t.EstReward == nil {
			return fmt.Errorf("%w: Eq. 2 needs \"est_reward\" on every turn t ≥ 1", ErrEstimate)
		}
		if v := *t.EstReward; math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: est_reward %v is not finite", ErrEstimate, v)
		}
	}
	return nil
}
