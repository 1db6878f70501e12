package reward

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestParseMap(t *testing.T) {
	tests := []struct {
		in   string
		want string // String() of the map
	}{
		{"angry=-1,happy=1,neutral=0,sad=-0.5", "angry=-1,happy=1,neutral=0,sad=-0.5"},
		{" sad = -0.5 , angry=-1 ", "angry=-1,sad=-0.5"},
		{"happy=+1e0", "happy=1"},
	}
	for _, tt := range tests {
		m, err := ParseMap(tt.in)
		if err != nil {
			t.Errorf("ParseMap(%q): %v", tt.in, err)
			continue
		}
		if got := m.String(); got != tt.want {
			t.Errorf("ParseMap(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseMapErrors(t *testing.T) {
	tests := []struct {
		in, wantText string
	}{
		{"", `entry ""`},
		{"angry", `entry "angry" in "angry", want emotion=value`},
		{"angry=", `entry "angry="`},
		{"=1", `entry "=1"`},
		{"angry=-1,", `entry ""`},
		{"angry=-1,,happy=1", `entry ""`},
		{"angry=high", `value "high" of "angry" is not a number`},
		{"angry=1=2", `value "1=2" of "angry"`},
		{"angry=-1,angry=1", `emotion "angry" given twice`},
		{"angry=NaN", "angry=NaN is not a finite value"},
		{"angry=-Inf", "angry=-Inf is not a finite value"},
		{"angry=1e999", `value "1e999" of "angry" is not a number`},
	}
	for _, tt := range tests {
		_, err := ParseMap(tt.in)
		if !errors.Is(err, ErrMap) || !strings.Contains(err.Error(), tt.wantText) {
			t.Errorf("ParseMap(%q): error %v, want ErrMap containing %q", tt.in, err, tt.wantText)
		}
	}
}

func TestNewMapErrors(t *testing.T) {
	for _, values := range []map[string]float64{nil, {}, {"": 1}, {"happy": math.Inf(1)}} {
		if _, err := NewMap(values); !errors.Is(err, ErrMap) {
			t.Errorf("NewMap(%v): error %v, want ErrMap", values, err)
		}
	}
}

func TestMapAccessors(t *testing.T) {
	m := mustParseMap(t, "sad=-0.5,angry=-1,happy=1")
	if got, want := m.Emotions(), []string{"angry", "happy", "sad"}; !slices.Equal(got, want) {
		t.Errorf("Emotions = %q, want %q", got, want)
	}
	m.Emotions()[0] = "changed"
	if v, ok := m.Value("angry"); !ok || v != -1 {
		t.Errorf("Value(angry) = %v, %v after changing the Emotions slice, want -1, true", v, ok)
	}
	if v, ok := m.Value("calm"); ok || v != 0 {
		t.Errorf("Value(calm) = %v, %v, want 0, false", v, ok)
	}
	if m.Len() != 3 {
		t.Errorf("Len = %d, want 3", m.Len())
	}
}

func TestCheckRange(t *testing.T) {
	m := mustParseMap(t, "angry=-1,happy=1,neutral=0,sad=-0.5")
	tests := []struct {
		p, q     float64
		wantText string // "" for no error
	}{
		{-1, 1, ""},
		{-1, 1.5, ""},
		{-0.5, 1, "angry=-1 outside [-0.5, 1]"},
		{0, 0.5, "angry=-1, happy=1, sad=-0.5 outside [0, 0.5]"},
		{1, -1, "[1, -1] is not a finite, non-empty range"},
		{math.NaN(), 1, "is not a finite"},
		{-1, math.Inf(1), "is not a finite"},
	}
	for _, tt := range tests {
		err := m.CheckRange(tt.p, tt.q)
		if tt.wantText == "" {
			if err != nil {
				t.Errorf("CheckRange(%v, %v): %v", tt.p, tt.q, err)
			}
			continue
		}
		if !errors.Is(err, ErrRange) || !strings.Contains(err.Error(), tt.wantText) {
			t.Errorf("CheckRange(%v, %v): error %v, want ErrRange containing %q", tt.p, tt.q, err, tt.wantText)
		}
	}
}

func TestCheckDistribution(t *testing.T) {
	m := mustParseMap(t, "angry=-1,happy=1,sad=-0.5")
	tests := []struct {
		name     string
		d        Distribution
		want     error // nil for valid
		wantText string
	}{
		{"valid", Distribution{"angry": 0.2, "happy": 0.5, "sad": 0.3}, nil, ""},
		{"sum within tolerance above", Distribution{"angry": 0.2, "happy": 0.5009, "sad": 0.3}, nil, ""},
		{"sum within tolerance below", Distribution{"angry": 0.2, "happy": 0.4991, "sad": 0.3}, nil, ""},
		{"certain", Distribution{"angry": 0, "happy": 1, "sad": 0}, nil, ""},
		{"sum above tolerance", Distribution{"angry": 0.2, "happy": 0.5011, "sad": 0.3}, ErrDistribution, "sum to 1.0011, want 1 ± 0.001"},
		{"sum below tolerance", Distribution{"angry": 0.2, "happy": 0.4989, "sad": 0.3}, ErrDistribution, "sum to 0.9989"},
		{"negative", Distribution{"angry": -0.1, "happy": 0.8, "sad": 0.3}, ErrDistribution, "P(angry) = -0.1"},
		{"NaN", Distribution{"angry": math.NaN(), "happy": 0.7, "sad": 0.3}, ErrDistribution, "P(angry) = NaN"},
		{"infinite", Distribution{"angry": 0, "happy": math.Inf(1), "sad": 0}, ErrDistribution, "P(happy) = +Inf"},
		{"unmapped", Distribution{"angry": 0.2, "calm": 0.1, "fear": 0, "happy": 0.4, "sad": 0.3}, ErrUnmappedEmotion, "calm, fear (the map has angry, happy, sad)"},
		{"missing", Distribution{"happy": 1}, ErrMissingEmotion, "angry, sad"},
		{"empty", Distribution{}, ErrMissingEmotion, "angry, happy, sad"},
		{"nil", nil, ErrMissingEmotion, "angry, happy, sad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := m.CheckDistribution(tt.d)
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %v, want %v containing %q", err, tt.want, tt.wantText)
			}
		})
	}
}
