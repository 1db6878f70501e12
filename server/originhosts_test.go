package server

import (
	"slices"
	"testing"
)

func TestOriginHosts(t *testing.T) {
	for _, tc := range []struct {
		origins []string
		want    []string
	}{
		{nil, nil},
		{[]string{"*"}, []string{"*"}},
		{[]string{"https://app.example", "http://localhost:3000"}, []string{"app.example", "localhost:3000"}},
		{[]string{"not a url", "https://ok.example"}, []string{"ok.example"}},
	} {
		if got := originHosts(tc.origins); !slices.Equal(got, tc.want) {
			t.Errorf("originHosts(%q) = %q, want %q", tc.origins, got, tc.want)
		}
	}
}
