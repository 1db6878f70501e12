package reward

import "errors"

// Sentinel errors, returned wrapped with context; test for them with
// errors.Is.
var (
	// ErrMap reports a malformed emotion map: no emotions, an empty or
	// repeated name, a value that is not a finite number, or an entry
	// that is not written name=value.
	ErrMap = errors.New("reward: malformed emotion map")
	// ErrRange reports a map value outside its range [p, q], or a range
	// that is empty or not finite.
	ErrRange = errors.New("reward: map value out of range")
	// ErrUnmappedEmotion reports probabilities for an emotion that the
	// map does not value.
	ErrUnmappedEmotion = errors.New("reward: emotion not in the map")
	// ErrMissingEmotion reports probabilities that leave out an emotion
	// of the map.
	ErrMissingEmotion = errors.New("reward: emotion of the map missing from the probabilities")
	// ErrDistribution reports probabilities that are negative, not
	// finite, or do not sum to 1 within SumTolerance.
	ErrDistribution = errors.New("reward: not a probability distribution")
	// ErrEstimate reports a turn t ≥ 1 without the estimate its equation
	// needs, an estimate on turn 0 (which has no reward), or an estimated
	// reward that is not finite.
	ErrEstimate = errors.New("reward: missing or misplaced estimate")
	// ErrTurn reports a malformed turn of a dialogue: a line that is not a
	// JSON object of the documented fields, a turn with neither or both
	// of "probs" and "audio", or a "turn" number out of sequence.
	ErrTurn = errors.New("reward: malformed turn")
	// ErrEmpty reports a dialogue with no turns.
	ErrEmpty = errors.New("reward: dialogue has no turns")
	// ErrEquation reports an equation other than Equation1 and Equation2.
	ErrEquation = errors.New("reward: unknown equation")
	// ErrNoRecognizer reports a turn given as audio to a Scorer that has
	// no ProbsFunc.
	ErrNoRecognizer = errors.New("reward: audio turn but no recogniser")
)
