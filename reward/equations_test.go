package reward

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// tolerance is the absolute tolerance of the hand-computed rewards: every
// term is a product of numbers with at most two decimals, so float64
// rounding stays far below it.
const tolerance = 1e-12

// mustParseMap parses a map or fails the test.
func mustParseMap(t testing.TB, s string) Map {
	t.Helper()
	m, err := ParseMap(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The distributions of the hand-computed cases, with the map
// f = angry −1, happy 1, neutral 0, sad −0.5.
const fourEmotions = "angry=-1,happy=1,neutral=0,sad=-0.5"

var (
	p0   = Distribution{"angry": 0.5, "happy": 0.1, "neutral": 0.2, "sad": 0.2}
	p1   = Distribution{"angry": 0.2, "happy": 0.4, "neutral": 0.3, "sad": 0.1}
	p2   = Distribution{"angry": 0.1, "happy": 0.3, "neutral": 0.2, "sad": 0.4}
	est1 = Distribution{"angry": 0.4, "happy": 0.2, "neutral": 0.3, "sad": 0.1}
	est2 = Distribution{"angry": 0.2, "happy": 0.4, "neutral": 0.3, "sad": 0.1} // = p1: "no change expected"
)

func TestEq1HandComputed(t *testing.T) {
	four := mustParseMap(t, fourEmotions)
	twoEmotions := mustParseMap(t, "calm=10,fear=0") // a range [0, 10]
	tests := []struct {
		name           string
		m              Map
		prev, cur, est Distribution
		want           float64
	}{{
		// ΔP     = P1 − P0   = angry −0.3, happy +0.3, neutral +0.1, sad −0.1
		// ΔP_est = est1 − P0 = angry −0.1, happy +0.1, neutral +0.1, sad −0.1
		// ΔP − ΔP_est        = angry −0.2, happy +0.2, neutral  0,   sad  0
		// r = (−1)(−0.2) + (1)(0.2) + (0)(0) + (−0.5)(0) = 0.4
		name: "better than estimated", m: four, prev: p0, cur: p1, est: est1, want: 0.4,
	}, {
		// ΔP     = P2 − P1   = angry −0.1, happy −0.1, neutral −0.1, sad +0.3
		// ΔP_est = est2 − P1 = 0 for every emotion
		// r = (−1)(−0.1) + (1)(−0.1) + (0)(−0.1) + (−0.5)(0.3) = 0.1 − 0.1 − 0.15 = −0.15
		name: "worse than estimated", m: four, prev: p1, cur: p2, est: est2, want: -0.15,
	}, {
		// ΔP = ΔP_est, so every term is 0.
		name: "as estimated", m: four, prev: p0, cur: p1, est: p1, want: 0,
	}, {
		// ΔP     = calm +0.3, fear −0.3 (0.5 → 0.8, 0.5 → 0.2)
		// ΔP_est = calm +0.1, fear −0.1 (0.5 → 0.6, 0.5 → 0.4)
		// r = 10(0.3 − 0.1) + 0(−0.3 + 0.1) = 2
		name: "range [0, 10]", m: twoEmotions,
		prev: Distribution{"calm": 0.5, "fear": 0.5}, cur: Distribution{"calm": 0.8, "fear": 0.2},
		est: Distribution{"calm": 0.6, "fear": 0.4}, want: 2,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Eq1(tt.m, tt.prev, tt.cur, tt.est)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(got-tt.want) > tolerance {
				t.Errorf("Eq1 = %v, want %v ± %v", got, tt.want, tolerance)
			}
		})
	}
}

func TestEq2HandComputed(t *testing.T) {
	four := mustParseMap(t, fourEmotions)
	twoEmotions := mustParseMap(t, "calm=10,fear=0")
	tests := []struct {
		name      string
		m         Map
		prev, cur Distribution
		est       float64
		want      float64
	}{{
		// Σ f ΔP (P0 → P1) = (−1)(−0.3) + (1)(0.3) + (0)(0.1) + (−0.5)(−0.1) = 0.65
		// r = 0.65 − 0.25 = 0.4, equal to Eq. 1's first case, because
		// 0.25 = Σ f ΔP_est there: (−1)(−0.1) + (1)(0.1) + 0 + (−0.5)(−0.1).
		name: "positive estimate", m: four, prev: p0, cur: p1, est: 0.25, want: 0.4,
	}, {
		// Σ f ΔP (P1 → P2) = (−1)(−0.1) + (1)(−0.1) + (0)(−0.1) + (−0.5)(0.3) = −0.15
		// r = −0.15 − (−0.1) = −0.05
		name: "negative estimate", m: four, prev: p1, cur: p2, est: -0.1, want: -0.05,
	}, {
		// r = Σ f ΔP = 0.65
		name: "zero estimate", m: four, prev: p0, cur: p1, est: 0, want: 0.65,
	}, {
		// Σ f ΔP = 10(0.3) + 0(−0.3) = 3; r = 3 − 2.5 = 0.5
		name: "range [0, 10]", m: twoEmotions,
		prev: Distribution{"calm": 0.5, "fear": 0.5}, cur: Distribution{"calm": 0.8, "fear": 0.2},
		est: 2.5, want: 0.5,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Eq2(tt.m, tt.prev, tt.cur, tt.est)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(got-tt.want) > tolerance {
				t.Errorf("Eq2 = %v, want %v ± %v", got, tt.want, tolerance)
			}
		})
	}
}

