package models

import "testing"

func TestConfigChecks(t *testing.T) {
	v := 0
	SetDefault(&v, 7)
	if SetDefault(&v, 9); v != 7 {
		t.Errorf("SetDefault: %d, want the first default 7 kept", v)
	}
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"sizes fine", CheckSizes(Size{"a", 0}, Size{"b", 3}), ""},
		{"negative size", CheckSizes(Size{"a", 1}, Size{"hidden", -2}, Size{"c", -1}), "hidden -2 is negative"},
		{"dropout fine", CheckDropout(0.5), ""},
		{"dropout 1", CheckDropout(1), "dropout 1 outside [0, 1)"},
		{"dropout NaN", CheckDropout(nan()), "dropout NaN outside [0, 1)"},
	} {
		got := ""
		if tc.err != nil {
			got = tc.err.Error()
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func nan() float64 { zero := 0.0; return zero / zero }
