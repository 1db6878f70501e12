package reward

import (
	"fmt"
	"math"
)

// Equation selects how a reward is computed: Equation1 (Eq. 1, from an
// estimate of the user's emotions) or Equation2 (Eq. 2, from an estimate of
// the reward).
type Equation int

// The two reward equations of IEmoNet.
const (
	Equation1 Equation = 1
	Equation2 Equation = 2
)

// Eq1 returns the reward of Eq. 1 for a turn t ≥ 1,
//
//	r_t = Σ_e f(e) · (ΔP(e|h_t) − ΔP_est(e|h_t))
//	ΔP(e|h_t)     = P(e|h_t)     − P(e|h_{t−1})
//	ΔP_est(e|h_t) = P_est(e|h_t) − P(e|h_{t−1})
//
// where prev is P(·|h_{t−1}), cur is P(·|h_t), est is P_est(·|h_t) and f
// is m. Each distribution must pass m.CheckDistribution; the error names
// which one does not.
func Eq1(m Map, prev, cur, est Distribution) (float64, error) {
	if err := checkDistributions(m, prev, cur); err != nil {
		return 0, err
	}
	if err := m.CheckDistribution(est); err != nil {
		return 0, fmt.Errorf("estimated probabilities: %w", err)
	}
	r := 0.0
	for i, e := range m.emotions {
		change := cur[e] - prev[e]
		estChange := est[e] - prev[e]
		r += m.values[i] * (change - estChange)
	}
	return finite(r)
}

// Eq2 returns the reward of Eq. 2 for a turn t ≥ 1,
//
//	r_t = Σ_e f(e) · ΔP(e|h_t) − r_t^est
//	ΔP(e|h_t) = P(e|h_t) − P(e|h_{t−1})
//
// where prev is P(·|h_{t−1}), cur is P(·|h_t), est is r_t^est and f is m.
// Both distributions must pass m.CheckDistribution; the error names which
// one does not, and wraps ErrEstimate when est is not finite.
func Eq2(m Map, prev, cur Distribution, est float64) (float64, error) {
	if err := checkDistributions(m, prev, cur); err != nil {
		return 0, err
	}
	if math.IsNaN(est) || math.IsInf(est, 0) {
		return 0, fmt.Errorf("%w: estimated reward %v is not finite", ErrEstimate, est)
	}
	weighted := 0.0
	for i, e := range m.emotions {
		weighted += m.values[i] * (cur[e] - prev[e])
	}
	return finite(weighted - est)
}

// checkDistributions checks the previous and the current distribution.
func checkDistributions(m Map, prev, cur Distribution) error {
	if err := m.CheckDistribution(prev); err != nil {
		return fmt.Errorf("previous turn's probabilities: %w", err)
	}
	if err := m.CheckDistribution(cur); err != nil {
		return fmt.Errorf("probabilities: %w", err)
	}
	return nil
}

// finite returns r, with −0 as 0, or an error wrapping ErrRange if r
// overflowed, which only map values or estimates near the largest float64
// can cause.
func finite(r float64) (float64, error) {
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return 0, fmt.Errorf("%w: the reward overflows float64", ErrRange)
	}
	return r + 0, nil // + 0 turns −0 into 0
}
