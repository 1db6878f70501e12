// Package reward computes the reinforcement-learning reward that IEmoNet
// derives from a user's emotions, for training dialogue agents.
//
// After each agent turn the user speaks again, and an emotion recogniser
// gives P(e|h_t), the probability of every emotion e given the dialogue
// history h_t up to the user's turn t. A map f gives every emotion a value
// in a range [p, q] (angry = -1, happy = 1, ...). With
//
//	ΔP(e|h_t)     = P(e|h_t)     − P(e|h_{t−1})
//	ΔP_est(e|h_t) = P_est(e|h_t) − P(e|h_{t−1})
//
// the reward of turn t ≥ 1 is, by Eq. 1,
//
//	r_t = Σ_e f(e) · (ΔP(e|h_t) − ΔP_est(e|h_t))
//
// where P_est(e|h_t) is an estimate of the user's emotions after turn t
// (from a user model, say), or, by Eq. 2,
//
//	r_t = Σ_e f(e) · ΔP(e|h_t) − r_t^est
//
// where r_t^est is an estimate of the reward itself. Either way the agent is
// rewarded for moving the user's emotions towards the valued ones more than
// expected, and penalised for doing worse than expected. In Eq. 1 the
// previous distribution cancels algebraically, r_t = Σ_e f(e)·(P(e|h_t) −
// P_est(e|h_t)); [Eq1] still computes the two changes as written and still
// checks P(e|h_{t−1}).
//
// [Eq1] and [Eq2] compute one reward. A [Scorer] scores the turns of a
// dialogue in order, and [Score] does so for a dialogue file of JSON lines
// (see [Reader] for the format), asking a [ProbsFunc] for the
// probabilities of turns given as recordings.
//
// # Validation
//
// Every distribution must hold exactly the emotions of the map: an emotion
// the map lacks is an error wrapping [ErrUnmappedEmotion], and an emotion of
// the map the distribution lacks one wrapping [ErrMissingEmotion] (it is not
// taken as probability 0, because an omission is more often a mistake than
// a statement). Probabilities must be finite and non-negative and sum to 1
// within [SumTolerance]; otherwise the error wraps [ErrDistribution].
// Emotions are summed in the map's sorted order, so a reward is the same
// number on every run.
package reward
