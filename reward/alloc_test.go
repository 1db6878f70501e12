package reward

import "testing"

// TestEqAllocs checks that computing a reward allocates nothing: an agent
// may compute one per step of a long training run.
func TestEqAllocs(t *testing.T) {
	m := mustParseMap(t, fourEmotions)
	if n := testing.AllocsPerRun(100, func() { Eq1(m, p0, p1, est1) }); n != 0 {
		t.Errorf("Eq1: %v allocations per call, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { Eq2(m, p0, p1, 0.25) }); n != 0 {
		t.Errorf("Eq2: %v allocations per call, want 0", n)
	}
}