// TestEqNoNegativeZero checks that a zero reward is written 0, not -0.
func TestEqNoNegativeZero(t *testing.T) {
	m := mustParseMap(t, "angry=-1,happy=0")
	d := Distribution{"angry": 0, "happy": 1}
	r1, _ := Eq1(m, d, d, d)
	r2, _ := Eq2(m, d, d, 0)
	if math.Signbit(r1) || math.Signbit(r2) {
		t.Errorf("Eq1 = %v, Eq2 = %v, want +0", r1, r2)
	}
}

func TestEqErrors(t *testing.T) {
	m := mustParseMap(t, fourEmotions)
	withCalm := Distribution{"angry": 0.5, "happy": 0.1, "neutral": 0.2, "sad": 0.1, "calm": 0.1}
	noSad := Distribution{"angry": 0.5, "happy": 0.3, "neutral": 0.2}
	short := Distribution{"angry": 0.5, "happy": 0.1, "neutral": 0.2, "sad": 0.1} // sums to 0.9
	tests := []struct {
		name      string
		eq        Equation
		prev, cur Distribution
		est       Distribution // Eq. 1
		estReward float64      // Eq. 2
		want      error
		wantText  string
	}{
		{"eq1 unmapped in previous", Equation1, withCalm, p1, est1, 0, ErrUnmappedEmotion, "previous turn's probabilities: reward: emotion not in the map: calm"},
		{"eq1 missing in current", Equation1, p0, noSad, est1, 0, ErrMissingEmotion, "probabilities: reward: emotion of the map missing from the probabilities: sad"},
		{"eq1 estimate sums to 0.9", Equation1, p0, p1, short, 0, ErrDistribution, "estimated probabilities: reward: not a probability distribution: probabilities sum to 0.9"},
		{"eq1 no estimate", Equation1, p0, p1, nil, 0, ErrMissingEmotion, "estimated probabilities"},
		{"eq2 current sums to 0.9", Equation2, p0, short, nil, 0, ErrDistribution, "sum to 0.9"},
		{"eq2 NaN estimate", Equation2, p0, p1, nil, math.NaN(), ErrEstimate, "estimated reward NaN is not finite"},
		{"eq2 infinite estimate", Equation2, p0, p1, nil, math.Inf(-1), ErrEstimate, "-Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.eq == Equation1 {
				_, err = Eq1(m, tt.prev, tt.cur, tt.est)
			} else {
				_, err = Eq2(m, tt.prev, tt.cur, tt.estReward)
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %v, want %v containing %q", err, tt.want, tt.wantText)
			}
		})
	}
}

func TestEqOverflow(t *testing.T) {
	m := mustParseMap(t, "angry=-1.5e308,happy=1.5e308")
	prev := Distribution{"angry": 1, "happy": 0}
	cur := Distribution{"angry": 0, "happy": 1}
	// Σ f ΔP = 1.5e308 + 1.5e308 overflows.
	if _, err := Eq1(m, prev, cur, prev); !errors.Is(err, ErrRange) {
		t.Errorf("Eq1: error %v, want ErrRange", err)
	}
	if _, err := Eq2(m, prev, cur, 0); !errors.Is(err, ErrRange) {
		t.Errorf("Eq2: error %v, want ErrRange", err)
	}
}
